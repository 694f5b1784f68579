"""Glossary <-> memory: the glossary TMX and PO, and reading every export back."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from termkit.exchange import (
    EXPORT_FORMATS,
    export_bytes,
    exportable,
    glossary_memory,
    glossary_po_memory,
    left_out,
    memory_glossary,
    po_field_lines,
    read_concepts,
)
from termkit.exchange import _po_notes as _po_notes
from termkit.exchange import _po_value as _po_value
from termkit.formats.po import read_po
from termkit.formats.tmx import read_tmx
from termkit.model import (
    Concept,
    Glossary,
    Memory,
    ReviewStatus,
    Segment,
    Source,
    Term,
    TermStatus,
    TranslationUnit,
)

from .export_strategies import XML_CHAR, field_text, glossaries
from .shared_manifest import FORMATS


def sample() -> Glossary:
    return Glossary(
        [
            Concept(
                "poverty-line",
                status=ReviewStatus.APPROVED,
                subject="poverty alleviation",
                definition="Income threshold.",
                note="Set nationally.",
                provenance="reviewed",
                sources=[Source("outline.txt", "§26")],
                terms={
                    "en": [Term("poverty line"), Term("poverty threshold", status=TermStatus.ADMITTED)],
                    "zh-CN": [Term("贫困线", pos="noun")],
                },
            ),
            Concept(
                "poverty-line.rural",
                status=ReviewStatus.PROPOSED,
                terms={"en": [Term("poverty line")], "zh-CN": [Term("农村贫困线")]},
            ),
            Concept(
                "rain-plan",
                status=ReviewStatus.APPROVED,
                terms={
                    "en": [Term("Rain Plan")],
                    "zh-CN": [Term("雨露计划"), Term("雨露工程", status=TermStatus.FORBIDDEN)],
                },
            ),
            Concept(
                "dropped", status=ReviewStatus.REJECTED, terms={"en": [Term("x")], "zh-CN": [Term("叉")]}
            ),
            Concept("en-only", status=ReviewStatus.PROPOSED, terms={"en": [Term("untranslated term")]}),
        ]
    )


def term_set(concept: Concept) -> set[tuple[str, str, TermStatus]]:
    return {(lang, t.text, t.status) for lang in ("en", "zh-CN") for t in concept.terms_in(lang)}


def term_fields(concept: Concept) -> list[tuple[object, ...]]:
    return [(t.text, t.status, t.pos, t.review, t.case_sensitive, t.note) for t in concept.terms_in("en")]


def test_rejected_concepts_are_not_exported() -> None:
    ids = [c.id for c in exportable(sample())]
    assert ids == ["poverty-line", "poverty-line.rural", "rain-plan", "en-only"]


def test_glossary_tmx_units_and_props() -> None:
    memory = glossary_memory(exportable(sample()))
    assert memory.segtype == "phrase"
    assert [(u.id, u.text("en"), u.text("zh-CN")) for u in memory.units] == [
        ("poverty-line", "poverty line", "贫困线"),
        ("poverty-line#2", "poverty threshold", "贫困线"),
        ("poverty-line.rural", "poverty line", "农村贫困线"),
        ("rain-plan", "Rain Plan", "雨露计划"),
    ]
    first = memory.units[0]
    assert first.props == [
        ("x-concept", "poverty-line"),
        ("x-concept-status", "approved"),
        ("x-subject", "poverty alleviation"),
        ("x-source", "outline.txt § §26"),
        ("x-note", "Set nationally."),
        ("x-provenance", "reviewed"),
    ]
    assert first.notes == ["Income threshold."]
    assert first.segments["zh-CN"].props == [("x-term-status", "preferred"), ("x-pos", "noun")]


def test_glossary_tmx_validates_against_the_dtd() -> None:
    data = export_bytes(exportable(sample()), "tmx", datetime(2024, 5, 1))
    dtd = etree.DTD(str(FORMATS / "schema" / "tmx" / "tmx14.dtd"))
    doc = etree.fromstring(data)
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()
    assert doc.find("header").get("creationdate") == "20240501T000000Z"
    assert doc.find("header").get("segtype") == "phrase"


def test_glossary_po_entries() -> None:
    memory = glossary_po_memory(exportable(sample()))
    assert [(u.context, u.text("en"), u.text("zh-CN"), u.fuzzy) for u in memory.units] == [
        ("poverty-line", "poverty line", "贫困线", False),
        ("poverty-line.rural", "poverty line", "农村贫困线", True),
        (None, "Rain Plan", "雨露计划", False),
        (None, "untranslated term", None, True),
    ]
    assert memory.units[0].notes == [
        "Concept: poverty-line",
        "Definition: Income threshold.",
        "Note: Set nationally.",
        "Subject: poverty alleviation",
        "Provenance: reviewed",
        "Part of speech (zh-CN): noun",
        "Also en (admitted): poverty threshold",
    ]
    assert memory.units[0].references == ["outline.txt"]
    assert memory.units[2].notes[-1] == "Also zh-CN (forbidden): 雨露工程"


@pytest.mark.external
def test_glossary_po_passes_msgfmt_check(tmp_path: Path) -> None:
    exe = shutil.which("msgfmt")
    if exe is None:
        pytest.fail("msgfmt not found: install gettext")
    path = tmp_path / "glossary.po"
    path.write_bytes(export_bytes(exportable(sample()), "po", datetime(2024, 5, 1)))
    result = subprocess.run(
        [exe, "--check", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    stats = "2 translated messages, 1 fuzzy translation, 1 untranslated message."
    assert result.stderr.strip().endswith(stats)
    assert "warning" not in result.stderr
    header = path.read_text(encoding="utf-8")
    assert '"Language: zh_CN\\n"' in header and '"Plural-Forms: nplurals=1; plural=0;\\n"' in header


@pytest.mark.external
def test_translate_toolkit_reads_the_glossary_po() -> None:
    from translate.storage import pypo

    store = pypo.pofile(export_bytes(exportable(sample()), "po"))
    units = [u for u in store.units if not u.isheader()]
    assert [(u.getcontext(), u.source, u.target, u.isfuzzy()) for u in units] == [
        ("poverty-line", "poverty line", "贫困线", False),
        ("poverty-line.rural", "poverty line", "农村贫困线", True),
        ("", "Rain Plan", "雨露计划", False),
        ("", "untranslated term", "", True),
    ]


@pytest.mark.parametrize("fmt", ["tmx", "po", "tbx", "tbx2008", "csv", "tsv"])
def test_every_export_reads_back_into_the_same_concepts(fmt: str, tmp_path: Path) -> None:
    glossary = exportable(sample())
    suffix = {"tbx2008": "tbx", "omegat": "txt"}.get(fmt, fmt)
    path = tmp_path / f"export.{suffix}"
    path.write_bytes(export_bytes(glossary, fmt))
    imported = read_concepts(str(path))
    assert imported.has_status
    back = {c.id: c for c in imported.glossary}
    carried = [c for c in glossary if fmt not in ("tmx",) or c.terms_in("zh-CN")]
    assert sorted(back) == sorted(c.id for c in carried)
    for concept in carried:
        got = back[concept.id]
        assert got.status is concept.status
        assert got.definition == concept.definition
        pairs = term_set(got)
        if fmt in ("tbx", "tbx2008", "csv", "tsv", "po"):
            assert pairs == term_set(concept)
        else:  # the TMX pairs every English term with the preferred Chinese one
            english = {("en", t.text) for t in concept.terms_in("en")}
            chinese = {("zh-CN", concept.terms_in("zh-CN")[0].text)}
            assert {(lang, text) for lang, text, _ in pairs} == english | chinese


HOMOGRAPHS = Glossary(
    [
        Concept(
            "code-comment",
            ReviewStatus.APPROVED,
            subject="source code",
            terms={"en": [Term("comment")], "zh-CN": [Term("注释")]},
        ),
        Concept(
            "talk-comment", subject="discussion", terms={"en": [Term("comment")], "zh-CN": [Term("评论")]}
        ),
    ]
)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_the_readers_say_which_ids_they_made_up(fmt: str, tmp_path: Path) -> None:
    """Every export but the OmegaT glossary carries the concept ids; an OmegaT line
    carries none, and its reader makes one up from the source term (which ``termkit
    import`` then never matches as an id).  The lines of one source term in a file
    termkit wrote are two concepts when their targets differ: homographs."""
    suffix = {"tbx2008": "tbx", "omegat": "txt"}.get(fmt, fmt)
    path = tmp_path / f"export.{suffix}"
    path.write_bytes(export_bytes(HOMOGRAPHS, fmt))
    back = read_concepts(str(path)).glossary
    if fmt == "omegat":
        assert [(c.id, c.made_up_id, [t.text for t in c.terms_in("zh-CN")]) for c in back] == [
            ("comment", True, ["注释"]),
            ("comment-2", True, ["评论"]),
        ]
    else:
        assert [(c.id, c.made_up_id) for c in back] == [("code-comment", False), ("talk-comment", False)]


def test_ids_made_up_for_entries_without_one_are_marked(tmp_path: Path) -> None:
    memory = Memory(
        units=[
            TranslationUnit({"en": Segment("comment"), "zh-CN": Segment("评论")}),
            TranslationUnit({"en": Segment("view"), "zh-CN": Segment("视图")}, props=[("x-concept", "v")]),
        ]
    )
    assert [(c.id, c.made_up_id) for c in memory_glossary(memory).glossary] == [
        ("comment", True),
        ("v", False),
    ]
    (tmp_path / "s.csv").write_text("en,zh-CN\ncomment,评论\n,易地搬迁\n", encoding="utf-8")
    assert all(c.made_up_id for c in read_concepts(str(tmp_path / "s.csv")).glossary)
    (tmp_path / "o.txt").write_text("comment\t评论\ncomment\t注释\n", encoding="utf-8")
    [concept] = read_concepts(
        str(tmp_path / "o.txt")
    ).glossary  # (not termkit's: one source term, one concept)
    assert concept.made_up_id and [t.text for t in concept.terms_in("zh-CN")] == ["评论", "注释"]
    (tmp_path / "t.tbx").write_text(
        '<martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig><term>x</term></tig>'
        '</langSet></termEntry><termEntry id="y"><langSet xml:lang="en"><tig><term>y</term></tig>'
        "</langSet></termEntry></body></text></martif>",
        encoding="utf-8",
    )
    got = read_concepts(str(tmp_path / "t.tbx")).glossary
    assert [(c.id, c.made_up_id) for c in got] == [("x", True), ("y", False)]


def test_tmx_and_po_from_other_tools_become_concepts() -> None:
    memory = read_po(FORMATS / "po" / "libreoffice__zh-CN__avmedia_messages.po")
    imported = memory_glossary(memory)
    assert imported.has_status
    assert len(imported.glossary) == len({u.text("en") for u in memory.units})
    tmx = read_tmx(FORMATS / "tmx" / "modernmt__Memory.en__zh.tmx")
    concepts = memory_glossary(tmx, "en", "zh").glossary
    assert not memory_glossary(tmx).has_status
    assert all(c.terms_in("en") for c in concepts)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries(XML_CHAR))
def test_glossary_tmx_round_trip(glossary: Glossary) -> None:
    glossary = exportable(glossary)
    data = export_bytes(glossary, "tmx")
    back = {c.id: c for c in memory_glossary(read_tmx(io.BytesIO(data))).glossary}
    for concept in glossary:
        target = concept.preferred("zh-CN")
        if target is None or not concept.terms_in("en"):
            assert concept.id not in back
            continue
        got = back[concept.id]
        assert (got.status, got.subject, got.definition, got.note, got.provenance, got.sources) == (
            concept.status,
            concept.subject,
            concept.definition,
            concept.note,
            concept.provenance,
            concept.sources,
        )
        assert [t.text for t in got.terms_in("en")] == [t.text for t in concept.terms_in("en")]
        assert term_fields(got) == term_fields(concept)


def test_every_export_format_is_deterministic() -> None:
    for fmt in EXPORT_FORMATS:
        assert export_bytes(exportable(sample()), fmt) == export_bytes(exportable(sample()), fmt)
        assert export_bytes(hant_sample(), fmt) == export_bytes(hant_sample(), fmt)


@pytest.mark.parametrize(
    ("tag", "found"), [("zh", True), ("zh-Hans", True), ("zh-Hans-CN", True), ("zh-TW", False)]
)
def test_memory_chinese_tags_that_serve_zh_cn(tag: str, found: bool) -> None:
    # a memory's zh or zh-Hans side is the glossary's zh-CN; a zh-TW side never is
    memory = Memory(
        srclang="en", units=[TranslationUnit({"en": Segment("Rain Plan"), tag: Segment("雨露计划")})]
    )
    [concept] = memory_glossary(memory).glossary.concepts
    assert [t.text for t in concept.terms_in("zh-CN")] == (["雨露计划"] if found else [])


def hant_sample() -> Glossary:
    """A concept with zh-Hant terms beside zh-CN, and one with zh-Hant terms only."""
    return Glossary(
        [
            Concept(
                "rain-plan",
                status=ReviewStatus.APPROVED,
                terms={
                    "en": [Term("Rain Plan"), Term("Dew Plan", status=TermStatus.DEPRECATED)],
                    "zh-CN": [Term("雨露计划")],
                    "zh-Hant": [
                        Term("雨露計劃", note="Taiwan"),
                        Term("雨露工程", status=TermStatus.ADMITTED),
                    ],
                },
            ),
            Concept("relocation", terms={"en": [Term("relocation")], "zh-Hant": [Term("易地搬遷")]}),
        ]
    )


def test_glossary_tmx_carries_the_preferred_zh_hant_term_in_a_further_tuv() -> None:
    memory = glossary_memory(hant_sample())
    assert [(u.id, {lang: s.text for lang, s in u.segments.items()}) for u in memory.units] == [
        ("rain-plan", {"en": "Rain Plan", "zh-CN": "雨露计划", "zh-Hant": "雨露計劃"}),
        ("rain-plan#2", {"en": "Dew Plan", "zh-CN": "雨露计划", "zh-Hant": "雨露計劃"}),
    ]  # (no unit for relocation: a zh-CN project of OmegaT would take its Traditional term)
    assert memory.units[0].segments["zh-Hant"].notes == ["Taiwan"]
    data = export_bytes(hant_sample(), "tmx")
    dtd = etree.DTD(str(FORMATS / "schema" / "tmx" / "tmx14.dtd"))
    doc = etree.fromstring(data)
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in doc.iter("tuv")]
    assert langs[:3] == ["en", "zh-CN", "zh-Hant"]  # zh-CN stays the second <tuv>


def test_glossary_tmx_reads_zh_hant_back_as_zh_hant() -> None:
    back = {
        c.id: c for c in memory_glossary(read_tmx(io.BytesIO(export_bytes(hant_sample(), "tmx")))).glossary
    }
    assert sorted(back) == ["rain-plan"]
    hant = back["rain-plan"].terms_in("zh-Hant")
    assert [(t.text, t.status, t.note) for t in hant] == [("雨露計劃", TermStatus.PREFERRED, "Taiwan")]
    assert [t.text for t in back["rain-plan"].terms_in("zh-CN")] == ["雨露计划"]


@pytest.mark.parametrize(
    ("tag", "lang"),
    [
        ("zh-Hant", "zh-Hant"),
        ("zh_hant", "zh-Hant"),
        ("zh-TW", "zh-TW"),
        ("zh_TW", "zh-TW"),
        ("zh-HK", "zh-HK"),
        ("zh-Hant-HK", "zh-Hant-HK"),
        ("zh", "zh-Hant"),
        ("zh-CN", "zh-CN"),
    ],
)
def test_memory_tags_of_traditional_chinese_keep_their_region(tag: str, lang: str) -> None:
    # as the CSV and TBX readers keep them (zh-TW was read as zh-Hant from TMX and PO
    # only): Taiwan and Hong Kong usage differ.  A bare zh names no script: its text
    # tells (Traditional here; Simplified text under zh serves zh-CN, test above);
    # zh-CN is Simplified whatever the text (check says so)
    memory = Memory(
        srclang="en", units=[TranslationUnit({"en": Segment("Rain Plan"), tag: Segment("雨露計劃")})]
    )
    [concept] = memory_glossary(memory).glossary.concepts
    assert {k: [t.text for t in v] for k, v in concept.terms.items()} == {
        "en": ["Rain Plan"],
        lang: ["雨露計劃"],
    }


def test_every_english_and_chinese_side_of_a_memory_unit_gives_terms() -> None:
    # (a review) a third language (fr) gives none: an English-Chinese glossary
    memory = Memory(
        srclang="en",
        units=[
            TranslationUnit(
                {
                    "en": Segment("network"),
                    "zh-CN": Segment("网络"),
                    "zh-HK": Segment("網絡"),
                    "zh-TW": Segment("網路"),
                    "fr": Segment("réseau"),
                }
            )
        ],
    )
    [concept] = memory_glossary(memory).glossary.concepts
    assert {k: [t.text for t in v] for k, v in concept.terms.items()} == {
        "en": ["network"],
        "zh-CN": ["网络"],
        "zh-HK": ["網絡"],
        "zh-TW": ["網路"],
    }


@pytest.mark.external
def test_translate_toolkit_takes_zh_cn_as_the_target_of_a_glossary_tmx() -> None:
    tmx = pytest.importorskip("translate.storage.tmx")
    store = tmx.tmxfile(io.BytesIO(export_bytes(hant_sample(), "tmx")))
    assert [(u.source, u.target) for u in store.units][:2] == [
        ("Rain Plan", "雨露计划"),
        ("Dew Plan", "雨露计划"),
    ]
    assert store.units[0].gettarget("zh-Hant") == "雨露計劃"


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_only_the_omegat_glossary_and_the_tmx_leave_zh_hant_terms_out(fmt: str) -> None:
    # the TMX: relocation's, which has no zh-CN term (its preferred terms only, by design)
    found = {why: langs for why, langs in left_out(hant_sample(), fmt)}
    assert found == {
        "omegat": {"an OmegaT glossary holds one target language (zh-CN)": {"zh-Hant": 3}},
        "tmx": {"their concepts have no zh-CN term, which a glossary TMX unit needs": {"zh-Hant": 1}},
    }.get(fmt, {})
    assert left_out(exportable(sample()), fmt) == []


def regional_sample() -> Glossary:
    """zh-TW and zh-HK terms beside zh-CN and zh-Hant; a concept without English."""
    return Glossary(
        [
            Concept(
                "network",
                terms={
                    "en": [Term("network")],
                    "zh-CN": [Term("网络")],
                    "zh-HK": [Term("網絡")],
                    "zh-TW": [Term("網路"), Term("網絡", status=TermStatus.ADMITTED)],
                },
            ),
            Concept(
                "settings",
                terms={"en": [Term("settings")], "zh-Hant": [Term("設定")], "fr": [Term("paramètres")]},
            ),
            Concept("zh-only", terms={"zh-CN": [Term("只有")], "zh-TW": [Term("只有的")]}),
        ]
    )


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (
            "tmx",
            [
                (
                    "a glossary TMX holds en, zh-CN and zh-Hant terms only",
                    {"fr": 1, "zh-HK": 1, "zh-TW": 3},
                ),
                ("their concepts have no zh-CN term, which a glossary TMX unit needs", {"zh-Hant": 1}),
                ("their concepts have no English term, which a glossary TMX unit needs", {"zh-CN": 1}),
            ],
        ),
        (
            "omegat",
            [
                (
                    "an OmegaT glossary holds one target language (zh-CN)",
                    {"fr": 1, "zh-HK": 1, "zh-Hant": 1, "zh-TW": 3},
                ),
                ("their concepts have no English term, which an OmegaT glossary line needs", {"zh-CN": 1}),
            ],
        ),
        (
            "po",
            [
                (
                    "their concepts have no English term, which a PO entry needs as its msgid",
                    {"zh-CN": 1, "zh-TW": 1},
                )
            ],
        ),
        ("tbx", []),
        ("tbx2008", []),
        ("csv", []),
        ("tsv", []),
    ],
)
def test_every_language_an_export_leaves_out_is_counted(
    fmt: str, expected: list[tuple[str, dict[str, int]]]
) -> None:
    # (the zh-TW and zh-HK terms were left out of the TMX and the OmegaT glossary without
    # a word, and zh-only concepts out of the PO, the TMX and the OmegaT glossary)
    found = left_out(regional_sample(), fmt)
    assert found == expected
    assert [list(langs) for _why, langs in found] == [list(langs) for _why, langs in expected]
    data = export_bytes(regional_sample(), fmt).decode("utf-8")
    for why, langs in found[:1]:
        if "holds" in why:  # (no term of these languages is in the file)
            texts = {t.text for c in regional_sample() for lang in langs for t in c.terms_in(lang)}
            assert [text for text in texts if text in data] == []


@st.composite
def noted_glossaries(draw: st.DrawFn) -> Glossary:
    """Concepts whose free-text fields hold several lines, many of them label-like."""
    concepts = []
    for n in range(draw(st.integers(1, 2))):
        others = draw(st.lists(st.sampled_from(["恶词", "坏词", "劣词"]), max_size=2, unique=True))
        concepts.append(
            Concept(
                f"c{n}",
                status=draw(st.sampled_from([ReviewStatus.APPROVED, ReviewStatus.PROPOSED])),
                subject=draw(st.none() | field_text()),
                definition=draw(st.none() | field_text()),
                note=draw(st.none() | field_text()),
                provenance=draw(st.none() | field_text()),
                terms={
                    "en": [Term(f"term {n}", note=draw(st.none() | field_text()))],
                    "zh-CN": [
                        Term(f"术语{n}", note=draw(st.none() | field_text())),
                        *(
                            Term(f"{text}{n}", status=draw(st.sampled_from(list(TermStatus)[1:])))
                            for text in others
                        ),
                    ],
                },
            )
        )
    return Glossary(concepts)


def _fields(concept: Concept, fmt: str) -> tuple[object, ...]:
    """What an export of ``fmt`` carries of a concept, as it should read back."""

    def ws(text: str | None) -> str | None:  # (OmegaT comments are one line)
        return " ".join(text.split()) if text is not None else None

    terms = [(lang, t) for lang in ("en", "zh-CN") for t in concept.terms_in(lang)]
    if fmt == "tmx":  # (the preferred Chinese term only)
        terms = [(lang, t) for lang, t in terms if lang == "en" or t.status is TermStatus.PREFERRED]
    listed = sorted((lang, t.text, t.status) for lang, t in terms)
    if fmt == "omegat":
        return (concept.status, ws(concept.definition), ws(concept.note), listed)
    fields = (concept.status, concept.definition, concept.note, concept.subject, concept.provenance)
    notes = sorted((lang, t.text, t.note or "") for lang, t in terms)
    return (*fields, listed, [] if fmt == "po" else notes)  # (PO carries no term notes)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossary=noted_glossaries())
def test_no_line_of_a_field_is_read_back_as_another_field_or_a_term(fmt: str, glossary: Glossary) -> None:
    """A note or definition line that looks like what a format writes around the
    fields ("Definition: ...", "Also zh-CN (forbidden): ...", " | also: ...",
    "termkit:status=...") stays a line of its field: importing an unedited
    export gives back the same concepts (the OmegaT glossary's comments are one
    line, so there the fields come back with their line breaks as spaces)."""
    suffix = {"tbx2008": "tbx", "omegat": "txt"}.get(fmt, fmt)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export.{suffix}"
        path.write_bytes(export_bytes(glossary, fmt))
        back = read_concepts(str(path)).glossary
    if fmt == "omegat":  # (one concept per source term, named after it)
        got = {c.terms_in("en")[0].text: c for c in back}
        assert sorted(got) == sorted(c.terms_in("en")[0].text for c in glossary)
        for concept in glossary:
            assert _fields(got[concept.terms_in("en")[0].text], fmt) == _fields(concept, fmt)
        return
    got = {c.id: c for c in back}
    assert sorted(got) == sorted(c.id for c in glossary)
    for concept in glossary:
        assert _fields(got[concept.id], fmt) == _fields(concept, fmt)


def test_further_lines_of_a_po_field_are_indented_and_others_quoted() -> None:
    note = "Reviewed 2024.\nDefinition: see the 2011 Outline, section 3.\nAlso zh-CN (forbidden): 坏词"
    concept = Concept(
        "foo",
        note=note,
        definition="First.\n\nSecond ",  # (PO comment lines lose blank lines and end spaces)
        subject='"quoted"',
        terms={"en": [Term("foo")], "zh-CN": [Term("富")]},
    )
    text = export_bytes(Glossary([concept]), "po").decode("utf-8")
    assert (
        "#. Concept: foo\n"
        '#. Definition: "First.\\n\\nSecond "\n'
        "#. Note: Reviewed 2024.\n"
        "#.   Definition: see the 2011 Outline, section 3.\n"
        "#.   Also zh-CN (forbidden): 坏词\n"
        '#. Subject: "\\"quoted\\""\n'
        "#, fuzzy\n"
    ) in text
    [back] = memory_glossary(read_po(io.BytesIO(text.encode("utf-8")))).glossary
    assert (back.note, back.definition, back.subject) == (note, concept.definition, concept.subject)
    assert [t.text for t in back.terms_in("zh-CN")] == ["富"]


def test_a_po_field_written_before_its_lines_were_indented_still_reads() -> None:
    # (termkit wrote further lines of a field as they were; lines that are no label
    # still continue the field)
    memory = Memory(
        srclang="en",
        units=[
            TranslationUnit(
                {"en": Segment("foo"), "zh-CN": Segment("富")},
                notes=["Concept: foo", "Note: first line", "second line", "Subject: s"],
            )
        ],
    )
    [concept] = memory_glossary(memory).glossary
    assert (concept.note, concept.subject) == ("first line\nsecond line", "s")


def test_a_po_note_in_quotes_from_an_older_export_is_text() -> None:
    # (a review) an export from before the JSON strings wrote a definition in quotes as
    # it was; read as JSON, its quotes were dropped. A JSON string always holds an escape.
    assert _po_value('"Two no worries and three guarantees"') == '"Two no worries and three guarantees"'
    for value in ("ends in spaces  ", '"quoted"', "a\n\nb", "x\u3000"):
        [line] = po_field_lines("Note", value)
        written = line.removeprefix("Note: ")
        assert "\\" in written and _po_value(written) == value


def test_term_notes_go_through_the_glossary_po() -> None:
    """The notes of the msgid's, the msgstr's and the other terms are written as
    ``Term note`` lines and read back onto their terms (a PO round trip lost them)."""
    concept = Concept(
        "foo",
        status=ReviewStatus.APPROVED,
        note="Concept note.",
        terms={
            "en": [Term("foo", note="Say it slowly."), Term("fooing", TermStatus.ADMITTED, note="Verb.")],
            "zh-CN": [
                Term("富", note="Two lines.\nDefinition: not a field."),
                Term("赋", TermStatus.DEPRECATED),
            ],
            "zh-Hant": [Term("富", note="Taiwan.")],
        },
    )
    text = export_bytes(Glossary([concept]), "po").decode("utf-8")
    assert (
        "#. Concept: foo\n"
        "#. Note: Concept note.\n"
        "#. Term note (en): Say it slowly.\n"
        "#. Term note (zh-CN): Two lines.\n"
        "#.   Definition: not a field.\n"
        "#. Also en (admitted): fooing\n"
        "#. Term note: Verb.\n"
        "#. Also zh-CN (deprecated): 赋\n"
        "#. Also zh-Hant (preferred): 富\n"
        "#. Term note: Taiwan.\n"
    ) in text
    [back] = memory_glossary(read_po(io.BytesIO(text.encode("utf-8")))).glossary
    assert back.note == "Concept note." and back.definition is None
    notes = {(lang, t.text): t.note for lang, terms in back.terms.items() for t in terms}
    assert notes == {
        ("en", "foo"): "Say it slowly.",
        ("en", "fooing"): "Verb.",
        ("zh-CN", "富"): "Two lines.\nDefinition: not a field.",
        ("zh-CN", "赋"): None,
        ("zh-Hant", "富"): "Taiwan.",
    }


def test_an_id_the_memory_gives_is_never_taken_by_one_made_up_earlier() -> None:
    """A unit without a concept id got the slug of its text, ``rain-plan``; a later unit
    whose ``x-concept`` is ``rain-plan`` then became ``rain-plan-2``, marked made up:
    its real id was lost, and import matched it by term only."""
    memory = Memory(
        srclang="en",
        units=[
            TranslationUnit(segments={"en": Segment("Rain Plan"), "zh-CN": Segment("雨露工程")}),
            TranslationUnit(
                segments={"en": Segment("Dew Plan"), "zh-CN": Segment("雨露计划")},
                props=[("x-concept", "rain-plan")],
            ),
        ],
    )
    got = memory_glossary(memory).glossary
    assert [(c.id, c.made_up_id) for c in got] == [("rain-plan-2", True), ("rain-plan", False)]


FLAGGED = Glossary(
    [
        Concept(
            "rain-plan",
            status=ReviewStatus.APPROVED,
            terms={
                "en": [
                    Term("Rain Plan", pos="proper noun", case_sensitive=True),
                    Term("RP", status=TermStatus.ADMITTED, case_sensitive=True, review=ReviewStatus.PROPOSED),
                ],
                "zh-CN": [
                    Term("雨露计划", pos="noun", note="programme name", review=ReviewStatus.PROPOSED),
                    Term("雨露工程", status=TermStatus.DEPRECATED, pos="noun", note="older name"),
                ],
            },
        )
    ]
)


def _all_term_fields(concept: Concept) -> list[tuple[object, ...]]:
    return [
        (lang, t.text, t.status, t.pos, t.case_sensitive, t.review, t.note)
        for lang in ("en", "zh-CN")
        for t in concept.terms_in(lang)
    ]


@pytest.mark.parametrize(("src", "tgt"), [("en", "zh-CN"), ("zh-CN", "en")])
def test_the_glossary_po_keeps_each_terms_part_of_speech_case_and_review(
    src: str, tgt: str, tmp_path: Path
) -> None:
    """A glossary PO gave back the terms without their part of speech, case
    sensitivity (lint then matched "Rain Plan" in any case) and review: the TMX,
    TBX and CSV carry them, the PO had no line for them."""
    path = tmp_path / "g.po"
    path.write_bytes(export_bytes(FLAGGED, "po", None, src, tgt))
    text = path.read_text(encoding="utf-8")
    assert "#. Case-sensitive (en): yes\n" in text and "#. Part of speech (zh-CN): noun\n" in text
    assert "#. Term review (zh-CN): proposed\n" in text
    assert "#. Also en (admitted): RP\n#. Case-sensitive: yes\n#. Term review: proposed\n" in text
    assert "#. Also zh-CN (deprecated): 雨露工程\n#. Term note: older name\n#. Part of speech: noun\n" in text
    [back] = list(read_concepts(str(path)).glossary)
    assert _all_term_fields(back) == _all_term_fields(next(iter(FLAGGED)))
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True, capture_output=True)


def test_a_po_comment_like_a_term_field_without_an_also_line_stays_a_note() -> None:
    # (another tool's extracted comment is no field of a term)
    fields, also, rest = _po_notes(["Case-sensitive: yes", "Part of speech: noun"])
    assert (fields, also, rest) == ({"note": "Case-sensitive: yes\nPart of speech: noun"}, [], rest)


def tagged_sample() -> Glossary:
    """Chinese terms under tags of the same written language as zh-CN or zh-Hant, and
    regional ones (zh-SG, zh-TW)."""

    def concept(cid: str, en: str, tag: str, zh: str) -> Concept:
        return Concept(cid, terms={"en": [Term(en)], tag: [Term(zh)]})

    return Glossary(
        [
            concept("village", "entire village advancement", "zh-Hans", "整村推进"),
            concept("allowance", "minimum living allowance", "zh-Hans-CN", "最低生活保障"),
            concept("targeted", "targeted poverty alleviation", "zh", "精准扶贫"),
            concept("training", "training", "zh", "培訓"),
            concept("relocation", "poverty relocation", "zh-SG", "易地扶贫搬迁"),
            concept("member-state", "member state", "zh-TW", "會員國"),
            Concept(
                "both",
                terms={"en": [Term("rain plan")], "zh-CN": [Term("雨露计划")], "zh-Hans": [Term("雨露工程")]},
            ),
        ]
    )


def test_a_directed_export_takes_the_terms_of_tags_of_the_same_written_language() -> None:
    """Only terms under exactly zh-CN (and zh-Hant) were exported: a concept whose Chinese
    term was under zh-Hans, zh-Hans-CN (zh-CN itself) or a bare zh gave no TMX unit or
    OmegaT line and an empty msgstr, its terms counted as left out."""
    tmx = {
        u.id: {lang: s.text for lang, s in u.segments.items()} for u in glossary_memory(tagged_sample()).units
    }
    assert tmx == {
        "village": {"en": "entire village advancement", "zh-CN": "整村推进"},
        "allowance": {"en": "minimum living allowance", "zh-CN": "最低生活保障"},
        "targeted": {"en": "targeted poverty alleviation", "zh-CN": "精准扶贫"},
        "both": {"en": "rain plan", "zh-CN": "雨露计划"},
    }
    po = {u.id: u.text("zh-CN") for u in glossary_po_memory(tagged_sample()).units}
    assert po == {
        "village": "整村推进",
        "allowance": "最低生活保障",
        "targeted": "精准扶贫",
        "training": None,
        "relocation": None,
        "member-state": None,
        "both": "雨露计划",
    }
    hant = {u.id: u.text("zh-Hant") for u in glossary_memory(tagged_sample(), "en", "zh-Hant").units}
    assert hant == {"training": "培訓"}
    omegat = export_bytes(tagged_sample(), "omegat").decode("utf-8")
    assert "minimum living allowance\t最低生活保障\t[proposed]\n" in omegat
    assert "rain plan\t雨露计划\t[proposed] | also: 雨露工程 (preferred)\n" in omegat
    # (regional terms are kept apart, as before: Singapore and Taiwan usage differ; a
    # bare zh term in Traditional characters is none of zh-CN's)
    assert left_out(tagged_sample(), "omegat") == [
        ("an OmegaT glossary holds one target language (zh-CN)", {"zh": 1, "zh-SG": 1, "zh-TW": 1})
    ]


def test_a_bare_zh_tag_serves_each_term_by_its_own_characters() -> None:
    """A bare zh holding a Simplified preferred term and its Traditional form was taken
    whole for Traditional (any Traditional character of any of its terms): the concept
    gave no TMX unit, PO entry or OmegaT line, and its Simplified term was left out."""
    concept = Concept(
        "rain-plan",
        terms={
            "en": [Term("Rain Plan", TermStatus.PREFERRED)],
            "zh": [Term("雨露计划", TermStatus.PREFERRED), Term("雨露計劃", TermStatus.ADMITTED)],
        },
    )
    glossary = Glossary([concept])
    units = [{lang: s.text for lang, s in u.segments.items()} for u in glossary_memory(glossary).units]
    assert units == [{"en": "Rain Plan", "zh-CN": "雨露计划", "zh-Hant": "雨露計劃"}]
    assert [u.text("zh-CN") for u in glossary_po_memory(glossary).units] == ["雨露计划"]
    assert "Rain Plan\t雨露计划\t" in export_bytes(glossary, "omegat").decode("utf-8")


def test_cantonese_terms_are_no_chinese_terms_of_a_directed_export() -> None:
    """A yue-Hant (Cantonese) term was exported as the concept's zh-Hant term, and a bare
    yue one as its zh-CN or zh-Hant term: written Cantonese is a language of its own."""
    concept = Concept(
        "thanks",
        terms={"en": [Term("thank you")], "zh-CN": [Term("谢谢")], "yue-Hant": [Term("多謝")]},
    )
    glossary = Glossary([concept, Concept("bye", terms={"en": [Term("bye")], "yue": [Term("拜拜")]})])
    units = [{lang: s.text for lang, s in u.segments.items()} for u in glossary_memory(glossary).units]
    assert units == [{"en": "thank you", "zh-CN": "谢谢"}]
    assert [cause for cause, _ in left_out(glossary, "tmx")] != []
    assert all("yue" in langs or "yue-Hant" in langs for _, langs in left_out(glossary, "tmx"))
