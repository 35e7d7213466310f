"""The flow ``exp(t log M)`` that 4.4 plays its maps along, and the diagram carrying by it."""

from __future__ import annotations

import numpy as np
import pytest

from mathviz.primitives.map_flow import FlowMapDiagram, flow_path, tip_label

ROTATION = np.array([[0.0, -1.0], [1.0, 0.0]])
SCALING = np.diag([2.0, 0.5])
SHEAR = np.array([[1.0, 1.0], [0.0, 1.0]])
A = np.array([[2.0, 1.0], [-1.0, 1.0]])


@pytest.mark.parametrize("m", [ROTATION, SCALING, SHEAR, A])
def test_the_flow_runs_from_the_identity_to_the_map(m):
    path = flow_path(m)
    np.testing.assert_allclose(path(0.0), np.eye(2), atol=1e-12)
    np.testing.assert_allclose(path(1.0), m, atol=1e-9)


@pytest.mark.parametrize("m", [ROTATION, SCALING, SHEAR, A])
def test_the_area_changes_as_det_to_the_t(m):
    path = flow_path(m)
    for t in np.linspace(0, 1, 9):
        assert np.linalg.det(path(t)) == pytest.approx(np.linalg.det(m) ** t, rel=1e-9)


def test_a_quarter_turn_turns():
    half = flow_path(ROTATION)(0.5)
    c = np.cos(np.pi / 4)
    np.testing.assert_allclose(half, [[c, -c], [c, c]], atol=1e-12)


def test_a_map_without_a_real_logarithm_is_refused():
    with pytest.raises(ValueError):
        flow_path(np.diag([-1.0, 2.0]))


def test_the_diagram_carries_everything_by_the_same_matrix():
    d = FlowMapDiagram(vector=(1, 2), origin=(0.5, -1.0, 0.0))
    rider = d.add_rider((1, 0), (1, 1), "#FF0000")
    label = tip_label(d.v_arrow, r"\vec v", "#FFFF00")
    anim = d.apply(A, run_time=1.0)
    anim.begin()
    for alpha in (0.3, 0.7, 1.0):
        anim.interpolate(alpha)
        label.update(0)
        m = anim.matrix_at(anim.rate_func(alpha))
        np.testing.assert_allclose(d.tip_shown(d.v_arrow), m @ [1, 2], atol=1e-9)
        np.testing.assert_allclose(d.grid_image_shown((1, 2)), m @ [1, 2], atol=1e-9)
        np.testing.assert_allclose(d.tip_shown(rider), m @ [1, 1], atol=1e-9)
        # the label sits beyond the tip, along the arrow
        tip = d.v_arrow.get_end()
        direction = tip - d.v_arrow.get_start()
        assert np.dot(label.get_center() - tip, direction) > 0
    anim.finish()
    np.testing.assert_allclose(d.matrix, A)
