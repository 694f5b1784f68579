"""The glossary as a spreadsheet (CSV/TSV, one row per term) and as an OmegaT glossary.

Spreadsheet layout (``docs/exchange.md`` has the details)::

    concept,lang,term,term_status,pos,term_note,case_sensitive,review,score,evidence,
    concept_status,subject,definition,concept_note,provenance,sources

* one row per term; a concept without terms has one row with empty term columns;
* the concept columns are repeated on every row of the concept, so that sorting
  or filtering in a spreadsheet loses nothing.  On import, empty cells mean "not
  given"; two rows of a concept that disagree on a concept column are an error;
* ``sources`` and ``evidence`` hold one item per line (a source is
  ``document`` or ``document § section``); ``case_sensitive`` is ``yes`` or empty;
* columns are found by their header name, in any order; unknown columns are an
  error (nothing is dropped silently);
* CSV is written UTF-8 with a BOM (so that Excel shows Chinese), TSV without;
  both with ``\\n`` line ends and the quoting rules of RFC 4180.

Reading an unedited export gives back the same concepts.

The readers also take a *bilingual* sheet, one row per concept and a column per
language (``en,zh-CN`` / ``Rain Plan,雨露计划``), the shape of most glossaries
kept in Excel; the header tells the two apart: termkit's has a ``lang`` column,
a bilingual one has none and columns of two or more languages
(:mod:`termkit.formats.bilingual_sheet` has the rules).

The OmegaT glossary (``source<TAB>target<TAB>comment``) is what OmegaT 3.6 reads
from a project's ``glossary/`` folder: it detects the encoding of ``.txt`` and
``.tab`` files and skips a BOM, so termkit writes UTF-8 *with* a BOM (detection
is then certain, also on a Chinese Windows whose default charset is GBK).
OmegaT skips lines that start with ``#``, splits on TAB, trims each field
(Java ``trim``: characters up to U+0020) and skips lines with fewer than two
fields or an empty source; the reader here does exactly the same.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from .. import langtags
from ..bitext import column_languages
from ..errors import FormatError
from ..model import (
    EN,
    ZH,
    Concept,
    Glossary,
    Location,
    ReviewStatus,
    Term,
    TermStatus,
    complete_direction,
    source_terms,
)
from ..textio import LINE_END, decode, lf_line_ends, read_source
from .bilingual_sheet import SHAPE, Kind, bilingual_glossary, column_of, sheet_layout
from .glossary_ids import format_source, parse_source, slug, unique

GlossarySource = str | os.PathLike[str] | IO[bytes]

TERM_COLUMNS = (
    "lang",
    "term",
    "term_status",
    "pos",
    "term_note",
    "case_sensitive",
    "review",
    "score",
    "evidence",
)
CONCEPT_COLUMNS = ("concept_status", "subject", "definition", "concept_note", "provenance", "sources")
COLUMNS = ("concept", *TERM_COLUMNS, *CONCEPT_COLUMNS)
DIALECTS = ("csv", "tsv")
_YES = {"yes", "true", "1", "y", "x"}
_NO = {"", "no", "false", "0", "n"}
#: What a spreadsheet takes for the start of a formula when a cell begins with it
#: (OWASP, "CSV Injection"): such a cell is written after a tab, inside its quotes, and
#: the tab is dropped again on import.
_FORMULA = re.compile(r"\t*[=+\-@]")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


# --------------------------------------------------------------------------
# Spreadsheet (CSV / TSV)


def _delimiter(dialect: str) -> str:
    if dialect not in DIALECTS:
        raise FormatError(f"unknown spreadsheet dialect '{dialect}' (csv or tsv)")
    return "," if dialect == "csv" else "\t"


def glossary_rows(glossary: Glossary) -> Iterator[list[str]]:
    """The data rows (without header) of a glossary, in glossary order."""
    for concept in glossary:
        concept_cells = [
            concept.status.value,
            concept.subject or "",
            concept.definition or "",
            concept.note or "",
            concept.provenance or "",
            "\n".join(format_source(s) for s in concept.sources),
        ]
        langs = [lang for lang in concept.languages() if concept.terms_in(lang)]
        if not langs:
            yield [concept.id, *([""] * len(TERM_COLUMNS)), *concept_cells]
            continue
        for lang in langs:
            for term in concept.terms_in(lang):
                yield [
                    concept.id,
                    lang,
                    term.text,
                    term.status.value,
                    term.pos or "",
                    term.note or "",
                    "yes" if term.case_sensitive else "",
                    term.review.value if term.review else "",
                    repr(term.score) if term.score is not None else "",
                    "\n".join(term.evidence),
                    *concept_cells,
                ]


def write_glossary_csv(fp: IO[bytes], glossary: Glossary, dialect: str = "csv") -> int:
    """Write the spreadsheet form of ``glossary``; returns the number of data rows."""
    delimiter = _delimiter(dialect)
    lines = [_csv_line(COLUMNS, delimiter)]
    count = 0
    for row in glossary_rows(glossary):
        for cell in row:
            if "\x00" in cell:
                raise FormatError(
                    f"concept '{row[0]}': a NUL character cannot be written to {dialect.upper()}; remove it"
                )
        lines.append(_csv_line([_as_text(cell) for cell in row], delimiter))
        count += 1
    data = "".join(lines).encode("utf-8")
    fp.write(("\ufeff".encode() if dialect == "csv" else b"") + data)
    return count


def _as_text(cell: str) -> str:
    """``cell``, after a tab when a spreadsheet would read it as a formula (``=HYPERLINK(…)``,
    ``+86 …``, ``@…``; a plain number such as a score of ``-0.5`` is not one): Excel,
    LibreOffice and Google Sheets then show the text as it is.  A cell that starts with
    tabs and then one of them gets one more tab too, so that it reads back."""
    if _FORMULA.match(cell) and not _NUMBER.fullmatch(cell):
        return "\t" + cell
    return cell


def _csv_line(cells: Sequence[str], delimiter: str) -> str:
    """One row, RFC 4180 quoted as ``csv.writer`` quotes (``QUOTE_MINIMAL``: a cell with
    the delimiter, a quote or a line break), and also a cell that starts with a tab
    (:func:`_as_text`): a spreadsheet that trims the spaces of unquoted cells on
    import would otherwise drop the tab and run the formula after it."""
    return (
        delimiter.join(
            '"' + cell.replace('"', '""') + '"'
            if cell[:1] == "\t" or any(ch in cell for ch in (delimiter, '"', "\n", "\r"))
            else cell
            for cell in cells
        )
        + "\n"
    )


def _from_text(cell: str) -> str:
    """A cell as :func:`_as_text` wrote it, without the tab it put before a formula start."""
    return cell[1:] if cell[:1] == "\t" and _FORMULA.match(cell) else cell


@dataclass
class _Record:
    line: int
    cells: dict[str, str]
    columns: dict[str, int]


@dataclass
class SheetRow:
    """A data row of a spreadsheet: the line it starts on, its cells (padded to the
    header's width) and the 1-based column where each cell starts."""

    line: int
    cells: list[str]
    columns: list[int]


def _cell_starts(line: str, delimiter: str) -> list[int]:
    """0-based character offsets where the fields of one physical line start."""
    starts = [0]
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            starts.append(i + 1)
    return starts


def _columns(line: str, delimiter: str, width: int) -> list[int]:
    """The 1-based columns where the ``width`` cells of one physical line start (1 when unknown)."""
    starts = _cell_starts(line, delimiter)
    return [starts[i] + 1 if i < len(starts) else 1 for i in range(width)]


#: What to do about a malformed row.
_QUOTING = 'a cell that holds a quote, the delimiter or a line break is written in double quotes, each quote in it doubled ("")'


def _malformed_row(
    exc: csv.Error, lines: list[str], first_line: int, last_line: int, delimiter: str, path: str
) -> FormatError:
    """The error of a row the csv module cannot read, at the quote that opens its
    quoted cell when one does (a stray quote at the start of a cell runs the cell on
    into the next lines: the module notices lines later, or at the end of the file),
    and with what to do."""
    line = lines[first_line - 1] if 0 < first_line <= len(lines) else ""
    for start in _cell_starts(line, delimiter):
        if line[start : start + 1] == '"' and not _closed_quote(line, start, delimiter):
            return FormatError(
                f"a quoted cell that does not end where its cell does ({exc}); {_QUOTING}",
                path,
                first_line,
                start + 1,
            )
    return FormatError(f"malformed row: {exc}; {_QUOTING}", path, last_line, 1)


def _closed_quote(line: str, start: int, delimiter: str) -> bool:
    """Whether the quoted cell at ``start`` of ``line`` closes on the line, just before
    a delimiter or the end of the line (``""`` inside is a quote)."""
    i = start + 1
    while True:
        i = line.find('"', i)
        if i < 0:
            return False
        if line[i + 1 : i + 2] == '"':
            i += 2
            continue
        return line[i + 1 : i + 2] in ("", delimiter, "\r")


def _table(text: str, delimiter: str, path: str) -> tuple[list[str], list[int], Iterator[SheetRow]]:
    """The header of a spreadsheet, the column of each header cell, and its data rows.

    The rows are read as the iterator is: a malformed row is reported after any
    problem of the header.  Blank rows are skipped; a row with more cells than the
    header is an error.
    """
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise FormatError(f"malformed header row: {exc}", path, 1, 1) from None
    if header is None:
        raise FormatError("empty file: a glossary spreadsheet needs a header row", path, 1, 1)
    width = len(header)

    def rows() -> Iterator[SheetRow]:
        while True:
            first_line = reader.line_num + 1
            try:
                row = next(reader, None)
            except csv.Error as exc:
                raise _malformed_row(exc, lines, first_line, reader.line_num, delimiter, path) from None
            if row is None:
                return
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > width:
                sep = "tab" if delimiter == "\t" else repr(delimiter)
                raise FormatError(
                    f"{len(row)} fields but the header has {width}; quote the cells that hold a "
                    f"{sep}, or add a column to the header",
                    path,
                    first_line,
                    1,
                )
            physical = lines[first_line - 1] if first_line - 1 < len(lines) else ""
            yield SheetRow(first_line, row + [""] * (width - len(row)), _columns(physical, delimiter, width))

    return header, _columns(lines[0], delimiter, width), rows()


def _long_names(header: list[str]) -> list[str]:
    """The header cells as the columns of termkit's spreadsheet: ``Term Status`` -> ``term_status``."""
    return [h.strip().lower().replace(" ", "_").replace("-", "_") for h in header]


def _records(header: list[str], starts: list[int], rows: Iterable[SheetRow], path: str) -> list[_Record]:
    """The rows of termkit's own spreadsheet (one row per term), its header checked first."""
    names = _long_names(header)
    for i, name in enumerate(names):
        if name not in COLUMNS:
            raise FormatError(
                f"unknown column '{header[i]}' (known: {', '.join(COLUMNS)}); rename or delete it",
                path,
                1,
                starts[i],
            )
        if names.index(name) != i:
            raise FormatError(f"column '{header[i]}' appears twice", path, 1, starts[i])
    for required in ("concept", "lang", "term"):
        if required not in names:
            raise FormatError(f"missing column '{required}' (needed: concept, lang, term)", path, 1, 1)
    return [
        _Record(
            row.line,
            dict(zip(names, map(_from_text, row.cells), strict=True)),
            dict(zip(names, row.columns, strict=True)),
        )
        for row in rows
    ]


def read_glossary_csv(src: GlossarySource, dialect: str | None = None) -> Glossary:
    """Read a glossary spreadsheet (CSV or TSV; ``dialect`` from the extension or the header).

    Either shape: termkit's own, one row per term (:data:`COLUMNS`), or a
    bilingual sheet, one row per concept and a column per language
    (:func:`read_bilingual_csv`); see :func:`read_sheet_glossary`.
    """
    return read_sheet_glossary(src, dialect)[0]


def read_sheet_glossary(src: GlossarySource, dialect: str | None = None) -> tuple[Glossary, bool]:
    """A glossary spreadsheet as concepts, and whether it carried review statuses.

    A header with a ``lang`` column is termkit's own spreadsheet (one row per term,
    :data:`COLUMNS`), which carries statuses (an empty ``concept_status`` is
    proposed).  A header without one but with columns of two or more languages is a
    bilingual sheet (:func:`read_bilingual_csv`), which says nothing about status.
    Any other header is an error that says both shapes.
    """
    header, starts, rows, path, delimiter = _open_sheet(src, dialect)
    if "lang" in _long_names(header):
        return _long_glossary(_records(header, starts, rows, path), path), True
    layout = sheet_layout(header, starts, path, COLUMNS)
    if layout is None:
        raise _no_shape(header, starts, path, delimiter)
    return bilingual_glossary(layout, rows, path), False


def read_bilingual_csv(src: GlossarySource, dialect: str | None = None) -> Glossary:
    """Read a bilingual glossary spreadsheet: one row per concept, a column per language.

    ``en,zh-CN`` / ``Rain Plan,雨露计划``: see :mod:`termkit.formats.bilingual_sheet`
    for the columns and rules.  The concepts carry no review status (they are
    proposed).  A header with fewer than two language columns is an error.
    """
    header, starts, rows, path, delimiter = _open_sheet(src, dialect)
    layout = sheet_layout(header, starts, path, COLUMNS) if "lang" not in _long_names(header) else None
    if layout is None:
        raise _no_shape(header, starts, path, delimiter, bilingual_only=True)
    return bilingual_glossary(layout, rows, path)


def _open_sheet(
    src: GlossarySource, dialect: str | None
) -> tuple[list[str], list[int], Iterator[SheetRow], str, str]:
    data, path = read_source(src)
    # (a line break in a quoted cell as termkit writes it, LF, also in a file whose line
    # ends were made CRLF (git's core.autocrlf, a Windows editor) or CR (classic Mac OS)
    # throughout: read as text, its CR became part of the cell: ``section: "34\r"``)
    text = lf_line_ends(decode(data, path)).replace("\r\n", "\n")
    if dialect is None:
        dialect = _guess_dialect(path, text)
    delimiter = _delimiter(dialect)
    header, starts, rows = _table(text, delimiter, path)
    return header, starts, rows, path, delimiter


def _long_glossary(records: list[_Record], path: str) -> Glossary:
    concepts: dict[str, Concept] = {}
    given: dict[tuple[str, str], tuple[int, str]] = {}
    for rec in records:
        _apply_record(rec, concepts, given, path)
    return Glossary(list(concepts.values()))


#: The two shapes of a glossary spreadsheet, for the error about a header that is neither.
SHAPES = (
    "termkit reads its own spreadsheet, one row per term (columns concept, lang, term, term_status...), "
    "and bilingual ones, one row per concept: " + SHAPE
)


def _no_shape(
    header: list[str], starts: list[int], path: str, delimiter: str, bilingual_only: bool = False
) -> FormatError:
    """The error about a header that is neither shape: its first column that neither
    knows, or what it lacks."""
    shapes = SHAPE if bilingual_only else SHAPES
    hint = _delimiter_hint(header, delimiter)
    names = _long_names(header)
    kinds = [column_of(h) for h in header]
    if bilingual_only and "lang" in names:
        problem = "a 'lang' column: this is termkit's one-row-per-term spreadsheet, not a bilingual one"
        return FormatError(
            f"{problem} (read it with read_glossary_csv)", path, 1, starts[names.index("lang")]
        )
    for i, h in enumerate(header):
        if kinds[i] is None and (bilingual_only or names[i] not in COLUMNS):
            return FormatError(
                f"unknown column '{h}': {shapes}; {hint or 'rename or delete it'}", path, 1, starts[i]
            )
    languages = [
        h for h, kind in zip(header, kinds, strict=True) if kind is not None and kind.kind is Kind.TERM
    ]
    if not bilingual_only and {"concept", "term"} & set(names):
        problem = "missing column 'lang'"
    elif languages:
        problem = f"one language only ({', '.join(repr(h) for h in languages)})"
    else:
        problem = "no language column"
    return FormatError(f"{problem}: {shapes}" + (f"; {hint}" if hint else ""), path, 1, 1)


def _delimiter_hint(header: list[str], delimiter: str) -> str:
    """A word on a header that seems to be split at the wrong character."""
    if len(header) != 1:
        return ""
    if delimiter == "," and ";" in header[0]:
        return "the file seems to be separated by ';': save it separated by commas, or by tabs as .tsv"
    if delimiter == "," and "\t" in header[0]:
        return "the file seems to be separated by tabs: read it as TSV (name it .tsv)"
    if delimiter == "\t" and "," in header[0]:
        return "the file seems to be separated by commas: read it as CSV (name it .csv)"
    return ""


def _guess_dialect(path: str, text: str) -> str:
    lower = path.lower()
    if lower.endswith((".tsv", ".tab")):
        return "tsv"
    if lower.endswith(".csv"):
        return "csv"
    first = text.split("\n", 1)[0]
    return "tsv" if "\t" in first else "csv"


def _error(rec: _Record, column: str, message: str, path: str) -> FormatError:
    return FormatError(f"{message} (column '{column}')", path, rec.line, rec.columns.get(column, 1))


def _enum(
    rec: _Record, column: str, enum: type[TermStatus] | type[ReviewStatus], path: str, default: str | None
) -> str | None:
    raw = rec.cells.get(column, "").strip()
    if not raw:
        return default
    allowed = [e.value for e in enum]
    if raw.lower() not in allowed:
        raise _error(rec, column, f"unknown value '{raw}' (allowed: {', '.join(allowed)})", path)
    return raw.lower()


def _apply_record(
    rec: _Record, concepts: dict[str, Concept], given: dict[tuple[str, str], tuple[int, str]], path: str
) -> None:
    cells = rec.cells
    cid = cells.get("concept", "").strip()
    if not cid:
        raise _error(rec, "concept", "empty concept id: every row names its concept", path)
    concept = concepts.get(cid)
    if concept is None:
        concept = concepts[cid] = Concept(
            cid, location=Location(path, rec.line, rec.columns.get("concept", 1))
        )
    _concept_cells(rec, concept, given, path)
    term_text = cells.get("term", "")
    other_term_cells = [c for c in TERM_COLUMNS if c not in ("lang", "term") and cells.get(c, "").strip()]
    if not term_text.strip():
        if cells.get("lang", "").strip() or other_term_cells:
            raise _error(rec, "term", "a row with term columns filled needs the term text", path)
        return
    raw_lang = cells.get("lang", "").strip()
    if not raw_lang or not langtags.is_valid(raw_lang):
        raise _error(rec, "lang", f"'{raw_lang}' is not a language tag (en, zh-CN...)", path)
    lang = langtags.normalize(raw_lang)
    status = _enum(rec, "term_status", TermStatus, path, None) or TermStatus.PREFERRED.value
    review = _enum(rec, "review", ReviewStatus, path, None)
    flag = cells.get("case_sensitive", "").strip().lower()
    if flag not in _YES | _NO:
        raise _error(rec, "case_sensitive", f"'{flag}' is not yes or empty", path)
    score_text = cells.get("score", "").strip()
    try:
        score = float(score_text) if score_text else None
    except ValueError:
        raise _error(rec, "score", f"'{score_text}' is not a number", path) from None
    term = Term(
        term_text,
        status=TermStatus(status),
        pos=cells.get("pos") or None,
        note=cells.get("term_note") or None,
        case_sensitive=flag in _YES,
        review=ReviewStatus(review) if review else None,
        score=score,
        evidence=[e for e in cells.get("evidence", "").split("\n") if e],
        location=Location(path, rec.line, rec.columns.get("term", 1)),
    )
    if not concept.add_term(lang, term):
        raise _error(rec, "term", f"'{term_text}' is listed twice under '{lang}' in concept '{cid}'", path)


def _concept_cells(
    rec: _Record, concept: Concept, given: dict[tuple[str, str], tuple[int, str]], path: str
) -> None:
    """Concept columns: empty cells say nothing; filled cells must agree across rows."""
    for column in CONCEPT_COLUMNS:
        value = rec.cells.get(column, "")
        if not value.strip():
            continue
        if column == "concept_status":
            value = _enum(rec, column, ReviewStatus, path, None) or ""
        previous = given.get((concept.id, column))
        if previous is not None:
            if previous[1] != value:
                raise _error(
                    rec,
                    column,
                    f"rows {previous[0]} and {rec.line} of concept '{concept.id}' disagree on {column} "
                    f"({previous[1]!r} vs {value!r}); make every row of the concept say the same, "
                    "or leave the cell empty",
                    path,
                )
            continue
        given[(concept.id, column)] = (rec.line, value)
        if column == "concept_status":
            concept.status = ReviewStatus(value)
        elif column == "sources":
            concept.sources = [parse_source(s) for s in value.split("\n") if s.strip()]
        else:
            setattr(concept, "note" if column == "concept_note" else column, value)


# --------------------------------------------------------------------------
# OmegaT glossary


@dataclass
class OmegatRow:
    """One line of an OmegaT glossary."""

    source: str
    target: str
    comment: str = ""
    line: int = field(default=0, compare=False)


_JAVA_TRIM = "".join(chr(c) for c in range(0x21))
_BREAKS = re.compile(r"\s*[\t\r\n]+\s*")
OMEGAT_HEADER = "# termkit glossary for OmegaT: source<TAB>target<TAB>comment, UTF-8"
#: The header of a glossary of another direction than English to zh-CN (zh-CN to en...).
OMEGAT_DIRECTED_HEADER = (
    "# termkit glossary for OmegaT ({src} to {tgt}): source<TAB>target<TAB>comment, UTF-8"
)
_DIRECTED_HEADER = re.compile(
    r"# termkit glossary for OmegaT \((en|zh-CN|zh-Hant) to (en|zh-CN|zh-Hant)\): "
    r"source<TAB>target<TAB>comment, UTF-8"
)


def omegat_header(srclang: str = EN, tgtlang: str = ZH) -> str:
    """The first line termkit writes in an OmegaT glossary: it names the direction,
    unless that is English to zh-CN (whose header files of older versions have)."""
    if (srclang, tgtlang) == (EN, ZH):
        return OMEGAT_HEADER
    return OMEGAT_DIRECTED_HEADER.format(src=srclang, tgt=tgtlang)


def _header_direction(first_line: str) -> tuple[str, str] | None:
    """The direction a header termkit wrote names (None: not such a header)."""
    if first_line == OMEGAT_HEADER:
        return EN, ZH
    match = _DIRECTED_HEADER.fullmatch(first_line)
    return (match.group(1), match.group(2)) if match else None


def _guess_direction(rows: Sequence[OmegatRow]) -> tuple[str, str]:
    """The direction of an OmegaT glossary termkit did not write: that of a bitext
    naming no languages (:func:`termkit.bitext.column_languages`, the rule lint and
    convert use): Chinese to English when the source column holds the Chinese text
    (a zh-CN→en project's glossary, in the script its terms are written in), else
    English to Chinese."""
    return column_languages((r.source for r in rows), (r.target for r in rows))


def omegat_rows(glossary: Glossary, srclang: str = EN, tgtlang: str = ZH) -> list[OmegatRow]:
    """The OmegaT rows of a glossary.

    Every ``srclang`` term of a concept (also deprecated and forbidden ones: a
    source text may use them) is paired with the concept's preferred ``tgtlang``
    term; concepts without a target term are left out (OmegaT ignores lines
    without a target), as are the terms of other languages (``zh-Hant`` beside
    ``zh-CN``: the export warns, :func:`termkit.exchange.left_out`).  The comment
    (:func:`omegat_comment`) carries the status of unreviewed concepts, the subject
    field (which tells homographs apart), the definition, the note and the other
    target terms.
    """
    from ..exchange import directed_view

    rows: list[OmegatRow] = []
    for concept in directed_view(glossary, (srclang, tgtlang)):
        target = concept.preferred(tgtlang)
        if target is None:
            continue
        others = [(t.text, t.status) for t in concept.terms_in(tgtlang) if t is not target]
        comment = omegat_comment(concept.status, concept.definition, concept.note, others, concept.subject)
        sources = source_terms(concept, srclang)
        head = _head_term(sources) if sources else None
        for term in sources:
            named = None if term is head or head is None else head.text
            line_comment = source_status_comment(
                comment, term.status, named, head.status if head is not None else TermStatus.PREFERRED
            )
            rows.append(OmegatRow(term.text, target.text, line_comment))
    return rows


def _head_term(terms: Sequence[Term]) -> Term:
    """The source term the other source lines of a concept point to: its first term of
    the best status (preferred, else admitted...)."""
    order = list(TermStatus)
    return min(terms, key=lambda t: order.index(t.status))


def source_status_comment(
    comment: str, status: TermStatus, head: str | None, head_status: TermStatus = TermStatus.PREFERRED
) -> str:
    """The comment of one line: ``comment`` after what the line's source term is when
    it is not the concept's preferred one (``deprecated term; use: biogas | ...``;
    ``admitted term; preferred: biogas``: an admitted term may stay).

    ``head`` is the concept's first source term of the best status (None on that
    term's own line), which the other lines of the concept name, so that a reader
    puts them back in one concept and a translator sees what to write instead; a
    first preferred term gives the comment unchanged (files of older versions
    have such lines only).  ``head_status``: the status of ``head``.  Only a term one
    may write is named as ``use:`` (by a deprecated or forbidden line) or
    ``preferred:`` (a preferred one, by an admitted line); any other is named as
    ``see:``: a concept without a preferred term (a proposal) names its first admitted
    one so to another admitted one (``admitted term; see: bio-gas``), and one with only
    deprecated or forbidden terms its first deprecated one (``forbidden term; see: X``)."""
    if head is None and status is TermStatus.PREFERRED:
        return comment
    part = f"{status.value}{_SOURCE_STATUS_WORD}"
    if head is not None:
        # an admitted term may stay: the translator is told the preferred one, not to replace it
        usable = head_status in (TermStatus.PREFERRED, TermStatus.ADMITTED)
        if status in (TermStatus.DEPRECATED, TermStatus.FORBIDDEN):
            label = _USE_LABEL if usable else _SEE_LABEL
        else:
            label = _PREFERRED_LABEL if head_status is TermStatus.PREFERRED else _SEE_LABEL
        part += label + _escape(head)
    return _clean_comment(part + (_SEPARATOR + comment if comment else ""))


def split_source_status(comment: str) -> tuple[TermStatus, str | None, str]:
    """Undo :func:`source_status_comment`: the line's source term status, the term its
    other lines name (None: the line names none) and the concept's comment."""
    first, _, rest = comment.partition(_SEPARATOR)
    match = _SOURCE_STATUS.fullmatch(first)
    if match is None:
        return TermStatus.PREFERRED, None, comment
    status = TermStatus(match.group(1))
    head = _unescape(match.group(2)) if match.group(2) is not None else None
    if not head and match.group(2) is not None:
        return TermStatus.PREFERRED, None, comment
    if comment not in (source_status_comment(rest, status, head, other) for other in TermStatus):
        return TermStatus.PREFERRED, None, comment
    return status, head, rest


NOTE_LABEL = "Note: "
SUBJECT_LABEL = "Subject: "
ALSO_LABEL = "also: "
_SEPARATOR = " | "
_SOURCE_STATUS_WORD = " term"
_USE_LABEL = "; use: "
_PREFERRED_LABEL = "; preferred: "
_SEE_LABEL = "; see: "
_STATUS_TAG = re.compile(r"\[(proposed|rejected)\]")  # approved concepts have no tag
_TERM_STATUSES = "|".join(s.value for s in TermStatus)
#: The status after each term of an "also:" list ("雨露工程 (deprecated), ..."): the
#: term is the text since the previous one (a search for the marks alone is linear;
#: ``(.+?) \(status\)`` tried from every position was quadratic in the comment).
_ALSO_STATUS = re.compile(rf" \(({_TERM_STATUSES})\)(?:, |$)")
#: What a line says of its source term when that is not the concept's preferred one
#: (:func:`source_status_comment`): ``deprecated term; use: biogas``.
_SOURCE_STATUS = re.compile(rf"({_TERM_STATUSES}) term(?:; (?:use|preferred|see): (.*))?")
#: A character written after a backslash in a comment (:func:`omegat_comment`): only
#: ``\\``, ``|`` and ``(``; any other backslash is itself ("C:\\docs", "\\d+").
_ESCAPED = re.compile(r"\\([\\|(])")
#: A backslash that must be doubled: before what an escape starts with, at the end
#: of a text (spaces after it are trimmed away), or at its start (where one marks a
#: definition that reads as a label).
_LONE_BACKSLASH = re.compile(r"\\(?=[\\|(]|[\x00-\x20]*$)|^\\")


def omegat_comment(
    status: ReviewStatus,
    definition: str | None,
    note: str | None,
    others: Sequence[tuple[str, TermStatus]] = (),
    subject: str | None = None,
) -> str:
    """The comment termkit writes for a concept, as OmegaT will read it back.

    ``[proposed] | Subject: SUBJECT | DEFINITION | Note: NOTE | also: 雨露工程 (deprecated), ...``:
    each part only when there is something to say (approved concepts have no
    status tag); tabs and line breaks become one space.  So that no text is
    ever read back as another part (:func:`parse_omegat_comment`), a ``|`` in a
    text, and a ``(`` in an "also:" term, are written after a backslash, as is a
    definition that would read as a status tag, a note or an "also:" list
    (``\\Note: ...``); a backslash is doubled only before those, at the start or
    the end of a text.  OmegaT shows comments as written, so a path or a pattern
    keeps its single backslashes ("C:\\docs", "\\d+"), and comments written before
    the escapes read back as then.
    """
    parts = []
    if status is not ReviewStatus.APPROVED:
        parts.append(f"[{status.value}]")
    if subject and subject.strip():  # (a blank one would read back as a definition "Subject:")
        parts.append(SUBJECT_LABEL + _escape(subject))
    if definition:
        text = _escape(definition)
        if _reads_as_label(text):
            text = "\\" + text
        parts.append(text)
    if note and note.strip():
        parts.append(NOTE_LABEL + _escape(note))
    if others:
        listed = (
            _escape(text).replace("(", "\\(") + f" ({term_status.value})" for text, term_status in others
        )
        parts.append(ALSO_LABEL + ", ".join(listed))
    return _clean_comment(_SEPARATOR.join(parts))


def _escape(text: str) -> str:
    return _LONE_BACKSLASH.sub(r"\\\\", _BREAKS.sub(" ", text)).replace("|", "\\|")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


def _unescape_definition(text: str) -> str:
    """A definition as written: a backslash before a status tag or label marks it."""
    if text.startswith("\\") and not text.startswith("\\\\"):
        rest = text[1:]
        if _reads_as_label(rest):
            return _unescape(rest)
    return _unescape(text)


def _reads_as_label(text: str) -> bool:
    """Whether a definition (as written) would read as another part of the comment."""
    return bool(
        _STATUS_TAG.fullmatch(text)
        or _SOURCE_STATUS.fullmatch(text)
        or text.startswith((NOTE_LABEL, ALSO_LABEL, SUBJECT_LABEL))
    )


def _clean_comment(comment: str) -> str:
    return _BREAKS.sub(" ", comment).strip(_JAVA_TRIM)


@dataclass
class OmegatComment:
    """The fields a comment written by :func:`omegat_comment` came from."""

    status: ReviewStatus = ReviewStatus.APPROVED
    definition: str | None = None
    note: str | None = None
    others: list[tuple[str, TermStatus]] = field(default_factory=list)
    subject: str | None = None


def parse_omegat_comment(comment: str) -> OmegatComment | None:
    """Undo :func:`omegat_comment`; None when the comment is not one it writes.

    The parse is accepted only if writing its result gives the same comment
    back, so a comment somebody wrote by hand is never split into fields by
    accident; and as the comment escapes what would read as another part, a
    definition or note (``Definition | Note: x``, ``... | also: 坏词 (forbidden)``)
    is never split into fields or terms either.
    """
    parts = comment.split(_SEPARATOR) if comment else []
    parsed = OmegatComment()
    if parts and (tag := _STATUS_TAG.fullmatch(parts[0])):
        parsed.status = ReviewStatus(tag.group(1))
        parts.pop(0)
    if parts and parts[0].startswith(SUBJECT_LABEL):
        parsed.subject = _unescape(parts.pop(0)[len(SUBJECT_LABEL) :]) or None
    if parts and parts[-1].startswith(ALSO_LABEL):
        listed = parts[-1][len(ALSO_LABEL) :]
        parsed.others = _also_items(listed)
        parts.pop()
    note_at = next((i for i, part in enumerate(parts) if part.startswith(NOTE_LABEL)), len(parts))
    parsed.definition = _unescape_definition(_SEPARATOR.join(parts[:note_at])) or None
    if note_at < len(parts):
        parsed.note = _unescape(_SEPARATOR.join(parts[note_at:])[len(NOTE_LABEL) :]) or None
    written = omegat_comment(parsed.status, parsed.definition, parsed.note, parsed.others, parsed.subject)
    return parsed if written == comment else None


def _also_items(listed: str) -> list[tuple[str, TermStatus]]:
    """The (term, status) pairs of an "also:" list, in order."""
    items: list[tuple[str, TermStatus]] = []
    start = 0
    for m in _ALSO_STATUS.finditer(listed):
        if m.start() > start:  # (a term is never empty)
            items.append((_unescape(listed[start : m.start()]), TermStatus(m.group(1))))
            start = m.end()
    return items


def write_omegat(fp: IO[bytes], glossary: Glossary, srclang: str = EN, tgtlang: str = ZH) -> int:
    """Write ``glossary`` as an OmegaT tab-separated glossary; returns the number of rows."""
    return write_omegat_rows(fp, omegat_rows(glossary, srclang, tgtlang), omegat_header(srclang, tgtlang))


def write_omegat_rows(fp: IO[bytes], rows: Iterable[OmegatRow], header: str = OMEGAT_HEADER) -> int:
    """Write rows; source and target must survive OmegaT's reader unchanged.

    A tab or line break in a comment becomes one space (comments are display
    text); in a source or target term it is an error, as are leading or trailing
    spaces or control characters (OmegaT trims them) and a source starting with
    ``#`` (OmegaT skips the line).
    """
    out = [header]
    count = 0
    for row in rows:
        for what, value in (("source", row.source), ("target", row.target)):
            problem = _omegat_problem(value, what)
            if problem:
                raise FormatError(f"OmegaT glossary: {what} term {value!r} {problem}")
        if row.source.startswith("#"):
            raise FormatError(
                f"OmegaT glossary: source term {row.source!r} starts with '#', "
                "which OmegaT reads as a comment line"
            )
        comment = _clean_comment(row.comment)
        if "\x00" in comment:
            raise FormatError(f"OmegaT glossary: the comment of {row.source!r} contains a NUL character")
        out.append(f"{row.source}\t{row.target}\t{comment}" if comment else f"{row.source}\t{row.target}")
        count += 1
    fp.write(("\ufeff" + "\n".join(out) + "\n").encode("utf-8"))
    return count


def _omegat_problem(value: str, what: str) -> str | None:
    if not value:
        return "is empty"
    if any(ch in value for ch in "\t\r\n\x00"):
        return "contains a tab, line break or NUL, which the format cannot carry"
    if value != value.strip(_JAVA_TRIM):
        return "has leading or trailing spaces or control characters, which OmegaT trims"
    return None


def read_omegat_rows(src: GlossarySource) -> list[OmegatRow]:
    """The rows OmegaT reads from a glossary file (UTF-8, BOM optional)."""
    data, path = read_source(src)
    return _omegat_rows(decode(data, path))


def _omegat_rows(text: str) -> list[OmegatRow]:
    rows = []
    # (a line ends in LF, CRLF or CR alone, as Java's readLine reads it)
    for lineno, line in enumerate(LINE_END.split(text), 1):
        if line.startswith("#"):
            continue
        tokens = line.split("\t")
        while tokens and tokens[-1] == "":  # Java's String.split drops trailing empty strings
            tokens.pop()
        tokens = [t.strip(_JAVA_TRIM) for t in tokens]
        if len(tokens) < 2 or not tokens[0]:
            continue
        rows.append(OmegatRow(tokens[0], tokens[1], tokens[2] if len(tokens) > 2 else "", lineno))
    return rows


def _refuse_no_glossary(text: str, path: str) -> None:
    """A file with text but not one ``source<TAB>target`` line is no OmegaT glossary
    (a plain text named ``.txt``): an error at its first line of text, rather than
    an import of nothing that looks like success.  (OmegaT itself skips such lines.)"""
    for lineno, line in enumerate(LINE_END.split(text), 1):
        if line.strip(_JAVA_TRIM) and not line.startswith("#"):
            raise FormatError(
                "not an OmegaT glossary: no line holds a source and a target term separated "
                "by a TAB (source<TAB>target<TAB>comment); a .txt file is read as one, so give "
                "--format for a file of another kind",
                path,
                lineno,
                1,
            )


def read_omegat(src: GlossarySource, srclang: str | None = None, tgtlang: str | None = None) -> Glossary:
    """An OmegaT glossary as concepts: see :func:`read_omegat_glossary`."""
    return read_omegat_glossary(src, srclang, tgtlang)[0]


def read_omegat_glossary(
    src: GlossarySource, srclang: str | None = None, tgtlang: str | None = None
) -> tuple[Glossary, bool]:
    """An OmegaT glossary as concepts (one per distinct source term), and whether it had statuses.

    The first target of a source term is its preferred translation, later
    different targets are admitted.  The file carries no concept ids: each
    concept's id is made up (:attr:`~termkit.model.Concept.made_up_id`), a slug
    of the source term.  In a file termkit wrote (its header line is the first
    line), each comment is read back into the fields :func:`omegat_comment` made
    it from: status, definition, note and the other target terms; the file then
    carries statuses (no tag means approved).  Any other comment becomes the note.
    A concept gives such a file one line per source term, all with its preferred
    target and its comment: there, lines of one source term with another target
    or comment are another concept (homographs, ``comment`` 注释 and ``comment``
    评论), not one with two translations.  The line of a source term that is not
    the concept's preferred one says so before the comment, naming that term
    (``deprecated term; use: biogas | ...``, :func:`source_status_comment`): it
    joins the concept of that term's line, with its status.  (Files of older
    versions have no such lines: each source term was a concept of its own.)

    ``srclang`` and ``tgtlang`` are the languages of the two columns; by default
    those the header of a file termkit wrote names (``# termkit glossary for OmegaT
    (zh-CN to en): ...``; English to zh-CN without them), else Chinese to English
    when the source column holds the Chinese text, as lint and convert decide it for
    a bitext (:func:`termkit.bitext.column_languages`), else English to zh-CN.
    """
    data, path = read_source(src)
    text = decode(data, path)
    # (the first line as :func:`_omegat_rows` splits lines: at CR too, as OmegaT does)
    said = _header_direction(LINE_END.split(text, maxsplit=1)[0])
    ours = said is not None
    concepts: dict[tuple[str, ...], Concept] = {}
    notes: dict[tuple[str, ...], list[str]] = {}
    taken: set[str] = set()
    rows = _omegat_rows(text)
    if not rows:
        _refuse_no_glossary(text, path)
    found = said or _guess_direction(rows)
    srclang, tgtlang = complete_direction(srclang, tgtlang, found)
    for row in rows:
        status, head, comment = split_source_status(row.comment) if ours else (None, None, row.comment)
        head = head or row.source
        key: tuple[str, ...] = (head, row.target, comment) if ours else (row.source,)
        concept = concepts.get(key)
        where = Location(path, row.line)
        parsed = parse_omegat_comment(comment) if ours else None
        source_term = Term(row.source, status=status or TermStatus.PREFERRED, location=where)
        if concept is not None:
            concept.add_term(srclang, source_term)
        else:
            cid = unique(slug(head), taken)
            taken.add(cid)
            concept = concepts[key] = Concept(
                cid, terms={srclang: [source_term]}, location=where, made_up_id=True
            )
            notes[key] = []
            if parsed is not None:
                concept.status = parsed.status
                concept.subject = parsed.subject
                concept.definition = parsed.definition
                if parsed.note:
                    notes[key].append(parsed.note)
        if row.target:
            status = TermStatus.PREFERRED if not concept.terms_in(tgtlang) else TermStatus.ADMITTED
            concept.add_term(tgtlang, Term(row.target, status=status, location=where))
        if parsed is not None:
            for other, other_status in parsed.others:
                concept.add_term(tgtlang, Term(other, status=other_status, location=where))
        elif comment and comment not in notes[key]:
            notes[key].append(comment)
    for key, concept in concepts.items():
        concept.note = "\n".join(notes[key]) or None
    return Glossary(list(concepts.values())), ours


def read_spreadsheet_or_omegat(src: GlossarySource, fmt: str) -> Glossary:
    """Dispatch for ``csv``, ``tsv`` and ``omegat``."""
    if fmt == "omegat":
        return read_omegat(src)
    return read_glossary_csv(src, fmt)


def csv_bytes(glossary: Glossary, dialect: str = "csv") -> bytes:
    buf = io.BytesIO()
    write_glossary_csv(buf, glossary, dialect)
    return buf.getvalue()


def omegat_bytes(glossary: Glossary, srclang: str = EN, tgtlang: str = ZH) -> bytes:
    buf = io.BytesIO()
    write_omegat(buf, glossary, srclang, tgtlang)
    return buf.getvalue()


__all__: Sequence[str] = (
    "COLUMNS",
    "OmegatComment",
    "OmegatRow",
    "SheetRow",
    "csv_bytes",
    "glossary_rows",
    "omegat_bytes",
    "omegat_comment",
    "omegat_rows",
    "parse_omegat_comment",
    "read_bilingual_csv",
    "read_glossary_csv",
    "read_omegat",
    "read_omegat_glossary",
    "read_omegat_rows",
    "read_sheet_glossary",
    "source_status_comment",
    "split_source_status",
    "write_glossary_csv",
    "write_omegat",
    "write_omegat_rows",
)
