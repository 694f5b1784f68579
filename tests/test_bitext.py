"""``termkit.bitext``: pairs from TSV files."""

from __future__ import annotations

from pathlib import Path

from termkit.bitext import iter_bitext, iter_memory_pairs, tsv_header


def test_a_language_header_is_no_pair(tmp_path: Path) -> None:
    """``align docs`` and ``convert`` write ``en<TAB>zh-CN`` first; align and lint read
    the file back without taking the header for a sentence pair."""
    path = tmp_path / "d.tsv"
    path.write_text("en\tzh-CN\nThe Rain Plan.\t雨露计划。\n", encoding="utf-8")
    assert [(p.src, p.tgt, p.line) for p in iter_bitext(path)] == [("The Rain Plan.", "雨露计划。", 2)]
    assert tsv_header(["", "en\tzh-hant", "a\tb"]) == ["en", "zh-Hant"]
    assert tsv_header(["The Rain Plan.\t雨露计划。"]) is None


def test_cr_only_files_are_read_line_by_line(tmp_path: Path) -> None:
    """Classic Mac OS line ends (CR and no LF, as Excel for Mac still writes): one line
    per CR, in line-aligned files and in a TSV; in a file with an LF, a CR is text."""
    en, zh = tmp_path / "d.en", tmp_path / "d.zh"
    en.write_bytes(b"The Rain Plan.\r\rKey counties.\r")
    zh.write_bytes("雨露计划。\r\r重点县。\r".encode())
    pairs = list(iter_bitext(src_path=en, tgt_path=zh))
    assert [(p.src, p.tgt, p.line) for p in pairs] == [
        ("The Rain Plan.", "雨露计划。", 1),
        ("Key counties.", "重点县。", 3),
    ]
    tsv = tmp_path / "d.tsv"
    tsv.write_bytes("en\tzh-CN\rThe Rain Plan.\t雨露计划。\rKey counties.\t重点县。".encode())
    assert [(p.src, p.line) for p in iter_bitext(tsv)] == [("The Rain Plan.", 2), ("Key counties.", 3)]
    # a file with an LF keeps LF line ends: a CR inside a line is text, as for grep -n
    en.write_bytes(b"The Rain\rPlan.\nKey counties.\n")
    zh.write_bytes("雨露计划。\r\n重点县。\r\n".encode())
    pairs = list(iter_bitext(src_path=en, tgt_path=zh))
    assert [(p.src, p.tgt, p.line) for p in pairs] == [
        ("The Rain\rPlan.", "雨露计划。", 1),
        ("Key counties.", "重点县。", 2),
    ]


def test_a_po_file_without_language_pairs_by_the_script_of_its_text(tmp_path: Path) -> None:
    # no Language header and no locale in the name: the target is a bare "zh", which
    # serves zh-CN when its text is Simplified, never when it is Traditional
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    simple = tmp_path / "messages.po"
    simple.write_text(header + 'msgid "Rain Plan"\nmsgstr "雨露计划"\n', encoding="utf-8")
    assert [(p.src, p.tgt) for p in iter_memory_pairs(str(simple))] == [("Rain Plan", "雨露计划")]
    traditional = tmp_path / "other.po"
    traditional.write_text(header + 'msgid "Rain Plan"\nmsgstr "雨露計劃"\n', encoding="utf-8")
    assert list(iter_memory_pairs(str(traditional))) == []
    assert [(p.src, p.tgt) for p in iter_memory_pairs(str(traditional), tgt_lang="zh-TW")] == [
        ("Rain Plan", "雨露計劃")
    ]


def test_chinese_target_keeps_a_simplified_text_with_a_stray_variant_simplified() -> None:
    from termkit.bitext import chinese_target

    assert chinese_target("主題有循环继承") == "zh-CN"
    assert chinese_target("這是雨露計劃") == "zh-Hant"
