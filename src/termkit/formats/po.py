"""gettext PO/POT catalogues (through polib), read into and written from a :class:`Memory`.

Mapping (documented in ``docs/exchange.md``):

=========================  ==============================================
PO                         Memory
=========================  ==============================================
``msgid``                  source segment (``Memory.srclang``: ``en``, or
                           the ``X-Source-Language:`` header termkit writes
                           for another source language)
``msgstr``                 target segment (``Language:`` header, else the
                           locale of the file name, else ``zh``), absent
                           when the entry is untranslated
``msgctxt``                ``TranslationUnit.context``
``#.`` extracted comments  ``TranslationUnit.notes`` (one note per line)
``#:`` references          ``TranslationUnit.references``
``#, fuzzy``               ``TranslationUnit.fuzzy``
other flags                prop ``x-po-flags`` (``"c-format, no-wrap"``)
``#`` translator comments  prop ``x-po-comment``
``#|`` previous strings    props ``x-po-previous-msgctxt``,
                           ``x-po-previous-msgid``, ``x-po-previous-msgid-plural``
``msgid_plural``           prop ``x-po-msgid-plural``; the target segment is
                           ``msgstr[0]``, further forms are props
                           ``x-po-msgstr[1]``, ``x-po-msgstr[2]``...
``#~`` obsolete entries    skipped, unless ``obsolete=True``: then kept with
                           prop ``x-po-obsolete`` = ``yes``
header fields              ``Memory.props`` ``("x-po-header:NAME", value)``
header comment lines       ``Memory.notes``
=========================  ==============================================

Chinese has one plural form (``nplurals=1``), so ``msgstr[0]`` is the whole
translation; catalogues with more forms keep them as props and write them back.
The written ``Plural-Forms`` is the one the memory was read with (a PO, or a
TMX made from one, keeps it as a header prop) unless that was for another
language; else the target language's rule (:func:`plural_forms_for`). Every
plural entry gets exactly ``nplurals`` forms: extra forms are dropped and
missing ones are empty (a translated entry that lacks forms is marked fuzzy);
both are counted in a :class:`PoReport`.

``msgfmt --check`` refuses a translated entry whose msgid and msgstr disagree
on a leading or trailing newline; such an entry (from a TMX, say) is written
marked fuzzy, which msgfmt accepts and translators see, and counted.

Reading decodes the charset the header declares (GB2312/GBK/CP936 are read as
GB18030, their superset); a UTF-8 BOM is dropped.  Lines end at LF (a CR before
it dropped), or at CR in a file with no LF at all (classic Mac OS line ends, which
gettext reads as one line), as termkit reads every text.  Malformed input raises a
:class:`~termkit.errors.FormatError` with ``PATH:LINE:COL``.

PO has no place for other props (TMX ``<prop>``), segment notes or inline
codes: writing a memory from TMX keeps the plain text of the two languages,
the context, fuzzy flag, references and unit notes, and leaves the rest out.

Writing is deterministic: UTF-8, no line wrapping (``msgcat --no-wrap`` style,
friendly to diffs), header fields in gettext's order, no dates unless ``date``
is given.  A PO file cannot carry NUL characters or an empty ``msgid`` outside
the header: such units are refused with a FormatError naming the unit.
"""

from __future__ import annotations

import codecs
import io
import itertools
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime
from typing import IO, Any

import polib

from .. import langtags
from ..chinese import HAN, script_of
from ..errors import FormatError
from ..model import (
    EN,
    PROP_PO_COMMENT,
    PROP_PO_OBSOLETE,
    PROP_PO_PLURAL,
    PROP_XLIFF_STATE,
    ZH,
    ZH_HANT,
    Location,
    Memory,
    Segment,
    TranslationUnit,
    unfinished_state,
)
from ..textio import LINE_END, bom_problem, cr_line_ends, decode, lf_line_ends, read_source

PoSource = str | os.PathLike[str] | IO[bytes]
#: The target language of a catalogue that names none: Chinese in either script.
BARE_ZH = "zh"

PROP_FLAGS = "x-po-flags"
PROP_COMMENT = PROP_PO_COMMENT
PROP_PREV_CTXT = "x-po-previous-msgctxt"
PROP_PREV_ID = "x-po-previous-msgid"
PROP_PREV_PLURAL = "x-po-previous-msgid-plural"
PROP_PLURAL = PROP_PO_PLURAL
PROP_OBSOLETE = PROP_PO_OBSOLETE
HEADER_PREFIX = "x-po-header:"

DEFAULT_PLURAL_FORMS = "nplurals=1; plural=0;"
#: gettext's rule when a catalogue has none (``n != 1``), used for languages not in the table.
GERMANIC_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
_PLURAL_TABLE = """
zh ja ko vi th id ms lo my km bo: nplurals=1; plural=0;
en de nl sv da no nb nn fo es pt it bg el fi et he eo hu tr ca gl eu af sq hi: nplurals=2; plural=(n != 1);
fr pt-BR: nplurals=2; plural=(n > 1);
lv: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);
ga: nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;
ro: nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;
lt: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);
ru uk be sr hr bs: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);
cs sk: nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;
pl: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);
sl: nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);
"""
#: Plural-Forms by language (the gettext manual's table, "Plural forms"; what msginit writes).
PLURAL_FORMS: dict[str, str] = {
    lang: rule.strip()
    for langs, _, rule in (line.partition(":") for line in _PLURAL_TABLE.strip().splitlines())
    for lang in langs.split()
}
#: Header fields the writer sets itself; copies of them in the props are ignored.
_OWN_FIELDS = {"Language", "X-Source-Language", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"}
#: The header naming the language of the msgids, when it is not English (the PO
#: default): termkit's own, an ``X-`` field that gettext's tools keep and ignore.
SOURCE_LANGUAGE = "X-Source-Language"
_GB_CHARSETS = {"gb2312", "gbk", "cp936", "ms936", "euc-cn", "euccn", "x-gbk", "gb18030", "csgb2312"}
_FSI, _PDI = "\u2068", "\u2069"

_CHARSET = re.compile(rb'"Content-Type:[^"\n]*?charset=([A-Za-z0-9_.:-]+)', re.IGNORECASE)
_KEYWORD_LINE = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(\s*)(.*)$")
#: (unrolled: ``(?:[^"\\]|\\.)*`` costs the regex engine ~140 bytes of stack a character,
#: over a gigabyte for a 10 MB string)
_QUOTED = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_PLURAL_PROP = re.compile(r"^x-po-msgstr\[(\d+)\]$")
#: The props written as quoted strings (besides the plural forms).
_STRING_PROPS = frozenset({PROP_PLURAL, PROP_PREV_CTXT, PROP_PREV_ID, PROP_PREV_PLURAL})
#: The start of the props that hold the plural forms after ``msgstr[0]``.
PLURAL_FORM_PREFIX = "x-po-msgstr["
_NPLURALS = re.compile(r"^\s*nplurals\s*=\s*([1-9][0-9]?)\s*;\s*plural\s*=\s*[^;\s][^;]*;?\s*$")


# --------------------------------------------------------------------------
# Reading


def read_po(
    src: PoSource, *, srclang: str | None = None, tgtlang: str | None = None, obsolete: bool = False
) -> Memory:
    """Read a PO/POT file (a path, ``-`` for stdin, or a binary file object).

    ``srclang`` overrides the ``X-Source-Language:`` header; without either, the
    msgids' Chinese when most of them are Chinese and the translations are not (a
    zh→en catalogue: :func:`_chinese_msgids`), else ``en``, gettext's convention.
    ``tgtlang`` overrides the ``Language:`` header; without either (older catalogues
    often lack the header), the language the file's name or folder gives
    (:func:`path_language`: ``zh_TW.po``, ``zh_TW/LC_MESSAGES/x.po``), else ``zh``,
    which names no script: Simplified and Traditional text are told apart by the text
    (:func:`termkit.formats.convert.segment_script`), never labelled ``zh-CN`` by default.
    Obsolete (``#~``) entries are skipped unless ``obsolete`` is true.
    """
    data, name = read_source(src)
    catalogue = _parse(data, name)
    metadata: dict[str, str] = dict(catalogue.metadata)
    from_header = tgtlang or _header_language(metadata)
    declared = srclang or _header_language(metadata, SOURCE_LANGUAGE)
    chinese = None if declared else _chinese_msgids(catalogue)
    lang = from_header or _named_language(name, catalogue) or _script_language(catalogue, declared or chinese)
    if chinese is not None and langtags.primary(lang) in HAN_WRITTEN:
        chinese = None  # (Chinese msgids are the source of translations that are not Chinese)
    srclang = declared or chinese or EN
    memory = Memory(srclang=langtags.normalize(srclang), segtype="phrase")
    memory.props = [(HEADER_PREFIX + key, value) for key, value in metadata.items()]
    if catalogue.header:
        memory.notes = catalogue.header.split("\n")
    lang = langtags.normalize(lang)
    if lang == memory.srclang and any(e.msgstr or any(e.msgstr_plural.values()) for e in catalogue):
        # one segment per language: the translations would overwrite the msgids
        said = "" if from_header else ", from its file name,"
        raise FormatError(
            f"the catalogue's language ({lang}){said} is its source language, so its translations "
            "would replace the msgids; set the Language header to the variant the "
            "translations are in (en-GB, en-US)",
            name,
            *_header_line(data),
        )
    for entry in catalogue:
        if entry.obsolete and not obsolete:
            continue
        memory.units.append(_unit(entry, memory.srclang, lang, name))
    return memory


_ID_OR_STR_LINE = re.compile(rb"^[ \t]*(?:#~[ \t]*)?(msgid|msgstr)(?:\[0\])?[ \t]", re.MULTILINE)


def keyword_lines(data: bytes, name: str = "<input>") -> tuple[list[int], list[int]]:
    r"""The 1-based lines of a PO file's ``msgid`` and of its ``msgstr`` (``msgstr[0]``
    of a plural entry) keywords, in file order: where a finding about an entry's
    source or translation is shown (a unit's location is the entry's first line, its
    comments included).  Any ASCII-compatible encoding; UTF-16 with a BOM (``name``
    is the file's, for the error of one that does not decode).

    >>> keyword_lines(b'#: a.c\nmsgid "a"\nmsgstr ""\n"b"\n\nmsgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\n')
    ([2, 6], [3, 8])
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = decode(data, name).encode("utf-8")
    if cr_line_ends(data):
        data = data.replace(b"\r", b"\n")
    ids: list[int] = []
    strs: list[int] = []
    line, pos = 1, 0
    for m in _ID_OR_STR_LINE.finditer(data):
        line += data.count(b"\n", pos, m.start())
        pos = m.start()
        (ids if m.group(1) == b"msgid" else strs).append(line)
    return ids, strs


def iter_po(
    src: PoSource, *, srclang: str | None = None, tgtlang: str | None = None, obsolete: bool = False
) -> Iterator[TranslationUnit]:
    """The units of a PO file, in file order.

    polib parses a catalogue at once; PO files are small (the largest gettext
    catalogues are about 1 MB), so this reads the whole file first.
    """
    yield from read_po(src, srclang=srclang, tgtlang=tgtlang, obsolete=obsolete).units


def po_target_language(memory: Memory) -> str | None:
    """The target language recorded in a memory read from PO (``Language:`` header)."""
    for key, value in memory.props:
        if key == HEADER_PREFIX + "Language" and value.strip():
            return langtags.normalize(value)
    return None


#: A gettext locale as catalogues are named after it: ``zh_TW``, ``zh_Hant``, ``pt_BR``,
#: ``sr@latin``, ``zh-CN``; then maybe a charset (``zh_CN.UTF-8``).  A three-letter
#: language only with a script or region: ``git``, ``vim`` and ``app`` are names too.
_LOCALE = r"(?:[a-z]{2}|[a-z]{3}(?=[_-]))(?:[_-][A-Z][a-z]{3})?(?:[_-](?:[A-Z]{2}|[0-9]{3}))?(?:@[a-z]+)?"
_CHARSET_SUFFIX = r"(?:\.[A-Za-z][A-Za-z0-9-]*)?"
_NAME_IS_LOCALE = re.compile(rf"({_LOCALE}){_CHARSET_SUFFIX}")
#: ``DOMAIN-LOCALE`` (Launchpad's ``nemo-zh_CN``), ``NAME.LOCALE`` (po4a's
#: ``date.1.zh_CN``): only a locale with a script or region, which no word is.
_NAME_ENDS_IN_LOCALE = re.compile(
    rf"(?:.*[-._])([a-z]{{2,3}}_(?:[A-Z][a-z]{{3}}(?:_[A-Z]{{2}})?|[A-Z]{{2}})(?:@[a-z]+)?){_CHARSET_SUFFIX}"
)


def path_language(path: str) -> str | None:
    """The language a catalogue's path names by gettext's conventions, or None:
    ``.../LOCALE/LC_MESSAGES/DOMAIN.po``, ``LOCALE.po`` (``zh_TW.po``, ``zh_CN.UTF-8.po``,
    ``de.po``, ``yue_HK.po``; not ``git.po``), and ``DOMAIN-LOCALE.po`` or ``NAME.LOCALE.po`` when the locale names a
    region or script (``nemo-zh_CN.po``: a plain ``my-app.po`` names no language).

    >>> [path_language(p) for p in ("po/zh_TW.po", "zh_Hant/LC_MESSAGES/django.po", "nemo-zh_CN.po")]
    ['zh-TW', 'zh-Hant', 'zh-CN']
    >>> [path_language(p) for p in ("vim/zh_CN.UTF-8.po", "date.1.zh_TW.po", "de.po", "git.po", "my-app.po")]
    ['zh-CN', 'zh-TW', 'de', None, None]
    """
    parts = re.split(r"[\\/]", path)
    if len(parts) >= 3 and parts[-2] == "LC_MESSAGES":
        match = _NAME_IS_LOCALE.fullmatch(parts[-3])
        if match and _known_code(match.group(1)):
            return langtags.normalize(match.group(1))
    stem = re.sub(r"\.pot?$", "", parts[-1], flags=re.IGNORECASE)
    match = _NAME_IS_LOCALE.fullmatch(stem) or _NAME_ENDS_IN_LOCALE.fullmatch(stem)
    return langtags.normalize(match.group(1)) if match and _known_code(match.group(1)) else None


def _known_code(locale: str) -> bool:
    """Whether a locale's two-letter language is an ISO 639-1 code (``cn.po``, ``ui.po``
    and ``db.po`` name no language; a three-letter one comes with a region or script)."""
    code = re.split(r"[_@.-]", locale, maxsplit=1)[0]
    return len(code) != 2 or code in langtags.ISO_639_1


def _script_language(catalogue: Any, source: str | None = None) -> str:
    """A catalogue that names no language: :func:`text_language` of its translations;
    else (no Han text in them, or none yet) English when its source is Chinese
    (``source``, its ``X-Source-Language``, or Chinese msgids: a zh→en catalogue);
    else a bare ``zh``, which names no script (each text then tells)."""
    found = text_language(list(itertools.islice(_translations(catalogue), 500)))
    if found is not None:
        return found
    return EN if source is not None and langtags.primary(source) == "zh" else BARE_ZH


def text_language(texts: Sequence[str]) -> str | None:
    """The language of translations in a file that names none: Chinese in the script
    they are in (``zh-CN`` for Simplified, ``zh-Hant`` for Traditional), a bare ``zh``
    for Han text of no script; Japanese (``ja``) when most of them hold kana; None
    for text without Han characters.

    >>> [text_language(t) for t in (["打开文件"], ["開啟檔案"], ["ファイルを開く"], ["Datei"])]
    ['zh-CN', 'zh-Hant', 'ja', None]
    """
    if texts and 2 * sum(1 for t in texts if _KANA.search(t)) > len(texts):
        return "ja"  # (kanji with kana: Japanese, whatever its characters' forms)
    joined = "".join(texts)[:20_000]
    script = script_of(joined)
    if script is None and not HAN.search(joined):
        return None
    return {"Hans": ZH, "Hant": ZH_HANT}.get(script or "", BARE_ZH)


_KANA = re.compile(r"[\u3040-\u30ff]")
#: Languages written with Han characters besides Chinese: a name that says one of them
#: stands (Japanese strings hold kanji).
HAN_WRITTEN = frozenset({"zh", "ja", "ko", "vi"})


def _translations(catalogue: Any) -> Iterator[str]:
    """The catalogue's non-empty translations, in order (a plural entry's first form)."""
    for entry in catalogue:
        text = entry.msgstr or next((v for _, v in sorted(entry.msgstr_plural.items()) if v), "")
        if text:
            yield text


def _chinese_msgids(catalogue: Any) -> str | None:
    """The language of a catalogue's msgids when most of them are Chinese (of its first
    500), in the script they are written in; None otherwise."""
    msgids = [e.msgid for e in itertools.islice((e for e in catalogue if e.msgid), 500)]
    if not msgids or 2 * sum(1 for t in msgids if HAN.search(t)) <= len(msgids):
        return None
    found = text_language(msgids)
    return found if found in (ZH, ZH_HANT, BARE_ZH) else None


def _named_language(path: str, catalogue: Any) -> str | None:
    return named_language(path_language(path), list(itertools.islice(_translations(catalogue), 200)))


def named_language(lang: str | None, texts: Sequence[str]) -> str | None:
    """The language a path names (:func:`path_language`), unless it is not Chinese
    while most translations are Chinese text (``tw.po`` holding Taiwan's Chinese, not
    Twi): then None, and the text tells the script."""
    if lang is None or langtags.primary(lang) in HAN_WRITTEN:
        return lang
    han = sum(1 for t in texts if HAN.search(t))
    return None if texts and 2 * han > len(texts) else lang


def _header_line(data: bytes) -> tuple[int, int]:
    """Line and column of the ``Language:`` header (1, 1 when it is not written)."""
    at = data.find(b'"Language:')
    return _location(data, at) if at >= 0 else (1, 1)


def _header_language(metadata: dict[str, str], name: str = "Language") -> str | None:
    value = metadata.get(name, "").strip()
    if value and langtags.is_valid(value.split(".", 1)[0].split("@", 1)[0]):
        return langtags.normalize(value)
    return None


def _location(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, best effort) of a byte offset."""
    eol = b"\r" if cr_line_ends(data) else b"\n"
    line = data.count(eol, 0, offset) + 1
    start = data.rfind(eol, 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", errors="replace")) + 1


def decode_po(data: bytes, name: str) -> str:
    """Decode PO bytes with the charset of their header (UTF-8 when none is declared)."""
    stray = bom_problem(data[:8192])
    if stray is not None:
        raise FormatError(stray, name, 1, 1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, name)
    if b"\x00" in data:
        line, column = _location(data, data.index(b"\x00"))
        raise FormatError(
            "NUL byte: this is not a PO file (binary, or UTF-16 without a BOM)", name, line, column
        )
    match = _CHARSET.search(data)
    declared = match.group(1).decode("ascii") if match else "UTF-8"
    charset = declared
    if charset.upper() == "CHARSET":  # the placeholder of a fresh .pot
        charset = "UTF-8"
    if charset.lower() in _GB_CHARSETS:
        charset = "gb18030"
    try:
        codecs.lookup(charset)
    except LookupError:
        assert match is not None
        line, column = _location(data, match.start(1))
        raise FormatError(
            f"unknown charset '{declared}' in the Content-Type header; convert the file to UTF-8 (msgconv)",
            name,
            line,
            column,
        ) from None
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        line, column = _location(data, exc.start)
        raise FormatError(
            f"bytes that are not {declared} at byte offset {exc.start} (0x{data[exc.start]:02x}); "
            f"the header declares charset={declared}: fix the header or re-save the file",
            name,
            line,
            column,
        ) from None


class _Lines(str):
    """Text that polib splits on ``\\n`` only (``str.splitlines`` also splits on
    U+2028, U+0085, form feed..., which are ordinary characters inside a PO string)."""

    __slots__ = ()

    def splitlines(self, keepends: bool = False) -> list[str]:  # type: ignore[override]
        return self.split("\n")


def _validate_lines(text: str, name: str) -> None:
    """Check that every keyword and continuation line holds one well-formed quoted string.

    polib accepts ``msgid foo`` (and silently reads ``o``); gettext does not.
    """
    for lineno, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        body = line
        if body.startswith("#~"):
            body = body[2:].lstrip()
            if body.startswith("|"):
                body = body[1:].lstrip()
        elif body.startswith("#|"):
            body = body[2:].lstrip()
        if not body or body.startswith("#"):
            continue
        match = _KEYWORD_LINE.match(body)
        if not match and not body.startswith('"'):
            raise FormatError(
                f"PO syntax error: unexpected {body.split()[0]!r} (expected msgid, msgstr, msgctxt, "
                "a quoted string or a # comment)",
                name,
                lineno,
                len(raw) - len(raw.lstrip()) + 1,
            )
        value = match.group(3) if match else body
        if not _QUOTED.fullmatch(value):
            raise FormatError(
                'PO syntax error: expected one string in double quotes (escape inner quotes as \\")',
                name,
                lineno,
                len(raw.rstrip()) - len(value) + 1,
            )


def _parse(data: bytes, name: str) -> Any:
    # (classic Mac OS line ends, CR only, as termkit reads every text: gettext and polib
    # split at LF only, and such a file was read as one comment line, without an entry)
    text = lf_line_ends(decode_po(data, name))
    _validate_lines(text, name)
    try:
        return polib.pofile(_Lines(text), wrapwidth=0)
    except (OSError, ValueError, KeyError, IndexError) as exc:
        message = str(exc)
        match = re.search(r"\(line (\d+)\)(?::\s*(.*))?", message)
        line = int(match.group(1)) if match else None
        detail = match.group(2) if match and match.group(2) else "entry out of order"
        raise FormatError(f"PO syntax error: {detail}", name, line, 1 if line else None) from None


def _references(occurrences: Sequence[tuple[str, str]]) -> list[str]:
    """``file:line`` strings; names wrapped in U+2068…U+2069 (xgettext >= 0.20) are rejoined."""
    refs: list[str] = []
    pending: list[str] | None = None
    for path, line in occurrences:
        token = f"{path}:{line}" if line else path
        if pending is not None:
            pending.append(token)
            if _PDI in token:
                refs.append(" ".join(pending).replace(_FSI, "").replace(_PDI, ""))
                pending = None
            continue
        if token.startswith(_FSI) and _PDI not in token:
            pending = [token]
            continue
        refs.append(token.replace(_FSI, "").replace(_PDI, ""))
    if pending is not None:
        refs.append(" ".join(pending).replace(_FSI, ""))
    return refs


def _unit(entry: Any, srclang: str, tgtlang: str, name: str) -> TranslationUnit:
    props: list[tuple[str, str]] = []
    if entry.msgid_plural:
        forms: dict[int, str] = dict(entry.msgstr_plural)
        target = forms.get(0, "")
        props.append((PROP_PLURAL, entry.msgid_plural))
        props.extend((f"x-po-msgstr[{i}]", forms[i]) for i in sorted(forms) if i)
    else:
        target = entry.msgstr
    segments = {srclang: Segment(entry.msgid)}
    if target:
        segments[tgtlang] = Segment(target)
    flags = [f for f in entry.flags if f and f != "fuzzy"]
    if flags:
        props.append((PROP_FLAGS, ", ".join(flags)))
    if entry.tcomment:
        props.append((PROP_COMMENT, entry.tcomment))
    for key, value in (
        (PROP_PREV_CTXT, entry.previous_msgctxt),
        (PROP_PREV_ID, entry.previous_msgid),
        (PROP_PREV_PLURAL, entry.previous_msgid_plural),
    ):
        if value is not None:
            props.append((key, value))
    if entry.obsolete:
        props.append((PROP_OBSOLETE, "yes"))
    return TranslationUnit(
        segments=segments,
        props=props,
        notes=entry.comment.split("\n") if entry.comment else [],
        context=entry.msgctxt,
        fuzzy="fuzzy" in entry.flags,
        references=_references(entry.occurrences),
        location=Location(name, max(entry.linenum or 1, 1)),
    )


# --------------------------------------------------------------------------
# Writing


def format_po_date(when: Date | datetime) -> str:
    """gettext's date format: ``2024-05-01 00:00+0000``."""
    if not isinstance(when, datetime):
        return f"{when.isoformat()} 00:00+0000"
    stamp = when.strftime("%Y-%m-%d %H:%M")
    offset = when.strftime("%z") or "+0000"
    return f"{stamp}{offset}"


@dataclass
class PoReport:
    """What writing a PO changed so that msgfmt accepts it (nothing is dropped unreported)."""

    #: the Plural-Forms written
    plural_forms: str = DEFAULT_PLURAL_FORMS
    #: entries marked fuzzy because msgid and msgstr disagree on a leading/trailing newline
    newline_fuzzy: int = 0
    #: translated plural entries marked fuzzy because their forms did not fit ``nplurals``
    plural_fuzzy: int = 0
    #: translated entries marked fuzzy because their XLIFF state says the target is no translation yet
    state_fuzzy: int = 0
    #: non-empty plural forms beyond ``nplurals`` that were not written
    dropped_forms: int = 0
    #: units not written because their source text is empty (the empty msgid is the header's)
    empty_source: int = 0
    #: the first unit of each kind, for the message
    first: dict[str, str] = field(default_factory=dict)

    def note(self, kind: str, what: str, count: int = 1) -> None:
        setattr(self, kind, getattr(self, kind) + count)
        self.first.setdefault(kind, what)

    def messages(self) -> list[str]:
        """One line per kind of change, with the first unit it touched."""
        nplurals = _nplurals(self.plural_forms)
        texts = {
            "state_fuzzy": (
                "unit",
                "marked fuzzy: the XLIFF state of the target (new, initial, needs-*) says it is "
                "not a translation yet",
            ),
            "newline_fuzzy": (
                "unit",
                "marked fuzzy: msgid and msgstr disagree on a leading or trailing "
                "newline, which msgfmt --check refuses in a translated entry",
            ),
            "plural_fuzzy": (
                "unit",
                f"marked fuzzy: the plural forms were made for another rule than "
                f"'{self.plural_forms}' (review the translation)",
            ),
            "dropped_forms": ("plural form", f"not written: beyond nplurals={nplurals}"),
            "empty_source": (
                "unit",
                "not written: the source text is empty, and PO keeps the empty msgid for the header",
            ),
        }
        out = []
        for kind, (noun, text) in texts.items():
            count = getattr(self, kind)
            if count:
                out.append(f"{count} {noun}{'' if count == 1 else 's'} {text} (first: {self.first[kind]})")
        return out


def write_po(fp: IO[bytes], memory: Memory, **options: Any) -> None:
    """Write ``memory`` as a UTF-8 PO file to the binary file object ``fp``.

    ``options`` are those of :func:`format_po`.
    """
    fp.write(format_po(memory, **options).encode("utf-8"))


def format_po(
    memory: Memory,
    *,
    tgtlang: str | None = None,
    date: Date | datetime | None = None,
    project: str = "termkit",
    header_comment: Sequence[str] | None = None,
    translator: str | None = None,
    team: str | None = None,
    report: PoReport | None = None,
) -> str:
    """The PO text of ``memory``.

    ``tgtlang`` defaults to the ``Language:`` header the memory was read with,
    else to its first language other than the source language, else ``zh-CN``.
    ``date`` sets POT-Creation-Date and PO-Revision-Date (none are written otherwise);
    ``translator`` and ``team`` set Last-Translator and Language-Team (msgfmt
    ``--check`` warns when they are missing).
    Units whose source text is repeated with the same context get a context that
    tells them apart (their unit id, or ``duplicate-N``): msgfmt refuses duplicates.
    What was changed so that msgfmt accepts the file (entries marked fuzzy, plural
    forms dropped) is counted in ``report`` when one is given.  Units with an empty
    source text cannot be PO entries: with a ``report`` they are skipped and counted
    there; without one, they are refused with a FormatError.
    """
    srclang = langtags.normalize(memory.srclang)
    lang = langtags.normalize(tgtlang) if tgtlang else _default_target(memory, srclang)
    skip_empty = report is not None
    report = report if report is not None else PoReport()
    catalogue = polib.POFile(wrapwidth=0)
    comments = header_comment if header_comment is not None else memory.notes
    catalogue.metadata = _metadata(memory, lang, date, project)
    if srclang != EN:
        catalogue.metadata[SOURCE_LANGUAGE] = langtags.to_gettext(srclang)
    report.plural_forms = catalogue.metadata["Plural-Forms"]
    nplurals = _nplurals(report.plural_forms) or 1
    for field_name, value in (("Last-Translator", translator), ("Language-Team", team)):
        if value:
            _check_text(value, f"header field {field_name}", "its value")
            catalogue.metadata[field_name] = value
    seen: set[tuple[str | None, str, bool]] = set()
    occurrences: dict[tuple[str | None, str, bool], int] = {}
    for n, unit in enumerate(memory.units, 1):
        entry = _entry(unit, n, srclang, lang, nplurals, report, skip_empty)
        if entry is None:
            continue
        key = first = (entry.msgctxt, entry.msgid, bool(entry.obsolete))
        occurrences[first] = occurrences.get(first, 0) + 1
        count = occurrences[first]
        while key in seen:
            suffix = unit.id if unit.id and count == occurrences[first] else f"duplicate-{count}"
            entry.msgctxt = f"{unit.context}|{suffix}" if unit.context else suffix
            key = (entry.msgctxt, entry.msgid, bool(entry.obsolete))
            count += 1
        seen.add(key)
        catalogue.append(entry)
    # polib writes a header line that starts with ',' or ':' as a flag or reference
    # line; write the header comment here, always as '# TEXT'.
    head = "".join(f"# {line}\n" if line else "#\n" for line in _comment_lines(comments))
    body: str = polib._BaseFile.__unicode__(catalogue)
    return head + body


def _default_target(memory: Memory, srclang: str) -> str:
    recorded = po_target_language(memory)
    if recorded:
        return recorded
    for lang in memory.languages():
        if langtags.normalize(lang) != srclang:
            return langtags.normalize(lang)
    return ZH


def plural_forms_for(lang: str) -> str:
    """The Plural-Forms of a language: its own tag, else its primary language, else ``n != 1``.

    ``n != 1`` is what gettext assumes for a catalogue without Plural-Forms.
    """
    tag = langtags.normalize(lang)
    return PLURAL_FORMS.get(tag) or PLURAL_FORMS.get(langtags.primary(tag), GERMANIC_PLURAL_FORMS)


def _nplurals(rule: str) -> int | None:
    """``nplurals`` of a well-formed Plural-Forms value, else None."""
    match = _NPLURALS.match(rule)
    return int(match.group(1)) if match else None


def _plural_forms(given: dict[str, str], lang: str) -> str:
    """The memory's own Plural-Forms if it is well formed and for ``lang``; else the language's."""
    rule = " ".join(given.get("Plural-Forms", "").split())
    recorded = given.get("Language", "").strip()
    same = not recorded or langtags.normalize(recorded.split(".", 1)[0].split("@", 1)[0]) == lang
    return rule if same and _nplurals(rule) else plural_forms_for(lang)


def _metadata(memory: Memory, lang: str, when: Date | datetime | None, project: str) -> dict[str, str]:
    given = {k[len(HEADER_PREFIX) :]: v for k, v in memory.props if k.startswith(HEADER_PREFIX)}
    plural_forms = _plural_forms(given, lang)
    meta: dict[str, str] = {"Project-Id-Version": given.pop("Project-Id-Version", project) or project}
    for key, value in given.items():
        if key not in _OWN_FIELDS and key != "Plural-Forms":
            _check_text(key, f"header field {key!r}", "its name")
            _check_text(value, f"header field {key}", "its value")
            meta[key] = value
    if when is not None:
        meta["POT-Creation-Date"] = meta["PO-Revision-Date"] = format_po_date(when)
    meta["Language"] = langtags.to_gettext(lang)
    meta["MIME-Version"] = "1.0"
    meta["Content-Type"] = "text/plain; charset=UTF-8"
    meta["Content-Transfer-Encoding"] = "8bit"
    meta["Plural-Forms"] = plural_forms
    return meta


def _comment_lines(lines: Sequence[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        out.extend(LINE_END.split(line))
    return out


def named_unit(unit: TranslationUnit, n: int) -> str:
    """``unit 7 (in.po:100)``, ``unit 'p1' (in.xlf:9)``: a unit as warnings name it."""
    where = f"{unit.location.path}:{unit.location.line}" if unit.location else ""
    if unit.id:
        return f"unit '{unit.id}'" + (f" ({where})" if where else "")
    return f"unit {n}" + (f" ({where})" if where else "")


def _check_text(text: str, what: str, string: str | None = None) -> None:
    """Refuse what a PO file cannot carry: NUL anywhere (gettext's strings are C
    strings), and in a quoted ``string`` (msgid, msgstr, msgctxt, a header field: its
    name) U+0004, the separator of msgctxt and msgid in a compiled catalogue, which
    ``msgfmt`` refuses there ("context separator <EOT> within string").  Comments may
    hold it.  No other character stops msgfmt: polib escapes TAB, LF, CR, ``"`` and
    ``\\``, and msgfmt takes the other control characters as they are.
    """
    if "\x00" in text:
        raise FormatError(f"{what} contains a NUL character, which a PO file cannot carry; remove it")
    if string is not None and "\x04" in text:
        raise FormatError(
            f"{what}, {string}: character U+0004 at offset {text.index(chr(4))} cannot be written in a PO "
            "string (it is gettext's context separator, which msgfmt refuses there); remove or replace "
            "it in the input"
        )


def segment_in(unit: TranslationUnit, lang: str) -> Segment | None:
    """The segment of ``lang`` (tags compared after normalisation), or None."""
    seg = unit.segments.get(lang)
    if seg is None:
        seg = next((s for code, s in unit.segments.items() if langtags.normalize(code) == lang), None)
    return seg


def _entry(
    unit: TranslationUnit, n: int, srclang: str, lang: str, nplurals: int, report: PoReport, skip_empty: bool
) -> Any:
    what = named_unit(unit, n)
    source = segment_in(unit, srclang)
    if source is None:
        raise FormatError(f"{what} has no '{srclang}' text to write as msgid")
    if not source.text:
        if skip_empty:
            report.note("empty_source", what)
            return None
        raise FormatError(f"{what} has an empty '{srclang}' text; PO reserves the empty msgid for the header")
    target = segment_in(unit, lang)
    props = dict(unit.props)
    for text in (*unit.notes, *unit.references, *props.values()):
        _check_text(text, what)
    strings = [
        ("msgid", source.text),
        ("msgstr", target.text if target else ""),
        ("msgctxt", unit.context or ""),
    ]
    strings.extend(
        (key, value) for key, value in unit.props if key in _STRING_PROPS or _PLURAL_PROP.match(key)
    )
    for string, text in strings:
        _check_text(text, what, string)
    if "\n" in props.get(PROP_FLAGS, ""):  # (a flag line ends at the line break: msgfmt stops)
        raise FormatError(f"{what}: its flags ({PROP_FLAGS}) hold a line break, which a PO file cannot carry")
    entry = polib.POEntry(msgid=source.text, msgctxt=unit.context)
    plural = props.get(PROP_PLURAL)
    mismatch = False
    if plural:
        entry.msgid_plural = plural
        forms = {0: target.text if target else ""}
        for key, value in unit.props:
            match = _PLURAL_PROP.match(key)
            if match and int(match.group(1)) > 0:
                forms[int(match.group(1))] = value
        dropped = sum(1 for i, form in forms.items() if i >= nplurals and form)
        if dropped:
            report.note("dropped_forms", what, dropped)
        translated = any(forms.values())
        mismatch = translated and (dropped > 0 or any(i not in forms for i in range(nplurals)))
        entry.msgstr_plural = {i: forms.get(i, "") for i in range(nplurals)}
    else:
        entry.msgstr = target.text if target else ""
    entry.comment = "\n".join(
        line for note in unit.notes for line in LINE_END.split(note.rstrip()) if line.strip()
    )
    if PROP_COMMENT in props:
        entry.tcomment = "\n".join(LINE_END.split(props[PROP_COMMENT]))
    entry.occurrences = [(_reference(ref), "") for ref in unit.references if ref.strip()]
    flags = ["fuzzy"] if unit.fuzzy else []
    if props.get(PROP_FLAGS):
        flags.extend(f.strip() for f in props[PROP_FLAGS].split(",") if f.strip() and f.strip() != "fuzzy")
    entry.previous_msgctxt = props.get(PROP_PREV_CTXT)
    entry.previous_msgid = props.get(PROP_PREV_ID)
    entry.previous_msgid_plural = props.get(PROP_PREV_PLURAL)
    entry.obsolete = props.get(PROP_OBSOLETE) == "yes"
    if "fuzzy" not in flags and not entry.obsolete:
        if unfinished_state(props.get(PROP_XLIFF_STATE)) and _translated(entry):
            report.note("state_fuzzy", what)
            flags.insert(0, "fuzzy")
        elif mismatch:
            report.note("plural_fuzzy", what)
            flags.insert(0, "fuzzy")
        elif _newlines_disagree(entry):
            report.note("newline_fuzzy", what)
            flags.insert(0, "fuzzy")
    entry.flags = flags
    return entry


def _translated(entry: Any) -> bool:
    """Whether an entry has a translation (a plural entry: any form)."""
    return any(entry.msgstr_plural.values()) if entry.msgid_plural else bool(entry.msgstr)


def _newlines_disagree(entry: Any) -> bool:
    """Whether msgfmt --check refuses the entry: in a translated entry, msgid, msgid_plural
    and every msgstr must all begin, and all end, with a newline, or none of them."""
    if entry.msgid_plural:
        forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
        texts = [entry.msgid, entry.msgid_plural, *forms]
    else:
        forms = [entry.msgstr]
        texts = [entry.msgid, entry.msgstr]
    if not forms or not forms[0]:
        return False  # untranslated: msgfmt does not check it
    return len({t.startswith("\n") for t in texts}) > 1 or len({t.endswith("\n") for t in texts}) > 1


def _reference(ref: str) -> str:
    """A reference as xgettext writes it: whitespace normalised, wrapped in U+2068…U+2069 if any."""
    words = ref.split()
    joined = " ".join(words)
    return f"{_FSI}{joined}{_PDI}" if len(words) > 1 else joined


def po_bytes(memory: Memory, **kwargs: Any) -> bytes:
    """Convenience: the bytes :func:`write_po` writes."""
    buf = io.BytesIO()
    write_po(buf, memory, **kwargs)
    return buf.getvalue()
