"""Checkpoint records: a value read back from the screen, the truth it must match, the verdict.

Pure Python (no manim import) so that the CLI can print, serialise and compare results
without loading the renderer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Number",
    "Value",
    "as_value",
    "within",
    "CheckpointResult",
    "SpokenSentence",
    "BeatRecord",
    "PlayRecord",
    "Pacing",
    "pacing",
    "SceneReport",
    "describe_failures",
    "fmt",
]

Number = float
Value = float | list[float]


def as_value(x: Any) -> Value:
    """Normalise a number, numpy scalar/array or sequence into ``float`` or ``list[float]``."""
    if hasattr(x, "tolist"):
        x = x.tolist()
    if isinstance(x, (list, tuple)):
        flat: list[float] = []
        for item in x:
            item = as_value(item)
            flat.extend(item if isinstance(item, list) else [item])
        return flat
    return float(x)


def within(shown: Value, expected: Value, tol: float) -> bool:
    """True when ``shown`` matches ``expected`` element-wise within absolute ``tol``."""
    if isinstance(shown, list) or isinstance(expected, list):
        if not (isinstance(shown, list) and isinstance(expected, list)):
            return False
        return len(shown) == len(expected) and all(
            within(a, b, tol) for a, b in zip(shown, expected, strict=True)
        )
    if math.isnan(shown) or math.isnan(expected):
        return False
    return abs(shown - expected) <= tol


@dataclass(frozen=True)
class CheckpointResult:
    """One named value a scene showed, compared with its independently computed truth."""

    chapter: str
    scene: str
    name: str
    shown: Value
    expected: Value
    tol: float
    ok: bool
    beat: int | None = None
    #: where the shown value came from: ``geometry: …``, ``printed``, ``area: …``,
    #: ``count: …``, ``derived: …``, ``engine`` (layout, narration, motion), or
    #: ``refused: why`` for a value the engine does not accept as read from the screen
    source: str = ""

    def as_json(self) -> dict[str, Any]:
        """The public JSON shape of ``mathviz check --json`` (exactly these keys)."""
        return {
            "chapter": self.chapter,
            "scene": self.scene,
            "name": self.name,
            "shown": self.shown,
            "expected": self.expected,
            "tol": self.tol,
            "ok": self.ok,
            "source": self.source,
        }


@dataclass(frozen=True)
class SpokenSentence:
    """One sentence of a beat as the voice speaks it, on the scene's clock (s)."""

    text: str
    start: float
    end: float
    #: cache key of its audio ('' when the lecture is silent)
    audio: str = ""


@dataclass(frozen=True)
class BeatRecord:
    """One narrated beat: its text and when it starts and ends in the scene's clock (s)."""

    index: int
    narration: str
    start: float
    end: float
    #: the beat's sentences as spoken, empty when the lecture is silent (``--voice none``)
    sentences: tuple[SpokenSentence, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """Plain JSON-able form."""
        return {
            "index": self.index,
            "narration": self.narration,
            "start": self.start,
            "end": self.end,
            "sentences": [vars(s).copy() for s in self.sentences],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BeatRecord:
        """Inverse of :meth:`as_json` (older records without sentences load as silent)."""
        return cls(
            int(data["index"]),
            data["narration"],
            float(data["start"]),
            float(data["end"]),
            tuple(SpokenSentence(**s) for s in data.get("sentences", ())),
        )


@dataclass(frozen=True)
class PlayRecord:
    """One ``play``/``wait`` on the scene clock (s); ``moving`` is False for a still wait."""

    start: float
    end: float
    moving: bool
    beat: int | None = None


@dataclass(frozen=True)
class Pacing:
    """How much of a lecture nothing moves: share of still time and the longest still stretch."""

    duration: float
    still_seconds: float
    longest_still: float
    #: where the longest still stretch starts (s, on the joined chapter clock)
    longest_still_at: float

    @property
    def still_share(self) -> float:
        """Share of the lecture (0–1) during which nothing moves."""
        return self.still_seconds / self.duration if self.duration > 0 else 0.0

    def as_json(self) -> dict[str, float]:
        """Plain JSON form (seconds, share 0–1)."""
        return {
            "duration": round(self.duration, 3),
            "still_share": round(self.still_share, 4),
            "still_seconds": round(self.still_seconds, 3),
            "longest_still": round(self.longest_still, 3),
            "longest_still_at": round(self.longest_still_at, 3),
        }


def pacing(reports: Sequence[SceneReport], *, before_end_card: bool = False) -> Pacing:
    """The pacing figure of a chapter from its scenes' timelines (scenes played in order).

    Time not covered by a moving play is still. ``before_end_card`` stops at the start of
    the last beat (the end card, allowed to rest).
    """
    offset = duration = still = longest = longest_at = 0.0
    for report in reports:
        end_of_scene = report.duration
        if before_end_card and report is reports[-1] and report.beats:
            end_of_scene = report.beats[-1].start
        moving = sorted(
            (p.start, min(p.end, end_of_scene))
            for p in report.plays
            if p.moving and p.end > p.start and p.start < end_of_scene
        )
        cursor = 0.0
        gaps: list[tuple[float, float]] = []
        for start, end in moving:
            if start > cursor:
                gaps.append((cursor, start))
            cursor = max(cursor, end)
        if end_of_scene > cursor:
            gaps.append((cursor, end_of_scene))
        for start, end in gaps:
            still += end - start
            if end - start > longest:
                longest, longest_at = end - start, offset + start
        offset += report.duration
        duration += end_of_scene
    return Pacing(duration, still, longest, longest_at)


@dataclass
class SceneReport:
    """Everything one scene run produced that is not video."""

    chapter: str
    scene: str
    beats: list[BeatRecord] = field(default_factory=list)
    checkpoints: list[CheckpointResult] = field(default_factory=list)
    duration: float = 0.0
    #: every play/wait, in order, on the scene clock
    plays: list[PlayRecord] = field(default_factory=list)
    #: numbers shown without a checkpoint reading them (``"number 0.5 @beat3"``)
    unverified: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[CheckpointResult]:
        return [c for c in self.checkpoints if not c.ok]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form (kept beside a cached segment)."""
        return {
            "chapter": self.chapter,
            "scene": self.scene,
            "duration": self.duration,
            "beats": [b.as_json() for b in self.beats],
            "checkpoints": [{**c.as_json(), "beat": c.beat} for c in self.checkpoints],
            "plays": [[p.start, p.end, p.moving, p.beat] for p in self.plays],
            "unverified": list(self.unverified),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SceneReport:
        """Inverse of :meth:`to_dict`."""
        return cls(
            chapter=data["chapter"],
            scene=data["scene"],
            duration=float(data["duration"]),
            beats=[BeatRecord.from_json(b) for b in data["beats"]],
            checkpoints=[CheckpointResult(**c) for c in data["checkpoints"]],
            plays=[
                PlayRecord(float(a), float(b), bool(m), beat)
                for a, b, m, beat in data.get("plays", ())
            ],
            unverified=list(data.get("unverified", ())),
        )


def describe_failures(failures: Sequence[CheckpointResult]) -> str:
    """Human lines naming chapter, scene, checkpoint, shown and expected for each failure."""
    return "\n".join(
        f"  {c.chapter} {c.scene} {c.name}: shown {fmt(c.shown)}, expected {fmt(c.expected)}"
        f" (tol {c.tol:g})"
        for c in failures
    )


def fmt(value: Value) -> str:
    """Compact display of a checkpoint value."""
    if isinstance(value, list):
        return "(" + ", ".join(f"{v:.6g}" for v in value) + ")"
    return f"{value:.6g}"
