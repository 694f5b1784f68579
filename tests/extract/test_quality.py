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

REFERENCE = Path(__file__).parent / "data" / "seed_reference_terms.txt"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_922c992c49411e96.txt"


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    if not SEED.exists():
        pytest.fail(f"missing test data {SEED}; ../shared must be beside the project")
    result = extract([str(SEED)], ExtractOptions(lang="en"))
    ranked = [[c.term, *c.variants] for c in result.candidates]
    return evaluate(ranked, read_reference(REFERENCE))


def test_reference_is_a_real_list() -> None:
    terms = read_reference(REFERENCE)
    assert len(terms) >= 150
    assert len(set(terms)) == len(terms)


def test_top_100_target(evaluation: Evaluation) -> None:
    assert evaluation.capped_recall(100) >= 0.60


def test_top_100_floor(evaluation: Evaluation) -> None:
    # measured 74 of the 100 places
    assert evaluation.capped_recall(100) >= 0.70


def test_top_300_floor(evaluation: Evaluation) -> None:
    # measured 0.642 (158 of 246); baselines: poterminology 0.07, YAKE 0.18
    # (bench/baselines_extract.py)
    assert evaluation.recall(300) >= 0.63


@pytest.mark.xfail(strict=True, reason="issue target not reached: 90% of the reference in the top 300")
def test_top_300_target(evaluation: Evaluation) -> None:
    assert evaluation.recall(300) >= 0.90


def test_nearly_every_reference_term_is_a_candidate(evaluation: Evaluation) -> None:
    # what candidate generation can reach at all, whatever the ranking
    assert evaluation.recall(10**6) >= 0.90
