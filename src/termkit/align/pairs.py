"""Bilingual term extraction: English term candidates paired with their Chinese equivalents.

The English candidates are those of the term extractor (:mod:`termkit.extract`),
in its ranking: variants grouped, fragments and general phrases down the list, so
that "Security Council" comes before "continue" or "efforts".  Candidates seen in
fewer than ``min_freq`` sentence pairs, and those the glossary already lists (any
variant), are left out.  Each of the first ``limit`` is then aligned like a given term
(:mod:`termkit.align.terms`), and only confident pairs are kept: a higher threshold
than for given terms, since nobody asked for these.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ..extract import ExtractOptions, extract_lines
from ..extract.scoring import Candidate
from ..extract.variants import variant_key
from .corpus import AlignCorpus
from .ibm import WordAligner
from .terms import TermAlignConfig, TermResult, align_terms

#: Default confidence for pairs nobody asked for.
PAIRS_THRESHOLD = 0.55


def english_candidates(
    texts: Iterable[str], min_freq: int = 2, limit: int = 1000, known_en: Iterable[str] = ()
) -> list[Candidate]:
    """The extractor's English candidates of ``texts``, best first: seen ``min_freq``
    times or more, none the glossary lists (``known_en``, compared as variants)."""
    listed = {variant_key(t) for t in known_en}
    ranked = extract_lines(list(texts), ExtractOptions(lang="en", min_freq=min_freq)).candidates
    out = []
    for cand in ranked:
        if cand.frequency < min_freq or any(variant_key(f) in listed for f in (cand.term, *cand.variants)):
            continue
        out.append(cand)
        if len(out) >= limit:
            break
    return out


def extract_pairs(
    corpus: AlignCorpus,
    texts: Sequence[str],
    *,
    known_en: Iterable[str] = (),
    known: Iterable[tuple[str, str, str]] = (),
    config: TermAlignConfig | None = None,
    min_freq: int = 2,
    limit: int = 1000,
    aligner: WordAligner | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[TermResult]:
    """English term candidates of ``texts`` with confident Chinese equivalents, in the
    extractor's ranking (best terms first).

    Candidates that match a term in ``known_en`` (the glossary's English terms) are
    left out: the point is to find pairs nobody listed.
    """
    cfg = config or replace(TermAlignConfig(), threshold=PAIRS_THRESHOLD)
    cands = english_candidates(texts, min_freq, limit, known_en)
    results = align_terms(corpus, [(c.term, None) for c in cands], cfg, known, aligner, progress)
    # (--min-freq counts sentence pairs: a term seen twice in one pair is seen in one)
    return [r for r in results if r.candidates and r.frequency >= min_freq]
