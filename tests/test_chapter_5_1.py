"""5.1 Coordinate Systems: every checkpoint recomputed here by an independent route."""

from __future__ import annotations

import cmath
import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

B = np.array([[2.0, 1.0], [1.0, 2.0]])  # columns b1 = (2, 1), b2 = (1, 2)
X = np.array([4.0, 3.0])


@pytest.fixture(scope="module")
def values(shown):
    return shown("5.1")


def test_standard_walk_is_the_coordinates_themselves(values):
    np.testing.assert_allclose(values["standard_walk_coefficients"], np.eye(2) @ X, atol=1e-6)
    np.testing.assert_allclose(values["standard_walk_tip"], X, atol=1e-6)
    assert values["standard_c_readouts"] == [4.0, 3.0]  # printed 4, 3


def test_vectors_point_and_readouts_move_with_what_carries_them(chapter_reports):
    results = {c.name: c for r in chapter_reports("5.1") for c in r.checkpoints}
    for name in (
        "basis_arrows_ride_the_skew_grid",
        "point_is_the_skew_grids_image_of_c",
        "walk_rides_the_skew_grid",
        "readouts_show_the_drawn_dot",
        "encoding_rows_count_their_paths",
    ):
        assert results[f"invariant:{name}"].ok, results[f"invariant:{name}"].source


def test_morph_lands_the_basis_vectors_and_keeps_the_point(values):
    np.testing.assert_allclose(values["b1_tip"], B @ [1, 0], atol=1e-6)
    np.testing.assert_allclose(values["b2_tip"], B @ [0, 1], atol=1e-6)
    np.testing.assert_allclose(values["point_unmoved"], X, atol=1e-6)


def test_coordinates_in_the_new_basis_are_b_inverse_x(values):
    c = np.linalg.solve(B, X)
    exact = sp.Matrix([[2, 1], [1, 2]]).LUsolve(sp.Matrix([4, 3]))
    assert [Fraction(int(v.p), int(v.q)) for v in exact] == [Fraction(5, 3), Fraction(2, 3)]
    for name in (
        "basis_coordinates_from_walk",
        "basis_coordinates_from_grid",
        "point_after_inverse",
        "walk_after_inverse",
    ):
        np.testing.assert_allclose(values[name], c, atol=1e-6, err_msg=name)
    assert values["c1_readout"] == pytest.approx(round(c[0], 2), abs=1e-12)  # 1.67
    assert values["c2_readout"] == pytest.approx(round(c[1], 2), abs=1e-12)  # 0.67
    # walking c1 b1 then c2 b2 ends at x
    np.testing.assert_allclose(values["walk_ends_at_x"], c[0] * B[:, 0] + c[1] * B[:, 1], atol=1e-6)
    np.testing.assert_allclose(values["walk_ends_at_x"], X, atol=1e-6)


def test_polar_coordinates_of_the_point(values):
    r, phi = cmath.polar(complex(*X))
    assert r == 5.0
    for name in ("polar_r", "radius_segment_length"):
        assert values[name] == pytest.approx(r, abs=1e-6)
    for name in ("polar_theta_degrees", "arc_angle_degrees"):
        assert values[name] == pytest.approx(math.degrees(phi), abs=1e-6)
    assert values["r_readout"] == pytest.approx(r, abs=1e-12)  # printed 5
    assert values["theta_readout"] == pytest.approx(round(math.degrees(phi), 2), abs=1e-12)
    # the dot lands on the ring marking x
    np.testing.assert_allclose(values["dot_on_the_target"], X, atol=1e-6)
    # the summary formula's typed angle is the same angle to two decimals
    assert values["summary_theta"] == pytest.approx(round(math.degrees(phi), 2), abs=1e-12)


def test_sliding_around_the_circle_and_back(values):
    np.testing.assert_allclose(values["polar_after_slide"], [5.0, 120.0], atol=1e-6)
    assert values["theta_readout_after_slide"] == 120.0  # printed 120°
    z = cmath.rect(5.0, math.radians(120))
    np.testing.assert_allclose(values["dot_xy_after_slide"], [z.real, z.imag], atol=1e-6)
    np.testing.assert_allclose(
        values["xy_readouts_after_slide"], [-2.5, round(5 * math.sqrt(3) / 2, 2)], atol=1e-12
    )
    # the x and y legs drawn under the dot end at r cos θ and r sin θ
    np.testing.assert_allclose(values["xy_legs_drawn"], [z.real, z.imag], atol=1e-6)
    np.testing.assert_allclose(values["xy_readouts_back_home"], X, atol=1e-12)


def test_the_lit_cell_is_the_one_holding_the_point(values):
    c = np.linalg.solve(B, X)
    cell = [np.floor(c[0]), np.floor(c[1]), np.floor(c[0]) + 1, np.floor(c[1]) + 1]
    assert cell == [1.0, 0.0, 2.0, 1.0]  # second cell along b1, first along b2
    np.testing.assert_allclose(values["cell_of_the_point"], cell, atol=1e-6)
    # carried by B^-1 with everything else, it lands on the unit square holding c
    np.testing.assert_allclose(values["cell_after_inverse"], cell, atol=1e-6)


def test_three_encodings_side_by_side(values):
    """The same point read at once in the standard basis, in basis B and in polar."""
    c = np.linalg.solve(B, X)
    r, theta = np.hypot(*X), np.degrees(np.arctan2(X[1], X[0]))
    np.testing.assert_allclose(values["encoding_standard_path"], X, atol=1e-6)
    np.testing.assert_allclose(values["encoding_standard_printed"], X, atol=1e-12)  # 4, 3
    np.testing.assert_allclose(values["encoding_basis_path"], c, atol=1e-6)
    np.testing.assert_allclose(values["encoding_basis_printed"], np.round(c, 2), atol=1e-12)
    np.testing.assert_allclose(values["encoding_polar_path"], [r, theta], atol=1e-6)
    np.testing.assert_allclose(
        values["encoding_polar_printed"], [r, round(float(theta), 2)], atol=1e-12
    )  # 5, 36.87
    # every reading names the same point: back to standard coordinates by two other routes
    np.testing.assert_allclose(B @ values["encoding_basis_path"], X, atol=1e-6)
    rr, tt = values["encoding_polar_path"]
    np.testing.assert_allclose(
        [rr * math.cos(math.radians(tt)), rr * math.sin(math.radians(tt))], X, atol=1e-6
    )
