"""QueueRow, DistanceTags, RankView and RankBars: what the picture shows, read back from boxes,
digits, lines and discs, against networkx; animations played to their end without rendering."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from animation_helpers import run
from manim import RIGHT, UP, VGroup

from mathviz import theme
from mathviz.maths.graph_search import ROAD_POSITIONS, ROADS, WEB, WEB_POSITIONS
from mathviz.maths.graphs import Graph, Relaxation
from mathviz.primitives.graph_search import (
    DistanceTags,
    QueueRow,
    RankBars,
    RankPanel,
    RankView,
    label_directions,
    node_legend,
    path_weight_shown,
)
from mathviz.primitives.graph_view import GraphView
from mathviz.readings import source_of


def _roads_view() -> GraphView:
    return GraphView(ROADS, ROAD_POSITIONS, width=7, height=4.5, show_weights=True)


def _tags(view: GraphView) -> DistanceTags:
    return DistanceTags(view, dict.fromkeys(ROADS.nodes, UP), "S")


def _play(scene, animation) -> None:
    for part in animation if isinstance(animation, list) else [animation]:
        run(scene, part)


def test_queue_takes_names_at_the_back_and_gives_them_from_the_front(scene):
    graph = Graph(("A", "B", "C"), (("A", "B"), ("A", "C")))
    view = GraphView(graph, {"A": (0, 0), "B": (1, 1), "C": (1, -1)})
    queue = QueueRow((2.0, -1.0), slots=3)
    assert queue.length_shown() == 0
    assert source_of(queue.length_shown()).startswith("count")
    run(scene, queue.enqueue(view, ["A"]))
    run(scene, queue.enqueue(view, ["B", "C"]))
    assert queue.names_shown() == ("A", "B", "C")
    run(scene, queue.dequeue(1))
    assert queue.names_shown() == ("B", "C")
    assert queue.length_shown() == 2
    np.testing.assert_allclose(queue.items[0].get_center(), queue.slot(0))
    with pytest.raises(ValueError):
        queue.dequeue(3)


def test_tags_start_at_infinity_except_the_source():
    tags = _tags(_roads_view())
    assert [float(x) for x in tags.finite_shown()] == [0.0]
    assert tags.infinities_shown() == len(ROADS.nodes) - 1


def test_an_offer_replaces_infinity_counts_down_or_is_struck_out(scene):
    view = _roads_view()
    tags = _tags(view)
    _play(scene, tags.relax(Relaxation("S", "A", math.inf, 4.0)))
    assert [float(x) for x in tags.finite_shown()] == [0.0, 4.0]
    assert tags.infinities_shown() == len(ROADS.nodes) - 2
    _play(scene, tags.relax(Relaxation("B", "A", 4.0, 3.0)))
    assert [float(x) for x in tags.finite_shown()] == [0.0, 3.0]
    steps = tags.relax(Relaxation("B", "A", 3.0, 5.0))
    assert len(steps) == 3  # arrive, struck out, fade
    _play(scene, steps)
    assert [float(x) for x in tags.finite_shown()] == [0.0, 3.0]


def test_tags_sit_beside_their_nodes_without_touching_them():
    view = _roads_view()
    tags = _tags(view)
    for node in ROADS.nodes:
        mark = tags.infinities.get(node) or tags.numbers[node]
        assert mark.get_bottom()[1] > view.discs[node].get_top()[1]


def test_path_weight_adds_the_weights_printed_on_lit_edges(scene):
    view = _roads_view()
    path = nx.dijkstra_path(_nx_roads(), "S", "T")
    run(scene, view.light_edges(list(zip(path, path[1:], strict=False)), theme.GRADIENT))
    total = path_weight_shown(view, theme.GRADIENT)
    assert float(total) == nx.dijkstra_path_length(_nx_roads(), "S", "T")
    assert source_of(total).startswith("derived")


def _nx_roads() -> nx.Graph:
    g = nx.Graph()
    for (u, v), w in zip(ROADS.edges, ROADS.weights or (), strict=True):
        g.add_edge(u, v, weight=w)
    return g


def test_rank_view_flows_mass_and_keeps_arrows_on_the_rims(scene):
    view = RankView(WEB, WEB_POSITIONS, full_radius=1.0, node_radius=0.45, width=6, height=5)
    np.testing.assert_allclose(view.masses_shown(), [0.2] * 5)
    assert np.array_equal(
        view.adjacency_shown(), nx.to_numpy_array(nx.DiGraph(WEB.edges), nodelist=list(WEB.nodes))
    )
    pr = nx.pagerank(nx.DiGraph(WEB.edges), alpha=0.85)
    target = {n: pr[n] for n in WEB.nodes}
    animation = view.flow_to(target)
    animation.begin()
    for alpha in np.linspace(0, 1, 6):
        animation.interpolate(float(alpha))
        assert math.fsum(view.masses_shown()) == pytest.approx(1.0, abs=1e-12)
    animation.finish()
    np.testing.assert_allclose(view.masses_shown(), [pr[n] for n in WEB.nodes], atol=1e-12)
    assert view.edges_shown() == len(WEB.edges)  # every arrow still touches both discs


def test_rank_view_refuses_an_undirected_graph():
    with pytest.raises(ValueError):
        RankView(ROADS, ROAD_POSITIONS, full_radius=1.0)


def test_bars_follow_the_discs(scene):
    view = RankView(WEB, WEB_POSITIONS, full_radius=1.0, node_radius=0.45, width=6, height=5)
    rows = VGroup(*(theme.text(n) for n in WEB.nodes)).arrange(np.array([0.0, -1.0, 0.0]))
    bars = RankBars(view, list(rows), left=3.0, per_unit=5.0)
    np.testing.assert_allclose(bars.masses_shown(), [0.2] * 5)
    run(scene, view.flow_to(dict(zip(WEB.nodes, [0.4, 0.1, 0.3, 0.1, 0.1], strict=True))))
    bars.update()
    np.testing.assert_allclose(bars.masses_shown(), view.masses_shown(), atol=1e-12)
    for bar in bars.bars:
        assert bar.get_left()[0] == pytest.approx(3.0)


def test_legend_has_one_row_per_colour():
    key = node_legend([(theme.ACCENT, "frontier"), (theme.PATH, "visited")])
    assert len(key) == 2
    assert key[0].get_center()[1] > key[1].get_center()[1]
    assert key[0][1].get_center()[0] > key[0][0].get_center()[0] + RIGHT[0] * 0.1


def test_rank_panel_reads_the_discs(scene):
    view = RankView(WEB, WEB_POSITIONS, full_radius=1.0, node_radius=0.45, width=6, height=5)
    panel = RankPanel(view, (2.5, 2.6), first_change=0.34)
    assert [float(x) for x in panel.readouts_shown()] == [0.2] * 5
    pr = nx.pagerank(nx.DiGraph(WEB.edges), alpha=0.85)
    run(scene, view.flow_to(pr))
    panel.update()
    np.testing.assert_allclose(
        [float(x) for x in panel.readouts_shown()], [pr[n] for n in WEB.nodes], atol=5e-4
    )
    assert float(panel.total_shown()) == pytest.approx(1.0, abs=1e-12)
    assert source_of(panel.total_shown()).startswith("derived")
    assert float(panel.totals.value) == 1.0


def test_label_directions_point_away_from_the_edges():
    where = label_directions(ROADS, ROAD_POSITIONS, 7.0, 4.5)
    np.testing.assert_allclose(where["S"], [-1.0, 0.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(where["T"], [1.0, 0.0, 0.0], atol=1e-12)
    assert where["A"][1] > 0 and where["B"][1] < 0
