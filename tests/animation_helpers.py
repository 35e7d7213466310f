"""Playing primitives' animations to their end state in tests, without drawing frames."""

from __future__ import annotations

from manim import Scene


def run(scene: Scene, animation) -> None:
    """Play ``animation`` to its end state against ``scene`` (nothing is rendered)."""
    animation._setup_scene(scene)
    animation.begin()
    animation.finish()
