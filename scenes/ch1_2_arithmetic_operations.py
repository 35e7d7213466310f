"""1.2 Arithmetic Operations: doubles are ticks on the line, and every sum lands on one.

A number line from 0 to 1 zooms in on 0.3, one power of ten at a time, until the solid band
of doubles breaks into separate ticks 5.55e-17 apart (``math.ulp(0.3)``). The literal 0.3
is not on the ruler's 3/10 but on the nearest tick, a fifth of a tick below; the stored 0.1
and 0.2 add up to a point exactly halfway between two ticks, and the tie rounds to the even
one — the tick to the right of 0.3, 5.551115123125783e-17 away. Then the same line, zoomed
in on 1e16 where the doubles are 2 apart, sums ``[1e16] + [1.0] * 10`` in both orders:
left to right every 1 is rounded away, ones first they survive as 10 — two results five
ticks apart.

Every number is read back from the drawing: markers through the line's own geometry (exact
fractions of the window), the typed REPL outputs, the readouts' digits.
"""

from __future__ import annotations

import contextlib
import math
from decimal import Decimal, getcontext
from fractions import Fraction

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    AddTextLetterByLetter,
    AnimationGroup,
    Circle,
    Circumscribe,
    DoubleArrow,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Indicate,
    Line,
    ManimColor,
    MathTex,
    Text,
    VGroup,
)

from mathviz import theme
from mathviz.maths.floats import Window, ZoomPath, accumulate, exact, zoom_windows
from mathviz.primitives.number_line import (
    DOUBLE_TICK_HEIGHT,
    ScientificReadout,
    ZoomableNumberLine,
    split_scientific,
)
from mathviz.primitives.panel import card_for
from mathviz.primitives.readout import Readout
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene

getcontext().prec = 80  # Decimal(x) of a double is exact; keep its differences exact too

#: the line's place on screen (lower in the second part, where the legend sits above it)
LEFT_END, RIGHT_END, LINE_Y, LINE_Y_BIG = -6.0, 6.0, 0.85, 0.15
#: the zoom on 0.3: [0, 1], then 1e-8 wide, then 5e-16 wide with 3/10 in the middle
FOCUS = Fraction(3, 10)
ZOOM = zoom_windows(FOCUS, Window.of(0, 1), ["1e-8", "5e-16"], "0.5")
#: the sums of the second part: [1e16] + [1.0] * 10, in both orders
BIG, ONES = 1e16, 10
XS = [BIG] + [1.0] * ONES
NEAR_BIG = Window.of(int(BIG) - 4, int(BIG) + 16)
WIDE = Window.of(0, 2 * int(BIG))
#: where the REPL and the readouts sit
REPL_TOP_LEFT = np.array([1.05, -0.5, 0.0])
NOTES_TOP_LEFT = np.array([-6.75, -0.6, 0.0])
#: the same, in the second part (the line is lower there)
REPL_TOP_LEFT_BIG = np.array([1.05, -1.05, 0.0])
NOTES_TOP_LEFT_BIG = np.array([-6.75, -1.15, 0.0])
MONO_SIZE = 22
#: a readout's unit: "ticks", a thin space after the number
TICKS = r"\text{ticks}"

#: colours: doubles are the line's yellow; each marker its own hue
C_01, C_02 = theme.BASIS_I, theme.PROJECTION
C_03, C_SUM = theme.VECTOR_SECOND, theme.VECTOR_SUM
C_EXACT = theme.TEXT


def decimal_ticks(a: float, b: float) -> Decimal:
    """``(b − a) / ulp(a)`` in exact decimal arithmetic: how many doubles apart ``b`` is."""
    return (Decimal(b) - Decimal(a)) / Decimal(math.ulp(a))


def mono(content: str, *, color: ManimColor = theme.TEXT, size: int = MONO_SIZE) -> Text:
    """One line of code or output in the monospaced font."""
    return Text(content, font=theme.MONO_FONT, font_size=size, color=color)


def tex_label(content: str, color: ManimColor, size: int = 38) -> MathTex:
    """A marker's label: the literal it stands for, as a formula."""
    return theme.tex(content, size=size, color=color)


class Repl(VGroup):
    """A Python session on a card: lines laid out in full, then typed one by one."""

    def __init__(self, lines: list[tuple[str, ManimColor]], top_left: np.ndarray) -> None:
        rows = [mono(text, color=color) for text, color in lines]
        body = VGroup(*rows).arrange(DOWN, aligned_edge=LEFT, buff=0.13)
        body.move_to(top_left, aligned_edge=UP + LEFT)
        card = card_for(body)
        card.set_fill(opacity=0.0).set_stroke(opacity=0.0)
        super().__init__(card, *rows)
        self.card, self.rows = card, rows
        for row in rows:
            row.set_opacity(0.0)

    def show_card(self) -> FadeIn:
        self.card.set_fill(opacity=0.94).set_stroke(opacity=1.0)
        return FadeIn(self.card)

    def type(self, i: int) -> AddTextLetterByLetter:
        self.rows[i].set_opacity(1.0)
        return AddTextLetterByLetter(self.rows[i])


def ticks_readout(label_tex: str) -> Readout:
    """``label = 1.0 ticks``: a distance on the line in ticks (one decimal), the unit set off
    from the number by a space."""
    readout = Readout(label_tex, 0.0, decimals=1, size=32, unit=TICKS)
    readout.number.unit_buff_per_font_unit = 0.005
    return readout.set(0.0)


def legend() -> VGroup:
    """What the line's ticks and rings are: a double, the decimal ruler, an exact value."""
    rows = VGroup()
    for glyph, words in (
        (
            Line(0.18 * DOWN, 0.18 * UP, stroke_color=theme.ACCENT, stroke_width=4.5),
            "a double: a value a float can hold",
        ),
        (
            Line(0.18 * DOWN, 0.18 * UP, stroke_color=theme.MUTED, stroke_width=3),
            "decimal ruler, exact",
        ),
        (Circle(radius=0.1, stroke_color=C_EXACT, stroke_width=3), "an exact value, not a double"),
    ):
        words_mob = theme.text(words, size=theme.LABEL_SIZE, color=theme.TEXT)
        glyph.move_to(ORIGIN)  # one column of glyphs, the words starting at one x
        words_mob.move_to(0.38 * RIGHT, aligned_edge=LEFT)
        rows.add(VGroup(glyph, words_mob))
    rows.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
    for row in rows:
        row[0].set_x(rows[0][0].get_x())
        row[1].set_x(rows[0][1].get_left()[0], direction=LEFT)
    rows.move_to(NOTES_TOP_LEFT, aligned_edge=UP + LEFT)
    return rows


class ArithmeticOperations(LectureScene):
    chapter_id = "1.2"

    def construct(self) -> None:
        self.open_chapter("Why is 0.1 plus 0.2 not 0.3 in Python?")
        self.line = ZoomableNumberLine(ZOOM[0], left=LEFT_END, right=RIGHT_END, y=LINE_Y)
        self.width = ScientificReadout(r"\text{window width}", 1.0, size=34)
        self.width.to_corner(UP + LEFT, buff=0.45)
        self.legend = legend()
        self.repl = Repl(
            [
                (">>> 0.1 + 0.2", theme.TEXT),
                (repr(0.1 + 0.2), C_SUM),
                (">>> 0.1 + 0.2 == 0.3", theme.TEXT),
                ("False", theme.BAD),
                (">>> 0.1 + 0.2 - 0.3", theme.TEXT),
                (repr(0.1 + 0.2 - 0.3), theme.ACCENT),
                (">>> math.ulp(0.3)", theme.TEXT),
                (repr(math.ulp(0.3)), theme.ACCENT),
            ],
            REPL_TOP_LEFT,
        )
        for i in (0, 2, 4, 6):
            self.declare_shown(self.repl.rows[i], "Python input typed in the REPL")
        with contextlib.ExitStack() as held:
            self.first_look(held)
            self.zoom_beats()
            self.three_tenths_beat()
            self.sum_beats()
        self.play(*(FadeOut(m) for m in self.mobjects), run_time=0.8)
        self.order_beats()
        self.close_chapter(
            "Floats are a grid: compare with a tolerance, sum with care.",
            "Every float sum lands on a tick, so compare floats with a tolerance and add "
            "small numbers first.",
        )

    # --- the line from 0 to 1 --------------------------------------------------------------
    def first_look(self, held: contextlib.ExitStack) -> None:
        line = self.line
        literals = {"0.1": C_01, "0.2": C_02, "0.3": C_03}
        self.literal_labels = {}
        for text, color in literals.items():
            label = tex_label(text, color)
            self.literal_labels[text] = label
            line.add_marker(text, exact(float(text)), color=color, label=label, height=1.1)
        line.conceal()
        repl = self.repl
        self.add(line, repl)
        with self.beat(
            "Ask Python for 0.1 plus 0.2 and it prints a number a hair above 0.3. Here is the "
            "line from zero to one, with 0.1, 0.2 and 0.3 marked. The yellow band holds the "
            "doubles, every value a float can store, packed too tightly to tell apart."
        ) as b:
            self.play(repl.show_card(), run_time=0.4)
            self.play(repl.type(0), run_time=b.sentence(0) * 0.4)
            b.say(0, repl.type(1))
            self.checkpoint(
                "sum_typed", printed(repl.rows[1]), expected=float(Decimal(0.1) + Decimal(0.2))
            )
            self.play(line.reveal("ruler"), run_time=b.sentence(1) * 0.6)
            b.say(
                1,
                AnimationGroup(*(line.drop(key) for key in literals), lag_ratio=0.35),
            )
            self.hold_the_ruler(held, line)  # from here on, while it zooms
            b.say(2, line.reveal("doubles"), FadeIn(self.legend[:2], lag_ratio=0.3))
            self.checkpoint(
                "literal_markers_on_[0,1]",
                [line.value_shown(key) for key in literals],
                expected=[float(Fraction(key)) for key in literals],
                tol=1e-9,
            )
            self.checkpoint(
                "literal_marker_labels",
                [printed(label) for label in self.literal_labels.values()],
                expected=[float(Decimal(key)) for key in literals],
            )

    def hold_the_ruler(
        self,
        held: contextlib.ExitStack,
        line: ZoomableNumberLine,
        tag: str = "",
        *,
        digits: bool = True,
    ) -> None:
        """While the line zooms, every visible label sits where its typed value belongs in
        the window, and (``digits``) its digits name the value under it to the last digit
        shown — at 1e16 scale a float screen position cannot resolve a unit, so there the
        digits are held only once the window is narrow."""
        held.enter_context(
            self.invariant(
                "ruler labels sit where their typed values belong" + tag,
                lambda: (line.typed_label_places(), line.label_places_shown()),
                tol=1e-6,
            )
        )
        if digits:
            self.hold_label_digits(held, line, tag)

    def hold_label_digits(
        self, held: contextlib.ExitStack, line: ZoomableNumberLine, tag: str = ""
    ) -> None:
        held.enter_context(
            self.invariant(
                "ruler labels name the values under them" + tag,
                lambda: (line.label_readings(), line.label_values_shown()),
            )
        )

    def width_invariant(
        self, line: ZoomableNumberLine, name: str
    ) -> contextlib.AbstractContextManager[None]:
        return self.invariant(
            name,
            lambda: (self.width.parts, list(split_scientific(line.width_shown(), 1))),
        )

    # --- zooming in on 0.3 --------------------------------------------------------------------
    def zoom_beats(self) -> None:
        line = self.line
        self.width.follow(line.width_shown)
        with self.width_invariant(line, "width readout equals the line's window"):
            with self.beat(
                "Zoom in on 0.3, one power of ten after another. Each adds a digit to the labels, "
                "and the band stays solid: a window ten to the minus eight wide still "
                "holds about 180 million doubles."
            ) as b:
                self.play(FadeIn(self.width), run_time=0.6)
                self.play(
                    line.zoom(ZoomPath(ZOOM[0], ZOOM[1], FOCUS), rate_func=_ease_in),
                    run_time=b.speech_end - self.clock,
                )
                self.checkpoint(
                    "window_width_after_first_zoom",
                    self.width.parts,
                    expected=[1.0, -8.0],
                )
            # laid out showing its final value, so that it keeps inside the frame
            self.spacing = ScientificReadout(
                r"\text{gap between doubles}", math.ulp(0.3), decimals=2, color=theme.ACCENT
            )
            self.spacing.to_corner(UP + RIGHT, buff=0.45)
            with self.beat(
                "Keep going. Near ten to the minus fifteen the band breaks into separate "
                "ticks: each one is a double, 5.55 times ten to the minus 17 from the next, "
                "and nothing in between can be stored."
            ) as b:
                self.play(
                    line.zoom(ZoomPath(ZOOM[1], ZOOM[2], FOCUS), rate_func=_ease_out),
                    run_time=b.sentences[1].start - self.clock + b.sentence(1) * 0.4,
                )
                self.spacing.follow(line.double_spacing_shown)
                # one gap between two neighbouring doubles, right of the markers
                xs = line.double_tick_xs()
                i = next(k for k, x in enumerate(xs) if x > 2.0)
                top = LINE_Y + DOUBLE_TICK_HEIGHT + 0.2
                one_gap = DoubleArrow(
                    [xs[i], top, 0],
                    [xs[i + 1], top, 0],
                    buff=0.0,
                    stroke_width=3,
                    tip_length=0.13,
                    color=theme.ACCENT,
                )
                with self.invariant(
                    "gap readout equals the drawn ticks' spacing",
                    lambda: (
                        self.spacing.parts,
                        list(split_scientific(line.double_spacing_shown(), 2)),
                    ),
                ):
                    self.play(
                        FadeIn(self.spacing),
                        GrowFromCenter(one_gap),
                        run_time=max(1.0, b.speech_end - self.clock),
                    )
                self.spacing.stop_following()
                self.checkpoint(
                    "window_width_at_the_doubles", self.width.parts, expected=[5.0, -16.0]
                )
                ulp = math.ulp(0.3)
                self.checkpoint(
                    "double_spacing_near_0.3", line.double_spacing_shown(), expected=ulp, tol=1e-26
                )
                self.checkpoint(
                    "gap_readout", self.spacing.parts, expected=list(split_scientific(ulp, 2))
                )
                w = ZOOM[2]
                first = math.ceil((w.lo - Fraction(0.3)) / Fraction(ulp))
                last = math.floor((w.hi - Fraction(0.3)) / Fraction(ulp))
                self.checkpoint(
                    "doubles_drawn", line.double_count_shown(), expected=last - first + 1
                )
                self.checkpoint(
                    "markers_0.1_and_0.2_left_the_window",
                    derived(
                        "markers 0.1 and 0.2 drawn",
                        sum(
                            line.marker(k).visibility > theme.VISIBLE_OPACITY
                            for k in ("0.1", "0.2")
                        ),
                        line.value_shown("0.1"),
                    ),
                    expected=0,
                )
        self.width.stop_following()

    def three_tenths_beat(self) -> None:
        line = self.line
        line.add_marker("3/10", FOCUS, color=C_EXACT, style="ring")
        ruler_label = next(m for m in line.visible_labels() if m.exact_value == FOCUS)
        offset = ticks_readout(r"\text{stored } 0.3 - \tfrac{3}{10}")
        offset.next_to(self.legend, DOWN, buff=0.45, aligned_edge=LEFT)
        self.declare_shown(offset.label, "the literal 0.3 named in the readout's label")
        offset.follow(lambda: line.ticks_between_shown("3/10", "0.3"))
        with self.beat(
            "Even 0.3 is not on the grid. The ruler's 0.3 is exactly three tenths, the "
            "white ring; Python stores the nearest double, a fifth of a tick below it."
        ) as b:
            b.say(
                0,
                line.drop("3/10", distance=0.4),
                Indicate(ruler_label, color=C_EXACT),
                FadeIn(self.legend[2]),
            )
            b.say(
                1,
                FadeIn(offset),
                Indicate(line.marker("0.3").head, color=C_03, scale_factor=1.6),
            )
            self.checkpoint(
                "stored_0.3_ticks_from_three_tenths",
                line.ticks_between_shown("3/10", "0.3"),
                expected=float((Decimal(0.3) - Decimal("0.3")) / Decimal(math.ulp(0.3))),
                tol=1e-6,
            )
            self.checkpoint(
                "stored_0.3_offset_readout",
                offset.value,
                expected=float((Decimal(0.3) - Decimal("0.3")) / Decimal(math.ulp(0.3))),
            )
        offset.stop_following()
        self.offset = offset

    # --- 0.1 + 0.2 ---------------------------------------------------------------------------
    def sum_beats(self) -> None:
        line = self.line
        exact_sum = exact(0.1) + exact(0.2)
        line.add_marker("exact sum", exact_sum, color=C_EXACT, style="ring")
        line.add_marker(
            "0.1 + 0.2", exact_sum, color=C_SUM, label=tex_label("0.1 + 0.2", C_SUM), height=1.45
        )
        sum_label = line.marker("0.1 + 0.2").label
        assert sum_label is not None
        self.declare_shown(sum_label, "the typed sum the marker stands for")
        repl = self.repl
        ticks = ticks_readout(r"(0.1 + 0.2) - 0.3")
        ticks.next_to(self.offset, DOWN, buff=0.35, aligned_edge=LEFT)
        self.declare_shown(ticks.label, "the sum and the literal named in the readout's label")
        ticks.follow(lambda: line.ticks_between_shown("0.3", "0.1 + 0.2"))
        with self.invariant(
            "tick readout follows the sum marker",
            lambda: (ticks.value, line.ticks_between_shown("0.3", "0.1 + 0.2")),
        ):
            with self.beat(
                "Now add 0.1 and 0.2. Their stored values sum to a point exactly halfway "
                "between two doubles, and a tie rounds to the even neighbour: one tick to the "
                "right of 0.3."
            ) as b:
                b.say(
                    0,
                    repl.type(2),
                    line.drop("0.1 + 0.2", distance=0.35),
                    line.drop("exact sum", distance=0.0),
                    FadeIn(ticks),
                )
                self.checkpoint(
                    "exact_sum_ticks_from_0.3",
                    line.ticks_between_shown("0.3", "0.1 + 0.2"),
                    expected=float(
                        (Decimal(0.1) + Decimal(0.2) - Decimal(0.3)) / Decimal(math.ulp(0.3))
                    ),
                    tol=1e-6,
                )
                self.play(
                    Indicate(line.marker("exact sum"), color=C_EXACT),
                    run_time=b.sentence(1) * 0.45,
                )
                self.play(line.slide("0.1 + 0.2", exact(0.1 + 0.2)), run_time=b.sentence(1) * 0.35)
                b.say(1, repl.type(3), Indicate(ticks.number, color=C_SUM))
                self.checkpoint(
                    "sum_ticks_from_0.3",
                    line.ticks_between_shown("0.3", "0.1 + 0.2"),
                    expected=float(decimal_ticks(0.3, 0.1 + 0.2)),
                    tol=1e-6,
                )
                self.checkpoint(
                    "sum_tick_readout", ticks.value, expected=float(decimal_ticks(0.3, 0.1 + 0.2))
                )
        ticks.stop_following()
        gap = DoubleArrow(
            line.marker("0.3").foot(),
            line.marker("0.1 + 0.2").foot(),
            buff=0.0,
            stroke_width=3,
            tip_length=0.14,
            color=C_EXACT,
        ).shift(0.55 * UP)
        with self.beat(
            "So the comparison is False. The gap between the markers is one tick, and "
            "Python prints the same number for the difference as for the spacing of doubles "
            "at 0.3."
        ) as b:
            b.say(0, FadeIn(gap, scale=0.3), Circumscribe(repl.rows[3], color=theme.BAD))
            for row in (4, 5, 6, 7):
                self.play(repl.type(row), run_time=b.sentence(1) * 0.25)
            difference = Decimal(0.1 + 0.2) - Decimal(0.3)
            self.checkpoint(
                "gap_read_off_the_line",
                line.offset_shown("0.3", "0.1 + 0.2"),
                expected=float(difference),
                tol=1e-26,
            )
            self.checkpoint("difference_typed", printed(repl.rows[5]), expected=float(difference))
            self.checkpoint("ulp_typed", printed(repl.rows[7]), expected=math.ldexp(1.0, -54))
            self.checkpoint(
                "gap_equals_tick_spacing",
                derived(
                    "gap between the markers over the spacing of the drawn ticks",
                    line.offset_shown("0.3", "0.1 + 0.2") / line.double_spacing_shown(),
                    line.offset_shown("0.3", "0.1 + 0.2"),
                    line.double_spacing_shown(),
                ),
                expected=1.0,
                tol=1e-9,
            )

    # --- order matters ------------------------------------------------------------------------
    def order_beats(self) -> None:
        line = ZoomableNumberLine(WIDE, left=LEFT_END, right=RIGHT_END, y=LINE_Y_BIG)
        self.line = line
        width = ScientificReadout(r"\text{window width}", 1.0, size=34)
        width.to_corner(UP + LEFT, buff=0.45)
        self.width = width
        width.follow(line.width_shown)
        steps = accumulate(XS)  # left to right, each addition with its exact sum
        left_to_right = steps[-1].after
        reversed_sum = accumulate(list(reversed(XS)))[-1].after
        line.add_marker(
            "sum(xs)", BIG, color=C_03, label=mono("sum(xs)", color=C_03, size=26), height=1.2
        )
        line.add_marker(
            "reversed",
            BIG,
            color=C_SUM,
            label=mono("sum(reversed(xs))", color=C_SUM, size=26),
            height=1.2,
        )
        line.add_marker("exact", BIG, color=C_EXACT, style="ring")
        key = legend()
        key.to_corner(UP + RIGHT, buff=0.45)
        repl = Repl(
            [
                (">>> xs = [1e16] + [1.0] * 10", theme.TEXT),
                (">>> sum(xs)", theme.TEXT),
                (repr(sum(XS)), C_03),
                (">>> sum(reversed(xs))", theme.TEXT),
                (repr(sum(reversed(XS))), C_SUM),
            ],
            REPL_TOP_LEFT_BIG,
        )
        self.declare_shown(repl.rows[0], "the list typed in the REPL")
        total = Readout(r"\texttt{sum(xs)}", BIG, decimals=0, size=30, color=C_03)
        rev = Readout(r"\texttt{sum(reversed(xs))}", BIG, decimals=0, size=30, color=C_SUM)
        ones = Readout(r"\text{ones added}", 0, decimals=0, size=30)
        VGroup(total, rev, ones).arrange(DOWN, aligned_edge=LEFT, buff=0.32).move_to(
            NOTES_TOP_LEFT_BIG, aligned_edge=UP + LEFT
        )
        total.follow(lambda: line.value_shown("sum(xs)"))
        rev.follow(lambda: line.value_shown("reversed"))
        with contextlib.ExitStack() as held:
            with self.beat(
                "The order of additions matters too. Near ten to the sixteen the doubles are "
                "two apart, so adding one lands exactly halfway between two of them."
            ) as b:
                self.play(FadeIn(line), FadeIn(width), FadeIn(key), repl.show_card(), run_time=0.8)
                self.hold_the_ruler(held, line, " (1e16)", digits=False)
                held.enter_context(
                    self.width_invariant(line, "width readout equals the window near 1e16")
                )
                b.say(
                    0,
                    line.zoom(ZoomPath(WIDE, NEAR_BIG, Fraction(int(BIG))), rate_func=_ease_in_out),
                    repl.type(0),
                )
                self.hold_label_digits(held, line, " (1e16)")
                b.say(1, line.drop("sum(xs)", distance=0.25), FadeIn(total), FadeIn(ones))
                self.checkpoint("ones_added_before_the_loop", ones.value, expected=0)
                held.enter_context(
                    self.invariant(
                        "sum(xs) readout equals its marker",
                        lambda: (total.value, line.value_shown("sum(xs)")),
                    )
                )
                self.checkpoint(
                    "double_spacing_near_1e16",
                    line.double_spacing_shown(),
                    expected=math.ulp(BIG),
                    tol=1e-9,
                )
                self.checkpoint("window_width_near_1e16", width.parts, expected=[2.0, 1.0])
            width.stop_following()
            with self.beat(
                "Summing left to right, each one lands on that midpoint and the tie rounds "
                "back down to ten to the sixteen. Ten additions later, the total has not moved."
            ) as b:
                self.play(line.drop("exact", distance=0.0), run_time=0.5)
                hop_time = (b.speech_end - self.clock - 1.2) / ONES
                for k, step in enumerate(steps, start=1):
                    self.play(
                        line.travel("exact", [step.exact, Fraction(step.after)]),
                        ones.step_to(k),
                        run_time=hop_time,
                    )
                self.play(repl.type(1), run_time=0.6)
                self.play(repl.type(2), run_time=0.6)
                self.checkpoint("ones_added", ones.value, expected=len(XS) - 1)
                expected_total = float(np.add.accumulate(np.array(XS, dtype=np.float64))[-1])
                self.checkpoint("left_to_right_readout", total.value, expected=expected_total)
                self.checkpoint(
                    "left_to_right_typed", printed(repl.rows[2]), expected=expected_total
                )
            held.enter_context(
                self.invariant(
                    "reversed readout equals its marker",
                    lambda: (rev.value, line.value_shown("reversed")),
                )
            )
            with self.beat(
                "Reverse the list and the ones go first: they add up to ten exactly, and ten "
                "survives the final rounding. Same numbers, two answers, five ticks apart."
            ) as b:
                b.say(
                    0,
                    line.hide("exact"),
                    line.drop("reversed", distance=0.25),
                    FadeIn(rev),
                    repl.type(3),
                )
                self.play(line.slide("reversed", reversed_sum), run_time=b.sentence(1) * 0.5)
                b.say(1, repl.type(4), Indicate(rev.number, color=C_SUM))
                exact_total = math.fsum(XS)
                self.checkpoint("reversed_readout", rev.value, expected=exact_total)
                self.checkpoint("reversed_typed", printed(repl.rows[4]), expected=exact_total)
                self.checkpoint(
                    "results_ticks_apart",
                    line.ticks_between_shown("sum(xs)", "reversed"),
                    expected=float(decimal_ticks(BIG, exact_total)),
                    tol=1e-6,
                )
                self.checkpoint(
                    "results_apart_on_the_line",
                    line.offset_shown("sum(xs)", "reversed"),
                    expected=float(Decimal(exact_total) - Decimal(left_to_right)),
                    tol=1e-9,
                )
        for readout in (total, rev):
            readout.stop_following()


def _ease_in(t: float) -> float:
    """Start gently, end at full speed (the next zoom carries on at that speed)."""
    return 1 - math.cos(t * math.pi / 2)


def _ease_out(t: float) -> float:
    """Start at full speed, come to rest."""
    return math.sin(t * math.pi / 2)


def _ease_in_out(t: float) -> float:
    return (1 - math.cos(t * math.pi)) / 2


SCENES = [ArithmeticOperations]
