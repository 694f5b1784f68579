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
from collections.abc import Callable, Iterator
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

    def update(self, other: Suppressions) -> None:
        """Add those of ``other`` (another block of the same text)."""
        for line, rules in other._lines.items():
            self.add(line, rules)


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
    """A monolingual text, or one block of it: what the rules of scope ``text`` read.

    A block (:func:`text_blocks`) starts at a line start, at line :attr:`first_line`
    and character :attr:`offset` of the file; :attr:`head` and :attr:`tail` are up to
    :data:`MARGIN` characters of the file before and after it, which the rules may
    look at (a hit is never in them).
    """

    path: str
    text: str
    lang: str
    index: GlossaryIndex
    hits: list[Hit] = field(default_factory=list)
    suppressions: Suppressions = field(default_factory=Suppressions)
    lines: LineIndex | None = None
    first_line: int = 1
    offset: int = 0
    head: str = ""
    tail: str = ""

    @classmethod
    def build(
        cls,
        path: str,
        text: str,
        lang: str,
        index: GlossaryIndex,
        markdown: bool = False,
        block: Block | None = None,
    ) -> TextDocument:
        """The document of a whole ``text``, or of one ``block`` of a text (then ``text`` is ``block.text``)."""
        first_line = block.first_line if block is not None else 1
        lines = LineIndex(text)
        suppressions = Suppressions()
        for m in SUPPRESS.finditer(text):
            line, _ = lines.locate(m.start())
            rules = parse_rule_list(m.group(1))
            suppressions.add(line + first_line - 1, rules)
            end = lines.starts[line] if line < len(lines.starts) else len(text)
            if _COMMENT_ONLY.match(text[lines.starts[line - 1] : end].rstrip("\n")):
                suppressions.add(line + first_line, rules)
        scan = mask_markdown(text) if markdown else text
        if suppressions:
            scan = mask_suppressions(scan)
        hits = index.matcher(lang).find(scan)
        if scan is not text:
            hits = [h if h.surface == text[h.start : h.end] else _resurface(h, text) for h in hits]
        doc = cls(path, text, lang, index, hits, suppressions, lines)
        if block is not None:
            doc.first_line, doc.offset, doc.head, doc.tail = (
                block.first_line,
                block.offset,
                block.head,
                block.tail,
            )
        return doc

    def loc(self, offset: int) -> Location:
        assert self.lines is not None
        line, col = self.lines.locate(offset)
        return (self.path, line + self.first_line - 1, col)

    def line_text(self, offset: int) -> str:
        """The whole line that holds ``offset`` (without its line break)."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return self.text[start : end if end >= 0 else len(self.text)]

    def before(self, offset: int, n: int) -> str:
        """The ``n`` characters of the file before ``offset`` (fewer at its start)."""
        out = self.text[max(0, offset - n) : offset]
        if offset < n and self.head:
            out = self.head[max(0, len(self.head) - (n - offset)) :] + out
        return out

    def after(self, offset: int, n: int) -> str:
        """The ``n`` characters of the file from ``offset`` (fewer at its end)."""
        out = self.text[offset : offset + n]
        if len(out) < n and self.tail:
            out += self.tail[: n - len(out)]
        return out


#: Characters of the file before and after a block that its document keeps (what the
#: rules look at around a hit: :func:`~termkit.lint.rules.term_case` 200).
MARGIN = 256


@dataclass(frozen=True, slots=True)
class Block:
    """A part of a text that begins at a line start (see :func:`text_blocks`)."""

    text: str
    first_line: int
    offset: int
    head: str
    tail: str


def text_blocks(
    read: Callable[[int], str], size: int, can_cut: Callable[[str, int], bool]
) -> Iterator[Block]:
    """A text in blocks of about ``size`` characters (more where no cut is found).

    ``read(n)`` gives the next ``n`` characters or so ('' at the end).  A block ends
    after a run of line breaks, at an offset ``p`` where ``can_cut(text, p)`` says no
    term runs across (with :data:`MARGIN` characters after ``p`` to look at); the line
    breaks are never split, so a blank line reads the same in either block.
    """
    buf = ""
    head = ""
    first_line, offset = 1, 0
    at_end = False
    scan = 0  # where the search for a cut goes on in ``buf``
    while True:
        cut, scan = _find_cut(buf, max(size, scan), can_cut, at_end)
        if cut is None:
            if at_end:
                break
            more = read(max(size, len(buf)))
            if more:
                buf += more
            else:
                at_end = True
            continue
        text = buf[:cut]
        yield Block(text, first_line, offset, head, buf[cut : cut + MARGIN])
        first_line += text.count("\n")
        offset += cut
        head = (head + text)[-MARGIN:] if len(text) < MARGIN else text[-MARGIN:]
        buf = buf[cut:]
        scan = 0
    if buf:
        yield Block(buf, first_line, offset, head, "")


def _find_cut(
    buf: str, start: int, can_cut: Callable[[str, int], bool], at_end: bool
) -> tuple[int | None, int]:
    """The first offset from ``start`` after a run of line breaks (LF, CRLF) where ``buf``
    may be cut, and where to search on when there is none yet."""
    n = len(buf)
    i = buf.find("\n", max(0, start - 1))
    while i >= 0:
        p = i + 1
        while p < n and (buf[p] == "\n" or buf.startswith("\r\n", p)):
            p += 1 if buf[p] == "\n" else 2  # (LF and CRLF: a CR alone is text, of the next line)
        if p >= n or (p + MARGIN > n and not at_end):
            return None, (n if at_end else i)  # (more text needed to look past the run)
        if can_cut(buf, p):
            return p, p
        i = buf.find("\n", p)
    return None, n


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
