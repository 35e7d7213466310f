"""Layout lint: what a viewer would call a defect in a still frame, as pure functions.

:func:`layout_findings` looks at the mobjects on screen (a scene's ``mobjects`` list) and
reports, as :class:`Finding` records:

``offscreen``
    a visible object (text, panel card, plot, arrow...) sticking out of the safe area; the
    outermost object that leaves is named once (a text inside a panel card that leaves is
    covered by the card). Objects at least as large as the frame are backdrops and skipped.
``overlap``
    two texts whose bounding boxes intersect.
``crossing``
    a stroke of another object (a curve, line, arrow, axis, tick or grid line) running
    through a text's box. Tick labels are not crossed by their own axes' lines and ticks.
``small-text``
    a text shorter than :data:`MIN_TEXT_PX` pixels at the output's height.
``contrast``
    a text whose colour against what lies behind it is under :data:`MIN_CONTRAST` (WCAG 2.x).
``colours``
    two neighbouring data graphics in colours too close to tell apart (CIE76 ΔE under
    :data:`MIN_DELTA_E`).

Everything is measured on the mobjects' points (anchors of their Bézier curves), never on a
rendered frame, and vectorised with numpy: one call costs a few milliseconds, so the scene
can run it at every beat's end and several times inside every animation.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, cast

import numpy as np
from manim import (
    BackgroundRectangle,
    CoordinateSystem,
    DecimalNumber,
    Group,
    MarkupText,
    Mobject,
    NumberLine,
    PMobject,
    SingleStringMathTex,
    Text,
    VGroup,
    config,
)
from manim.mobject.types.image_mobject import AbstractImageMobject
from manim.utils.color import ManimColor, ParsableManimColor

from mathviz import theme
from mathviz.theme import (  # shared thresholds: the theme's, used by the lint and primitives
    MIN_CONTRAST,
    MIN_DELTA_E,
    MIN_TEXT_PX,
    OVERLAP_MIN,
    VISIBLE_OPACITY,
)

__all__ = [
    "BACKDROP_FRACTION",
    "COLOUR_NEIGHBOURHOOD",
    "COLOUR_SCALE_COLOURS",
    "CONTRAST_FILL_OPACITY",
    "CROSSING_INSET",
    "Finding",
    "KINDS",
    "LayoutWalk",
    "MIN_CONTRAST",
    "MIN_CROSSING_LENGTH",
    "MIN_DELTA_E",
    "MIN_TEXT_PX",
    "OCCLUDING_OPACITY",
    "OVERLAP_MIN",
    "SAME_COLOUR_DELTA_E",
    "TEXT_TYPES",
    "TINY_GLYPH_PX",
    "VISIBLE_OPACITY",
    "contrast_ratio",
    "delta_e76",
    "describe",
    "is_visible",
    "layout_findings",
    "layout_problems",
    "relative_luminance",
    "same_colour",
    "srgb_to_lab",
    "visible_texts",
]

#: the object types a viewer reads as text (outermost one of a nest is the unit)
TEXT_TYPES: tuple[type, ...] = (Text, MarkupText, SingleStringMathTex, DecimalNumber)
#: the kinds of finding, in the order they are reported
KINDS = ("offscreen", "overlap", "crossing", "small-text", "contrast", "colours")
# are the theme's; the lint's own tuning stays here

#: an object this share of the frame's width *and* height or larger is a backdrop
BACKDROP_FRACTION = 0.99
#: a text's box is shrunk by this much on every side before strokes are tested against it
#: (units; 0.02 units is 2.7 px at 1080p), so a line merely touching a label is not a crossing
CROSSING_INSET = 0.02
#: a crossing is reported when this much stroke (units, summed) runs inside the text's box
MIN_CROSSING_LENGTH = 0.01
#: a text whose width and height are both under this (px) is punctuation, not a line of text
TINY_GLYPH_PX = 7.0
#: a fill at least this opaque behind a text's centre is the text's background
CONTRAST_FILL_OPACITY = 0.5
#: a fill at least this opaque that holds a text's whole box (a panel card, a background
#: rectangle) hides the strokes drawn before it: they do not cross the text
OCCLUDING_OPACITY = 0.75
#: two colours closer than this (ΔE) are the same colour, used on purpose
SAME_COLOUR_DELTA_E = 1.0
#: data graphics whose boxes are at most this far apart (units) are neighbours
COLOUR_NEIGHBOURHOOD = 0.5
#: sibling parts (one group's members) in more distinct colours than this are a colour scale
#: (a heat map's cells, graded contour lines): their shades are not compared with each other
COLOUR_SCALE_COLOURS = 4
#: colours this close (ΔE) to the scene's background are chrome (card fills), not data
_BACKGROUND_DELTA_E = 5.0

_ANONYMOUS = (VGroup, Group)
_GENERIC_TYPES = {"VMobject", "VGroup", "Group", "Mobject", "VMobjectFromSVGPath"}


@dataclass(frozen=True)
class Finding:
    """One layout defect.

    Attributes
    ----------
    kind
        One of :data:`KINDS`.
    description
        Which objects, by name (:func:`describe`), and what is wrong.
    size
        How large the defect is, in the kind's own unit: ``offscreen`` units outside the safe
        area; ``overlap`` area of the boxes' intersection; ``crossing`` length of stroke
        inside the text's box (units); ``small-text`` the text's height (px); ``contrast``
        the contrast ratio; ``colours`` the ΔE between the two colours.
    """

    kind: str
    description: str
    size: float


# --- names and visibility (the scene's helpers, unchanged) ---------------------------------
def describe(mob: Mobject) -> str:
    """Short human name of an on-screen object, for layout reports."""
    if mob.name and mob.name != type(mob).__name__:
        return mob.name
    if isinstance(mob, (Text, MarkupText)):
        content = mob.original_text if hasattr(mob, "original_text") else mob.text
        return f'text "{content[:40]}"'
    if isinstance(mob, DecimalNumber):
        return f"number {mob.get_value():.4g}"
    if isinstance(mob, SingleStringMathTex):
        return f'formula "{mob.get_tex_string()[:40]}"'
    return type(mob).__name__


def visible_texts(mobjects: Iterable[Mobject], skip: tuple[type, ...] = ()) -> list[Mobject]:
    """Every text-like object in the scene that a viewer can see (outermost only), not
    looking inside objects of the ``skip`` types."""
    found: list[Mobject] = []
    seen: set[int] = set()

    def visit(mob: Mobject) -> None:
        if id(mob) in seen or (skip and isinstance(mob, skip)):
            return
        seen.add(id(mob))
        if isinstance(mob, TEXT_TYPES):
            if is_visible(mob):
                found.append(mob)
            return
        for sub in mob.submobjects:
            visit(sub)

    for mob in mobjects:
        visit(mob)
    return found


def is_visible(mob: Mobject) -> bool:
    """Whether any part of ``mob`` is drawn more opaque than :data:`VISIBLE_OPACITY` and it
    has an extent (a width or, for a vertical segment, a height)."""
    family = [m for m in mob.get_family() if len(getattr(m, "points", ())) > 0]
    if not family:
        return False
    opacity = max(
        max(
            float(np.max(m.get_fill_opacities(), initial=0.0)),
            float(np.max(m.get_stroke_opacities(), initial=0.0))
            if m.get_stroke_width() > 0
            else 0.0,
        )  # a stroke without width draws nothing
        for m in family
    )
    return opacity > VISIBLE_OPACITY and max(mob.width, mob.height) > 1e-3


# --- colour science ------------------------------------------------------------------------
def _rgb(color: ParsableManimColor | Sequence[float] | np.ndarray) -> np.ndarray:
    if isinstance(color, (np.ndarray, Sequence)) and not isinstance(color, str):
        return np.asarray(color, dtype=float)[..., :3]
    return np.asarray(ManimColor(color).to_rgb(), dtype=float)


def same_colour(a: ParsableManimColor, b: ParsableManimColor) -> bool:
    """Whether two colours are the same to within a step of 8-bit rounding (a primitive
    reading which state a mark is drawn in from its colour)."""
    return bool(np.allclose(_rgb(a), _rgb(b), rtol=0.0, atol=1 / 255))


def _linear(rgb: np.ndarray) -> np.ndarray:
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def relative_luminance(color: ParsableManimColor | Sequence[float] | np.ndarray) -> np.ndarray:
    """WCAG 2.x relative luminance of sRGB colour(s) (``[..., 3]`` in 0..1, or a colour)."""
    lin = _linear(_rgb(color))
    luminance: np.ndarray = lin @ np.array([0.2126, 0.7152, 0.0722])
    return luminance


def contrast_ratio(
    a: ParsableManimColor | Sequence[float] | np.ndarray,
    b: ParsableManimColor | Sequence[float] | np.ndarray,
) -> float:
    """WCAG 2.x contrast ratio between two opaque colours, 1 (none) to 21 (black on white)."""
    la, lb = float(relative_luminance(a)), float(relative_luminance(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


_SRGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
_D65 = np.array([0.95047, 1.0, 1.08883])


def srgb_to_lab(color: ParsableManimColor | Sequence[float] | np.ndarray) -> np.ndarray:
    """CIE L*a*b* (D65) of sRGB colour(s) given as ``[..., 3]`` floats in 0..1 or a colour."""
    xyz = _linear(_rgb(color)) @ _SRGB_TO_XYZ.T / _D65
    eps = (6 / 29) ** 3
    f = np.where(xyz > eps, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack(
        [116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])],
        axis=-1,
    )


def delta_e76(
    a: ParsableManimColor | Sequence[float] | np.ndarray,
    b: ParsableManimColor | Sequence[float] | np.ndarray,
) -> float:
    """CIE76 colour difference: Euclidean distance in L*a*b* (2.3 is just noticeable)."""
    return float(np.linalg.norm(srgb_to_lab(a) - srgb_to_lab(b)))


def _hex(rgb: np.ndarray) -> str:
    r, g, b = (int(round(float(np.clip(c, 0, 1)) * 255)) for c in rgb[:3])
    return f"#{r:02X}{g:02X}{b:02X}"


# --- one pass over the scene -----------------------------------------------------------------
def _content(mob: Mobject) -> str:
    if isinstance(mob, DecimalNumber):
        return "0"
    if isinstance(mob, (Text, MarkupText)):
        return str(getattr(mob, "original_text", None) or getattr(mob, "text", ""))
    if isinstance(mob, SingleStringMathTex):
        return mob.get_tex_string()
    return ""


#: per class: (text, background rectangle, axis or coordinate system, coordinate system,
#: anonymous group)
_TYPE_INFO: dict[type, tuple[bool, bool, bool, bool, bool]] = {}


#: mobjects without a fill that the renderer still draws (every other point-only mobject,
#: such as a ValueTracker, is state, not picture)
_DRAWN_NON_VECTOR = (AbstractImageMobject, PMobject)


def _type_info(cls: type) -> tuple[bool, bool, bool, bool, bool]:
    info = _TYPE_INFO.get(cls)
    if info is None:
        info = (
            issubclass(cls, TEXT_TYPES),
            issubclass(cls, BackgroundRectangle),
            issubclass(cls, (CoordinateSystem, NumberLine)),
            issubclass(cls, CoordinateSystem),
            cls in _ANONYMOUS,
        )
        _TYPE_INFO[cls] = info
    return info


class _Painted(Protocol):
    """A part flagged ``vector`` (it has ``fill_rgbas``): a VMobject's colour attributes."""

    fill_rgbas: np.ndarray
    stroke_rgbas: np.ndarray
    #: one width, or one per point
    stroke_width: float | np.ndarray | None


def _stroke_width(mob: _Painted) -> float:
    """A mobject's stroke width as one number (the widest, for per-point widths)."""
    width = mob.stroke_width
    if width is None:
        return 0.0
    return float(width) if isinstance(width, (int, float)) else float(np.max(width))


def _ranges_reduce(
    ufunc: np.ufunc, values: np.ndarray, starts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """``ufunc.reduce`` of ``values[start:end]`` for every non-empty range, vectorised."""
    padded = np.concatenate([values, values[:1]])
    idx = np.empty(2 * len(starts), dtype=int)
    idx[0::2], idx[1::2] = starts, ends
    return ufunc.reduceat(padded, idx, axis=0)[0::2]


class _Structure:
    """The shape of a scene's mobject tree as the lint walks it: which mobjects are drawn
    parts, in which order, under which owner, text, coordinate system and parent. It depends
    on the tree alone (submobject lists, types, names, which mobjects have points), not on
    where the points are or what colour they have, so it holds while a play only moves and
    recolours, and :class:`LayoutWalk` keeps it from one sampled moment to the next.
    """

    __slots__ = (
        "backing",
        "base_order",
        "coord_of",
        "coords",
        "duplicate",
        "ids",
        "named",
        "owners",
        "parents",
        "parts",
        "skeleton",
        "text_of",
        "texts",
        "top_mobjects",
        "vector",
        "vector_flags",
    )

    def __init__(self, mobjects: Sequence[Mobject]) -> None:
        parts: list[Mobject] = []
        vector: list[bool] = []
        text_of: list[int] = []
        backing: list[bool] = []
        coord_of: list[int] = []
        owners: list[Mobject] = []
        parents: list[int] = []
        #: nodes: [mobject, first part, end part, child nodes, anonymous group?]
        nodes: list[list[Any]] = []
        #: texts: [mobject, first part, end part]
        texts: list[list[Any]] = []
        #: every mobject visited, with what the walk read of it (see :meth:`holds`)
        skeleton: list[tuple[Mobject, type, str, list[Mobject], bool]] = []
        coords = [0]
        seen: set[int] = set()
        duplicate = False

        def visit(
            mob: Mobject,
            text: int,
            backed: bool,
            coord: int,
            named: Mobject | None,
            outer: Mobject | None,
            parent: int,
        ) -> int:
            nonlocal duplicate
            seen.add(id(mob))
            cls = type(mob)
            is_text, is_backing, is_axis, is_system, anonymous = _type_info(cls)
            name = mob.name
            if name and name != cls.__name__:
                named, anonymous = mob, False
            if outer is None and not anonymous:
                outer = mob
            if text < 0 and is_text:
                return visit_text(mob, coord, named, outer, parent)
            backed = backed or is_backing
            if is_axis and coord < 0:
                coord = coords[0]
                coords[0] += 1
            structural: set[int] | None = None
            if is_system:
                structural = {id(a) for a in getattr(mob, "axes", ())}
                for attr in ("background_lines", "faded_lines", "coordinate_labels"):
                    if getattr(mob, attr, None) is not None:
                        structural.add(id(getattr(mob, attr)))
            start = len(parts)
            node = len(nodes)
            children: list[int] = []
            nodes.append([mob, start, -1, children, anonymous])
            subs = mob.submobjects
            pointed = len(mob.points) > 0
            skeleton.append((mob, cls, name, list(subs), pointed))
            fill = getattr(mob, "fill_rgbas", None)
            # a plain Mobject with points (a ValueTracker, a camera's trackers) is never drawn
            if pointed and (fill is not None or isinstance(mob, _DRAWN_NON_VECTOR)):
                parts.append(mob)
                vector.append(fill is not None)
                text_of.append(text)
                backing.append(backed)
                coord_of.append(coord)
                owners.append(named if named is not None else outer if outer is not None else mob)
                parents.append(parent)
            for sub in subs:
                if id(sub) in seen:
                    duplicate = True
                    continue
                sub_coord = coord if structural is None or id(sub) in structural else -1
                children.append(visit(sub, text, backed, sub_coord, named, outer, id(mob)))
            nodes[node][2] = len(parts)
            return node

        def visit_text(
            mob: Mobject, coord: int, named: Mobject | None, outer: Mobject | None, parent: int
        ) -> int:
            """A text's whole family at once (its glyphs need no node of their own)."""
            nonlocal duplicate
            text = len(texts)
            start = len(parts)
            owner = named if named is not None else outer if outer is not None else mob
            stack: list[tuple[Mobject, int, bool]] = [(mob, parent, False)]
            while stack:
                sub, up, backed = stack.pop()
                seen.add(id(sub))
                cls = type(sub)
                backed = backed or _type_info(cls)[1]
                children = sub.submobjects
                pointed = len(sub.points) > 0
                skeleton.append((sub, cls, sub.name, list(children), pointed))
                if pointed and getattr(sub, "fill_rgbas", None) is not None:
                    parts.append(sub)
                    vector.append(True)
                    text_of.append(text)
                    backing.append(backed)
                    coord_of.append(coord)
                    owners.append(owner)
                    parents.append(up)
                if children:
                    for child in reversed(children):
                        if id(child) in seen:
                            duplicate = True
                        else:
                            stack.append((child, id(sub), backed))
            texts.append([mob, start, len(parts)])
            nodes.append([mob, start, len(parts), [], False])
            return len(nodes) - 1

        tops: list[int] = []
        for mob in mobjects:
            if id(mob) in seen:
                duplicate = True
                continue
            tops.append(visit(mob, -1, False, -1, None, None, id(mob)))
        # the objects the off-screen rule names: top-down, anonymous groups looked into,
        # anything else with drawn parts one object; in walking order
        frontier = list(tops)
        named: list[int] = []
        while frontier:
            node = frontier.pop()
            if nodes[node][4]:
                frontier.extend(nodes[node][3])
            elif nodes[node][2] > nodes[node][1]:
                named.append(node)
        named.sort()

        n = len(parts)
        self.top_mobjects = list(mobjects)
        self.skeleton = skeleton
        self.parts, self.owners, self.texts = parts, owners, texts
        #: (mobject, first part, end part) of each object the off-screen rule names
        self.named = [(nodes[i][0], nodes[i][1], nodes[i][2]) for i in named]
        self.vector_flags = vector
        self.coords, self.ids, self.duplicate = coords[0], seen, duplicate
        #: id of each part's parent (its own for a top-level part): siblings share it
        self.parents = np.array(parents, dtype=np.int64)
        self.text_of = np.array(text_of, dtype=int)
        self.backing = np.array(backing, dtype=bool)
        self.coord_of = np.array(coord_of, dtype=int)
        self.vector = np.array(vector, dtype=bool)
        #: the drawing rank before ``z_index`` sorts it (a mobject listed twice is drawn at
        #: its last place)
        self.base_order = np.arange(n, dtype=float)
        if duplicate:
            flat = [m for top in mobjects for m in top.get_family() if len(m.points)]
            last = {id(m): i for i, m in enumerate(flat)}
            self.base_order = np.array(
                [last.get(id(m), i) for i, m in enumerate(parts)], dtype=float
            )

    def holds(self, mobjects: Sequence[Mobject]) -> bool:
        """Whether walking ``mobjects`` now would give this structure: the same mobjects
        listed, and every mobject walked still of its type and name, with the same
        submobjects, and points if it had any."""
        if list(mobjects) != self.top_mobjects:
            return False
        for mob, cls, name, subs, pointed in self.skeleton:
            if (
                mob.submobjects != subs
                or (len(mob.points) > 0) is not pointed
                or type(mob) is not cls
                or mob.name != name
            ):
                return False
        return True

    @classmethod
    def joined(cls, pieces: Sequence[_Structure]) -> _Structure:
        """The structure one walk of the pieces' top-level mobjects, in order, gives when no
        mobject is met twice (in a piece or across them): the pieces end to end, their part,
        text and coordinate system numbers shifted past the pieces before them."""
        self = cls.__new__(cls)
        parts: list[Mobject] = []
        owners: list[Mobject] = []
        flags: list[bool] = []
        texts: list[list[Any]] = []
        named: list[tuple[Mobject, int, int]] = []
        skeleton: list[tuple[Mobject, type, str, list[Mobject], bool]] = []
        text_of, coord_of = [], []
        n_parts = n_texts = n_coords = 0
        for piece in pieces:
            parts += piece.parts
            owners += piece.owners
            flags += piece.vector_flags
            skeleton += piece.skeleton
            texts += [[m, a + n_parts, b + n_parts] for m, a, b in piece.texts]
            named += [(m, a + n_parts, b + n_parts) for m, a, b in piece.named]
            text_of.append(np.where(piece.text_of >= 0, piece.text_of + n_texts, -1))
            coord_of.append(np.where(piece.coord_of >= 0, piece.coord_of + n_coords, -1))
            n_parts += len(piece.parts)
            n_texts += len(piece.texts)
            n_coords += piece.coords
        self.top_mobjects = [m for piece in pieces for m in piece.top_mobjects]
        self.skeleton, self.parts, self.owners, self.texts = skeleton, parts, owners, texts
        self.named, self.vector_flags = named, flags
        self.coords, self.ids, self.duplicate = n_coords, set(), False
        self.parents = np.concatenate([p.parents for p in pieces])
        self.text_of = np.concatenate(text_of).astype(int)
        self.coord_of = np.concatenate(coord_of).astype(int)
        self.backing = np.concatenate([p.backing for p in pieces])
        self.vector = np.array(flags, dtype=bool)
        self.base_order = np.arange(n_parts, dtype=float)
        return self


class LayoutWalk:
    """What one scene's layout lint keeps between calls: the structure of its last walk,
    reused while :meth:`_Structure.holds` (a play that moves and recolours its objects keeps
    the tree, so its sampled moments cost a check of the tree instead of a new walk).

    When the tree changed (a readout showing new digits, a mobject added), only the top-level
    mobjects whose own trees changed are walked again and the structure is joined from the
    pieces; a mobject met twice (within one top-level mobject or across them) takes one walk
    of everything, as without a walk."""

    __slots__ = ("_last", "_pieces")

    def __init__(self) -> None:
        self._last: _Structure | None = None
        self._pieces: dict[int, _Structure] = {}

    def structure(self, mobjects: Sequence[Mobject]) -> _Structure:
        """The structure of ``mobjects`` now (kept, or joined from kept pieces, if it holds)."""
        tops = list(mobjects)
        last = self._last
        if last is not None and last.holds(tops):
            return last
        pieces: dict[int, _Structure] = {}
        for top in tops:
            piece = self._pieces.get(id(top))
            if piece is None or piece.top_mobjects[0] is not top or not piece.holds([top]):
                piece = _Structure([top])
            pieces[id(top)] = piece
        self._pieces = pieces
        walked = list(pieces.values())
        if (
            not walked
            or len(walked) != len(tops)
            or any(p.duplicate for p in walked)
            or sum(len(p.ids) for p in walked) != len(set().union(*(p.ids for p in walked)))
        ):
            last = _Structure(tops)
        else:
            last = walked[0] if len(walked) == 1 else _Structure.joined(walked)
        self._last = last
        return last


_NO_STROKE = np.zeros((1, 4))
_OPAQUE = np.ones((1, 4))


class _Scene:
    """Every drawn part (a mobject with points) of the scene, as flat numpy arrays.

    Parts are numbered in depth-first order, the order Manim draws them in; :attr:`order` is
    the true drawing rank (a mobject listed twice is drawn at its last place, then parts are
    sorted by ``z_index``).
    """

    def __init__(
        self, mobjects: Sequence[Mobject], moving: Collection[int], walk: LayoutWalk | None = None
    ) -> None:
        shape = walk.structure(mobjects) if walk is not None else _Structure(mobjects)
        parts = shape.parts
        n = len(parts)
        self.n, self.parts, self.owners, self.named = n, parts, shape.owners, shape.named
        self.texts, self.parents = shape.texts, shape.parents
        self.text_of, self.backing, self.coord_of = shape.text_of, shape.backing, shape.coord_of
        self.vector = shape.vector
        self.moving = (
            np.array([id(m) in moving for m in parts], dtype=bool)
            if moving
            else np.zeros(n, dtype=bool)
        )
        if n == 0:
            return
        points = [m.points for m in parts]
        # read as _Painted only where flagged vector (it has a VMobject's colour arrays)
        painted = cast("list[_Painted]", parts)
        flags = shape.vector_flags
        fills = [m.fill_rgbas if v else _OPAQUE for m, v in zip(painted, flags, strict=True)]
        strokes = [m.stroke_rgbas if v else _NO_STROKE for m, v in zip(painted, flags, strict=True)]
        widths = [_stroke_width(m) if v else 0.0 for m, v in zip(painted, flags, strict=True)]
        # boxes from the curves' anchors (what Manim's get_corner measures)
        counts = np.array([len(p) for p in points])
        starts = np.zeros(n, dtype=int)
        np.cumsum(counts[:-1], out=starts[1:])
        allp = np.concatenate(points)[:, :2]
        local = np.arange(len(allp)) - np.repeat(starts, counts)
        anchor = (local % 4 == 0) | (local % 4 == 3) | ~np.repeat(self.vector, counts)
        self.lo = np.minimum.reduceat(np.where(anchor[:, None], allp, np.inf), starts, axis=0)
        self.hi = np.maximum.reduceat(np.where(anchor[:, None], allp, -np.inf), starts, axis=0)
        self.allp, self.starts, self.counts = allp, starts, counts
        # colours: the first row of each part's colour arrays, and its most opaque row
        self.fill, self.fill_op = self._colours(fills)
        self.stroke, self.stroke_op = self._colours(strokes)
        self.width = np.array(widths)
        self.stroked = (self.stroke_op > VISIBLE_OPACITY) & (self.width > 0)
        #: what :func:`is_visible` counts: any colour row's opacity
        self.any_op = np.maximum(self.fill_op, self.stroke_op)
        self.shown = (self.fill_op > VISIBLE_OPACITY) | self.stroked
        #: boxes of the visible parts only (invisible parts: an empty box)
        self.shown_lo = np.where(self.shown[:, None], self.lo, np.inf)
        self.shown_hi = np.where(self.shown[:, None], self.hi, -np.inf)
        order = shape.base_order
        z = np.array([m.z_index for m in parts], dtype=float)
        if np.any(z):
            order = np.lexsort((order, z)).argsort().astype(float)
        self.order = order

    @staticmethod
    def _colours(arrays: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        counts = np.array([len(a) for a in arrays])
        filled = counts > 0
        rgb = np.zeros((len(arrays), 3))
        op = np.zeros(len(arrays))
        if filled.any():
            starts = np.zeros(len(arrays), dtype=int)
            np.cumsum(counts[:-1], out=starts[1:])
            flat = np.concatenate([a for a in arrays if len(a)])
            rgb[filled] = flat[starts[filled], :3]
            op[filled] = np.maximum.reduceat(flat[:, 3], starts[filled])
        return rgb, op


def _part_name(scene: _Scene, i: int) -> str:
    owner, part = scene.owners[i], scene.parts[i]
    name = describe(owner)
    kind = type(part).__name__
    if part is not owner and kind not in _GENERIC_TYPES and kind != name:
        name = f"{name} ({kind})"
    return name


class _Texts:
    """The visible texts, in :func:`visible_texts` order, with their boxes."""

    def __init__(self, scene: _Scene) -> None:
        rows = [(t, s, e) for t, (_, s, e) in enumerate(scene.texts) if e > s]
        t_idx = np.array([r[0] for r in rows], dtype=int)
        starts = np.array([r[1] for r in rows], dtype=int)
        ends = np.array([r[2] for r in rows], dtype=int)
        if len(rows):
            lo = _ranges_reduce(np.minimum, scene.lo, starts, ends)
            hi = _ranges_reduce(np.maximum, scene.hi, starts, ends)
            op = _ranges_reduce(np.maximum, scene.any_op, starts, ends)
            keep = (op > VISIBLE_OPACITY) & (hi[:, 0] - lo[:, 0] > 1e-3)
        else:
            lo = hi = np.zeros((0, 2))
            keep = np.zeros(0, dtype=bool)
        self.index, self.starts, self.ends = t_idx[keep], starts[keep], ends[keep]
        self.lo, self.hi = lo[keep], hi[keep]
        self.mobs = [scene.texts[t][0] for t in self.index]
        self.moving = (
            _ranges_reduce(np.logical_and, scene.moving, self.starts, self.ends)
            if len(self.starts) and scene.moving.any()
            else np.zeros(len(self.starts), dtype=bool)
        )
        # glyphs: the parts of each text drawn in its own colours (not a background rectangle)
        self.glyph = (
            (scene.text_of >= 0) & ~scene.backing & scene.vector & (scene.fill_op > VISIBLE_OPACITY)
        )
        #: when each text starts being drawn (its first glyph's drawing rank)
        self.first = (
            _ranges_reduce(
                np.minimum, np.where(self.glyph, scene.order, np.inf), self.starts, self.ends
            )
            if len(self.starts)
            else np.zeros(0)
        )
        self.coord = scene.coord_of[self.starts] if len(self.starts) else np.zeros(0, dtype=int)

    def __len__(self) -> int:
        return len(self.mobs)


def _backdrop(lo: np.ndarray, hi: np.ndarray, frame: tuple[float, float]) -> np.ndarray:
    size = hi - lo
    backdrop: np.ndarray = (size[..., 0] >= BACKDROP_FRACTION * frame[0]) & (
        size[..., 1] >= BACKDROP_FRACTION * frame[1]
    )
    return backdrop


# --- the rules -------------------------------------------------------------------------------
def _offscreen(
    scene: _Scene, half_w: float, half_h: float, frame: tuple[float, float]
) -> list[Finding]:
    # top-down: anonymous groups are looked into, anything else is one object
    named = scene.named
    if not named:
        return []
    starts = np.array([start for _, start, _ in named])
    ends = np.array([end for _, _, end in named])
    lo = _ranges_reduce(np.minimum, scene.shown_lo, starts, ends)
    hi = _ranges_reduce(np.maximum, scene.shown_hi, starts, ends)
    out = np.max(
        np.stack([-half_w - lo[:, 0], -half_h - lo[:, 1], hi[:, 0] - half_w, hi[:, 1] - half_h]),
        axis=0,
    )
    leaving = np.nonzero((out > 1e-3) & np.isfinite(out) & ~_backdrop(lo, hi, frame))[0]
    area = np.prod(np.maximum(hi - lo, 1e-9), axis=1)
    found: list[tuple[int, Finding]] = []
    kept: list[int] = []
    margin_w, margin_h = frame[0] / 2 - half_w, frame[1] / 2 - half_h
    for k in sorted(leaving, key=lambda k: (-area[k], k)):
        if any(np.all(lo[k] >= lo[j] - 1e-3) and np.all(hi[k] <= hi[j] + 1e-3) for j in kept):
            continue  # inside an object already reported (a text on a card that leaves)
        mob = named[k][0]
        if _line_art(mob):
            # line art (a grid, a curve) may use the margin, but not leave the frame
            out[k] -= min(margin_w, margin_h)
            if out[k] <= 1e-3:
                continue
        kept.append(int(k))
        found.append((int(k), Finding("offscreen", describe(mob), float(out[k]))))
    return [f for _, f in sorted(found, key=lambda kf: kf[0])]


def _line_art(mob: Mobject) -> bool:
    """True for strokes only (a grid, a curve, an arrow): no text and no solid fill, such as a
    card or a panel's backdrop, which must keep inside the safe area like its text."""
    for part in mob.get_family():
        if isinstance(part, TEXT_TYPES):
            return False
        fills = getattr(part, "fill_rgbas", None)
        if (
            fills is not None
            and len(part.points)
            and np.size(fills)
            and float(np.max(np.asarray(fills)[..., -1])) >= 0.5
        ):
            return False
    return True


def _overlap(texts: _Texts, moving: Collection[int]) -> list[Finding]:
    found: list[Finding] = []
    if len(texts) < 2:
        return found
    lo, hi = texts.lo, texts.hi
    w = np.minimum(hi[:, None, 0], hi[None, :, 0]) - np.maximum(lo[:, None, 0], lo[None, :, 0])
    h = np.minimum(hi[:, None, 1], hi[None, :, 1]) - np.maximum(lo[:, None, 1], lo[None, :, 1])
    hit = np.triu((w > OVERLAP_MIN) & (h > OVERLAP_MIN), k=1)
    mobs = texts.mobs
    for i, j in zip(*np.nonzero(hit), strict=True):
        if moving and (id(mobs[i]) in moving or id(mobs[j]) in moving):
            continue
        found.append(
            Finding(
                "overlap", f"{describe(mobs[i])} ~ {describe(mobs[j])}", float(w[i, j] * h[i, j])
            )
        )
    return found


def _segments(scene: _Scene, parts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The stroke of ``parts`` as straight segments: each cubic curve as start–middle–end
    (points on the curve, never its handles)."""
    counts = scene.counts[parts] // 4 * 4
    parts, counts = parts[counts >= 4], counts[counts >= 4]
    if not len(parts):
        empty = np.zeros((0, 2))
        return empty, empty, np.zeros(0, dtype=int)
    rows = np.concatenate(
        [np.arange(s, s + c) for s, c in zip(scene.starts[parts], counts, strict=True)]
    )
    q = scene.allp[rows].reshape(-1, 4, 2)
    owner = np.repeat(parts, counts // 4)
    mid = (q[:, 0] + 3 * q[:, 1] + 3 * q[:, 2] + q[:, 3]) / 8
    return (
        np.concatenate([q[:, 0], mid]),
        np.concatenate([mid, q[:, 3]]),
        np.concatenate([owner, owner]),
    )


def _clipped_length(a: np.ndarray, b: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Length of each segment ``a[i]–b[i]`` inside the box ``lo[i]..hi[i]`` (Liang–Barsky
    clipping), ``-1`` where it misses the box."""
    d = b - a
    t0 = np.zeros(len(a))
    t1 = np.ones(len(a))
    miss = np.zeros(len(a), dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for axis in range(2):
            p = d[:, axis]
            for q, pp in ((a[:, axis] - lo[:, axis], -p), (hi[:, axis] - a[:, axis], p)):
                r = q / pp
                miss |= (pp == 0) & (q < 0)
                t0 = np.where(pp < 0, np.maximum(t0, r), t0)
                t1 = np.where(pp > 0, np.minimum(t1, r), t1)
    length = (t1 - t0) * np.hypot(d[:, 0], d[:, 1])
    return np.where(~miss & (t0 <= t1), length, -1.0)


def _under(
    scene: _Scene, first: np.ndarray, opacity: float, lo: np.ndarray, hi: np.ndarray
) -> np.ndarray:
    """For each text (drawn from rank ``first``), the topmost part filled at least ``opacity``
    opaque, drawn before the text, whose box holds the box ``lo..hi`` (the text's box, or its
    centre); ``-1`` where there is none."""
    filled = np.nonzero(
        (scene.fill_op >= opacity) & scene.vector & ((scene.text_of < 0) | scene.backing)
    )[0]
    if not len(filled) or not len(first):
        return np.full(len(first), -1)
    order = scene.order[filled]
    holds = (
        (order[:, None] < first[None])
        & np.all(scene.lo[filled][:, None] <= lo[None], axis=2)
        & np.all(scene.hi[filled][:, None] >= hi[None], axis=2)
    )
    best = np.where(holds, order[:, None], -1.0).argmax(axis=0)
    return np.where(holds.any(axis=0), filled[best], -1)


def _crossing(scene: _Scene, texts: _Texts) -> list[Finding]:
    cols = np.nonzero(~texts.moving)[0]
    tlo, thi = texts.lo[cols] + CROSSING_INSET, texts.hi[cols] - CROSSING_INSET
    real = np.all(thi > tlo, axis=1)
    cols, tlo, thi = cols[real], tlo[real], thi[real]
    stroked = scene.stroked & (scene.text_of < 0) & ~scene.backing & ~scene.moving & scene.vector
    candidates = np.nonzero(stroked)[0]
    if not len(cols) or not len(candidates):
        return []
    near = np.all(scene.hi[candidates, None, :] >= tlo[None], axis=2) & np.all(
        scene.lo[candidates, None, :] <= thi[None], axis=2
    )
    candidates = candidates[near.any(axis=1)]
    a, b, seg_part = _segments(scene, candidates)
    # (segment, text) pairs whose boxes meet, then the exact test on those pairs only
    seg_lo, seg_hi = np.minimum(a, b), np.maximum(a, b)
    meet = np.all(seg_hi[:, None] >= tlo[None], axis=2) & np.all(
        seg_lo[:, None] <= thi[None], axis=2
    )
    # tick labels are not crossed by their own axes' lines, ticks and grid
    part_coord = scene.coord_of[seg_part][:, None]
    text_coord = texts.coord[cols][None]
    meet &= ~((text_coord >= 0) & (part_coord == text_coord))
    # strokes drawn before an opaque card that holds the whole text are hidden by the card
    cover = _under(scene, texts.first[cols], OCCLUDING_OPACITY, tlo, thi)
    cover_order = np.where(cover >= 0, scene.order[np.maximum(cover, 0)], -np.inf)
    meet &= ~(scene.order[seg_part][:, None] < cover_order[None])
    seg, col = np.nonzero(meet)
    length = _clipped_length(a[seg], b[seg], tlo[col], thi[col])
    totals: dict[tuple[int, str], float] = {}
    for r, c, ln in zip(seg[length >= 0], col[length >= 0], length[length >= 0], strict=True):
        key = (int(cols[c]), _part_name(scene, int(seg_part[r])))
        totals[key] = totals.get(key, 0.0) + float(ln)
    return [
        Finding("crossing", f"{describe(texts.mobs[k])} ~ {name}", total)
        for (k, name), total in sorted(totals.items(), key=lambda kv: kv[0][0])
        if total >= MIN_CROSSING_LENGTH
    ]


def _small_text(texts: _Texts, px_per_unit: float) -> list[Finding]:
    found: list[Finding] = []
    size = (texts.hi - texts.lo) * px_per_unit
    for k in np.nonzero(
        (size[:, 1] < MIN_TEXT_PX) & (size.max(axis=1) >= TINY_GLYPH_PX) & ~texts.moving
    )[0]:
        mob = texts.mobs[k]
        if any(ch.isalnum() for ch in _content(mob)):  # not punctuation alone
            found.append(
                Finding(
                    "small-text", f"{describe(mob)}: {size[k, 1]:.1f} px tall", float(size[k, 1])
                )
            )
    return found


def _contrast(scene: _Scene, texts: _Texts, background: np.ndarray) -> list[Finding]:
    if not len(texts):
        return []
    centre = (texts.lo + texts.hi) / 2
    under = _under(scene, texts.first, CONTRAST_FILL_OPACITY, centre, centre)
    op = np.clip(scene.fill_op[np.maximum(under, 0)], 0, 1)[:, None]
    back = np.where(
        (under >= 0)[:, None],
        scene.fill[np.maximum(under, 0)] * op + background * (1 - op),
        background,
    )
    # every glyph's colour, blended by its opacity over its text's background
    glyphs = np.concatenate(
        [np.arange(s, e)[texts.glyph[s:e]] for s, e in zip(texts.starts, texts.ends, strict=True)]
    )
    owner = np.repeat(
        np.arange(len(texts)),
        [int(texts.glyph[s:e].sum()) for s, e in zip(texts.starts, texts.ends, strict=True)],
    )
    if not len(glyphs):
        return []
    g_op = np.clip(scene.fill_op[glyphs], 0, 1)[:, None]
    shown = scene.fill[glyphs] * g_op + back[owner] * (1 - g_op)
    lum_text, lum_back = relative_luminance(shown), relative_luminance(back)[owner]
    ratio = (np.maximum(lum_text, lum_back) + 0.05) / (np.minimum(lum_text, lum_back) + 0.05)
    worst = np.full(len(texts), np.inf)
    np.minimum.at(worst, owner, ratio)
    found: list[Finding] = []
    for k in np.nonzero((worst < MIN_CONTRAST) & ~texts.moving)[0]:
        g = glyphs[owner == k][np.argmin(ratio[owner == k])]
        behind = _part_name(scene, int(under[k])) if under[k] >= 0 else "background"
        faded = f" at {scene.fill_op[g]:.0%} opacity" if scene.fill_op[g] < 0.995 else ""
        found.append(
            Finding(
                "contrast",
                f"{describe(texts.mobs[k])} {_hex(scene.fill[g])}{faded} on "
                f"{_hex(back[k])} ({behind}): {worst[k]:.2f}:1",
                float(worst[k]),
            )
        )
    return found


def _colours(scene: _Scene, frame: tuple[float, float], background: np.ndarray) -> list[Finding]:
    data = (
        (scene.text_of < 0)
        & ~scene.backing
        & (scene.coord_of < 0)
        & ~scene.moving
        & scene.shown
        & scene.vector
        & ~_backdrop(scene.lo, scene.hi, frame)
    )
    idx = np.nonzero(data)[0]
    if len(idx) < 2:
        return []
    # a part's colour: its fill if that is solid (a bar, a dot) or all it has, else its stroke
    use_fill = (scene.fill_op[idx] >= CONTRAST_FILL_OPACITY) | ~scene.stroked[idx]
    colour = np.where(use_fill[:, None], scene.fill[idx], scene.stroke[idx])
    key = np.round(colour * 255).astype(int)
    uniq, inverse = np.unique(key, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    if len(uniq) < 2:
        return []
    lab = srgb_to_lab(uniq / 255.0)
    chrome = np.linalg.norm(lab - srgb_to_lab(background), axis=1) < _BACKGROUND_DELTA_E
    de = np.linalg.norm(lab[:, None] - lab[None], axis=2)
    close = (
        np.triu((de < MIN_DELTA_E) & (de >= SAME_COLOUR_DELTA_E), k=1)
        & ~chrome[:, None]
        & ~chrome[None]
    )
    if not close.any():
        return []
    owner = scene.parents[idx]
    # siblings in many colours are a colour scale (a heat map's cells, graded contours):
    # their shades are meant to be close and are not compared with each other
    scales = [
        o for o in np.unique(owner) if len(np.unique(inverse[owner == o])) > COLOUR_SCALE_COLOURS
    ]
    in_scale = np.isin(owner, scales)
    lo, hi = scene.lo[idx], scene.hi[idx]
    found: list[Finding] = []
    for u, v in zip(*np.nonzero(close), strict=True):
        a, b = np.nonzero(inverse == u)[0], np.nonzero(inverse == v)[0]
        gap = np.maximum(
            0.0, np.maximum(lo[a][:, None] - hi[b][None], lo[b][None] - hi[a][:, None])
        )
        near = np.hypot(gap[..., 0], gap[..., 1]) <= COLOUR_NEIGHBOURHOOD
        near &= ~((owner[a][:, None] == owner[b][None]) & in_scale[a][:, None])
        if not near.any():
            continue
        i, j = np.argwhere(near)[0]
        found.append(
            Finding(
                "colours",
                f"{_hex(uniq[u] / 255)} {_part_name(scene, int(idx[a[i]]))} ~ "
                f"{_hex(uniq[v] / 255)} {_part_name(scene, int(idx[b[j]]))}: "
                f"ΔE {de[u, v]:.1f}",
                float(de[u, v]),
            )
        )
    return found


def layout_findings(
    mobjects: Sequence[Mobject],
    *,
    frame_width: float,
    frame_height: float,
    margin: float,
    background: ParsableManimColor,
    moving: Collection[int] = frozenset(),
    pixel_height: int = 1080,
    walk: LayoutWalk | None = None,
) -> list[Finding]:
    """Every layout defect a viewer would see in the still frame ``mobjects`` make.

    Parameters
    ----------
    mobjects
        What is on screen, in drawing order (a scene's ``mobjects``).
    frame_width, frame_height
        The frame's size in scene units (the frame is centred on the origin).
    margin
        Width of the border every object must keep clear of (units).
    background
        The scene's background colour (behind every text without a card).
    moving
        Mid-animation, the ids of the mobjects being animated (with their families): a text
        passing over another or over a line, a label fading in or shrinking, a colour on its
        way, are not defects yet. Objects leaving the frame are reported even while moving.
    pixel_height
        The output's height in pixels, for the smallest text allowed.
    walk
        The caller's :class:`LayoutWalk`, when it lints the same scene again and again (at
        every sampled moment of a play): the tree's structure is walked again only when it
        changed. The findings are the same with or without it.

    Returns
    -------
    list of Finding
        Grouped by kind in the order of :data:`KINDS`; empty for a clean layout.
    """
    scene = _Scene(mobjects, moving, walk)
    if scene.n == 0:
        return []
    frame = (float(frame_width), float(frame_height))
    back = _rgb(background)
    texts = _Texts(scene)
    return (
        _offscreen(scene, frame[0] / 2 - margin, frame[1] / 2 - margin, frame)
        + _overlap(texts, moving)
        + _crossing(scene, texts)
        + _small_text(texts, pixel_height / frame[1])
        + _contrast(scene, texts, back)
        + _colours(scene, frame, back)
    )


def layout_problems(
    mobjects: Sequence[Mobject],
    margin: float = theme.SAFE_MARGIN,
    moving: Collection[int] = frozenset(),
    walk: LayoutWalk | None = None,
) -> list[tuple[str, float]]:
    """Every :func:`layout_findings` defect as ``("kind: description", size)``, for the scene.

    The frame is Manim's configured frame and the background the theme's.
    """
    return [
        (f"{f.kind}: {f.description}", f.size)
        for f in layout_findings(
            mobjects,
            frame_width=config.frame_width,
            frame_height=config.frame_height,
            margin=margin,
            background=theme.BACKGROUND,
            moving=moving,
            walk=walk,
        )
    ]
