"""Parsed SVGs kept on disk (mathviz.render.svgstore): a text, a formula or an SVG file
loaded back from the store is, member for member, what manim's own parse of the file gives;
a damaged entry or a store that cannot be written costs a parse, never a wrong picture."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import svgelements
from manim import RED, SVGMobject, Text
from manim.mobject.svg import svg_mobject

from mathviz import theme
from mathviz.render import svgstore
from mathviz.render.fastpaths import cheap_internals

DRAWING = """<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">
<g id="left"><path d="M 2 2 L 18 2 L 18 18 Z" fill="#ff8800"/>
<circle cx="8" cy="12" r="3" fill="#2266ff"/></g>
<g id="right"><rect x="22" y="4" width="14" height="12" stroke="#00aa44" stroke-width="2"/></g>
</svg>
"""


@pytest.fixture
def store(scene, tmp_path, monkeypatch):
    """An empty store of its own; manim's in-process cache emptied before and after."""
    cheap_internals()
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    svg_mobject.SVG_HASH_TO_MOB_MAP.clear()
    yield svgstore.store_dir()
    svg_mobject.SVG_HASH_TO_MOB_MAP.clear()


def _drawing(tmp_path: Path) -> Path:
    path = tmp_path / "drawing.svg"
    path.write_text(DRAWING)
    return path


def _makers(tmp_path: Path) -> dict:
    drawing = _drawing(tmp_path)
    return {
        "text": lambda: Text("kept: ab 1.5", font=theme.FONT, font_size=30, t2c={"ab": RED}),
        "formula": lambda: theme.tex(r"\nabla f = (2x,\ 6y)"),
        "svg file": lambda: SVGMobject(drawing),
    }


def _state(mob) -> list:
    """Everything the picture and later code read from each member, in drawing order."""
    members = mob.get_family()
    index = {id(m): i for i, m in enumerate(members)}
    groups = {
        key: [index.get(id(m)) for m in group.get_family()]
        for key, group in getattr(mob, "id_to_vgroup_dict", {}).items()
    }
    return [
        groups,
        *(
            (
                type(m).__module__,
                type(m).__qualname__,
                # a copy names its original; a glyph from the store lacks its parsed path
                sorted(set(vars(m)) - {"original_id", svgstore.UNSTORED}),
                m.points.tobytes(),
                m.fill_rgbas.tobytes(),
                m.stroke_rgbas.tobytes(),
                m.background_stroke_rgbas.tobytes(),
                float(m.stroke_width),
                m.z_index,
            )
            for m in members
        ),
    ]


def _manims_parse(make, monkeypatch):
    """The mobject as manim's own ``generate_mobject`` builds it, with no store."""
    with monkeypatch.context() as patch:
        patch.setattr(SVGMobject, "generate_mobject", SVGMobject.generate_mobject.manim_original)
        svg_mobject.SVG_HASH_TO_MOB_MAP.clear()
        mob = make()
    svg_mobject.SVG_HASH_TO_MOB_MAP.clear()
    return mob


def _without_parsing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the SVG was parsed again")

    monkeypatch.setattr(svgelements.SVG, "parse", refuse)


@pytest.mark.parametrize("kind", ["text", "formula", "svg file"])
def test_a_parse_loaded_back_is_manims_parse_member_for_member(store, tmp_path, monkeypatch, kind):
    make = _makers(tmp_path)[kind]
    manims = _manims_parse(make, monkeypatch)
    assert not store.exists() or not list(store.iterdir())
    parsed = make()  # parsed here, and kept
    (entry,) = store.glob("*.pickle.z")
    svg_mobject.SVG_HASH_TO_MOB_MAP.clear()  # as in another process
    with monkeypatch.context() as patch:
        _without_parsing(patch)
        loaded = make()
        again = make()  # manim's in-process copy of the loaded parse
    assert _state(loaded) == _state(parsed) == _state(manims) == _state(again)
    assert len(manims.family_members_with_points()) >= 3
    # the parse kept its glyphs' svgelements paths (the entry leaves them out)
    glyphs = [m for m in parsed.get_family() if svgstore.UNSTORED in vars(m)]
    assert len(glyphs) == sum(svgstore.UNSTORED in vars(m) for m in manims.get_family()) > 0
    assert not [m for m in loaded.get_family() if svgstore.UNSTORED in vars(m)]
    if kind == "svg file":
        assert sorted(loaded.id_to_vgroup_dict) == sorted(manims.id_to_vgroup_dict)
        assert {"left", "right"} <= set(loaded.id_to_vgroup_dict)
    # the loaded members are its own: restyling it leaves the next load as it was
    loaded.set_color(RED)
    svg_mobject.SVG_HASH_TO_MOB_MAP.clear()
    with monkeypatch.context() as patch:
        _without_parsing(patch)
        assert _state(make()) == _state(manims)
    assert list(store.iterdir()) == [entry]


def test_an_entry_is_named_by_the_svg_and_every_setting_the_parse_reads(store, tmp_path):
    mob = SVGMobject(_drawing(tmp_path))
    svg = DRAWING.encode()
    name = svgstore.entry_path(mob, svg)
    assert name is not None and name.parent == store
    assert svgstore.entry_path(mob, svg) == name
    assert svgstore.entry_path(mob, svg.replace(b"#ff8800", b"#ff8801")) != name
    mob.path_string_config = {"should_subdivide_sharp_curves": True}
    assert svgstore.entry_path(mob, svg) not in (name, None)
    mob.path_string_config = {}
    mob.svg_default = {**mob.svg_default, "fill_color": RED}
    assert svgstore.entry_path(mob, svg) not in (name, None)
    mob.svg_default = {**mob.svg_default, "fill_color": object()}  # printed with its address
    assert svgstore.entry_path(mob, svg) is None


def test_a_damaged_entry_is_parsed_again_and_replaced(store, tmp_path, monkeypatch, caplog):
    make = _makers(tmp_path)["svg file"]
    manims = _manims_parse(make, monkeypatch)
    make()
    (entry,) = store.glob("*.pickle.z")
    for garbage in (b"not a parse", entry.read_bytes()[:100]):
        entry.write_bytes(garbage)
        svg_mobject.SVG_HASH_TO_MOB_MAP.clear()
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="mathviz"):
            rebuilt = make()
        assert _state(rebuilt) == _state(manims)
        assert f"parsed SVG {entry} is damaged" in caplog.text
        assert entry.read_bytes() != garbage  # the parse was kept again
    svg_mobject.SVG_HASH_TO_MOB_MAP.clear()
    with monkeypatch.context() as patch:
        _without_parsing(patch)
        assert _state(make()) == _state(manims)


def test_a_store_that_cannot_be_written_costs_a_parse_not_the_picture(
    store, tmp_path, monkeypatch, caplog
):
    make = _makers(tmp_path)["text"]
    manims = _manims_parse(make, monkeypatch)
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_text("a file where the store's folder should be")
    with caplog.at_level(logging.WARNING, logger="mathviz"):
        made = make()
    assert _state(made) == _state(manims)
    assert "parsed SVG not kept" in caplog.text
    assert store.read_text() == "a file where the store's folder should be"


def test_a_text_drawn_in_another_process_finds_its_entry(store, tmp_path, monkeypatch):
    """Cairo numbers the surfaces a process draws, and Pango's SVG of a text carries that
    number: the same text gets other bytes in another process (another media folder, other
    drawings before it). It is the same entry, and the loaded text names its drawing by the
    number in its own file, as a parse of that file does."""
    from manim import tempconfig

    def make() -> Text:
        return Text("one text, two processes", font=theme.FONT, font_size=30)

    def text_svg(mob: Text) -> bytes:
        return Path(mob.get_file_path()).read_bytes()

    first = make()
    with tempconfig({"text_dir": str(tmp_path / "other-texts")}):
        Text("drawn before it here", font=theme.FONT)  # another surface number
        svg_mobject.SVG_HASH_TO_MOB_MAP.clear()
        manims = _manims_parse(make, monkeypatch)
        assert text_svg(manims) != text_svg(first)
        assert (
            svgstore.unnumbered_svg(text_svg(manims))[0]
            == svgstore.unnumbered_svg(text_svg(first))[0]
        )
        svg_mobject.SVG_HASH_TO_MOB_MAP.clear()
        with monkeypatch.context() as patch:
            _without_parsing(patch)
            loaded = make()
    assert len(list(store.iterdir())) == 2  # the two texts, not the same one twice
    assert list(loaded.id_to_vgroup_dict) == list(manims.id_to_vgroup_dict)
    assert list(loaded.id_to_vgroup_dict) != list(first.id_to_vgroup_dict)
    assert _state(loaded) == _state(manims)


def test_an_svg_naming_a_surface_elsewhere_is_hashed_as_it_is():
    svg = b'<svg><g id="surface7"><use href="#surface7"/></g></svg>'
    assert svgstore.unnumbered_svg(svg) == (svg, [])
    two = b'<svg><g id="surface7"/><g id="surface12"/></svg>'
    assert svgstore.unnumbered_svg(two) == (
        b'<svg><g id="surface"/><g id="surface"/></svg>',
        ["surface7", "surface12"],
    )
