"""A chapter's narration read from its source without running it (AST; no manim import).

The voice is synthesised before a scene runs, so that the scene's beats can be timed by
speech that already exists. Narration written as string literals (the course's style) is
found here; anything built at run time (an f-string) is synthesised when the scene asks.
"""

from __future__ import annotations

import ast
from pathlib import Path

__all__ = ["NARRATING_METHODS", "narrations", "narrations_by_line"]

#: methods of a lecture scene whose string arguments are spoken
NARRATING_METHODS = frozenset({"beat", "open_chapter", "close_chapter"})


def narrations(path: Path) -> list[str]:
    """Every narration literal passed to a narrating method in ``path``, in source order."""
    return [text for _, text in narrations_by_line(path)]


def narrations_by_line(path: Path) -> list[tuple[int, str]]:
    """``(line, narration)`` for every narration literal in ``path``, in source order."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in NARRATING_METHODS
        ):
            continue
        # close_chapter(takeaway, narration): the takeaway is shown on the card, not spoken
        args = node.args[1:2] if node.func.attr == "close_chapter" else node.args[:1]
        args = [*args, *(k.value for k in node.keywords if k.arg == "narration")]
        found.extend(
            (arg.lineno, arg.col_offset, " ".join(arg.value.split()))
            for arg in args
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        )
    return [(line, text) for line, _, text in sorted(found)]
