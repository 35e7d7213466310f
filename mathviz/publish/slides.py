"""Clips and slide decks: one clip per beat of a rendered chapter, and a deck where each beat
is a slide.

A chapter's beats (the narration units, with their times in the ``.json`` sidecar) become
numbered clips, cut frame-exactly from the rendered video in one ffmpeg pass: keyframes are
forced at the beat boundaries and the segment muxer splits there, so the clips together hold
exactly the chapter's frames. The deck is built by manim-slides' converters from those clips
(reveal.js HTML, and PowerPoint on request), with the narration as speaker notes; reveal.js
itself is a pinned copy from the npm registry (:mod:`mathviz.publish.revealjs`), placed beside
the deck so it plays offline.

Layout, beside the chapter's video in the build folder::

    <build>/<profile>/<NN-level>/<stem>-clips/
        <stem>-01.mp4 … <stem>-NN.mp4      one clip per beat, in order
        clips.mp4.json                      manifest (written last: its presence = complete)
        deck.html  reveal.js/  [deck.pptx]  the slide deck (``deck-webm.html`` for webm clips…)

No manim import here.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mathviz import ffmpeg
from mathviz.course import Chapter
from mathviz.publish import revealjs
from mathviz.render.assemble import (
    output_path,
    read_sidecar,
    sidecar_path,
    stamp_path,
    to_gif,
)
from mathviz.render.profiles import Profile

if TYPE_CHECKING:  # the build imports manim-free modules only, but not needed to cut
    from manim_slides.config import PresentationConfig

    from mathviz.render.build import ChapterOutcome

__all__ = [
    "CLIP_FORMATS",
    "WEBM_DEFAULTS",
    "MP4_DEFAULTS",
    "MANIFEST_SCHEMA",
    "NotRendered",
    "ClipSpan",
    "Clip",
    "ClipSet",
    "clip_spans",
    "clips_folder",
    "clip_name",
    "count_frames",
    "load_clips",
    "cut_clips",
    "deck_title",
    "write_deck",
    "write_pptx",
    "deck_name",
    "build_deck",
    "ChapterClips",
    "make_clips",
]

CLIP_FORMATS = ("mp4", "webm", "gif")
#: libvpx-vp9 defaults for webm clips when the profile sets none: fast, constant quality
WEBM_DEFAULTS = {"deadline": "realtime", "cpu-used": "8", "row-mt": "1", "crf": "32", "b": "0"}
#: x264 defaults for mp4 clips when the profile sets none: the lecture profile's measured
#: choice (``subq`` is libavcodec's name for x264's subme)
MP4_DEFAULTS = {"preset": "veryfast", "crf": "23", "subq": "1"}
MANIFEST_SCHEMA = 2  # 2: clips carry their beat's voice


class NotRendered(LookupError):
    """The chapter has no rendered video (with this profile) to cut clips from."""


@dataclass(frozen=True)
class ClipSpan:
    """Frames ``[start_frame, end_frame)`` of the chapter video that one beat's clip holds."""

    number: int
    start_frame: int
    end_frame: int
    narration: str

    @property
    def frames(self) -> int:
        return self.end_frame - self.start_frame


@dataclass(frozen=True)
class Clip:
    """One written clip."""

    number: int
    file: str  # name inside the clips folder
    start: float  # seconds into the chapter video
    end: float
    frames: int
    narration: str


@dataclass(frozen=True)
class ClipSet:
    """A chapter's clips in one format, and where they are."""

    chapter: str
    title: str
    fmt: str
    folder: Path
    clips: list[Clip]
    width: int
    height: int
    fps: int

    @property
    def manifest(self) -> Path:
        return self.folder / f"clips.{self.fmt}.json"

    def paths(self) -> list[Path]:
        return [self.folder / c.file for c in self.clips]


def clip_spans(beats: list[dict[str, Any]], total_frames: int, fps: float) -> list[ClipSpan]:
    """Split ``total_frames`` at the beats' start times: beat *i* runs to beat *i+1*'s start.

    The first clip starts at frame 0 and the last ends at the video's end, so the clips cover
    every frame exactly once (pauses between beats stay with the beat before them). A beat
    that would start less than one frame after the previous one is merged into it.

    Parameters
    ----------
    beats
        The sidecar's beats (``start`` seconds and ``narration``), in order.
    total_frames
        Frames in the chapter video.
    fps
        The video's frame rate.
    """
    if total_frames <= 0:
        raise ValueError("the video has no frames")
    if not beats:
        return [ClipSpan(1, 0, total_frames, "")]
    starts: list[tuple[int, str]] = []
    for i, beat in enumerate(beats):
        frame = 0 if i == 0 else min(round(float(beat["start"]) * fps), total_frames)
        if starts and frame <= starts[-1][0]:
            prev_frame, prev_text = starts[-1]
            starts[-1] = (prev_frame, f"{prev_text} {beat['narration']}".strip())
            continue
        if frame >= total_frames:
            break
        starts.append((frame, beat["narration"]))
    spans = []
    for n, (frame, text) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else total_frames
        spans.append(ClipSpan(n + 1, frame, end, text))
    return spans


def clips_folder(chapter: Chapter, profile: Profile, build_root: Path) -> Path:
    """``<build>/<profile>/<NN-level>/<stem>-clips``."""
    video = output_path(chapter, profile, "mp4", build_root)
    return video.with_name(f"{chapter.output_stem}-clips")


def clip_name(chapter: Chapter, number: int, fmt: str) -> str:
    """``6.3-gradients-01.mp4``: numbered in beat order, self-describing once copied."""
    return f"{chapter.output_stem}-{number:02d}.{fmt}"


def _run(args: list[str]) -> str:
    return ffmpeg.run(args, args[0]).stdout.decode("utf-8", "replace")


def count_frames(video: Path) -> int:
    """Video frames in ``video`` (ffprobe's packet count: exact for our encodes, no decoding)."""
    out = _run(
        [
            "ffprobe",
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-count_packets",
            "-show_entries",
            "stream=nb_read_packets",
            "-of",
            "json",
            str(video),
        ]
    )
    return int(json.loads(out)["streams"][0]["nb_read_packets"])


def _source_key(video: Path, fmt: str, profile: Profile) -> str:
    """What the clips were cut from: the video's build stamp (or size and time) and settings."""
    stamp = stamp_path(video)
    origin = (
        stamp.read_text().strip()
        if stamp.is_file()
        else f"{video.stat().st_size}:{video.stat().st_mtime_ns}"
    )
    options = sorted(_encoder_options(fmt, profile).items())
    return hashlib.sha256(f"{MANIFEST_SCHEMA}|{origin}|{fmt}|{options}".encode()).hexdigest()[:16]


def _encoder_options(fmt: str, profile: Profile) -> dict[str, str]:
    if fmt == "webm":
        return profile.encoder_options("webm") or dict(WEBM_DEFAULTS)
    return profile.encoder_options("mp4") or dict(MP4_DEFAULTS)


def _split(video: Path, spans: list[ClipSpan], fmt: str, profile: Profile, work: Path) -> None:
    """Encode ``video`` once, with keyframes forced at every span start, into one file per
    span: ``work/part-000.<container>`` …"""
    cuts = [s.start_frame for s in spans[1:]]
    container = "webm" if fmt == "webm" else "mp4"
    # each clip carries its beat's voice (the segment muxer splits the audio at the cuts)
    args = ["ffmpeg", "-v", "error", "-y", "-i", str(video), "-map", "0:v:0", "-map", "0:a:0?"]
    options = _encoder_options(fmt, profile)
    if container == "webm":
        args += ["-c:a", "libopus", "-b:a", "96k", "-c:v", "libvpx-vp9"]
        for key, value in options.items():
            args += ["-b:v" if key == "b" else f"-{key}", value]
    else:
        args += [
            "-c:a",
            "aac",
            "-b:a",
            "128k",
            "-ar",
            "48000",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
        ]
        for key, value in options.items():
            args += [f"-{key}", value]
    if cuts:
        expression = "+".join(f"eq(n,{c})" for c in cuts)
        args += [
            "-force_key_frames",
            f"expr:{expression}",
            "-f",
            "segment",
            "-segment_frames",
            ",".join(map(str, cuts)),
            "-reset_timestamps",
            "1",
        ]
    else:
        args += ["-f", "segment", "-segment_time", "1000000"]
    if container == "mp4":
        args += ["-segment_format_options", "movflags=+faststart"]
    args.append(str(work / f"part-%03d.{container}"))
    _run(args)


def load_clips(folder: Path, fmt: str) -> ClipSet | None:
    """The clip set recorded in ``folder`` for ``fmt``, if its manifest and files are there."""
    manifest = folder / f"clips.{fmt}.json"
    if not manifest.is_file():
        return None
    data = json.loads(manifest.read_text(encoding="utf-8"))
    clips = [Clip(**c) for c in data["clips"]]
    if not all((folder / c.file).is_file() for c in clips):
        return None
    return ClipSet(
        data["chapter"],
        data["title"],
        fmt,
        folder,
        clips,
        data["width"],
        data["height"],
        data["fps"],
    )


def cut_clips(
    chapter: Chapter, profile: Profile, fmt: str, build_root: Path, *, force: bool = False
) -> tuple[ClipSet, bool]:
    """Cut the chapter's rendered ``profile`` video into one ``fmt`` clip per beat.

    Returns the clip set and whether anything was written (``False``: the clips were already
    cut from this very video with these settings). Files are written beside, then moved into
    place; the manifest goes last, so an interrupted run never passes for a finished one.

    Raises
    ------
    NotRendered
        When the chapter has no rendered video with this profile.
    RuntimeError
        When ffmpeg fails, or the clips do not add up to the chapter's frames.
    """
    if fmt not in CLIP_FORMATS:
        raise ValueError(f"clip format must be one of {', '.join(CLIP_FORMATS)}")
    video = output_path(chapter, profile, "mp4", build_root)
    sidecar = sidecar_path(video)
    if not (video.is_file() and sidecar.is_file()):
        raise NotRendered(
            f"{chapter.id} ({chapter.title}) is not rendered with profile "
            f"{profile.name}; run 'mathviz render {chapter.id} --profile "
            f"{profile.name}' first"
        )
    folder = clips_folder(chapter, profile, build_root)
    key = _source_key(video, fmt, profile)
    existing = load_clips(folder, fmt)
    if existing is not None and not force:
        recorded = json.loads(existing.manifest.read_text(encoding="utf-8")).get("source")
        if recorded == key:
            return existing, False
    beats = read_sidecar(video)["beats"]
    total = count_frames(video)
    spans = clip_spans(beats, total, profile.fps)
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".clips-{fmt}.partial-{os.getpid()}-", dir=folder))
    try:
        _split(video, spans, "webm" if fmt == "webm" else "mp4", profile, work)
        container = "webm" if fmt == "webm" else "mp4"
        parts = sorted(work.glob(f"part-*.{container}"))
        if len(parts) != len(spans):
            raise RuntimeError(f"ffmpeg wrote {len(parts)} clips for {len(spans)} beats")
        clips = []
        for span, part in zip(spans, parts, strict=True):
            frames = count_frames(part)
            if frames != span.frames:
                raise RuntimeError(
                    f"clip {span.number} has {frames} frames, expected "
                    f"{span.frames} (frames {span.start_frame}.."
                    f"{span.end_frame} of {video.name})"
                )
            name = clip_name(chapter, span.number, fmt)
            if fmt == "gif":
                to_gif(part, work / name, profile.fps)
            else:
                part.replace(work / name)
            clips.append(
                Clip(
                    span.number,
                    name,
                    span.start_frame / profile.fps,
                    span.end_frame / profile.fps,
                    span.frames,
                    span.narration,
                )
            )
        clip_set = ClipSet(
            chapter.id,
            chapter.title,
            fmt,
            folder,
            clips,
            profile.width,
            profile.height,
            profile.fps,
        )
        manifest = {
            "schema": MANIFEST_SCHEMA,
            "chapter": chapter.id,
            "title": chapter.title,
            "profile": profile.name,
            "format": fmt,
            "width": profile.width,
            "height": profile.height,
            "fps": profile.fps,
            "source": key,
            "video": video.name,
            "frames": total,
            "clips": [asdict(c) for c in clips],
        }
        clip_set.manifest.unlink(missing_ok=True)  # incomplete until the new one is in place
        for clip in clips:
            os.replace(work / clip.file, folder / clip.file)
        keep = {c.file for c in clips}
        for stale in folder.glob(f"{chapter.output_stem}-[0-9][0-9]*.{fmt}"):
            if stale.name not in keep:
                stale.unlink()
        (work / clip_set.manifest.name).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        os.replace(work / clip_set.manifest.name, clip_set.manifest)
        return clip_set, True
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- decks -------------------------------------------------------------------------------------


def _background() -> str:
    """The course theme's background colour (letterboxing around the slides)."""
    from mathviz import theme

    return theme.BACKGROUND.to_hex()


def _presentation(clip_set: ClipSet) -> PresentationConfig:
    from manim_slides.config import PresentationConfig, SlideConfig

    slides = [
        SlideConfig(file=path, rev_file=path, notes=html.escape(clip.narration))
        for clip, path in zip(clip_set.clips, clip_set.paths(), strict=True)
    ]
    return PresentationConfig(
        slides=slides, resolution=(clip_set.width, clip_set.height), background_color=_background()
    )


def deck_title(clip_set: ClipSet) -> str:
    return f"{clip_set.chapter} {clip_set.title} · Mathematics for Machine Learning"


def write_deck(clip_set: ClipSet, dest: Path, reveal_href: str) -> Path:
    """A reveal.js deck at ``dest``: one slide per clip (background video, narration as
    speaker notes), loading reveal.js from ``reveal_href`` (relative to ``dest``).

    ``dest`` must be in the clips' folder (the deck refers to them by name)."""
    from manim_slides.convert import RevealJS

    if dest.parent.resolve() != clip_set.folder.resolve():
        raise ValueError("the deck must be written into the clips' folder")
    converter = RevealJS(
        presentation_configs=[_presentation(clip_set)],
        assets_dir=".",
        cdn_url=reveal_href,
        reveal_version=revealjs.VERSION,
        title=deck_title(clip_set),
        controls="true",
        progress="true",
        slide_number="c/t",
        hash="true",
        respond_to_hash_changes="true",
        background_color=_background(),
    )
    tmp = dest.with_name(f".{dest.name}.tmp{os.getpid()}.html")
    try:
        converter.convert_to(tmp)
        _relative_sources(tmp)
        _accessible(tmp)
        tmp.replace(dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest


#: reveal.js's slide number is a link a few pixels tall beside the arrows: give it a 24 px
#: target (WCAG 2.5.8) in the other corner, clear of the bouncing "next" arrow
_SLIDE_NUMBER_TARGET = (
    "<style>.reveal .slide-number{left:8px;right:auto}"
    ".reveal .slide-number a{display:inline-block;min-width:24px;min-height:24px;"
    "text-align:center}</style>"
)


def _accessible(page: Path) -> None:
    """What manim-slides' page lacks for every visitor: the page's language (screen readers
    pick their voice by it), zoom (its viewport forbids pinch-zoom), and a slide-number link
    large enough to touch."""
    text = page.read_text(encoding="utf-8")
    text = text.replace("<html>", '<html lang="en">', 1)
    text = text.replace(", maximum-scale=1.0, user-scalable=no", "")
    text = text.replace("</head>", f"  {_SLIDE_NUMBER_TARGET}\n  </head>", 1)
    page.write_text(text, encoding="utf-8")


def _relative_sources(page: Path) -> None:
    """manim-slides writes ``./name``; keep that, but never an absolute path."""
    text = page.read_text(encoding="utf-8")
    folder = str(page.parent.resolve())
    if folder in text:
        page.write_text(text.replace(folder + "/", "./"), encoding="utf-8")


def write_pptx(clip_set: ClipSet, dest: Path) -> Path:
    """A PowerPoint deck: one slide per clip (the video, autoplaying), narration as notes."""
    from manim_slides.convert import PowerPoint

    tmp = dest.with_name(f".{dest.name}.tmp{os.getpid()}.pptx")
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # its progress bar
            PowerPoint(
                presentation_configs=[_presentation(clip_set)],
                width=clip_set.width,
                height=clip_set.height,
            ).convert_to(tmp)
        tmp.replace(dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def deck_name(fmt: str, suffix: str = ".html") -> str:
    """``deck.html`` for the mp4 clips, ``deck-webm.html`` / ``deck-gif.html`` for the others."""
    return f"deck{suffix}" if fmt == "mp4" else f"deck-{fmt}{suffix}"


def build_deck(clip_set: ClipSet, *, pptx: bool = False) -> list[Path]:
    """The deck (:func:`deck_name`) with its own copy of reveal.js, and the PowerPoint deck on
    request, in the clips' folder."""
    assets = revealjs.install(clip_set.folder / "reveal.js")
    folder = clip_set.folder
    written = [write_deck(clip_set, folder / deck_name(clip_set.fmt), assets.name)]
    if pptx:
        written.append(write_pptx(clip_set, folder / deck_name(clip_set.fmt, ".pptx")))
    return written


@dataclass
class ChapterClips:
    """What :func:`make_clips` did for one chapter: its clips and deck, or why there are none."""

    chapter: Chapter
    clip_set: ClipSet | None = None
    #: whether the clips were cut now (``False``: they were up to date)
    written: bool = False
    #: the deck (and .pptx) written, when asked for
    decks: list[Path] = field(default_factory=list)
    #: why the chapter has no clips (its render failed, ffmpeg failed, no reveal.js)
    error: str = ""

    @property
    def main(self) -> Path | None:
        """What to show of it: the deck, or the clips' folder."""
        if self.decks:
            return self.decks[0]
        return self.clip_set.folder if self.clip_set is not None else None


def make_clips(
    outcomes: Sequence[ChapterOutcome],
    profile: Profile,
    fmt: str,
    build_root: Path,
    *,
    deck: bool = True,
    pptx: bool = False,
    force: bool = False,
) -> list[ChapterClips]:
    """Cut the clips (and write the deck) of every chapter a build rendered or found
    unchanged; a chapter whose build failed, or whose cut fails, gets its reason instead."""
    from mathviz.publish import revealjs

    results = []
    for outcome in outcomes:
        entry = ChapterClips(outcome.chapter)
        if outcome.status == "failed":
            entry.error = outcome.message
        else:
            try:
                entry.clip_set, entry.written = cut_clips(
                    outcome.chapter, profile, fmt, build_root, force=force
                )
                entry.decks = build_deck(entry.clip_set, pptx=pptx) if deck else []
            except (NotRendered, revealjs.RevealJSUnavailable, RuntimeError) as exc:
                entry.error = str(exc)
        results.append(entry)
    return results
