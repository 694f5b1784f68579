"""The ranking's faster code against simple reference implementations of what it replaced.

Each reference below is the code the ranking used before (kept here, not in the
package): the fast version must give exactly what it gave, floats included.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.chinese import HAN, to_simplified
from termkit.extract.candidates import Counts, unpack_location
from termkit.extract.lexicon import frequencies, frequencies_of
from termkit.extract.scoring import (
    Candidate,
    _counted,
    _cvalue,
    _first_three,
    _Group,
    _locations,
    _pieces,
    _recurs,
    _sort_best_first,
    _supers,
    chinese_rarities,
)

# words of wordfreq's Chinese list, Traditional forms of some, and words it lacks
ZH_WORDS = [*list(frequencies("zh"))[:3000:7], "發展", "資訊", "國家", "扶貧開發", "乾隆", "无此词语", "x"]
zh_words = st.lists(
    st.sampled_from(ZH_WORDS) | st.text("发展國家资訊扶贫x", min_size=1, max_size=4), max_size=30
)


def reference_chinese_rarity(word: str) -> float:
    """The ranking's rarity of a Chinese word before (one lookup a word)."""
    table = frequencies("zh")
    f = table.get(word)
    if f is None and HAN.search(word):
        f = table.get(to_simplified(word))  # wordfreq's list is Simplified
    z = math.log10(f * 1e9) if f else 0.0
    return max(0.0, min(6.0, 6.0 - z))


@settings(max_examples=60, deadline=None)
@given(zh_words)
def test_frequencies_of_gives_what_the_whole_dictionary_gives(words: list[str]) -> None:
    table = frequencies("zh")
    assert frequencies_of("zh", words) == {w: table[w] for w in words if w in table}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=3) | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=10))
def test_frequencies_of_any_text_even_lone_surrogates(words: list[str]) -> None:
    table = frequencies("en")
    assert frequencies_of("en", words) == {w: table[w] for w in words if w in table}


@settings(max_examples=60, deadline=None)
@given(zh_words)
def test_chinese_rarities_are_the_old_rarities(words: list[str]) -> None:
    assert chinese_rarities(words) == {w: reference_chinese_rarity(w) for w in words}


def reference_locations(locs: list[int], sources: list[str], limit: int = 3) -> list[str]:
    out = []
    for packed in sorted(set(locs))[:limit]:
        src, line = unpack_location(packed)
        out.append(f"{sources[src]}:{line}")
    return out


packed = st.tuples(st.integers(0, 2), st.integers(0, 2**32 - 1)).map(lambda sl: (sl[0] << 32) | sl[1])


@given(st.lists(packed, max_size=8))
def test_locations_are_the_first_three_sorted(locs: list[int]) -> None:
    sources = ["a.txt", "b.txt", "c.txt"]
    assert _first_three(locs) == sorted(set(locs))[:3]
    names: dict[int, str] = {}
    assert _locations(locs, sources, names) == reference_locations(locs, sources)
    assert _locations(locs, sources, names) == reference_locations(locs, sources)  # (names kept)


def reference_cvalue(length: int, f_eff: float) -> float:
    return math.log2(1 + math.log2(1 + max(1, length)) * max(0.0, f_eff))


@given(st.integers(0, 12), st.floats(-100, 1e6) | st.sampled_from([0.0, -0.0, 1.0]))
def test_cvalue_is_the_old_formula(length: int, f_eff: float) -> None:
    assert _cvalue(length, f_eff) == reference_cvalue(length, f_eff)


@given(st.integers(0, 50) | st.floats(0, 50), st.integers(0, 60))
def test_recurs_is_the_old_rule(n: float, uses: int) -> None:
    assert _recurs(n, uses) == (n >= 3 and n >= 0.8 * uses)


tokens = st.sampled_from(["扶贫", "开发", "及", "整村", "推进", "工作"])
keys = st.lists(tokens, min_size=1, max_size=5).map(" ".join)


def reference_supers(pool: list[str], group_of: dict[str, str], freq: dict[str, int]) -> dict[str, list[Any]]:
    pool_set = set(pool)
    supers: dict[str, list[Any]] = defaultdict(list)
    for b in pool:
        toks = b.split(" ")
        n = len(toks)
        if n < 2:
            continue
        gb = group_of[b]
        fb = freq[b]
        seen: set[str] = set()
        for length in range(1, n):
            for i in range(0, n - length + 1):
                s = " ".join(toks[i : i + length])
                if s in seen or s not in pool_set:
                    continue
                seen.add(s)
                gs = group_of[s]
                if gs != gb:
                    supers[gs].append((gb, fb, b, i, length))
    return supers


@given(st.lists(keys, unique=True, max_size=25), st.randoms())
def test_supers_are_the_old_nesting(pool: list[str], rnd: Any) -> None:
    group_of = {k: k.replace(" ", "") for k in pool}
    freq = {k: rnd.randint(1, 5) for k in pool}
    split = {k: k.split(" ") for k in pool}
    assert dict(_supers(pool, split, group_of, freq)) == dict(reference_supers(pool, group_of, freq))


@given(
    st.dictionaries(keys, st.integers(1, 9), max_size=20),
    st.dictionaries(keys, st.integers(0, 9), max_size=20),
)
def test_pieces_are_the_old_pieces(freq: dict[str, int], goes_on: dict[str, int]) -> None:
    counts = Counts()
    counts.goes_on.update(goes_on)
    groups: dict[str, _Group] = {}
    group_of: dict[str, str] = {}
    for k, n in freq.items():
        gk = k.replace(" ", "")
        g = groups.setdefault(gk, _Group(gk))
        g.keys.append(k)
        g.freq += n
        group_of[k] = gk
    old = {
        gk for gk, g in groups.items() if goes_on and _recurs(sum(goes_on.get(k, 0) for k in g.keys), g.freq)
    }
    assert _pieces(groups, group_of, counts) == old


def candidate(
    key: str, score: float, frequency: int, length: int = 2, signals: dict[str, int] | None = None
) -> Candidate:
    return Candidate(key, key, score, frequency, 1, [key], [], signals=signals or {}, length=length)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "扶贫"]),
            st.sampled_from([1.0, 0.5, -0.0, 0.0, 2.25]),
            st.integers(1, 3),
        ),
        max_size=20,
    )
)
def test_best_first_is_the_old_order(rows: list[tuple[str, float, int]]) -> None:
    cands = [candidate(term, score, freq) for term, score, freq in rows]
    old = sorted(cands, key=lambda c: (-c.score, -c.frequency, c.term))
    _sort_best_first(cands)
    assert [id(c) for c in cands] == [id(c) for c in old]


def reference_better(
    c: Candidate, around: list[Any], prelim: dict[str, float], by_key: dict[str, Candidate], pieces: bool
) -> list[tuple[str, int]]:
    """The longer candidates C-value nesting counted, as the Chinese ranking tested them before."""
    from termkit.extract.scoring import FAMILY_MAX, _cut_name, _goes_on

    def tokens_of(k: str) -> list[str]:
        return k.split(" ")

    mine = prelim[c.key]
    goes_on = pieces and c.length > 1 and _goes_on(c, around, tokens_of)
    return [
        (gb, fb)
        for gb, fb, b, i, length in around
        if (
            prelim.get(gb, -1e9) >= mine
            or _recurs(fb, c.frequency)
            or _cut_name(c, by_key[gb], tokens_of(b), i, length)
            or (goes_on and i == 0 and length == len(tokens_of(b)) - 1)
        )
        and (by_key[gb].frequency != c.frequency or c.frequency > FAMILY_MAX)
    ]


@given(
    st.lists(
        st.tuples(keys, st.integers(1, 6), st.sampled_from([0.0, 1.0, 2.0, 3.5])), min_size=1, max_size=12
    ),
    st.integers(1, 6),
    st.sampled_from([0.0, 1.0, 2.0]),
    st.booleans(),
)
def test_counted_is_the_old_chinese_nesting_test(
    longer: list[tuple[str, int, float]], frequency: int, score: float, pieces: bool
) -> None:
    c = candidate("扶贫", score, frequency, length=1 + frequency % 2)
    around = []
    by_key = {c.key: c}
    prelim = {c.key: score}
    for b, fb, sb in longer:
        gb = b.replace(" ", "") + "+"
        by_key[gb] = candidate(gb, sb, fb)
        prelim[gb] = sb
        toks = b.split(" ")
        around.append((gb, fb, b, len(toks) // 3, 1 + (len(toks) - 1) // 2))
    got = _counted(c, around, prelim, by_key, lambda k: k.split(" "), pieces, english=False)
    assert got == reference_better(c, around, prelim, by_key, pieces)
