"""Segments: one scene of a chapter rendered into the segment cache (no manim import here).

A segment's video and report live in ``build/.cache/segments/<profile>/<chapter>/`` under
names that carry the segment's fingerprint and container. They are written under temporary
names and renamed into place, report first and video last, so a segment is complete exactly
when its video exists. The report carries checksums of itself and of the video
(:mod:`mathviz.render.integrity`): a segment is reused only when both still match
(:func:`segment_problem`). A chapter is assembled from its segments by stream copy.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from mathviz.checkpoints import SceneReport
from mathviz.course import PROJECT_ROOT, Chapter
from mathviz.render.integrity import Digest, canonical_hash, digest_of, problem_with
from mathviz.render.profiles import Profile

__all__ = [
    "CACHE_ENV",
    "TMP_MARK",
    "cache_dir",
    "segment_dir",
    "log_dir",
    "container_for",
    "SegmentJob",
    "SegmentResult",
    "not_started",
    "Unfinished",
    "dispatch",
    "segment_paths",
    "failed_paths",
    "log_path",
    "DamagedSegment",
    "INTEGRITY_KEY",
    "load_report",
    "segment_problem",
    "previous_duration",
    "write_atomic",
    "store_segment",
    "store_received",
    "store_failed",
    "prune_segments",
    "evict",
    "pid_alive",
    "stale_temporaries",
]

T = TypeVar("T")

#: environment variable moving the render cache (segments, worker TeX folders) elsewhere
CACHE_ENV = "MATHVIZ_CACHE_DIR"
TMP_MARK = ".tmp-"


def cache_dir() -> Path:
    """Compiled TeX, segments, worker folders: ``$MATHVIZ_CACHE_DIR``; in a checkout
    ``build/.cache``; for an installed mathviz the user's cache folder
    (``$XDG_CACHE_HOME/mathviz/cache``, by default ``~/.cache/mathviz/cache``), never
    inside site-packages."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).resolve()
    if (PROJECT_ROOT / "pyproject.toml").is_file():
        return PROJECT_ROOT / "build" / ".cache"
    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return user / "mathviz" / "cache"


def segment_dir() -> Path:
    return cache_dir() / "segments"


def log_dir() -> Path:
    """Per-scene render logs (beside the cache's parent: ``build/logs``)."""
    return cache_dir().parent / "logs"


def container_for(fmt: str) -> str:
    """Segments are webm for webm output, mp4 for everything else (gif/png derive from it)."""
    return "webm" if fmt == "webm" else "mp4"


@dataclass(frozen=True)
class SegmentJob:
    """Everything a worker needs to render one segment (picklable)."""

    chapter_id: str
    scene: str
    fingerprint: str
    profile: Profile
    container: str
    video: Path
    report: Path
    log: Path
    scenes_dir: str = ""
    expected_duration: float | None = None
    #: also keep a render whose checkpoints failed, at :func:`failed_paths` (for review)
    keep_failed: bool = False
    #: a part of the scene (:mod:`mathviz.render.split`): the plays ``[first, upto)`` it
    #: draws (``upto`` ``None``: to the end), which part of how many, and where its movie goes
    plays: tuple[int, int | None] | None = None
    part: tuple[int, int] | None = None
    part_video: Path | None = None
    #: ``(spoken text, seconds)`` of the chapter's speech, for a worker that has not got its
    #: audio (a cluster's): it draws the scene timed by these lengths and synthesises nothing
    speech: tuple[tuple[str, float], ...] = ()

    @property
    def label(self) -> str:
        whole = f"{self.chapter_id} {self.scene}"
        return whole if self.part is None else f"{whole} [{self.part[0]}/{self.part[1]}]"

    @property
    def whole_label(self) -> str:
        """The label of the scene this job renders all or part of."""
        return f"{self.chapter_id} {self.scene}"

    @property
    def last_part(self) -> bool:
        """Whether this job renders the scene up to its end (a whole scene, or its last
        part): its report is the scene's."""
        return self.part is None or self.part[0] == self.part[1]

    @property
    def frames_expected(self) -> int | None:
        if self.expected_duration is None:
            return None
        return round(self.expected_duration * self.profile.fps)


@dataclass
class SegmentResult:
    """What came of one segment job."""

    job: SegmentJob
    ok: bool
    report: SceneReport | None = None
    seconds: float = 0.0
    frames: int = 0
    #: ``scene`` (raised), ``checkpoints`` (maths or layout failed), ``missing-tool``,
    #: ``crashed`` (the worker died), ``cancelled``
    failure: str | None = None
    message: str = ""
    details: str = ""
    peak_rss_mb: float = 0.0
    cached: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def not_started(job: SegmentJob) -> SegmentResult:
    """The result of a job a build did not start because an earlier one failed
    (``--fail-fast``)."""
    return SegmentResult(job, False, failure="cancelled", message="not started (--fail-fast)")


class Unfinished(Exception):  # noqa: N818 - names what it carries: the unfinished jobs
    """Raised by a :func:`dispatch` callback when no job can be finished any more (the
    cluster went away); :attr:`jobs` then holds every job that got no result."""

    def __init__(self, message: str, jobs: Iterable[SegmentJob] = ()) -> None:
        super().__init__(message)
        self.jobs = list(jobs)


def dispatch(
    jobs: list[SegmentJob],
    slots: int,
    submit: Callable[[SegmentJob], T],
    finished: Callable[[dict[T, SegmentJob]], Iterable[T]],
    result_of: Callable[[T, SegmentJob], SegmentResult],
    on_result: Callable[[SegmentResult], None],
    fail_fast: bool,
) -> None:
    """Run ``jobs``, longest expected first, with exactly ``slots`` of them in flight, so that
    ``fail_fast`` can stop the rest after a failure (each then ends :func:`not_started`).

    Parameters
    ----------
    submit
        Start a job; its handle (a future).
    finished
        Wait for some of the running handles to finish; those that did.
    result_of
        The result of a finished handle (never raises for a job's own failure).
    """
    queued = sorted(jobs, key=lambda j: -(j.expected_duration or 1e9))
    running: dict[T, SegmentJob] = {}
    stopping = False
    try:
        while queued or running:
            while queued and not stopping and len(running) < slots:
                job = queued.pop(0)
                running[submit(job)] = job
            if stopping:
                for job in queued:
                    on_result(not_started(job))
                queued = []
            if not running:
                break
            for handle in list(finished(running)):
                result = result_of(handle, running.pop(handle))
                on_result(result)
                stopping = stopping or (fail_fast and not result.ok)
    except Unfinished as stop:
        stop.jobs += [job for job in [*running.values(), *queued] if job not in stop.jobs]
        raise


def segment_paths(
    chapter: Chapter, profile: Profile, scene: str, fingerprint: str, container: str
) -> tuple[Path, Path]:
    """``(video, report)`` cache paths of a segment; each container has its own pair."""
    folder = segment_dir() / profile.name / chapter.output_stem
    stem = f"{scene}.{fingerprint[:20]}.{container}"
    return folder / stem, folder / f"{stem}.json"


def failed_paths(video: Path, report: Path) -> tuple[Path, Path]:
    """Where a segment whose checkpoints failed is kept for review (``keep_failed``): beside
    its cache entry, marked ``.failed``, so it is never taken for a finished segment (and the
    next successful build of the chapter prunes it)."""
    return (
        video.with_name(f"{video.stem}.failed{video.suffix}"),
        report.with_name(f"{video.stem}.failed{video.suffix}.json"),
    )


def log_path(chapter: Chapter, profile: Profile, scene: str) -> Path:
    return log_dir() / profile.name / f"{chapter.output_stem}.{scene}.log"


class DamagedSegment(ValueError):
    """A cached segment or report that no longer matches what was written."""


INTEGRITY_KEY = "integrity"


def load_report(path: Path) -> SceneReport:
    """The scene report of a cached segment; :class:`DamagedSegment` (naming the file and the
    fix) when it is unreadable or does not match its checksum."""
    return SceneReport.from_dict(_checked_report(path))


def _checked_report(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DamagedSegment(
            f"{path} is unreadable ({exc}); delete it or render with --force"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get(INTEGRITY_KEY), dict):
        raise DamagedSegment(f"{path} carries no checksum; delete it or render with --force")
    record = data.pop(INTEGRITY_KEY)
    if record.get("report") != canonical_hash(data):
        raise DamagedSegment(
            f"{path} does not match the checksum written with it; delete it or render with --force"
        )
    data[INTEGRITY_KEY] = record
    return data


def segment_problem(video: Path, report: Path) -> str | None:
    """Why a cached segment cannot be reused (missing, unreadable, or its bytes differ from
    the checksums written with it), or ``None`` when it is intact."""
    if not (video.is_file() and report.is_file()):
        return "missing"
    try:
        record = Digest.from_json(_checked_report(report)[INTEGRITY_KEY].get("video"))
    except DamagedSegment as exc:
        return str(exc).split("; ")[0]
    except ValueError as exc:
        return f"{report} has no video checksum ({exc})"
    problem = problem_with(video, record)
    return None if problem is None else f"{video.parent / problem}"


def previous_duration(chapter: Chapter, profile: Profile, scene: str) -> float | None:
    """The duration of the latest cached render of this scene (any fingerprint), if any."""
    folder = segment_dir() / profile.name / chapter.output_stem
    reports = sorted(folder.glob(f"{scene}.*.json"), key=lambda p: p.stat().st_mtime)
    for path in reversed(reports):
        try:
            return float(json.loads(path.read_text())["duration"])
        except (OSError, ValueError, KeyError):
            continue
    return None


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}{TMP_MARK}{os.getpid()}")
    if isinstance(data, str):
        tmp.write_text(data, encoding="utf-8")
    else:
        tmp.write_bytes(data)
    os.replace(tmp, path)


@contextmanager
def _storing(folder: Path) -> Iterator[None]:
    """Hold the folder's store lock: two builds rendering the same segment at once replace
    the report and the video as a pair, never one's report with the other's video."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".store.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def store_segment(job: SegmentJob, movie: Path, report: SceneReport) -> None:
    """Move a rendered movie and its report into the cache: report first, video last; the
    report carries the checksums of both."""
    tmp = job.video.with_name(f"{job.video.name}{TMP_MARK}{os.getpid()}")
    job.video.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(movie, tmp)  # a rename, unless a cluster worker's scratch is on another disk
    data = report.to_dict()
    data.pop(INTEGRITY_KEY, None)
    data[INTEGRITY_KEY] = {"video": digest_of(tmp).as_json(), "report": canonical_hash(data)}
    with _storing(job.video.parent):
        write_atomic(job.report, json.dumps(data, indent=1))
        os.replace(tmp, job.video)


def store_received(video: Path, video_bytes: bytes, report: Path, report_bytes: bytes) -> None:
    """Store a segment rendered elsewhere (a cluster worker sent its bytes): report first,
    video last, each written atomically, as :func:`store_segment` does."""
    with _storing(video.parent):
        write_atomic(report, report_bytes)
        write_atomic(video, video_bytes)


def store_failed(job: SegmentJob, movie: Path, report: SceneReport) -> None:
    """Keep a render whose checkpoints failed at :func:`failed_paths` (for review), in place
    of the scene's earlier failed renders."""
    video, report_path = failed_paths(job.video, job.report)
    for older in job.video.parent.glob(f"{job.scene}.*.failed.*"):
        if older not in (video, report_path) and TMP_MARK not in older.name:
            older.unlink(missing_ok=True)
    store_segment(replace(job, video=video, report=report_path), movie, report)


def prune_segments(chapter: Chapter, profile: Profile, keep: set[Path], container: str) -> None:
    """Delete the chapter's cached segments in ``container`` that are not in ``keep`` (older
    fingerprints); segments of the other container are another format's and stay."""
    folder = segment_dir() / profile.name / chapter.output_stem
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        mine = path.name.endswith((f".{container}", f".{container}.json"))
        if mine and path not in keep and TMP_MARK not in path.name:
            path.unlink(missing_ok=True)


def evict(video: Path, report: Path) -> None:
    """Remove a damaged segment from the cache (it is rendered again)."""
    with _storing(video.parent):
        video.unlink(missing_ok=True)
        report.unlink(missing_ok=True)


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` is running (a zombie left by a killed build is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def stale_temporaries(root: Path) -> list[Path]:
    """Temporary files/folders under ``root`` left by processes that no longer run."""
    found: list[Path] = []
    if not root.is_dir():
        return found
    for path in root.rglob("*"):
        name = path.name
        for mark in (TMP_MARK, ".partial-"):
            if mark in name:
                tail = name.split(mark, 1)[1]
                pid = tail.split("-", 1)[0]
                if pid.isdigit() and not pid_alive(int(pid)):
                    found.append(path)
    return found
