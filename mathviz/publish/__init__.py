"""The course as a static site: pages, captions, verified values and a machine-readable index."""

from __future__ import annotations

import shutil
from pathlib import Path


def copy_if_changed(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` (atomically) unless ``target`` is already a copy of it:
    the same size and not older."""
    if (
        target.is_file()
        and target.stat().st_size == source.stat().st_size
        and target.stat().st_mtime >= source.stat().st_mtime
    ):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    shutil.copy2(source, tmp)
    tmp.replace(target)
