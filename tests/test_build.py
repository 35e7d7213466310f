"""Whole builds: unchanged chapters skipped without manim, parallel workers, segments re-used,
failures isolated, a lock against concurrent builds, and resuming after kill -9.

The chapters built here are tiny drafts in a temporary scenes folder
(``MATHVIZ_SCENES_DIR``), with their own cache (``MATHVIZ_CACHE_DIR``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from drafts import Recorder, frames, stray, write_chapter

from mathviz.course import get_chapter
from mathviz.render import build, fingerprint, profiles
from mathviz.voice.track import has_audio

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def preview():
    return profiles.load("preview")


def run_build(ids, preview, out, **kwargs) -> Recorder:
    rec = Recorder()
    build.build([get_chapter(i) for i in ids], preview, "mp4", out, rec, **kwargs)
    return rec


# --- fingerprints --------------------------------------------------------------------------
def test_a_scene_edit_changes_only_its_own_segment(drafts):
    chapter = get_chapter("0.1")
    before = {k.scene: k.fingerprint for k in fingerprint.segment_fingerprints(chapter, "p")}
    write_chapter(drafts, "0.1", second="A square, reworded.")
    after = {k.scene: k.fingerprint for k in fingerprint.segment_fingerprints(chapter, "p")}
    assert before["Opening"] == after["Opening"]
    assert before["Closing"] != after["Closing"]
    other = {k.scene: k.fingerprint for k in fingerprint.segment_fingerprints(chapter, "q")}
    assert other["Opening"] != after["Opening"]  # render settings are part of it


def test_a_warm_plan_parses_no_module_and_a_damaged_facts_file_is_rebuilt(drafts, monkeypatch):
    chapter = get_chapter("0.1")
    keys = fingerprint.segment_fingerprints(chapter, "p")
    facts = fingerprint._facts_path()
    assert facts.is_file()

    def forget() -> None:
        fingerprint._FACTS.clear()
        fingerprint._FACTS_STATE.update(loaded="", dirty=False)

    def no_parse(path):
        raise AssertionError(f"parsed {path}")

    forget()
    with monkeypatch.context() as m:
        m.setattr(fingerprint, "_facts_from_source", no_parse)
        assert fingerprint.segment_fingerprints(chapter, "p") == keys  # all from the cache
    facts.write_text("{not json")
    forget()
    assert fingerprint.segment_fingerprints(chapter, "p") == keys
    assert json.loads(facts.read_text())["schema"] == fingerprint.RENDER_SCHEMA


def test_library_modules_a_chapter_imports_are_its_dependencies():
    deps = {p.name for p in fingerprint.dependencies(get_chapter("6.3").module_path)}
    assert {"scene.py", "theme.py", "descent.py", "readout.py", "checkpoints.py"} <= deps
    assert "bayes.py" not in deps  # 6.3 draws no Bayes diagram


def test_planning_does_not_import_manim(drafts, tmp_path):
    code = (
        "import sys; from mathviz.course import get_chapter; "
        "from mathviz.render import build, profiles; "
        "build.plan_build([get_chapter('0.1')], profiles.load('preview'), 'mp4', "
        f"__import__('pathlib').Path({str(tmp_path / 'out')!r})); "
        "print('manim' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ.copy(),
    )
    assert out.stdout.strip() == "False"


# --- builds --------------------------------------------------------------------------------
def test_build_skip_and_segment_reuse(drafts, tmp_path, preview):
    out = tmp_path / "out"
    first = run_build(["0.1", "0.2"], preview, out, jobs=2)
    assert first.workers == 2 and len(first.jobs) == 4
    assert [o.status for o in first.outcomes if o.chapter.id == "0.1"] == ["rendered"]
    video = out / "preview" / "00-foundations" / "0.1-mathematical-language.mp4"
    parts = {r.job.scene: r.frames for r in first.results if r.job.chapter_id == "0.1"}
    assert frames(video) == sum(parts.values())  # joined by stream copy, frame-exact

    again = run_build(["0.1", "0.2"], preview, out, jobs=2)
    assert again.jobs == [] and again.workers == 0
    assert {o.status for o in again.outcomes} == {"unchanged"}

    write_chapter(drafts, "0.1", second="The square, said differently.")
    edited = run_build(["0.1", "0.2"], preview, out, jobs=2)
    assert edited.jobs == ["0.1 Closing"]  # the other segment comes from the cache
    assert {o.chapter.id: o.status for o in edited.outcomes} == {
        "0.1": "rendered",
        "0.2": "unchanged",
    }
    cues = (video.with_suffix(".vtt")).read_text()
    assert "The square, said differently." in cues
    assert frames(video) == parts["Opening"] + edited.results[0].frames
    assert stray(tmp_path) == []

    forced = run_build(["0.2"], preview, out, jobs=1, force=True)
    assert len(forced.jobs) == 2


def _voice_wavs(tmp_path: Path) -> set[Path]:
    return set((tmp_path / "cache" / "voice").rglob("*.wav"))


def test_editing_one_sentence_speaks_one_sentence_and_renders_one_scene(drafts, tmp_path, preview):
    out = tmp_path / "out"
    run_build(["0.1"], preview, out, jobs=1)
    spoken = _voice_wavs(tmp_path)
    assert len(spoken) == 2  # "A circle." and "A square." (spoken for the drafts up front)
    write_chapter(drafts, "0.1", second="A square, now said in other words.")
    edited = run_build(["0.1"], preview, out, jobs=1)
    assert edited.jobs == ["0.1 Closing"]
    assert len(_voice_wavs(tmp_path) - spoken) == 1  # one new sentence synthesised
    assert has_audio(out / "preview" / "00-foundations" / "0.1-mathematical-language.mp4")
    again = run_build(["0.1"], preview, out, jobs=1)
    assert again.jobs == [] and len(_voice_wavs(tmp_path) - spoken) == 1


def _audio_md5(video: Path) -> str:
    """MD5 of the audio stream's packets (stream copy: the encoded bytes, not decoded)."""
    return subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(video), "-map", "0:a", "-c", "copy", "-f", "md5", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_a_chapter_whose_speech_is_unchanged_reuses_its_mastered_voice_track(
    drafts, tmp_path, preview, monkeypatch
):
    from mathviz.render.assemble import read_sidecar, voice_track_dir
    from mathviz.voice import track

    mastered: list[Path] = []
    master = track.normalise_and_encode

    def counted(samples, rate, target, codec):
        mastered.append(target)
        return master(samples, rate, target, codec)

    monkeypatch.setattr(track, "normalise_and_encode", counted)

    def video(out: Path) -> Path:
        return out / "preview" / "00-foundations" / "0.1-mathematical-language.mp4"

    def kept() -> list[Path]:
        return sorted(p for p in voice_track_dir().rglob("*") if p.is_file())

    run_build(["0.1"], preview, tmp_path / "a", jobs=1)
    assert len(mastered) == 1 and [p.suffix for p in kept()] == [".json", ".m4a"]
    spoken = _audio_md5(video(tmp_path / "a"))
    figures = read_sidecar(video(tmp_path / "a"))["audio"]
    assert figures["sentences"] == 2 and -17 <= figures["integrated_lufs"] <= -15

    # the pictures change, the speech and its times do not: the track is not mastered again
    write_chapter(drafts, "0.1", extra="self.play(Create(Circle()), run_time=0.2)")
    edited = run_build(["0.1"], preview, tmp_path / "a", jobs=1)
    assert edited.jobs == ["0.1 Closing"] and len(mastered) == 1
    assert _audio_md5(video(tmp_path / "a")) == spoken
    assert read_sidecar(video(tmp_path / "a"))["audio"] == figures

    # a damaged cached track is named, removed and mastered again
    audio = next(p for p in kept() if p.suffix == ".m4a")
    audio.write_bytes(audio.read_bytes()[: audio.stat().st_size // 2])
    damaged = run_build(["0.1"], preview, tmp_path / "b", jobs=1)
    assert len(mastered) == 2
    (warning,) = damaged.summary.warnings
    assert warning.startswith("0.1: damaged voice track evicted") and audio.name in warning
    assert _audio_md5(video(tmp_path / "b")) == spoken  # the same speech, the same bytes
    assert has_audio(video(tmp_path / "b"))

    # --force masters it again, and a copy a killed build left half-written is removed
    gone = subprocess.Popen(["true"])
    gone.wait()
    leftover = audio.with_name(f"{audio.name}.tmp-{gone.pid}")
    leftover.write_bytes(b"half a track")
    run_build(["0.1"], preview, tmp_path / "a", jobs=1, force=True)
    assert len(mastered) == 3 and not leftover.exists()
    write_chapter(drafts, "0.1", second="A square, spoken anew.")
    run_build(["0.1"], preview, tmp_path / "a", jobs=1)
    assert len(mastered) == 4 and len(kept()) == 2
    assert _audio_md5(video(tmp_path / "a")) != spoken
    assert stray(tmp_path) == []


def test_a_forced_render_takes_the_voice_track_mastered_ahead_on_an_idle_core(
    drafts, tmp_path, preview, monkeypatch
):
    """With its previous output's speech and times, a chapter's track is mastered while its
    video renders (one scene, two workers: one idle), and is the very track mastering it
    afterwards gives; a prediction the render does not bear out is mastered again."""
    import threading

    from mathviz.render.assemble import read_sidecar, voice_track_dir
    from mathviz.voice import track

    mastered_on: list[str] = []
    master = track.normalise_and_encode

    def counted(samples, rate, target, codec):
        mastered_on.append(threading.current_thread().name)
        return master(samples, rate, target, codec)

    monkeypatch.setattr(track, "normalise_and_encode", counted)

    def video(out: Path) -> Path:
        return out / "preview" / "00-foundations" / "0.1-mathematical-language.mp4"

    write_chapter(drafts, "0.1", scenes="[Opening]")
    out = tmp_path / "out"
    run_build(["0.1"], preview, out, jobs=2)
    assert mastered_on == ["MainThread"]  # no earlier output: nothing to predict
    spoken, figures = _audio_md5(video(out)), read_sidecar(video(out))["audio"]

    forced = run_build(["0.1"], preview, out, jobs=2, force=True)
    assert forced.jobs == ["0.1 Opening"]
    assert mastered_on[1:] == ["voice-ahead"]  # mastered ahead, taken, not mastered again
    assert _audio_md5(video(out)) == spoken
    assert read_sidecar(video(out))["audio"] == figures

    # the speech changes: the track guessed from the old output is not the one the render
    # needs, so the chapter masters its own, the track a build without a guess makes
    write_chapter(drafts, "0.1", scenes="[Opening]", first="A circle, drawn slowly.")
    run_build(["0.1"], preview, out, jobs=2, force=True)
    assert mastered_on[2:] == ["voice-ahead", "MainThread"]
    run_build(["0.1"], preview, tmp_path / "fresh", jobs=2)
    assert mastered_on[4:] == ["MainThread"]
    assert _audio_md5(video(out)) == _audio_md5(video(tmp_path / "fresh")) != spoken
    assert read_sidecar(video(out))["audio"] == read_sidecar(video(tmp_path / "fresh"))["audio"]
    assert stray(tmp_path) == []

    # one worker, busy to the end: no core is idle before the chapter needs its track, so
    # the chapter masters it itself and nothing is mastered ahead
    run_build(["0.1"], preview, tmp_path / "fresh", jobs=1, force=True)
    assert mastered_on[5:] == ["MainThread"]

    # a chapter that fails while its track may be mastered ahead: the build waits for that
    # track, then removes it; the chapter's previous output is left as it was
    heard = _audio_md5(video(out))
    write_chapter(drafts, "0.1", extra="raise RuntimeError('broken on purpose')")
    broken = run_build(["0.1"], preview, out, jobs=2, force=True)
    assert [o.status for o in broken.outcomes] == ["failed"]
    assert _audio_md5(video(out)) == heard
    assert stray(tmp_path) == []
    assert not any(p.name.startswith("ahead") for p in voice_track_dir().rglob("*"))


def test_the_voice_is_part_of_every_segment_fingerprint(drafts, tmp_path, preview):
    import dataclasses

    from mathviz.voice.engine import VoiceSettings

    plans = [
        build.plan_build(
            [get_chapter("0.1")],
            dataclasses.replace(preview, voice=VoiceSettings(voice, length_scale=scale)),
            "mp4",
            tmp_path,
        )[0]
        for voice, scale in (("default", 1.15), ("none", 1.15), ("default", 1.0))
    ]
    fingerprints = {p.fingerprint for p in plans}
    assert len(fingerprints) == 3


def test_check_voice_aligns_every_beat_and_catches_speech_that_is_not_the_script(drafts, tmp_path):
    from click.testing import CliRunner

    from mathviz import cli

    drafted = _voice_wavs(tmp_path)  # the drafts' own sentences, spoken before the test
    write_chapter(
        drafts,
        "0.1",
        first="Gradient descent steps downhill until the slope is flat.",
        second="Eigenvalues say how much each eigenvector is stretched.",
    )
    result = CliRunner().invoke(cli.main, ["check", "0.1", "--voice", "--json"])
    assert result.exit_code == 0, result.output
    rows = [r for r in json.loads(result.output)["checkpoints"] if r["name"].startswith("voice@")]
    # one row per beat (each scene has one), every word aligned inside its beat
    assert [(r["scene"], r["name"], r["ok"]) for r in rows] == [
        ("Opening", "voice@beat0", True),
        ("Closing", "voice@beat0", True),
    ]
    # the speech of one sentence replaced by another's: the check names the beat
    first, second = sorted(_voice_wavs(tmp_path) - drafted, key=lambda p: p.stat().st_size)
    first.write_bytes(second.read_bytes())
    result = CliRunner().invoke(cli.main, ["check", "0.1", "--voice", "--json"])
    assert result.exit_code == 1
    failed = [
        r
        for r in json.loads(result.output)["checkpoints"]
        if r["name"].startswith("voice@") and not r["ok"]
    ]
    assert len(failed) == 1 and failed[0]["shown"] >= 1


def test_one_failing_scene_does_not_stop_the_others(drafts, tmp_path, preview):
    write_chapter(drafts, "0.1", extra='raise ValueError("the draft is broken")')
    rec = run_build(["0.1", "0.2"], preview, tmp_path / "out", jobs=2)
    status = {o.chapter.id: o.status for o in rec.outcomes}
    assert status == {"0.1": "failed", "0.2": "rendered"}
    failed = [r for r in rec.results if not r.ok]
    assert len(failed) == 1 and failed[0].failure == "scene"
    assert "the draft is broken" in failed[0].message
    assert "ValueError" in failed[0].details
    assert failed[0].job.log.is_file()
    assert "the draft is broken" in failed[0].job.log.read_text()
    assert not (
        tmp_path / "out" / "preview" / "00-foundations" / "0.1-mathematical-language.mp4"
    ).exists()


def test_fail_fast_starts_nothing_after_a_failure(drafts, tmp_path, preview):
    write_chapter(drafts, "0.1", extra='raise ValueError("broken")', seconds=0.2)
    rec = run_build(["0.1", "0.2"], preview, tmp_path / "out", jobs=1, fail_fast=True)
    kinds = [r.failure for r in rec.results]
    assert "scene" in kinds and "cancelled" in kinds


def test_a_wrong_checkpoint_is_a_failure_and_nothing_is_cached(drafts, tmp_path, preview):
    write_chapter(drafts, "0.2", extra='self.checkpoint("side", 2.0, expected=3.0)')
    rec = run_build(["0.2"], preview, tmp_path / "out", jobs=1)
    bad = [r for r in rec.results if not r.ok]
    assert [r.failure for r in bad] == ["checkpoints"]
    assert "side: shown 2.0, expected 3.0" in bad[0].details
    assert not bad[0].job.video.exists()


def test_a_second_build_into_the_same_folder_is_refused(drafts, tmp_path, preview):
    out = tmp_path / "out"
    with build.build_lock(out):
        with pytest.raises(build.BuildBusyError, match="another mathviz build"):
            run_build(["0.1"], preview, out)
        from click.testing import CliRunner

        from mathviz import cli

        result = CliRunner().invoke(
            cli.main, ["render", "0.1", "--profile", "preview", "--out", str(out), "-q"]
        )
        assert result.exit_code == cli.EXIT_BUSY
        assert "--build" in result.output


def test_kill_9_then_resume(drafts, tmp_path):
    """Kill a build mid-way; the next run keeps finished segments and completes."""
    stall = tmp_path / "stall"  # while it exists, 0.2's second scene hangs mid-render
    stall.touch()
    write_chapter(drafts, "0.1", seconds=0.3)
    write_chapter(
        drafts,
        "0.2",
        seconds=0.3,
        extra=f"while __import__('os').path.exists({str(stall)!r}): __import__('time').sleep(0.05)",
    )
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "mathviz.cli",
        "render",
        "0.1",
        "0.2",
        "--profile",
        "preview",
        "--out",
        str(out),
        "-j",
        "1",
        "-q",
    ]
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env=os.environ.copy(),
    )
    cache = tmp_path / "cache" / "segments" / "preview"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # 0.1 done and 0.2's first scene done: 0.2 is stuck
        if len(list(cache.glob("0.1-*/*.mp4"))) == 2 and list(cache.glob("0.2-*/*.mp4")):
            break
        time.sleep(0.05)
    else:
        pytest.fail("the first segments never appeared")
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    finals = list((out / "preview").rglob("*.mp4"))
    assert [v.name for v in finals] == ["0.1-mathematical-language.mp4"]
    assert frames(finals[0]) > 0  # what sits at a final path is complete
    assert stray(tmp_path)  # the killed build did leave temporaries behind...

    stall.unlink()
    result = subprocess.run(cmd, capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == 0, result.stderr
    assert "1 segment(s) to render" in result.stderr  # only the one that was cut short
    assert "unchanged  0.1" in result.stderr
    assert "rendered   0.2 Sets & Logic" in result.stderr
    for stem in ("0.1-mathematical-language", "0.2-sets-and-logic"):
        assert frames(out / "preview" / "00-foundations" / f"{stem}.mp4") > 0
    assert stray(tmp_path) == []  # ...and the next build removed them


def test_wait_blocks_until_the_other_build_releases_the_folder(tmp_path):
    import threading

    out = tmp_path / "out"
    entered = threading.Event()
    with build.build_lock(out):
        worker = threading.Thread(
            target=lambda: (build.build_lock(out, wait=True).__enter__(), entered.set())
        )
        worker.start()
        time.sleep(0.3)
        assert not entered.is_set()  # still waiting while the lock is held
    worker.join(timeout=5)
    assert entered.is_set()


def test_a_worker_reports_the_scene_clock_while_it_renders(drafts, tmp_path, preview, monkeypatch):
    from mathviz.render import worker
    from mathviz.render.segments import SegmentJob

    events: list[tuple] = []

    class Events:
        put = events.append

    monkeypatch.setattr(worker, "_events", Events())
    job = SegmentJob(
        "0.1",
        "Opening",
        "f",
        preview,
        "mp4",
        tmp_path / "v.mp4",
        tmp_path / "r.json",
        tmp_path / "log",
    )
    result = worker.render_segment(job)
    assert result.ok, result.message
    progress = [clock for kind, label, clock in events if kind == "progress"]
    assert events[0][:2] == ("start", "0.1 Opening")
    assert progress and 0 < progress[0] <= result.report.duration
