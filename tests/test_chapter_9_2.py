"""9.2 Optimization Algorithms: every checkpoint against the update rules written out here."""

from __future__ import annotations

import math

import numpy as np
import pytest

START = [-4.5, 1.5]


def grad(p):
    # f = 0.5 x^2 + 5 y^2
    return [p[0], 10 * p[1]]


def f(p):
    return 0.5 * p[0] ** 2 + 5 * p[1] ** 2


def sgd(steps, lr=0.18):
    x, out = list(START), [list(START)]
    for _ in range(steps):
        g = grad(x)
        x = [x[i] - lr * g[i] for i in range(2)]
        out.append(x)
    return out


def momentum(steps, lr=0.04, beta=0.9):
    x, v, out = list(START), [0.0, 0.0], [list(START)]
    for _ in range(steps):
        g = grad(x)
        v = [beta * v[i] + g[i] for i in range(2)]
        x = [x[i] - lr * v[i] for i in range(2)]
        out.append(x)
    return out


def adam(steps, lr=0.3, b1=0.9, b2=0.999, eps=1e-8):
    x, m, v, out = list(START), [0.0, 0.0], [0.0, 0.0], [list(START)]
    for t in range(1, steps + 1):
        g = grad(x)
        m = [b1 * m[i] + (1 - b1) * g[i] for i in range(2)]
        v = [b2 * v[i] + (1 - b2) * g[i] ** 2 for i in range(2)]
        m_hat = [m[i] / (1 - b1**t) for i in range(2)]
        v_hat = [v[i] / (1 - b2**t) for i in range(2)]
        x = [x[i] - lr * m_hat[i] / (math.sqrt(v_hat[i]) + eps) for i in range(2)]
        out.append(x)
    return out


RULES = {"sgd": sgd, "momentum": momentum, "adam": adam}


@pytest.mark.parametrize("name", RULES)
def test_start_and_iterates_match_update_equations(shown, name):
    values = shown("9.2")
    path = RULES[name](40)
    np.testing.assert_allclose(values[f"{name}_start"], START, atol=1e-9)
    np.testing.assert_allclose(values[f"{name}_x10"], path[10], atol=1e-6)
    np.testing.assert_allclose(values[f"{name}_x40"], path[40], atol=1e-6)
    # the loss readouts print 3 decimals: each equals f rounded to the 3rd place (SGD's
    # final 1.5e-6 reads 0.000)
    for k in (10, 40):
        assert values[f"{name}_f_{k}"] == pytest.approx(round(f(path[k]), 3), abs=1e-12)


@pytest.mark.parametrize("name", ["SGD", "Momentum", "Adam"])
def test_trails_end_at_their_dots_throughout_the_race(chapter_reports, name):
    results = {c.name: c for r in chapter_reports("9.2") for c in r.checkpoints}
    held = results[f"invariant:trail ends at its dot: {name}"]
    assert held.ok and held.source.startswith("geometry"), held.source
    final = RULES[name.lower()](40)[40]
    np.testing.assert_allclose(held.expected, final, atol=1e-6)


def test_loss_readouts_follow_their_dots(chapter_reports):
    results = {c.name: c for r in chapter_reports("9.2") for c in r.checkpoints}
    held = results["invariant:loss readouts show f at their dots"]
    assert held.ok and held.source.startswith("printed")
    np.testing.assert_allclose(
        held.shown, [round(f(RULES[n](40)[40]), 3) for n in RULES], atol=1e-12
    )


def test_no_checkpoint_is_refused(chapter_reports):
    refused = [
        c.name
        for r in chapter_reports("9.2")
        for c in r.checkpoints
        if c.source.startswith("refused")
    ]
    assert not refused


def test_step_counter(shown):
    values = shown("9.2")
    assert values["step_counter_10"] == 10
    assert values["step_counter_40"] == 40


def test_momentum_overshoots_and_settles(shown):
    values = shown("9.2")
    path = momentum(40)
    peak = max(p[0] for p in path)
    assert peak > 1.5  # far past the minimum at x = 0
    assert values["momentum_max_x_trail"] == pytest.approx(peak, abs=1e-6)
    assert values["momentum_max_x_line"] == pytest.approx(peak, abs=1e-6)
    # printed to one decimal, as the narration's "about two"
    assert values["momentum_max_x"] == pytest.approx(round(peak, 1), abs=1e-12)
    assert values["momentum_max_x"] == pytest.approx(2.0, abs=1e-12)
    assert f(path[40]) < 0.01


def test_adam_first_step_is_the_learning_rate_per_coordinate(shown):
    values = shown("9.2")
    path = adam(1)
    step = np.subtract(path[1], path[0])
    np.testing.assert_allclose(values["adam_first_step"], step, atol=1e-6)
    np.testing.assert_allclose(values["adam_first_step"], [0.3, -0.3], atol=1e-6)
    # each coordinate printed to one decimal: exactly the learning rate, against the slope
    assert values["adam_first_step_dx"] == pytest.approx(round(step[0], 1), abs=1e-12)
    assert values["adam_first_step_dy"] == pytest.approx(round(step[1], 1), abs=1e-12)
    assert (values["adam_first_step_dx"], values["adam_first_step_dy"]) == (0.3, -0.3)
    # the two legs drawn from the start: the run along x and the drop along y
    np.testing.assert_allclose(values["adam_first_step_legs"], step, atol=1e-6)
    # and the same legs read back through the magnified inset's own axes
    np.testing.assert_allclose(values["adam_first_step_zoom"], step, atol=1e-6)


def test_adam_steps_are_nearly_constant_early():
    path = np.array(adam(6))
    lengths = np.linalg.norm(np.diff(path, axis=0), axis=1)
    assert lengths.max() / lengths.min() < 1.2


def test_narrated_race_legs():
    """The race is cut where the narration changes subject: momentum still speeds up through
    the first leg (steps 1-5) and first passes the minimum at step nine."""
    path = np.array(momentum(10))
    speeds = np.abs(np.diff(path[:, 0]))  # along the valley floor
    assert np.all(np.diff(speeds[:5]) > 0)
    assert int(np.argmax(path[:, 0] > 0)) == 9
