"""Cheaper manim internals (mathviz.render.fastpaths): bit for bit what manim's own
``get_family``, ``get_points_defining_boundary``, ``get_critical_point``, ``length_over_dim``
and ``generate_rgbas_array`` return, and a text parsed once draws as one parsed again."""

from __future__ import annotations

import ast
import inspect
import itertools
from pathlib import Path

import numpy as np
import pytest
from manim import (
    BLUE,
    DL,
    DOWN,
    GREEN,
    LEFT,
    ORIGIN,
    RED,
    RIGHT,
    UL,
    UP,
    UR,
    Axes,
    Circle,
    DecimalNumber,
    Dot,
    Group,
    Line,
    ManimColor,
    Mobject,
    Square,
    VGroup,
    VMobject,
)

from mathviz import theme
from mathviz.render.fastpaths import cheap_internals


@pytest.fixture(scope="module")
def manims(scene):
    """manim's own methods (the ``scene`` fixture's config installs ours)."""
    cheap_internals()
    return {
        "family": Mobject.get_family.manim_original,
        "boundary": VMobject.get_points_defining_boundary.manim_original,
        "critical": Mobject.get_critical_point.manim_original,
        "length": Mobject.length_over_dim.manim_original,
        "rgbas": VMobject.generate_rgbas_array.manim_original,
    }


def lesson() -> list[Mobject]:
    """What lectures measure: axes with numbers and a curve, text, a formula, a live number,
    a rotated square, a point, an empty group, and groups nested with a member held twice."""
    axes = Axes(x_range=[0, 4, 1], y_range=[-1, 3, 1], x_length=5, y_length=4)
    axes.add_coordinates()
    curve = axes.plot(lambda x: 0.2 * x**2 - 0.5, color=theme.ACCENT)
    formula = theme.tex(r"\nabla f = (2x,\ 6y)").shift(2 * UR)
    label = theme.text("a parabola", size=theme.LABEL_SIZE).shift(DL)
    value = DecimalNumber(-1.25, num_decimal_places=2).to_corner(UR)
    square = Square(1.3).rotate(0.4).shift(0.7 * LEFT + 0.2 * DOWN)
    shared = Dot(np.array([0.3, -2.1, 0.0]))
    one_point = VMobject()
    one_point.set_points(np.array([[1.5, -0.25, 0.0]]))
    nested = VGroup(VGroup(square, shared), VGroup(shared, Circle(0.4)), VGroup())
    return [
        axes,
        curve,
        formula,
        label,
        value,
        square,
        one_point,
        nested,
        VGroup(),
        Group(Line(LEFT, UP), Dot()),
    ]


def test_a_family_lists_the_same_members_in_the_same_order(manims):
    for mob in lesson():
        assert mob.get_family() == manims["family"](mob)
    looped = VGroup(Dot(), Dot())
    looped.submobjects.append(looped)  # a member that contains itself is listed once
    assert looped.get_family() == manims["family"](looped)
    inner = VGroup(Dot())
    outer = VGroup(inner, Dot())
    inner.submobjects.append(outer)  # a cycle two levels deep
    for mob in (inner, outer):
        assert mob.get_family() == manims["family"](mob)


def test_the_boundary_is_the_same_array(manims):
    for mob in lesson():
        for member in [mob, *mob.get_family()]:
            if not isinstance(member, VMobject):
                continue
            ours, theirs = member.get_points_defining_boundary(), manims["boundary"](member)
            assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
            assert ours.tobytes() == theirs.tobytes()
            if len(member.points) == 1:
                assert not np.shares_memory(ours, member.points)


def test_every_edge_corner_and_centre_is_the_same_point(manims):
    directions = [np.array(d, dtype=float) for d in itertools.product((-1, 0, 1), repeat=3)]
    directions += [UL, DOWN, RIGHT, ORIGIN, np.array([0.5, -2.0, 0.0])]
    for mob in lesson():
        for member in mob.get_family():
            for direction in directions:
                ours = member.get_critical_point(direction)
                theirs = manims["critical"](member, direction)
                assert ours.tobytes() == theirs.tobytes(), (member, direction)


def test_every_width_height_and_depth_is_the_same_length(manims):
    for mob in lesson():
        for member in mob.get_family():
            for dim in range(3):
                ours, theirs = member.length_over_dim(dim), manims["length"](member, dim)
                assert type(ours) is type(theirs) and ours == theirs, (member, dim)
    assert Square().width == 2.0 and VGroup().height == 0


def test_every_colour_row_is_the_same(manims):
    plain, shiny = Square(), Square().set_sheen(0.3)
    colours = [None, BLUE, ManimColor("#ff8800"), ManimColor.from_rgba((0.2, 0.4, 0.6, 0.5))]
    colours += ["#123456", (RED, GREEN), [BLUE]]  # not one ManimColor: manim's own path
    opacities = [None, 0, 1, 0.35, np.float64(0.8), (0.2, 0.9)]
    for mob in (plain, shiny):
        for colour, opacity in itertools.product(colours, opacities):
            ours = mob.generate_rgbas_array(colour, opacity)
            theirs = manims["rgbas"](mob, colour, opacity)
            assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
            assert ours.tobytes() == theirs.tobytes(), (mob, colour, opacity)


def _drawn(mob: Mobject) -> list[tuple[str, bytes, bytes, bytes]]:
    return [
        (type(m).__name__, m.points.tobytes(), m.fill_rgbas.tobytes(), m.stroke_rgbas.tobytes())
        for m in mob.get_family()
    ]


def test_a_text_parsed_before_is_copied_and_draws_the_same(manims):
    from manim import Text
    from manim.mobject.svg.svg_mobject import SVG_HASH_TO_MOB_MAP
    from manim.utils.iterables import hash_obj

    def make(**kwargs) -> Text:
        return Text("cached: ab 1.5", font=theme.FONT, font_size=30, t2c={"ab": RED}, **kwargs)

    parsed = make(use_svg_cache=False)  # manim's own default for Text
    first, second = make(), make()
    assert hash_obj(second.hash_seed) in SVG_HASH_TO_MOB_MAP
    assert _drawn(first) == _drawn(parsed) == _drawn(second)
    assert second.submobjects[0] is not first.submobjects[0]
    # a copy, not a shared glyph: restyling one text leaves the other as it was
    second.set_color(BLUE)
    assert _drawn(first) == _drawn(parsed)
    other = Text("cached: ab 1.5", font=theme.FONT, font_size=31)
    assert _drawn(other) != _drawn(first)


def _stepped(animation) -> list:
    """What ``animation`` draws at five moments, stepped as a scene steps it (its updaters
    with 0.1 s, then its interpolation), from begin to finish."""
    animation.begin()
    shown = []
    for step in range(1, 6):
        animation.update_mobjects(0.1)
        animation.interpolate(step / 5)
        shown.append(_drawn(animation.mobject))
    animation.finish()
    return shown


@pytest.mark.parametrize(
    "options", [{}, {"shift": 0.5 * DOWN}, {"scale": 0.5}], ids=["in place", "shift", "scale"]
)
def test_a_fade_out_steps_through_the_same_frames_as_manims(manims, options):
    from manim import Animation, FadeOut, Transform

    def stage() -> VGroup:
        spinning = Square(1.0).set_fill(BLUE, 0.6)
        # an updater that accumulates: run twice a frame, it would turn the square twice as far
        spinning.add_updater(lambda m, dt: m.rotate(0.7 * dt))
        return VGroup(spinning, Circle(0.5).shift(RIGHT), theme.text("bye").shift(UP))

    ours = FadeOut(stage(), **options)
    theirs = FadeOut(stage(), **options)
    theirs.begin = Transform.begin.__get__(theirs)  # manim's own: the target copied again
    theirs.get_all_mobjects = Transform.get_all_mobjects.__get__(theirs)
    assert _stepped(ours) == _stepped(theirs)
    assert ours.target_copy is ours.target_mobject
    assert theirs.target_copy is not theirs.target_mobject
    assert FadeOut.begin.manim_original is Transform.begin
    assert Animation.begin is not FadeOut.begin


@pytest.mark.parametrize("kind", ["alpha", "plain"])
def test_a_function_driven_animation_steps_the_same_without_a_starting_copy(manims, kind):
    from manim import Animation, UpdateFromAlphaFunc, UpdateFromFunc

    def stage() -> Square:
        square = Square(1.0).set_fill(BLUE, 0.6)
        square.add_updater(lambda m, dt: m.rotate(0.7 * dt))  # runs on the copy too, in manim
        return square

    def animation(square: Square) -> Animation:
        if kind == "alpha":
            return UpdateFromAlphaFunc(square, lambda m, a: m.set_x(3 * a).set_opacity(1 - a / 2))
        return UpdateFromFunc(square, lambda m: m.shift(0.2 * RIGHT))

    ours, theirs = animation(stage()), animation(stage())
    theirs.create_starting_mobject = Animation.create_starting_mobject.__get__(theirs)
    assert _stepped(ours) == _stepped(theirs)
    assert ours.starting_mobject is ours.mobject  # no copy made, none updated
    assert theirs.starting_mobject is not theirs.mobject
    assert UpdateFromFunc.create_starting_mobject.manim_original is (
        Animation.create_starting_mobject
    )


def test_mathviz_animations_copy_their_mobject_only_to_read_the_copy():
    """An animation of mathviz's own that never reads ``starting_mobject`` (it sets its
    mobject from state every frame) derives from Redraw, which makes no copy to begin."""
    from manim import Animation

    import mathviz
    from mathviz.primitives.motion import Redraw

    root = Path(inspect.getfile(mathviz)).parent
    copying = []
    for path in sorted(root.rglob("*.py")):
        source = path.read_text()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {getattr(b, "id", getattr(b, "attr", None)) for b in node.bases}
            if "Animation" in bases and "starting_mobject" not in ast.get_source_segment(
                source, node
            ):
                copying.append(f"{path.relative_to(root)}:{node.lineno} {node.name}")
    assert copying == []
    from mathviz.primitives.readout import CountTo

    number = DecimalNumber(1.0)
    count = CountTo(number, 3.0)
    count.begin()
    assert isinstance(count, Redraw) and count.starting_mobject is number
    assert Redraw.create_starting_mobject is not Animation.create_starting_mobject
