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
    VMobject,
    config,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.primitives.motion import built

__all__ = ["CARD_BUFF", "card_for", "Panel"]

CARD_BUFF = 0.22


def card_for(content: Mobject, buff: float = CARD_BUFF) -> SurroundingRectangle:
    """The dark, rounded card that sits behind a panel's ``content``."""
    card = SurroundingRectangle(
        content,
        buff=buff,
        corner_radius=0.08,
        stroke_color=theme.GRID,
        stroke_width=1.5,
        fill_color=theme.BACKGROUND,
        fill_opacity=0.94,
    )
    card.name = "panel card"
    return card


class Panel:
    """Rows stacked left-aligned in a corner (or from a fixed top-left anchor) on a card.

    The card and every row live in one group, :attr:`group`, with the card first, so the card
    is always drawn under the rows, however often they are replaced or added to. Rows that
    leave are faded out and dropped from the group on the next change (removing a part of a
    group that is in a scene would split it and change the drawing order).

    Parameters
    ----------
    corner
        Frame corner the rows are pinned to (ignored when ``anchor`` is given).
    anchor
        Fixed top-left point of the rows: rows added later never push earlier ones around.
    row_buff, edge_buff
        Space between rows, and between the rows and the frame edge.
    min_width
        The card is never narrower than this (numbers that grow keep their card).
    """

    def __init__(
        self,
        *,
        corner: np.ndarray = UL,
        anchor: ArrayLike | None = None,
        row_buff: float = 0.3,
        edge_buff: float = 0.45,
        min_width: float = 0.0,
    ) -> None:
        self.corner = corner
        self.anchor = None if anchor is None else np.asarray(anchor, dtype=float)
        self.row_buff, self.edge_buff = row_buff, edge_buff
        self.min_width = min_width
        self.group = VGroup()
        self.card: SurroundingRectangle | None = None
        self.content: VGroup | None = None
        self._retired: list[Mobject] = []

    # --- layout ----------------------------------------------------------------------------
    def layout(self, *rows: VMobject) -> VGroup:
        """``rows`` arranged and placed where this panel puts its rows (not animated)."""
        content = VGroup(*rows).arrange(DOWN, aligned_edge=LEFT, buff=self.row_buff)
        if self.anchor is not None:
            content.move_to(self.anchor, aligned_edge=UL)
        else:
            content.to_corner(self.corner, buff=self.edge_buff)
        return content

    def _card(self, content: Mobject) -> SurroundingRectangle:
        card = card_for(content)
        if card.width < self.min_width + 2 * CARD_BUFF:
            left = card.get_left()
            card.stretch_to_fit_width(self.min_width + 2 * CARD_BUFF).move_to(left, LEFT)
            # widened towards the frame's edge: keep it inside the safe area (a panel in a
            # right-hand corner grows to the left instead of off the frame)
            limit = config.frame_width / 2 - theme.SAFE_MARGIN
            overflow = max(card.get_right()[0] - limit, 0.0)
            card.shift(overflow * LEFT)
        return card

    def _drop_retired(self) -> None:
        if self._retired:
            self.group.remove(*self._retired)
            self._retired = []

    def _first(
        self, content: VGroup, run_time: float, intro: list[Animation] | None = None
    ) -> Animation:
        self.card = self._card(content)
        self.content = content
        self.group.add(self.card, *content)
        anims = intro if intro is not None else [FadeIn(content)]
        return AnimationGroup(FadeIn(self.card), *anims, group=self.group, run_time=run_time)

    # --- animations --------------------------------------------------------------------------
    def show(self, *rows: VMobject, run_time: float = 1.0) -> Animation:
        """Replace what the panel shows with ``rows``: old rows out, card reshapes, new in."""
        self._drop_retired()
        content = self.layout(*rows)
        if self.card is None or self.content is None:
            return self._first(content, run_time * 0.8)
        old = list(self.content)
        self._retired += old
        self.content = content
        self.group.add(*content)
        # lag_ratio=1: the new rows start only when the old are gone, never two at once
        return AnimationGroup(
            AnimationGroup(
                *(built(m.animate.set_opacity(0)) for m in old),
                built(self.card.animate.become(self._card(content))),
            ),
            FadeIn(content),
            lag_ratio=1.0,
            group=self.group,
            run_time=run_time,
        )

    def grow(self, *rows: VMobject, run_time: float = 0.8) -> Animation:
        """Add ``rows`` under the rows shown; the card grows to hold them."""
        if self.card is None or self.content is None:
            return self.show(*rows, run_time=run_time / 0.8)
        self._drop_retired()
        self.content = self.layout(*self.content, *rows)
        self.group.add(*rows)
        return AnimationGroup(
            built(self.card.animate.become(self._card(self.content))),
            *(FadeIn(r) for r in rows),
            group=self.group,
            run_time=run_time,
        )

    def swap(
        self,
        *pairs: tuple[VMobject, VMobject],
        also: tuple[Animation, ...] = (),
        run_time: float = 1.0,
    ) -> Animation:
        """Replace some rows in place (``(old, new)`` pairs); the others stay.

        ``also`` are animations of the panel's own rows to play at the same time (a readout
        counting to a new value, say).
        """
        self._drop_retired()
        rows: list[VMobject] = list(self.content or [])
        for old, new in pairs:
            rows[rows.index(old)] = new
        self.content = self.layout(*rows)
        olds = [old for old, _ in pairs]
        self._retired += olds
        self.group.add(*(new for _, new in pairs))
        assert self.card is not None, "swap() replaces rows shown before: show() them first"
        return AnimationGroup(
            *(built(m.animate.set_opacity(0)) for m in olds),
            *(FadeIn(new) for _, new in pairs),
            *also,
            built(self.card.animate.become(self._card(self.content))),
            group=self.group,
            run_time=run_time,
        )

    def reveal(self, *mobjects: VMobject, run_time: float = 0.8) -> Animation:
        """Fade in pieces the scene placed itself; the card grows around all revealed so far."""
        self._drop_retired()
        shown = VGroup(*(self.content or []), *mobjects)
        if self.card is None:
            return self._first(shown, run_time, intro=[FadeIn(m) for m in mobjects])
        self.content = shown
        self.group.add(*mobjects)
        return AnimationGroup(
            built(self.card.animate.become(self._card(shown))),
            *(FadeIn(m) for m in mobjects),
            group=self.group,
            run_time=run_time,
        )

    def hide(self, run_time: float = 0.6) -> Animation:
        """Fade the card and its rows out; the panel starts empty again."""
        group = self.group
        self.forget()
        return FadeOut(group, run_time=run_time)

    def forget(self) -> None:
        """The scene cleared the stage itself: start empty without animating."""
        self.group = VGroup()
        self.card = self.content = None
        self._retired = []
