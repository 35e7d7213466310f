"""Typeset formulas: many per LaTeX run, the bytes of manim's own compile, one store shared
by every process, and the chapters' formula ledgers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from manim import MathTex, Tex, config
from manim.utils import tex_file_writing

from mathviz.course import get_chapter
from mathviz.render import texstore
from mathviz.render.runner import check_chapter
from mathviz.render.texstore import Formula, canonical_svg, store_dir
from mathviz.render.worker import manim_config

#: what the course's formulas are made of: display maths, text in maths, a fraction's rule,
#: a matrix, a substring split (manim's raw specials), prose (Tex), and an empty display
SOURCES = [
    (r"\nabla f = (2x,\ 6y)", "align*"),
    (r"P(\text{fail} \mid \text{high CPU}) = {0.9 \times 0.05 \over 0.2} = 0.225", "align*"),
    (r"H=\begin{bmatrix}2 & 0\\ 0 & -2\end{bmatrix}", "align*"),
    (r"\special{dvisvgm:raw <g id='unique000'>}x^2\special{dvisvgm:raw </g>}", "align*"),
    (r"gradient descent, step by step", "center"),
    (r"\quad", "align*"),
]


def _formulas() -> list[Formula]:
    template = config["tex_template"]
    formulas = [
        Formula.from_source(template.get_texcode_for_expression_in_env(expression, environment))
        for expression, environment in SOURCES
    ]
    assert all(f is not None for f in formulas)
    return [f for f in formulas if f is not None]


def _manims_own(formula: Formula, folder: Path) -> str:
    """The SVG of manim's own two commands for the formula's document (the reference)."""
    folder.mkdir(parents=True)
    tex = folder / "f.tex"
    tex.write_text(formula.source, encoding="utf-8")
    subprocess.run(
        ["latex", "-interaction=batchmode", "-halt-on-error", "f.tex"],
        cwd=folder,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        ["dvisvgm", "--page=1", "--no-fonts", "--verbosity=0", "--output=f.svg", "f.dvi"],
        cwd=folder,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return (folder / "f.svg").read_text(encoding="utf-8")


def test_a_batch_gives_the_bytes_of_one_formula_alone_and_of_manims_own_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    formulas = _formulas()
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "batch"))
    assert texstore.typeset(formulas) == []
    batch = {f.svg_name: (store_dir() / f.svg_name).read_text("utf-8") for f in formulas}
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "alone"))
    for formula in reversed(formulas):  # another order, another font numbering
        texstore.typeset([formula])
    alone = {f.svg_name: (store_dir() / f.svg_name).read_text("utf-8") for f in formulas}
    assert alone == batch
    for i, formula in enumerate(formulas):
        own = _manims_own(formula, tmp_path / f"manim-{i}")
        assert batch[formula.svg_name] == canonical_svg(own), SOURCES[i]
    assert "<use" in batch[formulas[1].svg_name] and "<rect" in batch[formulas[1].svg_name]


def _count_latex_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every batch typeset from now on, in order."""
    runs: list[int] = []
    batch = texstore._typeset_batch

    def counted(formulas: list[Formula]) -> int:
        runs.append(len(formulas))
        return batch(formulas)

    monkeypatch.setattr(texstore, "_typeset_batch", counted)
    return runs


def test_a_formula_latex_refuses_costs_its_batch_one_rerun_and_is_not_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    good = _formulas()[:3]
    template = config["tex_template"]
    bad = Formula.from_source(template.get_texcode_for_expression_in_env(r"\frac{1}{", "align*"))
    assert bad is not None
    runs = _count_latex_runs(monkeypatch)
    assert texstore.typeset([good[0], bad, good[1], good[2]]) == [bad]
    assert runs == [4, 2]
    assert sorted(p.name for p in store_dir().iterdir()) == sorted(f.svg_name for f in good)


def _typeset_in(media: Path, slot: Path, formula: str) -> np.ndarray:
    with manim_config(None, media, "none", slot):
        return MathTex(formula).get_all_points()


def test_a_formula_typeset_in_one_process_is_found_by_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    formula = r"\nabla f = (2x, \alpha y)"
    first = _typeset_in(tmp_path / "media", tmp_path / "slot-a", formula)
    [stored] = store_dir().glob("*.svg")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("typeset again")

    monkeypatch.setattr(texstore, "_typeset_batch", refuse)
    monkeypatch.setattr(tex_file_writing, "compile_tex", refuse)
    again = _typeset_in(tmp_path / "media", tmp_path / "slot-b", formula)  # an empty folder
    np.testing.assert_array_equal(again, first)
    # manim parses a link in the process's own folder: the scratch file it writes beside the
    # SVG it parses (and deletes) never lands in the store, where another process would race
    handed = tmp_path / "slot-b" / "Tex" / stored.name
    assert handed.read_bytes() == stored.read_bytes()
    with pytest.raises(AssertionError, match="typeset again"):  # a new formula is typeset
        _typeset_in(tmp_path / "media", tmp_path / "slot-b", r"e^{i\pi} + 1 = 0")
    assert [p.name for p in store_dir().iterdir()] == [stored.name]  # nothing half-written


def test_prose_and_maths_look_as_manim_typesets_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the store and through manim's own compile, the same points on screen."""
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    with manim_config(None, tmp_path / "media", "none", tmp_path / "slot"):
        ours = [MathTex(r"\sum_k A_{ik} B_{kj}").get_all_points(), Tex("rate").get_all_points()]
    # every document then goes to manim's own compile, as for a template of another class
    monkeypatch.setattr(Formula, "from_source", classmethod(lambda cls, source: None))
    with manim_config(None, tmp_path / "media", "none", tmp_path / "plain"):
        theirs = [MathTex(r"\sum_k A_{ik} B_{kj}").get_all_points(), Tex("rate").get_all_points()]
    for a, b in zip(ours, theirs, strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("chapter_id", ["6.3", "0.1"])
def test_a_chapters_ledger_lists_every_formula_its_check_typesets(
    chapter_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From an empty store, the ledger's formulas are typeset in a few LaTeX runs, and the
    check then typesets nothing more, and typesets exactly what the ledger lists."""
    chapter = get_chapter(chapter_id)
    ledger = {f.svg_name for f in texstore.read_ledger(chapter)}
    assert ledger
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    runs = _count_latex_runs(monkeypatch)
    assert texstore.prefetch([chapter], jobs=2) == len(ledger)
    assert len(runs) == max(2, -(-len(ledger) // texstore.BATCH_SIZE))
    assert {p.name for p in store_dir().glob("*.svg")} == ledger

    def refuse(formulas: list[Formula]) -> int:
        raise AssertionError(f"not in the ledger: {formulas[0].body.strip()}")

    monkeypatch.setattr(texstore, "_typeset_batch", refuse)
    with texstore.recording() as typeset:
        check_chapter(chapter)
    assert set(typeset) == ledger


def test_a_damaged_ledger_is_read_as_empty_and_a_check_writes_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from drafts import write_chapter

    from mathviz import course
    from mathviz.render.narration import LEDGER_ENV

    folder = tmp_path / "scenes"
    folder.mkdir()
    monkeypatch.setenv(course.SCENES_ENV, str(folder))
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    write_chapter(folder, "0.1", extra=r"from manim import MathTex; MathTex(r'\lVert x \rVert')")
    chapter = get_chapter("0.1")
    path = texstore.ledger_path(chapter)
    path.parent.mkdir()
    path.write_text('{"documents": [{"preamble": ')
    assert texstore.read_ledger(chapter) == []
    assert "damaged formula ledger" in caplog.text
    assert texstore.prefetch([chapter]) == 0
    monkeypatch.setenv(LEDGER_ENV, "frozen")
    check_chapter(chapter)
    assert texstore.read_ledger(chapter) == []  # frozen: read, never written
    monkeypatch.delenv(LEDGER_ENV)
    check_chapter(chapter)
    bodies = [f.body for f in texstore.read_ledger(chapter)]
    assert any(r"\lVert x \rVert" in body for body in bodies)
    assert {f.svg_name for f in texstore.read_ledger(chapter)} <= {
        p.name for p in store_dir().glob("*.svg")
    }


@pytest.mark.parametrize("body", [r"x^2", r"\nabla f = (2x, 4y)", "Größe → ∞", ""])
def test_a_formulas_name_is_the_one_manim_gives_its_tex_file(body: str) -> None:
    """The build's own process names formulas without importing manim; the names must stay
    manim's (the store is looked up by them in every worker)."""
    source = config["tex_template"].get_texcode_for_expression(body)
    assert texstore.tex_name(source) == tex_file_writing.tex_hash(source)
    formula = Formula.from_source(source)
    assert formula is not None and formula.svg_name == f"{tex_file_writing.tex_hash(source)}.svg"


def test_planning_a_build_does_not_import_manim(tmp_path: Path) -> None:
    """Up to the workers' start a build needs no manim: its process gets to them sooner."""
    code = (
        "import sys\n"
        "from mathviz.course import get_chapter\n"
        "from mathviz.render import texstore\n"
        "texstore.prefetch([get_chapter('6.3')])\n"
        "names = [f.svg_name for f in texstore.read_ledger(get_chapter('6.3'))]\n"
        "assert names, 'the ledger lists formulas'\n"
        "print('manim' in sys.modules)\n"
    )
    env = {**os.environ, "MATHVIZ_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "False"
