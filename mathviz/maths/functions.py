"""Functions as rules and as finite mappings: the is-a-function check, and composition.

Two views of one idea. A :class:`Rule` is a function given by a formula, ``g(x) = 2x + 1``,
evaluated exactly on :class:`~fractions.Fraction` values: the *machine* picture, where an
input goes in and its image comes out. A :class:`Relation` is a finite set of arrows
``(input, output)`` between a domain and a codomain: the *mapping* picture. A relation is a
function exactly when every element of its domain has one arrow out — no more, no fewer
(:meth:`Relation.is_function`); two inputs may share an output.

Composition chains functions like middleware: ``(f ∘ g)(x) = f(g(x))`` runs ``g`` first and
hands its output to ``f`` (:func:`compose`, :func:`compose_relations`).
:func:`pipeline_trace` records the value after every stage of such a chain, which is what a
drawn pipeline shows between its machines.

Pure: the standard library only, no drawing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, TypeVar

__all__ = [
    "Rule",
    "Relation",
    "NotAFunctionError",
    "compose",
    "compose_relations",
    "pipeline_trace",
    "affine",
    "power",
]

A = TypeVar("A", bound=Hashable)
B = TypeVar("B", bound=Hashable)
C = TypeVar("C", bound=Hashable)

Number = Fraction | int


class NotAFunctionError(ValueError):
    """A relation used as a function while some input has no arrow, or several."""


@dataclass(frozen=True)
class Rule:
    """A function of one number given by a formula, evaluated exactly.

    Attributes
    ----------
    name
        The function's letter (``"g"``).
    tex
        The right-hand side of its formula in TeX, in the variable ``x`` (``"2x + 1"``).
    apply
        The rule itself, on exact fractions.
    """

    name: str
    tex: str
    apply: Callable[[Fraction], Fraction]

    def __call__(self, x: Number) -> Fraction:
        """The image of ``x``, exact."""
        return Fraction(self.apply(Fraction(x)))

    def formula(self, variable: str = "x") -> str:
        """``name(x) = tex`` in TeX, in ``variable``."""
        return f"{self.name}({variable}) = {self.tex.replace('x', variable)}"


def affine(name: str, slope: Number, intercept: Number) -> Rule:
    """The rule ``x ↦ slope·x + intercept``, its TeX written the way a person would."""
    a, b = Fraction(slope), Fraction(intercept)
    head = "x" if a == 1 else f"{a}x"
    tail = "" if b == 0 else (f" + {b}" if b > 0 else f" - {-b}")
    return Rule(name, head + tail, lambda x: a * x + b)


def power(name: str, exponent: int) -> Rule:
    """The rule ``x ↦ x**exponent``."""
    if exponent < 1:
        raise ValueError("exponent must be a positive integer")
    tex = "x" if exponent == 1 else f"x^{{{exponent}}}" if exponent > 9 else f"x^{exponent}"
    return Rule(name, tex, lambda x: x**exponent)


def compose(*rules: Rule, name: str = "") -> Rule:
    """The composition of ``rules``, the *last* applied first: ``compose(f, g)`` is f ∘ g.

    Parameters
    ----------
    rules
        The functions, outermost first (as written: ``f ∘ g`` is ``compose(f, g)``).
    name
        The composite's name; defaults to the names joined by ``∘``.
    """
    if not rules:
        raise ValueError("compose needs at least one rule")
    order = tuple(reversed(rules))  # run order: innermost first

    def run(x: Fraction) -> Fraction:
        for rule in order:
            x = rule(x)
        return x

    tex = "x"
    for rule in order:
        tex = f"{rule.name}({tex})"
    return Rule(name or r" \circ ".join(r.name for r in rules), tex, run)


def pipeline_trace(stages: Sequence[Rule], x: Number) -> tuple[Fraction, ...]:
    """The value entering a pipeline and after each stage, run in the order given.

    ``pipeline_trace([g, f], 3)`` is ``(3, g(3), f(g(3)))``: the stages are listed in the
    order the data flows through them (the reverse of how ``f ∘ g`` is written).
    """
    values = [Fraction(x)]
    for stage in stages:
        values.append(stage(values[-1]))
    return tuple(values)


@dataclass(frozen=True)
class Relation(Generic[A, B]):
    """A finite set of arrows from a domain to a codomain.

    Attributes
    ----------
    domain, codomain
        The elements, in the order they are drawn.
    arrows
        ``(input, output)`` pairs, in the order they are drawn; an input may appear in no
        pair or in several (then the relation is not a function).
    """

    domain: tuple[A, ...]
    codomain: tuple[B, ...]
    arrows: tuple[tuple[A, B], ...]

    def __post_init__(self) -> None:
        for source, target in self.arrows:
            if source not in self.domain:
                raise ValueError(f"arrow from {source!r}, which is not in the domain")
            if target not in self.codomain:
                raise ValueError(f"arrow to {target!r}, which is not in the codomain")
        if len(set(self.domain)) != len(self.domain) or len(set(self.codomain)) != len(
            self.codomain
        ):
            raise ValueError("domain and codomain list each element once")

    @classmethod
    def from_mapping(
        cls, mapping: dict[A, B], codomain: Iterable[B] | None = None
    ) -> Relation[A, B]:
        """The relation drawn from a dict: one arrow per key (a dict is always a function).

        ``codomain`` defaults to the values in order of first appearance."""
        if codomain is None:
            codomain = tuple(dict.fromkeys(mapping.values()))
        return cls(tuple(mapping), tuple(codomain), tuple(mapping.items()))

    def with_arrow(self, source: A, target: B) -> Relation[A, B]:
        """The same relation with one more arrow."""
        return Relation(self.domain, self.codomain, (*self.arrows, (source, target)))

    def targets(self, source: A) -> tuple[B, ...]:
        """Where the arrows from ``source`` point, in drawing order."""
        return tuple(t for s, t in self.arrows if s == source)

    def arrows_per_input(self) -> tuple[int, ...]:
        """How many arrows leave each element of the domain, in domain order."""
        return tuple(len(self.targets(x)) for x in self.domain)

    def offenders(self) -> tuple[A, ...]:
        """The inputs that break the function rule: no arrow, or more than one."""
        return tuple(x for x, n in zip(self.domain, self.arrows_per_input(), strict=True) if n != 1)

    def is_function(self) -> bool:
        """True when every input has exactly one arrow out."""
        return not self.offenders()

    def __call__(self, x: A) -> B:
        """The one output of ``x``; :class:`NotAFunctionError` if it has none or several."""
        targets = self.targets(x)
        if len(targets) != 1:
            raise NotAFunctionError(f"{x!r} has {len(targets)} arrows out, not exactly one")
        return targets[0]

    def as_dict(self) -> dict[A, B]:
        """The function as a dict; :class:`NotAFunctionError` if it is not one."""
        bad = self.offenders()
        if bad:
            raise NotAFunctionError(f"not a function: inputs {list(bad)!r} break the rule")
        return {x: self(x) for x in self.domain}

    def image(self) -> tuple[B, ...]:
        """The codomain elements some arrow reaches, in codomain order."""
        reached = {t for _, t in self.arrows}
        return tuple(y for y in self.codomain if y in reached)


def compose_relations(f: Relation[B, C], g: Relation[A, B]) -> Relation[A, C]:
    """f ∘ g for two finite functions: g's arrows followed by f's.

    Both must be functions and every output of g must lie in f's domain.
    """
    g_map, f_map = g.as_dict(), f.as_dict()
    missing = [y for y in g_map.values() if y not in f_map]
    if missing:
        raise ValueError(f"g reaches {missing!r}, outside f's domain")
    return Relation(g.domain, f.codomain, tuple((x, f_map[g_map[x]]) for x in g.domain))
