"""Chinese equivalents of English terms, proposed from a sentence-aligned bitext.

See ``docs/align.md`` for the method.  In short, for each English term:

1. find the pairs whose English side contains it (stems, so plurals and hyphens match);
2. in (a sample of at most ``max_sample`` of) those pairs, take the Chinese token
   spans that the word aligner links to the term, trimmed of punctuation and function
   words, and score each span by how well the alignment agrees with it (*alignment
   score*: the share of the span that the term explains, and of the term that the
   span explains, in both directions);
3. for the best spans, count over the whole corpus how often they occur with and
   without the term (*Dice*); one sense per corpus: a term gets the span that
   translates it best across all its pairs, not one per pair;
4. combine both into one score in [0, 1]; spans below ``threshold`` are not
   proposed, and a term left without any says "no candidate";
5. competitive linking: when two terms that occur in the same pairs want the same
   Chinese span, the better-scoring term keeps it;
6. the glossary is prior knowledge: its Chinese terms are kept whole by the
   segmenter, and a span that is already the glossary's translation of another
   concept is demoted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

import numpy as np

from .. import langtags
from ..model import EN, Concept, Glossary, ReviewStatus, Term
from .assoc import dice
from .corpus import AlignCorpus
from .ibm import FloatArray, WordAligner
from .tokens import en_stems, is_function_token, is_number, is_punct, simplified_token

#: Punctuation allowed inside a candidate span (names, codes).
INNER_PUNCT = frozenset("·-‧・/．.")


@dataclass
class Candidate:
    """A proposed Chinese equivalent with its evidence."""

    zh: str
    score: float
    #: Pairs where the term and this equivalent occur together.
    count: int
    #: Ids of pairs that show it (best aligned first).
    examples: list[str] = field(default_factory=list)
    #: Pairs of the whole corpus whose Chinese side contains it.
    frequency: int = 0
    dice: float = 0.0
    alignment: float = 0.0
    note: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"zh": self.zh, "score": round(self.score, 4), "count": self.count, "examples": self.examples}


@dataclass
class TermResult:
    """The proposals for one English term."""

    term: str
    frequency: int
    candidates: list[Candidate] = field(default_factory=list)
    #: Why there is no candidate, when there is none.
    reason: str | None = None
    concept: str | None = None

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "term": self.term,
            "frequency": self.frequency,
            "candidates": [c.to_dict() for c in self.candidates],
        }
        if self.concept is not None:
            d["concept"] = self.concept
        if self.reason:
            d["reason"] = self.reason
        return d


@dataclass
class TermAlignConfig:
    """Parameters of :func:`align_terms` (defaults are the documented, calibrated ones)."""

    top: int = 3
    #: Minimum combined score for a proposal (see docs/align.md, "calibration").
    threshold: float = 0.4
    #: ... for a term seen in one pair only, where Dice is 1 for any span found
    #: nowhere else and the alignment of one sentence decides alone.
    single_pair_threshold: float = 0.6
    #: A rival candidate scoring this share of the best makes the term ambiguous.
    ambiguity: float = 0.8
    #: Competitive linking between terms that share pairs.
    competitive: bool = True
    #: Pairs per term looked at for spans and alignment evidence.
    max_sample: int = 200
    #: Spans scored exactly over the whole corpus, per term.
    shortlist: int = 12
    #: A token counts as linked to the term above this posterior.
    anchor: float = 0.1
    #: Weight of the alignment score against Dice in the combined score.
    align_weight: float = 0.7
    #: Factor for a span that the glossary gives as another concept's translation.
    glossary_penalty: float = 0.5
    #: Strength of the relative-position prior on word links (0: none; see
    #: :func:`position_prior`).
    position_prior: float = 0.5


@dataclass
class _Span:
    #: The span's tokens in Simplified characters (its key, in either script).
    tokens: tuple[str, ...]
    align_sum: float = 0.0
    pairs: list[tuple[float, int]] = field(default_factory=list)
    #: How the span is written in the pairs (Simplified, Traditional) -> pairs.
    forms: dict[str, int] = field(default_factory=dict)

    def written(self) -> str:
        """The span as most pairs write it (Simplified on a tie)."""
        simple = "".join(self.tokens)
        return max(sorted(self.forms), key=lambda f: (self.forms[f], f == simple))


class TermAligner:
    """Proposes Chinese equivalents for English terms over one corpus."""

    def __init__(
        self,
        corpus: AlignCorpus,
        aligner: WordAligner | None = None,
        config: TermAlignConfig | None = None,
        known: Iterable[tuple[str, str, str]] = (),
    ) -> None:
        self.corpus = corpus
        self.aligner = aligner or WordAligner(corpus)
        self.config = config or TermAlignConfig()
        #: Chinese text (Simplified: a span of Traditional text is one too) -> (concept
        #: id, English stems) of glossary translations.
        self.known: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for concept, en, zh in known:
            self.known.setdefault(simplified_token(zh), []).append((concept, tuple(en_stems(en))))
        self._post_cache: dict[int, tuple[FloatArray, FloatArray]] = {}

    # ------------------------------------------------------------------

    def posteriors(self, k: int) -> tuple[FloatArray, FloatArray]:
        cached = self._post_cache.get(k)
        if cached is None:
            if len(self._post_cache) > 50000:
                self._post_cache.clear()
            z, e = self.aligner.posteriors(k)
            cached = position_prior(z, e, self.config.position_prior)
            self._post_cache[k] = cached
        return cached

    def align(self, term: str, concept: str | None = None) -> TermResult:
        """Candidates for one term, before competitive linking."""
        cfg = self.config
        stems = tuple(en_stems(term))
        occ = self.corpus.find_en(stems)
        result = TermResult(term, len(occ), concept=concept)
        if not stems:
            result.reason = "no candidate: the term has no word"
            return result
        if not occ:
            result.reason = "no candidate: the term does not occur in the bitext"
            return result
        sample = (
            occ
            if len(occ) <= cfg.max_sample
            else [occ[int(i * len(occ) / cfg.max_sample)] for i in range(cfg.max_sample)]
        )
        spans: dict[str, _Span] = {}
        n = len(stems)
        max_len = min(12, 4 + 2 * n)
        for k, starts in sample:
            positions = sorted({s + d for s in starts for d in range(n)})
            self._collect(k, positions, max_len, spans)
        if not spans:
            result.reason = "no candidate: no Chinese span is aligned with the term"
            return result
        m = len(sample)
        ranked = sorted(spans.items(), key=lambda kv: (-kv[1].align_sum, kv[0]))[: cfg.shortlist]
        occ_set = {k for k, _ in occ}
        cands: list[Candidate] = []
        for text, span in ranked:
            cpairs = self.corpus.zh_pairs(span.tokens)
            fc = len(cpairs)
            a = sum(1 for k in cpairs if k in occ_set)
            if a == 0:
                continue
            d = dice(a, len(occ), fc)
            al = span.align_sum / m
            w = cfg.align_weight
            score = math.exp(w * math.log(max(al, 1e-9)) + (1 - w) * math.log(max(d, 1e-9)))
            note = None
            other = self._known_elsewhere(text, stems, concept)
            if other:
                score *= cfg.glossary_penalty
                note = f"the glossary gives it for {other}"
            examples = [self.corpus.ids[k] for _, k in sorted(span.pairs, key=lambda x: (-x[0], x[1]))[:3]]
            cands.append(Candidate(span.written(), score, a, examples, fc, d, al, note))
        cands.sort(key=lambda c: (-c.score, -c.count, c.zh))
        result.candidates = cands
        return result

    def _known_elsewhere(self, zh: str, stems: tuple[str, ...], concept: str | None) -> str | None:
        if not self.known:
            return None
        for cid, en in self.known.get(simplified_token(zh), ()):
            if cid == concept or en == stems:
                continue
            if _contains(stems, en):
                continue
            return cid
        return None

    def _collect(self, k: int, positions: Sequence[int], max_len: int, spans: dict[str, _Span]) -> None:
        """Score the spans of pair ``k`` linked to the English words at ``positions``.

        A token's *link* to the term is the noisy-or of two estimates: the
        English->Chinese posterior that the token comes from a term word, and the
        share of the Chinese->English alignment mass landing on the token that
        comes from term words (``ownership``), less when the token translates
        another word of the sentence (:func:`token_links`; both posteriors weighted
        by :func:`position_prior`).  A span's alignment score is the F-measure of
        its precision (mean link of its words) and recall (its share of the
        sentence's total link).
        """
        z, e = self.posteriors(k)
        toks = self.corpus.zh[k]
        simple = self.corpus.zh_simple[k]
        if z.size == 0:
            return
        link = token_links(z, e, positions)
        total_link = float(link.sum())
        anchor = self.config.anchor
        anchors = np.flatnonzero(link >= anchor).tolist()
        if not anchors:
            return
        cum_a = np.concatenate(([0.0], np.cumsum(link))).tolist()
        cls = [_token_class(t) for t in toks]
        cum_c = [0]
        for c in cls:
            cum_c.append(cum_c[-1] + (0 if c & _PUNCT else 1))
        n_tok = len(toks)
        best: dict[str, tuple[float, int, int]] = {}
        starts: set[int] = set()
        for j in anchors:
            starts.update(range(max(0, j - max_len + 1), j + 1))
        for st in sorted(starts):
            if cls[st] & _EDGE_BAD:
                continue
            for end in range(st + 1, min(n_tok, st + max_len) + 1):
                c_end = cls[end - 1]
                if c_end & _PUNCT and not c_end & _INNER:
                    break
                if c_end & _EDGE_BAD:
                    continue
                in_a = cum_a[end] - cum_a[st]
                if in_a < anchor:
                    continue
                n_content = cum_c[end] - cum_c[st]
                if n_content == 0 or all(cls[q] & _NUMBER for q in range(st, end)):
                    continue
                precision = in_a / n_content
                recall = in_a / total_link
                f = 2 * precision * recall / (precision + recall)
                text = "".join(simple[st:end])
                if text not in best or f > best[text][0]:
                    best[text] = (f, st, end)
                    if text not in spans:
                        spans[text] = _Span(simple[st:end])
        for text, (f, st, end) in best.items():
            sp = spans[text]
            sp.align_sum += f
            sp.pairs.append((f, k))
            form = text if simple is toks else "".join(toks[st:end])
            sp.forms[form] = sp.forms.get(form, 0) + 1


def position_prior(z: FloatArray, e: FloatArray, strength: float) -> tuple[FloatArray, FloatArray]:
    """The link posteriors ``z`` (Chinese token x English word) and ``e`` (English word
    x Chinese token) of a pair, reweighted by a prior for links at the same relative
    position in both sentences.

    Model 1 knows no word order: words seen in one pair only (*Odo Tevi (Vanuatu)*,
    奥多·特雷维（瓦努阿图）) get the same posteriors, and a span of two names then
    explains the term better than the one name that translates it.  Each link is
    weighted by ``exp(-strength * d)``, ``d`` the distance of the two words' relative
    positions (0 to 1), as in fast_align (Dyer et al., 2013), and each token's or
    word's links are scaled back to their total, so that the share left to NULL is
    unchanged.  A weak prior (0.5: a link across the whole sentence keeps 61% of its
    weight) decides between words that Model 1 cannot tell apart, and hardly
    changes the others.
    """
    n_zh, n_en = z.shape
    if strength <= 0 or n_zh == 0 or n_en == 0:
        return z, e
    rel_zh = (np.arange(n_zh) + 0.5) / n_zh
    rel_en = (np.arange(n_en) + 0.5) / n_en
    weight = np.exp(-strength * np.abs(rel_zh[:, None] - rel_en[None, :]))
    return _rescaled(z, z * weight), _rescaled(e, e * weight.T)


def _rescaled(before: FloatArray, after: FloatArray) -> FloatArray:
    """``after`` with each row scaled back to the total of the same row of ``before``."""
    total, new_total = before.sum(axis=1, keepdims=True), after.sum(axis=1, keepdims=True)
    out: FloatArray = np.where(new_total > 0, after * (total / np.maximum(new_total, 1e-300)), 0.0)
    return out


def token_links(z: FloatArray, e: FloatArray, positions: Sequence[int]) -> FloatArray:
    """Each Chinese token's link to the English words at ``positions`` (the term's).

    The noisy-or of the English->Chinese posterior that the token comes from a
    term word and of its *ownership* (the share of the Chinese->English alignment
    mass on the token that comes from term words), discounted when the token is
    rather the source of another English word of the sentence: when the
    Chinese->English model makes it likelier the source of some other word than of
    any term word, the link is multiplied by the probability that it is not that
    word's source (one minus the posterior).  A word seen in few pairs draws the
    English->Chinese posteriors of every rare or common word of its sentence
    (*wages* claims 男女 in "the wage gap between men and women", 男女工资差距),
    which the other direction gives to the words they translate (男女 to *men*
    and *women*).
    """
    a_vec = z[:, positions].sum(axis=1)
    in_e = e[positions, :].sum(axis=0)
    out_e = e.sum(axis=0) - in_e
    own_e = np.where(in_e > 0, in_e / np.maximum(in_e + out_e, 1e-12), 0.0)
    link: FloatArray = 1.0 - (1.0 - a_vec) * (1.0 - own_e)
    others = np.ones(e.shape[0], dtype=bool)
    others[list(positions)] = False
    if others.any():
        other = e[others, :].max(axis=0)
        link = np.where(other > e[positions, :].max(axis=0), link * (1.0 - other), link)
    return link


_PUNCT, _FUNCTION, _INNER, _NUMBER = 1, 2, 4, 8
_EDGE_BAD = _PUNCT | _FUNCTION
_CLASS_CACHE: dict[str, int] = {}


def _token_class(token: str) -> int:
    """Bit flags of a Chinese token: punctuation, function word, inner punctuation, number."""
    c = _CLASS_CACHE.get(token)
    if c is None:
        c = (
            (_PUNCT if is_punct(token) else 0)
            | (_FUNCTION if is_function_token(token) else 0)
            | (_INNER if token in INNER_PUNCT else 0)
            | (_NUMBER if is_number(token) else 0)
        )
        if len(_CLASS_CACHE) < 1_000_000:
            _CLASS_CACHE[token] = c
    return c


def _within(part: str, whole: str) -> bool:
    """``part`` occurs in ``whole``, whichever script each is written in (人权 in 人權狀況)."""
    return part in whole or simplified_token(part) in simplified_token(whole)


def _contains(seq: Sequence[str], sub: Sequence[str]) -> bool:
    n = len(sub)
    return n > 0 and any(tuple(seq[i : i + n]) == tuple(sub) for i in range(len(seq) - n + 1))


def competitive_linking(results: list[TermResult], corpus: AlignCorpus, threshold: float) -> None:
    """Let the better-scoring of two co-occurring terms keep a Chinese span both want.

    Links are taken best first.  A term whose best span is already linked to
    another term, in pairs that mostly contain that other term too, gives the
    span up and falls back to its next candidate.
    """
    occ_cache: dict[str, set[int]] = {}

    def occ(term: str) -> set[int]:
        if term not in occ_cache:
            occ_cache[term] = {k for k, _ in corpus.find_en(tuple(en_stems(term)))}
        return occ_cache[term]

    order = sorted((r for r in results if r.candidates), key=lambda r: (-r.candidates[0].score, r.term))
    owner: dict[str, TermResult] = {}
    for res in order:
        kept: list[Candidate] = []
        for cand in res.candidates:
            holder = owner.get(simplified_token(cand.zh))
            if holder is not None and holder is not res and not kept:
                mine = occ(res.term)
                shared = mine & occ(holder.term)
                if len(shared) > 0.5 * len(mine) and not _contains(en_stems(res.term), en_stems(holder.term)):
                    cand.note = f"linked to '{holder.term}' in the pairs they share"
                    continue
            kept.append(cand)
        res.candidates = kept
        if kept:
            owner.setdefault(simplified_token(kept[0].zh), res)


def align_terms(
    corpus: AlignCorpus,
    terms: Sequence[tuple[str, str | None]],
    config: TermAlignConfig | None = None,
    known: Iterable[tuple[str, str, str]] = (),
    aligner: WordAligner | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[TermResult]:
    """Propose up to ``config.top`` Chinese equivalents for each ``(term, concept id)``.

    ``known`` gives the glossary's ``(concept id, English term, Chinese term)`` triples.
    Results come in the order of ``terms``.
    """
    cfg = config or TermAlignConfig()
    ta = TermAligner(corpus, aligner, cfg, known)
    # Rivals are judged on the full list; the top-K cut comes last.
    results = []
    for term, concept in terms:
        results.append(ta.align(term, concept))
        if progress is not None:
            progress(1)
    if cfg.competitive:
        competitive_linking(results, corpus, cfg.threshold)
    for res in results:
        decide(res, cfg)
    return results


def decide(res: TermResult, cfg: TermAlignConfig) -> None:
    """Keep the candidates above the threshold, or say why there is none.

    The best candidate must score at least ``threshold`` (``single_pair_threshold``
    for a term seen in one pair, where Dice tells nothing), and its best rival
    (a candidate that neither contains it nor is contained in it) must score
    less than ``ambiguity`` times as much: two unrelated spans that explain the
    term about as well mean the corpus does not tell which one translates it.

    A candidate contained in a better one is left out: it is a fragment of that
    span (安全 and 理事会 in 安全理事会 for *Security Council*), a translation of
    part of the term.

    A single Chinese character is no word: when the best candidate is one
    character and a longer candidate that contains it explains the term about as
    well (scores at least ``ambiguity`` times as much, and the threshold), the
    longer one is the proposal and the character its fragment (氢 in 氢氟碳化合物
    for *hydrofluorocarbons*, 南 in 南苏丹 for *South Sudan*).
    """
    cands = res.candidates
    if not cands:
        return
    best = cands[0]
    threshold = max(cfg.single_pair_threshold, cfg.threshold) if res.frequency == 1 else cfg.threshold
    if best.score < threshold:
        once = " (seen in one pair)" if res.frequency == 1 else ""
        res.reason = f"no candidate: best span {best.zh} scores {best.score:.2f} < {threshold:.2f}{once}"
        res.candidates = []
        return
    if len(best.zh) == 1:
        whole = next(
            (
                c
                for c in cands[1:]
                if _within(best.zh, c.zh) and c.score >= max(cfg.ambiguity * best.score, threshold)
            ),
            None,
        )
        if whole is not None:
            cands = [whole, *(c for c in cands if c is not whole)]
            best = whole
    rival = next((c for c in cands[1:] if not _within(c.zh, best.zh) and not _within(best.zh, c.zh)), None)
    if rival is not None and rival.score >= cfg.ambiguity * best.score:
        res.reason = (
            f"no candidate: ambiguous between {best.zh} ({best.score:.2f}) and {rival.zh} ({rival.score:.2f})"
        )
        res.candidates = []
        return
    kept: list[Candidate] = []
    for c in cands:
        if c.score < threshold or len(kept) == cfg.top:
            break
        if any(_within(c.zh, k.zh) for k in kept):
            continue  # a fragment of a better candidate (安全 in 安全理事会) translates part of the term
        kept.append(c)
    res.candidates = kept


# --------------------------------------------------------------------------
# Inputs


def read_term_list(path: str) -> list[str]:
    """English terms, one per line (``#`` starts a comment line; duplicates dropped)."""
    from ..textio import read_lines

    out: list[str] = []
    seen: set[str] = set()
    for line in read_lines(path):
        term = line.strip()
        if not term or term.startswith("#"):
            continue
        key = term.casefold()
        if key not in seen:
            seen.add(key)
            out.append(term)
    return out


def glossary_inputs(
    glossary: Glossary, script: str = langtags.SIMPLIFIED
) -> tuple[list[tuple[str, str | None]], list[tuple[str, str, str]]]:
    """From a glossary: the terms to align (concepts with an English term and no
    Chinese term in ``script``, that of the bitext's Chinese side (:func:`bitext_script`),
    under any Chinese tag: their preferred English term) and the known ``(concept,
    English, Chinese)`` triples of the Chinese terms, in either script.  A concept whose
    only Chinese term is Traditional (zh-Hant, zh-TW) has no zh-CN term, which the
    exports and ``check`` need: it is aligned on a Simplified bitext."""
    targets: list[tuple[str, str | None]] = []
    known: list[tuple[str, str, str]] = []
    for concept in glossary:
        en_terms = concept.terms_in(EN)
        en = concept.preferred(EN) or (en_terms[0] if en_terms else None)
        if en is None:
            continue
        # (a term still under review, or rejected, is no Chinese term yet; one a reviewer
        # approved is, as is one without a review mark)
        zh_terms = [
            (found, t) for found, t in _chinese_terms(concept) if t.review in (None, ReviewStatus.APPROVED)
        ]
        for _, z in zh_terms:
            for e in en_terms:
                known.append((concept.id, e.text, z.text))
        if not any(found == script for found, _ in zh_terms):
            targets.append((en.text, concept.id))
    return targets, known


def bitext_script(texts: Iterable[str], sample: int = 2000) -> str:
    """The script of a bitext's Chinese side, from the text of (the first ``sample``)
    of its pairs, both sides (English has no Han character): :data:`langtags.TRADITIONAL`
    when a tenth or more of their Han characters are Traditional
    (:func:`termkit.chinese.is_traditional`, as lint tells a text's), else Simplified.

    >>> bitext_script(["Rain Plan\t雨露計劃", "village\t村"]), bitext_script(["Rain Plan\t雨露计划"])
    ('Hant', 'Hans')
    """
    from ..chinese import is_traditional

    return langtags.TRADITIONAL if is_traditional("".join(islice(texts, sample))) else langtags.SIMPLIFIED


def _chinese_terms(concept: Concept) -> Iterator[tuple[str, Term]]:
    """The Chinese terms of ``concept``, each with its script (:func:`langtags.chinese_script`)."""
    for tag, terms in concept.terms.items():
        for t in terms:
            found = langtags.chinese_script(tag, t.text)
            if found is not None:
                yield found, t


def simplified_terms(glossary: Glossary) -> list[str]:
    """The glossary's Simplified Chinese terms (zh-CN, zh-Hans, zh-SG, a bare ``zh`` one
    in Simplified characters...) that a reviewer accepted (or that carry no review
    mark, as :func:`glossary_inputs` takes them): loaded into jieba."""
    return _terms_in(glossary, langtags.SIMPLIFIED)


def traditional_terms(glossary: Glossary) -> list[str]:
    """The glossary's Traditional Chinese terms (zh-Hant, zh-TW, zh-HK, zh-MO, a bare
    ``zh`` one in Traditional characters) that a reviewer accepted (or that carry no
    review mark, as :func:`glossary_inputs` takes them): loaded into jieba for the
    sentences in Traditional characters."""
    return _terms_in(glossary, langtags.TRADITIONAL)


def _terms_in(glossary: Glossary, script: str) -> list[str]:
    return [
        t.text
        for concept in glossary
        for found, t in _chinese_terms(concept)
        if found == script and t.review in (None, ReviewStatus.APPROVED)
    ]
