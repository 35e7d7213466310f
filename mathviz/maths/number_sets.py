"""The nested number systems ℕ ⊂ ℤ ⊂ ℚ ⊂ ℝ: which is the smallest one a number belongs to.

Numbers are exact sympy expressions (``sympy.Rational(7, 2)``, ``sympy.sqrt(2)``,
``sympy.pi``); plain ints and :class:`~fractions.Fraction` are accepted and converted. The
naturals are taken to start at 0 (the convention of ISO 80000-2 and of programming, where
counts and indices start at 0).

Pure (sympy, no manim): :mod:`mathviz.primitives.number_sets` draws the sets as nested
bands over a number line and drops each example number into the innermost band holding it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

__all__ = [
    "SETS",
    "SYMBOLS",
    "Example",
    "as_exact",
    "smallest_set",
    "belongs_to",
    "examples",
]

#: the systems from the innermost to the outermost
SETS: tuple[str, ...] = ("naturals", "integers", "rationals", "reals")
#: their blackboard-bold letters (TeX ``\mathbb{…}``)
SYMBOLS: dict[str, str] = {"naturals": "N", "integers": "Z", "rationals": "Q", "reals": "R"}


def as_exact(x: int | Fraction | sp.Expr) -> sp.Expr:
    """``x`` as an exact sympy number (a float is refused: it is already rounded)."""
    if isinstance(x, float):
        raise TypeError(f"{x!r} is a float: pass an exact number (int, Fraction or sympy)")
    if isinstance(x, Fraction):
        return sp.Rational(x.numerator, x.denominator)
    value = sp.sympify(x)
    if not value.is_real:
        raise ValueError(f"{x!r} is not a real number")
    return value


def smallest_set(x: int | Fraction | sp.Expr) -> str:
    """The innermost of :data:`SETS` holding ``x``.

    Examples
    --------
    >>> [smallest_set(v) for v in (3, -2, Fraction(7, 2), sp.sqrt(2))]
    ['naturals', 'integers', 'rationals', 'reals']
    """
    value = as_exact(x)
    if value.is_integer:
        return "naturals" if value.is_nonnegative else "integers"
    if value.is_rational:
        return "rationals"
    if value.is_rational is False:  # irrational: sympy proves it (√2, π, e)
        return "reals"
    raise ValueError(f"sympy cannot decide whether {x!r} is rational")


def belongs_to(x: int | Fraction | sp.Expr, name: str) -> bool:
    """Whether ``x`` lies in the system ``name`` (every system holds the ones inside it)."""
    if name not in SETS:
        raise KeyError(f"no number system {name!r}; one of {', '.join(SETS)}")
    return SETS.index(smallest_set(x)) <= SETS.index(name)


@dataclass(frozen=True)
class Example:
    """A number to place on the line: its exact value, its TeX and its smallest set."""

    value: sp.Expr
    tex: str
    home: str

    def __float__(self) -> float:
        return float(self.value)


def examples(values: Iterable[tuple[int | Fraction | sp.Expr, str]]) -> tuple[Example, ...]:
    """``(value, tex)`` pairs as :class:`Example`, each with its smallest set."""
    return tuple(Example(as_exact(v), tex, smallest_set(v)) for v, tex in values)
