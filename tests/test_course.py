"""The course registry: 56 chapters over levels 0-14, id resolution and suggestions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mathviz import course

OUTLINE = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "004_6ee22a38f64463d3.txt"


def test_the_registry_holds_the_whole_book():
    assert len(course.CHAPTERS) == 56
    assert [lv.number for lv in course.LEVELS] == list(range(15))
    assert course.get_chapter("6.3").title == "Gradients"
    assert course.get_chapter("7.2").level.folder == "07-probability"


@pytest.mark.skipif(not OUTLINE.is_file(), reason="the book's outline lives in ../shared/seeds")
def test_registry_matches_the_books_outline():
    rows = re.findall(r"^\| (\d+\.\d+) \| \[([^\]]+)\]", OUTLINE.read_text(), flags=re.M)
    assert [(c.id, c.title) for c in course.CHAPTERS] == rows


def test_output_names_are_stable_and_human():
    c = course.get_chapter("6.3")
    assert c.output_stem == "6.3-gradients"
    assert c.module_name == "mathviz.scenes.ch6_3_gradients"
    assert course.get_chapter("0.2").slug == "sets-and-logic"


def test_resolve_ids_levels_and_all():
    assert [c.id for c in course.resolve(["6.3", "4.4", "6.3"])] == ["4.4", "6.3"]
    assert [c.id for c in course.resolve(["6"])] == ["6.1", "6.2", "6.3", "6.4", "6.5"]
    assert len(course.resolve(["all"])) == 56
    with_scenes = course.resolve(["all"], only_with_scenes=True)
    assert "6.3" in {c.id for c in with_scenes}
    assert all(c.has_scenes for c in with_scenes)


@pytest.mark.parametrize(("token", "suggestion"), [("6.9", "6.3"), ("foo", None), ("15", "14")])
def test_unknown_ids_name_nearby_valid_ones(token, suggestion):
    with pytest.raises(course.UnknownChapterError) as info:
        course.resolve([token])
    assert token in str(info.value)
    if suggestion:
        assert suggestion in info.value.suggestions


def test_planned_chapters_have_no_module(without_scenes):
    without_scenes("14.1")
    planned = course.get_chapter("14.1")
    assert not planned.has_scenes
    with pytest.raises(LookupError, match="planned"):
        course.load_scenes(planned)


def test_draft_modules_are_loaded_per_folder_and_again_after_an_edit(tmp_path, monkeypatch):
    """Two draft folders holding the same chapter, and an edit of one, each give their own
    scenes (a module cached by name alone answered with whichever was loaded first)."""
    from drafts import write_chapter

    from mathviz.course import get_chapter, load_scenes

    first, second = tmp_path / "a", tmp_path / "b"
    for folder, scenes in ((first, "[Opening]"), (second, "[Opening, Closing]")):
        folder.mkdir()
        write_chapter(folder, "0.1", scenes=scenes)
    chapter = get_chapter("0.1")
    monkeypatch.setenv("MATHVIZ_SCENES_DIR", str(first))
    assert [c.__name__ for c in load_scenes(chapter)] == ["Opening"]
    monkeypatch.setenv("MATHVIZ_SCENES_DIR", str(second))
    assert [c.__name__ for c in load_scenes(chapter)] == ["Opening", "Closing"]
    write_chapter(second, "0.1", scenes="[Closing]")
    assert [c.__name__ for c in load_scenes(chapter)] == ["Closing"]
