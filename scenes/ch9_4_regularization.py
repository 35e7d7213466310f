"""9.4 Regularization: the L1 diamond's corner makes weights exactly zero; the L2 circle does not.

A least-squares loss in two weights (five samples) draws elliptical contours centred on the
unconstrained fit. The smallest contour that touches the L1 diamond touches it at a corner
(one weight exactly 0); the one touching the L2 circle meets it at a smooth point (both
nonzero). Then the ridge path w(λ) = (XᵀX + λI)⁻¹Xᵀy carries the weights to 0 as λ grows,
passing through the circle's touching point on the way.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Axes, Create, Dot, FadeIn, FadeOut, MathTex, VGroup
from scipy.optimize import brentq, minimize

from mathviz import theme
from mathviz.maths.descent import contour_lines
from mathviz.maths.optimizers import (
    l1_constrained_least_squares,
    l2_constrained_least_squares,
    least_squares_loss,
)
from mathviz.primitives.descent import ContourMap
from mathviz.primitives.optimizers import ConstraintRegion, RidgePath
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout, coords
from mathviz.primitives.vectors import BackedLabel
from mathviz.readings import PrintedArray, printed_all
from mathviz.scene import LectureScene

X = ((1.0, 0.5), (2.0, -0.5), (0.5, 1.0), (1.5, 0.0), (-1.0, 1.0))
Y = (2.6, 3.4, 2.2, 2.9, -1.0)
BUDGET = 1.5
MARKED_LAMBDAS = (1.0, 10.0, 100.0)
FINAL_LAMBDA = 1000.0
BACKGROUND_LEVELS = (0.4, 1.2, 2.2, 6.0, 9.0)
X_RANGE, Y_RANGE = (-2.0, 3.5), (-2.0, 2.5)
PANEL_SIZE = 32
#: decimals of the ridge path's weight readouts: w₂ ≈ 8e-4 at λ = 1000 is shown to 6 %
RIDGE_DECIMALS = 4
PANEL_ANCHOR = (2.1, 3.5, 0.0)
RIDGE_COLOR = theme.GRADIENT
TOL = 1e-9


# --- independent routes to the expected values ----------------------------------------------
def _normal_equations() -> tuple[list[list[Fraction]], list[Fraction]]:
    """XᵀX and Xᵀy in exact arithmetic (the data are decimals with one digit)."""
    xs = [[Fraction(str(v)) for v in row] for row in X]
    ys = [Fraction(str(v)) for v in Y]
    a = [[sum(r[i] * r[j] for r in xs) for j in range(2)] for i in range(2)]
    b = [sum(r[i] * t for r, t in zip(xs, ys, strict=True)) for i in range(2)]
    return a, b


def ridge_exact(lam: float) -> list[float]:
    """(XᵀX + λI)⁻¹Xᵀy by Cramer's rule in fractions."""
    (a11, a12), (a21, a22) = _normal_equations()[0]
    b1, b2 = _normal_equations()[1]
    lam_f = Fraction(lam)
    a11, a22 = a11 + lam_f, a22 + lam_f
    det = a11 * a22 - a12 * a21
    return [float((b1 * a22 - a12 * b2) / det), float((a11 * b2 - a21 * b1) / det)]


def _loss(w: np.ndarray) -> float:
    return float(np.sum((np.array(X) @ w - np.array(Y)) ** 2))


def l1_by_scipy() -> np.ndarray:
    """The diamond as four linear constraints ±w₁ ± w₂ ≤ t, solved by SLSQP."""
    cons = [
        {"type": "ineq", "fun": lambda w, s=s: BUDGET - s[0] * w[0] - s[1] * w[1]}
        for s in ((1, 1), (1, -1), (-1, 1), (-1, -1))
    ]
    res = minimize(
        _loss, [0.0, 0.0], method="SLSQP", constraints=cons, options={"ftol": 1e-15, "maxiter": 500}
    )
    return res.x


def l2_by_lagrange() -> tuple[float, np.ndarray]:
    """λ with ‖(XᵀX + λI)⁻¹Xᵀy‖ = t (Brent's method), and the weights there."""
    xa, ya = np.array(X), np.array(Y)

    def excess(lam: float) -> float:
        w = np.linalg.solve(xa.T @ xa + lam * np.eye(2), xa.T @ ya)
        return float(np.hypot(*w) - BUDGET)

    lam = brentq(excess, 0.0, 1e3, xtol=1e-14)
    return lam, np.array(ridge_exact(lam))


def lambda_of(w: np.ndarray) -> float:
    """The λ whose ridge solution is ``w``: (XᵀX + λI)w = Xᵀy solved for λ by least squares,
    λ = wᵀ(Xᵀy − XᵀXw) / wᵀw (0 at the unconstrained fit, where the bracket vanishes)."""
    xa, ya, w = np.array(X), np.array(Y), np.asarray(w, dtype=float)
    return float(w @ (xa.T @ ya - xa.T @ xa @ w) / (w @ w))


def loss_formula() -> MathTex:
    """The loss, as the panel's first row: a fresh copy for every panel change (a row that
    is faded out and in again by the same change would be left half transparent)."""
    return theme.tex(r"L(w) = \lVert Xw - y \rVert^2", size=36)


def weight_readouts(color, decimals: int = 3) -> tuple[Readout, Readout]:
    return (
        Readout("w_1", 0.0, decimals=decimals, size=PANEL_SIZE, color=color),
        Readout("w_2", 0.0, decimals=decimals, size=PANEL_SIZE, color=color),
    )


def follow_dot(readouts: tuple[Readout, Readout], region: ConstraintRegion) -> None:
    """Each weight readout shows its coordinate of the region's touching dot, every frame."""
    for i, readout in enumerate(readouts):
        readout.follow(lambda i=i: region.touch_point_shown()[i])


class Regularization(LectureScene):
    chapter_id = "9.4"

    def construct(self) -> None:
        self.open_chapter(
            "Regularization puts a price on large weights. Drawn in weight space it is a "
            "fence, and the fence's shape decides whether weights become exactly zero."
        )
        self.panel = Panel(anchor=PANEL_ANCHOR, min_width=4.3)
        self.loss = least_squares_loss(X, Y)
        self.loss_beat()
        self.l1_beat()
        self.l2_beat()
        self.ridge_beats()
        self.close_chapter(
            "L1's corners zero weights out; L2 shrinks them all smoothly.",
            "Lasso gives sparse models that drop features; ridge keeps every feature but "
            "tames them, and lambda slides you between the fit and zero.",
        )

    # ------------------------------------------------------------------------------------
    def loss_beat(self) -> None:
        axes = Axes(
            x_range=(*X_RANGE, 1),
            y_range=(*Y_RANGE, 1),
            x_length=7.6,
            y_length=6.2,
            axis_config={"color": theme.MUTED, "include_numbers": True, "font_size": 22},
            tips=False,
        )
        axes.to_edge(LEFT, buff=0.5).shift(0.15 * DOWN)
        # beside the axis lines' ends (an axis' own box reaches over its numbers, so its
        # top or right is not on the line): w_1 above the x axis, w_2 right of the y axis
        names = VGroup(
            theme.tex("w_1", size=28, color=theme.MUTED).next_to(
                axes.c2p(X_RANGE[1], 0), UP + LEFT, buff=0.15
            ),
            theme.tex("w_2", size=28, color=theme.MUTED).next_to(
                axes.c2p(0, Y_RANGE[1]), RIGHT, buff=0.15
            ),
        )
        contours = ContourMap(axes, contour_lines(self.loss, BACKGROUND_LEVELS, X_RANGE, Y_RANGE))
        formula = loss_formula()
        data = theme.text("5 samples, 2 weights", size=theme.LABEL_SIZE, color=theme.MUTED)
        free = np.linalg.lstsq(np.array(X), np.array(Y), rcond=None)[0]
        w1, w2 = weight_readouts(theme.TEXT)
        centre = Dot(axes.c2p(*free), radius=0.09, color=theme.TEXT)
        # straight above the dot, inside the innermost contour (which it clears by about
        # 0.06 on either side); the ridge path leaves the dot downwards, to the left
        hat = theme.tex(r"\hat w", size=30).next_to(centre, UP, buff=0.05)
        self.declare_shown(data, "the brief's data size")
        with self.beat(
            "Fit two weights to five samples by least squares. The loss is a bowl "
            "whose contours are ellipses around the best fit, w-hat, at about "
            "two and 1.12."
        ):
            self.play(Create(axes), FadeIn(names), self.panel.show(formula, data))
            self.play(contours.create())
            w1.set(coords(axes, centre)[0])  # what the dot shows, read through the axes
            w2.set(coords(axes, centre)[1])
            self.play(FadeIn(centre), FadeIn(hat), self.panel.grow(w1, w2))
            exact = ridge_exact(0.0)
            self.checkpoint("w_hat_dot", coords(axes, centre), expected=exact, tol=1e-9)
            self.checkpoint("w_hat_readouts", printed_all([w1, w2]), expected=exact)
        self.axes, self.data = axes, data

    def l1_beat(self) -> None:
        fit = l1_constrained_least_squares(X, Y, BUDGET)
        region = ConstraintRegion(
            self.axes,
            1,
            BUDGET,
            touch_point=fit.w,
            touching=contour_lines(self.loss, [fit.loss], X_RANGE, Y_RANGE),
        )
        rule = theme.tex(
            rf"\text{{L1: }} |w_1| + |w_2| \le {BUDGET:g}", size=PANEL_SIZE, color=theme.NORM_L1
        )
        self.declare_shown(rule, "the brief's budget")
        w1, w2 = weight_readouts(theme.NORM_L1)
        with self.beat(
            "Lasso keeps the absolute values summing to at most 1.5: a diamond. "
            "Let the loss contours grow from w-hat; the first one to reach the "
            "diamond touches it at a corner."
        ):
            self.play(self.panel.show(loss_formula(), rule))
            self.play(region.create())
            self.play(region.touch(run_time=2.0))
        # the weights appear with the dot they describe, and follow it from then on
        follow_dot((w1, w2), region)
        with self.invariant(
            "L1 readouts show the touching dot",
            lambda: (printed_all([w1, w2]), region.touch_point_shown()),
        ):
            with self.beat(
                "At that corner w one is 1.5 and w two is exactly zero. Corners "
                "sit on the axes, so L1 switches features off."
            ):
                self.play(self.panel.grow(w1, w2), run_time=1.0)
                expected = l1_by_scipy()
                self.checkpoint(
                    "l1_touch_point", region.touch_point_shown(), expected=expected, tol=1e-6
                )
                self.checkpoint(
                    "l1_w2_is_zero", region.touch_point_shown()[1], expected=0.0, tol=1e-12
                )
                self.checkpoint("l1_readouts", printed_all([w1, w2]), expected=expected)
                self.checkpoint(
                    "l1_diamond_budget", region.radii_shown(), expected=[BUDGET, BUDGET], tol=1e-9
                )
        for readout in (w1, w2):
            readout.stop_following()  # the dot leaves with its region
        self.play(FadeOut(region), run_time=0.8)

    def l2_beat(self) -> None:
        fit = l2_constrained_least_squares(X, Y, BUDGET)
        region = ConstraintRegion(
            self.axes,
            2,
            BUDGET,
            touch_point=fit.w,
            touching=contour_lines(self.loss, [fit.loss], X_RANGE, Y_RANGE),
        )
        rule = theme.tex(
            rf"\text{{L2: }} w_1^2 + w_2^2 \le {BUDGET:g}^2", size=PANEL_SIZE, color=theme.NORM_L2
        )
        self.declare_shown(rule, "the brief's budget")
        w1, w2 = weight_readouts(theme.NORM_L2)
        with self.beat(
            "Ridge bounds the squared weights instead: a circle of radius 1.5. Its "
            "edge has no corners, so the contour meets it at a smooth point where "
            "both weights stay nonzero, about 1.44 and 0.42."
        ):
            self.play(self.panel.show(loss_formula(), rule))
            self.play(region.create())
            self.play(region.touch(run_time=2.0))
            follow_dot((w1, w2), region)
            with self.invariant(
                "L2 readouts show the touching dot",
                lambda: (printed_all([w1, w2]), region.touch_point_shown()),
            ):
                self.play(self.panel.grow(w1, w2), run_time=1.0)
                lam, expected = l2_by_lagrange()
                self.checkpoint(
                    "l2_touch_point", region.touch_point_shown(), expected=expected, tol=1e-6
                )
                self.checkpoint("l2_readouts", printed_all([w1, w2]), expected=expected)
                self.checkpoint(
                    "l2_circle_radius", region.radii_shown(), expected=[BUDGET, BUDGET], tol=1e-9
                )
        for readout in (w1, w2):
            readout.stop_following()  # the ridge path's readouts take over the panel next
        # the ridge path is driven to the maths module's λ (bisection); its printed λ is
        # checked against Brent's root of ‖w(λ)‖ = t (``lam``)
        self.l2_fit, self.l2_lambda, self.l2_expected = fit, lam, expected

    def ridge_beats(self) -> None:
        # one decimal, as the narration says it ("lambda about 2.8")
        lam_read = Readout(
            r"\lambda", 0.0, decimals=1, size=PANEL_SIZE, color=RIDGE_COLOR, commas=False
        )
        w1, w2 = weight_readouts(RIDGE_COLOR, RIDGE_DECIMALS)
        formula = theme.tex(
            r"w(\lambda) = (X^\top X + \lambda I)^{-1} X^\top y", size=PANEL_SIZE, color=RIDGE_COLOR
        )
        path = RidgePath(
            self.axes, X, Y, lambda_readout=lam_read, weight_readouts=(w1, w2), color=RIDGE_COLOR
        )

        def readouts_and_dot() -> tuple[PrintedArray, list[float]]:
            # the printed λ and weights against the λ at which the drawn dot sits, and the dot
            w = path.weights_shown()
            return printed_all([lam_read, w1, w2]), [lambda_of(w), *w]

        with self.invariant("ridge readouts show the dot", readouts_and_dot):
            self.ridge_path_beats(path, formula, lam_read, w1, w2)
        self.ridge_readouts = (lam_read, w1, w2)

    def ridge_path_beats(
        self, path: RidgePath, formula: MathTex, lam_read: Readout, w1: Readout, w2: Readout
    ) -> None:
        with self.beat(
            "Ridge is usually written as a penalty: add lambda times the squared "
            "norm, and the best weights are X transpose X plus lambda I, inverted, "
            "times X transpose y. At lambda zero that is w-hat."
        ):
            self.play(self.panel.show(formula, lam_read, w1, w2))
            self.play(FadeIn(path))
            self.checkpoint(
                "ridge_lambda_0", path.weights_shown(), expected=ridge_exact(0.0), tol=1e-9
            )
        with self.beat(
            "As lambda grows the weights slide toward zero, and the path crosses "
            "the circle exactly at its touching point, at lambda about 2.8: the "
            "budget and the penalty are two dials on the same family."
        ):
            self.play(path.grow_to(MARKED_LAMBDAS[0], run_time=1.5))
            # λ = 1 sits among the nested contours, with no clear spot near it: its label is
            # on a dark backing, so the contour lines pass under it rather than through it
            self.play(path.mark(BackedLabel(theme.tex(r"\lambda=1", size=24)), direction=RIGHT))
            self.check_marked(path, MARKED_LAMBDAS[0])
            self.play(path.grow_to(self.l2_fit.multiplier, run_time=1.5))
            self.checkpoint(
                "ridge_meets_circle_lambda", path.lambda_shown(), expected=self.l2_lambda
            )
            self.checkpoint(
                "ridge_meets_circle_point",
                path.weights_shown(),
                expected=self.l2_expected,
                tol=1e-6,
            )
        with self.beat(
            "By lambda ten they are 0.86 and 0.13, by a hundred nearly gone, and "
            "both reach zero only in the limit: ridge shrinks every weight but "
            "never zeroes one."
        ):
            self.play(path.grow_to(MARKED_LAMBDAS[1], run_time=2.0))
            # up and left: clear of the outer contours to its right and of the path
            self.play(path.mark(theme.tex(r"\lambda=10", size=24), direction=UP + LEFT))
            self.check_marked(path, MARKED_LAMBDAS[1])
            self.play(path.grow_to(MARKED_LAMBDAS[2], run_time=2.0))
            self.play(path.mark(theme.tex(r"\lambda=100", size=24), direction=DOWN + RIGHT))
            self.check_marked(path, MARKED_LAMBDAS[2])
            self.play(path.grow_to(FINAL_LAMBDA, run_time=1.5))
            self.check_marked(path, FINAL_LAMBDA)

    def check_marked(self, path: RidgePath, lam: float) -> None:
        expected = ridge_exact(lam)
        tag = f"{lam:g}"
        self.checkpoint(
            f"ridge_w_at_lambda_{tag}", path.weights_shown(), expected=expected, tol=1e-9
        )
        # λ as printed against the λ at which the drawn dot sits (the normal equations solved
        # for λ), the weights as printed against Cramer's rule in fractions
        shown = printed_all([path.lambda_readout, *path.weight_readouts])
        self.checkpoint(
            f"ridge_readouts_at_lambda_{tag}",
            shown,
            expected=[lambda_of(path.weights_shown()), *expected],
        )


SCENES = [Regularization]
