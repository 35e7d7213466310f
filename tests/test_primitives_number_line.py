"""ZoomableNumberLine: values go to the screen and come back through the line's own geometry,
ticks and labels follow the window, markers keep their exact values while it zooms — built
and animated without rendering, checked with fractions, ``math.ulp`` and ``nextafter``."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from animation_helpers import run

from mathviz import theme
from mathviz.maths.floats import Window, ZoomPath
from mathviz.primitives.number_line import (
    ExactDecimal,
    ScientificReadout,
    ZoomableNumberLine,
    group_thousands,
    split_scientific,
)
from mathviz.readings import printed, source_of

DEEP = Window.around("0.3", "5e-16")  # nine doubles, 2**-54 apart
ULP = Fraction(2) ** -54


def line_with_markers(window: Window) -> ZoomableNumberLine:
    line = ZoomableNumberLine(window, left=-6.0, right=6.0, y=0.5)
    for key, value in (("0.3", 0.3), ("sum", 0.1 + 0.2), ("three tenths", Fraction(3, 10))):
        line.add_marker(key, value, color=theme.ACCENT, label=theme.tex(key.split()[0]))
        line.marker(key).visibility_goal = 1.0
    line.set_window(window)
    return line


def test_screen_positions_read_back_exactly_through_the_window():
    line = ZoomableNumberLine(DEEP, left=-6.0, right=6.0)
    for value in (DEEP.lo, DEEP.hi, Fraction(3, 10), Fraction(0.3), Fraction(0.1 + 0.2)):
        x = line.x_of(value)
        assert abs(line.value_at_x(x) - value) < DEEP.width * Fraction(1, 10**12)
    assert line.x_of(DEEP.lo) == -6.0 and line.x_of(DEEP.hi) == 6.0
    assert line.width_shown() == pytest.approx(5e-16, rel=1e-12)
    assert source_of(line.width_shown()).startswith("geometry")


def test_markers_stand_on_their_values_and_the_gap_is_one_ulp():
    line = line_with_markers(DEEP)
    assert line.value_shown("0.3") == 0.3
    assert line.value_shown("sum") == 0.1 + 0.2
    gap = line.offset_shown("0.3", "sum")
    assert gap == pytest.approx(float(ULP), rel=1e-9)
    assert line.ticks_between_shown("0.3", "sum") == pytest.approx(1.0, abs=1e-9)
    # the literal 0.3 is a fifth of a gap below three tenths
    assert line.ticks_between_shown("three tenths", "0.3") == pytest.approx(-0.2, abs=1e-9)
    assert line.offset_from_shown(Fraction(3, 10), "0.3") == pytest.approx(
        float(Fraction(0.3) - Fraction(3, 10)), rel=1e-9
    )


def test_doubles_are_ticks_only_when_they_can_be_told_apart():
    line = ZoomableNumberLine(DEEP)
    xs = line.double_tick_xs()
    doubles = [0.3]
    for _ in range(4):
        doubles = [math.nextafter(doubles[0], 0), *doubles, math.nextafter(doubles[-1], 1)]
    assert line.double_count_shown() == len(doubles) == 9
    values = [line.value_at_x(x) for x in xs]
    assert [float(v) for v in values] == doubles
    assert line.double_spacing_shown() == pytest.approx(math.ulp(0.3), rel=1e-9)
    assert float(line.band.get_fill_opacity()) == 0.0
    wide = ZoomableNumberLine(Window.of(0, 1))
    assert wide.double_count_shown() == 0  # 2**62 of them: a solid band
    assert float(wide.band.get_fill_opacity()) > 0.5
    with pytest.raises(ValueError):
        wide.double_spacing_shown()


@pytest.mark.parametrize(
    "window",
    [
        Window.of(0, 1),
        Window.around("0.3", "1e-4"),
        Window.around("0.3", "1e-8"),
        DEEP,
        Window.of(10**16 - 4, 10**16 + 16),
    ],
)
def test_labels_name_their_ticks_fit_and_never_overlap(window):
    line = ZoomableNumberLine(window, left=-6.0, right=6.0)
    labels = line.visible_labels()
    assert len(labels) >= 2
    for label in labels:
        value = Fraction(label.exact_text.replace(",", ""))
        assert window.contains(value)
        assert float(label.get_center()[0]) == pytest.approx(line.x_of(value), abs=1e-9)
        assert printed(label).text == label.exact_text
        assert label.get_left()[0] >= -6.5 - 1e-9 and label.get_right()[0] <= 6.5 + 1e-9
    for a, b in zip(labels, labels[1:], strict=False):
        assert a.get_right()[0] < b.get_left()[0]
    places, shown = line.typed_label_places(), line.label_places_shown()
    np.testing.assert_allclose(places, shown, atol=1e-9)
    assert source_of(places).startswith("derived") and source_of(shown).startswith("geometry")


def test_three_tenths_keeps_its_label_at_every_depth():
    for width in ("1", "1e-3", "1e-8", "1e-12", "5e-16"):
        line = ZoomableNumberLine(Window.around("0.3", width, "0.5"))
        assert "0.3" in [m.exact_text for m in line.visible_labels()]


def test_zoom_moves_the_window_and_the_markers_follow(scene):
    start, end = Window.of(0, 1), DEEP
    line = line_with_markers(start)
    scene.add(line)
    zoom = line.zoom(ZoomPath(start, end, Fraction(3, 10)))
    zoom._setup_scene(scene)
    zoom.begin()
    for alpha in (0.0, 0.3, 0.7):
        zoom.interpolate(alpha)
        assert line.value_shown("0.3") == pytest.approx(0.3, abs=float(line.window.width) * 1e-9)
        assert line.window.contains(Fraction(3, 10))
    zoom.finish()
    assert line.window == end
    assert line.ticks_between_shown("0.3", "sum") == pytest.approx(1.0, abs=1e-9)
    wrong = line.zoom(ZoomPath(start, end, Fraction(3, 10)))
    wrong._setup_scene(scene)
    with pytest.raises(ValueError):
        wrong.begin()


def test_markers_outside_the_window_are_hidden():
    line = ZoomableNumberLine(Window.of(0, 1))
    line.add_marker("a", 0.1, color=theme.ACCENT, label=theme.tex("0.1"))
    line.marker("a").visibility_goal = 1.0
    line.set_window(Window.of(0, 1))
    assert line.marker("a").visibility == 1.0
    line.set_window(DEEP)
    assert line.marker("a").visibility == 0.0
    assert float(line.marker("a").label.get_fill_opacity()) == 0.0
    with pytest.raises(ValueError):
        line.add_marker("a", 0.2, color=theme.ACCENT)


def test_drop_slide_and_travel_land_on_exact_values(scene):
    line = line_with_markers(DEEP)
    scene.add(line)
    line.add_marker("ring", Fraction(0.1) + Fraction(0.2), color=theme.TEXT, style="ring")
    assert line.marker("ring").visibility == 0.0  # brought in by an animation
    run(scene, line.drop("ring"))
    assert line.marker("ring").visibility == 1.0
    assert line.ticks_between_shown("0.3", "ring") == pytest.approx(0.5, abs=1e-9)
    slide = line.slide("ring", 0.1 + 0.2)
    slide._setup_scene(scene)
    slide.begin()
    slide.interpolate(0.5)
    assert line.ticks_between_shown("0.3", "ring") == pytest.approx(0.75, abs=1e-9)
    slide.finish()
    assert line.marker("ring").value == Fraction(0.1 + 0.2)
    run(scene, line.travel("ring", [0.3, 0.1 + 0.2, 0.3]))
    assert line.value_shown("ring") == 0.3
    run(scene, line.hide("ring"))
    assert line.marker("ring").visibility == 0.0


def test_reveal_draws_from_the_left(scene):
    line = ZoomableNumberLine(Window.of(0, 1))
    line.conceal()
    assert line.visible_labels() == [] and float(line.band.get_fill_opacity()) == 0.0
    scene.add(line)
    reveal = line.reveal("ruler")
    reveal._setup_scene(scene)
    reveal.begin()
    reveal.interpolate(0.5)
    shown = [m.exact_text for m in line.visible_labels()]
    assert "0" in shown and "0.9" not in shown
    reveal.finish()
    assert len(line.visible_labels()) == 11
    run(scene, line.reveal("doubles"))
    assert float(line.band.get_fill_opacity()) > 0.5
    with pytest.raises(ValueError):
        line.reveal("everything")


def test_exact_decimal_shows_its_text_glyph_by_glyph():
    label = ExactDecimal("0.2999999999999998")
    reading = printed(label)
    assert reading.text == "0.2999999999999998" and reading.decimals == 16
    assert Fraction(reading.text) == Fraction(3, 10) - Fraction(2, 10**16)
    big = ExactDecimal(group_thousands("10000000000000010"))
    assert printed(big).text == "10,000,000,000,000,010" and float(printed(big)) == 1e16 + 10
    with pytest.raises(TypeError):
        label.set_value(1.0)
    with pytest.raises(ValueError):
        ExactDecimal("zero")


def test_group_thousands():
    assert group_thousands("10000000000000000") == "10,000,000,000,000,000"
    assert group_thousands("-12345.678") == "-12,345.678"
    assert group_thousands("0.3000000000000002") == "0.3000000000000002"
    assert group_thousands("1234") == "1234"


def test_scientific_readout_splits_and_reads_back():
    assert split_scientific(5e-16, 1) == (5.0, -16)
    assert split_scientific(9.96e-8, 1) == (1.0, -7)  # rounds up into the next decade
    assert split_scientific(math.ulp(0.3), 2) == (5.55, -17)
    assert split_scientific(20.0, 1) == (2.0, 1)
    with pytest.raises(ValueError):
        split_scientific(0.0, 1)
    readout = ScientificReadout(r"\text{gap}", math.ulp(0.3), decimals=2)
    mantissa, exponent = readout.parts
    assert float(mantissa) == 5.55 and mantissa.text == "5.55"
    assert float(exponent) == -17
    box = readout.label.get_right()[0]
    readout.follow(lambda: 1e-8)
    readout.update()
    assert [float(p) for p in readout.parts] == [1.0, -8.0]
    assert readout.label.get_right()[0] == box  # the label stays put
    readout.stop_following()
    readout.set_value(3.0)
    assert [float(p) for p in readout.parts] == [3.0, 0.0]


@pytest.mark.parametrize(
    ("start", "end", "focus"),
    [
        (Window.of(0, 1), Window.around("0.3", "1e-8", "0.4"), Fraction(3, 10)),
        (Window.around("0.3", "1e-8", "0.4"), DEEP, Fraction(3, 10)),
        (Window.of(0, 2 * 10**16), Window.of(10**16 - 4, 10**16 + 16), Fraction(10**16)),
    ],
)
def test_labels_never_overlap_anywhere_along_a_zoom(start, end, focus):
    """Mid-animation the layout lint exempts what moves, so the line must keep its labels
    apart by construction: check many moments of each zoom of the lecture."""
    path = ZoomPath(start, end, focus)
    line = ZoomableNumberLine(start, left=-6.0, right=6.0)
    for alpha in np.linspace(0, 1, 161):
        line.set_window(path.window_at(float(alpha)))
        labels = line.visible_labels()
        assert labels, f"no label at alpha {alpha}"
        for a, b in zip(labels, labels[1:], strict=False):
            assert a.get_right()[0] + 0.1 < b.get_left()[0], (alpha, a.exact_text, b.exact_text)
        for label in labels:
            assert label.get_left()[0] >= -6.5 - 1e-9 and label.get_right()[0] <= 6.5 + 1e-9
