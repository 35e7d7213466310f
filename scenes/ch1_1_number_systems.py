"""1.1 Number Systems: ℕ ⊂ ℤ ⊂ ℚ ⊂ ℝ as nested bands, an integer's bits, and 0.1 as a float32.

Four nested bands grow around one number line while each system's examples drop onto it: the
naturals, then the negatives, then fractions between them; then √2 (a unit square's diagonal
swung down onto the line) and π (a circle of diameter one rolled out along it), points no
fraction reaches. Then a rating count, 203, as eight bits: a cursor reads them left to right,
every 1-bit lights and drops its place value into a sum that reaches 203. Finally 0.1 as a
float32: 32 cells flip into place as sign | exponent | mantissa; the sign and exponent are
read (e = 123, e − 127 = −4: the value lies in [2⁻⁴, 2⁻³)), then the mantissa bits light one
by one while the decoded value (−1)ˢ · 2^(e−127) · (1 + m/2²³) and a dot on [2⁻⁴, 2⁻³) climb
to 0.100000001490116…; a zoomed line shows 0.1 between two neighbouring float32 values and the
stored one, the nearer, 1.49 × 10⁻⁹ above it.
"""

from __future__ import annotations

import contextlib
import math
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Arc,
    Brace,
    Circle,
    Circumscribe,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    LaggedStart,
    Line,
    MathTex,
    Mobject,
    NumberLine,
    Polygon,
    ReplacementTransform,
    Restore,
    Rotate,
    SurroundingRectangle,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Write,
)

from mathviz import theme
from mathviz.maths.bits import float_bits, integer_bits
from mathviz.maths.number_sets import SETS, examples
from mathviz.primitives.bits import FIELD_COLORS, BitRow
from mathviz.primitives.number_sets import SET_COLORS, NestedSets, number_on_line_shown
from mathviz.primitives.readout import Readout
from mathviz.readings import derived, printed, printed_all
from mathviz.scene import LectureScene
from mathviz.theme import at

# --- the numbers ---------------------------------------------------------------------------
NATURALS = examples([(n, str(n)) for n in range(5)])
NEGATIVES = examples([(n, str(n)) for n in (-1, -2, -3, -4)])
#: fractions between the integers; 7/2 is an average of the ratings 3 and 4
FRACTIONS = examples(
    [
        (Fraction(-5, 2), r"-\frac{5}{2}"),
        (Fraction(-4, 3), r"-\frac{4}{3}"),
        (Fraction(9, 4), r"\frac{9}{4}"),
        (Fraction(7, 2), r"\frac{7}{2}"),
    ]
)
SQRT2, PI = examples([(sp.sqrt(2), r"\sqrt{2}"), (sp.pi, r"\pi")])
#: a movie's rating count, stored as an unsigned 8-bit integer
RATINGS, RATING_BITS = 203, 8
#: the float stored in part three
POINT_ONE = 0.1

# --- layout --------------------------------------------------------------------------------
UNIT = 1.2
LINE_Y = -1.8
#: the integer's row of bits, its sum line and total
INT_ROW_Y, TERMS_Y, TOTAL_Y = 1.0, -0.85, -2.45
#: the float's row of bits and what is read from it
FLOAT_ROW_Y, READ_Y, READ2_Y, VALUE_Y, RANGE_Y = 2.35, 0.8, 0.0, -1.0, -2.45
READ_SIZE = 34
#: the float's row is first shown this far below its place, in the middle of the frame
ROW_DROP = 1.9


# --- independent routes to the expected values ---------------------------------------------
def uint32_word(x: float) -> int:
    """The float32 bit pattern of ``x`` as numpy lays it out in memory (not struct)."""
    return int(np.array([x], dtype=np.float32).view(np.uint32)[0])


def word_digits(word: int, width: int) -> list[int]:
    """The binary digits of ``word``, most significant first, by string formatting."""
    return [int(c) for c in format(word, f"0{width}b")]


def frexp_exponent(x: float) -> int:
    """The biased float32 exponent of a normal ``x`` from math.frexp: x = f·2^k, ½ ≤ f < 1."""
    _, k = math.frexp(float(np.float32(x)))
    return (k - 1) + 127


class NumberSystems(LectureScene):
    chapter_id = "1.1"

    def construct(self) -> None:
        self.open_chapter("Numbers come in nested systems, and a computer keeps each one as bits.")
        self.sets = NestedSets(x_range=(-4, 4), unit=UNIT, line_y=LINE_Y)
        self.naturals_beat()
        self.integers_beat()
        self.rationals_beat()
        self.sqrt2_beat()
        self.pi_beat()
        self.integer_bits_beats()
        self.float_beats()
        self.close_chapter(
            "Integers fit in bits exactly; most reals, even 0.1, are rounded.",
            "Integers are exact in bits; most reals, even 0.1, are rounded to the nearest "
            "float. Next: what that rounding does to arithmetic.",
        )

    # --- the nested sets --------------------------------------------------------------------
    def set_formula(self) -> tuple[MathTex, VGroup]:
        """ℕ ⊂ ℤ ⊂ ℚ ⊂ ℝ at the top, each letter in its band's colour with its name under it."""
        formula = theme.tex(
            r"\mathbb{N}", r"\subset", r"\mathbb{Z}", r"\subset", r"\mathbb{Q}", r"\subset",
            r"\mathbb{R}", size=60,
        )  # fmt: skip
        formula.arrange(RIGHT, buff=0.55).move_to(at(0, 3.3))
        names = VGroup()
        for k, name in enumerate(SETS):
            formula[2 * k].set_color(SET_COLORS[name])
            caption = theme.text(name, size=theme.SMALL_SIZE + 2, color=theme.MUTED)
            caption.next_to(formula[2 * k], DOWN, buff=0.15)
            names.add(caption)
        top = min(c.get_top()[1] for c in names)  # one line (each name has an ascender)
        for each in names:
            each.shift((top - each.get_top()[1]) * UP)
        return formula, names

    def part(self, *indices: int) -> VGroup:
        """Some parts of the ℕ ⊂ ℤ ⊂ ℚ ⊂ ℝ formula, as a group to animate together."""
        return VGroup(*(self.formula.submobjects[i] for i in indices))

    def naturals_beat(self) -> None:
        self.formula, self.names = self.set_formula()
        sets = self.sets
        # the set being introduced, large in the empty space above the line for now
        self.big_naturals = VGroup(
            self.formula.submobjects[0].copy(), self.names.submobjects[0].copy()
        )
        self.big_naturals.scale(1.7).move_to(at(0, 0.9))
        with self.beat(
            "Counting gives the natural numbers: zero, one, two and on, like how many "
            "ratings a movie has."
        ) as b:
            t = b.sentence(0)
            self.play(sets.draw_line(run_time=0.3 * t), run_time=0.3 * t)
            self.play(sets.drop(NATURALS, run_time=0.4 * t))
            self.play(
                sets.draw_band("naturals"),
                Write(self.big_naturals[0]),
                FadeIn(self.big_naturals[1]),
                run_time=0.3 * t,
            )
            self.checkpoint(
                "naturals_on_the_line",
                sets.values_shown("naturals"),
                expected=[float(n) for n in range(5)],
                tol=1e-9,
            )

    def integers_beat(self) -> None:
        sets = self.sets
        difference = theme.tex("3", "-", "5", "=", "-2", size=60).move_to(at(-3.3, 0.9))
        difference[-1].set_color(SET_COLORS["integers"])
        self.operation = difference
        with self.beat(
            "Subtract two counts and you can fall below zero, so the integers add the "
            "negatives. Their band holds every natural inside it."
        ) as b:
            t = b.sentence(0)
            self.play(Write(difference), run_time=0.35 * t)
            self.play(sets.drop(NEGATIVES, lag_ratio=0.4, run_time=0.65 * t))
            b.say(
                1,
                sets.draw_band("integers"),
                ReplacementTransform(self.big_naturals[0], self.formula[0]),
                ReplacementTransform(self.big_naturals[1], self.names[0]),
                Write(self.part(1, 2)),
                FadeIn(self.names[1]),
            )
            self.checkpoint(
                "negatives_on_the_line",
                sets.values_shown("integers"),
                expected=[-4.0, -3.0, -2.0, -1.0],
                tol=1e-9,
            )

    def rationals_beat(self) -> None:
        sets = self.sets
        average = theme.tex(r"(3+4)\,/\,2", "=", r"\frac{7}{2}", size=56)
        average.move_to(at(-3.4, 1.7))
        average[-1].set_color(SET_COLORS["rationals"])
        previous, self.operation = self.operation, average
        with self.beat(
            "Divide, and the rationals fill in between: ratios of integers, like an average "
            "rating of seven halves."
        ) as b:
            t = b.sentence(0)
            self.play(FadeOut(previous), Write(average), run_time=0.3 * t)
            self.play(sets.drop(FRACTIONS, lag_ratio=0.5, run_time=0.45 * t))
            self.play(
                sets.draw_band("rationals"),
                Write(self.part(3, 4)),
                FadeIn(self.names[2]),
                run_time=0.25 * t,
            )
            self.checkpoint(
                "fractions_on_the_line",
                sets.values_shown("rationals"),
                expected=sorted(float(sp.Rational(f.value)) for f in FRACTIONS),
                tol=1e-9,
            )
            self.checkpoint("dots_on_the_line_so_far", sets.count_shown(), expected=13)

    def sqrt2_beat(self) -> None:
        sets = self.sets
        origin = sets.point_of(0)
        corner = origin + UNIT * (RIGHT + UP)
        square = Polygon(
            origin, sets.point_of(1), corner, origin + UNIT * UP, color=theme.MUTED, stroke_width=3
        )
        diagonal = Line(origin, corner, color=SET_COLORS["reals"], stroke_width=5)
        swing = Arc(
            radius=UNIT * math.sqrt(2),
            start_angle=math.pi / 4,
            angle=-math.pi / 4,
            arc_center=origin,
            color=SET_COLORS["reals"],
            stroke_width=2,
        )
        swing.set_stroke(opacity=0.7)
        with self.beat(
            "Some points are no ratio at all. A unit square's diagonal swings down to root two, "
            "and no fraction lands exactly there."
        ) as b:
            b.say(0, FadeOut(self.operation), Create(square), Create(diagonal))
            t = b.sentence(1)
            self.play(
                Rotate(diagonal, angle=-math.pi / 4, about_point=origin),
                Create(swing),
                run_time=0.5 * t,
            )
            self.checkpoint(
                "diagonal_lands_at_root_two",
                sets.number_at_shown(diagonal.get_end()),
                expected=float(sp.sqrt(2)),
                tol=1e-9,
            )
            self.play(sets.drop([SQRT2], run_time=0.5 * t))
            self.checkpoint(
                "root_two_on_the_line",
                sets.value_shown(SQRT2.tex),
                expected=float(sp.sqrt(2)),
                tol=1e-9,
            )
        self.swing_parts = VGroup(square, diagonal, swing)

    def pi_beat(self) -> None:
        sets = self.sets
        radius = UNIT / 2
        origin = sets.point_of(0)
        color = SET_COLORS["reals"]
        wheel = Circle(radius=radius, color=color, stroke_width=4).move_to(origin + radius * UP)
        spoke = Line(origin + radius * UP, origin, color=color, stroke_width=3)
        mark = Dot(origin, radius=0.07, color=theme.TEXT)
        unrolled = Line(origin, origin + 0.001 * RIGHT, color=color, stroke_width=8)
        trail = VMobject(stroke_color=theme.TEXT, stroke_width=2, stroke_opacity=0.6)
        trail.set_points_as_corners([origin, origin + 1e-4 * UP])

        def roll(group: Mobject, alpha: float) -> None:
            theta = 2 * math.pi * alpha
            centre = origin + radius * (UP + theta * RIGHT)
            wheel.move_to(centre)
            tip = centre + radius * np.array([-math.sin(theta), -math.cos(theta), 0.0])
            spoke.set_points_as_corners([centre, tip])
            mark.move_to(tip)
            contact = origin + radius * theta * RIGHT
            unrolled.set_points_as_corners(
                [origin, contact if theta > 1e-3 else origin + 1e-3 * RIGHT]
            )
            ts = np.linspace(0.0, max(theta, 1e-3), 60)
            trail.set_points_as_corners(
                [origin + radius * np.array([s - math.sin(s), 1 - math.cos(s), 0.0]) for s in ts]
            )

        rolling = VGroup(unrolled, trail, wheel, spoke, mark)
        with self.beat(
            "Roll a circle one unit across and it unrolls to pi, another gap between the "
            "fractions. The reals fill every such gap, and hold all the rest."
        ) as b:
            t = b.sentence(0)
            self.play(
                FadeOut(self.swing_parts),
                FadeIn(wheel, spoke, mark),
                run_time=0.2 * t,
            )
            self.add(unrolled, trail)
            self.play(UpdateFromAlphaFunc(rolling, roll), run_time=0.55 * t)
            self.checkpoint(
                "rolled_circle_lands_at_pi",
                sets.number_at_shown(mark),
                expected=float(sp.pi),
                tol=1e-9,
            )
            self.play(sets.drop([PI], run_time=0.25 * t))
            b.say(
                1,
                FadeOut(wheel, spoke, mark, trail),
                sets.draw_band("reals"),
                Write(self.part(5, 6)),
                FadeIn(self.names[3]),
            )
            self.checkpoint("pi_on_the_line", sets.value_shown(PI.tex), expected=math.pi, tol=1e-9)
            self.checkpoint(
                "irrationals_on_the_line",
                sets.count_shown("reals"),
                expected=2,
            )
            self.checkpoint("dots_on_the_line", sets.count_shown(), expected=15)
        self.unrolled = unrolled

    # --- an integer's bits ------------------------------------------------------------------
    def integer_bits_beats(self) -> None:
        number = integer_bits(RATINGS, RATING_BITS)
        row = BitRow.of_integer(
            number, cell=1.45, center=(0.0, INT_ROW_Y), digit_size=72, place_size=42
        )
        code = theme.code("ratings = np.uint8(203)", size=28).move_to(at(0, 3.35))
        self.declare_shown(code, "the rating count as the program stores it")
        total = Readout(r"\text{sum}", 0, decimals=0, size=64)
        total.move_to(at(0, TOTAL_Y))
        total.number.align_to(total.label, DOWN)  # digits on the label's baseline
        # one term per 1-bit: its place value drops from above its cell into the sum line
        terms, slots, pluses = [], [], []
        for k, i in enumerate(number.ones):
            term = theme.tex(str(number.place_values[i]), size=56, color=theme.ACCENT)
            slot = at(row.centres[i][0], TERMS_Y)
            term.move_to(row.places[i].get_center()).set_opacity(0.0)
            terms.append(term)
            slots.append(slot)
            if k:  # half way between the neighbouring terms' facing edges
                gap_from = slots[k - 1][0] + terms[k - 1].width / 2
                gap_to = slot[0] - term.width / 2
                plus = theme.tex("+", size=48).move_to(at((gap_from + gap_to) / 2, TERMS_Y))
                plus.set_opacity(0.0)
                pluses.append(plus)

        def landed() -> list[MathTex]:
            """The terms resting on the sum line, read from where they are drawn."""
            return [
                t
                for t, s in zip(terms, slots, strict=True)
                if np.linalg.norm(t.get_center() - s) < 1e-6
                and float(np.max(t.get_fill_opacities(), initial=0.0)) > 0.5
            ]

        def typed_sum() -> Any:
            shown = [printed(t) for t in landed()]
            if not shown:
                return derived("no term on the sum line", 0, total.value)
            return derived("sum of the terms on the sum line", sum(int(v) for v in shown), *shown)

        total.follow(lambda: float(typed_sum()))
        with self.beat(
            "A computer stores all of these as bits. The rating count 203 fits in eight bits, "
            "each worth a power of two, from 128 down to one."
        ) as b:
            self.play(FadeOut(*self.mobjects), run_time=0.6)
            row.hide_digits()
            for label in row.places:
                label.set_opacity(0.0)
            b.say(0, FadeIn(code, shift=0.2 * DOWN), row.flip_in(lag_ratio=0.25))
            b.say(
                1,
                LaggedStart(
                    *(
                        label.animate.set_opacity(1.0).build()
                        for label in reversed(list(row.places))
                    ),
                    lag_ratio=0.4,
                ),
            )
            self.checkpoint(
                "rating_bits_typed",
                row.digits_shown(),
                expected=[int(c) for c in bin(RATINGS)[2:].zfill(RATING_BITS)],
            )
            self.checkpoint(
                "place_values_typed",
                printed_all(row.places),
                expected=[2**k for k in range(RATING_BITS - 1, -1, -1)],
            )

        scan = row.scan(run_time=1.0)
        fall = 0.7 / RATING_BITS  # a term falls for most of its cell's slot

        def drop_terms(_: Mobject, alpha: float) -> None:
            for k, (term, slot) in enumerate(zip(terms, slots, strict=True)):
                start_at = scan.moments[number.ones[k]]
                local = min(max((alpha - start_at) / fall, 0.0), 1.0)
                top = row.places[number.ones[k]].get_center()
                ease = local * local
                term.move_to(slot if local >= 1.0 else top + (slot - top) * ease)
                term.set_opacity(1.0 if alpha >= start_at else 0.0)
                if k:
                    pluses[k - 1].set_opacity(1.0 if local >= 1.0 else 0.0)

        sum_line = VGroup(*terms, *pluses)
        with self.invariant(
            "sum readout adds up the terms on the sum line", lambda: (total.value, typed_sum())
        ):
            with self.beat(
                "Read left to right, every one bit lights and adds its place value: 128, 64, "
                "8, 2 and 1 make 203."
            ) as b:
                self.play(FadeIn(total), run_time=0.5)
                self.add(sum_line)
                self.play(
                    scan,
                    UpdateFromAlphaFunc(sum_line, drop_terms, rate_func=lambda t: t),
                    run_time=b.speech_end - self.clock,
                )
                self.checkpoint(
                    "lit_place_values_typed",
                    row.lit_places_shown(),
                    expected=[2 ** (7 - k) for k, c in enumerate(bin(RATINGS)[2:]) if c == "1"],
                )
                self.checkpoint("lit_place_values_sum", row.lit_total_shown(), expected=RATINGS)
                self.checkpoint(
                    "terms_typed",
                    [printed(t) for t in terms],
                    expected=[2**k for k, c in enumerate(reversed(bin(RATINGS)[2:])) if c == "1"][
                        ::-1
                    ],
                )
                self.checkpoint("sum_readout", total.value, expected=int("11001011", 2))
        total.stop_following()

    # --- 0.1 as a float32 -------------------------------------------------------------------
    def float_beats(self) -> None:
        stored = float_bits(POINT_ONE)
        row = BitRow.of_float(
            stored, cell=0.4, field_gap=0.25, center=(0.0, FLOAT_ROW_Y), digit_size=30
        )
        title = theme.text("0.1 as a float32", size=theme.HEADING_SIZE).move_to(at(-3.2, 3.4))
        code = theme.code("struct.pack('>f', 0.1)", size=24, color=theme.MUTED)
        code.move_to(at(3.6, 3.4))
        self.declare_shown(title, "the number being stored, from the brief")
        self.declare_shown(code, "how Python packs it, from the brief")
        labels = {
            name: row.field_label(
                name, theme.text(name, size=theme.LABEL_SIZE, color=FIELD_COLORS[name])
            )
            for name in ("sign", "exponent", "mantissa")
        }
        word = uint32_word(POINT_ONE)

        # --- readouts, each following the lit cells it describes
        sign = Readout("s", 0, decimals=0, size=READ_SIZE, color=FIELD_COLORS["sign"])
        exponent = Readout("e", 0, decimals=0, size=READ_SIZE, color=FIELD_COLORS["exponent"])
        unbiased = Readout("e-127", -127, decimals=0, size=READ_SIZE)
        mantissa = Readout("m", 0, decimals=0, size=READ_SIZE, color=FIELD_COLORS["mantissa"])
        significand = Readout(r"1+m/2^{23}", 1, decimals=9, size=READ_SIZE)
        value = Readout(
            r"(-1)^{s}\cdot 2^{\,e-127}\cdot\left(1+\frac{m}{2^{23}}\right)", 0, decimals=15,
            size=40,
        )  # fmt: skip
        sign.move_to(at(row.centres[0][0] + 0.35, READ_Y))
        field_x = {
            name: float(row.field_cells(name).get_center()[0]) for name in ("exponent", "mantissa")
        }
        exponent.move_to(at(field_x["exponent"], READ_Y))
        unbiased.move_to(at(field_x["exponent"], READ2_Y))
        mantissa.move_to(at(field_x["mantissa"], READ_Y))
        significand.move_to(at(field_x["mantissa"], READ2_Y))
        value.move_to(at(0, VALUE_Y))

        sign.follow(lambda: float(row.field_value_shown("sign")))
        exponent.follow(lambda: float(row.field_value_shown("exponent")))
        unbiased.follow(lambda: float(row.field_value_shown("exponent")) - 127)
        mantissa.follow(lambda: float(row.field_value_shown("mantissa")))
        significand.follow(
            lambda: float(1 + Fraction(int(row.field_value_shown("mantissa")), 2**23))
        )

        def decoded() -> Any:
            """(−1)^s · 2^(e − 127) · (1 + m/2²³) from the lit cells, exactly."""
            s = row.field_value_shown("sign")
            e = row.field_value_shown("exponent")
            m = row.field_value_shown("mantissa")
            exact = (-1) ** int(s) * Fraction(2) ** (int(e) - 127) * (1 + Fraction(int(m), 2**23))
            return derived(
                "(−1)^s · 2^(e − 127) · (1 + m/2²³) of the lit bits", float(exact), s, e, m
            )

        value.follow(lambda: float(decoded()))

        # --- the range [2⁻⁴, 2⁻³) and the dot at the decoded value
        lo, hi = Fraction(1, 16), Fraction(1, 8)
        binade = NumberLine(
            x_range=[float(lo), float(hi), float(lo) / 2],
            length=11,
            color=theme.MUTED,
            include_numbers=False,
            stroke_width=3,
        ).move_to(at(0, RANGE_Y))
        ends = VGroup(
            theme.tex(r"2^{-4}", size=34).next_to(binade.n2p(float(lo)), DOWN, buff=0.3),
            theme.tex(r"2^{-3}", size=34).next_to(binade.n2p(float(hi)), DOWN, buff=0.3),
        )
        tenth = binade.n2p(POINT_ONE)
        tenth_tick = Line(tenth + 0.05 * UP, tenth + 0.4 * UP, color=theme.ACCENT, stroke_width=4)
        tenth_label = theme.tex("0.1", size=34, color=theme.ACCENT).next_to(tenth_tick, UP, 0.1)
        self.declare_shown(tenth_label, "the number being stored, marked on its range")
        dot = Dot(binade.n2p(float(lo)), radius=0.1, color=FIELD_COLORS["mantissa"])
        dot.set_z_index(3)
        dot.add_updater(lambda d: d.move_to(binade.n2p(float(decoded()))))
        # the row and its braces start in the middle of the empty frame, and rise to make room
        # for what is read from them
        fields = VGroup(row, *labels.values())
        fields.shift(ROW_DROP * DOWN)

        with self.beat(
            "Reals are harder. Here is 0.1 as a float32, thirty two bits in three fields: "
            "one sign bit, eight exponent bits and twenty three mantissa bits."
        ) as b:
            self.play(FadeOut(*self.mobjects), run_time=0.6)
            b.say(0, FadeIn(title, shift=0.2 * DOWN), FadeIn(code, shift=0.2 * DOWN))
            t = b.sentence(1)
            self.play(row.flip_in(lag_ratio=0.2), run_time=0.5 * t)
            self.play(
                LaggedStart(
                    *(
                        AnimationGroup(
                            GrowFromCenter(lab.brace), FadeIn(lab.label, shift=0.15 * UP)
                        )
                        for lab in labels.values()
                    ),
                    lag_ratio=0.6,
                ),
                run_time=b.speech_end - self.clock,
            )
            self.checkpoint("float_bits_typed", row.digits_shown(), expected=word_digits(word, 32))
            self.checkpoint(
                "field_widths",
                [row.digit_count_shown(name) for name in ("sign", "exponent", "mantissa")],
                expected=[1, 8, 23],
            )

        exponent_field, mantissa_field = row.field("exponent"), row.field("mantissa")
        exponent_cells = list(range(exponent_field.start, exponent_field.stop))
        with contextlib.ExitStack() as invariants:
            for name, read in (
                ("sign readout reads the lit sign bit", lambda: (sign.value, row.field_value_shown("sign"))),
                ("exponent readout reads the lit exponent bits", lambda: (exponent.value, row.field_value_shown("exponent"))),
                ("unbiased exponent is e minus 127", lambda: (unbiased.value, derived("e − 127", float(exponent.value) - 127, exponent.value))),
            ):  # fmt: skip
                invariants.enter_context(self.invariant(name, read))
            with self.beat(
                "A sign bit of zero means positive. The exponent bits read 123, and minus the "
                "bias of 127 that leaves minus four. So the value lies between two to the "
                "minus four and two to the minus three."
            ) as b:
                self.play(fields.animate.shift(ROW_DROP * UP), run_time=0.9)
                b.say(0, row.scan([0]), FadeIn(sign))
                self.play(FadeIn(exponent, unbiased), run_time=0.5)
                b.say(1, row.scan(exponent_cells))
                self.checkpoint(
                    "sign_typed", sign.value, expected=int(np.signbit(np.float32(POINT_ONE)))
                )
                self.checkpoint(
                    "exponent_typed", exponent.value, expected=frexp_exponent(POINT_ONE)
                )
                self.checkpoint(
                    "unbiased_exponent_typed",
                    unbiased.value,
                    expected=math.frexp(float(np.float32(POINT_ONE)))[1] - 1,
                )
                b.say(
                    2,
                    Create(binade),
                    FadeIn(ends, tenth_tick, tenth_label),
                    FadeIn(dot, scale=0.5),
                )
                self.checkpoint(
                    "range_start_dot", self.on_line(binade, dot), expected=2.0**-4, tol=1e-12
                )

            mantissa_cells = list(range(mantissa_field.start, mantissa_field.stop))
            with self.beat(
                "The mantissa bits are halves, quarters and eighths of that range, and so on. "
                "Each set bit nudges the value up by a smaller step."
            ) as b:
                self.play(FadeIn(mantissa, significand, value), run_time=1.0)
                # from here on every readout is on screen and tied to the lit cells
                for name, read in (
                    ("mantissa readout reads the lit mantissa bits", lambda: (mantissa.value, row.field_value_shown("mantissa"))),
                    ("significand readout is one plus m over two to the 23", lambda: (significand.value, derived("1 + m/2²³", 1 + int(mantissa.value) / 2**23, mantissa.value))),
                    ("value readout decodes the lit bits", lambda: (value.value, decoded())),
                    ("dot sits at the value readout", lambda: (value.value, self.on_line(binade, dot))),
                ):  # fmt: skip
                    invariants.enter_context(self.invariant(name, read))
                self.play(row.scan(mantissa_cells), run_time=b.speech_end - self.clock)
                self.checkpoint("mantissa_typed", mantissa.value, expected=word & (2**23 - 1))
                exact = Fraction(float(np.float32(POINT_ONE)))
                self.checkpoint("significand_typed", significand.value, expected=float(exact * 16))
                self.checkpoint("value_typed", value.value, expected=float(exact))
                self.checkpoint(
                    "value_dot", self.on_line(binade, dot), expected=float(exact), tol=1e-15
                )
        for readout in (sign, exponent, unbiased, mantissa, significand, value):
            readout.stop_following()
        dot.clear_updaters()
        self.zoom_beats(binade, VGroup(ends, tenth_tick, tenth_label, dot), value, significand)

    @staticmethod
    def on_line(line: NumberLine, dot: Dot) -> Any:
        """A dot's position read back through a number line (a geometry reading)."""
        return number_on_line_shown(line, dot)

    def zoom_beats(
        self, binade: NumberLine, marks: VGroup, value: Readout, significand: Readout
    ) -> None:
        digits = value.number
        text = "".join(getattr(g, "tex_string", "") for g in digits)
        first = text.index("1", text.index(".") + 2)  # the first digit 0.1 does not have
        wrong = VGroup(*digits[first:])
        with self.beat(
            "After all twenty three bits the significand is 1.600000024. A sixteenth of "
            "that, 0.100000001490116, is what gets stored, not 0.1."
        ) as b:
            b.say(0, Circumscribe(significand, color=theme.TEXT))
            t = b.sentence(1)
            self.play(
                wrong.animate.set_color(theme.BAD),
                Circumscribe(digits, color=theme.BAD),
                run_time=0.6 * t,
            )
            # on the range the stored value still looks like 0.1: a lens over the dot
            lens = SurroundingRectangle(marks[3], color=theme.ACCENT, buff=0.15)
            self.play(Create(lens), run_time=b.speech_end - self.clock)
        # the zoomed line: offsets from 0.1 in units of 10⁻⁹
        zoom = NumberLine(x_range=[-7, 10, 1], length=13, color=theme.MUTED, include_ticks=False, include_numbers=False, stroke_width=3)  # fmt: skip
        zoom.move_to(at(0, RANGE_Y + 0.1))
        tenth = Fraction(1, 10)
        f32 = Fraction(float(np.float32(POINT_ONE)))
        step = Fraction(1, 2**27)
        floats = [f32 - step, f32, f32 + step]
        ticks = VGroup(
            *(
                Line(
                    zoom.n2p(float((f - tenth) * 10**9)) + 0.3 * DOWN,
                    zoom.n2p(float((f - tenth) * 10**9)) + 0.3 * UP,
                    color=FIELD_COLORS["mantissa"] if f == f32 else theme.TEXT,
                    stroke_width=5,
                )
                for f in floats
            )
        )
        point = Dot(zoom.n2p(0.0), radius=0.1, color=theme.ACCENT).set_z_index(3)
        point_label = theme.tex("0.1", size=34, color=theme.ACCENT)
        point_label.next_to(point, UP, buff=0.35).shift(0.35 * LEFT)
        self.declare_shown(point_label, "the number being stored, on the zoomed line")
        names = VGroup(
            theme.text("float32 below", size=theme.SMALL_SIZE, color=theme.MUTED).next_to(ticks[0], UP, 0.15),
            theme.text("float32(0.1)", size=theme.SMALL_SIZE + 2, color=FIELD_COLORS["mantissa"]).next_to(ticks[1], UP, 0.15).shift(0.7 * RIGHT),
            theme.text("float32 above", size=theme.SMALL_SIZE, color=theme.MUTED).next_to(ticks[2], UP, 0.15),
        )  # fmt: skip
        self.declare_shown(names[1], "the stored value's name")
        below_gap = Brace(
            Line(ticks[0].get_bottom(), point.get_center() + 0.3 * DOWN),
            DOWN,
            buff=0.08,
            color=theme.MUTED,
        )
        above_gap = Brace(Line(point.get_center() + 0.3 * DOWN, ticks[1].get_bottom()), DOWN, buff=0.08, color=theme.MUTED)  # fmt: skip
        below_text = theme.tex(r"5.96\times10^{-9}", size=32).next_to(below_gap, DOWN, 0.1)
        above_text = theme.tex(r"1.49\times10^{-9}", size=32, color=FIELD_COLORS["mantissa"])
        above_text.next_to(above_gap, DOWN, 0.1)
        frame = SurroundingRectangle(
            VGroup(zoom, ticks, names, below_text), color=theme.ACCENT, buff=0.2
        )
        with self.beat(
            "Zoom in four million times: 0.1 falls between two neighbouring float32 values. "
            "Rounding keeps the nearer one, 1.49 billionths too high."
        ) as b:
            t = b.sentence(0)
            # the zoomed line grows out of the lens, as the lens opens into the frame
            zoomed = VGroup(zoom, point, point_label)
            zoomed.save_state()
            zoomed.scale(lens.width / zoomed.width).move_to(lens).set_opacity(0.0)
            self.play(
                ReplacementTransform(lens, frame),
                FadeOut(binade, marks),
                Restore(zoomed),
                run_time=0.45 * t,
            )
            self.play(
                LaggedStart(*(GrowFromCenter(tk) for tk in ticks), lag_ratio=0.3),
                FadeIn(names[0], names[2]),
                FadeOut(frame),
                run_time=0.55 * t,
            )
            b.say(1, FadeIn(names[1]), GrowFromCenter(below_gap), GrowFromCenter(above_gap), Write(below_text), Write(above_text))  # fmt: skip
            self.checkpoint(
                "float_ticks_on_the_zoomed_line",
                [number_on_line_shown(zoom, tk) for tk in ticks],
                expected=[float((f - tenth) * 10**9) for f in floats],
                tol=1e-6,
            )
            self.checkpoint(
                "point_one_on_the_zoomed_line",
                number_on_line_shown(zoom, point),
                expected=0.0,
                tol=1e-9,
            )
            self.checkpoint("gap_above_typed", printed(above_text), expected=float(f32 - tenth))
            self.checkpoint(
                "gap_below_typed", printed(below_text), expected=float(tenth - (f32 - step))
            )


SCENES = [NumberSystems]
