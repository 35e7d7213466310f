"""Rendering one segment: runs inside a long-lived worker process (or in-process).

A worker is forked from a server process that imported manim once (:func:`pool_context`),
then renders many segments. Each worker holds its own slot folder in the cache for manim's
media, TeX and text files (an exclusive lock for the life of the process), so no two live
processes, of one build or of two, ever write the same file; the TeX folder persists across
builds as a compile cache. A worker dies with the build that started it.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import fcntl
import logging
import multiprocessing
import multiprocessing.context
import os
import queue
import re
import resource
import shutil
import signal
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mathviz import doctor
from mathviz.course import SCENES_ENV, get_chapter, load_scenes
from mathviz.render.copies import cheap_copies
from mathviz.render.fastpaths import cheap_internals
from mathviz.render.narration import chapter_narrator
from mathviz.render.profiles import Profile
from mathviz.render.segments import (
    TMP_MARK,
    SegmentJob,
    SegmentResult,
    cache_dir,
    store_failed,
    store_segment,
)
from mathviz.render.texstore import share_typeset_formulas
from mathviz.voice.engine import VoiceUnavailable, speaking

if TYPE_CHECKING:
    from av.video.stream import VideoStream

__all__ = [
    "FRAME_HEIGHT",
    "HASH_SEED",
    "PRELOAD",
    "pool_context",
    "stop_fork_server",
    "init_worker",
    "init_checker",
    "lifeline",
    "die_with_parent",
    "process_dir",
    "latex_failure",
    "bt709_frame",
    "BandConverter",
    "BAND_ROWS",
    "BAND_REACH",
    "BAND_MARGIN",
    "BAND_MAX_SHARE",
    "BAND_PIXELS",
    "OWN_X264_THREAD_PIXELS",
    "encode_bt709",
    "manim_config",
    "render_segment",
]

FRAME_HEIGHT = 8.0
#: fixed so Manim's per-animation hashes are the same in every worker process
HASH_SEED = "0"
#: what every pool worker imports first, imported once by the fork server the workers are
#: forked from instead of once per worker (manim alone is about a second of a core). Only
#: third-party modules: mathviz's own read the environment, which a worker takes from the
#: process that started its pool (:func:`init_worker`), not from the server
PRELOAD = ("manim",)

_events: Any = None
#: which pool of slot folders this process takes its own from
_slot_pool = "processes"
_PR_SET_PDEATHSIG = 1
#: how long this process waits at exit for its fork server to leave
FORK_SERVER_EXIT_SECONDS = 5.0
_stops_fork_server = False


def pool_context() -> multiprocessing.context.BaseContext:
    """The start method of the render and check pools: workers forked from a server process
    that imported :data:`PRELOAD` once ("forkserver"; "spawn" where there is none).

    The server is this process's, started on first use with ``PYTHONHASHSEED`` at
    :data:`HASH_SEED`, which its forked workers share. A forked worker starts in this
    process's working directory with its ``sys.path``; its environment is the server's
    until :func:`init_worker` or :func:`init_checker` applies the one passed to it.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOAD))
    old_seed = os.environ.get("PYTHONHASHSEED")
    os.environ["PYTHONHASHSEED"] = HASH_SEED  # read by the server's interpreter at start
    try:
        forkserver.ensure_running()
    finally:
        if old_seed is None:
            os.environ.pop("PYTHONHASHSEED", None)
        else:
            os.environ["PYTHONHASHSEED"] = old_seed
    global _stops_fork_server
    if not _stops_fork_server:
        atexit.register(stop_fork_server)
        _stops_fork_server = True
    return context


def stop_fork_server(timeout: float = FORK_SERVER_EXIT_SECONDS) -> bool:
    """Stop this process's fork server and reap it; whether it is gone.

    Called at exit, so that the server, and through it every worker it forked and reaped,
    is this process's waited-for child: the CPU time of a build's workers then counts in
    what ``getrusage(RUSAGE_CHILDREN)`` and ``time`` report for the build. Without it the
    server outlives the build by a moment, is re-parented and its time is lost. Waits at
    most ``timeout`` seconds (a server still held open elsewhere is left to exit on its own).
    """
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    pid = getattr(server, "_forkserver_pid", None)
    alive_fd = getattr(server, "_forkserver_alive_fd", None)
    if server is None or pid is None or alive_fd is None:
        return True
    with contextlib.suppress(OSError):
        os.close(alive_fd)  # end of file on "alive": the server returns
    server._forkserver_alive_fd = None
    server._forkserver_pid = None
    deadline = time.monotonic() + timeout
    while True:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:  # not ours to reap, or reaped already
            return True
        if done:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.01)


def _take_environment(environ: dict[str, str]) -> None:
    """Make this worker's environment the one of the process that started its pool."""
    if dict(os.environ) != environ:
        os.environ.clear()
        os.environ.update(environ)


def init_worker(events: Any, alive: Any, environ: dict[str, str]) -> None:
    """Process-pool initializer: die with the build, keep the event queue, import manim.

    The build stops its workers itself on SIGINT/SIGTERM, so a worker ignores SIGINT (a
    Ctrl-C reaches the whole process group); if the build is killed outright, the worker
    exits as its ``alive`` pipe closes (:func:`die_with_parent`). ``environ`` is the build's
    environment (a worker forked from the pool's server starts with the server's).
    """
    global _events, _slot_pool
    init_checker(alive, environ)
    _events = events
    _slot_pool = "workers"


def init_checker(alive: Any, environ: dict[str, str]) -> None:
    """Process-pool initializer of a check pool: :func:`init_worker` without the events."""
    _take_environment(environ)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops its workers itself
    die_with_parent(alive)
    import manim  # noqa: F401 - imported by the fork server already (or here, spawned)

    from mathviz import scene  # noqa: F401


def lifeline(context: multiprocessing.context.BaseContext) -> tuple[Any, Any]:
    """A pipe that tells a pool's workers their parent is gone: the parent keeps the write
    end, never writes to it and closes it when the pool is done; each worker gets the read
    end, which reads end-of-file as soon as the parent has exited, however it ended."""
    return context.Pipe(duplex=False)


def die_with_parent(alive: Any) -> None:
    """Exit when the process that started the pool is gone: ``alive`` is the read end of its
    :func:`lifeline`, watched by a thread.

    The parent's pid would not do: a worker forked from the pool's fork server has the
    server as its parent, and the server lives as long as any of its workers does. Where
    Linux allows, the kernel also sends SIGKILL when the worker's own parent dies.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the lifeline alone
        pass

    def gone() -> bool:
        try:
            return bool(alive.poll(0))  # readable only at end-of-file: it never writes
        except (OSError, EOFError):
            return True

    if gone():  # the parent died before the worker started
        os._exit(1)

    def watch() -> None:
        with contextlib.suppress(OSError, EOFError):
            alive.poll(None)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


_process_slot: tuple[Path, Any] | None = None


def process_dir() -> Path:
    """This process's own TeX/text cache folder.

    Manim writes and compiles TeX files in place, so two processes sharing one folder can read
    each other's half-written files. Each process takes the first free folder of a small pool
    (``processes/`` for checks and in-process renders, ``workers/`` for build workers), held
    by an exclusive file lock until it exits, so caches persist between runs without ever
    being shared by two live processes, whichever build they belong to.
    """
    global _process_slot
    root = cache_dir() / _slot_pool
    if _process_slot is not None and _process_slot[0].parent == root:
        return _process_slot[0]
    root.mkdir(parents=True, exist_ok=True)
    n = 0
    while True:
        handle = open(root / f"slot-{n}.lock", "a")  # noqa: SIM115 - held for the process's life
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


_LATEX_LOG = re.compile(r"log file: (\S+?\.log)")


def latex_failure(exc: BaseException) -> str | None:
    """For manim's "latex error converting to dvi … log file: X.log": which formula LaTeX
    refused and its first error, read from the ``.tex`` and ``.log`` manim left; ``None`` for
    any other error."""
    match = _LATEX_LOG.search(str(exc))
    if match is None:
        return None
    log = Path(match.group(1))
    try:
        source = log.with_suffix(".tex").read_text(encoding="utf-8", errors="replace")
        body = source.split("\\begin{document}", 1)[1].split("\\end{document}", 1)[0]
    except (OSError, IndexError):
        return None
    lines = [
        line.strip()
        for line in body.splitlines()
        if line.strip() and not re.fullmatch(r"\\(begin|end)\{[^}]*\}", line.strip())
    ]
    formula = re.sub(r"\\special\{dvisvgm:raw [^}]*\}", "", " ".join(lines)).strip()
    try:
        errors = [
            line[2:].strip()
            for line in log.read_text(errors="replace").splitlines()
            if line.startswith("! ")
        ]
    except OSError:
        errors = []
    reason = f": {errors[0]}" if errors else ""
    return f"LaTeX cannot typeset the formula '{formula}'{reason} (log: {log})"


def bt709_frame(reformatter: Any, pixels: Any, pix_fmt: str) -> Any:
    """Manim's RGBA ``pixels`` (wrapped, not copied) as a ``pix_fmt`` frame, converted with
    the BT.709 matrix, limited range, by ``reformatter`` on the calling thread alone."""
    import av

    return reformatter.reformat(
        av.VideoFrame.from_numpy_buffer(pixels, format="rgba"),
        format=pix_fmt,
        dst_colorspace="ITU709",
        dst_color_range="MPEG",
        threads=1,
    )


#: the band conversion (:class:`BandConverter`) works in blocks of this many rows (even).
#: On the changed rows of 6.3 at 1080p60, blocks of 8 (with the reach and margin below)
#: convert 203 rows a frame where blocks of 60 (reach 8, margin 16) converted 378; the
#: converter took 1.73 instead of 2.22 ms a frame (best of 4, 600 frames changing those rows)
BAND_ROWS = 8
#: rows around a changed row whose YUV is converted again: swscale's chroma of a row depends
#: on its neighbours (one row either side, measured on random pictures; twice that here)
BAND_REACH = 2
#: rows converted beyond a band on either side and dropped: a scaler treats the edges of
#: what it is given as the picture's edges, so the rows next to them are not the frame's
#: (two rows, measured on random pictures; twice that here)
BAND_MARGIN = 4
#: a frame whose changed blocks cover more than this share of its rows is converted whole
BAND_MAX_SHARE = 0.6
#: frames of at least the first and fewer than the second number of pixels are converted by
#: their changed rows; the rest whole. 6.3, ``-j 1``, alternated pairs: 0.90 (0.88–0.98) of
#: the wall time at 1080p60 (3 pairs), 1.05 (0.89–1.11) at 854×480 (4 pairs, no gain to
#: keep); 4K is not measured
BAND_PIXELS = (1920 * 1080, 3840 * 2160)


class BandConverter:
    """Manim's RGBA frames to YUV, converting again only the rows that changed.

    Between two frames of a lecture most rows are the same (6.3 at 1080p60: 13 % of the
    rows change on average). The first frame, and any frame with more than
    :data:`BAND_MAX_SHARE` of its rows in changed blocks, is converted whole
    (:func:`bt709_frame`); otherwise the previous YUV frame is copied and each run of
    changed :data:`BAND_ROWS`-row blocks (rows within :data:`BAND_REACH` of a change count as
    changed) is converted with :data:`BAND_MARGIN` rows either side, which are dropped. The
    result is byte for byte the whole frame's conversion (``tests/test_render_shortcuts.py``).

    It keeps the previous RGBA frame by reference: manim hands each frame over to the encoder
    and never writes it again. One converter per encoder, used on one thread.
    """

    __slots__ = ("_by_bands", "_frame", "_pixels", "_scalers", "_whole")

    def __init__(self, *, bands: bool = True) -> None:
        from av.video.reformatter import VideoReformatter

        #: False: every frame converted whole (sizes where bands gain nothing measured)
        self._by_bands = bands
        self._whole = VideoReformatter()
        #: one scaler per band height (a scaler set up for another height is set up anew)
        self._scalers: dict[int, Any] = {}
        self._pixels: Any = None
        self._frame: Any = None

    def convert(self, pixels: Any, pix_fmt: str) -> Any:
        """``pixels`` as a ``pix_fmt`` frame (BT.709, limited range), as :func:`bt709_frame`."""
        bands = self._bands(pixels, pix_fmt)
        if bands is None:
            frame = bt709_frame(self._whole, pixels, pix_fmt)
        elif not bands:
            frame = self._frame  # the same picture (x264 copies what it is given)
        else:
            frame = self._patched(pixels, pix_fmt, bands)
        if self._by_bands:
            self._pixels, self._frame = pixels, frame
        return frame

    def _bands(self, pixels: Any, pix_fmt: str) -> list[tuple[int, int]] | None:
        """The row ranges to convert again, or None to convert the whole frame."""
        import numpy as np

        before = self._pixels
        height = pixels.shape[0]
        if (
            not self._by_bands
            or before is None
            or before.shape != pixels.shape
            or pix_fmt != "yuv420p"
            or height % 2
            or height < 2 * BAND_ROWS
        ):
            return None
        word = np.uint64 if pixels.shape[1] % 2 == 0 else np.uint32  # two pixels at a time
        rows = np.not_equal(
            before.reshape(height, -1).view(word), pixels.reshape(height, -1).view(word)
        ).any(axis=1)
        if not rows.any():
            return []
        near = np.convolve(rows, np.ones(2 * BAND_REACH + 1, dtype=np.int32), "same") > 0
        blocks = np.add.reduceat(near, np.arange(0, height, BAND_ROWS)) > 0
        if np.count_nonzero(blocks) * BAND_ROWS > BAND_MAX_SHARE * height:
            return None
        bands: list[tuple[int, int]] = []
        for block in np.flatnonzero(blocks).tolist():
            start, end = block * BAND_ROWS, min(height, (block + 1) * BAND_ROWS)
            if bands and bands[-1][1] == start:
                bands[-1] = (bands[-1][0], end)
            else:
                bands.append((start, end))
        return bands

    def _patched(self, pixels: Any, pix_fmt: str, bands: list[tuple[int, int]]) -> Any:
        """The previous frame with ``bands`` converted again from ``pixels``."""
        import av
        from av.video.reformatter import VideoReformatter

        height, width = pixels.shape[:2]
        before = self._frame
        frame = av.VideoFrame(width, height, pix_fmt)
        frame.colorspace, frame.color_range = before.colorspace, before.color_range
        planes = [_plane_rows(p) for p in frame.planes]
        for plane, old in zip(planes, before.planes, strict=True):
            _copy_rows(plane, 0, _plane_rows(old), 0, plane.shape[0])
        for start, end in bands:
            low, high = max(0, start - BAND_MARGIN), min(height, end + BAND_MARGIN)
            scaler = self._scalers.get(high - low)
            if scaler is None:
                if len(self._scalers) >= 2 * height // BAND_ROWS:
                    self._scalers.clear()
                scaler = self._scalers[high - low] = VideoReformatter()
            part = bt709_frame(scaler, pixels[low:high], pix_fmt)
            for i, (plane, new) in enumerate(zip(planes, part.planes, strict=True)):
                shift = 0 if i == 0 else 1  # chroma: half the rows
                _copy_rows(
                    plane,
                    start >> shift,
                    _plane_rows(new),
                    (start - low) >> shift,
                    (end - start) >> shift,
                )
        return frame


def _plane_rows(plane: Any) -> Any:
    """A frame's plane as a numpy array of its rows (each ``line_size`` bytes: the picture's
    width, then padding), sharing its memory."""
    import numpy as np

    return np.frombuffer(plane, np.uint8).reshape(-1, plane.line_size)


def _copy_rows(target: Any, at: int, source: Any, start: int, count: int) -> None:
    """Rows ``start`` to ``start + count`` of ``source`` into ``target`` from row ``at`` on
    (as wide as the narrower rows: frames of one size may pad their rows differently)."""
    width = min(target.shape[1], source.shape[1])
    target[at : at + count, :width] = source[start : start + count, :width]


#: converted frames waiting for x264 per segment (3 MB each at 1080p)
_ENCODE_QUEUE = 4
#: frames of at least the first and fewer than the second number of pixels (1080p up to, not
#: including, 4K) are encoded by x264 on a thread of its own (:class:`_EncodeThread`); the
#: rest as manim does. 6.3, ``-j 1``, 3 alternated pairs each: 0.94 (0.88–0.99) of the wall
#: time at 1080p60, but 1.08 (1.08–1.09) at 854×480; 4K is not measured (one x264 thread
#: there would likely be slower than the drawing)
OWN_X264_THREAD_PIXELS = (1920 * 1080, 3840 * 2160)


def _encode_held(stream: Any, container: Any, frame: Any, first_pts: int, repeat: int) -> None:
    """Encode ``frame`` ``repeat`` times, at timestamps from ``first_pts`` on, and mux it."""
    for pts in range(first_pts, first_pts + repeat):
        frame.pts = pts
        for packet in stream.encode(frame):
            container.mux(packet)


class _EncodeThread:
    """x264 on a thread of its own, beside the thread that converts a segment's frames.

    Manim runs each segment's encoder on one thread: every frame is converted to YUV, then
    encoded, one after the other, with x264 splitting each frame into slices over threads of
    its own. Here the two steps overlap instead: frame n is converted while frame n - 1 is
    encoded (swscale and x264 both release the GIL), and x264 runs one thread, without the
    per-frame hand-offs of its slice threads (:func:`encode_bt709`). The frames reach x264
    in the same order with the same timestamps, so the stream is the one a single thread
    writes (``tests/test_render_shortcuts.py``). Measured on 6.3 at 1080p60, ``-j 1``:
    0.94 of the wall time of one thread with x264's slice threads; either change alone
    gains nothing, and at preview size it costs (:data:`OWN_X264_THREAD_PIXELS`).

    It holds the stream and the container, never the encoder (no reference cycle: a
    segment's x264 buffers go as soon as its encoder does).
    """

    def __init__(self, stream: Any, container: Any, label: str) -> None:
        self.error: BaseException | None = None
        self._queue: queue.Queue[tuple[Any, int, int] | None] = queue.Queue(_ENCODE_QUEUE)
        self._thread: threading.Thread | None = threading.Thread(
            target=self._run, args=(stream, container), name=f"x264-{label}", daemon=True
        )
        self._thread.start()

    def _run(self, stream: Any, container: Any) -> None:
        while (item := self._queue.get()) is not None:
            if self.error is not None:
                continue  # drain to the end, so that no writer ever blocks on a full queue
            try:
                _encode_held(stream, container, *item)
            except BaseException as error:  # noqa: BLE001 - re-raised on the writing thread
                self.error = error

    def put(self, frame: Any, first_pts: int, repeat: int) -> None:
        """Encode ``frame`` ``repeat`` times from ``first_pts`` on, after the frames before it."""
        self._queue.put((frame, first_pts, repeat))

    def close(self) -> BaseException | None:
        """Encode what is queued and stop; the first error the thread met, if any."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
        return self.error


class _Still:
    """A segment's picture while every frame it was given is that one picture: its RGBA
    pixels, their conversion, and how many frames it lasts so far."""

    __slots__ = ("count", "frame", "pixels")

    def __init__(self, pixels: Any, frame: Any, count: int) -> None:
        self.pixels, self.frame, self.count = pixels, frame, count


def _write_bt709(encoder: Any, pixels: Any, repeat: int) -> None:
    """Encode manim's RGBA ``pixels`` ``repeat`` times, converted to YUV with the BT.709
    matrix (limited range) once: a still frame held for a wait costs one conversion, not one
    per frame. The frame is wrapped, not copied, for the conversion; at 1080p (up to 4K) x264
    takes the converted frame on a thread of its own (:class:`_EncodeThread`).

    The conversion goes through the encoder's own scalers, on the writing thread alone:
    ``VideoFrame.reformat`` would set up a scaler, start its slice threads and free them
    again for every frame, twice the CPU time of the conversion itself (the pixels are the
    same, ``tests/test_render_shortcuts.py``); and only the rows that changed since the
    last frame are converted again (:class:`BandConverter`).

    The segment's first picture is held back (:class:`_Still`) for as long as the frames
    after it repeat it: a segment that is one picture throughout (a wait) is encoded by
    x264 once and repeated by hand-written pictures (:func:`_finish_still`). The first
    other frame lets the held picture go to x264 as before.
    """
    import numpy as np

    encoder._validate_frame(pixels, repeat)
    still: _Still | None = encoder.still
    if still is not None:
        if pixels is still.pixels or np.array_equal(pixels, still.pixels):
            still.count += repeat
            return
        encoder.still = None
        _send(encoder, still.frame, still.count)
    stream, rate = encoder._stream, encoder.spec.frame_rate
    encoding: _EncodeThread | None = encoder.encoding
    if encoding is not None and encoding.error is not None:
        raise encoder._operation_error("encode", encoding.error) from encoding.error
    try:
        frame = encoder.converter.convert(pixels, stream.pix_fmt)
        frame.time_base = Fraction(rate.denominator, rate.numerator)
    except BaseException as error:
        raise encoder._operation_error("encode", error) from error
    if not encoder.started:
        encoder.started = True
        if encoder.repeats_stills:
            encoder.still = _Still(pixels, frame, repeat)
            return
    _send(encoder, frame, repeat)


def _send(encoder: Any, frame: Any, repeat: int) -> None:
    """Encode the converted ``frame`` ``repeat`` times at the encoder's next timestamps: here
    and now as manim does, or on x264's own thread (:class:`_EncodeThread`)."""
    stream = encoder._stream
    first_pts, encoder._next_pts = encoder._next_pts, encoder._next_pts + repeat
    if not encoder.own_thread:  # manim's way: encoded here, at once
        try:
            _encode_held(stream, encoder._container, frame, first_pts, repeat)
        except BaseException as error:
            raise encoder._operation_error("encode", error) from error
        return
    encoding: _EncodeThread | None = encoder.encoding
    if encoding is None:
        encoding = encoder.encoding = _EncodeThread(stream, encoder._container, encoder.target.name)
    encoding.put(frame, first_pts, repeat)


def _finish_still(encoder: Any, still: _Still) -> bool:
    """Encode a segment that is one picture throughout: x264 encodes it once, as an IDR
    picture, and :func:`~mathviz.render.h264_repeat.repeat_pictures` writes the other
    ``still.count - 1`` frames as pictures that repeat it (every macroblock skipped), which
    decode to the same pixels; True, x264 flushed. Where the stream is one those pictures
    cannot follow (another codec, parameter sets outside the syntax they cover), x264 is
    given every frame and False returned: it is flushed as usual."""
    import av

    from mathviz.render.h264_repeat import ParameterSets, repeat_pictures

    stream, container = encoder._stream, encoder._container
    context = stream.codec_context
    first_pts = encoder._next_pts
    if still.count > 1 and context.name == "libx264" and not context.is_open:
        context.open()  # its parameter sets, before a frame is given
    extradata = bytes(context.extradata or b"") if context.is_open else b""
    if still.count == 1 or not ParameterSets.read(extradata).usable():
        _encode_held(stream, container, still.frame, first_pts, still.count)
        encoder._next_pts = first_pts + still.count
        return False
    still.frame.pts = first_pts
    packets = [*stream.encode(still.frame), *stream.encode()]
    repeats = None
    if len(packets) == 1 and packets[0].is_keyframe:
        repeats = repeat_pictures(bytes(packets[0]), extradata, still.count - 1)
    if repeats is None:
        raise RuntimeError(
            f"x264 wrote {len(packets)} packet(s) for one still picture, not one IDR picture "
            "the pictures repeating it can follow"
        )
    for packet in packets:
        container.mux(packet)
    time_base = still.frame.time_base
    for pts, data in enumerate(repeats, start=first_pts + 1):
        packet = av.Packet(data)
        packet.pts = packet.dts = pts
        packet.time_base = time_base
        packet.stream = stream
        container.mux(packet)
    encoder._next_pts = first_pts + still.count
    return True


def _stop_encoding(encoder: Any) -> BaseException | None:
    """Let the encoder's x264 thread encode what it holds and stop (:class:`_EncodeThread`)."""
    encoding: _EncodeThread | None = encoder.encoding
    if encoding is None:
        return None
    encoder.encoding = None
    return encoding.close()


#: ITU-T H.273 code points: BT.709 primaries, transfer and matrix; limited ("MPEG") range
_BT709, _LIMITED_RANGE = 1, 1


def encode_bt709() -> None:
    """Make manim write YUV video as BT.709, tagged so (primaries, transfer, matrix, range).

    Left alone, PyAV converts manim's RGB frames with swscale's default BT.601 matrix and
    tags nothing, so players guess: BT.709 for HD, which shifts every colour of a 1080p
    lecture. Wraps :meth:`SceneFileWriter._create_segment_encoder` (manim is pinned) once
    per process. From 1920×1080 up to 4K (:data:`OWN_X264_THREAD_PIXELS`), x264 encodes on
    one thread of its own (:class:`_EncodeThread`) unless the profile's ``[encoder]`` sets
    ``threads``; other sizes, and libvpx-vp9, are encoded as manim does.
    """
    from manim.scene.scene_file_writer import SceneFileWriter
    from manim.scene.video_segment_encoder import VideoSegmentEncoder

    original = SceneFileWriter._create_segment_encoder
    if getattr(original, "mathviz_bt709", False):
        return

    class BT709SegmentEncoder(VideoSegmentEncoder):
        # a subclass, not a closure stored on the encoder: an encoder must be freed as soon
        # as its segment is done (a reference cycle would keep its x264 buffers, tens of MB
        # at 1080p, until the garbage collector's next full pass)
        converter: BandConverter | None = None
        own_thread = False
        encoding: _EncodeThread | None = None
        #: a segment that is one picture throughout is encoded once (:func:`_finish_still`)
        repeats_stills = False
        #: the first frame was given
        started = False
        #: the segment's one picture so far, not yet given to x264 (:class:`_Still`)
        still: _Still | None = None

        def write_frame(self, pixels: Any, *, repeat: int = 1) -> None:
            _write_bt709(self, pixels, repeat)

        def finish(self) -> None:
            error = _stop_encoding(self)
            if error is not None:
                raise self._operation_error("encode", error) from error
            still, self.still = self.still, None
            if still is not None and not self._closed:
                try:
                    if _finish_still(self, still):  # flushed: x264 takes no more frames
                        self._closed = True
                        self._container.close()
                        return
                except BaseException as failure:
                    self.abort()
                    raise self._operation_error("finish", failure) from failure
            super().finish()

        def abort(self) -> None:
            self.still = None
            _stop_encoding(self)
            super().abort()

    def create(self: Any, target: Path) -> Any:
        encoder = original(self, target)
        # the video stream the encoder added (PyAV types add_stream's result as any kind)
        stream = cast("VideoStream", encoder._stream)
        if str(stream.pix_fmt).startswith("yuv") and type(encoder) is VideoSegmentEncoder:
            context = stream.codec_context
            context.colorspace = context.color_primaries = context.color_trc = _BT709
            context.color_range = _LIMITED_RANGE
            pixels = encoder.spec.width * encoder.spec.height
            own_thread = (
                encoder.spec.codec == "libx264"
                and OWN_X264_THREAD_PIXELS[0] <= pixels < OWN_X264_THREAD_PIXELS[1]
                and not any(key == "threads" for key, _ in encoder.spec.options)
            )
            if own_thread:
                context.thread_count = 1  # before x264 opens, at the first frame
            encoder.__class__ = BT709SegmentEncoder
            converting: Any = encoder  # a BT709SegmentEncoder from here on
            converting.converter = BandConverter(bands=BAND_PIXELS[0] <= pixels < BAND_PIXELS[1])
            converting.own_thread = own_thread
            converting.repeats_stills = encoder.spec.codec == "libx264"
        return encoder

    create.mathviz_bt709 = True  # type: ignore[attr-defined]
    SceneFileWriter._create_segment_encoder = create  # type: ignore[method-assign]  # the patch


@contextmanager
def manim_config(
    profile: Profile | None, media_dir: Path, fmt: str, work_dir: Path | None = None
) -> Iterator[None]:
    """Manim's global config for one run (restored afterwards)."""
    from manim import tempconfig

    width, height, fps = (
        (854, 480, 15) if profile is None else (profile.width, profile.height, profile.fps)
    )
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
        # the next play is drawn while the last one's frames are still being encoded (Manim
        # waits for the encoder at the end of every play by default)
        "max_inflight_encoders": 2,
    }
    if profile is not None and fmt in ("mp4", "webm"):
        settings["video_encoder_options"] = profile.encoder_options(fmt)
    logging.getLogger("manim").setLevel(logging.ERROR)
    encode_bt709()
    cheap_copies()
    cheap_internals()
    share_typeset_formulas()
    with tempconfig(settings):
        yield


@contextmanager
def _log_to(path: Path) -> Iterator[logging.FileHandler]:
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


def _new_scene(scene_cls: type, job: SegmentJob) -> Any:
    """The scene instance a worker renders: with mathviz's camera where it applies (and a
    renderer that hands its frames over uncopied), and for a part of a split scene, a
    renderer that draws only the part's plays."""
    from mathviz.render.camera import (  # noqa: PLC0415 - imports manim
        FrameHandingRenderer,
        camera_for,
        scene_camera,
    )

    if job.plays is None:
        camera = camera_for(scene_cls)
        if camera is None:
            return scene_cls()
        return scene_cls(renderer=FrameHandingRenderer(camera_class=camera), camera_class=camera)
    from mathviz.render.play_range import PlayRangeRenderer  # noqa: PLC0415 - imports manim

    first, upto = job.plays
    renderer = PlayRangeRenderer(camera_class=scene_camera(scene_cls), first=first, upto=upto)
    return scene_cls(renderer=renderer)


def _keep_part(job: SegmentJob, movie: Path, frames: int, result: SegmentResult) -> None:
    """A part's movie goes to its temporary place beside the segment (none when the part
    drew no frame); the build joins the parts. Only the last part judges the checkpoints:
    it stepped through every play before its own, so its report is the whole scene's."""
    assert job.part_video is not None
    if frames:
        job.part_video.parent.mkdir(parents=True, exist_ok=True)
        os.replace(movie, job.part_video)
    report = result.report
    if job.last_part and report is not None and report.failures:
        _checkpoints_failed(result, report)
    else:
        result.ok = True


def _checkpoints_failed(result: SegmentResult, report: Any) -> None:
    """Mark ``result`` failed by the report's failed checkpoints, each named."""
    result.failure = "checkpoints"
    result.message = f"{len(report.failures)} checkpoint(s) failed"
    result.details = "\n".join(
        f"{c.name}: shown {c.shown}, expected {c.expected} (tol {c.tol:g})" for c in report.failures
    )


def render_segment(
    job: SegmentJob, load: Callable[[Any], list[type]] = load_scenes
) -> SegmentResult:
    """Render one scene into the segment cache; never raises for the scene's own failures.

    Parameters
    ----------
    job
        What to render and where the finished segment goes.
    load
        How to get the chapter's scene classes (tests substitute their own).
    """
    if job.scenes_dir:
        os.environ[SCENES_ENV] = job.scenes_dir
    started = time.perf_counter()
    chapter = get_chapter(job.chapter_id)
    work = process_dir()
    media = Path(tempfile.mkdtemp(prefix=f"media{TMP_MARK}{os.getpid()}-", dir=work))
    last_sent = [0.0]
    drawing: list[Any] = []  # the renderer, once the scene exists

    def progress(clock: float) -> None:
        now = time.perf_counter()
        if _events is not None and now - last_sent[0] > 0.25:
            last_sent[0] = now
            # a part's progress counts the video it draws, not the plays it steps through
            since = getattr(drawing[0], "drawing_since", None) if drawing else None
            _events.put(("progress", job.label, clock - (since or 0.0)))

    result = SegmentResult(job=job, ok=False)
    with _log_to(job.log) as handler:
        try:
            if _events is not None:
                _events.put(("start", job.label, os.getpid()))
            doctor.require("latex", "standalone.cls", "dvisvgm")
            scene_cls = next((c for c in load(chapter) if c.__name__ == job.scene), None)
            if scene_cls is None:
                raise LookupError(f"chapter {chapter.id} has no scene {job.scene}")
            narrator = chapter_narrator(
                chapter, job.profile.voice, audio=not job.speech, lengths=dict(job.speech)
            )
            with manim_config(job.profile, media, job.container, work), speaking(narrator):
                scene = _new_scene(scene_cls, job)
                drawing.append(scene.renderer)
                scene.progress_listener = progress
                scene.render()
                report = scene.report
                movie = Path(scene.renderer.file_writer.movie_file_path)
                frames = getattr(
                    scene.renderer, "frames_written", round(report.duration * job.profile.fps)
                )
            result.report, result.frames = report, frames
            if job.part is not None:
                _keep_part(job, movie, frames, result)
            elif report.failures:
                if job.keep_failed:
                    store_failed(job, movie, report)
                _checkpoints_failed(result, report)
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
                result.message = latex_failure(exc) or f"{type(exc).__name__}: {exc}"
                result.details = "".join(traceback.format_exception(exc)[-8:])
        finally:
            if result.details or result.message:
                assert handler.stream is not None  # opened with the handler (no delay=True)
                handler.stream.write(f"\n{result.message}\n{result.details}\n")
            shutil.rmtree(media, ignore_errors=True)
    result.seconds = time.perf_counter() - started
    result.peak_rss_mb = _peak_rss_mb()
    return result
