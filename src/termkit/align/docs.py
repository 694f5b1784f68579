"""Aligned documents as a translation memory (TMX) or as TSV.

Each link with sentences on both sides becomes one translation unit whose
segments join the link's sentences (English with a space, Chinese without);
1-0 and 0-1 links (sentences left without a translation) are not written but
counted.  The Chinese segments are tagged zh-CN, or zh-Hant when the Chinese
document is written in Traditional characters (:func:`zh_tag`).  Units get ids ``1, 2, ...`` in document order; the link type and the
paragraph are kept as ``x-align-link`` and ``x-paragraph`` properties.  The
output is deterministic: no dates unless asked.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..chinese import is_traditional
from ..errors import FormatError, UsageError
from ..model import EN, ZH, ZH_HANT, Memory, Segment, TranslationUnit
from ..textio import atomic_write, read_text
from .sentences import AlignerModel, Link, align_documents

FORMATS = ("tmx", "tsv")


@dataclass
class DocAlignment:
    links: list[Link]
    en_path: str
    zh_path: str

    @property
    def pairs(self) -> list[Link]:
        return [lk for lk in self.links if lk.en and lk.zh]

    def summary(self) -> str:
        kinds = Counter(lk.kind for lk in self.links)
        left = sum(len(lk.en) for lk in self.links if not lk.zh) + sum(
            len(lk.zh) for lk in self.links if not lk.en
        )
        parts = ", ".join(f"{k}: {kinds[k]}" for k in sorted(kinds))
        return f"{len(self.pairs)} aligned units ({parts}); {left} sentences without a translation"


def align_files(en_path: str, zh_path: str, model: AlignerModel | None = None) -> DocAlignment:
    """Read, split and align two documents."""
    return DocAlignment(align_documents(read_text(en_path), read_text(zh_path), model), en_path, zh_path)


def zh_tag(doc: DocAlignment) -> str:
    """``zh-Hant`` when the Chinese document is in Traditional characters
    (:func:`termkit.chinese.is_traditional` over all its sentences), else ``zh-CN``."""
    return ZH_HANT if is_traditional("".join(s for lk in doc.links for s in lk.zh)) else ZH


def to_memory(doc: DocAlignment) -> Memory:
    """The aligned pairs as a Memory (English source; Chinese tagged by :func:`zh_tag`)."""
    units = []
    zh = zh_tag(doc)
    for n, lk in enumerate(doc.pairs, 1):
        units.append(
            TranslationUnit(
                segments={EN: Segment(" ".join(lk.en)), zh: Segment("".join(lk.zh))},
                id=str(n),
                props=[("x-align-link", lk.kind), ("x-paragraph", str(lk.paragraph + 1))],
            )
        )
    return Memory(
        EN,
        units,
        props=[
            ("x-source-en", os.path.basename(doc.en_path)),
            ("x-source-zh", os.path.basename(doc.zh_path)),
        ],
    )


def format_for(path: str, explicit: str | None) -> str:
    """``tmx`` or ``tsv``: the explicit choice, else from the output file's suffix (default tmx)."""
    if explicit:
        return explicit
    return "tsv" if path.lower().endswith((".tsv", ".tab", ".txt")) else "tmx"


def write_alignment(doc: DocAlignment, path: str, fmt: str) -> int:
    """Write the aligned pairs atomically; returns the number of units."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
    memory = to_memory(doc)
    if fmt == "tsv":
        # the TSV module's writer: its header line (en<TAB>zh-CN or zh-Hant) and escapes
        from ..formats.tsv import write_tsv

        with atomic_write(path) as fp:
            return write_tsv(fp, memory, path=path)
    try:
        from ..formats.tmx import write_tmx
    except ImportError:
        raise FormatError(
            "TMX output needs termkit.formats.tmx, which this termkit lacks; use --format tsv",
            path,
            rule="format-missing",
        ) from None
    with atomic_write(path) as fp:
        return write_tmx(fp, memory, path=path)


def link_rows(links: Sequence[Link]) -> list[dict[str, object]]:
    """Links as rows (for JSON-like listings and tests)."""
    return [
        {"kind": lk.kind, "en": " ".join(lk.en), "zh": "".join(lk.zh), "cost": round(lk.cost, 3)}
        for lk in links
    ]
