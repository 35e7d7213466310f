"""Layout lint: texts leaving the frame and texts overlapping are reported by name."""

from __future__ import annotations

from manim import (
    RIGHT,
    UP,
    Circle,
    DecimalNumber,
    Dot,
    Line,
    MathTex,
    Text,
    ValueTracker,
    VGroup,
    tempconfig,
)

from mathviz.scene import layout_problems, reading_seconds, visible_texts


def test_clean_layout_has_no_problems():
    a = Text("left", font_size=24).shift(3 * RIGHT * -1)
    b = MathTex("x^2").shift(3 * RIGHT)
    assert layout_problems([a, b, Circle()]) == []


def test_offscreen_text_is_named():
    with tempconfig({"frame_height": 8.0, "frame_width": 8.0 * 16 / 9}):
        far = Text("runaway label", font_size=30).shift(7.5 * RIGHT)
        problems = layout_problems([far])
    assert len(problems) == 1 and problems[0][0].startswith('offscreen: text "runaway label"')
    assert problems[0][1] > 0.5


def test_a_value_tracker_is_state_not_picture():
    """A tracker added to the scene (``Slider.animate_to``, a moving camera) holds its value
    as a point; the renderer never draws it, so a value of 20 or -100 is not "off screen"."""
    with tempconfig({"frame_height": 8.0, "frame_width": 8.0 * 16 / 9}):
        assert layout_problems([ValueTracker(20), ValueTracker(-100), Dot()]) == []
        # a drawn mobject at the same place still is
        assert layout_problems([Dot().shift(20 * RIGHT)])[0][0].startswith("offscreen")


def test_a_vertical_segment_is_visible():
    """A vertical line has no width; it is still drawn, so it still leaves the frame."""
    from mathviz.layout import is_visible

    upright = Line(UP * 2, UP * 3)
    assert is_visible(upright)
    with tempconfig({"frame_height": 8.0, "frame_width": 8.0 * 16 / 9}):
        assert layout_problems([Line(UP * 3, UP * 9)])[0][0].startswith("offscreen")


def test_overlap_is_reported_once_per_pair_even_if_added_twice():
    a = Text("alpha", font_size=36)
    b = DecimalNumber(3.14159, num_decimal_places=2).move_to(a)
    group = VGroup(a, b)
    problems = layout_problems([group, a, b])
    assert len(problems) == 1
    assert "overlap" in problems[0][0] and "alpha" in problems[0][0] and "3.14" in problems[0][0]


def test_invisible_texts_are_ignored():
    a = Text("ghost").set_opacity(0)
    b = Text("ghost two")
    assert visible_texts([a, b]) == [b]
    assert layout_problems([a, b]) == []


def test_texts_inside_formulas_are_not_linted_against_their_own_parts():
    formula = MathTex("a", "+", "b").shift(UP)
    assert layout_problems([formula]) == []


def test_reading_time_grows_with_words():
    assert reading_seconds("one two three") < reading_seconds(" ".join(["word"] * 30))
