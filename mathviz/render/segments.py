"""Segments: one scene of a chapter rendered into the segment cache (no manim import here).

A segment's video and report live in ``build/.cache/segments/<profile>/<chapter>/`` under
names that carry the segment's fingerprint. They are written under temporary names and
renamed into place, report first and video last, so a segment is complete exactly when its
video exists. A chapter is assembled from its segments by stream copy.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from mathviz.checkpoints import SceneReport
from mathviz.course import PROJECT_ROOT, Chapter
from mathviz.render.profiles import Profile

#: environment variable moving the render cache (segments, worker TeX folders) elsewhere
CACHE_ENV = "MATHVIZ_CACHE_DIR"
TMP_MARK = ".tmp-"


def cache_dir() -> Path:
    """``$MATHVIZ_CACHE_DIR`` or ``build/.cache``: compiled TeX, segments, worker folders."""
    override = os.environ.get(CACHE_ENV)
    return Path(override).resolve() if override else PROJECT_ROOT / "build" / ".cache"


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

    @property
    def label(self) -> str:
        return f"{self.chapter_id} {self.scene}"

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
    extra: dict = field(default_factory=dict)


def segment_paths(chapter: Chapter, profile: Profile, scene: str, fingerprint: str,
                  container: str) -> tuple[Path, Path]:
    """``(video, report)`` cache paths of a segment."""
    folder = segment_dir() / profile.name / chapter.output_stem
    stem = f"{scene}.{fingerprint[:20]}"
    return folder / f"{stem}.{container}", folder / f"{stem}.json"


def failed_paths(video: Path, report: Path) -> tuple[Path, Path]:
    """Where a segment whose checkpoints failed is kept for review (``keep_failed``): beside
    its cache entry, marked ``.failed``, so it is never taken for a finished segment (and the
    next successful build of the chapter prunes it)."""
    return (video.with_name(f"{video.stem}.failed{video.suffix}"),
            report.with_name(f"{report.stem}.failed{report.suffix}"))


def log_path(chapter: Chapter, profile: Profile, scene: str) -> Path:
    return log_dir() / profile.name / f"{chapter.output_stem}.{scene}.log"


def load_report(path: Path) -> SceneReport:
    return SceneReport.from_dict(json.loads(path.read_text(encoding="utf-8")))


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


def store_segment(job: SegmentJob, movie: Path, report: SceneReport) -> None:
    """Move a rendered movie and its report into the cache: report first, video last."""
    write_atomic(job.report, json.dumps(report.to_dict(), indent=1))
    tmp = job.video.with_name(f"{job.video.name}{TMP_MARK}{os.getpid()}")
    os.replace(movie, tmp)  # same file system: the render's media folder is in the cache
    os.replace(tmp, job.video)


def store_failed(job: SegmentJob, movie: Path, report: SceneReport) -> None:
    """Keep a render whose checkpoints failed at :func:`failed_paths` (for review), in place
    of the scene's earlier failed renders."""
    video, report_path = failed_paths(job.video, job.report)
    for older in job.video.parent.glob(f"{job.scene}.*.failed.*"):
        if older not in (video, report_path) and TMP_MARK not in older.name:
            older.unlink(missing_ok=True)
    store_segment(replace(job, video=video, report=report_path), movie, report)


def prune_segments(chapter: Chapter, profile: Profile, keep: set[Path]) -> None:
    """Delete cached segments of the chapter that are not in ``keep`` (older fingerprints)."""
    folder = segment_dir() / profile.name / chapter.output_stem
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path not in keep and TMP_MARK not in path.name:
            path.unlink(missing_ok=True)


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
    found = []
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
