"""Animations that redraw a primitive from its state every frame, instead of interpolating
between copies of its points.

Most primitives here are drawn from a small state (a window, a value, a parameter ``t``) by a
``redraw`` method, so that whatever is on screen is always the drawing of one true state, in
motion too. These animations move that state and redraw:

* :class:`Redraw` — the base: no starting copy is made (nothing is interpolated from one);
* :class:`StateTween` — moves numeric attributes of a state object from their values when the
  animation begins to targets, then calls ``redraw``;
* :class:`Scripted` — calls ``update(t)`` with the eased time, for motions made of several
  timed phases, and can take helper parts off the scene when it ends.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from manim import Mobject, smooth
from manim.animation.animation import Animation

__all__ = ["Redraw", "StateTween", "Scripted", "built"]


def built(animation: object) -> Animation:
    """An ``.animate`` chain as the animation it builds (for the type checker: Manim types
    ``mob.animate`` as the mobject itself)."""
    return cast(Animation, animation)


class Redraw(Animation):
    """An animation that redraws its mobject from state each frame (no starting copy)."""

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - nothing to interpolate from
        return cast(Mobject, self.mobject)


class StateTween(Redraw):
    """Move numeric attributes of ``state`` to ``targets`` and call ``redraw`` every frame.

    The start values are taken when the animation *begins* (so tweens built up front chain
    correctly); ``rate_func`` defaults to manim's ``smooth``.
    """

    def __init__(
        self,
        mobject: Mobject,
        state: Any,
        targets: Mapping[str, float],
        redraw: Callable[[], object],
        **kwargs: Any,
    ) -> None:
        self.state, self.targets, self.redraw = state, dict(targets), redraw
        self.starts = {k: float(getattr(state, k)) for k in self.targets}
        kwargs.setdefault("rate_func", smooth)
        super().__init__(mobject, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.starts = {k: float(getattr(self.state, k)) for k in self.targets}
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = float(self.rate_func(alpha))
        for key, target in self.targets.items():
            setattr(self.state, key, self.starts[key] + (float(target) - self.starts[key]) * t)
        self.redraw()


class Scripted(Redraw):
    """An animation whose every frame is set by ``update(t)``, ``t`` from 0 to 1 (already
    passed through the rate function, linear unless given): for motions made of several
    timed phases. ``discard`` lists parts taken off the scene when the animation is over."""

    def __init__(
        self,
        mobject: Mobject,
        update: Callable[[float], None],
        *,
        discard: Sequence[Mobject] = (),
        **kwargs: Any,
    ) -> None:
        self._update, self._discard = update, tuple(discard)
        kwargs.setdefault("rate_func", lambda t: t)
        super().__init__(mobject, **kwargs)

    def clean_up_from_scene(self, scene: Any) -> None:  # noqa: D102 - manim hook
        super().clean_up_from_scene(scene)
        if self._discard:
            scene.remove(*self._discard)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        self._update(float(self.rate_func(alpha)))
