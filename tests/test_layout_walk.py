"""A kept :class:`mathviz.layout.LayoutWalk` gives exactly the findings of a fresh walk.

The scene lints at every sampled moment of a play with one walk; each step below changes the
scene the way a play or a scene's code does and compares the kept walk's findings with those
of a lint that walks the tree from scratch.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Line,
    MathTex,
    NumberLine,
    Rectangle,
    Square,
    Text,
    VGroup,
)

from mathviz import theme
from mathviz.layout import Finding, LayoutWalk, _Scene, layout_findings

FRAME_W, FRAME_H = 8.0 * 16 / 9, 8.0
# texts are typeset in this process's own folders (the fixture's manim config), so that
# another test worker typesetting the same text never hands this one a half-written file
pytestmark = pytest.mark.usefixtures("scene")


def lint(mobjects: list, walk: LayoutWalk | None = None, moving=frozenset()) -> list[Finding]:
    return layout_findings(
        mobjects,
        frame_width=FRAME_W,
        frame_height=FRAME_H,
        margin=theme.SAFE_MARGIN,
        background=theme.BACKGROUND,
        moving=moving,
        walk=walk,
    )


def _scene() -> dict:
    label = Text("slope", font_size=30).move_to(2 * LEFT)
    other = MathTex("x^2", font_size=40).move_to(2 * RIGHT)
    line = Line(3 * LEFT + DOWN, 3 * RIGHT + DOWN, color=theme.CURVE)
    group = VGroup(Square(1.0, color=theme.ACCENT), Circle(0.4, color=theme.CURVE))
    group.move_to(2 * UP)
    # a caption in the group that overlaps the formula: the scene starts with one finding
    group.add(Text("caption", font_size=30).move_to(other.get_center() + 0.1 * UP))
    # a light card listed after the label covers it; drawn behind it, it fails its contrast
    card = Rectangle(width=2.5, height=1.0).set_fill("#BBBBBB", 1).set_stroke(width=0)
    card.move_to(label)
    return {"label": label, "card": card, "other": other, "line": line, "group": group}


def _move_label_onto_line(s: dict, mobjects: list) -> None:
    s["label"].move_to(DOWN)


def _move_label_off_screen(s: dict, mobjects: list) -> None:
    s["label"].shift(9 * RIGHT)


def _grey_out_the_text(s: dict, mobjects: list) -> None:
    s["label"].set_color(theme.BACKGROUND)


def _add_a_text_to_a_group(s: dict, mobjects: list) -> None:
    s["group"].add(Text("new", font_size=30).move_to(2 * RIGHT))


def _remove_a_part_from_a_group(s: dict, mobjects: list) -> None:
    s["group"].remove(s["group"][2])


def _reorder_the_scene(s: dict, mobjects: list) -> None:
    mobjects.reverse()


def _add_a_top_level_text(s: dict, mobjects: list) -> None:
    mobjects.append(Text("extra", font_size=30).move_to(2 * RIGHT))


def _empty_a_text(s: dict, mobjects: list) -> None:
    for glyph in s["group"][2]:
        glyph.clear_points()


def _name_the_group(s: dict, mobjects: list) -> None:
    s["group"].name = "unit square"  # the owner a crossing names
    s["label"].move_to(s["group"][0].get_top())


def _the_same_text_listed_twice(s: dict, mobjects: list) -> None:
    s["group"].add(s["label"])  # now drawn at its last place: over the card


def _raise_a_text(s: dict, mobjects: list) -> None:
    s["label"].set_z_index(5)


STEPS: dict[str, Callable[[dict, list], None]] = {
    "move a label onto a line": _move_label_onto_line,
    "move a label off screen": _move_label_off_screen,
    "recolour a text": _grey_out_the_text,
    "add a text to a group": _add_a_text_to_a_group,
    "remove a part from a group": _remove_a_part_from_a_group,
    "reorder the scene": _reorder_the_scene,
    "add a top-level text": _add_a_top_level_text,
    "empty a text's glyphs": _empty_a_text,
    "name a group": _name_the_group,
    "list one text twice": _the_same_text_listed_twice,
    "raise a text above the others": _raise_a_text,
}


@pytest.mark.parametrize("step", STEPS, ids=list(STEPS))
def test_a_kept_walk_lints_a_changed_scene_as_a_fresh_walk_does(step: str):
    s = _scene()
    mobjects = list(s.values())
    walk = LayoutWalk()
    before = lint(mobjects, walk)
    assert before == lint(mobjects)
    STEPS[step](s, mobjects)
    after = lint(mobjects, walk)
    assert after == lint(mobjects)
    assert after != before, "each step changes what the lint sees"


def test_a_walk_is_kept_while_objects_only_move_and_recolour_and_redone_when_the_tree_changes():
    s = _scene()
    mobjects = list(s.values())
    walk = LayoutWalk()
    first = walk.structure(mobjects)
    s["label"].shift(UP).set_color(theme.ACCENT)
    s["group"].rotate(0.3)
    assert walk.structure(mobjects) is first
    s["group"].add(Circle(0.2))
    second = walk.structure(mobjects)
    assert second is not first
    assert walk.structure(mobjects) is second


def _with_axes() -> tuple[dict, list]:
    s = _scene()
    left = NumberLine(x_range=[0, 3, 1], length=3, include_numbers=True).shift(4 * LEFT + UP)
    right = NumberLine(x_range=[0, 3, 1], length=3, include_numbers=True).shift(4 * RIGHT + UP)
    s |= {"left axis": left, "right axis": right}
    return s, [s["left axis"], *_scene_order(s), s["right axis"]]


def _scene_order(s: dict) -> list:
    return [s[k] for k in ("label", "card", "other", "line", "group")]


def _same_structure(kept, fresh) -> None:
    assert kept.parts == fresh.parts and kept.owners == fresh.owners
    assert [(id(m), a, b) for m, a, b in kept.texts] == [(id(m), a, b) for m, a, b in fresh.texts]
    assert [(id(m), a, b) for m, a, b in kept.named] == [(id(m), a, b) for m, a, b in fresh.named]
    for name in ("parents", "text_of", "backing", "coord_of", "vector", "order", "lo", "hi"):
        np.testing.assert_array_equal(getattr(kept, name), getattr(fresh, name), err_msg=name)


def _nest_a_part_twice_in_one_group(s: dict, mobjects: list) -> None:
    s["group"].add(VGroup(s["group"][0]))  # drawn at its last place: after the caption


RESHAPES = STEPS | {"nest a part twice in one group": _nest_a_part_twice_in_one_group}


@pytest.mark.parametrize("step", RESHAPES, ids=list(RESHAPES))
def test_a_walk_joined_from_pieces_numbers_parts_texts_and_axes_as_one_walk(step: str):
    s, mobjects = _with_axes()
    walk = LayoutWalk()
    _same_structure(_Scene(mobjects, frozenset(), walk), _Scene(mobjects, frozenset()))
    RESHAPES[step](s, mobjects)
    s["right axis"].add(Text("3 m", font_size=24).next_to(s["right axis"], DOWN))
    _same_structure(_Scene(mobjects, frozenset(), walk), _Scene(mobjects, frozenset()))
    assert lint(mobjects, walk) == lint(mobjects)
