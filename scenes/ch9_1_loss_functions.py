"""9.1 Loss Functions: squared errors as literal squares, an outlier dragged out, and four
losses side by side with a probe sliding along them.

Five data points and their least-squares line; each residual is drawn as a vertical segment
and a square whose side is the residual, placed on the side away from the line so the line
never crosses it: the squares' total area over n is the MSE (and the segments' mean length
the MAE). Keeping the line, one point is dragged down until it misses by 2.5: its square
swells to 6.25 while the MSE and MAE readouts follow the drawing, and copies of the other
four squares fit into its corner. Then MSE, MAE and Huber (δ = 1, its ±δ boundary drawn as
dashed lines) are plotted against the residual with a probe sliding along them, live
readouts riding its dots and Huber's values left behind at the marks, out to the outlier
at −2.5 (6.25 vs 2.5 vs 2); then Huber's quadratic piece and its straight tails are lit in
turn. Last, binary cross-entropy against the predicted probability, the probe walking from
0.9 down to 0.1.
Every number is read back from the drawing and checked against written-out formulas.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    UP,
    UR,
    AnimationGroup,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    Mobject,
    VGroup,
)

from mathviz import theme
from mathviz.maths.losses import absolute, binary_cross_entropy, huber, least_squares_line, squared
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.loss_probe import DraggableSquares, LossProbe, ThresholdMarks
from mathviz.primitives.losses import LossCurves, LossSpec
from mathviz.primitives.motion import built
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import derived, printed, printed_all
from mathviz.scene import Invariant, LectureScene
from mathviz.theme import at

X = (1.0, 2.5, 4.0, 5.5, 7.0)
Y = (2.4, 2.6, 5.2, 4.9, 7.1)
#: the point dragged out, and how far below the line it ends
OUTLIER, OUTLIER_RESIDUAL = 2, -2.5
DELTA = 1.0
RESIDUAL_MARKS = (-2.5, -1.0, 0.5, 2.0)
#: the probe's stops on the loss plot, in the order it visits them
PROBE_FIRST, PROBE_INSIDE = 2.0, 0.5
PROBABILITY_MARKS = (0.1, 0.5, 0.9)
#: Huber's values at the marks typeset with the places that show them exactly
STAMP_DECIMALS = {-2.5: 0, -1.0: 1, 0.5: 3, 2.0: 1}
PANEL_SIZE = 32
STAMP_SIZE = 30
COLORS = {"mse": theme.NORM_L2, "mae": theme.NORM_L1, "huber": theme.GOOD}
TOL = 1e-6
#: a wide translucent stroke laid over a piece of a curve to point at it
HIGHLIGHT: dict[str, Any] = {"color": theme.ACCENT, "stroke_width": 12, "stroke_opacity": 0.4}


# --- independent routes to the expected values ----------------------------------------------
def residuals_by_lstsq() -> np.ndarray:
    """Residuals of the line from numpy's least squares (not the normal-equation fit drawn)."""
    A = np.column_stack([X, np.ones(len(X))])
    coef, *_ = np.linalg.lstsq(A, np.array(Y), rcond=None)
    return np.asarray(np.array(Y) - A @ coef, dtype=float)


def huber_by_cases(r: float) -> float:
    """Huber with δ = 1, case by case."""
    return 0.5 * r * r if abs(r) <= DELTA else DELTA * abs(r) - 0.5 * DELTA * DELTA


def by_formula(r: float) -> list[float]:
    """r², |r| and Huber at ``r``, written out."""
    return [r * r, math.fabs(r), huber_by_cases(r)]


def on_baseline(readout: Readout, size: int = PANEL_SIZE) -> Readout:
    """Sit the readout's digits on its label's baseline (not centred on a label whose
    parentheses, bars or descenders make its box deeper): the "=" sign's bottom is 0.0016
    font units above the baseline of TeX's digits."""
    eq = readout.label[0][-1]
    target = eq.get_bottom()[1] - 0.0016 * size
    readout.number.shift((target - readout.number.get_bottom()[1]) * UP)
    return readout


def named_row(name: str, readout: Readout, color: Any, left: float, y: float, col: float) -> VGroup:
    """``name  label = value``: the name and the readout on one baseline, in fixed columns."""
    on_baseline(readout)
    readout.move_to(at(col, y), aligned_edge=LEFT)
    title = theme.tex(rf"\text{{{name}}}", size=PANEL_SIZE, color=color)
    title.move_to(at(left, y), aligned_edge=LEFT)
    title.shift((readout.number.get_bottom()[1] - title.get_bottom()[1]) * UP)
    return VGroup(title, readout)


def line_overlaps(axes: Any, line_fit: tuple[float, float], squares: VGroup) -> Any:
    """For each drawn square, how far the drawn line runs inside it (0: it only touches)."""
    slope, intercept = line_fit
    depths, read = [], []
    for square in squares:
        corners = coords(axes, square.get_vertices())
        read.append(corners)
        a, b = corners[:, 0].min(), corners[:, 0].max()
        lo, hi = corners[:, 1].min(), corners[:, 1].max()
        ya, yb = slope * a + intercept, slope * b + intercept
        depths.append(max(0.0, min(hi, max(ya, yb)) - max(lo, min(ya, yb))))
    return derived("the drawn line's run inside each drawn square", depths, line_fit, *read)


class LossFunctions(LectureScene):
    chapter_id = "9.1"

    def construct(self) -> None:
        self.open_chapter("A loss function turns a model's mistakes into one number.")
        self.squares_beats()
        self.outlier_beat()
        self.regression_losses_beats()
        self.cross_entropy_beats()
        self.close_chapter(
            "Squares punish outliers; absolute values forgive them.",
            "Squared error is area, absolute error is length, and Huber blends the two. "
            "Next: the algorithms that minimise them.",
        )

    # ------------------------------------------------------------------------------------
    def squares_beats(self) -> None:
        fit = least_squares_line(X, Y)
        axes = function_axes((0, 8, 1), (0, 8, 1), x_length=6.5, y_length=6.5)
        axes.shift(at(-6.1, -3.2) - axes.c2p(0, 0))
        drawing = DraggableSquares(axes, fit)
        self.panel = Panel(anchor=at(1.9, 2.3))
        # slope and intercept as separate parts of one formula, so each is read as printed
        line_formula = theme.tex(
            r"\hat y =",
            f"{fit.slope:.2f}",
            r"\,x +",
            f"{fit.intercept:.2f}",
            size=PANEL_SIZE,
            color=theme.CURVE,
        )
        with self.beat(
            "Five data points, and the straight line that least squares fits to them. No "
            "line passes through all five: each miss is a residual, the vertical gap from "
            "the point to the line."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    Create(axes), drawing.create(), self.panel.show(line_formula), lag_ratio=0.45
                ),
            )
            b.say(1, drawing.show_residuals())
            slope, intercept = drawing.line_shown()
            A = np.column_stack([X, np.ones(len(X))])
            (m, c), *_ = np.linalg.lstsq(A, np.array(Y), rcond=None)
            self.checkpoint("fitted_slope", slope, expected=m, tol=TOL)
            self.checkpoint("fitted_intercept", intercept, expected=c, tol=TOL)
            self.checkpoint("formula_slope", printed(line_formula[1]), expected=m)
            self.checkpoint("formula_intercept", printed(line_formula[3]), expected=c)
            expected_r = residuals_by_lstsq()
            self.checkpoint("residuals", drawing.residuals_shown(), expected=expected_r, tol=TOL)

        def mean_length() -> float:
            return float(np.mean(np.abs(drawing.residuals_shown())))

        def area() -> float:
            return drawing.total_area_shown()

        mae_read = on_baseline(
            Readout(r"\mathrm{MAE}", 0.0, decimals=2, size=PANEL_SIZE, color=theme.BAD)
        )
        mae_read.follow(mean_length)
        with self.beat(
            "Average the lengths of the red gaps, and you have the mean absolute error: 0.55."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    AnimationGroup(
                        *(
                            Indicate(s, color=theme.ACCENT, scale_factor=1.0)
                            for s in drawing.segments
                        ),
                        lag_ratio=0.35,
                    ),
                    self.panel.grow(mae_read),
                    lag_ratio=0.6,
                ),
            )
            self.add(drawing)  # the flashed gaps back in the drawing's order (under nothing)
            self.checkpoint(
                "mae_readout", mae_read.value, expected=float(np.sum(np.abs(expected_r))) / len(X)
            )

        sse_read = on_baseline(Readout(r"\Sigma\,\mathrm{area}", 0.0, decimals=2, size=PANEL_SIZE))
        mse_read = on_baseline(
            Readout(r"\mathrm{MSE} = \Sigma / 5", 0.0, decimals=2, size=PANEL_SIZE)
        )
        sse_read.follow(area)
        mse_read.follow(lambda: area() / len(X))
        with self.beat(
            "Squared error builds a square on every residual: its side is the miss, its area "
            "the miss squared. Their total area over five is the mean squared error, 0.34.",
            hold=0.3,
        ) as b:
            b.say(0, drawing.show_squares())
            b.say(
                1,
                AnimationGroup(
                    AnimationGroup(
                        *(
                            Indicate(s, color=theme.ACCENT, scale_factor=1.0)
                            for s in drawing.squares
                        ),
                        lag_ratio=0.3,
                    ),
                    self.panel.grow(sse_read, mse_read),
                    lag_ratio=0.5,
                ),
            )
            self.add(drawing)  # the flashed squares back under the line, dots and gaps
            total = drawing.total_area_shown()
            sse = float(sum(r * r for r in expected_r))
            self.checkpoint("total_square_area", total, expected=sse, tol=TOL)
            self.checkpoint("sse_readout", sse_read.value, expected=sse)
            self.checkpoint("mse_readout", mse_read.value, expected=sse / len(X))
            self.checkpoint(
                "line_clear_of_squares",
                line_overlaps(axes, drawing.line_shown(), drawing.squares),
                expected=[0.0] * len(X),
                tol=1e-9,
            )
        self.axes, self.drawing, self.fit = axes, drawing, fit
        self.mae_read, self.sse_read, self.mse_read = mae_read, sse_read, mse_read
        self.mean_length, self.area = mean_length, area

    def outlier_beat(self) -> None:
        axes, drawing, fit = self.axes, self.drawing, self.fit
        square = drawing.squares[OUTLIER]
        x_out = X[OUTLIER]
        y_out = float(fit.predict(x_out)) + OUTLIER_RESIDUAL
        out_read = on_baseline(
            Readout(r"\text{outlier } r^2", 0.0, decimals=2, size=PANEL_SIZE, color=theme.ACCENT)
        )
        out_read.follow(lambda: float(drawing.areas_shown()[OUTLIER]))
        others = [i for i in range(len(X)) if i != OUTLIER]
        copies = VGroup(*(drawing.squares[i].copy() for i in others))
        checks: list[Invariant] = [
            (
                "MAE readout is the mean drawn gap",
                lambda: (self.mae_read.value, self.mean_length()),
                None,
            ),
            (
                "area readout is the drawn squares' area",
                lambda: (self.sse_read.value, self.area()),
                None,
            ),
            (
                "MSE readout is the drawn area over five",
                lambda: (self.mse_read.value, self.area() / len(X)),
                None,
            ),
            (
                "outlier readout is its square's area",
                lambda: (out_read.value, float(drawing.areas_shown()[OUTLIER])),
                None,
            ),
            (
                "every square's area is its residual squared",
                lambda: (drawing.areas_shown(), drawing.residuals_shown() ** 2),
                1e-9,
            ),
        ]
        with self.hold(checks):
            with self.beat(
                "Now keep the line, and drag one point down until it misses by two and a "
                "half. Its square swells to 6.25, more than three times all the others put "
                "together. The mean squared error jumps to 1.48, while the mean absolute "
                "error only rises to 0.9."
            ) as b:
                self.play(
                    built(
                        square.animate.set_fill(theme.ACCENT, opacity=0.45).set_stroke(theme.ACCENT)
                    ),
                    self.panel.grow(out_read),
                    run_time=0.8,
                )
                b.say(0, drawing.drag(OUTLIER, y_out))
                # the other four squares, moved into the outlier square's corner, side by side
                corner = square.get_corner(DL)
                moves = []
                for sq in copies:
                    moves.append(built(sq.animate.move_to(corner, aligned_edge=DL)))
                    corner = corner + (sq.width + 0.08) * np.array([1.0, 0.0, 0.0])
                self.add(copies)
                b.say(1, AnimationGroup(*moves, lag_ratio=0.25))
                b.say(
                    2,
                    AnimationGroup(
                        Circumscribe(self.mse_read, color=theme.ACCENT),
                        Circumscribe(self.mae_read, color=theme.ACCENT),
                        lag_ratio=0.6,
                    ),
                )
                r_out = residuals_by_lstsq()
                r_out[OUTLIER] = OUTLIER_RESIDUAL
                sse = float(np.sum(r_out**2))
                A = np.column_stack([X, np.ones(len(X))])
                (m, c), *_ = np.linalg.lstsq(A, np.array(Y), rcond=None)
                self.checkpoint(
                    "outlier_point",
                    drawing.point_shown(OUTLIER),
                    expected=[x_out, m * x_out + c + OUTLIER_RESIDUAL],
                    tol=TOL,
                )
                self.checkpoint(
                    "outlier_residual",
                    derived(
                        "the dragged point's drawn gap",
                        float(drawing.residuals_shown()[OUTLIER]),
                        drawing.residuals_shown(),
                    ),
                    expected=OUTLIER_RESIDUAL,
                    tol=TOL,
                )
                self.checkpoint(
                    "outlier_square_area",
                    derived(
                        "the dragged point's drawn square",
                        float(drawing.areas_shown()[OUTLIER]),
                        drawing.areas_shown(),
                    ),
                    expected=OUTLIER_RESIDUAL**2,
                    tol=TOL,
                )
                self.checkpoint("outlier_square_readout", out_read.value, expected=6.25)
                self.checkpoint("outlier_sse_readout", self.sse_read.value, expected=sse)
                self.checkpoint("outlier_mse_readout", self.mse_read.value, expected=sse / len(X))
                self.checkpoint(
                    "outlier_mae_readout",
                    self.mae_read.value,
                    expected=float(np.mean(np.abs(r_out))),
                )
                others_area = derived(
                    "the other four drawn squares' area",
                    float(sum(drawing.areas_shown()[i] for i in others)),
                    drawing.areas_shown(),
                )
                self.checkpoint(
                    "other_squares_area",
                    others_area,
                    expected=float(np.sum(np.delete(r_out, OUTLIER) ** 2)),
                    tol=TOL,
                )
                # the copies' corners, read back: none lies outside the outlier square
                far = [coords(axes, sq.get_corner(UR)) for sq in copies]
                near = [coords(axes, sq.get_corner(DL)) for sq in copies]
                lo = coords(axes, square.get_corner(DL))
                hi = coords(axes, square.get_corner(UR))
                self.checkpoint(
                    "copies_fit_in_the_outlier_square",
                    derived(
                        "how far the copies' corners stick out of the outlier square",
                        [float(max(0.0, *(p - hi))) for p in far]
                        + [float(max(0.0, *(lo - p))) for p in near],
                        *far,
                        *near,
                        lo,
                        hi,
                    ),
                    expected=[0.0] * (2 * len(copies)),
                    tol=1e-9,
                )
                self.checkpoint(
                    "line_clear_of_squares_after_drag",
                    line_overlaps(axes, drawing.line_shown(), drawing.squares),
                    expected=[0.0] * len(X),
                    tol=1e-9,
                )
        for readout in (self.mae_read, self.sse_read, self.mse_read, out_read):
            readout.stop_following()
        self.play(FadeOut(VGroup(axes, drawing, copies)), self.panel.hide())

    # ------------------------------------------------------------------------------------
    def regression_losses_beats(self) -> None:
        axes = function_axes((-3, 3, 1), (0, 7, 1), x_length=7.6, y_length=6.2, backed_labels=True)
        axes.shift(at(-6.3, -2.85) - axes.c2p(-3, 0))
        x_label = theme.text("residual r", size=26, color=theme.MUTED)
        x_label.next_to(axes, DOWN, buff=0.15)
        functions: dict[str, Callable[[float], float]] = {
            "mse": lambda r: float(squared(r)),
            "mae": lambda r: float(absolute(r)),
            "huber": lambda r: float(huber(r, DELTA)),
        }
        curves = LossCurves(
            axes,
            [
                LossSpec("mse", functions["mse"], COLORS["mse"], (-2.6, 2.6)),
                LossSpec("mae", functions["mae"], COLORS["mae"], (-3.0, 3.0)),
                LossSpec("huber", functions["huber"], COLORS["huber"], (-3.0, 3.0)),
            ],
            marks=RESIDUAL_MARKS,
        )
        probe = LossProbe(axes, {k: (f, COLORS[k]) for k, f in functions.items()}, 0.0)
        probe.set_z_index(1)
        marks = ThresholdMarks(
            axes,
            (-DELTA, DELTA),
            [theme.tex(r"-\delta", size=PANEL_SIZE), theme.tex(r"\delta = 1", size=PANEL_SIZE)],
            top=6.2,
        )
        panel = Panel(corner=UR)
        self.panel = panel
        left, col = 2.05, 3.75
        r_read = Readout("r", 0.0, decimals=2, size=PANEL_SIZE)
        reads = {
            "mse": Readout(r"r^2", 0.0, decimals=2, size=PANEL_SIZE, color=COLORS["mse"]),
            "mae": Readout(r"|r|", 0.0, decimals=2, size=PANEL_SIZE, color=COLORS["mae"]),
            "huber": Readout(r"h", 0.0, decimals=2, size=PANEL_SIZE, color=COLORS["huber"]),
        }
        rows = {
            "r": named_row("residual", r_read, theme.TEXT, left, 3.25, col),
            "mse": named_row("MSE", reads["mse"], COLORS["mse"], left, 2.5, col),
            "mae": named_row("MAE", reads["mae"], COLORS["mae"], left, 1.75, col),
            "huber": named_row("Huber", reads["huber"], COLORS["huber"], left, 1.0, col),
        }
        r_read.follow(probe.x_shown)
        for name, readout in reads.items():
            readout.follow(partial(probe.value_shown, name))
        stamps = {
            r: on_baseline(
                Readout(
                    rf"h({r:g})",
                    0.0,
                    decimals=STAMP_DECIMALS[r],
                    size=STAMP_SIZE,
                    color=COLORS["huber"],
                ),
                STAMP_SIZE,
            )
            for r in (PROBE_FIRST, PROBE_INSIDE, -DELTA, OUTLIER_RESIDUAL)
        }
        # the values left behind get a card of their own: revealing one never pauses the
        # live readouts above (an animated group suspends its members' updaters)
        ledger = Panel(corner=UR)
        for i, row in enumerate(stamps.values()):
            row.move_to(at(left, -0.15 - 0.62 * i), aligned_edge=LEFT)
            self.declare_shown(row.label, "a marked residual (an input of the lecture)")

        def stamp(r: float) -> Readout:
            """The Huber value under the probe, typeset beside its residual."""
            return stamps[r].set(probe.value_shown("huber"))

        checks: list[Invariant] = [
            (
                "probe dots lie on their curves",
                lambda: (
                    [probe.value_shown(n) for n in ("mse", "mae", "huber")],
                    by_formula(probe.x_shown()),
                ),
                TOL,
            ),
            ("r readout shows the probe's residual", lambda: (r_read.value, probe.x_shown()), None),
            *(
                (
                    f"{name} readout shows its dot's height",
                    lambda n=name: (reads[n].value, probe.value_shown(n)),
                    None,
                )
                for name in ("mse", "mae")
            ),
        ]
        huber_check: list[Invariant] = [
            (
                "huber readout shows its dot's height",
                lambda: (reads["huber"].value, probe.value_shown("huber")),
                None,
            )
        ]
        with contextlib.ExitStack() as held:
            with self.beat(
                "Now plot the loss of one point against its residual. Squared error is a "
                "parabola; absolute error is a V that grows only linearly. Slide the residual "
                "out to two: the square charges 4, the absolute value just 2."
            ) as b:
                b.say(0, AnimationGroup(Create(axes), FadeIn(x_label), lag_ratio=0.5))
                # read through the axes only once they are drawn
                held.enter_context(self.hold(checks))
                b.say(
                    1,
                    AnimationGroup(
                        AnimationGroup(curves.create("mse"), curves.create("mae")),
                        AnimationGroup(
                            panel.reveal(rows["r"], rows["mse"], rows["mae"]),
                            probe.appear("mse", "mae"),
                        ),
                        lag_ratio=0.6,
                    ),
                )
                b.say(2, probe.slide_to(PROBE_FIRST))
                self.checkpoint(
                    "mse_curve_dots",
                    curves.values_shown("mse"),
                    expected=[(-2.5) ** 2, (-1.0) ** 2, 0.5**2, 2.0**2],
                    tol=TOL,
                )
                self.checkpoint(
                    "mae_curve_dots",
                    curves.values_shown("mae"),
                    expected=[2.5, 1.0, 0.5, 2.0],
                    tol=TOL,
                )
                self.checkpoint(
                    "probe_at_two",
                    [probe.x_shown(), probe.value_shown("mse"), probe.value_shown("mae")],
                    expected=[2.0, 4.0, 2.0],
                    tol=TOL,
                )
                self.checkpoint(
                    "readouts_at_two",
                    printed_all([r_read.number, reads["mse"].number, reads["mae"].number]),
                    expected=[2.0, 4.0, 2.0],
                )
            with self.beat(
                "Huber loss is the compromise between them. Inside delta equals one, it is "
                "half of r squared. Past delta, it turns into a straight line, parallel to "
                "the V."
            ) as b:
                stamp(PROBE_FIRST)
                b.say(
                    0,
                    AnimationGroup(
                        curves.create("huber"),
                        AnimationGroup(probe.show_dot("huber"), panel.reveal(rows["huber"])),
                        ledger.reveal(stamps[PROBE_FIRST]),
                        lag_ratio=0.7,
                    ),
                )
                held.enter_context(self.hold(huber_check))
                b.say(
                    1,
                    AnimationGroup(
                        marks.create(), probe.slide_to(PROBE_INSIDE, run_time=2.5), lag_ratio=0.4
                    ),
                )
                stamp(PROBE_INSIDE)
                b.say(
                    2,
                    AnimationGroup(
                        ledger.reveal(stamps[PROBE_INSIDE]),
                        probe.slide_to(-DELTA, run_time=2.5),
                        lag_ratio=0.25,
                    ),
                )
                stamp(-DELTA)
                self.checkpoint(
                    "huber_stamps_first",
                    printed_all([stamps[PROBE_FIRST], stamps[PROBE_INSIDE]]),
                    expected=[huber_by_cases(PROBE_FIRST), huber_by_cases(PROBE_INSIDE)],
                )
                self.checkpoint(
                    "huber_curve_dots",
                    curves.values_shown("huber"),
                    expected=[huber_by_cases(r) for r in RESIDUAL_MARKS],
                    tol=TOL,
                )
                self.checkpoint(
                    "delta_marks", marks.positions_shown(), expected=[-DELTA, DELTA], tol=TOL
                )
                self.checkpoint(
                    "probe_at_minus_delta",
                    [probe.x_shown(), *(probe.value_shown(n) for n in ("mse", "mae", "huber"))],
                    expected=[-1.0, 1.0, 1.0, 0.5],
                    tol=TOL,
                )
            glow = {
                "quadratic": axes.plot(
                    functions["huber"], x_range=(-DELTA, DELTA, 0.01), **HIGHLIGHT
                ),
                "tails": VGroup(
                    axes.plot(functions["huber"], x_range=(-3.0, -DELTA, 0.01), **HIGHLIGHT),
                    axes.plot(functions["huber"], x_range=(DELTA, 3.0, 0.01), **HIGHLIGHT),
                ),
            }
            with self.beat(
                "Now the outlier, at minus two and a half. Squared error charges it 6.25, "
                "absolute error 2.5, and Huber only 2. Huber treats small errors like squared "
                "error, but no single outlier can take over.",
                hold=0.3,
            ) as b:
                b.say(
                    0,
                    AnimationGroup(
                        ledger.reveal(stamps[-DELTA]),
                        probe.slide_to(OUTLIER_RESIDUAL, run_time=2.5),
                        lag_ratio=0.25,
                    ),
                )
                stamp(OUTLIER_RESIDUAL)
                b.say(
                    1,
                    AnimationGroup(
                        *(
                            Indicate(probe.dots[n], scale_factor=1.8, color=COLORS[n])
                            for n in ("mse", "mae", "huber")
                        ),
                        ledger.reveal(stamps[OUTLIER_RESIDUAL]),
                        lag_ratio=0.5,
                    ),
                )
                outlier_losses = [probe.value_shown(n) for n in ("mse", "mae", "huber")]
                self.checkpoint(
                    "outlier_losses",
                    [probe.x_shown(), *outlier_losses],
                    expected=[OUTLIER_RESIDUAL, *by_formula(OUTLIER_RESIDUAL)],
                    tol=TOL,
                )
                self.checkpoint(
                    "outlier_loss_readouts",
                    printed_all(
                        [r_read.number, *(reads[n].number for n in ("mse", "mae", "huber"))]
                    ),
                    expected=[OUTLIER_RESIDUAL, *by_formula(OUTLIER_RESIDUAL)],
                )
                self.checkpoint(
                    "huber_readouts",
                    printed_all(stamps[r] for r in RESIDUAL_MARKS),
                    expected=[huber_by_cases(r) for r in RESIDUAL_MARKS],
                )
                # the two pieces of Huber's curve lit in turn: the quadratic inside ±δ,
                # then the straight tails whose slope is δ
                b.say(
                    2,
                    AnimationGroup(Create(glow["quadratic"]), Create(glow["tails"]), lag_ratio=1.0),
                )
                quad_ends = coords(axes, np.array(glow["quadratic"].get_start_and_end()))
                tail_ends = coords(axes, np.array(glow["tails"][0].get_start_and_end()))
                self.checkpoint(
                    "huber_quadratic_ends", quad_ends, expected=[[-1.0, 0.5], [1.0, 0.5]], tol=TOL
                )
                self.checkpoint(
                    "huber_tail_slope",
                    derived(
                        "rise over run between the left tail's ends",
                        float(
                            (tail_ends[1, 1] - tail_ends[0, 1])
                            / (tail_ends[1, 0] - tail_ends[0, 0])
                        ),
                        tail_ends,
                    ),
                    expected=-DELTA,
                    tol=TOL,
                )
        for readout in (r_read, *reads.values()):
            readout.stop_following()
        self.play(
            FadeOut(VGroup(axes, x_label, curves, probe, marks, *glow.values())),
            panel.hide(),
            ledger.hide(),
        )

    # ------------------------------------------------------------------------------------
    def cross_entropy_beats(self) -> None:
        axes = function_axes((0, 1, 0.25), (0, 4, 1), x_length=7.6, y_length=6.0)
        axes.shift(at(-6.3, -2.85) - axes.c2p(0, 0))
        x_label = theme.text("predicted probability p", size=26, color=theme.MUTED)
        x_label.next_to(axes, DOWN, buff=0.15)

        def bce1(p: float) -> float:
            return float(binary_cross_entropy(1, p))

        curves = LossCurves(
            axes,
            [
                LossSpec("y1", bce1, theme.GOOD, (0.02, 0.98)),
                LossSpec(
                    "y0", lambda p: float(binary_cross_entropy(0, p)), theme.BAD, (0.02, 0.98)
                ),
            ],
            marks=PROBABILITY_MARKS,
        )
        probe = LossProbe(axes, {"y1": (bce1, theme.GOOD)}, PROBABILITY_MARKS[-1])
        probe.set_z_index(1)
        panel = Panel(corner=UR)
        self.panel = panel
        formula = theme.tex(r"-\ln p \;\; (y = 1)", size=PANEL_SIZE, color=theme.GOOD)
        other = theme.tex(r"-\ln(1 - p) \;\; (y = 0)", size=PANEL_SIZE, color=theme.BAD)
        formula.move_to(at(2.3, 3.2), aligned_edge=LEFT)
        other.move_to(at(2.3, 2.45), aligned_edge=LEFT)
        p_read = on_baseline(Readout("p", 0.0, decimals=2, size=PANEL_SIZE))
        cost_read = on_baseline(
            Readout(r"-\ln p", 0.0, decimals=2, size=PANEL_SIZE, color=theme.GOOD)
        )
        p_read.move_to(at(2.3, 1.5), aligned_edge=LEFT)
        cost_read.move_to(at(4.4, 1.5), aligned_edge=LEFT)
        cost_read.shift((p_read.number.get_bottom()[1] - cost_read.number.get_bottom()[1]) * UP)
        p_read.follow(probe.x_shown)
        cost_read.follow(lambda: probe.value_shown("y1"))
        readouts = {
            p: on_baseline(
                Readout(rf"-\ln {p:g}", 0.0, decimals=2, size=PANEL_SIZE, color=theme.GOOD)
            )
            for p in reversed(PROBABILITY_MARKS)
        }
        ledger = Panel(corner=UR)
        for i, readout in enumerate(readouts.values()):
            readout.move_to(at(2.3, 0.4 - 0.7 * i), aligned_edge=LEFT)
            self.declare_shown(readout.label, "a marked probability (an input of the lecture)")

        def stamp(p: float) -> Mobject:
            return readouts[p].set(probe.value_shown("y1"))

        with self.beat(
            "For a classifier, the model outputs a probability. Binary cross-entropy charges "
            "minus the log of the probability it gave the true label."
        ) as b:
            b.say(0, AnimationGroup(Create(axes), FadeIn(x_label), lag_ratio=0.5))
            b.say(
                1,
                AnimationGroup(
                    AnimationGroup(curves.create("y1"), curves.create("y0")),
                    panel.reveal(formula, other),
                    lag_ratio=0.5,
                ),
            )
            self.checkpoint(
                "bce_y0_dots",
                curves.values_shown("y0"),
                expected=[-math.log(1 - p) for p in PROBABILITY_MARKS],
                tol=TOL,
            )
        checks: list[Invariant] = [
            (
                "probe dot lies on minus log p",
                lambda: (probe.value_shown("y1"), -math.log(probe.x_shown())),
                TOL,
            ),
            ("p readout shows the probe's p", lambda: (p_read.value, probe.x_shown()), None),
            (
                "cost readout shows the probe's height",
                lambda: (cost_read.value, probe.value_shown("y1")),
                None,
            ),
        ]
        with self.hold(checks):
            with self.beat(
                "If the label is one, saying 0.9 costs about 0.1. A coin flip costs 0.69. And "
                "a confident 0.1 costs 2.3: confident mistakes are punished hardest.",
                hold=0.3,
            ) as b:
                stamp(0.9)
                b.say(
                    0,
                    AnimationGroup(
                        AnimationGroup(probe.appear("y1"), panel.reveal(p_read, cost_read)),
                        ledger.reveal(readouts[0.9]),
                        lag_ratio=0.6,
                    ),
                )
                b.say(1, probe.slide_to(0.5, run_time=2.0))
                stamp(0.5)
                self.play(ledger.reveal(readouts[0.5]), run_time=0.5)
                b.say(2, probe.slide_to(0.1, run_time=2.5))
                stamp(0.1)
                self.play(ledger.reveal(readouts[0.1]), run_time=0.6)
                shown = curves.values_shown("y1")  # in the order of PROBABILITY_MARKS
                expected = [-math.log(p) for p in PROBABILITY_MARKS]
                self.checkpoint("bce_y1_dots", shown, expected=expected, tol=TOL)
                self.checkpoint(
                    "bce_y1_readouts",
                    printed_all(readouts[p] for p in PROBABILITY_MARKS),
                    expected=expected,
                )
                self.checkpoint(
                    "bce_probe_final",
                    [probe.x_shown(), probe.value_shown("y1")],
                    expected=[0.1, -math.log(0.1)],
                    tol=TOL,
                )
        p_read.stop_following()
        cost_read.stop_following()


SCENES = [LossFunctions]
