"""Run one chapter's scenes in this process: quickly for checks (no frames drawn), fully for
videos. Whole-course builds with caching and parallel workers live in :mod:`mathviz.render.build`.

Every output is written into a temporary folder beside its final place and moved into place
only when complete, so an interrupted or failed render never leaves a partial file where a
finished one is expected.
"""

from __future__ import annotations

import hashlib
import math
import os
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from mathviz import doctor, state
from mathviz.checkpoints import CheckpointResult, SceneReport, describe_failures
from mathviz.course import SCENES_ENV, Chapter, load_scenes
from mathviz.render import texstore
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
from mathviz.render.narration import (
    chapter_narrator,
    chapter_sentences,
    record_lengths,
    voice_cache_dir,
)
from mathviz.render.profiles import Profile
from mathviz.render.segments import SegmentJob, SegmentResult, container_for, log_path
from mathviz.render.worker import latex_failure, manim_config, render_segment
from mathviz.voice.engine import VoiceSettings, speaking

if TYPE_CHECKING:
    from mathviz.render.cluster import Cluster

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
        if skip:
            from mathviz.render.camera import scene_camera
            from mathviz.render.play_range import UndrawnRenderer

            renderer = UndrawnRenderer(scene_camera(scene_cls))
            scene = scene_cls(renderer=renderer, skip_animations=True)
        else:
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

    ``voice`` (default: the bundled voice) times the beats by its speech: the length of its
    cached audio or, without it, the one in the chapter's speech ledger; only what neither
    knows is synthesised (and recorded in the ledger). ``VoiceSettings("none")`` times the
    beats by reading speed. The formulas the scenes typeset are written into the chapter's
    formula ledger (:func:`mathviz.render.texstore.record_formulas`).
    """
    from mathviz.primitives.readout import forget_glyphs  # manim: only when checking

    doctor.require("latex", "standalone.cls", "dvisvgm")
    reports = []
    scenes = load_scenes(chapter)
    narrator = chapter_narrator(chapter, voice or VoiceSettings(), audio=False)
    with (
        tempfile.TemporaryDirectory(prefix="mathviz-check-") as media,
        manim_config(None, Path(media), "none"),
        speaking(narrator),
        texstore.recording() as formulas,
    ):
        forget_glyphs()  # typeset here what this chapter shows, not found from the last one
        for scene_cls in scenes:
            report, _ = run_scene(chapter, scene_cls, skip=True)
            reports.append(report)
    texstore.record_formulas(chapter, formulas.values())
    if narrator.speaks:
        # the ledger holds exactly what the chapter speaks, narration built at run time too
        spoken = chapter_sentences(chapter)
        spoken += [s.text for r in reports for b in r.beats for s in b.sentences]
        record_lengths(chapter, narrator, spoken, complete=True)
    return reports


#: what a check runs besides the chapter's own imports (those are in its fingerprints)
CHECK_ENGINE = (
    "render/runner.py",
    "render/worker.py",
    "render/copies.py",
    "render/fastpaths.py",
    "render/svgstore.py",
    "render/narration.py",
    "render/texstore.py",
    "render/play_range.py",
    "render/camera.py",
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
    started = time.perf_counter()
    reports = check_chapter(chapter, voice)
    state.store_reports(chapter, key, reports, seconds=time.perf_counter() - started)
    return reports, False


@dataclass
class CheckOutcome:
    """How one chapter's check ended: its reports (``reused`` from the last check or run
    now), or why there are none: a scene that raised (``error``, ``details``) or a tool or
    voice that is missing (``missing``, the message naming the fix)."""

    chapter: Chapter
    reports: list[SceneReport] | None = None
    reused: bool = False
    error: str = ""
    details: str = ""
    missing: str = ""


def _check_one(chapter: Chapter, voice: VoiceSettings, reuse: bool) -> CheckOutcome:
    """One chapter's check as plain data (runs in a pool worker: nothing raised crosses)."""
    from mathviz.voice.engine import VoiceError, VoiceUnavailable

    try:
        reports, reused = checked_reports(chapter, voice, reuse=reuse)
    except (doctor.MissingToolError, VoiceUnavailable) as exc:
        return CheckOutcome(chapter, missing=str(exc))
    except (SceneError, VoiceError) as exc:
        return CheckOutcome(chapter, error=str(exc), details=getattr(exc, "details", ""))
    return CheckOutcome(chapter, reports, reused)


def _init_checker(alive: Any, environ: dict[str, str]) -> None:  # pragma: no cover - worker
    from mathviz.render import worker

    worker.init_checker(alive, environ)


def _check_remotely(
    chapter: Chapter, voice: VoiceSettings, scenes_folder: str
) -> tuple[CheckOutcome, float]:  # pragma: no cover - runs on a Dask worker
    """One chapter's check on a cluster's worker, and how many seconds it took."""
    from mathviz.render.cluster import one_at_a_time

    if scenes_folder:
        os.environ[SCENES_ENV] = scenes_folder
    with one_at_a_time():
        started = time.perf_counter()
        outcome = _check_one(chapter, voice, reuse=False)
    return outcome, time.perf_counter() - started


def _check_on_cluster(
    cluster: Cluster, chapters: list[Chapter], voice: VoiceSettings
) -> dict[str, CheckOutcome]:
    """Check ``chapters`` on the cluster's workers (longest first), remembering each result
    here as a local check would."""
    from mathviz.render.cluster import verify

    verify(cluster, chapters)
    folder = os.environ.get(SCENES_ENV, "")
    tag = os.urandom(4).hex()
    futures = {
        c.id: cluster.client.submit(
            _check_remotely, c, voice, folder, pure=False, key=f"mathviz check {c.id} {tag}"
        )
        for c in chapters
    }
    outcomes = {}
    for chapter in chapters:
        try:
            outcome, seconds = futures[chapter.id].result()
        except Exception as exc:  # noqa: BLE001 - the worker died, the scheduler went away
            outcome = CheckOutcome(
                chapter,
                error=f"the check did not finish on the cluster ({type(exc).__name__}: {exc})",
            )
        else:
            if outcome.reports is not None:
                key = check_key(chapter, voice)
                state.store_reports(chapter, key, outcome.reports, seconds=seconds)
        outcomes[chapter.id] = outcome
    return outcomes


def check_chapters(
    chapters: list[Chapter],
    voice: VoiceSettings | None = None,
    *,
    reuse: bool = True,
    jobs: int = 1,
    cluster: Cluster | None = None,
) -> list[CheckOutcome]:
    """Check every chapter, in order: results that still hold are reused at once; the rest
    run in ``jobs`` worker processes (forked from one that imported manim) when more than one
    must run, or on the workers of a Dask ``cluster`` (:func:`mathviz.render.cluster.connect`).
    """
    from concurrent.futures import ProcessPoolExecutor

    voice = voice or VoiceSettings()
    outcomes: dict[str, CheckOutcome] = {}
    to_run = []
    for chapter in chapters:
        cached = state.cached_reports(chapter, check_key(chapter, voice)) if reuse else None
        if cached is not None:
            outcomes[chapter.id] = CheckOutcome(chapter, cached, reused=True)
        else:
            to_run.append(chapter)
    workers = min(jobs, len(to_run))
    # longest first (by each chapter's last check; never checked: first of all), so that no
    # worker starts a long chapter while the other is finishing
    to_run.sort(key=lambda c: -(state.check_seconds(c) or math.inf))
    if to_run:  # what the ledgers list, many formulas per LaTeX run, before any scene asks
        texstore.prefetch(to_run, jobs=max(1, jobs))
    if cluster is not None and to_run:
        outcomes.update(_check_on_cluster(cluster, to_run, voice))
    elif workers <= 1:
        for chapter in to_run:
            outcomes[chapter.id] = _check_one(chapter, voice, reuse=False)
    else:
        # each worker synthesises its chapter's missing speech itself (one Piper process per
        # chapter, one core each): speech is made in parallel, overlapping other checks
        from mathviz.render import worker

        context = worker.pool_context()
        alive, keep_alive = worker.lifeline(context)
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_checker,
            initargs=(alive, dict(os.environ)),
        )
        finished = False
        try:
            futures = {c.id: pool.submit(_check_one, c, voice, False) for c in to_run}
            for chapter_id, future in futures.items():
                outcomes[chapter_id] = future.result()
            finished = True
        except BaseException:
            from mathviz.render.build import _kill_workers

            _kill_workers(pool)
            raise
        finally:
            # idle workers leave at once; the pool's queues are released with them
            pool.shutdown(wait=finished, cancel_futures=True)
            keep_alive.close()
            alive.close()
    return [outcomes[c.id] for c in chapters]


def shown_values(chapter: Chapter) -> dict[str, object]:
    """``{checkpoint name: value shown}`` for a chapter, through the same path as ``mathviz check``."""
    return {c.name: c.shown for r in check_chapter(chapter) for c in r.checkpoints}


def raise_for(chapter: Chapter, result: SegmentResult) -> NoReturn:
    """Turn a failed segment result into the exception a caller of one chapter expects."""
    if result.failure == "missing-tool":
        doctor.require("ffmpeg", "ffprobe", "latex", "standalone.cls", "dvisvgm")
        raise RuntimeError(result.message)
    if result.failure == "checkpoints" and result.report is not None:
        raise CheckpointFailure(chapter, result.report.failures)
    raise SceneError(chapter, result.job.scene, result.message, result.details)


def _only(scene_cls: type) -> Callable[[Chapter], list[type]]:
    """A scene loader that gives ``scene_cls`` alone."""
    return lambda _chapter: [scene_cls]


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
            result = render_segment(job, load=_only(scene_cls))
            if not result.ok:
                raise_for(chapter, result)
            assert result.report is not None  # a segment that rendered carries its report
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
