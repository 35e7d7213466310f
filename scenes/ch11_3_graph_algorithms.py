"""11.3 Graph Algorithms: a BFS frontier spreading, Dijkstra settling, PageRank converging.

Breadth-first search runs from A over nine nodes: each ring of new nodes lights up as the
frontier, their names fly into the queue, their distances appear and the tree edges that
found them thicken, while the ring before turns "visited". Dijkstra's algorithm then runs on
six places joined by roads with lengths: every tentative distance starts at ∞, each settled
node sends offers along its edges, an offer counts a tag down or is struck out, and the
shortest path to T is traced at the end, its lengths adding up. Last, PageRank on five linked
pages: each round the mass flows along the links, the discs (area ∝ rank) grow and shrink and
the readouts settle until the round's total change is below 0.0005.

Every distance, count and rank is read back from the screen and checked against networkx
(and numpy's power iteration) rather than the model that drew it.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any

import networkx as nx
import numpy as np
from manim import (
    DOWN,
    LEFT,
    AnimationGroup,
    Circumscribe,
    FadeIn,
    FadeOut,
    Indicate,
    Mobject,
    Succession,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.graph_search import (
    BFS_GRAPH,
    BFS_POSITIONS,
    ROAD_POSITIONS,
    ROADS,
    WEB,
    WEB_POSITIONS,
    l1_changes,
    stop_round,
)
from mathviz.maths.graphs import bfs, dijkstra, pagerank_iterates, path_to
from mathviz.primitives.graph_search import (
    DistanceTags,
    QueueRow,
    RankPanel,
    RankView,
    label_directions,
    node_legend,
    path_weight_shown,
)
from mathviz.primitives.graph_view import GraphView
from mathviz.primitives.motion import built
from mathviz.primitives.readout import CountTo, Readout
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene
from mathviz.theme import at

FRONTIER, VISITED = theme.ACCENT, theme.PATH
CURRENT, SETTLED, ROUTE = theme.ACCENT, theme.GOOD, theme.GRADIENT
PAGE = theme.PATH
#: where the graphs sit, and the right-hand panel's left edge
BFS_BOX: dict[str, Any] = {"centre": (-2.3, -0.55), "width": 7.0, "height": 5.5}
ROAD_BOX: dict[str, Any] = {"centre": (-2.2, -0.35), "width": 7.0, "height": 4.5}
WEB_BOX: dict[str, Any] = {"centre": (-3.0, -0.45), "width": 6.2, "height": 5.6}
PANEL_X = 2.5
DAMPING, STOP_BELOW = 0.85, 0.0005

# --- independent routes to the expected values (networkx, numpy) ----------------------------
NX_BFS = nx.Graph(BFS_GRAPH.edges)
NX_ROADS = nx.Graph()
NX_ROADS.add_weighted_edges_from(
    (u, v, w) for (u, v), w in zip(ROADS.edges, ROADS.weights or (), strict=True)
)
NX_DIST = nx.single_source_dijkstra_path_length(NX_ROADS, "S")


def nx_tentative(settled: list[str]) -> dict[str, float]:
    """Dijkstra's tentative distances once ``settled`` are settled: the best route whose every
    node but the last is settled, from networkx's final distances and the edge lengths."""
    out = dict.fromkeys(NX_ROADS.nodes, math.inf)
    out["S"] = 0.0
    for u in settled:
        out[u] = NX_DIST[u]
        for v, data in NX_ROADS[u].items():
            if v not in settled:
                out[v] = min(out[v], NX_DIST[u] + data["weight"])
    return out


def google_iterates(rounds: int) -> list[np.ndarray]:
    """PageRank's power iterates from a uniform start with the Google matrix (numpy)."""
    n = len(WEB.nodes)
    links = np.zeros((n, n))
    for u, v in WEB.edges:
        links[WEB.nodes.index(v), WEB.nodes.index(u)] = 1.0
    google = DAMPING * links / links.sum(axis=0) + (1 - DAMPING) / n
    out = [np.full(n, 1.0 / n)]
    for _ in range(rounds):
        out.append(google @ out[-1])
    return out


class GraphAlgorithms(LectureScene):
    chapter_id = "11.3"

    def construct(self) -> None:
        self.open_chapter("Three ways to walk a graph.")
        self.bfs_beats()
        self.clear_stage()
        self.dijkstra_beats()
        self.clear_stage()
        self.pagerank_beats()
        self.close_chapter(
            "Rings for hops, settling for lengths, rounds for rank.",
            "Hops, lengths, and rank that flows until it settles. Next, numerical stability.",
        )

    def clear_stage(self) -> None:
        self.play(*(FadeOut(m) for m in self.mobjects), run_time=0.6)
        self.clear()

    def heading(self, words: str) -> Mobject:
        head = theme.text(words, size=theme.HEADING_SIZE)
        head.move_to(at(-6.7, 3.55), aligned_edge=LEFT)
        return head

    # --- breadth-first search -------------------------------------------------------------
    def bfs_beats(self) -> None:
        run = bfs(BFS_GRAPH, "A")
        view = GraphView(BFS_GRAPH, BFS_POSITIONS, node_radius=0.34, **BFS_BOX)
        where = label_directions(BFS_GRAPH, BFS_POSITIONS, BFS_BOX["width"], BFS_BOX["height"])
        key = node_legend([(FRONTIER, "frontier"), (VISITED, "visited")])
        key.move_to(at(PANEL_X, 2.2), aligned_edge=LEFT)
        frontier = Readout(r"\text{frontier}", 1, decimals=0, size=34)
        frontier.move_to(at(PANEL_X, 0.6), aligned_edge=LEFT)
        queue = QueueRow(at(PANEL_X, -0.8), slots=3, fill=FRONTIER)
        loop = theme.code(
            "u = queue.popleft()",
            "for v in nbrs(u):",
            "  if v not in dist:",
            "    dist[v] = dist[u]+1",
            "    queue.append(v)",
            size=20,
            color=theme.MUTED,
        )
        loop.move_to(at(PANEL_X, -2.5), aligned_edge=LEFT)
        nx_layers = [sorted(layer) for layer in nx.bfs_layers(NX_BFS, ["A"])]
        nx_hops = nx.single_source_shortest_path_length(NX_BFS, "A")
        reached: list[str] = []

        def check_ring(d: int) -> None:
            lit = view.lit_shown(FRONTIER)
            self.checkpoint(
                f"frontier_size_{d}",
                derived("nodes lit as the frontier", int(lit.sum()), lit),
                expected=len(nx_layers[d]),
            )
            self.checkpoint(f"frontier_readout_{d}", frontier.value, expected=len(nx_layers[d]))
            self.checkpoint(f"queue_length_{d}", queue.length_shown(), expected=len(nx_layers[d]))
            self.checkpoint(
                f"bfs_distances_{d}",
                [view.value_printed(n) for n in reached],
                expected=[nx_hops[n] for n in reached],
            )

        def join(layer: tuple[str, ...], d: int) -> AnimationGroup:
            reached.extend(layer)
            return AnimationGroup(
                view.light_nodes(layer, FRONTIER),
                queue.enqueue(view, layer),
                *(view.add_values({n: d}, direction=where[n], size=36) for n in layer),
                frontier.step_to(len(layer)),
            )

        with self.beat(
            "Breadth-first search explores a graph in rings of hops. It starts at A, at distance "
            "zero, and A is the only name in its queue."
        ) as b:
            self.add(view)
            b.say(0, view.appear(), FadeIn(self.heading("Breadth-first search")))
            b.say(
                1,
                FadeIn(key),
                FadeIn(frontier),
                FadeIn(queue),
                FadeIn(loop),
                join(run.layers[0], 0),
            )
            check_ring(0)
        notes = [
            "A leaves the queue and turns visited. Its neighbours B, C and D join at the back, "
            "at distance one: the new frontier.",
            "Taking B, C and D in turn reaches E, F and G at distance two. The edge from B to "
            "C finds nothing new, so it stays thin.",
            "The last ring is H and I, at distance three. The thick edges form a tree, and "
            "every label counts the edges back to A.",
        ]
        for d, note in enumerate(notes, start=1):
            previous, layer = run.layers[d - 1], run.layers[d]
            tree = [(run.parent[n], n) for n in layer]
            with self.beat(note) as b:
                half = b.sentence(0) / 2
                self.play(
                    queue.dequeue(len(previous)),
                    view.light_nodes(previous, VISITED),
                    run_time=half,
                )
                self.play(
                    *(view.pulse(u, v, VISITED) for u, v in tree),
                    view.light_edges(tree, VISITED, width=7),
                    run_time=half,
                )
                b.say(1, join(layer, d))
                check_ring(d)
        self.play(
            queue.dequeue(len(run.layers[-1])),
            view.light_nodes(run.layers[-1], VISITED),
            frontier.step_to(0),
            run_time=0.8,
        )
        self.checkpoint(
            "bfs_tree_edges",
            view.lit_edges_shown(VISITED),
            expected=len(nx.bfs_tree(NX_BFS, "A").edges),
        )

    # --- Dijkstra -------------------------------------------------------------------------
    def dijkstra_beats(self) -> None:
        run = dijkstra(ROADS, "S")
        view = GraphView(ROADS, ROAD_POSITIONS, node_radius=0.34, show_weights=True, **ROAD_BOX)
        for label in view.weight_labels.values():
            label.scale(1.5)
        tags = DistanceTags(
            view,
            label_directions(ROADS, ROAD_POSITIONS, ROAD_BOX["width"], ROAD_BOX["height"]),
            "S",
        )
        key = node_legend([(CURRENT, "settling"), (SETTLED, "settled")])
        key.move_to(at(PANEL_X + 0.4, 2.2), aligned_edge=LEFT)
        rule = VGroup(
            theme.text("settle the closest node,", size=theme.LABEL_SIZE, color=theme.MUTED),
            theme.text("offer its neighbours", size=theme.LABEL_SIZE, color=theme.MUTED),
            theme.text("a route through it", size=theme.LABEL_SIZE, color=theme.MUTED),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        rule.move_to(at(PANEL_X + 0.4, 0.3), aligned_edge=LEFT)
        total = Readout(r"\text{path length}", 0, decimals=0, size=34, color=ROUTE)
        total.move_to(at(PANEL_X + 0.4, -1.6), aligned_edge=LEFT)
        settled: list[str] = []

        def check_tags(name: str) -> None:
            expected = nx_tentative(settled)
            finite = [expected[n] for n in ROADS.nodes if math.isfinite(expected[n])]
            self.checkpoint(f"tentative_{name}", tags.finite_shown(), expected=finite)
            self.checkpoint(
                f"infinities_{name}",
                tags.infinities_shown(),
                expected=sum(1 for v in expected.values() if math.isinf(v)),
            )

        def settle(k: int, budget: float) -> None:
            """Settle the k-th node and relax its edges in about ``budget`` seconds."""
            node = run.order[k]
            settled.append(node)
            looks = run.relaxations[k]
            self.play(view.light_nodes([node], CURRENT), run_time=0.6)
            each = max((budget - 1.1) / len(looks), 1.2) if looks else 0.0
            for look in looks:
                phases = tags.relax(look)
                for phase in phases:
                    self.play(phase, run_time=each / len(phases))
            self.play(view.light_nodes([node], SETTLED), tags.recolour(node, SETTLED), run_time=0.5)

        with self.beat(
            "Now the edges have lengths. Dijkstra's algorithm starts every distance at "
            "infinity, except the source S at zero."
        ) as b:
            self.add(view)
            b.say(0, view.appear(), FadeIn(self.heading("Dijkstra's shortest paths")))
            self.add(tags)
            b.say(1, tags.appear(), FadeIn(key), FadeIn(rule))
            weights = [view.weight_labels[e].label for e in ROADS.edges]
            self.checkpoint(
                "road_lengths",
                [printed(w) for w in weights],
                expected=[NX_ROADS[u][v]["weight"] for u, v in ROADS.edges],
            )
            check_tags("at_start")
        with self.beat(
            "Each step settles the closest unsettled node and offers its neighbours a route "
            "through it. From S, A costs four and B costs one."
        ) as b:
            settle(0, b.speech_end - self.clock)
            check_tags("after_S")
        with self.beat(
            "B is closest now. Through B, A costs one plus two, so its four counts down to "
            "three, and D gets six."
        ) as b:
            settle(1, b.speech_end - self.clock)
            check_tags("after_B")
        with self.beat(
            "Then A, at three: C gets four. The route to D through A also costs six, no "
            "better, so the offer is struck out."
        ) as b:
            settle(2, b.speech_end - self.clock)
            check_tags("after_A")
        with self.beat(
            "Settling C lowers D to five and offers T ten; settling D brings T down to seven. "
            "T is settled last."
        ) as b:
            for k in range(3, len(run.order)):
                settle(k, (b.speech_end - self.clock) / (len(run.order) - k))
            check_tags("final")
            self.checkpoint(
                "dijkstra_distances",
                tags.finite_shown(),
                expected=[NX_DIST[n] for n in ROADS.nodes],
            )
        route = path_to(run, "T")
        edges = list(zip(route[:-1], route[1:], strict=True))
        with self.beat(
            "Walking back from T along each node's best predecessor traces the shortest "
            "path. Its lengths add up to seven."
        ) as b:
            self.play(FadeOut(rule), FadeIn(total), run_time=0.6)
            length, each = 0.0, b.sentence(0) / len(edges)
            for u, v in reversed(edges):  # back from T, one predecessor at a time
                length += ROADS.weight(u, v)
                line = view.lines.get((u, v)) or view.lines[(v, u)]
                # played one by one, not grouped: a group would be drawn above the weights
                self.play(
                    view.pulse(v, u, ROUTE),
                    built(line.animate.set_stroke(ROUTE, width=8)),
                    CountTo(total.number, length),
                    run_time=each,
                )
            b.say(1, Circumscribe(total, color=ROUTE), Indicate(tags.numbers["T"].label))
            nx_length = nx.dijkstra_path_length(NX_ROADS, "S", "T")
            self.checkpoint(
                "path_weight_traced", path_weight_shown(view, ROUTE), expected=nx_length
            )
            self.checkpoint("path_length_readout", total.value, expected=nx_length)
            self.checkpoint(
                "path_edges_lit",
                view.lit_edges_shown(ROUTE),
                expected=len(nx.dijkstra_path(NX_ROADS, "S", "T")) - 1,
            )

    # --- PageRank -------------------------------------------------------------------------
    def pagerank_beats(self) -> None:
        iterates = pagerank_iterates(WEB, damping=DAMPING)
        last = stop_round(iterates, STOP_BELOW)
        changes = l1_changes(iterates)
        names = WEB.nodes
        view = RankView(
            WEB, WEB_POSITIONS, full_radius=0.5 * math.sqrt(5), node_radius=0.5, **WEB_BOX
        )
        for n in names:
            view.discs[n].set_fill(PAGE, opacity=1.0).set_stroke(PAGE)
            view.names[n].set_color(theme.BACKGROUND)
        panel = RankPanel(view, at(PANEL_X, 2.6), first_change=changes[0], color=PAGE)
        ranks, bars, column = panel.ranks, panel.bars, panel.column
        rounds, change, totals = panel.rounds, panel.change, panel.totals
        mass_total = panel.total_shown
        stop = theme.text("below 0.0005: stop", size=theme.LABEL_SIZE, color=theme.GOOD)
        stop.next_to(panel.stats, DOWN, buff=0.25, aligned_edge=LEFT)
        self.declare_shown(stop, "the stopping threshold")
        update = theme.tex(
            r"r_j \leftarrow \frac{1-d}{5} + d \sum_{i \to j} \frac{r_i}{\mathrm{out}_i}",
            size=34,
        )
        update.move_to(at(PANEL_X, -3.2), aligned_edge=LEFT)
        damping = theme.tex(r"d = 0.85", size=34, color=theme.ACCENT)
        damping.move_to(at(PANEL_X, 3.5), aligned_edge=LEFT)
        self.declare_shown(damping, "the brief's damping factor")
        google = google_iterates(last)

        def check_round(k: int) -> None:
            self.checkpoint(f"ranks_round_{k}", [r.value for r in ranks], expected=list(google[k]))
            self.checkpoint(f"round_readout_{k}", rounds.value, expected=k)
            if k:
                self.checkpoint(
                    f"change_readout_{k}",
                    change.value,
                    expected=math.fsum(np.abs(google[k] - google[k - 1])),
                )

        def step(k: int, seconds: float, pulses: bool = True) -> None:
            flow = view.flow_to(dict(zip(names, iterates[k], strict=True)))
            shown = FadeIn(change) if k == 1 else change.step_to(changes[k - 1])
            if pulses:
                self.play(view.pulses(), rounds.step_to(k), run_time=0.45 * seconds)
                self.play(flow, shown, run_time=0.55 * seconds)
            else:
                self.play(flow, rounds.step_to(k), shown, run_time=seconds)

        held = contextlib.ExitStack()
        with self.beat(
            "PageRank scores pages by the links pointing at them. Five pages start with "
            "equal shares, each disc's area showing its rank."
        ) as b:
            self.add(view)
            b.say(0, view.appear(), FadeIn(self.heading("PageRank")))
            for name, read, tol in (
                (
                    "rank readouts equal the disc areas",
                    lambda: ([r.value for r in ranks], view.masses_shown()),
                    None,
                ),
                ("the discs hold a total mass of one", lambda: (mass_total(), 1.0), 1e-9),
                (
                    "bars are as long as the disc masses",
                    lambda: (bars.masses_shown(), view.masses_shown()),
                    1e-9,
                ),
                (
                    "total readout equals the disc masses",
                    lambda: (totals.value, mass_total()),
                    None,
                ),
            ):
                held.enter_context(self.invariant(name, read, tol=tol))
            b.say(1, FadeIn(column), FadeIn(bars), FadeIn(rounds), FadeIn(totals))
            check_round(0)
        with held:
            with self.beat(
                "Each round, a page sends 0.85 of its rank along its links, split evenly, and the "
                "rest is spread over every page."
            ) as b:
                self.play(Write(damping), Write(update), run_time=1.5)
                step(1, b.speech_end - self.clock)
                check_round(1)
            with self.beat(
                "C collects links from three pages, but it passes all of its rank on to A, so A "
                "grows biggest. D, linked only from E, shrinks."
            ) as b:
                for k in range(2, 6):
                    step(k, (b.speech_end - self.clock) / (6 - k))
                check_round(5)
            with self.beat(
                f"The rounds change less and less. After {last} rounds the total change is "
                "below 0.0005, and the loop stops."
            ) as b:
                seconds = max(b.speech_end - self.clock - 1.0, 4.0) / (last - 5)
                for k in range(6, last + 1):
                    step(k, seconds, pulses=False)
                self.play(
                    change.number.animate.set_color(theme.GOOD),
                    Circumscribe(change, color=theme.GOOD),
                    FadeIn(stop, shift=0.2 * LEFT),
                    run_time=1.0,
                )
                check_round(last)
            pr = nx.pagerank(nx.DiGraph(WEB.edges), alpha=DAMPING, tol=1e-12)
            exact = [pr[n] for n in names]
            top, bottom = names.index(max(pr, key=pr.get)), names.index(min(pr, key=pr.get))
            with self.beat(
                "A ends on top with 0.325 and D last with 0.089. The five shares still add "
                "up to one."
            ) as b:
                b.say(
                    0,
                    Succession(
                        *(
                            AnimationGroup(
                                Circumscribe(view.discs[names[i]], color=theme.ACCENT),
                                Circumscribe(ranks[i], color=theme.ACCENT),
                            )
                            for i in (top, bottom)
                        )
                    ),
                )
                b.say(1, Circumscribe(totals, color=theme.GOOD))
                self.checkpoint(
                    "pagerank_from_discs", view.masses_shown(), expected=exact, tol=1e-3
                )
                self.checkpoint("pagerank_readouts", [r.value for r in ranks], expected=exact)
                self.checkpoint("pagerank_from_bars", bars.masses_shown(), expected=exact, tol=1e-3)
                self.checkpoint("pagerank_sum", mass_total(), expected=1.0, tol=1e-9)
                self.checkpoint("pagerank_total_readout", totals.value, expected=1.0)


SCENES = [GraphAlgorithms]
