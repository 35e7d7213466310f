"""Render a build's segments on a Dask cluster (``mathviz render … --cluster ADDRESS``).

Dask's ``distributed`` scheduler does the scheduling; mathviz sends it the same segment jobs
its local worker pool would run (:mod:`mathviz.render.build` decides what to send from the
same fingerprint cache) and takes back the same results
(:class:`~mathviz.render.segments.SegmentResult`), so progress, failures and the summary
read exactly as for a local build.

- **Workers** need only the project installed (the same version: :func:`verify` refuses a
  worker whose mathviz, manim, Python or project files differ, naming what differs). A worker
  renders one segment at a time (manim's configuration is per process): start workers with
  ``dask worker ADDRESS --nthreads 1``.
- **Results come back as files**, one of two ways (:func:`connect` finds out which): when
  every worker sees this machine's cache folder at the same path (a shared file system), a
  worker stores the segment there itself; otherwise the encoded segment's bytes come back
  with its result and are written atomically into the local cache.
- **Speech** is synthesised here, once; a worker gets the lengths of the chapter's sentences
  with its job and times the scene by them (the build lays the voice over the joined video).
- **A worker that dies** has its job rescheduled by the scheduler (``distributed``'s
  ``allowed-failures``); a job that kills every worker it is given fails as *crashed*.
- **A lost scheduler** ends the cluster's part: finished segments are already in the cache,
  and :class:`ClusterLost` carries the jobs still to do (the build renders them locally).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mathviz.course import SCENES_DIR, SCENES_ENV, Chapter, get_chapter, scenes_dir
from mathviz.errors import EXIT_USAGE, MathvizError, MissingTool
from mathviz.render import fingerprint as fp
from mathviz.render.segments import (
    TMP_MARK,
    SegmentJob,
    SegmentResult,
    Unfinished,
    cache_dir,
    dispatch,
    failed_paths,
    store_received,
    write_atomic,
)

__all__ = [
    "SCHEDULER_ENV",
    "TRANSFERS",
    "CONNECT_TIMEOUT",
    "ClusterAddressError",
    "ClusterUnavailable",
    "ClusterRefused",
    "ClusterLost",
    "Cluster",
    "connect",
    "project_identity",
    "verify",
    "one_at_a_time",
    "render_on_worker",
    "run_jobs",
]

#: environment variable naming the scheduler when ``--cluster`` is not given
SCHEDULER_ENV = "MATHVIZ_DASK_SCHEDULER"
#: how finished segments come back: ``auto`` (shared if every worker sees the cache folder)
TRANSFERS = ("auto", "shared", "bytes")
#: seconds to wait for the scheduler, and for its first worker
CONNECT_TIMEOUT = 10.0
_INSTALL_HINT = "pip install 'mathviz[cluster]'"


class ClusterAddressError(MathvizError):
    """``--cluster`` is not an address (exit code 2)."""

    exit_code = EXIT_USAGE


class ClusterUnavailable(MissingTool):
    """The scheduler cannot be reached, has no workers, or Dask is not installed."""


class ClusterRefused(MissingTool):
    """A worker cannot render for this build: no mathviz, or a different version of it."""


class ClusterLost(Unfinished):
    """The scheduler went away mid-build; :attr:`jobs` are those it did not finish."""


@dataclass
class Cluster:
    """A connected Dask client and what :func:`connect` learnt of its workers."""

    client: Any
    address: str
    workers: list[str]
    #: whether every worker sees this machine's cache folder at the same path
    shared: bool

    @property
    def slots(self) -> int:
        """Segments rendered at once: one per worker process."""
        return len(self.workers)

    def close(self) -> None:
        self.client.close()


def _client(address: str, timeout: float) -> Any:
    try:
        from distributed import Client
        from distributed.comm.addressing import resolve_address
    except ImportError:
        raise ClusterUnavailable(
            f"--cluster needs Dask's distributed package, which is not installed: {_INSTALL_HINT}"
        ) from None
    try:
        resolve_address(address)  # a malformed address or an unknown host fails at once
    except ValueError as exc:
        raise ClusterAddressError(
            f"{address!r} is not a Dask scheduler's address ({exc}); give one like "
            f"tcp://HOST:8786 with --cluster or ${SCHEDULER_ENV}"
        ) from None
    except OSError as exc:
        raise _unreachable(address, exc) from None
    try:
        client: Any = Client  # distributed's constructor is untyped
        return client(address, timeout=timeout, set_as_default=False)
    except Exception as exc:  # noqa: BLE001 - OSError, TimeoutError
        raise _unreachable(address, exc) from None


def _unreachable(address: str, exc: Exception) -> ClusterUnavailable:
    return ClusterUnavailable(
        f"cannot reach the Dask scheduler at {address} ({type(exc).__name__}: {exc}); "
        f"start one ('dask scheduler', then 'dask worker {address} --nthreads 1' on each "
        f"machine) or fix the address given by --cluster or ${SCHEDULER_ENV}"
    )


def connect(address: str, *, transfer: str = "auto", timeout: float | None = None) -> Cluster:
    """Connect to the scheduler at ``address`` and learn its workers.

    Parameters
    ----------
    address
        The scheduler, e.g. ``tcp://10.0.0.5:8786``.
    transfer
        ``shared``: workers store segments into the shared cache folder (refused when one
        cannot see it); ``bytes``: segments come back as bytes; ``auto``: shared when every
        worker sees the cache folder.
    timeout
        Seconds to wait for the scheduler, and for a first worker (default
        :data:`CONNECT_TIMEOUT`).

    Raises
    ------
    ClusterUnavailable
        Dask is missing, the scheduler cannot be reached or has no worker (exit code 3).
    """
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    if transfer not in TRANSFERS:
        raise ValueError(f"transfer must be one of {TRANSFERS}, not {transfer!r}")
    client = _client(address, timeout)
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except Exception:  # noqa: BLE001 - distributed raises its own TimeoutError
            raise ClusterUnavailable(
                f"the Dask scheduler at {address} has no worker after {timeout:g} s; start "
                f"one on each machine with 'dask worker {address} --nthreads 1'"
            ) from None
        workers = sorted(client.scheduler_info(n_workers=-1)["workers"])
        shared = transfer != "bytes" and _all_see_cache(client)
        if transfer == "shared" and not shared:
            raise ClusterRefused(
                f"not every worker of {address} sees the cache folder {cache_dir()}: mount it "
                f"at the same path on every worker, or let segments come back as bytes"
            )
        return Cluster(client, address, workers, shared)
    except BaseException:
        client.close()
        raise


def _sees(path: str, token: str) -> bool:  # pragma: no cover - runs on a worker
    try:
        return Path(path).read_text(encoding="utf-8") == token
    except OSError:
        return False


def _all_see_cache(client: Any) -> bool:
    """Whether every worker reads the file this machine just wrote into its cache folder."""
    token = uuid.uuid4().hex
    probe = cache_dir() / f".cluster-probe{TMP_MARK}{os.getpid()}-{token[:8]}"
    write_atomic(probe, token)
    try:
        seen = client.run(_sees, str(probe), token, on_error="return")
        return bool(seen) and all(value is True for value in seen.values())
    finally:
        probe.unlink(missing_ok=True)


# --- the same project everywhere ---------------------------------------------------------
def _project_name(path: Path) -> str:
    """A project file's name as every installation spells it: ``scenes/…`` for a chapter
    module (a checkout's ``scenes/``, an installation's ``mathviz/scenes/``), else
    ``mathviz/…``."""
    resolved = path.resolve()
    for root, prefix in ((scenes_dir(), "scenes"), (SCENES_DIR, "scenes")):
        if resolved.is_relative_to(root.resolve()):
            return f"{prefix}/{resolved.relative_to(root.resolve()).as_posix()}"
    package = Path(fp.__file__).resolve().parents[1]
    if resolved.is_relative_to(package):
        return f"mathviz/{resolved.relative_to(package).as_posix()}"
    return resolved.name


def project_identity(chapter_ids: list[str], scenes_folder: str = "") -> dict[str, Any]:
    """What decides the bytes of a chapter's segments on this machine: the versions of
    mathviz, manim and Python, the render schema, and a digest of every project file the
    chapters' modules import (runs on each worker too).

    Parameters
    ----------
    chapter_ids
        The chapters of the build.
    scenes_folder
        ``$MATHVIZ_SCENES_DIR`` of the build, if it set one.
    """
    if scenes_folder:
        os.environ[SCENES_ENV] = scenes_folder
    files: dict[str, str] = {}
    for chapter_id in chapter_ids:
        module = get_chapter(chapter_id).module_path
        for path in [module, *fp.dependencies(module)]:
            files[_project_name(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    lexicon = Path(fp.__file__).resolve().parents[1] / "voice" / "lexicon.toml"
    if lexicon.is_file():
        files["mathviz/voice/lexicon.toml"] = hashlib.sha256(lexicon.read_bytes()).hexdigest()
    return {
        "mathviz": importlib.metadata.version("mathviz"),
        "manim": fp.manim_version(),
        "python": f"{sys.version_info[0]}.{sys.version_info[1]}",
        "schema": fp.RENDER_SCHEMA,
        "files": files,
    }


def _difference(here: dict[str, Any], there: dict[str, Any]) -> str | None:
    """What differs between two identities, in words; ``None`` when they agree."""
    for key, name in (
        ("mathviz", "mathviz"),
        ("manim", "manim"),
        ("python", "Python"),
        ("schema", "render schema"),
    ):
        if here.get(key) != there.get(key):
            return f"{name} {there.get(key)} (this machine: {here.get(key)})"
    mine, theirs = here["files"], there.get("files", {})
    differing = sorted(name for name in mine if theirs.get(name) != mine[name])
    if not differing:
        return None
    more = f" and {len(differing) - 3} more" if len(differing) > 3 else ""
    return f"different project files: {', '.join(differing[:3])}{more}"


def verify(cluster: Cluster, chapters: list[Chapter]) -> None:
    """Refuse a cluster where some worker would render these chapters differently.

    Raises
    ------
    ClusterRefused
        Naming the worker and what differs: mathviz missing, or its version, manim's,
        Python's, or a project file (exit code 3).
    """
    ids = [c.id for c in chapters]
    folder = os.environ.get(SCENES_ENV, "")
    here = project_identity(ids, folder)
    answers = cluster.client.run(project_identity, ids, folder, on_error="return")
    problems = []
    for worker, answer in sorted(answers.items()):
        if isinstance(answer, BaseException):
            # an error raised while the worker unpickles the call comes back wrapped
            said = (
                str(answer) if type(answer) is Exception else f"{type(answer).__name__}: {answer}"
            )
            problems.append(f"worker {worker} cannot run mathviz ({said})")
            continue
        difference = _difference(here, answer)
        if difference is not None:
            problems.append(f"worker {worker} has {difference}")
    if problems:
        raise ClusterRefused(
            "; ".join(problems)
            + f". Install this same mathviz ({here['mathviz']}, with manim {here['manim']}, on "
            f"Python {here['python']}) on every worker and restart them"
        )


# --- one job, on a worker ----------------------------------------------------------------
_rendering = threading.Lock()


@contextmanager
def one_at_a_time() -> Iterator[None]:
    """Hold this worker process's scene lock: manim's configuration is global, so a worker
    with several threads still runs one scene (render or check) at a time."""
    with _rendering:
        yield


class _Events:
    """The worker module's event queue, as Dask events the client subscribes to."""

    def __init__(self, topic: str) -> None:
        from distributed import get_worker

        self.worker = get_worker()
        self.topic = topic

    def put(self, message: tuple[str, str, float]) -> None:
        self.worker.log_event(self.topic, message)


def _read(path: Path | None) -> bytes | None:
    try:
        return None if path is None else path.read_bytes()
    except OSError:
        return None


def render_on_worker(
    job: SegmentJob, shared: bool, topic: str
) -> tuple[SegmentResult, dict[str, bytes]]:  # pragma: no cover - runs on a worker
    """Render ``job`` on this Dask worker: the result, and the files to write back.

    With ``shared``, the segment goes straight into the shared cache; otherwise into a
    scratch folder, read back as bytes (``video``, ``report``, ``part_video``, and for
    ``keep_failed`` ``failed_video``/``failed_report``). The scene's log always comes back
    as bytes (``log``), and the result names the worker (``extra["worker"]``).
    """
    from distributed import get_worker

    from mathviz.render import worker

    with one_at_a_time():
        scratch = Path(tempfile.mkdtemp(prefix=f"cluster{TMP_MARK}{os.getpid()}-"))
        try:
            here = replace(job, log=scratch / "scene.log")
            if not shared:
                here = replace(
                    here,
                    video=scratch / job.video.name,
                    report=scratch / job.report.name,
                    part_video=None if job.part_video is None else scratch / "part",
                )
            before = worker._events
            worker._events = _Events(topic)
            worker._slot_pool = "workers"  # a build's worker: its TeX folders, warm or not
            try:
                result = worker.render_segment(here)
            finally:
                worker._events = before
            files = {"log": _read(here.log)}
            if not shared:
                failed_video, failed_report = failed_paths(here.video, here.report)
                files |= {
                    "video": _read(here.video),
                    "report": _read(here.report),
                    "part_video": _read(here.part_video),
                    "failed_video": _read(failed_video),
                    "failed_report": _read(failed_report),
                }
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    result.job = job
    result.extra["worker"] = get_worker().address
    return result, {kind: data for kind, data in files.items() if data is not None}


def _write_back(job: SegmentJob, files: dict[str, bytes]) -> None:
    """Write what a worker sent back into this machine's cache, atomically: a finished
    segment's report first and its video last, as a worker storing it itself does."""
    if "log" in files:
        write_atomic(job.log, files["log"])
    if "part_video" in files and job.part_video is not None:
        write_atomic(job.part_video, files["part_video"])
    if "video" in files and "report" in files:
        store_received(job.video, files["video"], job.report, files["report"])
    if "failed_video" in files and "failed_report" in files:
        video, report = failed_paths(job.video, job.report)
        store_received(video, files["failed_video"], report, files["failed_report"])


# --- the run -----------------------------------------------------------------------------
#: seconds the client may stay disconnected from the scheduler before the cluster is lost
LOST_AFTER = 10.0


def run_jobs(
    cluster: Cluster,
    jobs: list[SegmentJob],
    reporter: Any,
    on_result: Callable[[SegmentResult], None],
    fail_fast: bool,
    speech: dict[str, tuple[tuple[str, float], ...]],
) -> None:
    """Run ``jobs`` on the cluster, longest expected first, one in flight per worker
    (:func:`~mathviz.render.segments.dispatch`).

    Parameters
    ----------
    speech
        Per chapter id, the lengths of its sentences (sent with each job).

    Raises
    ------
    ClusterLost
        The scheduler went away; its ``jobs`` have had no result.
    """
    from distributed.scheduler import KilledWorker

    client = cluster.client
    topic = f"mathviz-{uuid.uuid4().hex}"
    labels = {j.label: j for j in jobs}

    def event(record: tuple[float, tuple[str, str, float]]) -> None:
        kind, label, value = record[1]
        if kind == "start" and label in labels:
            reporter.segment_started(labels[label])
        elif kind == "progress":
            reporter.segment_progress(label, value)

    client.subscribe_topic(topic, event)
    submitted: list[Any] = []
    away_since: float | None = None

    def submit(job: SegmentJob) -> Any:
        sent = replace(job, speech=speech.get(job.chapter_id, ()))
        future = client.submit(
            render_on_worker, sent, cluster.shared, topic, pure=False, key=_key(job)
        )
        submitted.append(future)
        return future

    def finished(running: dict[Any, SegmentJob]) -> list[Any]:
        nonlocal away_since
        while True:
            done = _first_done(running)
            if done:
                return done
            if client.status == "running":
                away_since = None
                continue
            away_since = away_since or time.monotonic()
            if time.monotonic() - away_since >= LOST_AFTER:
                raise ClusterLost(f"lost the Dask scheduler at {cluster.address}")

    def result_of(future: Any, job: SegmentJob) -> SegmentResult:
        try:
            result: SegmentResult
            files: dict[str, bytes]
            result, files = future.result()
        except KilledWorker as exc:
            return SegmentResult(
                job,
                False,
                failure="crashed",
                message=f"every worker given it died (killed or out of memory): {exc}",
            )
        except Exception as exc:  # noqa: BLE001 - the scheduler or the link failed
            if client.status != "running" or "cancel" in type(exc).__name__.lower():
                raise ClusterLost(
                    f"lost the Dask scheduler at {cluster.address} ({exc})", [job]
                ) from exc
            return SegmentResult(
                job, False, failure="crashed", message=f"{type(exc).__name__}: {exc}"
            )
        _write_back(job, files)
        return result

    try:
        dispatch(jobs, cluster.slots, submit, finished, result_of, on_result, fail_fast)
    except BaseException:
        for future in submitted:
            future.cancel()
        raise
    finally:
        if client.status == "running":
            client.unsubscribe_topic(topic)


def _first_done(futures: dict[Any, SegmentJob], timeout: float = 1.0) -> list[Any]:
    """The futures that are done, waiting up to ``timeout`` seconds for a first one."""
    deadline = time.monotonic() + timeout
    while True:
        done = [future for future in futures if future.done()]
        if done or time.monotonic() >= deadline:
            return done
        time.sleep(0.05)


def _key(job: SegmentJob) -> str:
    """The task's name on the dashboard: the segment's label and a unique tail."""
    return f"mathviz {job.label} {uuid.uuid4().hex[:8]}"
