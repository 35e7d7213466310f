"""Fault injection: what a user can do to a build, and what must survive it.

Damaged cache files, damaged outputs, kill -9 / SIGTERM / SIGINT of the main process, two
builds at once, a full or read-only disk, bad paths and bad profile values. Each test asserts
the message, the exit code, and that every output left behind decodes. The chapters are the
tiny drafts of ``tests/drafts.py``.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from drafts import (
    BT709,
    alive,
    color_tags,
    decodes,
    descendants,
    faststart,
    stray,
    wait_until,
    write_chapter,
)

from mathviz import cli
from mathviz.render import assemble, build, profiles
from mathviz.render.assemble import sidecar_path

pytestmark = pytest.mark.render

STEMS = {"0.1": "0.1-mathematical-language", "0.2": "0.2-sets-and-logic"}


def video(out: Path, cid: str, fmt: str = "mp4") -> Path:
    return out / "preview" / "00-foundations" / f"{STEMS[cid]}.{fmt}"


def render_cmd(out: Path, *ids: str, extra: tuple[str, ...] = ()) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mathviz.cli",
        "render",
        *ids,
        "--profile",
        "preview",
        "--build",
        str(out),
        "-q",
        *extra,
    ]


def run(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, env=os.environ.copy(), timeout=600)


def invoke(*args: str):
    return CliRunner().invoke(cli.main, list(args))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cached_segments(tmp_path: Path, cid: str) -> list[Path]:
    folder = tmp_path / "cache" / "segments" / "preview" / STEMS[cid]
    return sorted(folder.glob("*.mp4"))


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning:")]


# --- the cache ---------------------------------------------------------------------------
@pytest.fixture
def one_scene(drafts):
    """Chapter 0.1 as a single scene: its output used to be a hard link into the cache."""
    write_chapter(drafts, "0.1", scenes="[Opening]")
    return drafts


def test_a_damaged_cached_segment_never_touches_written_outputs_and_is_rebuilt(one_scene, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        assert run(render_cmd(out, "0.1")).returncode == 0
    (segment,) = cached_segments(tmp_path, "0.1")
    shipped = {out: sha(video(out, "0.1")) for out in (first, second)}
    assert video(first, "0.1").stat().st_ino != segment.stat().st_ino
    assert video(first, "0.1").stat().st_nlink == 1  # shares its bytes with nothing

    with open(segment, "r+b") as handle:  # truncation
        handle.truncate(segment.stat().st_size // 2)
    for out in (first, second):
        assert sha(video(out, "0.1")) == shipped[out] and decodes(video(out, "0.1"))
    again = run(render_cmd(first, "0.1"))  # the written output is intact: nothing to do
    assert again.returncode == 0 and "unchanged  0.1" in again.stderr

    fresh = run(render_cmd(tmp_path / "c", "0.1"))
    assert fresh.returncode == 0, fresh.stderr
    (line,) = warnings(fresh.stderr)
    assert segment.name in line and "evicted" in line
    assert "1 segment(s) to render" in fresh.stderr
    assert decodes(video(tmp_path / "c", "0.1")) and decodes(segment)

    data = bytearray(segment.read_bytes())  # the same size, different bytes
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    segment.write_bytes(bytes(data))
    rebuilt = run(render_cmd(tmp_path / "d", "0.1"))
    assert rebuilt.returncode == 0, rebuilt.stderr
    (line,) = warnings(rebuilt.stderr)
    assert segment.name in line and "checksum" in line
    assert decodes(video(tmp_path / "d", "0.1"))
    assert sha(video(first, "0.1")) == shipped[first]


def test_garbage_in_a_cached_report_is_evicted_with_a_warning_naming_it(drafts, tmp_path):
    out = tmp_path / "out"
    assert run(render_cmd(out, "0.1")).returncode == 0
    report = next(p for p in cached_segments(tmp_path, "0.1")[0].parent.glob("Closing.*.json"))
    report.write_text("{ this is not json")
    result = run(render_cmd(tmp_path / "other", "0.1"))
    assert result.returncode == 0, result.stderr
    (line,) = warnings(result.stderr)
    assert str(report) in line and "unreadable" in line
    assert "1 segment(s) to render" in result.stderr
    assert decodes(video(tmp_path / "other", "0.1"))
    json.loads(report.read_text())  # rebuilt


def test_a_damaged_output_is_assembled_again_not_reported_unchanged(drafts, tmp_path):
    out = tmp_path / "out"
    assert run(render_cmd(out, "0.1")).returncode == 0
    final = video(out, "0.1")
    good = sha(final)
    with open(final, "r+b") as handle:
        handle.truncate(1000)
    result = run(render_cmd(out, "0.1"))
    assert result.returncode == 0, result.stderr
    (line,) = warnings(result.stderr)
    assert final.name in line and "assembling" in line
    assert "0 segment(s) to render" in result.stderr and "rendered   0.1" in result.stderr
    assert sha(final) == good and decodes(final)

    sidecar_path(final).write_text("garbage")
    result = run(render_cmd(out, "0.1"))
    assert result.returncode == 0 and "assembling" in result.stderr
    assert json.loads(sidecar_path(final).read_text())["chapter"] == "0.1"


def test_garbage_in_a_sidecar_is_an_error_naming_it_not_a_traceback(drafts, tmp_path):
    out = tmp_path / "out"
    assert run(render_cmd(out, "0.1")).returncode == 0
    sidecar_path(video(out, "0.1")).write_text("[1, 2")
    result = invoke("lecture", "0", "--profile", "preview", "--build", str(out))
    assert result.exit_code == cli.EXIT_FAILED
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert str(sidecar_path(video(out, "0.1"))) in result.stderr
    assert "render the chapter again" in result.stderr


def test_each_format_keeps_its_own_sidecar_and_cached_segments(one_scene, tmp_path):
    out = tmp_path / "out"
    assert run(render_cmd(out, "0.1")).returncode == 0
    mp4_segments = cached_segments(tmp_path, "0.1")
    webm = run(render_cmd(out, "0.1", extra=("--format", "webm")))
    assert webm.returncode == 0, webm.stderr
    assert all(p.is_file() for p in mp4_segments)  # not evicted by the other format
    for fmt in ("mp4", "webm"):
        side = json.loads(sidecar_path(video(out, "0.1", fmt)).read_text())
        assert side["format"] == fmt and side["video"] == video(out, "0.1", fmt).name
        assert decodes(video(out, "0.1", fmt))
    again = run(render_cmd(out, "0.1"))
    assert "0 segment(s) to render" in again.stderr and "unchanged  0.1" in again.stderr
    silent = run(render_cmd(tmp_path / "silent", "0.1", extra=("--voice", "none")))
    assert silent.returncode == 0, silent.stderr
    for final in (video(out, "0.1"), video(tmp_path / "silent", "0.1")):
        assert faststart(final)  # voiced (muxed) and silent (joined) alike
    for final in (video(out, "0.1"), video(tmp_path / "silent", "0.1"), video(out, "0.1", "webm")):
        assert color_tags(final) == BT709, final.name  # the pixels: test_render


# --- processes ---------------------------------------------------------------------------
def stalled_build(drafts: Path, tmp_path: Path, out: Path) -> tuple[subprocess.Popen, Path]:
    """A build of 0.1 (done quickly) and 0.2, whose second scene hangs while a file exists;
    returns once 0.2's stalled scene is rendering."""
    stall = tmp_path / "stall"
    stall.touch()
    write_chapter(drafts, "0.1", seconds=0.3)
    write_chapter(
        drafts,
        "0.2",
        seconds=0.3,
        extra=f"while __import__('os').path.exists({str(stall)!r}): __import__('time').sleep(0.05)",
    )
    proc = subprocess.Popen(
        render_cmd(out, "0.1", "0.2", extra=("-j", "2")),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    wait_until(lambda: video(out, "0.1").is_file(), 180, "chapter 0.1 to be written")
    log = tmp_path / "logs" / "preview" / f"{STEMS['0.2']}.Closing.log"
    wait_until(log.is_file, 60, "0.2's stalled scene to start")
    time.sleep(0.5)
    return proc, stall


@pytest.mark.parametrize("how", ["kill-9", "sigterm", "sigint"])
def test_a_stopped_build_leaves_no_process_and_the_next_run_resumes(drafts, tmp_path, how):
    out = tmp_path / "out"
    proc, stall = stalled_build(drafts, tmp_path, out)
    children = descendants(proc.pid)
    assert len(children) >= 2  # the workers (and the resource tracker)
    sig = {"kill-9": signal.SIGKILL, "sigterm": signal.SIGTERM, "sigint": signal.SIGINT}[how]
    os.kill(proc.pid, sig)  # the main process only, as `kill` or a supervisor would
    try:
        _, stderr = proc.communicate(timeout=20)  # a stalled scene is cancelled, not awaited
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"the build did not stop within 20 s of {how}")
    wait_until(lambda: not alive(children), 5, f"no child process to survive {how}")
    if how == "kill-9":
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 128 + sig
        assert f"interrupted ({signal.Signals(sig).name})" in stderr
        assert "run the same command to resume" in stderr
        assert "Traceback" not in stderr
        assert stray(tmp_path) == []  # its temporaries are gone with it
    assert decodes(video(out, "0.1")) and not video(out, "0.2").exists()

    stall.unlink()
    result = run(render_cmd(out, "0.1", "0.2"))  # at once: no worker folder is still held
    assert result.returncode == 0, result.stderr
    assert "1 segment(s) to render" in result.stderr
    assert decodes(video(out, "0.2")) and stray(tmp_path) == []


def test_two_builds_into_different_folders_both_succeed(drafts, tmp_path):
    write_chapter(
        drafts,
        "0.1",
        extra="from manim import MathTex; MathTex(r'\\sum_{i=1}^{n} x_i^2 = \\lVert x \\rVert^2')",
    )
    outs = [tmp_path / "first", tmp_path / "second"]
    procs = [
        subprocess.Popen(
            render_cmd(out, "0.1", extra=("-j", "1")),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
        )
        for out in outs
    ]
    results = [p.communicate(timeout=600) for p in procs]
    for proc, (_, stderr) in zip(procs, results, strict=True):
        assert proc.returncode == 0, stderr
    for out in outs:
        assert decodes(video(out, "0.1"))
    assert stray(tmp_path) == []


def test_a_latex_error_names_chapter_scene_and_formula(drafts, tmp_path):
    write_chapter(
        drafts, "0.2", extra="from manim import MathTex; MathTex(r'\\sqrt{x} + \\nosuchmacro')"
    )
    result = invoke("check", "0.2")
    assert result.exit_code == cli.EXIT_FAILED
    assert "chapter 0.2" in result.stderr and "scene Closing" in result.stderr
    assert "the formula '\\sqrt{x} + \\nosuchmacro': Undefined control sequence" in result.stderr
    rendered = run(render_cmd(tmp_path / "out", "0.2"))
    assert rendered.returncode == cli.EXIT_FAILED
    assert "0.2 Closing" in rendered.stderr
    assert "\\sqrt{x} + \\nosuchmacro" in rendered.stderr


# --- full and read-only disks ------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 2 MiB tmpfs, a real disk that fills up. Mounting one needs root (or CAP_SYS_ADMIN):
    without it the test is skipped, naming why; ENOSPC itself is still exercised everywhere
    by ``test_a_full_disk_simulated``."""
    where = tmp_path / "disk"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)], capture_output=True
    )
    if mounted.returncode:
        reason = mounted.stderr.decode(errors="replace").strip() or "mount failed"
        pytest.skip(f"a real full disk needs permission to mount a tmpfs ({reason})")
    yield where
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(handle) -> None:
    """Write to ``handle`` until the disk is full (raises ENOSPC)."""
    while True:
        handle.write(bytes(4096))


def test_a_full_disk_fails_the_chapter_and_leaves_no_partial_file(drafts, tmp_path, small_disk):
    out = small_disk / "out"
    filler = small_disk / "filler"
    # fill the disk, then free 16 KiB: room for the folders and the lock, not for the video
    with open(filler, "wb", buffering=0) as handle, pytest.raises(OSError) as full:
        fill(handle)
    assert full.value.errno == errno.ENOSPC
    os.truncate(filler, filler.stat().st_size - 16 * 1024)
    result = run(render_cmd(out, "0.1"))
    assert result.returncode == cli.EXIT_FAILED, result.stderr
    assert "joining segments failed" in result.stderr, result.stderr
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr
    assert not video(out, "0.1").exists() and stray(small_disk) == []
    filler.unlink()
    result = run(render_cmd(out, "0.1"))
    assert result.returncode == 0, result.stderr
    assert "0 segment(s) to render" in result.stderr  # the segments were kept
    assert decodes(video(out, "0.1"))


def test_a_full_disk_simulated(drafts, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert (
        invoke(
            "render", "0.1", "--profile", "preview", "--build", str(out), "-q", "--voice", "none"
        ).exit_code
        == 0
    )
    before = sha(video(out, "0.1"))
    write_chapter(drafts, "0.1", first="A circle, said again.")

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(assemble, "concat", no_space)
    result = invoke(
        "render", "0.1", "--profile", "preview", "--build", str(out), "-q", "--voice", "none"
    )
    assert result.exit_code == cli.EXIT_FAILED
    assert "No space left on device" in result.stderr
    assert sha(video(out, "0.1")) == before and decodes(video(out, "0.1"))
    assert stray(out) == []


def test_a_read_only_folder_is_a_usage_error(drafts, tmp_path):
    where = tmp_path / "ro"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(where)], capture_output=True
    )
    target = where / "out" if mounted.returncode == 0 else Path("/sys/mathviz-out")
    try:
        result = invoke("render", "0.1", "--profile", "preview", "--build", str(target))
    finally:
        if mounted.returncode == 0:
            subprocess.run(["umount", "-l", str(where)], capture_output=True)
    assert result.exit_code == cli.EXIT_USAGE
    assert str(target) in result.stderr and "--build" in result.stderr
    assert "Traceback" not in result.stderr


# --- usage errors ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "case",
    ["existing file", "under a file", "under /proc", "report folder missing", "report is a folder"],
)
def test_bad_paths_are_usage_errors_that_write_nothing(drafts, tmp_path, case):
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    out = tmp_path / "out"
    args = {
        "existing file": ["--build", str(afile)],
        "under a file": ["--build", str(afile / "sub")],
        "under /proc": ["--build", "/proc/mathviz-out"],
        "report folder missing": [
            "--build",
            str(out),
            "--report",
            str(tmp_path / "missing" / "r.json"),
        ],
        "report is a folder": ["--build", str(out), "--report", str(tmp_path)],
    }[case]
    result = invoke("render", "0.1", "--profile", "preview", *args)
    assert result.exit_code == cli.EXIT_USAGE, result.output
    (message,) = result.stderr.strip().splitlines()  # one line, naming option and path
    assert message.startswith(f"Error: {args[-2]} {args[-1]}: ")
    assert not out.exists() and afile.read_text() == "not a folder"


@pytest.mark.parametrize("ids", [["10"], ["14"], ["13", "14"]])
def test_ids_that_select_no_chapter_with_scenes_write_nothing(tmp_path, ids, without_scenes):
    without_scenes("10", "13", "14")
    out = tmp_path / "out"
    result = invoke("render", *ids, "--profile", "preview", "--build", str(out))
    assert result.exit_code == cli.EXIT_USAGE
    (message,) = result.stderr.strip().splitlines()
    assert "selects no chapter with scenes" in message
    assert not out.exists()


@pytest.mark.parametrize(
    ("setting", "complaint"),
    [
        ("[encoder]\ncrf = 99", "crf must be a number within 0..51"),
        ('[encoder]\npreset = "quick"', "unknown x264 preset"),
        ('[encoder]\ntune = "cartoon"', "unknown x264 tune"),
        ("[encoder]\nthreads = 2.5", "threads is an x264 option"),
        ("[encoder_webm]\nthreads = 2", "threads is an x264 option"),
        ("[encoder_webm]\ncpu-used = 20", "cpu-used"),
        ("[encoder]\nsubme = 12", "subme is an x264 option"),
        ("[encoder]\nsubme = 1.5", "subme is an x264 option"),
        ("[encoder_webm]\nsubme = 1", "subme is an x264 option"),
    ],
)
def test_bad_encoder_values_are_refused_before_rendering(tmp_path, setting, complaint):
    path = tmp_path / "mine.toml"
    path.write_text(f"width = 854\nheight = 480\nfps = 15\n{setting}\n")
    result = invoke("render", "6.3", "--profile", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == cli.EXIT_USAGE
    (message,) = result.stderr.strip().splitlines()
    assert complaint in message and str(path) in message
    assert not (tmp_path / "out").exists()


def test_a_profile_may_give_x264_its_threads(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text("width = 854\nheight = 480\nfps = 15\n[encoder]\ncrf = 23\nthreads = 2\n")
    profile = profiles.load(str(path))
    assert profile.encoder_options("mp4") == {"crf": "23", "threads": "2"}
    assert "threads=2" in profile.settings_key("mp4")  # a different segment


def test_a_profile_subme_reaches_x264(drafts, tmp_path):
    """``subme`` is x264's name; libavcodec calls it ``subq``. What x264 was given is in the
    stream itself: it writes its settings into the first frame (an SEI message)."""
    path = tmp_path / "mine.toml"
    path.write_text(
        'width = 854\nheight = 480\nfps = 15\n[encoder]\npreset = "veryfast"\ncrf = 23\nsubme = 1\n'
    )
    profile = profiles.load(str(path))
    assert profile.encoder_options("mp4") == {"preset": "veryfast", "crf": "23", "subq": "1"}
    assert "subq=1" in profile.settings_key("mp4")
    out = tmp_path / "out"
    result = invoke("render", "0.1", "--profile", str(path), "--build", str(out), "-q")
    assert result.exit_code == 0, result.output
    (movie,) = out.rglob("0.1-*.mp4")
    settings = re.search(
        rb"x264 - core .*? - H\.264/MPEG-4 AVC codec .*?options: ([^\x00]*)", movie.read_bytes()
    )
    assert settings is not None
    assert b" subme=1 " in settings[1] and b" crf=23.0 " in settings[1]


@pytest.mark.parametrize(
    ("size", "complaint"),
    [
        ("width = 854.0\nheight = 480\nfps = 15", "width must be a whole number"),
        ("width = 854\nheight = 480\nfps = true", "fps must be a whole number"),
        ("width = 855\nheight = 480\nfps = 15", "positive and even"),
        ("width = 854\nheight = -2\nfps = 15", "positive and even"),
        ("width = 854\nheight = 480\nfps = 0", "fps must be within 1..240"),
    ],
)
def test_bad_frame_sizes_and_rates_are_refused(tmp_path, size, complaint):
    path = tmp_path / "mine.toml"
    path.write_text(size + "\n")
    with pytest.raises(profiles.ProfileError, match=complaint):
        profiles.load(str(path))
    result = invoke("render", "6.3", "--profile", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == cli.EXIT_USAGE
    (message,) = result.stderr.strip().splitlines()
    assert complaint in message and str(path) in message


def test_every_shipped_profile_passes_the_checks():
    for name in profiles.available():
        profiles.load(name)


# --- the terminal and the site -----------------------------------------------------------
def test_an_interrupted_live_display_shows_the_cursor_again(tmp_path):
    import io

    from rich.console import Console

    from mathviz.course import get_chapter
    from mathviz.render import progress
    from mathviz.render.segments import SegmentJob

    stream = io.StringIO()
    reporter = progress.LiveReporter(Console(file=stream, force_terminal=True, width=100))
    job = SegmentJob(
        "0.1",
        "Opening",
        "f",
        profiles.load("preview"),
        "mp4",
        tmp_path / "v.mp4",
        tmp_path / "r.json",
        tmp_path / "log",
    )
    plan = build.ChapterPlan(get_chapter("0.1"), tmp_path / "x.mp4", "f", False, [], [job])
    reporter.planned([plan], 1)
    assert "\x1b[?25l" in stream.getvalue()  # the cursor is hidden while it runs
    with pytest.raises(KeyboardInterrupt), build._closing(reporter):
        raise build.BuildInterrupted(signal.SIGINT)
    assert stream.getvalue().rstrip().endswith("\x1b[?25h")


def test_republishing_removes_pages_and_media_of_chapters_no_longer_published(tmp_path):
    from mathviz.course import get_chapter
    from mathviz.publish import site

    root = tmp_path / "site"
    gone, kept = get_chapter("4.1").output_stem, get_chapter("6.3").output_stem
    for name in (
        f"chapters/{gone}.html",
        f"chapters/{kept}.html",
        f"media/{gone}.mp4",
        f"media/{gone}.vtt",
        f"media/{gone}-clips/deck.html",
        f"media/{kept}.mp4",
        "media/level-06-calculus.mp4",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")
    entries = [
        site.ChapterEntry("6.3", "Gradients", 6, "Calculus", "published"),
        site.ChapterEntry("4.1", "x", 4, "Linear algebra", "not built"),
    ]
    site._remove_unpublished(root, entries)
    left = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert left == sorted(
        [f"chapters/{kept}.html", "media/level-06-calculus.mp4", f"media/{kept}.mp4"]
    )
