"""MorphingAxis, ValueStrip, SpreadBar and ShareBar: what they read back from the drawing,
built and animated without rendering, against values computed here."""

from __future__ import annotations

import itertools
import math
import statistics

import numpy as np
import pytest
from animation_helpers import run
from manim import UP, NumberLine

from mathviz import theme
from mathviz.maths.scales import BlendedScale, ShiftScale, min_max_constants, z_constants
from mathviz.primitives.scales import MorphingAxis, ShareBar, SpreadBar, ValueStrip

SCALE = BlendedScale(linear=(0.0, 1.0), log=(1e-5, 1.0))
RATES = [10.0**k for k in range(-5, 1)]
LENGTH, RADIUS = 12.0, 0.11
ALIEN = [5.0, 4.0, 1.0, 2.0, 5.0, 3.0]


def axis_with_dots(scene) -> MorphingAxis:
    axis = MorphingAxis(SCALE, left=(-6.0, 0.5, 0.0), length=LENGTH)
    scene.add(axis)
    run(scene, axis.add_dots(RATES, radius=RADIUS))
    return axis


def test_dots_read_back_as_their_rates_on_both_axes(scene):
    axis = axis_with_dots(scene)
    np.testing.assert_allclose(axis.exponents_shown(), range(-5, 1), atol=1e-9)
    # on the linear axis a rate r is drawn r·L from the left end
    xs = [d.get_center()[0] + 6.0 for d in axis.dots]
    np.testing.assert_allclose(xs, [r * LENGTH for r in RATES], atol=1e-12)
    run(scene, axis.morph(1.0))
    np.testing.assert_allclose(axis.exponents_shown(), range(-5, 1), atol=1e-9)
    xs = [d.get_center()[0] + 6.0 for d in axis.dots]
    np.testing.assert_allclose(xs, [(k + 5) / 5 * LENGTH for k in range(-5, 1)], atol=1e-12)
    np.testing.assert_allclose(axis.gaps_shown(), [0.2] * 5, atol=1e-12)


def test_the_pile_at_zero_is_counted_from_the_drawing(scene):
    axis = axis_with_dots(scene)
    xs = [r * LENGTH for r in RATES]
    piled = sum(
        1
        for i, x in enumerate(xs)
        if any(abs(x - y) < 2 * RADIUS for j, y in enumerate(xs) if j != i)
    )
    assert axis.piled_shown() == piled == 4
    run(scene, axis.morph(1.0))
    assert axis.piled_shown() == 0


def test_in_motion_the_dots_keep_their_order_and_their_values(scene):
    axis = axis_with_dots(scene)
    anim = axis.morph(1.0)
    anim._setup_scene(scene)
    anim.begin()
    previous = None
    for alpha in np.linspace(0, 1, 21):
        anim.interpolate(alpha)
        assert axis.inversions_shown() == 0
        np.testing.assert_allclose(axis.exponents_shown(), range(-5, 1), atol=1e-9)
        xs = [d.get_center()[0] for d in axis.dots]
        assert all(a < b for a, b in itertools.pairwise(xs))
        if previous is not None:  # 10⁻⁴ … 10⁻¹ only ever move right as the pile spreads
            assert all(x >= p - 1e-12 for x, p in zip(xs[1:5], previous[1:5], strict=True))
        previous = xs
    anim.finish()
    assert axis.s == pytest.approx(1.0)


def test_labels_are_re_typeset_as_powers_of_ten(scene):
    axis = axis_with_dots(scene)
    assert axis.linear_labels_shown().tolist() == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert axis.decade_labels_shown() == []
    np.testing.assert_allclose(axis.ticks_shown("linear"), [0, 0.2, 0.4, 0.6, 0.8, 1], atol=1e-12)
    run(scene, axis.morph(1.0))
    assert axis.decade_labels_shown() == [-5, -4, -3, -2, -1, 0]
    assert len(axis.linear_labels_shown()) == 0
    assert axis.tick_count_shown("linear") == 0
    np.testing.assert_allclose(np.log10(axis.ticks_shown("decade")), range(-5, 1), atol=1e-9)
    np.testing.assert_allclose(
        np.log10(axis.label_positions_shown("decade")), range(-5, 1), atol=1e-9
    )
    assert axis.tick_count_shown("minor") == 0
    run(scene, axis.show_minor_ticks())
    assert axis.tick_count_shown("minor") == 40
    # the minor ticks repeat one pattern in every decade: log10(2) … log10(9) of its width
    minor = np.log10(axis.ticks_shown("minor")).reshape(5, 8)
    pattern = [math.log10(m) for m in range(2, 10)]
    np.testing.assert_allclose(minor - np.floor(minor), [pattern] * 5, atol=1e-9)


@pytest.mark.parametrize("s", [0.0, 0.5, 1.0])
def test_the_ruler_spans_a_factor_of_ten_wherever_it_is(scene, s):
    axis = axis_with_dots(scene)
    run(scene, axis.morph(s))
    run(scene, axis.show_ruler(-5.0))
    anim = axis.slide_ruler(-1.0)
    anim._setup_scene(scene)
    anim.begin()
    widths = []
    for alpha in np.linspace(0, 1, 11):
        anim.interpolate(alpha)
        low, high = axis.ruler_shown()
        assert high / low == pytest.approx(10.0, rel=1e-9)
        widths.append(axis.ruler[0].width)
    anim.finish()
    np.testing.assert_allclose(axis.ruler_shown(), [0.1, 1.0], rtol=1e-9)
    if s == 1.0:
        np.testing.assert_allclose(widths, [LENGTH / 5] * len(widths), atol=1e-9)
    if s == 0.0:
        assert widths[-1] == pytest.approx(0.9 * LENGTH)


def test_a_moved_axis_still_reads_its_dots(scene):
    axis = axis_with_dots(scene)
    axis.shift(1.5 * UP)
    np.testing.assert_allclose(axis.exponents_shown(), range(-5, 1), atol=1e-9)
    run(scene, axis.morph(1.0))
    assert axis.dots[0].get_center()[1] == pytest.approx(2.0)
    np.testing.assert_allclose(axis.exponents_shown(), range(-5, 1), atol=1e-9)


# --- ValueStrip, SpreadBar, ShareBar -------------------------------------------------------------
def line(y: float = 0.0, x_range=(-2, 5, 1)) -> NumberLine:
    number_line = NumberLine(x_range=list(x_range), length=8.4, include_numbers=False)
    number_line.shift([-4.4, y, 0] - number_line.get_start())
    return number_line


def test_a_column_is_drawn_stacked_and_read_back():
    strip = ValueStrip(line(), ALIEN, list(theme.USER_COLORS))
    np.testing.assert_allclose(strip.values_shown(), ALIEN, atol=1e-12)
    heights = [d.get_center()[1] for d in strip.dots]
    # the second 5 (Eve) sits one stack above the first (Ana); every other dot on the line
    assert heights[4] == pytest.approx(0.34) and heights[0] == pytest.approx(0.0)
    assert sum(1 for h in heights if abs(h) < 1e-12) == 5
    assert strip.count_shown() == 6
    assert strip.piled_shown() == 0


def test_shift_then_scale_gives_min_max_and_z_scores(scene):
    for move, expected in (
        (min_max_constants(ALIEN), [(r - 1) / 4 for r in ALIEN]),
        (
            z_constants(ALIEN),
            [(r - statistics.fmean(ALIEN)) / statistics.pstdev(ALIEN) for r in ALIEN],
        ),
    ):
        strip = ValueStrip(line(), ALIEN, list(theme.USER_COLORS))
        scene.add(strip)
        run(scene, strip.shift_stage(move))
        np.testing.assert_allclose(strip.values_shown(), [r - move.shift for r in ALIEN], atol=1e-9)
        run(scene, strip.scale_stage(move))
        np.testing.assert_allclose(strip.values_shown(), expected, atol=1e-9)


def test_the_spread_bar_follows_mean_and_population_std(scene):
    strip = ValueStrip(line(), ALIEN, list(theme.USER_COLORS))
    bar = SpreadBar(strip)
    scene.add(strip, bar)
    mean, pstd = statistics.fmean(ALIEN), statistics.pstdev(ALIEN)
    np.testing.assert_allclose(bar.span_shown(), [mean - pstd, mean + pstd], atol=1e-9)
    move = z_constants(ALIEN)
    anim = strip.shift_stage(move)
    anim._setup_scene(scene)
    anim.begin()
    for alpha in np.linspace(0, 1, 6):
        anim.interpolate(alpha)
        bar.update(0)
        shown = [float(v) for v in strip.values_shown()]
        mu, sd = statistics.fmean(shown), statistics.pstdev(shown)
        np.testing.assert_allclose(bar.span_shown(), [mu - sd, mu + sd], atol=1e-9)
    anim.finish()
    run(scene, strip.scale_stage(move))
    bar.update(0)
    np.testing.assert_allclose(bar.span_shown(), [-1.0, 1.0], atol=1e-9)


def test_a_copy_onto_another_line_flies_there(scene):
    strip = ValueStrip(line(1.0), ALIEN, list(theme.USER_COLORS))
    other = line(-1.0)
    copy, fly = strip.onto(other)
    assert [d.get_center()[1] for d in copy.dots] == [d.get_center()[1] for d in strip.dots]
    run(scene, fly)
    np.testing.assert_allclose(copy.values_shown(), ALIEN, atol=1e-12)
    assert copy.dots[0].get_center()[1] == pytest.approx(-1.0)


def test_piled_dots_on_a_wide_axis(scene):
    wide = line(0.0, (0, 300, 50))
    strip = ValueStrip(wide, ALIEN, list(theme.USER_COLORS), radius=0.13, stack=0.34)
    unit = 8.4 / 300
    points = [(r * unit, 0.34 if i == 4 else 0.0) for i, r in enumerate(ALIEN)]
    piled = sum(
        1
        for i, p in enumerate(points)
        if any(math.dist(p, q) < 0.26 for j, q in enumerate(points) if j != i)
    )
    assert strip.piled_shown() == piled == 5


@pytest.mark.parametrize("share", [0.0, 0.25, 0.5, 0.9, 1.0])
def test_the_share_bar_splits_where_it_is_told(share):
    value = {"now": share}
    bar = ShareBar(lambda: value["now"], left=(-3.0, -2.0, 0.0), length=6.0, height=0.4)
    assert bar.share_shown() == pytest.approx(share, abs=1e-12)
    first, second = bar.parts
    assert first.get_left()[0] == pytest.approx(-3.0) and second.get_right()[0] == pytest.approx(
        3.0
    )
    assert second.height == pytest.approx(0.4)
    value["now"] = 0.3
    bar.update(0)
    assert bar.share_shown() == pytest.approx(0.3)


def test_invalid_use_is_refused():
    axis = MorphingAxis(SCALE)
    with pytest.raises(ValueError):
        axis.morph(1.5)
    axis.add_dots(RATES)
    with pytest.raises(ValueError):
        axis.add_dots(RATES)
    with pytest.raises(ValueError):
        ValueStrip(line(), ALIEN, [theme.ACCENT])
    with pytest.raises(ValueError):
        ShiftScale(1.0, -1.0)
