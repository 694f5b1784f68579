"""Reading text and writing files safely.

* :func:`decode` turns bytes into text: UTF-8 (a BOM is dropped), UTF-16 with a
  BOM; anything else (UTF-32 too) is an :class:`~termkit.errors.InputError` that names the byte
  offset, line and column of the first bad byte.
* :func:`split_lines` is what termkit calls the lines of a text, the ones its
  ``PATH:LINE:COL`` locations count: split at LF (a CR before it dropped), or at
  CR in a text that has CR and no LF at all (classic Mac OS line ends).
* :func:`atomic_write` writes to a temporary file beside the target and renames it
  over the target only when writing succeeded, so a failure leaves the old file;
  the temporary files a writer killed midway left (``.NAME.PID.*.tmp``, of a PID
  that is gone) are removed by the next write of the file
  (:func:`remove_stale_temps`).
* :func:`same_file` tells whether two paths name one file, however spelled, so that
  an output is never one of the inputs it is made from.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import json
import os
import re
import shlex
import shutil
import stat
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from .chinese import HAN, han_ratio
from .errors import InputError

STDIO = "-"
#: What standard input (``-``) is called in every message and location (``<stdin>:3:1``),
#: as gcc and Python call it: a ``-`` there would read as a file named ``-``.
STDIN_NAME = "<stdin>"
#: The strerror of the OSError a write to a closed standard output raises (see :func:`stdout_bytes`).
STDOUT_CLOSED = "standard output is closed"


def shown_path(path: str | os.PathLike[str]) -> str:
    """The name of an input in messages and locations: the path as given, or
    :data:`STDIN_NAME` for ``-`` (standard input).

    >>> shown_path("-"), shown_path("doc.en.txt")
    ('<stdin>', 'doc.en.txt')
    """
    name = os.fspath(path)
    return STDIN_NAME if name == STDIO else name


def binary_file_problem(head: bytes) -> str:
    """Why a file whose first bytes ``head`` hold NUL bytes is refused: binary data, or
    text in UTF-16 without the byte-order mark that tells it.

    >>> binary_file_problem("Rain Plan".encode("utf-16-le"))
    'UTF-16 text without a byte-order mark (BOM)? re-save it as UTF-8, or as UTF-16 with a BOM'
    >>> binary_file_problem(bytes(range(256)))
    'binary file (NUL bytes), not text; give a UTF-8 text file'
    """
    even, odd = head[0::2], head[1::2]
    for codec, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if len(head) < 4 or other.count(0) > 0.1 * len(other):
            continue
        # mostly Latin text: nearly every other byte NUL; English and Chinese text (whose
        # characters have no NUL byte): fewer, but the bytes read as UTF-16 are text
        share = nuls.count(0) / len(nuls)
        if share >= 0.9 or (len(head) >= 16 and share >= 0.3 and _utf16_text(head, codec)):
            return "UTF-16 text without a byte-order mark (BOM)? re-save it as UTF-8, or as UTF-16 with a BOM"
    return "binary file (NUL bytes), not text; give a UTF-8 text file"


def _utf16_text(head: bytes, codec: str) -> bool:
    """Whether ``head`` reads in ``codec`` as text: no control character but TAB, LF, CR,
    no unpaired surrogate or unassigned code point (the end may cut a character)."""
    text = head[: len(head) - len(head) % 2].decode(codec, errors="replace")
    if text.endswith("\ufffd"):
        text = text[:-1]
    return bool(text) and all(
        ch in "\t\n\r" or (unicodedata.category(ch) not in ("Cc", "Cs", "Cn", "Co") and ch != "\ufffd")
        for ch in text
    )


def utf8_behind_utf16_bom(head: bytes) -> str | None:
    """Why ``head`` (a file's first bytes) cannot be read, when it is UTF-8 text behind a
    UTF-16 byte-order mark (a tool that wrote the mark, then the text in UTF-8): read
    as UTF-16 it would be a page of CJK-looking nonsense, without an error.

    UTF-16 text has NUL bytes (every ASCII character, every line break has one) and is
    seldom valid UTF-8; text that has no NUL and is valid UTF-8 is UTF-8, unless it
    reads with a control character (but TAB, LF, CR, FF), as the UTF-16 of Chinese
    alone without a line break often does (我必须真正地坚持住。 in UTF-16BE is valid
    UTF-8 with U+0011 and U+001F in it): that is UTF-16.

    >>> utf8_behind_utf16_bom(b"\\xff\\xfe" + "Rain Plan, 雨露计划\\n".encode())
    'a UTF-16 byte-order mark (bytes FF FE) before UTF-8 text; delete those two bytes (save the file as UTF-8)'
    >>> utf8_behind_utf16_bom(codecs.BOM_UTF16_LE + "Rain Plan, 雨露计划\\n".encode("utf-16-le")) is None
    True
    """
    for bom, name in ((codecs.BOM_UTF16_LE, "FF FE"), (codecs.BOM_UTF16_BE, "FE FF")):
        rest = head[len(bom) : 8192] if head.startswith(bom) else b""
        if len(rest) < 16 or b"\x00" in rest:
            continue
        try:
            text = codecs.getincrementaldecoder("utf-8")().decode(
                rest
            )  # (a character cut at the end is no error)
        except UnicodeDecodeError:
            continue
        if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f" for ch in text):
            continue
        return f"a UTF-16 byte-order mark (bytes {name}) before UTF-8 text; delete those two bytes (save the file as UTF-8)"
    return None


def utf32_problem(head: bytes) -> str | None:
    """Why a file whose first bytes ``head`` are a UTF-32 byte-order mark cannot be
    read: termkit reads UTF-8 and UTF-16, and read as UTF-16 (whose mark FF FE
    begins FF FE 00 00) UTF-32 text is text and NUL characters, and UTF-8 text behind
    the mark CJK-looking nonsense.  (UTF-16 text does not begin with U+0000.)

    >>> utf32_problem("Rain Plan".encode("utf-32"))
    'UTF-32 text (byte-order mark FF FE 00 00), which termkit does not read; re-save the file as UTF-8'
    >>> utf32_problem(codecs.BOM_UTF32_BE + "Rain Plan, 雨露计划".encode())
    'a UTF-32 byte-order mark (bytes 00 00 FE FF) before UTF-8 text; delete those four bytes (save the file as UTF-8)'
    >>> utf32_problem(codecs.BOM_UTF16_LE + "Rain Plan".encode("utf-16-le")) is None
    True
    """
    for bom, name in ((codecs.BOM_UTF32_LE, "FF FE 00 00"), (codecs.BOM_UTF32_BE, "00 00 FE FF")):
        if not head.startswith(bom):
            continue
        rest = head[len(bom) : 8192]
        try:
            codecs.getincrementaldecoder("utf-8")().decode(rest)  # (a character cut at the end is no error)
        except UnicodeDecodeError:
            rest = b"\x00"
        if rest and b"\x00" not in rest:
            return (
                f"a UTF-32 byte-order mark (bytes {name}) before UTF-8 text; "
                "delete those four bytes (save the file as UTF-8)"
            )
        return f"UTF-32 text (byte-order mark {name}), which termkit does not read; re-save the file as UTF-8"
    return None


def bom_problem(head: bytes) -> str | None:
    """Why a file whose first bytes are ``head`` cannot be read for its byte-order
    mark: a UTF-32 one (:func:`utf32_problem`), or a UTF-16 one before UTF-8 text
    (:func:`utf8_behind_utf16_bom`); None when its mark, if any, is the text's."""
    return utf32_problem(head) or utf8_behind_utf16_bom(head)


def decode(data: bytes, path: str = "<input>") -> str:
    """Decode file content as UTF-8 or BOM-marked UTF-16; never guess silently."""
    stray = bom_problem(data[:8192])
    if stray is not None:
        raise InputError(stray, path, 1, 1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = utf16_codec(data)
        bom = len(codecs.BOM_UTF16_LE)
        try:
            text = data[bom:].decode(codec)
        except UnicodeDecodeError as exc:
            # (offsets of the text after the BOM: the file's are the BOM's two bytes more)
            before = data[bom : bom + exc.start].decode(codec)
            nl = "\r" if cr_line_ends(data[bom:].decode(codec, errors="replace")) else "\n"
            raise InputError(
                f"invalid UTF-16 at byte offset {bom + exc.start} ({utf16_problem(exc)}); "
                "re-save the file as UTF-8",
                path,
                before.count(nl) + 1,
                len(before) - before.rfind(nl),
            ) from None
        if "\x00" in text:
            before = text[: text.index("\x00")]
            nl = "\r" if cr_line_ends(text) else "\n"
            raise InputError(_NUL_IN_TEXT, path, before.count(nl) + 1, len(before) - before.rfind(nl))
        return text
    nul = data.find(b"\x00")
    if 0 <= nul < 8192:
        raise InputError(binary_file_problem(data[:8192]), path, 1, 1)
    if nul >= 0:
        # (text that a NUL byte would go through with: no output format can carry it)
        raise InputError(_NUL_IN_TEXT, path, *_byte_location(data, nul))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        eol = b"\r" if cr_line_ends(data) else b"\n"
        line_end = data.find(eol, exc.start)
        raise InputError(
            f"invalid UTF-8 at byte offset {exc.start} (byte 0x{data[exc.start]:02x}); "
            + _resave_advice(data[exc.start : line_end if line_end >= 0 else len(data)], path),
            path,
            *_byte_location(data, exc.start),
        ) from None


_NUL_IN_TEXT = "NUL character: a text file holds none (a damaged file?); delete it"


def _byte_location(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of byte ``offset`` of UTF-8 ``data``."""
    eol = b"\r" if cr_line_ends(data) else b"\n"
    line = data.count(eol, 0, offset) + 1
    line_start = data.rfind(eol, 0, offset) + 1
    return line, len(data[line_start:offset].decode("utf-8", errors="replace")) + 1


def _resave_advice(rest: bytes, path: str) -> str:
    """What to do with a file that is not UTF-8: re-save it; and how, when the rest of
    the line from its first bad byte, ``rest``, reads as Chinese in GB18030 (which
    covers GBK and GB2312): two Han characters at least, more than half its letters
    (a Latin-1 "Ça va" would read as one Han character and "a va")."""
    try:
        text = rest.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    chinese = len(HAN.findall(text)) >= 2 and han_ratio(text) > 0.5
    if not chinese:
        return "re-save the file as UTF-8"
    how = f"iconv -f GB18030 -t UTF-8 {shlex.quote(path)} > {shlex.quote(converted_name(path))}"
    if path == STDIN_NAME:
        how = "iconv -f GB18030 -t UTF-8 FILE"
    return f"Chinese in GB18030/GBK? re-save the file as UTF-8, e.g. {how}"


def converted_name(path: str) -> str:
    """Where to write the UTF-8 copy of ``path``: ``report.txt`` -> ``report.utf8.txt``."""
    p = Path(path)
    return str(p.with_name(f"{p.stem}.utf8{p.suffix}"))


def cr_line_ends(data: str | bytes) -> bool:
    r"""Whether the lines of a whole text (or of the bytes of a UTF-8 file) end in CR
    only, as classic Mac OS wrote them (Excel for Mac's "CSV (Macintosh)" still
    does): it has CR and no LF at all.  In a text with an LF, a CR is text.

    >>> cr_line_ends("Rain Plan\r雨露计划\r"), cr_line_ends("Rain Plan\r\n"), cr_line_ends(b"a\rb")
    (True, False, True)
    """
    if isinstance(data, bytes):
        return b"\r" in data and b"\n" not in data
    return "\r" in data and "\n" not in data


def lf_line_ends(text: str) -> str:
    r"""``text`` with CR line ends made LF when they are CR only (:func:`cr_line_ends`),
    else ``text`` itself: one character for one, so offsets and columns stay the
    file's, and code that looks for LF finds the line ends.

    >>> lf_line_ends("a\rb\r"), lf_line_ends("a\rb\nc")
    ('a\nb\n', 'a\rb\nc')
    """
    return text.replace("\r", "\n") if cr_line_ends(text) else text


#: A line end of a text: LF, CRLF or CR alone.
LINE_END = re.compile(r"\r\n|\r|\n")


def lf_text(text: str) -> str:
    r"""``text`` with each CRLF and CR alone made LF (:data:`LINE_END`), wherever it is.

    >>> lf_text("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def split_lines(text: str) -> list[str]:
    r"""The lines of a text, numbered from 1 in every ``PATH:LINE:COL`` termkit reports.

    Split at LF, one CR before it dropped (CRLF), as ``grep -n`` and ``sed -n``
    count; a text with CR and no LF at all is split at CR (:func:`cr_line_ends`).
    A CR elsewhere, U+2028, U+0085 and FF are text, not breaks (unlike
    :meth:`str.splitlines`).  A line end at the very end starts no line.

    >>> split_lines("a\r\nb\u2028c\n"), split_lines("a\rb\r"), split_lines("a\rb\nc")
    (['a', 'b\u2028c'], ['a', 'b'], ['a\rb', 'c'])
    """
    lines = lf_line_ends(text).split("\n")
    if "\r" in text:
        lines = [line.removesuffix("\r") for line in lines]
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def utf16_codec(data: bytes) -> str:
    """``utf-16-be`` for data that starts with a big-endian BOM, else ``utf-16-le``."""
    return "utf-16-be" if data.startswith(codecs.BOM_UTF16_BE) else "utf-16-le"


def utf16_problem(exc: UnicodeDecodeError) -> str:
    """What is wrong with the bytes a UTF-16 decoder refused, for a message.

    >>> try:
    ...     bytes.fromhex("6100 00d8 6200").decode("utf-16-le")
    ... except UnicodeDecodeError as exc:
    ...     utf16_problem(exc)
    'an unpaired surrogate, 0xD800'
    >>> try:
    ...     bytes.fromhex("6100 62").decode("utf-16-le")
    ... except UnicodeDecodeError as exc:
    ...     utf16_problem(exc)
    'an odd last byte: UTF-16 has two bytes a unit'
    """
    bad = exc.object[exc.start : exc.end]
    if len(bad) < 2:
        return ODD_BYTE
    unit = int.from_bytes(bad[:2], "big" if exc.encoding.replace("_", "-").endswith("be") else "little")
    return unpaired_surrogate(unit) + (f", then {ODD_BYTE}" if len(bad) % 2 else "")


ODD_BYTE = "an odd last byte: UTF-16 has two bytes a unit"


def unpaired_surrogate(unit: int) -> str:
    """A UTF-16 unit 0xD800-0xDFFF without its other half, for a message."""
    return f"an unpaired surrogate, 0x{unit:04X}"


def decode_lenient(data: bytes, path: str = "<input>") -> tuple[str, list[InputError]]:
    """Like :func:`decode`, but replace undecodable bytes and return the problems.

    Used where the rest of the input must still be processed (term extraction).
    """
    try:
        return decode(data, path), []
    except InputError as exc:
        if "binary file" in exc.message or "UTF-16" in exc.message:
            raise
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        return data.decode("utf-8", errors="replace"), [exc]


@contextlib.contextmanager
def reading(path: str) -> Iterator[None]:
    """Turn the OS errors of reading ``path`` into InputErrors naming it."""
    try:
        yield
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a file (``-`` is stdin) and turn OS errors into located InputErrors."""
    name = os.fspath(path)
    with open_bytes(name) as fp, reading(shown_path(name)):
        # (a read fails too: stdin opened for writing only, "0>FILE", is EBADF)
        return fp.read()


@contextlib.contextmanager
def open_bytes(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Open a file for reading bytes (``-`` is stdin, left open); OS errors become InputErrors.

    For readers that stream a large file instead of reading it whole.
    """
    name = os.fspath(path)
    if name == STDIO:
        if sys.stdin is None:  # (started with standard input closed: "<&-")
            raise InputError("cannot read: standard input is closed", STDIN_NAME)
        yield sys.stdin.buffer
        return
    with reading(name):
        fp = Path(name).open("rb")  # noqa: SIM115 - closed by the with below
    with fp:
        yield fp


def read_text(path: str | os.PathLike[str]) -> str:
    """Read and decode a text file (``-`` is stdin)."""
    name = os.fspath(path)
    return decode(read_bytes(name), shown_path(name))


def read_lines(path: str | os.PathLike[str]) -> list[str]:
    """The lines of a text file (``-`` is stdin), as :func:`split_lines` tells them."""
    return split_lines(read_text(path))


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "wb") -> Iterator[IO[bytes]]:
    """Open a temporary file beside ``path``; rename it over ``path`` on success.

    ``-`` writes to stdout directly.  On any exception the temporary file is
    removed and ``path`` is left as it was.  A symbolic link is written through
    (the file it points to is replaced, the link stays); a device, pipe or socket
    (``/dev/null``, ``/dev/stdout``, a FIFO) is written to directly, never replaced.
    """
    name = os.fspath(path)
    if name == STDIO:
        out = stdout_bytes()
        yield out
        out.flush()
        return
    if os.path.islink(name):
        name = os.path.realpath(name)
    if _is_special(name):
        try:
            fp = Path(name).open(mode)  # noqa: SIM115 - closed by the with below
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", name) from None
        try:
            with fp:
                yield fp
        except OSError as exc:
            if exc.filename is not None or isinstance(exc, BrokenPipeError):
                raise  # (not this file's: a file read while writing)
            raise InputError(f"cannot write: {exc.strerror or exc}", name) from None
        return
    target = Path(name)
    fd, tmp = _temp_beside(name)
    try:
        with os.fdopen(fd, mode) as fp:
            yield fp
            fp.flush()
            os.fsync(fp.fileno())
        _copy_mode(tmp, target)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if exc.filename is not None and exc.filename not in (tmp, os.fspath(target)):
            raise  # (not this file's: a file read while writing)
        # a full disk, a quota, an I/O error: one located line, the old file intact
        raise InputError(f"cannot write: {exc.strerror or exc}; the file was left as it was", name) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_files_atomic(files: Sequence[tuple[str | os.PathLike[str], bytes]]) -> None:
    """Write several files as one: all of them replaced, or none.

    Each file is first written to a temporary file beside it (as :func:`atomic_write`
    does); only when all are written are they renamed over their targets, and a
    rename that fails (a target that is a folder, a read-only folder) puts back the
    files already replaced (from hard links kept to the old ones) and removes the
    new ones that had no old file.  A device or pipe among the targets is written to
    directly, after the others are in place (it cannot be put back).
    """
    staged: list[tuple[Path, str]] = []
    direct: list[tuple[str, bytes]] = []
    try:
        for path, data in files:
            name = os.fspath(path)
            if os.path.islink(name):
                name = os.path.realpath(name)
            if name == STDIO or _is_special(name):
                direct.append((name, data))
                continue
            if os.path.isdir(name):
                raise InputError("cannot write: it is a folder; remove or rename it", name)
            staged.append((Path(name), _stage(name, data)))
        _replace_all(staged)
    except BaseException:
        for _, tmp in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
    for name, data in direct:
        with atomic_write(name) as fp:
            fp.write(data)


def _stage(name: str, data: bytes) -> str:
    """``data`` in a temporary file beside ``name`` (flushed to disk, with the target's
    permissions); its path."""
    fd, tmp = _temp_beside(name)
    try:
        with os.fdopen(fd, "wb") as fp:
            fp.write(data)
            fp.flush()
            os.fsync(fp.fileno())
        _copy_mode(tmp, Path(name))
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"cannot write: {exc.strerror or exc}; the file was left as it was", name) from None
    return tmp


def _temp_beside(name: str) -> tuple[int, str]:
    """A new temporary file in the folder of ``name`` (made if missing), named
    ``.NAME.PID.RANDOM.tmp``: its descriptor and path; an InputError on ``name`` when
    it cannot be made.  The stale temporary files of ``name`` are removed first
    (:func:`remove_stale_temps`)."""
    target = Path(name)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(target)
        return tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        blocker = _not_a_folder(directory)
        if blocker is not None:  # (mkdir says "File exists" or "Not a directory")
            raise InputError(f"cannot write: {blocker} is not a folder", name) from None
        raise InputError(f"cannot write: {exc.strerror}", name) from None


def _backup_name(target: Path) -> str:
    """Where :func:`write_files_atomic` keeps a link to the old ``target`` while it
    replaces the files: ``.NAME.PID.old.tmp`` beside it."""
    return f"{target.parent / ('.' + target.name)}.{os.getpid()}.old.tmp"


#: How long ago (seconds) a dead writer's temporary file must have last changed for
#: :func:`remove_stale_temps` to remove it.
STALE_AFTER = 600.0


def remove_stale_temps(target: Path) -> list[str]:
    """Remove the temporary files that a writer of ``target`` killed midway (SIGKILL, a
    power cut) left beside it: the files named as :func:`_temp_beside` and
    :func:`_backup_name` name them for ``target`` (``.NAME.PID.RANDOM.tmp``,
    ``.NAME.PID.old.tmp``) whose process PID is gone and that were last changed
    :data:`STALE_AFTER` seconds ago or more (a writer in another container or on
    another host that shares the folder has PIDs this system does not know: its files
    are being written, or were linked, moments ago).  Nothing else is touched: not a
    file of another name or of a live process (this one included), not a link or
    folder.  Returns the paths removed; a file that cannot be removed stays, silently."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d{{1,10}})\.(?:old|[a-z0-9_]{{8}})\.tmp")
    directory = target.parent if str(target.parent) else Path(".")
    removed: list[str] = []
    now = time.time()
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None or _pid_alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            # (the inode's change time: a backup link made now has its file's old mtime)
            recent = now - entry.stat(follow_symlinks=False).st_ctime < STALE_AFTER
            if entry.is_file(follow_symlinks=False) and not recent:
                os.unlink(entry.path)
                removed.append(entry.path)
    return removed


def _pid_alive(pid: int) -> bool:
    """Whether process ``pid`` may be running (this one is; so is one that this
    process may not signal, and any PID that cannot be asked about)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return True  # (no process: never a PID that a writer was)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True
    return True


def _copy_mode(tmp: str, target: Path) -> None:
    """Give the temporary file ``tmp`` the permissions of ``target``, or those a new
    file gets (0666 less the umask) when there is none."""
    if target.exists():
        with contextlib.suppress(OSError):
            os.chmod(tmp, target.stat().st_mode & 0o777)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)


def _replace_all(staged: Sequence[tuple[Path, str]]) -> None:
    """Rename each temporary file over its target; on a failure, put every target back."""
    backups: list[tuple[Path, str | None]] = []  # (target, a link to its old file)
    done: list[tuple[Path, str | None]] = []
    try:
        for target, _ in staged:
            backup = None
            if target.exists():
                backup = _backup_name(target)
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(backup)
                try:
                    os.link(target, backup)
                except OSError:
                    shutil.copy2(target, backup)  # (a file system without hard links)
            backups.append((target, backup))
        for (target, tmp), (_, backup) in zip(staged, backups, strict=True):
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise InputError(
                    f"cannot write: {exc.strerror or exc}; no file was changed", os.fspath(target)
                ) from None
            done.append((target, backup))
    except BaseException:
        for target, backup in reversed(done):
            with contextlib.suppress(OSError):
                if backup is None:
                    os.unlink(target)
                else:
                    os.replace(backup, target)
        raise
    finally:
        for _, backup in backups:
            if backup is not None:
                with contextlib.suppress(OSError):
                    os.unlink(backup)


def stdout_bytes() -> IO[bytes]:
    """Standard output's bytes; an OSError (EBADF, :data:`STDOUT_CLOSED`) when the
    process has none (started with it closed, ``>&-``: ``sys.stdout`` is None)."""
    if sys.stdout is None:
        raise OSError(errno.EBADF, STDOUT_CLOSED)
    return sys.stdout.buffer


class ClosedStdout(io.TextIOBase):
    """A stand-in for ``sys.stdout`` when the process started without one (``>&-``:
    Python leaves it None, and writes that test for None vanish): every write, text
    or bytes, fails with the OSError of :func:`stdout_bytes`.  Set it only in
    front ends (the command line), where a write to stdout must fail, not vanish."""

    encoding = "utf-8"
    errors = "strict"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, STDOUT_CLOSED)

    @property
    def buffer(self) -> IO[bytes]:
        raise OSError(errno.EBADF, STDOUT_CLOSED)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether ``a`` and ``b`` name one existing regular file: the same device and inode,
    so a symbolic or hard link and another spelling of the path are caught.

    ``-`` (stdin/stdout), a path that does not exist, and a device, pipe or socket
    (``/dev/null``: written to, never replaced) are never the same file as anything.
    """
    if STDIO in (os.fspath(a), os.fspath(b)):
        return False
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(sa.st_mode) and (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def _not_a_folder(directory: Path) -> Path | None:
    """The nearest of ``directory`` and its parents that exists, if it is not a folder."""
    for folder in (directory, *directory.parents):
        try:
            if folder.exists():
                return None if folder.is_dir() else folder
        except OSError:  # (a folder that may not be searched: EACCES)
            return None
    return None


def _is_special(name: str) -> bool:
    """Whether ``name`` exists and is neither a regular file nor a folder."""
    try:
        st = os.stat(name)
    except OSError:
        return False
    return not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode))


def read_source(src: str | os.PathLike[str] | IO[bytes]) -> tuple[bytes, str]:
    """The bytes of a path (``-`` is stdin) or binary file object, and a name for messages."""
    if isinstance(src, (str, os.PathLike)):
        name = os.fspath(src)
        return read_bytes(name), shown_path(name)
    label = getattr(src, "name", None)
    return src.read(), label if isinstance(label, str) else "<input>"


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write UTF-8 text atomically (``-`` is stdout)."""
    with atomic_write(path) as fp:
        fp.write(text.encode("utf-8"))


def json_array_parts(items: Iterable[Any], indent: str = "") -> Iterator[str]:
    """``json.dumps(list(items), ensure_ascii=False, indent=2)`` an item at a time, each
    line after the first indented by ``indent`` more (an array inside a document), so
    that a long array is never held as one string.

    >>> "".join(json_array_parts([{"a": [1]}, "说"])) == json.dumps([{"a": [1]}, "说"], ensure_ascii=False, indent=2)
    True
    >>> "".join(json_array_parts([]))
    '[]'
    """
    inner = "\n" + indent + "  "
    first = True
    for item in items:
        # (JSON strings hold no line break: every one is a line of the indented layout)
        yield (
            ("[" if first else ",")
            + inner
            + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", inner)
        )
        first = False
    yield "[]" if first else "\n" + indent + "]"
