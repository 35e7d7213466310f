"""The course's one visual theme: semantic palette, fonts, sizes, title and end cards.

Scenes and primitives take colours from here by *meaning* (``BASIS_I``, ``GRADIENT``,
``HYPOTHESIS``), never by hue, so that the whole course can be re-themed in one place.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    FadeIn,
    FadeOut,
    Group,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    Succession,
    Text,
    VGroup,
    Write,
)
from manim.animation.animation import Animation

__all__ = [
    "at",
    "VISIBLE_OPACITY",
    "OVERLAP_MIN",
    "MIN_TEXT_PX",
    "MIN_CONTRAST",
    "MIN_DELTA_E",
    "BACKGROUND",
    "TEXT",
    "MUTED",
    "GRID",
    "GRID_FAINT",
    "ACCENT",
    "BASIS_I",
    "BASIS_J",
    "VECTOR",
    "AREA",
    "ROW",
    "COLUMN",
    "PROJECTION",
    "VECTOR_SECOND",
    "VECTOR_SUM",
    "EQUATION_COLORS",
    "BIAS",
    "EIGEN",
    "NORM_L1",
    "NORM_L2",
    "NORM_LINF",
    "USER_COLORS",
    "CURVE",
    "CONTOUR",
    "GRADIENT",
    "PATH",
    "DOT",
    "HYPOTHESIS",
    "NOT_HYPOTHESIS",
    "EVIDENCE",
    "GOOD",
    "BAD",
    "FONT",
    "MONO_FONT",
    "TITLE_SIZE",
    "HEADING_SIZE",
    "BODY_SIZE",
    "LABEL_SIZE",
    "SMALL_SIZE",
    "SAFE_MARGIN",
    "text",
    "code",
    "tex",
    "heading",
    "title_card",
    "end_card",
    "show_card",
    "hide",
]

# --- thresholds every check of the picture shares (the layout lint, the primitives) ----
#: fill or stroke opacity at or below which a part is not seen
VISIBLE_OPACITY = 0.05
#: two text boxes overlap when their intersection is wider *and* taller than this (units)
OVERLAP_MIN = 0.02
#: WCAG 2.x AA minimum contrast ratio for normal text
MIN_CONTRAST = 4.5
#: a text whose whole box is shorter than this many pixels at the output height is too small
#: to read. The height is the whole text object's (ascenders to descenders), so what 14 px
#: means depends on the type and the content: a ``Text`` of font size ``s`` is about
#: ``1.05 s`` px tall at 1080p when all lowercase without ascenders (``"ace"``), ``1.4 s``
#: with digits, ``1.75 s`` with ascenders and descenders (``"Hg"``); a ``MathTex`` is about
#: ``0.63 s`` for a lone ``x`` and ``0.96 s`` with digits or capitals. 14 px therefore flags
#: a ``Text`` under font size 8 to 13 and a formula under 14.5 (digits) to 22 (a lone ``x``);
#: the theme's smallest sizes (``SMALL_SIZE`` text, 22-point tick numbers) pass
MIN_TEXT_PX = 14.0
#: CIE76 ΔE under which two data colours side by side are hard to tell apart (2.3 is just
#: noticeable side by side; thin lines and small dots need far more). Among the theme's
#: colours 15 catches ``CURVE``/``PATH`` (7.9) and ``AREA``/``CONTOUR`` (9.9) and spares
#: ``AREA``/``NOT_HYPOTHESIS`` (15.7) and ``BAD``/``HYPOTHESIS`` (18.4)
MIN_DELTA_E = 15.0

# --- palette ---------------------------------------------------------------------------
BACKGROUND = ManimColor("#101318")
TEXT = ManimColor("#ECEFF4")
MUTED = ManimColor("#A3ADBA")
GRID = ManimColor("#33506B")
GRID_FAINT = ManimColor("#222B36")
ACCENT = ManimColor("#F2C14E")

# linear algebra
BASIS_I = ManimColor("#7BD389")
BASIS_J = ManimColor("#FF6B6B")
VECTOR = ACCENT
AREA = ManimColor("#5E81AC")
#: the row and the column of a matrix product's entry being computed, and the entry itself
ROW = BASIS_I
COLUMN = BASIS_J
PROJECTION = ManimColor("#B48EAD")
#: a second vector beside VECTOR, and the result of combining them (sum, product)
VECTOR_SECOND = ManimColor("#58C4DD")
VECTOR_SUM = ManimColor("#FF8C42")
#: one colour per equation of a linear system (lines of the row picture, rows of [A | b])
EQUATION_COLORS = (ManimColor("#58C4DD"), ManimColor("#FF8C42"), ManimColor("#B48EAD"))
#: the bias term of an affine layer
BIAS = ACCENT
EIGEN = ManimColor("#F2C14E")
#: unit balls of the p-norms
NORM_L1 = ManimColor("#FF8C42")
NORM_L2 = ManimColor("#58C4DD")
NORM_LINF = ManimColor("#B48EAD")

# the running movie-recommender example: one colour per user, the same in every chapter
USER_COLORS = (
    ManimColor("#F2C14E"),
    ManimColor("#58C4DD"),
    ManimColor("#EF476F"),
    ManimColor("#7BD389"),
    ManimColor("#B48EAD"),
    ManimColor("#FF8C42"),
)

# calculus / optimisation
CURVE = ManimColor("#58C4DD")
CONTOUR = ManimColor("#4A6FA5")
GRADIENT = ManimColor("#FF8C42")
PATH = ManimColor("#4CC9F0")
DOT = ACCENT

# probability
HYPOTHESIS = ManimColor("#EF476F")
NOT_HYPOTHESIS = ManimColor("#118AB2")
EVIDENCE = ACCENT

GOOD = ManimColor("#7BD389")
BAD = ManimColor("#FF6B6B")

# --- type -------------------------------------------------------------------------------
FONT = "DejaVu Sans"
MONO_FONT = "DejaVu Sans Mono"
TITLE_SIZE = 52
HEADING_SIZE = 36
BODY_SIZE = 28
LABEL_SIZE = 24
SMALL_SIZE = 20

#: distance kept between any text and the frame's edge (scene units; the frame is 8 tall)
SAFE_MARGIN = 0.2


def text(content: str, *, size: int = BODY_SIZE, color: ManimColor = TEXT, **kwargs: Any) -> Text:
    """Course-styled plain text."""
    return Text(content, font=FONT, font_size=size, color=color, **kwargs)


def code(*lines: str, size: int = 24, color: ManimColor = TEXT) -> VGroup:
    """A block of source code, one monospaced line per argument, left-aligned."""
    rows = [
        Text(line.strip() or ".", font=MONO_FONT, font_size=size, color=color) for line in lines
    ]
    block = VGroup(*rows).arrange(DOWN, aligned_edge=LEFT, buff=0.18)
    char = Text("x", font=MONO_FONT, font_size=size).width * 1.2
    for row, line in zip(rows, lines, strict=True):
        row.shift(RIGHT * char * (len(line) - len(line.lstrip(" "))))
    return block


def tex(*parts: str, size: int = 40, color: ManimColor = TEXT, **kwargs: Any) -> MathTex:
    """Course-styled formula."""
    return MathTex(*parts, font_size=size, color=color, **kwargs)


def heading(content: str) -> Text:
    """A heading pinned to the top edge of the frame, inside the safe margin."""
    return text(content, size=HEADING_SIZE).to_edge(UP, buff=0.35)


def title_card(chapter_id: str, title: str, level_title: str) -> VGroup:
    """The chapter's opening card: level, id, title, a rule."""
    level = text(level_title.upper(), size=SMALL_SIZE, color=MUTED)
    number = text(chapter_id, size=HEADING_SIZE, color=ACCENT)
    name = text(title, size=TITLE_SIZE)
    rule = Line(stroke_color=ACCENT, stroke_width=3).set_length(max(name.width, 4.0))
    card = VGroup(level, number, name, rule).arrange(DOWN, buff=0.35)
    card.name = "title card"
    return card


def end_card(takeaway: str, next_title: str | None) -> VGroup:
    """The closing card: one takeaway line and what comes next."""
    parts = [text(takeaway, size=BODY_SIZE)]
    if next_title:
        parts.append(text(f"Next: {next_title}", size=LABEL_SIZE, color=MUTED))
    parts.append(text("mathviz · Mathematics for Machine Learning", size=SMALL_SIZE, color=MUTED))
    card = VGroup(*parts).arrange(DOWN, buff=0.45)
    card.name = "end card"
    return card


def show_card(card: VGroup) -> Animation:
    """Animation that brings a card in: the first line written, the rest faded in."""
    return Succession(Write(card[0], run_time=0.8), FadeIn(VGroup(*card[1:]), shift=0.2 * UP))


def hide(*mobjects: Mobject) -> Animation:
    """Fade mobjects out (the course's standard exit)."""
    return FadeOut(Group(*mobjects))


def at(x: float, y: float) -> np.ndarray:
    """The scene point ``(x, y)`` (on the z = 0 plane), for placing things in the frame."""
    return np.array([x, y, 0.0])
