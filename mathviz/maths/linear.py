"""Linear maps of the plane: where basis vectors, vectors and the unit square land."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "UNIT_SQUARE",
    "as_matrix",
    "polygon_area",
    "LinearMapModel",
    "shear",
    "rotation",
    "scaling",
]

UNIT_SQUARE = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])


def as_matrix(matrix: ArrayLike) -> NDArray[np.float64]:
    """A 2×2 float matrix; raises ``ValueError`` for any other shape."""
    m = np.asarray(matrix, dtype=float)
    if m.shape != (2, 2):
        raise ValueError(f"expected a 2x2 matrix, got shape {m.shape}")
    return m


def polygon_area(vertices: ArrayLike) -> float:
    """Signed area of a simple polygon (shoelace; positive when counter-clockwise)."""
    v = np.asarray(vertices, dtype=float)
    x, y = v[:, 0], v[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


@dataclass(frozen=True)
class LinearMapModel:
    """What a 2×2 matrix does to the plane.

    Attributes
    ----------
    matrix
        The map, shape (2, 2).
    """

    matrix: NDArray[np.float64]

    @classmethod
    def of(cls, matrix: ArrayLike) -> LinearMapModel:
        return cls(as_matrix(matrix))

    @property
    def i_hat(self) -> NDArray[np.float64]:
        """Where (1, 0) lands: the first column."""
        return self.matrix[:, 0].copy()

    @property
    def j_hat(self) -> NDArray[np.float64]:
        """Where (0, 1) lands: the second column."""
        return self.matrix[:, 1].copy()

    def apply(self, v: ArrayLike) -> NDArray[np.float64]:
        """The image ``A v`` of a vector, shape (2,)."""
        return self.matrix @ np.asarray(v, dtype=np.float64)

    @property
    def det(self) -> float:
        return float(np.linalg.det(self.matrix))

    def unit_square_image(self) -> NDArray[np.float64]:
        """Vertices of the image of the unit square, shape (4, 2), in order."""
        return UNIT_SQUARE @ self.matrix.T

    def then(self, other: LinearMapModel) -> LinearMapModel:
        """This map followed by ``other``: the product ``other.matrix @ self.matrix``."""
        return LinearMapModel(other.matrix @ self.matrix)

    def at(self, t: float) -> LinearMapModel:
        """The straight-line interpolation ``(1 − t) I + t A`` that the animation plays."""
        return LinearMapModel((1 - t) * np.eye(2) + t * self.matrix)


def shear(k: float) -> NDArray[np.float64]:
    """Horizontal shear by ``k``."""
    return np.array([[1.0, k], [0.0, 1.0]])


def rotation(theta: float) -> NDArray[np.float64]:
    """Counter-clockwise rotation by ``theta`` radians."""
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, -s], [s, c]])


def scaling(sx: float, sy: float) -> NDArray[np.float64]:
    """Axis-aligned scaling."""
    return np.diag([float(sx), float(sy)])
