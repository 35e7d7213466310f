"""Narration as text: sentences, the pronunciation lexicon and the narration lint (pure).

A beat's narration is written for the eye (captions show it as written). Before the voice
speaks it, every written form listed in the lexicon (a TOML file: ``"SVD" = "S V D"``,
``"σ" = "sigma"``) is replaced by its spoken form. The lint finds what the voice would
misread and the lexicon does not cover: Greek letters, sub- and superscripts, bare maths
operators, underscores, scientific notation.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_LEXICON",
    "Lexicon",
    "LexiconError",
    "NarrationProblem",
    "lint_narration",
    "load_lexicon",
    "sentences",
]

#: the course's lexicon, shipped with the package
DEFAULT_LEXICON = Path(__file__).with_name("lexicon.toml")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
#: characters the voice misreads or skips: Greek, sub/superscripts, maths operators, arrows
_MISREAD_CHARS = re.compile(
    "[\u0370-\u03ff"  # Greek
    "\u2070-\u209f"  # superscripts and subscripts
    "\u1d2c-\u1d6a\u1d9c-\u1dbf"  # modifier letters (ᵀ, ᵢ)
    "\u00b2\u00b3\u00b9"  # ² ³ ¹
    "\u2190-\u21ff"  # arrows
    "\u2200-\u22ff"  # mathematical operators (∇ ∑ √ ≤ ≈ ∞ …)
    "\u00b1\u00d7\u00f7\u00b7"  # ± × ÷ ·
    "_=+*/^<>|~\\\\{}\\[\\]#$]"
)
#: 1e-8, 3E+5: read letter by letter
_SCIENTIFIC = re.compile(r"\b\d+(?:\.\d+)?[eE][+-]?\d+\b")
#: a letter glued to digits (x2, w10) is read as a word
_GLUED = re.compile(r"\b[A-Za-z]\d+\b|\b\d+[A-Za-z]{1,2}\b(?<!\d(?:st|nd|rd|th))")
_MINUS = re.compile(r"(?<![\w-])-(?=\d)")
#: an accented letter standing alone (î, ĵ, ŷ) is read with its accent's name
_LONE_ACCENTED = re.compile(r"(?<!\w)(?=[^\x00-\x7f])[^\W\d_][\u0300-\u036f]?(?!\w)")


class LexiconError(ValueError):
    """A lexicon file that cannot be read; the message names the file and the line."""


@dataclass(frozen=True)
class NarrationProblem:
    """A token in a beat's narration that the voice would misread."""

    token: str
    reason: str

    def __str__(self) -> str:
        return f"{self.token!r} ({self.reason}): add a spoken form to the lexicon"


def sentences(narration: str) -> list[str]:
    """The sentences of a narration, whitespace normalised (``.``, ``!``, ``?`` end one)."""
    text = " ".join(narration.split())
    return [s for s in _SENTENCE_END.split(text) if s]


@dataclass(frozen=True)
class Lexicon:
    """Written forms and how to say them, applied longest first.

    A written form made of word characters only (``SVD``, ``argmin``) is replaced where it
    stands as a whole word; any other form (``σ``, ``x₂₀``, ``1e-8``, ``∇f``) wherever it
    occurs.
    """

    entries: tuple[tuple[str, str], ...] = ()
    source: str = ""

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.entries:
            return None
        parts = []
        for written, _ in sorted(self.entries, key=lambda e: -len(e[0])):
            escaped = re.escape(written)
            parts.append(
                rf"(?<!\w){escaped}(?!\w)" if re.fullmatch(r"[A-Za-z0-9]+", written) else escaped
            )
        return re.compile("|".join(parts))

    @functools.cached_property
    def _spoken(self) -> dict[str, str]:
        return dict(self.entries)

    def _replace(self, match: re.Match[str]) -> str:
        written = match.group(0)
        spoken = self._spoken[written]
        return spoken if re.fullmatch(r"[A-Za-z0-9]+", written) else f" {spoken} "

    def speak(self, text: str) -> str:
        """``text`` with every written form replaced by its spoken form."""
        pattern = self._pattern
        spoken = text if pattern is None else pattern.sub(self._replace, text)
        spoken = _MINUS.sub("minus ", spoken)
        return re.sub(r"\s+([.,;:!?])", r"\1", " ".join(spoken.split()))

    @property
    def digest(self) -> str:
        """Identity of the lexicon's content (part of every audio cache key)."""
        h = hashlib.sha256()
        for written, spoken in self.entries:
            h.update(f"{written}\0{spoken}\0".encode())
        return h.hexdigest()[:16]

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon with ``other``'s entries added (``other`` wins on a clash)."""
        table = dict(self.entries) | dict(other.entries)
        return Lexicon(tuple(sorted(table.items())), f"{self.source}+{other.source}")


def load_lexicon(path: Path = DEFAULT_LEXICON) -> Lexicon:
    """Read a lexicon TOML file: a table of ``"written" = "spoken"`` strings.

    Raises
    ------
    LexiconError
        On a syntax error (naming the file, line and column), a value that is not a string,
        or an empty written or spoken form.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc.strerror}") from None
    return _parse_lexicon(text, str(path))


@functools.lru_cache(maxsize=8)
def _parse_lexicon(text: str, source: str) -> Lexicon:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"lexicon {source}: {exc}") from None
    entries: dict[str, str] = {}
    for section, value in data.items():
        table = value if isinstance(value, Mapping) else {section: value}
        for written, spoken in table.items():
            if not isinstance(spoken, str) or not spoken.strip() or not written.strip():
                line = _line_of(text, written)
                raise LexiconError(
                    f"lexicon {source}, line {line}: {written!r} needs a "
                    f"non-empty spoken form in quotes"
                )
            entries[written] = " ".join(spoken.split())
    return Lexicon(tuple(sorted(entries.items())), source)


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if key in line:
            return number
    return 0


def lint_narration(narration: str, lexicon: Lexicon) -> list[NarrationProblem]:
    """Tokens of ``narration`` the voice would misread once the lexicon is applied."""
    spoken = lexicon.speak(narration)
    problems: list[NarrationProblem] = []
    seen: set[str] = set()

    def add(token: str, reason: str) -> None:
        if token not in seen:
            seen.add(token)
            problems.append(NarrationProblem(token, reason))

    for match in _SCIENTIFIC.finditer(spoken):
        add(match.group(0), "scientific notation")
    for match in _GLUED.finditer(_SCIENTIFIC.sub(" ", spoken)):
        add(match.group(0), "letters glued to digits")
    for word in spoken.split():
        for char in _MISREAD_CHARS.findall(word):
            add(word.strip(".,;:!?()\"'"), f"symbol {char!r}")
            break
    for match in _LONE_ACCENTED.finditer(spoken):
        add(match.group(0), "a lone accented letter")
    return problems
