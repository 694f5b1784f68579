"""Bilingual glossary spreadsheets: one row per concept, one column per language."""

from __future__ import annotations

import csv
import doctest
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import GLOSSARY, SHARED, require_shared
from termkit.errors import FormatError
from termkit.formats import bilingual_sheet
from termkit.formats.bilingual_sheet import Column, Kind, column_of, split_terms
from termkit.formats.glossary_csv import (
    csv_bytes,
    read_bilingual_csv,
    read_glossary_csv,
    read_omegat,
    read_sheet_glossary,
)
from termkit.formats.glossary_ids import slug, unique
from termkit.model import Concept, Glossary, ReviewStatus, Term, TermStatus

from .export_strategies import word

ADMITTED = TermStatus.ADMITTED


def read(text: str) -> Glossary:
    return read_bilingual_csv(io.BytesIO(text.encode("utf-8")), "csv")


def terms(concept: Concept) -> dict[str, list[str]]:
    return {lang: [t.text for t in items] for lang, items in concept.terms.items()}


def test_doctests() -> None:
    assert doctest.testmod(bilingual_sheet).failed == 0


def test_one_row_per_concept_one_column_per_language() -> None:
    data = "en,zh-CN\nRain Plan,雨露计划\nwhole village advancement,整村推进\n".encode()
    glossary, has_status = read_sheet_glossary(io.BytesIO(data), "csv")
    assert not has_status  # the sheet says nothing of review: import --status decides
    assert glossary.concepts == [
        Concept("rain-plan", terms={"en": [Term("Rain Plan")], "zh-CN": [Term("雨露计划")]}),
        Concept(
            "whole-village-advancement",
            terms={"en": [Term("whole village advancement")], "zh-CN": [Term("整村推进")]},
        ),
    ]
    assert all(c.status is ReviewStatus.PROPOSED for c in glossary)
    rain = glossary.concepts[0]
    assert rain.location is not None and (rain.location.line, rain.location.column) == (2, 1)
    location = rain.terms["zh-CN"][0].location
    assert location is not None and (location.line, location.column) == (2, 11)


COLUMNS = {
    # tags, in any case, with - or _
    "en": Column(Kind.TERM, "en"),
    "EN": Column(Kind.TERM, "en"),
    "en-US": Column(Kind.TERM, "en"),
    "en_GB": Column(Kind.TERM, "en"),
    "zh-CN": Column(Kind.TERM, "zh-CN"),
    "zh_cn": Column(Kind.TERM, "zh-CN"),
    "zh-Hans": Column(Kind.TERM, "zh-CN"),
    "zh-TW": Column(Kind.TERM, "zh-Hant"),
    "zh_HK": Column(Kind.TERM, "zh-Hant"),
    "zh-Hant": Column(Kind.TERM, "zh-Hant"),
    "zh": Column(Kind.TERM, "zh"),  # no script: each term by its characters
    "ja": Column(Kind.TERM, "ja"),
    "pt_BR": Column(Kind.TERM, "pt-BR"),
    # names
    "English": Column(Kind.TERM, "en"),
    "Chinese": Column(Kind.TERM, "zh"),
    "Chinese (Simplified)": Column(Kind.TERM, "zh-CN"),
    "Chinese (Traditional)": Column(Kind.TERM, "zh-Hant"),
    "Simplified Chinese": Column(Kind.TERM, "zh-CN"),
    "Chinese (Simplified, PRC)": Column(Kind.TERM, "zh-CN"),
    "Chinese (Traditional, Taiwan)": Column(Kind.TERM, "zh-Hant"),
    "English term": Column(Kind.TERM, "en"),
    "英文": Column(Kind.TERM, "en"),
    "英语": Column(Kind.TERM, "en"),
    "中文": Column(Kind.TERM, "zh"),
    "简体中文": Column(Kind.TERM, "zh-CN"),
    "繁體中文": Column(Kind.TERM, "zh-Hant"),
    "中文（简体）": Column(Kind.TERM, "zh-CN"),
    "中文术语": Column(Kind.TERM, "zh"),
    # memoQ / Smartcat
    "English_United_States": Column(Kind.TERM, "en"),
    "Chinese_PRC": Column(Kind.TERM, "zh-CN"),
    "Chinese_Taiwan": Column(Kind.TERM, "zh-Hant"),
    "Chinese_Hong_Kong": Column(Kind.TERM, "zh-Hant"),
    # Crowdin
    "Term [en]": Column(Kind.TERM, "en"),
    "Term [zh-CN]": Column(Kind.TERM, "zh-CN"),
    "Term [Chinese Traditional]": Column(Kind.TERM, "zh-Hant"),
    "Description [en]": Column(Kind.DEFINITION),
    "Description [zh-CN]": Column(Kind.TERM_NOTE, "zh-CN"),
    "Part of Speech [zh-CN]": Column(Kind.POS, "zh-CN"),
    # concept and term fields
    "note": Column(Kind.NOTE),
    "Notes": Column(Kind.NOTE),
    "comment": Column(Kind.NOTE),
    "Comments": Column(Kind.NOTE),
    "备注": Column(Kind.NOTE),
    "definition": Column(Kind.DEFINITION),
    "Description": Column(Kind.DEFINITION),
    "subject": Column(Kind.SUBJECT),
    "Domain": Column(Kind.SUBJECT),
    "pos": Column(Kind.POS, "en"),
    "Part of speech": Column(Kind.POS, "en"),
    "part_of_speech": Column(Kind.POS, "en"),
    "": Column(Kind.BLANK),
    # unknown: never taken for a language
    "ID": None,
    "No": None,
    "Source": None,
    "concept": None,
    "term": None,
    "Simplified": None,
    "Chinese English": None,
    "English (Simplified)": None,
    "Status [en]": None,
}


@pytest.mark.parametrize("header", sorted(COLUMNS))
def test_what_a_header_names(header: str) -> None:
    assert column_of(header) == COLUMNS[header]


@pytest.mark.parametrize(
    "header",
    [
        "en,zh-CN",
        "EN,ZH_CN",
        "English,Chinese (Simplified)",
        "英文,简体中文",
        "Term [en],Term [zh-CN]",
        "English_United_States,Chinese_PRC",
        "en-US,zh-Hans",
        "Chinese (Simplified),English",
    ],
)
def test_the_header_styles_users_bring(header: str) -> None:
    first = header.split(",")[0]
    row = "Rain Plan,雨露计划" if column_of(first) == Column(Kind.TERM, "en") else "雨露计划,Rain Plan"
    (concept,) = read(f"{header}\n{row}\n")
    assert concept.id == "rain-plan"
    assert terms(concept) == {"en": ["Rain Plan"], "zh-CN": ["雨露计划"]}


def test_concept_and_term_fields() -> None:
    (concept,) = read(
        "Term [en],Part of Speech [en],Description [en],Term [zh-CN],Description [zh-CN],subject,notes\n"
        "Rain Plan,noun,Vocational training subsidy.,雨露计划; 雨露工程,官方名称,poverty alleviation,seed 3\n"
    )
    assert concept == Concept(
        "rain-plan",
        subject="poverty alleviation",
        definition="Vocational training subsidy.",
        note="seed 3",
        terms={
            "en": [Term("Rain Plan", pos="noun")],
            # the description of a language is the note of its first term
            "zh-CN": [Term("雨露计划", note="官方名称"), Term("雨露工程", ADMITTED)],
        },
    )


def test_pos_is_the_part_of_speech_of_every_english_term_of_the_row() -> None:
    (concept,) = read("en,zh-CN,Part of speech\npoor household; needy household,贫困户,noun\n")
    assert [(t.text, t.pos, t.status) for t in concept.terms["en"]] == [
        ("poor household", "noun", TermStatus.PREFERRED),
        ("needy household", "noun", ADMITTED),
    ]
    assert concept.terms["zh-CN"][0].pos is None


@pytest.mark.parametrize(
    "cell,expected",
    [
        ("Rain Plan", ["Rain Plan"]),
        ("Rain Plan; Dew Plan", ["Rain Plan", "Dew Plan"]),
        ("Rain Plan|Dew Plan | Rain Programme", ["Rain Plan", "Dew Plan", "Rain Programme"]),
        ("雨露计划；雨露工程", ["雨露计划", "雨露工程"]),
        ("雨露计划｜雨露工程", ["雨露计划", "雨露工程"]),
        ("Rain Plan\r\nDew Plan\n", ["Rain Plan", "Dew Plan"]),  # Alt+Enter in Excel
        (" Rain Plan ;; ", ["Rain Plan"]),
        # commas, 、 and / are parts of terms
        ("one village, one product", ["one village, one product"]),
        ("引进来、走出去", ["引进来、走出去"]),
        ("county/district", ["county/district"]),
        ("", []),
    ],
)
def test_a_cell_holds_several_terms(cell: str, expected: list[str]) -> None:
    assert split_terms(cell) == expected


def test_no_term_of_the_bundled_glossary_holds_a_separator() -> None:
    """The rule is safe for real terms: none of the bundled glossary would be split."""
    from termkit.glossary_file import load_glossary

    glossary, _files = load_glossary([GLOSSARY])
    texts = [t.text for c in glossary for items in c.terms.values() for t in items]
    assert len(texts) > 500
    assert [t for t in texts if split_terms(t) != [t]] == []


def test_first_term_preferred_others_admitted_per_language() -> None:
    (concept,) = read('en,zh-CN\n"Rain Plan; Dew Plan",雨露计划|雨露工程|雨露计划\n')
    assert [(t.text, t.status) for t in concept.terms["en"]] == [
        ("Rain Plan", TermStatus.PREFERRED),
        ("Dew Plan", ADMITTED),
    ]
    assert [(t.text, t.status) for t in concept.terms["zh-CN"]] == [
        ("雨露计划", TermStatus.PREFERRED),
        ("雨露工程", ADMITTED),
    ]


@pytest.mark.parametrize("zh", ["zh", "Chinese", "中文", "Term [zh]"])
def test_a_column_naming_no_script_reads_traditional_terms_as_zh_hant(zh: str) -> None:
    first, second = read(f"en,{zh}\nRain Plan,雨露計劃; 雨露计划\nhamlet board,村委会\n")
    assert first.terms == {
        "en": [Term("Rain Plan")],
        "zh-Hant": [Term("雨露計劃")],
        "zh-CN": [Term("雨露计划")],  # each script has its own preferred term
    }
    assert terms(second) == {"en": ["hamlet board"], "zh-CN": ["村委会"]}


def test_a_traditional_column_gives_zh_hant_whatever_the_text() -> None:
    (concept,) = read("English,Chinese (Simplified),Chinese (Traditional)\nRain Plan,雨露计划,雨露計劃\n")
    assert terms(concept) == {"en": ["Rain Plan"], "zh-CN": ["雨露计划"], "zh-Hant": ["雨露計劃"]}


def test_several_columns_of_one_language_are_read_in_column_order() -> None:
    (concept,) = read("en-US,en-GB,zh-CN,zh-CN\ncentre; center,centre,中心,中央\n")
    assert [(t.text, t.status) for t in concept.terms["en"]] == [
        ("centre", TermStatus.PREFERRED),
        ("center", ADMITTED),
    ]
    assert [(t.text, t.status) for t in concept.terms["zh-CN"]] == [
        ("中心", TermStatus.PREFERRED),
        ("中央", ADMITTED),
    ]


def test_ids_are_slugs_of_the_english_term_else_of_the_first_term_as_for_omegat() -> None:
    sheet = "en,zh-CN\nRain Plan,雨露计划\nrain plan,雨露工程\n,易地搬迁\nRain  Plan!,雨露\n"
    glossary = read(sheet)
    assert [c.id for c in glossary] == ["rain-plan", "rain-plan-2", slug("易地搬迁"), "rain-plan-3"]
    assert slug("易地搬迁").startswith("term-")
    assert terms(glossary.concepts[2]) == {"zh-CN": ["易地搬迁"]}
    # the OmegaT reader names the same entries the same way (its source being the first column)
    omegat = read_omegat(
        io.BytesIO(b"Rain Plan\t1\nrain plan\t2\n\xe6\x98\x93\xe5\x9c\xb0\xe6\x90\xac\xe8\xbf\x81\t3\n")
    )
    assert [c.id for c in omegat] == ["rain-plan", "rain-plan-2", slug("易地搬迁")]


def test_rows_with_the_same_english_term_are_one_concept_as_for_omegat() -> None:
    glossary = read(
        "en,zh-CN,note,definition\n"
        "Rain Plan,雨露计划,from the seed,Training subsidy.\n"
        "Rain Plan; Dew Plan,雨露工程,from the outline,\n"
        "Rain Plan,雨露计划,from the seed,Training subsidy.\n"
    )
    (concept,) = glossary
    assert concept == Concept(
        "rain-plan",
        definition="Training subsidy.",
        note="from the seed\nfrom the outline",
        terms={
            "en": [Term("Rain Plan"), Term("Dew Plan", ADMITTED)],
            "zh-CN": [Term("雨露计划"), Term("雨露工程", ADMITTED)],
        },
    )
    # OmegaT's reader groups lines of one source term the same way
    (omegat,) = read_omegat(io.BytesIO("Rain Plan\t雨露计划\nRain Plan\t雨露工程\n".encode()))
    assert omegat.terms["zh-CN"] == concept.terms["zh-CN"]


def test_rows_whose_subjects_tell_them_apart_are_homographs() -> None:
    glossary = read(
        "en,zh-CN,subject\n"
        "comment,备注,documents\n"
        "comment,注释,source code\n"
        "comment,代码注释,Source  Code\n"  # the same subject, spacing and case aside
    )
    assert [(c.id, c.subject, terms(c)) for c in glossary] == [
        ("comment", "documents", {"en": ["comment"], "zh-CN": ["备注"]}),
        ("comment-2", "source code", {"en": ["comment"], "zh-CN": ["注释", "代码注释"]}),
    ]


@pytest.mark.parametrize(
    ("text", "line", "blank"),
    [
        # (a review) the row without a subject joined the first homograph: 评论 became a
        # synonym of 备注 (documents), as the import no longer does with such entries
        ("comment,备注,documents\ncomment,注释,source code\ncomment,评论,\n", 4, 4),
        # ... or, before them, the first homograph with a subject: 评论 preferred in source code
        ("comment,评论,\ncomment,注释,source code\ncomment,备注,documents\n", 4, 2),
    ],
)
def test_a_row_without_a_subject_among_homographs_is_an_error(text: str, line: int, blank: int) -> None:
    with pytest.raises(FormatError) as info:
        read("en,zh-CN,subject\n" + text)
    assert (info.value.line, info.value.column) == (line, 12)
    assert "homographs told apart by subject (row " in str(info.value)
    assert f"give row {blank} the subject of its concept (column 'subject')" in str(info.value)


def test_a_row_without_a_subject_joins_the_concept_that_has_one() -> None:
    (concept,) = read("en,zh-CN,subject\ncomment,注释,\ncomment,,源代码\ncomment,备注,\n")
    assert (concept.subject, terms(concept)) == ("源代码", {"en": ["comment"], "zh-CN": ["注释", "备注"]})


def test_the_unbis_sample_is_a_bilingual_sheet() -> None:
    """A real ``en<TAB>zh`` term list: every row a concept, the rows of one English
    label one concept; a heading whose label holds ';' is split (the documented limit)."""
    path = require_shared(SHARED / "terminology" / "unbis-dev.tsv")
    glossary, has_status = read_sheet_glossary(path)
    assert not has_status
    rows = path.read_text(encoding="utf-8").count("\n") - 1
    assert (rows, len(glossary)) == (3672, 3653)
    assert {lang for concept in glossary for lang in concept.terms} == {"en", "zh-CN"}
    geography = glossary.get("geography")
    assert geography is not None and terms(geography) == {"en": ["GEOGRAPHY"], "zh-CN": ["地理", "地理学"]}
    heading = glossary.get("agricultural-economics-and-policy")
    assert heading is not None and terms(heading)["en"] == [
        "AGRICULTURAL ECONOMICS AND POLICY",
        "RURAL SOCIOLOGY",
    ]


def test_tsv_with_bom_and_crlf_as_excel_saves_it(tmp_path: Path) -> None:
    path = tmp_path / "glossary.tsv"
    path.write_bytes(
        '\ufeffEnglish\t中文\t备注\r\nRain Plan\t雨露计划\t"two\r\nlines"\r\n\r\npoverty line\t贫困线\t\r\n'.encode()
    )
    first, second = read_glossary_csv(path)  # the dialect from the extension
    # (a CRLF in a quoted cell is a line break, read as LF: no CR in the glossary)
    assert (first.id, first.note, terms(second)) == (
        "rain-plan",
        "two\nlines",
        {"en": ["poverty line"], "zh-CN": ["贫困线"]},
    )
    assert second.location is not None and second.location.line == 5


def test_csv_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_bytes(
        b"\xef\xbb\xbfen,zh-CN\r\nRain Plan,\xe9\x9b\xa8\xe9\x9c\xb2\xe8\xae\xa1\xe5\x88\x92\r\n"
    )
    (concept,) = read_glossary_csv(path)
    assert terms(concept) == {"en": ["Rain Plan"], "zh-CN": ["雨露计划"]}


def test_termkit_spreadsheet_is_read_as_before() -> None:
    """A ``lang`` column makes it termkit's own shape, with statuses: never a bilingual sheet."""
    sample = Glossary(
        [
            Concept(
                "rain-plan",
                status=ReviewStatus.APPROVED,
                terms={"en": [Term("Rain Plan")], "zh-CN": [Term("雨露计划")]},
            )
        ]
    )
    glossary, has_status = read_sheet_glossary(io.BytesIO(csv_bytes(sample)), "csv")
    assert has_status and glossary.concepts == sample.concepts
    with pytest.raises(FormatError, match="unknown column 'en' \\(known: concept, lang"):
        read_glossary_csv(io.BytesIO(b"concept,lang,term,en\nx,en,a,b\n"), "csv")
    with pytest.raises(FormatError, match="a 'lang' column: this is termkit's one-row-per-term"):
        read_bilingual_csv(io.BytesIO(csv_bytes(sample)), "csv")


BAD_SHEETS = {
    "unknown column": (
        "en,zh-CN,ID\nRain Plan,雨露计划,7\n",
        1,
        10,
        "unknown column 'ID': a bilingual sheet has a column per language",
    ),
    "column of the other shape": (
        "en,zh-CN,concept\nRain Plan,雨露计划,rain\n",
        1,
        10,
        "unknown column 'concept': a column of termkit's one-row-per-term spreadsheet",
    ),
    "neither shape": (
        "source,target\nRain Plan,雨露计划\n",
        1,
        1,
        "unknown column 'source': termkit reads its own spreadsheet, one row per term (columns concept, "
        "lang, term, term_status...), and bilingual ones, one row per concept: a bilingual sheet has",
    ),
    "one language": ("English,note\nRain Plan,x\n", 1, 1, "one language only ('English'): termkit reads"),
    "no language": ("note,subject\nx,y\n", 1, 1, "no language column: termkit reads"),
    "long form without lang": ("concept,term\nx,y\n", 1, 1, "missing column 'lang': termkit reads"),
    "semicolons": (
        "en;zh-CN\nRain Plan;雨露计划\n",
        1,
        1,
        "the file seems to be separated by ';': save it separated by commas, or by tabs as .tsv",
    ),
    "two note columns": (
        "en,zh-CN,note,comments\na,b,c,d\n",
        1,
        15,
        "columns 'note' and 'comments' both give the concept note; keep one of them",
    ),
    "two definitions": (
        "Term [en],Term [zh-CN],definition,Description [en]\na,b,c,d\n",
        1,
        35,
        "columns 'definition' and 'Description [en]' both give the definition",
    ),
    "value without header": (
        "en,zh-CN,\nRain Plan,雨露计划,\npoverty line,贫困线,x\n",
        3,
        18,
        "a value in a column without a header: name the column (en, zh-CN, note...) or delete the value "
        "(column 3)",
    ),
    "no term": ("en,zh-CN,note\n,,a note\n", 2, 1, "a row without a term: fill a language column"),
    "pos without english": (
        "zh-CN,en,pos\n雨露计划,,noun\n",
        2,
        7,
        "a part of speech but no en term in the row; add the term or clear the cell (column 'pos')",
    ),
    "description without term": (
        "en,zh-CN,Description [zh-CN]\nRain Plan,,x\n",
        2,
        12,
        "a description but no zh-CN term in the row",
    ),
    "rows disagree": (
        "en,zh-CN,definition\nRain Plan,雨露计划,A subsidy.\nRain Plan,雨露工程,A plan.\n",
        3,
        16,
        "rows 2 and 3 of concept 'rain-plan' disagree on definition ('A subsidy.' vs 'A plan.'); make them "
        "say the same, or leave one of the cells empty (column 'definition')",
    ),
    "pos disagrees": (
        "en,zh-CN,pos\nRain Plan,雨露计划,noun\nRain Plan,,verb\n",
        3,
        12,
        "disagree on the part of speech of 'Rain Plan' ('noun' vs 'verb')",
    ),
    "too many cells": ("en,zh-CN\nRain Plan,雨露计划,x\n", 2, 1, "3 fields but the header has 2"),
    "empty": ("", 1, 1, "empty file"),
}


@pytest.mark.parametrize("case", sorted(BAD_SHEETS))
def test_bad_sheets_fail_located(case: str, tmp_path: Path) -> None:
    text, line, column, message = BAD_SHEETS[case]
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as info:
        read_glossary_csv(path)
    assert (info.value.path, info.value.line, info.value.column) == (str(path), line, column)
    assert message in info.value.message
    assert "\n" not in str(info.value)


# --------------------------------------------------------------------------
# Round trip: a sheet written with the csv module reads back into the same concepts

SEPARATORS = ";|；｜"
TERM = word().filter(lambda t: not any(c in SEPARATORS for c in t))


@st.composite
def sheets(draw: st.DrawFn) -> list[tuple[list[str], list[str], str]]:
    """Rows of (English terms, Chinese terms, note); the first English terms unique."""
    rows = draw(
        st.lists(
            st.tuples(
                st.lists(TERM, min_size=1, max_size=3, unique=True),
                st.lists(TERM, min_size=0, max_size=3, unique=True),
                st.just("") | TERM,
            ),
            min_size=1,
            max_size=6,
            unique_by=lambda row: row[0][0],
        )
    )
    return rows


@settings(max_examples=80, deadline=None)
@given(
    sheets(),
    st.sampled_from([("en", "zh-CN"), ("English", "Chinese (Simplified)"), ("Term [en]", "简体中文")]),
    st.sampled_from(["csv", "tsv"]),
    st.sampled_from(["; ", "|", "；", " | "]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_a_sheet_written_with_the_csv_module_reads_back_into_the_same_concepts(
    rows: list[tuple[list[str], list[str], str]],
    header: tuple[str, str],
    dialect: str,
    separator: str,
    line_end: str,
    bom: bool,
) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="," if dialect == "csv" else "\t", lineterminator=line_end)
    writer.writerow([*header, "note"])
    for en, zh, note in rows:
        writer.writerow([separator.join(en), separator.join(zh), note])
    data = ("\ufeff" if bom else "") + buf.getvalue()
    glossary, has_status = read_sheet_glossary(io.BytesIO(data.encode("utf-8")), dialect)
    assert not has_status

    taken: set[str] = set()
    expected = []
    for en, zh, note in rows:
        cid = unique(slug(en[0]), taken)
        taken.add(cid)
        concept_terms = {
            "en": [Term(t, TermStatus.PREFERRED if i == 0 else ADMITTED) for i, t in enumerate(en)]
        }
        if zh:
            concept_terms["zh-CN"] = [
                Term(t, TermStatus.PREFERRED if i == 0 else ADMITTED) for i, t in enumerate(zh)
            ]
        expected.append(Concept(cid, note=note or None, terms=concept_terms))
    assert glossary.concepts == expected
