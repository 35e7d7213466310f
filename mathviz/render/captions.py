"""Captions from narrated beats: SubRip (.srt) and WebVTT (.vtt)."""

from __future__ import annotations

from collections.abc import Sequence

from mathviz.checkpoints import BeatRecord


def _stamp(seconds: float, sep: str) -> str:
    ms = int(round(seconds * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def to_srt(beats: Sequence[BeatRecord]) -> str:
    """SubRip text, one cue per beat."""
    cues = [
        f"{n}\n{_stamp(b.start, ',')} --> {_stamp(b.end, ',')}\n{b.narration}\n"
        for n, b in enumerate(beats, start=1)
    ]
    return "\n".join(cues)


def to_vtt(beats: Sequence[BeatRecord]) -> str:
    """WebVTT text, one cue per beat."""
    cues = [f"{_stamp(b.start, '.')} --> {_stamp(b.end, '.')}\n{b.narration}\n" for b in beats]
    return "WEBVTT\n\n" + "\n".join(cues)


def shifted(beats: Sequence[BeatRecord], offset: float, first_index: int = 0) -> list[BeatRecord]:
    """Beats moved ``offset`` seconds later and renumbered from ``first_index``."""
    return [BeatRecord(first_index + i, b.narration, b.start + offset, b.end + offset)
            for i, b in enumerate(beats)]
