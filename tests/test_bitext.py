"""``termkit.bitext``: pairs from TSV files."""

from __future__ import annotations

from pathlib import Path

from termkit.bitext import iter_bitext, tsv_header


def test_a_language_header_is_no_pair(tmp_path: Path) -> None:
    """``align docs`` and ``convert`` write ``en<TAB>zh-CN`` first; align and lint read
    the file back without taking the header for a sentence pair."""
    path = tmp_path / "d.tsv"
    path.write_text("en\tzh-CN\nThe Rain Plan.\t雨露计划。\n", encoding="utf-8")
    assert [(p.src, p.tgt, p.line) for p in iter_bitext(path)] == [("The Rain Plan.", "雨露计划。", 2)]
    assert tsv_header(["", "en\tzh-hant", "a\tb"]) == ["en", "zh-Hant"]
    assert tsv_header(["The Rain Plan.\t雨露计划。"]) is None
