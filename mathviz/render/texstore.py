"""Typeset formulas: many per LaTeX run, each once per cache, shared by every process.

Manim compiles a formula by running ``latex`` and then ``dvisvgm`` on a document of its own:
two processes, about 0.3 s of a core, for every formula (a cold check of the course typeset
819 of them). Most of that is the programs starting and LaTeX reading its preamble, so here a
formula is typeset as one page of a document that holds many: standalone's ``multi`` option
makes every ``mathvizformula`` environment a page cropped to its content, ``dvisvgm
--page=1-`` writes one SVG per page: two processes for a whole batch (the ``check`` section
of ``benchmarks/RESULTS.md`` measures what that saves).

Every formula mathviz shows goes through this one path, alone (:func:`typeset`, when a scene
asks for one the store lacks) or in a batch (:func:`prefetch`, before a check or a build, for
the formulas the chapters' ledgers list), and a page's SVG does not depend on the pages
beside it: the same bytes either way (:func:`canonical_svg` renames what dvisvgm numbers per
document). They are also the bytes of manim's own compile, so renamed: a page is cropped and
placed as manim's one-formula document is (checked for every formula of the course).

The store is ``<cache>/tex-<method>``: one SVG per formula, named as manim names its
``.tex`` file (a hash of the whole source, preamble included), written under a temporary name
and renamed, so that a reader never sees half a file.

Each chapter's **formula ledger** (``formulas/<module>.json`` beside its module, written by a
check like the speech ledger, committed with the chapter) lists the documents its check
typeset, so that a fresh checkout typesets a chapter's formulas in one batch.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mathviz.render.segments import TMP_MARK, cache_dir, write_atomic

if TYPE_CHECKING:
    from mathviz.course import Chapter

__all__ = [
    "FORMULA_LEDGERS",
    "Formula",
    "canonical_svg",
    "ledger_path",
    "prefetch",
    "read_ledger",
    "record_formulas",
    "recording",
    "share_typeset_formulas",
    "store_dir",
    "tex_name",
    "typeset",
]

#: the method's name, in the store's: a change of method starts a new store
METHOD = "multi1"
#: folder of the chapters' formula ledgers, inside the scenes folder
FORMULA_LEDGERS = "formulas"
#: the class line of manim's documents, and the same class with one page per formula
SINGLE_CLASS = "\\documentclass[preview]{standalone}"
PAGE_ENVIRONMENT = "mathvizformula"
MULTI_CLASS = f"\\documentclass[preview,multi={PAGE_ENVIRONMENT}]{{standalone}}"
BEGIN, END = "\\begin{document}\n", "\\end{document}"
_log = logging.getLogger("mathviz")

#: formulas per LaTeX run in :func:`prefetch` (a failing formula costs its batch one rerun)
BATCH_SIZE = 250


def store_dir() -> Path:
    """The shared store: ``<cache>/tex-<method>``, one SVG per formula, named as manim names
    the formula's ``.tex`` file."""
    return cache_dir() / f"tex-{METHOD}"


@dataclass(frozen=True)
class Formula:
    """One of manim's formula documents, cut where a batch document joins many: the
    ``preamble`` (up to the document's begin), the ``body`` and what follows its end."""

    preamble: str
    body: str
    tail: str = ""

    @classmethod
    def from_source(cls, source: str) -> Formula | None:
        """The formula of manim's document ``source``; ``None`` when it cannot share a batch
        (another document class, or no single document body)."""
        if not source.startswith(SINGLE_CLASS + "\n") or source.count(BEGIN) != 1:
            return None
        preamble, rest = source.split(BEGIN)
        body, end, tail = rest.rpartition(END)
        if not end or END in body:
            return None
        return cls(preamble, body, tail)

    @property
    def source(self) -> str:
        """The document manim writes for this formula."""
        return f"{self.preamble}{BEGIN}{self.body}{END}{self.tail}"

    @property
    def svg_name(self) -> str:
        """The SVG's name: manim's name for the ``.tex`` file, with ``.svg``."""
        return f"{tex_name(self.source)}.svg"


def tex_name(source: str) -> str:
    """Manim's name for the ``.tex`` file of the document ``source``
    (``manim.utils.tex_file_writing.tex_hash``: the first 16 hex digits of its SHA-256),
    computed here so that a build's own process need not import manim (a second) to plan
    what its workers will typeset; a test holds the two equal."""
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _batch_document(formulas: list[Formula]) -> str:
    pages = "".join(
        f"\\begin{{{PAGE_ENVIRONMENT}}}\n{f.body}\\end{{{PAGE_ENVIRONMENT}}}\n" for f in formulas
    )
    return f"{formulas[0].preamble.replace(SINGLE_CLASS, MULTI_CLASS, 1)}{BEGIN}{pages}{END}\n"


_GLYPH = re.compile(r"\bg(\d+)-(\d+)\b")
_DEFINITION = re.compile(r"<path id='g(\d+)-(\d+)'[^\n]*/>\n")


def canonical_svg(svg: str) -> str:
    """dvisvgm's page with what it numbers per document renamed: fonts (``g<font>-<char>``)
    by their first use on the page, glyph definitions in that order, the page's group
    ``page1``. Equal pages then have equal bytes, whatever document they came from."""
    head, marker, rest = svg.partition("</defs>")
    if marker:
        fonts: dict[str, int] = {}
        for match in _GLYPH.finditer(rest):
            fonts.setdefault(match[1], len(fonts))
        definitions = list(_DEFINITION.finditer(head))
        for match in definitions:  # defined, never used: after the used ones
            fonts.setdefault(match[1], len(fonts))
        start = head.find("<defs>\n") + len("<defs>\n")
        if "".join(m[0] for m in definitions) == head[start:]:  # nothing but glyphs: sort
            definitions.sort(key=lambda m: (fonts[m[1]], int(m[2])))
            head = head[:start] + "".join(m[0] for m in definitions)
        svg = _GLYPH.sub(lambda m: f"g{fonts.get(m[1], m[1])}-{m[2]}", head + marker + rest)
    return re.sub(r"<g id='page\d+'(/?)>", r"<g id='page1'\1>", svg, count=1)


def _link_atomic(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source`` (a copy across file systems), appearing whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}{TMP_MARK}{os.getpid()}-{os.urandom(3).hex()}")
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)


_PAGES_WRITTEN = re.compile(r"Output written on .*?\((\d+) pages?")


def _typeset_batch(formulas: list[Formula]) -> int:
    """Typeset ``formulas`` (one preamble) into the store, in order; how many were typeset
    (fewer than all when LaTeX stops at a formula it refuses: the ones before it are kept)."""
    with tempfile.TemporaryDirectory(prefix="mathviz-tex-") as folder:
        work = Path(folder)
        (work / "batch.tex").write_text(_batch_document(formulas), encoding="utf-8")
        subprocess.run(
            ["latex", "-interaction=batchmode", "-halt-on-error", "batch.tex"],
            cwd=work,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        log = (work / "batch.log").read_text(encoding="utf-8", errors="replace")
        written = _PAGES_WRITTEN.search(log.replace("\n", ""))
        pages = min(int(written[1]), len(formulas)) if written else 0
        if pages == 0:
            return 0
        subprocess.run(
            ["dvisvgm", f"--page=1-{pages}", "--no-fonts", "--verbosity=0", "--output=%p.svg"]
            + ["batch.dvi"],
            cwd=work,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        made = {int(p.stem): p for p in work.glob("*.svg") if p.stem.isdigit()}
        for page, formula in enumerate(formulas[:pages], start=1):
            svg = made.get(page)
            if svg is None:  # dvisvgm failed: the formula is typeset alone when needed
                continue
            write_atomic(store_dir() / formula.svg_name, canonical_svg(svg.read_text("utf-8")))
        return pages


def typeset(formulas: Iterable[Formula]) -> list[Formula]:
    """Typeset into the store every formula it lacks, as few LaTeX runs as the preambles
    allow; the formulas LaTeX refused (not stored: manim's own compile reports why)."""
    missing: dict[str, Formula] = {}
    for formula in formulas:
        if not (store_dir() / formula.svg_name).is_file():
            missing.setdefault(formula.svg_name, formula)
    by_preamble: dict[str, list[Formula]] = {}
    for formula in missing.values():
        by_preamble.setdefault(formula.preamble, []).append(formula)
    refused = []
    for group in by_preamble.values():
        while group:
            done = _typeset_batch(group)
            if done < len(group):
                refused.append(group[done])
            group = group[done + 1 :]
    return refused


def prefetch(chapters: Iterable[Chapter], jobs: int = 1) -> int:
    """Typeset every formula the chapters' ledgers list and the store lacks, in batches of
    :data:`BATCH_SIZE` run ``jobs`` at a time; how many were missing."""
    if not all(shutil.which(tool) for tool in ("latex", "dvisvgm")):
        return 0  # the scenes' first formula gets the doctor's message naming the fix
    wanted: dict[str, Formula] = {}
    for chapter in chapters:
        for formula in read_ledger(chapter):
            wanted.setdefault(formula.svg_name, formula)
    missing = [f for name, f in wanted.items() if not (store_dir() / name).is_file()]
    if not missing:
        return 0
    count = max(jobs, -(-len(missing) // BATCH_SIZE))
    batches = [missing[i::count] for i in range(count)]
    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            list(pool.map(typeset, [b for b in batches if b]))
    except OSError as exc:  # a full or read-only cache: each scene meets it, and says so
        _log.warning("typesetting the chapters' formulas ahead stopped: %s", exc)
    return len(missing)


# --- the formulas a check typesets, and the chapters' ledgers ---------------------------

_recorders: list[dict[str, Formula]] = []


@contextmanager
def recording() -> Iterator[dict[str, Formula]]:
    """Collect ``{svg name: formula}`` for every formula typeset (or found) in the block."""
    seen: dict[str, Formula] = {}
    _recorders.append(seen)
    try:
        yield seen
    finally:
        _recorders.remove(seen)


def ledger_path(chapter: Chapter) -> Path:
    """The chapter's formula ledger: ``formulas/<module>.json`` beside its module."""
    return chapter.module_path.parent / FORMULA_LEDGERS / f"{chapter.module_stem}.json"


def read_ledger(chapter: Chapter) -> list[Formula]:
    """The formulas the chapter's ledger lists (none for a missing or damaged ledger: they
    are typeset one by one and the next check writes the ledger again)."""
    path = ledger_path(chapter)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [
            Formula(str(group["preamble"]), str(body), str(group.get("tail", "")))
            for group in data["documents"]
            for body in group["bodies"]
        ]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        _log.warning("ignoring the damaged formula ledger %s (%s): it is written again", path, exc)
        return []


def record_formulas(chapter: Chapter, formulas: Iterable[Formula]) -> bool:
    """Write the chapter's ledger: exactly these formulas (all its check typeset); whether
    the file changed. Nothing is written inside an installed package or while ledgers are
    frozen (:func:`mathviz.render.narration.may_write_ledgers`)."""
    from mathviz.render.narration import locked, may_write_ledgers

    path = ledger_path(chapter)
    groups: dict[tuple[str, str], set[str]] = {}
    for formula in formulas:
        groups.setdefault((formula.preamble, formula.tail), set()).add(formula.body)
    payload = {
        "about": (
            f"The formulas chapter {chapter.id} typesets, as manim's LaTeX documents: written "
            "by mathviz check, read to typeset them in one batch. Commit it with the chapter."
        ),
        "documents": [
            {"preamble": preamble, "tail": tail, "bodies": sorted(bodies)}
            for (preamble, tail), bodies in sorted(groups.items())
        ],
    }
    text = json.dumps(payload, indent=1, ensure_ascii=False) + "\n"
    if not groups or not may_write_ledgers(path.parent.parent):
        return False
    path.parent.mkdir(exist_ok=True)
    with locked(path.parent):
        try:
            if path.read_text(encoding="utf-8") == text:
                return False
        except OSError:
            pass
        write_atomic(path, text)
    return True


def share_typeset_formulas() -> None:
    """Route manim's ``tex_to_svg_file`` through the store (once per process).

    A formula is looked up in the store, else typeset alone into it, and handed to manim as
    a link in the process's TeX folder. Manim's own compile runs only for a document of
    another class, or for one LaTeX refused (it raises with LaTeX's error, named by
    :func:`mathviz.render.worker.latex_failure`).
    """
    from manim import config
    from manim.mobject.text import tex_mobject
    from manim.utils import tex_file_writing

    compile_svg = tex_file_writing.tex_to_svg_file
    if getattr(compile_svg, "mathviz_shared", False):
        return

    def tex_to_svg_file(
        expression: str, environment: str | None = None, tex_template: Any = None
    ) -> Path:
        template = config["tex_template"] if tex_template is None else tex_template
        if environment is None:
            source = template.get_texcode_for_expression(expression)
        else:
            source = template.get_texcode_for_expression_in_env(expression, environment)
        formula = Formula.from_source(source)
        if formula is None:
            return Path(compile_svg(expression, environment, template))
        for seen in _recorders:
            seen[formula.svg_name] = formula
        stored = store_dir() / formula.svg_name
        if not stored.is_file():
            typeset([formula])
        if not stored.is_file():
            return Path(compile_svg(expression, environment, template))
        # the process's own copy: manim writes a scratch file beside the SVG it parses
        # (``<name>_.svg``) and deletes it, which two processes parsing one file would race on
        own = Path(config.get_dir("tex_dir")) / stored.name
        if not own.is_file():
            _link_atomic(stored, own)
        return own

    tex_to_svg_file.mathviz_shared = True  # type: ignore[attr-defined]
    tex_file_writing.tex_to_svg_file = tex_to_svg_file
    setattr(tex_mobject, "tex_to_svg_file", tex_to_svg_file)  # noqa: B010 - imported by name there
