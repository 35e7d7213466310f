"""What is known about each chapter without running it: last check result and outputs."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mathviz.checkpoints import CheckpointResult, Pacing, SceneReport
from mathviz.course import PROJECT_ROOT, Chapter

if TYPE_CHECKING:
    from mathviz.render.build import ChapterOutcome

__all__ = [
    "state_dir",
    "LIBRARY_DIR",
    "source_hash",
    "record_check",
    "cached_reports",
    "store_reports",
    "check_seconds",
    "checked_pacing",
    "rendered_outputs",
    "status",
    "record_outcome",
]


def state_dir() -> Path:
    """Where check results are remembered (inside the render cache)."""
    from mathviz.render.segments import cache_dir

    return cache_dir() / "checks"


LIBRARY_DIR = PROJECT_ROOT / "mathviz"


def _update(digest: hashlib._Hash, path: Path) -> None:
    name = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
    digest.update(str(name).encode())
    digest.update(path.read_bytes())


@functools.lru_cache(maxsize=8)
def _library_digest(stamp: tuple[tuple[str, int, int], ...]) -> bytes:
    """The library's files hashed, read once per state of the files (``stamp``: each file's
    path, modification time and size)."""
    digest = hashlib.sha256()
    for name, _, _ in stamp:
        _update(digest, Path(name))
    return digest.digest()


def source_hash(chapter: Chapter) -> str:
    """Hash of everything a chapter's checks depend on: its module and the library (the
    lexicon, a ``.toml``, changes what is spoken)."""
    files = [*sorted(LIBRARY_DIR.rglob("*.py")), *sorted(LIBRARY_DIR.rglob("*.toml"))]
    stamp = tuple((str(f), (st := f.stat()).st_mtime_ns, st.st_size) for f in files)
    digest = hashlib.sha256()
    _update(digest, chapter.module_path)
    digest.update(_library_digest(stamp))
    return digest.hexdigest()


def record_check(
    chapter: Chapter, results: list[CheckpointResult], figure: Pacing | None = None
) -> None:
    """Remember whether the chapter's checkpoints passed for its current source, and its
    pacing figure."""
    state_dir().mkdir(parents=True, exist_ok=True)
    payload = {
        "hash": source_hash(chapter),
        "ok": all(r.ok for r in results),
        "count": len(results),
        "pacing": figure.as_json() if figure else None,
    }
    from mathviz.render.segments import write_atomic

    write_atomic(state_dir() / f"{chapter.id}.json", json.dumps(payload))


def _reports_path(chapter: Chapter) -> Path:
    return state_dir() / f"{chapter.id}.reports.json"


def cached_reports(chapter: Chapter, key: str) -> list[SceneReport] | None:
    """The scene reports of the chapter's last check if it ran with inputs ``key``
    (:func:`mathviz.render.runner.check_key`), else ``None``."""
    try:
        data = json.loads(_reports_path(chapter).read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return [SceneReport.from_dict(r) for r in data["reports"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store_reports(
    chapter: Chapter, key: str, reports: list[SceneReport], *, seconds: float | None = None
) -> None:
    """Remember the scene reports of a check that ran with inputs ``key`` (and took
    ``seconds``)."""
    from mathviz.render.segments import write_atomic

    payload = {"key": key, "seconds": seconds, "reports": [r.to_dict() for r in reports]}
    write_atomic(_reports_path(chapter), json.dumps(payload))


def check_seconds(chapter: Chapter) -> float | None:
    """How long the chapter's last check took, whatever its inputs were (``None``: unknown)."""
    try:
        seconds = json.loads(_reports_path(chapter).read_text(encoding="utf-8")).get("seconds")
    except (OSError, ValueError, AttributeError):
        return None
    return float(seconds) if isinstance(seconds, (int, float)) else None


def checked_pacing(chapter: Chapter) -> dict[str, Any] | None:
    """The pacing figure of the chapter's last check, if its source has not changed since
    (``None`` for a chapter whose module has gone: a check of it no longer holds)."""
    if not chapter.has_scenes:
        return None
    path = state_dir() / f"{chapter.id}.json"
    try:
        payload = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return payload.get("pacing") if payload.get("hash") == source_hash(chapter) else None


def rendered_outputs(chapter: Chapter, out_root: Path) -> list[Path]:
    """Finished videos of the chapter under ``out_root`` (any profile, any format)."""
    if not out_root.is_dir():
        return []
    return sorted(
        p
        for p in out_root.glob(f"*/{chapter.level.folder}/{chapter.output_stem}.*")
        if p.suffix in {".mp4", ".webm", ".gif", ".png"}
    )


def status(chapter: Chapter, out_root: Path) -> str:
    """``planned`` (no scenes), ``unchecked``, ``failing``, ``verified`` or ``rendered``."""
    if not chapter.has_scenes:
        return "planned"
    path = state_dir() / f"{chapter.id}.json"
    if not path.is_file():
        return "unchecked"
    try:
        data = json.loads(path.read_text())
        data.get("hash")
    except (OSError, ValueError, AttributeError):
        return "unchecked"
    if data.get("hash") != source_hash(chapter):
        return "unchecked"
    if not data.get("ok"):
        return "failing"
    return "rendered" if rendered_outputs(chapter, out_root) else "verified"


def record_outcome(outcome: ChapterOutcome) -> None:
    """Remember the checkpoints of a chapter a build rendered (or refused to render)."""
    if outcome.checkpoints:
        record_check(outcome.chapter, outcome.checkpoints)
