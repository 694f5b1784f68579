"""Scoring term alignment against a term list (used by the benchmark and the tests).

The gold set: the UNBIS concepts (``../shared/terminology/unbis-dev.tsv``) whose
Chinese label occurs (as a substring) in at least two of the sentence pairs of
``un-v1.0-dev`` whose English side contains the English label (matched
case-insensitively on word stems: plurals and hyphens tolerated, as termkit does).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .corpus import AlignCorpus
from .tokens import en_stems


@dataclass(frozen=True)
class Gold:
    en: str
    zh: str
    pairs: int  # pairs containing the English label
    both: int  # of those, pairs whose Chinese side contains the Chinese label

    @property
    def multiword(self) -> bool:
        return len(en_stems(self.en)) > 1


def read_term_pairs(path: Path) -> list[tuple[str, str]]:
    """``en<TAB>zh`` rows after a header line, duplicates dropped."""
    rows = []
    seen = set()
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if "\t" not in line:
            continue
        en, zh = line.split("\t")[:2]
        if (en, zh) not in seen:
            seen.add((en, zh))
            rows.append((en, zh))
    return rows


def gold_set(corpus: AlignCorpus, gold_pairs: Sequence[tuple[str, str]], min_both: int = 2) -> list[Gold]:
    """The gold pairs whose Chinese label occurs in at least ``min_both`` of the
    pairs of ``corpus`` whose English side contains the English label."""
    zh_text = ["".join(t) for t in corpus.zh]
    out = []
    for en, zh in gold_pairs:
        occ = corpus.find_en(tuple(en_stems(en)))
        both = sum(1 for k, _ in occ if zh in zh_text[k])
        if both >= min_both:
            out.append(Gold(en, zh, len(occ), both))
    return out


def score(golds: Sequence[Gold], top: dict[str, str | None]) -> dict[str, dict[str, float]]:
    """Precision (top candidate == gold), coverage (has a candidate) and recall, overall and multiword.

    A term with several gold labels (rare) counts as correct when the top candidate
    is any of them; it is counted once.
    """
    by_term: dict[str, list[Gold]] = {}
    for g in golds:
        by_term.setdefault(g.en, []).append(g)
    table: dict[str, dict[str, float]] = {}
    for name, sel in (
        ("all", lambda gs: True),
        ("multiword", lambda gs: gs[0].multiword),
        ("single-word", lambda gs: not gs[0].multiword),
    ):
        terms = [t for t, gs in by_term.items() if sel(gs)]
        n = len(terms)
        proposed = [t for t in terms if top.get(t)]
        correct = [t for t in proposed if top[t] in {g.zh for g in by_term[t]}]
        table[name] = {
            "terms": n,
            "proposed": len(proposed),
            "correct": len(correct),
            "precision": len(correct) / len(proposed) if proposed else 0.0,
            "coverage": len(proposed) / n if n else 0.0,
            "recall": len(correct) / n if n else 0.0,
        }
    return table


def format_table(title: str, table: dict[str, dict[str, float]]) -> str:
    lines = [
        f"\n{title}",
        f"{'subset':12} {'terms':>6} {'proposed':>9} {'correct':>8} "
        f"{'precision':>10} {'coverage':>9} {'recall':>7}",
    ]
    for name, row in table.items():
        lines.append(
            f"{name:12} {row['terms']:6.0f} {row['proposed']:9.0f} {row['correct']:8.0f} "
            f"{row['precision']:10.1%} {row['coverage']:9.1%} {row['recall']:7.1%}"
        )
    return "\n".join(lines)
