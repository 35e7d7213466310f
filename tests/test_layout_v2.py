"""Layout lint v2 (:mod:`mathviz.layout`): every rule fails a bad layout and passes a good one.

Expected values are worked out here by hand (WCAG's formulas, frame arithmetic), never by
calling the module's own helpers.
"""

from __future__ import annotations

import pytest
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    UR,
    WHITE,
    Axes,
    Circle,
    DecimalNumber,
    FunctionGraph,
    Line,
    MathTex,
    NumberPlane,
    Rectangle,
    Square,
    Text,
    VGroup,
    config,
)

from mathviz import layout, theme
from mathviz.layout import Finding, layout_findings, layout_problems
from mathviz.primitives.panel import Panel, card_for

FRAME_W, FRAME_H = 8.0 * 16 / 9, 8.0


def lint(*mobjects, background=theme.BACKGROUND, moving=frozenset()) -> list[Finding]:
    return layout_findings(
        list(mobjects),
        frame_width=FRAME_W,
        frame_height=FRAME_H,
        margin=theme.SAFE_MARGIN,
        background=background,
        moving=moving,
    )


def kinds(findings: list[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


# --- hand-worked WCAG luminance, independent of the module ----------------------------------
def _channel(c8: int) -> float:
    c = c8 / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def _luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def _ratio(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# --- crossing --------------------------------------------------------------------------------
def test_label_on_a_curve_crosses_it_and_moved_off_it_does_not():
    curve = FunctionGraph(lambda x: 0.5 * x, x_range=[-4, 4], color=theme.CURVE)
    on = MathTex("f(x)", font_size=36).move_to(ORIGIN)
    found = kinds(lint(curve, on), "crossing")
    assert len(found) == 1
    assert 'formula "f(x)"' in found[0].description
    assert "FunctionGraph" in found[0].description
    # the curve crosses the whole box: the stroke inside is at least the box's width
    assert found[0].size >= on.width - 2 * layout.CROSSING_INSET - 1e-6
    off = MathTex("f(x)", font_size=36).move_to(2 * UP + 2 * LEFT)
    assert kinds(lint(curve, off), "crossing") == []


def test_label_on_a_grid_line_crosses_it_inside_a_cell_it_does_not():
    plane = NumberPlane()
    on_line = MathTex("p", font_size=30).move_to([1.0, 0.5, 0])  # the line x = 1
    found = kinds(lint(plane, on_line), "crossing")
    assert [f.description for f in found] == ['formula "p" ~ NumberPlane (Line)']
    in_cell = MathTex("p", font_size=30).move_to([1.5, 0.5, 0])
    assert kinds(lint(plane, in_cell), "crossing") == []


def test_a_planes_own_tick_labels_are_not_crossed_by_its_grid():
    plane = NumberPlane().add_coordinates()
    axes = Axes(x_range=(0, 5, 1), y_range=(0, 3, 1), axis_config={"include_numbers": True})
    assert kinds(lint(plane), "crossing") == []
    assert kinds(lint(axes), "crossing") == []


def test_a_scene_label_on_an_axis_is_crossed():
    axes = Axes(x_range=(0, 5, 1), y_range=(0, 3, 1), axis_config={"include_numbers": True})
    label = MathTex("x_0", font_size=30).move_to(axes.c2p(2.5, 0))
    found = kinds(lint(axes, label), "crossing")
    assert found and all("Axes" in f.description for f in found)


def test_a_card_under_the_label_hides_the_grid_lines_drawn_before_it():
    plane = NumberPlane()
    label = MathTex("p", font_size=30).move_to([1.0, 0.5, 0])
    card = card_for(label)
    assert kinds(lint(plane, card, label), "crossing") == []
    # a line drawn after the card (on top of it) still crosses the label
    over = Line(label.get_left() + LEFT, label.get_right() + RIGHT)
    assert len(kinds(lint(plane, card, label, over), "crossing")) == 1


def test_strokes_that_only_touch_the_box_or_fill_behind_it_are_not_crossings():
    label = Text("touch", font_size=30)
    under = Line(label.get_corner(DOWN + LEFT) + LEFT, label.get_corner(DOWN + RIGHT) + RIGHT)
    backdrop = Rectangle(width=4, height=2, stroke_width=0, fill_color=theme.GRID, fill_opacity=1)
    assert kinds(lint(backdrop, under, label), "crossing") == []


def test_a_moving_label_does_not_cross_yet():
    curve = FunctionGraph(lambda x: 0.5 * x, x_range=[-4, 4])
    label = MathTex("f", font_size=36).move_to(ORIGIN)
    moving = frozenset(id(m) for m in label.get_family())
    assert kinds(lint(curve, label, moving=moving), "crossing") == []


# --- offscreen -------------------------------------------------------------------------------
def _panel() -> Panel:
    panel = Panel(corner=UR)
    panel.show(theme.tex(r"\hat y = 0.5\,x + 1", size=32), theme.text("loss 0.25"))
    return panel


def test_panel_pushed_off_the_right_edge_is_named_once():
    panel = _panel()
    assert kinds(lint(panel.group), "offscreen") == []
    panel.group.shift(1.0 * RIGHT)
    found = kinds(lint(panel.group), "offscreen")
    assert [f.description for f in found] == ["panel card"]
    limit = FRAME_W / 2 - theme.SAFE_MARGIN
    assert found[0].size == pytest.approx(panel.card.get_right()[0] - limit, abs=0.02)


def test_any_visible_object_off_the_frame_is_reported_not_only_text():
    assert [
        f.description for f in kinds(lint(Circle(radius=0.5).shift(3.7 * UP)), "offscreen")
    ] == ["Circle"]
    # line art may use the margin but not leave the frame: 3.7 + 0.5 - 4 = 0.2 beyond the top
    assert kinds(lint(Circle(radius=0.5).shift(3.7 * UP)), "offscreen")[0].size == pytest.approx(
        0.2, abs=1e-3
    )
    assert kinds(lint(Circle(radius=0.5).shift(3.4 * UP)), "offscreen") == []
    # a filled card keeps to the safe area like text: 3.4 + 0.5 - (4 - 0.2) = 0.1
    card = Circle(radius=0.5, fill_opacity=1.0).shift(3.4 * UP)
    assert kinds(lint(card), "offscreen")[0].size == pytest.approx(0.1, abs=1e-3)
    assert kinds(lint(Circle(radius=0.5).shift(3.7 * UP).set_opacity(0)), "offscreen") == []


def test_a_full_frame_backdrop_is_not_offscreen():
    backdrop = Rectangle(
        width=FRAME_W, height=FRAME_H, fill_color=theme.BACKGROUND, fill_opacity=1, stroke_width=0
    )
    bigger = Square(side_length=20, fill_opacity=0.5)
    title = Text("title", font_size=36)
    assert lint(VGroup(backdrop, title), bigger) == []


# --- overlap (today's rule) ------------------------------------------------------------------
def test_overlapping_texts_are_reported_unless_one_is_moving():
    a = Text("alpha", font_size=36)
    b = DecimalNumber(3.14159, num_decimal_places=2).move_to(a)
    found = kinds(lint(VGroup(a, b), a, b), "overlap")
    assert len(found) == 1 and "alpha" in found[0].description and "3.14" in found[0].description
    moving = frozenset(id(m) for m in b.get_family())
    assert kinds(lint(a, b, moving=moving), "overlap") == []
    apart = Text("alpha", font_size=36).shift(2 * UP)
    assert kinds(lint(apart, b), "overlap") == []


# --- small text ------------------------------------------------------------------------------
def test_tiny_label_is_small_text_theme_sizes_are_not():
    tiny = Text("tiny label", font_size=6)
    found = kinds(lint(tiny), "small-text")
    assert len(found) == 1 and 'text "tiny label"' in found[0].description
    # its height in pixels: units × 1080 px / 8 units
    assert found[0].size == pytest.approx(tiny.height * 1080 / FRAME_H)
    assert found[0].size < layout.MIN_TEXT_PX
    fine = [
        theme.text("small but fine", size=theme.SMALL_SIZE).shift(UP),
        theme.tex(r"x_0", size=24).shift(DOWN),
        DecimalNumber(0.5, font_size=22).shift(2 * DOWN),
    ]
    assert kinds(lint(*fine), "small-text") == []


def test_punctuation_alone_is_not_small_text():
    assert (
        kinds(lint(MathTex("-", font_size=30), MathTex(".", font_size=20).shift(UP)), "small-text")
        == []
    )


# --- contrast --------------------------------------------------------------------------------
def test_wcag_contrast_ratio_matches_the_hand_formula():
    assert layout.contrast_ratio(WHITE, "#000000") == pytest.approx(21.0)
    # #777777 on white: L = 0.18447, (1 + 0.05) / (0.18447 + 0.05) = 4.478
    assert _ratio("#777777", "#FFFFFF") == pytest.approx(4.478, abs=1e-3)
    assert layout.contrast_ratio("#777777", WHITE) == pytest.approx(_ratio("#777777", "#FFFFFF"))


def test_grey_text_on_a_grey_card_fails_contrast_theme_text_on_theme_card_passes():
    grey = Text("grey on grey", font_size=30, color="#777777")
    card = card_for(grey).set_fill("#999999", opacity=1)
    found = kinds(lint(card, grey), "contrast")
    assert len(found) == 1 and "grey on grey" in found[0].description
    assert found[0].size == pytest.approx(_ratio("#777777", "#999999"), abs=1e-3)
    good = theme.text("theme text on a panel card")
    assert kinds(lint(card_for(good), good), "contrast") == []


def test_contrast_on_the_scene_background_and_under_4_5():
    label = Text("barely", font_size=30, color="#777777")
    found = kinds(lint(label, background=WHITE), "contrast")
    assert len(found) == 1
    assert found[0].size == pytest.approx(_ratio("#777777", "#FFFFFF"), abs=1e-3)
    assert (
        kinds(lint(Text("dark", font_size=30, color="#595959"), background=WHITE), "contrast") == []
    )


def test_a_translucent_card_is_blended_with_the_background():
    # half-opaque white over black shows #808080 (0.5 × 255 = 127.5); grey #777777 on it fails
    label = Text("blend", font_size=30, color="#606060")
    card = card_for(label).set_fill(WHITE, opacity=0.5)
    found = kinds(lint(card, label, background="#000000"), "contrast")
    grey = 0.5  # sRGB value of the blend
    lum_back = (
        0.2126 * ((grey + 0.055) / 1.055) ** 2.4
        + 0.7152 * ((grey + 0.055) / 1.055) ** 2.4
        + 0.0722 * ((grey + 0.055) / 1.055) ** 2.4
    )
    expected = (lum_back + 0.05) / (_luminance("#606060") + 0.05)
    assert len(found) == 1 and found[0].size == pytest.approx(expected, rel=1e-3)


# --- colours ---------------------------------------------------------------------------------
def _bars(*colours: str, gap: float = 0.2) -> list[Rectangle]:
    bars = [
        Rectangle(width=0.8, height=1.5 + i, fill_color=c, fill_opacity=1, stroke_width=0)
        for i, c in enumerate(colours)
    ]
    VGroup(*bars).arrange(RIGHT, buff=gap, aligned_edge=DOWN)
    return bars


def test_two_bars_in_nearly_the_same_blue_are_reported_once():
    found = kinds(lint(*_bars("#4A90D9", "#5096E0", "#4A90D9")), "colours")
    assert len(found) == 1
    assert "#4A90D9" in found[0].description and "#5096E0" in found[0].description
    assert found[0].size < layout.MIN_DELTA_E


def test_theme_data_colours_side_by_side_are_told_apart():
    colours = [
        c.to_hex() for c in (theme.HYPOTHESIS, theme.NOT_HYPOTHESIS, theme.GOOD, theme.ACCENT)
    ]
    assert kinds(lint(*_bars(*colours)), "colours") == []


def test_close_colours_far_apart_or_in_a_colour_scale_are_not_reported():
    far = _bars("#4A90D9", "#5096E0", gap=2.0)
    assert kinds(lint(*far), "colours") == []
    scale = VGroup(
        *(
            Square(0.5, fill_color=f"#{0x20 + 8 * k:02X}60C0", fill_opacity=1, stroke_width=0)
            for k in range(8)
        )
    ).arrange(RIGHT, buff=0)
    assert kinds(lint(scale), "colours") == []


# --- the scene's entry points ----------------------------------------------------------------
def test_layout_problems_prefixes_the_kind_and_passes_a_clean_layout():
    a = Text("left", font_size=24).shift(3 * LEFT)
    b = MathTex("x^2").shift(3 * RIGHT)
    assert layout_problems([a, b, Circle()]) == []
    far = Text("runaway label", font_size=30).shift(7.5 * RIGHT)
    problems = layout_problems([far])
    assert len(problems) == 1 and problems[0][0].startswith('offscreen: text "runaway label"')
    assert problems[0][1] > 0.5


def test_the_scene_lints_with_this_module():
    from mathviz import scene

    assert scene.layout_problems is layout.layout_problems
    assert scene.visible_texts is layout.visible_texts and scene.describe is layout.describe
    a, ghost = Text("seen"), Text("ghost").set_opacity(0)
    formula = MathTex("a", "+", "b")
    axes = Axes(x_range=(0, 3, 1), y_range=(0, 3, 1), axis_config={"include_numbers": True})
    assert layout.visible_texts([VGroup(a, ghost, formula, axes)], skip=(Axes,)) == [a, formula]
    assert layout.is_visible(a) and not layout.is_visible(ghost)


def test_findings_use_the_configured_frame():
    assert config.frame_height == pytest.approx(FRAME_H)
