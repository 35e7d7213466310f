"""Eigenvectors, power iteration and the singular value decomposition, as pure functions.

Chapter 4.6 asks which directions a matrix only stretches (eigenvectors) and how repeated
application finds the dominant one (power iteration); chapter 4.7 splits any 2×2 matrix into
rotate–scale–rotate (SVD) and truncates a rating matrix to low rank. Everything here is
numpy only, so it can be tested without a renderer.

Conventions
-----------
* Angles are in **degrees** unless a name says ``_rad``.
* An orthogonal 2×2 matrix ``Q`` is described as ``rotation(angle) @ diag(1, ±1)``: first an
  optional flip of the y axis, then a rotation (see :func:`orthogonal_parts`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "Array",
    "rotation",
    "angle_between_lines",
    "EigenPairs",
    "symmetric_eigen",
    "stretch",
    "off_span_angle",
    "rayleigh_quotient",
    "PowerIterationTrace",
    "power_iteration",
    "orthogonal_parts",
    "SVDFactors",
    "svd_stages",
    "ellipse_axes",
    "fit_centred_ellipse",
    "singular_values",
    "low_rank",
    "frobenius_error",
]

Array = NDArray[np.float64]

#: relative size under which a singular value or vector counts as zero
_EPS = 1e-12


# --- small helpers ----------------------------------------------------------------------------
def _square_2x2(matrix: ArrayLike) -> Array:
    m = np.asarray(matrix, dtype=float)
    if m.shape != (2, 2):
        raise ValueError(f"expected a 2x2 matrix, got shape {m.shape}")
    return m


def _nonzero_vector(v: ArrayLike, name: str = "v") -> Array:
    x = np.asarray(v, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"{name} must be a 1-D vector, got shape {x.shape}")
    if not np.any(x):
        raise ValueError(f"{name} is the zero vector: it has no span to stay on")
    return x


def rotation(angle: float) -> Array:
    """Counter-clockwise rotation by ``angle`` degrees, shape (2, 2)."""
    t = math.radians(angle)
    c, s = math.cos(t), math.sin(t)
    return np.array([[c, -s], [s, c]])


def angle_between_lines(u: ArrayLike, w: ArrayLike) -> float:
    """Angle in degrees, in [0, 90], between the lines spanned by ``u`` and ``w``.

    Lines have no orientation, so ``u`` and ``-u`` give the same answer. Computed as
    ``atan2(|u × w|, |u · w|)``, which stays accurate near 0° (unlike ``acos``).
    """
    a, b = _nonzero_vector(u, "u"), _nonzero_vector(w, "w")
    if a.shape != (2,) or b.shape != (2,):
        raise ValueError("angle_between_lines works on plane vectors")
    cross = a[0] * b[1] - a[1] * b[0]
    return math.degrees(math.atan2(abs(cross), abs(float(a @ b))))


# --- eigenvectors -----------------------------------------------------------------------------
@dataclass(frozen=True)
class EigenPairs:
    """Eigenvalues and unit eigenvectors of a symmetric 2×2 matrix.

    Attributes
    ----------
    values
        Eigenvalues, shape (2,), largest first.
    vectors
        Unit eigenvectors as *columns*, shape (2, 2); column ``i`` belongs to ``values[i]``.
        Sign convention: the first non-zero component of each column is positive, so the
        eigenvectors of ``[[2, 1], [1, 2]]`` are ``(1, 1)/√2`` and ``(1, -1)/√2``.
    """

    values: Array
    vectors: Array

    def vector(self, i: int) -> Array:
        """Unit eigenvector ``i`` (a copy), shape (2,)."""
        return self.vectors[:, i].copy()


def _positive_first(v: Array) -> Array:
    nonzero = v[np.abs(v) > _EPS * max(1.0, float(np.max(np.abs(v))))]
    return -v if len(nonzero) and nonzero[0] < 0 else v


def symmetric_eigen(matrix: ArrayLike) -> EigenPairs:
    """Eigen decomposition of a symmetric 2×2 matrix ``[[a, b], [b, d]]`` in closed form.

    ``λ = (a + d)/2 ± √(((a − d)/2)² + b²)``; the eigenvector for ``λ`` is ``(b, λ − a)``
    (or an axis when ``b = 0``).

    Raises
    ------
    ValueError
        If the matrix is not 2×2 or not symmetric.
    """
    m = _square_2x2(matrix)
    (a, b), (b2, d) = m
    if not math.isclose(b, b2, rel_tol=1e-12, abs_tol=1e-12):
        raise ValueError("symmetric_eigen needs a symmetric matrix (A[0,1] == A[1,0])")
    mean, radius = (a + d) / 2, math.hypot((a - d) / 2, b)
    values = np.array([mean + radius, mean - radius])
    if abs(b) <= _EPS * max(1.0, abs(a), abs(d)):
        first = np.array([1.0, 0.0]) if a >= d else np.array([0.0, 1.0])
    else:
        first = np.array([b, values[0] - a])
        first /= np.linalg.norm(first)
    second = np.array([-first[1], first[0]])  # symmetric: eigenvectors are orthogonal
    cols = [_positive_first(first), _positive_first(second)]
    return EigenPairs(values=values, vectors=np.column_stack(cols))


def stretch(matrix: ArrayLike, v: ArrayLike) -> float:
    """The stretch factor ``|A v| / |v|``."""
    x = _nonzero_vector(v)
    return float(np.linalg.norm(np.asarray(matrix, dtype=float) @ x) / np.linalg.norm(x))


def off_span_angle(matrix: ArrayLike, v: ArrayLike) -> float:
    """Angle in degrees, in [0, 90], by which ``A v`` leaves the line spanned by ``v``.

    Zero exactly when ``v`` is an eigenvector. A vector that ``A`` sends to zero stays on
    its span (it is an eigenvector for λ = 0), so that case returns 0.
    """
    x = _nonzero_vector(v)
    image = np.asarray(matrix, dtype=float) @ x
    if np.linalg.norm(image) <= _EPS * np.linalg.norm(x):
        return 0.0
    return angle_between_lines(x, image)


def rayleigh_quotient(matrix: ArrayLike, v: ArrayLike) -> float:
    """``vᵀ A v / vᵀ v``: equals λ when ``v`` is an eigenvector for λ."""
    x = _nonzero_vector(v)
    return float(x @ np.asarray(matrix, dtype=float) @ x / (x @ x))


@dataclass(frozen=True)
class PowerIterationTrace:
    """The iterates of power iteration.

    Attributes
    ----------
    vectors
        Unit iterates ``v_0 … v_steps``, shape (steps + 1, n); ``v_0`` is the start, normalised.
    images
        ``A v_k`` before normalising, shape (steps, n): row ``k`` becomes ``v_{k+1}``.
    rayleigh
        Rayleigh quotient of each iterate, shape (steps + 1,).
    """

    vectors: Array
    images: Array
    rayleigh: Array

    @property
    def steps(self) -> int:
        return len(self.images)


def power_iteration(matrix: ArrayLike, v0: ArrayLike, steps: int) -> PowerIterationTrace:
    """Apply ``A`` and normalise, ``steps`` times, starting from ``v0``.

    Converges to the eigenvector of the eigenvalue largest in magnitude when that one is
    unique and ``v0`` has a component along it; the error shrinks by ``|λ₂/λ₁|`` per step.

    Raises
    ------
    ValueError
        For a non-square matrix, a mismatched or zero ``v0``, negative ``steps``, or an
        iterate that ``A`` sends to zero.
    """
    m = np.asarray(matrix, dtype=float)
    if m.ndim != 2 or m.shape[0] != m.shape[1]:
        raise ValueError(f"power iteration needs a square matrix, got shape {m.shape}")
    v = _nonzero_vector(v0, "v0")
    if v.shape != (m.shape[0],):
        raise ValueError(f"v0 has {v.size} entries, the matrix needs {m.shape[0]}")
    if steps < 0:
        raise ValueError("steps must be >= 0")
    vectors, images = [v / np.linalg.norm(v)], []
    for _ in range(steps):
        image = m @ vectors[-1]
        size = np.linalg.norm(image)
        if size <= _EPS:
            raise ValueError("A sent an iterate to zero; power iteration cannot continue")
        images.append(image)
        vectors.append(image / size)
    rayleigh = np.array([rayleigh_quotient(m, x) for x in vectors])
    return PowerIterationTrace(
        np.array(vectors), np.array(images).reshape(steps, m.shape[0]), rayleigh
    )


# --- singular value decomposition --------------------------------------------------------------
def orthogonal_parts(q: ArrayLike) -> tuple[float, bool]:
    """Split an orthogonal 2×2 matrix into ``(angle, reflect)`` with
    ``q = rotation(angle) @ diag(1, -1 if reflect else 1)``; ``angle`` in (-180, 180].

    Raises
    ------
    ValueError
        If ``q`` is not orthogonal.
    """
    m = _square_2x2(q)
    if not np.allclose(m.T @ m, np.eye(2), atol=1e-9):
        raise ValueError("matrix is not orthogonal")
    reflect = bool(np.linalg.det(m) < 0)
    angle = math.degrees(math.atan2(m[1, 0], m[0, 0]))  # the first column is untouched by the flip
    return (180.0 if angle == -180.0 else angle + 0.0), reflect  # + 0.0: no "-0.0"


@dataclass(frozen=True)
class SVDFactors:
    """``A = U Σ Vᵀ`` for a 2×2 matrix, with signs chosen for drawing.

    Attributes
    ----------
    u, vt
        Orthogonal factors, shape (2, 2). Both are rotations whenever ``det A >= 0``; when
        ``det A < 0`` the unavoidable reflection is put into ``Vᵀ`` (the first move), and
        ``U`` stays a rotation. The rotation of ``Vᵀ`` is kept within (-90°, 90°].
    sigma
        Singular values, shape (2,), largest first.
    """

    u: Array
    sigma: Array
    vt: Array

    @property
    def matrix(self) -> Array:
        """The product ``U Σ Vᵀ``."""
        return self.u @ np.diag(self.sigma) @ self.vt

    @property
    def right_vectors(self) -> Array:
        """Right singular vectors ``v₁, v₂`` as columns of ``V``, shape (2, 2)."""
        return self.vt.T.copy()

    @property
    def left_vectors(self) -> Array:
        """Left singular vectors ``u₁, u₂`` as columns of ``U``, shape (2, 2)."""
        return self.u.copy()

    @property
    def vt_parts(self) -> tuple[float, bool]:
        """``(angle, reflect)`` of ``Vᵀ``: flip first (if any), then rotate by ``angle``°."""
        return orthogonal_parts(self.vt)

    @property
    def u_parts(self) -> tuple[float, bool]:
        """``(angle, reflect)`` of ``U``."""
        return orthogonal_parts(self.u)

    def stage_matrices(self) -> tuple[Array, Array, Array]:
        """The three moves in the order they act: ``(Vᵀ, Σ, U)``."""
        return self.vt.copy(), np.diag(self.sigma), self.u.copy()


def svd_stages(matrix: ArrayLike) -> SVDFactors:
    """The SVD of a 2×2 matrix as three drawable moves: rotate (``Vᵀ``), scale (``Σ``),
    rotate (``U``). See :class:`SVDFactors` for the sign convention.
    """
    a = _square_2x2(matrix)
    u, s, vt = np.linalg.svd(a)
    u, vt = u.copy(), vt.copy()
    scale = max(1.0, float(s[0]))
    if s[1] <= _EPS * scale:
        # rank ≤ 1: the second pair is free up to sign; make both factors rotations
        if np.linalg.det(u) < 0:
            u[:, 1] *= -1
        if np.linalg.det(vt) < 0:
            vt[1, :] *= -1
    elif np.linalg.det(u) < 0:
        # flipping u₂ and v₂ together leaves U Σ Vᵀ unchanged and moves the reflection
        # (if det A < 0 one must remain) from U into Vᵀ
        u[:, 1] *= -1
        vt[1, :] *= -1
    vt_angle, _ = orthogonal_parts(vt)
    if vt_angle > 90.0 or vt_angle <= -90.0:
        u, vt = -u, -vt  # both turn by 180°, the product is unchanged
    return SVDFactors(u=u, sigma=s.astype(float), vt=vt)


def ellipse_axes(matrix: ArrayLike) -> tuple[Array, Array]:
    """Semi-axes of the ellipse ``A · (unit circle)``: lengths (largest first) and unit
    directions as columns. From the eigen decomposition of ``A Aᵀ`` (no SVD).
    """
    a = _square_2x2(matrix)
    values, vectors = np.linalg.eigh(a @ a.T)
    order = np.argsort(values)[::-1]
    return np.sqrt(np.clip(values[order], 0.0, None)), vectors[:, order]


def fit_centred_ellipse(points: ArrayLike) -> tuple[Array, Array]:
    """Semi-axes of the origin-centred ellipse through ``points`` (least squares).

    Fits ``q₁₁x² + 2q₁₂xy + q₂₂y² = 1``; the semi-axes are ``1/√μ`` for the eigenvalues
    ``μ`` of ``Q``. Used to read an ellipse back from the points of a drawn curve.

    Returns
    -------
    lengths, directions
        Semi-axis lengths, largest first, shape (2,), and unit directions as columns.

    Raises
    ------
    ValueError
        With fewer than 3 distinct points or when no ellipse fits them.
    """
    p = np.asarray(points, dtype=float)
    if p.ndim != 2 or p.shape[1] != 2 or len(np.unique(np.round(p, 12), axis=0)) < 3:
        raise ValueError("need at least 3 distinct plane points")
    design = np.column_stack([p[:, 0] ** 2, 2 * p[:, 0] * p[:, 1], p[:, 1] ** 2])
    (q11, q12, q22), *_ = np.linalg.lstsq(design, np.ones(len(p)), rcond=None)
    values, vectors = np.linalg.eigh(np.array([[q11, q12], [q12, q22]]))
    if np.any(values <= 0):
        raise ValueError("the points do not lie on an origin-centred ellipse")
    order = np.argsort(values)  # smallest μ = longest axis
    return 1.0 / np.sqrt(values[order]), vectors[:, order]


# --- low-rank approximation -----------------------------------------------------------------------
def _matrix_and_rank(m: ArrayLike, k: int) -> Array:
    a = np.asarray(m, dtype=float)
    if a.ndim != 2:
        raise ValueError(f"expected a matrix, got shape {a.shape}")
    if not 0 <= k <= min(a.shape):
        raise ValueError(f"rank k must be in 0..{min(a.shape)}, got {k}")
    return a


def singular_values(m: ArrayLike) -> Array:
    """Singular values of any matrix, largest first."""
    return np.linalg.svd(np.asarray(m, dtype=float), compute_uv=False)


def low_rank(m: ArrayLike, k: int) -> Array:
    """The best rank-``k`` approximation ``Σ_{i≤k} σᵢ uᵢ vᵢᵀ`` (Eckart–Young).

    Raises
    ------
    ValueError
        If ``k`` is not in ``0 … min(m.shape)``.
    """
    a = _matrix_and_rank(m, k)
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    return np.asarray((u[:, :k] * s[:k]) @ vt[:k], dtype=np.float64)


def frobenius_error(m: ArrayLike, k: int) -> float:
    """``‖M − M_k‖_F`` of the rank-``k`` approximation, measured on the difference matrix.

    Equals ``√(σ_{k+1}² + … + σ_r²)``, the singular values that were dropped.
    """
    a = _matrix_and_rank(m, k)
    return float(np.sqrt(np.sum((a - low_rank(a, k)) ** 2)))
