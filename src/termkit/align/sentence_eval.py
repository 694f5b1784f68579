"""Scoring a document alignment against a known line alignment (tests and benchmarks).

A reference is two lists of lines, line ``k`` of one translating line ``k`` of the
other.  The lines are joined into paragraphs, split again and re-aligned; each
output sentence is mapped back to the reference line(s) it came from by its
character offsets.

* **link precision**: the share of output links whose English sentences and
  Chinese sentences come from exactly the same set of reference lines (a link
  with an empty side is wrong, since every reference line has both sides);
* **line recall**: the share of reference lines ``k`` such that every output link
  touching line ``k`` on either side is a correct link (the line was recovered).

The link accuracy reported is the link precision; both are asserted by the tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .sentences import AlignerModel, Link, align_documents, paragraphs, split_chinese, split_english


@dataclass
class AlignmentScore:
    links: int
    correct_links: int
    lines: int
    recovered_lines: int

    @property
    def precision(self) -> float:
        return self.correct_links / self.links if self.links else 0.0

    @property
    def recall(self) -> float:
        return self.recovered_lines / self.lines if self.lines else 0.0

    def __add__(self, other: AlignmentScore) -> AlignmentScore:
        return AlignmentScore(
            self.links + other.links,
            self.correct_links + other.correct_links,
            self.lines + other.lines,
            self.recovered_lines + other.recovered_lines,
        )


_FINAL = tuple(".!?\"'”’)»…:;。！？；")


def paragraph_sizes(lines: Sequence[str], sizes: Sequence[int]) -> list[int]:
    """Paragraph sizes: ``sizes`` cycled, but a heading (a line with no final
    punctuation) is a paragraph of its own, as it is in the source documents.
    With empty ``sizes``, the whole document is one paragraph."""
    if not sizes:
        return [len(lines)] if lines else []
    out: list[int] = []
    k = s = 0
    while k < len(lines):
        size = sizes[s % len(sizes)]
        s += 1
        n = 0
        while n < size and k + n < len(lines):
            n += 1
            if not lines[k + n - 1].rstrip().endswith(_FINAL):
                break
        out.append(n)
        k += n
    return out


def build_document(
    lines: Sequence[str], sizes: Sequence[int], joiner: str
) -> tuple[str, list[tuple[int, int]]]:
    """Join ``lines`` into paragraphs of exactly ``sizes`` lines, one paragraph per text line.

    Returns the text and the character span of each line in it.
    """
    text_parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    k = 0
    for size in sizes:
        chunk = lines[k : k + size]
        para_start = pos
        for n, line in enumerate(chunk):
            if n:
                pos += len(joiner)
            spans.append((pos, pos + len(line)))
            pos += len(line)
        text_parts.append(joiner.join(chunk))
        pos = para_start + len(text_parts[-1]) + 1  # the newline
        k += size
    return "\n".join(text_parts) + "\n", spans


def _sentence_lines(text: str, sentences: Sequence[str], spans: Sequence[tuple[int, int]]) -> list[set[int]]:
    out: list[set[int]] = []
    pos = 0
    for sent in sentences:
        start = text.find(sent, pos)
        if start < 0:
            raise ValueError(f"sentence not found in the document: {sent[:40]!r}")
        end = start + len(sent)
        pos = end
        out.append({k for k, (a, b) in enumerate(spans) if a < end and start < b})
    return out


def score_alignment(
    en_lines: Sequence[str], zh_lines: Sequence[str], sizes: Sequence[int], model: AlignerModel | None = None
) -> tuple[AlignmentScore, list[Link]]:
    """Re-align one document made of reference lines joined into paragraphs (see :func:`paragraph_sizes`)."""
    groups = paragraph_sizes(en_lines, sizes)
    en_text, en_spans = build_document(en_lines, groups, " ")
    zh_text, zh_spans = build_document(zh_lines, groups, "")
    links = align_documents(en_text, zh_text, model)
    en_sents = [s for p in paragraphs(en_text, " ") for s in split_english(p)]
    zh_sents = [s for p in paragraphs(zh_text, "") for s in split_chinese(p)]
    en_map = _sentence_lines(en_text, en_sents, en_spans)
    zh_map = _sentence_lines(zh_text, zh_sents, zh_spans)
    correct = 0
    bad_lines: set[int] = set()
    for link in links:
        e = set().union(*(en_map[i] for i in link.en_index)) if link.en_index else set()
        z = set().union(*(zh_map[i] for i in link.zh_index)) if link.zh_index else set()
        if e and e == z:
            correct += 1
        else:
            bad_lines |= e | z
    n = len(en_lines)
    return AlignmentScore(len(links), correct, n, n - len(bad_lines)), links
