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
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mathviz.course import PROJECT_ROOT, Chapter

__all__ = [
    "RENDER_SCHEMA",
    "manim_version",
    "ModuleFacts",
    "FACTS_FILE",
    "save_facts",
    "module_facts",
    "dependencies",
    "scene_names",
    "scene_source",
    "SegmentKey",
    "segment_fingerprints",
]

#: bump when the render pipeline changes what a segment's bytes are
RENDER_SCHEMA = "mathviz-segment-5"
_LOCAL_PACKAGES = ("mathviz", "scenes")


@functools.cache
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


@dataclass(frozen=True)
class ModuleFacts:
    """What fingerprinting needs from one module, from a single parse.

    ``classes`` maps each top-level class to ``(first line incl. decorators, last line,
    base-class names)``; ``scenes`` is the module's ``SCENES`` list.
    """

    imports: tuple[str, ...]
    classes: dict[str, tuple[int, int, tuple[str, ...]]]
    scenes: tuple[str, ...]


#: facts of the modules seen by this process: ``{path: (mtime_ns, size, facts)}``; loaded
#: from and saved to the render cache so that a no-op build parses nothing
_FACTS: dict[str, tuple[int, int, ModuleFacts]] = {}
_FACTS_STATE = {"loaded": "", "dirty": False}
FACTS_FILE = "module-facts.json"


def _facts_path() -> Path:
    from mathviz.render.segments import cache_dir

    return cache_dir() / FACTS_FILE


def _load_facts() -> None:
    where = str(_facts_path())
    if _FACTS_STATE["loaded"] == where:
        return
    _FACTS_STATE["loaded"] = where
    try:
        data = json.loads(Path(where).read_text(encoding="utf-8"))
        if data.get("schema") != RENDER_SCHEMA:
            return
        for path, (mtime_ns, size, imports, classes, scenes) in data["modules"].items():
            _FACTS[path] = (
                mtime_ns,
                size,
                ModuleFacts(
                    tuple(imports),
                    {k: (v[0], v[1], tuple(v[2])) for k, v in classes.items()},
                    tuple(scenes),
                ),
            )
    except (OSError, ValueError, KeyError, TypeError):
        _FACTS.clear()  # unreadable: rebuilt from the sources


def save_facts() -> None:
    """Write this process's module facts into the render cache (atomically), if new."""
    if not _FACTS_STATE["dirty"]:
        return
    target = _facts_path()
    data = {
        "schema": RENDER_SCHEMA,
        "modules": {
            path: [
                m,
                n,
                list(f.imports),
                {k: [a, b, list(c)] for k, (a, b, c) in f.classes.items()},
                list(f.scenes),
            ]
            for path, (m, n, f) in _FACTS.items()
        },
    }
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, target)
        _FACTS_STATE["dirty"] = False
    except OSError:
        pass  # a read-only cache only costs the next run a few parses


def module_facts(path: Path) -> ModuleFacts:
    """The facts of a module, from the cache while its size and mtime are unchanged."""
    _load_facts()
    stat = path.stat()
    known = _FACTS.get(str(path))
    if known is not None and known[:2] == (stat.st_mtime_ns, stat.st_size):
        return known[2]
    facts = _facts_from_source(path)
    _FACTS[str(path)] = (stat.st_mtime_ns, stat.st_size, facts)
    _FACTS_STATE["dirty"] = True
    return facts


def _facts_from_source(path: Path) -> ModuleFacts:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _dotted_package(path)
    names: list[str] = []
    for node in _statements(tree):
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
    classes = {
        n.name: (
            n.lineno - len(n.decorator_list),
            n.end_lineno or n.lineno,
            tuple(b.id for b in n.bases if isinstance(b, ast.Name)),
        )
        for n in tree.body
        if isinstance(n, ast.ClassDef)
    }
    scenes: tuple[str, ...] = ()
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        is_scenes = any(isinstance(t, ast.Name) and t.id == "SCENES" for t in node.targets)
        if is_scenes and isinstance(node.value, (ast.List, ast.Tuple)):
            scenes = tuple(e.id for e in node.value.elts if isinstance(e, ast.Name))
    return ModuleFacts(tuple(names), classes, scenes)


def _imports_of(path: Path) -> tuple[str, ...]:
    """Dotted names of the modules a file imports (absolute; relative ones resolved)."""
    return module_facts(path).imports


def _statements(tree: ast.AST) -> Iterator[ast.stmt]:
    """Every statement of a module, nested ones included (imports are statements, so the
    expressions, most of a module's nodes, need not be visited)."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            stack.extend(
                child
                for child in getattr(node, field, ()) or ()
                if isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case))
            )
        if isinstance(node, ast.stmt):
            yield node


def _dotted_package(path: Path) -> str | None:
    try:
        rel = path.resolve().relative_to(PROJECT_ROOT)
    except ValueError:
        return None
    return ".".join(rel.parent.parts)


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
    return list(module_facts(path).scenes)


def scene_source(path: Path, scene: str) -> str:
    """The part of a chapter module that one scene class depends on.

    The module minus the *other* scene classes of ``SCENES`` (the class itself and any base
    classes defined in the module are kept).
    """
    facts = module_facts(path)
    if scene not in facts.classes:
        raise LookupError(f"{path.name} defines no class {scene}")
    keep = _with_bases(scene, facts.classes)
    others = set(facts.scenes) - keep
    skip_ranges = [facts.classes[n][:2] for n in others if n in facts.classes]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(
        line
        for number, line in enumerate(lines, start=1)
        if not any(lo <= number <= hi for lo, hi in skip_ranges)
    )


def _with_bases(name: str, classes: dict[str, tuple[int, int, tuple[str, ...]]]) -> set[str]:
    found = {name}
    stack = [name]
    while stack:
        for base in classes[stack.pop()][2]:
            if base in classes and base not in found:
                found.add(base)
                stack.append(base)
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
    common = [
        RENDER_SCHEMA,
        manim_version(),
        f"{sys.version_info[0]}.{sys.version_info[1]}",
        render_settings,
        *shared,
    ]
    keys = [
        SegmentKey(chapter.id, scene, _digest([*common, scene, scene_source(path, scene)]))
        for scene in scene_names(path)
    ]
    save_facts()
    return keys
