"""Bilingual lint on real translations (../shared/corpora) with injected errors.

The glossary is built for the test from ../shared/terminology/unbis-dev.tsv: the
UNBIS concepts whose English and Chinese labels occur in the same sentence pair of
un-v1.0-dev at least once (the "gold pairs" of shared/README.md), English lower-cased.
Into copies of un-v1.0-dev and ntrex128 we inject, on lines where lint had no such
finding before: a key term deleted from the target, a key term swapped for a
variant the glossary marks forbidden, a number changed.  Every injected error must
be found at its line.  On the untouched files the share of pairs with a finding is
the false-positive rate (printed; bounded here so that a regression fails).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from termkit.errors import Diagnostic
from termkit.lint import GlossaryIndex, Linter
from termkit.lint.rules import in_longer_name
from termkit.model import Concept, Glossary, ReviewStatus, Term, TermStatus

from ..conftest import SHARED, require_shared

UN = SHARED / "corpora" / "un-v1.0-dev"
NTREX = SHARED / "corpora" / "ntrex128-en-zh"
CORPORA = {
    "un": (UN / "UNv1.0.devset.en", UN / "UNv1.0.devset.zh"),
    "ntrex": (NTREX / "newstest2019-src.eng.txt", NTREX / "newstest2019-ref.zho-CN.txt"),
}
FORBIDDEN_PREFIX = "旧"  # the injected forbidden variant of a term Z is 旧Z
PER_KIND = 25


def lines(path: Path) -> list[str]:
    return require_shared(path).read_text(encoding="utf-8").splitlines()


@dataclass
class Setup:
    index: GlossaryIndex
    concepts: dict[str, Concept]


@pytest.fixture(scope="module")
def setup() -> Setup:
    rows = lines(SHARED / "terminology" / "unbis-dev.tsv")[1:]
    pairs = [row.split("\t")[:2] for row in rows]
    concepts = {
        f"unbis-{i}": Concept(
            f"unbis-{i}", ReviewStatus.APPROVED, terms={"en": [Term(en.lower())], "zh-CN": [Term(zh)]}
        )
        for i, (en, zh) in enumerate(pairs)
    }
    index = GlossaryIndex.build(Glossary(list(concepts.values())))
    en, zh = lines(CORPORA["un"][0]), lines(CORPORA["un"][1])
    gold = set()
    for hits, tgt in zip(index.matcher("en").find_many(en), zh, strict=True):
        for hit in hits:
            for c in hit.concepts:
                if any(t.text in tgt for t in index.concept_terms(c, "zh-CN")):
                    gold.add(c)
    chosen = [concepts[c] for c in sorted(gold)]
    for c in chosen:  # every concept gets a forbidden variant, used only by the injection
        zh_term = c.terms["zh-CN"][0].text
        c.terms["zh-CN"].append(Term(FORBIDDEN_PREFIX + zh_term, TermStatus.FORBIDDEN))
    return Setup(GlossaryIndex.build(Glossary(chosen)), {c.id: c for c in chosen})


def lint_pair(setup: Setup, tmp_path: Path, src: list[str], tgt: list[str], name: str) -> list[Diagnostic]:
    s, t = tmp_path / f"{name}.en", tmp_path / f"{name}.zh"
    s.write_text("\n".join(src) + "\n", encoding="utf-8")
    t.write_text("\n".join(tgt) + "\n", encoding="utf-8")
    return Linter(setup.index).lint_line_aligned(str(s), str(t))


def by_line(diags: list[Diagnostic], rule: str) -> dict[int, set[str | None]]:
    out: dict[int, set[str | None]] = {}
    for d in diags:
        if d.rule == rule:
            out.setdefault(d.line, set()).add(d.concept)
    return out


Injection = Callable[[str, str, str], str | None]


def inject(
    setup: Setup, src: list[str], tgt: list[str], baseline: list[Diagnostic], seed: int
) -> tuple[list[str], dict[str, dict[int, str | None]]]:
    """A copy of ``tgt`` with errors on disjoint lines; returns it and {rule: {line: concept}}."""
    rng = random.Random(seed)
    index = setup.index
    src_hits = index.matcher("en").find_many(src)
    busy = {d.line for d in baseline}
    order = list(range(len(src)))
    rng.shuffle(order)
    new = list(tgt)
    planted: dict[str, dict[int, str | None]] = {
        "key-term-missing": {},
        "forbidden-target-term": {},
        "number-mismatch": {},
    }
    for i in order:
        line = i + 1
        if line in busy:
            continue
        # A key term of the source whose one Chinese term occurs exactly once in the target.
        # (A common noun capitalised inside a longer name is not a key term: see in_longer_name.)
        candidates = [h for h in src_hits[i] if len(h.concepts) == 1 and not in_longer_name(h, src[i])]
        for hit in candidates:
            (zh,) = [t.text for t in index.concept_terms(hit.term.concept, "zh-CN") if t.approved]
            others = [h for h in src_hits[i] if h is not hit and h.term.concept == hit.term.concept]
            if new[i].count(zh) != 1 or others:
                continue
            if len(planted["key-term-missing"]) < PER_KIND:
                new[i] = new[i].replace(zh, "")
                planted["key-term-missing"][line] = hit.term.concept
            elif len(planted["forbidden-target-term"]) < PER_KIND:
                new[i] = new[i].replace(zh, FORBIDDEN_PREFIX + zh)
                planted["forbidden-target-term"][line] = hit.term.concept
            break
        else:
            m = re.search(r"(?<![\d.,])\d{2,4}(?![\d.,])", new[i])
            if m and m.group() in src[i] and len(planted["number-mismatch"]) < PER_KIND:
                changed = str(int(m.group()) + 1)
                if changed not in src[i]:
                    new[i] = new[i][: m.start()] + changed + new[i][m.end() :]
                    planted["number-mismatch"][line] = None
    return new, planted


@pytest.mark.parametrize("corpus", ["un", "ntrex"])
def test_every_injected_error_is_found(setup: Setup, tmp_path: Path, corpus: str) -> None:
    src, tgt = lines(CORPORA[corpus][0]), lines(CORPORA[corpus][1])
    baseline = lint_pair(setup, tmp_path, src, tgt, "base")
    new, planted = inject(setup, src, tgt, baseline, seed=7)
    assert sum(len(p) for p in planted.values()) >= 40
    diags = lint_pair(setup, tmp_path, src, new, "injected")
    recall = {}
    for rule, where in planted.items():
        got = by_line(diags, rule)
        missed = [
            (line, concept)
            for line, concept in where.items()
            if line not in got or (concept is not None and concept not in got[line])
        ]
        recall[rule] = (len(where) - len(missed), len(where))
        assert not missed, f"{rule}: missed {missed[:5]}"
    print(f"\n{corpus}: injected errors found {recall}")


@pytest.mark.parametrize("corpus", ["un", "ntrex"])
def test_false_positive_rate_on_untouched_files(setup: Setup, tmp_path: Path, corpus: str) -> None:
    src, tgt = lines(CORPORA[corpus][0]), lines(CORPORA[corpus][1])
    diags = lint_pair(setup, tmp_path, src, tgt, "base")
    pairs = sum(1 for a, b in zip(src, tgt, strict=True) if a.strip() or b.strip())
    per_rule = Counter()
    for rule, lines_ in {r: by_line(diags, r) for r in {d.rule for d in diags}}.items():
        per_rule[rule] = len(lines_)
    rates = {rule: n / pairs for rule, n in per_rule.items()}
    print(
        f"\n{corpus}: {pairs} pairs; share of pairs with a finding: "
        + ", ".join(f"{r} {v:.1%}" for r, v in sorted(rates.items()))
    )
    assert rates.get("forbidden-target-term", 0) == 0
    assert rates.get("inconsistent-translation", 0) < 0.01
    assert rates.get("same-source-different-target", 0) < 0.01
    assert rates.get("same-target-different-source", 0) < 0.01
    assert rates.get("number-mismatch", 0) < 0.03
    # The glossary is a thesaurus excerpt (general words: "information", "time", "women"...),
    # not a translator's glossary: a translation may say 资料 where it says 信息.
    assert rates.get("key-term-missing", 0) < 0.25
