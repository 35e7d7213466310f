"""A magnified inset: a second axes re-plotting a small window of a drawing, for action a few
pixels wide.

:class:`Magnifier` owns its own :class:`~manim.Axes` over the window, framed on a card, with
its own tick numbers. It plots curves over the window itself, and *mirrors* dots and segments
drawn on the source axes: every frame each is read back through the source axes and drawn
again through the inset's axes, clipped to the window (a dot outside it waits hidden on the
window's edge). Whatever the inset shows is therefore the drawing itself, magnified, and its
values are read back through the inset's own axes (:meth:`Magnifier.point_shown`,
:meth:`Magnifier.run_shown`, :meth:`Magnifier.rise_shown`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import Axes, Line, Mobject, VGroup, VMobject

from mathviz import theme
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.panel import card_for
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["clip_segment", "remove_y_numbers", "Magnifier"]


def clip_segment(
    p: np.ndarray, q: np.ndarray, lo: np.ndarray, hi: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """The part of the segment from ``p`` to ``q`` inside the box ``lo``–``hi``.

    Liang–Barsky clipping in the plane.

    Parameters
    ----------
    p, q
        The segment's ends, ``(x, y)``.
    lo, hi
        The box's lower-left and upper-right corners.

    Returns
    -------
    tuple of numpy.ndarray or None
        The clipped ends, or ``None`` when the segment misses the box.
    """
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    t0, t1 = 0.0, 1.0
    d = q - p
    for k in range(2):
        for s, room in ((-d[k], p[k] - lo[k]), (d[k], hi[k] - p[k])):
            if s == 0:
                if room < 0:
                    return None
                continue
            r = room / s
            if s < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
    if t0 >= t1:
        return None
    return p + t0 * d, p + t1 * d


def remove_y_numbers(axes: Axes, values: Sequence[float]) -> Axes:
    """Take the y-axis tick numbers at ``values`` off ``axes`` (a hole or the other axis sits
    there). Returns ``axes``."""
    numbers = getattr(axes.y_axis, "numbers", None)
    if numbers is None:
        return axes
    for label in list(numbers):
        if any(abs(float(label.get_value()) - v) < 1e-9 for v in values):
            numbers.remove(label)
    return axes


class Magnifier(VGroup):
    """A magnified inset re-plotting a window of ``source``.

    Parts: ``frame`` (the card, outlined in the accent colour), ``axes`` (the inset's own
    axes over the window) and ``parts`` (curves plotted with :meth:`plot`, and the mirrors of
    :meth:`mirror_dot` and :meth:`mirror_segment`, redrawn every frame by an updater).

    Parameters
    ----------
    source
        The axes the mirrored objects are drawn on.
    window
        ``((x_min, x_max, x_step), (y_min, y_max, y_step))``: the magnified region and its
        ticks, in ``source``'s coordinates.
    x_length, y_length
        The inset axes' size on screen.
    drop_y_numbers
        y tick numbers to leave out (where a hole or the other axis would sit on them).
    """

    def __init__(
        self,
        source: Axes,
        window: tuple[tuple[float, float, float], tuple[float, float, float]],
        *,
        x_length: float,
        y_length: float,
        drop_y_numbers: Sequence[float] = (),
    ) -> None:
        super().__init__()
        self.source = source
        x_range, y_range = window
        self.lo = np.array([x_range[0], y_range[0]], dtype=float)
        self.hi = np.array([x_range[1], y_range[1]], dtype=float)
        self.axes = function_axes(
            x_range, y_range, x_length=x_length, y_length=y_length, font_size=20
        )
        remove_y_numbers(self.axes, drop_y_numbers)
        self.frame = card_for(self.axes, buff=0.25).set_stroke(theme.ACCENT, width=2.5)
        self.frame.name = "zoom frame"
        self.parts = VGroup()
        self._mirrors: list[Callable[[], None]] = []
        self.add(self.frame, self.axes, self.parts)
        self.add_updater(lambda _m: self.redraw())

    def plot(
        self, f: Callable[[float], float], x_range: tuple[float, float], **style: Any
    ) -> VMobject:
        """Plot ``f`` over ``x_range`` (inside the window) on the inset's axes."""
        curve = self.axes.plot(f, x_range=x_range, **style)
        self.parts.add(curve)
        return curve

    def redraw(self) -> None:
        """Place every mirror where its source object is now."""
        for mirror in self._mirrors:
            mirror()

    def _looks(self, *mobs: VMobject) -> bytes:
        """Everything a mirror's result depends on: the mirrored objects' and the copies'
        points and opacities, and where both sets of axes lie (their axis lines' ends)."""
        parts = [
            axis.points[[0, -1]].tobytes()
            for axes in (self.source, self.axes)
            for axis in (axes.x_axis, axes.y_axis)
        ]
        for mob in mobs:
            parts.append(mob.points.tobytes())
            parts.append(np.float64(mob.get_fill_opacity()).tobytes())
            parts.append(np.float64(mob.get_stroke_opacity()).tobytes())
        return b"".join(parts)

    def _mirroring(self, place: Callable[[], None], *mobs: VMobject) -> Callable[[], None]:
        """``place`` run only when something it depends on (:meth:`_looks`) changed since it
        last ran: a still picture costs no geometry at all."""
        last = [b""]

        def mirror() -> None:
            if self._looks(*mobs) == last[0]:
                return
            place()
            last[0] = self._looks(*mobs)

        return mirror

    def inside(self, point: np.ndarray) -> bool:
        """Whether ``point`` (source coordinates) lies in the window."""
        return bool(np.all(point >= self.lo) and np.all(point <= self.hi))

    def mirror_dot(self, mob: VMobject, *, keep_opacity: bool = False) -> VMobject:
        """A copy of ``mob`` (a dot, a hole) kept at its place in the window; hidden on the
        window's edge while ``mob`` is outside it. With ``keep_opacity`` the copy inside the
        window is as opaque as ``mob`` (a mark that fades in is seen fading in the inset too);
        otherwise fully opaque."""
        copy = mob.copy().clear_updaters()

        def place() -> None:
            p = coords(self.source, mob)
            copy.move_to(self.axes.c2p(*np.clip(p, self.lo, self.hi)))
            seen = float(mob.get_fill_opacity()) if keep_opacity else 1.0
            copy.set_opacity(seen if self.inside(p) else 0.0)

        mirror = self._mirroring(place, mob, copy)
        self._mirrors.append(mirror)
        mirror()
        self.parts.add(copy)
        return copy

    def mirror_segment(self, line: Line) -> Line:
        """A copy of ``line`` clipped to the window (hidden when it misses the window)."""
        copy = line.copy().clear_updaters()

        def place() -> None:
            p, q = (coords(self.source, v) for v in line.get_start_and_end())
            piece = clip_segment(p, q, self.lo, self.hi)
            if piece is None:
                copy.set_stroke(opacity=0.0)
                return
            copy.put_start_and_end_on(self.axes.c2p(*piece[0]), self.axes.c2p(*piece[1]))
            copy.set_stroke(opacity=float(line.get_stroke_opacity()))

        mirror = self._mirroring(place, line, copy)
        self._mirrors.append(mirror)
        mirror()
        self.parts.add(copy)
        return copy

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def point_shown(self, mob: Mobject) -> np.ndarray:
        """A mirrored dot's place, read back through the inset's own axes."""
        return coords(self.axes, mob)

    @reads_screen("geometry")
    def run_shown(self, leg: Line) -> float:
        """A segment's signed extent in x, read back through the inset's axes."""
        start, end = (coords(self.axes, v) for v in leg.get_start_and_end())
        return float(end[0] - start[0])

    @reads_screen("geometry")
    def rise_shown(self, leg: Line) -> float:
        """A segment's signed extent in y, read back through the inset's axes."""
        start, end = (coords(self.axes, v) for v in leg.get_start_and_end())
        return float(end[1] - start[1])
