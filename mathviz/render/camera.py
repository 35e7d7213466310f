"""The camera mathviz renders 2-D lectures with: Manim's Cairo camera, minus repeated work.

Manim builds every drawn shape's Cairo path from its points on every frame: it splits the
points into subpaths (a few numpy calls), then issues one ``curve_to`` per Bézier curve. A
lecture frame draws ~80 shapes — glyphs, ticks, rings — and most of them have not moved
since the previous frame. :class:`PathCachingCamera` keeps, per shape, the points it last
built a path from and the path itself; when a shape's points are byte-for-byte the same, the
stored path is appended to the context instead of being rebuilt. The pixels are identical:
Cairo receives the same path (``tests/test_render_shortcuts.py`` compares frames with
Manim's own camera).

Manim also copies every frame it writes (``CairoRenderer.get_frame``: 8 MB at 1080p, into
memory the kernel must fault in and zero), because it draws the next frame into the same
array while the movie writer's threads still read the last one. :class:`PathCachingCamera`
instead draws into arrays of its own and hands a finished one over as it is
(:class:`FrameHandingRenderer`); before it draws again, it moves to an array nobody else
holds any more. Who holds an array is what Python counts: every frame in the writer's queue,
every view of it, the previous frame kept for comparison, a play's static image.

Only the render worker uses it (:func:`camera_for`); a scene run by plain ``manim`` draws
with Manim's camera, so benchmarks compare against Manim's own path.
"""

from __future__ import annotations

import inspect
import sys
import weakref
from collections.abc import Iterable
from typing import Any

import cairo
import numpy as np
from manim.camera.camera import Camera
from manim.mobject.mobject import Mobject
from manim.mobject.types.vectorized_mobject import VMobject
from manim.renderer.cairo_renderer import CairoRenderer

__all__ = ["FrameHandingRenderer", "PathCachingCamera", "camera_for", "scene_camera"]


class PathCachingCamera(Camera):
    """Manim's :class:`~manim.camera.camera.Camera` that reuses unchanged shapes' paths."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        #: the arrays this camera draws into, each with the references it has when only the
        #: camera holds it (measured when it is made: the list, its Cairo surface); set
        #: before Manim's constructor, which resets the frame
        self._buffers: list[tuple[Any, int]] = []
        #: index of ``pixel_array`` in ``_buffers`` (None: Manim's own first array)
        self._current: int | None = None
        #: frames drawn into an array of their own because the last one was still held
        self.buffer_moves = 0
        super().__init__(*args, **kwargs)
        #: id(shape) -> (a weak reference to the shape, its points' bytes, its tolerance, the
        #: path built from them); an entry goes when its shape is garbage-collected
        self._paths: dict[int, tuple[weakref.ref[VMobject], bytes, float, Any]] = {}
        self.reused_paths = 0
        self.built_paths = 0

    # ----------------------------------------------------------- frames handed over

    def _holders(self, index: int) -> int:
        """References to buffer ``index`` beyond this camera's own: 0 for a free one.

        The camera's own are the baseline measured when the buffer is made (the list's
        entry, the Cairo surface's, and this method's own two), and ``pixel_array`` while it
        is the current frame. A caller must hold no other reference to the buffer while it
        asks: that one would count as a holder."""
        buffer = self._buffers[index][0]
        count = sys.getrefcount(buffer) - (buffer is self.pixel_array)
        return count - self._buffers[index][1]

    def _free_buffer(self) -> int:
        """Index of a buffer of the current frame's shape that nobody holds (a new one when
        every one is held: as many as frames are in flight)."""
        shape, dtype = self.pixel_array.shape, self.pixel_array.dtype
        for index in range(len(self._buffers)):  # no loop variable holding a buffer
            if (
                index != self._current
                and self._buffers[index][0].shape == shape
                and self._buffers[index][0].dtype == dtype
                and self._holders(index) <= 0
            ):
                return index
        created = np.empty(shape, dtype)
        # Manim's context for it (as Camera.get_cairo_context makes it), cached by the
        # array's id, made here by calls into C alone: no Python function is given the array
        # before its baseline is measured. A sampling profiler (Dask's workers sample every
        # task's stack every 10 ms) can hold the frame of such a call past its return, and
        # with it the array: the baseline would count that passing reference as the
        # camera's own, and later one real holder as none
        pw, ph, fw, fh = self.pixel_width, self.pixel_height, self.frame_width, self.frame_height
        fc = self.frame_center
        context = cairo.Context(
            cairo.ImageSurface.create_for_data(created.data, cairo.FORMAT_ARGB32, pw, ph)
        )
        context.set_matrix(  # the whole transform (Manim also scales first, to no effect)
            cairo.Matrix(
                pw / fw,
                0,
                0,
                -(ph / fh),
                (pw / 2) - fc[0] * (pw / fw),
                (ph / 2) + fc[1] * (ph / fh),
            )
        )
        self.pixel_array_to_cairo_context[id(created)] = context
        self._buffers.append((created, 0))
        del created, context
        index = len(self._buffers) - 1
        # measured with no other reference alive here (a tuple under construction would hold
        # one while it is measured, and every holder after it would be counted one short)
        baseline = self._holders(index)
        self._buffers[index] = (self._buffers[index][0], baseline)
        return index

    def _own_pixels(self, keep: bool) -> None:
        """Make ``pixel_array`` an array nobody but this camera holds, before drawing into
        it; with ``keep``, the new array starts as a copy of the frame so far."""
        current = self._current
        if current is not None and self._holders(current) <= 0:
            return
        index = self._free_buffer()
        buffer = self._buffers[index][0]
        if keep:
            np.copyto(buffer, self.pixel_array)
        self.pixel_array, self._current = buffer, index
        self.buffer_moves += 1

    def set_pixel_array(self, pixel_array: Any, convert_from_floats: bool = False) -> None:
        """Manim's, into an array nobody else holds when the frame keeps its shape."""
        mine = getattr(self, "pixel_array", None)
        same_shape = mine is not None and np.shape(pixel_array) == mine.shape
        del mine  # not a holder: counted, it would move every frame to a new array
        if same_shape:
            self._own_pixels(keep=False)
        else:
            self._current = None  # Manim makes a new array of the new shape
        super().set_pixel_array(pixel_array, convert_from_floats)

    def capture_mobjects(self, mobjects: Iterable[Mobject], **kwargs: Any) -> None:
        """Manim's, drawing on top of the frame so far in an array nobody else holds."""
        self._own_pixels(keep=True)
        super().capture_mobjects(mobjects, **kwargs)

    def set_cairo_context_path(
        self, ctx: cairo.Context[Any], vmobject: VMobject
    ) -> PathCachingCamera:
        """Manim's path for ``vmobject``, from the store when its points are unchanged."""
        points = vmobject.points
        if len(points) == 0:  # Manim leaves the context's current path as it is
            super().set_cairo_context_path(ctx, vmobject)
            return self
        key = points.tobytes()
        tolerance = vmobject.tolerance_for_point_equality
        stored = self._paths.get(id(vmobject))
        if (
            stored is not None
            and stored[0]() is vmobject
            and stored[1] == key
            and stored[2] == tolerance
        ):
            ctx.new_path()
            ctx.append_path(stored[3])
            self.reused_paths += 1
            return self
        super().set_cairo_context_path(ctx, vmobject)
        paths, ident = self._paths, id(vmobject)

        def forget(_: object) -> None:
            entry = paths.get(ident)
            if entry is not None and entry[0]() is None:
                del paths[ident]

        paths[ident] = (weakref.ref(vmobject, forget), key, tolerance, ctx.copy_path())
        self.built_paths += 1
        return self


class FrameHandingRenderer(CairoRenderer):
    """Manim's :class:`CairoRenderer` that hands a :class:`PathCachingCamera`'s finished frame
    over as it is, instead of a copy (the camera never draws into an array someone holds)."""

    def get_frame(self) -> Any:  # noqa: D102 - manim API
        if isinstance(self.camera, PathCachingCamera):
            return self.camera.pixel_array
        return super().get_frame()


def camera_for(scene_class: type) -> type[Camera] | None:
    """The camera a render worker gives ``scene_class``: :class:`PathCachingCamera` for a
    scene drawn by Manim's plain 2-D :class:`Camera`; ``None`` (the scene's own) otherwise,
    e.g. for 3-D scenes, whose projection depends on the camera's orientation."""
    default = inspect.signature(scene_class).parameters.get("camera_class")
    if default is None or default.default is not Camera:
        return None
    return PathCachingCamera


def scene_camera(scene_class: type) -> type[Camera]:
    """The camera class a render worker draws ``scene_class`` with: :func:`camera_for`'s,
    else the one the scene's constructor defaults to (e.g. Manim's ``ThreeDCamera``)."""
    chosen = camera_for(scene_class)
    if chosen is not None:
        return chosen
    default = inspect.signature(scene_class).parameters.get("camera_class")
    if default is None or not isinstance(default.default, type):
        return Camera
    return default.default
