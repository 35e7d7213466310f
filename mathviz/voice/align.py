"""Forced alignment of synthesised speech against its script (offline, pocketsphinx).

The lecture voice (Piper, phonemised by espeak-ng) must say what the script says. To check
that, each sentence's audio is aligned word by word against the words the voice is expected
to speak: pocketsphinx's English acoustic model is constrained to the script's word
sequence and finds where each word sits in the audio, or gives up (:class:`AlignmentError`).
A forced alignment that succeeds is not proof on its own: pocketsphinx will stretch and
squeeze the words of a wrong script over the audio, so every word also carries its acoustic
fit (:attr:`AlignedWord.score`), and :func:`unaligned` reports the words that are missing,
badly timed or badly fitting.

What this catches, measured on the course's 394 sentences (see :data:`MIN_WORD_SCORE`):
audio of another sentence always (about half raise, the rest fit badly); a script word the
voice did not say three times in four; a word the voice said in place of the script's one
time in three; an extra word the voice said rarely (it hides in the pauses). Misreadings of
symbols are better caught in the text, before speaking (:mod:`mathviz.voice.text`).

The script is first turned into the words the voice actually says (:func:`spoken_words`):
numbers are written out the way espeak-ng (en-us) reads them, symbols it reads aloud
(``%``, ``=``, ``±``, Greek letters) become words, punctuation and the symbols it skips are
dropped. Words missing from the CMU dictionary get an approximate pronunciation
(:func:`pronunciation`) and are reported in :attr:`Alignment.approximated`.

espeak-ng's number reading (en-us), established by phonemising with the espeak-ng that
Piper ships and comparing against written-out candidates:

- integers: short scale, no "and" (``1024`` is "one thousand twenty four", ``308`` "three
  hundred eight", ``1234567`` "one million two hundred thirty four thousand five hundred
  sixty seven"); commas group thousands only in valid ``1,000,000`` form (``12,34`` is two
  numbers);
- a bare four-digit integer from 1900 to 1999 is read as a year ("nineteen hundred fifty");
  no other range is;
- an integer written with a leading zero is read digit by digit (``007``: "zero zero
  seven");
- decimals: the integer part as an integer, "point", then each digit (``0.0576``: "zero
  point zero five seven six"; ``10.50``: "ten point five zero");
- a minus sign before a number is "minus" after a space or at the start (``-3``, ``x -3``)
  and always for U+2212 (``x−1``); a hyphen between two numbers is "dash" (``3-4``); a
  hyphen between a letter and a number (``x-1``, ``top-1``) is not spoken;
- ordinals (``1st``, ``20th``): the ordinal of the last number word ("twentieth");
- ``%`` is "percent", with or without a space before it.
"""

from __future__ import annotations

import functools
import math
import re
import threading
import unicodedata
import wave
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

__all__ = [
    "AlignedWord",
    "Alignment",
    "AlignmentError",
    "MIN_MEAN_SCORE",
    "MIN_WORD_SCORE",
    "align",
    "number_words",
    "pronunciation",
    "spoken_words",
    "unaligned",
]

#: pocketsphinx's acoustic model runs on 16 kHz audio; frames are 10 ms
_ALIGN_RATE = 16000
_FRAMES_PER_SECOND = 100
#: beams for the retry after a failed alignment (pocketsphinx defaults: 1e-48, 7e-29, 1e-48)
_WIDE_BEAMS = {"beam": 1e-80, "wbeam": 1e-60, "pbeam": 1e-80}
#: default thresholds of :func:`unaligned`, in nats per frame. On the course's 394 sentences
#: spoken by en_US-joe-medium, no word of 40 ms or more scored below -9.7 (but for a "ĵ" the
#: voice really misreads: -12.3) and no sentence below -2.6; of 1500 sentences aligned
#: against the audio of another, those pocketsphinx did not reject scored -3.1 or lower.
MIN_WORD_SCORE = -10.0
MIN_MEAN_SCORE = -3.0
#: a word shorter than this is too short for its score to mean much
_MIN_SCORED_SECONDS = 0.04

# --------------------------------------------------------------------------------------
# numbers


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))
_ORDINAL = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    if n >= 100:
        words += [_ONES[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        words.append(_TENS[n // 10])
        n %= 10
    if n:
        words.append(_ONES[n])
    return words


def _integer_words(digits: str, *, year: bool = True) -> list[str]:
    if len(digits) > 1 and digits.startswith("0"):
        return [_ONES[int(d)] for d in digits]
    n = int(digits)
    if n == 0:
        return ["zero"]
    if year and len(digits) == 4 and 1900 <= n <= 1999:  # espeak reads these as years
        return ["nineteen", "hundred", *_below_thousand(n - 1900)]
    if n >= 10**15:  # beyond espeak's scales: digit by digit
        return [_ONES[int(d)] for d in digits]
    words: list[str] = []
    for scale, name in _SCALES:
        if n >= scale:
            words += [*_below_thousand(n // scale), name]
            n %= scale
    return words + _below_thousand(n)


def number_words(number: str, *, ordinal: bool = False) -> list[str]:
    """The words espeak-ng (en-us) says for a written number.

    Parameters
    ----------
    number
        Digits, optionally with thousands commas (``1,024``), a decimal part (``0.0576``)
        and a leading minus (``-`` or ``−``).
    ordinal
        Read as an ordinal (``20`` → "twentieth"), as for ``20th``.

    Returns
    -------
    list[str]
        Lower-case words, e.g. ``["one", "thousand", "twenty", "four"]`` for ``"1024"``.

    Raises
    ------
    ValueError
        If ``number`` is not a number in one of those forms.
    """
    match = re.fullmatch(r"([-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?", number.strip())
    if not match:
        raise ValueError(f"not a number: {number!r}")
    sign, integer, fraction = match.groups()
    words = ["minus"] if sign else []
    words += _integer_words(integer.replace(",", ""), year="," not in integer)
    if fraction:
        words += ["point", *(_ONES[int(d)] for d in fraction)]
    elif ordinal:
        last = words[-1]
        if last in _ORDINAL:
            words[-1] = _ORDINAL[last]
        elif last.endswith("y"):
            words[-1] = last[:-1] + "ieth"
        else:
            words[-1] = last + "th"
    return words


# --------------------------------------------------------------------------------------
# text -> spoken words

#: symbols espeak-ng reads aloud, and what it says
_SYMBOLS = {
    "%": "percent",
    "°": "degrees",
    "±": "plus or minus",
    "+": "plus",
    "=": "equals",
    "×": "times",
    "∞": "infinity",
    "≈": "approximately",
    "≤": "less or equal to",
    "≥": "greater or equal to",
    "≠": "not equal to",
    "/": "slash",
    "&": "and",
    "√": "square root",
    "∑": "sum sign",
    "∂": "delta",
    "∫": "integral",
    "#": "hash",
    "@": "at",
    "*": "asterisk",
    "~": "tilde",
    "\\": "backslash",
    "$": "dollar",
    "→": "right arrow",
    "\u2212": "minus",
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "ζ": "zeta",
    "η": "eta",
    "θ": "theta",
    "ι": "iota",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ν": "nu",
    "ξ": "xi",
    "ο": "omicron",
    "π": "pi",
    "ρ": "rho",
    "σ": "sigma",
    "ς": "sigma",
    "τ": "tau",
    "υ": "upsilon",
    "φ": "phi",
    "χ": "chi",
    "ψ": "psi",
    "ω": "omega",
    "Γ": "gamma",
    "Δ": "delta",
    "Θ": "theta",
    "Λ": "lambda",
    "Ξ": "xi",
    "Π": "pi",
    "Σ": "sigma",
    "Φ": "phi",
    "Ψ": "psi",
    "Ω": "omega",
}
_SYMBOL_RE = re.compile("|".join(re.escape(s) for s in _SYMBOLS))
#: abbreviations espeak-ng expands (``e.g.`` inside a sentence is "for example")
_ABBREVIATIONS = {
    "e.g.": "for example",
    "i.e.": "i e",
    "etc.": "etcetera",
    "vs.": "v s",
    "vs": "v s",
}
_ABBREVIATION_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")(?![\w])", re.IGNORECASE
)
_TOKEN = re.compile(
    r"(?P<num>(?>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?))"
    r"(?P<ord>st|nd|rd|th)?(?![^\W_])"
    r"|(?P<num_glued>(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+)*)"
    r"|(?P<other>\S)"
)


@dataclass(frozen=True)
class _Token:
    """A spoken word and how it was written (for guessing the pronunciation of an OOV)."""

    word: str
    written: str


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _prepare(text: str) -> str:
    # sub- and superscript digits and letters to plain ones (x₁ -> x1, x² -> x2)
    text = "".join(
        unicodedata.normalize("NFKC", c)
        if 0x2070 <= ord(c) <= 0x209F or c in "²³¹" or 0x1D2C <= ord(c) <= 0x1D6A
        else c
        for c in text
    )
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = _ABBREVIATION_RE.sub(lambda m: f" {_ABBREVIATIONS[m.group(1).lower()]} ", text)
    return _SYMBOL_RE.sub(lambda m: f" {_SYMBOLS[m.group(0)]} ", text)


def _tokens(text: str) -> list[_Token]:
    text = _prepare(text)
    tokens: list[_Token] = []
    previous = ""  # kind of the previous token: "num", "word" or ""
    for match in _TOKEN.finditer(text):
        kind = next(k for k in ("num", "num_glued", "word", "other") if match.group(k))
        start = match.start()
        if kind in ("num", "num_glued"):
            written = match.group(kind)
            words = number_words(written, ordinal=bool(match.group("ord")))
            before = text[start - 1] if start else " "
            if before == "-":
                hyphen_at = start - 1
                lead = text[hyphen_at - 1] if hyphen_at else " "
                if previous == "num" and (lead.isdigit() or lead.isspace()):
                    words = ["dash", *words]
                elif lead.isspace():
                    words = ["minus", *words]
            elif before == "." and (start < 2 or not text[start - 2].isdigit()):
                words = ["dot", *words]
            tokens += [_Token(w, written) for w in words]
            previous = "num"
        elif kind == "word":
            written = match.group(kind)
            if (
                written.lower() == "s"
                and tokens
                and start >= 2
                and text[start - 1] == "'"
                and text[start - 2].isdigit()
            ):  # L1's: "L one's"
                tokens[-1] = _Token(tokens[-1].word + "'s", tokens[-1].written + "'s")
            else:
                word = _strip_accents(written).lower()
                if re.search("[a-z]", word):  # a word in another script cannot be aligned
                    tokens.append(_Token(word, written))
            previous = "word"
        elif match.group(kind) not in "-.":
            previous = ""
    return tokens


def spoken_words(text: str) -> list[str]:
    """The words the voice says for a sentence, lower case, for alignment.

    Punctuation is dropped (apostrophes inside words are kept), hyphenated words split into
    their parts, numbers written out the way espeak-ng (en-us) reads them (see the module
    docstring), symbols espeak-ng reads aloud (``%``, ``=``, ``±``, ``×``, Greek letters)
    replaced by their words and other symbols dropped, accents removed (``Chloé`` →
    ``chloe``), words without a letter a-z left after that dropped.

    Parameters
    ----------
    text
        One sentence, as given to the voice.

    Returns
    -------
    list[str]
        E.g. ``["at", "step", "one", "thousand", "twenty", "four", "minus", "zero",
        "point", "five"]`` for ``"At step 1024: -0.5."``.
    """
    return [t.word for t in _tokens(text)]


# --------------------------------------------------------------------------------------
# pronunciations

#: ``lookup(word) -> phones or None``: a pronunciation dictionary (``Decoder.lookup_word``)
Lookup = Callable[[str], "str | None"]

#: letter names in the CMU phone set, for spelling a word letter by letter
_LETTER_NAMES = {
    "a": "EY",
    "b": "B IY",
    "c": "S IY",
    "d": "D IY",
    "e": "IY",
    "f": "EH F",
    "g": "JH IY",
    "h": "EY CH",
    "i": "AY",
    "j": "JH EY",
    "k": "K EY",
    "l": "EH L",
    "m": "EH M",
    "n": "EH N",
    "o": "OW",
    "p": "P IY",
    "q": "K Y UW",
    "r": "AA R",
    "s": "EH S",
    "t": "T IY",
    "u": "Y UW",
    "v": "V IY",
    "w": "D AH B AH L Y UW",
    "x": "EH K S",
    "y": "W AY",
    "z": "Z IY",
}
#: the usual sound of a single letter inside a word, for the gaps between dictionary pieces
_LETTER_SOUNDS = {
    "a": "AE",
    "b": "B",
    "c": "K",
    "d": "D",
    "e": "EH",
    "f": "F",
    "g": "G",
    "h": "HH",
    "i": "IH",
    "j": "JH",
    "k": "K",
    "l": "L",
    "m": "M",
    "n": "N",
    "o": "AA",
    "p": "P",
    "q": "K",
    "r": "R",
    "s": "S",
    "t": "T",
    "u": "AH",
    "v": "V",
    "w": "W",
    "x": "K S",
    "y": "IY",
    "z": "Z",
}
#: British spellings and their American form in the CMU dictionary (normalise, colour)
_SPELLINGS = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("isers", "izers"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("our", "or"),
    ("ours", "ors"),
    ("tre", "ter"),
    ("elling", "eling"),
    ("elled", "eled"),
    ("ogue", "og"),
)
_SIBILANT_END = ("S", "Z", "SH", "ZH", "CH", "JH")
_VOICELESS_END = ("P", "T", "K", "F", "TH", "HH")


def _american(word: str, lookup: Lookup) -> str | None:
    """Phones of the American spelling of a British word (``normalise``), if known."""
    for british, american in _SPELLINGS:
        if word.endswith(british) and (phones := lookup(word[: -len(british)] + american)):
            return phones
    return None


def _plural(phones: str) -> str:
    last = phones.split()[-1]
    return "IH Z" if last in _SIBILANT_END else "S" if last in _VOICELESS_END else "Z"


def _past(phones: str) -> str:
    last = phones.split()[-1]
    return (
        "IH D" if last in ("T", "D") else "T" if last in _VOICELESS_END + ("S", "SH", "CH") else "D"
    )


#: endings added to a word the dictionary knows: (ending, stems to try, phones to add)
_SUFFIXES: tuple[tuple[str, tuple[str, ...], Callable[[str], str] | str], ...] = (
    ("ization", ("ize",), "-AY Z+AH Z EY SH AH N"),
    ("isation", ("ise", "ize"), "-AY Z+AH Z EY SH AH N"),
    ("ers", ("", "e"), "ER Z"),
    ("ies", ("y",), _plural),
    ("ier", ("y",), "ER"),
    ("ings", ("", "e"), "IH NG Z"),
    ("ing", ("", "e"), "IH NG"),
    ("es", ("", "e"), _plural),
    ("ed", ("", "e"), _past),
    ("er", ("", "e"), "ER"),
    ("ly", ("",), "L IY"),
    ("ity", ("", "e"), "IH T IY"),
    ("ness", ("",), "N AH S"),
    ("s", ("",), _plural),
)


def _with_suffix(stem: str, add: Callable[[str], str] | str) -> str:
    if callable(add):
        return f"{stem} {add(stem)}"
    if add.startswith("-"):  # replace an ending of the stem's phones
        old, new = add[1:].split("+")
        return f"{stem[: -len(old)]}{new}" if stem.endswith(old) else f"{stem} {new}"
    return f"{stem} {add}"


def _morphology(word: str, lookup: Lookup, depth: int = 2) -> str | None:
    """Phones of ``word`` as a dictionary word plus endings (``optimizers``)."""
    for ending, stems, add in _SUFFIXES:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        root = word[: -len(ending)]
        candidates = [root + s for s in stems]
        if len(root) > 3 and root[-1] == root[-2]:  # flatten-ed, plan-n-ed
            candidates.append(root[:-1])
        for candidate in candidates:
            stem = lookup(candidate) or _american(candidate, lookup)
            if stem is None and depth > 1:
                stem = _morphology(candidate, lookup, depth - 1)
            if stem:
                return _with_suffix(stem, add)
    return None


def _split(word: str, lookup: Lookup) -> str | None:
    """Phones of the fewest dictionary words (two letters or more) that spell ``word``.

    A letter between dictionary pieces is given its usual sound, at the cost of two pieces.
    """
    n = len(word)
    # best[end] = (cost, -longest piece, start of last piece, phones of last piece)
    best: list[tuple[int, int, int, str] | None] = [None] * (n + 1)
    best[0] = (0, 0, 0, "")
    for end in range(1, n + 1):
        for start in range(end):
            before = best[start]
            if before is None:
                continue
            piece = word[start:end]
            if len(piece) == 1:
                phones, cost = _LETTER_SOUNDS.get(piece), 2
            else:
                phones, cost = lookup(piece), 1
            if not phones:
                continue
            total, longest = before[0] + cost, min(before[1], -len(piece))
            current = best[end]
            if current is None or (total, longest) < current[:2]:
                best[end] = (total, longest, start, phones)
    if best[n] is None:
        return None
    parts: list[str] = []
    end = n
    while end:
        last = best[end]
        assert last is not None  # a piece ends only where the one before it was reached
        _, _, start, phones = last
        parts.append(phones)
        end = start
    return " ".join(reversed(parts))


def _letters(word: str) -> str:
    return " ".join(_LETTER_NAMES[c] for c in word if c in _LETTER_NAMES)


def pronunciation(word: str, lookup: Lookup, *, written: str = "") -> tuple[str, str]:
    """An approximate pronunciation for a word missing from the dictionary.

    Tried in order:

    1. ``"possessive"``: a dictionary word with ``'s`` or ``'`` (``gradient's``);
    2. ``"spelling"``: the American spelling of a British word (``normalise``);
    3. ``"letters"``: a word written in capitals (``PCA``) or without a vowel (``lr``),
       spelled letter by letter with the letter names, as espeak-ng reads it;
    4. ``"morphology"``: a dictionary word plus endings (``optimizers`` = optimize + er +
       s, ``classifier`` = classify + er);
    5. ``"split"``: the fewest dictionary words of two letters or more that spell it
       (``softmax`` = soft + max, ``recommender`` = recommend + er), a single letter between
       them given its usual sound (``exp`` = ex + p).

    Parameters
    ----------
    word
        Lower-case word, not in the dictionary.
    lookup
        ``lookup(word) -> phones or None``: the dictionary (``Decoder.lookup_word``).
    written
        How the word was written in the script (a word in capitals is spelled).

    Returns
    -------
    tuple[str, str]
        The phones (space-separated CMU phones) and which rule found them. The phones are
        empty for a word without letters a-z.
    """
    if word.endswith("'s") and (base := lookup(word[:-2])):
        return f"{base} {_plural(base)}", "possessive"
    if word.endswith("'") and (base := lookup(word[:-1])):
        return base, "possessive"
    if phones := _american(word, lookup):
        return phones, "spelling"
    bare = "".join(c for c in word if c in _LETTER_NAMES)
    acronym = len(written) > 1 and written.isupper() and written.isalpha()
    if acronym or not re.search("[aeiouy]", bare):
        return _letters(bare), "letters"
    if phones := _morphology(bare, lookup):
        return phones, "morphology"
    return _split(bare, lookup) or _letters(bare), "split"


# --------------------------------------------------------------------------------------
# the decoder


class _Segment(Protocol):
    """A word placed by the decoder (a ``pocketsphinx.Segment``; pocketsphinx is untyped)."""

    word: str
    start_frame: int
    #: inclusive
    end_frame: int
    ascore: float


class _Decoder(Protocol):
    """What the alignment uses of a ``pocketsphinx.Decoder`` (pocketsphinx is untyped)."""

    def lookup_word(self, word: str) -> str | None: ...
    def add_word(self, word: str, phones: str, update: bool = True) -> int: ...
    def set_align_text(self, text: str) -> None: ...
    def set_cmn(self, cmn: str) -> None: ...
    def start_utt(self) -> None: ...
    def process_raw(
        self, data: bytes, no_search: bool = False, full_utt: bool = False
    ) -> object: ...
    def end_utt(self) -> None: ...
    def seg(self) -> Iterable[_Segment] | None: ...


@dataclass
class _Dictionary:
    """A pocketsphinx decoder and the words given to it beyond its shipped dictionary."""

    decoder: _Decoder
    added: dict[str, str]
    #: the cepstral mean the decoder starts from: restored before every utterance, so that
    #: an alignment does not depend on the ones before it
    initial_cmn: str


@functools.lru_cache(maxsize=2)
def _decoder(wide: bool) -> _Dictionary:
    """The process's pocketsphinx decoder (``wide``: with wider beams), created once."""
    from pocketsphinx import Decoder

    decoder = Decoder(lm=None, loglevel="FATAL", **(_WIDE_BEAMS if wide else {}))
    # the model's feat.params turns on noise removal, whose noise estimate carries over from
    # one utterance to the next; synthetic speech has no noise to remove
    decoder.config["remove_noise"] = False
    decoder.reinit_feat()
    return _Dictionary(decoder, {}, decoder.get_cmn())


#: one alignment at a time per process (the decoders hold per-utterance state)
_LOCK = threading.Lock()


class AlignmentError(RuntimeError):
    """The speech could not be aligned against its script (the message names the text)."""


@dataclass(frozen=True)
class AlignedWord:
    """One script word and where it is spoken, in seconds from the start of the audio."""

    word: str
    start: float
    end: float
    #: acoustic fit: mean log-likelihood per 10 ms frame (nats) relative to the best-scoring
    #: sound of the model in that frame; 0 is a perfect fit, ``-inf`` hopeless
    score: float = 0.0


@dataclass(frozen=True)
class Alignment:
    """The script's words located in the speech.

    Attributes
    ----------
    words
        The script's words in order, where pocketsphinx placed them (silences dropped). A
        word it gave up on is missing: check with :func:`unaligned`.
    approximated
        Words missing from the dictionary that were given an approximate pronunciation.
    duration
        Length of the audio in seconds.
    """

    words: tuple[AlignedWord, ...]
    approximated: tuple[str, ...]
    duration: float

    @property
    def score(self) -> float:
        """Acoustic fit of the whole sentence: the words' scores weighted by their length.

        0.0 without words; ``-inf`` if a word fits hopelessly.
        """
        timed = [w for w in self.words if w.end > w.start]
        total = sum(w.end - w.start for w in timed)
        if total <= 0.0:
            return 0.0
        return sum(w.score * (w.end - w.start) for w in timed) / total


def _read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        rate, width, channels = wav.getframerate(), wav.getsampwidth(), wav.getnchannels()
        frames = wav.readframes(wav.getnframes())
    if width == 2:
        samples = np.frombuffer(frames, dtype="<i2").astype(np.float64) / 32768.0
    elif width == 4:
        samples = np.frombuffer(frames, dtype="<i4").astype(np.float64) / 2147483648.0
    elif width == 1:
        samples = (np.frombuffer(frames, dtype=np.uint8).astype(np.float64) - 128.0) / 128.0
    else:
        raise AlignmentError(f"{path}: unsupported WAV sample width {width}")
    return samples.reshape(-1, channels).mean(axis=1), rate


def _as_float(samples: np.ndarray) -> np.ndarray:
    x = np.asarray(samples)
    if x.ndim == 2:  # (frames, channels)
        x = x.mean(axis=1) if x.shape[1] <= x.shape[0] else x.mean(axis=0)
    if np.issubdtype(x.dtype, np.integer):
        return x.astype(np.float64) / float(np.iinfo(x.dtype).max + 1)
    return x.astype(np.float64)


def _pcm16k(samples: np.ndarray, rate: int) -> bytes:
    from scipy.signal import resample_poly

    if rate != _ALIGN_RATE:
        g = np.gcd(rate, _ALIGN_RATE)
        samples = resample_poly(samples, _ALIGN_RATE // g, rate // g)
    pcm: bytes = (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
    return pcm


def _add_words(dictionary: _Dictionary, tokens: Sequence[_Token]) -> list[str]:
    """Give the decoder a pronunciation for every OOV token; the approximated words."""
    decoder = dictionary.decoder
    approximated: list[str] = []
    for token in tokens:
        if token.word not in dictionary.added:
            if decoder.lookup_word(token.word) is not None:
                continue
            phones, _ = pronunciation(token.word, decoder.lookup_word, written=token.written)
            if not phones:
                raise AlignmentError(f"no pronunciation for {token.word!r}")
            decoder.add_word(token.word, phones, True)
            dictionary.added[token.word] = phones
        if token.word not in approximated:
            approximated.append(token.word)
    return approximated


def _segments(dictionary: _Dictionary, pcm: bytes, words: Sequence[str]) -> list[_Segment] | None:
    decoder = dictionary.decoder
    decoder.set_align_text(" ".join(words))
    decoder.set_cmn(dictionary.initial_cmn)
    decoder.start_utt()
    decoder.process_raw(pcm, full_utt=True)
    decoder.end_utt()
    segments = decoder.seg()
    return None if segments is None else list(segments)


def align(wav: Path | np.ndarray, text: str, *, rate: int | None = None) -> Alignment:
    """Locate every word of ``text`` in the speech ``wav``.

    Parameters
    ----------
    wav
        A WAV file (8-, 16- or 32-bit PCM, any rate, mono or multichannel), or the samples
        (integers, or floats in [-1, 1]; ``(frames, channels)`` is averaged).
    text
        The sentence the speech is meant to say, as given to the voice (see
        :func:`spoken_words`).
    rate
        Sample rate of ``wav`` in Hz: required for samples, ignored for a file.

    Returns
    -------
    Alignment
        Every spoken word with its start and end in seconds; words that had to be given an
        approximate pronunciation; the audio's duration.

    Raises
    ------
    AlignmentError
        If pocketsphinx cannot fit the words to the speech, even with wider beams.
    ValueError
        If ``wav`` is an array and ``rate`` is not given.

    Notes
    -----
    The audio is resampled to 16 kHz. When the default beams fail, or place fewer than all
    words, the alignment is tried once more with wider beams; the more complete result is
    kept. One alignment runs at a time per process (the decoders are shared).
    """
    if isinstance(wav, (str, Path)):
        samples, rate = _read_wav(Path(wav))
    else:
        if rate is None:
            raise ValueError("align(samples, text) needs the sample rate: rate=...")
        samples = _as_float(wav)
    duration = len(samples) / rate
    tokens = _tokens(text)
    if not tokens:
        return Alignment((), (), duration)
    words = [t.word for t in tokens]
    pcm = _pcm16k(samples, rate)
    best: list[AlignedWord] | None = None
    with _LOCK:
        for wide in (False, True):
            dictionary = _decoder(wide)
            approximated = _add_words(dictionary, tokens)
            segments = _segments(dictionary, pcm, words)
            if segments is None:
                continue
            aligned = _aligned_words(segments, duration)
            if best is None or len(aligned) > len(best):
                best = aligned
            # pocketsphinx may also give up on a word and close the sentence without it
            if [w.word for w in aligned] == words:
                break
    if best is None:
        raise AlignmentError(
            f"the speech does not fit the words of {text!r} (spoken as: {' '.join(words)})"
        )
    return Alignment(tuple(best), tuple(approximated), duration)


def _aligned_words(segments: Iterable[_Segment], duration: float) -> list[AlignedWord]:
    aligned: list[AlignedWord] = []
    for seg in segments:
        word = re.sub(r"\(\d+\)$", "", seg.word)
        if word.startswith(("<", "[", "+")):
            continue
        start = seg.start_frame / _FRAMES_PER_SECOND
        end = min((seg.end_frame + 1) / _FRAMES_PER_SECOND, duration)
        frames = seg.end_frame - seg.start_frame + 1
        score = math.log(seg.ascore) / frames if seg.ascore > 0.0 else -math.inf
        aligned.append(AlignedWord(word, start, end, score))
    return aligned


def unaligned(
    alignment: Alignment,
    expected_words: Iterable[str],
    *,
    min_word_score: float = MIN_WORD_SCORE,
    min_mean_score: float = MIN_MEAN_SCORE,
) -> list[str]:
    """Words of the script that the alignment does not place plausibly.

    Forced alignment always fits the script's words to the audio somewhere when it
    succeeds, even when the audio says something else; the acoustic fit tells a fit from a
    forced one. A word is reported when

    - it is missing from the alignment (words are matched in order);
    - its interval has no length or lies outside ``[0, duration]``;
    - it fits the audio badly: ``score < min_word_score`` over at least 40 ms;
    - the whole sentence fits badly (:attr:`Alignment.score` ``< min_mean_score``, as when
      the audio is another sentence): then every word with ``score < min_mean_score``.

    Parameters
    ----------
    alignment
        The result of :func:`align`.
    expected_words
        The script's words in order, as :func:`spoken_words` gives them.
    min_word_score, min_mean_score
        Thresholds in nats per frame (see :attr:`AlignedWord.score`); ``-math.inf``
        switches a check off.

    Returns
    -------
    list[str]
        The reported words, in script order. Empty when every word aligned.
    """
    missing: list[str] = []
    words = alignment.words
    poor_sentence = alignment.score < min_mean_score
    i = 0
    for expected in expected_words:
        target = expected.lower()
        j = i
        while j < len(words) and words[j].word != target:
            j += 1
        if j == len(words):
            missing.append(expected)
            continue
        found = words[j]
        i = j + 1
        long_enough = found.end - found.start >= _MIN_SCORED_SECONDS - 1e-9
        if (
            not (0.0 <= found.start < found.end <= alignment.duration)
            or (found.score < min_word_score and long_enough)
            or (poor_sentence and found.score < min_mean_score)
        ):
            missing.append(expected)
    return missing
