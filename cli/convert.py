"""``termkit convert``."""

from __future__ import annotations

from collections.abc import Iterable

import click

from termkit.errors import FormatError, count
from termkit.exchange import parse_date, tmx_date
from termkit.formats.convert import convert as convert_memory
from termkit.formats.registry import FORMATS
from termkit.model import TranslationUnit

from .output import note, progress, quiet_option, refuse_glossary_name, warn


@click.command()
@click.argument("in_path", metavar="IN", type=click.Path(readable=False, allow_dash=True))
@click.argument("out_path", metavar="OUT", type=click.Path(readable=False, allow_dash=True))
@click.option(
    "--from", "from_fmt", type=click.Choice(FORMATS), help="Format of IN (default: from its extension)."
)
@click.option(
    "--to", "to_fmt", type=click.Choice(FORMATS), help="Format of OUT (default: from its extension)."
)
@click.option(
    "--src-lang",
    metavar="LANG",
    help="Source language (default: the input's); 'en' also picks en-US, en-GB...",
)
@click.option(
    "--tgt-lang",
    metavar="LANG",
    help="Target language to keep (needed when a bilingual output gets several).",
)
@click.option(
    "--date",
    metavar="DATE",
    help="TMX output only: the header's creationdate, ISO (2024-05-01, 2024-05-01T10:00:00+08:00) "
    "or TMX's own 20240501T020000Z; converted to UTC (default: none).",
)
@click.option(
    "--include-fuzzy",
    is_flag=True,
    help="TMX and TSV output: write unfinished units too (fuzzy PO entries, XLIFF targets that are "
    "new or need work), marked by their props; left out by default.",
)
@quiet_option
def convert(
    in_path: str,
    out_path: str,
    from_fmt: str | None,
    to_fmt: str | None,
    src_lang: str | None,
    tgt_lang: str | None,
    date: str | None,
    include_fuzzy: bool,
    quiet: bool,
) -> None:
    """Convert a translation memory between TMX, PO, XLIFF and TSV.

    Formats come from the extensions (.tmx, .po/.pot, .xlf/.xliff/.sdlxliff/
    .mqxliff, .tsv) unless --from/--to say otherwise ('-' is stdin/stdout and
    needs them).  Units stream through, so large TMX files convert in constant
    memory.  OUT is written atomically: on any error it is left as it was and
    the exit status is 1.

    \b
    Example:
      termkit convert project_save.tmx memory.po
      termkit convert memory.po memory.tmx --src-lang en --tgt-lang zh-CN
      termkit convert big.tmx pairs.tsv --tgt-lang zh-CN --quiet
    """
    refuse_glossary_name(out_path)
    options: dict[str, object] = {}
    if date is not None:
        options["date"] = tmx_date(parse_date(date))

    def wrap(units: Iterable[TranslationUnit]) -> Iterable[TranslationUnit]:
        return progress(units, None, "converting", quiet)

    try:
        result = convert_memory(
            in_path,
            out_path,
            from_fmt=from_fmt,
            to_fmt=to_fmt,
            src_lang=src_lang,
            tgt_lang=tgt_lang,
            wrap=wrap,
            keep_unfinished=include_fuzzy,
            **options,
        )
    except FormatError as exc:
        if exc.path is None:  # (a writer's error: which file it was writing)
            exc.path = out_path
        raise
    langs = result.src_lang + (f" -> {result.tgt_lang}" if result.tgt_lang else "") if result.src_lang else ""
    message = f"{count(result.units, 'unit')} {result.from_fmt} -> {result.to_fmt}" + (
        f" ({langs})" if langs else ""
    )
    if result.skipped:
        message += f"; skipped {count(result.skipped, 'unit')} without {result.src_lang} text"
    if result.obsolete:
        message += f"; not written: {result.obsolete} obsolete (#~) PO entries, which only a PO output keeps"
    lost = []
    if result.codes:
        lost.append(count(result.codes, "inline code"))
    if result.props:
        props = sum(result.props.values())
        kinds = sorted(result.props, key=lambda k: (-result.props[k], k))
        shown = ", ".join(kinds[:3]) + (", ..." if len(kinds) > 3 else "")
        lost.append(f"{count(props, 'prop')} ({shown})")
    if lost:
        message += f"; not written: {' and '.join(lost)}, which PO has no place for"
    note(message, quiet)
    if result.unfinished:
        warn(
            f"{out_path}: {count(result.unfinished, 'unfinished unit')} not written (fuzzy, or an XLIFF "
            f"state new, initial or needs-*), which {result.to_fmt.upper()} would give as finished "
            f"translations; --include-fuzzy writes them (first: {result.first_unfinished})",
            quiet,
        )
    for warning in result.warnings:
        warn(f"{out_path}: {warning}", quiet)
