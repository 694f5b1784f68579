"""Term extraction (English and Chinese): rank the vocabulary of a text worth a glossary entry.

>>> from termkit.extract import ExtractOptions, extract_lines
>>> result = extract_lines(["The Rain Plan trains the rural poor.", "【Rain Plan】 Rain Plan"],
...                        ExtractOptions(lang="en"))
>>> result.candidates[0].term
'Rain Plan'

See ``docs/extract.md`` for how candidates are found and scored.
"""

from __future__ import annotations

import gc
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..chinese import (
    HAN,
    WORD_WINDOW,
    jieba_tokenizer,
    mostly_han,
    to_simplified,
    traditional_line,
    traditional_words,
    word_across,
)
from ..errors import Diagnostic, InputError, Severity, UsageError
from .candidates import Counts
from .scoring import Candidate, rank
from .sources import Block, Reader, blank_lines

__all__ = [
    "Candidate",
    "ExtractOptions",
    "ExtractResult",
    "NothingReadable",
    "detect_language",
    "extract",
    "extract_lines",
]

LANGUAGES = ("en", "zh")
#: Characters read before the language is decided.
DETECT_SAMPLE = 20_000
#: A file whose lines in the other language (skipped) make at least this share of
#: its non-empty lines gets a warning; fewer (a Chinese web-page footer under an
#: English text) are skipped silently.
OTHER_LANGUAGE_SHARE = 0.2
NAMES = {"en": "English", "zh": "Chinese"}
_LATIN_WORD = re.compile(r"[A-Za-z]{2}")


@dataclass
class ExtractOptions:
    """What to extract and how."""

    #: "en", "zh", or None to detect from the text.
    lang: str | None = None
    #: Which side of a translation memory: "source" or "target"; None for the source
    #: side of the units whose source language is English or Chinese.
    side: str | None = None
    min_freq: int = 1
    #: Chinese glossary terms (Simplified, zh-CN) loaded into jieba first.
    glossary_terms: tuple[str, ...] = ()
    #: Traditional Chinese glossary terms (zh-Hant, zh-TW ...): loaded too, in their
    #: Simplified form, for the lines in Traditional characters only.
    traditional_terms: tuple[str, ...] = ()
    #: Distinct candidates held before the rarest are pruned.
    prune_at: int = 1_000_000


@dataclass
class ExtractResult:
    """The ranked candidates and what was met on the way."""

    lang: str
    candidates: list[Candidate]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Inputs that could not be read at all.
    failed: list[str] = field(default_factory=list)
    lines: int = 0
    tokens: int = 0


class NothingReadable(InputError):
    """No input could be read: the first error, and in ``diagnostics`` every problem
    met (an error for each input that failed, warnings such as an empty file)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        first = next(d for d in diagnostics if d.severity is Severity.ERROR)
        super().__init__(first.message, first.path, first.line, first.column, first.rule)
        self.diagnostics = diagnostics


def detect_language(text: str) -> str:
    """``zh`` when Han characters make up more than 30% of the letters, else ``en``."""
    return "zh" if mostly_han(text) else "en"


def extract(
    paths: Iterable[str], options: ExtractOptions | None = None, on_bytes: Callable[[int], None] | None = None
) -> ExtractResult:
    """Read every input (plain text, or TMX/PO/XLIFF) and rank its candidate terms."""
    options = options or ExtractOptions()
    reader = Reader(lang=options.lang, side=options.side, on_bytes=on_bytes)
    if options.lang != "en":
        reader.inside_word = _word_across(options.glossary_terms, options.traditional_terms)
    return _run(reader.blocks(paths), options, reader)


def _word_across(terms: tuple[str, ...], traditional: tuple[str, ...] = ()) -> Callable[[str, str], bool]:
    """:func:`termkit.chinese.word_across` with the tokenizers the Chinese extractor uses
    (the glossary's terms loaded; its Traditional ones too around a break in
    Traditional text), each made at the first line break it is asked about."""

    made: dict[bool, Any] = {}  # (the tokenizers, once made: jieba_tokenizer goes over every term)

    def inside(before: str, after: str) -> bool:
        text = before.rstrip(" \t\u3000")[-WORD_WINDOW:] + after.lstrip(" \t\u3000")[:WORD_WINDOW]
        hant = bool(traditional) and traditional_line(text, to_simplified(text))
        tokenizer = made.get(hant)
        if tokenizer is None:
            tokenizer = made[hant] = jieba_tokenizer(traditional_words(terms, traditional) if hant else terms)
        return word_across(tokenizer, before, after)

    return inside


def extract_lines(
    lines: Iterable[str], options: ExtractOptions | None = None, path: str = "<text>"
) -> ExtractResult:
    """Rank the candidate terms of lines of text already in memory."""
    options = options or ExtractOptions()
    reader = Reader(lang=options.lang, side=options.side)
    texts = list(lines)
    stream = iter([Block(path, range(1, len(texts) + 1), texts)] if texts else [])
    return _run(stream, options, reader)


def _run(stream: Iterator[Block], options: ExtractOptions, reader: Reader) -> ExtractResult:
    # The counters hold millions of small objects and make no reference cycles:
    # the cyclic garbage collector would walk them over and over (a third of the
    # run time on a large corpus) and free nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _count_and_rank(stream, options, reader)
    finally:
        if enabled:
            gc.enable()


def _count_and_rank(stream: Iterator[Block], options: ExtractOptions, reader: Reader) -> ExtractResult:
    if options.lang is not None and options.lang not in LANGUAGES:
        raise UsageError(f"unknown language {options.lang!r}; use one of: {', '.join(LANGUAGES)}")
    lang = options.lang
    if lang is None:
        taken: list[Block] = []
        sample: list[str] = []
        size = 0
        for block in stream:
            taken.append(block)
            for text in block.texts:
                sample.append(text)
                size += len(text)
                if size >= DETECT_SAMPLE:
                    break
            if size >= DETECT_SAMPLE:
                break
        lang = detect_language("\n".join(sample))
        stream = itertools.chain(taken, stream)
    counts = Counts(prune_at=options.prune_at)
    extractor = _extractor(lang, counts, options)
    add = extractor.add_lines
    sources: dict[str, int] = {}
    # per input: [non-empty lines, lines in the other language, the first of them]
    tally: dict[str, list[int]] = {}
    for block in stream:
        src = sources.get(block.path)
        if src is None:
            src = sources[block.path] = counts.add_source(block.path)
            tally[block.path] = [0, 0, 0]
        add(block.texts, src, block.numbers)
        _tally(block, lang, tally[block.path])
    extractor.finish()
    reader.diagnostics.extend(_other_language(tally, lang))
    if not counts.freq and reader.failed and not sources:
        raise NothingReadable(reader.diagnostics)
    candidates = rank(counts, min_freq=options.min_freq, lang=lang)
    return ExtractResult(lang, candidates, reader.diagnostics, reader.failed, counts.lines, counts.tokens)


def _tally(block: Block, lang: str, found: list[int]) -> None:
    """Add a block's non-empty lines and its lines in the other language (those the
    extractor skips: mostly Han in English, no Han but Latin words in Chinese) to ``found``."""
    texts = block.texts
    found[0] += len(texts) - blank_lines(texts)
    if lang == "en":
        if all(map(str.isascii, texts)):
            return
        other = [k for k, t in enumerate(texts) if not t.isascii() and mostly_han(t)]
    else:
        other = [k for k, t in enumerate(texts) if not HAN.search(t) and _LATIN_WORD.search(t)]
    if other:
        if not found[1]:
            found[2] = block.numbers[other[0]]
        found[1] += len(other)


def _other_language(tally: dict[str, list[int]], lang: str) -> Iterator[Diagnostic]:
    """A warning for each input whose lines in the other language were a meaningful share."""
    other = "zh" if lang == "en" else "en"
    for path, (lines, skipped, first) in tally.items():
        if skipped and skipped >= OTHER_LANGUAGE_SHARE * lines:
            yield Diagnostic(
                path,
                first,
                1,
                Severity.WARNING,
                f"{skipped} of {lines} lines in {NAMES[other]} skipped (extracting {NAMES[lang]}); "
                f"run again with --lang {other} for them",
                "other-language",
            )


class _Extractor(Protocol):
    def add_lines(self, texts: Sequence[str], source: int, numbers: Sequence[int]) -> None: ...

    def finish(self) -> None: ...


def _extractor(lang: str, counts: Counts, options: ExtractOptions) -> _Extractor:
    if lang == "zh":
        from .chinese import ChineseExtractor

        return ChineseExtractor(counts, options.glossary_terms, traditional=options.traditional_terms)
    from .english import EnglishExtractor

    return EnglishExtractor(counts)
