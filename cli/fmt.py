"""``termkit fmt``."""

from __future__ import annotations

import shlex

import click

from termkit.errors import count
from termkit.fmt import format_paths

from .output import note, quiet_option


@click.command(short_help="Rewrite glossary files in canonical form, keeping comments.")
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Change nothing; list the files that would change and exit 1 if any.",
)
@quiet_option
def fmt(paths: tuple[str, ...], check_only: bool, quiet: bool) -> None:
    """Rewrite glossary files in canonical form (sorted concepts, fixed key order).

    Comments are kept.  A file that has errors is never rewritten: if ``termkit
    check`` finds an error (warnings do not count) in any of the files, none is
    written and the first error is shown (exit 1); fix it first.

    \b
    Example:
      termkit fmt glossary/
      termkit fmt --check glossary/
    """
    changed = format_paths(paths or ("glossary",), write=not check_only)
    for path in changed:
        click.echo(path)
    if not check_only:
        note(f"reformatted {count(len(changed), 'file')}", quiet)
        return
    if not changed:
        note("would reformat 0 files", quiet)
        return
    them = "it" if len(changed) == 1 else "them"
    note(
        f"would reformat {count(len(changed), 'file')}; to reformat {them}, run: {_fmt_command(paths)}", quiet
    )
    raise SystemExit(1)


def _fmt_command(paths: tuple[str, ...]) -> str:
    """The command that reformats ``paths`` (as given, quoted for a shell)."""
    words = ["termkit", "fmt"]
    if any(p.startswith("-") for p in paths):
        words.append("--")  # (a file named like an option)
    return " ".join([*words, *(shlex.quote(p) for p in paths)])
