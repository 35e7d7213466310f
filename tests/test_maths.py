"""The pure models, against independent computations (sympy, fractions, closed forms)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from mathviz.maths.bayes import BayesModel
from mathviz.maths.descent import (
    QuadraticBowl,
    angle_between,
    contour_lines,
    gradient_descent,
    nearest_tangent,
    square,
    square_gradient,
)
from mathviz.maths.linear import LinearMapModel, polygon_area, rotation, scaling, shear


# --- linear maps ---------------------------------------------------------------------------
def test_columns_are_where_the_basis_lands():
    a = sp.Matrix([[2, 1], [-1, 1]])
    model = LinearMapModel.of(np.array(a.tolist(), dtype=float))
    np.testing.assert_allclose(model.i_hat, np.array(a[:, 0], dtype=float).ravel())
    np.testing.assert_allclose(model.j_hat, np.array(a[:, 1], dtype=float).ravel())
    v = sp.Matrix([1, 2])
    np.testing.assert_allclose(model.apply([1, 2]), np.array(a * v, dtype=float).ravel())


def test_unit_square_area_is_the_determinant():
    for m in (
        [[2, 1], [-1, 1]],
        [[1, 1], [0, 1]],
        [[0, -1], [1, 0]],
        [[2, 0], [0, 0.5]],
        [[1, 2], [3, 4]],
    ):
        model = LinearMapModel.of(m)
        det = sp.Matrix(m).det()
        assert polygon_area(model.unit_square_image()) == pytest.approx(float(det), abs=1e-12)


def test_composition_is_the_product_applied_right_to_left():
    r, s = LinearMapModel.of(rotation(np.pi / 2)), LinearMapModel.of(shear(1.0))
    expected = sp.Matrix([[1, 1], [0, 1]]) * sp.Matrix([[0, -1], [1, 0]])
    np.testing.assert_allclose(r.then(s).matrix, np.array(expected, dtype=float), atol=1e-12)


def test_interpolation_ends_at_the_matrix():
    m = LinearMapModel.of(scaling(2, 0.5))
    np.testing.assert_allclose(m.at(0).matrix, np.eye(2))
    np.testing.assert_allclose(m.at(1).matrix, np.diag([2, 0.5]))


def test_polygon_area_is_signed():
    assert polygon_area([(0, 0), (0, 1), (1, 1), (1, 0)]) == -1.0


def test_rejects_non_square_matrices():
    with pytest.raises(ValueError):
        LinearMapModel.of([[1, 2, 3], [4, 5, 6]])


# --- gradient descent ---------------------------------------------------------------------
def test_one_dimensional_descent_matches_the_loop_written_out():
    trace = gradient_descent(square, square_gradient, [5.0], 0.1, 20)
    x = 5.0
    for _ in range(20):
        x -= 0.1 * 2 * x
    assert trace.points[-1, 0] == pytest.approx(x, abs=1e-12)
    assert trace.points[-1, 0] == pytest.approx(0.0576461, abs=1e-7)
    assert trace.values[-1] == pytest.approx(x * x)


def test_two_dimensional_descent_has_a_closed_form():
    bowl = QuadraticBowl(1.0, 3.0)
    trace = gradient_descent(bowl, bowl.gradient, (2.5, 1.5), 0.1, 12)
    k = np.arange(13)
    np.testing.assert_allclose(trace.points[:, 0], 2.5 * 0.8**k, rtol=1e-12)
    np.testing.assert_allclose(trace.points[:, 1], 1.5 * 0.4**k, rtol=1e-12)


def test_bowl_gradient_matches_sympy():
    x, y = sp.symbols("x y")
    f = x**2 + 3 * y**2
    bowl = QuadraticBowl(1.0, 3.0)
    for p in [(1.0, 1.0), (-2.0, 0.5), (0.3, -1.7)]:
        g = [float(sp.diff(f, v).subs({x: p[0], y: p[1]})) for v in (x, y)]
        np.testing.assert_allclose(bowl.gradient(p), g)
        assert bowl(p) == pytest.approx(float(f.subs({x: p[0], y: p[1]})))


def test_contours_lie_on_their_level_and_are_perpendicular_to_the_gradient():
    bowl = QuadraticBowl(1.0, 3.0)
    lines = contour_lines(bowl, [4.0], (-3, 3), (-2, 2))
    assert len(lines) == 1 and lines[0].closed
    values = [bowl(p) for p in lines[0].points]
    assert max(abs(v - 4.0) for v in values) < 1e-3
    for p in [(1.0, 1.0), (2.0, 0.0), (-1.0, -1.0)]:
        tangent = nearest_tangent(lines[0].points, p)
        # the implicit-function slope dy/dx = -f_x / f_y gives the tangent independently
        fx, fy = 2 * p[0], 6 * p[1]
        independent = np.array([fy, -fx])
        assert angle_between(tangent, independent) == pytest.approx(0, abs=0.3) or angle_between(
            tangent, independent
        ) == pytest.approx(180, abs=0.3)


def test_descent_rejects_negative_steps():
    with pytest.raises(ValueError):
        gradient_descent(square, square_gradient, [1.0], 0.1, -1)


# --- Bayes ---------------------------------------------------------------------------------
def test_server_failure_posterior_is_exact():
    model = BayesModel.from_evidence_rate("0.05", "0.9", "0.2")
    assert model.posterior == Fraction(9, 40)  # 0.225
    assert model.evidence == Fraction(1, 5)
    assert model.false_alarm == (Fraction(1, 5) - Fraction(9, 200)) / Fraction(19, 20)


def test_friday_deploy_posterior_is_exact():
    assert BayesModel.from_evidence_rate("0.08", "0.75", "0.2").posterior == Fraction(3, 10)


def test_regions_tile_the_unit_square():
    model = BayesModel.of("0.3", "0.6", "0.2")
    areas = {k: w * h for k, (_, _, w, h) in model.regions().items()}
    assert sum(areas.values()) == 1
    assert areas["h_e"] == model.joint_h_e
    cond = model.conditioned_regions()
    assert cond["h_e"][2] + cond["not_h_e"][2] == 1
    assert cond["h_e"][2] == Fraction(3, 10) * Fraction(6, 10) / (
        Fraction(18, 100) + Fraction(7, 10) * Fraction(2, 10)
    )


def test_inconsistent_evidence_is_refused():
    with pytest.raises(ValueError, match="inconsistent"):
        BayesModel.from_evidence_rate("0.5", "0.9", "0.1")
    with pytest.raises(ValueError):
        BayesModel.of("1.5", "0.5", "0.5")


# --- the running recommender example ---------------------------------------------------------
def test_recommender_table_is_a_ratings_matrix():
    from mathviz.maths import recommender as rec

    r = rec.ratings()
    assert r.shape == (len(rec.USERS), len(rec.MOVIES))
    assert set(np.unique(r)) <= {1.0, 2.0, 3.0, 4.0, 5.0}
    r[0, 0] = 99  # a copy: the course's table cannot be changed by a scene
    assert rec.ratings()[0, 0] == 5
    np.testing.assert_array_equal(rec.user("Ben"), [4, 5, 4, 2, 1])
    np.testing.assert_array_equal(rec.movie("Coco"), [1, 2, 5, 4, 4, 3])
    with pytest.raises(KeyError, match="users are"):
        rec.user("Zoe")


def test_recommender_table_is_close_to_rank_two():
    from mathviz.maths import recommender as rec

    s = np.linalg.svd(rec.ratings(), compute_uv=False)
    assert s[1] > 2.5 * s[2]  # two taste groups dominate
    assert s[-1] > 0.1  # but the table is full rank: the quirks are real


def test_linear_map_diagram_without_square_or_basis_carries_only_the_grid():
    from manim import Scene

    from mathviz.primitives.linear_map import LinearMapDiagram

    d = LinearMapDiagram(vector=None, square=False, basis=False)
    assert d.carried == [] and d.square not in d.submobjects
    for anim in (d.create(), d.apply([[2, 1], [1, 2]])):
        anim._setup_scene(Scene())
        anim.begin()
        anim.interpolate(1.0)
        anim.finish()
    from mathviz.primitives.readout import coords

    # the grid's (1, 0) and (0, 1) landed on A's columns, read through the fixed reference
    np.testing.assert_allclose(coords(d.reference, d.grid.c2p(1, 0)), [2, 1], atol=1e-9)
    np.testing.assert_allclose(coords(d.reference, d.grid.c2p(0, 1)), [1, 2], atol=1e-9)


def test_a_descent_walk_shows_only_the_steps_already_taken():
    """Trail segments of later steps stay stubs until their own step plays."""
    from manim import Axes, Scene

    from mathviz.primitives.descent import GradientDescentPath

    axes = Axes(x_range=(-3, 3, 1), y_range=(-2, 2, 1))
    trace = gradient_descent(square, square_gradient, np.array([2.5]), 0.1, 4)
    pts = np.stack([trace.points[:, 0], np.zeros(5)], axis=1)
    path = GradientDescentPath(axes, trace, display_points=pts)
    walk = path.walk()
    walk._setup_scene(Scene())
    walk.begin()
    walk.interpolate(0.3)  # inside the second of four steps
    lengths = [seg.get_length() for seg in path.trail]
    full = [np.linalg.norm(axes.c2p(*pts[k + 1]) - axes.c2p(*pts[k])) for k in range(4)]
    assert lengths[0] == pytest.approx(full[0])
    assert 0 < lengths[1] < full[1]
    assert lengths[2] < 1e-3 * full[2] + 1e-9 and lengths[3] < 1e-3 * full[3] + 1e-9
    walk.interpolate(1.0)
    walk.finish()
    assert [seg.get_length() for seg in path.trail] == pytest.approx(full)
