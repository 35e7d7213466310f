"""Captions that follow the voice: line breaking, phrase splitting, timing rules, files."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest

from mathviz.checkpoints import BeatRecord, SpokenSentence
from mathviz.render.captions import (
    MAX_CHARS_PER_SECOND,
    MAX_CUE_SECONDS,
    MAX_LINE_CHARS,
    MAX_LINES,
    MIN_CUE_SECONDS,
    Cue,
    break_lines,
    cues,
    parse_srt,
    parse_vtt,
    shifted,
    to_srt,
    to_vtt,
    validate,
)

LONG = (
    "The gradient points in the direction of steepest ascent, so to minimise a loss we "
    "step against it; the learning rate decides how far each step goes, and too large a "
    "rate makes the iterates overshoot the minimum and then diverge."
)


def spoken(*parts: tuple[str, float, float], index: int = 0) -> BeatRecord:
    """A beat whose sentences are spoken at the given times; it spans them (plus 0.5 s)."""
    sentences = tuple(
        SpokenSentence(text, start, end, f"key{n}") for n, (text, start, end) in enumerate(parts)
    )
    return BeatRecord(
        index, " ".join(p[0] for p in parts), parts[0][1], parts[-1][2] + 0.5, sentences
    )


def words_of(cue_list) -> list[str]:
    return " ".join(c.text for c in cue_list).split()


# --- line breaking ----------------------------------------------------------------------------


def test_short_text_is_one_line():
    assert break_lines("A circle appears.") == ("A circle appears.",)
    assert break_lines("  spaced   out  ") == ("spaced out",)
    exactly = "x" * 20 + " " + "y" * 21
    assert break_lines(exactly) == (exactly,)


def test_long_text_breaks_into_two_balanced_lines_at_a_word_boundary():
    text = "the loss surface bends upward in every direction so the minimum is unique"
    lines = break_lines(text)
    assert len(lines) == 2 and all(len(line) <= MAX_LINE_CHARS for line in lines)
    assert " ".join(lines) == text
    words = text.split()
    best = min(
        abs(len(" ".join(words[:k])) - len(" ".join(words[k:]))) for k in range(1, len(words))
    )
    assert abs(len(lines[0]) - len(lines[1])) == best


def test_line_break_prefers_punctuation_unless_it_unbalances_badly():
    text = "when the step is small enough, the loss decreases at every iteration"
    assert break_lines(text) == (
        "when the step is small enough,",
        "the loss decreases at every iteration",
    )
    # a comma after the first word would leave a lopsided cue: balance wins
    text = "Now, the loss surface bends upward in every direction around the minimum"
    top, bottom = break_lines(text)
    assert top != "Now," and abs(len(top) - len(bottom)) <= 10


def test_every_two_line_break_fits_the_width():
    rng = np.random.default_rng(7)
    vocab = ["a", "of", "the", "matrix", "eigenvalue", "gradient", "x,", "differentiable"]
    for _ in range(300):
        words = list(rng.choice(vocab, size=rng.integers(1, 20)))
        text = " ".join(words)
        if len(text) > MAX_LINE_CHARS and not any(
            len(" ".join(words[:k])) <= MAX_LINE_CHARS >= len(" ".join(words[k:]))
            for k in range(1, len(words))
        ):
            continue  # no two lines can hold it (the phrase splitter never asks for this)
        lines = break_lines(text)
        assert " ".join(lines) == text
        assert 1 <= len(lines) <= MAX_LINES
        assert all(len(line) <= MAX_LINE_CHARS for line in lines), lines


def test_a_word_longer_than_a_line_stays_whole_and_validate_reports_it():
    word = "x" * 50
    assert break_lines(word) == (word,)
    assert any("line 1 has 50 characters" in p for p in validate([Cue(0.0, 5.0, (word,))]))


# --- phrases of spoken sentences --------------------------------------------------------------


def test_a_long_sentence_becomes_several_cues_within_every_rule():
    assert 200 <= len(LONG) <= 230
    beat = spoken((LONG, 2.0, 14.0))
    out = cues([beat])
    assert len(out) >= 3
    assert validate(out) == []
    assert words_of(out) == LONG.split()
    assert out[0].start == 2.0 and out[-1].end == pytest.approx(14.0, abs=1e-3)
    for cue in out:
        assert 1 <= len(cue.lines) <= MAX_LINES
        assert all(len(line) <= MAX_LINE_CHARS for line in cue.lines)
        assert MIN_CUE_SECONDS <= cue.duration <= MAX_CUE_SECONDS
        assert len(cue.text) / cue.duration <= MAX_CHARS_PER_SECOND
    # clause punctuation is where the sentence is cut
    assert all(c.text[-1] in ",;." for c in out)
    # consecutive phrases of one sentence are back to back, timed by their characters
    assert all(a.end == b.start for a, b in pairwise(out))
    rate = len(LONG) / 12.0
    for cue in out[:-1]:
        assert cue.duration == pytest.approx((len(cue.text) + 1) / rate, abs=2e-3)


def test_a_long_sentence_without_punctuation_splits_into_balanced_chunks():
    text = " ".join(["the iterates move downhill along the negative gradient"] * 3)
    out = cues([spoken((text, 0.0, len(text) / 15))])
    assert len(out) == 3 and validate(out) == []  # 164 characters: two cues cannot hold them
    assert words_of(out) == text.split()
    lengths = [len(c.text) for c in out]
    assert max(lengths) - min(lengths) <= 12


def test_slow_speech_is_cut_so_no_cue_outlives_seven_seconds():
    text = "a sentence of about eighty characters spoken slowly enough to take eight seconds"
    assert len(text) <= 2 * MAX_LINE_CHARS
    out = cues([spoken((text, 0.0, 8.0))])
    assert len(out) == 2 and validate(out) == []
    assert out[-1].end == 8.0


def test_cues_never_start_before_their_speech():
    beat = spoken(("First sentence here.", 0.2004, 1.5), ("Second one, a bit later.", 1.9, 3.4))
    out = cues([beat])
    assert out[0].start >= 0.2004 and out[0].start == 0.201
    assert out[1].start == 1.9


# --- the silent path --------------------------------------------------------------------------


def test_a_silent_beat_spreads_its_sentences_over_the_beat_by_characters():
    narration = "A circle appears. Its radius is two! Why? Because we chose it so."
    beat = BeatRecord(3, narration, 10.0, 22.0)
    out = cues([beat])
    assert [c.text for c in out] == [
        "A circle appears.",
        "Its radius is two!",
        "Why?",
        "Because we chose it so.",
    ]
    assert validate(out) == []
    total = sum(len(c.text) for c in out)
    assert out[0].start == 10.0
    assert out[1].start == pytest.approx(10.0 + 12.0 * 17 / total, abs=1e-3)
    assert out[-1].end == 22.0
    assert all(a.end == b.start for a, b in pairwise(out))


def test_a_long_silent_beat_shows_its_sentence_for_at_most_seven_seconds():
    out = cues(
        [BeatRecord(0, "First beat.", 0.0, 4.25), BeatRecord(1, "Second, longer beat.", 4.25, 71.5)]
    )
    assert [(c.start, c.end, c.text) for c in out] == [
        (0.0, 4.25, "First beat."),
        (4.25, 4.25 + MAX_CUE_SECONDS, "Second, longer beat."),
    ]
    assert validate(out) == []


def test_silent_and_spoken_beats_mix_on_one_clock():
    beats = [
        BeatRecord(0, "Silent opening.", 0.0, 3.0),
        spoken(("Then the voice starts.", 3.2, 4.6), index=1),
    ]
    out = cues(beats)
    assert [c.text for c in out] == ["Silent opening.", "Then the voice starts."]
    assert validate(out) == []


# --- the timing rules -------------------------------------------------------------------------


def test_back_to_back_sentences_do_not_overlap():
    beat = spoken(
        ("One sentence that ends.", 0.0, 1.4),
        ("Another starts at once.", 1.4, 2.8),
        ("And a third, again without a pause.", 2.8, 4.9),
    )
    out = cues([beat])
    assert validate(out) == []
    assert all(a.end <= b.start for a, b in pairwise(out))
    assert [c.start for c in out] == [0.0, 1.4, 2.8]


def test_reading_speed_is_met_by_extending_into_the_following_gap():
    fast = "This sentence is spoken far too quickly."  # 40 characters
    beat = spoken((fast, 0.0, 1.5), ("Then a pause.", 3.0, 4.0))
    first, second = cues([beat])
    assert first.end == pytest.approx(len(fast) / MAX_CHARS_PER_SECOND)  # 2.0 s, not 1.5 s
    assert second.start == 3.0 and validate([first, second]) == []


def test_minimum_duration_is_met_by_extending_but_never_past_the_next_cue():
    out = cues([spoken(("Yes.", 0.0, 0.3), ("No.", 2.0, 2.25), ("Maybe.", 2.45, 2.85))])
    assert [(c.start, c.end) for c in out] == [(0.0, 1.0), (2.0, 2.45), (2.45, 3.45)]
    assert validate(out) == []  # the short middle cue could not last longer


def test_extension_never_passes_seven_seconds():
    out = cues([BeatRecord(0, "Hold.", 0.0, 30.0, (SpokenSentence("Hold.", 0.0, 9.0),))])
    assert out == [Cue(0.0, MAX_CUE_SECONDS, ("Hold.",))]


def test_speech_faster_than_the_reading_speed_with_no_gap_keeps_to_the_voice():
    fast = "This sentence is spoken far too quickly."
    out = cues([spoken((fast, 0.0, 1.0), ("Next.", 1.0, 2.0))])
    assert out[0] == Cue(0.0, 1.0, (fast,))  # it may not run into the next cue
    problems = validate(out)
    assert len(problems) == 1 and "characters per second" in problems[0]


# --- shifting beats ---------------------------------------------------------------------------


def test_shifted_moves_beats_and_their_sentences():
    beats = [
        BeatRecord(0, "Silent.", 0.0, 2.0),
        spoken(("Spoken one.", 2.5, 3.5), ("Spoken two.", 4.0, 5.0), index=1),
    ]
    moved = shifted(beats, 10.0, first_index=5)
    assert [(b.index, b.start, b.end) for b in moved] == [(5, 10.0, 12.0), (6, 12.5, 15.5)]
    assert moved[0].sentences == ()
    assert [(s.text, s.start, s.end, s.audio) for s in moved[1].sentences] == [
        ("Spoken one.", 12.5, 13.5, "key0"),
        ("Spoken two.", 14.0, 15.0, "key1"),
    ]
    here, there = cues(beats), cues(moved)
    assert [c.lines for c in there] == [c.lines for c in here]
    assert [c.start for c in there] == pytest.approx([c.start + 10.0 for c in here])
    assert [c.end for c in there] == pytest.approx([c.end + 10.0 for c in here])


# --- files ------------------------------------------------------------------------------------


BEATS = [
    spoken((LONG, 0.25, 12.25), ("Then a short one.", 12.9, 14.0)),
    BeatRecord(1, "A silent beat follows. It has x < y & z > 0 in it.", 14.5, 20.0),
    spoken(("Back to the voice, for the last words.", 20.3, 22.5), index=2),
]


def test_srt_is_numbered_with_comma_millis_and_two_line_cues():
    text = to_srt(BEATS)
    blocks = text.strip("\n").split("\n\n")
    assert len(blocks) == len(cues(BEATS))
    assert blocks[0].startswith("1\n00:00:00,250 --> 00:00:0")
    assert [b.split("\n")[0] for b in blocks] == [str(n) for n in range(1, len(blocks) + 1)]
    assert any(len(b.split("\n")) == 4 for b in blocks)  # number, timing, two lines


def test_vtt_has_header_dot_millis_and_escapes():
    text = to_vtt(BEATS)
    assert text.startswith("WEBVTT\n\n00:00:00.250 --> ")
    assert "x &lt; y &amp; z &gt; 0" in text and "x < y" not in text


@pytest.mark.parametrize(("write", "read"), [(to_vtt, parse_vtt), (to_srt, parse_srt)])
def test_files_read_back_to_the_same_cues(write, read):
    expected = cues(BEATS)
    assert read(write(BEATS)) == expected  # times are whole milliseconds on both sides
    assert [c.text for c in expected][-2] == "It has x < y & z > 0 in it."


def test_parsers_accept_crlf_settings_notes_and_short_stamps():
    vtt = (
        "\ufeffWEBVTT\r\n\r\nNOTE a comment\r\n\r\nid-1\r\n01:02.500 --> 01:04.000 line:90%\r\n"
        "two &lt;lines&gt;\r\nhere\r\n"
    )
    assert parse_vtt(vtt) == [Cue(62.5, 64.0, ("two <lines>", "here"))]
    assert parse_srt("1\n00:00:01,000 --> 00:00:02,500\nhi\n") == [Cue(1.0, 2.5, ("hi",))]
    assert to_srt([]) == "" and to_vtt([]) == "WEBVTT\n\n" and parse_vtt("WEBVTT\n") == []


# --- validate ---------------------------------------------------------------------------------


GOOD = [Cue(0.0, 2.0, ("A fine cue.",)), Cue(2.0, 4.0, ("Another one,", "on two lines."))]


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        ([Cue(0.0, 3.0, ("one", "two", "three"))], "has 3 lines"),
        ([Cue(0.0, 5.0, ("y" * 43,))], "line 1 has 43 characters"),
        ([Cue(0.0, 7.5, ("Too long on screen.",))], "lasts 7.500 s (max 7 s)"),
        ([Cue(0.0, 0.5, ("Blink.",)), Cue(2.0, 3.0, ("Later.",))], "lasts 0.500 s (min 1 s"),
        ([Cue(0.0, 0.5, ("Last blink.",))], "lasts 0.500 s (min 1 s"),
        ([Cue(0.0, 1.0, ("x" * 30,))], "30.0 characters per second"),
        ([Cue(0.0, 2.0, ("First.",)), Cue(1.5, 3.0, ("Second.",))], "overlaps cue 2"),
        ([Cue(0.0, 2.0, ())], "is empty"),
        ([Cue(3.0, 3.0, ("Nothing.",))], "non-positive duration"),
    ],
)
def test_validate_reports_each_kind_of_breach(bad, fragment):
    assert validate(GOOD) == []
    problems = validate(bad)
    assert any(fragment in p for p in problems), problems
    assert problems[0].startswith("cue ")


def test_validate_allows_what_the_rules_allow():
    assert validate([Cue(0.0, 0.4, ("Hm.",)), Cue(0.4, 1.6, ("Touching.",))]) == []
    assert validate([Cue(0.0, 2.0, ("x" * 40,)), Cue(2.0, 9.0, ("Seven.",))]) == []
    # the reading speed counts the line break as nothing: 40 characters over 2 s is fine
    assert validate([Cue(0.0, 2.0, ("a" * 20, "b" * 20))]) == []


# --- property: random lectures obey every rule ------------------------------------------------

VOCAB = [
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "is",
    "we",
    "it",
    "loss",
    "step",
    "rate",
    "matrix",
    "vector",
    "gradient",
    "eigenvalue",
    "minimum",
    "derivative",
    "integral",
    "function",
    "converges",
    "diverges",
    "iterates",
    "learning",
    "differentiable",
    "positive",
    "definite",
    "curvature",
    "Hessian",
    "softmax",
    "probability",
]


def random_lecture(rng: np.random.Generator) -> list[BeatRecord]:
    """Beats of random sentences spoken at 10-17 characters per second, 0.2-0.8 s apart."""
    beats, clock = [], float(rng.uniform(0.0, 3.0))
    for index in range(int(rng.integers(1, 6))):
        beat_start, parts = clock, []
        clock += float(rng.uniform(0.0, 0.5))
        for _ in range(int(rng.integers(1, 5))):
            words = list(rng.choice(VOCAB, size=int(rng.integers(1, 45))))
            for k in range(len(words) - 1):
                if rng.random() < 0.1:
                    words[k] += str(rng.choice([",", ";", ":"]))
            text = " ".join(words).capitalize() + str(rng.choice([".", "?", "!"]))
            seconds = len(text) / float(rng.uniform(10.0, 17.0))
            parts.append(SpokenSentence(text, clock, clock + seconds, "k"))
            clock += seconds + float(rng.uniform(0.2, 0.8))
        beats.append(
            BeatRecord(index, " ".join(p.text for p in parts), beat_start, clock, tuple(parts))
        )
    return beats


@pytest.mark.parametrize("seed", range(300))
def test_random_spoken_lectures_meet_every_rule(seed):
    beats = random_lecture(np.random.default_rng(seed))
    out = cues(beats)
    assert validate(out) == []
    assert words_of(out) == " ".join(b.narration for b in beats).split()
    speech_starts = {round(s.start, 3) for b in beats for s in b.sentences}
    first_words = {s.text.split()[0] for b in beats for s in b.sentences}
    assert len(out) >= len(speech_starts)
    # every sentence opens a cue exactly when (to the millisecond) its voice starts
    assert speech_starts <= {round(c.start, 3) for c in out} | {
        round(c.start - 0.001, 3) for c in out
    }
    assert {c.text.split()[0] for c in out} >= first_words
    assert parse_vtt(to_vtt(beats)) == out


@pytest.mark.parametrize("seed", range(50))
def test_random_silent_lectures_meet_every_rule(seed):
    rng = np.random.default_rng(1000 + seed)
    beats, clock = [], 0.0
    for index in range(int(rng.integers(1, 6))):
        sentences = [
            " ".join(rng.choice(VOCAB, size=int(rng.integers(1, 30)))).capitalize() + "."
            for _ in range(int(rng.integers(1, 4)))
        ]
        narration = " ".join(sentences)
        # a beat lasts at least its reading time (here at most 17 characters per second)
        seconds = len(narration) / 17.0 + float(rng.uniform(0.0, 20.0))
        beats.append(BeatRecord(index, narration, clock, clock + seconds))
        clock += seconds
    out = cues(beats)
    assert validate(out) == []
    assert words_of(out) == " ".join(b.narration for b in beats).split()
