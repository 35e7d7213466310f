"""DegreeGraphView, MarginSums, SumLine and BlockAdjacency: numbers in nodes, sums beside a
matrix and the block adjacency matrix, read back from the picture against networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
from animation_helpers import run
from manim import LEFT, RIGHT

from mathviz import theme
from mathviz.layout import layout_problems
from mathviz.maths.graphs import bipartite_graph, layout
from mathviz.primitives.degree_view import (
    BlockAdjacency,
    CountLabel,
    DegreeGraphView,
    MarginSums,
    SumLine,
)
from mathviz.primitives.graph_view import AdjacencyMatrix
from mathviz.readings import source_of

LEFT_NODES, RIGHT_NODES = ("u", "v", "w"), ("a", "b")
EDGES = (("u", "a"), ("u", "b"), ("v", "a"), ("w", "b"))


def reference() -> nx.Graph:
    return nx.Graph(EDGES)


def _view() -> DegreeGraphView:
    graph = bipartite_graph(LEFT_NODES, RIGHT_NODES, EDGES)
    return DegreeGraphView(
        graph,
        layout(graph, "bipartite", left=LEFT_NODES),
        width=3,
        height=4,
        name_outside={**dict.fromkeys(LEFT_NODES, LEFT), **dict.fromkeys(RIGHT_NODES, RIGHT)},
    )


def _table() -> AdjacencyMatrix:
    table = AdjacencyMatrix(LEFT_NODES, RIGHT_NODES, font_size=28)
    for u, v in EDGES:
        i, j = table.rows.index(u), table.columns.index(v)
        table.grid.set_entry(i, j, 1)
    return table


def test_numbers_in_nodes_follow_the_drawn_degrees(scene):
    view = _view()
    scene.add(view)
    run(scene, view.count_in(view.graph.nodes, view.degree_shown))
    ref = reference()
    assert list(view.numbers_printed(view.graph.nodes)) == [ref.degree(n) for n in view.graph.nodes]
    assert source_of(view.number_printed("u")).startswith("printed")
    assert view.edges_at("u") == [("u", "a"), ("u", "b")]
    assert layout_problems([view]) == []
    run(scene, view.flash_edges(theme.ACCENT))
    assert view.edges_shown() == ref.number_of_edges()


def test_lit_edges_at_a_node_and_a_lit_node_keeps_its_number_readable(scene):
    view = _view()
    scene.add(view)
    run(scene, view.count_in(["u"], lambda n: view.lit_edges_at_shown(n, theme.ACCENT)))
    assert view.number_printed("u") == 0
    run(scene, view.light_edges([("u", "a")], theme.ACCENT))
    view.numbers["u"].update()
    assert view.lit_edges_at_shown("u", theme.ACCENT) == 1
    assert view.number_printed("u") == 1
    run(scene, view.light_nodes(["u"], theme.ACCENT))
    assert view.numbers["u"].get_color().to_hex() == theme.BACKGROUND.to_hex()
    run(scene, view.dim_nodes(["u"]))
    assert view.numbers["u"].get_color().to_hex() == theme.TEXT.to_hex()
    view.freeze_numbers()
    assert not view.numbers["u"].updaters


def test_margin_sums_are_the_degrees(scene):
    table = _table()
    margins = MarginSums(table)
    run(scene, margins.sum_rows(table.row_sums_shown()))
    run(scene, margins.sum_columns(table.matrix_shown().sum(axis=0)))
    ref = reference()
    assert list(margins.rows_printed()) == [ref.degree(n) for n in LEFT_NODES]
    assert list(margins.columns_printed()) == [ref.degree(n) for n in RIGHT_NODES]
    # a number flown into keeps one glyph per digit
    assert len(margins.row_numbers[0].submobjects) == 1
    run(scene, margins.total_rows(float(np.sum(margins.rows_printed()))))
    assert margins.corner_printed() == ref.number_of_edges()
    run(scene, margins.total_columns())
    assert margins.corner_printed() == sum(d for _, d in ref.degree(RIGHT_NODES))
    assert len(margins.corner.submobjects) == 1
    assert layout_problems([table, margins]) == []


def test_a_count_label_follows_what_it_counts(scene):
    view = _view()
    counter = CountLabel("edges").follow(view.edges_shown)
    assert counter.value == reference().number_of_edges()
    assert source_of(counter.value).startswith("printed")
    counter.stop_following()
    assert not counter.number.updaters


def test_a_sum_line_adds_its_terms(scene):
    line = SumLine("users", [2, 1, 1])
    sources = [t.copy().shift(2 * LEFT) for t in line.terms]
    run(scene, line.assemble(sources))
    assert list(line.terms_printed()) == [2, 1, 1]
    assert line.total_printed() == reference().number_of_edges()


def test_block_adjacency_takes_the_table_and_mirrors_it(scene):
    table = _table()
    full = BlockAdjacency(LEFT_NODES, RIGHT_NODES)
    assert full.entries_seen() == 3 * 3 + 2 * 2
    run(scene, full.slide_in(table))
    run(scene, full.take_block(table))
    run(scene, full.mirror())
    nodes = [*LEFT_NODES, *RIGHT_NODES]
    expected = nx.to_numpy_array(reference(), nodelist=nodes)
    np.testing.assert_array_equal(full.matrix_shown(), expected)
    np.testing.assert_array_equal(full.entries_printed(), expected.ravel())
    assert full.asymmetry_shown() == 0.0
    assert source_of(full.asymmetry_shown()).startswith("derived")
    assert list(full.block_printed(range(3), range(3))) == [0] * 9
    assert full.entries_seen() == 25
    run(scene, full.pair_flash(EDGES, theme.ACCENT))
    box = full.block_box(range(3, 5), range(3, 5), theme.MUTED)
    assert box.width > 0
