"""Streaming candidate counts shared by the English and Chinese extractors.

A :class:`Counts` object receives, line by line, the candidate keys found on the
line (with repeats) and keeps everything the scorer needs, in memory that does not
grow with the input once the pruning threshold is reached:

* ``freq`` (occurrences) and ``df`` (lines, i.e. paragraphs, that hold the key);
* ``locs``: the first few locations, packed as ``source << 32 | line``;
* ``surfaces``: surface forms that differ from the lower-case key (capitals), a
  leading ``^`` marking a form seen only at the start of a sentence, and a leading
  :data:`SIGNAL_FORM` one that a layout signal (Title Case name, heading,
  quotation) saw: the same words are mostly counted from the text's runs as well,
  so such a count only adds what the runs' count of the form lacks;
* ``signals``: per layout signal (heading, numbered title, quotation, Title Case
  name, acronym), how often the key carried it;
* ``expansions``: acronym key -> expansions seen with it ("Expansion Of Words (EOW)"), as written.

When more than ``prune_at`` distinct keys are held, the rarest (those seen at most
``threshold`` times and never with a layout signal) are dropped and the threshold
rises: lossy counting, so that memory stays bounded on corpora of any size.
"""

from __future__ import annotations

from collections import Counter, _count_elements  # type: ignore[attr-defined]
from dataclasses import dataclass, field

#: Layout signals, in the order ``--explain`` lists them.
SIGNALS = ("heading", "numbered", "quoted", "title", "acronym", "listed")

LINE_BITS = 32
LINE_MASK = (1 << LINE_BITS) - 1
MAX_LOCATIONS = 3
#: Marks a surface form seen by a layout signal (see ``surfaces`` above).
SIGNAL_FORM = "\x1f"
#: The marks a surface form may start with.
FORM_MARKS = SIGNAL_FORM + "^"


def pack_location(source: int, line: int) -> int:
    return (source << LINE_BITS) | line


def unpack_location(packed: int) -> tuple[int, int]:
    return packed >> LINE_BITS, packed & LINE_MASK


@dataclass
class Counts:
    """Candidate statistics of one extraction run (see the module docstring)."""

    prune_at: int = 1_000_000
    freq: Counter[str] = field(default_factory=Counter)
    df: Counter[str] = field(default_factory=Counter)
    locs: dict[str, list[int]] = field(default_factory=dict)
    surfaces: Counter[str] = field(default_factory=Counter)
    signals: dict[str, Counter[str]] = field(default_factory=lambda: {s: Counter() for s in SIGNALS})
    expansions: dict[str, Counter[str]] = field(default_factory=dict)
    #: word -> occurrences written with a capital in mid-sentence.
    cap_mid: Counter[str] = field(default_factory=Counter)
    #: content word -> occurrences; as the head (last word) of a stretch; with
    #: verb evidence (after a modal, before a determiner, -ed before "by");
    #: right after a number (units: "Yuan", "km").
    words: Counter[str] = field(default_factory=Counter)
    heads: Counter[str] = field(default_factory=Counter)
    #: content word -> occurrences with no content word next to it.
    alone: Counter[str] = field(default_factory=Counter)
    verbish: Counter[str] = field(default_factory=Counter)
    #: Chinese: of the words jieba tags as verbs, the uses with verb evidence (in
    #: ``verbish``: after a modal, before the aspect particle 了) and with noun evidence
    #: (here: after 的 or a determiner).
    nounish: Counter[str] = field(default_factory=Counter)
    #: Chinese: uses of a candidate of the longest length that its run of words goes on
    #: past with a word that may end a term (a phrase longer than any candidate).
    goes_on: Counter[str] = field(default_factory=Counter)
    after_number: Counter[str] = field(default_factory=Counter)
    sources: list[str] = field(default_factory=list)
    tokens: int = 0
    lines: int = 0
    #: Keys seen at most this often may have been dropped by pruning.
    threshold: int = 0
    #: Keys whose MAX_LOCATIONS locations are all known (:meth:`add` skips them).
    located: set[str] = field(default_factory=set, repr=False)
    #: Keys that only layout signals saw (no run of words holds them: "Charter of
    #: the United Nations"); set at the end of the count.
    signal_only: set[str] = field(default_factory=set, repr=False)
    #: Chinese: whether some line was in Traditional characters.
    traditional: bool = False
    #: Chinese: the glossary's words that jieba's own dictionary does not list (loaded
    #: as a user dictionary; in Simplified characters), each with the words jieba cuts
    #: it into without them (安全理事会: 安全, 理事会): in a longer candidate they are
    #: as rare as those words, not as a word general Chinese does not know.
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def add_source(self, name: str) -> int:
        self.sources.append(name)
        return len(self.sources) - 1

    def add(self, keys: list[str], source: int, line: int) -> None:
        """Count the candidate keys of one line."""
        if not keys:
            return
        self.lines += 1
        distinct = set(keys)
        freq = self.freq
        locs = self.locs
        packed = (source << LINE_BITS) | line
        full = self.located
        # (most occurrences are of keys whose locations are complete: one C-level
        # set difference skips them)
        for key in distinct.difference(full) if full else distinct:
            held = locs.get(key)
            if held is None:
                held = locs[key] = [packed]
            else:
                held.append(packed)
            if len(held) == MAX_LOCATIONS:
                full.add(key)
        # (freq.update(keys) and df.update(distinct) through the C helper behind them:
        # without update's Python frame and its isinstance test against Mapping)
        _count_elements(freq, keys)
        _count_elements(self.df, distinct)
        if len(freq) > self.prune_at:
            self.prune()

    def signal(self, name: str, key: str) -> None:
        self.signals[name][key] += 1

    def protected(self, key: str) -> bool:
        return any(key in c for c in self.signals.values())

    def prune(self) -> None:
        """Drop the rarest keys until at most half of ``prune_at`` remain."""
        target = self.prune_at // 2
        while len(self.freq) > target:
            self.threshold += 1
            limit = self.threshold
            drop = [k for k, n in self.freq.items() if n <= limit and not self.protected(k)]
            for k in drop:
                del self.freq[k]
                self.df.pop(k, None)
                self.locs.pop(k, None)
                self.located.discard(k)
                self.goes_on.pop(k, None)
            if not drop and len(self.freq) > target:
                break
        live = self.freq
        for s in [s for s in self.surfaces if s.lstrip(FORM_MARKS).lower() not in live]:
            del self.surfaces[s]
