"""Cairo renderers that draw only some of a scene's plays: those of one part of a split scene
(:class:`PlayRangeRenderer`), or none at all in a check (:class:`UndrawnRenderer`).

Manim's own ``from_animation_number`` skips the plays before it by jumping each animation
to its end and adding its run time to the clock at once; updaters see one step, a frozen
wait keeps its fractional frame, and the state a later play starts from differs from a full
render's. :class:`PlayRangeRenderer` *steps* those plays instead: every frame's time is
advanced, the animations interpolated and the updaters run exactly as when drawing, and the
clock advances frame by frame as Manim's renderer advances it when it writes frames, so the
first drawn play starts from the very same state and time. Only drawing, colour conversion
and encoding are left out. At the play ``upto`` the scene ends
(:class:`~manim.utils.exceptions.EndSceneEarlyException`, which Manim treats as a normal
end), and Manim joins the movies of the drawn plays as usual.

See :mod:`mathviz.render.split` for where the cuts go.
"""

from __future__ import annotations

from typing import Any

from manim.renderer.cairo_renderer import CairoRenderer
from manim.utils.exceptions import EndSceneEarlyException

from mathviz.render.camera import FrameHandingRenderer

__all__ = ["PlayRangeRenderer", "UndrawnRenderer"]


class UndrawnRenderer(CairoRenderer):
    """Manim's :class:`CairoRenderer` for a check (animations skipped): it draws nothing.

    Skipping, Manim still paints every play's static background into the frame and a frozen
    wait's frame, pixels no check reads (a check reads values from the objects); here those
    are left out, and everything else (the clock, animations, updaters) runs as in Manim's.
    """

    def __init__(self, camera_class: type | None = None) -> None:
        super().__init__(camera_class=camera_class, skip_animations=True)

    def update_frame(self, *args: Any, **kwargs: Any) -> None:  # noqa: D102 - manim API
        if not self.skip_animations:
            super().update_frame(*args, **kwargs)

    def get_frame(self) -> Any:  # noqa: D102 - manim API
        return self.camera.pixel_array if self.skip_animations else super().get_frame()


class PlayRangeRenderer(FrameHandingRenderer):
    """Manim's :class:`CairoRenderer` drawing only the plays ``[first, upto)`` (frames handed
    over uncopied, :class:`~mathviz.render.camera.FrameHandingRenderer`).

    Parameters
    ----------
    first
        Index of the first play drawn; the plays before it are stepped without drawing.
    upto
        Index of the first play not rendered at all (the scene ends there); ``None``: the
        scene runs to its end.
    """

    def __init__(self, *args: Any, first: int, upto: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.first, self.upto = first, upto
        #: frames written to the movie (the drawn plays' frames)
        self.frames_written = 0
        #: the scene clock when the first drawn play began (``None`` while stepping)
        self.drawing_since: float | None = None
        self._drawing = True

    def play(self, scene: Any, *args: Any, **kwargs: Any) -> None:  # noqa: D102 - manim API
        if self.upto is not None and self.num_plays >= self.upto:
            raise EndSceneEarlyException()
        self._drawing = self.num_plays >= self.first
        if self._drawing:
            if self.drawing_since is None:
                self.drawing_since = self.time
            super().play(scene, *args, **kwargs)
            return
        # Manim's CairoRenderer.play when it renders, minus the drawing and the movie
        self.skip_animations = self._original_skipping_status
        scene.compile_animation_data(*args, **kwargs)
        self.file_writer.add_partial_movie_file(None)
        self.animations_hashes.append(None)
        scene.begin_animations()
        self.static_image = None
        if scene.is_current_animation_frozen_frame():
            dt = 1 / self.camera.frame_rate
            self.time += int(scene.duration / dt) * dt  # as add_frame(num_frames=…) counts
        else:
            scene.play_internal()
        self.num_plays += 1

    def update_frame(self, *args: Any, **kwargs: Any) -> None:  # noqa: D102 - manim API
        if self._drawing:
            super().update_frame(*args, **kwargs)

    def get_frame(self) -> Any:  # noqa: D102 - manim API
        return super().get_frame() if self._drawing else self.camera.pixel_array

    def add_frame(self, frame: Any, num_frames: int = 1) -> None:  # noqa: D102 - manim API
        if self._drawing:
            super().add_frame(frame, num_frames)
            if not self.skip_animations:
                self.frames_written += num_frames
            return
        dt = 1 / self.camera.frame_rate
        self.time += num_frames * dt
