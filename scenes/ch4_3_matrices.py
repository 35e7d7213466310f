"""4.3 Matrices: a product computed entry by entry, as a batch goes through a dense layer.

A batch of three servers (rows: samples; columns: CPU, memory, disk I/O) times a 3×2 weight
matrix plus a bias row is exactly ``X @ W + b``. Each of the six outputs is assembled on
screen from one row of X and one column of W, and flies into its cell; all six are read back
from the result matrix and checked against exact rational arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Animation,
    AnimationGroup,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    Succession,
    SurroundingRectangle,
    Transform,
    TransformFromCopy,
    VGroup,
    VMobject,
)

from mathviz import theme
from mathviz.primitives.matrices import MatrixGrid, MatrixProductHighlighter
from mathviz.primitives.motion import built
from mathviz.scene import LectureScene

#: the batch: one row per server, columns cpu %, memory %, disk I/O (MB/s)
X = ((45, 62, 120), (92, 88, 450), (38, 55, 95))
#: the layer: one row per input feature, one column per neuron
W = ((0.2, -0.1), (0.5, 0.3), (0.1, 0.4))
B = (0.1, -0.2)

SERVERS = ("server 1", "server 2", "server 3")
FEATURES = ("CPU", "MEM", "DISK")
ENTRY_SIZE = 38
WORK_SIZE = 42
LABEL_SIZE = 26
#: height of the equation's centre, and the drop from its bottom to the work line
EQUATION_Y = 0.5
WORK_GAP = 1.5
#: the two entries computed slowly, then the rest quickly
SLOW = ((0, 0), (0, 1))
QUICK = ((1, 0), (1, 1), (2, 0), (2, 1))


# --- independent route to the expected values ---------------------------------------------------
def rational(x: float) -> sp.Rational:
    """A typed decimal as an exact sympy rational (``0.2`` → 1/5)."""
    return sp.Rational(str(x))


def expected_output() -> sp.Matrix:
    """``X W + 1 bᵀ`` in sympy's exact arithmetic (the bias row repeated for every sample)."""
    x = sp.Matrix([[rational(v) for v in row] for row in X])
    w = sp.Matrix([[rational(v) for v in row] for row in W])
    bias_rows = sp.ones(len(X), 1) * sp.Matrix([[rational(v) for v in B]])
    return x * w + bias_rows


def exact_flat(rows: Iterable[Iterable[float]]) -> list[float]:
    """The typed data row by row, each number through its exact rational (``0.2`` → 1/5)."""
    return [float(rational(v)) for row in rows for v in row]


class Matrices(LectureScene):
    chapter_id = "4.3"

    def construct(self) -> None:
        self.open_chapter("Every dense layer in a neural network is a matrix product plus a bias.")
        self.truth = expected_output()
        self.product = MatrixProductHighlighter(
            X,
            W,
            B,
            decimals=(0, 1, 1, 1),
            names=("X", "W", "b", "Y"),
            font_size=ENTRY_SIZE,
            work_size=WORK_SIZE,
            work_gap=WORK_GAP,
            column_gaps=(0.65, 0.5, 0.5, 0.5),
        )
        equation = self.product.equation
        # the matrices across the upper two thirds, centred with the server labels on the left
        label_width = max(theme.text(name, size=LABEL_SIZE).width for name in SERVERS) + 0.3
        self.product.shift(
            RIGHT * (label_width / 2 - equation.get_x()) + UP * (EQUATION_Y - equation.get_y())
        )
        self.data_beat()
        self.layer_beat()
        self.shapes_beat()
        self.slow_entry_beats()
        self.quick_entries_beat()
        self.numpy_beat()
        self.order_beat()
        self.close_chapter(
            "Each entry of a product is one row dotted with one column.",
            "Next, the same matrices stop being tables and become functions that move "
            "the whole plane.",
        )

    # ------------------------------------------------------------------------------------
    def sweep(
        self, boxes: list[SurroundingRectangle], reveal: list[list[Any]] | None = None
    ) -> Animation:
        """One box travelling from the first place to the last, with ``reveal[k]`` appearing
        as it reaches place ``k``."""
        box = boxes[0].copy()
        steps: list[Animation] = [Create(box)]
        for k, target in enumerate(boxes):
            moves: list[Animation] = [] if k == 0 else [Transform(box, target.copy())]
            if reveal is not None:
                moves += [FadeIn(m) for m in reveal[k]]
            if moves:
                steps.append(AnimationGroup(*moves))
        steps.append(FadeOut(box))
        return Succession(*steps)

    def data_beat(self) -> None:
        p = self.product
        x_grid = p.a_grid
        rows = VGroup(
            *(
                theme.text(name, size=LABEL_SIZE, color=theme.MUTED)
                .next_to(x_grid, LEFT, buff=0.3)
                .set_y(x_grid.slot(i, 0)[1])
                for i, name in enumerate(SERVERS)
            )
        )
        columns = VGroup(
            *(
                theme.text(name, size=LABEL_SIZE, color=theme.MUTED)
                .move_to(x_grid.slot(0, j))
                .next_to(x_grid, UP, buff=0.2, coor_mask=UP)
                for j, name in enumerate(FEATURES)
            )
        )
        p.names[0].next_to(columns, UP, buff=0.2)
        self.feature_labels = VGroup(rows, columns)
        call = theme.code("model.predict(X)    # X.shape == (3, 3)", size=26)
        call.to_edge(DOWN, buff=0.6)
        with self.beat(
            "Let's compute one by hand, on a small batch of server metrics. Each row of X "
            "is one server, a sample; each column is one feature: CPU, memory and disk "
            "I/O. It's the array you would hand to a model's predict call."
        ) as beat:
            beat.say(
                0,
                AnimationGroup(
                    FadeIn(p.names[0]),
                    AnimationGroup(
                        *(FadeIn(x_grid.brackets), *(FadeIn(r) for r in x_grid.entries)),
                        lag_ratio=0.35,
                    ),
                    lag_ratio=0.2,
                ),
            )
            row_boxes = [x_grid.row_box(i, theme.ROW) for i in range(3)]
            col_boxes = [x_grid.column_box(j, theme.COLUMN) for j in range(3)]
            beat.say(
                1,
                Succession(
                    self.sweep(row_boxes, [[r] for r in rows]),
                    self.sweep(col_boxes, [[c] for c in columns]),
                ),
            )
            self.checkpoint("X_entries", x_grid.entries_printed(), expected=exact_flat(X))
            beat.say(2, FadeIn(call, shift=0.3 * UP), Indicate(x_grid.entries, scale_factor=1.06))
        self.play(FadeOut(call), run_time=0.4)

    def layer_beat(self) -> None:
        p = self.product
        neurons = VGroup()
        for grid in (p.b_grid, p.c_grid):
            for j in range(2):
                label = theme.tex(f"n_{j + 1}", size=LABEL_SIZE + 8, color=theme.MUTED)
                label.move_to(grid.slot(0, j)).next_to(grid, UP, buff=0.2, coor_mask=UP)
                neurons.add(label)
        top = self.feature_labels[1].get_y()
        for tag in neurons:
            tag.set_y(top)
        for name in p.names[1:]:
            name.set_y(p.names[0].get_y())
        self.neuron_labels = neurons
        assert p.plus_sign is not None
        assert p.bias_grid is not None
        w_rows = [p.b_grid.row_box(i, theme.ROW) for i in range(3)]
        w_cols = [p.b_grid.column_box(j, theme.COLUMN) for j in range(2)]
        with self.beat(
            "A dense layer with two neurons keeps its weights in W: one row per "
            "input feature, one column per neuron. The bias b holds one number "
            "per neuron. Y, still empty, will hold the outputs."
        ) as beat:
            beat.say(
                0,
                Succession(
                    AnimationGroup(FadeIn(p.b_grid), FadeIn(p.names[1]), run_time=1.0),
                    self.sweep(w_rows),
                    self.sweep(w_cols, [[n] for n in neurons[:2]]),
                ),
            )
            self.checkpoint("W_entries", p.b_grid.entries_printed(), expected=exact_flat(W))
            beat.say(
                1,
                Succession(
                    AnimationGroup(FadeIn(p.plus_sign), FadeIn(p.names[2])),
                    FadeIn(p.bias_grid, shift=0.3 * DOWN),
                ),
            )
            self.checkpoint("b_entries", p.bias_grid.entries_printed(), expected=exact_flat([B]))
            beat.say(
                2,
                AnimationGroup(
                    FadeIn(p.equals_sign),
                    FadeIn(p.names[3]),
                    FadeIn(p.c_grid),
                    FadeIn(neurons[2:], lag_ratio=0.5),
                    lag_ratio=0.3,
                ),
            )

    def shapes_beat(self) -> None:
        p = self.product
        shapes = p.shape_labels(size=30)
        (m, n), (n2, k), (rows, cols) = p.a_grid.shape, p.b_grid.shape, p.c_grid.shape
        rule = theme.tex(
            "(",
            f"{m}",
            r"\times",
            f"{n}",
            ")(",
            f"{n2}",
            r"\times",
            f"{k}",
            ")",
            r"\;\to\;",
            "(",
            f"{rows}",
            r"\times",
            f"{cols}",
            ")",
            size=40,
        )
        rule.to_edge(DOWN, buff=0.6)
        note = theme.text("inner sizes match", size=LABEL_SIZE, color=theme.ACCENT)
        note.next_to(rule, RIGHT, buff=0.5)
        self.shapes = shapes
        with self.beat(
            "Check the shapes first, like types: three by three times three by "
            "two. The inner sizes must agree, and the outer ones give the output: "
            "three servers by two neurons."
        ) as beat:
            beat.say(
                0,
                AnimationGroup(
                    FadeIn(shapes, lag_ratio=0.3),
                    AnimationGroup(
                        TransformFromCopy(shapes[0], VGroup(*rule[:4])),
                        TransformFromCopy(shapes[1], VGroup(*rule[4:9])),
                        lag_ratio=0.5,
                    ),
                    lag_ratio=0.4,
                ),
            )
            beat.say(
                1,
                Succession(
                    AnimationGroup(
                        built(rule[3].animate.set_color(theme.ACCENT)),
                        built(rule[5].animate.set_color(theme.ACCENT)),
                        FadeIn(note, shift=0.2 * LEFT),
                    ),
                    AnimationGroup(
                        FadeIn(rule[9]),
                        FadeIn(rule[10]),
                        FadeIn(rule[12]),
                        FadeIn(rule[14]),
                        TransformFromCopy(rule[1], rule[11]),
                        TransformFromCopy(rule[7], rule[13]),
                    ),
                ),
            )
            self.checkpoint(
                "Y_shape", list(p.result_shape_shown()), expected=list(self.truth.shape), tol=0
            )
        self.play(FadeOut(rule), FadeOut(note), run_time=0.5)

    def slow_entry_beats(self) -> None:
        p = self.product
        (i, j), (i2, j2) = SLOW
        with self.beat(
            "Entry row one, column one: walk along server one's row and down "
            "neuron one's column, multiply pairs, add them, then add the bias. "
            "Forty-five times 0.2, plus sixty-two times 0.5, plus 120 times 0.1, "
            "plus 0.1: 52.1."
        ) as beat:
            total = beat.sentence(0) + beat.sentence(1)
            self.play(p.assemble(i, j, run_time=total - 1.6), self.focus(i, j, 1.5))
            self.checkpoint("sum_Y_1_1", p.sum_shown(), expected=float(self.truth[i, j]))
            self.play(p.write(i, j, run_time=1.6))
            self.check_entry(i, j)
        with self.beat(
            "Same server, second neuron: same row, next column. Different weights "
            "turn the same three inputs into 61.9."
        ) as beat:
            total = beat.sentence(0) + beat.sentence(1)
            self.play(p.assemble(i2, j2, run_time=total - 1.4), self.focus(i2, j2, 1.2))
            self.checkpoint("sum_Y_1_2", p.sum_shown(), expected=float(self.truth[i2, j2]))
            self.play(p.write(i2, j2, run_time=1.4))
            self.check_entry(i2, j2)

    def quick_entries_beat(self) -> None:
        p = self.product
        with self.beat(
            "The other four entries work the same way: one row of X dotted with "
            "one column of W, plus that column's bias. Six dot products fill the "
            "three by two output."
        ) as beat:
            total = sum(beat.sentence(k) for k in range(2))
            for i, j in QUICK:
                run = max(3.0, total / len(QUICK))
                self.play(p.assemble(i, j, run_time=0.72 * run), self.focus(i, j, 0.25 * run))
                self.play(p.write(i, j, run_time=0.28 * run))
                self.check_entry(i, j)

    def focus(self, i: int, j: int, run_time: float) -> Animation:
        """Grey out every entry of X and W that entry ``(i, j)`` does not use, so the copies
        flying down to the work line pass over quiet numbers (``write`` restores them)."""
        p = self.product
        (m, n), (_, k) = p.a_grid.shape, p.b_grid.shape
        others = [p.a_grid.entry(r, c) for r in range(m) if r != i for c in range(n)]
        others += [p.b_grid.entry(r, c) for r in range(n) for c in range(k) if c != j]
        return AnimationGroup(
            *(built(e.animate.set_color(theme.MUTED)) for e in others), run_time=run_time
        )

    def check_entry(self, i: int, j: int) -> None:
        self.checkpoint(
            f"Y_{i + 1}_{j + 1}", self.product.entry_shown(i, j), expected=float(self.truth[i, j])
        )

    def broadcast(self) -> tuple[MatrixGrid, Animation]:
        """The bias row copied down into every row: the row rises to the first row, then one
        copy slides down to each row below, while the brackets grow to three rows."""
        p = self.product
        bias = p.bias_grid
        assert bias is not None
        tall = MatrixGrid(
            [list(B)] * len(X),
            decimals=1,
            name="broadcast bias",
            font_size=ENTRY_SIZE,
            column_gap=0.5,
        )
        tall.move_to(np.array([bias.get_x(), p.c_grid.get_y(), 0.0]))
        start = bias.entries.get_center()
        slots = [tall.entries[r].get_center() for r in range(len(X))]
        for row in tall.entries:
            row.move_to(start)
        bias.remove(bias.entries)
        self.add(tall.entries)
        rows = tall.entries
        size = self.shapes[2]
        tall_size = theme.tex(rf"{len(X)}\times {len(B)}", size=30, color=theme.MUTED)
        tall_size.move_to(size)
        anim = Succession(
            AnimationGroup(
                Transform(bias.brackets, tall.brackets),
                Transform(size, tall_size),
                *(built(r.animate.move_to(slots[0])) for r in rows),
            ),
            AnimationGroup(*(built(r.animate.move_to(slots[1])) for r in rows[1:])),
            AnimationGroup(built(rows[2].animate.move_to(slots[2]))),
        )
        return tall, anim

    def numpy_beat(self) -> None:
        p = self.product
        code = theme.code("Y = X @ W + b    # (3, 3) @ (3, 2) + (2,) -> (3, 2)", size=26)
        code.to_edge(DOWN, buff=0.55)
        x_rows = [p.a_grid.row_box(i, theme.ROW) for i in range(3)]
        y_rows = [p.c_grid.row_box(i, theme.ROW) for i in range(3)]
        with self.beat(
            "In numpy the whole computation is one line, X at W plus b. The bias "
            "row is broadcast down all three rows. One output row per server, one "
            "column per neuron."
        ) as beat:
            beat.say(0, FadeIn(code, shift=0.3 * UP), Indicate(p.names, scale_factor=1.15))
            tall, spread = self.broadcast()
            beat.say(1, spread)
            self.checkpoint(
                "b_broadcast", tall.entries_printed(), expected=exact_flat([B] * len(X))
            )
            beat.say(
                2,
                Succession(
                    AnimationGroup(self.sweep(x_rows), self.sweep(y_rows)),
                    Indicate(VGroup(*self.neuron_labels[2:]), scale_factor=1.2),
                ),
            )
            self.checkpoint("Y_matrix", p.result_printed(), expected=[float(v) for v in self.truth])
        self.code = code

    def order_beat(self) -> None:
        p = self.product
        (m, n), (n2, k) = p.a_grid.shape, p.b_grid.shape
        swapped = theme.tex(
            r"W X:\ ",
            "(",
            f"{n2}",
            r"\times",
            f"{k}",
            ")(",
            f"{m}",
            r"\times",
            f"{n}",
            ")",
            r"\quad",
            rf"{k}\neq{m}",
            size=40,
        )
        swapped.next_to(self.code, UP, buff=0.4)
        with self.beat(
            "Order matters. W times X does not even type-check: three by two "
            "times three by three has inner sizes two and three."
        ) as beat:
            beat.say(
                0,
                AnimationGroup(
                    TransformFromCopy(p.names[1], swapped[0]),
                    Indicate(VGroup(p.names[0], p.names[1]), scale_factor=1.2),
                ),
            )
            beat.say(
                1,
                Succession(
                    FadeIn(VGroup(*swapped[1:10]), lag_ratio=0.2),
                    AnimationGroup(
                        built(swapped[4].animate.set_color(theme.BAD)),
                        built(swapped[6].animate.set_color(theme.BAD)),
                    ),
                    FadeIn(swapped[11], shift=0.2 * LEFT),
                    Indicate(
                        # manim types a VMobject's parts as Mobject; a formula's are VMobjects
                        VGroup(*(cast(VMobject, swapped[q]) for q in (4, 6, 11))),
                        color=theme.BAD,
                    ),
                ),
            )


SCENES = [Matrices]
