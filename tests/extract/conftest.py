"""Helpers for the extraction tests."""

from __future__ import annotations

from collections.abc import Iterable

from termkit.extract import ExtractOptions, extract_lines
from termkit.extract.candidates import Counts
from termkit.extract.english import EnglishExtractor
from termkit.extract.scoring import Candidate


def english_keys(*lines: str) -> set[str]:
    """Every candidate key the English extractor finds in ``lines``."""
    counts = Counts()
    extractor = EnglishExtractor(counts)
    counts.add_source("t")
    for n, line in enumerate(lines, 1):
        extractor.add_line(line, 0, n)
    extractor.finish()
    return set(counts.freq)


def ranked(lines: Iterable[str], lang: str = "en") -> list[Candidate]:
    return extract_lines(list(lines), ExtractOptions(lang=lang)).candidates
