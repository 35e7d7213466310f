"""The voice of a chapter: its narrator, speech synthesised before its scenes run, the
ledger of how long each sentence is spoken, and the placement of every spoken sentence on
the chapter's clock (no manim import).

The ledger (``scenes/speech/<module>.json``, beside the chapter's module) records, per voice,
how many seconds each of the chapter's sentences lasts. The voice is deterministic (Piper
with ``noise_w = 0``), so a length measured once holds on every machine with the same voice:
a check, which needs the lengths but not the audio, then synthesises nothing that the ledger
knows, and a fresh checkout checks the course without speaking it. Every synthesis rewrites
the chapter's ledger from the audio it has, so an edited sentence updates it: commit it with
the chapter. A render always speaks with real audio, and its lengths win over the ledger's.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import sysconfig
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from mathviz.checkpoints import BeatRecord, CheckpointResult, SceneReport
from mathviz.course import Chapter
from mathviz.render.segments import cache_dir
from mathviz.voice.engine import Narrator, VoiceSettings
from mathviz.voice.script import narrations_by_line
from mathviz.voice.text import sentences

if TYPE_CHECKING:
    from mathviz.voice.track import Placement

__all__ = [
    "LEDGER_ENV",
    "SPEECH_LEDGERS",
    "alignment_results",
    "chapter_narrator",
    "chapter_sentences",
    "ledger_path",
    "locked",
    "may_write_ledgers",
    "placements",
    "read_ledger",
    "record_lengths",
    "spoken_lengths",
    "voice_cache_dir",
]

#: folder of the chapters' speech ledgers, inside the scenes folder
SPEECH_LEDGERS = "speech"
#: ``MATHVIZ_SPEECH_LEDGER=frozen``: read the ledgers, speech and formulas
#: (:mod:`mathviz.render.texstore`), never write them (the tests: a sentence missing from a
#: committed ledger is then found, not quietly added)
LEDGER_ENV = "MATHVIZ_SPEECH_LEDGER"
_log = logging.getLogger("mathviz")


def voice_cache_dir() -> Path:
    """Cached speech: one WAV per sentence, under ``<cache>/voice/<voice identity>/``."""
    return cache_dir() / "voice"


def chapter_sentences(chapter: Chapter) -> list[str]:
    """Every sentence the chapter's source narrates (string literals; read from the AST).

    Scenes that live elsewhere (a test's, a notebook's) have no module to read: their
    sentences are synthesised when the scene asks for them.
    """
    return list(_sentence_places(chapter))


def _sentence_places(chapter: Chapter) -> dict[str, str]:
    """``{sentence: where it is written}`` (chapter, file and line) for error messages."""
    path = chapter.module_path
    if not path.is_file():
        return {}
    return {
        s: f"chapter {chapter.id} ({path.name}, line {line})"
        for line, text in narrations_by_line(path)
        for s in sentences(text)
    }


def chapter_narrator(
    chapter: Chapter,
    settings: VoiceSettings,
    *,
    audio: bool = True,
    lengths: Mapping[str, float] | None = None,
) -> Narrator:
    """The narrator for ``settings``, with all of the chapter's speech synthesised (one batch
    for whatever is not cached yet) and its ledger brought up to date.

    ``audio=False`` (a check, or a cluster worker drawing a scene whose voice the build lays
    over later) needs only the sentences' lengths: those in the chapter's ledger, or in
    ``lengths`` (``{spoken text: seconds}``, :func:`spoken_lengths` of the machine that has
    the audio), are not synthesised, and a check records the ledger itself once it knows
    every sentence the chapter spoke (:func:`record_lengths` with ``complete``).
    """
    narrator = settings.narrator(voice_cache_dir())
    if not narrator.speaks:
        return narrator
    if not audio:
        narrator = narrator.without_audio()
    narrator.learn(read_ledger(chapter, narrator.voice.identity))
    if lengths:
        narrator.learn(lengths)
    places = _sentence_places(chapter)
    narrator.prepare(list(places), where=places)
    if audio:
        record_lengths(chapter, narrator, places)
    return narrator


def spoken_lengths(chapter: Chapter, narrator: Narrator) -> dict[str, float]:
    """``{spoken text: seconds}`` of every sentence the chapter is known to speak: its
    ledger, overridden by the audio ``narrator`` has cached (what a worker without that audio
    needs to time the chapter's beats exactly as this machine does)."""
    if not narrator.speaks:
        return {}
    lengths = read_ledger(chapter, narrator.voice.identity)
    for sentence in _sentence_places(chapter):
        speech = narrator.cached(sentence)
        if speech is not None:
            lengths[narrator.spoken(sentence)] = speech.duration
    return lengths


def ledger_path(chapter: Chapter) -> Path:
    """The chapter's speech ledger: ``speech/<module>.json`` beside its module."""
    return chapter.module_path.parent / SPEECH_LEDGERS / f"{chapter.module_stem}.json"


def _read(path: Path) -> dict[str, dict[str, float]]:
    try:
        voices = json.loads(path.read_text(encoding="utf-8"))["voices"]
        return {
            str(identity): {str(text): float(seconds) for text, seconds in lengths.items()}
            for identity, lengths in voices.items()
        }
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        _log.warning("ignoring the damaged speech ledger %s (%s): it is written again", path, exc)
        return {}


def read_ledger(chapter: Chapter, identity: str) -> dict[str, float]:
    """``{spoken text: seconds}`` the chapter's ledger records for the voice ``identity``."""
    return _read(ledger_path(chapter)).get(identity, {})


def may_write_ledgers(folder: Path) -> bool:
    """Whether a chapter's ledgers may be written in the scenes ``folder``: a checkout's or
    an author's, never an installed package's, and not while the ledgers are frozen."""
    if os.environ.get(LEDGER_ENV) == "frozen":
        return False
    installed = {Path(sysconfig.get_paths()[k]).resolve() for k in ("purelib", "platlib")}
    if any(folder.resolve().is_relative_to(p) for p in installed):
        return False
    return os.access(folder, os.W_OK)


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the ledgers folder's lock (one writer at a time, across processes)."""
    with open(folder / ".lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def record_lengths(
    chapter: Chapter, narrator: Narrator, sentences: Iterable[str], *, complete: bool = False
) -> bool:
    """Write these sentences' lengths (cached audio first, else what the narrator learnt)
    into the chapter's ledger for the narrator's voice; whether the file changed.

    ``complete``: these are all the sentences the chapter speaks (after a check), so the
    voice's other entries are dropped; otherwise they are kept. Other voices' lengths are
    always kept. Nothing is written inside an installed package, or when nothing changed.
    """
    from mathviz.render.segments import write_atomic

    identity = narrator.voice.identity
    lengths: dict[str, float] = {}
    for sentence in sentences:
        speech = narrator.cached(sentence)
        if speech is not None:
            lengths[narrator.spoken(sentence)] = speech.duration
    path = ledger_path(chapter)
    if not lengths or not may_write_ledgers(path.parent.parent):
        return False
    path.parent.mkdir(exist_ok=True)
    with locked(path.parent):
        voices = _read(path)
        old = voices.get(identity, {})
        if not complete:
            lengths = {**old, **lengths}
        if old == lengths:
            return False
        for text, seconds in lengths.items():
            if old.get(text, seconds) != seconds:
                _log.warning(
                    "%s: the voice speaks %r… for %.3f s, the ledger said %.3f s: corrected",
                    chapter.id,
                    text[:40],
                    seconds,
                    old[text],
                )
        voices[identity] = dict(sorted(lengths.items()))
        payload = {
            "about": (
                f"How long the voice speaks each sentence of chapter {chapter.id}, in seconds, "
                "by voice: written by mathviz when it synthesises speech, read by checks. "
                "Commit it with the chapter."
            ),
            "voices": dict(sorted(voices.items())),
        }
        write_atomic(path, json.dumps(payload, indent=1, ensure_ascii=False) + "\n")
    return True


def placements(beats: list[BeatRecord], narrator: Narrator | None) -> list[Placement]:
    """Every spoken sentence of a chapter's timeline as ``(wav, start)`` on the track.

    A sentence whose speech is no longer in the cache is synthesised again by ``narrator``
    (the same voice); without it, the error names the fix.
    """
    from mathviz.voice.track import Placement  # numpy/scipy: only when a track is built

    placed = []
    for beat in beats:
        for sentence in beat.sentences:
            if not sentence.audio:
                continue
            identity, key = sentence.audio.split("/", 1)
            wav = voice_cache_dir() / identity / key[:2] / f"{key}.wav"
            if not wav.is_file():
                if narrator is None or narrator.voice.identity != identity:
                    raise RuntimeError(
                        f"the speech of {sentence.text[:50]!r} is not in the "
                        f"voice cache {voice_cache_dir()}; render again with "
                        f"--force"
                    )
                wav = narrator.speech(sentence.text).wav
            placed.append(Placement(wav, sentence.start))
    return placed


def alignment_results(reports: list[SceneReport], narrator: Narrator) -> list[CheckpointResult]:
    """One result per spoken beat: the script's words the voice does not say inside the
    beat's time span, found by forced alignment of each sentence's audio against its text.

    ``shown`` is the number of such words (``expected`` 0); the name lists them.
    """
    from mathviz.voice import align

    results = []
    for report in reports:
        for beat in report.beats:
            problems: list[str] = []
            for sentence in beat.sentences:
                if not sentence.audio:
                    continue
                spoken = narrator.spoken(sentence.text)
                speech = narrator.speech(sentence.text)
                try:
                    aligned = align.align(speech.wav, spoken)
                except align.AlignmentError:
                    problems.append(f"'{sentence.text[:40]}…' does not align")
                    continue
                problems += align.unaligned(aligned, align.spoken_words(spoken))
                for word in aligned.words:
                    if not (
                        beat.start - 1e-3 <= sentence.start + word.start
                        and sentence.start + word.end <= beat.end + 1e-3
                    ):
                        problems.append(f"{word.word} outside the beat")
            name = f"voice@beat{beat.index}"
            if problems:
                name += ": " + ", ".join(problems[:6])
            results.append(
                CheckpointResult(
                    report.chapter,
                    report.scene,
                    name,
                    float(len(problems)),
                    0.0,
                    0.0,
                    not problems,
                    beat.index,
                )
            )
    return results
