"""Training-loop pictures: learning rates racing down a parabola, critical points and their
Hessians, a learning-rate schedule with a running dot, and gradient clipping.

Built from the pure models in :mod:`mathviz.maths.schedules` and :mod:`mathviz.maths.descent`.
Methods return animations (never play them); ``*_shown()`` methods read the values back from
the drawn objects through their axes or from the DecimalNumbers on screen. Animations over a
primitive's own parts pass ``group=self`` so the primitive keeps its layer in the scene.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    NumberPlane,
    Text,
    UpdateFromAlphaFunc,
    VGroup,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.descent import ScalarField, contour_lines
from mathviz.maths.schedules import WarmupCosine, classify_critical_point, parabola_descent
from mathviz.primitives.descent import ContourMap, GradientDescentPath
from mathviz.primitives.readout import Readout, coords
from mathviz.primitives.spectral import plane_arrow, plane_unit
from mathviz.readings import printed_all, reads_screen

__all__ = [
    "AXIS_CONFIG",
    "LearningRateRace",
    "CriticalPointGallery",
    "SchedulePlot",
    "ClipDisplay",
]

AXIS_CONFIG = {"color": theme.MUTED, "include_numbers": True, "font_size": 22}


# --- 6.4: one loss, several learning rates ---------------------------------------------------------
class LearningRateRace(VGroup):
    """Small copies of the parabola ``f = x²`` side by side, one ball per learning rate.

    Every lane is a :class:`GradientDescentPath` on its own axes with a step counter ``k`` and
    an ``|x|`` readout under it; the ``|x|`` readout follows its ball (read back through the
    lane's axes at every frame). :meth:`step` moves all balls one update at a time (play it in
    a loop: each step's trail segment is created when it is drawn).

    Parameters
    ----------
    start
        ``x₀`` shared by every lane.
    learning_rates
        One lane per learning rate, left to right.
    steps
        Updates each lane can take.
    titles, colors
        Caption and trail colour per lane.
    decimals
        Decimals of the ``|x|`` readouts, one for all lanes or one per lane (a lane that
        converges needs more to keep its last values visible).
    """

    def __init__(
        self,
        start: float,
        learning_rates: Sequence[float],
        steps: int,
        *,
        titles: Sequence[str],
        colors: Sequence[ManimColor],
        x_max: float = 3.2,
        y_max: float = 10.0,
        lane_width: float = 3.7,
        lane_height: float = 2.9,
        size: int = 28,
        decimals: int | Sequence[int] = 3,
    ) -> None:
        super().__init__()
        if not (len(learning_rates) == len(titles) == len(colors)):
            raise ValueError("one title and one colour per learning rate")
        places = [decimals] * len(learning_rates) if isinstance(decimals, int) else list(decimals)
        if len(places) != len(learning_rates):
            raise ValueError("one number of decimals per learning rate")
        self.learning_rates = [float(lr) for lr in learning_rates]
        self.axes: list[Axes] = []
        self.paths: list[GradientDescentPath] = []
        self.step_readouts: list[Readout] = []
        self.abs_readouts: list[Readout] = []
        self.lanes = VGroup()
        for lr, title, color, lane_decimals in zip(
            self.learning_rates, titles, colors, places, strict=True
        ):
            axes = Axes(
                x_range=(-x_max, x_max, 1),
                y_range=(0, y_max, 5),
                x_length=lane_width,
                y_length=lane_height,
                axis_config=dict(AXIS_CONFIG, font_size=20),
                tips=False,
            )
            reach = min(x_max, float(np.sqrt(y_max)))
            curve = axes.plot(
                lambda x: x * x, x_range=(-reach, reach), color=theme.CURVE, stroke_width=3
            )
            trace = parabola_descent(start, lr, steps)
            xs = trace.points[:, 0]
            k_read = Readout("k", 0, decimals=0, size=size, color=color)
            abs_read = Readout(r"|x|", abs(start), decimals=lane_decimals, size=size, color=color)
            path = GradientDescentPath(
                axes,
                trace,
                display_points=np.column_stack([xs, xs**2]),
                readouts=[(k_read, list(range(steps + 1)))],
                color=color,
            )
            # |x| is the ball's distance from the minimum as drawn, at every frame: a ball that
            # jumps across the bottom passes through 0 on its way

            def distance(path: GradientDescentPath = path) -> float:
                return abs(float(path.position_of_dot()[0]))

            abs_read.follow(distance)
            caption = theme.text(title, size=min(size, 30), color=color)
            caption.next_to(axes, UP, buff=0.25)
            readouts = VGroup(k_read, abs_read).arrange(RIGHT, buff=0.5)
            readouts.next_to(axes, DOWN, buff=0.45)
            lane = VGroup(caption, axes, curve, path, readouts)
            self.lanes.add(lane)
            self.axes.append(axes)
            self.paths.append(path)
            self.step_readouts.append(k_read)
            self.abs_readouts.append(abs_read)
        self.lanes.arrange(RIGHT, buff=0.55, aligned_edge=UP)
        self.add(self.lanes)

    def create(self, run_time: float = 1.5) -> Animation:
        return AnimationGroup(
            *(FadeIn(lane) for lane in self.lanes), lag_ratio=0.2, run_time=run_time, group=self
        )

    def step(self, seconds: float = 0.6) -> Animation:
        """Every ball takes its next update at the same time (the ``|x|`` readouts, part of
        the race, keep following their balls while it plays)."""
        return AnimationGroup(
            *(p.walk(1, seconds_per_step=seconds) for p in self.paths),
            group=self,
            suspend_mobject_updating=False,
        )

    @property
    def step_index(self) -> int:
        return self.paths[0].step_index

    @reads_screen("geometry")
    def positions_shown(self) -> np.ndarray:
        """Each ball's x, read back through its lane's axes."""
        return np.array([p.position_of_dot()[0] for p in self.paths])

    @reads_screen("geometry")
    def heights_shown(self) -> np.ndarray:
        """Each ball's height f(x), read back through its lane's axes."""
        return np.array([p.position_of_dot()[1] for p in self.paths])

    @reads_screen("printed")
    def steps_shown(self) -> np.ndarray:
        """The step counters as printed."""
        return printed_all(self.step_readouts)

    @reads_screen("printed")
    def abs_x_shown(self) -> np.ndarray:
        """The ``|x|`` readouts as printed."""
        return printed_all(self.abs_readouts)


# --- 6.4: minimum, maximum, saddle --------------------------------------------------------------
class CriticalPointGallery(VGroup):
    """Contour maps of quadratic surfaces side by side, each with its Hessian, the eigenvalues
    as readouts and the eigen-directions drawn through the critical point: green where the
    surface curves up (λ > 0), red where it curves down (λ < 0).

    Parameters
    ----------
    surfaces
        ``(formula_tex, f, hessian, levels)`` per panel; ``hessian`` is the constant Hessian
        of ``f`` at the origin.
    """

    def __init__(
        self,
        surfaces: Sequence[tuple[str, ScalarField, ArrayLike, Sequence[float]]],
        *,
        extent: float = 2.0,
        side: float = 3.0,
        size: int = 28,
    ) -> None:
        super().__init__()
        self.axes: list[Axes] = []
        self.maps: list[ContourMap] = []
        self.directions: list[VGroup] = []
        self.eigen_readouts: list[list[Readout]] = []
        self.hessians: list[MathTex] = []
        self.verdicts: list[Text] = []
        self.panels = VGroup()
        for formula, f, hessian, levels in surfaces:
            h = np.asarray(hessian, dtype=float)
            axes = Axes(
                x_range=(-extent, extent, 1),
                y_range=(-extent, extent, 1),
                x_length=side,
                y_length=side,
                axis_config={"color": theme.MUTED, "stroke_opacity": 0.6},
                tips=False,
            )
            cmap = ContourMap(
                axes, contour_lines(f, levels, (-extent, extent), (-extent, extent), resolution=241)
            )
            eigenvalues, eigenvectors = np.linalg.eigh(h)
            lines = VGroup()
            readouts: list[Readout] = []
            for k in range(len(eigenvalues)):
                lam, vec = eigenvalues[k], eigenvectors[:, k]
                color = theme.GOOD if lam > 0 else theme.BAD
                reach = 0.9 * extent * vec / np.linalg.norm(vec)
                lines.add(Line(axes.c2p(*(-reach)), axes.c2p(*reach), color=color, stroke_width=5))
                readouts.append(
                    Readout(rf"\lambda_{k + 1}", float(lam), decimals=0, size=size, color=color)
                )
            caption = theme.tex(formula, size=size + 4)
            caption.next_to(axes, UP, buff=0.25)
            hess = theme.tex(
                rf"H=\begin{{bmatrix}}{h[0, 0]:g} & {h[0, 1]:g}\\ {h[1, 0]:g} & "
                rf"{h[1, 1]:g}\end{{bmatrix}}",
                size=size,
            )
            hess.next_to(axes, DOWN, buff=0.3)
            eig_row = VGroup(*readouts).arrange(RIGHT, buff=0.45)
            eig_row.next_to(hess, DOWN, buff=0.3)
            verdict = theme.text(classify_critical_point(h).kind, size=size + 2, color=theme.ACCENT)
            verdict.next_to(eig_row, DOWN, buff=0.3)
            self.verdicts.append(verdict)
            self.panels.add(VGroup(caption, axes, cmap, lines, hess, eig_row, verdict))
            self.axes.append(axes)
            self.maps.append(cmap)
            self.directions.append(lines)
            self.eigen_readouts.append(readouts)
            self.hessians.append(hess)
        self.panels.arrange(RIGHT, buff=0.9, aligned_edge=UP)
        self.add(self.panels)

    def _panels(self) -> list[VGroup]:
        """The panels, each the VGroup built for one surface in ``__init__``."""
        return cast(list[VGroup], list(self.panels))

    def create(self, run_time: float = 2.0) -> Animation:
        """Axes, captions and contour maps (the Hessian parts come with :meth:`reveal_hessians`)."""
        parts = [
            AnimationGroup(FadeIn(VGroup(p[0], p[1])), m.create(run_time=run_time))
            for p, m in zip(self._panels(), self.maps, strict=True)
        ]
        for p in self.panels:
            for extra in p[3:]:
                extra.set_opacity(0)
        return AnimationGroup(*parts, lag_ratio=0.25, run_time=run_time, group=self)

    def reveal_hessians(self, run_time: float = 2.0) -> Animation:
        """Eigen-directions grow through the critical points; Hessians and eigenvalues appear."""
        anims = []
        for p in self.panels:
            lines, hess, eig_row = p[3], p[4], p[5]
            for mob in (hess, eig_row):
                mob.set_opacity(1)  # FadeIn fades in from the opacity a mobject has
            anims.append(
                AnimationGroup(
                    *(Create(line.set_opacity(1)) for line in lines), FadeIn(hess), FadeIn(eig_row)
                )
            )
        return AnimationGroup(*anims, lag_ratio=0.3, run_time=run_time, group=self)

    def reveal_verdicts(self, run_time: float = 1.2) -> Animation:
        """Each panel's verdict (minimum, maximum, saddle) appears under its eigenvalues."""
        anims = []
        for verdict in self.verdicts:
            verdict.set_opacity(1)
            anims.append(FadeIn(verdict, shift=0.15 * UP))
        return AnimationGroup(*anims, lag_ratio=0.3, run_time=run_time, group=self)

    def verdicts_shown(self) -> list[str]:
        """The verdict texts as typeset."""
        return [v.original_text for v in self.verdicts]

    #: the sign pattern each verdict word stands for: every curvature up, down, or mixed
    VERDICT_CODES = {"minimum": 1, "maximum": -1, "saddle": 0}

    @reads_screen("printed")
    def verdict_code_shown(self, index: int) -> int:
        """Panel ``index``'s verdict as typeset, as a number: ``+1`` for the word "minimum"
        (every curvature up), ``-1`` for "maximum", ``0`` for "saddle"."""
        word = self.verdicts[index].original_text
        if word not in self.VERDICT_CODES:
            raise ValueError(f"the verdict {word!r} is none of {sorted(self.VERDICT_CODES)}")
        return self.VERDICT_CODES[word]

    @reads_screen("printed")
    def eigenvalues_shown(self, index: int) -> np.ndarray:
        """Panel ``index``'s eigenvalue readouts as printed, ascending as drawn."""
        return printed_all(self.eigen_readouts[index])

    @reads_screen("geometry")
    def directions_shown(self, index: int) -> np.ndarray:
        """Panel ``index``'s drawn eigen-directions as unit rows, read back through its axes."""
        axes = self.axes[index]
        rows = []
        for line in self.directions[index]:
            d = coords(axes, line.get_end()) - coords(axes, line.get_start())
            rows.append(d / np.linalg.norm(d))
        return np.array(rows)

    @reads_screen("printed")
    def curvature_signs_shown(self, index: int) -> list[int]:
        """Signs of the eigenvalues as the readouts show them."""
        return [int(np.sign(v)) for v in self.eigenvalues_shown(index)]

    def kind_shown(self, index: int) -> str:
        """The second-derivative test applied to the shown eigenvalues."""
        return classify_critical_point(np.diag(self.eigenvalues_shown(index))).kind


# --- 12.3: a learning-rate schedule --------------------------------------------------------------
class SchedulePlot(VGroup):
    """The learning rate against the step, with a dot running along the curve and live
    ``step`` and ``lr`` readouts (placed by the scene: :attr:`step_readout`, :attr:`lr_readout`).
    """

    def __init__(
        self,
        schedule: WarmupCosine,
        *,
        x_length: float = 7.6,
        y_length: float = 4.2,
        step_tick: int = 250,
        lr_tick: float = 0.05,
        size: int = 30,
    ) -> None:
        super().__init__()
        self.schedule = schedule
        top = schedule.peak * 1.15
        self.axes = Axes(
            x_range=(0, schedule.total_steps, step_tick),
            y_range=(0, top, lr_tick),
            x_length=x_length,
            y_length=y_length,
            tips=False,
            axis_config=AXIS_CONFIG,
            y_axis_config={"decimal_number_config": {"num_decimal_places": 2}},
        )
        self.curve = self.axes.plot(
            lambda s: schedule(s),
            x_range=(0, schedule.total_steps, 2),
            discontinuities=[schedule.warmup_steps],
            color=theme.CURVE,
            stroke_width=4,
        )
        self.step_value = 0.0
        self.dot = Dot(self.axes.c2p(0, schedule(0)), radius=0.1, color=theme.DOT)
        self.step_readout = Readout(r"\text{step}", 0, decimals=0, size=size, commas=False)
        self.lr_readout = Readout(
            r"\text{lr}", schedule(0), decimals=4, size=size, color=theme.ACCENT
        )
        self.marks = VGroup()
        self.add(self.axes, self.curve, self.marks, self.dot)

    def create(self, run_time: float = 2.0) -> Animation:
        return AnimationGroup(
            Create(self.axes),
            Create(self.curve),
            FadeIn(self.dot),
            lag_ratio=0.5,
            run_time=run_time,
            group=self,
        )

    def run_to(self, step: float, run_time: float = 2.0) -> Animation:
        """The dot rides the curve to ``step``; the readouts follow it live."""
        start, end = self.step_value, float(step)
        if not 0 <= end <= self.schedule.total_steps:
            raise ValueError("step outside the plotted schedule")
        self.step_value = end
        readouts = VGroup(self.step_readout, self.lr_readout)

        def update(_: Mobject, alpha: float) -> None:
            s = start + (end - start) * alpha
            self.dot.move_to(self.axes.c2p(s, self.schedule(s)))
            self.step_readout.set(s)
            self.lr_readout.set(self.schedule(s))

        return UpdateFromAlphaFunc(VGroup(self, readouts), update, run_time=run_time)

    def mark(self, run_time: float = 0.5) -> Animation:
        """Leave a marker where the dot stands: a dashed drop line and a small dot."""
        s, lr = self.step_shown(), self.lr_shown()
        drop = DashedLine(
            self.axes.c2p(s, 0), self.axes.c2p(s, lr), color=theme.MUTED, stroke_width=2
        )
        pin = Dot(self.axes.c2p(s, lr), radius=0.06, color=theme.ACCENT)
        self.marks.add(drop, pin)
        return AnimationGroup(Create(drop), FadeIn(pin), run_time=run_time, group=self)

    @reads_screen("geometry")
    def step_shown(self) -> float:
        """The dot's step, read back through the axes."""
        return float(coords(self.axes, self.dot)[0])

    @reads_screen("geometry")
    def lr_shown(self) -> float:
        """The dot's learning rate, read back through the axes."""
        return float(coords(self.axes, self.dot)[1])


# --- 12.3: gradient clipping -------------------------------------------------------------------------
class ClipDisplay(VGroup):
    """A gradient arrow and the max-norm circle; :meth:`clip` shrinks an arrow that sticks out
    of the circle onto it and leaves one inside alone.

    Parameters
    ----------
    plane
        Plane with equal x and y units (the circle must stay a circle).
    gradients
        The gradient vectors to draw (rows).
    max_norm
        Radius of the circle.
    """

    def __init__(
        self,
        plane: NumberPlane | Axes,
        gradients: ArrayLike,
        max_norm: float,
        *,
        colors: Sequence[ManimColor],
        size: int = 30,
    ) -> None:
        super().__init__()
        if max_norm <= 0:
            raise ValueError("max_norm must be positive")
        self.plane = plane
        self.max_norm = float(max_norm)
        self.gradients = np.atleast_2d(np.asarray(gradients, dtype=float))
        self.circle = Circle(
            radius=self.max_norm * plane_unit(plane), color=theme.NORM_L2, stroke_width=4
        ).move_to(plane.c2p(0, 0))
        self.arrows = VGroup(
            *(plane_arrow(plane, g, c) for g, c in zip(self.gradients, colors, strict=True))
        )
        self.norm_readouts = [
            Readout(rf"\|g_{i + 1}\|", float(np.linalg.norm(g)), decimals=2, size=size, color=c)
            for i, (g, c) in enumerate(zip(self.gradients, colors, strict=True))
        ]
        #: faint copies of the arrows as they were before clipping
        self.ghosts = VGroup()
        self.add(self.circle, self.ghosts, self.arrows)

    def create(self, run_time: float = 1.5) -> Animation:
        return AnimationGroup(
            Create(self.circle),
            *(Create(a) for a in self.arrows),
            lag_ratio=0.4,
            run_time=run_time,
            group=self,
        )

    def clip(self, run_time: float = 1.5) -> Animation:
        """Every arrow longer than the radius shrinks along itself onto the circle."""
        starts = [self.tip_shown(i) for i in range(len(self.arrows))]
        targets = []
        for tip in starts:
            norm = float(np.linalg.norm(tip))
            targets.append(tip * (self.max_norm / norm) if norm > self.max_norm else tip)
        for arrow, a, b in zip(self.arrows, starts, targets, strict=True):
            if not np.allclose(a, b):
                self.ghosts.add(arrow.copy().set_opacity(0.3))
        readouts = VGroup(*self.norm_readouts)

        def update(_: Mobject, alpha: float) -> None:
            for i, (a, b) in enumerate(zip(starts, targets, strict=True)):
                tip = a + (b - a) * alpha
                old = self.arrows[i]
                new = plane_arrow(self.plane, tip, old.get_color())
                old.become(new)
                self.norm_readouts[i].set(float(np.linalg.norm(tip)))

        return UpdateFromAlphaFunc(VGroup(self, readouts), update, run_time=run_time)

    @reads_screen("geometry")
    def tip_shown(self, index: int) -> np.ndarray:
        """Tip of arrow ``index`` as drawn, in plane coordinates."""
        return coords(self.plane, self.arrows[index].get_end())

    @reads_screen("geometry")
    def norms_shown(self) -> np.ndarray:
        """The ``‖g‖`` readouts' values."""
        return printed_all(self.norm_readouts)

    @reads_screen("geometry")
    def radius_shown(self) -> float:
        """The circle's radius, read back through the plane."""
        return float(
            coords(self.plane, self.circle.get_right())[0]
            - coords(self.plane, self.circle.get_center())[0]
        )
