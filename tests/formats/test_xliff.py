"""XLIFF reading (1.2 and 2.0 details) and the 1.2 writer against the strict XSD."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from lxml import etree

from conftest import SHARED
from termkit.errors import FormatError
from termkit.formats.xliff import read_xliff, write_xliff
from termkit.model import EN, ZH, InlineCode, Memory, Segment, TranslationUnit

from .strategies import comparable, memories

XSD = SHARED / "formats" / "schema" / "xliff-1.2" / "xliff-core-1.2-strict.xsd"
XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.po" source-language="en-us" target-language="zh_CN" datatype="plaintext"><body>
  <group>
  <trans-unit id="t1" resname="ctx">
   <source>Click <g id="1" ctype="bold">here</g><x id="2"/></source>
   <target state="needs-review-translation">点<g id="1" ctype="bold">这里</g><x id="2"/></target>
   <note annotates="source">src note</note>
   <note>unit note</note>
   <context-group purpose="location"><context context-type="sourcefile">app.c</context>
     <context context-type="linenumber">12</context></context-group>
  </trans-unit></group>
  <trans-unit id="t2"><source>untranslated</source></trans-unit>
 </body></file>
</xliff>""".encode()
XLIFF20 = """<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">
 <file id="f1" original="doc.txt">
  <unit id="u1" name="k">
   <notes><note appliesTo="target">tgt note</note><note>general</note></notes>
   <segment state="translated"><source>Rain Plan.</source><target>雨露计划。</target></segment>
   <ignorable><source> </source></ignorable>
   <segment><source>Bell<cp hex="0007"/> <pc id="1">bold</pc><ph id="2"/></source></segment>
  </unit>
 </file>
</xliff>""".encode()


def test_read_12() -> None:
    memory = read_xliff(io.BytesIO(XLIFF12))
    first, second = memory.units
    assert memory.srclang == "en-US"
    assert first.id == "t1" and first.context == "ctx" and first.fuzzy
    assert first.segments["en-US"].text == "Click here"
    assert [c.kind for c in first.segments["en-US"].codes] == ["g", "/g", "x"]
    assert first.segments["zh-CN"].text == "点这里" and first.segments["en-US"].notes == ["src note"]
    assert first.notes == ["unit note"] and first.references == ["app.c:12"]
    assert ("x-file", "a.po") in first.props and ("x-state", "needs-review-translation") in first.props
    assert second.segments == {"en-US": Segment("untranslated")}
    assert first.location is not None and first.location.line == 5


def test_read_20_joins_segments_and_keeps_cp() -> None:
    unit = read_xliff(io.BytesIO(XLIFF20)).units[0]
    assert unit.id == "u1" and unit.context == "k"
    assert unit.segments["en"].text == "Rain Plan. Bell\x07 bold"
    assert unit.segments["zh-CN"].text == "雨露计划。 "
    assert unit.segments["zh-CN"].notes == ["tgt note"] and unit.notes == ["general"]
    assert [(c.kind, c.position) for c in unit.segments["en"].codes] == [("pc", 17), ("/pc", 21), ("ph", 21)]
    with pytest.raises(FormatError, match="U\\+0007"):  # cp carried it, XLIFF 1.2 cannot
        write_xliff(io.BytesIO(), read_xliff(io.BytesIO(XLIFF20)))


def _valid(data: bytes) -> None:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(etree.fromstring(data)), schema.error_log


def test_write_12_valid_and_roundtrip() -> None:
    memory = read_xliff(io.BytesIO(XLIFF12))
    buf = io.BytesIO()
    write_xliff(buf, memory)
    _valid(buf.getvalue())
    again = read_xliff(io.BytesIO(buf.getvalue()))
    fields = ("segments", "id", "notes", "props", "context", "fuzzy", "references")
    assert comparable(again, fields) == comparable(memory, fields)


def test_tmx_codes_mapped_to_valid_xliff() -> None:
    seg = Segment(
        "bold and link",
        codes=[
            InlineCode("bpt", 0, "<b>", {"i": "1", "type": "bold"}),
            InlineCode("ept", 4, "</b>", {"i": "1"}),
            InlineCode("hi", 9, attrs={"type": "link"}),
            InlineCode("/hi", 13),
            InlineCode("it", 13, "</i>", {"pos": "end"}),
            InlineCode("ph", 13, "<br/>", {"assoc": "p"}),
            InlineCode("ut", 13, "{\\f1}"),
        ],
    )
    buf = io.BytesIO()
    write_xliff(buf, Memory(units=[TranslationUnit({EN: seg, ZH: Segment("粗体")}, props=[("x-c", "v")])]))
    _valid(buf.getvalue())
    text = buf.getvalue().decode()
    assert (
        '<source><bpt id="1" ctype="bold">&lt;b&gt;</bpt>bold<ept id="1">&lt;/b&gt;</ept> and '
        '<mrk mtype="x-link">link</mrk><it id="2" pos="close">&lt;/i&gt;</it>'
        '<ph id="3" assoc="preceding">&lt;br/&gt;</ph><ph id="4">{\\f1}</ph></source>'
    ) in text
    assert '<note from="x-prop:x-c">v</note>' in text
    assert read_xliff(io.BytesIO(buf.getvalue())).units[0].props == [("x-file", "termkit"), ("x-c", "v")]


@settings(max_examples=30, deadline=None)
@given(memory=memories(with_codes=True))
def test_hypothesis_valid_and_roundtrip(memory: Memory) -> None:
    for unit in memory.units:
        unit.id = None  # ids are numbered on writing
    buf = io.BytesIO()
    write_xliff(buf, memory)
    _valid(buf.getvalue())
    again = read_xliff(io.BytesIO(buf.getvalue()))
    assert [(u.text(EN), u.text(ZH), u.notes, u.context, u.references, u.fuzzy) for u in again.units] == [
        (u.text(EN), u.text(ZH), u.notes, u.context, u.references, u.fuzzy) for u in memory.units
    ]
