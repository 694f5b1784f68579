"""Reading extraction input line by line, with problems reported, never raised mid-way.

Plain text is streamed (memory does not grow with the file): UTF-8 with or
without a BOM, UTF-16 with a BOM, ``-`` for stdin.  Lines end at LF (a CR before
it dropped), or at CR in a file with classic Mac OS line ends, as
:func:`termkit.textio.split_lines` reads a whole text (here the beginning of the
file decides: see :func:`cr_only`).  Undecodable bytes (UTF-16's unpaired
surrogates and odd last byte too) become U+FFFD and are reported with
their byte offset in the file; U+FFFD already in the text
(damaged text) is reported too; the rest of the file is still read.  At most
:data:`MAX_WARNINGS` warnings of one kind are kept for a file, then one that
counts the others.  A file whose first lines are mostly not UTF-8 (GB18030, say)
is an error and skipped, with what to do; one that turns out mostly not UTF-8
further on gets a warning that says so.

Translation memories and catalogues (TMX, PO/POT, XLIFF) are read through
:func:`termkit.formats.registry.iter_memory`; one side of each unit is used: the
source is the segment in the memory's source language (a TMX ``<tu>``'s
``srclang``, else the header's; once a unit had one, a unit without one has no
source side), else the first segment (XLIFF's ``<source>``, PO's ``msgid``; a TMX whose
``srclang`` is ``*all*``).
"""

from __future__ import annotations

import codecs
import importlib
import io
import os
import re
import shlex
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .. import langtags
from ..bitext import MEMORY_SUFFIXES
from ..chinese import han_ratio, join_wrapped_lines
from ..errors import Diagnostic, FormatError, InputError, Severity, TermkitError, count
from ..placeholders import mask
from ..textio import (
    STDIN_NAME,
    STDIO,
    binary_file_problem,
    bom_problem,
    converted_name,
    open_bytes,
    shown_path,
    split_lines,
    unpaired_surrogate,
    utf16_codec,
    utf16_problem,
)

#: Term bases: no text to extract from.
GLOSSARY_SUFFIXES = (".tbx",)
CHUNK = 1 << 20
#: Warnings of one kind kept for one file; the others are counted in one more.
MAX_WARNINGS = 10
#: Bytes of a file's invalid lines kept to guess its encoding.
GUESS_SAMPLE = 4096
#: Units of a memory held back, at most, until one has a segment in its source language
#: (and characters of their text).
LOOK_AHEAD = 10_000
LOOK_AHEAD_CHARS = 8_000_000

#: TMX's ``srclang`` for a memory without one source language (the order of the segments then decides).
ALL_LANGUAGES = "*all*"
#: Primary language subtags of the text termkit extracts (ISO 639-1 and 639-2, Mandarin,
#: Cantonese), and those that name no language ("und", "mul", "zxx", "mis").
EXTRACTED_LANGUAGES = frozenset({"en", "eng", "zh", "zho", "chi", "cmn", "yue"})
NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})
FOREIGN_SIDE = "other-language-side"
SNIFF = 8192
#: How much of standard input is looked at to tell a TMX, XLIFF or PO document.
MEMORY_SNIFF = 65536
#: Lines (not blank) of a file's first block needed to refuse it as not UTF-8.
MIN_VERDICT_LINES = 10


@dataclass
class Line:
    """One line of input: where it is and its text."""

    path: str
    line: int
    text: str


@dataclass
class Block:
    """Consecutive lines of one input, read together (a chunk of the file).

    ``numbers[k]`` is the line number of ``texts[k]`` (a range for plain text).
    """

    path: str
    numbers: Sequence[int]
    texts: list[str]

    def lines(self) -> Iterator[Line]:
        path = self.path
        return (Line(path, n, t) for n, t in zip(self.numbers, self.texts, strict=True))


@dataclass
class Reader:
    """Reads every input in turn and collects the problems it met."""

    lang: str | None = None
    #: "source" or "target"; None: the source side, where it is in English or Chinese
    side: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Inputs that could not be read at all.
    failed: list[str] = field(default_factory=list)
    #: Called with the number of bytes consumed (progress bars).
    on_bytes: Callable[[int], None] | None = None
    #: Whether a word runs across a line break between two Han characters inside a
    #: memory's segment (the text before it, the text after it; see
    #: :func:`termkit.chinese.word_across`); None: every such break is joined.
    inside_word: Callable[[str, str], bool] | None = None
    #: Warnings met per (path, rule), and where the first one not kept was.
    _warned: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)
    _hidden: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict, repr=False)
    #: Whether the warning that ``side`` does not apply to a plain text was given.
    _side_said: bool = field(default=False, repr=False)
    #: Invalid UTF-8 lines of the file being read, to guess its encoding.
    _bad_sample: bytearray = field(default_factory=bytearray, repr=False)
    #: The byte offset of the first invalid UTF-8 of the file being read.
    _first_bad_byte: int | None = field(default=None, repr=False)

    def warn(self, path: str, line: int, column: int, message: str, rule: str) -> None:
        """Keep a warning; after :data:`MAX_WARNINGS` of one rule in one file, only count it."""
        key = (path, rule)
        seen = self._warned.get(key, 0) + 1
        self._warned[key] = seen
        if seen > MAX_WARNINGS:
            if seen == MAX_WARNINGS + 1:
                self._hidden[key] = (line, column)
            return
        self.diagnostics.append(Diagnostic(path, line, column, Severity.WARNING, message, rule))

    def _close(self, path: str) -> None:
        """After reading ``path``: one warning that counts each kind of warning not kept."""
        for (where, rule), seen in list(self._warned.items()):
            if where != path:
                continue
            if seen > MAX_WARNINGS:
                line, column = self._hidden[where, rule]
                self.diagnostics.append(
                    Diagnostic(
                        path,
                        line,
                        column,
                        Severity.WARNING,
                        f"... and {seen - MAX_WARNINGS} more such warnings in {path} (not shown)",
                        rule,
                    )
                )
            del self._warned[where, rule]
            self._hidden.pop((where, rule), None)
        self._bad_sample.clear()
        self._first_bad_byte = None

    def _forget(self, path: str, rule: str) -> None:
        """Drop the warnings of ``rule`` kept and counted for ``path``."""
        self.diagnostics = [d for d in self.diagnostics if d.path != path or d.rule != rule]
        self._warned.pop((path, rule), None)
        self._hidden.pop((path, rule), None)

    def error(self, exc: TermkitError, fallback: str) -> None:
        self.diagnostics.append(
            Diagnostic(
                exc.path or fallback,
                exc.line or 1,
                exc.column or 1,
                Severity.ERROR,
                exc.message,
                exc.rule or "unreadable",
            )
        )
        self.failed.append(exc.path or fallback)

    def lines(self, paths: Iterable[str]) -> Iterator[Line]:
        """Every line of every input; an unreadable input is reported and skipped."""
        for block in self.blocks(paths):
            yield from block.lines()

    def blocks(self, paths: Iterable[str]) -> Iterator[Block]:
        """The lines of every input, a chunk at a time (no object per line); an
        unreadable input is reported and skipped."""
        seen: dict[tuple[int, int], str] = {}
        for path in paths:
            shown = shown_path(path)
            earlier = _same_file(path, seen)
            if earlier is not None:
                # a file named twice (or by two spellings of its path) would count twice
                self.warn(
                    shown, 1, 1, f"the same file as {earlier}, given again: it is read once", "repeated-input"
                )
                continue
            try:
                if Path(path).suffix.lower() in GLOSSARY_SUFFIXES:
                    # (its XML read as text ranks "langSet" and "tig" as terms)
                    raise InputError(
                        "a TBX term base, not a text: its terms are terms already; "
                        f"merge them into the glossary with: termkit import {shlex.quote(shown)}",
                        shown,
                        rule="term-base",
                    )
                if Path(path).suffix.lower() in MEMORY_SUFFIXES:
                    yield from self._memory_blocks(path)
                else:
                    yield from self._text_blocks(path, shown)
            except TermkitError as exc:
                self.error(exc, shown)
            except OSError as exc:  # a read that fails midway (an I/O error, /proc/self/mem)
                self.error(InputError(f"cannot read: {exc.strerror or exc}", shown), shown)
            self._close(shown)

    # ------------------------------------------------------------------
    def _text_blocks(self, path: str, shown: str) -> Iterator[Block]:
        with open_bytes(path) as stream:
            head = stream.read(SNIFF)
            boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
            if not head.strip(b" \t\r\n") or head in boms:
                rest = stream.read(1)
                if not rest:
                    self.warn(shown, 1, 1, "empty file: nothing to extract", "empty-input")
                    return
                head += rest
            first = head
            if path == STDIO:
                # a TMX, XLIFF or PO document on standard input is read as one, as a
                # named file is by its extension (its markup is no text); a PO file's
                # first msgid may come after 8 KB of comments
                first += stream.read(MEMORY_SNIFF - len(head)) if len(head) == SNIFF else b""
                fmt = _sniffed_memory(first)
                if fmt is not None:
                    source = io.BytesIO(first + stream.read())
                    source.name = shown  # (what the readers name in their errors)
                    yield from self._memory_blocks(source, shown, fmt)
                    return
            chunks = _chain(first, stream)
            utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            stray = bom_problem(head)
            if stray is not None:
                raise InputError(stray, shown, 1, 1)
            if not utf16 and b"\x00" in head:
                raise InputError(binary_file_problem(head), shown, 1, 1)
            self._side_of_text(shown)
            if utf16:
                yield from self._utf16_blocks(chunks, shown, utf16_codec(head))
                return
            # a file shorter than the sniffed head is seen whole before any of it is used
            whole = len(head) < SNIFF
            yield from self._utf8_blocks(chunks, shown, head.startswith(codecs.BOM_UTF8), whole)

    def _side_of_text(self, shown: str) -> None:
        """Say, at the first plain text read, that ``--side`` does not apply to it."""
        if self.side is None or self._side_said:
            return
        self._side_said = True
        self.warn(
            shown,
            1,
            1,
            f"--side {self.side} chooses a side of a translation memory (TMX, PO, XLIFF); "
            "a plain text such as this one is read whole",
            "side-of-text",
        )

    def _utf8_blocks(
        self, chunks: Iterator[bytes], shown: str, bom: bool, whole: bool = False
    ) -> Iterator[Block]:
        """The lines of a UTF-8 file; ``whole``: the first chunk is all of it, so that
        the verdict on its encoding takes every line (see :meth:`_check_utf8`)."""
        held: list[Block] = []  # a whole file's blocks, until the verdict
        offset = 0
        number = 0
        pending = b""
        first = True
        checked = False
        key = (shown, "invalid-utf8")
        blank = 0
        # CR-only line ends: each CR read as an LF (one byte for one: offsets stay true;
        # a CR is never part of a longer UTF-8 sequence); None until a line end decides
        cr: bool | None = None
        for chunk in chunks:
            if first and bom:
                chunk = chunk[len(codecs.BOM_UTF8) :]
                offset = len(codecs.BOM_UTF8)
            first = False
            if cr:
                chunk = chunk.replace(b"\r", b"\n")
            data = pending + chunk
            if cr is None:
                cr = cr_only(data)
                if cr:
                    data = data.replace(b"\r", b"\n")
            cut = data.rfind(b"\n")
            if cut < 0:
                pending = data
                continue
            body, pending = data[:cut], data[cut + 1 :]
            texts = self._decode_block(body, shown, number, offset)
            blank += blank_lines(texts)
            block = Block(shown, range(number + 1, number + 1 + len(texts)), texts)
            if whole:
                held.append(block)
            else:
                if not checked:
                    checked = True
                    self._check_utf8(shown, texts, blank)
                yield block
            number += len(texts)
            offset += len(body) + 1
            if self.on_bytes:
                self.on_bytes(len(body) + 1)
        if pending:
            number += 1
            texts = [self._decode(pending, shown, number, offset)]
            blank += blank_lines(texts)
            block = Block(shown, range(number, number + 1), texts)
            if whole:
                held.append(block)
            else:
                if not checked:
                    self._check_utf8(shown, texts, blank)
                yield block
            if self.on_bytes:
                self.on_bytes(len(pending))
        if whole:
            self._check_utf8(shown, [t for b in held for t in b.texts], blank, whole=True)
            yield from held
        bad = self._warned.get(key, 0)
        if self._not_utf8(bad, number - blank):
            shown_bad = f" (the first {MAX_WARNINGS} shown)" if bad > MAX_WARNINGS else ""
            self.warn(
                shown,
                *self._first_bad(shown),
                f"most of the file is not UTF-8: {bad} of its {number - blank} lines have invalid "
                f"bytes{shown_bad}{self._advice(shown)}",
                "not-utf8",
            )
            self._warned[key] = min(bad, MAX_WARNINGS)  # no "... and N more": counted here

    def _check_utf8(self, shown: str, texts: list[str], blank: int, whole: bool = False) -> None:
        """Refuse a file whose first lines (the first block) are mostly not UTF-8:
        its text would be noise (and a warning for every line).  A short file seen
        ``whole`` in Chinese in GB18030/GBK is refused however few its lines: none of
        its words survives (a short Latin-1 one keeps its words, with a warning)."""
        bad = self._warned.get((shown, "invalid-utf8"), 0)
        few = len(texts) - blank < MIN_VERDICT_LINES
        if few and whole:
            few = _guess_encoding(bytes(self._bad_sample)) != "GB18030"
        if few or not self._not_utf8(bad, len(texts) - blank):
            return  # (a few long lines are no verdict: Latin-1 headers above UTF-8 text)
        line, column = self._first_bad(shown)
        advice = self._advice(shown)
        self._forget(shown, "invalid-utf8")
        lines = len(texts) - blank
        which = f"{bad} of the first {lines} lines have"
        if whole:
            which = "its one line has" if lines == 1 else f"{bad} of its {lines} lines have"
        at = f" (the first at byte offset {self._first_bad_byte})" if self._first_bad_byte is not None else ""
        raise InputError(
            f"not UTF-8: {which} invalid bytes{at}, so the file is skipped{advice}",
            shown,
            line,
            column,
            rule="not-utf8",
        )

    def _not_utf8(self, bad: int, lines: int) -> bool:
        """Whether ``bad`` invalid lines of ``lines`` (not blank) say the text is in
        another encoding: half of them or more, and three at least or Chinese (a
        stray byte in a line or two of English is only warned about)."""
        if not bad or 2 * bad < lines:
            return False
        return bad >= 3 or _guess_encoding(bytes(self._bad_sample)) == "GB18030"

    def _first_bad(self, shown: str) -> tuple[int, int]:
        """Where the first invalid UTF-8 of ``shown`` was reported."""
        found = next((d for d in self.diagnostics if d.path == shown and d.rule == "invalid-utf8"), None)
        return (found.line, found.column) if found else (1, 1)

    def _advice(self, shown: str) -> str:
        """What the invalid lines seem to be, and the command that converts the file."""
        source = "FILE" if shown == STDIN_NAME else shlex.quote(shown)
        target = "-" if shown == STDIN_NAME else shlex.quote(converted_name(shown))
        encoding = _guess_encoding(bytes(self._bad_sample))
        what = {"GB18030": " Chinese in GB18030/GBK?", "WINDOWS-1252": " Windows-1252 or Latin-1?"}
        how = f"iconv -f {encoding or 'ENCODING'} -t UTF-8 {source} > {target}"
        if shown == STDIN_NAME:
            how = how.replace(" > -", " | termkit extract -")
        if encoding == "GB18030":
            how += " (-f BIG5 for Traditional Chinese)"
        return (
            f";{what.get(encoding or '', '')} termkit reads UTF-8 (or UTF-16 with a BOM): "
            f"convert it first, e.g. {how}"
        )

    def _nul_bytes(self, body: bytes, shown: str, number: int) -> bytes:
        """Warn of NUL bytes past the first 8 KB (binary data inside text?) and read
        them as spaces; ``number``: the line before ``body``."""
        at = body.index(b"\x00")
        line = number + body.count(b"\n", 0, at) + 1
        column = len(body[body.rfind(b"\n", 0, at) + 1 : at].decode("utf-8", errors="replace")) + 1
        self.warn(
            shown,
            line,
            column,
            "NUL bytes: binary data inside the text? they are read as spaces; give a text file",
            "nul-bytes",
        )
        return body.replace(b"\x00", b" ")

    def _decode_block(self, body: bytes, shown: str, number: int, offset: int) -> list[str]:
        """The lines of ``body`` (whole lines, the last newline left off), decoded at once;
        line by line (to report where) only when the bytes are not valid UTF-8."""
        if b"\x00" in body:  # (the first 8 KB had none: see _text_blocks)
            body = self._nul_bytes(body, shown, number)
        try:
            whole = body.decode("utf-8")
        except UnicodeDecodeError:
            texts = []
            for raw in body.split(b"\n"):
                number += 1
                texts.append(self._decode(raw, shown, number, offset))
                offset += len(raw) + 1
            return texts
        texts = whole.split("\n")
        if "\r" in whole:
            texts = [t[:-1] if t.endswith("\r") else t for t in texts]
        if "\ufffd" in whole:
            for k, text in enumerate(texts, number + 1):
                if "\ufffd" in text:
                    self._report_damage(shown, k, text)
        return texts

    def _decode(self, raw: bytes, shown: str, number: int, offset: int) -> str:
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if len(self._bad_sample) < GUESS_SAMPLE:
                self._bad_sample += raw + b"\n"
            if self._first_bad_byte is None:
                self._first_bad_byte = offset + exc.start
            column = len(raw[: exc.start].decode("utf-8", errors="replace")) + 1
            self.warn(
                shown,
                number,
                column,
                f"invalid UTF-8 at byte offset {offset + exc.start} (byte 0x{raw[exc.start]:02x}); "
                "the bad bytes are skipped, the rest of the file is read",
                "invalid-utf8",
            )
            return raw.decode("utf-8", errors="replace")
        if "\ufffd" in text:
            self._report_damage(shown, number, text)
        return text

    def _report_damage(self, shown: str, number: int, text: str) -> None:
        column = text.index("\ufffd") + 1
        runs = sum(1 for i, ch in enumerate(text) if ch == "\ufffd" and (i == 0 or text[i - 1] != "\ufffd"))
        self.warn(
            shown,
            number,
            column,
            f"damaged text: {count(runs, 'run')} of U+FFFD replacement characters; the words they touch are skipped",
            "damaged-text",
        )

    def _utf16_blocks(self, chunks: Iterator[bytes], shown: str, codec: str) -> Iterator[Block]:
        # surrogatepass: an unpaired surrogate is read as itself (one character for two
        # bytes), so that its byte offset can be told; it becomes U+FFFD here
        decoder = codecs.getincrementaldecoder(codec)(errors="surrogatepass")
        offset = 0  # of the file: where the next chunk starts
        number = 0
        pending = ""
        #: The invalid units of ``pending``: (index of their U+FFFD, byte offset, what is wrong).
        bad: list[tuple[int, int, str]] = []
        # CR-only line ends: each CR of the text read as an LF (one unit for one); None
        # until a line end decides
        cr: bool | None = None
        for chunk in chunks:
            if self.on_bytes:
                self.on_bytes(len(chunk))
            start = offset
            offset += len(chunk)
            if start == 0:
                chunk, start = chunk[len(codecs.BOM_UTF16_LE) :], len(codecs.BOM_UTF16_LE)
            text, problems = _decode_utf16(decoder, chunk, start)
            bad += [(len(pending) + i, at, what) for i, at, what in problems]
            if cr:
                text = text.replace("\r", "\n")
            pending += text
            if cr is None:
                cr = cr_only(pending)
                if cr:
                    pending = pending.replace("\r", "\n")
            parts = pending.split("\n")
            pending = parts.pop()
            if parts:
                texts = self._utf16_lines(shown, parts, number, bad)
                yield Block(shown, range(number + 1, number + 1 + len(texts)), texts)
                number += len(texts)
                consumed = sum(len(p) + 1 for p in parts)
                bad = [(i - consumed, at, what) for i, at, what in bad if i >= consumed]
        kept, _ = decoder.getstate()
        if kept:  # an odd last byte, a high surrogate at the very end
            text, problems = _utf16_tail(kept, offset - len(kept), codec)
            bad += [(len(pending) + i, at, what) for i, at, what in problems]
            pending += text
        if pending:
            number += 1
            yield Block(
                shown, range(number, number + 1), self._utf16_lines(shown, [pending], number - 1, bad)
            )

    def _utf16_lines(
        self, shown: str, parts: list[str], number: int, bad: list[tuple[int, int, str]]
    ) -> list[str]:
        """The lines ``parts`` (after line ``number``; ``bad`` by index in them joined by
        newlines), the first invalid unit of each reported as for UTF-8, U+FFFD in the
        others as damaged text."""
        texts = []
        start = 0
        k = 0  # the next of ``bad`` (in order)
        for line, part in enumerate(parts, number + 1):
            end = start + len(part)
            text = part.removesuffix("\r")
            if "\x00" in text:  # (as :meth:`_nul_bytes` reads them in UTF-8; told once a file)
                if (shown, "nul-bytes") not in self._warned:
                    self.warn(
                        shown,
                        line,
                        text.index("\x00") + 1,
                        "NUL characters: binary data inside the text? they are read as spaces; give a text file",
                        "nul-bytes",
                    )
                text = text.replace("\x00", " ")
            if k < len(bad) and bad[k][0] < end:
                index, at, what = bad[k]
                self.warn(
                    shown,
                    line,
                    index - start + 1,
                    f"invalid UTF-16 at byte offset {at} ({what}); "
                    "the bad bytes are skipped, the rest of the file is read",
                    "invalid-utf16",
                )
                while k < len(bad) and bad[k][0] < end:
                    k += 1
                texts.append(text)
            else:
                texts.append(self._checked(shown, line, text))
            start = end + 1
        return texts

    def _checked(self, shown: str, number: int, text: str) -> str:
        if "\ufffd" in text:
            self._report_damage(shown, number, text)
        return text

    # ------------------------------------------------------------------
    def _memory_blocks(
        self, path: str | IO[bytes], shown: str | None = None, fmt: str | None = None
    ) -> Iterator[Block]:
        """The blocks of a memory file, or of a memory read into memory (``path`` a
        binary file object, ``shown`` its name and ``fmt`` its format)."""
        name = shown if shown is not None else str(path)
        try:
            registry = importlib.import_module("termkit.formats.registry")
        except ImportError:
            raise FormatError(
                "reading translation memories needs termkit.formats.registry, which this installation "
                "lacks; extract from plain text instead",
                name,
            ) from None
        size = _size(path) if isinstance(path, str) else 0
        fmt = registry.detect_format(path, fmt)
        srclang = _source_language(registry, path, fmt) if self.lang is None else None
        if not isinstance(path, str):
            path.seek(0)  # (the header was read from it)
        # whether a unit had a segment in its source language: until one has, the
        # memory's srclang may name no language of it (a wrong header), and units without
        # one wait (up to LOOK_AHEAD of them): once one has, theirs is no source side; if
        # none has, the order of the segments decides
        seen = False
        held: list[tuple[int, Any]] = []
        held_chars = 0
        # XLIFF's whitespace is layout unless xml:space says otherwise: a pretty-printed
        # target may indent the rest of a wrapped Chinese word
        spaced = fmt == "xliff"
        for n, unit in enumerate(registry.iter_memory(path, fmt), 1):
            unit_src = unit.attrs.get("srclang") or srclang
            if not seen and self.lang is None and unit_src is not None and unit_src != ALL_LANGUAGES:
                seen = _source_key(list(unit.segments), unit_src) is not None
                if not seen and len(held) < LOOK_AHEAD and held_chars < LOOK_AHEAD_CHARS:
                    held.append((n, unit))
                    held_chars += sum(len(getattr(s, "text", "") or "") for s in unit.segments.values())
                    continue
            for m, waiting in held:
                yield from self._unit_block(name, m, waiting, srclang, seen, spaced)
            held = []
            held_chars = 0
            yield from self._unit_block(name, n, unit, srclang, seen, spaced)
        for m, waiting in held:  # no unit had a segment in the source language
            yield from self._unit_block(name, m, waiting, srclang, seen, spaced)
        if self.on_bytes and size:
            self.on_bytes(size)

    def _unit_block(
        self, path: str, n: int, unit: Any, srclang: str | None, seen: bool, spaced: bool = False
    ) -> Iterator[Block]:
        """The block of the ``n``-th unit of a memory: the text on the side asked for
        (``seen``: a unit of the memory had a segment in its source language; ``spaced``:
        spaces around a line break are layout, see :func:`termkit.chinese.join_wrapped_lines`)."""
        tag, text = self._pick(unit.segments, unit.attrs.get("srclang") or srclang, seen)
        if text is None:
            return
        if self.lang is None and self.side is None and _foreign(tag):
            # an Italian or Tibetan side read as English gives Italian phrases and
            # broken syllables for terms; one warning a file, at the first such unit
            if (path, FOREIGN_SIDE) not in self._warned:
                self.warn(
                    path,
                    unit.location.line if unit.location else n,
                    1,
                    f"units whose source side is in {tag} are skipped: termkit extracts English or "
                    "Chinese; give --lang en or --lang zh to read the segments in that language, or "
                    "--side source to read this side whatever its tag says",
                    FOREIGN_SIDE,
                )
            return
        line = unit.location.line if unit.location else n
        numbers: list[int] = []
        texts: list[str] = []
        # (a line break between two Han characters is no gap in a word: 易地扶贫\n搬迁; but
        # outside XLIFF an indented line is a line of its own: a PO message's 无效签名\n  据称)
        for k, piece in join_wrapped_lines(
            split_lines(text) or [""], spaced=spaced, inside_word=self.inside_word
        ):
            number = line + k if unit.location else line
            numbers.append(number)
            # a format placeholder ('%s', {0}) is no word and ends a candidate
            texts.append(mask(self._checked(path, number, piece), " | "))
        yield Block(path, numbers, texts)

    def _pick(
        self, segments: dict[str, object], srclang: str | None = None, seen: bool = False
    ) -> tuple[str, str | None]:
        """The language and text of the segment asked for: in ``self.lang``, else on ``self.side``.

        The source is the segment in ``srclang`` (the memory's source language, when
        the format names it), else the first one; the target the first other one.
        Once a unit of the memory had a segment in ``srclang`` (``seen``), a unit
        without one has no source side: its segments are target text.
        """
        langs = list(segments)
        if not langs:
            return "", None
        chosen: str | None = None
        source: str | None = None
        if self.lang is not None:
            chosen = next((t for t in langs if langtags.matches(t, self.lang)), None)
        else:
            if srclang is not None and srclang != ALL_LANGUAGES:
                source = _source_key(langs, srclang)
            if source is not None or seen:
                chosen = source if self.side != "target" else next((t for t in langs if t != source), None)
            else:  # no source language, or none of the memory's segments in it yet: their order decides
                index = 0 if self.side != "target" else 1
                chosen = langs[index] if index < len(langs) else None
        if chosen is None:
            return "", None
        text = getattr(segments[chosen], "text", None)
        return chosen, text if isinstance(text, str) else None


def _foreign(tag: str) -> bool:
    """Whether a segment's language tag names a language termkit does not extract
    ("it-IT", "bo"); a tag that names none ("und", "x-private", "") is not foreign."""
    if not langtags.is_well_formed(tag):
        return False
    first = langtags.primary(tag)
    return 2 <= len(first) <= 3 and first not in EXTRACTED_LANGUAGES and first not in NO_LANGUAGE


def _source_key(langs: list[str], srclang: str) -> str | None:
    """The language of ``langs`` that serves ``srclang`` (itself, a more specific tag, or a
    compatible one); None if none does."""
    return langtags.pick(langs, srclang) or next((t for t in langs if langtags.compatible(t, srclang)), None)


def _source_language(registry: Any, path: str | IO[bytes], fmt: str) -> str | None:
    """The source language a memory's header names (TMX ``srclang``), or None: the
    other formats give the source segment first (XLIFF ``<source>``, PO ``msgid``)."""
    if fmt != "tmx":
        return None
    srclang = registry.read_header(path, fmt).srclang
    return srclang if isinstance(srclang, str) and srclang != ALL_LANGUAGES else None


def _sniffed_memory(head: bytes) -> str | None:
    """``tmx``, ``xliff`` or ``po`` when the first bytes of standard input are such a
    document (:func:`termkit.formats.registry.sniff_format`), else None."""
    try:
        registry = importlib.import_module("termkit.formats.registry")
    except ImportError:
        return None
    fmt: str | None = registry.sniff_format(head)
    return fmt


def cr_only(head: str | bytes) -> bool | None:
    r"""Whether the line ends of a stream that begins with ``head`` (bytes of UTF-8, or
    decoded text) are CR only: True when ``head`` has a CR not at its very end and no
    LF, False when it has an LF, None when it tells nothing yet (no line end, or one
    CR at the end, which may be the first half of a CRLF).

    The streamed form of :func:`termkit.textio.cr_line_ends`: the first chunk read
    that has a line end (the first 8 KB, in most files) decides for the whole file; an LF further on in a file
    found CR-only ends a line too, and a CR then is one as well.

    >>> cr_only(b"Rain Plan\r\n"), cr_only("Rain Plan\r雨露"), cr_only(b"Rain Plan\r"), cr_only("Rain")
    (False, True, None, None)
    """
    if isinstance(head, bytes):
        if b"\n" in head:
            return False
        return True if head.find(b"\r", 0, len(head) - 1) >= 0 else None
    if "\n" in head:
        return False
    return True if head.find("\r", 0, len(head) - 1) >= 0 else None


def blank_lines(texts: list[str]) -> int:
    """The empty or all-blank lines of ``texts``."""
    return texts.count("") + sum(map(str.isspace, texts))


def _guess_encoding(sample: bytes) -> str | None:
    """What most lines of ``sample`` (invalid UTF-8) are: ``GB18030`` when Chinese in
    GB18030 (or GBK, its subset), ``WINDOWS-1252`` when that decodes them, else None."""
    votes = {"GB18030": 0, "WINDOWS-1252": 0}
    lines = [raw for raw in sample.split(b"\n") if raw]
    for raw in lines:
        try:
            if han_ratio(raw.decode("gb18030")) > 0.3:
                votes["GB18030"] += 1
                continue
        except UnicodeDecodeError:
            pass
        try:
            raw.decode("cp1252")
        except UnicodeDecodeError:
            continue
        votes["WINDOWS-1252"] += 1
    best = max(votes, key=lambda k: votes[k])
    return best if 2 * votes[best] > len(lines) else None


_SURROGATE = re.compile("[\ud800-\udfff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _decode_utf16(decoder: Any, chunk: bytes, at: int) -> tuple[str, list[tuple[int, int, str]]]:
    """``chunk`` (at byte ``at`` of the file) through a surrogatepass ``decoder``, each
    unpaired surrogate become U+FFFD and returned: (its index, its byte offset, what)."""
    kept, _ = decoder.getstate()
    text: str = decoder.decode(chunk)
    if not _SURROGATE.search(text):
        return text, []
    # the text starts at the bytes the decoder kept from the chunk before; a character
    # is two bytes, four beyond the BMP (a pair)
    at -= len(kept)
    problems = []
    before = 0
    for m in _SURROGATE.finditer(text):
        at += 2 * (m.start() - before) + 2 * len(_ASTRAL.findall(text, before, m.start()))
        before = m.start()
        problems.append((m.start(), at, unpaired_surrogate(ord(m.group()))))
    return _SURROGATE.sub("\ufffd", text), problems


def _utf16_tail(data: bytes, at: int, codec: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The last few bytes a UTF-16 decoder kept (``at`` in the file), decoded as
    :func:`_decode_utf16` does: an odd last byte, a high surrogate with nothing after it."""
    text = ""
    problems = []
    while data:
        try:
            text += data.decode(codec)
            break
        except UnicodeDecodeError as exc:
            text += data[: exc.start].decode(codec)
            problems.append((len(text), at + exc.start, utf16_problem(exc)))
            text += "\ufffd"
            data = data[exc.end :]
            at += exc.end
    return text, problems


def _chain(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    yield head
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return
        yield chunk


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def total_size(paths: Iterable[str]) -> int:
    """Bytes to read (0 when unknown, e.g. stdin)."""
    return sum(_size(p) for p in paths if p != STDIO)


def _same_file(path: str, seen: dict[tuple[int, int], str]) -> str | None:
    """The earlier input that ``path`` is the same file as, else None (and ``path`` noted).

    Only regular files count: standard input, a pipe or a device may give new data
    each time, and a path that cannot be read is left to the reading to report.
    """
    if path == STDIO:
        return None
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    identity = (st.st_dev, st.st_ino)
    if identity in seen:
        return seen[identity]
    seen[identity] = path
    return None
