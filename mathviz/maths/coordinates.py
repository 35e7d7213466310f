"""Coordinates of one point in different systems: a custom basis of the plane, and polar.

The same point ``x`` has coordinates ``c = B⁻¹ x`` in the basis whose vectors are the columns
of ``B`` (``x = c₁ b₁ + c₂ b₂``), and coordinates ``(r, θ)`` in the polar system
(``x = (r cos θ, r sin θ)``). Pure numpy; used by chapter 5.1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathviz.maths.vectors import plane_vector

__all__ = [
    "SINGULAR_TOL",
    "Basis2D",
    "coefficient_along",
    "to_polar",
    "from_polar",
]

#: |det B| below this counts as singular (the two basis vectors are parallel)
SINGULAR_TOL = 1e-12


@dataclass(frozen=True)
class Basis2D:
    """A basis ``b₁, b₂`` of the plane, stored as the columns of ``matrix``.

    Attributes
    ----------
    matrix
        ``B = [b₁ b₂]``, shape (2, 2), with ``det B ≠ 0``.
    """

    matrix: NDArray[np.float64]

    @classmethod
    def of(cls, b1: ArrayLike, b2: ArrayLike) -> Basis2D:
        """The basis with vectors ``b1`` and ``b2``; ``ValueError`` if they are parallel."""
        m = np.column_stack([plane_vector(b1, "basis vector"), plane_vector(b2, "basis vector")])
        if abs(float(np.linalg.det(m))) < SINGULAR_TOL:
            raise ValueError(
                f"b1 = {tuple(m[:, 0])} and b2 = {tuple(m[:, 1])} are parallel: "
                "they do not form a basis of the plane"
            )
        return cls(m)

    @property
    def b1(self) -> NDArray[np.float64]:
        """The first basis vector (first column)."""
        return self.matrix[:, 0].copy()

    @property
    def b2(self) -> NDArray[np.float64]:
        """The second basis vector (second column)."""
        return self.matrix[:, 1].copy()

    def coordinates_of(self, x: ArrayLike) -> NDArray[np.float64]:
        """The coordinates ``c = B⁻¹ x`` of the point ``x`` in this basis, shape (2,)."""
        return np.asarray(np.linalg.solve(self.matrix, plane_vector(x, "point")), dtype=np.float64)

    def point_of(self, c: ArrayLike) -> NDArray[np.float64]:
        """The point ``B c = c₁ b₁ + c₂ b₂`` with coordinates ``c`` in this basis."""
        return self.matrix @ plane_vector(c, "coordinate vector")

    def walk(self, x: ArrayLike) -> NDArray[np.float64]:
        """Waypoints of the tip-to-tail walk to ``x``: ``0``, ``c₁ b₁``, ``c₁ b₁ + c₂ b₂``.

        Returns
        -------
        ndarray, shape (3, 2)
            Origin, end of the first leg (along ``b₁``), end of the second leg (``x``).
        """
        c = self.coordinates_of(x)
        first = c[0] * self.b1
        return np.array([np.zeros(2), first, first + c[1] * self.b2])


def coefficient_along(leg: ArrayLike, direction: ArrayLike, tol: float = 1e-6) -> float:
    """The scalar ``s`` with ``leg = s · direction``.

    Parameters
    ----------
    leg, direction
        2-D vectors; ``direction`` non-zero.
    tol
        How far (relative to ``|leg|``) ``leg`` may stray from the line of ``direction``.

    Raises
    ------
    ValueError
        If ``direction`` is zero or ``leg`` is not parallel to it.
    """
    u, d = plane_vector(leg, "leg"), plane_vector(direction, "direction")
    dd = float(d @ d)
    if dd == 0:
        raise ValueError("the direction is the zero vector")
    s = float(u @ d) / dd
    if np.linalg.norm(u - s * d) > tol * max(1.0, float(np.linalg.norm(u))):
        raise ValueError(f"leg {tuple(u)} is not parallel to {tuple(d)}")
    return s


def to_polar(x: ArrayLike) -> tuple[float, float]:
    """Polar coordinates ``(r, θ)`` of a point, with ``θ`` in radians in ``[0, 2π)``.

    The origin has ``r = 0`` and, by convention, ``θ = 0``.
    """
    px, py = plane_vector(x, "point")
    r = math.hypot(px, py)
    theta = math.atan2(py, px) % (2 * math.pi) if r > 0 else 0.0
    return r, theta


def from_polar(r: float, theta: float) -> NDArray[np.float64]:
    """The point ``(r cos θ, r sin θ)``; ``θ`` in radians, ``r ≥ 0``."""
    if r < 0:
        raise ValueError(f"a radius is never negative (r = {r})")
    return np.array([r * math.cos(theta), r * math.sin(theta)])
