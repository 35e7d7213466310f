"""The shared store of typeset formulas: compiled once, then found by every process."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from manim import MathTex
from manim.utils import tex_file_writing

from mathviz.render.texstore import store_dir
from mathviz.render.worker import manim_config


def _typeset(media: Path, slot: Path, formula: str) -> np.ndarray:
    with manim_config(None, media, "none", slot):
        return MathTex(formula).get_all_points()


def test_a_formula_compiled_in_one_folder_is_found_from_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    formula = r"\nabla f = (2x, \alpha y)"
    first = _typeset(tmp_path / "media", tmp_path / "slot-a", formula)
    [stored] = store_dir().glob("*.svg")
    assert (tmp_path / "slot-a" / "Tex" / stored.name).is_file()

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(tex_file_writing, "compile_tex", refuse)
    again = _typeset(tmp_path / "media", tmp_path / "slot-b", formula)  # an empty folder
    np.testing.assert_array_equal(again, first)
    assert (tmp_path / "slot-b" / "Tex" / stored.name).read_bytes() == stored.read_bytes()
    with pytest.raises(AssertionError, match="compiled again"):  # a new formula still compiles
        _typeset(tmp_path / "media", tmp_path / "slot-b", r"e^{i\pi} + 1 = 0")
    assert [p.name for p in store_dir().iterdir()] == [stored.name]  # nothing half-written
