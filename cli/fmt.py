"""``termkit fmt``."""

from __future__ import annotations

import click

from termkit.fmt import format_paths

from .output import note, quiet_option


@click.command()
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
    verb = "would reformat" if check_only else "reformatted"
    note(f"{verb} {len(changed)} file(s)", quiet)
    if check_only and changed:
        raise SystemExit(1)
