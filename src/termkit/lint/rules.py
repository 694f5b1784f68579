"""The lint rules: small registered functions, each with a stable id, a severity and a description.

A rule of scope ``text`` reads a :class:`~termkit.lint.documents.TextDocument`
(a monolingual text); a rule of scope ``bitext`` reads a
:class:`~termkit.lint.documents.BitextDocument` (the segment pairs of a
translation).  Each yields :class:`Report` objects; the engine adds the rule id
and severity, applies suppressions and turns them into
:class:`~termkit.errors.Diagnostic`.  The first line of a rule's docstring is what
``termkit lint --list-rules`` prints; ``docs/lint.md`` documents each rule.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..chinese import ZERO_WIDTH
from ..errors import Severity
from ..model import TermStatus
from .documents import BitextDocument, Location, SegmentPair, TextDocument
from .matcher import Hit, TermMatcher, TermRef, separators, singular, unwrap_han, words
from .numbers import number_mismatches
from .tags import tag_problems

TEXT = "text"
BITEXT = "bitext"
BAD = (TermStatus.DEPRECATED, TermStatus.FORBIDDEN)


@dataclass(frozen=True)
class Report:
    """A finding before the engine names its rule: where, what, and the concept it concerns."""

    where: Location
    message: str
    concept: str | None = None
    matched: str | None = None
    expected: str | None = None
    #: Overrides the rule's severity for this one finding (a forbidden, not merely deprecated, term).
    severity: Severity | None = None


RuleFunc = Callable[[Any], Iterator[Report]]


class Tally(Protocol):
    """What a whole-file rule keeps while a file is read in parts (blocks of a text,
    batches of pairs): only what its findings need, never the parts themselves."""

    def add(self, doc: Any) -> Iterator[Report]:
        """Take in one part; the findings that can be told already."""
        ...

    def finish(self) -> Iterator[Report]:
        """The findings that needed the whole file."""
        ...


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    scope: str
    description: str
    func: RuleFunc
    #: Run unless deselected; an opt-in rule runs only when ``--select`` names it (or ALL).
    default: bool = True
    #: A rule that compares parts across the file (:attr:`tally` takes in each block of a
    #: text or batch of pairs as it is read) rather than one that looks at each part on its own.
    whole_file: bool = False
    tally: Callable[[], Tally] | None = None


RULES: dict[str, Rule] = {}

#: Reported by the engine itself, not by a rule function; listed and documented like the rules.
INPUT_ERROR = Rule(
    "input-error",
    Severity.ERROR,
    "any",
    "A file cannot be read: missing, not UTF-8, malformed XML/PO, unequal line counts.",
    lambda doc: iter(()),
)


def rule(
    rule_id: str, severity: Severity, scope: str, default: bool = True, whole_file: bool = False
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule; its docstring's first line is its description."""

    def register(func: RuleFunc) -> RuleFunc:
        doc = (func.__doc__ or "").strip().splitlines()[0]
        RULES[rule_id] = Rule(rule_id, severity, scope, doc, func, default, whole_file)
        return func

    return register


def tally_rule(
    rule_id: str, severity: Severity, scope: str, default: bool = True
) -> Callable[[Callable[[], Tally]], Callable[[], Tally]]:
    """Register a whole-file rule made of a :class:`Tally`; its docstring's first line is
    its description.  The rule's function runs a new tally over one whole document."""

    def register(make: Callable[[], Tally]) -> Callable[[], Tally]:
        doc = (make.__doc__ or "").strip().splitlines()[0]

        def func(document: Any) -> Iterator[Report]:
            tally = make()
            yield from tally.add(document)
            yield from tally.finish()

        RULES[rule_id] = Rule(rule_id, severity, scope, doc, func, default, True, make)
        return make

    return register


def all_rules() -> list[Rule]:
    """Every rule, the engine's ``input-error`` included, sorted by id."""
    return sorted([*RULES.values(), INPUT_ERROR], key=lambda r: r.id)


def q(text: str) -> str:
    """A term quoted for a message, line breaks shown as spaces (none between Han characters)."""
    return '"' + " ".join(unwrap_han(text).split()) + '"'


def _all_bad(hit: Hit) -> bool:
    return hit.term.status in BAD and all(t.status in BAD for t in hit.terms)


def _bad_hits(hits: Iterable[Hit], text: str, matcher: TermMatcher) -> Iterator[Hit]:
    """The hits of deprecated or forbidden terms, but not of one inside a longer Chinese
    word (济贫 in 救济贫困; :meth:`~termkit.lint.matcher.TermMatcher.in_longer_word`)."""
    for hit in hits:
        if _all_bad(hit) and not (matcher.char_mode and matcher.in_longer_word(text, hit)):
            yield hit


def _approved_hits(hits: Iterable[Hit]) -> Iterator[Hit]:
    for hit in hits:
        if hit.term.approved and len(hit.concepts) == 1:
            yield hit


# --------------------------------------------------------------------------
# Monolingual rules


@rule("deprecated-term", Severity.WARNING, TEXT)
def deprecated_term(doc: TextDocument) -> Iterator[Report]:
    """A deprecated or forbidden term is used (error if forbidden); the preferred term is suggested."""
    for hit in _bad_hits(doc.hits, doc.text, doc.index.matcher(doc.lang)):
        term = hit.term
        pref = doc.index.preferred(term.concept, term.lang)
        advice = f"; use {q(pref.text)}" if pref else ""
        yield Report(
            doc.loc(hit.start),
            f"{term.status.value} term {q(hit.surface)} for concept {term.concept}{advice}",
            term.concept,
            hit.surface,
            pref.text if pref else None,
            Severity.ERROR if term.status is TermStatus.FORBIDDEN else None,
        )


@dataclass(slots=True)
class _Uses:
    """The uses of one glossary term across a file: how many, the smallest offset of
    one, the first (where and as written) and, unless it can never be reported (the
    concept's preferred term), every one."""

    term: TermRef
    count: int = 0
    min_start: int = -1
    first: tuple[Location, str] | None = None
    all: list[tuple[Location, str]] | None = field(default_factory=list)

    def add(self, start: int, where: Callable[[int], Location], offset: int, surface: str) -> None:
        """One more use, at ``offset`` (``start`` in the file); ``where(offset)`` locates it,
        asked only when it is kept."""
        self.count += 1
        if self.min_start < 0 or start < self.min_start:
            self.min_start = start
        if self.first is None:
            self.first = (where(offset), surface)
            if self.all is not None:
                self.all.append(self.first)
        elif self.all is not None:
            self.all.append((where(offset), surface))


def _dominant(index_pref: TermRef | None, used: dict[int, _Uses]) -> int:
    """The variant the others are measured against: the preferred term if used, else the most used."""
    if index_pref is not None and index_pref.id in used:
        return index_pref.id
    return max(used, key=lambda tid: (used[tid].count, -used[tid].min_start))


class _Tally:
    """Per concept, the approved terms used (by term, in the order first used) in
    :attr:`lang`: what the whole-file rules of term consistency report from."""

    def __init__(self) -> None:
        self.uses: dict[str, dict[int, _Uses]] = {}
        self.lang = ""
        self.index: Any = None

    def _uses_of(self, term: TermRef) -> _Uses:
        """The uses of ``term`` so far (a new, empty record the first time)."""
        used = self.uses.get(term.concept)
        if used is None:
            used = self.uses[term.concept] = {}
        uses = used.get(term.id)
        if uses is None:
            pref = self.index.preferred(term.concept, self.lang)
            # (the preferred term is never reported: its first use is all it needs)
            uses = used[term.id] = _Uses(term, all=None if pref is not None and pref.id == term.id else [])
        return uses


class _TermUses(_Tally):
    """Per concept, the approved terms a text uses."""

    def add(self, doc: TextDocument) -> Iterator[Report]:
        self.lang, self.index = doc.lang, doc.index
        for hit in _approved_hits(doc.hits):
            uses = self._uses_of(hit.term)
            if uses.all is None and uses.first is not None:
                uses.count += 1  # (a text's hits come in order: the first has the smallest offset)
                continue
            uses.add(doc.offset + hit.start, doc.loc, hit.start, hit.surface)
        return iter(())


def _word_keys(text: str) -> list[str]:
    return [singular(w.lower()) for w in words(text)]


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` is a shortening of ``full``: some of its words in a row, or its acronym.

    >>> is_short_form("key counties", "key county for national poverty alleviation and development")
    True
    >>> is_short_form("LGOP", "Leading Group Office of Poverty Reduction and Development")
    True
    >>> is_short_form("poor area", "poverty-stricken area")
    False
    """
    sw, fw = _word_keys(short), _word_keys(full)
    if 0 < len(sw) < len(fw) and any(fw[i : i + len(sw)] == sw for i in range(len(fw) - len(sw) + 1)):
        return True
    if short.isupper() and short.isalpha() and 2 <= len(short) <= 8:
        initials = iter(w[0].upper() for w in words(full) if w.lower() not in _SMALL)
        return len(words(full)) > 1 and all(ch in initials for ch in short)
    return False


@tally_rule("mixed-variants", Severity.WARNING, TEXT)
class MixedVariants(_TermUses):
    """One concept is named by two or more of its glossary terms in the same document (short forms aside)."""

    def finish(self) -> Iterator[Report]:
        for concept, all_used in self.uses.items():
            if len(all_used) < 2:
                continue
            texts = {tid: uses.term.text for tid, uses in all_used.items()}
            used = {
                tid: uses
                for tid, uses in all_used.items()
                if not any(is_short_form(texts[tid], texts[o]) for o in all_used if o != tid)
            }
            if len(used) < 2:
                continue
            pref = self.index.preferred(concept, self.lang)
            dominant = used[_dominant(pref, used)]
            assert dominant.first is not None
            (_, line, _), first_surface = dominant.first
            for uses in used.values():
                if uses is dominant:
                    continue
                assert uses.all is not None  # (only the preferred term keeps none, and it dominates)
                for where, surface in uses.all:
                    yield Report(
                        where,
                        f"{q(surface)} and {q(first_surface)} (line {line}) both name concept {concept}; "
                        f"use one term throughout: {q(dominant.term.text)}",
                        concept,
                        surface,
                        dominant.term.text,
                    )


@tally_rule("non-preferred-term", Severity.INFO, TEXT, default=False)
class NonPreferredTerm(_TermUses):
    """An admitted term is used where the glossary prefers another (opt-in; not where mixed-variants reports)."""

    def finish(self) -> Iterator[Report]:
        for concept, used in self.uses.items():
            if len(used) != 1:
                continue
            uses = next(iter(used.values()))
            term = uses.term
            if term.status is not TermStatus.ADMITTED:
                continue
            pref = self.index.preferred(concept, self.lang)
            if pref is None or pref.status is not TermStatus.PREFERRED or uses.all is None:
                continue
            for where, surface in uses.all:
                yield Report(
                    where,
                    f"admitted term {q(surface)} for concept {concept}; the preferred term is {q(pref.text)}",
                    concept,
                    surface,
                    pref.text,
                )


# --- capitalisation

_SMALL = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "by", "with", "at", "from", "or", "as"}
_OPENERS = set(".!?:;。！？：；【[(（“\"‘'«—–-•*#>|/")
_QUOTES_OPEN = set("“\"‘'«【「『(（[")
_QUOTES_CLOSE = set("”\"’'»】」』)）]")


def _case_class(word: str) -> str:
    if not any(c.isalpha() for c in word):
        return "n"
    if word.islower():
        return "l"
    if word.isupper():
        return "u" if sum(c.isalpha() for c in word) > 1 else "t"
    if word[0].isupper() and (word[1:].islower() or not any(c.isalpha() for c in word[1:])):
        return "t"
    return "m"


def _sentence_start(before: str) -> bool:
    stripped = before.rstrip()
    if not stripped or before[len(stripped) :].count("\n") or "\n" in before[-1:]:
        return True
    return stripped[-1] in _OPENERS


def _neighbour_words(before: str, after: str) -> tuple[str | None, str | None]:
    """The nearest words before and after a hit on its line that are not small function words."""
    prev = next(
        (w for w in reversed(words(before[-80:].rsplit("\n", 1)[-1])) if w.lower() not in _SMALL), None
    )
    nxt = next((w for w in words(after[:80].split("\n", 1)[0]) if w.lower() not in _SMALL), None)
    return prev, nxt


def _is_heading(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 200:
        return False
    if s.startswith("#") or (s.startswith("【") and "】" in s):
        return True
    ws = words(s)
    return len(ws) <= 12 and s[-1] not in ".;,:。；，：" and not any(c in s for c in "。")


def case_problem(term: str, surface: str, before: str, after: str, line: str) -> bool:
    """Whether ``surface`` writes the glossary ``term`` with a capitalisation that is not explained.

    Explained: a capital at the start of a sentence or heading, Title Case inside a
    title or a name ("the Development-oriented Poverty Reduction Program"), all
    capitals in an upper-case heading, a quoted title.
    """
    tw, sw = words(term), words(surface)
    if len(tw) != len(sw):
        return False
    capitalised: list[int] = []
    caps = False
    for i, (t, s) in enumerate(zip(tw, sw, strict=True)):
        ct, cs = _case_class(t), _case_class(s)
        if ct == cs and (ct != "m" or s.startswith(t[: len(s)]) or t.startswith(s[: len(t)])):
            continue
        if cs == "n" or ct == "n":
            continue
        if ct == "l" and cs == "t":
            capitalised.append(i)
        elif cs == "u":
            caps = True
        else:
            return True  # "rain plan" for "Rain Plan", "RAin"
    if not capitalised and not caps:
        return False
    prev, nxt = _neighbour_words(before, after)
    if caps:
        upper_context = any(w is not None and w.isupper() and len(w) > 1 for w in (prev, nxt))
        if not (upper_context or (len(line) < 200 and line.strip().isupper())):
            return True
        if not capitalised:
            return False
    if capitalised == [0] and _sentence_start(before):
        return False
    quoted = before.rstrip()[-1:] in _QUOTES_OPEN and after.lstrip()[:1] in _QUOTES_CLOSE
    if quoted or _is_heading(line):
        return False
    title_case = all(_case_class(s) in "tun" for s, t in zip(sw, tw, strict=True) if t.lower() not in _SMALL)
    name_context = any(w is not None and w[0].isupper() for w in (prev, nxt))
    return not (title_case and name_context)


@rule("term-case", Severity.WARNING, TEXT)
def term_case(doc: TextDocument) -> Iterator[Report]:
    """A glossary term is capitalised otherwise than in the glossary (sentence starts and titles aside)."""
    if doc.index.is_char(doc.lang):
        return
    for hit in doc.hits:
        term = hit.term
        surface = hit.surface
        if surface == term.text or term.case_sensitive:
            continue
        if surface.islower() and term.text.islower():
            continue  # the same case; plural or hyphenation differ
        before = doc.before(hit.start, 200)
        if surface[1:] == term.text[1:] and _sentence_start(before):
            continue  # "Rain plan" at the start of a sentence for "rain plan"
        after = doc.after(hit.end, 200)
        if case_problem(term.text, surface, before, after, doc.line_text(hit.start)):
            yield Report(
                doc.loc(hit.start),
                f"{q(surface)} is written {q(term.text)} in the glossary (concept {term.concept})",
                term.concept,
                surface,
                term.text,
            )


def _hyphenation(text: str) -> list[str]:
    """Per gap between words: hyphen or not (apostrophes and other marks are not hyphenation)."""
    return ["-" if sep == "-" else " " for sep in separators(text)]


@rule("term-hyphenation", Severity.WARNING, TEXT)
def term_hyphenation(doc: TextDocument) -> Iterator[Report]:
    """A glossary term is hyphenated, spaced or written solid otherwise than in the glossary."""
    if doc.index.is_char(doc.lang):
        return
    for hit in doc.hits:
        term = hit.term
        if hit.surface == term.text or (hit.surface.isalpha() and term.text.isalpha()):
            continue
        tw, sw = words(term.text), words(hit.surface)
        if len(tw) == len(sw) and _hyphenation(term.text) == _hyphenation(hit.surface):
            continue
        yield Report(
            doc.loc(hit.start),
            f"{q(hit.surface)} is written {q(term.text)} in the glossary (concept {term.concept})",
            term.concept,
            hit.surface,
            term.text,
        )


# --------------------------------------------------------------------------
# Bilingual rules


def in_longer_name(hit: Hit, text: str) -> bool:
    """A common-noun term capitalised inside a longer name ("Member" in "Member States",
    "Authority" in "the Palestinian Authority"): the name has its own translation.

    >>> from termkit.model import TermStatus
    >>> ref = TermRef(0, "c", "en", "authority", TermStatus.PREFERRED)
    >>> text = "the Palestinian Authority said"
    >>> in_longer_name(Hit(16, 25, "Authority", (ref,)), text)
    True
    """
    term = hit.term
    if term.case_sensitive or not term.text.islower() or hit.surface.islower():
        return False
    before = text[max(0, hit.start - 60) : hit.start]
    after = text[hit.end : hit.end + 60]
    prev = words(before)[-1:] if before.rstrip()[-1:].isalnum() else []
    nxt = words(after)[:1] if after.lstrip()[:1].isalnum() and not after[:1].isalnum() else []
    return any(w[0].isupper() for w in prev + nxt)


def _expected(terms: list[TermRef]) -> str:
    return " / ".join(t.text for t in sorted(terms, key=lambda t: t.status is not TermStatus.PREFERRED))


@rule("key-term-missing", Severity.WARNING, BITEXT)
def key_term_missing(doc: BitextDocument) -> Iterator[Report]:
    """The source has a glossary term but the target has none of its approved translations."""
    index = doc.index
    for pair in doc.pairs:
        if not pair.src.hits or not pair.tgt.text.strip():
            continue
        present = {c for h in pair.tgt.all_hits for c in h.concepts}
        for hit in pair.src.hits:
            concepts = hit.concepts
            if any(c in present for c in concepts):
                continue
            approved = [t for c in concepts for t in index.concept_terms(c, doc.tgt_lang) if t.approved]
            if not approved or in_longer_name(hit, pair.src.text):
                continue
            yield Report(
                pair.src.loc(hit.start),
                f"source term {q(hit.surface)} (concept {hit.term.concept}) has no approved translation "
                f"in the target; expected {_expected(approved)}",
                hit.term.concept,
                hit.surface,
                _expected(approved),
            )


@rule("forbidden-target-term", Severity.ERROR, BITEXT)
def forbidden_target_term(doc: BitextDocument) -> Iterator[Report]:
    """The target uses a term the glossary marks deprecated (warning) or forbidden (error)."""
    matcher = doc.index.matcher(doc.tgt_lang)
    for pair in doc.pairs:
        for hit in _bad_hits(pair.tgt.hits, pair.tgt.text, matcher):
            term = hit.term
            pref = doc.index.preferred(term.concept, doc.tgt_lang)
            advice = f"; use {q(pref.text)}" if pref else ""
            yield Report(
                pair.tgt.loc(hit.start),
                f"{term.status.value} target term {q(hit.surface)} for concept {term.concept}{advice}",
                term.concept,
                hit.surface,
                pref.text if pref else None,
                None if term.status is TermStatus.FORBIDDEN else Severity.WARNING,
            )


@tally_rule("inconsistent-translation", Severity.WARNING, BITEXT)
class InconsistentTranslation(_Tally):
    """The same source term is translated with different approved target terms across the file."""

    def add(self, doc: BitextDocument) -> Iterator[Report]:
        # (per concept, the approved target terms used where the source names it)
        self.lang, self.index = doc.tgt_lang, doc.index
        for pair in doc.pairs:
            concepts = {c for h in pair.src.hits for c in h.concepts}
            if not concepts:
                continue
            seen: set[int] = set()
            for hit in _approved_hits(pair.tgt.all_hits):
                term = hit.term
                if term.concept in concepts and term.id not in seen:
                    seen.add(term.id)
                    self._uses_of(term).add(hit.start, pair.tgt.loc, hit.start, hit.surface)
        return iter(())

    def finish(self) -> Iterator[Report]:
        for concept, used in self.uses.items():
            if len(used) < 2:
                continue
            pref = self.index.preferred(concept, self.lang)
            dominant = used[_dominant(pref, used)]
            assert dominant.first is not None
            count = dominant.count
            where = f"{dominant.first[0][1]}" + (f", {count} times" if count > 1 else "")
            expected = dominant.term.text
            for uses in used.values():
                if uses is dominant:
                    continue
                assert uses.all is not None  # (only the preferred term keeps none, and it dominates)
                for loc, surface in uses.all:
                    yield Report(
                        loc,
                        f"{q(surface)} translates concept {concept} here, {q(expected)} elsewhere "
                        f"(line {where}); use one: {q(expected)}",
                        concept,
                        surface,
                        expected,
                    )


def segment_key(text: str) -> str:
    """A segment as the repetition rules compare it: case-folded, whitespace collapsed,
    zero-width characters dropped, full-width letters and digits read as ASCII, without
    the punctuation that ends it (where segmenters and styles differ: "The
    General Assembly," is "大会，" as "The General Assembly" is "大会").

    >>> segment_key("  The  Rain\u3000Plan ") == segment_key("the rain plan")
    True
    >>> segment_key("4. Other matters:") == segment_key("4. Other matters."), segment_key("大会，")
    (True, '大会')
    """
    if not text.isascii() and _FOLDED.search(text):
        text = text.translate(_FOLD)
    key = " ".join(text.casefold().split())
    return key.rstrip(_END_PUNCTUATION).rstrip()


#: Deletes the characters that show nothing (two segments that differ only by a
#: zero-width space look the same, and are) and reads full-width letters and digits
#: as ASCII (共５个村 is 共5个村: NFKC, for these).
_FOLD: dict[int, int | None] = {
    **dict.fromkeys(map(ord, ZERO_WIDTH)),
    **{
        c: c - 0xFEE0
        for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
        for c in range(r[0], r[1] + 1)
    },
}
_FOLDED = re.compile(f"[{ZERO_WIDTH}\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


#: Punctuation that ends a sentence or a clause, and dashes (not "%", "*", quotes...:
#: "5%" is not "5", nor "Name*" "Name").
_END_PUNCTUATION = ".,:;!?…。，：；！？、．｡､‼⁇⁈⁉-‐‒–—―－⸺⸻ "


def _snippet(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _fingerprint(context: str | None, key: str) -> bytes:
    """A segment key (in its context) as 16 bytes: what the repetition rules keep of each
    distinct segment instead of the key itself."""
    h = hashlib.blake2b(digest_size=16)
    if context is not None:
        data = context.encode("utf-8", "surrogatepass")
        h.update(b"c%d:" % len(data))
        h.update(data)
    h.update(b"k")
    h.update(key.encode("utf-8", "surrogatepass"))
    return h.digest()


class TextStore:
    """Texts kept in the order they come, packed: UTF-8 in blocks compressed with zlib
    (about a third of what as many :class:`str` objects take), each read back by its
    number when a finding quotes it.

    >>> store = TextStore()
    >>> [store.add(t) for t in ("整村推进", "", "Rain Plan " * 5000)]
    [0, 1, 2]
    >>> store.get(0), store.get(1), store.get(2) == "Rain Plan " * 5000
    ('整村推进', '', True)
    """

    #: Bytes of text compressed together: a quote reads back one or two such blocks.
    BLOCK = 1 << 14

    def __init__(self) -> None:
        self.blocks: list[bytes] = []
        self.tail = bytearray()
        #: Where each text starts in the whole (uncompressed) stream.
        self.starts = array("q")
        self.size = 0
        self._cached: tuple[int, bytes] = (-1, b"")

    def add(self, text: str) -> int:
        """Keep ``text``; its number."""
        data = text.encode("utf-8", "surrogatepass")
        self.starts.append(self.size)
        self.size += len(data)
        self.tail += data
        while len(self.tail) >= self.BLOCK:
            self.blocks.append(zlib.compress(bytes(self.tail[: self.BLOCK]), 1))
            del self.tail[: self.BLOCK]
        return len(self.starts) - 1

    def get(self, number: int) -> str:
        """The text kept as ``number``."""
        start = self.starts[number]
        end = self.starts[number + 1] if number + 1 < len(self.starts) else self.size
        first = start // self.BLOCK
        last = max(first, (end - 1) // self.BLOCK)
        data = b"".join(self._block(b) for b in range(first, last + 1))
        skip = first * self.BLOCK
        return data[start - skip : end - skip].decode("utf-8", "surrogatepass")

    def _block(self, number: int) -> bytes:
        if number == len(self.blocks):
            return bytes(self.tail)
        if self._cached[0] != number:
            self._cached = (number, zlib.decompress(self.blocks[number]))
        return self._cached[1]


class _Repetitions:
    """Pairs whose one side repeats an earlier pair's but whose other side differs.

    Kept per distinct side (in its context), packed (no object per segment but its
    fingerprint): the fingerprint of its key, the fingerprint of the other side's key,
    and the other side's text (:class:`TextStore`) and line, which a finding about a
    later repetition quotes.
    """

    src_first = True

    def __init__(self) -> None:
        #: Fingerprint of a side's key -> its number in the arrays below.
        self.first: dict[bytes, int] = {}
        #: Per number, 16 bytes: the fingerprint of the other side's key.
        self.others = bytearray()
        self.lines = array("q")
        self.texts = TextStore()

    def add(self, doc: BitextDocument) -> Iterator[Report]:
        for pair in doc.pairs:
            ks, kt = pair.keys(segment_key)
            ka, kb = (ks, kt) if self.src_first else (kt, ks)
            if not ka or not kb:
                continue
            key = _fingerprint(pair.context, ka)
            seen = self.first.get(key)
            other = pair.tgt if self.src_first else pair.src
            if seen is None:
                self.first[key] = self.texts.add(other.text)
                self.others += _fingerprint(None, kb)
                self.lines.append(other.line)
            elif self.others[16 * seen : 16 * seen + 16] != _fingerprint(None, kb):
                yield self.report(pair, self.texts.get(seen), self.lines[seen])

    def report(self, pair: SegmentPair, text: str, line: int) -> Report:
        raise NotImplementedError

    def finish(self) -> Iterator[Report]:
        return iter(())


@tally_rule("same-source-different-target", Severity.WARNING, BITEXT)
class SameSourceDifferentTarget(_Repetitions):
    """The same source segment (whitespace and case aside) is translated differently elsewhere in the file."""

    def report(self, pair: SegmentPair, text: str, line: int) -> Report:
        return Report(
            pair.tgt.loc(),
            f"same source, different target: {q(_snippet(pair.src.text))} is translated "
            f"{q(_snippet(pair.tgt.text))} here but {q(_snippet(text))} at line {line}",
            None,
            pair.tgt.text,
            text,
        )


@tally_rule("same-target-different-source", Severity.WARNING, BITEXT)
class SameTargetDifferentSource(_Repetitions):
    """The same target segment (whitespace and case aside) translates different source segments."""

    src_first = False

    def report(self, pair: SegmentPair, text: str, line: int) -> Report:
        return Report(
            pair.tgt.loc(),
            f"same target, different source: {q(_snippet(pair.tgt.text))} translates "
            f"{q(_snippet(pair.src.text))} here but {q(_snippet(text))} at line {line}",
            None,
            pair.src.text,
            text,
        )


@rule("number-mismatch", Severity.WARNING, BITEXT)
def number_mismatch(doc: BitextDocument) -> Iterator[Report]:
    """A number is in the source but not the target, or the reverse (5,000 = 5000; 2.07 billion = 20.7亿)."""
    for pair in doc.pairs:
        if not pair.tgt.text.strip():
            continue
        only_src, only_tgt = number_mismatches(pair.src.text, pair.tgt.text, doc.src_lang, doc.tgt_lang)
        for n in only_src:
            yield Report(
                pair.src.loc(n.start),
                f"number {n.text} in the source is not in the target",
                None,
                n.text,
                None,
            )
        for n in only_tgt:
            yield Report(
                pair.tgt.loc(n.start),
                f"number {n.text} in the target is not in the source",
                None,
                n.text,
                None,
            )


@rule("tag-mismatch", Severity.WARNING, BITEXT)
def tag_mismatch(doc: BitextDocument) -> Iterator[Report]:
    """An OmegaT tag (<e0>, </e0>, <i1/>) of the source is missing, renumbered or broken in the target."""
    for pair in doc.pairs:
        if not pair.tgt.text.strip():
            continue
        for problem in tag_problems(pair.src.text, pair.tgt.text):
            side = pair.src if problem.side == "source" else pair.tgt
            yield Report(side.loc(problem.start), problem.message, None, problem.text, None)
