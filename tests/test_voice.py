"""The voice: sentences, lexicon and narration lint, the sentence cache, Piper as a separate
process, and beats timed by speech."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import wave
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from mathviz.render.segments import stale_temporaries
from mathviz.voice import engine
from mathviz.voice.engine import (
    Narrator,
    PiperVoice,
    Voice,
    VoiceError,
    VoiceUnavailable,
    resolve_voice,
    wav_duration,
)
from mathviz.voice.script import narrations
from mathviz.voice.text import Lexicon, LexiconError, lint_narration, load_lexicon, sentences

COURSE_LEXICON = load_lexicon()


# --- text ---------------------------------------------------------------------------------
def test_sentences_split_on_end_marks_and_normalise_space():
    assert sentences("One  two.\n Three?  Four! five") == ["One two.", "Three?", "Four!", "five"]
    assert sentences("About 0.0576, not 0.06.") == ["About 0.0576, not 0.06."]


def test_lexicon_replaces_whole_words_and_symbols_anywhere():
    lexicon = Lexicon((("SVD", "S V D"), ("σ", "sigma"), ("x₂₀", "x twenty"), ("L1", "L one")))
    assert lexicon.speak("The SVD's σ, not SVDs.") == "The S V D's sigma, not SVDs."
    assert lexicon.speak("After it, x₂₀=0.0576.") == "After it, x twenty =0.0576."
    assert lexicon.speak("L1 and L10") == "L one and L10"
    assert lexicon.speak("a shift of -3 and a 1-D loop") == "a shift of minus 3 and a 1-D loop"


def test_course_lexicon_says_the_examples_of_the_issue():
    said = COURSE_LEXICON.speak("SVD, ReLU, argmin, x₂₀, 1e-8, σ and ∇f.")
    assert said == "S V D, ray lou, arg min, x twenty, ten to the minus eight, sigma and grad f."
    assert COURSE_LEXICON.speak("A = U Σ Vᵀ") == "A equals U sigma V transpose"


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("The weight ω shrinks.", "ω"),
        ("Then x₃ is small.", "x₃"),
        ("A step of 1e-4 is tiny.", "1e-4"),
        ("the w_1 weight", "w_1"),
        ("f ∘ g composes", "∘"),
        ("y² grows", "y²"),
        ("a w3 weight", "w3"),
        ("where î lands", "î"),
    ],
)
def test_lint_finds_what_the_voice_would_misread(text, token):
    problems = lint_narration(text, Lexicon())
    assert [p.token for p in problems] == [token]
    assert "lexicon" in str(problems[0])


def test_lint_passes_plain_numbers_ordinals_and_listed_symbols():
    assert (
        lint_narration("Twenty steps, the 20th step, 0.8 per step, -3 and 85 percent.", Lexicon())
        == []
    )
    assert lint_narration("σ is 1e-8 here, î and ĵ land.", COURSE_LEXICON) == []
    assert lint_narration("Chloé and Amélie rate it.", Lexicon()) == []


def test_every_course_narration_passes_the_lint():
    for module in sorted(Path("scenes").glob("ch*.py")):
        for text in narrations(module):
            assert lint_narration(text, COURSE_LEXICON) == [], (module.name, text)


def test_lexicon_syntax_error_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('"SVD" = "S V D"\n"ReLU" = \n')
    with pytest.raises(LexiconError, match=r"bad\.toml.*line 2"):
        load_lexicon(bad)
    empty = tmp_path / "empty.toml"
    empty.write_text('"SVD" = "S V D"\n"σ" = ""\n')
    with pytest.raises(LexiconError, match=r"line 2"):
        load_lexicon(empty)


def test_script_reads_spoken_narration_not_the_takeaway(tmp_path):
    module = tmp_path / "ch0_1_demo.py"
    module.write_text(
        "class S:\n"
        "    def construct(self):\n"
        "        self.open_chapter('Opening words.')\n"
        "        with self.beat('First beat. '\n"
        "                       'Second sentence.', hold=1):\n"
        "            pass\n"
        "        with self.beat(f'dynamic {1}'):\n"
        "            pass\n"
        "        self.close_chapter('Takeaway on the card.', 'Closing words.')\n"
    )
    assert narrations(module) == [
        "Opening words.",
        "First beat. Second sentence.",
        "Closing words.",
    ]


# --- a fast stand-in voice (same interface as Piper) --------------------------------------
class ToneVoice(Voice):
    """Writes a 22050 Hz tone per text, 0.3 s per word: fast and deterministic."""

    def __init__(self, seconds_per_word: float = 0.3, fail_after: int | None = None) -> None:
        self.seconds_per_word = seconds_per_word
        self.fail_after = fail_after
        self.batches: list[list[str]] = []

    @property
    def identity(self) -> str:
        return f"tone-{self.seconds_per_word:g}"

    def describe(self) -> str:
        return "tone"

    def synthesize(self, texts: Sequence[str], folder: Path) -> list[Path]:
        self.batches.append(list(texts))
        paths = []
        for i, text in enumerate(texts):
            if self.fail_after is not None and i == self.fail_after:
                raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-batch
            path = folder / f"{i:04d}.wav"
            write_tone(path, len(text.split()) * self.seconds_per_word)
            paths.append(path)
        return paths


def write_tone(path: Path, seconds: float, rate: int = 22050) -> None:
    t = np.arange(int(seconds * rate)) / rate
    samples = (0.3 * np.sin(2 * np.pi * 220 * t) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.tobytes())


def test_narrator_caches_per_sentence_and_synthesises_only_what_changed(tmp_path):
    voice = ToneVoice()
    narrator = Narrator(voice, COURSE_LEXICON, tmp_path)
    assert narrator.prepare(["One two three.", "Four five.", "One two three."]) == 2
    assert voice.batches == [["One two three.", "Four five."]]
    speech = narrator.speech("One two three.")
    assert speech.duration == pytest.approx(0.9, abs=1e-4)
    assert wav_duration(speech.wav) == pytest.approx(0.9, abs=1e-4)
    # a fresh narrator over the same cache synthesises nothing; an edited sentence alone is new
    again = Narrator(ToneVoice(), COURSE_LEXICON, tmp_path)
    assert again.prepare(["One two three.", "Four five six."]) == 1
    assert again.voice.batches == [["Four five six."]]


def test_cache_key_follows_spoken_text_voice_and_lexicon(tmp_path):
    plain = Narrator(ToneVoice(), Lexicon(), tmp_path)
    spelled = Narrator(ToneVoice(), Lexicon((("SVD", "S V D"),)), tmp_path)
    slower = Narrator(ToneVoice(0.4), Lexicon(), tmp_path)
    keys = {plain.key("The SVD."), spelled.key("The SVD."), slower.key("The SVD.")}
    assert len(keys) == 3
    assert spelled.key("The SVD.") == spelled.key("The  SVD.".replace("  ", " "))


def test_interrupted_synthesis_leaves_no_partial_audio(tmp_path):
    narrator = Narrator(ToneVoice(fail_after=1), Lexicon(), tmp_path)
    with pytest.raises(KeyboardInterrupt):
        narrator.prepare(["One.", "Two.", "Three."])
    assert list(tmp_path.rglob("*.wav")) == []
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_killed_synthesis_is_found_as_stale(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftover = tmp_path / f"batch{engine.TMP_MARK}{dead.pid}-abc"
    leftover.mkdir()
    (leftover / "0001.wav").write_bytes(b"RIFF")
    assert stale_temporaries(tmp_path) == [leftover]


def test_empty_and_overlong_sentences_are_named(tmp_path):
    narrator = Narrator(ToneVoice(), Lexicon(), tmp_path)
    with pytest.raises(VoiceError, match="chapter 9.9 beat 2: empty sentence"):
        narrator.prepare(["Fine.", " . "], where="chapter 9.9 beat 2")
    slow = Narrator(ToneVoice(seconds_per_word=4.0), Lexicon(), tmp_path)
    with pytest.raises(VoiceError, match=r"chapter 9.9 beat 3: .* spoken for 32\.0 s .* split it"):
        slow.prepare(["one two three four five six seven eight."], where="chapter 9.9 beat 3")
    assert list(tmp_path.rglob("*.wav")) == []


# --- Piper, as a separate process ---------------------------------------------------------
def test_default_voice_is_the_bundled_joe_voice():
    voice = resolve_voice("default")
    assert isinstance(voice, PiperVoice)
    assert voice.model.name == "en_US-joe-medium.onnx" and voice.model.is_file()
    assert json.loads(voice.config_path.read_text())["audio"]["sample_rate"] == 22050
    assert resolve_voice("none").speaks is False


def test_piper_speaks_each_sentence_into_its_own_file_in_order(tmp_path):
    narrator = Narrator(resolve_voice("default"), COURSE_LEXICON, tmp_path)
    texts = ["Short.", "A noticeably longer sentence, spoken with many more words in it."]
    assert narrator.prepare(texts) == 2
    short, long = (narrator.speech(t) for t in texts)
    assert 0.2 < short.duration < 1.5 < long.duration < 8
    with wave.open(str(long.wav)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
    # durations are reproducible (noise_w_scale 0): synthesising again gives the same length
    again = Narrator(resolve_voice("default"), COURSE_LEXICON, tmp_path / "again")
    again.prepare(texts[1:])
    assert again.speech(texts[1]).duration == long.duration
    assert "piper" not in sys.modules  # GPL code stays in its own process


def test_missing_voice_model_names_the_fix(tmp_path):
    with pytest.raises(VoiceUnavailable, match=r"not found: .*nowhere\.onnx.*--voice none"):
        resolve_voice(str(tmp_path / "nowhere.onnx"))
    with pytest.raises(VoiceUnavailable, match="ending in .onnx"):
        resolve_voice(str(tmp_path / "voice.bin"))


def test_broken_voice_model_names_the_fix(tmp_path):
    good = resolve_voice("default")
    model = tmp_path / "broken.onnx"
    model.write_bytes(b"this is not an onnx model")
    shutil.copy(good.config_path, tmp_path / "broken.onnx.json")
    narrator = Narrator(resolve_voice(str(model)), Lexicon(), tmp_path / "cache")
    with pytest.raises(
        VoiceUnavailable, match=r"(?s)broken\.onnx failed to speak.*INVALID_PROTOBUF.*damaged"
    ):
        narrator.prepare(["Hello."])
    assert list((tmp_path / "cache").rglob("*.wav")) == []


@pytest.mark.render
def test_cli_exits_3_for_a_missing_voice(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mathviz.cli",
            "render",
            "6.3",
            "--voice",
            str(tmp_path / "missing.onnx"),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "MATHVIZ_CACHE_DIR": str(tmp_path)},
    )
    assert result.returncode == 3, result.stderr
    assert "voice model (.onnx) not found" in result.stderr
    assert not (tmp_path / "out" / "lecture").exists()


# --- beats timed by speech ----------------------------------------------------------------
def _run_draft(scene_cls: type, narrator: Narrator | None):
    from mathviz.render.worker import manim_config
    from mathviz.voice.engine import speaking

    with manim_config(None, Path("/tmp"), "none"), speaking(narrator):
        scene = scene_cls(skip_animations=True)
        scene.render()
    return scene.report


def _draft_scene(log: list):
    from manim import Circle, Create, FadeIn, Square

    from mathviz.scene import LectureScene

    class Draft(LectureScene):
        chapter_id = "6.3"

        def construct(self) -> None:
            with self.beat("One two three four five six. Seven eight nine.") as beat:
                log.append(("slots", beat.sentence(0), beat.sentence(1)))
                start = self.clock
                self.play(Create(Circle()), run_time=beat.sentence(0))
                log.append(("after first", self.clock - start))
                beat.say(1, FadeIn(Square()))
                log.append(("after say", self.clock))
                log.append(("speech end", beat.speech_end))
            with self.beat("Short one.", hold=0.5):
                self.play(FadeIn(Circle()), run_time=3.0)  # animation longer than the speech

    return Draft


def test_beats_last_as_long_as_their_speech_and_animations_follow_sentences(tmp_path):
    from mathviz import scene as scene_module

    log: list = []
    narrator = Narrator(ToneVoice(0.3), Lexicon(), tmp_path)
    report = _run_draft(_draft_scene(log), narrator)
    first, second = report.beats
    s0, s1 = first.sentences
    lead, gap, tail = (
        scene_module.SPEECH_LEAD_SECONDS,
        scene_module.SENTENCE_GAP_SECONDS,
        scene_module.BEAT_TAIL_SECONDS,
    )
    # each sentence lasts as long as its audio (6 and 3 words at 0.3 s/word), back to back
    assert (s0.start, s0.end) == pytest.approx((lead, lead + 1.8), abs=1e-3)
    assert (s1.start, s1.end) == pytest.approx((s0.end + gap, s0.end + gap + 0.9), abs=1e-3)
    assert s0.audio.startswith("tone-0.3/") and wav_duration(
        narrator.wav_path(s0.audio.split("/")[1])
    ) == pytest.approx(1.8, abs=1e-3)
    # sentence(0) runs from the first sentence's start to the second's; say(1) ends with it
    assert log[0] == ("slots", pytest.approx(1.8 + gap, abs=1e-3), pytest.approx(0.9, abs=1e-3))
    assert log[2] == ("after say", pytest.approx(s1.end, abs=1e-6))
    assert first.end == pytest.approx(s1.end + tail, abs=1e-6)
    # an animation longer than its speech keeps the beat going; hold adds to it
    assert second.end - second.start == pytest.approx(3.0 + 0.5, abs=1e-6)
    assert second.sentences[0].end < second.start + 3.0


def test_silent_lectures_time_sentences_by_reading_speed():
    from mathviz import scene as scene_module

    report = _run_draft(_draft_scene([]), None)
    first = report.beats[0]
    assert [s.audio for s in first.sentences] == ["", ""]
    words = 9
    assert first.end - first.start == pytest.approx(
        words / scene_module.READING_WORDS_PER_SECOND + scene_module.BEAT_TAIL_SECONDS, abs=1e-6
    )


def test_narration_lint_fails_the_check_naming_the_beat(tmp_path):
    from mathviz.scene import LectureScene

    class Misread(LectureScene):
        chapter_id = "6.3"

        def construct(self) -> None:
            with self.beat("The weight ω moves."):
                pass

    report = _run_draft(Misread, Narrator(ToneVoice(), Lexicon(), tmp_path))
    failures = [c.name for c in report.failures]
    assert failures == ["narration@beat0: 'ω' (symbol 'ω'): add a spoken form to the lexicon"]


def test_a_chapters_overlong_sentence_names_its_file_and_line(tmp_path, monkeypatch):
    from mathviz.course import get_chapter
    from mathviz.render import narration

    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "ch0_1_mathematical_language.py").write_text(
        "class S:\n    def construct(self):\n        self.open_chapter('Fine.')\n"
        "        with self.beat('Short. ' + 'and '):\n            pass\n"
        "        with self.beat('one two three four five six seven eight nine.'):\n"
        "            pass\n"
    )
    monkeypatch.setenv("MATHVIZ_SCENES_DIR", str(scenes))
    slow = Narrator(ToneVoice(seconds_per_word=4.0), Lexicon(), tmp_path / "cache")
    monkeypatch.setattr(engine.VoiceSettings, "narrator", lambda self, cache: slow)
    with pytest.raises(
        VoiceError,
        match=r"^chapter 0\.1 \(ch0_1_mathematical_language\.py, "
        r"line 6\): .* spoken for 36\.0 s",
    ):
        narration.chapter_narrator(get_chapter("0.1"), engine.VoiceSettings())


def test_speech_removed_from_the_cache_is_synthesised_again(tmp_path):
    voice = ToneVoice()
    narrator = Narrator(voice, Lexicon(), tmp_path)
    first = narrator.speech("One two.")
    first.wav.unlink()
    again = narrator.speech("One two.")
    assert again.wav.is_file() and again.duration == first.duration
    assert voice.batches == [["One two."], ["One two."]]
