"""Cheaper mobject copies (mathviz.render.copies): a copy made the cheap way equals the one
manim's own ``Mobject.__deepcopy__`` makes, and owns everything that can change."""

from __future__ import annotations

import numpy as np
import pytest
from manim import RED, Axes, DecimalNumber, Mobject, VGroup

from mathviz import theme
from mathviz.render.copies import cheap_copies


@pytest.fixture(scope="module")
def manim_deepcopy(scene):
    """manim's own ``Mobject.__deepcopy__`` (the ``scene`` fixture's config installs ours)."""
    cheap_copies()
    assert getattr(Mobject.__deepcopy__, "mathviz_cheap_copy", False)
    return Mobject.__deepcopy__.manim_original


def lesson() -> VGroup:
    """Axes with numbers, a formula, a text and a live number: the kinds a lecture copies."""
    axes = Axes(x_range=[0, 4, 1], y_range=[-1, 3, 1], x_length=5, y_length=4)
    axes.add_coordinates()
    curve = axes.plot(lambda x: 0.2 * x**2, color=theme.ACCENT)
    formula = theme.tex(r"f(x) = \tfrac{1}{5} x^2").next_to(axes, 1.2 * np.array([0, 1, 0]))
    label = theme.text("a parabola", size=theme.LABEL_SIZE).next_to(formula, np.array([1, 0, 0]))
    value = DecimalNumber(1.25, num_decimal_places=2).to_corner(np.array([1, 1, 0]))
    return VGroup(axes, curve, formula, label, value)


def drawn(mob: Mobject) -> list[tuple]:
    """What a frame is drawn from, member by member."""
    return [
        (
            type(m).__name__,
            np.round(m.points, 12).tobytes(),
            np.round(m.get_fill_rgbas(), 12).tobytes(),
            np.round(m.get_stroke_rgbas(), 12).tobytes(),
            float(m.get_stroke_width()),
            m.z_index,
        )
        for m in mob.get_family()
    ]


def test_a_cheap_copy_draws_exactly_what_manims_copy_draws(manim_deepcopy):
    original = lesson()
    ours = original.copy()
    theirs = manim_deepcopy(original, {})
    assert len(ours.get_family()) == len(theirs.get_family()) > 50
    assert drawn(ours) == drawn(theirs) == drawn(original)


def test_a_copy_owns_what_can_change(manim_deepcopy):
    original = lesson()
    before = drawn(original)
    duplicate = original.copy()
    duplicate.shift(np.array([1.0, -0.5, 0.0])).set_color(RED)
    duplicate[4].set_value(9.75)
    duplicate[2].add(theme.text("+"))
    assert drawn(original) == before
    for mine, theirs in zip(duplicate.get_family(), original.get_family(), strict=False):
        assert mine is not theirs
        assert mine.points is not theirs.points or mine.points.size == 0


def test_glyphs_share_their_parsed_path_but_not_their_points(manim_deepcopy, monkeypatch):
    from manim import SVGMobject
    from manim.mobject.svg import svg_mobject

    from mathviz.render.fastpaths import cheap_internals

    cheap_internals()
    # parsed here, as manim parses it: glyphs loaded from the store have no parsed path
    monkeypatch.setattr(SVGMobject, "generate_mobject", SVGMobject.generate_mobject.manim_original)
    monkeypatch.setattr(svg_mobject, "SVG_HASH_TO_MOB_MAP", {})
    formula = theme.tex(r"\nabla f = (2x,\ 6y)")
    duplicate = formula.copy()
    glyphs = [m for m in formula.get_family() if hasattr(m, "path_obj")]
    copied = [m for m in duplicate.get_family() if hasattr(m, "path_obj")]
    assert glyphs and len(glyphs) == len(copied)
    for mine, theirs in zip(copied, glyphs, strict=True):
        assert mine.path_obj is theirs.path_obj  # read only while the glyph was built
        assert mine.points is not theirs.points
        assert np.array_equal(mine.points, theirs.points)


def test_references_inside_a_copy_point_into_the_copy(manim_deepcopy):
    axes = Axes(x_range=[0, 4, 1], y_range=[0, 4, 1])
    duplicate = axes.copy()
    assert duplicate.x_axis is not axes.x_axis
    assert duplicate.x_axis in duplicate.submobjects  # the same object, not a second copy
    # so converting through the copied axes follows the copy when it moves
    duplicate.shift(np.array([2.0, 0.0, 0.0]))
    np.testing.assert_allclose(duplicate.c2p(1, 1) - axes.c2p(1, 1), [2.0, 0.0, 0.0], atol=1e-12)


def test_an_array_held_twice_stays_one_array_in_the_copy(manim_deepcopy):
    mob = Mobject()
    shared = np.arange(6, dtype=float)
    mob.first, mob.second = shared, shared
    duplicate = mob.copy()
    assert duplicate.first is duplicate.second and duplicate.first is not shared
    theirs = manim_deepcopy(mob, {})
    assert theirs.first is theirs.second  # as manim's own copy keeps it
