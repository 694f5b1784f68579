"""English candidate generation, one line at a time.

A line is cut into *runs* of words at punctuation and at function words; a
candidate is any contiguous stretch of a run (at most ``max_tokens`` content words
and ``max_connectors`` links) that

* starts and ends with a content word: "of", "for", "and", "in", "on", "by",
  "with", "&" and the phrase "directly under (the)" may link words inside
  ("poverty alleviation by science and technology", "municipalities directly under
  the central government") but never stand at an edge ("counties in" is a fragment);
* contains no determiner, pronoun, auxiliary, other preposition, adverb in -ly,
  number, or generic modifier ("relevant", "various");
* keeps hyphenated compounds whole ("ex-situ", "grain-to-green"): they are one
  token, never split;
* does not start with a verb form: an -ed word after a noun or pronoun ("Province
  *increased* efforts", "it *issued*"), an -ing word after a preposition, a
  verb or an adverb ("actively *promoting*"), or the -ing form of a policy verb after a link word or at the start of a
  clause ("*Enhancing* targeted ..."; but "drinking water safety", "by banning
  grazing");
  does not end with an -ed participle ("funds *raised*").

Layout and typography add candidates and signals: 【…】 headings, numbered section
titles ("36. Industrial support"), quotations (“one product for one village”, which
may hold any word), Title Case names ("Western Development Project", "Law of the
People's Republic of China on Civil Servants"), acronyms ("LGOP") and an acronym
in brackets after its expansion.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import cast

from ..chinese import HAN, mostly_han
from .candidates import LINE_BITS, MAX_LOCATIONS, SIGNAL_FORM, Counts
from .lexicon import (
    ADVERBS,
    CATENATIVES,
    CONNECTORS,
    DETERMINERS,
    FIXED_EXPRESSIONS,
    GENERIC_MODIFIERS,
    GENERIC_VERBS,
    LINK_EXPRESSIONS,
    MODALS,
    NOUN_VERBS,
    NUMBER_WORDS,
    OTHER_FUNCTION_WORDS,
    PREPOSITIONS,
    ROMAN,
    S_SINGULARS,
    VERBAL,
    is_adjective,
    is_adverb,
    is_base_verb,
    is_contraction,
    is_gerund,
    is_past_participle,
    looks_adjectival,
    words,
    zipf,
)

# token classes
CONTENT, CONN, STOP = 0, 1, 2
# morphology of content words
PLAIN, ED, ING = 0, 1, 2
# what stands before a token: Boundary, Determiner, Verbal, Preposition, Adverb,
# Other stop, Content word, connector (J)
B, D, V, P, A, O, C, J = "BDVPAOCJ"  # noqa: E741
#: ... and a base-form verb that takes an object (T): after it, an -ing word starts a
#: noun phrase ("widen *financing* channels"), as it does not after "be" or "continue"
T = "T"
#: The head of a run that starts a sentence, by what stands before it.
_INITIAL_HEAD = {k: k + "^" for k in "BDVPAOCJT"}

#: Typographic forms made plain; invisible characters (soft hyphen, zero-width
#: space, joiner and non-joiner, a BOM inside the text) removed, so that they split
#: no word ("cred\u00adit" is "credit").
_NORMALISE = str.maketrans(
    {"’": "'", "‘": "'", "‐": "-", "‑": "-", "\u00a0": " ", "\u3000": " "}
    | dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff")
    # full-width ASCII (Ｐｏｖｅｒｔｙ, ＲＡＩＮ ＰＬＡＮ, Chinese typesetting) is the same word
    | {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
)
WORD = r"[^\W_](?:[\w'\-]*[^\W_])?(?:(?<=[sS])'(?!\w))?"
#: Capitals joined by "&" are one word: "R&D", "AT&T", "M&A" (not "Re&place", a menu
#: mnemonic, nor "A & B").
AMP_WORD = r"(?<![\w&])[A-Z]{1,4}&[A-Z]{1,4}(?![\w&])"
TOKEN = re.compile(AMP_WORD + "|" + WORD + r"|[^\w\s]")
#: A letter of the Latin alphabet, accented ones included ("Dhāraṇī", "Đà Nẵng").
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
HEADING = re.compile(r"【([^【】]{1,120})】")
QUOTE = re.compile(
    r"“([^“”]{1,120})”|\"([^\"]{1,120})\"|「([^「」]{1,120})」|『([^『』]{1,120})』"
    r"|(?<![\w'])‘([^‘’]{1,120})’(?!\w)"
)
NUMBERED = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.)\s+(\S.{0,150})$")
POSSESSIVE_END = re.compile(r"(?<=\w)(?:['’]s|(?<=s)['’])$")
#: A whitespace-separated chunk with a U+FFFD in it (tried at chunk starts only, its
#: first part possessive: linear, where ``\S*\ufffd\S*`` is quadratic on a long chunk)
DAMAGED = re.compile(r"(?<!\S)[^\s\ufffd]*+\ufffd\S*")
#: A web or e-mail address ("http://www.cpad.gov.cn/rural_roads", "www.un.org",
#: "info@cpad.gov.cn"): no words of the text ("cpad", "rural roads", "www").
WEB_ADDRESS = re.compile(
    r"\b(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[^\s<>\"“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
#: The fixed expressions and link phrases, longest first ("directly under the"
#: before "directly under"); :func:`_fixed` joins the words of one into a token.
_JOINED = sorted([*FIXED_EXPRESSIONS, *LINK_EXPRESSIONS], key=lambda ws: (-len(ws), ws))
#: (a hyphen glues the next word on: "directly under-funded" is no link phrase)
FIXED = re.compile(
    r"(?<![\w-])(?:" + "|".join(r"\s+".join(ws) for ws in _JOINED) + r")(?![\w-])", re.IGNORECASE
)
PAREN_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")
CLAUSE = re.compile(r"[.;:!?()\[\]“”\"]")
LIST_AND = re.compile(r"\s+(?:and|or|as well as)\s+")
#: Marks of code and markup: a quotation that holds one is no candidate.
CODE_MARKS = frozenset("<>/\\*=#@~`[]{}^$")
#: Quotation marks (inside a quotation, a nested one).
QUOTE_MARKS = frozenset('"“”「」『』«»')
SENTENCE_PUNCT = frozenset('.!?:;“”"()【】[]「」『』‘')
#: Lower-case words allowed between the capitalised words of a Title Case name.
TITLE_LINKS = frozenset({"of", "for", "and", "the", "in", "on", "&", "by", "to", "at"})
#: Joins the words of a fixed expression inside one token ("per capita").
NBSP = "\u00a0"
#: Underscores inside a word ("snake_case", "en__zh"): one space however many.
_UNDERSCORES = re.compile("_+")
MAX_TITLE = 14
MAX_QUOTE = 12
#: Punctuation that may close a quotation inside its quotes ("fake news," "done.").
_CLOSING_PUNCTUATION = frozenset((",", ".", ";", ":", "!", "?"))
#: Distinct lines whose parse is kept (the cache is emptied when full).
CACHE_LINES = 50_000
#: Distinct whitespace-separated chunks, and tokens, whose analysis is kept
#: (each cache is emptied when full).
CACHE_CHUNKS = 200_000
CACHE_TOKENS = 200_000
#: Lines between two updates of the counters.
FLUSH_LINES = 2_000
#: A line that may be a title: capitalised words and small words, no sentence end.
#: Each word is taken whole (possessive, and a small word must end there): a line
#: splits into words one way only, so a line that fails fails in linear time (with
#: ``[\w'’-]*`` alone, "WILL ANY COPYRIGHT HOLDER ... AND/OR" backtracked through
#: every way of cutting its capitals into words: minutes for one line).
TITLE_LINE = re.compile(
    r"^\s*+(?:(?:[A-Z0-9][\w'’-]*+|(?:of|for|and|the|in|on|by|to|at|with|from|a|an|into|onto)(?![\w'’-])|&)"
    r"[\s,:–-]*+)+$"
)
#: How a numbered section title starts.
NUMBER_START = frozenset("0123456789IVXLC")


# what a token is (the first field of an entry): which branch of
# EnglishExtractor._scan takes it.  A function word; a lower-case content word that
# may be no verb, no link and no ordinal (plain, or in -ed); a connector; any other
# word (all the rules); punctuation; "&".
STOP_TOKEN, WORD_TOKEN, ED_TOKEN, CONN_TOKEN, OTHER_TOKEN, PUNCT_TOKEN, AMP_TOKEN = range(7)
#: A token as :meth:`EnglishExtractor._scan` reads it: kind, surface (underscores
#: of fixed expressions made no-break spaces), lower case, class, capitalised (for
#: punctuation: ends a sentence), opens a Title Case name ("10th", "Great"), link word of a Title
#: Case name ("of"), mark (a function word before which a word may be a verb,
#: else an acronym), number word or digits, what it does to a pending modal verb
#: (True: one now stands before; False: none does; None: no change).
_Entry = tuple[int, str, str, "WordInfo", bool, bool, bool, bool, bool, "bool | None"]
#: Function words and generic modifiers that open a Title Case name when capitalised
#: (the name still needs two capitalised content words).
NAME_OPENERS = (
    GENERIC_MODIFIERS | words("first second third fourth fifth sixth seventh eighth ninth tenth")
) - words("last next past due recent latest previous following further similar existing relevant various")
#: Words that leave a modal verb pending ("will also *improve*").
MODAL_KEEPERS = frozenset({"also", "not", "further", "then"})


class _Scan:
    """What one line yields (a pure function of the line's text, so it can be cached).

    A line seen for the first time is parsed into its buffer's own ``sink`` instead
    (:meth:`EnglishExtractor.add_lines`): its word evidence lists are the buffer's.
    """

    __slots__ = (
        "acronyms",
        "caps",
        "expansions",
        "keys",
        "signals",
        "surfaces",
        "titles",
        "tokens",
        "units",
        "verbish",
    )

    def __init__(self, into: _Buffer | None = None) -> None:
        #: The runs of the line: what stands before, then its tokens, joined by "\x1e".
        self.keys: list[str] = []
        if into is None:
            self.surfaces: list[str] = []
            self.caps: list[str] = []
            self.acronyms: list[str] = []
            self.verbish: list[str] = []
            self.units: list[str] = []
        else:  # a buffer's sink: appends go straight to the buffer
            self.surfaces, self.caps, self.acronyms = into.surfaces, into.caps, into.acronyms
            self.verbish, self.units = into.verbish, into.units
        self.titles: list[str] = []
        #: (signal, key) of headings, quotations, numbered titles and Title Case names.
        self.signals: list[tuple[str, str]] = []
        #: (acronym, expansion) pairs written "Expansion Of Words (EOW)" (set by parse).
        self.expansions: Sequence[tuple[str, str]] = ()
        self.tokens = 0

    def reset(self) -> None:
        """Make a buffer's sink ready for the next line (the buffer's lists are kept)."""
        self.keys = []
        self.titles = []
        self.signals = []
        self.expansions = ()
        self.tokens = 0


class _ChunkCache(dict[str, tuple[_Entry, ...]]):
    """Token entries by chunk; a missing chunk is tokenised by ``compute`` (so that a
    line's entries are looked up by C code: ``map(cache.__getitem__, chunks)``)."""

    def __init__(self, compute: Callable[[str], tuple[_Entry, ...]]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, chunk: str) -> tuple[_Entry, ...]:
        found = self[chunk] = self.compute(chunk)
        return found


class _Buffer:
    """What recent lines yielded, added to the counters every FLUSH_LINES lines."""

    __slots__ = (
        "acronyms",
        "caps",
        "lines",
        "signals",
        "sink",
        "special",
        "surfaces",
        "units",
        "verbish",
        "where",
    )

    def __init__(self) -> None:
        #: (location, runs) of each buffered line that holds runs.
        self.where: list[tuple[int, list[str]]] = []
        self.surfaces: list[str] = []
        self.caps: list[str] = []
        self.verbish: list[str] = []
        self.units: list[str] = []
        #: (signal, key) of the layout signals, acronyms, and the signalled keys of each line
        self.signals: list[tuple[str, str]] = []
        self.acronyms: list[str] = []
        self.special: list[str] = []
        self.lines = 0
        #: Where a line seen once is parsed (its word evidence goes straight here).
        self.sink = _Scan(self)


class WordInfo:
    """How a lower-case word behaves in candidates (computed once per word)."""

    __slots__ = ("adj", "cls", "kind", "maybe_verb", "morph", "verb", "verb_only", "verb_s", "vmark")

    def __init__(
        self,
        cls: int,
        kind: str = C,
        morph: int = PLAIN,
        adj: bool = False,
        verb: bool = False,
        verb_s: bool = False,
    ) -> None:
        self.cls = cls
        self.kind = kind
        self.morph = morph
        self.adj = adj
        #: a base-form verb of policy prose ("improve"); its third person ("encourages")
        self.verb = verb
        self.verb_s = verb_s
        self.verb_only = False
        #: a content word that may be a verb here (checked against its context)
        self.maybe_verb = cls == CONTENT and (verb or verb_s)
        #: a determiner (the word before may be a verb) or "by" (an -ed word before is one)
        self.vmark = kind == D


def classify(word: str) -> WordInfo:
    """The class of a lower-case word."""
    if HAN.search(word) or (not word.isascii() and not LATIN_LETTER.search(word) and not word[0].isdigit()):
        return WordInfo(STOP, B)  # Chinese, or a word of another script (Tibetan, Cyrillic)
    if word[0].isdigit():
        return WordInfo(STOP, O)
    if word in CONNECTORS:
        return _info_by() if word == "by" else WordInfo(CONN, J)
    if word in DETERMINERS:
        return WordInfo(STOP, D)
    if word in ADVERBS:
        return WordInfo(STOP, A)
    if word in VERBAL:
        return WordInfo(STOP, V)
    if word in PREPOSITIONS:
        return WordInfo(STOP, P)
    if word in OTHER_FUNCTION_WORDS or word in GENERIC_MODIFIERS or word in ROMAN or len(word) == 1:
        return WordInfo(STOP, O)
    if is_adverb(word):
        return WordInfo(STOP, A)
    if "'" in word and is_contraction(word):
        return WordInfo(STOP, V)  # "don't *know*": a verb may follow
    morph = ED if is_past_participle(word) else ING if is_gerund(word) else PLAIN
    base = word[:-1] if word[:-1] in GENERIC_VERBS else word[:-2] if word.endswith("es") else ""
    verb_s = word.endswith("s") and base in GENERIC_VERBS
    info = WordInfo(CONTENT, C, morph, looks_adjectival(word), is_base_verb(word), verb_s)
    #: an -s form that is no plural noun ("encourages", "strengthens"): a verb wherever it stands
    info.verb_only = verb_s and base not in NOUN_VERBS
    return info


def _info_by() -> WordInfo:
    info = WordInfo(CONN, J)
    info.vmark = True
    return info


def _fixed(match: re.Match[str]) -> str:
    return "_".join(match.group(0).split())


def _speech(words: list[str], info: Callable[[str], WordInfo]) -> bool:
    """Whether a quotation is reported speech rather than a name: it ends in an
    adjective or a participle ("mean and nasty and *untruthful*", "heinous, cruel and
    *depraved*"), in a determiner, a pronoun or an auxiliary ("Today, there's
    *neither*", "to hear about *this*", "prefer *not*"), or opens with a verb
    ("*ignores* decades of ...").  A quoted name ends in a noun or a particle ("one
    product for one *village*", "bringing in and going *out*").
    """
    alnum = [w.lower() for w in words if w[0].isalnum()]
    if not alnum:
        return False
    first, last = info(alnum[0]), info(alnum[-1])
    if last.cls == CONTENT and (last.morph == ED or is_adjective(alnum[-1])):
        return True
    if last.cls == STOP and last.kind in (D, V):
        return True
    return len(alnum) > 1 and first.verb_only


class EnglishExtractor:
    """Feeds the candidates of each line into a :class:`Counts`.

    For speed, a line is cut into *runs* (the stretches between function words
    and punctuation, with what stands before them) and only the runs are counted;
    :meth:`finish` turns each distinct run into its candidates once, weighted by
    how often the run was seen.  Repeated text therefore costs one count.
    """

    def __init__(
        self,
        counts: Counts | None = None,
        max_tokens: int = 6,
        max_connectors: int = 2,
        prune_at: int = 400_000,
    ) -> None:
        self.counts = counts if counts is not None else Counts()
        self.max_tokens = max_tokens
        self.max_connectors = max_connectors
        self.prune_at = prune_at
        self._info: dict[str, WordInfo] = {}
        #: run -> [occurrences, occurrences beyond the first in a line (lines holding it =
        #: occurrences - these), the serial number of the last line seen holding it, then its
        #: first MAX_LOCATIONS locations]: one record, updated in one lookup (:meth:`_flush`)
        self.runs: dict[str, list[int]] = {}
        #: Lines counted so far (what tells a repeat inside a line from a new line).
        self._serial = 0
        #: layout-signalled key -> lines that hold it (= its occurrences: counted once a line)
        self.special_freq: Counter[str] = Counter()
        self.special_locs: dict[str, list[int]] = {}
        #: Runs seen at most this often have been turned into candidate counts and dropped (_prune).
        self.threshold = 0
        #: Parsed lines by text: repeated segments are parsed once.
        self._cache: dict[str, _Scan] = {}
        #: The hashes of lines seen once (their parse is not kept; a hash, not the
        #: line, is held: a collision only has a parse kept early, as parse is a pure
        #: function of the text).
        self._seen: set[int] = set()
        #: Token entries by whitespace-separated chunk (computed when missing), and by token.
        self._chunks = _ChunkCache(self._entries)
        self._tokens: dict[str, _Entry] = {}
        #: Cached chunks that hold the second word of a fixed expression ("capita").
        self._fixed_chunks: set[str] = set()
        self._buffer = _Buffer()

    def info(self, word: str) -> WordInfo:
        found = self._info.get(word)
        if found is None:
            found = self._info[word] = classify(word)
        return found

    # ------------------------------------------------------------------
    def add_line(self, text: str, source: int, line: int) -> None:
        """Count the runs and layout signals of one line of text."""
        self.add_lines((text,), source, (line,))

    def add_lines(self, texts: Sequence[str], source: int, numbers: Sequence[int]) -> None:
        """Count the runs and layout signals of lines of text (``numbers``: their line numbers)."""
        cache, seen, parse = self._cache, self._seen, self.parse
        counts = self.counts
        expansions = counts.expansions
        special_locs = self.special_locs
        base = source << LINE_BITS
        buf = self._buffer
        tokens = lines = 0
        # a line that may fill the buffer is parsed into a _Scan of its own: its word
        # evidence goes to the next buffer, after the flush
        direct_below = FLUSH_LINES - 1
        for text, line in zip(texts, numbers, strict=True):
            direct = False
            scan = cache.get(text)
            if scan is None:
                # a parse is kept from a line's second sighting on: most lines of a
                # large corpus occur once, and keeping their parses costs more than it saves
                h = hash(text)
                if h in seen:
                    scan = parse(text)
                    if len(cache) >= CACHE_LINES:
                        cache.clear()
                    cache[text] = scan
                else:
                    if len(seen) >= CACHE_LINES:
                        seen.clear()
                    seen.add(h)
                    if buf.lines < direct_below:
                        direct = True
                        scan = buf.sink
                        scan.reset()
                        parse(text, scan)
                    else:
                        scan = parse(text)
            tokens += scan.tokens
            packed = base | line
            if scan.keys:
                lines += 1
                buf.where.append((packed, scan.keys))
                buf.lines += 1
                if buf.lines >= FLUSH_LINES:
                    self._flush()
                    buf = self._buffer
            if scan.signals:
                keys = {key for _, key in scan.signals}
                buf.signals.extend(scan.signals)
                buf.special.extend(keys)
                _locate(special_locs, keys, packed)
            for acronym, expansion in scan.expansions:
                expansions.setdefault(acronym, Counter())[expansion] += 1
            if direct:  # its word evidence is in the buffer already
                continue
            if scan.acronyms:
                buf.acronyms.extend(scan.acronyms)
            if scan.surfaces:
                buf.surfaces.extend(scan.surfaces)
            if scan.caps:
                buf.caps.extend(scan.caps)
            if scan.verbish:
                buf.verbish.extend(scan.verbish)
            if scan.units:
                buf.units.extend(scan.units)
        counts.tokens += tokens
        counts.lines += lines

    def _flush(self) -> None:
        """Add the buffered lines to the counters (the runs in one pass, the rest one C-level update per counter)."""
        buf, counts = self._buffer, self.counts
        # each run's record (see __init__): its count, repeats inside a line, and first
        # locations (a location is taken from a new line only, as a line may share its
        # number with another: the pieces of one segment of a translation memory)
        runs = self.runs
        get = runs.get
        serial = self._serial
        for packed, keys in buf.where:
            serial += 1
            for run in keys:
                rec = get(run)
                if rec is None:
                    runs[run] = [1, 0, serial, packed]
                elif rec[2] == serial:  # again in the same line
                    rec[0] += 1
                    rec[1] += 1
                else:
                    rec[0] += 1
                    rec[2] = serial
                    if len(rec) < 3 + MAX_LOCATIONS and rec[-1] != packed:
                        rec.append(packed)
        self._serial = serial
        counts.surfaces.update(buf.surfaces)
        counts.cap_mid.update(buf.caps)
        counts.verbish.update(buf.verbish)
        counts.after_number.update(buf.units)
        if buf.signals:
            by_name: dict[str, list[str]] = {}
            for name, key in buf.signals:
                found = by_name.get(name)
                if found is None:
                    by_name[name] = [key]
                else:
                    found.append(key)
            for name, keys in by_name.items():
                counts.signals[name].update(keys)
        counts.signals["acronym"].update(buf.acronyms)
        self.special_freq.update(buf.special)
        self._buffer = _Buffer()
        if len(self.runs) > self.prune_at:
            self._prune()

    def parse(self, text: str, into: _Scan | None = None) -> _Scan:
        """Runs, layout signals and word evidence of one line (``into``: a fresh or
        reset :class:`_Scan` to fill)."""
        scan = _Scan() if into is None else into
        if "://" in text or "www." in text or "@" in text:
            text = WEB_ADDRESS.sub(" | ", text)
        # most English lines are ASCII: no damage, Han, 【heading】, curly quotes or
        # characters to normalise
        ascii_ = text.isascii()
        if not ascii_:
            if "\ufffd" in text:
                text = DAMAGED.sub(" | ", text)
            if mostly_han(text):
                return scan
        specials = scan.signals
        surfaces = scan.surfaces
        if not ascii_ and "【" in text:
            for m in HEADING.finditer(text):
                self._special("heading", self._phrase_key(m.group(1), strict=True), specials, surfaces)
        works: list[str] | None = None
        if '"' in text or (not ascii_ and ("“" in text or "「" in text or "『" in text or "‘" in text)):
            for m in QUOTE.finditer(text):
                quoted = next(g for g in m.groups() if g is not None)
                if _work_title(TOKEN.findall(quoted)):
                    if works is None:
                        works = []
                    works.append(quoted)
                    continue
                self._special("quoted", self._phrase_key(quoted, strict=False), specials, surfaces)
        is_title_line = False
        if text.lstrip()[:1] in NUMBER_START:
            numbered = NUMBERED.match(text)
            if numbered and not numbered.group(1).rstrip().endswith((".", ";", ",", ":")):
                is_title_line = True
                found = self._phrase_key(numbered.group(1), strict=True, max_tokens=10)
                self._special("numbered", found, specials, surfaces)
        if not ascii_:
            text = text.translate(_NORMALISE)
        chunks = text.split()
        cache = self._chunks
        if len(cache) >= CACHE_CHUNKS:  # (as _line_entries does)
            cache.clear()
            self._fixed_chunks.clear()
        entries = list(chain.from_iterable(map(cache.__getitem__, chunks)))
        # "per capita" -> "per_capita": only when a chunk holds the second word of a
        # fixed expression (the same test as one on the whole line: no such word
        # spans whitespace)
        if " " in text and not self._fixed_chunks.isdisjoint(chunks) and FIXED.search(text):
            text = FIXED.sub(_fixed, text)
            entries = self._line_entries(text)
        if text.count(",") >= 2:
            specials.extend(("listed", key) for key in self._list_items(text))
        self._scan(entries, scan)
        if "(" in text:
            scan.expansions = self._link_acronyms(text)
            scan.acronyms.extend(a for a, _ in scan.expansions)
        # Title Case names, unless the line is a title (a full stop never stands in
        # one: the cheap test first) or they stand inside the title of a work
        if (
            scan.titles
            and not is_title_line
            and len(text) < 160
            and "." not in text
            and TITLE_LINE.match(text)
        ):
            tokens = TOKEN.findall(text)
            is_title_line = len(tokens) <= 16 and _work_title(tokens, least=2)  # a title line
        if scan.titles and not is_title_line:
            inside_works = set()
            for work in works or ():
                part = _Scan()
                self._scan(self._line_entries(work.translate(_NORMALISE)), part)
                inside_works.update(part.titles)
            for title in scan.titles:
                if title not in inside_works:
                    # a name in the possessive is the name ("Hurricane Rosa's remnants")
                    title = POSSESSIVE_END.sub("", title)
                    specials.append(("title", title.lower()))
                    surfaces.append(SIGNAL_FORM + title)
        return scan

    def _prune(self) -> None:
        """Make room: turn the rarest runs into candidate counts and drop them (lossy counting).

        A run is a whole stretch of words, often unique on new text, while the candidates
        inside it recur ("poverty alleviation" in a thousand different stretches), so a
        dropped run is first counted as candidates (:meth:`_materialize`): no candidate
        count is lost.  Memory then stays bounded by the candidate counts' own lossy
        counting (:meth:`Counts.prune`), which drops the rarest candidates.
        """
        runs = self.runs
        while len(runs) > self.prune_at // 2:
            self.threshold += 1
            drop = [k for k, rec in runs.items() if rec[0] <= self.threshold]
            self._materialize((k, runs[k]) for k in drop)
            for k in drop:
                del runs[k]
        counts = self.counts
        if len(counts.freq) > counts.prune_at:
            counts.prune()

    def finish(self) -> None:
        """Turn the counted runs into candidate counts (call once, after the last line).

        Each distinct run yields its candidates (:meth:`_candidates`) once, weighted by how
        often it was seen; the word counts (content words, heads, words alone) come from the
        same pass.
        """
        self._flush()
        counts = self.counts
        self._materialize(self.runs.items())
        df, locs = counts.df, counts.locs
        for key, n in self.special_freq.items():
            if key not in counts.freq:
                counts.freq[key] = n
                df[key] = n
                locs[key] = self.special_locs.get(key, [])
                counts.signal_only.add(key)
        self.runs.clear()

    def _materialize(self, items: Iterable[tuple[str, list[int]]]) -> None:
        """Add the candidates and word counts of ``items`` (run, its record: see
        ``runs`` in ``__init__``) to the counts.

        Additive: runs may be turned into candidate counts in several rounds (the rare
        ones when :meth:`_prune` makes room, the rest at :meth:`finish`).
        """
        counts = self.counts
        locs, surfaces = counts.locs, counts.surfaces
        heads: Counter[str] = counts.heads
        alone: Counter[str] = counts.alone
        words: Counter[str] = counts.words
        # the candidates' counts of this pass; a document frequency is its count less
        # ``less``: the repeats of a run inside a line, and a candidate's second and later
        # occurrences in one run (a line holds it once)
        freq: dict[str, int] = {}
        less: dict[str, int] = {}
        # Counter's own += calls a Python __missing__ for every new key
        freq_get, less_get, loc_get, surf_get = freq.get, less.get, locs.get, surfaces.get
        words_get, heads_get, alone_get = words.get, heads.get, alone.get
        known = dict(self._info)
        known["&"] = _AMP
        known_get = known.get
        info_of = self.info
        candidates = self._candidates
        content, conn = CONTENT, CONN
        for run, rec in items:
            c = rec[0]
            head, _, body = run.partition("\x1e")
            orig = body.split("\x1e")
            if body.isascii():
                lowered = body.lower()
                low = orig if lowered == body else lowered.split("\x1e")
            else:
                low = [o.lower() for o in orig]
            found = list(map(known_get, low))
            # (every word of a run was classified when its line was read)
            info = cast("list[WordInfo]", found) if all(found) else [known_get(w) or info_of(w) for w in low]
            classes = [i.cls for i in info]
            last = len(low) - 1
            before = conn  # the class of the previous word (none: as if a link word)
            for i, cls in enumerate(classes):
                if cls == content:
                    w = low[i]
                    words[w] = words_get(w, 0) + c
                    if i == last or classes[i + 1] == conn:
                        heads[w] = heads_get(w, 0) + c
                        if before == conn:
                            alone[w] = alone_get(w, 0) + c
                before = cls
            keys, forms = candidates(low, orig, info, classes, head[0], head.endswith("^"), low is orig)
            if not keys:
                continue
            r = rec[1]
            if len(keys) > 1:
                distinct = set(keys)
                if r or len(distinct) != len(keys):
                    for key in distinct:
                        less[key] = less_get(key, 0) + r + c * (keys.count(key) - 1)
            elif r:
                less[keys[0]] = less_get(keys[0], 0) + r
            # (the run's locations: rec[3:], at least one; merging them into a
            # candidate's twice changes nothing)
            for key in keys:
                freq[key] = freq_get(key, 0) + c
                held = loc_get(key)
                if held is None:
                    locs[key] = rec[3:]
                else:
                    loc = rec[3]
                    if len(held) == 1 and len(rec) == 4:  # (sorted(set(...)) of two locations)
                        had = held[0]
                        if loc != had:
                            locs[key] = [had, loc] if had < loc else [loc, had]
                    elif len(held) < MAX_LOCATIONS or loc < held[-1]:
                        locs[key] = sorted(set(held + rec[3:]))[:MAX_LOCATIONS]
            for form in forms:
                surfaces[form] = surf_get(form, 0) + c
        counts.freq.update(freq)
        df = counts.df
        df.update(freq)
        for key, n in less.items():
            df[key] -= n

    # ------------------------------------------------------------------
    def _line_entries(self, text: str, split: list[str] | None = None) -> list[_Entry]:
        """The token entries of a line, chunk by chunk (``split``: ``text.split()`` if known).

        ``str.split`` cuts at exactly the whitespace that ``TOKEN`` never matches,
        and no token spans whitespace, so each distinct chunk is tokenised once.
        """
        chunks = self._chunks
        if len(chunks) >= CACHE_CHUNKS:  # emptied between lines only (see parse)
            chunks.clear()
            self._fixed_chunks.clear()
        return list(chain.from_iterable(map(chunks.__getitem__, text.split() if split is None else split)))

    def _entries(self, chunk: str) -> tuple[_Entry, ...]:
        """The token entries of one whitespace-separated chunk (cached per distinct chunk)."""
        tokens = self._tokens
        found = tuple(tokens.get(t) or self._entry(t) for t in TOKEN.findall(chunk))
        if _may_be_fixed(chunk):
            self._fixed_chunks.add(chunk)
        return found

    def _entry(self, tok: str) -> _Entry:
        """What :meth:`_scan` needs of one token, computed once per distinct token."""
        first = tok[0]
        if not first.isalnum():
            tag = AMP_TOKEN if tok == "&" else PUNCT_TOKEN
            entry: _Entry = (tag, tok, tok, _AMP, tok in SENTENCE_PUNCT, False, False, False, False, None)
        else:
            surface = _UNDERSCORES.sub(NBSP, tok) if "_" in tok else tok
            low = surface.lower()
            if low == surface:
                # one string object for both (the line's loop touches one object less)
                low = surface
            info = self.info(low)
            cls = info.cls
            upper = first.isupper()
            # may open a Title Case name though no capitalised content word: an ordinal
            # ("10th Five-Year Plan"), a capitalised modifier or ordinal word ("Outstanding
            # Organization Award", "Great Leap Forward", "Second World War")
            ordinal = (first.isdigit() and ORDINAL.match(low) is not None) or (upper and low in NAME_OPENERS)
            link = low in TITLE_LINKS
            # an acronym ("LGOP")
            acronym = (
                cls == CONTENT
                and 1 < len(surface) <= 8
                and surface.isupper()
                and surface.replace("&", "").isalpha()
            )
            # which of _scan's branches applies (the general one, OTHER_TOKEN, when no
            # narrower one does); ``mark``: whether a verb may stand before (for function
            # words), or an acronym (for the others)
            if cls == STOP and (not info.vmark or info.kind == D):
                tag, mark = STOP_TOKEN, info.vmark
            elif cls == CONN and not ordinal and low != "the" and info.kind != D:
                tag, mark = CONN_TOKEN, info.vmark
            elif (
                cls == CONTENT
                and not (upper or ordinal or link or info.maybe_verb or info.vmark)
                and low != "the"
            ):
                tag, mark = (ED_TOKEN if info.morph == ED else WORD_TOKEN), False
            else:
                tag, mark = OTHER_TOKEN, acronym
            entry = (
                tag,
                surface,
                low,
                info,
                upper,
                ordinal,
                link,
                mark,
                # a number: a unit may follow ("10,000 Yuan")
                info.kind == O and (first.isdigit() or low in NUMBER_WORDS),
                _modal_effect(low, info.kind),
            )
        tokens = self._tokens
        if len(tokens) >= CACHE_TOKENS:
            tokens.clear()
        tokens[tok] = entry
        return entry

    def _scan(self, entries: list[_Entry], out: _Scan) -> None:
        """Cut one line (its token entries) into runs and collect Title Case spans and word evidence.

        The loop below runs once per token, so what a token contributes that does
        not depend on its neighbours comes precomputed from :meth:`_entry`, which
        also picks the branch: function words, connectors and plain lower-case
        content words (most tokens) take short ones that skip the tests that
        cannot apply to them; the OTHER_TOKEN branch holds all the rules.
        """
        # the open run: what stands before it (and "^" if it starts a sentence), then its
        # tokens (empty: no run is open)
        r_orig: list[str] = []
        initial_head = _INITIAL_HEAD
        ctx = B
        initial = True
        modal = False  # a modal verb stands before (adverbs may come between)
        number = False  # a number stands right before
        # the previous token if it is a content word (the last of the run while the
        # run is open), and the previous word (punctuation and "&" leave it)
        pc: WordInfo | None = None
        prev_low = ""
        # Title Case span: tokens, number of capitalised words, pending links
        t_span: list[str] = []
        t_caps = 0
        t_pending: list[str] = []
        verbish = out.verbish
        runs = out.keys
        titles = out.titles
        caps = out.caps
        skipped = 0  # punctuation and "&": no word tokens
        # locals: the loop below runs once per token
        content, stop, det, ed = CONTENT, STOP, D, ED
        stop_t, ed_t, conn_t, punct_t, amp_t = STOP_TOKEN, ED_TOKEN, CONN_TOKEN, PUNCT_TOKEN, AMP_TOKEN
        for tag, tok, low, info, upper, ordinal, link, mark, numeral, modal_effect in entries:
            if tag == stop_t:  # a function word: ends the run
                if t_span:
                    if ordinal and upper and len(t_pending) < 2 and not t_span[-1].endswith(("'s", "'")):
                        t_pending.append(tok)  # "United Kingdom of *Great* Britain" (not "Park's Great Lawn")
                    else:
                        t_span, t_caps, t_pending = _title_after(low, link, t_span, t_caps, t_pending, titles)
                if ordinal and not t_span and not (initial and upper):
                    # "10th Five-Year Plan", "the Great Leap Forward"; a capital that starts a
                    # sentence opens nothing ("Similar Rain Plan projects")
                    t_span = [tok]
                if mark and pc is not None:  # a determiner after a content word
                    verbish.append(prev_low)
                if r_orig:
                    runs.append("\x1e".join(r_orig))
                    r_orig = []
                ctx = info.kind
                initial = False
                if modal_effect is not None:
                    modal = modal_effect
                number = numeral
                pc = None
                prev_low = low
                continue
            if tag <= ed_t:  # WORD_TOKEN, ED_TOKEN: a lower-case content word, no verb
                if t_span:
                    t_span, t_caps, t_pending = _title_after(low, link, t_span, t_caps, t_pending, titles)
                if modal:
                    verbish.append(low)
                    modal = False
                if number:
                    out.units.append(low)
                    number = False
                if tag == ed_t and r_orig and pc is not None and not pc.adj:
                    runs.append("\x1e".join(r_orig))
                    r_orig = []
                    ctx = C
                if r_orig:
                    r_orig.append(tok)
                else:
                    r_orig = [initial_head[ctx] if initial else ctx, tok]
                initial = False
                pc = info
                prev_low = low
                continue
            if tag == punct_t:
                skipped += 1
                if r_orig:
                    runs.append("\x1e".join(r_orig))
                    r_orig = []
                if t_span:
                    t_span, t_caps, t_pending = _title_after(low, False, t_span, t_caps, t_pending, titles)
                ctx = B
                modal = number = False
                pc = None
                if upper:  # sentence punctuation
                    initial = True
                continue
            if tag == conn_t:  # a link word inside a run ("of", "and")
                if t_span:
                    t_span, t_caps, t_pending = _title_after(low, link, t_span, t_caps, t_pending, titles)
                if mark and pc is not None and pc.morph == ed:  # "-ed by"
                    verbish.append(prev_low)
                modal = number = False
                if upper and not initial:
                    caps.append(low)
                if r_orig:
                    r_orig.append(tok)
                else:
                    r_orig = [initial_head[ctx] if initial else ctx, tok]
                initial = False
                pc = None
                prev_low = low
                continue
            if tag == amp_t:
                skipped += 1
                if r_orig:
                    r_orig.append("&")
                if t_span:
                    t_pending.append("&")
                pc = None
                continue
            # OTHER_TOKEN: any word, all the rules
            cls = info.cls
            # Title Case names
            if upper and cls == content:
                if t_span:
                    if t_pending:
                        t_span.extend(t_pending)
                        t_pending = []
                elif initial:
                    t_caps -= 1  # a capital that starts a sentence is no evidence ("Local Party")
                t_span.append(tok)
                t_caps += 1
            elif t_span:
                t_span, t_caps, t_pending = _title_after(low, link, t_span, t_caps, t_pending, titles)
            elif ordinal:
                t_span = [tok]  # "10th Five-Year Plan"
            if info.vmark and pc is not None and (info.kind == det or pc.morph == ed):
                verbish.append(prev_low)
            if info.maybe_verb and (
                (
                    info.verb
                    and (
                        modal
                        or (not r_orig and ctx in (B, V, A, T))
                        or low.endswith(("ize", "ify"))
                        or (r_orig and r_orig[-1] in ("and", "or"))
                        or prev_low == "to"
                        or (pc is not None and prev_low.endswith("s"))
                    )
                )
                or (info.verb_s and (pc is not None or info.verb_only))
            ):
                # a base-form verb: "will *improve*", "to *support*", "and *develop*"
                info = _VERB if _catenative(low) else _VERB_OBJECT
                cls = stop
                numeral = False
                modal_effect = _modal_effect(low, V)
                verbish.append(low)
            if cls == stop:
                if r_orig:
                    runs.append("\x1e".join(r_orig))
                    r_orig = []
                ctx = info.kind
                initial = False
                if modal_effect is not None:
                    modal = modal_effect
                number = numeral
                pc = None
                prev_low = low
                continue
            if cls == content:
                if modal:
                    verbish.append(low)
                if number:
                    out.units.append(low)
                if info.morph == ed and r_orig and pc is not None and not pc.adj:
                    runs.append("\x1e".join(r_orig))
                    r_orig = []
                    ctx = C
            modal = number = False
            if upper:
                if mark:
                    out.acronyms.append(low)
                if not initial:
                    caps.append(low)
            if r_orig:
                r_orig.append(tok)
            else:
                r_orig = [initial_head[ctx] if initial else ctx, tok]
            initial = False
            pc = info if cls == content else None
            prev_low = low
        if r_orig:
            runs.append("\x1e".join(r_orig))
        if t_span and t_caps >= 2 and len(t_span) <= MAX_TITLE:
            titles.append(" ".join(t_span))
        out.tokens = len(entries) - skipped

    def _candidates(
        self,
        low: list[str],
        orig: list[str],
        info: list[WordInfo],
        classes: list[int],
        start_ctx: str,
        initial: bool,
        lower_case: bool = False,
    ) -> tuple[list[str], list[str]]:
        """The candidates of one run, and their surface forms that have capitals
        (``classes``: the word classes of ``info``; ``lower_case``: the run has none)."""
        keys: list[str] = []
        forms: list[str] = []
        n = len(low)
        max_tokens = self.max_tokens
        max_conn = self.max_connectors
        content, conn_cls = CONTENT, CONN
        if n == 1 and max_tokens > 0:  # the most common run: one word
            inf = info[0]
            if inf.cls != content:
                return keys, forms
            morph = inf.morph
            if morph == ED or (morph == ING and start_ctx in (B, P, J, V, T)):
                return keys, forms
            if start_ctx == A and morph == PLAIN and not inf.adj:
                return keys, forms
            key = low[0]
            keys.append(key)
            if not lower_case:
                surface = orig[0]
                if surface != key:
                    forms.append("^" + surface if initial else surface)
            return keys, forms
        for i in range(n):
            if classes[i] != content:
                continue
            inf = info[i]
            morph = inf.morph
            before = start_ctx if i == 0 else (J if classes[i - 1] == conn_cls else C)
            if morph == ED and before in (V, C, A, T):
                continue
            if morph == ING and (
                before in (P, V, A)
                or (before in (B, J) and _policy_gerund(low[i]))
                or (before == C and _catenative(low[i - 1]))
            ):
                continue  # (after "keep", "consider": the complement of a verb, "keep *improving* roads")
            if before == A and morph == PLAIN and not inf.adj:
                continue
            if i + 1 < n and info[i + 1].morph == ING and _catenative(low[i]):
                continue  # "*keep* improving": a verb and its complement
            conn = 0
            stop = min(n, i + max_tokens + max_conn)
            for j in range(i, stop):
                if classes[j] == conn_cls:
                    conn += 1
                    if conn > max_conn or classes[j - 1] == conn_cls:
                        break
                    continue
                if j - i + 1 - conn > max_tokens:
                    break
                jmorph = info[j].morph
                if jmorph == ED:
                    continue
                if (
                    j + 1 < n
                    and info[j + 1].morph == ING
                    and low[j] not in CATENATIVES
                    and _catenative(low[j])
                ):
                    # "county *keeps* improving": a verb before its complement (a base form
                    # may be a noun: "disaster *risk* financing")
                    break
                if jmorph == ING and j > i:
                    if _catenative(low[j - 1]):
                        break  # "consider *adopting*": a verb's complement
                    if classes[j - 1] == conn_cls or _plural(low[j - 1]):
                        # a verb form, not a noun, ends here: "income and *boosting*",
                        # "problems *emerging*" (but "capacity *building*")
                        continue
                key = low[i] if j == i else " ".join(low[i : j + 1])
                keys.append(key)
                if lower_case:
                    continue
                surface = orig[i] if j == i else " ".join(orig[i : j + 1])
                if surface != key:
                    forms.append("^" + surface if initial and i == 0 else surface)
        return keys, forms

    def _list_items(self, text: str) -> list[str]:
        """The items of enumerations of three or more noun phrases ("solar power, wind
        energy and biomass energy"): parallel items of a list are usually terms.

        The first item is the noun phrase that ends the first piece ("prevention of
        *debris flow*"), the last one the noun phrase that starts the last piece
        ("*collapse* with priority ...").
        """
        found: list[str] = []
        for clause in CLAUSE.split(text):
            if "," not in clause:
                continue  # one piece: no list
            pieces = [p.strip() for p in clause.split(",")]
            if len(pieces) < 3 and not (len(pieces) == 2 and LIST_AND.search(pieces[1])):
                continue
            last = LIST_AND.split(pieces.pop(), maxsplit=1)
            split: list[str] = []
            for n, piece in enumerate(pieces):
                halves = LIST_AND.split(piece, maxsplit=1) if n else [piece]
                if len(halves) == 2 and all(len(h.split()) >= 2 for h in halves):
                    # two noun phrases coordinated inside an item: "capacity building
                    # and project management" are two items ("water and soil
                    # conservation" is one)
                    split.extend(halves)
                else:
                    split.append(piece)
            pieces = split + last
            # cheap test first: a middle piece of more than five words (after a
            # leading determiner or "and") is no item, and three items in a row
            # are needed
            last_n = len(pieces) - 1
            row = best = 0
            for n, piece in enumerate(pieces):
                row = row + 1 if n in (0, last_n) or _few_words(piece) else 0
                best = max(best, row)
            if best < 3:
                continue
            items: list[str | None] = []
            chunks = self._chunks
            for n, piece in enumerate(pieces):
                # the piece's token entries, from the chunk cache (as a line's are)
                tokens = list(chain.from_iterable(map(chunks.__getitem__, piece.split())))
                if n == 0:
                    tokens = _tail(tokens)
                elif n == len(pieces) - 1:
                    tokens = _head(tokens)
                items.append(_np_key(tokens))
            streak: list[str] = []
            for item in [*items, None]:
                if item is not None:
                    streak.append(item)
                    continue
                if len(streak) >= 3:
                    found.extend(streak)
                streak = []
        return found

    @staticmethod
    def _special(
        name: str, found: tuple[str, str] | None, specials: list[tuple[str, str]], surfaces: list[str]
    ) -> None:
        if found is None:
            return
        key, surface = found
        specials.append((name, key))
        if surface != key:
            surfaces.append(SIGNAL_FORM + "^" + surface)

    # ------------------------------------------------------------------
    def _phrase_key(self, phrase: str, strict: bool, max_tokens: int = MAX_QUOTE) -> tuple[str, str] | None:
        """The key and surface of a heading, title or quotation, or None if it is no candidate.

        ``strict`` (headings, titles): a leading -ing verb is dropped and the key is
        the longest stretch from the start that obeys the candidate rules.
        Quotations may hold any word but no sentence punctuation.
        """
        phrase = phrase.translate(_NORMALISE).strip()
        if FIXED.search(phrase):
            phrase = FIXED.sub(_fixed, phrase)
        tokens = TOKEN.findall(phrase)
        if not tokens or len(tokens) > max_tokens + 4:
            return None
        words = [_UNDERSCORES.sub(NBSP, t) for t in tokens]
        if not strict:
            # a quotation's own closing punctuation is no part of it ("fake news," in
            # American style, the comma inside the quotes)
            while words and words[-1] in _CLOSING_PUNCTUATION:
                words.pop()
            if not words or any(t in ".!?;:|" or t in CODE_MARKS for t in words):
                # sentence punctuation, "|" (a masked placeholder or damage), or the
                # marks of code or markup ("git add/rm <file>", "*Star* Plan")
                return None
            # nor are brackets, marks or a masked placeholder at its edges ('"(ADB)"',
            # '"repository="', '"<a3>OmegaT</a3>"')
            while words and not words[-1][0].isalnum():
                words.pop()
            while words and not words[0][0].isalnum():
                words.pop(0)
            if not words or any(t in QUOTE_MARKS for t in words):
                # a quotation that holds another ('quoted "Rain Plan" slogan') is
                # no term: the inner one is counted on its own
                return None
            if sum(1 for t in words if t[0].isalnum()) > max_tokens:
                return None
            if not any(t[0].isalpha() and self.info(t.lower()).cls == CONTENT for t in words):
                return None
            if _work_title(words) or _speech(words, self.info):
                return None
            surface = _join(words)
            return surface.lower(), surface
        kept: list[str] = []
        shown: list[str] = []
        for k, t in enumerate(words):
            if not t[0].isalnum() and t != "&":
                break
            low = t.lower()
            inf = _AMP if t == "&" else self.info(low)
            if k == 0 and inf.cls == CONTENT and inf.morph == ING and len(words) > 1:
                continue
            if inf.cls == STOP:
                break
            kept.append(low)
            shown.append(t)
            if len(kept) > max_tokens:
                return None
        while kept and not self._is_content(kept[-1]):
            kept.pop()
            shown.pop()
        while kept and not self._is_content(kept[0]):
            kept.pop(0)
            shown.pop(0)
        if not kept or (len(kept) == 1 and zipf(kept[0]) >= 4.0):
            return None
        return " ".join(kept), " ".join(shown)

    def _is_content(self, word: str) -> bool:
        return word != "&" and self.info(word).cls == CONTENT

    def _link_acronyms(self, text: str) -> list[tuple[str, str]]:
        """(acronym, expansion) for "Expansion Of Words (EOW)" when the initials spell the acronym."""
        found: list[tuple[str, str]] = []
        for m in PAREN_ACRONYM.finditer(text):
            acronym = m.group(1)
            if not acronym.isupper():
                continue
            before = TOKEN.findall(text[: m.start()])
            words: list[str] = []
            initials: list[str] = []
            for tok in reversed(before):
                if not tok[0].isalnum() and tok != "&":
                    break
                words.insert(0, tok)
                low = tok.lower()
                if low not in TITLE_LINKS:
                    initials.insert(0, tok[0].upper())
                if "".join(initials) == acronym.upper() or len(words) > 3 * len(acronym):
                    break
            letters = "".join(initials)
            if letters != acronym.upper():
                # allow the link words to count ("Office of Poverty" -> OoP)
                full = "".join(w[0].upper() for w in words)
                if not full.endswith(acronym.upper()):
                    continue
                words = words[len(full) - len(acronym) :]
            expansion = " ".join(words)  # (as written: a name's capitals are shown)
            if expansion:
                found.append((acronym.lower(), expansion))
        return found


_AMP = WordInfo(CONN, J)
_VERB = WordInfo(STOP, V)
_VERB_OBJECT = WordInfo(STOP, T)


def _title_after(
    low: str, link: bool, span: list[str], caps: int, pending: list[str], titles: list[str]
) -> tuple[list[str], int, list[str]]:
    """An open Title Case span (``span``, ``caps`` capitalised words, ``pending`` link
    words) meets a word that is no capitalised content word: a link word ("of") is
    kept pending, anything else ends the span (a name if two words were capitalised).
    Returns the span's new state."""
    if link and len(pending) < 2 and not (low == "the" and pending == ["and"]):  # "A and the B": two names
        pending.append(low)
        return span, caps, pending
    if caps >= 2 and len(span) <= MAX_TITLE:
        titles.append(" ".join(span))
    return [], 0, []


def _kind(entry: _Entry) -> WordInfo | None:
    """What a token of a list item is: its word class, None for punctuation."""
    return None if entry[0] == PUNCT_TOKEN else entry[3]


def _tail(tokens: list[_Entry]) -> list[_Entry]:
    """The content words that end a piece."""
    for k in range(len(tokens) - 1, -1, -1):
        info = _kind(tokens[k])
        if info is None or info.cls != CONTENT:
            return tokens[k + 1 :]
    return tokens


def _head(tokens: list[_Entry]) -> list[_Entry]:
    """The content words that start a piece (after its determiners)."""
    while tokens and tokens[0][2] in DETERMINERS:
        tokens = tokens[1:]
    for k, token in enumerate(tokens):
        info = _kind(token)
        if info is None or info.cls != CONTENT:
            return tokens[:k]
    return tokens


def _np_key(tokens: list[_Entry]) -> str | None:
    """The key of a short noun phrase (a leading determiner or "and" dropped), else None."""
    while tokens and tokens[0][2] in _LEADING:
        tokens = tokens[1:]
    if not tokens or len(tokens) > 5:
        return None
    infos = [_kind(t) for t in tokens]
    if any(i is None or i.cls == STOP for i in infos):
        return None
    first, last = infos[0], infos[-1]
    if first is None or last is None or first.cls != CONTENT or last.cls != CONTENT:
        return None
    if first.morph == ING or first.verb or last.morph == ED:
        return None
    if len(tokens) == 1 and (first.adj or is_adjective(tokens[0][2])):
        return None  # coordinated modifiers: "provincial, city and county governments"
    return " ".join(t[2] for t in tokens)


def _modal_effect(low: str, kind: str) -> bool | None:
    """After a stop word: whether a modal verb now stands before (None: unchanged)."""
    if low in MODALS:
        return True
    if kind != A and low not in MODAL_KEEPERS:
        return False
    return None


_FIXED_SECOND = re.compile("|".join(sorted({re.escape(ws[1]) for ws in _JOINED})))


def _may_be_fixed(text: str) -> bool:
    """A cheap test before the FIXED search: the second word of one occurs ("capita", "under")."""
    return _FIXED_SECOND.search(text.lower()) is not None


_LEADING = DETERMINERS | {"and", "or"}


def _few_words(piece: str, most: int = 5) -> bool:
    """Whether ``piece`` may be a short noun phrase: at most ``most`` words after
    leading determiners and "and"/"or" (a word is at least one token)."""
    words = piece.split()
    k = 0
    while k < len(words) and words[k].lower() in _LEADING:
        k += 1
    return 0 < len(words) - k <= most


@functools.lru_cache(maxsize=4096)
def _policy_gerund(word: str) -> bool:
    """An -ing form of a policy verb ("enhancing", "promoting"): at the start of a clause
    it is a verb; another -ing word may modify a noun there ("drinking water safety",
    "emerging industries")."""
    stem = word[:-3]
    return any(b in GENERIC_VERBS for b in (stem, stem + "e", stem[:-1]))


@functools.lru_cache(maxsize=4096)
def _catenative(word: str) -> bool:
    """A verb an -ing verb may follow as its complement, in a regular form ("continues",
    "goes", "continued", "stopped", "tried")."""
    if word in CATENATIVES:
        return True
    if word.endswith("s"):
        return word[:-1] in CATENATIVES or word[:-2] in CATENATIVES or word[:-3] + "y" in CATENATIVES
    if word.endswith("ed"):
        stems = (word[:-1], word[:-2], word[:-3], word[:-3] + "y")
        return any(stem in CATENATIVES for stem in stems)
    return False


def _plural(word: str) -> bool:
    """A regular plural noun ("problems", "enterprises"); not "-ss", "-us", "-is"."""
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s"))
        and word not in S_SINGULARS
    )


def _locate(
    locs: dict[str, list[int]], keys: Iterable[str], packed: int, full: set[str] | None = None
) -> None:
    """Record ``packed`` as a location of each key that has fewer than MAX_LOCATIONS
    (``full``: the keys that have them all, kept up to date)."""
    get = locs.get
    for key in keys:
        held = get(key)
        if held is None:
            locs[key] = [packed]
        elif len(held) < MAX_LOCATIONS and held[-1] != packed:
            held.append(packed)
            if full is not None and len(held) == MAX_LOCATIONS:
                full.add(key)


def _work_title(tokens: list[str], least: int = 5) -> bool:
    """Title Case through and through, with at least ``least`` capitalised words.

    The title of a work or a document ("Exhibition on China's Poverty Reduction
    Achievements in the New Century"): not a term, and the names inside it are
    not Title Case evidence.
    """
    content = [t for t in tokens if t[0].isalpha() and t.lower() not in _TITLE_SMALL_WORDS]
    return len(content) >= least and all(t[0].isupper() for t in content)


#: Words a Title Case title may write in lower case.
_TITLE_SMALL_WORDS = TITLE_LINKS | {
    "with",
    "from",
    "a",
    "an",
    "into",
    "over",
    "under",
    "about",
    "as",
    "per",
    "via",
    "or",
    "nor",
    "but",
    "than",
    "up",
    "upon",
}


def _join(tokens: list[str]) -> str:
    out = ""
    for t in tokens:
        if not out:
            out = t
        elif not t[0].isalnum() and t not in "&(":
            out += t
        else:
            out += " " + t
    return out
