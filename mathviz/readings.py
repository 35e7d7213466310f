"""Values read back from the screen, each carrying where it was read from.

A checkpoint compares what the viewer sees with a truth reached another way. The engine
only accepts a *reading* as the shown side: a number that a read-back helper produced from
an on-screen object, tagged with its source —

``geometry``
    a point, length or angle of a drawn object, converted through its axes or plane;
``area``
    the area of a drawn region (its outline's shoelace area, through the axes);
``count``
    how many objects of a kind are drawn and visible;
``printed``
    the digits actually typeset in a number or text (:func:`printed`), with the precision
    the viewer sees.

A plain float, the scene's input, a loop counter or the expected value itself carries no
source and is refused. Arithmetic on readings gives plain numbers again: a quantity computed
from readings must say so through :func:`derived`, which keeps the sources of its inputs.

Read-back helpers tag their results with the :func:`reads_screen` decorator; scenes never
construct readings directly.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ParamSpec, Self, TypeVar, cast

import numpy as np

__all__ = [
    "SOURCE_KINDS",
    "Printed",
    "PrintedArray",
    "ReadingError",
    "Shown",
    "ShownArray",
    "ShownInt",
    "derived",
    "half_unit",
    "is_reading",
    "parse_printed",
    "printed",
    "printed_all",
    "reads_screen",
    "source_of",
    "tag",
]

#: the kinds of read-back a checkpoint accepts
SOURCE_KINDS = ("geometry", "area", "count", "printed", "derived")

P = ParamSpec("P")
R = TypeVar("R")


class ReadingError(ValueError):
    """A shown value that was not read back from the screen, or cannot be parsed as printed."""


class Shown(float):
    """A float read back from the screen; ``source`` says how."""

    source: str

    def __new__(cls, value: float, source: str) -> Self:
        obj = super().__new__(cls, float(value))
        obj.source = source
        return obj

    def __repr__(self) -> str:
        return f"Shown({float(self)!r}, {self.source!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (float(self), self.source))


class ShownInt(int):
    """An integer read back from the screen (a count of drawn objects)."""

    source: str

    def __new__(cls, value: int, source: str) -> ShownInt:
        obj = super().__new__(cls, int(value))
        obj.source = source
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (int(self), self.source))


class Printed(Shown):
    """A number as typeset: its value, the exact text, and the display's half unit."""

    text: str
    decimals: int
    #: ids of the mobject(s) the digits were read from (a checkpoint marks them verified)
    mobject_ids: tuple[int, ...]

    def __new__(cls, value: float, source: str, text: str = "", decimals: int = 0) -> Printed:
        obj = super().__new__(cls, value, source)
        obj.text, obj.decimals, obj.mobject_ids = text, int(decimals), ()
        return obj

    @property
    def half_unit(self) -> float:
        """Half a unit in the last shown place: the display's own tolerance."""
        return half_unit(self.decimals)

    def __repr__(self) -> str:
        return f"Printed({self.text!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (float(self), self.source, self.text, self.decimals))


class ShownArray(np.ndarray):
    """An array read back from the screen. Indexing and iterating keep the source; any
    arithmetic gives a plain array (use :func:`derived` to keep provenance)."""

    source: str

    def __new__(cls, values: Any, source: str) -> ShownArray:
        obj = np.array(values, dtype=float).view(cls)
        obj.source = source
        return obj

    def __array_finalize__(self, obj: Any) -> None:
        self.source = getattr(obj, "source", "")

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        plain = [np.asarray(x) if isinstance(x, ShownArray) else x for x in inputs]
        if "out" in kwargs:
            kwargs["out"] = tuple(
                np.asarray(x) if isinstance(x, ShownArray) else x for x in kwargs["out"]
            )
        return getattr(ufunc, method)(*plain, **kwargs)

    def _wrap_item(self, item: Any, index: Any) -> Any:
        if isinstance(item, np.ndarray) and item.ndim > 0:
            return item
        return Shown(float(item), self.source)

    def __getitem__(self, index: Any) -> Any:
        return self._wrap_item(super().__getitem__(index), index)

    def __iter__(self) -> Iterator[Any]:  # noqa: D105
        for i in range(len(self)):
            yield self[i]

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (np.asarray(self).tolist(), self.source))


class PrintedArray(ShownArray):
    """Several typeset numbers read together. ``half_units`` has the array's shape and
    ``texts`` lists the typeset strings in the same (row-major) order; reshaping and indexing
    keep both aligned with the values."""

    #: ``None`` (with the texts) when a view's shape no longer matches the values'
    half_units: np.ndarray | None
    _text_grid: np.ndarray | None

    @property
    def texts(self) -> tuple[str, ...]:
        """The typeset strings, row-major."""
        return () if self._text_grid is None else tuple(self._text_grid.ravel().tolist())

    def __new__(cls, readings: Iterable[Printed]) -> PrintedArray:
        readings = list(readings)
        obj = np.array([float(r) for r in readings], dtype=float).view(cls)
        obj.source = "printed"
        obj.half_units = np.array([r.half_unit for r in readings], dtype=float)
        obj._text_grid = np.array([r.text for r in readings], dtype=object)
        obj.mobject_ids = tuple(i for r in readings for i in r.mobject_ids)
        return obj

    def __array_finalize__(self, obj: Any) -> None:
        super().__array_finalize__(obj)
        self.mobject_ids = getattr(obj, "mobject_ids", ())
        units, texts = getattr(obj, "half_units", None), getattr(obj, "_text_grid", None)
        aligned = units is not None and texts is not None and np.shape(units) == self.shape
        self.half_units = units if aligned else None
        self._text_grid = texts if aligned else None

    def reshape(self, *shape: Any, **kwargs: Any) -> PrintedArray:  # noqa: D102
        out: PrintedArray = np.ndarray.reshape(self, *shape, **kwargs).view(PrintedArray)
        out.source, out.mobject_ids = self.source, self.mobject_ids
        if self.half_units is not None and self._text_grid is not None:
            out.half_units = np.reshape(self.half_units, out.shape)
            out._text_grid = np.reshape(self._text_grid, out.shape)
        return out

    def __getitem__(self, index: Any) -> Any:
        item = np.ndarray.__getitem__(self, index)
        if self._text_grid is None:
            return (
                item
                if isinstance(item, np.ndarray) and item.ndim
                else Shown(float(item), self.source)
            )
        assert self.half_units is not None  # set and dropped together with the texts
        texts, units = self._text_grid[index], self.half_units[index]
        if isinstance(item, np.ndarray) and item.ndim:
            view = item.view(PrintedArray)
            view.source, view.mobject_ids = self.source, self.mobject_ids
            view._text_grid, view.half_units = np.asarray(texts, dtype=object), np.asarray(units)
            return view
        return parse_printed(str(texts), source="printed")

    def __reduce__(self) -> tuple[Any, ...]:
        units = None if self.half_units is None else self.half_units.tolist()
        return (_printed_array, (np.asarray(self).tolist(), list(self.texts), units))


def _printed_array(values: Any, texts: list[str], half_units: Any) -> PrintedArray:
    if not texts and np.size(values):  # a view that lost its texts (see ``half_units``)
        bare = np.asarray(values, dtype=float).view(PrintedArray)
        bare.source = "printed"
        return bare
    flat = np.asarray(texts, dtype=object).ravel()
    out = PrintedArray(parse_printed(str(t)) for t in flat)
    return out.reshape(np.shape(values))


def half_unit(decimals: int) -> float:
    """Half a unit in the last place of a number shown with ``decimals`` decimals."""
    return 0.5 * 10.0 ** (-decimals)


def tag(value: Any, source: str) -> Any:
    """``value`` as a reading from ``source``; containers are tagged element by element."""
    if isinstance(value, (Shown, ShownInt, ShownArray, str)) or value is None:
        return value
    if isinstance(value, (bool, np.bool_)):
        return ShownInt(int(value), source)
    if isinstance(value, (int, np.integer)):
        return ShownInt(int(value), source)
    if isinstance(value, (float, np.floating)):
        return Shown(float(value), source)
    if isinstance(value, np.ndarray):
        return ShownArray(value, source) if value.ndim else Shown(float(value), source)
    if isinstance(value, tuple):
        return tuple(tag(v, source) for v in value)
    if isinstance(value, list):
        return [tag(v, source) for v in value]
    if isinstance(value, dict):
        return {k: tag(v, source) for k, v in value.items()}
    raise TypeError(f"cannot tag a {type(value).__name__} as a reading")


def reads_screen(kind: str = "geometry") -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a read-back helper: its result is a reading of ``kind`` from the helper's name.

    The helper keeps its signature: :func:`tag` returns a float as a :class:`Shown`, an int as
    a :class:`ShownInt`, an array as a :class:`ShownArray`, containers element by element.
    """
    if kind not in SOURCE_KINDS:
        raise ValueError(f"unknown reading kind {kind!r}; one of {', '.join(SOURCE_KINDS)}")

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        source = f"{kind}: {fn.__qualname__}"

        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            # tag() returns a subclass of the result's type (a bool alone comes back as a
            # ShownInt, an int), which mypy cannot see through its Any
            return cast(R, tag(fn(*args, **kwargs), source))

        return wrapper

    return decorate


def source_of(value: Any) -> str | None:
    """The source of a reading (or of every element of a container of readings); ``None``
    when any part of it was not read from the screen."""
    if isinstance(value, (Shown, ShownInt, ShownArray)):
        return value.source or None
    if isinstance(value, (list, tuple)) and value:
        sources = [source_of(v) for v in value]
        if any(s is None for s in sources):
            return None
        unique = list(dict.fromkeys(sources))
        return unique[0] if len(unique) == 1 else "; ".join(unique)  # type: ignore[arg-type]
    return None


def is_reading(value: Any) -> bool:
    """True when ``value`` was read back from the screen."""
    return source_of(value) is not None


def derived(how: str, value: Any, *inputs: Any) -> Any:
    """``value``, computed as ``how`` from the readings ``inputs``, as a reading itself.

    Every input must be a reading; the result's source names the computation and theirs.
    """
    missing = [i for i, x in enumerate(inputs) if not is_reading(x)]
    if not inputs or missing:
        raise ReadingError(
            f"derived value {how!r}: input(s) {missing or 'none'} were not "
            f"read from the screen; derive only from readings"
        )
    sources = "; ".join(dict.fromkeys(source_of(x) or "" for x in inputs))
    return tag(value, f"derived: {how} of [{sources}]")


_NUMBER = re.compile(r"[-+\u2212]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?")
_TEX_NOISE = re.compile(r"\\(?:,|;|!|:|quad|qquad|left|right|mathrm|text)|[{}$ ]")


def parse_printed(text: str, source: str = "printed") -> Printed:
    """The single number in a typeset string: value, text and number of shown decimals.

    ``"-1,234.50"`` -> ``-1234.5`` with 2 decimals; ``"3.2e-4"`` keeps the decimals of the
    mantissa (scaled by the exponent). A string with no number, or more than one, is refused.
    """
    cleaned = _TEX_NOISE.sub(
        "",
        text.replace("^{\\circ}", "")
        .replace("\\circ", "")
        .replace("\\times10^", "e")
        .replace("\\times 10^", "e")
        .replace("\\%", "")
        .replace("%", ""),
    )
    matches = list(_NUMBER.finditer(cleaned))
    if len(matches) != 1:
        raise ReadingError(
            f"expected exactly one number in the printed text {text!r}, found {len(matches)}"
        )
    match = matches[0]
    token = match.group(0).replace("\u2212", "-").replace(",", "").replace(" ", "")
    decimals = len(match.group(1) or "")
    exponent = int(match.group(2) or 0)
    return Printed(float(token), source, text, decimals - exponent)


def _typeset_string(mob: Any) -> str:
    """The characters a number or text mobject actually shows, glyph by glyph."""
    number = getattr(mob, "number", None)
    if (
        number is not None
        and hasattr(number, "submobjects")
        and not isinstance(number, (int, float))
    ):
        mob = number  # a Readout: read its number
    if hasattr(mob, "num_decimal_places"):  # DecimalNumber / LiveDecimal: one glyph per char
        chars = [getattr(sub, "tex_string", None) for sub in mob.submobjects]
        if any(c is None for c in chars):
            raise ReadingError(f"cannot read the glyphs of {type(mob).__name__}")
        return "".join(chars)  # type: ignore[arg-type]
    attributes = vars(mob)
    for name in ("original_text", "tex_string", "text"):  # Text / MarkupText, MathTex, other
        value = attributes.get(name)
        if isinstance(value, str):
            return value
    raise ReadingError(f"{type(mob).__name__} shows no text to read")


def printed(mob: Any) -> Printed:
    """The number a mobject shows, as typeset (its glyphs' characters), with its precision.

    Accepts a :class:`~manim.DecimalNumber` (or a :class:`Readout`), a TeX formula or a
    text holding exactly one number. The checkpoint's tolerance is then half a unit in the
    last shown place.
    """
    reading = parse_printed(_typeset_string(mob), "printed")
    number = getattr(mob, "number", None)
    target = number if number is not None and not isinstance(number, (int, float)) else mob
    reading.mobject_ids = (id(mob), id(target))
    return reading


def printed_all(mobs: Iterable[Any]) -> PrintedArray:
    """Several shown numbers read as one vector (e.g. a matrix's entries, a vector's readout)."""
    return PrintedArray(printed(m) for m in mobs)
