"""Concept ids across exchange formats: slugs for imported entries, XML ids for TBX, sources as text.

termkit concept ids are slugs (``rain-plan``, ``poverty-line.rural``: lower-case
letters, digits, ``-`` and ``.``, see ``termkit check``).  Files from other
tools carry ids such as ``eid-Oracle-67`` or none at all; :func:`slug` and
:func:`unique` turn them (or an entry's English term) into ids ``check`` accepts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Container

from ..model import Source

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
_NCNAME = re.compile(
    r"^[A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d"
    r"\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff]"
    r"[-.0-9A-Za-z_\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff\u200c\u200d"
    r"\u203f\u2040\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    r"\U00010000-\U000effff]*$"
)
_ESCAPE = re.compile(r"[^-.0-9A-Za-z]")
_UNESCAPE = re.compile(r"_([0-9a-f]{1,6})_")
#: Separates a source's document from its section in one-line formats.
SECTION_SEPARATOR = " § "


def slug(text: str, fallback: str = "concept") -> str:
    """A concept id made from any text: ``Rain Plan (雨露计划)`` -> ``rain-plan``.

    Text without Latin letters or digits (a Chinese term) becomes ``term-`` and
    eight hex digits of its SHA-1, so that the same text always gets the same id.

    >>> slug("Rain Plan"), slug("eid-Oracle-67"), slug("雨露计划")
    ('rain-plan', 'eid-oracle-67', 'term-adf8f7ba')
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", folded)
    if words:
        return "-".join(words)[:60].strip("-")
    if not text.strip():
        return fallback
    return "term-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def is_hashed(cid: str) -> bool:
    """Whether ``cid`` is what :func:`slug` makes of text without Latin letters or
    digits (``term-adf8f7ba``: a Chinese term).

    >>> is_hashed(slug("雨露计划")), is_hashed(slug("Rain Plan"))
    (True, False)
    """
    return bool(_HASHED.fullmatch(cid))


_HASHED = re.compile(r"term-[0-9a-f]{8}")


def is_slug(text: str) -> bool:
    return bool(ID_PATTERN.match(text))


def unique(base: str, taken: Container[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not taken."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def xml_id(concept_id: str) -> str:
    """A valid XML ``ID`` (an NCName) for a concept id, reversible with :func:`from_xml_id`.

    Slugs that are already NCNames are kept; others (``2011-plan`` starts with a
    digit) get a ``_`` prefix, and characters outside ``[-.0-9A-Za-z]`` are
    written ``_HEX_``.

    >>> xml_id("rain-plan"), xml_id("2011-plan"), xml_id("a b")
    ('rain-plan', '_2011-plan', '_a_20_b')
    """
    if _NCNAME.match(concept_id) and not concept_id.startswith("_"):
        return concept_id
    return "_" + _ESCAPE.sub(lambda m: f"_{ord(m.group(0)):x}_", concept_id)


def from_xml_id(value: str) -> str:
    """The concept id :func:`xml_id` was made from (other ids are returned as they are)."""
    if not value.startswith("_"):
        return value
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value[1:])


def is_ncname(value: str) -> bool:
    return bool(_NCNAME.match(value))


def format_source(source: Source) -> str:
    """``document`` or ``document § section``: a source on one line."""
    if source.section:
        return f"{source.document}{SECTION_SEPARATOR}{source.section}"
    return source.document


def parse_source(text: str) -> Source:
    """The inverse of :func:`format_source` (split at the first `` § ``)."""
    document, sep, section = text.partition(SECTION_SEPARATOR)
    return Source(document, section if sep else None)
