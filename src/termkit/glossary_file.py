"""Glossary files: YAML that reviewers edit by hand, read and written canonically.

The format is documented in ``docs/glossary-format.md``.  In short, a file is a
YAML mapping from concept id to concept::

    # Programme names of the Shanxi 2011 report.
    rain-plan:
      status: approved
      subject: poverty alleviation
      definition: Vocational training subsidy programme for the rural poor.
      terms:
        en:
          - text: Rain Plan
            status: preferred
        zh-CN:
          - text: 雨露计划
            status: preferred

Reading goes through ruamel.yaml (a full YAML 1.2 parser that gives every node a
line and column).  Its C extension, ruamel.yaml.clib (libyaml), parses a file about
ten times faster than its pure-Python parser, and ruamel's own round-trip
constructor builds the same document from what it parses (:func:`_load_fast`).
libyaml reads YAML 1.1: a text that it could read otherwise than ruamel.yaml (a
NEL or LINE SEPARATOR, a tab, an anchor or tag, a directive...), one nested deeper
than :data:`_MAX_DEPTH`, and one that it refuses are read by the pure-Python parser,
which reports every error (:func:`_load_pure`), as it does where the extension is
not installed.  Comments are not ruamel's: they are read from the text here
(:func:`_collect_comments`).

Writing is done here, by a small emitter for exactly this
schema, so that the output is canonical: concepts sorted by id, keys in a fixed
order, terms ordered by status, two-space indentation, one blank line between
concepts, strings quoted only when they must be.  Reviewers' comments (full-line
and end-of-line) are attached to the node they stand before or behind and are
written back there, so they survive every write.

``termkit fmt`` writes that canonical form.  The commands that update a file
(``extract --into``, ``align --into``, ``import``) write it canonically only when
it was canonical; a file in a reviewer's own order keeps that order, and concepts
only added are appended to its text as it was (see :func:`updated_text`).
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import gc
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import __version__ as ruamel_version
from ruamel.yaml.comments import CommentedMap, CommentedOrderedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from . import parse_cache
from .errors import Diagnostic, GlossaryError, InputError, Severity, UsageError
from .model import (
    Concept,
    Glossary,
    Location,
    ReviewStatus,
    Source,
    Term,
    TermStatus,
    sort_languages,
)
from .textio import decode, read_bytes, write_text_atomic

SUFFIXES = (".yaml", ".yml")


def is_glossary_name(path: str | os.PathLike[str]) -> bool:
    """Whether a glossary folder loads a file of this name: ``*.yaml`` or ``*.yml``
    (a name that is its suffix alone, ``.yaml``, is a hidden file with none)."""
    return Path(path).suffix in SUFFIXES


CONCEPT_KEYS = ("status", "subject", "definition", "note", "provenance", "sources", "terms")
SOURCE_KEYS = ("document", "section")
TERM_KEYS = ("text", "status", "pos", "case-sensitive", "review", "score", "evidence", "note")

TERM_STATUS_ORDER = {s: i for i, s in enumerate(TermStatus)}

NodePath = tuple[Any, ...]
HEADER: NodePath = ("<header>",)
TRAILER: NodePath = ("<trailer>",)


@dataclass
class Comments:
    """Comments attached to one node: full lines before it, one at the end of its line."""

    before: list[str] = field(default_factory=list)
    eol: str | None = None

    def lines(self) -> list[str]:
        """Every comment, the full lines first."""
        return [*self.before, self.eol] if self.eol else list(self.before)


@dataclass
class GlossaryFile:
    """One glossary file: its concepts, in file order, and its comments."""

    path: str
    concepts: list[Concept] = field(default_factory=list)
    comments: dict[NodePath, Comments] = field(default_factory=dict)
    #: Problems found while reading; a file with errors is never written back.
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: The text as read (none for a new file): how an update is written depends on
    #: it (:func:`updated_text`).
    text: str | None = None

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def get(self, concept_id: str) -> Concept | None:
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        return None


# --------------------------------------------------------------------------
# Reading


#: Why a folder with no glossary file in it is refused.
NO_GLOSSARY_FILES = (
    "no glossary files (*.yaml, *.yml) found; name a glossary file or a folder that holds them"
)


def glossary_paths(paths: Iterable[str | os.PathLike[str]], *, allow_empty: bool = False) -> list[str]:
    """Expand folders to the glossary files in them (sorted); keep files as given.

    A folder that holds no glossary file is an error, so that a mistyped path
    cannot pass a CI job with "0 files"; ``allow_empty`` accepts one, for a
    glossary that new concepts are about to be written into (``--into``).
    A file named twice (on its own and in its folder, or by two spellings or links) is
    listed once, where it first comes: its concepts are not two concepts with one id.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        real = os.path.realpath(name)
        if real not in seen:
            seen.add(real)
            out.append(name)

    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(_files_under(path), key=Path)
            if not found and not allow_empty:
                raise InputError(NO_GLOSSARY_FILES, str(p))
            for name in found:
                add(name)
        elif os.fspath(p) == "-":  # (no "-: no such file or folder": it names no file)
            raise UsageError(
                "'-' (standard input) is no glossary: glossaries are read from their files; "
                "name glossary files or folders"
            )
        elif not path.exists():
            raise InputError("no such file or folder", str(p))
        else:
            add(str(p))
    return out


def _files_under(folder: Path) -> Iterator[str]:
    """The glossary files under ``folder``; a folder that cannot be listed is an
    error (an unreadable glossary is not an empty one)."""

    def refuse(exc: OSError) -> None:
        raise InputError(f"cannot read folder: {exc.strerror or exc}", exc.filename or str(folder))

    for root, _dirs, files in os.walk(folder, onerror=refuse):
        for name in files:
            f = Path(root) / name
            if is_glossary_name(f) and f.is_file():
                yield str(f)


def read_glossary_file(path: str | os.PathLike[str], text: str | None = None) -> GlossaryFile:
    """Read one glossary file.

    Syntax errors raise :class:`GlossaryError`.  Problems with the content (unknown
    keys, bad status values...) are collected in ``diagnostics`` so that ``check``
    can report them all at once.
    """
    name = os.fspath(path)
    if text is None:
        text = decode(read_bytes(name), name)
    elif text.startswith("\ufeff"):
        text = text[1:]
    # (the parse is a pure function of the name, the text and this code: cached)
    entry = parse_cache.key(parse_cache.code_stamp(*_CACHE_CODE), ruamel_version, name, text)
    cached = parse_cache.load("glossary", entry)
    if isinstance(cached, GlossaryFile):
        return cached
    gfile = GlossaryFile(name)
    with _gc_paused():
        doc = _parse_yaml(text, name)
        reader = _Reader(name, text)
        if doc is not None:
            gfile.concepts = reader.read_document(doc)
        gfile.diagnostics = reader.diagnostics
        gfile.comments = _collect_comments(text, reader.node_lines)
    gfile.text = text
    parse_cache.store("glossary", entry, gfile)
    return gfile


#: The modules whose code makes or shapes a parsed glossary file (the cache key).
_CACHE_CODE = ("termkit.glossary_file", "termkit.model", "termkit.errors")


def load_glossary(
    paths: Iterable[str | os.PathLike[str]], *, allow_empty: bool = False
) -> tuple[Glossary, list[GlossaryFile]]:
    """Read every glossary file under ``paths`` into one glossary.

    Raises the first error found (syntax or content) as a located GlossaryError,
    for commands that need a valid glossary; ``termkit check`` reports them all.
    A folder with no glossary file is an error unless ``allow_empty`` (see
    :func:`glossary_paths`).
    """
    # (a file named again, on its own and in its folder, is read once: glossary_paths)
    files = [read_glossary_file(path) for path in glossary_paths(paths, allow_empty=allow_empty)]
    for gfile in files:
        for diag in gfile.diagnostics:
            if diag.severity is Severity.ERROR:
                raise _refused(diag)
    # a concept id in two files is refused as one twice in a file is: which concept a
    # finding or a proposal names would be anyone's guess
    duplicate = next(duplicate_ids(files), None)
    if duplicate is not None:
        raise _refused(duplicate)
    glossary = Glossary([c for f in files for c in f.concepts])
    return glossary, files


def _refused(diag: Diagnostic) -> GlossaryError:
    """The error :func:`load_glossary` raises for ``diag``."""
    return GlossaryError(
        f"{diag.message} [{diag.rule}]; run 'termkit check' for every problem",
        diag.path,
        diag.line,
        diag.column,
    )


def duplicate_ids(files: Sequence[GlossaryFile]) -> Iterator[Diagnostic]:
    """An error (``duplicate-id``) for each concept whose id a concept of an earlier
    file (or earlier in the same one) already has, at the later one."""
    first: dict[str, tuple[str, Concept]] = {}
    for gfile in files:
        for c in gfile.concepts:
            seen = first.setdefault(c.id, (gfile.path, c))
            if seen[1] is c:
                continue
            first_path, first_concept = seen
            line, col = (c.location.line, c.location.column) if c.location else (1, 1)
            fl = first_concept.location.line if first_concept.location else 1
            yield Diagnostic(
                gfile.path,
                line,
                col,
                Severity.ERROR,
                f"duplicate concept id '{c.id}' (first at {first_path}:{fl}); rename one, or merge the two",
                "duplicate-id",
                concept=c.id,
            )


#: A line git writes around the two sides of a merge conflict (``|||||||`` opens the
#: base with ``merge.conflictStyle = diff3``).
_CONFLICT_MARKER = re.compile(r"^(?:(<{7}|>{7}|\|{7})(?:[ \t].*)?|(={7})[ \t]*)$")


def _conflict_marker(text: str) -> tuple[int, str] | None:
    """The first merge-conflict marker line of ``text`` (0-based) and its marker."""
    for i, line in enumerate(text.splitlines()):
        if line[:1] in "<>|=" and (m := _CONFLICT_MARKER.match(line)):
            return i, m.group(1) or m.group(2)
    return None


def _parse_yaml(text: str, path: str) -> Any:
    conflict = _conflict_marker(text)
    if conflict is not None:
        # (YAML would report an error a line or two further on, in its own words)
        raise GlossaryError(
            f"unresolved git merge conflict (a '{conflict[1]}' line): keep the lines you want and "
            "delete the marker lines (<<<<<<<, =======, >>>>>>>)",
            path,
            conflict[0] + 1,
            1,
            rule="syntax",
        )
    doc = _load_fast(text)
    if doc is _MISS:
        doc = _load_pure(text, path)
    _refuse_surrogates(doc, text, path)
    return doc


def _load_pure(text: str, path: str) -> Any:
    """The document of ``text`` by ruamel.yaml's pure-Python parser (which every
    syntax error of a glossary file is reported by)."""
    deep = _deep_at(text) if _flow_depth(text) > _MAX_DEPTH else None
    if deep is not None:
        # (ruamel's scanner takes time quadratic in the depth before the composer's
        # recursion fails: seconds for a few thousand brackets)
        raise _too_deep(text, path, deep)
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        with warnings.catch_warnings():
            # (an anchor defined again is YAML 1.2; ruamel's multi-line warning would
            # reach the terminal)
            warnings.simplefilter("ignore", ReusedAnchorWarning)
            return yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        if "duplicate key" in str(exc):
            name = _duplicate_key_name(str(exc))
            raise GlossaryError(
                f"duplicate key {name}: each concept id (and each field) appears once per file; "
                "rename one, or merge the two",
                path,
                line,
                column,
                rule="duplicate-id",
            ) from None
        message, where = _syntax_error(exc, text)
        line, column = (where[0] + 1, where[1] + 1) if where is not None else (None, None)
        raise GlossaryError(f"YAML syntax error: {message}", path, line, column, rule="syntax") from None
    except RecursionError:
        # lists and mappings nested hundreds deep (ruamel's composer recurses)
        raise _too_deep(text, path) from None
    except ReaderError as exc:
        # a character YAML does not allow anywhere (a control character, U+FFFE...):
        # ruamel gives its offset in the text, "position 8890 of <unicode string>"
        line, column = _text_position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise GlossaryError(
            f"{_char_kind(code)} U+{code:04X}, which a YAML file cannot hold; delete it",
            path,
            line,
            column,
            rule="syntax",
        ) from None
    except YAMLError as exc:
        raise GlossaryError(f"YAML error: {exc}", path) from None
    except Exception as exc:  # (ruamel fails on some YAML no glossary needs: `!!omap x`, `? k:` twice)
        line, column = _exotic_construct(text)
        raise GlossaryError(
            f"YAML that ruamel.yaml cannot build ({type(exc).__name__}: {_shortened(str(exc))}): a glossary "
            "holds keys, text and lists only; rewrite it without tags (!!), explicit keys (?), anchors (&) "
            "or aliases (*)",
            path,
            line,
            column,
            rule="syntax",
        ) from None


#: A tag (``!!omap``), an explicit key (``? k``), an anchor or an alias where a node starts.
_EXOTIC = re.compile(r"(?:^|(?<=[\s\[{,:-]))(?:!|\?(?=\s|$)|[&*](?=\S))", re.MULTILINE)


def _exotic_construct(text: str) -> tuple[int, int]:
    """Where the first tag, explicit key, anchor or alias of ``text`` is (1-based; the
    start of the text when it has none)."""
    found = _EXOTIC.search(text)
    return _text_position(text, found.start()) if found else (1, 1)


def _shortened(message: str, limit: int = 80) -> str:
    first = message.strip().splitlines()[0] if message.strip() else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"


# The fast path: libyaml parses, ruamel.yaml builds the document.  ruamel.yaml's
# pure-Python scanner, parser and composer take ~95% of a cold load (15 s for 10,000
# concepts); its C extension (ruamel.yaml.clib: libyaml and a composer in Cython)
# makes the same nodes over ten times faster, and ruamel's own RoundTripConstructor
# builds the same document from them.  libyaml reads YAML 1.1, ruamel.yaml 1.2: a
# text in which the two could differ, and every text that libyaml refuses, takes the
# pure path, which reports every error as before.

try:
    from _ruamel_yaml import CParser as _CParser
except ImportError:  # (no build for this Python: every text takes the pure path)
    _CParser = None

#: What :func:`_load_fast` gives for a text it leaves to :func:`_load_pure`.
_MISS: Any = object()

#: Characters that libyaml and ruamel.yaml read differently: NEL, LINE and PARAGRAPH
#: SEPARATOR are line breaks in YAML 1.1 only (every line number below would differ), a
#: BOM inside the text, and a tab (the places where each allows one differ).
_LIBYAML_DIFFERS = re.compile("[\t\x85\u2028\u2029\ufeff]")
#: A node property: an anchor (ruamel keeps it on the value, which changes its type) or
#: a tag (libyaml gives its own form of it).
_PROPERTY = re.compile(r"(?:&(?=\S)|!)(?<=[\s\[\]{},:][&!])")
#: A ':' right after a quoted or bracketed key and before a non-space (``["a":b]``):
#: libyaml reads a key and its value in a flow list, where ruamel.yaml refuses it.
_ADJACENT_VALUE = re.compile(r"[\"'\]}]\s*:(?=\S)")
#: A value (or a key) that is ``<<`` or ``=`` alone, which ruamel.yaml makes a TaggedScalar
#: of, with the style of its node, which libyaml gives otherwise ('' for None).  (A ``<<``
#: key is a merge key, which is no TaggedScalar.)
_TAGGED_PLAIN = re.compile(r"(?:(?<=[\s\[{,])|\A)(?:<<(?=[\s\]},]|\Z)|=(?=[\s\]},:]|\Z))")
#: A document end marker (``...``): after one, another is a second document to
#: ruamel.yaml, nothing to libyaml.
_DOCUMENT_END = re.compile(r"(?:\A|[\r\n])\.\.\.(?=\s|\Z)")
#: An explicit key (``? key``): where it is empty, or in a flow list (``[? ,, x]``,
#: ``[?:]``), libyaml reads it otherwise.
_EXPLICIT_KEY = re.compile(r"(?:\A|[\r\n])[ ?:-]*\?(?=[\s:,\]}]|\Z)|[\[{,]\s*\?")
#: A block scalar header with a comment right after it (``|-# c``): libyaml reads the
#: comment, ruamel.yaml refuses it.
_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*#")
#: A block scalar (``|``, ``>-``...) whose first lines are blank and one holds spaces:
#: libyaml takes its indentation from them, ruamel.yaml from the first line of text.
_BLANK_BLOCK_START = re.compile(r"[|>][-+0-9]*[ ]*(?:#[^\r\n]*)?[\r\n]+[ ]+(?:[\r\n]|\Z)")
#: Block lists and mappings nest only by indentation, two levels at most for each
#: column a line's indentation and ``- `` / ``? `` / ``: `` indicators take up: lines
#: that take up fewer than this many columns nest them at most twice as deep.
_LINE_INDENT = 13
_DEEP_LINE = f"[ ?:-]{{{_LINE_INDENT}}}"
_DEEP_LINES = (re.compile(_DEEP_LINE), re.compile(f"\n{_DEEP_LINE}"), re.compile(f"\r{_DEEP_LINE}"))


def _load_fast(text: str) -> Any:
    """The document of ``text`` exactly as :func:`_load_pure` gives it, parsed by libyaml;
    :data:`_MISS` for a text that libyaml might read otherwise or refuses."""
    if _CParser is None or not _libyaml_agrees(text) or not _shallow(text):
        return _MISS
    try:
        loader = _FastLoader(text)
        constructor = RoundTripConstructor(loader=loader)
        constructor.allow_duplicate_keys = False
        doc = constructor.get_single_data()
    except Exception:  # (a syntax error, a duplicate key...: the pure path reports it)
        return _MISS
    # (a text that is no mapping is no glossary: the pure path says so, as before)
    return doc if _is_mapping(doc) else _MISS


def _libyaml_agrees(text: str) -> bool:
    """Whether libyaml surely reads ``text`` as ruamel.yaml does (when it reads it)."""
    if _LIBYAML_DIFFERS.search(text) or text.startswith(("%", "&", "!")):
        return False
    if "\n%" in text or "\r%" in text:  # a directive: %YAML 1.1 makes ruamel read YAML 1.1
        return False
    if ("&" in text or "!" in text) and _PROPERTY.search(text):
        return False
    if ("<<" in text or "=" in text) and _TAGGED_PLAIN.search(text):
        return False
    if "..." in text and _DOCUMENT_END.search(text):
        return False
    if _HEADER_COMMENT.search(text) or ("?" in text and _EXPLICIT_KEY.search(text)):
        return False
    return not (_ADJACENT_VALUE.search(text) or _BLANK_BLOCK_START.search(text))


def _shallow(text: str) -> bool:
    """Whether lists and mappings nest at most :data:`_MAX_DEPTH` deep in ``text``.

    libyaml's composer recurses in C, with no recursion limit: a text nested deeper
    goes to the pure path, which refuses it (:func:`_too_deep`) or reads it as before."""
    flow = text.count("[") + text.count("{")
    if 2 * _LINE_INDENT + flow <= _MAX_DEPTH and not (
        _DEEP_LINES[0].match(text)
        or _DEEP_LINES[1].search(text)
        or ("\r" in text and _DEEP_LINES[2].search(text))
    ):
        return True
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent, StreamEndEvent

    # (counted in libyaml's events, which do not recurse)
    depth = 0
    try:
        parser = _CParser(text)
        while True:
            event = parser.get_event()
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > _MAX_DEPTH:
                    return False
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif event is None or isinstance(event, StreamEndEvent):
                return True
    except Exception:  # (a syntax error: the pure path reports it)
        return False


if _CParser is not None:

    class _FastLoader(_CParser, VersionedResolver):  # type: ignore[misc]
        """libyaml's parser and composer, with ruamel.yaml's YAML 1.2 resolver: the nodes
        of the pure path (without comments, which termkit reads from the text)."""

        comment_handling = None  # (as on a YAML(): RoundTripConstructor reads it)
        processing_version = (1, 2)  # (the pure path's: no directive can change it here)

        def __init__(self, text: str) -> None:
            _CParser.__init__(self, text)
            VersionedResolver.__init__(self, version=(1, 2), loader=self)
            self._parser = self._composer = self._resolver = self


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a file is read: it makes hundreds of thousands
    of objects, which the collector would walk again and again (2/3 of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: A YAML escape of a UTF-16 surrogate, ``\ud800`` (or ``\U0000D800``).
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}")


def _refuse_surrogates(doc: Any, text: str, path: str) -> None:
    """A ``\ud800`` escape in a double-quoted string gives a lone surrogate, which no
    file can be written with (every export, and ``check`` itself, failed on it)."""
    escape = _SURROGATE_ESCAPE.search(text)
    if escape is None or not _holds_surrogate(doc):
        return
    line, column = _text_position(text, escape.start())
    raise GlossaryError(
        f"'{escape.group()}' is half of a UTF-16 surrogate pair, a character no file can hold; "
        "write the character itself (or \\U and its 8 hex digits)",
        path,
        line,
        column,
        rule="syntax",
    )


def _holds_surrogate(node: Any) -> bool:
    """Whether a string of ``node`` (a key or a value, at any depth) holds a surrogate."""
    if isinstance(node, str):
        return any("\ud800" <= ch <= "\udfff" for ch in node)
    if isinstance(node, dict):
        return any(_holds_surrogate(k) or _holds_surrogate(v) for k, v in node.items())
    if isinstance(node, list):
        return any(_holds_surrogate(item) for item in node)
    return False


#: How deep lists and mappings may nest in a glossary file: a concept's deepest value
#: (a term's evidence list) is 5 levels down.
_MAX_DEPTH = 50


def _too_deep(text: str, path: str, where: tuple[int, int] | None = None) -> GlossaryError:
    """The error of a file nested too deep for the YAML parser, at the first list or
    mapping deeper than :data:`_MAX_DEPTH` (``where``, else :func:`_deep_at`)."""
    line, column = where or _deep_at(text) or (None, None)
    return GlossaryError(
        f"lists and mappings nested more than {_MAX_DEPTH} deep (a glossary needs 5 levels); "
        "delete the extra brackets or indentation",
        path,
        line,
        column,
        rule="syntax",
    )


def _deep_at(text: str) -> tuple[int, int] | None:
    """Where (line, column) the first list or mapping deeper than :data:`_MAX_DEPTH`
    starts in ``text``; None if there is none, or if a syntax error comes first (the
    parser's events do not recurse, and the search stops there)."""
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    depth = 0
    with contextlib.suppress(YAMLError, RecursionError):
        for event in YAML(typ="rt").parse(text):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > _MAX_DEPTH:
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    return None


def _flow_depth(text: str) -> int:
    """How deep ``[`` and ``{`` nest in ``text`` if every bracket in it is one of flow
    style: a quick estimate, as brackets in quotes and comments count too (either way:
    an opening one adds depth, a closing one takes it away).  A text it puts over the
    limit is asked of the parser (:func:`_deep_at`); one it misses still fails as too
    deep when it is loaded (ruamel's recursion), only more slowly."""
    depth = most = 0
    for ch in _FLOW_BRACKETS.findall(text):
        depth += 1 if ch in "[{" else -1
        most = max(most, depth)
    return most


_FLOW_BRACKETS = re.compile(r"[\[\]{}]")


def _yaml_kind(value: Any) -> str:
    """What a YAML value that is not text is, in words (not ruamel's class names:
    ``CommentedSeq``, ``ScalarFloat``, ``TimeStamp``)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date"
    if isinstance(value, bytes):
        return "binary data"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, set, tuple)) or hasattr(value, "__iter__"):
        return "a list"
    return type(value).__name__


def _char_kind(code: int) -> str:
    """``control character`` (U+0001, U+0085...) or ``character`` (U+FFFE, U+D800...)."""
    return "control character" if unicodedata.category(chr(code)) == "Cc" else "character"


#: A line break as YAML counts them (its marks' lines): CR LF is one.
_YAML_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _text_position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of the character at ``offset`` of ``text``."""
    line, start = 1, 0
    for match in _YAML_BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start + 1


_QUOTE_IT = 'put the whole value in double quotes ("...")'
_INDENT = "indent it as the lines beside it (two spaces a level)"
_NO_KEY = (
    "a line that is neither 'key: value' (a ':' and a space) nor a list item ('- '); add what is missing"
)
#: Where a YAML error is: 0-based line and column, or None.
Where = tuple[int, int] | None


def _syntax_error(exc: MarkedYAMLError, text: str) -> tuple[str, Where]:
    """What a YAML syntax error means for a glossary file and what to do, and where, for
    the slips hand editing makes; ruamel's own words otherwise."""
    problem, context = exc.problem or "", exc.context or ""
    at = exc.problem_mark or exc.context_mark
    where: Where = (at.line, at.column) if at is not None else None
    opened = (exc.context_mark.line, exc.context_mark.column) if exc.context_mark is not None else where
    lines = text.splitlines()
    if problem == "but found another document":  # (two files pasted into one, a stray '---')
        return "a second YAML document ('---'): a glossary file is one; delete this line", where
    if problem.startswith("found unexpected end of stream") and "quoted scalar" in context:
        return "this quote is never closed; close it where the text ends", opened
    if problem.startswith("found character '\\t'"):
        if where is not None and where[0] < len(lines) and lines[where[0]][: where[1]].strip(" \t-"):
            # (after text on its line: in or after a value, not in the indentation)
            return (
                f"a tab after text (read only inside quotes); replace it with a space, or {_QUOTE_IT}",
                where,
            )
        return "a tab; YAML indents with spaces only: replace it with spaces", where
    if "alias" in context or "anchor" in context:  # (a value that starts with '*' or '&')
        return f"a value cannot start with this character in YAML; {_QUOTE_IT}", opened
    if problem.startswith("found character") or "alias" in problem:
        return f"a value cannot start with this character in YAML; {_QUOTE_IT}", where
    if problem == "could not find expected ':'":
        if "simple key" in context:  # (the line without its ':'; YAML finds out below it)
            where = opened
        return _no_key(lines, where), where
    if problem == "mapping values are not allowed here":
        keyless = _keyless_line_above(lines, where[0]) if where is not None else None
        if keyless is None and where is not None:  # (``rain-plan`` above ``  status: approved``)
            keyless = _keyless_parent(lines, where[0])
        if keyless is not None:  # (``status approved`` above ``note: n`` reads as one key)
            return _no_key(lines, keyless), keyless
        dash = _dash_without_space(lines, where[0]) if where is not None else None
        if dash is not None:  # (``-text: a`` above ``  status: preferred``)
            return "a list item without a space after its '-'; write '- '", dash
        return f"a ': ' inside a value, or a line indented too deep; {_QUOTE_IT}, or {_INDENT}", where
    if problem.startswith("expected <block end>, but found '<scalar>'"):
        return f"more text after a quoted or bracketed value; {_QUOTE_IT}", where
    if problem.startswith(("expected <block end>", "did not find expected")):
        return f"this line is not indented as the lines above it; {_INDENT}", where
    return f"{problem or context or 'invalid YAML'}; fix the file by hand", where


def _no_key(lines: list[str], where: Where) -> str:
    """What to do about a line that YAML read as a key without its ``:``."""
    if where is not None and where[0] < len(lines) and "\uff1a" in lines[where[0]]:
        return "a full-width colon '\uff1a' after a key; write ': ' (half-width, then a space)"
    if where is not None and where[0] < len(lines) and ":\u3000" in lines[where[0]]:
        return "a full-width space (U+3000) after a key's ':'; write ': ' (a colon, then a plain space)"
    return _NO_KEY


def _keyless_line_above(lines: list[str], row: int) -> Where:
    """The line above ``row`` (comments and blank lines aside), at the same indentation,
    that holds no ``key:`` and no list item, if there is one: YAML read the two as one
    multi-line key."""
    if row >= len(lines):
        return None
    indent = len(lines[row]) - len(lines[row].lstrip(" "))
    for i in range(row - 1, -1, -1):
        above = lines[i].strip()
        if not above or above.startswith("#"):
            continue
        if len(lines[i]) - len(lines[i].lstrip(" ")) != indent or above.startswith("-"):
            return None
        return None if re.search(r":([ \t]|$)", above) else (i, indent)
    return None


def _content_indent(line: str) -> int:
    """Where the text of ``line`` starts, after its indentation and any list dashes."""
    item = re.match(r"(?:\s*-(?=\s))*\s*", line)
    return item.end() if item else 0


def _keyless_parent(lines: list[str], row: int) -> Where:
    """The line above ``row`` (comments and blank lines aside), indented less than or as
    deep as it (a list item by its text), that holds no ``key:`` but looks like a key
    (one word, a field name first, or a full-width colon), if there is one and it is no
    continuation of a value above it: a key that lost its ``:`` (or has a full-width
    one), whose block below YAML then read as a value with ': ' in it."""
    if row >= len(lines):
        return None
    above = [i for i in range(row - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")]
    if not above or _content_indent(lines[above[0]]) > _content_indent(lines[row]):
        return None
    line = lines[above[0]]
    indent = _content_indent(line)
    words = line[indent:].split()
    if re.search(r":([ \t]|$)", line) or not words:
        return None
    key = re.split(r"[:\uff1a]", words[0])[0] if words else ""
    if len(words) > 1 and "\uff1a" not in line and key not in CONCEPT_KEYS + SOURCE_KEYS + TERM_KEYS:
        return None  # (no key: a value that goes on below, "a long text" above "more: b")
    before = lines[above[1]].rstrip() if len(above) > 1 else None
    if before is not None and not before.endswith(":") and _content_indent(before) < indent:
        return None  # (the second line of a value written on two lines)
    return (above[0], indent)


def _dash_without_space(lines: list[str], row: int) -> Where:
    """The line above ``row`` (comments and blank lines aside), indented less, if it
    starts with a ``-`` glued to a key (``-text: a``): YAML read one key ``-text``, and
    the fields below it as indented too deep."""
    if row >= len(lines):
        return None
    indent = len(lines[row]) - len(lines[row].lstrip(" "))
    for i in range(row - 1, -1, -1):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        start = len(line) - len(line.lstrip(" "))
        glued = start < indent and re.match(r"-[^\s\-]", line[start:]) is not None
        return (i, start) if glued else None
    return None


def _duplicate_key_name(message: str) -> str:
    match = re.search(r'found duplicate key "([^"]*)"', message)
    return f'"{match.group(1)}"' if match else ""


def _unknown_value(what: str, value: str, allowed: list[str]) -> str:
    """An unknown enum value, with the allowed one it is a slip of ('Approved', 'aproved'),
    or where it belongs when it is a status of the other kind ('approved' on a term)."""
    close = difflib.get_close_matches(value.strip().lower(), allowed, n=1, cutoff=0.75)
    fix = f"; write '{close[0]}'" if close else ""
    word = value.strip().lower()
    if not close and what == "term status" and word in {s.value for s in ReviewStatus}:
        fix = f"; '{word}' is a review status: write it as the concept's 'status:' or this term's 'review:'"
    elif not close and what == "review status" and word in {s.value for s in TermStatus}:
        fix = f"; '{word}' is a term status: write it as this term's 'status:'"
    elif not close and what == "concept status" and word in {s.value for s in TermStatus}:
        fix = f"; '{word}' is a term status: write it as the 'status:' of a term, below its 'text:'"
    return f"unknown {what} '{value}'{fix} (allowed: {' | '.join(allowed)})"


def _is_mapping(node: Any) -> bool:
    """Whether ``node`` is a plain YAML mapping: an ordered map (``!!omap``, a list of
    one-key mappings) is none, and has no line and column for its keys."""
    return isinstance(node, CommentedMap) and not isinstance(node, CommentedOrderedMap)


class _Reader:
    """Walks a ruamel document, builds the model, records problems and node lines."""

    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text = text
        self.diagnostics: list[Diagnostic] = []
        #: The lines of the text as YAML counts them (split when first needed).
        self._lines: list[str] | None = None
        #: 0-based line -> node paths that start on it (outermost first).
        self.node_lines: dict[int, list[NodePath]] = {}

    def error(self, pos: tuple[int, int], message: str, rule: str, concept: str | None = None) -> None:
        self.diagnostics.append(
            Diagnostic(self.path, pos[0] + 1, pos[1] + 1, Severity.ERROR, message, rule, concept=concept)
        )

    def cut_by_comment(self, value: Any, pos: tuple[int, int], what: str, cid: str) -> None:
        """Warn when YAML ended the plain text ``value`` at a `` #`` glued to more text
        (``note: see issue #3``, ``- text: Goal #1``): the rest of the line became a
        comment, and the value lost it without a word.  A comment that starts ``# ``
        (or ``##``) is taken as meant."""
        if not isinstance(value, str) or not value or "#" not in self.text:
            return
        if self._lines is None:
            self._lines = _YAML_BREAK.split(self.text)
        row, col = pos
        line = self._lines[row] if row < len(self._lines) else ""
        if line[col : col + len(value)] != value:
            return  # (quoted, or written on several lines)
        rest = line[col + len(value) :]
        if re.match(r"[ \t]+#[^\s#]", rest):
            self.diagnostics.append(
                Diagnostic(
                    self.path,
                    row + 1,
                    col + len(value) + len(rest) - len(rest.lstrip(" \t")) + 1,
                    Severity.WARNING,
                    f"'{rest.strip()}' after the {what} '{value}' is read as a comment (YAML starts one "
                    f"at ' #'), not as part of the {what}; if it is, {_QUOTE_IT}",
                    "comment-in-value",
                    concept=cid,
                )
            )

    def mark(self, pos: tuple[int, int], path: NodePath) -> None:
        self.node_lines.setdefault(pos[0], []).append(path)
        key = path[-1]
        if isinstance(key, str) and key.startswith("\u3000"):  # (a Chinese input method's space)
            name = key.strip("\u3000 ")
            self.error(
                pos,
                f"a full-width space (U+3000) indents '{name}'; YAML indents with spaces only: "
                "replace it with spaces",
                "syntax",
                str(path[0]) if len(path) > 1 else None,
            )

    def own_keys(self, node: CommentedMap, cid: str | None = None) -> list[Any]:
        """The keys written in ``node`` itself.  A YAML merge key (``<<: *anchor``) is
        refused: the fields it copies have no line of their own to report or keep."""
        if node.merge:
            self.error(
                self.merge_pos(node),
                "YAML merge key '<<' (fields copied from an anchor): termkit does not read "
                "merges; write the fields out in full",
                "syntax",
                cid,
            )
        return [key for key, _ in node.non_merged_items()]

    def merge_pos(self, node: CommentedMap) -> tuple[int, int]:
        """Where the ``<<`` key of ``node`` is (the mapping's start when it cannot be told)."""
        line, col = node.lc.line, node.lc.col
        merge = re.compile(r"\s*(?:-\s+)?<<\s*:")
        for i, raw in enumerate(self.text.splitlines()[line:], line):
            found = merge.match(raw)
            if found and raw.index("<<") == col:
                return (i, col)
        return (line, col)

    def read_document(self, doc: Any) -> list[Concept]:
        if not _is_mapping(doc):
            lc = getattr(doc, "lc", None)
            pos = (lc.line, lc.col) if lc is not None and lc.line is not None else (0, 0)
            self.error(pos, "a glossary file is a mapping from concept id to concept", "syntax")
            return []
        concepts = []
        for key in self.own_keys(doc):
            pos = doc.lc.key(key)
            if not isinstance(key, str):
                self.error(pos, f"concept id {key!r} must be text", "invalid-id")
                continue
            self.mark(pos, (key,))
            concept = self.read_concept(key, doc[key], pos, doc.lc.value(key))
            if concept is not None:
                concepts.append(concept)
        return concepts

    def read_concept(
        self, cid: str, node: Any, pos: tuple[int, int], vpos: tuple[int, int]
    ) -> Concept | None:
        concept = Concept(cid, location=Location(self.path, pos[0] + 1, pos[1] + 1))
        if node is None:
            return concept
        if not _is_mapping(node):
            self.error(vpos, f"concept '{cid}' must be a mapping of fields", "syntax", cid)
            return None
        for key in self.own_keys(node, cid):
            kpos = node.lc.key(key)
            value = node[key]
            # (an empty value has no place of its own: ruamel's parser gives the next token's,
            # libyaml the end of the ':'; neither is read)
            vp = node.lc.value(key) if value is not None else kpos
            self.mark(kpos, (cid, key))
            concept.field_locations[str(key)] = Location(self.path, vp[0] + 1, vp[1] + 1)
            if key == "status":
                status = self.enum(ReviewStatus, value, vp, "concept status", cid)
                if status is not None:
                    concept.status = status
            elif key in ("subject", "definition", "note", "provenance"):
                setattr(concept, key, self.string(value, vp, key, cid))
            elif key == "sources":
                concept.sources = self.read_sources(cid, value, vp)
            elif key == "terms":
                concept.terms = self.read_terms(cid, value, vp)
            else:
                self.error(
                    kpos,
                    f"unknown field '{key}' in concept '{cid}' (known: {', '.join(CONCEPT_KEYS)})",
                    "unknown-field",
                    cid,
                )
        return concept

    def string(self, value: Any, pos: tuple[int, int], what: str, cid: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            self.cut_by_comment(value, pos, what, cid)
            return str(value)
        self.error(pos, f"{what} must be text, not {_yaml_kind(value)}; quote it", "invalid-value", cid)
        return None

    def enum(self, enum: Any, value: Any, pos: tuple[int, int], what: str, cid: str) -> Any:
        allowed = [e.value for e in enum]
        if value is None:
            self.error(pos, f"empty {what}; write one of {' | '.join(allowed)}", "invalid-status", cid)
            return None
        if isinstance(value, (dict, list)):  # (``status: [approved]``)
            message = f"{what} must be one word, not {_yaml_kind(value)}; write one of {' | '.join(allowed)}"
            self.error(pos, message, "invalid-status", cid)
            return None
        try:
            return enum(str(value))
        except ValueError:
            self.error(pos, _unknown_value(what, str(value), allowed), "invalid-status", cid)
            return None

    def read_sources(self, cid: str, node: Any, pos: tuple[int, int]) -> list[Source]:
        if node is None:
            return []
        if not isinstance(node, CommentedSeq):
            self.error(pos, "sources must be a list of {document, section}", "syntax", cid)
            return []
        sources = []
        for i, item in enumerate(node):
            ipos = node.lc.item(i)
            self.mark(ipos, (cid, "sources", i))
            if not _is_mapping(item):
                self.error(ipos, "a source is a mapping with 'document' and 'section'", "syntax", cid)
                continue
            values: dict[str, str | None] = {}
            for key in self.own_keys(item, cid):
                kpos = item.lc.key(key)
                self.mark(kpos, (cid, "sources", i, key))
                if key not in SOURCE_KEYS:
                    self.error(
                        kpos,
                        f"unknown field '{key}' in a source (known: document, section)",
                        "unknown-field",
                        cid,
                    )
                    continue
                values[key] = self.string(item[key], item.lc.value(key), key, cid)
            document = values.get("document")
            if not document:
                self.error(ipos, "a source needs a 'document'", "missing-field", cid)
                continue
            sources.append(Source(document, values.get("section")))
        return sources

    def read_terms(self, cid: str, node: Any, pos: tuple[int, int]) -> dict[str, list[Term]]:
        if node is None:
            return {}
        if not _is_mapping(node):
            self.error(pos, "terms must be a mapping from language tag to a list of terms", "syntax", cid)
            return {}
        terms: dict[str, list[Term]] = {}
        for lang in self.own_keys(node, cid):
            lpos = node.lc.key(lang)
            self.mark(lpos, (cid, "terms", lang))
            items = node[lang]
            if items is None:
                terms[str(lang)] = []
                continue
            if not isinstance(items, CommentedSeq):
                self.error(node.lc.value(lang), f"terms of '{lang}' must be a list", "syntax", cid)
                continue
            lst = terms.setdefault(str(lang), [])
            for i, item in enumerate(items):
                term = self.read_term(cid, str(lang), item, items.lc.item(i))
                if term is not None:
                    lst.append(term)
        return terms

    def read_term(self, cid: str, lang: str, item: Any, ipos: tuple[int, int]) -> Term | None:
        if isinstance(item, str):
            self.error(ipos, f"a term is a mapping; write '- text: {item}'", "syntax", cid)
            return None
        if not _is_mapping(item):
            self.error(ipos, "a term is a mapping with at least 'text'", "syntax", cid)
            return None
        text = item.get("text")
        if not isinstance(text, str) or not text:
            self.error(ipos, "a term needs a non-empty 'text' (quote numbers)", "missing-field", cid)
            return None
        self.cut_by_comment(text, item.lc.value("text"), "term", cid)
        term = Term(str(text), location=Location(self.path, ipos[0] + 1, ipos[1] + 1))
        base: NodePath = (cid, "terms", lang, term.text)
        self.mark(ipos, base)
        for key in self.own_keys(item, cid):
            kpos = item.lc.key(key)
            value = item[key]
            vpos = item.lc.value(key) if value is not None else kpos
            self.mark(kpos, (*base, key))
            term.field_locations[str(key)] = Location(self.path, vpos[0] + 1, vpos[1] + 1)
            if key == "text":
                continue
            if key == "status":
                status = self.enum(TermStatus, value, vpos, "term status", cid)
                if status is not None:
                    term.status = status
            elif key == "review":
                term.review = self.enum(ReviewStatus, value, vpos, "review status", cid)
            elif key in ("pos", "note"):
                setattr(term, key, self.string(value, vpos, key, cid))
            elif key == "case-sensitive":
                if not isinstance(value, bool):
                    self.error(vpos, "case-sensitive must be true or false", "invalid-value", cid)
                else:
                    term.case_sensitive = value
            elif key == "score":
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    self.error(vpos, "score must be a number", "invalid-value", cid)
                else:
                    term.score = float(value)
            elif key == "evidence":
                term.evidence = self.read_evidence(cid, value, vpos, base)
            else:
                self.error(
                    kpos,
                    f"unknown field '{key}' in a term (known: {', '.join(TERM_KEYS)})",
                    "unknown-field",
                    cid,
                )
        return term

    def read_evidence(self, cid: str, value: Any, pos: tuple[int, int], base: NodePath) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, CommentedSeq):
            self.error(pos, "evidence must be a list of references", "syntax", cid)
            return []
        out = []
        for i, item in enumerate(value):
            self.mark(value.lc.item(i), (*base, "evidence", i))
            out.append(str(item))
        return out


# --------------------------------------------------------------------------
# Comments


_BLOCK_SCALAR = re.compile(r":\s+[|>][-+0-9]*\s*(#.*)?$")
#: A line whose value opens with a quote (``note: "...``, ``- '...``): the quoted
#: scalar may go on over the next lines, whose ``#`` is text, not a comment.
_QUOTED_VALUE = re.compile(
    r"""^\s*(?:-\s+)*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#-][^#]*?|-[^\s#][^#]*?):\s+)?(["'])"""
)


def _open_quote(line: str, start: int, quote: str) -> bool:
    """Whether the ``quote`` that opens a scalar at ``start`` (just after it) is still
    open at the end of ``line``."""
    i, n = start, len(line)
    while i < n:
        ch = line[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and i + 1 < n and line[i + 1] == "'":  # '' is a quote inside
                i += 2
                continue
            return False
        i += 1
    return True


def _collect_comments(text: str, node_lines: dict[int, list[NodePath]]) -> dict[NodePath, Comments]:
    """Attach every comment of ``text`` to the node it belongs to."""
    lines = text.splitlines()
    comments: dict[NodePath, Comments] = {}
    pending: list[str] = []
    header_done = False
    block_indent: int | None = None
    quote: str | None = None  # the quote of a scalar that goes on over the lines below
    seen_node = False
    for lineno, raw in enumerate(lines):
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip(" "))
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        if quote is not None:  # a continuation line of a quoted scalar: text, no comment
            if not _open_quote(raw, 0, quote):
                quote = None
            continue
        if not stripped:
            if not seen_node and pending and not header_done:
                comments.setdefault(HEADER, Comments()).before.extend(pending)
                pending = []
                header_done = True
            continue
        if stripped.startswith("#"):
            pending.append(stripped.rstrip())
            continue
        paths = node_lines.get(lineno)
        if paths:
            seen_node = True
            header_done = True
            if pending:
                comments.setdefault(paths[0], Comments()).before.extend(pending)
                pending = []
            eol = _eol_comment(raw)
            if eol:
                comments.setdefault(paths[-1], Comments()).eol = eol
        if _BLOCK_SCALAR.search(raw):
            block_indent = indent
        elif (m := _QUOTED_VALUE.match(raw)) and _open_quote(raw, m.end(), m.group(1)):
            quote = m.group(1)
    if pending:  # (in a file of comments only, they are its header)
        comments.setdefault(TRAILER if seen_node else HEADER, Comments()).before.extend(pending)
    return comments


def _eol_comment(line: str) -> str | None:
    """The comment at the end of a YAML line, if any (quotes are respected)."""
    quote: str | None = None
    i = 0
    prev = " "
    while i < len(line):
        ch = line[i]
        if quote == '"':
            if ch == "\\":
                i += 2
                continue
            if ch == '"':
                quote = None
        elif quote == "'":
            if ch == "'":
                if line[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                quote = None
        elif ch in "\"'" and prev in " \t[{,:-":
            quote = ch
        elif ch == "#" and prev in " \t":
            return line[i:].rstrip()
        prev = ch
        i += 1
    return None


# --------------------------------------------------------------------------
# Writing


_RESOLVER = VersionedResolver()
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_PLAIN_START_FORBIDDEN = set("-?:,[]{}#&*!|>'\"%@` \t")


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or text[0] in _PLAIN_START_FORBIDDEN:
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if text.lower() in _YAML11_WORDS:
        return False
    if any(_needs_escape(ch) for ch in text):
        return False
    tag = _RESOLVER.resolve(ScalarNode, text, (True, False))
    return bool(tag == "tag:yaml.org,2002:str")


def _needs_escape(ch: str) -> bool:
    if ch == " ":
        return False
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"):
        return True
    code = ord(ch)
    return code in (0xFFFE, 0xFFFF, 0xFEFF)


def _double_quoted(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif _needs_escape(ch):
            code = ord(ch)
            if code <= 0xFF:
                out.append(f"\\x{code:02x}")
            elif code <= 0xFFFF:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def scalar(value: str | float | bool) -> str:
    """A YAML scalar as the canonical form writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return value if _plain_ok(value) else _double_quoted(value)


def sort_terms(terms: Sequence[Term]) -> list[Term]:
    """Preferred first, then admitted, deprecated, forbidden; file order otherwise."""
    return sorted(terms, key=lambda t: TERM_STATUS_ORDER[t.status])


class _Emitter:
    def __init__(self, comments: dict[NodePath, Comments]) -> None:
        self.comments = comments
        self.lines: list[str] = []
        #: the nodes written, whose comments are in place
        self.written: set[NodePath] = set()

    def node(self, path: NodePath, indent: int, text: str) -> None:
        self.written.add(path)
        c = self.comments.get(path)
        pad = " " * indent
        if c:
            self.lines.extend(pad + line for line in c.before)
        if c and c.eol:
            text = f"{text}  {c.eol}"
        self.lines.append(pad + text)

    def field(self, path: NodePath, indent: int, key: str, value: str | float | bool | None) -> None:
        if value is None:
            return
        self.node(path, indent, f"{key}: {scalar(value)}")

    def concept(self, c: Concept) -> None:
        cid = c.id
        self.node((cid,), 0, f"{scalar(cid)}:")
        at = len(self.lines)
        self.field((cid, "status"), 2, "status", c.status.value)
        for key in ("subject", "definition", "note", "provenance"):
            self.field((cid, key), 2, key, getattr(c, key))
        if c.sources:
            self.node((cid, "sources"), 2, "sources:")
            for i, src in enumerate(c.sources):
                first = (cid, "sources", i)
                self.item(
                    first, 4, [("document", src.document), ("section", src.section)], (cid, "sources", i)
                )
        langs = [lang for lang in sort_languages(c.terms) if c.terms[lang]]
        if langs:
            self.node((cid, "terms"), 2, "terms:")
            for lang in langs:
                self.node((cid, "terms", lang), 4, f"{scalar(lang)}:")
                for term in sort_terms(c.terms[lang]):
                    self.term((cid, "terms", lang, term.text), term)
        # the comments of nodes that have no line of their own (an empty ``sources:``, a
        # language with no terms yet: "# zh-CN: pending") go to the concept's first field
        orphans = [
            line
            for path, comments in self.comments.items()
            if len(path) > 1 and path[0] == cid and path not in self.written
            for line in comments.lines()
        ]
        self.lines[at:at] = ["  " + line for line in orphans]

    def item(self, path: NodePath, indent: int, pairs: list[tuple[str, Any]], base: NodePath) -> None:
        """A block-sequence item that is a mapping: ``- key: value`` then the rest."""
        first = True
        for key, value in pairs:
            if value is None or value == []:
                continue
            if first:
                self.written.update((path, (*base, key)))
                c = self.comments.get(path)
                if c and c.before:
                    self.lines.extend(" " * indent + line for line in c.before)
                rendered = f"- {key}: {scalar(value)}"
                fc = self.comments.get((*base, key))
                eol = (fc.eol if fc else None) or (c.eol if c else None)
                if fc and fc.before:
                    self.lines.extend(" " * indent + line for line in fc.before)
                self.lines.append(" " * indent + rendered + (f"  {eol}" if eol else ""))
                first = False
            elif isinstance(value, list):
                self.node((*base, key), indent + 2, f"{key}:")
                for i, entry in enumerate(value):
                    self.node((*base, key, i), indent + 4, f"- {scalar(entry)}")
            else:
                self.field((*base, key), indent + 2, key, value)

    def term(self, base: NodePath, t: Term) -> None:
        pairs: list[tuple[str, Any]] = [
            ("text", t.text),
            ("status", t.status.value),
            ("pos", t.pos),
            ("case-sensitive", True if t.case_sensitive else None),
            ("review", t.review.value if t.review else None),
            ("score", t.score),
            ("evidence", t.evidence),
            ("note", t.note),
        ]
        self.item(base, 6, pairs, base)


def format_glossary_file(gfile: GlossaryFile, *, in_order: bool = False) -> str:
    """The canonical text of a glossary file (``in_order``: the concepts in list
    order, not by id)."""
    em = _Emitter(gfile.comments)
    header = gfile.comments.get(HEADER)
    if header and header.before:
        em.lines.extend(header.before)
        if gfile.concepts:
            em.lines.append("")
    concepts = gfile.concepts if in_order else sorted(gfile.concepts, key=lambda c: c.id)
    for i, concept in enumerate(concepts):
        if i:
            em.lines.append("")
        em.concept(concept)
    trailer = gfile.comments.get(TRAILER)
    if trailer and trailer.before:
        if gfile.concepts:
            em.lines.append("")
        em.lines.extend(trailer.before)
    if not em.lines:
        return ""
    return "\n".join(em.lines) + "\n"


def write_glossary_file(gfile: GlossaryFile, path: str | os.PathLike[str] | None = None) -> None:
    """Write a glossary file canonically and atomically.

    A file that was read with errors is refused: writing it would drop what
    could not be read.
    """
    target = os.fspath(path) if path is not None else gfile.path
    if gfile.has_errors:
        first = next(d for d in gfile.diagnostics if d.severity is Severity.ERROR)
        raise GlossaryError(
            f"not rewriting a file with errors ({first.message}); fix it first",
            first.path,
            first.line,
            first.column,
        )
    text = updated_text(gfile)
    write_text_atomic(target, text)
    gfile.text = text


def updated_text(gfile: GlossaryFile) -> str:
    """The text that an update of ``gfile`` writes (with the file's CRLF line ends, if
    it has them).

    * A new file, or one that was in canonical form (as ``termkit fmt`` and
      ``make build`` keep ``glossary/``): the canonical text, so that the file
      changes only where its concepts did.
    * A file in a reviewer's own order (or layout) keeps it: when the concepts as
      read are unchanged and some were added, the text as read comes back as it was
      with the new concepts after it, in the order they were added (:func:`_appended`);
      otherwise every concept is written canonically in file order, the new ones last.
    """
    if gfile.text is None:
        return format_glossary_file(gfile)
    crlf = gfile.text.count("\r\n")
    nl = "\r\n" if crlf and crlf >= gfile.text.count("\n") - crlf else "\n"  # (the more common)
    as_read = gfile.text.replace("\r\n", "\n")
    before = read_glossary_file(gfile.path, gfile.text)  # (the cached parse of the text as read)
    if format_glossary_file(before) == as_read:
        return format_glossary_file(gfile).replace("\n", nl)
    n = len(before.concepts)
    old, new = gfile.concepts[:n], gfile.concepts[n:]
    if [_concept_text(before, c) for c in before.concepts] == [_concept_text(gfile, c) for c in old]:
        if not new:
            return gfile.text
        appended = _appended(gfile, gfile.text, n, new)
        if appended is not None:
            return appended
    return format_glossary_file(gfile, in_order=True).replace("\n", nl)


def _appended(gfile: GlossaryFile, text: str, n: int, new: Sequence[Concept]) -> str | None:
    """``text`` (the file as read, holding its first ``n`` concepts) with the ``new``
    concepts after it, before the comments that close it, with the line end of its last
    line; None when that text would not read back as ``gfile``'s concepts and comments
    (a document end marker, a flow mapping...)."""
    last = text.splitlines(keepends=True)[-1] if text else ""
    nl = "\r\n" if last.endswith("\r\n") or (not last.endswith("\n") and "\r\n" in text) else "\n"
    if text and not text.endswith("\n"):
        text += nl
    lines = text.splitlines(keepends=True)
    end = len(lines)
    # (a file of comments only: they are its header)
    while n and end and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    head, closing = "".join(lines[:end]).rstrip("\r\n"), "".join(lines[end:]).lstrip("\r\n")
    added = format_glossary_file(GlossaryFile(gfile.path, list(new)), in_order=True).replace("\n", nl)
    result = (head + nl + nl if head.strip() else "") + added + (nl + closing if closing else "")
    try:
        again = read_glossary_file(gfile.path, result)
    except GlossaryError:
        return None
    # the same concepts, and the same comments (a comment may now belong to another
    # node: it stands where it stood)
    bare = GlossaryFile(gfile.path)
    if again.has_errors or [_concept_text(bare, c) for c in again.concepts] != [
        _concept_text(bare, c) for c in gfile.concepts
    ]:
        return None
    if sorted(_comment_lines(again)) != sorted(_comment_lines(gfile)):
        return None
    return result


def _comment_lines(gfile: GlossaryFile) -> list[str]:
    return [line for c in gfile.comments.values() for line in c.lines()]


def _concept_text(gfile: GlossaryFile, concept: Concept) -> str:
    """One concept's canonical text, with its comments in ``gfile``."""
    em = _Emitter(gfile.comments)
    em.concept(concept)
    return "\n".join(em.lines)


def open_or_new(path: str | os.PathLike[str]) -> GlossaryFile:
    """Read a glossary file for updating, or start an empty one if it does not exist.

    A file in which ``termkit check`` finds an error (not a mere warning) is refused,
    as ``termkit fmt`` refuses it: termkit never rewrites a file that has errors.
    """
    name = os.fspath(path)
    if not Path(name).exists():
        return GlossaryFile(name)
    gfile = read_glossary_file(name)
    from .check import refuse_errors  # (check reads glossary files: imported here, not at the top)

    refuse_errors([gfile], "fix the file first")
    return gfile
