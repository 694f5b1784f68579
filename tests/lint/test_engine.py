"""The engine: which units of a memory file are linted."""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.errors import UsageError
from termkit.formats import po, xliff
from termkit.formats.po import iter_po
from termkit.lint import GlossaryIndex, Linter, LintOptions
from termkit.lint.engine import OBSOLETE_PROP, STATE_PROP, detect_language

from ..conftest import SHARED, require_shared

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: zh_CN\\n"

msgid "660 villages"
msgstr "600个村"

#, fuzzy, c-format
msgid "550 villages"
msgstr "500个村"

#~ msgid "440 villages"
#~ msgstr "400个村"
"""


def numbers(index: GlossaryIndex, path: Path, include_fuzzy: bool = False) -> list[str | None]:
    options = LintOptions(select={"number-mismatch"}, include_fuzzy=include_fuzzy)
    return [d.matched for d in Linter(index, options).lint_file(str(path))]


def test_fuzzy_po_entries_are_linted_only_when_asked(index: GlossaryIndex, tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_text(PO, encoding="utf-8")
    linter = Linter(index, LintOptions(select={"number-mismatch"}))
    assert [d.matched for d in linter.lint_file(str(path))] == ["660", "600"]
    assert linter.unfinished == 1
    # Obsolete entries never reach lint, --include-fuzzy or not.
    assert numbers(index, path, include_fuzzy=True) == ["660", "600", "550", "500"]


XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="en" target-language="zh-CN" datatype="plaintext"><body>
<trans-unit id="1"><source>11 villages</source><target>10个村</target></trans-unit>
<trans-unit id="2"><source>21 villages</source><target state="translated">20个村</target></trans-unit>
<trans-unit id="3"><source>31 villages</source><target state="final">30个村</target></trans-unit>
<trans-unit id="4" approved="no"><source>41 villages</source><target>40个村</target></trans-unit>
<trans-unit id="5"><source>51 villages</source><target state="new">50个村</target></trans-unit>
<trans-unit id="6"><source>61 villages</source><target state="needs-translation">60个村</target></trans-unit>
<trans-unit id="7"><source>71 villages</source><target state="needs-review-translation">70个村</target></trans-unit>
<trans-unit id="8"><source>81 villages</source><target state="needs-l10n">80个村</target></trans-unit>
<trans-unit id="9"><source>91 villages</source><target state="needs-adaptation">90个村</target></trans-unit>
</body></file></xliff>
"""
XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">
<file id="f"><unit id="1"><segment state="translated"><source>11 villages</source><target>10个村</target></segment></unit>
<unit id="2"><segment state="initial"><source>21 villages</source><target>20个村</target></segment></unit>
</file></xliff>
"""


def test_xliff_targets_that_are_new_or_need_review_are_not_linted(
    index: GlossaryIndex, tmp_path: Path
) -> None:
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF12, encoding="utf-8")
    assert numbers(index, path)[::2] == ["11", "21", "31", "41"]
    # (a review: needs-l10n and needs-adaptation were linted, though convert leaves them
    # out of a TMX as unfinished)
    everything = ["11", "21", "31", "41", "51", "61", "71", "81", "91"]
    assert numbers(index, path, include_fuzzy=True)[::2] == everything
    path.write_text(XLIFF2, encoding="utf-8")
    assert numbers(index, path)[::2] == ["11"]
    assert numbers(index, path, include_fuzzy=True)[::2] == ["11", "21"]


def test_the_prop_names_are_the_readers() -> None:
    assert (STATE_PROP, OBSOLETE_PROP) == (xliff.PROP_STATE, po.PROP_OBSOLETE)


@pytest.mark.parametrize("name", ["util-linux__zh_CN.po"])
def test_no_finding_on_a_fuzzy_entry_of_a_real_catalogue(index: GlossaryIndex, name: str) -> None:
    """util-linux's catalogue has 1,154 fuzzy entries: 692 of its 1,083 findings were theirs."""
    path = require_shared(SHARED / "formats" / "po" / name)
    fuzzy = {u.location.line for u in iter_po(path) if u.location and u.fuzzy}
    linter = Linter(index)
    diags = linter.lint_file(str(path))
    assert diags and not [d for d in diags if d.line in fuzzy]
    assert linter.unfinished == len(fuzzy) == 1154


def test_one_finding_per_span(index: GlossaryIndex) -> None:
    text = (
        "We did Whole-Village Advancements and whole-village advancement.\n"
        "We did the Entire-Village advancement work.\n"
        "The East-Help-West program and the East-Helps-West program.\n"
    )
    diags = Linter(index, LintOptions(select={"ALL"})).lint_text("doc.txt", text)
    # Before: nine findings, 1:8 three times (deprecated, case, hyphenation), 1:39, 2:12 and 3:5 twice.
    assert [(d.line, d.column, d.rule) for d in diags] == [
        (1, 8, "deprecated-term"),
        (1, 39, "deprecated-term"),
        (3, 5, "mixed-variants"),
        (2, 12, "term-case"),
    ]
    # A rule left out leaves the span to the next one that has something to say.
    diags = Linter(index, LintOptions(ignore={"deprecated-term", "term-case"})).lint_text("doc.txt", text)
    assert [(d.line, d.column, d.rule) for d in diags] == [
        (3, 5, "mixed-variants"),
        (1, 8, "term-hyphenation"),
        (1, 39, "term-hyphenation"),
        (2, 12, "term-hyphenation"),
    ]


def test_a_traditional_text_is_not_checked_against_simplified_terms() -> None:
    assert detect_language("雨露計劃培訓農民工，整村推進覆蓋貧困村。") == "zh-Hant"
    assert detect_language("雨露计划培训农民工，整村推进覆盖贫困村。") == "zh"
    assert detect_language("The Rain Plan trains rural labourers.") == "en"


def test_a_traditional_translation_is_not_checked_against_simplified_terms(
    index: GlossaryIndex, tmp_path: Path
) -> None:
    """Line-aligned files and a TSV without a header name no language: a translation in
    Traditional characters was checked against the zh-CN terms (key-term-missing on every
    term, "expected 整村推进" for 整村推進); it is zh-Hant, as a Traditional text is, and
    the term rules are skipped with the warning.  --tgt-lang still decides."""
    src, tgt = tmp_path / "doc.en", tmp_path / "doc.zh"
    src.write_text("Entire village advancement and the Rain Plan.\n", encoding="utf-8")
    tgt.write_text("實施整村推進和雨露計劃。\n", encoding="utf-8")
    tsv = tmp_path / "doc.tsv"
    tsv.write_text(
        "Entire village advancement and the Rain Plan.\t實施整村推進和雨露計劃。\n", encoding="utf-8"
    )
    swapped = tmp_path / "swapped.tsv"
    swapped.write_text(
        "實施整村推進和雨露計劃。\tEntire village advancement and the Rain Plan.\n", encoding="utf-8"
    )
    for lint in (
        lambda linter: linter.lint_line_aligned(str(src), str(tgt)),
        lambda linter: linter.lint_file(str(tsv)),
        lambda linter: linter.lint_file(str(swapped)),
    ):
        linter = Linter(index)
        assert lint(linter) == []
        assert linter.warnings == [
            "the glossary has no zh-Hant terms, only en, zh-CN (Simplified and Traditional Chinese "
            "are kept apart): the term rules are skipped for zh-Hant text"
        ]
    named = Linter(index, LintOptions(tgt_lang="zh-CN"))
    assert [d.rule for d in named.lint_line_aligned(str(src), str(tgt))] == ["key-term-missing"] * 2
    assert named.warnings == []


def test_unknown_rules_are_refused_when_the_linter_is_made(index: GlossaryIndex) -> None:
    with pytest.raises(UsageError, match="unknown rule no-such-rule"):
        Linter(index, LintOptions(ignore={"no-such-rule"}))


TAGGED_GLOSSARY = """\
rain-plan:
  terms:
    en:
      - text: Rain Plan
    zh-CN:
      - text: 雨露计划
      - text: 雨露工程
        status: deprecated
village:
  terms:
    en:
      - text: entire village advancement
    zh-Hans:
      - text: 整村推进
      - text: 整村推行
        status: deprecated
relocation:
  terms:
    en:
      - text: poverty relocation
    zh-SG:
      - text: 易地扶贫搬迁
      - text: 扶贫移民
        status: deprecated
allowance:
  terms:
    en:
      - text: minimum living allowance
    zh-Hans-CN:
      - text: 最低生活保障
      - text: 低保金
        status: deprecated
targeted:
  terms:
    en:
      - text: targeted poverty alleviation
    zh:
      - text: 精准扶贫
      - text: 精确扶贫
        status: deprecated
member-state:
  terms:
    en:
      - text: member state
    zh-TW:
      - text: 會員國
      - text: 成員國
        status: deprecated
office:
  terms:
    en:
      - text: hamlet office
    zh-Hant:
      - text: 村辦公室
      - text: 村公所
        status: deprecated
"""


def test_the_terms_of_every_tag_of_a_script_are_linted_together(tmp_path: Path) -> None:
    """A text was linted against the terms of one glossary tag: a Simplified text only
    against zh-CN's (or the bare zh ones when there were any), so deprecated terms under
    zh-Hans, zh-SG, zh-Hans-CN or zh went unreported; a Traditional text against the bare
    zh (Simplified) terms when there were any, not zh-TW's and zh-Hant's."""
    from termkit.glossary_file import load_glossary

    (tmp_path / "g.yaml").write_text(TAGGED_GLOSSARY, encoding="utf-8")
    index = GlossaryIndex.build(load_glossary([tmp_path / "g.yaml"])[0])
    assert index.languages() == ["en", "zh", "zh-CN", "zh-Hans", "zh-Hans-CN", "zh-Hant", "zh-SG", "zh-TW"]
    simplified = tmp_path / "hans.txt"
    simplified.write_text(
        "雨露工程和整村推行，扶贫移民，精确扶贫，低保金，成員國，村公所。\n", encoding="utf-8"
    )
    traditional = tmp_path / "hant.txt"
    traditional.write_text("會員國和成員國，村辦公室和村公所，精确扶贫。\n", encoding="utf-8")
    tsv = tmp_path / "doc.tsv"
    tsv.write_text(
        "The Rain Plan and entire village advancement, poverty relocation, minimum living allowance, "
        "targeted poverty alleviation.\t雨露工程和整村推行，扶贫移民，低保金，精确扶贫。\n",
        encoding="utf-8",
    )
    options = LintOptions(select={"deprecated-term", "forbidden-target-term"})
    found = {
        path.name: [d.matched for d in Linter(index, options).lint_file(str(path))]
        for path in (simplified, traditional, tsv)
    }
    assert found == {
        "hans.txt": ["雨露工程", "整村推行", "扶贫移民", "精确扶贫", "低保金"],
        "hant.txt": ["成員國", "村公所"],
        "doc.tsv": ["雨露工程", "整村推行", "扶贫移民", "低保金", "精确扶贫"],
    }


_TMX_HEAD = (
    '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="{src}" datatype="plaintext" '
    'segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>\n<body>'
)
_EN, _HANT = "The member state and the hamlet office.", "成員國和村公所。"
#: One English sentence translated into Traditional Chinese, tagged a bare zh, in each input.
BARE_ZH_INPUTS = {
    "a.tmx": _TMX_HEAD.format(src="en")
    + f'<tu><tuv xml:lang="en"><seg>{_EN}</seg></tuv><tuv xml:lang="zh"><seg>{_HANT}</seg></tuv></tu>'
    + "</body></tmx>\n",
    "a.po": 'msgid ""\nmsgstr ""\n"Language: zh\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    f'msgid "{_EN}"\nmsgstr "{_HANT}"\n',
    "a.xlf": '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
    'srcLang="en" trgLang="zh"><file id="f"><unit id="u"><segment state="translated">'
    f"<source>{_EN}</source><target>{_HANT}</target></segment></unit></file></xliff>\n",
    "a.tsv": f"en\tzh\n{_EN}\t{_HANT}\n",
}


def _tagged_index(tmp_path: Path) -> GlossaryIndex:
    from termkit.glossary_file import load_glossary

    (tmp_path / "g.yaml").write_text(TAGGED_GLOSSARY, encoding="utf-8")
    return GlossaryIndex.build(load_glossary([tmp_path / "g.yaml"])[0])


@pytest.mark.parametrize("name", sorted(BARE_ZH_INPUTS))
def test_a_memory_tagged_bare_zh_is_checked_in_the_script_of_its_text(name: str, tmp_path: Path) -> None:
    """A bare zh names no script: a Traditional memory so tagged was checked against the
    Simplified terms (and its deprecated Traditional ones went unreported)."""
    index = _tagged_index(tmp_path)
    path = tmp_path / name
    path.write_text(BARE_ZH_INPUTS[name], encoding="utf-8")
    options = LintOptions(select={"forbidden-target-term"})
    assert [d.matched for d in Linter(index, options).lint_file(str(path))] == ["成員國", "村公所"]
    # (and a Simplified one against the Simplified terms, as before)
    path.write_text(BARE_ZH_INPUTS[name].replace(_HANT, "雨露工程和整村推行。"), encoding="utf-8")
    assert [d.matched for d in Linter(index, options).lint_file(str(path))] == ["雨露工程", "整村推行"]


def test_a_source_tagged_bare_zh_is_read_in_the_script_of_its_text(tmp_path: Path) -> None:
    index = _tagged_index(tmp_path)
    path = tmp_path / "zh-en.tmx"
    path.write_text(
        _TMX_HEAD.format(src="zh")
        + '<tu><tuv xml:lang="zh"><seg>會員國和村辦公室。</seg></tuv>'
        + '<tuv xml:lang="en"><seg>The country and the office.</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    options = LintOptions(select={"key-term-missing"})
    assert [d.matched for d in Linter(index, options).lint_file(str(path))] == ["會員國", "村辦公室"]


def test_a_bare_zh_option_is_taken_in_the_script_of_the_text(tmp_path: Path) -> None:
    index = _tagged_index(tmp_path)
    text = tmp_path / "hant.txt"
    text.write_text(_HANT + "\n", encoding="utf-8")
    options = LintOptions(select={"deprecated-term"}, src_lang="zh")
    assert [d.matched for d in Linter(index, options).lint_file(str(text))] == ["成員國", "村公所"]
    en = tmp_path / "en.txt"
    en.write_text(_EN + "\n", encoding="utf-8")
    options = LintOptions(select={"forbidden-target-term"}, tgt_lang="zh")
    found = Linter(index, options).lint_line_aligned(str(en), str(text))
    assert [d.matched for d in found] == ["成員國", "村公所"]


@pytest.mark.parametrize(
    ("tag", "text"), [("zh-CHT", "每個成員國都同意。"), ("zh-CHS", "每个成员国都同意。")]
)
def test_a_memory_tagged_with_a_legacy_dotnet_chinese_tag_is_linted_in_its_script(
    tmp_path: Path, tag: str, text: str
) -> None:
    """zh-CHT (Traditional, as memoQ and older Trados and Microsoft tools write it) was
    taken for Simplified: a Traditional memory was checked against the zh-CN terms
    (`expected 会员国`), not its deprecated zh-Hant term."""
    from termkit.glossary_file import load_glossary

    (tmp_path / "g.yaml").write_text(
        "member-state:\n  terms:\n    en:\n      - text: Member State\n"
        "    zh-CN:\n      - text: 会员国\n      - text: 成员国\n        status: deprecated\n"
        "    zh-Hant:\n      - text: 會員國\n      - text: 成員國\n        status: deprecated\n",
        encoding="utf-8",
    )
    index = GlossaryIndex.build(load_glossary([tmp_path / "g.yaml"])[0])
    memory = tmp_path / "m.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" '
        f'datatype="plaintext"/>\n<body><tu><tuv xml:lang="en"><seg>Every Member State agreed.</seg></tuv>'
        f'<tuv xml:lang="{tag}"><seg>{text}</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    found = [(d.rule, d.matched) for d in Linter(index, LintOptions()).lint_file(str(memory))]
    assert found == [("forbidden-target-term", "成員國" if tag == "zh-CHT" else "成员国")]


def test_cantonese_terms_are_not_linted_in_chinese_text(tmp_path: Path) -> None:
    """A yue-Hant (Cantonese) term was taken for a zh-Hant one: its deprecated 唔該 was
    reported in a Traditional Chinese text."""
    from termkit.glossary_file import load_glossary

    (tmp_path / "g.yaml").write_text(
        "thanks:\n  terms:\n    en:\n      - text: thank you\n"
        "    zh-Hant:\n      - text: 謝謝\n"
        "    yue-Hant:\n      - text: 多謝\n      - text: 唔該\n        status: deprecated\n",
        encoding="utf-8",
    )
    index = GlossaryIndex.build(load_glossary([tmp_path / "g.yaml"])[0])
    text = tmp_path / "hant.txt"
    text.write_text("請說唔該和謝謝。\n", encoding="utf-8")
    found = [d.matched for d in Linter(index, LintOptions()).lint_file(str(text))]
    assert "唔該" not in found
