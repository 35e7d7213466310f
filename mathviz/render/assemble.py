"""Joining segments into a chapter's outputs with ffmpeg (stream copy; no manim import).

Every output is written into a temporary folder beside its final place and moved into place
only when complete, captions and sidecar first and the video last, so an interrupted or
failed build never leaves a partial file where a finished one is expected.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mathviz.checkpoints import BeatRecord, SceneReport
from mathviz.course import Chapter
from mathviz.render import captions
from mathviz.render.narration import placements
from mathviz.render.profiles import Profile
from mathviz.voice.engine import Narrator


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


def stamp_path(final: Path) -> Path:
    """Where the fingerprint of a finished output is kept (hidden, beside it)."""
    return final.with_name(f".{final.name}.fingerprint")


def is_unchanged(final: Path, fingerprint: str) -> bool:
    """The output, its captions and sidecar exist and were built from ``fingerprint``."""
    stamp = stamp_path(final)
    if not (final.is_file() and stamp.is_file()):
        return False
    siblings = [final.with_suffix(ext) for ext in (".srt", ".vtt", ".json")]
    if not all(p.is_file() for p in siblings):
        return False
    return stamp.read_text().strip() == fingerprint


def scene_offsets(reports: list[SceneReport]) -> list[float]:
    """Where each scene starts on the chapter's clock (segments played back to back)."""
    offsets, offset = [], 0.0
    for report in reports:
        offsets.append(offset)
        offset += report.duration
    return offsets


def chapter_plays(reports: list[SceneReport]) -> list[list]:
    """Every play of the chapter on its clock, ``[start, end, moving, beat]``, with the beat
    numbered through the chapter as in :func:`timeline` (``None`` between beats)."""
    plays: list[list] = []
    first = 0
    for report, offset in zip(reports, scene_offsets(reports)):
        plays += [[p.start + offset, p.end + offset, p.moving,
                   None if p.beat is None else first + p.beat] for p in report.plays]
        first += len(report.beats)
    return plays


def timeline(reports: list[SceneReport]) -> list[BeatRecord]:
    """All beats of the chapter on one clock (segments played back to back)."""
    beats: list[BeatRecord] = []
    for report, offset in zip(reports, scene_offsets(reports)):
        beats += captions.shifted(report.beats, offset, len(beats))
    return beats


def poster_time(beats: list[BeatRecord], duration: float) -> float:
    """Where the poster frame is taken: the end of the last beat before the end card."""
    if len(beats) >= 2:
        return max(0.0, beats[-2].end - 0.1)
    return duration / 2


def assemble(chapter: Chapter, profile: Profile, fmt: str, out_root: Path,
             segments: list[Path], reports: list[SceneReport],
             fingerprint: str | None = None, narrator: Narrator | None = None) -> RenderOutput:
    """Join ``segments`` (in order) into the chapter's output, captions and sidecar.

    When the beats were spoken, the voice track (every sentence at its time, loudness
    normalised, AAC for mp4 and Opus for webm) is laid over the joined video; gif and png
    stay silent. The segments are not consumed. ``fingerprint``, when given, is stamped
    beside the output so an unchanged rebuild can skip it.
    """
    final = output_path(chapter, profile, fmt, out_root)
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{chapter.output_stem}.partial-{os.getpid()}-",
                                 dir=final.parent))
    try:
        container = "webm" if fmt == "webm" else "mp4"
        joined = work / f"joined.{container}"
        concat(segments, joined)
        beats = timeline(reports)
        duration = probe_duration(joined)
        produced = work / final.name
        audio: dict[str, object] | None = None
        if fmt in ("mp4", "webm") and any(s.audio for b in beats for s in b.sentences):
            audio = voice_track(beats, joined, duration, produced, container, narrator)
        elif fmt in ("mp4", "webm"):
            joined.replace(produced)
        elif fmt == "gif":
            to_gif(joined, produced, profile.fps)
        else:  # png poster
            poster_frame(joined, produced, poster_time(beats, duration))
        srt, vtt, side = (final.with_suffix(ext) for ext in (".srt", ".vtt", ".json"))
        (work / srt.name).write_text(captions.to_srt(beats), encoding="utf-8")
        (work / vtt.name).write_text(captions.to_vtt(beats), encoding="utf-8")
        sidecar = {
            "chapter": chapter.id, "title": chapter.title, "level": chapter.level.number,
            "profile": profile.name, "format": fmt, "duration": duration,
            "video": final.name, "captions": [srt.name, vtt.name],
            "segments": [r.scene for r in reports], "audio": audio,
            "beats": [b.as_json() for b in beats],
            "checkpoints": [c.as_json() for r in reports for c in r.checkpoints],
            # every play on the chapter's clock: [start, end, moving, chapter beat or None]
            "plays": chapter_plays(reports),
        }
        (work / side.name).write_text(json.dumps(sidecar, indent=2), encoding="utf-8")
        stamp = stamp_path(final)
        stamp.unlink(missing_ok=True)  # an output without a matching stamp is never "unchanged"
        for path in (srt, vtt, side, final):  # the video last: its presence means "complete"
            os.replace(work / path.name, path)
        if fingerprint is not None:
            (work / stamp.name).write_text(fingerprint)
            os.replace(work / stamp.name, stamp)
        return RenderOutput(chapter.id, final, srt, vtt, side, duration)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def voice_track(beats: list[BeatRecord], video: Path, duration: float, target: Path,
                container: str, narrator: Narrator | None) -> dict[str, object]:
    """Mux the spoken sentences of ``beats`` over ``video`` into ``target``; the track's
    loudness figures (for the sidecar).

    A sentence whose speech is no longer cached is synthesised again (``narrator``).
    """
    from mathviz.voice import track  # numpy/scipy: not needed to plan a build

    placed = placements(beats, narrator)
    work = target.parent
    encoded = work / ("voice.webm" if container == "webm" else "voice.m4a")
    samples = track.mix(placed, duration)
    loudness = track.normalise_and_encode(samples, 48000, encoded,
                                          "opus" if container == "webm" else "aac")
    track.mux(video, encoded, target)
    return {"codec": "opus" if container == "webm" else "aac", "sample_rate": 48000,
            "sentences": len(placed), "integrated_lufs": round(loudness.integrated_lufs, 2),
            "true_peak_dbtp": round(loudness.true_peak_dbtp, 2),
            "voice": next(s.audio for b in beats for s in b.sentences if s.audio).split("/")[0]}


def _ffmpeg(*args: str) -> None:
    result = subprocess.run(["ffmpeg", "-v", "error", "-y", *args], capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"ffmpeg {' '.join(args)} failed: {result.stderr.strip()[-800:]}")


def concat(segments: list[Path], target: Path) -> None:
    """Join video segments without re-encoding (one segment is simply copied)."""
    if len(segments) == 1:
        try:
            os.link(segments[0], target)  # same bytes, no copy (the cache keeps its name)
        except OSError:
            shutil.copyfile(segments[0], target)
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
