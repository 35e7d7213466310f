"""0.3 Mathematical Thinking: proof by induction as a loop invariant you can count in tiles.

The odd numbers 1, 3, 5, … are laid as L-shaped layers of tiles around a growing square:
after pass n of the loop ``total += 2*n - 1`` the tiles form an n × n square, so the running
sum is n² (the brief's 1 + 3 + … + (2n − 1) = n² for n = 1 … 6). The inductive step is then
drawn in general — an n × n square plus a row of n, a column of n and one corner tile is an
(n + 1) × (n + 1) square — and contrasted with Euler's n² + n + 41, prime for n = 0 … 39
and composite at n = 40: passing cases are not a proof.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import sympy as sp
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    AnimationGroup,
    Circumscribe,
    DecimalNumber,
    FadeIn,
    FadeOut,
    Indicate,
    ManimColor,
    ReplacementTransform,
    Triangle,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Write,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.tiles import Cell, layer_cells, row_major_cells, step_parts
from mathviz.primitives.readout import Readout, live_number_class
from mathviz.primitives.tiles import LAYER_COLORS, SideBrace, TileGrid
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene
from mathviz.theme import at

#: the brief's range: the identity is built for n = 1 … 6
LAST_N = 6
#: the grid: 7 × 7 cells fit on the left of the frame (the 7th layer is the general step)
CELL, ORIGIN = 0.8, (-5.55, -3.0)
#: where the panel's rows start (left edge)
PANEL_X = 0.6
#: the code's lines, as the marker points at them
FOR_LINE, ADD_LINE, ASSERT_LINE = 1, 2, 3
#: Euler's polynomial and the cases tested: n = 0 … 40, ten to a row
EULER_CASES, PER_ROW = 41, 10
SIZE = 36

J, N = sp.symbols("j n", integer=True, positive=True)
#: the closed form of 1 + 3 + … + (2n − 1), summed symbolically (not by the drawing's loop)
CLOSED_FORM = sp.simplify(sp.summation(2 * J - 1, (J, 1, N)))


def parts(tex: VMobject, *indices: int) -> VGroup:
    """Some parts of a formula, as a group to animate together."""
    return VGroup(*(tex.submobjects[i] for i in indices))


def euler(n: int) -> int:
    """Euler's prime-generating polynomial ``n² + n + 41``."""
    return n * n + n + 41


def trial_division_prime(m: int) -> bool:
    """Whether ``m`` is prime, by trial division (what colours the tiles; the checkpoints
    compare against sympy)."""
    return m >= 2 and all(m % d for d in range(2, math.isqrt(m) + 1))


def legend(grid: TileGrid, entries: Sequence[tuple[ManimColor, str]]) -> VGroup:
    """One row per entry: a swatch of the grid's tile in the colour, then what it stands for."""
    rows = VGroup()
    for color, words in entries:
        row = VGroup(grid.swatch(color), theme.text(words, size=theme.LABEL_SIZE + 2))
        row.arrange(RIGHT, buff=0.25)
        rows.add(row)
    rows.arrange(DOWN, aligned_edge=LEFT, buff=0.28)
    return rows


class MathematicalThinking(LectureScene):
    chapter_id = "0.3"
    #: the braces measuring the square's sides (replaced as it grows)
    bottom: SideBrace
    left: SideBrace

    def construct(self) -> None:
        self.open_chapter(
            "Induction is how you prove a loop invariant, and this one you can count in tiles."
        )
        self.grid = TileGrid(cell=CELL, origin=ORIGIN)
        self.claim_beat()
        with contextlib.ExitStack() as invariants:
            self.loop_invariants(invariants)
            self.base_case_beat()
            self.step_beats()
        self.general_step_beats()
        self.play(FadeOut(*self.mobjects), run_time=0.8)
        self.counterexample_beats()
        self.close_chapter(
            "Base case + a step that keeps the invariant = true for every n",
            "A base case, and a step that keeps the invariant: that proves the claim for every n.",
        )

    # --- the claim and the loop ---------------------------------------------------------------
    def claim_beat(self) -> None:
        self.claim = theme.tex(
            r"\text{for every } n \ge 1:\quad 1 + 3 + 5 + \cdots + (2n-1) = n^2", size=44
        ).to_edge(UP, buff=0.4)
        code = theme.code(
            "total = 0",
            "for n in range(1, 7):",
            "    total += 2*n - 1",
            "    assert total == n*n",
        )
        code.move_to(at(PANEL_X + 0.35, 1.75), aligned_edge=LEFT)
        self.declare_shown(code, "the loop's source code: n from 1 to 6, as in the brief")
        marker = Triangle(fill_color=theme.ACCENT, fill_opacity=1, stroke_width=0)
        marker.rotate(-math.pi / 2).scale(0.11)
        self.code, self.marker = code, marker
        marker.move_to(self.marker_place(0))

        self.total = Readout(r"\text{total}", 0, decimals=0, size=SIZE)
        self.n_read = Readout("n", 1, decimals=0, size=SIZE)
        self.square = Readout("n^2", 1, decimals=0, size=SIZE)
        self.total.move_to(at(PANEL_X, -0.05), aligned_edge=LEFT)
        # the typed sum under the total, its "=" under the total's: laid out once in full,
        # then each layer's sign shown and its number counting that layer's tiles
        layout = ["="]
        for k in range(1, LAST_N + 1):
            layout += (["+"] if k > 1 else []) + [str(2 * k - 1)]
        self.sum_layout = theme.tex(*layout, size=SIZE)
        self.sum_layout.next_to(self.total, DOWN, buff=0.35)
        equals_x = self.total.label[0][-1].get_center()[0]
        self.sum_layout.shift((equals_x - self.sum_layout[0].get_center()[0]) * RIGHT)
        self.sum_terms: dict[int, DecimalNumber] = {}
        self.n_read.move_to(at(PANEL_X, -1.65), aligned_edge=LEFT)
        self.square.next_to(self.n_read, RIGHT, buff=1.0)
        self.total.follow(lambda: self.grid.count_shown())
        self.invariant_text = VGroup(
            theme.text("invariant after pass n:", size=theme.LABEL_SIZE + 2, color=theme.MUTED),
            theme.text("the tiles form an n × n square", size=theme.LABEL_SIZE + 2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.18)
        self.invariant_text.move_to(at(PANEL_X, -2.75), aligned_edge=LEFT)

        with self.beat(
            "The claim: the first n odd numbers always add up to n squared. As code, it is "
            "a loop with an assert after every pass, an invariant that must never break."
        ) as b:
            b.say(0, Write(self.claim), self.grid.show_slots(LAST_N, run_time=b.sentence(0)))
            self.play(
                FadeIn(code, lag_ratio=0.3),
                FadeIn(marker),
                FadeIn(self.total),
                run_time=b.sentence(1) * 0.5,
            )
            b.say(1, self.move_marker(ASSERT_LINE, theme.GOOD), FadeIn(self.invariant_text))
            self.checkpoint("total_before_the_loop", self.total.value, expected=0)

    def marker_place(self, line: int) -> np.ndarray:
        row = self.code[line]
        return at(row.get_left()[0] - 0.25, row.get_center()[1])

    def move_marker(self, line: int, color: ManimColor = theme.ACCENT) -> Animation:
        target = self.marker.copy().set_fill(color).move_to(self.marker_place(line))
        return self.marker.animate.become(target).build()

    def typed_sum(self) -> Any:
        """The typed terms of the sum added up (each read as printed)."""
        terms = [printed(t) for t in self.sum_terms.values()]
        if not terms:
            return derived("empty typed sum", 0, self.total.value)
        return derived("sum of the typed terms", sum(float(t) for t in terms), *terms)

    def loop_invariants(self, stack: contextlib.ExitStack) -> None:
        """While the loop runs, the total is the number of tiles on the grid and the typed
        sum adds up to it — at every sampled moment, tiles landing included."""
        stack.enter_context(
            self.invariant(
                "total readout counts the tiles on the grid",
                lambda: (self.total.value, self.grid.count_shown()),
            )
        )
        stack.enter_context(
            self.invariant(
                "typed sum adds up to the total readout",
                lambda: (self.typed_sum(), self.total.value),
            )
        )

    # --- one pass of the loop -----------------------------------------------------------------
    def for_line(self, k: int) -> Animation:
        """The ``for`` line: n becomes k (and n² with it)."""
        anims = [self.move_marker(FOR_LINE)]
        if k == 1:  # the readouts were built showing pass 1
            anims += [FadeIn(self.n_read), FadeIn(self.square)]
        else:
            anims += [self.n_read.step_to(k), self.square.step_to(k * k)]
        return AnimationGroup(*anims)

    def add_line(self, k: int, run_time: float) -> Animation:
        """``total += 2*n - 1``: the k-th layer slides in tile by tile; its term in the typed
        sum counts the layer's tiles on the grid as they land."""
        sign = self.sum_layout[2 * k - 2]
        slot = self.sum_layout[2 * k - 1]
        term = live_number_class()(
            0, num_decimal_places=0, font_size=SIZE, color=LAYER_COLORS[k - 1]
        )
        term.move_to(slot.get_corner(DL), aligned_edge=DL)
        term.add_updater(lambda m: m.set_value(self.grid.layer_count_shown(k)))
        self.sum_terms[k] = term
        slide = self.grid.lay(
            layer_cells(k),
            LAYER_COLORS[k - 1],
            shift=(0.9 * CELL, 0.9 * CELL, 0),
            lag_ratio=0.25,
            run_time=run_time,
        )
        # the term fades in while it keeps counting (a FadeIn would hold its updater)
        term.set_opacity(0)
        show = AnimationGroup(
            FadeIn(sign),
            UpdateFromAlphaFunc(
                term, lambda m, a: m.set_opacity(a), suspend_mobject_updating=False
            ),
            run_time=0.15 * run_time,
            suspend_mobject_updating=False,
        )
        return AnimationGroup(
            self.move_marker(ADD_LINE),
            slide,
            show,
            run_time=run_time,
            suspend_mobject_updating=False,  # the term keeps counting while it all plays
        )

    def braces(self, label: str) -> tuple[SideBrace, SideBrace]:
        bottom = self.grid.side_brace(DOWN, theme.tex(label, size=34, color=theme.MUTED))
        left = self.grid.side_brace(LEFT, theme.tex(label, size=34, color=theme.MUTED))
        return bottom, left

    def assert_line(self, k: int) -> Animation:
        """The assert runs: the marker turns green and braces measure the square."""
        bottom, left = self.braces(str(k))
        anims = [self.move_marker(ASSERT_LINE, theme.GOOD)]
        if k == 1:
            anims += [FadeIn(bottom), FadeIn(left)]
        else:
            anims += [
                ReplacementTransform(self.bottom, bottom),
                ReplacementTransform(self.left, left),
            ]
        self.bottom, self.left = bottom, left
        return AnimationGroup(*anims)

    def check_pass(self, k: int) -> None:
        """Checkpoints after pass k, read from the tiles, the braces and the typed sum."""
        grid = self.grid
        self.sum_terms[k].clear_updaters()  # the layer is complete: its count stays
        self.checkpoint(f"layer_{k}_tiles", grid.layer_count_shown(k), expected=2 * k - 1)
        self.checkpoint(f"layer_{k}_term", printed(self.sum_terms[k]), expected=2 * k - 1)
        side = float(sp.sqrt(sum(range(1, 2 * k, 2))))  # √(running sum), the square's side
        self.checkpoint(f"side_after_{k}", grid.extent_shown(), expected=[side, side], tol=1e-6)
        self.checkpoint(
            f"brace_span_after_{k}", grid.brace_span_shown(self.bottom), expected=side, tol=1e-6
        )
        self.checkpoint(f"brace_label_after_{k}", printed(self.bottom.label), expected=k)
        self.checkpoint(f"side_label_after_{k}", printed(self.left.label), expected=k)
        self.checkpoint(f"total_after_{k}", self.total.value, expected=sum(range(1, 2 * k, 2)))
        self.checkpoint(f"n_after_{k}", self.n_read.value, expected=k)
        self.checkpoint(
            f"n_squared_after_{k}", self.square.value, expected=int(CLOSED_FORM.subs(N, k))
        )

    def one_pass(self, k: int, seconds: float) -> None:
        """One pass of the loop in ``seconds``: for, add (most of the time), assert."""
        self.play(self.for_line(k), run_time=0.2 * seconds)
        self.play(self.add_line(k, run_time=0.55 * seconds))
        self.play(self.assert_line(k), run_time=0.25 * seconds)
        self.check_pass(k)

    def base_case_beat(self) -> None:
        with self.beat(
            "Base case, n equals one: a single tile is a one by one square, and one is one squared."
        ) as b:
            self.one_pass(1, b.sentence(0))

    def step_beats(self) -> None:
        with self.beat(
            "Then the step: an L of three tiles wraps the square, one new row and one new "
            "column sharing a corner. Four tiles now, a two by two square, and the assert "
            "holds."
        ) as b:
            self.play(self.for_line(2), run_time=0.8)
            b.say(0, self.add_line(2, run_time=b.sentence(0)))
            b.say(1, self.assert_line(2))
            self.check_pass(2)
        with self.beat(
            "Five tiles make three by three, nine. Seven more make four by four, sixteen."
        ) as b:
            self.one_pass(3, b.sentence(0))
            self.one_pass(4, b.sentence(1))
        with self.beat(
            "Nine tiles give twenty five, and eleven close a six by six square. Thirty six "
            "tiles, six squared, just as the assert says after every pass."
        ) as b:
            self.one_pass(5, b.sentence(0) * 0.45)
            self.play(self.for_line(6), run_time=b.sentence(0) * 0.15)
            b.say(0, self.add_line(6, run_time=1.0))
            self.play(self.assert_line(6), run_time=b.sentence(1) * 0.4)
            self.check_pass(6)
            b.say(
                1,
                Circumscribe(self.grid.tiles, color=theme.GOOD, buff=0.15, time_width=0.5),
                Indicate(self.total.number, color=theme.GOOD),
                Indicate(self.square.number, color=theme.GOOD),
            )

    # --- the step in general ----------------------------------------------------------------
    def general_step_beats(self) -> None:
        grid = self.grid
        n = LAST_N
        square_cells = [cell for k in range(1, n + 1) for cell in layer_cells(k)]
        step = step_parts(n)
        colors = {
            "square": theme.AREA,
            "row": theme.BASIS_I,
            "column": theme.VECTOR_SUM,
            "corner": theme.ACCENT,
        }
        formula = theme.tex("n^2", "+", "n", "+", "n", "+", "1", "=", "(n+1)^2", size=46)
        formula.move_to(at(PANEL_X + 0.1, 1.6), aligned_edge=LEFT)
        odd = theme.tex("n", "+", "n", "+", "1", "=", "2(n+1) - 1", size=46)
        odd.move_to(at(PANEL_X + 0.1, 0.55), aligned_edge=LEFT)
        for tex, indices in ((formula, (2, 4, 6)), (odd, (0, 2, 4))):
            for i, part in zip(indices, ("row", "column", "corner"), strict=True):
                tex[i].set_color(colors[part])
        key = legend(
            grid,
            [
                (colors["square"], "n × n square: n² tiles"),
                (colors["row"], "new row: n tiles"),
                (colors["column"], "new column: n tiles"),
                (colors["corner"], "corner: 1 tile"),
            ],
        )
        key.move_to(at(PANEL_X + 0.1, -1.55), aligned_edge=LEFT)
        bottom_n, left_n = self.braces("n")
        self.total.stop_following()
        with self.beat(
            "Why must it hold for every n, not just up to six? Forget the colours: this is "
            "any n by n square, holding n squared tiles."
        ) as b:
            b.say(
                0,
                FadeOut(
                    self.code,
                    self.marker,
                    self.total,
                    self.n_read,
                    self.square,
                    self.invariant_text,
                    *self.sum_layout[::2][:LAST_N],
                    *self.sum_terms.values(),
                ),
            )
            b.say(
                1,
                grid.recolor(square_cells, colors["square"]),
                ReplacementTransform(self.bottom, bottom_n),
                ReplacementTransform(self.left, left_n),
                Write(parts(formula, 0)),
                FadeIn(key[0]),
            )
            self.checkpoint(
                "general_square_tiles",
                grid.count_shown(color=colors["square"]),
                expected=int(CLOSED_FORM.subs(N, n)),
            )
        with self.beat(
            "The step adds a row of n, a column of n and one corner: two n plus one tiles, "
            "exactly the next odd number. The result is a square n plus one on a side, so "
            "every pass that holds hands a true invariant to the next."
        ) as b:
            piece = b.sentence(0) / 5

            def arrive(
                cells: Sequence[Cell],
                color: ManimColor,
                shift: tuple[float, float, float],
                terms: VGroup,
                row: VMobject,
            ) -> Animation:
                return AnimationGroup(
                    grid.lay(cells, color, shift=shift, lag_ratio=0.15, run_time=piece),
                    FadeIn(terms, shift=0.2 * RIGHT),
                    FadeIn(row),
                    run_time=piece,
                )

            self.play(grid.show_slots(n + 1, run_time=piece * 0.6))
            self.play(arrive(step.row, colors["row"], (0, 0.4, 0), parts(formula, 1, 2), key[1]))
            self.play(
                arrive(step.column, colors["column"], (1.2, 0, 0), parts(formula, 3, 4), key[2])
            )
            self.play(
                arrive(step.corner, colors["corner"], (1.0, 1.0, 0), parts(formula, 5, 6), key[3])
            )
            b.say(0, Write(odd))
            row_count = grid.count_shown(lambda c: c[0] == n and c[1] < n)
            column_count = grid.count_shown(lambda c: c[1] == n and c[0] < n)
            corner_count = grid.count_shown(lambda c: c == (n, n))
            self.checkpoint("step_row_tiles", row_count, expected=n)
            self.checkpoint("step_column_tiles", column_count, expected=n)
            self.checkpoint("step_corner_tiles", corner_count, expected=1)
            self.checkpoint(
                "step_layer_tiles", grid.layer_count_shown(n + 1), expected=2 * (n + 1) - 1
            )
            bottom_next, left_next = self.braces("n+1")
            b.say(
                1,
                ReplacementTransform(bottom_n, bottom_next),
                ReplacementTransform(left_n, left_next),
                Write(parts(formula, 7, 8)),
            )
            self.checkpoint("step_side", grid.extent_shown(), expected=[float(n + 1)] * 2, tol=1e-6)
            self.checkpoint(
                "step_total_tiles",
                grid.count_shown(),
                expected=int(sp.expand((N + 1) ** 2).subs(N, n)),
            )

    # --- a claim that passes its tests and is still false ------------------------------------
    def counterexample_beats(self) -> None:
        cells = row_major_cells(EULER_CASES, PER_ROW)
        grid = TileGrid(cell=0.78, origin=(-5.9, -2.5))
        title = theme.tex(r"p(n) = n^2 + n + 41", size=48).to_corner(UL, buff=0.5)
        row_labels = VGroup()
        for r in range(0, EULER_CASES, PER_ROW):
            label = theme.tex(str(r), size=SIZE - 4, color=theme.MUTED)
            label.next_to(grid.center_of(cells[r]), LEFT, buff=0.5)
            row_labels.add(label)
        self.declare_shown(row_labels, "the first n of each row of test cases")
        n_read = Readout("n", 0, decimals=0, size=SIZE)
        p_read = Readout("p(n)", euler(0), decimals=0, size=SIZE, commas=False)
        primes = Readout(r"\text{primes}", 0, decimals=0, size=SIZE)
        panel = VGroup(n_read, p_read, primes).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        panel.move_to(at(2.75, 0.75), aligned_edge=LEFT)
        key = legend(grid, [(theme.GOOD, "prime"), (theme.BAD, "not prime")])
        key.move_to(at(2.75, -2.45), aligned_edge=LEFT)

        def last_n() -> int:
            """The case of the last tile laid, read from where the tiles sit."""
            index = {cell: i for i, cell in enumerate(cells)}
            return max((index[c] for c in grid.cells_shown()), default=0)

        n_read.follow(last_n)
        p_read.follow(lambda: euler(last_n()))
        primes.follow(lambda: grid.count_shown(color=theme.GOOD))
        colors = [
            theme.GOOD if trial_division_prime(euler(i)) else theme.BAD for i in range(EULER_CASES)
        ]
        with contextlib.ExitStack() as stack:
            with self.beat(
                "Why insist on the step? Take n squared plus n plus 41: it is prime for "
                "every n from 0 to 39, forty passing tests in a row."
            ) as b:
                b.say(0, Write(title), FadeIn(row_labels), FadeIn(key))
                self.play(
                    grid.lay(cells[:1], colors[:1], shift=(0, 0.5, 0), run_time=0.6),
                    run_time=0.6,
                )
                self.play(FadeIn(panel), run_time=0.5)
                for name, read in (
                    ("n readout is the last tested case", lambda: (n_read.value, last_n())),
                    (
                        "p readout is n squared plus n plus 41",
                        lambda: (
                            p_read.value,
                            int(sp.Integer(int(n_read.value)) ** 2 + int(n_read.value) + 41),
                        ),
                    ),
                    (
                        "primes readout counts the green tiles",
                        lambda: (primes.value, grid.count_shown(color=theme.GOOD)),
                    ),
                ):
                    stack.enter_context(self.invariant(name, read))
                b.say(
                    1,
                    grid.lay(cells[1:-1], colors[1:-1], shift=(0, 0.5, 0), lag_ratio=0.4),
                )
                self.checkpoint(
                    "passing_cases",
                    grid.count_shown(color=theme.GOOD),
                    expected=sum(1 for k in range(EULER_CASES - 1) if sp.isprime(euler(k))),
                )
                self.checkpoint(
                    "last_passing_value",
                    p_read.value,
                    expected=int(sp.Poly(N**2 + N + 41).eval(39)),
                )
            failure = theme.tex("1681", "=", "41", r"\times", "41", size=44, color=theme.BAD)
            failure.next_to(panel, DOWN, buff=0.55, aligned_edge=LEFT)
            with self.beat(
                "At n equals 40 it breaks: 1681 is 41 times 41. Passing cases are evidence; "
                "only the step covers every n."
            ) as b:
                self.play(
                    grid.lay(cells[-1:], colors[-1:], shift=(0, 0.8, 0), run_time=1.2),
                    run_time=1.2,
                )
                b.say(0, Write(failure))
                b.say(
                    1,
                    Circumscribe(grid.tiles[-1], color=theme.BAD, time_width=0.5),
                    Circumscribe(failure, color=theme.BAD),
                )
                self.checkpoint(
                    "failing_case_n",
                    n_read.value,
                    expected=next(k for k in range(100) if not sp.isprime(euler(k))),
                )
                self.checkpoint("failing_value", p_read.value, expected=int(sp.Integer(41) ** 2))
                self.checkpoint("failing_value_typed", printed(failure[0]), expected=euler(40))
                factors = sp.factorint(euler(40))
                self.checkpoint(
                    "failing_factors_typed",
                    [printed(failure[2]), printed(failure[4])],
                    expected=[float(p) for p, e in factors.items() for _ in range(e)],
                )
                self.checkpoint("failing_tiles", grid.count_shown(color=theme.BAD), expected=1)
                self.checkpoint(
                    "passing_cases_after_failure",
                    primes.value,
                    expected=sum(1 for k in range(EULER_CASES) if sp.isprime(euler(k))),
                )
        for readout in (n_read, p_read, primes):  # they keep what they show while fading out
            readout.stop_following()


SCENES = [MathematicalThinking]
