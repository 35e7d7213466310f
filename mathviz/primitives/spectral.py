"""Eigen-directions, power iteration, SVD stages, heat maps and singular-value bars.

Every primitive here is built from a pure model in :mod:`mathviz.maths.spectral` (or plain
arrays), returns animations instead of playing them, and reads its values back from what is
drawn: arrow tips and curve points through the plane they live in, DecimalNumber values,
bar heights through their axes.

All animations over a primitive's own parts are grouped with ``group=self``, so playing them
while the primitive is in the scene keeps its layer (a panel drawn over it stays on top).
Bring a primitive in with its ``create()`` animation (or ``scene.add`` it first).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    UP,
    AnimationGroup,
    Arrow,
    Axes,
    Circle,
    Create,
    DashedLine,
    DashedVMobject,
    DecimalNumber,
    Dot,
    FadeIn,
    GrowArrow,
    GrowFromEdge,
    ManimColor,
    NumberPlane,
    ParametricFunction,
    Rectangle,
    Rotate,
    Succession,
    Transform,
    VGroup,
    Wait,
    interpolate_color,
)
from manim.animation.animation import Animation
from manim.animation.numbers import ChangeDecimalToValue
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.spectral import (
    PowerIterationTrace,
    SVDFactors,
    angle_between_lines,
    fit_centred_ellipse,
)
from mathviz.primitives.linear_map import CarryByMatrix
from mathviz.primitives.motion import built
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import printed_all, reads_screen

__all__ = [
    "PlaneLike",
    "plane_unit",
    "plane_arrow",
    "arrow_vector_shown",
    "EigenSpanDisplay",
    "PowerIterationTrail",
    "SVDStages",
    "MatrixHeatmap",
    "SingularValueBars",
]

PlaneLike = NumberPlane | Axes


# --- helpers --------------------------------------------------------------------------------------
def plane_unit(plane: PlaneLike) -> float:
    """Scene length of one plane unit; raises ``ValueError`` if x and y units differ
    (circles would not stay circles)."""
    origin = plane.c2p(0, 0)
    x_unit = float(np.linalg.norm(plane.c2p(1, 0) - origin))
    y_unit = float(np.linalg.norm(plane.c2p(0, 1) - origin))
    if not np.isclose(x_unit, y_unit, rtol=1e-9):
        raise ValueError("the plane needs equal x and y units")
    return x_unit


def plane_arrow(
    plane: PlaneLike,
    end: ArrayLike,
    color: ManimColor,
    *,
    start: ArrayLike = (0.0, 0.0),
    stroke_width: float = 6,
) -> Arrow:
    """An arrow from ``start`` to ``end`` given in plane coordinates."""
    return Arrow(
        plane.c2p(*np.asarray(start, dtype=float)),
        plane.c2p(*np.asarray(end, dtype=float)),
        buff=0,
        color=color,
        stroke_width=stroke_width,
        max_tip_length_to_length_ratio=0.2,
        max_stroke_width_to_length_ratio=8,
    )


@reads_screen("geometry")
def arrow_vector_shown(plane: PlaneLike, arrow: Arrow) -> np.ndarray:
    """Tip minus tail of a drawn arrow, in plane coordinates."""
    vector: np.ndarray = coords(plane, arrow.get_end()) - coords(plane, arrow.get_start())
    return vector


# --- 4.6: spans carried by a map -----------------------------------------------------------------
class EigenSpanDisplay(VGroup):
    """Vectors drawn with their span lines; a map carries the vectors but not the lines.

    The span line of ``v`` (all multiples of ``v``) stays where it is, so after a map ``A`` the
    viewer sees whether ``A v`` is still on it (``v`` is an eigenvector) or was knocked off.
    A faint ghost of each original vector stays behind to compare lengths against.

    Parameters
    ----------
    plane
        Coordinates to draw in (a fixed reference plane; it must not move).
    vectors
        The vectors, shape (n, 2), in plane coordinates.
    colors
        One colour per vector (arrow, span line and ghost).
    span_extent
        Half-length of each span line in plane units.
    """

    def __init__(
        self,
        plane: PlaneLike,
        vectors: ArrayLike,
        colors: Sequence[ManimColor],
        *,
        span_extent: float = 20.0,
        span_opacity: float = 0.6,
        ghost_opacity: float = 0.35,
    ) -> None:
        super().__init__()
        self.plane = plane
        self.base_vectors = np.asarray(vectors, dtype=float).reshape(-1, 2)
        if len(colors) != len(self.base_vectors):
            raise ValueError("one colour per vector is required")
        if np.any(np.linalg.norm(self.base_vectors, axis=1) == 0):
            raise ValueError("the zero vector has no span line")
        self.colors = list(colors)
        self.ghost_opacity = ghost_opacity
        self._matrix = np.eye(2)
        self.spans = VGroup()
        self.ghosts = VGroup()
        self.arrows = VGroup()
        for v, color in zip(self.base_vectors, self.colors, strict=True):
            unit = v / np.linalg.norm(v)
            line = DashedLine(
                plane.c2p(*(-span_extent * unit)),
                plane.c2p(*(span_extent * unit)),
                color=color,
                stroke_width=2.5,
                dash_length=0.14,
            )
            line.set_stroke(opacity=span_opacity)
            self.spans.add(line)
            self.ghosts.add(plane_arrow(plane, v, color))
            self.arrows.add(plane_arrow(plane, v, color))
        self.add(self.spans, self.ghosts, self.arrows)

    @property
    def matrix(self) -> np.ndarray:
        """The total map applied to the vectors so far."""
        return self._matrix.copy()

    def create(self, run_time: float = 2.0) -> Animation:
        """Draw the span lines, then grow the arrows (ghosts grow hidden under them)."""
        return AnimationGroup(
            AnimationGroup(*(Create(s) for s in self.spans), lag_ratio=0.15),
            AnimationGroup(*(GrowArrow(a) for a in (*self.ghosts, *self.arrows))),
            lag_ratio=0.5,
            run_time=run_time,
            group=self,
        )

    def apply(self, matrix: ArrayLike, run_time: float = 2.0) -> Animation:
        """Carry the arrows by ``matrix`` (composed after what was applied), by the same
        ``M(t)`` as a grid carried by it in the same play; the span lines stay, and the ghosts
        of the original vectors fade to a faint outline."""
        m = np.asarray(matrix, dtype=float)
        self._matrix = m @ self._matrix
        arrows = cast(list[Arrow], list(self.arrows))
        carry = CarryByMatrix(m, self.plane, arrows=arrows, group=self.arrows, run_time=run_time)
        fades = [
            built(ghost.animate(run_time=run_time).set_opacity(self.ghost_opacity))  # type: ignore[operator]  # manim types .animate as "builder | mobject"; it is the (callable) builder
            for ghost in self.ghosts
        ]
        return AnimationGroup(carry, *fades, run_time=run_time, group=self)

    # --- read back ------------------------------------------------------------------------
    def _index(self, which: int | Arrow) -> int:
        """Position of a vector, given by index or by its (carried) arrow."""
        if isinstance(which, Arrow):
            for i, arrow in enumerate(self.arrows):
                if arrow is which:
                    return i
            raise ValueError("that arrow is not one of this display's vectors")
        return int(which)

    @reads_screen("geometry")
    def tip_shown(self, which: int | Arrow) -> np.ndarray:
        """Tip of a carried arrow (by index or arrow), in plane coordinates."""
        return coords(self.plane, self.arrows[self._index(which)].get_end())

    @reads_screen("geometry")
    def span_direction_shown(self, which: int | Arrow) -> np.ndarray:
        """Unit direction of a vector's span line as drawn."""
        line = self.spans[self._index(which)]
        d = coords(self.plane, line.get_end()) - coords(self.plane, line.get_start())
        direction: np.ndarray = d / np.linalg.norm(d)
        return direction

    @reads_screen("geometry")
    def off_span_angle_shown(self, which: int | Arrow) -> float:
        """Angle in degrees between a drawn arrow and its drawn span line."""
        i = self._index(which)
        return angle_between_lines(
            arrow_vector_shown(self.plane, cast(Arrow, self.arrows[i])),
            self.span_direction_shown(i),
        )

    @reads_screen("geometry")
    def stretch_shown(self, which: int | Arrow) -> float:
        """Length of a drawn arrow over the length of its ghost (the original vector)."""
        i = self._index(which)
        carried = np.linalg.norm(arrow_vector_shown(self.plane, cast(Arrow, self.arrows[i])))
        original = np.linalg.norm(arrow_vector_shown(self.plane, cast(Arrow, self.ghosts[i])))
        return float(carried / original)


class PowerIterationTrail(VGroup):
    """Power iteration drawn: an arrow stretched by ``A`` then shrunk back to the unit
    circle, step after step, leaving a dot on the circle at every iterate.

    Parameters
    ----------
    plane
        Coordinates to draw in.
    trace
        The iterates (from :func:`mathviz.maths.spectral.power_iteration`, in 2-D).
    readouts
        Numbers stepped at each iterate, as ``(readout, value_per_iterate)``; each value
        list has ``trace.steps + 1`` entries. A readout jumps to the next value half way
        through the step's normalisation and never shows a value in between (a counter such
        as ``k``); a number describing the drawn arrow should rather
        :meth:`~mathviz.primitives.readout.Readout.follow` it (:meth:`angle_to_shown`).
    """

    def __init__(
        self,
        plane: PlaneLike,
        trace: PowerIterationTrace,
        *,
        readouts: Sequence[tuple[Readout, Sequence[float]]] = (),
        color: ManimColor = theme.PATH,
        circle_color: ManimColor = theme.MUTED,
    ) -> None:
        super().__init__()
        if trace.vectors.shape[1] != 2:
            raise ValueError("PowerIterationTrail draws plane iterates only")
        self.plane = plane
        self.trace = trace
        self.color = color
        self.readouts = list(readouts)
        for readout, values in self.readouts:
            if len(values) != trace.steps + 1:
                raise ValueError("one readout value per iterate is required")
            readout.set(values[0])
        self.circle = DashedVMobject(
            Circle(
                radius=plane_unit(plane), color=circle_color, stroke_width=2, num_components=64
            ).move_to(plane.c2p(0, 0)),
            num_dashes=60,
        )
        self.circle.set_stroke(opacity=0.7)
        self.marks = VGroup(
            *(Dot(plane.c2p(*v), radius=0.06, color=color).set_opacity(0.0) for v in trace.vectors)
        )
        self.marks[0].set_opacity(1.0)
        self.ghosts = VGroup(
            *(
                plane_arrow(plane, v, color, stroke_width=3).set_opacity(0.0)
                for v in trace.vectors[:-1]
            )
        )
        self.arrow = plane_arrow(plane, trace.vectors[0], color)
        self.step_index = 0
        self.add(self.circle, self.ghosts, self.marks, self.arrow)

    def create(self, run_time: float = 1.5) -> Animation:
        """Draw the unit circle, then grow the start vector."""
        return AnimationGroup(
            Create(self.circle),
            FadeIn(self.marks[0]),
            GrowArrow(self.arrow),
            lag_ratio=0.6,
            run_time=run_time,
            group=self,
        )

    def _step(self, k: int, seconds: float) -> Animation:
        """From iterate ``k − 1`` to ``k``: stretch by A, then normalise."""
        image = self.trace.images[k - 1]
        stretch = Transform(
            self.arrow, plane_arrow(self.plane, image, self.color), run_time=0.55 * seconds
        )
        parts: list[Animation] = [
            Transform(self.arrow, plane_arrow(self.plane, self.trace.vectors[k], self.color)),
            built(self.ghosts[k - 1].animate.set_opacity(0.25)),
            built(self.marks[k].animate.set_opacity(1.0)),
        ]
        parts += [readout.step_to(values[k]) for readout, values in self.readouts]
        normalise = AnimationGroup(*parts, run_time=0.45 * seconds, group=self)
        return Succession(stretch, normalise, group=self)

    def walk(self, steps: int | None = None, seconds_per_step: float = 1.2) -> Animation:
        """Animation of the next ``steps`` iterations (all remaining by default)."""
        last = self.trace.steps if steps is None else min(self.step_index + steps, self.trace.steps)
        moves = [self._step(k, seconds_per_step) for k in range(self.step_index + 1, last + 1)]
        self.step_index = last
        return Succession(*moves, group=self) if moves else Wait(0.1)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def vector_shown(self) -> np.ndarray:
        """The current iterate as drawn (arrow tip), in plane coordinates."""
        return arrow_vector_shown(self.plane, self.arrow)

    @reads_screen("count")
    def marks_shown(self) -> int:
        """How many iterates are marked on the circle (dots drawn at least half opaque)."""
        return int(sum(m.get_fill_opacity() >= 0.5 for m in self.marks))

    @reads_screen("geometry")
    def angle_to_shown(self, direction: ArrayLike) -> float:
        """Angle in degrees between the drawn iterate and the line along ``direction``."""
        return angle_between_lines(self.vector_shown(), direction)

    @reads_screen("geometry")
    def rayleigh_shown(self, matrix: ArrayLike) -> float:
        """``vᵀ A v / vᵀ v`` of the drawn iterate."""
        v = self.vector_shown()
        return float(v @ np.asarray(matrix, dtype=float) @ v / (v @ v))


# --- 4.7: rotate, scale, rotate ------------------------------------------------------------------
class SVDStages(VGroup):
    """The unit circle and two orthogonal arrows (the right singular vectors ``v₁, v₂``)
    carried through ``Vᵀ`` (rotate, with a flip first if it is a reflection), ``Σ`` (scale
    the axes) and ``U`` (rotate). Rotations are played as true rotations about the origin,
    so the circle stays a circle during them.

    Parameters
    ----------
    plane
        Coordinates to draw in; needs equal x and y units.
    factors
        The decomposition (from :func:`mathviz.maths.spectral.svd_stages`).
    """

    def __init__(
        self,
        plane: PlaneLike,
        factors: SVDFactors,
        *,
        curve_color: ManimColor = theme.NORM_L2,
        arrow_colors: tuple[ManimColor, ManimColor] = (theme.BASIS_I, theme.BASIS_J),
    ) -> None:
        super().__init__()
        self.plane = plane
        self.factors = factors
        self.arrow_colors = arrow_colors
        self.origin = plane.c2p(0, 0)
        self.curve = Circle(
            radius=plane_unit(plane), color=curve_color, stroke_width=5, num_components=65
        ).move_to(self.origin)
        self.curve.set_fill(curve_color, opacity=0.12)
        self._matrix = np.eye(2)
        v = factors.right_vectors
        self.arrows = VGroup(*(plane_arrow(plane, v[:, i], c) for i, c in enumerate(arrow_colors)))
        self.add(self.curve, self.arrows)
        #: the unit circle's anchors as first drawn (plane coordinates), to read later maps
        self._circle_anchors = coords(plane, self.curve.get_anchors())

    @property
    def matrix(self) -> np.ndarray:
        """The product of the stages played so far."""
        return self._matrix.copy()

    def create(self, run_time: float = 1.5) -> Animation:
        """Draw the circle, then grow the two arrows."""
        return AnimationGroup(
            Create(self.curve),
            *(GrowArrow(cast(Arrow, a)) for a in self.arrows),
            lag_ratio=0.5,
            run_time=run_time,
            group=self,
        )

    def _linear(self, matrix: np.ndarray, run_time: float) -> Animation:
        """Curve and arrows carried by the same ``M(t)`` at every moment."""
        self._matrix = matrix @ self._matrix
        return CarryByMatrix(
            matrix,
            self.plane,
            shapes=[self.curve],
            arrows=cast(list[Arrow], list(self.arrows)),
            group=self,
            run_time=run_time,
        )

    def _orthogonal(self, angle: float, reflect: bool, run_time: float) -> Animation:
        moves: list[Animation] = []
        if reflect:
            moves.append(self._linear(np.diag([1.0, -1.0]), run_time * 0.4))
        radians = np.radians(angle)
        c, s = np.cos(radians), np.sin(radians)
        self._matrix = np.array([[c, -s], [s, c]]) @ self._matrix
        turn = AnimationGroup(
            *(Rotate(m, radians, about_point=self.origin) for m in (self.curve, *self.arrows)),
            run_time=run_time * (0.6 if reflect else 1.0),
            group=self,
        )
        if not moves:
            return turn
        return Succession(*moves, turn, group=self)

    def rotate_vt(self, run_time: float = 2.0) -> Animation:
        """Stage 1, ``Vᵀ``: turns ``v₁, v₂`` onto the x and y axes."""
        return self._orthogonal(*self.factors.vt_parts, run_time)

    def scale_sigma(self, run_time: float = 2.0) -> Animation:
        """Stage 2, ``Σ``: stretches x by ``σ₁`` and y by ``σ₂``; the circle becomes an ellipse."""
        return self._linear(np.diag(self.factors.sigma), run_time)

    def scale_sigma_axis(self, index: int, run_time: float = 2.0) -> Animation:
        """One half of stage 2: stretch axis ``index`` (0 = x, 1 = y) by ``σ_{index+1}``
        alone. Playing ``scale_sigma_axis(0)`` then ``scale_sigma_axis(1)`` is ``Σ``."""
        factors = np.ones(2)
        factors[index] = self.factors.sigma[index]
        return self._linear(np.diag(factors), run_time)

    def rotate_u(self, run_time: float = 2.0) -> Animation:
        """Stage 3, ``U``: turns the ellipse into place; the result is ``A`` applied to the circle."""
        return self._orthogonal(*self.factors.u_parts, run_time)

    def stages(self, run_time: float = 2.0) -> tuple[Animation, Animation, Animation]:
        """The three stage animations ``(Vᵀ, Σ, U)``, to be played in this order."""
        return self.rotate_vt(run_time), self.scale_sigma(run_time), self.rotate_u(run_time)

    def image_outline(self, matrix: ArrayLike, color: ManimColor = theme.TEXT) -> DashedVMobject:
        """A dashed outline of ``matrix`` applied to the unit circle, drawn directly from
        ``t ↦ A (cos t, sin t)`` (not through the stages): the target the stages must hit."""
        a = np.asarray(matrix, dtype=float)
        curve = ParametricFunction(
            lambda t: self.plane.c2p(*(a @ [np.cos(t), np.sin(t)])),
            t_range=(0, 2 * np.pi, 2 * np.pi / 128),
            color=color,
            stroke_width=2.5,
        )
        return DashedVMobject(curve, num_dashes=70)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def curve_points_shown(self) -> np.ndarray:
        """The drawn curve's anchor points in plane coordinates, shape (n, 2)."""
        return coords(self.plane, self.curve.get_anchors())

    @reads_screen("geometry")
    def curve_map_shown(self) -> np.ndarray:
        """The 2×2 map that carries the unit circle as first drawn onto the curve as drawn
        now (least squares over their anchors; exact while the curve is a linear image)."""
        now = coords(self.plane, self.curve.get_anchors())
        solution, *_ = np.linalg.lstsq(self._circle_anchors, now, rcond=None)
        carried: np.ndarray = solution.T
        return carried

    @reads_screen("geometry")
    def curve_image_shown(self, v: ArrayLike) -> np.ndarray:
        """Where the drawn curve's current map puts the plane vector ``v`` (a point of the
        unit circle lands on the curve)."""
        image: np.ndarray = np.asarray(self.curve_map_shown()) @ np.asarray(v, dtype=float)
        return image

    @reads_screen("geometry")
    def semi_axes_shown(self) -> np.ndarray:
        """Semi-axis lengths (largest first) of the ellipse through the drawn curve's points."""
        lengths, _ = fit_centred_ellipse(self.curve_points_shown())
        return lengths

    @reads_screen("geometry")
    def major_axis_angle_shown(self) -> float:
        """Direction of the drawn ellipse's major axis, degrees in (-90, 90]."""
        _, directions = fit_centred_ellipse(self.curve_points_shown())
        x, y = directions[:, 0]
        angle = float(np.degrees(np.arctan2(y, x)))
        return angle - 180.0 if angle > 90 else angle + 180.0 if angle <= -90 else angle

    @reads_screen("geometry")
    def tips_shown(self) -> np.ndarray:
        """Tips of the two arrows in plane coordinates, shape (2, 2) (one row per arrow)."""
        return np.array([coords(self.plane, a.get_end()) for a in self.arrows])

    @reads_screen("geometry")
    def arrow_angle_shown(self, index: int) -> float:
        """Direction of drawn arrow ``index`` in degrees, in (-180, 180]."""
        x, y = arrow_vector_shown(self.plane, cast(Arrow, self.arrows[index]))
        return float(np.degrees(np.arctan2(y, x)))


# --- a matrix as coloured cells ------------------------------------------------------------------
class MatrixHeatmap(VGroup):
    """A matrix as a grid of cells coloured by value, each showing its number.

    Parameters
    ----------
    values
        The matrix, shape (rows, cols).
    row_labels, col_labels
        Names written left of each row and above each column (optional).
    row_colors
        Colour of each row label (e.g. ``theme.USER_COLORS``); defaults to ``theme.TEXT``.
    value_range
        Values mapped onto the colour ramp ``low_color → high_color`` (clipped outside);
        with ``mid_color`` the ramp passes through it at the middle of the range, so middling
        values stay quiet and only the extremes glow.
    decimals
        Decimal places shown in each cell.
    fill_opacity
        Opacity of the cell colours; at 0.45 the light numbers keep a contrast of at least
        4.5:1 on the brightest cells.
    """

    def __init__(
        self,
        values: ArrayLike,
        *,
        row_labels: Sequence[str] = (),
        col_labels: Sequence[str] = (),
        row_colors: Sequence[ManimColor] | None = None,
        value_range: tuple[float, float] = (1.0, 5.0),
        decimals: int = 1,
        cell_width: float = 1.1,
        cell_height: float = 0.6,
        font_size: int = 26,
        low_color: ManimColor = theme.BAD,
        high_color: ManimColor = theme.GOOD,
        mid_color: ManimColor | None = None,
        fill_opacity: float = 0.45,
    ) -> None:
        super().__init__()
        self.values = np.asarray(values, dtype=float)
        if self.values.ndim != 2:
            raise ValueError("MatrixHeatmap needs a 2-D matrix")
        rows, cols = self.values.shape
        if row_labels and len(row_labels) != rows or col_labels and len(col_labels) != cols:
            raise ValueError("one label per row and per column is required")
        self.value_range = value_range
        self.low_color, self.mid_color, self.high_color = low_color, mid_color, high_color
        self.fill_opacity = fill_opacity
        self.cells = VGroup()
        self.numbers = VGroup()
        for i in range(rows):
            for j in range(cols):
                cell = Rectangle(
                    width=cell_width,
                    height=cell_height,
                    stroke_color=theme.BACKGROUND,
                    stroke_width=3,
                )
                cell.move_to(np.array([j * cell_width, -i * cell_height, 0.0]))
                cell.set_fill(self.color_of(self.values[i, j]), opacity=fill_opacity)
                number = DecimalNumber(
                    self.values[i, j],
                    num_decimal_places=decimals,
                    font_size=font_size,
                    color=theme.TEXT,
                    edge_to_fix=ORIGIN,
                )
                number.move_to(cell)
                self.cells.add(cell)
                self.numbers.add(number)
        self.row_labels = VGroup()
        for i, name in enumerate(row_labels):
            color = theme.TEXT if row_colors is None else row_colors[i]
            label = theme.text(name, size=font_size - 2, color=color)
            label.next_to(self.cells[i * cols], LEFT, buff=0.2)
            self.row_labels.add(label)
        self.col_labels = VGroup()
        for j, name in enumerate(col_labels):
            label = theme.text(name, size=font_size - 2, color=theme.MUTED)
            label.next_to(self.cells[j], UP, buff=0.15)
            self.col_labels.add(label)
        if len(self.col_labels):  # one baseline for all column names
            top = max(lab.get_bottom()[1] for lab in self.col_labels)
            for lab in self.col_labels:
                lab.shift(UP * (top - lab.get_bottom()[1]))
        self.add(self.cells, self.numbers, self.row_labels, self.col_labels)

    @property
    def shape(self) -> tuple[int, int]:
        return self.values.shape

    def color_of(self, value: float) -> ManimColor:
        """The cell colour for ``value`` on the ramp."""
        low, high = self.value_range
        t = float(np.clip((value - low) / (high - low), 0.0, 1.0))
        if self.mid_color is None:
            return interpolate_color(self.low_color, self.high_color, t)
        if t < 0.5:
            return interpolate_color(self.low_color, self.mid_color, 2 * t)
        return interpolate_color(self.mid_color, self.high_color, 2 * t - 1)

    def create(self, run_time: float = 2.0) -> Animation:
        """Labels first, then the cells row by row with their numbers."""
        return AnimationGroup(
            FadeIn(self.row_labels),
            FadeIn(self.col_labels),
            AnimationGroup(
                *(FadeIn(VGroup(c, n)) for c, n in zip(self.cells, self.numbers, strict=True)),
                lag_ratio=0.02,
            ),
            lag_ratio=0.3,
            run_time=run_time,
            group=self,
        )

    def morph_to(self, new_values: ArrayLike, run_time: float = 1.5) -> Animation:
        """Count every number to its new value and recolour its cell."""
        target = np.asarray(new_values, dtype=float)
        if target.shape != self.values.shape:
            raise ValueError(f"expected shape {self.values.shape}, got {target.shape}")
        self.values = target
        moves: list[Animation] = []
        for cell, number, value in zip(self.cells, self.numbers, target.ravel(), strict=True):
            digits = cast(DecimalNumber, number)
            moves.append(ChangeDecimalToValue(digits, float(value)))  # type: ignore[arg-type]  # manim types the target as int; it counts to any float
            moves.append(
                built(cell.animate.set_fill(self.color_of(value), opacity=self.fill_opacity))
            )
        return AnimationGroup(*moves, run_time=run_time, group=self)

    def highlight_row(self, index: int, color: ManimColor = theme.ACCENT) -> Rectangle:
        """A frame around row ``index`` (returned, not added)."""
        cols = self.values.shape[1]
        row = VGroup(*self.cells[index * cols : (index + 1) * cols])
        return Rectangle(
            width=row.width + 0.08, height=row.height + 0.08, stroke_color=color, stroke_width=4
        ).move_to(row)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("printed")
    def values_shown(self) -> np.ndarray:
        """The numbers the cells show as typeset, shape (rows, cols)."""
        return printed_all(self.numbers).reshape(self.values.shape)


# --- singular values as bars ---------------------------------------------------------------------
class SingularValueBars(VGroup):
    """A bar chart of singular values ``σ₁ ≥ σ₂ ≥ …`` with their values on top; bars past a
    chosen rank can be dimmed.

    Parameters
    ----------
    values
        The bar heights (singular values), largest first.
    y_max
        Top of the value axis (default: the largest value, rounded up).
    """

    def __init__(
        self,
        values: ArrayLike,
        *,
        y_max: float | None = None,
        width: float = 4.6,
        height: float = 3.4,
        color: ManimColor = theme.ACCENT,
        decimals: int = 1,
        font_size: int = 26,
        dim_opacity: float = 0.18,
    ) -> None:
        super().__init__()
        self.heights = np.asarray(values, dtype=float)
        n = len(self.heights)
        top = float(np.ceil(self.heights.max())) if y_max is None else float(y_max)
        self.axes = Axes(
            x_range=(0, n, 1),
            y_range=(0, top, top),
            x_length=width,
            y_length=height,
            tips=False,
            axis_config={"color": theme.MUTED, "stroke_width": 2, "include_ticks": False},
        )
        self.color = color
        self.dim_opacity = dim_opacity
        self.bars = VGroup()
        self.labels = VGroup()
        self.names = VGroup()
        bar_width = 0.6 * width / n
        for i, h in enumerate(self.heights):
            base = self.axes.c2p(i + 0.5, 0)
            tip = self.axes.c2p(i + 0.5, h)
            bar = Rectangle(
                width=bar_width,
                height=max(tip[1] - base[1], 1e-4),
                stroke_width=0,
                fill_color=color,
                fill_opacity=0.85,
            )
            bar.move_to(base, aligned_edge=DOWN)
            label = DecimalNumber(
                h, num_decimal_places=decimals, font_size=font_size, color=theme.TEXT
            )
            label.next_to(bar, UP, buff=0.12)
            name = theme.tex(rf"\sigma_{{{i + 1}}}", size=font_size + 4, color=theme.MUTED)
            name.next_to(base, DOWN, buff=0.18)
            self.bars.add(bar)
            self.labels.add(label)
            self.names.add(name)
        self.add(self.axes, self.bars, self.labels, self.names)

    def create(self, run_time: float = 2.0) -> Animation:
        """Draw the axes and names, grow the bars, then write their values."""
        return AnimationGroup(
            Create(self.axes),
            FadeIn(self.names),
            AnimationGroup(*(GrowFromEdge(b, DOWN) for b in self.bars), lag_ratio=0.15),
            FadeIn(self.labels),
            lag_ratio=0.4,
            run_time=run_time,
            group=self,
        )

    def keep(self, k: int, run_time: float = 1.0) -> Animation:
        """Bars ``1 … k`` bright, the dropped ones ``k+1 …`` dimmed."""
        if not 0 <= k <= len(self.bars):
            raise ValueError(f"k must be in 0..{len(self.bars)}")
        moves: list[Animation] = []
        for i, (bar, label) in enumerate(zip(self.bars, self.labels, strict=True)):
            kept = i < k
            moves.append(built(bar.animate.set_fill(opacity=0.85 if kept else self.dim_opacity)))
            # dropped values stay readable (contrast ≥ 4.5:1 on the background)
            moves.append(built(label.animate.set_opacity(1.0 if kept else 0.55)))
        return AnimationGroup(*moves, run_time=run_time, group=self)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def heights_shown(self) -> np.ndarray:
        """Every bar's height read through the axes (top edge minus bottom edge)."""
        return np.array(
            [self.axes.p2c(b.get_top())[1] - self.axes.p2c(b.get_bottom())[1] for b in self.bars]
        )

    @reads_screen("printed")
    def values_shown(self) -> np.ndarray:
        """The numbers written on the bars, as typeset."""
        return printed_all(self.labels)

    @reads_screen("geometry")
    def kept_shown(self) -> int:
        """How many bars are drawn bright (not dimmed)."""
        return int(sum(b.get_fill_opacity() > (0.85 + self.dim_opacity) / 2 for b in self.bars))
