"""Variant normalisation: forms that differ only in case, number, hyphenation or spelling.

:func:`variant_key` maps every surface form of a term to one key, so that
"Income-generating activities", "income generating activity" and
"income-generating activities" count as one candidate:

* case, typographic apostrophes and hyphens, ``&``/``and``, a possessive ``'s``;
* plural to singular, word by word (regular English rules);
* British to American spelling (labour/labor, programme/program, organisation/
  organization), only where wordfreq knows the American form as a word;
* hyphen, space and closed compounds ("grass-roots", "grass roots", "grassroots")
  all meet because the key drops both hyphens and spaces.

:func:`typo_pairs` finds forms one edit apart where one side is not an ordinary
English word ("programing"/"programming"): those are reported as variants of the
more frequent form, not as new terms.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from ..inflect import men_singular
from .lexicon import S_SINGULARS, zipf

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_SPLIT = re.compile(r"[\s\-]+")
_PUNCT_EDGES = re.compile(r"^[^\w]+|[^\w]+$")

#: British spelling endings and their American counterparts, longest first.
_BRITISH = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("ours", "ors"),
    ("our", "or"),
    ("ourable", "orable"),
    ("ouring", "oring"),
    ("oured", "ored"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ence", "ense"),
    ("amme", "am"),
    ("ammes", "ams"),
    ("elled", "eled"),
    ("elling", "eling"),
    ("eller", "eler"),
    ("ellor", "elor"),
)
_BRITISH_LONGEST_FIRST = tuple(sorted(_BRITISH, key=lambda p: -len(p[0])))


def fold(text: str) -> str:
    """Lower case, ASCII apostrophes and hyphens, single spaces."""
    return " ".join(text.translate(_APOSTROPHES).lower().split())


@functools.lru_cache(maxsize=200_000)
def americanize(word: str) -> str:
    """The American spelling of a British-spelt word, else the word itself.

    >>> americanize("labour"), americanize("programme"), americanize("hour")
    ('labor', 'program', 'hour')
    """
    if len(word) < 5:
        return word
    for british, american in _BRITISH_LONGEST_FIRST:
        if word.endswith(british):
            candidate = word[: len(word) - len(british)] + american
            z_am = zipf(candidate)
            if z_am >= 2.0 and z_am >= zipf(word) - 1.0:
                return candidate
            return word
    return word


@functools.lru_cache(maxsize=200_000)
def singular(word: str) -> str:
    """The singular of a regular English plural, else the word itself.

    >>> singular("counties"), singular("funds"), singular("branches"), singular("status")
    ('county', 'fund', 'branch', 'status')
    """
    if word.endswith("men"):
        return men_singular(word) or word  # "servicemen" -> "serviceman"
    if len(word) < 4 or not word.endswith("s") or word in S_SINGULARS:
        return word
    if word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("ies") and len(word) > 4 and word not in ("series", "species"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    return word[:-1]


@functools.lru_cache(maxsize=500_000)
def word_key(word: str) -> str:
    """The normalised form of one word (already folded)."""
    return singular(americanize(word))


def key_words(text: str) -> list[str]:
    """The normalised words of a surface form, hyphen parts split."""
    text = _POSSESSIVE.sub("", fold(text)).replace("&", " and ")
    words = []
    for piece in _SPLIT.split(text):
        piece = _PUNCT_EDGES.sub("", piece)
        if piece:
            words.append(word_key(piece))
    return words


def variant_key(text: str) -> str:
    """One key for every variant of a term (see the module docstring).

    >>> variant_key("Income-generating activities") == variant_key("income generating activity")
    True
    >>> variant_key("grass-roots") == variant_key("grassroots")
    True
    >>> variant_key("labour service") == variant_key("labor services")
    True
    """
    return "".join(key_words(text))


def light_key(text: str) -> str:
    """Fold case and number only: the forms a glossary need not list separately."""
    return " ".join(singular(w) for w in _POSSESSIVE.sub("", fold(text)).split())


def edit_distance_one(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion, substitution or swap."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        i, j = diffs[0], diffs[-1]
        return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


#: Words longer than this are never paired as typos (the longest English words have 30 or so letters).
MAX_TYPO_LENGTH = 40


#: Zipf frequency below which general English does not know a word at all (wordfreq's
#: lists stop near 1): a misspelling, or a name too rare to tell from one.
UNKNOWN_ZIPF = 1.0


def _unknown(word: str) -> bool:
    """Whether general English knows neither ``word`` nor its plural."""
    return max(zipf(word), zipf(word + "s")) < UNKNOWN_ZIPF


def plausible_slip(rare: str, common: str) -> bool:
    """Whether ``rare`` (one edit from ``common``) may be a slip in typing ``common``.

    Slips keep the first and the last letter; what changes a known word there is
    another word or a form of it ("Manama"/"Panama", "Rwandan"/"Rwanda",
    "bureaux"/"bureau", "minuet"/"minute"), and one letter typed for another makes
    another word too ("licit"/"limit", "materiel"/"material").  So, unless general
    English does not know ``rare`` at all ("ealth", "Leaguge", "seperat"), a slip is
    a letter dropped, added or two letters swapped inside the word ("goverment",
    "developement", "recieve"), a letter doubled or undoubled anywhere
    ("programing", "committe", "untill"; not a final -ee: "franchisee" is no slip
    for "franchise"), or the last letter of a common word dropped where general
    English has the rest only as a misspelling ("healt": Zipf below 2, a thousand
    times rarer).  A plural -s at the end is the same word (:func:`singular` keeps
    some: "tsunamis").
    """
    if _unknown(rare):
        return True
    short, long_ = (rare, common) if len(rare) <= len(common) else (common, rare)
    first = next((i for i, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    if len(short) == len(long_):
        swap = first + 1 < len(short) and short[first + 1] != long_[first + 1]
        return swap and 0 < first < len(short) - 2  # two letters swapped inside the word
    added = long_[first]
    end = first == len(short)
    if added == long_[first - 1 : first] and not (end and added == "e" and long_ == rare):
        return True  # a letter doubled or undoubled
    if end:  # a letter added at the end
        # a plural, or a common word cut short as web text misspells it: "healt" (Zipf
        # 1.6) beside "health" (5.4); not "Olivera" (2.0) beside "Oliver" (4.2)
        return added == "s" or (len(rare) < len(common) and zipf(rare) < 2 <= zipf(common) - zipf(rare) - 1)
    return first > 0


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _ordinary(word: str, known: float) -> bool:
    """Whether a normalised (singular) word, or its plural, is an ordinary English word.

    The plural counts: "villager" is rare but "villagers" is not, and "poor
    villagers" is no typo of "poor villages".
    """
    if zipf(word) >= known or zipf(word + "s") >= known:
        return True
    # (-es only where English writes it: "committe" + "es" is no plural of "committe")
    return word.endswith(("s", "x", "z", "ch", "sh")) and zipf(word + "es") >= known


def typo_pairs(
    groups: Mapping[str, tuple[str, ...]],
    weight: Mapping[str, float],
    min_length: int = 5,
    known: float = 3.0,
    acronyms: frozenset[str] | set[str] = frozenset(),
    names: frozenset[str] | set[str] = frozenset(),
    uses: Mapping[str, float] | None = None,
) -> list[tuple[str, str]]:
    """Pairs (rarer key, commoner key) of groups that differ by a typo in one word.

    ``groups`` maps a variant key to its normalised words.  Two groups pair when
    they have the same words but one, the two differing words are one edit apart,
    both are at least ``min_length`` letters, and at least one of them is not an
    ordinary English word (Zipf < ``known``, for the word and for its plural):
    "county" and "country" are both words and never pair, nor do "villager"
    (rare, but "villagers" is not) and "village"; "programing" and "programming" do.
    A pair whose rarer word is the ordinary one ("smooth" beside a name "slooth"
    seen more often) is no typo either.

    A slip is rarer than what it misspells: the commoner word must be used twice as
    often at least (``uses``: a normalised word's uses in the text, in any phrase;
    without it, the groups' ``weight``): "Aramo" and "Arabo", once each, are two
    names, and "healt" once beside "health" eight times is a slip even where the
    two phrases that hold them are seen once each.  An acronym (``acronyms``: words
    the text writes in capitals in most of their uses) is never a typo of another:
    one letter tells MINUSMA from MINUSCA.  A name (``names``: words the text
    capitalises inside sentences in most of their uses) is no typo of a word that
    is not one ("Lecter" of "letter"; "goverment" may be a typo of "Government"),
    and the edit must be a plausible slip (:func:`plausible_slip`).
    """
    # 1. word pairs one edit apart, found through their one-deletion forms
    # a word longer than any English word (a hash, a run of letters in damaged text) is
    # no typo of another, and its one-deletion forms cost the square of its length
    vocabulary = sorted({w for ws in groups.values() for w in ws if min_length <= len(w) <= MAX_TYPO_LENGTH})
    by_deletion: dict[str, list[str]] = {}
    for word in vocabulary:
        for d in _deletions(word):
            by_deletion.setdefault(d, []).append(word)
    neighbours: dict[str, set[str]] = {}
    for words_ in by_deletion.values():
        if len(words_) < 2:
            continue
        for i, a in enumerate(words_):
            for b in words_[i + 1 :]:
                if a != b and edit_distance_one(a, b) and not (_ordinary(a, known) and _ordinary(b, known)):
                    neighbours.setdefault(a, set()).add(b)
                    neighbours.setdefault(b, set()).add(a)
    if not neighbours:
        return []
    # 2. groups that become another group when one such word is swapped
    by_words = {ws: key for key, ws in groups.items()}
    pairs: set[tuple[str, str]] = set()
    for key, ws in groups.items():
        for pos, word in enumerate(ws):
            for other in neighbours.get(word, ()):
                twin = by_words.get((*ws[:pos], other, *ws[pos + 1 :]))
                if twin is None or twin == key:
                    continue
                mine, its = (uses.get(word, 0.0), uses.get(other, 0.0)) if uses else (0.0, 0.0)
                if mine and its:
                    if mine == its:
                        continue  # two words used as often: no slip ("Arabo Group", "Aramo Group")
                    rare, common = (key, twin) if mine < its else (twin, key)
                else:
                    mine, its = weight[key], weight[twin]
                    rare, common = (key, twin) if (mine, twin) < (its, key) else (twin, key)
                rare_word, common_word = (word, other) if rare == key else (other, word)
                rare_uses, common_uses = (mine, its) if rare == key else (its, mine)
                if _ordinary(rare_word, known) and not _ordinary(common_word, known):
                    # an English word is no typo of a commoner non-word: "smooth" is
                    # not a misspelling of a user name "slooth" seen more often
                    continue
                if (
                    common_uses < 2 * rare_uses
                    or word in acronyms
                    or other in acronyms
                    or (rare_word in names and common_word not in names)
                    or not plausible_slip(rare_word, common_word)
                ):
                    continue
                pairs.add((rare, common))
    return sorted(pairs)


def unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order without repeats."""
    return list(dict.fromkeys(items))
