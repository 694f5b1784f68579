"""The one safe way termkit parses XML (TMX, XLIFF, TBX).

Every XML reader goes through this module, so the security rule lives in one
place:

* lxml is set up with ``resolve_entities=False, no_network=True, load_dtd=False,
  dtd_validation=False, huge_tree=False, remove_blank_text=False``: no external
  DTD, entity or network resource is ever fetched;
* a document whose internal DTD subset declares any entity (``<!ENTITY``: the
  shape of XXE and billion-laughs attacks) is **refused** with a
  :class:`~termkit.errors.FormatError` before its body is read.  A plain
  ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` is fine: it is not loaded;
* malformed XML becomes a ``FormatError`` located at ``PATH:LINE:COL``.

Encodings: libxml2 detects UTF-8 and UTF-16 (LE/BE, with or without BOM, per
Appendix F of XML 1.0) and honours the declared encoding (US-ASCII with
character references, ISO-8859-x, GBK...).  :func:`sniff_encoding` does the
same detection in Python for the cheap prolog check.

Use :func:`parse` for small files (a whole tree) and :func:`iterparse` to stream
large ones in constant memory (clear each element after use; see
:func:`release`).
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any, Union

from lxml import etree

from ..errors import FormatError, InputError
from ..textio import STDIO, read_bytes

#: The parser options of every XML read in termkit (see the module docstring).
SAFE_OPTIONS: dict[str, bool] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_blank_text": False,
}

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"

#: What a reader accepts: a path (``-`` is stdin), or a binary file object.
Source = Union[str, "os.PathLike[str]", IO[bytes]]

#: How much of a file's start is decoded to look at its prolog.
_HEAD = 1 << 16

_ENTITY_DECL = re.compile(r"<!ENTITY\b")
_ROOT_START = re.compile(r"<[A-Za-z_:]")


def make_parser() -> etree.XMLParser:
    """A new lxml parser with the safe options (parsers are not thread-safe)."""
    options: dict[str, Any] = dict(SAFE_OPTIONS)
    return etree.XMLParser(**options)


def sniff_encoding(data: bytes) -> str:
    """The encoding of an XML document from its first bytes (BOM or ``<?xml`` pattern).

    >>> sniff_encoding(b"\\xff\\xfe<\\x00?\\x00"), sniff_encoding(b"<\\x00?\\x00x\\x00")
    ('utf-16-le', 'utf-16-le')
    >>> sniff_encoding(b'<?xml version="1.0" encoding="us-ascii"?>')
    'us-ascii'
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    if data.startswith(b"<\x00"):
        return "utf-16-le"
    if data.startswith(b"\x00<"):
        return "utf-16-be"
    match = re.match(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']", data[:200])
    if match:
        name = match.group(1).decode("ascii")
        try:
            return codecs.lookup(name).name
        except LookupError:
            return "utf-8"
    return "utf-8"


def decode_head(data: bytes) -> str:
    """The first bytes of a document as text (for messages and the prolog check)."""
    encoding = sniff_encoding(data)
    if encoding.startswith("utf-16") and len(data) % 2:
        data = data[:-1]
    text = data.decode(encoding, errors="replace")
    return text.lstrip("\ufeff")


def check_prolog(head: bytes, path: str) -> None:
    """Refuse a document whose DOCTYPE declares entities (XXE, billion laughs).

    ``head`` is the start of the file; only the part before the root element is
    looked at, so entity-like text in the body is not a problem.
    """
    text = decode_head(head)
    prolog = _prolog(text)
    match = _ENTITY_DECL.search(prolog)
    if match:
        _refuse_entities(path, *_line_col(prolog, match.start()))


def _prolog(text: str) -> str:
    """The text before the root element's start tag (skipping comments, PIs, DOCTYPE)."""
    pos = 0
    while True:
        match = _ROOT_START.search(text, pos)
        if match is None:
            return text
        start = match.start()
        # inside a comment or the DOCTYPE's internal subset?  skip past it
        comment = text.rfind("<!--", 0, start)
        if comment != -1 and text.find("-->", comment) > start:
            pos = text.find("-->", comment) + 3
            continue
        subset = text.rfind("[", 0, start)
        if "<!DOCTYPE" in text[:start] and subset != -1 and text.find("]", subset) > start:
            pos = text.find("]", subset) + 1
            continue
        return text[:start]


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _refuse_entities(path: str, line: int | None = None, column: int | None = None) -> None:
    raise FormatError(
        "entity declarations in the DOCTYPE are refused (they are the shape of XXE and "
        "billion-laughs attacks); nothing was loaded. Remove the <!ENTITY ...> declarations "
        "or export the file again from its tool",
        path,
        line or 1,
        column or 1,
        rule="xml-entities",
    )


def check_tree_entities(tree: etree._ElementTree, path: str) -> None:
    """Defence in depth: the parsed DTD must declare no entity."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # type: ignore[attr-defined]
        _refuse_entities(path)


def syntax_error(exc: etree.XMLSyntaxError, path: str) -> FormatError:
    """A located FormatError from lxml's syntax error."""
    line, column = getattr(exc, "position", (exc.lineno, (exc.offset or 0) + 1))
    message = (exc.msg or str(exc)).split(" (", 1)[0] if exc.msg else str(exc)
    message = re.sub(r", line \d+, column \d+$", "", message)
    return FormatError(f"malformed XML: {message}", path, line or 1, column or 1, rule="xml-syntax")


def source_name(src: Source) -> str:
    """A printable name for a source (``<stdin>``, the path, or the file object's name)."""
    if isinstance(src, (str, os.PathLike)):
        name = os.fspath(src)
        return "<stdin>" if name == STDIO else name
    label = getattr(src, "name", None)
    return label if isinstance(label, str) else "<input>"


def parse_bytes(data: bytes, path: str = "<input>") -> etree._ElementTree:
    """Parse a whole document safely; FormatError on malformed or unsafe input."""
    check_prolog(data[:_HEAD], path)
    try:
        root = etree.fromstring(data, make_parser())
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path) from None
    tree = root.getroottree()
    check_tree_entities(tree, path)
    return tree


def parse(src: Source) -> etree._ElementTree:
    """Parse a path (``-`` is stdin) or a binary file object into a tree."""
    name = source_name(src)
    data = read_bytes(src) if isinstance(src, (str, os.PathLike)) else src.read()
    return parse_bytes(data, name)


class _Prepended(io.RawIOBase):
    """A read-only stream that yields ``head`` and then the rest of ``fp``."""

    def __init__(self, head: bytes, fp: IO[bytes]) -> None:
        self._head = head
        self._fp = fp

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size is None or size < 0:
                data, self._head = self._head + self._fp.read(), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._fp.read(size)

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _open_source(src: Source) -> tuple[str, Any, bytes]:
    """(name, what to hand to iterparse, head bytes)."""
    name = source_name(src)
    if isinstance(src, (str, os.PathLike)):
        path = os.fspath(src)
        if path == STDIO:
            data = read_bytes(path)
            return name, io.BytesIO(data), data[:_HEAD]
        try:
            with open(path, "rb") as fp:
                head = fp.read(_HEAD)
        except FileNotFoundError:
            raise InputError("no such file", path) from None
        except IsADirectoryError:
            raise InputError("is a directory, not a file", path) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path) from None
        # libxml2 reads the file itself: much faster than a Python file object
        return name, path, head
    head = src.read(_HEAD)
    return name, _Prepended(head, src), head


def iterparse(
    src: Source,
    tags: Iterable[str],
    events: tuple[str, ...] = ("end",),
    root: tuple[str, ...] = (),
    kind: str = "XML",
) -> Iterator[tuple[str, etree._Element]]:
    """Stream ``(event, element)`` pairs for the given tags, safely.

    ``tags`` are lxml tag patterns (``{*}tu`` matches any namespace).  The caller
    should :func:`release` each element it is done with to keep memory constant.
    Syntax errors become located FormatErrors; entity declarations are refused
    before the first element is returned.  With ``root``, a document whose root
    element has another local name is refused as "not a ``kind`` file".
    """
    name, handle, head = _open_source(src)
    check_prolog(head, name)
    context = etree.iterparse(handle, events=events, tag=list(tags), **SAFE_OPTIONS)  # type: ignore[call-overload]
    checked = False
    try:
        for event, element in context:
            if not checked:
                tree = element.getroottree()
                check_tree_entities(tree, name)
                _check_root(tree.getroot(), root, kind, name)
                checked = True
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, name) from None
    if not checked:
        top = getattr(context, "root", None)
        if top is None:
            raise FormatError(f"not a {kind} file: no root element", name, 1, 1, rule="xml-syntax")
        check_tree_entities(top.getroottree(), name)
        _check_root(top, root, kind, name)


def _check_root(element: etree._Element, root: tuple[str, ...], kind: str, path: str) -> None:
    if root and local_name(element) not in root:
        expected = " or ".join(f"<{r}>" for r in root)
        raise FormatError(
            f"not a {kind} file: the root element is <{local_name(element)}>, not {expected}",
            path, line_of(element), 1, rule="xml-root",
        )


def release(element: etree._Element) -> None:
    """Free a streamed element and the already-processed siblings before it."""
    element.clear(keep_tail=True)  # type: ignore[call-arg]
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def line_of(element: etree._Element) -> int:
    """The 1-based line where an element starts (1 when lxml does not know)."""
    line = element.sourceline
    return line if isinstance(line, int) and line > 0 else 1


def local_name(element: etree._Element) -> str:
    """The tag without its namespace (``""`` for comments and PIs)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(element: etree._Element) -> str:
    tag = element.tag
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1:].split("}", 1)[0]
    return ""


def is_element(node: Any) -> bool:
    """True for elements, False for comments, PIs and entities."""
    return isinstance(node.tag, str)


def children(element: etree._Element, name: str) -> list[etree._Element]:
    """Child elements with local name ``name`` (any namespace)."""
    return [c for c in element if local_name(c) == name]


def first_child(element: etree._Element, name: str) -> etree._Element | None:
    for child in element:
        if local_name(child) == name:
            return child
    return None


def text_of(element: etree._Element) -> str:
    """All text inside an element (like XPath ``string()``)."""
    return "".join(str(t) for t in element.itertext())


# --------------------------------------------------------------------------
# Writing: what XML 1.0 can carry


_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def first_invalid_char(text: str) -> int:
    """Offset of the first character XML 1.0 cannot carry, or -1.

    XML 1.0 allows TAB, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and
    U+10000-U+10FFFF; control characters, lone surrogates, U+FFFE and U+FFFF
    cannot be written at all, not even as character references.
    """
    match = _XML_INVALID.search(text)
    return -1 if match is None else match.start()


def require_xml_chars(text: str, what: str, path: str | None = None) -> None:
    """The XML-unsafe-character rule: refuse, naming the unit and the character.

    termkit never drops or replaces such characters silently: writing stops with
    a FormatError naming ``what`` (the unit and the field), the code point and its
    offset, and the output file is left as it was.
    """
    offset = first_invalid_char(text)
    if offset >= 0:
        raise FormatError(
            f"{what}: character U+{ord(text[offset]):04X} at offset {offset} cannot be written in "
            "XML 1.0 (control characters, lone surrogates, U+FFFE and U+FFFF are not allowed); "
            "remove or replace it in the input",
            path,
            rule="xml-char",
        )


_ESCAPE_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ESCAPE_ATTR = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
)


def escape_text(text: str) -> str:
    """Escape character data (``\\r`` as ``&#13;`` so it survives line-end normalisation)."""
    return text.translate(_ESCAPE_TEXT)


def escape_attr(text: str) -> str:
    """Escape a double-quoted attribute value (whitespace kept as character references)."""
    return text.translate(_ESCAPE_ATTR)
