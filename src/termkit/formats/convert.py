"""Convert a translation memory between formats (TMX, PO, XLIFF, TSV), streaming.

:func:`convert` reads units one by one and hands them to a writer of the
output format, so a 1 GB TMX converts in constant memory (PO and XLIFF
outputs are collected, then written).  The output is written atomically:
a failure leaves the old output file as it was.

Languages: ``src_lang``/``tgt_lang`` choose which segments become source and
target; each must be a well-formed BCP 47 tag (or a gettext locale, ``zh_CN``),
else a :class:`UsageError`.  A tag chooses itself and its more specific forms
(``en`` picks ``en``, else ``en-US``, ``en-GB``...), and the chosen segments are
written under the tag asked for.  A language asked for that no unit has, while
the memory has others, is an error naming the languages it has (a memory of the
source language alone, a POT, legitimately gets empty targets).  Without
``src_lang`` the source is the input's source language: a TMX ``<tu srclang>``
overrides the header's (TMX 1.4b), the first unit's tells it, and a unit that
declares another is an error that asks for ``src_lang`` (a TMX output, which
keeps each unit's own, needs none).  Without ``tgt_lang``, for a bilingual
output (PO, XLIFF, TSV), the target is the one other language of the units;
units in several other languages are an error that asks for ``tgt_lang``:
termkit never drops a language silently (a TMX output with ``src_lang`` alone
keeps them all).  Simplified and
Traditional Chinese are never mixed, nor written under each other's tag; a tag
without a script (``zh``) goes by its text (:func:`segment_script`).  Units without a source
segment cannot be written to a bilingual format and are counted as skipped, and
so are units with an empty source text written to PO (the empty msgid is the
header's).  Obsolete (``#~``) PO entries are kept from PO to PO; other formats
have no place for them: they are counted as ``obsolete`` and not written; so
are inline codes and props other than the PO's own in a PO output (``codes``,
``props``).  Unfinished units (:func:`is_unfinished`: a fuzzy PO entry, an XLIFF
target whose state is ``new``, ``initial`` or ``needs-*``) are left out of a TMX or
TSV output, which have no state a CAT tool reads (``unfinished``; OmegaT, Trados and
memoQ would take them for confirmed translations), unless ``keep_unfinished``: then
they are written, marked by their props (``x-fuzzy``, ``x-state``) in a TMX.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .. import chinese, langtags
from ..errors import InputError, TermkitError, UsageError
from ..model import (
    EN,
    PROP_PO_OBSOLETE,
    PROP_XLIFF_STATE,
    ZH,
    Segment,
    TranslationUnit,
    unfinished_state,
)
from ..textio import STDIO, atomic_write, read_bytes, shown_path
from .po import PLURAL_FORM_PREFIX, named_unit, po_target_language
from .registry import MemorySource, detect_format, iter_memory, open_writer, read_header

ALL = "*all*"
#: Units read ahead, at most, to find the target language of a bilingual output.
LOOK_AHEAD = 10_000


@dataclass
class ConvertResult:
    """What :func:`convert` did."""

    units: int = 0
    skipped: int = 0
    #: obsolete PO entries not written (the output is not PO)
    obsolete: int = 0
    #: inline codes of the units written to PO, which has no place for them (not written)
    codes: int = 0
    #: props of the units written to PO that it has no place for (TMX ``<prop>``, XLIFF
    #: ``x-state``...), by type (not written)
    props: dict[str, int] = field(default_factory=dict)
    #: unfinished units (fuzzy, XLIFF new/needs-*) not written to a TMX or TSV output
    unfinished: int = 0
    #: the first of them, named as messages name a unit
    first_unfinished: str = ""
    #: what the writer changed so that the output is valid (PO: entries marked fuzzy...)
    warnings: list[str] = field(default_factory=list)
    src_lang: str | None = None
    tgt_lang: str | None = None
    from_fmt: str = ""
    to_fmt: str = ""


def pick(segments: dict[str, Segment], lang: str) -> str | None:
    """The key of ``segments`` that ``lang`` chooses (:func:`termkit.langtags.pick`).

    A tag that names no script (plain ``zh``) serves ``zh-CN`` only when its text is
    not Traditional (:func:`segment_script`): Traditional text is never written
    under a Simplified tag, as a ``zh-TW`` segment never is.
    """
    key = lang if lang in segments else langtags.pick(segments, lang)
    if key is None or key == lang:
        return key
    want = langtags.script(lang)
    found = segment_script(key, segments[key])
    return None if want is not None and found is not None and found != want else key


def segment_script(tag: str, segment: Segment) -> str | None:
    """The script of a segment: its tag's (``zh-TW``: ``Hant``), else, for a Chinese
    tag that names none (``zh``), ``Hant`` when its text is Traditional
    (:func:`termkit.chinese.is_traditional`), ``Hans`` when it is Simplified
    (:func:`termkit.chinese.is_simplified`); None when unknown (text both write alike)."""
    found = langtags.script(tag)
    if found is None and langtags.primary(tag) == "zh":
        return chinese.script_of(segment.text)
    return found


def project(
    unit: TranslationUnit,
    src: str,
    tgt: str | None,
    plural_lang: str | None = None,
    *,
    others: bool = False,
    declared: str | None = None,
) -> TranslationUnit | None:
    """The unit with only its ``src`` (and ``tgt``) segments, under those tags; None without source.

    When several segments serve ``src`` (``en-GB`` and ``en-US`` for ``en``), the one
    in the unit's ``declared`` source language (its ``<tu srclang>``, else the
    header's) is the source, not the first.  With ``others`` (a multilingual output, TMX, and no ``tgt``) the other segments
    are kept too, after the source.  A PO entry's plural forms after ``msgstr[0]``
    travel as unit props; they are kept only when they are in the target chosen
    (``plural_lang``: the language of the PO they came from, when the memory says it).
    """
    src_key = source_key(unit, src, declared)
    if src_key is None:
        return None
    segments = {langtags.normalize(src): unit.segments[src_key]}
    attrs = unit.attrs
    if "srclang" in attrs:  # (a TMX <tu srclang>: the source written)
        attrs = {**attrs, "srclang": langtags.normalize(src)}
    if others and tgt is None:
        segments.update((lang, seg) for lang, seg in unit.segments.items() if lang != src_key)
        return dataclasses.replace(unit, segments=segments, attrs=attrs)
    props = unit.props
    if tgt is not None:
        tgt_key = pick(unit.segments, tgt)
        if tgt_key is not None and tgt_key != src_key:
            segments[langtags.normalize(tgt)] = unit.segments[tgt_key]
        else:
            tgt_key = None
        if not _plurals_belong(unit, tgt_key, plural_lang):
            props = [(k, v) for k, v in props if not k.startswith(PLURAL_FORM_PREFIX)]
    return dataclasses.replace(unit, segments=segments, props=props, attrs=attrs)


def is_unfinished(unit: TranslationUnit) -> bool:
    """Whether a unit's target is no finished translation: a fuzzy PO entry (or a unit a
    TMX marks ``x-fuzzy``), an XLIFF target whose state is ``new``, ``initial`` or
    ``needs-*`` (``needs-translation``, ``needs-review-translation``, ``needs-l10n``...).

    >>> is_unfinished(TranslationUnit(props=[("x-state", "needs-l10n")]))
    True
    >>> is_unfinished(TranslationUnit(props=[("x-state", "translated")]))
    False
    """
    if unit.fuzzy:
        return True
    return any(key == PROP_XLIFF_STATE and unfinished_state(value) for key, value in unit.props)


def source_key(unit: TranslationUnit, src: str, declared: str | None = None) -> str | None:
    """The key of the unit's source segment: the one ``src`` picks (:func:`pick`), or,
    when ``declared`` (the unit's own source language) is a form of ``src``, that one."""
    key = pick(unit.segments, src)
    if key is not None and declared is not None and langtags.matches(declared, src):
        return pick(unit.segments, declared) or key
    return key


def _plurals_belong(unit: TranslationUnit, tgt_key: str | None, plural_lang: str | None) -> bool:
    """Whether the unit's PO plural forms are translations into the target chosen."""
    if tgt_key is None:  # no target: the forms are those of a target not written here,
        return len(unit.segments) == 1  # unless the unit holds no other language at all
    if plural_lang is not None:
        return langtags.pick([tgt_key], plural_lang) is not None
    return len(unit.segments) == 2  # the source and this target: nothing else they could be


def convert(
    in_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    from_fmt: str | None = None,
    to_fmt: str | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    wrap: Callable[[Iterable[TranslationUnit]], Iterable[TranslationUnit]] | None = None,
    keep_unfinished: bool = False,
    **writer_options: object,
) -> ConvertResult:
    """Convert ``in_path`` to ``out_path``; formats from the extensions unless given.

    ``wrap`` may wrap the unit stream (the command line adds a progress bar).
    ``keep_unfinished`` writes unfinished units to a TMX or TSV output too
    (:func:`is_unfinished`; left out and counted otherwise).
    """
    langtags.require_well_formed("--src-lang", src_lang)
    langtags.require_well_formed("--tgt-lang", tgt_lang)
    if os.fspath(in_path) != STDIO and not os.path.lexists(in_path):
        # before its format: "no such file" says more than an unknown extension
        raise InputError("no such file", os.fspath(in_path))
    fin, fout = detect_format(in_path, from_fmt), detect_format(out_path, to_fmt)
    _require_tmx_for_date(fout, writer_options)
    result = ConvertResult(from_fmt=fin, to_fmt=fout)
    # (the languages of a TSV without a header: those not given are told by its text)
    tsv_opts = {"src_lang": src_lang, "tgt_lang": tgt_lang}
    opened = _reader_source(in_path)
    header = read_header(opened(), fin, **tsv_opts)
    plural_lang = po_target_language(header)  # the target of the PO the units came from
    units: Iterator[TranslationUnit] = iter(iter_memory(opened(), fin, obsolete=fin == "po", **tsv_opts))
    first = next(units, None)
    if first is not None:
        units = itertools.chain([first], units)

    bilingual = fout in ("po", "xliff", "tsv")
    select = bilingual or src_lang is not None or tgt_lang is not None
    header_src = header.srclang
    # (a TMX <tu srclang> overrides the header's: the first unit's tells the source, and
    # every unit written to another shape must agree with it, see _check_source)
    if src_lang:
        src = langtags.normalize(src_lang)
    else:
        src = _declared_source(first, header_src) if select and first is not None else header_src
    if src == ALL:
        src = next(iter(first.segments), EN) if first is not None and first.segments else EN
    tgt = langtags.normalize(tgt_lang) if tgt_lang else None
    if tgt is not None and tgt == langtags.normalize(src):
        said = "--src-lang" if src_lang else "the input's source language"
        raise UsageError(
            f"--tgt-lang {tgt} is the source language ({said}); choose another target, "
            "or the source with --src-lang"
        )
    named = f"{src} (--src-lang)" if src_lang else f"{src}, the input's source language"
    if tgt is None and bilingual:
        # the first unit with a source segment and another one tells the target language
        # (an XLIFF file's first units are often untranslated); those before it are
        # kept, up to LOOK_AHEAD units (then the default, zh-CN)
        ahead: list[TranslationUnit] = []
        telling = None
        for unit in units:
            ahead.append(unit)
            if pick(unit.segments, src) is not None and any(
                langtags.pick([lang], src) is None for lang in unit.segments
            ):
                telling = unit
                break
            if len(ahead) >= LOOK_AHEAD:
                break
        else:  # the whole input is ahead: a source language none of it has is said now
            seen = {lang for unit in ahead for lang in unit.segments}
            if seen and not any(pick(unit.segments, src) for unit in ahead):
                _not_found(in_path, seen, named, "source")
        tgt = _infer_target(telling, src)
        units = itertools.chain(ahead, units)
    result.src_lang, result.tgt_lang = src, tgt
    header.srclang = src

    options = dict(writer_options)
    if fout in ("xliff", "po") and tgt is not None:
        options.setdefault("tgt_lang", tgt)
    if fout == "tsv":
        options["languages"] = [src, tgt or ZH]
    mixed_scripts = tgt is not None and langtags.primary(tgt) == "zh" and langtags.script(tgt) is None

    #: the first targets with a known script (see _check_script)
    scripted: dict[str, tuple[str, str]] = {}
    #: the languages of the units read, and whether one had a source, a target segment
    languages: set[str] = set()
    found = {"source": False, "target": False}
    tgt_tag = langtags.normalize(tgt) if tgt is not None else None

    drop_unfinished = fout in ("tmx", "tsv") and not keep_unfinished

    def stream() -> Iterator[TranslationUnit]:
        for n, unit in enumerate(units, 1):
            if fin == "po" and fout != "po" and (PROP_PO_OBSOLETE, "yes") in unit.props:
                result.obsolete += 1
                continue
            if drop_unfinished and is_unfinished(unit):
                result.unfinished += 1
                if not result.first_unfinished:
                    result.first_unfinished = named_unit(unit, n)
                continue
            if not select:
                yield unit
                continue
            languages.update(unit.segments)
            if src_lang is None:
                _check_source(unit, n, src, header_src)
            declared = _declared_source(unit, header_src) if src_lang is not None else None
            if tgt_lang is None and bilingual:
                _check_single_target(unit, n, src, tgt, scripted, declared)
            elif mixed_scripts:  # a Chinese target that names no script ("zh") picks either
                _check_script(unit, n, pick(unit.segments, tgt) if tgt else None, scripted)
            projected = project(unit, src, tgt, plural_lang, others=not bilingual, declared=declared)
            if projected is None:
                result.skipped += 1
                continue
            found["source"] = True
            if tgt_tag in projected.segments:
                found["target"] = True
            if fout == "po":
                if not projected.segments[langtags.normalize(src)].text:
                    # (PO reserves the empty msgid for its header)
                    result.skipped += 1
                    continue
                _count_not_written(projected, result)
            yield projected

    source: Iterable[TranslationUnit] = stream()
    if wrap is not None:
        source = wrap(source)
    with atomic_write(out_path) as fp:
        writer = open_writer(
            fp, fout, header, None if os.fspath(out_path) == "-" else os.fspath(out_path), **options
        )
        for unit in source:
            writer.write(unit)
            result.units += 1
        if languages and not found["source"]:
            _not_found(in_path, languages, named, "source")
        # (a memory of the source language alone, a POT, legitimately has no target)
        if (
            tgt_lang is not None
            and not found["target"]
            and any(langtags.pick([lang], src) is None for lang in languages)
        ):
            _not_found(in_path, languages, f"{tgt} (--tgt-lang)", "target")
        writer.close()
    result.warnings = list(getattr(writer, "warnings", []))
    return result


def _count_not_written(unit: TranslationUnit, result: ConvertResult) -> None:
    """Count what a PO entry has no place for: inline codes, and props other than the
    PO's own (``x-po-*``: flags, comments, plural forms...)."""
    for segment in unit.segments.values():
        result.codes += len(segment.codes)
        for kind, _ in segment.props:
            result.props[kind] = result.props.get(kind, 0) + 1
    for kind, _ in unit.props:
        if not kind.startswith("x-po-"):
            result.props[kind] = result.props.get(kind, 0) + 1


def _reader_source(path: str | os.PathLike[str]) -> Callable[[], MemorySource]:
    """What to hand each reader: the path, or for stdin a fresh copy of what it held.

    The header and the units are read apart, so stdin, or a pipe named by a path
    (``<(cat x.po)``, a FIFO), which can be read once, is read into memory first (as
    the XML readers do anyway); read twice, its second reading was empty ("0 units")
    or hung.
    """
    name = os.fspath(path)
    if name != STDIO and not _once_only(name):
        return lambda: path
    data = read_bytes(name)

    def copy() -> MemorySource:
        fp = io.BytesIO(data)
        fp.name = shown_path(name)
        return fp

    return copy


def _once_only(name: str) -> bool:
    """Whether ``name`` is a pipe or another file that cannot be read twice."""
    try:
        mode = os.stat(name).st_mode
    except OSError:
        return False  # (the reader reports it)
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _require_tmx_for_date(fout: str, writer_options: dict[str, object]) -> None:
    """A date is a TMX header's ``creationdate``: asked for another output (whose
    writer has no date), it is refused rather than dropped or crashing the writer."""
    if writer_options.get("date") is not None and fout != "tmx":
        raise UsageError(
            f"--date dates a TMX output (its header's creationdate), and the output is {fout.upper()}: "
            "leave --date out, or convert to TMX"
        )


def _declared_source(unit: TranslationUnit, header_src: str) -> str:
    """The source language a unit declares: its TMX ``<tu srclang>``, else the header's."""
    declared = unit.attrs.get("srclang")
    return langtags.normalize(declared) if declared and declared != ALL else header_src


def _check_source(unit: TranslationUnit, n: int, src: str, header_src: str) -> None:
    """The unit's own source language (TMX ``<tu srclang>``, else the header's) is ``src``,
    the first unit's: else its source and target would be written the wrong way round."""
    declared = _declared_source(unit, header_src)
    if declared in (src, ALL) or pick(unit.segments, declared) == pick(unit.segments, src):
        return
    said = "its <tu srclang>" if declared != header_src else "the header's srclang"
    where = unit.location
    raise TermkitError(
        f"unit {n}'s source language is {declared} ({said}), the first unit's {src}: the units "
        "do not agree on one source language; choose it with --src-lang",
        where.path if where else None,
        where.line if where else None,
    )


def _not_found(in_path: str | os.PathLike[str], languages: Iterable[str], named: str, side: str) -> None:
    """Stop: no unit has a segment in the language ``named`` for ``side``."""
    tags = sorted({langtags.normalize(lang) for lang in languages})
    option = "--src-lang" if side == "source" else "--tgt-lang"
    raise TermkitError(
        f"no unit has a segment in {named}; the memory's languages are {', '.join(tags)}: "
        f"choose the {side} among them with {option}",
        os.fspath(in_path),
    )


def _infer_target(first: TranslationUnit | None, src: str) -> str:
    """The target language the unit ``first`` tells: its one language besides ``src``;
    without one (no unit translated yet), the other of English and Chinese: ``en`` for
    a Chinese source (a zh→en file, whose untranslated sources were taken for their
    own translations into zh-CN), else ``zh-CN``."""
    default = EN if langtags.primary(src) == "zh" else ZH
    if first is None:
        return default
    others = [lang for lang in first.segments if langtags.pick([lang], src) is None]
    if len(others) > 1:
        raise UsageError(
            f"the units have several target languages ({', '.join(others)}); choose one with --tgt-lang"
        )
    return langtags.normalize(others[0]) if others else default


def _named(lang: str | None, key: str | None) -> str:
    """A language as the message names it: ``en-US (en)`` when ``en`` picked ``en-US``."""
    if key is None or lang is None or langtags.normalize(key) == langtags.normalize(lang):
        return str(lang)
    return f"{key} ({lang})"


def _check_single_target(
    unit: TranslationUnit,
    n: int,
    src: str,
    tgt: str | None,
    scripted: dict[str, tuple[str, str]],
    declared: str | None = None,
) -> None:
    """One target language, and one script: Simplified and Traditional are never mixed
    (:func:`_check_script`)."""
    src_key = source_key(unit, src, declared)
    # (by tag alone: a plain zh segment in Traditional text is a zh-CN target in the
    # wrong script, said as such below)
    tgt_key = (pick(unit.segments, tgt) or langtags.pick(unit.segments, tgt)) if tgt else None
    extra = [lang for lang in unit.segments if lang not in (src_key, tgt_key)]
    where = f" ({unit.location.path}:{unit.location.line})" if unit.location else ""
    if extra:
        raise UsageError(
            f"unit {n}{where} has a segment in {', '.join(extra)} besides "
            f"{_named(src, src_key)} and {_named(tgt, tgt_key)}; "
            "a bilingual output keeps one target: choose it with --tgt-lang"
        )
    _check_script(unit, n, tgt_key, scripted)


def _check_script(
    unit: TranslationUnit, n: int, tgt_key: str | None, scripted: dict[str, tuple[str, str]]
) -> None:
    """The unit's target (its segment ``tgt_key``) is in the script of the earlier ones.

    ``scripted`` holds, as (name in messages, script), the first target whose tag names
    its script (``zh-TW``: key ``"tag"``) and the first of each script that the text of
    a bare ``zh`` tells (keys ``"Hans"``, ``"Hant"``): a script told by a tag must agree
    with every other, one told by the text with the tags only (two guesses that
    disagree, a Simplified text with a stray variant beside Taiwan's usage, are no
    proof).
    """
    if tgt_key is None:
        return
    where = f" ({unit.location.path}:{unit.location.line})" if unit.location else ""
    found = segment_script(tgt_key, unit.segments[tgt_key])
    if found is None:
        return
    if langtags.script(tgt_key) is not None:
        other = "Hant" if found == "Hans" else "Hans"
        against = scripted.get("tag") or scripted.get(other)
        scripted.setdefault("tag", (tgt_key, found))
        named = tgt_key
    else:
        against = scripted.get("tag")
        named = f"{tgt_key} ({'Traditional' if found == 'Hant' else 'Simplified'} text)"
        scripted.setdefault(found, (named, found))
    if against is None:
        return
    earlier, script = against
    if script != found:
        raise UsageError(
            f"unit {n}{where} is in {named}, earlier units in {earlier}: Simplified and "
            "Traditional Chinese are never mixed in one output; choose one with --tgt-lang "
            "(zh-CN or zh-TW)"
        )
