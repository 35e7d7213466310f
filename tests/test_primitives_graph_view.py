"""GraphView and AdjacencyMatrix: what the picture shows, read back from its lines, discs and
digits, against networkx; animations played to their end without rendering."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from animation_helpers import run
from manim import LEFT, RIGHT

from mathviz import theme
from mathviz.maths.graphs import Graph, bipartite_graph, layout
from mathviz.primitives.graph_view import AdjacencyMatrix, GraphView
from mathviz.readings import source_of

NODES = ("A", "B", "C", "D", "E")
EDGES = (("A", "B"), ("A", "C"), ("B", "C"), ("D", "E"))


def _view(**kwargs) -> GraphView:
    graph = Graph(NODES, EDGES, kwargs.pop("weights", None))
    return GraphView(graph, layout(graph, "circular"), width=6, height=5, **kwargs)


def test_drawn_edges_and_degrees_match_networkx():
    view = _view()
    reference = nx.Graph(EDGES)
    assert view.edges_shown() == reference.number_of_edges()
    assert source_of(view.edges_shown()).startswith("count")
    assert list(view.degrees_shown()) == [reference.degree(n) for n in NODES]
    expected = nx.to_numpy_array(reference, nodelist=list(NODES))
    assert np.array_equal(view.adjacency_shown(), expected)


def test_edges_built_hidden_appear_one_by_one(scene):
    view = _view(hidden_edges=True)
    assert view.edges_shown() == 0
    run(scene, view.reveal_edge("C", "A"))  # listed as (A, C): drawn from C
    assert view.edges_shown() == 1
    assert view.degree_shown("A") == 1 and view.degree_shown("C") == 1
    line = view.lines[("A", "C")]
    assert np.linalg.norm(line.get_start() - view.centre_of("C")) < np.linalg.norm(
        line.get_end() - view.centre_of("C")
    )
    with pytest.raises(ValueError, match="already drawn"):
        view.reveal_edge("A", "C")
    with pytest.raises(KeyError, match="no edge"):
        view.reveal_edge("A", "E")


def test_positions_read_back_through_the_box():
    graph = Graph(NODES, EDGES)
    pos = layout(graph, "circular")
    view = GraphView(graph, pos, centre=(1.0, -0.5), width=6, height=4)
    for n in NODES:
        assert view.position_shown(n) == pytest.approx(pos[n], abs=1e-9)
    # edges stop short of the discs: no line end lies inside a disc
    for line in view.lines.values():
        for end in (line.get_start(), line.get_end()):
            assert min(np.linalg.norm(end - view.centre_of(n)) for n in NODES) > view.node_radius


def test_lit_nodes_and_edges_are_read_from_their_colours(scene):
    view = _view()
    run(scene, view.light_nodes(["D", "E"], theme.GOOD))
    assert list(view.lit_shown(theme.GOOD)) == [0, 0, 0, 1, 1]
    assert view.names["D"].get_color().to_hex() == theme.BACKGROUND.to_hex()
    run(scene, view.light_edges([("E", "D")], theme.GOOD))
    assert view.lit_edges_shown(theme.GOOD) == 1
    run(scene, view.dim_nodes(["D"]))
    assert list(view.lit_shown(theme.GOOD)) == [0, 0, 0, 0, 1]


def test_masses_are_read_from_disc_areas(scene):
    view = _view()
    uniform = view.masses_shown()
    assert uniform == pytest.approx(np.full(5, 0.2), rel=1e-9)
    masses = {"A": 0.4, "B": 0.3, "C": 0.2, "D": 0.06, "E": 0.04}
    run(scene, view.resize_nodes(masses))
    assert view.masses_shown() == pytest.approx([masses[n] for n in NODES], rel=1e-9)
    with pytest.raises(ValueError, match="not negative"):
        view.resize_nodes({"A": -0.1})


def test_node_values_show_their_digits(scene):
    view = _view()
    run(scene, view.add_values({"A": 0, "B": 4}))
    shown = view.values_shown()
    assert shown[:2] == pytest.approx([0, 4]) and np.isnan(shown[2])
    run(scene, view.change_values({"B": 3}))
    assert view.value_printed("B") == 3
    assert source_of(view.value_printed("B")).startswith("printed")


def test_weights_are_drawn_on_backings_at_edge_middles():
    view = _view(weights=(4.0, 1.0, 2.5, 3.0), show_weights=True)
    assert len(view.weight_labels) == 4
    label = view.weight_labels[("B", "C")]
    assert label.label.get_value() == 2.5
    assert label.get_center() == pytest.approx(view.lines[("B", "C")].get_center())


def test_a_directed_graph_counts_out_degree():
    graph = Graph(("a", "b", "c"), (("a", "b"), ("b", "c"), ("a", "c")), directed=True)
    view = GraphView(graph, layout(graph, "circular"))
    assert list(view.degrees_shown()) == [2, 1, 0]
    assert view.adjacency_shown()[0].tolist() == [0, 1, 1]


def test_missing_positions_are_named():
    graph = Graph(NODES, EDGES)
    with pytest.raises(ValueError, match="no position for node"):
        GraphView(graph, {"A": (0, 0)})


def test_a_bipartite_matrix_fills_edge_by_edge(scene):
    users, movies = ("Ana", "Ben"), ("Alien", "Heat", "Coco")
    edges = [("Ana", "Alien"), ("Ben", "Heat"), ("Ana", "Coco")]
    graph = bipartite_graph(users, movies, edges)
    view = GraphView(
        graph,
        layout(graph, "bipartite", left=users),
        hidden_edges=True,
        name_outside={**dict.fromkeys(users, LEFT), **dict.fromkeys(movies, RIGHT)},
    )
    matrix = AdjacencyMatrix(users, movies)
    for u, m in edges:
        run(scene, view.reveal_edge(u, m))
        run(scene, matrix.fill(u, m))
    expected = nx.bipartite.biadjacency_matrix(
        nx.Graph(edges), row_order=users, column_order=movies
    ).toarray()
    assert np.array_equal(matrix.matrix_shown(), expected)
    assert list(matrix.row_sums_shown()) == [view.degree_shown(u) for u in users] == [2, 1]
    run(scene, matrix.settle())
    assert matrix.grid.entry(0, 0).get_color().to_hex() == theme.TEXT.to_hex()


def test_a_symmetric_matrix_fills_both_cells(scene):
    matrix = AdjacencyMatrix(NODES, NODES, symmetric=True)
    run(scene, matrix.fill("A", "C"))
    shown = matrix.matrix_shown()
    assert shown[0, 2] == shown[2, 0] == 1 and shown.sum() == 2


def test_appearing_keeps_the_view_one_group_on_screen(scene):
    view = _view()
    run(scene, view.appear())
    assert view in scene.mobjects
    # no part was lifted out of the group to the top level
    assert not any(m in scene.mobjects for m in [*view.discs.values(), *view.lines.values()])
    # edges are drawn before (under) the discs
    family = scene.get_mobject_family_members()
    assert max(family.index(line) for line in view.lines.values()) < min(
        family.index(d) for d in view.discs.values()
    )
    # an edge revealed later joins the group, not the top level
    hidden = _view(hidden_edges=True)
    run(scene, hidden.appear())
    run(scene, hidden.reveal_edge("A", "B"))
    assert hidden.lines[("A", "B")] not in scene.mobjects and hidden in scene.mobjects
