"""TBX writer and reader: schemas, real term bases, translate-toolkit, round trips."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from termkit.errors import FormatError
from termkit.formats.glossary_ids import from_xml_id, is_ncname, xml_id
from termkit.formats.tbx import read_tbx, tbx_bytes, write_tbx
from termkit.formats.xmlsafe import XML_LANG
from termkit.model import Concept, Glossary, ReviewStatus, Source, Term, TermStatus

from .export_strategies import XML_CHAR, glossaries
from .shared_manifest import FORMATS, manifest

SCHEMA = FORMATS / "schema"
TBX_FILES = manifest("tbx")


@cache
def relaxng(path: str) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA / path)))


@cache
def dtd(path: str) -> etree.DTD:
    return etree.DTD(str(SCHEMA / path))


def small_glossary() -> Glossary:
    return Glossary(
        [
            Concept(
                "rain-plan",
                status=ReviewStatus.APPROVED,
                subject="poverty alleviation",
                definition="Vocational training subsidy for the rural poor.",
                note="Shanxi, 2011",
                provenance="termkit extract",
                sources=[Source("seed.txt", "【雨露计划】"), Source("outline.txt")],
                terms={
                    "en": [
                        Term("Rain Plan", pos="noun"),
                        Term("Rainy Plan", status=TermStatus.FORBIDDEN, note="typo"),
                    ],
                    "zh-CN": [
                        Term("雨露计划"),
                        Term(
                            "雨露工程",
                            status=TermStatus.DEPRECATED,
                            review=ReviewStatus.PROPOSED,
                            case_sensitive=True,
                        ),
                    ],
                },
            ),
            Concept(
                "2011-outline", terms={"en": [Term("Outline 2011\u20132020 𠀀")], "zh-CN": [Term("纲要")]}
            ),
            Concept(
                "poverty-line",
                status=ReviewStatus.APPROVED,
                terms={
                    "en": [Term("poverty line"), Term("poverty threshold", status=TermStatus.ADMITTED)],
                    "zh-CN": [Term("贫困线"), Term("扶贫标准", status=TermStatus.ADMITTED)],
                },
            ),
        ]
    )


# --------------------------------------------------------------------------
# Writing: schemas and structure


def test_v3_validates_against_the_core_and_basic_relax_ng() -> None:
    doc = etree.fromstring(tbx_bytes(small_glossary(), "v3"))
    for schema in (
        "tbx-v3/core/TBXcoreStructV03.rng",
        "tbx-v3/basic/TBXcoreStructV03_TBX-Basic_integrated.rng",
    ):
        validator = relaxng(schema)
        assert validator.validate(doc), validator.error_log
    assert doc.tag == "{urn:iso:std:iso:30042:ed-2}tbx"
    assert (doc.get("type"), doc.get("style")) == ("TBX-Basic", "dca")


def test_2008_validates_against_the_core_and_basic_dtds() -> None:
    data = tbx_bytes(small_glossary(), "2008")
    assert data.startswith(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'
    )
    doc = etree.fromstring(data)
    for schema in ("tbx-v2/default/TBXcoreStructV02.dtd", "tbx-v2/basic/TBXBasiccoreStructV02.dtd"):
        validator = dtd(schema)
        assert validator.validate(doc), validator.error_log.filter_from_errors()
    assert doc.tag == "martif"
    assert [e.tag for e in doc.iter("termEntry", "langSet", "tig")][:3] == ["termEntry", "langSet", "tig"]


@pytest.mark.parametrize("version", ["v3", "2008"])
def test_statuses_synonyms_and_ids(version: str) -> None:
    doc = etree.fromstring(tbx_bytes(small_glossary(), version))
    entries = [e for e in doc.iter() if etree.QName(e).localname in ("conceptEntry", "termEntry")]
    assert [e.get("id") for e in entries] == ["rain-plan", "_2011-outline", "poverty-line"]
    assert all(is_ncname(e.get("id") or "") for e in entries)
    statuses = [
        n.text for n in doc.iter() if isinstance(n.tag, str) and n.get("type") == "administrativeStatus"
    ]
    assert statuses == [
        "preferredTerm-admn-sts",
        "deprecatedTerm-admn-sts",
        "preferredTerm-admn-sts",
        "supersededTerm-admn-sts",
        "preferredTerm-admn-sts",
        "preferredTerm-admn-sts",
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
    ]
    first = entries[0]
    terms = [t.text for t in first.iter() if etree.QName(t).localname == "term"]
    assert terms == ["Rain Plan", "Rainy Plan", "雨露计划", "雨露工程"]


def test_output_is_deterministic_and_has_no_date() -> None:
    a = tbx_bytes(small_glossary(), "v3")
    assert a == tbx_bytes(small_glossary(), "v3")
    assert b"date" not in a.lower()


def test_xml_ids_are_reversible() -> None:
    for cid in ("rain-plan", "2011-outline", "a.b", "x_y z", "中文"):
        assert is_ncname(xml_id(cid))
        assert from_xml_id(xml_id(cid)) == cid


def test_unwritable_concepts_are_refused_by_name() -> None:
    with pytest.raises(FormatError, match="concept 'empty' has no terms"):
        tbx_bytes(Glossary([Concept("empty")]), "v3")
    bad = Glossary([Concept("ctl", terms={"en": [Term("bell\x07")]})])
    with pytest.raises(FormatError, match=r"concept 'ctl', en term 'bell\\x07': character U\+0007"):
        tbx_bytes(bad, "2008")
    with pytest.raises(FormatError, match="unknown TBX version"):
        tbx_bytes(small_glossary(), "v4")


@pytest.mark.parametrize("version", ["v3", "2008"])
def test_an_empty_glossary_is_refused(version: str) -> None:
    # the 2008 DTD and the v3 TBX-Basic schema both need a <body> with an entry
    with pytest.raises(FormatError, match="empty glossary cannot be written as TBX-Basic"):
        tbx_bytes(Glossary([]), version)


def test_a_failed_write_writes_nothing() -> None:
    buf = io.BytesIO()
    with pytest.raises(FormatError):
        bad = Concept("bad", definition="\ufffe", terms={"en": [Term("x")]})
        write_tbx(buf, Glossary([*small_glossary(), bad]))
    assert buf.getvalue() == b""


# --------------------------------------------------------------------------
# Round trips


@pytest.mark.parametrize("version", ["v3", "2008"])
def test_small_glossary_round_trip(version: str) -> None:
    assert read_tbx(io.BytesIO(tbx_bytes(small_glossary(), version))).concepts == small_glossary().concepts


def without_aligner_fields(glossary: Glossary) -> list[Concept]:
    """What TBX carries: everything but a term's score and evidence."""
    for concept in glossary:
        for terms in concept.terms.values():
            for term in terms:
                term.score, term.evidence = None, []
    return glossary.concepts


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries(XML_CHAR, langs=("en", "zh-CN", "ug-CN")), st.sampled_from(["v3", "2008"]))
def test_tbx_round_trip(glossary: Glossary, version: str) -> None:
    data = tbx_bytes(glossary, version)
    back = read_tbx(io.BytesIO(data))
    assert back.concepts == without_aligner_fields(glossary)
    assert tbx_bytes(back, version) == data


@pytest.mark.parametrize("version", ["v3", "2008"])
def test_a_note_that_reads_like_a_termkit_mark_stays_a_note(version: str) -> None:
    # (an approved concept read back proposed, a term note read back as its review)
    glossary = Glossary(
        [
            Concept(
                "c",
                status=ReviewStatus.APPROVED,
                note="termkit:status=proposed",
                terms={
                    "en": [Term("t", note="termkit:review=proposed")],
                    "zh-CN": [
                        Term("词", note=" termkit:case-sensitive=yes"),
                        Term("字", note="termkit:note=x"),
                    ],
                },
            )
        ]
    )
    data = tbx_bytes(glossary, version)
    assert b"<note>termkit:note=termkit:status=proposed</note>" in data
    assert read_tbx(io.BytesIO(data)).concepts == glossary.concepts


@settings(max_examples=40, deadline=None)
@given(
    st.text(XML_CHAR, max_size=5),
    st.sampled_from("\x00\x01\x08\x0b\x0c\x1f\ufffe\uffff\ud800"),
    st.text(XML_CHAR, max_size=5),
)
def test_xml_unsafe_characters_are_refused_never_dropped(before: str, bad: str, after: str) -> None:
    glossary = Glossary([Concept("c", note=before + bad + after, terms={"en": [Term("t")]})])
    with pytest.raises(FormatError) as info:
        tbx_bytes(glossary, "v3")
    assert f"U+{ord(bad):04X}" in info.value.message
    assert "concept 'c' note" in info.value.message


# --------------------------------------------------------------------------
# Real term bases


def test_manifest_lists_every_tbx_file() -> None:
    assert {p.name for p in (FORMATS / "tbx").iterdir()} == set(TBX_FILES)


@pytest.mark.parametrize("name", sorted(n for n, e in TBX_FILES.items() if e.well_formed))
def test_shared_tbx_entry_counts(name: str) -> None:
    entry = TBX_FILES[name]
    glossary = read_tbx(entry.path)
    assert len(glossary) == entry.number(r"; (\d+) entries;", "structure")
    langs = {lang for concept in glossary for lang in concept.terms}
    manifest_langs = entry.field("structure").split("langs {", 1)[1].split("}", 1)[0]
    for lang in langs:
        assert (
            f"'{lang}'" in manifest_langs
            or lang.replace("-", "_") in manifest_langs
            or lang.lower() in manifest_langs.lower()
        )


@pytest.mark.parametrize("name", sorted(n for n, e in TBX_FILES.items() if not e.well_formed))
def test_malformed_shared_tbx_fails_located(name: str) -> None:
    entry = TBX_FILES[name]
    with pytest.raises(FormatError) as info:
        read_tbx(entry.path)
    # MANIFEST.md: "Opening and ending tag mismatch: ... line 41, column 18"
    match = re.search(r"line (\d+), column (\d+)", entry.field("CJK content"))
    assert match, "MANIFEST.md gives the position of the error"
    line, column = int(match.group(1)), int(match.group(2))
    assert (info.value.path, info.value.line, info.value.column) == (str(entry.path), line, column)


def test_languages_come_from_xml_lang_not_position() -> None:
    # kde-cn: en-US and zh-CN; medtronic: 14 languages in varying order
    kde = read_tbx(FORMATS / "tbx" / "lokalize__kde-cn__terms.tbx")
    assert all(set(c.terms) == {"en-US", "zh-CN"} for c in kde)
    swapped = """<martif type="TBX" xml:lang="zh-CN"><martifHeader><fileDesc><sourceDesc><p>x</p>
    </sourceDesc></fileDesc></martifHeader><text><body><termEntry id="a">
    <langSet xml:lang="zh-CN"><tig><term>贫困</term></tig></langSet>
    <langSet xml:lang="en"><ntig><termGrp><term>poverty</term>
    <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig></langSet>
    </termEntry></body></text></martif>""".encode()
    (concept,) = read_tbx(io.BytesIO(swapped))
    assert concept.terms["en"][0].text == "poverty"
    assert concept.terms["en"][0].status is TermStatus.ADMITTED
    assert concept.terms["zh-CN"][0].text == "贫困"


def test_dct_style_and_definitions_in_groups_are_read() -> None:
    dca = read_tbx(FORMATS / "tbx" / "ltac__TBX-Basic_v3_DCA__Example_Astronomy.tbx")
    dct = read_tbx(FORMATS / "tbx" / "ltac__TBX-Basic_v3_DCT__Example_Astronomy.tbx")
    assert [c.subject for c in dct] == [c.subject for c in dca]
    assert dca.concepts[0].subject == "General"
    assert dca.concepts[0].definition and dca.concepts[0].definition.startswith("A group of stars")


def test_language_section_notes_subjects_and_sources_are_kept() -> None:
    data = """<martif type="TBX"><text><body><termEntry id="rp">
    <langSet xml:lang="en"><note>EN NOTE</note><descrip type="subjectField">policy</descrip>
    <descripGrp><descrip type="definition">A training subsidy.</descrip>
    <admin type="source">Outline 2011</admin></descripGrp><tig><term>Rain Plan</term></tig></langSet>
    <langSet xml:lang="zh-CN"><note>ZH NOTE</note><descrip type="subjectField">扶贫</descrip>
    <descrip type="definition">职业培训补助。</descrip><tig><term>雨露计划</term></tig></langSet>
    </termEntry></body></text></martif>""".encode()
    (concept,) = read_tbx(io.BytesIO(data))
    assert concept.subject == "policy"
    assert concept.definition == "A training subsidy."
    assert concept.sources == [Source("Outline 2011")]
    assert (
        concept.note
        == "en note: EN NOTE\nzh-CN note: ZH NOTE\nzh-CN subject: 扶贫\nzh-CN definition: 职业培训补助。"
    )


def test_no_language_section_note_of_a_real_term_base_is_lost() -> None:
    path = FORMATS / "tbx" / "ltac__TBX-Basic_v3_DCA__Example_Astronomy.tbx"
    glossary = read_tbx(path)
    tree = etree.parse(str(path))
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    lang_notes = tree.findall(".//t:conceptEntry/t:langSec/t:note", ns)
    assert len(lang_notes) == 20
    for note in lang_notes:
        entry = note.getparent().getparent()
        concept = glossary.get(entry.get("id"))
        assert concept is not None and concept.note
        text = re.sub(r"\s*\n\s*", " ", note.text.strip())  # (its layout is one space)
        assert f"{note.getparent().get(XML_LANG)} note: {text}" in concept.note


def test_the_layout_of_a_real_term_base_is_one_space() -> None:
    """Definitions and notes kept the indentation that wraps them in the TBX-Basic
    samples ("...at the language level.\n\t\t\t\t\t\tThis one..."): CAT tools show one space."""
    for name in ("tbxinfo__TBX-Basic_v3_sample.tbx", "tbxinfo__TBX-Basic_v2_sample.tbx"):
        glossary = read_tbx(FORMATS / "tbx" / name)
        c2 = glossary.get("c2")
        assert c2 is not None
        assert c2.definition == (
            "This is a sample definition at the language level. This one has no source information "
            "required therefore it is not embedded in a descripGrp."
        )
        assert c2.terms["en"][0].note == (
            "This is a sample entry with some data categories at the term or language level"
        )
        c7 = glossary.get("c7")
        assert c7 is not None and c7.definition is not None
        assert c7.definition.startswith(
            "corrective lenses used in eyeglasses to correct presbyopia and other"
        )
    for path in sorted((FORMATS / "tbx").glob("*.tbx")):
        if "notwellformed" in path.name:
            continue
        for concept in read_tbx(path):
            texts = [concept.definition, concept.subject, concept.provenance, *map(str, concept.sources)]
            texts += [
                t
                for terms in concept.terms.values()
                for term in terms
                for t in (term.text, term.note, term.pos)
            ]
            texts.append(concept.note)  # (notes of several elements are lines: no layout is)
            laid_out = [t for t in texts if t and re.search(r"\n[ \t]|[ \t]\n|\n\n\n|\r", t)]
            assert not laid_out, (path.name, concept.id)
            # (an empty line of a definition is a paragraph break, not layout: Lokalize's)
            assert concept.id == "guo_yunhe-100" or "\n\n" not in (concept.definition or "")


def test_a_paragraph_break_of_a_real_term_base_is_kept() -> None:
    """Lokalize's glossary (kde-cn) separates a definition from its source by an empty
    line at the start of the line, text the translator typed: collapsed to a space it
    ran the URL into the definition."""
    glossary = read_tbx(FORMATS / "tbx" / "lokalize__kde-cn__terms.tbx")
    concept = glossary.get("guo_yunhe-100")
    assert concept is not None
    assert concept.definition == (
        "一种发源自牙买加的音乐\n\nhttps://zh.wikipedia.org/wiki/%E6%96%AF%E5%8D%A1%E6%9B%B2%E9%A2%A8"
    )


def test_what_another_tool_marks_as_text_is_not_layout() -> None:
    """xml:space="preserve" keeps an element's white space, and a line end written as a
    character reference (&#13;&#10;, as .NET writers escape a CR a user typed) is the
    text's in a definition or note, never the file's layout; a term or subject has one line."""
    other = (
        '<martif type="TBX-Basic"><text><body><termEntry id="a">'
        '<descrip type="definition">Line one.&#13;&#10;Line two.</descrip>'
        '<descrip type="subjectField">energy&#13;&#10;policy</descrip>'
        '<note xml:space="preserve">keep\n   this</note>'
        '<langSet xml:lang="en"><tig><term>bio&#13;&#10;gas</term></tig></langSet>'
        "</termEntry></body></text></martif>"
    )
    (concept,) = read_tbx(io.BytesIO(other.encode()))
    assert (concept.definition, concept.subject, concept.note) == (
        "Line one.\nLine two.",
        "energy policy",
        "keep\n   this",
    )
    assert concept.terms["en"][0].text == "bio gas"


def test_a_line_break_in_a_term_base_of_another_tool_is_one_space_in_termkit_s_it_stays() -> None:
    other = (
        '<martif type="TBX-Basic"><martifHeader><fileDesc><sourceDesc><p>Exported by MultiTerm</p>'
        "</sourceDesc></fileDesc></martifHeader><text><body><termEntry id='a'>"
        '<descrip type="definition">A <hi>wrapped</hi>\n   definition.</descrip><note>one\n\ntwo  three</note>'
        '<langSet xml:lang="en"><tig><term>progressive\n        lens</term></tig></langSet>'
        "</termEntry></body></text></martif>"
    )
    (concept,) = read_tbx(io.BytesIO(other.encode()))
    assert (concept.definition, concept.note) == ("A wrapped definition.", "one\n\ntwo  three")
    assert concept.terms["en"][0].text == "progressive lens"
    mine = Concept(
        "a",
        definition="First line.\n  Indented second.",
        note="First.\n\nSecond.",
        terms={"en": [Term("lens", note="a\n b")], "zh-CN": [Term("镜片")]},
    )
    (back,) = read_tbx(io.BytesIO(tbx_bytes(Glossary([mine]))))
    assert (back.definition, back.note, back.terms["en"][0].note) == (mine.definition, mine.note, "a\n b")


def test_xxe_and_entities_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    path = tmp_path / "xxe.tbx"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<martif type="TBX"><text><body><termEntry id="a"><langSet xml:lang="en"><tig>'
        "<term>&x;</term></tig></langSet></termEntry></body></text></martif>"
    )
    with pytest.raises(FormatError, match="entity declarations") as info:
        read_tbx(path)
    assert "TOP SECRET" not in str(info.value)


def test_not_a_tbx_file(tmp_path: Path) -> None:
    path = tmp_path / "x.tbx"
    path.write_text("<tmx version='1.4'/>")
    with pytest.raises(FormatError, match="not a TBX file"):
        read_tbx(path)


# --------------------------------------------------------------------------
# Other tools


@pytest.mark.external
def test_translate_toolkit_reads_the_2008_form() -> None:
    from translate.storage import tbx

    glossary = small_glossary()
    store = tbx.tbxfile(tbx_bytes(glossary, "2008"), sourcelanguage="en", targetlanguage="zh-CN")
    assert [(u.getid(), u.source, u.target or None) for u in store.units] == [
        (xml_id(c.id), c.terms["en"][0].text, c.terms["zh-CN"][0].text) for c in glossary
    ]
    first = store.units[0]
    assert [(t.text, t.deprecated) for lang in first.getlanguageNodes() for t in first._get_terms(lang)] == [
        ("Rain Plan", False),
        ("Rainy Plan", True),
        ("雨露计划", False),
        ("雨露工程", False),
    ]


def test_a_wrapped_line_between_chinese_characters_joins_without_a_space() -> None:
    """Chinese has no space between words: the layout that wraps 扶贫开发 over two lines
    is nothing, not one space; between Chinese and English it is one space."""
    other = (
        '<martif type="TBX-Basic"><text><body><termEntry id="a">'
        '<descrip type="definition">以开发式扶贫为方针，\n      促进贫困地区发展。Rain\n      Plan 雨露\n  计划“\n  整村推进”\n  “Rain Plan”</descrip>'
        '<langSet xml:lang="zh-CN"><tig><term>扶贫\n        开发</term></tig></langSet>'
        "</termEntry></body></text></martif>"
    )
    (concept,) = read_tbx(io.BytesIO(other.encode()))
    assert (
        concept.definition == "以开发式扶贫为方针，促进贫困地区发展。Rain Plan 雨露计划“整村推进” “Rain Plan”"
    )
    assert concept.terms["zh-CN"][0].text == "扶贫开发"
