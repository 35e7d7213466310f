"""Rendering one segment: runs inside a long-lived worker process (or in-process).

A worker imports manim once (:func:`init_worker`) and then renders many segments. Each worker
has its own slot folder in the cache for manim's media, TeX and text files, so two workers
never write the same file; the TeX folder persists across builds as a compile cache.
"""

from __future__ import annotations

import fcntl
import logging
import os
import resource
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from mathviz import doctor
from mathviz.course import SCENES_ENV, get_chapter, load_scenes
from mathviz.voice.engine import VoiceUnavailable, speaking
from mathviz.render.narration import chapter_narrator
from mathviz.render.profiles import Profile
from mathviz.render.segments import (
    cache_dir,
    TMP_MARK,
    SegmentJob,
    SegmentResult,
    store_failed,
    store_segment,
)

FRAME_HEIGHT = 8.0

_slot: int | None = None  # None: rendering in the calling process
_events: Any = None


def init_worker(events: Any, slots: Any) -> None:
    """Process-pool initializer: take a slot number, keep the event queue, import manim."""
    global _slot, _events
    _slot = slots.get()
    _events = events
    import manim  # noqa: F401 - paid once per worker, not once per scene

    from mathviz import scene  # noqa: F401


_process_slot: tuple[Path, Any] | None = None


def process_dir() -> Path:
    """This process's own TeX/text cache folder, for checks and renders run in-process.

    Manim writes and compiles TeX files in place, so two processes sharing one folder can read
    each other's half-written files. Each process takes the first free folder of a small pool
    (held by an exclusive file lock until it exits), so caches persist between runs without
    ever being shared by two live processes.
    """
    global _process_slot
    root = cache_dir() / "processes"
    if _process_slot is not None and _process_slot[0].parent == root:
        return _process_slot[0]
    root.mkdir(parents=True, exist_ok=True)
    n = 0
    while True:
        handle = open(root / f"slot-{n}.lock", "a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            n += 1
            continue
        folder = root / f"slot-{n}"
        folder.mkdir(exist_ok=True)
        _process_slot = (folder, handle)  # the handle keeps the lock for the process's life
        return folder


def slot_dir(slot: int | None) -> Path:
    """A worker's own folder for TeX/text caches (the process's own when in-process)."""
    return process_dir() if slot is None else cache_dir() / "workers" / f"slot-{slot}"


@contextmanager
def manim_config(profile: Profile | None, media_dir: Path, fmt: str,
                 work_dir: Path | None = None) -> Iterator[None]:
    """Manim's global config for one run (restored afterwards)."""
    from manim import tempconfig

    width, height, fps = (854, 480, 15) if profile is None else (profile.width, profile.height,
                                                                 profile.fps)
    work = work_dir or process_dir()
    settings = {
        "pixel_width": width,
        "pixel_height": height,
        "frame_rate": fps,
        "frame_height": FRAME_HEIGHT,
        "frame_width": FRAME_HEIGHT * width / height,
        "format": fmt,
        "media_dir": str(media_dir),
        "tex_dir": str(work / "Tex"),
        "text_dir": str(work / "texts"),
        "progress_bar": "none",
        "verbosity": "ERROR",
        "disable_caching": True,
    }
    if profile is not None and fmt in ("mp4", "webm"):
        settings["video_encoder_options"] = profile.encoder_options(fmt)
    logging.getLogger("manim").setLevel(logging.ERROR)
    with tempconfig(settings):
        yield


@contextmanager
def _log_to(path: Path) -> Iterator[logging.Handler]:
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, mode="w", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("manim")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        handler.close()


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def render_segment(job: SegmentJob,
                   load: Callable[[Any], list[type]] = load_scenes) -> SegmentResult:
    """Render one scene into the segment cache; never raises for the scene's own failures.

    Parameters
    ----------
    job
        What to render and where the finished segment goes.
    load
        How to get the chapter's scene classes (tests substitute their own).
    """
    from mathviz.scene import LectureMixin

    if job.scenes_dir:
        os.environ[SCENES_ENV] = job.scenes_dir
    started = time.perf_counter()
    chapter = get_chapter(job.chapter_id)
    work = slot_dir(_slot)
    work.mkdir(parents=True, exist_ok=True)
    media = Path(tempfile.mkdtemp(prefix=f"media{TMP_MARK}{os.getpid()}-", dir=work))
    last_sent = [0.0]

    def progress(clock: float) -> None:
        now = time.perf_counter()
        if _events is not None and now - last_sent[0] > 0.25:
            last_sent[0] = now
            _events.put(("progress", job.label, clock))

    result = SegmentResult(job=job, ok=False)
    with _log_to(job.log) as handler:
        try:
            if _events is not None:
                _events.put(("start", job.label, os.getpid()))
            doctor.require("latex", "standalone.cls", "dvisvgm")
            scene_cls = next((c for c in load(chapter) if c.__name__ == job.scene), None)
            if scene_cls is None:
                raise LookupError(f"chapter {chapter.id} has no scene {job.scene}")
            narrator = chapter_narrator(chapter, job.profile.voice)
            LectureMixin.progress_listener = progress
            try:
                with manim_config(job.profile, media, job.container, work), speaking(narrator):
                    scene = scene_cls()
                    scene.render()
                    report = scene.report
                    movie = Path(scene.renderer.file_writer.movie_file_path)
                    frames = round(report.duration * job.profile.fps)
            finally:
                LectureMixin.progress_listener = None
            result.report, result.frames = report, frames
            if report.failures:
                if job.keep_failed:
                    store_failed(job, movie, report)
                result.failure = "checkpoints"
                result.message = f"{len(report.failures)} checkpoint(s) failed"
                result.details = "\n".join(
                    f"{c.name}: shown {c.shown}, expected {c.expected} (tol {c.tol:g})"
                    for c in report.failures)
            else:
                store_segment(job, movie, report)
                result.ok = True
        except (doctor.MissingToolError, VoiceUnavailable) as exc:
            result.failure, result.message = "missing-tool", str(exc)
        except KeyboardInterrupt:
            result.failure, result.message = "cancelled", "interrupted"
            raise
        except BaseException as exc:  # noqa: BLE001 - isolated: reported, the build goes on
            if isinstance(exc, FileNotFoundError) or "latex" in str(exc).lower():
                try:
                    doctor.require("latex", "standalone.cls", "dvisvgm")
                except doctor.MissingToolError as missing:
                    result.failure, result.message = "missing-tool", str(missing)
            if result.failure is None:
                result.failure = "scene"
                result.message = f"{type(exc).__name__}: {exc}"
                result.details = "".join(traceback.format_exception(exc)[-8:])
        finally:
            if result.details or result.message:
                handler.stream.write(f"\n{result.message}\n{result.details}\n")
            shutil.rmtree(media, ignore_errors=True)
    result.seconds = time.perf_counter() - started
    result.peak_rss_mb = _peak_rss_mb()
    return result
