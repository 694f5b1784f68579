"""Find glossary terms in text: one pass with an Aho-Corasick automaton, never one regex per term.

Two matchers share one interface (:meth:`TermMatcher.find` and :meth:`TermMatcher.find_all`):

* **English** (and other space-delimited languages).  The text is normalised
  without changing its length: lower case, whitespace and hyphens become ``' '``,
  every other non-word character becomes ``'|'``.  Runs of spaces are then
  collapsed (a term broken across a line, ``anti-\\n  poverty``), keeping a map back
  to the original offsets.  Every glossary term is added to the automaton in its
  variants (hyphen or space, a hyphenated compound written solid, singular or
  plural of its nouns), each preceded by one boundary character, so that the
  automaton only reports matches that start a word.  The end of a word, the gaps
  inside a match (``rain - plan`` with a dash is not ``Rain Plan``), hyphenated
  compounds (``poverty`` is not found in ``anti-poverty``) and case-sensitive terms
  are then checked on the few hits.
* **Chinese** (and Japanese, Korean): the automaton runs over the text as it is.

Both then keep the leftmost-longest non-overlapping hits ("ex-situ anti-poverty
relocation" before "relocation", 易地扶贫搬迁 before 扶贫), which is what
:meth:`find` returns; :meth:`find_all` keeps every valid hit, nested ones too.

A Chinese hit may still be a part of a longer word that no term of the index
names (济贫 in 救济贫困, 秘书 in 秘书长, 几内亚 in the name 几内亚比绍; but 日本 in the
phrase 日本政府 is a word):
:meth:`TermMatcher.in_longer_word` asks jieba, with every term of the glossary
loaded, before a deprecated or forbidden term is reported.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from .. import langtags
from ..chinese import (
    CHAR_GAPS,
    NAME_TAGS,
    ZERO_WIDTH,
    block_cutter,
    block_pattern,
    dictionary_tags,
    has_zero_width,
    jieba_tokenizer,
    splits_into,
    to_simplified,
)
from ..inflect import man_plural, men_singular
from ..model import Glossary, ReviewStatus, TermStatus

#: Languages written without spaces between words: matched character by character.
CHAR_LANGUAGES = ("zh", "ja", "ko")

HYPHENS = "-\u2010\u2011"
_HY = r"\-\u2010\u2011"  # the same, for a regex character class
_RUNS = re.compile(r" {2,}")
_WORD = re.compile(r"[^\W_]+")


#: Stands for every non-ASCII letter or digit in the normalised text (a word character).
WORD_MARK = "\x01"


def _ascii_table() -> bytes:
    table = bytearray(range(256))
    for b in range(128):
        ch = chr(b)
        if ch.isalnum():
            table[b] = ord(ch.lower())
        elif ch == WORD_MARK:
            continue
        elif ch.isspace() or ch == "-":
            table[b] = ord(" ")
        else:
            table[b] = ord("|")
    return bytes(table)


_ASCII_TABLE = _ascii_table()


def _classify(ch: str) -> str:
    if ch.isspace() or ch in HYPHENS:
        return " "
    if ch.isalnum():
        return WORD_MARK
    return "|"


def _encode_other(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each non-ASCII character becomes one ASCII stand-in."""
    assert isinstance(err, UnicodeEncodeError)
    return "".join(_classify(c) for c in err.object[err.start : err.end]), err.end


codecs.register_error("termkit-lint-normalize", _encode_other)


def normalize_en(text: str) -> str:
    """The text as the English automaton reads it; exactly as long as ``text``.

    ASCII letters are lower-cased; whitespace and hyphens become ``' '``; other
    punctuation ``'|'``; every non-ASCII letter or digit the one stand-in
    ``WORD_MARK`` (so "côte" and "CÔTE" read alike; glossary terms go through the
    same function); a blank line ``'||'`` (no term runs across a paragraph).

    >>> normalize_en("Ex-situ (anti-poverty)\\nRelocation’s.")
    'ex situ |anti poverty| relocation|s|'
    """
    data = text.encode("ascii", "termkit-lint-normalize")
    if b"\n\n" in data or b"\n\r\n" in data:
        data = data.replace(b"\n\r\n", b"|||").replace(b"\n\n", b"||")
    return data.translate(_ASCII_TABLE).decode("ascii")


@dataclass
class Collapsed:
    """A normalised text with runs of spaces collapsed, and the way back to the original offsets."""

    text: str
    #: Offsets in :attr:`text` after which characters were removed, and how many in total.
    marks: list[int] = field(default_factory=list)
    shifts: list[int] = field(default_factory=list)

    def original(self, pos: int) -> int:
        """The offset in the uncollapsed text of offset ``pos`` of the collapsed one."""
        if not self.marks:
            return pos
        i = bisect.bisect_right(self.marks, pos) - 1
        return pos if i < 0 else pos + self.shifts[i]


def _has_gaps(text: str) -> bool:
    """Whether ``text`` has a line break or a zero-width character."""
    return "\n" in text or has_zero_width(text)


def join_han_lines(text: str) -> Collapsed | None:
    r"""``text`` without the line breaks inside a run of Chinese (a hard-wrapped text:
    ``永续\n发展``) and without its zero-width characters (:data:`ZERO_WIDTH`), and the
    way back; None when there are none.  A blank line stays.

    >>> joined = join_han_lines("推动永续\n  发展。\n\n永\u200b续")
    >>> joined.text, joined.original(4), joined.original(5), joined.original(10)
    ('推动永续发展。\n\n永续', 7, 8, 14)
    """
    if not _has_gaps(text):
        return None
    marks: list[int] = []
    shifts: list[int] = []
    pieces: list[str] = []
    removed = last = 0
    for m in CHAR_GAPS.finditer(text):
        pieces.append(text[last : m.start()])
        removed += m.end() - m.start()
        marks.append(m.end() - removed)
        shifts.append(removed)
        last = m.end()
    if not marks:
        return None
    pieces.append(text[last:])
    return Collapsed("".join(pieces), marks, shifts)


def unwrap_han(text: str) -> str:
    r"""``text`` without its line breaks between Han characters (``永续\n发展`` -> ``永续发展``)
    and without its zero-width characters."""
    return CHAR_GAPS.sub("", text) if _has_gaps(text) else text


def _back(hit: Hit, joined: Collapsed, text: str) -> Hit:
    """A hit in a text whose Han line breaks were taken out, at its offsets in ``text``."""
    start, end = joined.original(hit.start), joined.original(hit.end - 1) + 1
    if (start, end) == (hit.start, hit.end):
        return hit
    return Hit(start, end, text[start:end], hit.terms, hit.concepts)


def collapse_spaces(norm: str) -> Collapsed:
    """Collapse runs of spaces (so that ``rain \\n   plan`` reads ``rain plan``)."""
    pos = norm.find("  ")
    if pos < 0:
        return Collapsed(norm)
    n = len(norm)
    pieces: list[str] = []
    marks: list[int] = []
    shifts: list[int] = []
    removed = 0
    last = 0
    while pos >= 0:
        end = pos + 2
        while end < n and norm[end] == " ":
            end += 1
        pieces.append(norm[last : pos + 1])
        marks.append(pos + 1 - removed)  # collapsed offset just after the one space kept
        removed += end - pos - 1
        shifts.append(removed)
        last = end
        pos = norm.find("  ", end)
    pieces.append(norm[last:])
    return Collapsed("".join(pieces), marks, shifts)


# --------------------------------------------------------------------------
# English inflection (enough for glossary nouns)

_IRREGULAR = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "people",
    "foot": "feet",
    "tooth": "teeth",
    "mouse": "mice",
    "criterion": "criteria",
    "phenomenon": "phenomena",
    "analysis": "analyses",
    "basis": "bases",
    "crisis": "crises",
}
_IRREGULAR_SINGULAR = {v: k for k, v in _IRREGULAR.items()}
_INVARIANT = {"series", "species", "news", "means", "headquarters", "data", "staff", "people", "police"}
#: Words after which the preceding noun is the head of its phrase and may be plural.
_HEAD_FOLLOWERS = {"of", "for", "in", "on", "and", "to", "with", "by", "from", "at", "or"}
MAX_VARIANTS = 8


def plural(word: str) -> str:
    """The regular English plural of ``word`` (lower case).

    >>> [plural(w) for w in ("county", "policy", "tax", "plan", "day", "child")]
    ['counties', 'policies', 'taxes', 'plans', 'days', 'children']
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _INVARIANT or not word.isalpha():
        return word
    men = man_plural(word)  # "herdsman" -> "herdsmen"
    if men is not None:
        return men
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def singular(word: str) -> str:
    """The singular of a regular English plural, or ``word`` itself.

    >>> [singular(w) for w in ("counties", "taxes", "plans", "process", "status", "children")]
    ['county', 'tax', 'plan', 'process', 'status', 'child']
    """
    if word in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[word]
    if word in _INVARIANT or len(word) < 4 or not word.isalpha():
        return word
    man = men_singular(word)  # "servicemen" -> "serviceman"
    if man is not None:
        return man
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def _inflections(word: str) -> list[str]:
    """The word and its plural.  A word that is already plural keeps only its own form:
    "goods" must not match "good", nor "arms" "arm", nor "wells" "well"."""
    if len(word) < 3 or not word.isalpha() or singular(word) != word:
        return [word]
    form = plural(word)
    return [word] if form == word else [word, form]


def english_variants(term: str) -> list[str]:
    """The normalised forms under which an English term is found in text.

    Hyphen and space are already the same after :func:`normalize_en`; here come
    plural and singular of the head nouns (the last word, and a word before
    "of", "for", "and"...) and the solid form of a two-part hyphen compound
    (grass-roots / grassroots).

    >>> for v in english_variants("key county for poverty alleviation"):
    ...     print(v)
    key county for poverty alleviation
    key county for poverty alleviations
    key counties for poverty alleviation
    key counties for poverty alleviations
    """
    base = collapse_spaces(normalize_en(term.strip())).text.strip(" ")
    if not base:
        return []
    parts = re.split(r"( )", base)  # words (with '|' inside) and the spaces between them
    words = parts[0::2]
    choices: list[list[str]] = []
    for i, word in enumerate(words):
        head = i == len(words) - 1 or words[i + 1] in _HEAD_FOLLOWERS
        choices.append(_inflections(word) if head and word not in _HEAD_FOLLOWERS else [word])
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*choices), MAX_VARIANTS):
        out.append(" ".join(combo))
    # A hyphen compound written solid: "grass-roots" -> "grassroots" (each hyphen on its own).
    raw_words = term.split()
    solid: list[str] = []
    for w in raw_words:
        pieces = [p for p in re.split(rf"[{_HY}]", w) if p]
        if len(pieces) == 2 and all(_WORD.fullmatch(p) for p in pieces):
            solid.append(w)
    for w in solid[:3]:
        joined = re.sub(rf"[{_HY}]", "", w)
        variant = collapse_spaces(normalize_en(term.replace(w, joined, 1))).text.strip(" ")
        out.append(variant)
        last = variant.rsplit(" ", 1)[-1]
        for form in _inflections(last)[1:]:
            out.append(variant[: len(variant) - len(last)] + form)
    seen: set[str] = set()
    unique = []
    for v in out:
        if v not in seen:
            seen.add(v)
            unique.append(v)
    return unique


# --------------------------------------------------------------------------
# The index


@dataclass(frozen=True)
class TermRef:
    """One glossary term as the matcher knows it."""

    id: int
    concept: str
    lang: str
    text: str
    status: TermStatus
    case_sensitive: bool = False
    #: Preferred or admitted (a term a writer may use); set from ``status``.
    approved: bool = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "approved", self.status in (TermStatus.PREFERRED, TermStatus.ADMITTED))


class Hit:
    """A glossary term found in a text: ``text[start:end]`` is ``surface``.

    A plain class with slots: lint makes millions of them.
    """

    __slots__ = ("concepts", "end", "start", "surface", "term", "terms")

    def __init__(
        self,
        start: int,
        end: int,
        surface: str,
        terms: tuple[TermRef, ...],
        concepts: tuple[str, ...] | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.surface = surface
        #: The glossary terms written this way, best first (usually one); ``term`` is the first.
        self.terms = terms
        self.term = terms[0]
        #: Their concepts, each once.
        self.concepts = concepts if concepts is not None else tuple(dict.fromkeys(t.concept for t in terms))

    def __repr__(self) -> str:
        return f"Hit({self.start}, {self.end}, {self.surface!r}, {[t.text for t in self.terms]})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hit):
            return NotImplemented
        return (self.start, self.end, self.surface, self.terms) == (
            other.start,
            other.end,
            other.surface,
            other.terms,
        )

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.surface))


@functools.lru_cache(maxsize=64)
def is_char_language(lang: str) -> bool:
    """Whether ``lang`` is written without spaces between words (Chinese, Japanese, Korean)."""
    return langtags.primary(lang) in CHAR_LANGUAGES


#: What may stand between a Han character and a line break that does not end a Chinese word.
_CHAR_SPACE = frozenset(" \t\u3000\r\n" + ZERO_WIDTH)
#: The ASCII characters that :func:`normalize_en` makes spaces, line breaks too.
_SPACE_ASCII = frozenset(chr(b) for b in range(128) if _ASCII_TABLE[b] == ord(" "))


def _is_space(ch: str) -> bool:
    """Whether :func:`normalize_en` reads ``ch`` as a space (or, for LF, a blank line)."""
    return ch in _SPACE_ASCII or (ch > "\x7f" and _classify(ch) == " ")


#: What the scanners yield: start, end, surface, terms, concepts (None: compute them).
RawHit = tuple[int, int, str, tuple[TermRef, ...], tuple[str, ...] | None]
#: Joins the texts of one batch: a blank line, across which no term is matched.
SEPARATOR = "\n\n"


def _span_key(hit: Hit) -> tuple[int, int]:
    return (hit.start, -hit.end)


def leftmost_longest(hits: Iterable[Hit]) -> list[Hit]:
    """Non-overlapping hits, the leftmost first, the longest at each start."""
    out: list[Hit] = []
    last_end = -1
    for hit in sorted(hits, key=_span_key):
        if hit.start >= last_end:
            out.append(hit)
            last_end = hit.end
    return out


#: Characters on each side of a Chinese hit first looked at for the run of text it stands in.
_WORD_CONTEXT = 64
#: The most looked at (a run of Han characters without punctuation is never this long).
_MAX_WORD_CONTEXT = 4096


class TermMatcher:
    """All terms of one language of a glossary, compiled into one automaton.

    ``words``: for Chinese, every term of the glossary in that language, whatever its
    status or its concept's (what :meth:`in_longer_word` loads into jieba); the terms
    matched by default.
    """

    def __init__(self, lang: str, terms: Sequence[TermRef], words: Iterable[str] | None = None) -> None:
        self.lang = lang
        self.terms = list(terms)
        self.char_mode = is_char_language(lang)
        self._words = tuple(ref.text for ref in self.terms) if words is None else tuple(words)
        self._cutter: Callable[[str], Iterable[str]] | None = None
        self._word_set: frozenset[str] = frozenset()
        self._tokenizer: Any = None
        self._compounds: dict[tuple[str, int], bool] = {}
        self._automaton = ahocorasick.Automaton()
        keys: dict[str, list[int]] = {}
        for ref in self.terms:
            forms = [ref.text.strip()] if self.char_mode else english_variants(ref.text)
            for form in forms:
                if form:
                    lst = keys.setdefault(form, [])
                    if ref.id not in lst:
                        lst.append(ref.id)
        self._groups: list[tuple[TermRef, ...]] = []
        self._group_concepts: list[tuple[str, ...]] = []
        by_id = {ref.id: ref for ref in self.terms}
        for form, ids in keys.items():
            group = tuple(by_id[i] for i in ids)
            gid = len(self._groups)
            self._groups.append(group)
            self._group_concepts.append(tuple(dict.fromkeys(t.concept for t in group)))
            if self.char_mode:
                # UTF-8 bytes as Latin-1 characters: the automaton then branches on at most 256
                # symbols instead of thousands of Han characters (pyahocorasick searches a
                # node's children one by one), which makes it 4x faster on Chinese.
                key = form.encode("utf-8").decode("latin-1")
                self._automaton.add_word(key, (len(key), gid, len(form)))
            else:
                # One boundary character before the form: hits start a word.
                self._automaton.add_word(" " + form, (len(form) + 1, gid))
                self._automaton.add_word("|" + form, (len(form) + 1, gid))
        self.empty = not keys
        if not self.empty:
            self._automaton.make_automaton()
        # What a term needs to run across a line break (see cuts_at): the word, space and
        # word around each space of a form; a form with a blank line ('||') in it; and the
        # beginnings of the forms that begin with punctuation ('|net' for ".NET").
        self._seams = {f[k - 1 : k + 2] for f in keys for k in range(1, len(f) - 1) if f[k] == " "}
        self._blank_in_form = any("||" in f for f in keys)
        self._pipe_starts = {f[:n] for f in keys if f.startswith("|") for n in (2, 3)}

    # ------------------------------------------------------------------
    def cuts_at(self, text: str, p: int) -> bool:
        r"""Whether ``text`` may be matched in two parts, ``text[:p]`` and ``text[p:]``, with
        the same hits as whole: no term runs across ``p``, the end of a run of line
        breaks (``text[p - 1]`` is LF, ``text[p]`` no line break).

        English: a term runs across a line break ("rain\nplan") where it has the words
        on each side with a space between (a blank line is no space, '||', and only a
        form with punctuation there crosses it).  Chinese: a line break between two Han
        characters is no gap (:func:`join_han_lines`); a blank line is.
        """
        if self.empty:
            return True
        n = len(text)
        if self.char_mode:
            a, b = p, p
            while a > 0 and text[a - 1] in _CHAR_SPACE:
                a -= 1
            while b < n and text[b] in _CHAR_SPACE:
                b += 1
            if a == 0 or b == n:
                return False  # (spaces from or to the edge of what is known: wait for more)
            return not any("\n" in m.group() for m in CHAR_GAPS.finditer(text[a - 1 : b + 1]))
        a, b = p, p
        while a > 0 and _is_space(text[a - 1]):
            a -= 1
        while b < n and _is_space(text[b]):
            b += 1
        if a == 0 or b == n:
            return False  # (a run of spaces from or to the edge of what is known: wait for more)
        run = collapse_spaces(normalize_en(text[a:b])).text
        after = normalize_en(text[b])
        if "|" not in run:
            return normalize_en(text[a - 1]) + " " + after not in self._seams
        if self._blank_in_form:
            return False
        tail = run[run.rindex("|") :] + after
        return tail not in self._pipe_starts

    # ------------------------------------------------------------------
    def in_longer_word(self, text: str, hit: Hit) -> bool:
        r"""Whether the Chinese ``hit`` of ``text`` is only a part of a longer word, by
        jieba's segmentation of the run of text it stands in (every term of the glossary
        loaded): a word runs across its start or end (济贫 in 救济/贫困); or it lies inside
        a word that the glossary lists (安全委员会 in 海事安全委员会 when the glossary has
        the longer name, even in a concept lint leaves out); or inside one of jieba's
        words, other than at its end (秘书 in 秘书长, 民主 in 民主党).  A term of two
        characters or more that ends a word is that word's head, and still the term: a
        最高法院 is a 法院, 反腐败 is about 腐败; but not where that word is a name and the
        term no common noun (西亚 in 印度尼西亚, 马里 in 索马里: :func:`_heads_name`).
        One that starts a phrase jieba lists as a word, the term and another word
        (日本政府, 信息技术, not 几内亚比绍 nor 种族主义), or a word named after the
        term (美国队: :func:`starts_compound`), is that phrase's first word.  A term with
        its own word edges (联合国/安全委员会) is no part of a longer word.  Always False
        for English.

        The run is segmented as extract segments Chinese: in its Simplified form,
        without its line breaks between Han characters (``永续\n发展``); without
        jieba's HMM, which only joins single characters.
        """
        if not self.char_mode:
            return False
        found = _run_around(text, hit.start, hit.end)
        if found is None:
            return False  # (a term with characters jieba does not segment: no evidence)
        run, start, end = found
        simple = to_simplified(run)
        if len(simple) != len(run):
            simple = run
        edges = {0}
        at = 0
        for token in self._word_cutter()(simple):
            first, at = at, at + len(token)
            edges.add(at)
            if first < start < at and at == end:
                # the end of a longer word: its head (最高法院), unless the glossary names
                # that word or the term is one character (种 in 这种, 土 in 领土), or the
                # word is a name and the term no common noun (西亚 in 印度尼西亚)
                return token in self._word_set or end - start < 2 or not _heads_name(token, simple[start:end])
            if first == start and end < at:
                # the start of a longer word: a word of its own when that one is a
                # compound of it and another word (日本政府), not a word that it only
                # starts (秘书长, 民主党人), nor one the glossary names
                return not self._starts_compound(token, end - start)
            if at >= end:
                break
        return start not in edges or end not in edges

    def _starts_compound(self, token: str, length: int) -> bool:
        """Whether the jieba ``token`` (Simplified) is a compound of its first ``length``
        characters, a term of two characters or more, and another word, and no word the
        glossary names (:func:`starts_compound`)."""
        if length < 2 or token in self._word_set:
            return False
        key = (token, length)
        found = self._compounds.get(key)
        if found is None:
            found = starts_compound(self._tokenizer, token, length)
            self._compounds[key] = found
        return found

    def _word_cutter(self) -> Callable[[str], Iterable[str]]:
        """jieba's segmenter of one run of text, every glossary term loaded (built once)."""
        if self._cutter is None:
            words = [to_simplified(w) for w in self._words]
            self._word_set = frozenset(words)
            self._tokenizer = jieba_tokenizer(words)
            self._cutter = block_cutter(self._tokenizer, hmm=False)
        return self._cutter

    # ------------------------------------------------------------------
    def find(self, text: str) -> list[Hit]:
        """Leftmost-longest, non-overlapping glossary terms of ``text``."""
        return leftmost_longest(self.find_all_many([text])[0])

    def find_all(self, text: str) -> list[Hit]:
        """Every glossary term of ``text``, nested and overlapping ones too (in no set order)."""
        return self.find_all_many([text])[0]

    def find_many(self, texts: Sequence[str]) -> list[list[Hit]]:
        """:meth:`find` of each text, in one pass over all of them (segments of a memory)."""
        return [leftmost_longest(hits) if len(hits) > 1 else hits for hits in self.find_all_many(texts)]

    def find_all_many(self, texts: Sequence[str]) -> list[list[Hit]]:
        """:meth:`find_all` of each text, in one pass: the texts are joined by a blank line.

        No term runs across a blank line, so no hit spans two texts; the offsets of
        the hits are those in their own text.
        """
        buckets: list[list[Hit]] = [[] for _ in texts]
        if self.empty or not texts:
            return buckets
        if self.char_mode:
            return self._char_hits_many(texts, buckets)
        joined = texts[0] if len(texts) == 1 else SEPARATOR.join(texts)
        ends = list(itertools.accumulate(len(t) + len(SEPARATOR) for t in texts))
        k, base, limit = 0, 0, len(texts[0])
        for start, end, surface, group, concepts in self._word_hits(joined):
            while end > limit:
                k += 1
                base = ends[k - 1]
                limit = base + len(texts[k])
            buckets[k].append(Hit(start - base, end - base, surface, group, concepts))
        return buckets

    def _char_hits_many(self, texts: Sequence[str], buckets: list[list[Hit]]) -> list[list[Hit]]:
        """The Chinese scan: over the UTF-8 bytes of the texts (a match can only start at a
        character boundary, UTF-8 being self-synchronising); byte offsets back to characters.

        A line break between two Han characters (a hard-wrapped Chinese text: 永续\n发展)
        is no gap in a word, nor is a zero-width character (安全\u200b理事会): they are
        taken out before the scan, and the hits are put back at their offsets in the
        text as it is.
        """
        joined_lines = [join_han_lines(t) for t in texts] if _has_gaps("".join(texts)) else []
        if any(j is not None for j in joined_lines):
            scanned = [t if j is None else j.text for t, j in zip(texts, joined_lines, strict=True)]
            self._char_hits_many(scanned, buckets)
            for k, j in enumerate(joined_lines):
                if j is not None:
                    text = texts[k]
                    buckets[k] = [_back(hit, j, text) for hit in buckets[k]]
            return buckets
        encoded = [t.encode("utf-8") for t in texts]
        sep = SEPARATOR.encode("utf-8")
        joined = sep.join(encoded).decode("latin-1")
        groups, group_concepts = self._groups, self._group_concepts
        k, base, limit = 0, 0, len(encoded[0])
        data = encoded[0]
        ascii_only = len(data) == len(texts[0])
        for last, (length, gid, chars) in self._automaton.iter(joined):
            end = last + 1
            while end > limit:
                k += 1
                base = limit + len(sep)
                data = encoded[k]
                limit = base + len(data)
                ascii_only = len(data) == len(texts[k])
            b_start = end - length - base
            start = b_start if ascii_only else len(data[:b_start].decode("utf-8"))
            stop = start + chars
            buckets[k].append(Hit(start, stop, texts[k][start:stop], groups[gid], group_concepts[gid]))
        return buckets

    def _word_hits(self, text: str) -> Iterator[RawHit]:
        norm = normalize_en(text)
        col = collapse_spaces(" " + norm)
        ctext = col.text
        n = len(ctext)
        groups = self._groups
        concepts = self._group_concepts
        marks, shifts = col.marks, col.shifts
        bisect_right = bisect.bisect_right
        tlen = len(text)
        for cend, (length, gid) in self._automaton.iter(ctext):
            after = ctext[cend + 1] if cend + 1 < n else " "
            if after != " " and after != "|":
                continue  # ends inside a word: "form" in "format"
            # Offsets in ``" " + norm`` minus the leading space = offsets in text.
            start, end = cend + 1 - length, cend
            if marks:  # back to offsets before runs of spaces were collapsed
                i = bisect_right(marks, start + 1) - 1
                if i >= 0:
                    start += shifts[i]
                i = bisect_right(marks, end) - 1
                if i >= 0:
                    end += shifts[i]
            if (start >= 2 and text[start - 1] in HYPHENS and text[start - 2].isalnum()) or (
                end + 1 < tlen and text[end] in HYPHENS and text[end + 1].isalnum()
            ):
                continue  # part of a hyphen compound: "poverty" in "anti-poverty"
            surface = text[start:end]
            group = groups[gid]
            if (
                len(group) > 1
                or group[0].case_sensitive
                or (not surface.isalnum() and not surface.replace(" ", "").isalnum())
            ):
                checked = self._check_group(group, surface)
                if not checked:
                    continue
                yield start, end, surface, checked, None if checked is not group else concepts[gid]
            else:
                yield start, end, surface, group, concepts[gid]

    def _check_group(self, group: tuple[TermRef, ...], surface: str) -> tuple[TermRef, ...]:
        """Drop dashes posing as hyphens and case mismatches of case-sensitive terms; best term first."""
        if not surface.replace(" ", "").isalnum():
            for m in _GAPS.finditer(surface):
                if not _gap_ok(m.group()):
                    return ()
        kept = [t for t in group if not t.case_sensitive or case_matches(t.text, surface)]
        if len(kept) > 1:
            exact = [t for t in kept if t.text == surface]
            if exact:
                kept = exact + [t for t in kept if t.text != surface]
            else:
                sig = separators(surface)
                kept.sort(key=lambda t: _closeness(t, surface, sig))
        if len(kept) == len(group) and all(a is b for a, b in zip(kept, group, strict=True)):
            return group
        return tuple(kept)


def _is_name(word: str) -> bool:
    """Whether jieba's dictionary lists ``word`` (Simplified) as the name of a place or a
    person (:data:`~termkit.chinese.NAME_TAGS`: 几内亚比绍, 印度尼西亚, 索马里)."""
    return dictionary_tags().get(word) in NAME_TAGS


def _is_common_noun(word: str) -> bool:
    """Whether ``word`` (Simplified) is no name but a noun by jieba's dictionary (群岛,
    地区), or a word jieba does not list (a term of the glossary: no evidence against
    it); a word for a state (共和国, 王国, which jieba tags as places) is one too."""
    tag = dictionary_tags().get(word)
    if tag is None or word.endswith("国"):
        return True
    return tag[0] == "n" and tag not in NAME_TAGS


def _heads_name(word: str, term: str) -> bool:
    """Whether ``term``, at the end of the longer jieba ``word``, is its head: always,
    unless ``word`` is a name (:func:`_is_name`), whose head is only a common noun
    (群岛 in 福克兰群岛, not 西亚 in 印度尼西亚, 马里 in 索马里, 几内亚 in
    巴布亚新几内亚: a name inside a longer name is a part of it)."""
    return not _is_name(word) or _is_common_noun(term)


#: Words that make a new word of the one they follow, a doctrine or its follower: 种族主义
#: (racism) is no 种族 (race), 自由主义者 no 自由 (freedom).
_DERIVING = ("主义",)


def starts_compound(tokenizer: Any, word: str, length: int) -> bool:
    """Whether the longer jieba ``word`` (Simplified) that a term of ``length``
    characters (two or more) starts is a phrase of the term and more, so that the
    term is used there:

    * a phrase of the term and another word of two characters or more, as jieba cuts
      it without the phrase (:func:`~termkit.chinese.splits_into`: 日本政府, 妇女地位,
      not 秘书长, 民主党人), unless the other word makes a derivation of the term
      (种族主义, 种族主义者: :data:`_DERIVING`), or the phrase is a name and the other
      word no common noun (几内亚比绍, 马里兰州 are names of their own; 塞浦路斯共和国,
      中东地区 are the term and a common noun: :func:`_is_common_noun`);
    * a word named after a place or person, the term (美国队, 意大利语,
      美洲国家组织): the term is a name (:func:`_is_name`) and the word is none.

    >>> from termkit.chinese import jieba_tokenizer
    >>> tokenizer = jieba_tokenizer()
    >>> [starts_compound(tokenizer, w, n) for w, n in [("日本政府", 2), ("美国队", 2), ("秘书长", 2)]]
    [True, True, False]
    >>> [starts_compound(tokenizer, w, n) for w, n in [("几内亚比绍", 3), ("种族主义", 2), ("蒙古国", 2)]]
    [False, False, False]
    """
    head, rest = word[:length], word[length:]
    if _is_name(word):
        return _is_common_noun(rest) and splits_into(tokenizer, word, head)
    if _is_name(head):
        return True
    return not rest.startswith(_DERIVING) and splits_into(tokenizer, word, head)


def _run_around(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The run of text that jieba segments as one block (Han, letters, digits) holding
    ``text[start:end]``, without its line breaks between Han characters and its
    zero-width characters, and where
    ``start`` and ``end`` fall in it; None when no such run holds the whole span."""
    margin = _WORD_CONTEXT
    while True:
        lo, hi = max(0, start - margin), min(len(text), end + margin)
        region = text[lo:hi]
        kept = list(range(lo, hi))  # the offset in ``text`` of each character kept
        if _has_gaps(region):
            gone = {i for m in CHAR_GAPS.finditer(region) for i in range(lo + m.start(), lo + m.end())}
            if gone:
                kept = [i for i in kept if i not in gone]
                region = "".join(text[i] for i in kept)
        try:
            first, last = kept.index(start), kept.index(end - 1) + 1
        except ValueError:
            return None
        block = next(
            (m for m in block_pattern().finditer(region) if m.start() <= first and last <= m.end()), None
        )
        if block is None:
            return None
        cut_off = (block.start() == 0 and lo > 0) or (block.end() == len(region) and hi < len(text))
        if not cut_off or margin >= _MAX_WORD_CONTEXT:
            return block.group(), first - block.start(), last - block.start()
        margin *= 4


_GAPS = re.compile(rf"[\s{_HY}]+")


def _gap_ok(gap: str) -> bool:
    """A gap inside a term: whitespace, or one hyphen (a line break may follow it)."""
    if not gap.strip():
        return True
    return gap[0] in HYPHENS and not gap[1:].strip()


def words(text: str) -> list[str]:
    """The word tokens of ``text`` (letters and digits; ``_`` and punctuation split)."""
    return _WORD.findall(text)


def case_matches(term: str, surface: str) -> bool:
    """Whether ``surface`` writes the letters of ``term`` in the same case (plural endings aside)."""
    tw, sw = words(term), words(surface)
    if len(tw) != len(sw):
        return term == surface
    for t, s in zip(tw, sw, strict=True):
        n = 0
        for a, b in zip(t.lower(), s.lower(), strict=False):
            if a != b:
                break
            n += 1
        if t[:n] != s[:n]:
            return False
    return True


def separators(text: str) -> list[str]:
    """The separators between the words of ``text``: ``' '``, ``'-'`` or ``''`` for others."""
    out = []
    for gap in re.findall(r"(?<=[^\W_])[^\w]+(?=[^\W_])", text):
        if not gap.strip():
            out.append(" ")
        elif gap[0] in HYPHENS and not gap[1:].strip():
            out.append("-")
        else:
            out.append(gap.strip())
    return out


@functools.lru_cache(maxsize=65536)
def _term_shape(text: str) -> tuple[int, tuple[str, ...]]:
    """Word count and separators of a glossary term (cached: the same terms come back)."""
    return len(words(text)), tuple(separators(text))


def _closeness(term: TermRef, surface: str, surface_seps: list[str]) -> tuple[int, int]:
    count, seps = _term_shape(term.text)
    same_seps = list(seps) == surface_seps and count == len(surface_seps) + 1
    return (0 if same_seps else 1, 0 if case_matches(term.text, surface) else 1)


# --------------------------------------------------------------------------
# Building matchers from a glossary


def lint_language(tag: str, text: str | None = None) -> str:
    """The language lint keeps a glossary term written under ``tag`` in (and reads a text
    of ``tag`` in): Chinese by its script, ``zh-Hans`` for every Simplified tag (zh-CN,
    zh-Hans, zh-Hans-CN, zh-SG; a bare ``zh`` term in Simplified characters) and
    ``zh-Hant`` for every Traditional one (zh-Hant, zh-TW, zh-HK, zh-MO), as
    :func:`termkit.langtags.chinese_script` tells them; another language by its tag.

    >>> [lint_language(t) for t in ("zh-CN", "zh-SG", "zh-TW", "zh", "en-us")]
    ['zh-Hans', 'zh-Hans', 'zh-Hant', 'zh', 'en-US']
    >>> lint_language("zh", "精准扶贫"), lint_language("zh", "會員國")
    ('zh-Hans', 'zh-Hant')
    """
    found = langtags.chinese_script(tag, text)
    return f"zh-{found}" if found is not None else langtags.normalize(tag)


class GlossaryIndex:
    """The glossary as lint sees it: term references and one matcher per language (built on demand)."""

    def __init__(self, glossary: Glossary, terms: list[TermRef]) -> None:
        self.glossary = glossary
        self.terms = terms
        self._matchers: dict[str, TermMatcher] = {}
        self._by_concept: dict[str, list[TermRef]] = {}
        for t in terms:
            self._by_concept.setdefault(t.concept, []).append(t)
        self._languages = sorted({t.lang for t in terms})
        #: The glossary's own tags (zh-CN, zh-SG...), whose terms are indexed under their
        #: :func:`lint_language` (zh-Hans...).
        self._tags = sorted(
            {
                langtags.normalize(tag)
                for concept in glossary
                for tag, lst in concept.terms.items()
                if any(lint_language(tag, t.text) in self._languages for t in lst)
            }
        )
        self._resolved: dict[str, str] = {}
        self._concept_lang: dict[tuple[str, str], list[TermRef]] = {}

    @classmethod
    def build(cls, glossary: Glossary, include_proposed: bool = True) -> GlossaryIndex:
        """Index every term of every concept that is not rejected (nor proposed, if so asked)."""
        terms: list[TermRef] = []
        for concept in glossary:
            if concept.status is ReviewStatus.REJECTED:
                continue
            if concept.status is ReviewStatus.PROPOSED and not include_proposed:
                continue
            for lang, lst in concept.terms.items():
                for t in lst:
                    if t.review is ReviewStatus.REJECTED or not t.text.strip():
                        continue
                    terms.append(
                        TermRef(
                            len(terms),
                            concept.id,
                            lint_language(lang, t.text),
                            t.text,
                            t.status,
                            t.case_sensitive,
                        )
                    )
        return cls(glossary, terms)

    def languages(self) -> list[str]:
        """The tags the glossary's terms are written under (``en``, ``zh-CN``, ``zh-SG``...)."""
        return list(self._tags)

    def resolve_lang(self, lang: str) -> str:
        """The glossary language that ``lang`` (``zh``, ``en-US``...) means: Chinese by its
        script (:func:`lint_language`: ``zh-Hans`` for zh-CN, zh-SG, zh-Hans, a bare
        ``zh`` text, whose terms are those of every Simplified tag), another language
        by its tag.

        Simplified and Traditional Chinese are kept apart: with only zh-CN terms,
        ``zh-TW`` and ``zh-Hant`` resolve to ``zh-Hant``, a language without terms.
        """
        found = self._resolved.get(lang)
        if found is not None:
            return found
        # (a bare zh without its text is Simplified: the engine takes a text or memory
        # tagged zh in the script of its text first, and detect_language says zh-Hant
        # for Traditional text)
        found = lint_language(lang, "" if langtags.primary(lang) == "zh" else None)
        if found not in self._languages and langtags.chinese_script(found) is None:
            # A more or less specific tag (en-US, zh-Hans for zh-CN), else one of the same
            # language and script (zh-HK for zh-TW); never another script (zh-TW for zh-CN).
            found = next(
                (c for c in self._languages if langtags.matches(found, c) or langtags.matches(c, found)),
                None,
            ) or next((c for c in self._languages if langtags.compatible(c, found)), found)
        self._resolved[lang] = found
        return found

    def has_terms(self, lang: str) -> bool:
        """Whether the glossary has terms in ``lang`` (or a language it resolves to)."""
        return self.resolve_lang(lang) in self._languages

    def is_char(self, lang: str) -> bool:
        """Whether ``lang`` is matched character by character (Chinese, Japanese, Korean)."""
        return is_char_language(lang)

    def matcher(self, lang: str) -> TermMatcher:
        lang = self.resolve_lang(lang)
        m = self._matchers.get(lang)
        if m is None:
            m = TermMatcher(lang, [t for t in self.terms if t.lang == lang], self.all_term_texts(lang))
            self._matchers[lang] = m
        return m

    def all_term_texts(self, lang: str) -> list[str]:
        """Every term of the glossary in ``lang``, whatever its status or its concept's
        (rejected and, with ``include-proposed = false``, proposed ones too): each a
        string with a meaning of its own, which a shorter term inside it does not have."""
        lang = self.resolve_lang(lang)
        return [
            t.text
            for concept in self.glossary
            for tag, lst in concept.terms.items()
            for t in lst
            if t.text.strip() and lint_language(tag, t.text) == lang
        ]

    def concept_terms(self, concept: str, lang: str) -> list[TermRef]:
        """The indexed terms of one concept in one language."""
        key = (concept, self.resolve_lang(lang))
        found = self._concept_lang.get(key)
        if found is None:
            found = [t for t in self._by_concept.get(concept, []) if t.lang == key[1]]
            self._concept_lang[key] = found
        return found

    def preferred(self, concept: str, lang: str) -> TermRef | None:
        """The preferred term (else the first admitted one) of a concept in a language."""
        terms = self.concept_terms(concept, lang)
        for status in (TermStatus.PREFERRED, TermStatus.ADMITTED):
            for t in terms:
                if t.status is status:
                    return t
        return None
