"""A tiny two-layer neural network: forward pass, backpropagation and a gradient check.

:class:`TinyMLP` maps ``n`` inputs through one hidden layer of ``tanh`` neurons to one
``sigmoid`` output, ``ŷ = σ(v·tanh(W x + b) + c)``, and scores it on one example with the
binary cross-entropy ``L = −(y log ŷ + (1 − y) log(1 − ŷ))``. :meth:`TinyMLP.forward` keeps
every intermediate value (the cache backpropagation reads); :meth:`TinyMLP.backward` runs the
chain rule from the loss back to every weight; :meth:`TinyMLP.finite_difference` nudges one
parameter by ``±ε`` and reruns the forward pass, the classic gradient check; and
:meth:`TinyMLP.sgd_step` takes one step of gradient descent on every parameter.

Parameters are addressed by name and index: ``("W", (0, 0))`` is the weight from input 0 to
hidden neuron 0, ``("v", (2,))`` the weight from hidden neuron 2 to the output, ``("b", (1,))``
and ``("c", ())`` the biases.

Pure numpy; no drawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "Floats",
    "PARAMETERS",
    "Forward",
    "Gradients",
    "TinyMLP",
    "sigmoid",
    "binary_cross_entropy",
]

Floats = NDArray[np.float64]
#: the network's parameter names, in the order :meth:`TinyMLP.parameters` lists them
PARAMETERS = ("W", "b", "v", "c")


def sigmoid(z: float) -> float:
    """``1 / (1 + e^−z)``, without overflow for large ``|z|``."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def binary_cross_entropy(y_hat: float, y: float) -> float:
    """``−(y log ŷ + (1 − y) log(1 − ŷ))`` for a prediction ``0 < ŷ < 1``."""
    if not 0.0 < y_hat < 1.0:
        raise ValueError(f"the prediction must lie strictly between 0 and 1, got {y_hat}")
    return -(y * math.log(y_hat) + (1.0 - y) * math.log1p(-y_hat))


@dataclass(frozen=True)
class Forward:
    """Every value of one forward pass (the cache backpropagation reads).

    Attributes
    ----------
    x
        The inputs.
    z
        The hidden neurons' weighted sums ``W x + b``.
    h
        The hidden activations ``tanh z``.
    logit
        The output's weighted sum ``v·h + c``.
    y_hat
        The output ``σ(logit)``.
    y
        The target.
    loss
        The binary cross-entropy of ``y_hat`` against ``y``.
    """

    x: Floats
    z: Floats
    h: Floats
    logit: float
    y_hat: float
    y: float
    loss: float


@dataclass(frozen=True)
class Gradients:
    """The loss's partial derivatives, from the output back to every parameter.

    Attributes
    ----------
    output
        ``∂L/∂logit = ŷ − y``: the error signal leaving the output.
    hidden
        ``∂L/∂z`` for each hidden neuron: the signal after passing back through ``tanh``.
    W, b, v, c
        ``∂L/∂`` each parameter, shaped like it.
    """

    output: float
    hidden: Floats
    W: Floats
    b: Floats
    v: Floats
    c: float

    def of(self, name: str, index: Sequence[int] = ()) -> float:
        """The partial derivative for parameter ``name`` at ``index``."""
        value = getattr(self, _checked(name))
        return float(np.asarray(value)[tuple(index)])


def _checked(name: str) -> str:
    if name not in PARAMETERS:
        raise KeyError(f"unknown parameter {name!r}; one of {', '.join(PARAMETERS)}")
    return name


@dataclass(frozen=True)
class TinyMLP:
    """``n`` inputs → ``m`` tanh hidden neurons → one sigmoid output.

    Parameters
    ----------
    W
        Hidden weights, shape ``(m, n)``: row ``j`` feeds hidden neuron ``j``.
    b
        Hidden biases, shape ``(m,)``.
    v
        Output weights, shape ``(m,)``.
    c
        Output bias.

    Examples
    --------
    >>> net = TinyMLP.of([[1.0, 0.0]], [0.0], [2.0], 0.0)
    >>> round(net.forward([0.0, 5.0], 1.0).y_hat, 3)
    0.5
    """

    W: Floats
    b: Floats
    v: Floats
    c: float

    @classmethod
    def of(cls, W: ArrayLike, b: ArrayLike, v: ArrayLike, c: float) -> TinyMLP:
        """A network from plain lists (copied into float arrays, shapes checked)."""
        W_, b_, v_ = (np.array(a, dtype=float) for a in (W, b, v))
        if W_.ndim != 2 or b_.shape != (W_.shape[0],) or v_.shape != (W_.shape[0],):
            raise ValueError(
                f"need W of shape (m, n) and b, v of shape (m,), got {W_.shape}, "
                f"{b_.shape}, {v_.shape}"
            )
        return cls(W_, b_, v_, float(c))

    @classmethod
    def initialise(
        cls, n_inputs: int, n_hidden: int, rng: np.random.Generator, scale: float = 1.0
    ) -> TinyMLP:
        """A network with normal weights of standard deviation ``scale / √fan-in`` and zero
        biases, drawn from ``rng``."""
        W = rng.normal(0.0, scale / math.sqrt(n_inputs), size=(n_hidden, n_inputs))
        v = rng.normal(0.0, scale / math.sqrt(n_hidden), size=n_hidden)
        return cls.of(W, np.zeros(n_hidden), v, 0.0)

    @property
    def sizes(self) -> tuple[int, int, int]:
        """Neurons per layer: inputs, hidden, output."""
        return int(self.W.shape[1]), int(self.W.shape[0]), 1

    def parameter(self, name: str, index: Sequence[int] = ()) -> float:
        """The value of parameter ``name`` at ``index``."""
        return float(np.asarray(getattr(self, _checked(name)))[tuple(index)])

    def parameters(self) -> list[tuple[str, tuple[int, ...]]]:
        """Every parameter's address ``(name, index)``, ``W`` row by row, then ``b``, ``v``, ``c``."""
        found: list[tuple[str, tuple[int, ...]]] = []
        for name in PARAMETERS:
            shape = np.shape(getattr(self, name))
            found += [(name, tuple(int(i) for i in idx)) for idx in np.ndindex(*shape)]
        return found

    def nudged(self, name: str, index: Sequence[int], delta: float) -> TinyMLP:
        """A copy with parameter ``name`` at ``index`` moved by ``delta``."""
        if _checked(name) == "c":
            return TinyMLP(self.W, self.b, self.v, self.c + float(delta))
        arrays = {k: np.array(getattr(self, k), dtype=float) for k in ("W", "b", "v")}
        arrays[name][tuple(index)] += float(delta)
        return TinyMLP(arrays["W"], arrays["b"], arrays["v"], self.c)

    def forward(self, x: ArrayLike, y: float) -> Forward:
        """One forward pass on input ``x`` with target ``y``, every value kept."""
        x_ = np.asarray(x, dtype=float)
        if x_.shape != (self.W.shape[1],):
            raise ValueError(f"need {self.W.shape[1]} inputs, got shape {x_.shape}")
        z = self.W @ x_ + self.b
        h = np.tanh(z)
        logit = float(self.v @ h + self.c)
        y_hat = sigmoid(logit)
        return Forward(x_, z, h, logit, y_hat, float(y), binary_cross_entropy(y_hat, y))

    def loss(self, x: ArrayLike, y: float) -> float:
        """The loss of one forward pass."""
        return self.forward(x, y).loss

    def backward(self, x: ArrayLike, y: float) -> Gradients:
        """Backpropagation: every partial derivative of the loss, by the chain rule.

        With a sigmoid output and cross-entropy loss the signal leaving the output is
        ``ŷ − y``; each output weight's slope is that signal times the hidden activation at
        its tail; each hidden neuron passes back ``v_j (ŷ − y)`` times ``tanh′ = 1 − h_j²``;
        and each hidden weight's slope is that times the input at its tail.
        """
        f = self.forward(x, y)
        output = f.y_hat - f.y
        hidden = output * self.v * (1.0 - f.h**2)
        return Gradients(
            output=output,
            hidden=hidden,
            W=np.outer(hidden, f.x),
            b=hidden.copy(),
            v=output * f.h,
            c=output,
        )

    def finite_difference(
        self, x: ArrayLike, y: float, name: str, index: Sequence[int], eps: float = 1e-2
    ) -> tuple[float, float, float]:
        """The gradient check for one parameter: ``(L(p + ε), L(p − ε), slope)`` where the
        slope is the central difference ``(L(p + ε) − L(p − ε)) / 2ε``."""
        if eps <= 0:
            raise ValueError(f"eps must be positive, got {eps}")
        up = self.nudged(name, index, eps).loss(x, y)
        down = self.nudged(name, index, -eps).loss(x, y)
        return up, down, (up - down) / (2.0 * eps)

    def sgd_step(self, x: ArrayLike, y: float, learning_rate: float) -> TinyMLP:
        """The network after one step of gradient descent on every parameter."""
        g = self.backward(x, y)
        return TinyMLP(
            self.W - learning_rate * g.W,
            self.b - learning_rate * g.b,
            self.v - learning_rate * g.v,
            self.c - learning_rate * g.c,
        )
