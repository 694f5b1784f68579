"""Format detection, PO loading, atomic writes."""

from __future__ import annotations

import doctest
import importlib.util
from pathlib import Path

import pytest

from termkit.errors import FormatError, UsageError
from termkit.formats import registry
from termkit.formats.registry import detect_format, read_memory, sniff_format, write_memory
from termkit.model import EN, ZH, Memory, Segment, TranslationUnit

HAVE_PO = importlib.util.find_spec("termkit.formats.po") is not None


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.tmx", "tmx"),
        ("A.TMX", "tmx"),
        ("a.po", "po"),
        ("a.pot", "po"),
        ("a.xlf", "xliff"),
        ("a.xliff", "xliff"),
        ("a.sdlxliff", "xliff"),
        ("a.mqxliff", "xliff"),
        ("a.tsv", "tsv"),
    ],
)
def test_detect_by_extension(name: str, fmt: str) -> None:
    assert detect_format(name) == fmt


def test_detect_explicit_and_unknown() -> None:
    assert detect_format("-", "TMX") == "tmx"
    assert detect_format("x.txt", "xlf") == "xliff"
    with pytest.raises(UsageError, match=r"cannot tell the memory format from the extension '\.docx'"):
        detect_format("x.docx")
    with pytest.raises(UsageError, match="--from/--to"):
        detect_format("-")
    with pytest.raises(UsageError, match="unknown memory format 'csv'"):
        detect_format("x.tmx", "csv")


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- x -->\n<tmx version="1.4">', "tmx"),
        ("\ufeff<xliff version='1.2'>".encode(), "xliff"),
        ("<?xml version='1.0'?><x:xliff xmlns:x='urn:oasis'>".encode("utf-16"), "xliff"),
        # UTF-16 without a byte-order mark, as XML allows (told by its "<")
        ("<?xml version='1.0' encoding='UTF-16LE'?><tmx>".encode("utf-16-le"), "tmx"),
        ("<?xml version='1.0' encoding='UTF-16BE'?>\n<xliff>".encode("utf-16-be"), "xliff"),
        ('msgid "a"\nmsgstr "b"\n'.encode("utf-16-le"), "po"),
        (b'# comment\nmsgid ""\nmsgstr ""\n', "po"),
        (b'msgid "a"\nmsgstr[0] "b"\n', "po"),
        (b"The Rain Plan\t\xe9\x9b\xa8\n", None),
        (b"<html><body>text</body></html>", None),
        (b"msgid is a word\n", None),
        (b"", None),
    ],
)
def test_sniff_format(data: bytes, fmt: str | None) -> None:
    assert sniff_format(data) == fmt


def test_registry_doctests() -> None:
    assert doctest.testmod(registry).failed == 0


@pytest.mark.skipif(HAVE_PO, reason="termkit.formats.po exists: PO is tested by the contract suite")
def test_po_missing_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.po").write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    with pytest.raises(FormatError, match="PO support is missing"):
        read_memory(tmp_path / "a.po")
    with pytest.raises(FormatError, match="PO support is missing"):
        write_memory(tmp_path / "b.po", Memory())
    assert not (tmp_path / "b.po").exists()


def test_failed_write_leaves_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.tmx"
    target.write_bytes(b"old content")
    bad = Memory(
        units=[
            TranslationUnit({EN: Segment("ok"), ZH: Segment("好")}),
            TranslationUnit({EN: Segment("bad\x00")}),
        ]
    )
    with pytest.raises(FormatError, match="unit 2"):
        write_memory(target, bad)
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tmx"]  # no temporary left behind
