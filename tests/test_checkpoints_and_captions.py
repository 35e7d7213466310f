"""Checkpoint comparison, JSON shape, and captions built from beats."""

from __future__ import annotations

import re

import numpy as np

from mathviz.checkpoints import BeatRecord, CheckpointResult, as_value, within
from mathviz.render.captions import shifted, to_srt, to_vtt


def test_values_normalise_from_numpy():
    assert as_value(np.float64(1.5)) == 1.5
    assert as_value(np.array([[1, 2], [3, 4]])) == [1.0, 2.0, 3.0, 4.0]


def test_within_is_elementwise_and_shape_strict():
    assert within([1.0, 2.0], [1.0, 2.0 + 1e-7], 1e-6)
    assert not within([1.0, 2.0], [1.0, 2.1], 1e-6)
    assert not within([1.0], 1.0, 1.0)
    assert not within([1.0, 2.0], [1.0], 1.0)
    assert not within(float("nan"), 0.0, 1.0)


def test_json_has_exactly_the_public_keys():
    r = CheckpointResult("6.3", "Gradients", "x_20", 0.1, 0.1, 1e-6, True, beat=3)
    assert set(r.as_json()) == {
        "chapter",
        "scene",
        "name",
        "shown",
        "expected",
        "tol",
        "ok",
        "source",
    }


BEATS = [BeatRecord(0, "First beat.", 0.0, 4.25), BeatRecord(1, "Second, longer beat.", 4.25, 9.5)]


def test_srt_cues_are_numbered_and_timed():
    text = to_srt(BEATS)
    cues = re.findall(r"(\d+)\n(\S+) --> (\S+)\n(.+)\n", text)
    assert cues == [
        ("1", "00:00:00,000", "00:00:04,250", "First beat."),
        ("2", "00:00:04,250", "00:00:09,500", "Second, longer beat."),
    ]


def test_vtt_has_header_and_dot_millis():
    text = to_vtt(BEATS)
    assert text.startswith("WEBVTT\n\n")
    assert "00:00:04.250 --> 00:00:09.500\nSecond, longer beat." in text


def test_shifted_beats_continue_the_timeline():
    moved = shifted(BEATS, 10.0, first_index=5)
    assert [(b.index, b.start, b.end) for b in moved] == [(5, 10.0, 14.25), (6, 14.25, 19.5)]
