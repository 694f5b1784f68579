"""The plain Dice baseline: the jieba n-gram with the highest Dice coefficient.

For each term, every n-gram of up to 6 jieba tokens (no punctuation) of the
Chinese sides of the pairs that contain the term is a candidate; its Dice
coefficient ``2a / (f_term + f_ngram)`` is computed over all pairs; the best wins
(ties: more co-occurrences, then shorter, then the first in code-point order, so
that the result does not depend on Python's string hashing).  No trimming, no alignment.
"""

from __future__ import annotations

from collections.abc import Sequence

from termkit.align.assoc import dice
from termkit.align.corpus import AlignCorpus
from termkit.align.tokens import en_stems, is_punct

MAX_N = 6


def dice_baseline(corpus: AlignCorpus, terms: Sequence[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    freq_cache: dict[tuple[str, ...], int] = {}
    for term in terms:
        occ = corpus.find_en(tuple(en_stems(term)))
        co: dict[tuple[str, ...], int] = {}
        for k, _ in occ:
            toks = corpus.zh[k]
            seen = set()
            for i in range(len(toks)):
                for j in range(i + 1, min(len(toks), i + MAX_N) + 1):
                    if is_punct(toks[j - 1]):
                        break
                    seen.add(toks[i:j])
            for g in seen:
                co[g] = co.get(g, 0) + 1
        best: tuple[float, int, int, str] | None = None
        for g, a in co.items():
            if g not in freq_cache:
                freq_cache[g] = corpus.zh_frequency(g)
            key = (dice(a, len(occ), freq_cache[g]), a, -len(g), "".join(g))
            if best is None or key[:3] > best[:3] or (key[:3] == best[:3] and key[3] < best[3]):
                best = key
        out[term] = best[3] if best else None
    return out
