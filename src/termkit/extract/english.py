"""English candidate generation, one line at a time.

A line is cut into *runs* of words at punctuation and at function words; a
candidate is any contiguous stretch of a run (at most ``max_tokens`` words) that

* starts and ends with a content word: "of", "for", "and", "in", "on", "by",
  "with" and "&" may link words inside ("poverty alleviation by science and
  technology") but never stand at an edge ("counties in" is a fragment);
* contains no determiner, pronoun, auxiliary, other preposition, adverb in -ly,
  number, or generic modifier ("relevant", "various");
* keeps hyphenated compounds whole ("ex-situ", "grain-to-green"): they are one
  token, never split;
* does not start with a verb form: an -ed word after a noun or pronoun ("Province
  *increased* efforts", "it *issued*") or an -ing word after a preposition, a
  connector or the start of a sentence ("by *banning*", "*Enhancing* targeted ...");
  does not end with an -ed participle ("funds *raised*").

Layout and typography add candidates and signals: 【…】 headings, numbered section
titles ("36. Industrial support"), quotations (“one product for one village”, which
may hold any word), Title Case names ("Western Development Project", "Law of the
People's Republic of China on Civil Servants"), acronyms ("LGOP") and an acronym
in brackets after its expansion.
"""

from __future__ import annotations

import re
from collections import Counter

from ..chinese import HAN, han_ratio
from .candidates import Counts
from .lexicon import (
    CONNECTORS,
    DETERMINERS,
    FIXED_EXPRESSIONS,
    GENERIC_MODIFIERS,
    MODALS,
    NUMBER_WORDS,
    OTHER_FUNCTION_WORDS,
    PREPOSITIONS,
    ROMAN,
    VERBAL,
    is_adverb,
    is_base_verb,
    is_gerund,
    is_past_participle,
    looks_adjectival,
    zipf,
)

# token classes
CONTENT, CONN, STOP = 0, 1, 2
# morphology of content words
PLAIN, ED, ING = 0, 1, 2
# what stands before a token: Boundary, Determiner, Verbal, Preposition, Adverb,
# Other stop, Content word, connector (J)
B, D, V, P, A, O, C, J = "BDVPAOCJ"  # noqa: E741

_NORMALISE = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "\u00a0": " ", "\u3000": " "})
WORD = r"[^\W_](?:[\w'\-]*[^\W_])?(?:(?<=[sS])'(?!\w))?"
TOKEN = re.compile(WORD + r"|[^\w\s]")
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
HEADING = re.compile(r"【([^【】]{1,120})】")
QUOTE = re.compile(
    r"“([^“”]{1,120})”|\"([^\"]{1,120})\"|「([^「」]{1,120})」|『([^『』]{1,120})』"
    r"|(?<![\w'])‘([^‘’]{1,120})’(?!\w)"
)
NUMBERED = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.)\s+(\S.{0,150})$")
DAMAGED = re.compile(r"\S*\ufffd\S*")
FIXED = re.compile(
    r"\b(" + "|".join(sorted({a for a, _ in FIXED_EXPRESSIONS})) + r")\s+("
    + "|".join(sorted({b for _, b in FIXED_EXPRESSIONS})) + r")\b",
    re.IGNORECASE,
)
PAREN_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")
SENTENCE_PUNCT = frozenset(".!?:;“”\"()【】[]「」『』‘")
#: Lower-case words allowed between the capitalised words of a Title Case name.
TITLE_LINKS = frozenset({"of", "for", "and", "the", "in", "on", "&", "by", "to", "at"})
MAX_TITLE = 14
MAX_QUOTE = 12


class _Scan:
    """What one line yields."""

    __slots__ = (
        "acronyms", "alone", "caps", "heads", "keys", "surfaces", "titles", "units", "verbish", "words",
    )

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.surfaces: list[str] = []
        self.caps: list[str] = []
        self.titles: list[str] = []
        self.acronyms: list[str] = []
        self.words: list[str] = []
        self.heads: list[str] = []
        self.verbish: list[str] = []
        self.units: list[str] = []
        self.alone: list[str] = []


class WordInfo:
    """How a lower-case word behaves in candidates (computed once per word)."""

    __slots__ = ("adj", "cls", "kind", "morph", "verb")

    def __init__(self, cls: int, kind: str = C, morph: int = PLAIN, adj: bool = False,
                 verb: bool = False) -> None:
        self.cls = cls
        self.kind = kind
        self.morph = morph
        self.adj = adj
        self.verb = verb


def classify(word: str) -> WordInfo:
    """The class of a lower-case word."""
    if HAN.search(word):
        return WordInfo(STOP, B)
    if word[0].isdigit():
        return WordInfo(STOP, O)
    if word in CONNECTORS:
        return WordInfo(CONN, J)
    if word in DETERMINERS:
        return WordInfo(STOP, D)
    if word in VERBAL:
        return WordInfo(STOP, V)
    if word in PREPOSITIONS:
        return WordInfo(STOP, P)
    if word in OTHER_FUNCTION_WORDS or word in GENERIC_MODIFIERS or word in ROMAN or len(word) == 1:
        return WordInfo(STOP, O)
    if is_adverb(word):
        return WordInfo(STOP, A)
    morph = ED if is_past_participle(word) else ING if is_gerund(word) else PLAIN
    return WordInfo(CONTENT, C, morph, looks_adjectival(word), is_base_verb(word))


def _fixed(match: re.Match[str]) -> str:
    a, b = match.group(1), match.group(2)
    if (a.lower(), b.lower()) in FIXED_EXPRESSIONS:
        return f"{a}_{b}"
    return match.group(0)


class EnglishExtractor:
    """Feeds the candidates of each line into a :class:`Counts`."""

    def __init__(self, counts: Counts | None = None, max_tokens: int = 7, max_connectors: int = 2) -> None:
        self.counts = counts if counts is not None else Counts()
        self.max_tokens = max_tokens
        self.max_connectors = max_connectors
        self._info: dict[str, WordInfo] = {}

    def info(self, word: str) -> WordInfo:
        found = self._info.get(word)
        if found is None:
            found = self._info[word] = classify(word)
        return found

    # ------------------------------------------------------------------
    def add_line(self, text: str, source: int, line: int) -> None:
        """Count the candidates of one line of text."""
        if "\ufffd" in text:
            text = DAMAGED.sub(" | ", text)
        if HAN.search(text) and han_ratio(text) > 0.3:
            return
        specials: list[tuple[str, str]] = []
        surfaces: list[str] = []
        if "【" in text:
            for m in HEADING.finditer(text):
                self._special("heading", self._phrase_key(m.group(1), strict=True), specials, surfaces)
        if "“" in text or '"' in text or "「" in text or "『" in text or "‘" in text:
            for m in QUOTE.finditer(text):
                quoted = next(g for g in m.groups() if g is not None)
                self._special("quoted", self._phrase_key(quoted, strict=False), specials, surfaces)
        numbered = NUMBERED.match(text)
        is_title_line = False
        if numbered and not numbered.group(1).rstrip().endswith((".", ";", ",", ":")):
            is_title_line = True
            found = self._phrase_key(numbered.group(1), strict=True, max_tokens=10)
            self._special("numbered", found, specials, surfaces)
        text = text.translate(_NORMALISE)
        if " " in text and FIXED.search(text):
            text = FIXED.sub(_fixed, text)
        scan = _Scan()
        self._scan(text, scan)
        keys = scan.keys
        counts = self.counts
        if "(" in text:
            self._link_acronyms(text)
        titles = [] if is_title_line else scan.titles
        if specials or titles:
            present = set(keys)
            for name, key in specials + [("title", t) for t in titles]:
                counts.signal(name, key)
                if key not in present:
                    keys.append(key)
                    present.add(key)
        for a in scan.acronyms:
            counts.signal("acronym", a)
        counts.add(keys, source, line)
        if surfaces:
            present = set(scan.surfaces)
            scan.surfaces.extend(s for s in surfaces if s not in present)
        if scan.surfaces:
            counts.surfaces.update(scan.surfaces)
        if scan.caps:
            counts.cap_mid.update(scan.caps)
        counts.words.update(scan.words)
        counts.heads.update(scan.heads)
        counts.alone.update(scan.alone)
        if scan.verbish:
            counts.verbish.update(scan.verbish)
        if scan.units:
            counts.after_number.update(scan.units)

    # ------------------------------------------------------------------
    def _scan(self, text: str, out: _Scan) -> None:
        r_low: list[str] = []
        r_orig: list[str] = []
        r_info: list[WordInfo] = []
        r_ctx: list[str] = []
        r_init: list[bool] = []
        ctx = B
        initial = True
        modal = False  # a modal verb stands before (adverbs may come between)
        number = False  # a number stands right before
        prev: WordInfo | None = None
        prev_low = ""
        # Title Case span: tokens, number of capitalised words, pending links
        t_span: list[str] = []
        t_caps = 0
        t_pending: list[str] = []
        info_of = self.info
        verbish = out.verbish
        ntok = 0
        for tok in TOKEN.findall(text):
            first = tok[0]
            if not first.isalnum():
                if tok == "&":
                    if r_low:
                        r_low.append("&")
                        r_orig.append("&")
                        r_info.append(_AMP)
                        r_ctx.append(C)
                        r_init.append(False)
                    if t_span:
                        t_pending.append("&")
                    prev = _AMP
                    continue
                if r_low:
                    self._emit(r_low, r_orig, r_info, r_ctx, r_init, out)
                    r_low, r_orig, r_info, r_ctx, r_init = [], [], [], [], []
                if t_span:
                    if t_caps >= 2 and len(t_span) <= MAX_TITLE:
                        out.titles.append(_span_key(t_span))
                    t_span, t_caps, t_pending = [], 0, []
                ctx = B
                modal = number = False
                prev = None
                if tok in SENTENCE_PUNCT:
                    initial = True
                continue
            ntok += 1
            if "_" in tok:
                tok = tok.replace("_", " ")
            low = tok.lower()
            info = info_of(low)
            cls = info.cls
            upper = first.isupper()
            # Title Case names
            if upper and cls == CONTENT:
                if t_span and t_pending:
                    t_span.extend(t_pending)
                t_pending = []
                t_span.append(tok)
                t_caps += 1
            elif t_span and low in TITLE_LINKS and len(t_pending) < 2:
                t_pending.append(low)
            elif t_span:
                if t_caps >= 2 and len(t_span) <= MAX_TITLE:
                    out.titles.append(_span_key(t_span))
                t_span, t_caps, t_pending = [], 0, []
            if prev is not None and prev.cls == CONTENT and (
                info.kind == D or (low == "by" and prev.morph == ED)
            ):
                verbish.append(prev_low)
            if cls == CONTENT and info.verb and (
                modal or ctx in (B, V, A) or low.endswith(("ize", "ify"))
                or (r_low and r_low[-1] in ("and", "or")) or prev_low == "to"
            ):
                # a base-form verb: "will *improve*", "to *support*", "and *develop*"
                info = _VERB
                cls = STOP
                verbish.append(low)
            if cls == STOP:
                if r_low:
                    self._emit(r_low, r_orig, r_info, r_ctx, r_init, out)
                    r_low, r_orig, r_info, r_ctx, r_init = [], [], [], [], []
                ctx = info.kind
                initial = False
                if low in MODALS:
                    modal = True
                elif info.kind != A and low not in ("also", "not", "further", "then"):
                    modal = False
                number = info.kind == O and (first.isdigit() or low in NUMBER_WORDS)
                prev, prev_low = info, low
                continue
            if cls == CONTENT:
                out.words.append(low)
                if modal:
                    verbish.append(low)
                if number:
                    out.units.append(low)
            modal = number = False
            if upper:
                if cls == CONTENT and len(tok) > 1 and tok.isupper() and tok.isalpha() and len(tok) <= 8:
                    out.acronyms.append(low)
                if not initial:
                    out.caps.append(low)
            if (cls == CONTENT and info.morph == ED and r_low and r_info[-1].cls == CONTENT
                    and not r_info[-1].adj):
                self._emit(r_low, r_orig, r_info, r_ctx, r_init, out)
                r_low, r_orig, r_info, r_ctx, r_init = [], [], [], [], []
                ctx = C
            r_ctx.append(ctx if not r_low else (J if r_info[-1].cls == CONN else C))
            r_low.append(low)
            r_orig.append(tok)
            r_info.append(info)
            r_init.append(initial)
            initial = False
            prev, prev_low = info, low
        if r_low:
            self._emit(r_low, r_orig, r_info, r_ctx, r_init, out)
        if t_span and t_caps >= 2 and len(t_span) <= MAX_TITLE:
            out.titles.append(_span_key(t_span))
        self.counts.tokens += ntok

    def _emit(self, low: list[str], orig: list[str], info: list[WordInfo], ctx: list[str],
              init: list[bool], out: _Scan) -> None:
        n = len(low)
        keys = out.keys
        surfaces = out.surfaces
        heads = out.heads
        alone = out.alone
        for i in range(n):
            if info[i].cls == CONTENT and (i == n - 1 or info[i + 1].cls == CONN):
                heads.append(low[i])
                if i == 0 or info[i - 1].cls == CONN:
                    alone.append(low[i])
        max_tokens = self.max_tokens
        max_conn = self.max_connectors
        for i in range(n):
            inf = info[i]
            if inf.cls != CONTENT:
                continue
            morph = inf.morph
            before = ctx[i]
            if morph == ED and before in (V, C, A):
                continue
            if morph == ING and before in (B, P, J, V):
                continue
            if before == A and morph == PLAIN and not inf.adj:
                continue
            conn = 0
            stop = min(n, i + max_tokens)
            for j in range(i, stop):
                jnf = info[j]
                if jnf.cls == CONN:
                    conn += 1
                    if conn > max_conn or info[j - 1].cls == CONN:
                        break
                    continue
                if jnf.morph == ED:
                    continue
                key = " ".join(low[i : j + 1])
                keys.append(key)
                surface = " ".join(orig[i : j + 1])
                if surface != key:
                    surfaces.append("^" + surface if init[i] else surface)

    @staticmethod
    def _special(name: str, found: tuple[str, str] | None, specials: list[tuple[str, str]],
                 surfaces: list[str]) -> None:
        if found is None:
            return
        key, surface = found
        specials.append((name, key))
        if surface != key:
            surfaces.append("^" + surface)

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
        words = [t.replace("_", " ") for t in tokens]
        if not strict:
            if any(t in ".!?;:" for t in words):
                return None
            if sum(1 for t in words if t[0].isalnum()) > max_tokens:
                return None
            if not any(t[0].isalpha() and self.info(t.lower()).cls == CONTENT for t in words):
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

    def _link_acronyms(self, text: str) -> None:
        """Link "Expansion Of Words (EOW)" when the initials spell the acronym."""
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
            expansion = " ".join(words).lower()
            if expansion:
                self.counts.expansions.setdefault(acronym.lower(), Counter())[expansion] += 1
                self.counts.signal("acronym", acronym.lower())


_AMP = WordInfo(CONN, J)
_VERB = WordInfo(STOP, V)


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


def _span_key(span: list[str]) -> str:
    return " ".join(span).lower()

