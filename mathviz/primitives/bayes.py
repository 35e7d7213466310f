"""The Bayes area diagram: the unit square split by a prior, then by likelihoods."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Brace,
    Create,
    FadeIn,
    FadeOut,
    Rectangle,
    Square,
    Transform,
    VGroup,
)
from manim.animation.animation import Animation
from manim.utils.color import ParsableManimColor

from mathviz import theme
from mathviz.maths.bayes import BayesModel, Rect
from mathviz.readings import reads_screen

__all__ = ["BayesAreaDiagram", "legend_row"]

_COLORS = {
    "h_e": (theme.HYPOTHESIS, 0.9),
    "h_not_e": (theme.HYPOTHESIS, 0.25),
    "not_h_e": (theme.NOT_HYPOTHESIS, 0.9),
    "not_h_not_e": (theme.NOT_HYPOTHESIS, 0.25),
}


class BayesAreaDiagram(VGroup):
    """A ``side``-unit square standing for probability 1, split into the four joint events.

    H is the left column (width ∝ P(H)); in each column the evidence E is the bottom part
    (height ∝ P(E | column)). Areas are read back from the drawn rectangles.

    Parameters
    ----------
    model
        The probabilities.
    side
        Edge length of the square in scene units.
    h_name, e_name
        Short names for the legend and braces (``"fail"``, ``"high CPU"``).
    faint_opacity
        Fill opacity of the two pieces outside the evidence (and of the prior columns before
        the likelihood split); the evidence pieces are filled at 0.9.
    """

    def __init__(
        self,
        model: BayesModel,
        *,
        side: float = 4.6,
        h_name: str = "H",
        e_name: str = "E",
        faint_opacity: float = 0.25,
    ) -> None:
        super().__init__()
        self.model = model
        self.faint_opacity = faint_opacity
        self.side = side
        self.h_name, self.e_name = h_name, e_name
        self.frame = Square(side, stroke_color=theme.TEXT, stroke_width=2)
        self.regions: dict[str, Rectangle] = {}
        self.add(self.frame)
        self.prior_braces = VGroup()
        self.conditioned = False

    # --- geometry -----------------------------------------------------------------------
    def _rect(self, r: Rect, key: str) -> Rectangle:
        side = self.frame.width  # as drawn now: the diagram may have been moved or resized
        x, y, w, h = (float(v) * side for v in r)
        color, opacity = _COLORS[key]
        if key.endswith("not_e"):
            opacity = self.faint_opacity
        rect = Rectangle(
            width=max(w, 1e-4),
            height=max(h, 1e-4),
            stroke_color=theme.BACKGROUND,
            stroke_width=2,
            fill_color=color,
            fill_opacity=opacity,
        )
        corner = self.frame.get_corner(DOWN + LEFT)
        rect.move_to(corner + np.array([x + w / 2, y + h / 2, 0.0]))
        return rect

    def _column(self, left: Fraction, width: Fraction, key: str) -> Rectangle:
        return self._rect((left, Fraction(0), width, Fraction(1)), key)

    # --- animations ---------------------------------------------------------------------
    def split_by_prior(self) -> Animation:
        """Colour the H and not-H columns, widths in proportion to the prior, with braces."""
        p = self.model.prior
        h_col = self._column(Fraction(0), p, "h_not_e")
        n_col = self._column(p, 1 - p, "not_h_not_e")
        self.columns = VGroup(h_col, n_col)
        h_brace = Brace(h_col, DOWN, buff=0.08, color=theme.HYPOTHESIS)
        n_brace = Brace(n_col, DOWN, buff=0.08, color=theme.NOT_HYPOTHESIS)
        h_label = theme.tex(f"{float(p):g}", size=30, color=theme.HYPOTHESIS).next_to(
            h_brace, DOWN, 0.1
        )
        n_label = theme.tex(f"{float(1 - p):g}", size=30, color=theme.NOT_HYPOTHESIS).next_to(
            n_brace, DOWN, 0.1
        )
        if h_label.get_right()[0] > n_label.get_left()[0] - 0.2:
            h_label.next_to(h_brace, DOWN, 0.1).shift(LEFT * (h_label.width / 2 + 0.1))
        self.prior_braces = VGroup(h_brace, n_brace, h_label, n_label)
        self.add(self.columns, self.prior_braces)
        return AnimationGroup(
            FadeIn(self.columns),
            Create(VGroup(h_brace, n_brace)),
            FadeIn(VGroup(h_label, n_label)),
            lag_ratio=0.3,
        )

    def split_by_likelihood(self) -> Animation:
        """Split each column at the height of its likelihood: the bottom parts are E."""
        regions = self.model.regions()
        self.regions = {key: self._rect(r, key) for key, r in regions.items()}
        pieces = VGroup(*self.regions.values())
        self.remove(self.columns)
        self.add(pieces)
        self.add(self.frame)
        return AnimationGroup(FadeOut(self.columns), FadeIn(pieces, shift=0.1 * UP))

    def condition_on_evidence(self) -> Animation:
        """Drop what contradicts E, then stretch the evidence pieces to fill the square."""
        target = self.model.conditioned_regions()
        drop = [self.regions.pop("h_not_e"), self.regions.pop("not_h_not_e")]
        moves = [Transform(self.regions[key], self._rect(r, key)) for key, r in target.items()]
        self.remove(*drop)
        self.remove(self.prior_braces)
        self.conditioned = True
        return AnimationGroup(
            FadeOut(VGroup(*drop, self.prior_braces)), AnimationGroup(*moves), lag_ratio=0.6
        )

    def set_model(self, model: BayesModel) -> BayesAreaDiagram:
        """Redraw the four pieces for ``model`` in place (after :meth:`split_by_likelihood`,
        before conditioning): each piece keeps its style and takes the new model's shape, so a
        slider driving the model can call this every frame. The prior braces are not moved."""
        if self.conditioned or len(self.regions) != 4:
            raise RuntimeError("set_model redraws the four pieces of a split, unconditioned square")
        self.model = model
        for key, r in model.regions().items():
            self.regions[key].set_points(self._rect(r, key).points)
        return self

    # --- read back ----------------------------------------------------------------------
    @reads_screen("area")
    def area_shown(self, key: str) -> float:
        """Probability shown by region ``key``: its drawn area over the drawn square's."""
        rect = self.regions[key]
        return float(rect.width * rect.height / (self.frame.width * self.frame.height))

    @reads_screen("area")
    def evidence_shown(self) -> float:
        """P(E) as drawn: the two evidence pieces' areas over the square's, summed."""
        square = self.frame.width * self.frame.height
        return float(
            sum(self.regions[key].width * self.regions[key].height for key in ("h_e", "not_h_e"))
            / square
        )

    @reads_screen("geometry")
    def column_share_shown(self, index: int) -> float:
        """Width of prior column ``index`` (0: H, 1: not H) over the drawn square's width:
        the prior as drawn, before the likelihood split."""
        return float(self.columns[index].width / self.frame.width)

    @reads_screen("geometry")
    def height_share_shown(self, key: str) -> float:
        """Height of region ``key`` over the drawn square's: the share of its column the piece
        takes, i.e. P(E | column) for an evidence piece."""
        return float(self.regions[key].height / self.frame.height)

    @reads_screen("geometry")
    def width_share_shown(self, key: str) -> float:
        """Width of region ``key`` over the drawn square's (after conditioning: its share of
        the evidence, as the braces under it say)."""
        return float(self.regions[key].width / self.frame.width)

    @reads_screen("geometry")
    def posterior_shown(self) -> float:
        """P(H | E) as drawn: after conditioning, the H piece's share of the square."""
        h, n = self.area_shown("h_e"), self.area_shown("not_h_e")
        return h / (h + n)

    def right_edge(self) -> np.ndarray:
        return self.frame.get_right()


def legend_row(color: ParsableManimColor, opacity: float, label_tex: str, size: int = 30) -> VGroup:
    """A colour swatch and a formula, for the diagram's legend."""
    swatch = Square(0.32, stroke_width=0, fill_color=color, fill_opacity=opacity)
    label = theme.tex(label_tex, size=size).next_to(swatch, RIGHT, buff=0.2)
    return VGroup(swatch, label)
