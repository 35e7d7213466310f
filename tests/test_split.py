"""One scene, several workers: cuts at beat boundaries, and parts joined frame for frame.

The cut planner is checked against an exhaustive search over every choice of beat
boundaries; the render tests build a draft scene whose picture depends on every frame
step before a cut (an updater that integrates ``dt``, a frozen wait of a fractional number
of frames) whole and in parts, and compare the decoded frames.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from drafts import Recorder, decoded_md5, stray, video_times

from mathviz.checkpoints import PlayRecord
from mathviz.course import get_chapter
from mathviz.render import build, profiles, split
from mathviz.render.segments import TMP_MARK, SegmentJob


def _plays(spec: list[tuple[float, bool, int | None]]) -> list[PlayRecord]:
    """Plays back to back from (seconds, moving, beat)."""
    out, clock = [], 0.0
    for seconds, moving, beat in spec:
        out.append(PlayRecord(clock, clock + seconds, moving, beat))
        clock += seconds
    return out


SCENE = _plays(
    [
        (2.0, True, 0),
        (1.0, False, 0),
        (0.6, True, None),
        (3.0, True, 1),
        (4.0, True, 1),
        (2.5, False, 1),
        (5.0, True, 2),
        (1.0, True, 3),
        (6.0, True, 3),
        (0.5, False, 3),
        (2.0, True, 4),
    ]
)


def _cost_by_hand(plays: list[PlayRecord], first: int, upto: int) -> float:
    """A part's work written out play by play: each earlier moving play stepped, each of
    its own drawn (a still one at the still rate)."""
    total = 0.0
    for index, play in enumerate(plays):
        seconds = play.end - play.start
        if index < first and play.moving:
            total += split.STEP_COST * seconds
        elif first <= index < upto:
            total += seconds if play.moving else split.STILL_COST * seconds
    return total


def test_a_scene_is_cut_only_where_a_beat_begins_or_ends() -> None:
    assert split.beat_cuts(SCENE) == [2, 3, 6, 7, 10]
    assert split.beat_cuts(_plays([(1.0, True, 0), (1.0, True, 0)])) == []


@pytest.mark.parametrize("parts", [2, 3, 4, 6])
def test_the_cuts_minimise_the_costliest_part_over_every_choice(parts: int) -> None:
    candidates = split.beat_cuts(SCENE)
    n = len(SCENE)

    def worst(cuts: tuple[int, ...]) -> float:
        bounds = [0, *cuts, n]
        return max(_cost_by_hand(SCENE, a, b) for a, b in zip(bounds, bounds[1:], strict=False))

    wanted = min(parts, len(candidates) + 1) - 1
    exhaustive = min(worst(c) for c in itertools.combinations(candidates, wanted))
    cuts = split.best_cuts(SCENE, parts)
    assert len(cuts) == wanted and set(cuts) <= set(candidates)
    assert worst(tuple(cuts)) == pytest.approx(exhaustive)
    costs = split.part_costs(SCENE, cuts)
    bounds = [0, *cuts, n]
    assert costs == pytest.approx(
        [_cost_by_hand(SCENE, a, b) for a, b in zip(bounds, bounds[1:], strict=False)]
    )


def test_a_scene_without_beats_to_cut_at_stays_whole() -> None:
    assert split.best_cuts(_plays([(3.0, True, 0), (2.0, False, 0)]), 4) == []
    assert split.best_cuts([], 2) == []


def _job(tmp_path: Path, scene: str, seconds: float, profile: str = "lecture") -> SegmentJob:
    profile = profiles.load(profile)
    return SegmentJob(
        "6.3",
        scene,
        "f" * 40,
        profile,
        "mp4",
        tmp_path / f"{scene}.mp4",
        tmp_path / f"{scene}.mp4.json",
        tmp_path / "log",
        expected_duration=seconds,
    )


def test_spare_workers_go_to_the_longest_scene(tmp_path: Path) -> None:
    long, short = _job(tmp_path, "Long", 31.6), _job(tmp_path, "Short", 5.0)
    plays = {long.label: SCENE, short.label: _plays([(5.0, True, 0)])}
    assert split.split_jobs([long, short], 2, plays) == [long, short]  # a worker each
    jobs = split.split_jobs([long, short], 3, plays, owner=4242)
    assert [j.label for j in jobs] == ["6.3 Long [1/2]", "6.3 Long [2/2]", "6.3 Short"]
    first, second = jobs[0], jobs[1]
    cut = split.best_cuts(SCENE, 2)[0]
    assert first.plays == (0, cut) and second.plays == (cut, None)
    assert first.last_part is False and second.last_part is True
    assert first.whole_label == long.label
    for part in (first, second):  # temporary movies, named after the build that owns them
        assert part.part_video is not None and part.part_video.parent == tmp_path
        assert f"{TMP_MARK}4242-" in part.part_video.name
    assert first.expected_duration == pytest.approx(SCENE[cut - 1].end)
    assert second.expected_duration == pytest.approx(SCENE[-1].end - SCENE[cut].start)


def test_a_scene_of_small_frames_is_not_cut(tmp_path: Path) -> None:
    small = _job(tmp_path, "Long", 31.6, "preview")
    assert profiles.load("preview").width * profiles.load("preview").height < split.MIN_CUT_PIXELS
    assert split.split_jobs([small], 2, {small.label: SCENE}) == [small]
    large = _job(tmp_path, "Long", 31.6, "slides")  # 1920×1080 at 30 fps
    assert len(split.split_jobs([large], 2, {large.label: SCENE})) == 2


def test_a_scene_is_not_cut_into_slivers_or_blind(tmp_path: Path) -> None:
    job = _job(tmp_path, "Long", 31.6)
    assert split.split_jobs([job], 2, {}) == [job]  # its plays are unknown
    brief = _plays([(1.0, True, 0), (1.0, True, 1), (1.0, True, 2)])
    assert split.split_jobs([job], 3, {job.label: brief}) == [job]  # 1 s parts: not worth it
    parts = split.split_jobs([job], 16, {job.label: SCENE})
    bounds = [p.plays for p in parts]
    assert len(parts) < 16 and all(p.part == (k, len(parts)) for k, p in enumerate(parts, 1))
    assert [b[0] for b in bounds][1:] == [b[1] for b in bounds][:-1]  # back to back
    for first, upto in bounds:
        moving = sum(p.end - p.start for p in SCENE[first:upto] if p.moving)
        assert moving >= split.MIN_PART_SECONDS


# --- rendering in parts ------------------------------------------------------------------
DRAFT = """
from manim import ORIGIN, RIGHT, UP, Circle, Create, Dot, Square
from mathviz.readings import reads_screen
from mathviz.scene import LectureScene


@reads_screen("geometry")
def distance_shown(dot):
    return float((dot.get_center() ** 2).sum() ** 0.5)


class Opening(LectureScene):
    chapter_id = "0.1"

    def construct(self) -> None:
        dot = Dot(RIGHT * 2)
        # the dot's angle is the sum of every frame's step, at a speed that depends on where
        # it is: a part that stepped the plays before it in other steps (or jumped over
        # them) would start from another angle
        dot.add_updater(
            lambda m, dt: m.rotate(0.9 * dt * (1 + m.get_x() ** 2), about_point=ORIGIN)
        )
        self.add(dot)
        with self.beat("A dot circles the origin."):
            self.play(Create(Circle(radius=2)), run_time=1.3)
        with self.beat("It keeps going while nothing else moves."):
            self.wait(0.77)
        dot.clear_updaters()
        with self.beat("It stops, then climbs."):
            self.wait(0.53)
            # turning about the origin keeps its distance
            self.checkpoint("distance", distance_shown(dot), expected={expected}, tol=1e-6)
            self.play(dot.animate.shift(UP), run_time=0.9)
        with self.beat("A square."):
            self.play(Create(Square()), run_time=1.1)


SCENES = [Opening]
"""


SOLID = """
from manim import DEGREES, Create, Cube
from mathviz.readings import reads_screen
from mathviz.scene import LectureThreeDScene


@reads_screen("geometry")
def side_shown(cube):
    return float(cube.width)


class Opening(LectureThreeDScene):
    chapter_id = "0.1"

    def construct(self) -> None:
        # the camera's angle is a tracker its updater moves every frame: a part starts drawing
        # from where the camera has turned to, and projects through it
        self.set_camera_orientation(phi=65 * DEGREES, theta=-45 * DEGREES)
        cube = Cube(side_length=2)
        with self.beat("A cube, and a camera circling it."):
            self.begin_ambient_camera_rotation(rate=0.6)
            self.play(Create(cube), run_time=1.2)
        with self.beat("The camera keeps circling."):
            self.wait(0.77)
        self.stop_ambient_camera_rotation()
        with self.beat("Then it holds still."):
            self.wait(0.53)
            self.checkpoint("side", side_shown(cube), expected={expected}, tol=1e-6)
            self.play(cube.animate.scale(0.5), run_time=0.9)


SCENES = [Opening]
"""


def _draft(folder: Path, expected: str, source: str = DRAFT) -> None:
    (folder / f"{get_chapter('0.1').module_stem}.py").write_text(source.format(expected=expected))


def _build(out: Path, jobs: int, *, force: bool = False, fmt: str = "mp4") -> Recorder:
    seen = Recorder()
    build.build(
        [get_chapter("0.1")], profiles.load("preview"), fmt, out, seen, jobs=jobs, force=force
    )
    return seen


@pytest.mark.render
@pytest.mark.parametrize(
    ("source", "fmt"),
    [(DRAFT, "mp4"), (SOLID, "mp4"), (DRAFT, "webm")],
    ids=["flat", "solid", "flat-webm"],
)
def test_a_scene_rendered_in_parts_has_exactly_the_frames_of_one_render(
    drafts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, fmt: str
) -> None:
    _draft(drafts, "2.0", source)
    out = tmp_path / "out"
    whole = _build(out, 1, fmt=fmt)
    assert whole.started == ["0.1 Opening"]
    video = out / "preview" / "00-foundations" / f"0.1-mathematical-language.{fmt}"
    frames_whole, times_whole = decoded_md5(video), video_times(video)
    sidecar_whole = json.loads(video.with_name(f"{video.name}.json").read_text())

    monkeypatch.setattr(split, "MIN_PART_SECONDS", 0.0)  # the draft's parts are short
    monkeypatch.setattr(split, "MIN_CUT_PIXELS", 0)  # and its frames small, to be quick
    parts = _build(out, 3, force=True, fmt=fmt)
    assert parts.started and all(label.startswith("0.1 Opening [") for label in parts.started)
    assert len(parts.started) == 3  # a part per worker, cut at beats
    [result] = parts.results
    assert result.ok and result.job.label == "0.1 Opening"
    assert decoded_md5(video) == frames_whole
    # and shown when one render shows them: no part shifted by its file's rounded length
    times = video_times(video)
    if fmt == "mp4":
        assert times == times_whole
    else:  # webm counts whole milliseconds: a frame's time is rounded once in one render,
        # and a part's start and its own frame's time each rounded in a joined one
        assert len(times) == len(times_whole)
        for (pts, dts), (pts_whole, dts_whole) in zip(times, times_whole, strict=True):
            assert abs(int(pts) - int(pts_whole)) <= 1 and abs(int(dts) - int(dts_whole)) <= 1
    drawn = [part["frames"] for part in result.extra["parts"]]
    assert len(drawn) == 3 and all(drawn) and sum(drawn) == len(frames_whole)
    sidecar = json.loads(video.with_name(f"{video.name}.json").read_text())
    assert sidecar["checkpoints"] == sidecar_whole["checkpoints"]
    assert sidecar["beats"] == sidecar_whole["beats"]
    if fmt == "mp4":  # the voice track mastered for either render fits the other
        assert sidecar["duration"] == sidecar_whole["duration"]
    else:
        assert abs(sidecar["duration"] - sidecar_whole["duration"]) <= 0.0015
    assert stray(tmp_path) == []


@pytest.mark.render
def test_a_failing_checkpoint_fails_a_scene_in_parts_once(
    drafts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _draft(drafts, "2.0")
    out = tmp_path / "out"
    _build(out, 1)  # what the plan learns the plays from
    _draft(drafts, "7.0")  # now the checkpoint fails
    monkeypatch.setattr(split, "MIN_PART_SECONDS", 0.0)
    monkeypatch.setattr(split, "MIN_CUT_PIXELS", 0)
    seen = _build(out, 3)
    assert len(seen.started) == 3
    [result] = seen.results
    assert not result.ok and result.failure == "checkpoints"
    assert result.message == "1 checkpoint(s) failed" and "distance" in result.details
    assert result.job.log.name.endswith(".part3.log") and result.job.log.is_file()
    [outcome] = seen.outcomes
    assert outcome.status == "failed"
    assert stray(tmp_path) == []


TWO_SCENES = """
from manim import Circle, Create, Square
from mathviz.scene import LectureScene


class Opening(LectureScene):
    chapter_id = "0.1"

    def construct(self) -> None:
        with self.beat("A circle."):
            self.play(Create(Circle()), run_time=1.0)
        self.wait(1 / 15)  # a frame more: a length that is not a whole millisecond


class Closing(LectureScene):
    chapter_id = "0.1"

    def construct(self) -> None:
        with self.beat("A square."):
            self.play(Create(Square()), run_time=1.0)


SCENES = [Opening, Closing]
"""


@pytest.mark.render
def test_a_chapters_scenes_are_joined_back_to_back(drafts: Path, tmp_path: Path) -> None:
    """The second scene's frames follow the first's at one frame's interval, not after the
    first file's length rounded to the millisecond."""
    (drafts / f"{get_chapter('0.1').module_stem}.py").write_text(TWO_SCENES)
    out = tmp_path / "out"
    seen = _build(out, 1)
    assert len(seen.started) == 2
    fps = profiles.load("preview").fps
    first = next(r for r in seen.results if r.job.scene == "Opening")
    assert (first.frames * 1000) % fps  # mp4 rounds the first segment's length up
    video = out / "preview" / "00-foundations" / "0.1-mathematical-language.mp4"
    times = sorted(int(pts) for pts, _ in video_times(video))
    steps = {b - a for a, b in itertools.pairwise(times)}
    assert len(steps) == 1, steps  # evenly spaced throughout
    sidecar = json.loads(video.with_name(f"{video.name}.json").read_text())
    # as long as its frames, to the millisecond mp4 counts a file's length in
    assert sidecar["duration"] == pytest.approx(len(times) / fps, abs=1e-3)
