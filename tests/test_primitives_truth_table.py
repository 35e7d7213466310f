"""TruthTable built and animated without rendering: the cells are read back as typeset and
compared with the connective evaluated over itertools.product."""

from __future__ import annotations

import itertools
import operator

import pytest
from animation_helpers import run

from mathviz.primitives.truth_table import TruthTable
from mathviz.readings import ReadingError


def table_rows(connective):
    return [(p, q, connective(p, q)) for p, q in itertools.product((True, False), repeat=2)]


def implication(p: bool, q: bool) -> bool:
    return q if p else True


def test_rows_are_hidden_until_written(scene):
    table = TruthTable(table_rows(implication), ["p", "q", r"p \rightarrow q"])
    scene.add(table)
    assert table.rows_shown() == []
    run(scene, table.fill_row(0))
    run(scene, table.fill_row(1))
    assert table.rows_shown() == [[True, True, True], [True, False, False]]
    assert table.rows_shown().__class__ is list
    assert table.rows_shown()[0][0].source.startswith("printed")
    for i in (2, 3):
        run(scene, table.fill_row(i))
    assert table.rows_shown() == [list(r) for r in table_rows(implication)]


@pytest.mark.parametrize("connective", [operator.and_, operator.or_, operator.xor, implication])
def test_any_connective_reads_back(scene, connective):
    rows = table_rows(connective)
    table = TruthTable(rows, ["p", "q", "r"])
    scene.add(table)
    for i in range(4):
        run(scene, table.fill_row(i))
    assert table.rows_shown() == [[bool(v) for v in r] for r in rows]


def test_counts_follow_what_they_count(scene):
    table = TruthTable(table_rows(implication), ["p", "q", "r"], count_header="users")
    scene.add(table)
    source = {"n": 4}
    table.follow_count(1, lambda: source["n"])
    assert table.count_shown(1) == 4 and table.count_shown(1).text == "4"
    source["n"] = 0
    table.counts[1].update(0)
    assert table.count_shown(1) == 0
    table.stop_following()
    source["n"] = 9
    table.counts[1].update(0)
    assert table.count_shown(1) == 0


def test_highlight_outlines_one_row(scene):
    table = TruthTable(table_rows(implication), ["p", "q", "r"])
    scene.add(table)
    assert table.highlights[1].get_stroke_opacity() == 0
    run(scene, table.highlight(1))
    assert table.highlights[1].get_stroke_opacity() == pytest.approx(1.0)
    assert abs(table.row_center(1)[1] - table.cells[1][0].get_center()[1]) < 1e-9


def test_table_rejects_ragged_rows_and_reads_only_words():
    with pytest.raises(ValueError):
        TruthTable([(True, True, True), (True, False)], ["p", "q", "r"])
    table = TruthTable(table_rows(implication), ["p", "q", "r"])
    table.cells[0][0].tex_string = "x"
    table.cells[0].set_opacity(1.0)
    with pytest.raises(ReadingError):
        table.rows_shown()
