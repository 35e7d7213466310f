"""Joining segments into a chapter's outputs with ffmpeg (stream copy; no manim import).

Every output is written into a temporary folder beside its final place and moved into place
only when complete, captions and sidecar first and the video last, so an interrupted or
failed build never leaves a partial file where a finished one is expected. An output never
shares its bytes with the segment cache (a one-segment chapter is copied, or cloned where the
filesystem can), and its stamp records the checksums of every file written, so a damaged
output is assembled again rather than reported unchanged (:func:`output_problem`).
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mathviz import ffmpeg
from mathviz.checkpoints import BeatRecord, SceneReport
from mathviz.course import Chapter
from mathviz.render import captions
from mathviz.render.integrity import Digest, canonical_hash, digest_of, problem_with
from mathviz.render.narration import placements
from mathviz.render.profiles import Profile
from mathviz.render.segments import TMP_MARK, cache_dir, write_atomic
from mathviz.voice.engine import Narrator

if TYPE_CHECKING:
    from mathviz.voice.track import Placement

__all__ = [
    "RenderOutput",
    "output_path",
    "DamagedOutput",
    "stamp_path",
    "sidecar_path",
    "output_files",
    "read_sidecar",
    "output_problem",
    "is_unchanged",
    "scene_offsets",
    "chapter_plays",
    "timeline",
    "poster_time",
    "assemble",
    "voice_track",
    "voice_track_dir",
    "kept_tracks",
    "VoiceAhead",
    "copy_file",
    "concat",
    "to_gif",
    "poster_frame",
    "probe_duration",
]


@dataclass(frozen=True)
class RenderOutput:
    """Files a chapter render wrote, and the lecture's length."""

    chapter: str
    video: Path
    captions_srt: Path
    captions_vtt: Path
    sidecar: Path
    duration: float
    #: what went wrong without failing the chapter (a damaged cached voice track, evicted)
    warnings: tuple[str, ...] = ()


def output_path(chapter: Chapter, profile: Profile, fmt: str, out_root: Path) -> Path:
    """``<out>/<profile>/<NN-level>/<id>-<slug>.<fmt>``, e.g. ``build/lecture/06-calculus/6.3-gradients.mp4``."""
    return out_root / profile.name / chapter.level.folder / f"{chapter.output_stem}.{fmt}"


class DamagedOutput(ValueError):
    """A finished output's sidecar that cannot be read."""


def stamp_path(final: Path) -> Path:
    """Where the fingerprint and checksums of a finished output are kept (hidden, beside it)."""
    return final.with_name(f".{final.name}.fingerprint")


def sidecar_path(final: Path) -> Path:
    """The output's JSON sidecar (beats, checkpoints, plays): one per format, e.g.
    ``6.3-gradients.mp4.json`` beside ``6.3-gradients.mp4``."""
    return final.with_name(f"{final.name}.json")


def output_files(final: Path) -> list[Path]:
    """Everything a chapter's output consists of: video, captions (shared by the formats)
    and sidecar."""
    return [final, final.with_suffix(".srt"), final.with_suffix(".vtt"), sidecar_path(final)]


def read_sidecar(final: Path) -> dict[str, Any]:
    """The sidecar of a finished output, or :class:`DamagedOutput` naming the file and fix."""
    path = sidecar_path(final)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("beats"), list):
            raise ValueError("no beats")
        float(data["duration"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise DamagedOutput(
            f"{path} is unreadable ({exc}); render the chapter again "
            f"(mathviz render re-assembles a damaged output)"
        ) from None
    return data


def output_problem(final: Path, fingerprint: str) -> str | None:
    """Why the output is not an unchanged build of ``fingerprint``, or ``None``.

    ``"missing"`` and ``"changed"`` (new inputs) are the ordinary reasons; anything else names
    a file that differs from what the build wrote (truncated, overwritten, deleted).
    """
    stamp = stamp_path(final)
    if not (final.is_file() and stamp.is_file()):
        return "missing"
    try:
        data = json.loads(stamp.read_text())
        recorded = {name: Digest.from_json(d) for name, d in data["files"].items()}
        built_from = data["fingerprint"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return "changed"  # a stamp of an older mathviz, or damaged: assemble again
    if built_from != fingerprint:
        return "changed"
    for path in output_files(final):
        if path.name not in recorded:
            return "changed"
        problem = problem_with(path, recorded[path.name])
        if problem is not None:
            return problem
    return None


def is_unchanged(final: Path, fingerprint: str) -> bool:
    """The output, its captions and sidecar exist, were built from ``fingerprint`` and still
    match the checksums written with them."""
    return output_problem(final, fingerprint) is None


def scene_offsets(reports: list[SceneReport]) -> list[float]:
    """Where each scene starts on the chapter's clock (segments played back to back)."""
    offsets, offset = [], 0.0
    for report in reports:
        offsets.append(offset)
        offset += report.duration
    return offsets


def chapter_plays(reports: list[SceneReport]) -> list[list[Any]]:
    """Every play of the chapter on its clock, ``[start, end, moving, beat]``, with the beat
    numbered through the chapter as in :func:`timeline` (``None`` between beats)."""
    plays: list[list[Any]] = []
    first = 0
    for report, offset in zip(reports, scene_offsets(reports), strict=True):
        plays += [
            [p.start + offset, p.end + offset, p.moving, None if p.beat is None else first + p.beat]
            for p in report.plays
        ]
        first += len(report.beats)
    return plays


def timeline(reports: list[SceneReport]) -> list[BeatRecord]:
    """All beats of the chapter on one clock (segments played back to back)."""
    beats: list[BeatRecord] = []
    for report, offset in zip(reports, scene_offsets(reports), strict=True):
        beats += captions.shifted(report.beats, offset, len(beats))
    return beats


def poster_time(beats: list[BeatRecord], duration: float) -> float:
    """Where the poster frame is taken: the end of the last beat before the end card."""
    if len(beats) >= 2:
        return max(0.0, beats[-2].end - 0.1)
    return duration / 2


def assemble(
    chapter: Chapter,
    profile: Profile,
    fmt: str,
    out_root: Path,
    segments: list[Path],
    reports: list[SceneReport],
    fingerprint: str | None = None,
    narrator: Narrator | None = None,
    reuse_voice: bool = False,
    ahead: VoiceAhead | None = None,
) -> RenderOutput:
    """Join ``segments`` (in order) into the chapter's output, captions and sidecar.

    When the beats were spoken, the voice track (every sentence at its time, loudness
    normalised, AAC for mp4 and Opus for webm) is laid over the joined video; gif and png
    stay silent. The segments are not consumed. ``fingerprint``, when given, is stamped
    beside the output so an unchanged rebuild can skip it. With ``reuse_voice``, the
    mastered track is kept in :func:`voice_track_dir` and reused while its speech and times
    are the same; a track mastered ``ahead`` by the build is taken under the same condition.
    """
    final = output_path(chapter, profile, fmt, out_root)
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(
        tempfile.mkdtemp(prefix=f".{chapter.output_stem}.partial-{os.getpid()}-", dir=final.parent)
    )
    try:
        container = "webm" if fmt == "webm" else "mp4"
        joined = work / f"joined.{container}"
        lengths = [round(r.duration * profile.fps) / profile.fps for r in reports]
        concat(
            segments, joined, lengths if len(lengths) == len(segments) and all(lengths) else None
        )
        beats = timeline(reports)
        duration = probe_duration(joined)
        produced = work / final.name
        audio: dict[str, object] | None = None
        notes: list[str] = []
        if fmt in ("mp4", "webm") and any(s.audio for b in beats for s in b.sentences):
            kept = kept_tracks(chapter, profile) if reuse_voice else None
            audio = voice_track(
                beats, joined, duration, produced, container, narrator, kept, notes, ahead
            )
            if ahead is not None:
                ahead.forget(chapter.id)
        elif fmt in ("mp4", "webm"):
            joined.replace(produced)
        elif fmt == "gif":
            to_gif(joined, produced, profile.fps)
        else:  # png poster
            poster_frame(joined, produced, poster_time(beats, duration))
        _, srt, vtt, side = output_files(final)
        (work / srt.name).write_text(captions.to_srt(beats), encoding="utf-8")
        (work / vtt.name).write_text(captions.to_vtt(beats), encoding="utf-8")
        sidecar = {
            "chapter": chapter.id,
            "title": chapter.title,
            "level": chapter.level.number,
            "profile": profile.name,
            "format": fmt,
            "duration": duration,
            "video": final.name,
            "captions": [srt.name, vtt.name],
            "segments": [r.scene for r in reports],
            "audio": audio,
            "beats": [b.as_json() for b in beats],
            "checkpoints": [c.as_json() for r in reports for c in r.checkpoints],
            # every play on the chapter's clock: [start, end, moving, chapter beat or None]
            "plays": chapter_plays(reports),
        }
        (work / side.name).write_text(json.dumps(sidecar, indent=2), encoding="utf-8")
        stamp = stamp_path(final)
        stamp.unlink(missing_ok=True)  # an output without a matching stamp is never "unchanged"
        digests = {
            path.name: digest_of(work / path.name).as_json() for path in (final, srt, vtt, side)
        }
        for path in (srt, vtt, side, final):  # the video last: its presence means "complete"
            os.replace(work / path.name, path)
        if fingerprint is not None:
            (work / stamp.name).write_text(
                json.dumps({"fingerprint": fingerprint, "files": digests}, indent=1)
            )
            os.replace(work / stamp.name, stamp)
        return RenderOutput(chapter.id, final, srt, vtt, side, duration, tuple(notes))
    finally:
        shutil.rmtree(work, ignore_errors=True)


#: a change to how tracks are mastered that the source of :mod:`mathviz.voice.track` does not
#: show invalidates every cached track when this is raised
TRACK_CACHE_VERSION = 1


def voice_track_dir() -> Path:
    """Mastered voice tracks, one per chapter, profile and codec (``<cache>/voice-tracks``)."""
    return cache_dir() / "voice-tracks"


def kept_tracks(chapter: Chapter, profile: Profile) -> Path:
    """The folder of ``chapter``'s mastered tracks in ``profile`` (one per codec)."""
    return voice_track_dir() / profile.name / chapter.output_stem


def _track_key(placed: list[Placement], duration: float, codec: str, track_source: Path) -> str:
    """What a mastered track is made of: every sentence's audio bytes and start, the
    track's length, the codec and the mastering code."""
    audio: dict[Path, str] = {}
    for p in placed:
        if p.wav not in audio:
            audio[p.wav] = hashlib.sha256(Path(p.wav).read_bytes()).hexdigest()
    return canonical_hash(
        {
            "version": TRACK_CACHE_VERSION,
            "mastering": hashlib.sha256(track_source.read_bytes()).hexdigest(),
            "codec": codec,
            "duration": repr(float(duration)),
            "sentences": [[audio[p.wav], repr(float(p.start))] for p in placed],
        }
    )


def _reuse_track(
    folder: Path, key: str, encoded: Path, warnings: list[str]
) -> dict[str, object] | None:
    """Copy the track kept under ``key`` to ``encoded`` and return its loudness figures, if
    it is whole (a copy: another build may replace the chapter's kept track meanwhile); a
    damaged one is removed, with a line in ``warnings``, and ``None`` returned."""
    audio, record = folder / f"{key}{encoded.suffix}", folder / f"{key}.json"
    if not record.is_file():
        return None
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        problem = problem_with(audio, Digest.from_json(data["digest"]))
        figures = dict(data["figures"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        problem = f"{record.name} is unreadable ({exc})"
    if problem is None:
        try:
            copy_file(audio, encoded)
            return figures
        except OSError:
            return None  # replaced or removed by another build just now: master it here
    warnings.append(f"damaged voice track evicted, mastering it again: {problem}")
    record.unlink(missing_ok=True)
    audio.unlink(missing_ok=True)
    return None


def _store_track(
    folder: Path, key: str, encoded: Path, figures: dict[str, object], warnings: list[str]
) -> None:
    """Keep a mastered track (audio first, its record last) in place of the folder's other
    tracks of the same codec; a cache that cannot be written only costs the next build time."""
    audio = folder / f"{key}{encoded.suffix}"
    tmp = audio.with_name(f"{audio.name}{TMP_MARK}{os.getpid()}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy_file(encoded, tmp)
        os.replace(tmp, audio)
        digest = digest_of(audio)
        write_atomic(
            folder / f"{key}.json", json.dumps({"digest": digest.as_json(), "figures": figures})
        )
        for older in folder.glob(f"*{encoded.suffix}"):
            if older != audio and TMP_MARK not in older.name:
                older.with_suffix(".json").unlink(missing_ok=True)
                older.unlink(missing_ok=True)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        warnings.append(f"the voice track could not be kept in the cache ({exc})")


def voice_track(
    beats: list[BeatRecord],
    video: Path,
    duration: float,
    target: Path,
    container: str,
    narrator: Narrator | None,
    cache: Path | None = None,
    warnings: list[str] | None = None,
    ahead: VoiceAhead | None = None,
) -> dict[str, object]:
    """Mux the spoken sentences of ``beats`` over ``video`` into ``target``; the track's
    loudness figures (for the sidecar).

    A sentence whose speech is no longer cached is synthesised again (``narrator``). With a
    ``cache`` folder, a track mastered before from the same speech at the same times (and the
    same mastering code) is reused after its checksum is verified: mixing, loudness
    normalisation and measuring take seconds a chapter, and the sound of a chapter whose
    pictures alone changed has not changed. A damaged cached track is noted in ``warnings``.
    A track this build mastered ``ahead`` from the same speech at the same times is taken
    as it is.
    """
    from mathviz.voice import track  # numpy (scipy when mastering): not needed to plan a build

    notes = warnings if warnings is not None else []
    placed = placements(beats, narrator)
    codec, suffix = _track_format(container)
    encoded = target.parent / f"voice{suffix}"
    key = _track_key(placed, duration, codec, Path(track.__file__)) if cache or ahead else ""
    kept = _reuse_track(cache, key, encoded, notes) if cache else None
    if kept is not None:
        figures = kept
    else:
        loudness = ahead.take(key, encoded) if ahead is not None else None
        if loudness is None:
            loudness = master_track(placed, duration, codec, encoded)
        figures = {
            "codec": codec,
            "sample_rate": 48000,
            "sentences": len(placed),
            "integrated_lufs": round(loudness.integrated_lufs, 2),
            "true_peak_dbtp": round(loudness.true_peak_dbtp, 2),
            "voice": next(s.audio for b in beats for s in b.sentences if s.audio).split("/")[0],
        }
        if cache:
            _store_track(cache, key, encoded, figures, notes)
    track.mux(video, encoded, target)
    return figures


def _track_format(container: str) -> tuple[Literal["aac", "opus"], str]:
    """The voice track's codec and file suffix for a ``container``: Opus in webm (which
    cannot hold AAC), AAC in an ``.m4a`` otherwise."""
    return ("opus", ".webm") if container == "webm" else ("aac", ".m4a")


def master_track(
    placed: list[Placement], duration: float, codec: Literal["aac", "opus"], encoded: Path
) -> Any:
    """Mix the sentences ``placed`` into a track ``duration`` seconds long, normalise its
    loudness and encode it to ``encoded``; its :class:`~mathviz.voice.track.Loudness`."""
    from mathviz.voice import track

    return track.normalise_and_encode(track.mix(placed, duration), 48000, encoded, codec)


@dataclass(eq=False)
class _Mastering:
    """One chapter's track mastered ahead: its key, what it is made of, and how far it is."""

    key: str
    chapter: str
    placed: list[Placement]
    duration: float
    codec: Literal["aac", "opus"]
    encoded: Path
    #: queued, running, done, failed, or dropped (its chapter came first: mastered there)
    state: str = "queued"
    loudness: Any = None
    finished: threading.Event = field(default_factory=threading.Event)


class VoiceAhead:
    """Voice tracks mastered while their chapters are still rendering, on a core the build
    leaves idle, from the timeline each chapter had in its last output.

    A chapter's track depends only on its sentences' speech, their times and the video's
    length (the key of :func:`voice_track`). A chapter rendered again with the same narration
    (pictures edited, a new profile setting, ``--force``) gets the very track it had, which
    would be mastered only once its last segment is in: seconds on one core at the end of
    the build, while the other cores wait. Mastered ahead, it is ready then.
    :func:`voice_track` takes a track from here only under the key it computes from the
    render itself, so a timeline that changed costs the idle core's time and nothing else.

    Tracks are mastered one at a time on one thread into ``folder``, which :meth:`close`
    removes; the thread is a daemon, so that an interrupted build waits for it only as long
    as it chooses (:meth:`close`).
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._lock = threading.Lock()
        self._by_key: dict[str, _Mastering] = {}
        self._queue: list[_Mastering] = []
        self._thread: threading.Thread | None = None
        self._closed = False

    def predict(
        self,
        chapter: Chapter,
        profile: Profile,
        fmt: str,
        out_root: Path,
        kept: Path | None = None,
    ) -> bool:
        """Queue the track of ``chapter``'s previous output in ``profile`` and ``fmt``, if
        it has one with speech whose audio is all still cached and the folder of ``kept``
        tracks (:func:`voice_track`'s ``cache``) does not hold it; whether it was queued."""
        if fmt not in ("mp4", "webm"):
            return False
        try:
            data = read_sidecar(output_path(chapter, profile, fmt, out_root))
            beats = [BeatRecord.from_json(b) for b in data["beats"]]
            duration = float(data["duration"])
            placed = placements(beats, None)  # never synthesised for a guess
        except (DamagedOutput, RuntimeError, ValueError, KeyError, TypeError, AttributeError):
            return False
        if not placed:
            return False
        from mathviz.voice import track

        codec, suffix = _track_format(fmt)
        try:
            key = _track_key(placed, duration, codec, Path(track.__file__))
        except OSError:
            return False
        if kept is not None and (kept / f"{key}.json").is_file():
            return False
        with self._lock:
            if self._closed or key in self._by_key:
                return False
            encoded = self._folder / f"{len(self._by_key)}-{chapter.output_stem}{suffix}"
            item = _Mastering(key, chapter.id, placed, duration, codec, encoded)
            self._by_key[key] = item
            self._queue.append(item)
        return True

    def start(self) -> None:
        """Begin mastering what is queued (once; later calls do nothing)."""
        with self._lock:
            if self._thread is not None or self._closed or not self._queue:
                return
            self._thread = threading.Thread(target=self._run, name="voice-ahead", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                item = next((m for m in self._queue if m.state == "queued"), None)
                if item is None or self._closed:
                    return
                item.state = "running"
                try:  # here, not after close() removed the folder
                    self._folder.mkdir(parents=True, exist_ok=True)
                except OSError:
                    item.state = "failed"
                    item.finished.set()
                    continue
            try:
                loudness = master_track(item.placed, item.duration, item.codec, item.encoded)
            except Exception:  # noqa: BLE001 - mastered again (and reported) by its chapter
                state, loudness = "failed", None
            else:
                state = "done"
            with self._lock:
                item.state, item.loudness = state, loudness
            item.finished.set()

    def take(self, key: str, encoded: Path) -> Any:
        """Move the track mastered ahead under ``key`` to ``encoded`` and return its
        loudness, waiting for it if it is being mastered; ``None`` if there is none (one
        still queued is dropped: the caller masters it now)."""
        with self._lock:
            item = self._by_key.get(key)
            if item is None or item.state in ("dropped", "failed"):
                return None
            if item.state == "queued":
                item.state = "dropped"
                return None
        item.finished.wait()
        with self._lock:
            if item.state != "done":
                return None
            item.state = "dropped"  # taken: a second chapter with this track masters its own
        try:
            os.replace(item.encoded, encoded)
        except OSError:
            return None
        return item.loudness

    def forget(self, chapter: str) -> None:
        """Master nothing more for ``chapter`` (its track is made): a guess still queued
        for it is dropped."""
        with self._lock:
            for item in self._queue:
                if item.chapter == chapter and item.state == "queued":
                    item.state = "dropped"

    def close(self, timeout: float | None = None) -> None:
        """Master nothing more, wait up to ``timeout`` seconds (``None``: as long as it
        takes) for the track being mastered, and remove the folder."""
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
        shutil.rmtree(self._folder, ignore_errors=True)


def _ffmpeg(*args: str) -> None:
    ffmpeg.run(["ffmpeg", "-v", "error", "-y", *args], f"ffmpeg {' '.join(args)}")


#: Linux ioctl cloning a file's extents (btrfs, XFS, bcachefs): a copy that shares no bytes
#: with its source once either is written, at the cost of a metadata update
_FICLONE = 0x40049409


def copy_file(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target``: a reflink clone where the filesystem supports it, else a
    plain copy. Never a hard link: the target must not change when the source does."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        try:
            fcntl.ioctl(dst.fileno(), _FICLONE, src.fileno())
            return
        except OSError as exc:
            if exc.errno not in (
                errno.EOPNOTSUPP,
                errno.ENOTTY,
                errno.EXDEV,
                errno.EINVAL,
                errno.ENOSYS,
                errno.EBADF,
            ):
                raise
        shutil.copyfileobj(src, dst, 1 << 20)


def concat(segments: list[Path], target: Path, durations: Sequence[float] | None = None) -> None:
    """Join video segments without re-encoding into a fresh file (never sharing bytes with
    the segments); an mp4 gets its index (``moov``) before the data, for streaming.

    ``durations`` (seconds, one per segment: its frames over its frame rate) place each
    segment exactly where the one before it ends. Without them ffmpeg takes a segment's
    length from its file, which mp4 rounds up to the millisecond: every segment after it
    would start up to a millisecond late, and the join would not have the timestamps of one
    render. A single webm segment is copied (a reflink clone where the filesystem can)."""
    if len(segments) == 1 and target.suffix != ".mp4":
        copy_file(segments[0], target)
        return
    if durations is not None and len(durations) != len(segments):
        raise ValueError(f"{len(segments)} segments but {len(durations)} durations")
    listing = target.with_suffix(".txt")
    listing.write_text(
        "".join(
            f"file '{s.resolve()}'\n"
            + (f"duration {durations[i]:.6f}\n" if durations is not None else "")
            for i, s in enumerate(segments)
        )
    )
    faststart = ("-movflags", "+faststart") if target.suffix == ".mp4" else ()
    _ffmpeg("-f", "concat", "-safe", "0", "-i", str(listing), "-c", "copy", *faststart, str(target))


def to_gif(video: Path, target: Path, fps: int) -> None:
    """A palette-optimised GIF of the video at no more than 15 fps."""
    rate = min(fps, 15)
    _ffmpeg(
        "-i",
        str(video),
        "-vf",
        f"fps={rate},split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse",
        str(target),
    )


def poster_frame(video: Path, target: Path, at: float) -> None:
    """One PNG frame of the video at ``at`` seconds."""
    _ffmpeg("-ss", f"{at:.3f}", "-i", str(video), "-frames:v", "1", str(target))


def probe_duration(video: Path) -> float:
    """Container duration in seconds, from ffprobe."""
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(video)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(result.stdout)["format"]["duration"])
