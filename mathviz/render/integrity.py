"""Checksums of cached segments and finished outputs (no manim import).

Every file the build reuses carries a record written when it was made: its size and SHA-256.
Before reuse the file is compared with its record. Hashing is cheap but not free (a lecture
segment is tens of megabytes), so a file's hash is remembered beside the cache together with
its size, inode and modification time, and recomputed only when one of those changed. As in
git's index, a hash taken less than :data:`RACY_SECONDS` after the file's modification time is
not trusted (an edit within the same timestamp tick would leave the time unchanged): such a
file is hashed again next time, and from then on remembered.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Digest", "digest_of", "problem_with", "canonical_hash", "forget_hashes"]

_HASH_CACHE_NAME = "hashes.json"
#: a remembered hash counts only if taken this long after the file was last modified
RACY_SECONDS = 2.0
_lock = threading.Lock()
#: path -> [size, inode, mtime_ns, sha256, hashed_at_ns] (as JSON)
_memory: dict[str, list[Any]] = {}
_loaded_from: Path | None = None


@dataclass(frozen=True)
class Digest:
    """A file's size in bytes and SHA-256 (hex)."""

    size: int
    sha256: str

    def as_json(self) -> dict[str, Any]:
        return {"size": self.size, "sha256": self.sha256}

    @classmethod
    def from_json(cls, data: object) -> Digest:
        """Raises ``ValueError`` for anything that is not a digest record."""
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("size"), int)
            or not isinstance(data.get("sha256"), str)
            or len(data["sha256"]) != 64
        ):
            raise ValueError(f"not a checksum record: {data!r}"[:120])
        return cls(data["size"], data["sha256"])


def _hash_cache_path() -> Path:
    from mathviz.render.segments import cache_dir

    return cache_dir() / _HASH_CACHE_NAME


def _load() -> dict[str, list[Any]]:
    global _memory, _loaded_from
    path = _hash_cache_path()
    if _loaded_from != path:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            _memory = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            _memory = {}
        _loaded_from = path
    return _memory


def _save() -> None:
    from mathviz.render.segments import write_atomic

    path = _hash_cache_path()
    live = {k: v for k, v in _memory.items() if os.path.exists(k)}
    with contextlib.suppress(OSError):  # a read-only cache verifies; it only hashes again
        write_atomic(path, json.dumps(live))


def forget_hashes() -> None:
    """Drop the remembered hashes held in memory (the next call reloads them from disk)."""
    global _loaded_from
    with _lock:
        _memory.clear()
        _loaded_from = None


def digest_of(path: Path) -> Digest:
    """Size and SHA-256 of ``path``; the hash is reused while size, inode and mtime hold."""
    stat = path.stat()
    key = str(path.resolve())
    signature = [stat.st_size, stat.st_ino, stat.st_mtime_ns]
    with _lock:
        remembered = _load().get(key)
        if (
            remembered
            and len(remembered) == 5
            and remembered[:3] == signature
            and remembered[4] - stat.st_mtime_ns > RACY_SECONDS * 1e9
        ):
            return Digest(stat.st_size, remembered[3])
    hashed_at = time.time_ns()
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    digest = Digest(stat.st_size, h.hexdigest())
    with _lock:
        _load()[key] = [*signature, digest.sha256, hashed_at]
        _save()
    return digest


def problem_with(path: Path, record: Digest) -> str | None:
    """Why ``path`` does not match ``record`` (missing, size or checksum), or ``None``."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return f"{path.name} cannot be read ({exc.strerror})"
    if size != record.size:
        return f"{path.name} is {size} bytes, {record.size} were written"
    if digest_of(path).sha256 != record.sha256:
        return f"{path.name} does not match the checksum written with it"
    return None


def canonical_hash(data: object) -> str:
    """SHA-256 of plain JSON data, independent of key order and formatting."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()
