"""Clips for slides: one frame-exact clip per beat, numbered in order, and a deck (reveal.js and
PowerPoint) where each beat is a slide. Built from draft chapters (see tests/drafts.py)."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from drafts import BT709, color_tags, duration, faststart, frames, write_chapter

from mathviz import cli
from mathviz.course import get_chapter
from mathviz.publish import revealjs, slides
from mathviz.render import profiles
from mathviz.render.assemble import sidecar_path

pytestmark = [pytest.mark.render, pytest.mark.network, pytest.mark.usefixtures("revealjs")]

# --- the split, as pure arithmetic -------------------------------------------------------------


def test_clip_spans_start_at_each_beat_and_cover_every_frame_once():
    beats = [
        {"start": 0.0, "narration": "title"},
        {"start": 9.6, "narration": "rings"},
        {"start": 24.4, "narration": "arrows"},
    ]
    spans = slides.clip_spans(beats, 400, 15)
    # 9.6 s and 24.4 s at 15 fps, in exact arithmetic
    cut1, cut2 = int(Fraction("9.6") * 15), int(Fraction("24.4") * 15)
    assert [(s.start_frame, s.end_frame) for s in spans] == [(0, cut1), (cut1, cut2), (cut2, 400)]
    assert [s.number for s in spans] == [1, 2, 3]
    assert [s.narration for s in spans] == ["title", "rings", "arrows"]
    assert sum(s.frames for s in spans) == 400


def test_a_beat_shorter_than_a_frame_joins_the_one_before_and_late_beats_are_dropped():
    beats = [
        {"start": 0.0, "narration": "a"},
        {"start": 0.01, "narration": "b"},
        {"start": 1.0, "narration": "c"},
        {"start": 99.0, "narration": "late"},
    ]
    spans = slides.clip_spans(beats, 30, 15)
    assert [(s.start_frame, s.end_frame, s.narration) for s in spans] == [
        (0, 15, "a b"),
        (15, 30, "c"),
    ]


def test_no_frames_is_an_error_and_no_beats_is_one_clip():
    with pytest.raises(ValueError):
        slides.clip_spans([], 0, 15)
    assert [(s.start_frame, s.end_frame) for s in slides.clip_spans([], 12, 15)] == [(0, 12)]


# --- clips of a rendered chapter ---------------------------------------------------------------


def frame_at(video: Path, index: int, size: tuple[int, int] = (854, 480)) -> np.ndarray:
    """Frame ``index`` of ``video`` as RGB pixels, decoded by ffmpeg."""
    raw = subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-i",
            str(video),
            "-vf",
            f"select=eq(n\\,{index})",
            "-frames:v",
            "1",
            "-f",
            "rawvideo",
            "-pix_fmt",
            "rgb24",
            "-",
        ],
        capture_output=True,
        check=True,
    ).stdout
    return np.frombuffer(raw, np.uint8).reshape(size[1], size[0], 3).astype(float)


def clips(*args: str):
    return CliRunner().invoke(cli.main, ["clips", *args], catch_exceptions=False)


class DeckParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.videos: list[str] = []
        self.assets: list[str] = []
        self.notes: list[str] = []
        self._in_notes = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "data-background-video" in attrs:
            self.videos.append(attrs["data-background-video"])
        if tag == "section" and "data-background-image" in attrs:
            self.videos.append(attrs["data-background-image"])
        if tag in ("link", "script") and (attrs.get("href") or attrs.get("src")):
            self.assets.append(attrs.get("href") or attrs.get("src"))
        self._in_notes = tag == "aside" and attrs.get("class") == "notes"

    def handle_data(self, data):
        if self._in_notes:
            self.notes.append(data.strip())
            self._in_notes = False


def test_clips_are_one_per_beat_frame_exact_with_a_deck_and_pptx(drafts, tmp_path):
    build_root = tmp_path / "build"
    result = clips("0.1", "--profile", "preview", "--build", str(build_root), "--pptx", "-j", "1")
    assert result.exit_code == 0, result.output
    preview = profiles.load("preview")
    video = build_root / "preview" / "00-foundations" / "0.1-mathematical-language.mp4"
    sidecar = json.loads(sidecar_path(video).read_text())
    folder = video.with_name("0.1-mathematical-language-clips")
    manifest = json.loads((folder / "clips.mp4.json").read_text())
    # one clip per beat, numbered in order, named so a deck (or a person) can sort them
    assert len(manifest["clips"]) == len(sidecar["beats"]) == 2
    names = [c["file"] for c in manifest["clips"]]
    assert names == ["0.1-mathematical-language-01.mp4", "0.1-mathematical-language-02.mp4"]
    assert [c["narration"] for c in manifest["clips"]] == ["A circle.", "A square."]
    # together they hold exactly the chapter's frames, and clip 2 starts where beat 2 starts
    total = frames(video)
    counts = [frames(folder / n) for n in names]
    assert sum(counts) == total
    second_start = round(sidecar["beats"][1]["start"] * preview.fps)
    assert counts[0] == second_start
    difference = np.abs(frame_at(folder / names[1], 0) - frame_at(video, second_start)).mean()
    assert difference < 4.0, difference  # the same picture, re-encoded
    assert all(color_tags(folder / n) == BT709 and faststart(folder / n) for n in names)
    # the deck: a slide per clip in order, narration as notes, reveal.js beside it
    deck = folder / "deck.html"
    page = deck.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "user-scalable=no" not in page  # language, zoom
    parsed = DeckParser()
    parsed.feed(deck.read_text(encoding="utf-8"))
    assert [Path(v).name for v in parsed.videos] == names
    assert all((folder / v).is_file() for v in parsed.videos)
    assert parsed.notes == ["A circle.", "A square."]
    assert parsed.assets and all((folder / a).is_file() for a in parsed.assets)
    assert not re.search(r"https?://", "".join(parsed.assets))  # no CDN: works offline
    # PowerPoint: a slide per clip with the clip embedded and the narration in the notes
    from pptx import Presentation

    deck_pptx = Presentation(str(folder / "deck.pptx"))
    assert len(deck_pptx.slides) == 2
    for slide, name, text in zip(deck_pptx.slides, names, ["A circle.", "A square."], strict=True):
        assert slide.notes_slide.notes_text_frame.text == text
        movies = [r for r in slide.part.rels.values() if "video" in r.reltype]
        assert movies and movies[0].target_part.blob == (folder / name).read_bytes()
    # a second run cuts nothing
    before = {n: (folder / n).stat().st_mtime_ns for n in names}
    again = clips("0.1", "--profile", "preview", "--build", str(build_root), "-j", "1")
    assert again.exit_code == 0 and "unchanged" in again.output
    assert {n: (folder / n).stat().st_mtime_ns for n in names} == before


@pytest.mark.parametrize("fmt", ["webm", "gif"])
def test_webm_and_gif_clips_add_up_to_the_chapter(drafts, tmp_path, fmt):
    build_root = tmp_path / "build"
    result = clips(
        "0.2", "--profile", "preview", "--build", str(build_root), "--format", fmt, "-j", "1"
    )
    assert result.exit_code == 0, result.output
    video = build_root / "preview" / "00-foundations" / "0.2-sets-and-logic.mp4"
    folder = video.with_name("0.2-sets-and-logic-clips")
    files = sorted(folder.glob(f"0.2-sets-and-logic-*.{fmt}"))
    assert len(files) == 2

    # gif runs at 15 fps like the preview; each clip is a whole number of frames
    assert sum(duration(f) for f in files) == pytest.approx(duration(video), abs=0.15)
    assert (folder / f"deck-{fmt}.html").is_file()
    parsed = DeckParser()
    parsed.feed((folder / f"deck-{fmt}.html").read_text(encoding="utf-8"))
    assert [Path(v).name for v in parsed.videos] == [f.name for f in files]


def test_clips_of_an_unrendered_chapter_name_the_render_command(drafts, tmp_path):
    with pytest.raises(slides.NotRendered, match="mathviz render 0.1 --profile preview"):
        slides.cut_clips(get_chapter("0.1"), profiles.load("preview"), "mp4", tmp_path)


def test_a_failed_cut_leaves_no_clips_and_no_manifest(drafts, tmp_path, monkeypatch):
    build_root = tmp_path / "build"
    assert (
        clips(
            "0.1", "--profile", "preview", "--build", str(build_root), "--no-deck", "-j", "1"
        ).exit_code
        == 0
    )
    folder = build_root / "preview" / "00-foundations" / "0.1-mathematical-language-clips"
    original = {p.name: p.read_bytes() for p in folder.iterdir()}

    def broken_split(video, spans, fmt, profile, work):
        (work / "part-000.webm").write_bytes(b"half a clip")
        raise RuntimeError("ffmpeg was killed")

    monkeypatch.setattr(slides, "_split", broken_split)
    result = clips(
        "0.1", "--profile", "preview", "--build", str(build_root), "--format", "webm", "-j", "1"
    )
    assert result.exit_code == 1 and "ffmpeg was killed" in result.output
    # the mp4 clips are untouched, no webm clip or manifest, no temporary folder left
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == original


def test_clips_refuse_an_unknown_format_and_a_planned_chapter(without_scenes):
    assert clips("6.3", "--format", "avi").exit_code == 2
    without_scenes("14.1")
    result = clips("14.1")
    assert result.exit_code == 2 and "planned" in result.output


# --- reveal.js: pinned, checked, offline ------------------------------------------------------


def test_revealjs_is_checked_against_its_pinned_checksum(tmp_path, monkeypatch):
    bad = tmp_path / "reveal.js-6.0.1.tgz"
    bad.write_bytes(b"not the package")
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("MATHVIZ_REVEALJS", str(bad))
    with pytest.raises(revealjs.RevealJSUnavailable, match="checksum"):
        revealjs.cached()
    assert not (tmp_path / "cache" / "reveal.js" / revealjs.VERSION).exists()
    assert not list((tmp_path / "cache" / "reveal.js").glob(".*partial*"))


def test_without_network_the_error_names_the_registry_and_the_way_out(tmp_path, monkeypatch):
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MATHVIZ_REVEALJS")
    offline = dataclasses.replace(revealjs.PACKAGE, registry="http://127.0.0.1:9")
    monkeypatch.setattr(revealjs, "PACKAGE", offline)
    with pytest.raises(revealjs.RevealJSUnavailable) as caught:
        revealjs.cached()
    assert "MATHVIZ_REVEALJS" in str(caught.value) and "npm registry" in str(caught.value)


def test_the_cached_package_matches_the_registry_tarball():
    """The session's copy (fetched by conftest through the checksum) has what decks load."""
    folder = revealjs.cached()
    for name in revealjs.FILES:
        assert (folder / name).stat().st_size > 0, name
    assert b"Reveal" in (folder / "dist" / "reveal.js").read_bytes()[:20000]


def test_a_failing_chapter_gets_no_clips_and_the_others_still_do(drafts, tmp_path):
    write_chapter(drafts, "0.1", extra='self.checkpoint("side", 2.0, expected=3.0)')
    build_root = tmp_path / "build"
    result = clips("0.1", "0.2", "--profile", "preview", "--build", str(build_root), "-j", "2")
    assert result.exit_code == 1
    assert "no clips: 0.1" in result.output
    level = build_root / "preview" / "00-foundations"
    assert not (level / "0.1-mathematical-language-clips").exists()
    assert (level / "0.2-sets-and-logic-clips" / "clips.mp4.json").is_file()
