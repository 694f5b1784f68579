"""Checks on TMX that termkit wrote: valid against tmx14.dtd, bpt/ept paired."""

from __future__ import annotations

from lxml import etree

from conftest import SHARED

TMX_DTD = SHARED / "formats" / "schema" / "tmx" / "tmx14.dtd"


def assert_valid(doc: bytes | etree._ElementTree) -> None:
    """The document validates against tmx14.dtd (read safely, the DTD never loaded from it)."""
    tree = etree.fromstring(doc).getroottree() if isinstance(doc, bytes) else doc
    dtd = etree.DTD(str(TMX_DTD))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()


def assert_paired(doc: bytes | etree._ElementTree) -> None:
    """Every <ept i> of every <seg> closes an open <bpt> with the same i, and every <bpt> is closed."""
    root = etree.fromstring(doc) if isinstance(doc, bytes) else doc.getroot()
    for seg in root.iter("seg"):
        open_i: list[str | None] = []
        for code in seg.iter("bpt", "ept"):
            if code.tag == "bpt":
                open_i.append(code.get("i"))
            else:
                assert code.get("i") in open_i, etree.tostring(seg, encoding="unicode")
                open_i.remove(code.get("i"))
        assert not open_i, etree.tostring(seg, encoding="unicode")
