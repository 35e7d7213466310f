"""FunctionMachine, Pipeline and MappingDiagram built and animated without rendering: tokens'
typeset values, where the drawn arrows point and how many leave each input are read back and
compared with plain Python."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from animation_helpers import run

from mathviz import theme
from mathviz.maths.functions import Relation, affine, power
from mathviz.primitives.function_machine import (
    FunctionMachine,
    MappingDiagram,
    Pipeline,
    Token,
)
from mathviz.readings import source_of

G, F = affine("g", 2, 1), power("f", 2)
VERDICT = {1: "skip", 2: "skip", 3: "maybe", 4: "watch", 5: "watch"}


def test_a_token_shows_its_value_as_typeset():
    token = Token(49, theme.ACCENT)
    assert token.value_shown == 49 and source_of(token.value_shown) == "printed"
    assert token.tile.width > token.label.width


def test_feeding_a_machine_emits_the_rule_value_at_the_destination(scene):
    machine = FunctionMachine(G, theme.BASIS_I)
    token = Token(3, theme.VECTOR_SECOND).move_to([-5, 1, 0])
    scene.add(machine, token)
    feed = machine.feed(token, (5.0, -1.0))
    run(scene, feed.animation)
    assert feed.output.value_shown == 2 * 3 + 1
    np.testing.assert_allclose(feed.output.get_center(), [5.0, -1.0, 0.0], atol=1e-9)
    assert feed.output.tile.get_fill_opacity() == pytest.approx(1.0)
    # the source stays; the copy that went in is hidden inside the body
    np.testing.assert_allclose(token.get_center(), [-5, 1, 0])
    assert feed.traveller.tile.get_fill_opacity() == pytest.approx(0.0)
    np.testing.assert_allclose(feed.traveller.get_center(), machine.core, atol=1e-9)
    # the machine's hopper is on the left, the chute on the right
    assert machine.inlet[0] < machine.body.get_left()[0] < machine.body.get_right()[0]
    assert machine.outlet[0] > machine.body.get_right()[0]


@pytest.mark.parametrize(("stages", "values"), [((G, F), (3, 7, 49)), ((F, G), (3, 9, 19))])
def test_a_pipeline_keeps_every_intermediate_value(scene, stages, values):
    pipe = Pipeline(list(stages), [theme.BASIS_I, theme.VECTOR_SUM])
    scene.add(pipe)
    run(scene, pipe.put(values[0], theme.VECTOR_SECOND))
    for i in range(len(stages)):
        run(scene, pipe.stage(i))
    assert [pipe.value_shown(i) for i in range(3)] == list(values)
    x = Fraction(values[0])
    for stage in stages:
        x = stage(x)
    assert pipe.value_shown(2) == x
    # slots sit between the machines, left to right
    xs = [s[0] for s in pipe.slots]
    bodies = [m.body.get_center()[0] for m in pipe.machines]
    assert xs[0] < bodies[0] < xs[1] < bodies[1] < xs[2]


def test_a_pipeline_needs_room():
    with pytest.raises(ValueError):
        Pipeline([G, F, G, F], [theme.BASIS_I] * 4, left=-3, right=3)


def test_the_mapping_is_read_from_the_drawn_arrows(scene):
    relation = Relation.from_mapping(VERDICT)
    diagram = MappingDiagram(relation)
    scene.add(diagram)
    assert diagram.arrows_shown() == 0
    assert diagram.arrows_per_input_shown() == [0] * 5
    run(scene, diagram.draw_arrows())
    expected = [relation.codomain.index(VERDICT[r]) for r in sorted(VERDICT)]
    assert diagram.mapping_shown() == expected
    assert diagram.arrows_per_input_shown() == [1] * 5
    assert source_of(diagram.mapping_shown()).startswith("geometry")
    # the counters follow the arrows
    diagram.follow_counts()
    assert [int(diagram.counter_shown(i)) for i in range(5)] == [1] * 5
    run(scene, diagram.add_arrow(3, "watch", color=theme.BAD))
    for counter in diagram.counters:
        counter.update(0)
    assert diagram.arrows_per_input_shown() == [1, 1, 2, 1, 1]
    assert diagram.counter_shown(2) == 2
    assert diagram.counters[2].get_color() == theme.BAD
    assert diagram.counters[1].get_color() == theme.ACCENT
    assert diagram.targets_shown(2) == [1, 2]
    with pytest.raises(ValueError):
        diagram.mapping_shown()


def test_every_arrow_ends_short_of_its_target_dot_and_tips_do_not_coincide():
    relation = Relation.from_mapping(VERDICT)
    diagram = MappingDiagram(relation)
    for s, t in relation.arrows:
        diagram.add_arrow(s, t)
    tips = np.array([a.get_end() for _, _, a in diagram.arrows])
    for (_, t, _), tip in zip(diagram.arrows, tips, strict=True):
        dot = diagram.codomain_dots[relation.codomain.index(t)]
        assert np.linalg.norm(tip - dot.get_center()) > dot.radius
    # rating 1 and 2 both reach "skip", from different directions
    assert np.linalg.norm(tips[0] - tips[1]) > 0.2


def test_a_ring_surrounds_the_flagged_input():
    diagram = MappingDiagram(Relation.from_mapping(VERDICT))
    ring = diagram.ring(3)
    label, dot = diagram.domain_labels[2], diagram.domain_dots[2]
    for part in (label, dot):
        assert np.linalg.norm(part.get_center() - ring.get_center()) < ring.width / 2
