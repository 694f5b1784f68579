"""The seed text linted against the project's own glossary (glossary/).

What counts as a real inconsistency is taken from docs/glossary-curation.md, written
by the glossary's curator: its table of the variants the seed uses per concept, and
its list of single deprecated renderings.  Every finding in the first 30 lines must
be one of those; the examples of the issue must be found; every deprecated glossary
term that occurs in the seed must be reported.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from termkit.errors import Diagnostic
from termkit.glossary_file import load_glossary
from termkit.lint import GlossaryIndex, Linter
from termkit.lint.matcher import singular, words
from termkit.model import TermStatus
from termkit.textio import read_text

from ..conftest import GLOSSARY, ROOT, SEED, require_shared

CURATION = ROOT / "docs" / "glossary-curation.md"


def norm(text: str) -> str:
    return " ".join(singular(w.lower()) for w in words(text.replace("’", "'")))


@cache
def documented() -> dict[str, set[str]]:
    """concept id -> the variants docs/glossary-curation.md says the seed uses (normalised)."""
    out: dict[str, set[str]] = {}
    doc = CURATION.read_text(encoding="utf-8")
    for m in re.finditer(r'^\| `([a-z0-9.-]+)` \| "([^"]+)" \|', doc, re.M):
        out.setdefault(m.group(1), set()).add(norm(m.group(2)))
    section = doc.split("### Single deprecated renderings", 1)[1].split("###", 1)[0]
    for bullet in re.split(r"\n- ", section):
        concepts = re.findall(r"`([a-z0-9.-]+)`", bullet)
        for variant in re.findall(r'"([^"]+)"', bullet):
            for c in concepts:
                out.setdefault(c, set()).add(norm(variant))
    return out


@pytest.fixture(scope="module")
def findings() -> list[Diagnostic]:
    require_shared(SEED)
    glossary, _ = load_glossary([GLOSSARY])
    return Linter(GlossaryIndex.build(glossary)).lint_text(str(SEED), read_text(SEED))


def test_the_curation_doc_lists_the_inconsistencies() -> None:
    assert len(documented()) >= 30


def test_nothing_spurious_in_the_first_30_lines(findings: list[Diagnostic]) -> None:
    early = [d for d in findings if d.line <= 30]
    assert early, "the first 30 lines hold documented inconsistencies"
    for d in early:
        assert d.concept in documented(), d.format()
        assert norm(d.matched or "") in documented()[d.concept], d.format()


def test_the_issues_examples_are_found(findings: list[Diagnostic]) -> None:
    got = {(d.line, d.rule, d.concept, d.matched) for d in findings}
    ew = "east-west-poverty-alleviation-cooperation"
    fp = "fixed-point-poverty-alleviation"
    assert (53, "mixed-variants", ew, "East-Helps-West program") in got
    assert (101, "deprecated-term", ew, "East-Help-West Program") in got
    assert (21, "mixed-variants", fp, "fixed-point poverty reduction") in got
    for line in (47, 49, 101):
        assert (line, "deprecated-term", fp, "targeted poverty reduction") in got


def test_every_deprecated_term_used_in_the_seed_is_reported(findings: list[Diagnostic]) -> None:
    glossary, _ = load_glossary([GLOSSARY])
    seed = norm(read_text(SEED))
    reported = {(d.concept, norm(d.matched or "")) for d in findings if d.rule == "deprecated-term"}
    expected = {
        (c.id, norm(t.text))
        for c in glossary
        for t in c.terms_in("en")
        if t.status is TermStatus.DEPRECATED and f" {norm(t.text)} " in f" {seed} "
    }
    assert len(expected) >= 8
    assert expected <= reported
