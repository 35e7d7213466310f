"""The published course site in a real browser: Debian's headless Chromium, driven through
Selenium, over a local HTTP server.

What is tested is the site and its players, not the lectures (every chapter's check is in
``test_chapters.py``, and a real chapter is rendered end to end by ``test_install.py``): the
course here is four short draft chapters, 0.1, 0.2, 1.1 and 2.1, written into a scenes folder of
this module's own (two scenes and four spoken sentences each; 0.1 and 0.2 make a level
lecture). One publish at the preview profile per session, and one ``mathviz clips`` of 1.1 at
the slides profile; one browser. Expected values come from the files themselves (ffprobe, the
.vtt text, course.json) and from the chapters this module asked for, never from the publishing
code.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from browser import (
    AXE_CORE,
    SETUP_HINT,
    axe_violations,
    center_is_clear,
    ffprobe_duration,
    ffprobe_video_width,
    iter_timing_lines,
    missing_browser_tools,
    nu_errors,
    save_full_page,
    start_chromium,
    vtt_cues,
    wait_for_js,
    wait_until,
)
from click.testing import CliRunner
from drafts import write_chapter

from mathviz import cli
from mathviz.publish.serve import serve
from mathviz.voice.track import has_audio

pytestmark = [
    pytest.mark.browser,
    pytest.mark.render,
    pytest.mark.network,
    pytest.mark.usefixtures("revealjs"),
]

PUBLISHED = ("0.1", "0.2", "1.1", "2.1")  # what this module publishes, in course order
LECTURE_LEVEL = 0  # the one level with two published chapters: its lecture is joined
DECK_CHAPTER = "1.1"
PREVIEW_WIDTH = 854
TOLERANCE = 0.1  # seconds, between the browser's, ffprobe's and course.json's durations
LOAD_TIMEOUT = 30.0

#: a video element that has played on plays sound: Chromium has decoded bytes of its audio
#: track (``webkitAudioDecodedByteCount``) while ``currentTime`` advanced
SOUND_STATE = """
const v = arguments[0] || document.querySelector('video');
return !v.error && v.currentTime > 0.5 && {
    audio: v.webkitAudioDecodedByteCount, time: v.currentTime, muted: v.muted};
"""


def assert_plays_with_sound(driver, element=None, what: str = "the video") -> dict:
    """Play ``element`` (default: the page's video) and wait until its voice is decoded."""
    driver.execute_script("(arguments[0] || document.querySelector('video')).play();", element)
    state = wait_for_js(
        driver,
        SOUND_STATE.replace(
            "return !v.error", "return !v.error && v.webkitAudioDecodedByteCount > 0"
        ),
        LOAD_TIMEOUT,
        f"{what} to play with sound",
        *([element] if element else []),
    )
    assert state["audio"] > 0 and state["time"] > 0.5, state
    return state


VIDEO_STATE = """
const v = document.querySelector('video');
if (!v) return null;
if (v.error) return {error: v.error.code + ' ' + v.error.message};
return v.readyState >= 1 && {readyState: v.readyState, duration: v.duration,
                             width: v.videoWidth, height: v.videoHeight,
                             src: v.currentSrc};
"""

TRACK_STATE = """
const el = document.querySelector('video track');
if (!el) return null;
el.track.mode = 'showing';
if (el.readyState === 3) return {error: 'the track failed to load: ' + el.src};
if (el.readyState !== 2 || !el.track.cues) return false;
const cues = Array.from(el.track.cues);
return {kind: el.kind, src: el.src, count: cues.length,
        first: {start: cues[0].startTime, end: cues[0].endTime, text: cues[0].text}};
"""

# every URL the page points at, resolved by the browser (SVG <a> included: its .href is
# not a string, so each attribute is resolved against the document's base URL)
PAGE_URLS = """
const out = [];
for (const el of document.querySelectorAll('[href], [src], [poster], [data-background-video]')) {
  for (const attr of ['href', 'xlink:href', 'src', 'poster', 'data-background-video']) {
    const raw = el.getAttribute(attr);
    if (raw === null || raw === '') continue;
    out.push({tag: el.tagName.toLowerCase(), attr: attr, raw: raw,
              url: new URL(raw, document.baseURI).href});
  }
}
for (const el of document.querySelectorAll('a')) {
  const raw = el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
  if (raw) out.push({tag: 'a', attr: 'xlink:href', raw: raw,
                     url: new URL(raw, document.baseURI).href});
}
return out;
"""

ANCHORS = """
return Array.from(document.querySelectorAll('a')).map(a => ({
  url: new URL(a.getAttribute('href') || '', document.baseURI).href,
  text: (a.textContent || '').replace(/\\s+/g, ' ').trim()}));
"""


def _id_key(chapter_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in chapter_id.split("."))


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser_tools() -> None:
    """Chromium, ChromeDriver, selenium and ffprobe, or a failure naming the fix (the set-up
    command installs them; a missing browser must never pass for a tested site)."""
    missing = missing_browser_tools()
    if not missing:
        return
    message = (
        f"the browser tests need {', '.join(missing)}: run '{SETUP_HINT}' "
        "(it installs chromium and chromium-driver from Debian)"
    )
    pytest.fail(message, pytrace=False)


@pytest.fixture(scope="module")
def draft_course(tmp_path_factory) -> Iterator[Path]:
    """The course as this module sees it: the draft chapters of :data:`PUBLISHED` (every
    other chapter planned), with a cache of its own."""
    root = tmp_path_factory.mktemp("browser-course")
    scenes = root / "scenes"
    scenes.mkdir()
    for cid in PUBLISHED:
        write_chapter(
            scenes,
            cid,
            first="This chapter opens with a circle. It is drawn in one stroke.",
            second="A square follows the circle. Then a filled square covers the middle.",
            # a big filled shape for the rest of the closing beat: a frame sought there is
            # far from blank even when scaled down to a thumbnail
            extra="from manim import FadeIn, WHITE; self.play(FadeIn(Square(side_length=4, "
            "fill_color=WHITE, fill_opacity=1)), run_time=0.3)",
            seconds=0.4,
        )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MATHVIZ_SCENES_DIR", str(scenes))
        patch.setenv("MATHVIZ_CACHE_DIR", str(root / "cache"))
        yield scenes


@pytest.fixture(scope="module")
def site(browser_tools, draft_course, tmp_path_factory) -> Path:
    """The site of the draft chapters at the preview profile (the one publish)."""
    root = tmp_path_factory.mktemp("browser-site")
    folder = root / "site"
    result = CliRunner().invoke(
        cli.main,
        [
            "publish",
            *PUBLISHED,
            "--profile",
            "preview",
            "--out",
            str(folder),
            "--build",
            str(root / "build"),
            "-j",
            "2",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def course(site) -> dict:
    """``course.json`` of the site."""
    return json.loads((site / "course.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def published(course) -> list[dict]:
    """The published chapters of course.json, checked against what this module published."""
    entries = [c for c in course["chapters"] if c["status"] == "published"]
    assert sorted((c["id"] for c in entries), key=_id_key) == list(PUBLISHED)
    return sorted(entries, key=lambda c: _id_key(c["id"]))


@pytest.fixture(scope="module")
def base_url(site) -> Iterator[str]:
    """The site served on 127.0.0.1 (with Range support) for the module's duration."""
    server = serve(site)
    yield server.url
    server.close()


@pytest.fixture(scope="module")
def driver(browser_tools, tmp_path_factory) -> Iterator[Any]:
    """One headless Chromium for the whole module."""
    browser = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """``$MATHVIZ_SCREENSHOTS`` or a tmp folder."""
    folder = Path(os.environ.get("MATHVIZ_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_page(driver, url: str) -> None:
    """Load ``url`` and wait until the document (not the media) has loaded."""
    driver.get(url)
    wait_for_js(driver, "return document.readyState === 'complete'", LOAD_TIMEOUT, f"{url} to load")


def video_metadata(driver, url: str) -> dict:
    """Open a chapter page and wait for its video's metadata (readyState >= 1)."""
    open_page(driver, url)
    state = wait_for_js(driver, VIDEO_STATE, LOAD_TIMEOUT, f"the video metadata on {url}")
    assert "error" not in state, f"{url}: media error {state['error']}"
    return state


# --- the video and its captions ----------------------------------------------------------------


def test_every_chapter_video_loads_with_the_published_duration_and_size(
    driver, base_url, site, published
):
    for entry in published:
        state = video_metadata(driver, base_url + entry["page"])
        video_file = site / entry["files"]["video"]
        assert state["src"] == base_url + entry["files"]["video"]
        probed = ffprobe_duration(video_file)
        assert state["duration"] == pytest.approx(probed, abs=TOLERANCE), entry["id"]
        assert entry["duration"] == pytest.approx(probed, abs=TOLERANCE), entry["id"]
        assert state["width"] == PREVIEW_WIDTH == ffprobe_video_width(video_file), entry["id"]


def test_the_captions_track_has_every_cue_of_the_vtt_file(driver, base_url, site, published):
    for entry in published:
        open_page(driver, base_url + entry["page"])
        track = wait_for_js(driver, TRACK_STATE, LOAD_TIMEOUT, f"the captions of {entry['id']}")
        assert "error" not in track, track
        vtt = site / entry["files"]["captions_vtt"]
        assert track["kind"] == "captions"
        assert track["src"] == base_url + entry["files"]["captions_vtt"]
        timing_lines = list(iter_timing_lines(vtt))
        assert len(timing_lines) >= 3, f"{vtt.name} has too few cues to be a lecture"
        assert track["count"] == len(timing_lines), entry["id"]
        first = vtt_cues(vtt)[0]
        assert track["first"]["text"] == first.text
        assert track["first"]["start"] == pytest.approx(first.start, abs=0.001)
        assert track["first"]["end"] == pytest.approx(first.end, abs=0.001)


def test_the_video_seeks_and_shows_a_frame_with_its_caption(
    driver, base_url, site, published, screenshots
):
    """Seek into the middle cue of the first chapter: the frame drawn is not blank, the cue on
    screen is the file's cue at that time; then screenshot the page and the index."""
    from selenium.common.exceptions import TimeoutException

    entry = published[0]
    cues = vtt_cues(site / entry["files"]["captions_vtt"])
    cue = cues[len(cues) // 2]
    target = (cue.start + cue.end) / 2
    video_metadata(driver, base_url + entry["page"])
    wait_for_js(driver, TRACK_STATE, LOAD_TIMEOUT, "the captions")
    driver.execute_script("document.querySelector('video').currentTime = arguments[0];", target)
    state = wait_for_js(
        driver,
        """
        const v = document.querySelector('video');
        return !v.seeking && v.readyState >= 3 && {time: v.currentTime,
            active: Array.from(v.textTracks[0].activeCues || []).map(c => c.text)};
    """,
        LOAD_TIMEOUT,
        f"the video to seek to {target:.1f} s",
    )
    assert state["time"] == pytest.approx(target, abs=0.05)
    assert state["active"] == [cue.text]
    luminance = driver.execute_script("""
        const v = document.querySelector('video');
        const c = document.createElement('canvas'); c.width = 160; c.height = 90;
        const g = c.getContext('2d'); g.drawImage(v, 0, 0, 160, 90);
        const d = g.getImageData(0, 0, 160, 90).data; let lo = 255, hi = 0;
        for (let i = 0; i < d.length; i += 4) {
          const y = 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
          lo = Math.min(lo, y); hi = Math.max(hi, y);
        }
        return [lo, hi];
    """)
    assert luminance[1] - luminance[0] > 100, f"the frame at {target:.1f} s looks blank"
    with contextlib.suppress(TimeoutException):  # for the screenshot: the spinner fades out
        wait_until(driver, center_is_clear, 5.0, "the player's loading spinner to go")
    take_screenshots(driver, screenshots / "chapter.png")
    # and the lecture plays on from there, with its voice
    driver.execute_script("document.querySelector('video').play();")
    wait_for_js(
        driver,
        f"""const v = document.querySelector('video');
        return !v.paused && !v.error && v.currentTime > {target + 0.5};""",
        LOAD_TIMEOUT,
        "the video to play",
    )
    assert_plays_with_sound(driver, what="the chapter video")
    driver.execute_script("document.querySelector('video').pause();")
    open_page(driver, base_url + "index.html")
    driver.execute_script("""return Promise.all(Array.from(document.images).map(
        i => { i.loading = 'eager'; return i.decode(); }));""")  # rejects on a broken poster
    take_screenshots(driver, screenshots / "index.png")


def take_screenshots(driver, path: Path) -> None:
    """The window into ``path``, and the whole page into ``<stem>-full.png`` beside it."""
    assert driver.save_screenshot(str(path))
    whole = save_full_page(driver, path.with_name(f"{path.stem}-full.png"))
    for png in (path, whole):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


# --- links and navigation ----------------------------------------------------------------------


def _fetch(url: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Range": "bytes=0-"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            kind = response.headers.get_content_type()
            return response.status, body.decode("utf-8", "replace") if kind == "text/html" else ""
    except urllib.error.HTTPError as err:
        return err.code, ""


def site_pages(base_url: str, course: dict, published: list[dict]) -> list[str]:
    """The index, every chapter page, every level-lecture page and every slide deck."""
    return (
        [base_url + "index.html"]
        + [base_url + e["page"] for e in published]
        + [base_url + m["page"] for m in course.get("lectures", [])]
        + [base_url + e["files"]["deck"] for e in published if "deck" in e["files"]]
    )


def test_every_link_and_media_source_resolves_over_http(driver, base_url, course, published):
    pages = site_pages(base_url, course, published)
    assert len(pages) == 1 + 2 * len(published) + 1  # a deck per chapter, one level lecture
    found: dict[str, set[str]] = {}
    outside: list[str] = []
    for page in pages:
        open_page(driver, page)
        for ref in driver.execute_script(PAGE_URLS):
            scheme = urllib.parse.urlsplit(ref["url"]).scheme
            if scheme in {"mailto", "javascript", "data", "tel"}:
                continue
            if not ref["url"].startswith(base_url):
                if not (ref["tag"] == "a" and scheme in {"http", "https"}):
                    outside.append(f"{page}: <{ref['tag']} {ref['attr']}={ref['raw']!r}>")
                continue  # a link out of the site cannot be fetched on a closed network
            found.setdefault(ref["url"], set()).add(page)
    assert outside == [], "the site loads resources from elsewhere"
    # the pages themselves, their stylesheet, the videos, captions (both formats) and posters
    assert set(pages) <= {u.split("#")[0] for u in found}
    for entry in published:
        for file in [*entry["files"].values(), *(c["file"] for c in entry["clips"])]:
            assert base_url + file in found, f"{file} is linked from no page"
    for lecture in course["lectures"]:
        for file in lecture["files"].values():
            assert base_url + file in found, f"{file} is linked from no page"
    bodies: dict[str, tuple[int, str]] = {}
    dead = []  # (a fragment "#/3" is a reveal.js slide route, not an element id)
    for url, sources in sorted(found.items()):
        address, _, fragment = url.partition("#")
        if address not in bodies:
            bodies[address] = _fetch(address)
        status, body = bodies[address]
        if status not in (200, 206):
            dead.append(f"{url} -> HTTP {status} (from {sorted(sources)})")
        elif (
            fragment
            and not fragment.startswith("/")
            and not re.search(rf"""\bid=["']{re.escape(fragment)}["']""", body)
        ):
            dead.append(f"{url} -> no element with id {fragment!r} (from {sorted(sources)})")
    assert dead == []


def test_next_and_previous_links_walk_the_published_chapters(driver, base_url, published):
    from selenium.webdriver.common.by import By

    def heading() -> str:
        return driver.find_element(By.TAG_NAME, "h1").text

    def title(entry: dict) -> str:
        return f"{entry['id']} {entry['title']}"

    open_page(driver, base_url + published[0]["page"])
    assert heading() == title(published[0])
    assert driver.find_elements(By.CSS_SELECTOR, "a[rel~=prev]") == []
    for here, there in pairwise(published):
        driver.find_element(By.CSS_SELECTOR, "a[rel~=next]").click()
        wait_until(
            driver,
            lambda d, there=there: d.current_url == base_url + there["page"],
            LOAD_TIMEOUT,
            f"'next' from {here['id']} to reach {there['id']}",
        )
        assert heading() == title(there)
        assert title(there) in driver.title
    assert driver.find_elements(By.CSS_SELECTOR, "a[rel~=next]") == []
    for here, there in pairwise(published[::-1]):
        driver.find_element(By.CSS_SELECTOR, "a[rel~=prev]").click()
        wait_until(
            driver,
            lambda d, there=there: d.current_url == base_url + there["page"],
            LOAD_TIMEOUT,
            f"'previous' from {here['id']} to reach {there['id']}",
        )
        assert heading() == title(there)


def test_the_index_links_exactly_the_published_chapters(driver, base_url, course, published):
    open_page(driver, base_url + "index.html")
    anchors = driver.execute_script(ANCHORS)
    text = re.sub(r"\s+", " ", driver.execute_script("return document.body.innerText"))
    assert len(course["chapters"]) == 56
    assert f"{len(published)} of 56" in text
    for chapter in course["chapters"]:
        name = f"{chapter['id']} {chapter['title']}"
        named = re.compile(rf"(?<![\d.]){re.escape(name)}")
        assert named.search(text), f"{name} is not shown on the index"
        labelled = [a["url"] for a in anchors if named.search(a["text"])]
        # the chapter pages and media are named <id>-<slug>
        into_chapter = [
            a["url"]
            for a in anchors
            if re.search(rf"/(chapters|media)/{re.escape(chapter['id'])}-", a["url"])
        ]
        if chapter["id"] in PUBLISHED:
            assert chapter["status"] == "published"
            assert set(labelled) == {base_url + chapter["page"]}, name
            assert base_url + chapter["page"] in into_chapter, name
        else:
            assert chapter["status"] in {"planned", "not built"}, name
            assert labelled == [] and into_chapter == [], f"{name} is linked: {labelled}"
            assert re.search(rf"{re.escape(name)} {re.escape(chapter['status'])}", text), name


def test_no_page_logs_a_console_error(driver, base_url, course, published):
    pages = site_pages(base_url, course, published)
    driver.get_log("browser")  # drop what earlier tests logged
    errors = []
    for page in pages:
        open_page(driver, page)
        if "/chapters/" in page or "/lectures/" in page:
            wait_for_js(driver, VIDEO_STATE, LOAD_TIMEOUT, f"the video on {page}")
            wait_for_js(driver, TRACK_STATE, LOAD_TIMEOUT, f"the captions on {page}")
        elif page.endswith(".html") and "/media/" in page:  # a deck: its first slide's video
            wait_for_js(driver, DECK_SLIDE_STATE, LOAD_TIMEOUT, f"the first slide of {page}")
        errors.extend(
            f"{page}: {entry['message']}"
            for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]
        )
    assert errors == []


# --- accessibility and valid HTML --------------------------------------------------------------


@pytest.fixture(scope="module")
def axe_script() -> str:
    """axe-core's script (pinned, fetched once from the npm registry into the cache)."""
    return (AXE_CORE.cached() / "axe.min.js").read_text(encoding="utf-8")


def test_axe_core_finds_no_accessibility_violation_on_any_page(
    driver, base_url, course, published, axe_script
):
    found = []
    for page in site_pages(base_url, course, published):
        open_page(driver, page)
        found.extend(
            f"{page.removeprefix(base_url)}: {v}" for v in axe_violations(driver, axe_script)
        )
    assert found == []


def test_the_nu_html_checker_finds_no_error_on_any_page(site, base_url, course, published):
    pages = [site / url.removeprefix(base_url) for url in site_pages(base_url, course, published)]
    assert len(pages) == 1 + 2 * len(published) + 1 and all(p.is_file() for p in pages)
    assert nu_errors(pages) == []


# --- the level lecture -------------------------------------------------------------------------


def ffprobe_chapters(video: Path) -> list[tuple[float, str]]:
    """The chapter markers in a video file: (start seconds, title)."""
    import subprocess

    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(video)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [(float(c["start_time"]), c["tags"]["title"]) for c in json.loads(out)["chapters"]]


def test_the_level_lecture_plays_with_its_captions_and_chapter_markers(
    driver, base_url, site, course, published
):
    (lecture,) = course["lectures"]
    level_parts = [e for e in published if e["level"] == LECTURE_LEVEL]
    assert lecture["level"] == LECTURE_LEVEL and len(level_parts) == 2
    video = site / lecture["files"]["video"]
    parts = [ffprobe_duration(site / e["files"]["video"]) for e in level_parts]
    state = video_metadata(driver, base_url + lecture["page"])
    assert state["duration"] == pytest.approx(sum(parts), abs=TOLERANCE)
    assert state["duration"] == pytest.approx(ffprobe_duration(video), abs=TOLERANCE)
    track = wait_for_js(driver, TRACK_STATE, LOAD_TIMEOUT, "the lecture's captions")
    vtt = site / lecture["files"]["captions_vtt"]
    chapter_cues = sum(
        len(list(iter_timing_lines(site / e["files"]["captions_vtt"]))) for e in level_parts
    )
    assert track["count"] == len(list(iter_timing_lines(vtt))) == chapter_cues
    # the markers in the file: each chapter starts where the ones before it end
    markers = ffprobe_chapters(video)
    assert [t for _, t in markers] == [f"{e['id']} {e['title']}" for e in level_parts]
    assert [s for s, _ in markers] == pytest.approx([0.0, parts[0]], abs=0.01)
    assert has_audio(video)
    assert_plays_with_sound(driver, what="the level lecture")
    listed = driver.execute_script(
        "return Array.from(document.querySelectorAll('.transcript li')).map(li => li.innerText)"
    )
    assert [re.sub(r"\s+", " ", t) for t in listed] == [
        f"{int(s) // 60}:{int(s) % 60:02d} {t}" for s, t in markers
    ]


# --- the slide decks ---------------------------------------------------------------------------

DECK_SLIDE_STATE = """
const v = document.querySelector('.slide-background.present video');
if (!v || typeof Reveal === 'undefined' || !Reveal.isReady()) return false;
if (v.error) return {error: v.error.code + ' ' + v.error.message};
return v.readyState >= 1 && {index: Reveal.getIndices().h, total: Reveal.getTotalSlides(),
    src: v.currentSrc, duration: v.duration, width: v.videoWidth,
    notes: (Reveal.getCurrentSlide().querySelector('aside.notes') || {}).textContent || null};
"""

PLAYING = """
const v = document.querySelector('.slide-background.present video');
return v && !v.paused && !v.error && v.currentTime > 0.25 && v.currentTime;
"""


def play_deck(
    driver, deck_url: str, clip_files: list[Path], width: int, shot: Path | None = None
) -> list[dict]:
    """Open a deck, visit every slide in order, and check its clip loads and plays."""
    open_page(driver, deck_url)
    states = []
    for index, clip in enumerate(clip_files):
        driver.execute_script("Reveal.slide(arguments[0]);", index)
        state = wait_for_js(
            driver, DECK_SLIDE_STATE + "", LOAD_TIMEOUT, f"slide {index + 1} of {deck_url}"
        )
        assert "error" not in state, state
        assert state["index"] == index and state["total"] == len(clip_files)
        assert state["src"].rsplit("/", 1)[1] == clip.name
        assert state["duration"] == pytest.approx(ffprobe_duration(clip), abs=TOLERANCE)
        assert state["width"] == width == ffprobe_video_width(clip)
        wait_for_js(driver, PLAYING, LOAD_TIMEOUT, f"slide {index + 1}'s clip to play")
        # each clip carries its beat's voice (manim-slides mutes only the first slide, which
        # a browser may not start with sound before the viewer has interacted)
        assert has_audio(clip), clip
        video = driver.execute_script(
            "return document.querySelector('.slide-background.present video');"
        )
        sound = assert_plays_with_sound(driver, video, f"slide {index + 1}'s clip")
        assert sound["muted"] is (index == 0)
        if shot is not None and index == len(clip_files) // 2:
            assert driver.save_screenshot(str(shot))
        states.append(state)
    return states


def test_the_site_deck_plays_every_clip_in_order_with_the_narration_as_notes(
    driver, base_url, site, published, screenshots
):
    entry = next(e for e in published if e["id"] == DECK_CHAPTER)
    clip_files = [site / c["file"] for c in entry["clips"]]
    # a clip per beat of the transcript, together as long as the chapter
    assert len(clip_files) == len(entry["transcript"])
    assert sum(ffprobe_duration(c) for c in clip_files) == pytest.approx(
        ffprobe_duration(site / entry["files"]["video"]), abs=0.2
    )
    states = play_deck(
        driver,
        base_url + entry["files"]["deck"],
        clip_files,
        PREVIEW_WIDTH,
        screenshots / "deck-site.png",
    )
    assert [re.sub(r"\s+", " ", s["notes"] or "").strip() for s in states] == [
        b["text"] for b in entry["transcript"]
    ]


@pytest.fixture(scope="module")
def slides_clips(browser_tools, draft_course, tmp_path_factory) -> Path:
    """``mathviz clips`` of :data:`DECK_CHAPTER` with its defaults (the slides profile, mp4,
    a deck)."""
    build_root = tmp_path_factory.mktemp("slides-build")
    result = CliRunner().invoke(
        cli.main,
        ["clips", DECK_CHAPTER, "--build", str(build_root), "--pptx"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    deck = Path(result.output.strip().splitlines()[-2 if "clip(s)" in result.output else -1])
    assert deck.name == "deck.html" and deck.is_file(), result.output
    return deck


def test_the_clips_and_deck_of_the_slides_profile_play_in_chromium(
    driver, slides_clips, screenshots
):
    folder = slides_clips.parent
    manifest = json.loads((folder / "clips.mp4.json").read_text(encoding="utf-8"))
    clip_files = [folder / c["file"] for c in manifest["clips"]]
    assert [f.name for f in clip_files] == sorted(f.name for f in folder.glob("*.mp4"))
    server = serve(folder)
    try:
        play_deck(
            driver, server.url + "deck.html", clip_files, 1920, screenshots / "deck-slides.png"
        )
        # and each clip on its own, as a teacher embeds it
        for clip in clip_files:
            open_page(driver, server.url + clip.name)
            state = wait_for_js(driver, VIDEO_STATE, LOAD_TIMEOUT, f"{clip.name} to load")
            assert "error" not in state and state["width"] == 1920
            assert state["duration"] == pytest.approx(ffprobe_duration(clip), abs=TOLERANCE)
            assert_plays_with_sound(driver, what=clip.name)
    finally:
        server.close()
