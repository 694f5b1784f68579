"""``termkit lint``."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from termkit import __version__, langtags
from termkit.check import check_files
from termkit.errors import Diagnostic, Severity, count
from termkit.glossary_file import GlossaryFile, load_glossary
from termkit.lint import GlossaryIndex, LintOptions, all_rules, lint_paths
from termkit.lint.config import FAIL_ON, LintConfig, load_config
from termkit.lint.engine import Progress, unknown_rules
from termkit.lint.sarif import sarif_parts

from .output import FORMATS as SHARED_FORMATS
from .output import (
    PROGRESS_MIN_BYTES,
    STDIN_NAMES,
    InputPath,
    note,
    output_options,
    quiet_option,
    read_once,
    refuse_inputs,
    render,
    render_diagnostics,
    show_progress,
    warn,
    write_output,
)

FORMATS = (*SHARED_FORMATS, "sarif")
#: Bytes read at a time when counting the lines of an input for the progress bar.
_COUNT_CHUNK = 1 << 20


def _rule_list(values: tuple[str, ...], option: str) -> set[str]:
    rules = {r.strip() for v in values for r in v.split(",") if r.strip()}
    unknown = unknown_rules(rules)
    if unknown:
        raise click.BadParameter(
            f"unknown rule {', '.join(unknown)}; see 'termkit lint --list-rules'", param_hint=option
        )
    return rules


def _list_rules(fmt: str, output: str) -> None:
    rows = [
        {"rule": r.id, "severity": r.severity.value, "scope": r.scope, "description": r.description}
        for r in all_rules()
    ]
    if fmt == "sarif":
        fmt = "json"
    write_output(
        output,
        render(rows, fmt, lambda r: f"{r['rule']:30} {r['severity']:8} {r['scope']:7} {r['description']}"),
    )


def _warn_of_glossary_errors(files: list[GlossaryFile], quiet: bool) -> None:
    """A warning when the glossary has errors that ``termkit check`` reports (a term in
    two concepts, a control character): lint uses it as it is, and says so once."""
    errors = [d for d in check_files(files) if d.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        warn(
            f"{first.path}:{first.line}:{first.column}: the glossary has {count(len(errors), 'error')} "
            f"that termkit check reports, the first: {first.message} [{first.rule}]; lint used the "
            "glossary as it is: fix it (see termkit check)",
            quiet,
        )


def _glossary_paths(given: tuple[str, ...], config: LintConfig) -> list[str]:
    if given:
        return list(given)
    if config.glossary:
        return config.glossary
    if Path("glossary").is_dir():
        return ["glossary"]
    raise click.UsageError(
        "no glossary: give --glossary DIR, or set glossary in termkit.toml / [tool.termkit]"
    )


def _fails(diags: list[Diagnostic], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity.ERROR if fail_on == "error" else Severity.WARNING
    return any(d.severity.rank >= threshold.rank for d in diags)


@click.command(short_help="Flag inconsistent glossary terms in texts and translations.")
@click.argument("paths", nargs=-1, type=InputPath())
@click.option(
    "-g",
    "--glossary",
    "glossaries",
    multiple=True,
    type=InputPath(glossary=True),
    metavar="PATH",
    help="Glossary file or folder (repeatable; default: from the configuration, else glossary/).",
)
@click.option(
    "--src",
    "src",
    type=InputPath(),
    metavar="FILE",
    help="Source side of two line-aligned files (with --tgt).",
)
@click.option(
    "--tgt",
    "tgt",
    type=InputPath(),
    metavar="FILE",
    help="Target side of two line-aligned files (with --src).",
)
@click.option(
    "--src-lang",
    metavar="TAG",
    help="Source language (default: the input's own when it is Chinese, a translation into English; "
    "else en; for a plain text, its language).",
)
@click.option(
    "--tgt-lang",
    metavar="TAG",
    help="Target language (default en for a Chinese source, else zh-CN; zh-Hant for a target in "
    "Traditional characters; a memory's Chinese tag, zh-TW, when none is zh-CN's).",
)
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules (comma-separated ids).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Not these rules (comma-separated ids).")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when a finding has this severity or worse  [default: warning].",
)
@click.option(
    "--include-fuzzy",
    is_flag=True,
    default=None,
    help="Lint unfinished units too: fuzzy PO entries, XLIFF targets that are new or need review.",
)
@click.option(
    "--config",
    "config_path",
    type=InputPath(),
    metavar="FILE",
    help="Configuration file (default: the nearest termkit.toml or pyproject.toml).",
)
@click.option(
    "--list-rules", is_flag=True, help="List the rules (id, severity, scope, description) and exit."
)
@output_options(FORMATS)
@quiet_option
def lint(
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    src: str | None,
    tgt: str | None,
    src_lang: str | None,
    tgt_lang: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    include_fuzzy: bool | None,
    config_path: str | None,
    list_rules: bool,
    fmt: str,
    output: str,
    quiet: bool,
) -> None:
    """Flag inconsistent use of glossary terms in texts and translations.

    PATHS are texts and Markdown files (English or Chinese, detected), TMX, PO and
    XLIFF files, TSV bitext (source<TAB>target), or two line-aligned files whose
    names differ only by language (a.en / a.zh); --src/--tgt name such a pair.
    '-' reads stdin, whose kind (TMX, XLIFF, PO, TSV or text) its content tells.
    Each finding is printed as PATH:LINE:COL: severity: message [rule-id], then a
    summary on stderr (only with --format text, and not with --quiet).  Exit
    status: 0 when no finding is at or above --fail-on, 1 when one is (or a file
    could not be read), 2 on a usage error.

    Silence one line of a text with a comment on it, or on the line before it:
    <!-- termkit: ignore[rule-id] -->  (or just: termkit: ignore).

    \b
    Example:
      termkit lint --glossary glossary/ report.md
      termkit lint --format sarif -o lint.sarif translations/*.po
      termkit lint --src doc.en.txt --tgt doc.zh.txt --select number-mismatch
    """
    if list_rules:
        _list_rules(fmt, output)
        return
    if not paths and src is None and tgt is None:
        raise click.UsageError("give files to lint (or --src and --tgt)")
    if (src is None) != (tgt is None):
        raise click.UsageError("--src and --tgt go together")
    read_once(*paths, src, tgt)
    langtags.require_well_formed("--src-lang", src_lang)
    langtags.require_well_formed("--tgt-lang", tgt_lang)
    # (a configuration error is one located line, exit 2: termkit's UsageError)
    config = load_config(Path(config_path) if config_path else None)
    selected = _rule_list(select, "--select") if select else None
    if selected is None and config.select is not None:
        selected = _rule_list(tuple(config.select), "select")
    ignored = _rule_list(ignore, "--ignore") | _rule_list(tuple(config.ignore), "ignore")
    fail_on = fail_on or config.fail_on or "warning"
    glossary_paths = _glossary_paths(glossaries, config)
    # (what the configuration names is read too: the output may not replace it)
    refuse_inputs(output, [*glossary_paths, config.source], glossary_paths)
    glossary, files = load_glossary(glossary_paths)
    _warn_of_glossary_errors(files, quiet)
    index = GlossaryIndex.build(glossary, include_proposed=config.include_proposed)
    if include_fuzzy is None:
        include_fuzzy = config.include_fuzzy
    options = LintOptions(selected, ignored, src_lang, tgt_lang, include_fuzzy)
    with _progress([*paths, *(p for p in (src, tgt) if p is not None)], quiet) as on_progress:
        result = lint_paths(paths, index, options, src, tgt, on_progress)
    diags = result.diagnostics
    for warning in result.warnings:
        warn(warning, quiet)
    if fmt == "sarif":
        write_output(output, sarif_parts(diags, all_rules(), __version__))
    else:
        write_output(output, render_diagnostics(diags, fmt))
    counts = ", ".join(
        count(result.count(s), s.value) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    unread = f" ({result.input_errors} could not be read)" if result.input_errors else ""
    n = result.unfinished
    unfinished = (
        f"; {count(n, 'unfinished unit')} not linted (fuzzy or untranslated; see --include-fuzzy)"
        if n
        else ""
    )
    # (as check, extract and align: a machine format's stderr keeps only errors and warnings)
    note(f"{count(result.files, 'file')}{unread}: {counts}{unfinished}", quiet or fmt != "text")
    if result.input_errors or _fails(diags, fail_on):
        raise SystemExit(1)


@contextlib.contextmanager
def _progress(paths: list[str], quiet: bool) -> Iterator[Progress | None]:
    """A progress bar on stderr, in lines of the inputs, when it is a terminal (not
    with --quiet, nor for less than a megabyte of input); else None."""
    if not show_progress(quiet):
        yield None
        return
    sizes = {p: _regular_size(p) for p in dict.fromkeys(paths) if p not in STDIN_NAMES}
    if sum(sizes.values()) < PROGRESS_MIN_BYTES:
        yield None
        return
    totals = {p: _line_count(p) for p, size in sizes.items() if size}
    with click.progressbar(length=max(1, sum(totals.values())), label="linting", file=sys.stderr) as bar:
        yield LineProgress(totals, bar.update)


class LineProgress:
    """Turns the lines reached in each input (:data:`~termkit.lint.engine.Progress`) into
    steps of one bar over the lines of all of them; an input it has no count of (stdin)
    does not move it."""

    def __init__(self, totals: dict[str, int], step: Callable[[int], None]) -> None:
        self.totals = totals
        self.step = step
        self.done: dict[str, int] = {}

    def __call__(self, path: str, line: int | None) -> None:
        total = self.totals.get(path)
        if total is None:
            return
        reached = total if line is None else min(line, total)
        done = self.done.get(path, 0)
        if reached > done:
            self.done[path] = reached
            self.step(reached - done)


def _regular_size(path: str) -> int:
    """The size of a regular file (0 for anything else: a pipe is read once, by lint)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return 0
    return st.st_size if stat.S_ISREG(st.st_mode) else 0


def _line_count(path: str) -> int:
    """About how many lines a file has (its LF bytes, and one), read a megabyte at a time."""
    lines = 1
    try:
        with open(path, "rb") as fp:
            while chunk := fp.read(_COUNT_CHUNK):
                lines += chunk.count(b"\n")
    except OSError:
        return 0
    return lines
