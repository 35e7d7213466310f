"""The user grid counts what it draws: users arriving, lit squares for clicks, and fewer
clicks dimming squares one by one."""

from __future__ import annotations

import numpy as np
from animation_helpers import run

from mathviz.maths.hypothesis import click_order
from mathviz.primitives.user_grid import UserGrid


def test_users_arrive_and_clicks_light(scene):
    order = click_order(200, np.random.default_rng(5))
    grid = UserGrid(order, 31, rows=10, cols=20)
    assert grid.users_shown() == 0 and grid.clicks_shown() == 0
    run(scene, grid.arrive())
    assert grid.users_shown() == 200
    assert grid.clicks_shown() == 31
    run(scene, grid.click_to(12))
    assert grid.clicks_shown() == 12
    assert grid.users_shown() == 200


def test_a_scaled_grid_redraws_in_place(scene):
    order = click_order(40, np.random.default_rng(1))
    grid = UserGrid(order, 10, rows=4, cols=10, seen=40)
    grid.scale(0.5).shift([2.0, 1.0, 0.0])
    box = (grid.get_left()[0], grid.get_right()[0])
    run(scene, grid.click_to(5))
    assert grid.clicks_shown() == 5
    assert np.allclose((grid.get_left()[0], grid.get_right()[0]), box)
