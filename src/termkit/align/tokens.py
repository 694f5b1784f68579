"""Tokens for alignment: English word stems, and Chinese jieba tokens with a cache.

English text is split into lower-case words (hyphens and apostrophes split words;
a possessive ``'s`` is dropped) and each word is reduced to a light *stem* that
removes plural endings only (``countries`` -> ``country``, ``taxes`` -> ``tax``,
``women`` -> ``woman``).  Term matching and the word aligner both work on stems,
so a term matches its plural and its hyphenated or spaced forms.

Chinese text is segmented by jieba, with the glossary's Chinese terms loaded first
(:func:`termkit.chinese.jieba_tokenizer`), without jieba's HMM guesser: unknown
names fall apart into characters, which candidate spans put back together, instead
of being glued to a neighbouring function word (``署和儿``).  A sentence in
Traditional characters is segmented in its Simplified form and cut at the same
places (:func:`termkit.chinese.cut_simplified`), so it gives the same words as the
Simplified text (會員國, not 員國), in its own script.  Every distinct sentence is
segmented once (:class:`Segmenter` keeps a cache).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..chinese import cut_simplified, jieba_tokenizer, to_simplified, traditional_line, traditional_words

_EN_WORD = re.compile(r"[^\W_]+", re.UNICODE)
POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    """The white-space separated words of ``text`` (for word lists written as one string)."""
    return text.split()


#: Plurals that do not end in -s.
IRREGULAR = {
    "women": "woman",
    "men": "man",
    "children": "child",
    "people": "person",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "data": "datum",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "media": "medium",
}
#: Plurals of nouns in -sis (crisis, crises) and -us (virus, viruses): stripping an
#: ``s`` left "crise" and "viruse", which match no singular.  Listed, as -ses and
#: -uses end other plurals too (bases, causes, houses).
IRREGULAR.update(
    {
        singular[:-2] + "es": singular
        for singular in [
            "crisis",
            "analysis",
            "thesis",
            "hypothesis",
            "diagnosis",
            "synthesis",
            "parenthesis",
            "emphasis",
            "prognosis",
            "oasis",
            "synopsis",
        ]
    }
    | {
        singular + "es": singular
        for singular in [
            "virus",
            "bonus",
            "campus",
            "census",
            "status",
            "surplus",
            "consensus",
            "focus",
            "bus",
            "apparatus",
            "syllabus",
            "prospectus",
            "sinus",
        ]
    }
)
#: Words in -s that are not plurals (and would be damaged by stripping it).
_KEEP_S = ("ss", "us", "is", "ous", "ics", "ws")
#: Plurals with a sense of their own, kept whole: ``securities`` (证券) is not the
#: plural of ``security`` (安全), nor ``goods`` (货物) of ``good`` (良好), so a term
#: in one form does not match the other.
LEXICAL_PLURALS = frozenset(
    [
        "goods",
        "securities",
        "arms",
        "customs",
        "means",
        "headquarters",
        "premises",
        "savings",
        "earnings",
        "belongings",
        "surroundings",
        "whereabouts",
    ]
)


#: Plural nouns of nationalities and peoples, kept whole: the plural names people
#: (*Arabs*, 阿拉伯人; *Canadians*, 加拿大人), while the singular is mostly the
#: adjective (*Arab States* 阿拉伯国家, *Syrian Arab Republic*, *Canadian
#: Government*), so that a term in one form does not match the other.  Demonyms in
#: -i (*Israelis*, *Iraqis*) keep their ``s`` anyway, and those in -ese or -ch
#: (*Chinese*, *French*) have no plural in -s.
DEMONYM_PLURALS = frozenset(
    singular + "s"
    for singular in words(
        """afghan african albanian algerian american andorran angolan antiguan arab argentine
        argentinian armenian asian australian austrian bahamian barbadian basque bedouin
        belarusian belgian belizean berber bolivian bosnian brazilian bruneian bulgarian
        burundian cambodian cameroonian canadian chadian chechen chilean colombian comorian
        copt croat croatian cuban cypriot czech dane djiboutian dominican ecuadorian egyptian
        eritrean estonian ethiopian european fijian filipino finn gambian georgian german
        ghanaian greek grenadian guatemalan guinean haitian honduran hungarian icelander
        indian indonesian iranian italian ivorian jamaican jordanian kazakh kenyan korean
        kurd latvian liberian libyan lithuanian macedonian malawian malaysian
        malian mauritanian mauritian mexican moldovan mongolian montenegrin moroccan
        mozambican namibian nicaraguan nigerian nigerien norwegian palestinian panamanian
        paraguayan pashtun peruvian romanian russian rwandan salvadoran samoan serb serbian
        slovak slovenian swede syrian tajik tamil tanzanian tatar tongan tunisian turk
        ugandan uighur ukrainian uruguayan uyghur uzbek venezuelan yugoslav zambian
        zimbabwean"""
    )
)


def en_stem(word: str) -> str:
    """Lower-case ``word`` and strip a plural ending (a light, plural-only stemmer)."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w in LEXICAL_PLURALS or w in DEMONYM_PLURALS:
        return w
    n = len(w)
    if n <= 3 or not w.endswith("s") or w.endswith(_KEEP_S) or w.isdigit():
        return w
    if w.endswith("ies") and n > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "zes")):
        return w[:-2]
    return w[:-1]


def en_words(text: str) -> list[str]:
    """The words of an English text, in order (no punctuation, possessives dropped)."""
    return _EN_WORD.findall(POSSESSIVE.sub("", text))


def en_stems(text: str) -> list[str]:
    """The stems of the words of an English text."""
    return [en_stem(w) for w in en_words(text)]


_HYPHENS = frozenset("-‐‑")


def en_stems_joins(text: str) -> tuple[list[str], frozenset[int]]:
    """Stems of ``text``, and the positions ``k`` whose word is hyphen-joined to word ``k + 1``.

    A term must not begin or end inside a hyphenated compound: ``Guinea`` does
    not occur in ``Guinea-Bissau``, nor ``corruption`` in ``anti-corruption``.
    """
    text = POSSESSIVE.sub("", text)
    stems: list[str] = []
    joins: set[int] = set()
    prev_end = -1
    for m in _EN_WORD.finditer(text):
        if stems and m.start() - prev_end == 1 and text[prev_end] in _HYPHENS:
            joins.add(len(stems) - 1)
        stems.append(en_stem(m.group()))
        prev_end = m.end()
    return stems, frozenset(joins)


# --------------------------------------------------------------------------
# Chinese


#: Function words that a candidate span never starts or ends with.
FUNCTION_TOKENS = frozenset(
    words(
        """的 地 得 之 了 着 过 和 与 及 以及 或 或者 并 并且 而 而且 且 跟 同 在 于 对 对于 为 为了
        被 把 将 以 从 由 向 给 是 也 都 就 又 还 亦 即 其 其他 其它 该 此 这 那 这个 那个 这些
        那些 这种 那种 这一 每 各 各个 所有 一切 一个 一些 一种 一项 等 等等 中 们 已 已经 正在
        如何 按照 根据 通过 关于 由于 因为 所以 但 但是 然而 如果 则 就是 包括 即使 还是 只 仅
        仅仅 均 其中 之一 它 它们 他 他们 她 她们 我 我们 你 你们 您 吗 呢 吧 啊 呀 嘛 哦"""
    )
)


def is_function_token(token: str) -> bool:
    """A function word (:data:`FUNCTION_TOKENS`), in Simplified or Traditional characters (與, 對)."""
    if token in FUNCTION_TOKENS:
        return True
    return token.isalpha() and not token.isascii() and _simplified_function(token)


@functools.lru_cache(maxsize=65536)
def _simplified_function(token: str) -> bool:
    return simplified_token(token) in FUNCTION_TOKENS


@functools.lru_cache(maxsize=65536)
def simplified_token(token: str) -> str:
    """A token (or span) in Simplified characters; ASCII is returned as it is."""
    return token if token.isascii() else to_simplified(token)


_WORDLIKE = re.compile(r"[\w]", re.UNICODE)


def is_punct(token: str) -> bool:
    """A token with no letter, digit or Han character (punctuation, spaces, symbols)."""
    return not _WORDLIKE.search(token)


def is_number(token: str) -> bool:
    """Digits, possibly with decimal points, commas or a percent sign."""
    return bool(re.fullmatch(r"[0-9０-９.,，．%％]+", token))


class Segmenter:
    """jieba segmentation with glossary terms loaded and a cache of sentences already seen."""

    def __init__(self, words: Iterable[str] = (), traditional: Iterable[str] = ()) -> None:
        """``words``: the glossary's Simplified (zh-CN) terms; ``traditional``: its
        Traditional ones, loaded (in their Simplified form) for sentences in
        Traditional characters only."""
        words = tuple(words)
        self._tokenizer: Any = jieba_tokenizer(words)
        hant = traditional_words(words, traditional)
        self._hant_tokenizer: Any = self._tokenizer if hant == words else jieba_tokenizer(hant)
        self._cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._intern: dict[str, str] = {}

    def __call__(self, text: str) -> tuple[str, ...]:
        """The tokens of ``text``; spaces are kept as their own tokens (boundaries)."""
        return self.cut(text)[0]

    def cut(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The tokens of ``text``, and the same tokens in Simplified characters.

        The second tuple is the first for a Simplified sentence; for a Traditional
        one it holds the Simplified form of each token (會員國 -> 会员国), so that
        the two scripts of a word can be counted as one.
        """
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        intern = self._intern
        plain = to_simplified(text)
        tokenizer = self._tokenizer
        if self._hant_tokenizer is not tokenizer and traditional_line(text, plain):
            tokenizer = self._hant_tokenizer
        cut, simple_cut = cut_simplified(tokenizer, text, plain, hmm=False)
        toks = tuple(intern.setdefault(t, t) for t in cut if t)
        simple = toks
        if simple_cut is not cut:
            converted = tuple(intern.setdefault(t, t) for t in simple_cut if t)
            if len(converted) == len(toks):
                simple = converted if converted != toks else toks
        self._cache[text] = (toks, simple)
        return toks, simple

    def clear(self) -> None:
        """Forget cached sentences (token strings stay interned)."""
        self._cache.clear()


def trim_span(tokens: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """Shrink ``tokens[start:end]`` until it neither starts nor ends with punctuation or a function word."""
    while start < end and (is_function_token(tokens[start]) or is_punct(tokens[start])):
        start += 1
    while end > start and (is_function_token(tokens[end - 1]) or is_punct(tokens[end - 1])):
        end -= 1
    return start, end
