"""Reading input: encodings, bad bytes, damaged text, empty and binary files."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

import pytest

import termkit.extract.sources as sources_module
from conftest import SHARED, finishes_in_a_child, require_shared
from termkit.errors import InputError, Severity
from termkit.extract import ExtractOptions, extract
from termkit.extract.sources import SNIFF, Reader


def lines_of(path: Path) -> tuple[list[str], Reader]:
    reader = Reader()
    return [x.text for x in reader.lines([str(path)])], reader


def test_utf8_with_and_without_bom(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes(codecs.BOM_UTF8 + "Rain Plan\r\n雨露计划\n".encode())
    b = tmp_path / "b.txt"
    b.write_bytes("Rain Plan\n雨露计划".encode())
    assert lines_of(a)[0] == ["Rain Plan", "雨露计划"]
    assert lines_of(b)[0] == ["Rain Plan", "雨露计划"]


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Rain Plan\n雨露计划\n".encode("utf-16"))
    assert lines_of(path)[0] == ["Rain Plan", "雨露计划"]


def test_invalid_utf8_is_reported_with_its_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Rain Plan\nentire \xff village advancement\nlast line\n")
    lines, reader = lines_of(path)
    assert lines == ["Rain Plan", "entire \ufffd village advancement", "last line"]
    [diag] = reader.diagnostics
    assert diag.severity is Severity.WARNING
    assert (diag.line, diag.column) == (2, 8)
    assert "byte offset 17" in diag.message
    assert diag.format().startswith(f"{path}:2:8: warning: invalid UTF-8 at byte offset 17 (byte 0xff)")


def test_replacement_characters_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_text("fine\nThee\ufffdt (Cx\ufffd#ctively plan\n", encoding="utf-8")
    _, reader = lines_of(path)
    [diag] = reader.diagnostics
    assert (diag.line, diag.column, diag.rule) == (2, 5, "damaged-text")
    assert "damaged text: 2 runs of U+FFFD" in diag.message
    path.write_text("Thee\ufffd\ufffdt plan\n", encoding="utf-8")
    _, reader = lines_of(path)
    [diag] = reader.diagnostics
    assert "damaged text: 1 run of U+FFFD" in diag.message


def test_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02PK\x00")
    good = tmp_path / "good.txt"
    good.write_text("The Rain Plan trains rural labors.\n", encoding="utf-8")
    reader = Reader()
    lines = [x.text for x in reader.lines([str(empty), str(binary), str(good)])]
    assert lines == ["The Rain Plan trains rural labors."]
    rules = [(d.path, d.severity.value, d.rule) for d in reader.diagnostics]
    assert rules == [(str(empty), "warning", "empty-input"), (str(binary), "error", "unreadable")]
    assert reader.failed == [str(binary)]


def test_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    reader = Reader()
    assert list(reader.lines([str(tmp_path / "nope.txt")])) == []
    assert "no such file" in reader.diagnostics[0].message


def test_nothing_readable_raises_one_clear_error(tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x00\x00")
    with pytest.raises(InputError, match="binary file"):
        extract([str(binary)])


def test_memory_formats_without_the_reader_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_registry(name: str, *args: object, **kwargs: object) -> object:
        if name.endswith("formats.registry"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_registry)
    monkeypatch.setattr("importlib.import_module", lambda name: no_registry(name))
    tmx = tmp_path / "m.tmx"
    tmx.write_text("<tmx/>", encoding="utf-8")
    reader = Reader()
    assert list(reader.lines([str(tmx)])) == []
    assert "termkit.formats.registry" in reader.diagnostics[0].message


def test_memory_sides_through_the_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TMX/PO/XLIFF go through termkit.formats.registry.iter_memory (a stand-in here)."""
    import types

    from termkit.model import Location, Memory, Segment, TranslationUnit

    units = [
        TranslationUnit(
            {"en-US": Segment("The Rain Plan helps."), "zh-CN": Segment("雨露计划有帮助。")},
            location=Location("m.tmx", 7),
        ),
        TranslationUnit({"en-US": Segment("Entire village advancement")}, location=Location("m.tmx", 12)),
    ]
    fake = types.ModuleType("termkit.formats.registry")
    fake.iter_memory = lambda path, fmt=None: iter(units)  # type: ignore[attr-defined]
    fake.detect_format = lambda path, fmt=None: "tmx"  # type: ignore[attr-defined]
    fake.read_header = lambda path, fmt=None: Memory(srclang="*all*")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "termkit.formats.registry", fake)
    tmx = tmp_path / "m.tmx"
    tmx.write_text("<tmx/>", encoding="utf-8")

    source = [(x.line, x.text) for x in Reader().lines([str(tmx)])]
    assert source == [(7, "The Rain Plan helps."), (12, "Entire village advancement")]
    target = [(x.line, x.text) for x in Reader(side="target").lines([str(tmx)])]
    assert target == [(7, "雨露计划有帮助。")]
    chinese = [(x.line, x.text) for x in Reader(lang="zh").lines([str(tmx)])]
    assert chinese == [(7, "雨露计划有帮助。")]
    english = [x.text for x in Reader(lang="en").lines([str(tmx)])]
    assert english == ["The Rain Plan helps.", "Entire village advancement"]


ORDER_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="{srclang}" datatype="plaintext" segtype="sentence" adminlang="en"
 o-tmf="x" creationtool="x" creationtoolversion="1"/>
<body>
<tu><tuv xml:lang="zh-CN"><seg>农村信用合作社开业了。</seg></tuv>
<tuv xml:lang="en"><seg>The rural credit cooperative opened.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The rural credit cooperative closed.</seg></tuv>
<tuv xml:lang="zh-CN"><seg>农村信用合作社关门了。</seg></tuv></tu>
<tu srclang="zh-CN"><tuv xml:lang="en"><seg>The cooperative failed.</seg></tuv>
<tuv xml:lang="zh-CN"><seg>合作社倒闭了。</seg></tuv></tu>
</body></tmx>
"""


def test_tmx_sides_follow_srclang_not_the_order_of_the_tuv(tmp_path: Path) -> None:
    """The source is the segment in the TMX's source language (the <tu>'s srclang,
    else the header's), wherever its <tuv> stands; with srclang="*all*" the first."""
    tmx = tmp_path / "order.tmx"
    tmx.write_text(ORDER_TMX.format(srclang="en-US"), encoding="utf-8")
    source = [(x.line, x.text) for x in Reader().lines([str(tmx)])]
    assert source == [
        (5, "The rural credit cooperative opened."),
        (7, "The rural credit cooperative closed."),
        (9, "合作社倒闭了。"),
    ]
    target = [x.text for x in Reader(side="target").lines([str(tmx)])]
    assert target == ["农村信用合作社开业了。", "农村信用合作社关门了。", "The cooperative failed."]

    tmx.write_text(ORDER_TMX.format(srclang="*all*"), encoding="utf-8")
    source = [x.text for x in Reader().lines([str(tmx)])]
    assert source == ["农村信用合作社开业了。", "The rural credit cooperative closed.", "合作社倒闭了。"]
    target = [x.text for x in Reader(side="target").lines([str(tmx)])]
    assert target == [
        "The rural credit cooperative opened.",
        "农村信用合作社关门了。",
        "The cooperative failed.",
    ]


def test_a_tmx_unit_without_a_source_segment_has_no_source_side(tmp_path: Path) -> None:
    # a unit with only a zh-CN segment (the English never written) in an en memory:
    # its Chinese is target text, never source text
    tmx = tmp_path / "partial.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>\n'
        '<tu><tuv xml:lang="en"><seg>The Rain Plan trains labor.</seg></tuv>'
        '<tuv xml:lang="zh-CN"><seg>雨露计划培训劳动力。</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="zh-CN"><seg>整村推进是重点。</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    assert [x.text for x in Reader().lines([str(tmx)])] == ["The Rain Plan trains labor."]
    target = [x.text for x in Reader(side="target").lines([str(tmx)])]
    assert target == ["雨露计划培训劳动力。", "整村推进是重点。"]
    # (a review) whatever the order of the units: the first has no English either
    tmx.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>\n'
        '<tu><tuv xml:lang="zh-CN"><seg>易地扶贫搬迁。</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en"><seg>The Rain Plan trains labor.</seg></tuv>'
        '<tuv xml:lang="zh-CN"><seg>雨露计划培训劳动力。</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    assert [(x.line, x.text) for x in Reader().lines([str(tmx)])] == [(3, "The Rain Plan trains labor.")]
    target = [(x.line, x.text) for x in Reader(side="target").lines([str(tmx)])]
    assert target == [(2, "易地扶贫搬迁。"), (3, "雨露计划培训劳动力。")]


def test_units_held_back_are_bounded_by_their_text_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # beyond LOOK_AHEAD_CHARS of text, the units waiting are read by the order of their
    # segments (memory stays bounded), in file order
    monkeypatch.setattr(sources_module, "LOOK_AHEAD_CHARS", 10)
    tmx = tmp_path / "late.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>\n'
        '<tu><tuv xml:lang="zh-CN"><seg>易地扶贫搬迁是重点工作。</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="zh-CN"><seg>整村推进是重点。</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en"><seg>The Rain Plan trains labor.</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    lines = [(x.line, x.text) for x in Reader().lines([str(tmx)])]
    assert lines == [
        (2, "易地扶贫搬迁是重点工作。"),
        (3, "整村推进是重点。"),
        (4, "The Rain Plan trains labor."),
    ]


def test_extract_reads_the_source_language_of_a_tmx(tmp_path: Path) -> None:
    tmx = tmp_path / "order.tmx"
    tmx.write_text(ORDER_TMX.format(srclang="en"), encoding="utf-8")
    result = extract([str(tmx)])
    assert result.lang == "en"
    freq = {c.term: c.frequency for c in result.candidates}
    assert freq["rural credit cooperative"] == 2
    chinese = extract([str(tmx)], ExtractOptions(side="target"))
    assert chinese.lang == "zh"
    assert {c.term: c.frequency for c in chinese.candidates}["农村信用合作社"] == 2


def test_xliff_and_po_sides_are_source_and_translation(tmp_path: Path) -> None:
    xlf = tmp_path / "m.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="en" target-language="zh-CN" datatype="plaintext" original="x">'
        '<body><trans-unit id="1"><source>The rural credit cooperative opened.</source>'
        "<target>农村信用合作社开业了。</target></trans-unit></body></file></xliff>\n",
        encoding="utf-8",
    )
    po = tmp_path / "m.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "The rural credit cooperative opened."\nmsgstr "农村信用合作社开业了。"\n',
        encoding="utf-8",
    )
    for path in (xlf, po):
        assert [x.text for x in Reader().lines([str(path)])] == ["The rural credit cooperative opened."]
        assert [x.text for x in Reader(side="target").lines([str(path)])] == ["农村信用合作社开业了。"]


def test_a_chinese_segment_wrapped_inside_a_word_is_one_line(tmp_path: Path) -> None:
    """A pretty-printed XLIFF target wraps Chinese anywhere: 推进易地扶贫\n搬迁工作 was
    read as two lines, and 易地扶贫 and 搬迁工作 became candidates of their own.  A line
    break between two Han characters (spaces around it) is no gap now; one after
    punctuation, or in English, still ends a line."""
    xlf = tmp_path / "m.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file source-language="en" target-language="zh-CN" datatype="plaintext" original="x"><body>\n'
        '<trans-unit id="1"><source>Ex-situ\nrelocation.</source><target>推进易地扶贫\n'
        "      搬迁工作。\n成效明显</target></trans-unit>\n"
        '<trans-unit id="2"><source>Relocation.</source><target>易地扶贫搬\n迁</target></trans-unit>\n'
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    target = [(x.line, x.text) for x in Reader(side="target").lines([str(xlf)])]
    assert target == [(4, "推进易地扶贫搬迁工作。"), (6, "成效明显"), (8, "易地扶贫搬迁")]
    assert [x.text for x in Reader().lines([str(xlf)])] == ["Ex-situ", "relocation.", "Relocation."]
    result = extract([str(xlf)], ExtractOptions(lang="zh", glossary_terms=("易地扶贫搬迁",)))
    terms = {c.term: c.frequency for c in result.candidates}
    assert terms["易地扶贫搬迁"] == 2 and "易地扶贫" not in terms and "搬迁工作" not in terms


def test_an_indented_line_of_a_po_message_is_a_line_of_its_own(tmp_path: Path) -> None:
    """In a PO message a line break is the program's own (git's 无效签名\n  据称 is a
    list): an indented line is not joined to the one before, as it is in a
    pretty-printed XLIFF target; a bare break between two Han characters (a label
    wrapped to fit, 序列\n号) still is."""
    po = tmp_path / "m.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Bad signature\\n  claimed"\nmsgstr "无效签名\\n  据称"\n\n'
        'msgid "Serial\\nnumber"\nmsgstr "序列\\n号"\n',
        encoding="utf-8",
    )
    target = [x.text for x in Reader(side="target").lines([str(po)])]
    assert target == ["无效签名", "  据称", "序列号"]


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 20])
def test_chunked_reading_keeps_lines_numbers_and_byte_offsets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Lines cut across chunks, CRLF, a bad byte and U+FFFD: the same lines and
    reports whatever the chunk size (a chunk is decoded at once)."""
    import termkit.extract.sources as sources

    monkeypatch.setattr(sources, "SNIFF", max(4, chunk // 2))  # the BOM is sniffed whole
    monkeypatch.setattr(sources, "CHUNK", chunk)
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        codecs.BOM_UTF8 + "Rain Plan\r\n雨露计划\n".encode() + b"entire \xff village\n"
        b"Thee\xef\xbf\xbdt plan\n\nlast line without newline"
    )
    seen: list[int] = []
    reader = Reader(on_bytes=seen.append)
    got = [(x.line, x.text) for x in reader.lines([str(path)])]
    assert got == [
        (1, "Rain Plan"),
        (2, "雨露计划"),
        (3, "entire \ufffd village"),
        (4, "Thee\ufffdt plan"),
        (5, ""),
        (6, "last line without newline"),
    ]
    found = [(d.line, d.column, d.rule) for d in reader.diagnostics]
    assert found == [(3, 8, "invalid-utf8"), (4, 5, "damaged-text")]
    assert "byte offset 34 " in reader.diagnostics[0].message
    assert sum(seen) == path.stat().st_size - len(codecs.BOM_UTF8)


def test_utf16_read_in_small_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import termkit.extract.sources as sources

    monkeypatch.setattr(sources, "SNIFF", 4)
    monkeypatch.setattr(sources, "CHUNK", 5)
    path = tmp_path / "u16.txt"
    path.write_bytes("Rain Plan\r\n雨露计划\nend".encode("utf-16"))
    assert lines_of(path)[0] == ["Rain Plan", "雨露计划", "end"]


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 20])
def test_cr_only_line_ends_in_any_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """Classic Mac OS line ends (CR and no LF): a line per CR, and the bad byte at the
    line, column and byte offset of the file, whatever the chunks it is read in (the
    first chunk with a line end decides; one that ends in a CR tells nothing yet)."""
    import termkit.extract.sources as sources

    monkeypatch.setattr(sources, "SNIFF", max(4, chunk // 2))  # the BOM is sniffed whole
    monkeypatch.setattr(sources, "CHUNK", chunk)
    path = tmp_path / "mac.txt"
    path.write_bytes(
        codecs.BOM_UTF8
        + "Rain Plan\r雨露计划\r".encode()
        + b"entire \xff village\r\rlast line without newline"
    )
    seen: list[int] = []
    reader = Reader(on_bytes=seen.append)
    got = [(x.line, x.text) for x in reader.lines([str(path)])]
    assert got == [
        (1, "Rain Plan"),
        (2, "雨露计划"),
        (3, "entire \ufffd village"),
        (4, ""),
        (5, "last line without newline"),
    ]
    [diag] = reader.diagnostics
    assert (diag.line, diag.column, diag.rule) == (3, 8, "invalid-utf8")
    assert "byte offset 33 " in diag.message
    assert sum(seen) == path.stat().st_size - len(codecs.BOM_UTF8)


@pytest.mark.parametrize("chunk", [3, 5, 1 << 20])
def test_cr_only_utf16_in_any_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    import termkit.extract.sources as sources

    monkeypatch.setattr(sources, "SNIFF", chunk)
    monkeypatch.setattr(sources, "CHUNK", chunk)
    path = tmp_path / "u16.txt"
    path.write_bytes(
        codecs.BOM_UTF16_LE
        + "Rain Plan\rentire ".encode("utf-16-le")
        + (0xDC01).to_bytes(2, "little")
        + " village\r\r雨露计划".encode("utf-16-le")
    )
    lines, reader = lines_of(path)
    assert lines == ["Rain Plan", "entire \ufffd village", "", "雨露计划"]
    [diag] = reader.diagnostics
    assert (diag.line, diag.column, diag.rule) == (2, 8, "invalid-utf16")
    assert "byte offset 36 " in diag.message


def test_a_crlf_cut_between_chunks_is_one_line_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first chunk ends in the CR of a CRLF: no CR-only file (no blank line
    between), nor is a CR-only file whose first chunk ends in a CR read as LF."""
    import termkit.extract.sources as sources

    monkeypatch.setattr(sources, "SNIFF", 10)
    monkeypatch.setattr(sources, "CHUNK", 10)
    path = tmp_path / "cut.txt"
    path.write_bytes(b"Rain Plan\r\nlast\r\n")
    assert lines_of(path)[0] == ["Rain Plan", "last"]
    path.write_bytes(b"Rain Plan\rnext\rlast")
    assert lines_of(path)[0] == ["Rain Plan", "next", "last"]


@pytest.mark.parametrize("chunk", [3, 5, 1 << 20])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_invalid_utf16_is_reported_with_its_byte_offset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codec: str, chunk: int
) -> None:
    """An unpaired surrogate or an odd last byte was only "damaged text" at a line;
    now each is located as invalid UTF-8 is: line, column and the byte offset in the
    file (the BOM's two bytes counted), whatever the chunks the file is read in."""
    import termkit.extract.sources as sources

    monkeypatch.setattr(sources, "SNIFF", chunk)
    monkeypatch.setattr(sources, "CHUNK", chunk)
    order = "little" if codec.endswith("le") else "big"
    bom = codecs.BOM_UTF16_LE if order == "little" else codecs.BOM_UTF16_BE
    path = tmp_path / "u16.txt"
    path.write_bytes(
        bom
        + "Rain Plan\r\nentire ".encode(codec)
        + (0xDC01).to_bytes(2, order)
        + " village\n😀x".encode(codec)
        + (0xD800).to_bytes(2, order)
        + "y\nlast".encode(codec)
        + b"!"
    )
    lines, reader = lines_of(path)
    assert lines == ["Rain Plan", "entire \ufffd village", "😀x\ufffdy", "last\ufffd"]
    assert [(d.line, d.column, d.rule, d.message) for d in reader.diagnostics] == [
        (
            2,
            8,
            "invalid-utf16",
            f"invalid UTF-16 at byte offset 38 (an unpaired surrogate, 0xDC01); {SKIPPED}",
        ),
        (
            3,
            3,
            "invalid-utf16",
            f"invalid UTF-16 at byte offset 64 (an unpaired surrogate, 0xD800); {SKIPPED}",
        ),
        (
            4,
            5,
            "invalid-utf16",
            f"invalid UTF-16 at byte offset 78 (an odd last byte: UTF-16 has two bytes a unit); {SKIPPED}",
        ),
    ]


SKIPPED = "the bad bytes are skipped, the rest of the file is read"


def test_placeholders_of_memory_units_are_no_words(tmp_path: Path) -> None:
    po = tmp_path / "app.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        + "".join(
            f'msgid "cannot read \'%s\' from the {w} index file: %d entries"\nmsgstr ""\n\n'
            for w in ("first", "second", "third")
        ),
        encoding="utf-8",
    )
    result = extract([str(po)], ExtractOptions(lang="en"))
    terms = {f for c in result.candidates for f in (c.term, *c.variants)}
    assert "index file" in terms
    assert not any(t.startswith(("s'", "s ", "d ")) or t in ("s", "d") for t in terms)


def test_omegat_tag_shortcuts_are_no_words(tmp_path: Path) -> None:
    """OmegaT's project_save.tmx keeps a segment's inline codes as shortcuts in its
    text ("<e0>", "</e0>", "<i1/>"): they were the 2nd to 4th candidates of OmegaT
    6.1's own memory ("e0", "l0", "p0")."""
    tmx = require_shared(SHARED / "formats" / "tmx" / "omegat610__OmegaT-L10N-zh_CN__project_save.tmx")
    result = extract([str(tmx)], ExtractOptions(lang="en"))
    forms = {f for c in result.candidates for f in (c.term, *c.variants)}
    assert "OmegaT" in forms and "translation memory" in forms
    assert not any(f[:1] in "<>/|" or f[-1:] in "<>/|" for f in forms)
    top = [c.term for c in result.candidates[:50]]
    assert not [t for t in top if len(t) <= 3 and t[-1].isdigit()]


def test_capitals_and_damage_cost_linear_time() -> None:
    """Lines that the title-line and damage patterns reject: with backtracking
    patterns, one all-capitals licence line of OmegaT's memory took minutes (the
    whole file more than 20), and a long chunk with U+FFFD after it quadratic time.
    Run in a child with a generous limit, so that a regression fails instead of
    hanging the suite (no timing is asserted: linear time takes milliseconds)."""
    code = (
        "from termkit.extract.english import EnglishExtractor\n"
        "e = EnglishExtractor()\n"
        "e.parse('WILL ANY COPYRIGHT HOLDER, OR ANY OTHER PARTY WHO MODIFIES AND/OR CONVEYS ' * 2)\n"
        "e.parse('PARTIES OR A FAILURE OF THE PROGRAM TO OPERATE WITH ANY OTHER PROGRAMS),')\n"
        "e.parse('x' * 200000 + ' \\ufffd')\n"
        "print('done')\n"
    )
    finishes_in_a_child(code)


def test_warnings_of_one_kind_are_capped_per_file(tmp_path: Path) -> None:
    """Ten warnings of a kind per file, then one that counts the rest (at the first
    one not shown); each file and each kind has its own count."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(
        b"".join(b"Rain Plan \xff village\nThe Rain Plan trains labors.\nKey counties\n" for _ in range(25))
    )
    damaged = tmp_path / "damaged.txt"
    damaged.write_text("".join(f"The Ra\ufffdn Plan {k}\n" for k in range(12)), encoding="utf-8")
    reader = Reader()
    lines = list(reader.lines([str(bad), str(damaged)]))
    assert len(lines) == 75 + 12
    found = [(Path(d.path).name, d.line, d.rule) for d in reader.diagnostics]
    assert found == [
        *(("bad.txt", 1 + 3 * k, "invalid-utf8") for k in range(10)),
        ("bad.txt", 31, "invalid-utf8"),
        *(("damaged.txt", k, "damaged-text") for k in range(1, 11)),
        ("damaged.txt", 11, "damaged-text"),
    ]
    assert reader.diagnostics[10].message == f"... and 15 more such warnings in {bad} (not shown)"
    assert reader.diagnostics[-1].message == f"... and 2 more such warnings in {damaged} (not shown)"
    assert reader.failed == []


def test_a_file_that_is_not_utf8_is_an_error_with_what_to_do(tmp_path: Path) -> None:
    """A GBK file without declaration gave a warning for each of its lines (10,500)
    and nothing else: it is one error now, with the iconv command, and skipped."""
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(("整村推进和易地扶贫搬迁是重点工作。\n" * 500).encode("gb18030"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("The café's naïve owner\n".encode("cp1252") * 3)
    reader = Reader()
    # the GBK file is refused; three lines of Latin-1 are too few for a verdict: read,
    # with a warning that says what to do
    assert len(list(reader.lines([str(gbk), str(latin)]))) == 3
    assert reader.failed == [str(gbk)]
    first, second = reader.diagnostics[0], reader.diagnostics[-1]
    assert (first.path, first.line, first.column, first.severity, first.rule) == (
        str(gbk),
        1,
        1,
        Severity.ERROR,
        "not-utf8",
    )
    assert first.message.startswith("not UTF-8: ")
    assert "so the file is skipped; Chinese in GB18030/GBK?" in first.message
    assert f"iconv -f GB18030 -t UTF-8 {gbk} > {tmp_path / 'gbk.utf8.txt'}" in first.message
    assert (second.line, second.column, second.severity, second.rule) == (1, 8, Severity.WARNING, "not-utf8")
    assert "Windows-1252 or Latin-1?" in second.message and "iconv -f WINDOWS-1252" in second.message
    with pytest.raises(InputError, match="not UTF-8"):
        extract([str(gbk)])


def test_a_file_that_turns_out_not_utf8_further_on_gets_one_warning(tmp_path: Path) -> None:
    """Read from its first lines (UTF-8): ten warnings and one that says what the
    file is, instead of one warning per line."""
    path = tmp_path / "late.txt"
    path.write_bytes(
        b"The Rain Plan trains labors.\n" * 400 + "整村推进是重点工作。\n".encode("gb18030") * 1000
    )
    reader = Reader()
    assert 400 * len(b"The Rain Plan trains labors.\n") > SNIFF  # the first block (8 KB) is English
    assert len(list(reader.lines([str(path)]))) == 1400
    rules = [d.rule for d in reader.diagnostics]
    assert rules == ["invalid-utf8"] * 10 + ["not-utf8"]
    last = reader.diagnostics[-1]
    assert (last.line, last.severity) == (401, Severity.WARNING)
    assert last.message.startswith(
        "most of the file is not UTF-8: 1000 of its 1400 lines have invalid bytes (the first 10 shown)"
    )
    assert "iconv -f GB18030" in last.message


def test_nothing_readable_keeps_every_error(tmp_path: Path) -> None:
    from termkit.extract import NothingReadable

    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    with pytest.raises(NothingReadable) as caught:
        extract(paths)
    assert str(caught.value) == f"{paths[0]}:1:1: no such file"
    assert [(d.path, d.severity) for d in caught.value.diagnostics] == [
        (paths[0], Severity.ERROR),
        (paths[1], Severity.ERROR),
    ]


def test_a_few_long_latin1_lines_above_utf8_text_are_no_verdict(tmp_path: Path) -> None:
    # the first 8 KB holds 5 lines, 3 of them Latin-1: too few to refuse the file
    path = tmp_path / "mixed.txt"
    body = ("The rural credit cooperative lends to farmers in remote areas. " * 50 + "\n") * 40
    path.write_bytes(
        "Café Cooperative Report\nJosé Martínez\nSeñor García notes\n".encode("latin-1") + body.encode()
    )
    result = extract([str(path)], ExtractOptions(lang="en"))
    assert result.candidates and not any(d.severity is Severity.ERROR for d in result.diagnostics)


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs /proc/self/mem")
def test_a_read_that_fails_midway_skips_that_file_only(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The Rain Plan trains rural labors.\nThe Rain Plan works.\n", encoding="utf-8")
    result = extract([str(good), "/proc/self/mem"], ExtractOptions(lang="en"))
    assert any(c.term == "Rain Plan" for c in result.candidates)
    assert [d.path for d in result.diagnostics if d.severity is Severity.ERROR] == ["/proc/self/mem"]


def test_a_tmx_whose_srclang_names_no_segment_is_read_by_order(tmp_path: Path) -> None:
    tmx = tmp_path / "de.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="de" '
        'datatype="plaintext"/><body>'
        + "".join(
            f'<tu><tuv xml:lang="en"><seg>The Rain Plan trains labors {i}.</seg></tuv>'
            f'<tuv xml:lang="zh-CN"><seg>雨露计划培训劳动力。</seg></tuv></tu>'
            for i in range(3)
        )
        + "</body></tmx>",
        encoding="utf-8",
    )
    result = extract([str(tmx)], ExtractOptions(lang=None))
    assert any(c.term == "Rain Plan" and c.frequency == 3 for c in result.candidates)


def test_nul_bytes_past_the_first_8_kb_are_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "late.txt"
    path.write_bytes(b"The Rain Plan works.\n" * 1000 + b"bad\x00data\x00line\n" + b"The Rain Plan again.\n")
    texts, reader = lines_of(path)
    assert len(texts) == 1002 and texts[1000] == "bad data line"
    assert [(d.line, d.column, d.rule) for d in reader.diagnostics] == [(1001, 4, "nul-bytes")]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_nul_characters_in_utf16_are_read_as_spaces_with_a_warning_as_in_utf8(
    tmp_path: Path, codec: str
) -> None:
    """NUL characters in a UTF-16 text split the words they touch, without a word:
    "rural" and "credit cooperative" where the same text in UTF-8 gave "rural credit
    cooperative" and a warning."""
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    path = tmp_path / "nul.txt"
    path.write_bytes(
        bom + "The Rain Plan works.\nrural\x00credit\x00cooperative\nbad\x00line\n".encode(codec)
    )
    texts, reader = lines_of(path)
    assert texts == ["The Rain Plan works.", "rural credit cooperative", "bad line"]
    assert [(d.line, d.column, d.rule) for d in reader.diagnostics] == [(2, 6, "nul-bytes")]


@pytest.mark.parametrize("text", ["扶贫开发是重要工作。整村推进。\n" * 5, "扶贫开发是重要工作。整村推进。"])
def test_a_short_file_in_gbk_is_refused_too(tmp_path: Path, text: str) -> None:
    """Fewer lines than a verdict needs, but the file is seen whole and none of its
    words survives: "0 candidates from 0 lines" with exit status 0 said nothing."""
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(text.encode("gb18030"))
    reader = Reader()
    assert list(reader.lines([str(gbk)])) == []
    assert reader.failed == [str(gbk)]
    (error,) = [d for d in reader.diagnostics if d.severity is Severity.ERROR]
    assert error.rule == "not-utf8" and "Chinese in GB18030/GBK?" in error.message
    lines = text.count("\n") or 1
    assert error.message.startswith(
        "not UTF-8: its one line has" if lines == 1 else f"not UTF-8: {lines} of its {lines} lines have"
    )
    with pytest.raises(InputError, match="not UTF-8"):
        extract([str(gbk)])


@pytest.mark.parametrize(
    ("name", "skipped"),
    [
        ("tmx/matecat__exampleForTestOriginal.tmx", "it-IT"),
        ("tmx/intertext__84000__toh729-v2.tmx", "bo"),
        ("xliff/memoq12__supervertaler__test_document.mqxliff", "nl-NL"),
    ],
)
def test_a_source_side_in_another_language_is_skipped_with_one_warning(name: str, skipped: str) -> None:
    """MateCat's Italian and InterText's Tibetan source sides were extracted as
    English: Italian phrases ("comprendere la qualità della vita affettiva") and
    Tibetan syllables cut in two ranked first."""
    memory = str(require_shared(SHARED / "formats" / name))
    result = extract([memory])
    assert result.candidates == []
    warnings = [d for d in result.diagnostics if d.rule == "other-language-side"]
    assert len(warnings) == 1
    assert f"side is in {skipped} are skipped" in warnings[0].message and "--lang en" in warnings[0].message
    # memoQ's test document says nl-NL of its source, which is English: --side reads it
    asked = ExtractOptions(side="source") if skipped == "nl-NL" else ExtractOptions(lang="en")
    english = extract([memory], asked)
    assert english.candidates and not [d for d in english.diagnostics if d.rule == "other-language-side"]
    if skipped == "nl-NL":
        assert "Biagio Pagano" in {c.term for c in english.candidates}


def test_html_character_references_in_memory_text_are_no_words() -> None:
    """Escaped markup in a localisation file ("Learn more &raquo;", "&#40;easy ...&#41;")
    made "raquo" the first candidate of lockit's XLIFF."""
    xliff = require_shared(
        SHARED / "formats" / "xliff" / "loctool-lockit__ht-webapp12-lockit10_zh-Hans-CN.xliff"
    )
    result = extract([str(xliff)], ExtractOptions(lang="en"))
    forms = {f.lower() for c in result.candidates for f in (c.term, *c.variants)}
    assert "licensed doctor" in forms
    assert not {f for f in forms if {"raquo", "amp", "quot"} & set(f.split())}


def test_a_refused_file_says_the_byte_offset_of_its_first_invalid_byte(tmp_path: Path) -> None:
    """Lint says where the first bad byte is; extract said only the line and column."""
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(b"Report\n" + "扶贫开发是重要工作。整村推进。\n".encode("gb18030") * 12)
    other = tmp_path / "other.txt"
    other.write_bytes("整村推进。\n".encode("gb18030"))
    reader = Reader()
    assert list(reader.lines([str(gbk), str(other)])) == []
    first, second = [d for d in reader.diagnostics if d.severity is Severity.ERROR]
    assert (first.line, first.column) == (2, 1)
    assert "invalid bytes (the first at byte offset 7), so the file is skipped" in first.message
    assert "invalid bytes (the first at byte offset 0), so the file is skipped" in second.message


def test_side_on_a_plain_text_is_said_once(tmp_path: Path) -> None:
    """``--side target`` on a plain text was ignored without a word."""
    path = tmp_path / "report.txt"
    path.write_text("The Rain Plan.\nThe Rain Plan again.\n", encoding="utf-8")
    reader = Reader(side="target")
    assert [x.text for x in reader.lines([str(path)])] == ["The Rain Plan.", "The Rain Plan again."]
    assert [(d.line, d.column, d.rule) for d in reader.diagnostics] == [(1, 1, "side-of-text")]
    assert "--side target chooses a side of a translation memory" in reader.diagnostics[0].message
    plain = Reader()
    list(plain.lines([str(path)]))
    assert plain.diagnostics == []


def test_a_line_break_at_a_word_boundary_in_a_memory_ends_the_line(tmp_path: Path) -> None:
    """git's PO puts a hint on the line after its message (不能在合并时切换分支\\n考虑使用):
    joined, 分支考虑 and 切换分支考虑使用 became candidates.  A break is joined only where
    jieba finds a word across it (序列\\n号 is 序列号)."""
    po = tmp_path / "m.po"
    hint = "不能在合并时切换分支\\n考虑使用提交命令"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "a"\nmsgstr "{hint}"\n\nmsgid "b"\nmsgstr "{hint}"\n\n'
        'msgid "c"\nmsgstr "序列\\n号"\n\nmsgid "d"\nmsgstr "序列\\n号"\n',
        encoding="utf-8",
    )
    terms = _zh_terms(po)
    assert "序列号" in terms and "序列" not in terms
    assert not {t for t in terms if "分支考虑" in t}


def _zh_terms(path: Path) -> set[str]:
    """The Chinese candidates of a memory."""
    return {c.term for c in extract([str(path)], ExtractOptions(lang="zh")).candidates}


def test_side_on_several_plain_texts_is_said_once_and_not_for_a_binary_file(tmp_path: Path) -> None:
    """Seven plain texts gave seven identical --side warnings, and a binary file one
    before its error: the warning is given once, at the first text read."""
    paths = [tmp_path / "data.bin"]
    paths[0].write_bytes(b"\x00\x01binary")
    for n in range(3):
        paths.append(tmp_path / f"t{n}.txt")
        paths[-1].write_text("The Rain Plan.\n", encoding="utf-8")
    reader = Reader(side="source")
    assert [x.text for x in reader.lines([str(p) for p in paths])] == ["The Rain Plan."] * 3
    assert [(Path(d.path).name, d.rule) for d in reader.diagnostics] == [
        ("data.bin", "unreadable"),
        ("t0.txt", "side-of-text"),
    ]


def test_the_tokenizer_for_line_breaks_is_made_once_and_only_for_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tokenizer that tells a line break inside a word was asked for again at every
    Han line break (going over every glossary term each time); an English memory
    never needs it."""
    import termkit.extract as extract_module

    made: list[tuple[str, ...]] = []
    real = extract_module.jieba_tokenizer

    def counting(words: tuple[str, ...] = ()) -> object:
        made.append(tuple(words))
        return real(words)

    monkeypatch.setattr(extract_module, "jieba_tokenizer", counting)
    po = tmp_path / "m.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        + "".join(f'msgid "n{n}"\nmsgstr "序列\\n号{n}"\n\n' for n in range(5)),
        encoding="utf-8",
    )
    extract([str(po)], ExtractOptions(lang="zh", glossary_terms=("序列号",)))
    assert made == [("序列号",)]
    made.clear()
    extract([str(po)], ExtractOptions(lang="en"))
    english = tmp_path / "en.po"
    english.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Rain Plan\\ntraining"\nmsgstr "Regen"\n',
        encoding="utf-8",
    )
    extract([str(english)], ExtractOptions())
    assert made == []


def test_an_indented_break_in_an_xliff_target_is_joined_between_words_too(tmp_path: Path) -> None:
    """In XLIFF the spaces around a line break are layout (a pretty-printed target):
    推进易地扶贫\\n      搬迁工作 is one line whether or not jieba (without a glossary)
    finds a word across the break (易地扶贫搬迁 was lost).  A bare break still is joined
    only inside a word (a message and its hint)."""
    xlf = tmp_path / "m.xlf"
    units = "".join(
        f'<trans-unit id="{n}"><source>Relocation.</source><target>推进易地扶贫\n'
        f"      搬迁工作</target></trans-unit>\n"
        for n in (1, 2)
    )
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file source-language="en" target-language="zh-CN" datatype="plaintext" original="x"><body>\n'
        f'{units}<trans-unit id="3"><source>Hint.</source><target>不能在合并时切换分支\n考虑使用提交命令</target>'
        "</trans-unit>\n</body></file></xliff>\n",
        encoding="utf-8",
    )
    terms = _zh_terms(xlf)
    assert "易地扶贫搬迁" in terms and not {t for t in terms if "分支考虑" in t}
