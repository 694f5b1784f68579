"""Bilingual term extraction: English term candidates paired with their Chinese equivalents.

English candidates are word n-grams (1 to 4 words) that do not cross punctuation,
neither start nor end with a function word, contain no digit, and occur in at
least ``min_freq`` pairs; an n-gram that never occurs outside a longer candidate
is dropped in favour of the longer one.  Each candidate is then aligned like a
given term (:mod:`termkit.align.terms`), and only confident pairs are kept: a
higher threshold than for given terms, since nobody asked for these.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from .corpus import AlignCorpus
from .ibm import WordAligner
from .terms import TermAlignConfig, TermResult, align_terms
from .tokens import POSSESSIVE as _POSSESSIVE
from .tokens import en_stem, words

STOPWORDS = frozenset(
    words(
        """a an the and or but nor of to in on at by for with from into onto upon over under about above below
    between among through during before after since until than as per via within without against along
    across around behind beyond toward towards is are was were be been being am do does did done have has had
    having will would shall should can could may might must not no yes this that these those it its it's they
    them their theirs he him his she her hers we us our ours you your yours i me my mine who whom whose which
    what when where why how all any both each every few more most other others some such only own same so
    too very just also there here then thus therefore however although though while if whether because
    including include includes included inter alia e g i e etc one two three four five six seven eight nine
    ten first second third new said says say mr mrs ms dr per cent percent well further many much several
    made make makes take taken given give gives shall"""
    )
)

_CHUNK = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_BREAK = re.compile(r"[^\w\s'’-]|\d")


@dataclass
class EnglishCandidate:
    text: str
    stems: tuple[str, ...]
    frequency: int


def english_candidates(
    texts: Iterable[str], min_freq: int = 2, max_words: int = 4, limit: int = 1000
) -> list[EnglishCandidate]:
    """Frequent English n-grams that look like terms, most frequent first."""
    counts: dict[tuple[str, ...], int] = {}
    # Surface forms, counted apart for sentence-initial occurrences (whose case says nothing).
    surfaces: dict[tuple[str, ...], dict[tuple[bool, str], int]] = {}
    for text in texts:
        seen: set[tuple[str, ...]] = set()
        text = _POSSESSIVE.sub("", text)
        for c_index, chunk in enumerate(_BREAK.split(text)):
            words: list[str] = []
            seps: list[str] = []  # separator after each word: "-" inside a compound, else " "
            for m in _CHUNK.finditer(chunk):
                parts = [w for w in m.group().split("-") if w]
                words.extend(parts)
                seps.extend(["-"] * (len(parts) - 1) + [" "])
            low = [w.lower() for w in words]
            stems = [en_stem(w) for w in words]
            for i in range(len(words)):
                if low[i] in STOPWORDS:
                    continue
                for n in range(1, max_words + 1):
                    j = i + n
                    if j > len(words):
                        break
                    if low[j - 1] in STOPWORDS:
                        continue
                    if n == 1 and (len(low[i]) < 4 or not low[i].isalpha() or _verb_like(low[i])):
                        continue
                    if (i > 0 and seps[i - 1] == "-") or seps[j - 1] == "-":
                        continue  # inside a hyphenated compound
                    key = tuple(stems[i:j])
                    if key in seen:
                        continue
                    seen.add(key)
                    counts[key] = counts.get(key, 0) + 1
                    surface = words[i] + "".join(seps[k - 1] + words[k] for k in range(i + 1, j))
                    initial = i == 0 and c_index == 0
                    forms = surfaces.setdefault(key, {})
                    forms[(initial, surface)] = forms.get((initial, surface), 0) + 1
    frequent = {k: c for k, c in counts.items() if c >= min_freq}
    # Drop an n-gram that only ever occurs inside one longer candidate.
    covered: set[tuple[str, ...]] = set()
    for key, c in frequent.items():
        n = len(key)
        for a in range(n):
            for b in range(a + 1, n + 1):
                sub = key[a:b]
                if sub != key and frequent.get(sub) == c:
                    covered.add(sub)
    out = []
    for key, c in frequent.items():
        if key in covered:
            continue
        forms = surfaces[key]
        _, text = min(forms, key=lambda f: (f[0], -forms[f], f[1]))
        out.append(EnglishCandidate(text, key, c))
    out.sort(key=lambda x: (-x.frequency, x.text))
    return out[:limit]


def _verb_like(word: str) -> bool:
    """Past tenses and participles, which are rarely terms on their own."""
    return (word.endswith("ed") and not word.endswith("eed")) or word in _VERBS


_VERBS = frozenset(
    words("""held made said took told gave went came found known shown seen done given taken
    became began brought bought built chose drew felt fell fought got grew heard kept knew led left lost
    meant met paid put ran rose sat saw sent set shot sold spoke spent stood struck thought threw understood
    won wrote noted called""")
)


#: Default confidence for pairs nobody asked for.
PAIRS_THRESHOLD = 0.55


def extract_pairs(
    corpus: AlignCorpus,
    texts: Sequence[str],
    *,
    known_en: Iterable[str] = (),
    known: Iterable[tuple[str, str, str]] = (),
    config: TermAlignConfig | None = None,
    min_freq: int = 2,
    limit: int = 1000,
    aligner: WordAligner | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[TermResult]:
    """English candidates of ``texts`` with confident Chinese equivalents, most frequent first.

    Candidates whose stems match a term in ``known_en`` (the glossary's English
    terms) are left out: the point is to find pairs nobody listed.
    """
    cfg = config or replace(TermAlignConfig(), threshold=PAIRS_THRESHOLD)
    listed = {tuple(en_stem(w) for w in re.findall(r"[^\W_]+", t)) for t in known_en}
    cands = [c for c in english_candidates(texts, min_freq, limit=limit) if c.stems not in listed]
    results = align_terms(corpus, [(c.text, None) for c in cands], cfg, known, aligner, progress)
    kept = [r for r in results if r.candidates]
    kept.sort(key=lambda r: (-r.frequency, r.term.casefold(), r.term))
    return kept
