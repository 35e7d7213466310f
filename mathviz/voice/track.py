"""The lecture's audio track: speech laid out in time, loudness-normalised, encoded and muxed.

Sentences spoken beforehand by Piper (one WAV each, normally 22050 Hz mono 16-bit) are placed
at known start times on a float track at 48 kHz (:func:`mix`).  The track is brought to
-16 LUFS integrated (EBU R128 / ITU-R BS.1770, measured with pyloudnorm) with a true-peak
ceiling of -1 dBTP by one linear gain, and encoded to AAC-LC (for mp4) or Opus (for webm,
which cannot hold AAC) at 48 kHz (:func:`normalise_and_encode`).  The encoded file is decoded
back and measured again (:func:`measure`: pyloudnorm for integrated loudness, a 4x oversampled
sample peak for true peak), so a track that misses the target is an error, not a surprise on
the published site.  :func:`mux` joins the encoded audio to the silently rendered video,
copying both streams (the video is never re-encoded).

Peaks
-----
Piper's speech has a peak-to-loudness ratio of about 18 dB; at -16 LUFS its peaks would reach
about +2 dBTP.  So before the gain the track goes through a lookahead true-peak limiter
(:func:`_limit_for_gain`: a smooth gain with 10 ms ramps, applied only around peaks that would
exceed the ceiling after the gain).  The lossy encoder adds its own overshoot on transients
(:data:`_TP_TARGET`), which is why the limiter aims below -1 dBTP.

Why not ffmpeg's ``loudnorm``: in its linear mode it applies the same single gain, but it
measures in a pass of its own and resamples to 192 kHz on the way, and its meter and
pyloudnorm's differ by a few tenths of a LU on speech with pauses, so hitting the target took
two rounds of two passes: 15.3 CPU-seconds for chapter 6.3's 98 s, against 6.5 here
(ffmpeg's encoder and the whole process included).

Encoder delay
-------------
AAC and Opus encoders prepend priming samples (1024 for ffmpeg's AAC encoder, 312 "pre-skip"
for libopus) and pad the last frame.  The containers used here record both (an ``elst`` edit
list in mp4/m4a; ``CodecDelay`` and ``DiscardPadding`` in webm/Matroska), ffmpeg copies that
record when remuxing, and decoders drop the priming, so speech placed at ``t`` seconds is
heard at ``t`` seconds.  The webm's Opus track decodes to exactly the mix's length; the mp4's
AAC track records exactly that length too (its last packet is short), though ffmpeg 5.1's
decoder still emits the last frame whole (under 1024 samples, 21.3 ms, of trailing silence).
This is why the intermediate audio file must be m4a/mp4 or webm/mka: raw ADTS ``.aac`` has
no place for the delay, and Ogg Opus remuxed into webm gets its video shifted by the pre-skip.

No manim import: this module runs in the voice stage, beside the renderer.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import subprocess
import tempfile
import warnings
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from mathviz import ffmpeg

_log = logging.getLogger(__name__)

__all__ = [
    "Placement",
    "Loudness",
    "TARGET_LUFS",
    "TRUE_PEAK_LIMIT_DBTP",
    "LOUDNESS_TOLERANCE_LU",
    "mix",
    "normalise_and_encode",
    "mux",
    "measure",
    "has_audio",
]

#: Integrated loudness every lecture is normalised to (LUFS).
TARGET_LUFS: float = -16.0
#: Highest true peak an encoded track may have (dBTP).
TRUE_PEAK_LIMIT_DBTP: float = -1.0
#: How far (LU) the encoded track's integrated loudness may be from :data:`TARGET_LUFS`.
LOUDNESS_TOLERANCE_LU: float = 1.0
#: True-peak target of the first attempt, per codec: below the -1 dBTP limit by more than
#: the lossy encoder's overshoot on this voice (the limited peaks, held 0.3 dB lower still,
#: came out up to 0.3 dB higher in AAC and up to 1.1 dB higher in Opus, on 12 lectures).  If
#: the encoded track still peaks above the limit, the target is lowered by :data:`_TP_STEP`
#: dB (not below :data:`_TP_FLOOR`) and the track redone.
_TP_TARGET: dict[str, float] = {"aac": -1.5, "opus": -2.0}
_TP_STEP: float = 0.5
_TP_FLOOR: float = -3.0
#: The gain and encoding are repeated (at most this many times in all), with the loudness
#: target corrected by the error measured on the encoded file, until the encoded track is
#: within :data:`_AIM_LU` of :data:`TARGET_LUFS` (the encoder moves the loudness by a few
#: hundredths of a LU); :data:`LOUDNESS_TOLERANCE_LU` is the hard limit.
_MAX_ATTEMPTS: int = 6
_AIM_LU: float = 0.25
#: When the true-peak target is at :data:`_TP_FLOOR` and the encoded track still peaks above
#: the limit (the lossy encoder's overshoot on a transient can reach 2 dB), the loudness aim is
#: lowered by the excess plus this margin, never below the tolerance: a track a few tenths of
#: a LU quiet is within spec, one that clips is not.
_OVERSHOOT_MARGIN_DB: float = 0.2
#: Half-width of the peak limiter's gain window (s): the gain eases down over this long before
#: a peak and back up over this long after it.
_LIMITER_HALF_WINDOW: float = 0.010
#: How far (dB) below the true-peak target the limiter holds the peaks, to absorb the
#: difference between its 4x-oversampled peak and the peak between those samples.
_LIMITER_MARGIN_DB: float = 0.3
#: Sample rate of everything this module writes and measures (Hz).
_RATE: int = 48000
#: True peak is estimated by oversampling this many times (ITU-R BS.1770-4, annex 2).
_OVERSAMPLE: int = 4
_BITRATES = {"aac": "128k", "opus": "96k"}
_ENCODERS = {"aac": "aac", "opus": "libopus"}
#: ffmpeg's own AAC encoder with its "fast" quantiser search rather than its default "two
#: loop" one: on a 98 s lecture at 128 kb/s a third of the time (0.66 s against 1.94 s), a
#: waveform SNR of 43.9 dB against 28.3 dB, and no 1 dB overshoot of the limited peaks
_ENCODER_OPTIONS: dict[str, tuple[str, ...]] = {"aac": ("-aac_coder", "fast"), "opus": ()}
#: Audio file suffixes that keep the encoder delay, per codec (see the module docstring).
_AUDIO_SUFFIXES = {"aac": (".m4a", ".mp4"), "opus": (".webm", ".mka")}
_MUXERS = {".m4a": "ipod", ".mp4": "mp4", ".webm": "webm", ".mka": "matroska"}
#: Video container -> (ffmpeg muxer, audio codec it must carry, extra muxer flags).
_VIDEO_CONTAINERS = {
    ".mp4": ("mp4", "aac", ("-movflags", "+faststart")),
    ".m4v": ("mp4", "aac", ("-movflags", "+faststart")),
    ".mov": ("mov", "aac", ("-movflags", "+faststart")),
    ".webm": ("webm", "opus", ()),
}


@dataclass(frozen=True)
class Placement:
    """One spoken sentence on the track.

    Attributes
    ----------
    wav : Path
        The sentence as a mono 16-bit PCM WAV file (Piper writes 22050 Hz).
    start : float
        When it starts on the track, in seconds from the beginning of the video.
    """

    wav: Path
    start: float


@dataclass(frozen=True)
class Loudness:
    """What a track measures.

    Attributes
    ----------
    integrated_lufs : float
        Integrated loudness (ITU-R BS.1770-4 gated), LUFS; ``-inf`` for digital silence and
        ``nan`` for a track shorter than one 400 ms gating block.
    true_peak_dbtp : float
        Largest absolute sample after 4x oversampling, dBTP; ``-inf`` for digital silence.
    duration : float
        Length of the decoded audio, seconds.
    """

    integrated_lufs: float
    true_peak_dbtp: float
    duration: float


# --------------------------------------------------------------------------------------- mix


def _read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Samples of a mono 16-bit PCM WAV as float64 in [-1, 1), and its sample rate."""
    try:
        with wave.open(str(path), "rb") as w:
            channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
            if channels != 1 or width != 2:
                raise ValueError(
                    f"{path}: expected a mono 16-bit PCM WAV, got {channels} channel(s) of "
                    f"{8 * width}-bit samples"
                )
            frames = w.readframes(w.getnframes())
    except (wave.Error, EOFError) as exc:
        raise ValueError(f"{path}: not a readable PCM WAV file ({exc})") from exc
    if rate <= 0:
        raise ValueError(f"{path}: invalid sample rate {rate}")
    return np.frombuffer(frames, dtype="<i2").astype(np.float64) / 32768.0, rate


def _resample(x: np.ndarray, src: int, dst: int) -> np.ndarray:
    """``x`` from ``src`` Hz to ``dst`` Hz with a polyphase filter (22050 -> 48000: 320/147)."""
    if src == dst or x.size == 0:
        return x
    from scipy.signal import resample_poly

    g = math.gcd(src, dst)
    resampled: np.ndarray = resample_poly(x, dst // g, src // g)
    return resampled


def mix(placements: Sequence[Placement], duration: float, rate: int = _RATE) -> np.ndarray:
    """Lay spoken sentences on a silent track.

    Parameters
    ----------
    placements : Sequence[Placement]
        Sentences and their start times.  Overlapping sentences are summed.
    duration : float
        Length of the track in seconds (the video's duration).
    rate : int, optional
        Sample rate of the track, Hz (default 48000).

    Returns
    -------
    numpy.ndarray
        float32 mono samples, exactly ``round(duration * rate)`` of them.

    Raises
    ------
    ValueError
        If a WAV is not mono 16-bit PCM, a start time is negative or not finite, or a sentence
        would run past ``duration`` (by more than one output sample, which is what rounding the
        start and resampling can cost); the message names the file and the overrun.
    """
    if not (math.isfinite(duration) and duration >= 0):
        raise ValueError(f"duration must be a finite number of seconds >= 0, got {duration}")
    if rate <= 0:
        raise ValueError(f"rate must be positive, got {rate}")
    n = round(duration * rate)
    track = np.zeros(n, dtype=np.float64)
    # Each file once: (samples at ``rate``, true length in seconds before resampling rounds).
    speeches: dict[Path, tuple[np.ndarray, float]] = {}
    for p in placements:
        wav = Path(p.wav)
        if not (math.isfinite(p.start) and p.start >= 0):
            raise ValueError(f"{wav}: start must be a finite time >= 0 s, got {p.start}")
        key = wav.resolve()
        if key not in speeches:
            x, src = _read_wav(wav)
            speeches[key] = (_resample(x, src, rate), x.size / src)
        speech, seconds = speeches[key]
        overrun = p.start + seconds - duration
        if overrun > 1.0 / rate:
            raise ValueError(
                f"{wav}: speech from {p.start:.3f} s lasts {seconds:.3f} s and runs "
                f"{overrun:.3f} s ({overrun * 1000:.1f} ms) past the end of the "
                f"{duration:.3f} s track"
            )
        i = round(p.start * rate)
        end = min(n, i + speech.size)
        if end > i:
            track[i:end] += speech[: end - i]
    return track.astype(np.float32)


# ----------------------------------------------------------------------------------- ffmpeg


#: ffmpeg quiet but for errors, never reading the terminal, overwriting its output
_FFMPEG_WRITE = ("ffmpeg", "-nostdin", "-v", "error", "-y")


def _run(args: Sequence[str], what: str) -> subprocess.CompletedProcess[bytes]:
    """Run ffmpeg/ffprobe (:func:`mathviz.ffmpeg.run`: a failure raises a RuntimeError)."""
    return ffmpeg.run(args, what)


def _probe_streams(path: Path) -> list[dict[str, Any]]:
    """ffprobe's stream list of ``path``."""
    if not Path(path).exists():
        raise FileNotFoundError(path)
    out = _run(
        [
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "stream=index,codec_type,codec_name,channels,sample_rate",
            "-of",
            "json",
            str(path),
        ],
        f"ffprobe {path}",
    )
    streams: list[dict[str, Any]] = json.loads(out.stdout.decode("utf-8", "replace") or "{}").get(
        "streams", []
    )
    return streams


def has_audio(path: Path) -> bool:
    """Whether ``path`` has at least one audio stream (asked of ffprobe).

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist.
    RuntimeError
        If ffprobe cannot read it.
    """
    return any(s.get("codec_type") == "audio" for s in _probe_streams(path))


def _decode(path: Path) -> np.ndarray:
    """The first audio stream of ``path`` as float64 at 48 kHz, shape (samples, channels)."""
    audio = [s for s in _probe_streams(path) if s.get("codec_type") == "audio"]
    if not audio:
        raise ValueError(f"{path}: no audio stream")
    channels = int(audio[0].get("channels") or 1)
    out = _run(
        [
            "ffmpeg",
            "-nostdin",
            "-v",
            "error",
            "-i",
            str(path),
            "-map",
            "0:a:0",
            "-ac",
            str(channels),
            "-ar",
            str(_RATE),
            "-c:a",
            "pcm_f32le",
            "-f",
            "f32le",
            "-",
        ],
        f"decoding {path}",
    )
    data = np.frombuffer(out.stdout, dtype="<f4").astype(np.float64)
    return data[: data.size - data.size % channels].reshape(-1, channels)


def _peak_envelope(x: np.ndarray, chunk: int = 1 << 20) -> np.ndarray:
    """Per input sample, the largest absolute value among its 4 oversampled values.

    Oversampling is done in overlapping chunks so a long lecture never holds 4x its samples
    in memory; the overlap is wider than the interpolation filter, so the result equals
    one-shot oversampling.  ``x`` has shape (samples,) or (samples, channels); the envelope is
    the maximum over channels.
    """
    from scipy.signal import resample_poly

    x = x.reshape(x.shape[0], -1)
    n, margin = x.shape[0], 256
    env = np.zeros(n, dtype=np.float32)
    for s in range(0, n, chunk):
        lo, hi, e = max(0, s - margin), min(n, s + chunk + margin), min(n, s + chunk)
        y = np.abs(resample_poly(x[lo:hi], _OVERSAMPLE, 1, axis=0))
        y = y[(s - lo) * _OVERSAMPLE : (e - lo) * _OVERSAMPLE]
        env[s:e] = y.reshape(e - s, -1).max(axis=1)
    return env


def _to_db(amplitude: float) -> float:
    return 20.0 * math.log10(amplitude) if amplitude > 0 else -math.inf


def _true_peak_dbtp(x: np.ndarray) -> float:
    """Largest absolute sample after 4x polyphase oversampling, in dBTP."""
    return _to_db(float(_peak_envelope(x).max())) if x.shape[0] else -math.inf


def _integrated_lufs(x: np.ndarray, rate: int = _RATE) -> float:
    """Integrated loudness with pyloudnorm (BS.1770-4 gating), LUFS."""
    import pyloudnorm

    x = x.reshape(x.shape[0], -1)
    if x.shape[0] < round(0.4 * rate) + 1:
        return math.nan  # shorter than one gating block: undefined
    if not np.any(x):
        return -math.inf
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "possible clipped samples", log10(0) in gated blocks
        return float(pyloudnorm.Meter(rate).integrated_loudness(x[:, 0] if x.shape[1] == 1 else x))


def measure(path: Path) -> Loudness:
    """Measure the first audio stream of an audio or video file.

    The stream is decoded by ffmpeg to float at 48 kHz; integrated loudness is measured with
    pyloudnorm and true peak as the largest absolute sample after 4x oversampling.

    Parameters
    ----------
    path : Path
        Any file ffmpeg can decode that has an audio stream.

    Returns
    -------
    Loudness
        Integrated loudness (LUFS), true peak (dBTP) and decoded duration (s).

    Raises
    ------
    ValueError
        If the file has no audio stream.
    RuntimeError
        If ffprobe or ffmpeg fails.
    """
    x = _decode(Path(path))
    return Loudness(_integrated_lufs(x), _true_peak_dbtp(x), x.shape[0] / _RATE)


# -------------------------------------------------------------------- normalise and encode


def _write_float_wav(path: Path, samples: np.ndarray, rate: int) -> None:
    """A mono IEEE-float WAV (values beyond +/-1 are kept; the loud case must not clip here)."""
    from scipy.io import wavfile

    wavfile.write(path, rate, np.ascontiguousarray(samples, dtype=np.float32))


def _encode_args(codec: str, target: Path) -> list[str]:
    return [
        "-ar",
        str(_RATE),
        "-ac",
        "1",
        "-c:a",
        _ENCODERS[codec],
        *_ENCODER_OPTIONS[codec],
        "-b:a",
        _BITRATES[codec],
        "-map_metadata",
        "-1",
        "-f",
        _MUXERS[target.suffix.lower()],
        str(target),
    ]


def _limiter_gain(env: np.ndarray, ceiling_db: float, width: int) -> np.ndarray:
    """Smooth gain <= 1 that brings a signal with peak envelope ``env`` down to the ceiling.

    The gain each sample needs (ceiling over its 4x-oversampled peak) is spread by a minimum
    filter and then smoothed by a moving average, both ``width`` samples wide and centred, so
    at every sample the smoothed gain is at most the gain that sample needs (every window the
    average covers contains that sample), and it eases down before a peak and back up after it
    over ``width // 2`` samples instead of jumping.  Where no peak is near, the gain is 1.
    """
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    need = np.minimum(
        np.float32(1.0),
        np.float32(10.0 ** (ceiling_db / 20.0)) / np.maximum(env, np.float32(1e-30)),
    )
    gain = uniform_filter1d(minimum_filter1d(need, width, mode="nearest"), width, mode="nearest")
    limited: np.ndarray = np.minimum(gain, np.float32(1.0))
    return limited


def _limit_for_gain(x: np.ndarray, rate: int, tp: float) -> np.ndarray:
    """``x`` with its peaks limited just enough that a linear gain to -16 LUFS keeps them <= tp.

    A linear gain to :data:`TARGET_LUFS` keeps the true peak at or below ``tp`` (less
    :data:`_LIMITER_MARGIN_DB`) only if the peak-to-loudness ratio is at most
    ``tp - margin - TARGET_LUFS`` (14.2 dB for ``tp = -1.5``).  Limiting lowers the loudness
    as well as the peaks, so the ceiling is solved for: the highest ceiling ``c`` with
    ``c - I(limited) <= that ratio``, by secant steps (a fixed-point step to start).
    ``x`` is returned unchanged if its ratio is already small enough.
    """
    max_plr = tp - _LIMITER_MARGIN_DB - TARGET_LUFS
    env = _peak_envelope(x)
    loudness = _integrated_lufs(x, rate)
    if _to_db(float(env.max())) - loudness <= max_plr:
        return x
    width = 2 * max(1, round(_LIMITER_HALF_WINDOW * rate)) + 1
    best: np.ndarray | None = None
    ceiling, previous = loudness + max_plr, None
    for _ in range(30):
        y = x * _limiter_gain(env, ceiling, width)
        slack = max_plr + _integrated_lufs(y, rate) - ceiling  # >= 0: peaks fit after the gain
        if slack >= -0.01:
            best = y
            if slack <= 0.05:
                break
        if previous is not None and slack != previous[1]:
            step = -slack * (ceiling - previous[0]) / (slack - previous[1])
        else:
            step = slack  # fixed point: the ceiling the measured loudness allows
        previous = (ceiling, slack)
        ceiling += max(-6.0, min(6.0, step))
    return best if best is not None else y


def _encode(samples: np.ndarray, rate: int, codec: str, target: Path, scratch: Path) -> None:
    """Encode float ``samples`` to ``target`` through the float WAV ``scratch``."""
    _write_float_wav(scratch, samples, rate)
    _run(
        [
            *_FFMPEG_WRITE,
            "-i",
            str(scratch),
            *_encode_args(codec, target),
        ],
        f"encoding {target}",
    )


def _encode_at(
    samples: np.ndarray, rate: int, codec: str, target: Path, goal_i: float, scratch: Path
) -> float:
    """Encode ``samples`` brought by one linear gain to ``goal_i`` LUFS (pyloudnorm's
    measure) to ``target``; the gain in dB."""
    gain_db = goal_i - _integrated_lufs(samples, rate)
    _encode(samples * 10.0 ** (gain_db / 20.0), rate, codec, target, scratch)
    return gain_db


def normalise_and_encode(
    samples: np.ndarray, rate: int, target: Path, codec: Literal["aac", "opus"]
) -> Loudness:
    """Normalise a mixed track to -16 LUFS / <= -1 dBTP and encode it.

    1. Peaks: if a linear gain to -16 LUFS would put the true peak above the true-peak
       target (first -1.5 dBTP for AAC, -2 for Opus) less 0.3 dB, a lookahead true-peak
       limiter (10 ms gain ramps, only around such peaks) brings them down first (see the
       module docstring).
    2. One linear gain to the loudness target, as pyloudnorm measures it (-16 LUFS first),
       then encoded by ffmpeg at 48 kHz (AAC-LC 128 kb/s, or Opus 96 kb/s) into ``target``.
    3. The encoded file is decoded and measured (:func:`measure`).  If it is more than
       0.25 LU off target, step 2 is redone with the loudness target corrected by the error;
       if its true peak is above -1 dBTP (the encoder's overshoot), steps 1-2 are redone
       with a true-peak target 0.5 dB lower (down to -3 dBTP), and below that with the
       loudness aim lowered by the excess (staying within the 1 LU tolerance).  At most six
       attempts; if the last one misses the tolerance, the attempt closest to -16 LUFS
       within it (if any) is the one kept.

    Parameters
    ----------
    samples : numpy.ndarray
        Mono float samples (e.g. from :func:`mix`); may exceed +/-1.
    rate : int
        Their sample rate, Hz.
    target : Path
        Where to write the encoded audio: ``.m4a``/``.mp4`` for ``"aac"``, ``.webm``/``.mka``
        for ``"opus"`` (containers that record the encoder delay, see the module docstring).
    codec : {"aac", "opus"}
        ``"aac"`` for an mp4 lecture, ``"opus"`` for a webm one.

    Returns
    -------
    Loudness
        Measured on the encoded file.  A silent track (all samples zero) is encoded as digital
        silence without ``loudnorm`` and measures ``-inf`` LUFS / ``-inf`` dBTP.

    Raises
    ------
    ValueError
        For a bad codec, target suffix or rate, or samples that are not mono or not finite.
    RuntimeError
        If ffmpeg fails, the track is too short (< 0.4 s) or too quiet to measure, or the
        encoded track misses -16 +/- 1 LUFS or exceeds -1 dBTP.
    """
    target = Path(target)
    if codec not in _ENCODERS:
        raise ValueError(f"codec must be 'aac' or 'opus', got {codec!r}")
    if target.suffix.lower() not in _AUDIO_SUFFIXES[codec]:
        raise ValueError(
            f"{target}: {codec} audio must be written to one of {', '.join(_AUDIO_SUFFIXES[codec])}"
        )
    x = np.asarray(samples, dtype=np.float64)
    if x.ndim != 1:
        raise ValueError(f"samples must be mono (1-D), got shape {x.shape}")
    if rate <= 0:
        raise ValueError(f"rate must be positive, got {rate}")
    if not np.all(np.isfinite(x)):
        raise ValueError("samples contain NaN or infinity")

    with tempfile.TemporaryDirectory(prefix="mathviz-track-") as tmp:
        scratch = Path(tmp) / "mix.wav"
        if not np.any(x):
            _encode(x, rate, codec, target, scratch)
            return measure(target)
        if not math.isfinite(_integrated_lufs(x, rate)):
            raise RuntimeError(
                f"{target}: the track is too short (< 0.4 s) or too quiet to measure its loudness"
            )

        goal_i, tp, limited_for = TARGET_LUFS, _TP_TARGET[codec], math.nan
        aim = TARGET_LUFS  # lowered (within the tolerance) if the encoder's overshoot needs it
        result: Loudness | None = None
        best: tuple[float, Loudness] | None = None  # (LU off target, its loudness)
        kept = Path(tmp) / f"best{target.suffix}"
        limited = x
        for _ in range(_MAX_ATTEMPTS):
            if tp != limited_for:
                limited, limited_for = _limit_for_gain(x, rate, tp), tp
            gain_db = _encode_at(limited, rate, codec, target, goal_i, scratch)
            result = measure(target)
            _log.debug(
                "%s: %+.2f dB to I=%.2f (TP=%g) -> %.2f LUFS, %.2f dBTP",
                target.name,
                gain_db,
                goal_i,
                tp,
                result.integrated_lufs,
                result.true_peak_dbtp,
            )
            peak_ok = result.true_peak_dbtp <= TRUE_PEAK_LIMIT_DBTP
            if peak_ok and abs(aim - result.integrated_lufs) <= _AIM_LU:
                break
            miss = abs(TARGET_LUFS - result.integrated_lufs)
            if peak_ok and miss <= LOUDNESS_TOLERANCE_LU and (best is None or miss < best[0]):
                # within tolerance, if not on aim: kept in case a retry does worse
                shutil.copyfile(target, kept)
                best = (miss, result)
            if not peak_ok:
                if tp - _TP_STEP >= _TP_FLOOR:
                    tp -= _TP_STEP
                else:  # the lossy encoder's overshoot, not the limiter, sets the peak now:
                    excess = result.true_peak_dbtp - TRUE_PEAK_LIMIT_DBTP + _OVERSHOOT_MARGIN_DB
                    aim = max(TARGET_LUFS - LOUDNESS_TOLERANCE_LU + _AIM_LU, aim - excess)
            error = aim - result.integrated_lufs
            goal_i = min(-5.0, max(-30.0, goal_i + error))
        assert result is not None
        acceptable = (
            abs(result.integrated_lufs - TARGET_LUFS) <= LOUDNESS_TOLERANCE_LU
            and result.true_peak_dbtp <= TRUE_PEAK_LIMIT_DBTP
        )
        if not acceptable and best is not None:
            os.replace(kept, target)
            result = best[1]
        elif not acceptable:
            raise RuntimeError(
                f"{target}: encoded track measures {result.integrated_lufs:.2f} LUFS, "
                f"{result.true_peak_dbtp:.2f} dBTP; wanted {TARGET_LUFS:g} +/- "
                f"{LOUDNESS_TOLERANCE_LU:g} LUFS and <= {TRUE_PEAK_LIMIT_DBTP:g} dBTP"
            )
        return result


# --------------------------------------------------------------------------------------- mux


def mux(video: Path, audio: Path, target: Path) -> None:
    """Join a silent lecture video and its encoded voice track, copying both streams.

    Exactly one video stream (the first of ``video``) and one audio stream (the first of
    ``audio``) are mapped; neither is re-encoded.  ``-shortest`` is not used: the track is
    already the video's length (:func:`mix` makes it so), and cutting would risk the video's
    last frames.  For mp4, ``-movflags +faststart`` moves the index (``moov``) before the data.

    Parameters
    ----------
    video : Path
        The rendered video (H.264 in mp4, or VP9 in webm).
    audio : Path
        The encoded track from :func:`normalise_and_encode` (AAC for mp4, Opus for webm).
    target : Path
        Where to write the result; its suffix picks the container (``.mp4``, ``.webm``, ...).

    Raises
    ------
    ValueError
        If the container is unsupported, either input lacks the needed stream, or the audio
        codec does not fit the container (AAC for mp4/mov, Opus for webm).
    RuntimeError
        If ffmpeg fails (the message ends with its stderr).
    """
    video, audio, target = Path(video), Path(audio), Path(target)
    suffix = target.suffix.lower()
    if suffix not in _VIDEO_CONTAINERS:
        raise ValueError(f"{target}: unsupported container (use {', '.join(_VIDEO_CONTAINERS)})")
    muxer, want_codec, flags = _VIDEO_CONTAINERS[suffix]
    if not any(s.get("codec_type") == "video" for s in _probe_streams(video)):
        raise ValueError(f"{video}: no video stream")
    audio_streams = [s for s in _probe_streams(audio) if s.get("codec_type") == "audio"]
    if not audio_streams:
        raise ValueError(f"{audio}: no audio stream")
    if audio_streams[0].get("codec_name") != want_codec:
        raise ValueError(
            f"{audio}: {audio_streams[0].get('codec_name')} audio cannot go into "
            f"{target.name}; {suffix} takes {want_codec}"
        )
    _run(
        [
            *_FFMPEG_WRITE,
            "-i",
            str(video),
            "-i",
            str(audio),
            "-map",
            "0:v:0",
            "-map",
            "1:a:0",
            "-c",
            "copy",
            "-map_metadata",
            "0",
            "-map_chapters",
            "-1",
            *flags,
            "-f",
            muxer,
            str(target),
        ],
        f"muxing {target}",
    )
