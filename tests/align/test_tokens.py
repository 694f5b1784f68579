from __future__ import annotations

import pytest

from termkit.align.tokens import Segmenter, en_stem, en_stems, en_stems_joins, is_function_token, trim_span


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("countries", "country"),
        ("taxes", "tax"),
        ("Women", "woman"),
        ("roads", "road"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("class", "class"),
        ("bus", "bus"),
        ("2015", "2015"),
    ],
)
def test_en_stem_removes_plural_endings_only(word: str, stem: str) -> None:
    assert en_stem(word) == stem


@pytest.mark.parametrize(
    ("plural", "singular"), [("securities", "security"), ("goods", "good"), ("arms", "arm")]
)
def test_plurals_with_a_sense_of_their_own_are_kept_whole(plural: str, singular: str) -> None:
    # "securities" (证券) is no plural of "security" (安全): the term must not match it
    assert en_stem(plural) == plural
    assert en_stem(plural.capitalize()) == plural
    assert en_stem(singular) != en_stem(plural)


@pytest.mark.parametrize(
    ("plural", "singular"), [("Arabs", "Arab"), ("CANADIANS", "Canadian"), ("Cypriots", "Cypriot")]
)
def test_plurals_of_nationalities_are_kept_whole(plural: str, singular: str) -> None:
    # "Arabs" (阿拉伯人) names people, "Arab" is mostly the adjective (Arab States)
    assert en_stem(plural) == plural.lower()
    assert en_stem(singular) != en_stem(plural)


def test_en_stems_drop_possessive_and_split_hyphens() -> None:
    assert en_stems("Children's non-governmental organizations") == [
        "child",
        "non",
        "governmental",
        "organization",
    ]


def test_hyphen_joins_are_recorded() -> None:
    stems, joins = en_stems_joins("Guinea-Bissau and Guinea")
    assert stems == ["guinea", "bissau", "and", "guinea"]
    assert joins == frozenset({0})


def test_trim_span_removes_function_words_and_punctuation_at_the_edges() -> None:
    toks = ["在", "农村", "公路", "的", "，"]
    assert trim_span(toks, 0, 5) == (1, 3)
    assert trim_span(["的", "，"], 0, 2) == (2, 2)


def test_segmenter_keeps_glossary_terms_whole_and_caches() -> None:
    seg = Segmenter(["雨露计划"])
    first = seg("实施雨露计划。")
    assert "雨露计划" in first
    assert seg("实施雨露计划。") is first


def test_traditional_text_is_cut_where_its_simplified_form_is() -> None:
    seg = Segmenter(["雨露计划"])
    simplified = seg("安全理事会和会员国对此表示关切，实施雨露计划。")
    traditional = seg("安全理事會和會員國對此表示關切，實施雨露計劃。")
    assert "".join(traditional) == "安全理事會和會員國對此表示關切，實施雨露計劃。"
    assert [len(t) for t in traditional] == [len(t) for t in simplified]
    assert {"理事會", "會員國", "關切", "雨露計劃"} <= set(traditional)


def test_traditional_function_words_are_trimmed_too() -> None:
    assert is_function_token("與") and is_function_token("對") and is_function_token("对")
    assert not is_function_token("會員國") and not is_function_token("，")
    assert trim_span(["對", "會員國", "與"], 0, 3) == (1, 2)


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("crises", "crisis"),
        ("analyses", "analysis"),
        ("hypotheses", "hypothesis"),
        ("viruses", "virus"),
        ("censuses", "census"),
        ("surpluses", "surplus"),
        ("bonuses", "bonus"),
    ],
)
def test_plurals_of_nouns_in_sis_and_us_stem_as_their_singular(plural: str, singular: str) -> None:
    """Stripping the s left "crise" and "viruse": "financial crisis" did not match
    "financial crises"."""
    assert en_stem(plural) == en_stem(singular)


def test_plurals_in_ses_of_nouns_in_se_still_lose_their_s() -> None:
    assert [en_stem(w) for w in ("bases", "causes", "houses", "uses")] == ["base", "cause", "house", "use"]


def test_traditional_terms_segment_traditional_sentences_only() -> None:
    segment = Segmenter(["整村推进"], ["雨露計劃"])
    assert segment("推行雨露計劃和整村推進")[:4] == ("推行", "雨露計劃", "和", "整村推進")
    assert segment.cut("推行雨露計劃")[1] == ("推行", "雨露计划")
    assert segment("推进雨露计划")[:3] == ("推进", "雨露", "计划")
