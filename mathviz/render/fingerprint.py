"""What a rendered segment depends on, hashed without importing manim or the scenes.

A segment (one scene class of a chapter, rendered with one profile into one container) is
up to date when its fingerprint matches the one stored beside it. The fingerprint covers:

- the scene's own source: the module's shared code (constants, helpers, imports) plus the
  class and the module's classes it derives from, but *not* the other scene classes of the
  module, so editing one segment leaves its siblings cached;
- every ``mathviz``/``scenes`` module the chapter module imports, transitively (the
  primitives it draws with, the theme, the scene base class, the pure maths);
- the profile (frame size, frame rate, encoder settings) and the container;
- manim's version, Python's major.minor and :data:`RENDER_SCHEMA`.

Narration is part of the scene's source, so a reworded beat re-renders its segment.
Everything here reads files and parses ASTs; it takes milliseconds per chapter.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mathviz.course import PROJECT_ROOT, Chapter

#: bump when the render pipeline changes what a segment's bytes are
RENDER_SCHEMA = "mathviz-segment-2"
_LOCAL_PACKAGES = ("mathviz", "scenes")


@functools.lru_cache(maxsize=None)
def manim_version() -> str:
    """The installed manim's version, read from package metadata (manim is not imported)."""
    try:
        return importlib.metadata.version("manim")
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def _file_digest(path: Path) -> str:
    stat = path.stat()
    return _file_digest_cached(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4096)
def _file_digest_cached(path: Path, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _module_file(dotted: str) -> Path | None:
    """The project file of a dotted module name, or ``None`` if it is not ours."""
    if dotted.split(".")[0] not in _LOCAL_PACKAGES:
        return None
    base = PROJECT_ROOT.joinpath(*dotted.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _package_inits(dotted: str) -> list[Path]:
    parts = dotted.split(".")
    found = []
    for i in range(1, len(parts)):
        init = PROJECT_ROOT.joinpath(*parts[:i], "__init__.py")
        if init.is_file():
            found.append(init)
    return found


def _imports_of(path: Path) -> list[str]:
    """Dotted names of the modules a file imports (absolute; relative ones resolved)."""
    stat = path.stat()
    return _imports_cached(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=1024)
def _imports_cached(path: Path, mtime_ns: int, size: int) -> list[str]:
    tree = _parse(path)
    package = _dotted_package(path)
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level and package is not None:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.append(module)
            # ``from mathviz.maths import vectors`` imports a submodule
            names += [f"{module}.{alias.name}" for alias in node.names]
    return names


def _dotted_package(path: Path) -> str | None:
    try:
        rel = path.resolve().relative_to(PROJECT_ROOT)
    except ValueError:
        return None
    return ".".join(rel.parent.parts)


def _parse(path: Path) -> ast.Module:
    stat = path.stat()
    return _parse_cached(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=1024)
def _parse_cached(path: Path, mtime_ns: int, size: int) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def dependencies(path: Path) -> list[Path]:
    """Every project file ``path`` imports, directly or not (sorted, ``path`` excluded)."""
    seen: set[Path] = set()
    stack = [path]
    while stack:
        current = stack.pop()
        for dotted in _imports_of(current):
            target = _module_file(dotted)
            extra = _package_inits(dotted) if target is not None else []
            for dep in ([target] if target else []) + extra:
                if dep not in seen and dep != path:
                    seen.add(dep)
                    stack.append(dep)
    return sorted(seen)


def scene_names(path: Path) -> list[str]:
    """Names in a chapter module's ``SCENES`` list, in play order (read from the AST)."""
    for node in _parse(path).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "SCENES" for t in node.targets):
            if isinstance(node.value, (ast.List, ast.Tuple)):
                return [e.id for e in node.value.elts if isinstance(e, ast.Name)]
    return []


def scene_source(path: Path, scene: str) -> str:
    """The part of a chapter module that one scene class depends on.

    The module minus the *other* scene classes of ``SCENES`` (the class itself and any base
    classes defined in the module are kept).
    """
    tree = _parse(path)
    source = path.read_text(encoding="utf-8")
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    if scene not in classes:
        raise LookupError(f"{path.name} defines no class {scene}")
    keep = _with_bases(scene, classes)
    others = set(scene_names(path)) - keep
    lines = source.splitlines(keepends=True)
    kept: list[str] = []
    skip_ranges = [(classes[n].lineno - len(classes[n].decorator_list), classes[n].end_lineno)
                   for n in others if n in classes]
    for number, line in enumerate(lines, start=1):
        if not any(lo <= number <= hi for lo, hi in skip_ranges):
            kept.append(line)
    return "".join(kept)


def _with_bases(name: str, classes: dict[str, ast.ClassDef]) -> set[str]:
    found = {name}
    stack = [name]
    while stack:
        for base in classes[stack.pop()].bases:
            if isinstance(base, ast.Name) and base.id in classes and base.id not in found:
                found.add(base.id)
                stack.append(base.id)
    return found


@dataclass(frozen=True)
class SegmentKey:
    """Identity of one renderable segment."""

    chapter: str
    scene: str
    fingerprint: str


def _digest(parts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def segment_fingerprints(chapter: Chapter, render_settings: str) -> list[SegmentKey]:
    """One key per scene of the chapter, in play order.

    Parameters
    ----------
    chapter
        A chapter that has scenes.
    render_settings
        Everything about *how* it is rendered (profile fields, encoder options, container),
        as a stable string.
    """
    path = chapter.module_path
    deps = dependencies(path)
    shared = [f"{d.relative_to(PROJECT_ROOT)}:{_file_digest(d)}" for d in deps]
    common = [RENDER_SCHEMA, manim_version(), f"{sys.version_info[0]}.{sys.version_info[1]}",
              render_settings, *shared]
    return [SegmentKey(chapter.id, scene, _digest([*common, scene, scene_source(path, scene)]))
            for scene in scene_names(path)]
