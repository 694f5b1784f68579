"""``termkit import``: merge an exchange file into the glossary."""

from __future__ import annotations

import click

from termkit import langtags
from termkit.errors import UsageError
from termkit.exchange import IMPORT_FORMATS, detect_import_format, read_concepts
from termkit.glossary_import import import_concepts
from termkit.model import ReviewStatus

from .output import check_into, glossary_dir_option, note, quiet_option


@click.command("import", short_help="Merge a TMX, PO, TBX, CSV/TSV or OmegaT file into the glossary.")
@click.argument("file", type=click.Path(readable=False))
@click.option(
    "--into",
    "into",
    default="glossary/imported.yaml",
    show_default=True,
    metavar="GLOSSARY_FILE",
    help="Glossary file that receives new concepts (created if missing).",
)
@glossary_dir_option(
    "Glossary folder whose concepts are matched and updated; it must exist, unless --into is inside it."
)
@click.option(
    "--status",
    type=click.Choice(["proposed", "approved"]),
    default="proposed",
    show_default=True,
    help="What imported data becomes: proposed for review, or approved as it is.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(IMPORT_FORMATS),
    help="Format of FILE (default: from its extension; needed for '-').",
)
@click.option(
    "--src-lang",
    metavar="TAG",
    help="Source language of a TMX, PO or OmegaT file (default: what the file says or shows; "
    "a Chinese source is a glossary from Chinese into English).",
)
@click.option(
    "--tgt-lang",
    metavar="TAG",
    help="Target language of a TMX, PO or OmegaT file (default: what the file says or shows; "
    "en for a Chinese --src-lang, else zh-CN).",
)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@quiet_option
def import_cmd(
    file: str,
    into: str,
    glossary_dir: str,
    status: str,
    fmt: str | None,
    src_lang: str | None,
    tgt_lang: str | None,
    dry_run: bool,
    quiet: bool,
) -> None:
    """Merge a TMX, PO, TBX, CSV/TSV or OmegaT glossary file into the glossary.

    A CSV/TSV file is termkit's spreadsheet (one row per term, with a lang
    column) or a bilingual sheet: one row per concept, one column per language
    (en, zh-CN, English, 中文...), several terms of a cell separated by ';' or
    '|' (the first preferred).

    Concepts are matched by the id the file gives them (an OmegaT glossary or a
    bilingual sheet gives none), else by their preferred English term and
    subject: homographs (one English term, subjects that differ) stay apart.  Approved
    concepts are never overwritten, whatever the file or --status says: new
    terms are added to them for review (review: proposed), and what the file
    says differently about them is reported as not imported.  Proposed
    concepts get empty fields filled and new terms; a field they already have
    keeps its value, and a different value in the file is reported as not
    imported too.  Unmatched concepts go to --into.  Reviewers' comments in the YAML files are kept.  If the merged
    glossary, with the other files of the folder --into is in, would fail
    'termkit check', nothing is written (exit 1).  Prints one line per concept:
    added, updated, unchanged or skipped.

    \b
    Example:
      termkit import review.csv --into glossary/poverty-alleviation.yaml
      termkit import terms.csv --into glossary/new.yaml
      termkit import weblate.tbx --status approved
      termkit import translations.po --dry-run
      termkit import glossary.zh-en.txt --src-lang zh-CN --dry-run
    """
    check_into(into)
    langtags.require_well_formed("--src-lang", src_lang)
    langtags.require_well_formed("--tgt-lang", tgt_lang)
    if (src_lang or tgt_lang) and detect_import_format(file, fmt) not in ("tmx", "po", "omegat"):
        raise UsageError(
            "--src-lang/--tgt-lang apply to a TMX, PO or OmegaT file (a TBX or a spreadsheet "
            "names the language of each term)"
        )
    incoming = read_concepts(file, fmt, src_lang, tgt_lang)
    report = import_concepts(incoming, into, glossary_dir, ReviewStatus(status), dry_run=dry_run)
    for cid in report.added:
        kept = report.kept(cid)  # (a later entry of the file said otherwise)
        click.echo(f"added     {cid} ({kept})" if kept else f"added     {cid}")
    for cid in report.updated:
        kept = report.kept(cid)
        click.echo(f"updated   {cid} ({kept})" if kept else f"updated   {cid}")
    for cid in report.unchanged:
        click.echo(f"unchanged {cid}")
    for cid, reason in report.skipped:
        click.echo(f"skipped   {cid} ({reason})")
    verb = "would write" if dry_run else "wrote"
    files = ", ".join(report.written) or "nothing"
    note(f"{report.summary()}; {verb} {files}", quiet)
