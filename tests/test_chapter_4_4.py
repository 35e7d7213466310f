"""4.4 Matrix as Transformation: the vectors ride the grid at every moment, and a copy of the
old timing (grid and arrows on two clocks) is caught by the check.

The values at the beats' ends are tested in ``tests/test_chapters.py``; the area readouts and
the two orders of the product here are compared with numpy.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest
from manim import AnimationGroup, ApplyMatrix, Transform

from mathviz import theme
from mathviz.course import get_chapter, load_scenes
from mathviz.primitives.map_flow import FlowMapDiagram
from mathviz.render import runner
from mathviz.render.narration import chapter_narrator
from mathviz.voice.engine import VoiceSettings, speaking

INVARIANTS = ("invariant:v_tip_is_grid_image_of_v", "invariant:basis_tips_are_grid_images")
R = np.array([[0.0, -1.0], [1.0, 0.0]])
S = np.array([[1.0, 1.0], [0.0, 1.0]])
V = np.array([1.0, 2.0])


class SplitClockDiagram(FlowMapDiagram):
    """The old ``apply``: the grid by ``ApplyMatrix`` (3 s by default) and the arrows by
    ``Transform`` (1 s) in one group, so the arrows land while the grid has barely moved."""

    def apply(self, matrix, run_time: float = 2.0):
        m = np.asarray(matrix, dtype=float)
        self._matrix = m @ self._matrix
        origin = self.reference.c2p(0, 0)
        moves = [
            ApplyMatrix(m, self.grid, about_point=origin),
            ApplyMatrix(m, self.square, about_point=origin),
        ]
        for arrow, v, color in (
            (self.i_arrow, (1.0, 0.0), theme.BASIS_I),
            (self.j_arrow, (0.0, 1.0), theme.BASIS_J),
            (self.v_arrow, self.base_vector, theme.VECTOR),
        ):
            moves.append(Transform(arrow, self._arrow(self._matrix @ np.asarray(v), color)))
        return AnimationGroup(*moves, group=self, run_time=run_time)


def by_name(reports) -> dict:
    return {c.name: c for r in reports for c in r.checkpoints}


def test_vectors_ride_the_grid_at_every_sampled_moment(chapter_reports):
    results = by_name(chapter_reports("4.4"))
    for name in (*INVARIANTS, "invariant:area_readout_is_square_area"):
        assert results[name].ok, results[name].source
    for name in INVARIANTS:
        assert results[name].source.startswith("geometry")


def test_the_old_split_clock_timing_fails_the_check(monkeypatch):
    """A deliberately broken copy of 4.4 (the arrows' 1 s Transform inside the grid's 3 s
    ApplyMatrix), run exactly as ``mathviz check`` runs a chapter: both invariants fail, at a
    moment inside the first map, while the end-of-beat checkpoints still pass."""
    chapter = get_chapter("4.4")
    scene_cls = load_scenes(chapter)[0]
    monkeypatch.setattr(sys.modules[scene_cls.__module__], "FlowMapDiagram", SplitClockDiagram)
    narrator = chapter_narrator(chapter, VoiceSettings())
    with (
        tempfile.TemporaryDirectory(prefix="mathviz-check-") as media,
        runner.manim_config(None, Path(media), "none"),
        speaking(narrator),
    ):
        report, _ = runner.run_scene(chapter, scene_cls, skip=True)
    results = by_name([report])
    for name in INVARIANTS:
        assert not results[name].ok, name
        assert "into play" in results[name].source  # caught mid-animation, not at a beat end
    # where the arrows land is right either way: only the motion was wrong
    for name in ("i_hat_tip", "j_hat_tip", "Av_tip"):
        assert results[name].ok


def test_area_readouts_print_the_determinants(shown):
    values = shown("4.4")
    maps = {
        "unit_square_area": np.eye(2),
        "det_A": [[2, 1], [-1, 1]],
        "shear_area_readout": S,
        "rotation_area_readout": R,
        "scaling_det": [[2, 0], [0, 0.5]],
    }
    for name, m in maps.items():
        # shown to one decimal, as the narration speaks it
        assert values[name] == pytest.approx(
            round(np.linalg.det(np.array(m, float)), 1), abs=1e-12
        ), name


def test_swapping_the_order_lands_v_elsewhere(shown):
    values = shown("4.4")
    sr_v, rs_v = S @ R @ V, R @ S @ V
    np.testing.assert_allclose(values["SRv_ghost_tip"], sr_v, atol=1e-6)
    np.testing.assert_allclose(values["RSv_tip"], rs_v, atol=1e-6)
    np.testing.assert_array_equal(values["SRv_printed"], np.round(sr_v))
    np.testing.assert_array_equal(values["RSv_printed"], np.round(rs_v))
    assert not np.allclose(values["SRv_ghost_tip"], values["RSv_tip"])
