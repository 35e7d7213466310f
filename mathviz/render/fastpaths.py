"""Cheaper manim internals: the same answers manim gives, with less Python per call.

A check steps every animation to eight moments and reads positions back at each, so
``get_family``, ``get_center``, ``width`` and ``set_fill`` run hundreds of thousands of times a
course. Profiling ``mathviz check all`` showed these costs, replaced here (manim is pinned, so
each replacement is checked against the one known version by ``tests/test_fastpaths.py``):

* :meth:`manim.Mobject.get_family` walks the tree with nested generators (one ``yield from``
  per level for every member), then drops repeats; here a plain recursive walk builds the
  same list, and the repeat pass runs only when there is a repeat;
* :meth:`manim.VMobject.get_points_defining_boundary` builds its array row by row from a
  Python tuple of points; here each member's anchors are interleaved by slicing;
* :meth:`manim.Mobject.get_critical_point` scans the points once per axis and per call of
  ``get_extremum_along_dim``; here the minima and maxima of all axes come from one pass;
* :meth:`manim.Mobject.length_over_dim` (``width``, ``height``) walks the tree twice, taking
  Python's ``max`` and ``min`` over every coordinate; here numpy takes them over one column;
* :meth:`manim.VMobject.generate_rgbas_array` (every ``set_fill``, ``set_stroke`` and
  ``set_color``) pairs lists of colours and opacities even for one colour and one opacity,
  the usual call; here that call builds its one row directly;
* :class:`manim.Text` parses its SVG file again for every text, although manim keeps every
  other SVG it parsed (``use_svg_cache``, keyed by the file, which Pango names by the text
  and all its settings); here a text whose file was parsed before gets a copy of that parse,
  as formulas do (a chapter's end card, tick labels, repeated captions);
* :class:`manim.FadeOut` (a Transform) copies its target, which is already its own faded
  copy of the mobject, once more to keep it pristine: three copies of everything a chapter's
  last beat clears; here the faded copy is the target itself (nothing else reads it), and it
  is listed once, so that its updaters run once a frame as the copy's did;
* :class:`manim.UpdateFromFunc` and :class:`manim.UpdateFromAlphaFunc` set their mobject
  by a function each frame and never read the copy :class:`manim.Animation` makes of it as
  it begins, yet the copy was made, and its updaters ran every frame; here the mobject is
  its own starting point, as for mathviz's own :class:`~mathviz.primitives.motion.Redraw`;
* :meth:`manim.SVGMobject.generate_mobject` parses each text's and formula's SVG again in
  every process; here a parse is kept on disk and loaded back
  (:mod:`mathviz.render.svgstore`).

Every result is bit for bit the one manim computes: the same members in the same order, the
same anchor rows, minima, maxima and midpoints taken with the same arithmetic, the same
colour rows. Anything else (a subclass with its own method, several colours, a sheen, a NaN)
goes to manim's own method.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["cheap_internals"]


def _walk(subs: list[Any], members: list[Any], active: set[Any]) -> None:
    """manim's ``_iter_family`` below a member: depth first, a member already on the path
    skipped (a member without submobjects is never on it: it is nobody's ancestor)."""
    for sub in subs:
        inner = sub.submobjects
        if not inner:
            members.append(sub)
        elif sub not in active:
            active.add(sub)
            members.append(sub)
            _walk(inner, members, active)
            active.remove(sub)


def _family(original: Callable[..., list[Any]], plain_walk: Any) -> Callable[..., list[Any]]:
    from manim.utils.iterables import remove_list_redundancies

    def get_family(self: Any, recurse: bool = True) -> list[Any]:
        if type(self)._iter_family is not plain_walk:
            return original(self, recurse)
        subs = self.submobjects
        if not subs:
            return [self]
        members = [self]
        _walk(subs, members, {self})
        if len(set(members)) == len(members):
            return members
        return remove_list_redundancies(members)

    return get_family


def _boundary(original: Callable[[Any], Any], plain_anchors: Callable[[Any], Any]) -> Any:
    def get_points_defining_boundary(self: Any) -> Any:
        rows: list[np.ndarray] = []
        for sub in self.get_family():
            if getattr(type(sub), "get_anchors", None) is not plain_anchors:
                return original(self)
            points = sub.points
            count = points.shape[0]
            if count == 0:
                continue
            if count == 1:
                rows.append(points.copy())
                continue
            step = sub.n_points_per_cubic_curve
            starts, ends = points[::step], points[step - 1 :: step]
            if len(starts) != len(ends):
                return original(self)  # manim raises on such a member: let it
            both = np.empty((2 * len(starts), points.shape[1]), dtype=points.dtype)
            both[0::2], both[1::2] = starts, ends
            rows.append(both)
        if not rows:
            return np.array(())
        return np.concatenate(rows) if len(rows) > 1 else rows[0]

    return get_points_defining_boundary


def _critical_point(original: Callable[[Any, Any], Any], plain_extremum: Any) -> Any:
    def get_critical_point(self: Any, direction: Any) -> Any:
        if type(self).get_extremum_along_dim is not plain_extremum:
            return original(self, direction)
        result = np.zeros(self.dim)
        points = self.get_points_defining_boundary()
        if len(points) == 0:
            return result
        lowest, highest = points.min(axis=0), points.max(axis=0)
        for dim in range(self.dim):
            key = direction[dim]
            if key < 0:
                result[dim] = lowest[dim]
            elif key == 0:
                result[dim] = (lowest[dim] + highest[dim]) / 2
            else:
                result[dim] = highest[dim]
        return result

    return get_critical_point


def _length_over_dim(original: Callable[[Any, int], Any], plain_reduce: Any) -> Any:
    def length_over_dim(self: Any, dim: int) -> Any:
        columns = []
        for member in self.get_family():
            if type(member).reduce_across_dimension is not plain_reduce:
                return original(self, dim)
            if len(member.points):
                columns.append(member.points[:, dim])
        if not columns:
            return 0
        values = np.concatenate(columns) if len(columns) > 1 else columns[0]
        highest, lowest = values.max(), values.min()
        if np.isnan(highest) or np.isnan(lowest):
            return original(self, dim)  # Python's max and min treat NaN their own way
        return highest - lowest

    return length_over_dim


def _rgbas(original: Callable[[Any, Any, Any], Any], colour_type: type, black: Any) -> Any:
    numbers = (int, float, np.float64)

    def generate_rgbas_array(self: Any, color: Any, opacity: Any) -> Any:
        if (
            (color is None or type(color) is colour_type)
            and (opacity is None or type(opacity) in numbers)
            and self.get_sheen_factor() == 0
        ):
            colour: Any = black if color is None else color
            return np.array([colour.to_rgba_with_alpha(0.0 if opacity is None else opacity)])
        return original(self, color, opacity)

    return generate_rgbas_array


def _parse_once(original: Callable[..., None]) -> Callable[..., None]:
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("use_svg_cache", True)
        original(self, *args, **kwargs)

    return __init__


def _fade_out_begin(
    original: Callable[[Any], None], animation_begin: Callable[[Any], None], fade_out: Any
) -> Callable[[Any], None]:
    from manim import config
    from manim.constants import RendererType

    def begin(self: Any) -> None:
        if type(self) is not fade_out or config.renderer == RendererType.OPENGL:
            return original(self)
        # manim's Transform.begin, but the target (made by create_target for this fade
        # alone) is not copied again before it is aligned with the mobject
        self.target_mobject = self.create_target()
        self.target_copy = self.target_mobject
        self.mobject.align_data(self.target_copy)
        animation_begin(self)
        return None

    return begin


def _fade_out_mobjects(original: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def get_all_mobjects(self: Any) -> Any:
        mobjects = original(self)
        if len(mobjects) == 4 and mobjects[2] is mobjects[3]:
            return list(mobjects[:3])  # the target once: its updaters run once a frame
        return mobjects

    return get_all_mobjects


def _own_start(self: Any) -> Any:
    """The animated mobject itself: an animation that sets it by a function reads no copy."""
    return self.mobject


def cheap_internals() -> None:
    """Install the cheaper family walk, bounding boxes, colour rows, text parses, fade-outs
    and function-driven animations into manim (once per process)."""
    from manim import (
        BLACK,
        Animation,
        FadeOut,
        ManimColor,
        Mobject,
        SVGMobject,
        Text,
        UpdateFromFunc,
        VMobject,
    )

    from mathviz.render.svgstore import generate_once

    if getattr(Mobject.get_family, "mathviz_cheap", False):
        return
    replacements: dict[tuple[type, str], Any] = {
        (Mobject, "get_family"): _family(Mobject.get_family, Mobject._iter_family),
        (VMobject, "get_points_defining_boundary"): _boundary(
            VMobject.get_points_defining_boundary, VMobject.get_anchors
        ),
        (Mobject, "get_critical_point"): _critical_point(
            Mobject.get_critical_point, Mobject.get_extremum_along_dim
        ),
        (Mobject, "length_over_dim"): _length_over_dim(
            Mobject.length_over_dim, Mobject.reduce_across_dimension
        ),
        (VMobject, "generate_rgbas_array"): _rgbas(
            VMobject.generate_rgbas_array, ManimColor, BLACK
        ),
        (Text, "__init__"): _parse_once(Text.__init__),
        (SVGMobject, "generate_mobject"): generate_once(SVGMobject.generate_mobject),
        (FadeOut, "begin"): _fade_out_begin(FadeOut.begin, Animation.begin, FadeOut),
        (FadeOut, "get_all_mobjects"): _fade_out_mobjects(FadeOut.get_all_mobjects),
        (UpdateFromFunc, "create_starting_mobject"): _own_start,
    }
    for (owner, name), replacement in replacements.items():
        replacement.mathviz_cheap = True
        replacement.manim_original = getattr(owner, name)
        setattr(owner, name, replacement)
