"""Sentence splitting for English and Chinese, and sentence alignment of two documents.

Splitting
---------
* English: a sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or
  brackets after it) followed by white space and a capital letter, a digit, or an
  opening quote/bracket -- except after a known abbreviation (``Mr.``, ``e.g.``,
  ``No.``, ``U.S.``...), a single initial (``J. Smith``), or a heading number
  (``1.``, ``2.3.``) at the start of a line.  Decimals (``3.5``) never split
  since no space follows the point.
* Chinese: a sentence ends at ``。！？；…`` (or ASCII ``!?;``), with any closing
  quotes and brackets after it (``。”``).

Paragraphs are lines; when a document has blank lines, paragraphs are the blocks
between blank lines, and the lines of a block are joined.

Alignment
---------
Dynamic programming over the two sentence sequences (Gale & Church 1993) with
links 1-1, 1-2, 2-1, 1-0, 0-1 and 2-2.  The cost of a link is

* a length cost: Chinese length (characters, spaces excluded) against English
  length times :data:`ZH_PER_EN_CHAR`, as a normal deviate with variance
  :data:`VARIANCE` per English character (calibrated on UN and NTREX, see
  ``bench/calibrate_sentences.py``);
* the prior of the link type (:data:`PRIORS`);
* an anchor cost: numbers (``2,019`` = ``2019``; full-width digits; ``25%``),
  years and section numbers that occur on one side and not on the other make a
  link more expensive, shared ones cheaper; so do the glossary's terms.

The search is confined to a band around the diagonal (widened automatically when
the best path touches its edge), so 5,000 sentences align in seconds.  When the
two documents have the same number of paragraphs, paragraphs are aligned 1-1 and
sentences are aligned within each paragraph; otherwise paragraphs are aligned
first by the same method, then sentences within linked paragraphs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from ..chinese import has_han, is_traditional
from ..textio import lf_text
from .tokens import en_stems, words

FloatArray = npt.NDArray[np.float64]

# --------------------------------------------------------------------------
# Splitting

#: Abbreviations after which a full stop does not end an English sentence (lower case, no dot).
ABBREVIATIONS = frozenset(
    words(
        """mr mrs ms dr prof sr jr st mt ft no nos art arts para paras sect sec ch chap fig figs vol vols pp p
    op cit ibid et al e.g i.e cf vs viz approx ca inc ltd co corp bros dept est gov govt gen col lt sgt capt
    cmdr adm rep sen hon rev pres jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n a.m p.m
    ph.d b.a m.a no. rd ave blvd"""
    )
)

_EN_BOUNDARY = re.compile(r"""[.!?]+["'’”)\]]*(?=\s+["'‘“(\[]?[A-Z0-9])""")
_HEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Za-z])\.$")
_ZH_BOUNDARY = re.compile(
    r"""(?:[。！？；!?;]|…+|\.{3,}|(?<=[\u4e00-\u9fff”’"）)])\.(?![\d.]))+[”’」』）)》〉"'\]]*"""
)


def split_english(text: str) -> list[str]:
    """The sentences of one English paragraph."""
    text = text.strip()
    if not text:
        return []
    out: list[str] = []
    start = 0
    for m in _EN_BOUNDARY.finditer(text):
        end = m.end()
        if m.group().startswith(".") and not _ends_sentence(text, start, m.start()):
            continue
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def _ends_sentence(text: str, start: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends a sentence (not an abbreviation or heading number)."""
    before = text[start:dot]
    word = before.rsplit(None, 1)[-1] if before.split() else ""
    bare = word.lstrip("\"'‘“([").lower()
    if not bare:
        return True
    if bare in ABBREVIATIONS or bare.rstrip(".") in ABBREVIATIONS:
        return False
    if len(bare) == 1 and bare.isalpha() and word[-1:].isupper():
        return False  # an initial: J. Smith
    if "." in bare and all(len(p) <= 2 for p in bare.split(".")):
        return False  # U.S.A., e.g.
    # A heading number at the start of the paragraph: "1." / "2.3." / "IV."
    return not (not before[: len(before) - len(word)].strip() and _HEADING_NUMBER.match(word + "."))


def split_chinese(text: str) -> list[str]:
    """The sentences of one Chinese paragraph."""
    text = text.strip()
    if not text:
        return []
    out: list[str] = []
    start = 0
    for m in _ZH_BOUNDARY.finditer(text):
        piece = text[start : m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        if out and not has_han(rest) and not any(ch.isalnum() for ch in rest):
            out[-1] += rest  # stray closing punctuation
        else:
            out.append(rest)
    return out


def paragraphs(text: str, joiner: str = " ") -> list[str]:
    """Paragraphs of a document: blocks between blank lines if there are any, else lines."""
    lines = lf_text(text).split("\n")
    if any(not ln.strip() for ln in lines[:-1]) and sum(1 for ln in lines if ln.strip()) > 1:
        blocks: list[list[str]] = [[]]
        for ln in lines:
            if ln.strip():
                blocks[-1].append(ln.strip())
            elif blocks[-1]:
                blocks.append([])
        has_blank_structure = any(len(b) > 1 for b in blocks)
        if has_blank_structure:
            return [joiner.join(b) for b in blocks if b]
    return [ln.strip() for ln in lines if ln.strip()]


# --------------------------------------------------------------------------
# Length model and anchors

#: Chinese characters per English character (non-space), and the variance of
#: the difference per English character: calibrated on un-v1.0-dev and ntrex128.
ZH_PER_EN_CHAR = 0.336
VARIANCE = 0.97
#: Documents with at least this many characters on each side use their own
#: Chinese/English length ratio instead of ZH_PER_EN_CHAR (news has more Latin
#: names in the Chinese text than UN documents: 0.40 against 0.31).
SELF_CALIBRATE_CHARS = 300
#: Prior probabilities of the link types (Gale & Church's, with more 1-2/2-1
#: since Chinese splits at semicolons where English does not).
PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.85,
    (1, 2): 0.05,
    (2, 1): 0.05,
    (1, 0): 0.01,
    (0, 1): 0.01,
    (2, 2): 0.01,
    (1, 3): 0.01,
    (3, 1): 0.01,
}
#: Cost of one anchor present on one side and missing on the other; and the
#: reward of one shared anchor.
ANCHOR_MISS = 1.2
ANCHOR_HIT = 2.0

_NUMBER = re.compile(r"\d+(?:[,，]\d{3})*(?:\.\d+)?")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_MONTHS = {
    m: i
    for i, m in enumerate(
        words("january february march april may june july august september october november december"), 1
    )
}
_ZH_MONTH = re.compile(r"(\d{1,2})\s*月")
_EN_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)


def numbers(text: str, chinese: bool = False) -> list[str]:
    """Numbers of a sentence, normalised (``2,019`` -> ``2019``), months as ``m5``."""
    text = text.translate(_FULLWIDTH)
    out = [n.replace(",", "").replace("，", "") for n in _NUMBER.findall(text)]
    out = [n[:-2] if n.endswith(".0") else n for n in out]
    if chinese:
        months = [m.group(1) for m in _ZH_MONTH.finditer(text)]
        for m in months:
            if m in out:
                out.remove(m)
            out.append(f"m{int(m)}")
    else:
        out.extend(f"m{_MONTHS[m.group(1).lower()]}" for m in _EN_MONTH.finditer(text))
    return out


def length(text: str) -> int:
    """Characters other than white space."""
    return len("".join(text.split()))  # split() splits at exactly the characters isspace() accepts


@dataclass
class _Side:
    lengths: list[int]
    anchors: list[list[str]]


@dataclass
class Link:
    """One alignment link: consecutive English and Chinese sentences (either may be empty)."""

    en: list[str]
    zh: list[str]
    cost: float = 0.0
    #: 0-based indexes of the sentences in the document.
    en_index: list[int] = field(default_factory=list)
    zh_index: list[int] = field(default_factory=list)
    paragraph: int = 0

    @property
    def kind(self) -> str:
        return f"{len(self.en)}-{len(self.zh)}"


@dataclass
class AlignerModel:
    """Parameters of the sentence aligner."""

    ratio: float = ZH_PER_EN_CHAR
    variance: float = VARIANCE
    priors: dict[tuple[int, int], float] = field(default_factory=lambda: dict(PRIORS))
    anchor_miss: float = ANCHOR_MISS
    anchor_hit: float = ANCHOR_HIT
    #: Glossary pairs (English stems, Chinese term) used as anchors: the Simplified terms.
    terms: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    #: The same of the Traditional terms, the anchors of a Chinese document written in
    #: Traditional characters (:meth:`for_chinese`).
    traditional_terms: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    band: int = 30
    #: Use the documents' own length ratio (see SELF_CALIBRATE_CHARS).
    self_calibrate: bool = True

    def with_terms(self, pairs: Iterable[tuple[str, str]]) -> AlignerModel:
        """The model with the glossary's ``(English, Simplified Chinese)`` term pairs as anchors."""
        self.terms = _anchor_terms(pairs)
        return self

    def with_traditional_terms(self, pairs: Iterable[tuple[str, str]]) -> AlignerModel:
        """The model with the glossary's ``(English, Traditional Chinese)`` term pairs as
        the anchors of a Traditional document, as written (a sentence is searched for
        them as it is, not converted)."""
        self.traditional_terms = _anchor_terms(pairs)
        return self

    def for_chinese(self, zh_text: str) -> AlignerModel:
        """The model for the Chinese document ``zh_text``: anchored on the Traditional
        terms when it is written in Traditional characters
        (:func:`~termkit.chinese.is_traditional`, as its memory is tagged zh-Hant) and
        the glossary has any, else on the Simplified ones.

        >>> m = AlignerModel().with_terms([("Rain Plan", "雨露计划")]).with_traditional_terms([("Rain Plan", "雨露計劃")])
        >>> m.for_chinese("雨露計劃培訓了窮人。").terms, m.for_chinese("雨露计划培训了穷人。").terms
        ([(('rain', 'plan'), '雨露計劃')], [(('rain', 'plan'), '雨露计划')])
        """
        if self.traditional_terms and is_traditional(zh_text[:200_000]):
            return replace(self, terms=self.traditional_terms)
        return self


def _anchor_terms(pairs: Iterable[tuple[str, str]]) -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(en_stems(en)), zh) for en, zh in pairs if en.strip() and zh.strip()]


def _len_cost(model: AlignerModel, le: int, lz: int) -> float:
    if le == 0 and lz == 0:
        return 0.0
    mean_e = max(le, 1)
    delta = (lz - model.ratio * le) / math.sqrt(model.variance * mean_e)
    # -log of the two-sided tail probability of a standard normal deviate.
    p = math.erfc(abs(delta) / math.sqrt(2.0))
    return -math.log(max(p, 1e-30))


def _anchor_cost(model: AlignerModel, ea: Sequence[str], za: Sequence[str]) -> float:
    if not ea and not za:
        return 0.0
    zleft = list(za)
    hits = 0
    for a in ea:
        if a in zleft:
            zleft.remove(a)
            hits += 1
    misses = (len(ea) - hits) + len(zleft)
    return model.anchor_miss * misses - model.anchor_hit * hits


def _side_en(sentences: Sequence[str], model: AlignerModel) -> _Side:
    anchors = []
    for s in sentences:
        a = numbers(s)
        if model.terms:
            stems = en_stems(s)
            joined = " " + " ".join(stems) + " "
            a.extend(f"t:{zh}" for st, zh in model.terms if " " + " ".join(st) + " " in joined)
        anchors.append(a)
    return _Side([length(s) for s in sentences], anchors)


def _side_zh(sentences: Sequence[str], model: AlignerModel) -> _Side:
    anchors = []
    for s in sentences:
        a = numbers(s, chinese=True)
        a.extend(f"t:{zh}" for _, zh in model.terms if zh in s)
        anchors.append(a)
    return _Side([length(s) for s in sentences], anchors)


#: Cost margin (nats) by which a block of extra lines inside the files must explain
#: them better than extra lines at the end before :func:`extra_lines_at` names it.
DIVERGENCE_MARGIN = 10.0


def extra_lines_at(
    en_lines: Sequence[str], zh_lines: Sequence[str], model: AlignerModel | None = None
) -> int | None:
    """Where the extra lines of the longer of two line-aligned texts most likely start.

    Assumes the ``d`` extra lines form one block: for every place ``k`` of the
    block, the cost is that of pairing the lines before it one to one and the
    lines after it shifted by ``d`` (the length and number costs of 1-1 links);
    the cheapest ``k`` wins, in O(lines).  Returns the 0-based index in the longer
    text of the first extra line, or None when the counts are equal or the block
    does not beat "extra lines at the end" by :data:`DIVERGENCE_MARGIN`.
    """
    model = model or AlignerModel()
    d = abs(len(en_lines) - len(zh_lines))
    if d == 0:
        return None
    en, zh = _side_en(en_lines, model), _side_zh(zh_lines, model)
    total_e, total_z = sum(en.lengths), sum(zh.lengths)
    if model.self_calibrate and min(total_e, total_z) >= SELF_CALIBRATE_CHARS:
        model = replace(model, ratio=total_z * len(en_lines) / (total_e * len(zh_lines)))
    n = min(len(en_lines), len(zh_lines))
    en_shift, zh_shift = (d, 0) if len(en_lines) > len(zh_lines) else (0, d)

    def cost(i: int, j: int) -> float:
        le, lz = en.lengths[i], zh.lengths[j]
        return _len_cost(model, le, lz) + _anchor_cost(model, en.anchors[i], zh.anchors[j])

    # before[k]: lines < k paired as they stand; after[k]: lines >= k paired shifted.
    before = [0.0]
    for i in range(n):
        before.append(before[-1] + cost(i, i))
    after = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        after[i] = after[i + 1] + cost(i + en_shift, i + zh_shift)
    best = min(range(n + 1), key=lambda k: (before[k] + after[k], -k))
    if best == n or before[n] - (before[best] + after[best]) < DIVERGENCE_MARGIN:
        return None
    return best


def align_sequences(
    en_units: Sequence[str], zh_units: Sequence[str], model: AlignerModel | None = None
) -> list[tuple[list[int], list[int], float]]:
    """Align two sequences of texts; returns ``(en indexes, zh indexes, cost)`` per link, in order."""
    model = model or AlignerModel()
    en = _side_en(en_units, model)
    zh = _side_zh(zh_units, model)
    n, m = len(en_units), len(zh_units)
    total_e, total_z = sum(en.lengths), sum(zh.lengths)
    if model.self_calibrate and min(total_e, total_z) >= SELF_CALIBRATE_CHARS:
        model = replace(model, ratio=total_z / total_e)
    if n == 0 or m == 0:
        return [([i], [], 0.0) for i in range(n)] + [([], [j], 0.0) for j in range(m)]
    band = model.band
    while True:
        path, touched = _dp(model, en, zh, band)
        if path and (not touched or band >= max(n, m)):
            return path
        band *= 2


def _diagonal(en: _Side, zh: _Side) -> list[int]:
    """For each English position, the Chinese position at the same share of the text length."""
    total_e = sum(en.lengths) or 1
    total_z = sum(zh.lengths) or 1
    cum_z = [0]
    for x in zh.lengths:
        cum_z.append(cum_z[-1] + x)
    out = []
    acc = 0
    j = 0
    for i in range(len(en.lengths) + 1):
        target = acc / total_e * total_z
        while j < len(zh.lengths) and cum_z[j + 1] <= target:
            j += 1
        out.append(j)
        if i < len(en.lengths):
            acc += en.lengths[i]
    out[-1] = len(zh.lengths)
    return out


def _neg_log_tail(z: FloatArray) -> FloatArray:
    """``-log P(|N(0,1)| > z)`` for ``z >= 0`` (Numerical Recipes' erfc, relative error < 1.2e-7)."""
    x = z / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.5 * x)
    poly = -1.26551223 + t * (
        1.00002368
        + t
        * (
            0.37409196
            + t
            * (
                0.09678418
                + t
                * (
                    -0.18628806
                    + t
                    * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))
                )
            )
        )
    )
    return x * x - poly - np.log(t)


def _dp(
    model: AlignerModel, en: _Side, zh: _Side, band: int
) -> tuple[list[tuple[list[int], list[int], float]], bool]:
    """Banded dynamic programming.

    The cost of every move into every cell of the band is computed first, one
    numpy operation per move type; the recurrence then runs row by row.
    Returns the path and whether it touched the edge of the band.
    """
    n, m = len(en.lengths), len(zh.lengths)
    moves = [(de, dz, -math.log(p)) for (de, dz), p in model.priors.items()]
    cum_e = np.concatenate(([0], np.cumsum(en.lengths))).astype(np.float64)
    cum_z = np.concatenate(([0], np.cumsum(zh.lengths))).astype(np.float64)
    cnt_e = np.concatenate(([0], np.cumsum([len(a) for a in en.anchors]))).astype(np.float64)
    cnt_z = np.concatenate(([0], np.cumsum([len(a) for a in zh.anchors]))).astype(np.float64)
    diag = _diagonal(en, zh)
    lo = np.array([max(0, diag[i] - band) for i in range(n + 1)])
    hi = np.array([min(m, diag[i] + band) for i in range(n + 1)])
    for i in range(1, n + 1):
        lo[i] = min(lo[i], hi[i - 1])
    for i in range(n - 1, -1, -1):
        hi[i] = max(hi[i], lo[i + 1])
    lo[0], hi[n] = 0, m
    width = int((hi - lo).max()) + 1
    rows = np.arange(n + 1)[:, None]
    cols = lo[:, None] + np.arange(width)[None, :]  # (n+1) x width
    hits = _shared_anchors(en, zh, lo, hi)
    valid = cols <= hi[:, None]
    colc = np.minimum(cols, m)
    # move_cost[k][i, x]: cost of move k ending in cell (i, lo[i] + x).
    move_cost = []
    for de, dz, prior in moves:
        pi = np.maximum(rows - de, 0)
        pj = np.clip(colc - dz, 0, m)
        le = cum_e[rows] - cum_e[pi]
        lz = cum_z[colc] - cum_z[pj]
        delta = np.abs(lz - model.ratio * le) / np.sqrt(model.variance * np.maximum(le, 1.0))
        c = prior + _neg_log_tail(delta)
        ne = cnt_e[rows] - cnt_e[pi]
        nz = cnt_z[colc] - cnt_z[pj]
        c = c + model.anchor_miss * (ne + nz)
        if de and dz:
            for (q, r), h in hits.items():
                for i in range(q + 1, min(q + de, n) + 1):
                    for j in range(r + 1, min(r + dz, m) + 1):
                        x = j - int(lo[i])
                        if 0 <= x < width and j <= hi[i]:
                            c[i, x] -= (2 * model.anchor_miss + model.anchor_hit) * h
        bad = ~valid | (rows < de) | (cols < dz)
        c[bad] = np.inf
        move_cost.append(c)
    cost = np.full((n + 1, width), np.inf)
    arg = np.full((n + 1, width), -1, dtype=np.int8)
    zero_one = next((k for k, (de, dz, _) in enumerate(moves) if de == 0 and dz == 1), -1)
    for i in range(n + 1):
        row = cost[i]
        if i == 0:
            row[0] = 0.0
        for k, (de, dz, _) in enumerate(moves):
            if de == 0 or de > i:
                continue
            p = i - de
            # previous cells: column j - dz in row p, i.e. index (lo[i] + x - dz) - lo[p]
            shift = int(lo[i]) - dz - int(lo[p])
            x0 = max(0, -shift)
            x1 = min(width, width - shift)
            if x1 <= x0:
                continue
            cand = np.full(width, np.inf)
            cand[x0:x1] = cost[p, x0 + shift : x1 + shift] + move_cost[k][i, x0:x1]
            better = cand < row
            row[better] = cand[better]
            arg[i][better] = k
        if zero_one >= 0:
            c01 = move_cost[zero_one][i]
            a_row = arg[i]
            for x in range(1, int(hi[i] - lo[i]) + 1):
                t = row[x - 1] + c01[x]
                if t < row[x]:
                    row[x] = t
                    a_row[x] = zero_one
    if not np.isfinite(cost[n, m - lo[n]]):
        return [], True
    path: list[tuple[list[int], list[int], float]] = []
    touched = False
    i, j = n, m
    while i > 0 or j > 0:
        x = j - int(lo[i])
        k = int(arg[i, x])
        de, dz, _ = moves[k]
        path.append((list(range(i - de, i)), list(range(j - dz, j)), float(move_cost[k][i, x])))
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            touched = True
        i, j = i - de, j - dz
    path.reverse()
    return path, touched


def _shared_anchors(
    en: _Side, zh: _Side, lo: npt.NDArray[np.int64], hi: npt.NDArray[np.int64], slack: int = 3
) -> dict[tuple[int, int], int]:
    """Anchors shared by English sentence ``q`` and Chinese sentence ``r`` near the band, sparse."""
    where: dict[str, list[tuple[int, int]]] = {}
    for r, anchors in enumerate(zh.anchors):
        for a, c in _counts(anchors).items():
            where.setdefault(a, []).append((r, c))
    out: dict[tuple[int, int], int] = {}
    for q, anchors in enumerate(en.anchors):
        if not anchors:
            continue
        rlo, rhi = int(lo[q + 1]) - slack, int(hi[q + 1]) + slack
        for a, c in _counts(anchors).items():
            for r, cz in where.get(a, ()):
                if rlo <= r <= rhi:
                    out[(q, r)] = out.get((q, r), 0) + min(c, cz)
    return out


def _counts(items: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for a in items:
        out[a] = out.get(a, 0) + 1
    return out


def _hits(ea: Sequence[str], za: Sequence[str]) -> int:
    left = list(za)
    hits = 0
    for a in ea:
        if a in left:
            left.remove(a)
            hits += 1
    return hits


def _length_cost_vec(le: float, lz: FloatArray, ratio: float, var: float) -> FloatArray:
    delta = np.abs(lz - ratio * le) / math.sqrt(var * max(le, 1.0))
    return _neg_log_tail(delta)


# --------------------------------------------------------------------------
# Documents


def align_documents(en_text: str, zh_text: str, model: AlignerModel | None = None) -> list[Link]:
    """Split both documents into paragraphs and sentences and align the sentences."""
    model = (model or AlignerModel()).for_chinese(zh_text)
    en_pars = paragraphs(en_text, " ")
    zh_pars = paragraphs(zh_text, "")
    en_sents = [split_english(p) for p in en_pars]
    zh_sents = [split_chinese(p) for p in zh_pars]
    if len(en_pars) == len(zh_pars):
        groups = [([k], [k]) for k in range(len(en_pars))]
    else:
        groups = [(e, z) for e, z, _ in align_sequences(en_pars, zh_pars, model)]
    links: list[Link] = []
    en_offsets = _offsets(en_sents)
    zh_offsets = _offsets(zh_sents)
    for g, (eps, zps) in enumerate(groups):
        es = [(en_offsets[p] + k, s) for p in eps for k, s in enumerate(en_sents[p])]
        zs = [(zh_offsets[p] + k, s) for p in zps for k, s in enumerate(zh_sents[p])]
        if not es or not zs:
            for idx, s in es:
                links.append(Link([s], [], 0.0, [idx], [], g))
            for idx, s in zs:
                links.append(Link([], [s], 0.0, [], [idx], g))
            continue
        for ei, zi, c in align_sequences([s for _, s in es], [s for _, s in zs], model):
            links.append(
                Link(
                    [es[k][1] for k in ei],
                    [zs[k][1] for k in zi],
                    c,
                    [es[k][0] for k in ei],
                    [zs[k][0] for k in zi],
                    g,
                )
            )
    return links


def _offsets(groups: Sequence[Sequence[str]]) -> list[int]:
    out, total = [], 0
    for g in groups:
        out.append(total)
        total += len(g)
    return out
