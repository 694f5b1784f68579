"""Glossary spreadsheets (CSV/TSV) and OmegaT glossaries."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import finishes_in_a_child
from termkit.errors import FormatError
from termkit.formats.glossary_csv import (
    COLUMNS,
    OmegatComment,
    OmegatRow,
    csv_bytes,
    omegat_bytes,
    omegat_comment,
    parse_omegat_comment,
    read_glossary_csv,
    read_omegat,
    read_omegat_glossary,
    read_omegat_rows,
    source_status_comment,
    split_source_status,
    write_omegat_rows,
)
from termkit.model import Concept, Glossary, ReviewStatus, Source, Term, TermStatus

from .export_strategies import ANY_CHAR, CJK, glossaries, line

NO_NUL = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")


def sample() -> Glossary:
    return Glossary(
        [
            Concept(
                "rain-plan",
                status=ReviewStatus.APPROVED,
                subject="poverty alleviation",
                definition='Vocational training subsidy, "Rain" programme',
                note="multi\nline",
                sources=[Source("seed.txt", "【雨露计划】"), Source("outline.txt")],
                terms={
                    "en": [Term("Rain Plan", pos="noun", case_sensitive=True)],
                    "zh-CN": [
                        Term("雨露计划"),
                        Term(
                            "雨露工程",
                            status=TermStatus.DEPRECATED,
                            score=0.25,
                            review=ReviewStatus.PROPOSED,
                            evidence=["a.tsv:3", "b.tsv:9"],
                        ),
                    ],
                },
            ),
            Concept("orphan", note="no terms yet"),
        ]
    )


def parse(data: bytes, dialect: str) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter="," if dialect == "csv" else "\t"))


def test_csv_layout_exactly() -> None:
    data = csv_bytes(sample(), "csv")
    assert data.startswith(b"\xef\xbb\xbfconcept,lang,term,term_status,")
    rows = parse(data, "csv")
    assert rows[0] == list(COLUMNS)
    assert rows[1] == [
        "rain-plan",
        "en",
        "Rain Plan",
        "preferred",
        "noun",
        "",
        "yes",
        "",
        "",
        "",
        "approved",
        "poverty alleviation",
        'Vocational training subsidy, "Rain" programme',
        "multi\nline",
        "",
        "seed.txt § 【雨露计划】\noutline.txt",
    ]
    assert rows[3][:10] == [
        "rain-plan",
        "zh-CN",
        "雨露工程",
        "deprecated",
        "",
        "",
        "",
        "proposed",
        "0.25",
        "a.tsv:3\nb.tsv:9",
    ]
    assert rows[4] == ["orphan", *[""] * 9, "proposed", "", "", "no terms yet", "", ""]
    assert len(rows) == 5


@pytest.mark.parametrize("dialect", ["csv", "tsv"])
def test_unedited_export_reads_back_the_same_concepts(dialect: str) -> None:
    data = csv_bytes(sample(), dialect)
    assert read_glossary_csv(io.BytesIO(data), dialect).concepts == sample().concepts
    assert data == csv_bytes(sample(), dialect)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries(NO_NUL, langs=("en", "zh-CN", "zh-Hant-TW")), st.sampled_from(["csv", "tsv"]))
def test_spreadsheet_round_trip(glossary: Glossary, dialect: str) -> None:
    for concept in glossary:
        for terms in concept.terms.values():
            for i, term in enumerate(terms):
                term.score = [None, 0.5, 1e-7, 3.0][i % 4]
                term.evidence = [f"x.tsv:{i}", "中文:1"][: i % 3]
    data = csv_bytes(glossary, dialect)
    assert read_glossary_csv(io.BytesIO(data), dialect).concepts == glossary.concepts


FORMULA_TEXTS = ['=HYPERLINK("http://x","y")', "+86 10 1234", "-ism", "@mention", "\t=1+1", "\t\t-x"]


@pytest.mark.parametrize("dialect", ["csv", "tsv"])
def test_no_cell_is_a_spreadsheet_formula_and_each_reads_back(dialect: str) -> None:
    """A cell that starts with =, +, - or @ is a formula to Excel, LibreOffice and Google
    Sheets (OWASP's "CSV injection"): it is written after a tab, which import drops."""
    glossary = Glossary(
        [
            Concept(
                f"c{i}",
                subject=text,
                definition=text,
                note=text,
                terms={"en": [Term(text.strip() or "x", note=text, score=-0.5)], "zh-CN": [Term("某")]},
            )
            for i, text in enumerate(FORMULA_TEXTS)
        ]
    )
    data = csv_bytes(glossary, dialect)
    rows = list(
        csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter="," if dialect == "csv" else "\t")
    )
    cells = [cell for row in rows for cell in row]
    assert not [
        cell for cell in cells if cell[:1] in ("=", "+", "@") or (cell.startswith("-") and cell != "-0.5")
    ]
    assert "\t-ism" in cells and "-0.5" in cells  # (a plain number is no formula)
    assert read_glossary_csv(io.BytesIO(data), dialect).concepts == glossary.concepts


def test_a_formula_cell_is_quoted_in_csv_too() -> None:
    """The tab before a formula start was written unquoted in CSV (``,\t-ism,``), though
    docs/exchange.md says "inside its quotes": a spreadsheet that trims the spaces of
    unquoted cells (an import option of LibreOffice, Google Sheets) ran the formula."""
    glossary = Glossary([Concept("c", terms={"en": [Term("-ism")], "zh-CN": [Term("主义")]})])
    data = csv_bytes(glossary, "csv").decode("utf-8-sig")
    assert 'c,en,"\t-ism",preferred' in data
    assert read_glossary_csv(io.BytesIO(data.encode("utf-8")), "csv").concepts == glossary.concepts


@settings(max_examples=40, deadline=None)
@given(st.text("=+-@\tx.5", max_size=5), st.sampled_from(["csv", "tsv"]))
def test_cells_of_formula_characters_read_back(value: str, dialect: str) -> None:
    # (a concept field of spaces only reads back as none: an empty cell says nothing)
    definition = value if value.strip() else None
    glossary = Glossary([Concept("c", definition=definition, terms={"en": [Term("x", note=value or None)]})])
    data = csv_bytes(glossary, dialect)
    assert read_glossary_csv(io.BytesIO(data), dialect).concepts == glossary.concepts


def test_columns_in_any_order_and_missing_optional_columns(tmp_path: Path) -> None:
    path = tmp_path / "edited.csv"
    path.write_text(
        "Term,Concept,Lang,Term Status\n贫困线,poverty-line,zh_cn,preferred\npoverty line,poverty-line,EN,\n",
        encoding="utf-8",
    )
    (concept,) = read_glossary_csv(path)
    assert concept.terms == {"zh-CN": [Term("贫困线")], "en": [Term("poverty line")]}
    assert concept.status is ReviewStatus.PROPOSED


def test_tsv_from_a_spreadsheet_with_quotes_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "sheet.tsv"
    path.write_bytes(b'concept\tlang\tterm\tdefinition\r\nx\ten\tpoverty\t"two\tcells\r\nand lines"\r\n')
    (concept,) = read_glossary_csv(path)
    assert concept.definition == "two\tcells\nand lines"  # (the line break read as LF)


BAD_SHEETS = {
    "unknown column": ("concept,lang,term,comment\nx,en,a,b\n", 1, 19, "unknown column 'comment'"),
    "missing column": ("concept,lang\nx,en\n", 1, 1, "missing column 'term'"),
    "bad status": ("concept,lang,term,term_status\nx,en,a,maybe\n", 2, 8, "unknown value 'maybe'"),
    "bad lang": (
        "concept,lang,term\nx,english language,a\n",
        2,
        3,
        "'english language' is not a language tag",
    ),
    "no concept": ("concept,lang,term\n,en,a\n", 2, 1, "empty concept id"),
    "disagree": (
        "concept,lang,term,subject\nx,en,a,poverty\nx,zh-CN,贫困,rural\n",
        3,
        12,
        "rows 2 and 3 of concept 'x' disagree on subject ('poverty' vs 'rural')",
    ),
    "duplicate": ("concept,lang,term\nx,en,a\nx,en,a\n", 3, 6, "'a' is listed twice"),
    "bad score": ("concept,lang,term,score\nx,en,a,high\n", 2, 8, "'high' is not a number"),
    "too many": ("concept,lang,term\nx,en,a,b\n", 2, 1, "4 fields but the header has 3"),
    # a stray quote that opens a cell runs it on into the next lines: it was reported
    # where the csv module noticed, without saying what to do ("malformed row: ','
    # expected after '"'" at line 4:1, or at the end of the file)
    "stray quote": (
        'concept,lang,term\nx,en,a\ny,zh-CN,"乙,\nz,en,c\nw,en,"d"\n',
        3,
        9,
        "a quoted cell that does not end where its cell does (',' expected after '\"'); a cell that holds a "
        'quote, the delimiter or a line break is written in double quotes, each quote in it doubled ("")',
    ),
    "text after a quote": ('concept,lang,term\n"x",en,"a"b\n', 2, 8, "a quoted cell that does not end where"),
    "never closed": ('concept,lang,term\nx,en,"a\ny,en,b\n', 2, 6, "(unexpected end of data)"),
}


@pytest.mark.parametrize("case", sorted(BAD_SHEETS))
def test_bad_spreadsheets_fail_located(case: str, tmp_path: Path) -> None:
    text, line, column, message = BAD_SHEETS[case]
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as info:
        read_glossary_csv(path)
    assert (info.value.line, info.value.column) == (line, column)
    assert message in info.value.message


def test_nul_is_refused_on_write() -> None:
    with pytest.raises(FormatError, match="concept 'n': a NUL character"):
        csv_bytes(Glossary([Concept("n", note="a\x00b")]))


# --------------------------------------------------------------------------
# OmegaT


def test_omegat_rows_and_bytes() -> None:
    glossary = Glossary(
        [
            Concept(
                "rain-plan",
                status=ReviewStatus.APPROVED,
                definition="Training subsidy",
                terms={
                    "en": [Term("Rain Plan"), Term("Rainy Plan", status=TermStatus.FORBIDDEN)],
                    "zh-CN": [Term("雨露计划"), Term("雨露工程", status=TermStatus.DEPRECATED)],
                },
            ),
            Concept("poor-village", terms={"en": [Term("poor village")], "zh-CN": [Term("贫困村")]}),
            Concept("no-zh", terms={"en": [Term("untranslated")]}),
        ]
    )
    data = omegat_bytes(glossary)
    assert data.decode("utf-8") == (
        "\ufeff# termkit glossary for OmegaT: source<TAB>target<TAB>comment, UTF-8\n"
        "Rain Plan\t雨露计划\tTraining subsidy | also: 雨露工程 (deprecated)\n"
        "Rainy Plan\t雨露计划\tforbidden term; use: Rain Plan | Training subsidy | also: 雨露工程 (deprecated)\n"
        "poor village\t贫困村\t[proposed]\n"
    )
    sources = [r.source for r in read_omegat_rows(io.BytesIO(data))]
    assert sources == ["Rain Plan", "Rainy Plan", "poor village"]


def test_omegat_reader_follows_omegat(tmp_path: Path) -> None:
    path = tmp_path / "glossary.txt"
    path.write_bytes(
        "\ufeff# comment\r\n  贫困线 \tpoverty line\textra\tignored\r\n#x\ty\n"
        "onlyone\n\tno source\nempty target\t\tcomment\ntrailing\ttabs\t\t\n".encode()
    )
    rows = read_omegat_rows(path)
    assert rows == [
        OmegatRow("贫困线", "poverty line", "extra"),
        OmegatRow("empty target", "", "comment"),
        OmegatRow("trailing", "tabs", ""),
    ]
    assert [r.line for r in rows] == [2, 6, 7]


def test_omegat_glossary_groups_targets() -> None:
    data = "poverty\t贫困\tfirst\npoverty\t贫穷\tsecond\npoverty\t贫困\tfirst\n雨露计划\tRain Plan\n".encode()
    glossary = read_omegat(io.BytesIO(data))
    first, second = glossary
    assert first.id == "poverty"
    assert first.terms["zh-CN"] == [Term("贫困"), Term("贫穷", status=TermStatus.ADMITTED)]
    assert first.note == "first\nsecond"
    assert second.id.startswith("term-")


@pytest.mark.parametrize(
    "comment,parsed",
    [
        ("", OmegatComment()),
        ("[proposed]", OmegatComment(ReviewStatus.PROPOSED)),
        ("A definition. | Note: a note", OmegatComment(definition="A definition.", note="a note")),
        ("Note: only a note", OmegatComment(note="only a note")),
        # a | or a backslash in a text, a ( in a term, and a definition that reads as another part
        # are written after a backslash: no text is ever read back as another part
        ("a \\| b | Note: c \\| d", OmegatComment(definition="a | b", note="c | d")),
        ("\\[proposed]", OmegatComment(definition="[proposed]")),
        ("[proposed] | \\Note: x | Note: y", OmegatComment(ReviewStatus.PROPOSED, "Note: x", "y")),
        ("\\also: 坏词 (forbidden)", OmegatComment(definition="also: 坏词 (forbidden)")),
        ("Note: z \\| also: 坏词 (forbidden)", OmegatComment(note="z | also: 坏词 (forbidden)")),
        # a backslash is doubled only before \\, | and ( and at either end: OmegaT shows
        # comments as written, and a path or pattern keeps its backslashes (a review)
        ("back\\slash", OmegatComment(definition="back\\slash")),
        (
            "see C:\\docs\\rain.pdf | Note: \\\\d+ matches",
            OmegatComment(definition="see C:\\docs\\rain.pdf", note="\\d+ matches"),
        ),
        ("ends in \\\\", OmegatComment(definition="ends in \\")),
        # (a review) a backslash before trailing spaces, which the comment trims, is the end
        ("Note: see C:\\docs\\\\", OmegatComment(note="see C:\\docs\\")),
        ("a \\\\\\| b", OmegatComment(definition="a \\| b")),
        (
            "also: x \\(admitted), y (preferred)",
            OmegatComment(others=[("x (admitted), y", TermStatus.PREFERRED)]),
        ),
        (
            "[rejected] | d | also: 雨露工程 (deprecated), 雨露 (admitted)",
            OmegatComment(
                ReviewStatus.REJECTED,
                "d",
                others=[("雨露工程", TermStatus.DEPRECATED), ("雨露", TermStatus.ADMITTED)],
            ),
        ),
        ("[approved] \\| x", OmegatComment(definition="[approved] | x")),
        # the subject field, which tells homographs apart in OmegaT's glossary pane
        ("Subject: source code", OmegatComment(subject="source code")),
        (
            "[proposed] | Subject: 评价\\|讨论 | d | Note: n",
            OmegatComment(ReviewStatus.PROPOSED, "d", "n", subject="评价|讨论"),
        ),
        ("\\Subject: x", OmegatComment(definition="Subject: x")),
        ("Subject: s | \\Subject: x", OmegatComment(definition="Subject: x", subject="s")),
    ],
)
def test_omegat_comment_reads_back_into_its_fields(comment: str, parsed: OmegatComment) -> None:
    assert parse_omegat_comment(comment) == parsed
    assert (
        omegat_comment(parsed.status, parsed.definition, parsed.note, parsed.others, parsed.subject)
        == comment
    )


@pytest.mark.parametrize("blank", [" ", "\t", "\n"])
def test_a_blank_subject_or_note_is_not_written_into_the_comment(blank: str) -> None:
    # (a review) it was written "Subject:" (or "Note:"), trimmed, and read back as the
    # definition "Subject:"
    for comment in (
        omegat_comment(ReviewStatus.APPROVED, None, None, subject=blank),
        omegat_comment(ReviewStatus.APPROVED, None, blank),
    ):
        assert comment == ""
    comment = omegat_comment(ReviewStatus.PROPOSED, "d", blank, subject=blank)
    assert parse_omegat_comment(comment) == OmegatComment(ReviewStatus.PROPOSED, "d")


def test_a_long_also_list_reads_back_in_linear_time() -> None:
    """The "also:" list was parsed by a lazy pattern tried from every position:
    quadratic in a comment of many kilobytes.  Run in a child with a generous limit,
    so that a regression fails instead of hanging (no timing is asserted)."""
    code = (
        "from termkit.formats.glossary_csv import parse_omegat_comment\n"
        "parse_omegat_comment('also: ' + 'x' * 300000)\n"
        "parse_omegat_comment('also: ' + 'a (admitted), ' * 20000 + 'b (deprecated)')\n"
        "print('done')\n"
    )
    finishes_in_a_child(code, timeout=60)


def test_a_comment_termkit_did_not_write_is_not_split() -> None:
    assert parse_omegat_comment("also: not a term list") is None
    assert parse_omegat_comment("[proposed] | also: 雨露") is None
    # (termkit writes a | in a text after a backslash: these parts are not its)
    assert parse_omegat_comment("a | b | Note: c") is None
    assert parse_omegat_comment("[approved] | x") is None


def test_omegat_export_reads_back_into_the_same_fields() -> None:
    concept = Concept(
        "karst",
        status=ReviewStatus.PROPOSED,
        definition="Limestone landscape.",
        note="Usually lower case.",
        terms={
            "en": [Term("Karst area")],
            "zh-CN": [Term("岩溶地区"), Term("喀斯特地区", TermStatus.ADMITTED)],
        },
    )
    back, has_status = read_omegat_glossary(io.BytesIO(omegat_bytes(Glossary([concept]))))
    assert has_status
    (got,) = back
    assert (got.status, got.definition, got.note) == (concept.status, concept.definition, concept.note)
    assert [(t.text, t.status) for t in got.terms["zh-CN"]] == [
        ("岩溶地区", TermStatus.PREFERRED),
        ("喀斯特地区", TermStatus.ADMITTED),
    ]
    # a file OmegaT wrote has no termkit header: its comment is a note, and it says nothing of status
    other, has_status = read_omegat_glossary(io.BytesIO(b"Karst area\t\xe5\xb2\xa9\tLimestone landscape.\n"))
    assert not has_status and other.concepts[0].note == "Limestone landscape."


@pytest.mark.parametrize("line_end", [b"\r", b"\r\n"])
def test_an_omegat_export_with_other_line_ends_reads_back_the_same(line_end: bytes) -> None:
    # (classic Mac OS line ends: the header line was the whole file, not termkit's
    # header, so each comment came back as a note and the status was lost)
    concept = Concept(
        "karst",
        status=ReviewStatus.PROPOSED,
        definition="Limestone landscape.",
        terms={"en": [Term("Karst area")], "zh-CN": [Term("岩溶地区")]},
    )
    data = omegat_bytes(Glossary([concept])).replace(b"\n", line_end)
    back, has_status = read_omegat_glossary(io.BytesIO(data))
    assert has_status
    (got,) = back
    assert (got.status, got.definition, got.note) == (ReviewStatus.PROPOSED, "Limestone landscape.", None)


def test_the_line_of_a_source_term_not_preferred_says_so_and_reads_back_into_its_concept() -> None:
    """Each line of a deprecated or admitted source term was read back as a concept of its
    own, with the term preferred: the comment did not carry the term's status."""
    concept = Concept(
        "biogas",
        status=ReviewStatus.PROPOSED,
        definition="deprecated term",  # reads as the status of a source term: escaped
        terms={
            "en": [
                Term("biogas"),
                Term("methane", status=TermStatus.DEPRECATED),
                Term("bio-gas", status=TermStatus.ADMITTED),
                Term("marsh gas | CH4", status=TermStatus.FORBIDDEN),
            ],
            "zh-CN": [Term("沼气")],
        },
    )
    other = Concept("methane", terms={"en": [Term("methane")], "zh-CN": [Term("甲烷")]})
    data = omegat_bytes(Glossary([concept, other]))
    assert data.decode("utf-8").splitlines()[1:] == [
        "biogas\t沼气\t[proposed] | \\deprecated term",
        "methane\t沼气\tdeprecated term; use: biogas | [proposed] | \\deprecated term",
        "bio-gas\t沼气\tadmitted term; preferred: biogas | [proposed] | \\deprecated term",
        "marsh gas | CH4\t沼气\tforbidden term; use: biogas | [proposed] | \\deprecated term",
        "methane\t甲烷\t[proposed]",
    ]
    header, *lines = data.decode("utf-8").splitlines()
    for order in (lines, lines[::-1]):  # (a file sorted by a translator too)
        back = read_omegat(io.BytesIO("\n".join([header, *order]).encode()))
        assert len(back) == 2
        got = next(c for c in back if c.terms["zh-CN"][0].text == "沼气")
        assert got.id == "biogas" and got.definition == "deprecated term"
        assert sorted((t.text, t.status) for t in got.terms["en"]) == sorted(
            (t.text, t.status) for t in concept.terms["en"]
        )
        assert [(t.text, t.status) for t in next(c for c in back if c is not got).terms["en"]] == [
            ("methane", TermStatus.PREFERRED)
        ]


def test_a_concept_without_a_preferred_source_term_names_its_first_best_one() -> None:
    concept = Concept(
        "c",
        terms={
            "en": [
                Term("old", status=TermStatus.DEPRECATED),
                Term("ok", status=TermStatus.ADMITTED),
                Term("fine", status=TermStatus.ADMITTED),
            ],
            "zh-CN": [Term("词")],
        },
    )
    data = omegat_bytes(Glossary([concept]))
    # (an admitted term is not "preferred": the other admitted one says "see:")
    assert data.decode("utf-8").splitlines()[1:] == [
        "old\t词\tdeprecated term; use: ok | [proposed]",
        "ok\t词\tadmitted term | [proposed]",
        "fine\t词\tadmitted term; see: ok | [proposed]",
    ]
    (back,) = read_omegat(io.BytesIO(data))
    assert [(t.text, t.status) for t in back.terms["en"]] == [
        ("old", TermStatus.DEPRECATED),
        ("ok", TermStatus.ADMITTED),
        ("fine", TermStatus.ADMITTED),
    ]


@pytest.mark.parametrize(
    "comment,split",
    [
        ("", (TermStatus.PREFERRED, None, "")),
        ("deprecated term", (TermStatus.DEPRECATED, None, "")),
        ("forbidden term; use: a \\| b | Note: n", (TermStatus.FORBIDDEN, "a | b", "Note: n")),
        # not what termkit writes: the comment as it is
        ("deprecated term; use:", (TermStatus.PREFERRED, None, "deprecated term; use:")),
        ("obsolete term; use: x", (TermStatus.PREFERRED, None, "obsolete term; use: x")),
        ("deprecated term; use: a | b", (TermStatus.DEPRECATED, "a", "b")),
        ("Deprecated term; use: x", (TermStatus.PREFERRED, None, "Deprecated term; use: x")),
        # an admitted term may stay: its line names the preferred term, it says not to use it
        ("admitted term; preferred: a | b", (TermStatus.ADMITTED, "a", "b")),
        ("admitted term; see: a | b", (TermStatus.ADMITTED, "a", "b")),
        ("deprecated term; see: a", (TermStatus.DEPRECATED, "a", "")),
        ("forbidden term; see: a | b", (TermStatus.FORBIDDEN, "a", "b")),
        ("preferred term; see: a", (TermStatus.PREFERRED, "a", "")),
        ("admitted term; use: a", (TermStatus.PREFERRED, None, "admitted term; use: a")),
        ("deprecated term; preferred: a", (TermStatus.PREFERRED, None, "deprecated term; preferred: a")),
    ],
)
def test_the_status_of_a_source_term_splits_off_its_comment(
    comment: str, split: tuple[TermStatus, str | None, str]
) -> None:
    status, head, rest = split
    assert split_source_status(comment) == split
    if head is not None or status is not TermStatus.PREFERRED:
        assert comment in {source_status_comment(rest, status, head, other) for other in TermStatus}


@pytest.mark.parametrize(
    "row,message",
    [
        (OmegatRow("a\tb", "x"), "contains a tab"),
        (OmegatRow(" a", "x"), "leading or trailing"),
        (OmegatRow("a", "x\n"), "contains a tab, line break"),
        (OmegatRow("#tag", "x"), "starts with '#'"),
        (OmegatRow("a", ""), "is empty"),
    ],
)
def test_omegat_writer_refuses_what_omegat_would_change(row: OmegatRow, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        write_omegat_rows(io.BytesIO(), [row])


JAVA_TRIM = "".join(chr(c) for c in range(0x21))
OMEGAT_TERM = line(CJK | st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))).filter(
    lambda s: not s.startswith("#") and s == s.strip(JAVA_TRIM)
)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.builds(OmegatRow, OMEGAT_TERM, OMEGAT_TERM, st.just("") | line(ANY_CHAR)), max_size=6))
def test_omegat_round_trip(rows: list[OmegatRow]) -> None:
    buf = io.BytesIO()
    write_omegat_rows(buf, rows)
    back = read_omegat_rows(io.BytesIO(buf.getvalue()))
    # comments are display text: trimmed like OmegaT trims them
    assert back == [OmegatRow(r.source, r.target, r.comment.strip(JAVA_TRIM)) for r in rows]


@st.composite
def omegat_glossaries(draw: st.DrawFn) -> Glossary:
    sources = draw(st.lists(OMEGAT_TERM, min_size=1, max_size=6, unique=True))
    concepts = []
    for n, start in enumerate(range(0, len(sources), 2)):
        en = [Term(t, status=draw(st.sampled_from(TermStatus))) for t in sources[start : start + 2]]
        concepts.append(
            Concept(
                f"c{n}",
                status=ReviewStatus.APPROVED,
                note=draw(st.none() | OMEGAT_TERM),
                subject=draw(st.none() | OMEGAT_TERM),
                terms={"en": en, "zh-CN": [Term(draw(OMEGAT_TERM))]},
            )
        )
    return Glossary(concepts)


@settings(max_examples=60, deadline=None)
@given(omegat_glossaries())
def test_omegat_glossary_round_trip_keeps_every_pair(glossary: Glossary) -> None:
    """Every pair comes back, and the English terms of a concept come back as one
    concept with their statuses: a deprecated term's line is not a concept of its own."""

    def pairs(g: Glossary) -> set[tuple[tuple[tuple[str, TermStatus], ...], str, str | None, str | None]]:
        return {
            (tuple((t.text, t.status) for t in c.terms["en"]), c.terms["zh-CN"][0].text, c.note, c.subject)
            for c in g
        }

    assert pairs(read_omegat(io.BytesIO(omegat_bytes(glossary)))) == pairs(glossary)


def test_a_backslash_before_trailing_spaces_reads_back() -> None:
    # (a review) the comment trims the spaces, leaving a lone backslash at its end,
    # so the comment no longer read back into its fields
    for definition, note in (("C:\\docs\\ ", None), (None, "see C:\\docs\\ "), ("a\\\nb\\\n", None)):
        parsed = parse_omegat_comment(omegat_comment(ReviewStatus.PROPOSED, definition, note))
        assert parsed is not None and parsed.status is ReviewStatus.PROPOSED
        assert (parsed.definition or "", parsed.note or "") == (
            (definition or "").rstrip().replace("\n", " "),
            (note or "").rstrip(),
        )


def test_omegat_direction_is_the_bitext_rule() -> None:
    """A zh→en OmegaT glossary whose English targets quote the Chinese ("Rain Plan
    (雨露计划)") is still Chinese to English, as lint reads the same two columns."""
    lines = [
        f"{zh}\t{en} ({zh})\t"
        for zh, en in [("雨露计划", "Rain Plan"), ("整村推进", "entire village advancement")]
    ]
    glossary = read_omegat(io.BytesIO("\n".join(lines).encode("utf-8")))
    assert [sorted(c.terms) for c in glossary] == [["en", "zh-CN"], ["en", "zh-CN"]]
    assert [c.terms["zh-CN"][0].text for c in glossary] == ["雨露计划", "整村推进"]


def test_omegat_simplified_glossary_with_a_stray_variant_is_zh_cn() -> None:
    """One Traditional-looking character (題) in a short Simplified glossary does not
    make its terms zh-Hant."""
    data = "主題扶贫\tthematic poverty alleviation\t\n".encode()
    (concept,) = read_omegat(io.BytesIO(data))
    assert "zh-CN" in concept.terms and "zh-Hant" not in concept.terms


@pytest.mark.parametrize("dialect", ["csv", "tsv"])
@pytest.mark.parametrize("line_end", [b"\r\n", b"\r"])
def test_a_spreadsheet_saved_with_other_line_ends_reads_the_same(dialect: str, line_end: bytes) -> None:
    """A sheet whose every LF was made CRLF (git's core.autocrlf, a Windows editor) or
    CR, the line breaks in its quoted cells too: each such cell kept a CR, imported
    into the glossary as ``section: "34\\r"`` (which check let pass), and concepts
    already there were skipped as "set differently"."""
    concept = Concept(
        "karst",
        definition="Limestone landscape.",
        sources=[Source("outline-2011-2020", "34"), Source("outline-2011-2020", "38")],
        terms={"en": [Term("karst area")], "zh-CN": [Term("岩溶地区")]},
    )
    data = csv_bytes(Glossary([concept]), dialect)
    assert b"34\n" in data  # (the sources cell holds a line break)
    (got,) = read_glossary_csv(io.BytesIO(data.replace(b"\n", line_end)), dialect)
    assert got.sources == concept.sources
    assert got.definition == concept.definition
    assert [t.text for t in got.terms["zh-CN"]] == ["岩溶地区"]


def test_too_many_fields_says_what_to_do() -> None:
    with pytest.raises(FormatError) as err:
        read_glossary_csv(io.BytesIO(b"concept,lang,term\nx,en,a,b\n"))
    assert str(err.value).endswith("quote the cells that hold a ',', or add a column to the header")


def test_a_concept_with_only_deprecated_source_terms_tells_no_one_to_use_them() -> None:
    """Its other lines said "use: OLD" of a deprecated term."""
    concept = Concept(
        "c",
        terms={
            "en": [Term("old", status=TermStatus.DEPRECATED), Term("bad", status=TermStatus.FORBIDDEN)],
            "zh-CN": [Term("词")],
        },
    )
    data = omegat_bytes(Glossary([concept]))
    assert data.decode("utf-8").splitlines()[1:] == [
        "old\t词\tdeprecated term | [proposed]",
        "bad\t词\tforbidden term; see: old | [proposed]",
    ]
    (back,) = read_omegat(io.BytesIO(data))
    assert [(t.text, t.status) for t in back.terms["en"]] == [
        ("old", TermStatus.DEPRECATED),
        ("bad", TermStatus.FORBIDDEN),
    ]
