"""The plain data model of termkit.

Two families of objects live here and nowhere else:

* the **glossary** (concept-oriented, like TBX): :class:`Concept` holds a review
  status, subject, definition, sources and, per language, a list of :class:`Term`;
* the **translation memory**: :class:`Memory` holds :class:`TranslationUnit` objects,
  each with one :class:`Segment` per language.

The model never imports a file-format module; readers and writers convert to and
from these objects.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum

EN = "en"
ZH = "zh-CN"
#: The tag of Chinese in Traditional characters: the text tells the script, not the region.
ZH_HANT = "zh-Hant"
#: Props under which the readers keep what lint must know of a unit: an XLIFF
#: target's ``state`` and a PO entry's obsolescence (``#~``).
PROP_XLIFF_STATE = "x-state"
PROP_PO_OBSOLETE = "x-po-obsolete"
#: A PO plural entry's ``msgid_plural`` (its ``msgstr[N]`` are ``x-po-msgstr[N]``).
PROP_PO_PLURAL = "x-po-msgid-plural"
#: A PO entry's translator comments (``# ...``).
PROP_PO_COMMENT = "x-po-comment"
#: XLIFF states whose target is not a translation yet: 1.2 ``new`` and
#: ``needs-translation``, 2.x ``initial`` (see :func:`unfinished_state`).
XLIFF_UNTRANSLATED_STATES = frozenset(("new", "needs-translation", "initial"))
#: Languages in the order the glossary files and exports list them.
LANGUAGE_ORDER = (EN, ZH)


class ReviewStatus(StrEnum):
    """Where a concept (or a proposed term) stands in review."""

    PROPOSED = "proposed"
    APPROVED = "approved"
    REJECTED = "rejected"


class TermStatus(StrEnum):
    """How a term may be used (TBX ``administrativeStatus``)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    FORBIDDEN = "forbidden"


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was read: 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1


@dataclass
class Term:
    """One designation of a concept in one language."""

    text: str
    status: TermStatus = TermStatus.PREFERRED
    pos: str | None = None
    note: str | None = None
    case_sensitive: bool = False
    #: Set on a term that a tool proposed and no reviewer has accepted yet.
    review: ReviewStatus | None = None
    #: Association score of a proposed term (aligner), if any.
    score: float | None = None
    #: Evidence for a proposed term: pair ids, ``path:line`` references.
    evidence: list[str] = field(default_factory=list)
    location: Location | None = field(default=None, compare=False, repr=False)
    #: Where the value of each field was read (``note`` -> its line and column), if read from a file.
    field_locations: dict[str, Location] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class Source:
    """Where a term was seen: a document and a section of it."""

    document: str
    section: str | None = None


@dataclass
class Concept:
    """A glossary entry: one meaning, with its terms in every language."""

    id: str
    status: ReviewStatus = ReviewStatus.PROPOSED
    subject: str | None = None
    definition: str | None = None
    note: str | None = None
    provenance: str | None = None
    sources: list[Source] = field(default_factory=list)
    terms: dict[str, list[Term]] = field(default_factory=dict)
    location: Location | None = field(default=None, compare=False, repr=False)
    #: Where the value of each field was read (``definition`` -> its line and column), if read from a file.
    field_locations: dict[str, Location] = field(default_factory=dict, compare=False, repr=False)
    #: Set by a reader of a file that carries no id for the concept (an OmegaT glossary,
    #: a bilingual sheet, a TMX unit or PO entry without a concept id, a TBX entry without
    #: one): its ``id`` was made up, from a term or the entry's position, and names no
    #: concept of a glossary (``termkit import`` matches it by its terms).
    made_up_id: bool = field(default=False, compare=False, repr=False)

    def terms_in(self, lang: str) -> list[Term]:
        """The terms of one language (an empty list when there are none)."""
        return self.terms.get(lang, [])

    def preferred(self, lang: str) -> Term | None:
        """The preferred term of ``lang``, else its first admitted term, else None."""
        terms = self.terms_in(lang)
        for status in (TermStatus.PREFERRED, TermStatus.ADMITTED):
            for term in terms:
                if term.status is status:
                    return term
        return None

    def add_term(self, lang: str, term: Term) -> bool:
        """Add ``term`` unless a term with the same text is there; True if added."""
        terms = self.terms.setdefault(lang, [])
        if any(t.text == term.text for t in terms):
            return False
        terms.append(term)
        return True

    def languages(self) -> list[str]:
        """Languages with at least one term, in canonical order."""
        return sort_languages(lang for lang, terms in self.terms.items() if terms)


def subject_key(subject: str | None) -> str:
    """A subject field as compared: case, width and runs of whitespace aside (``''``
    when unset).

    >>> subject_key(" Source\u3000 Code "), subject_key("ＩＴ") == subject_key("it")
    ('source code', True)
    """
    return " ".join(unicodedata.normalize("NFKC", subject or "").split()).casefold()


def told_apart(a: Concept, b: Concept) -> bool:
    """Whether the subject fields of two concepts tell them apart: both set, and different.

    Two concepts that share a preferred English term are homographs when they are
    (``comment`` in 源代码, 注释, and in 文档属性, 备注), a duplicate otherwise.

    >>> told_apart(Concept("a", subject="Source code"), Concept("b", subject="source  code"))
    False
    >>> told_apart(Concept("a", subject="source code"), Concept("b", subject="documents"))
    True
    >>> told_apart(Concept("a", subject="source code"), Concept("b"))
    False
    """
    return subjects_differ(a.subject, b.subject)


def subjects_differ(a: str | None, b: str | None) -> bool:
    """Whether two subject fields are both set and different (:func:`subject_key`)."""
    ka, kb = subject_key(a), subject_key(b)
    return bool(ka and kb and ka != kb)


def complete_direction(srclang: str | None, tgtlang: str | None, found: tuple[str, str]) -> tuple[str, str]:
    """The source and target languages of a translation: those given; neither given,
    those the input says or shows (``found``); one given, the other follows from
    ``found``: its other side when the given one is in its language of that side, its
    language of that side when the given one is in its other (the input read the other
    way round), else the other of English and Chinese (``en`` for a Chinese one, else
    ``zh-CN``).  Languages are compared by their primary subtag (``en-US`` is ``en``).

    >>> complete_direction(None, None, ("zh-CN", "en")), complete_direction("en", None, ("zh-CN", "en"))
    (('zh-CN', 'en'), ('en', 'zh-CN'))
    >>> complete_direction(None, "zh-TW", ("en", "zh-CN")), complete_direction("zh-TW", None, ("en", "zh-CN"))
    (('en', 'zh-TW'), ('zh-TW', 'en'))
    >>> complete_direction("en-US", None, ("en", "zh-Hant")), complete_direction("ja", None, ("en", "zh-CN"))
    (('en-US', 'zh-Hant'), ('ja', 'zh-CN'))
    """
    if srclang is None and tgtlang is None:
        return found
    if srclang is not None and tgtlang is not None:
        return srclang, tgtlang
    given, side = (srclang, 0) if srclang is not None else (tgtlang, 1)
    assert given is not None
    mine, other = found[side], found[1 - side]
    if _primary(given) == _primary(mine):
        rest = other
    elif _primary(given) == _primary(other):
        rest = mine
    else:
        rest = EN if _primary(given) == "zh" else ZH
    return (given, rest) if side == 0 else (rest, given)


def _primary(tag: str) -> str:
    """A language tag's primary subtag, lower case (``zh_TW`` -> ``zh``, ``zho-CN`` -> ``zh``)."""
    from . import langtags

    return langtags.primary(tag)


def unfinished_state(state: str | None) -> bool:
    """Whether an XLIFF target's ``state`` says it is no finished translation: not one
    yet (:data:`XLIFF_UNTRANSLATED_STATES`), or any other 1.2 ``needs-*`` state
    (``needs-l10n``, ``needs-adaptation``; the ``needs-review-*`` ones, which the
    reader marks fuzzy).  Lint leaves such units out, a PO marks them fuzzy, a TMX or
    TSV output leaves them out and an XLIFF output does not approve them.

    >>> unfinished_state("needs-l10n"), unfinished_state("translated"), unfinished_state(None)
    (True, False, False)
    """
    return state is not None and (state in XLIFF_UNTRANSLATED_STATES or state.startswith("needs-"))


def serving_terms(concept: Concept, lang: str) -> list[tuple[str, Term]]:
    """The terms of ``concept`` that serve as its ``lang`` terms in a directed export
    (zh-CN or zh-Hant) and as the zh-CN term an approved concept needs, each with its
    tag: ``lang``'s own first, then those of the tags of the same written language, in
    the same Chinese script (:func:`termkit.langtags.chinese_script`; each term of a
    bare ``zh`` by its own characters) and of no other region: zh-Hans-CN, then zh-Hans
    and zh for zh-CN; zh for zh-Hant.  A regional tag (zh-SG, zh-TW, zh-HK) serves only
    itself: its usage differs.

    >>> c = Concept("c", terms={"zh-SG": [Term("组屋")], "zh": [Term("雨露计划"), Term("雨露計劃")],
    ...     "zh-Hans-CN": [Term("整村推进")]})
    >>> [(tag, t.text) for tag, t in serving_terms(c, "zh-CN")]
    [('zh-Hans-CN', '整村推进'), ('zh', '雨露计划')]
    >>> [(tag, t.text) for tag, t in serving_terms(c, "zh-Hant")], serving_terms(c, "en")
    ([('zh', '雨露計劃')], [])
    """
    from . import langtags

    want, region = langtags.chinese_script(lang), langtags.region(lang)
    if langtags.primary(lang) != "zh" or want is None:
        return [(lang, t) for t in concept.terms.get(lang, [])]
    tags = [tag for tag, terms in concept.terms.items() if terms and langtags.region(tag) in (None, region)]
    return [
        (tag, t)
        for tag in sorted(tags, key=lambda tag: (tag != lang, langtags.region(tag) is None, tag))
        for t in concept.terms[tag]
        if langtags.chinese_script(tag, t.text) == want
    ]


def served(concept: Concept, langs: Iterable[str]) -> Concept:
    """``concept`` as a directed export sees it: the terms of :func:`serving_terms` of each
    of ``langs`` under that language (``zh-Hans`` terms as zh-CN ones), the concept
    itself when no term moves."""
    moved: dict[str, list[Term]] = {}
    for lang in langs:
        found = serving_terms(concept, lang)
        if any(tag != lang for tag, _ in found):
            moved[lang] = [t for _, t in found]
    if not moved:
        return concept
    taken = {id(t) for serving in moved.values() for t in serving}
    # (a tag whose every term moved is gone; the Traditional terms of a bare zh whose
    # Simplified ones serve as zh-CN stay under it)
    terms = {
        tag: kept
        for tag, lst in concept.terms.items()
        if (kept := [t for t in lst if id(t) not in taken]) or not lst
    }
    for lang, serving in moved.items():
        merged: list[Term] = []
        for t in serving:
            if all(t.text != m.text for m in merged):
                merged.append(t)
        terms.pop(lang, None)
        terms[lang] = merged
    return replace(concept, terms=terms)


def sort_languages(langs: Iterable[str]) -> list[str]:
    """``en`` first, ``zh-CN`` second, the rest alphabetically."""

    def key(lang: str) -> tuple[int, str]:
        return (LANGUAGE_ORDER.index(lang) if lang in LANGUAGE_ORDER else len(LANGUAGE_ORDER), lang)

    return sorted(set(langs), key=key)


def source_terms(concept: Concept, srclang: str) -> list[Term]:
    """The terms of ``concept`` a glossary TMX or OmegaT glossary gives a unit or line
    as source terms: every English term (deprecated and forbidden ones too: a source
    text may use them), but only the preferred and admitted Chinese ones (a Chinese
    term is deprecated or forbidden as a translation, often a wrong one: paired
    with the English, it would give wrong matches in a Chinese text)."""
    terms = concept.terms_in(srclang)
    if srclang == EN:
        return list(terms)
    return [t for t in terms if t.status in (TermStatus.PREFERRED, TermStatus.ADMITTED)]


@dataclass
class Glossary:
    """All concepts of a glossary, possibly read from several files."""

    concepts: list[Concept] = field(default_factory=list)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, concept_id: str) -> Concept | None:
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        return None

    def ids(self) -> set[str]:
        return {c.id for c in self.concepts}

    def terms(self, lang: str) -> Iterator[tuple[Concept, Term]]:
        """Every (concept, term) pair of one language, in file order."""
        for concept in self.concepts:
            for term in concept.terms_in(lang):
                yield concept, term


# --------------------------------------------------------------------------
# Translation memory


@dataclass
class InlineCode:
    """An inline code (TMX ``bpt/ept/it/ph/hi/ut/sub``, XLIFF ``g/x/ph/pc``...).

    ``kind`` is the element name, ``attrs`` its attributes, ``content`` its raw
    content (native code, e.g. ``<b>``), ``position`` the character offset in
    :attr:`Segment.text` where it stands.

    Elements that wrap segment text (TMX ``hi``, XLIFF ``g``/``pc``/``mrk``) are
    two codes: the opening one with the element name, the closing one with the
    name prefixed by ``/`` (``hi`` ... ``/hi``).  ``markup`` is the exact inner
    XML of a code that contains elements (TMX ``<sub>``), so that a writer of the
    same format can reproduce it; ``None`` otherwise.
    """

    kind: str
    position: int
    content: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    markup: str | None = None


@dataclass(slots=True)
class Segment:
    """The text of one language of a unit.

    ``text`` is plain text with inline codes removed (what lint and alignment
    read); ``codes`` keeps the codes, each anchored at a position in ``text``,
    so that a writer can put them back.  ``attrs`` holds the variant's TMX
    attributes other than its language (``creationdate``, ``creationid``,
    ``changedate``, ``changeid``, ``usagecount``, ``lastusagedate``...), by
    their TMX names; only TMX reads and writes them.
    """

    text: str
    codes: list[InlineCode] = field(default_factory=list)
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class TranslationUnit:
    """One unit of a memory: the same content in several languages.

    ``attrs`` holds the unit's TMX attributes other than ``tuid`` (which is
    ``id``): ``creationdate``, ``creationid``, ``changedate``, ``changeid``,
    ``usagecount``, ``lastusagedate``..., by their TMX names; only TMX reads and
    writes them.
    """

    segments: dict[str, Segment] = field(default_factory=dict)
    id: str | None = None
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: For PO-like sources: context, fuzzy flag, references.
    context: str | None = None
    fuzzy: bool = False
    references: list[str] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    location: Location | None = field(default=None, compare=False, repr=False)

    def text(self, lang: str) -> str | None:
        """The text of the segment tagged exactly ``lang`` (None without one); the tag
        that serves a language (``en-US`` for ``en``) is :func:`termkit.langtags.pick`'s:
        ``unit.text(langtags.pick(unit.segments, "en") or "en")``."""
        seg = self.segments.get(lang)
        return None if seg is None else seg.text


@dataclass
class Memory:
    """A translation memory: a header and a list of units."""

    srclang: str = EN
    units: list[TranslationUnit] = field(default_factory=list)
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    segtype: str = "sentence"
    #: what the segments hold, TMX's header ``datatype`` (``plaintext``, ``html``, ``xml``...)
    datatype: str = "plaintext"

    def languages(self) -> list[str]:
        return sort_languages(lang for unit in self.units for lang in unit.segments)
