"""7.5 Common Distributions: Bernoulli, binomial, Poisson and normal, each on its sliders.

One plot on the left, one panel on the right. Bernoulli(p) is two bars that trade height as p
slides from 0.3 to 0.8, a mean marker standing at p between them. Binomial(n, p) starts at
ten fair trials, leans left at p = 0.2, spreads out at n = 20 and marches right at p = 0.6;
the mean marker and a band one standard deviation either side follow every frame. Poisson(λ)
counts requests per second at a server as the rate goes 2 → 7 → 4, its mean and variance
reading the same. Normal(μ, σ) shifts with μ and grows tall or flat with σ while its shaded
area stays one. Last, Binomial(n, 0.3) with the normal of the same mean and variance laid
over it: as n goes from 5 to 60 the largest gap between bar tops and curve shrinks from
0.037 to 0.003.

Every bar height, the marker and the band are read back through the axes, and at every
sampled moment they are held to the distribution of the values the knobs show; the
expected values here are computed apart from the drawing (fractions and ``math.comb``,
sums over the PMF), and the test recomputes them with scipy.stats.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from manim import LEFT, Create, FadeIn, FadeOut, Group, Indicate, Mobject, VMobject, Write

from mathviz import theme
from mathviz.maths.distributions import Bernoulli, Binomial, Discrete, Normal, Poisson, moments
from mathviz.maths.slider import SliderRange
from mathviz.primitives.distribution_plot import (
    DensityCurve,
    GapMarker,
    MeanMarker,
    ParametricPmfBars,
    SlideTo,
    distribution_axes,
    max_gap_shown,
)
from mathviz.primitives.readout import Readout
from mathviz.primitives.slider import Slider
from mathviz.readings import derived
from mathviz.scene import LectureScene
from mathviz.theme import at

#: where every plot's bottom-left corner sits, and its size
PLOT_CORNER, PLOT_SIZE = np.array([-6.0, -3.15, 0.0]), (8.0, 5.85)
#: the panel's left edge and rows: formula, two sliders, mean, variance, an extra readout
PANEL_LEFT = 2.45
ROW_FORMULA, ROW_SLIDERS, ROW_MEAN, ROW_VARIANCE = 3.25, (1.95, 0.75), -0.9, -2.0
TRACK, READOUT_ROOM, READOUT_SIZE = 2.3, 1.55, 34
MEAN_COLOR, BAND_COLOR, BAR_COLOR = theme.ACCENT, theme.PROJECTION, theme.AREA
TOL = 1e-6


# --- independent routes to the expected values: exact fractions and the PMF's own sums ------
def exact_binomial(n: int, p: float) -> list[float]:
    """C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ in exact fractions, p read as its decimal."""
    q = Fraction(repr(float(p)))
    return [float(math.comb(n, k) * q**k * (1 - q) ** (n - k)) for k in range(n + 1)]


def exact_poisson(lam: float, k_max: int) -> list[float]:
    """e^(−λ) λᵏ / k! term by term."""
    return [math.exp(-lam) * lam**k / math.factorial(k) for k in range(k_max + 1)]


def normal_density(x: float, mu: float, sigma: float) -> float:
    return math.exp(-((x - mu) ** 2) / (2 * sigma**2)) / math.sqrt(2 * math.pi * sigma**2)


def snap(x: float) -> float:
    """Float dust around zero is zero (a tolerance cannot be relative to 1e-16)."""
    return 0.0 if abs(x) < 1e-12 else float(x)


def padded(values: list[float], size: int) -> list[float]:
    return (values + [0.0] * size)[:size]


@dataclass
class Section:
    """One distribution on stage: its plot, sliders and readouts."""

    axes: Any
    title: VMobject
    formula: VMobject
    sliders: list[Slider]
    bars: ParametricPmfBars | None = None
    curve: DensityCurve | None = None
    marker: MeanMarker | None = None
    readouts: list[Readout] = field(default_factory=list)
    #: what each readout shows, read from the drawing (for the invariants)
    sources: list[Callable[[], float]] = field(default_factory=list)

    def parts(self) -> list[Mobject]:
        found = [self.axes, self.title, self.formula, *self.sliders, *self.readouts]
        return found + [m for m in (self.bars, self.curve, self.marker) if m is not None]


class CommonDistributions(LectureScene):
    chapter_id = "7.5"

    def construct(self) -> None:
        self.open_chapter("Four distributions describe most of the randomness in software.")
        self.bernoulli_beats()
        self.binomial_beats()
        self.poisson_beats()
        self.normal_beats()
        self.approximation_beats()
        self.close_chapter(
            "Yes or no, a count of yeses, a count of arrivals, a bell.",
            "A yes or no, a count of yeses, a count of arrivals, and a bell. Next, descriptive "
            "statistics.",
        )

    # --- building blocks ------------------------------------------------------------------
    def stage(self, title: str, formula: str, x_range: Any, y_range: Any, **kw: Any) -> Any:
        axes = distribution_axes(
            x_range, y_range, x_length=PLOT_SIZE[0], y_length=PLOT_SIZE[1], **kw
        )
        axes.shift(PLOT_CORNER - axes.c2p(x_range[0], y_range[0]))
        heading = theme.text(title, size=theme.HEADING_SIZE)
        heading.move_to(at(PLOT_CORNER[0], 3.3), aligned_edge=LEFT)
        tex = theme.tex(formula, size=32)
        tex.move_to(at(PANEL_LEFT, ROW_FORMULA), aligned_edge=LEFT)
        return axes, heading, tex

    def slider(
        self, row: int, span: tuple[float, float], value: float, label: str, color: Any, **kw: Any
    ) -> Slider:
        s = Slider(
            SliderRange(*span),
            value,
            label,
            color=color,
            length=TRACK,
            readout_width=READOUT_ROOM,
            size=READOUT_SIZE,
            **kw,
        )
        s.shift(at(PANEL_LEFT, ROW_SLIDERS[row]) - s.readout.get_left())
        self.declare_shown(s.tick_labels, "the slider's scale")
        return s

    def readout(self, label: str, y: float, decimals: int, color: Any = theme.TEXT) -> Readout:
        r = Readout(label, 0.0, decimals=decimals, color=color, size=READOUT_SIZE)
        r.move_to(at(PANEL_LEFT, y), aligned_edge=LEFT)
        return r

    def moments_panel(self, s: Section, mean_decimals: int, var_decimals: int) -> None:
        """Mean and variance readouts, each following its drawn marker."""
        assert s.marker is not None
        marker = s.marker
        mean = self.readout(r"\text{mean}", ROW_MEAN, mean_decimals, MEAN_COLOR)
        var = self.readout(r"\text{variance}", ROW_VARIANCE, var_decimals, BAND_COLOR)
        mean.follow(marker.mean_shown)
        var.follow(marker.variance_shown)
        s.readouts += [mean, var]
        s.sources += [marker.mean_shown, marker.variance_shown]

    @contextlib.contextmanager
    def held(self, tag: str, s: Section, truth: Callable[[], Discrete | Normal]) -> Iterator[None]:
        """While the knobs move: the bars are the PMF of the values the knobs show, the marker
        and the band its mean and standard deviation, the readouts what is drawn."""
        checks: list[tuple[str, Callable[[], tuple[Any, Any]], float | None]] = []
        if s.bars is not None:
            bars, k_max = s.bars, s.bars.k_max
            checks.append(
                (
                    "bars are the PMF at the knobs",
                    lambda: (bars.heights_shown(), padded(list(truth_pmf(truth())), k_max + 1)),
                    TOL,
                )
            )
        if s.marker is not None:
            m = s.marker
            checks.append(("marker at the mean", lambda: (m.mean_shown(), snap(truth().mean)), TOL))
            checks.append(("band is one sd", lambda: (m.variance_shown(), truth().variance), TOL))
        checks.extend(
            (f"slider {slider_name(sl)} readout shows its knob", _knob(sl), None)
            for sl in s.sliders
        )
        for r, source in zip(s.readouts, s.sources, strict=True):
            checks.append((f"readout {describe_tex(r)} shows the drawing", _pair(r, source), None))
        with contextlib.ExitStack() as stack:
            for name, read, tol in checks:
                stack.enter_context(self.invariant(f"{tag}: {name}", read, tol=tol))
            yield

    def swap_in(self, old: Section | None, new: Section) -> list[Any]:
        """The old section fades out first (its title and the new one's share a place); the
        returned animations bring in the new one's frame, title and formula."""
        if old is not None:
            self.play(FadeOut(Group(*old.parts())), run_time=0.6)
        return [Create(new.axes), FadeIn(new.title), Write(new.formula)]

    def check_sliders(self, tag: str, s: Section) -> None:
        """Each slider's readout, as typeset, against its knob's place on the track."""
        for slider in s.sliders:
            name = slider_name(slider)
            self.checkpoint(
                f"{tag}_{name}_readout_at_start",
                slider.readout.value,
                expected=slider.value_shown(),
            )

    def check_moments(self, tag: str, s: Section, ks: list[int], pmf: list[float]) -> None:
        """Marker, band and readouts against the mean and variance summed over the PMF."""
        assert s.marker is not None
        assert s.bars is not None
        mean, variance = moments(ks, pmf)
        self.checkpoint(f"{tag}_mean_marker", s.marker.mean_shown(), expected=mean, tol=TOL)
        self.checkpoint(
            f"{tag}_band_variance", s.marker.variance_shown(), expected=variance, tol=TOL
        )
        self.checkpoint(f"{tag}_mean_readout", s.readouts[0].value, expected=mean)
        self.checkpoint(f"{tag}_variance_readout", s.readouts[1].value, expected=variance)
        heights = s.bars.heights_shown()
        self.checkpoint(
            f"{tag}_mean_of_drawn_bars",
            derived(
                "sum of k times the drawn bar heights",
                float(np.dot(ks, heights[: len(ks)])),
                heights,
            ),
            expected=mean,
            tol=1e-4,
        )

    # --- Bernoulli --------------------------------------------------------------------------
    def bernoulli_beats(self) -> None:
        axes, title, formula = self.stage(
            "Bernoulli(p)", r"P(1) = p, \quad P(0) = 1 - p", (-0.9, 1.9, 1), (0, 1.0, 0.2)
        )
        p = self.slider(0, (0.0, 1.0), 0.3, "p", theme.HYPOTHESIS, tick_step=0.5)
        s = Section(axes, title, formula, [p])
        s.bars = ParametricPmfBars(axes, lambda: Bernoulli(p.value), 1, color=BAR_COLOR, width=0.55)
        s.marker = MeanMarker(axes, lambda: Bernoulli(p.value), color=MEAN_COLOR)
        self.moments_panel(s, 1, 2)
        with self.beat(
            "A Bernoulli variable is one yes or no: one with probability p, else zero. At p "
            "equals 0.3, the bars stand 0.3 over one and 0.7 over zero."
        ) as b:
            b.say(0, *self.swap_in(None, s), p.create())
            b.say(1, s.bars.grow())
            self.check_sliders("bernoulli", s)
            self.checkpoint(
                "bernoulli_bars_at_p_0_3", s.bars.heights_shown(), expected=[0.7, 0.3], tol=TOL
            )
        truth = lambda: Bernoulli(p.value_shown())  # noqa: E731
        with self.held("bernoulli", s, truth):
            with self.beat(
                "The yellow line is the mean, p itself; the band reaches one standard deviation "
                "each side. Slide p to 0.8: the bars trade height, and the variance, p times one "
                "minus p, falls from 0.21 to 0.16."
            ) as b:
                self.add(s.marker)
                self.bring_to_front(s.bars)
                b.say(0, FadeIn(s.marker), *(FadeIn(r) for r in s.readouts))
                self.checkpoint("bernoulli_variance_at_p_0_3", s.readouts[1].value, expected=0.21)
                b.say(1, SlideTo(p, 0.8))
                self.check_moments("bernoulli", s, [0, 1], [0.2, 0.8])
                self.checkpoint(
                    "bernoulli_bars_at_p_0_8", s.bars.heights_shown(), expected=[0.2, 0.8], tol=TOL
                )
        self.section = s

    # --- binomial ---------------------------------------------------------------------------
    def binomial_beats(self) -> None:
        axes, title, formula = self.stage(
            "Binomial(n, p)",
            r"P(k) = \binom{n}{k}\, p^k (1-p)^{n-k}",
            (-0.9, 20.9, 5),
            (0, 0.4, 0.1),
        )
        n = self.slider(0, (1.0, 20.0), 10.0, "n", theme.BASIS_I, decimals=0, tick_step=5)
        p = self.slider(1, (0.0, 1.0), 0.5, "p", theme.HYPOTHESIS, tick_step=0.5)
        s = Section(axes, title, formula, [n, p])
        model = lambda: Binomial(int(n.value), p.value)  # noqa: E731
        s.bars = ParametricPmfBars(axes, model, 20, color=BAR_COLOR)
        s.marker = MeanMarker(axes, model, color=MEAN_COLOR)
        self.moments_panel(s, 1, 1)
        with self.beat(
            "Count the successes in n independent trials: that count is binomial. Ten fair trials "
            "make a symmetric hump around five, with variance n p times one minus p, 2.5."
        ) as b:
            b.say(0, *self.swap_in(self.section, s), n.create(), p.create())
            self.add(s.marker)
            b.say(1, s.bars.grow(), FadeIn(s.marker), *(FadeIn(r) for r in s.readouts))
            self.bring_to_front(s.bars)
            self.checkpoint("binomial_bars_drawn_n_10", s.bars.count_shown(), expected=11)
            self.check_sliders("binomial", s)
            self.check_moments("binomial_10_05", s, list(range(11)), exact_binomial(10, 0.5))
        truth = lambda: Binomial(round(n.value_shown()), p.value_shown())  # noqa: E731
        with self.held("binomial", s, truth):
            with self.beat(
                "Lower p to 0.2 and the hump slides left and leans. Raise n to twenty: mean four, "
                "variance 3.2."
            ) as b:
                b.say(0, SlideTo(p, 0.2))
                b.say(1, SlideTo(n, 20.0, whole=True))
                self.check_moments("binomial_20_02", s, list(range(21)), exact_binomial(20, 0.2))
            with self.beat(
                "Push p to 0.6 and the pile marches right, to a mean of twelve and a variance of "
                "4.8."
            ) as b:
                b.say(0, SlideTo(p, 0.6))
                pmf = exact_binomial(20, 0.6)
                self.checkpoint("binomial_bars_drawn_n_20", s.bars.count_shown(), expected=21)
                self.checkpoint(
                    "binomial_bars_20_06", s.bars.heights_shown(), expected=pmf, tol=TOL
                )
                self.check_moments("binomial_20_06", s, list(range(21)), pmf)
        self.section = s

    # --- Poisson ----------------------------------------------------------------------------
    def poisson_beats(self) -> None:
        axes, title, formula = self.stage(
            "Poisson(λ): requests per second",
            r"P(k) = \frac{\lambda^k e^{-\lambda}}{k!}",
            (-0.9, 16.9, 2),
            (0, 0.4, 0.1),
        )
        lam = self.slider(0, (0.0, 10.0), 2.0, r"\lambda", theme.GRADIENT, tick_step=5)
        s = Section(axes, title, formula, [lam])
        model = lambda: Poisson(max(lam.value, 1e-9))  # noqa: E731
        s.bars = ParametricPmfBars(axes, model, 16, color=BAR_COLOR)
        s.marker = MeanMarker(axes, model, color=MEAN_COLOR)
        self.moments_panel(s, 1, 1)
        with self.beat(
            "Requests reaching a server independently at a steady rate give a Poisson count per "
            "second. Its one parameter, lambda, is the average rate: here two a second."
        ) as b:
            b.say(0, *self.swap_in(self.section, s), lam.create())
            self.add(s.marker)
            b.say(1, s.bars.grow(), FadeIn(s.marker), *(FadeIn(r) for r in s.readouts))
            self.bring_to_front(s.bars)
            self.check_sliders("poisson", s)
            self.checkpoint(
                "poisson_bars_at_2",
                s.bars.heights_shown(),
                expected=exact_poisson(2.0, 16),
                tol=TOL,
            )
            self.checkpoint("poisson_mean_readout_at_2", s.readouts[0].value, expected=2.0)
            self.checkpoint("poisson_variance_readout_at_2", s.readouts[1].value, expected=2.0)
        truth = lambda: Poisson(lam.value_shown())  # noqa: E731
        with (
            self.held("poisson", s, truth),
            self.beat(
                "Turn the rate up to seven and the bars flatten and spread. Back at four, the "
                "mean and the variance both read four, as they always do for a Poisson count."
            ) as b,
        ):
            b.say(0, SlideTo(lam, 7.0))
            self.play(SlideTo(lam, 4.0), run_time=0.5 * b.sentence(1))
            pmf = exact_poisson(4.0, 16)
            self.checkpoint("poisson_bars_at_4", s.bars.heights_shown(), expected=pmf, tol=TOL)
            self.checkpoint("poisson_mean_marker", s.marker.mean_shown(), expected=4.0, tol=TOL)
            self.checkpoint("poisson_mean_readout", s.readouts[0].value, expected=4.0)
            self.checkpoint("poisson_variance_readout", s.readouts[1].value, expected=4.0)
            b.say(
                1, *(Indicate(r, color=r.number.get_color(), scale_factor=1.15) for r in s.readouts)
            )
        self.section = s

    # --- normal -----------------------------------------------------------------------------
    def normal_beats(self) -> None:
        axes, title, formula = self.stage(
            "Normal(μ, σ)",
            r"f(x) = \frac{1}{\sigma\sqrt{2\pi}}\, e^{-(x-\mu)^2 / 2\sigma^2}",
            (-6, 6, 2),
            (0, 0.8, 0.2),
        )
        mu = self.slider(0, (-2.0, 2.0), 0.0, r"\mu", MEAN_COLOR, tick_step=1)
        sigma = self.slider(1, (0.5, 2.0), 1.0, r"\sigma", BAND_COLOR, tick_step=0.5)
        s = Section(axes, title, formula, [mu, sigma])
        model = lambda: Normal(mu.value, sigma.value)  # noqa: E731
        ints = list(range(-6, 7))
        s.curve = DensityCurve(axes, model, (-6.0, 6.0), pins=ints, color=theme.CURVE)
        s.marker = MeanMarker(axes, model, color=MEAN_COLOR)
        curve = s.curve
        peak = self.readout(r"\text{peak}", ROW_MEAN, 2)
        area = self.readout(r"\text{area}", ROW_VARIANCE, 2)
        peak.follow(lambda: curve.peak_shown()[1])
        area.follow(curve.area_shown)
        s.readouts = [peak, area]
        s.sources = [lambda: float(curve.peak_shown()[1]), curve.area_shown]
        with self.beat(
            "Sums of many small effects, like response times, follow the normal curve, set by a "
            "mean and a standard deviation. Slide the mean and the bell shifts, keeping its "
            "shape."
        ) as b:
            b.say(0, *self.swap_in(self.section, s), mu.create(), sigma.create(), curve.sweep_in())
            self.add(s.marker)
            self.play(FadeIn(s.marker), *(FadeIn(r) for r in s.readouts), run_time=0.6)
            self.check_sliders("normal", s)
            truth = lambda: Normal(mu.value_shown(), sigma.value_shown())  # noqa: E731
            with self.held("normal", s, truth), self.normal_invariants(s, truth, "normal"):
                self.play(SlideTo(mu, 1.5), run_time=0.5 * b.sentence(1))
                self.checkpoint(
                    "normal_mean_marker_at_1_5", s.marker.mean_shown(), expected=1.5, tol=TOL
                )
                b.say(1, SlideTo(mu, -1.0))
        with (
            self.held("normal wide", s, truth),
            self.normal_invariants(s, truth, "normal wide"),
            self.beat(
                "Shrink the standard deviation to 0.6 and the bell grows tall, peaking at 0.66; "
                "widen it to 1.8 and it flattens to 0.22. Through it all the area stays 1.00: "
                "probabilities add up to one."
            ) as b,
        ):
            self.play(SlideTo(sigma, 0.6), run_time=0.45 * b.sentence(0))
            self.checkpoint(
                "normal_peak_sigma_0_6", peak.value, expected=normal_density(-1, -1, 0.6)
            )
            b.say(0, SlideTo(sigma, 1.8))
            self.checkpoint(
                "normal_peak_sigma_1_8", peak.value, expected=normal_density(-1, -1, 1.8)
            )
            xs = [float(x) for x in ints]
            self.checkpoint(
                "normal_heights_at_integers",
                curve.heights_shown(xs),
                expected=[normal_density(x, -1.0, 1.8) for x in xs],
                tol=TOL,
            )
            inside = 0.5 * (
                math.erf(7 / (1.8 * math.sqrt(2))) - math.erf(-5 / (1.8 * math.sqrt(2)))
            )
            self.checkpoint("normal_area_drawn", curve.area_shown(), expected=inside, tol=1e-3)
            self.checkpoint("normal_area_readout", area.value, expected=inside)
            b.say(1, SlideTo(mu, 0.5), SlideTo(sigma, 1.0), Indicate(area, color=theme.TEXT))
            self.checkpoint("normal_area_readout_at_end", area.value, expected=1.0)
        self.section = s

    def normal_invariants(self, s: Section, truth: Callable[[], Normal], tag: str) -> Any:
        """The drawn curve is the density of the values the knobs show, at every moment."""
        assert s.curve is not None
        curve, xs = s.curve, [float(x) for x in range(-6, 7)]
        return self.invariant(
            f"{tag}: curve is the density at the knobs",
            lambda: (curve.heights_shown(xs), list(truth().densities(xs))),
            tol=TOL,
        )

    # --- the binomial approaching the normal ------------------------------------------------
    def approximation_beats(self) -> None:
        axes, title, formula = self.stage(
            "Binomial(n, 0.3) vs normal",
            r"\mathcal{N}\big(np,\ np(1-p)\big)",
            (-0.9, 32.9, 5),
            (0, 0.4, 0.1),
        )
        n = self.slider(0, (0.0, 60.0), 5.0, "n", theme.BASIS_I, decimals=0, tick_step=20)
        s = Section(axes, title, formula, [n])

        def model() -> Binomial:
            return Binomial(int(n.value), 0.3)

        s.bars = ParametricPmfBars(axes, model, 32, color=BAR_COLOR)
        s.curve = DensityCurve(
            axes,
            lambda: Normal(model().mean, math.sqrt(model().variance)),
            (-0.9, 32.9),
            samples=400,
            pins=range(33),
            color=theme.CURVE,
            fill_opacity=0.0,
        )
        bars, curve = s.bars, s.curve
        self.declare_shown(title, "p is fixed at 0.3 for this comparison")
        gap = self.readout(r"\text{largest gap}", ROW_MEAN, 3, theme.BAD)
        gap.follow(lambda: max_gap_shown(bars, curve))
        marker = GapMarker(bars, curve)
        s.readouts = [gap]
        with self.beat(
            "Back to the binomial with p at 0.3, under the normal curve of the same mean and "
            "variance. At five trials the bars lean and miss the curve by up to 0.037."
        ) as b:
            b.say(0, *self.swap_in(self.section, s), n.create(), bars.grow())
            self.play(curve.sweep_in(), run_time=0.55 * b.sentence(1))
            self.add(marker)
            b.say(1, FadeIn(gap), FadeIn(marker))
            self.check_gap("n_5", s, 5)
            self.check_sliders("approximation", s)
        with (
            self.invariant(
                "approximation: gap readout shows the drawn gap",
                lambda: (gap.value, max_gap_shown(bars, curve)),
            ),
            self.invariant(
                "approximation: red segment is the largest gap",
                lambda: (marker.length_shown(), max_gap_shown(bars, curve)),
                tol=TOL,
            ),
            self.invariant("approximation: slider n readout shows its knob", _knob(n), tol=None),
            self.invariant(
                "approximation: bars are the PMF at the knob",
                lambda: (
                    bars.heights_shown(),
                    padded(exact_binomial(round(n.value_shown()), 0.3), 33),
                ),
                tol=TOL,
            ),
            self.beat(
                "Raise n to sixty: the bars spread, straighten and settle onto the curve, and the "
                "largest gap shrinks to 0.003. So a count over many trials can be treated as "
                "normal."
            ) as b,
        ):
            b.say(0, SlideTo(n, 60.0, whole=True))
            self.check_gap("n_60", s, 60)
            b.say(1, Indicate(gap, color=theme.TEXT, scale_factor=1.15))

    def check_gap(self, tag: str, s: Section, n: int) -> None:
        assert s.bars is not None
        assert s.curve is not None
        full = exact_binomial(n, 0.3)
        mean, variance = moments(range(n + 1), full)
        pmf = padded(full, 33)
        curve = [normal_density(k, mean, math.sqrt(variance)) for k in range(33)]
        gap = max(abs(a - b) for a, b in zip(pmf, curve, strict=True))
        self.checkpoint(f"binomial_bars_{tag}", s.bars.heights_shown(), expected=pmf, tol=TOL)
        self.checkpoint(
            f"normal_curve_at_k_{tag}", s.curve.heights_shown(range(33)), expected=curve, tol=TOL
        )
        self.checkpoint(
            f"largest_gap_drawn_{tag}", max_gap_shown(s.bars, s.curve), expected=gap, tol=TOL
        )
        self.checkpoint(f"largest_gap_readout_{tag}", s.readouts[0].value, expected=gap)


def truth_pmf(model: Discrete | Normal) -> list[float]:
    """The PMF of a discrete model by the independent routes above."""
    if isinstance(model, Bernoulli):
        return [1.0 - model.p, model.p]
    if isinstance(model, Binomial):
        return exact_binomial(model.n, model.p)
    if isinstance(model, Poisson):
        return exact_poisson(model.lam, 40)
    raise TypeError("a density has no PMF")


def slider_name(slider: Slider) -> str:
    """``p``, ``n``, ``lambda``…: a slider's label without TeX."""
    return slider.readout.label.get_tex_string().strip("=\\")


def describe_tex(readout: Readout) -> str:
    return readout.label.get_tex_string().replace(r"\text{", "").replace("}", "").rstrip("=")


def _knob(slider: Slider) -> Callable[[], tuple[Any, float]]:
    return lambda: (slider.readout.value, slider.value_shown())


def _pair(readout: Readout, read: Callable[[], float]) -> Callable[[], tuple[Any, float]]:
    return lambda: (readout.value, read())


SCENES = [CommonDistributions]
