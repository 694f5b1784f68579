"""Bilingual text (bitext): sentence pairs from any input termkit reads.

One entry point, :func:`iter_bitext`, yields :class:`Pair` objects from

* TSV ``en<TAB>zh`` (``.tsv``, ``.tab``; an optional third column is ignored),
* two line-aligned files (``src_path`` and ``tgt_path``),
* TMX, PO/POT and XLIFF through :func:`termkit.formats.registry.iter_memory`.

Lines are numbered from 1; ``Pair.id`` is ``PATH:LINE`` (or the unit id) so that
evidence and findings point back at the data.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import langtags
from .errors import InputError, UsageError
from .model import EN, ZH
from .textio import STDIO, decode, read_bytes

TSV_SUFFIXES = (".tsv", ".tab", ".txt")
MEMORY_SUFFIXES = (".tmx", ".po", ".pot", ".xlf", ".xliff", ".sdlxliff", ".mqxliff")


@dataclass(frozen=True)
class Pair:
    """A source segment and its translation."""

    id: str
    src: str
    tgt: str
    path: str
    line: int
    src_lang: str = EN
    tgt_lang: str = ZH


def detect_kind(path: str) -> str:
    """``tsv`` or ``memory`` from the file name."""
    suffix = Path(path).suffix.lower()
    if suffix in MEMORY_SUFFIXES:
        return "memory"
    return "tsv"


def iter_bitext(
    path: str | os.PathLike[str] | None = None,
    *,
    src_path: str | os.PathLike[str] | None = None,
    tgt_path: str | os.PathLike[str] | None = None,
    src_lang: str = EN,
    tgt_lang: str = ZH,
) -> Iterator[Pair]:
    """Pairs from one bitext file, or from two line-aligned files."""
    if path is None:
        if src_path is None or tgt_path is None:
            raise UsageError("give a bitext file, or both --src and --tgt")
        yield from iter_line_aligned(src_path, tgt_path, src_lang, tgt_lang)
        return
    name = os.fspath(path)
    if detect_kind(name) == "memory":
        yield from iter_memory_pairs(name, src_lang, tgt_lang)
    else:
        yield from iter_tsv(name, src_lang, tgt_lang)


def _lines(path: str) -> list[str]:
    return decode(read_bytes(path), "<stdin>" if path == STDIO else path).splitlines()


def iter_tsv(path: str, src_lang: str = EN, tgt_lang: str = ZH) -> Iterator[Pair]:
    """``src<TAB>tgt`` rows; a row without a tab is a located error."""
    for lineno, line in enumerate(_lines(path), 1):
        if not line.strip():
            continue
        if "\t" not in line:
            raise InputError("row has no tab; a bitext TSV row is 'source<TAB>target'", path, lineno, 1)
        src, tgt = line.split("\t")[:2]
        yield Pair(f"{path}:{lineno}", src.strip(), tgt.strip(), path, lineno, src_lang, tgt_lang)


def iter_line_aligned(
    src_path: str | os.PathLike[str], tgt_path: str | os.PathLike[str], src_lang: str = EN, tgt_lang: str = ZH
) -> Iterator[Pair]:
    """Line ``n`` of one file pairs with line ``n`` of the other; unequal counts are an error."""
    sp, tp = os.fspath(src_path), os.fspath(tgt_path)
    src_lines, tgt_lines = _lines(sp), _lines(tp)
    if len(src_lines) != len(tgt_lines):
        shorter, longer = (sp, tp) if len(src_lines) < len(tgt_lines) else (tp, sp)
        n = min(len(src_lines), len(tgt_lines))
        raise InputError(
            f"{len(src_lines)} lines in {sp} but {len(tgt_lines)} in {tp}: {shorter} ends at line {n}, "
            f"{longer} goes on; line-aligned files need the same number of lines",
            longer,
            n + 1,
            1,
        )
    for lineno, (src, tgt) in enumerate(zip(src_lines, tgt_lines, strict=True), 1):
        if src.strip() or tgt.strip():
            yield Pair(f"{sp}:{lineno}", src.strip(), tgt.strip(), sp, lineno, src_lang, tgt_lang)


def iter_memory_pairs(path: str, src_lang: str = EN, tgt_lang: str = ZH) -> Iterator[Pair]:
    """Pairs from a TMX/PO/XLIFF file; languages are matched by prefix (``en-US`` is ``en``)."""
    from .formats.registry import iter_memory  # type: ignore[import-not-found,unused-ignore]

    for n, unit in enumerate(iter_memory(path), 1):
        src = tgt = None
        for lang, seg in unit.segments.items():
            if src is None and langtags.matches(lang, src_lang):
                src = seg.text
            elif tgt is None and langtags.matches(lang, tgt_lang):
                tgt = seg.text
        if src is None or tgt is None:
            continue
        line = unit.location.line if unit.location else n
        yield Pair(unit.id or f"{path}:{line}", src, tgt, path, line, src_lang, tgt_lang)
