"""Real renders of short scenes at preview quality: files, ffprobe facts, captions, and the
guarantee that a failing or interrupted render leaves nothing behind."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from drafts import BT709, bt709_luma, centre_luma, color_tags, probe
from manim import Circle, Create, FadeOut, FullScreenRectangle, Square, Transform

from mathviz.course import get_chapter
from mathviz.readings import reads_screen
from mathviz.render import profiles, runner
from mathviz.scene import LectureScene

pytestmark = pytest.mark.render

PLANNED = get_chapter("14.1")  # a chapter without scenes of its own, used as a test slot


@reads_screen("geometry")
def radius_shown(circle) -> float:
    """The drawn circle's radius (frame units; the test scenes draw no axes)."""
    return circle.width / 2


class ShortScene(LectureScene):
    chapter_id = "14.1"

    def construct(self) -> None:
        circle = Circle()
        with self.beat("A circle appears."):
            self.play(Create(circle), run_time=1.0)
            self.checkpoint("radius", radius_shown(circle), expected=1.0, tol=1e-6)
        with self.beat("It becomes a square."):
            self.play(Transform(circle, Square()), run_time=1.0)
        self.play(FadeOut(circle), run_time=0.5)


class SecondScene(LectureScene):
    chapter_id = "14.1"

    def construct(self) -> None:
        with self.beat("A second segment."):
            self.play(Create(Square()), run_time=1.0)


class BrokenScene(LectureScene):
    chapter_id = "14.1"

    def construct(self) -> None:
        self.play(Create(Circle()), run_time=0.5)
        raise ZeroDivisionError("the scene's own bug")


class WrongMathsScene(LectureScene):
    chapter_id = "14.1"

    def construct(self) -> None:
        with self.beat("This claims the wrong radius."):
            circle = Circle()
            self.play(Create(circle), run_time=0.5)
            self.checkpoint("radius", radius_shown(circle), expected=2.0, tol=1e-6)


class InterruptedScene(LectureScene):
    chapter_id = "14.1"

    def construct(self) -> None:
        self.play(Create(Circle()), run_time=0.5)
        if not self.renderer.skip_animations:  # only while frames are being written
            raise KeyboardInterrupt


class RedScene(LectureScene):
    chapter_id = "14.1"

    def construct(self) -> None:
        with self.beat("Red."):
            self.add(FullScreenRectangle(fill_color="#FF0000", fill_opacity=1, stroke_width=0))
            self.wait(0.4)


@pytest.mark.parametrize("fmt", ["mp4", "webm"])
def test_video_is_bt709_in_its_pixels_and_its_tags(monkeypatch, tmp_path, preview, fmt):
    """Pure red is stored with BT.709's luma (63 in limited range; BT.601's would be 81) and
    the stream says so, so no player guesses (they guess BT.601 below 720p, BT.709 above)."""
    _use(monkeypatch, RedScene)
    out = runner.render_chapter(PLANNED, preview, fmt, tmp_path)
    assert color_tags(out.video) == BT709
    assert abs(centre_luma(out.video) - bt709_luma("#FF0000")) <= 1.0  # 62.6


def _use(monkeypatch, *scenes):
    monkeypatch.setattr(runner, "load_scenes", lambda chapter: list(scenes))


def _probe(path: Path) -> dict:
    entries = "stream=width,height,nb_read_frames,r_frame_rate"
    return probe(
        path, "-count_frames", "-show_entries", entries, "-show_entries", "format=duration"
    )


@pytest.fixture(scope="module")
def preview() -> profiles.Profile:
    return profiles.load("preview")


def test_preview_render_writes_video_captions_and_sidecar(monkeypatch, tmp_path, preview):
    _use(monkeypatch, ShortScene)
    out = runner.render_chapter(PLANNED, preview, "mp4", tmp_path)
    assert (
        out.video
        == tmp_path / "preview" / "14-advanced-topics" / "14.1-advanced-topics-reference.mp4"
    )
    facts = _probe(out.video)
    stream = facts["streams"][0]
    assert (stream["width"], stream["height"]) == (854, 480)
    assert stream["r_frame_rate"] == "15/1"
    expected_seconds = out.duration
    # two beats padded to their reading time plus a 0.5 s fade
    assert 3.0 < expected_seconds < 8.0
    assert int(stream["nb_read_frames"]) == pytest.approx(expected_seconds * 15, abs=1)
    cues = re.findall(r"(\S+) --> (\S+)\n(.+)\n", out.captions_vtt.read_text())
    assert [c[2] for c in cues] == ["A circle appears.", "It becomes a square."]
    sidecar = json.loads(out.sidecar.read_text())
    first_speech = sidecar["beats"][0]["sentences"][0]["start"]
    assert cues[0][0] == f"00:00:00.{round(first_speech * 1000):03d}"  # when the voice starts
    assert out.captions_srt.read_text().startswith("1\n00:00:00,")
    sidecar = json.loads(out.sidecar.read_text())
    assert sidecar["checkpoints"][0]["name"] == "radius" and sidecar["checkpoints"][0]["ok"]
    assert sorted(p.name for p in out.video.parent.iterdir()) == sorted(
        f"14.1-advanced-topics-reference.{ext}" for ext in ("mp4", "srt", "vtt", "mp4.json")
    )


def _decoded_audio(video: Path) -> np.ndarray:
    raw = subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-i",
            str(video),
            "-map",
            "0:a:0",
            "-ac",
            "1",
            "-ar",
            "48000",
            "-f",
            "f32le",
            "-",
        ],
        capture_output=True,
        check=True,
    ).stdout
    return np.frombuffer(raw, dtype="<f4").astype(np.float64)


def test_the_video_speaks_its_beats_at_their_times_at_broadcast_loudness(
    monkeypatch, tmp_path, preview
):
    """The voice track, measured here independently of the pipeline (pyloudnorm on ffmpeg's
    decode; true peak by 4× oversampling), and each sentence audible where its beat says."""
    import pyloudnorm
    from scipy.signal import resample_poly

    from mathviz.render.captions import parse_vtt, validate

    _use(monkeypatch, ShortScene, SecondScene)
    out = runner.render_chapter(PLANNED, preview, "mp4", tmp_path)
    streams = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "stream=codec_name,sample_rate",
            "-of",
            "json",
            str(out.video),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    codecs = [(s["codec_name"], s.get("sample_rate")) for s in json.loads(streams)["streams"]]
    assert codecs == [("h264", None), ("aac", "48000")]
    audio = _decoded_audio(out.video)
    assert len(audio) / 48000 == pytest.approx(out.duration, abs=0.03)
    loudness = pyloudnorm.Meter(48000).integrated_loudness(audio)
    peak = 20 * np.log10(np.max(np.abs(resample_poly(audio, 4, 1))))
    assert loudness == pytest.approx(-16.0, abs=1.0) and peak <= -1.0
    sidecar = json.loads(out.sidecar.read_text())
    assert sidecar["audio"]["integrated_lufs"] == pytest.approx(loudness, abs=0.2)
    # silence before each sentence, speech right after its start
    envelope = np.convolve(np.abs(audio), np.ones(480) / 480, mode="same")
    sentences = [s for b in sidecar["beats"] for s in b["sentences"]]
    assert len(sentences) == 3
    for sentence in sentences:
        before = envelope[int((sentence["start"] - 0.12) * 48000) : int(sentence["start"] * 48000)]
        during = envelope[int(sentence["start"] * 48000) : int(sentence["end"] * 48000)]
        assert before.max() < 0.01 < during.max(), sentence["text"]
    cues = parse_vtt(out.captions_vtt.read_text())
    assert validate(cues) == []
    assert [c.start for c in cues] == pytest.approx([s["start"] for s in sentences], abs=1e-3)


def test_segments_are_joined_frame_exact(monkeypatch, tmp_path, preview):
    _use(monkeypatch, ShortScene, SecondScene)
    out = runner.render_chapter(PLANNED, preview, "mp4", tmp_path)
    frames = int(_probe(out.video)["streams"][0]["nb_read_frames"])
    _use(monkeypatch, ShortScene)
    first = runner.render_chapter(PLANNED, preview, "mp4", tmp_path / "a")
    _use(monkeypatch, SecondScene)
    second = runner.render_chapter(PLANNED, preview, "mp4", tmp_path / "b")
    parts = [int(_probe(p.video)["streams"][0]["nb_read_frames"]) for p in (first, second)]
    assert frames == sum(parts)
    cues = re.findall(r"(\S+) --> (\S+)\n(.+)\n", out.captions_vtt.read_text())
    assert cues[-1][2] == "A second segment."


@pytest.mark.parametrize(("fmt", "magic"), [("webm", b"\x1a\x45\xdf\xa3"), ("gif", b"GIF89a")])
def test_webm_and_gif(monkeypatch, tmp_path, preview, fmt, magic):
    _use(monkeypatch, ShortScene)
    out = runner.render_chapter(PLANNED, preview, fmt, tmp_path)
    assert out.video.suffix == f".{fmt}"
    assert out.video.read_bytes()[: len(magic)] == magic
    assert out.duration > 3.0


def test_png_poster_frame(monkeypatch, tmp_path, preview):
    _use(monkeypatch, ShortScene)
    out = runner.render_chapter(PLANNED, preview, "png", tmp_path)
    assert out.video.suffix == ".png"
    assert out.video.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _leftovers(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() or ".partial-" in p.name]


def test_a_scene_that_raises_names_itself_and_leaves_nothing(monkeypatch, tmp_path, preview):
    _use(monkeypatch, BrokenScene)
    with pytest.raises(runner.SceneError) as info:
        runner.render_chapter(PLANNED, preview, "mp4", tmp_path)
    assert "chapter 14.1" in str(info.value) and "BrokenScene" in str(info.value)
    assert "ZeroDivisionError" in str(info.value)
    assert _leftovers(tmp_path) == []


def test_failing_checkpoint_refuses_to_render(monkeypatch, tmp_path, preview):
    _use(monkeypatch, WrongMathsScene)
    with pytest.raises(runner.CheckpointFailure) as info:
        runner.render_chapter(PLANNED, preview, "mp4", tmp_path)
    message = str(info.value)
    assert "14.1" in message and "WrongMathsScene" in message and "radius" in message
    assert "shown 1" in message and "expected 2" in message
    assert _leftovers(tmp_path) == []


def test_interrupted_render_leaves_no_partial_video(monkeypatch, tmp_path, preview):
    _use(monkeypatch, InterruptedScene)
    with pytest.raises(KeyboardInterrupt):
        runner.render_chapter(PLANNED, preview, "mp4", tmp_path)
    assert _leftovers(tmp_path) == []


def test_profiles_validate():
    assert set(profiles.available()) >= {"preview", "lecture", "slides", "4k"}
    slides = profiles.load("slides")
    assert (slides.width, slides.height, slides.fps, slides.format) == (1920, 1080, 30, "mp4")
    lecture = profiles.load("lecture")
    assert (lecture.width, lecture.height, lecture.fps) == (1920, 1080, 60)
    assert (profiles.load("4k").width, profiles.load("4k").fps) == (3840, 60)
    with pytest.raises(profiles.ProfileError):
        profiles.load("nonexistent")


def test_a_copied_profile_file_can_be_used(tmp_path):
    custom = tmp_path / "square.toml"
    custom.write_text('width = 640\nheight = 640\nfps = 24\nformat = "gif"\n')
    assert profiles.load(str(custom)).format == "gif"
    bad = tmp_path / "bad.toml"
    bad.write_text("width = 641\nheight = 480\nfps = 24\n")
    with pytest.raises(profiles.ProfileError, match="even"):
        profiles.load(str(bad))
