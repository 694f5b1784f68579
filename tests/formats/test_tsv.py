"""TSV memories: header, escapes, headerless files, located errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given

from termkit.errors import FormatError
from termkit.formats.tsv import escape, read_tsv, unescape, write_tsv
from termkit.model import EN, ZH, Memory, Segment, TranslationUnit

from .strategies import TEXT


@given(TEXT)
def test_escape_roundtrip(text: str) -> None:
    escaped = escape(text)
    assert "\t" not in escaped and "\n" not in escaped and "\r" not in escaped
    assert unescape(escaped) == text


def test_write_exact_and_read_back() -> None:
    memory = Memory(
        units=[
            TranslationUnit({EN: Segment("Rain Plan"), ZH: Segment("雨露计划")}),
            TranslationUnit({EN: Segment("two\tcells\\n"), ZH: Segment("一\n二")}),
            TranslationUnit({EN: Segment("untranslated")}),
        ]
    )
    buf = io.BytesIO()
    write_tsv(buf, memory)
    assert buf.getvalue().decode() == (
        "en\tzh-CN\nRain Plan\t雨露计划\ntwo\\tcells\\\\n\t一\\n二\nuntranslated\n"
    )
    again = read_tsv(io.BytesIO(buf.getvalue()))
    assert [u.segments for u in again.units] == [u.segments for u in memory.units]
    assert [u.location.line for u in again.units if u.location] == [2, 3, 4]


def test_headerless_uses_given_languages(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("\ufeffRain Plan\t雨露计划\r\nthe\tcat\n", encoding="utf-8")
    memory = read_tsv(path, "en-GB", "zh_cn")
    assert [u.segments for u in memory.units] == [
        {"en-GB": Segment("Rain Plan"), "zh-CN": Segment("雨露计划")},
        {"en-GB": Segment("the"), "zh-CN": Segment("cat")},
    ]


def test_header_with_several_languages(tmp_path: Path) -> None:
    path = tmp_path / "m.tsv"
    path.write_text("EN\tzh_cn\tzh-tw\nvillage\t村\t村莊\n", encoding="utf-8")
    memory = read_tsv(path)
    assert memory.srclang == "en"
    assert memory.units[0].segments == {
        "en": Segment("village"),
        "zh-CN": Segment("村"),
        "zh-TW": Segment("村莊"),
    }


def test_errors_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("en\tzh-CN\nok\t好\na\tb\tc\n", encoding="utf-8")
    with pytest.raises(FormatError, match="3 columns but the header names 2") as info:
        read_tsv(path)
    assert info.value.location == f"{path}:3:4"
    path.write_text("en\ten\nx\ty\n", encoding="utf-8")
    with pytest.raises(FormatError, match="twice"):
        read_tsv(path)


def test_only_lf_ends_a_line() -> None:
    """U+0085, U+2028, U+2029, FF and VT are segment text, not line ends."""
    unit = TranslationUnit({EN: Segment("a\x85b\u2028c"), ZH: Segment("甲\u2029乙\x0c\x0b")})
    memory = Memory(units=[unit])
    buf = io.BytesIO()
    write_tsv(buf, memory)
    assert [u.segments for u in read_tsv(io.BytesIO(buf.getvalue())).units] == [memory.units[0].segments]


def test_cr_only_line_ends(tmp_path: Path) -> None:
    """A file with CR and no LF (classic Mac OS) has a line per CR; in a file with an
    LF, a CR is text."""
    path = tmp_path / "mac.tsv"
    path.write_bytes("en\tzh-CN\rRain Plan\t雨露计划\r\rvillage\t村\r".encode())
    memory = read_tsv(path)
    assert [(u.text(EN), u.text(ZH)) for u in memory.units] == [("Rain Plan", "雨露计划"), ("village", "村")]
    assert [u.location.line for u in memory.units if u.location] == [2, 4]
    path.write_bytes("Rain\rPlan\t雨露计划\nvillage\t村\r\n".encode())
    assert [u.text(EN) for u in read_tsv(path).units] == ["Rain\rPlan", "village"]


def test_ideographic_and_plain_spaces_are_segments(tmp_path: Path) -> None:
    from termkit.formats.registry import read_memory, write_memory
    from termkit.model import Memory, Segment, TranslationUnit

    memory = Memory(units=[TranslationUnit({"en": Segment(" "), "zh-CN": Segment("\u3000")})])
    path = tmp_path / "spaces.tsv"
    write_memory(path, memory)
    again = read_memory(path)
    assert [(u.text("en"), u.text("zh-CN")) for u in again.units] == [(" ", "\u3000")]


SHARED_FORMATS = Path(__file__).resolve().parents[3] / "shared" / "formats"


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("tmx/catalyst2019__Bundle_en_zh-CN.tmx", "TMX"),
        ("tmx/heartsome-tmserver__UTF-16LE.TMX", "TMX"),
        ("po/git__zh_CN.po", "PO"),
        ("xliff/angular-cli__rclone-webui__messages.zh-CN.xlf", "XLIFF"),
    ],
)
def test_a_tmx_or_po_file_read_as_tsv_is_refused(path: str, kind: str) -> None:
    """``convert --from tsv memory.tmx out.tmx`` made each line of the XML a unit of
    one segment (its markup the text), and said nothing."""
    file = SHARED_FORMATS / path
    if not file.exists():
        pytest.skip(f"{file} is not here")
    with pytest.raises(FormatError) as info:
        read_tsv(str(file))
    assert (info.value.line, info.value.column) == (1, 1)
    assert f"this is a {kind} file, not TSV: read it as {kind.lower()} " in str(info.value)


def test_a_one_column_tsv_is_still_read() -> None:
    """A list of source sentences (no TAB anywhere) that merely mentions markup is TSV."""
    memory = read_tsv(io.BytesIO(b"A TMX file has a <tmx> root.\nRain Plan\n"))
    assert [u.segments[EN].text for u in memory.units] == ["A TMX file has a <tmx> root.", "Rain Plan"]


def test_extra_column_of_a_file_without_header_is_not_blamed_on_a_header(tmp_path: Path) -> None:
    """Tatoeba's en<TAB>zh<TAB>attribution has no header line: the error said "the
    header names 2 languages", of a header the file does not have."""
    path = tmp_path / "cmn.tsv"
    path.write_text("Hi.\t嗨。\tCC-BY 2.0 (France) Attribution: tatoeba.org\n", encoding="utf-8")
    with pytest.raises(FormatError) as info:
        read_tsv(path)
    assert info.value.location == f"{path}:1:7"
    assert "header names" not in str(info.value)
    assert "3 columns but a TSV without a header line has 2 (en, zh-CN)" in str(info.value)
    assert "add a first line naming the language of each column" in str(info.value)
