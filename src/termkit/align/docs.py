"""Aligned documents as a translation memory: TMX, PO, XLIFF or TSV.

Each link with sentences on both sides becomes one translation unit whose
segments join the link's sentences (English with a space, Chinese without);
1-0 and 0-1 links (sentences left without a translation) are not written but
counted.  The Chinese segments are tagged zh-CN, or zh-Hant when the Chinese
document is written in Traditional characters (:func:`zh_tag`); English is the
source language unless the caller names a Chinese one (:func:`memory_languages`).  Units get ids ``1, 2, ...`` in document order; the link type and the
paragraph are kept as ``x-align-link`` and ``x-paragraph`` properties.  The
output is deterministic: no dates unless asked.
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..chinese import has_han, is_traditional, mostly_han
from ..errors import InputError, UsageError, count
from ..model import EN, ZH, ZH_HANT, Memory, Segment, TranslationUnit, complete_direction
from ..textio import STDIO, lf_text, read_text
from .sentences import AlignerModel, Link, align_documents


@dataclass
class DocAlignment:
    links: list[Link]
    en_path: str
    zh_path: str
    #: The two documents were given the other way round (the "English" one is
    #: Chinese and the "Chinese" one is not) and were read so.
    swapped: bool = False

    @property
    def pairs(self) -> list[Link]:
        return [lk for lk in self.links if lk.en and lk.zh]

    def summary(self) -> str:
        kinds = Counter(lk.kind for lk in self.links)
        left = sum(len(lk.en) for lk in self.links if not lk.zh) + sum(
            len(lk.zh) for lk in self.links if not lk.en
        )
        parts = ", ".join(f"{k}: {kinds[k]}" for k in sorted(kinds))
        return f"{count(len(self.pairs), 'aligned unit')} ({parts}); {count(left, 'sentence')} without a translation"


def align_files(
    en_path: str, zh_path: str, model: AlignerModel | None = None, xml: bool = False
) -> DocAlignment:
    """Read, split and align two documents; two given the other way round (the first
    mostly Chinese, the second not) are read so, and the alignment says it (``swapped``).

    ``xml``: the pairs go to an XML file (TMX, XLIFF): a character XML cannot hold in
    one of them is an InputError where it is in its document.
    """
    en_text, zh_text = read_text(en_path), read_text(zh_path)
    _refuse_one_language(en_text, zh_text, en_path, zh_path)
    if mostly_han(en_text) and not mostly_han(zh_text):
        doc = DocAlignment(align_documents(zh_text, en_text, model), zh_path, en_path, swapped=True)
    else:
        doc = DocAlignment(align_documents(en_text, zh_text, model), en_path, zh_path)
    if xml:
        _refuse_xml_unsafe(doc, {en_path: en_text, zh_path: zh_text})
    return doc


def _refuse_xml_unsafe(doc: DocAlignment, texts: dict[str, str]) -> None:
    """A control character (a vertical tab from a word processor, an escape sequence)
    in an aligned sentence: the writer would refuse it naming only the unit."""
    from ..formats.xmlsafe import first_invalid_char

    for lk in doc.pairs:
        for sentences, path in ((lk.en, doc.en_path), (lk.zh, doc.zh_path)):
            for sentence in sentences:
                at = first_invalid_char(sentence)
                if at >= 0:
                    char = sentence[at]
                    kind = "control character" if unicodedata.category(char) == "Cc" else "character"
                    raise InputError(
                        f"{kind} U+{ord(char):04X}, which a TMX or XLIFF file cannot hold; delete it",
                        path,
                        *_inside_a_line(texts[path], char),
                    )


def _inside_a_line(text: str, char: str) -> tuple[int | None, int | None]:
    """The 1-based line and column of the first ``char`` of ``text`` that is not at
    either end of its line (where the sentence splitter strips it off), as
    :func:`termkit.align.sentences.paragraphs` reads lines."""
    for lineno, line in enumerate(lf_text(text).split("\n"), 1):
        stripped = line.strip()
        if char in stripped:
            return lineno, len(line) - len(line.lstrip()) + stripped.index(char) + 1
    return None, None


def _refuse_one_language(en_text: str, zh_text: str, en_path: str, zh_path: str) -> None:
    """Two documents in one language are no document and its translation: an
    InputError, rather than a memory whose Chinese side is English (or the reverse).
    Blank documents are left to the alignment, which names the one without a sentence."""
    if not en_text.strip() or not zh_text.strip():
        return
    if mostly_han(en_text) and mostly_han(zh_text):
        raise InputError(f"in Chinese, as {zh_path} is: the first document is the English one", en_path)
    if not has_han(en_text) and not has_han(zh_text):
        raise InputError(
            f"no Chinese character, as in {en_path}: the second document is the Chinese translation",
            zh_path,
        )


def zh_tag(doc: DocAlignment) -> str:
    """``zh-Hant`` when the Chinese document is in Traditional characters
    (:func:`termkit.chinese.is_traditional` over all its sentences), else ``zh-CN``."""
    return ZH_HANT if is_traditional("".join(s for lk in doc.links for s in lk.zh)) else ZH


def memory_languages(
    doc: DocAlignment, srclang: str | None = None, tgtlang: str | None = None
) -> tuple[str, str]:
    """The source and target languages of the memory of ``doc``: English to its
    Chinese (:func:`zh_tag`) unless given.  One side given, the other follows
    (:func:`termkit.model.complete_direction`): ``--src-lang zh-CN`` is zh-CN to
    English, ``--tgt-lang en`` the Chinese side (tagged by :func:`zh_tag`) to English.
    Two languages of which not exactly one is English are a UsageError.

    >>> doc = DocAlignment([Link(["Rain Plan."], ["雨露计划。"])], "a.en", "a.zh")
    >>> memory_languages(doc), memory_languages(doc, "zh-CN"), memory_languages(doc, None, "en")
    (('en', 'zh-CN'), ('zh-CN', 'en'), ('zh-CN', 'en'))
    """
    src, tgt = complete_direction(srclang, tgtlang, (EN, zh_tag(doc)))
    if (src == EN) == (tgt == EN):
        raise UsageError(
            f"--src-lang {src} --tgt-lang {tgt}: one language must be en and the other zh-CN or zh-Hant"
        )
    return src, tgt


def to_memory(doc: DocAlignment, srclang: str | None = None, tgtlang: str | None = None) -> Memory:
    """The aligned pairs as a Memory: English source, Chinese tagged by :func:`zh_tag`,
    unless ``srclang``/``tgtlang`` say otherwise (:func:`memory_languages`)."""
    src, tgt = memory_languages(doc, srclang, tgtlang)
    zh = tgt if src == EN else src
    units = []
    for n, lk in enumerate(doc.pairs, 1):
        sides = {EN: Segment(" ".join(lk.en)), zh: Segment("".join(lk.zh))}
        units.append(
            TranslationUnit(
                segments={src: sides[src], tgt: sides[tgt]},
                id=str(n),
                props=[("x-align-link", lk.kind), ("x-paragraph", str(lk.paragraph + 1))],
            )
        )
    return Memory(
        src,
        units,
        props=[
            ("x-source-en", os.path.basename(doc.en_path)),
            ("x-source-zh", os.path.basename(doc.zh_path)),
        ],
    )


def format_for(path: str, explicit: str | None) -> str:
    """The memory format to write: ``explicit`` if given, else the one the output's
    extension names (:func:`termkit.formats.registry.detect_format`: ``.tmx``, ``.po``,
    ``.xlf``, ``.tsv``...), ``.txt`` and ``.tab`` being TSV too; ``-`` (stdout) is TMX.

    An extension no writer has is a UsageError, as for ``termkit convert``: the
    aligned memory is never written in a format its name does not say.

    >>> format_for("report.po", None), format_for("report.txt", None), format_for("-", None)
    ('po', 'tsv', 'tmx')
    """
    from ..formats.registry import detect_format

    if explicit is None and path == STDIO:
        return "tmx"
    return detect_format(path, explicit, dict.fromkeys(TSV_TEXT, "tsv"), "give --format tmx|po|xliff|tsv")


#: Output extensions written as TSV besides ``.tsv``: tab-separated text.
TSV_TEXT = (".txt", ".tab")


def write_alignment(
    doc: DocAlignment, path: str, fmt: str, srclang: str | None = None, tgtlang: str | None = None
) -> int:
    """Write the aligned pairs atomically in ``fmt`` (TMX, PO, XLIFF or TSV, see
    :func:`format_for`), from ``srclang`` to ``tgtlang`` (:func:`memory_languages`);
    returns the number of units."""
    from ..formats.registry import write_memory

    return write_memory(path, to_memory(doc, srclang, tgtlang), fmt)


def link_rows(links: Sequence[Link]) -> list[dict[str, object]]:
    """Links as rows (for JSON-like listings and tests)."""
    return [
        {"kind": lk.kind, "en": " ".join(lk.en), "zh": "".join(lk.zh), "cost": round(lk.cost, 3)}
        for lk in links
    ]
