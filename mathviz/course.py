"""The course registry: every chapter of the book, its level, and where its scenes live.

A chapter ``L.N`` is implemented by the module ``scenes/chL_N_<slug>.py`` (for example
``scenes/ch6_3_gradients.py``), which lists its scene classes, in play order, in ``SCENES``.
A chapter without such a module is *planned*.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib
import importlib.util
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "PROJECT_ROOT",
    "SCENES_DIR",
    "SCENES_ENV",
    "scenes_dir",
    "Level",
    "Chapter",
    "slugify",
    "LEVELS",
    "CHAPTERS",
    "UnknownChapterError",
    "get_chapter",
    "nearby_ids",
    "resolve",
    "load_scenes",
]

PROJECT_ROOT = Path(__file__).resolve().parents[1]
#: the package the chapter modules are installed as (from the checkout's ``scenes/`` folder)
SCENES_PACKAGE = "mathviz.scenes"


def _installed_scenes() -> Path:
    """Where ``mathviz.scenes`` lives: ``scenes/`` in a checkout (an editable install maps
    it there), inside the installed package otherwise."""
    spec = importlib.util.find_spec(SCENES_PACKAGE)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))).resolve()
    return PROJECT_ROOT / "scenes"


SCENES_DIR = _installed_scenes()
#: environment variable naming another folder of chapter modules (drafts, tests)
SCENES_ENV = "MATHVIZ_SCENES_DIR"


def scenes_dir() -> Path:
    """Folder of the chapter modules: ``$MATHVIZ_SCENES_DIR`` if set, else ``scenes/``."""
    override = os.environ.get(SCENES_ENV)
    return Path(override).resolve() if override else SCENES_DIR


@dataclass(frozen=True)
class Level:
    """One level of the book (``number`` 0–14)."""

    number: int
    title: str
    slug: str

    @property
    def folder(self) -> str:
        """Output folder name, e.g. ``06-calculus``."""
        return f"{self.number:02d}-{self.slug}"


@dataclass(frozen=True)
class Chapter:
    """One chapter of the book: ``id`` like ``"6.3"``."""

    id: str
    title: str
    level: Level

    @property
    def number(self) -> int:
        return int(self.id.split(".")[1])

    @property
    def slug(self) -> str:
        return slugify(self.title)

    @property
    def module_name(self) -> str:
        """Dotted module path of the chapter's scenes, e.g. ``mathviz.scenes.ch6_3_gradients``."""
        return f"{SCENES_PACKAGE}.{self.module_stem}"

    @property
    def module_stem(self) -> str:
        """The chapter module's file stem, e.g. ``ch6_3_gradients``."""
        return f"ch{self.level.number}_{self.number}_{self.slug.replace('-', '_')}"

    @property
    def module_path(self) -> Path:
        return scenes_dir() / f"{self.module_stem}.py"

    @property
    def output_stem(self) -> str:
        """Human file stem, e.g. ``6.3-gradients``."""
        return f"{self.id}-{self.slug}"

    @property
    def has_scenes(self) -> bool:
        return self.module_path.is_file()

    def sort_key(self) -> tuple[int, int]:
        return (self.level.number, self.number)


def slugify(text: str) -> str:
    """Lower-case, ASCII, hyphen-separated slug (``"Sets & Logic"`` -> ``"sets-and-logic"``)."""
    text = text.lower().replace("&", "and")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


_LEVELS: tuple[tuple[int, str, str, tuple[str, ...]], ...] = (
    (
        0,
        "Mathematical Foundations",
        "foundations",
        ("Mathematical Language", "Sets & Logic", "Mathematical Thinking"),
    ),
    (
        1,
        "Arithmetic & Numbers",
        "arithmetic",
        ("Number Systems", "Arithmetic Operations", "Ratios & Scales"),
    ),
    (
        2,
        "Algebra",
        "algebra",
        (
            "Variables & Expressions",
            "Linear Equations",
            "Polynomials",
            "Exponentials & Logarithms",
            "Inequalities",
        ),
    ),
    (
        3,
        "Functions",
        "functions",
        ("Functions", "Common Function Types", "Multivariable Functions"),
    ),
    (
        4,
        "Linear Algebra",
        "linear-algebra",
        (
            "Vectors",
            "Geometry of Vectors",
            "Matrices",
            "Matrix as Transformation",
            "Systems of Linear Equations",
            "Eigenvalues & Eigenvectors",
            "Decompositions",
        ),
    ),
    (5, "Analytic Geometry", "analytic-geometry", ("Coordinate Systems", "Distance Metrics")),
    (
        6,
        "Calculus",
        "calculus",
        ("Limits", "Derivatives", "Gradients", "Optimization", "Integral Calculus"),
    ),
    (
        7,
        "Probability Theory",
        "probability",
        (
            "Probability Foundations",
            "Conditional Probability",
            "Random Variables",
            "Expectation & Moments",
            "Common Distributions",
        ),
    ),
    (
        8,
        "Statistics",
        "statistics",
        ("Descriptive Statistics", "Sampling Theory", "Estimation", "Hypothesis Testing"),
    ),
    (
        9,
        "Optimization Theory",
        "optimization-theory",
        ("Loss Functions", "Optimization Algorithms", "Convex Optimization", "Regularization"),
    ),
    (
        10,
        "Information Theory",
        "information-theory",
        ("Information", "Entropy", "Cross-Entropy", "KL Divergence"),
    ),
    (11, "Graph Theory", "graph-theory", ("Graph Basics", "Graph Properties", "Graph Algorithms")),
    (
        12,
        "Numerical Methods",
        "numerical-methods",
        ("Numerical Stability", "Approximation", "Optimization in Practice"),
    ),
    (
        13,
        "ML Models Math",
        "ml-models-math",
        ("Linear Regression", "Logistic Regression", "Neural Networks", "Dimensionality Reduction"),
    ),
    (14, "Advanced Topics", "advanced-topics", ("Advanced Topics Reference",)),
)

LEVELS: tuple[Level, ...] = tuple(Level(n, title, slug) for n, title, slug, _ in _LEVELS)
CHAPTERS: tuple[Chapter, ...] = tuple(
    Chapter(f"{n}.{i}", title, LEVELS[n])
    for n, _, _, titles in _LEVELS
    for i, title in enumerate(titles, start=1)
)
_BY_ID: dict[str, Chapter] = {c.id: c for c in CHAPTERS}


class UnknownChapterError(ValueError):
    """An id that names no chapter or level; ``suggestions`` lists nearby valid ids."""

    def __init__(self, token: str, suggestions: list[str]) -> None:
        self.token = token
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(
            f"unknown chapter or level {token!r}.{hint} "
            "Use an id like 6.3, a level like 6, or 'all' ('mathviz list' shows them)."
        )


def get_chapter(chapter_id: str) -> Chapter:
    """The chapter with this id; raises :class:`UnknownChapterError` naming nearby ids."""
    try:
        return _BY_ID[chapter_id]
    except KeyError:
        raise UnknownChapterError(chapter_id, nearby_ids(chapter_id)) from None


def nearby_ids(token: str, limit: int = 5) -> list[str]:
    """Valid ids that look like ``token``: same level first, then by string similarity."""
    level_part = token.split(".")[0]
    same_level = [c.id for c in CHAPTERS if c.id.split(".")[0] == level_part]
    if same_level:
        return same_level[:limit]
    candidates = [c.id for c in CHAPTERS] + [str(lv.number) for lv in LEVELS]
    return difflib.get_close_matches(token, candidates, n=limit, cutoff=0.3)


def resolve(
    tokens: tuple[str, ...] | list[str], *, only_with_scenes: bool = False
) -> list[Chapter]:
    """Expand ids, levels and ``all`` into chapters, in course order, without repeats.

    Parameters
    ----------
    tokens
        ``"6.3"``, ``"6"`` (a level) or ``"all"``.
    only_with_scenes
        For levels and ``all``, keep only chapters that have scenes. An explicit chapter id
        is always kept, so that asking for a planned chapter is reported, not ignored.
    """
    chosen: dict[str, Chapter] = {}
    for token in tokens:
        token = token.strip()
        if token == "all":
            group = list(CHAPTERS)
        elif re.fullmatch(r"\d+", token):
            number = int(token)
            if number >= len(LEVELS):
                raise UnknownChapterError(token, [str(lv.number) for lv in LEVELS][-3:])
            group = [c for c in CHAPTERS if c.level.number == number]
        else:
            group = [get_chapter(token)]
            for chapter in group:
                chosen[chapter.id] = chapter
            continue
        for chapter in group:
            if chapter.has_scenes or not only_with_scenes:
                chosen[chapter.id] = chapter
    return sorted(chosen.values(), key=Chapter.sort_key)


def load_scenes(chapter: Chapter) -> list[type]:
    """Import the chapter's module and return its scene classes in play order."""
    if not chapter.has_scenes:
        raise LookupError(
            f"chapter {chapter.id} ({chapter.title}) is planned: it has no scenes yet "
            f"(expected {chapter.module_path})"
        )
    module = None
    if scenes_dir() == SCENES_DIR:
        try:
            module = importlib.import_module(chapter.module_name)
        except ModuleNotFoundError as exc:
            if exc.name not in (SCENES_PACKAGE, chapter.module_name):
                raise  # the chapter itself imports something missing
    if module is None:  # a draft folder, or a checkout not installed: load the file itself
        path = chapter.module_path.resolve()
        stat = path.stat()
        # named by the file's path and loaded again when it changes: another draft folder, or
        # an edit of this one, is never answered with an older module
        tag = hashlib.sha1(str(path).encode()).hexdigest()[:12]
        name = f"mathviz_scenes_override.{path.stem}_{tag}"
        version = (stat.st_size, stat.st_mtime_ns)
        loaded = sys.modules.get(name)
        if loaded is not None and getattr(loaded, "__mathviz_version__", None) != version:
            loaded = None
        if loaded is None:
            spec = importlib.util.spec_from_file_location(name, chapter.module_path)
            # a path ending in .py always gets a spec with a source loader
            assert spec is not None
            assert spec.loader is not None
            loaded = importlib.util.module_from_spec(spec)
            loaded.__mathviz_version__ = version  # type: ignore[attr-defined]
            sys.modules[name] = loaded
            spec.loader.exec_module(loaded)
        module = loaded
    scenes = list(getattr(module, "SCENES", ()))
    if not scenes:
        raise LookupError(f"{chapter.module_name} defines no SCENES list")
    return scenes
