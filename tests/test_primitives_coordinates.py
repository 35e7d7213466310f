"""BasisChangeGrid and PolarGrid built and animated without rendering: what they show, read
back through their reference planes, equals the model (numpy.linalg, complex numbers)."""

from __future__ import annotations

import cmath
import math

import numpy as np
import pytest
from animation_helpers import run

from mathviz.primitives.coordinates import BasisChangeGrid, PolarGrid
from mathviz.primitives.readout import Readout

B = np.array([[2.0, 1.0], [1.0, 2.0]])
X = np.array([4.0, 3.0])


def test_standard_grid_shows_the_point_and_the_standard_basis():
    grid = BasisChangeGrid(B, X, unit=1.1)
    np.testing.assert_allclose(grid.point_shown(), X, atol=1e-9)
    np.testing.assert_allclose(grid.tip_shown(grid.b1_arrow), [1, 0], atol=1e-9)
    np.testing.assert_allclose(grid.tip_shown(grid.b2_arrow), [0, 1], atol=1e-9)


def test_walks_before_and_after_the_morph_read_back_the_coordinates(scene):
    grid = BasisChangeGrid(B, X, unit=1.1)
    scene.add(grid)
    c1, c2 = Readout("c_1", 0.0), Readout("c_2", 0.0)
    run(scene, grid.coordinates_walk(readouts=(c1, c2)))
    np.testing.assert_allclose(grid.walk_coefficients_shown(), X, atol=1e-9)
    assert (c1.value, c2.value) == pytest.approx(tuple(X))
    with pytest.raises(RuntimeError, match="clear"):
        grid.coordinates_walk()
    run(scene, grid.clear_walk())
    assert len(grid.legs) == 0
    with pytest.raises(RuntimeError, match="no walk"):
        grid.walk_tip_shown()

    run(scene, grid.morph_to_basis())
    np.testing.assert_allclose(grid.tip_shown(grid.b1_arrow), B[:, 0], atol=1e-9)
    np.testing.assert_allclose(grid.tip_shown(grid.b2_arrow), B[:, 1], atol=1e-9)
    np.testing.assert_allclose(grid.point_shown(), X, atol=1e-9)  # the point never moves
    c = np.linalg.solve(B, X)
    np.testing.assert_allclose(grid.grid_coordinates_shown(), c, atol=1e-9)

    run(scene, grid.coordinates_walk(readouts=(c1, c2)))
    np.testing.assert_allclose(grid.walk_coefficients_shown(), c, atol=1e-9)
    np.testing.assert_allclose(grid.walk_tip_shown(), X, atol=1e-9)
    assert (c1.value, c2.value) == pytest.approx((1.667, 0.667))  # as printed
    # the first leg ends at c1 * b1 (tip to tail)
    np.testing.assert_allclose(grid.tip_shown(grid.legs[0]), c[0] * B[:, 0], atol=1e-9)


def test_square_up_carries_the_point_onto_its_coordinates(scene):
    grid = BasisChangeGrid(B, X, unit=1.1)
    scene.add(grid)
    run(scene, grid.morph_to_basis())
    run(scene, grid.coordinates_walk())
    run(scene, grid.square_up())
    c = np.linalg.inv(B) @ X
    np.testing.assert_allclose(grid.point_shown(), c, atol=1e-9)
    np.testing.assert_allclose(grid.tip_shown(grid.b1_arrow), [1, 0], atol=1e-9)
    np.testing.assert_allclose(grid.walk_coefficients_shown(), c, atol=1e-9)
    np.testing.assert_allclose(grid.walk_tip_shown(), c, atol=1e-9)


def test_parallel_basis_is_refused():
    with pytest.raises(ValueError, match="parallel"):
        BasisChangeGrid([[1, 2], [2, 4]], X)


def test_polar_grid_reads_r_and_theta_back(scene):
    readouts = {k: Readout(k, 0.0) for k in ("r", "theta", "x", "y")}
    polar = PolarGrid(X, readouts=readouts)
    r, phi = cmath.polar(complex(*X))
    assert polar.polar_shown() == pytest.approx((r, math.degrees(phi)))
    assert polar.radius_length_shown() == pytest.approx(r)
    assert polar.arc_angle_shown() == pytest.approx(math.degrees(phi), abs=1e-6)
    assert readouts["r"].value == pytest.approx(5.0)
    assert readouts["theta"].value == pytest.approx(round(math.degrees(phi), 3))  # printed
    assert len(polar.circles) == 5 and len(polar.rays) == 12

    scene.add(polar, *readouts.values())
    run(scene, polar.move_to_angle(200))
    z = cmath.rect(r, math.radians(200))
    np.testing.assert_allclose(polar.cartesian_shown(), [z.real, z.imag], atol=1e-9)
    assert polar.polar_shown() == pytest.approx((5.0, 200.0))
    assert polar.arc_angle_shown() == pytest.approx(200.0, abs=1e-6)
    assert (readouts["x"].value, readouts["y"].value) == pytest.approx(
        (round(z.real, 3), round(z.imag, 3))
    )


def test_polar_grid_walks_out_from_the_origin_then_turns(scene):
    readouts = {k: Readout(k, 0.0) for k in ("r", "theta")}
    polar = PolarGrid((0, 0), readouts=readouts, arc_radius=1.5)
    assert polar.polar_shown() == pytest.approx((0.0, 0.0))
    scene.add(polar, *readouts.values())
    run(scene, polar.move_to_radius(5.0))
    np.testing.assert_allclose(polar.cartesian_shown(), [5.0, 0.0], atol=1e-9)
    assert polar.radius_length_shown() == pytest.approx(5.0)
    assert readouts["r"].value == pytest.approx(5.0)
    r, phi = cmath.polar(complex(*X))
    run(scene, polar.move_to_angle(math.degrees(phi)))
    np.testing.assert_allclose(polar.cartesian_shown(), X, atol=1e-9)
    # the arc is drawn at the radius asked for, in plane units
    unit = np.linalg.norm(polar.plane.c2p(1, 0) - polar.plane.c2p(0, 0))
    start = polar.arc.get_start() - polar.plane.c2p(0, 0)
    assert np.linalg.norm(start) == pytest.approx(1.5 * unit)
    assert polar.arc_angle_shown() == pytest.approx(math.degrees(phi), abs=1e-6)


def test_polar_grid_rejects_unknown_readouts():
    with pytest.raises(ValueError, match="unknown readouts"):
        PolarGrid(X, readouts={"phi": Readout("phi", 0.0)})


# --- motion: grid, arrows, walk and point on one clock --------------------------------------
def stepped(scene, animation, samples: int = 8):
    """Step ``animation`` to ``k / samples`` of its run time, yielding after each step."""
    animation._setup_scene(scene)
    animation.begin()
    for k in range(1, samples + 1):
        animation.interpolate(k / samples)
        yield k / samples
    animation.finish()


def test_basis_arrows_ride_the_skew_grid_while_it_morphs(scene):
    # fails on the old morph: the arrows' Transform ran a third of the grid's ApplyMatrix
    from manim import smooth

    from mathviz.primitives.readout import coords

    grid = BasisChangeGrid(B, X, unit=1.1)
    scene.add(grid)
    reveal_share = 0.8 / (0.8 + 2.5)  # the morph's Succession: reveal 0.8 s, carry 2.5 s
    for alpha in stepped(scene, grid.morph_to_basis(run_time=2.5)):
        t = smooth(max(0.0, (alpha - reveal_share) / (1 - reveal_share)))
        m = (1 - t) * np.eye(2) + t * B
        for arrow, e in ((grid.b1_arrow, (1.0, 0.0)), (grid.b2_arrow, (0.0, 1.0))):
            np.testing.assert_allclose(grid.tip_shown(arrow), m @ e, atol=1e-9)
            np.testing.assert_allclose(
                coords(grid.reference, grid.skew_grid.c2p(*e)), m @ e, atol=1e-9
            )
        np.testing.assert_allclose(grid.point_shown(), X, atol=1e-9)  # the point stays


def test_point_and_walk_keep_their_coordinates_while_squaring_up(scene):
    from mathviz.primitives.readout import coords

    grid = BasisChangeGrid(B, X, unit=1.1)
    scene.add(grid)
    run(scene, grid.morph_to_basis())
    run(scene, grid.coordinates_walk())
    c = np.linalg.solve(B, X)
    for _ in stepped(scene, grid.square_up(run_time=2.5)):

        def on_grid(p):
            return coords(grid.reference, grid.skew_grid.c2p(*p))

        np.testing.assert_allclose(grid.point_shown(), on_grid(c), atol=1e-9)
        np.testing.assert_allclose(grid.tip_shown(grid.legs[0]), on_grid((c[0], 0.0)), atol=1e-9)
        np.testing.assert_allclose(grid.walk_tip_shown(), on_grid(c), atol=1e-9)
        np.testing.assert_allclose(grid.tip_shown(grid.b2_arrow), on_grid((0.0, 1.0)), atol=1e-9)
        np.testing.assert_allclose(grid.skew_grid_image_shown(c), on_grid(c), atol=1e-12)


def test_polar_readouts_show_the_drawn_dot_at_every_moment(scene):
    readouts = {k: Readout(k, 0.0, decimals=3) for k in ("r", "theta", "x", "y")}
    polar = PolarGrid(X, readouts=readouts)
    scene.add(polar, *readouts.values())
    for _ in stepped(scene, polar.move_to_angle(150)):
        r, theta = polar.polar_shown()
        x, y = polar.cartesian_shown()
        for key, drawn in (("r", r), ("theta", theta), ("x", x), ("y", y)):
            assert abs(readouts[key].value - drawn) <= 5e-4 + 1e-12, key
