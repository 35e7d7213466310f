"""11.2 Graph Properties: components found by floods, a shortest path, and A² counting walks.

Nine people, an edge where two watched a movie together. A breadth-first flood from Ada
lights her whole connected component in one colour; the first person still dark, Fay,
starts a second flood in a second colour, and Ivy, with no edges, is a third component on
her own. A shortest path from Ben to Eli is traced edge by edge (three edges); Eli and Fay,
side by side on the page, have no path at all. Then the graph becomes its adjacency matrix A,
edge by edge. Entry (Ada, Dot) of A² is found by sliding along Ada's row and down Dot's
column together: the two places both hold a one are the two walks Ada → Ben → Dot and
Ada → Cy → Dot, traced on the graph as the count climbs. On the diagonal a walk of two goes
out and back, so (A²) at (Cy, Cy) counts Cy's three edges. Last, the whole matrix morphs into
A²: its diagonal is the degree list, and between components it is all zeros.
"""

from __future__ import annotations

import numpy as np
from manim import (
    LEFT,
    RIGHT,
    Animation,
    AnimationGroup,
    Circle,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Indicate,
    LaggedStart,
    Succession,
    Text,
    TransformMatchingTex,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.graph_walks import SEATS, floods, initials, people_graph
from mathviz.maths.graphs import BfsRun, adjacency_matrix, bfs, degrees, path_to, walk_counts
from mathviz.primitives.graph_walks import (
    WalkGraphView,
    WalkMatrix,
    WordCounter,
    scan_for_walks,
)
from mathviz.primitives.readout import Readout
from mathviz.readings import PrintedArray, derived, printed
from mathviz.scene import Beat, LectureScene
from mathviz.theme import at

GRAPH = people_graph()
#: one colour per component, in the order the floods find them
FLOOD_COLORS = (theme.NORM_L2, theme.GRADIENT, theme.PROJECTION)
PATH_COLOR, WALK_COLOR = theme.ACCENT, theme.ACCENT
#: the shortest path shown, the pair with no path, and the two entries of A² counted
PATH_FROM, PATH_TO = "Ben", "Eli"
APART = ("Eli", "Fay")
PAIR, LOOP = ("Ada", "Dot"), "Cy"
#: the right-hand column's left edge
PANEL_X = 0.45

# --- what the scene expects, from the model (the tests recompute it with networkx/numpy) ----
RUNS = floods(GRAPH)
COMPONENTS = [tuple(n for layer in run.layers for n in layer) for run in RUNS]
A = adjacency_matrix(GRAPH).astype(int)
A2 = walk_counts(GRAPH, 2)
LETTERS = initials(GRAPH)


def members(component: tuple[str, ...]) -> list[int]:
    """1 for each node of the graph in ``component``, else 0 (node order)."""
    return [int(n in component) for n in GRAPH.nodes]


class GraphProperties(LectureScene):
    chapter_id = "11.2"

    def construct(self) -> None:
        self.open_chapter("Who can reach whom in a graph, and by how many routes?")
        self.graph_beat()
        with self.invariant(
            "components readout equals the colours lit",
            lambda: (self.found.value, self.view.colours_lit_shown(FLOOD_COLORS)),
        ):
            self.first_flood_beat()
            self.other_floods_beat()
        self.path_beat()
        self.no_path_beat()
        self.matrix_beat()
        self.pair_beat()
        self.loop_beat()
        self.square_beat()
        self.close_chapter(
            "Floods find components;  powers of A count walks.",
            "A flood from every unreached node splits a graph into its components, and "
            "the powers of its adjacency matrix count its walks. Next, algorithms that "
            "search graphs for shortest routes and rankings.",
        )

    # --- the graph ------------------------------------------------------------------------
    def graph_beat(self) -> None:
        view = WalkGraphView(
            GRAPH,
            SEATS,
            centre=(0.0, 0.0),
            width=2.0,
            height=2.0,
            node_radius=0.36,
            hidden_edges=True,
        )
        edges = WordCounter("edges", 0, size=30)
        edges.move_to(at(PANEL_X, 3.2), aligned_edge=LEFT)
        edges.follow(view.edges_shown)
        found = WordCounter("components", 0, size=30)
        found.move_to(at(PANEL_X, 2.3), aligned_edge=LEFT)
        found.follow(lambda: view.colours_lit_shown(FLOOD_COLORS))
        self.view, self.edges, self.found = view, edges, found
        with self.beat(
            "Nine people, and an edge wherever two of them watched a movie together. "
            "There are eight edges, yet they do not join everyone."
        ) as b:
            self.add(view)
            b.say(
                0,
                LaggedStart(
                    *(
                        AnimationGroup(GrowFromCenter(view.discs[n]), FadeIn(view.names[n]))
                        for n in GRAPH.nodes
                    ),
                    lag_ratio=0.2,
                ),
                FadeIn(edges),
                FadeIn(found),
            )
            b.say(
                1,
                LaggedStart(*(view.reveal_edge(u, v) for u, v in GRAPH.edges), lag_ratio=0.5),
            )
            self.checkpoint("edges_drawn", view.edges_shown(), expected=len(GRAPH.edges))
            self.checkpoint("edges_readout", edges.value, expected=len(GRAPH.edges))
            # no flood has started: no person is lit, so no component is found yet
            self.checkpoint("components_before_floods", found.value, expected=0)
            self.checkpoint("adjacency_drawn", view.adjacency_shown(), expected=A.tolist(), tol=0.0)
        self.tidy()

    # --- components ------------------------------------------------------------------------
    def component_row(self, k: int) -> Text:
        """``{Ada, Ben, …}`` in the k-th flood's colour, in its row of the panel."""
        row = theme.text("{" + ", ".join(COMPONENTS[k]) + "}", size=30, color=FLOOD_COLORS[k])
        return row.move_to(at(PANEL_X, 1.45 - 0.75 * k), aligned_edge=LEFT)

    def frontier_rows(self, k: int) -> list[Text]:
        """One caption per frontier of the k-th flood: how many edges away, and who."""
        rows: list[Text] = []
        for d, layer in enumerate(RUNS[k].layers):
            names = ", ".join(layer)
            edges = "edge" if d == 1 else "edges"
            row = theme.text(
                f"{d} {edges} away:  {names}",
                size=28,
                color=theme.MUTED,
                t2c={names: FLOOD_COLORS[k]},
            )
            rows.append(row.move_to(at(PANEL_X, -0.85 - 0.7 * d), aligned_edge=LEFT))
        return rows

    def first_flood_beat(self) -> None:
        view = self.view
        self.rows = [self.component_row(k) for k in range(len(RUNS))]
        self.frontiers = [self.frontier_rows(k) for k in range(len(RUNS))]
        first = self.frontiers[0]
        with self.beat(
            "Start a flood at Ada. Each step it crosses every edge out of the people it "
            "has just reached, until no one new is left. Those five are one connected "
            "component."
        ) as b:
            source = RUNS[0].source
            b.say(
                0,
                view.light_nodes([source], FLOOD_COLORS[0]),
                Circumscribe(view.discs[source], shape=Circle, color=FLOOD_COLORS[0]),
                FadeIn(first[0], shift=0.2 * RIGHT),
            )
            b.say(
                1,
                view.flood(
                    RUNS[0],
                    FLOOD_COLORS[0],
                    lag_ratio=0.9,
                    alongside=[None, *(FadeIn(r, shift=0.2 * RIGHT) for r in first[1:])],
                ),
            )
            b.say(2, Write(self.rows[0]), Circumscribe(self.rows[0], color=FLOOD_COLORS[0]))
            self.check_component(0)

    def other_floods_beat(self) -> None:
        view = self.view
        with self.beat(
            "The first person still dark, Fay, starts a second flood in a new colour, and "
            "it stops after three. Ivy has no edges at all, so Ivy alone is a third "
            "component."
        ) as b:
            b.say(0, self.next_flood(1))
            b.say(1, self.next_flood(2))
            for k in (1, 2):
                self.check_component(k)
            self.checkpoint("components_readout", self.found.value, expected=len(RUNS))
            self.checkpoint(
                "components_lit", view.colours_lit_shown(FLOOD_COLORS), expected=len(RUNS)
            )

    def next_flood(self, k: int) -> Animation:
        """The previous flood's captions go; flood ``k`` runs with its own, and its set is
        written into the list (a lone node is circled as it lights)."""
        run, color = RUNS[k], FLOOD_COLORS[k]
        captions = [FadeIn(r, shift=0.2 * RIGHT) for r in self.frontiers[k]]
        alone = (
            []
            if len(run.layers) > 1
            else [Circumscribe(self.view.discs[run.source], shape=Circle, color=color)]
        )
        return AnimationGroup(
            *(FadeOut(r) for r in self.frontiers[k - 1]),
            AnimationGroup(self.view.flood(run, color, alongside=captions), *alone),
            Write(self.rows[k]),
            lag_ratio=0.45,
        )

    def check_component(self, k: int) -> None:
        self.checkpoint(
            f"component_{k + 1}_lit",
            self.view.lit_shown(FLOOD_COLORS[k]),
            expected=members(COMPONENTS[k]),
            tol=0.0,
        )

    # --- a path, and no path -----------------------------------------------------------------
    def path_beat(self) -> None:
        view = self.view
        path = path_to(bfs(GRAPH, PATH_FROM), PATH_TO)
        hops = list(zip(path[:-1], path[1:], strict=True))
        route = theme.text(" → ".join(path), size=30, t2c={"→": theme.MUTED})
        route.move_to(at(PANEL_X, -1.2), aligned_edge=LEFT)
        # the typeset characters of each name and arrow (spaces are not drawn)
        cuts = np.cumsum([0, *(len(n) + 1 for n in path)])
        words = [VGroup(*route[a : b - 1]) for a, b in zip(cuts[:-1], cuts[1:], strict=True)]
        arrows = [route[b - 1] for b in cuts[1:-1]]
        length = WordCounter("path length", 0, color=PATH_COLOR, size=30)
        length.move_to(at(PANEL_X, -2.05), aligned_edge=LEFT)
        length.follow(lambda: view.lit_edges_shown(PATH_COLOR))
        self.route, self.length = VGroup(route, length), length
        with self.invariant(
            "path length readout equals the lit path edges",
            lambda: (length.value, view.lit_edges_shown(PATH_COLOR)),
        ):
            with self.beat(
                "A path is a route along edges that never repeats a person. From Ben to "
                "Eli the shortest one takes three edges: Ben, Ada, Cy, Eli."
            ) as b:
                b.say(
                    0,
                    *(FadeOut(r) for r in self.frontiers[2]),
                    FadeIn(length),
                    FadeIn(words[0]),
                    Indicate(view.discs[PATH_FROM], color=PATH_COLOR, scale_factor=1.3),
                )
                b.say(
                    1,
                    Succession(
                        *(
                            AnimationGroup(
                                view.pulse(u, v, PATH_COLOR),
                                view.light_edges([(u, v)], PATH_COLOR, width=9.0),
                                FadeIn(arrow, shift=0.2 * RIGHT),
                                FadeIn(word, shift=0.2 * RIGHT),
                            )
                            for (u, v), arrow, word in zip(hops, arrows, words[1:], strict=True)
                        )
                    ),
                )
                self.checkpoint(
                    "path_edges_lit", view.lit_edges_shown(PATH_COLOR), expected=len(hops)
                )
                self.checkpoint(
                    "path_length_readout",
                    length.value,
                    expected=bfs(GRAPH, PATH_FROM).distance(PATH_TO),
                )

    def no_path_beat(self) -> None:
        view = self.view
        u, v = APART
        gap = view.gap_mark(u, v)
        verdict = theme.text(f"{u} to {v}:  no path", size=30, color=theme.BAD)
        verdict.move_to(at(PANEL_X, -3.1), aligned_edge=LEFT)
        within = bfs(GRAPH, u)
        with self.beat(
            "Eli and Fay sit side by side on the page, yet no path joins them. No edge "
            "leaves a component, so every route out of Eli stays inside her own colour."
        ) as b:
            b.say(
                0,
                AnimationGroup(Create(gap[0]), Create(gap[1]), lag_ratio=0.6),
                Write(verdict),
            )
            b.say(1, self.ripple(within, times=2))
            self.checkpoint(
                "reachable_from_eli",
                view.reachable_shown(u),
                expected=members(next(c for c in COMPONENTS if u in c)),
                tol=0.0,
            )
            self.checkpoint(
                "edges_between_components",
                view.crossing_edges_shown(FLOOD_COLORS),
                expected=0,
            )
        self.verdict, self.gap = verdict, gap

    def ripple(self, run: BfsRun, *, times: int) -> Animation:
        """Flashes spreading from a BFS run's source along its tree, frontier by frontier."""
        wave = [
            AnimationGroup(*(self.view.pulse(run.parent[v], v, theme.TEXT) for v in layer))
            for layer in run.layers[1:]
        ]
        return Succession(*(w for _ in range(times) for w in wave))

    # --- the matrix ---------------------------------------------------------------------------
    def matrix_beat(self) -> None:
        view = self.view
        matrix = WalkMatrix(
            GRAPH.nodes,
            labels=LETTERS,
            font_size=28,
            column_gap=0.36,
            row_height=0.58,
            highlight=theme.ACCENT,
        )
        matrix.move_to(at(4.2, -0.1))
        name = theme.tex("A", "=", size=44)
        name.next_to(matrix.row_labels, LEFT, buff=0.3)
        self.matrix, self.name = matrix, name
        with self.beat(
            "Now write the graph as a matrix A, one row and one column per person. Row i, "
            "column j holds a one when i and j share an edge, so every edge writes two ones "
            "and the matrix is symmetric."
        ) as b:
            self.edges.stop_following()
            self.found.stop_following()
            self.length.stop_following()
            panel = [self.edges, self.found, *self.rows, self.route, self.verdict, self.gap]
            self.play(
                *(FadeOut(m) for m in panel),
                view.dim_nodes(GRAPH.nodes),
                view.plain_edges(),
                run_time=1.0,
            )
            b.say(
                0,
                AnimationGroup(matrix.appear(), Write(name), lag_ratio=0.6),
            )
            b.say(
                1,
                LaggedStart(
                    *(
                        AnimationGroup(view.pulse(u, v, theme.ACCENT), matrix.fill(u, v))
                        for u, v in GRAPH.edges
                    ),
                    lag_ratio=0.45,
                ),
            )
            self.play(matrix.settle(), run_time=0.5)
            self.checkpoint("matrix_a", matrix.entries_printed(), expected=A.ravel().tolist())
            shown = matrix.matrix_shown()
            self.checkpoint(
                "matrix_a_symmetric",
                derived(
                    "largest |A - Aᵀ| of the typeset entries",
                    float(np.abs(shown - shown.T).max()),
                    shown,
                ),
                expected=0.0,
                tol=0.0,
            )
        self.tidy()

    # --- A² entry by entry ----------------------------------------------------------------------
    def count_walks(self, b: Beat, i: str, j: str, counter: Readout, *, until: int) -> None:
        """Light row ``i`` and column ``j`` (and the two people), then scan them while the
        walks are traced, until sentence ``until`` of the beat is over."""
        matrix = self.matrix
        row_box = matrix.row_box(i, theme.ROW)
        column_box = matrix.column_box(j, theme.COLUMN)
        cursors = (matrix.cell_box(i, GRAPH.nodes[0]), matrix.cell_box(GRAPH.nodes[0], j))
        self.boxes = VGroup(row_box, column_box)
        lights = [self.view.light_nodes([i], theme.ROW)]
        if j != i:
            lights.append(self.view.light_nodes([j], theme.COLUMN))
        self.play(
            *lights,
            FadeIn(row_box),
            FadeIn(column_box),
            FadeIn(counter),
            *(FadeIn(c) for c in cursors),
            run_time=0.8,
        )
        later = b.sentences[until + 1].start if until + 1 < len(b.sentences) else b.speech_end
        scan, self.kept = scan_for_walks(self.view, matrix, i, j, cursors, color=WALK_COLOR)
        self.play(scan, run_time=max(later - self.clock, 4.0))

    def clear_walks(self) -> None:
        """Fade the traced walks, the boxes and the lit people (0.6 s)."""
        self.play(
            self.view.fade_walks(),
            self.view.dim_nodes(GRAPH.nodes),
            *(FadeOut(m) for m in (*self.boxes, *self.kept)),
            run_time=0.6,
        )
        self.remove(*(hops for _, hops in self.view.walks))
        self.view.drop_walks()
        self.tidy()

    def tidy(self) -> None:
        """Put the graph and the matrix back on stage whole, under everything else.

        A fade or a trace that brings in a part of a group (a node, an edge, an entry)
        adds that part on its own and splits the group; rebuilding the stage restores each
        group's drawing order (edges and walks under the discs)."""
        groups = [g for g in (self.view, getattr(self, "matrix", None)) if g is not None]
        inside = {id(m) for g in groups for m in g.get_family()}
        others = [m for m in self.mobjects if id(m) not in inside]
        self.clear()
        self.add(*groups, *others)

    def pair_beat(self) -> None:
        i, j = PAIR
        a, d = GRAPH.index(i), GRAPH.index(j)
        formula = theme.tex(r"(A^2)_{ij}", "=", r"\sum_k A_{ik}\,A_{kj}", size=40)
        formula.move_to(at(4.2, 3.33))
        counter = Readout(rf"(A^2)_{{{LETTERS[a]}{LETTERS[d]}}}", 0, decimals=0, size=36)
        counter.move_to(at(PANEL_X + 1.1, -3.5), aligned_edge=LEFT)
        counter.follow(lambda: self.view.walks_shown(i, j))
        self.pair_counter = counter
        with self.invariant(
            "A² readout for Ada, Dot equals the walks drawn",
            lambda: (counter.value, self.view.walks_shown(i, j)),
        ):
            with self.beat(
                "Square it. Entry i, j of A squared runs along row i and down column j at "
                "once, multiplying and adding. A product is one only where both hold a one, "
                "and each such place is a walk of two edges, here from Ada to Dot."
            ) as b:
                b.say(0, Write(formula))
                self.count_walks(b, i, j, counter, until=2)
                self.checkpoint(
                    "walks_ada_dot_drawn", self.view.walks_shown(i, j), expected=int(A2[a, d])
                )
                self.checkpoint("a2_ada_dot_readout", counter.value, expected=int(A2[a, d]))
                shown = self.matrix.matrix_shown()
                terms = shown[a, :] * shown[:, d]
                self.checkpoint(
                    "products_ada_dot",
                    derived("row Ada times column Dot of the typeset A", terms.tolist(), shown),
                    expected=(A[a, :] * A[:, d]).tolist(),
                    tol=0.0,
                )
        counter.stop_following()

    def loop_beat(self) -> None:
        view = self.view
        c = GRAPH.index(LOOP)
        counter = Readout(rf"(A^2)_{{{LETTERS[c]}{LETTERS[c]}}}", 0, decimals=0, size=36)
        counter.next_to(self.pair_counter, RIGHT, buff=0.9)
        counter.follow(lambda: view.walks_shown(LOOP, LOOP))
        with self.invariant(
            "A² readout for Cy, Cy equals the walks drawn",
            lambda: (counter.value, view.walks_shown(LOOP, LOOP)),
        ):
            with self.beat(
                "On the diagonal a walk of two goes out along an edge and straight back, so "
                "Cy's entry counts her three edges. Each is a walk but not a path: a walk may "
                "come back to a person, a path never does."
            ) as b:
                self.clear_walks()
                self.count_walks(b, LOOP, LOOP, counter, until=0)
                b.say(1, Indicate(view.discs[LOOP], color=theme.ROW, scale_factor=1.35))
                self.checkpoint(
                    "walks_cy_cy_drawn", view.walks_shown(LOOP, LOOP), expected=int(A2[c, c])
                )
                self.checkpoint("a2_cy_cy_readout", counter.value, expected=int(A2[c, c]))
        counter.stop_following()

    def square_beat(self) -> None:
        view, matrix = self.view, self.matrix
        squared = theme.tex("A^2", "=", size=44).move_to(self.name, aligned_edge=RIGHT)
        deg = [degrees(GRAPH)[n] for n in GRAPH.nodes]
        with self.beat(
            "Do that for every entry, and A becomes A squared. Its diagonal is each "
            "person's degree, the walks out and back. Wherever two people sit in different "
            "components, the count is zero."
        ) as b:
            self.clear_walks()
            b.say(
                0,
                matrix.morph_to(A2, diagonal=theme.ACCENT),
                TransformMatchingTex(self.name, squared),
            )
            labels = []
            for n, value in zip(GRAPH.nodes, deg, strict=True):
                view.add_values(
                    {n: value}, direction=view.free_side(n), color=theme.ACCENT, size=32
                )
                labels.append(view.value_layer[-1])
            b.say(
                1,
                LaggedStart(
                    *(
                        FadeIn(label, target_position=matrix.grid.entry(k, k))
                        for k, label in enumerate(labels)
                    ),
                    lag_ratio=0.15,
                ),
            )
            b.say(2, *self.zero_blocks())
            self.checkpoint("matrix_a2", matrix.entries_printed(), expected=A2.ravel().tolist())
            self.checkpoint("a2_diagonal", matrix.diagonal_printed(), expected=deg)
            self.checkpoint(
                "degrees_beside_nodes",
                PrintedArray(printed(view.values[n]) for n in GRAPH.nodes),
                expected=deg,
            )
            self.checkpoint("degrees_drawn", view.degrees_shown(), expected=deg, tol=0.0)
            first = COMPONENTS[0]
            rest = [n for n in GRAPH.nodes if n not in first]
            self.checkpoint(
                "a2_between_components",
                matrix.entries_between_printed(first, rest),
                expected=[0] * (len(first) * len(rest)),
            )

    def zero_blocks(self) -> list[Animation]:
        """Boxes around every block of A² between two components; the components lit again."""
        boxes = self.matrix.block_boxes(COMPONENTS)
        lights = [
            self.view.light_nodes(comp, col)
            for comp, col in zip(COMPONENTS, FLOOD_COLORS, strict=True)
        ]
        return [LaggedStart(*(Create(box) for box in boxes), lag_ratio=0.2), *lights]


SCENES = [GraphProperties]
