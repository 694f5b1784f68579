"""IBM Model 1 word alignment, trained in both directions with numpy.

Model 1 says that each target word was produced by one source word (or by NULL),
chosen uniformly, and translated with probability ``t(target | source)``.  EM
estimates ``t`` from sentence pairs alone.  The implementation keeps every
(pair, target position, source position) link of the training corpus in flat
arrays, ordered by pair, then target position, then source position:

* ``cid``: the index of the link's (source word, target word) combination in the
  sorted table of combinations that co-occur somewhere (the only ``t`` values
  that can be non-zero);
* ``grp``: the target position the link belongs to (the E-step normalises over it).

One EM iteration is then four vectorised operations (gather, bincount, divide,
bincount), so that 100,000 sentence pairs train in seconds.  Pairs longer than
``max_links`` links are left out of training (they cost quadratic memory and say
little about single words).

:class:`WordAligner` trains English->Chinese and Chinese->English models on the
token ids of an :class:`~termkit.align.corpus.AlignCorpus` and gives, for a pair,
the link posteriors of both directions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .corpus import AlignCorpus
from .tokens import is_punct

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

NULL = 0
#: Moore's add-n smoothing of t (see :func:`train_model1`).
SMOOTHING = 0.0
#: Pairs with more links than this (source x target words) are not used in training.
MAX_LINKS = 6000


@dataclass
class TTable:
    """Translation probabilities ``t(tgt | src)`` for co-occurring word ids."""

    keys: IntArray  # sorted src * n_tgt + tgt
    probs: FloatArray
    n_tgt: int
    #: ``t`` of a target word never seen with the source word (smoothing), per source id.
    unseen: FloatArray

    def lookup(self, src: IntArray, tgt: IntArray) -> FloatArray:
        """A ``len(tgt) x len(src)`` matrix of ``t(tgt[j] | src[i])``."""
        keys = (src[None, :] * self.n_tgt + tgt[:, None]).ravel()
        if len(self.keys) == 0:
            return np.zeros((len(tgt), len(src)))
        pos = np.searchsorted(self.keys, keys)
        pos[pos >= len(self.keys)] = 0
        found = self.keys[pos] == keys
        default = (
            self.unseen[np.broadcast_to(src[None, :], (len(tgt), len(src))).ravel()]
            if len(self.unseen)
            else 0.0
        )
        vals = np.where(found, self.probs[pos], default)
        return vals.reshape(len(tgt), len(src))


@dataclass
class LinkPosteriors:
    """Final E-step posteriors of the training pairs, flat (float32).

    Pair ``k`` of the training list has ``len(tgt[k]) x len(src[k])`` links from
    ``offsets[k]`` (rows: target positions; columns: source positions, NULL first);
    ``offsets[k]`` is -1 for a pair left out of training.
    """

    values: npt.NDArray[np.float32]
    offsets: IntArray


def train_model1(
    src: Sequence[IntArray],
    tgt: Sequence[IntArray],
    n_src: int,
    n_tgt: int,
    iterations: int = 5,
    smoothing: float = SMOOTHING,
) -> tuple[TTable, LinkPosteriors]:
    """Train ``t(tgt | src)`` by EM.  Each ``src[k]`` already starts with the NULL word (id 0).

    ``smoothing`` is Moore's (2004) add-n: ``t = (count + n) / (total + n * n_tgt)``,
    which keeps rare source words from absorbing every rare target word they meet
    ("garbage collection").
    """
    keep = [k for k in range(len(src)) if 0 < len(src[k]) * len(tgt[k]) <= MAX_LINKS]
    offsets = np.full(len(src), -1, dtype=np.int64)
    if not keep:
        return (
            TTable(np.zeros(0, np.int64), np.zeros(0, np.float64), n_tgt, np.zeros(0)),
            LinkPosteriors(np.zeros(0, np.float32), offsets),
        )
    le = np.array([len(src[k]) for k in keep], dtype=np.int64)
    lt = np.array([len(tgt[k]) for k in keep], dtype=np.int64)
    src_flat = np.concatenate([src[k] for k in keep]).astype(np.int64)
    tgt_flat = np.concatenate([tgt[k] for k in keep]).astype(np.int64)
    src_off = np.concatenate(([0], np.cumsum(le)[:-1]))
    # One group per target position; each group has as many links as its pair has source words.
    pair_of_group = np.repeat(np.arange(len(keep)), lt)
    sizes = le[pair_of_group]
    n_links = int(sizes.sum())
    grp = np.repeat(np.arange(len(tgt_flat), dtype=np.int64), sizes)
    group_start = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    within = np.arange(n_links, dtype=np.int64) - np.repeat(group_start, sizes)
    s_ids = src_flat[np.repeat(src_off[pair_of_group], sizes) + within]
    t_ids = tgt_flat[grp]
    del within, pair_of_group, group_start
    keys = s_ids * n_tgt + t_ids
    del s_ids, t_ids
    uniq, cid = np.unique(keys, return_inverse=True)
    del keys
    cid = cid.astype(np.int32)
    grp32 = grp.astype(np.int32)
    del grp
    src_of_uniq = uniq // n_tgt
    # Uniform start: every co-occurring combination gets the same weight.
    probs = np.ones(len(uniq), dtype=np.float64)
    for _ in range(iterations):
        p = probs[cid]
        denom = np.bincount(grp32, weights=p, minlength=len(tgt_flat))
        p /= denom[grp32]
        counts = np.bincount(cid, weights=p, minlength=len(uniq))
        totals = np.bincount(src_of_uniq, weights=counts, minlength=n_src) + smoothing * n_tgt
        probs = (counts + smoothing) / totals[src_of_uniq]
    unseen = smoothing / np.maximum(totals, 1e-300)
    p = probs[cid]
    denom = np.bincount(grp32, weights=p, minlength=len(tgt_flat))
    post = (p / denom[grp32]).astype(np.float32)
    sizes_pair = le * lt
    offsets[keep] = np.concatenate(([0], np.cumsum(sizes_pair)[:-1]))
    return TTable(uniq, probs, n_tgt, unseen), LinkPosteriors(post, offsets)


class WordAligner:
    """English<->Chinese Model 1 over the tokens of an :class:`AlignCorpus`."""

    def __init__(
        self,
        corpus: AlignCorpus,
        iterations: int = 5,
        max_pairs: int | None = None,
        smoothing: float = SMOOTHING,
        smoothing_rev: float | None = None,
    ) -> None:
        self.corpus = corpus
        self.en_vocab: dict[str, int] = {"<null>": NULL}
        self.zh_vocab: dict[str, int] = {"<null>": NULL}
        self._en_ids: list[IntArray] = []
        self._zh_ids: list[IntArray] = []
        self._zh_pos: list[IntArray] = []
        for stems, toks in zip(corpus.en, corpus.zh_simple, strict=True):
            self._en_ids.append(
                np.array([self.en_vocab.setdefault(s, len(self.en_vocab)) for s in stems], dtype=np.int64)
            )
            pos = [j for j, t in enumerate(toks) if not is_punct(t)]
            self._zh_pos.append(np.array(pos, dtype=np.int64))
            self._zh_ids.append(
                np.array([self.zh_vocab.setdefault(toks[j], len(self.zh_vocab)) for j in pos], dtype=np.int64)
            )
        n = len(corpus)
        chosen = range(n) if max_pairs is None or n <= max_pairs else _spread(n, max_pairs)
        null = np.array([NULL], dtype=np.int64)
        en_src = [np.concatenate((null, self._en_ids[k])) for k in chosen]
        zh_src = [np.concatenate((null, self._zh_ids[k])) for k in chosen]
        zh_tgt = [self._zh_ids[k] for k in chosen]
        en_tgt = [self._en_ids[k] for k in chosen]
        nz, ne = len(self.zh_vocab), len(self.en_vocab)
        #: t(zh | en) and t(en | zh), and the final link posteriors of the training pairs.
        self.zh_given_en, self._post_z = train_model1(en_src, zh_tgt, ne, nz, iterations, smoothing)
        self.en_given_zh, self._post_e = train_model1(
            zh_src, en_tgt, nz, ne, iterations, smoothing if smoothing_rev is None else smoothing_rev
        )
        #: corpus pair -> index in the training lists (-1: not trained on).
        self._train_index = np.full(n, -1, dtype=np.int64)
        self._train_index[list(chosen)] = np.arange(len(en_src))

    def posteriors(self, k: int) -> tuple[FloatArray, FloatArray]:
        """Link posteriors of pair ``k``.

        Returns ``(Z, E)``: ``Z[j, i]`` is the probability that Chinese token ``j``
        was produced by English word ``i`` (English->Chinese model; rows of
        punctuation tokens are 0); ``E[i, j]`` is the probability that English word
        ``i`` was produced by Chinese token ``j`` (Chinese->English model).  NULL
        links are not shown, so rows sum to at most 1.
        """
        en = self._en_ids[k]
        zh = self._zh_ids[k]
        pos = self._zh_pos[k]
        n_tok = len(self.corpus.zh[k])
        z_full = np.zeros((n_tok, len(en)))
        e_full = np.zeros((len(en), n_tok))
        if len(en) == 0 or len(zh) == 0:
            return z_full, e_full
        t = int(self._train_index[k])
        oz = int(self._post_z.offsets[t]) if t >= 0 else -1
        oe = int(self._post_e.offsets[t]) if t >= 0 else -1
        n_en, n_zh = len(en), len(zh)
        tz: FloatArray
        te: FloatArray
        if oz >= 0:
            tz = self._post_z.values[oz : oz + n_zh * (n_en + 1)].reshape(n_zh, n_en + 1).astype(np.float64)
        else:
            null = np.array([NULL], dtype=np.int64)
            tz = self.zh_given_en.lookup(np.concatenate((null, en)), zh)  # J x (I+1)
            tz /= np.maximum(tz.sum(axis=1, keepdims=True), 1e-300)
        z_full[pos, :] = tz[:, 1:]
        if oe >= 0:
            te = self._post_e.values[oe : oe + n_en * (n_zh + 1)].reshape(n_en, n_zh + 1).astype(np.float64)
        else:
            null = np.array([NULL], dtype=np.int64)
            te = self.en_given_zh.lookup(np.concatenate((null, zh)), en)  # I x (J+1)
            te /= np.maximum(te.sum(axis=1, keepdims=True), 1e-300)
        e_full[:, pos] = te[:, 1:]
        return z_full, e_full


def _spread(n: int, k: int) -> list[int]:
    """``k`` indices spread evenly over ``range(n)`` (deterministic)."""
    step = n / k
    return [int(i * step) for i in range(k)]
