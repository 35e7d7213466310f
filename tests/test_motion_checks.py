"""The engine's rules for what a checkpoint may claim, and its checks in motion: invariants
sampled inside animations, objects changed but not redrawn, pacing, unverified numbers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from manim import Animation, Axes, Dot, FadeIn, FadeOut, UpdateFromAlphaFunc, linear, smooth

from mathviz.checkpoints import PlayRecord, SceneReport, pacing
from mathviz.course import get_chapter
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout, coords
from mathviz.render import runner
from mathviz.scene import MOTION_SAMPLES, LectureScene

SLOT = get_chapter("14.1")  # a chapter without scenes of its own


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    media = Path(tmp_path_factory.mktemp("media"))

    def run_scene(scene_cls: type) -> SceneReport:
        with runner.manim_config(None, media, "none"):
            report, _ = runner.run_scene(SLOT, scene_cls, skip=True)
        return report

    return run_scene


def by_name(report: SceneReport) -> dict:
    return {c.name: c for c in report.checkpoints}


class Stage(LectureScene):
    """A dot moving along the x axis from 0 to 4 with an x readout beside it."""

    chapter_id = "14.1"

    def setup(self) -> None:
        super().setup()
        self.axes = Axes(x_range=(0, 5, 1), y_range=(-1, 1, 1), x_length=8, y_length=2)
        self.dot = Dot(self.axes.c2p(0, 0))
        self.readout = Readout("x", 0.0, decimals=2).to_corner(np.array([-1.0, 1.0, 0.0]))
        self.add(self.axes, self.dot, self.readout)

    def dot_x(self):
        return coords(self.axes, self.dot)[0]

    def slide(self, to: float, *extra, rate=linear) -> None:
        start = self.dot.get_center()
        end = self.axes.c2p(to, 0)
        self.play(
            UpdateFromAlphaFunc(
                self.dot, lambda d, a: d.move_to(start + (end - start) * a), rate_func=rate
            ),
            *extra,
            run_time=2.0,
        )


class Refusals(Stage):
    def construct(self) -> None:
        with self.beat("Checkpoints that do not read the screen are refused."):
            self.readout.set(0.171799)
            x = self.dot_x()
            self.checkpoint("plain_float", 0.0, expected=0.0)
            self.checkpoint("expected_itself", x, expected=x)
            self.checkpoint("too_loose", self.dot_x(), expected=2.0, tol=0.5)
            self.checkpoint("tol_on_printed", self.readout.value, expected=0.171799, tol=1e-3)
            self.checkpoint("printed_rounds_right", self.readout.value, expected=0.171799)
            self.checkpoint("printed_rounds_wrong", self.readout.value, expected=0.1661)
            self.checkpoint("geometry_ok", self.dot_x(), expected=0.0, tol=1e-9)


def test_checkpoints_that_do_not_read_the_screen_are_refused(run):
    results = by_name(run(Refusals))
    for name in ("plain_float", "expected_itself", "too_loose", "tol_on_printed"):
        assert not results[name].ok and results[name].source.startswith("refused"), name
    assert "not read from the screen" in results["plain_float"].source
    assert "expected object itself" in results["expected_itself"].source
    assert "10%" in results["too_loose"].source
    assert results["geometry_ok"].ok and results["geometry_ok"].source.startswith("geometry")


def test_printed_values_are_compared_at_the_displayed_precision(run):
    results = by_name(run(Refusals))
    right, wrong = results["printed_rounds_right"], results["printed_rounds_wrong"]
    assert right.ok and right.shown == 0.17 and right.tol == pytest.approx(0.005)
    assert right.source == "printed"
    # 0.1661 shows as 0.17 too, but the readout printed 0.17 from 0.171799: fine; 0.1649 is not
    assert wrong.ok == (abs(0.17 - 0.1661) <= 0.005)


class CountingReadout(Stage):
    """The readout counts on its own clock while the dot eases: they disagree mid-play."""

    follow = False

    def construct(self) -> None:
        with self.invariant(
            "readout shows the dot's x", lambda: (self.readout.value, self.dot_x())
        ):
            with self.beat("The dot slides to four while the readout reports its x."):
                if self.follow:
                    self.readout.follow(self.dot_x)
                    self.slide(4.0, rate=lambda t: t * t)
                else:
                    self.slide(4.0, self.readout.change_to(4.0), rate=lambda t: t * t)


class FollowingReadout(CountingReadout):
    follow = True


def test_an_invariant_fails_at_the_first_sampled_moment_it_breaks(run):
    failed = by_name(run(CountingReadout))["invariant:readout shows the dot's x"]
    assert not failed.ok
    # the first sample, 1/8 into the play: the count follows Manim's default smooth rate,
    # the eased dot is at 4 * (1/8)^2
    assert "0.25s into play" in failed.source
    assert failed.shown == round(4 * smooth(1 / 8), 2)
    assert failed.expected == pytest.approx(4 / 64, abs=1e-6)


def test_a_readout_following_its_geometry_holds_at_every_sample(run):
    held = by_name(run(FollowingReadout))["invariant:readout shows the dot's x"]
    assert held.ok and held.expected == pytest.approx(4.0)


class HeldTogether(Stage):
    """Two invariants held over one play through ``hold``: the counting readout (it breaks)
    and the dot's height (it holds)."""

    def construct(self) -> None:
        checks = [
            ("readout shows the dot's x", lambda: (self.readout.value, self.dot_x()), None),
            ("the dot stays on the axis", lambda: (coords(self.axes, self.dot)[1], 0.0), 1e-6),
        ]
        with self.hold(checks), self.beat("The dot slides while two statements are held."):
            self.slide(4.0, self.readout.change_to(4.0), rate=lambda t: t * t)


def test_hold_states_each_invariant_of_a_list_and_judges_each_on_its_own(run):
    results = by_name(run(HeldTogether))
    broken = results["invariant:readout shows the dot's x"]
    assert not broken.ok and "0.25s into play" in broken.source
    kept = results["invariant:the dot stays on the axis"]
    held_at = int(kept.source.rsplit("held at ", 1)[1].split()[0])
    assert kept.ok and held_at >= MOTION_SAMPLES + 2  # entry, every sample, beat end, exit


class FrozenReadout(Stage):
    """The dot's animation also writes the readout, which Manim does not redraw: drawn before
    the dot, the readout is part of the static background of that play."""

    include_readout = False

    def construct(self) -> None:
        self.bring_to_back(self.readout)
        start, end = self.dot.get_center(), self.axes.c2p(3, 0)

        def move(dot, alpha):
            dot.move_to(start + (end - start) * alpha)
            self.readout.set(3 * alpha)

        with self.beat("The dot moves and its readout changes behind the viewer's back."):
            extra = [Animation(self.readout, run_time=2.0)] if self.include_readout else []
            self.play(UpdateFromAlphaFunc(self.dot, move), *extra, run_time=2.0)


class RedrawnReadout(FrozenReadout):
    include_readout = True


def test_an_object_changed_but_not_redrawn_is_reported(run):
    frozen = [c for c in run(FrozenReadout).checkpoints if c.name.startswith("frozen@")]
    assert len(frozen) == 1 and not frozen[0].ok
    assert "number" in frozen[0].name and "not redrawn" in frozen[0].name


def test_the_same_change_inside_the_animation_is_fine(run):
    assert not [c for c in run(RedrawnReadout).checkpoints if c.name.startswith("frozen@")]


class Paced(Stage):
    def construct(self) -> None:
        with self.beat("One slide, then a pause.", hold=0.0):
            self.slide(1.0)
            self.wait(3.0)
        self.slide(2.0)


def test_pacing_counts_still_waits_and_finds_the_longest(run):
    report = run(Paced)
    moving = [p for p in report.plays if p.moving]
    assert len(moving) == 2 and all(p.end - p.start == pytest.approx(2.0) for p in moving)
    figure = pacing([report])
    still = report.duration - 4.0
    assert figure.still_seconds == pytest.approx(still)
    assert figure.longest_still == pytest.approx(report.plays[2].start - 2.0)


def test_pacing_joins_scenes_in_order():
    a = SceneReport("0.1", "A", duration=10.0, plays=[PlayRecord(0.0, 4.0, True)])
    b = SceneReport("0.1", "B", duration=5.0, plays=[PlayRecord(1.0, 5.0, True)])
    figure = pacing([a, b])
    assert figure.duration == 15.0 and figure.still_seconds == pytest.approx(7.0)
    assert figure.longest_still == pytest.approx(6.0) and figure.longest_still_at == 4.0
    assert figure.still_share == pytest.approx(7 / 15)


class Unverified(Stage):
    def construct(self) -> None:
        other = Readout("y", 1.5, decimals=1).next_to(self.readout, np.array([0.0, -1.0, 0.0]))
        given = Readout("n", 8, decimals=0).next_to(other, np.array([0.0, -1.0, 0.0]))
        self.declare_shown(given, "the brief's sample size")
        with self.beat("Two readouts; only one is checked."):
            self.add(other, given)
            self.readout.set(0.5)
            self.checkpoint("x_readout", self.readout.value, expected=0.5)


def test_numbers_shown_without_a_checkpoint_are_listed(run):
    listed = run(Unverified).unverified
    assert len(listed) == 1 and listed[0].startswith("number 1.5")


def test_the_engine_samples_every_animation_eight_times():
    assert MOTION_SAMPLES == 8


class FadingInFollower(Stage):
    """A readout follows the dot but joins the picture (a group already on screen, as a panel
    row does) only after the dot has moved."""

    def construct(self) -> None:
        self.later = Readout("x", 0.0, decimals=2).to_corner(np.array([1.0, 1.0, 0.0]))
        self.later.follow(self.dot_x)
        panel = Panel(corner=np.array([1.0, 1.0, 0.0]))
        self.seen: list[float] = []
        with self.beat("The dot moves first; its readout fades in afterwards."):
            self.play(panel.show(Readout("y", 0.0, decimals=2)))
            self.slide(3.0)
            self.seen.clear()
            self.play(panel.grow(self.later), run_time=1.0)
        self.report.unverified.append(",".join(map(str, self.seen)))

    def _motion_moment(self, t: float, final: bool) -> None:
        super()._motion_moment(t, final)
        if hasattr(self, "later") and self.later in self.get_mobject_family_members():
            self.seen.append(float(self.later.value))


def test_a_follower_entering_the_scene_shows_its_current_value_from_the_first_frame(run):
    seen = [float(v) for v in run(FadingInFollower).unverified[-1].split(",")]
    assert len(seen) == 8 and all(v == 3.0 for v in seen), seen


class FadingCounter(Stage):
    """A readout fades in while the dot it follows slides: a fade redraws from copies taken
    as it begins, so the viewer sees 0.00 all the way while its digits say otherwise."""

    settle_first = False

    def construct(self) -> None:
        self.remove(self.readout)
        self.readout.follow(self.dot_x)
        with self.beat("The readout fades in while the dot slides to four."):
            if self.settle_first:
                self.play(FadeIn(self.readout))
                self.slide(4.0)
            else:
                self.slide(4.0, FadeIn(self.readout))


class SettledCounter(FadingCounter):
    settle_first = True


def test_a_number_changing_under_a_fade_is_reported_and_a_settled_one_is_not(run):
    frozen = [c for c in run(FadingCounter).checkpoints if c.name.startswith("frozen@")]
    assert len(frozen) == 1 and not frozen[0].ok
    assert "fade or transform carries it" in frozen[0].name and "shows 0.00" in frozen[0].name
    assert not [c for c in run(SettledCounter).checkpoints if c.name.startswith("frozen@")]


class Clearing(Stage):
    """Fades everything out where it stands, three ways: with nothing to judge mid-play, with
    an invariant holding, and with an updater running (its readout follows the dot)."""

    case = "plain"

    def construct(self) -> None:
        self.moments: list[float] = []
        if self.case == "updater":
            self.readout.follow(self.dot_x)
        with self.beat("Everything on the stage fades out where it stands."):
            if self.case == "invariant":
                with self.invariant("dot_x", lambda: (coords(self.axes, self.dot)[:1], [0.0])):
                    self.play(FadeOut(*self.mobjects), run_time=1.0)
            else:
                self.play(FadeOut(*self.mobjects), run_time=1.0)
        self.report.unverified.append(",".join(f"{t:g}" for t in self.moments))

    def _motion_moment(self, t: float, final: bool) -> None:
        super()._motion_moment(t, final)
        self.moments.append(t)


@pytest.mark.parametrize(("case", "moments"), [("plain", 1), ("invariant", 8), ("updater", 8)])
def test_a_fade_out_is_sampled_only_where_a_moment_of_it_can_be_judged(run, case, moments):
    """Fading out in place changes opacities alone: with no invariant and no updater nothing
    can be judged mid-play (the lint leaves a clearing fade alone), so it steps straight to
    its end; otherwise at every sampled moment."""
    scene = type(f"Clearing_{case}", (Clearing,), {"case": case})
    report = run(scene)
    seen = report.unverified[-1].split(",")
    assert len(seen) == moments and float(seen[-1]) == 1.0
    assert all(c.ok for c in report.checkpoints if c.name.startswith("invariant:"))
