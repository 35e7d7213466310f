"""PointCloud, VarianceTrace and FactorisedMatrix read back what they draw."""

from __future__ import annotations

import numpy as np
import pytest

from mathviz.maths.pca import correlated_cloud, rank_k_factors
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.factorisation import FactorisedMatrix
from mathviz.primitives.point_cloud import PointCloud, VarianceTrace
from mathviz.primitives.vectors import VectorPlane


def make_cloud() -> PointCloud:
    pts = correlated_cloud(np.random.default_rng(1), 20, mean=(1.0, 0.5), stds=(1.2, 0.4), angle=20)
    plane = VectorPlane((-4.0, 5.0), (-3.5, 3.5), unit=0.7)
    return PointCloud(plane, pts)


def finish(animation) -> None:
    animation.begin()
    animation.interpolate(1.0)
    animation.finish()


def test_centring_and_probe_read_back():
    cloud = make_cloud()
    np.testing.assert_allclose(cloud.points_shown(), cloud.data, atol=1e-9)
    finish(cloud.centre())
    np.testing.assert_allclose(cloud.mean_shown(), [0.0, 0.0], atol=1e-9)
    finish(cloud.show_probe(0.0))
    finish(cloud.rotate_probe(40.0))
    assert cloud.probe_angle_shown() == pytest.approx(40.0, abs=1e-9)
    centred = cloud.data - cloud.data.mean(axis=0)
    u = np.array([np.cos(np.radians(40)), np.sin(np.radians(40))])
    assert cloud.shadow_variance_shown() == pytest.approx(np.var(centred @ u, ddof=1), rel=1e-9)
    finish(cloud.drop_onto_probe())
    assert cloud.off_probe_shown() == pytest.approx(0.0, abs=1e-9)
    np.testing.assert_allclose(cloud.scores_shown(), centred @ u, atol=1e-9)
    assert cloud.dots_shown() == 20


def test_variance_trace_follows_the_probe():
    cloud = make_cloud()
    axes = function_axes((0, 180, 45), (0, 3, 1), x_length=3.6, y_length=2.4)
    finish(cloud.centre())
    finish(cloud.show_probe(0.0))
    trace = VarianceTrace(axes, cloud)
    finish(cloud.rotate_probe(120.0))
    trace.redraw()
    np.testing.assert_allclose(trace.swept_shown(), [0.0, 120.0], atol=1e-9)
    assert trace.dot_shown()[1] == pytest.approx(float(cloud.shadow_variance_shown()), abs=1e-9)


def test_factorised_matrix_shows_its_factors():
    m = np.array([[5.0, 1.0, 2.0], [4.0, 2.0, 1.0], [1.0, 5.0, 4.0]])
    f = rank_k_factors(m, 2)
    table = FactorisedMatrix(m, f, row_labels=("a", "b", "c"), col_labels=("x", "y", "z"))
    np.testing.assert_allclose(table.u_shown(), np.round(f.u, 1), atol=1e-9)
    np.testing.assert_allclose(table.vt_shown(), np.round(f.vt, 2), atol=1e-9)
    np.testing.assert_allclose(table.cells_shown(), m)
