"""11.1 Graph Basics: the recommender's likes as a bipartite graph and as a 0/1 table.

The six users and five movies of the running example stand as two columns of nodes; an edge
joins a user to a movie they rated four or five stars. Ana's row of the users × movies table
first shows her ratings, then each rating that counts becomes a 1 as its edge is traced; the
other twelve likes follow, edge and cell together, and an edge counter follows the drawing.
A node's degree is counted from its lit edges (Eve: 4) and is its row sum; every row and
column sum is written beside the table and inside the nodes. The users' degrees add to 15,
the movies' to 15, the number of edges, and all degrees to 30 (the handshake). A two-edge
path from Femi through Heat reaches Ana and Ben, whose other likes are suggestions. Last,
the table becomes the top-right block of the 11 × 11 adjacency matrix, its transpose the
bottom-left one, zero blocks on the diagonal: a symmetric matrix.
"""

from __future__ import annotations

import numpy as np
from manim import (
    LEFT,
    RIGHT,
    UP,
    Animation,
    AnimationGroup,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Indicate,
    LaggedStart,
    Mobject,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.graphs import layout
from mathviz.maths.liked_graph import LIKED, block_adjacency, co_likers, liked_graph, suggestions
from mathviz.maths.recommender import MOVIES, USERS, ratings
from mathviz.primitives.degree_view import (
    BlockAdjacency,
    CountLabel,
    DegreeGraphView,
    MarginSums,
    SumLine,
)
from mathviz.primitives.graph_view import EDGE_COLOR, AdjacencyMatrix
from mathviz.primitives.motion import built
from mathviz.readings import derived
from mathviz.scene import LectureScene
from mathviz.theme import at

GRAPH = liked_graph()
#: the graph's box: users in the left column, movies in the right
GRAPH_CENTRE, GRAPH_WIDTH, GRAPH_HEIGHT = (-3.9, -0.55), 3.2, 5.7
#: the table's top-left corner (its row names' left edge, its column names' top)
TABLE_CORNER = (-0.45, 3.05)
LIT, DEGREE = theme.ACCENT, theme.ACCENT
CO_LIKER, SUGGESTED = theme.PATH, theme.GRADIENT
#: the user whose degree is counted edge by edge, and the one who gets suggestions
COUNTED, ASKING = "Eve", "Femi"

# --- independent routes to the expected values: straight from the ratings table ----------
STARS = ratings()
LIKES = (STARS >= LIKED).astype(float)  # users × movies, 1 where liked
N_LIKES = int(np.count_nonzero(STARS >= LIKED))


class GraphBasics(LectureScene):
    chapter_id = "11.1"

    def construct(self) -> None:
        self.open_chapter("A graph is a set of things, and a set of pairs of them.")
        self.nodes_beat()
        with self.invariant(
            "edge counter equals the edges drawn",
            lambda: (self.counter.value, self.view.edges_shown()),
        ):
            self.first_edges_beat()
            self.other_edges_beat()
            self.degree_beats()
            self.handshake_beat()
            self.path_beat()
        self.full_matrix_beats()
        self.tidy()
        self.close_chapter(
            "Edges drawn or ones in a table:  the same data.",
            "Nodes and edges, or a matrix of zeros and ones, hold the same data, and a "
            "degree is a row sum. Next, paths, and what powers of that matrix count.",
        )

    def tidy(self, *stage: Mobject) -> None:
        """Put exactly ``stage`` (default: the current one) on screen, in that order.

        Animations list the parts they introduce (a disc, a line, a number) and the groups
        they play on their own, above the rest of their group; rebuilding the stage keeps
        every part in its group's drawing order and lets a fade take each object once."""
        if stage:
            self.stage = list(stage)
        self.clear()
        self.add(*self.stage)

    # --- the nodes and the empty table ----------------------------------------------------
    def nodes_beat(self) -> None:
        view = DegreeGraphView(
            GRAPH,
            layout(GRAPH, "bipartite", left=USERS),
            centre=GRAPH_CENTRE,
            width=GRAPH_WIDTH,
            height=GRAPH_HEIGHT,
            node_radius=0.32,
            number_size=30,
            name_outside={**dict.fromkeys(USERS, LEFT), **dict.fromkeys(MOVIES, RIGHT)},
            hidden_edges=True,
        )
        top = GRAPH_CENTRE[1] + GRAPH_HEIGHT / 2 + 0.75
        headers = VGroup(
            theme.text("users", size=theme.LABEL_SIZE, color=theme.MUTED).move_to(
                at(GRAPH_CENTRE[0] - GRAPH_WIDTH / 2, top)
            ),
            theme.text("movies", size=theme.LABEL_SIZE, color=theme.MUTED).move_to(
                at(GRAPH_CENTRE[0] + GRAPH_WIDTH / 2, top)
            ),
        )
        counter = CountLabel("edges")
        counter.move_to(at(GRAPH_CENTRE[0], top + 0.5))
        table = AdjacencyMatrix(USERS, MOVIES, font_size=34, highlight=LIT)
        table.move_to(at(*TABLE_CORNER), aligned_edge=LEFT + UP)
        self.view, self.counter, self.table, self.headers = view, counter, table, headers

        def grow(names: tuple[str, ...]) -> LaggedStart:
            return LaggedStart(
                *(
                    AnimationGroup(GrowFromCenter(view.discs[n]), FadeIn(view.names[n]))
                    for n in names
                ),
                lag_ratio=0.25,
            )

        with self.beat(
            "Here the things are the recommender's six users and five movies, one node each. "
            "Beside them, a table with a row per user and a column per movie starts at zero."
        ) as b:
            self.add(view)
            b.say(
                0,
                AnimationGroup(
                    AnimationGroup(FadeIn(headers[0]), FadeIn(counter), grow(USERS)),
                    AnimationGroup(FadeIn(headers[1]), grow(MOVIES)),
                    lag_ratio=0.6,
                ),
            )
            b.say(
                1,
                Create(table.grid.brackets),
                FadeIn(table.row_labels),
                FadeIn(table.column_labels),
                LaggedStart(*(FadeIn(e) for e in table.grid.entries), lag_ratio=0.2),
            )
            self.tidy(view, headers, counter, table)
            self.checkpoint("no_edges_yet", counter.value, expected=0)
            self.checkpoint("table_starts_at_zero", table.entries_printed(), expected=[0] * 30)
        counter.follow(view.edges_shown)

    # --- edges, one by one ----------------------------------------------------------------
    def trace(self, edges: list[tuple[str, str]], seconds: float, *, settle: bool = True) -> None:
        """Trace ``edges`` one after another in ``seconds``, each lighting its cell; the edge
        and cell before each one (and, if ``settle``, the last) return to the resting look."""
        view, table = self.view, self.table
        last = 0.3 if settle else 0.0
        each = (seconds - last) / len(edges)
        for k, (u, v) in enumerate(edges):
            anims = [view.reveal_edge(u, v, color=LIT), table.fill(u, v)]
            if k:
                anims += self.rest(*edges[k - 1])
            self.play(*anims, run_time=each)
        if settle:
            self.play(*self.rest(*edges[-1]), run_time=last)
        self.tidy()

    def rest(self, u: str, v: str) -> list[Animation]:
        cell = self.table.grid.entry(self.table.rows.index(u), self.table.columns.index(v))
        return [
            self.view.light_edges([(u, v)], EDGE_COLOR, width=3.5),
            built(cell.animate.set_color(theme.TEXT)),
        ]

    def first_edges_beat(self) -> None:
        table = self.table
        row = 0
        rule = theme.text("edge:  rated 4 or 5 stars", size=theme.LABEL_SIZE, color=LIT)
        rule.move_to(at(3.4, 3.6))
        stars = [int(s) for s in STARS[row]]
        ana_edges = [(USERS[row], MOVIES[j]) for j in range(len(MOVIES)) if stars[j] >= LIKED]
        with self.beat(
            "A pair, called an edge, joins a user to a movie they liked, with four or five "
            "stars. Ana gave Alien five, Arrival four and Heat five, so three edges leave her, "
            "and each puts a one in her row."
        ) as b:
            b.say(
                0,
                Write(rule),
                AnimationGroup(
                    *(
                        table.grid.change_entry(row, j, s, color=theme.MUTED)
                        for j, s in enumerate(stars)
                    )
                ),
            )
            self.stage.append(rule)
            self.checkpoint(
                "ana_ratings_in_her_row",
                table.grid.entries_printed(rows=[row]),
                expected=STARS[row],
            )
            self.trace(ana_edges, 0.8 * b.sentence(1), settle=False)
            drop = [j for j in range(len(MOVIES)) if stars[j] < LIKED]
            self.play(
                *(table.grid.change_entry(row, j, 0, color=theme.MUTED) for j in drop),
                *self.rest(*ana_edges[-1]),
                run_time=0.2 * b.sentence(1),
            )
            self.checkpoint(
                "ana_degree_drawn", self.view.degree_shown("Ana"), expected=LIKES[row].sum()
            )
            self.checkpoint(
                "ana_row_liked", table.grid.entries_printed(rows=[row]), expected=LIKES[row]
            )
        self.rule = rule

    def other_edges_beat(self) -> None:
        view, table = self.view, self.table
        rest = [e for e in GRAPH.edges if e[0] != USERS[0]]
        with self.beat(
            "The other twelve likes follow, each edge lighting its cell as it is drawn. "
            "Fifteen edges, fifteen ones: the drawing and the table are the same data."
        ) as b:
            self.trace(rest, b.sentence(0))
            b.say(
                1,
                view.flash_edges(LIT),
                Indicate(
                    VGroup(
                        *(
                            table.grid.entry(i, j)
                            for i in range(len(USERS))
                            for j in range(len(MOVIES))
                            if LIKES[i, j]
                        )
                    ),
                    color=LIT,
                ),
            )
            self.checkpoint("edges_drawn", view.edges_shown(), expected=N_LIKES)
            self.checkpoint("table_entries", table.entries_printed(), expected=LIKES.ravel())
            drawn = view.adjacency_shown()[: len(USERS), len(USERS) :]
            self.checkpoint(
                "table_equals_drawing",
                derived(
                    "cells where the typeset table and the drawn edges differ",
                    int(np.count_nonzero(table.matrix_shown() != drawn)),
                    table.matrix_shown(),
                    drawn,
                ),
                expected=0,
            )

    # --- degrees --------------------------------------------------------------------------
    def degree_beats(self) -> None:
        view, table = self.view, self.table
        eve = USERS.index(COUNTED)
        margins = MarginSums(table, color=DEGREE)
        self.margins = margins
        box = table.grid.row_box(eve, LIT)
        with self.beat(
            "A node's degree counts the edges that touch it. Light Eve's edges one at a time, "
            "and count: four. Her row holds the same four ones, so a row sum is a degree."
        ) as b:
            b.say(
                0,
                view.light_nodes([COUNTED], LIT),
                view.count_in([COUNTED], lambda n: view.lit_edges_at_shown(n, LIT)),
            )
            self.tidy()
            with self.invariant(
                "the number in Eve's node equals her lit edges",
                lambda: (view.number_printed(COUNTED), view.lit_edges_at_shown(COUNTED, LIT)),
            ):
                edges = view.edges_at(COUNTED)
                for e in edges:
                    self.play(view.light_edges([e], LIT), run_time=b.sentence(1) / len(edges))
            b.say(
                2,
                AnimationGroup(
                    Create(box),
                    margins.sum_rows(table.row_sums_shown(), rows=[eve]),
                    lag_ratio=0.5,
                ),
            )
            self.tidy(*self.stage, margins, box)
            self.checkpoint(
                "eve_lit_edges", view.lit_edges_at_shown(COUNTED, LIT), expected=LIKES[eve].sum()
            )
            self.checkpoint("eve_number", view.number_printed(COUNTED), expected=LIKES[eve].sum())
            self.checkpoint("eve_row_sum", margins.rows_printed([eve]), expected=[LIKES[eve].sum()])
        with self.beat(
            "Summing every row gives each user's degree: three, three, two, two, four and "
            "one. The column sums are the movies' degrees, and each of these movies has three."
        ) as b:
            others = [i for i in range(len(USERS)) if i != eve]
            b.say(
                0,
                FadeOut(box),
                view.dim_nodes([COUNTED]),
                view.light_edges(view.edges_at(COUNTED), EDGE_COLOR, width=3.5),
                margins.sum_rows(table.row_sums_shown(), rows=others),
                view.count_in(USERS, view.degree_shown),
            )
            self.stage.remove(box)
            self.tidy()
            column_sums = table.matrix_shown().sum(axis=0)
            b.say(1, margins.sum_columns(column_sums), view.count_in(MOVIES, view.degree_shown))
            self.tidy()
            self.checkpoint("row_sums", margins.rows_printed(), expected=LIKES.sum(axis=1))
            self.checkpoint("column_sums", margins.columns_printed(), expected=LIKES.sum(axis=0))
            self.checkpoint(
                "degrees_drawn",
                view.degrees_shown(),
                expected=np.concatenate([LIKES.sum(axis=1), LIKES.sum(axis=0)]),
            )
            self.checkpoint(
                "degrees_in_nodes",
                view.numbers_printed(GRAPH.nodes),
                expected=np.concatenate([LIKES.sum(axis=1), LIKES.sum(axis=0)]),
            )

    def handshake_beat(self) -> None:
        margins, view = self.margins, self.view
        users_total = float(np.sum(margins.rows_printed()))
        with self.beat(
            "Add up the users' degrees: fifteen. The movies' degrees make fifteen too, the "
            "number of edges, since every edge has exactly one end on each side. So all the "
            "degrees together make thirty, twice the edges."
        ) as b:
            b.say(0, margins.total_rows(users_total))
            self.checkpoint("users_degree_total", margins.corner_printed(), expected=N_LIKES)
            b.say(
                1,
                margins.total_columns(),
                LaggedStart(*(view.pulse(u, v, LIT) for u, v in GRAPH.edges), lag_ratio=0.08),
            )
            columns = margins.columns_printed()
            self.checkpoint(
                "movies_degree_total",
                derived("sum of the typeset column sums", float(np.sum(columns)), columns),
                expected=N_LIKES,
                tol=1e-9,
            )
            self.checkpoint("corner_after_columns", margins.corner_printed(), expected=N_LIKES)
            both = [margins.corner_printed()] * 2
            total = SumLine("all degrees", both, color=theme.TEXT)
            total.move_to(self.rule)
            b.say(
                2,
                FadeOut(self.rule),
                total.assemble([margins.corner, margins.corner]),
                Circumscribe(self.counter, color=LIT),
            )
            self.stage.remove(self.rule)
            self.tidy(*self.stage, total)
            self.checkpoint("all_degrees_terms", total.terms_printed(), expected=[N_LIKES] * 2)
            self.checkpoint("all_degrees_total", total.total_printed(), expected=2 * N_LIKES)
            shown = view.degrees_shown()
            self.checkpoint(
                "degree_sum_over_edges",
                derived(
                    "sum of drawn degrees / drawn edges",
                    float(np.sum(shown)) / float(view.edges_shown()),
                    shown,
                    view.edges_shown(),
                ),
                expected=2.0,
                tol=1e-9,
            )

    # --- a path of two edges --------------------------------------------------------------
    def path_beat(self) -> None:
        view = self.view
        (liked,) = GRAPH.neighbours(ASKING)
        friends = co_likers(GRAPH, ASKING)
        picks = suggestions(GRAPH, ASKING)
        onward = [(f, m) for f in friends for m in picks if (f, m) in GRAPH.edges]
        with self.beat(
            "Two edges in a row make a path, from a user through a movie to another user. "
            "Femi liked only Heat, and Heat leads on to Ana and Ben. Their other favourites, "
            "Alien and Arrival, are what a recommender would suggest to Femi."
        ) as b:
            b.say(
                0,
                view.light_nodes([ASKING], LIT),
                view.light_edges([(ASKING, liked)], CO_LIKER),
                view.pulse(ASKING, liked, CO_LIKER),
            )
            b.say(
                1,
                AnimationGroup(
                    AnimationGroup(*(view.pulse(liked, f, CO_LIKER) for f in friends)),
                    AnimationGroup(
                        view.light_edges([(f, liked) for f in friends], CO_LIKER),
                        view.light_nodes(friends, CO_LIKER),
                    ),
                    lag_ratio=0.5,
                ),
            )
            b.say(
                2,
                AnimationGroup(
                    AnimationGroup(*(view.pulse(f, m, SUGGESTED) for f, m in onward)),
                    AnimationGroup(
                        view.light_edges(onward, SUGGESTED), view.light_nodes(picks, SUGGESTED)
                    ),
                    lag_ratio=0.5,
                ),
            )
            # users who share a like with Femi (a walk of two edges), then what they like
            mine = LIKES[USERS.index(ASKING)]
            sharing = (LIKES @ mine > 0) & (np.array(USERS) != ASKING)
            picked = (sharing @ LIKES > 0) & (mine == 0)
            self.checkpoint(
                "co_likers_lit", view.lit_shown(CO_LIKER)[: len(USERS)], expected=sharing * 1
            )
            self.checkpoint(
                "suggestions_lit", view.lit_shown(SUGGESTED)[len(USERS) :], expected=picked * 1
            )

    # --- the full adjacency matrix --------------------------------------------------------
    def full_matrix_beats(self) -> None:
        table = self.table
        full = BlockAdjacency(USERS, MOVIES, font_size=22)
        full.move_to(at(0.0, -0.15))
        k, n = len(USERS), len(USERS) + len(MOVIES)
        expected = block_adjacency(LIKES)
        with self.beat(
            "The whole graph has an adjacency matrix too, a row and a column for each of its "
            "eleven nodes. Our table is its top right block, and the table's transpose fills "
            "the bottom left."
        ) as b:
            self.counter.stop_following()
            self.view.freeze_numbers()
            self.tidy()
            self.play(
                FadeOut(*(m for m in self.stage if m is not table)),
                FadeOut(table.grid.brackets, table.row_labels, table.column_labels),
                run_time=0.8,
            )
            b.say(
                0,
                AnimationGroup(
                    full.slide_in(table),
                    AnimationGroup(
                        Create(full.grid.brackets),
                        FadeIn(full.row_labels),
                        FadeIn(full.column_labels),
                        FadeIn(full.zero_blocks()),
                    ),
                    lag_ratio=0.5,
                ),
            )
            self.play(full.take_block(table), FadeOut(table.grid.entries), run_time=0.3)
            self.tidy(full)
            b.say(1, full.mirror())
            self.checkpoint("full_matrix", full.entries_printed(), expected=expected.ravel())
        with self.beat(
            "Users never link to users, nor movies to movies, so the two diagonal blocks are "
            "all zeros. And each edge appears twice, mirrored across the diagonal: the matrix "
            "is symmetric."
        ) as b:
            boxes = VGroup(
                full.block_box(range(k), range(k), theme.MUTED),
                full.block_box(range(k, n), range(k, n), theme.MUTED),
            )
            b.say(0, LaggedStart(*(Create(x) for x in boxes), lag_ratio=0.5))
            b.say(1, full.pair_flash(GRAPH.edges, LIT))
            self.checkpoint(
                "user_block_zero",
                full.block_printed(range(k), range(k)),
                expected=[0] * (k * k),
            )
            self.checkpoint(
                "movie_block_zero",
                full.block_printed(range(k, n), range(k, n)),
                expected=[0] * ((n - k) ** 2),
            )
            self.checkpoint("asymmetry", full.asymmetry_shown(), expected=0.0, tol=1e-9)


SCENES = [GraphBasics]
