"""``termkit check``."""

from __future__ import annotations

import click

from termkit import __version__
from termkit.check import RULES, check_paths
from termkit.errors import Severity, count
from termkit.glossary_file import glossary_paths
from termkit.lint.sarif import sarif_parts

from .output import (
    FORMATS,
    InputPath,
    note,
    output_options,
    quiet_option,
    render,
    render_diagnostics,
    write_output,
)


@click.command()
@click.argument("paths", nargs=-1, type=InputPath(fallback=("glossary",), glossary=True))
@click.option("--list-rules", is_flag=True, help="List the rules with their severity and exit.")
@output_options((*FORMATS, "sarif"))
@quiet_option
def check(paths: tuple[str, ...], list_rules: bool, fmt: str, output: str, quiet: bool) -> None:
    """Validate glossary files and report every problem at once.

    Each problem is printed as PATH:LINE:COL: severity: message [rule-id].
    PATHS are glossary files or folders (default: glossary/).  Exit status is 0
    when there are no errors (warnings are allowed), 1 otherwise.

    \b
    Example:
      termkit check glossary/
      termkit check --format json glossary/poverty-alleviation.yaml
      termkit check --format sarif -o check.sarif glossary/
    """
    rules = sorted(RULES.values(), key=lambda r: r.id)
    if list_rules:
        rows = [{"rule": r.id, "severity": r.severity.value, "description": r.description} for r in rules]
        list_fmt = "json" if fmt == "sarif" else fmt
        write_output(
            output, render(rows, list_fmt, lambda r: f"{r['rule']:22} {r['severity']:8} {r['description']}")
        )
        return
    # (a folder with no glossary file is an error there: a mistyped path must not pass CI)
    files, diags = check_paths(paths or ("glossary",))
    if fmt == "sarif":
        write_output(output, sarif_parts(diags, rules, __version__))
    else:
        write_output(output, render_diagnostics(diags, fmt))
    errors = sum(d.severity is Severity.ERROR for d in diags)
    warnings = sum(d.severity is Severity.WARNING for d in diags)
    concepts = sum(len(f.concepts) for f in files)
    # (a file whose YAML cannot be read is checked too: its error is listed)
    checked = len(glossary_paths(paths or ("glossary",)))
    unread = f" ({checked - len(files)} could not be read)" if checked > len(files) else ""
    note(
        f"{count(checked, 'file')}{unread}, {count(concepts, 'concept')}: "
        f"{count(errors, 'error')}, {count(warnings, 'warning')}",
        quiet or fmt != "text",
    )
    if errors:
        raise SystemExit(1)
