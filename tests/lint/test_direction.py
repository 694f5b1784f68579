"""Translations into English: Chinese policy texts are translated into English, and a
memory, a bitext or a pair of files whose source is Chinese is linted that way
without --src-lang/--tgt-lang (each gave no finding at all: the English was taken
for the source)."""

from __future__ import annotations

import io
from pathlib import Path

from termkit.errors import Diagnostic
from termkit.formats.tsv import read_tsv
from termkit.lint import Linter, LintOptions, lint_paths

#: (Chinese source, English translation): a key term left out, a forbidden variant
PAIRS = [("整村推进。", "Whole village."), ("整村推进。", "Whole village advancement.")]
EXPECTED = [("forbidden-target-term", "Whole village advancement"), ("key-term-missing", "整村推进")]


def _found(diags: list[Diagnostic]) -> list[tuple[str, str | None]]:
    return sorted(
        (d.rule, d.matched) for d in diags if d.rule in ("key-term-missing", "forbidden-target-term")
    )


def _tmx(srclang: str, first: str) -> str:
    units = "".join(
        f'<tu><tuv xml:lang="{first}"><seg>{a if first == "zh-CN" else b}</seg></tuv>'
        f'<tuv xml:lang="{"en" if first == "zh-CN" else "zh-CN"}"><seg>{b if first == "zh-CN" else a}</seg></tuv></tu>\n'
        for a, b in PAIRS
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        f'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="{srclang}" '
        f'datatype="plaintext"/>\n<body>\n{units}</body></tmx>\n'
    )


def test_a_tmx_whose_srclang_is_chinese(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "zh-en.tmx"
    path.write_text(_tmx("zh-CN", "zh-CN"), encoding="utf-8")
    assert _found(linter.lint_file(str(path))) == EXPECTED
    # the header's srclang wins over the order of the variants
    path.write_text(_tmx("zh-CN", "en"), encoding="utf-8")
    assert _found(linter.lint_file(str(path))) == EXPECTED
    # an English srclang is a translation into Chinese, as before: nothing to report here
    path.write_text(_tmx("en", "en"), encoding="utf-8")
    assert _found(linter.lint_file(str(path))) == []


def test_a_po_catalogue_of_chinese_msgids_into_english(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "en.po"
    entries = "".join(f'msgid "{a}"\nmsgstr "{b}"\n\n' for a, b in PAIRS)
    path.write_text(f'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n{entries}', encoding="utf-8")
    assert _found(linter.lint_file(str(path))) == EXPECTED


def _xliff(path: Path, first: str = "") -> Path:
    """An XLIFF 1.2 file from zh-CN into English of :data:`PAIRS`, after ``first`` units."""
    units = first + "".join(
        f'<trans-unit id="{n}"><source>{a}</source><target state="translated">{b}</target></trans-unit>'
        for n, (a, b) in enumerate(PAIRS, 1)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f'<file original="doc" source-language="zh-CN" target-language="en" datatype="plaintext"><body>{units}'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    return path


def test_an_xliff_file_from_chinese(linter: Linter, tmp_path: Path) -> None:
    assert _found(linter.lint_file(str(_xliff(tmp_path / "doc.xlf")))) == EXPECTED


def test_standard_input_of_a_tmx_from_chinese(index: object, monkeypatch: object) -> None:
    import sys

    from termkit.lint import GlossaryIndex

    assert isinstance(index, GlossaryIndex)
    data = _tmx("zh-CN", "zh-CN").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))  # type: ignore[attr-defined]
    linter = Linter(index, LintOptions(select={"ALL"}))
    assert _found(linter.lint_file("-")) == EXPECTED


def test_standard_input_of_a_long_tmx_is_read_to_its_end(index: object, monkeypatch: object) -> None:
    """Finding the source language seeked standard input's bytes back to the start while
    the parser was reading them: a TMX longer than the parser's first read stopped
    with "malformed XML" (an input-error), its later units not linted."""
    import sys

    from termkit.lint import GlossaryIndex

    assert isinstance(index, GlossaryIndex)
    head, _, tail = _tmx("zh-CN", "zh-CN").partition("<tu>")
    units, _, end = ("<tu>" + tail).rpartition("</tu>")
    data = (head + (units + "</tu>\n") * 1500 + end).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))  # type: ignore[attr-defined]
    diags = Linter(index, LintOptions(select={"ALL"})).lint_file("-")
    assert [d for d in diags if d.rule == "input-error"] == []
    assert len(_found(diags)) == 3000


def test_line_aligned_files_whose_source_is_chinese(index: object, tmp_path: Path) -> None:
    from termkit.lint import GlossaryIndex

    assert isinstance(index, GlossaryIndex)
    zh, en = tmp_path / "doc.zh.txt", tmp_path / "doc.en.txt"
    zh.write_text("".join(a + "\n" for a, _ in PAIRS), encoding="utf-8")
    en.write_text("".join(b + "\n" for _, b in PAIRS), encoding="utf-8")
    result = lint_paths([], index, LintOptions(select={"ALL"}), src=str(zh), tgt=str(en))
    assert _found(result.diagnostics) == EXPECTED


def test_a_chinese_src_lang_alone_has_an_english_target(index: object, tmp_path: Path) -> None:
    from termkit.lint import GlossaryIndex

    assert isinstance(index, GlossaryIndex)
    path = tmp_path / "pairs.tsv"
    path.write_text("".join(f"{a}\t{b}\n" for a, b in PAIRS), encoding="utf-8")
    linter = Linter(index, LintOptions(select={"ALL"}, src_lang="zh-CN"))
    assert _found(linter.lint_file(str(path))) == EXPECTED


def test_a_headerless_tsv_memory_labels_its_chinese_column(tmp_path: Path) -> None:
    """convert and import read a TSV without a header as English then Chinese: a
    Chinese first column was labelled English (a TMX of it had en and zh-CN swapped)."""
    path = tmp_path / "m.tsv"
    path.write_text("整村推进\tentire village advancement\n雨露計劃\tRain Plan\n", encoding="utf-8")
    memory = read_tsv(path)
    assert memory.srclang == "zh-Hant" and list(memory.units[0].segments) == ["zh-Hant", "en"]
    path.write_text("entire village advancement\t整村推进\n", encoding="utf-8")
    assert list(read_tsv(path).units[0].segments) == ["en", "zh-CN"]
    assert list(read_tsv(path, "en", "zh-TW").units[0].segments) == ["en", "zh-TW"]


def test_an_english_tgt_lang_alone_has_a_chinese_source(index: object, tmp_path: Path) -> None:
    from termkit.lint import GlossaryIndex

    assert isinstance(index, GlossaryIndex)
    path = tmp_path / "pairs.tsv"
    path.write_text("".join(f"{a}\t{b}\n" for a, b in PAIRS), encoding="utf-8")
    linter = Linter(index, LintOptions(select={"ALL"}, tgt_lang="en"))
    assert _found(linter.lint_file(str(path))) == EXPECTED


def test_an_xliff_file_whose_first_units_are_untranslated(linter: Linter, tmp_path: Path) -> None:
    """Its source language is its first unit's, translated or not."""
    path = _xliff(tmp_path / "doc.xlf", '<trans-unit id="0"><source>标题</source></trans-unit>')
    assert _found(linter.lint_file(str(path))) == EXPECTED


def test_a_large_tmx_on_standard_input(index: object, monkeypatch: object) -> None:
    """Its header is read before its units: reading it again from the start while the
    units were being read (a buffer or so in) broke the XML (`malformed XML` at line 475)."""
    import sys

    from termkit.lint import GlossaryIndex

    assert isinstance(index, GlossaryIndex)
    many = PAIRS * 1500
    data = _tmx("zh-CN", "zh-CN").replace(
        _tmx("zh-CN", "zh-CN").split("<body>\n")[1].split("</body>")[0],
        "".join(
            f'<tu><tuv xml:lang="zh-CN"><seg>{a}</seg></tuv><tuv xml:lang="en"><seg>{b}</seg></tuv></tu>\n'
            for a, b in many
        ),
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8")), encoding="utf-8"))  # type: ignore[attr-defined]
    linter = Linter(index, LintOptions(select={"ALL"}))
    diags = linter.lint_file("-")
    assert [d for d in diags if d.rule == "input-error"] == []
    assert len(_found(diags)) == len(many)


def test_an_english_tgt_lang_alone_makes_paired_files_chinese_to_english(
    index: object, tmp_path: Path
) -> None:
    """Two files paired by name with --tgt-lang en were linted from the English file
    into English (no term rule ran); --tgt-lang en names a Chinese source, as
    --src-lang zh-CN does."""
    from termkit.lint import GlossaryIndex

    assert isinstance(index, GlossaryIndex)
    zh, en = tmp_path / "doc.zh", tmp_path / "doc.en"
    zh.write_text("".join(a + "\n" for a, _ in PAIRS), encoding="utf-8")
    en.write_text("".join(b + "\n" for _, b in PAIRS), encoding="utf-8")
    for options in (
        LintOptions(select={"ALL"}, tgt_lang="en"),
        LintOptions(select={"ALL"}, src_lang="zh-CN"),
    ):
        assert _found(lint_paths([str(en), str(zh)], index, options).diagnostics) == EXPECTED


def test_a_memory_into_taiwan_chinese_is_linted(linter: Linter, tmp_path: Path) -> None:
    """An en->zh-TW TMX was not linted at all (its target taken for zh-CN, which no unit
    has); its tags name its target now: the term rules are skipped for zh-TW text (the
    glossary has none), the other rules run."""
    path = tmp_path / "en-tw.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-US" '
        'datatype="plaintext"/><body><tu><tuv xml:lang="en-US"><seg>There are 35 villages.</seg></tuv>'
        '<tuv xml:lang="zh-TW"><seg>有53個村。</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    assert sorted(
        (d.rule, d.matched) for d in linter.lint_file(str(path)) if d.rule == "number-mismatch"
    ) == [
        ("number-mismatch", "35"),
        ("number-mismatch", "53"),
    ]


def test_a_chinese_src_file_in_utf16_is_chinese(index: object, tmp_path: Path) -> None:
    """lint reads BOM-marked UTF-16 text, but the language of a --src file was told from
    its bytes read as UTF-8: a Chinese source saved as UTF-16 (Windows Notepad's
    "Unicode") was taken for English, and no term rule ran."""
    from termkit.lint import GlossaryIndex

    assert isinstance(index, GlossaryIndex)
    zh, en = tmp_path / "doc.zh.txt", tmp_path / "doc.en.txt"
    zh.write_bytes("".join(a + "\n" for a, _ in PAIRS).encode("utf-16"))
    en.write_text("".join(b + "\n" for _, b in PAIRS), encoding="utf-8")
    result = lint_paths([], index, LintOptions(select={"ALL"}), src=str(zh), tgt=str(en))
    assert _found(result.diagnostics) == EXPECTED


def test_languages_given_against_a_tsvs_columns_are_warned_about(index: object, tmp_path: Path) -> None:
    """--src-lang zh-CN on an English-first TSV labelled its English column Chinese and
    reported nothing, without a word."""
    from termkit.lint import GlossaryIndex

    assert isinstance(index, GlossaryIndex)
    path = tmp_path / "pairs.tsv"
    path.write_text("".join(f"{b}\t{a}\n" for a, b in PAIRS), encoding="utf-8")
    linter = Linter(index, LintOptions(select={"ALL"}, src_lang="zh-CN"))
    linter.lint_file(str(path))
    assert [w for w in linter.warnings if "its second column is Chinese" in w] == [
        f"{path}: its second column is Chinese, but --src-lang/--tgt-lang make the first column zh-CN "
        "and the second en (a TSV bitext is source<TAB>target): check the options, or swap the columns"
    ]
    # languages that agree with the columns say nothing
    agreeing = Linter(index, LintOptions(select={"ALL"}, src_lang="en"))
    agreeing.lint_file(str(path))
    assert not [w for w in agreeing.warnings if "column is Chinese" in w]
