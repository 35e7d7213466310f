"""Parsed SVGs kept on disk: every text and formula is parsed from its SVG once per cache.

Manim turns a text (Pango) or a formula (LaTeX, :mod:`mathviz.render.texstore`) into an SVG
file and then parses that file with svgelements into one path mobject per glyph, inside
``SVGMobject.generate_mobject``. The parse is pure Python, about 12 ms an SVG in a chapter's
check, and runs again every time a process meets the SVG: each chapter check, each render
worker, each part of a scene cut across workers (manim's own cache, ``SVG_HASH_TO_MOB_MAP``,
lives as long as the process).

Here the submobjects a parse produced are stored, pickled and compressed, under a key made
of everything the parse reads: the SVG's bytes (with the number Cairo gives the drawing in
each process left out, :func:`unnumbered_svg`), the mobject's class, its ``svg_default`` and
``path_string_config``, the renderer, and the versions of manim, svgelements, numpy and
Python. Loading them back gives the same objects, with the same points, colours and
attributes, except the svgelements path each glyph was built from, which manim reads only
while building it (``tests/test_svgstore.py``). An entry is written under a temporary name
and renamed, so a reader never sees half of one; an entry that cannot be read is parsed
again and replaced, with a warning naming it.

The store is ``<cache>/svg-<FORMAT>``: a check of the whole course leaves about 1,650
entries there, 15 MB. Deleting it loses nothing but time.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mathviz.render.segments import cache_dir, write_atomic

__all__ = ["FORMAT", "UNSTORED", "unnumbered_svg", "entry_path", "generate_once", "store_dir"]

#: the layout of an entry; a change starts a new store
FORMAT = "1"
#: what a glyph keeps and an entry leaves out: the svgelements ``Path`` it was built from,
#: which manim reads only while it builds the glyph (``VMobjectFromSVGPath.generate_points``)
#: and which would double an entry and the time to load it
UNSTORED = "path_obj"
_log = logging.getLogger("mathviz")

#: Cairo numbers the surfaces a process draws, and Pango's SVG of a text names its drawing by
#: that number (``<g id="surface1036">``): the same text has other bytes in every process
_SURFACE_ID = re.compile(rb'id="(surface\d+)"')
_SURFACE = re.compile(rb"surface\d+")
#: a surface's id in an entry: its place among the SVG's surfaces
_SURFACE_AT = "surface#{}"


def unnumbered_svg(svg: bytes) -> tuple[bytes, list[str]]:
    """``svg`` with its surfaces' ids (:data:`_SURFACE_ID`) made the same in every process,
    and those ids in order; unchanged, with none, when a surface is named anywhere else."""
    ids = [m.decode() for m in _SURFACE_ID.findall(svg)]
    if len(ids) != len(_SURFACE.findall(svg)):
        return svg, []
    return _SURFACE_ID.sub(b'id="surface"', svg), ids


def _renamed(groups: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    return {names.get(key, key): group for key, group in groups.items()}


def store_dir() -> Path:
    """The shared store of parsed SVGs: ``<cache>/svg-<FORMAT>``."""
    return cache_dir() / f"svg-{FORMAT}"


@functools.cache
def _versions() -> str:
    import manim
    import numpy
    import svgelements

    return "|".join(
        (
            FORMAT,
            manim.__version__,
            getattr(svgelements, "SVGELEMENTS_VERSION", "?"),
            numpy.__version__,
            f"{sys.version_info[0]}.{sys.version_info[1]}",
        )
    )


def entry_path(mobject: Any, svg: bytes) -> Path | None:
    """Where the parse of ``svg`` by ``mobject`` (an ``SVGMobject`` about to parse it) is
    stored, the same for the same text drawn in any process (:func:`unnumbered_svg`); ``None``
    when its settings cannot name it (a value printed with its address)."""
    from manim import config

    settings = repr(
        (
            _versions(),
            f"{type(mobject).__module__}.{type(mobject).__qualname__}",
            sorted(mobject.svg_default.items()),
            sorted(mobject.path_string_config.items()),
            str(config.renderer),
        )
    )
    if " at 0x" in settings:
        return None
    digest = hashlib.sha256(settings.encode())
    digest.update(b"\0")
    digest.update(unnumbered_svg(svg)[0])
    return store_dir() / f"{digest.hexdigest()}.pickle.z"


def _load(path: Path) -> tuple[list[Any], dict[str, Any]] | None:
    """The stored submobjects and ``id_to_vgroup_dict``; ``None`` if there is no entry, and
    a damaged entry (logged, then removed) is no entry."""
    from manim import Mobject

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        _log.warning("parsed SVG %s cannot be read (%s): parsing the SVG again", path, exc)
        return None
    try:
        stored = pickle.loads(zlib.decompress(data))
        submobjects, groups = stored
        if not (
            isinstance(submobjects, list)
            and isinstance(groups, dict)
            and all(isinstance(m, Mobject) for m in submobjects)
        ):
            raise TypeError(f"holds {type(stored).__name__}, not a parse")
    except Exception as exc:  # noqa: BLE001 - any damage: parse again
        _log.warning("parsed SVG %s is damaged (%s): parsing the SVG again", path, exc)
        path.unlink(missing_ok=True)
        return None
    return submobjects, groups


def _store(path: Path, mobject: Any, surfaces: list[str]) -> None:
    """Keep what ``mobject`` parsed, without the svgelements paths its glyphs were built from
    (:data:`UNSTORED`), its SVG's ``surfaces`` named by their place; a parse that cannot be
    pickled or written is not kept."""
    held = [(m, m.__dict__.pop(UNSTORED)) for m in mobject.get_family() if UNSTORED in vars(m)]
    names = {name: _SURFACE_AT.format(i) for i, name in enumerate(surfaces)}
    try:
        data = pickle.dumps(
            (list(mobject.submobjects), _renamed(mobject.id_to_vgroup_dict, names)),
            protocol=pickle.HIGHEST_PROTOCOL,
        )
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        _log.debug("parsed SVG not kept (%s)", exc)
        return
    finally:
        for member, value in held:
            setattr(member, UNSTORED, value)
    try:
        write_atomic(path, zlib.compress(data, 1))
    except OSError as exc:
        _log.warning("parsed SVG not kept in %s: %s", path.parent, exc)


def generate_once(original: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``SVGMobject.generate_mobject`` (``original``), taken from the store when the same SVG
    was parsed with the same settings before; a new parse is stored."""

    def generate_mobject(self: Any) -> Any:
        file_path = Path(self.get_file_path())
        try:
            svg = file_path.read_bytes()
        except OSError:
            return original(self)  # manim's own parse names the problem
        path = entry_path(self, svg)
        surfaces = unnumbered_svg(svg)[1]
        stored = _load(path) if path is not None else None
        if stored is not None:
            submobjects, groups = stored
            self.add(*submobjects)
            names = {_SURFACE_AT.format(i): name for i, name in enumerate(surfaces)}
            self.id_to_vgroup_dict = _renamed(groups, names)
            return self
        result = original(self)
        if path is not None:
            _store(path, self, surfaces)
        return result

    return generate_mobject
