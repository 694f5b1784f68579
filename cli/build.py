"""``termkit build``: check the glossary, then regenerate tmx/ (the main job)."""

from __future__ import annotations

from pathlib import Path

import click

from termkit.check import check_paths
from termkit.errors import Diagnostic, GlossaryError, Severity, count
from termkit.exchange import (
    BUILD_FILES,
    COMPLETE_FORMATS,
    build_direction,
    export_bytes,
    exportable,
    header_date,
)
from termkit.model import Glossary
from termkit.textio import remove_stale_temps, write_files_atomic

from .export import warn_left_out
from .output import date_option, glossary_dir_option, note, quiet_option, report


@click.command()
@glossary_dir_option("Glossary folder to check and export.")
@click.option(
    "--out",
    "out_dir",
    default="tmx",
    show_default=True,
    type=click.Path(readable=False, file_okay=False),
    help="Folder for the generated files.",
)
@date_option
@quiet_option
def build(glossary_dir: str, out_dir: str, date_text: str | None, quiet: bool) -> None:
    """Check the glossary, then regenerate every exchange file in tmx/.

    Writes glossary.tmx, glossary.tbx (TBX v3), glossary.2008.tbx (martif),
    glossary.zh_CN.po, glossary.omegat.txt, glossary.zh-en.omegat.txt (the
    OmegaT glossary from Chinese to English) and glossary.csv.  If 'termkit check'
    finds an error, the errors are printed and nothing is written (exit 1);
    so is a glossary with no concept to export.
    The same glossary always gives byte-identical files; the files are written
    atomically and together (on any error none is changed), and a file whose
    content did not change is not touched.
    Prints one line per file: written or unchanged.

    \b
    Example:
      termkit build
      termkit build --glossary glossary/ --out tmx/ --date 2024-05-01
    """
    when = header_date(date_text)
    files, diags = check_paths([glossary_dir])
    errors = [d for d in diags if d.severity is Severity.ERROR]
    # the lines 'termkit check' lists (PATH:LINE:COL: severity: message [rule])
    report(diags, quiet, Diagnostic.format)
    if errors:
        note(f"termkit build: {count(len(errors), 'error')} in the glossary; nothing was written", False)
        raise SystemExit(1)
    glossary = exportable(Glossary([c for f in files for c in f.concepts]))
    if not len(glossary):
        raise GlossaryError(
            "no concepts to export (the glossary files hold none, or every concept is rejected); add "
            "concepts, e.g. with 'termkit extract --into', then build again",
            glossary_dir,
        )
    # Everything is generated before anything is written: a failure leaves tmx/ as it was.
    outputs = [
        (Path(out_dir) / name, export_bytes(glossary, fmt, when, *build_direction(name)))
        for name, fmt in BUILD_FILES
    ]
    # ... and every file is written before a line is printed: standard output closed
    # or gone (a pipe into 'head') fails the command after the build, not half-way.
    # The files that changed are replaced together: all of them or none.
    lines = []
    changed = []
    for path, _ in outputs:
        # what a build killed midway left (its temporary files), unchanged files or not
        remove_stale_temps(path)
    for path, data in outputs:
        if path.is_file() and path.read_bytes() == data:
            lines.append(f"unchanged {path}")
            continue
        changed.append((path, data))
        lines.append(f"written   {path}")
    write_files_atomic(changed)
    written = len(changed)
    for line in lines:
        click.echo(line)
    keepers = [name for name, fmt in BUILD_FILES if fmt in COMPLETE_FORMATS]
    for name, fmt in BUILD_FILES:
        warn_left_out(glossary, fmt, keepers, quiet, f"{Path(out_dir) / name}: ", build_direction(name))
    note(
        f"{count(len(glossary), 'concept')}; {count(written, 'file')} written, {len(outputs) - written} unchanged",
        quiet,
    )
