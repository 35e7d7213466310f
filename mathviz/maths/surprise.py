"""Surprise as a quantity you can move along, stack and read off a yes/no game.

The Level 10 measures themselves live in :mod:`mathviz.maths.information` (``surprise``) and
the halving game in :mod:`mathviz.maths.logarithms`; this module adds what the 10.1 lecture
needs on top of them:

* :func:`probability_along` — a probability sliding from one value to another *evenly in
  surprise* (geometrically in ``p``), so that a probe on the curve ``−log₂ p`` moves at an
  even pace up the steep wall near ``p = 0`` instead of jumping there at the last instant;
* :func:`stack_bases` — where each of several surprises starts when they are stacked;
* :class:`Answer` and :func:`question_answers` — the two answers of a yes/no question about a
  uniformly chosen number, with their exact probabilities and their surprises;
* :func:`answer_bits` — a game's answers as a string of binary digits (yes = ``"1"``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from mathviz.maths.information import BITS, surprise
from mathviz.maths.logarithms import HalvingGame

__all__ = ["probability_along", "stack_bases", "Answer", "question_answers", "answer_bits"]


def probability_along(start: float, stop: float, t: float) -> float:
    """The probability a share ``t`` of the way from ``start`` to ``stop``, evenly in surprise.

    ``−log p`` moves linearly in ``t``: ``p = start^(1 − t) · stop^t``. The ends are returned
    exactly at ``t = 0`` and ``t = 1``.

    Parameters
    ----------
    start, stop
        Probabilities in ``(0, 1]``.
    t
        The share of the way, in ``[0, 1]``.
    """
    for p in (start, stop):
        if not 0.0 < p <= 1.0:
            raise ValueError(f"a probability on the surprise curve lies in (0, 1], got {p}")
    if not 0.0 <= t <= 1.0:
        raise ValueError(f"the share of the way lies in [0, 1], got {t}")
    if t == 0.0:
        return float(start)
    if t == 1.0:
        return float(stop)
    return math.exp((1.0 - t) * math.log(start) + t * math.log(stop))


def stack_bases(heights: Sequence[float]) -> list[float]:
    """Where each of ``heights`` starts when they are stacked from 0, in order."""
    bases, total = [], 0.0
    for h in heights:
        if h < 0:
            raise ValueError(f"a stacked surprise is never negative, got {h}")
        bases.append(total)
        total = math.fsum([total, float(h)])
    return bases


@dataclass(frozen=True)
class Answer:
    """One answer of a yes/no question: its word, its exact probability, its surprise."""

    word: str
    probability: Fraction
    bits: float


def question_answers(count: int, yes_count: int, base: float = BITS) -> tuple[Answer, Answer]:
    """The answers "no" and "yes" to a question that is true for ``yes_count`` of ``count``
    equally likely numbers (e.g. "is it 713?" over 1 … 1024: ``yes_count = 1``).

    Returns ``(no, yes)``, each with its probability as an exact fraction and its surprise
    in the unit of ``base`` (bits by default).
    """
    if count < 1 or not 0 < yes_count < count:
        raise ValueError(f"a question true for {yes_count} of {count} numbers has one answer")
    p_yes = Fraction(yes_count, count)
    p_no = 1 - p_yes
    return (
        Answer("no", p_no, surprise(float(p_no), base)),
        Answer("yes", p_yes, surprise(float(p_yes), base)),
    )


def answer_bits(game: HalvingGame) -> str:
    """The game's answers as binary digits, first question first (yes = ``"1"``)."""
    return "".join("1" if answer else "0" for answer in game.answers)
