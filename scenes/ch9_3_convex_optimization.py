"""9.3 Convex Optimization: the chord above a convex curve, and the minima a non-convex one hides.

Jensen's inequality drawn: on f(x) = x² a point slides along the chord between a and b, leaving
a ghost of the gap from the chord down to the curve at every stop (the gap is t(1 − t)(a − b)²
exactly), and the whole region between chord and curve is swept in. On the non-convex
f(x) = x⁴ − 3x² + x the chord between the two valley floors dips below the hump, and the region
where the curve rises above its chord is swept in red. Then the top of the hump is marked as the
divide between the valleys and magnified in an inset, and three balls run gradient descent one
after another, each under the sentence that describes it: the two started either side of the
divide settle in different valleys (their copies in the inset follow them). Positions are read
back through the axes and checked against closed forms and numpy.roots of f′.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    AnimationGroup,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Line,
    ManimColor,
    Mobject,
    Rectangle,
    Succession,
    TransformFromCopy,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.descent import gradient_descent
from mathviz.maths.losses import Polynomial
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.descent import GradientDescentPath
from mathviz.primitives.losses import ChordGap
from mathviz.primitives.motion import Scripted
from mathviz.primitives.panel import Panel
from mathviz.primitives.plots import scene_points
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import printed_all, reads_screen
from mathviz.scene import LectureScene
from mathviz.theme import at

A, B = -1.5, 2.0
T_FIRST, T_SECOND = 0.8, 0.2
#: the weights at which a faint copy of the gap is left behind while t slides back (none
#: at 0.6: x = −0.1 would run the ghost along the y axis' tick numbers)
GHOST_TS = (0.7, 0.5, 0.4, 0.3)
QUARTIC = Polynomial((1.0, 0.0, -3.0, 1.0, 0.0))  # x⁴ − 3x² + x
WELL_A, WELL_B, WELL_T = -1.3, 1.1, 0.5
#: the non-convex chord is drawn at this weight, slid out to the next and back to WELL_T
WELL_T_DRAWN, WELL_T_OUT = 0.5, 0.85
#: the quartic's window: tall enough for the ball dropped at 1.9, the hump still ~1 unit high
QUARTIC_X, QUARTIC_Y = (-2, 2, 1), (-4, 5, 4)
QUARTIC_CURVE_X = (-2.0, 1.94)
#: the zoom on the hump: the window in the curve's coordinates, and where its inset sits
ZOOM_X, ZOOM_Y = (-0.35, 0.75), (-0.8, 0.3)
INSET_CENTER, INSET_SIZE = (4.45, -1.55), (4.2, 3.3)
STARTS = (0.0, 0.4, 1.9)
LR, STEPS = 0.05, 40
#: each walk: the first steps slowly (they carry the motion), the crawl to the floor quickly
EARLY_STEPS, EARLY_SECONDS, LATE_SECONDS = 12, 0.26, 0.035
BALL_COLORS = (theme.ACCENT, theme.GRADIENT, theme.GOOD)
PANEL_SIZE = 32
DECIMALS = 2


# --- independent routes to the expected values ----------------------------------------------
def parabola_gap(t: float) -> float:
    """For f = x² the chord gap is t(1 − t)(a − b)², expanded by hand."""
    return t * (1 - t) * (A - B) ** 2


def quartic_critical_points() -> np.ndarray:
    """Real roots of f′(x) = 4x³ − 6x + 1, sorted (numpy.roots, not the drawing)."""
    roots = np.roots([4.0, 0.0, -6.0, 1.0])
    return np.sort(roots[np.abs(roots.imag) < 1e-9].real)


def quartic_minima() -> np.ndarray:
    """The critical points where f″ = 12x² − 6 > 0."""
    real = quartic_critical_points()
    return real[12 * real**2 - 6 > 0]


def quartic_hump() -> float:
    """The critical point where f″ < 0: the top of the hump between the valleys."""
    real = quartic_critical_points()
    return float(real[12 * real**2 - 6 < 0][0])


def quartic_by_hand(x: float) -> float:
    return x**4 - 3 * x**2 + x


def chord_values_by_hand(f: Callable[[float], float], a: float, b: float, t: float) -> list[float]:
    """What the four chord readouts must show at weight ``t``: t, f(x), the chord's height at
    x = ta + (1 − t)b, and the gap between them."""
    x = t * a + (1 - t) * b
    chord = t * f(a) + (1 - t) * f(b)
    return [t, f(x), chord, chord - f(x)]


def chord_values_drawn(chord: ChordGap, a: float, b: float) -> list[float]:
    """The same four quantities read from the drawing: t from the sliding dot's x, the two
    dots' heights and the drawn gap segment, all through the axes."""
    x, y_curve = chord.curve_point_shown()
    return [(x - b) / (a - b), y_curve, chord.chord_point_shown()[1], chord.gap_shown()]


def on_baseline(readout: Readout, glyph: int) -> Readout:
    """Sit the readout's number on its label's baseline: its digits' foot level with the
    foot of the label's glyph ``glyph`` (a letter without a descender). A readout centres the
    two, which drops the number below a label with descenders or a subscript."""
    readout.number.align_to(readout.label[0][glyph], DOWN)
    return readout


def chord_readouts() -> dict[str, Readout]:
    # each label's glyph on the baseline: t, the a of ta, the a of f(a), the a of gap
    return {
        "t": on_baseline(Readout("t", 0.0, size=PANEL_SIZE, decimals=DECIMALS), 0),
        "curve": on_baseline(
            Readout(r"f(ta + (1-t)b)", 0.0, size=PANEL_SIZE, color=theme.CURVE, decimals=DECIMALS),
            3,
        ),
        "chord": on_baseline(
            Readout(
                r"t f(a) + (1-t) f(b)", 0.0, size=PANEL_SIZE, color=theme.ACCENT, decimals=DECIMALS
            ),
            3,
        ),
        "gap": on_baseline(
            Readout(r"\mathrm{gap}", 0.0, size=PANEL_SIZE, color=theme.BAD, decimals=DECIMALS), 1
        ),
    }


# --- drawing helpers --------------------------------------------------------------------------
def draw_chord(chord: ChordGap, run_time: float = 2.0) -> Animation:
    """Everything of a :class:`ChordGap` but its curve (already drawn): the end dots and the
    chord, then the drop, the gap and the two sliding dots."""
    return AnimationGroup(
        AnimationGroup(
            GrowFromCenter(chord.ends[0]), GrowFromCenter(chord.ends[1]), Create(chord.chord)
        ),
        AnimationGroup(
            Create(chord.drop),
            Create(chord.gap),
            GrowFromCenter(chord.curve_dot),
            GrowFromCenter(chord.chord_dot),
        ),
        lag_ratio=0.6,
        run_time=run_time,
        group=chord,
    )


class SweptRegion(VMobject):
    """The region between the chord and the curve of a :class:`ChordGap`, swept from ``a``
    towards ``b``: above the curve and below the chord (``below=False``, where the chord is
    higher) or above the chord and below the curve (``below=True``, where the chord dips)."""

    def __init__(
        self, chord: ChordGap, *, below: bool, color: ManimColor, samples: int = 160
    ) -> None:
        super().__init__(stroke_width=0, fill_color=color, fill_opacity=0.28)
        self.source, self.below, self.samples = chord, below, samples
        self.name = "swept region"
        self.sweep(1e-3)

    def sweep(self, share: float) -> None:
        """Redraw the region from ``a`` to ``a + share (b − a)``."""
        c = self.source
        xs = np.linspace(c.a, c.a + share * (c.b - c.a), self.samples)
        f_a, f_b = float(c.f(c.a)), float(c.f(c.b))
        chord = f_a + (xs - c.a) * (f_b - f_a) / (c.b - c.a)
        curve = np.array([float(c.f(x)) for x in xs])
        edge = np.maximum(curve, chord) if self.below else np.minimum(curve, chord)
        points = list(scene_points(c.axes, np.column_stack([xs, chord])))
        points += list(scene_points(c.axes, np.column_stack([xs[::-1], edge[::-1]])))
        self.set_points_as_corners([*points, points[0]])

    def grow(self, run_time: float = 2.0) -> Animation:
        return Scripted(self, self.sweep, run_time=run_time)


def ghost_gaps(chord: ChordGap, ts: tuple[float, ...]) -> VGroup:
    """Faint copies of the gap segment at weights ``ts``, hidden until :func:`leave_ghosts`."""
    f_a, f_b = float(chord.f(chord.a)), float(chord.f(chord.b))
    ghosts = VGroup()
    for t in ts:
        x = t * chord.a + (1 - t) * chord.b
        line = Line(
            chord.axes.c2p(x, float(chord.f(x))),
            chord.axes.c2p(x, t * f_a + (1 - t) * f_b),
            stroke_color=theme.BAD,
            stroke_width=4,
        )
        line.set_stroke(opacity=0.0)
        ghosts.add(line)
    return ghosts


def leave_ghosts(
    chord: ChordGap, ghosts: VGroup, ts: tuple[float, ...], run_time: float
) -> Animation:
    """Show each ghost (left at weight ``ts[i]``) once the sliding weight has passed it
    (played beside a slide that starts now)."""
    start = chord.t

    def update(_: float) -> None:
        for line, weight in zip(ghosts, ts, strict=True):
            passed = (start - chord.t) * (start - weight) >= 0 and (
                abs(start - chord.t) >= abs(start - weight)
            )
            line.set_stroke(opacity=0.45 if passed else 0.0)

    return Scripted(ghosts, update, run_time=run_time)


class HumpZoom(VGroup):
    """The quartic around its hump, magnified in an inset box: the curve, the divide at the
    hump's top, and copies of the balls that follow the real ones through the zoom (each
    copy is hidden, and held at the window's edge, while its ball is outside the window).

    Parts: ``window`` (the zoomed region outlined on the main axes; not in the group),
    ``frame`` (the inset's card), ``axes``, ``curve``, ``divide``, ``top`` and ``balls``.
    """

    def __init__(self, main: Axes, paths: list[GradientDescentPath], hump_x: float) -> None:
        super().__init__()
        (x0, x1), (y0, y1) = ZOOM_X, ZOOM_Y
        self.paths = paths
        corner_lo, corner_hi = main.c2p(x0, y0), main.c2p(x1, y1)
        self.window = Rectangle(
            width=corner_hi[0] - corner_lo[0],
            height=corner_hi[1] - corner_lo[1],
            stroke_color=theme.MUTED,
            stroke_width=2,
        ).move_to((corner_lo + corner_hi) / 2)
        width, height = INSET_SIZE
        self.frame = Rectangle(
            width=width,
            height=height,
            stroke_color=theme.MUTED,
            stroke_width=2,
            fill_color=theme.BACKGROUND,
            fill_opacity=1.0,
        ).move_to(at(*INSET_CENTER))
        self.frame.name = "zoom frame"
        self.axes = Axes(
            x_range=(x0, x1, x1 - x0),
            y_range=(y0, y1, y1 - y0),
            x_length=width - 0.3,
            y_length=height - 0.3,
            axis_config={"color": theme.MUTED, "include_ticks": False},
            tips=False,
        ).move_to(self.frame)
        self.curve = self.axes.plot(
            lambda x: float(QUARTIC(x)),
            x_range=(x0, x1, (x1 - x0) / 160),
            color=theme.CURVE,
            stroke_width=4,
        )
        hump_y = float(QUARTIC(hump_x))
        self.top = Dot(self.axes.c2p(hump_x, hump_y), radius=0.07, color=theme.TEXT)
        self.divide = DashedLine(
            self.axes.c2p(hump_x, hump_y + 0.06),
            self.axes.c2p(hump_x, y1 - 0.02),
            stroke_color=theme.MUTED,
            stroke_width=3,
        )
        self.balls = VGroup(*(p.dot.copy().clear_updaters() for p in paths))
        self.add(self.frame, self.axes, self.curve, self.divide, self.top, self.balls)
        for ball, path in zip(self.balls, paths, strict=True):
            ring = bool(path.dot.get_fill_opacity() < 0.5)
            ball.add_updater(lambda m, path=path, ring=ring: self._place(m, path, ring))
            self._place(ball, path, ring)

    def _place(self, ball: Mobject, path: GradientDescentPath, ring: bool) -> None:
        (x0, x1), (y0, y1) = ZOOM_X, ZOOM_Y
        x, y = path.position_of_dot()
        inside = x0 <= x <= x1 and y0 <= y <= y1
        ball.move_to(self.axes.c2p(float(np.clip(x, x0, x1)), float(np.clip(y, y0, y1))))
        if ring:
            ball.set_stroke(opacity=1.0 if inside else 0.0)
        else:
            ball.set_fill(opacity=1.0 if inside else 0.0)

    def open(self, run_time: float = 2.0) -> Animation:
        """The window flies out into the inset, then the magnified curve and marks appear."""
        return AnimationGroup(
            TransformFromCopy(self.window, self.frame),
            AnimationGroup(
                FadeIn(self.axes), Create(self.curve), FadeIn(self.divide, self.top, self.balls)
            ),
            lag_ratio=0.6,
            run_time=run_time,
            group=self,
        )

    @reads_screen("geometry")
    def balls_x_shown(self) -> list[float]:
        """The x of each zoomed ball, read back through the inset's axes."""
        return [float(coords(self.axes, b)[0]) for b in self.balls]


class ConvexOptimization(LectureScene):
    chapter_id = "9.3"

    def construct(self) -> None:
        self.open_chapter("One valley, or many traps? Convexity tells them apart.")
        self.jensen_beats()
        self.nonconvex_chord_beat()
        self.descent_beats()
        self.close_chapter(
            "Convex: every chord above the curve, one valley.",
            "On a convex loss, every start reaches the one minimum. Neural networks are "
            "not convex: that is why initialisation matters.",
        )

    # ------------------------------------------------------------------------------------
    def jensen_beats(self) -> None:
        axes = function_axes(
            (-2, 2.5, 1), (0, 5, 2), x_length=7.4, y_length=6.0, backed_labels=True
        )
        axes.to_edge(LEFT, buff=0.6).shift(0.1 * DOWN)
        readouts = chord_readouts()
        square = lambda v: v * v  # noqa: E731
        chord = ChordGap(axes, square, A, B, (-1.9, 2.2), t=0.5, readouts=readouts)
        ghosts = ghost_gaps(chord, GHOST_TS)
        region = SweptRegion(chord, below=False, color=theme.GOOD)
        self.panel = Panel(corner=UR)
        title = theme.tex(rf"f(x) = x^2,\;\; a = {A:g},\;\; b = {B:g}", size=PANEL_SIZE)
        self.declare_shown(title, "the brief's function and end points")
        rows = list(readouts.values())
        with contextlib.ExitStack() as motion:
            with self.beat(
                "Take f of x equals x squared, and two points on it: a at minus one "
                "and a half, b at two. Join them with a straight chord, and drop a "
                "point from the chord's middle to the curve below."
            ) as b:
                b.say(0, Create(axes), Create(chord.curve), self.panel.show(title))
                # the curve is drawn: from here it is a part of the chord's group
                self.remove(chord.curve)
                b.say(1, draw_chord(chord), self.panel.grow(*readouts.values()))
                # from here on (axes and chord drawn) the readouts must match the drawing
                # at every frame of the slides
                motion.enter_context(
                    self.invariant(
                        "chord readouts show the drawing",
                        lambda: (printed_all(rows), chord_values_drawn(chord, A, B)),
                    )
                )
                self.checkpoint(
                    "gap_t=0.5", chord.gap_shown(), expected=parabola_gap(0.5), tol=1e-6
                )
                self.checkpoint(
                    "gap_readout_t=0.5", readouts["gap"].value, expected=parabola_gap(0.5)
                )
                self.checkpoint(
                    "chord_readouts_t=0.5",
                    printed_all(rows),
                    expected=chord_values_by_hand(square, A, B, 0.5),
                )
            with self.beat(
                "Slide the weight t towards a: the point t a plus one minus t b walks "
                "along the axis, and the chord point rides above it. Now slide it back "
                "past the middle: at every stop the chord is above the curve, and the "
                "red gap is never negative. That is Jensen's inequality, the "
                "definition of a convex function."
            ) as b:
                b.say(0, chord.slide_to(T_FIRST))
                self.add(ghosts)
                b.say(
                    1,
                    chord.slide_to(T_SECOND),
                    leave_ghosts(chord, ghosts, GHOST_TS, run_time=b.sentence(1)),
                )
                self.add(region)
                self.bring_to_back(region)
                b.say(2, region.grow())
                x = T_SECOND * A + (1 - T_SECOND) * B
                chord_height = T_SECOND * A**2 + (1 - T_SECOND) * B**2
                self.checkpoint(
                    "curve_point_t=0.2", chord.curve_point_shown(), expected=[x, x * x], tol=1e-6
                )
                self.checkpoint(
                    "chord_point_t=0.2",
                    chord.chord_point_shown(),
                    expected=[x, chord_height],
                    tol=1e-6,
                )
                self.checkpoint(
                    "gap_t=0.2", chord.gap_shown(), expected=parabola_gap(T_SECOND), tol=1e-6
                )
                self.checkpoint(
                    "chord_readout_t=0.2", readouts["chord"].value, expected=chord_height
                )
                self.checkpoint(
                    "gap_readout_t=0.2", readouts["gap"].value, expected=parabola_gap(T_SECOND)
                )
                self.checkpoint(
                    "chord_readouts_t=0.2",
                    printed_all(rows),
                    expected=chord_values_by_hand(square, A, B, T_SECOND),
                )
                self.checkpoint(
                    "ghost_gaps",
                    ghost_heights(axes, ghosts),
                    expected=[parabola_gap(t) for t in GHOST_TS],
                    tol=1e-6,
                )
        self.play(FadeOut(VGroup(axes, chord, ghosts, region)), self.panel.hide())

    def nonconvex_chord_beat(self) -> None:
        axes = function_axes(QUARTIC_X, QUARTIC_Y, x_length=7.4, y_length=6.8, backed_labels=True)
        axes.to_edge(LEFT, buff=0.6).shift(0.05 * DOWN)
        readouts = chord_readouts()
        chord = ChordGap(
            axes, QUARTIC, WELL_A, WELL_B, QUARTIC_CURVE_X, t=WELL_T_DRAWN, readouts=readouts
        )
        region = SweptRegion(chord, below=True, color=theme.BAD)
        self.panel = Panel(corner=UR)
        title = theme.tex(r"f(x) = x^4 - 3x^2 + x", size=PANEL_SIZE)
        rows = list(readouts.values())
        with self.beat(
            "Now a curve with two valleys: x to the fourth, minus three x squared, "
            "plus x. Join the two valley floors with a chord, and slide along it. "
            "The chord runs below the hump and the gap turns negative, so this "
            "function is not convex."
        ) as b:
            b.say(0, Create(axes), Create(chord.curve), self.panel.show(title))
            self.remove(chord.curve)
            self.play(draw_chord(chord), self.panel.grow(*readouts.values()), run_time=2.0)
            # the chord is drawn: from here its readouts must match it at every frame
            with self.invariant(
                "non-convex chord readouts show the drawing",
                lambda: (printed_all(rows), chord_values_drawn(chord, WELL_A, WELL_B)),
            ):
                b.say(1, chord.slide_to(WELL_T_OUT))
                self.add(region)
                self.bring_to_back(region)
                b.say(2, chord.slide_to(WELL_T), region.grow())
            x = WELL_T * WELL_A + (1 - WELL_T) * WELL_B
            expected = (
                WELL_T * quartic_by_hand(WELL_A)
                + (1 - WELL_T) * quartic_by_hand(WELL_B)
                - quartic_by_hand(x)
            )
            self.checkpoint("nonconvex_gap", chord.gap_shown(), expected=expected, tol=1e-6)
            self.checkpoint("nonconvex_gap_readout", readouts["gap"].value, expected=expected)
            self.checkpoint(
                "nonconvex_readouts",
                printed_all(readouts.values()),
                expected=chord_values_by_hand(quartic_by_hand, WELL_A, WELL_B, WELL_T),
            )
        self.play(
            FadeOut(
                VGroup(
                    chord.chord,
                    chord.ends,
                    chord.drop,
                    chord.gap,
                    chord.curve_dot,
                    chord.chord_dot,
                    region,
                )
            ),
            self.panel.hide(),
        )
        self.axes, self.curve = axes, chord.curve

    def descent_beats(self) -> None:
        axes = self.axes
        traces = [
            gradient_descent(QUARTIC.value_at, QUARTIC.gradient, [s], LR, STEPS) for s in STARTS
        ]
        readouts = [
            on_baseline(Readout(rf"x_{i + 1}", s, size=PANEL_SIZE, color=c, decimals=DECIMALS), 0)
            for i, (s, c) in enumerate(zip(STARTS, BALL_COLORS, strict=True))
        ]
        paths = []
        for trace, readout, color in zip(traces, readouts, BALL_COLORS, strict=True):
            xs = trace.points[:, 0]
            path = GradientDescentPath(
                axes,
                trace,
                color=color,
                display_points=np.column_stack([xs, QUARTIC(xs)]),
                readouts=[(readout, list(xs))],
            )
            path.dot.set_color(color).scale(1.25)
            paths.append(path)
        # balls 2 and 3 end in the same valley: ball 2 is a ring, ball 3 lands inside it
        paths[1].dot.set_fill(opacity=0.0).set_stroke(BALL_COLORS[1], width=5).scale(1.7)
        hump_x = quartic_hump()
        hump_y = quartic_by_hand(hump_x)
        top = Dot(axes.c2p(hump_x, hump_y), radius=0.07, color=theme.TEXT)
        divide = DashedLine(
            axes.c2p(hump_x, hump_y + 0.3),
            axes.c2p(hump_x, 2.2),
            stroke_color=theme.MUTED,
            stroke_width=3,
        )
        label = theme.text("divide", size=theme.LABEL_SIZE, color=theme.MUTED)
        # beside the top of the line, clear of the y axis just left of the hump
        label.next_to(divide.get_end(), RIGHT, buff=0.2).align_to(divide.get_end(), UP)
        zoom = HumpZoom(axes, paths[:2], hump_x)
        self.panel = Panel(corner=UR)
        update = theme.tex(rf"x \leftarrow x - {LR:g}\, f'(x)", size=PANEL_SIZE, color=theme.PATH)
        self.declare_shown(update, "the brief's step size")

        def balls_x() -> list[float]:
            return [p.position_of_dot()[0] for p in paths]

        def walk(path: GradientDescentPath) -> Animation:
            return Succession(
                path.walk(steps=EARLY_STEPS, seconds_per_step=EARLY_SECONDS),
                path.walk(seconds_per_step=LATE_SECONDS),
            )

        def zoomed_expected() -> list[float]:
            return [float(np.clip(x, *ZOOM_X)) for x in balls_x()[:2]]

        with (
            self.invariant(
                "x readouts show their balls", lambda: (printed_all(readouts), balls_x())
            ),
            self.invariant(
                "zoomed balls are the balls",
                lambda: (zoom.balls_x_shown(), zoomed_expected()),
                tol=1e-6,
            ),
        ):
            with self.beat(
                "Drop three balls, at zero, 0.4 and 1.9, and let each one roll by "
                "gradient descent with a step of 0.05. Between the first two stands "
                "the top of the hump, at about 0.17: it divides the two valleys. "
                "Magnified, the two balls sit on either side of that divide."
            ) as b:
                b.say(
                    0,
                    AnimationGroup(
                        self.panel.show(update, *readouts),
                        AnimationGroup(*(FadeIn(p, scale=2.0) for p in paths), lag_ratio=0.5),
                        lag_ratio=0.3,
                    ),
                )
                b.say(
                    1,
                    AnimationGroup(
                        AnimationGroup(GrowFromCenter(top), Create(divide), FadeIn(label)),
                        Create(zoom.window),
                        lag_ratio=0.6,
                    ),
                )
                b.say(2, zoom.open())
                # against where the balls are drawn, read through the axes
                self.checkpoint("start_x_readouts", printed_all(readouts), expected=balls_x())
                self.checkpoint("hump_top", coords(axes, top), expected=[hump_x, hump_y], tol=1e-6)
                self.checkpoint(
                    "hump_top_zoomed",
                    coords(zoom.axes, zoom.top),
                    expected=[hump_x, hump_y],
                    tol=1e-6,
                )
                self.checkpoint(
                    "zoomed_start_x", zoom.balls_x_shown(), expected=list(STARTS[:2]), tol=1e-6
                )
            with self.beat(
                "The ball at zero starts just left of the divide, and rolls into the "
                "left valley. The ball at 0.4, just right of it, rolls into the right "
                "one. The ball at 1.9 lands there too: same loss, same rule, "
                "different answers.",
                hold=0.3,
            ) as b:
                for i, path in enumerate(paths):
                    b.say(i, walk(path))
                minima = quartic_minima()
                targets = [minima[0], minima[1], minima[1]]
                for i, (path, target) in enumerate(zip(paths, targets, strict=True)):
                    self.checkpoint(
                        f"ball_{i + 1}_final",
                        path.position_of_dot(),
                        expected=[target, quartic_by_hand(target)],
                        tol=1e-5,
                    )
                self.checkpoint("final_x_readouts", printed_all(readouts), expected=targets)


@reads_screen("geometry")
def ghost_heights(axes: Axes, ghosts: VGroup) -> np.ndarray:
    """Each ghost segment's height in axes units (its end minus its start), read back."""
    return np.array([chord_gap_height(axes, cast(Line, g)) for g in ghosts])


def chord_gap_height(axes: Axes, line: Line) -> float:
    """A drawn vertical segment's height in axes units (its end minus its start)."""
    start, end = (coords(axes, p) for p in line.get_start_and_end())
    return float(end[1] - start[1])


SCENES = [ConvexOptimization]
