"""Shared fixtures: chapter check runs are cached per test session (no video is written)."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from drafts import write_chapter

from mathviz import course
from mathviz.checkpoints import SceneReport
from mathviz.course import get_chapter
from mathviz.render import narration, runner

TESTS_DIR = Path(__file__).resolve().parent
#: set to 0 to skip checking the chapters up front (each test module then checks its own)
WARM_ENV = "MATHVIZ_TEST_WARM_CHECKS"
# the tests read the speech ledgers as committed and never write them (check workers inherit
# this): a sentence missing from one is synthesised and reported by test_speech_ledger.py
os.environ.setdefault(narration.LEDGER_ENV, "frozen")


#: the slowest test modules, slowest first (seconds of a cold CI run, ``--durations=0``):
#: pytest-xdist hands whole modules to its workers in collection order (``scripts/setup.sh``
#: keeps that order), so these start first and the short modules fill in around them, instead
#: of one long module running alone on one core at the end. A module not listed runs after
#: them, in its usual place; a stale list only costs balance, never a test.
SLOWEST_MODULES = (
    "test_faults.py",  # 139 s
    "test_cluster.py",  # 74 s
    "test_browser.py",  # 60 s
    "test_build.py",  # 60 s
    "test_install.py",  # 56 s, one test
    "test_storyboard.py",  # 47 s
    "test_split.py",  # 40 s
    "test_slides.py",  # 37 s
    "test_publish.py",  # 35 s
    "test_render.py",  # 32 s
    "test_chapter_4_4.py",  # 16 s
    "test_texstore.py",  # 15 s
    "test_undrawn.py",  # 14 s
    "test_voice_track.py",  # 13 s
    "test_cli.py",  # 12 s
    "test_chapter_6_5.py",  # 11 s
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slowest modules first (:data:`SLOWEST_MODULES`), the rest as collected."""
    rank = {name: i for i, name in enumerate(SLOWEST_MODULES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def _chapters_to_check(config: pytest.Config) -> list[course.Chapter]:
    """The chapters whose checks this session's tests read: all of them when the whole
    folder or ``test_chapters.py`` runs, else those of the ``test_chapter_L_N.py`` files
    named on the command line."""
    ids: set[str] = set()
    everything = False
    for arg in config.args:
        path = (config.invocation_params.dir / arg.split("::")[0]).resolve()
        if path == TESTS_DIR or path in TESTS_DIR.parents or path.name == "test_chapters.py":
            everything = True
        elif match := re.fullmatch(r"test_chapter_(\d+)_(\d+)\.py", path.name):
            ids.add(f"{match[1]}.{match[2]}")
    return [c for c in course.CHAPTERS if c.has_scenes and (everything or c.id in ids)]


def pytest_sessionstart(session: pytest.Session) -> None:
    """Check the chapters the tests will read once, up front, on every core (longest first,
    speech made in the same workers), so that no test worker checks a chapter another one
    is checking too; results that still hold are reused at once. Runs in the controller
    (before pytest-xdist starts its workers) or in a plain session, never in a worker."""
    config = session.config
    if hasattr(config, "workerinput") or config.option.collectonly:
        return
    if os.environ.get(WARM_ENV, "1") == "0":
        return
    chapters = _chapters_to_check(config)
    if not chapters:
        return
    started = time.perf_counter()
    outcomes = runner.check_chapters(chapters, jobs=os.cpu_count() or 1)
    reused = sum(o.reused for o in outcomes)
    failed = [o.chapter.id for o in outcomes if o.reports is None]
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(
            f"mathviz: checked {len(chapters) - reused} chapters, reused {reused}, in "
            f"{time.perf_counter() - started:.0f} s"
            + (f"; {', '.join(failed)} failed (their tests say why)" if failed else "")
        )


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
    from manim import Scene

    with runner.manim_config(None, Path(tmp_path_factory.mktemp("media")), "mp4"):
        yield Scene()


@pytest.fixture(scope="session")
def revealjs():
    """Fetch reveal.js (for the slide decks) once per session from the npm registry into the
    project's cache, and point every deck build at it: tests that use their own
    ``MATHVIZ_CACHE_DIR`` then do not download it again. Only the modules that build decks
    ask for it (``pytest.mark.usefixtures("revealjs")``)."""
    from mathviz.publish import revealjs

    if "MATHVIZ_REVEALJS" in os.environ:
        yield
        return
    os.environ["MATHVIZ_REVEALJS"] = str(revealjs.cached())
    yield
    os.environ.pop("MATHVIZ_REVEALJS", None)


@pytest.fixture(scope="session")
def draft_speech(tmp_path_factory) -> Path:
    """The draft chapters' speech as they are first written (``tests/drafts.py``): spoken
    once per test process by ``mathviz check``, into a voice cache of its own."""
    root = tmp_path_factory.mktemp("draft-speech")
    scenes = root / "scenes"
    scenes.mkdir()
    write_chapter(scenes, "0.1")
    write_chapter(scenes, "0.2")
    env = os.environ | {"MATHVIZ_SCENES_DIR": str(scenes), "MATHVIZ_CACHE_DIR": str(root / "cache")}
    subprocess.run(
        [sys.executable, "-m", "mathviz.cli", "check", "0.1", "0.2", "-j", "1"],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return root / "cache" / "voice"


@pytest.fixture
def drafts(tmp_path, monkeypatch, draft_speech):
    """Draft chapters 0.1 and 0.2 in a scenes folder of the test's own, with a cache of its
    own that already holds their speech (a copy: a test may damage its files), so that each
    test synthesises only the sentences it writes itself."""
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    monkeypatch.setenv("MATHVIZ_SCENES_DIR", str(scenes))
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(draft_speech, tmp_path / "cache" / "voice")
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
