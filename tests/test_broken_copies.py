"""Deliberately broken copies of fixed defects must fail ``mathviz check``: the checks see
what the viewer would see, so re-introducing the old code is caught."""

from __future__ import annotations

from manim import LEFT

from mathviz.course import get_chapter
from mathviz.primitives import panel as panel_module
from mathviz.primitives.panel import CARD_BUFF, card_for
from mathviz.render import runner


def _old_card(self, content):
    """The card before the fix: widened to ``min_width`` from its left edge, whatever the
    corner, so a panel in a right-hand corner grows off the frame."""
    card = card_for(content)
    if card.width < self.min_width + 2 * CARD_BUFF:
        left = card.get_left()
        card.stretch_to_fit_width(self.min_width + 2 * CARD_BUFF).move_to(left, LEFT)
    return card


def _failures(chapter_id: str) -> list[str]:
    return [
        c.name
        for r in runner.check_chapter(get_chapter(chapter_id))
        for c in r.checkpoints
        if not c.ok
    ]


def _with_min_width(monkeypatch, width: float) -> None:
    """9.1's panels as they were when the defect was seen: cards at least ``width`` wide."""
    original = panel_module.Panel.__init__

    def init(self, **kwargs):
        original(self, **{**kwargs, "min_width": width})

    monkeypatch.setattr(panel_module.Panel, "__init__", init)


def test_a_panel_widened_off_the_frame_fails_the_check_of_9_1(monkeypatch):
    _with_min_width(monkeypatch, 5.2)
    monkeypatch.setattr(panel_module.Panel, "_card", _old_card)
    failures = _failures("9.1")
    offscreen = [name for name in failures if "offscreen" in name]
    assert offscreen, failures
    assert all(name.startswith("layout") for name in offscreen)


def test_the_fixed_panel_with_the_same_width_stays_on_screen_in_9_1(monkeypatch):
    _with_min_width(monkeypatch, 5.2)
    assert not [name for name in _failures("9.1") if "offscreen" in name]
