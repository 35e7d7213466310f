"""Builds on a Dask cluster: the same files as a local build, and every way it goes wrong.

Two kinds of cluster: a ``LocalCluster`` of separate worker processes (started once for the
module), and a scheduler and workers started as subprocesses on 127.0.0.1, as an author
starts them on real machines (``dask scheduler``, ``dask worker``). Every output is compared
with a local build of the same draft chapters, byte for byte and frame for frame.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
from click.testing import CliRunner
from distributed import LocalCluster
from drafts import Recorder, decoded_md5, frame_differences, stray, wait_until, write_chapter

from mathviz import cli
from mathviz.course import PROJECT_ROOT, get_chapter
from mathviz.render import build, cluster, profiles, runner

CHAPTERS = ("0.1", "0.2")


def _build(out: Path, *, address: str | None = None, **options) -> Recorder:
    seen = Recorder()
    build.build(
        [get_chapter(c) for c in CHAPTERS],
        profiles.load("preview"),
        "mp4",
        out,
        seen,
        jobs=2,
        cluster=address,
        **options,
    )
    return seen


def _videos(out: Path) -> dict[str, Path]:
    return {p.name: p for p in sorted(out.rglob("*.mp4"))}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _same_outputs(local: Path, remote: Path) -> None:
    """Both builds wrote the same chapters: identical bytes, identical decoded frames."""
    mine, theirs = _videos(local), _videos(remote)
    assert sorted(mine) == sorted(theirs) and len(mine) == len(CHAPTERS)
    for name, video in mine.items():
        assert decoded_md5(theirs[name]) == decoded_md5(video), frame_differences(
            video, theirs[name]
        )
        assert _sha(theirs[name]) == _sha(video), name
        sidecar = json.loads(video.with_name(f"{name}.json").read_text())
        assert (
            json.loads(theirs[name].with_name(f"{name}.json").read_text())["checkpoints"]
            == (sidecar["checkpoints"])
        )


@pytest.fixture(scope="module")
def local_cluster(tmp_path_factory) -> Iterator[LocalCluster]:
    """Two worker processes, one thread each; a job whose worker dies is retried once."""
    worker_cache = tmp_path_factory.mktemp("worker-cache")
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        running = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            env={"MATHVIZ_CACHE_DIR": str(worker_cache)},
        )
    yield running
    running.close()


# --- bad input, no cluster needed ----------------------------------------------------------
def test_an_unreachable_scheduler_is_named_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    out = tmp_path / "build"
    result = CliRunner().invoke(
        cli.main, ["render", "0.1", "--build", str(out), "--cluster", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code == 3, result.output
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "dask worker tcp://127.0.0.1:9" in result.output  # how to start one
    assert not out.exists()

    monkeypatch.setenv(cluster.SCHEDULER_ENV, "no-port-here")
    result = CliRunner().invoke(cli.main, ["publish", "0.1", "--build", str(out)])
    assert result.exit_code == 2, result.output
    assert "'no-port-here' is not a Dask scheduler's address" in result.output
    assert not out.exists()


# --- a LocalCluster of worker processes ----------------------------------------------------
@pytest.mark.render
@pytest.mark.parametrize("transfer", ["shared", "bytes"])
def test_a_cluster_build_writes_exactly_the_files_of_a_local_build(
    drafts: Path, tmp_path: Path, local_cluster: LocalCluster, transfer: str
) -> None:
    local = _build(tmp_path / "local")
    assert all(r.ok for r in local.results)
    remote = _build(
        tmp_path / "remote", address=local_cluster.scheduler_address, transfer=transfer, force=True
    )
    assert remote.workers == 2 and sorted(remote.jobs) == sorted(local.jobs)
    assert all(r.ok for r in remote.results), [r.message for r in remote.results]
    workers = {r.extra["worker"] for r in remote.results}
    assert workers <= set(local_cluster.scheduler_info["workers"]) and len(workers) == 2
    # the live display heard each scene start, from the workers, through Dask's events
    wait_until(lambda: sorted(remote.started) == sorted(remote.jobs), 5, "start events")
    _same_outputs(tmp_path / "local", tmp_path / "remote")
    for result in remote.results:  # the scene's log came back, and the segment is cached
        assert result.job.log.is_file() and result.job.video.is_file()
    assert stray(tmp_path) == []


@pytest.mark.render
def test_a_failing_scene_is_reported_as_a_local_build_reports_it(
    drafts: Path, tmp_path: Path, local_cluster: LocalCluster
) -> None:
    write_chapter(drafts, "0.2", extra="raise ValueError('the square is round')")
    local = _build(tmp_path / "local")
    remote = _build(tmp_path / "remote", address=local_cluster.scheduler_address)
    failed = {r.job.label: r for r in local.results if not r.ok}
    assert list(failed) == ["0.2 Closing"]
    [other] = [r for r in remote.results if not r.ok]
    mine = failed["0.2 Closing"]
    assert (other.job.label, other.failure, other.message) == (
        mine.job.label,
        "scene",
        "ValueError: the square is round",
    )
    assert other.message == mine.message
    assert other.details.splitlines()[-1] == mine.details.splitlines()[-1]
    assert "the square is round" in other.job.log.read_text()
    assert [o.status for o in remote.outcomes] == [o.status for o in local.outcomes]
    assert sorted(o.status for o in remote.outcomes) == ["failed", "rendered"]


@pytest.mark.render
def test_a_worker_that_dies_has_its_job_retried_on_a_worker(
    drafts: Path, tmp_path: Path, local_cluster: LocalCluster
) -> None:
    marker = tmp_path / "died-once"
    write_chapter(
        drafts,
        "0.2",
        extra=(
            f"import os, pathlib, signal; m = pathlib.Path(r'{marker}'); "
            "m.exists() or (m.write_text('x'), os.kill(os.getpid(), signal.SIGKILL))"
        ),
    )
    remote = _build(tmp_path / "remote", address=local_cluster.scheduler_address)
    assert marker.is_file()  # a worker process was killed rendering 0.2 Closing …
    assert all(r.ok for r in remote.results), [r.message for r in remote.results]
    local = _build(tmp_path / "local")  # … and the retry drew what a local build draws
    assert all(r.ok for r in local.results)
    _same_outputs(tmp_path / "local", tmp_path / "remote")
    wait_until(lambda: len(local_cluster.scheduler_info["workers"]) == 2, 60, "the restart")


@pytest.mark.render
def test_chapters_checked_on_a_cluster_give_the_reports_of_a_local_check(
    drafts: Path, local_cluster: LocalCluster
) -> None:
    write_chapter(drafts, "0.2", extra="raise ValueError('the square is round')")
    chapters = [get_chapter(c) for c in CHAPTERS]
    connection = cluster.connect(local_cluster.scheduler_address)
    try:
        remote = runner.check_chapters(chapters, reuse=False, cluster=connection)
    finally:
        connection.close()
    # what the cluster found is remembered here: the unchanged chapter is reused, no cluster
    [again] = runner.check_chapters(chapters[:1])
    assert again.reused
    local = runner.check_chapters(chapters, reuse=False, jobs=1)
    assert remote[0].reports is not None and not remote[0].reused
    assert [r.to_dict() for r in remote[0].reports] == [r.to_dict() for r in local[0].reports]
    assert [r.to_dict() for r in again.reports] == [r.to_dict() for r in local[0].reports]
    assert remote[1].reports is None and "the square is round" in remote[1].error
    assert remote[1].error == local[1].error


# --- a scheduler and workers started as subprocesses ---------------------------------------
def _dask(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *args],
        cwd=cwd,  # not the checkout: "python -m" puts the working directory first on the path
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


class Subprocesses:
    """A scheduler on 127.0.0.1 and its workers, each its own process group."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.file = folder / "scheduler.json"
        self.scheduler = _dask(
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-dashboard",
            "--scheduler-file",
            str(self.file),
            cwd=folder,
        )
        self.workers: list[subprocess.Popen] = []
        # dask creates the file, then writes it: wait for a whole document, not the file
        wait_until(self._address_written, 30, "the scheduler's address")
        self.address = json.loads(self.file.read_text())["address"]

    def _address_written(self) -> bool:
        try:
            return "address" in json.loads(self.file.read_text())
        except (OSError, ValueError):
            return False

    def worker(self, name: str, env: dict[str, str] | None = None, *options: str) -> None:
        cache = self.folder / f"cache-{name}"
        self.workers.append(
            _dask(
                "worker",
                self.address,
                "--nthreads",
                "1",
                "--name",
                name,
                "--no-dashboard",
                *options,
                cwd=self.folder,
                env={"MATHVIZ_CACHE_DIR": str(cache), **(env or {})},
            )
        )

    def wait_for(self, count: int) -> None:
        from distributed import Client

        with Client(self.address, timeout=30) as client:
            client.wait_for_workers(count, timeout=60)

    def close(self) -> None:
        for process in [*self.workers, self.scheduler]:
            _stop(process)


@pytest.fixture
def subprocesses(tmp_path: Path) -> Iterator[Subprocesses]:
    started = Subprocesses(tmp_path / "dask")
    yield started
    started.close()


@pytest.mark.render
def test_workers_started_as_processes_render_and_a_mismatched_one_is_refused(
    drafts: Path, tmp_path: Path, subprocesses: Subprocesses
) -> None:
    subprocesses.worker("one")
    subprocesses.worker("two")
    subprocesses.wait_for(2)
    remote = _build(tmp_path / "remote", address=subprocesses.address, transfer="bytes")
    assert all(r.ok for r in remote.results) and remote.workers == 2
    assert not list(subprocesses.folder.rglob("*.wav"))  # timed by the lengths sent, silent
    _build(tmp_path / "local")
    _same_outputs(tmp_path / "local", tmp_path / "remote")

    # a worker whose copy of mathviz differs in one file
    other = tmp_path / "other-mathviz"
    shutil.copytree(
        PROJECT_ROOT / "mathviz", other / "mathviz", ignore=shutil.ignore_patterns("__pycache__")
    )
    with (other / "mathviz" / "theme.py").open("a") as theme:
        theme.write("\n# another release\n")
    subprocesses.worker("edited", {"PYTHONPATH": str(other)})
    # and one without mathviz at all
    hide = tmp_path / "hide_mathviz.py"
    hide.write_text(
        "import sys\n"
        "class Hide:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'mathviz':\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}')\n"
        "sys.meta_path.insert(0, Hide())\n"
    )
    subprocesses.worker("bare", None, "--preload", str(hide))
    subprocesses.wait_for(4)
    with pytest.raises(cluster.ClusterRefused) as refused:
        _build(tmp_path / "refused", address=subprocesses.address, force=True)
    message = str(refused.value)
    assert refused.value.exit_code == 3
    assert "has different project files: mathviz/theme.py" in message
    assert "cannot run mathviz (ModuleNotFoundError(\"No module named 'mathviz'\"))" in message
    assert message.count("worker tcp://") == 2  # the two good workers are not named
    assert not _videos(tmp_path / "refused")


@pytest.mark.render
def test_a_lost_scheduler_leaves_its_segments_and_the_rest_render_here(
    drafts: Path, tmp_path: Path, subprocesses: Subprocesses, monkeypatch: pytest.MonkeyPatch
) -> None:
    subprocesses.worker("only")
    subprocesses.wait_for(1)
    monkeypatch.setattr(cluster, "LOST_AFTER", 1.0)

    class KillsTheScheduler(Recorder):
        def segment_finished(self, result):
            super().segment_finished(result)
            if len(self.results) == 1:  # one segment back: the cluster goes away
                _stop(subprocesses.scheduler)

    seen = KillsTheScheduler()
    summary = build.build(
        [get_chapter(c) for c in CHAPTERS],
        profiles.load("preview"),
        "mp4",
        tmp_path / "remote",
        seen,
        cluster=subprocesses.address,
        jobs=2,
    )
    assert len(seen.results) == 4 and all(r.ok for r in seen.results)
    assert seen.results[0].extra["worker"].startswith("tcp://127.0.0.1:")
    assert sum(r.extra.get("worker") is None for r in seen.results) == 3  # rendered here
    [warning] = summary.warnings
    assert warning.startswith(f"lost the Dask scheduler at {subprocesses.address}")
    assert warning.endswith("rendering its 3 unfinished segment(s) here")
    _build(tmp_path / "local")
    _same_outputs(tmp_path / "local", tmp_path / "remote")
    assert stray(tmp_path / "remote") == []
