"""Level lectures: a level's chapters joined into one video without re-encoding, with chapter
markers in the file, merged captions and a YouTube-style chapter list."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mathviz import ffmpeg
from mathviz.checkpoints import BeatRecord
from mathviz.course import CHAPTERS, Level
from mathviz.render import captions
from mathviz.render.assemble import output_path, probe_duration, read_sidecar, sidecar_path
from mathviz.render.profiles import Profile

__all__ = [
    "NothingToJoin",
    "LevelLecture",
    "youtube_stamp",
    "ffmetadata",
    "level_lecture",
]


class NothingToJoin(LookupError):
    """No chapter of the level has a rendered video in the build folder."""


@dataclass(frozen=True)
class LevelLecture:
    video: Path
    captions_vtt: Path
    captions_srt: Path
    chapter_list: Path
    chapters: list[tuple[float, str]]  # (start seconds, "id title")
    duration: float


def youtube_stamp(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) as YouTube's chapter lists want it."""
    total = int(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def ffmetadata(chapters: list[tuple[float, float, str]]) -> str:
    """An FFMETADATA1 document with one ``[CHAPTER]`` per ``(start, end, title)`` (ms base)."""
    lines = [";FFMETADATA1"]
    for start, end, title in chapters:
        escaped = "".join("\\" + ch if ch in "=;#\\\n" else ch for ch in title)
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={round(start * 1000)}",
            f"END={round(end * 1000)}",
            f"title={escaped}",
        ]
    return "\n".join(lines) + "\n"


def level_lecture(
    level: Level,
    profile: Profile,
    build_root: Path,
    *,
    chapter_ids: set[str] | None = None,
    out_folder: Path | None = None,
) -> LevelLecture:
    """Join the level's rendered chapters (in course order) into ``<build>/<profile>/<level>/``.

    ``chapter_ids`` restricts the join to those chapters (the site joins only what it
    publishes); ``out_folder`` writes the lecture there instead of beside the chapters.

    Raises
    ------
    NothingToJoin
        When none of the level's chapters has been rendered with this profile.
    """
    parts = []
    for chapter in CHAPTERS:
        if chapter.level.number != level.number:
            continue
        if chapter_ids is not None and chapter.id not in chapter_ids:
            continue
        video = output_path(chapter, profile, "mp4", build_root)
        if video.is_file() and sidecar_path(video).is_file():
            parts.append((chapter, video))
    if not parts:
        raise NothingToJoin(
            f"no chapter of level {level.number} ({level.title}) is rendered "
            f"with profile {profile.name}; run 'mathviz render {level.number} "
            f"--profile {profile.name}' first"
        )
    folder = out_folder if out_folder is not None else build_root / profile.name / level.folder
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"level-{level.folder}"
    final = folder / f"{stem}.mp4"
    work = Path(tempfile.mkdtemp(prefix=f".{stem}.partial-{os.getpid()}-", dir=folder))
    try:
        beats: list[BeatRecord] = []
        marks: list[tuple[float, float, str]] = []
        offset = 0.0
        for chapter, video in parts:
            sidecar = read_sidecar(video)
            duration = probe_duration(video)
            chapter_beats = [BeatRecord.from_json(b) for b in sidecar["beats"]]
            beats += captions.shifted(chapter_beats, offset, len(beats))
            marks.append((offset, offset + duration, f"{chapter.id} {chapter.title}"))
            offset += duration
        listing = work / "parts.txt"
        listing.write_text("".join(f"file '{v.resolve()}'\n" for _, v in parts))
        meta = work / "chapters.ffmeta"
        meta.write_text(ffmetadata(marks), encoding="utf-8")
        joined = work / final.name
        ffmpeg.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-f",
                "concat",
                "-safe",
                "0",
                "-i",
                str(listing),
                "-i",
                str(meta),
                "-map",
                "0",
                "-map_metadata",
                "1",
                "-map_chapters",
                "1",
                "-c",
                "copy",
                "-movflags",
                "+faststart",
                str(joined),
            ],
            f"joining level {level.number}",
        )
        outputs = {
            final.with_suffix(".vtt"): captions.to_vtt(beats),
            final.with_suffix(".srt"): captions.to_srt(beats),
            folder / f"{stem}.chapters.txt": "".join(
                f"{youtube_stamp(start)} {title}\n" for start, _, title in marks
            ),
        }
        for path, text in outputs.items():
            (work / path.name).write_text(text, encoding="utf-8")
        for path in [*outputs, final]:  # the video last
            os.replace(work / path.name, path)
        return LevelLecture(
            final,
            final.with_suffix(".vtt"),
            final.with_suffix(".srt"),
            folder / f"{stem}.chapters.txt",
            [(start, title) for start, _, title in marks],
            probe_duration(final),
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
