"""Run the lint rules over files: detect what each input is, read it, match, report.

:func:`lint_paths` is the one entry point the command line calls.  Each path is
linted on its own; a file that cannot be read becomes one located ``input-error``
finding and the other files are still linted.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import functools
import gc
import io
import itertools
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from .. import bitext, langtags
from ..chinese import han_ratio, is_traditional
from ..errors import Diagnostic, Severity, TermkitError, UsageError, count
from ..model import (
    EN,
    PROP_PO_OBSOLETE,
    PROP_XLIFF_STATE,
    ZH,
    TranslationUnit,
    complete_direction,
    unfinished_state,
)
from ..textio import (
    STDIO,
    decode,
    lf_line_ends,
    open_bytes,
    read_bytes,
    read_lines,
    read_text,
    reading,
    shown_path,
    split_lines,
    utf16_codec,
)
from .documents import (
    SUPPRESS,
    BitextDocument,
    SegmentPair,
    Side,
    Suppressions,
    TextDocument,
    parse_rule_list,
    text_blocks,
)
from .matcher import GlossaryIndex, TermMatcher, leftmost_longest
from .rules import BITEXT, INPUT_ERROR, RULES, TEXT, Report, Rule

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
TSV_SUFFIXES = (".tsv", ".tab")
MEMORY_SUFFIXES = bitext.MEMORY_SUFFIXES

#: File-name parts that say which side of a line-aligned pair a file is.
_EN_PARTS = {"en", "eng", "english", "src", "source"}
_ZH_PARTS = {"zh", "zho", "cmn", "chi", "chinese", "cn", "hans", "chs", "zhs", "ref", "tgt", "target"}


@dataclass
class LintOptions:
    """What to check and how to read the inputs."""

    select: set[str] | None = None
    ignore: set[str] = field(default_factory=set)
    src_lang: str | None = None
    tgt_lang: str | None = None
    #: Lint the units that are not finished translations too (see :func:`is_unfinished`).
    include_fuzzy: bool = False


#: Told how far linting has come: a path and the line reached in it, or None when that
#: file is done (what a progress bar needs; told once per batch of pairs, not per line).
Progress = Callable[[str, int | None], None]


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    files: int = 0
    input_errors: int = 0
    #: Units of TMX/PO/XLIFF files left out as unfinished (fuzzy, untranslated).
    unfinished: int = 0
    #: What was not checked and why (one line each, without a location), e.g. a
    #: target language the glossary has no terms in.
    warnings: list[str] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(d.severity is severity for d in self.diagnostics)


#: ``--select ALL``: every rule, the opt-in ones too.
ALL = "ALL"


def unknown_rules(ids: Iterable[str]) -> list[str]:
    """The ids that name no rule."""
    known = set(RULES) | {INPUT_ERROR.id, ALL}
    return sorted(i for i in ids if i not in known)


#: The props under which the readers keep an XLIFF target's ``state`` and a PO entry's
#: obsolescence.
STATE_PROP = PROP_XLIFF_STATE
OBSOLETE_PROP = PROP_PO_OBSOLETE


def is_unfinished(unit: TranslationUnit) -> bool:
    """Whether a unit's target is not (yet) a translation, as msgfmt sees a fuzzy entry.

    Unfinished: a PO entry marked ``#, fuzzy`` or obsolete (``#~``), an XLIFF target
    whose state says it needs review (``needs-review-*``, which the reader marks
    fuzzy), has not been translated (``new``, ``needs-translation``, XLIFF 2
    ``initial``) or needs other work (``needs-l10n``, ``needs-adaptation``;
    :func:`~termkit.model.unfinished_state`, as ``convert`` and the PO writer see it).  XLIFF's ``approved="no"`` is not read: tools write it on every
    translated unit.  TMX and TSV have no such state of their own; a TMX unit that
    termkit wrote from a fuzzy PO entry carries its ``x-fuzzy`` prop and is
    unfinished too.

    >>> is_unfinished(TranslationUnit(fuzzy=True)), is_unfinished(TranslationUnit())
    (True, False)
    >>> is_unfinished(TranslationUnit(props=[("x-state", "needs-translation")]))
    True
    """
    if unit.fuzzy:
        return True
    for key, value in unit.props:
        if (key == STATE_PROP and unfinished_state(value)) or (key == OBSOLETE_PROP and value == "yes"):
            return True
    return False


def detect_language(text: str) -> str:
    """``zh`` for mostly-Han text (``zh-Hant`` in Traditional characters), else ``en``.

    Looks at the first 200,000 characters.  A Traditional text is never checked
    against the glossary's Simplified (zh-CN) terms.
    """
    head = text[:200_000]
    if han_ratio(head) < 0.3:
        return "en"
    return "zh-Hant" if is_traditional(head) else "zh"


class Linter:
    """The glossary index and the active rules; lints one input at a time."""

    def __init__(
        self, index: GlossaryIndex, options: LintOptions | None = None, progress: Progress | None = None
    ) -> None:
        self.index = index
        self.options = options or LintOptions()
        #: Told the line reached after each batch of pairs (see :data:`Progress`).
        self.progress = progress
        #: Units left out as unfinished so far (see :func:`is_unfinished`).
        self.unfinished = 0
        #: What was not checked and why, each said once.
        self.warnings: list[str] = []
        unknown = unknown_rules((self.options.select or set()) | self.options.ignore)
        if unknown:
            raise UsageError(f"unknown rule {', '.join(unknown)}; see 'termkit lint --list-rules'")

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def _check_terms(self, lang: str) -> None:
        """Warn once when the glossary has no terms in ``lang``: no term rule can fire there."""
        langs = self.index.languages()
        if not langs or self.index.has_terms(lang):
            return
        lang = langtags.normalize(lang)
        apart = (
            " (Simplified and Traditional Chinese are kept apart)"
            if any(langtags.primary(g) == langtags.primary(lang) for g in langs)
            else ""
        )
        self.warn(
            f"the glossary has no {lang} terms, only {', '.join(langs)}{apart}: "
            f"the term rules are skipped for {lang} text"
        )

    def rules(self, scope: str) -> list[Rule]:
        return [
            r for r in sorted(RULES.values(), key=lambda r: r.id) if r.scope == scope and self.enabled(r.id)
        ]

    def enabled(self, rule_id: str) -> bool:
        """Selected (by id, or ``ALL``; by default the default rules) and not ignored."""
        sel = self.options.select
        if rule_id in self.options.ignore:
            return False
        if sel is None:
            return RULES[rule_id].default
        return rule_id in sel or ALL in sel

    # ------------------------------------------------------------------
    def lint_text(
        self, path: str, text: str, markdown: bool = False, lang: str | None = None
    ) -> list[Diagnostic]:
        """Lint a monolingual text (language detected unless given); CR-only line ends
        (:func:`~termkit.textio.cr_line_ends`) count as LF.  A plain text is linted in
        blocks (:func:`~termkit.lint.documents.text_blocks`), a Markdown one whole (what
        is code depends on the blocks around it)."""
        text = lf_line_ends(text)
        lang = _by_text(lang or self.options.src_lang or detect_language(text), text[:200_000])
        self._check_terms(lang)
        lang = self.index.resolve_lang(lang)
        if markdown:
            return self._lint_docs([TextDocument.build(path, text, lang, self.index, markdown=True)])
        return self._lint_blocks(path, io.StringIO(text).read, lang)

    def _lint_blocks(self, path: str, read: Callable[[int], str], lang: str) -> list[Diagnostic]:
        """Lint a text read by ``read`` (see :func:`~termkit.lint.documents.text_blocks`) block by block."""
        matcher = self.index.matcher(lang)

        def can_cut(text: str, p: int) -> bool:
            return matcher.cuts_at(text, p) and not _suppression_across(text, p)

        blocks = text_blocks(read, BLOCK, can_cut)
        return self._lint_docs(TextDocument.build(path, b.text, lang, self.index, block=b) for b in blocks)

    def _lint_docs(self, docs: Iterable[TextDocument]) -> list[Diagnostic]:
        """Lint the blocks of one text, in order: the rules about each block on it, the
        whole-file rules on what they kept of all."""
        rules = self.rules(TEXT)
        tallies = {r.id: r.tally() for r in rules if r.tally is not None}
        found: dict[str, list[Report]] = {r.id: [] for r in rules}  # (by rule, as a whole text has them)
        suppressions = Suppressions()
        for doc in docs:
            suppressions.update(doc.suppressions)
            for r in rules:
                tally = tallies.get(r.id)
                found[r.id].extend(r.func(doc) if tally is None else tally.add(doc))
        out: list[Diagnostic] = []
        for r in rules:
            tally = tallies.get(r.id)
            if tally is not None:
                found[r.id].extend(tally.finish())
            out.extend(
                _diagnostic(r, rep) for rep in found[r.id] if not suppressions.silenced(rep.where[1], r.id)
            )
        return one_per_span(out)

    def lint_pairs(
        self, path: str, pairs: Iterable[SegmentPair], src_lang: str, tgt_lang: str
    ) -> list[Diagnostic]:
        """Lint the segment pairs of one bilingual input, as they come.

        Pairs are matched in batches; the rules about one pair run on each batch at
        once, and the whole-file rules take in each batch and keep only what their
        findings need (per concept, the target terms used; per distinct segment a
        fingerprint), so that a memory of a million units is never held whole.
        """
        self._check_terms(src_lang)
        self._check_terms(tgt_lang)
        src_lang, tgt_lang = self.index.resolve_lang(src_lang), self.index.resolve_lang(tgt_lang)
        rules = self.rules(BITEXT)
        work = _BatchLinter(src_lang, tgt_lang, self.index, rules)
        out: list[Diagnostic] = []
        silenced: dict[tuple[str, int], SegmentPair] = {}
        with _no_gc():
            for batch in _batches(pairs, BATCH):
                out.extend(work(path, batch, silenced))
                if self.progress is not None:
                    last = batch[-1]
                    self.progress(last.src.path, last.src.line)
                    if last.tgt.path != last.src.path:
                        self.progress(last.tgt.path, last.tgt.line)
            out.extend(work.finish(silenced))
        return out

    # ------------------------------------------------------------------
    def lint_file(self, path: str) -> list[Diagnostic]:
        """Lint one file of any kind; a read error is an ``input-error`` finding."""
        if path == STDIO:
            return self.lint_stdin()
        kind = input_kind(path)
        if kind == "memory":
            return self._lint_memory(path)
        if kind == "text":
            streamed = self._lint_text_file(path)
            if streamed is not None:
                return streamed
        if kind in ("tsv", "text"):
            streamed = self._lint_tsv_file(path, kind)
            if streamed is not None:
                return streamed
        text = read_text(path)
        if kind == "tsv" or (kind == "text" and looks_like_tsv(text)):
            src_lang, tgt_lang = self._tsv_langs(text, path)
            return self._lint_stream(path, lambda: _tsv_pairs(path, split_lines(text)), src_lang, tgt_lang)
        return self.lint_text(path, text, markdown=kind == "markdown")

    def _lint_text_file(self, path: str) -> list[Diagnostic] | None:
        """Lint a plain text file as it is read, block by block; None where it is to be
        read whole instead: not a regular file, not UTF-8 (a BOM-marked UTF-16 file, a
        binary file, a byte that is not UTF-8: reading it whole says where), a TSV
        bitext, or one without an LF in its first megabyte (perhaps CR line ends)."""
        if not os.path.isfile(path):
            return None
        try:
            with open(path, "rb") as fp:
                reader = _TextReader(fp)
                head = reader.head()
                if head is None or looks_like_tsv(head):
                    return None
                lang = _by_text(self.options.src_lang or detect_language(head), head)
                out = self._lint_blocks(path, reader.read, self.index.resolve_lang(lang))
        except (OSError, _NotUtf8):
            return None
        self._check_terms(lang)  # (once the file is read: one that is not UTF-8 warns of nothing)
        return out

    def _lint_tsv_file(self, path: str, kind: str) -> list[Diagnostic] | None:
        """Lint a TSV bitext file (``kind`` ``text``: a text file that looks like one) a
        line at a time, as it is read; None where it is to be read whole instead: not a
        regular file, not UTF-8 (reading it whole says where), not a bitext, or one
        without an LF in its first megabyte (perhaps CR line ends).  What was linted
        before a byte that is not UTF-8 is dropped, as the whole file is then one
        ``input-error``."""
        if not os.path.isfile(path):
            return None
        warnings, unfinished = list(self.warnings), self.unfinished
        try:
            with open(path, "rb") as fp:
                reader = _TextReader(fp)
                head = reader.head(lines=_TSV_HEAD_LINES)
                if head is None or (kind == "text" and not looks_like_tsv(head)):
                    return None
                src_lang, tgt_lang = self._tsv_langs(head, path)
                lines = _lines(_parts(reader))
                return self._lint_stream(path, lambda: _tsv_pairs(path, lines), src_lang, tgt_lang)
        except (OSError, _NotUtf8):
            self.warnings[:], self.unfinished = warnings, unfinished
            return None

    def lint_stdin(self) -> list[Diagnostic]:
        """Lint standard input, whose kind is told from its content (it has no name).

        A TMX, XLIFF or PO document (:func:`~termkit.formats.registry.sniff_format`)
        is linted as a memory; a text whose non-empty lines all hold a tab, with
        Chinese on one side (one line is enough), as a TSV bitext; anything else as
        a plain text.
        """
        from ..formats.registry import sniff_format

        name = shown_path(STDIO)
        with open_bytes(STDIO) as stdin:
            with reading(name):
                head = stdin.read(_SNIFF)  # (what sniff_format looks at)
            fmt = sniff_format(head)
            if fmt in ("tmx", "xliff"):
                # read as it comes, as a file is (a PO file is read whole: its keyword lines)
                streamed = cast(IO[bytes], _HeadThenRest(head, stdin, name))
                return self._lint_memory(name, streamed, fmt, head=head)
            with reading(name):
                data = head + stdin.read() if len(head) == _SNIFF else head
        if fmt is not None:
            source = io.BytesIO(data)
            source.name = name
            return self._lint_memory(name, source, fmt)
        text = decode(data, name)
        if looks_like_tsv(text, min_lines=1):
            src_lang, tgt_lang = self._tsv_langs(text, name)
            return self._lint_stream(name, lambda: _tsv_pairs(name, split_lines(text)), src_lang, tgt_lang)
        return self.lint_text(name, text)

    def lint_line_aligned(self, src_path: str, tgt_path: str) -> list[Diagnostic]:
        """Lint two line-aligned files (line n of one translates line n of the other).

        Without ``--src-lang``, a source file of Chinese text (``--src doc.zh.txt``)
        is Chinese, and its target English unless ``--tgt-lang`` says otherwise; an
        English ``--tgt-lang`` alone has a Chinese source
        (:func:`~termkit.model.complete_direction`)."""
        src_opt, tgt_opt = self.options.src_lang or None, self.options.tgt_lang or None
        found = None if src_opt else _file_language(src_path)
        shown = (found, EN) if found is not None and langtags.primary(found) == "zh" else (EN, ZH)
        # (a Chinese --src file or --src-lang, or an English --tgt-lang: a translation into English)
        src_lang, tgt_lang = complete_direction(src_opt, tgt_opt, shown)
        if _names_no_script(src_lang):  # (--src-lang zh: the source's script tells)
            found = _file_language(src_path)
            src_lang = found if langtags.primary(found) == "zh" else src_lang
        # (into Chinese with no --tgt-lang, or --tgt-lang zh: the target's script tells
        # zh-CN from zh-Hant)
        by_script = (tgt_opt is None or _names_no_script(tgt_lang)) and langtags.primary(src_lang) != "zh"
        streamed = self._lint_aligned_files(src_path, tgt_path, src_lang, None if by_script else tgt_lang)
        if streamed is not None:
            return streamed
        tgt_text: str | TermkitError | None = None  # the target, read once: it may be stdin or a pipe
        if by_script:
            try:
                tgt_text = read_text(tgt_path)
            except TermkitError as exc:
                tgt_text = exc  # (reading the pairs says why it cannot be read)
            tgt_lang = bitext.chinese_target(tgt_text) if isinstance(tgt_text, str) else ZH
        return self._lint_stream(
            shown_path(src_path), lambda: _line_pairs(src_path, tgt_path, tgt_text), src_lang, tgt_lang
        )

    def _lint_aligned_files(
        self, src_path: str, tgt_path: str, src_lang: str, tgt_lang: str | None
    ) -> list[Diagnostic] | None:
        """Lint two line-aligned files as they are read, a line of each at a time (the
        target's language, unless given, told by its head as :meth:`lint_line_aligned`
        tells it); None where they are to be read whole instead: not regular files, not
        UTF-8, one without an LF in its first megabyte, or numbers of lines that differ
        (reading them whole says where they part)."""
        counts = [_count_lines(src_path), _count_lines(tgt_path)]
        if counts[0] is None or counts[0] != counts[1]:
            return None
        warnings, unfinished = list(self.warnings), self.unfinished
        try:
            with open(src_path, "rb") as src_fp, open(tgt_path, "rb") as tgt_fp:
                src, tgt = _TextReader(src_fp), _TextReader(tgt_fp)
                tgt_head = tgt.head()
                if src.head() is None or tgt_head is None:
                    return None
                tgt_lang = tgt_lang or bitext.chinese_target(tgt_head)
                pairs = _aligned_pairs(src_path, tgt_path, _lines(_parts(src)), _lines(_parts(tgt)))
                return self._lint_stream(shown_path(src_path), lambda: pairs, src_lang, tgt_lang)
        except (OSError, _NotUtf8):
            self.warnings[:], self.unfinished = warnings, unfinished
            return None

    def _lint_stream(
        self, path: str, make: Callable[[], Iterable[SegmentPair]], src_lang: str, tgt_lang: str
    ) -> list[Diagnostic]:
        """Lint pairs as they are read; a read error midway still lints what came before it."""
        errors: list[TermkitError] = []

        def guarded() -> Iterator[SegmentPair]:
            try:
                yield from make()
            except TermkitError as exc:
                errors.append(exc)

        out = self.lint_pairs(path, guarded(), src_lang, tgt_lang)
        out.extend(input_error(exc, path) for exc in errors)
        return out

    def _lint_memory(
        self, path: str, source: IO[bytes] | None = None, fmt: str | None = None, head: bytes | None = None
    ) -> list[Diagnostic]:
        """Lint a memory file ``path``, or ``source`` (format ``fmt``) named ``path``, as it
        is read; the languages are :meth:`_memory_langs`'s, told by its first units (and
        a TMX header, read from ``head``, the first bytes of a ``source`` that streams
        from standard input and cannot be read again, else from ``source``)."""
        errors: list[TermkitError] = []
        if source is None:
            source, fmt = _po_source(path, fmt)
        po_lines = _po_lines(source, fmt)

        def guarded() -> Iterator[TranslationUnit]:
            from ..formats.registry import iter_memory

            try:
                yield from iter_memory(path if source is None else source, fmt)
            except TermkitError as exc:
                errors.append(exc)

        # (the header is read before the units: they may stream from ``source`` itself)
        probe = source if head is None else io.BytesIO(head)
        declared, kind = _declared_source(path, probe, fmt)
        units = guarded()
        ahead = list(itertools.islice(units, MEMORY_LOOK_AHEAD))
        src_lang, tgt_lang = self._memory_langs(_memory_source(declared, kind, ahead), _chinese_tag(ahead))
        # (a bare zh side is in the script its text is written in)
        src_lang, tgt_lang = (_by_text(lang, _text_under(lang, ahead)) for lang in (src_lang, tgt_lang))
        pairs = self._memory_pairs(path, itertools.chain(ahead, units), src_lang, tgt_lang, po_lines)
        out = self.lint_pairs(path, pairs, src_lang, tgt_lang)
        out.extend(input_error(exc, path) for exc in errors)
        return out

    def _memory_langs(self, declared: str | None, chinese_tag: str = ZH) -> tuple[str, str]:
        """The source and target languages of a memory whose source language is
        ``declared`` and whose Chinese is tagged ``chinese_tag``: from that Chinese into
        English, else from English into ``chinese_tag``; ``--src-lang``/``--tgt-lang``
        as :func:`~termkit.model.complete_direction` completes them."""
        chinese = declared is not None and langtags.primary(declared) == "zh"
        found = (declared, EN) if chinese and declared is not None else (EN, chinese_tag)
        return complete_direction(self.options.src_lang or None, self.options.tgt_lang or None, found)

    def _memory_pairs(
        self,
        path: str,
        units: Iterable[TranslationUnit],
        src_lang: str,
        tgt_lang: str,
        po_lines: tuple[list[int], list[int]] | None,
    ) -> Iterator[SegmentPair]:
        """The pairs of the ``units`` of a memory file ``path``."""
        sides: dict[str, str | None] = {}  # language tag -> "src", "tgt" or None
        untargeted = 0
        for n, unit in enumerate(units, 1):
            if not self.options.include_fuzzy and is_unfinished(unit):
                self.unfinished += 1
                continue
            pair = _unit_pair(path, n, unit, src_lang, tgt_lang, sides)
            if pair is not None:
                if po_lines is not None:
                    _at_po_keywords(pair, *po_lines)
                yield pair
            elif any(sides.get(lang) is None for lang in unit.segments):
                untargeted += 1
        if untargeted:
            others = sorted(lang for lang, side in sides.items() if side is None)
            self.warn(
                f"{shown_path(path)}: {count(untargeted, 'unit')} not linted: "
                f"no {src_lang} source or {tgt_lang} target, only {', '.join(others)} "
                "(see --src-lang/--tgt-lang)"
            )

    def _tsv_langs(self, text: str, path: str) -> tuple[str, str]:
        """The source and target languages of a TSV bitext, whose first column is the source.

        ``--src-lang``/``--tgt-lang`` name them; else a header line of language tags
        (``zh-CN<TAB>en``) names the source and the target in its order; else the first
        column is the source, Chinese (a zh→en bitext, into English) when it is the one
        that holds Chinese, else English (into Chinese); a Chinese side in Traditional
        characters is ``zh-Hant``.  Languages given that put Chinese on the side that has
        none are warned about (the columns are not swapped: the first is the source)."""
        left, right = [], []
        for line in text.splitlines()[:2000]:
            if "\t" in line:
                a, b = line.split("\t")[:2]
                left.append(a)
                right.append(b)
        src_opt, tgt_opt = self.options.src_lang or None, self.options.tgt_lang or None
        header = bitext.tsv_header(text.splitlines()[:50])
        # (a bare zh column is in the script its text is written in)
        left_text, right_text = " ".join(left[:500]), " ".join(right[:500])
        if header is not None and not (src_opt or tgt_opt):
            # (the languages the file names: en<TAB>zh-Hant)
            return _by_text(header[0], left_text), _by_text(header[1], right_text)
        shown = bitext.column_languages(left, right)
        src_lang, tgt_lang = complete_direction(src_opt, tgt_opt, shown)
        src_lang, tgt_lang = _by_text(src_lang, left_text), _by_text(tgt_lang, right_text)
        first, second = han_ratio(left_text), han_ratio(right_text)
        chinese_first, chinese_second = first > second + 0.3, second > first + 0.3
        if (src_opt or tgt_opt) and (
            (chinese_first and langtags.primary(src_lang) != "zh")
            or (chinese_second and langtags.primary(tgt_lang) != "zh")
        ):
            where = "first" if chinese_first else "second"
            self.warn(
                f"{shown_path(path)}: its {where} column is Chinese, but --src-lang/--tgt-lang make "
                f"the first column {src_lang} and the second {tgt_lang} (a TSV bitext is "
                "source<TAB>target): check the options, or swap the columns"
            )
        return src_lang, tgt_lang


def _po_source(path: str, fmt: str | None) -> tuple[IO[bytes] | None, str | None]:
    """A PO file's bytes, read once for its units and its keyword lines
    (:func:`_po_lines`), as a file object named ``path``, and its format; None and
    ``fmt`` for another format (read as it streams), or a file that cannot be read
    (its reader says why)."""
    from ..formats.registry import detect_format

    try:
        if detect_format(path, fmt) != "po":
            return None, fmt
        source = io.BytesIO(read_bytes(path))
    except TermkitError:
        return None, fmt
    source.name = path
    return source, "po"


def _po_lines(source: IO[bytes] | None, fmt: str | None) -> tuple[list[int], list[int]] | None:
    """The ``msgid`` and ``msgstr`` lines of a PO file read (:func:`~termkit.formats.po.keyword_lines`);
    None for another format."""
    from ..formats.po import keyword_lines

    if fmt != "po" or not isinstance(source, io.BytesIO):
        return None
    return keyword_lines(source.getvalue(), shown_path(source.name))


def _at_po_keywords(pair: SegmentPair, ids: list[int], strs: list[int]) -> None:
    """Show a PO entry's source at its ``msgid`` line and its translation at its ``msgstr``
    line, not both at the entry's first line (a ``#:`` comment, say)."""
    i = bisect.bisect_left(ids, pair.src.line)
    if i == len(ids):
        return
    j = bisect.bisect_left(strs, ids[i])
    if j == len(strs) or (i + 1 < len(ids) and strs[j] > ids[i + 1]):
        return
    pair.src.line, pair.tgt.line = ids[i], strs[j]


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The cycle collector off while millions of acyclic objects (hits, pairs) are made.

    Lint makes no reference cycles; a full collection over a large memory's hits
    costs a fifth of the run and frees nothing.  Reference counting still frees.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


#: Text rules that may report the same span of a text, the most specific first: a term
#: to replace (deprecated; another variant of the concept) before how it is spelled.
SPAN_RULES = ("deprecated-term", "mixed-variants", "non-preferred-term", "term-case", "term-hyphenation")
_SPAN_RANK = {rule_id: rank for rank, rule_id in enumerate(SPAN_RULES)}


def one_per_span(diags: list[Diagnostic]) -> list[Diagnostic]:
    """One finding per span of text among :data:`SPAN_RULES`: the most specific.

    "Whole-Village Advancements" for the deprecated "whole-village advancement" is one
    deprecated term, not also a capitalisation problem; a term both capitalised and
    hyphenated otherwise than in the glossary is one ``term-case`` finding (both rules
    would say the same: how the glossary writes it).
    """
    best: dict[tuple[str, int, int, str | None], int] = {}
    for d in diags:
        rank = _SPAN_RANK.get(d.rule)
        if rank is not None:
            key = (d.path, d.line, d.column, d.matched)
            best[key] = min(rank, best.get(key, rank))
    if len(best) == sum(d.rule in _SPAN_RANK for d in diags):
        return diags
    return [
        d
        for d in diags
        if d.rule not in _SPAN_RANK or best[(d.path, d.line, d.column, d.matched)] == _SPAN_RANK[d.rule]
    ]


def _diagnostic(r: Rule, rep: Report) -> Diagnostic:
    path, line, column = rep.where
    return Diagnostic(
        path,
        line,
        column,
        rep.severity or r.severity,
        rep.message,
        r.id,
        rep.concept,
        rep.matched,
        rep.expected,
    )


def input_error(exc: TermkitError, path: str) -> Diagnostic:
    """A read error as a located finding of rule ``input-error``."""
    return Diagnostic(
        exc.path or path, exc.line or 1, exc.column or 1, Severity.ERROR, exc.message, INPUT_ERROR.id
    )


#: Segments matched in one pass (joined by blank lines).
BATCH = 512
#: Characters of a text matched in one pass (about; a block ends at a line break).
BLOCK = 1 << 20
#: Lines read before a TSV bitext is linted: what its languages are told from
#: (:meth:`Linter._tsv_langs`), whole.
_TSV_HEAD_LINES = 2002


#: Bytes of standard input that tell what it is (:func:`~termkit.formats.registry.sniff_format`).
_SNIFF = 65536


class _HeadThenRest(io.RawIOBase):
    """Standard input whose first bytes were read to tell what it is: they, then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes], name: str) -> None:
        super().__init__()
        self.head, self.rest, self.name = head, rest, name

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if not self.head:
            with reading(self.name):
                return self.rest.read(-1 if size is None else size)
        if size is None or size < 0:
            with reading(self.name):
                out, self.head = self.head + self.rest.read(), b""
        else:
            out, self.head = self.head[:size], self.head[size:]
        return out

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _NotUtf8(Exception):
    """A byte that is not UTF-8 (or a BOM, or a NUL) in a text read in blocks."""


class _TextReader:
    """A UTF-8 text file, read and decoded a part at a time."""

    CHUNK = 1 << 20

    def __init__(self, fp: IO[bytes]) -> None:
        self.fp = fp
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.pending = ""
        self.done = False

    def head(self, lines: int = 500) -> str | None:
        """The beginning of the text, long enough for what is told from it (the first
        500 lines, 200,000 characters: :func:`looks_like_tsv`, :func:`detect_language`;
        the first ``lines`` whole), kept to be read again; None when the file is to be
        read whole."""
        data = self.fp.read(self.CHUNK)
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None
        data = data.removeprefix(codecs.BOM_UTF8)
        last = self._decode(data)  # (a NUL: _NotUtf8, and the file is read whole)
        parts, size, breaks = [last], len(last), _line_breaks(last)
        # (the lines counted as str.splitlines counts them, a part at a time: a CR that
        # ends one part and an LF that starts the next are one line break)
        while not self.done and (size < 200_000 or breaks + (not _ends_line(last)) <= lines):
            part = self._decode(self.fp.read(self.CHUNK))
            if part:
                breaks += _line_breaks(part) - (last.endswith("\r") and part.startswith("\n"))
                parts.append(part)
                size += len(part)
                last = part
        head = "".join(parts)
        if "\n" not in head:
            return None
        self.pending = head
        return head

    def read(self, n: int) -> str:
        """About ``n`` more characters ('' at the end)."""
        if self.pending:
            out, self.pending = self.pending, ""
            return out
        out = ""
        while not out and not self.done:
            out = self._decode(self.fp.read(max(n, self.CHUNK)))
        return out

    def _decode(self, data: bytes) -> str:
        if b"\x00" in data:  # (no text holds one: reading the file whole says where it is)
            raise _NotUtf8
        try:
            if not data:
                self.done = True
                return self.decoder.decode(b"", final=True)
            return self.decoder.decode(data)
        except UnicodeDecodeError:
            raise _NotUtf8 from None


#: The line breaks of :meth:`str.splitlines` (CR LF is one).
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _line_breaks(text: str) -> int:
    """How many line breaks ``text`` holds, as :meth:`str.splitlines` sees them."""
    return sum(1 for _ in _LINE_BREAK.finditer(text))


def _ends_line(text: str) -> bool:
    """Whether ``text`` ends in a line break (or is empty): no line of its own after it."""
    return not text or _LINE_BREAK.fullmatch(text[-1]) is not None


def _suppression_across(text: str, p: int) -> bool:
    """Whether a ``termkit: ignore`` marker may run across ``p`` (``termkit:`` before the
    spaces and line breaks there)."""
    a = p
    while a > 0 and text[a - 1].isspace():
        a -= 1
    return text.endswith("termkit:", 0, a)


def _batches(pairs: Iterable[SegmentPair], size: int) -> Iterator[list[SegmentPair]]:
    batch: list[SegmentPair] = []
    for pair in pairs:
        batch.append(pair)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _reported(
    r: Rule, reports: Iterable[Report], silenced: dict[tuple[str, int], SegmentPair]
) -> list[Diagnostic]:
    out = []
    for rep in reports:
        p = silenced.get(rep.where[:2])
        if p is None or not p.is_silenced(r.id):
            out.append(_diagnostic(r, rep))
    return out


class _BatchLinter:
    """Matches a batch of pairs, runs the per-pair rules on it and gives it to the whole-file rules."""

    def __init__(self, src_lang: str, tgt_lang: str, index: GlossaryIndex, rules: list[Rule]) -> None:
        self.src_lang, self.tgt_lang, self.index = src_lang, tgt_lang, index
        self.src_m, self.tgt_m = index.matcher(src_lang), index.matcher(tgt_lang)
        self.pair_rules = [r for r in rules if r.tally is None]
        self.tallies = [(r, r.tally(), list[Report]()) for r in rules if r.tally is not None]

    def __call__(
        self, path: str, batch: list[SegmentPair], silenced: dict[tuple[str, int], SegmentPair]
    ) -> list[Diagnostic]:
        """The findings of the per-pair rules on ``batch``; ``silenced`` takes in its
        pairs with a suppression (by where they are: a finding there is silenced)."""
        _match_pairs(batch, self.src_m, self.tgt_m)
        here = {
            key: pair
            for pair in batch
            if pair.silence_all or pair.silenced
            for key in ((pair.src.path, pair.src.line), (pair.tgt.path, pair.tgt.line))
        }
        silenced.update(here)
        part = BitextDocument(path, self.src_lang, self.tgt_lang, self.index, batch)
        out = []
        for r in self.pair_rules:
            out.extend(_reported(r, r.func(part), here))
        for _, tally, reports in self.tallies:
            reports.extend(tally.add(part))
        return out

    def finish(self, silenced: dict[tuple[str, int], SegmentPair]) -> list[Diagnostic]:
        """The findings of the whole-file rules, silenced by any pair of the file."""
        out = []
        for r, tally, reports in self.tallies:
            reports.extend(tally.finish())
            out.extend(_reported(r, reports, silenced))
        return out


def _match_pairs(batch: list[SegmentPair], src_m: TermMatcher, tgt_m: TermMatcher) -> None:
    src_hits = src_m.find_many([p.src.text for p in batch])
    tgt_hits = tgt_m.find_all_many([p.tgt.text for p in batch])
    for pair, s_hits, t_hits in zip(batch, src_hits, tgt_hits, strict=True):
        pair.src.hits = s_hits
        pair.tgt.all_hits = t_hits
        pair.tgt.hits = leftmost_longest(t_hits) if len(t_hits) > 1 else t_hits


# --------------------------------------------------------------------------
# Inputs


def input_kind(path: str) -> str:
    """``memory`` (TMX/PO/XLIFF), ``tsv``, ``markdown`` or ``text``, from the file name."""
    suffix = Path(path).suffix.lower()
    if suffix in MEMORY_SUFFIXES:
        return "memory"
    if suffix in TSV_SUFFIXES:
        return "tsv"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def looks_like_tsv(text: str, min_lines: int = 2) -> bool:
    """Nearly every non-empty line is ``a<TAB>b`` with Chinese on exactly one side.

    A file needs two such lines at least (a text may hold one tab); standard input,
    which has no name to tell, ``min_lines=1``.
    """
    lines = [ln for ln in text.splitlines()[:500] if ln.strip()]
    if not lines or len(lines) < min_lines:
        return False
    tabbed = [ln.split("\t") for ln in lines if "\t" in ln]
    if len(tabbed) < 0.9 * len(lines):
        return False
    left_text = " ".join(t[0] for t in tabbed)
    right_text = " ".join(t[1] for t in tabbed)
    if not (_has_letters(left_text) and _has_letters(right_text)):
        return False  # one side empty: Chinese indented with tabs ("\t我们反对济贫。")
    return abs(han_ratio(left_text) - han_ratio(right_text)) > 0.3


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _file_language(path: str) -> str:
    """The language of a source file's text as :func:`detect_language` tells it from its
    first 256 KB: ``zh-CN`` (``zh-Hant`` in Traditional characters) or ``en``; ``en``
    for standard input or a pipe (read once, by the pairing) and for a file that cannot
    be read as UTF-8 or BOM-marked UTF-16 text (the pairing says why)."""
    if path == STDIO or not os.path.isfile(path):
        return EN
    try:
        with open(path, "rb") as fp:
            data = fp.read(1 << 18)
    except OSError:
        return EN
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # (as decode reads it)
        head = data[len(codecs.BOM_UTF16_LE) :].decode(utf16_codec(data), errors="ignore")
    else:
        head = data.decode("utf-8", errors="ignore")
    lang = detect_language(head)
    return ZH if lang == "zh" else lang


def _tsv_pairs(path: str, lines: Iterable[str]) -> Iterator[SegmentPair]:
    """The pairs of a TSV bitext, its ``lines`` (:func:`~termkit.textio.split_lines`)
    read whole or as they come."""
    line = ""

    def kept() -> Iterator[str]:
        nonlocal line
        for text in lines:
            line = text
            yield text

    # (iter_tsv_lines yields a row as soon as it has read its line: ``line``)
    for p in bitext.iter_tsv_lines(kept(), path):
        a_raw, b_raw = line.split("\t")[:2]
        a_col = 1 + (len(a_raw) - len(a_raw.lstrip()))
        b_col = len(a_raw) + 2 + (len(b_raw) - len(b_raw.lstrip()))
        a = Side(p.src, path, p.line, a_col)
        b = Side(p.tgt, path, p.line, b_col)
        yield SegmentPair(p.id, a, b)


def _aligned_pairs(
    src_path: str, tgt_path: str, src_lines: Iterable[str], tgt_lines: Iterable[str]
) -> Iterator[SegmentPair]:
    """The pairs of two line-aligned files of as many lines, read as they come (as
    :func:`_line_pairs` pairs them read whole)."""
    src_name, tgt_name = shown_path(src_path), shown_path(tgt_path)
    for lineno, (s_line, t_line) in enumerate(itertools.zip_longest(src_lines, tgt_lines), 1):
        if s_line is None or t_line is None:
            raise _NotUtf8  # (a file changed since its lines were counted: read them whole)
        if s_line.strip() or t_line.strip():
            yield SegmentPair(
                f"{src_name}:{lineno}",
                Side(s_line.strip(), src_name, lineno, 1 + len(s_line) - len(s_line.lstrip())),
                Side(t_line.strip(), tgt_name, lineno, 1 + len(t_line) - len(t_line.lstrip())),
            )


def _count_lines(path: str) -> int | None:
    """How many lines (:func:`~termkit.textio.split_lines`) a UTF-8 file with an LF in
    its first megabyte has, read a part at a time; None for another (a pipe, a file
    that is not UTF-8, CR line ends perhaps), which is to be read whole.  Counted once
    while the file is unchanged (two files paired by name are counted to pair them,
    then again before they are linted)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return _counted_lines(path, st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=64)
def _counted_lines(path: str, _mtime_ns: int, _size: int) -> int | None:
    """:func:`_count_lines` of a regular file as it is at ``_mtime_ns`` and ``_size``."""
    try:
        with open(path, "rb") as fp:
            reader = _TextReader(fp)
            if reader.head() is None:
                return None
            return sum(1 for _ in _lines(_parts(reader)))
    except (OSError, _NotUtf8):
        return None


def _parts(reader: _TextReader) -> Iterator[str]:
    """The text of ``reader``, a block at a time (its head first)."""
    return iter(functools.partial(reader.read, BLOCK), "")


def _lines(parts: Iterable[str]) -> Iterator[str]:
    r"""The lines of a text with an LF (:func:`~termkit.textio.split_lines`) that comes in ``parts``.

    >>> list(_lines(["a\r", "\nb\n\r", "c\n\r"])), split_lines("a\r\nb\n\rc\n\r")
    (['a', 'b', '\rc'], ['a', 'b', '\rc'])
    """
    rest: list[str] = []  # (the start of a line, in parts: a long one is joined once)
    for part in parts:
        if "\n" not in part:
            rest.append(part)
            continue
        rest.append(part)
        lines = "".join(rest).split("\n")
        rest = [lines.pop()]
        for line in lines:
            yield line.removesuffix("\r")
    last = "".join(rest).removesuffix("\r")
    if last:
        yield last


def _line_pairs(
    src_path: str, tgt_path: str, tgt_text: str | TermkitError | None = None
) -> Iterator[SegmentPair]:
    """The pairs of two line-aligned files, each side with the column its text starts at
    (``tgt_text``: the target already read, or the error reading it gave)."""
    src_raw = read_lines(src_path)
    if isinstance(tgt_text, TermkitError):
        raise tgt_text
    tgt_raw = read_lines(tgt_path) if tgt_text is None else split_lines(tgt_text)
    src_name, tgt_name = shown_path(src_path), shown_path(tgt_path)
    for p in bitext.pair_lines(src_raw, tgt_raw, src_name, tgt_name):
        s_line, t_line = src_raw[p.line - 1], tgt_raw[p.line - 1]
        yield SegmentPair(
            p.id,
            Side(p.src, src_name, p.line, 1 + len(s_line) - len(s_line.lstrip())),
            Side(p.tgt, tgt_name, p.line, 1 + len(t_line) - len(t_line.lstrip())),
        )


#: How many units of a memory are read ahead to find its source language.
MEMORY_LOOK_AHEAD = 50


def _declared_source(path: str, source: IO[bytes] | None, fmt: str | None) -> tuple[str | None, str | None]:
    """A memory's format and the source language its header declares (a TMX header's
    ``srclang`` other than ``*all*``; None for another format), read before its units
    (``source`` is left at its start); (None, None) when it cannot be read (reading
    its units says why)."""
    from ..formats.registry import detect_format
    from ..formats.tmx import ALL_LANGUAGES, read_tmx_header

    try:
        kind = detect_format(path if source is None else source, fmt)
        if kind == "tmx":
            if source is not None:
                source.seek(0)
            srclang = read_tmx_header(path if source is None else source).srclang
            return (srclang if srclang != ALL_LANGUAGES else None), kind
        return None, kind
    except TermkitError:
        return None, None
    finally:
        if source is not None:
            source.seek(0)


def _memory_source(declared: str | None, kind: str | None, ahead: list[TranslationUnit]) -> str | None:
    """The source language of a memory: a TMX header's ``srclang`` (``declared``), else
    (``*all*``) the first language of its first unit of two; the first language of its
    first unit in another format (PO and XLIFF readers give the source first, a msgid or
    a ``<source>``, translated or not).  None when it has no unit, or cannot be read
    (reading its units says why)."""
    if declared is not None:
        return declared
    fewest = 2 if kind == "tmx" else 1
    return next((next(iter(u.segments)) for u in ahead if len(u.segments) >= fewest), None)


def _chinese_tag(ahead: list[TranslationUnit]) -> str:
    """The Chinese target of a memory from English, by the tags of its first units:
    ``zh-CN`` when one of them serves it (``zh``, ``zh-Hans``...), else their first
    Chinese tag (``zh-TW``: a memory into Traditional Chinese is linted as one, its term
    rules skipped if the glossary has none of its terms), else ``zh-CN``; but a bare
    ``zh`` when none names Simplified: its text tells its script (:func:`_by_text`)."""
    tags = [lang for unit in ahead for lang in unit.segments if langtags.primary(lang) == "zh"]
    bare = next((tag for tag in tags if _names_no_script(tag)), None)
    if bare is not None and all(langtags.chinese_script(tag) != langtags.SIMPLIFIED for tag in tags):
        return bare
    if not tags or any(_side(tag, EN, ZH) == "tgt" for tag in tags):
        return ZH
    return tags[0]


def _names_no_script(tag: str) -> bool:
    """Whether ``tag`` is Chinese whose script only its text tells (a bare ``zh``:
    :func:`~termkit.langtags.chinese_script`)."""
    return langtags.chinese_script(tag) is None and langtags.chinese_script(tag, "") is not None


def _by_text(tag: str, text: str) -> str:
    """``tag``; a Chinese one that names no script (a bare ``zh`` of a TMX, a PO
    ``Language:``, an XLIFF ``trgLang``, a TSV header or ``--src-lang``) as the language
    ``text`` written under it is in, as :func:`~termkit.bitext.chinese_target` tells it:
    ``zh-Hant`` in Traditional characters (checked against the Traditional terms), else
    ``zh-CN``.

    >>> _by_text("zh", "會員國和村公所"), _by_text("zh", "整村推进"), _by_text("zh-TW", "整村推进")
    ('zh-Hant', 'zh-CN', 'zh-TW')
    """
    return bitext.chinese_target(text) if _names_no_script(tag) else tag


def _text_under(tag: str, ahead: list[TranslationUnit]) -> str:
    """The text of the first units of a memory under ``tag`` (under a tag it may stand
    for, ``zh-TW`` for a bare ``zh``, when none is under ``tag`` itself)."""
    for same in (lambda lang: langtags.normalize(lang) == langtags.normalize(tag), _compatible_with(tag)):
        found = [seg.text for unit in ahead for lang, seg in unit.segments.items() if same(lang)]
        if found:
            return " ".join(found)
    return ""


def _compatible_with(tag: str) -> Callable[[str], bool]:
    return lambda lang: langtags.compatible(lang, tag)


def _chinese_source(options: LintOptions) -> bool:
    """Whether ``--src-lang``/``--tgt-lang`` make the source Chinese
    (:func:`~termkit.model.complete_direction`): a Chinese ``--src-lang``, or a
    non-Chinese ``--tgt-lang`` alone."""
    src, _ = complete_direction(options.src_lang or None, options.tgt_lang or None, (EN, ZH))
    return langtags.primary(src) == "zh"


def _side(lang: str, src_lang: str, tgt_lang: str) -> str | None:
    """Which side a memory's language is: ``src``, ``tgt`` or neither (None).

    The language wanted or a form of it first (``zh-Hans-CN`` for ``zh-CN``), else one
    that may be the same written language (``zh`` or ``zh-Hans`` for ``zh-CN``, never
    ``zh-TW``).
    """
    for test in (langtags.matches, langtags.compatible):
        if test(lang, src_lang):
            return "src"
        if test(lang, tgt_lang):
            return "tgt"
    return None


def _unit_pair(
    path: str, n: int, unit: TranslationUnit, src_lang: str, tgt_lang: str, sides: dict[str, str | None]
) -> SegmentPair | None:
    src = tgt = None
    for lang, seg in unit.segments.items():
        side = sides.get(lang, "")
        if side == "":
            side = _side(lang, src_lang, tgt_lang)
            sides[lang] = side
        if side == "src" and src is None:
            src = seg.text
        elif side == "tgt" and tgt is None:
            tgt = seg.text
    if src is None or tgt is None:
        return None
    line = unit.location.line if unit.location else n
    pair = SegmentPair(
        unit.id or f"{path}:{line}",
        Side(src, path, line, None),
        Side(tgt, path, line, None),
        context=unit.context,
    )
    # Notes, and props such as PO translator comments (x-po-comment), may hold the marker.
    texts = [*unit.notes, *(v for _, v in unit.props)] if unit.notes or unit.props else []
    for seg in unit.segments.values():
        if seg.notes or seg.props:
            texts.extend(seg.notes)
            texts.extend(v for _, v in seg.props)
    for note in texts:
        if "termkit" not in note:
            continue
        for m in SUPPRESS.finditer(note):
            rules = parse_rule_list(m.group(1))
            if rules is None:
                pair.silence_all = True
            else:
                pair.silenced = (pair.silenced or set()) | rules
    return pair


_SPLIT = re.compile(r"[._\-]+")


def _name_parts(path: str) -> tuple[str, str | None]:
    """A file name without its language part, and that part's side (``en``/``zh``/None)."""
    p = Path(path)
    parts = _SPLIT.split(p.name.lower())
    side = None
    rest = []
    for part in parts:
        if part in _EN_PARTS and side != "zh":
            side = side or "en"
        elif part in _ZH_PARTS:
            side = "zh"
        else:
            rest.append(part)
    return str(p.parent / ".".join(rest)), side


def pair_paths(
    paths: Iterable[str], warn: Callable[[str], None] | None = None
) -> tuple[list[tuple[str, str]], list[str]]:
    """Split ``paths`` into line-aligned (english, chinese) pairs and the other paths.

    ``UNv1.0.devset.en`` pairs with ``UNv1.0.devset.zh``, ``news-src.eng.txt`` with
    ``news-ref.zho-CN.txt``, when both are plain text with the same number of lines.
    Two such files with different numbers of lines are linted as texts of their own,
    and ``warn`` is told: no bilingual rule runs on them, which their names promised.
    """
    candidates: dict[str, dict[str, str]] = {}
    for path in paths:
        if path == STDIO or input_kind(path) != "text":
            continue
        stem, side = _name_parts(path)
        if side is not None:
            candidates.setdefault(stem, {}).setdefault(side, path)
    pairs: list[tuple[str, str]] = []
    used: set[str] = set()
    for sides in candidates.values():
        if "en" not in sides or "zh" not in sides:
            continue
        counts = _line_counts(sides["en"], sides["zh"])
        if counts is not None and counts[0] == counts[1]:
            pairs.append((sides["en"], sides["zh"]))
            used.update(sides.values())
        elif counts is not None and warn is not None:
            en, zh = (shown_path(sides[k]) for k in ("en", "zh"))
            warn(
                f"{en} ({count(counts[0], 'line')}) and {zh} ({count(counts[1], 'line')}) are linted as two texts, "
                f"not as a translation, as their numbers of lines differ; --src {en} --tgt {zh} "
                "shows where they part"
            )
    return pairs, [p for p in paths if p not in used]


def _line_counts(a: str, b: str) -> tuple[int, int] | None:
    """How many lines two files have (:func:`~termkit.textio.split_lines`); None when
    one cannot be read (it is then linted alone, and its error reported)."""
    try:
        return _count_lines(a) or len(read_lines(a)), _count_lines(b) or len(read_lines(b))
    except TermkitError:
        return None


def lint_paths(
    paths: Iterable[str],
    index: GlossaryIndex,
    options: LintOptions | None = None,
    src: str | None = None,
    tgt: str | None = None,
    progress: Progress | None = None,
) -> LintResult:
    """Lint every path (and the ``src``/``tgt`` line-aligned pair, if given); ``progress``
    is told how far it has come (:data:`Progress`)."""
    linter = Linter(index, options, progress)
    diags: list[Diagnostic] = []
    files = 0
    paths = list(paths)
    aligned, rest = pair_paths(paths, linter.warn)
    if src is not None or tgt is not None:
        if src is None or tgt is None:
            raise UsageError("give both --src and --tgt")
        aligned.insert(0, (src, tgt))
    for s, t in aligned:
        files += 1
        if (s, t) != (src, tgt) and _chinese_source(linter.options):
            s, t = t, s  # (paired by name: the Chinese file is the source)
        diags.extend(_guard(functools.partial(linter.lint_line_aligned, s, t), shown_path(s)))
        if progress is not None:
            progress(s, None)
            progress(t, None)
    for path in rest:
        files += 1
        diags.extend(_guard(functools.partial(linter.lint_file, path), shown_path(path)))
        if progress is not None:
            progress(path, None)
    shown = [shown_path(p) for p in paths]
    diags.sort(key=lambda d: (shown.index(d.path) if d.path in shown else len(shown), *d.sort_key()))
    errors = sum(d.rule == INPUT_ERROR.id for d in diags)
    return LintResult(diags, files, errors, linter.unfinished, linter.warnings)


def _guard(func: Callable[[], list[Diagnostic]], path: str) -> list[Diagnostic]:
    try:
        return func()
    except UsageError:
        raise
    except TermkitError as exc:
        return [input_error(exc, path)]
    except (OSError, UnicodeError) as exc:
        return [Diagnostic(path, 1, 1, Severity.ERROR, f"cannot read: {exc}", INPUT_ERROR.id)]
