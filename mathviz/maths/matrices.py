"""Matrices as data, exactly: products entry by entry, a dense layer, and Gauss–Jordan
elimination on an augmented matrix.

Everything here works in exact rational arithmetic (:class:`fractions.Fraction`), so that
what a chapter draws is the true value, not a float approximation of it. Floats given as
input are read at their shortest decimal spelling (``0.2`` means 1/5, not the binary double
nearest to it), which is what a person typing a matrix into a lecture means.

Used by chapters 4.3 (Matrices) and 4.5 (Systems of Linear Equations); later chapters
(least squares, inverses, PCA) reuse the elimination model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "NumberLike",
    "ExactMatrix",
    "ExactVector",
    "ExactPoint",
    "SolutionStatus",
    "exact",
    "exact_vector",
    "exact_matrix",
    "shape",
    "to_array",
    "decimal_places",
    "product_shape",
    "product_entry_terms",
    "product_entry",
    "matmul",
    "affine_layer",
    "affine_entry_terms",
    "line_in_box",
    "tip_to_tail",
    "augment",
    "RowOperation",
    "EliminationStep",
    "Elimination",
    "equation_tex",
]

#: a number as accepted by this module: exact or not
NumberLike = int | float | str | Fraction | Decimal | np.integer | np.floating
#: an exact matrix: a tuple of equally long rows of fractions, shape (m, n)
ExactMatrix = tuple[tuple[Fraction, ...], ...]
#: an exact vector, shape (n,)
ExactVector = tuple[Fraction, ...]
#: a plane point (x, y) as exact fractions
ExactPoint = tuple[Fraction, Fraction]

SolutionStatus = Literal["unique", "inconsistent", "infinitely many"]


# --- exact numbers --------------------------------------------------------------------------
def exact(x: NumberLike) -> Fraction:
    """``x`` as a :class:`Fraction`; floats are read at their shortest decimal spelling.

    Raises
    ------
    ValueError
        For NaN or infinite floats, which have no exact value.
    """
    if isinstance(x, Fraction):
        return x
    if isinstance(x, (bool, np.bool_)):
        raise TypeError("a boolean is not a matrix entry")
    if isinstance(x, (int, np.integer)):
        return Fraction(int(x))
    if isinstance(x, (float, np.floating)):
        if not np.isfinite(x):
            raise ValueError(f"{x} has no exact value")
        return Fraction(repr(float(x)))
    return Fraction(x)


def exact_vector(values: Iterable[NumberLike]) -> ExactVector:
    """A non-empty 1-D sequence of numbers as exact fractions."""
    out = tuple(exact(v) for v in values)
    if not out:
        raise ValueError("expected a non-empty vector")
    return out


def exact_matrix(rows: Iterable[Iterable[NumberLike]]) -> ExactMatrix:
    """A rectangular, non-empty table of numbers as exact fractions.

    Raises
    ------
    ValueError
        If the table is empty or its rows differ in length.
    """
    out = tuple(tuple(exact(x) for x in row) for row in rows)
    if not out or not out[0]:
        raise ValueError("expected a non-empty matrix")
    widths = {len(row) for row in out}
    if len(widths) != 1:
        raise ValueError(f"rows of different lengths: {sorted(widths)}")
    return out


def shape(matrix: Sequence[Sequence[object]]) -> tuple[int, int]:
    """``(rows, columns)`` of a rectangular table."""
    return len(matrix), len(matrix[0])


def to_array(matrix: Sequence[Sequence[NumberLike]]) -> NDArray[np.float64]:
    """An exact matrix (or any table) as a float array of the same shape."""
    return np.array([[float(exact(x)) for x in row] for row in matrix], dtype=float)


def decimal_places(x: NumberLike, max_places: int = 6) -> int | None:
    """The number of decimals that write ``x`` exactly (``52.1`` → 1, ``3`` → 0), or ``None``
    if more than ``max_places`` are needed (``1/3``)."""
    q = exact(x)
    for places in range(max_places + 1):
        if (q * 10**places).denominator == 1:
            return places
    return None


# --- products ---------------------------------------------------------------------------------
def product_shape(a_shape: tuple[int, int], b_shape: tuple[int, int]) -> tuple[int, int]:
    """The shape of ``A B``: ``(m, n) (n, p) → (m, p)``.

    Raises
    ------
    ValueError
        If the inner sizes differ: the product is not defined.
    """
    (m, n), (n2, p) = a_shape, b_shape
    if n != n2:
        raise ValueError(f"cannot multiply ({m}x{n}) by ({n2}x{p}): inner sizes {n} != {n2}")
    return m, p


def product_entry_terms(
    a: Sequence[Sequence[NumberLike]], b: Sequence[Sequence[NumberLike]], i: int, j: int
) -> tuple[tuple[Fraction, Fraction], ...]:
    """The pairs ``(a_ik, b_kj)`` whose products sum to entry ``(i, j)`` of ``A B``.

    Row ``i`` of ``A`` walks along while column ``j`` of ``B`` walks down; indices are 0-based.

    Raises
    ------
    ValueError
        If the shapes do not multiply.
    IndexError
        If ``(i, j)`` is outside the product.
    """
    A, B = exact_matrix(a), exact_matrix(b)
    m, p = product_shape(shape(A), shape(B))
    if not (0 <= i < m and 0 <= j < p):
        raise IndexError(f"entry ({i}, {j}) is outside a {m}x{p} product")
    return tuple((A[i][k], B[k][j]) for k in range(len(B)))


def product_entry(
    a: Sequence[Sequence[NumberLike]], b: Sequence[Sequence[NumberLike]], i: int, j: int
) -> Fraction:
    """Entry ``(i, j)`` of ``A B``: the sum of the products of :func:`product_entry_terms`."""
    return sum((x * y for x, y in product_entry_terms(a, b, i, j)), Fraction(0))


def matmul(a: Sequence[Sequence[NumberLike]], b: Sequence[Sequence[NumberLike]]) -> ExactMatrix:
    """The exact product ``A B``, computed entry by entry."""
    A, B = exact_matrix(a), exact_matrix(b)
    m, p = product_shape(shape(A), shape(B))
    return tuple(tuple(product_entry(A, B, i, j) for j in range(p)) for i in range(m))


def affine_layer(
    x: Sequence[Sequence[NumberLike]], w: Sequence[Sequence[NumberLike]], bias: Sequence[NumberLike]
) -> ExactMatrix:
    """A dense layer applied to a batch: ``X W + b``, the bias broadcast down every row.

    Parameters
    ----------
    x
        The batch, shape (samples, features): one row per sample.
    w
        The weights, shape (features, neurons): one column per neuron.
    bias
        One number per neuron, shape (neurons,).

    Returns
    -------
    ExactMatrix
        The outputs, shape (samples, neurons).
    """
    xw = matmul(x, w)
    b = exact_vector(bias)
    if len(b) != shape(xw)[1]:
        raise ValueError(f"bias has {len(b)} entries for {shape(xw)[1]} neurons")
    return tuple(tuple(v + bj for v, bj in zip(row, b, strict=True)) for row in xw)


def affine_entry_terms(
    x: Sequence[Sequence[NumberLike]],
    w: Sequence[Sequence[NumberLike]],
    bias: Sequence[NumberLike],
    i: int,
    j: int,
) -> tuple[tuple[tuple[Fraction, Fraction], ...], Fraction]:
    """The products and the bias that make entry ``(i, j)`` of ``X W + b``:
    ``(((x_i1, w_1j), …), b_j)``."""
    b = exact_vector(bias)
    terms = product_entry_terms(x, w, i, j)
    if len(b) != len(exact_matrix(w)[0]):
        raise ValueError(f"bias has {len(b)} entries for {len(w[0])} neurons")
    return terms, b[j]


# --- systems of equations: the row and column pictures ----------------------------------------
def line_in_box(
    a: NumberLike,
    b: NumberLike,
    c: NumberLike,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
) -> tuple[ExactPoint, ExactPoint] | None:
    """The segment of the line ``a x + b y = c`` that lies inside a box, for plotting.

    Returns
    -------
    tuple of two points or None
        The two ends (exact), ordered by x then y; ``None`` when the line misses the box, only
        touches a corner, or is not a line at all (``a = b = 0``).
    """
    A, B, C = exact(a), exact(b), exact(c)
    x0, x1 = (exact(v) for v in x_range)
    y0, y1 = (exact(v) for v in y_range)
    if A == 0 and B == 0:
        return None
    found: set[ExactPoint] = set()
    if B != 0:  # crossings with the vertical edges
        for x in (x0, x1):
            y = (C - A * x) / B
            if y0 <= y <= y1:
                found.add((x, y))
    if A != 0:  # crossings with the horizontal edges
        for y in (y0, y1):
            x = (C - B * y) / A
            if x0 <= x <= x1:
                found.add((x, y))
    if len(found) < 2:
        return None
    ends = sorted(found)
    return ends[0], ends[-1]


def tip_to_tail(
    columns: Sequence[Sequence[NumberLike]], weights: Sequence[NumberLike]
) -> tuple[tuple[Fraction, ...], ...]:
    """The column picture's path: ``0, w1 c1, w1 c1 + w2 c2, …`` (one point per partial sum).

    Parameters
    ----------
    columns
        The matrix whose columns are combined (shape (m, n)).
    weights
        One weight per column (shape (n,)).

    Returns
    -------
    tuple of points
        ``n + 1`` points of dimension ``m``; the last is ``A w``.
    """
    A = exact_matrix(columns)
    w = exact_vector(weights)
    m, n = shape(A)
    if len(w) != n:
        raise ValueError(f"{len(w)} weights for {n} columns")
    point = tuple(Fraction(0) for _ in range(m))
    path = [point]
    for j in range(n):
        point = tuple(p + w[j] * A[r][j] for r, p in enumerate(point))
        path.append(point)
    return tuple(path)


def augment(a: Sequence[Sequence[NumberLike]], b: Sequence[NumberLike]) -> ExactMatrix:
    """The augmented matrix ``[A | b]``."""
    A, rhs = exact_matrix(a), exact_vector(b)
    if len(rhs) != len(A):
        raise ValueError(f"{len(rhs)} right-hand sides for {len(A)} equations")
    return tuple((*row, v) for row, v in zip(A, rhs, strict=True))


# --- elimination ----------------------------------------------------------------------------
def _fraction_text(q: Fraction) -> str:
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


def _fraction_tex(q: Fraction) -> str:
    if q.denominator == 1:
        return str(q.numerator)
    return rf"\tfrac{{{q.numerator}}}{{{q.denominator}}}"


@dataclass(frozen=True)
class RowOperation:
    """One elementary row operation (rows 0-based here, 1-based when described).

    Attributes
    ----------
    kind
        ``"subtract"``: ``R_target ← R_target − factor · R_source``;
        ``"scale"``: ``R_target ← factor · R_target`` (factor ≠ 0);
        ``"swap"``: ``R_target ↔ R_source``.
    target
        The row that changes.
    source
        The other row (``subtract`` and ``swap``).
    factor
        The multiplier (``subtract`` and ``scale``).
    """

    kind: Literal["subtract", "scale", "swap"]
    target: int
    source: int | None = None
    factor: Fraction = Fraction(1)

    def __post_init__(self) -> None:
        if self.kind in ("subtract", "swap") and (
            self.source is None or self.source == self.target
        ):
            raise ValueError(f"a {self.kind} needs a source row other than the target")
        if self.kind == "scale" and self.factor == 0:
            raise ValueError("scaling a row by zero loses an equation")

    def apply(self, matrix: Sequence[Sequence[NumberLike]]) -> ExactMatrix:
        """The matrix after this operation (a new matrix; the input is not changed)."""
        rows = [list(row) for row in exact_matrix(matrix)]
        t = self.target
        if self.kind == "subtract":
            s = rows[self.source]  # type: ignore[index]
            rows[t] = [x - self.factor * y for x, y in zip(rows[t], s, strict=True)]
        elif self.kind == "scale":
            rows[t] = [self.factor * x for x in rows[t]]
        else:
            rows[t], rows[self.source] = rows[self.source], rows[t]  # type: ignore[index]
        return tuple(tuple(row) for row in rows)

    def describe(self) -> str:
        """Plain text, 1-based: ``R2 ← R2 − 2·R1``, ``R2 ← R2 ÷ 3``, ``R1 ↔ R2``."""
        t = f"R{self.target + 1}"
        if self.kind == "swap":
            return f"{t} ↔ R{self.source + 1}"  # type: ignore[operator]
        if self.kind == "scale":
            inverse = 1 / self.factor
            if inverse.denominator == 1 and inverse > 0:
                return f"{t} ← {t} ÷ {_fraction_text(inverse)}"
            return f"{t} ← ({_fraction_text(self.factor)})·{t}".replace("-", "−")
        s = f"R{self.source + 1}"  # type: ignore[operator]
        sign = "−" if self.factor > 0 else "+"
        size = abs(self.factor)
        times = "" if size == 1 else f"{_fraction_text(size)}·"
        return f"{t} ← {t} {sign} {times}{s}"

    def tex(self) -> str:
        r"""The same, as LaTeX: ``R_2 \\leftarrow R_2 - 2R_1``."""
        t = f"R_{{{self.target + 1}}}"
        if self.kind == "swap":
            return rf"{t} \leftrightarrow R_{{{self.source + 1}}}"  # type: ignore[operator]
        if self.kind == "scale":
            inverse = 1 / self.factor
            if inverse.denominator == 1 and inverse > 0:
                return rf"{t} \leftarrow {t} \div {_fraction_tex(inverse)}"
            if self.factor < 0:
                return rf"{t} \leftarrow -{_fraction_tex(-self.factor)}\,{t}"
            return rf"{t} \leftarrow {_fraction_tex(self.factor)}\,{t}"
        s = f"R_{{{self.source + 1}}}"  # type: ignore[operator]
        sign = "-" if self.factor > 0 else "+"
        size = abs(self.factor)
        times = "" if size == 1 else _fraction_tex(size)
        return rf"{t} \leftarrow {t} {sign} {times}{s}"


@dataclass(frozen=True)
class EliminationStep:
    """A row operation and the augmented matrix before and after it.

    Attributes
    ----------
    operation
        What was done.
    before, after
        The augmented matrix around it.
    phase
        ``"forward"`` (zeros below the pivots) or ``"backward"`` (back-substitution: pivots
        scaled to one and zeros above them).
    """

    operation: RowOperation
    before: ExactMatrix
    after: ExactMatrix
    phase: Literal["forward", "backward"]


def _is_zero_row(row: Sequence[Fraction]) -> bool:
    return all(x == 0 for x in row)


@dataclass(frozen=True)
class Elimination:
    """Gauss–Jordan elimination of ``A x = b`` on the augmented matrix ``[A | b]``, exactly.

    The forward phase clears every entry below each pivot (swapping rows only when a pivot is
    zero); if a row ``0 … 0 | c`` with ``c ≠ 0`` appears the system is inconsistent and
    elimination stops there. Otherwise the backward phase (back-substitution in matrix form)
    scales each pivot to one and clears the entries above it, ending in reduced row echelon
    form.

    Build it with :meth:`of`.

    Attributes
    ----------
    start
        The augmented matrix ``[A | b]``, shape (equations, unknowns + 1).
    steps
        The row operations in order, with the matrix after each.
    n_unknowns
        The number of unknowns (columns of ``A``).
    """

    start: ExactMatrix
    steps: tuple[EliminationStep, ...]
    n_unknowns: int

    @classmethod
    def of(cls, a: Sequence[Sequence[NumberLike]], b: Sequence[NumberLike]) -> Elimination:
        """Eliminate the system ``A x = b`` (any shape)."""
        start = augment(a, b)
        n = shape(start)[1] - 1
        steps: list[EliminationStep] = []
        current = start

        def do(op: RowOperation, phase: Literal["forward", "backward"]) -> None:
            nonlocal current
            after = op.apply(current)
            steps.append(EliminationStep(op, current, after, phase))
            current = after

        pivots: list[tuple[int, int]] = []
        row = 0
        for col in range(n):
            if row == len(current):
                break
            candidates = [r for r in range(row, len(current)) if current[r][col] != 0]
            if not candidates:
                continue
            if candidates[0] != row:
                do(RowOperation("swap", row, candidates[0]), "forward")
            for r in range(row + 1, len(current)):
                if current[r][col] != 0:
                    do(
                        RowOperation("subtract", r, row, current[r][col] / current[row][col]),
                        "forward",
                    )
            pivots.append((row, col))
            row += 1
        if not any(_is_zero_row(r[:n]) and r[n] != 0 for r in current):
            for prow, pcol in reversed(pivots):
                if current[prow][pcol] != 1:
                    do(RowOperation("scale", prow, factor=1 / current[prow][pcol]), "backward")
                for r in range(prow):
                    if current[r][pcol] != 0:
                        do(RowOperation("subtract", r, prow, current[r][pcol]), "backward")
        return cls(start, tuple(steps), n)

    @property
    def matrices(self) -> tuple[ExactMatrix, ...]:
        """Every state of the augmented matrix: the start, then one after each step."""
        return (self.start, *(s.after for s in self.steps))

    @property
    def final(self) -> ExactMatrix:
        """The augmented matrix after the last step."""
        return self.matrices[-1]

    @property
    def rank(self) -> int:
        """The number of pivots: non-zero coefficient rows at the end."""
        return sum(1 for r in self.final if not _is_zero_row(r[: self.n_unknowns]))

    def inconsistent_row(self) -> int | None:
        """Index of a final row ``0 … 0 | c`` with ``c ≠ 0``, or ``None``."""
        for i, r in enumerate(self.final):
            if _is_zero_row(r[: self.n_unknowns]) and r[self.n_unknowns] != 0:
                return i
        return None

    @property
    def status(self) -> SolutionStatus:
        """``"unique"``, ``"inconsistent"`` (no solution) or ``"infinitely many"``."""
        if self.inconsistent_row() is not None:
            return "inconsistent"
        return "unique" if self.rank == self.n_unknowns else "infinitely many"

    @property
    def solution(self) -> ExactVector:
        """The unique solution, read off the last column of the reduced matrix.

        Raises
        ------
        ValueError
            If the system has no solution or infinitely many.
        """
        if self.status != "unique":
            raise ValueError(f"the system has no unique solution ({self.status})")
        return tuple(self.final[i][self.n_unknowns] for i in range(self.n_unknowns))


def equation_tex(
    coefficients: Sequence[NumberLike], rhs: NumberLike, unknowns: Sequence[str] = ("x", "y", "z")
) -> str:
    """One equation as LaTeX: ``(1, -1), 1`` → ``x - y = 1``; zero terms are left out
    (an all-zero left side is written ``0``)."""
    coeffs = exact_vector(coefficients)
    if len(coeffs) > len(unknowns):
        raise ValueError(f"{len(coeffs)} coefficients but only {len(unknowns)} unknown names")
    parts: list[str] = []
    for c, name in zip(coeffs, unknowns[: len(coeffs)], strict=True):
        if c == 0:
            continue
        size = abs(c)
        number = "" if size == 1 else _fraction_tex(size)
        if not parts:
            parts.append(("-" if c < 0 else "") + number + name)
        else:
            parts.append(("- " if c < 0 else "+ ") + number + name)
    left = " ".join(parts) if parts else "0"
    r = exact(rhs)
    right = ("-" if r < 0 else "") + _fraction_tex(abs(r))
    return f"{left} = {right}"
