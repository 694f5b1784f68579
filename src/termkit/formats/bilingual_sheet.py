"""Bilingual glossary spreadsheets: one row per concept, one column per language.

::

    en,zh-CN,note
    Rain Plan,雨露计划,
    whole village advancement; entire village advancement,整村推进,a slogan

The shape of most glossaries kept in Excel, and of the CSV that memoQ, Trados
(MultiTerm Glossary Converter), Crowdin and Smartcat users bring.  This
module reads such a sheet's header (:func:`sheet_layout`) and rows
(:func:`bilingual_glossary`); the file-level reader, which tells this shape from
termkit's own one-row-per-term spreadsheet, is
:func:`termkit.formats.glossary_csv.read_bilingual_csv`.  The rules
(``docs/exchange.md``, "Bilingual spreadsheets"):

* a language column's header is a language tag in any case, with ``-`` or ``_``
  (``en``, ``EN``, ``en_US``, ``zh-CN``, ``zh_TW``, ``zh-Hant``, ``ja``: an ISO
  639-1 code, but ``id``, ``no`` and ``nr``, which are column names more often
  than Indonesian, Norwegian and South Ndebele), an English or Chinese language
  name (``English``, ``Chinese (Simplified)``, ``Simplified Chinese``,
  ``English_United_States``, ``Chinese_PRC``, ``英文``, ``中文``, ``简体中文``,
  ``繁體中文``), or Crowdin's ``Term [en]``; several columns of one language are
  read in column order;
* ``zh``, ``Chinese``, ``中文`` name no script: each term they hold is ``zh-Hant``
  when written in Traditional characters, else ``zh-CN``
  (:func:`termkit.exchange.term_language`); a tag or name that tells Traditional
  (``zh-TW``, ``zh-HK``, ``zh-Hant``, ``Chinese (Traditional)``) gives ``zh-Hant``;
* ``note``/``notes``/``comment``/``comments`` are the concept's note,
  ``definition``/``description`` its definition, ``subject``/``domain`` its
  subject field, ``pos``/``part of speech`` the part of speech of the row's
  English terms; ``Description [en]`` is the definition, ``Description [zh-CN]``
  the note of the row's first zh-CN term, ``Part of Speech [zh-CN]`` the part of
  speech of its zh-CN terms; any other column is an error that names it;
* a term cell may hold several terms separated by ``;``, ``|`` (or the
  full-width ``；``, ``｜``) or line breaks: the first is preferred, the others
  admitted.  No term may hold one of them (a Chinese term with a half-width ``;``
  and any term with a line break fail ``termkit check`` anyway; the bundled
  glossary has none); commas, ``、`` and ``/`` do not separate (``one village,
  one product``, ``引进来、走出去``).  Spaces around each term are dropped.  A
  label that holds one and is no list is split too (UNBIS's heading
  ``AGRICULTURAL ECONOMICS AND POLICY; RURAL SOCIOLOGY``): termkit's own
  spreadsheet never splits a cell;
* a row is one concept; its id is :func:`~termkit.formats.glossary_ids.slug` of
  its first English term (``rain-plan``), else of its first term
  (``term-adf8f7ba`` for 雨露计划), made unique in the file with
  :func:`~termkit.formats.glossary_ids.unique`, as the OmegaT reader names its
  concepts;
* rows with the same first English term (exactly, as the OmegaT reader groups
  lines by source term) are one concept, unless their subjects tell them apart
  (both given, and different: homographs, ``comment`` in 源代码 and in 文档属性,
  are two concepts, ``comment`` and ``comment-2``; a row of such a term without
  a subject, which could be either, is an error): later terms are added
  (admitted), distinct notes are joined with line breaks, and a definition or
  part of speech given differently by two rows is an error naming both rows;
* the sheet says nothing about review status (``termkit import --status`` decides).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from .. import langtags
from ..errors import FormatError
from ..exchange import glossary_language, term_language
from ..model import EN, ZH_HANT, Concept, Glossary, Location, Term, TermStatus, subject_key, subjects_differ
from .glossary_ids import slug, unique

if TYPE_CHECKING:
    from .glossary_csv import SheetRow

#: The language of a column that names Chinese but no script (``zh``, ``Chinese``,
#: ``中文``): each of its terms is zh-CN or zh-Hant by the characters it is written in.
ZH_ANY = "zh"


class Kind(StrEnum):
    """What a column of a bilingual sheet holds."""

    TERM = "term"
    #: Part of speech of the row's terms of the column's language.
    POS = "pos"
    #: A description in a language other than English: the note of the row's first term of it.
    TERM_NOTE = "term note"
    DEFINITION = "definition"
    NOTE = "note"
    SUBJECT = "subject"
    #: A column without a header: allowed while it is empty (Excel's trailing separators).
    BLANK = "blank"


@dataclass(frozen=True)
class Column:
    """One column of a bilingual sheet: what it holds and, for terms, the language."""

    kind: Kind
    #: The glossary language (``en``, ``zh-CN``, ``zh-Hant``, :data:`ZH_ANY`...) of a
    #: term, part-of-speech or term-note column; None for concept fields.
    lang: str | None = None


@dataclass
class SheetLayout:
    """The columns of a bilingual sheet's header, in order."""

    header: list[str]
    columns: list[Column]

    def languages(self) -> list[str]:
        """The languages of the term columns, in column order, each once."""
        return list(dict.fromkeys(c.lang for c in self.columns if c.kind is Kind.TERM and c.lang))


#: Header names of the concept and term fields (compared by :func:`_plain`).
FIELD_NAMES: dict[str, Kind] = {
    **dict.fromkeys(
        ("note", "notes", "comment", "comments", "remark", "remarks", "concept note", "备注", "備註", "注释"),
        Kind.NOTE,
    ),
    **dict.fromkeys(
        ("definition", "description", "concept definition", "定义", "定義", "释义", "釋義"), Kind.DEFINITION
    ),
    **dict.fromkeys(("subject", "domain", "subject field", "concept subject", "领域", "領域"), Kind.SUBJECT),
    **dict.fromkeys(("pos", "part of speech", "词性", "詞性"), Kind.POS),
}
#: The names of a Crowdin-style ``Field [language]`` column (``Term [en]``, ``Description [zh-CN]``).
_BRACKET_FIELDS: dict[str, Kind] = {
    **dict.fromkeys(("", "term", "terms"), Kind.TERM),
    **dict.fromkeys(("description", "definition"), Kind.TERM_NOTE),  # (English: the definition)
    **dict.fromkeys(("pos", "part of speech"), Kind.POS),
}
_BRACKETED = re.compile(r"(.*?)\s*\[([^\[\]]+)\]")

#: ISO 639-1 codes: a header that is one of them (with or without region or script)
#: is a language column.  ``id``, ``no`` and ``nr`` are left out: a column called "ID",
#: "No" or "Nr" holds numbers more often than Indonesian, Norwegian or South Ndebele
#: terms (write ``id-ID``, ``nb``, ``Term [id]``).
ISO_639_1 = langtags.ISO_639_1 - {"id", "no", "nr"}
_THREE_LETTER = {"eng": "en", "zho": "zh", "chi": "zh"}

#: Words of a language name (casefolded; :func:`_name_words` splits the name).
_LANGUAGE_WORDS = {
    **dict.fromkeys(("english", "英文", "英语", "英語"), "en"),
    **dict.fromkeys(("chinese", "中文", "汉语", "漢語", "华语", "華語", "华文", "華文"), "zh"),
    **dict.fromkeys(("简体中文", "簡體中文", "简中"), "zh-Hans"),
    **dict.fromkeys(("繁體中文", "繁体中文", "繁中"), "zh-Hant"),
}
#: Words that tell the script or region of Chinese: ``Chinese (Traditional, Taiwan)``, ``Chinese_PRC``.
_CHINESE_SCRIPTS = {
    **dict.fromkeys(("simplified", "简体", "簡體"), "Hans"),
    **dict.fromkeys(("traditional", "繁體", "繁体"), "Hant"),
}
_CHINESE_REGIONS = {
    **dict.fromkeys(("prc", "china", "mainland", "中国", "中國", "大陆", "大陸"), "CN"),
    **dict.fromkeys(("taiwan", "台湾", "臺灣", "台灣"), "TW"),
    **dict.fromkeys(("hongkong", "hk", "香港"), "HK"),
    **dict.fromkeys(("macao", "macau", "澳门", "澳門"), "MO"),
    **dict.fromkeys(("singapore", "新加坡"), "SG"),
}
#: Words a language name may carry besides: the region of English (``English_United_States``,
#: ``English (United Kingdom)``) and "term" (``English term``, ``中文术语``).
_NAME_EXTRAS = (
    "united states kingdom us usa uk gb great britain america american british australia canada "
    "ireland new zealand india international singapore south africa philippines malaysia "
    "term terms sar 术语 術語"
)
_OTHER_NAME_WORDS = frozenset(_NAME_EXTRAS.split())
_NAME_SPLIT = re.compile(r"[\s_\-()（）,，、/]+")


def _plain(header: str) -> str:
    """A header name compared with :data:`FIELD_NAMES`: ``Part_of-Speech`` -> ``part of speech``."""
    return " ".join(header.casefold().replace("_", " ").replace("-", " ").split())


def _name_words(name: str) -> list[str]:
    words = [w for w in _NAME_SPLIT.split(name.casefold()) if w]
    out: list[str] = []
    for w in words:  # 英文术语, 中文（简体）: the CJK words run together
        for suffix in ("术语", "術語"):
            if w != suffix and w.endswith(suffix):
                w = w[: -len(suffix)]
        for compound in ("中文简体", "中文簡體", "中文繁体", "中文繁體"):
            if w == compound:
                out.extend([w[:2], w[2:]])
                break
        else:
            out.append(w)
    joined = " ".join(out)  # (two-word names)
    for two in ("hong kong",):
        joined = joined.replace(two, two.replace(" ", ""))
    return joined.split()


def language_tag(header: str) -> str | None:
    """The language tag a column header names, or None: ``en_US`` -> ``en-US``,
    ``Chinese (Traditional, Taiwan)`` -> ``zh-Hant-TW``, ``英文`` -> ``en``.

    >>> [language_tag(h) for h in ("EN", "zh_cn", "English_United_States", "Chinese_PRC", "繁體中文", "note")]
    ['en', 'zh-CN', 'en', 'zh-CN', 'zh-Hant', None]
    """
    text = header.strip()
    if langtags.is_valid(text):
        first, _sep, rest = text.replace("_", "-").partition("-")
        code = _THREE_LETTER.get(first.lower(), first.lower())
        if code in ISO_639_1 and len(first) in (2, 3):
            return langtags.normalize(code + ("-" + rest if rest else ""))
    words = _name_words(text)
    langs = [_LANGUAGE_WORDS[w] for w in words if w in _LANGUAGE_WORDS]
    scripts = [_CHINESE_SCRIPTS[w] for w in words if w in _CHINESE_SCRIPTS]
    regions = [_CHINESE_REGIONS[w] for w in words if w in _CHINESE_REGIONS]
    if not langs and scripts and all(w in _CHINESE_SCRIPTS for w in words) and not words[0].isascii():
        langs = ["zh"]  # 简体, 繁體 alone
    if len(langs) != 1 or any(
        w not in _LANGUAGE_WORDS
        and w not in _CHINESE_SCRIPTS
        and w not in _CHINESE_REGIONS
        and w not in _OTHER_NAME_WORDS
        for w in words
    ):
        return None
    lang = langs[0]
    if lang == "en":
        return None if scripts else "en"
    if lang != "zh":  # 简体中文, 繁體中文
        return lang if not scripts and not regions else None
    if len(set(scripts)) > 1 or len(set(regions)) > 1:
        return None
    parts = ["zh", *scripts[:1], *regions[:1]]
    return "-".join(parts)


def column_language(tag: str) -> str:
    """The glossary language of a term column tagged ``tag``: :data:`ZH_ANY` for Chinese
    without a script, ``zh-Hant`` for a Traditional script or region, else
    :func:`~termkit.exchange.glossary_language` (``en-GB`` -> ``en``, ``zh-Hans`` -> ``zh-CN``)."""
    if langtags.primary(tag) == "zh":
        script = langtags.script(tag)
        if script == "Hant":
            return ZH_HANT
        if script is None:
            return ZH_ANY
    return glossary_language(tag)


def column_of(header: str) -> Column | None:
    """What a header cell names in a bilingual sheet, or None for an unknown column."""
    plain = _plain(header)
    if not plain:
        return Column(Kind.BLANK)
    if plain in FIELD_NAMES:
        kind = FIELD_NAMES[plain]
        return Column(kind, EN if kind is Kind.POS else None)
    bracketed = _BRACKETED.fullmatch(header.strip())
    if bracketed:
        field, inner = _plain(bracketed.group(1)), language_tag(bracketed.group(2))
        if field not in _BRACKET_FIELDS or inner is None:
            return None
        lang = column_language(inner)
        kind = _BRACKET_FIELDS[field]
        if kind is Kind.TERM_NOTE and lang == EN:
            return Column(Kind.DEFINITION)
        return Column(kind, lang)
    tag = language_tag(header)
    return Column(Kind.TERM, column_language(tag)) if tag is not None else None


SHAPE = (
    "a bilingual sheet has a column per language, two or more (en, zh-CN, English, 中文...), "
    "and optionally note, definition, subject and pos columns"
)


def sheet_layout(
    header: Sequence[str], header_columns: Sequence[int], path: str, long_columns: Iterable[str] = ()
) -> SheetLayout | None:
    """The layout of a bilingual sheet's header; None when it has fewer than two
    languages (it is no bilingual sheet).  An unknown column, or two columns for one
    field, is an error located in the header (``long_columns``, the columns of
    termkit's own spreadsheet, get a word of advice)."""
    columns = [column_of(h) for h in header]
    languages = {c.lang for c in columns if c is not None and c.kind is Kind.TERM}
    if len(languages) < 2:
        return None
    long_names = set(long_columns)
    seen: dict[Column, int] = {}
    for i, column in enumerate(columns):
        if column is None:
            name = header[i].strip().lower().replace(" ", "_").replace("-", "_")
            why = (
                "a column of termkit's one-row-per-term spreadsheet, which has a 'lang' column; "
                "a bilingual sheet makes concept ids from its English terms"
                if name in long_names
                else SHAPE
            )
            raise FormatError(
                f"unknown column '{header[i]}': {why}; rename or delete it", path, 1, header_columns[i]
            )
        if column.kind in (Kind.TERM, Kind.BLANK):
            continue
        if column in seen:
            first = seen[column]
            raise FormatError(
                f"columns '{header[first]}' and '{header[i]}' both give the {_field_name(column)}; "
                "keep one of them",
                path,
                1,
                header_columns[i],
            )
        seen[column] = i
    return SheetLayout(list(header), [c for c in columns if c is not None])


def _field_name(column: Column) -> str:
    if column.kind is Kind.POS:
        return f"part of speech of the {column.lang} terms"
    if column.kind is Kind.TERM_NOTE:
        return f"description of the {column.lang} terms"
    return {Kind.NOTE: "concept note", Kind.DEFINITION: "definition", Kind.SUBJECT: "subject"}[column.kind]


#: What separates the terms of one cell.
TERM_SEPARATORS = re.compile(r"[;|；｜\r\n]")


def split_terms(cell: str) -> list[str]:
    """The terms of a cell: ``"Rain Plan; Dew Plan"`` -> ``["Rain Plan", "Dew Plan"]``."""
    return [part.strip() for part in TERM_SEPARATORS.split(cell) if part.strip()]


@dataclass
class _Found:
    """A term of a row: the language of its column, its own language, text and column index."""

    declared: str
    lang: str
    text: str
    index: int


class _Reader:
    """Rows into concepts, merging rows with the same first English term (and subject)."""

    def __init__(self, layout: SheetLayout, path: str) -> None:
        self.layout = layout
        self.path = path
        #: (language, first term) -> the concepts of rows with it (homographs: several)
        self.concepts: dict[tuple[str, str], list[Concept]] = {}
        self.order: list[Concept] = []
        self.taken: set[str] = set()
        #: concept id -> the first row that gave its term without a subject
        self.blank: dict[str, int] = {}
        self.notes: dict[str, list[str]] = {}
        #: (concept id, what) -> the line of the row that gave it.
        self.given: dict[tuple[str, str], int] = {}

    def add(self, row: SheetRow) -> None:
        columns = self.layout.columns
        found: list[_Found] = []
        for i, column in enumerate(columns):
            cell = row.cells[i]
            if column.kind is Kind.TERM and column.lang is not None:
                for text in split_terms(cell):
                    lang = term_language(ZH_ANY, text) if column.lang == ZH_ANY else column.lang
                    found.append(_Found(column.lang, lang, text, i))
            elif column.kind is Kind.BLANK and cell.strip():
                raise self.error(
                    row,
                    i,
                    "a value in a column without a header: name the column (en, zh-CN, note...) "
                    "or delete the value",
                )
        if not found:
            first = next(i for i, c in enumerate(columns) if c.kind is Kind.TERM)
            raise self.error(row, first, "a row without a term: fill a language column or delete the row")
        head = next((f for f in found if f.lang == EN), found[0])
        concept = self.concept(head, row)
        firsts: dict[str, Term] = {}
        for item in found:
            status = TermStatus.ADMITTED if concept.terms_in(item.lang) else TermStatus.PREFERRED
            term = Term(
                item.text, status=status, location=Location(self.path, row.line, row.columns[item.index])
            )
            if not concept.add_term(item.lang, term):
                term = next(t for t in concept.terms_in(item.lang) if t.text == item.text)
            firsts.setdefault(item.declared, term)
            self.term_fields(concept, term, item, row)
        for i, column in enumerate(columns):
            value = row.cells[i].strip()
            if not value or column.kind in (Kind.TERM, Kind.BLANK, Kind.POS):
                continue
            if column.kind is Kind.TERM_NOTE:
                first_term = firsts.get(column.lang or "")
                if first_term is None:
                    raise self.error(
                        row,
                        i,
                        f"a description but no {column.lang} term in the row; add the term or clear the cell",
                    )
                self.agree(concept, first_term, "note", value, row, i, f"the note of '{first_term.text}'")
            elif column.kind is Kind.NOTE:
                notes = self.notes.setdefault(concept.id, [])
                if value not in notes:
                    notes.append(value)
            else:
                self.agree(concept, concept, column.kind.value, value, row, i, column.kind.value)
        for i, column in enumerate(columns):
            if column.kind is Kind.POS and row.cells[i].strip() and column.lang not in firsts:
                raise self.error(
                    row,
                    i,
                    f"a part of speech but no {column.lang} term in the row; add the term or clear the cell",
                )

    def concept(self, head: _Found, row: SheetRow) -> Concept:
        """The concept of the row: that of an earlier row with the same first term,
        unless their subjects tell them apart (homographs, :func:`~termkit.model.told_apart`).

        A row without a subject among homographs could be either: an error, whether the
        homographs come before it or after it (it would have joined whichever came first).
        """
        subject = self.subject(row)
        same_term = self.concepts.setdefault((head.lang, head.text), [])
        key = subject_key(subject)
        fits = [c for c in same_term if not subjects_differ(c.subject, subject)]
        if len(fits) > 1:  # (only a row without a subject fits several: they all have one)
            raise self.error(row, self.subject_index(), self.unknown_homograph(head.text, fits, row.line))
        if fits:
            if not key:
                self.blank.setdefault(fits[0].id, row.line)
            return fits[0]
        blank = [c for c in same_term if c.id in self.blank]
        if blank:
            known = [*same_term, Concept("", subject=subject)]
            message = self.unknown_homograph(head.text, known, self.blank[blank[0].id], row.line)
            raise self.error(row, self.subject_index(), message)
        cid = unique(slug(head.text), self.taken)
        self.taken.add(cid)
        where = Location(self.path, row.line, row.columns[head.index])
        concept = Concept(cid, location=where, made_up_id=True)
        same_term.append(concept)
        self.order.append(concept)
        if not key:
            self.blank[cid] = row.line
        return concept

    def unknown_homograph(
        self, term: str, homographs: list[Concept], line: int, at: int | None = None
    ) -> str:
        """Why the row of ``line``, without a subject, is none of the ``homographs`` in particular."""
        given = ", ".join(
            f"row {self.given.get((c.id, 'subject'), at)}: {c.subject!r}" for c in homographs if c.subject
        )
        return (
            f"'{term}' is the first term of homographs told apart by subject ({given}) and row {line} "
            f"gives none; give row {line} the subject of its concept"
        )

    def subject_index(self) -> int:
        """The subject column (there is one: without it no two rows are homographs)."""
        return next(i for i, c in enumerate(self.layout.columns) if c.kind is Kind.SUBJECT)

    def subject(self, row: SheetRow) -> str:
        """The row's subject field ('' when the sheet or the row gives none)."""
        columns = self.layout.columns
        return next((row.cells[i].strip() for i, c in enumerate(columns) if c.kind is Kind.SUBJECT), "")

    def term_fields(self, concept: Concept, term: Term, item: _Found, row: SheetRow) -> None:
        """The part of speech the row gives the term's column language."""
        for i, column in enumerate(self.layout.columns):
            value = row.cells[i].strip()
            if column.kind is Kind.POS and column.lang == item.declared and value:
                what = f"the part of speech of '{term.text}'"
                self.agree(concept, term, "pos", value, row, i, what)

    def agree(
        self,
        concept: Concept,
        owner: Concept | Term,
        attr: str,
        value: str,
        row: SheetRow,
        index: int,
        what: str,
    ) -> None:
        """Set ``owner.attr`` to ``value``, unless an earlier row of the concept set it otherwise."""
        current = getattr(owner, attr)
        key = (concept.id, what)
        if current is None:
            setattr(owner, attr, value)
            self.given[key] = row.line
        elif current != value and not (attr == "subject" and subject_key(current) == subject_key(value)):
            raise self.error(
                row,
                index,
                f"rows {self.given.get(key, row.line)} and {row.line} of concept '{concept.id}' disagree on "
                f"{what} ({current!r} vs {value!r}); make them say the same, or leave one of the cells empty",
            )

    def error(self, row: SheetRow, index: int, message: str) -> FormatError:
        header = self.layout.header[index]
        named = f"column '{header}'" if header.strip() else f"column {index + 1}"
        return FormatError(f"{message} ({named})", self.path, row.line, row.columns[index])

    def glossary(self) -> Glossary:
        for concept in self.order:
            concept.note = "\n".join(self.notes.get(concept.id, [])) or None
        return Glossary(list(self.order))


def bilingual_glossary(layout: SheetLayout, rows: Iterable[SheetRow], path: str) -> Glossary:
    """The concepts of a bilingual sheet's rows (padded to the header's width)."""
    reader = _Reader(layout, path)
    for row in rows:
        reader.add(row)
    return reader.glossary()


__all__: Sequence[str] = (
    "FIELD_NAMES",
    "ISO_639_1",
    "TERM_SEPARATORS",
    "ZH_ANY",
    "Column",
    "Kind",
    "SheetLayout",
    "bilingual_glossary",
    "column_language",
    "column_of",
    "language_tag",
    "sheet_layout",
    "split_terms",
)
