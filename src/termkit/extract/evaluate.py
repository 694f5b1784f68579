"""Scoring a ranked candidate list against a reference list of terms.

A reference term is *found* at rank k when a candidate within the first k, or one
of that candidate's variants, has the same :func:`~termkit.extract.variants.variant_key`
(case, number, hyphenation, British/American spelling and apostrophes do not
matter).  Used by ``bench/score_extract.py`` and the quality test.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..textio import read_lines
from .variants import variant_key


def read_reference(path: str | os.PathLike[str]) -> list[str]:
    """Terms of a reference file: one a line; ``#`` comments and blank lines skipped."""
    terms = []
    for line in read_lines(path):
        line = line.strip()
        if line and not line.startswith("#"):
            terms.append(line)
    return terms


@dataclass
class Evaluation:
    """Recall at each cut-off, and which reference terms were found where."""

    reference: list[str]
    #: reference term -> 1-based rank of the first candidate matching it (None: never).
    found_at: dict[str, int | None] = field(default_factory=dict)

    def found(self, k: int) -> int:
        return sum(1 for r in self.found_at.values() if r is not None and r <= k)

    def recall(self, k: int) -> float:
        """Share of the reference terms found in the first ``k`` candidates."""
        return self.found(k) / len(self.reference) if self.reference else 0.0

    def capped_recall(self, k: int) -> float:
        """Found in the first ``k`` divided by min(k, reference size).

        With a reference longer than ``k`` plain recall cannot reach 1; this is
        the share of what the cut-off could hold at best (R-precision style).
        """
        best = min(k, len(self.reference))
        return self.found(k) / best if best else 0.0

    def missing(self, k: int) -> list[str]:
        return [t for t, r in self.found_at.items() if r is None or r > k]


def evaluate(ranked: Sequence[Sequence[str]], reference: Sequence[str]) -> Evaluation:
    """Match ``reference`` against ``ranked`` (each item: the term, then its variants)."""
    first_rank: dict[str, int] = {}
    for rank, forms in enumerate(ranked, 1):
        for form in forms:
            first_rank.setdefault(variant_key(form), rank)
    ev = Evaluation(list(reference))
    for term in reference:
        ev.found_at[term] = first_rank.get(variant_key(term))
    return ev
