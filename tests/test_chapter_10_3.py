"""10.3 Cross-Entropy: every value shown, recomputed here with scipy, scikit-learn and math.

The chapter's logits are the brief's data: (1, 2, −1) for cat, dog and bird, the cat being the
truth; belief moved from dog to bird 5 : 95; five gradient steps at rate 1; and a confident
wrong model at (−1, 0.5, 3.5). The expected values come from ``scipy.special.softmax`` and
``log_softmax`` (the gradient steps re-run with them) and ``sklearn.metrics.log_loss``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import log_softmax, logsumexp, softmax
from sklearn.metrics import log_loss

START = np.array([1.0, 2.0, -1.0])
WRONG = np.array([-1.0, 0.5, 3.5])
CAT = 0
LABELS = [0, 1, 2]


@pytest.fixture(scope="module")
def values(shown):
    return shown("10.3")


def reshuffled() -> np.ndarray:
    """Dog and bird share e^2 + e^−1 in the ratio 5 : 95; the cat's logit is untouched."""
    rest = np.exp(START[1]) + np.exp(START[2])
    return np.array([START[0], np.log(0.05 * rest), np.log(0.95 * rest)])


def training_run(steps: int = 5, lr: float = 1.0) -> list[np.ndarray]:
    """Gradient descent on −log_softmax(z)[cat]; its gradient is softmax(z) − one_hot."""
    z = [reshuffled()]
    for _ in range(steps):
        grad = softmax(z[-1]) - np.eye(3)[CAT]
        z.append(z[-1] - lr * grad)
    return z


def rounded(x: float, places: int) -> float:
    return round(float(x), places)


def test_logits_exponentials_and_softmax_probabilities(values):
    np.testing.assert_allclose(values["start_logit_bars"], START, atol=1e-6)
    assert list(values["start_logit_labels"]) == [1.0, 2.0, -1.0]
    exps = np.exp(START)
    np.testing.assert_allclose(values["exponential_bars"], exps, atol=1e-6)
    assert list(values["exponential_labels"]) == [2.72, 7.39, 0.37]
    assert values["exponential_sum_readout"] == rounded(math.fsum(exps.tolist()), 2) == 10.48
    p = softmax(START)
    np.testing.assert_allclose(values["start_probability_bars"], p, atol=1e-6)
    assert list(values["start_probability_labels"]) == [0.26, 0.71, 0.04]
    assert [rounded(v, 2) for v in p] == [0.26, 0.71, 0.04]
    assert values["probability_bars_sum"] == pytest.approx(1.0, abs=1e-6)
    assert values["probability_sum_readout"] == 1.0


def test_one_hot_truth_is_drawn_over_cat(values):
    assert list(values["truth_outline_height"]) == pytest.approx([1.0], abs=1e-6)
    assert list(values["truth_outline_over_cat"]) == [CAT]


def test_cross_entropy_is_minus_log_p_true(values):
    loss = -log_softmax(START)[CAT]
    sk = log_loss([CAT], [softmax(START)], labels=LABELS)
    assert loss == pytest.approx(sk, abs=1e-12)
    assert values["curve_ce_readout"] == rounded(loss, 2) == 1.35
    assert values["curve_p_cat_readout"] == 0.26
    np.testing.assert_allclose(values["curve_dot"], [np.exp(-loss), loss], atol=1e-6)
    assert values["curve_loss_bar"] == pytest.approx(loss, abs=1e-6)


def test_moving_belief_between_wrong_classes_leaves_the_loss(values):
    z = reshuffled()
    np.testing.assert_allclose(values["reshuffled_logit_bars"], z, atol=1e-6)
    np.testing.assert_allclose(values["reshuffled_probability_bars"], softmax(z), atol=1e-6)
    # the cat's probability and the loss are those of the starting logits
    assert softmax(z)[CAT] == pytest.approx(softmax(START)[CAT], abs=1e-12)
    assert values["reshuffled_ce_readout"] == values["curve_ce_readout"]
    assert values["reshuffled_loss_bar"] == pytest.approx(-log_softmax(START)[CAT], abs=1e-6)
    assert list(values["reshuffled_probability_labels"]) == [0.26, 0.04, 0.7]


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5])
def test_training_lowers_the_loss_step_by_step(values, k):
    z = training_run()[k]
    p = softmax(z)
    loss = log_loss([CAT], [p], labels=LABELS)
    tag = f"step_{k}"
    assert values[f"step_readout_after_{k}"] == k
    assert values[f"{tag}_p_cat_readout"] == rounded(p[CAT], 2)
    assert values[f"{tag}_ce_readout"] == rounded(loss, 2)
    if k in (1, 5):
        np.testing.assert_allclose(values[f"{tag}_logit_bars"], z, atol=1e-6)
        np.testing.assert_allclose(values[f"{tag}_probability_bars"], p, atol=1e-6)
        np.testing.assert_allclose(values[f"{tag}_dot"], [p[CAT], loss], atol=1e-6)
        assert values[f"{tag}_loss_bar"] == pytest.approx(loss, abs=1e-6)


def test_the_numbers_the_narration_says(values):
    assert values["step_1_ce_readout"] == 0.53
    assert values["step_5_p_cat_readout"] == 0.89
    assert values["step_5_ce_readout"] == 0.12
    losses = [values[f"step_{k}_ce_readout"] for k in range(1, 6)]
    assert losses == sorted(losses, reverse=True)


def test_a_confident_wrong_answer_costs_most(values):
    p = softmax(WRONG)
    loss = log_loss([CAT], [p], labels=LABELS)
    assert loss == pytest.approx(logsumexp(WRONG) - WRONG[CAT], abs=1e-12)
    np.testing.assert_allclose(values["confident_wrong_probability_bars"], p, atol=1e-6)
    assert values["confident_wrong_p_cat_readout"] == rounded(p[CAT], 2) == 0.01
    assert values["confident_wrong_ce_readout"] == rounded(loss, 2) == 4.56
    np.testing.assert_allclose(values["confident_wrong_dot"], [p[CAT], loss], atol=1e-6)
    trained = log_loss([CAT], [softmax(training_run()[5])], labels=LABELS)
    assert 35 < loss / trained < 40  # "almost forty times the trained loss"


def test_readouts_and_dot_follow_the_bars_at_every_sampled_moment(held):
    held(
        "10.3",
        "CE readout is minus ln of the drawn cat bar",
        "p_cat readout is the drawn cat bar",
        source="printed",
    )
    held(
        "10.3",
        "probability bars are the softmax of the drawn logit bars",
        "dot sits on minus ln p over the drawn cat bar",
        "loss bar is minus ln of the drawn cat bar",
        source="geometry",
    )
    held("10.3", "probability bars sum to one", source="derived")
