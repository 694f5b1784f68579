"""``termkit export``: the glossary in one exchange format."""

from __future__ import annotations

from collections.abc import Sequence

import click

from termkit.errors import GlossaryError, Severity, count
from termkit.exchange import (
    COMPLETE_FORMATS,
    EXPORT_FORMATS,
    concepts_with_entries,
    export_bytes,
    export_direction,
    exportable,
    header_date,
    left_out,
    no_entry_why,
)
from termkit.model import EN, ZH, Glossary
from termkit.textio import atomic_write

from .output import (
    date_option,
    direction_options,
    glossary_dir_option,
    note,
    output_option,
    quiet_option,
    warn,
)


def load_checked(glossary_dir: str) -> tuple[Glossary, list[str]]:
    """The glossary under ``glossary_dir`` if ``termkit check`` finds no error, else a located error."""
    from termkit.check import check_paths

    files, diags = check_paths([glossary_dir])
    errors = [d for d in diags if d.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        more = f" ({len(errors)} errors; run 'termkit check {glossary_dir}')" if len(errors) > 1 else ""
        raise GlossaryError(f"{first.message} [{first.rule}]{more}", first.path, first.line, first.column)
    return Glossary([c for f in files for c in f.concepts]), [d.format() for d in diags]


def warn_left_out(
    glossary: Glossary,
    fmt: str,
    keepers: Sequence[str],
    quiet: bool,
    where: str = "",
    langs: tuple[str, str] = (EN, ZH),
) -> None:
    """A warning line for each cause of the export ``fmt`` leaving terms out
    (:func:`termkit.exchange.left_out`), counting each language, naming what keeps them:
    ``3 zh-Hant terms and 1 zh-TW term left out: ...; tbx, ... keep them``."""
    keep = ", ".join(keepers[:-1]) + " and " + keepers[-1]
    for why, found in left_out(glossary, fmt, *langs):
        counts = [count(n, f"{lang} term") for lang, n in found.items()]
        listed = ", ".join(counts[:-1]) + " and " + counts[-1] if len(counts) > 1 else counts[0]
        warn(f"{where}{listed} left out: {why}; {keep} keep them", quiet)


@click.command(short_help="Export the glossary as TMX, PO, TBX, CSV, TSV or OmegaT.")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS))
@output_option("Write here ('-' for stdout); written atomically.")
@glossary_dir_option("Glossary folder (or file) to export.")
@direction_options(
    "Source language of tmx, po and omegat (default: en, or the other of --tgt-lang).",
    "Target language of tmx, po and omegat (default: zh-CN, or en for a Chinese --src-lang).",
)
@date_option
@quiet_option
def export(
    fmt: str,
    output: str,
    glossary_dir: str,
    src_lang: str | None,
    tgt_lang: str | None,
    date_text: str | None,
    quiet: bool,
) -> None:
    """Export the glossary as TMX, PO, TBX (v3 or 2008), CSV, TSV or an OmegaT glossary.

    \b
    FORMAT is one of:
      tmx      glossary TMX 1.4b, one unit per concept and English term
      po       gettext PO: msgid English, msgstr Chinese, fuzzy = proposed
      tbx      TBX-Basic in TBX v3 (ISO 30042:2019)
      tbx2008  TBX-Basic, 2008 <martif> form (OmegaT, translate-toolkit)
      csv      spreadsheet, one row per term; 'termkit import' reads it back
      tsv      the same, tab-separated
      omegat   OmegaT glossary: source<TAB>target<TAB>comment

    tmx, po and omegat go from English to Chinese (zh-CN) unless --src-lang
    or --tgt-lang says otherwise: for translating Chinese into English,
    --src-lang zh-CN (or zh-Hant) puts the Chinese terms first (an OmegaT line
    per preferred or admitted Chinese term, the msgid of a PO entry, the TMX's
    srclang), with the concept's preferred English term as the target.

    The glossary must pass 'termkit check'; rejected concepts are left out.

    \b
    Example:
      termkit export tbx -o glossary.tbx
      termkit export csv --glossary glossary/ -o review.csv
      termkit export omegat --src-lang zh-CN -o glossary.zh-en.txt
    """
    langs = export_direction(fmt, src_lang, tgt_lang)
    when = header_date(date_text)
    glossary, _warnings = load_checked(glossary_dir)
    exported = exportable(glossary)
    data = export_bytes(exported, fmt, when, *langs)
    with atomic_write(output) as fp:
        fp.write(data)
    where = "stdout" if output == "-" else output
    done = concepts_with_entries(exported, fmt, *langs)
    missed = f"; {count(len(exported) - done, 'concept')} gave no entry" if done < len(exported) else ""
    note(f"exported {count(done, 'concept')} as {fmt} to {where}{missed}", quiet)
    warn_left_out(exported, fmt, COMPLETE_FORMATS, quiet, langs=langs)
    empty = no_entry_why(exported, fmt, *langs, done)
    if empty is not None:
        keep = ", ".join(COMPLETE_FORMATS[:-1]) + " and " + COMPLETE_FORMATS[-1]
        warn(f"{where}: {empty}; {keep} keep every term", quiet)
