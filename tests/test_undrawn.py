"""A check runs its scenes on a renderer that draws nothing, and reports exactly what Manim's
own renderer, skipping animations but still painting, reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from manim.camera.camera import Camera

from mathviz.course import get_chapter, load_scenes
from mathviz.render.play_range import UndrawnRenderer
from mathviz.render.runner import run_scene
from mathviz.render.worker import manim_config


@pytest.mark.parametrize("chapter_id", ["0.1", "6.3"])
def test_a_check_draws_nothing_and_reports_what_manims_renderer_reports(
    chapter_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chapter = get_chapter(chapter_id)
    drawn: list[int] = []
    capture = Camera.capture_mobjects

    def counted(self: Camera, *args: object, **kwargs: object) -> None:
        drawn.append(1)
        capture(self, *args, **kwargs)

    monkeypatch.setattr(Camera, "capture_mobjects", counted)
    with manim_config(None, tmp_path / "media", "none", tmp_path / "slot"):
        for scene_cls in load_scenes(chapter):
            ours, scene = run_scene(chapter, scene_cls, skip=True)
            assert isinstance(scene.renderer, UndrawnRenderer)  # type: ignore[attr-defined]
            assert drawn == []
            manims = scene_cls(skip_animations=True)
            manims.render()
            assert drawn, "Manim's renderer paints while it skips (else this test shows nothing)"
            assert ours == manims.report
            assert ours.checkpoints and ours.beats
            drawn.clear()
