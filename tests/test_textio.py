"""termkit.textio and termkit.langtags."""

from __future__ import annotations

import codecs
import doctest
import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from termkit import langtags, textio
from termkit.errors import InputError
from termkit.textio import atomic_write, decode, decode_lenient, read_text


def test_decode_utf8_bom_and_utf16() -> None:
    assert decode("整村推进".encode("utf-8-sig")) == "整村推进"
    assert decode("整村推进".encode("utf-16")) == "整村推进"
    assert decode("整村推进".encode("utf-16-be").join([b"\xfe\xff", b""])) == "整村推进"


def test_decode_invalid_utf8_names_offset_line_and_column() -> None:
    with pytest.raises(InputError) as info:
        decode("第一行\nab".encode() + b"\xff", "x.txt")
    exc = info.value
    assert (exc.path, exc.line, exc.column) == ("x.txt", 2, 3)
    assert "byte offset 12" in exc.message


def test_decode_says_what_to_do_with_chinese_in_gb18030() -> None:
    """A GBK/GB18030 file (Chinese saved by older Windows tools) was only told to be
    re-saved as UTF-8; the message now says what it seems to be and how to convert it,
    as extract's does.  A Latin-1 byte gets the plain advice."""
    data = b"Report 2011\n" + "扶贫开发工作取得成效。\n".encode("gb18030")
    with pytest.raises(InputError) as info:
        decode(data, "my report.txt")
    exc = info.value
    assert (exc.line, exc.column) == (2, 1)
    assert exc.message == (
        "invalid UTF-8 at byte offset 12 (byte 0xb7); Chinese in GB18030/GBK? re-save the file as UTF-8, "
        "e.g. iconv -f GB18030 -t UTF-8 'my report.txt' > 'my report.utf8.txt'"
    )
    with pytest.raises(InputError) as info:
        decode("扶贫开发".encode("gbk"), "<stdin>")
    assert info.value.message.endswith("e.g. iconv -f GB18030 -t UTF-8 FILE")
    with pytest.raises(InputError) as info:
        decode("Poverty alleviation\t扶贫\n".encode("gbk"), "x.tsv")  # the rest of the line is Chinese
    assert "Chinese in GB18030/GBK?" in info.value.message
    for latin in ("The café's naïve owner\n", "Ça va, Zürich?\n"):
        with pytest.raises(InputError) as info:
            decode(latin.encode("cp1252"), "x.txt")
        assert info.value.message.endswith("; re-save the file as UTF-8")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_invalid_utf16_names_offset_line_and_column(codec: str) -> None:
    """As for UTF-8: the byte offset in the file (the BOM's two bytes counted), line, column."""
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    lone = (0xD800).to_bytes(2, "little" if codec.endswith("le") else "big")
    data = bom + "第一行\nab".encode(codec) + lone + "c".encode(codec)
    with pytest.raises(InputError) as info:
        decode(data, "x.txt")
    exc = info.value
    assert (exc.path, exc.line, exc.column) == ("x.txt", 2, 3)
    assert exc.message == (
        "invalid UTF-16 at byte offset 14 (an unpaired surrogate, 0xD800); re-save the file as UTF-8"
    )
    with pytest.raises(InputError) as info:
        decode(bom + "ab\n😀".encode(codec) + b"x", "odd.txt")  # an odd last byte
    exc = info.value
    assert (exc.line, exc.column) == (2, 2)
    assert exc.message.startswith("invalid UTF-16 at byte offset 12 (an odd last byte")


def test_decode_errors_count_the_lines_of_a_cr_only_file() -> None:
    """Classic Mac OS line ends (CR and no LF): the error's line and column count CR
    line ends, as :func:`textio.split_lines` does; the byte offset is the file's."""
    with pytest.raises(InputError) as info:
        decode("第一行\rab".encode() + b"\xff\r", "mac.txt")
    assert (info.value.line, info.value.column) == (2, 3)
    assert "byte offset 12" in info.value.message
    with pytest.raises(InputError) as info:  # a CR in a file with LF line ends is text
        decode(b"one\rtwo\nab\xff\n", "lf.txt")
    assert (info.value.line, info.value.column) == (2, 3)
    lone = (0xD800).to_bytes(2, "little")
    with pytest.raises(InputError) as info:
        decode(
            codecs.BOM_UTF16_LE + "第一行\rab".encode("utf-16-le") + lone + "\r".encode("utf-16-le"), "u.txt"
        )
    assert (info.value.line, info.value.column) == (2, 3)
    assert "byte offset 14" in info.value.message


def test_split_lines_is_one_rule_for_every_line_ending() -> None:
    assert textio.split_lines("a\nb\r\nc") == ["a", "b", "c"]
    assert textio.split_lines("a\rb\rc\r") == ["a", "b", "c"]  # CR only: classic Mac OS
    assert textio.split_lines("a\rb\nc\r\n") == ["a\rb", "c"]  # an LF: a CR elsewhere is text
    assert textio.split_lines("a\u2028b\x85c\x0cd\n") == ["a\u2028b\x85c\x0cd"]
    assert textio.split_lines("") == [] and textio.split_lines("\r") == [""]


def test_decode_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary") as info:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "x.png")
    assert info.value.location == "x.png:1:1"


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"a\n" * 5000 + "中文\x00".encode(), "5001:3"),
        (b"a\r" * 5000 + b"bc\x00", "5001:3"),  # CR line ends
        (codecs.BOM_UTF8 + b"a\n" * 5000 + b"\x00", "5001:1"),
        ("\ufeffab\ncd\x00".encode("utf-16-le"), "2:3"),
        ("\ufeffab\ncd\x00".encode("utf-16-be"), "2:3"),
    ],
)
def test_a_nul_past_the_first_bytes_is_refused_where_it_is(data: bytes, where: str) -> None:
    """Only the first 8 KB were searched for NUL bytes: one further on went through."""
    with pytest.raises(InputError) as info:
        decode(data, "x.txt")
    assert (
        str(info.value)
        == f"x.txt:{where}: NUL character: a text file holds none (a damaged file?); delete it"
    )


def test_decode_lenient_replaces_and_reports() -> None:
    text, problems = decode_lenient(b"ok \xff then more", "x.txt")
    assert text == "ok \ufffd then more"
    assert len(problems) == 1 and problems[0].column == 4


def test_read_text_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")


def test_atomic_write_failure_leaves_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target) as fp:
        fp.write(b"partial")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_an_output_under_a_file_says_the_file_is_not_a_folder(tmp_path: Path) -> None:
    (tmp_path / "fp").write_text("x", encoding="utf-8")
    # mkdir says "File exists" for fp/x.tmx and "Not a directory" for fp/a/x.tmx
    for target in (tmp_path / "fp" / "x.tmx", tmp_path / "fp" / "a" / "b" / "x.tmx"):
        with pytest.raises(InputError) as caught, atomic_write(target) as fp:
            fp.write(b"data")
        assert str(caught.value) == f"{target}: cannot write: {tmp_path / 'fp'} is not a folder"
    assert (tmp_path / "fp").read_text(encoding="utf-8") == "x"


def test_an_output_in_a_folder_that_may_not_be_searched_is_one_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a user without search permission on a parent: mkdir and exists() both fail
    with EACCES (Path.exists lets EACCES through), and the message names the output."""
    locked = tmp_path / "locked"

    def denied(self: Path, *args: object, **kwargs: object) -> bool:
        if self == locked or locked in self.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return True

    monkeypatch.setattr(Path, "mkdir", denied)
    monkeypatch.setattr(Path, "exists", denied)
    target = locked / "sub" / "x.tsv"
    with pytest.raises(InputError) as caught, atomic_write(target) as fp:
        fp.write(b"data")
    assert str(caught.value) == f"{target}: cannot write: Permission denied"


def test_a_full_disk_is_one_located_error_and_the_old_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(InputError) as caught, atomic_write(target) as fp:
        fp.write(b"new")
    assert caught.value.path == str(target) and "No space left on device" in caught.value.message
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_writing_to_a_full_device_is_one_located_error() -> None:
    with pytest.raises(InputError) as caught, atomic_write("/dev/full") as fp:
        fp.write(b"x" * 100_000)
        fp.flush()
    assert caught.value.path == "/dev/full"


def test_atomic_write_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    with atomic_write(target) as fp:
        fp.write("新".encode())
    assert target.read_text(encoding="utf-8") == "新"


def test_atomic_write_goes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.po"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.po"
    link.symlink_to(real)
    with atomic_write(link) as fp:
        fp.write(b"new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_atomic_write_never_replaces_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    with atomic_write(fifo) as fp:
        fp.write("新".encode())
    reader.join(timeout=10)
    assert got == ["新".encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_same_file_compares_device_and_inode(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "soft.txt").symlink_to(a)
    os.link(a, tmp_path / "hard.txt")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    assert textio.same_file(a, a)
    assert textio.same_file(a, tmp_path / "sub" / ".." / "a.txt")
    assert textio.same_file(tmp_path / "soft.txt", a)
    assert textio.same_file(a, tmp_path / "hard.txt")
    assert not textio.same_file(a, tmp_path / "b.txt")  # the same content is another file
    assert not textio.same_file(a, tmp_path / "missing.txt")
    assert not textio.same_file(tmp_path / "missing.txt", tmp_path / "missing.txt")
    assert not textio.same_file("-", "-")
    assert not textio.same_file(tmp_path / "sub", tmp_path / "sub")  # a folder is no file
    if os.path.exists("/dev/null"):
        assert not textio.same_file("/dev/null", "/dev/null")  # a device: written to, never replaced


def test_standard_output_or_input_missing_is_an_error_not_an_attribute_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A process started with stdout (or stdin) closed has sys.stdout None."""
    monkeypatch.setattr("sys.stdout", None)
    with pytest.raises(OSError) as caught, atomic_write("-") as fp:
        fp.write(b"x")
    assert (caught.value.errno, caught.value.strerror) == (errno.EBADF, textio.STDOUT_CLOSED)
    monkeypatch.setattr("sys.stdout", textio.ClosedStdout())
    with pytest.raises(OSError) as caught, atomic_write("-") as fp:
        fp.write(b"x")
    assert caught.value.errno == errno.EBADF
    with pytest.raises(OSError):
        print("x")  # (the stand-in fails text writes too)
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(InputError, match="standard input is closed"):
        textio.read_bytes("-")


@pytest.mark.parametrize(
    ("tag", "canonical"),
    [
        ("zh_CN", "zh-CN"),
        ("ZH-cn", "zh-CN"),
        ("zh_hans_cn", "zh-Hans-CN"),
        ("en_US.UTF-8", "en-US"),
        ("EN", "en"),
    ],
)
def test_normalize(tag: str, canonical: str) -> None:
    assert langtags.normalize(tag) == canonical
    assert langtags.is_canonical(canonical)
    assert not langtags.is_canonical(tag)


SIMPLIFIED = ("zh-CN", "zh_CN", "zh-Hans", "zh-Hans-CN", "zh-SG", "zh-Hans-HK")
TRADITIONAL = ("zh-TW", "zh_TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW", "zh-Hant-CN")


@pytest.mark.parametrize("simplified", SIMPLIFIED)
@pytest.mark.parametrize("traditional", TRADITIONAL)
def test_simplified_and_traditional_never_match(simplified: str, traditional: str) -> None:
    assert langtags.script(simplified) == "Hans" and langtags.script(traditional) == "Hant"
    assert not langtags.matches(traditional, simplified)
    assert not langtags.matches(simplified, traditional)
    assert not langtags.compatible(simplified, traditional)


@pytest.mark.parametrize(
    ("tag", "wanted"),
    [
        ("zh-CN", "zh-Hans"),
        ("zh-Hans-CN", "zh-CN"),
        ("zh-TW", "zh-Hant"),
        ("zh-Hant-TW", "zh-TW"),
        ("zh-TW", "zh"),
        ("en-US", "en"),
        ("en-Latn-US", "en-US"),
    ],
)
def test_a_region_implies_its_script(tag: str, wanted: str) -> None:
    assert langtags.matches(tag, wanted)


def test_langtags_doctests() -> None:
    assert doctest.testmod(langtags).failed == 0


def test_textio_doctests() -> None:
    assert doctest.testmod(textio).failed == 0


def test_utf16_without_a_bom_is_named_as_such() -> None:
    from termkit.textio import binary_file_problem

    for codec in ("utf-16-le", "utf-16-be"):
        assert binary_file_problem("Rain Plan works.\n".encode(codec)).startswith(
            "UTF-16 text without a byte-order mark"
        )
    assert binary_file_problem(bytes(range(256))).startswith("binary file (NUL bytes)")


def test_utf16_without_a_bom_is_named_as_such_in_english_and_chinese_text() -> None:
    # Chinese characters have no NUL byte: far fewer than nine bytes in ten are NUL
    from termkit.textio import binary_file_problem

    text = "en\tzh-CN\nRain Plan\t雨露计划\nThe Rain Plan trained 660 people.\t雨露计划培训了660人。\n"
    for codec in ("utf-16-le", "utf-16-be"):
        assert binary_file_problem(text.encode(codec)).startswith("UTF-16 text without a byte-order mark")
    for data in (
        b"abc\x00def\n",
        b"\x00\x01\x02\x03",
        bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8,
    ):
        assert binary_file_problem(data).startswith("binary file (NUL bytes)"), data


def test_write_files_atomic_puts_every_file_back_when_a_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files written together: when the third rename fails, the two files already
    replaced get their old content back, the new file without an old one is removed,
    and no temporary file is left."""
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_bytes(b"old a")
    b.write_bytes(b"old b")
    real = os.replace

    def failing(src: str, dst: str | os.PathLike[str]) -> None:
        if os.fspath(dst) == os.fspath(c) and not os.path.basename(src).endswith(".old.tmp"):
            raise OSError(errno.EACCES, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(textio.os, "replace", failing)
    new = tmp_path / "new.txt"
    with pytest.raises(InputError, match="no file was changed"):
        textio.write_files_atomic([(a, b"new a"), (new, b"new"), (b, b"new b"), (c, b"new c")])
    assert a.read_bytes() == b"old a" and b.read_bytes() == b"old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    monkeypatch.setattr(textio.os, "replace", real)
    textio.write_files_atomic([(a, b"new a"), (new, b"new"), (b, b"new b"), (c, b"new c")])
    assert [p.read_bytes() for p in (a, new, b, c)] == [b"new a", b"new", b"new b", b"new c"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt", "new.txt"]


def _ended() -> int:
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", ""])
    proc.wait()
    return proc.pid


def test_remove_stale_temps_removes_only_its_own_names_of_dead_writers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write killed midway (SIGKILL) left ``.NAME.PID.RANDOM.tmp`` and ``.NAME.PID.old.tmp``
    beside NAME; the next write of NAME removes those of a process that is gone, and
    nothing else: not a live writer's (this process, its parent), not another file's,
    not a link or folder, not a name of another shape."""
    monkeypatch.setattr(textio, "STALE_AFTER", 0.0)  # (see the next test)
    dead, live = _ended(), os.getppid()
    target = tmp_path / "glossary.tmx"
    stale = [f".glossary.tmx.{dead}.old.tmp", f".glossary.tmx.{dead}.k2j_9x0a.tmp"]
    kept = [
        "glossary.tmx",
        f".glossary.tmx.{os.getpid()}.old.tmp",
        f".glossary.tmx.{os.getpid()}.abcdefgh.tmp",
        f".glossary.tmx.{live}.old.tmp",
        f".glossary.tmx.{live}.abcdefgh.tmp",
        f".glossary.tbx.{dead}.old.tmp",  # (another file's: its own write removes it)
        f".x.glossary.tmx.{dead}.old.tmp",
        f".glossary.tmx.{dead}.old.tmp.bak",
        f".glossary.tmx.{dead}.toolong99.tmp",
        ".glossary.tmx.k2j_9x0a.tmp",  # (no PID: whose it is cannot be told)
        "notes.txt",
    ]
    for name in stale + kept:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / f".glossary.tmx.{dead}.abcdefgh.tmp").mkdir()
    (tmp_path / f".glossary.tmx.{dead}.zzzzzzzz.tmp").symlink_to(tmp_path / "notes.txt")
    kept += [f".glossary.tmx.{dead}.abcdefgh.tmp", f".glossary.tmx.{dead}.zzzzzzzz.tmp"]
    assert sorted(textio.remove_stale_temps(target)) == sorted(str(tmp_path / n) for n in stale)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept)
    # and a write of the file does it too, leaving only its own (none, once done)
    (tmp_path / stale[0]).write_text("x", encoding="utf-8")
    textio.write_text_atomic(target, "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept)
    assert textio.remove_stale_temps(tmp_path / "missing" / "a.tmx") == []


def test_remove_stale_temps_keeps_the_recent_files_of_an_unknown_pid(tmp_path: Path) -> None:
    """A PID unknown here may be a live writer in another container or host sharing the
    folder: its temporary file, or the backup link it has just made of an old file,
    was removed under it (and its rename failed).  Only files last changed
    STALE_AFTER seconds ago are a dead writer's."""
    dead = _ended()
    old = tmp_path / "glossary.tmx"
    old.write_text("old", encoding="utf-8")
    os.utime(old, (1, 1))  # (a backup link has its file's mtime: long ago)
    backup = tmp_path / f".glossary.tmx.{dead}.old.tmp"
    os.link(old, backup)
    writing = tmp_path / f".glossary.tmx.{dead}.k2j_9x0a.tmp"
    writing.write_text("half", encoding="utf-8")
    assert textio.remove_stale_temps(old) == []
    assert backup.exists() and writing.exists()


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf8_text_behind_a_utf16_bom_is_refused_not_read_as_nonsense(bom: bytes) -> None:
    """It was decoded as UTF-16: English became CJK-looking nonsense, read without an
    error (extract ranked it as Chinese), or an "invalid UTF-16" error said to re-save
    as UTF-8 a file that was UTF-8."""
    data = bom + "The Rain Plan trains rural labourers.\n雨露计划\n".encode()
    with pytest.raises(InputError) as info:
        decode(data, "x.txt")
    name = "FF FE" if bom == codecs.BOM_UTF16_LE else "FE FF"
    assert str(info.value) == (
        f"x.txt:1:1: a UTF-16 byte-order mark (bytes {name}) before UTF-8 text; delete those two bytes "
        "(save the file as UTF-8)"
    )
    # real UTF-16 (with a BOM) is read as ever, Chinese alone included
    for text in ("The Rain Plan trains rural labourers.\n", "雨露计划培训农村劳动力贫困家庭"):
        codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
        assert decode(bom + text.encode(codec), "x.txt") == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("我必须真正地坚持住。”", "utf-16-be"),
        ("为万、为万、为万、为万。", "utf-16-le"),
        ("大会第六十九届会", "utf-16-be"),
    ],
)
def test_utf16_chinese_without_a_line_break_that_is_valid_utf8_is_read_as_utf16(
    text: str, codec: str
) -> None:
    """UTF-16 Chinese with no ASCII character and no line break (a sentence saved
    without a final line end) has no NUL byte, and its bytes are now and then valid
    UTF-8 too (about 1 in 300 of eight characters): it was refused as UTF-8 behind a
    UTF-16 byte-order mark.  Read as UTF-8 it has control characters, which text has not."""
    bom = codecs.BOM_UTF16_BE if codec == "utf-16-be" else codecs.BOM_UTF16_LE
    data = bom + text.encode(codec)
    data[2:].decode("utf-8")  # (valid UTF-8, no NUL: what the check looked at)
    assert b"\x00" not in data
    assert decode(data, "x.txt") == text


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_utf32_is_refused_with_what_to_do(codec: str) -> None:
    """UTF-32 (its BOM FF FE 00 00 begins with UTF-16's FF FE) was read as UTF-16:
    every other character a NUL ("NUL character ... delete it"), or UTF-8 behind the
    mark an "invalid UTF-16" error far into the file."""
    bom = codecs.BOM_UTF32_BE if codec == "utf-32-be" else codecs.BOM_UTF32_LE
    name = "00 00 FE FF" if codec == "utf-32-be" else "FF FE 00 00"
    text = "The Rain Plan trains rural labourers.\n雨露计划\n"
    data = (bom if codec == "utf-32-be" else b"") + text.encode(codec)
    with pytest.raises(InputError) as info:
        decode(data, "x.txt")
    assert str(info.value) == (
        f"x.txt:1:1: UTF-32 text (byte-order mark {name}), which termkit does not read; re-save the file as UTF-8"
    )
    with pytest.raises(InputError) as info:
        decode(bom + text.encode() + b"x", "x.txt")
    assert str(info.value) == (
        f"x.txt:1:1: a UTF-32 byte-order mark (bytes {name}) before UTF-8 text; "
        "delete those four bytes (save the file as UTF-8)"
    )
