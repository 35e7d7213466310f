"""14.1 Advanced Topics Reference: the course's own map as a graph, walked in a study order;
then a random walk, the first stochastic process, whose variance after n steps is about n.

The levels and their prerequisite arrows come from the book's learning path
(:mod:`mathviz.maths.course_map`, titles and chapter counts from the course registry); the
columns are longest-path depths. A ring walks a topological order, each level lighting with
its chapters counted; the core path, the convergence into Level 13 and the longest chain are
lit in turn. Then 200 seeded walkers (:mod:`mathviz.maths.random_walk`) fan out over 80 ticks
beside a ±√n band, their sample variance followed live, their final positions stacked into a
sideways histogram under a normal curve, and a last picture of the walk as a Markov chain.
"""

from __future__ import annotations

import contextlib
import math

import numpy as np
import scipy.stats
from manim import (
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Create,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Indicate,
    LaggedStart,
    ShowPassingFlash,
    Succession,
    VGroup,
)

from mathviz import theme
from mathviz.maths.course_map import (
    CORE_PATH,
    course_map,
    in_degrees,
    longest_chain,
    study_order,
)
from mathviz.maths.random_walk import markov_steps, walk_paths
from mathviz.primitives.course_map import Caption, CourseMapView, LogLights
from mathviz.primitives.graph_view import EDGE_COLOR
from mathviz.primitives.random_walk import (
    MarkovStrip,
    SideHistogram,
    SqrtBand,
    WalkCloud,
    walk_axes,
)
from mathviz.primitives.readout import Readout
from mathviz.readings import derived
from mathviz.scene import LectureScene

#: each level's row in the drawing (columns come from the model's depths)
LANES = {
    "0": 0.3, "1": 0.3, "2": 0.3, "3": 0.3, "4": 0.3, "6": 0.3, "9": 0.2, "12": 0.1,
    "13": 0.1, "14": 0.1, "5": 1.0, "7": -0.4, "8": -0.3, "10": -0.8, "11": -1.0,
}  # fmt: skip
#: the walk: seed, walkers, ticks, the tick where the first variance is read
SEED, WALKERS, TICKS, EARLY = 23, 200, 80, 20
LIT, CORE, CHAIN = theme.GOOD, theme.ACCENT, theme.GRADIENT
#: how the study order is split over the walk's three sentences
WALK_SPLIT = (4, 9)


def replay_moves(seed: int, walkers: int, ticks: int) -> np.ndarray:
    """The ±1 steps again, drawn one row at a time from a fresh generator (a second route)."""
    rng = np.random.default_rng(seed)
    bits = rng.integers(0, 2, size=(walkers, ticks))
    return np.array([[1 if b else -1 for b in row] for row in bits])


class AdvancedTopicsReference(LectureScene):
    chapter_id = "14.1"

    def construct(self) -> None:
        self.open_chapter(
            "The last chapter turns the course on itself: its map as a graph, then a first "
            "random process."
        )
        self.course = course_map()
        self.map_beat()
        self.walk_beats()
        self.core_beat()
        self.converge_beat()
        self.chain_beat()
        self.single_walker_beat()
        self.crowd_beats()
        self.histogram_beat()
        self.markov_beat()
        self.close_chapter(
            "Prerequisites form a DAG; a random walk spreads like √n.",
            "Next come Markov chains, stochastic processes, and the papers this course has "
            "prepared you to read.",
        )

    # --- the map ----------------------------------------------------------------------------
    def map_beat(self) -> None:
        view = CourseMapView(
            self.course, LANES, centre=(0.0, 0.55), width=13.0, height=5.0, node_radius=0.3
        )
        self.view = view
        columns = VGroup()
        depth_of = {n: int(view.column_shown(n)) for n in self.course.levels}
        for d in sorted(set(depth_of.values())):
            members = [n for n in self.course.levels if depth_of[n] == d]
            columns.add(VGroup(*(VGroup(view.discs[n], view.names[n]) for n in members)))
        with self.beat(
            "Each disc is one level of the course, standing in a column set by the longest "
            "chain of prerequisites behind it. Each arrow says which level must come first: "
            "fifteen levels and eighteen arrows."
        ) as b:
            self.add(view)
            view.edge_layer.set_opacity(0)
            b.say(
                0,
                LaggedStart(
                    *(
                        LaggedStart(*(GrowFromCenter(m) for m in col), lag_ratio=0.2)
                        for col in columns
                    ),
                    lag_ratio=0.35,
                ),
            )
            view.edge_layer.set_opacity(1)
            b.say(1, LaggedStart(*(Create(line) for line in view.lines.values()), lag_ratio=0.15))
            outline = self.course.graph
            self.checkpoint("levels_drawn", view.levels_shown(), expected=len(outline.nodes))
            self.checkpoint("arrows_drawn", view.edges_shown(), expected=len(outline.edges))
            a = np.zeros((15, 15), dtype=int)
            for u, v in outline.edges:
                a[int(u), int(v)] = 1
            self.checkpoint("arrows_as_drawn", view.adjacency_shown(), expected=a.tolist())
            self.checkpoint(
                "columns_drawn",
                [view.column_shown(n) for n in outline.nodes],
                expected=[self._depth_by_recursion(n) for n in outline.nodes],
            )

    def _depth_by_recursion(self, node: str) -> int:
        """Longest chain into ``node``, by recursion over its prerequisites (a second route)."""
        before = [u for u, v in self.course.graph.edges if v == node]
        return 0 if not before else 1 + max(self._depth_by_recursion(u) for u in before)

    # --- walking a study order ---------------------------------------------------------------
    def walk_beats(self) -> None:
        view, course = self.view, self.course
        order = study_order(course.graph)
        self.caption = Caption((-6.6, -3.35))
        self.add(self.caption)
        self.chapters = Readout(r"\text{chapters}", 0, decimals=0, size=36, color=LIT)
        self.chapters.move_to(np.array([6.6, -3.35, 0.0]), aligned_edge=RIGHT)
        self.chapters.follow(self._chapters_lit)
        steps = [
            order[: WALK_SPLIT[0]],
            order[WALK_SPLIT[0] : WALK_SPLIT[1]],
            order[WALK_SPLIT[1] :],
        ]
        with self.invariant(
            "chapter counter sums the lit levels' chapters",
            lambda: (self.chapters.value, self._chapters_lit()),
        ):
            with self.beat(
                "Now walk it in a valid study order, the way a build tool resolves "
                "dependencies. A level lights up only when every arrow into it starts at a "
                "lit level, and the counter adds its chapters."
            ) as b:
                self.play(view.show_token(), FadeIn(self.chapters), run_time=0.6)
                b.say(0, Succession(*(self._step(n) for n in steps[0])))
                b.say(1, Succession(*(self._step(n) for n in steps[1])))
            with self.beat(
                "Graph theory needs only functions, so it can come as early as linear "
                "algebra. Then statistics, optimization, the models, and advanced topics: "
                "fifty-six chapters in all."
            ) as b:
                self.play(
                    Indicate(view_node(view, "11"), color=LIT), run_time=min(1.5, b.sentence(0))
                )
                b.say(1, Succession(*(self._step(n) for n in steps[2])))
            order_seen = view.order_shown()
            self.checkpoint("walk_order", order_seen, expected=[int(n) for n in order])
            adjacency = view.adjacency_shown()
            place = {level: i for i, level in enumerate(order_seen)}
            backward = sum(
                1 for i in range(15) for j in range(15) if adjacency[i][j] and place[i] >= place[j]
            )
            self.checkpoint(
                "arrows_pointing_back_in_walk",
                derived(
                    "drawn arrows whose head lit before its tail", backward, order_seen, adjacency
                ),
                expected=0,
            )
            self.checkpoint(
                "chapters_total", self.chapters.value, expected=sum(course.chapters.values())
            )
        self.chapters.stop_following()

    def _chapters_lit(self) -> int:
        lit = self.view.lit_shown(LIT)
        return sum(
            self.course.chapters[n] for n, on in zip(self.course.levels, lit, strict=True) if on
        )

    def _step(self, node: str) -> Succession:
        view, course = self.view, self.course
        incoming = [(u, v) for u, v in course.graph.edges if v == node]
        count = course.chapters[node]
        line = f"Level {node} · {course.titles[node]} · {count} chapter{'s' if count > 1 else ''}"
        return Succession(
            AnimationGroup(view.move_token(node), self.caption.swap_to(line), run_time=0.5),
            AnimationGroup(
                view.light_nodes([node], LIT),
                *([view.light_arrows(incoming, LIT, width=4.5)] if incoming else []),
                run_time=0.5,
            ),
            LogLights(view, LIT),
        )

    # --- the core path, convergence, the longest chain ---------------------------------------
    def core_beat(self) -> None:
        view = self.view
        core = [str(n) for n in CORE_PATH]
        others = [n for n in self.course.levels if n not in core]
        with self.beat(
            "The book's core path is shorter: levels zero to four, then calculus, probability, "
            "optimization and the models. Nine levels; the rest can wait until a problem "
            "needs them."
        ) as b:
            b.say(
                0,
                self.caption.swap_to("the book's core ML path", CORE),
                FadeOut(view.token),
                view.dim_nodes(others),
                view.light_arrows(self.course.graph.edges, EDGE_COLOR, width=3.5),
                LaggedStart(*(view.light_nodes([n], CORE) for n in core), lag_ratio=0.3),
            )
            b.say(
                1,
                LaggedStart(
                    *(Indicate(view_node(view, n), color=CORE) for n in core), lag_ratio=0.2
                ),
            )
            lit = view.lit_shown(CORE)
            self.checkpoint(
                "core_levels_lit",
                derived("lit discs counted", int(np.sum(lit)), lit),
                expected=len(CORE_PATH),
            )
            levels = [int(n) for n, on in zip(self.course.levels, lit, strict=True) if on]
            self.checkpoint(
                "core_levels",
                derived("levels whose discs are lit", levels, lit),
                expected=sorted(CORE_PATH),
            )

    def converge_beat(self) -> None:
        view = self.view
        into = [(u, v) for u, v in self.course.graph.edges if v == "13"]
        with self.beat(
            "Level thirteen, the models, is where everything converges. Four arrows come "
            "into it, more than into any other level."
        ) as b:
            b.say(
                0,
                view.dim_nodes([str(n) for n in CORE_PATH if n != 13]),
                Indicate(view_node(view, "13"), color=CORE, scale_factor=1.3),
            )
            b.say(
                1,
                Succession(
                    *(AnimationGroup(*(view.pulse(u, v, CORE) for u, v in into)) for _ in range(2))
                ),
            )
            adjacency = view.adjacency_shown()
            column = adjacency.sum(axis=0)
            self.checkpoint(
                "arrows_into_13",
                derived("drawn arrows ending at level 13", int(column[13]), adjacency),
                expected=in_degrees(self.course.graph)["13"],
            )
            self.checkpoint(
                "most_arrows_into",
                derived("level with the most drawn arrows in", int(np.argmax(column)), adjacency),
                expected=13,
            )

    def chain_beat(self) -> None:
        view = self.view
        chain = longest_chain(self.course.graph)
        edges = list(zip(chain, chain[1:], strict=False))
        count = Readout(r"\text{longest chain}", 0, decimals=0, size=36, color=CHAIN)
        count.move_to(np.array([6.3, -3.35, 0.0]), aligned_edge=RIGHT)
        count.follow(lambda: view.lit_edges_shown(CHAIN))
        with self.invariant(
            "chain counter counts the orange arrows",
            lambda: (count.value, view.lit_edges_shown(CHAIN)),
        ):
            with self.beat(
                "The longest chain of prerequisites runs through probability and statistics. "
                "Its ten arrows mean at least eleven levels, one after another."
            ) as b:
                self.play(
                    FadeOut(self.chapters),
                    FadeIn(count),
                    view.dim_nodes(["13"]),
                    self.caption.swap_to("the longest chain of prerequisites", CHAIN),
                    run_time=0.8,
                )
                b.say(0, Succession(*(_with_light(view, u, v) for u, v in edges)))
                b.say(1, Indicate(count, color=CHAIN, scale_factor=1.1))
        count.stop_following()
        self.checkpoint("longest_chain_arrows", count.value, expected=self._longest_by_recursion())
        self.checkpoint(
            "longest_chain_lit", view.lit_edges_shown(CHAIN), expected=self._longest_by_recursion()
        )

    def _longest_by_recursion(self) -> int:
        return max(self._depth_by_recursion(n) for n in self.course.levels)

    # --- one walker ---------------------------------------------------------------------------
    def single_walker_beat(self) -> None:
        axes = walk_axes(
            (0, TICKS, 10), (-30, 30, 10), origin=(-5.85, -0.3), x_length=8.0, y_length=5.4
        )
        x_label = theme.text("tick n", size=theme.SMALL_SIZE, color=theme.MUTED)
        x_label.next_to(axes.x_axis.numbers[-1], RIGHT, buff=0.2)
        y_label = theme.text("position", size=theme.SMALL_SIZE, color=theme.MUTED)
        y_label.next_to(axes.c2p(0, 30), UP, buff=0.2)
        self.axes = axes
        self.paths = walk_paths(WALKERS, TICKS, np.random.default_rng(SEED))
        cloud = WalkCloud(axes, self.paths)
        self.cloud = cloud
        self.n_read = Readout("n", 0, decimals=0, size=36, commas=False)
        self.n_read.move_to(np.array([-6.6, 3.45, 0.0]), aligned_edge=LEFT)
        self.n_read.follow(cloud.tick_shown)
        self.x_read = Readout("x", 0, decimals=0, size=36, color=theme.ACCENT)
        self.x_read.move_to(np.array([-4.4, 3.45, 0.0]), aligned_edge=LEFT)
        self.x_read.follow(cloud.lead_shown)
        moves = replay_moves(SEED, WALKERS, TICKS)
        with self.beat(
            "Advanced topics begin with randomness that unfolds in time. A walker starts at "
            "zero and flips a coin every tick: heads, a step up; tails, a step down."
        ) as b:
            self.play(theme.hide(*self.mobjects), run_time=0.6)
            self.play(Create(axes), FadeIn(x_label), FadeIn(y_label), run_time=1.0)
            self.play(FadeIn(cloud), FadeIn(self.n_read), FadeIn(self.x_read), run_time=0.5)
            with self.invariant(
                "x readout is the walker's place on the axis",
                lambda: (self.x_read.value, cloud.lead_shown()),
            ):
                self.play(cloud.walk_to(EARLY), run_time=max(1.0, b.speech_end - self.clock))
            here = float(moves[0, :EARLY].sum())
            self.checkpoint("walker_at_20", cloud.lead_shown(), expected=here, tol=1e-6)
            self.checkpoint("walker_readout_at_20", self.x_read.value, expected=here)
            self.checkpoint("tick_readout_single", self.n_read.value, expected=EARLY)
        self.x_read.stop_following()
        self.moves = moves

    # --- two hundred walkers ------------------------------------------------------------------
    def crowd_beats(self) -> None:
        cloud, axes = self.cloud, self.axes
        band = SqrtBand(axes)
        self.band = band
        var_read = Readout(r"\text{sample variance}", 0, decimals=1, size=36, color=theme.PATH)
        var_read.move_to(np.array([-2.6, 3.45, 0.0]), aligned_edge=LEFT)
        sd_read = Readout(r"\sqrt{n}", 0, decimals=1, size=36, color=theme.GOOD)
        sd_read.move_to(np.array([3.6, 3.45, 0.0]), aligned_edge=LEFT)
        self.var_read, self.sd_read = var_read, sd_read
        held = contextlib.ExitStack()
        with self.beat(
            "Rewind, and release two hundred walkers, each with its own coin. Their paths fan "
            "out, and the sample variance of their positions grows with every tick."
        ) as b:
            b.say(0, FadeOut(self.x_read), cloud.walk_to(0.0))
            self.add(band)
            var_read.follow(lambda: cloud.variance_shown() if cloud.walkers_shown() > 1 else 0.0)
            sd_read.follow(band.half_width_shown)
            self.play(cloud.release(WALKERS), FadeIn(var_read), FadeIn(sd_read), run_time=0.6)
            held.enter_context(
                self.invariant(
                    "variance readout is the variance of the drawn heads",
                    lambda: (var_read.value, cloud.variance_shown()),
                )
            )
            held.enter_context(
                self.invariant(
                    "root-n readout is the band's half-width",
                    lambda: (sd_read.value, band.half_width_shown()),
                )
            )
            held.enter_context(
                self.invariant(
                    "band half-width is the square root of the tick",
                    lambda: (band.half_width_shown(), math.sqrt(float(cloud.tick_shown()))),
                    tol=1e-6,
                )
            )
            b.say(1, cloud.walk_to(EARLY), band.grow_to(EARLY))
            self.checkpoint("walkers_drawn", cloud.walkers_shown(), expected=WALKERS)
            self.check_variance(EARLY, self.moves[:, :EARLY].sum(axis=1))
        with self.beat(
            "The green band is plus or minus root n. Each tick adds an independent step of "
            "variance one, so after n ticks the variance is about n."
        ) as b:
            flash = band.upper.copy().set_stroke(width=9)
            self.play(
                ShowPassingFlash(flash, time_width=0.6),
                Indicate(sd_read),
                run_time=min(2.0, b.sentence(0)),
            )
            self.play(
                cloud.walk_to(TICKS),
                band.grow_to(TICKS),
                run_time=max(2.0, b.speech_end - self.clock),
            )
            self.check_variance(TICKS, self.moves.sum(axis=1))
            self.checkpoint(
                "band_half_width_80", band.half_width_shown(), expected=math.sqrt(TICKS), tol=1e-6
            )
            self.checkpoint("root_n_readout_80", sd_read.value, expected=math.sqrt(TICKS))
        held.close()
        var_read.stop_following()
        sd_read.stop_following()
        self.n_read.stop_following()

    def check_variance(self, n: int, positions: np.ndarray) -> None:
        mean = math.fsum(positions) / len(positions)
        s2 = math.fsum((x - mean) ** 2 for x in positions) / (len(positions) - 1)
        self.checkpoint(f"n_readout_{n}", self.n_read.value, expected=n)
        self.checkpoint(f"variance_readout_{n}", self.var_read.value, expected=s2)
        variance, tick = self.cloud.variance_shown(), self.cloud.tick_shown()
        ratio = derived("sample variance of the heads / the tick", variance / tick, variance, tick)
        self.checkpoint(f"variance_over_n_{n}", ratio, expected=1.0, tol=0.1)

    # --- the bell ------------------------------------------------------------------------------
    def histogram_beat(self) -> None:
        cloud, axes = self.cloud, self.axes
        hist_axes = walk_axes(
            (0, 20, 10), (-30, 30, 10), origin=(3.55, axes.c2p(0, 0)[1]), x_length=1.8, y_length=5.4
        )
        hist_axes.y_axis.remove(hist_axes.y_axis.numbers)
        hist_axes.x_axis.set_stroke(opacity=0.0)  # only its numbers, at the bottom edge
        walkers_label = theme.text("walkers", size=theme.SMALL_SIZE, color=theme.MUTED)
        walkers_label.next_to(hist_axes.x_axis.numbers[-1], RIGHT, buff=0.25)
        final = np.asarray(cloud.positions_shown(), dtype=float)
        hist = SideHistogram(hist_axes, np.rint(final), color=theme.AREA)
        sd = math.sqrt(TICKS)
        ys = np.linspace(-30, 30, 241)
        bell = hist_axes.plot_line_graph(
            2 * WALKERS * scipy.stats.norm(0, sd).pdf(ys),
            ys,
            add_vertex_dots=False,
            line_color=theme.HYPOTHESIS,
            stroke_width=3.5,
        )
        share = Readout(r"\text{inside band}", 0, decimals=0, size=36, color=theme.GOOD, unit=r"\%")
        share.move_to(np.array([3.6, 2.75, 0.0]), aligned_edge=LEFT)
        with self.beat(
            "Stack up where the walkers stand after eighty ticks, and a bell appears. About "
            "sixty-eight percent sit inside the band, as the normal curve predicts."
        ) as b:
            b.say(0, Create(hist_axes), FadeIn(walkers_label), hist.grow(), Create(bell))
            inside = cloud.inside_shown(sd)
            walkers = cloud.walkers_shown()
            share.follow(lambda: 100 * cloud.coloured_shown(theme.GOOD) / walkers)
            self.play(FadeIn(share), run_time=0.4)
            flash = self.band.upper.copy().set_stroke(width=9)
            with self.invariant(
                "inside-band readout counts the green heads",
                lambda: (share.value, 100 * cloud.coloured_shown(theme.GOOD) / walkers),
            ):
                b.say(
                    1,
                    cloud.colour_inside(sd, theme.GOOD),
                    ShowPassingFlash(flash, time_width=0.6),
                )
            share.stop_following()
            counts = np.bincount(self.moves.sum(axis=1) + TICKS, minlength=2 * TICKS + 1)
            self.checkpoint(
                "histogram_counts",
                hist.counts_shown(range(-TICKS, TICKS + 1)),
                expected=counts.tolist(),
            )
            self.checkpoint("inside_band_readout", share.value, expected=100 * inside / walkers)
            self.checkpoint(
                "inside_band_share",
                derived("heads inside the band / heads drawn", inside / walkers, inside, walkers),
                expected=float(scipy.stats.norm.cdf(1) - scipy.stats.norm.cdf(-1)),
                tol=0.068,
            )

    # --- a Markov chain -------------------------------------------------------------------------
    def markov_beat(self) -> None:
        strip = MarkovStrip(-3, 3, centre=(0.0, 0.3), spacing=1.95, radius=0.46, name_size=30)
        self.declare_shown(strip.halves, "the coin's probability one half")
        top = theme.text("the next state depends only on this one", size=theme.BODY_SIZE)
        top.move_to(np.array([0.0, 2.7, 0.0]))
        bottom = theme.text(
            "PageRank, 11.3: a random surfer on the graph of links",
            size=theme.BODY_SIZE,
            color=theme.MUTED,
        )
        bottom.move_to(np.array([0.0, -2.4, 0.0]))
        self.declare_shown(bottom, "the chapter number 11.3, a reference")
        states = markov_steps(0, 10, np.random.default_rng(SEED + 1), low=-3, high=3)
        hops = [strip.hop(int(s)) for s in states[1:]]
        with self.beat(
            "The next step depends only on where the walker stands now, so the walk is a "
            "Markov chain. PageRank in chapter eleven point three was one too: a random "
            "surfer following links."
        ) as b:
            self.play(theme.hide(*self.mobjects), run_time=0.6)
            self.play(
                FadeIn(strip.discs),
                FadeIn(strip.names),
                Create(strip.arrows),
                FadeIn(strip.halves),
                FadeIn(strip.token),
                FadeIn(top),
                run_time=1.2,
            )
            b.say(0, Succession(*hops[:4]))
            b.say(1, FadeIn(bottom, run_time=0.6), Succession(*hops[4:]))
            self.checkpoint("chain_arrows", strip.arrows_shown(), expected=2 * 6)
            self.checkpoint(
                "token_state", strip.state_shown(), expected=float(states[-1]), tol=1e-6
            )


def view_node(view: CourseMapView, node: str) -> VGroup:
    """A level's disc with its name (they move together when indicated)."""
    return VGroup(view.discs[node], view.names[node])


def _with_light(view: CourseMapView, u: str, v: str) -> AnimationGroup:
    """Turn one arrow of the chain orange while a flash runs along it."""
    return AnimationGroup(
        view.light_arrows([(u, v)], CHAIN, width=7.0), view.pulse(u, v, CHAIN), run_time=0.5
    )


SCENES = [AdvancedTopicsReference]
