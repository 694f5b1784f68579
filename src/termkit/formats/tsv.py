"""A translation memory as TSV: one unit per line, one language per column.

The first line names the languages (``en<TAB>zh-CN``); every other line is a
unit, ``source<TAB>target`` (more columns for more target languages)::

    en	zh-CN
    Rain Plan	雨露计划
    Entire village advancement	整村推进

Escapes: a TAB, line feed, carriage return or backslash inside a segment is
written ``\\t``, ``\\n``, ``\\r``, ``\\\\`` and read back.  An empty cell means the
unit has no segment in that language (so an empty segment is not kept).  Notes,
props and inline codes have no column (TMX or XLIFF keep them).  UTF-8 without
BOM, LF line ends; a BOM or CRLF is accepted on reading.

A file without a header line is read with the languages given to the reader; by
default English and Chinese, the Chinese column the one that holds Chinese text
(``zh-CN``, or ``zh-Hant`` in Traditional characters; :func:`headerless_languages`):
the first line is a header only if it has two
cells or more and every cell is shaped like a language tag with a two- or
three-letter language (``en``, ``zh-CN``, ``yue-HK``).  termkit always writes
the header (with two languages at least).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from typing import IO

from .. import langtags
from ..bitext import column_languages, is_language_header
from ..errors import FormatError
from ..model import EN, ZH, Location, Memory, Segment, TranslationUnit, complete_direction
from ..textio import decode, read_bytes, split_lines
from .xmlsafe import Source, source_name

_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
_UNESCAPE = re.compile(r"\\(.)")
_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def escape(text: str) -> str:
    r"""TAB, LF, CR and backslash as ``\t``, ``\n``, ``\r``, ``\\``.

    >>> escape("a\tb\\c")
    'a\\tb\\\\c'
    """
    return text.translate(_ESCAPE)


def unescape(text: str) -> str:
    r"""Undo :func:`escape`; an unknown escape (``\x``) is kept as written."""
    if "\\" not in text:
        return text
    return _UNESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def _read_text(src: Source) -> tuple[str, str]:
    name = source_name(src)
    data = read_bytes(src) if isinstance(src, (str, os.PathLike)) else src.read()
    return name, decode(data, name)


def iter_tsv(
    src: Source, src_lang: str | None = None, tgt_lang: str | None = None
) -> Iterator[TranslationUnit]:
    """Units from a TSV memory; each unit's location is its line."""
    yield from _read(src, src_lang, tgt_lang)[1]


def read_tsv(src: Source, src_lang: str | None = None, tgt_lang: str | None = None) -> Memory:
    """A whole TSV memory; ``srclang`` is the first column's language."""
    langs, units = _read(src, src_lang, tgt_lang)
    return Memory(srclang=langs[0], units=list(units))


def _read(
    src: Source, src_lang: str | None, tgt_lang: str | None
) -> tuple[list[str], Iterator[TranslationUnit]]:
    name, text = _read_text(src)
    # (not str.splitlines(), which would also split on U+0085, U+2028... inside segments)
    lines = split_lines(text)
    first = lines[0].split("\t") if lines else []
    if first and is_language_header(first):
        langs = [langtags.normalize(c) for c in first]
        start = 1
        if len(set(langs)) != len(langs):
            raise FormatError("the header names a language twice", name, 1, 1, rule="tsv-header")
    else:
        _refuse_other_format(text, name)
        langs = [langtags.normalize(lang) for lang in headerless_languages(lines, src_lang, tgt_lang)]
        start = 0
    return langs, _units(lines, start, langs, name, header=start == 1)


def headerless_languages(lines: list[str], src_lang: str | None, tgt_lang: str | None) -> tuple[str, str]:
    """The languages of the two columns of a TSV without a header: those given, the
    others told by its text (:func:`~termkit.bitext.column_languages`,
    :func:`~termkit.model.complete_direction`): by default English and Chinese, the
    Chinese one the column that holds Chinese text (a Chinese first column is a zh→en
    memory), ``zh-CN`` or ``zh-Hant`` by its script."""
    if src_lang is not None and tgt_lang is not None:
        return src_lang, tgt_lang
    rows = [line.split("\t") for line in itertools.islice((x for x in lines if "\t" in x), 500)]
    return complete_direction(
        src_lang, tgt_lang, column_languages((r[0] for r in rows), (r[1] for r in rows))
    )


def _refuse_other_format(text: str, name: str) -> None:
    """A FormatError when a text without a header is a TMX, XLIFF or PO file
    (:func:`~termkit.formats.registry.sniff_format`: an XML root ``<tmx>`` or
    ``<xliff>``, or ``msgid``/``msgstr`` lines first), read with ``--from tsv``: each
    of its lines would become a unit, its markup the text."""
    from .registry import sniff_format

    found = sniff_format(text[:65536].encode("utf-8"))
    if found is not None:
        shown = "XLIFF" if found == "xliff" else found.upper()
        raise FormatError(
            f"this is a {shown} file, not TSV: read it as {found} (--from {found}, or no "
            "--from with its own extension)",
            name,
            1,
            1,
            rule="tsv-not-tsv",
        )


def _units(
    lines: list[str], start: int, langs: list[str], name: str, header: bool = True
) -> Iterator[TranslationUnit]:
    for lineno, line in enumerate(lines[start:], start + 1):
        if not line.strip("\t"):
            continue  # no cell has text; spaces (incl. U+3000) are text and are kept
        cells = line.split("\t")
        if len(cells) > len(langs):
            raise FormatError(
                _too_many_columns(len(cells), langs, header),
                name,
                lineno,
                len("\t".join(cells[: len(langs)])) + 1,
                rule="tsv-columns",
            )
        unit = TranslationUnit(location=Location(name, lineno))
        for lang, cell in zip(langs, cells, strict=False):
            if cell:
                unit.segments[lang] = Segment(unescape(cell))
        yield unit


def _too_many_columns(found: int, langs: list[str], header: bool) -> str:
    """The message for a line of ``found`` cells where the TSV has ``len(langs)`` columns:
    a file without a header line has two, of the languages given or told from its text,
    which no header named (Tatoeba's ``en<TAB>zh<TAB>attribution``)."""
    listed = ", ".join(langs)
    if header:
        return (
            f"{found} columns but the header names {len(langs)} languages ({listed}); "
            "escape a TAB inside a segment as \\t"
        )
    return (
        f"{found} columns but a TSV without a header line has {len(langs)} ({listed}); "
        "add a first line naming the language of each column (en<TAB>zh-CN<TAB>...), "
        "remove the extra columns, or escape a TAB inside a segment as \\t"
    )


class TsvWriter:
    """Write a TSV memory line by line (the header first)."""

    def __init__(self, fp: IO[bytes], languages: list[str], path: str | None = None) -> None:
        self._fp = fp
        self._path = path
        self._langs = [langtags.normalize(lang) for lang in languages]
        self._count = 0
        fp.write(("\t".join(self._langs) + "\n").encode("utf-8"))

    def write(self, unit: TranslationUnit) -> None:
        self._count += 1
        segments = {langtags.normalize(k): v for k, v in unit.segments.items()}
        extra = sorted(set(segments) - set(self._langs))
        if extra:
            raise FormatError(
                f"unit {self._count} has a segment in {', '.join(extra)} but the TSV columns are "
                f"{', '.join(self._langs)}",
                self._path,
                rule="tsv-columns",
            )
        cells = [escape(segments[lang].text) if lang in segments else "" for lang in self._langs]
        line = "\t".join(cells).rstrip("\t") + "\n"
        try:
            self._fp.write(line.encode("utf-8"))
        except UnicodeEncodeError as exc:
            raise FormatError(
                f"unit {self._count}: character U+{ord(line[exc.start]):04X} (a lone surrogate) cannot be "
                "written in UTF-8; remove it in the input",
                self._path,
                rule="xml-char",
            ) from None

    def close(self) -> None:
        """Nothing to finish (kept for symmetry with the XML writers)."""

    @property
    def count(self) -> int:
        return self._count


def write_tsv(fp: IO[bytes], memory: Memory, path: str | None = None) -> int:
    """Write ``memory`` as TSV; the columns are srclang, then the other languages."""
    langs = memory.languages()
    if memory.srclang in langs:
        langs.remove(memory.srclang)
        langs.insert(0, memory.srclang)
    if not langs:
        langs = [memory.srclang if memory.srclang != "*all*" else EN]
    if len(langs) < 2:  # the header always names two languages or more
        langs.append(ZH if langs[0] != ZH else EN)
    writer = TsvWriter(fp, langs, path)
    for unit in memory.units:
        writer.write(unit)
    return writer.count
