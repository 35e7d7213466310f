"""``mathviz storyboard``: which frames (times worked out by hand here), the contact sheet's
layout and red frames, the page, frames taken from a real video, and one real run on 6.3."""

from __future__ import annotations

import dataclasses
import html
import json
import math
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from mathviz.checkpoints import (
    BeatRecord,
    CheckpointResult,
    PlayRecord,
    SceneReport,
    SpokenSentence,
)
from mathviz.course import get_chapter
from mathviz.publish import storyboard as sb
from mathviz.render import profiles
from mathviz.render.assemble import sidecar_path

FPS = 15


def _check(scene: str, name: str, ok: bool, beat: int | None) -> CheckpointResult:
    return CheckpointResult("0.1", scene, name, 1.0, 1.0 if ok else 2.0, 1e-6, ok, beat)


def two_scenes() -> list[SceneReport]:
    """Scene A (10 s): beats 0–4 s and 4.5–10 s; scene B (6 s): beats 0–3 s and 3–6 s."""
    a = SceneReport(
        "0.1",
        "A",
        beats=[BeatRecord(0, "One.", 0.0, 4.0), BeatRecord(1, "Two.", 4.5, 10.0)],
        checkpoints=[_check("A", "fine", True, 0), _check("A", "loose", False, None)],
        duration=10.0,
        plays=[
            PlayRecord(0.0, 1.0, True, 0),  # 1 s, moving: mid at 0.5
            PlayRecord(1.0, 1.4, True, 0),  # 0.4 s: too short
            PlayRecord(1.4, 4.0, False, 0),  # a still wait
            PlayRecord(4.0, 4.5, True, None),  # exactly 0.5 s, between beats: mid at 4.25
            PlayRecord(4.5, 10.0, False, 1),
        ],
    )
    b = SceneReport(
        "0.1",
        "B",
        beats=[
            BeatRecord(
                0,
                "Three a. Three b.",
                0.0,
                3.0,
                (SpokenSentence("Three a.", 0.2, 1.0), SpokenSentence("Three b.", 1.2, 2.8)),
            ),
            BeatRecord(1, "Four.", 3.0, 6.0),
        ],
        checkpoints=[_check("B", "radius", False, 0), _check("B", "side", True, 1)],
        duration=6.0,
        plays=[
            PlayRecord(0.5, 2.5, True, 0),  # mid at 1.5 s of B = 11.5 s
            PlayRecord(3.0, 6.0, False, 1),
        ],
    )
    return [a, b]


def test_beat_ends_are_one_frame_before_each_beat_ends_on_the_chapter_clock():
    frames = sb.select_frames(two_scenes(), FPS)
    step = 1 / 15
    assert [f.kind for f in frames] == ["end"] * 4
    assert [f.time for f in frames] == pytest.approx([4 - step, 10 - step, 13 - step, 16 - step])
    assert [f.scene_time for f in frames] == pytest.approx(
        [4 - step, 10 - step, 3 - step, 6 - step]
    )
    assert [(f.scene, f.beat, f.scene_beat) for f in frames] == [
        (0, 0, 0),
        (0, 1, 1),
        (1, 2, 0),
        (1, 3, 1),
    ]
    assert [f.narration for f in frames] == ["One.", "Two.", "Three a. Three b.", "Four."]
    # B's beat 0 is the chapter's beat 2; A's failure outside any beat marks no frame
    assert [f.failed for f in frames] == [(), (), ("radius",), ()]
    assert sb.unplaced_failures(two_scenes()) == ["A: loose"]
    assert [f.heading for f in frames][2] == "beat 2 · 00:12.9"


def test_mid_frames_are_the_middles_of_moving_plays_of_half_a_second_or_more():
    frames = sb.select_frames(two_scenes(), FPS, mid=True)
    mids = [f for f in frames if f.kind == "mid"]
    assert [f.time for f in mids] == pytest.approx([0.5, 4.25, 11.5])
    assert [f.beat for f in mids] == [0, None, 2]
    assert [f.narration for f in mids] == ["One.", "", "Three b."]  # what is said then
    assert [f.failed for f in mids] == [(), (), ("radius",)]
    assert mids[1].heading == "between beats · mid · 00:04.2"
    # all frames in time order, beat ends included
    assert [f.time for f in frames] == sorted(f.time for f in frames)
    assert len(frames) == 4 + 3


def test_a_frame_time_is_the_frame_on_screen_then():
    assert sb.frame_number(4 - 1 / 15, 15) == 59
    clock = 0.0
    for _ in range(60):  # the scene clock adds 1/fps per frame drawn, with rounding error
        clock += 1 / 15
    assert sb.frame_number(clock - 1 / 15, 15) == 59
    assert sb.frame_number(0.5, 15) == 7
    assert sb.clock(83.44) == "01:23.4" and sb.clock(59.96) == "01:00.0"


COLOURS = [(200, 30, 30), (30, 200, 30), (30, 30, 200), (200, 200, 30), (30, 200, 200)]


def _cells(failed_at: int) -> list[sb.Cell]:
    return [
        sb.Cell(
            Image.new("RGB", (160, 90), colour),
            f"beat {n} · 00:0{n}.0",
            f"Frame {n}.",
            ("radius",) if n == failed_at else (),
        )
        for n, colour in enumerate(COLOURS)
    ]


def test_the_contact_sheet_is_a_grid_with_a_red_frame_round_a_failed_beat(tmp_path):
    sheet = sb.contact_sheet(_cells(failed_at=3), "0.1 Test")
    sheet.save(tmp_path / "sheet.png")
    sheet = Image.open(tmp_path / "sheet.png").convert("RGB")
    columns, rows = 3, math.ceil(5 / 3)  # up to 9 frames: 3 columns
    thumb_w, thumb_h = 480, 270  # 160×90 scaled to 480 wide
    # row 0: heading + narration; row 1 also lists the failed checkpoint of its first cell
    row_heights = [
        thumb_h + sb.CAPTION_PAD + 2 * sb.LINE_HEIGHT,
        thumb_h + sb.CAPTION_PAD + 3 * sb.LINE_HEIGHT,
    ]
    width = 2 * sb.MARGIN + columns * thumb_w + (columns - 1) * sb.GAP
    height = sb.MARGIN + sb.TITLE_HEIGHT + sum(row_heights) + (rows - 1) * sb.GAP + sb.MARGIN
    assert sheet.size == (width, height)
    tops = [sb.MARGIN + sb.TITLE_HEIGHT, sb.MARGIN + sb.TITLE_HEIGHT + row_heights[0] + sb.GAP]
    for n, colour in enumerate(COLOURS):
        x = sb.MARGIN + (n % columns) * (thumb_w + sb.GAP)
        y = tops[n // columns]
        assert sheet.getpixel((x + thumb_w // 2, y + thumb_h // 2)) == colour
        edge = [
            (x - 2, y + thumb_h // 2),
            (x + thumb_w + 1, y + 40),
            (x + 100, y - 2),
            (x + 100, y + thumb_h + 1),
        ]
        expected = sb.FAILED if n == 3 else sb.FRAME
        assert [sheet.getpixel(p) for p in edge] == [expected] * 4, n
        caption = sheet.crop(
            (x, y + thumb_h + sb.CAPTION_PAD, x + thumb_w, y + row_heights[n // columns])
        )
        colours = {colour for _, colour in caption.getcolors(maxcolors=1 << 20)}
        assert (sb.FAILED in colours) == (n == 3), n  # the failed checkpoint's name, in red


def test_more_than_nine_frames_take_four_columns():
    sheet = sb.contact_sheet(_cells(failed_at=-1) * 2, "ten")
    assert sheet.width == 2 * sb.MARGIN + 4 * 480 + 3 * sb.GAP


def test_the_page_holds_every_narration_and_marks_the_failed_beat():
    frames = sb.select_frames(two_scenes(), FPS, mid=True)
    frames[0] = dataclasses.replace(frames[0], narration="x < y & z")
    files = [f"frames/{n:03d}.png" for n in range(len(frames))]
    page = sb.page(
        "0.1 Test · storyboard", "preview", frames, files, ["failed outside any beat: A: loose"]
    )
    text = html.unescape(page)
    assert "x &lt; y &amp; z" in page
    for frame in frames:
        assert frame.narration in text and frame.heading in text
    for file in files:
        assert f'src="{file}"' in page
    items = re.findall(r'<li class="frame (end|mid)( failed)?">(.*?)</li>\n', page, re.S)
    assert len(items) == len(frames)
    marked = [bool(failed) for _, failed, _ in items]
    assert marked == [bool(f.failed) for f in frames] and sum(marked) == 2
    assert all("failed: radius" in body for _, failed, body in items if failed)
    assert "failed outside any beat: A: loose" in text
    assert "http" not in page  # nothing from the network


def _numbered_video(path: Path, frames: int) -> None:
    """A 64×36 video at 15 fps whose frame n is grey level n (ffv1: lossless, exact)."""
    raw = b"".join(bytes([n]) * (64 * 36) for n in range(frames))
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "rawvideo",
            "-pix_fmt",
            "gray",
            "-s",
            "64x36",
            "-r",
            str(FPS),
            "-i",
            "-",
            "-c:v",
            "ffv1",
            str(path),
        ],
        input=raw,
        check=True,
    )


def test_frames_are_taken_from_the_video_and_written_in_place(tmp_path):
    video = tmp_path / "chapter.mkv"
    _numbered_video(video, 16 * FPS)
    profile = profiles.load("preview")
    chapter = get_chapter("0.1")
    sources = sb.Sources(two_scenes(), [(video, 0.0), (video, 0.0)])
    result = sb.write_storyboard(chapter, profile, sources, tmp_path / "out", mid=True)
    folder = tmp_path / "out" / "0.1"
    assert (result.sheet, result.page) == (folder / "storyboard.png", folder / "storyboard.html")
    shots = sorted((folder / "frames").iterdir())
    assert len(shots) == len(result.frames) == 7
    for frame, shot in zip(result.frames, shots, strict=True):
        grey = Image.open(shot).convert("L").getpixel((32, 18))
        assert grey == math.floor(frame.time * FPS + 1e-6), shot.name
    assert result.failed == 2  # B's radius on beat 2, A's loose outside any beat
    assert sorted(p.name for p in folder.iterdir()) == [
        "frames",
        "storyboard.html",
        "storyboard.png",
    ]
    # a second run with fewer frames leaves no stale frame behind
    sb.write_storyboard(chapter, profile, sources, tmp_path / "out")
    assert len(list((folder / "frames").iterdir())) == 4


def test_hundreds_of_frames_are_taken_in_batches_each_the_frame_on_screen(tmp_path):
    """A chapter with ~100 plays asks for more frames than one ``select`` expression holds
    (ffmpeg ran out of memory parsing it): they are taken in passes, each still exact."""
    video = tmp_path / "long.mkv"
    _numbered_video(video, 250)
    times = [(n + 0.5) / FPS for n in range(0, 250, 2)] + [4.5 / FPS]  # 126 times, one repeat
    assert len(set(times)) > 2 * sb.FRAMES_PER_PASS
    shots = sb.extract_frames(video, times, FPS, tmp_path / "frames")
    assert len(shots) == len(times)
    for t, shot in zip(times, shots, strict=True):
        assert Image.open(shot).convert("L").getpixel((32, 18)) == math.floor(t * FPS), shot


def test_a_failed_chapter_takes_its_frames_from_its_segments(tmp_path, monkeypatch):
    """Each scene's own segment, on its own clock; the failing one kept for review."""
    from mathviz.render.build import plan_build
    from mathviz.render.segments import SegmentJob, failed_paths, store_failed

    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    chapter, profile = get_chapter("6.3"), profiles.load("preview")
    ((video, report),) = plan_build([chapter], profile, "mp4", tmp_path / "build")[0].segments
    with pytest.raises(sb.StoryboardError, match="no video of scene"):
        sb.chapter_sources(chapter, profile, tmp_path / "build", failed=True)
    kept_video, kept_report = failed_paths(video, report)
    movie = tmp_path / "movie.mp4"
    movie.write_bytes(b"a segment (not decoded here)")
    scene = SceneReport(
        "6.3",
        "Gradients",
        [BeatRecord(0, "One.", 0.0, 3.0)],
        [_check("Gradients", "angle", False, 0)],
        3.0,
    )
    store_failed(
        SegmentJob("6.3", "Gradients", "f", profile, "mp4", video, report, tmp_path / "log"),
        movie,
        scene,
    )
    sources = sb.chapter_sources(chapter, profile, tmp_path / "build", failed=True)
    assert sources.videos == [(kept_video, 0.0)]
    assert sources.reports[0].failures[0].name == "angle"


def test_a_failed_render_kept_for_review_replaces_the_scenes_earlier_ones(tmp_path):
    from mathviz.render.segments import SegmentJob, failed_paths, store_failed

    folder = tmp_path / "segments"
    folder.mkdir()
    older = [folder / "Gradients.aaaa.failed.mp4", folder / "Gradients.aaaa.failed.json"]
    other = [folder / "GradientsTwo.bbbb.failed.mp4", folder / "Gradients.cccc.mp4"]
    for path in older + other:
        path.write_text("earlier")
    job = SegmentJob(
        "6.3",
        "Gradients",
        "dddd",
        profiles.load("preview"),
        "mp4",
        folder / "Gradients.dddd.mp4",
        folder / "Gradients.dddd.json",
        tmp_path / "log",
    )
    movie = tmp_path / "movie.mp4"
    movie.write_text("the render")
    store_failed(job, movie, SceneReport("6.3", "Gradients", duration=1.0))
    video, report = failed_paths(job.video, job.report)
    assert video.read_text() == "the render" and report.is_file()
    assert not job.video.exists() and not any(p.exists() for p in older)
    assert all(p.exists() for p in other)


def test_a_rendered_chapter_without_its_reports_falls_back_to_its_sidecar(tmp_path, monkeypatch):
    """Beat ends from the video's sidecar when the cache holds no report for its sources."""
    from mathviz.render.assemble import output_path

    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    chapter, profile = get_chapter("6.3"), profiles.load("preview")
    video = output_path(chapter, profile, "mp4", tmp_path / "build")
    video.parent.mkdir(parents=True)
    video.write_bytes(b"the chapter (not decoded here)")
    beats = [BeatRecord(0, "One.", 0.0, 2.0), BeatRecord(1, "Two.", 2.0, 5.0)]
    sidecar_path(video).write_text(
        json.dumps({"duration": 5.0, "beats": [b.as_json() for b in beats]})
    )
    sources = sb.chapter_sources(chapter, profile, tmp_path / "build")
    assert sources.from_sidecar and sources.videos == [(video, 0.0)]
    frames = sb.select_frames(sources.reports, FPS, mid=True)
    assert [f.time for f in frames] == pytest.approx([2 - 1 / 15, 5 - 1 / 15])


def test_a_sidecar_with_the_plays_gives_mid_frames_too(tmp_path, monkeypatch):
    """The chapter's sidecar carries its plays on the chapter clock: mid frames survive a
    cache that no longer holds the scene reports."""
    from mathviz.checkpoints import PlayRecord
    from mathviz.render.assemble import chapter_plays, output_path

    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    chapter, profile = get_chapter("6.3"), profiles.load("preview")
    first = SceneReport(
        "6.3",
        "A",
        [BeatRecord(0, "One.", 0.0, 2.0)],
        duration=2.0,
        plays=[PlayRecord(0.0, 1.0, True, 0), PlayRecord(1.0, 2.0, False, 0)],
    )
    second = SceneReport(
        "6.3",
        "B",
        [BeatRecord(0, "Two.", 0.0, 3.0)],
        duration=3.0,
        plays=[PlayRecord(0.5, 2.5, True, 0)],
    )
    plays = chapter_plays([first, second])
    assert plays == [[0.0, 1.0, True, 0], [1.0, 2.0, False, 0], [2.5, 4.5, True, 1]]
    video = output_path(chapter, profile, "mp4", tmp_path / "build")
    video.parent.mkdir(parents=True)
    video.write_bytes(b"the chapter (not decoded here)")
    beats = [BeatRecord(0, "One.", 0.0, 2.0), BeatRecord(1, "Two.", 2.0, 5.0)]
    sidecar_path(video).write_text(
        json.dumps({"duration": 5.0, "beats": [b.as_json() for b in beats], "plays": plays})
    )
    sources = sb.chapter_sources(chapter, profile, tmp_path / "build")
    assert not sources.from_sidecar
    mids = [f for f in sb.select_frames(sources.reports, FPS, mid=True) if f.kind == "mid"]
    assert [f.time for f in mids] == pytest.approx([0.5, 3.5])
    assert [f.narration for f in mids] == ["One.", "Two."]


@pytest.fixture(scope="module")
def run_63(tmp_path_factory):
    """``mathviz storyboard 6.3 --mid`` at preview into temporary folders (the segment cache is
    the project's: an already rendered 6.3 is not rendered again)."""
    from click.testing import CliRunner

    from mathviz import cli

    root = tmp_path_factory.mktemp("storyboard")
    result = CliRunner().invoke(
        cli.main,
        ["storyboard", "6.3", "--mid", "--build", str(root / "build"), "--out", str(root / "out")],
        catch_exceptions=False,
    )
    return result, root / "out" / "6.3"


@pytest.mark.render
def test_storyboard_of_6_3(run_63, chapter_reports):
    result, folder = run_63
    reports = chapter_reports("6.3")  # what `mathviz check 6.3` finds, independently
    beats = [b for r in reports for b in r.beats]
    failures = {c.name for r in reports for c in r.failures if c.beat is not None}
    assert result.exit_code == (1 if any(r.failures for r in reports) else 0), result.output
    if failures:
        assert "6.3 Gradients" in result.output and "checkpoint(s) failed" in result.output
    printed = [Path(line) for line in result.stdout.splitlines()]
    assert printed == [folder / "storyboard.png", folder / "storyboard.html"]
    page = (folder / "storyboard.html").read_text(encoding="utf-8")
    text = html.unescape(page)
    ends = re.findall(r'<li class="frame end( failed)?">(.*?)</li>\n', page, re.S)
    assert len(ends) == len(beats)
    for beat, (_, body) in zip(beats, ends, strict=True):
        assert beat.narration in html.unescape(body)
    assert re.search(r'<li class="frame mid', page)
    assert set(re.findall(r"<li>failed: ([^<]+)</li>", page)) == failures
    shots = sorted((folder / "frames").iterdir())
    assert len(shots) == page.count('<li class="frame ')
    assert Image.open(shots[-1]).size == (854, 480)
    sheet = Image.open(folder / "storyboard.png")
    columns = 3 if len(shots) <= 9 else 4
    assert sheet.width == 2 * sb.MARGIN + columns * 480 + (columns - 1) * sb.GAP


DRAFT = """
from manim import Circle, Create, FadeOut, Square
from mathviz.readings import reads_screen
from mathviz.scene import LectureScene


@reads_screen("geometry")
def radius_shown(circle):
    return circle.width / 2


class Opening(LectureScene):
    chapter_id = "0.1"

    def construct(self) -> None:
        circle = Circle()
        with self.beat("A circle."):
            self.play(Create(circle), run_time=1.0)
            self.checkpoint("radius", radius_shown(circle), expected=1.0, tol=1e-6)
        self.play(FadeOut(circle), run_time=0.2)


class Closing(LectureScene):
    chapter_id = "0.1"

    def construct(self) -> None:
        with self.beat("A square."):
            self.play(Create(Square()), run_time=1.0)
            self.checkpoint("side", 2.0, expected=3.0)


SCENES = [Opening, Closing]
"""


@pytest.mark.render
def test_a_chapter_whose_checkpoints_fail_still_gets_its_storyboard(tmp_path, monkeypatch):
    """A draft of two scenes, the second failing: its render is kept for review, the frames
    come from both segments on the chapter clock, the failing beat is marked, exit 1."""
    from click.testing import CliRunner

    from mathviz import cli

    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "ch0_1_mathematical_language.py").write_text(DRAFT)
    monkeypatch.setenv("MATHVIZ_SCENES_DIR", str(scenes))
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(
        cli.main,
        ["storyboard", "0.1", "--voice", "none", "--build", str(tmp_path / "build")],
        catch_exceptions=False,
    )
    assert result.exit_code == 1, result.output
    assert "error: 0.1 Mathematical Language" in result.output
    folder = tmp_path / "build" / "storyboard" / "0.1"  # --out defaults to <build>/storyboard
    assert [Path(p) for p in result.stdout.split()] == [
        folder / "storyboard.png",
        folder / "storyboard.html",
    ]
    assert not list((tmp_path / "build").glob("preview/*/*.mp4"))  # still not rendered
    page = (folder / "storyboard.html").read_text(encoding="utf-8")
    ends = re.findall(
        r'<li class="frame end( failed)?">.*?<p class="heading">(.*?)</p>', page, re.S
    )
    assert [bool(failed) for failed, _ in ends] == [False, True]
    first, second = (heading for _, heading in ends)
    assert first.startswith("beat 0 · ") and second.startswith("beat 1 · ")
    assert "<li>failed: side</li>" in page
    # the second beat's last frame is on the chapter clock, after the first scene (> 1.2 s)
    assert sb.clock(1.2) < second.rsplit(" · ", 1)[1]
    shots = sorted((folder / "frames").iterdir())
    assert len(shots) == 2 and Image.open(shots[1]).size == (854, 480)


def test_unknown_ids_are_usage_errors(tmp_path):
    from click.testing import CliRunner

    from mathviz import cli

    result = CliRunner().invoke(cli.main, ["storyboard", "6.9", "--build", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown chapter or level" in result.output and "6.3" in result.output
    assert list(tmp_path.iterdir()) == []
