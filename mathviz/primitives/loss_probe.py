"""Moving pictures of per-sample losses: residual squares that a dragged point grows, a probe
sliding along several loss curves, and dashed threshold marks (Huber's ±δ).

:class:`DraggableSquares` is a :class:`~mathviz.primitives.losses.ResidualSquares` whose squares
sit on the side of their residual *away* from the fitted line (so the line only touches each
square at a corner, never crosses it) and whose points can be dragged, the segment and the
square redrawn with them every frame. :class:`LossProbe` is a vertical guide at one input with
a dot on each loss curve, slid continuously so readouts can follow the dots. :class:`ThresholdMarks`
draws labelled dashed verticals. Every value is read back from the drawn objects through
their axes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from manim import (
    UP,
    AnimationGroup,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    GrowFromCenter,
    Line,
    ManimColor,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.losses import LineFit
from mathviz.primitives.losses import ResidualSquares
from mathviz.primitives.motion import StateTween
from mathviz.primitives.plots import set_segment
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["DraggableSquares", "LossProbe", "ThresholdMarks"]


class _PointHeight:
    """The height of one data point, as a numeric attribute :class:`StateTween` can move."""

    def __init__(self, owner: DraggableSquares, index: int) -> None:
        self.owner, self.index = owner, index

    @property
    def y(self) -> float:
        return float(self.owner.heights[self.index])

    @y.setter
    def y(self, value: float) -> None:
        self.owner.heights[self.index] = float(value)


class DraggableSquares(ResidualSquares):
    """Residual squares placed away from the line, with points that can be dragged.

    A point above a rising line keeps its square on the left of its segment, a point below
    on the right (mirrored for a falling line): the line then meets each square only at the
    corner where the segment starts. The line stays where it is when a point is dragged (it
    is the model being scored, not refitted).

    Parameters
    ----------
    axes, fit, square_color
        As for :class:`~mathviz.primitives.losses.ResidualSquares`.
    """

    def __init__(self, axes: Axes, fit: LineFit, *, square_color: object = theme.AREA) -> None:
        super().__init__(axes, fit, square_color=square_color)
        self.heights = np.array(fit.y, dtype=float)
        self.redraw()

    def _corners(self, x: float, y: float, y_hat: float) -> list[np.ndarray]:
        side = abs(y - y_hat)
        away = -1.0 if (y - y_hat) * self.fit.slope > 0 else 1.0
        x2, lo, hi = x + away * side, min(y, y_hat), max(y, y_hat)
        c2p = self.axes.c2p
        return [c2p(x, lo), c2p(x2, lo), c2p(x2, hi), c2p(x, hi), c2p(x, lo)]

    def redraw(self) -> None:
        """Put every dot, segment and square where the current heights say."""
        for i, (x, y) in enumerate(zip(self.fit.x, self.heights, strict=True)):
            y_hat = float(self.fit.predict(x))
            self.dots[i].move_to(self.axes.c2p(x, y))
            set_segment(self.segments[i], self.axes.c2p(x, y_hat), self.axes.c2p(x, y))
            self.squares[i].set_points_as_corners(np.array(self._corners(float(x), y, y_hat)))

    def drag(self, index: int, y: float, **kwargs: object) -> Animation:
        """Move point ``index`` continuously to height ``y``; its segment and square follow."""
        return StateTween(self, _PointHeight(self, index), {"y": y}, self.redraw, **kwargs)

    @reads_screen("geometry")
    def point_shown(self, index: int) -> np.ndarray:
        """``(x, y)`` of data point ``index``, read back through the axes."""
        return coords(self.axes, self.dots[index])


class LossProbe(VGroup):
    """A vertical guide at input ``x`` with one dot on each of several loss curves.

    Parts: ``foot`` (a dot on the x-axis), ``guide`` (from the foot up to the highest shown
    dot) and ``dots[name]``. Every dot is positioned at every redraw; a dot joins the group
    (and the screen) with :meth:`show_dot`.

    Parameters
    ----------
    axes
        Where the curves are drawn.
    functions
        ``{name: (f, color)}``: the loss each dot rides on.
    x
        Where the probe starts.
    """

    def __init__(
        self,
        axes: Axes,
        functions: Mapping[str, tuple[Callable[[float], float], ManimColor | str]],
        x: float,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.functions = dict(functions)
        self.where = float(x)
        self.foot = Dot(radius=0.07, color=theme.TEXT)
        self.guide = Line(stroke_color=theme.TEXT, stroke_width=2.5, stroke_opacity=0.6)
        self.dots = {
            name: Dot(radius=0.11, color=color, stroke_color=theme.TEXT, stroke_width=2)
            for name, (_, color) in self.functions.items()
        }
        self.shown: list[str] = []
        self.add(self.guide, self.foot)
        self.redraw()

    def redraw(self) -> None:
        """Put the foot, the guide and every dot at the current input."""
        x = self.where
        base = self.axes.c2p(x, 0.0)
        self.foot.move_to(base)
        top = 0.0
        for name, (f, _) in self.functions.items():
            value = float(f(x))
            self.dots[name].move_to(self.axes.c2p(x, value))
            if name in self.shown:
                top = max(top, value)
        set_segment(self.guide, base, self.axes.c2p(x, top))

    def appear(self, *names: str, run_time: float = 0.8) -> Animation:
        """The foot, the guide and the dots of ``names`` grow in at the current input."""
        self.shown += [n for n in names if n not in self.shown]
        self.add(*(self.dots[n] for n in names))
        self.redraw()
        return AnimationGroup(
            GrowFromCenter(self.foot),
            Create(self.guide),
            *(GrowFromCenter(self.dots[n]) for n in names),
            lag_ratio=0.3,
            run_time=run_time,
        )

    def show_dot(self, name: str, run_time: float = 0.6) -> Animation:
        """One more dot, on curve ``name``, grows in at the current input."""
        if name not in self.shown:
            self.shown.append(name)
            self.add(self.dots[name])
        self.redraw()
        return GrowFromCenter(self.dots[name], run_time=run_time)

    def slide_to(self, x: float, **kwargs: object) -> Animation:
        """Move the probe continuously to input ``x``; the dots ride their curves."""
        return StateTween(self, self, {"where": x}, self.redraw, **kwargs)

    @reads_screen("geometry")
    def x_shown(self) -> float:
        """The probe's input: its foot's x, read back through the axes."""
        return float(coords(self.axes, self.foot)[0])

    @reads_screen("geometry")
    def value_shown(self, name: str) -> float:
        """The height of the dot on curve ``name``, read back through the axes."""
        return float(coords(self.axes, self.dots[name])[1])

    @reads_screen("geometry")
    def dot_x_shown(self, name: str) -> float:
        """The x of the dot on curve ``name``, read back through the axes."""
        return float(coords(self.axes, self.dots[name])[0])


class ThresholdMarks(VGroup):
    """Dashed verticals at given inputs, from the x-axis up to ``top``, each with a label.

    Parameters
    ----------
    axes
        Where to draw.
    xs
        The inputs marked.
    labels
        One label per input, placed just above its line's top.
    top
        Height (in axes units) where the lines end.
    """

    def __init__(
        self,
        axes: Axes,
        xs: Sequence[float],
        labels: Sequence[VMobject],
        *,
        top: float,
        color: object = theme.MUTED,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.lines = VGroup(
            *(
                DashedLine(
                    axes.c2p(x, 0.0),
                    axes.c2p(x, top),
                    dash_length=0.12,
                    stroke_color=color,
                    stroke_width=3,
                )
                for x in xs
            )
        )
        self.labels = VGroup(*labels)
        for line, label in zip(self.lines, self.labels, strict=True):
            label.next_to(line.get_end(), UP, buff=0.12)
        self.add(self.lines, self.labels)

    def create(self, run_time: float = 1.2) -> Animation:
        """The dashed lines rise from the axis, then their labels fade in."""
        return AnimationGroup(
            AnimationGroup(*(Create(line) for line in self.lines)),
            FadeIn(self.labels, shift=0.15 * UP),
            lag_ratio=0.6,
            run_time=run_time,
        )

    @reads_screen("geometry")
    def positions_shown(self) -> np.ndarray:
        """The x of each dashed line (its first and last dash averaged), through the axes."""
        return np.array(
            [
                (coords(self.axes, line.get_start())[0] + coords(self.axes, line.get_end())[0]) / 2
                for line in self.lines
            ]
        )
