"""The speech ledger: how long the voice speaks each sentence, committed with the chapters so
that a check times its beats without synthesising speech (``mathviz/render/narration.py``)."""

from __future__ import annotations

import json
import logging
import wave
from pathlib import Path

import numpy as np
import pytest
from test_voice import ToneVoice

from mathviz import course
from mathviz.course import get_chapter
from mathviz.render import narration
from mathviz.render.narration import LEDGER_ENV, ledger_path, read_ledger, record_lengths
from mathviz.voice import engine
from mathviz.voice.engine import Narrator, VoiceSettings
from mathviz.voice.text import Lexicon


def _seconds_in(path: Path) -> float:
    """A WAV's length, read here from its header (not through the narrator)."""
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def test_a_timing_narrator_takes_known_lengths_and_synthesises_nothing(tmp_path):
    voice = ToneVoice()
    narrator = Narrator(voice, Lexicon(), tmp_path)
    timing = narrator.without_audio()
    timing.learn({"One two three.": 2.5})
    assert timing.prepare(["One two three."]) == 0
    assert timing.speech("One two three.").duration == 2.5
    assert voice.batches == []
    # what the ledger does not know is synthesised, and then known by its real length
    assert timing.prepare(["Four five."]) == 1
    assert timing.speech("Four five.").duration == pytest.approx(0.6, abs=1e-4)
    # a narrator that needs the audio synthesises it, ledger or not; the audio's length wins
    assert narrator.prepare(["One two three."]) == 1
    assert narrator.speech("One two three.").duration == pytest.approx(0.9, abs=1e-4)
    assert timing.speech("One two three.").duration == pytest.approx(0.9, abs=1e-4)


def _chapter_in(folder: Path, monkeypatch) -> course.Chapter:
    from drafts import write_chapter

    folder.mkdir()
    monkeypatch.setenv(course.SCENES_ENV, str(folder))
    monkeypatch.delenv(LEDGER_ENV, raising=False)
    write_chapter(folder, "0.1")
    return get_chapter("0.1")


def test_a_wrong_length_in_the_ledger_is_corrected_by_the_audio(tmp_path, monkeypatch, caplog):
    chapter = _chapter_in(tmp_path / "scenes", monkeypatch)
    narrator = Narrator(ToneVoice(), Lexicon(), tmp_path / "voice")
    path = ledger_path(chapter)
    path.parent.mkdir()
    path.write_text(json.dumps({"voices": {"tone-0.3": {"A circle.": 9.5, "Other.": 1.0}}}))
    narrator.learn(read_ledger(chapter, "tone-0.3"))
    narrator.prepare(["A circle."])
    with caplog.at_level(logging.WARNING, logger="mathviz"):
        assert record_lengths(chapter, narrator, ["A circle."])
    assert "the ledger said 9.500 s: corrected" in caplog.text
    wav = narrator.speech("A circle.").wav
    assert read_ledger(chapter, "tone-0.3") == {"A circle.": _seconds_in(wav), "Other.": 1.0}
    # the complete list of a chapter's sentences drops what it no longer says
    assert record_lengths(chapter, narrator, ["A circle."], complete=True)
    assert read_ledger(chapter, "tone-0.3") == {"A circle.": _seconds_in(wav)}
    assert not record_lengths(chapter, narrator, ["A circle."], complete=True)


def test_a_frozen_or_installed_ledger_is_never_written(tmp_path, monkeypatch):
    chapter = _chapter_in(tmp_path / "scenes", monkeypatch)
    narrator = Narrator(ToneVoice(), Lexicon(), tmp_path / "voice")
    narrator.prepare(["A circle."])
    monkeypatch.setenv(LEDGER_ENV, "frozen")
    assert not record_lengths(chapter, narrator, ["A circle."])
    monkeypatch.delenv(LEDGER_ENV)
    monkeypatch.setattr(
        narration.sysconfig, "get_paths", lambda: {"purelib": tmp_path, "platlib": tmp_path}
    )
    assert not record_lengths(chapter, narrator, ["A circle."])
    assert not ledger_path(chapter).exists()


def test_a_damaged_ledger_is_read_as_empty_and_written_again(tmp_path, monkeypatch):
    chapter = _chapter_in(tmp_path / "scenes", monkeypatch)
    path = ledger_path(chapter)
    path.parent.mkdir()
    path.write_text('{"voices": {"tone-0.3": ')
    assert read_ledger(chapter, "tone-0.3") == {}
    narrator = Narrator(ToneVoice(), Lexicon(), tmp_path / "voice")
    narrator.prepare(["A circle."])
    assert record_lengths(chapter, narrator, ["A circle."])
    assert set(read_ledger(chapter, "tone-0.3")) == {"A circle."}


@pytest.mark.render
def test_a_check_writes_the_ledger_and_a_fresh_cache_checks_from_it(tmp_path, monkeypatch):
    """Checked once with the real voice, the chapter's ledger holds the length of every
    sentence's audio; checked again with an empty cache and a voice that cannot speak, it
    gives the same beats from the ledger alone."""
    from mathviz.render.runner import check_chapter

    chapter = _chapter_in(tmp_path / "scenes", monkeypatch)
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    first = check_chapter(chapter)
    identity = VoiceSettings().narrator(tmp_path / "cache" / "voice").voice.identity
    ledger = read_ledger(chapter, identity)
    wavs = {p.stem: _seconds_in(p) for p in (tmp_path / "cache" / "voice").rglob("*.wav")}
    assert sorted(ledger.values()) == sorted(wavs.values())
    assert set(ledger) == {"A circle.", "A square."}

    def mute(self, texts, folder):
        raise AssertionError(f"synthesised {texts} although the ledger knows them")

    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "empty-cache"))
    monkeypatch.setattr(engine.PiperVoice, "synthesize", mute)
    again = check_chapter(chapter)
    assert [r.beats for r in again] == [r.beats for r in first]
    assert not (tmp_path / "empty-cache" / "voice").exists()


def _course_ledgers() -> dict[str, tuple[course.Chapter, dict[str, float]]]:
    identity = VoiceSettings().narrator(Path("/nonexistent")).voice.identity
    return {c.id: (c, read_ledger(c, identity)) for c in course.CHAPTERS if c.has_scenes}


def test_every_sentence_the_course_speaks_is_in_its_committed_ledger(chapter_reports):
    """The tests freeze the ledgers (conftest), so the up-front check read them as committed:
    a sentence missing here would have been synthesised, and must be committed."""
    narrator = VoiceSettings().narrator(Path("/nonexistent"))
    missing = []
    for chapter_id, (chapter, ledger) in _course_ledgers().items():
        spoken = {
            narrator.spoken(s.text)
            for r in chapter_reports(chapter_id)
            for b in r.beats
            for s in b.sentences
        }
        spoken |= {narrator.spoken(s) for s in narration.chapter_sentences(chapter)}
        if lost := sorted(spoken - set(ledger)):
            missing.append(f"{chapter_id}: {lost[0]!r} and {len(lost) - 1} more")
        if stale := sorted(set(ledger) - spoken):
            missing.append(f"{chapter_id}: no longer spoken: {stale[0]!r}")
    assert not missing, (
        "speech ledgers out of date; run 'mathviz check CHAPTER' and commit "
        "scenes/speech/: " + "; ".join(missing)
    )


def test_recorded_lengths_are_what_the_voice_says_now(tmp_path):
    """A dozen sentences drawn across the course, synthesised afresh by the installed voice:
    each lasts exactly as long as its ledger says (the voice is deterministic)."""
    narrator = VoiceSettings().narrator(tmp_path)
    entries = sorted(
        (spoken, seconds)
        for _, ledger in _course_ledgers().values()
        for spoken, seconds in ledger.items()
    )
    assert len(entries) > 1000
    rng = np.random.default_rng(20261202)
    drawn = [entries[i] for i in rng.choice(len(entries), size=12, replace=False)]
    wavs = narrator.voice.synthesize([spoken for spoken, _ in drawn], tmp_path / "work")
    assert [_seconds_in(w) for w in wavs] == [seconds for _, seconds in drawn]
