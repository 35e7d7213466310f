"""Optimizer races on a contour map, norm-ball constraint regions and the ridge path.

* :class:`OptimizerRace` — several optimizers' iterates walking together on one
  :class:`~mathviz.primitives.descent.ContourMap`, each a coloured dot leaving a trail, with a
  shared step counter and per-optimizer readouts.
* :class:`ConstraintRegion` — the outline of a p-norm ball of a given radius on axes, plus the
  smallest loss contour that touches it and the touching point.
* :class:`RidgePath` — a dot sliding along ``w(λ) = (XᵀX + λI)⁻¹Xᵀy`` as λ grows, with
  readouts of λ and of the weights.

Animations are returned, never played; ``*_shown()`` methods read values back from the drawn
objects through their axes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from manim import (
    AnimationGroup,
    Axes,
    Create,
    Dot,
    FadeIn,
    GrowFromCenter,
    LineJointType,
    ManimColor,
    Mobject,
    Succession,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.descent import ContourLine, ScalarField
from mathviz.maths.optimizers import ridge_path
from mathviz.maths.vectors import unit_ball_boundary
from mathviz.primitives.descent import ContourMap
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import Printed, reads_screen

__all__ = ["OptimizerRace", "ConstraintRegion", "RidgePath"]


class OptimizerRace(VGroup):
    """Several optimizers' iterates advancing step by step together on ``axes``.

    Each optimizer is a dot and a trail: a polyline through the iterates the dot has passed
    whose last vertex *is* the dot, at every frame of a step (the trail never runs ahead of its
    dot, nor lags behind it).

    Parameters
    ----------
    axes
        The axes of the contour map the race runs on.
    paths
        ``{name: iterates}``, each of shape (steps + 1, 2); all with the same number of steps.
    colors
        ``{name: colour}`` for each path's dot and trail.
    step_readout
        A counter showing the index of the iterate the dots last reached (it steps, it never
        shows values in between).
    readouts
        ``{name: (readout, value_at)}``: a live number per optimizer that follows its dot,
        showing ``value_at(position)`` for the dot's position read back through the axes at
        every frame (the loss there, say).
    """

    def __init__(
        self,
        axes: Axes,
        paths: Mapping[str, ArrayLike],
        colors: Mapping[str, ManimColor],
        *,
        step_readout: Readout | None = None,
        readouts: Mapping[str, tuple[Readout, ScalarField]] | None = None,
        dot_radius: float = 0.09,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.paths = {name: np.asarray(p, dtype=float) for name, p in paths.items()}
        lengths = {len(p) for p in self.paths.values()}
        if len(lengths) != 1:
            raise ValueError("every optimizer needs the same number of iterates")
        self.steps = lengths.pop() - 1
        self.step_readout = step_readout
        self.readouts = dict(readouts or {})
        if step_readout is not None:
            step_readout.set(0)
        self.trails: dict[str, VMobject] = {}
        self.dots: dict[str, Dot] = {}
        for name, points in self.paths.items():
            start = axes.c2p(*points[0])
            # round joints: a zigzag's sharp turns do not grow mitred spikes past the iterates
            trail = VMobject(
                stroke_color=colors[name], stroke_width=3, joint_type=LineJointType.ROUND
            )
            trail.set_points_as_corners([start, start])
            dot = Dot(start, radius=dot_radius, color=colors[name])
            dot.set_stroke(theme.BACKGROUND, width=1.5)
            self.trails[name], self.dots[name] = trail, dot
            self.add(trail)
        self.add(*self.dots.values())
        self.colors = dict(colors)
        self.step_index = 0
        for name, (readout, value_at) in self.readouts.items():
            dot = self.dots[name]

            def value(
                dot: Dot = dot,
                value_at: ScalarField = value_at,
            ) -> float:
                return float(value_at(np.asarray(coords(self.axes, dot))))

            readout.follow(value)

    def _move(self, name: str, k: int) -> Animation:
        """Optimizer ``name``'s dot from iterate ``k − 1`` to ``k``, its trail's end riding on it."""
        dot, trail = self.dots[name], self.trails[name]
        passed = [self.axes.c2p(*p) for p in self.paths[name][:k]]
        a, b = passed[-1], self.axes.c2p(*self.paths[name][k])

        def update(_: Mobject, alpha: float) -> None:
            head = a + (b - a) * alpha
            dot.move_to(head)
            trail.set_points_as_corners([*passed, head])

        # the trail and the dot move in one animation: both are redrawn at every frame
        return UpdateFromAlphaFunc(VGroup(trail, dot), update)

    def _step(self, k: int, run_time: float) -> Animation:
        parts = [self._move(name, k) for name in self.paths]
        if self.step_readout is not None:
            parts.append(self.step_readout.step_to(k))
        return AnimationGroup(*parts, run_time=run_time)

    def advance(self, steps: int | None = None, seconds_per_step: float = 0.3) -> Animation:
        """Animation of the next ``steps`` iterates of every optimizer at once (all remaining
        by default)."""
        last = self.steps if steps is None else min(self.step_index + steps, self.steps)
        if last <= self.step_index:
            raise ValueError("the race is already over")
        moves = [self._step(k, seconds_per_step) for k in range(self.step_index + 1, last + 1)]
        self.step_index = last
        return Succession(*moves)

    @reads_screen("geometry")
    def positions_shown(self) -> dict[str, NDArray[np.float64]]:
        """Each optimizer's dot read back through the axes."""
        return {name: coords(self.axes, dot) for name, dot in self.dots.items()}

    @reads_screen("geometry")
    def trail_shown(self, name: str) -> NDArray[np.float64]:
        """The drawn trail's vertices through the axes: where it starts, each corner, and its
        end (a vertex repeated by a segment of zero length is listed once)."""
        trail = self.trails[name]
        corners = [*trail.get_start_anchors(), trail.get_end()]
        pts = [coords(self.axes, corners[0])]
        for corner in corners[1:]:
            q = coords(self.axes, corner)
            if np.linalg.norm(q - pts[-1]) > 1e-12:
                pts.append(q)
        return np.array(pts)

    @reads_screen("geometry")
    def trail_end_shown(self, name: str) -> NDArray[np.float64]:
        """Where optimizer ``name``'s drawn trail ends, through the axes."""
        return coords(self.axes, self.trails[name].get_end())

    @reads_screen("geometry")
    def segment_shown(self, name: str, k: int) -> NDArray[np.float64]:
        """Step ``k`` (1-based) of optimizer ``name`` as drawn: the trail's ``k``-th segment,
        end minus start, through the axes."""
        vertices = self.trail_shown(name)
        if not 1 <= k < len(vertices):
            raise IndexError(f"the trail of {name} has {len(vertices) - 1} drawn segment(s)")
        step: NDArray[np.float64] = np.asarray(vertices[k]) - np.asarray(vertices[k - 1])
        return step


class ConstraintRegion(VGroup):
    """The ball ``‖w‖_p ≤ radius`` on ``axes``, and the loss contour that first touches it.

    Parameters
    ----------
    axes
        Where to draw.
    p
        The norm (1 for the diamond, 2 for the disc).
    radius
        The budget.
    touching
        The level curve(s) of the loss through the touching point (from ``contour_lines``).
    touch_point
        The constrained optimum, where a dot is placed.
    """

    def __init__(
        self,
        axes: Axes,
        p: float,
        radius: float,
        *,
        touching: Sequence[ContourLine],
        touch_point: ArrayLike,
        color: ManimColor | None = None,
        n: int = 256,
    ) -> None:
        super().__init__()
        if radius <= 0:
            raise ValueError("radius must be positive")
        self.axes, self.p, self.radius = axes, float(p), float(radius)
        color = color or (theme.NORM_L1 if p == 1 else theme.NORM_L2)
        boundary = radius * unit_ball_boundary(p, n)
        self.outline = VMobject(
            stroke_color=color, stroke_width=4, fill_color=color, fill_opacity=0.18
        )
        self.outline.set_points_as_corners(
            [axes.c2p(x, y) for x, y in np.vstack([boundary, boundary[:1]])]
        )
        self.contour = ContourMap(axes, touching)
        self.contour.set_stroke(color=theme.ACCENT, width=4, opacity=1.0)
        self.dot = Dot(
            axes.c2p(*np.asarray(touch_point, dtype=float)), radius=0.1, color=theme.ACCENT
        )
        self.dot.set_stroke(theme.BACKGROUND, width=2)
        self.add(self.outline, self.contour, self.dot)

    def create(self, run_time: float = 1.5) -> Animation:
        """Draw the ball's outline."""
        return Create(self.outline, run_time=run_time)

    def touch(self, run_time: float = 1.5) -> Animation:
        """Draw the touching contour, then drop the dot on the touching point."""
        return Succession(
            self.contour.create(run_time=run_time * 0.7),
            GrowFromCenter(self.dot, run_time=run_time * 0.3),
        )

    @reads_screen("geometry")
    def touch_point_shown(self) -> NDArray[np.float64]:
        """The touching dot read back through the axes."""
        return coords(self.axes, self.dot)

    @reads_screen("geometry")
    def radius_shown(self) -> float:
        """The largest p-norm of the drawn outline's vertices, through the axes."""
        return float(np.max(self.radii_shown()))

    @reads_screen("geometry")
    def radii_shown(self) -> NDArray[np.float64]:
        """``(smallest, largest)`` p-norm of the drawn outline's vertices, through the axes:
        both equal the radius only when every vertex lies on the ball's boundary (a circle
        measured with p = 1, or a diamond with p = 2, spreads them apart)."""
        pts = coords(self.axes, self.outline.get_anchors())
        norms = np.sum(np.abs(pts) ** self.p, axis=1) ** (1 / self.p)
        return np.array([np.min(norms), np.max(norms)])


class RidgePath(VGroup):
    """A dot sliding along the ridge path ``w(λ) = (XᵀX + λI)⁻¹Xᵀy`` as λ grows.

    The trail is drawn behind the dot; ``lambda_readout`` and ``weight_readouts`` (w₁, w₂)
    follow it frame by frame. λ advances on a ``log(1 + λ)`` scale, so the early, fast part of
    the path is not rushed.
    """

    def __init__(
        self,
        axes: Axes,
        X: ArrayLike,
        y: ArrayLike,
        *,
        lambda_readout: Readout | None = None,
        weight_readouts: Sequence[Readout] = (),
        color: ManimColor = theme.PATH,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.X, self.y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        self.lam = 0.0
        self.lambda_readout = lambda_readout
        self.weight_readouts = list(weight_readouts)
        start = self.weights_at(0.0)
        self.trail = VMobject(stroke_color=color, stroke_width=4)
        self.trail.set_points_as_corners([axes.c2p(*start), axes.c2p(*start)])
        self.dot = Dot(axes.c2p(*start), radius=0.1, color=color)
        self.dot.set_stroke(theme.BACKGROUND, width=2)
        self.marks = VGroup()
        self.add(self.trail, self.marks, self.dot)
        self._trail_points = [start]
        self._set(0.0)

    def weights_at(self, lam: float) -> NDArray[np.float64]:
        """The ridge weights at ``lam`` (the model the drawing follows)."""
        weights: NDArray[np.float64] = ridge_path(self.X, self.y, [lam])[0]
        return weights

    def _set(self, lam: float) -> None:
        w = self.weights_at(lam)
        self.lam = lam
        self.dot.move_to(self.axes.c2p(*w))
        if self.lambda_readout is not None:
            self.lambda_readout.set(lam)
        for readout, value in zip(self.weight_readouts, w, strict=True):
            readout.set(float(value))

    def grow_to(self, lam: float, run_time: float = 3.0) -> Animation:
        """Animation of λ growing from its current value to ``lam``; the trail extends."""
        if lam < self.lam:
            raise ValueError("lambda only grows")
        lo, hi = np.log1p(self.lam), np.log1p(lam)
        base = list(self._trail_points)
        samples = np.expm1(np.linspace(lo, hi, 120))
        samples[-1] = lam
        path = ridge_path(self.X, self.y, samples)

        def update(_: Mobject, alpha: float) -> None:
            k = int(round(alpha * (len(samples) - 1)))
            current = float(samples[k])
            pts = base + list(path[: k + 1])
            self.trail.set_points_as_corners([self.axes.c2p(*q) for q in pts])
            self._set(current)

        self._trail_points = base + list(path)
        # the readouts live elsewhere (a panel): a no-op animation on each marks them as
        # moving, so the renderer redraws them every frame instead of freezing them
        readouts = [r for r in (self.lambda_readout, *self.weight_readouts) if r is not None]
        keep_fresh = [UpdateFromAlphaFunc(r, lambda _m, _a: None) for r in readouts]
        return AnimationGroup(UpdateFromAlphaFunc(self, update), *keep_fresh, run_time=run_time)

    def mark(
        self, label: VMobject | None = None, direction: ArrayLike = (0.0, 1.0, 0.0)
    ) -> Animation:
        """A small ring left at the dot's current place (and an optional label beside it)."""
        ring = Dot(self.dot.get_center(), radius=0.07, color=theme.TEXT)
        parts: list[Animation] = [FadeIn(ring)]
        self.marks.add(ring)
        if label is not None:
            label.next_to(ring, np.asarray(direction, dtype=float), buff=0.12)
            self.marks.add(label)
            parts.append(FadeIn(label))
        return AnimationGroup(*parts)

    @reads_screen("geometry")
    def weights_shown(self) -> NDArray[np.float64]:
        """The dot read back through the axes."""
        return coords(self.axes, self.dot)

    def lambda_shown(self) -> Printed:
        """The λ the readout shows, as typeset (a printed reading)."""
        if self.lambda_readout is None:
            raise ValueError("this path has no lambda readout")
        return self.lambda_readout.value
