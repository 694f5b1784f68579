"""Bilingual text (bitext): sentence pairs from any input termkit reads.

One entry point, :func:`iter_bitext`, yields :class:`Pair` objects from

* TSV ``en<TAB>zh`` (``.tsv``, ``.tab``; an optional third column is ignored),
* two line-aligned files (``src_path`` and ``tgt_path``),
* TMX, PO/POT and XLIFF through :func:`termkit.formats.registry.iter_memory`.

Lines are numbered from 1, as :func:`termkit.textio.split_lines` tells them;
``Pair.id`` is ``PATH:LINE`` (or the unit id) so that evidence and findings point
back at the data.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import langtags
from .chinese import han_ratio, is_traditional, script_of
from .errors import InputError, UsageError, count
from .model import EN, ZH, ZH_HANT
from .textio import read_lines, shown_path

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
    #: The file the target was read from, when it is not ``path`` (line-aligned files).
    tgt_path: str | None = None

    def side_path(self, target: bool) -> str:
        """The file one side was read from: the target's (``target``) or the source's."""
        return (self.tgt_path or self.path) if target else self.path


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


def iter_tsv(path: str, src_lang: str = EN, tgt_lang: str = ZH) -> Iterator[Pair]:
    """``src<TAB>tgt`` rows; a row without a tab is a located error."""
    yield from iter_tsv_lines(read_lines(path), shown_path(path), src_lang, tgt_lang)


def chinese_target(text: str) -> str:
    """The language of Chinese text nobody named (no ``--tgt-lang``, no header):
    ``zh-Hant`` when ``text`` (its first 200,000 characters) is in Traditional
    characters (:func:`~termkit.chinese.script_of`: a Simplified text with a stray
    variant stays Simplified), so that it is never checked against Simplified terms;
    else ``zh-CN``."""
    return ZH_HANT if script_of(text[:200_000]) == "Hant" else ZH


def column_languages(first: Iterable[str], second: Iterable[str]) -> tuple[str, str]:
    """The languages of the two columns of a bitext that names none, from their first
    500 cells: English and Chinese, the Chinese one the column that holds Chinese text
    (a Chinese first column is a translation into English), in its script
    (:func:`chinese_target`)."""
    left, right = " ".join(itertools.islice(first, 500)), " ".join(itertools.islice(second, 500))
    if han_ratio(left) > han_ratio(right) + 0.3:
        return chinese_target(left), EN
    return EN, chinese_target(right)


def is_language_header(cells: list[str]) -> bool:
    """At least two cells, each shaped like a language tag with a 2-3 letter language:
    the header line termkit writes first in a TSV (``en<TAB>zh-CN``)."""
    return len(cells) >= 2 and all(
        len(c) <= 20 and langtags.is_valid(c.strip()) and 2 <= len(langtags.primary(c.strip())) <= 3
        for c in cells
    )


def tsv_header(lines: list[str]) -> list[str] | None:
    """The language tags of a TSV's header line (its first line that is not blank), if it has one."""
    first = next((line for line in lines if line.strip()), None)
    if first is None or "\t" not in first:
        return None
    cells = first.split("\t")
    return [langtags.normalize(c.strip()) for c in cells] if is_language_header(cells) else None


def iter_tsv_lines(lines: Iterable[str], path: str, src_lang: str = EN, tgt_lang: str = ZH) -> Iterator[Pair]:
    """The rows of a TSV bitext (``lines`` as :func:`~termkit.textio.split_lines` splits
    it, read whole or as they come), named ``path``; a header line of language tags
    (``en<TAB>zh-CN``, the first line that is not blank) is no row: the pairs carry its
    first two languages (``zh-CN<TAB>en``: Chinese sources), else ``src_lang`` and
    ``tgt_lang``.  Each row is yielded as soon as its line is read."""
    header: bool | None = None  # (None: no line that is not blank yet)
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if header is None:
            tags = tsv_header([line])
            header = tags is not None
            if tags is not None:
                src_lang, tgt_lang = tags[0], tags[1]
                continue
        if "\t" not in line:
            raise InputError("row has no tab; a bitext TSV row is 'source<TAB>target'", path, lineno, 1)
        src, tgt = line.split("\t")[:2]
        yield Pair(f"{path}:{lineno}", src.strip(), tgt.strip(), path, lineno, src_lang, tgt_lang)


def iter_line_aligned(
    src_path: str | os.PathLike[str], tgt_path: str | os.PathLike[str], src_lang: str = EN, tgt_lang: str = ZH
) -> Iterator[Pair]:
    """Line ``n`` of one file pairs with line ``n`` of the other; unequal counts are an error."""
    src_lines, tgt_lines = read_lines(src_path), read_lines(tgt_path)
    yield from pair_lines(
        src_lines, tgt_lines, shown_path(src_path), shown_path(tgt_path), src_lang, tgt_lang
    )


def pair_lines(
    src_lines: list[str], tgt_lines: list[str], sp: str, tp: str, src_lang: str = EN, tgt_lang: str = ZH
) -> Iterator[Pair]:
    """The pairs of two line-aligned files already read (``src_lines`` of ``sp`` and
    ``tgt_lines`` of ``tp``, from :func:`~termkit.textio.read_lines`)."""
    if len(src_lines) != len(tgt_lines):
        raise _unequal_counts(sp, src_lines, tp, tgt_lines, src_lang, tgt_lang)
    for lineno, (src, tgt) in enumerate(zip(src_lines, tgt_lines, strict=True), 1):
        if src.strip() or tgt.strip():
            yield Pair(f"{sp}:{lineno}", src.strip(), tgt.strip(), sp, lineno, src_lang, tgt_lang, tp)


def _unequal_counts(
    sp: str, src_lines: list[str], tp: str, tgt_lines: list[str], src_lang: str, tgt_lang: str
) -> InputError:
    """The error for line-aligned files of unequal length, located where they seem to diverge.

    For an English-Chinese pair, the sentence aligner's length and number model
    (:func:`termkit.align.sentences.extra_lines_at`) finds the block of extra lines
    when one line or a few consecutive ones were added or deleted; otherwise the
    error points at the end of the shorter file.
    """
    n_src, n_tgt = len(src_lines), len(tgt_lines)
    shorter, longer = (sp, tp) if n_src < n_tgt else (tp, sp)
    n = min(n_src, n_tgt)
    head = f"{count(n_src, 'line')} in {sp} but {n_tgt} in {tp}"
    fix = "delete or add lines so that line n of one file translates line n of the other"
    at: int | None = None
    langs = (langtags.matches(src_lang, EN), langtags.matches(tgt_lang, ZH))
    if langs == (True, True) or (langtags.matches(src_lang, ZH) and langtags.matches(tgt_lang, EN)):
        from .align.sentences import extra_lines_at

        en, zh = (src_lines, tgt_lines) if langs[0] else (tgt_lines, src_lines)
        at = extra_lines_at(en, zh)
    if at is None:
        return InputError(f"{head}: {shorter} ends at line {n}, {longer} goes on; {fix}", longer, n + 1, 1)
    d = abs(n_src - n_tgt)
    extra = f"line {at + 1} of {longer} matches" if d == 1 else f"lines {at + 1}-{at + d} of {longer} match"
    return InputError(
        f"{head}: they seem to diverge here: {extra} no line of {shorter} "
        f"(line lengths and numbers pair up again after {'it' if d == 1 else 'them'}); {fix}",
        longer,
        at + 1,
        1,
    )


def serves(tag: str, text: str, wanted: str) -> bool:
    """Whether a segment tagged ``tag`` may stand for ``wanted``: the same written
    language (:func:`termkit.langtags.compatible`); under a tag that names no script
    (a bare ``zh``) only a text in the script ``wanted`` names (Traditional
    characters are never zh-CN).

    >>> serves("zh", "扶贫", "zh-CN"), serves("zh", "扶貧", "zh-CN"), serves("zh-Hans", "扶贫", "zh-CN")
    (True, False, True)
    """
    if not langtags.compatible(tag, wanted):
        return False
    want = langtags.script(wanted)
    if want is None or langtags.script(tag) is not None:
        return True
    return is_traditional(text) == (want == "Hant")


def iter_memory_pairs(path: str, src_lang: str = EN, tgt_lang: str = ZH) -> Iterator[Pair]:
    """Pairs from a TMX/PO/XLIFF file; languages are matched by prefix (``en-US`` is ``en``)."""
    from .formats.registry import iter_memory

    shown = shown_path(path)
    for n, unit in enumerate(iter_memory(path), 1):
        src = tgt = None
        for lang, seg in unit.segments.items():
            if src is None and langtags.matches(lang, src_lang):
                src = seg.text
            elif tgt is None and langtags.matches(lang, tgt_lang):
                tgt = seg.text
        for lang, seg in unit.segments.items():
            # else a tag that may name the same written language: "zh-Hans" for zh-CN,
            # a bare "zh" (a PO file without a Language header) whose text is in the script
            if src is None and serves(lang, seg.text, src_lang):
                src = seg.text
            elif tgt is None and serves(lang, seg.text, tgt_lang) and seg.text != src:
                tgt = seg.text
        if src is None or tgt is None:
            continue
        line = unit.location.line if unit.location else n
        yield Pair(unit.id or f"{shown}:{line}", src, tgt, shown, line, src_lang, tgt_lang)
