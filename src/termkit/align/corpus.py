"""A bitext prepared for term alignment: tokens, indexes and input warnings.

:class:`AlignCorpus` reads sentence pairs once, segments each Chinese sentence once
(through :class:`~termkit.align.tokens.Segmenter`), and keeps

* the English stems and Chinese tokens of every pair,
* an inverted index from English stem to the pairs that contain it, and from
  Chinese token to the pairs that contain it (counting a candidate's corpus
  frequency then only visits the pairs of its rarest token).

Pairs that cannot help alignment are skipped with a located warning: an empty
side, a side in the wrong language (no Han character in the Chinese side, or a
Chinese "English" side), and huge lines.  When almost every pair has its
languages the other way round (a ``zh<TAB>en`` file), the sides are swapped once,
with a warning; when the input says so (a TSV's header line ``zh-CN<TAB>en``),
without one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .. import langtags
from ..bitext import Pair
from ..chinese import han_ratio, has_han
from ..errors import Diagnostic, Severity, plural
from .tokens import Segmenter, en_stems_joins, en_words, is_punct, simplified_token

#: Lines longer than this (in characters) are left out of alignment: they are
#: whole paragraphs or files on one line, and would cost quadratic time.
MAX_LINE_CHARS = 2000
#: Warnings of one kind beyond this many are summarised in one line.
MAX_WARNINGS_PER_RULE = 5

SEP = "\x1f"


@dataclass
class CorpusWarnings:
    """Located warnings about the input, at most a few per rule plus a count."""

    items: list[Diagnostic] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    #: rule -> where the last warning of that rule was (path, line).
    last: dict[str, tuple[str, int]] = field(default_factory=dict)

    def add(self, pair: Pair, rule: str, message: str, path: str | None = None) -> None:
        """A warning about ``pair``, located in ``path`` (default: the pair's file) at its line."""
        where = (path or pair.path, pair.line)
        n = self.counts.get(rule, 0) + 1
        self.counts[rule] = n
        self.last[rule] = where
        if n <= MAX_WARNINGS_PER_RULE:
            self.items.append(Diagnostic(*where, 1, Severity.WARNING, message, rule))

    def summary(self) -> list[Diagnostic]:
        """The warnings kept, plus one line per rule that had more (located at the last one)."""
        out = list(self.items)
        for rule, n in sorted(self.counts.items()):
            if n > MAX_WARNINGS_PER_RULE:
                path, line = self.last[rule]
                more = n - MAX_WARNINGS_PER_RULE
                message = f"{more} more {plural(more, 'pair')} skipped for the same reason, the last here"
                out.append(Diagnostic(path, line, 1, Severity.WARNING, message, rule))
        return out


def _swapped_message(pair: Pair) -> str:
    """What the warning about a bitext given the other way round says: its columns, or its files."""
    if pair.tgt_path is not None:
        return (
            f"--src {pair.path} is Chinese and --tgt {pair.tgt_path} English in most lines; "
            "reading them the other way round (--src takes the English file)"
        )
    return (
        "the first column is Chinese and the second English in most pairs; reading them the other way round"
    )


def _chinese_source(pair: Pair) -> bool:
    """The input says its source is Chinese and its target English (a TSV whose header
    line is ``zh-CN<TAB>en``): its sides are read the other way round without a word."""
    return langtags.primary(pair.src_lang) == "zh" and langtags.primary(pair.tgt_lang) == "en"


def _wrong_way(pair: Pair) -> bool:
    """The source looks Chinese and the target does not."""
    return han_ratio(pair.src) > 0.5 and not has_han(pair.tgt)


def _english_first(pair: Pair) -> bool:
    """The target looks Chinese and the source does not (:func:`_wrong_way` the other way)."""
    return han_ratio(pair.tgt) > 0.5 and not has_han(pair.src)


#: The warning about a TSV whose header line names Chinese first over columns that
#: hold English first (read as they are: every pair was skipped for its "Chinese" side).
_HEADER_CONTRADICTED = (
    "the header line names Chinese first, but the first column is English and the second "
    "Chinese in most pairs; reading them as they are (fix the header line)"
)


class AlignCorpus:
    """Tokenised sentence pairs with inverted indexes, ready for term alignment."""

    def __init__(self, segmenter: Segmenter | None = None) -> None:
        self.segment = segmenter or Segmenter()
        self.ids: list[str] = []
        #: English stems of each pair.
        self.en: list[tuple[str, ...]] = []
        #: Chinese tokens of each pair (spaces kept as boundary tokens).
        self.zh: list[tuple[str, ...]] = []
        #: The same tokens in Simplified characters (the tuple of ``zh`` itself for a
        #: Simplified sentence): a word written in either script is one word
        #: (人權 = 人权) for the indexes, the word aligner and candidate spans.
        self.zh_simple: list[tuple[str, ...]] = []
        #: Simplified tokens joined with SEP and framed by it, for fast span look-ups.
        self.zh_joined: list[str] = []
        #: Pairs with hyphenated compounds: pair -> positions joined to the next word.
        self.en_joins: dict[int, frozenset[int]] = {}
        self.en_index: dict[str, list[int]] = {}
        self.zh_index: dict[str, list[int]] = {}
        self.warnings = CorpusWarnings()
        self.swapped = False
        self._intern: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.ids)

    # ------------------------------------------------------------------
    # Building

    @classmethod
    def build(
        cls,
        pairs: Iterable[Pair],
        segmenter: Segmenter | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> AlignCorpus:
        """Read, check and tokenise every pair; ``progress(n)`` is called every 1,000 pairs."""
        corpus = cls(segmenter)
        plist = pairs if isinstance(pairs, list) else list(pairs)
        declared = bool(plist) and _chinese_source(plist[0])
        # (a header that names Chinese first over English first columns: the columns win)
        contradicted = declared and _mostly_swapped(plist, way=_english_first)
        corpus.swapped = (declared and not contradicted) or (not declared and _mostly_swapped(plist))
        if plist and (contradicted or (corpus.swapped and not declared)):
            first = plist[0]
            corpus.warnings.items.append(
                Diagnostic(
                    first.path,
                    first.line,
                    1,
                    Severity.WARNING,
                    _HEADER_CONTRADICTED if contradicted else _swapped_message(first),
                    "swapped-sides",
                )
            )
        for n, pair in enumerate(plist, 1):
            corpus.add(pair)
            if progress is not None and n % 1000 == 0:
                progress(1000)
        if progress is not None:
            progress(len(plist) % 1000)
        return corpus

    def add(self, pair: Pair) -> bool:
        """Add one pair; False (with a warning) when it is skipped."""
        src, tgt = (pair.tgt, pair.src) if self.swapped else (pair.src, pair.tgt)
        # each side's warnings name the file it was read from (--src and --tgt are two)
        en_path, zh_path = pair.side_path(self.swapped), pair.side_path(not self.swapped)
        if not src.strip() or not tgt.strip():
            side, path = ("English", en_path) if not src.strip() else ("Chinese", zh_path)
            self.warnings.add(pair, "empty-side", f"the {side} side is empty; pair skipped", path)
            return False
        if len(src) > MAX_LINE_CHARS or len(tgt) > MAX_LINE_CHARS:
            self.warnings.add(
                pair,
                "huge-line",
                f"line of {max(len(src), len(tgt)):,} characters (over {MAX_LINE_CHARS:,}): not a sentence "
                "pair; split it into sentences (termkit align docs); pair skipped",
                en_path if len(src) >= len(tgt) else zh_path,
            )
            return False
        if not has_han(tgt):
            # Codes, numbers and dates ("S/2015/123", "6 February 2015") are not
            # translated: skip them quietly; a Chinese side made of English words is a
            # mistake worth a warning (figures are no words of it).
            if sum(1 for word in en_words(tgt) if not word.isdigit()) >= 3:
                self.warnings.add(
                    pair, "wrong-language", "the Chinese side has no Chinese character; pair skipped", zh_path
                )
            return False
        if han_ratio(src) > 0.5 or not en_words(src):
            self.warnings.add(
                pair, "wrong-language", "the English side is not English; pair skipped", en_path
            )
            return False
        intern = self._intern
        stem_list, joins = en_stems_joins(src)
        stems = tuple(intern.setdefault(s, s) for s in stem_list)
        toks, simple = self.segment.cut(tgt)
        idx = len(self.ids)
        if joins:
            self.en_joins[idx] = joins
        self.ids.append(pair.id)
        self.en.append(stems)
        self.zh.append(toks)
        self.zh_simple.append(simple)
        self.zh_joined.append(SEP + SEP.join(simple) + SEP)
        for s in set(stems):
            self.en_index.setdefault(s, []).append(idx)
        for t in set(simple):
            if not is_punct(t):
                self.zh_index.setdefault(t, []).append(idx)
        return True

    # ------------------------------------------------------------------
    # Look-ups

    def find_en(self, stems: Sequence[str]) -> list[tuple[int, list[int]]]:
        """Pairs whose English side contains the stem sequence, with the start positions.

        An occurrence that starts or ends inside a hyphenated compound does not count.
        """
        if not stems:
            return []
        postings = [self.en_index.get(s) for s in stems]
        if any(p is None for p in postings):
            return []
        rarest = min((p for p in postings if p is not None), key=len)
        n = len(stems)
        first = stems[0]
        out: list[tuple[int, list[int]]] = []
        target = tuple(stems)
        for i in rarest:
            sent = self.en[i]
            starts = [k for k in range(len(sent) - n + 1) if sent[k] == first and sent[k : k + n] == target]
            joins = self.en_joins.get(i)
            if joins and starts:
                starts = [k for k in starts if (k - 1) not in joins and (k + n - 1) not in joins]
            if starts:
                out.append((i, starts))
        return out

    def zh_frequency(self, span: Sequence[str]) -> int:
        """Number of pairs whose Chinese side contains the token sequence ``span``."""
        return len(self.zh_pairs(span))

    def zh_pairs(self, span: Sequence[str]) -> list[int]:
        """The pairs whose Chinese side contains the token sequence ``span``, in either script."""
        span = [simplified_token(t) for t in span]
        postings = [self.zh_index.get(t) for t in span if not is_punct(t)]
        if not postings or any(p is None for p in postings):
            return []
        rarest = min((p for p in postings if p is not None), key=len)
        if len(span) == 1:
            return list(rarest)
        key = SEP + SEP.join(span) + SEP
        joined = self.zh_joined
        return [i for i in rarest if key in joined[i]]


def _mostly_swapped(
    pairs: Sequence[Pair], sample: int = 200, way: Callable[[Pair], bool] = _wrong_way
) -> bool:
    """More than 80% of the first ``sample`` non-empty pairs have Chinese first (or are
    as ``way`` says: :func:`_english_first`)."""
    seen = wrong = 0
    for pair in pairs:
        if not pair.src.strip() or not pair.tgt.strip():
            continue
        seen += 1
        wrong += way(pair)
        if seen >= sample:
            break
    return seen > 0 and wrong / seen > 0.8
