"""TMX writer and reader details, Hypothesis round trips, and real tools reading termkit's TMX."""

from __future__ import annotations

import io
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import SHARED
from termkit import __version__
from termkit.errors import FormatError
from termkit.formats.tmx import TmxWriter, iter_tmx, read_tmx, write_tmx
from termkit.formats.xliff import read_xliff, write_xliff
from termkit.model import EN, ZH, ZH_HANT, InlineCode, Memory, Segment, TranslationUnit

from .omegat_project import omegat_translate
from .strategies import TEXT, UNSAFE, comparable, memories
from .tmx_checks import assert_paired, assert_valid

XLIFF12_XSD = SHARED / "formats" / "schema" / "xliff-1.2" / "xliff-core-1.2-strict.xsd"
FIELDS = ("segments", "id", "props", "notes", "context", "fuzzy", "references", "attrs")


def _write(memory: Memory, **options: object) -> bytes:
    buf = io.BytesIO()
    write_tmx(buf, memory, **options)  # type: ignore[arg-type]
    return buf.getvalue()


def _rain() -> Memory:
    unit = TranslationUnit(
        {
            "zh_CN": Segment("雨露计划", notes=["zh note"]),
            "en": Segment("Rain Plan", props=[("x-pos", "noun")]),
        },
        id="rain-plan",
        props=[("x-status", "approved")],
        notes=["a training programme"],
    )
    return Memory(srclang=EN, units=[unit], props=[("x-project", "shanxi")], notes=["header note"])


def test_writer_exact_output() -> None:
    assert _write(_rain()).decode("utf-8") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        '<tmx version="1.4">\n'
        f'  <header creationtool="termkit" creationtoolversion="{__version__}" segtype="sentence" '
        'o-tmf="termkit" adminlang="en" srclang="en" datatype="plaintext">\n'
        '    <prop type="x-project">shanxi</prop>\n'
        "    <note>header note</note>\n"
        "  </header>\n"
        "  <body>\n"
        '    <tu tuid="rain-plan">\n'
        '      <prop type="x-status">approved</prop>\n'
        "      <note>a training programme</note>\n"
        '      <tuv xml:lang="en">\n'
        '        <prop type="x-pos">noun</prop>\n'
        "        <seg>Rain Plan</seg>\n"
        "      </tuv>\n"
        '      <tuv xml:lang="zh-CN">\n'
        "        <note>zh note</note>\n"
        "        <seg>雨露计划</seg>\n"
        "      </tuv>\n"
        "    </tu>\n"
        "  </body>\n"
        "</tmx>\n"
    )


def test_writer_valid_deterministic_and_dated_only_on_request() -> None:
    first, second = _write(_rain()), _write(_rain())
    assert first == second
    assert_valid(first)
    assert b"creationdate" not in first and b"zh_CN" not in first
    dated = _write(_rain(), date="20240131T120000Z")
    assert b'creationdate="20240131T120000Z"' in dated
    assert_valid(dated)
    with pytest.raises(FormatError, match="YYYYMMDDThhmmssZ"):
        _write(_rain(), date="2024-01-31")


def test_every_tuv_has_xml_lang() -> None:
    root = etree.fromstring(_write(_rain()))
    tuvs = root.findall(".//tuv")
    assert [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tuvs] == ["en", "zh-CN"]


def test_unsafe_character_refused_with_unit_named() -> None:
    memory = _rain()
    memory.units.append(TranslationUnit({EN: Segment("bad\x07bell"), ZH: Segment("好")}, id="u2"))
    buf = io.BytesIO()
    with pytest.raises(FormatError) as info:
        write_tmx(buf, memory, path="out.tmx")
    assert str(info.value) == (
        "out.tmx: unit 2 (id 'u2'), en segment: character U+0007 at offset 3 cannot be written in XML 1.0 "
        "(control characters, lone surrogates, U+FFFE and U+FFFF are not allowed); remove or replace it in "
        "the input"
    )


@given(text=TEXT, bad=UNSAFE, where=st.sampled_from(["seg", "note", "prop", "id"]))
def test_unsafe_characters_never_dropped(text: str, bad: str, where: str) -> None:
    unit = TranslationUnit({EN: Segment("x"), ZH: Segment("y")})
    dirty = text + bad
    if where == "seg":
        unit.segments[ZH] = Segment(dirty)
    elif where == "note":
        unit.notes = [dirty]
    elif where == "prop":
        unit.props = [("x-a", dirty)]
    else:
        unit.id = dirty
    with pytest.raises(FormatError, match=rf"unit 1.*U\+{ord(bad):04X}"):
        _write(Memory(units=[unit]))


@settings(max_examples=30, deadline=None)
@given(memory=memories(with_codes=True))
def test_roundtrip_hypothesis(memory: Memory) -> None:
    data = _write(memory)
    assert_valid(data)
    again = read_tmx(io.BytesIO(data))
    assert comparable(again, FIELDS) == comparable(memory, FIELDS)
    assert _write(again) == data


@settings(max_examples=20, deadline=None)
@given(memory=memories(langs=(EN, ZH, "fr", "zh-TW")))
def test_roundtrip_several_targetsassert_valid(memory: Memory) -> None:
    data = _write(memory)
    assert_valid(data)
    assert comparable(read_tmx(io.BytesIO(data)), FIELDS) == comparable(memory, FIELDS)


@settings(max_examples=40, deadline=None)
@given(memory=memories(with_codes=True, xliff_codes=True))
def test_xliff_codes_give_valid_paired_tmx(memory: Memory) -> None:
    """Whatever inline codes XLIFF gives, the TMX validates and its bpt/ept are paired."""
    data = _write(memory)
    assert_valid(data)
    assert_paired(data)
    assert [[s.text for s in u.segments.values()] for u in read_tmx(io.BytesIO(data)).units] == [
        [s.text for s in u.segments.values()] for u in memory.units
    ]


TU_META = (
    '<tu tuid="7" creationid="PEGASUS\\Ziad" changedate="20100704T125404Z" usagecount="2" '
    'lastusagedate="20090630T172121Z" creationdate="20090504T230613Z" changeid="x" '
    'srclang="en_us" segtype="Sentence" xml:space="preserve" id="not-tmx">'
)


def test_unit_and_variant_attributes_kept(tmp_path: Path) -> None:
    """tu/tuv attributes (dates, users, usage) are read into attrs and written back in the DTD's
    order; tu srclang is normalised, a segtype TMX does not have and undeclared attributes are not kept."""
    path = tmp_path / "meta.tmx"
    path.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en" segtype="sentence"/><body>\n'
        f"{TU_META}"
        '<tuv xml:lang="en" changeid="ann" creationdate="20200101T000000Z"><seg>Rain Plan</seg></tuv>'
        '<tuv lang="zh-CN" creationid="bo"><prop type="x-a">b</prop><seg>雨露计划</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en" usagecount="3"><seg>a</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en"><seg>plain</seg></tuv></tu>\n</body></tmx>\n',
        encoding="utf-8",
    )
    units = list(iter_tmx(path))
    assert units == read_tmx(path).units
    assert units[0].attrs == {
        "creationid": "PEGASUS\\Ziad",
        "changedate": "20100704T125404Z",
        "usagecount": "2",
        "lastusagedate": "20090630T172121Z",
        "creationdate": "20090504T230613Z",
        "changeid": "x",
        "srclang": "en-US",
    }
    assert units[0].segments[EN].attrs == {"changeid": "ann", "creationdate": "20200101T000000Z"}
    assert units[0].segments[ZH].attrs == {"creationid": "bo"}
    assert units[1].attrs == {} and units[1].segments[EN].attrs == {"usagecount": "3"}
    assert units[2].attrs == {} and units[2].segments[EN].attrs == {}
    data = _write(read_tmx(path))
    assert_valid(data)
    text = data.decode("utf-8")
    assert (
        '<tu tuid="7" usagecount="2" lastusagedate="20090630T172121Z" creationdate="20090504T230613Z" '
        'creationid="PEGASUS\\Ziad" changedate="20100704T125404Z" changeid="x" srclang="en-US">\n'
        '      <tuv xml:lang="en" creationdate="20200101T000000Z" changeid="ann"><seg>Rain Plan</seg></tuv>\n'
        '      <tuv xml:lang="zh-CN" creationid="bo">\n'
    ) in text
    assert '<tuv xml:lang="en" usagecount="3"><seg>a</seg></tuv>' in text
    assert read_tmx(io.BytesIO(data)).units == units


def test_header_datatype_is_kept(tmp_path: Path) -> None:
    """A TMX of HTML (its codes are HTML tags) stays one: read_tmx, and convert's streaming
    TMX -> TMX, keep the header's datatype (the Okapi test memory says html, Trados xml)."""
    from termkit.formats.convert import convert

    tmx = tmp_path / "in.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" '
        'adminlang="en" srclang="en" datatype="html"/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv>'
        '<tuv xml:lang="zh-CN"><seg>甲</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    assert read_tmx(str(tmx)).datatype == "html"
    assert b'datatype="html"' in _write(read_tmx(str(tmx)))
    convert(str(tmx), str(tmp_path / "out.tmx"))
    header = etree.parse(str(tmp_path / "out.tmx")).find("header")
    assert header is not None and header.get("datatype") == "html"
    assert b'datatype="plaintext"' in _write(_rain())


def test_writer_refuses_attributes_tmx_does_not_have() -> None:
    unit = TranslationUnit({EN: Segment("a")}, attrs={"creator": "me"})
    with pytest.raises(FormatError, match="unit 1: TMX has no attribute 'creator' on <tu>"):
        _write(Memory(units=[unit]))
    unit = TranslationUnit({EN: Segment("a", attrs={"segtype": "block"})})
    with pytest.raises(FormatError, match="TMX has no attribute 'segtype' on <tuv>"):
        _write(Memory(units=[unit]))
    unit = TranslationUnit({EN: Segment("a")}, attrs={"segtype": "line"})
    with pytest.raises(FormatError, match="segtype 'line' is not one of"):
        _write(Memory(units=[unit]))
    unit = TranslationUnit({EN: Segment("a", attrs={"creationid": "a\x07"})})
    with pytest.raises(FormatError, match=r"unit 1, en segment tuv creationid: .*U\+0007"):
        _write(Memory(units=[unit]))


def test_reader_tmx11_lang_all_and_locations(tmp_path: Path) -> None:
    path = tmp_path / "old.tmx"
    path.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.1">\n<header srclang="*all*" segtype="odd"/>\n<body>\n'
        '<tu>\n<tuv lang="EN-us"><seg>a</seg></tuv><tuv lang="zh_cn"><seg>甲</seg></tuv></tu>\n'
        '<tu><tuv lang="en-US"><seg>b</seg></tuv></tu>\n</body></tmx>\n',
        encoding="utf-8",
    )
    memory = read_tmx(path)
    assert memory.srclang == "*all*" and memory.segtype == "sentence"
    assert [u.segments for u in memory.units] == [
        {"en-US": Segment("a"), "zh-CN": Segment("甲")},
        {"en-US": Segment("b")},
    ]
    assert [(u.location.path, u.location.line) for u in memory.units if u.location] == [
        (str(path), 5),
        (str(path), 7),
    ]
    assert b'srclang="*all*"' in _write(memory)


def test_reader_refuses_tuv_without_language_and_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "x.tmx"
    path.write_text('<tmx version="1.4"><body>\n<tu><tuv><seg>a</seg></tuv></tu></body></tmx>')
    with pytest.raises(FormatError, match="no xml:lang") as info:
        read_tmx(path)
    assert info.value.location == f"{path}:2:1"
    path.write_text(
        '<tmx version="1.4"><body><tu>\n<tuv xml:lang="en"><seg>a</seg></tuv>\n'
        '<tuv xml:lang="EN"><seg>b</seg></tuv></tu></body></tmx>'
    )
    with pytest.raises(FormatError, match="two <tuv> of language en") as info:
        read_tmx(path)
    assert info.value.location == f"{path}:3:1"


def test_hi_and_foreign_codes_written_as_tmx() -> None:
    seg = Segment(
        "click here",
        codes=[
            InlineCode("hi", 6, attrs={"type": "x-link"}),
            InlineCode("/hi", 10),
            InlineCode("x", 0, attrs={"id": "1"}),
            InlineCode("g", 0),
            InlineCode("/g", 5),
        ],
    )
    data = _write(Memory(units=[TranslationUnit({EN: seg})]))
    assert_valid(data)
    assert (
        b'<seg><ph x="1"></ph><bpt i="1"></bpt>click<ept i="1"></ept> '
        b'<hi type="x-link">here</hi></seg>' in data
    )


def test_xliff_codes_written_with_dtd_attributes_andassert_paired() -> None:
    """XLIFF bpt/ept pair by id (or rid): one i for both; ctype becomes type, a numeric id
    becomes x (another id a number of its own: s6 is x="2"), it pos/ph assoc take TMX
    values, other XLIFF attributes are not written, and a code whose partner is not in
    the segment becomes <it>."""
    xliff = (
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        b'<file original="f" source-language="en" target-language="zh-CN" datatype="plaintext"><body>'
        b'<trans-unit id="1"><source><bpt id="1" ctype="italic">{}</bpt>Wiki<ept id="1">{}</ept> '
        b'<bpt id="7" rid="2" ctype="underlined" xid="q" equiv-text="u">[u]</bpt>x'
        b'<ept id="8" rid="2" crc="c">[/u]</ept><g id="3" ctype="bold">b</g><it id="4" pos="close">]</it>'
        b'<ph id="5" assoc="preceding" ctype="image">img</ph><x id="s6"/><ept id="9">)</ept>'
        b'<bx id="10"/>tail</source></trans-unit></body></file></xliff>'
    )
    memory = read_xliff(io.BytesIO(xliff))
    data = _write(memory)
    assert_valid(data)
    assert (
        '<seg><bpt i="1" x="1" type="italic">{}</bpt>Wiki<ept i="1">{}</ept> '
        '<bpt i="2" x="7" type="ulined">[u]</bpt>x<ept i="2">[/u]</ept>'
        '<bpt i="3" x="3" type="bold"></bpt>b<ept i="3"></ept><it pos="end" x="4">]</it>'
        '<ph x="5" assoc="p" type="image">img</ph><ph x="2"></ph><it pos="end" x="9">)</it>'
        '<it pos="begin" x="10"></it>tail</seg>'
    ) in data.decode("utf-8")


def test_xliff_bpt_without_rid_is_not_paired_with_an_ept_whose_rid_is_its_id() -> None:
    """memoQ numbers ids and rids from 1 in one segment: <bpt id="1"> pairs with <ept id="1">,
    not with <ept rid="1">, which closes <bpt id="2" rid="1"> (mqxliff in ../shared)."""
    xliff = (
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        b'<file original="f" source-language="en" target-language="zh-CN" datatype="plaintext"><body>'
        b'<trans-unit id="1"><source><bpt id="1" ctype="underlined">{}</bpt><bpt id="2" rid="1">&lt;a&gt;</bpt>'
        b'<bpt id="3" rid="2">&lt;r&gt;</bpt>Naples<ept id="1">{}</ept><ept id="4" rid="2">&lt;/r&gt;</ept>'
        b'<ept id="5" rid="1">&lt;/a&gt;</ept>, Italy</source></trans-unit></body></file></xliff>'
    )
    data = _write(read_xliff(io.BytesIO(xliff)))
    assert_valid(data)
    assert (
        '<seg><bpt i="1" x="1" type="ulined">{}</bpt><bpt i="2" x="2">&lt;a&gt;</bpt>'
        '<bpt i="3" x="3">&lt;r&gt;</bpt>Naples<ept i="1">{}</ept><ept i="3">&lt;/r&gt;</ept>'
        '<ept i="2">&lt;/a&gt;</ept>, Italy</seg>'
    ) in data.decode("utf-8")


def test_xliff_mrk_becomes_hi_with_its_mtype_and_comes_back() -> None:
    """An XLIFF <mrk> is TMX's <hi>; its mtype is the type when XLIFF lists it or it is an x-
    value (a listed XLIFF 2 type too, x- before those XLIFF 1.2 does not list), else x-mrk;
    the TMX validates, and TMX -> XLIFF gives each <mrk> its mtype back."""
    xliff12 = (
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        b'<file original="f" source-language="en" target-language="zh-CN" datatype="plaintext"><body>'
        b'<trans-unit id="1"><source><mrk mtype="term">Rain Plan</mrk> <mrk mtype="x-test">a</mrk> '
        b'<mrk mtype="protected" mid="3"><g id="4">b</g></mrk> <mrk mtype="not listed">c</mrk>'
        b"</source></trans-unit></body></file></xliff>"
    )
    xliff2 = (
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">'
        b'<file id="f"><unit id="u"><segment><source><mrk id="m1" type="term">Rain Plan</mrk> '
        b'<mrk id="m2">a</mrk> <mrk id="m3" type="comment" value="check">b</mrk> '
        b'<mrk id="m4" type="its:any">c</mrk></source></segment></unit></file></xliff>'
    )
    seg12 = (
        '<seg><hi type="term">Rain Plan</hi> <hi type="x-test">a</hi> '
        '<hi type="protected"><bpt i="1" x="4"></bpt>b<ept i="1"></ept></hi> <hi type="x-mrk">c</hi></seg>'
    )
    seg2 = '<seg><hi type="term">Rain Plan</hi> <hi type="x-mrk">a</hi> <hi type="x-comment">b</hi> <hi type="x-its:any">c</hi></seg>'
    for xliff, seg, mtypes in (
        (xliff12, seg12, ["term", "x-test", "protected", "x-mrk"]),
        (xliff2, seg2, ["term", "x-mrk", "x-comment", "x-its:any"]),
    ):
        data = _write(read_xliff(io.BytesIO(xliff)))
        assert_valid(data)
        assert_paired(data)
        assert seg in data.decode("utf-8")
        back = io.BytesIO()
        write_xliff(back, read_tmx(io.BytesIO(data)), tgt_lang=ZH)
        marks = [
            c for c in read_xliff(io.BytesIO(back.getvalue())).units[0].segments[EN].codes if c.kind == "mrk"
        ]
        assert [c.attrs["mtype"] for c in marks] == mtypes
        schema = etree.XMLSchema(etree.parse(str(XLIFF12_XSD)))
        assert schema.validate(etree.fromstring(back.getvalue())), schema.error_log


XLIFF2_CODES = (
    b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">'
    b'<file id="f"><unit id="u"><segment><source>'
    b'<pc id="1" type="fmt" subType="xlf:b">b</pc><pc id="2" type="fmt" subType="xlf:i">i</pc>'
    b'<pc id="3" type="fmt" subType="xlf:u">u</pc><pc id="4" type="fmt">f</pc>'
    b'<ph id="5" type="fmt" subType="xlf:lb"/><ph id="6" type="ui" subType="xlf:var"/>'
    b'<sc id="7" type="link"/>l<ec startRef="7"/><pc id="8" type="quote">q</pc>'
    b'<ph id="9" type="image"/><pc id="10" type="image">p</pc><ph id="11" type="other" subType="my:x"/>'
    b'<pc id="12">g</pc></source><target>\xe7\xb2\x97</target></segment></unit></file></xliff>'
)


def test_xliff2_types_become_tmx_types() -> None:
    """XLIFF 2's type values (fmt, ui, quote, link, image, other) are not TMX's: fmt with an
    xlf:b/i/u (lb on a ph) subType is TMX's bold/italic/ulined (lb), a value TMX lists too is
    kept (link; image on a ph), any other is a user value, x-fmt, x-ui...; no type, none."""
    data = _write(read_xliff(io.BytesIO(XLIFF2_CODES)))
    assert_valid(data)
    assert_paired(data)
    assert (
        '<seg><bpt i="1" x="1" type="bold"></bpt>b<ept i="1"></ept><bpt i="2" x="2" type="italic"></bpt>i'
        '<ept i="2"></ept><bpt i="3" x="3" type="ulined"></bpt>u<ept i="3"></ept>'
        '<bpt i="4" x="4" type="x-fmt"></bpt>f<ept i="4"></ept><ph x="5" type="lb"></ph>'
        '<ph x="6" type="x-ui"></ph><bpt i="5" x="7" type="link"></bpt>l<ept i="5"></ept>'
        '<bpt i="6" x="8" type="x-quote"></bpt>q<ept i="6"></ept><ph x="9" type="image"></ph>'
        '<bpt i="7" x="10" type="x-image"></bpt>p<ept i="7"></ept><ph x="11" type="x-other"></ph>'
        '<bpt i="8" x="12"></bpt>g<ept i="8"></ept></seg>'
    ) in data.decode("utf-8")
    # TMX -> XLIFF (1.2, the XLIFF termkit writes): each TMX type its XLIFF 1.2 ctype
    back = io.BytesIO()
    write_xliff(back, read_tmx(io.BytesIO(data)))
    schema = etree.XMLSchema(etree.parse(str(XLIFF12_XSD)))
    assert schema.validate(etree.fromstring(back.getvalue())), schema.error_log
    codes = read_xliff(io.BytesIO(back.getvalue())).units[0].segments[EN].codes
    ctypes = [c.attrs.get("ctype", "-") for c in codes if c.kind in ("bpt", "ph")]
    assert ctypes == [
        "bold",
        "italic",
        "underlined",
        "x-fmt",
        "lb",
        "x-ui",
        "link",
        "x-quote",
        "image",
        "x-image",
        "x-other",
        "-",
    ]


def test_tmx_types_are_kept_whatever_they_are() -> None:
    """Only XLIFF 2's codes have their type mapped: TMX's own keep theirs (fmt, verb...)."""
    seg = Segment(
        "ab",
        codes=[
            InlineCode("ph", 0, "{0}", {"x": "1", "type": "fmt"}),
            InlineCode("bpt", 0, "<b>", {"i": "1", "type": "ui"}),
            InlineCode("ept", 1, "</b>", {"i": "1"}),
            InlineCode("hi", 1, attrs={"type": "verb"}),
            InlineCode("/hi", 2),
        ],
    )
    data = _write(Memory(units=[TranslationUnit({EN: seg})]))
    assert_valid(data)
    assert (
        b'<seg><ph x="1" type="fmt">{0}</ph><bpt i="1" type="ui">&lt;b&gt;</bpt>a<ept i="1">&lt;/b&gt;</ept>'
        b'<hi type="verb">b</hi></seg>'
    ) in data


def test_a_mrk_without_its_partner_is_an_isolated_code() -> None:
    seg = Segment("ab", codes=[InlineCode("/mrk", 0), InlineCode("mrk", 1, attrs={"mtype": "term"})])
    data = _write(Memory(units=[TranslationUnit({EN: seg})]))
    assert_valid(data)
    assert b'<seg><it pos="end" type="x-mrk"></it>a<it pos="begin" type="term"></it>b</seg>' in data


def test_tmx_i_numbers_are_kept_and_not_reused() -> None:
    """Codes read from TMX keep their i; pairs of other formats get numbers the segment does not use."""
    seg = Segment(
        "ab",
        codes=[
            InlineCode("g", 0, attrs={"id": "1"}),
            InlineCode("/g", 1),
            InlineCode("bpt", 1, "<b>", {"i": "1"}),
            InlineCode("ept", 2, "</b>", {"i": "1"}),
        ],
    )
    data = _write(Memory(units=[TranslationUnit({EN: seg})]))
    assert_valid(data)
    assert b'<seg><bpt i="2" x="1"></bpt>a<ept i="2"></ept><bpt i="1">' in data


def test_streaming_writer_and_reader(tmp_path: Path) -> None:
    path = tmp_path / "big.tmx"
    with path.open("wb") as fp, TmxWriter(fp, srclang="en") as writer:
        for n in range(2000):
            writer.write(TranslationUnit({EN: Segment(f"unit {n}"), ZH: Segment(f"单元 {n}")}))
    assert writer.count == 2000
    texts = [u.text(ZH) for u in iter_tmx(path)]
    assert texts[0] == "单元 0" and texts[-1] == "单元 1999" and len(texts) == 2000


@pytest.mark.external
def test_translate_toolkit_reads_termkit_tmx() -> None:
    tmx = pytest.importorskip("translate.storage.tmx")
    memory = _rain()
    memory.units.append(
        TranslationUnit({EN: Segment("Entire village advancement 𠀀"), ZH: Segment("整村推进，𠀀")})
    )
    store = tmx.tmxfile(io.BytesIO(_write(memory)), sourcelanguage="en", targetlanguage="zh-CN")
    assert [(u.source, u.target) for u in store.units] == [
        ("Rain Plan", "雨露计划"),
        ("Entire village advancement 𠀀", "整村推进，𠀀"),
    ]
    assert store.units[0].getnotes() == "a training programme\nzh note"


@pytest.mark.external
@pytest.mark.slow
def test_omegat_pretranslates_from_termkit_tmx(tmp_path: Path) -> None:
    """OmegaT 3.6 console mode fills target/ from a termkit TMX in tm/auto/."""
    memory = Memory(
        units=[
            TranslationUnit({EN: Segment("Rain Plan"), ZH: Segment("雨露计划")}),
            TranslationUnit({EN: Segment("Entire village advancement"), ZH: Segment("整村推进")}),
        ]
    )
    source = "Rain Plan\n\nEntire village advancement\n\nPoverty alleviation through relocation\n"
    assert omegat_translate(tmp_path, _write(memory), source).split("\n\n") == [
        "雨露计划",
        "整村推进",
        "Poverty alleviation through relocation\n",
    ]


@pytest.mark.external
@pytest.mark.slow
def test_an_omegat_zh_hant_project_takes_the_zh_hant_tuv(tmp_path: Path) -> None:
    """A glossary TMX unit holds zh-CN, then zh-Hant: OmegaT takes the one its project names."""
    memory = Memory(
        units=[
            TranslationUnit({EN: Segment("Rain Plan"), ZH: Segment("雨露计划"), ZH_HANT: Segment("雨露計劃")})
        ]
    )
    assert omegat_translate(tmp_path, _write(memory), "Rain Plan\n", target_lang=ZH_HANT) == "雨露計劃\n"


def test_unit_text_is_exact_and_pick_finds_the_regional_tag() -> None:
    """``text`` is an exact lookup (round-trip tests compare tags through it); the
    documented way to read the English of an en-US unit goes through langtags.pick."""
    from termkit import langtags

    unit = TranslationUnit(segments={"en-US": Segment("color"), "zh-TW": Segment("顏色")})
    assert unit.text("en") is None and unit.text("en-US") == "color"
    assert unit.text(langtags.pick(unit.segments, "en") or "en") == "color"
    assert langtags.pick(unit.segments, "zh-CN") is None


def test_note_and_prop_keep_their_language_and_encoding(tmp_path: Path) -> None:
    """LISA's ImportTest1L gives its header, unit and variant notes and props xml:lang and
    o-encoding (the TMX 1.4b DTD declares both): TMX -> TMX keeps them, valid."""
    from termkit.formats.convert import convert

    source = SHARED / "formats" / "tmx" / "lisa-kit__ImportTest1L.tmx"
    out = tmp_path / "out.tmx"
    convert(source, out)
    data = out.read_bytes()
    assert_valid(data)
    text = data.decode("utf-8")
    assert text.count('<note xml:lang="en-us" o-encoding="iso-8859-1">') == source.read_text("utf-8").count(
        '<note o-encoding="iso-8859-1" xml:lang="en-us">'
    )
    assert '<prop type="myPropeType" xml:lang="en-us" o-encoding="iso-8859-1">Data</prop>' in text
    # the texts are plain strings to every other reader of the model
    unit = read_tmx(source).units[0]
    assert unit.notes == ["Text of tu note 1", "Text of tu note 2"]
    assert pickle.loads(pickle.dumps(unit)).notes[0].attrs == {
        "xml:lang": "en-us",
        "o-encoding": "iso-8859-1",
    }


REORDERED_XLIFF = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
    '<file original="f" source-language="en" target-language="zh-CN" datatype="plaintext"><body>'
    '<trans-unit id="u1"><source>Copy <x id="PH" equiv-text="name"/> to <x id="PH_1" equiv-text="dest"/></source>'
    '<target state="translated">将<x id="PH_1" equiv-text="dest"/>复制到<x id="PH" equiv-text="name"/></target>'
    "</trans-unit>"
    '<trans-unit id="u2"><source>Copy <x id="3"/> to <x id="5"/></source>'
    '<target state="translated">将<x id="5"/>复制到<x id="3"/></target></trans-unit>'
    '<trans-unit id="u3"><source>Move <g id="a">file</g> to <g id="b">dir</g></source>'
    '<target state="translated">移动<g id="b">目录</g>到<g id="a">文件</g></target></trans-unit>'
    "</body></file></xliff>"
)


def _code_order(memory: Memory, lang: str) -> list[list[str]]:
    """For each unit, the opening codes of its ``lang`` segment in text order, each named
    by the source text after the source code it matches (by XLIFF id or TMX x)."""

    def openers(seg: Segment) -> list[InlineCode]:
        codes = sorted(seg.codes, key=lambda c: c.position)
        return [c for c in codes if not c.kind.startswith("/") and c.kind not in ("ept", "ex")]

    def key(code: InlineCode) -> str:
        return code.attrs.get("x") or code.attrs.get("id") or "?"

    out = []
    for unit in memory.units:
        src = unit.segments[EN]
        after = {key(c): src.text[c.position : c.position + 4] for c in openers(src)}
        out.append([after[key(c)] for c in openers(unit.segments[lang])])
    return out


def test_codes_a_target_reorders_stay_matched_through_tmx(tmp_path: Path) -> None:
    """A target that puts the codes in another order than its source (将 dest 复制到 name)
    kept them matched through TMX: XLIFF ids that are no numbers gave TMX codes
    without an x, and TMX -> XLIFF numbered the codes of each segment by position
    (the target's first code became the source's first), also those a TMX matched by x."""
    from termkit.formats.convert import convert

    (tmp_path / "in.xlf").write_text(REORDERED_XLIFF, encoding="utf-8")
    convert(tmp_path / "in.xlf", tmp_path / "m.tmx")
    tmx = (tmp_path / "m.tmx").read_text(encoding="utf-8")
    assert_valid(tmx.encode("utf-8"))
    assert '<seg>Copy <ph x="1"></ph> to <ph x="2"></ph></seg>' in tmx
    assert '<seg>将<ph x="2"></ph>复制到<ph x="1"></ph></seg>' in tmx
    assert '<seg>将<ph x="5"></ph>复制到<ph x="3"></ph></seg>' in tmx
    assert (
        '<seg>移动<bpt i="1" x="2"></bpt>目录<ept i="1"></ept>到<bpt i="2" x="1"></bpt>文件<ept i="2"></ept></seg>'
        in tmx
    )
    convert(tmp_path / "m.tmx", tmp_path / "out.xlf")
    original = _code_order(read_xliff(tmp_path / "in.xlf"), ZH)
    assert original == [["", " to "], ["", " to "], ["dir", "file"]]
    assert _code_order(read_xliff(tmp_path / "out.xlf"), ZH) == original
    assert _code_order(read_tmx(tmp_path / "m.tmx"), ZH) == original


def test_an_x_that_a_bpt_holds_as_its_i_is_no_xliff_id_of_another_code(tmp_path: Path) -> None:
    """TMX numbers ``i`` (a bpt and its ept) and ``x`` apart: a ``<bpt i="1">`` without an
    x becomes the XLIFF ``<bpt id="1">``, so a ``<ph x="1"/>`` of the same segment gave
    ``<ph id="1">`` too, two codes of one id in the source and in the target."""
    from termkit.formats.convert import convert

    seg = '<seg><bpt i="1">&lt;b&gt;</bpt>{}<ept i="1">&lt;/b&gt;</ept>{}<ph x="1">&lt;br/&gt;</ph></seg>'
    (tmp_path / "in.tmx").write_text(
        '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" '
        'o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body><tu>'
        f'<tuv xml:lang="en">{seg.format("Bold", " text")}</tuv>'
        f'<tuv xml:lang="zh-CN">{seg.format("粗体", "文字")}</tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    convert(tmp_path / "in.tmx", tmp_path / "out.xlf")
    xliff = (tmp_path / "out.xlf").read_text(encoding="utf-8")
    for side in re.findall(r"<(?:source|target)[^>]*>(.*?)</(?:source|target)>", xliff):
        ids = re.findall(r'<(bpt|ph) id="([^"]+)"', side)
        assert len({i for _, i in ids}) == 2, side
    unit = read_xliff(tmp_path / "out.xlf").units[0]
    assert [c.attrs.get("id") for c in unit.segments[EN].codes] == [
        c.attrs.get("id") for c in unit.segments[ZH].codes
    ]
