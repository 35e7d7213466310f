"""Run chapter scenes: quickly for checks (no frames drawn), fully for videos.

Every output is written into a temporary folder beside its final place and moved into place
only when complete, so an interrupted or failed render never leaves a partial file where a
finished one is expected.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from mathviz import doctor
from mathviz.checkpoints import BeatRecord, CheckpointResult, SceneReport, describe_failures
from mathviz.course import PROJECT_ROOT, Chapter, load_scenes
from mathviz.render import captions
from mathviz.render.profiles import Profile

#: shared cache of compiled LaTeX (safe to delete)
CACHE_DIR = PROJECT_ROOT / "build" / ".cache"
FRAME_HEIGHT = 8.0


class SceneError(RuntimeError):
    """A chapter's scene raised; names the chapter and scene and keeps the traceback."""

    def __init__(self, chapter: Chapter, scene: str, exc: BaseException) -> None:
        self.chapter, self.scene, self.original = chapter, scene, exc
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-6:])
        self.details = tb
        super().__init__(f"chapter {chapter.id} ({chapter.title}), scene {scene} failed: "
                         f"{type(exc).__name__}: {exc}")


class CheckpointFailure(RuntimeError):
    """A render refused because what the scene shows does not match the maths."""

    def __init__(self, chapter: Chapter, failures: list[CheckpointResult]) -> None:
        self.chapter, self.failures = chapter, failures
        super().__init__(f"chapter {chapter.id} not rendered: {len(failures)} checkpoint(s) "
                         f"failed\n{describe_failures(failures)}")


@dataclass(frozen=True)
class RenderOutput:
    """Files a chapter render wrote, and the lecture's length."""

    chapter: str
    video: Path
    captions_srt: Path
    captions_vtt: Path
    sidecar: Path
    duration: float


def output_path(chapter: Chapter, profile: Profile, fmt: str, out_root: Path) -> Path:
    """``<out>/<profile>/<NN-level>/<id>-<slug>.<fmt>``, e.g. ``build/lecture/06-calculus/6.3-gradients.mp4``."""
    return out_root / profile.name / chapter.level.folder / f"{chapter.output_stem}.{fmt}"


@contextmanager
def manim_config(profile: Profile | None, media_dir: Path, fmt: str) -> Iterator[None]:
    """Manim's global config set for one run (restored afterwards)."""
    from manim import tempconfig

    width, height, fps = (854, 480, 15) if profile is None else (profile.width, profile.height,
                                                                 profile.fps)
    settings = {
        "pixel_width": width,
        "pixel_height": height,
        "frame_rate": fps,
        "frame_height": FRAME_HEIGHT,
        "frame_width": FRAME_HEIGHT * width / height,
        "format": fmt,
        "media_dir": str(media_dir),
        "tex_dir": str(CACHE_DIR / "Tex"),
        "text_dir": str(CACHE_DIR / "texts"),
        "progress_bar": "none",
        "verbosity": "ERROR",
        "disable_caching": True,
    }
    logging.getLogger("manim").setLevel(logging.ERROR)
    with tempconfig(settings):
        yield


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
        raise SceneError(chapter, scene_cls.__name__, exc) from exc
    return scene.report, scene


def _is_latex_missing(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return isinstance(exc, FileNotFoundError) or "latex" in text or "dvisvgm" in text


def check_chapter(chapter: Chapter) -> list[SceneReport]:
    """Run every scene of the chapter without drawing frames; return their reports."""
    doctor.require("latex", "standalone.cls", "dvisvgm")
    reports = []
    scenes = load_scenes(chapter)
    with tempfile.TemporaryDirectory(prefix="mathviz-check-") as media, \
            manim_config(None, Path(media), "none"):
        for scene_cls in scenes:
            report, _ = run_scene(chapter, scene_cls, skip=True)
            reports.append(report)
    return reports


def shown_values(chapter: Chapter) -> dict[str, object]:
    """``{checkpoint name: value shown}`` for a chapter, through the same path as ``mathviz check``."""
    return {c.name: c.shown for r in check_chapter(chapter) for c in r.checkpoints}


def render_chapter(chapter: Chapter, profile: Profile, fmt: str, out_root: Path) -> RenderOutput:
    """Check, then render the chapter to ``output_path(...)`` with captions and a sidecar.

    Raises
    ------
    CheckpointFailure
        When any checkpoint (maths or layout) fails; nothing is written.
    SceneError
        When a scene raises; nothing is written.
    """
    doctor.require("ffmpeg", "ffprobe", "latex", "standalone.cls", "dvisvgm")
    checked = check_chapter(chapter)
    failures = [c for r in checked for c in r.failures]
    if failures:
        raise CheckpointFailure(chapter, failures)

    final = output_path(chapter, profile, fmt, out_root)
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{chapter.output_stem}.partial-", dir=final.parent))
    try:
        video_fmt = "webm" if fmt == "webm" else "mp4"
        segments: list[Path] = []
        reports: list[SceneReport] = []
        with manim_config(profile, work / "media", video_fmt):
            for scene_cls in load_scenes(chapter):
                report, scene = run_scene(chapter, scene_cls, skip=False)
                if report.failures:
                    raise CheckpointFailure(chapter, report.failures)
                segments.append(Path(scene.renderer.file_writer.movie_file_path))
                reports.append(report)
        joined = work / f"joined.{video_fmt}"
        concat(segments, joined)
        beats = _timeline(reports)
        duration = probe_duration(joined)
        produced = work / final.name
        if fmt in ("mp4", "webm"):
            joined.replace(produced)
        elif fmt == "gif":
            to_gif(joined, produced, profile.fps)
        else:  # png poster
            poster_frame(joined, produced, poster_time(beats, duration))
        srt, vtt, side = (final.parent / f"{chapter.output_stem}.{ext}"
                          for ext in ("srt", "vtt", "json"))
        (work / srt.name).write_text(captions.to_srt(beats), encoding="utf-8")
        (work / vtt.name).write_text(captions.to_vtt(beats), encoding="utf-8")
        sidecar = {
            "chapter": chapter.id, "title": chapter.title, "level": chapter.level.number,
            "profile": profile.name, "format": fmt, "duration": duration,
            "video": final.name, "captions": [srt.name, vtt.name],
            "beats": [asdict(b) for b in beats],
            "checkpoints": [c.as_json() for r in reports for c in r.checkpoints],
        }
        (work / side.name).write_text(json.dumps(sidecar, indent=2), encoding="utf-8")
        for path in (srt, vtt, side, final):  # the video last: its presence means "complete"
            os.replace(work / path.name, path)
        return RenderOutput(chapter.id, final, srt, vtt, side, duration)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _timeline(reports: list[SceneReport]) -> list[BeatRecord]:
    beats: list[BeatRecord] = []
    offset = 0.0
    for report in reports:
        beats += captions.shifted(report.beats, offset, len(beats))
        offset += report.duration
    return beats


def poster_time(beats: list[BeatRecord], duration: float) -> float:
    """Where the poster frame is taken: the end of the last beat before the end card."""
    if len(beats) >= 2:
        return max(0.0, beats[-2].end - 0.1)
    return duration / 2


def _ffmpeg(*args: str) -> None:
    result = subprocess.run(["ffmpeg", "-v", "error", "-y", *args], capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"ffmpeg {' '.join(args)} failed: {result.stderr.strip()[-800:]}")


def concat(segments: list[Path], target: Path) -> None:
    """Join video segments without re-encoding (one segment is simply moved)."""
    if len(segments) == 1:
        shutil.move(segments[0], target)
        return
    listing = target.with_suffix(".txt")
    listing.write_text("".join(f"file '{s.resolve()}'\n" for s in segments))
    _ffmpeg("-f", "concat", "-safe", "0", "-i", str(listing), "-c", "copy", str(target))


def to_gif(video: Path, target: Path, fps: int) -> None:
    """A palette-optimised GIF of the video at no more than 15 fps."""
    rate = min(fps, 15)
    _ffmpeg("-i", str(video), "-vf",
            f"fps={rate},split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse",
            str(target))


def poster_frame(video: Path, target: Path, at: float) -> None:
    """One PNG frame of the video at ``at`` seconds."""
    _ffmpeg("-ss", f"{at:.3f}", "-i", str(video), "-frames:v", "1", str(target))


def probe_duration(video: Path) -> float:
    """Container duration in seconds, from ffprobe."""
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(video)],
        capture_output=True, text=True, check=True)
    return float(json.loads(result.stdout)["format"]["duration"])
