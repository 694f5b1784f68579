"""Output options shared by every listing command, and progress reporting."""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from termkit.errors import Diagnostic, Severity, TermkitError, UsageError, format_location
from termkit.textio import STDIO, atomic_write, json_array_parts, same_file

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

FORMATS = ("text", "json", "jsonl", "tsv")


class TagChoice(click.Choice):  # type: ignore[type-arg]
    """A choice of language tags, any case accepted, shown as written (``zh-CN``):
    click 8.2 and later show the choices of a case-insensitive option lower-cased,
    ``[en|zh-cn|zh-hant]``, in the help and in the error about another value."""

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(map(str, self.choices)) + "]"

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return f"{value!r} is not one of {', '.join(repr(str(c)) for c in self.choices)}."


class InputPath(click.Path):
    """A path parameter that the command reads: a file, or a folder of glossary files.

    The command's ``-o`` (:func:`output_option`) may not name one of them, nor a
    glossary file in such a folder (:func:`refuse_inputs`).  ``fallback`` is what the
    command reads when the parameter is not given (``glossary``, if it exists).
    Readability and folders are left to termkit's readers: a missing file, a folder
    given for a file, an unreadable file are one located line, exit status 1.
    ``glossary`` marks glossary files and folders: the glossary folder a glossary
    file is in is refused to ``-o`` too.
    """

    def __init__(self, *, fallback: Sequence[str] = (), glossary: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("readable", False)
        super().__init__(**kwargs)
        self.fallback = tuple(fallback)
        self.glossary = glossary


def output_option(
    help_text: str = "Write the result here ('-' for stdout); written atomically.", required: bool = False
) -> Callable[[F], F]:
    """``-o/--output PATH`` (``-`` is stdout; the default unless ``required``), for every command.

    Before the command runs, an output that is one of its inputs (every
    :class:`InputPath` parameter) is refused (:func:`refuse_inputs`), so the result
    never replaces what it is made from.
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            ctx = click.get_current_context()
            refuse_inputs(kwargs["output"], command_inputs(ctx), command_inputs(ctx, glossaries=True))
            return func(*args, **kwargs)

        # a required -o has no default at all: click (8.3 on) takes an explicit
        # default=None as a value given, and the command ran with no output path
        default: dict[str, Any] = {} if required else {"default": STDIO, "show_default": True}
        option = click.option("-o", "--output", required=required, metavar="PATH", help=help_text, **default)
        decorated: F = option(run)  # type: ignore[assignment]
        return decorated

    return decorate


def command_inputs(ctx: click.Context, glossaries: bool = False) -> list[str]:
    """The paths the command of ``ctx`` reads: the values of its :class:`InputPath`
    parameters, or their fallbacks when not given (only its glossaries: ``glossaries``)."""
    paths: list[str] = []
    for param in ctx.command.params:
        if not isinstance(param.type, InputPath) or param.name is None:
            continue
        if glossaries and not param.type.glossary:
            continue
        value = ctx.params.get(param.name)
        given = [value] if isinstance(value, str) else list(value or ())
        paths.extend(given or param.type.fallback)
    return paths


def refuse_inputs(output: str, inputs: Iterable[str | None], glossaries: Iterable[str | None] = ()) -> None:
    """A usage error (exit 2, nothing written) when ``output`` is an input, or a
    glossary file in an input folder: writing the output would replace it.
    So is a glossary file, or a new ``*.yaml``/``*.yml`` file, in the glossary folder
    that a glossary file of ``glossaries`` is in (:func:`_glossary_folders`): the
    next command that loads that folder would read the output as glossary data.

    Existing files are compared by device and inode (:func:`termkit.textio.same_file`),
    so a link or another spelling of the path is caught; an output that does not
    exist yet by its resolved path (an input such as ``--into`` that the command
    creates).  ``-`` and devices (``/dev/null``) never clash.
    """
    if output == STDIO or (os.path.exists(output) and not os.path.isfile(output)):
        return
    new = not os.path.exists(output)
    for path in inputs:
        if path is None or path == STDIO:
            continue
        if os.path.isdir(path):
            files = [] if new else _glossary_files(path)
            clash = next((f for f in files if same_file(output, f)), None)
            what = f"a glossary file that this command reads (in {path})"
            if new and _would_be_glossary(output, path):
                raise UsageError(
                    f"-o names a new *.yaml/*.yml file in the glossary folder {path}: every later "
                    "command would read it as a glossary file, so nothing was written; give another "
                    "output path (outside the folder, or with its format's extension)",
                    output,
                )
        else:
            same = os.path.realpath(output) == os.path.realpath(path) if new else same_file(output, path)
            clash = path if same else None
            what = "an input of this command" if path == output else f"the same file as the input {path}"
        if clash is not None:
            raise UsageError(
                f"-o names {what}; the output would replace it, so nothing was written: "
                "give another output path",
                output,
            )
    for path in glossaries:
        if path is None or path == STDIO:
            continue
        for folder in _glossary_folders(path):
            _refuse_in_glossary_folder(output, new, folder, path)


def refuse_glossary_name(output: str) -> None:
    """A usage error (exit 2, nothing written) when ``output`` is a ``*.yaml``/``*.yml``
    file in a glossary folder (a folder named ``glossary``, or one that holds other
    glossary files): a command that writes no glossary (``convert``) would leave a
    file there that every later command loads as glossary data, and fails to read."""
    from termkit.glossary_file import is_glossary_name

    if output == STDIO or not is_glossary_name(output):
        return
    folder = os.path.dirname(os.path.realpath(output))
    if _is_glossary_folder(folder, output):
        raise UsageError(
            f"OUT names a *.yaml/*.yml file in the glossary folder {_shown_folder(folder)}: every "
            "later command would read it as a glossary file, so nothing was written; give "
            "another output path (with its format's extension: .tmx, .po, .xlf, .tsv)",
            output,
        )


def _glossary_folders(path: str) -> list[str]:
    """The glossary folders that the glossary file ``path`` is in, by its path as given
    and as resolved: a folder named ``glossary`` (the default glossary folder) or one
    that holds another glossary file (none for a folder or a missing file)."""
    if not os.path.isfile(path):
        return []
    folders = dict.fromkeys(os.path.dirname(p) for p in (os.path.abspath(path), os.path.realpath(path)))
    return [f for f in folders if _is_glossary_folder(f, path)]


def _is_glossary_folder(folder: str, member: str) -> bool:
    """Whether ``folder`` is the default glossary folder, or holds a glossary file
    besides ``member`` (its own files: a project root holding one glossary file,
    ``terms.yaml``, is no glossary folder)."""
    from termkit.glossary_file import is_glossary_name

    if os.path.basename(folder) == "glossary":
        return True
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    return any(is_glossary_name(e.name) and e.is_file() and not same_file(e.path, member) for e in entries)


def _refuse_in_glossary_folder(output: str, new: bool, folder: str, member: str) -> None:
    """Refuse ``output`` when it is (``new``: would be) a glossary file of ``folder``,
    the glossary folder the glossary file ``member`` is in."""
    from termkit.glossary_file import is_glossary_name

    if new:
        inside = _would_be_glossary(output, folder)
    else:
        real = os.path.realpath(output)
        inside = is_glossary_name(real) and _under(os.path.dirname(real), os.path.realpath(folder))
    if inside:
        what = "a new *.yaml/*.yml file" if new else "a glossary file"
        raise UsageError(
            f"-o names {what} in the glossary folder {_shown_folder(folder)} of the glossary file "
            f"{member}: every later command that loads the folder would read it as a glossary "
            "file, so nothing was written; give another output path (outside the folder, or "
            "with its format's extension)",
            output,
        )


def _shown_folder(folder: str) -> str:
    """``folder`` (absolute) as a path relative to the working folder when it is under it."""
    relative = os.path.relpath(folder)
    return folder if relative.startswith("..") else relative


def _would_be_glossary(output: str, folder: str) -> bool:
    """Whether a new file ``output`` is one that loading ``folder`` would read: a
    ``*.yaml`` or ``*.yml`` file under it, by its path as the system resolves it (a
    link first, then ``..``: ``link/../x.yaml`` is in the folder the link is in), or
    a link there that the output will be written through."""
    from termkit.glossary_file import is_glossary_name

    root = os.path.realpath(folder)
    named = os.path.join(os.path.realpath(os.path.dirname(output) or "."), os.path.basename(output))
    return any(
        is_glossary_name(path) and _under(os.path.dirname(path), root)
        for path in (named, os.path.realpath(output))
    )


def _under(path: str, root: str) -> bool:
    """Whether the resolved ``path`` is the folder ``root`` or lies under it."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _glossary_files(folder: str) -> list[str]:
    """The glossary files a command reads from ``folder`` (none if it cannot be listed:
    the command says why)."""
    from termkit.glossary_file import glossary_paths

    try:
        return glossary_paths([folder], allow_empty=True)
    except TermkitError:
        return []


def output_options(formats: Sequence[str] = FORMATS, default: str = "text") -> Callable[[F], F]:
    """``--format`` and ``-o/--output`` (``-`` is stdout), the same for every command."""

    def decorate(func: F) -> F:
        func = output_option()(func)
        func = click.option(
            "--format",
            "fmt",
            type=click.Choice(list(formats)),
            default=default,
            show_default=True,
            help="Output format (JSON is UTF-8, Chinese unescaped).",
        )(func)
        return func

    return decorate


def glossary_dir_option(help_text: str) -> Callable[[F], F]:
    """``--glossary DIR`` (default ``glossary``), passed as ``glossary_dir``."""
    return click.option(
        "--glossary",
        "glossary_dir",
        default="glossary",
        show_default=True,
        type=InputPath(glossary=True),
        help=help_text,
    )


def date_option(func: F) -> F:
    """``--date DATE`` for export headers, passed as ``date_text``; no date by default."""
    return click.option(
        "--date",
        "date_text",
        metavar="DATE",
        help="Date for the PO/TMX headers (ISO, e.g. 2024-05-01); default: the environment's "
        "SOURCE_DATE_EPOCH if set, else no date.",
    )(func)


def direction_options(src_help: str, tgt_help: str) -> Callable[[F], F]:
    """``--src-lang`` and ``--tgt-lang``: the direction of a memory or export, each one
    of :data:`termkit.exchange.DIRECTION_LANGUAGES` (shown as written: zh-CN, zh-Hant)."""
    from termkit.exchange import DIRECTION_LANGUAGES

    def decorate(func: F) -> F:
        func = click.option(
            "--tgt-lang", type=TagChoice(DIRECTION_LANGUAGES, case_sensitive=False), help=tgt_help
        )(func)
        return click.option(
            "--src-lang", type=TagChoice(DIRECTION_LANGUAGES, case_sensitive=False), help=src_help
        )(func)

    return decorate


def quiet_option(func: F) -> F:
    """``-q/--quiet``: stderr keeps only errors (see :func:`note`, :func:`warn`, :func:`report`)."""
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="Only errors on stderr: no progress bar, summary or warnings.",
    )(func)


def dumps(obj: Any) -> str:
    """Compact UTF-8 JSON with Chinese kept readable."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)


def render(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    text: Callable[[dict[str, Any]], str],
    columns: Sequence[str] | None = None,
) -> str:
    """Render rows as text lines, a JSON array, JSON lines, or TSV with a header."""
    return "".join(render_parts(rows, fmt, text, columns))


def render_parts(
    rows: Iterable[dict[str, Any]],
    fmt: str,
    text: Callable[[dict[str, Any]], str],
    columns: Sequence[str] | None = None,
) -> Iterator[str]:
    """:func:`render`, a row at a time: the parts of the output, in order, never all of it at once."""
    if fmt == "json":
        yield from json_array_parts(rows)
        yield "\n"
        return
    if fmt == "jsonl":
        for r in rows:
            yield dumps(r) + "\n"
        return
    if fmt in ("tsv", "csv"):
        it = iter(rows)
        first = next(it, None)
        cols = list(columns or (first.keys() if first is not None else []))
        buf = io.StringIO()
        writer = csv.writer(
            buf, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n", quoting=csv.QUOTE_MINIMAL
        )
        writer.writerow(cols)
        for r in itertools.chain([first] if first is not None else [], it):
            writer.writerow(["" if r.get(c) is None else _cell(r.get(c)) for c in cols])
            if buf.tell() >= _PART:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()
        return
    for r in rows:
        yield text(r) + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


#: Characters of output gathered before they are written (see :func:`write_output`).
_PART = 1 << 16


def write_output(path: str, content: str | Iterable[str]) -> None:
    """Write to stdout, or atomically to a file; ``content`` may come in parts
    (:func:`render_parts`), written as they come, a few at a time."""
    parts = [content] if isinstance(content, str) else _gathered(content)
    if path == STDIO:
        for part in parts:
            click.echo(part, nl=False)
        return
    with atomic_write(path) as fp:
        for part in parts:
            fp.write(part.encode("utf-8"))


def _gathered(parts: Iterable[str]) -> Iterator[str]:
    """``parts`` joined into pieces of about :data:`_PART` characters."""
    buf: list[str] = []
    size = 0
    for part in parts:
        buf.append(part)
        size += len(part)
        if size >= _PART:
            yield "".join(buf)
            buf, size = [], 0
    if buf:
        yield "".join(buf)


def render_diagnostics(diags: Iterable[Diagnostic], fmt: str) -> Iterator[str]:
    """The findings in ``fmt``, a part at a time (:func:`render_parts`)."""
    return render_parts(
        (d.to_dict() for d in diags),
        fmt,
        lambda r: _diag_line(r),
        ["path", "line", "column", "severity", "rule", "message", "concept"],
    )


def _diag_line(r: dict[str, Any]) -> str:
    return f"{r['path']}:{r['line']}:{r['column']}: {r['severity']}: {r['message']} [{r['rule']}]"


#: Inputs smaller than this get no progress bar (in every command that shows one).
PROGRESS_MIN_BYTES = 1 << 20


def show_progress(quiet: bool) -> bool:
    """A progress bar only on a terminal, and never with --quiet."""
    return not quiet and sys.stderr.isatty()


def progress(items: Iterable[T], length: int | None, label: str, quiet: bool) -> Iterator[T]:
    """Iterate with a progress bar on stderr when it is a terminal."""
    if not show_progress(quiet):
        yield from items
        return
    with click.progressbar(items, length=length, label=label, file=sys.stderr) as bar:
        yield from bar


# What a command writes on stderr goes through these three, so that --quiet means the
# same everywhere: informational lines and non-fatal warnings are dropped, errors never
# (a fatal error is a TermkitError, printed by main.TermkitFailure).


#: Names of standard input besides ``-``.
STDIN_NAMES = frozenset({STDIO, "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"})


def read_once(*paths: str | None) -> None:
    """Refuse standard input named twice (``-``, ``/dev/stdin``...): it can be read
    once, and the second reading would be empty ("1 lines in - but 0 in -")."""
    if sum(1 for p in paths if p in STDIN_NAMES) > 1:
        raise UsageError("'-' (standard input) is given more than once; it can be read once")


def check_into(into: str) -> None:
    """Refuse an ``--into`` target that cannot take what the command adds, before the
    work (reading a text or a corpus, which may take minutes; the file's parse is cached
    for the writing): a file ``termkit check`` finds an error in (exit status 1), or a
    name that no glossary folder loads (``check``, ``build`` and ``lint`` read its
    ``*.yaml`` and ``*.yml`` files only; ``-`` is none either): a usage error naming
    the file to use instead.  Shared by ``extract``, ``align terms`` and ``import``."""
    from termkit.glossary_file import is_glossary_name, open_or_new

    if not is_glossary_name(into):
        raise UsageError(
            "--into names no glossary file: a glossary folder loads only its *.yaml and "
            f"*.yml files; name it {_yaml_name(into)}",
            into or None,
        )
    open_or_new(into)


def _yaml_name(into: str) -> str:
    """The glossary file to name instead of ``into``: the same name ending in ``.yaml``,
    or a file in ``into`` when it is a folder (or names none: ``-``, ``''``, ``.``)."""
    if into == STDIO:
        return "glossary/FILE.yaml"
    path = Path(into)
    if path.name in ("", ".", "..") or into.endswith(("/", os.sep)) or path.is_dir():
        return str(path / "FILE.yaml")
    return str(path.with_suffix(".yaml"))


def note(message: str, quiet: bool = False) -> None:
    """An informational line on stderr, such as a summary (suppressed with --quiet)."""
    if not quiet:
        click.echo(message, err=True)


def warn(message: str, quiet: bool) -> None:
    """A non-fatal warning without a location, ``termkit: warning: MESSAGE`` (suppressed with --quiet)."""
    note(f"termkit: warning: {message}", quiet)


def located(d: Diagnostic) -> str:
    """``termkit: SEVERITY: PATH:LINE:COL: MESSAGE``: a diagnostic on stderr, the same line
    as a fatal error's (main.TermkitFailure) and a warning's (:func:`warn`)."""
    loc = format_location(d.path, d.line, d.column)
    return f"termkit: {d.severity.value}: {loc}: {d.message}"


def report(diags: Iterable[Diagnostic], quiet: bool, line: Callable[[Diagnostic], str] = located) -> None:
    """Located diagnostics on stderr, one ``line`` each: errors always, warnings and infos
    not with --quiet."""
    for d in diags:
        if d.severity is Severity.ERROR or not quiet:
            click.echo(line(d), err=True)
