"""Storyboards: a chapter on one page, for review before publishing.

A storyboard shows the frame on screen at the end of every beat (and, on request, in the
middle of every animation that moves for at least :data:`MID_SECONDS`), each with its beat,
its time and its narration; a beat with failed checkpoints is framed in red with their names.
Two forms, in ``<out>/<chapter id>/``::

    storyboard.png      a contact sheet (Pillow): thumbnails THUMB_WIDTH px wide, 3–4 columns
    storyboard.html     the same, self-contained (no network): full-size frames, text narration
    frames/             the frames the page shows, one PNG each

Frames come from the rendered chapter video (times on the chapter's clock: each scene starts
where the previous ones end, :func:`mathviz.render.assemble.scene_offsets`, as for the
captions). A chapter whose checkpoints failed has no chapter video; its frames come from its
segments, the failing ones kept for review by the build (``keep_failed``). All frames of one
video are taken in a single ffmpeg pass with a ``select`` filter on their frame numbers.
Measured on a preview chapter (86 s, 854×480 at 15 fps): about 1 s for 15 or for 40 frames,
against 6 s and 16 s for one ``ffmpeg -ss T -i video -frames:v 1`` per frame (ffmpeg's
start-up dominates); on 60 s of 1080p60 the single pass was as fast for 15 frames and faster
for 40 (12 s against 19 s).

Files are written into a temporary folder beside their place and moved in with
``os.replace`` (frames, then the sheet, then the page), so an interrupted run never leaves a
half-written file. No manim import here.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from mathviz import ffmpeg
from mathviz.checkpoints import BeatRecord, PlayRecord, SceneReport
from mathviz.course import Chapter
from mathviz.render.assemble import output_path, read_sidecar, scene_offsets
from mathviz.render.build import plan_build
from mathviz.render.profiles import Profile
from mathviz.render.segments import (
    DamagedSegment,
    failed_paths,
    load_report,
    stale_temporaries,
)

__all__ = [
    "MID_SECONDS",
    "THUMB_WIDTH",
    "MARGIN",
    "GAP",
    "BORDER",
    "CAPTION_PAD",
    "FONT_SIZE",
    "LINE_HEIGHT",
    "TITLE_SIZE",
    "TITLE_HEIGHT",
    "BACKGROUND",
    "TEXT",
    "MUTED",
    "FAILED",
    "FRAME",
    "FONT",
    "BOLD_FONT",
    "StoryboardError",
    "Frame",
    "clock",
    "spoken_at",
    "select_frames",
    "unplaced_failures",
    "frame_number",
    "Cell",
    "wrap",
    "columns_for",
    "contact_sheet",
    "page",
    "Sources",
    "chapter_sources",
    "FRAMES_PER_PASS",
    "extract_frames",
    "StoryboardResult",
    "storyboard_folder",
    "write_storyboard",
]

#: an animation moving at least this long (s) gets a mid-animation frame with ``mid=True``
MID_SECONDS = 0.5
#: thumbnail width on the contact sheet (px); the height follows the video's aspect
THUMB_WIDTH = 480
MARGIN = 24  # around the sheet (px)
GAP = 24  # between cells, across and down (px)
BORDER = 5  # the frame around a thumbnail, outside it: red for a failing beat (px)
CAPTION_PAD = 10  # between a thumbnail and its caption (px)
FONT_SIZE = 15
LINE_HEIGHT = 20  # one caption line (px)
TITLE_SIZE = 22
TITLE_HEIGHT = 40  # the sheet's title line, with the space under it (px)
BACKGROUND = (16, 19, 24)  # the course site's palette
TEXT = (236, 239, 244)
MUTED = (163, 173, 186)
FAILED = (235, 64, 64)
FRAME = (36, 44, 56)  # the frame around a thumbnail of a beat that passed
FONT = "DejaVuSans.ttf"
BOLD_FONT = "DejaVuSans-Bold.ttf"


class StoryboardError(RuntimeError):
    """A storyboard could not be made (no video or report to take it from, ffmpeg failed)."""


# --- which frames ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """One picture of the storyboard and what is said when it is on screen."""

    #: seconds on the chapter's clock
    time: float
    #: index of the scene (segment) in the chapter, and seconds on that scene's clock
    scene: int
    scene_time: float
    #: ``end`` (the last frame of a beat) or ``mid`` (the middle of a moving animation)
    kind: str
    #: the beat's index in the chapter (as in the sidecar and the captions), None between beats
    beat: int | None
    #: the beat's index in its scene (as in checkpoint names such as ``layout@beat3``)
    scene_beat: int | None
    #: the beat's narration (``end``), or the sentence being spoken (``mid``)
    narration: str
    #: names of the beat's failed checkpoints
    failed: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """``beat 3 · 00:41.3`` (``beat 3 · mid · 00:37.0``; ``between beats · …``)."""
        where = "between beats" if self.beat is None else f"beat {self.beat}"
        kind = " · mid" if self.kind == "mid" else ""
        return f"{where}{kind} · {clock(self.time)}"


def clock(seconds: float) -> str:
    """``mm:ss.s``, e.g. ``01:23.4``."""
    tenths = round(max(seconds, 0.0) * 10)
    minutes, rest = divmod(tenths, 600)
    return f"{minutes:02d}:{rest // 10:02d}.{rest % 10}"


def spoken_at(beat: BeatRecord, at: float) -> str:
    """The sentence of ``beat`` being spoken at ``at`` (scene clock): the last one begun, or
    the first before any; the whole narration when the beat has no timed sentences."""
    begun = [s for s in beat.sentences if s.start <= at]
    if begun:
        return begun[-1].text
    return beat.sentences[0].text if beat.sentences else beat.narration


def select_frames(reports: Sequence[SceneReport], fps: float, *, mid: bool = False) -> list[Frame]:
    """The storyboard's frames of a chapter whose scenes played in order, by time.

    Every beat's last frame (``end - 1/fps``, so the picture is inside the beat) and, with
    ``mid``, the middle of every moving play lasting at least :data:`MID_SECONDS`. Scene
    clocks are shifted by the scenes before them; beats are numbered through the chapter.
    """
    frames: list[Frame] = []
    first = 0
    for number, (report, offset) in enumerate(
        zip(reports, scene_offsets(list(reports)), strict=True)
    ):
        failed: dict[int, list[str]] = defaultdict(list)
        for check in report.checkpoints:
            if not check.ok and check.beat is not None:
                failed[check.beat].append(check.name)
        # looked up by a play's beat too (``None``: between beats)
        beats: dict[int | None, tuple[int, BeatRecord]] = {
            b.index: (first + i, b) for i, b in enumerate(report.beats)
        }
        for index, beat in beats.values():
            at = max(beat.start, beat.end - 1.0 / fps)
            frames.append(
                Frame(
                    offset + at,
                    number,
                    at,
                    "end",
                    index,
                    beat.index,
                    beat.narration,
                    tuple(failed[beat.index]),
                )
            )
        for play in report.plays if mid else ():
            if not play.moving or play.end - play.start < MID_SECONDS - 1e-9:
                continue
            at = (play.start + play.end) / 2
            mid_index, mid_beat = beats.get(play.beat, (None, None))
            frames.append(
                Frame(
                    offset + at,
                    number,
                    at,
                    "mid",
                    mid_index,
                    mid_beat.index if mid_beat else None,
                    spoken_at(mid_beat, at) if mid_beat else "",
                    tuple(failed[mid_beat.index]) if mid_beat else (),
                )
            )
        first += len(report.beats)
    return sorted(frames, key=lambda f: (f.time, f.kind == "end"))


def unplaced_failures(reports: Sequence[SceneReport]) -> list[str]:
    """Failed checkpoints that belong to no beat (named with their scene)."""
    return [
        f"{r.scene}: {c.name}"
        for r in reports
        for c in r.checkpoints
        if not c.ok and c.beat is None
    ]


def frame_number(at: float, fps: float) -> int:
    """The frame on screen at ``at`` seconds (frame ``n`` shows ``[n/fps, (n+1)/fps)``)."""
    return max(0, math.floor(at * fps + 1e-6))


# --- the contact sheet ------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One thumbnail of the contact sheet and the text under it."""

    image: Image.Image
    heading: str
    narration: str
    failed: tuple[str, ...] = ()


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(BOLD_FONT if bold else FONT, size)
    except OSError:  # DejaVu not installed: Pillow's own font (``mathviz doctor`` names it)
        return ImageFont.load_default(size)


def wrap(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` px (a longer word alone)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def columns_for(count: int) -> int:
    """3 columns for up to 9 frames, 4 beyond."""
    return 3 if count <= 9 else 4


def _caption(
    cell: Cell, font: ImageFont.FreeTypeFont | ImageFont.ImageFont
) -> list[tuple[str, tuple[int, int, int]]]:
    lines = [(cell.heading, MUTED)]
    lines += [(line, TEXT) for line in wrap(cell.narration, font, THUMB_WIDTH)]
    for name in cell.failed:
        lines += [(line, FAILED) for line in wrap(f"failed: {name}", font, THUMB_WIDTH)]
    return lines


def contact_sheet(
    cells: Sequence[Cell], title: str, notes: Sequence[str] = (), *, columns: int | None = None
) -> Image.Image:
    """The cells in a grid, row by row: thumbnails :data:`THUMB_WIDTH` px wide (the height
    from the first image's aspect), each caption under its thumbnail, each thumbnail framed
    (:data:`BORDER` px, outside it), in red for a failing cell. A row is as tall as its
    longest caption.
    ``notes`` are lines in red under the title (failures that belong to no frame)."""
    if not cells:
        raise ValueError("a contact sheet needs at least one frame")
    columns = columns or columns_for(len(cells))
    font, bold = _font(FONT_SIZE), _font(TITLE_SIZE, bold=True)
    first = cells[0].image
    thumb_height = round(THUMB_WIDTH * first.height / first.width)
    captions = [_caption(c, font) for c in cells]
    rows = [range(r, min(r + columns, len(cells))) for r in range(0, len(cells), columns)]
    row_heights = [
        thumb_height + CAPTION_PAD + LINE_HEIGHT * max(len(captions[i]) for i in row)
        for row in rows
    ]
    width = 2 * MARGIN + columns * THUMB_WIDTH + (columns - 1) * GAP
    top = MARGIN + TITLE_HEIGHT + LINE_HEIGHT * len(notes)
    height = top + sum(row_heights) + GAP * (len(rows) - 1) + MARGIN
    sheet = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    draw.text((MARGIN, MARGIN), title, font=bold, fill=TEXT)
    for n, note in enumerate(notes):
        draw.text((MARGIN, MARGIN + TITLE_HEIGHT + n * LINE_HEIGHT), note, font=font, fill=FAILED)
    y = top
    for row, row_height in zip(rows, row_heights, strict=True):
        for column, i in enumerate(row):
            x = MARGIN + column * (THUMB_WIDTH + GAP)
            thumb = cells[i].image.convert("RGB")
            if thumb.size != (THUMB_WIDTH, thumb_height):
                thumb = thumb.resize((THUMB_WIDTH, thumb_height), Image.Resampling.LANCZOS)
            sheet.paste(thumb, (x, y))
            draw.rectangle(
                (
                    x - BORDER,
                    y - BORDER,
                    x + THUMB_WIDTH + BORDER - 1,
                    y + thumb_height + BORDER - 1,
                ),
                outline=FAILED if cells[i].failed else FRAME,
                width=BORDER,
            )
            text_y = y + thumb_height + CAPTION_PAD
            for line, colour in captions[i]:
                draw.text((x, text_y), line, font=font, fill=colour)
                text_y += LINE_HEIGHT
        y += row_height + GAP
    return sheet


# --- the page ---------------------------------------------------------------------------------


def page(
    title: str,
    subtitle: str,
    frames: Sequence[Frame],
    files: Sequence[str],
    notes: Sequence[str] = (),
) -> str:
    """The storyboard as one HTML page; ``files`` are the frames' images, relative to it."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("mathviz.publish", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("storyboard.html").render(
        title=title,
        subtitle=subtitle,
        notes=notes,
        frames=[
            {
                "file": file,
                "heading": f.heading,
                "narration": f.narration,
                "failed": f.failed,
                "kind": f.kind,
            }
            for f, file in zip(frames, files, strict=True)
        ],
    )


# --- a chapter ----------------------------------------------------------------------------------


@dataclass
class Sources:
    """Where a chapter's storyboard comes from: its scenes' reports, and per scene the video
    its frames are taken from with the clock to use (the chapter video on the chapter clock,
    or the scene's segment on its own clock)."""

    reports: list[SceneReport]
    #: per scene: (video, seconds to subtract from a chapter time to get that video's time)
    videos: list[tuple[Path, float]]
    #: the beats come from the video's sidecar (no scene reports): no plays, no mid frames
    from_sidecar: bool = False


def chapter_sources(
    chapter: Chapter, profile: Profile, build_root: Path, *, failed: bool = False
) -> Sources:
    """The reports and videos of the chapter as the build left it.

    A rendered chapter: its video, with its scenes' reports from the segment cache (or, when
    the cache holds none for the current sources, its sidecar's beats). A chapter whose
    build ``failed``: each scene's segment, finished or kept for review with its failed
    checkpoints (never an older chapter video).

    Raises
    ------
    StoryboardError
        When a scene of a failed chapter left no video (it raised instead of finishing).
    """
    found: list[tuple[Path, SceneReport]] = []
    missing: list[str] = []
    for video, report in plan_build([chapter], profile, "mp4", build_root)[0].segments:
        pair = next(
            (
                (v, r)
                for v, r in ((video, report), failed_paths(video, report))
                if v.is_file() and r.is_file()
            ),
            None,
        )
        if pair is None:
            missing.append(video.name.split(".")[0])
        else:
            try:
                found.append((pair[0], load_report(pair[1])))
            except DamagedSegment as exc:
                raise StoryboardError(str(exc)) from None
    if failed:
        if missing:
            raise StoryboardError(f"no video of scene(s) {', '.join(missing)} to take frames from")
        reports = [r for _, r in found]
        return Sources(
            reports,
            [(v, offset) for (v, _), offset in zip(found, scene_offsets(reports), strict=True)],
        )
    final = output_path(chapter, profile, "mp4", build_root)
    if not missing:
        reports = [r for _, r in found]
        return Sources(reports, [(final, 0.0)] * len(reports))
    sidecar = read_sidecar(final)
    beats = [BeatRecord.from_json(b) for b in sidecar["beats"]]
    plays = [
        PlayRecord(float(a), float(b), bool(m), beat) for a, b, m, beat in sidecar.get("plays", ())
    ]
    whole = SceneReport(
        chapter.id, "chapter", beats, duration=float(sidecar["duration"]), plays=plays
    )
    return Sources([whole], [(final, 0.0)], from_sidecar=not plays)


#: frames taken per ffmpeg pass: a ``select`` expression of a few hundred terms makes ffmpeg's
#: expression parser run out of memory ("Cannot allocate memory"), so long lists go in batches
FRAMES_PER_PASS = 40


def extract_frames(video: Path, times: Sequence[float], fps: float, folder: Path) -> list[Path]:
    """The frames on screen at ``times`` (seconds of ``video``) as PNG files in ``folder``: one
    ffmpeg pass (a ``select`` filter on the frame numbers) per :data:`FRAMES_PER_PASS` frames;
    one path per time."""
    numbers = [frame_number(t, fps) for t in times]
    wanted = sorted(set(numbers))
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for k, start in enumerate(range(0, len(wanted), FRAMES_PER_PASS)):
        batch = wanted[start : start + FRAMES_PER_PASS]
        written += _select_frames(video, batch, folder / f"pass-{k:03d}")
    by_number = dict(zip(wanted, written, strict=True))
    return [by_number[n] for n in numbers]


def _select_frames(video: Path, wanted: Sequence[int], folder: Path) -> list[Path]:
    """Frames ``wanted`` (sorted frame numbers) of ``video`` as PNGs in ``folder``, in one pass."""
    folder.mkdir(parents=True, exist_ok=True)
    expression = "+".join(f"eq(n\\,{n})" for n in wanted)
    try:
        ffmpeg.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-i",
                str(video),
                "-an",
                "-vf",
                f"select={expression}",
                "-fps_mode",
                "passthrough",
                str(folder / "%05d.png"),
            ],
            f"taking frames from {video.name}",
        )
    except ffmpeg.FFmpegError as exc:
        raise StoryboardError(str(exc)) from None
    written = sorted(folder.glob("*.png"))
    if len(written) != len(wanted):
        raise StoryboardError(
            f"ffmpeg took {len(written)} of {len(wanted)} frames from "
            f"{video.name} (frame {wanted[-1]} is past its end?)"
        )
    return written


@dataclass(frozen=True)
class StoryboardResult:
    """What :func:`write_storyboard` wrote."""

    sheet: Path
    page: Path
    frames: list[Frame]
    failed: int  # failed checkpoints shown (on frames and in the notes)
    warnings: list[str]


def storyboard_folder(chapter: Chapter, out_root: Path) -> Path:
    """``<out>/<chapter id>``."""
    return out_root / chapter.id


def write_storyboard(
    chapter: Chapter, profile: Profile, sources: Sources, out_root: Path, *, mid: bool = False
) -> StoryboardResult:
    """Take the frames and write the chapter's contact sheet, page and frames (atomically)."""
    frames = select_frames(sources.reports, profile.fps, mid=mid)
    if not frames:
        raise StoryboardError("the chapter has no beats")
    warnings = []
    if mid and sources.from_sidecar:
        warnings.append(
            "no mid-animation frames: the segment cache holds no scene report for "
            "the chapter's current sources (edited since the render, or the cache "
            "was cleared); run the command again, or render with --force"
        )
    elif mid and not any(r.plays for r in sources.reports):
        warnings.append("no animations recorded: no mid-animation frames")
    notes = [f"failed outside any beat: {name}" for name in unplaced_failures(sources.reports)]
    folder = storyboard_folder(chapter, out_root)
    frames_dir = folder / "frames"
    frames_dir.mkdir(parents=True, exist_ok=True)
    for stale in stale_temporaries(folder):
        shutil.rmtree(stale, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=f".storyboard.partial-{os.getpid()}-", dir=folder))
    try:
        by_video: dict[Path, list[int]] = defaultdict(list)
        for i, frame in enumerate(frames):
            by_video[sources.videos[frame.scene][0]].append(i)
        taken: list[Path | None] = [None] * len(frames)
        for k, (video, indices) in enumerate(by_video.items()):
            times = [frames[i].time - sources.videos[frames[i].scene][1] for i in indices]
            for i, path in zip(
                indices, extract_frames(video, times, profile.fps, work / f"video-{k}"), strict=True
            ):
                taken[i] = path
        names = [
            f"{n:03d}-{'x' if f.beat is None else f'beat{f.beat:02d}'}-{f.kind}.png"
            for n, f in enumerate(frames, start=1)
        ]
        for shot, name in zip(taken, names, strict=True):
            assert shot is not None
            shutil.copyfile(shot, work / name)
        failed = sum(len(f.failed) for f in frames if f.kind == "end") + len(notes)
        duration = sum(r.duration for r in sources.reports)
        title = (
            f"{chapter.id} {chapter.title}  ·  {profile.name}  ·  {clock(duration)}  ·  "
            f"{sum(f.kind == 'end' for f in frames)} beats"
            + (f"  ·  {failed} failed checkpoint(s)" if failed else "")
        )
        cells = [
            Cell(Image.open(work / name), f.heading, f.narration, f.failed)
            for f, name in zip(frames, names, strict=True)
        ]
        contact_sheet(cells, title, notes).save(work / "storyboard.png", optimize=False)
        for cell in cells:
            cell.image.close()
        subtitle = (
            f"{profile.name} profile ({profile.width}×{profile.height}, "
            f"{profile.fps} fps), {clock(duration)}"
        )
        (work / "storyboard.html").write_text(
            page(
                f"{chapter.id} {chapter.title} · storyboard",
                subtitle,
                frames,
                [f"frames/{n}" for n in names],
                notes,
            ),
            encoding="utf-8",
        )
        for name in names:
            os.replace(work / name, frames_dir / name)
        sheet, html_page = folder / "storyboard.png", folder / "storyboard.html"
        os.replace(work / sheet.name, sheet)
        os.replace(work / html_page.name, html_page)
        for stale in frames_dir.iterdir():
            if stale.name not in names:
                stale.unlink()
        return StoryboardResult(sheet, html_page, frames, failed, warnings)
    finally:
        shutil.rmtree(work, ignore_errors=True)
