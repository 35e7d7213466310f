"""The camera mathviz renders 2-D lectures with: Manim's Cairo camera, minus repeated work.

Manim builds every drawn shape's Cairo path from its points on every frame: it splits the
points into subpaths (a few numpy calls), then issues one ``curve_to`` per Bézier curve. A
lecture frame draws ~80 shapes — glyphs, ticks, rings — and most of them have not moved
since the previous frame. :class:`PathCachingCamera` keeps, per shape, the points it last
built a path from and the path itself; when a shape's points are byte-for-byte the same, the
stored path is appended to the context instead of being rebuilt. The pixels are identical:
Cairo receives the same path (``tests/test_render_shortcuts.py`` compares frames with
Manim's own camera).

Only the render worker uses it (:func:`camera_for`); a scene run by plain ``manim`` draws
with Manim's camera, so benchmarks compare against Manim's own path.
"""

from __future__ import annotations

import inspect
import weakref
from typing import Any

import cairo
from manim.camera.camera import Camera
from manim.mobject.types.vectorized_mobject import VMobject

__all__ = ["PathCachingCamera", "camera_for", "scene_camera"]


class PathCachingCamera(Camera):
    """Manim's :class:`~manim.camera.camera.Camera` that reuses unchanged shapes' paths."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: id(shape) -> (a weak reference to the shape, its points' bytes, its tolerance, the
        #: path built from them); an entry goes when its shape is garbage-collected
        self._paths: dict[int, tuple[weakref.ref[VMobject], bytes, float, Any]] = {}
        self.reused_paths = 0
        self.built_paths = 0

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
