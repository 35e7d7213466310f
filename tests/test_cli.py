"""The command line through Click's CliRunner: list, check --json, bad ids, doctor."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mathviz import cli, doctor, state
from mathviz.course import get_chapter


@pytest.fixture
def runner():
    return CliRunner()


def test_list_shows_every_chapter_with_status(runner, tmp_path):
    result = runner.invoke(cli.main, ["list", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("  ")]
    assert len(lines) == 56
    assert not [line for line in lines if line.split()[-1] == "planned"]  # 56 of 56 have scenes


def test_list_marks_a_chapter_without_its_module_planned(runner, tmp_path, without_scenes):
    without_scenes("14.1")
    result = runner.invoke(cli.main, ["list", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("  ")]
    assert len(lines) == 56
    row = next(line for line in lines if line.split()[0] == "6.3")
    assert "Gradients" in row and {"unchecked", "verified", "failing", "rendered"} & set(
        row.split()
    )
    assert next(line for line in lines if line.split()[0] == "14.1").split()[-1] == "planned"


def test_list_one_level(runner, tmp_path):
    result = runner.invoke(cli.main, ["list", "7", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert "7.2" in result.output and "6.3" not in result.output


def test_check_json_reports_every_checkpoint_ok(runner):
    result = runner.invoke(cli.main, ["check", "6.3", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    rows = payload["checkpoints"]
    assert len(rows) >= 3
    for row in rows:
        assert set(row) == {"chapter", "scene", "name", "shown", "expected", "tol", "ok", "source"}
        assert row["chapter"] == "6.3" and row["ok"] is True
        assert isinstance(row["shown"], (float, list))
        assert not row["source"].startswith("refused")
    (chapter,) = payload["chapters"]
    assert chapter["chapter"] == "6.3"
    figure = chapter["pacing"]
    assert 0.0 <= figure["still_share"] <= 1.0
    assert 0.0 < figure["longest_still"] <= figure["still_seconds"] <= figure["duration"]
    assert isinstance(chapter["unverified"], list)


def test_list_shows_the_pacing_of_the_last_check(runner, tmp_path):
    runner.invoke(cli.main, ["check", "6.3"])
    result = runner.invoke(cli.main, ["list", "6", "--out", str(tmp_path)])
    line = next(row for row in result.output.splitlines() if row.strip().startswith("6.3"))
    assert "still" in line and "longest" in line


def test_check_level_takes_only_chapters_with_scenes(runner):
    result = runner.invoke(cli.main, ["check", "6"])
    assert result.exit_code == 0, result.output
    assert "6.3" in result.output and "passed, 0 failed" in result.output


@pytest.mark.parametrize(
    "args", [["render", "6.9"], ["render", "foo"], ["check", "6.9"], ["render", "99"]]
)
def test_unknown_ids_are_usage_errors_naming_nearby_ids(runner, tmp_path, args):
    result = runner.invoke(
        cli.main, [*args, "--out", str(tmp_path)] if args[0] == "render" else args
    )
    assert result.exit_code == 2
    assert "unknown chapter or level" in result.output
    if args[1] == "6.9":
        assert "6.3" in result.output
    assert list(tmp_path.iterdir()) == []


def test_planned_chapter_is_a_usage_error(runner, tmp_path, without_scenes):
    without_scenes("14.1")
    out = tmp_path / "out"
    out.mkdir()
    result = runner.invoke(cli.main, ["render", "14.1", "--out", str(out)])
    assert result.exit_code == 2
    assert "planned" in result.output
    assert list(out.iterdir()) == []


def test_unknown_profile_lists_the_available_ones(runner, tmp_path):
    result = runner.invoke(
        cli.main, ["render", "6.3", "--profile", "cinema", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "preview" in result.output and "lecture" in result.output


def test_doctor_reports_all_found(runner):
    result = runner.invoke(cli.main, ["doctor"])
    assert result.exit_code == 0, result.output
    for name in (
        "ffmpeg",
        "latex",
        "standalone.cls",
        "dvisvgm",
        "cairo",
        "pangocairo",
        "python:manim",
    ):
        assert name in result.output


def test_missing_latex_gets_the_doctors_message_not_a_traceback(runner, monkeypatch, tmp_path):
    real_which = shutil.which
    monkeypatch.setattr(
        doctor.shutil,
        "which",
        lambda name: None if name in {"latex", "kpsewhich"} else real_which(name),
    )
    result = runner.invoke(
        cli.main, ["render", "6.3", "--profile", "preview", "--out", str(tmp_path)]
    )
    assert result.exit_code == cli.EXIT_MISSING_TOOL
    assert "MISSING latex" in result.output
    assert "apt-get install" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_missing_ffmpeg_is_named(runner, monkeypatch, tmp_path):
    real_which = shutil.which
    monkeypatch.setattr(
        doctor.shutil,
        "which",
        lambda name: None if name in {"ffmpeg", "ffprobe"} else real_which(name),
    )
    result = runner.invoke(cli.main, ["render", "6.3", "--out", str(tmp_path)])
    assert result.exit_code == cli.EXIT_MISSING_TOOL
    assert "MISSING ffmpeg" in result.output and "sudo apt-get install -y ffmpeg" in result.output


def test_check_reuses_a_chapters_results_until_something_it_depends_on_changes(drafts, monkeypatch):
    from drafts import write_chapter

    from mathviz.render import runner

    def check(*extra: str) -> dict:
        result = CliRunner().invoke(cli.main, ["check", "0.1", "--json", *extra])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    first = check()
    assert [c["reused"] for c in first["chapters"]] == [False]
    run_scenes = runner.check_chapter

    def must_not_run(*_args, **_kwargs):
        raise AssertionError("the scenes ran again")

    monkeypatch.setattr(runner, "check_chapter", must_not_run)
    again = check()
    assert [c["reused"] for c in again["chapters"]] == [True]
    assert again["checkpoints"] == first["checkpoints"]
    monkeypatch.setattr(runner, "check_chapter", run_scenes)
    assert check("--fresh")["chapters"][0]["reused"] is False
    write_chapter(drafts, "0.1", second="A square, said otherwise.")
    edited = check()
    assert edited["chapters"][0]["reused"] is False
    assert check("--voice", "none")["chapters"][0]["reused"] is False  # another voice


def test_version_names_manim_and_python(runner):
    from importlib.metadata import version

    result = runner.invoke(cli.main, ["--version"])
    assert result.exit_code == 0
    assert f"manim {version('manim')}" in result.output
    assert f"Python {sys.version.split()[0]}" in result.output


def test_doctor_names_missing_encoders_and_a_manim_that_is_not_the_pinned_one(
    runner, tmp_path, monkeypatch
):
    import importlib.metadata

    fake = tmp_path / "ffmpeg"  # an ffmpeg built without x264 and VP9
    fake.write_text("#!/bin/sh\nprintf ' A..... aac   AAC\\n V..... mpeg4   MPEG-4\\n'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    real_version = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata,
        "version",
        lambda name: "0.19.0" if name == "manim" else real_version(name),
    )
    result = runner.invoke(cli.main, ["doctor"])
    assert result.exit_code == cli.EXIT_FAILED
    assert "MISSING ffmpeg encoders  lacks libx264, libvpx-vp9, libopus" in result.output
    assert "MISSING manim version    0.19.0, but mathviz pins 0.22.0" in result.output


def test_doctor_does_not_ask_for_development_headers(runner, monkeypatch):
    which = shutil.which
    monkeypatch.setattr(
        doctor.shutil, "which", lambda name: None if name == "pkg-config" else which(name)
    )
    result = runner.invoke(cli.main, ["doctor"])
    assert result.exit_code == 0, result.output


@pytest.mark.render
def test_open_shows_the_rendered_video(drafts, tmp_path, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(cli.click, "launch", lambda path: opened.append(path) or 0)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli.main,
        ["render", "0.1", "--profile", "preview", "--out", str(out), "-q", "--voice", "none", "-p"],
    )
    assert result.exit_code == 0, result.output
    assert opened == [str(out / "preview" / "00-foundations" / "0.1-mathematical-language.mp4")]
    again = CliRunner().invoke(
        cli.main,
        [
            "render",
            "0.1",
            "--profile",
            "preview",
            "--out",
            str(out),
            "-q",
            "--voice",
            "none",
            "--open",
        ],
    )
    assert again.exit_code == 0 and opened[-1] == opened[0]  # unchanged: still opened


def test_shell_completion_offers_chapter_ids_and_profiles():
    env = {**os.environ, "_MATHVIZ_COMPLETE": "bash_complete"}

    def complete(words: str) -> list[str]:
        run = subprocess.run(
            [str(Path(sys.executable).with_name("mathviz"))],
            env={**env, "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)},
            capture_output=True,
            text=True,
            check=True,
        )
        return [line.split(",", 1)[1] for line in run.stdout.splitlines()]

    assert complete("mathviz render 6.") == ["6.1", "6.2", "6.3", "6.4", "6.5"]
    assert complete("mathviz render 6.3 --profile pr") == ["preview"]


def test_check_runs_chapters_in_parallel_workers_with_the_same_results(drafts):
    def check(*extra: str) -> dict:
        result = CliRunner().invoke(cli.main, ["check", "0", "--json", "--fresh", *extra])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    alone, parallel = check("-j", "1"), check("-j", "2")
    assert [c["chapter"] for c in parallel["chapters"]] == ["0.1", "0.2"]  # in course order
    assert [c["reused"] for c in parallel["chapters"]] == [False, False]
    assert parallel["checkpoints"] == alone["checkpoints"]
    assert all(state.check_seconds(get_chapter(c)) > 0 for c in ("0.1", "0.2"))


def test_the_chapters_that_took_longest_last_time_are_checked_first(drafts, monkeypatch):
    from mathviz.render import runner

    short, long = get_chapter("0.1"), get_chapter("0.2")
    state.store_reports(short, "earlier inputs", [], seconds=1.5)
    state.store_reports(long, "earlier inputs", [], seconds=9.0)
    started: list[str] = []

    def check_one(chapter, voice, reuse):
        started.append(chapter.id)
        return runner.CheckOutcome(chapter, [])

    monkeypatch.setattr(runner, "_check_one", check_one)
    outcomes = runner.check_chapters([short, long], reuse=False)
    assert started == ["0.2", "0.1"]
    assert [o.chapter.id for o in outcomes] == ["0.1", "0.2"]  # reported in course order


def test_a_scene_that_raises_in_a_parallel_check_is_reported_with_its_chapter(drafts):
    from drafts import write_chapter

    write_chapter(drafts, "0.2", extra='raise ValueError("the draft is broken")')
    result = CliRunner().invoke(cli.main, ["check", "0", "-j", "2", "--fresh"])
    assert result.exit_code == cli.EXIT_FAILED
    assert "chapter 0.2" in result.stderr and "the draft is broken" in result.stderr
    assert "0.1" in result.output  # the other chapter's results are still listed


@pytest.mark.parametrize(("flag", "split"), [((), True), (("--no-split",), False)])
def test_no_split_renders_every_scene_whole(drafts, tmp_path, monkeypatch, flag, split):
    from mathviz.render import build

    asked: list[bool] = []

    def record(*args, split: bool = True, **kwargs):
        asked.append(split)
        return build.BuildSummary([], 0.0, 1)

    monkeypatch.setattr(build, "build", record)
    result = CliRunner().invoke(
        cli.main, ["render", "0.1", "--out", str(tmp_path / "out"), "-q", "--voice", "none", *flag]
    )
    assert result.exit_code == 0, result.output
    assert asked == [split]
