"""0.2 Sets & Logic: two sets of user ids as a Venn diagram, counted; then p → q as S ⊆ D.

Twelve users of the recommender fly into a Venn diagram: S rated a sci-fi film, D a drama
(the model's A and B; the voice reads a lone "A" as the article, so the sets are named for
what they hold). Each set expression (S, D, S & D, S | D, S - D) lights its region while its
dots light one by one and a counter ticks with them. Inclusion–exclusion is counted with
rings: S's seven, then D's five, the three in the overlap ringed twice (twelve), one ring each
taken away again (nine). Then the implication "rated sci-fi → rated a drama": its truth table
is written row by row, each row lighting its region of the diagram; the one false row is the
crescent S − D. Finally D grows to take those four users in: the false row empties and S sits
inside D.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Circumscribe,
    FadeIn,
    FadeOut,
    ManimColor,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.sets import (
    A_ONLY,
    B_ONLY,
    BOTH,
    NEITHER,
    OPERATIONS,
    REGIONS,
    Box,
    Disc,
    Region,
    SetPair,
    VennLayout,
    implies,
    truth_table,
)
from mathviz.primitives.readout import Readout
from mathviz.primitives.truth_table import TruthTable
from mathviz.primitives.venn import FALSE_COLOR, SET_COLORS, TRUE_COLOR, VennDiagram
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene
from mathviz.theme import at

#: the recommender's twelve users by id, those who rated a sci-fi film, and a drama
USERS = frozenset(range(1, 13))
SCI_FI = frozenset({1, 3, 4, 6, 7, 9, 12})
DRAMA = frozenset({2, 4, 6, 9, 10})

#: the drawing: the universe box, then two circles of radius 2.3 whose centres are 2.3 apart
BOX = Box(-6.85, -3.7, 1.05, 3.7)
MIDDLE, HEIGHT, RADIUS, GAP = -2.9, -0.35, 2.3, 2.3
LAYOUT = VennLayout(
    Disc((MIDDLE - GAP / 2, HEIGHT), RADIUS), Disc((MIDDLE + GAP / 2, HEIGHT), RADIUS), BOX
)
#: D once it has taken in S's four users: moved 0.7 towards S and grown to hold S with room
SHIFT, ROOM = 0.7, 0.15
GROWN_B = Disc((MIDDLE - GAP / 2 + SHIFT, HEIGHT), RADIUS + SHIFT + ROOM)

#: the right-hand column where counters and the truth table live
PANEL_LEFT = 1.55
COUNTER_SIZE = 42
#: the model's set expressions as this lecture names them
SHOWN_AS = {"A": "S", "B": "D", "A & B": "S & D", "A | B": "S | D", "A - B": "S - D"}


def implication_holds_in(region: Region) -> bool:
    """Whether "in S → in D" is true for a user drawn in ``region``."""
    return implies(*region)


def _region_of(user: int, a: frozenset[int], b: frozenset[int]) -> tuple[bool, bool]:
    """Membership from the Python sets themselves (not the model's region lists)."""
    return (user in a, user in b)


class SetsAndLogic(LectureScene):
    chapter_id = "0.2"

    def construct(self) -> None:
        self.open_chapter("Who watched sci-fi, who watched drama, and who watched both?")
        pair = SetPair.of(SCI_FI, DRAMA, USERS)
        grown = pair.with_b(DRAMA | SCI_FI)
        self.venn = VennDiagram(
            pair,
            LAYOUT,
            later=[(grown, VennLayout(LAYOUT.a, GROWN_B, BOX))],
            names=("S", "D"),
            captions=("rated sci-fi", "rated a drama"),
        )
        self.diagram_beat()
        self.counting_beats()
        self.inclusion_exclusion_beats()
        self.truth_table_beats()
        self.subset_beats()
        self.close_chapter(
            "Count the overlap once.  p → q for everyone  ⇔  S ⊆ D.",
            "Filters, queries and access rules are sets and implications. "
            "Next, how to prove a rule holds for every case.",
        )

    # --- the diagram ---------------------------------------------------------------------
    def diagram_beat(self) -> None:
        venn = self.venn
        with self.beat(
            "Here are twelve users of our movie recommender, by id. Set S holds the "
            "users who rated a sci-fi film, set D those who rated a drama, and every "
            "dot flies into the region that matches its ratings."
        ) as beat:
            row_y = BOX.top - 1.5
            beat.say(
                0,
                venn.draw_universe(at(BOX.left + 0.55, row_y), at(BOX.right - 0.55, row_y)),
            )
            code = theme.code(
                "S = {" + ", ".join(map(str, sorted(SCI_FI))) + "}",
                "D = {" + ", ".join(map(str, sorted(DRAMA))) + "}",
                size=24,
            )
            for line, color in zip(code, SET_COLORS, strict=True):
                line.set_color(color)
            code.move_to(at(PANEL_LEFT, BOX.top - 0.4), aligned_edge=UP + LEFT)
            self.declare_shown(code, "the two sets of user ids, as given")
            self.code = code
            beat.say(1, venn.draw_sets(), FadeIn(code, shift=0.2 * LEFT))
            # which ids the picture puts inside each circle, read from the dots' labels
            self.checkpoint("ids_in_S", venn.ids_shown(OPERATIONS["A"]), expected=sorted(SCI_FI))
            self.checkpoint("ids_in_D", venn.ids_shown(OPERATIONS["B"]), expected=sorted(DRAMA))
            expected = {
                region: sum(1 for u in USERS if _region_of(u, SCI_FI, DRAMA) == region)
                for region in REGIONS
            }
            for name, region in (
                ("both", BOTH),
                ("s_only", A_ONLY),
                ("d_only", B_ONLY),
                ("neither", NEITHER),
            ):
                self.checkpoint(
                    f"dots_in_{name}", venn.count_shown([region]), expected=expected[region]
                )
            self.checkpoint("dots_in_universe", venn.dots_shown(), expected=len(USERS))

    # --- counting ------------------------------------------------------------------------
    def counter_row(
        self, label: str, code: str, color: ManimColor = theme.TEXT
    ) -> tuple[Readout, VGroup]:
        readout = Readout(label, 0, decimals=0, color=color, size=COUNTER_SIZE)
        python = theme.code(code, size=24, color=theme.MUTED)
        row = VGroup(readout, python)
        return readout, row

    def counting_beats(self) -> None:
        venn = self.venn
        # the model's expressions (in A and B), shown with the sets' names S and D
        specs = [
            ("A", r"|S|", "len(S)", SET_COLORS[0]),
            ("B", r"|D|", "len(D)", SET_COLORS[1]),
            ("A & B", r"|S \cap D|", "len(S & D)", theme.TEXT),
            ("A | B", r"|S \cup D|", "len(S | D)", theme.TEXT),
            ("A - B", r"|S - D|", "len(S - D)", theme.TEXT),
        ]
        self.counters: dict[str, Readout] = {}
        rows: dict[str, VGroup] = {}
        top = BOX.top - 0.35
        for i, (op, label, code, color) in enumerate(specs):
            readout, row = self.counter_row(label, code, color)
            readout.move_to(at(PANEL_LEFT, top - 0.95 * i), aligned_edge=LEFT)
            row[1].move_to(at(PANEL_LEFT + 3.0, readout.get_center()[1]), aligned_edge=LEFT)
            self.counters[op], rows[op] = readout, row
        self.counter_rows = rows

        python_sets = {
            "A": SCI_FI,
            "B": DRAMA,
            "A & B": SCI_FI & DRAMA,
            "A | B": SCI_FI | DRAMA,
            "A - B": SCI_FI - DRAMA,
        }

        def count(op: str, run_time: float) -> None:
            """Bring in ``op``'s counter, then light its dots one by one as it ticks."""
            counter = self.counters[op]
            self.play(FadeIn(rows[op], shift=0.2 * LEFT), venn.unlight(), run_time=0.5)
            name = SHOWN_AS[op]
            with self.invariant(
                f"{name} counter equals the lit dots", lambda: (counter.value, venn.lit_shown())
            ):
                self.play(venn.light(OPERATIONS[op], counter=counter.number, run_time=run_time))
            self.checkpoint(
                f"size_{name.replace(' ', '')}", counter.value, expected=len(python_sets[op])
            )

        with self.beat(
            "The size of a set is how many elements it has, written between bars. "
            "Count S dot by dot: seven users. D, the drama fans, has five."
        ) as beat:
            # the sets' source moves down to make room for the counters
            self.play(
                self.code.animate.move_to(
                    at(PANEL_LEFT, BOX.bottom + 0.2), aligned_edge=DOWN + LEFT
                ),
                run_time=0.8,
            )
            count("A", beat.sentence(0) + beat.sentence(1) - 1.2)
            count("B", max(beat.sentence(2) - 0.5, 2.2))
        with self.beat(
            "The intersection keeps the users inside both circles; Python writes it "
            "S ampersand D. Three users rated both kinds of film."
        ) as beat:
            count("A & B", beat.sentence(0) + beat.sentence(1) - 0.8)
        with self.beat(
            "The union takes everyone inside either circle, S pipe D in Python: nine "
            "users rated at least one of the two."
        ) as beat:
            count("A | B", beat.sentence(0) - 0.6)
        with self.beat(
            "The difference, S minus D, keeps the sci-fi fans outside D. These four "
            "have never rated a drama, so they are the ones to recommend one to."
        ) as beat:
            count("A - B", beat.sentence(0) - 0.4)
            # the four candidates light once more while the recommendation is spoken
            beat.say(1, venn.light(OPERATIONS["A - B"], reset=False))

    # --- inclusion–exclusion -------------------------------------------------------------
    def inclusion_exclusion_beats(self) -> None:
        venn = self.venn
        counted = Readout(r"\text{rings}", 0, decimals=0, size=COUNTER_SIZE, color=theme.ACCENT)
        counted.move_to(at(PANEL_LEFT, -1.35), aligned_edge=LEFT)
        ring_total = lambda: (counted.value, venn.rings_shown())  # noqa: E731
        with self.invariant("rings counter equals the rings drawn", ring_total):
            with self.beat(
                "Why is the union nine, and not seven plus five? Ring each user as we "
                "count S, then D: the three in the middle get counted twice, twelve in all."
            ) as beat:
                beat.say(0, venn.unlight(), FadeOut(self.code), FadeIn(counted, shift=0.2 * LEFT))
                length = beat.sentence(1)
                self.play(venn.tally("a", counted.number, run_time=0.55 * length))
                self.play(venn.tally("b", counted.number, run_time=0.45 * length))
                self.checkpoint(
                    "rings_after_counting_S_then_D",
                    venn.rings_shown(),
                    expected=len(SCI_FI) + len(DRAMA),
                )
                self.checkpoint(
                    "dots_ringed_twice", venn.ringed_shown(2), expected=len(SCI_FI & DRAMA)
                )
                self.checkpoint(
                    "rings_readout_twelve", counted.value, expected=len(SCI_FI) + len(DRAMA)
                )

            sizes = {op: self.counters[op] for op in ("A", "B", "A & B", "A | B")}
            formula = theme.tex(
                r"|S \cup D|", "=", r"|S|", "+", r"|D|", "-", r"|S \cap D|", size=COUNTER_SIZE - 4
            )
            numbers = theme.tex(
                "=",
                str(len(SCI_FI)),
                "+",
                str(len(DRAMA)),
                "-",
                str(len(SCI_FI & DRAMA)),
                "=",
                str(len(SCI_FI | DRAMA)),
                size=COUNTER_SIZE - 4,
            )
            formula.move_to(at(PANEL_LEFT, -2.3), aligned_edge=LEFT)
            numbers.next_to(formula[1], DOWN, buff=0.45, aligned_edge=LEFT)
            with self.beat(
                "Take the overlap away once and the count comes out right. Seven plus "
                "five minus three is nine, the size of the union."
            ) as beat:
                beat.say(
                    0,
                    venn.tally("b", counted.number, remove=SCI_FI & DRAMA),
                    Write(formula),
                )
                beat.say(1, Write(numbers))
                self.checkpoint("rings_readout_nine", counted.value, expected=len(SCI_FI | DRAMA))
        shown = {
            "A": printed(numbers[1]),
            "B": printed(numbers[3]),
            "A & B": printed(numbers[5]),
            "A | B": printed(numbers[7]),
        }
        for op, reading in shown.items():
            self.checkpoint(
                f"equation_{SHOWN_AS[op].replace(' ', '')}", reading, expected=sizes[op].value
            )
        self.checkpoint(
            "inclusion_exclusion",
            derived(
                "|S| + |D| − |S ∩ D| from the counters as typeset",
                sizes["A"].value + sizes["B"].value - sizes["A & B"].value,
                sizes["A"].value,
                sizes["B"].value,
                sizes["A & B"].value,
            ),
            expected=len(SCI_FI | DRAMA),
        )
        self.ie_parts = VGroup(counted, formula, numbers)

    # --- logic ---------------------------------------------------------------------------
    def truth_table_beats(self) -> None:
        venn = self.venn
        table = TruthTable(
            truth_table(implies),
            ["p", "q", r"p \rightarrow q"],
            count_header="users",
            size=38,
            column_width=1.2,
            row_height=0.78,
        )
        p_line = VGroup(
            theme.tex("p", size=COUNTER_SIZE, color=SET_COLORS[0]),
            theme.text("user rated sci-fi (in S)", size=theme.LABEL_SIZE, color=SET_COLORS[0]),
        ).arrange(RIGHT, buff=0.25)
        q_line = VGroup(
            theme.tex("q", size=COUNTER_SIZE, color=SET_COLORS[1]),
            theme.text("user rated a drama (in D)", size=theme.LABEL_SIZE, color=SET_COLORS[1]),
        ).arrange(RIGHT, buff=0.25)
        legend = VGroup(p_line, q_line).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        legend.move_to(at(PANEL_LEFT, BOX.top - 0.6), aligned_edge=UP + LEFT)
        table.next_to(legend, DOWN, buff=0.55).align_to(legend, LEFT)
        self.table = table
        with self.beat(
            "Logic draws the same picture. Let p say that a user rated sci-fi, and q "
            "that they rated a drama."
        ) as beat:
            old = VGroup(*self.counter_rows.values(), self.ie_parts)
            beat.say(0, FadeOut(old, shift=0.3 * RIGHT), venn.unlight(), venn.clear_rings())
            beat.say(1, FadeIn(legend, shift=0.2 * DOWN), table.create())

        rows = truth_table(implies)
        with self.beat(
            "The implication, if p then q, gets one row of its truth table per region "
            "of the diagram. It is true in every row but one."
        ) as beat:
            with contextlib.ExitStack() as stack:
                for i, (region, row) in enumerate(zip(REGIONS, rows, strict=True)):
                    color = TRUE_COLOR if row[2] else FALSE_COLOR
                    stack.enter_context(
                        self.invariant(
                            f"row {i} count equals its lit dots",
                            self.row_lit(table, i, color, region),
                        )
                    )
                total = beat.sentence(0) + beat.sentence(1)
                for i, (region, row) in enumerate(zip(REGIONS, rows, strict=True)):
                    color = TRUE_COLOR if row[2] else FALSE_COLOR
                    self.play(
                        table.fill_row(i, run_time=0.6),
                        venn.light([region], color=color, counter=table.counts[i], reset=False),
                        run_time=total / 4,
                    )
        expected_rows = [
            [p, q, (not p) or q]
            for p, q in ((True, True), (True, False), (False, True), (False, False))
        ]
        self.checkpoint("truth_table_cells", table.rows_shown(), expected=expected_rows)
        for i, region in enumerate(REGIONS):
            users = sum(1 for u in USERS if _region_of(u, SCI_FI, DRAMA) == region)
            self.checkpoint(f"row_{i}_users", table.count_shown(i), expected=users)

        with self.beat(
            "The false row is p true and q false: the crescent S minus D. Those four "
            "users rated sci-fi but no drama, so for them the implication fails."
        ) as beat:
            beat.say(0, table.highlight(1))
            beat.say(1, venn.light([A_ONLY], color=FALSE_COLOR, reset=False))
            self.checkpoint(
                "counterexamples_drawn",
                venn.lit_shown(FALSE_COLOR),
                expected=sum(1 for u in USERS if u in SCI_FI and u not in DRAMA),
            )

    # --- what each invariant compares ------------------------------------------------------
    def dots_in(self, region: Region) -> Callable[[], int]:
        """How many dots are drawn in ``region``, read when called."""
        return lambda: self.venn.count_shown([region])

    def row_lit(
        self, table: TruthTable, i: int, color: ManimColor, region: Region
    ) -> Callable[[], tuple[Any, Any]]:
        """Row ``i``'s typeset count against the dots lit in its verdict's colour there."""
        return lambda: (table.count_shown(i), self.venn.lit_shown(color, [region]))

    def row_follows(
        self, table: TruthTable, i: int, region: Region
    ) -> Callable[[], tuple[Any, Any]]:
        """Row ``i``'s typeset count against the dots drawn in its region."""
        return lambda: (table.count_shown(i), self.venn.count_shown([region]))

    def subset_beats(self) -> None:
        venn, table = self.venn, self.table
        grown_drama = DRAMA | SCI_FI
        for i, region in enumerate(REGIONS):
            table.follow_count(i, self.dots_in(region))
        with contextlib.ExitStack() as stack:
            for i, region in enumerate(REGIONS):
                stack.enter_context(
                    self.invariant(
                        f"row {i} count follows the dots in its region",
                        self.row_follows(table, i, region),
                    )
                )
            stack.enter_context(
                self.invariant(
                    "red dots are the dots drawn in S minus D",
                    lambda: (venn.lit_shown(FALSE_COLOR), venn.count_shown([A_ONLY])),
                )
            )
            with self.beat(
                "Now suppose those four go on to rate a drama. D grows to take them "
                "in, the false row empties, and the implication holds for all twelve users."
            ) as beat:
                beat.say(
                    0,
                    Circumscribe(table.highlights[1], color=FALSE_COLOR),
                    venn.light([A_ONLY], color=FALSE_COLOR, reset=False),
                )
                beat.say(1, venn.move_circle("b", GROWN_B, verdict=implication_holds_in))
        table.stop_following()
        for i, region in enumerate(REGIONS):
            users = sum(1 for u in USERS if _region_of(u, SCI_FI, grown_drama) == region)
            self.checkpoint(f"row_{i}_users_after_growth", table.count_shown(i), expected=users)
        self.checkpoint(
            "crescent_area_after_growth", venn.area_shown(A_ONLY), expected=0.0, tol=1e-9
        )
        self.checkpoint(
            "false_dots_after_growth",
            venn.lit_shown(FALSE_COLOR),
            expected=sum(1 for u in USERS if not implies(u in SCI_FI, u in grown_drama)),
        )
        a, b = venn.disc_shown("a"), venn.disc_shown("b")
        self.checkpoint(
            "circle_S_inside_circle_D",
            derived(
                "1 if D's radius exceeds the distance of the centres plus S's radius",
                float(b[2] > ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 + a[2]),
                a,
                b,
            ),
            expected=float(grown_drama >= SCI_FI),
        )

        formula = VGroup(
            theme.tex(r"\forall u:\ \ p(u) \rightarrow q(u)", size=COUNTER_SIZE - 4),
            theme.tex(r"\iff \ S \subseteq D", size=COUNTER_SIZE - 4),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        formula[1].shift(0.5 * RIGHT)
        formula.next_to(table, DOWN, buff=0.5).align_to(table, LEFT)
        with self.beat(
            "So an implication that holds for every user says exactly this about the "
            "sets: S is a subset of D."
        ) as beat:
            beat.say(
                0,
                AnimationGroup(
                    Write(formula),
                    Circumscribe(venn.circles["a"], color=SET_COLORS[0], run_time=1.5),
                    lag_ratio=0.5,
                ),
            )


SCENES = [SetsAndLogic]
