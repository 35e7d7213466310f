"""9.1 Loss Functions: squared errors as literal squares, and four losses side by side.

Five data points and their least-squares line; each residual is drawn as a vertical segment
and a square whose side is the residual, so the squares' total area over n is the MSE (and
the segments' mean length the MAE). Then MSE, MAE and Huber (δ = 1) are plotted against the
residual, and binary cross-entropy against the predicted probability, with dots at marked
inputs. Every number is read back from the drawing and checked against written-out formulas.
"""

from __future__ import annotations

import math

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, UR, Create, FadeIn, FadeOut, VGroup

from mathviz import theme
from mathviz.maths.losses import absolute, binary_cross_entropy, huber, least_squares_line, squared
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.losses import LossCurves, LossSpec, ResidualSquares
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.readings import printed, printed_all
from mathviz.scene import LectureScene

X = (1.0, 2.5, 4.0, 5.5, 7.0)
Y = (2.4, 2.6, 5.2, 4.9, 7.1)
DELTA = 1.0
RESIDUAL_MARKS = (-2.5, -1.0, 0.5, 2.0)
PROBABILITY_MARKS = (0.1, 0.5, 0.9)
PANEL_SIZE = 32
COLORS = {"mse": theme.NORM_L2, "mae": theme.NORM_L1, "huber": theme.GOOD}


# --- independent routes to the expected values ----------------------------------------------
def residuals_by_lstsq() -> np.ndarray:
    """Residuals of the line from numpy's least squares (not the normal-equation fit drawn)."""
    A = np.column_stack([X, np.ones(len(X))])
    coef, *_ = np.linalg.lstsq(A, np.array(Y), rcond=None)
    return np.array(Y) - A @ coef


def huber_by_cases(r: float) -> float:
    """Huber with δ = 1, case by case."""
    return 0.5 * r * r if abs(r) <= DELTA else DELTA * abs(r) - 0.5 * DELTA * DELTA


def label_row(name: str, tex: str, color) -> VGroup:
    """A legend row: coloured name and its formula."""
    return VGroup(
        theme.text(name, size=26, color=color), theme.tex(tex, size=PANEL_SIZE, color=color)
    ).arrange(RIGHT, buff=0.25)


class LossFunctions(LectureScene):
    chapter_id = "9.1"

    def construct(self) -> None:
        self.open_chapter(
            "A loss function turns a model's mistakes into one number to minimise. "
            "Which number you choose decides which mistakes the model cares about."
        )
        self.squares_beats()
        self.regression_losses_beat()
        self.cross_entropy_beat()
        self.close_chapter(
            "Squares punish outliers; absolute values forgive them.",
            "Mean squared error is area, mean absolute error is length, Huber blends the two, "
            "and cross-entropy scores probabilities. Next we look at the algorithms that "
            "minimise them.",
        )

    # ------------------------------------------------------------------------------------
    def squares_beats(self) -> None:
        fit = least_squares_line(X, Y)
        axes = function_axes((0, 8, 1), (0, 8, 1), x_length=6.2, y_length=6.2)
        axes.to_edge(LEFT, buff=0.6).shift(0.1 * DOWN)
        drawing = ResidualSquares(axes, fit)
        self.panel = Panel(corner=UR)
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
            "Five data points and the straight line fitted to them by least "
            "squares. No line passes through all five; the question is how to "
            "score the misses."
        ):
            self.play(Create(axes))
            self.play(drawing.create(), self.panel.show(line_formula))
            slope, intercept = drawing.line_shown()
            A = np.column_stack([X, np.ones(len(X))])
            (m, c), *_ = np.linalg.lstsq(A, np.array(Y), rcond=None)
            self.checkpoint("fitted_slope", slope, expected=m, tol=1e-6)
            self.checkpoint("fitted_intercept", intercept, expected=c, tol=1e-6)
            self.checkpoint("formula_slope", printed(line_formula[1]), expected=m)
            self.checkpoint("formula_intercept", printed(line_formula[3]), expected=c)

        expected_r = residuals_by_lstsq()
        mae_read = Readout(r"\mathrm{MAE}", 0.0, size=PANEL_SIZE, color=theme.BAD)
        with self.beat(
            "Each miss is a residual: the vertical distance from the point to the "
            "line. Averaging their lengths gives the mean absolute error."
        ):
            self.play(drawing.show_residuals())
            # the readout appears showing its value (no count-up through numbers that are
            # the MAE of nothing)
            mae_read.set(float(np.mean(np.abs(drawing.residuals_shown()))))
            self.play(self.panel.grow(mae_read))
            self.checkpoint("residuals", drawing.residuals_shown(), expected=expected_r, tol=1e-6)
            self.checkpoint(
                "mae_readout", mae_read.value, expected=float(np.sum(np.abs(expected_r))) / len(X)
            )

        sse_read = Readout(r"\Sigma\,\mathrm{area}", 0.0, size=PANEL_SIZE)
        mse_read = Readout(r"\mathrm{MSE} = \Sigma / 5", 0.0, size=PANEL_SIZE)
        with self.beat(
            "Mean squared error squares each residual, and a square is literal: "
            "build one on every residual. Their total area over five is the MSE, "
            "and the largest miss owns the largest square.",
            hold=0.5,
        ):
            self.play(drawing.show_squares())
            total = drawing.total_area_shown()
            sse_read.set(total)
            mse_read.set(total / len(X))
            self.play(self.panel.grow(sse_read, mse_read))
            sse = float(sum(r * r for r in expected_r))
            self.checkpoint("total_square_area", total, expected=sse, tol=1e-6)
            self.checkpoint("sse_readout", sse_read.value, expected=sse)
            self.checkpoint("mse_readout", mse_read.value, expected=sse / len(X))
        self.play(FadeOut(VGroup(axes, drawing)), self.panel.hide())

    def regression_losses_beat(self) -> None:
        axes = function_axes((-3, 3, 1), (0, 4, 1), x_length=7.0, y_length=5.0)
        axes.to_edge(LEFT, buff=0.6).shift(0.2 * UP)
        x_label = theme.text("residual r", size=26, color=theme.MUTED)
        x_label.next_to(axes, DOWN, buff=0.15)
        curves = LossCurves(
            axes,
            [
                LossSpec("mse", lambda r: float(squared(r)), COLORS["mse"], (-2.0, 2.0)),
                LossSpec("mae", lambda r: float(absolute(r)), COLORS["mae"], (-3.0, 3.0)),
                LossSpec("huber", lambda r: float(huber(r, DELTA)), COLORS["huber"], (-3.0, 3.0)),
            ],
            marks=RESIDUAL_MARKS,
        )
        panel = Panel(corner=UR)
        self.panel = panel
        rows = [label_row("MSE", r"r^2", COLORS["mse"]), label_row("MAE", r"|r|", COLORS["mae"])]
        with self.beat(
            "Plot the loss of one point against its residual. Squared error is a "
            "parabola; absolute error is a V that grows only linearly."
        ):
            self.play(Create(axes), FadeIn(x_label))
            self.play(curves.create("mse"), curves.create("mae"), panel.show(*rows))
            self.checkpoint(
                "mse_curve_dots",
                curves.values_shown("mse"),
                expected=[(-1.0) ** 2, 0.5**2, 2.0**2],
                tol=1e-6,
            )
            self.checkpoint(
                "mae_curve_dots",
                curves.values_shown("mae"),
                expected=[2.5, 1.0, 0.5, 2.0],
                tol=1e-6,
            )
        huber_row = label_row("Huber", r"\delta = 1", COLORS["huber"])
        readouts = [
            Readout(rf"h({r:g})", 0.0, size=PANEL_SIZE, color=COLORS["huber"])
            for r in RESIDUAL_MARKS
        ]
        for readout in readouts:
            self.declare_shown(readout.label, "a marked residual (an input of the lecture)")
        with self.beat(
            "Huber loss is the compromise: half r squared inside delta equals one, "
            "a straight line outside. An outlier at minus two and a half costs "
            "6.25 squared but only 2 under Huber.",
            hold=0.5,
        ):
            self.play(curves.create("huber"), panel.grow(huber_row))
            shown = curves.values_shown("huber")
            for rd, v in zip(
                readouts, shown, strict=True
            ):  # each shows its dot's height, read back
                rd.set(v)
            self.play(panel.grow(*readouts))
            expected = [huber_by_cases(r) for r in RESIDUAL_MARKS]
            self.checkpoint("huber_curve_dots", shown, expected=expected, tol=1e-6)
            self.checkpoint("huber_readouts", printed_all(readouts), expected=expected)
        self.play(FadeOut(VGroup(axes, x_label, curves)), panel.hide())

    def cross_entropy_beat(self) -> None:
        axes = function_axes((0, 1, 0.25), (0, 4, 1), x_length=7.0, y_length=5.0)
        axes.to_edge(LEFT, buff=0.6).shift(0.2 * UP)
        x_label = theme.text("predicted probability p", size=26, color=theme.MUTED)
        x_label.next_to(axes, DOWN, buff=0.15)
        curves = LossCurves(
            axes,
            [
                LossSpec(
                    "y1", lambda p: float(binary_cross_entropy(1, p)), theme.GOOD, (0.02, 0.98)
                ),
                LossSpec(
                    "y0", lambda p: float(binary_cross_entropy(0, p)), theme.BAD, (0.02, 0.98)
                ),
            ],
            marks=PROBABILITY_MARKS,
        )
        panel = Panel(corner=UR)
        self.panel = panel
        formula = theme.tex(r"-\ln p \;\; (y = 1)", size=PANEL_SIZE, color=theme.GOOD)
        other = theme.tex(r"-\ln(1 - p) \;\; (y = 0)", size=PANEL_SIZE, color=theme.BAD)
        readouts = [
            Readout(rf"-\ln {p:g}", 0.0, size=PANEL_SIZE, color=theme.GOOD)
            for p in reversed(PROBABILITY_MARKS)
        ]
        for readout in readouts:
            self.declare_shown(readout.label, "a marked probability (an input of the lecture)")
        with self.beat(
            "For a classifier the model outputs a probability, and binary "
            "cross-entropy charges minus the log of the probability it gave the "
            "true label."
        ):
            self.play(Create(axes), FadeIn(x_label))
            self.play(curves.create("y1"), curves.create("y0"), panel.show(formula, other))
        with self.beat(
            "If the label is one, saying 0.9 costs about 0.1, a coin flip costs "
            "0.69, and a confident 0.1 costs 2.3: confident mistakes are punished "
            "hardest.",
            hold=0.5,
        ):
            shown = curves.values_shown("y1")  # in the order of PROBABILITY_MARKS
            for rd, v in zip(
                readouts, shown[::-1], strict=True
            ):  # each shows its dot's height, read back
                rd.set(v)
            self.play(panel.grow(*readouts))
            expected = [-math.log(p) for p in PROBABILITY_MARKS]
            self.checkpoint("bce_y1_dots", shown, expected=expected, tol=1e-6)
            self.checkpoint("bce_y1_readouts", printed_all(readouts[::-1]), expected=expected)
            self.checkpoint(
                "bce_y0_dots",
                curves.values_shown("y0"),
                expected=[-math.log(1 - p) for p in PROBABILITY_MARKS],
                tol=1e-6,
            )


SCENES = [LossFunctions]
