"""The term matcher: case, plurals, hyphen/space, line breaks, whole words, longest match, Chinese."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from termkit.lint.matcher import (
    GlossaryIndex,
    TermMatcher,
    TermRef,
    collapse_spaces,
    english_variants,
    join_han_lines,
    normalize_en,
    plural,
    singular,
    unwrap_han,
)
from termkit.model import TermStatus

P = TermStatus.PREFERRED


def matcher(*terms: str | tuple[str, bool]) -> TermMatcher:
    refs = []
    for i, t in enumerate(terms):
        text, cs = (t, False) if isinstance(t, str) else t
        refs.append(TermRef(i, f"c{i}", "en", text, P, cs))
    return TermMatcher("en", refs)


def found(m: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(h.surface, h.term.text) for h in m.find(text)]


def test_case_insensitive_by_default() -> None:
    m = matcher("rain plan")
    assert found(m, "The RAIN PLAN and the Rain Plan.") == [
        ("RAIN PLAN", "rain plan"),
        ("Rain Plan", "rain plan"),
    ]


def test_case_sensitive_terms_match_only_as_written() -> None:
    m = matcher(("LGOP", True), ("Rain Plan", True))
    assert found(m, "the lgop and LGOP; rain plan, Rain Plan") == [
        ("LGOP", "LGOP"),
        ("Rain Plan", "Rain Plan"),
    ]


def test_plurals_of_the_head_nouns() -> None:
    m = matcher("key county for poverty alleviation", "policy", "tax")
    text = "key counties for poverty alleviation, policies, taxes and the tax"
    assert [s for s, _ in found(m, text)] == [
        "key counties for poverty alleviation",
        "policies",
        "taxes",
        "tax",
    ]


def test_compounds_of_man_make_their_plural_in_men() -> None:
    m = matcher("ex-serviceman", "herdsman", "human resource", "specimen")
    text = "Ex-servicemen and herdsmen; human resources; specimens, herdsmans"
    assert [s for s, _ in found(m, text)] == ["Ex-servicemen", "herdsmen", "human resources", "specimens"]
    assert singular("women") == "woman" and singular("regimen") == "regimen"


def test_a_plural_glossary_term_does_not_match_its_singular() -> None:
    m = matcher("goods", "arms")
    assert found(m, "good arm, goods and arms") == [("goods", "goods"), ("arms", "arms")]


def test_hyphen_space_and_solid_variants() -> None:
    m = matcher("income-generating activity", "grass-roots organization")
    text = "income generating activities; income-generating activity; grassroots organizations"
    assert [s for s, _ in found(m, text)] == [
        "income generating activities",
        "income-generating activity",
        "grassroots organizations",
    ]


def test_terms_broken_across_lines() -> None:
    m = matcher("ex-situ anti-poverty relocation")
    text = "the ex-situ\n      anti-\n  poverty relocation of"
    (hit,) = m.find(text)
    assert text[hit.start : hit.end] == "ex-situ\n      anti-\n  poverty relocation"
    assert (hit.start, hit.end) == (4, 4 + len("ex-situ\n      anti-\n  poverty relocation"))


def test_no_term_across_a_blank_line_or_punctuation() -> None:
    m = matcher("rain plan")
    assert found(m, "rain\n\nplan, rain. plan, rain - plan, rain (plan)") == []


def test_whole_words_only() -> None:
    m = matcher("form", "plan")
    assert found(m, "format, reform, platform, plans, Form.") == [("plans", "plan"), ("Form", "form")]


def test_not_inside_a_hyphen_compound() -> None:
    m = matcher("poverty")
    assert found(m, "anti-poverty, poverty-stricken, poverty") == [("poverty", "poverty")]


def test_longest_match_wins() -> None:
    m = matcher("relocation", "ex-situ anti-poverty relocation", "anti-poverty")
    assert found(m, "ex-situ anti-poverty relocation; relocation; anti-poverty") == [
        ("ex-situ anti-poverty relocation", "ex-situ anti-poverty relocation"),
        ("relocation", "relocation"),
        ("anti-poverty", "anti-poverty"),
    ]
    all_hits = sorted(h.surface for h in m.find_all("ex-situ anti-poverty relocation"))
    assert all_hits == ["anti-poverty", "ex-situ anti-poverty relocation", "relocation"]


def test_exact_variant_wins_over_a_folded_one() -> None:
    refs = [
        TermRef(0, "ehw", "en", "East-Helps-West program", P),
        TermRef(1, "ehw", "en", "East-Help-West Program", TermStatus.DEPRECATED),
        TermRef(2, "ehw", "en", "east helps west program", TermStatus.ADMITTED),
    ]
    m = TermMatcher("en", refs)
    assert found(m, "the East-Help-West Program and the East-Helps-West program") == [
        ("East-Help-West Program", "East-Help-West Program"),
        ("East-Helps-West program", "East-Helps-West program"),
    ]
    assert found(m, "the east helps west program")[0][1] == "east helps west program"


def test_apostrophes_and_non_ascii_letters() -> None:
    m = matcher("cadres' village living", "Côte d'Ivoire")
    assert [s for s, _ in found(m, "cadres’ village living in CÔTE D’IVOIRE")] == [
        "cadres’ village living",
        "CÔTE D’IVOIRE",
    ]


def test_chinese_longest_match_non_overlapping() -> None:
    refs = [
        TermRef(i, f"c{i}", "zh-CN", t, P) for i, t in enumerate(["扶贫", "易地扶贫搬迁", "搬迁", "扶贫开发"])
    ]
    m = TermMatcher("zh-CN", refs)
    assert [h.surface for h in m.find("实施易地扶贫搬迁和扶贫开发，扶贫搬迁")] == [
        "易地扶贫搬迁",
        "扶贫开发",
        "扶贫",
        "搬迁",
    ]
    # jieba's default cut would split 易地扶贫搬迁; the glossary decides here.
    assert [(h.start, h.end) for h in m.find("易地扶贫搬迁")] == [(0, 6)]


def test_find_many_keeps_each_texts_offsets() -> None:
    m = matcher("rain plan")
    texts = ["the rain plan", "", "rain", "plan", "Rain Plan here"]
    assert [[(h.start, h.end) for h in hits] for hits in m.find_many(texts)] == [
        [(4, 13)],
        [],
        [],
        [],
        [(0, 9)],
    ]


def test_index_skips_rejected_concepts_and_resolves_languages(index: GlossaryIndex) -> None:
    assert "rejected-thing" not in {t.concept for t in index.terms}
    # (Chinese is resolved to its script: the terms of every Simplified tag, zh-CN's here)
    assert index.resolve_lang("zh") == "zh-Hans"
    assert index.resolve_lang("en-US") == "en"
    assert index.resolve_lang("zh-Hans") == index.resolve_lang("zh-Hans-CN") == "zh-Hans"
    assert index.languages() == ["en", "zh-CN"]
    # Traditional Chinese is not the glossary's zh-CN: no terms, rather than the wrong script.
    for tag in ("zh-TW", "zh-HK", "zh-Hant", "zh_TW"):
        assert index.resolve_lang(tag) == "zh-Hant"
        assert not index.has_terms(tag)
        assert index.concept_terms("rain-plan", tag) == []
    assert index.has_terms("zh") and index.has_terms("en-GB")
    assert index.preferred("east-helps-west", "en").text == "East-Helps-West program"  # type: ignore[union-attr]


def test_inflection_helpers() -> None:
    assert [plural(w) for w in ("county", "day", "box", "person")] == ["counties", "days", "boxes", "people"]
    assert [singular(w) for w in ("counties", "boxes", "status", "people")] == [
        "county",
        "box",
        "status",
        "person",
    ]
    assert "grassroots organization" in english_variants("grass-roots organization")


def test_normalisation_keeps_length_and_collapse_maps_back() -> None:
    text = "Ex-situ  (anti-poverty)\n\n   Relocation’s  côte"
    norm = normalize_en(text)
    assert len(norm) == len(text)
    col = collapse_spaces(norm)
    assert "  " not in col.text
    for i, ch in enumerate(col.text):
        assert norm[col.original(i)] == ch


words = st.sampled_from(
    ["rain", "plan", "poverty", "village", "form", "format", "anti", "relocation", "ex", "situ"]
)
seps = st.sampled_from([" ", "  ", "\n", "-", ", ", ". ", " - ", "\n\n", "’"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(words, seps), min_size=1, max_size=25))
def test_hits_are_whole_words_and_never_overlap(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in parts)
    m = matcher("rain plan", "plan", "form", "ex-situ anti-poverty relocation", "village", "anti-poverty")
    hits = m.find(text)
    last = -1
    for h in hits:
        assert h.start >= last
        last = h.end
        assert text[h.start : h.end] == h.surface
        assert h.start == 0 or not text[h.start - 1].isalnum()
        assert h.end == len(text) or not text[h.end].isalnum()
        assert (
            normalize_en(h.surface).replace("-", " ").split()[0]
            == normalize_en(h.term.text).replace("-", " ").split()[0]
        )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(words, seps), min_size=1, max_size=20), st.sampled_from(["", "RAIN PLAN", "x"]))
def test_find_many_equals_find_on_each(parts: list[tuple[str, str]], extra: str) -> None:
    text = "".join(w + s for w, s in parts)
    m = matcher("rain plan", "plan", "form", "village")
    texts = [text, extra, text.upper()]
    assert [[(h.start, h.end, h.surface) for h in hits] for hits in m.find_many(texts)] == [
        [(h.start, h.end, h.surface) for h in m.find(t)] for t in texts
    ]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "ⅰ", "İstanbul form"])
def test_odd_texts(text: str) -> None:
    m = matcher("form")
    hits = m.find(text)
    assert all(text[h.start : h.end] == h.surface for h in hits)


ZH_TERMS = ["扶贫", "易地扶贫搬迁", "搬迁", "整村推进", "𠀀地"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                ["扶贫", "易地", "搬迁", "a", "𠀀", "，", "\n", "整村推进", "x扶", "é", "\u200b"]
            ),
            max_size=12,
        ).map("".join),
        min_size=1,
        max_size=5,
    )
)
# a zero-width character beside a line break between Han characters: the matcher found
# 易地扶贫搬迁 (in two passes), unwrap_han, which the rules and messages read, did not
@example(["易地\n\u200b扶贫搬迁", "易地\u200b\n扶贫"])
def test_chinese_hits_are_every_occurrence_at_character_offsets(texts: list[str]) -> None:
    """Every occurrence, also across a line break between Han characters (易地\n扶贫) and
    zero-width characters (易\u200b地)."""
    m = TermMatcher("zh-CN", [TermRef(i, f"c{i}", "zh-CN", t, P) for i, t in enumerate(ZH_TERMS)])
    for text, hits in zip(texts, m.find_all_many(texts), strict=True):
        joined = unwrap_han(text)
        at = _offsets_in(text, joined)
        expected = set()
        for term in ZH_TERMS:
            pos = joined.find(term)
            while pos >= 0:
                expected.add((at[pos], at[pos + len(term) - 1] + 1, term))
                pos = joined.find(term, pos + 1)
        assert {(h.start, h.end, h.term.text) for h in hits} == expected
        assert all(text[h.start : h.end] == h.surface for h in hits)


def _offsets_in(text: str, joined: str) -> list[int]:
    """Where each character of ``joined`` (``text`` less some line breaks) is in ``text``."""
    out, i = [], 0
    for ch in joined:
        while text[i] != ch:
            i += 1
        out.append(i)
        i += 1
    return out


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("推动永续\n发展。", [("永续\n发展", 2, 7)]),
        ("推动永续  \r\n\u3000 发展。", [("永续  \r\n\u3000 发展", 2, 12)]),
        ("永续\n\n发展", []),  # never across a blank line
        ("永续\n- 发展", []),  # nor into a list item
        ("永续发展\n永续发展", [("永续发展", 0, 4), ("永续发展", 5, 9)]),
    ],
)
def test_a_chinese_term_runs_across_a_line_break(text: str, found: list[tuple[str, int, int]]) -> None:
    """A hard-wrapped Chinese text (Markdown, a pretty-printed XLIFF target) breaks lines
    between any two characters: 永续\n发展 is 永续发展 (it was not found)."""
    m = TermMatcher("zh-CN", [TermRef(0, "c0", "zh-CN", "永续发展", P), TermRef(1, "c1", "zh-CN", "发展", P)])
    assert [(h.surface, h.start, h.end) for h in m.find(text) if h.term.id == 0] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("推动永续\u200b发展。", [("永续\u200b发展", 2, 7)]),
        ("推动\ufeff永续\u200c\u200d发展\u2060。", [("永续\u200c\u200d发展", 3, 9)]),
        ("推动永\u00ad续\n\u200b发展。", [("永\u00ad续\n\u200b发展", 2, 9)]),
    ],
)
def test_a_chinese_term_runs_across_zero_width_characters(
    text: str, found: list[tuple[str, int, int]]
) -> None:
    """Characters that show nothing (zero-width space, joiners, BOM, soft hyphen), as text
    copied from web pages has them, hid a term: 永续\u200b发展 is 永续发展."""
    m = TermMatcher("zh-CN", [TermRef(0, "c0", "zh-CN", "永续发展", P), TermRef(1, "c1", "zh-CN", "发展", P)])
    assert [(h.surface, h.start, h.end) for h in m.find(text) if h.term.id == 0] == found


def test_zero_width_characters_beside_a_han_line_break_are_one_gap() -> None:
    """易地\n\u200b扶贫 is 易地扶贫 in one pass, as the matcher reads it."""
    assert unwrap_han("易地\n\u200b扶贫搬迁") == unwrap_han("易地\u200b\n 扶贫搬迁") == "易地扶贫搬迁"
    joined = join_han_lines("易地\n\u200b扶贫")
    assert joined is not None
    assert (joined.text, joined.original(2)) == ("易地扶贫", 4)
    assert unwrap_han("a\u200b\n扶贫") == "a\n扶贫"  # (no Han before the break)
