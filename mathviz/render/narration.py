"""The voice of a chapter: its narrator, speech synthesised before its scenes run, and the
placement of every spoken sentence on the chapter's clock (no manim import)."""

from __future__ import annotations

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
    "alignment_results",
    "chapter_narrator",
    "chapter_sentences",
    "placements",
    "voice_cache_dir",
]


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


def chapter_narrator(chapter: Chapter, settings: VoiceSettings) -> Narrator:
    """The narrator for ``settings``, with all of the chapter's speech synthesised (one batch
    for whatever is not cached yet)."""
    narrator = settings.narrator(voice_cache_dir())
    places = _sentence_places(chapter)
    narrator.prepare(list(places), where=places)
    return narrator


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
