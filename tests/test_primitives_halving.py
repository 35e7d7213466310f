"""HalvingPicture: the funnel, the zoomed interval and the bits read back from the drawing at
any moment of the game, against the halving done here with integer arithmetic."""

from __future__ import annotations

import numpy as np
import pytest
from animation_helpers import run

from mathviz.maths.logarithms import halving_game
from mathviz.primitives.halving import CUT, HalvingPicture

SECRET = 713


def halves(lo: int, hi: int, secret: int) -> list[tuple[int, int]]:
    """The intervals of the game, by integer arithmetic."""
    out = [(lo, hi)]
    while lo < hi:
        mid = (lo + hi) // 2
        lo, hi = (mid + 1, hi) if secret > mid else (lo, mid)
        out.append((lo, hi))
    return out


@pytest.fixture
def picture(scene):
    pic = HalvingPicture(halving_game(1, 1024, SECRET))
    scene.add(pic)
    return pic


def test_at_the_start_one_bar_spans_the_range(picture):
    assert picture.question_bars_shown() == 0
    assert picture.bars_shown() == 1
    assert picture.kept_width_shown() == pytest.approx(1024.0, abs=1e-9)
    np.testing.assert_allclose(picture.kept_edges_shown(), [0.5, 1024.5], atol=1e-9)
    assert list(picture.end_label_readings()) == [1, 1024]
    assert picture.bits_shown() == 0


def test_every_question_halves_the_interval(scene, picture):
    expected = halves(1, 1024, SECRET)
    for k in range(10):
        run(scene, picture.ask(k))
        lo, hi = expected[k + 1]
        assert picture.question_bars_shown() == k + 1
        assert picture.kept_width_shown() == pytest.approx(hi - lo + 1, abs=1e-9)
        np.testing.assert_allclose(picture.kept_edges_shown(), [lo - 0.5, hi + 0.5], atol=1e-9)
        np.testing.assert_allclose(picture.top_bar_shown(), [lo - 0.5, hi + 0.5], atol=1e-9)
    widths = picture.funnel_widths_shown()
    np.testing.assert_allclose(widths, [1024 / 2**k for k in range(11)], atol=1e-9)
    assert list(picture.end_label_readings()) == [SECRET]
    bits = "".join(str(int(b)) for b in picture.bit_readings())
    assert bits == format(SECRET - 1, "010b")


def test_the_cut_happens_at_one_moment_for_every_part(picture):
    picture.step, picture.progress = 0, CUT - 1e-6
    picture.redraw()
    assert (picture.question_bars_shown(), picture.bits_shown()) == (0, 0)
    assert picture.kept_width_shown() == pytest.approx(1024.0, abs=1e-9)
    picture.progress = CUT
    picture.redraw()
    assert (picture.question_bars_shown(), picture.bits_shown()) == (1, 1)
    assert picture.kept_width_shown() == pytest.approx(512.0, abs=1e-9)
    # during the zoom the width read through the moving window stays the same
    for p in np.linspace(CUT, 0.999, 7):
        picture.progress = float(p)
        picture.redraw()
        assert picture.kept_width_shown() == pytest.approx(512.0, abs=1e-9)


def test_short_intervals_are_cut_into_one_cell_per_number(scene, picture):
    run(scene, picture.ask(0, 5))
    assert picture.kept_width_shown() == pytest.approx(32.0, abs=1e-9)
    assert picture.cells_shown() == 0  # too many numbers to draw one by one
    run(scene, picture.ask(5, 7))
    assert picture.cells_shown() == 8 == round(picture.kept_width_shown())


def test_several_questions_in_one_animation(scene, picture):
    run(scene, picture.ask(0, 3))
    assert picture.step == 3
    assert picture.question_bars_shown() == 3
    with pytest.raises(ValueError):
        picture.ask(5, 11)
