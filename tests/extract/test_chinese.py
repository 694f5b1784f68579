"""Chinese extraction: jieba with glossary words, token n-grams, no character counted as a word."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from termkit.chinese import jieba_tokenizer, to_simplified
from termkit.extract import Candidate, ExtractOptions, detect_language, extract_lines
from termkit.extract.candidates import Counts
from termkit.extract.chinese import ChineseExtractor

TEXT = [
    "实施整村推进，开展易地扶贫搬迁，落实雨露计划。",
    "整村推进和易地扶贫搬迁是扶贫开发的重点工作。",
    "【雨露计划】培训贫困家庭劳动力。",
]


def test_glossary_words_keep_programme_names_whole() -> None:
    tokenizer = jieba_tokenizer(["整村推进", "易地扶贫搬迁"])
    tokens = list(tokenizer.cut("实施整村推进和易地扶贫搬迁工程"))
    assert "整村推进" in tokens
    assert "易地扶贫搬迁" in tokens


def test_words_loaded_for_one_list_do_not_leak_into_another() -> None:
    # jieba's global tokenizer would keep every word ever loaded in the process, and
    # the same text would segment differently after another glossary was used
    line = "实施整村推进和易地扶贫搬迁工程"
    plain = list(jieba_tokenizer([]).cut(line, HMM=False))
    assert "整村推进" not in plain
    loaded = list(jieba_tokenizer(["整村推进"]).cut(line, HMM=False))
    assert "整村推进" in loaded
    assert list(jieba_tokenizer([]).cut(line, HMM=False)) == plain
    assert list(jieba_tokenizer(["易地扶贫搬迁"]).cut(line, HMM=False)).count("整村推进") == 0


def test_candidates_are_token_ngrams() -> None:
    counts = Counts()
    extractor = ChineseExtractor(counts, ["整村推进", "易地扶贫搬迁", "雨露计划"])
    counts.add_source("t")
    for n, line in enumerate(TEXT, 1):
        extractor.add_line(line, 0, n)
    assert counts.freq["整村推进"] == 2
    assert counts.freq["易地扶贫搬迁"] == 2
    # keys keep the token boundaries: lengths are counted in words
    assert all(len(k.split()) <= 4 for k in counts.freq)
    # function words never inside, one-character words never first
    assert not any(tok in ("和", "的", "是") for k in counts.freq for tok in k.split())
    assert not any(len(k.split()[0]) == 1 for k in counts.freq)
    assert counts.signals["heading"]["雨露计划"] == 1


def test_ranked_chinese_terms_display_without_spaces() -> None:
    words = ("整村推进", "易地扶贫搬迁", "雨露计划")
    result = extract_lines(TEXT, ExtractOptions(lang="zh", glossary_terms=words))
    terms = [c.term for c in result.candidates]
    assert result.lang == "zh"
    assert "整村推进" in terms[:5]
    assert "易地扶贫搬迁" in terms[:5]
    assert all(" " not in t for t in terms)
    by_term = {c.term: c for c in result.candidates}
    assert by_term["整村推进"].length == 1  # one word, however many characters


def test_language_detection() -> None:
    assert detect_language("扶贫开发工作取得显著成效。") == "zh"
    assert detect_language("Poverty alleviation and development; 扶贫") == "en"
    assert extract_lines(TEXT).lang == "zh"
    assert extract_lines(["The Rain Plan trains rural labors."]).lang == "en"


def test_traditional_and_simplified_stay_apart() -> None:
    result = extract_lines(["扶貧開發工作", "扶贫开发工作"], ExtractOptions(lang="zh"))
    variants = {c.term: c.variants for c in result.candidates}
    assert variants["扶贫开发"] == ["扶贫开发"]
    assert variants["扶貧開發"] == ["扶貧開發"]


def test_traditional_text_is_segmented_as_its_simplified_form() -> None:
    # jieba's dictionary and the glossary are Simplified: without the conversion a
    # Traditional line falls apart into fragments (計劃培訓農, 實施整村)
    simple = "山西省继续实施整村推进，完成易地扶贫搬迁任务。雨露计划培训农民工。"
    traditional = "山西省繼續實施整村推進，完成易地扶貧搬遷任務。雨露計劃培訓農民工。"
    options = ExtractOptions(lang="zh", glossary_terms=("整村推进", "易地扶贫搬迁", "雨露计划"))
    got_simple = {c.term: c.score for c in extract_lines([simple], options).candidates}
    scored = {c.term: c.score for c in extract_lines([traditional], options).candidates}
    # the same candidates, scored the same (rarity is looked up in Simplified)
    assert {to_simplified(t): score for t, score in scored.items()} == got_simple
    got_traditional = list(scored)
    assert "整村推進" in got_traditional and "易地扶貧搬遷" in got_traditional
    assert not any(t in got_traditional for t in ("計劃培訓農", "實施整村", "整村"))


def test_traditional_terms_segment_traditional_lines_only() -> None:
    extractor = ChineseExtractor(words=["整村推进"], traditional=["雨露計劃"])
    assert extractor.tokens("推行雨露計劃和整村推進。")[:4] == ["推行", "雨露計劃", "和", "整村推進"]
    # a Simplified line (one with a stray variant too) is cut without the Traditional terms
    assert extractor.tokens("推进雨露计划。")[:3] == ["推进", "雨露", "计划"]
    assert extractor.tokens("推进雨露计划主題有循环继承。")[:3] == ["推进", "雨露", "计划"]
    # and a hard-wrapped Traditional text is joined at a break inside the term
    options = ExtractOptions(lang="zh", traditional_terms=("雨露計劃",))
    reader_joins = _word_across_of(options)
    assert reader_joins("推行雨露", "計劃培訓") and not reader_joins("推进雨露", "计划培训")


def _word_across_of(options: ExtractOptions) -> Callable[[str, str], bool]:
    from termkit.extract import _word_across

    return _word_across(options.glossary_terms, options.traditional_terms)


def test_pronouns_numerals_and_adverbs_stay_off_the_edges() -> None:
    counts = Counts()
    extractor = ChineseExtractor(counts)
    counts.add_source("t")
    extractor.add_line("安全理事会第1325号决议和其他有关决议都特别重要。", 0, 1)
    assert "安全 理事会" in counts.freq  # keys keep token boundaries
    assert not any(k.endswith(" 第") or k.split(" ")[0] in {"其他", "特别"} for k in counts.freq)
    assert "其他" not in counts.freq and "特别" not in counts.freq


def test_a_common_word_or_a_verb_alone_ranks_below_a_term() -> None:
    lines = ["委员会审议了巴塞尔公约的执行问题。", "委员会重申巴塞尔公约的重要性，并审议问题。"] * 2
    cands = {c.term: c for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates}
    term = cands["巴塞尔公约"]
    assert cands["审议"].parts["shape"] < -1.0
    assert cands["审议"].score < term.score
    # a generic reporting verb is no candidate at all
    assert "重申" not in cands


def test_a_generic_noun_alone_is_no_candidate_in_either_script() -> None:
    # the Chinese counterparts of the English generic nouns ("issue", "work",
    # "measures"): they head terms (执行问题) but are none on their own
    lines = ["委员会审议了执行问题和有关措施。", "执行问题的工作方面。", "執行問題的工作方面。"] * 2
    terms = {c.term for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates}
    assert {"执行问题", "執行問題"} <= terms
    assert not terms & {"问题", "問題", "工作", "措施", "方面", "有关"}


def test_tag_table_is_jiebas_own(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    import jieba.posseg

    import termkit.extract.chinese as zh

    zh._tag_table.cache_clear()
    try:
        assert zh._tag_table() == jieba.posseg.dt.word_tag_tab
        assert zh.pos("扶贫") == jieba.posseg.dt.word_tag_tab["扶贫"]

        class Odd:  # a dictionary not in "word frequency tag" form: posseg's own reader
            def get_dict_file(self) -> io.BytesIO:
                return io.BytesIO("扶贫 5\n".encode())

        zh._tag_table.cache_clear()
        monkeypatch.setattr(zh, "jieba_tokenizer", lambda words=(): Odd())
        assert zh._tag_table() == jieba.posseg.dt.word_tag_tab
    finally:
        zh._tag_table.cache_clear()


def test_a_multiword_fragment_of_a_longer_term_is_nested() -> None:
    # jieba cuts the new word 利益攸关方 into 利益 / 攸关 / 方; the pieces 利益攸关 and
    # 攸关方 occur only inside it, so C-value gives them no frequency of their own
    lines = ["各利益攸关方的合作。", "政府与利益攸关方举行会议。", "我们邀请利益攸关方参加。"]
    assert ChineseExtractor().tokens(lines[0])[1:4] == ["利益", "攸关", "方"]
    cands = {c.term: c for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates}
    whole = cands["利益攸关方"]
    for fragment in ("利益攸关", "攸关方"):
        assert cands[fragment].parts["cvalue"] == 0.0
        assert cands[fragment].parts["independence"] < 0
        assert cands[fragment].score < whole.score


@pytest.mark.parametrize("lines", [[], [""], ["abc def"], ["的的的。"]])
def test_text_without_chinese_candidates_ranks_nothing(lines: list[str]) -> None:
    assert extract_lines(lines, ExtractOptions(lang="zh")).candidates == []


def test_names_with_ji_inside_or_bu_in_front_stay_whole() -> None:
    # 经济及社会理事会 and 不扩散核武器条约 are names; cut at 及 / 不 they left the
    # fragments 社会理事会 and 扩散核武器条约 ranked in their place
    lines = [
        "经济及社会理事会审议了报告。",
        "经济及社会理事会通过决议。",
        "各国应遵守不扩散核武器条约。",
        "审议不扩散核武器条约的执行情况。",
        "经济及社会发展。",
        "我们不接受这一提议。",
    ]
    counts = Counts()
    extractor = ChineseExtractor(counts)
    counts.add_source("t")
    for n, line in enumerate(lines, 1):
        extractor.add_line(line, 0, n)
    assert counts.freq["经济 及 社会 理事会"] == 2
    assert counts.freq["不 扩散 核武器 条约"] == 2
    keys = [k.split() for k in counts.freq]
    # 及 only between two conjuncts with a shared head after them, never at an edge
    assert not any(k[-1] == "及" or k[0] == "及" or k[-2:-1] == ["及"] for k in keys)
    # 不 only first, and only before a verb with something after it
    assert not any("不" in k[1:] for k in keys)
    assert "不 接受" not in counts.freq
    ranked = [c.term for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates]
    assert ranked.index("经济及社会理事会") < ranked.index("社会理事会")
    # the verb that 不 opens a name with starts no candidate of its own
    assert "不扩散核武器条约" in ranked and "扩散核武器条约" not in ranked


def test_ke_before_a_verb_opens_a_name_as_bu_does() -> None:
    # jieba cuts 可/持续/发展: without 可 the fragment 持续发展 was the candidate, and
    # 可持续发展 none (on the UN dev set 持续发展 ranked 32, every use inside 可持续发展)
    lines = ["联合国促进可持续发展。", "各国应当推动可持续发展。", "可持续发展目标。"]
    ranked = [c.term for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates]
    assert ranked[:2] == ["可持续发展", "可持续发展目标"]
    # (持续发展, cut after 可, is no candidate)
    assert "持续发展" not in ranked


def test_bu_opens_a_name_in_traditional_text_too() -> None:
    # the verb after 不 is told by the tag of its Simplified form (擴散 -> 扩散)
    ranked = [
        c.term for c in extract_lines(["審議不擴散核武器條約。"] * 2, ExtractOptions(lang="zh")).candidates
    ]
    assert ranked[0] == "不擴散核武器條約"
    assert "不扩散核武器条约" not in ranked


def test_a_pronoun_glued_to_the_next_character_is_no_word() -> None:
    # jieba's HMM makes new words of 我+谨, 本+函, 日+至: none is a term
    lines = ["我谨提及本函所附的报告。", "会议于5日至7日举行，本函附件已分发。"] * 2
    ranked = {c.term for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates}
    assert not ranked & {"我谨", "本函", "日至"}
    assert "报告" in ranked or "附件" in ranked


def test_bu_opens_a_name_before_a_common_verb_too() -> None:
    lines = ["各国应遵守不使用武力原则。", "不使用武力原则是国际法的基本原则。", "大会重申不使用武力原则。"]
    ranked = [c.term for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates]
    assert ranked[0] == "不使用武力原则"


def test_a_name_that_starts_with_a_pronoun_character_stays() -> None:
    # 他信 (Thaksin): jieba's HMM word, and in the glossary
    lines = ["泰国前总理他信。", "他信政府。", "他信被推翻。"]
    for words in ((), ("他信",)):
        ranked = {
            c.term for c in extract_lines(lines, ExtractOptions(lang="zh", glossary_terms=words)).candidates
        }
        assert "他信" in ranked
    # a glossary word in 本 is a word even where jieba does not list it
    lines = ["本函政策。", "本函政策好。"]
    ranked = {
        c.term for c in extract_lines(lines, ExtractOptions(lang="zh", glossary_terms=("本函",))).candidates
    }
    assert "本函" in ranked


def test_a_term_in_both_scripts_still_makes_its_fragment_one() -> None:
    """Traditional and Simplified stay two candidates, but 整村推进 and 整村推進
    together surround 整村: it ranked first in a text holding both scripts."""
    import opencc

    lines = [
        "实施整村推进，开展易地扶贫搬迁。",
        "整村推进和易地扶贫搬迁是重点工作。",
        "【雨露计划】培训劳动力。",
        "整村推进项目取得成效。",
        "各县推进整村推进工作。",
    ]
    both = lines + [opencc.OpenCC("s2t").convert(x) for x in lines]
    top = [c.term for c in extract_lines(both, ExtractOptions(lang="zh")).candidates[:6]]
    assert "整村" not in top
    assert "整村推进" in top and "整村推進" in top


def test_words_ending_in_a_preposition_are_no_terms() -> None:
    # jieba keeps 特别是在 ("especially in") whole as a set phrase, and its HMM makes
    # 致力于 ("devote oneself to") one word: both links, neither a term nor part of one
    lines = ["各国致力于消除贫困，特别是在农村地区。", "委员会致力于扶贫开发，特别是在农村地区。"] * 3
    ranked = {c.term for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates}
    assert not {t for t in ranked if "于" in t or "特别" in t}
    assert "扶贫开发" in ranked and "农村地区" in ranked


def test_a_name_cut_after_its_bu_is_no_candidate() -> None:
    # 不扩散核武器条约不结盟缔约国集团 is seven words: the four-word window gave
    # 扩散核武器条约不结盟 (the verb of 不扩散 first) a rank of its own on the UN dev set
    lines = ["不扩散核武器条约不结盟缔约国集团强调，", "不扩散核武器条约不结盟缔约国集团回顾，"] * 3
    ranked = [c.term for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates]
    assert "不扩散核武器条约" in ranked
    assert not [t for t in ranked if t.startswith("扩散")]


def test_suo_and_a_verb_is_no_word() -> None:
    # jieba lists 所作 ("what is done") as a noun: it ranked 249th on the UN dev set
    lines = ["感谢秘书长为和平所作的贡献。", "各国所作的努力。", "委员会所作的工作。"] * 2
    ranked = [c.term for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates]
    assert "所作" not in ranked
    assert "秘书长" in ranked
    # a noun in 所 stays a word
    ranked = [c.term for c in extract_lines(["研究所所长发言。"] * 2, ExtractOptions(lang="zh")).candidates]
    assert "所长" in ranked


def test_a_phrase_ending_in_a_verb_used_as_one_is_no_term() -> None:
    # 取得 is used as a verb (已取得, 取得了): 方面取得 is a clause, no term; 组织, which
    # jieba tags a verb too, is used as a noun (该组织, 的组织): 非政府组织 stays
    lines = [
        "各国在这方面取得了进展。",
        "在减贫方面取得了成绩。",
        "国际社会在这方面取得了长足进展。",
        "各国已取得进展。",
        "非政府组织参加会议。",
        "非政府组织提交报告。",
        "该组织的代表发言。",
    ]
    cands = {c.term: c for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates}
    assert cands["方面取得"].parts["shape"] < 0
    assert cands["非政府组织"].parts["shape"] == 0
    assert cands["方面取得"].score < cands["非政府组织"].score
    # a glossary word is a noun whatever jieba's tag (扶贫 is a verb to jieba)
    lines = ["各地已扶贫。", "应扶贫。", "精准扶贫工作。", "精准扶贫。"]
    cands = {
        c.term: c
        for c in extract_lines(lines, ExtractOptions(lang="zh", glossary_terms=("扶贫",))).candidates
    }
    assert cands["精准扶贫"].parts["shape"] == 0


def test_a_phrase_the_text_always_goes_on_past_is_a_piece() -> None:
    # 常驻联合国 is always followed by 代表 or 代表团: neither longer phrase alone made
    # 80% of its uses, so C-value kept all 16 of them (ranked 124th on the UN dev set)
    lines = [
        "乌克兰常驻联合国代表给秘书长的信。",
        "智利常驻联合国代表团的普通照会。",
        "中国常驻联合国代表发言。",
        "阿根廷常驻联合国代表团通知秘书处。",
        "俄罗斯常驻联合国代表。",
    ]
    cands = {c.term: c for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates}
    assert cands["常驻联合国"].parts["independence"] < 0
    assert cands["常驻联合国"].score < cands["常驻联合国代表"].score
    # a modifier on the left is no sign: the head noun stays a term of its own
    lines = ["国家减灾机构发言人表示。", "印尼国家减灾机构称。", "省减灾机构。"]
    cands = {c.term: c for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates}
    assert cands["减灾机构"].parts["independence"] == 0


def test_a_phrase_longer_than_the_window_leaves_no_piece() -> None:
    # 进入尼科西亚飞行情报区 is five words: the first four (进入 尼科西亚 飞行 情报) were
    # a candidate of their own, always followed by 区
    lines = ["飞机未经许可进入尼科西亚飞行情报区。"] * 4
    cands = {c.term: c for c in extract_lines(lines, ExtractOptions(lang="zh")).candidates}
    assert cands["进入尼科西亚飞行情报"].parts["independence"] == -3.0
    assert cands["进入尼科西亚飞行情报"].score < cands["尼科西亚飞行情报区"].score


def test_zero_width_characters_inside_a_word_show_nothing() -> None:
    """A zero-width space (joiner, BOM, soft hyphen) inside a word, as text copied from
    web pages has it, cut the word: 易地扶\u200b贫搬迁 gave the candidate 易地扶."""
    words = ("易地扶贫搬迁",)
    lines = ["易地扶\u200b贫搬迁是重点。", "开展易地扶贫\ufeff搬迁。", "易地\u00ad扶贫搬迁成效明显。"]
    result = extract_lines(lines, ExtractOptions(lang="zh", glossary_terms=words))
    terms = {c.term: c.frequency for c in result.candidates}
    assert terms["易地扶贫搬迁"] == 3
    assert not any(ch in term for term in terms for ch in "\u200b\ufeff\u00ad")
    assert "易地扶" not in terms and "易地" not in terms
    counts = Counts()
    extractor = ChineseExtractor(counts, words)
    counts.add_source("t")
    extractor.add_line(lines[0], 0, 1)
    assert counts.freq["易地扶贫搬迁"] == 1


def test_a_hard_wrapped_text_is_read_as_its_paragraphs() -> None:
    """A plain-text file filled to a fixed width breaks lines inside words (易地扶贫搬\n迁):
    its pieces became candidates (易地扶贫搬, and 迁 lost).  Lines as wide as the wrap go
    on in the next; a short line (a heading, a paragraph's end) still ends; a text of a
    sentence a line (the UN development set) is read as before."""
    paragraph = "各地积极推进易地扶贫搬迁工作，易地扶贫搬迁成效明显，群众生活得到改善。加强易地扶贫搬迁后续扶持，巩固易地扶贫搬迁成果。"
    lines = ["工作概况", *[paragraph[i : i + 10] for i in range(0, len(paragraph), 10)], "", "结语"]
    assert lines[1:4] == [
        "各地积极推进易地扶贫",
        "搬迁工作，易地扶贫搬",
        "迁成效明显，群众生活",
    ]  # 20 columns
    result = extract_lines(lines, ExtractOptions(lang="zh", glossary_terms=("易地扶贫搬迁",)))
    terms = {c.term: c.frequency for c in result.candidates}
    assert terms["易地扶贫搬迁"] == 4
    assert not any(t.endswith(("搬", "扶")) or t.startswith(("迁", "贫")) for t in terms)
    assert [t for t in terms if t.startswith("工作概况")] == ["工作概况"]  # a heading is not wrapped
    assert result.lines == 3  # the heading, the paragraph, the last line


def test_a_loaded_term_does_not_promote_the_phrases_built_on_it() -> None:
    # 安全理事会, once approved, was one jieba word unknown to general Chinese, the
    # rarest of words: 提及安全理事会 climbed the UN set's ranking from 214th to 52nd
    lines = [
        "报告提及安全理事会的工作。",
        "各国代表出席安全理事会会议。",
        "安全理事会处理这一问题。",
        "秘书长提及安全理事会第1325号决议。",
        "安全理事会成员国出席会议。",
    ]
    phrases = ("提及安全理事会", "出席安全理事会", "安全理事会处理")

    def scored(terms: tuple[str, ...]) -> dict[str, Candidate]:
        result = extract_lines(lines, ExtractOptions(lang="zh", glossary_terms=terms))
        return {c.term: c for c in result.candidates}

    cut, loaded = scored(()), scored(("安全理事会",))
    for phrase in phrases:
        assert loaded[phrase].parts["specificity"] == pytest.approx(cut[phrase].parts["specificity"])
        assert loaded[phrase].score <= cut[phrase].score
    # the term itself is still the rarest: a word of its own
    assert loaded["安全理事会"].parts["specificity"] == pytest.approx(3.6)
    traditional = [to_traditional(line) for line in lines]
    hant = extract_lines(traditional, ExtractOptions(lang="zh", glossary_terms=("安全理事会",)))
    by_term = {c.term: c for c in hant.candidates}
    assert by_term["提及安全理事會"].parts["specificity"] == pytest.approx(
        cut["提及安全理事会"].parts["specificity"]
    )


def to_traditional(text: str) -> str:
    import opencc  # type: ignore[import-untyped]

    return str(opencc.OpenCC("s2t").convert(text))
