"""A function drawn two ways: a machine that turns input tokens into outputs, and a mapping.

:class:`Token` is a value on a coloured tile, its digits typeset. :class:`FunctionMachine`
draws a :class:`~mathviz.maths.functions.Rule` as a box with an input hopper on the left, an
output chute on the right, its formula on the front and two gears inside that turn while it
works; :meth:`FunctionMachine.feed` sends a copy of a token in through the hopper and a new
token, showing the rule's value, out through the chute. :class:`Pipeline` chains machines
like middleware, each output token sitting between two machines as the next one's input, so
every intermediate value stays on screen.

:class:`MappingDiagram` draws a finite :class:`~mathviz.maths.functions.Relation`: the domain
and the codomain as two ovals of labelled dots, one arrow per pair, and a column counting the
arrows that leave each input (the counters follow the drawn arrows).

Read-backs look at the drawing: a token's value is its typeset digits; which element an arrow
joins is found from the arrow's drawn start and tip (the nearest dot in each oval); arrows are
counted where they are visibly drawn.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Circle,
    Create,
    Dot,
    Ellipse,
    FadeIn,
    Group,
    Line,
    ManimColor,
    Mobject,
    Polygon,
    RoundedRectangle,
    Star,
    VGroup,
)
from manim.animation.animation import Animation
from manim.utils.rate_functions import smooth

from mathviz import theme
from mathviz.maths.functions import Relation, Rule
from mathviz.primitives.motion import Scripted
from mathviz.primitives.readout import live_number_class
from mathviz.readings import Printed, printed, reads_screen

__all__ = [
    "MACHINE_FILL",
    "TOKEN_TEXT",
    "Token",
    "FunctionMachine",
    "Feed",
    "Pipeline",
    "MappingDiagram",
]

#: the machine's body: a dark panel a shade lighter than the background
MACHINE_FILL = ManimColor("#1B2430")
#: digits on a token's tile (dark on the tile's light colour)
TOKEN_TEXT = theme.BACKGROUND
#: how much an arrow's slope is exaggerated where it stops short of its target dot, and how
#: far beyond the dot's rim it stops
FAN, TIP_GAP = 5.0, 0.22
#: a token's size inside a machine, as a share of its size outside
INSIDE = 0.7


def _point(x: float, y: float) -> np.ndarray:
    return np.array([x, y, 0.0])


def _ease(t: float, start: float, end: float) -> float:
    """``t`` in ``[start, end]`` mapped to ``[0, 1]`` and smoothed; clamped outside."""
    if t <= start:
        return 0.0
    if t >= end:
        return 1.0
    return float(smooth((t - start) / (end - start)))


def _along(points: Sequence[np.ndarray], s: float) -> np.ndarray:
    """The point a share ``s`` of the way along the polyline ``points`` (by length)."""
    pts = [np.asarray(p, dtype=float) for p in points]
    lengths = [float(np.linalg.norm(b - a)) for a, b in zip(pts, pts[1:], strict=False)]
    total = sum(lengths) or 1.0
    target = min(max(s, 0.0), 1.0) * total
    for a, b, length in zip(pts, pts[1:], lengths, strict=False):
        if target <= length:
            return np.asarray(a + (b - a) * (target / length if length else 0.0), dtype=float)
        target -= length
    return pts[-1]


def value_text(value: Fraction | int) -> str:
    """How a token writes its value: an integer as is, anything else as a decimal."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):g}"


class Token(VGroup):
    """A value on a rounded tile: what travels through the machines.

    Parameters
    ----------
    value
        The value written on the tile.
    color
        The tile's fill (the digits are dark on it).
    size, height
        Font size of the digits and height of the tile (scene units).
    """

    def __init__(
        self, value: Fraction | int, color: ManimColor, *, size: int = 44, height: float = 0.8
    ) -> None:
        self.value = Fraction(value)
        self.label = theme.tex(value_text(self.value), size=size, color=TOKEN_TEXT)
        self.tile = RoundedRectangle(
            corner_radius=0.16,
            width=max(height * 1.15, self.label.width + 0.45),
            height=height,
            stroke_width=0,
            fill_color=color,
            fill_opacity=1.0,
        )
        self.label.move_to(self.tile)
        super().__init__(self.tile, self.label)
        self.name = f"token {value_text(self.value)}"

    @property
    def value_shown(self) -> Printed:
        """The value as its digits are typeset on the tile."""
        return printed(self.label)

    def show_at_opacity(self, opacity: float) -> None:
        """Set the tile and the digits to ``opacity`` (0 hides the token)."""
        self.tile.set_fill(opacity=opacity)
        self.label.set_fill(opacity=opacity)


class FunctionMachine(VGroup):
    """A :class:`Rule` as a machine: body, hopper on the left, chute on the right, formula on
    the front and two gears that turn while it works.

    Parameters
    ----------
    rule
        The function the machine computes.
    color
        Its outline, the formula's name and the tokens it emits.
    center
        The body's centre.
    width, height
        The body's size; the hopper and the chute add ``mouth`` on either side.
    formula_size
        Font size of the formula on the front.
    """

    def __init__(
        self,
        rule: Rule,
        color: ManimColor,
        *,
        center: Sequence[float] = (0.0, 0.0),
        width: float = 2.6,
        height: float = 1.6,
        mouth: float = 0.55,
        formula_size: int = 34,
    ) -> None:
        super().__init__()
        self.rule, self.color, self.mouth = rule, ManimColor(color), mouth
        cx, cy = float(center[0]), float(center[1])
        self.body = RoundedRectangle(
            corner_radius=0.18,
            width=width,
            height=height,
            stroke_color=color,
            stroke_width=4,
            fill_color=MACHINE_FILL,
            fill_opacity=1.0,
        ).move_to(_point(cx, cy))
        self.body.name = f"machine {rule.name}"
        left, right = cx - width / 2, cx + width / 2
        inner, outer = 0.26 * height, 0.42 * height
        self.hopper = Polygon(
            _point(left - mouth, cy + outer),
            _point(left, cy + inner),
            _point(left, cy - inner),
            _point(left - mouth, cy - outer),
            stroke_color=color,
            stroke_width=4,
            fill_color=MACHINE_FILL,
            fill_opacity=1.0,
        )
        self.hopper.name = f"hopper of {rule.name}"
        self.chute = Polygon(
            _point(right, cy + inner),
            _point(right + mouth, cy + outer),
            _point(right + mouth, cy - outer),
            _point(right, cy - inner),
            stroke_color=color,
            stroke_width=4,
            fill_color=MACHINE_FILL,
            fill_opacity=1.0,
        )
        self.chute.name = f"chute of {rule.name}"
        name, rest = rule.formula().split("=", 1)
        self.formula = theme.tex(name + "=", rest, size=formula_size, color=theme.TEXT)
        self.formula[0].set_color(color)
        self.formula.move_to(_point(cx, cy + 0.24 * height))
        #: where a token sits inside the body while the gears turn: low, between the gears
        self.core = _point(cx, cy - 0.2 * height)
        gear_r = 0.16 * height
        self.gears = VGroup(
            *(
                Star(
                    n=8,
                    outer_radius=gear_r,
                    inner_radius=0.72 * gear_r,
                    stroke_color=theme.MUTED,
                    stroke_width=3,
                ).move_to(_point(cx + dx * (width / 2 - 2.2 * gear_r), cy - 0.2 * height))
                for dx in (-1.0, 1.0)
            )
        )
        self.gears[1].rotate(np.pi / 8)
        self.gears.name = f"gears of {rule.name}"
        self.add(self.hopper, self.chute, self.body, self.formula, self.gears)

    # --- geometry ------------------------------------------------------------------------
    @property
    def inlet(self) -> np.ndarray:
        """The hopper's mouth, where tokens enter."""
        return np.asarray(self.hopper.get_left(), dtype=float)

    @property
    def outlet(self) -> np.ndarray:
        """The chute's mouth, where tokens leave."""
        return np.asarray(self.chute.get_right(), dtype=float)

    # --- animations ----------------------------------------------------------------------
    def create(self) -> Animation:
        """Draw the machine: outline, then formula and gears."""
        return AnimationGroup(
            Create(VGroup(self.hopper, self.chute, self.body)),
            FadeIn(VGroup(self.formula, self.gears)),
            lag_ratio=0.5,
        )

    def feed(
        self, source: Token, destination: npt.ArrayLike, *, value: Fraction | None = None
    ) -> Feed:
        """Send a copy of ``source`` in through the hopper and a new token out to
        ``destination``, showing the rule applied to the value on ``source``.

        The copy travels in through the hopper to the body's core, shrinking (first third);
        the gears turn while it turns into the output token (middle third); the output leaves
        through the chute, growing back, and slides to ``destination`` (last third).
        ``source`` itself stays where it is. ``value`` overrides what comes out (default:
        the rule applied to the value on ``source``).
        """
        out_value = self.rule(source.value) if value is None else Fraction(value)
        traveller = source.copy()
        traveller.name = f"{source.name} travelling into {self.rule.name}"
        result = Token(out_value, self.color, size=_font_size(source), height=source.tile.height)
        start = source.get_center()
        goal = np.array([*np.asarray(destination, dtype=float)[:2], 0.0])
        core = self.core
        path_in = [start, self.inlet + 0.35 * LEFT, self.inlet, core]
        path_out = [core, self.outlet, self.outlet + 0.35 * RIGHT, goal]
        angles, scales = [0.0, 0.0], {id(traveller): 1.0, id(result): 1.0}

        def resize(token: Token, scale: float) -> None:
            token.scale(scale / scales[id(token)])
            scales[id(token)] = scale

        def update(t: float) -> None:
            go_in, work, go_out = _ease(t, 0.0, 0.34), _ease(t, 0.34, 0.66), _ease(t, 0.66, 1.0)
            # the input fades before the output appears: their digits never overlap
            fade_out, fade_in = _ease(t, 0.36, 0.44), _ease(t, 0.44, 0.52)
            resize(traveller, 1.0 - (1.0 - INSIDE) * _ease(go_in, 0.5, 1.0))
            traveller.move_to(_along(path_in, go_in))
            traveller.show_at_opacity(1.0 - fade_out)
            for i, gear in enumerate(self.gears):
                turn = (1 if i == 0 else -1) * 1.5 * np.pi * work
                gear.rotate(turn - angles[i])
                angles[i] = turn
            resize(result, INSIDE + (1.0 - INSIDE) * _ease(go_out, 0.0, 0.5))
            result.move_to(_along(path_out, go_out))
            result.show_at_opacity(fade_in)

        update(0.0)
        animation = Scripted(Group(traveller, result, self.gears), update, discard=[traveller])
        return Feed(animation, result, traveller)

    def spin(self, turns: float = 1.0) -> Animation:
        """Turn the gears (idle motion while the machine is described)."""
        angles = [0.0, 0.0]

        def update(t: float) -> None:
            for i, gear in enumerate(self.gears):
                turn = (1 if i == 0 else -1) * 2 * np.pi * turns * t
                gear.rotate(turn - angles[i])
                angles[i] = turn

        return Scripted(self.gears, update, rate_func=smooth)


def _font_size(token: Token) -> int:
    return int(round(getattr(token.label, "font_size", 44)))


@dataclass(frozen=True)
class Feed:
    """What :meth:`FunctionMachine.feed` returns: the animation, the token that comes out
    (on screen once the animation has played) and the copy that went in (taken off the
    scene when the animation ends)."""

    animation: Animation
    output: Token
    traveller: Token


class Pipeline(VGroup):
    """Machines in a row, joined by pipes, with a slot for a token before, between and after
    them: ``slots[0]`` holds the input, ``slots[i + 1]`` the output of machine ``i``.

    Parameters
    ----------
    stages
        The rules in the order data flows through them (``[g, f]`` for f ∘ g).
    colors
        One colour per stage.
    y, left, right
        The row's height and horizontal extent (scene units).
    """

    def __init__(
        self,
        stages: Sequence[Rule],
        colors: Sequence[ManimColor],
        *,
        y: float = 0.0,
        left: float = -6.6,
        right: float = 6.6,
        width: float = 2.5,
        height: float = 1.6,
        mouth: float = 0.55,
    ) -> None:
        super().__init__()
        n = len(stages)
        machine_span = width + 2 * mouth
        slot = (right - left - n * machine_span) / (n + 1)
        if slot < 1.0:
            raise ValueError("the row is too narrow for its machines and tokens")
        self.slots = [_point(left + slot / 2 + i * (slot + machine_span), y) for i in range(n + 1)]
        self.machines = [
            FunctionMachine(
                rule,
                color,
                center=(left + slot + machine_span / 2 + i * (slot + machine_span), y),
                width=width,
                height=height,
                mouth=mouth,
            )
            for i, (rule, color) in enumerate(zip(stages, colors, strict=True))
        ]
        self.pipes = VGroup(
            *(
                Line(
                    _point(left + 0.1, y) if i == 0 else self.machines[i - 1].outlet,
                    self.machines[i].inlet if i < n else _point(right - 0.1, y),
                    stroke_color=theme.GRID,
                    stroke_width=10,
                )
                for i in range(n + 1)
            )
        )
        self.pipes.name = "pipes"
        self.tokens: list[Token | None] = [None] * (n + 1)
        self.add(self.pipes, *self.machines)

    def create(self) -> Animation:
        """Draw the pipes and the machines."""
        return AnimationGroup(
            Create(self.pipes), *(m.create() for m in self.machines), lag_ratio=0.25
        )

    def put(self, value: Fraction | int, color: ManimColor, **token_kwargs: Any) -> Animation:
        """Bring the input token into slot 0."""
        token = Token(value, color, **token_kwargs).move_to(self.slots[0])
        self.tokens[0] = token
        return FadeIn(token, shift=0.3 * DOWN)

    def stage(self, i: int) -> Animation:
        """Run machine ``i`` on the token in slot ``i``; its output lands in slot ``i + 1``."""
        source = self.tokens[i]
        if source is None:
            raise ValueError(f"slot {i} holds no token yet")
        feed = self.machines[i].feed(source, self.slots[i + 1])
        self.tokens[i + 1] = feed.output
        return feed.animation

    def token(self, slot: int) -> Token:
        """The token in ``slot``."""
        token = self.tokens[slot]
        if token is None:
            raise ValueError(f"slot {slot} holds no token")
        return token

    def value_shown(self, slot: int) -> Printed:
        """The value typeset on the token in ``slot``."""
        return self.token(slot).value_shown


class MappingDiagram(VGroup):
    """A finite relation as two ovals of labelled dots joined by arrows, with a column that
    counts the arrows leaving each input.

    Parameters
    ----------
    relation
        Domain, codomain and arrows; :meth:`create` draws the ovals and elements,
        :meth:`draw_arrows` the relation's arrows, :meth:`add_arrow` one more.
    labels
        How each element is written (default: ``str``).
    domain_center, codomain_center
        Centres of the two ovals.
    size
        Width and height of each oval.
    domain_step
        Vertical distance between the domain's dots; codomain elements sit at ``codomain_y``
        (default: evenly spread over the same height).
    """

    def __init__(
        self,
        relation: Relation[Any, Any],
        *,
        labels: Mapping[Hashable, str] | None = None,
        domain_center: Sequence[float] = (-2.6, -0.6),
        codomain_center: Sequence[float] = (2.6, -0.6),
        size: tuple[float, float] = (2.6, 5.6),
        domain_step: float = 0.95,
        codomain_y: Sequence[float] | None = None,
        titles: tuple[str, str] = ("domain", "codomain"),
        arrow_color: ManimColor = theme.VECTOR_SECOND,
        label_size: int = 36,
        counter_size: int = 44,
    ) -> None:
        super().__init__()
        self.relation, self.arrow_color = relation, ManimColor(arrow_color)
        labels = labels or {}
        dx, dy = float(domain_center[0]), float(domain_center[1])
        cx, cy = float(codomain_center[0]), float(codomain_center[1])
        self.ovals = VGroup(
            Ellipse(
                width=size[0], height=size[1], stroke_color=theme.MUTED, stroke_width=3
            ).move_to(_point(dx, dy)),
            Ellipse(
                width=size[0], height=size[1], stroke_color=theme.MUTED, stroke_width=3
            ).move_to(_point(cx, cy)),
        )
        self.ovals[0].name, self.ovals[1].name = "domain oval", "codomain oval"
        self.titles = VGroup(
            *(
                theme.text(title, size=theme.LABEL_SIZE, color=theme.MUTED).next_to(
                    oval, UP, buff=0.2
                )
                for title, oval in zip(titles, self.ovals, strict=True)
            )
        )
        n = len(relation.domain)
        ys = [dy + domain_step * ((n - 1) / 2 - i) for i in range(n)]
        m = len(relation.codomain)
        if codomain_y is None:
            span = domain_step * (n - 1)
            codomain_y = [cy + span * ((m - 1) / 2 - j) / max(m - 1, 1) for j in range(m)]
        self.domain_dots = [Dot(_point(dx + 0.5, y), radius=0.1, color=theme.TEXT) for y in ys]
        self.codomain_dots = [
            Dot(_point(cx - 0.85, float(y)), radius=0.13, color=theme.TEXT) for y in codomain_y
        ]
        self.domain_labels = [
            theme.text(labels.get(x, str(x)), size=label_size).next_to(dot, LEFT, buff=0.3)
            for x, dot in zip(relation.domain, self.domain_dots, strict=True)
        ]
        self.codomain_labels = [
            theme.text(labels.get(y, str(y)), size=label_size).next_to(dot, RIGHT, buff=0.25)
            for y, dot in zip(relation.codomain, self.codomain_dots, strict=True)
        ]
        self.elements = VGroup(
            *self.domain_dots, *self.codomain_dots, *self.domain_labels, *self.codomain_labels
        )
        counter_x = dx - size[0] / 2 - 0.7
        number = live_number_class()
        self.counters = [
            number(0, num_decimal_places=0, font_size=counter_size, color=theme.ACCENT).move_to(
                _point(counter_x, y)
            )
            for y in ys
        ]
        self.counter_title = theme.text("arrows out", size=theme.LABEL_SIZE, color=theme.ACCENT)
        self.counter_title.next_to(self.counters[0], UP, buff=0.35)
        self.counter_column = VGroup(self.counter_title, *self.counters)
        self.arrows: list[tuple[Hashable, Hashable, Arrow]] = []
        self.arrow_group = VGroup()
        # the counter column joins the scene on its own, when :meth:`show_counters` plays
        self.add(self.ovals, self.titles, self.elements, self.arrow_group)

    # --- drawing -----------------------------------------------------------------------
    def create(self) -> Animation:
        """Draw the ovals, their titles and the elements."""
        return AnimationGroup(
            Create(self.ovals),
            FadeIn(self.titles),
            FadeIn(self.elements, lag_ratio=0.1),
            lag_ratio=0.3,
        )

    def _arrow(self, source: Hashable, target: Hashable, color: ManimColor) -> Arrow:
        start = self.domain_dots[self.relation.domain.index(source)].get_center()
        end_dot = self.codomain_dots[self.relation.codomain.index(target)]
        end = end_dot.get_center()
        direction = (end - start) / np.linalg.norm(end - start)
        # arrows into one dot fan out around it: each stops on a ring about the dot, at an
        # angle that exaggerates its slope, so no two tips land on one another
        back = start - end
        fan = np.array([back[0], FAN * back[1], 0.0])
        stop = end + (end_dot.radius + TIP_GAP) * fan / np.linalg.norm(fan)
        arrow = Arrow(
            start + 0.16 * direction,
            stop,
            buff=0.0,
            stroke_width=4,
            color=color,
            max_tip_length_to_length_ratio=0.12,
            tip_length=0.2,
        )
        arrow.name = f"arrow {source} → {target}"
        return arrow

    def add_arrow(
        self, source: Hashable, target: Hashable, color: ManimColor | None = None
    ) -> Animation:
        """Grow one arrow from ``source`` to ``target``."""
        from manim import GrowArrow

        arrow = self._arrow(source, target, color or self.arrow_color)
        self.arrows.append((source, target, arrow))
        self.arrow_group.add(arrow)
        return GrowArrow(arrow)

    def draw_arrows(self) -> Animation:
        """Grow the relation's arrows one after another, in its order."""
        from manim import LaggedStart

        return LaggedStart(*(self.add_arrow(s, t) for s, t in self.relation.arrows), lag_ratio=0.6)

    def show_counters(self) -> Animation:
        """Bring in the column of arrow counts."""
        return FadeIn(self.counter_column, shift=0.2 * RIGHT)

    def follow_counts(self) -> None:
        """Keep every counter showing the arrows drawn from its input (an updater each),
        in the accent colour while it is one and in :data:`~mathviz.theme.BAD` otherwise."""
        for i, counter in enumerate(self.counters):

            def update(mob: Mobject, i: int = i) -> None:
                count = int(self.arrows_per_input_shown()[i])
                if float(mob.get_value()) != count:
                    centre = mob.get_center()
                    mob.set_value(count)
                    mob.move_to(centre)
                    mob.set_color(theme.ACCENT if count == 1 else theme.BAD)

            counter.add_updater(update)
            update(counter)

    def counter_shown(self, i: int) -> Printed:
        """The count typeset beside input ``i``."""
        return printed(self.counters[i])

    # --- read-backs ----------------------------------------------------------------------
    def _visible_arrows(self) -> list[Arrow]:
        return [
            a
            for _, _, a in self.arrows
            if a.get_stroke_opacity() > theme.VISIBLE_OPACITY
            and float(np.linalg.norm(a.get_end() - a.get_start())) > 0.05
        ]

    def _ends(self) -> list[tuple[int, int]]:
        """For each visible arrow: the domain dot nearest its start, the codomain dot nearest
        its tip (indices), from the drawn geometry."""
        domain = np.array([d.get_center() for d in self.domain_dots])
        codomain = np.array([d.get_center() for d in self.codomain_dots])
        ends = []
        for arrow in self._visible_arrows():
            start, tip = arrow.get_start(), arrow.get_end()
            i = int(np.argmin(np.linalg.norm(domain - start, axis=1)))
            j = int(np.argmin(np.linalg.norm(codomain - tip, axis=1)))
            ends.append((i, j))
        return ends

    @reads_screen("count")
    def arrows_per_input_shown(self) -> list[int]:
        """How many drawn arrows leave each input, in domain order."""
        counts = [0] * len(self.domain_dots)
        for i, _ in self._ends():
            counts[i] += 1
        return counts

    @reads_screen("count")
    def arrows_shown(self) -> int:
        """How many arrows are drawn."""
        return len(self._visible_arrows())

    @reads_screen("geometry")
    def mapping_shown(self) -> list[int]:
        """Where each input's one arrow points: the codomain index per input, read from the
        arrows' drawn ends. An input with no arrow or several is refused."""
        targets: dict[int, list[int]] = {}
        for i, j in self._ends():
            targets.setdefault(i, []).append(j)
        bad = [i for i in range(len(self.domain_dots)) if len(targets.get(i, [])) != 1]
        if bad:
            raise ValueError(f"inputs {bad} do not have exactly one arrow: not a function")
        return [targets[i][0] for i in range(len(self.domain_dots))]

    @reads_screen("geometry")
    def targets_shown(self, i: int) -> list[int]:
        """The codomain indices the drawn arrows from input ``i`` point at, sorted."""
        return sorted(j for k, j in self._ends() if k == i)

    def ring(self, source: Hashable, color: ManimColor = theme.BAD) -> Circle:
        """A ring around an input's dot and label (to flag it)."""
        i = self.relation.domain.index(source)
        target = VGroup(self.domain_dots[i], self.domain_labels[i])
        ring = Circle(radius=target.width / 2 + 0.2, stroke_color=color, stroke_width=5)
        ring.move_to(target)
        ring.name = f"ring around {source}"
        return ring
