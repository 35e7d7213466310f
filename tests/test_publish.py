"""The course site: learning path, pages, captions track, verified values, course.json, and
links that all resolve."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from drafts import BT709, color_tags, duration, faststart, write_chapter

from mathviz import cli
from mathviz.course import LEVELS
from mathviz.publish import learning_path as lp
from mathviz.render.assemble import sidecar_path

pytestmark = [pytest.mark.render, pytest.mark.network, pytest.mark.usefixtures("revealjs")]


def test_learning_path_matches_the_outline():
    assert set(lp.PREREQUISITES) == {lv.number for lv in LEVELS} == set(lp.POSITIONS)
    assert [lp.PREREQUISITES[n] for n in (1, 2, 3, 4)] == [(0,), (1,), (2,), (3,)]
    assert lp.PREREQUISITES[9] == (6, 8) and lp.PREREQUISITES[11] == (3,)
    assert set(lp.PREREQUISITES[13]) >= {4, 5, 6, 7, 8, 9, 10, 12}
    # a prerequisite is always drawn above what builds on it
    for pre, level in lp.edges():
        assert lp.POSITIONS[pre][1] < lp.POSITIONS[level][1], (pre, level)
    assert lp.depth(14) == max(lp.depth(n) for n in lp.PREREQUISITES)


def _crosses(segment, rect, margin: float = 2.0) -> bool:
    """Whether an axis-parallel segment enters a rectangle's interior (grown by ``margin``)."""
    (ax, ay), (bx, by) = segment
    x, y, w, h = rect
    lo_x, hi_x, lo_y, hi_y = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
    assert ax == bx or ay == by, "routes are made of horizontal and vertical runs"
    return (
        lo_x < x + w + margin and hi_x > x - margin and lo_y < y + h + margin and hi_y > y - margin
    )


def test_the_map_draws_the_reduced_path_without_crossing_a_box():
    drawn = set(lp.drawn_edges())
    # every prerequisite is drawn or implied through a drawn path
    for pre, level in lp.edges():
        assert (pre, level) in drawn or any(
            pre in lp.requires(mid) | {mid} for mid in lp.PREREQUISITES[level] if mid != pre
        )
    assert {p for p, lv in drawn if lv == 13} == {5, 10, 11, 12}
    routes = lp.map_routes()
    assert {(p, lv) for p, lv, _ in routes} == drawn
    boxes = {n: lp.box(n) for n in lp.POSITIONS}
    width, height = lp.map_size()
    for pre, level, points in routes:
        assert points[0] == (boxes[pre][0] + boxes[pre][2] / 2, boxes[pre][1] + boxes[pre][3])
        assert points[-1] == (boxes[level][0] + boxes[level][2] / 2, boxes[level][1])
        segments = list(pairwise(points))
        for i, segment in enumerate(segments):
            for n, rect in boxes.items():
                touching = (n == pre and i == 0) or (n == level and i == len(segments) - 1)
                assert touching or not _crosses(segment, rect), (pre, level, n, segment)
            assert all(0 <= x <= width and 0 <= y <= height for x, y in segment)


# --- the site ----------------------------------------------------------------------------------


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        for key in ("href", "src", "poster", "data-background-video"):
            if attrs.get(key):
                self.targets.append(attrs[key])


def parse(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def dead_links(site: Path) -> list[str]:
    dead = []
    for page in site.rglob("*.html"):
        for target in parse(page).targets:
            path = target.split("#")[0]
            if not path or re.match(r"^[a-z]+:", path):
                continue
            if not (page.parent / path).resolve().is_file():
                dead.append(f"{page.relative_to(site)} -> {target}")
    return dead


def publish(*args: str):
    return CliRunner().invoke(cli.main, ["publish", *args], catch_exceptions=False)


def test_publish_writes_a_site_with_captions_values_and_no_dead_links(drafts, tmp_path):
    site, build_root = tmp_path / "site", tmp_path / "build"
    result = publish(
        "0.1",
        "0.2",
        "--profile",
        "preview",
        "--out",
        str(site),
        "--build",
        str(build_root),
        "-j",
        "2",
    )
    assert result.exit_code == 0, result.output
    assert dead_links(site) == []
    index = json.loads((site / "course.json").read_text())
    assert len(index["chapters"]) == 56
    first = next(c for c in index["chapters"] if c["id"] == "0.1")
    assert first["status"] == "published" and first["duration"] > 1
    assert {"video", "captions_vtt", "captions_srt", "poster"} <= set(first["files"])
    assert [c["name"] for c in first["checkpoints"]] == ["radius"]
    assert next(c for c in index["chapters"] if c["id"] == "4.4")["status"] in {
        "not built",
        "planned",
    }
    page = site / first["page"]
    tags = parse(page).tags
    track = [a for t, a in tags if t == "track"]
    assert track and track[0]["kind"] == "captions"
    vtt = (page.parent / track[0]["src"]).read_text()
    assert vtt.startswith("WEBVTT") and "A circle." in vtt
    html = page.read_text()
    assert "radius" in html and "A circle." in html  # verified values and transcript
    assert 'rel="next"' in html and "0.2" in html
    home = (site / "index.html").read_text()
    for page in (home, html):  # described for search engines and link previews, with an icon
        assert '<meta name="description" content="' in page
        assert 'rel="icon" href="' in page and "favicon.svg" in page
    assert (site / "favicon.svg").read_text().startswith("<svg")
    # every link has a name: the poster thumbnails by a label, the map's level boxes by the
    # text they show (a label that differs from it would hide it from speech input)
    assert 'aria-label="Watch 0.1 ' in home
    level_box = re.search(r'<a href="#level-0">(.*?)</a>', home, re.S)
    assert level_box and "0 · Mathematical Foundations" in level_box.group(1)
    assert '<title id="map-title">' in home and 'role="img"' not in home
    assert "chapters/0.1-mathematical-language.html" in home and "<svg" in home
    # clips and a deck per chapter, linked from its page
    assert [Path(c["file"]).name for c in first["clips"]] == [
        "0.1-mathematical-language-01.mp4",
        "0.1-mathematical-language-02.mp4",
    ]
    assert [c["narration"] for c in first["clips"]] == ["A circle.", "A square."]
    assert first["files"]["deck"] in html and all(c["file"] in html for c in first["clips"])
    deck = site / first["files"]["deck"]
    assert [t for t in parse(deck).targets if t.endswith(".mp4")] == [
        f"./{Path(c['file']).name}" for c in first["clips"]
    ]
    # level 0 has two published chapters: one level lecture, linked from the index
    (lecture,) = index["lectures"]
    assert lecture["level"] == 0 and lecture["page"] in home
    first_video = build_root / "preview" / "00-foundations" / "0.1-mathematical-language.mp4"
    assert [c["title"] for c in lecture["chapters"]] == [
        "0.1 Mathematical Language",
        "0.2 Sets & Logic",
    ]
    assert lecture["chapters"][1]["start"] == pytest.approx(duration(first_video), abs=0.01)
    assert lecture["duration"] == pytest.approx(
        duration(site / first["files"]["video"])
        + duration(site / next(c for c in index["chapters"] if c["id"] == "0.2")["files"]["video"]),
        abs=0.05,
    )
    lecture_page = (site / lecture["page"]).read_text()
    assert lecture["files"]["captions_vtt"] in lecture_page
    # publishing again reuses what is rendered and keeps the site
    again = publish("0.2", "--profile", "preview", "--out", str(site), "--build", str(build_root))
    assert again.exit_code == 0, again.output
    assert json.loads((site / "course.json").read_text())["chapters"][0]["status"] == "published"


def test_a_folder_that_is_not_a_site_is_refused(tmp_path):
    site = tmp_path / "mine"
    site.mkdir()
    (site / "notes.txt").write_text("keep me")
    result = publish("6.3", "--profile", "preview", "--out", str(site))
    assert result.exit_code == 2
    assert "not a mathviz site" in result.output
    assert sorted(p.name for p in site.iterdir()) == ["notes.txt"]


def test_a_failing_chapter_is_listed_as_failing_and_never_linked(drafts, tmp_path):
    write_chapter(drafts, "0.1", extra='self.checkpoint("side", 2.0, expected=3.0)')
    site = tmp_path / "site"
    result = publish(
        "0.1",
        "0.2",
        "--profile",
        "preview",
        "--out",
        str(site),
        "--build",
        str(tmp_path / "build"),
        "-j",
        "2",
    )
    assert result.exit_code == 1
    assert "not published: 0.1" in result.output
    index = json.loads((site / "course.json").read_text())
    first = next(c for c in index["chapters"] if c["id"] == "0.1")
    assert first["status"] == "failing" and first["page"] is None
    assert not (site / "chapters" / "0.1-mathematical-language.html").exists()
    assert "0.1-mathematical-language.html" not in (site / "index.html").read_text()
    assert dead_links(site) == []


# --- level lectures ----------------------------------------------------------------------------
def test_a_level_lecture_joins_its_chapters_with_markers_and_captions(drafts, tmp_path):
    import subprocess

    from mathviz.publish.lectures import ffmetadata, youtube_stamp

    build_root = tmp_path / "build"
    render = CliRunner().invoke(
        cli.main,
        ["render", "0", "--profile", "preview", "--out", str(build_root), "-q"],
        catch_exceptions=False,
    )
    assert render.exit_code == 0, render.output
    result = CliRunner().invoke(
        cli.main,
        ["lecture", "0", "--profile", "preview", "--build", str(build_root)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    video = Path(result.output.splitlines()[0])
    parts = [
        build_root / "preview" / "00-foundations" / f"{s}.mp4"
        for s in ("0.1-mathematical-language", "0.2-sets-and-logic")
    ]

    def probe(path, *entries):
        out = subprocess.run(
            [
                "ffprobe",
                "-v",
                "error",
                "-count_packets",
                "-select_streams",
                "v:0",
                *entries,
                "-of",
                "json",
                str(path),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(out.stdout)

    frames = [
        int(probe(p, "-show_entries", "stream=nb_read_packets")["streams"][0]["nb_read_packets"])
        for p in [video, *parts]
    ]
    assert frames[0] == sum(frames[1:])  # stream copy: the whole is the sum of the parts
    assert all(faststart(p) for p in [video, *parts])  # each plays while it downloads
    assert all(color_tags(p) == BT709 for p in [video, *parts])
    marks = probe(video, "-show_chapters")["chapters"]
    assert [m["tags"]["title"] for m in marks] == ["0.1 Mathematical Language", "0.2 Sets & Logic"]
    first_len = float(probe(parts[0], "-show_entries", "format=duration")["format"]["duration"])
    assert float(marks[1]["start_time"]) == pytest.approx(first_len, abs=0.01)
    cues = re.findall(r"(\S+) --> (\S+)\n(.+)\n", video.with_suffix(".vtt").read_text())
    assert [c[2] for c in cues] == ["A circle.", "A square.", "A circle.", "A square."]
    h, m, sec = cues[2][0].split(":")
    # the second chapter's first cue starts when its voice does, after the first chapter
    second_speech = json.loads(sidecar_path(parts[1]).read_text())["beats"][0]["sentences"][0][
        "start"
    ]
    assert int(h) * 3600 + int(m) * 60 + float(sec) == pytest.approx(
        first_len + second_speech, abs=0.01
    )
    listing = (video.parent / f"{video.stem}.chapters.txt").read_text().splitlines()
    assert listing[0] == "0:00 0.1 Mathematical Language"
    assert listing[1].endswith("0.2 Sets & Logic")
    assert youtube_stamp(3725.2) == "1:02:05" and youtube_stamp(61) == "1:01"
    assert "title=a\\=b" in ffmetadata([(0.0, 1.0, "a=b")])


def test_a_level_without_rendered_chapters_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(
        cli.main, ["lecture", "14", "--profile", "preview", "--build", str(tmp_path)]
    )
    assert result.exit_code == cli.EXIT_FAILED
    assert "mathviz render 14 --profile preview" in result.output


def test_without_revealjs_the_site_has_clips_but_no_deck_and_says_why(
    drafts, tmp_path, monkeypatch
):
    from mathviz.publish import revealjs

    monkeypatch.delenv("MATHVIZ_REVEALJS")
    offline = dataclasses.replace(revealjs.PACKAGE, registry="http://127.0.0.1:9")
    monkeypatch.setattr(revealjs, "PACKAGE", offline)
    site = tmp_path / "site"
    result = publish(
        "0.1", "--profile", "preview", "--out", str(site), "--build", str(tmp_path / "build")
    )
    assert result.exit_code == 0, result.output
    assert "warning: 0.1: no slide deck" in result.output and "MATHVIZ_REVEALJS" in result.output
    first = json.loads((site / "course.json").read_text())["chapters"][0]
    assert len(first["clips"]) == 2 and "deck" not in first["files"]
    assert "slide deck" not in (site / first["page"]).read_text()
    assert dead_links(site) == []


def test_a_failed_clip_cut_publishes_the_lecture_without_clips(drafts, tmp_path, monkeypatch):
    from mathviz.publish import slides

    def broken_split(video, spans, fmt, profile, work):
        raise RuntimeError("ffmpeg ran out of disk")

    monkeypatch.setattr(slides, "_split", broken_split)
    site = tmp_path / "site"
    result = publish(
        "0.1", "--profile", "preview", "--out", str(site), "--build", str(tmp_path / "build")
    )
    assert result.exit_code == 0, result.output
    assert "warning: 0.1: no clips: ffmpeg ran out of disk" in result.output
    first = json.loads((site / "course.json").read_text())["chapters"][0]
    assert first["status"] == "published" and first["clips"] == []
    assert "For your slides" not in (site / first["page"]).read_text()
    assert not (site / "media" / "0.1-mathematical-language-clips").exists()
    assert dead_links(site) == []


def test_serve_serves_a_site_and_refuses_a_folder_that_is_not_one(tmp_path):
    import time
    import urllib.request

    from mathviz.publish.site import MARKER

    site = tmp_path / "site"
    site.mkdir()
    result = CliRunner().invoke(cli.main, ["serve", str(site), "--port", "0"])
    assert result.exit_code == cli.EXIT_USAGE and MARKER in result.stderr
    (site / MARKER).write_text("{}")
    (site / "index.html").write_text("<!doctype html><title>t</title>")
    process = subprocess.Popen(
        [sys.executable, "-m", "mathviz.cli", "serve", str(site), "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()  # "serving SITE at http://127.0.0.1:PORT/ ..."
        url = line.split(" at ", 1)[1].split()[0]
        deadline = time.monotonic() + 10
        while True:
            try:
                page = urllib.request.urlopen(url + "index.html", timeout=5).read().decode()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert "<title>t</title>" in page
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_published_entry_without_its_page_in_course_json_is_dropped_not_a_crash(tmp_path):
    # course.json is read back to keep what an earlier publish wrote; an entry that says
    # "published" but names no page (a damaged file) is dropped like any other damaged entry,
    # where before it was kept and writing the site then failed with a TypeError
    from mathviz.publish import site

    (tmp_path / "ok.html").write_text("<p>ok</p>")
    entry = {"id": "6.3", "title": "Gradients", "level": 6, "level_title": "Calculus"}
    (tmp_path / "course.json").write_text(
        json.dumps(
            {
                "chapters": [
                    {**entry, "status": "published", "page": "ok.html"},
                    {**entry, "id": "6.4", "status": "published", "page": None},
                ]
            }
        )
    )
    assert list(site._previous_entries(tmp_path)) == ["6.3"]
