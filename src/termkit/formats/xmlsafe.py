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

Line ends: a document whose first bytes hold CR and no LF (classic Mac OS line
ends) is read with each CR, and each CRLF further on, made LF (:func:`cr_line_ends`,
:class:`_LineEnds`; an ASCII-compatible encoding only): the same document to XML,
which reads a CR as a line end anyway (section 2.11), but libxml2 counts lines at
LF only, and every location in such a file was line 1.

Use :func:`parse` for small files (a whole tree), :func:`iterparse` to stream
large ones in constant memory (clear each element after use; see
:func:`release`), and :func:`stream_children` for the fastest streaming of a
long list of records under one element (TMX ``<body>``).
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Union

from lxml import etree

from ..errors import FormatError, InputError
from ..textio import STDIO, bom_problem, read_bytes, reading, shown_path

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
    'ascii'
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


def cr_line_ends(head: bytes) -> bool:
    r"""Whether a document that begins with ``head`` ends its lines in CR alone: CR and
    no LF in it, in an encoding that writes ASCII as ASCII (no NUL: not UTF-16 or
    UTF-32, where a 0x0D byte may be half of another character).

    >>> cr_line_ends(b'<?xml version="1.0"?>\r<tmx/>\r'), cr_line_ends(b"<tmx>\r\n</tmx>")
    (True, False)
    >>> cr_line_ends("<tmx/>\r".encode("utf-16-le"))
    False
    """
    return b"\r" in head and b"\n" not in head and b"\x00" not in head


class _LineEnds:
    """CR and CRLF made LF in a document read a part at a time (:func:`cr_line_ends`):
    a CRLF is one line end, as XML reads it, also when the parts split it (a file
    whose first lines end in CR and a later text in CRLF: made LF byte for byte, its
    CRLF was two line ends, an empty line more in the segment)."""

    def __init__(self) -> None:
        self._after_cr = False

    def __call__(self, data: bytes) -> bytes:
        if self._after_cr and data.startswith(b"\n"):
            data = data[1:]  # (the LF of a CRLF whose CR ended the part before)
        self._after_cr = data.endswith(b"\r")
        return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def lf_bytes(data: bytes) -> bytes:
    r"""A whole document's CR and CRLF line ends as LF (:class:`_LineEnds`).

    >>> lf_bytes(b"<a>\r<b>x\r\ny</b>\r</a>")
    b'<a>\n<b>x\ny</b>\n</a>'
    """
    return _LineEnds()(data)


class _LfReader(io.RawIOBase):
    """A read-only stream of ``fp`` with CR and CRLF made LF (:class:`_LineEnds`)."""

    def __init__(self, fp: IO[bytes] | io.RawIOBase) -> None:
        self._fp = fp
        self._ends = _LineEnds()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while True:
            raw = self._fp.read(size)
            data = self._ends(raw or b"")
            if data or not raw:  # (a part that was the LF of a CRLF alone: read on)
                return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._fp.close()
        super().close()


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
    stray = bom_problem(head)
    if stray is not None:
        raise FormatError(stray, path, 1, 1)
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


def check_undeclared(log: Any, path: str) -> None:
    """Refuse an entity reference that no declaration defines (``&copy;``, ``&nbsp;``).

    With a DOCTYPE that names an external DTD, which termkit never reads, libxml2
    takes ``&copy;`` for an entity it cannot see, only warns, and the text would
    silently lose it: this turns the warning in the parser's ``log`` into an error.
    """
    for entry in log:
        if entry.type_name != "WAR_UNDECLARED_ENTITY":
            continue
        found = re.search(r"Entity '([^']+)'", entry.message or "")
        entity = f"&{found.group(1)};" if found else "an entity"
        raise undefined_entity(entity, path, entry.line or 1, entry.column or 1)


def undefined_entity(entity: str, path: str, line: int, column: int) -> FormatError:
    """The error for a reference to an entity no declaration defines (``&copy;``)."""
    return FormatError(
        f"undefined entity {entity} (termkit reads no DTD, so its text would be lost); "
        "write the character itself or a numeric reference such as &#169;",
        path,
        line,
        column,
        rule="xml-entity",
    )


#: A reference to a named entity other than XML's own five (a chunk may end inside one)
_NAMED_REFERENCE = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos);)[A-Za-z_:]")


def check_entity_nodes(elements: Iterable[etree._Element], path: str) -> None:
    """Refuse an entity reference left in a tree (see :func:`check_undeclared`)."""
    for element in elements:
        for node in element.iter(etree.Entity):
            parent = node.getparent()
            found = node.sourceline or (parent.sourceline if parent is not None else None)
            line = found if isinstance(found, int) else 1
            raise undefined_entity(str(node.text), path, line, 1)


def syntax_error(
    exc: etree.XMLSyntaxError, path: str, anchor: tuple[int, int] | None = None, log: Any = None
) -> FormatError:
    """A located FormatError from lxml's syntax error.

    ``anchor``: where :func:`stream_children` put its comment (line, column);
    columns after it on that line are shifted back to the file's own.  ``log``:
    the error log of the parser that raised (its ``feed_error_log`` or
    ``error_log``), where an undefined entity is found when lxml's own error
    says nothing (see below).  An undefined entity is reported as such, at its
    ``&``.
    """
    line, column = getattr(exc, "position", (exc.lineno, (exc.offset or 0) + 1))
    message = (exc.msg or str(exc)).split(" (", 1)[0] if exc.msg else str(exc)
    message = re.sub(r", line \d+, column \d+$", "", message)
    undeclared = _UNDECLARED.match(message) if getattr(exc, "code", None) == _ERR_UNDECLARED_ENTITY else None
    if not line:
        # With resolve_entities=False lxml lets an undefined entity pass, but
        # libxml2 has stopped parsing at it (when no DOCTYPE names an external
        # DTD): what lxml raises at the end ("no element found", no position)
        # says nothing.  The parser's own log has the real error.  (Not the
        # exception's log: that is the thread's, with other parses' errors.)
        found = [e for e in log or () if e.type == _ERR_UNDECLARED_ENTITY]
        entry = found[0] if found else None
        if entry is not None:
            line, column = entry.line, entry.column
            undeclared = _UNDECLARED.match(entry.message or "")
    if anchor is not None and line == anchor[0] and column is not None and column >= anchor[1] + len(_ANCHOR):
        column -= len(_ANCHOR)
    if undeclared is not None and line:
        # libxml2 points just after the reference's ';': point at its '&'
        entity = f"&{undeclared.group(1)};"
        return undefined_entity(entity, path, line, max(1, (column or 1) - len(entity)))
    return FormatError(
        f"malformed XML: {_limit_advice(message)}", path, line or 1, column or 1, rule="xml-syntax"
    )


def _limit_advice(message: str) -> str:
    """libxml2's message of a limit it keeps (``huge_tree=False``) in words a user can act
    on: it says to "use XML_PARSE_HUGE", a parser option no user can set.

    >>> _limit_advice("Excessive depth in document: 256, use XML_PARSE_HUGE option")
    'elements nested more than 256 deep; a file of translations needs a few levels: it is damaged, or not one'
    >>> _limit_advice("Resource limit exceeded: Text node too long, try XML_PARSE_HUGE")
    'a text longer than termkit reads (10 MB); split or shorten it'
    """
    depth = _TOO_DEEP.match(message)
    if depth is not None:
        return (
            f"elements nested more than {depth.group(1)} deep; a file of translations needs a few "
            "levels: it is damaged, or not one"
        )
    for pattern, what, limit in _TOO_LONG:
        if pattern in message:
            return f"{what} longer than termkit reads ({limit}); split or shorten it"
    return message


_TOO_DEEP = re.compile(r"Excessive depth in document: (\d+)")
#: libxml2's limits (without XML_PARSE_HUGE), by the words of its message.
_TOO_LONG = (
    ("Text node too long", "a text", "10 MB"),
    ("AttValue length too long", "an attribute value", "10 MB"),
    ("Name too long", "a name", "50,000 characters"),
    ("XML_PARSE_HUGE", "a text or value", "10 MB"),
    ("Resource limit exceeded", "a text or value", "10 MB"),
)


_ERR_UNDECLARED_ENTITY = etree.ErrorTypes.ERR_UNDECLARED_ENTITY
_UNDECLARED = re.compile(r"Entity '([^']+)' not defined")


def source_name(src: Source) -> str:
    """A printable name for a source (``<stdin>``, the path, or the file object's name)."""
    if isinstance(src, (str, os.PathLike)):
        name = os.fspath(src)
        return shown_path(name)
    label = getattr(src, "name", None)
    return label if isinstance(label, str) else "<input>"


def parse_bytes(data: bytes, path: str = "<input>") -> etree._ElementTree:
    """Parse a whole document safely; FormatError on malformed or unsafe input."""
    check_prolog(data[:_HEAD], path)
    if cr_line_ends(data[:_HEAD]):
        data = lf_bytes(data)
    parser = make_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path, log=parser.error_log) from None
    tree = root.getroottree()
    check_tree_entities(tree, path)
    check_undeclared(parser.error_log, path)
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


def _open_file(path: str) -> IO[bytes]:
    """Open a file for reading; OS errors become InputErrors naming it."""
    with reading(path):
        return open(path, "rb")


def _read_head(fp: IO[bytes], path: str) -> bytes:
    try:
        with reading(path):
            return fp.read(_HEAD)
    except InputError:
        fp.close()
        raise


def _open_source(src: Source) -> tuple[str, Any, bytes]:
    """(name, what to hand to iterparse, head bytes)."""
    name = source_name(src)
    if isinstance(src, (str, os.PathLike)):
        path = os.fspath(src)
        if path == STDIO:
            data = read_bytes(path)
            if cr_line_ends(data[:_HEAD]):
                data = lf_bytes(data)
            return name, io.BytesIO(data), data[:_HEAD]
        with _open_file(path) as fp:
            head = _read_head(fp, path)
        if cr_line_ends(head):
            return name, _LfReader(_open_file(path)), head
        # libxml2 reads the file itself: much faster than a Python file object
        return name, path, head
    head = src.read(_HEAD)
    stream = _Prepended(head, src)
    return name, _LfReader(stream) if cr_line_ends(head) else stream, head


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
    try:
        yield from _iterparse(name, handle, head, tags, events, root, kind)
    finally:
        if isinstance(handle, _LfReader) and isinstance(src, (str, os.PathLike)):
            handle.close()  # (a file it opened; a file object given is the caller's)


def _iterparse(
    name: str,
    handle: Any,
    head: bytes,
    tags: Iterable[str],
    events: tuple[str, ...],
    root: tuple[str, ...],
    kind: str,
) -> Iterator[tuple[str, etree._Element]]:
    check_prolog(head, name)
    context = etree.iterparse(handle, events=events, tag=list(tags), **SAFE_OPTIONS)  # type: ignore[call-overload]
    checked = False
    try:
        for event, element in context:
            tree = element.getroottree()
            check_tree_entities(tree, name)
            _check_root(tree.getroot(), root, kind, name)
            checked = True
            yield event, element
            break
        yield from context  # the rest without a per-event check: this loop is the hot path
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, name, log=context.error_log) from None
    # (at the end: what was read is refused as a whole, and a writer keeps the old file)
    check_undeclared(context.error_log, name)
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
            path,
            line_of(element),
            1,
            rule="xml-root",
        )


#: Bytes handed to libxml2 per feed by :func:`stream_children`; each batch it
#: yields holds the records these bytes complete (a few hundred TMX units).
STREAM_CHUNK = 1 << 16
#: The empty comment :func:`stream_children` puts after the XML declaration.
_ANCHOR = b"<!---->"
_XML_DECL = re.compile(rb"<\?xml[ \t\r\n]")


def stream_children(
    src: Source,
    container: str,
    *,
    root: tuple[str, ...] = (),
    kind: str = "XML",
    on_container: Callable[[etree._Element], None] | None = None,
) -> Iterator[list[etree._Element]]:
    """Stream the children of the ``container`` element (TMX ``<body>``) in batches, safely.

    For documents that are a long list of records under one element.  The
    document is fed to lxml's pull parser :data:`STREAM_CHUNK` bytes at a time;
    after each feed the children of ``container`` that are complete (all but
    the last one) are yielded as one list and then deleted, so memory stays
    flat.  The caller must be done with a batch when it asks for the next one.

    Why not :func:`iterparse`: lxml then calls back into Python for every
    element of the document to match it against the wanted tags, which costs
    more than the rest of a TMX unit's parsing.  Here lxml reports one event
    only: the empty comment ``<!---->`` that is put right after the XML
    declaration (a legal place for it, on the declaration's line; error
    columns are shifted back).  From that comment the root element and
    ``container`` are reached in the tree being built.  A document without an
    XML declaration, or in an encoding that is not ASCII-compatible (UTF-16),
    gets no comment: lxml then reports the start of ``container`` itself,
    which costs the per-element callbacks.

    ``container`` is a local name, looked for among the root's children (any
    depth without the comment).  ``on_container`` is called with it once its
    start tag has been read, when everything before it (TMX ``<header>``) is
    complete.  The last batch is ``[root element]``, holding what the
    container did not: its (then empty) container, what came before and after
    it, or the whole document when it has no container (then read whole).

    Security, the ``root`` check and located syntax errors as for
    :func:`iterparse`; on a syntax error, the children completed before it are
    yielded first (a child that ends right at the error, with no text after
    it, cannot be told from an unfinished one and is left out).  Comments and
    processing instructions among the children are in the batches too.
    """
    name = source_name(src)
    fp, owned, head = _open_stream(src, name)
    try:
        check_prolog(head, name)
        ends = _LineEnds() if cr_line_ends(head) else None
        if ends is not None:
            head = ends(head)
        # only a DOCTYPE lets an undefined entity through (lxml's pull parser keeps no
        # warnings): then, once the bytes show a reference to a named entity other
        # than XML's five, each batch is searched for entity nodes
        doctype = b"<!DOCTYPE" in head
        scan = False
        tail = b""
        data, anchor = _anchored(head)
        options: dict[str, Any] = dict(SAFE_OPTIONS)
        if anchor is None:
            parser = etree.XMLPullParser(events=("start",), tag=f"{{*}}{container}", **options)
        else:
            parser = etree.XMLPullParser(events=("comment",), **options)
        mark: etree._Element | None = None  # the anchor comment
        top: etree._Element | None = None  # the root element, once checked
        box: etree._Element | None = None  # the container
        while data:
            if doctype and not scan:
                # (memchr first: most chunks hold no "&" at all)
                scan = (b"&" in data or b"&" in tail) and _NAMED_REFERENCE.search(tail + data) is not None
                tail = data[-8:]
            try:
                parser.feed(data)
            except etree.XMLSyntaxError as exc:
                yield from _completed(box)
                raise syntax_error(exc, name, anchor, parser.feed_error_log) from None
            if box is None:
                for _event, element in parser.read_events():
                    if not isinstance(element, etree._Element):
                        continue
                    if anchor is None:
                        box = element
                    elif mark is None:
                        mark = element
                if anchor is None:
                    if box is not None:
                        top = _checked_root(box.getroottree().getroot(), root, kind, name)
                elif mark is not None:
                    if top is None:
                        found = next((e for e in mark.itersiblings() if isinstance(e.tag, str)), None)
                        top = None if found is None else _checked_root(found, root, kind, name)
                    if top is not None:
                        box = next((e for e in top if local_name(e) == container), None)
                if box is not None and on_container is not None:
                    on_container(box)
            elif anchor is not None:
                for _ in parser.read_events():  # comments in the body: not kept around
                    pass
            if box is not None:
                done = _children(box, -1)
                if done:
                    if scan:
                        check_entity_nodes(done, name)
                    yield done
                    count = len(done)
                    done.clear()  # no proxy left: lxml frees the subtrees at once
                    del box[:count]
            data = _read(fp, name)
            while ends is not None and data:
                lf = ends(data)
                if lf:  # (else a part that was the LF of a CRLF alone: read on)
                    data = lf
                    break
                data = _read(fp, name)
        try:
            document = parser.close()
        except etree.XMLSyntaxError as exc:
            yield from _completed(box)
            raise syntax_error(exc, name, anchor, parser.feed_error_log) from None
        if top is None:
            top = _checked_root(document, root, kind, name)
        if box is not None:
            done = _children(box, None)
            if done:
                if scan:
                    check_entity_nodes(done, name)
                yield done
                del box[:]
        if scan:  # what is left: the root and the header
            check_entity_nodes([top], name)
        yield [top]
    finally:
        if owned:
            fp.close()


def _completed(box: etree._Element | None) -> Iterator[list[etree._Element]]:
    """The children of a container that a syntax error left complete.

    All but the last, and the last too when text follows it (an element still
    open has no tail).
    """
    if box is not None and len(box):
        done = _children(box, None if box[-1].tail is not None else -1)
        if done:
            yield done


def _children(box: etree._Element, stop: int | None) -> list[etree._Element]:
    """``box[:stop]``: lxml slices in C (its stubs only know integer indexes)."""
    return box[:stop]  # type: ignore[index,return-value]


def _checked_root(element: etree._Element, root: tuple[str, ...], kind: str, path: str) -> etree._Element:
    check_tree_entities(element.getroottree(), path)
    _check_root(element, root, kind, path)
    return element


def _open_stream(src: Source, name: str) -> tuple[IO[bytes], bool, bytes]:
    """(binary file to read on from, whether to close it, the first bytes already read from it)."""
    if isinstance(src, (str, os.PathLike)):
        path = os.fspath(src)
        if path == STDIO:
            data = read_bytes(path)
            return io.BytesIO(data[_HEAD:]), True, data[:_HEAD]
        fp = _open_file(path)
        return fp, True, _read_head(fp, path)
    return src, False, src.read(_HEAD)


def _read(fp: IO[bytes], path: str) -> bytes:
    with reading(path):
        return fp.read(STREAM_CHUNK)


def _anchored(head: bytes) -> tuple[bytes, tuple[int, int] | None]:
    """``head`` with the anchor comment after its XML declaration, and where it went (line, column).

    Only when the document starts with an XML declaration (after an optional
    UTF-8 byte order mark) and its encoding writes ASCII as ASCII; otherwise
    ``head`` unchanged and None.
    """
    start = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    if not _XML_DECL.match(head, start):
        return head, None
    encoding = "utf-8" if start else sniff_encoding(head)
    try:
        ascii_compatible = "<!---->?>".encode(encoding) == b"<!---->?>"
    except (LookupError, UnicodeError):
        ascii_compatible = False
    end = head.find(b"?>", start)
    if not ascii_compatible or end < 0:
        return head, None
    end += 2
    line = head.count(b"\n", 0, end) + 1
    column = end - max(head.rfind(b"\n", 0, end) + 1, start) + 1
    return head[:end] + _ANCHOR + head[end:], (line, column)


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
    if not len(element):  # no element, comment, PI or entity inside: its text is all (and costs no iterator)
        return element.text or ""
    return "".join(str(t) for t in element.itertext())


# --------------------------------------------------------------------------
# Writing: what XML 1.0 can carry


#: One character XML 1.0 cannot carry (see :func:`first_invalid_char`).
XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def first_invalid_char(text: str) -> int:
    """Offset of the first character XML 1.0 cannot carry, or -1.

    XML 1.0 allows TAB, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and
    U+10000-U+10FFFF; control characters, lone surrogates, U+FFFE and U+FFFF
    cannot be written at all, not even as character references.
    """
    match = XML_INVALID.search(text)
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


def escape_text(text: str) -> str:
    """Escape character data (``\\r`` as ``&#13;`` so it survives line-end normalisation)."""
    # chained str.replace runs in C and is several times faster than str.translate
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def escape_attr(text: str) -> str:
    """Escape a double-quoted attribute value (whitespace kept as character references)."""
    text = escape_text(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#9;")
    return text
