"""Optimizer primitives: what they draw, read back through their axes, equals the maths.

Animations run to their end without rendering (``begin`` + ``finish``). Expected values come
from written-out update rules and numpy.linalg.solve, not from the code under test.
"""

from __future__ import annotations

import numpy as np
import pytest
from manim import Axes, Scene

from mathviz import theme
from mathviz.maths.descent import contour_lines
from mathviz.primitives.optimizers import ConstraintRegion, OptimizerRace, RidgePath
from mathviz.primitives.readout import Readout

X = np.array([[1.0, 0.5], [2.0, -0.5], [0.5, 1.0], [1.5, 0.0], [-1.0, 1.0]])
Y = np.array([2.6, 3.4, 2.2, 2.9, -1.0])


def run(animation) -> None:
    """Play ``animation`` to its end state without drawing frames."""
    animation._setup_scene(Scene())
    animation.begin()
    animation.finish()


def axes() -> Axes:
    return Axes(x_range=(-5, 3, 1), y_range=(-2, 2.5, 1), x_length=8, y_length=4.5)


def test_race_moves_every_dot_together_and_counts():
    ax = axes()
    sgd = [[-4.0, 1.0]]
    for _ in range(6):
        x, y = sgd[-1]
        sgd.append([x - 0.1 * x, y - 0.1 * 10 * y])
    other = [[-4.0, 1.0 - 0.1 * k] for k in range(7)]
    step, f_read = Readout("k", 0, decimals=0), Readout("f", 0.0)
    race = OptimizerRace(
        ax,
        {"a": sgd, "b": other},
        {"a": theme.PATH, "b": theme.GOOD},
        step_readout=step,
        readouts={"a": (f_read, lambda p: p[0])},
    )
    run(race.advance(4))
    f_read.number.update()  # the readout follows its dot by an updater (run every frame)
    shown = race.positions_shown()
    np.testing.assert_allclose(shown["a"], sgd[4], atol=1e-9)
    np.testing.assert_allclose(shown["b"], other[4], atol=1e-9)
    assert step.value == 4 and f_read.value == pytest.approx(sgd[4][0], abs=5e-4)
    np.testing.assert_allclose(race.trail_shown("a"), sgd[:5], atol=1e-9)
    np.testing.assert_allclose(race.segment_shown("a", 2), np.subtract(sgd[2], sgd[1]), atol=1e-9)
    run(race.advance())
    np.testing.assert_allclose(race.positions_shown()["a"], sgd[6], atol=1e-9)
    with pytest.raises(ValueError):
        race.advance(1)


def zigzag(steps: int) -> list[list[float]]:
    """A path that turns at every iterate (as SGD does across a steep valley)."""
    return [[-4.0 + 0.5 * k, (-1.0) ** k] for k in range(steps + 1)]


@pytest.mark.parametrize("alpha", [0.1, 0.25, 0.4, 0.55, 0.7, 0.9])
def test_race_trail_ends_at_its_dot_in_mid_step(alpha):
    # the old race put every step's segment into the trail when the walk was built, fully
    # drawn: mid-walk the trail already ran to the last iterate, far ahead of its dot
    race = OptimizerRace(axes(), {"a": zigzag(4)}, {"a": theme.PATH})
    walk = race.advance(4)
    walk._setup_scene(Scene())
    walk.begin()
    walk.interpolate(alpha)
    dot = race.positions_shown()["a"]
    trail = race.trail_shown("a")
    np.testing.assert_allclose(trail[-1], dot, atol=1e-9)
    np.testing.assert_allclose(race.trail_end_shown("a"), dot, atol=1e-9)
    # behind the dot, the trail holds exactly the iterates already passed
    passed = int(np.floor(alpha * 4))
    np.testing.assert_allclose(trail[: passed + 1], zigzag(4)[: passed + 1], atol=1e-9)
    assert len(trail) <= passed + 2


def test_race_readout_follows_its_dot_in_mid_step():
    # the old readouts counted from one iterate's value to the next on their own clock,
    # so mid-step they showed a value that holds nowhere near the dot
    f = lambda p: p[0] ** 2 + 5 * p[1] ** 2  # noqa: E731
    f_read = Readout("f", 0.0, decimals=6)
    race = OptimizerRace(axes(), {"a": zigzag(2)}, {"a": theme.PATH}, readouts={"a": (f_read, f)})
    walk = race.advance(2)
    walk._setup_scene(Scene())
    walk.begin()
    walk.interpolate(0.3)
    f_read.number.update()
    x, y = race.positions_shown()["a"]
    assert f_read.value == pytest.approx(x * x + 5 * y * y, abs=5e-7)


def test_race_rejects_uneven_paths():
    with pytest.raises(ValueError):
        OptimizerRace(
            axes(), {"a": [[0, 0], [1, 1]], "b": [[0, 0]]}, {"a": theme.PATH, "b": theme.GOOD}
        )


@pytest.mark.parametrize(("p", "point"), [(1, (1.5, 0.0)), (2, (1.2, 0.9))])
def test_constraint_region_reads_back(p, point):
    ax = axes()
    f = lambda w: (w[0] - 2) ** 2 + (w[1] - 1) ** 2  # noqa: E731
    level = f(np.array(point))
    region = ConstraintRegion(
        ax, p, 1.5, touching=contour_lines(f, [level], (-3, 3), (-2, 2.5)), touch_point=point
    )
    run(region.create())
    run(region.touch())
    np.testing.assert_allclose(region.touch_point_shown(), point, atol=1e-9)
    assert region.radius_shown() == pytest.approx(1.5, abs=1e-9)
    np.testing.assert_allclose(region.radii_shown(), [1.5, 1.5], atol=1e-9)


def test_constraint_region_radii_tell_a_circle_from_a_diamond():
    # the largest 2-norm of a diamond's vertices is its radius too (at the corners); only the
    # smallest one (mid-edge, radius / sqrt 2) shows the outline is not a circle
    f = lambda w: (w[0] - 2) ** 2 + w[1] ** 2  # noqa: E731
    diamond = ConstraintRegion(
        axes(),
        1,
        1.5,
        touch_point=(1.5, 0.0),
        touching=contour_lines(f, [0.25], (-3, 3), (-2, 2.5)),
    )
    diamond.p = 2.0  # measured as if it were the L2 ball
    low, high = diamond.radii_shown()
    assert high == pytest.approx(1.5, abs=1e-9)
    assert low == pytest.approx(1.5 / np.sqrt(2), abs=1e-2)


def test_ridge_path_dot_follows_solve():
    ax = axes()
    lam_r, w1, w2 = Readout(r"\lambda", 0.0), Readout("w_1", 0.0), Readout("w_2", 0.0)
    path = RidgePath(ax, X, Y, lambda_readout=lam_r, weight_readouts=[w1, w2])
    np.testing.assert_allclose(path.weights_shown(), np.linalg.solve(X.T @ X, X.T @ Y), atol=1e-9)
    for lam in (1.0, 10.0):
        run(path.grow_to(lam))
        expected = np.linalg.solve(X.T @ X + lam * np.eye(2), X.T @ Y)
        np.testing.assert_allclose(path.weights_shown(), expected, atol=1e-9)
        assert path.lambda_shown() == pytest.approx(lam, abs=5e-4)
        assert w1.value == pytest.approx(expected[0], abs=5e-4)
        assert w2.value == pytest.approx(expected[1], abs=5e-4)
    run(path.mark())
    with pytest.raises(ValueError):
        path.grow_to(2.0)
