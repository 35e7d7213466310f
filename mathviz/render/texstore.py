"""One store of typeset formulas for every process: a formula is compiled once per cache.

Manim compiles a formula in the process's own TeX folder (each worker and check process has
one, :func:`mathviz.render.worker.process_dir`, because LaTeX writes its files in place) and
keeps the SVG there, named by a hash of the whole ``.tex`` source (preamble included). Two
processes therefore compiled every formula they both met: in a cold ``mathviz check all
-j 2`` of the course, 152 of 1011 compilations were repeats, and every build worker started
its folder empty.

:func:`share_typeset_formulas` makes each process look in ``<cache>/tex`` before compiling,
and put what it compiled there (written under a temporary name, then renamed: a reader never
sees half a file, and two processes publishing the same formula write the same bytes).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from mathviz.render.segments import TMP_MARK, cache_dir

__all__ = ["store_dir", "share_typeset_formulas"]


def store_dir() -> Path:
    """The shared store: ``<cache>/tex``, one SVG per formula, named as manim names it."""
    return cache_dir() / "tex"


def _copy_atomic(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}{TMP_MARK}{os.getpid()}")
    shutil.copyfile(source, tmp)
    os.replace(tmp, target)


def share_typeset_formulas() -> None:
    """Route manim's ``tex_to_svg_file`` through the shared store (once per process).

    The SVG is looked up in this process's TeX folder first (manim's own cache), then in the
    store (copied into the folder), and only then compiled, and the result published.
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
        own = tex_file_writing.generate_tex_file(expression, environment, template)
        svg = own.with_suffix(".svg")
        stored = store_dir() / svg.name
        if not svg.exists() and stored.is_file():
            _copy_atomic(stored, svg)
        if svg.exists():
            return svg
        made = Path(compile_svg(expression, environment, template))
        if not stored.is_file():
            _copy_atomic(made, stored)
        return made

    tex_to_svg_file.mathviz_shared = True  # type: ignore[attr-defined]
    tex_file_writing.tex_to_svg_file = tex_to_svg_file
    setattr(tex_mobject, "tex_to_svg_file", tex_to_svg_file)  # noqa: B010 - imported by name there
