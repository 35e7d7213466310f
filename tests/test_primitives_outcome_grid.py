"""OutcomeGrid, ProbabilityReadout, CoinRow and FrequencyPlot: counts, lit cells, typeset
fractions and the traced dot, all read back from the drawing."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from animation_helpers import run

from mathviz import theme
from mathviz.maths.outcomes import two_dice
from mathviz.primitives.coin_tosses import CoinRow, FrequencyPlot, log_toss_axes
from mathviz.primitives.outcome_grid import (
    EventLegend,
    OutcomeGrid,
    ProbabilityReadout,
    fraction_in_tex,
    fraction_tex,
    typeset_fraction_shown,
)

SPACE = two_dice()


def test_cells_appear_and_are_counted(scene):
    grid = OutcomeGrid(SPACE, cell=0.8).shift(np.array([-3.0, 2.0, 0.0]))
    assert grid.drawn_shown() == 0
    scene.add(grid)
    run(scene, grid.create())
    assert grid.drawn_shown() == 36
    assert grid.lit_shown() == 0


def test_lit_cells_are_read_from_their_fill_and_position(scene):
    grid = OutcomeGrid(SPACE).show_all().shift(np.array([1.5, -0.5, 0.0]))
    scene.add(grid)
    seven = [(a, b) for a, b in product(range(1, 7), repeat=2) if a + b == 7]
    run(scene, grid.light(seven, theme.ACCENT))
    assert grid.lit_shown() == grid.lit_shown(theme.ACCENT) == 6
    assert grid.lit_outcomes_shown() == sorted([list(p) for p in seven])
    assert grid.sums_shown() == [7] * 6
    run(scene, grid.light([(6, 1)], theme.HYPOTHESIS))  # relit in another colour
    assert grid.lit_shown(theme.ACCENT) == 5 and grid.lit_shown(theme.HYPOTHESIS) == 1
    assert grid.lit_shown([theme.ACCENT, theme.HYPOTHESIS]) == 6
    run(scene, grid.unlight())
    assert grid.lit_shown() == 0 and grid.drawn_shown() == 36


def test_legend_counts_follow_the_lit_cells(scene):
    grid = OutcomeGrid(SPACE).show_all()
    legend = EventLegend(
        grid,
        [
            (theme.VECTOR_SECOND, "A", [theme.VECTOR_SECOND, theme.ACCENT], "doubles"),
            (theme.ACCENT, r"A \cap B", [theme.ACCENT], "both"),
        ],
    )
    scene.add(grid, legend)
    run(scene, grid.light([(1, 1), (2, 2)], theme.VECTOR_SECOND))
    run(scene, grid.light([(6, 6)], theme.ACCENT))
    for count in legend.counts:
        count.number.update(0)
    assert [float(c.value) for c in legend.counts] == [3, 1]
    names = [row[2] for row in legend]
    assert names[0].get_left()[0] == pytest.approx(names[1].get_left()[0])
    legend.stop_following()
    run(scene, grid.unlight())
    legend.counts[0].number.update(0)
    assert float(legend.counts[0].value) == 3  # frozen


def test_cell_centres_map_to_die_faces():
    grid = OutcomeGrid(SPACE, cell=1.0).show_all()
    corner = grid.frame.get_corner(np.array([-1.0, 1.0, 0.0]))
    assert grid.centre_of((1, 1)) == pytest.approx(corner + np.array([0.5, -0.5, 0.0]))
    assert grid.centre_of((6, 2)) == pytest.approx(corner + np.array([5.5, -1.5, 0.0]))


@pytest.mark.parametrize("value", [Fraction(1, 6), Fraction(5, 18), Fraction(1), Fraction(0)])
def test_fraction_tex_round_trips(value):
    assert fraction_in_tex(fraction_tex(value)) == value


def test_a_typeset_fraction_is_read_from_its_tex():
    formula = theme.tex(r"P(\text{one outcome}) = \frac{1}{36}")
    assert typeset_fraction_shown(formula) == pytest.approx(1 / 36)
    assert typeset_fraction_shown(formula).source.startswith("printed")


def test_fraction_in_tex_needs_exactly_one():
    with pytest.raises(ValueError):
        fraction_in_tex(r"\frac{1}{6} + \frac{1}{3}")


def test_probability_readout_follows_counts_and_typesets_the_reduced_value(scene):
    counts = {"lit": 6, "all": 36}
    readout = ProbabilityReadout(r"P(\text{sum} = 7)")
    readout.follow(lambda: counts["lit"], lambda: counts["all"])
    assert readout.fraction_shown() == pytest.approx(1 / 6)
    scene.add(readout)
    run(scene, readout.reduce(Fraction(6, 36)))
    assert readout.reduced_shown() == pytest.approx(1 / 6)
    counts["lit"] = 10
    readout.numerator.update(0)
    assert readout.fraction_shown() == pytest.approx(10 / 36)


def test_coins_flip_in_and_heads_are_counted(scene):
    row = CoinRow([1, 0, 0, 1, 0]).shift(np.array([0.0, 2.0, 0.0]))
    assert row.coins_shown() == 0
    scene.add(row)
    run(scene, row.flip_in())
    assert row.coins_shown() == 5
    assert row.heads_shown() == 2
    assert row.coins[0][0].get_center()[1] == pytest.approx(2.0)  # landed where it was put
    spot = row.spotlight(lambda: 3)
    assert spot.get_center() == pytest.approx(row.coins[3][0].get_center())
    assert row.spotlight(lambda: 99).get_center() == pytest.approx(row.coins[4][0].get_center())


def test_frequency_plot_dot_is_read_through_the_log_axis(scene):
    axes = log_toss_axes(1000, x_length=6.0, y_length=3.0)
    tosses = np.array([1, 0, 0, 1] * 250)
    shares = np.cumsum(tosses) / np.arange(1, 1001)
    plot = FrequencyPlot(axes, [1, 2, 3, 4, 10, 100, 1000], shares)
    assert plot.dot_shown() == pytest.approx([1.0, 1.0])
    scene.add(plot)
    run(scene, plot.advance_to(10))
    assert plot.dot_shown() == pytest.approx([10.0, 0.5])
    run(scene, plot.advance_to(1000))
    assert plot.dot_shown() == pytest.approx([1000.0, 0.5])
    band = plot.band()
    assert plot.point_shown(band[1], 100) == pytest.approx(0.45, abs=1e-9)


def test_log_axes_need_a_power_of_ten():
    with pytest.raises(ValueError):
        log_toss_axes(500, x_length=4.0, y_length=3.0)
