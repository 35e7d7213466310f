"""A small neural network drawn as neurons and weighted edges, with its passes animated.

:class:`NetworkDiagram` draws a :class:`~mathviz.maths.network.TinyMLP`: one column of
neurons per layer (inputs, tanh hidden neurons, the sigmoid output) and one edge per weight,
its thickness proportional to the weight's size and its colour its sign. Each neuron is a dark
disc with a *gauge*, an arc around its rim that sweeps ``|a|`` of a full turn (clockwise for a
positive activation, anticlockwise for a negative one), and its value typeset inside.

Its animations send pulses along the edges: :meth:`NetworkDiagram.forward` carries a layer's
activations left to right (the next layer's gauges sweep as the pulses arrive, then their
values appear); :meth:`NetworkDiagram.backward` carries the error signal right to left in the
gradient's colour, and each edge's ``∂L/∂w`` appears on a tag on the edge as the pulse passes
it. :meth:`NetworkDiagram.highlight` makes one edge flash; :meth:`NetworkDiagram.retune` moves
every edge to another network's weights (a training step).

A shown value always reads its gauge: while a gauge moves, the number inside follows it
(:meth:`NetworkDiagram.gauge_shown`). Every read-back looks at the drawing: values and
gradients are the digits typeset, gauges are read from the arc's swept angle, weights from
the edges' widths and colours, tags are counted as drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from manim import (
    PI,
    AnimationGroup,
    Arc,
    Circle,
    Create,
    Dot,
    GrowFromCenter,
    LaggedStart,
    Line,
    ManimColor,
    Mobject,
    VGroup,
)
from manim.animation.animation import Animation
from manim.utils.rate_functions import smooth
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.network import Gradients, TinyMLP
from mathviz.primitives.motion import Scripted
from mathviz.primitives.readout import live_number_class
from mathviz.primitives.vectors import BackedLabel
from mathviz.readings import Printed, PrintedArray, printed, printed_all, reads_screen

__all__ = [
    "POSITIVE",
    "NEGATIVE",
    "FORWARD",
    "BACKWARD",
    "Neuron",
    "NetworkDiagram",
]

#: a positive weight or activation, and a negative one
POSITIVE = theme.VECTOR_SECOND
NEGATIVE = theme.HYPOTHESIS
#: pulses of the forward pass (activations) and of the backward pass (gradients)
FORWARD = theme.ACCENT
BACKWARD = theme.GRADIENT
#: an edge's stroke width for a zero weight, and per unit of weight
BASE_WIDTH, WIDTH_PER_UNIT = 1.5, 6.0
#: the gauge's stroke width
GAUGE_WIDTH = 7.0
#: where along an edge (from its input end) its gradient tag sits, per layer of edges
TAG_AT = (0.7, 0.45)
#: share of a pass spent travelling; the gauges sweep in the rest
TRAVEL = 0.6


def _opacity(mob: Mobject, value: float) -> None:
    mob.set_fill(opacity=value, family=True)
    mob.set_stroke(opacity=0.0, family=True)


def _sign_color(value: float) -> ManimColor:
    return POSITIVE if value >= 0 else NEGATIVE


class Neuron(VGroup):
    """A neuron: a dark disc, a gauge around its rim and its value inside."""

    def __init__(self, center: np.ndarray, radius: float, value_size: int) -> None:
        self.disc = Circle(
            radius=radius,
            stroke_color=theme.MUTED,
            stroke_width=2.5,
            fill_color=theme.BACKGROUND,
            fill_opacity=1.0,
        ).move_to(center)
        self.radius = radius
        self.gauge = Arc(radius=radius, start_angle=PI / 2, angle=-1e-3, stroke_width=GAUGE_WIDTH)
        self.gauge.move_arc_center_to(center).set_stroke(opacity=0.0)
        self.level = 0.0
        self.number = live_number_class()(
            0.0, num_decimal_places=2, font_size=value_size, color=theme.TEXT, include_sign=False
        )
        self.number.move_to(center)
        _opacity(self.number, 0.0)
        super().__init__(self.disc, self.gauge, self.number)

    @property
    def middle(self) -> np.ndarray:
        """The disc's centre."""
        return np.asarray(self.disc.get_center(), dtype=float)

    def set_level(self, level: float) -> None:
        """Sweep the gauge to ``level`` (a share of a full turn, signed)."""
        self.level = float(level)
        if abs(level) < 1e-6:
            self.gauge.set_stroke(opacity=0.0)
            return
        arc = Arc(
            radius=self.radius,
            start_angle=PI / 2,
            angle=-2 * PI * float(np.clip(level, -1.0, 1.0)),
            num_components=24,
        )
        arc.move_arc_center_to(self.middle)
        self.gauge.set_points(arc.points)
        self.gauge.set_stroke(color=_sign_color(level), width=GAUGE_WIDTH, opacity=1.0)

    def display(self, value: float, opacity: float) -> None:
        """Typeset ``value`` (centred) at ``opacity``."""
        self.number.set_value(value)
        self.number.move_to(self.middle)
        _opacity(self.number, opacity)

    def number_opacity(self) -> float:
        return max(
            (float(np.max(m.get_fill_opacities())) for m in self.number.submobjects), default=0.0
        )

    def swept(self) -> float:
        """The gauge's signed share of a turn, read from its drawn points."""
        if float(self.gauge.get_stroke_opacity()) <= theme.VISIBLE_OPACITY:
            return 0.0
        rel = self.gauge.points[:, :2] - self.middle[:2]
        angles = np.unwrap(np.arctan2(rel[:, 1], rel[:, 0]))
        return float(-(angles[-1] - angles[0]) / (2 * PI))


class NetworkDiagram(VGroup):
    """A two-layer network: inputs, hidden neurons and one output, with weighted edges.

    Add it to the scene with :meth:`create`; everything else starts hidden.

    Parameters
    ----------
    model
        The network whose weights are drawn.
    inputs
        The example's inputs (shown in the input neurons when created).
    columns
        The x of the input, hidden and output columns (scene units).
    spacing
        Vertical distance between neighbouring neurons of the input and hidden columns.
    radius
        The neurons' radius.
    """

    def __init__(
        self,
        model: TinyMLP,
        inputs: Sequence[float],
        *,
        columns: tuple[float, float, float] = (-6.0, -2.2, 1.6),
        spacing: tuple[float, float] = (2.5, 2.5),
        center_y: float = 0.0,
        radius: float = 0.55,
        value_size: int = 30,
        tag_size: int = 26,
    ) -> None:
        super().__init__()
        self.model = model
        self.inputs = np.asarray(inputs, dtype=float)
        n_in, n_hidden, _ = model.sizes
        layers: list[list[Neuron]] = []
        for column, count, gap in zip(columns, (n_in, n_hidden, 1), (*spacing, 0.0), strict=True):
            ys = center_y + gap * (np.arange(count)[::-1] - (count - 1) / 2)
            layers.append([Neuron(np.array([column, y, 0.0]), radius, value_size) for y in ys])
        self.layers = layers
        # edges[0][j][k]: input k -> hidden j; edges[1][j][0]: hidden j -> output
        self.edges: list[list[list[Line]]] = [
            [
                [self._edge(layers[0][k], layers[1][j]) for k in range(n_in)]
                for j in range(n_hidden)
            ],
            [[self._edge(layers[1][j], layers[2][0])] for j in range(n_hidden)],
        ]
        self.tags: list[list[list[BackedLabel]]] = [
            [[self._tag(e, TAG_AT[g], tag_size) for e in row] for row in group]
            for g, group in enumerate(self.edges)
        ]
        self.pulses = VGroup(
            *(Dot(radius=0.12, color=FORWARD).set_opacity(0.0) for _ in self._all_edges())
        )
        self.edge_group = VGroup(*self._all_edges())
        self.neurons: list[Neuron] = [n for layer in layers for n in layer]
        self.all_tags: list[BackedLabel] = [t for group in self.tags for row in group for t in row]
        self.neuron_group = VGroup(*self.neurons)
        self.tag_group = VGroup(*self.all_tags)
        self.add(self.edge_group, self.pulses, self.neuron_group, self.tag_group)
        self.restyle_edges(model)

    # --- construction --------------------------------------------------------------------
    @staticmethod
    def _edge(a: Neuron, b: Neuron) -> Line:
        direction = (b.middle - a.middle) / np.linalg.norm(b.middle - a.middle)
        return Line(a.middle + a.radius * direction, b.middle - b.radius * direction)

    @staticmethod
    def _tag(edge: Line, share: float, size: int) -> BackedLabel:
        number = live_number_class()(
            0.0, num_decimal_places=2, font_size=size, color=BACKWARD, include_sign=False
        )
        number.move_to(edge.point_from_proportion(share))
        tag = BackedLabel(number, buff=0.07, opacity=0.95)
        _opacity(tag, 0.0)
        return tag

    def _all_edges(self) -> list[Line]:
        return [e for group in self.edges for row in group for e in row]

    def _weights(self, model: TinyMLP) -> list[float]:
        """Each edge's weight, in the order of :meth:`_all_edges`."""
        n_in, n_hidden, _ = model.sizes
        return [float(model.W[j, k]) for j in range(n_hidden) for k in range(n_in)] + [
            float(model.v[j]) for j in range(n_hidden)
        ]

    def restyle_edges(self, model: TinyMLP, opacity: float = 1.0) -> None:
        """Draw every edge with ``model``'s weights: width by size, colour by sign."""
        for edge, w in zip(self._all_edges(), self._weights(model), strict=True):
            edge.set_stroke(
                color=_sign_color(w), width=BASE_WIDTH + WIDTH_PER_UNIT * abs(w), opacity=opacity
            )

    def edge(self, name: str, index: Sequence[int]) -> Line:
        """The edge of weight ``W[j, k]`` or ``v[j]``."""
        if name == "W":
            return self.edges[0][index[0]][index[1]]
        if name == "v":
            return self.edges[1][index[0]][0]
        raise KeyError(f"only weights have edges, not {name!r}")

    def tag(self, name: str, index: Sequence[int]) -> BackedLabel:
        """The gradient tag on the edge of weight ``W[j, k]`` or ``v[j]``."""
        if name == "W":
            return self.tags[0][index[0]][index[1]]
        if name == "v":
            return self.tags[1][index[0]][0]
        raise KeyError(f"only weights have tags, not {name!r}")

    # --- animations ------------------------------------------------------------------------
    def create(self, run_time: float = 3.0) -> Animation:
        """The neurons grow, column by column; the edges are drawn between them; the inputs'
        gauges sweep and their values appear."""
        inputs = self.layers[0]

        def fill_inputs(t: float) -> None:
            for neuron, x in zip(inputs, self.inputs, strict=True):
                neuron.set_level(x * t)
                if t > 0.5:
                    neuron.display(neuron.swept(), min(1.0, (t - 0.5) / 0.3))

        return AnimationGroup(
            LaggedStart(*(GrowFromCenter(n.disc) for n in self.neurons), lag_ratio=0.15),
            LaggedStart(*(Create(e) for e in self._all_edges()), lag_ratio=0.08),
            Scripted(VGroup(*inputs), fill_inputs, rate_func=smooth),
            lag_ratio=0.35,
            run_time=run_time,
            group=self,
        )

    def forward(self, layer: int, values: ArrayLike, run_time: float = 2.0) -> Animation:
        """Pulses carry layer ``layer − 1``'s activations along the edges into layer ``layer``
        (1: hidden, 2: output); its gauges sweep to ``values`` as they arrive, and the values
        appear once the gauges stand (a rerun: the values follow their moving gauges)."""
        group = self.edges[layer - 1]
        lines = [e for row in group for e in row]
        pulses = list(self.pulses)[: len(lines)]
        neurons = self.layers[layer]
        targets = [float(v) for v in np.ravel(values)]
        state: dict[str, list[float]] = {}

        def update(t: float) -> None:
            if "start" not in state:
                state["start"] = [n.level for n in neurons]
                state["seen"] = [n.number_opacity() for n in neurons]
            travel = min(t / TRAVEL, 1.0)
            for pulse, line in zip(pulses, lines, strict=True):
                pulse.set_color(FORWARD)
                pulse.move_to(line.point_from_proportion(smooth(travel)))
                pulse.set_opacity(1.0 if 0.0 < travel < 1.0 else 0.0)
            sweep = smooth(min(max((t - TRAVEL + 0.05) / 0.3, 0.0), 1.0))
            appear = min(max((t - 0.85) / 0.15, 0.0), 1.0)
            for i, neuron in enumerate(neurons):
                start = state["start"][i]
                neuron.set_level(start + (targets[i] - start) * sweep)
                opacity = 1.0 if state["seen"][i] > 0.5 else appear
                if opacity > 0:
                    neuron.display(neuron.swept(), opacity)
            if t >= 1.0:
                state.clear()

        return Scripted(self, update, run_time=run_time)

    def backward(
        self, layer: int, gradients: Gradients, run_time: float = 2.0, stagger: float = 0.0
    ) -> Animation:
        """Pulses in the gradient's colour run back along the edges into layer ``layer``
        (2: from the output to the hidden neurons, 1: from the hidden neurons to the inputs);
        each edge's ``∂L/∂w`` appears on its tag as its pulse passes. ``stagger`` delays each
        next hidden neuron's pulses by that share of the run."""
        group = self.edges[layer - 1]
        tags = self.tags[layer - 1]
        grads = (
            [[float(g) for g in row] for row in gradients.W]
            if layer == 1
            else [[float(g)] for g in gradients.v]
        )
        share = TAG_AT[layer - 1]
        pulses = list(self.pulses)

        def update(t: float) -> None:
            p = 0
            for j, row in enumerate(group):
                local = min(max((t - j * stagger) / max(1.0 - 2 * stagger, 1e-6), 0.0), 1.0)
                back = smooth(min(local / 0.8, 1.0))
                for k, line in enumerate(row):
                    pulse = pulses[p]
                    p += 1
                    pulse.set_color(BACKWARD)
                    pulse.move_to(line.point_from_proportion(1.0 - back))
                    pulse.set_opacity(1.0 if 0.0 < back < 1.0 else 0.0)
                    tag = tags[j][k]
                    passed = (1.0 - back) <= share
                    if passed:
                        tag.label.set_value(grads[j][k])
                        tag.label.move_to(line.point_from_proportion(share))
                        tag.backing.stretch_to_fit_width(tag.label.width + 0.14)
                        tag.backing.move_to(tag.label)
                        _opacity(tag.label, 1.0)
                        tag.backing.set_fill(opacity=0.95)

        return Scripted(self, update, run_time=run_time)

    def highlight(self, name: str, index: Sequence[int], run_time: float = 1.5) -> Animation:
        """One edge flashes: it swells and glows in the forward colour, then settles."""
        edge = self.edge(name, index)
        state: dict[str, Any] = {}

        def update(t: float) -> None:
            if "width" not in state:
                state["width"], state["color"] = edge.get_stroke_width(), edge.get_stroke_color()
            bump = math.sin(PI * t)
            edge.set_stroke(
                color=ManimColor(state["color"]).interpolate(FORWARD, bump),
                width=state["width"] * (1 + 1.5 * bump),
            )
            if t >= 1.0:
                state.clear()

        return Scripted(self, update, run_time=run_time)

    def swell_all(self, run_time: float = 2.0) -> Animation:
        """Every edge swells briefly in its own colour, one after another (the weights shown
        off by their thickness)."""
        edges = self._all_edges()
        widths: list[float] = []

        def update(t: float) -> None:
            if not widths:
                widths.extend(float(e.get_stroke_width()) for e in edges)
            for i, (edge, width) in enumerate(zip(edges, widths, strict=True)):
                start = 0.6 * i / max(len(edges) - 1, 1)
                local = min(max((t - start) / 0.4, 0.0), 1.0)
                edge.set_stroke(width=width * (1 + 0.8 * math.sin(PI * local)))
            if t >= 1.0:
                widths.clear()

        return Scripted(self, update, run_time=run_time)

    def retune(self, model: TinyMLP, run_time: float = 2.0) -> Animation:
        """Every edge moves to ``model``'s weight (width and colour), and the gradient tags,
        which belong to the old weights, fade away."""
        old = self._weights(self.model)
        new = self._weights(model)
        tags = self.all_tags

        def update(t: float) -> None:
            for edge, a, b in zip(self._all_edges(), old, new, strict=True):
                w = a + (b - a) * t
                edge.set_stroke(color=_sign_color(w), width=BASE_WIDTH + WIDTH_PER_UNIT * abs(w))
            for tag in tags:
                if tag.label.get_fill_opacity() > 0:
                    fade = max(0.0, 1.0 - t / 0.4)
                    _opacity(tag.label, fade)
                    tag.backing.set_fill(opacity=0.95 * fade)
            if t >= 1.0:
                self.model = model

        return Scripted(self, update, rate_func=smooth, run_time=run_time)

    # --- read-backs ------------------------------------------------------------------------
    def values_shown(self, layer: int) -> PrintedArray:
        """The values typeset in layer ``layer``'s neurons (0: inputs, 1: hidden, 2: output)."""
        return printed_all(n.number for n in self.layers[layer])

    def value_shown(self, layer: int, index: int = 0) -> Printed:
        """The value typeset in one neuron."""
        return printed(self.layers[layer][index].number)

    @reads_screen("geometry")
    def gauge_shown(self, layer: int) -> np.ndarray:
        """Each neuron's gauge in layer ``layer``: its arc's signed share of a full turn."""
        return np.array([n.swept() for n in self.layers[layer]])

    @reads_screen("geometry")
    def gauge_mismatch_shown(self) -> float:
        """The largest gap between a visible value and its own gauge (0 when every number
        shows what its gauge shows, to the display's precision)."""
        gaps = [
            abs(float(printed(n.number)) - n.swept())
            for n in self.neurons
            if n.number_opacity() > theme.VISIBLE_OPACITY
        ]
        return max(gaps, default=0.0)

    def gradient_shown(self, name: str, index: Sequence[int]) -> Printed:
        """The ``∂L/∂w`` typeset on the tag of weight ``W[j, k]`` or ``v[j]``."""
        return printed(self.tag(name, index).label)

    @reads_screen("count")
    def tags_shown(self) -> int:
        """How many gradient tags are drawn (visible)."""
        return sum(
            1 for t in self.all_tags if float(t.label.get_fill_opacity()) > theme.VISIBLE_OPACITY
        )

    @reads_screen("geometry")
    def weights_shown(self) -> np.ndarray:
        """Every weight as drawn, ``W`` row by row then ``v``: the edge's width turned back
        into a size (``(width − base) / per unit``), signed by its colour."""
        out = []
        for edge in self._all_edges():
            size = (float(edge.get_stroke_width()) - BASE_WIDTH) / WIDTH_PER_UNIT
            negative = ManimColor(edge.get_stroke_color()).to_hex() == NEGATIVE.to_hex()
            out.append(-size if negative else size)
        return np.array(out)

    @reads_screen("geometry")
    def pulse_positions_shown(self) -> np.ndarray:
        """The visible pulses' centres (scene x, y)."""
        return np.array(
            [p.get_center()[:2] for p in self.pulses if p.get_fill_opacity() > 0.5]
        ).reshape(-1, 2)

    def tag_anchor(self, name: str, index: Sequence[int]) -> np.ndarray:
        """Where a tag sits (for placing things beside it)."""
        return np.asarray(self.tag(name, index).get_center(), dtype=float)
