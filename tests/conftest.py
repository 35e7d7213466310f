"""Shared fixtures: chapter check runs are cached per test session (no video is written)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from drafts import write_chapter

from mathviz import course
from mathviz.checkpoints import SceneReport
from mathviz.course import get_chapter
from mathviz.render import runner


@functools.cache
def _reports(chapter_id: str) -> tuple[SceneReport, ...]:
    """The chapter's check, reused from the last ``mathviz check`` while nothing changed."""
    return tuple(runner.checked_reports(get_chapter(chapter_id))[0])


@pytest.fixture(scope="session")
def chapter_reports():
    """``chapter_reports("6.3")`` -> the scene reports of ``mathviz check 6.3``."""
    return _reports


@pytest.fixture(scope="session")
def shown():
    """``shown("6.3")`` -> ``{checkpoint name: value shown on screen}``."""

    def values(chapter_id: str) -> dict:
        return {c.name: c.shown for r in _reports(chapter_id) for c in r.checkpoints}

    return values


@pytest.fixture(scope="session")
def held():
    """``held("4.1", *names, source="printed")`` asserts that each named invariant was stated
    in the chapter and held at every sampled moment (its source starting with ``source``, if
    given), and that nothing was changed without being redrawn; returns them by name."""

    def check(chapter_id: str, *names: str, source: str = "") -> dict:
        results = {c.name: c for r in _reports(chapter_id) for c in r.checkpoints}
        found = {}
        for name in names:
            result = results[f"invariant:{name}"]
            assert result.ok, f"{name}: {result.source}"
            assert result.source.startswith(source), f"{name}: {result.source}"
            found[name] = result
        assert not [n for n in results if n.startswith("frozen")]
        return found

    return check


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    """A scene that animations can be set up against (nothing is rendered)."""
    from pathlib import Path

    from manim import Scene

    with runner.manim_config(None, Path(tmp_path_factory.mktemp("media")), "mp4"):
        yield Scene()


@pytest.fixture(scope="session")
def revealjs():
    """Fetch reveal.js (for the slide decks) once per session from the npm registry into the
    project's cache, and point every deck build at it: tests that use their own
    ``MATHVIZ_CACHE_DIR`` then do not download it again. Only the modules that build decks
    ask for it (``pytest.mark.usefixtures("revealjs")``)."""
    import os

    from mathviz.publish import revealjs

    if "MATHVIZ_REVEALJS" in os.environ:
        yield
        return
    os.environ["MATHVIZ_REVEALJS"] = str(revealjs.cached())
    yield
    os.environ.pop("MATHVIZ_REVEALJS", None)


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    monkeypatch.setenv("MATHVIZ_SCENES_DIR", str(scenes))
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    write_chapter(scenes, "0.1")
    write_chapter(scenes, "0.2")
    return scenes


@pytest.fixture
def without_scenes(tmp_path, monkeypatch):
    """``without_scenes("14.1", "10")`` points the course at a folder holding every chapter
    module but those chapters (an id) or levels (a number): they read as *planned*, as
    chapters without a module are. Every chapter has its module now, so this is how the
    tests reach a planned chapter."""

    def hide(*ids: str) -> Path:
        folder = tmp_path / "scenes-without"
        folder.mkdir()
        hidden = {
            c.module_stem for c in course.CHAPTERS if c.id in ids or str(c.level.number) in ids
        }
        for module in course.SCENES_DIR.glob("*.py"):
            if module.stem not in hidden:
                (folder / module.name).symlink_to(module)
        monkeypatch.setenv(course.SCENES_ENV, str(folder))
        return folder

    return hide
