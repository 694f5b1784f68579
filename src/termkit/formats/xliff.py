"""XLIFF 1.2 and 2.x: read and stream (1.2 dialects included), write XLIFF 1.2.

Reading (:func:`read_xliff`, :func:`iter_xliff`, streaming with lxml iterparse):

* XLIFF 1.0-1.2 ``<trans-unit>`` (with or without the 1.2 namespace; SDL
  ``.sdlxliff`` and memoQ ``.mqxliff`` are XLIFF 1.2 with extensions, which are
  ignored); languages from ``<file source-language/target-language>``;
* XLIFF 2.x ``<unit>``: its ``<segment>`` and ``<ignorable>`` parts are joined
  into one source and one target (the target's in the order ``<target order>``
  gives); languages from ``srcLang``/``trgLang``;
* one :class:`~termkit.model.TranslationUnit` per trans-unit/unit, in document
  order: ``id``; ``resname`` as ``context``; ``state`` (1.2 target, 2.x segment)
  as the prop ``x-state``; ``fuzzy`` for the ``needs-review-*`` states;
  ``<note>`` as notes (``annotates``/``appliesTo`` source or target go to that
  segment); ``<context-group purpose="location">`` as references
  (``file:line``); the ``<file original>`` as the prop ``x-file``;
* a 1.2 trans-unit whose ``<seg-source>`` is segmented (``<mrk mtype="seg"
  mid="N">``: SDL Trados Studio, Okapi, memoQ) gives one unit per segment, in
  ``<seg-source>`` order: the mark's content is the source, the target mark with
  the same ``mid`` the target (none when it is empty), the id ``ID_MID``; what
  lies between the marks is no segment.  Each gets the trans-unit's ``resname``,
  notes, references and target ``state``, unless SDL's ``sdl:seg-defs`` gives the
  segment's confirmation level (:data:`SDL_CONF_STATES`).  Segments that cannot be
  paired by ``mid`` leave the trans-unit read whole.  A seg mark is never an
  inline code: elsewhere it is unwrapped;
* inline elements are kept as codes: wrappers (``g``, ``mrk``, ``pc``) as an
  opening and a ``/``-prefixed closing code around their text; ``x``, ``bx``,
  ``ex``, ``sc``, ``ec``, ``sm``, ``em`` as empty codes; ``bpt/ept/ph/it`` with
  their native code; XLIFF 2 ``<cp hex="..."/>`` becomes the character itself.

Writing (:func:`write_xliff`): XLIFF 1.2 (namespace
``urn:oasis:names:tc:xliff:document:1.2``) valid against the strict schema:
one ``<file>`` per ``x-file`` prop (``termkit`` when absent), ``<trans-unit
xml:space="preserve">`` (segments keep their white space in other tools), ``source`` then
``target`` (with ``state``, ``translated`` for a finished target, whose
trans-unit says ``approved="yes"``: translate-toolkit reads a target not approved as
fuzzy), notes (in the order and with the ``from``/``priority`` read,
:data:`PROP_NOTE`), location context groups; ``x-approved`` and ``x-translate``
(``approved``, ``translate="no"`` as read) are attributes again; unit props that
XLIFF has no place for are written as ``<note from="x-prop:TYPE">`` and read
back as props.  Inline codes of other formats are mapped (TMX ``bpt/ept/it/ph``
keep their names, ``hi`` becomes ``mrk`` with its ``type`` as the ``mtype`` when
XLIFF allows it, ``ut`` becomes ``ph``; an XLIFF 2 ``pc`` or ``sc``/``ec`` with native
code from ``<originalData>`` becomes ``bpt``/``ept`` holding it, else ``g``, ``bx``/``ex``).  Characters
XML 1.0 cannot carry are refused with the unit named (the same rule as TMX).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from lxml import etree

from .. import langtags
from ..errors import FormatError
from ..model import (
    EN,
    PROP_PO_COMMENT,
    PROP_PO_PLURAL,
    PROP_XLIFF_STATE,
    InlineCode,
    Location,
    Memory,
    Segment,
    TranslationUnit,
    sort_languages,
    unfinished_state,
)
from . import xmlsafe
from .po import named_language, path_language, text_language
from .tmx import XLIFF_MTYPES as _MTYPES
from .tmx import inner_markup, marker_type, unit_name, xliff2_type, xliff_value
from .xmlsafe import Source, escape_attr, escape_text, local_name

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
PROP_FILE = "x-file"
PROP_STATE = PROP_XLIFF_STATE
#: A trans-unit's ``approved`` (``yes``/``no``) and ``translate="no"``.
PROP_APPROVED = "x-approved"
PROP_TRANSLATE = "x-translate"
#: Where each note of a trans-unit stood, in document order, with its ``from`` and
#: ``priority``: ``unit``, ``source`` or ``target``, then ``priority=N``, then
#: ``from=TEXT`` (written only when a note has either, or the order is not the writer's).
PROP_NOTE = "x-xliff-note"
#: Props the writer puts in attributes, not in ``<note from="x-prop:...">``.
_ATTRIBUTE_PROPS = frozenset((PROP_FILE, PROP_STATE, PROP_APPROVED, PROP_TRANSLATE, PROP_NOTE))
NOTE_PROP = "x-prop:"
STATES_12 = (
    "final",
    "needs-adaptation",
    "needs-l10n",
    "needs-review-adaptation",
    "needs-review-l10n",
    "needs-review-translation",
    "needs-translation",
    "new",
    "signed-off",
    "translated",
)
#: XLIFF 2's segment states, from the least advanced.
XLIFF2_STATES = ("initial", "translated", "reviewed", "final")
#: XLIFF 2 segment states XLIFF 1.2 names otherwise (``translated`` and ``final`` are
#: the same): an ``initial`` target is no translation yet, a ``reviewed`` one signed off.
STATES_2_AS_12 = {"initial": "needs-translation", "reviewed": "signed-off"}
FUZZY_STATES = frozenset(("needs-review-translation", "needs-review-adaptation", "needs-review-l10n"))
UNDETERMINED = "und"
SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
#: SDL Trados Studio's confirmation level of a segment (``sdl:seg conf``; none is
#: "Not Translated") as the XLIFF 1.2 state of its target.
SDL_CONF_STATES = {
    "NotTranslated": "needs-translation",
    "Draft": "needs-review-translation",
    "Translated": "translated",
    "RejectedTranslation": "needs-review-translation",
    "ApprovedTranslation": "signed-off",
    "RejectedSignOff": "needs-review-translation",
    "ApprovedSignOff": "final",
}

_WRAPPERS = frozenset(("g", "mrk", "pc"))
_NATIVE = frozenset(("bpt", "ept", "ph", "it"))
_EMPTY = frozenset(("x", "bx", "ex", "sc", "ec", "sm", "em"))


# --------------------------------------------------------------------------
# Reading


def read_xliff(src: Source) -> Memory:
    """Read a whole XLIFF file; ``srclang`` is the first file's source language."""
    units = list(iter_xliff(src))
    srclang = EN
    for unit in units:
        if unit.segments:
            srclang = next(iter(unit.segments))
            break
    return Memory(srclang=srclang, units=units)


def iter_xliff(src: Source) -> Iterator[TranslationUnit]:
    """Stream the units of an XLIFF 1.x or 2.x file.

    A target whose language the file does not say (no ``target-language``/``trgLang``,
    no ``xml:lang`` on the ``<target>``) gets the one the file's name gives
    (:func:`undetermined_language`), else its text's, else ``und``.
    """
    name = xmlsafe.source_name(src)
    yield from _determined(_iter_units(src, name), name)


#: Units whose target language is undetermined read ahead, at most, for the text to tell it.
LANGUAGE_LOOK_AHEAD = 500


def _determined(units: Iterator[TranslationUnit], name: str) -> Iterator[TranslationUnit]:
    """The units, their ``und`` targets relabelled with the language the path or the
    text of the first :data:`LANGUAGE_LOOK_AHEAD` such targets tells (units are held
    back from the first such target until then, at most ten times as many, so the order
    is kept)."""
    held: list[TranslationUnit] = []
    texts: list[str] = []
    lang: str | None = None
    for unit in units:
        if lang is not None:
            yield _relabel(unit, lang)
            continue
        target = unit.segments.get(UNDETERMINED)
        if target is None and not held:
            yield unit
            continue
        held.append(unit)
        if target is not None and target.text:
            texts.append(target.text)
        if len(texts) >= LANGUAGE_LOOK_AHEAD or len(held) >= 10 * LANGUAGE_LOOK_AHEAD:
            lang = undetermined_language(name, texts)
            yield from (_relabel(h, lang) for h in held)
            held = []
    if held:
        lang = undetermined_language(name, texts)
        yield from (_relabel(h, lang) for h in held)


def _relabel(unit: TranslationUnit, lang: str) -> TranslationUnit:
    """The unit with its ``und`` target under ``lang`` (unless that is another segment's)."""
    if lang == UNDETERMINED or UNDETERMINED not in unit.segments or lang in unit.segments:
        return unit
    unit.segments = {lang if k == UNDETERMINED else k: v for k, v in unit.segments.items()}
    return unit


_XLIFF_EXTENSION = re.compile(r"\.(?:xlf|xliff|sdlxliff|mqxliff)$", re.IGNORECASE)


def undetermined_language(path: str, texts: list[str]) -> str:
    """The language of targets an XLIFF file does not name, as a PO reader finds one:
    the language its path names by gettext's conventions (``messages.zh_TW.xlf``,
    ``zh_CN/app.xlf`` is not one; :func:`termkit.formats.po.path_language`), else its
    text's (:func:`termkit.formats.po.text_language`: ``zh-CN`` for Simplified,
    ``zh-Hant`` for Traditional, ``zh`` for Han text of neither, ``ja``), else ``und``.

    >>> undetermined_language("messages.zh_TW.xlf", ["开关"]), undetermined_language("m.xlf", ["開啟檔案"])
    ('zh-TW', 'zh-Hant')
    >>> undetermined_language("m.xlf", ["Datei"])
    'und'
    """
    named = named_language(path_language(_XLIFF_EXTENSION.sub(".po", path)), texts)
    return named or text_language(texts) or UNDETERMINED


def _iter_units(src: Source, name: str) -> Iterator[TranslationUnit]:
    tags = ("{*}trans-unit", "{*}unit")
    plural_group: etree._Element | None = None  # the gettext plural group being read
    forms: list[TranslationUnit] = []
    for _event, element in xmlsafe.iterparse(src, tags, root=("xliff",), kind="XLIFF"):
        tag = local_name(element)
        ns = xmlsafe.namespace(element)
        group = None
        if tag == "trans-unit" and not ns.startswith("urn:oasis:names:tc:xliff:document:2"):
            units = _units12(element, name)
            group = _plural_group(element)
        elif tag == "unit" and ns.startswith("urn:oasis:names:tc:xliff:document:2"):
            units = [_unit2(element, name)]
        else:
            continue
        if not _translatable(element):
            units = [u for u in units if _has_text(u)]
        if group is not plural_group and forms:
            yield _plural_unit(forms)
            forms = []
        plural_group = group
        if group is not None and len(units) == 1:
            if not forms:  # the group's notes and references stand before its first form
                _unit_extras(units[0], group, next(iter(units[0].segments), EN))
                units[0].id = group.get("id") or units[0].id
            forms.extend(units)
            xmlsafe.release(element)
            continue
        xmlsafe.release(element)
        yield from units
    if forms:
        yield _plural_unit(forms)


#: translate-toolkit's (po2xliff, Weblate, Pootle) note of a PO translator comment (``# ...``).
TRANSLATOR_NOTE = "po-translator"
#: translate-toolkit's (po2xliff, Weblate, Pootle) group of the forms of a gettext plural entry.
PLURALS_RESTYPE = "x-gettext-plurals"


def _plural_group(tu: etree._Element) -> etree._Element | None:
    parent = tu.getparent()
    if parent is not None and local_name(parent) == "group" and parent.get("restype") == PLURALS_RESTYPE:
        return parent
    return None


def _plural_unit(forms: list[TranslationUnit]) -> TranslationUnit:
    """One unit of the forms of a gettext plural entry (``<trans-unit id="N[0]">``,
    ``"N[1]"``... in a ``<group restype="x-gettext-plurals">``), as the PO reader gives
    one: the first form's source and target, the second source as ``msgid_plural``, the
    other targets as ``msgstr[N]``."""
    unit = forms[0]
    src_lang = next(iter(unit.segments), EN)
    if len(forms) > 1:
        plural = forms[1].segments.get(src_lang)
        unit.props.append((PROP_PO_PLURAL, plural.text if plural is not None else ""))
    for n, form in enumerate(forms[1:], 1):
        texts = [seg.text for lang, seg in form.segments.items() if lang != src_lang]
        if texts and texts[0]:
            unit.props.append((f"x-po-msgstr[{n}]", texts[0]))
        unit.fuzzy = unit.fuzzy or form.fuzzy
    return unit


def _has_text(unit: TranslationUnit) -> bool:
    """Whether a unit has text besides white space and codes (in any language)."""
    return any(seg.text.strip() for seg in unit.segments.values())


def _translatable(element: etree._Element) -> bool:
    """Whether a unit is for translation (``translate="no"`` on it, or inherited from its
    ``<group>`` or XLIFF 2 ``<file>``, says not).  A unit that is not and holds only
    white space and codes is left out (SDL's tag-only paragraphs: no translation unit
    for a memory); one with text is kept, as a locked segment with its translation."""
    for el in (element, *element.iterancestors()):
        value = el.get("translate")
        if value is not None:
            return value != "no"
    return True


def _ancestor(element: etree._Element, name: str) -> etree._Element | None:
    for anc in element.iterancestors():
        if local_name(anc) == name:
            return anc
    return None


def _lang(value: str | None) -> str | None:
    return langtags.normalize(value) if value and value.strip() else None


def _units12(tu: etree._Element, path: str) -> list[TranslationUnit]:
    """The units of one 1.2 ``<trans-unit>``: one per ``<seg-source>`` segment, else one."""
    file = _ancestor(tu, "file")
    src_lang = _lang(file.get("source-language") if file is not None else None) or EN
    tgt_default = _lang(file.get("target-language") if file is not None else None)
    source = xmlsafe.first_child(tu, "source")
    if source is None:
        raise FormatError(
            "<trans-unit> has no <source>", path, xmlsafe.line_of(tu), 1, rule="xliff-structure"
        )
    target = xmlsafe.first_child(tu, "target")
    tgt_lang = _target_lang(target, tgt_default, src_lang) if target is not None else None
    segments = _segmentation(tu, target)
    if segments is None:
        unit = _new_unit(tu, file, tu.get("id"), Location(path, xmlsafe.line_of(tu)))
        unit.segments[src_lang] = _segment(source)
        if target is not None:
            if tgt_lang is not None:
                unit.segments[tgt_lang] = _segment(target)
            _set_state(unit, target.get("state"))
        _approval(unit, tu, tgt_lang)
        _unit_extras(unit, tu, src_lang)
        return [unit]
    states = _sdl_states(tu)
    units = []
    tu_id = tu.get("id")
    for mid, mark, target_mark in segments:
        unit_id = f"{tu_id}_{mid}" if tu_id is not None else mid
        unit = _new_unit(tu, file, unit_id, Location(path, xmlsafe.line_of(mark)))
        unit.segments[src_lang] = _segment(mark)
        translation = _segment(target_mark) if target_mark is not None else None
        if target is not None and translation is not None and (translation.text.strip() or translation.codes):
            if tgt_lang is not None:
                unit.segments[tgt_lang] = translation
            _set_state(unit, states.get(mid) or target.get("state"))
        _approval(unit, tu, tgt_lang)
        _unit_extras(unit, tu, src_lang)
        units.append(unit)
    return units


def _new_unit(
    tu: etree._Element, file: etree._Element | None, unit_id: str | None, where: Location
) -> TranslationUnit:
    unit = TranslationUnit(id=unit_id, location=where, context=tu.get("resname"))
    if file is not None and file.get("original"):
        unit.props.append((PROP_FILE, file.get("original") or ""))
    _locks(unit, tu)
    return unit


def _locks(unit: TranslationUnit, element: etree._Element) -> None:
    """A unit's ``translate="no"`` (on it, or inherited), as the prop ``x-translate``: a
    locked segment stays locked."""
    if not _translatable(element):
        unit.props.append((PROP_TRANSLATE, "no"))


def _approval(unit: TranslationUnit, tu: etree._Element, tgt_lang: str | None) -> None:
    """A 1.2 trans-unit's ``approved``, as the prop ``x-approved``, when it is not what the
    writer gives anyway (``yes`` on a finished target, none otherwise)."""
    approved = tu.get("approved")
    if approved not in ("yes", "no"):
        return
    target = unit.segments.get(tgt_lang) if tgt_lang is not None else None
    state = next((v for k, v in unit.props if k == PROP_STATE), None)
    finished = target is not None and bool(target.text or target.codes) and not _unfinished(unit, state)
    if approved != ("yes" if finished else "no"):
        unit.props.append((PROP_APPROVED, approved))


def _target_lang(target: etree._Element, default: str | None, src_lang: str) -> str | None:
    """The language of a 1.2 ``<target>``; None when it is the source language."""
    tgt_lang = default or _lang(target.get(xmlsafe.XML_LANG)) or UNDETERMINED
    if tgt_lang == src_lang:
        tgt_lang = _lang(target.get(xmlsafe.XML_LANG)) or tgt_lang
    return tgt_lang if tgt_lang != src_lang else None


def _set_state(unit: TranslationUnit, state: str | None) -> None:
    if state:
        unit.props.append((PROP_STATE, state))
        unit.fuzzy = state in FUZZY_STATES


def _unit_extras(unit: TranslationUnit, tu: etree._Element, src_lang: str) -> None:
    """Notes and location references of a trans-unit (each of its segments gets them)."""
    layout: list[str] = []
    for child in tu:
        name = local_name(child)
        if name == "note":
            place = _note(unit, child, child.get("annotates"), src_lang)
            if place is not None:
                layout.append(_note_layout(place, child))
        elif name == "context-group" and child.get("purpose") == "location":
            ref = _reference(child)
            if ref:
                unit.references.append(ref)
    places = [entry.split(" ", 1)[0] for entry in layout]
    if any(" " in entry for entry in layout) or places != sorted(places, key=_NOTE_PLACES.index):
        unit.props.extend((PROP_NOTE, entry) for entry in layout)


#: Where notes go, in the order the writer puts them by default.
_NOTE_PLACES = ("unit", "source", "target")


def _note_layout(place: str, note: etree._Element) -> str:
    """``source priority=1 from=description``: a note's place and attributes (:data:`PROP_NOTE`)."""
    entry = place
    priority = (note.get("priority") or "").strip()
    if priority.isdigit() and 1 <= int(priority) <= 10:  # (XLIFF 1.2: 1 to 10)
        entry += f" priority={priority}"
    if note.get("from"):
        entry += f" from={note.get('from')}"
    return entry


def _is_seg_mark(element: etree._Element) -> bool:
    """An XLIFF 1.2 ``<mrk mtype="seg">``: a segment of a ``<seg-source>`` (and its target)."""
    ns = xmlsafe.namespace(element)
    return (
        local_name(element) == "mrk"
        and element.get("mtype") == "seg"
        and (not ns or ns.startswith("urn:oasis:names:tc:xliff:document:1"))
    )


def _seg_marks(element: etree._Element) -> list[etree._Element]:
    """The outermost ``<mrk mtype="seg">`` inside an element, in document order."""
    marks: list[etree._Element] = []
    for child in element:
        if _is_seg_mark(child):
            marks.append(child)
        elif len(child):
            marks.extend(_seg_marks(child))
    return marks


def _segmentation(
    tu: etree._Element, target: etree._Element | None
) -> list[tuple[str, etree._Element, etree._Element | None]] | None:
    """``(mid, source mrk, target mrk or None)`` per segment of the ``<seg-source>``.

    None when the trans-unit is read whole: it has no ``<seg-source>``, or one
    without ``<mrk mtype="seg">``, or segments that cannot be paired (a mark without
    ``mid``, a ``mid`` twice, a target mark whose ``mid`` the source does not have,
    or a target with text but no marks), so that no translation is lost.
    """
    seg_source = xmlsafe.first_child(tu, "seg-source")
    if seg_source is None:
        return None
    marks = _seg_marks(seg_source)
    mids = [mark.get("mid") or "" for mark in marks]
    if not marks or "" in mids or len(set(mids)) != len(mids):
        return None
    translated: dict[str, etree._Element] = {}
    if target is not None:
        target_marks = _seg_marks(target)
        for mark in target_marks:
            mid = mark.get("mid") or ""
            if mid not in mids or mid in translated:
                return None
            translated[mid] = mark
        if not target_marks and xmlsafe.text_of(target).strip():
            return None
    return [(mid, mark, translated.get(mid)) for mid, mark in zip(mids, marks, strict=True)]


def _sdl_states(tu: etree._Element) -> dict[str, str]:
    """XLIFF states of the segments of an SDL trans-unit, by ``mid``, from its ``sdl:seg-defs``."""
    states: dict[str, str] = {}
    for defs in tu:
        if local_name(defs) != "seg-defs" or xmlsafe.namespace(defs) != SDL_NS:
            continue
        for seg in defs:
            mid = seg.get("id")
            if local_name(seg) == "seg" and xmlsafe.namespace(seg) == SDL_NS and mid:
                state = SDL_CONF_STATES.get(seg.get("conf") or "NotTranslated")
                if state:
                    states[mid] = state
    return states


def _note(unit: TranslationUnit, note: etree._Element, applies: str | None, src_lang: str) -> str | None:
    """Read a note into the unit; where it went (``unit``, ``source``, ``target``), or
    None for a note that is a prop."""
    text = xmlsafe.text_of(note)
    origin = note.get("from") or note.get("category") or ""
    if origin.startswith(NOTE_PROP):
        unit.props.append((origin[len(NOTE_PROP) :], text))
        return None
    if origin == TRANSLATOR_NOTE:  # a PO translator comment ('# ...'), not an extracted one
        comments = [v for k, v in unit.props if k == PROP_PO_COMMENT]
        unit.props = [(k, v) for k, v in unit.props if k != PROP_PO_COMMENT]
        unit.props.append((PROP_PO_COMMENT, "\n".join([*comments, text])))
        return None
    langs = list(unit.segments)
    if applies == "source" and src_lang in unit.segments:
        unit.segments[src_lang].notes.append(text)
        return "source"
    if applies == "target" and len(langs) > 1:
        unit.segments[langs[1]].notes.append(text)
        return "target"
    unit.notes.append(text)
    return "unit"


def _reference(group: etree._Element) -> str:
    parts: dict[str, str] = {}
    for ctx in xmlsafe.children(group, "context"):
        parts.setdefault(ctx.get("context-type") or "", xmlsafe.text_of(ctx).strip())
    ref = parts.get("sourcefile", "")
    if parts.get("linenumber"):
        ref = f"{ref}:{parts['linenumber']}"
    return ref


MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"


def _meta_resname(unit: etree._Element) -> str | None:
    """The resource name an XLIFF 2 unit keeps in its metadata (OpenXLIFF writes a 1.2
    ``resname`` as ``<mda:meta type="resname">`` in ``<mda:metadata>``), else None.

    A ``<mda:metaGroup>`` may hold other groups (the module's schema allows any depth):
    the first ``resname`` in document order, at whatever depth, is the unit's."""
    for meta in unit.iterfind(f"{{{MDA_NS}}}metadata//{{{MDA_NS}}}meta"):
        if meta.get("type") == "resname" and (meta.text or "").strip():
            return (meta.text or "").strip()
    return None


def _unit2(element: etree._Element, path: str) -> TranslationUnit:
    root = element.getroottree().getroot()
    src_lang = _lang(root.get("srcLang")) or EN
    tgt_lang = _lang(root.get("trgLang"))
    unit = TranslationUnit(
        id=element.get("id"),
        location=Location(path, xmlsafe.line_of(element)),
        context=element.get("name") or _meta_resname(element),
    )
    file = _ancestor(element, "file")
    if file is not None and file.get("original"):
        unit.props.append((PROP_FILE, file.get("original") or ""))
    _locks(unit, element)
    source = Segment("")
    target = Segment("")
    has_target = False
    states: list[str] = []
    targets: list[tuple[int, etree._Element]] = []  # (order, element) of each part's target
    parts = [part for part in element if local_name(part) in ("segment", "ignorable")]
    for number, part in enumerate(parts, 1):
        kind = local_name(part)
        src = xmlsafe.first_child(part, "source")
        tgt = xmlsafe.first_child(part, "target")
        if kind == "segment" and part.get("state"):
            states.append(part.get("state") or "")
        elif kind == "segment" and tgt is None and src is not None and xmlsafe.text_of(src).strip():
            states.append("initial")  # not translated yet: the unit's target is not whole
        if src is not None:
            _append(source, src)
        if tgt is not None:
            has_target = True
            targets.append((_target_order(tgt, number), tgt))
        elif src is not None and kind == "ignorable":
            targets.append((number, src))  # ignorable parts stand in the target as in the source
    for _order, part_target in sorted(targets, key=lambda t: t[0]):
        _append(target, part_target)
    # the unit is as far as its least advanced segment (initial < translated < reviewed < final)
    state = min(states, key=lambda s: XLIFF2_STATES.index(s) if s in XLIFF2_STATES else -1, default=None)
    data = _original_data(element)
    if data:
        _fill_native_codes(source, data)
        _fill_native_codes(target, data)
    unit.segments[src_lang] = source
    if has_target:
        unit.segments[tgt_lang or UNDETERMINED] = target
    if state:
        unit.props.append((PROP_STATE, state))
    notes = xmlsafe.first_child(element, "notes")
    if notes is not None:
        for note in xmlsafe.children(notes, "note"):
            _note(unit, note, note.get("appliesTo"), src_lang)
    return unit


def _target_order(target: etree._Element, number: int) -> int:
    """Where an XLIFF 2 ``<target>`` stands in its unit's target: its ``order`` (a
    translation may put the parts of a unit in another order than the source's), else
    the ``number`` of its ``<segment>``/``<ignorable>`` among them (from 1)."""
    order = (target.get("order") or "").strip()
    return int(order) if order.isdigit() and int(order) > 0 else number


def _original_data(unit: etree._Element) -> dict[str, str]:
    """An XLIFF 2 unit's ``<originalData>``: the native code of each ``<data id>``."""
    data: dict[str, str] = {}
    original = xmlsafe.first_child(unit, "originalData")
    for item in xmlsafe.children(original, "data") if original is not None else []:
        text, _ = read_inline(item)  # a <cp hex> is the character
        data.setdefault(item.get("id") or "", text)
    return data


def _fill_native_codes(segment: Segment, data: dict[str, str]) -> None:
    """Give XLIFF 2 codes the native code their ``dataRef`` (``<ph>``, ``<sc>``, ``<ec>``)
    or ``dataRefStart``/``dataRefEnd`` (``<pc>`` and its end) point at, as TMX keeps it."""
    opened: list[InlineCode] = []
    for code in segment.codes:
        if code.kind == "pc":
            opened.append(code)
            code.content = code.content or data.get(code.attrs.get("dataRefStart", ""), "")
        elif code.kind == "/pc" and opened:
            code.content = code.content or data.get(opened.pop().attrs.get("dataRefEnd", ""), "")
        elif code.attrs.get("dataRef") and not code.content and code.markup is None:
            code.content = data.get(code.attrs["dataRef"], "")


def _append(segment: Segment, element: etree._Element) -> None:
    text, codes = read_inline(element)
    offset = len(segment.text)
    segment.text += text
    segment.codes.extend(InlineCode(c.kind, c.position + offset, c.content, c.attrs, c.markup) for c in codes)


def _segment(element: etree._Element) -> Segment:
    if len(element) == 0:
        return Segment(element.text or "")
    text, codes = read_inline(element)
    return Segment(text, codes)


#: Trados Studio's tracked changes (``<mrk mtype="x-sdl-added">``, ``"x-sdl-deleted"``).
SDL_REVISIONS = frozenset({"x-sdl-added", "x-sdl-deleted"})


def read_inline(element: etree._Element) -> tuple[str, list[InlineCode]]:
    """Plain text and anchored inline codes of an XLIFF ``<source>``/``<target>``."""
    parts: list[str] = []
    codes: list[InlineCode] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            parts.append(text)
            length += len(text)

    def attrs(el: etree._Element) -> dict[str, str]:
        return {str(k): str(v) for k, v in el.attrib.items() if not str(k).startswith("{")}

    def walk(el: etree._Element) -> None:
        add(el.text)
        for child in el:
            name = local_name(child)
            ns = xmlsafe.namespace(child)
            xliff = not ns or ns.startswith("urn:oasis:names:tc:xliff:document")
            if not name:
                pass
            elif xliff and _is_seg_mark(child):
                walk(child)  # a segment boundary of <seg-source> segmentation, not an inline code
            elif xliff and name == "mrk" and child.get("mtype") in SDL_REVISIONS:
                # Trados Studio's tracked changes: the text as accepted, deletions out
                if child.get("mtype") == "x-sdl-added":
                    walk(child)
            elif xliff and name in _WRAPPERS:
                codes.append(InlineCode(name, length, attrs=attrs(child)))
                walk(child)
                codes.append(InlineCode("/" + name, length))
            elif xliff and name == "cp":
                try:
                    add(chr(int(child.get("hex") or "", 16)))
                except (ValueError, OverflowError):
                    raise FormatError(
                        f"<cp hex={child.get('hex')!r}> is not a code point",
                        None,
                        xmlsafe.line_of(child),
                        1,
                        rule="xliff-structure",
                    ) from None
            elif xliff and name in _NATIVE:
                markup = inner_markup(child) if len(child) else None
                codes.append(InlineCode(name, length, xmlsafe.text_of(child), attrs(child), markup))
            elif xliff and name in _EMPTY:
                codes.append(InlineCode(name, length, attrs=attrs(child)))
            else:
                xml = etree.tostring(child, encoding="unicode", with_tail=False)
                codes.append(InlineCode("ph", length, xml, {"ctype": "x-foreign"}))
            add(child.tail)

    walk(element)
    return "".join(parts), codes


# --------------------------------------------------------------------------
# Writing XLIFF 1.2

#: Attributes the XLIFF 1.2 strict schema allows on each inline element.
_ATTRS12: dict[str, tuple[str, ...]] = {
    "g": ("id", "ctype", "xid", "equiv-text"),
    "x": ("id", "ctype", "xid", "equiv-text"),
    "bx": ("id", "rid", "ctype", "xid", "equiv-text"),
    "ex": ("id", "rid", "xid", "equiv-text"),
    "ph": ("id", "ctype", "crc", "assoc", "xid", "equiv-text"),
    "bpt": ("id", "rid", "ctype", "crc", "xid", "equiv-text"),
    "ept": ("id", "rid", "crc", "xid", "equiv-text"),
    "it": ("id", "pos", "rid", "ctype", "crc", "xid", "equiv-text"),
    "mrk": ("mtype", "comment"),  # no mid: it points into a <seg-source> termkit does not write
}
#: The ctype values XLIFF 1.2 lists, by element: the strict schema's
#: AttrType_InlineDelimiters (g, bx, bpt, it, sub) and AttrType_InlinePlaceholders (x, ph).
_DELIMITER_CTYPES = frozenset(("bold", "italic", "underlined", "link"))
_PLACEHOLDER_CTYPES = frozenset(("image", "pb", "lb"))
#: TMX ``type`` values that XLIFF 1.2 names otherwise (the others it lists are the same).
_TMX_CTYPE = {"ulined": "underlined"}
_NMTOKEN_BAD = re.compile(r"[^A-Za-z0-9._:-]")


def _xtend(value: str, known: frozenset[str]) -> str:
    """A ctype/mtype the schema accepts: a listed value, or ``x-`` and no spaces."""
    if xliff_value(value, known):
        return value
    return "x-" + (_NMTOKEN_BAD.sub("-", value) or "code")


def write_xliff(
    fp: IO[bytes],
    memory: Memory,
    *,
    tgt_lang: str | None = None,
    path: str | None = None,
    datatype: str = "plaintext",
) -> int:
    """Write ``memory`` as XLIFF 1.2; returns the number of units.

    The source language is ``memory.srclang``; the target is ``tgt_lang`` or
    the one other language of the units (several are an error: XLIFF 1.2 has
    one target per file).
    """
    langs = memory.languages()
    src = memory.srclang if memory.srclang != "*all*" else (langs[0] if langs else EN)
    src = langtags.normalize(src)
    others = [lang for lang in langs if langtags.normalize(lang) != src]
    tgt: str | None
    if tgt_lang is not None:
        tgt = langtags.normalize(tgt_lang)
    elif len(others) > 1:
        raise FormatError(
            f"the memory has several target languages ({', '.join(others)}); XLIFF 1.2 keeps "
            "one: choose it (termkit convert --tgt-lang)",
            path,
            rule="xliff-languages",
        )
    else:
        tgt = langtags.normalize(others[0]) if others else None
    groups: dict[str, list[TranslationUnit]] = {}
    for unit in memory.units:
        original = next((v for k, v in unit.props if k == PROP_FILE), "termkit")
        groups.setdefault(original, []).append(unit)
    if not groups:
        groups["termkit"] = []
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n', f'<xliff version="1.2" xmlns="{NS12}">\n']
    count = 0
    for original, units in groups.items():
        what = f"file {original!r}"
        head = (
            f'  <file original="{_attr(original, what, path)}" source-language="{src}" '
            f'datatype="{_attr(datatype, what, path)}"'
        )
        if tgt is not None:
            head += f' target-language="{tgt}"'
        out.append(head + ">\n    <body>\n")
        for unit, unit_id in zip(units, _unit_ids(units, count), strict=True):
            count += 1
            out.append(_trans_unit(unit, count, unit_id, src, tgt, path))
        out.append("    </body>\n  </file>\n")
    out.append("</xliff>\n")
    fp.write("".join(out).encode("utf-8"))
    return count


def _unit_ids(units: list[TranslationUnit], before: int) -> list[str]:
    """The ``<trans-unit id>`` of each unit of one ``<file>``, unique as XLIFF requires.

    A unit's own id, else its number in the memory (``before`` units precede the
    file).  One taken already (a TMX with a ``tuid`` twice, or the number of a unit
    without one that another's ``tuid`` is) gets ``-2``, ``-3``... after it; the ids
    units have keep priority over the numbers.
    """
    own = {unit.id for unit in units if unit.id is not None}
    used: set[str] = set()
    ids = []
    for n, unit in enumerate(units, before + 1):
        base = unit.id if unit.id is not None else str(n)
        unit_id, k = base, 1
        while unit_id in used or (unit_id != unit.id and unit_id in own):
            k += 1
            unit_id = f"{base}-{k}"
        used.add(unit_id)
        ids.append(unit_id)
    return ids


def _attr(value: str, what: str, path: str | None) -> str:
    xmlsafe.require_xml_chars(value, what, path)
    return escape_attr(value)


def _text(value: str, what: str, path: str | None) -> str:
    xmlsafe.require_xml_chars(value, what, path)
    return escape_text(value)


def _find(segments: dict[str, Segment], lang: str | None) -> Segment | None:
    if lang is None:
        return None
    for key, seg in segments.items():
        if langtags.normalize(key) == lang:
            return seg
    return None


def _trans_unit(
    unit: TranslationUnit, n: int, unit_id: str, src: str, tgt: str | None, path: str | None
) -> str:
    what = unit_name(unit, n)
    source = _find(unit.segments, src)
    if source is None:
        raise FormatError(
            f"{what} has no {src} segment; an XLIFF unit needs its source", path, rule="xliff-structure"
        )
    extra = [k for k in sort_languages(unit.segments) if langtags.normalize(k) not in (src, tgt)]
    if extra:
        raise FormatError(
            f"{what} has a segment in {', '.join(extra)}; this XLIFF file is {src} -> {tgt}",
            path,
            rule="xliff-languages",
        )
    attrs = f' id="{_attr(unit_id, what, path)}"'
    if unit.context is not None:
        attrs += f' resname="{_attr(unit.context, what + " context", path)}"'
    target = _find(unit.segments, tgt)
    state = next((v for k, v in unit.props if k == PROP_STATE), None)
    finished = target is not None and bool(target.text or target.codes) and not _unfinished(unit, state)
    approved = next((v for k, v in unit.props if k == PROP_APPROVED), None)
    if approved is None and finished:
        approved = "yes"  # (translate-toolkit, Weblate, Pootle read a target not approved as fuzzy)
    if approved is not None:
        attrs += f' approved="{_attr(approved, what, path)}"'
    if (PROP_TRANSLATE, "no") in unit.props:
        attrs += ' translate="no"'
    # XLIFF's default xml:space lets a reader collapse white space (translate-toolkit and
    # Okapi do): the spaces and line breaks of a segment are its text, so say "preserve".
    out = [f'      <trans-unit{attrs} xml:space="preserve">\n']
    out.append(f"        <source>{_inline(source, what + ', source', path)}</source>\n")
    if target is not None:
        if state in STATES_2_AS_12:
            state = STATES_2_AS_12[state]
        if state is not None and state not in STATES_12 and not state.startswith("x-"):
            state = "x-" + _NMTOKEN_BAD.sub("-", state)  # a state of another tool
        if state is None and unit.fuzzy:
            state = "needs-review-translation"
        if state is None and finished:
            state = "translated"
        state_attr = f' state="{_attr(state, what, path)}"' if state else ""
        out.append(f"        <target{state_attr}>{_inline(target, what + ', target', path)}</target>\n")
    out.extend(_notes(unit, source, target, what, path))
    for kind, value in unit.props:
        if kind in _ATTRIBUTE_PROPS:
            continue
        out.append(
            f'        <note from="{_attr(NOTE_PROP + kind, what + " prop", path)}">'
            f"{_text(value, what + ' prop ' + kind, path)}</note>\n"
        )
    for ref in unit.references:
        out.append(_location(ref, what, path))
    out.append("      </trans-unit>\n")
    return "".join(out)


def _unfinished(unit: TranslationUnit, state: str | None) -> bool:
    """Whether a unit's target is no finished translation: fuzzy, or a state that says so."""
    return unit.fuzzy or unfinished_state(state)


def _notes(
    unit: TranslationUnit, source: Segment, target: Segment | None, what: str, path: str | None
) -> list[str]:
    """The unit's ``<note>`` elements: in the order and with the ``from``/``priority`` they
    were read with (:data:`PROP_NOTE`), else general notes, then the source's, the target's."""
    queues = {
        "unit": list(unit.notes),
        "source": list(source.notes),
        "target": list(target.notes if target else []),
    }
    layout = [v for k, v in unit.props if k == PROP_NOTE]
    places = [entry.split(" ", 1)[0] for entry in layout]
    if sorted(places) != sorted(p for p, notes in queues.items() for _ in notes):
        layout = [p for p in _NOTE_PLACES for _ in queues[p]]
    out = []
    for entry in layout:
        place, _, rest = entry.partition(" ")
        attrs = "" if place == "unit" else f' annotates="{place}"'
        if rest.startswith("priority="):
            priority, _, rest = rest.partition(" ")
            attrs += f' priority="{_attr(priority[len("priority=") :], what, path)}"'
        if rest.startswith("from="):
            attrs += f' from="{_attr(rest[len("from=") :], what + " note", path)}"'
        text = queues[place].pop(0)
        out.append(f"        <note{attrs}>{_text(text, what + ' note', path)}</note>\n")
    return out


def _location(ref: str, what: str, path: str | None) -> str:
    match = re.match(r"^(.*):(\d+)$", ref)
    file, line = (match.group(1), match.group(2)) if match else (ref, None)
    inner = f'<context context-type="sourcefile">{_text(file, what + " reference", path)}</context>'
    if line is not None:
        inner += f'<context context-type="linenumber">{line}</context>'
    return f'        <context-group purpose="location">{inner}</context-group>\n'


def _inline(seg: Segment, what: str, path: str | None) -> str:
    text = seg.text
    if not seg.codes:
        return _text(text, what, path)
    # the whole text first: an offset in an error counts from the segment's start
    xmlsafe.require_xml_chars(text, what, path)
    out: list[str] = []
    pos = 0
    stack: list[tuple[str, str, str]] = []  # (element, id, equiv-text of its end) of each open one
    ordered = sorted(seg.codes, key=lambda c: c.position)  # stable: keeps document order
    given = _matched_ids(ordered)
    used = {c.attrs["id"] for c in seg.codes if "id" in c.attrs} | set(given.values())
    used |= {c.attrs["i"] for c in seg.codes if "i" in c.attrs and "id" not in c.attrs}
    counter = 0

    def new_id() -> str:
        nonlocal counter
        counter += 1
        while str(counter) in used:
            counter += 1
        used.add(str(counter))
        return str(counter)

    native, isolated = _native_codes(ordered)
    for n, code in enumerate(ordered):
        if not pos <= code.position <= len(text):
            raise FormatError(
                f"{what}: inline code <{code.kind}> at offset {code.position} is outside the "
                f"text (length {len(text)})",
                path,
                rule="xliff-inline",
            )
        out.append(_text(text[pos : code.position], what, path))
        pos = code.position
        kind, attrs = code.kind, dict(code.attrs)
        if kind in ("pc", "sc", "ph") and "ctype" not in attrs:
            # XLIFF 2's type/subType: the TMX value of the same code, then its ctype
            # (fmt + xlf:b is "bold", link stays "link", ui is "x-ui")
            mapped = xliff2_type("ph" if kind == "ph" else "bpt", code)
            if mapped is not None:
                attrs["ctype"] = _TMX_CTYPE.get(mapped, mapped)
        if "type" in attrs and "ctype" not in attrs and kind in ("bpt", "it", "ph", "hi"):
            attrs["ctype"] = _TMX_CTYPE.get(attrs["type"], attrs["type"])
        if "equiv" in attrs and kind in ("ph", "sc", "ec"):
            attrs["equiv-text"] = attrs["equiv"]  # XLIFF 2's text to show for the code
        if kind.startswith("/"):
            element = {"g": "g", "pc": "bpt" if n in native else "g", "mrk": "mrk", "hi": "mrk"}.get(kind[1:])
            if element is None or not stack or stack[-1][0] != element:
                raise FormatError(
                    f"{what}: closing code <{kind}> does not match an opening code", path, rule="xliff-inline"
                )
            _, code_id, equiv = stack.pop()
            if element == "bpt":  # a <pc> with native code: its end is an <ept> with the same id
                rendered = f' id="{_attr(code_id, what, path)}"'
                if equiv:
                    rendered += f' equiv-text="{_attr(equiv, what, path)}"'
                out.append(f"<ept{rendered}>{_text(code.content, what, path)}</ept>")
            else:
                out.append(f"</{element}>")
            continue
        if kind == "pc" and n in native:
            # native code (<originalData>) only <bpt>/<ept> can hold: <g> has none
            element = "bpt"
            if "equivStart" in attrs:
                attrs["equiv-text"] = attrs["equivStart"]
        elif kind in ("g", "pc"):
            element = "g"
        elif kind == "mrk":
            element = "mrk"
            attrs["mtype"] = marker_type(code)  # an XLIFF 2 <mrk type> too
        elif kind == "hi":
            # TMX's <hi type> (an XLIFF <mrk mtype> written to TMX) is the mtype when XLIFF allows it
            element = "mrk"
            hi_type = attrs.get("type", "")
            attrs["mtype"] = _xtend(hi_type, _MTYPES) if hi_type else "x-hi"
        elif kind == "sc":
            # with native code: <bpt> (its <ec> in the segment), else <it pos="open">
            element = "bpt" if n in native else "it" if n in isolated else "bx"
            attrs["pos"] = "open"
        elif kind == "ec":
            element = "ept" if n in native else "it" if n in isolated else "ex"
            attrs["pos"] = "close"
            if attrs.get("startRef") and element == "ept":  # the id of its <bpt>
                attrs["id"] = attrs["startRef"]
            elif attrs.get("startRef"):  # XLIFF 2 pairs <sc id>/<ec startRef>; 1.2 by rid
                attrs["rid"] = attrs["startRef"]
                attrs.pop("id", None)
        elif kind in ("sm", "em"):
            element = "x"
            attrs["ctype"] = "x-" + kind
        elif kind == "ut":
            element = "ph"
        elif kind in _ATTRS12:
            element = kind
        else:
            element = "ph"
            attrs.setdefault("ctype", "x-" + _NMTOKEN_BAD.sub("-", kind))
        if "id" not in attrs and n in given:
            attrs["id"] = given[n]
        elif element in ("bpt", "ept") and "id" not in attrs and "i" in attrs:
            attrs["id"] = attrs["i"]
        if element == "it":
            pos_attr = {"begin": "open", "end": "close"}.get(attrs.get("pos", ""), attrs.get("pos", ""))
            attrs["pos"] = pos_attr if pos_attr in ("open", "close") else "open"
        if element != "mrk" and not attrs.get("id"):
            attrs["id"] = new_id()
        if kind == "sc" and element == "bx":
            attrs.setdefault("rid", attrs["id"])
        if element == "ph" and "assoc" in attrs:
            assoc = {"p": "preceding", "f": "following", "b": "both"}.get(attrs["assoc"], attrs["assoc"])
            if assoc in ("preceding", "following", "both"):
                attrs["assoc"] = assoc
            else:
                del attrs["assoc"]
        if "ctype" in attrs:
            listed = _PLACEHOLDER_CTYPES if element in ("ph", "x") else _DELIMITER_CTYPES
            attrs["ctype"] = _xtend(attrs["ctype"], listed)
        rendered = "".join(f' {k}="{_attr(attrs[k], what, path)}"' for k in _ATTRS12[element] if k in attrs)
        if element in ("g", "mrk") or (element == "bpt" and kind == "pc"):
            stack.append((element, attrs.get("id", ""), attrs.get("equivEnd", "")))
        if element in ("g", "mrk"):
            out.append(f"<{element}{rendered}>")
        elif element in ("x", "bx", "ex"):
            out.append(f"<{element}{rendered}/>")
        else:
            if code.markup is not None:
                xmlsafe.require_xml_chars(code.markup, what, path)
                inner = code.markup
            else:
                inner = _text(code.content, what, path)
            out.append(f"<{element}{rendered}>{inner}</{element}>")
    out.append(_text(text[pos:], what, path))
    if stack:
        raise FormatError(f"{what}: <{stack[-1][0]}> is not closed", path, rule="xliff-inline")
    return "".join(out)


def _matched_ids(ordered: list[InlineCode]) -> dict[int, str]:
    """The XLIFF ``id`` of each TMX code that has an ``x`` (by its index in ``ordered``):
    TMX matches a code of one variant to the code of another by ``x``, as XLIFF by
    ``id``, so a target that puts the codes in another order than its source keeps
    them matched (``<ph x="5"/>`` before ``<ph x="3"/>``; numbered by position, the
    target's first code would be the source's first).  A ``<bpt>``'s ``<ept>``, which
    has no ``x``, takes the same id through their ``i``.  An ``x`` the segment gives
    twice, or that another code's ``id`` holds, is not used (the code is numbered); nor
    is one that a ``<bpt>`` or ``<ept>`` without an ``x`` holds as its ``i``, which
    becomes its id (``<bpt i="1">`` and ``<ph x="1"/>``: two codes of id 1)."""
    with_x = {c.attrs.get("i") for c in ordered if c.kind == "bpt" and c.attrs.get("x")}
    ids = {c.attrs["id"] for c in ordered if "id" in c.attrs} | {
        c.attrs["i"]
        for c in ordered
        if c.kind in ("bpt", "ept") and "id" not in c.attrs and "i" in c.attrs and c.attrs["i"] not in with_x
    }
    x_values = [c.attrs["x"] for c in ordered if "id" not in c.attrs and c.attrs.get("x")]
    given: dict[int, str] = {}
    by_i: dict[str, str] = {}
    for n, code in enumerate(ordered):
        x = code.attrs.get("x")
        if "id" in code.attrs or not x or x in ids or x_values.count(x) > 1:
            continue
        given[n] = x
        if code.kind == "bpt" and "i" in code.attrs:
            by_i[code.attrs["i"]] = x
    for n, code in enumerate(ordered):
        if code.kind == "ept" and "id" not in code.attrs and code.attrs.get("i") in by_i:
            given[n] = by_i[code.attrs["i"]]
    return given


def _native_codes(codes: list[InlineCode]) -> tuple[set[int], set[int]]:
    """Which XLIFF 2 codes of a segment (``codes`` in text order) carry native code into
    XLIFF 1.2, by index: the ``pc``/``/pc`` and ``sc``/``ec`` pairs of which either has
    some (from ``<originalData>``), written ``<bpt>``/``<ept>`` (``<g>``, ``<bx/>`` and
    ``<ex/>`` hold none); and the ``sc`` or ``ec`` with some whose partner is not in
    the segment, written ``<it>``."""
    pairs: list[tuple[int, int]] = []
    open_pc: list[int] = []
    open_sc: dict[str, int] = {}
    unpaired: set[int] = set()
    for n, code in enumerate(codes):
        if code.kind == "pc":
            open_pc.append(n)
        elif code.kind == "/pc" and open_pc:
            pairs.append((open_pc.pop(), n))
        elif code.kind == "sc":
            unpaired.add(n)
            if code.attrs.get("id"):
                open_sc[code.attrs["id"]] = n
        elif code.kind == "ec":
            start = open_sc.pop(code.attrs.get("startRef") or "", None)
            if start is None:
                unpaired.add(n)
            else:
                unpaired.discard(start)
                pairs.append((start, n))
    native = {n for pair in pairs if any(codes[m].content for m in pair) for n in pair}
    return native, {n for n in unpaired if codes[n].content}
