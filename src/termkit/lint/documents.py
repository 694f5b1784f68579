"""What lint reads, as rules see it: a monolingual text, or the segment pairs of a bilingual file.

A :class:`TextDocument` is a text or Markdown file in one language, with its
glossary hits and its inline suppressions.  A :class:`BitextDocument` is a list of
:class:`SegmentPair` (TMX/PO/XLIFF units, TSV rows, line-aligned lines), each side
with its hits and the way back from an offset to ``PATH:LINE:COL``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .matcher import GlossaryIndex, Hit

#: ``termkit: ignore`` or ``termkit: ignore[rule-id, other-rule]`` anywhere on a line.
SUPPRESS = re.compile(r"termkit:\s*ignore(?:\[([^\]\n]*)\])?")
_COMMENT_ONLY = re.compile(r"^\s*(?:<!--|#|//|;|%|\.\.)?\s*termkit:\s*ignore(?:\[[^\]\n]*\])?\s*(?:-->)?\s*$")

#: Markdown that is not prose: front matter, fenced code, inline code, HTML comments
#: and tags, link targets, reference definitions, bare URLs.
_MARKDOWN_CODE = re.compile(
    r"\A---\n.*?\n---[ \t]*$"
    r"|^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?^[ \t]{0,3}\1[ \t]*$"
    r"|<!--.*?-->"
    r"|(`+)(?:(?!\n[ \t]*\n)[^`])+?\2"  # inline code, never across a blank line
    r"|<[A-Za-z/][^>\n]*>"
    r"|\]\([^)\n]*\)"
    r"|^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$"
    r"|\bhttps?://[^\s)>\]]+",
    re.MULTILINE | re.DOTALL,
)
MASK = "\x00"


def mask_markdown(text: str) -> str:
    """``text`` with code, markup and URLs blanked out (same length, line breaks kept)."""
    masked = _MARKDOWN_CODE.sub(lambda m: re.sub(r"[^\n]", MASK, m.group()), text)
    return _mask_lines(masked, indented_code_lines(text))


#: A line break as CommonMark counts lines.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def indented_code_lines(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` line ranges (from 0) of the indented code blocks of ``text``.

    Whether a line indented by four spaces is code or prose (the continuation of a
    paragraph, a list item's second paragraph) depends on the blocks around it, so
    CommonMark's own parser (markdown-it-py) decides.
    """
    if not _INDENTED.search(text):
        return []
    tokens = _block_parser().parse(text)
    return [(t.map[0], t.map[1]) for t in tokens if t.type == "code_block" and t.map]


#: A line indented by four columns at least (spaces, or up to three and a tab): the
#: only lines that may be indented code (a lone CR ends a line too, as CommonMark says).
_INDENTED = re.compile(r"(?:^|\r)(?: {4}| {0,3}\t)", re.MULTILINE)


@functools.lru_cache(maxsize=1)
def _block_parser() -> Any:
    """CommonMark's parser of the blocks only: the inline markup of every paragraph, half
    the time of the whole parse, tells nothing about code blocks."""
    from markdown_it import MarkdownIt  # (only Markdown with indented lines needs it)

    md = MarkdownIt("commonmark")
    md.core.ruler.disable(["inline"])
    return md


def _mask_lines(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with the lines of ``ranges`` blanked out (line breaks kept)."""
    if not ranges:
        return text
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    parts: list[str] = []
    done = 0
    for first, end in ranges:
        a = starts[first] if first < len(starts) else len(text)
        b = starts[end] if end < len(starts) else len(text)
        parts += [text[done:a], re.sub(r"[^\r\n]", MASK, text[a:b])]
        done = b
    return "".join(parts) + text[done:]


def mask_suppressions(text: str) -> str:
    """The ``termkit: ignore[...]`` markers blanked out, so that they are never linted."""
    return SUPPRESS.sub(lambda m: MASK * len(m.group()), text)


Location = tuple[str, int, int]


class Suppressions:
    """Lines on which findings are silenced: all of them, or some rules."""

    def __init__(self) -> None:
        self._lines: dict[int, set[str] | None] = {}

    def add(self, line: int, rules: set[str] | None) -> None:
        if line in self._lines:
            old = self._lines[line]
            self._lines[line] = None if old is None or rules is None else old | rules
        else:
            self._lines[line] = rules

    def silenced(self, line: int, rule: str) -> bool:
        if line not in self._lines:
            return False
        rules = self._lines[line]
        return rules is None or rule in rules

    def __bool__(self) -> bool:
        return bool(self._lines)


def parse_rule_list(text: str | None) -> set[str] | None:
    """``"a, b"`` -> ``{"a", "b"}``; ``None`` or empty means every rule."""
    if not text:
        return None
    rules = {r.strip() for r in text.split(",") if r.strip()}
    return rules or None


class LineIndex:
    """Offsets to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts.extend(m.end() for m in re.finditer("\n", text))

    def locate(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


@dataclass
class TextDocument:
    """A monolingual text: what the rules of scope ``text`` read."""

    path: str
    text: str
    lang: str
    index: GlossaryIndex
    hits: list[Hit] = field(default_factory=list)
    suppressions: Suppressions = field(default_factory=Suppressions)
    lines: LineIndex | None = None

    @classmethod
    def build(
        cls, path: str, text: str, lang: str, index: GlossaryIndex, markdown: bool = False
    ) -> TextDocument:
        lines = LineIndex(text)
        suppressions = Suppressions()
        for m in SUPPRESS.finditer(text):
            line, _ = lines.locate(m.start())
            rules = parse_rule_list(m.group(1))
            suppressions.add(line, rules)
            end = lines.starts[line] if line < len(lines.starts) else len(text)
            if _COMMENT_ONLY.match(text[lines.starts[line - 1] : end].rstrip("\n")):
                suppressions.add(line + 1, rules)
        scan = mask_markdown(text) if markdown else text
        if suppressions:
            scan = mask_suppressions(scan)
        hits = index.matcher(lang).find(scan)
        if scan is not text:
            hits = [h if h.surface == text[h.start : h.end] else _resurface(h, text) for h in hits]
        return cls(path, text, lang, index, hits, suppressions, lines)

    def loc(self, offset: int) -> Location:
        assert self.lines is not None
        line, col = self.lines.locate(offset)
        return (self.path, line, col)

    def line_text(self, offset: int) -> str:
        """The whole line that holds ``offset`` (without its line break)."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return self.text[start : end if end >= 0 else len(self.text)]


def _resurface(hit: Hit, text: str) -> Hit:
    return Hit(hit.start, hit.end, text[hit.start : hit.end], hit.terms)


@dataclass(slots=True)
class Side:
    """One side of a segment pair: its text and where it was read."""

    text: str
    path: str
    line: int
    #: Column of the first character of the text on its line; None when unknown (XML files).
    column: int | None = 1
    hits: list[Hit] = field(default_factory=list)
    #: Every hit, nested ones too (what "the target contains" looks at).
    all_hits: list[Hit] = field(default_factory=list)

    def loc(self, offset: int = 0) -> Location:
        if self.column is None:
            return (self.path, self.line, 1)
        before = self.text[:offset]
        nl = before.rfind("\n")
        if nl < 0:
            return (self.path, self.line, self.column + offset)
        return (self.path, self.line + before.count("\n"), offset - nl)


@dataclass(slots=True)
class SegmentPair:
    """A source segment and its translation."""

    id: str
    src: Side
    tgt: Side
    #: PO msgctxt and the like: the same source in two contexts may be translated differently.
    context: str | None = None
    #: Rules silenced for this pair (``termkit: ignore[...]`` in a note); None in the set = all.
    silenced: set[str] | None = None
    silence_all: bool = False
    _keys: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    def keys(self, key: Callable[[str], str]) -> tuple[str, str]:
        """``key`` of the source and of the target text, computed once."""
        if self._keys is None:
            self._keys = (key(self.src.text), key(self.tgt.text))
        return self._keys

    def is_silenced(self, rule: str) -> bool:
        return self.silence_all or (self.silenced is not None and rule in self.silenced)


@dataclass
class BitextDocument:
    """The segment pairs of one bilingual input."""

    path: str
    src_lang: str
    tgt_lang: str
    index: GlossaryIndex
    pairs: list[SegmentPair] = field(default_factory=list)
