"""Quality on the seed text against the reference list of terms a terminologist keeps.

The reference (tests/extract/data/seed_reference_terms.txt) was written by reading
the text, not from the extractor's output.  A reference term is found when a
candidate in the first k, or one of its variants, matches it after normalisation.

Targets (issue 3): >= 90% of the reference in the top 300, >= 60% in the top 100.
The reference holds 246 terms, so at most 100 of them can be in a top 100: the
top-100 target is read as found / min(100, reference size).  The top-300 target is
not reached yet; the strict xfail below turns into a failure the day it is, so
that the floor can be raised.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.extract import ExtractOptions, extract
from termkit.extract.evaluate import Evaluation, evaluate, read_reference
from termkit.extract.variants import variant_key
from termkit.glossary_file import load_glossary
from termkit.model import EN

REFERENCE = Path(__file__).parent / "data" / "seed_reference_terms.txt"
#: A second list, made blind by another reader (see its header): the extractor was
#: never tuned on it.
BLIND_REFERENCE = Path(__file__).parent / "data" / "seed_blind_reference_terms.txt"
JUDGEMENTS = Path(__file__).parent / "data" / "seed_top100_judgements.txt"
GLOSSARY = Path(__file__).resolve().parents[2] / "glossary"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_922c992c49411e96.txt"


@pytest.fixture(scope="module")
def ranked() -> list[list[str]]:
    if not SEED.exists():
        pytest.fail(f"missing test data {SEED}; ../shared must be beside the project")
    result = extract([str(SEED)], ExtractOptions(lang="en"))
    return [[c.term, *c.variants] for c in result.candidates]


@pytest.fixture(scope="module")
def evaluation(ranked: list[list[str]]) -> Evaluation:
    return evaluate(ranked, read_reference(REFERENCE))


def test_reference_is_a_real_list() -> None:
    terms = read_reference(REFERENCE)
    assert len(terms) >= 150
    assert len(set(terms)) == len(terms)


def test_top_100_target(evaluation: Evaluation) -> None:
    assert evaluation.capped_recall(100) >= 0.60


def test_top_100_floor(evaluation: Evaluation) -> None:
    # measured 74 of the 100 places
    assert evaluation.capped_recall(100) >= 0.72


def test_top_300_floor(evaluation: Evaluation) -> None:
    # measured 0.663 (163 of 246); baselines: poterminology 0.07, YAKE 0.18
    # (bench/baselines_extract.py)
    assert evaluation.recall(300) >= 0.65


def test_blind_reference_floor(ranked: list[list[str]]) -> None:
    blind = read_reference(BLIND_REFERENCE)
    assert len(blind) >= 150 and len(set(blind)) == len(blind)
    evaluation = evaluate(ranked, blind)
    # measured 191 of 298 (0.641) in the top 300, 83 of the 100 places of the top 100
    assert evaluation.recall(300) >= 0.62
    assert evaluation.capped_recall(100) >= 0.80


@pytest.mark.xfail(strict=True, reason="issue target not reached: 90% of the reference in the top 300")
def test_top_300_target(evaluation: Evaluation) -> None:
    assert evaluation.recall(300) >= 0.90


def test_nearly_every_reference_term_is_a_candidate(evaluation: Evaluation) -> None:
    # what candidate generation can reach at all, whatever the ranking
    assert evaluation.recall(10**6) >= 0.90


def test_top_100_acceptable(ranked: list[list[str]]) -> None:
    # issue 3: >= 80% of the top 100 are acceptable glossary entries.  Acceptable: a
    # reference term, a term of the curated glossary, or judged so by reading
    glossary, _ = load_glossary(sorted(GLOSSARY.glob("*.yaml")))
    good = {variant_key(t) for t in read_reference(REFERENCE)}
    good |= {variant_key(t.text) for c in glossary.concepts for t in c.terms.get(EN, [])}
    judged: dict[str, bool] = {}
    for line in JUDGEMENTS.read_text(encoding="utf-8").splitlines():
        if line[:2] in ("+ ", "- "):
            judged[variant_key(line[2:])] = line[0] == "+"
    acceptable, unjudged = 0, []
    for forms in ranked[:100]:
        keys = [variant_key(f) for f in forms]
        if any(k in good for k in keys):
            acceptable += 1
        elif any(k in judged for k in keys):
            acceptable += any(judged.get(k, False) for k in keys)
        else:
            unjudged.append(forms[0])
    assert not unjudged, f"judge these in {JUDGEMENTS.name}: {unjudged}"
    # measured 94 (6 fragments or general phrases)
    assert acceptable >= 80
