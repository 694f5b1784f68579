"""XLIFF reading (1.2 and 2.0 details) and the 1.2 writer against the strict XSD."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

from conftest import SHARED
from termkit.errors import FormatError
from termkit.formats.convert import convert
from termkit.formats.tmx import read_tmx, write_tmx
from termkit.formats.xliff import iter_xliff, read_xliff, write_xliff
from termkit.model import EN, ZH, InlineCode, Memory, Segment, TranslationUnit

from .strategies import comparable, memories
from .tmx_checks import assert_paired, assert_valid

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


def test_gettext_plural_groups_are_one_unit_with_its_forms() -> None:
    """translate-toolkit's po2xliff (and Weblate, Pootle) write a PO plural entry as a
    <group restype="x-gettext-plurals"> of one trans-unit per form: it is one unit, whose
    PO entry has its msgid_plural and msgstr[N] (each form was an entry of its own)."""
    from termkit.formats.po import po_bytes, read_po

    xliff = (
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="f" '
        'source-language="en" target-language="fr" datatype="po"><body>'
        '<trans-unit id="1"><source>One</source><target>Un</target></trans-unit>'
        '<group restype="x-gettext-plurals" id="2"><context-group name="po-reference" purpose="location">'
        '<context context-type="sourcefile">a.c</context><context context-type="linenumber">7</context>'
        '</context-group><note from="developer">count of files</note>'
        '<trans-unit id="2[0]"><source>%d file</source><target>%d fichier</target></trans-unit>'
        '<trans-unit id="2[1]"><source>%d files</source><target>%d fichiers</target></trans-unit></group>'
        '<group restype="x-gettext-plurals" id="3">'
        '<trans-unit id="3[0]"><source>%d dir</source></trans-unit>'
        '<trans-unit id="3[1]"><source>%d dirs</source></trans-unit></group>'
        '<trans-unit id="4"><source>Two</source><target>Deux</target></trans-unit>'
        "</body></file></xliff>"
    )
    memory = read_xliff(io.BytesIO(xliff.encode()))
    assert [u.id for u in memory.units] == ["1", "2", "3", "4"]
    plural = memory.units[1]
    assert plural.references == ["a.c:7"] and plural.notes == ["count of files"]
    back = read_po(io.BytesIO(po_bytes(memory))).units
    assert [dict(u.props).get("x-po-msgid-plural") for u in back] == [None, "%d files", "%d dirs", None]
    assert back[1].text("fr") == "%d fichier" and ("x-po-msgstr[1]", "%d fichiers") in back[1].props
    assert back[2].text("fr") is None and not back[2].fuzzy


def test_translate_toolkit_translator_notes_are_po_translator_comments() -> None:
    """po2xliff writes a PO translator comment ('# ...') as <note from="po-translator">
    and an extracted one ('#. ...') as <note from="developer">: each goes back where it was."""
    from termkit.formats.po import po_bytes

    xliff = (
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="f" '
        'source-language="en" target-language="zh-CN" datatype="po"><body>'
        '<trans-unit id="1"><source>Open</source><target>打开</target>'
        '<note from="developer">Translators: a verb</note><note from="po-translator">checked</note>'
        '<note from="po-translator">by Li</note></trans-unit></body></file></xliff>'
    )
    memory = read_xliff(io.BytesIO(xliff.encode()))
    assert memory.units[0].notes == ["Translators: a verb"]
    assert ("x-po-comment", "checked\nby Li") in memory.units[0].props
    assert (
        po_bytes(memory)
        .decode()
        .endswith('# checked\n# by Li\n#. Translators: a verb\nmsgid "Open"\nmsgstr "打开"\n')
    )


def test_an_xliff2_unit_is_as_finished_as_its_least_finished_segment() -> None:
    """The joined target of a unit whose second segment has no target yet is no whole
    translation: its state is initial (a PO writes it fuzzy, lint skips it); of two states
    the less advanced one is the unit's."""
    from termkit.formats.po import po_bytes, read_po

    def unit(n: int, second: str) -> str:
        return (
            f'<unit id="u{n}"><segment state="final"><source>First.</source><target>第一。</target></segment>'
            f"<ignorable><source> </source></ignorable>{second}</unit>"
        )

    xliff2 = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN"><file id="f">'
        + unit(1, "<segment><source>Second.</source></segment>")
        + unit(2, '<segment state="reviewed"><source>Second.</source><target>第二。</target></segment>')
        + unit(3, "<segment><source>Second.</source><target>第二。</target></segment>")
        + "</file></xliff>"
    )
    memory = read_xliff(io.BytesIO(xliff2.encode()))
    assert [u.text(ZH) for u in memory.units] == ["第一。 ", "第一。 第二。", "第一。 第二。"]
    assert [dict(u.props).get("x-state") for u in memory.units] == ["initial", "reviewed", "final"]
    assert [u.fuzzy for u in read_po(io.BytesIO(po_bytes(memory))).units] == [True, False, False]


def test_xliff2_original_data_is_the_native_code_of_its_codes() -> None:
    """<originalData> holds what <ph dataRef>, <pc dataRefStart/End>, <sc>/<ec dataRef>
    stand for: TMX keeps it as the codes' content, XLIFF 1.2 in its <ph>."""
    xliff2 = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">'
        '<file id="f"><unit id="u"><originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data>'
        '<data id="d3">&lt;br<cp hex="0009"/>/&gt;</data><data id="d4">[i]</data><data id="d5">[/i]</data>'
        '</originalData><segment><source>Press <pc id="1" dataRefStart="d1" dataRefEnd="d2">Save</pc>'
        '<ph id="2" dataRef="d3"/><sc id="3" dataRef="d4"/>x<ec startRef="3" dataRef="d5"/></source>'
        "</segment></unit></file></xliff>"
    )
    memory = read_xliff(io.BytesIO(xliff2.encode()))
    tmx = io.BytesIO()
    write_tmx(tmx, memory)
    assert_valid(tmx.getvalue())
    assert (
        '<seg>Press <bpt i="1" x="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept><ph x="2">&lt;br\t/&gt;</ph>'
        '<bpt i="2" x="3">[i]</bpt>x<ept i="2">[/i]</ept></seg>'
    ) in tmx.getvalue().decode()
    buf = io.BytesIO()
    write_xliff(buf, memory)
    _valid(buf.getvalue())
    assert '<ph id="2">&lt;br\t/&gt;</ph>' in buf.getvalue().decode()


def test_trans_unit_ids_are_unique_in_a_file() -> None:
    """A TMX with a tuid twice, or a unit without tuid whose number another's tuid is,
    gives unique trans-unit ids (the strict schema's key; tools look units up by id)."""
    ids = ["1", "1", None, "3", "1-2", None]
    units = [
        TranslationUnit({EN: Segment(f"S{n}"), ZH: Segment(f"T{n}")}, id=unit_id)
        for n, unit_id in enumerate(ids)
    ]
    buf = io.BytesIO()
    write_xliff(buf, Memory(units=units))
    _valid(buf.getvalue())
    assert re.findall(r'<trans-unit id="([^"]*)"', buf.getvalue().decode()) == [
        "1",
        "1-3",
        "3-2",
        "3",
        "1-2",
        "6",
    ]


def test_xliff2_states_are_written_as_their_xliff12_names() -> None:
    """initial is needs-translation (no translation yet: still fuzzy in a PO, skipped by
    lint), reviewed is signed-off; translated and final are the same; another value x-."""
    from termkit.lint.engine import is_unfinished

    states = ("initial", "translated", "reviewed", "final")
    units = "".join(
        f'<unit id="u{n}"><segment state="{s}"><source>S{n}</source><target>T{n}</target></segment></unit>'
        for n, s in enumerate(states)
    )
    xliff2 = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">'
        f'<file id="f">{units}</file></xliff>'
    )
    memory = read_xliff(io.BytesIO(xliff2.encode()))
    memory.units[3].props = [("x-state", "signed off")]
    buf = io.BytesIO()
    write_xliff(buf, memory)
    _valid(buf.getvalue())
    written = re.findall(r'<target state="([^"]*)"', buf.getvalue().decode())
    assert written == ["needs-translation", "translated", "signed-off", "x-signed-off"]
    back = read_xliff(io.BytesIO(buf.getvalue()))
    assert [is_unfinished(u) for u in back.units] == [True, False, False, False]


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


def test_white_space_of_segments_is_preserved_for_other_tools() -> None:
    """Leading, trailing and doubled spaces and line breaks are segment text: the writer
    says xml:space="preserve", so translate-toolkit (and Okapi) do not collapse them."""
    xliff_mod = pytest.importorskip("translate.storage.xliff")
    texts = ("  Usage:\n\n  {0} [-help]  ", "  用法：\n\n  {0} [-help]  ")
    memory = Memory(units=[TranslationUnit({EN: Segment(texts[0]), ZH: Segment(texts[1])}, id="u")])
    buf = io.BytesIO()
    write_xliff(buf, memory, tgt_lang=ZH)
    _valid(buf.getvalue())
    unit = xliff_mod.xlifffile(buf.getvalue()).units[0]
    assert (unit.source, unit.target) == texts


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
    # (a finished target is written state="translated", read back as such)
    assert read_xliff(io.BytesIO(buf.getvalue())).units[0].props == [
        ("x-file", "termkit"),
        ("x-state", "translated"),
        ("x-c", "v"),
    ]


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


# --------------------------------------------------------------------------
# <seg-source> segmentation (SDL Trados Studio .sdlxliff, Okapi, memoQ)

SDL = SHARED / "formats" / "xliff" / "sdl-studio__rws-api-samples__SamplePhotoPrinter.doc.sdlxliff"
SEGMENTED = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"
       xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">
 <file original="doc.docx" source-language="en-US" target-language="zh-CN" datatype="x-sdlfilterframework2"><body>
  <trans-unit id="p1" resname="para">
   <source><x id="0"/>Click <g id="1">Save</g>. Then <bpt id="2">&lt;b&gt;</bpt>quit<ept id="2">&lt;/b&gt;</ept>.</source>
   <seg-source><x id="0"/><mrk mtype="seg" mid="1">Click <g id="1">Save</g>.</mrk> <mrk mtype="seg" mid="2">Then
 <bpt id="2">&lt;b&gt;</bpt>quit<ept id="2">&lt;/b&gt;</ept>.</mrk></seg-source>
   <target><x id="0"/><mrk mtype="seg" mid="2">然后<bpt id="2">&lt;b&gt;</bpt>退出<ept id="2">&lt;/b&gt;</ept>。</mrk><mrk
 mtype="seg" mid="1">点击<g id="1">保存</g>。</mrk></target>
   <note>unit note</note>
   <sdl:seg-defs><sdl:seg id="1" conf="ApprovedTranslation"/><sdl:seg id="2" conf="Draft"/></sdl:seg-defs>
  </trans-unit>
  <trans-unit id="p2">
   <source>One. Two.</source>
   <seg-source><g id="9"><mrk mtype="seg" mid="0">One.</mrk></g> <mrk mtype="seg" mid="1">Two.</mrk></seg-source>
   <target state="translated"><g id="9"><mrk mtype="seg" mid="0">一。</mrk></g> <mrk mtype="seg" mid="1"/></target>
  </trans-unit>
 </body></file>
</xliff>""".encode()


def _codes(seg: Segment) -> list[tuple[str, int]]:
    return [(c.kind, c.position) for c in seg.codes]


def _seg_marks(memory: Memory) -> list[InlineCode]:
    return [
        c
        for u in memory.units
        for s in u.segments.values()
        for c in s.codes
        if c.kind.endswith("mrk") or c.attrs.get("mtype") == "seg"
    ]


def test_seg_source_segments_are_units() -> None:
    """Each <mrk mtype="seg"> of a <seg-source> is a unit: its source the mark's content, its
    target the target mark with the same mid (by mid, not by position), inline codes inside
    the marks kept and counted from the start of the segment; what lies between segments
    (<x id="0"/>, spaces, a <g> around a segment) belongs to none.  The trans-unit's notes
    and resname go to each segment; SDL's per-segment confirmation level is the state."""
    memory = read_xliff(io.BytesIO(SEGMENTED))
    assert [u.id for u in memory.units] == ["p1_1", "p1_2", "p2_0", "p2_1"]
    first, second, third, fourth = memory.units
    assert first.segments["en-US"].text == "Click Save."
    assert _codes(first.segments["en-US"]) == [("g", 6), ("/g", 10)]
    assert first.segments["zh-CN"].text == "点击保存。"
    assert _codes(first.segments["zh-CN"]) == [("g", 2), ("/g", 4)]
    assert first.context == "para" and first.notes == ["unit note"]
    assert ("x-state", "signed-off") in first.props and not first.fuzzy  # ApprovedTranslation
    assert second.segments["en-US"].text == "Then\n quit."
    assert _codes(second.segments["en-US"]) == [("bpt", 6), ("ept", 10)]
    assert second.segments["zh-CN"].text == "然后退出。"
    assert _codes(second.segments["zh-CN"]) == [("bpt", 2), ("ept", 4)]
    assert ("x-state", "needs-review-translation") in second.props and second.fuzzy  # Draft
    assert second.location is not None and second.location.line == 7  # its <mrk> in <seg-source>
    assert third.segments == {"en-US": Segment("One."), "zh-CN": Segment("一。")}
    assert ("x-state", "translated") in third.props  # no sdl:seg-defs: the <target state>
    assert fourth.segments == {"en-US": Segment("Two.")}  # an empty target mark: no target
    assert ("x-state", "translated") not in fourth.props
    assert not _seg_marks(memory)
    assert [u.text("en-US") for u in iter_xliff(io.BytesIO(SEGMENTED))] == [
        u.text("en-US") for u in memory.units
    ]


def test_seg_source_to_tmx_one_tu_per_segment() -> None:
    buf = io.BytesIO()
    write_tmx(buf, read_xliff(io.BytesIO(SEGMENTED)))
    data = buf.getvalue()
    assert_valid(data)
    assert_paired(data)
    text = data.decode()
    assert text.count("<tu ") == 4 and "<hi" not in text
    # codes numbered within each segment
    assert '<seg>Then\n <bpt i="1" x="2">&lt;b&gt;</bpt>quit<ept i="1">&lt;/b&gt;</ept>.</seg>' in text
    assert '<seg>点击<bpt i="1" x="1"></bpt>保存<ept i="1"></ept>。</seg>' in text


def test_xliff2_start_and_end_codes_stay_paired_in_xliff12() -> None:
    # XLIFF 2 pairs <sc id>/<ec startRef>; XLIFF 1.2 pairs <bx>/<ex> by rid
    data = """<?xml version="1.0"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="zh-CN">
 <file id="f"><unit id="u1"><segment>
  <source>The <sc id="1"/>Rain<ec startRef="1"/> Plan <sc id="2"/>x<ec id="9" isolated="yes"/></source>
  <target>雨露<sc id="1"/>计划<ec startRef="1"/></target></segment></unit></file></xliff>""".encode()
    buf = io.BytesIO()
    write_xliff(buf, read_xliff(io.BytesIO(data)))
    _valid(buf.getvalue())
    tree = etree.fromstring(buf.getvalue())
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    source = tree.find(".//x:source", ns)
    assert source is not None
    codes = [(local.tag.split("}")[1], local.get("id"), local.get("rid")) for local in source]
    assert codes[0][0] == "bx" and codes[1][0] == "ex" and codes[0][2] == codes[1][2] == "1"
    assert codes[1][1] != codes[0][1]  # an id of its own
    assert codes[2] == ("bx", "2", "2") and codes[3][:2] == ("ex", "9") and codes[3][2] is None


def test_xliff2_code_types_become_xliff12_ctypes() -> None:
    # XLIFF 2's type/subType on <pc>, <sc>, <ph> are XLIFF 1.2's ctype of <g>, <bx>, <ph>
    data = b"""<?xml version="1.0"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="zh-CN">
 <file id="f"><unit id="u1"><segment>
  <source><pc id="1" type="fmt" subType="xlf:b">Save</pc><pc id="2" type="fmt" subType="xlf:u">it</pc><ph
   id="3" type="fmt" subType="xlf:lb"/><sc id="4" type="link"/>page<ec startRef="4"/><ph id="5"
   type="ui"/><pc id="6" type="image">x</pc><pc id="7">y</pc><ph id="8" type="fmt" subType="xlf:b"/><ph
   id="9" type="link"/></source></segment></unit></file></xliff>"""
    buf = io.BytesIO()
    write_xliff(buf, read_xliff(io.BytesIO(data)))
    _valid(buf.getvalue())
    source = etree.fromstring(buf.getvalue()).find(".//{urn:oasis:names:tc:xliff:document:1.2}source")
    assert source is not None
    found = [(e.tag.split("}")[1], e.get("ctype")) for e in source]
    assert found == [
        ("g", "bold"),
        ("g", "underlined"),
        ("ph", "lb"),
        ("bx", "link"),
        ("ex", None),
        ("ph", "x-ui"),
        ("g", "x-image"),
        ("g", None),
        # a placeholder takes only image, pb, lb (the strict schema's list for <ph>)
        ("ph", "x-bold"),
        ("ph", "x-link"),
    ]
    # through TMX and back: the same valid ctypes
    tmx = io.BytesIO()
    write_tmx(tmx, read_xliff(io.BytesIO(data)))
    again = io.BytesIO()
    write_xliff(again, read_tmx(io.BytesIO(tmx.getvalue())))
    _valid(again.getvalue())


def test_tracked_changes_read_as_accepted() -> None:
    # Trados Studio keeps unaccepted revisions as marks: the text is read as it would be
    # once they are accepted (a deletion is no part of it, an insertion is)
    data = """<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">
 <file original="f" source-language="en-US" target-language="zh-CN" datatype="x-sdlfilterframework2"><body>
  <trans-unit id="1"><source>Rain Plan</source>
   <seg-source><mrk mtype="seg" mid="1">Rain Plan</mrk></seg-source>
   <target><mrk mtype="seg" mid="1"><mrk mtype="x-sdl-deleted" sdl:revid="a">雨水计划</mrk><mrk
    mtype="x-sdl-added" sdl:revid="b">雨露计划</mrk></mrk></target></trans-unit>
 </body></file></xliff>""".encode()
    (unit,) = iter_xliff(io.BytesIO(data))
    assert unit.segments["zh-CN"].text == "雨露计划"
    assert unit.segments["zh-CN"].codes == []


def test_units_not_for_translation_without_text_are_left_out() -> None:
    xliff12 = """<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="f" source-language="en" target-language="zh-CN" datatype="plaintext"><body>
  <trans-unit id="tags" translate="no"><source><x id="1"/> </source></trans-unit>
  <trans-unit id="locked" translate="no"><source>Rain Plan</source><target>雨露计划</target></trans-unit>
  <group translate="no"><trans-unit id="inherited"><source><x id="2"/></source></trans-unit>
   <trans-unit id="yes" translate="yes"><source>  </source></trans-unit></group>
  <trans-unit id="plain"><source>poor counties</source></trans-unit>
 </body></file></xliff>""".encode()
    assert [u.id for u in iter_xliff(io.BytesIO(xliff12))] == ["locked", "yes", "plain"]
    xliff2 = b"""<?xml version="1.0"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="zh-CN">
 <file id="f" translate="no">
  <unit id="u1"><segment><source><ph id="1"/></source></segment></unit>
  <unit id="u2"><segment><source>Rain Plan</source></segment></unit>
 </file></xliff>"""
    assert [u.id for u in iter_xliff(io.BytesIO(xliff2))] == ["u2"]


def test_unpairable_or_absent_seg_source_reads_the_trans_unit_whole() -> None:
    """Without a <seg-source> (or one without seg marks), or with segments that cannot be
    paired, the trans-unit is one unit as before: <source> and <target>, and a seg mark
    is never an inline code (it is unwrapped)."""
    units = "".join(
        (
            '<trans-unit id="plain"><source>Click <g id="1">here</g></source>'
            '<target>点<g id="1">这里</g></target></trans-unit>',
            # seg marks in the target, no <seg-source>
            '<trans-unit id="no-seg-source"><source>A. B.</source>'
            '<target><mrk mtype="seg" mid="1">甲。</mrk> <mrk mtype="seg" mid="2">乙<x id="1"/>。</mrk></target>'
            "</trans-unit>",
            # a <seg-source> without seg marks (SDL: a paragraph of tags only)
            '<trans-unit id="tags"><source><x id="ph1"/></source><seg-source><x id="ph1"/></seg-source>'
            '<target><x id="ph1"/></target></trans-unit>',
            # a target mark whose mid the <seg-source> does not have
            '<trans-unit id="orphan"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> '
            '<mrk mtype="seg" mid="2">B.</mrk></seg-source><target><mrk mtype="seg" mid="1">甲。</mrk>'
            '<mrk mtype="seg" mid="7">乙。</mrk></target></trans-unit>',
            # an unsegmented target
            '<trans-unit id="flat"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> '
            '<mrk mtype="seg" mid="2">B.</mrk></seg-source><target>甲。乙。</target></trans-unit>',
        )
    )
    data = (
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="f" '
        f'source-language="en" target-language="zh-CN" datatype="plaintext"><body>{units}</body></file></xliff>'
    ).encode()
    memory = read_xliff(io.BytesIO(data))
    assert [u.id for u in memory.units] == ["plain", "no-seg-source", "tags", "orphan", "flat"]
    plain = memory.units[0]
    assert plain.segments["en"].text == "Click here" and _codes(plain.segments["en"]) == [
        ("g", 6),
        ("/g", 10),
    ]
    assert plain.segments["zh-CN"].text == "点这里" and _codes(plain.segments["zh-CN"]) == [
        ("g", 1),
        ("/g", 3),
    ]
    assert [u.text("zh-CN") for u in memory.units] == ["点这里", "甲。 乙。", "", "甲。乙。", "甲。乙。"]
    assert _codes(memory.units[1].segments["zh-CN"]) == [("x", 4)]
    assert not _seg_marks(memory)


def test_sdl_studio_file_one_unit_per_segment(tmp_path: Path) -> None:
    """SamplePhotoPrinter.doc.sdlxliff: 46 trans-units, 16 of them with seg-source segments
    (19 segments, one translated); of the other 30, the 26 marked translate="no" hold
    only tags and white space and are left out, the 4 others are read whole: 23 units."""
    memory = read_xliff(SDL)
    assert len(memory.units) == 23 and sum(1 for _ in iter_xliff(SDL)) == 23
    segments = [u for u in memory.units if re.fullmatch(r".+_\d+", u.id or "")]
    assert [u.id.rsplit("_", 1)[1] for u in segments if u.id] == [str(n) for n in range(1, 20)]
    translated = [u for u in memory.units if "de-DE" in u.segments and u.text("de-DE")]
    assert [(u.id, u.text("en-US"), u.text("de-DE")) for u in translated] == [
        ("f02112cf-6eef-4a6b-924d-cbe425f1fdc7_1", "Getting Started", "Erste Schritte")
    ]
    assert translated[0].segments["de-DE"].codes == [] and ("x-state", "translated") in translated[0].props
    note = [u for u in memory.units if (u.id or "").startswith("587242b7-3331-4648-9dd0-7314909313d7")]
    assert [u.text("en-US") for u in note] == [
        "Note:",
        "Use only the AC power adapter included with your photo printer.",
        "Other adapters can damage your camera, photo printer, or computer.",
    ]
    assert all(set(u.segments) == {"en-US"} for u in note)  # empty target marks: untranslated
    place = next(u for u in segments if u.text("en-US").startswith("Place the photo printer"))
    source = place.segments["en-US"]
    assert [source.text[c.position :] for c in source.codes if c.kind == "g"] == [
        "in a dry location, and out of direct sunlight.",
        "out of direct sunlight.",
    ]
    assert not _seg_marks(memory)
    out = tmp_path / "sdl.tmx"
    convert(SDL, out)
    data = out.read_bytes()
    assert_valid(data)
    assert_paired(data)
    text = data.decode()
    assert text.count("<tu ") == 23 and 'type="seg"' not in text and "<hi" not in text
    assert (
        '<tu tuid="f02112cf-6eef-4a6b-924d-cbe425f1fdc7_1">\n'
        '      <prop type="x-file">C:\\SampleProject\\Project\\en-US\\SamplePhotoPrinter.doc</prop>\n'
        '      <prop type="x-state">translated</prop>\n'
        '      <tuv xml:lang="en-US"><seg>Getting Started</seg></tuv>\n'
        '      <tuv xml:lang="de-DE"><seg>Erste Schritte</seg></tuv>\n'
        "    </tu>\n"
    ) in text


def test_an_unsafe_character_after_inline_codes_is_located_from_the_segment_start() -> None:
    # (an audit) the offset of an XLIFF 2 <cp> after a <pc> was counted from the text after the code
    xliff = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
        'version="2.0" srcLang="en" trgLang="zh-CN"><file id="f"><unit id="u1"><segment><source>Hello '
        '<pc id="1">world</pc> and more text<cp hex="0007"/></source><target>你好</target></segment>'
        "</unit></file></xliff>\n"
    ).encode()
    memory = read_xliff(io.BytesIO(xliff))
    assert memory.units[0].segments["en"].text.index("\x07") == 25
    for write in (write_tmx, write_xliff):
        with pytest.raises(FormatError, match=r"character U\+0007 at offset 25 cannot"):
            write(io.BytesIO(), memory)


def _no_target_language(text_1: str, text_2: str, version: str = "1.2") -> bytes:
    if version == "2.0":
        return f"""<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
 <file id="f"><unit id="1"><segment><source>Open the file</source><target>{text_1}</target></segment></unit>
 <unit id="2"><segment><source>Network switch</source><target>{text_2}</target></segment></unit></file>
</xliff>""".encode()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="f" source-language="en" datatype="plaintext"><body>
  <trans-unit id="1"><source>Open the file</source><target>{text_1}</target></trans-unit>
  <trans-unit id="2"><source>Network switch</source><target>{text_2}</target></trans-unit>
  <trans-unit id="3"><source>Untranslated</source></trans-unit>
 </body></file>
</xliff>""".encode()


@pytest.mark.parametrize("version", ["1.2", "2.0"])
@pytest.mark.parametrize(
    ("name", "texts", "lang"),
    [
        ("m.xlf", ("打开文件", "网络开关"), "zh-CN"),
        ("m.xlf", ("開啟檔案", "網路開關"), "zh-Hant"),
        ("messages.zh_TW.xlf", ("開啟檔案", "網路開關"), "zh-TW"),
        ("m.xlf", ("ファイルを開く", "ネットワーク"), "ja"),
        ("m.xlf", ("Datei öffnen", "Netzwerk"), "und"),
    ],
)
def test_a_target_language_the_file_does_not_name_comes_from_its_path_or_text(
    tmp_path: Path, version: str, name: str, texts: tuple[str, str], lang: str
) -> None:
    """Without target-language (trgLang) or xml:lang on <target>, the language is the
    one the path names, else the text's script (Simplified and Traditional kept apart),
    as a PO without a Language header is read; und only when nothing tells."""
    path = tmp_path / name
    path.write_bytes(_no_target_language(*texts, version=version))
    units = list(iter_xliff(path))
    assert [list(u.segments) for u in units][:2] == [["en", lang], ["en", lang]]
    if lang == "zh-CN":
        po = tmp_path / "out.po"
        convert(path, po)
        text = po.read_text("utf-8")
        assert '"Language: zh_CN\\n"' in text and "nplurals=1" in text
        tmx = tmp_path / "out.tmx"
        convert(path, tmx)
        assert 'xml:lang="zh-CN"' in tmx.read_text("utf-8") and "und" not in tmx.read_text("utf-8")


def test_a_finished_target_is_written_approved_and_translated() -> None:
    """translate-toolkit (xliff2po), Weblate and Pootle read a target whose trans-unit is
    not approved="yes" as fuzzy: a finished target says approved="yes" and
    state="translated"; an unfinished one neither; a unit without target nothing."""
    units = [
        TranslationUnit({EN: Segment("Rain"), ZH: Segment("雨")}),
        TranslationUnit({EN: Segment("Open"), ZH: Segment("打开")}, fuzzy=True),
        TranslationUnit({EN: Segment("Save"), ZH: Segment("Save")}, props=[("x-state", "new")]),
        TranslationUnit({EN: Segment("Quit"), ZH: Segment("退出")}, props=[("x-state", "final")]),
        TranslationUnit({EN: Segment("Close")}),
    ]
    buf = io.BytesIO()
    write_xliff(buf, Memory(units=units), tgt_lang=ZH)
    _valid(buf.getvalue())
    heads = re.findall(r"<trans-unit[^>]*>|<target[^>]*>", buf.getvalue().decode())
    assert heads == [
        '<trans-unit id="1" approved="yes" xml:space="preserve">',
        '<target state="translated">',
        '<trans-unit id="2" xml:space="preserve">',
        '<target state="needs-review-translation">',
        '<trans-unit id="3" xml:space="preserve">',
        '<target state="new">',
        '<trans-unit id="4" approved="yes" xml:space="preserve">',
        '<target state="final">',
        '<trans-unit id="5" xml:space="preserve">',
    ]


HEARTSOME = SHARED / "formats" / "xliff" / "heartsome-hsstudio__HSCAT8-83.xlf"
ANGULAR = SHARED / "formats" / "xliff" / "angular-cli__rclone-webui__messages.zh-CN.xlf"


def _heads(data: bytes) -> list[str]:
    return re.findall(rb"<trans-unit[^>]*>", data)  # type: ignore[return-value]


def test_xliff_to_xliff_keeps_locks_approval_and_notes(tmp_path: Path) -> None:
    """translate="no" (Heartsome's locked segments), approved (as read, "no" on a translated
    target too), the notes' from and priority, and the notes' order are kept."""
    out = tmp_path / "hs.xlf"
    convert(HEARTSOME, out, tgt_lang="zh-CN")
    _valid(out.read_bytes())
    heads = [h.decode() for h in re.findall(rb"<trans-unit[^>]*>", out.read_bytes())]
    source = [h.decode() for h in re.findall(rb"<trans-unit[^>]*>", HEARTSOME.read_bytes())]
    for mine, theirs in zip(heads, source, strict=True):  # ("no" is the default of both)
        for attr in ("approved", "translate"):
            assert (f'{attr}="yes"' in mine) == (f'{attr}="yes"' in theirs) or attr == "translate"
            assert (f'{attr}="no"' in mine) == (f'{attr}="no"' in theirs) or attr == "approved"
    assert sum('translate="no"' in h for h in heads) == 2
    # through a TMX and back, too
    tmx = tmp_path / "hs.tmx"
    convert(HEARTSOME, tmx, keep_unfinished=True)
    back = tmp_path / "back.xlf"
    convert(tmx, back, tgt_lang="zh-CN")
    assert _heads(back.read_bytes()) == _heads(out.read_bytes())

    out = tmp_path / "ng.xlf"
    convert(ANGULAR, out)
    _valid(out.read_bytes())
    text = out.read_text("utf-8")
    assert text.count('<note priority="1" from="description">') == ANGULAR.read_text("utf-8").count(
        '<note priority="1" from="description">'
    )
    # a note on the source before a general one stays before it
    path = tmp_path / "in.xlf"
    path.write_bytes(XLIFF12)
    out = tmp_path / "out.xlf"
    convert(path, out)
    assert re.search(
        r'<note annotates="source">src note</note>\s*<note>unit note</note>', out.read_text("utf-8")
    )


def test_openxliff_resname_in_metadata_is_the_context(tmp_path: Path) -> None:
    """OpenXLIFF keeps a Java property's key as <mda:meta type="resname"> in the unit's
    <mda:metadata>: it is the unit's context (resname in XLIFF 1.2, msgctxt in PO)."""
    openxliff = SHARED / "formats" / "xliff" / "openxliff313__OpenXLIFF_Java_es.xlf"
    units = list(iter_xliff(openxliff))
    assert [u.context for u in units[:2]] == ["FromXliff2.1", "FromXliff2.2"]
    assert all(u.context for u in units)
    out = tmp_path / "out.xlf"
    convert(openxliff, out)
    assert '<trans-unit id="0" resname="FromXliff2.1"' in out.read_text("utf-8")


def test_openxliff_resname_in_a_nested_meta_group_is_the_context() -> None:
    """The metadata module lets a <mda:metaGroup> hold other groups: a resname in a
    nested group is the unit's context as much as one in a top-level group."""
    xliff2 = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" '
        'version="2.0" srcLang="en" trgLang="zh-CN"><file id="f"><unit id="u1"><mda:metadata>'
        '<mda:metaGroup category="tool"><mda:meta type="tool-id">X</mda:meta></mda:metaGroup>'
        '<mda:metaGroup category="transUnitAttributes"><mda:metaGroup category="inner">'
        '<mda:meta type="resname">menu.open</mda:meta></mda:metaGroup></mda:metaGroup>'
        "</mda:metadata><segment><source>Open</source><target>打开</target></segment></unit>"
        "</file></xliff>"
    )
    (unit,) = read_xliff(io.BytesIO(xliff2.encode())).units
    assert unit.context == "menu.open"
    buf = io.BytesIO()
    write_xliff(buf, Memory(units=[unit]))
    _valid(buf.getvalue())
    assert 'resname="menu.open"' in buf.getvalue().decode()


def test_xliff2_paired_codes_keep_their_native_code_in_xliff12() -> None:
    """A <pc> or <sc>/<ec> pair whose <originalData> gives native code is written as
    <bpt>/<ept> holding it (the ids pair them; <g>, <bx/>, <ex/> hold none), with the ctype
    its type/subType give and equivStart/equivEnd/equiv as equiv-text; an <sc> or <ec>
    whose partner is not in the unit as <it>.  A <pc> without native code stays <g>.
    The 1.2 file is valid, translate-toolkit reads the native code, and it gives the
    same TMX as the XLIFF 2 file."""
    xliff_mod = pytest.importorskip("translate.storage.xliff")
    xliff2 = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">'
        '<file id="f"><unit id="u"><originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data>'
        '<data id="d4">{\\i </data><data id="d5">}</data></originalData><segment><source>Press '
        '<pc id="1" type="fmt" subType="xlf:b" equivStart="[" equivEnd="]" dataRefStart="d1" '
        'dataRefEnd="d2">Save</pc>, <sc id="3" dataRef="d4" equiv="/"/>then<ec startRef="3" dataRef="d5"/> '
        '<pc id="5" type="fmt" subType="xlf:i">go</pc><sc id="6" dataRef="d4"/>.</source>'
        '<target>按<pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d2">保存</pc>，'
        '<sc id="3" dataRef="d4"/>然后<ec startRef="3" dataRef="d5"/><pc id="5">走</pc><sc id="6" dataRef="d4"/>。'
        "</target></segment></unit></file></xliff>"
    )
    memory = read_xliff(io.BytesIO(xliff2.encode()))
    buf = io.BytesIO()
    write_xliff(buf, memory)
    _valid(buf.getvalue())
    text = buf.getvalue().decode()
    assert (
        '<source>Press <bpt id="1" ctype="bold" equiv-text="[">&lt;b&gt;</bpt>Save'
        '<ept id="1" equiv-text="]">&lt;/b&gt;</ept>, <bpt id="3" equiv-text="/">{\\i </bpt>then'
        '<ept id="3">}</ept> <g id="5" ctype="italic">go</g><it id="6" pos="open">{\\i </it>.</source>'
    ) in text
    (unit,) = xliff_mod.xlifffile(buf.getvalue()).units
    assert unit.source == "Press <b>Save</b>, {\\i then} go{\\i ."
    assert unit.target == "按<b>保存</b>，{\\i 然后}走{\\i 。"
    direct, again = io.BytesIO(), io.BytesIO()
    write_tmx(direct, memory)
    write_tmx(
        again, Memory(units=[TranslationUnit(read_xliff(io.BytesIO(buf.getvalue())).units[0].segments)])
    )
    segs = re.findall(r"<seg>.*?</seg>", direct.getvalue().decode())
    assert segs == re.findall(r"<seg>.*?</seg>", again.getvalue().decode()) and "&lt;b&gt;" in segs[0]


def test_xliff2_target_order_puts_the_translated_parts_in_place() -> None:
    """XLIFF 2's <target order="N"> says where a segment's translation stands in the unit's
    target when the translation reorders the sentences (the spec's example): the joined
    target follows it; parts without one keep their place."""
    xliff2 = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">'
        '<file id="f"><unit id="u"><segment id="1"><source>Check <ph id="1"/>the file.</source>'
        '<target order="3">然后<ph id="1"/>打开。</target></segment><ignorable><source> </source></ignorable>'
        '<segment id="2"><source>Then open it.</source><target order="1">检查文件，</target></segment>'
        "</unit></file></xliff>"
    )
    (unit,) = read_xliff(io.BytesIO(xliff2.encode())).units
    assert unit.text(EN) == "Check the file. Then open it."
    assert unit.text(ZH) == "检查文件， 然后打开。"
    assert [(c.kind, c.position) for c in unit.segments[ZH].codes] == [("ph", 8)]
    buf = io.BytesIO()
    write_xliff(buf, Memory(units=[unit]))
    _valid(buf.getvalue())
    assert (
        '<target state="translated">检查文件， 然后<ph id="1"></ph>打开。</target>' in buf.getvalue().decode()
    )
