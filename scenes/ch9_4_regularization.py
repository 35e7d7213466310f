"""9.4 Regularization: the L1 diamond's corner makes weights exactly zero; the L2 circle does not.

A least-squares loss in two weights (five samples) draws elliptical contours centred on the
unconstrained fit. The smallest contour that touches the L1 diamond touches it at a corner
(one weight exactly 0); the one touching the L2 circle meets it at a smooth point (both
nonzero). Then the ridge path w(λ) = (XᵀX + λI)⁻¹Xᵀy carries the weights to 0 as λ grows,
passing through the circle's touching point on the way.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Indicate,
    ManimColor,
    MathTex,
    Succession,
    VGroup,
    VMobject,
    rush_from,
    rush_into,
    smooth,
)
from manim.animation.animation import Animation
from scipy.optimize import brentq, minimize

from mathviz import theme
from mathviz.maths.descent import contour_lines
from mathviz.maths.optimizers import (
    l1_constrained_least_squares,
    l2_constrained_least_squares,
    least_squares_loss,
    ridge_path,
)
from mathviz.maths.vectors import unit_ball_boundary
from mathviz.primitives.descent import ContourMap
from mathviz.primitives.motion import Scripted, built
from mathviz.primitives.optimizers import ConstraintRegion, RidgePath
from mathviz.primitives.panel import Panel
from mathviz.primitives.plots import scene_points
from mathviz.primitives.readout import Readout, coords
from mathviz.primitives.vectors import BackedLabel
from mathviz.readings import PrintedArray, printed_all
from mathviz.scene import LectureScene

X = ((1.0, 0.5), (2.0, -0.5), (0.5, 1.0), (1.5, 0.0), (-1.0, 1.0))
Y = (2.6, 3.4, 2.2, 2.9, -1.0)
BUDGET = 1.5
MARKED_LAMBDAS = (1.0, 10.0, 100.0)
FINAL_LAMBDA = 1000.0
#: all below the loss where the circle (3.1) and the diamond (4.1) are touched, so none
#: cuts the final shapes
BACKGROUND_LEVELS = (0.4, 1.2, 2.2, 3.0)
X_RANGE, Y_RANGE = (-2.5, 3.5), (-2.5, 2.5)
PANEL_SIZE = 32
#: decimals of the ridge path's weight readouts: w₂ ≈ 8e-4 at λ = 1000 is shown to 6 %
RIDGE_DECIMALS = 4
PANEL_ANCHOR = (2.1, 3.5, 0.0)
RIDGE_COLOR = theme.GRADIENT
TOL = 1e-9
#: the diamond's budget when it first appears (it shrinks to ``BUDGET``)
L1_START = 2.5
#: the share of the ridge circle's sweep spoken under the sentence that introduces it
L2_SPLIT = 0.35
GRAM = np.array(X).T @ np.array(X)
MOMENT = np.array(X).T @ np.array(Y)
W_HAT = np.linalg.solve(GRAM, MOMENT)


# --- independent routes to the expected values ----------------------------------------------
def _normal_equations() -> tuple[list[list[Fraction]], list[Fraction]]:
    """XᵀX and Xᵀy in exact arithmetic (the data are decimals with one digit)."""
    xs = [[Fraction(str(v)) for v in row] for row in X]
    ys = [Fraction(str(v)) for v in Y]
    a = [[sum((r[i] * r[j] for r in xs), Fraction(0)) for j in range(2)] for i in range(2)]
    b = [sum((r[i] * t for r, t in zip(xs, ys, strict=True)), Fraction(0)) for i in range(2)]
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
    w: np.ndarray = res.x
    return w


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


def on_baseline(readout: Readout) -> Readout:
    """The number sat on its label's baseline (a subscript drops the label's box, and
    ``next_to`` centres the number on that box); later values keep the number's height."""
    readout.number.align_to(readout.label[0][0], DOWN)
    return readout


def weight_readouts(color: ManimColor, decimals: int = 3) -> tuple[Readout, Readout]:
    return (
        on_baseline(Readout("w_1", 0.0, decimals=decimals, size=PANEL_SIZE, color=color)),
        on_baseline(Readout("w_2", 0.0, decimals=decimals, size=PANEL_SIZE, color=color)),
    )


def budget_readouts(color: ManimColor) -> tuple[Readout, Readout, Readout]:
    """The budget t and the touching point's weights, to the two places the narration uses."""
    return (
        on_baseline(Readout("t", 0.0, decimals=2, size=PANEL_SIZE, color=color)),
        *weight_readouts(color, decimals=2),
    )


def follow_sweep(readouts: tuple[Readout, Readout, Readout], region: ConstraintRegion) -> None:
    """t shows the drawn outline's norm, w₁ and w₂ the touching dot, every frame."""
    readouts[0].follow(region.radius_shown)

    def coordinate(i: int) -> Callable[[], float]:
        return lambda: float(region.touch_point_shown()[i])

    for i, readout in enumerate(readouts[1:]):
        readout.follow(coordinate(i))


def corner_budget() -> float:
    """The budget at which the lasso's touching point reaches the corner (t, 0): on the edge
    w₂ = t − w₁ the loss is least where (A w − b)·(1, −1) = 0; at w = (t, 0) that is
    t = (b₁ − b₂) / (A₁₁ − A₁₂), in fractions."""
    (a11, a12), _ = _normal_equations()[0]
    b1, b2 = _normal_equations()[1]
    return float((b1 - b2) / (a11 - a12))


def l1_solution(s: float, final: np.ndarray) -> tuple[float, np.ndarray]:
    """Budget and touching point at sweep time ``s``: the diamond shrinks from ``L1_START``
    to ``BUDGET``; the best point of its edge in the first quadrant, or its corner (t, 0)."""
    if s >= 1.0:
        return BUDGET, np.asarray(final, dtype=float)
    t = L1_START + (BUDGET - L1_START) * s
    a, b = GRAM, MOMENT
    base, d = np.array([0.0, t]), np.array([1.0, -1.0])
    w = base + d * (-((a @ base - b) @ d) / (d @ a @ d))
    if w[1] <= 0.0:
        w = np.array([t, 0.0])
    return t, w


def l2_solution(s: float, multiplier: float, final: np.ndarray) -> tuple[float, np.ndarray]:
    """Radius and touching point at sweep time ``s``: the ridge solution at λ = s·λ*, the
    circle through it (from w-hat at s = 0 to the budget at s = 1)."""
    if s >= 1.0:
        return BUDGET, np.asarray(final, dtype=float)
    w = ridge_path(X, Y, [multiplier * s])[0]
    return float(np.hypot(*w)), w


class BudgetSweep:
    """A constraint region whose budget shrinks while its touching contour grows.

    Redraws ``region``'s outline (the ball of the current budget) and dot (the touching point),
    a loss contour through the dot (an exact ellipse of the quadratic loss, clipped to the
    axes), and a faint ghost of the path the dot has taken.
    """

    def __init__(
        self,
        axes: Axes,
        region: ConstraintRegion,
        solution: Callable[[float], tuple[float, np.ndarray]],
        start: float = 0.0,
    ) -> None:
        self.axes, self.region, self.solution = axes, region, solution
        self.s0 = self.s = start
        self.unit = unit_ball_boundary(region.p, 256)
        region.remove(region.contour)
        self.contour = VMobject(stroke_color=theme.ACCENT, stroke_width=4)
        self.ghost = VMobject(stroke_color=theme.ACCENT, stroke_width=3, stroke_opacity=0.5)
        region.add(self.ghost, self.contour)
        region.remove(region.dot)
        region.add(region.dot)  # the dot on top
        vals, vecs = np.linalg.eigh(GRAM)
        self.shape = vecs @ np.diag(1 / np.sqrt(vals)) @ vecs.T  # A^(-1/2)
        self.redraw()

    def redraw(self) -> None:
        t, w = self.solution(self.s)
        ring = t * np.vstack([self.unit, self.unit[:1]])
        self.region.outline.set_points_as_corners(scene_points(self.axes, ring))
        self.region.dot.move_to(self.axes.c2p(*w))
        self._draw_contour(w)
        past = [self.solution(u)[1] for u in np.linspace(self.s0, self.s, 48)]
        self.ghost.set_points_as_corners(scene_points(self.axes, past))

    def _draw_contour(self, w: np.ndarray) -> None:
        size = np.sqrt(max((w - W_HAT) @ GRAM @ (w - W_HAT), 1e-8))
        theta = np.linspace(0.0, 2 * np.pi, 241)
        pts = W_HAT + size * (self.shape @ np.vstack([np.cos(theta), np.sin(theta)])).T
        inside = (
            (pts[:, 0] >= X_RANGE[0])
            & (pts[:, 0] <= X_RANGE[1])
            & (pts[:, 1] >= Y_RANGE[0])
            & (pts[:, 1] <= Y_RANGE[1])
        )
        self.contour.clear_points()
        run: list[np.ndarray] = []
        for p, ok in zip(pts, inside, strict=True):
            if ok:
                run.append(self.axes.c2p(*p))
            elif run:
                self._add_run(run)
                run = []
        if run:
            self._add_run(run)

    def _add_run(self, run: list[np.ndarray]) -> None:
        if len(run) < 2:
            return
        self.contour.start_new_path(run[0])
        self.contour.add_points_as_corners(run[1:])

    def appear(self, run_time: float = 1.5) -> Animation:
        """The outline drawn, then the touching contour and its dot."""
        return Succession(
            Create(self.region.outline, run_time=run_time * 0.6),
            AnimationGroup(
                Create(self.contour), GrowFromCenter(self.region.dot), run_time=run_time * 0.4
            ),
        )

    def to(
        self,
        target: float,
        start: float | None = None,
        rate_func: Callable[[float], float] = smooth,
    ) -> Animation:
        """Animation of the sweep moving on to ``target`` (1 = the final budget)."""
        begin = self.s if start is None else start

        def update(u: float) -> None:
            self.s = begin + (target - begin) * u
            if u >= 1.0:
                self.s = target
            self.redraw()

        return Scripted(self.region, update, rate_func=rate_func)


class Regularization(LectureScene):
    chapter_id = "9.4"

    def construct(self) -> None:
        self.open_chapter(
            "Regularization fences in a model's weights, and the fence's shape matters."
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
            x_length=8.4,
            y_length=8.4 * 5 / 6,  # one unit the same length on both axes
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
        w1, w2 = weight_readouts(theme.TEXT, decimals=2)
        centre = Dot(axes.c2p(*free), radius=0.09, color=theme.TEXT)
        # straight above the dot, inside the innermost contour (which it clears by about
        # 0.06 on either side); the ridge path leaves the dot downwards, to the left
        hat = theme.tex(r"\hat w", size=30).next_to(centre, UP, buff=0.05)
        self.declare_shown(data, "the brief's data size")
        with self.beat(
            "Fit two weights to five samples by least squares. The loss is a bowl "
            "whose contours are ellipses around the best fit, w-hat, at about "
            "two and 1.12."
        ) as b:
            b.say(0, AnimationGroup(Create(axes), FadeIn(names), self.panel.show(formula, data)))
            w1.set(coords(axes, centre)[0])  # what the dot shows, read through the axes
            w2.set(coords(axes, centre)[1])
            b.say(
                1,
                Succession(
                    contours.create(),
                    AnimationGroup(FadeIn(centre), FadeIn(hat), self.panel.grow(w1, w2)),
                ),
            )
            exact = ridge_exact(0.0)
            self.checkpoint("w_hat_dot", coords(axes, centre), expected=exact, tol=1e-9)
            self.checkpoint("w_hat_readouts", printed_all([w1, w2]), expected=exact)
        self.axes, self.data = axes, data

    def l1_beat(self) -> None:
        fit = l1_constrained_least_squares(X, Y, BUDGET)
        region = ConstraintRegion(self.axes, 1, BUDGET, touch_point=fit.w, touching=[])
        sweep = BudgetSweep(self.axes, region, lambda s: l1_solution(s, fit.w))
        rule = theme.tex(r"\text{L1: }|w_1| + |w_2| \le t", size=PANEL_SIZE, color=theme.NORM_L1)
        t_read, w1, w2 = budget_readouts(theme.NORM_L1)
        follow_sweep((t_read, w1, w2), region)
        corner_t = corner_budget()
        corner_s = (L1_START - corner_t) / (L1_START - BUDGET)
        with self.invariant(
            "L1 readouts show the touching dot",
            lambda: (
                printed_all([t_read, w1, w2]),
                [region.radius_shown(), *region.touch_point_shown()],
            ),
        ):
            with self.beat(
                "Lasso keeps the absolute values of the weights within a budget t: a "
                "diamond, here still wide at 2.5. Shrink it, and the contour touching it "
                "slides along its edge, and w two falls."
            ) as b:
                b.say(0, self.panel.show(loss_formula(), rule, t_read, w1, w2), sweep.appear())
                b.say(1, sweep.to(float(corner_s)))
                self.checkpoint("l1_corner_budget", t_read.value, expected=corner_t)
                self.checkpoint(
                    "l1_corner_point",
                    region.touch_point_shown(),
                    expected=[corner_t, 0.0],
                    tol=1e-9,
                )
            with self.beat(
                "At a budget of about 1.58 it reaches the corner, and there it stays while "
                "the diamond shrinks on to 1.5. Now w one is 1.5 and w two is exactly "
                "zero: corners sit on the axes, so L1 switches features off."
            ) as b:
                b.say(0, sweep.to(1.0))
                b.say(1, Indicate(region.dot, color=theme.ACCENT), Indicate(w2.label))
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
                self.checkpoint("l1_budget_readout", t_read.value, expected=BUDGET)
        for readout in (t_read, w1, w2):
            readout.stop_following()  # the dot leaves with its region
        self.play(FadeOut(region), run_time=0.8)

    def l2_beat(self) -> None:
        fit = l2_constrained_least_squares(X, Y, BUDGET)
        region = ConstraintRegion(self.axes, 2, BUDGET, touch_point=fit.w, touching=[])
        sweep = BudgetSweep(
            self.axes, region, lambda s: l2_solution(s, fit.multiplier, fit.w), start=0.0
        )
        rule = theme.tex(r"\text{L2: }w_1^2 + w_2^2 \le t^2", size=PANEL_SIZE, color=theme.NORM_L2)
        t_read, w1, w2 = budget_readouts(theme.NORM_L2)
        follow_sweep((t_read, w1, w2), region)
        with self.invariant(
            "L2 readouts show the touching dot",
            lambda: (
                printed_all([t_read, w1, w2]),
                [region.radius_shown(), *region.touch_point_shown()],
            ),
        ):
            with self.beat(
                "Ridge bounds the squared weights instead: a circle, drawn through w-hat "
                "and shrinking to radius 1.5. Its edge has no corners, so the touching "
                "point glides smoothly, and both weights stay nonzero, about 1.44 and 0.42."
            ) as b:
                b.say(
                    0,
                    Succession(
                        AnimationGroup(
                            self.panel.show(loss_formula(), rule, t_read, w1, w2), sweep.appear()
                        ),
                        sweep.to(L2_SPLIT, rate_func=rush_into),
                    ),
                )
                b.say(1, sweep.to(1.0, start=L2_SPLIT, rate_func=rush_from))
                lam, expected = l2_by_lagrange()
                self.checkpoint(
                    "l2_touch_point", region.touch_point_shown(), expected=expected, tol=1e-6
                )
                self.checkpoint("l2_readouts", printed_all([w1, w2]), expected=expected)
                self.checkpoint(
                    "l2_circle_radius", region.radii_shown(), expected=[BUDGET, BUDGET], tol=1e-9
                )
                self.checkpoint("l2_budget_readout", t_read.value, expected=BUDGET)
        for readout in (t_read, w1, w2):
            readout.stop_following()  # the ridge path's readouts take over the panel next
        # the circle stays behind, faint, for the ridge path to cross
        self.play(
            FadeOut(sweep.contour, region.dot, sweep.ghost),
            built(region.outline.animate.set_fill(opacity=0.06).set_stroke(opacity=0.55)),
            run_time=0.8,
        )
        # the ridge path is driven to the maths module's λ (bisection); its printed λ is
        # checked against Brent's root of ‖w(λ)‖ = t (``lam``)
        self.l2_fit, self.l2_lambda, self.l2_expected = fit, lam, expected

    def ridge_beats(self) -> None:
        # one decimal, as the narration says it ("lambda about 2.8")
        lam_read = on_baseline(
            Readout(r"\lambda", 0.0, decimals=1, size=PANEL_SIZE, color=RIDGE_COLOR, commas=False)
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
            "Ridge is usually written as a penalty: add lambda times the squared norm, and "
            "the best weights are X transpose X plus lambda I, inverted, times X transpose "
            "y. At lambda zero that is w-hat; as lambda grows to one, they start to slide."
        ) as b:
            b.say(0, Succession(self.panel.show(formula, lam_read, w1, w2), FadeIn(path)))
            self.checkpoint(
                "ridge_lambda_0", path.weights_shown(), expected=ridge_exact(0.0), tol=1e-9
            )
            grow = b.sentence(1)
            self.play(path.grow_to(MARKED_LAMBDAS[0], run_time=max(grow - 0.8, 1.0)))
            # λ = 1 sits among the nested contours, with no clear spot near it: its label is
            # on a dark backing, so the contour lines pass under it rather than through it
            self.play(
                path.mark(BackedLabel(theme.tex(r"\lambda=1", size=24)), direction=RIGHT),
                run_time=0.8,
            )
            self.check_marked(path, MARKED_LAMBDAS[0])
        with self.beat(
            "The path crosses the circle exactly at its touching point, at lambda about "
            "2.8. The budget and the penalty are two dials on the same family of answers."
        ) as b:
            b.say(0, path.grow_to(self.l2_fit.multiplier, run_time=b.sentence(0)))
            self.checkpoint(
                "ridge_meets_circle_lambda", path.lambda_shown(), expected=self.l2_lambda
            )
            self.checkpoint(
                "ridge_meets_circle_point",
                path.weights_shown(),
                expected=self.l2_expected,
                tol=1e-6,
            )
            grow = b.sentence(1)
            self.play(path.grow_to(MARKED_LAMBDAS[1], run_time=max(grow - 0.8, 1.0)))
            # up and left: clear of the outer contours to its right and of the path
            self.play(
                path.mark(theme.tex(r"\lambda=10", size=24), direction=UP + LEFT), run_time=0.8
            )
            self.check_marked(path, MARKED_LAMBDAS[1])
        with self.beat(
            "By lambda ten they are 0.86 and 0.13, by a hundred nearly gone. Both reach "
            "zero only in the limit: ridge shrinks every weight but never zeroes one."
        ) as b:
            grow = b.sentence(0)
            self.play(path.grow_to(MARKED_LAMBDAS[2], run_time=max(grow - 0.8, 1.0)))
            self.play(
                path.mark(theme.tex(r"\lambda=100", size=24), direction=DOWN + RIGHT),
                run_time=0.8,
            )
            self.check_marked(path, MARKED_LAMBDAS[2])
            b.say(1, path.grow_to(FINAL_LAMBDA, run_time=b.sentence(1)))
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
