"""Each rule on small texts and translations, against the test glossary in data/."""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.errors import Diagnostic, Severity
from termkit.lint import RULES, Linter, LintOptions
from termkit.lint.documents import indented_code_lines
from termkit.lint.matcher import GlossaryIndex
from termkit.lint.rules import case_problem, is_short_form
from termkit.model import Concept, Glossary, ReviewStatus, Term, TermStatus


def found(diags: list[Diagnostic], rule: str) -> list[tuple[int, int, str | None, str | None]]:
    return [(d.line, d.column, d.concept, d.matched) for d in diags if d.rule == rule]


def lint_tsv(linter: Linter, tmp_path: Path, rows: list[tuple[str, str]]) -> list[Diagnostic]:
    path = tmp_path / "pairs.tsv"
    path.write_text("".join(f"{a}\t{b}\n" for a, b in rows), encoding="utf-8")
    return linter.lint_file(str(path))


def test_every_rule_is_documented_and_described() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "lint.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert rule.description and not rule.description.endswith(" ")
        assert f"### `{rule.id}`" in doc, f"docs/lint.md has no entry for {rule.id}"


# --------------------------------------------------------------------------
# Monolingual


def test_deprecated_and_forbidden_terms(linter: Linter) -> None:
    text = "The East-West cooperation program ended.\nWhole village advancement is banned.\n"
    diags = linter.lint_text("doc.txt", text)
    assert found(diags, "deprecated-term") == [
        (1, 5, "east-helps-west", "East-West cooperation program"),
        (2, 1, "entire-village-advancement", "Whole village advancement"),
    ]
    dep, forb = [d for d in diags if d.rule == "deprecated-term"]
    assert (dep.severity, forb.severity) == (Severity.WARNING, Severity.ERROR)
    assert dep.expected == "East-Helps-West program"
    assert dep.format() == (
        'doc.txt:1:5: warning: deprecated term "East-West cooperation program" for concept east-helps-west; '
        'use "East-Helps-West program" [deprecated-term]'
    )


def test_mixed_variants_point_at_the_preferred_term(linter: Linter) -> None:
    text = (
        "28. The East-Helps-West program goes on.\n"
        "39. Officials of the East-Help-West Program and fixed-point poverty alleviation.\n"
        "Targeted poverty reduction works.\n"
    )
    diags = linter.lint_text("doc.txt", text)
    assert found(diags, "mixed-variants") == [
        (2, 22, "east-helps-west", "East-Help-West Program"),
        (2, 49, "targeted-poverty-alleviation", "fixed-point poverty alleviation"),
    ]
    d = next(d for d in diags if d.rule == "mixed-variants")
    assert "(line 1)" in d.message and d.expected == "East-Helps-West program"


def test_short_forms_are_not_mixed_variants(linter: Linter) -> None:
    text = "The key counties for national poverty alleviation and development, and other key counties.\n"
    assert is_short_form("LGOP", "Leading Group Office of Poverty Alleviation")
    assert not is_short_form("poor area", "poverty-stricken area")
    assert found(linter.lint_text("d.txt", text), "mixed-variants") == []


def test_non_preferred_term_is_opt_in(index: GlossaryIndex) -> None:
    text = "The East-Help-West Program helps.\n"
    assert found(Linter(index).lint_text("d.txt", text), "non-preferred-term") == []
    diags = Linter(index, LintOptions(select={"non-preferred-term"})).lint_text("d.txt", text)
    assert found(diags, "non-preferred-term") == [(1, 5, "east-helps-west", "East-Help-West Program")]
    assert diags[0].severity is Severity.INFO


def test_term_case(linter: Linter) -> None:
    text = (
        "# Rain Plan and Entire Village Advancement\n"  # heading: fine
        "Entire village advancement works. The rain plan trains people.\n"  # sentence start fine; rain plan not
        "We use the Entire Village Advancement approach.\n"  # Title Case mid-sentence: flagged
        "the Entire Village Advancement Office of Shanxi\n"  # inside a longer name: fine
        "【Entire village advancement】 “Entire Village Advancement” was\n"
    )
    assert found(linter.lint_text("d.md", text, markdown=True), "term-case") == [
        (2, 39, "rain-plan", "rain plan"),
        (3, 12, "entire-village-advancement", "Entire Village Advancement"),
    ]


@pytest.mark.parametrize(
    ("term", "surface", "before", "after", "line", "problem"),
    [
        ("rain plan", "Rain plan", "", " is", "Rain plan is", False),
        ("Rain Plan", "rain plan", "the ", " is", "the rain plan is", True),
        ("Rain Plan", "RAIN PLAN", "THE ", " IS OUT", "THE RAIN PLAN IS OUT", False),
        ("Rain Plan", "RAIN PLAN", "the ", " is out.", "the RAIN PLAN is out.", True),
        ("rain plan", "Rain Plan", "the “", "” was", "the “Rain Plan” was", False),
    ],
)
def test_case_problem(term: str, surface: str, before: str, after: str, line: str, problem: bool) -> None:
    assert case_problem(term, surface, before, after, line) is problem


def test_term_hyphenation(linter: Linter) -> None:
    text = "The ex situ anti-poverty relocation and the ex-situ anti-poverty\nrelocation; farmers’ homes.\n"
    assert found(linter.lint_text("d.txt", text), "term-hyphenation") == [
        (1, 5, "ex-situ-relocation", "ex situ anti-poverty relocation"),
    ]


def test_chinese_document(linter: Linter) -> None:
    text = "实施整村推进和济贫工作。整村推进。\n"
    diags = linter.lint_text("zh.txt", text)
    assert found(diags, "deprecated-term") == [(1, 8, "poverty-alleviation", "济贫")]
    assert diags[0].severity is Severity.ERROR and diags[0].expected == "扶贫"


def test_a_chinese_term_across_a_line_break(linter: Linter, tmp_path: Path) -> None:
    """A hard-wrapped Chinese text, a pretty-printed XLIFF target: 济\n贫 is 济贫 (a
    forbidden term was not found; an approved one was reported missing)."""
    diags = linter.lint_text("zh.txt", "实施整村推进和济\n  贫工作。\n")
    assert found(diags, "deprecated-term") == [(1, 8, "poverty-alleviation", "济\n  贫")]
    assert diags[0].message == 'forbidden term "济贫" for concept poverty-alleviation; use "扶贫"'
    xlf = tmp_path / "wrapped.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file source-language="en" target-language="zh-CN" datatype="plaintext" original="x"><body>\n'
        '<trans-unit id="1"><source>The Rain Plan.</source><target>雨露\n计划。</target></trans-unit>\n'
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    assert linter.lint_file(str(xlf)) == []


def _zh_index(*concepts: tuple[str, ReviewStatus, list[tuple[str, TermStatus]]]) -> GlossaryIndex:
    glossary = Glossary(
        [
            Concept(
                cid,
                status,
                terms={"en": [Term(cid.replace("-", " "))], "zh-CN": [Term(t, s) for t, s in terms]},
            )
            for cid, status, terms in concepts
        ]
    )
    return GlossaryIndex.build(glossary, include_proposed=False)


def test_a_forbidden_chinese_term_inside_a_longer_word(tmp_path: Path) -> None:
    """A deprecated or forbidden Chinese term is not reported where it is only a part of
    a longer word (jieba's segmentation, every glossary term loaded): 济贫 in 救济/贫困
    (a word runs across it), 秘书 in 秘书长 (inside one of jieba's words), 安全委员会 in
    海事安全委员会 when the glossary lists the longer name, even in a concept lint leaves
    out.  It is where it has its own word edges (联合国/安全委员会), and where it ends a
    longer word, as that word's head (最高法院 is a 法院)."""
    A, F, D = TermStatus.PREFERRED, TermStatus.FORBIDDEN, TermStatus.DEPRECATED
    ok = ReviewStatus.APPROVED
    index = _zh_index(
        ("security-council", ok, [("安全理事会", A), ("安全委员会", F)]),
        ("poverty-alleviation", ok, [("扶贫", A), ("济贫", F)]),
        ("secretary", ok, [("文书", A), ("秘书", D)]),
        ("court", ok, [("审判机关", A), ("法院", D)]),
        ("maritime-safety-committee", ReviewStatus.PROPOSED, [("海事安全委员会", A)]),
    )
    lines = [
        "国际海事组织海事安全委员会举行会议。",  # the glossary names the longer word
        "政府救济贫困人口。",  # 救济/贫困
        "请秘书长提交报告。",  # 秘书长
        "联合国安全委员会通过决议。",  # 联合国/安全委员会
        "实施济贫工作。",
        "最高法院作出裁决。",  # the head of 最高法院
        "秘书处和秘书都来了。",
    ]
    expected = [
        (4, 4, "security-council", "安全委员会"),
        (5, 3, "poverty-alleviation", "济贫"),
        (6, 3, "court", "法院"),
        (7, 5, "secretary", "秘书"),
    ]
    text = "".join(line + "\n" for line in lines)
    assert found(Linter(index).lint_text("zh.txt", text), "deprecated-term") == expected
    rows = [(f"Line {n}.", line) for n, line in enumerate(lines, 1)]
    diags = lint_tsv(Linter(index), tmp_path, rows)
    assert [(line, col - 8) for line, col, _, _ in found(diags, "forbidden-target-term")] == [
        (line, col) for line, col, _, _ in expected
    ]


def test_a_forbidden_chinese_term_at_the_start_of_a_compound(tmp_path: Path) -> None:
    """A forbidden Chinese term that starts a phrase jieba lists as one word was not
    reported: 日本 in 日本政府, 信息 in 信息技术 (jieba would cut them 日本/政府,
    信息/技术 if it did not list them).  It still is not where it only starts a longer
    word: 秘书长 and 外交部长 (长, 部 make a new word), 民主党人 (民主党/人), 印度尼西亚,
    刚果民主共和国 (a name: 民主共和国 is no word), 扶贫办; nor inside a compound the
    glossary names (调查结果 in a rejected concept); nor a term of one character (电视)."""
    F, A = TermStatus.FORBIDDEN, TermStatus.PREFERRED
    ok = ReviewStatus.APPROVED
    index = _zh_index(
        ("japan", ok, [("日本国", A), ("日本", F)]),
        ("information", ok, [("资讯", A), ("信息", F)]),
        ("secretary", ok, [("文书", A), ("秘书", F)]),
        ("foreign-affairs", ok, [("外事", A), ("外交", F)]),
        ("democracy", ok, [("民治", A), ("民主", F)]),
        ("india", ok, [("印度共和国", A), ("印度", F)]),
        ("congo", ok, [("刚果（布）", A), ("刚果", F)]),
        ("poverty-alleviation", ok, [("脱贫", A), ("扶贫", F)]),
        ("survey", ok, [("调研", A), ("调查", F)]),
        ("survey-results", ReviewStatus.REJECTED, [("调查结果", A)]),
        ("electricity", ok, [("电力", A), ("电", F)]),
    )
    lines = [
        "日本政府发表声明。",  # 日本/政府
        "引进新的信息技术工具。",  # 信息/技术
        "请秘书长提交报告。",
        "外交部长出席会议。",
        "民主党人反对。",
        "印度尼西亚代表发言。",
        "刚果民主共和国代表发言。",
        "县扶贫办负责此事。",
        "对调查结果的分析。",  # the glossary names 调查结果
        "他在看电视。",
    ]
    expected = [(1, 1, "japan", "日本"), (2, 5, "information", "信息")]
    text = "".join(line + "\n" for line in lines)
    assert found(Linter(index).lint_text("zh.txt", text), "deprecated-term") == expected
    rows = [(f"Line {n}.", line) for n, line in enumerate(lines, 1)]
    diags = lint_tsv(Linter(index), tmp_path, rows)
    assert [(line, col - 8) for line, col, _, _ in found(diags, "forbidden-target-term")] == [
        (line, col) for line, col, _, _ in expected
    ]


def test_a_forbidden_chinese_term_inside_a_name_or_a_derivation(tmp_path: Path) -> None:
    """Inside a place or person name of jieba's dictionary a forbidden term was reported
    as the start of a phrase or as the head of the name: 几内亚 in 几内亚比绍 (jieba
    cuts it 几内亚/比绍 without the name), 马里 in 马里兰州, 西亚 in 印度尼西亚, 马里
    in 索马里, 爱尔兰 in 北爱尔兰; and at the start of an -ism: 种族 in 种族主义(者).
    It still is where the name is the term and a common noun (塞浦路斯共和国, 中东地区,
    福克兰群岛).  A place name that starts a word named after it was not reported
    (美国队, 美洲国家组织, 意大利语, 澳大利亚人): it is, as 日本人 (日本/人) was; not where the word
    is a place of its own (蒙古国).  (Lines of un-v1.0-dev and ntrex128.)"""
    F, A = TermStatus.FORBIDDEN, TermStatus.PREFERRED
    ok = ReviewStatus.APPROVED
    index = _zh_index(
        ("guinea", ok, [("几内亚共和国", A), ("几内亚", F)]),
        ("mali", ok, [("马里共和国", A), ("马里", F)]),
        ("western-asia", ok, [("亚洲西部", A), ("西亚", F)]),
        ("ireland", ok, [("爱尔兰共和国", A), ("爱尔兰", F)]),
        ("race", ok, [("人种", A), ("种族", F)]),
        ("freedom", ok, [("自主", A), ("自由", F)]),
        ("cyprus", ok, [("塞岛", A), ("塞浦路斯", F)]),
        ("middle-east", ok, [("近东", A), ("中东", F)]),
        ("islands", ok, [("列岛", A), ("群岛", F)]),
        ("united-states", ok, [("美利坚合众国", A), ("美国", F)]),
        ("americas", ok, [("美洲大陆", A), ("美洲", F)]),
        ("italy", ok, [("意大利共和国", A), ("意大利", F)]),
        ("mongolia", ok, [("蒙古人民共和国", A), ("蒙古", F)]),
        ("japan", ok, [("日本国", A), ("日本", F)]),
        ("australia", ok, [("澳洲", A), ("澳大利亚", F)]),
    )
    lines = [
        "重申安理会全面承诺巩固几内亚比绍的和平与稳定，",
        "马里兰州贝塞斯达的国家癌症研究所研究人员",
        "印度尼西亚、马来西亚和菲律宾",
        "并呼吁索马里政治领导人重新关注政治、安全和发展问题",
        "大不列颠及北爱尔兰联合王国表示，蒙古国将得益于它们的积极和消极安全保证。",
        "出台政策打击种族主义和种族主义者",
        "她们还是新自由主义紧缩性削减的受害者。",
        "一艘土耳其导弹艇侵犯塞浦路斯共和国领水",  # 塞浦路斯 / 共和国
        "在中东地区，伊拉克和叙利亚境内",  # 中东 / 地区
        "英国对福克兰群岛的主权可追溯到1765年",  # the head of 福克兰群岛
        "此后美国队在四人二球赛中艰难地赢得了两场比赛",  # named after 美国
        "包括美洲国家组织大会决议",
        "提供德语、意大利语、日语导游服务。",
        "向日本人民和政府表示感谢",  # 日本 / 人民
        "政府向出席世界大会的土著澳大利亚人提供了支持。",  # 澳大利亚人, as 日本 / 人
    ]
    expected = [
        (8, 11, "cyprus", "塞浦路斯"),
        (9, 2, "middle-east", "中东"),
        (10, 7, "islands", "群岛"),
        (11, 3, "united-states", "美国"),
        (12, 3, "americas", "美洲"),
        (13, 6, "italy", "意大利"),
        (14, 2, "japan", "日本"),
        (15, 13, "australia", "澳大利亚"),
    ]
    text = "".join(line + "\n" for line in lines)
    assert found(Linter(index).lint_text("zh.txt", text), "deprecated-term") == expected
    rows = [(f"Line {n}.", line) for n, line in enumerate(lines, 1)]
    diags = lint_tsv(Linter(index), tmp_path, rows)
    assert [
        (line, col - len(f"Line {line}.\t")) for line, col, _, _ in found(diags, "forbidden-target-term")
    ] == [(line, col) for line, col, _, _ in expected]


def test_zero_width_characters_in_a_chinese_translation(linter: Linter, tmp_path: Path) -> None:
    """A zero-width space (or BOM, joiner, soft hyphen) inside a Chinese term hid it: a
    forbidden term was not found, an approved one reported missing; and two targets
    that differ only by one were "different"."""
    diags = lint_tsv(
        linter,
        tmp_path,
        [
            ("Poverty alleviation funds.", "济\u200b贫资金。"),
            ("The Rain Plan trained people.", "雨露\ufeff计划培训了人员。"),
            ("The Rain Plan trained people.", "雨露计划培训了人员。"),
        ],
    )
    assert [(d.rule, d.line, d.matched) for d in diags] == [
        ("forbidden-target-term", 1, "济\u200b贫"),
    ]
    assert diags[0].message == 'forbidden target term "济贫" for concept poverty-alleviation; use "扶贫"'
    assert found(linter.lint_text("zh.txt", "实施济\u00ad贫工作。\n"), "deprecated-term") == [
        (1, 3, "poverty-alleviation", "济\u00ad贫")
    ]


def test_full_width_letters_and_digits_are_the_same_segment(linter: Linter, tmp_path: Path) -> None:
    """共５个村 and 共5个村 are one translation (docs/lint.md: full-width letters and
    digits read as ASCII); a full-width comma inside a segment is kept."""
    diags = lint_tsv(
        linter,
        tmp_path,
        [
            ("Five villages in all.", "共５个村，ＧＤＰ增长。"),
            ("Five villages in all.", "共5个村，GDP增长。"),
            ("Five villages in all.", "共5个村,GDP增长。"),
        ],
    )
    assert [(d.rule, d.line) for d in diags if d.rule.startswith("same-")] == [
        ("same-source-different-target", 3)
    ]


def test_suppression_comments(linter: Linter) -> None:
    text = (
        "Whole village advancement. <!-- termkit: ignore[deprecated-term] -->\n"
        "Whole village advancement. termkit: ignore\n"
        "<!-- termkit: ignore -->\n"
        "Whole village advancement.\n"
        "Whole village advancement. <!-- termkit: ignore[mixed-variants] -->\n"
    )
    assert found(linter.lint_text("d.md", text, markdown=True), "deprecated-term") == [
        (5, 1, "entire-village-advancement", "Whole village advancement"),
    ]


def test_markdown_code_and_links_are_not_linted(linter: Linter) -> None:
    text = (
        "Use `whole village advancement` in code.\n"
        "```\nwhole village advancement\n```\n"
        "[link](https://example.org/whole-village-advancement) <!-- whole village advancement -->\n"
        "Whole village advancement.\n"
    )
    assert [d.line for d in linter.lint_text("d.md", text, markdown=True)] == [6]


def test_markdown_indented_code_is_not_linted_but_indented_prose_is(linter: Linter) -> None:
    text = (
        "Whole village advancement.\n"  # 1: prose
        "    whole village advancement, a paragraph's continuation\n"  # 2: prose
        "\n"
        "    whole village advancement = 1  # an indented code block\n"  # 4: code
        "\twhole village advancement\n"  # 5: code (a tab)
        "\n"
        "- A list item.\n"
        "\n"
        "    Whole village advancement, the item's second paragraph.\n"  # 9: prose
        "\n"
        "> A quote:\n"
        ">\n"
        ">     whole village advancement\n"  # 13: code in a quote
    )
    assert [d.line for d in linter.lint_text("d.md", text, markdown=True)] == [1, 2, 9]
    # the same text as plain text is linted throughout
    plain = [d.line for d in linter.lint_text("d.txt", text)]
    assert plain == [1, 2, 4, 5, 9, 13]


def test_markdown_indented_code_is_told_by_the_blocks_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Which lines are indented code is a matter of blocks: parsing the inline markup of
    every paragraph too made lint on a large Markdown file twice as slow."""
    import markdown_it.parser_inline

    def inline_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the inline markup was parsed")

    monkeypatch.setattr(markdown_it.parser_inline.ParserInline, "parse", inline_parse)
    text = "Some *prose* with `code` and a [link](x).\n\n    an indented code block\n\n- an item\n"
    assert indented_code_lines(text) == [(2, 3)]
    assert indented_code_lines("Four spaces    inside a line, none at its start.\n") == []


# --------------------------------------------------------------------------
# Bilingual


def test_key_term_missing(linter: Linter, tmp_path: Path) -> None:
    diags = lint_tsv(
        linter,
        tmp_path,
        [
            ("The Rain Plan trained people.", "雨露计划培训了人员。"),
            ("The Rain Plan trained people.", "该计划培训了人员。"),
            ("Poverty alleviation work.", "脱贫工作。"),  # an admitted translation is fine
            ("The Palestinian Relocation Authority", "巴勒斯坦当局"),  # a term inside a longer name
        ],
    )
    assert found(diags, "key-term-missing") == [(2, 5, "rain-plan", "Rain Plan")]
    (d,) = [d for d in diags if d.rule == "key-term-missing"]
    assert d.expected == "雨露计划" and d.path.endswith("pairs.tsv")


def test_forbidden_target_term(linter: Linter, tmp_path: Path) -> None:
    diags = lint_tsv(linter, tmp_path, [("Poverty alleviation funds.", "济贫资金。")])
    assert found(diags, "forbidden-target-term") == [(1, 28, "poverty-alleviation", "济贫")]
    assert found(diags, "key-term-missing") == []  # the forbidden term is reported, not also as missing


def test_inconsistent_translation(linter: Linter, tmp_path: Path) -> None:
    diags = lint_tsv(
        linter,
        tmp_path,
        [
            ("Fixed-point poverty alleviation was strengthened.", "定点帮扶得到加强。"),
            ("Targeted poverty reduction work.", "定点扶贫工作。"),
            ("Targeted poverty reduction efforts.", "定点扶贫努力。"),
        ],
    )
    assert found(diags, "inconsistent-translation") == [(1, 51, "targeted-poverty-alleviation", "定点帮扶")]


def test_same_source_different_target_and_the_reverse(linter: Linter, tmp_path: Path) -> None:
    diags = lint_tsv(
        linter,
        tmp_path,
        [
            ("Entire village advancement.", "整村推进。"),
            ("entire  village advancement.", "整村推进工作。"),  # same source after whitespace and case
            ("ENTIRE VILLAGE ADVANCEMENT.", "整村推进。"),  # same as the first: no finding
            ("The whole project.", "整村推进。"),
        ],
    )
    assert [(d.line, d.rule) for d in diags if d.rule.startswith("same-")] == [
        (2, "same-source-different-target"),
        (4, "same-target-different-source"),
    ]
    msg = next(d.message for d in diags if d.rule == "same-source-different-target")
    assert msg.startswith("same source, different target:") and "at line 1" in msg


def test_repetitions_ignore_the_punctuation_that_ends_a_segment(linter: Linter, tmp_path: Path) -> None:
    # (UN dev set) segmenters and styles differ in the final stop or colon: no finding
    # for that alone, but a different wording behind it is found
    diags = lint_tsv(
        linter,
        tmp_path,
        [
            ("The General Assembly,", "大会，"),
            ("The General Assembly", "大会，"),
            ("4. Other matters:", "4. 其他事项："),
            ("4. Other matters.", "4. 其他事项。"),
            ("Adoption of the agenda and organization of work.", "通过议程和安排工作。"),
            ("Adoption of the agenda and organization of work", "通过议程和工作安排"),
        ],
    )
    assert [(d.line, d.rule) for d in diags if d.rule.startswith("same-")] == [
        (6, "same-source-different-target")
    ]


def test_number_mismatch(linter: Linter, tmp_path: Path) -> None:
    diags = lint_tsv(
        linter,
        tmp_path,
        [
            ("A total of 2.07 billion Yuan and 5,000 people.", "共计20.7亿元，5000人。"),
            ("660 villages", "600个村"),
        ],
    )
    assert found(diags, "number-mismatch") == [(2, 1, None, "660"), (2, 14, None, "600")]


def test_a_broken_omegat_tag_is_a_tag_problem_not_a_number(linter: Linter, tmp_path: Path) -> None:
    """A translation that breaks, drops or renumbers an OmegaT tag shortcut was reported
    as a number ("number 0 in the target is not in the source") or not at all."""
    diags = lint_tsv(
        linter,
        tmp_path,
        [
            ("Click <a0>here</a0>.", "点击<a0>这里</ a0>。"),
            ("<e0>Note:</e0> see below", "<e0>注意：见下文"),
            ("<e0>Note</e0>", "<e1>注意</e1>"),
            ("Line<br0/>", "行<br0 />"),
            ("<i0>A</i0> and <i1>B</i1>", "<i1>乙</i1>和<i0>甲</i0>"),  # reordered: fine
            ("Untranslated <e0>yet</e0>", ""),
        ],
    )
    assert found(diags, "number-mismatch") == []
    assert [(d.line, d.column, d.matched, d.message) for d in diags if d.rule == "tag-mismatch"] == [
        (
            1,
            30,
            "</ a0>",
            "broken tag '</ a0>' in the translation: OmegaT reads it as text; write </a0> as in the source",
        ),
        (2, 10, "</e0>", "tag </e0> is missing in the translation"),
        (3, 15, "<e1>", "tag <e0> is missing in the translation, which has <e1> instead (renumbered?)"),
        (3, 21, "</e1>", "tag </e0> is missing in the translation, which has </e1> instead (renumbered?)"),
        (
            4,
            13,
            "<br0 />",
            "broken tag '<br0 />' in the translation: OmegaT reads it as text; write <br0/> as in the source",
        ),
    ]
    assert {d.severity for d in diags if d.rule == "tag-mismatch"} == {Severity.WARNING}


def test_a_broken_extra_copy_of_a_tag_is_not_said_to_be_missing_from_the_source(
    linter: Linter, tmp_path: Path
) -> None:
    diags = lint_tsv(linter, tmp_path, [("Click <a0>here</a0>.", "点击<a0>这里</a0></ a0>。")])
    assert [d.message for d in diags if d.rule == "tag-mismatch"] == [
        "broken tag '</ a0>' in the translation: OmegaT reads it as text; "
        "the translation already has </a0> as often as the source: remove this copy"
    ]


def test_tsv_with_chinese_first_is_a_translation_into_english(linter: Linter, tmp_path: Path) -> None:
    """A TSV bitext is ``source<TAB>target``: a Chinese first column is the source of a
    translation into English.  It was taken for the target, and a zh→en bitext (the
    way Chinese policy texts are translated) gave no finding at all."""
    rows = [
        ("雨露计划培训。", "The Rain Plan trains."),
        ("整村推进。", "Whole village."),
        ("整村推进。", "Whole village advancement."),
    ]
    diags = lint_tsv(linter, tmp_path, rows)
    assert found(diags, "key-term-missing") == [(2, 1, "entire-village-advancement", "整村推进")]
    assert found(diags, "forbidden-target-term") == [
        (3, 7, "entire-village-advancement", "Whole village advancement")
    ]
    # English first: a translation into Chinese, as before
    diags = lint_tsv(linter, tmp_path, [("The Rain Plan trains.", "培训。"), ("The Rain Plan.", "培训。")])
    assert found(diags, "key-term-missing") == [
        (1, 5, "rain-plan", "Rain Plan"),
        (2, 5, "rain-plan", "Rain Plan"),
    ]


def test_a_tsv_header_names_the_languages(linter: Linter, tmp_path: Path) -> None:
    """The header termkit writes (``en<TAB>zh-Hant`` from ``align docs`` or ``convert``)
    is no pair, and its tags are the languages, source first: a Traditional target is
    not checked against the Simplified terms (it was, and expected 雨露计划 in
    Traditional text), and ``zh-CN<TAB>en`` is a translation into English."""
    traditional = [("en", "zh-Hant"), ("The Rain Plan trains.", "雨露計劃培訓。")]
    assert lint_tsv(linter, tmp_path, traditional) == []
    into_english = [("zh-CN", "en"), ("整村推进。", "Whole village advancement.")]
    assert found(lint_tsv(linter, tmp_path, into_english), "forbidden-target-term") == [
        (2, 7, "entire-village-advancement", "Whole village advancement")
    ]


def test_line_aligned_files_report_each_side(linter: Linter, tmp_path: Path) -> None:
    (tmp_path / "doc.en").write_text("The Rain Plan.\nPoverty alleviation.\n", encoding="utf-8")
    (tmp_path / "doc.zh").write_text("该计划。\n济贫。\n", encoding="utf-8")
    diags = linter.lint_line_aligned(str(tmp_path / "doc.en"), str(tmp_path / "doc.zh"))
    assert sorted((Path(d.path).name, d.line, d.column, d.rule) for d in diags) == [
        ("doc.en", 1, 5, "key-term-missing"),
        ("doc.zh", 2, 1, "forbidden-target-term"),
    ]


def test_a_stray_backtick_does_not_hide_the_rest_of_a_markdown_file(linter: Linter) -> None:
    text = "A stray ` backtick.\n\nWhole village advancement.\n"
    assert [d.line for d in linter.lint_text("d.md", text, markdown=True)] == [3]


def test_repetitions_keep_the_signs_that_end_a_segment(linter: Linter, tmp_path: Path) -> None:
    # (a review) "%" and "*" are no final punctuation: "5%" is not "5"
    diags = lint_tsv(
        linter,
        tmp_path,
        [
            ("Discount 5%", "折扣5%"),
            ("Discount 5%", "折扣5"),
            ("Name*", "姓名*"),
            ("Name", "名称"),
            ("Hello．", "你好"),  # full-width stops and other dashes end a segment too
            ("Hello", "您好"),
        ],
    )
    assert [(d.line, d.rule) for d in diags if d.rule.startswith("same-")] == [
        (2, "same-source-different-target"),
        (6, "same-source-different-target"),
    ]


# --------------------------------------------------------------------------
# Homographs: one English term, two concepts told apart by subject

HOMOGRAPHS_YAML = """\
comment:
  status: approved
  subject: source code
  terms:
    en:
      - text: comment
        status: preferred
    zh-CN:
      - text: 注释
        status: preferred
      - text: 代码注释
        status: admitted

comment-2:
  status: approved
  subject: discussion
  terms:
    en:
      - text: comment
        status: preferred
      - text: remark
        status: admitted
    zh-CN:
      - text: 评论
        status: preferred
      - text: 评语
        status: admitted
"""


@pytest.fixture
def homograph_linter(tmp_path: Path) -> Linter:
    from termkit.glossary_file import load_glossary

    (tmp_path / "g.yaml").write_text(HOMOGRAPHS_YAML, encoding="utf-8")
    glossary, _ = load_glossary([tmp_path / "g.yaml"])
    return Linter(GlossaryIndex.build(glossary), LintOptions(select={"ALL"}))


def _memory(tmp_path: Path, pairs: list[tuple[str, str]]) -> Path:
    units = "".join(
        f'<tu><tuv xml:lang="en"><seg>{en}</seg></tuv><tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv></tu>\n'
        for en, zh in pairs
    )
    path = tmp_path / "homographs.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" datatype="plaintext" '
        f'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>\n{units}'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("fmt", ["tsv", "tmx"])
def test_homographs_raise_no_false_findings(homograph_linter: Linter, tmp_path: Path, fmt: str) -> None:
    """Either concept's translation of "comment" is right: no key-term-missing, no
    inconsistent-translation across the two; one that uses neither is still reported,
    and so are two translations of one of the concepts."""
    pairs = [
        ("Add a comment to the code.", "在代码中添加注释。"),
        ("Post a comment.", "发表评论。"),
        ("Read the comment.", "阅读注释。"),
        ("Delete the comment.", "删除评论。"),
        ("A comment in the function.", "函数中的代码注释。"),
        ("Edit the comment.", "编辑说明。"),
    ]
    if fmt == "tsv":
        diags = lint_tsv(homograph_linter, tmp_path, pairs)
    else:
        diags = homograph_linter.lint_file(str(_memory(tmp_path, pairs)))
    first = 1 if fmt == "tsv" else 3  # (the line of the first pair)
    assert sorted((d.line - first + 1, d.rule, d.concept, d.matched) for d in diags) == [
        (5, "inconsistent-translation", "comment", "代码注释"),
        (6, "key-term-missing", "comment", "comment"),
    ]
    missing = next(d for d in diags if d.rule == "key-term-missing")
    assert missing.expected == "注释 / 评论 / 代码注释 / 评语"


def test_homographs_are_no_mixed_variants_in_a_text(homograph_linter: Linter) -> None:
    zh = "请在代码中添加注释。欢迎发表评论。注释和评论不同。\n"
    en = "Add a comment to the code. Post a comment. A remark on a comment.\n"
    assert homograph_linter.lint_text("doc.zh.txt", zh) == []
    # ("remark" is an admitted term of comment-2: the opt-in non-preferred-term says so)
    assert [d.rule for d in homograph_linter.lint_text("doc.en.txt", en)] == ["non-preferred-term"]
