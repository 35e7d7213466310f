"""Checkpoint records: a value read back from the screen, the truth it must match, the verdict.

Pure Python (no manim import) so that the CLI can print, serialise and compare results
without loading the renderer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Sequence

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
    if isinstance(shown, list) != isinstance(expected, list):
        return False
    if isinstance(shown, list):
        assert isinstance(expected, list)
        return len(shown) == len(expected) and all(
            within(a, b, tol) for a, b in zip(shown, expected)
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
        return {"index": self.index, "narration": self.narration, "start": self.start,
                "end": self.end, "sentences": [vars(s).copy() for s in self.sentences]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "BeatRecord":
        """Inverse of :meth:`as_json` (older records without sentences load as silent)."""
        return cls(int(data["index"]), data["narration"], float(data["start"]),
                   float(data["end"]),
                   tuple(SpokenSentence(**s) for s in data.get("sentences", ())))


@dataclass
class SceneReport:
    """Everything one scene run produced that is not video."""

    chapter: str
    scene: str
    beats: list[BeatRecord] = field(default_factory=list)
    checkpoints: list[CheckpointResult] = field(default_factory=list)
    duration: float = 0.0

    @property
    def failures(self) -> list[CheckpointResult]:
        return [c for c in self.checkpoints if not c.ok]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form (kept beside a cached segment)."""
        return {
            "chapter": self.chapter, "scene": self.scene, "duration": self.duration,
            "beats": [b.as_json() for b in self.beats],
            "checkpoints": [{**c.as_json(), "beat": c.beat} for c in self.checkpoints],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SceneReport":
        """Inverse of :meth:`to_dict`."""
        return cls(
            chapter=data["chapter"], scene=data["scene"], duration=float(data["duration"]),
            beats=[BeatRecord.from_json(b) for b in data["beats"]],
            checkpoints=[CheckpointResult(**c) for c in data["checkpoints"]],
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
