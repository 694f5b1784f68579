"""Every file in ../shared/formats/{tmx,xliff} reads with the unit count MANIFEST.md states.

The tables below were copied from ../shared/formats/MANIFEST.md ("content: N TUs"
for TMX, "N units" for XLIFF; an XLIFF <seg-source> segment is a unit of its own,
so SamplePhotoPrinter.doc.sdlxliff's 46 trans-units are 49 units).  A file the
manifest calls not well-formed must fail with a located FormatError instead.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import SHARED, require_shared
from termkit.errors import FormatError
from termkit.formats.convert import convert
from termkit.formats.tmx import iter_tmx, read_tmx, write_tmx
from termkit.formats.xliff import iter_xliff, read_xliff, write_xliff
from termkit.model import Memory

from .tmx_checks import assert_paired, assert_valid

FORMATS = SHARED / "formats"
XLIFF_XSD = FORMATS / "schema" / "xliff-1.2" / "xliff-core-1.2-strict.xsd"

TMX_UNITS = {
    "alignfactory__okapi__issue277.tmx": 2,
    "cafetran2__ProjectTM_empty.tmx": 0,
    "catalyst2019__Bundle_en_zh-CN.tmx": 1715,
    "dejavu4__heartsome__utf-8.tmx": 2,
    "heartsome-tmserver__ImportTMXTest.tmx": 314,
    "heartsome-tmserver__UTF-16LE.TMX": 2,
    "heartsome-tmserver__utf-16be.tmx": 2,
    "intertext__84000__toh729-v2.tmx": 3,
    "lisa-kit__ImportTest1A.tmx": 2,
    "lisa-kit__ImportTest1C.tmx": 3,
    "lisa-kit__ImportTest1H.tmx": 3,
    "lisa-kit__ImportTest1L.tmx": 1,
    "lisa-kit__ImportTest2A.tmx": 7,
    "matecat__exampleForTestOriginal.tmx": 2,
    "modernmt__Memory.en__zh.tmx": 4,
    "monlam-ai__84000__toh581-v4.tmx": 4,
    "okapi-oku_alignment__Paragraph_TM.tmx": 7,
    "okapi-style__packettracer-cn__CPT8_1_1.tmx": 8237,
    "okapi-test__header_with_prop_and_note.tmx": 1,
    "olifant3__okapi__tmxtest-attributes.tmx": 9,
    "omegat204__okapi__mytm.tmx": 25,
    "omegat360-level2__GMS2_manual__5pice_ceshi-level2.tmx": 2698,
    "omegat520__omegat-l10n-zh-cn__project_save.tmx": 3295,
    "omegat580__packettracer-cn__project_save.tmx": 5890,
    "omegat610__OmegaT-L10N-zh_CN__project_save.tmx": 10915,
    "openxliff313__OpenXLIFF_Java_es.tmx": 519,
    "sdl-studio-tm8__rws-api-samples__Sample.tmx": 19,
    "trados-tw4win-ed0__rws-api-samples__WorkbenchFlavor.tmx": 2,
    "trados-tw4win7__okapi__html_test.tmx": 11,
    "translate-toolkit250__omegat__en-US_en-GB_fr_sr.tmx": 1,
}
#: Largest number of <tuv> in one <tu> ("max N TUV/TU").
TMX_MAX_TUV = {
    "lisa-kit__ImportTest1C.tmx": 5,
    "lisa-kit__ImportTest1L.tmx": 3,
    "translate-toolkit250__omegat__en-US_en-GB_fr_sr.tmx": 4,
}
XLIFF_UNITS = {
    "angular-cli__rclone-webui__messages.zh-CN.xlf": 201,
    "heartsome-hsstudio__HSCAT8-83.xlf": 12,
    "heartsome-hsstudio__Test_UTF16LE.txt.xlf": 4,
    "memoq12__supervertaler__test_document.mqxliff": 27,
    "openxliff313__OpenXLIFF_Java_es.xlf": 519,
    # 46 trans-units; 16 have <seg-source> segments (19), each read as a unit; 26
    # translate="no" units of tags and white space only are left out
    "sdl-studio__rws-api-samples__SamplePhotoPrinter.doc.sdlxliff": 23,
    "symfony-validator__validators.zh_CN.xlf": 116,
    "xcode__bluray-player__zh-Hans.xliff": 981,
}
#: Not well-formed files: (line, column) of the error libxml2 reports.
XLIFF_MALFORMED = {"loctool-lockit__ht-webapp12-lockit10_zh-Hans-CN.xliff": (73, 20)}


def test_tables_cover_every_file() -> None:
    require_shared(FORMATS)
    assert {p.name for p in (FORMATS / "tmx").iterdir()} == set(TMX_UNITS)
    assert {p.name for p in (FORMATS / "xliff").iterdir()} == set(XLIFF_UNITS) | set(XLIFF_MALFORMED)


@pytest.mark.parametrize("name", sorted(TMX_UNITS))
def test_tmx_unit_count(name: str) -> None:
    path = FORMATS / "tmx" / name
    memory = read_tmx(path)
    assert len(memory.units) == TMX_UNITS[name]
    assert sum(1 for _ in iter_tmx(path)) == TMX_UNITS[name]
    widest = max((len(u.segments) for u in memory.units), default=0)
    assert widest == TMX_MAX_TUV.get(name, 2 if memory.units else 0)
    for unit in memory.units:
        assert unit.location is not None and unit.location.line > 1


@pytest.mark.parametrize("name", sorted(TMX_UNITS))
def test_tmx_rewritten_validates_against_dtd(name: str) -> None:
    """What termkit writes from real input is TMX 1.4 that the DTD accepts, with the same segments.

    Two Heartsome files carry a <ph id> the DTD does not declare: it is written
    as ``x`` (what TMX matches codes by), so those segments differ in that attribute only.
    """
    memory = read_tmx(FORMATS / "tmx" / name)
    buf = io.BytesIO()
    write_tmx(buf, memory)
    assert_valid(buf.getvalue())
    again = read_tmx(io.BytesIO(buf.getvalue()))
    if name.lower().startswith("heartsome-tmserver__utf-16"):
        for unit in memory.units:
            for seg in unit.segments.values():
                for code in seg.codes:
                    if "id" in code.attrs:
                        code.attrs["x"] = code.attrs.pop("id")
    assert [u.segments for u in again.units] == [u.segments for u in memory.units]
    assert [u.attrs for u in again.units] == [u.attrs for u in memory.units]


def test_tmx_rewritten_keeps_dates_and_users() -> None:
    """TMX -> TMX keeps tu and tuv metadata: Trados' usage counts, OmegaT's translators and dates."""
    sdl = read_tmx(FORMATS / "tmx" / "sdl-studio-tm8__rws-api-samples__Sample.tmx")
    assert sdl.units[0].attrs == {
        "creationdate": "20090504T230613Z",
        "creationid": "PEGASUS\\Ziad",
        "changedate": "20100704T125404Z",
        "changeid": "PEGASUS\\Ziad",
        "lastusagedate": "20090630T172121Z",
        "usagecount": "2",
    }
    omegat = read_tmx(FORMATS / "tmx" / "omegat610__OmegaT-L10N-zh_CN__project_save.tmx")
    assert all(u.segments["zh-CN"].attrs.get("changeid") for u in omegat.units)
    for memory in (sdl, omegat):
        buf = io.BytesIO()
        write_tmx(buf, memory)
        assert read_tmx(io.BytesIO(buf.getvalue())).units == memory.units


#: Every shared file termkit reads as a memory (the malformed XLIFF fails, as tested below).
MEMORY_FILES = sorted(
    [f"tmx/{name}" for name in TMX_UNITS]
    + [f"xliff/{name}" for name in XLIFF_UNITS]
    + [f"po/{p.name}" for p in (FORMATS / "po").glob("*.po")]
)


@pytest.mark.parametrize("name", MEMORY_FILES)
def test_tmx_converted_from_every_shared_file_validates(name: str, tmp_path: Path) -> None:
    """``termkit convert FILE out.tmx`` gives TMX 1.4 that tmx14.dtd accepts, from every
    TMX, XLIFF and PO file in ../shared/formats: inline codes of other formats keep
    only the attributes the DTD declares on each element, and bpt/ept stay paired."""
    out = tmp_path / "out.tmx"
    convert(require_shared(FORMATS / name), out)
    doc = etree.parse(str(out), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    assert_valid(doc)
    assert_paired(doc)


@pytest.mark.parametrize("name", sorted(XLIFF_UNITS))
def test_xliff_unit_count(name: str) -> None:
    path = FORMATS / "xliff" / name
    assert len(read_xliff(path).units) == XLIFF_UNITS[name]
    assert sum(1 for _ in iter_xliff(path)) == XLIFF_UNITS[name]


@pytest.mark.parametrize("name", sorted(XLIFF_UNITS))
def test_xliff_rewritten_validates_against_strict_xsd(name: str) -> None:
    memory = read_xliff(FORMATS / "xliff" / name)
    buf = io.BytesIO()
    write_xliff(buf, memory)
    schema = etree.XMLSchema(etree.parse(str(XLIFF_XSD)))
    assert schema.validate(etree.fromstring(buf.getvalue())), schema.error_log
    again = read_xliff(io.BytesIO(buf.getvalue()))
    assert [u.text(memory.srclang) for u in again.units] == [u.text(memory.srclang) for u in memory.units]


@pytest.mark.parametrize("name", sorted(XLIFF_MALFORMED))
def test_malformed_xliff_fails_located(name: str) -> None:
    path = FORMATS / "xliff" / name
    with pytest.raises(FormatError) as info:
        read_xliff(path)
    assert (info.value.path, info.value.line, info.value.column) == (str(path), *XLIFF_MALFORMED[name])
    assert "tag mismatch" in info.value.message


def test_real_quirks() -> None:
    """Spot checks of what MANIFEST.md says about some files."""
    tmx = FORMATS / "tmx"
    utf16 = read_tmx(tmx / "heartsome-tmserver__utf-16be.tmx")
    assert utf16.srclang == "*all*" and set(utf16.units[0].segments) == {"en-US", "zh"}
    omegat11 = read_tmx(tmx / "omegat520__omegat-l10n-zh-cn__project_save.tmx")  # TMX 1.1, lang=
    assert set(omegat11.languages()) == {"en", "zh-CN"}
    upper = read_tmx(tmx / "omegat360-level2__GMS2_manual__5pice_ceshi-level2.tmx")  # EN-US/ZH-CN
    assert set(upper.languages()) == {"en-US", "zh-CN"}
    ns = read_tmx(tmx / "monlam-ai__84000__toh581-v4.tmx")  # namespaced, tei: elements in <seg>
    assert ns.units[1].segments["en"].text.strip().startswith("By hearing this essence mantra")
    assert ns.units[1].segments["en"].codes[0].attrs == {"type": "x-foreign"}
    ascii_refs = read_tmx(tmx / "lisa-kit__ImportTest1A.tmx")  # UTF-16LE, char refs
    assert ascii_refs.units[0].segments["en-US"].text == "First segment with [\t\t   ]"
    xcode = read_xliff(FORMATS / "xliff" / "xcode__bluray-player__zh-Hans.xliff")
    assert any("zh-Hans" in u.segments for u in xcode.units)
    assert any(len(u.segments) == 1 for u in xcode.units)  # trans-units without <target>
    symfony = read_xliff(FORMATS / "xliff" / "symfony-validator__validators.zh_CN.xlf")
    assert sum(u.fuzzy for u in symfony.units) == 9  # state=needs-review-translation


def test_inline_codes_reproduced() -> None:
    """header_with_prop_and_note.tmx: it/bpt/ph+sub/hi/ept written back as they were."""
    path = FORMATS / "tmx" / "okapi-test__header_with_prop_and_note.tmx"
    memory = read_tmx(path)
    seg = memory.units[0].segments["en-US"]
    assert seg.text == "Click  to start."
    assert [c.kind for c in seg.codes] == ["it", "bpt", "ph", "hi", "/hi", "ept"]
    buf = io.BytesIO()
    write_tmx(buf, memory)
    # the file's own <seg>, with termkit's escaping of '>' and the DTD's attribute order
    assert (
        '<seg><it pos="begin" x="1" type="italic">&lt;I&gt;</it><bpt i="1" x="2" type="bold">&lt;B&gt;</bpt>'
        'Click <ph x="3" assoc="b" type="image">&lt;IMG SRC="here.png" ALT="<sub>Start Here!</sub>"&gt;</ph>'
        ' to <hi x="4" type="verb">start</hi>.<ept i="1">&lt;/B&gt;</ept></seg>'
    ) in buf.getvalue().decode("utf-8")


def _code_positions(memory: Memory) -> list[list[int]]:
    return [sorted(c.position for c in seg.codes) for u in memory.units for seg in u.segments.values()]


def test_xliff_mrk_keeps_its_mtype_through_tmx(tmp_path: Path) -> None:
    """Heartsome's <mrk mtype="x-test">text</mrk> is TMX's <hi type="x-test">text</hi> (TMX's
    element for a marked span; its type is CDATA), valid against tmx14.dtd, and TMX -> XLIFF
    gives the same <mrk mtype="x-test"> back, valid against the XLIFF 1.2 schema."""
    heartsome = require_shared(FORMATS / "xliff" / "heartsome-hsstudio__HSCAT8-83.xlf")
    tmx = tmp_path / "hs.tmx"
    convert(heartsome, tmx, keep_unfinished=True)
    data = tmx.read_bytes()
    assert_valid(data)
    assert_paired(data)
    text = data.decode("utf-8")
    assert "x-mrk" not in text
    assert text.count('<hi type="x-test">text</hi>') == 33  # every <mrk> outside <alt-trans>
    back = tmp_path / "hs.xlf"
    convert(tmx, back, tgt_lang="zh-CN")
    xliff = back.read_bytes()
    schema = etree.XMLSchema(etree.parse(str(XLIFF_XSD)))
    assert schema.validate(etree.fromstring(xliff)), schema.error_log
    assert xliff.count(b'<mrk mtype="x-test">text</mrk>') == 33

    def marks(memory: Memory) -> list[tuple[int, str, str | None]]:
        return [
            (c.position, c.kind, c.attrs.get("mtype"))
            for u in memory.units
            for s in u.segments.values()
            for c in s.codes
            if c.kind.endswith("mrk")
        ]

    assert marks(read_xliff(back)) == marks(read_xliff(heartsome))


def test_xliff_codes_without_ctype_get_no_tmx_type(tmp_path: Path) -> None:
    """Heartsome's <g>, <x/> and <bx/>/<ex/> have no ctype: in TMX they are <bpt>/<ept>,
    <ph> and <bpt>/<ept> without a type (TMX's type is optional; "x-g" or "x-x" said
    nothing the element does not); a ctype is still written as the type (Angular's
    <x ctype="x-mat_icon"/>) and a <mrk mtype="x-test"> is a <hi type="x-test">.  The TMX
    validates, and converted back to XLIFF every code is where it was, with no invented
    ctype."""
    heartsome = require_shared(FORMATS / "xliff" / "heartsome-hsstudio__HSCAT8-83.xlf")
    tmx = tmp_path / "hs.tmx"
    convert(heartsome, tmx, keep_unfinished=True)
    data = tmx.read_bytes()
    assert_valid(data)
    assert_paired(data)
    text = data.decode("utf-8")
    assert 'type="x-g"' not in text and 'type="x-x"' not in text and 'type="x-bx"' not in text
    # <g id="_1_ski_040">text</g>TEXT ... <mrk mtype="x-test">text</mrk><x id="_1_ski_535"/>TEXT<bx/>TEXT<ex/>
    # (the ids, no numbers, are numbered as x: what matches a code of the source to the target's)
    assert (
        'Test segment 2. Text <bpt i="1" x="1"></bpt>text<ept i="1"></ept>TEXT<it pos="begin" x="2">' in text
    )
    assert '<hi type="x-test">text</hi><ph x="5"></ph>TEXT<bpt i="2" x="6"></bpt>TEXT<ept i="2">' in text
    back = tmp_path / "hs.xlf"
    convert(tmx, back, tgt_lang="zh-CN")
    xliff = back.read_bytes()
    schema = etree.XMLSchema(etree.parse(str(XLIFF_XSD)))
    assert schema.validate(etree.fromstring(xliff)), schema.error_log
    assert b'ctype="x-g"' not in xliff and b'ctype="x-x"' not in xliff
    assert _code_positions(read_xliff(back)) == _code_positions(read_xliff(heartsome))

    angular = require_shared(FORMATS / "xliff" / "angular-cli__rclone-webui__messages.zh-CN.xlf")
    convert(angular, tmx)
    text = tmx.read_text(encoding="utf-8")
    assert_valid(tmx.read_bytes())
    assert len(re.findall('<ph x="[12]" type="x-mat_icon">', text)) == 8 and 'type="x-x"' not in text
    # <x id="INTERPOLATION"/>, <x id="PH_1" equiv-text=...>...: numbered as x, but the
    # INTERPOLATION of both branches of a plural, which tells no code apart
    assert len(re.findall(r'<ph x="\d+"></ph>', text)) == 12 and text.count("<ph></ph>") == 3
