"""A balance beam for a discrete random variable: outcomes as weights on a number line that
tips on a sliding fulcrum, and squared deviations from the mean drawn as squares.

:class:`BalanceBeam` draws a plank whose top edge is a number line (the outcomes' values),
each outcome's probability as a stack of blocks standing on the plank at the outcome's
value, and a fulcrum under the plank. The beam is redrawn from one state, the fulcrum's
value: it tips by the net turning moment of the weights about the fulcrum
(:func:`~mathviz.maths.expectation.tilt_angle`), and is level exactly when the fulcrum is at
the mean. :class:`SpreadSquares` draws, on the same number line, one square per outcome from
the mean to the outcome (its area the squared deviation), squashes each by its probability
and reshapes the pieces, area kept, into one square: the variance,
whose side is the standard deviation.

Everything is read back from the drawing through the beam's number line: the fulcrum's
value, the tilt, the weights' heights and places, the lever arms, the pieces' areas.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from manim import (
    DOWN,
    UP,
    AnimationGroup,
    Create,
    Dot,
    DoubleArrow,
    FadeIn,
    Line,
    ManimColor,
    Mobject,
    NumberLine,
    Polygon,
    Rectangle,
    RoundedRectangle,
    Triangle,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.expectation import DiscreteGame, tilt_angle
from mathviz.primitives.motion import StateTween
from mathviz.primitives.readout import LiveDecimal
from mathviz.readings import reads_screen

__all__ = [
    "BalanceBeam",
    "SpreadSquares",
    "PLANK_HEIGHT",
    "FULCRUM_HEIGHT",
    "die_face",
    "faces_shown",
    "pips_shown",
]

#: the plank under the number line, and the fulcrum under the plank (scene units)
PLANK_HEIGHT, FULCRUM_HEIGHT, FULCRUM_WIDTH = 0.55, 0.95, 0.8
#: the width of a weight's blocks
BLOCK_WIDTH = 0.72
#: how far under the ground the lever arms are drawn
ARM_DROP = 0.35


#: where the pips of each die face sit, in a 3 × 3 grid (column, row) from the top left
_PIPS = {
    1: [(1, 1)],
    2: [(0, 0), (2, 2)],
    3: [(0, 0), (1, 1), (2, 2)],
    4: [(0, 0), (2, 0), (0, 2), (2, 2)],
    5: [(0, 0), (2, 0), (1, 1), (0, 2), (2, 2)],
    6: [(0, 0), (2, 0), (0, 1), (2, 1), (0, 2), (2, 2)],
}


class DieFace(VGroup):
    """A die face: ``body`` (a rounded square) and ``pips`` (dark dots)."""

    def __init__(self, body: VMobject, pips: VGroup) -> None:
        super().__init__(body, pips)
        self.body, self.pips = body, pips


def die_face(value: int, *, size: float = 0.72, color: ManimColor = theme.TEXT) -> DieFace:
    """A die face showing ``value`` (1–6): a rounded square in ``color`` with dark pips.
    Count its ``pips`` to read the face."""
    if value not in _PIPS:
        raise ValueError("a die face shows 1 to 6")
    body = RoundedRectangle(
        width=size,
        height=size,
        corner_radius=size * 0.15,
        stroke_width=0,
        fill_color=color,
        fill_opacity=0.95,
    )
    pips = VGroup(
        *(
            Dot(
                body.get_center() + size * 0.28 * np.array([c - 1, 1 - r, 0.0]),
                radius=size * 0.08,
                color=theme.BACKGROUND,
            )
            for c, r in _PIPS[value]
        )
    )
    return DieFace(body, pips)


@reads_screen("count")
def faces_shown(faces: Iterable[Any], color: ManimColor | None = None) -> int:
    """How many of the die ``faces`` are drawn (visible); with ``color``, only those whose
    face is filled in that colour."""
    return sum(
        1
        for f in faces
        if f[0].get_fill_opacity() > theme.VISIBLE_OPACITY
        and (color is None or f[0].get_fill_color().to_hex() == ManimColor(color).to_hex())
    )


@reads_screen("count")
def pips_shown(faces: Iterable[Any]) -> list[int]:
    """The number of pips drawn on each face: the values the faces show."""
    return [sum(1 for p in f[1] if p.get_fill_opacity() > theme.VISIBLE_OPACITY) for f in faces]


@dataclass
class _BeamState:
    fulcrum: float


class BalanceBeam(VGroup):
    """Outcomes as weights on a tipping number line, balanced on a sliding fulcrum.

    Parameters
    ----------
    game
        The random variable: outcomes (values on the line) and probabilities (weights).
    x_range
        ``(min, max, step)`` of the number line.
    length
        The number line's length (scene units).
    prob_height
        Scene units of stack height per unit of probability.
    blocks
        How many equal blocks make each outcome's weight (die faces); one each by default.
    colors
        One colour per outcome.
    fulcrum_at
        Where the fulcrum starts (a value on the line).
    max_tilt, moment_scale
        The tilt (radians) the beam approaches under a large moment, and the moment at which
        it reaches ``tanh(1)`` of that.
    """

    def __init__(
        self,
        game: DiscreteGame,
        *,
        x_range: tuple[float, float, float] = (-300, 200, 100),
        length: float = 9.5,
        prob_height: float = 3.0,
        blocks: Sequence[int] | None = None,
        colors: Sequence[ManimColor] | None = None,
        fulcrum_at: float = 0.0,
        max_tilt: float = math.radians(12),
        moment_scale: float = 100.0,
        font_size: int = 26,
    ) -> None:
        super().__init__()
        n = len(game.outcomes)
        self.game, self.prob_height = game, prob_height
        self.blocks_per = list(blocks) if blocks is not None else [1] * n
        self.colors = list(colors) if colors is not None else [theme.ACCENT] * n
        if len(self.blocks_per) != n or len(self.colors) != n:
            raise ValueError("one block count and one colour per outcome")
        self.max_tilt, self.moment_scale = max_tilt, moment_scale
        self.state = _BeamState(float(fulcrum_at))
        self.line = NumberLine(
            x_range=x_range,
            length=length,
            color=theme.TEXT,
            stroke_width=3,
            include_numbers=True,
            label_direction=DOWN,
            font_size=font_size,
            line_to_number_buff=0.16,
            decimal_number_config={"group_with_commas": False, "num_decimal_places": 0},
        )
        self.line.numbers.set_color(theme.TEXT)
        self.plank = Rectangle(
            width=length + 0.9,
            height=PLANK_HEIGHT,
            stroke_width=0,
            fill_color=theme.GRID,
            fill_opacity=1.0,
        )
        self.plank.move_to(self.line.get_center(), aligned_edge=UP)
        self.weights = VGroup()
        self.weight_labels = VGroup()
        for x, p, k, color in zip(
            game.outcomes, game.probabilities, self.blocks_per, self.colors, strict=True
        ):
            stack = VGroup()
            block_h = prob_height * float(p) / k
            base = self.line.n2p(float(x))
            for j in range(k):
                block = Rectangle(
                    width=BLOCK_WIDTH,
                    height=block_h,
                    fill_color=color,
                    fill_opacity=0.9,
                    stroke_color=theme.BACKGROUND,
                    stroke_width=2,
                )
                block.move_to(base + (j + 0.5) * block_h * UP)
                stack.add(block)
            self.weights.add(stack)
            label = theme.tex(
                rf"p = \tfrac{{{p.numerator}}}{{{p.denominator}}}", size=34, color=color
            )
            label.next_to(base + prob_height * float(p) * UP, UP, buff=0.15)
            self.weight_labels.add(label)
        apex = self.line.n2p(self.state.fulcrum) + PLANK_HEIGHT * DOWN
        self.fulcrum = Triangle(fill_color=theme.ACCENT, fill_opacity=1.0, stroke_width=0)
        self.fulcrum.stretch_to_fit_width(FULCRUM_WIDTH).stretch_to_fit_height(FULCRUM_HEIGHT)
        self.fulcrum.move_to(apex, aligned_edge=UP)
        self.ground = Line(
            self.plank.get_corner(DOWN + np.array([-1.0, 0, 0])) + FULCRUM_HEIGHT * DOWN,
            self.plank.get_corner(DOWN + np.array([1.0, 0, 0])) + FULCRUM_HEIGHT * DOWN,
            color=theme.MUTED,
            stroke_width=3,
        )
        self.arms, self.arm_labels = VGroup(), VGroup()
        self.angle = 0.0
        # the weights join the group when they land (land_weights); until then they are
        # only the targets their sources turn into
        self.add(self.ground, self.fulcrum, self.plank, self.line)
        self._tilting: list[Mobject] = [self.plank, self.line, self.weights, self.weight_labels]

    # --- the model ------------------------------------------------------------------------
    def moment(self, fulcrum: float) -> float:
        """The net turning moment of the weights about ``fulcrum``."""
        return float(self.game.moment(fulcrum))

    def apex(self) -> npt.NDArray[np.float64]:
        """The fulcrum's tip: the point the beam turns about."""
        return np.asarray(self.fulcrum.get_top(), dtype=np.float64)

    def redraw(self) -> None:
        """Put the fulcrum at the state's value and tip the beam by the moment about it."""
        pivot = self.apex()
        for mob in self._tilting:
            mob.rotate(-self.angle, about_point=pivot)
        apex = self.line.n2p(self.state.fulcrum) + PLANK_HEIGHT * DOWN
        self.fulcrum.move_to(apex, aligned_edge=UP)
        self.angle = tilt_angle(
            self.moment(self.state.fulcrum), scale=self.moment_scale, max_angle=self.max_tilt
        )
        for mob in self._tilting:
            mob.rotate(self.angle, about_point=self.apex())

    # --- animations -----------------------------------------------------------------------
    def create(self, run_time: float = 1.5) -> Animation:
        """Draw the ground, the fulcrum, then the plank and its number line."""
        return AnimationGroup(
            Create(self.ground),
            FadeIn(self.fulcrum, shift=0.2 * UP),
            FadeIn(self.plank),
            Create(self.line),
            lag_ratio=0.3,
            run_time=run_time,
            group=self,
        )

    def weight_targets(self) -> list[Mobject]:
        """Every block, outcome by outcome, in order: the shapes sources turn into, standing
        on the beam where it lies now (level); the labels are put above them."""
        for x, stack, label in zip(
            self.game.outcomes, self.weights, self.weight_labels, strict=True
        ):
            base = self.line.n2p(float(x))
            for j, block in enumerate(stack):
                block.move_to(base + (j + 0.5) * block.height * UP)
            label.next_to(stack, UP, buff=0.15)
        return [block for stack in self.weights for block in stack]

    def land_weights(self) -> None:
        """Make the weights (and their labels) part of the beam: call once they have landed
        (their sources transformed into :meth:`weight_targets`, then removed)."""
        self.add(self.weights)
        self.redraw()

    def tip(self, run_time: float = 1.5) -> Animation:
        """Tip the beam under the weights, fulcrum where it stands."""
        start = self.angle
        target = tilt_angle(
            self.moment(self.state.fulcrum), scale=self.moment_scale, max_angle=self.max_tilt
        )
        state = _TipState(start)

        def redraw() -> None:
            pivot = self.apex()
            for mob in self._tilting:
                mob.rotate(state.angle - self.angle, about_point=pivot)
            self.angle = state.angle

        return StateTween(self, state, {"angle": target}, redraw, run_time=run_time)

    def slide_to(self, value: float, run_time: float = 2.0) -> Animation:
        """Slide the fulcrum to ``value``; the beam tips by the moment about it all the way."""
        return StateTween(
            self, self.state, {"fulcrum": float(value)}, self.redraw, run_time=run_time
        )

    def show_arms(self, run_time: float = 1.5) -> Animation:
        """Lever arms drawn as dimension lines under the ground, from the fulcrum to each
        weight, in its colour, each with its length written under it."""
        self.arms, self.arm_labels = VGroup(), VGroup()
        y = self.ground.get_y() - ARM_DROP
        for x, color in zip(self.game.outcomes, self.colors, strict=True):
            start, end = self.line.n2p(self.state.fulcrum), self.line.n2p(float(x))
            arm = DoubleArrow(
                np.array([start[0], y, 0.0]),
                np.array([end[0], y, 0.0]),
                buff=0,
                color=color,
                stroke_width=4,
                tip_length=0.18,
                max_tip_length_to_length_ratio=0.3,
            )
            length = abs(float(x) - self.state.fulcrum)
            label = theme.tex(f"{length:.0f}", size=32, color=color)
            label.next_to(arm, DOWN, buff=0.12)
            self.arms.add(arm)
            self.arm_labels.add(label)
        self.add(self.arms, self.arm_labels)
        return AnimationGroup(
            AnimationGroup(*(Create(a) for a in self.arms), lag_ratio=0.5),
            FadeIn(self.arm_labels),
            lag_ratio=0.7,
            run_time=run_time,
        )

    # --- read back ------------------------------------------------------------------------
    def _along(self, point: npt.ArrayLike) -> float:
        return float(self.line.point_to_number(np.asarray(point, dtype=float)))

    def _normal(self) -> npt.NDArray[np.float64]:
        start, end = self.line.get_start(), self.line.get_end()
        d = (end - start) / np.linalg.norm(end - start)
        return np.array([-d[1], d[0], 0.0])

    def _height_units(self, points: npt.ArrayLike) -> float:
        """The largest height of ``points`` above the line, measured across it (units)."""
        pts = np.asarray(points, dtype=float)
        return float(np.max((pts - self.line.get_start()) @ self._normal()))

    @reads_screen("geometry")
    def fulcrum_shown(self) -> float:
        """The value on the beam's number line above which the fulcrum's tip sits."""
        return self._along(self.apex())

    @reads_screen("geometry")
    def tilt_shown(self) -> float:
        """The beam's tilt in degrees (counter-clockwise positive), from its drawn ends."""
        start, end = self.line.get_start(), self.line.get_end()
        return math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))

    @reads_screen("geometry")
    def weights_shown(self) -> list[float]:
        """Each stack's height across the beam, in probability (height / prob_height)."""
        return [
            self._height_units(stack.get_all_points()) / self.prob_height for stack in self.weights
        ]

    @reads_screen("geometry")
    def positions_shown(self) -> list[float]:
        """The value on the number line under the middle of each stack."""
        out = []
        for stack in self.weights:
            bottom = stack[0].get_all_points()
            out.append(self._along(np.mean(bottom, axis=0)))
        return out

    @reads_screen("count")
    def blocks_shown(self) -> list[int]:
        """How many blocks are drawn in each stack (visible, standing on the beam)."""
        return [
            sum(1 for b in stack if b.get_fill_opacity() > theme.VISIBLE_OPACITY and b.width > 1e-3)
            for stack in self.weights
        ]

    @reads_screen("geometry")
    def arm_lengths_shown(self) -> list[float]:
        """Each lever arm's length along the number line (its ends read through the line)."""
        return [abs(self._along(a.get_end()) - self._along(a.get_start())) for a in self.arms]


@dataclass
class _TipState:
    angle: float


@dataclass
class _SpreadState:
    weigh: float = 0.0
    reshape: float = 0.0


class SpreadSquares(VGroup):
    """Squared deviations from the mean as squares on a level beam's number line.

    Piece ``i`` spans from the mean to outcome ``i`` along the line and stands that tall: a
    square of area (x − μ)². :meth:`weigh` squashes each to ``p`` of its height (area
    p·(x − μ)²) — for two outcomes the squashed pieces are equally tall (the balance
    p₁|x₁ − μ| = p₂|x₂ − μ|) and, meeting at the mean, form one rectangle — and
    :meth:`reshape` changes their height to the standard deviation, each piece's area kept
    and both still meeting at the mean: one square of area Var[X] and side σ.
    """

    def __init__(self, beam: BalanceBeam, *, opacity: float = 0.45) -> None:
        super().__init__()
        self.beam, self.game = beam, beam.game
        self.state = _SpreadState()
        self.mean = float(self.game.mean())
        self.sides = [abs(float(d)) for d in self.game.deviations()]
        self.probs = [float(p) for p in self.game.probabilities]
        self.areas = [float(a) for a in self.game.weighted_squares()]
        self.std = self.game.std()
        self.pieces = VGroup()
        for color in beam.colors:
            piece = Polygon(
                *[np.zeros(3)] * 4,
                stroke_color=color,
                stroke_width=3,
                fill_color=color,
                fill_opacity=opacity,
            )
            self.pieces.add(piece)
        self.add(self.pieces)
        self.redraw()

    def _intervals(self) -> list[tuple[float, float, float]]:
        """Each piece's (left, right, height) in the line's values, from the state: anchored
        at the mean, reaching towards its outcome."""
        s = self.state
        out = []
        for x, side, p, area in zip(
            self.game.outcomes, self.sides, self.probs, self.areas, strict=True
        ):
            squashed = side * p
            height = side + (squashed - side) * s.weigh
            height = height + (self.std - squashed) * s.reshape
            width = side if s.reshape == 0 else area / height
            if float(x) >= self.mean:
                out.append((self.mean, self.mean + width, height))
            else:
                out.append((self.mean - width, self.mean, height))
        return out

    def redraw(self) -> None:
        """Draw every piece from the state, on the beam's line (assumed level)."""
        line = self.beam.line
        unit = line.get_unit_size()
        for piece, (lo, hi, height) in zip(self.pieces, self._intervals(), strict=True):
            a, b = line.n2p(lo), line.n2p(hi)
            up = height * unit * UP
            piece.set_points_as_corners([a, b, b + up, a + up, a])

    def area_labels(self, font_size: int = 34) -> VGroup:
        """One number per piece, kept at the piece's centre and showing its drawn area
        (:meth:`areas_shown`) at every frame (updaters; ``clear_updaters`` to stop)."""
        labels = VGroup()
        for i, piece in enumerate(self.pieces):
            label = LiveDecimal(0, num_decimal_places=0, font_size=font_size, color=theme.TEXT)

            def update(mob: Mobject, i: int = i, piece: VMobject = piece) -> None:
                mob.set_value(float(self.areas_shown()[i]))
                mob.move_to(piece.get_center())

            label.add_updater(update)
            label.update(0)
            labels.add(label)
        return labels

    def _tween(self, key: str, run_time: float) -> Animation:
        return StateTween(self, self.state, {key: 1.0}, self.redraw, run_time=run_time)

    def grow(self, run_time: float = 1.5) -> Animation:
        """Grow each square up from its side on the line."""
        return AnimationGroup(
            *(
                _GrowUp(piece, self.beam.line.get_center()[1], run_time=run_time)
                for piece in self.pieces
            ),
            lag_ratio=0.4,
        )

    def weigh(self, run_time: float = 1.5) -> Animation:
        """Squash each square to its probability's share of its height."""
        return self._tween("weigh", run_time)

    def reshape(self, run_time: float = 2.0) -> Animation:
        """Change the pieces' height to σ, their areas kept: one square of side σ."""
        return self._tween("reshape", run_time)

    # --- read back ------------------------------------------------------------------------
    def _rect_values(self, piece: VMobject) -> npt.NDArray[np.float64]:
        """A piece's corners in the line's values: (along, across) per corner."""
        line = self.beam.line
        unit = line.get_unit_size()
        corners = piece.get_anchors()
        along = np.array([float(line.point_to_number(c)) for c in corners])
        across = (corners - line.get_start()) @ self.beam._normal() / unit
        return np.column_stack([along, across])

    @reads_screen("area")
    def areas_shown(self) -> list[float]:
        """Each piece's area in squared values (shoelace over its corners, read through the
        beam's number line)."""
        out = []
        for piece in self.pieces:
            xy = self._rect_values(piece)
            x, y = xy[:, 0], xy[:, 1]
            out.append(0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))))
        return out

    @reads_screen("geometry")
    def sides_shown(self) -> list[list[float]]:
        """Each piece's width along the line and height across it, in the line's values."""
        out = []
        for piece in self.pieces:
            xy = self._rect_values(piece)
            out.append([float(np.ptp(xy[:, 0])), float(np.ptp(xy[:, 1]))])
        return out

    @reads_screen("geometry")
    def outline_shown(self) -> list[float]:
        """The joined pieces' outline: its width along the line and its height, in values."""
        xy = np.vstack([self._rect_values(p) for p in self.pieces])
        return [float(np.ptp(xy[:, 0])), float(np.ptp(xy[:, 1]))]


class _GrowUp(Animation):
    """Grow a piece from its bottom edge (on the line at height ``base_y``) to full height."""

    def __init__(self, mobject: VMobject, base_y: float, **kwargs: object) -> None:
        self.base_y = base_y
        super().__init__(mobject, **kwargs)  # type: ignore[arg-type]

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        start = self.starting_mobject.points
        t = self.rate_func(alpha)
        pts = start.copy()
        pts[:, 1] = self.base_y + (start[:, 1] - self.base_y) * max(t, 1e-3)
        self.mobject.points = pts
