"""TBX term bases: TBX-Basic in TBX v3 (ISO 30042:2019) and in the 2008 ``martif`` form.

Writing (:func:`write_tbx`):

* ``version="v3"``: ``<tbx type="TBX-Basic" style="dca">`` in the namespace
  ``urn:iso:std:iso:30042:ed-2``, ``conceptEntry/langSec/termSec`` (valid against
  the TBX v3 core RELAX NG schema);
* ``version="2008"``: ``<martif type="TBX-Basic">`` with
  ``termEntry/langSet/tig`` and ``<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">``,
  the form OmegaT, translate-toolkit and Weblate read (valid against both the
  TBX core and the TBX-Basic 2008 DTDs).

One entry per concept, all its synonyms under it; entry ids are the concept ids
(made XML NCNames by :func:`~termkit.formats.glossary_ids.xml_id` where needed).

=====================  ===============================================================
glossary               TBX-Basic
=====================  ===============================================================
subject                ``<descrip type="subjectField">`` (entry level)
definition             ``<descrip type="definition">`` (entry level)
note                   ``<note>`` (entry level)
sources                ``<admin type="source">`` (``document § section``), one each
provenance             ``<transacGrp>``: ``transactionType`` origination, ``responsibility``
status (not approved)  ``<note>termkit:status=proposed</note>``
term status            ``<termNote type="administrativeStatus">``: preferred ->
                       ``preferredTerm-admn-sts``, admitted -> ``admittedTerm-admn-sts``,
                       deprecated -> ``supersededTerm-admn-sts``, forbidden ->
                       ``deprecatedTerm-admn-sts`` (TBX-Basic has no "forbidden"; its
                       deprecatedTerm is TBX-Min's "notRecommended", supersededTerm its
                       "obsolete")
term pos               ``<termNote type="partOfSpeech">``
term note              ``<note>`` in the term section
term review, case      ``<note>termkit:review=proposed</note>``, ``<note>termkit:case-sensitive=yes</note>``
=====================  ===============================================================

A concept or term note that starts with ``termkit:`` itself is written after
``termkit:note=`` (``<note>termkit:note=termkit:status=proposed</note>``), and
read back without it: no note is ever taken for a status, review or
case-sensitivity mark.

A term's score and evidence (aligner details) are not written.  A concept
without terms cannot be an entry (TBX needs a language section with a term):
such concepts are refused with a FormatError, as is a glossary without concepts
(TBX-Basic needs an entry in its body), and characters XML 1.0 cannot
carry (the rule of :func:`termkit.formats.xmlsafe.require_xml_chars`).

Reading (:func:`read_tbx`) accepts both forms, DCA and DCT style, ``tig`` and
``ntig``, ``descripGrp``; languages come from ``xml:lang`` (inherited from
enclosing elements), never from the position of a language section.  What a
language section says about the concept is kept: its definition and subject
fill the concept's when the entry gives none (English first), its sources join
the concept's, and its notes and any other definition or subject become lines
of the concept note labelled with language and field (``zh-CN note: ...``,
``es definition: ...``).  Entries
without a ``termkit:status`` note are approved: a term base is published data
(``termkit import --status`` decides what imported data becomes).  In a file
another tool wrote, a run of white space with a line break in it is one space
(the file's layout, as CAT tools show it: ``definition at the\n\t\t\tlanguage
level`` is ``definition at the language level``), but an empty line in a
definition or note is a paragraph break, a line end written ``&#13;`` is the
text's, and ``xml:space="preserve"`` keeps an element as it is; in a file termkit
wrote (:data:`EXPORTED_BY`), a line break in a note is the glossary's and is kept.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import IO

from lxml import etree

from .. import langtags
from ..chinese import HAN
from ..errors import FormatError
from ..model import EN, Concept, Glossary, Location, ReviewStatus, Term, TermStatus, sort_languages
from . import xmlsafe
from .glossary_ids import format_source, from_xml_id, parse_source, slug, unique, xml_id

TBX_NS = "urn:iso:std:iso:30042:ed-2"
VERSIONS = ("v3", "2008")
DOCTYPE_2008 = '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'

STATUS_TO_TBX = {
    TermStatus.PREFERRED: "preferredTerm-admn-sts",
    TermStatus.ADMITTED: "admittedTerm-admn-sts",
    TermStatus.DEPRECATED: "supersededTerm-admn-sts",
    TermStatus.FORBIDDEN: "deprecatedTerm-admn-sts",
}
#: Values seen in the wild (lower-cased, without "-admn-sts"), TBX-Min words included.
TBX_TO_STATUS = {
    "preferredterm": TermStatus.PREFERRED,
    "preferred": TermStatus.PREFERRED,
    "admittedterm": TermStatus.ADMITTED,
    "admitted": TermStatus.ADMITTED,
    "standardizedterm": TermStatus.ADMITTED,
    "legalterm": TermStatus.ADMITTED,
    "regulatedterm": TermStatus.ADMITTED,
    "supersededterm": TermStatus.DEPRECATED,
    "superseded": TermStatus.DEPRECATED,
    "obsolete": TermStatus.DEPRECATED,
    "deprecated": TermStatus.DEPRECATED,
    "deprecatedterm": TermStatus.FORBIDDEN,
    "notrecommended": TermStatus.FORBIDDEN,
    "forbidden": TermStatus.FORBIDDEN,
}
_MARK = "termkit:"
#: The ``sourceDesc`` paragraph of the header of a file termkit wrote: its texts are
#: the glossary's as they are (a line break in a note is one), not laid out.
EXPORTED_BY = "Exported by termkit from its glossary files."
#: A run of XML white space with a line break in it: in a file of another tool, the
#: layout of its text (``definition at the\n\t\t\tlanguage level``), one space.
_LAYOUT = re.compile(r"[ \t\r\n]*[\r\n][ \t\r\n]*")
_XML_SPACE = f"{{{xmlsafe.XML_NS}}}space"
#: Before a note that starts with :data:`_MARK`, so that it is never read as a mark.
_NOTE_MARK = _MARK + "note="
_ENTRY = ("conceptEntry", "termEntry")
_LANG = ("langSec", "langSet")
_TERM = ("termSec", "tig", "ntig")
_GROUPS = ("descripGrp", "adminGrp", "termGrp", "termNoteGrp")
_CATEGORIES = (
    "descrip",
    "admin",
    "termNote",
    "transac",
    "transacNote",
    "ref",
    "xref",
    "adminNote",
    "descripNote",
)

#: Data categories of a language section that the reader keeps (see :func:`_lang_fields`).
_LANG_FIELDS = ("definition", "subjectField", "source", "note")
#: Language-section categories the concept has one field for: TBX name -> Concept attribute.
_ONE_PER_CONCEPT = {"definition": "definition", "subjectField": "subject"}

TbxSource = str | os.PathLike[str] | IO[bytes]


# --------------------------------------------------------------------------
# Writing


def write_tbx(
    fp: IO[bytes],
    glossary: Glossary,
    version: str = "v3",
    *,
    title: str = "termkit glossary",
    lang: str = "en",
) -> int:
    """Write ``glossary`` as TBX-Basic (``v3`` or ``2008``); returns the number of entries."""
    data = tbx_bytes(glossary, version, title=title, lang=lang)
    fp.write(data)
    return len(glossary)


def tbx_bytes(
    glossary: Glossary, version: str = "v3", *, title: str = "termkit glossary", lang: str = "en"
) -> bytes:
    """The bytes :func:`write_tbx` writes."""
    if version not in VERSIONS:
        raise FormatError(f"unknown TBX version '{version}' (v3 or 2008)")
    if not len(glossary):
        # TBX-Basic (the 2008 DTD, the v3 TBX-Basic schema) needs a body with an entry
        raise FormatError("an empty glossary cannot be written as TBX-Basic (it needs at least one entry)")
    v3 = version == "v3"
    ns = f"{{{TBX_NS}}}" if v3 else ""
    builder = _Builder(ns)
    if v3:
        root = etree.Element(ns + "tbx", nsmap={None: TBX_NS})  # type: ignore[dict-item]
        root.set("type", "TBX-Basic")
        root.set("style", "dca")
    else:
        root = etree.Element("martif")
        root.set("type", "TBX-Basic")
    root.set(xmlsafe.XML_LANG, langtags.normalize(lang))
    header = builder.sub(root, "tbxHeader" if v3 else "martifHeader")
    file_desc = builder.sub(header, "fileDesc")
    builder.sub(builder.sub(file_desc, "titleStmt"), "title", title, "header title")
    builder.sub(builder.sub(file_desc, "sourceDesc"), "p", EXPORTED_BY)
    if not v3:
        builder.sub(builder.sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs").set("type", "XCSURI")
    text = builder.sub(root, "text")
    body = builder.sub(text, "body")
    seen: dict[str, str] = {}
    for concept in glossary:
        entry_id = xml_id(concept.id)
        if entry_id in seen:
            raise FormatError(
                f"concept ids '{seen[entry_id]}' and '{concept.id}' give the same XML id "
                f"'{entry_id}'; each entry needs its own id"
            )
        seen[entry_id] = concept.id
        builder.entry(body, concept, entry_id, v3)
    etree.indent(root, space="  ")
    xml = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' + ("" if v3 else DOCTYPE_2008 + "\n")
    return head.encode("utf-8") + xml + b"\n"


class _Builder:
    def __init__(self, ns: str) -> None:
        self.ns = ns

    def sub(
        self, parent: etree._Element, name: str, text: str | None = None, what: str = "text"
    ) -> etree._Element:
        element = etree.SubElement(parent, self.ns + name)
        if text is not None:
            xmlsafe.require_xml_chars(text, what)
            element.text = text
        return element

    def category(self, parent: etree._Element, name: str, kind: str, text: str, what: str) -> None:
        self.sub(parent, name, text, what).set("type", kind)

    def entry(self, body: etree._Element, concept: Concept, entry_id: str, v3: bool) -> None:
        what = f"concept '{concept.id}'"
        langs = [lang for lang in sort_languages(concept.terms) if concept.terms_in(lang)]
        if not langs:
            raise FormatError(
                f"{what} has no terms; a TBX entry needs at least one term "
                "(add one, or leave the concept out of the export)"
            )
        entry = self.sub(body, "conceptEntry" if v3 else "termEntry")
        entry.set("id", entry_id)
        if concept.subject:
            self.category(entry, "descrip", "subjectField", concept.subject, f"{what} subject")
        if concept.definition:
            self.category(entry, "descrip", "definition", concept.definition, f"{what} definition")
        for source in concept.sources:
            self.category(entry, "admin", "source", format_source(source), f"{what} source")
        if concept.provenance:
            group = self.sub(entry, "transacGrp")
            self.category(group, "transac", "transactionType", "origination", what)
            self.category(group, "transacNote", "responsibility", concept.provenance, f"{what} provenance")
        if concept.note:
            self.sub(entry, "note", _note_text(concept.note), f"{what} note")
        if concept.status is not ReviewStatus.APPROVED:
            self.sub(entry, "note", f"{_MARK}status={concept.status.value}")
        for lang in langs:
            section = self.sub(entry, "langSec" if v3 else "langSet")
            section.set(xmlsafe.XML_LANG, _lang(lang, what))
            for term in concept.terms_in(lang):
                self.term(section, term, f"{what}, {lang} term {term.text!r}", v3)

    def term(self, section: etree._Element, term: Term, what: str, v3: bool) -> None:
        if not term.text:
            raise FormatError(f"{what}: empty term text")
        tsec = self.sub(section, "termSec" if v3 else "tig")
        self.sub(tsec, "term", term.text, what)
        if term.pos:
            self.category(tsec, "termNote", "partOfSpeech", term.pos, f"{what} pos")
        self.category(tsec, "termNote", "administrativeStatus", STATUS_TO_TBX[term.status], what)
        if term.note:
            self.sub(tsec, "note", _note_text(term.note), f"{what} note")
        if term.review is not None:
            self.sub(tsec, "note", f"{_MARK}review={term.review.value}")
        if term.case_sensitive:
            self.sub(tsec, "note", f"{_MARK}case-sensitive=yes")


def _lang(tag: str, what: str) -> str:
    if not langtags.is_valid(tag):
        raise FormatError(f"{what}: '{tag}' is not a language tag")
    return langtags.normalize(tag)


# --------------------------------------------------------------------------
# Reading


def read_tbx(src: TbxSource) -> Glossary:
    """Read a TBX file (v3 or 2008, DCA or DCT) into a glossary."""
    name = xmlsafe.source_name(src)
    tree = xmlsafe.parse(src)
    root = tree.getroot()
    if xmlsafe.local_name(root) not in ("tbx", "martif"):
        raise FormatError(
            f"not a TBX file: the root element is <{xmlsafe.local_name(root)}>, not <tbx> or <martif>",
            name,
            xmlsafe.line_of(root),
            1,
            rule="xml-root",
        )
    if not _written_by_termkit(root):
        _collapse_layout(root)
    concepts = [_read_entry(entry, n, name) for n, entry in enumerate(_entries(root), 1)]
    _name_entries_without_id(concepts)
    return Glossary(concepts)


def _written_by_termkit(root: etree._Element) -> bool:
    """Whether the header says termkit wrote the file (:data:`EXPORTED_BY`)."""
    header = next((child for child in root if xmlsafe.is_element(child)), None)
    if header is None or xmlsafe.local_name(header) not in ("tbxHeader", "martifHeader"):
        return False
    return any(
        xmlsafe.is_element(e) and xmlsafe.local_name(e) == "p" and _text(e) == EXPORTED_BY
        for e in header.iter()
    )


def _collapse_layout(root: etree._Element) -> None:
    """Each run of white space with a line break in it, in the text of a file another tool
    wrote, becomes one space, as CAT tools show a definition, a note or a term that the
    file's indentation wraps over several lines (the TBX-Basic samples do).

    Not layout: an empty line in a definition or a note, a paragraph break, stays one
    (Lokalize's ``一种发源自牙买加的音乐\n\nhttps://...``), and so does a line end the
    file writes as a character reference (``&#13;``: a reader never sees a CR of the
    layout); an element that says ``xml:space="preserve"`` is kept as it is."""
    stack = [(root, False, False)]
    while stack:
        element, preserve, outer = stack.pop()
        if not xmlsafe.is_element(element):
            continue
        space = element.get(_XML_SPACE)
        keep = preserve if space is None else space == "preserve"
        lines = outer or _holds_paragraphs(element)
        if element.text and not keep:
            element.text = _collapsed(element.text, lines)
        stack.extend((child, keep, lines) for child in element)
        if element.tail and not preserve:
            element.tail = _collapsed(element.tail, outer)


def _holds_paragraphs(element: etree._Element) -> bool:
    """Whether ``element`` is a definition or a note, whose text may have paragraphs."""
    name = xmlsafe.local_name(element)
    return name in ("note", "definition") or element.get("type") == "definition"


def _chinese_char(ch: str) -> bool:
    """A Han character or CJK/full-width punctuation (。，、 ）: none has a space after it."""
    return bool(HAN.match(ch)) or "\u3000" < ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def _joins_chinese(before: str, after: str) -> bool:
    """Whether a wrapped line between ``before`` and ``after`` is inside Chinese text:
    both Chinese (:func:`_chinese_char`), or a curly quote (“ ” ‘ ’, which Chinese and
    English share) beside a Han character."""
    if _chinese_char(before) and _chinese_char(after):
        return True
    return (before in _CURLY_QUOTES and bool(HAN.match(after))) or (
        after in _CURLY_QUOTES and bool(HAN.match(before))
    )


_CURLY_QUOTES = "\u201c\u201d\u2018\u2019"


def _collapsed(text: str, paragraphs: bool) -> str:
    """``text`` with each run of :data:`_LAYOUT` one space; in a definition or a note
    (``paragraphs``), a run with an empty line or a CR in it is an empty line, or the
    line ends it holds (see :func:`_collapse_layout`); between two Chinese characters,
    nothing (``扶贫\n    开发`` is 扶贫开发)."""
    if "\n" not in text and "\r" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        run = match.group()
        breaks = run.count("\n") + run.count("\r") - run.count("\r\n")
        if paragraphs and "\r" in run:
            return "\n" * breaks
        if paragraphs and breaks > 1:
            return "\n\n"
        start, end = match.start(), match.end()
        if start > 0 and end < len(text) and _joins_chinese(text[start - 1], text[end]):
            return ""  # Chinese has no space between words: a wrapped line joins up
        return " "

    return _LAYOUT.sub(one, text)


def _name_entries_without_id(concepts: list[Concept]) -> None:
    """Give an entry without an ``id`` the id the OmegaT and spreadsheet readers would:
    a slug of its first English term, else of its first term (``term-adf8f7ba`` for
    雨露计划, the same in every file), unique in the file; not ``entry-N``, its
    position, which names nothing (and would become the concept's id in a glossary)."""
    taken = {c.id for c in concepts if not c.made_up_id}
    for concept in concepts:
        if not concept.made_up_id:
            continue
        english = [ts[0] for lang, ts in concept.terms.items() if ts and langtags.primary(lang) == EN]
        first = english[0] if english else next((ts[0] for ts in concept.terms.values() if ts), None)
        if first is not None:
            concept.id = unique(slug(first.text), taken)
        taken.add(concept.id)


def iter_tbx(src: TbxSource) -> Iterator[Concept]:
    """The concepts of a TBX file, in file order."""
    yield from read_tbx(src)


def _entries(root: etree._Element) -> Iterator[etree._Element]:
    for element in root.iter():
        if xmlsafe.is_element(element) and xmlsafe.local_name(element) in _ENTRY:
            yield element


def _element_lang(element: etree._Element) -> str | None:
    node: etree._Element | None = element
    while node is not None:
        value = node.get(xmlsafe.XML_LANG) or node.get("lang")
        if value:
            return value
        node = node.getparent()
    return None


def _text(element: etree._Element) -> str:
    return xmlsafe.text_of(element).strip()


def _category(element: etree._Element) -> tuple[str, str] | None:
    """``(data category, text)`` of a DCA element (``<descrip type=...>``), a DCT
    element (``<min:subjectField>``) or a note; None for structure."""
    name = xmlsafe.local_name(element)
    if name == "note":
        return "note", _text(element)
    if name in _CATEGORIES:
        kind = element.get("type")
        return (kind, _text(element)) if kind else None
    if xmlsafe.namespace(element) not in ("", TBX_NS) and name:
        return name, _text(element)
    return None


def _leaves(element: etree._Element) -> Iterator[etree._Element]:
    """Children, with the members of groups (``descripGrp``, ``termGrp``...) in place of the group."""
    for child in element:
        if not xmlsafe.is_element(child):
            continue
        if xmlsafe.local_name(child) in _GROUPS:
            yield from _leaves(child)
        else:
            yield child


def _read_entry(entry: etree._Element, n: int, path: str) -> Concept:
    raw_id = entry.get("id")
    concept = Concept(
        from_xml_id(raw_id) if raw_id else f"entry-{n}",
        status=ReviewStatus.APPROVED,
        location=Location(path, xmlsafe.line_of(entry)),
        made_up_id=not raw_id,
    )
    notes: list[str] = []
    lang_fields: list[tuple[str, str, str]] = []
    for child in _leaves(entry):
        name = xmlsafe.local_name(child)
        if name in _LANG:
            _read_lang(child, concept, lang_fields, path)
        elif name == "transacGrp":
            _read_transaction(child, concept)
        else:
            _concept_category(child, concept, notes)
    _lang_fields(concept, lang_fields, notes)
    concept.note = "\n".join(notes) if notes else None
    return concept


def _lang_fields(concept: Concept, fields: list[tuple[str, str, str]], notes: list[str]) -> None:
    """Put what language sections say about the concept where the model has a place for it.

    A glossary concept has one definition and one subject: the entry's, else
    the English section's, else the first section's.  Sources join the
    concept's sources.  Everything else (a section's notes, the definitions and
    subjects of the other languages) becomes a line of the concept note,
    labelled with its language and field (``zh-CN note: ...``), never dropped.
    """
    for kind, attr in _ONE_PER_CONCEPT.items():
        found = [(lang, text) for lang, k, text in fields if k == kind]
        if getattr(concept, attr) is None and found:
            english = [text for lang, text in found if langtags.primary(lang) == "en"]
            setattr(concept, attr, english[0] if english else found[0][1])
    for lang, kind, text in fields:
        if kind == "source":
            source = parse_source(text)
            if source not in concept.sources:
                concept.sources.append(source)
        elif kind == "note":
            notes.append(f"{lang} note: {text}")
        elif text != getattr(concept, _ONE_PER_CONCEPT[kind]):
            notes.append(f"{lang} {_ONE_PER_CONCEPT[kind]}: {text}")


def _concept_category(child: etree._Element, concept: Concept, notes: list[str]) -> None:
    found = _category(child)
    if found is None:
        return
    kind, text = found
    if kind == "note":
        status = _marked(text, "status")
        if status is not None:
            concept.status = status
        elif text:
            notes.append(_note_value(text))
    elif kind == "subjectField" and concept.subject is None and text:
        concept.subject = text
    elif kind == "definition" and concept.definition is None and text:
        concept.definition = text
    elif kind == "source" and text:
        concept.sources.append(parse_source(text))


def _note_text(note: str) -> str:
    """The text of the ``<note>`` of a concept or term note: the note, or, when the reader
    would take it for one of termkit's marks (it starts with ``termkit:``, spaces
    aside), the note after ``termkit:note=`` (:func:`_note_value` undoes it)."""
    return f"{_NOTE_MARK}{note}" if note.strip().startswith(_MARK) else note


def _note_value(text: str) -> str:
    """A note as :func:`_note_text` wrote it."""
    return text[len(_NOTE_MARK) :] if text.startswith(_NOTE_MARK) else text


def _marked(text: str, key: str) -> ReviewStatus | None:
    """The review status of a ``termkit:KEY=VALUE`` note, or None for any other note."""
    prefix = f"{_MARK}{key}="
    if not text.startswith(prefix):
        return None
    value = text[len(prefix) :].strip()
    return ReviewStatus(value) if value in {s.value for s in ReviewStatus} else None


def _read_transaction(group: etree._Element, concept: Concept) -> None:
    kinds = dict(c for c in (_category(x) for x in _leaves(group)) if c is not None)
    responsible = kinds.get("responsibility")
    if kinds.get("transactionType") == "origination" and responsible and not concept.provenance:
        concept.provenance = responsible


def _read_lang(
    section: etree._Element, concept: Concept, fields: list[tuple[str, str, str]], path: str
) -> None:
    """Read a language section's terms into ``concept`` and its data categories into ``fields``."""
    raw = _element_lang(section)
    lang = langtags.normalize(raw) if raw and langtags.is_valid(raw) else (raw or "und")
    for child in _leaves(section):
        name = xmlsafe.local_name(child)
        if name in _TERM:
            term = _read_term(child, path)
            if term is not None:
                concept.add_term(lang, term)
        else:
            found = _category(child)
            if found and found[0] in _LANG_FIELDS and found[1]:
                fields.append((lang, found[0], found[1]))


def _read_term(section: etree._Element, path: str) -> Term | None:
    text: str | None = None
    notes: list[str] = []
    term = Term("")
    for child in _leaves(section):
        name = xmlsafe.local_name(child)
        if name == "term":
            if text is None:
                text = xmlsafe.text_of(child).strip()
            continue
        found = _category(child)
        if found is None:
            continue
        kind, value = found
        if kind in ("administrativeStatus", "normativeAuthorization", "usageStatus"):
            key = value.lower().removesuffix("-admn-sts").replace("-", "")
            if key in TBX_TO_STATUS:
                term.status = TBX_TO_STATUS[key]
        elif kind == "partOfSpeech" and value:
            term.pos = value
        elif kind == "note":
            review = _marked(value, "review")
            if review is not None:
                term.review = review
                continue
            if value == _MARK + "case-sensitive=yes":
                term.case_sensitive = True
                continue
            if value:
                notes.append(_note_value(value))
    if not text:
        return None
    term.text = text
    term.note = "\n".join(notes) if notes else None
    term.location = Location(path, xmlsafe.line_of(section))
    return term


__all__ = ["STATUS_TO_TBX", "TBX_NS", "VERSIONS", "iter_tbx", "read_tbx", "tbx_bytes", "write_tbx"]
