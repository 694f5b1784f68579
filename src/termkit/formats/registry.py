"""One entry point for every translation-memory format: TMX, PO/POT, XLIFF, TSV.

* :func:`detect_format` names the format from the extension (or an explicit name);
* :func:`iter_memory` streams units, :func:`read_memory` reads a whole Memory;
* :func:`write_memory` writes atomically (a failure leaves the old file);
* :func:`open_writer` gives a unit-by-unit writer for any format (streaming for
  TMX and TSV; PO and XLIFF collect the units and write them on ``close``).

PO support lives in :mod:`termkit.formats.po`, imported only when a PO file is
read or written.
"""

from __future__ import annotations

import codecs
import importlib
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Protocol

from ..errors import FormatError, InputError, UsageError
from ..model import EN, ZH, Memory, TranslationUnit
from ..textio import STDIO, atomic_write

#: Format names and the extensions that select them.
EXTENSIONS: dict[str, str] = {
    ".tmx": "tmx",
    ".po": "po",
    ".pot": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".sdlxliff": "xliff",
    ".mqxliff": "xliff",
    ".tsv": "tsv",
}
FORMATS: tuple[str, ...] = ("tmx", "po", "xliff", "tsv")
#: a path (``-`` is stdin) or a binary file object (with the format given)
MemorySource = str | os.PathLike[str] | IO[bytes]


def detect_format(
    path: MemorySource,
    explicit: str | None = None,
    more: Mapping[str, str] | None = None,
    how: str = "give the format explicitly",
) -> str:
    """``tmx``, ``po``, ``xliff`` or ``tsv``: ``explicit`` if given, else from the extension
    (:data:`EXTENSIONS`, and ``more`` of a command's own, such as ``.txt`` for TSV).

    A binary file object (no extension) needs ``explicit``; an unknown extension is a
    UsageError that lists the known ones and says ``how`` else to name the format.
    """
    extensions = {**EXTENSIONS, **more} if more else EXTENSIONS
    name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else STDIO
    if explicit:
        fmt = explicit.lower()
        if fmt in ("xlf", "sdlxliff", "mqxliff"):
            fmt = "xliff"
        if fmt == "pot":
            fmt = "po"
        if fmt not in FORMATS:
            raise UsageError(f"unknown memory format {explicit!r}; use one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(name).suffix.lower()
    if suffix in extensions:
        return extensions[suffix]
    if name == STDIO:
        raise UsageError("reading or writing '-' needs the format: give --from/--to (tmx, po, xliff, tsv)")
    if os.path.isdir(name):  # a folder for a file: that is what to say, not its extension
        raise InputError("is a directory, not a file", name)
    known = " ".join(sorted(extensions))
    raise UsageError(
        f"{name}: cannot tell the memory format from the extension {suffix or '(none)'!r}; "
        f"use one of {known} or {how}"
    )


#: The root element, after the XML declaration, comments, processing instructions
#: and a DOCTYPE (with its internal subset): only the first element names the format.
_XML_ROOT = re.compile(
    r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*+<(?:[A-Za-z_][\w.-]*:)?(tmx|xliff)(?![\w.:-])",
    re.DOTALL,
)
#: The first line of a PO file that is neither blank nor a comment opens an entry.
_PO_FIRST = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*+[ \t]*(?:msgctxt|msgid)[ \t]+\"")
_PO_STR = re.compile(r"^msgstr(?:\[\d+\])?[ \t]+\"", re.MULTILINE)


def sniff_format(data: bytes) -> str | None:
    """``tmx``, ``xliff`` or ``po`` from a file's content (its first 64 KB), else None.

    For an input without a name (``-``, stdin): an XML document whose root (its
    first element) is ``<tmx>`` or ``<xliff>`` (any namespace prefix), or a PO file:
    its first line that is neither blank nor a comment is ``msgid "..."`` (or
    ``msgctxt``), and a ``msgstr "..."`` line follows.  TSV and plain text, which
    may mention either anywhere, are left to the caller (None).

    >>> sniff_format(b'<?xml version="1.0"?>\\n<tmx version="1.4">'), sniff_format(b'msgid "a"\\nmsgstr "b"\\n')
    ('tmx', 'po')
    >>> sniff_format(b"<xliff version='2.0'>"), sniff_format(b"a\\tb\\n") is None
    ('xliff', True)
    >>> sniff_format(b"<!-- note -->\\nA TMX file has a <tmx> root."), sniff_format(b'# How\\n```\\nmsgid "a"\\nmsgstr "b"\\n')
    (None, None)
    """
    head = data[:65536]
    codec = _utf16(head)
    if codec is not None:
        start = 2 if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else 0
        text = head[start : len(head) - (len(head) - start) % 2].decode(codec, errors="replace")
    else:
        text = head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")
    if text.lstrip().startswith("<"):
        m = _XML_ROOT.match(text)
        return m.group(1) if m else None
    if _PO_FIRST.match(text) and _PO_STR.search(text):
        return "po"
    return None


def _utf16(head: bytes) -> str | None:
    """The UTF-16 codec of a document that begins with ``head``: by its byte-order mark,
    or without one by its first character, an ASCII one beside a zero byte (``<`` of
    an XML declaration in UTF-16, as XML 1.0 appendix F tells it); else None."""
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "utf-16-be" if head[0] == 0 else "utf-16-le"
    return None


def _po() -> ModuleType:
    try:
        return importlib.import_module("termkit.formats.po")
    except ModuleNotFoundError as exc:
        if exc.name != "termkit.formats.po":
            raise
        raise FormatError(
            "PO support is missing from this termkit (no termkit.formats.po module)", rule="format-missing"
        ) from None


def iter_memory(
    path: MemorySource,
    fmt: str | None = None,
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    obsolete: bool = False,
) -> Iterator[TranslationUnit]:
    """Stream the units of a memory file (``-`` is stdin, with ``fmt`` given).

    ``src_lang``/``tgt_lang`` only name the columns of a TSV file without a header
    (those not given are told by its text: :func:`~termkit.formats.tsv.headerless_languages`);
    ``obsolete`` keeps the obsolete (``#~``) entries of a PO file (prop ``x-po-obsolete``).
    """
    kind = detect_format(path, fmt)
    if kind == "tmx":
        from .tmx import iter_tmx

        return iter_tmx(path)
    if kind == "xliff":
        from .xliff import iter_xliff

        return iter_xliff(path)
    if kind == "tsv":
        from .tsv import iter_tsv

        return iter_tsv(path, src_lang, tgt_lang)
    units: Iterator[TranslationUnit] = _po().iter_po(path, obsolete=obsolete)
    return units


def read_memory(
    path: MemorySource,
    fmt: str | None = None,
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
) -> Memory:
    """Read a whole memory file."""
    kind = detect_format(path, fmt)
    if kind == "tmx":
        from .tmx import read_tmx

        return read_tmx(path)
    if kind == "xliff":
        from .xliff import read_xliff

        return read_xliff(path)
    if kind == "tsv":
        from .tsv import read_tsv

        return read_tsv(path, src_lang, tgt_lang)
    memory: Memory = _po().read_po(path)
    return memory


def read_header(path: MemorySource, fmt: str | None = None, **options: Any) -> Memory:
    """The header of a memory (languages, props) as an empty Memory, without reading the units.

    Only TMX has a header that can be read apart; other formats are small enough
    and are read whole (the units are dropped).
    """
    kind = detect_format(path, fmt)
    if kind == "tmx":
        from .tmx import read_tmx_header

        return read_tmx_header(path)
    memory = read_memory(path, kind, **options)
    memory.units = []
    return memory


class UnitWriter(Protocol):
    """What :func:`open_writer` returns."""

    def write(self, unit: TranslationUnit) -> None: ...

    def close(self) -> None: ...


class _Collecting:
    """A writer for formats written in one go: collects units, writes on close.

    After ``close``, ``warnings`` says what the PO writer changed so that msgfmt
    accepts the file (entries marked fuzzy, plural forms not written).
    """

    def __init__(self, fp: IO[bytes], fmt: str, header: Memory, path: str | None, **options: Any) -> None:
        self._fp, self._fmt, self._path, self._options = fp, fmt, path, options
        self.warnings: list[str] = []
        self.memory = Memory(
            srclang=header.srclang,
            props=list(header.props),
            notes=list(header.notes),
            segtype=header.segtype,
            datatype=header.datatype,
        )

    def write(self, unit: TranslationUnit) -> None:
        self.memory.units.append(unit)

    def close(self) -> None:
        if self._fmt == "xliff":
            from .xliff import write_xliff

            write_xliff(self._fp, self.memory, path=self._path, **self._options)
        else:
            po = _po()
            report = po.PoReport()
            po.write_po(self._fp, self.memory, tgtlang=self._options.get("tgt_lang"), report=report)
            self.warnings = report.messages()


def open_writer(
    fp: IO[bytes], fmt: str, header: Memory, path: str | None = None, **options: Any
) -> UnitWriter:
    """A unit-by-unit writer of format ``fmt`` whose header comes from ``header``.

    ``options`` go to the format's writer (``date`` for TMX, ``tgt_lang`` for XLIFF and PO).
    """
    if fmt == "tmx":
        from .tmx import TmxWriter

        return TmxWriter(
            fp,
            srclang=header.srclang,
            segtype=header.segtype,
            datatype=header.datatype,
            props=header.props,
            notes=header.notes,
            path=path,
            **options,
        )
    if fmt == "tsv":
        from .tsv import TsvWriter

        langs = list(options.get("languages") or [])
        return TsvWriter(fp, langs or [header.srclang if header.srclang != "*all*" else EN, ZH], path)
    if fmt == "po":
        _po()
    return _Collecting(fp, fmt, header, path, **options)


def write_memory(path: str | os.PathLike[str], memory: Memory, fmt: str | None = None, **options: Any) -> int:
    """Write ``memory`` to ``path`` atomically (``-`` is stdout); returns the unit count."""
    name = os.fspath(path)
    kind = detect_format(name, fmt)
    label = None if name == STDIO else name
    with atomic_write(name) as fp:
        if kind == "tmx":
            from .tmx import write_tmx

            return write_tmx(fp, memory, path=label, **options)
        if kind == "tsv":
            from .tsv import write_tsv

            return write_tsv(fp, memory, path=label)
        if kind == "xliff":
            from .xliff import write_xliff

            return write_xliff(fp, memory, path=label, **options)
        _po().write_po(fp, memory)
        return len(memory.units)
