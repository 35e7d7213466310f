"""The course's side panel: rows of formulas and readouts on a dark card beside a drawing.

Every lecture that explains a drawing keeps its formulas in one corner, on a card dark enough
that grid lines never run through the text. :class:`Panel` owns that card and its rows and
returns the animations that replace, grow or reveal them; the scene plays them.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UL,
    AnimationGroup,
    FadeIn,
    FadeOut,
    Mobject,
    SurroundingRectangle,
    VGroup,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme

CARD_BUFF = 0.22


def card_for(content: Mobject, buff: float = CARD_BUFF) -> SurroundingRectangle:
    """The dark, rounded card that sits behind a panel's ``content``."""
    card = SurroundingRectangle(content, buff=buff, corner_radius=0.08,
                                stroke_color=theme.GRID, stroke_width=1.5,
                                fill_color=theme.BACKGROUND, fill_opacity=0.94)
    card.name = "panel card"
    return card


class Panel:
    """Rows stacked left-aligned in a corner (or from a fixed top-left anchor) on a card.

    Parameters
    ----------
    corner
        Frame corner the rows are pinned to (ignored when ``anchor`` is given).
    anchor
        Fixed top-left point of the rows: rows added later never push earlier ones around.
    row_buff, edge_buff
        Space between rows, and between the rows and the frame edge.
    """

    def __init__(self, *, corner: np.ndarray = UL, anchor: ArrayLike | None = None,
                 row_buff: float = 0.3, edge_buff: float = 0.45,
                 min_width: float = 0.0) -> None:
        self.corner = corner
        #: the card is never narrower than this (numbers that grow keep their card)
        self.min_width = min_width
        self.anchor = None if anchor is None else np.asarray(anchor, dtype=float)
        self.row_buff, self.edge_buff = row_buff, edge_buff
        self.card: SurroundingRectangle | None = None
        self.content: VGroup | None = None

    def layout(self, *rows: Mobject) -> VGroup:
        """``rows`` arranged and placed where this panel puts its rows (not animated)."""
        content = VGroup(*rows).arrange(DOWN, aligned_edge=LEFT, buff=self.row_buff)
        if self.anchor is not None:
            content.move_to(self.anchor, aligned_edge=UL)
        else:
            content.to_corner(self.corner, buff=self.edge_buff)
        return content

    def show(self, *rows: Mobject, run_time: float = 1.0) -> Animation:
        """Replace what the panel shows with ``rows``: old rows out, card reshapes, new in."""
        content = self.layout(*rows)
        card = self._card(content)
        if self.card is None or self.content is None:
            self.card, self.content = card, content
            return AnimationGroup(FadeIn(card), FadeIn(content), run_time=run_time * 0.8)
        old, self.content = self.content, content
        # lag_ratio=1: the new rows start only when the old are gone, never two at once
        return AnimationGroup(
            AnimationGroup(FadeOut(old), self.card.animate.become(card)),
            FadeIn(content), lag_ratio=1.0, run_time=run_time)

    def grow(self, *rows: Mobject, run_time: float = 0.8) -> Animation:
        """Add ``rows`` under the rows shown; the card grows to hold them."""
        if self.card is None or self.content is None:
            return self.show(*rows, run_time=run_time / 0.8)
        content = self.layout(*self.content, *rows)
        card = self._card(content)
        self.content = content
        return AnimationGroup(self.card.animate.become(card), *(FadeIn(r) for r in rows),
                              run_time=run_time)

    def reveal(self, *mobjects: Mobject, run_time: float = 0.8) -> Animation:
        """Fade in pieces the scene placed itself; the card grows around all revealed so far."""
        shown = VGroup(*(self.content or []), *mobjects)
        card = self._card(shown)
        first = self.card is None
        self.content = shown
        if first:
            self.card = card
            return AnimationGroup(FadeIn(card), *(FadeIn(m) for m in mobjects),
                                  run_time=run_time)
        return AnimationGroup(self.card.animate.become(card), *(FadeIn(m) for m in mobjects),
                              run_time=run_time)

    def _card(self, content: Mobject) -> SurroundingRectangle:
        card = card_for(content)
        if card.width < self.min_width + 2 * CARD_BUFF:
            left = card.get_left()
            card.stretch_to_fit_width(self.min_width + 2 * CARD_BUFF).move_to(left, LEFT)
        return card

    def hide(self, run_time: float = 0.6) -> Animation:
        """Fade the card and its rows out; the panel starts empty again."""
        parts = [m for m in (self.card, self.content) if m is not None]
        self.card = self.content = None
        return FadeOut(*parts, run_time=run_time) if parts else AnimationGroup()

    def forget(self) -> None:
        """The scene cleared the stage itself: start empty without animating."""
        self.card = self.content = None
