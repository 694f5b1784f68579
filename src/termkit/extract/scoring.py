"""Grouping variants, termhood, and the explainable score.

The score of a candidate is a sum of named parts (``--explain`` prints them):

``cvalue``
    log2(1 + C-value).  C-value (Frantzi, Ananiadou & Mima 2000) is the frequency of
    a candidate, minus the mean frequency of the longer candidates it is nested in,
    times log2(1 + its length in words): "poverty alleviation" nested in "industrial
    poverty alleviation" keeps only its free-standing uses.
``specificity``
    How rare the candidate's words are in general English (wordfreq Zipf values;
    an unknown word is rarest).  "desertification" is specific, "work" is not.
``dispersion``
    log2 of the number of paragraphs (lines) the candidate occurs in: a term runs
    through a text, a phrase repeated in one paragraph does not.
``layout``
    Evidence from typography: a 【heading】, a numbered section title, a quotation,
    a Title Case name, an acronym, an item of an enumeration ("solar power, wind
    energy and biomass energy").
``shape``
    Penalties for shapes that are seldom terms: a single common word, links inside
    ("and", "in", "by"), length beyond five words without a layout signal, a
    candidate made only of generic words.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any

from ..chinese import HAN, to_simplified
from .candidates import FORM_MARKS, LINE_BITS, LINE_MASK, SIGNAL_FORM, SIGNALS, Counts
from .chinese import LINK_WORDS as ZH_LINK_WORDS
from .chinese import NEGATIONS as ZH_NEGATIONS
from .chinese import pos_either_script
from .english import TITLE_LINKS
from .lexicon import (
    CONNECTORS,
    GENERIC_NOUNS,
    LIGHT_NOUNS,
    OTHER_FUNCTION_WORDS,
    ZH_GENERIC_NOUNS,
    frequencies_of,
    is_adjective,
    is_base_verb,
    is_gerund,
    is_past_participle,
    looks_adjectival,
    words,
    zipf,
)
from .variants import fold, key_words, singular, typo_pairs, unique

POSSESSIVE_ENDS = ("'s", "s'", "’s", "s’")

#: Weights of the layout signals.
LAYOUT_WEIGHTS = {
    "heading": 2.0,
    "numbered": 0.5,
    "quoted": 2.0,
    "title": 1.0,
    "acronym": 2.0,
    "listed": 0.75,
    "named": 0.0,
}
#: Signals that vouch for a phrase with links in it ("poverty alleviation by education").
STRONG_SIGNALS = frozenset({"heading", "quoted", "title", "acronym", "named"})
#: The layout part never exceeds this (a quoted Title Case heading is no surer).
LAYOUT_CAP = 2.5
#: A single word costs UNIGRAM_SLOPE per Zipf unit above UNIGRAM_RARE (a word that
#: rare is specific enough to be a term on its own); below UNIGRAM_ALONE it counts
#: inside longer candidates too.
UNIGRAM_SLOPE = 1.2
UNIGRAM_RARE = 2.5
UNIGRAM_ALONE = 3.5
#: Penalty of an acronym on its own (its expansion is the glossary entry).
ACRONYM_PENALTY = 2.0
#: Modifiers that place a thing in time, not in a class ("new", "current").
TIME_MODIFIERS = frozenset(
    {"new", "current", "future", "former", "next", "past", "old", "ongoing", "upcoming", "forthcoming"}
)
#: Modifiers of size, duration or scope: they grade a thing, they do not name a kind
#: of it ("*large-scale* poverty alleviation", "*long-term* vocational skills trainings").
SCOPE_MODIFIERS = words(
    """large-scale small-scale medium-scale full-scale long-term short-term medium-term
    mid-term large-sized medium-sized small-sized medium-and various relevant related
    overall certain specific main major further more greater better remarkable effective"""
)
#: Modifiers that never make a kind of thing: a candidate they start is a weak extension.
WEAK_MODIFIERS = TIME_MODIFIERS | SCOPE_MODIFIERS
#: Penalty of a possessive first word without layout evidence.
POSSESSIVE_FIRST = 1.0
#: Candidates seen at most this often and nested in one another at equal frequency
#: are one phrase cut in several ways (see _nesting).
FAMILY_MAX = 2
#: Largest number of candidate keys the scorer looks at (most frequent first).
POOL_LIMIT = 25_000
#: Above this many candidates, those seen once without a layout signal are dropped.
SMALL_POOL = 20_000


@dataclass
class Candidate:
    """One ranked candidate term, its variants grouped."""

    term: str
    key: str
    score: float
    frequency: int
    dispersion: int
    variants: list[str]
    locations: list[str]
    parts: dict[str, float] = field(default_factory=dict)
    signals: dict[str, int] = field(default_factory=dict)
    length: int = 1
    expansion: str | None = None
    acronym: str | None = None
    typos: list[str] = field(default_factory=list)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "term": self.term,
            "score": round(self.score, 4),
            "frequency": self.frequency,
            "dispersion": self.dispersion,
            "variants": self.variants,
            "locations": self.locations,
        }
        if self.expansion:
            d["expansion"] = self.expansion
        if self.acronym:
            d["acronym"] = self.acronym
        if explain:
            # (+ 0.0: a part that is zero is never printed as -0.0)
            d["parts"] = {k: round(float(v), 4) + 0.0 for k, v in self.parts.items()}
            d["signals"] = dict(self.signals)
        return d


@dataclass
class _Group:
    key: str
    keys: list[str] = field(default_factory=list)
    freq: int = 0
    df: int = 0
    locs: list[int] = field(default_factory=list)
    signals: dict[str, int] = field(default_factory=dict)
    typos: list[str] = field(default_factory=list)
    words: tuple[str, ...] = ()


@functools.lru_cache(maxsize=200_000)
def word_rarity(word: str) -> float:
    """0 (very common) .. 6 (unknown to general English).

    A plural is as rare as its singular, a possessive as its noun: "trainings",
    "talents" and "farmer's" are rare spellings of common words, not specific ones.
    """
    if word.endswith(("'s", "s'")) and len(word) > 3:
        word = word[:-2] if word.endswith("'s") else word[:-1]  # as rare as the noun
    z = zipf(word)
    one = singular(word)
    if one != word and len(one) > 2:
        z = max(z, zipf(one))
    return max(0.0, min(6.0, 6.0 - z))


def rank(counts: Counts, min_freq: int = 1, lang: str = "en") -> list[Candidate]:
    """Group, score and sort every candidate of ``counts``, best first."""
    freq = counts.freq
    tokens_of: Callable[[str], list[str]] = _split
    if lang == "en":
        content_words: Callable[[list[str]], list[str]] = _english_words
        rarity: Callable[[str], float] = word_rarity
    else:
        content_words = _chinese_words
    signalled = set().union(*(set(c) for c in counts.signals.values()))
    pool, ordered = _pool(counts, min_freq, lang, signalled)
    #: the tokens of each key, split once
    split: dict[str, list[str]] = {k: k.split(" ") for k in pool}
    tokens_of = split.__getitem__
    through: Callable[[list[str]], list[str]] | None = None
    if lang != "en":
        tokens = itertools.chain.from_iterable(split.values())
        rarity = chinese_rarities(itertools.chain(tokens, *counts.parts.values())).__getitem__
        if counts.parts:
            through = _seen_through(counts.parts, split.values(), counts.traditional)
    groups, group_of, token_words = _groups(ordered, split, counts, signalled, lang)
    if lang == "en":
        _merge_typos(groups, group_of, counts, token_words)
    # a group's variants may share lines ("Rain Plan ... rain plan" in one line), and
    # an English key's count of lines is an upper bound (see docs/extract.md): no
    # group is in more lines than the input has
    if counts.lines:
        for g in groups.values():
            if g.df > counts.lines:
                g.df = counts.lines
    supers = _supers(pool, split, group_of, freq)

    surfaces = surface_index(counts)
    out: list[Candidate] = []
    own_freq: dict[str, float] = {}
    sources = counts.sources
    names: dict[int, str] = {}  # location -> "SOURCE:LINE" (candidates share lines)
    for gk, g in groups.items():
        keys = g.keys
        best = keys[0] if len(keys) == 1 else max(keys, key=lambda k: (k not in g.typos, freq[k], -len(k), k))
        toks = tokens_of(best)
        words = content_words(toks)
        if lang == "en" and len(toks) > 3 and _full_name(toks, best, counts):
            g.signals["named"] = 1
        own = float(g.freq)
        if len(toks) == 1 and lang == "en" and "acronym" not in g.signals:
            # a single word counts only where it stands alone (an acronym counts
            # everywhere: "ADB" in "ADB loans" is the name of the bank)
            # (a word rare in general English also where it heads a longer phrase:
            # "control of desertification")
            alone = counts.heads if rarity(toks[0]) >= 6.0 - UNIGRAM_ALONE else counts.alone
            own = min(own, float(sum(alone.get(k, 0) for k in g.keys)))
        own_freq[gk] = own
        # (a glossary word that jieba does not list is as rare as its parts in a longer
        # candidate: 提及安全理事会 is as rare loaded as cut, 提及/安全/理事会)
        rar = list(map(rarity, words if through is None or len(words) < 2 else through(words))) or [0.0]
        parts: dict[str, float] = {
            "cvalue": _cvalue(len(words), own),
            "specificity": 0.6 * sum(rar) / len(rar),
            "dispersion": 0.3 * math.log2(g.df if g.df > 1 else 1),  # (max(1, g.df))
            "layout": _layout(g.signals),
        }
        if len(keys) == 1 and best not in surfaces:
            term, variants = best, [best]  # (what _forms gives a key with no other form)
        else:
            term, variants = _forms(g, counts, surfaces)
        strong = not STRONG_SIGNALS.isdisjoint(g.signals)
        if lang == "en":
            parts["shape"] = _shape(
                toks,
                words,
                rar,
                bool(g.signals),
                counts,
                g.freq,
                strong=strong or ("numbered" in g.signals and _title_surface(term)),
            )
        else:
            parts["shape"] = _zh_shape(toks, rar, counts, strong)
        term, variants = _display(term, variants, lang)
        cand = Candidate(
            term,
            gk,
            sum(parts.values()),
            g.freq,
            g.df,
            variants,
            _locations(g.locs, sources, names),
            parts=parts,
            signals=dict(g.signals),
            length=len(words) or len(toks),
            typos=g.typos,
        )
        out.append(cand)
    bond = english_bond(counts) if lang == "en" else _zh_bond(counts)
    glued = _glued(counts) if lang == "en" else None
    verbal = _verbal(counts) if lang == "en" else None
    # Chinese: a group's Simplified form (Traditional and Simplified stay two
    # candidates, but are one longer term to what they contain)
    same_term = None
    if lang != "en" and counts.traditional:
        same_term = {k: v for k, v in _simplified_forms([c.key for c in out]).items() if k != v} or None
    # Chinese: a phrase of the longest length that the text nearly always goes on past
    # is a piece of a longer one (进入尼科西亚飞行情报 + 区)
    pieces = None if lang == "en" else _pieces(groups, group_of, counts)
    _nesting(out, supers, own_freq, bond, tokens_of, glued, verbal, same_term, pieces, lang == "en")
    if lang == "en":
        _extensions(out, supers, tokens_of)
    _sort_best_first(out)
    if lang == "en":
        _link_acronyms(out, counts)
    return out


def _sort_best_first(cands: list[Candidate]) -> None:
    """Sort by score, then frequency (both highest first), then term: three stable sorts
    on one attribute each (no tuple and no Python call per candidate)."""
    cands.sort(key=attrgetter("term"))
    cands.sort(key=attrgetter("frequency"), reverse=True)
    cands.sort(key=attrgetter("score"), reverse=True)


def _groups(
    ordered: list[str], split: Mapping[str, list[str]], counts: Counts, signalled: set[str], lang: str
) -> tuple[dict[str, _Group], dict[str, str], dict[str, tuple[str, ...]]]:
    """The keys (``ordered``: sorted) grouped, each group's key, and the normalised words
    of each English token.

    An English group holds the keys of the same normalised words; a Chinese one the
    keys of the same text, the token spaces left out.  Traditional and Simplified forms
    stay apart (two candidates): a text in one script gives terms in that script.
    """
    freq, df, locs = counts.freq, counts.df, counts.locs
    groups: dict[str, _Group] = {}
    group_of: dict[str, str] = {}
    # the normalised words of a key are those of its tokens (no normalisation crosses
    # a space), each token's computed once
    token_words: dict[str, tuple[str, ...]] = {}
    for k in ordered:
        kw: tuple[str, ...] = ()
        if lang == "en":
            for t in split[k]:
                got = token_words.get(t)
                if got is None:
                    got = token_words[t] = tuple(key_words(t))
                kw += got
            gk = "".join(kw)
        else:
            gk = k.replace(" ", "")
        g = groups.get(gk)
        if g is None:
            # (key, keys, freq, df, locs, signals, typos, words: a call without keywords)
            g = groups[gk] = _Group(gk, [k], freq[k], df.get(k, 0), list(locs.get(k, ())), {}, [], kw)
        else:
            g.keys.append(k)
            g.freq += freq[k]
            g.df += df.get(k, 0)
            g.locs.extend(locs.get(k, ()))
        if k in signalled:  # (a key no signal marks has nothing to add)
            for s in SIGNALS:
                n = counts.signals[s].get(k, 0)
                if n:
                    g.signals[s] = g.signals.get(s, 0) + n
        group_of[k] = gk
    return groups, group_of, token_words


def _supers(
    pool: list[str], split: Mapping[str, list[str]], group_of: Mapping[str, str], freq: Mapping[str, int]
) -> dict[str, list[Super]]:
    """Nesting: for each group, the longer keys that contain one of its keys, in the
    order of ``pool``: (their group, frequency, key, position, length)."""
    supers: dict[str, list[Super]] = defaultdict(list)
    for b in pool:
        toks = split[b]
        n = len(toks)
        if n < 2:
            continue
        gb = group_of[b]
        fb = freq[b]
        # (a piece can be met twice only in a key that repeats a token: "A B A")
        seen: set[str] | None = set() if len(set(toks)) < n else None
        for length in range(1, n):
            for i in range(0, n - length + 1):
                s = toks[i] if length == 1 else " ".join(toks[i : i + length])
                gs = group_of.get(s)  # (None: no key of the pool)
                if gs is None:
                    continue
                if seen is not None:
                    if s in seen:
                        continue
                    seen.add(s)
                if gs != gb:
                    supers[gs].append((gb, fb, b, i, length))
    return supers


def _layout(signals: Mapping[str, int]) -> float:
    """The layout part of the score (0, an int as the sum of no weights, without signals)."""
    if not signals:
        return 0
    layout = sum(LAYOUT_WEIGHTS[s] for s in signals)
    if "title" in signals and "acronym" in signals:
        layout -= LAYOUT_WEIGHTS["title"]
    return min(LAYOUT_CAP, layout)


def _display(term: str, variants: list[str], lang: str) -> tuple[str, list[str]]:
    """A candidate's term and variants as shown: a no-break space (inside a fixed
    expression) shown as a space in English; in Chinese, no token spaces."""
    if lang == "en":
        if "\u00a0" in term + "".join(variants):
            return term.replace("\u00a0", " "), unique(v.replace("\u00a0", " ") for v in variants)
        return term, variants
    term = term.replace(" ", "")
    return term, [term] if len(variants) == 1 else unique(v.replace(" ", "") for v in variants)


def _pool(counts: Counts, min_freq: int, lang: str, signalled: set[str]) -> tuple[list[str], list[str]]:
    """The keys the ranking looks at: most frequent (times tokens) first, and sorted."""
    freq = counts.freq
    pool = [k for k, n in freq.items() if n >= min_freq or k in signalled]
    # a single token (no space in the key) is no generic English noun, no lone character
    if lang == "en":
        generic = GENERIC_NOUNS
        pool = [k for k in pool if " " in k or (len(k) >= 2 and k not in generic)]
    else:
        single = [k for k in pool if " " not in k]
        if len(pool) - len(single) > SMALL_POOL:
            # (the pool stays above SMALL_POOL: a single word seen once goes below anyway)
            single = [k for k in single if freq[k] >= 2 or k in signalled]
        simple = _simplified_forms(single)
        zh_generic = ZH_GENERIC_NOUNS
        pool = [k for k in pool if " " in k or (len(k) > 1 and simple.get(k, "") not in zh_generic)]
    if len(pool) > SMALL_POOL:
        # a large text: what is seen once (and not marked by layout) cannot compete
        pool = [k for k in pool if freq[k] >= 2 or k in signalled]
    if len(pool) <= POOL_LIMIT:
        return pool, sorted(pool)
    # by -frequency * tokens (a key's number of spaces + 1), then by key: the keys
    # sorted first, then a stable sort on an int (no tuple per key, no Python
    # function call per key)
    pool.sort()
    weight = {k: -freq[k] * (k.count(" ") + 1) for k in pool}
    best = sorted(pool, key=weight.__getitem__)[:POOL_LIMIT]
    kept = set(best)
    return best, [k for k in pool if k in kept]  # (the second still sorted)


def _simplified_forms(keys: list[str]) -> dict[str, str]:
    """Each key's Simplified form, in one OpenCC call (keys hold no line break)."""
    if not keys:
        return {}
    converted = to_simplified("\n".join(keys)).split("\n")
    if len(converted) != len(keys):  # never expected: OpenCC keeps line breaks
        converted = [to_simplified(k) for k in keys]
    return dict(zip(keys, converted, strict=True))


#: Links after which a full name goes on ("key counties *for* ...").
NAME_LINKS = frozenset({"for", "of", "by", "on", "in", "with"})


def _title_surface(term: str) -> bool:
    """Whether every word of ``term`` but its link words is capitalised ("Social Involvement
    in Poverty Reduction"): a numbered section title in Title Case names something."""
    words = [w for w in term.split() if w.lower() not in TITLE_LINKS]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _full_name(toks: list[str], key: str, counts: Counts) -> bool:
    """Whether ``key`` is the full name that a shorter term, used again later, abbreviates.

    "the 35 *key counties for national poverty alleviation and development*", then
    "key counties" four more times: the text introduces the long form at the first
    mention of the short one (as it introduces an acronym), so the long form is a
    name, not a loose extension.
    """
    j = next((j for j, t in enumerate(toks) if t in NAME_LINKS), 0)
    if j < 2 or is_adjective(toks[-1]):
        return False  # (a name ends in a noun: not "... in remote *mountainous*")
    if toks[j] == "in" and toks[-1] in AREA_HEADS:
        return False  # where they are, not a name: "impoverished villages *in remote mountainous areas*"
    short = " ".join(toks[:j])
    if counts.freq.get(short, 0) < 3 or counts.freq.get(key, 0) > 2:
        return False
    first_short, first_long = counts.locs.get(short) or [], counts.locs.get(key) or []
    return bool(first_short) and bool(first_long) and min(first_short) == min(first_long)


def _cvalue(length: int, f_eff: float) -> float:
    """log2(1 + C-value) for a candidate of ``length`` words seen ``f_eff`` times on its own."""
    # (max(1, length) and max(0.0, f_eff), without the calls)
    return math.log2(1 + math.log2(1 + (length if length > 1 else 1)) * (f_eff if f_eff > 0.0 else 0.0))


Super = tuple[str, int, str, int, int]


def _nesting(
    out: list[Candidate],
    supers: dict[str, list[Super]],
    own_freq: dict[str, float],
    bond: Callable[[str, str, str], bool],
    tokens_of: Callable[[str], list[str]],
    glued: Callable[[str, str, str], bool] | None = None,
    verbal: Callable[[str], bool] | None = None,
    same_term: Mapping[str, str] | None = None,
    pieces: set[str] | None = None,
    english: bool = True,
) -> None:
    """Apply C-value nesting and the fragment penalty (``english``: also the rules
    about English words and Title Case names, which no Chinese candidate meets).

    *Different* frequencies: a candidate's occurrences inside a longer candidate
    that scores at least as well are not its own (C-value subtracts their mean
    frequency), and a candidate that a better longer one nearly always surrounds
    is a fragment ("alleviation", "contiguous areas with special").

    *Equal* frequencies, once or twice (one phrase seen once: "household registration reform
    policies", "household registration reform", "registration reform"): the
    shorter one is a fragment when it cuts a strong bond ("alleviation cadres" cuts
    "poverty alleviation"), else the longer one is a weak extension ("favoring
    poverty-stricken areas"); only the best cut keeps its score.
    """
    prelim = {c.key: c.score for c in out}
    by_key = {c.key: c for c in out}
    twins = same_term or {}  # Traditional key -> its Simplified form
    fragment = _fragments(out, supers, prelim, by_key, bond, tokens_of, verbal, pieces, english)
    for c in out:
        if "acronym" in c.signals and c.length == 1:
            c.parts["independence"] = 0.0
            c.score = sum(c.parts.values())
            continue  # an acronym is a term on its own ("ADB" in "ADB loans")
        around = supers.get(c.key, ())
        share = 0.0
        if around:  # (about half the candidates are in no longer one)
            merged = bool(twins) and not twins.keys().isdisjoint(map(itemgetter(0), around))
            if merged:
                # a longer term written in both scripts (整村推进, 整村推進) surrounds this
                # one as often as both together
                both: dict[str, int] = {}
                for gb, fb, *_ in around:
                    key = twins.get(gb, gb)
                    both[key] = both.get(key, 0) + fb
                around = [(gb, both[twins.get(gb, gb)], b, i, n) for gb, _, b, i, n in around]
            better = _counted(c, around, prelim, by_key, tokens_of, pieces is not None, english)
            if merged:
                better = list({twins.get(gb, gb): (gb, fb) for gb, fb in better}.values())  # (one each)
            if better:
                mean = sum(fb for _, fb in better) / len(better)
                f_eff = own_freq[c.key] - mean
                c.parts["cvalue"] = _cvalue(c.length, f_eff) if f_eff > 0 else 0.0
                dominant = max(fb for _, fb in better)
                share = min(1.0, dominant / c.frequency) if c.frequency else 0.0
        if c.key in fragment or (glued is not None and _cut_glued(c, supers, glued, tokens_of)):
            share = 1.0
        c.parts["independence"] = -3.0 * share * share
        c.score = sum(c.parts.values())


def _counted(
    c: Candidate,
    around: Sequence[Super],
    prelim: Mapping[str, float],
    by_key: Mapping[str, Candidate],
    tokens_of: Callable[[str], list[str]],
    pieces: bool,
    english: bool,
) -> list[tuple[str, int]]:
    """The longer candidates ``around`` ``c`` that C-value nesting counts: (group, frequency).

    One counts when it scores as well as ``c``, when it recurs around it (:func:`_recurs`),
    when it is a Title Case name that ``c`` cuts, or (``pieces``: Chinese) when it is one
    word longer on the right and the text nearly always goes on past ``c``
    (:func:`_goes_on`); never one of the same frequency seen once or twice (one phrase cut
    in several ways, see :func:`_fragments`), nor one that ``c`` is a conjunct of.
    """
    mine = prelim[c.key]
    most = _most(c.frequency)
    titled = "title" in c.signals  # (what _cut_name asks first)
    goes_on: bool | None = None  # (asked when first needed)
    out = []
    for gb, fb, b, i, length in around:
        # (the cheap tests first: most longer candidates score below this one)
        if not (
            prelim[gb] >= mine or fb >= most or (titled and _cut_name(c, by_key[gb], tokens_of(b), i, length))
        ):
            if not pieces or i or c.length < 2 or length != len(tokens_of(b)) - 1:
                continue
            if goes_on is None:
                goes_on = _goes_on(c, around, tokens_of)
            if not goes_on:
                continue
        if by_key[gb].frequency == c.frequency and c.frequency <= FAMILY_MAX:
            continue
        if english and _conjunct(tokens_of(b), i, length):
            continue
        out.append((gb, fb))
    return out


def _fragments(
    out: list[Candidate],
    supers: dict[str, list[Super]],
    prelim: Mapping[str, float],
    by_key: Mapping[str, Candidate],
    bond: Callable[[str, str, str], bool],
    tokens_of: Callable[[str], list[str]],
    verbal: Callable[[str], bool] | None,
    pieces: set[str] | None,
    english: bool = True,
) -> set[str]:
    """The fragments and weak extensions among candidates nested in one another at
    equal frequencies, once or twice (see :func:`_nesting`); ``pieces`` are fragments."""
    fragment: set[str] = set(pieces or ())
    for c in out:
        if c.frequency > FAMILY_MAX:
            continue
        for gb, _, b, i, length in supers.get(c.key, ()):
            other = by_key.get(gb)
            if other is None or other.frequency != c.frequency:
                continue
            toks = tokens_of(b)
            left = toks[i - 1] if i > 0 else None
            right = toks[i + length] if i + length < len(toks) else None
            cut = (left is not None and bond(left, toks[i], "left")) or (
                right is not None and bond(toks[i + length - 1], right, "right")
            )
            linked = left in CONNECTORS or right in CONNECTORS
            if english:
                if (
                    left is not None
                    and verbal is not None
                    and verbal(left)
                    and not set(other.signals) & STRONG_SIGNALS
                ):
                    fragment.add(gb)  # a verb and its object: "*receive* supporting funds"
                    continue
                if right in NAME_GOES_ON and _name_goes_on(c, other):
                    fragment.add(c.key)  # "state-designated *Project* of Assistance by Industries"
                    continue
                if (
                    left in WEAK_MODIFIERS
                    or _outside_name(c, other)
                    or ("title" not in other.signals and _object_of(toks, i, length))
                    or (right in POLICY_HEADS and left is None and c.length > 1 and not other.signals)
                ):
                    # "*long-term* vocational skills trainings", "*state-designated* Project of
                    # Assistance by Industries", "*construction of* poverty alleviation institutions"
                    fragment.add(gb)
                    continue
            if cut or (not linked and prelim[gb] > prelim[c.key]) or (linked and other.signals):
                fragment.add(c.key)
            else:
                fragment.add(gb)
    return fragment


def _pieces(groups: Mapping[str, _Group], group_of: Mapping[str, str], counts: Counts) -> set[str]:
    """Chinese candidates of the longest length that the text goes on past in 80% of
    their uses or more (three at least): pieces of a longer phrase, as in :func:`_goes_on`."""
    ahead: dict[str, int] = {}  # group -> the uses of its keys that the text goes on past
    for k, n in counts.goes_on.items():
        gk = group_of.get(k)
        if gk is not None:
            ahead[gk] = ahead.get(gk, 0) + n
    return {gk for gk, n in ahead.items() if _recurs(n, groups[gk].freq)}


def _goes_on(c: Candidate, around: Sequence[Super], tokens_of: Callable[[str], list[str]]) -> bool:
    """Whether the text nearly always goes on past the last word of the Chinese phrase ``c``.

    The longer candidates one word longer on the right are distinct uses of it
    (常驻联合国 + 代表, + 代表团): when together they make 80% of its uses or more (three
    at least), ``c`` is no head but a piece of them, whatever each scores alone (a
    Chinese term ends in its head; a modifier on the left, 国家减灾机构, is no sign).
    """
    total = sum(fb for _, fb, b, i, length in around if i == 0 and length == len(tokens_of(b)) - 1)
    return _recurs(total, c.frequency)


def _recurs(n: float, uses: float) -> bool:
    """Whether ``n`` of a candidate's ``uses`` make most of them: 80% or more, three at
    least (a longer candidate around it, the text going on past it)."""
    return n >= _most(uses)


def _most(uses: float) -> float:
    """The fewest of a candidate's ``uses`` that make most of them (:func:`_recurs`)."""
    return max(3, 0.8 * uses)


#: Generic heads that add nothing to the term before them ("entire village
#: advancement *project*", "poverty reduction *work*").
EXTENSION_HEADS = LIGHT_NOUNS | words(
    """project projects program programs programme programmes plan plans activity
    activities list lists"""
)
#: Seen at most this often, a term plus a generic head is a loose extension of it.
EXTENSION_MAX = 3
#: The penalty of a loose extension (in its independence part).
EXTENSION_PENALTY = 1.5


def _extensions(
    out: list[Candidate], supers: dict[str, list[Super]], tokens_of: Callable[[str], list[str]]
) -> None:
    """Demote a term plus a generic head when the term itself ranks higher.

    "entire village advancement project" (twice) beside "entire village
    advancement": a terminologist keeps the term, not each phrase it heads.  A
    name (Title Case, quoted, a heading: "Western Development Project") and an
    extension used more than :data:`EXTENSION_MAX` times ("poverty alleviation
    projects") stay.
    """
    by_key = {c.key: c for c in out}
    for c in out:
        for gb, _, b, i, length in supers.get(c.key, ()):
            toks = tokens_of(b)
            if i or length != len(toks) - 1 or toks[-1] not in EXTENSION_HEADS:
                continue
            other = by_key.get(gb)
            if (
                other is None
                or other.frequency > EXTENSION_MAX
                or set(other.signals) & STRONG_SIGNALS
                or other.score >= c.score
            ):
                continue
            if other.parts.get("independence", 0.0) > -EXTENSION_PENALTY:
                other.parts["independence"] = -EXTENSION_PENALTY
                other.score = sum(other.parts.values())


#: Endings of a noun that names an action ("construction", "management", "building"):
#: what follows its "of" is the action's object.
ACTION_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ing")


def _action(word: str) -> bool:
    return len(word) > 5 and word.endswith(ACTION_ENDINGS)


def _object_of(toks: list[str], i: int, length: int) -> bool:
    """Whether the candidate at ``toks[i:i+length]`` is an action or its object, joined by "of".

    "*construction* of poverty alleviation institutions", "transfer *employment* of labor
    forces": the longer phrase describes an activity; the candidate is the term.
    """
    if i >= 2 and toks[i - 1] == "of" and _action(toks[i - 2]):
        return True
    end = i + length
    return end < len(toks) and toks[end] == "of" and _action(toks[end - 1])


#: Link words inside a Title Case name ("Areas *with* Particular Difficulties").
NAME_GOES_ON = TITLE_LINKS | {"with"}


def _name_goes_on(c: Candidate, other: Candidate) -> bool:
    """Whether ``other`` goes on after ``c`` (a Title Case word last) with a link and a capital.

    "state-designated Project" in "state-designated Project *of Assistance* by Industries".
    """
    surface, theirs = c.term.split(), other.term.split()
    if not surface or not surface[-1][:1].isupper():
        return False
    mine = [w.lower() for w in surface]
    low = [w.lower() for w in theirs]
    n = len(mine)
    for k in range(len(theirs) - n - 1):
        if low[k : k + n] == mine:
            return low[k + n] in NAME_GOES_ON and theirs[k + n + 1][:1].isupper()
    return False


def _outside_name(c: Candidate, other: Candidate) -> bool:
    """Whether ``other`` extends the Title Case name ``c`` with lower-case words."""
    if not _title_surface(c.term):
        return False
    mine = c.term.split()
    extra = [w for w in other.term.split() if w not in mine]
    return bool(extra) and all(w[:1].islower() for w in extra)


POLICY_HEADS = frozenset({"policy", "policies", "strategy", "strategies"} | LIGHT_NOUNS)


def _used_as_verb(word: str, counts: Counts) -> bool:
    """Whether the text uses ``word`` as a verb a quarter of the times it is seen or more."""
    return _ratio(counts.verbish, word, counts) >= 0.25


def _verbal(counts: Counts) -> Callable[[str], bool]:
    """Whether a word is a verb in this text: a policy verb, or used as a verb a quarter
    of the times it is seen or more ("*hold* temporary posts")."""

    def verbal(word: str) -> bool:
        return is_base_verb(word) or _used_as_verb(word, counts)

    return verbal


def _glued(counts: Counts) -> Callable[[str, str, str], bool]:
    """Whether an edge word of a candidate (``inner``) nearly always comes with ``outer``.

    "alleviation" follows "poverty" in nine uses out of ten or more: a candidate that
    starts with it ("alleviation projects") cuts a word pair the text never separates.
    """
    words, freq = counts.words, counts.freq

    def glued(outer: str, inner: str, side: str) -> bool:
        uses = words.get(inner, 0)
        pair = f"{outer} {inner}" if side == "left" else f"{inner} {outer}"
        return uses >= 3 and freq.get(pair, 0) >= 0.9 * uses

    return glued


def _cut_glued(
    c: Candidate,
    supers: dict[str, list[Super]],
    glued: Callable[[str, str, str], bool],
    tokens_of: Callable[[str], list[str]],
) -> bool:
    """Whether a longer candidate shows ``c`` cut inside a word pair the text never separates.

    Also a phrase of two words or more, seen twice or more, that the same word always
    follows or precedes ("provincial poverty alleviation" *leading* enterprises).
    """
    again = c.frequency >= 2 and c.length >= 2
    for _, fb, b, i, length in supers.get(c.key, ()):
        toks = tokens_of(b)
        outer = toks[0 if i else -1]
        if again and len(toks) == length + 1 and fb >= 0.9 * c.frequency and outer not in CONNECTORS:
            return True
        if i > 0 and toks[i - 1] not in CONNECTORS and glued(toks[i - 1], toks[i], "left"):
            return True
        end = i + length
        if end < len(toks) and toks[end] not in CONNECTORS and glued(toks[end], toks[end - 1], "right"):
            return True
    return False


#: Link words of a coordination (a preposition attaches a complement: "contiguous
#: areas *with* special difficulties" is no conjunct of "special difficulties").
COORDINATORS = frozenset({"and", "&"})


def _cut_name(c: Candidate, other: Candidate, toks: list[str], i: int, length: int) -> bool:
    """Whether ``c`` is the head of a longer Title Case name cut before its link word.

    "China Association" in "China Association *of* Poverty Alleviation and
    Development": the name goes on, the cut is a fragment.
    """
    return (
        i == 0
        and i + length < len(toks)
        and toks[i + length] in TITLE_LINKS
        and "title" in c.signals
        and "title" in other.signals
    )


def _conjunct(toks: list[str], i: int, length: int) -> bool:
    """Whether ``toks[i:i+length]`` is joined to the rest by a link word, not nested in it.

    "income-generating activities" in "cadres' village living *and* income-generating
    activities" is a conjunct, a phrase of its own: C-value nesting is for modifiers.
    """
    left = toks[i - 1] if i > 0 else None
    right = toks[i + length] if i + length < len(toks) else None
    if right in COORDINATORS:
        return True
    # "Economic and *Social Council*": after an adjective the link joins modifiers of
    # one head, and the piece is nested like any other
    return left in COORDINATORS and not (i > 1 and _modifier(toks[i - 2]))


def _modifier(word: str) -> bool:
    """An adjective, or a word in -ic whose -ics is a noun ("economic")."""
    return is_adjective(word) or (len(word) > 4 and word.endswith("ic"))


#: Generic nouns that head a kind of place: "key ecological function *areas*" is a
#: term, not a weak extension of "key ecological function".
AREA_HEADS = frozenset({"area", "areas", "region", "regions", "zone", "zones"})


def english_bond(counts: Counts) -> Callable[[str, str, str], bool]:
    """Whether an outer word belongs to the candidate it extends (``side``: where it is).

    A bond across a link word ("research *and* publicity") is weak.  A word pair
    seen twice or more is strong when it makes at least half of the uses of one of
    the two words ("*poverty* alleviation").  Otherwise the outer word decides:
    a verb form is weak ("*favoring* poverty-stricken areas"); on the left, a
    common adjective is weak ("*long-term* vocational skills trainings") and a
    noun modifier strong ("*project* withdrawals reimbursement"); on the right, a
    generic head is weak ("household registration reform *policies*").
    """
    words = counts.words
    freq = counts.freq

    def bond(left: str, right: str, side: str) -> bool:
        if left in CONNECTORS or right in CONNECTORS:
            return False
        together = freq.get(f"{left} {right}", 0)
        if together >= 2 and together >= 0.5 * min(words.get(left, 0), words.get(right, 0)):
            return True
        outer = left if side == "left" else right
        if is_base_verb(outer) or is_gerund(outer) or is_past_participle(outer):
            return False
        if side == "left":
            if outer in WEAK_MODIFIERS or _used_as_verb(outer, counts):
                return False  # a time or scope modifier, or a verb ("*hold* temporary posts")
            return not (looks_adjectival(outer) and zipf(outer) >= 4.0)
        return outer not in GENERIC_NOUNS or outer in AREA_HEADS

    return bond


def _split(key: str) -> list[str]:
    """The tokens of a key (a fixed expression's words are joined by a no-break space)."""
    return key.split(" ")


def _always(word: str) -> bool:
    return True


def chinese_rarities(words: Iterable[str]) -> dict[str, float]:
    """Each word's rarity, 0 (very common) .. 6 (unknown to general Chinese), from
    wordfreq's Chinese list (in Simplified characters: a word it does not list is looked
    up in its Simplified form); the list is read once for all of them."""
    wanted = set(words)
    table = frequencies_of("zh", wanted)
    simple = _simplified_forms([w for w in wanted if w not in table and HAN.search(w)])
    # (a word its Simplified form leaves as it was is not listed either)
    simple = {w: s for w, s in simple.items() if s != w}
    if simple:
        found = frequencies_of("zh", set(simple.values()))
        table.update({w: found[s] for w, s in simple.items() if s in found})
    # (a rarity for each frequency: the words of one bucket of the list share it)
    of_frequency = {f: _chinese_rarity(f) for f in {*table.values(), None}}
    return {w: of_frequency[table.get(w)] for w in wanted}


def _seen_through(
    parts: Mapping[str, tuple[str, ...]], keys: Iterable[list[str]], traditional: bool
) -> Callable[[list[str]], list[str]]:
    """The words whose rarity counts in a Chinese phrase: a glossary word that jieba's
    own dictionary does not list (``parts``: :attr:`Counts.parts`) counts as the words
    jieba cuts it into without the glossary.  Unknown to general Chinese, it would
    count as the rarest of words, and loading or approving a term would promote
    every phrase built on it (提及安全理事会, 安全理事会处理).  ``keys``: the tokens
    of every candidate; ``traditional``: whether some are Traditional (looked up in
    their Simplified form)."""
    found: dict[str, tuple[str, ...]] = {}
    if traditional:
        tokens = {t for toks in keys for t in toks if t not in parts}
        for tok, simple in _simplified_forms(sorted(tokens)).items():
            if simple in parts:
                found[tok] = parts[simple]
    get = found.get if found else None

    def words(toks: list[str]) -> list[str]:
        if parts.keys().isdisjoint(toks) and (get is None or found.keys().isdisjoint(toks)):
            return toks
        out: list[str] = []
        for tok in toks:
            out.extend(parts.get(tok) or (get(tok) if get is not None else None) or (tok,))
        return out

    return words


def _chinese_rarity(f: float | None) -> float:
    """The rarity of a word of frequency ``f`` in general Chinese (None: not listed)."""
    z = math.log10(f * 1e9) if f else 0.0
    return max(0.0, min(6.0, 6.0 - z))


def _chinese_words(toks: list[str]) -> list[str]:
    """The Chinese tokens that count in a term's rarity and length (及 and 不 inside a name
    do not); ``toks`` itself when all do."""
    if ZH_LINK_WORDS.isdisjoint(toks):
        return toks
    return [t for t in toks if t not in ZH_LINK_WORDS]


def _english_words(toks: list[str]) -> list[str]:
    """The English tokens that count in a term's rarity and length (no link or function word)."""
    return [t for t in toks if _english_content(t)]


def _english_content(word: str) -> bool:
    return word not in CONNECTORS and word not in OTHER_FUNCTION_WORDS and word[0].isalnum()


#: Head nouns of place names ("Huguan County", "Taogou Village").
PLACE_HEADS = words(
    """county counties village villages province provinces city cities town towns township
    townships district districts prefecture region basin river mountain mountains lake
    island islands"""
)


def _ratio(counter: dict[str, int], word: str, counts: Counts) -> float:
    total = counts.words.get(word, 0)
    return counter.get(word, 0) / total if total else 0.0


def _shape(
    toks: list[str],
    words: list[str],
    rar: list[float],
    signalled: bool,
    counts: Counts,
    freq: int,
    strong: bool = True,
) -> float:
    """Penalties for the shapes of English non-terms (see the module docstring)."""
    if not words:
        return -3.0
    penalty = 0.0
    first, last = words[0], words[-1]
    acronym = len(toks) == 1 and toks[0].isalpha() and counts.signals["acronym"].get(toks[0], 0) > 0
    if len(toks) == 1 and not acronym:
        # a single word must be rare in general English to be a term
        # ("desertification", "methane"); an adjective or a verb form alone never is
        z = 6.0 - rar[0]
        penalty -= UNIGRAM_SLOPE * max(0.0, z - UNIGRAM_RARE)
        w = toks[0]
        if is_adjective(w) or looks_adjectival(w) or is_gerund(w) or is_past_participle(w) or "'" in w:
            penalty -= 1.5
    if is_base_verb(first) and len(toks) > 1:
        penalty -= 2.0
    if not strong:
        # links: a coordination is seldom one term, even as an item of a list
        # ("acceptance and reimbursement"); a heading, quotation or name may be
        weight = 0.5 if freq >= 3 else 1.0
        for t in toks:
            if t in ("and", "&", "in", "on", "by", "with"):
                penalty -= 1.0 * weight
            elif t in ("of", "for"):
                penalty -= 0.8 * weight
    if not signalled:
        if len(words) > 3 and freq <= 2:
            # most terms have two or three words; longer ones need evidence
            penalty -= 0.5 * (len(words) - 3)
        # a verb first ("improve", "support the poor")
        if counts.verbish.get(first, 0) >= 1 and counts.words.get(first, 0) >= 2:
            penalty -= 3.0 * min(1.0, 2.0 * _ratio(counts.verbish, first, counts))
        # a modifier last ("development-oriented", "special", "mountainous")
        if counts.words.get(last, 0) >= 2:
            head = _ratio(counts.heads, last, counts)
            if head < 0.25:
                # (a noun seen a few times, always before another noun, may still
                # head a term: "anti-poverty discounted-interest *loan*")
                seen = counts.words[last]
                weight = 2.0 if looks_adjectival(last) or "-" in last else 2.0 * min(1.0, seen / 6)
                penalty -= weight * (1.0 - head / 0.25)
            elif is_adjective(last) and head < 0.75:
                penalty -= 2.0  # an adjective that sometimes ends a stretch ("state-approved domestic")
        elif is_adjective(last):
            penalty -= 2.0
        # a relative time first: "*new* anti-poverty projects", "the *new* century"
        if len(words) > 1 and first in WEAK_MODIFIERS:
            penalty -= 1.0
        # a possessive first: "farmers' incomes", "the province's strategic plan"
        if len(words) > 1 and first.endswith(("'s", "s'")):
            penalty -= POSSESSIVE_FIRST
        # a light head ("poverty reduction efforts", "anti-poverty work")
        if len(words) > 1 and last in LIGHT_NOUNS:
            penalty -= 1.0
        # a unit first ("Yuan", "km"); with "of" after it, a quantity ("Yuan of anti-poverty funds")
        if _ratio(counts.after_number, first, counts) > 0.5 and _ratio(counts.heads, first, counts) >= 0.5:
            penalty -= 4.0 if len(toks) == 1 or toks[1] == "of" else 2.0
    # a generic noun heading a prepositional phrase ("management of ...")
    if len(toks) > 2 and toks[0] in GENERIC_NOUNS and toks[1] in CONNECTORS and not strong:
        penalty -= 1.0
    if all(w in GENERIC_NOUNS for w in words):
        penalty -= 1.0
    elif len(words) == 2 and last in GENERIC_NOUNS and looks_adjectival(first) and zipf(first) >= 4.5:
        penalty -= 1.0  # a common adjective and a generic noun: "rural areas", "central government"
    if acronym:
        # an abbreviation: a term, but its expansion is the entry (not a place name)
        penalty -= ACRONYM_PENALTY
    elif _place_name(toks, words, counts):
        penalty -= 3.5
    return penalty


#: Points of the compass: with them, even a common capitalised word names a place
#: ("Eastern and Central China", "Western China").
COMPASS = words(
    """east west north south eastern western northern southern northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern"""
)


def _place_name(toks: list[str], words: list[str], counts: Counts) -> bool:
    """Proper names of places: "Huguan County", "Tibet and Xinjiang", "Wenxi", "Western China"."""
    names = 0
    compass = any(w in COMPASS for w in words)
    for w in words:
        if w in PLACE_HEADS or w in COMPASS:
            continue
        capital = counts.cap_mid.get(w, 0) * 2 > counts.words.get(w, 0)
        if not capital or (zipf(w) >= 4.0 and not compass):
            return False
        names += 1
    return names > 0


#: A single Chinese word costs this per Zipf unit above ZH_UNIGRAM_COMMON (问题, 国家).
ZH_UNIGRAM_SLOPE = 1.0
ZH_UNIGRAM_COMMON = 4.0


#: The penalty of a Chinese phrase that ends in a verb the text uses as one (方面取得).
ZH_VERB_LAST = 3.0


def _zh_shape(toks: list[str], rar: list[float], counts: Counts, strong: bool = False) -> float:
    """Penalties for Chinese non-terms: a single word, the more so a common word or a verb.

    A verb alone (包括, 确保, 重申) is seldom a term; in a poverty-alleviation text
    扶贫 still ranks high on its frequency.  A Chinese term ends in its head, a noun:
    a phrase that ends in a word the text uses as a verb more often than as a noun
    (after a modal or before 了, against after 的 or a determiner) is a clause
    (方面取得, 增编开列), unless a heading or quotation names it.  Verbs that head
    names (组织 in 非政府组织, 做法, 协定: jieba tags them verbs) are used as nouns.
    """
    if len(toks) > 1:
        if strong:
            return 0.0
        last = toks[-1]
        verb = counts.verbish.get(last, 0)
        return -ZH_VERB_LAST if verb and verb > counts.nounish.get(last, 0) else 0.0
    penalty = -1.0 - ZH_UNIGRAM_SLOPE * max(0.0, (6.0 - rar[0]) - ZH_UNIGRAM_COMMON)
    tag = pos_either_script(toks[0])
    if tag[0] in "va" and tag not in ("vn", "an"):  # a verb or an adjective, not a noun use
        penalty -= 1.5
    return penalty


def _zh_bond(counts: Counts) -> Callable[[str, str, str], bool]:
    freq = counts.freq

    def bond(left: str, right: str, side: str) -> bool:
        if left in ZH_NEGATIONS:
            return True  # 不 and its verb are one word: 不扩散 (non-proliferation)
        together = freq.get(f"{left} {right}", 0)
        return together >= 2 and 2 * together / (freq.get(left, 0) + freq.get(right, 0) + 2) >= 0.3

    return bond


def _merge_typos(
    groups: dict[str, _Group],
    group_of: dict[str, str],
    counts: Counts,
    token_words: dict[str, tuple[str, ...]],
) -> None:
    words = {gk: g.words for gk, g in groups.items() if g.words}
    weight = {gk: float(groups[gk].freq) for gk in words}
    acronyms, names, uses = _word_cases(counts, token_words)
    for rare, common in typo_pairs(words, weight, acronyms=acronyms, names=names, uses=uses):
        if rare not in groups or common not in groups:
            continue
        g, into = groups.pop(rare), groups[common]
        into.keys.extend(g.keys)
        into.typos.extend(g.keys)
        into.freq += g.freq
        into.df += g.df
        into.locs.extend(g.locs)
        for s, n in g.signals.items():
            into.signals[s] = into.signals.get(s, 0) + n
        for k in g.keys:
            group_of[k] = common


def _word_cases(
    counts: Counts, token_words: dict[str, tuple[str, ...]]
) -> tuple[set[str], set[str], dict[str, float]]:
    """Of the normalised words: those the text writes as acronyms (in capitals) in
    most of their uses (a word in a heading in capitals is none), those it
    capitalises inside sentences in most of their uses (names), and every word's
    uses."""
    acronym_count = counts.signals["acronym"]
    capitals: dict[str, int] = {}
    in_capitals: dict[str, int] = {}
    uses: dict[str, float] = {}
    for token, normalised in token_words.items():
        if len(normalised) != 1:
            continue
        word = normalised[0]
        in_capitals[word] = in_capitals.get(word, 0) + acronym_count.get(token, 0)
        capitals[word] = capitals.get(word, 0) + counts.cap_mid.get(token, 0)
        uses[word] = uses.get(word, 0) + counts.words.get(token, 0)
    acronyms = {w for w, n in in_capitals.items() if n and 2 * n > uses[w]}
    names = {w for w, n in capitals.items() if n and 2 * n > uses[w]}
    # a word's uses inside compounds count too ("government" in "government-led"),
    # but not for its case: a compound's capitals are the compound's
    for token, normalised in token_words.items():
        if len(normalised) > 1:
            n = counts.words.get(token, 0)
            for word in normalised:
                uses[word] = uses.get(word, 0) + n
    return acronyms, names, uses


def surface_index(counts: Counts) -> dict[str, list[str]]:
    """Lower-case key -> the surface forms recorded for it."""
    index: dict[str, list[str]] = {}
    for surface in counts.surfaces:
        index.setdefault(surface.lstrip(FORM_MARKS).lower(), []).append(surface)
    return index


#: Zipf frequency below which general English does not know a word (names, new words).
UNKNOWN_WORD = 1.0


def _forms(g: _Group, counts: Counts, surfaces: dict[str, list[str]]) -> tuple[str, list[str]]:
    """The display form (most frequent, sentence-initial capitals undone) and all variants.

    A layout signal's form (a Title Case name, a heading) counts again for the
    display, as evidence that the words are a name; the lower-case key is a variant
    when the text's runs saw it, whatever the signals added.
    """
    tally: dict[str, int] = {}
    unlisted: dict[str, int] = {}  # lower-case keys seen in the runs, outweighed by signals
    for k in g.keys:
        lower = counts.freq[k]
        lower_in_runs = 0 if k in counts.signal_only else lower
        for surface in surfaces.get(k, ()):
            n = counts.surfaces[surface]
            signal = surface[0] == SIGNAL_FORM
            if signal:
                surface = surface[1:]
            form = surface
            if surface.startswith("^"):
                form = surface[1:]
                first_word = k.split(" ", 1)[0]
                # a word capitalised in most of its uses inside a sentence (where case
                # says something: "Pelosi" opens seven headlines of nine) keeps its
                # capital; one never seen inside a sentence keeps it when general
                # English does not know it (a name: "Cownie said")
                initial = sum(
                    counts.surfaces[f]
                    for f in surfaces.get(first_word, ())
                    if f.lstrip(SIGNAL_FORM)[:1] == "^"
                )
                inside = counts.freq.get(first_word, 0) - initial
                if inside > 0:
                    capital_word = counts.cap_mid.get(first_word, 0) * 2 > inside
                else:
                    capital_word = word_rarity(first_word) > 6.0 - UNKNOWN_WORD
                if form[1:] == k[1:] and not capital_word:
                    form = k
            if form != k:
                lower -= n
                if not signal:
                    lower_in_runs -= n
                tally[form] = tally.get(form, 0) + n
        if lower > 0:
            tally[k] = tally.get(k, 0) + lower
        elif lower_in_runs > 0:
            unlisted[k] = unlisted.get(k, 0) + lower_in_runs
    if not tally:
        tally[g.keys[0]] = 1
    # (a form in the possessive is shown only when no other was seen: "Hurricane Rosa";
    # a typo never is, however often: "national maternal healt" once beside "health")
    typos = set(g.typos)
    ordered = sorted(
        tally, key=lambda f: (f.lower() in typos, f.endswith(POSSESSIVE_ENDS), -tally[f], f != f.lower(), f)
    )
    if unlisted:  # (never in the tally: a key is there only when its own count is left)
        seen = tally | unlisted
        rest = sorted(
            seen.keys() - {ordered[0]},
            key=lambda f: (f.lower() in typos, f.endswith(POSSESSIVE_ENDS), -seen[f], f != f.lower(), f),
        )
        ordered = [ordered[0], *rest]
    return ordered[0], ordered


def _locations(locs: list[int], sources: list[str], names: dict[int, str]) -> list[str]:
    """The first three of the packed locations ``locs``, as "SOURCE:LINE" (``names``:
    those written so far, kept for the next candidate on the same line)."""
    out = []
    for packed in _first_three(locs):
        name = names.get(packed)
        if name is None:
            name = names[packed] = f"{sources[packed >> LINE_BITS]}:{packed & LINE_MASK}"
        out.append(name)
    return out


def _first_three(locs: list[int]) -> list[int]:
    """The three smallest of ``locs``, each once, in order: ``locs`` itself when it
    already is (as a key's first locations, in the order the lines came, mostly are)."""
    n = len(locs)
    if n <= 3 and (n < 2 or (locs[0] < locs[1] and (n == 2 or locs[1] < locs[2]))):
        return locs
    return sorted(set(locs))[:3]


def _best_expansion(linked: dict[str, int], by_key: dict[str, Candidate]) -> str:
    """The expansion of an acronym among those written before it in brackets (``linked``:
    each as written, and how often): the most frequent one (case aside), then one that
    is a candidate itself, then the more frequent candidate; written as seen most often
    ("International Atomic Energy Agency (IAEA)" once and "... Authority (IAEA)" once:
    the Agency, a candidate of its own)."""
    groups: dict[str, dict[str, int]] = {}
    for written, n in linked.items():
        forms = groups.setdefault(fold(written), {})
        forms[written] = forms.get(written, 0) + n

    def rank(key: str) -> tuple[int, bool, int, str]:
        target = by_key.get(key)
        # (best first; the last tie goes to the smaller key)
        return (-sum(groups[key].values()), target is None, -target.frequency if target else 0, key)

    forms = groups[min(groups, key=rank)]
    return min(forms, key=lambda f: (-forms[f], f))


def _link_acronyms(cands: list[Candidate], counts: Counts) -> None:
    """Give each acronym its expansion (bracketed in the text, else by initials)."""
    by_key = {fold(c.term): c for c in cands}
    # initials of Title Case names -> (exact?, -frequency, term) of the best name
    by_initials: dict[str, tuple[int, int, str]] = {}
    for t in cands:
        if "title" not in t.signals or t.length < 2:
            continue
        initials = "".join(w[0] for w in t.term.lower().split() if w not in TITLE_LINKS)
        for cut in range(4, len(initials) + 1):
            rank_ = (0 if cut == len(initials) else 1, -t.frequency, t.term)
            prefix = initials[:cut]
            if prefix not in by_initials or rank_ < by_initials[prefix]:
                by_initials[prefix] = rank_
        if len(initials) == 3:
            rank_ = (0, -t.frequency, t.term)
            if initials not in by_initials or rank_ < by_initials[initials]:
                by_initials[initials] = rank_
    for c in cands:
        if "acronym" not in c.signals or c.length != 1 or not c.term.isupper():
            continue
        acr = c.term.lower()
        expansion: str | None = None
        linked = counts.expansions.get(acr)
        if linked:
            expansion = _best_expansion(linked, by_key)
        elif acr in by_initials:
            expansion = by_initials[acr][2]
        if expansion:
            target = by_key.get(fold(expansion))
            c.expansion = target.term if target else expansion
            if target is not None:
                target.acronym = c.term
