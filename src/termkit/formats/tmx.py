"""TMX (Translation Memory eXchange) 1.1-1.4b: read, stream and write.

Reading (:func:`read_tmx`, :func:`iter_tmx`):

* TMX 1.1 to 1.4b, with or without the ``http://www.lisa.org/tmx14`` namespace;
  UTF-8/UTF-16 with or without BOM and any declared encoding (see
  :mod:`~termkit.formats.xmlsafe`, which also refuses XXE and billion laughs);
* ``xml:lang`` (1.4) as well as ``lang`` (1.1); language codes are normalised
  (``ZH-cn``, ``zh_CN`` -> ``zh-CN``); ``srclang="*all*"`` is kept as is;
* several target languages per unit; two ``<tuv>`` of the same language in one
  ``<tu>`` are a located error (one would otherwise be lost);
* inline codes ``bpt/ept/it/ph/ut/hi`` (and ``sub`` inside them) are kept in
  :attr:`Segment.codes`, anchored in the plain :attr:`Segment.text`; elements of
  other namespaces inside ``<seg>`` become ``<ph type="x-foreign">`` codes whose
  content is the element's XML;
* the ``<tu>``/``<tuv>`` attributes tmx14.dtd declares (``creationdate``,
  ``creationid``, ``changedate``, ``changeid``, ``usagecount``...; see
  :data:`TU_ATTRS`, :data:`TUV_ATTRS`) are kept in ``attrs`` and written back;
* every unit carries its location (``PATH:LINE`` of its ``<tu>``).

:func:`iter_tmx` streams: lxml's pull parser is fed 64 KiB at a time and the
``<tu>`` completed by each feed are read and deleted (see
:func:`termkit.formats.xmlsafe.stream_children`), so memory stays constant
however large the file.  ``<tu>`` outside ``<body>``, in another namespace or
nested in another element (invalid TMX) are read too.

Writing (:func:`write_tmx`, :class:`TmxWriter`): TMX 1.4b that validates against
``tmx14.dtd``; all required header attributes; ``xml:lang`` on every ``<tuv>``
(BCP 47: ``en``, ``zh-CN``); ``<prop>`` and ``<note>`` before ``<seg>``; no date
unless one is given; the same memory always gives the same bytes.  Unit fields
that TMX has no element for are written as props: ``x-context`` (PO msgctxt),
``x-fuzzy`` (``true``) and one ``x-reference`` per reference; the reader maps
them back.  Inline codes keep only the attributes the DTD declares, and codes of
other formats (XLIFF) are mapped to TMX elements with paired ``i`` (see
:func:`tmx_codes`).

XML-unsafe characters (control characters other than TAB/LF/CR, lone
surrogates, U+FFFE, U+FFFF) are **refused**: :func:`write_tmx` raises a
FormatError naming the unit, the field and the code point (see
:func:`termkit.formats.xmlsafe.require_xml_chars`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import IO, cast

from lxml import etree

from .. import __version__, langtags
from ..errors import FormatError
from ..model import InlineCode, Location, Memory, Segment, TranslationUnit, sort_languages
from . import xmlsafe
from .xmlsafe import Source, escape_attr, escape_text, local_name

ALL_LANGUAGES = "*all*"
SEGTYPES = ("block", "paragraph", "sentence", "phrase")

#: Unit fields stored as TMX props (the reader maps them back).
PROP_CONTEXT = "x-context"
PROP_FUZZY = "x-fuzzy"
PROP_REFERENCE = "x-reference"

#: TMX inline elements holding native code, and the attributes tmx14.dtd allows on each.
CODE_ATTRS: dict[str, tuple[str, ...]] = {
    "bpt": ("i", "x", "type"),
    "ept": ("i",),
    "it": ("pos", "x", "type"),
    "ph": ("x", "assoc", "type"),
    "ut": ("x",),
    "hi": ("x", "type"),
}
_NATIVE_CODES = frozenset(("bpt", "ept", "it", "ph", "ut"))
#: The ``<tu>`` attributes of tmx14.dtd, in its order, kept in ``TranslationUnit.attrs``
#: (all but ``tuid``, which is the unit's ``id``).
TU_ATTRS = (
    "o-encoding",
    "datatype",
    "usagecount",
    "lastusagedate",
    "creationtool",
    "creationtoolversion",
    "creationdate",
    "creationid",
    "changedate",
    "segtype",
    "changeid",
    "o-tmf",
    "srclang",
)
#: The ``<tuv>`` attributes of tmx14.dtd, in its order, kept in ``Segment.attrs``
#: (all but ``xml:lang`` and ``lang``, which are the segment's language).
TUV_ATTRS = (
    "o-encoding",
    "datatype",
    "usagecount",
    "lastusagedate",
    "creationtool",
    "creationtoolversion",
    "creationdate",
    "creationid",
    "changedate",
    "o-tmf",
    "changeid",
)
_TU_KEPT = frozenset(TU_ATTRS)
_TUV_KEPT = frozenset(TUV_ATTRS)
_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
_DATE = re.compile(r"^\d{8}T\d{6}Z$")


# --------------------------------------------------------------------------
# Reading


def read_tmx(src: Source) -> Memory:
    """Read a whole TMX file (path, ``-`` for stdin, or binary file) into a Memory."""
    memory = Memory(srclang=ALL_LANGUAGES)

    def header(h: Memory) -> None:
        memory.srclang, memory.segtype, memory.datatype = h.srclang, h.segtype, h.datatype
        memory.props, memory.notes = h.props, h.notes

    memory.units = list(_iter_units(src, header))
    return memory


def iter_tmx(src: Source) -> Iterator[TranslationUnit]:
    """Stream the units of a TMX file in constant memory."""
    return _iter_units(src, None)


def read_tmx_header(src: Source) -> Memory:
    """Only the header of a TMX file (srclang, segtype, datatype, props, notes), as an empty Memory."""
    found = Memory(srclang=ALL_LANGUAGES)
    name = xmlsafe.source_name(src)
    for _event, element in xmlsafe.iterparse(src, ("{*}header", "{*}body"), root=("tmx",), kind="TMX"):
        if local_name(element) == "header":
            found = _header(element, name)
        break
    return found


def _iter_units(src: Source, on_header: Callable[[Memory], None] | None) -> Iterator[TranslationUnit]:
    """The units of a TMX file, streamed; ``on_header`` gets the header once it is read.

    Each ``<tu>`` is first offered to :func:`_plain_unit`, the fast reader of the
    common unit; what it leaves (props, notes, inline codes, new or missing
    languages, errors) is read from scratch by :func:`_unit`.
    """
    name = xmlsafe.source_name(src)
    header_read = on_header is None

    def header(parent: etree._Element | None) -> None:
        nonlocal header_read
        found = None if header_read or parent is None else xmlsafe.first_child(parent, "header")
        if found is not None and on_header is not None:
            on_header(_header(found, name))
        header_read = True

    batches = xmlsafe.stream_children(
        src, "body", root=("tmx",), kind="TMX", on_container=lambda body: header(body.getparent())
    )
    for batch in batches:
        for tu in batch:
            tag = tu.tag
            if tag != "tu" and tag != _TMX_TU:
                if local_name(tu) == "tmx":  # the root: the last batch, or a file without <body>
                    header(tu)
                yield from _stray(tu, name)
                continue
            unit = _plain_unit(tu, name)
            if unit is not None:
                yield unit
            elif next(tu.iterdescendants("{*}tu"), None) is None:
                yield _unit(tu, name)
            else:
                yield from _stray(tu, name)


def _stray(element: etree._Element, path: str) -> Iterator[TranslationUnit]:
    """Units outside the usual place, in document order of their ends (as a streaming reader meets them).

    ``<tu>`` in another namespace, inside other elements or inside another
    ``<tu>`` (invalid TMX: each is read as a unit of its own, the inner one
    first; the outer one ignores it), and anything outside ``<body>`` (the root
    comes last).  Comments and processing instructions give nothing.
    """
    for child in element:
        if isinstance(child.tag, str):
            yield from _stray(child, path)
    if local_name(element) == "tu":
        yield _unit(element, path)


_TMX_TU = "{http://www.lisa.org/tmx14}tu"
_TMX_TUV = "{http://www.lisa.org/tmx14}tuv"
_TMX_SEG = "{http://www.lisa.org/tmx14}seg"
_SEG_TAGS = frozenset(("seg", _TMX_SEG))
_XML_LANG = xmlsafe.XML_LANG
#: The same as bytes: lxml parses a bytes key a little faster.
_XML_LANG_KEY = _XML_LANG.encode()
_new = object.__new__
#: Location is frozen: the fast reader sets its slots through their descriptors.
_set_path, _set_line, _set_column = (getattr(Location, f).__set__ for f in ("path", "line", "column"))


def _plain_unit(tu: etree._Element, path: str) -> TranslationUnit | None:
    """The common ``<tu>``, read fast; None for any other, which :func:`_unit` reads.

    Common: every ``<tuv>`` holds just a ``<seg>`` of plain text, in a language
    met before (see :data:`_LANGS`); the ``<tu>`` and ``<tuv>`` may have any
    attributes.  Its objects are built without the dataclass constructors, which
    cost more than the rest (a test checks that every field is set).  This runs
    millions of times on big files: tags are compared with ``==`` (lxml makes a
    new string at each ``.tag``: a set lookup would hash it), and a ``<tuv>``
    whose language is its only attribute (the usual one) is looked at with
    ``len(attrib)`` and ``get``, which cost less than ``items()``.
    """
    segments: dict[str, Segment] = {}
    for tuv in tu[:]:  # type: ignore[index]  # a slice costs less than an iterator
        tag = tuv.tag
        if (tag != "tuv" and tag != _TMX_TUV) or len(tuv) != 1:
            return None  # (a <prop> or <note> of the unit comes first: nothing read in vain)
        if len(tuv.attrib) == 1:  # xml:lang (or TMX 1.1 lang) alone: nothing to keep
            code = tuv.get(_XML_LANG_KEY)
            lang = _LANGS.get(code if code is not None else tuv.get("lang"))  # type: ignore[arg-type]
            attrs: dict[str, str] = {}
        else:
            lang, attrs = _tuv_attrs(tuv.items())  # type: ignore[arg-type]  # see _items
        seg = tuv[0]
        tag = seg.tag
        if not lang or lang in segments or (tag != "seg" and tag != _TMX_SEG) or len(seg):
            return None
        segment = _new(Segment)
        segment.text = seg.text or ""
        segment.codes = []
        segment.props = []
        segment.notes = []
        segment.attrs = attrs
        segments[lang] = segment
    attributes: list[tuple[str, str]] = tu.items()  # type: ignore[assignment]  # see _items
    unit_attrs: dict[str, str]
    if not attributes:
        unit_id, unit_attrs = None, {}
    elif len(attributes) == 1 and attributes[0][0] == "tuid":
        unit_id, unit_attrs = attributes[0][1], {}
    else:
        unit_id, unit_attrs = _tu_attrs(attributes)
    location = _new(Location)
    _set_path(location, path)
    _set_line(location, tu.sourceline or 1)
    _set_column(location, 1)
    unit = _new(TranslationUnit)
    unit.segments = segments
    unit.id = unit_id
    unit.props = []
    unit.notes = []
    unit.context = None
    unit.fuzzy = False
    unit.references = []
    unit.attrs = unit_attrs
    unit.location = location
    return unit


def _header(element: etree._Element, path: str) -> Memory:
    srclang = element.get("srclang") or ALL_LANGUAGES
    segtype = element.get("segtype") or "sentence"
    memory = Memory(
        srclang=srclang if srclang == ALL_LANGUAGES else langtags.normalize(srclang),
        segtype=segtype if segtype in SEGTYPES else "sentence",
        datatype=element.get("datatype") or "plaintext",
    )
    for child in element:
        name = local_name(child)
        if name == "prop":
            memory.props.append((child.get("type") or "", annotated_text(child)))
        elif name == "note":
            memory.notes.append(annotated_text(child))
    return memory


_LANGS: dict[str, str] = {}


def _norm(tag: str) -> str:
    """langtags.normalize, memoised (a memory has few distinct language codes)."""
    norm = _LANGS.get(tag)
    if norm is None:
        norm = _LANGS[tag] = langtags.normalize(tag)
    return norm


def _tuv_lang(tuv: etree._Element, path: str) -> str:
    lang = tuv.get(xmlsafe.XML_LANG) or tuv.get("lang")
    if not lang or not lang.strip():
        raise FormatError(
            "<tuv> has no xml:lang (or TMX 1.1 lang) attribute; every variant needs its language",
            path,
            xmlsafe.line_of(tuv),
            1,
            rule="tmx-structure",
        )
    return _norm(lang)


def _unit(tu: etree._Element, path: str) -> TranslationUnit:
    """Any <tu> (the general reader; :func:`_plain_unit` reads the common one faster)."""
    unit_id, attrs = _tu_attrs(_items(tu))
    location = Location(path, tu.sourceline or 1)  # type: ignore[arg-type]
    unit = TranslationUnit(id=unit_id, attrs=attrs, location=location)
    segments = unit.segments
    for child in tu:
        tag = child.tag
        name = _TAGS.get(tag) if isinstance(tag, str) else ""
        if name is None:
            name = local_name(child)
        if name == "tuv":
            lang = _LANGS.get(child.get(_XML_LANG_KEY) or "") or _tuv_lang(child, path)  # type: ignore[arg-type]
            if lang in segments:
                raise FormatError(
                    f"two <tuv> of language {lang} in one <tu>; keep one (or give the other its own <tu>)",
                    path,
                    xmlsafe.line_of(child),
                    1,
                    rule="tmx-duplicate-language",
                )
            seg = child[0] if len(child) == 1 else None
            if seg is not None and seg.tag in _SEG_TAGS and len(seg) == 0:  # <tuv><seg>plain text</seg></tuv>
                segments[lang] = Segment(seg.text or "")
            else:
                segments[lang] = _segment(child)
            if len(child.attrib) > 1:
                segments[lang].attrs = _tuv_attrs(_items(child))[1]
        elif name == "prop":
            _unit_prop(unit, child.get("type") or "", annotated_text(child))
        elif name == "note":
            unit.notes.append(annotated_text(child))
    return unit


def _items(element: etree._Element) -> list[tuple[str, str]]:
    """An element's attributes, in the file's order (names with a namespace as ``{URI}name``)."""
    return cast("list[tuple[str, str]]", element.items())  # str: lxml gives bytes never


def _tu_attrs(items: list[tuple[str, str]]) -> tuple[str | None, dict[str, str]]:
    """A ``<tu>``'s id (``tuid``) and kept attributes from its ``items()``.

    ``srclang`` is normalised like the header's; a ``segtype`` that is not one of
    TMX's four is left out (as in the header).
    """
    unit_id = None
    attrs = {}
    for key, value in items:
        if key in _TU_KEPT:
            attrs[key] = value
        elif key == "tuid":
            unit_id = value
    srclang = attrs.get("srclang")
    if srclang is not None and srclang != ALL_LANGUAGES and srclang.strip():
        attrs["srclang"] = _norm(srclang)
    if attrs.get("segtype", "sentence") not in SEGTYPES:
        del attrs["segtype"]
    return unit_id, attrs


def _tuv_attrs(items: list[tuple[str, str]]) -> tuple[str | None, dict[str, str]]:
    """A ``<tuv>``'s language and kept attributes from its ``items()``.

    The language is the normalised ``xml:lang`` (or TMX 1.1 ``lang``) if that
    code was met before (see :data:`_LANGS`), else None: the caller then asks
    :func:`_tuv_lang`.
    """
    code = old_code = None
    attrs = {}
    for key, value in items:
        if key in _TUV_KEPT:
            attrs[key] = value
        elif key == _XML_LANG:
            code = value
        elif key == "lang":
            old_code = value
    return _LANGS.get(code or old_code), attrs  # type: ignore[arg-type]  # (None gives None)


#: Tags of the TMX elements with and without the TMX 1.4 namespace, to their local names.
_TAGS: dict[str, str] = {
    f"{prefix}{name}": name
    for prefix in ("", "{http://www.lisa.org/tmx14}")
    for name in ("tuv", "prop", "note", "seg")
}


class AnnotatedText(str):
    """The text of a TMX ``<note>`` or ``<prop>`` with its ``xml:lang`` and ``o-encoding``
    (``attrs``, by their TMX names, in the DTD's order), which the writer puts back: a
    plain ``str`` everywhere else."""

    attrs: dict[str, str]

    def __new__(cls, text: str, attrs: dict[str, str]) -> AnnotatedText:
        obj = super().__new__(cls, text)
        obj.attrs = attrs
        return obj

    def __reduce__(self) -> tuple[type[AnnotatedText], tuple[str, dict[str, str]]]:
        return (AnnotatedText, (str(self), dict(self.attrs)))


#: The attributes of ``<note>`` and ``<prop>`` besides ``type`` (TMX 1.4b DTD), by element name.
_NOTE_ATTRS = (("xml:lang", xmlsafe.XML_LANG), ("o-encoding", "o-encoding"))


def annotated_text(element: etree._Element) -> str:
    """A ``<note>``'s or ``<prop>``'s text, an :class:`AnnotatedText` when it has ``xml:lang``
    (or TMX 1.1's ``lang``) or ``o-encoding``."""
    text = xmlsafe.text_of(element)
    attrs = {}
    for name, key in _NOTE_ATTRS:
        value = element.get(key) or (element.get("lang") if name == "xml:lang" else None)
        if value:
            attrs[name] = value
    return AnnotatedText(text, attrs) if attrs else text


def _annotation(value: str, field: str) -> str:
    """The ``xml:lang``/``o-encoding`` attributes of a note's or prop's text, if it has any."""
    attrs: dict[str, str] = getattr(value, "attrs", None) or {}
    return "".join(f' {name}="{_checked_attr(v, field)}"' for name, v in attrs.items())


def _unit_prop(unit: TranslationUnit, kind: str, value: str) -> None:
    if kind == PROP_CONTEXT:
        unit.context = value
    elif kind == PROP_FUZZY:
        unit.fuzzy = value.strip().lower() in ("true", "yes", "1")
    elif kind == PROP_REFERENCE:
        unit.references.append(value)
    else:
        unit.props.append((kind, value))


def _segment(tuv: etree._Element) -> Segment:
    segment = None
    props: list[tuple[str, str]] = []
    notes: list[str] = []
    for child in tuv:
        tag = child.tag
        name = _TAGS.get(tag) if isinstance(tag, str) else ""
        if name is None:
            name = local_name(child)
        if name == "seg":
            if len(child) == 0:  # the common case: plain text
                segment = Segment(child.text or "", [], props, notes)
            else:
                text, codes = read_inline(child)
                segment = Segment(text, codes, props, notes)
        elif name == "prop":
            props.append((child.get("type") or "", annotated_text(child)))
        elif name == "note":
            notes.append(annotated_text(child))
    return segment if segment is not None else Segment("", [], props, notes)


def read_inline(seg: etree._Element) -> tuple[str, list[InlineCode]]:
    """Plain text and anchored inline codes of a ``<seg>`` (or ``<sub>``)."""
    parts: list[str] = []
    codes: list[InlineCode] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            parts.append(text)
            length += len(text)

    def walk(element: etree._Element) -> None:
        add(element.text)
        for child in element:
            name = local_name(child)
            if not name:  # comment or processing instruction
                pass
            elif name == "hi" and _tmx_ns(child):
                codes.append(InlineCode("hi", length, attrs=_plain_attrs(child)))
                walk(child)
                codes.append(InlineCode("/hi", length))
            elif name in _NATIVE_CODES and _tmx_ns(child):
                markup = inner_markup(child) if len(child) else None
                codes.append(InlineCode(name, length, xmlsafe.text_of(child), _plain_attrs(child), markup))
            else:
                xml = etree.tostring(child, encoding="unicode", with_tail=False)
                codes.append(InlineCode("ph", length, xml, {"type": "x-foreign"}))
            add(child.tail)

    walk(seg)
    return "".join(parts), codes


def _tmx_ns(element: etree._Element) -> bool:
    """No namespace, or the TMX 1.4 one."""
    ns = xmlsafe.namespace(element)
    return not ns or ns.startswith("http://www.lisa.org/tmx")


def _plain_attrs(element: etree._Element) -> dict[str, str]:
    """Attributes without a namespace (TMX inline attributes have none)."""
    return {str(k): str(v) for k, v in element.attrib.items() if not str(k).startswith("{")}


def inner_markup(element: etree._Element) -> str:
    """The inner XML of an element, namespace prefixes dropped (for ``<sub>`` in codes)."""
    out = [escape_text(element.text or "")]
    for child in element:
        name = local_name(child)
        if name:
            attrs = "".join(f' {k}="{escape_attr(v)}"' for k, v in sorted(_plain_attrs(child).items()))
            out.append(f"<{name}{attrs}>{inner_markup(child)}</{name}>")
        out.append(escape_text(child.tail or ""))
    return "".join(out)


# --------------------------------------------------------------------------
# Writing


class TmxWriter:
    """Write a TMX 1.4b file unit by unit (for outputs too large to hold).

    >>> import io
    >>> buf = io.BytesIO()
    >>> with TmxWriter(buf, srclang="en") as w:
    ...     w.write(TranslationUnit({"en": Segment("Rain Plan"), "zh_CN": Segment("雨露计划")}))
    >>> b'<tuv xml:lang="zh-CN"><seg>\\xe9\\x9b\\xa8' in buf.getvalue()
    True
    """

    def __init__(
        self,
        fp: IO[bytes],
        *,
        srclang: str = "en",
        segtype: str = "sentence",
        props: list[tuple[str, str]] | None = None,
        notes: list[str] | None = None,
        creationtool: str = "termkit",
        creationtoolversion: str = __version__,
        datatype: str = "plaintext",
        o_tmf: str = "termkit",
        adminlang: str = "en",
        date: str | None = None,
        path: str | None = None,
    ) -> None:
        self._fp = fp
        self._path = path
        self._count = 0
        self._plans: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self._srclang = srclang if srclang == ALL_LANGUAGES else _lang(srclang, "header srclang", path)
        if segtype not in SEGTYPES:
            raise FormatError(
                f"segtype {segtype!r} is not one of {', '.join(SEGTYPES)}", path, rule="tmx-header"
            )
        if date is not None and not _DATE.match(date):
            raise FormatError(
                f"date {date!r} is not in TMX form YYYYMMDDThhmmssZ (e.g. 20240131T120000Z)",
                path,
                rule="tmx-header",
            )
        attrs = [
            ("creationtool", creationtool),
            ("creationtoolversion", creationtoolversion),
            ("segtype", segtype),
            ("o-tmf", o_tmf),
            ("adminlang", _lang(adminlang, "header adminlang", path)),
            ("srclang", self._srclang),
            ("datatype", datatype),
        ]
        if date is not None:
            attrs.append(("creationdate", date))
        out = [_PROLOG]
        out.append("  <header " + " ".join(f'{k}="{self._attr(v, "header " + k)}"' for k, v in attrs))
        try:
            extras = _unit_props_notes(props or [], notes or [], "    ", "")
        except _BadChar as exc:
            xmlsafe.require_xml_chars(exc.text, "header" + exc.field, path)
            raise
        out.append(">\n" + extras + "  </header>\n" if extras else "/>\n")
        out.append("  <body>\n")
        self._fp.write("".join(out).encode("utf-8"))
        self._closed = False

    def _attr(self, value: str, what: str) -> str:
        xmlsafe.require_xml_chars(value, what, self._path)
        return escape_attr(value)

    def _text(self, value: str, what: str) -> str:
        xmlsafe.require_xml_chars(value, what, self._path)
        return escape_text(value)

    def write(self, unit: TranslationUnit) -> None:
        """Write one unit (at least one segment; TMX has no empty ``<tu>``).

        The hot path checks characters without building messages; the unit's
        name is worked out only when something cannot be written.
        """
        self._count += 1
        try:
            xml = self._unit_xml(unit)
        except _BadChar as exc:
            xmlsafe.require_xml_chars(exc.text, unit_name(unit, self._count) + exc.field, self._path)
            raise  # not reached: require_xml_chars raised
        self._fp.write(xml.encode("utf-8"))

    def _unit_xml(self, unit: TranslationUnit) -> str:
        if not unit.segments:
            raise FormatError(
                f"{unit_name(unit, self._count)} has no segment; TMX needs at least one <tuv> per <tu>",
                self._path,
                rule="tmx-structure",
            )
        out = ["    <tu"]
        if unit.id is not None:
            out.append(f' tuid="{_checked_attr(unit.id, " id")}"')
        if unit.attrs:
            out.append(self._element_attrs(unit, unit.attrs, "tu", TU_ATTRS))
        out.append(">\n")
        props = unit.props
        if unit.context is not None or unit.fuzzy or unit.references:
            props = list(props)
            if unit.context is not None:
                props.append((PROP_CONTEXT, unit.context))
            if unit.fuzzy:
                props.append((PROP_FUZZY, "true"))
            props.extend((PROP_REFERENCE, ref) for ref in unit.references)
        if props or unit.notes:
            out.append(_unit_props_notes(props, unit.notes, "      ", ""))
        segments = unit.segments
        key = tuple(segments)
        plan = self._plans.get(key)
        if plan is None:  # the languages' order, worked out once per set of languages
            langs = [_lang(lang, "language", self._path) for lang in segments]
            if len(set(langs)) != len(langs):
                raise FormatError(
                    f"{unit_name(unit, self._count)}: two segments normalise to the same language code",
                    self._path,
                    rule="tmx-duplicate-language",
                )
            by_norm = dict(zip(langs, key, strict=True))
            plan = self._plans[key] = [(lang, by_norm[lang]) for lang in _order(by_norm, self._srclang)]
        names: dict[str, str] | None = None
        for lang, original in plan:
            seg = segments[original]
            try:
                if seg.codes:
                    what = f"{unit_name(unit, self._count)}, {lang} segment"
                    if names is None:
                        names = code_numbers([segments[o].codes for _, o in plan])
                    body = _codes_xml(seg.text, seg.codes, what, self._text, self._attr, self._path, names)
                else:
                    body = _checked_text(seg.text, "")
                tuv = self._element_attrs(unit, seg.attrs, "tuv", TUV_ATTRS) if seg.attrs else ""
                if seg.props or seg.notes:
                    extras = _unit_props_notes(seg.props, seg.notes, "        ", "")
                    out.append(f'      <tuv xml:lang="{lang}"{tuv}>\n{extras}')
                    out.append(f"        <seg>{body}</seg>\n      </tuv>\n")
                else:
                    out.append(f'      <tuv xml:lang="{lang}"{tuv}><seg>{body}</seg></tuv>\n')
            except _BadChar as exc:
                exc.field = f", {lang} segment{exc.field}"
                raise
        out.append("    </tu>\n")
        return "".join(out)

    def _element_attrs(
        self, unit: TranslationUnit, attrs: dict[str, str], element: str, names: tuple[str, ...]
    ) -> str:
        """`` name="value"`` for a ``<tu>``'s or ``<tuv>``'s attributes, in tmx14.dtd's order."""
        unknown = sorted(set(attrs) - set(names))
        if unknown:
            raise FormatError(
                f"{unit_name(unit, self._count)}: TMX has no attribute {unknown[0]!r} on <{element}> "
                f"(it has {', '.join(names)})",
                self._path,
                rule="tmx-structure",
            )
        if attrs.get("segtype", "sentence") not in SEGTYPES:
            raise FormatError(
                f"{unit_name(unit, self._count)}: <{element}> segtype {attrs['segtype']!r} is not one of "
                f"{', '.join(SEGTYPES)}",
                self._path,
                rule="tmx-structure",
            )
        return "".join(f' {k}="{_checked_attr(attrs[k], f" {element} {k}")}"' for k in names if k in attrs)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._fp.write(b"  </body>\n</tmx>\n")

    @property
    def count(self) -> int:
        """How many units were written."""
        return self._count

    def __enter__(self) -> TmxWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()


class _BadChar(Exception):
    """Internal: a character XML 1.0 cannot carry (turned into a FormatError naming the unit)."""

    def __init__(self, text: str, field: str) -> None:
        super().__init__(text)
        self.text = text
        self.field = field


_INVALID = xmlsafe.XML_INVALID


def _checked_text(value: str, field: str) -> str:
    if _INVALID.search(value) is not None:
        raise _BadChar(value, field)
    return escape_text(value)


def _checked_attr(value: str, field: str) -> str:
    if _INVALID.search(value) is not None:
        raise _BadChar(value, field)
    return escape_attr(value)


def _unit_props_notes(props: list[tuple[str, str]], notes: list[str], indent: str, field: str) -> str:
    out = [
        f'{indent}<prop type="{_checked_attr(kind or "x-unknown", field + " prop type")}"'
        f"{_annotation(value, field + ' prop ' + kind)}>"
        f"{_checked_text(value, field + ' prop ' + kind)}</prop>\n"
        for kind, value in props
    ]
    out.extend(
        f"{indent}<note{_annotation(note, field + ' note')}>{_checked_text(note, field + ' note')}</note>\n"
        for note in notes
    )
    return "".join(out)


def write_tmx(
    fp: IO[bytes],
    memory: Memory,
    *,
    creationtool: str = "termkit",
    creationtoolversion: str = __version__,
    date: str | None = None,
    datatype: str | None = None,
    o_tmf: str = "termkit",
    adminlang: str = "en",
    path: str | None = None,
) -> int:
    """Write ``memory`` as TMX 1.4b to a binary file; returns the number of units.

    ``date`` (``YYYYMMDDThhmmssZ``) is written as the header's ``creationdate``
    only when given; ``datatype`` is the memory's unless given.  ``path`` only names the output in error messages.  Raises
    FormatError (naming the unit) for characters XML 1.0 cannot carry.
    """
    with TmxWriter(
        fp,
        srclang=memory.srclang,
        segtype=memory.segtype,
        props=memory.props,
        notes=memory.notes,
        creationtool=creationtool,
        creationtoolversion=creationtoolversion,
        datatype=datatype if datatype is not None else memory.datatype,
        o_tmf=o_tmf,
        adminlang=adminlang,
        date=date,
        path=path,
    ) as writer:
        for unit in memory.units:
            writer.write(unit)
    return writer.count


def unit_name(unit: TranslationUnit, n: int) -> str:
    """``unit 3 (id 'x', read from in.po:12)``: how errors name a unit."""
    extra = []
    if unit.id is not None:
        extra.append(f"id {unit.id!r}")
    if unit.location is not None:
        extra.append(f"read from {unit.location.path}:{unit.location.line}")
    return f"unit {n}" + (f" ({', '.join(extra)})" if extra else "")


def _lang(tag: str, what: str, path: str | None) -> str:
    norm = _norm(tag)
    if not langtags.is_valid(norm):
        raise FormatError(
            f"{what}: {tag!r} is not a language code (like en or zh-CN)", path, rule="tmx-language"
        )
    return norm


def _order(segments: dict[str, str], srclang: str) -> list[str]:
    rest = sort_languages(lang for lang in segments if lang != srclang)
    return ([srclang] if srclang in segments else []) + rest


def _codes_xml(
    text: str,
    codes: list[InlineCode],
    what: str,
    esc_text: Callable[[str, str], str],
    esc_attr: Callable[[str, str], str],
    path: str | None,
    names: Mapping[str, str] | None = None,
) -> str:
    """Put inline codes back into a segment's text as TMX elements (see :func:`tmx_codes`;
    ``names``: :func:`code_numbers` of the unit)."""
    # the whole text first: an offset in an error counts from the segment's start
    xmlsafe.require_xml_chars(text, what, path)
    out: list[str] = []
    pos = 0
    open_hi = 0
    for code, kind, attrs in tmx_codes(codes, names):
        if not pos <= code.position <= len(text):
            raise FormatError(
                f"{what}: inline code <{code.kind}> at offset {code.position} is outside the "
                f"text (length {len(text)})",
                path,
                rule="tmx-inline",
            )
        out.append(esc_text(text[pos : code.position], what))
        pos = code.position
        if kind == "hi":
            open_hi += 1
            out.append(f"<hi{_attrs(attrs, 'hi', what, esc_attr)}>")
            continue
        if kind == "/hi":
            if open_hi == 0:
                raise FormatError(f"{what}: </hi> without <hi>", path, rule="tmx-inline")
            open_hi -= 1
            out.append("</hi>")
            continue
        if code.markup is not None:
            xmlsafe.require_xml_chars(code.markup, what, path)
            inner = code.markup
        else:
            inner = esc_text(code.content, what)
        out.append(f"<{kind}{_attrs(attrs, kind, what, esc_attr)}>{inner}</{kind}>")
    out.append(esc_text(text[pos:], what))
    if open_hi:
        raise FormatError(f"{what}: <hi> without </hi>", path, rule="tmx-inline")
    return "".join(out)


#: Kinds written as the TMX element of the same name whatever format they were read from.
_SAME_ELEMENT = frozenset(("it", "ph", "ut", "hi", "/hi"))
#: Codes of other formats (XLIFF) that open and close a pair, by family: the
#: opening kinds and the closing kinds (:func:`_pair_key` says which belong together).
_FAMILIES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "bpt": (frozenset(("bpt",)), frozenset(("ept",))),
    "g": (frozenset(("g",)), frozenset(("/g",))),
    "pc": (frozenset(("pc",)), frozenset(("/pc",))),
    "bx": (frozenset(("bx",)), frozenset(("ex",))),
    "sc": (frozenset(("sc",)), frozenset(("ec",))),
    "sm": (frozenset(("sm",)), frozenset(("em",))),
}
_OPENS = {kind: family for family, (opens, _) in _FAMILIES.items() for kind in opens}
_CLOSES = {kind: family for family, (_, closes) in _FAMILIES.items() for kind in closes}
#: XLIFF attribute values and their TMX equivalents.
_XLIFF_ASSOC = {"preceding": "p", "following": "f", "both": "b"}
_XLIFF_POS = {"open": "begin", "close": "end"}
_XLIFF_CTYPE = {"underlined": "ulined"}
#: XLIFF 1.2's listed ``mtype`` values of ``<mrk>`` (any ``x-`` value is valid too).
XLIFF_MTYPES = frozenset(
    (
        "abbrev",
        "abbreviated-form",
        "abbreviation",
        "acronym",
        "appellation",
        "collocation",
        "common-name",
        "datetime",
        "equation",
        "expanded-form",
        "formula",
        "head-term",
        "initialism",
        "international-scientific-term",
        "internationalism",
        "logical-expression",
        "materials-management-unit",
        "name",
        "near-synonym",
        "part-number",
        "phrase",
        "phraseological-unit",
        "protected",
        "romanized-form",
        "seg",
        "set-phrase",
        "short-form",
        "sku",
        "standard-text",
        "symbol",
        "synonym",
        "synonymous-phrase",
        "term",
        "transcribed-form",
        "transliterated-form",
        "truncated-term",
        "variant",
    )
)
#: TMX 1.4b's listed ``type`` values of ``<bpt>``, ``<it>``, ``<hi>`` and ``<ph>``, and
#: those of ``<ph>`` alone (other values are the user's, ``x-...``).
TMX_TYPES = frozenset(("bold", "color", "dulined", "font", "italic", "link", "scap", "struct", "ulined"))
TMX_PH_TYPES = TMX_TYPES | frozenset(
    ("index", "date", "time", "fnote", "enote", "alt", "image", "pb", "lb", "cb", "inset")
)
#: XLIFF 2's closed list of ``type`` values on ``<pc>``, ``<ph>``, ``<sc>``, ``<ec>``.
XLIFF2_TYPES = frozenset(("fmt", "ui", "quote", "link", "image", "other"))
#: XLIFF 2 ``subType`` values (of ``type="fmt"``) that name a TMX type.
_XLIFF2_SUBTYPES = {"xlf:b": "bold", "xlf:i": "italic", "xlf:u": "ulined", "xlf:lb": "lb", "xlf:pb": "pb"}
#: XLIFF 2's listed ``type`` values of ``<mrk>``/``<sm>`` that XLIFF 1.2 does not list;
#: an XLIFF 2 user value is ``prefix:value``.
_XLIFF2_MARKER_TYPES = frozenset(("generic", "comment"))
_XLIFF2_USER_VALUE = re.compile(r"^[^\s:]+:[^\s:]+$")
#: XLIFF's generic codes: their element names say only what the TMX element says too
#: (paired, opening, closing or standalone), so without a ``ctype`` they get no ``type``.
_GENERIC_CODES = frozenset(("g", "x", "bx", "ex", "pc", "sc", "ec"))
#: XLIFF's markers: annotations of the text, not formatting.
_MARKERS = frozenset(("mrk", "sm", "em"))
_INTEGER = re.compile(r"^[0-9]+$")


def xliff_value(value: str, listed: frozenset[str]) -> bool:
    """Whether XLIFF 1.2 accepts ``value`` as a ``ctype``/``mtype``: a listed value, or
    ``x-`` and no spaces (its ``XTend``)."""
    return value in listed or (value.startswith("x-") and len(value) > 2 and not re.search(r"\s", value))


def marker_type(code: InlineCode) -> str:
    """The TMX ``type`` of an XLIFF marker (``<mrk>``, ``<sm>``/``<em>``): its ``mtype``
    (XLIFF 1.2) when XLIFF lists it or it is an ``x-`` value; XLIFF 2's ``type`` (``term``;
    ``comment``, ``generic`` or a ``prefix:value`` with ``x-`` before it); else
    ``x-mrk``, ``x-sm``, ``x-em``.  TMX's ``type`` is CDATA, so each is valid there, and
    each is a valid ``mtype`` when the marker goes back to XLIFF."""
    attrs = code.attrs
    mtype = attrs.get("mtype")
    if mtype and xliff_value(mtype, XLIFF_MTYPES):
        return mtype
    value = attrs.get("type", "") if mtype is None else ""
    if value and xliff_value(value, XLIFF_MTYPES):
        return value
    if value in _XLIFF2_MARKER_TYPES or _XLIFF2_USER_VALUE.match(value):
        return "x-" + value
    return "x-" + code.kind.lstrip("/")


def xliff2_type(element: str, code: InlineCode) -> str | None:
    """The TMX ``type`` of an XLIFF 2 code's ``type``, or None when ``code`` is none.

    XLIFF 2's values (``fmt``, ``ui``, ``quote``, ``link``, ``image``, ``other``) are
    not TMX's: ``fmt`` with ``subType`` ``xlf:b``, ``xlf:i``, ``xlf:u`` (``xlf:lb``,
    ``xlf:pb`` on a ``<ph>``) is ``bold``, ``italic``, ``ulined`` (``lb``, ``pb``); a value
    TMX lists for ``element`` is kept (``link``; ``image`` on a ``<ph>``); any other
    is a user value, ``x-fmt``, ``x-ui``...  XLIFF 2's ``<pc>``, ``<sc>``, ``<ec>`` and
    ``<ph>`` carry the ``type``; a ``<ph>`` with an ``id`` is XLIFF's (TMX's has none,
    XLIFF 1.2's a ``ctype``).
    """
    attrs = code.attrs
    value = attrs.get("type", "")
    xliff2 = code.kind in ("pc", "sc", "ec") or (code.kind == "ph" and "id" in attrs)
    if not xliff2 or value not in XLIFF2_TYPES:
        return None
    listed = TMX_PH_TYPES if element == "ph" else TMX_TYPES
    named = _XLIFF2_SUBTYPES.get(attrs.get("subType", ""))
    if value == "fmt" and named in listed:
        return named
    return value if value in listed else f"x-{value}"


def _pair_key(code: InlineCode) -> str | None:
    """What pairs an opening and a closing code of another format (XLIFF ``rid``/``id``, ``startRef``)."""
    attrs = code.attrs
    if code.kind in ("bpt", "ept"):
        return attrs.get("rid") or attrs.get("id")
    if code.kind in ("bx", "ex"):
        return attrs.get("rid")
    if code.kind in ("sc", "sm"):
        return attrs.get("id")
    if code.kind in ("ec", "em"):
        return attrs.get("startRef")
    return None


def _strict_pair_key(code: InlineCode) -> tuple[str, str] | None:
    """An XLIFF ``bpt``/``ept`` pairing key that tells ``rid`` from ``id``: memoQ numbers
    both from 1 in one segment (``<bpt id="1">`` ... ``<ept id="1">`` beside ``<bpt id="2"
    rid="1">`` ... ``<ept id="5" rid="1">``), so ``rid="1"`` and ``id="1"`` name two pairs."""
    if code.kind not in ("bpt", "ept"):
        return None
    if code.attrs.get("rid"):
        return ("rid", code.attrs["rid"])
    return ("id", code.attrs["id"]) if code.attrs.get("id") else None


def code_numbers(segments: list[list[InlineCode]]) -> dict[str, str]:
    """The ``x`` of each code id of another format that is no number (XLIFF's
    ``<x id="PH"/>``, ``<g id="a">``), the same in every segment of a unit: TMX
    matches the codes of a source and its target by ``x``, so a target that puts them
    in another order keeps them matched.  Numbered 1, 2... in the order the segments
    (source first) give them, skipping the numbers the unit's codes hold as ``x`` or
    as a numeric ``id``.  An id that names two codes of one segment (Angular's
    ``INTERPOLATION`` in both branches of a plural) tells no code apart: not numbered;
    nor are markers (``<mrk>``, ``<sm>``: an annotation of the text, no code to place)
    and closing codes (a ``<g>``'s end, an ``<ept>``: their ``<bpt>`` holds the ``x``).
    """
    taken: set[str] = set()
    seen: list[str] = []
    twice: set[str] = set()
    for codes in segments:
        here: set[str] = set()
        for code in sorted(codes, key=lambda c: c.position):
            attrs = code.attrs
            if "x" in attrs:
                taken.add(attrs["x"])
            code_id = attrs.get("id", "")
            if _INTEGER.match(code_id):
                taken.add(code_id)
                continue
            kind = code.kind
            if not code_id or "x" in attrs or kind.startswith("/") or kind in _CLOSES or kind in _MARKERS:
                continue
            if code_id in here:
                twice.add(code_id)
            here.add(code_id)
            if code_id not in seen:
                seen.append(code_id)
    names: dict[str, str] = {}
    number = 0
    for code_id in seen:
        if code_id in twice:
            continue
        number += 1
        while str(number) in taken:
            number += 1
        names[code_id] = str(number)
    return names


def _dtd_attrs(element: str, code: InlineCode, names: Mapping[str, str] | None = None) -> dict[str, str]:
    """The attributes of ``code`` that tmx14.dtd declares on ``element``, XLIFF ones mapped.

    TMX's own attributes are kept as they are.  From XLIFF: ``ctype`` becomes
    ``type`` (``underlined`` is TMX's ``ulined``), and so does XLIFF 2's ``type``,
    mapped to TMX's values (:func:`xliff2_type`: ``fmt`` is ``x-fmt``, or ``bold``
    with ``subType="xlf:b"``); a numeric ``id`` becomes ``x`` (what TMX matches
    codes across variants by), ``assoc`` and ``it pos`` take TMX's values.  Everything else (XLIFF ``rid``, ``xid``, ``equiv-text``,
    ``crc``, a non-numeric ``id``, a Heartsome ``<ph id>``...) has no place in TMX
    and is not written.  ``type`` is optional (``#IMPLIED``): a generic code
    without a ``ctype`` (``<g>``, ``<x/>``, ``<bx/>``, XLIFF 2 ``<pc>``...) gets
    none, since its element name only says what ``<bpt>``/``<ph>``/``<it>`` say;
    a marker (``mrk``, ``sm``/``em``), being an annotation rather than formatting,
    always gets one: its ``mtype`` (or XLIFF 2 ``type``), else ``x-KIND``
    (:func:`marker_type`).
    """
    attrs = code.attrs
    allowed = CODE_ATTRS[element]
    out: dict[str, str] = {}
    if "i" in allowed and "i" in attrs:
        out["i"] = attrs["i"]
    if "pos" in allowed:
        pos = attrs.get("pos", "")
        pos = _XLIFF_POS.get(pos, pos)
        out["pos"] = pos if pos in ("begin", "end") else "begin"
    if "x" in allowed:
        if "x" in attrs:
            out["x"] = attrs["x"]
        elif _INTEGER.match(attrs.get("id", "")):
            out["x"] = attrs["id"]
        elif names and attrs.get("id") in names and not code.kind.startswith("/"):
            out["x"] = names[attrs["id"]]
    if "assoc" in allowed and "assoc" in attrs:
        assoc = _XLIFF_ASSOC.get(attrs["assoc"], attrs["assoc"])
        if assoc in ("p", "f", "b"):
            out["assoc"] = assoc
    if "type" in allowed:
        kind = code.kind.lstrip("/")
        if kind in _MARKERS:
            out["type"] = marker_type(code)
        elif "type" in attrs:
            out["type"] = xliff2_type(element, code) or attrs["type"]
        elif attrs.get("ctype"):
            out["type"] = _XLIFF_CTYPE.get(attrs["ctype"], attrs["ctype"])
        elif kind not in CODE_ATTRS and kind not in _GENERIC_CODES:
            out["type"] = f"x-{kind}"
    return out


def tmx_codes(
    codes: list[InlineCode], names: Mapping[str, str] | None = None
) -> list[tuple[InlineCode, str, dict[str, str]]]:
    """The codes of any reader as TMX 1.4 inline elements: ``(code, element, attributes)`` in text order.

    Only attributes tmx14.dtd declares on each element are given (see
    :func:`_dtd_attrs`), and every ``<bpt>`` has an ``<ept>`` with the same ``i``:

    * codes read from TMX keep their element and their ``i`` (a TMX round-trip
      gives back what was read);
    * the pairs of other formats (XLIFF ``bpt``/``ept`` paired by ``rid`` or
      ``id``, ``bx``/``ex`` by ``rid`` or nesting, ``sc``/``ec`` and ``sm``/``em``
      by ``startRef``, wrapping ``g``/``pc`` by nesting) become
      ``bpt``/``ept`` numbered 1, 2... (numbers the segment's TMX codes use are
      skipped); an opening or closing code whose partner is not in the segment
      becomes ``<it pos="begin">`` or ``<it pos="end">``, TMX's element for it;
    * XLIFF ``<mrk>`` (a marked span: a term, protected text...) becomes TMX's
      ``<hi>``, whose ``type`` keeps the ``mtype`` (:func:`marker_type`), and
      comes back from TMX -> XLIFF as the ``<mrk>`` it was;
    * any other code of another format (XLIFF ``x``, ``cp``...) becomes ``<ph>``.
    """
    ordered = sorted(codes, key=lambda c: c.position)  # stable: keeps document order
    elements: list[str] = []
    partner: dict[int, int] = {}
    open_codes: list[tuple[str, str | None, int, tuple[str, str] | None]] = []  # (family, keys, index)
    open_marks: list[int] = []
    for n, code in enumerate(ordered):
        kind = code.kind
        if kind in _SAME_ELEMENT or (kind in ("bpt", "ept") and "i" in code.attrs):
            elements.append(kind)  # TMX's own (or XLIFF ph/it): the same element
        elif kind == "mrk":
            elements.append("bpt")  # <hi> once its </mrk> is found, else <it pos="begin">
            open_marks.append(n)
        elif kind == "/mrk":
            if open_marks:
                elements[open_marks.pop()] = "hi"
                elements.append("/hi")
            else:
                elements.append("ept")
        elif kind in _OPENS:
            elements.append("bpt")
            open_codes.append((_OPENS[kind], _pair_key(code), n, _strict_pair_key(code)))
        elif kind in _CLOSES:
            elements.append("ept")
            m = _opener(open_codes, _CLOSES[kind], _pair_key(code), _strict_pair_key(code))
            if m is not None:
                partner[open_codes.pop(m)[2]] = n
        else:
            elements.append("ph")
    used = {c.attrs["i"] for c in ordered if c.kind in ("bpt", "ept") and "i" in c.attrs}
    numbers: dict[int, str] = {}
    number = 0
    for opener, closer in sorted(partner.items()):
        number += 1
        while str(number) in used:
            number += 1
        numbers[opener] = numbers[closer] = str(number)
    result: list[tuple[InlineCode, str, dict[str, str]]] = []
    for n, (code, element) in enumerate(zip(ordered, elements, strict=True)):
        if element in ("bpt", "ept") and "i" not in code.attrs:
            if n not in numbers:  # its partner is not in this segment
                attrs = _dtd_attrs("it", code, names)
                attrs["pos"] = "begin" if element == "bpt" else "end"
                result.append((code, "it", attrs))
                continue
            attrs = _dtd_attrs(element, code, names)
            attrs["i"] = numbers[n]
        elif element == "/hi":
            attrs = {}
        else:
            attrs = _dtd_attrs(element, code, names)
        result.append((code, element, attrs))
    return result


def _opener(
    open_codes: list[tuple[str, str | None, int, tuple[str, str] | None]],
    family: str,
    key: str | None,
    strict: tuple[str, str] | None,
) -> int | None:
    """The index in ``open_codes`` of the opening code a closing one pairs with, the
    innermost first: one with the same ``rid`` (or, neither having one, the same
    ``id``) if there is one, else one whose ``rid`` or ``id`` is the closing code's."""
    candidates = [m for m in range(len(open_codes) - 1, -1, -1) if open_codes[m][0] == family]
    if strict is not None:
        for m in candidates:
            if open_codes[m][3] == strict:
                return m
    for m in candidates:
        open_key = open_codes[m][1]
        if key is None or open_key is None or key == open_key:
            return m
    return None


def _attrs(attrs: dict[str, str], kind: str, what: str, esc_attr: Callable[[str, str], str]) -> str:
    """Attributes in tmx14.dtd's order (:func:`tmx_codes` gives only those)."""
    keys = [k for k in CODE_ATTRS[kind] if k in attrs]
    return "".join(f' {k}="{esc_attr(attrs[k], what)}"' for k in keys)
