"""The glossary shipped in glossary/: it loads, checks clean and stays true to the seed text.

Every English term must occur in the seed text (case-insensitively, allowing
plural, hyphen/space and apostrophe variation) unless its note says where else
it comes from; docs/glossary-curation.md lists the seed's inconsistent
renderings, and each listed variant must be a term of the concept named there.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from termkit.check import check_paths
from termkit.glossary_file import format_glossary_file, load_glossary, read_glossary_file
from termkit.model import ZH, Concept, Glossary, ReviewStatus, TermStatus

from ..conftest import GLOSSARY, ROOT, SEED, require_shared

DOCS = ROOT / "docs" / "glossary-curation.md"
REFERENCE = ROOT / "tests" / "extract" / "data" / "seed_reference_terms.txt"
DOCUMENTS = {"shanxi-2011", "outline-2011-2020"}


def _normalise(text: str) -> str:
    """Casefold, unify apostrophes, hyphens and spaces (NBSP included)."""
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[\s\-\u00a0]+", " ", text).strip()


def _word_pattern(word: str) -> str:
    """A word and its regular plural (funds/fund, counties/county, men/man)."""
    if word.endswith("ies") and len(word) > 4:
        return re.escape(word[:-3]) + "(?:y|ies)"
    if word.endswith("y") and len(word) > 3:
        return re.escape(word[:-1]) + "(?:y|ies)"
    if word.endswith("man"):
        return re.escape(word[:-3]) + "m[ae]n"
    if word.endswith("men"):
        return re.escape(word[:-3]) + "m[ae]n"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return re.escape(word[:-1]) + "(?:s|es)?"
    return re.escape(word) + "(?:s|es)?"


def occurs_in(term: str, normalised_text: str) -> bool:
    """True if ``term`` occurs as whole words in an already normalised text."""
    words = _normalise(term).split(" ")
    pattern = r"(?<![\w'])" + " ".join(_word_pattern(w) for w in words) + r"(?![\w'])"
    return re.search(pattern, normalised_text) is not None


@cache
def seed_text() -> str:
    return _normalise(require_shared(SEED).read_text(encoding="utf-8"))


@cache
def bundled() -> Glossary:
    glossary, _files = load_glossary([GLOSSARY])
    return glossary


def glossary_files() -> list[Path]:
    return sorted(GLOSSARY.glob("*.yaml"))


# ---------------------------------------------------------------------------
# The matcher itself


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        ("key county", "the 35 key counties for", True),
        ("ex-serviceman", "young officials, ex-servicemen, university", True),
        ("income generating activities", "income-generating activities", True),
        ("people's organization", "people\u2019s organizations, institutions", True),
        ("form", "format", False),
        ("poor area", "poorer areas", False),
        ("poverty relief", "anti-poverty relief", True),
    ],
)
def test_occurs_in(term: str, text: str, expected: bool) -> None:
    assert occurs_in(term, _normalise(text)) is expected


# ---------------------------------------------------------------------------
# The glossary


def test_glossary_checks_clean() -> None:
    files, diagnostics = check_paths([GLOSSARY])
    assert [d.format() for d in diagnostics] == []
    assert len(files) == len(glossary_files()) >= 5


@pytest.mark.parametrize("path", glossary_files(), ids=lambda p: p.name)
def test_file_is_canonical_and_has_a_header(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# "), "each glossary file starts with a header comment"
    assert format_glossary_file(read_glossary_file(path)) == text, "run: termkit fmt glossary/"


def test_at_least_150_concepts_with_unique_ids() -> None:
    ids = [c.id for c in bundled()]
    assert len(ids) >= 150
    assert len(ids) == len(set(ids))


def test_approved_concepts_have_preferred_terms_in_both_languages() -> None:
    missing = []
    for c in bundled():
        if c.status is not ReviewStatus.APPROVED:
            continue
        for lang in ("en", ZH):
            preferred = [t for t in c.terms_in(lang) if t.status is TermStatus.PREFERRED]
            if len(preferred) != 1:
                missing.append(f"{c.id} ({lang}: {len(preferred)} preferred)")
    assert missing == []


def test_every_concept_has_a_chinese_term_and_provenance() -> None:
    bad = [c.id for c in bundled() if not c.terms_in(ZH) or not c.provenance or not c.subject]
    assert bad == []


def test_preferred_english_terms_are_unique() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for c in bundled():
        for t in c.terms_in("en"):
            key = _normalise(t.text)
            if key in seen and seen[key] != c.id:
                clashes.append(f"{t.text}: {seen[key]} and {c.id}")
            seen.setdefault(key, c.id)
    assert clashes == [], "one English term, one concept (lint must know which concept it found)"


def test_english_terms_occur_in_the_seed_or_say_where_they_come_from() -> None:
    seed = seed_text()
    unexplained = [
        f"{c.id}: {t.text}"
        for c in bundled()
        for t in c.terms_in("en")
        if not t.note and not occurs_in(t.text, seed)
    ]
    assert unexplained == []


def _seed_sections() -> set[tuple[str, str]]:
    """(document, section) pairs that the seed text really has."""
    raw = require_shared(SEED).read_text(encoding="utf-8").replace("\u00a0", " ")
    sections = {("shanxi-2011", "title")}
    outline = False
    for line in raw.splitlines():
        s = re.sub(r"\s+", " ", line).strip()
        if match := re.match(r"【(.+?)】", s):
            sections.add(("shanxi-2011", match.group(1)))
        elif s.startswith("Thee"):  # the damaged splice between the two documents
            outline = True
            sections.add(("outline-2011-2020", "fragment before 26 (damaged splice)"))
        elif outline and re.match(r"^(\d\d|[IVX]+)\. ", s):
            sections.add(("outline-2011-2020", s.split(".")[0]))  # "27", "VI"
    return sections


def test_sources_name_real_documents_and_sections() -> None:
    sections = _seed_sections()
    assert len(sections) > 40
    bad = [
        f"{c.id}: {src.document} / {src.section}"
        for c in bundled()
        for src in c.sources
        if (src.document, src.section) not in sections
    ]
    assert bad == []
    assert all(src.document in DOCUMENTS for c in bundled() for src in c.sources)


def test_concepts_without_sources_are_explained() -> None:
    bare = [c.id for c in bundled() if not c.sources and not all(t.note for t in c.terms_in("en"))]
    assert bare == []


# ---------------------------------------------------------------------------
# The documented inconsistencies (docs/glossary-curation.md) match the glossary


def documented_variants() -> list[tuple[str, str, str]]:
    """(concept id, variant, where) rows of the inconsistency table in the docs."""
    rows = []
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`") and cells[1].startswith('"'):
            rows.append((cells[0].strip("`"), cells[1].strip('"'), cells[2]))
    return rows


def test_documented_inconsistencies_are_in_the_glossary() -> None:
    rows = documented_variants()
    assert len(rows) >= 20
    by_id: dict[str, Concept] = {c.id: c for c in bundled()}
    seed = seed_text()
    problems = []
    per_concept: dict[str, int] = {}
    for cid, variant, _where in rows:
        concept = by_id.get(cid)
        if concept is None:
            problems.append(f"unknown concept {cid}")
            continue
        if variant not in {t.text for t in concept.terms_in("en")}:
            problems.append(f"{cid}: '{variant}' is not one of its English terms")
        if not occurs_in(variant, seed):
            problems.append(f"{cid}: '{variant}' does not occur in the seed")
        per_concept[cid] = per_concept.get(cid, 0) + 1
    assert problems == []
    assert all(n >= 2 for n in per_concept.values()), "each inconsistency lists at least two variants"


# ---------------------------------------------------------------------------
# The reference term list for the extractor (tests/extract/data)


def test_reference_terms_occur_in_the_seed() -> None:
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    terms = [line for line in lines if line.strip() and not line.startswith("#")]
    assert 150 <= len(terms) <= 260
    assert len({_normalise(t) for t in terms}) == len(terms)
    seed = seed_text()
    assert [t for t in terms if not occurs_in(t, seed)] == []
