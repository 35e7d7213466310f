"""Bayes' rule as areas of the unit square, in exact fractions."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

__all__ = ["Rect", "BayesModel"]

Rect = tuple[Fraction, Fraction, Fraction, Fraction]  # x, y, width, height in the unit square


def _frac(x: float | str | Fraction) -> Fraction:
    return x if isinstance(x, Fraction) else Fraction(str(x))


@dataclass(frozen=True)
class BayesModel:
    """A hypothesis H and evidence E.

    Attributes
    ----------
    prior
        P(H).
    likelihood
        P(E | H).
    false_alarm
        P(E | not H).
    """

    prior: Fraction
    likelihood: Fraction
    false_alarm: Fraction

    def __post_init__(self) -> None:
        for name in ("prior", "likelihood", "false_alarm"):
            value = getattr(self, name)
            if not 0 <= value <= 1:
                raise ValueError(f"{name} must be a probability in [0, 1], got {value}")

    @classmethod
    def of(
        cls,
        prior: float | str | Fraction,
        likelihood: float | str | Fraction,
        false_alarm: float | str | Fraction,
    ) -> BayesModel:
        return cls(_frac(prior), _frac(likelihood), _frac(false_alarm))

    @classmethod
    def from_evidence_rate(
        cls,
        prior: float | str | Fraction,
        likelihood: float | str | Fraction,
        evidence: float | str | Fraction,
    ) -> BayesModel:
        """Build from P(H), P(E|H) and the overall P(E), deriving P(E | not H)."""
        p, given_h, e = _frac(prior), _frac(likelihood), _frac(evidence)
        if p == 1:
            raise ValueError("P(H) = 1 leaves no 'not H' column to derive P(E | not H) from")
        false_alarm = (e - given_h * p) / (1 - p)
        if not 0 <= false_alarm <= 1:
            raise ValueError(
                f"inconsistent inputs: P(E)={e} with P(H)={p}, P(E|H)={given_h} implies "
                f"P(E|not H)={false_alarm}, outside [0, 1]"
            )
        return cls(p, given_h, false_alarm)

    @property
    def joint_h_e(self) -> Fraction:
        return self.prior * self.likelihood

    @property
    def joint_h_not_e(self) -> Fraction:
        return self.prior * (1 - self.likelihood)

    @property
    def joint_not_h_e(self) -> Fraction:
        return (1 - self.prior) * self.false_alarm

    @property
    def joint_not_h_not_e(self) -> Fraction:
        return (1 - self.prior) * (1 - self.false_alarm)

    @property
    def evidence(self) -> Fraction:
        """P(E), the total area of the evidence pieces."""
        return self.joint_h_e + self.joint_not_h_e

    @property
    def posterior(self) -> Fraction:
        """P(H | E)."""
        if self.evidence == 0:
            raise ZeroDivisionError("P(E) = 0: there is no evidence to condition on")
        return self.joint_h_e / self.evidence

    def regions(self) -> dict[str, Rect]:
        """The four pieces of the unit square: H is the left column (width = prior); in each
        column, E is the bottom part (height = its likelihood)."""
        p = self.prior
        return {
            "h_e": (Fraction(0), Fraction(0), p, self.likelihood),
            "h_not_e": (Fraction(0), self.likelihood, p, 1 - self.likelihood),
            "not_h_e": (p, Fraction(0), 1 - p, self.false_alarm),
            "not_h_not_e": (p, self.false_alarm, 1 - p, 1 - self.false_alarm),
        }

    def conditioned_regions(self) -> dict[str, Rect]:
        """The evidence pieces rescaled to fill the unit square: widths are posteriors."""
        post = self.posterior
        return {
            "h_e": (Fraction(0), Fraction(0), post, Fraction(1)),
            "not_h_e": (post, Fraction(0), 1 - post, Fraction(1)),
        }
