"""Captions that follow the voice: SubRip (.srt) and WebVTT (.vtt) from narrated beats.

Every spoken sentence of a beat becomes one or more cues.  A sentence too long for one cue is
cut into phrases (at clause punctuation first; a clause still too long for one cue at word
boundaries into balanced chunks) and the phrases share the sentence's speech time in
proportion to their characters.  A silent beat (no sentences) is cut into sentences and those
are spread across the beat in the same way.  One pass over the sorted cues then applies the
usual broadcast rules:

* at most :data:`MAX_LINES` lines of at most :data:`MAX_LINE_CHARS` characters per cue;
* a cue lasts at most :data:`MAX_CUE_SECONDS` and, where the timing allows, at least
  :data:`MIN_CUE_SECONDS`;
* cues never overlap (a cue may end exactly when the next starts);
* at most :data:`MAX_CHARS_PER_SECOND` characters per second;
* a cue never starts before its speech; its end is only ever extended into the silence that
  follows it (never past the next cue's start, never beyond the maximum duration).

All cue times are whole milliseconds, exactly what the files hold, so
``parse_vtt(to_vtt(beats)) == cues(beats)``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from mathviz.checkpoints import BeatRecord

__all__ = [
    "MAX_CHARS_PER_SECOND",
    "MAX_CUE_SECONDS",
    "MAX_LINES",
    "MAX_LINE_CHARS",
    "MIN_CUE_SECONDS",
    "Cue",
    "break_lines",
    "cues",
    "parse_srt",
    "parse_vtt",
    "shifted",
    "to_srt",
    "to_vtt",
    "validate",
]

#: characters on one caption line
MAX_LINE_CHARS = 42
#: lines in one cue
MAX_LINES = 2
#: longest a cue may stay on screen (s)
MAX_CUE_SECONDS = 7.0
#: shortest a cue should stay on screen when the timing allows (s)
MIN_CUE_SECONDS = 1.0
#: fastest reading speed asked of a viewer (characters per second, spaces counted)
MAX_CHARS_PER_SECOND = 20.0

_MAX_MS = int(round(MAX_CUE_SECONDS * 1000))
_MIN_MS = int(round(MIN_CUE_SECONDS * 1000))
#: slack for times read back from files or computed in floating point (s)
_EPS = 5e-4
#: cost of a line break that does not follow punctuation, against the balance term
#: ``sum((line / text) ** 2)``: a break after punctuation wins while it leaves the two
#: lines within roughly 15 % .. 85 % of the text
_UNPUNCTUATED_BREAK = 0.25
#: punctuation after which a sentence may be cut into phrases
_CLAUSE_PUNCT = ",;:—–"
#: punctuation after which a cue's line may be broken
_LINE_PUNCT = ",;:.!?—–"
_CLOSERS = "\"')]}»”’"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_STAMP = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})")


@dataclass(frozen=True)
class Cue:
    """One caption on screen.

    Attributes
    ----------
    start, end
        Seconds on the video's clock.
    lines
        The lines shown, top to bottom (one or two).
    """

    start: float
    end: float
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        """The cue's lines joined by a space."""
        return " ".join(self.lines)

    @property
    def duration(self) -> float:
        """Seconds on screen."""
        return self.end - self.start


# --- line breaking and phrase splitting -------------------------------------------------------


def _after_punct(word: str, marks: str) -> bool:
    """True when ``word`` ends with one of ``marks`` (closing quotes/brackets ignored)."""
    stripped = word.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in marks


def break_lines(text: str, width: int = MAX_LINE_CHARS) -> tuple[str, ...]:
    """Lay ``text`` out as caption lines: one line if it fits, else two balanced lines.

    Parameters
    ----------
    text
        The cue's text; runs of whitespace count as one space.
    width
        Most characters on a line.

    Returns
    -------
    tuple of str
        One line when the text fits in ``width``; otherwise the two-line break, at a word
        boundary, with both lines within ``width`` that makes the lines closest in length,
        preferring a break after punctuation (``, ; : . ! ? —``) unless that leaves the lines
        badly unbalanced.  Text that cannot fit in two lines (longer than ``2 * width`` or
        holding a word longer than ``width``) gets the most balanced break anyway (a single
        word stays whole), which :func:`validate` then reports.
    """
    words = text.split()
    joined = " ".join(words)
    if len(joined) <= width or len(words) < 2:
        return (joined,) if joined else ()
    total = len(joined)
    best: tuple[float, int] | None = None
    fallback: tuple[int, int] | None = None
    for k in range(1, len(words)):
        top, bottom = " ".join(words[:k]), " ".join(words[k:])
        if len(top) <= width and len(bottom) <= width:
            score = (
                (len(top) / total) ** 2
                + (len(bottom) / total) ** 2
                + (0.0 if _after_punct(words[k - 1], _LINE_PUNCT) else _UNPUNCTUATED_BREAK)
            )
            if best is None or score < best[0]:
                best = (score, k)
        longest = max(len(top), len(bottom))
        if fallback is None or longest < fallback[0]:
            fallback = (longest, k)
    assert fallback is not None
    k = best[1] if best is not None else fallback[1]
    return (" ".join(words[:k]), " ".join(words[k:]))


def _fits_two_lines(offsets: list[int], i: int, j: int) -> bool:
    """Whether words ``i..j-1`` (char ``offsets`` as in :func:`_phrases`) fit one cue's lines."""
    length = offsets[j] - offsets[i] - 1
    if j - i == 1 or length <= MAX_LINE_CHARS:
        return True
    if length > MAX_LINES * MAX_LINE_CHARS:
        return False
    return any(
        offsets[k] - offsets[i] - 1 <= MAX_LINE_CHARS
        and offsets[j] - offsets[k] - 1 <= MAX_LINE_CHARS
        for k in range(i + 1, j)
    )


def _phrases(text: str, start: float, end: float, *, timed: bool) -> list[tuple[str, float, float]]:
    """Cut one sentence into phrases that each fit a cue, timed by their characters.

    Parameters
    ----------
    text
        The sentence.
    start, end
        Its speech time (s).  Each phrase gets the share of ``[start, end]`` that its
        characters (with the space after it) have in the sentence.
    timed
        True for real speech: phrases longer than :data:`MAX_CUE_SECONDS` of speech count as
        bad (the cue would vanish while the voice still speaks).  False for a silent beat,
        whose timing is only a spread of the text over the beat.

    Returns
    -------
    list of (str, float, float)
        Phrase text, start and end, in order; their words are the sentence's words.

    Notes
    -----
    A dynamic programme over word boundaries picks the cut minimising, in this order: the
    number of phrases shorter than :data:`MIN_CUE_SECONDS` of speech (or, when ``timed``,
    longer than :data:`MAX_CUE_SECONDS`); the number of cuts not after clause punctuation
    (``, ; : —``), so clauses are split first and only clauses too long for a cue are cut at
    word boundaries; the number of phrases; then imbalance (sum of squared shares of the
    sentence's characters).  Each phrase must fit :data:`MAX_LINES` lines of
    :data:`MAX_LINE_CHARS` (a single over-long word is its own phrase).
    """
    words = text.split()
    if not words:
        return []
    offsets = [0]
    for w in words:
        offsets.append(offsets[-1] + len(w) + 1)
    n, total = len(words), offsets[-1] - 1
    span = end - start

    def at(k: int) -> float:
        return start + span * min(offsets[k], total) / total

    # best[j] = (bad, unpunctuated cuts, phrases, imbalance, previous cut) for words[:j]
    best: list[tuple[int, int, int, float, int] | None] = [None] * (n + 1)
    best[0] = (0, 0, 0, 0.0, -1)
    for j in range(1, n + 1):
        for i in range(j - 1, -1, -1):
            if offsets[j] - offsets[i] - 1 > MAX_LINES * MAX_LINE_CHARS and j - i > 1:
                break
            prev = best[i]
            if prev is None or not _fits_two_lines(offsets, i, j):
                continue
            seconds = at(j) - at(i)
            bad = int(seconds < MIN_CUE_SECONDS or (timed and seconds > MAX_CUE_SECONDS))
            plain = int(j < n and not _after_punct(words[j - 1], _CLAUSE_PUNCT))
            share = ((offsets[j] - offsets[i] - 1) / total) ** 2
            cand = (prev[0] + bad, prev[1] + plain, prev[2] + 1, prev[3] + share, i)
            if best[j] is None or cand[:4] < best[j][:4]:  # type: ignore[index]
                best[j] = cand
    cuts = [n]
    while cuts[-1] > 0:
        node = best[cuts[-1]]
        assert node is not None
        cuts.append(node[4])
    cuts.reverse()
    return [(" ".join(words[a:b]), at(a), at(b)) for a, b in pairwise(cuts)]


# --- cues -------------------------------------------------------------------------------------


def _ms(seconds: float) -> int:
    """Whole milliseconds, rounded up (so a cue never starts before its speech)."""
    return math.ceil(round(seconds * 1000, 6))


def _beat_phrases(beat: BeatRecord) -> list[tuple[str, float, float]]:
    """Timed phrases of one beat: from its spoken sentences, or spread over a silent beat."""
    if beat.sentences:
        return [
            p
            for s in beat.sentences
            if s.text.strip()
            for p in _phrases(s.text, s.start, s.end, timed=True)
        ]
    sentences = [s for s in _SENTENCE_END.split(beat.narration.strip()) if s.strip()]
    weights = [len(" ".join(s.split())) for s in sentences]
    total = sum(weights)
    out: list[tuple[str, float, float]] = []
    done = 0
    for sentence, weight in zip(sentences, weights, strict=True):
        t0 = beat.start + (beat.end - beat.start) * done / total
        done += weight
        t1 = beat.start + (beat.end - beat.start) * done / total
        out += _phrases(sentence, t0, t1, timed=False)
    return out


def cues(beats: Sequence[BeatRecord]) -> list[Cue]:
    """The captions of ``beats``, following the voice and obeying the caption rules.

    Parameters
    ----------
    beats
        Narrated beats on one clock.  A beat's ``sentences`` (text and speech start/end) time
        its cues; a beat without sentences (a silent lecture) has its narration cut into
        sentences that share the beat's time in proportion to their characters.

    Returns
    -------
    list of Cue
        Sorted by start, times in whole milliseconds.  Each cue starts when its phrase's speech
        starts; its end is the later of its speech end and the end that the minimum duration
        and the reading speed ask for, but never past the next cue's start and never more than
        :data:`MAX_CUE_SECONDS` after its own start.  Where speech leaves no room (speech
        faster than :data:`MAX_CHARS_PER_SECOND`, or a very short phrase, followed at once by
        the next cue) the cue keeps to the voice and :func:`validate` reports what is left.
    """
    raw = [(_ms(t0), _ms(t1), text) for beat in beats for text, t0, t1 in _beat_phrases(beat)]
    raw.sort(key=lambda r: r[0])
    out: list[Cue] = []
    for n, (start, speech_end, text) in enumerate(raw):
        lines = break_lines(text)
        need = max(_MIN_MS, math.ceil(len(" ".join(lines)) * 1000 / MAX_CHARS_PER_SECOND))
        end = min(max(speech_end, start + need), start + _MAX_MS)
        if n + 1 < len(raw):
            end = min(end, raw[n + 1][0])
        out.append(Cue(start / 1000, end / 1000, lines))
    return out


def validate(cues: Sequence[Cue]) -> list[str]:
    """Human-readable breaches of the caption rules, in cue order; empty when all is well.

    Parameters
    ----------
    cues
        Cues in the order they are shown.

    Returns
    -------
    list of str
        One message per breach: an empty cue, more than :data:`MAX_LINES` lines, a line over
        :data:`MAX_LINE_CHARS`, a non-positive duration, a cue over :data:`MAX_CUE_SECONDS`,
        a cue under :data:`MIN_CUE_SECONDS` although it could have lasted longer (it ends
        before the next cue starts, or is the last), reading speed over
        :data:`MAX_CHARS_PER_SECOND` (characters of the lines, spaces counted, line breaks
        not), and a cue starting before the previous one ends.  Times are compared with half
        a millisecond of slack.
    """
    problems: list[str] = []
    for n, cue in enumerate(cues, start=1):
        where = f"cue {n} ({_stamp(cue.start, '.')} --> {_stamp(cue.end, '.')})"
        if not cue.text.strip():
            problems.append(f"{where} is empty")
        if len(cue.lines) > MAX_LINES:
            problems.append(f"{where} has {len(cue.lines)} lines (max {MAX_LINES})")
        for k, line in enumerate(cue.lines, start=1):
            if len(line) > MAX_LINE_CHARS:
                problems.append(
                    f"{where} line {k} has {len(line)} characters (max {MAX_LINE_CHARS}): {line!r}"
                )
        duration = cue.end - cue.start
        if duration <= _EPS:
            problems.append(f"{where} has a non-positive duration ({duration:.3f} s)")
            continue
        if duration > MAX_CUE_SECONDS + _EPS:
            problems.append(f"{where} lasts {duration:.3f} s (max {MAX_CUE_SECONDS:g} s)")
        following = cues[n] if n < len(cues) else None
        room = following is None or cue.end < following.start - _EPS
        if duration < MIN_CUE_SECONDS - _EPS and room:
            problems.append(
                f"{where} lasts {duration:.3f} s (min {MIN_CUE_SECONDS:g} s, "
                "and the next cue leaves room)"
            )
        chars = sum(len(line) for line in cue.lines)
        if chars > MAX_CHARS_PER_SECOND * (duration + _EPS):
            problems.append(
                f"{where} needs {chars / duration:.1f} characters per second "
                f"(max {MAX_CHARS_PER_SECOND:g})"
            )
        if following is not None and following.start < cue.end - _EPS:
            problems.append(
                f"{where} overlaps cue {n + 1}, which starts at {_stamp(following.start, '.')}"
            )
    return problems


# --- files ------------------------------------------------------------------------------------


def _stamp(seconds: float, sep: str) -> str:
    ms = int(round(seconds * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _vtt_escape(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _vtt_unescape(line: str) -> str:
    return line.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def to_srt(beats: Sequence[BeatRecord]) -> str:
    """SubRip text of the captions of ``beats``.

    Parameters
    ----------
    beats
        Narrated beats on one clock (see :func:`cues`).

    Returns
    -------
    str
        One block per :class:`Cue`, numbered from 1, ``HH:MM:SS,mmm`` times, each of the cue's
        lines on its own line; blocks separated by a blank line.
    """
    blocks = [
        f"{n}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n" + "\n".join(c.lines) + "\n"
        for n, c in enumerate(cues(beats), start=1)
    ]
    return "\n".join(blocks)


def to_vtt(beats: Sequence[BeatRecord]) -> str:
    r"""WebVTT text of the captions of ``beats``.

    Parameters
    ----------
    beats
        Narrated beats on one clock (see :func:`cues`).

    Returns
    -------
    str
        ``"WEBVTT\\n\\n"`` then one block per :class:`Cue` with ``HH:MM:SS.mmm`` times and the
        cue's lines on their own lines (``&``, ``<`` and ``>`` escaped, as WebVTT asks).
    """
    blocks = [
        f"{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n"
        + "\n".join(_vtt_escape(line) for line in c.lines)
        + "\n"
        for c in cues(beats)
    ]
    return "WEBVTT\n\n" + "\n".join(blocks)


def _parse_stamp(stamp: str) -> float:
    match = _STAMP.fullmatch(stamp.strip())
    if match is None:
        raise ValueError(f"not a caption timestamp: {stamp!r}")
    h, m, s, ms = (int(g) if g else 0 for g in match.groups())
    return (((h * 60 + m) * 60 + s) * 1000 + ms) / 1000


def _parse_blocks(text: str, unescape: bool) -> list[Cue]:
    out: list[Cue] = []
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for block in re.split(r"\n[ \t]*\n", text.strip()):
        lines = block.split("\n")
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            continue  # WEBVTT header, NOTE, STYLE or REGION blocks
        start, rest = lines[timing].split("-->", 1)
        body = tuple(_vtt_unescape(t) if unescape else t for t in lines[timing + 1 :])
        out.append(Cue(_parse_stamp(start), _parse_stamp(rest.split()[0]), body))
    return out


def parse_vtt(text: str) -> list[Cue]:
    """The cues of a WebVTT file.

    Parameters
    ----------
    text
        The file's text (a BOM, CRLF line ends, cue identifiers, cue settings and NOTE/STYLE
        blocks are accepted and ignored).

    Returns
    -------
    list of Cue
        In file order, times in whole milliseconds, ``&amp; &lt; &gt;`` decoded.
    """
    return _parse_blocks(text, unescape=True)


def parse_srt(text: str) -> list[Cue]:
    """The cues of a SubRip file.

    Parameters
    ----------
    text
        The file's text.

    Returns
    -------
    list of Cue
        In file order, times in whole milliseconds.
    """
    return _parse_blocks(text, unescape=False)


def shifted(beats: Sequence[BeatRecord], offset: float, first_index: int = 0) -> list[BeatRecord]:
    """Beats moved along the clock, as when scenes or chapters are joined.

    Parameters
    ----------
    beats
        The beats to move.
    offset
        Seconds added to every beat's and every spoken sentence's start and end.
    first_index
        Index given to the first beat; the rest follow in order.

    Returns
    -------
    list of BeatRecord
        New records (narration and sentence texts and audio keys unchanged).
    """
    return [
        BeatRecord(
            first_index + i,
            b.narration,
            b.start + offset,
            b.end + offset,
            tuple(replace(s, start=s.start + offset, end=s.end + offset) for s in b.sentences),
        )
        for i, b in enumerate(beats)
    ]
