"""Tiny draft chapters for build tests, and what those tests check on the files they leave.

A test that uses the ``drafts`` fixture (``conftest.py``) builds chapters 0.1 and 0.2 from a
temporary scenes folder (``MATHVIZ_SCENES_DIR``) with its own cache (``MATHVIZ_CACHE_DIR``).
"""

from __future__ import annotations

import json
import struct
import subprocess
import time
from pathlib import Path

SCENE_TEMPLATE = """
from manim import Circle, Create, FadeOut, Square, Transform
from mathviz.readings import reads_screen
from mathviz.scene import LectureScene


@reads_screen("geometry")
def radius_shown(circle):
    return circle.width / 2


class Opening(LectureScene):
    chapter_id = "{cid}"

    def construct(self) -> None:
        circle = Circle()
        with self.beat("{first}"):
            self.play(Create(circle), run_time={seconds})
            self.checkpoint("radius", radius_shown(circle), expected=1.0, tol=1e-6)
        self.play(FadeOut(circle), run_time=0.2)


class Closing(LectureScene):
    chapter_id = "{cid}"

    def construct(self) -> None:
        with self.beat("{second}"):
            self.play(Create(Square()), run_time={seconds})
            {extra}


SCENES = {scenes}
"""


def write_chapter(
    folder: Path,
    cid: str,
    *,
    first: str = "A circle.",
    second: str = "A square.",
    extra: str = "pass",
    seconds: float = 0.5,
    scenes: str = "[Opening, Closing]",
) -> Path:
    """Write draft chapter ``cid`` (any chapter of the course; two short scenes,
    ``scenes="[Opening]"``: one) into ``folder`` under the module name the course expects."""
    from mathviz.course import get_chapter

    path = folder / f"{get_chapter(cid).module_stem}.py"
    path.write_text(
        SCENE_TEMPLATE.format(
            cid=cid, first=first, second=second, extra=extra, seconds=seconds, scenes=scenes
        )
    )
    return path


def frames(path: Path) -> int:
    """Video frames in ``path``, counted by decoding them (ffprobe)."""
    info = probe(path, "-count_frames", "-show_entries", "stream=nb_read_frames")
    return int(info["streams"][0]["nb_read_frames"])


def duration(path: Path) -> float:
    """The container duration of a media file in seconds, as ffprobe reads it."""
    return float(probe(path, "-show_entries", "format=duration")["format"]["duration"])


def stray(root: Path) -> list[Path]:
    """Temporary files and folders of builds under ``root``."""
    return [p for p in root.rglob("*") if ".partial-" in p.name or ".tmp-" in p.name]


def decodes(path: Path) -> bool:
    """Whether ffmpeg decodes every frame of ``path`` without an error."""
    result = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"],
        capture_output=True,
        text=True,
    )
    return result.returncode == 0 and not result.stderr.strip()


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (children, their children, …), from ``/proc``."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    """Those of ``pids`` still running (zombies count as gone)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
        except OSError:
            continue
        if state != "Z":
            running.add(pid)
    return running


def wait_until(condition, timeout: float, what: str) -> None:
    """Poll ``condition`` until it holds; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


def top_level_boxes(path: Path) -> list[str]:
    """Box types at the top level of an ISO-BMFF (mp4) file, in file order."""
    atoms, data = [], path.read_bytes()
    pos = 0
    while pos + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if size == 1:
            size = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
        elif size == 0:
            size = len(data) - pos
        assert size >= 8
        atoms.append(kind.decode("latin-1"))
        pos += size
    assert pos == len(data)
    return atoms


def faststart(path: Path) -> bool:
    """Whether an mp4's index (``moov``) comes before its data (``mdat``): it can play
    while it downloads."""
    boxes = top_level_boxes(path)
    return "moov" in boxes and "mdat" in boxes and boxes.index("moov") < boxes.index("mdat")


def probe(path: Path, *options: str) -> dict:
    """ffprobe's JSON about ``path`` (first video stream selected), with ``options`` such as
    ``-show_entries stream=width``."""
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", *options, "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def color_tags(path: Path) -> dict[str, str]:
    """The video stream's colour tags (ffprobe): range, matrix, transfer, primaries."""
    entries = "stream=color_range,color_space,color_transfer,color_primaries"
    return probe(path, "-show_entries", entries)["streams"][0]


BT709 = {
    "color_range": "tv",
    "color_space": "bt709",
    "color_transfer": "bt709",
    "color_primaries": "bt709",
}


def yuv420_frames(path: Path, frames: int | None = None) -> tuple[bytes, int, int]:
    """The first ``frames`` (all: None) decoded video frames of ``path`` as stored, 8-bit
    YUV 4:2:0 planes one frame after the other, with the picture's width and height."""
    info = probe(path, "-select_streams", "v:0", "-show_entries", "stream=width,height")
    width, height = info["streams"][0]["width"], info["streams"][0]["height"]
    count = [] if frames is None else ["-frames:v", str(frames)]
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:v", *count]
        + ["-f", "rawvideo", "-pix_fmt", "yuv420p", "-"],
        capture_output=True,
        check=True,
    ).stdout
    return raw, width, height


def centre_luma(path: Path) -> int:
    """The luma (Y, 8 bit) of the first frame's centre pixel, as stored (no conversion)."""
    raw, width, height = yuv420_frames(path, 1)
    return raw[(height // 2) * width + width // 2]


def bt709_luma(hex_color: str) -> float:
    """Limited-range BT.709 luma of an sRGB colour such as ``#101318`` (ITU-R BT.709-6)."""
    r, g, b = (int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 16 + 219 * (0.2126 * r + 0.7152 * g + 0.0722 * b)


def decoded_md5(video: Path) -> list[str]:
    """The MD5 of every decoded video frame of ``video``, in order (ffmpeg's framemd5)."""
    out = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(video), "-map", "0:v", "-f", "framemd5", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line.rsplit(",", 1)[-1].strip() for line in out.splitlines() if line[:1].isdigit()]


def frame_differences(video: Path, other: Path) -> str:
    """Where two videos' decoded frames differ, for an assertion's message: each differing
    frame's index, how many bytes of its YUV planes differ and by how much at most."""
    import numpy as np

    def planes(path: Path) -> tuple[np.ndarray, int]:
        raw, width, height = yuv420_frames(path)
        return np.frombuffer(raw, np.uint8).reshape(-1, width * height * 3 // 2), width

    mine, width = planes(video)
    theirs, _ = planes(other)
    if len(mine) != len(theirs):
        return f"{len(mine)} frames against {len(theirs)}"
    rows = []
    for index in np.flatnonzero((mine != theirs).any(axis=1)).tolist():
        delta = np.abs(mine[index].astype(np.int16) - theirs[index].astype(np.int16))
        first = int(np.flatnonzero(delta)[0])
        rows.append(
            f"frame {index}: {np.count_nonzero(delta)} bytes differ, by up to {delta.max()}, "
            f"first at row {first // width} of the planes"
        )
    return "; ".join(rows) or "no frame differs"


def video_times(video: Path) -> list[tuple[str, str]]:
    """Every video packet's stored ``(pts, dts)`` in the stream's time base, in file order:
    what a player schedules frames by."""
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts,dts"]
        + ["-of", "csv=p=0", str(video)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [tuple(line.split(",")[:2]) for line in out.splitlines() if line.strip()]


class Recorder:
    """A build reporter that remembers what it was told: the planned jobs and workers, the
    labels of the jobs that started (a cut scene's parts among them), results, outcomes."""

    def __init__(self) -> None:
        self.workers = None
        self.jobs: list[str] = []
        self.started: list[str] = []
        self.results: list = []
        self.outcomes: list = []

    def planned(self, plans, workers):
        self.workers = workers
        self.jobs = [j.label for p in plans for j in p.jobs]

    def segment_started(self, job):
        self.started.append(job.label)

    def segment_progress(self, label, clock):
        pass

    def segment_finished(self, result):
        self.results.append(result)

    def chapter_finished(self, outcome):
        self.outcomes.append(outcome)

    def finished(self, summary):
        self.summary = summary
