"""2.5 Inequalities: |x − 2| < 1 painted on a line, and a server's budgets cutting a polygon.

On a number line a dot sweeps from −0.5 to 4.5 while a bar measures its distance to 2 and a
second dot rides the V of |x − 2| above it; both are green exactly while that distance is
under 1, below the dashed level, and paint where they pass, so the solution set (1, 3)
appears as a trail; the ends, at distance exactly 1, stay hollow.
Then the plane: a server gives x cores to a batch job and y cores to a web service. Starting
from the quadrant, three budgets arrive one by one — 8 cores (x + y ≤ 8), 12 GB of memory at
2 GB per batch core and 1 GB per web core (2x + y ≤ 12), and a floor of 2 web cores (y ≥ 2)
— each line sliding in and cutting the region while its area (32, 28, 17) is read live from
the drawing. The corners (0, 2), (5, 2), (4, 4), (0, 8) are marked and read back through the
axes; finally a plan walks inside, its budgets read live, until memory runs out.

Every expected value comes from another route than the drawing's exact clipping: sympy solves
the one-variable inequality, numpy solves each pair of boundary lines, scipy's half-space
intersection and convex hull give the corners and areas.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    VGroup,
    Write,
)
from scipy.spatial import ConvexHull, HalfspaceIntersection

from mathviz import theme
from mathviz.maths.inequalities import AbsInterval, HalfPlane, box
from mathviz.primitives.feasible_region import FeasibleRegion, PlanDot
from mathviz.primitives.interval_line import DistanceLine
from mathviz.primitives.readout import Readout
from mathviz.readings import derived, printed, printed_all
from mathviz.scene import LectureScene

#: |x − 2| < 1, on a line from −1 to 5; the dot's sweep
CENTER, RADIUS = 2, 1
LINE_RANGE = (-1, 5)
SWEEP_FROM, SWEEP_TO = -0.5, 4.5
#: the line's height on screen, and screen units per unit of distance on the V above it
LINE_Y, GRAPH_SCALE = -2.0, 1.05
#: the plane: the plot window, and the budgets (CPU cores, memory in GB, web floor)
WINDOW = 9
BUDGETS = (
    HalfPlane.at_most(1, 1, 8),
    HalfPlane.at_most(2, 1, 12),
    HalfPlane.at_least(0, 1, 2),
)
#: cores cannot be negative: x ≥ 0, y ≥ 0
DOMAIN = (HalfPlane.at_least(1, 0, 0), HalfPlane.at_least(0, 1, 0))
ROWS = (
    (r"x + y \le 8", "8 CPU cores"),
    (r"2x + y \le 12", "12 GB memory"),
    (r"y \ge 2", "web floor"),
)
LHS = (r"x + y", r"2x + y", r"y")
#: where each corner's label sits (axes coordinates), clear of the boundary lines
LABEL_AT = {(0, 2): (1.0, 2.55), (5, 2): (3.65, 2.5), (4, 4): (5.45, 4.55), (0, 8): (0.95, 8.35)}
#: the plan's walk: inside, then past the memory line while a core is still free
PLAN_START = (2.0, 4.5)
PLAN_INSIDE = ((1.0, 6.0), (2.8, 3.4))
PLAN_OUT = (4.8, 3.0)
PANEL_LEFT = 1.0
#: the panel: the budgets' rows (formula, then a note or the plan's value), the area, the
#: verdict
ROW_TOP, ROW_STEP, VALUE_LEFT, AREA_Y, VERDICT_Y = 2.75, 1.1, 3.8, -0.75, -2.05


def scipy_region(halfplanes: Sequence[HalfPlane]) -> np.ndarray:
    """The corners of the region, from scipy's half-space intersection (Qhull) around an
    interior point found by hand, ordered by their convex hull."""
    stack = np.array([[float(h.a), float(h.b), -float(h.c)] for h in halfplanes])
    interior = np.array([1.0, 3.0])
    corners = HalfspaceIntersection(stack, interior).intersections
    return np.asarray(corners[ConvexHull(corners).vertices], dtype=float)


def scipy_area(halfplanes: Sequence[HalfPlane]) -> float:
    """The region's area: the 2-D "volume" of the convex hull of its corners."""
    return float(ConvexHull(scipy_region(halfplanes)).volume)


def solved_corners(halfplanes: Sequence[HalfPlane]) -> np.ndarray:
    """Every pair of boundary lines solved with numpy, kept where all inequalities hold,
    sorted by x then y."""
    found = []
    for g, h in itertools.combinations(halfplanes, 2):
        matrix = np.array([[float(g.a), float(g.b)], [float(h.a), float(h.b)]])
        if abs(np.linalg.det(matrix)) < 1e-12:
            continue
        p = np.linalg.solve(matrix, [float(g.c), float(h.c)])
        if all(float(k.a) * p[0] + float(k.b) * p[1] <= float(k.c) + 1e-9 for k in halfplanes):
            found.append(np.round(p, 12))
    return np.array(sorted({tuple(p) for p in found}), dtype=float)


def sorted_points(points: Any, what: str) -> Any:
    """Read-back points sorted by x then y (a derived reading)."""
    order = np.lexsort((np.asarray(points)[:, 1], np.asarray(points)[:, 0]))
    return derived(f"{what} sorted by x then y", np.asarray(points)[order], points)


class Inequalities(LectureScene):
    chapter_id = "2.5"

    def construct(self) -> None:
        self.open_chapter("Inequalities mark out regions, not single answers.")
        self.line_beats()
        self.play(*(FadeOut(m) for m in self.mobjects), run_time=0.8)
        self.plane_beats()
        self.close_chapter(
            "Each inequality keeps a half-plane; together they cut out the region.",
            "Every linear inequality keeps a half-plane, and together they keep a convex "
            "polygon. Resource schedulers search its corners for the best plan.",
        )

    # --- one variable: |x − 2| < 1 -------------------------------------------------------
    def line_beats(self) -> None:
        interval = AbsInterval.of(CENTER, RADIUS)
        line = DistanceLine(
            interval, LINE_RANGE, SWEEP_FROM, length=12.4, y=LINE_Y, graph_scale=GRAPH_SCALE
        )
        formula = theme.tex(r"|x - 2| < 1", size=56).to_edge(UP, buff=0.45).set_x(-4.2)
        x_read = Readout("x", SWEEP_FROM, decimals=1, size=40)
        d_read = Readout(r"|x - 2|", 2.5, decimals=1, size=40, color=theme.ACCENT)
        reads = VGroup(x_read, d_read).arrange(RIGHT, buff=1.2).move_to(np.array([0.4, 2.1, 0]))
        x_read.follow(line.x_shown)
        d_read.follow(line.distance_shown)
        x_of_dot = line.x_shown
        with contextlib.ExitStack() as held:
            with self.beat(
                "Take the condition: the absolute value of x minus two is less than one. "
                "Read it as a distance: the yellow bar measures how far x sits from two. "
                "Above the line, the V plots that same distance as a height."
            ) as b:
                b.say(0, Create(line.axis), Write(formula))
                for name, read in (
                    ("x readout equals the dot's x", lambda: (x_read.value, x_of_dot())),
                    (
                        "distance readout equals the bar's length",
                        lambda: (d_read.value, line.distance_shown()),
                    ),
                    (
                        "the bar is as long as the dot is far from two",
                        lambda: (line.distance_shown(), abs(float(x_of_dot()) - CENTER)),
                    ),
                    (
                        "the V point's height is the bar's length",
                        lambda: (line.height_shown(), float(line.distance_shown())),
                    ),
                    (
                        "both dots are green exactly while closer than one",
                        lambda: (
                            line.green_dots_shown(),
                            2 * int(abs(float(x_of_dot()) - CENTER) < RADIUS - 1e-9),
                        ),
                    ),
                ):
                    tol = 1e-9 if "bar" in name and "readout" not in name else None
                    held.enter_context(self.invariant(name, read, tol=tol))
                b.say(1, FadeIn(line), FadeIn(reads, shift=0.2 * DOWN))
                b.say(2, line.reveal_graph())
                self.checkpoint("distance_at_start", d_read.value, expected=abs(SWEEP_FROM - 2))
            with self.beat(
                "Now sweep x from left to right. The dots turn green exactly while the V is "
                "below the dashed level of one, and wherever they are green they paint."
            ) as b:
                self.play(line.sweep(SWEEP_TO), run_time=b.speech_end - self.clock)
            # the solution set, from sympy: the interval's ends and whether each is left out
            solution = sp.solve_univariate_inequality(
                sp.Abs(sp.Symbol("x", real=True) - CENTER) < RADIUS,
                sp.Symbol("x", real=True),
                relational=False,
            )
            ends = [float(solution.start), float(solution.end)]
            self.checkpoint("painted_interval", line.interval_shown(), expected=ends, tol=1e-9)
            unfold = theme.tex(r"\iff\ -1 < x - 2 < 1", size=48)
            unfold.next_to(formula, RIGHT, buff=0.45)
            solved = theme.tex(r"\iff\ ", "1", "<", "x", "<", "3", size=48, color=theme.GOOD)
            solved.next_to(unfold, RIGHT, buff=0.45)
            with self.beat(
                "Unfold the absolute value: x minus two must lie between minus one and one. "
                "Add two to every part, and x lies strictly between one and three."
            ) as b:
                b.say(0, Write(unfold), line.sweep(CENTER))
                b.say(1, Write(solved), line.sweep(2.6))
            self.checkpoint(
                "solved_bounds_typeset",
                [printed(solved[1]), printed(solved[5])],
                expected=ends,
            )
            notation = theme.tex("(", "1", r",\ ", "3", ")", size=52, color=theme.GOOD)
            caption = theme.text("open interval: both ends left out", size=theme.BODY_SIZE)
            below = VGroup(notation, caption).arrange(RIGHT, buff=0.8).move_to(3.25 * DOWN)
            with self.beat(
                "At three itself the bar is exactly one long, not shorter, so the dots turn "
                "red there. Both ends stay hollow: this is the open interval from one to three."
            ) as b:
                b.say(0, line.sweep(3))
                self.checkpoint("distance_at_three", d_read.value, expected=1.0)
                self.checkpoint(
                    "green_dots_at_three",
                    line.green_dots_shown(),
                    expected=2 * int(solution.contains(3) is sp.true),
                )
                b.say(1, line.open_ends(), line.sweep(3.6), FadeIn(below, shift=0.2 * UP))
                self.checkpoint("end_rings_at", line.ends_shown(), expected=ends, tol=1e-9)
                self.checkpoint(
                    "hollow_ends",
                    line.hollow_ends_shown(),
                    expected=int(bool(solution.left_open)) + int(bool(solution.right_open)),
                )
                self.checkpoint(
                    "interval_notation_typeset",
                    printed_all([notation[1], notation[3]]),
                    expected=ends,
                )

    # --- two variables: a server's budgets ------------------------------------------------
    def plane_beats(self) -> None:
        axes = Axes(
            x_range=(0, WINDOW, 1),
            y_range=(0, WINDOW, 1),
            x_length=6.3,
            y_length=6.3,
            axis_config={"color": theme.MUTED, "stroke_width": 2, "include_tip": False},
        )
        axes.move_to(np.array([-3.05, -0.2, 0.0]))
        for axis in (axes.x_axis, axes.y_axis):
            axis.add_numbers([2, 4, 6, 8], font_size=26)
        x_name = theme.text("x: batch cores", size=theme.LABEL_SIZE, color=theme.MUTED)
        x_name.next_to(axes.c2p(WINDOW, 0), RIGHT, buff=0.25)
        y_name = theme.text("y: web cores", size=theme.LABEL_SIZE, color=theme.MUTED)
        y_name.next_to(axes.c2p(0, WINDOW), UP, buff=0.2).align_to(axes.y_axis, LEFT)
        region = FeasibleRegion(axes, box(0, WINDOW, 0, WINDOW), BUDGETS)
        rows = []
        for (rule, caption), color in zip(ROWS, theme.EQUATION_COLORS, strict=True):
            formula = theme.tex(rule, size=44, color=color)
            note = theme.text(caption, size=26, color=color)
            rows.append(VGroup(formula, note))
        for i, row in enumerate(rows):
            row[0].move_to(np.array([PANEL_LEFT, ROW_TOP - ROW_STEP * i, 0.0]), aligned_edge=LEFT)
            row[1].move_to(np.array([VALUE_LEFT, row[0].get_y(), 0.0]), aligned_edge=LEFT)
        area = Readout(r"\text{area}", 81, decimals=0, size=44)
        area.move_to(np.array([PANEL_LEFT, AREA_Y, 0.0]), aligned_edge=LEFT)
        with self.beat(
            "Now two unknowns: a server gives x cores to a batch job and y cores to a web "
            "service. Neither can be negative, so every plan lives in this quadrant. "
            "Three budgets will cut it down."
        ) as b:
            b.say(0, Create(axes), FadeIn(x_name, y_name))
            b.say(1, FadeIn(region))
            b.say(2, LaggedStart(*(FadeIn(row[1], shift=0.2 * LEFT) for row in rows)))
        area.follow(region.area_shown)
        narration = (
            (
                "The server has eight cores, so x plus y is at most eight. The boundary "
                "slides in and cuts away everything beyond it. What is left is a triangle "
                "of area thirty two."
            ),
            (
                "Memory is twelve gigabytes, two per batch core and one per web core. Two x "
                "plus y at most twelve slices off the corner on the right: the area drops "
                "to twenty eight."
            ),
            (
                "Last, the web service needs at least two cores to keep its latency down. "
                "This line rises from below and keeps the side above it, leaving seventeen."
            ),
        )
        with contextlib.ExitStack() as held:
            for k, words in enumerate(narration):
                with self.beat(words) as b:
                    b.say(
                        0,
                        Write(rows[k][0]),
                        Indicate(rows[k][1], color=theme.EQUATION_COLORS[k], scale_factor=1.1),
                    )
                    if k == 0:
                        self.play(region.cut(), run_time=b.sentence(1))
                        b.say(2, FadeIn(area, shift=0.2 * LEFT))
                        # from here on the readout is on screen and follows every cut
                        held.enter_context(
                            self.invariant(
                                "area readout equals the drawn region's area",
                                lambda: (area.value, region.area_shown()),
                            )
                        )
                    else:
                        b.say(1, region.cut())
                kept = [*DOMAIN, *BUDGETS[: k + 1]]
                self.checkpoint(
                    f"area_after_cut_{k + 1}",
                    region.area_shown(),
                    expected=scipy_area(kept),
                    tol=1e-9,
                )
                self.checkpoint(
                    f"area_readout_after_cut_{k + 1}", area.value, expected=scipy_area(kept)
                )
        area.stop_following()
        everything = [*DOMAIN, *BUDGETS]
        corners = solved_corners(everything)
        with self.beat(
            "What is left has four corners, each where two boundaries meet: zero two, five "
            "two, four four and zero eight. Four four is where the core budget crosses the "
            "memory budget."
        ) as b:
            b.say(0, region.mark_corners(LABEL_AT))
            four_four = next(
                i for i, p in enumerate(region.polygon) if p == (Fraction(4), Fraction(4))
            )
            b.say(
                1,
                # the two boundaries through (4, 4) flash white
                Indicate(region.lines[0], color=theme.TEXT, scale_factor=1.0),
                Indicate(region.lines[1], color=theme.TEXT, scale_factor=1.0),
                Circumscribe(region.corner_labels[four_four], color=theme.ACCENT),
            )
        self.checkpoint(
            "corner_dots",
            sorted_points(region.corners_shown(), "corner dots"),
            expected=corners,
            tol=1e-9,
        )
        self.checkpoint(
            "region_outline_corners",
            sorted_points(region.region_corners_shown(), "region outline corners"),
            expected=corners,
            tol=1e-9,
        )
        self.checkpoint(
            "corner_labels_typeset",
            sorted_points(region.corner_labels_shown(), "corner labels as typeset"),
            expected=corners,
        )
        self.checkpoint(
            "final_area_against_corners",
            region.area_shown(),
            expected=float(ConvexHull(corners).volume),
            tol=1e-9,
        )
        self.plan_beat(axes, region, rows)

    def plan_beat(self, axes: Axes, region: FeasibleRegion, rows: list[VGroup]) -> None:
        everything = [*DOMAIN, *BUDGETS]
        plan = PlanDot(
            axes, everything, PLAN_START, verdict_at=np.array([PANEL_LEFT, VERDICT_Y, 0.0])
        )
        reads = [
            Readout(lhs, 0.0, decimals=1, size=38, color=color)
            for lhs, color in zip(LHS, theme.EQUATION_COLORS, strict=True)
        ]
        for read, row in zip(reads, rows, strict=True):
            read.move_to(np.array([VALUE_LEFT, row[0].get_y(), 0.0]), aligned_edge=LEFT)
        where = plan.position_shown

        def lhs_of(h: HalfPlane) -> Callable[[], float]:
            return lambda: float(h.written_value(tuple(float(v) for v in where())))

        for read, h in zip(reads, BUDGETS, strict=True):
            read.follow(lhs_of(h))
        truth = [
            lambda: float(where()[0]) + float(where()[1]),
            lambda: 2 * float(where()[0]) + float(where()[1]),
            lambda: float(where()[1]),
        ]
        with contextlib.ExitStack() as held:
            for i, (read, value) in enumerate(zip(reads, truth, strict=True)):
                held.enter_context(
                    self.invariant(
                        f"{LHS[i]} readout follows the plan",
                        pair(read, value),
                    )
                )
            held.enter_context(
                self.invariant(
                    "verdict is feasible exactly inside the drawn region",
                    lambda: (plan.feasible_shown(), inside_drawn(region, where())),
                )
            )
            with self.beat(
                "Pick a plan and move it around: anywhere inside, every budget holds. Push "
                "the batch job to almost five cores, and memory runs out before the cores do."
            ) as b:
                # the budgets' notes make way for the plan's values, then the plan walks
                self.play(FadeIn(plan), *(FadeOut(row[1]) for row in rows), run_time=0.6)
                self.play(*(FadeIn(read, shift=0.15 * LEFT) for read in reads), run_time=0.6)
                b.say(0, plan.walk(PLAN_INSIDE))
                self.checkpoint("plan_inside_verdict", plan.feasible_shown(), expected=1)
                b.say(1, plan.walk([PLAN_OUT]))
                out = np.array(PLAN_OUT)
                self.checkpoint("plan_outside_at", plan.position_shown(), expected=out, tol=1e-9)
                self.checkpoint("plan_outside_verdict", plan.feasible_shown(), expected=0)
                self.checkpoint(
                    "memory_readout_outside", reads[1].value, expected=2 * out[0] + out[1]
                )
                self.checkpoint("cpu_readout_outside", reads[0].value, expected=out.sum())


def pair(read: Readout, truth: Callable[[], float]) -> Callable[[], tuple[Any, float]]:
    """What an invariant compares: the readout as typeset, and the truth now."""
    return lambda: (read.value, truth())


def inside_drawn(region: FeasibleRegion, point: Any) -> Any:
    """1 if ``point`` lies inside the drawn region's outline (every edge turning left to
    it), else 0: a reading derived from the outline and the point, both read back."""
    corners = region.region_corners_shown()
    p = np.asarray(point, dtype=float)
    c = np.asarray(corners, dtype=float)
    edges = np.roll(c, -1, axis=0) - c
    to_p = p - c
    cross = edges[:, 0] * to_p[:, 1] - edges[:, 1] * to_p[:, 0]
    return derived(
        "point inside the drawn outline", int(bool(np.all(cross >= -1e-12))), corners, point
    )


SCENES = [Inequalities]
