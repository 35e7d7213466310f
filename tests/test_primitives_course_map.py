"""The drawn course map: levels, arrows, columns and lit order read back, against networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from animation_helpers import run

from mathviz import theme
from mathviz.maths.course_map import course_map, study_order
from mathviz.primitives.course_map import CourseMapView, map_positions

LANES = {str(n): (0.0 if n < 9 else 0.5) for n in range(15)}
LANES.update({"5": 0.8, "7": -0.4, "8": -0.4, "10": -0.8, "11": -0.9})


def _reference() -> nx.DiGraph:
    return nx.DiGraph(course_map().graph.edges)


def test_levels_arrows_and_columns_read_back():
    course = course_map()
    view = CourseMapView(course, LANES, width=12, height=5)
    ref = _reference()
    assert view.levels_shown() == ref.number_of_nodes()
    assert view.edges_shown() == ref.number_of_edges()
    drawn = view.adjacency_shown()
    expected = nx.to_numpy_array(ref, nodelist=list(course.levels))
    assert np.array_equal(drawn, expected)
    for k, generation in enumerate(nx.topological_generations(ref)):
        assert all(view.column_shown(n) == k for n in generation)
    pos = map_positions(course, LANES)
    assert pos["0"][0] == pytest.approx(-1.0) and pos["14"][0] == pytest.approx(1.0)


def test_lit_order_and_token(scene):
    course = course_map()
    view = CourseMapView(course, LANES)
    order = study_order(course.graph)
    for node in order[:5]:
        run(scene, view.move_token(node))
        run(scene, view.light_nodes([node], theme.GOOD))
        view.log_lights(theme.GOOD)
        assert view.token_at_shown() == node
    assert view.order_shown() == [int(n) for n in order[:5]]
    with pytest.raises(ValueError):
        CourseMapView(course, LANES).order_shown()
