"""4.3 Matrices: a product computed entry by entry, as a batch goes through a dense layer.

A batch of three servers (rows: samples; columns: CPU, memory, disk I/O) times a 3×2 weight
matrix plus a bias row is exactly ``X @ W + b``. Each of the six outputs is assembled on
screen from one row of X and one column of W, and flies into its cell; all six are read back
from the result matrix and checked against exact rational arithmetic.
"""

from __future__ import annotations

import sympy as sp
from manim import DOWN, LEFT, RIGHT, UP, FadeIn, FadeOut, VGroup

from mathviz import theme
from mathviz.primitives.matrices import MatrixProductHighlighter
from mathviz.scene import LectureScene

#: the batch: one row per server, columns cpu %, memory %, disk I/O (MB/s)
X = ((45, 62, 120), (92, 88, 450), (38, 55, 95))
#: the layer: one row per input feature, one column per neuron
W = ((0.2, -0.1), (0.5, 0.3), (0.1, 0.4))
B = (0.1, -0.2)

SERVERS = ("server 1", "server 2", "server 3")
FEATURES = ("CPU", "MEM", "DISK")
ENTRY_SIZE = 36
WORK_SIZE = 40
LABEL_SIZE = 24
#: the two entries computed slowly, then the rest quickly
SLOW = ((0, 0), (0, 1))
QUICK = ((1, 0), (1, 1), (2, 0), (2, 1))


# --- independent route to the expected values ---------------------------------------------------
def rational(x) -> sp.Rational:
    """A typed decimal as an exact sympy rational (``0.2`` → 1/5)."""
    return sp.Rational(str(x))


def expected_output() -> sp.Matrix:
    """``X W + 1 bᵀ`` in sympy's exact arithmetic (the bias row repeated for every sample)."""
    x = sp.Matrix([[rational(v) for v in row] for row in X])
    w = sp.Matrix([[rational(v) for v in row] for row in W])
    bias_rows = sp.ones(len(X), 1) * sp.Matrix([[rational(v) for v in B]])
    return x * w + bias_rows


def exact_flat(rows) -> list[float]:
    """The typed data row by row, each number through its exact rational (``0.2`` → 1/5)."""
    return [float(rational(v)) for row in rows for v in row]


class Matrices(LectureScene):
    chapter_id = "4.3"

    def construct(self) -> None:
        self.open_chapter(
            "Every dense layer in a neural network is a matrix product plus a bias. Let's "
            "compute one by hand, entry by entry, on a small batch of server metrics."
        )
        self.truth = expected_output()
        self.product = MatrixProductHighlighter(
            X,
            W,
            B,
            decimals=(0, 1, 1, 1),
            names=("X", "W", "b", "Y"),
            font_size=ENTRY_SIZE,
            work_size=WORK_SIZE,
            work_gap=1.6,
            column_gaps=(0.7, 0.55, 0.55, 0.55),
        )
        equation = self.product.equation
        # the matrices in the upper half, centred together with the server labels on the left
        label_width = max(theme.text(name, size=LABEL_SIZE).width for name in SERVERS) + 0.3
        self.product.shift(
            RIGHT * (label_width / 2 - equation.get_x()) + UP * (0.8 - equation.get_y())
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
        with self.beat(
            "Here is a batch as a matrix. Each row is one server, a sample; each "
            "column is one feature: CPU, memory and disk I/O. It's the array you "
            "would hand to a model's predict call."
        ):
            self.play(FadeIn(x_grid), FadeIn(p.names[0]), run_time=1.2)
            self.play(FadeIn(rows, lag_ratio=0.3), FadeIn(columns, lag_ratio=0.3), run_time=1.5)
            self.checkpoint("X_entries", x_grid.entries_printed(), expected=exact_flat(X))

    def layer_beat(self) -> None:
        p = self.product
        neurons = VGroup()
        for grid in (p.b_grid, p.c_grid):
            for j in range(2):
                label = theme.tex(f"n_{j + 1}", size=LABEL_SIZE + 8, color=theme.MUTED)
                label.move_to(grid.slot(0, j)).next_to(grid, UP, buff=0.2, coor_mask=UP)
                neurons.add(label)
        top = self.feature_labels[1].get_y()
        for label in neurons:
            label.set_y(top)
        for name in p.names[1:]:
            name.set_y(p.names[0].get_y())
        self.neuron_labels = neurons
        with self.beat(
            "A dense layer with two neurons keeps its weights in W: one row per "
            "input feature, one column per neuron. The bias b holds one number "
            "per neuron, and Y, still empty, will hold the outputs."
        ):
            self.play(FadeIn(p.b_grid), FadeIn(p.names[1]), FadeIn(neurons[:2]), run_time=1.2)
            self.play(FadeIn(p.plus_sign), FadeIn(p.bias_grid), FadeIn(p.names[2]), run_time=1.0)
            self.play(
                FadeIn(p.equals_sign),
                FadeIn(p.c_grid),
                FadeIn(p.names[3]),
                FadeIn(neurons[2:]),
                run_time=1.0,
            )
            self.checkpoint("W_entries", p.b_grid.entries_printed(), expected=exact_flat(W))
            self.checkpoint("b_entries", p.bias_grid.entries_printed(), expected=exact_flat([B]))

    def shapes_beat(self) -> None:
        p = self.product
        shapes = p.shape_labels(size=30)
        (m, n), (n2, k), (rows, cols) = p.a_grid.shape, p.b_grid.shape, p.c_grid.shape
        rule = theme.tex(
            f"({m}",
            r"\times",
            f"{n}",
            ")",
            f"({n2}",
            r"\times",
            f"{k}",
            ")",
            r"\;\to\;",
            f"({rows}",
            r"\times",
            f"{cols}",
            ")",
            size=36,
        )
        rule[2].set_color(theme.ACCENT)
        rule[4].set_color(theme.ACCENT)
        rule.to_edge(DOWN, buff=0.6)
        note = theme.text("inner sizes match", size=LABEL_SIZE, color=theme.ACCENT)
        note.next_to(rule, RIGHT, buff=0.5)
        self.shapes = shapes
        with self.beat(
            "Check the shapes first, like types: three by three times three by "
            "two. The inner sizes must agree, and the outer ones give the output: "
            "three servers by two neurons."
        ):
            self.play(FadeIn(shapes, lag_ratio=0.2), run_time=1.2)
            self.play(FadeIn(rule), FadeIn(note), run_time=1.0)
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
        ):
            self.play(p.assemble(i, j, run_time=9.0))
            self.wait(1.5)
            self.checkpoint("sum_Y_1_1", p.sum_shown(), expected=float(self.truth[i, j]))
            self.play(p.write(i, j, run_time=1.5))
            self.check_entry(i, j)
        with self.beat(
            "Same server, second neuron: same row, next column. Different weights "
            "turn the same three inputs into 61.9."
        ):
            self.play(p.assemble(i2, j2, run_time=6.0))
            self.wait(1.0)
            self.checkpoint("sum_Y_1_2", p.sum_shown(), expected=float(self.truth[i2, j2]))
            self.play(p.write(i2, j2, run_time=1.2))
            self.check_entry(i2, j2)

    def quick_entries_beat(self) -> None:
        p = self.product
        with self.beat(
            "The other four entries work the same way: one row of X dotted with "
            "one column of W, plus that column's bias. Six dot products fill the "
            "three by two output."
        ):
            for i, j in QUICK:
                self.play(p.compute_entry(i, j, run_time=3.0))
                self.check_entry(i, j)

    def check_entry(self, i: int, j: int) -> None:
        self.checkpoint(
            f"Y_{i + 1}_{j + 1}", self.product.entry_shown(i, j), expected=float(self.truth[i, j])
        )

    def numpy_beat(self) -> None:
        p = self.product
        code = theme.code("Y = X @ W + b    # (3, 3) @ (3, 2) + (2,) -> (3, 2)", size=26)
        code.to_edge(DOWN, buff=0.55)
        with self.beat(
            "In numpy the whole computation is one line, X at W plus b. The bias "
            "row is broadcast down all three rows: one output row per server, one "
            "column per neuron."
        ):
            self.play(FadeIn(code, shift=0.2 * UP), run_time=1.0)
            self.checkpoint("Y_matrix", p.result_printed(), expected=[float(v) for v in self.truth])
        self.code = code

    def order_beat(self) -> None:
        p = self.product
        (m, n), (n2, k) = p.a_grid.shape, p.b_grid.shape
        swapped = theme.tex(
            rf"W X:\ ({n2}\times{k})({m}\times{n})", r"\quad", rf"{k}\neq{m}", size=36
        )
        swapped[2].set_color(theme.BAD)
        swapped.next_to(self.code, UP, buff=0.4)
        with self.beat(
            "Order matters. W times X does not even type-check: three by two "
            "times three by three has inner sizes two and three."
        ):
            self.play(FadeIn(swapped), run_time=1.0)


SCENES = [Matrices]
