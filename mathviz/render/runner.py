"""Run one chapter's scenes in this process: quickly for checks (no frames drawn), fully for
videos. Whole-course builds with caching and parallel workers live in :mod:`mathviz.render.build`.

Every output is written into a temporary folder beside its final place and moved into place
only when complete, so an interrupted or failed render never leaves a partial file where a
finished one is expected.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import traceback
from pathlib import Path

from mathviz import doctor, state
from mathviz.checkpoints import CheckpointResult, SceneReport, describe_failures
from mathviz.course import Chapter, load_scenes
from mathviz.render.assemble import (  # noqa: F401 - the public names of a render
    RenderOutput,
    assemble,
    concat,
    output_path,
    poster_frame,
    poster_time,
    probe_duration,
    to_gif,
)
from mathviz.render.narration import chapter_narrator, voice_cache_dir
from mathviz.render.profiles import Profile
from mathviz.render.segments import SegmentJob, SegmentResult, container_for, log_path
from mathviz.render.worker import latex_failure, manim_config, render_segment
from mathviz.voice.engine import VoiceSettings, speaking

__all__ = [
    "SceneError",
    "CheckpointFailure",
    "run_scene",
    "check_chapter",
    "CHECK_ENGINE",
    "check_key",
    "checked_reports",
    "shown_values",
    "raise_for",
    "render_chapter",
]


class SceneError(RuntimeError):
    """A chapter's scene raised; names the chapter and scene and keeps the traceback."""

    def __init__(
        self, chapter: Chapter, scene: str, exc: BaseException | str, details: str = ""
    ) -> None:
        self.chapter, self.scene = chapter, scene
        if isinstance(exc, BaseException):
            self.original = exc
            details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-6:])
            exc = f"{type(exc).__name__}: {exc}"
        self.details = details
        super().__init__(f"chapter {chapter.id} ({chapter.title}), scene {scene} failed: {exc}")


class CheckpointFailure(RuntimeError):
    """A render refused because what the scene shows does not match the maths."""

    def __init__(self, chapter: Chapter, failures: list[CheckpointResult]) -> None:
        self.chapter, self.failures = chapter, failures
        super().__init__(
            f"chapter {chapter.id} not rendered: {len(failures)} checkpoint(s) "
            f"failed\n{describe_failures(failures)}"
        )


def run_scene(chapter: Chapter, scene_cls: type, *, skip: bool) -> tuple[SceneReport, object]:
    """Run one scene class under the current config; wrap any error in :class:`SceneError`."""
    try:
        scene = scene_cls(skip_animations=skip)
        scene.render()
    except (doctor.MissingToolError, KeyboardInterrupt):
        raise
    except BaseException as exc:  # noqa: BLE001 - reported with chapter and scene
        if _is_latex_missing(exc):
            doctor.require("latex", "standalone.cls", "dvisvgm")
        formula = latex_failure(exc)
        if formula is not None:
            raise SceneError(chapter, scene_cls.__name__, formula) from exc
        raise SceneError(chapter, scene_cls.__name__, exc) from exc
    return scene.report, scene


def _is_latex_missing(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return isinstance(exc, FileNotFoundError) or "latex" in text or "dvisvgm" in text


def check_chapter(chapter: Chapter, voice: VoiceSettings | None = None) -> list[SceneReport]:
    """Run every scene of the chapter without drawing frames; return their reports.

    ``voice`` (default: the bundled voice) times the beats by its speech, synthesised first
    for whatever is not cached yet; ``VoiceSettings("none")`` times them by reading speed.
    """
    doctor.require("latex", "standalone.cls", "dvisvgm")
    reports = []
    scenes = load_scenes(chapter)
    narrator = chapter_narrator(chapter, voice or VoiceSettings())
    with (
        tempfile.TemporaryDirectory(prefix="mathviz-check-") as media,
        manim_config(None, Path(media), "none"),
        speaking(narrator),
    ):
        for scene_cls in scenes:
            report, _ = run_scene(chapter, scene_cls, skip=True)
            reports.append(report)
    return reports


#: what a check runs besides the chapter's own imports (those are in its fingerprints)
CHECK_ENGINE = (
    "render/runner.py",
    "render/worker.py",
    "render/narration.py",
    "voice/*.py",
    "voice/*.toml",
)


def check_key(chapter: Chapter, voice: VoiceSettings) -> str:
    """Everything a chapter's check depends on: the fingerprint of each scene (its source, the
    modules it imports, manim's and Python's versions), the voice with its lexicon, and the
    code that runs the check. Equal keys give equal reports."""
    from mathviz.render import fingerprint

    narrator = voice.narrator(voice_cache_dir())
    digest = hashlib.sha256(f"check;voice={narrator.identity}".encode())
    for key in fingerprint.segment_fingerprints(chapter, "check"):
        digest.update(f";{key.scene}={key.fingerprint}".encode())
    library = Path(__file__).resolve().parents[1]
    for pattern in CHECK_ENGINE:
        for path in sorted(library.glob(pattern)):
            digest.update(f";{path.name}=".encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def checked_reports(
    chapter: Chapter, voice: VoiceSettings | None = None, *, reuse: bool = True
) -> tuple[list[SceneReport], bool]:
    """The chapter's scene reports and whether they were reused: those of its last check
    when nothing it depends on changed (:func:`check_key`), else a fresh
    :func:`check_chapter`, remembered for next time. ``reuse=False`` always runs it."""
    voice = voice or VoiceSettings()
    key = check_key(chapter, voice)
    if reuse:
        cached = state.cached_reports(chapter, key)
        if cached is not None:
            return cached, True
    reports = check_chapter(chapter, voice)
    state.store_reports(chapter, key, reports)
    return reports, False


def shown_values(chapter: Chapter) -> dict[str, object]:
    """``{checkpoint name: value shown}`` for a chapter, through the same path as ``mathviz check``."""
    return {c.name: c.shown for r in check_chapter(chapter) for c in r.checkpoints}


def raise_for(chapter: Chapter, result: SegmentResult) -> None:
    """Turn a failed segment result into the exception a caller of one chapter expects."""
    if result.failure == "missing-tool":
        doctor.require("ffmpeg", "ffprobe", "latex", "standalone.cls", "dvisvgm")
        raise RuntimeError(result.message)
    if result.failure == "checkpoints" and result.report is not None:
        raise CheckpointFailure(chapter, result.report.failures)
    raise SceneError(chapter, result.job.scene, result.message, result.details)


def render_chapter(chapter: Chapter, profile: Profile, fmt: str, out_root: Path) -> RenderOutput:
    """Render every scene of the chapter in this process, then join them into its output.

    No cache is used or written: this is the plain, always-fresh path (the build uses the
    cache). A scene's report is checked as it finishes; any failure stops the render.

    Raises
    ------
    CheckpointFailure
        When any checkpoint (maths or layout) fails; nothing is written.
    SceneError
        When a scene raises; nothing is written.
    """
    doctor.require("ffmpeg", "ffprobe", "latex", "standalone.cls", "dvisvgm")
    container = container_for(fmt)
    final = output_path(chapter, profile, fmt, out_root)
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(
        tempfile.mkdtemp(prefix=f".{chapter.output_stem}.partial-{os.getpid()}-", dir=final.parent)
    )
    try:
        segments: list[Path] = []
        reports: list[SceneReport] = []
        for index, scene_cls in enumerate(load_scenes(chapter)):
            name = scene_cls.__name__
            job = SegmentJob(
                chapter.id,
                name,
                "uncached",
                profile,
                container,
                work / f"{index:02d}-{name}.{container}",
                work / f"{index:02d}-{name}.json",
                log_path(chapter, profile, name),
            )
            result = render_segment(job, load=lambda _c, cls=scene_cls: [cls])
            if not result.ok:
                raise_for(chapter, result)
            segments.append(job.video)
            reports.append(result.report)
        return assemble(
            chapter,
            profile,
            fmt,
            out_root,
            segments,
            reports,
            narrator=profile.voice.narrator(voice_cache_dir()),
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
