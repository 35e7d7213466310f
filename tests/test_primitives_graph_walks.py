"""WalkGraphView and WalkMatrix: floods, traced walks and the squared matrix read back from
the picture (colours, stroke ends, typeset digits) against networkx and numpy."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from animation_helpers import run

from mathviz import theme
from mathviz.maths.graphs import Graph, bfs, layout
from mathviz.primitives.graph_walks import WalkGraphView, WalkMatrix, WordCounter, scan_for_walks
from mathviz.readings import source_of

NODES = ("A", "B", "C", "D", "E", "F")
EDGES = (("A", "B"), ("A", "C"), ("B", "D"), ("C", "D"), ("E", "F"))
COLOURS = (theme.NORM_L2, theme.GRADIENT)


def _view() -> WalkGraphView:
    graph = Graph(NODES, EDGES)
    return WalkGraphView(graph, layout(graph, "circular"), width=6, height=5, node_radius=0.3)


def _nx() -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(NODES)
    g.add_edges_from(EDGES)
    return g


def test_a_flood_lights_its_component_and_its_edges(scene):
    view = _view()
    run(scene, view.flood(bfs(view.graph, "A"), COLOURS[0]))
    component = nx.node_connected_component(_nx(), "A")
    assert list(view.lit_shown(COLOURS[0])) == [int(n in component) for n in NODES]
    assert view.lit_edges_shown(COLOURS[0]) == _nx().subgraph(component).number_of_edges()
    assert view.colours_lit_shown(COLOURS) == 1
    run(scene, view.flood(bfs(view.graph, "E"), COLOURS[1]))
    assert view.colours_lit_shown(COLOURS) == nx.number_connected_components(_nx())
    assert view.crossing_edges_shown(COLOURS) == 0
    assert source_of(view.colours_lit_shown(COLOURS)).startswith("count")


def test_flood_captions_must_fit_the_frontiers():
    view = _view()
    with pytest.raises(ValueError, match="captions"):
        view.flood(bfs(view.graph, "E"), COLOURS[0], alongside=[None, None, None])


def test_reachable_is_read_from_the_drawn_edges():
    view = _view()
    for node in NODES:
        reach = nx.node_connected_component(_nx(), node)
        assert list(view.reachable_shown(node)) == [int(n in reach) for n in NODES]


def test_traced_walks_are_counted_only_when_complete(scene):
    view = _view()
    animation = view.trace_walk(("A", "B", "D"))
    assert view.walks_shown("A", "D") == 0  # built, not yet drawn through
    run(scene, animation)
    run(scene, view.trace_walk(("A", "C", "D")))
    run(scene, view.trace_walk(("A", "B", "A")))
    a2 = np.linalg.matrix_power(nx.to_numpy_array(_nx(), nodelist=list(NODES)), 2)
    assert view.walks_shown("A", "D") == a2[0, 3] == 2
    assert view.walks_shown("A", "A") == 1
    assert view.walks_shown("D", "A") == 0  # walks are read in the direction drawn
    run(scene, view.fade_walks())
    assert view.walks_shown("A", "D") == 0
    view.drop_walks()
    assert view.walks == [] and len(view.walk_layer) == 0
    with pytest.raises(KeyError, match="no edge"):
        view.trace_walk(("A", "D"))


def test_the_matrix_fills_and_squares(scene):
    matrix = WalkMatrix(NODES, labels=[n.lower() for n in NODES])
    for u, v in EDGES:
        run(scene, matrix.fill(u, v))
    a = nx.to_numpy_array(_nx(), nodelist=list(NODES))
    assert np.array_equal(matrix.matrix_shown(), a)
    assert list(matrix.entries_printed()) == a.ravel().tolist()
    a2 = np.linalg.matrix_power(a.astype(int), 2)
    run(scene, matrix.morph_to(a2, diagonal=theme.ACCENT))
    assert np.array_equal(matrix.matrix_shown(), a2)
    assert list(matrix.diagonal_printed()) == [d for _, d in _nx().degree(NODES)]
    assert matrix.entry_printed("A", "D") == 2
    block = matrix.entries_between_printed(["A", "B"], ["E", "F"])
    assert list(block) == [0, 0, 0, 0]
    assert matrix.row_labels[0].text == "a"


def test_word_counter_prints_what_it_follows():
    counter = WordCounter("edges", 3)
    assert counter.value == 3
    assert source_of(counter.value).startswith("printed")
    left = counter.get_left()[0]
    seen = {"n": 5}
    counter.follow(lambda: seen["n"])
    assert counter.value == 5
    seen["n"] = 12
    old = counter.line
    counter.update(0)
    # the glyphs replaced draw nothing (a play still holding them shows no stale digits)
    assert all(len(part.points) == 0 for part in old.get_family())
    assert counter.value == 12 and counter.line.original_text == "edges = 12"
    assert counter.get_left()[0] == pytest.approx(left)
    counter.stop_following()
    seen["n"] = 1
    counter.update(0)
    assert counter.value == 12


def test_free_side_points_away_from_every_edge():
    view = _view()
    for node in NODES:
        side = view.free_side(node)
        for other in view.graph.neighbours(node):
            heading = view.centre_of(other) - view.centre_of(node)
            cosine = np.dot(side, heading) / np.linalg.norm(heading)
            assert cosine < np.cos(np.pi / 4), (node, other)


def test_a_scan_traces_one_walk_per_shared_one(scene):
    view = _view()
    matrix = WalkMatrix(NODES)
    for u, v in EDGES:
        run(scene, matrix.fill(u, v))
    cursors = (matrix.cell_box("A", "A"), matrix.cell_box("A", "D"))
    animation, kept = scan_for_walks(view, matrix, "A", "D", cursors)
    run(scene, animation)
    a2 = np.linalg.matrix_power(nx.to_numpy_array(_nx(), nodelist=list(NODES)), 2)
    assert view.walks_shown("A", "D") == a2[0, 3] == 2
    assert len(kept) == 2 * a2[0, 3]
    groups = [sorted(c) for c in nx.connected_components(_nx())]
    assert len(matrix.block_boxes(groups)) == len(groups) * (len(groups) - 1)
