"""Build many chapters: skip what is unchanged, render the rest in persistent workers.

The plan is made without importing manim (:mod:`mathviz.render.fingerprint`): a chapter
whose output carries the fingerprint of its current inputs is *unchanged*; otherwise each of
its segments is either found in the segment cache or becomes a job. Jobs run in ``-j``
long-lived worker processes, forked from one that imported manim. When all of a chapter's
segments exist, the chapter is assembled by stream copy (no re-encoding). With fewer
scenes to render than workers, the longest scenes are cut at beat boundaries and their parts
rendered side by side, then joined frame for frame (:mod:`mathviz.render.split`).

A cached segment or a finished output is reused only when it still matches the checksums
written with it; a damaged one is evicted (segment) or assembled again (output), with a
warning naming the file.

A build holds a lock on its output folder; a second build into the same folder refuses, and
builds into different folders never share a worker folder. Workers die with the build: each
asks the kernel for SIGKILL when its parent dies, and also watches its parent. An interrupted
build (SIGINT, SIGTERM) kills its running scenes at once, keeps the segments that finished,
removes its temporaries and re-raises :class:`BuildInterrupted`. Temporary files of builds
that were killed outright are removed when the next build starts.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import queue as queue_module
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from mathviz.course import SCENES_ENV, Chapter
from mathviz.errors import Busy
from mathviz.render import cluster as cluster_module
from mathviz.render import fingerprint as fp
from mathviz.render import svgstore, texstore
from mathviz.render.assemble import (
    RenderOutput,
    VoiceAhead,
    assemble,
    kept_tracks,
    output_path,
    output_problem,
    voice_track_dir,
)
from mathviz.render.narration import chapter_narrator, spoken_lengths, voice_cache_dir
from mathviz.render.profiles import Profile
from mathviz.render.segments import (
    TMP_MARK,
    SegmentJob,
    SegmentResult,
    container_for,
    dispatch,
    evict,
    load_report,
    log_path,
    previous_duration,
    prune_segments,
    segment_dir,
    segment_paths,
    segment_problem,
    stale_temporaries,
)
from mathviz.render.split import discard_parts, join_parts, known_plays, split_jobs

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext
    from multiprocessing.queues import Queue

    from mathviz.checkpoints import CheckpointResult

__all__ = [
    "LOCK_NAME",
    "BuildBusyError",
    "BuildInterrupted",
    "interruptible",
    "ChapterPlan",
    "chapter_fingerprint",
    "plan_build",
    "BuildReporter",
    "ChapterOutcome",
    "BuildSummary",
    "build_lock",
    "remove_stale",
    "build",
]

LOCK_NAME = ".mathviz-build.lock"


class BuildBusyError(Busy):
    """Another build holds the lock on the output folder."""


class BuildInterrupted(KeyboardInterrupt):
    """The build was stopped by a signal (``signum``); finished segments are kept."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The shell's convention: 128 + the signal's number (130 for SIGINT, 143 for
        SIGTERM)."""
        return 128 + self.signum


@contextmanager
def interruptible() -> Iterator[None]:
    """Turn SIGTERM (and SIGINT) into :class:`BuildInterrupted` in the main thread while the
    block runs, so a stopped build cleans up as on Ctrl-C; restores the handlers after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        for sig in previous:  # a second Ctrl-C must not interrupt the clean-up
            signal.signal(sig, signal.SIG_IGN)
        raise BuildInterrupted(signum)

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# --- plan --------------------------------------------------------------------------------
@dataclass
class ChapterPlan:
    """What a build does for one chapter."""

    chapter: Chapter
    final: Path
    fingerprint: str
    unchanged: bool
    segments: list[tuple[Path, Path]]  # (video, report) per scene, in play order
    jobs: list[SegmentJob] = field(default_factory=list)
    #: damaged files found while planning (evicted or to be assembled again), one line each
    warnings: list[str] = field(default_factory=list)


def chapter_fingerprint(keys: list[fp.SegmentKey], fmt: str) -> str:
    h = hashlib.sha256(f"{fp.RENDER_SCHEMA};{fmt}".encode())
    for key in keys:
        h.update(f";{key.scene}={key.fingerprint}".encode())
    return h.hexdigest()


def plan_build(
    chapters: list[Chapter],
    profile: Profile,
    fmt: str,
    out_root: Path,
    *,
    force: bool = False,
    keep_failed: bool = False,
) -> list[ChapterPlan]:
    """Decide, without importing manim, what each chapter needs (``keep_failed``: see
    :func:`build`)."""
    container = container_for(fmt)
    narrator = profile.voice.narrator(voice_cache_dir())
    settings = f"{profile.settings_key(container)};voice={narrator.identity}"
    override = os.environ.get(SCENES_ENV, "")
    plans = []
    for chapter in chapters:
        keys = fp.segment_fingerprints(chapter, settings)
        if not keys:
            raise LookupError(f"{chapter.module_path.name} lists no scenes in SCENES")
        final = output_path(chapter, profile, fmt, out_root)
        chapter_fp = chapter_fingerprint(keys, fmt)
        warnings = []
        problem = None if force else output_problem(final, chapter_fp)
        unchanged = not force and problem is None
        if problem not in (None, "missing", "changed"):
            warnings.append(f"{problem}: assembling {final.name} again")
        segments, jobs = [], []
        for key in keys:
            video, report = segment_paths(chapter, profile, key.scene, key.fingerprint, container)
            segments.append((video, report))
            if unchanged:
                continue
            if not force:
                damage = segment_problem(video, report)
                if damage is None:
                    continue
                if damage != "missing":
                    evict(video, report)
                    warnings.append(f"damaged cache entry evicted, rendering it again: {damage}")
            jobs.append(
                SegmentJob(
                    chapter.id,
                    key.scene,
                    key.fingerprint,
                    profile,
                    container,
                    video,
                    report,
                    log_path(chapter, profile, key.scene),
                    scenes_dir=override,
                    expected_duration=previous_duration(chapter, profile, key.scene),
                    keep_failed=keep_failed,
                )
            )
        plans.append(ChapterPlan(chapter, final, chapter_fp, unchanged, segments, jobs, warnings))
    return plans


# --- events ------------------------------------------------------------------------------
class BuildReporter(Protocol):
    """What a display is told while a build runs. A display may also have ``close()``: it is
    called on every way out of the build (an interrupt too), to restore the terminal."""

    def planned(self, plans: list[ChapterPlan], workers: int) -> None: ...
    def segment_started(self, job: SegmentJob) -> None: ...
    def segment_progress(self, label: str, clock: float) -> None: ...
    def segment_finished(self, result: SegmentResult) -> None: ...
    def chapter_finished(self, outcome: ChapterOutcome) -> None: ...
    def finished(self, summary: BuildSummary) -> None: ...


@dataclass
class ChapterOutcome:
    """How one chapter ended: ``rendered``, ``unchanged`` or ``failed``."""

    chapter: Chapter
    status: str
    output: RenderOutput | None = None
    segments: list[SegmentResult] = field(default_factory=list)
    cached_segments: int = 0
    message: str = ""
    #: every checkpoint of the chapter's scenes (empty when unchanged)
    checkpoints: list[CheckpointResult] = field(default_factory=list)


@dataclass
class BuildSummary:
    outcomes: list[ChapterOutcome]
    seconds: float
    workers: int
    #: what went wrong around the chapters (a lost cluster), one line each
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[ChapterOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def as_json(self) -> dict[str, Any]:
        """The summary as plain data (``mathviz render --report``)."""
        return {
            "seconds": self.seconds,
            "workers": self.workers,
            "warnings": self.warnings,
            "chapters": [
                {
                    "chapter": o.chapter.id,
                    "status": o.status,
                    "message": o.message,
                    "video": str(o.output.video) if o.output else None,
                    "duration": o.output.duration if o.output else None,
                    "cached_segments": o.cached_segments,
                    "segments": [
                        {
                            "scene": r.job.scene,
                            "ok": r.ok,
                            "failure": r.failure,
                            "seconds": r.seconds,
                            "frames": r.frames,
                            "peak_rss_mb": r.peak_rss_mb,
                            "log": str(r.job.log),
                            # a scene cut across workers: each part's plays, time, frames
                            "parts": r.extra.get("parts", []),
                        }
                        for r in o.segments
                    ],
                }
                for o in self.outcomes
            ],
        }


# --- lock and cleanup --------------------------------------------------------------------
@contextmanager
def build_lock(out_root: Path, *, wait: bool = False) -> Iterator[None]:
    """Hold the output folder's lock, or raise :class:`BuildBusyError` naming the holder
    (``wait=True``: wait for the other build to finish instead)."""
    out_root.mkdir(parents=True, exist_ok=True)
    path = out_root / LOCK_NAME
    handle = open(path, "a+")  # noqa: SIM115 - held (and the lock with it) until the finally
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BuildBusyError(
                f"another mathviz build ({holder}) is writing into {out_root}; wait for it to "
                f"finish or build into another folder with --build"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {time.strftime('%H:%M:%S')}")
        handle.flush()
        yield
    finally:
        handle.close()


def remove_stale(out_root: Path, profile: Profile) -> list[Path]:
    """Delete temporaries left by killed builds (their process is gone)."""
    removed = []
    for root in (
        out_root / profile.name,
        segment_dir() / profile.name,
        segment_dir().parent / "workers",
        voice_cache_dir(),
        voice_track_dir() / profile.name,
        texstore.store_dir(),
        svgstore.store_dir(),
    ):
        for path in stale_temporaries(root):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed


# --- run ---------------------------------------------------------------------------------
def build(
    chapters: list[Chapter],
    profile: Profile,
    fmt: str,
    out_root: Path,
    reporter: BuildReporter,
    *,
    jobs: int | None = None,
    force: bool = False,
    fail_fast: bool = False,
    wait: bool = False,
    keep_failed: bool = False,
    split: bool = True,
    cluster: str | cluster_module.Cluster | None = None,
    transfer: str = "auto",
) -> BuildSummary:
    """Build the chapters' outputs; see the module docstring.

    Parameters
    ----------
    jobs
        Worker processes (default: the number of CPU cores).
    force
        Re-render every segment even when cached or unchanged.
    fail_fast
        Stop starting new segments after the first failure.
    wait
        If another build holds the output folder, wait for it rather than refuse.
    keep_failed
        Also keep the video and report of a scene whose checkpoints failed, beside its cache
        entry (:func:`~mathviz.render.segments.failed_paths`), so it can be reviewed
        (``mathviz storyboard``); the chapter still fails and is not assembled.
    split
        When there are fewer scenes to render than workers, cut the longest scenes at beat
        boundaries and render their parts on several workers, joined frame for frame
        (:mod:`mathviz.render.split`); ``False`` renders every scene in one worker.
    cluster
        The address of a Dask scheduler (or a cluster from
        :func:`~mathviz.render.cluster.connect`): its workers render the segments instead of
        local processes (``jobs`` is then ignored: one segment per worker at a time); see
        :mod:`mathviz.render.cluster`. If the scheduler is lost mid-build, what it did not
        finish is rendered here (with a warning in the summary).
    transfer
        How a cluster's segments come back (:data:`mathviz.render.cluster.TRANSFERS`).
    """
    started = time.perf_counter()
    warnings: list[str] = []
    with (
        interruptible(),
        _closing(reporter),
        _connected(cluster, transfer) as connection,  # before the lock: nothing written
        build_lock(out_root, wait=wait),
        _voice_ahead(profile) as ahead,
    ):
        remove_stale(out_root, profile)
        plans = plan_build(chapters, profile, fmt, out_root, force=force, keep_failed=keep_failed)
        speech: dict[str, tuple[tuple[str, float], ...]] = {}
        for plan in plans:  # speech first, in one batch per chapter: workers only look it up
            if plan.jobs:
                narrator = chapter_narrator(plan.chapter, profile.voice)
                if connection is not None:  # a cluster's workers get the lengths, not audio
                    lengths = spoken_lengths(plan.chapter, narrator)
                    speech[plan.chapter.id] = tuple(sorted(lengths.items()))
        all_jobs = [j for p in plans for j in p.jobs]
        local = max(1, jobs or os.cpu_count() or 1)
        # the formulas the chapters' ledgers list, many per LaTeX run, before any scene asks
        texstore.prefetch([p.chapter for p in plans if p.jobs], jobs=local)
        if connection is not None and all_jobs:
            cluster_module.verify(connection, [p.chapter for p in plans if p.jobs])
        wanted = connection.slots if connection is not None else local
        run = _cut_scenes(plans, wanted, split) if len(all_jobs) < wanted else all_jobs
        workers = max(1, min(wanted, len(run) or 1))
        for plan in plans:  # the tracks these chapters had: mastered once a worker is idle
            if plan.jobs:
                kept = None if force else kept_tracks(plan.chapter, profile)
                ahead.predict(plan.chapter, profile, fmt, out_root, kept)
        if len(run) < wanted:
            ahead.start()
        reporter.planned(plans, workers if all_jobs else 0)
        outcomes: dict[str, ChapterOutcome] = {}
        results: dict[str, list[SegmentResult]] = {p.chapter.id: [] for p in plans}

        def finish_chapter(plan: ChapterPlan) -> None:
            done = results[plan.chapter.id]
            failed = [r for r in done if not r.ok]
            cached = len(plan.segments) - len(plan.jobs)
            if failed:
                outcome = ChapterOutcome(
                    plan.chapter,
                    "failed",
                    segments=done,
                    cached_segments=cached,
                    message="; ".join(f"{r.job.scene}: {r.message}" for r in failed),
                    checkpoints=[c for r in done if r.report for c in r.report.checkpoints],
                )
            else:
                try:
                    reports = [load_report(report) for _, report in plan.segments]
                    output = assemble(
                        plan.chapter,
                        profile,
                        fmt,
                        out_root,
                        [video for video, _ in plan.segments],
                        reports,
                        fingerprint=plan.fingerprint,
                        narrator=profile.voice.narrator(voice_cache_dir()),
                        reuse_voice=not force,
                        ahead=ahead,
                    )
                    warnings.extend(f"{plan.chapter.id}: {w}" for w in output.warnings)
                    prune_segments(
                        plan.chapter,
                        profile,
                        {p for pair in plan.segments for p in pair},
                        container_for(fmt),
                    )
                    outcome = ChapterOutcome(
                        plan.chapter,
                        "rendered",
                        output,
                        done,
                        cached,
                        checkpoints=[c for r in reports for c in r.checkpoints],
                    )
                except Exception as exc:  # noqa: BLE001 - one chapter's assembly failing
                    outcome = ChapterOutcome(
                        plan.chapter,
                        "failed",
                        segments=done,
                        cached_segments=cached,
                        message=f"joining segments failed: {exc}",
                    )
            outcomes[plan.chapter.id] = outcome
            reporter.chapter_finished(outcome)

        for plan in plans:
            if plan.unchanged:
                outcome = ChapterOutcome(plan.chapter, "unchanged")
                outcomes[plan.chapter.id] = outcome
                reporter.chapter_finished(outcome)
            elif not plan.jobs:
                finish_chapter(plan)
        if all_jobs:
            pending_by_chapter = {p.chapter.id: len(p.jobs) for p in plans}
            by_id = {p.chapter.id: p for p in plans}

            wholes = {j.label: j for j in all_jobs}
            parts: dict[str, list[SegmentResult]] = {}

            unfinished = [len(run)]

            def on_result(result: SegmentResult) -> None:
                unfinished[0] -= 1
                # a worker has nothing left to start while others still render (after the
                # last result, the chapter masters its own track at once)
                if 0 < unfinished[0] < wanted:
                    ahead.start()
                part = result.job.part
                if part is not None:  # a part of a cut scene: the scene is done with its last
                    done = parts.setdefault(result.job.whole_label, [])
                    done.append(result)
                    if len(done) < part[1]:
                        return
                    result = join_parts(wholes[result.job.whole_label], done)
                results[result.job.chapter_id].append(result)
                reporter.segment_finished(result)
                pending_by_chapter[result.job.chapter_id] -= 1
                if pending_by_chapter[result.job.chapter_id] == 0:
                    finish_chapter(by_id[result.job.chapter_id])

            try:
                if connection is None:
                    _run_jobs(run, workers, reporter, on_result, fail_fast)
                else:
                    try:
                        cluster_module.run_jobs(
                            connection, run, reporter, on_result, fail_fast, speech
                        )
                    except cluster_module.ClusterLost as lost:
                        rest = lost.jobs
                        warnings.append(
                            f"{lost}: rendering its {len(rest)} unfinished segment(s) here"
                        )
                        _run_jobs(rest, min(local, len(rest)), reporter, on_result, fail_fast)
            except KeyboardInterrupt:
                remove_stale(out_root, profile)  # the killed workers' temporaries
                discard_parts(run)
                raise
        ordered = [outcomes[p.chapter.id] for p in plans if p.chapter.id in outcomes]
    summary = BuildSummary(
        ordered, time.perf_counter() - started, workers if all_jobs else 0, warnings
    )
    reporter.finished(summary)
    return summary


#: how long an interrupted build waits for a voice track being mastered ahead to finish
#: (its ffmpeg got the same Ctrl-C) so that its scratch files go with it
AHEAD_GRACE_SECONDS = 2.0


@contextmanager
def _voice_ahead(profile: Profile) -> Iterator[VoiceAhead]:
    """The build's :class:`VoiceAhead`, mastering into a temporary folder (one that
    :func:`remove_stale` clears if the build is killed). A build that ends waits for the
    track being mastered; an interrupted one only :data:`AHEAD_GRACE_SECONDS`."""
    name = f"ahead{TMP_MARK}{os.getpid()}-{time.monotonic_ns()}"
    ahead = VoiceAhead(voice_track_dir() / profile.name / name)
    try:
        yield ahead
    except BaseException:
        ahead.close(timeout=AHEAD_GRACE_SECONDS)
        raise
    ahead.close()


def _cut_scenes(plans: list[ChapterPlan], workers: int, enabled: bool) -> list[SegmentJob]:
    """The jobs with the longest scenes cut into parts at beat boundaries, so that
    ``workers`` workers all have one (:mod:`mathviz.render.split`); as they are when cutting
    is off or nothing is known of the scenes' plays."""
    jobs = [j for p in plans for j in p.jobs]
    if not enabled:
        return jobs
    plays = {j.label: known_plays(p.chapter, j.profile, j.scene) for p in plans for j in p.jobs}
    return split_jobs(jobs, workers, plays)


@contextmanager
def _connected(
    address: str | cluster_module.Cluster | None, transfer: str
) -> Iterator[cluster_module.Cluster | None]:
    """The Dask cluster at ``address`` for the build's life (``None``: render locally; a
    cluster the caller connected to is used and left open)."""
    if not address or isinstance(address, cluster_module.Cluster):
        yield address or None
        return
    connection = cluster_module.connect(address, transfer=transfer)
    try:
        yield connection
    finally:
        connection.close()


@contextmanager
def _closing(reporter: BuildReporter) -> Iterator[None]:
    """Let the display restore the terminal (cursor, live region) on every way out."""
    try:
        yield
    finally:
        close = getattr(reporter, "close", None)
        if close is not None:
            close()


def _run_jobs(
    jobs: list[SegmentJob],
    workers: int,
    reporter: BuildReporter,
    on_result: Callable[[SegmentResult], None],
    fail_fast: bool,
) -> None:
    """Run jobs in a pool of persistent workers, longest expected first
    (:func:`~mathviz.render.segments.dispatch`)."""
    from mathviz.render import worker

    ctx = worker.pool_context()
    events = ctx.Queue()
    alive, keep_alive = worker.lifeline(ctx)
    labels = {j.label: j for j in jobs}
    stop = threading.Event()

    def pump() -> None:
        while not stop.is_set():
            try:
                kind, label, value = events.get(timeout=0.1)
            except queue_module.Empty:
                continue
            except (EOFError, OSError):
                return
            if kind == "start":
                reporter.segment_started(labels[label])
            elif kind == "progress":
                reporter.segment_progress(label, value)

    listener = threading.Thread(target=pump, daemon=True)
    listener.start()
    pool = _new_pool(ctx, workers, events, alive)
    interrupted = False

    def submit(job: SegmentJob) -> Future[SegmentResult]:
        return pool.submit(worker.render_segment, job)

    def finished(running: dict[Future[SegmentResult], SegmentJob]) -> set[Future[SegmentResult]]:
        return wait(running, return_when=FIRST_COMPLETED)[0]

    def result_of(future: Future[SegmentResult], job: SegmentJob) -> SegmentResult:
        nonlocal pool
        try:
            return future.result()
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _new_pool(ctx, workers, events, alive)
            return SegmentResult(
                job,
                False,
                failure="crashed",
                message="the worker process died (killed or out of memory)",
            )
        except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable error
            return SegmentResult(
                job, False, failure="crashed", message=f"{type(exc).__name__}: {exc}"
            )

    try:
        dispatch(jobs, workers, submit, finished, result_of, on_result, fail_fast)
    except BaseException:
        interrupted = True
        _kill_workers(pool)  # running scenes stop now; finished segments are in the cache
        raise
    finally:
        pool.shutdown(wait=not interrupted, cancel_futures=True)
        stop.set()
        listener.join(timeout=2)
        keep_alive.close()
        alive.close()


def _new_pool(
    ctx: BaseContext, workers: int, events: Queue[Any], alive: Connection
) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=_init,
        initargs=(events, alive, dict(os.environ)),
    )


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """SIGKILL the pool's worker processes and reap them (an interrupted build does not wait
    for running scenes)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with suppress(OSError, ValueError):
            process.kill()
    for process in processes:
        with suppress(OSError, ValueError, AssertionError):
            process.join(timeout=5)


def _init(  # pragma: no cover - worker
    events: Queue[Any], alive: Connection, environ: dict[str, str]
) -> None:
    from mathviz.render import worker

    worker.init_worker(events, alive, environ)
