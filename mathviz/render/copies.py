"""Cheaper mobject copies: the same copies manim makes, without the work that changes nothing.

Every Transform, fade and ``.copy()`` deep-copies whole mobject families, and so does
manim's own cache of parsed SVG (every formula and text built twice). Profiling
``mathviz check all`` showed that copying took over half of a chapter's check, for two
reasons fixed here (manim is pinned, so both are checked against one known version):

* every glyph keeps the svgelements ``Path`` it was parsed from, which manim reads only
  while constructing the glyph, yet each copy duplicated it point by point;
* :meth:`manim.Mobject.__deepcopy__` sends every attribute through :func:`copy.deepcopy`,
  including numbers, strings and colours that are never changed in place; here those are
  shared, and the lists, dicts and arrays a mobject holds are copied without
  :func:`copy.deepcopy`'s dispatch (anything else still goes through it).

A copy still owns its points, its colour arrays, its submobjects and everything else that
can change: only values that cannot change (numbers, strings, :class:`ManimColor`, a parsed
SVG path) are shared with the original. ``tests/test_copies.py`` checks that.
"""

from __future__ import annotations

import copy
import pathlib
import types
from typing import Any

import numpy as np

__all__ = ["cheap_copies"]

#: numeric array kinds copied with :meth:`numpy.ndarray.copy` (what deepcopy does for them)
_NUMERIC_KINDS = frozenset("biufc")


def _shared(self: Any, memo: dict[int, Any]) -> Any:
    return self


def _immutable_types() -> frozenset[type]:
    """Kinds of value a copy shares with its original: ``copy.deepcopy`` returns them
    unchanged (numbers, strings, enum members, functions, classes, paths) or they are never
    changed in place (:class:`ManimColor`, a parsed SVG path)."""
    import svgelements
    from manim.constants import CapStyleType, LineJointType
    from manim.utils.color.core import ManimColor

    return frozenset(
        {
            int,
            float,
            bool,
            str,
            bytes,
            complex,
            type(None),
            np.float64,
            np.int64,
            ManimColor,
            LineJointType,
            CapStyleType,
            types.FunctionType,
            types.BuiltinFunctionType,
            type,
            pathlib.PosixPath,
            pathlib.WindowsPath,
            svgelements.Path,
        }
    )


def _mobject_deepcopy(immutable: frozenset[type], original: Any) -> Any:
    deepcopy_any = copy.deepcopy
    ndarray = np.ndarray

    def clone(value: Any, memo: dict[int, Any]) -> Any:
        """``copy.deepcopy(value, memo)``, with the kinds a mobject holds handled here."""
        kind = type(value)
        if kind in immutable:
            return value
        done = memo.get(id(value))
        if done is not None:
            return done
        if kind is ndarray and value.dtype.kind in _NUMERIC_KINDS:
            done = memo[id(value)] = value.copy()
            return done
        if kind is list:
            done = memo[id(value)] = []
            done.extend([clone(item, memo) for item in value])
            return done
        if kind is dict:
            done = memo[id(value)] = {}
            for k, item in value.items():
                done[k if type(k) in immutable else deepcopy_any(k, memo)] = clone(item, memo)
            return done
        copier = getattr(kind, "__deepcopy__", None)
        if getattr(copier, "mathviz_cheap_copy", False):
            return deepcopy(value, memo)
        return deepcopy_any(value, memo)

    def deepcopy(self: Any, memo: dict[int, Any]) -> Any:
        # manim's Mobject.__deepcopy__, with values that cannot change shared, not copied
        cls = self.__class__
        result = cls.__new__(cls)
        memo[id(self)] = result
        fields = self.__dict__.copy()  # values that cannot change stay shared as they are
        for key, value in fields.items():
            if type(value) not in immutable:
                fields[key] = clone(value, memo)
        result.__dict__ = fields
        result.original_id = str(id(self))
        return result

    deepcopy.mathviz_cheap_copy = True  # type: ignore[attr-defined]
    deepcopy.manim_original = original  # type: ignore[attr-defined] # for tests/test_copies.py
    return deepcopy


def cheap_copies() -> None:
    """Install the cheaper copies into manim and svgelements (once per process)."""
    import svgelements
    from manim import Mobject

    if getattr(Mobject.__deepcopy__, "mathviz_cheap_copy", False):
        return
    svgelements.Path.__deepcopy__ = _shared
    cheap = _mobject_deepcopy(_immutable_types(), Mobject.__deepcopy__)
    Mobject.__deepcopy__ = cheap  # type: ignore[method-assign]
