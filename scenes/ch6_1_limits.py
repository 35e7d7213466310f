"""6.1 Limits: secants of x² at 1 turning into the tangent, and sin(x)/x sliding towards 1.

The secant through (1, 1) and (1 + h, (1 + h)²) rotates continuously as h shrinks from 1 to
0.01, leaving a faint ghost at every stop; its slope, read off the drawn line and off the
live readout, is 3, 2.1 and 2.01 and settles on the tangent's slope 2. A magnified inset
re-plots the neighbourhood of (1, 1) from the drawing itself: at h = 0.01 the two points are
still apart there, rise 0.0201 over run 0.01. Then sin(x)/x, undefined at 0, is approached
along its graph by a dot from each side, the last steps in a second inset, while the heights
close in on 1.
"""

from __future__ import annotations

import contextlib
from fractions import Fraction

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    AnimationGroup,
    Axes,
    Circle,
    Circumscribe,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Line,
    Mobject,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.calculus import SQUARE, sin_over_x
from mathviz.primitives.calculus import (
    LimitApproach,
    SecantTangent,
    function_axes,
    line_slope_shown,
)
from mathviz.primitives.magnifier import Magnifier, remove_y_numbers
from mathviz.primitives.motion import built
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout, coords
from mathviz.scene import LectureScene

X0 = 1
STEPS_H = (Fraction(1), Fraction(1, 10), Fraction(1, 100))
SINC_START = 3.0
SINC_STOPS = (1.0, 0.5, 0.1, 0.02)
SINC_LEFT = (-3.0, -0.02)
PANEL_SIZE = 32
INSET_SIZE = 26
#: the narration says 3, 2.1 and 2.01: two decimals are all it uses
SLOPE_DECIMALS = 2
SINC_DECIMALS = 5
#: the magnified neighbourhoods: of (1, 1) on x², and of the hole (0, 1) of sin x / x
SECANT_WINDOW = ((0.99, 1.02, 0.01), (0.98, 1.04, 0.02))
#: a hundred times closer again, at the second point (1.01, 1.0201) for h = 0.01
CLOSER_WINDOW = ((1.0099, 1.0102, 0.0001), (1.0196, 1.0206, 0.0002))
SINC_WINDOW = ((-0.12, 0.12, 0.04), (0.997, 1.0005, 0.001))
GHOST_OPACITY = 0.35
#: how far the x² plot moves left when the zoom arrives
ROOM_FOR_ZOOM = 1.4


# --- independent routes to the expected values ----------------------------------------------
def exact_secant_slope(h: Fraction) -> Fraction:
    """((1 + h)² − 1²) / h in exact rational arithmetic."""
    return ((X0 + h) ** 2 - X0**2) / h


def sympy_tangent_slope() -> float:
    """The limit of the difference quotient of x² at 1, taken symbolically."""
    h = sp.symbols("h")
    return float(sp.limit(((X0 + h) ** 2 - X0**2) / h, h, 0))


def sympy_sinc(x: float) -> float:
    """sin(x)/x evaluated by sympy to 30 digits."""
    return float(sp.N(sp.sin(sp.Float(x, 30)) / sp.Float(x, 30), 30))


def ghost_of(line: Line) -> Line:
    """A faint copy left behind where ``line`` is now."""
    ghost = line.copy().clear_updaters()
    ghost.name = "ghost secant"
    return ghost


class Limits(LectureScene):
    chapter_id = "6.1"

    def construct(self) -> None:
        self.open_chapter(
            "A derivative is a slope between two points that close in. Limits say where it heads."
        )
        self.panel = Panel(corner=UR, edge_buff=0.45)
        self.secant_beats()
        self.sinc_beats()
        self.close_chapter(
            "A limit is where a value heads, not where it lands.",
            "The slope of the secant heads to 2 as h shrinks, and sin x over x heads to 1 "
            "at a point where it is not even defined. Next, that limit becomes the derivative.",
        )

    # ------------------------------------------------------------------------------------
    def secant_beats(self) -> None:
        axes = function_axes(
            (-0.5, 3, 1), (-1, 7, 1), x_length=7.0, y_length=7.0, backed_labels=True
        )
        # centred in the room the panel leaves until the zoom needs the right-hand side
        axes.to_edge(LEFT, buff=0.5).shift(ROOM_FOR_ZOOM * RIGHT)
        curve = axes.plot(SQUARE.f, x_range=(-0.5, 2.62), color=theme.CURVE, stroke_width=4)
        f_label = theme.tex("f(x) = x^2", size=PANEL_SIZE, color=theme.CURVE)
        f_label.next_to(axes.c2p(2.4, 6.6), LEFT, buff=0.2)
        quotient = theme.tex(r"\frac{(1+h)^2 - 1}{h}", size=PANEL_SIZE)
        h_read = Readout("h", float(STEPS_H[0]), decimals=2, size=PANEL_SIZE)
        slope_read = Readout(
            r"\text{slope}", 0.0, decimals=SLOPE_DECIMALS, size=PANEL_SIZE, color=theme.GRADIENT
        )
        secant = SecantTangent(
            axes, SQUARE, X0, float(STEPS_H[0]), readout=slope_read, run_readout=h_read, reach=0.55
        )
        self.secant = secant
        ghosts: list[Line] = []
        # both readouts follow the drawn secant while it turns: h is its run leg, and the
        # slope is rise over run of that same drawing, ((1 + h)² − 1)/h; checked from the
        # moment the secant is drawn until it stops
        invariants = contextlib.ExitStack()
        with self.beat(
            "Here is f of x equals x squared, and the point one, one on it. A second "
            "point sits h further along: with h equal to one, that is two, four. The "
            "secant through both rises three over a run of one, so its slope is three."
        ) as b:
            b.say(0, Create(axes), Create(curve), FadeIn(f_label))
            b.say(1, secant.create())
            invariants.enter_context(
                self.invariant(
                    "h readout equals the drawn run", lambda: (h_read.value, secant.run_shown())
                )
            )
            invariants.enter_context(
                self.invariant(
                    "slope readout equals the drawn secant's slope",
                    lambda: (slope_read.value, secant.slope_shown()),
                )
            )
            invariants.enter_context(
                self.invariant(
                    "slope readout is the quotient for the drawn h",
                    lambda: (slope_read.value, exact_secant_slope(Fraction(secant.run_shown()))),
                )
            )
            b.say(
                2,
                AnimationGroup(
                    self.panel.show(quotient, h_read, slope_read),
                    AnimationGroup(
                        Circumscribe(secant.rise_leg, color=theme.MUTED, buff=0.08),
                        Circumscribe(secant.run_leg, color=theme.MUTED, buff=0.08),
                        lag_ratio=0.5,
                    ),
                    lag_ratio=0.4,
                ),
            )
            self.check_secant(STEPS_H[0], h_read, slope_read)

        with self.beat(
            "Leave a faint ghost of this secant behind, and slide the second point "
            "towards the first. As h shrinks to 0.1 the secant turns, and its slope "
            "counts down to 2.1."
        ) as b:
            b.say(0, self.leave_ghost(ghosts, axes))
            b.say(1, secant.animate_h_to(float(STEPS_H[1])))
            self.check_secant(STEPS_H[1], h_read, slope_read)
            self.checkpoint(
                "ghost_slope_h=1",
                line_slope_shown(axes, ghosts[0]),
                expected=float(exact_secant_slope(STEPS_H[0])),
                tol=1e-6,
            )

        zoom = Magnifier(axes, SECANT_WINDOW, x_length=4.0, y_length=2.6)
        zoom.move_to(np.array([4.1, -1.95, 0.0]))
        zoom.plot(SQUARE.f, (0.99, 1.0198), color=theme.CURVE, stroke_width=4)
        zoom.mirror_segment(ghosts[0])
        zoom_run = zoom.mirror_segment(secant.run_leg)
        zoom_rise = zoom.mirror_segment(secant.rise_leg)
        zoom_parts: dict[str, VMobject] = {
            "line": zoom.mirror_segment(secant.line),
            "anchor": zoom.mirror_dot(secant.anchor),
            "moving": zoom.mirror_dot(secant.moving),
        }
        lens = Circle(radius=0.28, stroke_color=theme.ACCENT, stroke_width=2.5)
        lens.move_to(axes.c2p(X0, X0**2) + ROOM_FOR_ZOOM * LEFT)
        with (
            invariants,
            self.beat(
                "Zoom in around the point one, one. As h shrinks to 0.01 the second "
                "point glides into the zoom and stops, still apart from the first. "
                "Rise 0.0201 over run 0.01: the slope is 2.01."
            ) as b,
        ):
            main = VGroup(axes, curve, f_label, secant, *ghosts)
            b.say(
                0,
                AnimationGroup(
                    built(main.animate.shift(ROOM_FOR_ZOOM * LEFT)),
                    AnimationGroup(
                        GrowFromCenter(lens), FadeIn(zoom, scale=0.4, target_position=lens)
                    ),
                    lag_ratio=0.5,
                ),
            )
            ghost = self.leave_ghost(ghosts, axes)
            zoom.mirror_segment(ghosts[1])
            b.say(1, ghost, secant.animate_h_to(float(STEPS_H[2])))
            self.check_secant(STEPS_H[2], h_read, slope_read)
            run_read = Readout("h", 0.0, decimals=2, size=INSET_SIZE, color=theme.MUTED)
            rise_read = Readout(r"\Delta f", 0.0, decimals=4, size=INSET_SIZE, color=theme.MUTED)
            run_read.follow(lambda: zoom.run_shown(zoom_run))
            rise_read.follow(lambda: zoom.rise_shown(zoom_rise))
            run_read.next_to(zoom.axes.c2p(1.005, 1.0), DOWN, buff=0.15)
            rise_read.next_to(zoom.axes.c2p(1.01, 1.01), RIGHT, buff=0.15)
            b.say(2, FadeIn(run_read), FadeIn(rise_read))
            self.check_zoom(zoom, zoom_parts, run_read, rise_read)
            self.checkpoint(
                "ghost_slope_h=0.1",
                line_slope_shown(axes, ghosts[1]),
                expected=float(exact_secant_slope(STEPS_H[1])),
                tol=1e-6,
            )

        simplified = theme.tex(r"\frac{(1+h)^2 - 1}{h} = 2 + h", size=PANEL_SIZE)
        limit_row = theme.tex(r"\lim_{h\to 0} (2 + h) = 2", size=PANEL_SIZE, color=theme.GOOD)
        with self.beat(
            "The quotient simplifies to two plus h, so each tenfold cut in h cuts the "
            "gap to two by ten. As h goes to zero, the slopes head to exactly two. The "
            "line with that slope is the tangent: it touches the curve at one, one "
            "without crossing it."
        ) as b:
            b.say(0, self.panel.swap((quotient, simplified)))
            b.say(1, self.panel.grow(limit_row))
            tangent = secant.show_tangent(SQUARE.derivative(X0))
            assert secant.tangent is not None
            zoom_tangent = zoom.mirror_segment(secant.tangent)
            b.say(2, tangent)
            self.checkpoint(
                "tangent_slope",
                secant.tangent_slope_shown(),
                expected=sympy_tangent_slope(),
                tol=1e-6,
            )
            self.checkpoint(
                "zoom_tangent_slope",
                line_slope_shown(zoom.axes, zoom_tangent),
                expected=sympy_tangent_slope(),
                tol=1e-6,
            )
        zoom2 = self.closer_beat(zoom, VGroup(run_read, rise_read))
        self.play(
            FadeOut(VGroup(axes, curve, f_label, secant, *ghosts, zoom2, lens)), self.panel.hide()
        )

    def closer_beat(self, zoom: Magnifier, zoom_labels: VGroup) -> Magnifier:
        """A second zoom at the second point: there the tangent runs h² below the secant."""
        secant, h = self.secant, STEPS_H[2]
        assert secant.tangent is not None
        zoom2 = Magnifier(secant.axes, CLOSER_WINDOW, x_length=4.0, y_length=2.6)
        zoom2.move_to(zoom.frame.get_center()).align_to(zoom.frame, RIGHT)
        zoom2.plot(SQUARE.f, CLOSER_WINDOW[0][:2], color=theme.CURVE, stroke_width=4)
        tangent = zoom2.mirror_segment(secant.tangent)
        line = zoom2.mirror_segment(secant.line)
        moving = zoom2.mirror_dot(secant.moving)
        small_lens = Circle(radius=0.2, stroke_color=theme.ACCENT, stroke_width=2.5)
        small_lens.move_to(zoom.axes.c2p(float(X0 + h), float((X0 + h) ** 2)))
        # the gap, drawn between two readings of the inset: the dot, and the tangent below it
        dot_x, dot_y = zoom2.point_shown(moving)
        (tx0, ty0), (tx1, ty1) = (coords(zoom2.axes, v) for v in tangent.get_start_and_end())
        below = ty0 + (ty1 - ty0) * (dot_x - tx0) / (tx1 - tx0)
        gap = Line(
            zoom2.axes.c2p(dot_x, below), zoom2.axes.c2p(dot_x, dot_y), stroke_color=theme.TEXT
        )
        gap.set_stroke(width=3)
        gap_read = Readout("h^2", 0.0, decimals=4, size=INSET_SIZE)
        gap_read.follow(lambda: zoom2.rise_shown(gap))
        # under the tangent, right of the gap: the lines only rise from there
        gap_read.move_to(zoom2.axes.c2p(dot_x, below), aligned_edge=UP + LEFT)
        gap_read.shift(0.15 * RIGHT + 0.15 * DOWN)
        with self.beat(
            "Even magnified, the secant for h equal to 0.01 hides the tangent, so zoom "
            "again at the second point. There the tangent runs one ten-thousandth below "
            "the secant: h squared, a gap that only closes as h goes to zero."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    GrowFromCenter(small_lens),
                    AnimationGroup(
                        FadeOut(VGroup(zoom, zoom_labels, small_lens)),
                        FadeIn(zoom2, scale=0.3, target_position=small_lens),
                    ),
                    lag_ratio=0.5,
                ),
            )
            # the number fades in once the gap it reads is drawn whole
            b.say(1, AnimationGroup(Create(gap), FadeIn(gap_read), lag_ratio=1.0))
            self.checkpoint(
                "closer_second_point_h=0.01",
                zoom2.point_shown(moving),
                expected=[float(X0 + h), float((X0 + h) ** 2)],
                tol=1e-9,
            )
            self.checkpoint(
                "closer_secant_slope_h=0.01",
                line_slope_shown(zoom2.axes, line),
                expected=float(exact_secant_slope(h)),
                tol=1e-6,
            )
            self.checkpoint(
                "closer_tangent_slope",
                line_slope_shown(zoom2.axes, tangent),
                expected=sympy_tangent_slope(),
                tol=1e-6,
            )
            self.checkpoint("closer_gap", zoom2.rise_shown(gap), expected=float(h**2), tol=1e-9)
            self.checkpoint("closer_gap_readout", gap_read.value, expected=float(h**2))
        zoom.clear_updaters()
        zoom2.clear_updaters()
        zoom2.add(gap, gap_read)
        return zoom2

    def leave_ghost(self, ghosts: list[Line], axes: Axes) -> Animation:
        """A copy of the secant where it is now, dimmed to a faint ghost."""
        ghost = ghost_of(self.secant.line)
        ghosts.append(ghost)
        self.add(ghost)
        self.bring_to_front(self.secant)
        return built(ghost.animate.set_stroke(opacity=GHOST_OPACITY, width=3))

    def check_secant(self, h: Fraction, h_read: Readout, slope_read: Readout) -> None:
        """The drawn secant's slope, its second point and both readouts at step ``h``."""
        name = f"h={float(h):g}"
        slope = float(exact_secant_slope(h))
        self.checkpoint(f"secant_slope_{name}", self.secant.slope_shown(), expected=slope, tol=1e-6)
        self.checkpoint(f"slope_readout_{name}", slope_read.value, expected=slope)
        self.checkpoint(
            f"second_point_{name}",
            self.secant.points_shown()[1],
            expected=[float(X0 + h), float((X0 + h) ** 2)],
            tol=1e-6,
        )
        self.checkpoint(f"run_leg_{name}", self.secant.run_shown(), expected=float(h), tol=1e-9)
        self.checkpoint(f"h_readout_{name}", h_read.value, expected=float(h))

    def check_zoom(
        self, zoom: Magnifier, parts: dict[str, VMobject], run_read: Readout, rise_read: Readout
    ) -> None:
        """The magnified picture at h = 0.01, read through the inset's own axes."""
        h = STEPS_H[2]
        rise = (X0 + h) ** 2 - X0**2
        self.checkpoint(
            "zoom_second_point_h=0.01",
            zoom.point_shown(parts["moving"]),
            expected=[float(X0 + h), float((X0 + h) ** 2)],
            tol=1e-6,
        )
        self.checkpoint(
            "zoom_anchor", zoom.point_shown(parts["anchor"]), expected=[1.0, 1.0], tol=1e-6
        )
        line = parts["line"]
        assert isinstance(line, Line)
        self.checkpoint(
            "zoom_secant_slope_h=0.01",
            line_slope_shown(zoom.axes, line),
            expected=float(exact_secant_slope(h)),
            tol=1e-6,
        )
        self.checkpoint("zoom_run_readout", run_read.value, expected=float(h))
        self.checkpoint("zoom_rise_readout", rise_read.value, expected=float(rise))

    # ------------------------------------------------------------------------------------
    def sinc_beats(self) -> None:
        axes = function_axes(
            (-7, 7, 1), (-0.5, 1.25, 0.5), x_length=8.0, y_length=5.0, backed_labels=True
        )
        remove_y_numbers(axes, (1.0,))  # the hole sits at (0, 1): its tick number would too
        axes.to_edge(LEFT, buff=0.5).shift(0.35 * UP)
        x_read = Readout("x", SINC_START, decimals=2, size=PANEL_SIZE)
        y_read = Readout(
            r"\sin(x)/x", 0.0, decimals=SINC_DECIMALS, size=PANEL_SIZE, color=theme.DOT
        )
        approach = LimitApproach(
            axes, sin_over_x, (-7, 7), 0.0, 1.0, SINC_START, readout=y_read, x_readout=x_read
        )
        approach.hole.set_z_index(3)
        approach.dot.set_z_index(2)
        title = theme.tex(r"f(x) = \sin(x)/x", size=PANEL_SIZE, color=theme.CURVE)
        note = theme.text("undefined at x = 0", size=theme.LABEL_SIZE, color=theme.MUTED)
        level = DashedLine(
            axes.c2p(-7, 1), axes.c2p(7, 1), stroke_color=theme.GOOD, stroke_width=2.5
        )
        one = theme.tex("1", size=PANEL_SIZE, color=theme.GOOD)
        one.next_to(axes.c2p(7, 1), UP, buff=0.15).align_to(axes.c2p(7, 1), RIGHT)
        with self.beat(
            "A harder case: sine of x over x. At zero it is zero over zero, so the "
            "graph has a hole there, and the question is what height the hole "
            "should have."
        ) as b:
            b.say(0, Create(axes))
            # the readouts follow the dot: its x, and its height sin x / x (by sympy)
            invariants = contextlib.ExitStack()
            invariants.enter_context(
                self.invariant(
                    "x readout equals the dot's x", lambda: (x_read.value, approach.dot_shown()[0])
                )
            )
            invariants.enter_context(
                self.invariant(
                    "height readout is sin x / x at the dot",
                    lambda: (y_read.value, sympy_sinc(approach.dot_shown()[0])),
                )
            )
            b.say(
                1,
                AnimationGroup(
                    approach.create(),
                    self.panel.show(title, note, x_read, y_read),
                    Circumscribe(approach.hole, shape=Circle, color=theme.ACCENT, buff=0.1),
                    lag_ratio=0.5,
                ),
            )
            self.checkpoint(
                "sinc_at_start",
                approach.dot_shown(),
                expected=[SINC_START, sympy_sinc(SINC_START)],
                tol=1e-6,
            )
            self.checkpoint("x_readout_at_start", x_read.value, expected=SINC_START)
            self.checkpoint("sinc_readout_at_start", y_read.value, expected=sympy_sinc(SINC_START))

        zoom = Magnifier(axes, SINC_WINDOW, x_length=4.0, y_length=2.2, drop_y_numbers=(0.997, 1.0))
        zoom.move_to(np.array([4.35, -2.15, 0.0]))
        zoom.plot(sin_over_x, (-0.12, -0.004), color=theme.CURVE, stroke_width=4)
        zoom.plot(sin_over_x, (0.004, 0.12), color=theme.CURVE, stroke_width=4)
        zoom_level = DashedLine(
            zoom.axes.c2p(-0.12, 1),
            zoom.axes.c2p(0.12, 1),
            stroke_color=theme.GOOD,
            stroke_width=2.5,
        )
        zoom_one = theme.tex("1", size=INSET_SIZE, color=theme.GOOD)
        zoom_one.next_to(zoom.axes.c2p(0.12, 1), UP, buff=0.08).align_to(
            zoom.axes.c2p(0.12, 1), RIGHT
        )
        zoom_dot = zoom.mirror_dot(approach.dot)
        zoom_hole = zoom.mirror_dot(approach.hole)
        zoom_hole.set_z_index(3)
        lens = Circle(radius=0.28, stroke_color=theme.ACCENT, stroke_width=2.5)
        lens.move_to(axes.c2p(0, 1))

        def walk(stops: tuple[float, ...], total: float) -> None:
            """Slide through ``stops`` at one speed, in ``total`` seconds, checking each."""
            legs = np.abs(np.diff([approach.x, *stops]))
            for x, leg in zip(stops, legs, strict=True):
                self.play(approach.slide_to(x, run_time=max(0.6, total * leg / legs.sum())))
                self.checkpoint(
                    f"sinc_dot_x={x:g}", approach.dot_shown(), expected=[x, sympy_sinc(x)], tol=1e-6
                )
                self.checkpoint(f"sinc_readout_x={x:g}", y_read.value, expected=sympy_sinc(x))
                self.checkpoint(f"x_readout_x={x:g}", x_read.value, expected=x)

        with (
            invariants,
            self.beat(
                "Walk a dot along the curve towards zero: its height is 0.84 at one, "
                "and 0.96 at a half. Zoomed in near the hole, it reads 0.998 at a tenth, "
                "then 0.99993 at two hundredths. It never reaches the hole, yet the "
                "heights close in on one."
            ) as b,
        ):
            walk(SINC_STOPS[:2], b.sentence(0))
            self.play(
                GrowFromCenter(lens), FadeIn(zoom, scale=0.4, target_position=lens), run_time=1.2
            )
            walk(SINC_STOPS[2:], b.sentences[1].end - self.clock + 0.3)
            b.say(2, Create(level), Create(zoom_level), FadeIn(one, zoom_one))
            self.checkpoint(
                "zoom_sinc_dot_x=0.02",
                zoom.point_shown(zoom_dot),
                expected=[0.02, sympy_sinc(0.02)],
                tol=1e-6,
            )
        left = Dot(radius=0.09, color=theme.DOT).set_z_index(2)
        left.move_to(axes.c2p(SINC_LEFT[0], sin_over_x(SINC_LEFT[0])))
        zoom.mirror_dot(left)

        def slide_left(_m: Mobject, alpha: float) -> None:
            x = SINC_LEFT[0] + alpha * (SINC_LEFT[1] - SINC_LEFT[0])
            left.move_to(axes.c2p(x, sin_over_x(x)))

        limit_row = theme.tex(
            r"\lim_{x\to 0} \frac{\sin x}{x} = 1", size=PANEL_SIZE, color=theme.GOOD
        )
        with self.beat(
            "From the left the heights close in on one as well. So the limit is one, "
            "even though the function has no value at zero. A limit only asks where "
            "the values go, never what happens at the point."
        ) as b:
            self.add(left)
            b.say(0, UpdateFromAlphaFunc(left, slide_left))
            b.say(1, self.panel.swap((note, limit_row)))
            b.say(2, Circumscribe(VGroup(zoom_hole), shape=Circle, color=theme.ACCENT, buff=0.12))
            h = sp.symbols("x")
            self.checkpoint(
                "sinc_hole_height",
                approach.hole_shown(),
                expected=[0.0, float(sp.limit(sp.sin(h) / h, h, 0))],
                tol=1e-6,
            )
            self.checkpoint(
                "sinc_left_dot",
                coords(axes, left),
                expected=[SINC_LEFT[1], sympy_sinc(SINC_LEFT[1])],
                tol=1e-6,
            )
            self.checkpoint(
                "zoom_sinc_hole",
                zoom.point_shown(zoom_hole),
                expected=[0.0, float(sp.limit(sp.sin(h) / h, h, 0))],
                tol=1e-6,
            )


SCENES = [Limits]
