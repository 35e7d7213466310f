"""The side panel: rows replace, grow and reveal on one card that always holds them."""

from __future__ import annotations

import numpy as np
from manim import UP, Scene

from mathviz import theme
from mathviz.primitives.panel import Panel


def run_to(anim, alpha: float) -> None:
    anim._setup_scene(Scene())
    anim.begin()
    anim.interpolate(alpha)


def contains(card, mob) -> bool:
    return (
        card.get_left()[0] <= mob.get_left()[0]
        and mob.get_right()[0] <= card.get_right()[0]
        and card.get_bottom()[1] <= mob.get_bottom()[1]
        and mob.get_top()[1] <= card.get_top()[1]
    )


def test_show_then_replace_keeps_one_card_and_never_shows_two_sets_of_rows():
    panel = Panel()
    first = [theme.text("first row"), theme.text("second")]
    run_to(panel.show(*first), 1.0)
    card = panel.card
    assert all(contains(card, r) for r in first)
    replacement = theme.text("a much longer replacement row")
    anim = panel.show(replacement)
    run_to(anim, 0.25)  # the old rows are fading out; the new one has not started
    glyphs = replacement.family_members_with_points()
    assert max(g.get_fill_opacity() for g in glyphs) < 0.05
    anim.interpolate(1.0)
    anim.finish()
    assert panel.card is card and panel.content[0] is replacement
    assert contains(card, replacement)


def test_grow_adds_rows_below_and_reveal_respects_a_minimum_width():
    panel = Panel(row_buff=0.3)
    top = theme.text("top")
    run_to(panel.show(top), 1.0)
    low = theme.text("below")
    run_to(panel.grow(low), 1.0)
    assert low.get_top()[1] < top.get_bottom()[1]
    assert contains(panel.card, low) and contains(panel.card, top)

    wide = Panel(min_width=6.0)
    piece = theme.text("x").to_corner(np.array([-1.0, 1.0, 0.0]))
    run_to(wide.reveal(piece), 1.0)
    assert wide.card.width >= 6.0


def test_hide_and_forget_start_empty():
    panel = Panel()
    run_to(panel.show(theme.text("row")), 1.0)
    panel.hide()
    assert panel.card is None and panel.content is None
    run_to(panel.show(theme.text("again")), 1.0)
    panel.forget()
    assert panel.card is None


def draw_order(scene) -> list:
    order = []
    for mob in scene.mobjects:
        order += mob.get_family()
    return order


def last_drawn(order: list, mob) -> int:
    """Where ``mob`` is drawn for the last time (a mobject in two groups is drawn twice)."""
    return max(i for i, m in enumerate(order) if m is mob)


def test_the_card_stays_under_every_row_through_show_grow_swap_and_reveal():
    scene = Scene(skip_animations=True)
    panel = Panel()
    first, second = theme.text("first"), theme.text("second")
    scene.play(panel.show(first))
    scene.play(panel.grow(second))
    third = theme.text("third, replacing second")
    scene.play(panel.swap((second, third)))
    scene.play(panel.grow(theme.text("fourth")))
    order = draw_order(scene)
    card_at = last_drawn(order, panel.card)
    for row in panel.content:
        assert last_drawn(order, row) > card_at, row
        glyphs = row.family_members_with_points()
        assert min(g.get_fill_opacity() for g in glyphs) > 0.99  # earlier rows not dimmed
    assert second not in panel.group.submobjects  # the swapped-out row left the group
    assert len([m for m in scene.mobjects if m is panel.group]) == 1

    revealing = Panel()
    pieces = [theme.text("a").shift(3 * UP), theme.text("b").shift(2 * UP)]
    scene.play(revealing.reveal(pieces[0]))
    scene.play(revealing.reveal(pieces[1]))
    order = draw_order(scene)
    assert all(last_drawn(order, p) > last_drawn(order, revealing.card) for p in pieces)
    scene.play(revealing.hide())
    assert revealing.group not in scene.mobjects and revealing.card is None


def test_a_wide_card_in_a_right_hand_corner_stays_inside_the_frame():
    """9.1 and 9.3 asked for a card wider than their short rows from the top-right corner:
    it used to grow rightwards from the rows and leave the frame for the whole chapter."""
    from manim import UR, config

    panel = Panel(corner=UR, min_width=5.2)
    rows = [theme.text("MSE"), theme.text("4.2")]
    run_to(panel.show(*rows), 1.0)
    card = panel.card
    assert card.width >= 5.2
    assert card.get_right()[0] <= config.frame_width / 2 - theme.SAFE_MARGIN + 1e-9
    assert all(contains(card, r) for r in rows)
