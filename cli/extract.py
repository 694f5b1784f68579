"""``termkit extract``."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from termkit.errors import Severity, count
from termkit.extract import ExtractOptions, NothingReadable, extract
from termkit.extract.scoring import Candidate
from termkit.extract.sources import total_size

from .output import (
    PROGRESS_MIN_BYTES,
    InputPath,
    check_into,
    note,
    output_options,
    quiet_option,
    read_once,
    render,
    report,
    show_progress,
    write_output,
)

DEFAULT_GLOSSARY = "glossary"
PARTS = ("cvalue", "specificity", "dispersion", "layout", "shape", "independence")


@click.command()
@click.argument("files", nargs=-1, required=True, type=InputPath())
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default=None,
    help="Language of the text (default: detected from the text).",
)
@click.option(
    "--side",
    type=click.Choice(["source", "target"]),
    default=None,
    help="Which side of a TMX/PO/XLIFF file to read (when --lang does not pick one): the source "
    "is the segment in the memory's source language (TMX srclang), XLIFF's <source>, PO's msgid.  "
    "Default: the source side of the units whose source language is English or Chinese.",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=100,
    show_default=True,
    metavar="N",
    help="Show the N best candidates (with --into: add the new ones among them); 0 for all.",
)
@click.option(
    "--min-freq",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="Ignore candidates seen fewer than N times (unless layout marks them).",
)
@click.option("--explain", is_flag=True, help="Show the parts of each score.")
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=InputPath(fallback=(DEFAULT_GLOSSARY,), glossary=True),
    metavar="DIR",
    help="Glossary files or folders: Chinese terms are loaded into jieba, and --into "
    "skips every term they hold (default: glossary/ if it exists).",
)
@click.option(
    "--into",
    type=InputPath(),
    default=None,
    metavar="GLOSSARY_FILE",
    help="Add the new candidates to this glossary file as proposed concepts.",
)
@output_options()
@quiet_option
def extract_cmd(
    files: tuple[str, ...],
    lang: str | None,
    side: str | None,
    top: int,
    min_freq: int,
    explain: bool,
    glossaries: tuple[str, ...],
    into: str | None,
    fmt: str,
    output: str,
    quiet: bool,
) -> None:
    """Rank the terms of a text worth a glossary entry.

    FILES are plain text (UTF-8 or UTF-16 with BOM; '-' for stdin) or TMX, PO
    and XLIFF files (one side of each unit).  Candidates are scored by C-value,
    specificity against general English, dispersion and layout (headings,
    quotations, Title Case names, acronyms); variants (case, plural, hyphen,
    British/American spelling, typos) are grouped.  Damaged or unreadable
    input is reported on stderr ('termkit: warning: PATH:LINE:COL: ...', or
    error: for a file that cannot be read, exit status 1) and skipped.

    With --into, the new candidates (those scoring above 0) are added to a
    glossary file as proposed concepts and only those are listed; running it
    again adds nothing.  The
    file keeps its comments and its order (a canonical file stays canonical).
    An input that cannot be read leaves it as it was.

    \b
    Example:
      termkit extract report.txt --top 50
      termkit extract --format jsonl --explain report.txt > terms.jsonl
      termkit extract --lang zh --glossary glossary/ outline-zh.txt
      termkit extract report.txt --into glossary/proposed.yaml
    """
    read_once(*files)
    if into is not None:
        check_into(into)
    gloss = list(glossaries)
    named = bool(gloss) or into is not None
    if not gloss and Path(DEFAULT_GLOSSARY).is_dir():
        gloss = [DEFAULT_GLOSSARY]
    # a glossary named with --glossary must hold files; the default one, or one that
    # --into is about to start, may be empty
    may_be_empty = not glossaries or into is not None
    zh_terms, hant_terms = _zh_terms(gloss, lang, named, may_be_empty)
    options = ExtractOptions(
        lang=lang, side=side, min_freq=min_freq, glossary_terms=zh_terms, traditional_terms=hant_terms
    )
    try:
        with _progress(files, quiet) as on_bytes:
            result = extract(files, options, on_bytes)
    except NothingReadable as exc:  # every input failed: say why for each
        report(exc.diagnostics, quiet)
        raise SystemExit(1) from None
    report(result.diagnostics, quiet)
    ranked = result.candidates
    limit = top or None
    failed = any(d.severity is Severity.ERROR for d in result.diagnostics)
    if into is not None:
        from termkit.extract.into import propose

        # an input that could not be read (or only in part) fails the run: the glossary
        # file is left as it was, not given the proposals of the files that were read
        proposal = propose(ranked, into, gloss, result.lang, limit, write=not failed)
        shown = proposal.candidates
        weak = (
            f"; {count(proposal.weak, 'candidate')} with a score of 0 or less not added"
            if proposal.weak
            else ""
        )
        added = (
            f"nothing written ({count(len(proposal.added), 'proposed concept')} to add once every "
            "input can be read: fix the errors above and run again)"
            if failed
            else f"added {count(len(proposal.added), 'proposed concept')}"
        )
        note(f"{into}: {added}; {count(proposal.known, 'candidate')} already in the glossary{weak}", quiet)
    else:
        shown = ranked[:limit] if limit else ranked
    rows = [_row(i, c, explain) for i, c in enumerate(shown, 1)]
    columns = ["rank", "term", "score", "frequency", "dispersion", "variants", "locations"]
    if explain:
        # a part's column is score_<part>: "dispersion" is already the count of sections
        columns += [f"score_{p}" for p in PARTS]
        if fmt == "tsv":
            for row in rows:
                row.update({f"score_{k}": v for k, v in row.pop("parts").items()})
                row.pop("signals", None)
    write_output(output, render(rows, fmt, lambda r: _text_line(r, explain), columns))
    if into is None:
        note(
            f"{count(len(ranked), 'candidate')} ({result.lang}) from {count(result.lines, 'line')}; "
            f"showing {len(shown)}",
            quiet or fmt != "text",
        )
    if failed:
        raise SystemExit(1)


def _zh_terms(
    glossaries: list[str], lang: str | None, named: bool, allow_empty: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The Chinese terms of the glossaries (for jieba), Simplified (zh-CN, zh-Hans, zh-SG...)
    and Traditional (zh-Hant, zh-TW, zh-HK, zh-MO: for text in Traditional characters; a
    bare ``zh`` term is either, as its characters say: langtags.chinese_script), but for those still under
    review (``review: proposed``), rejected (``review: rejected``) or of rejected
    concepts; a broken glossary is a located error.

    English needs no terms: with ``--lang en`` the glossary is still read, so that a
    broken one is reported as with ``--lang zh`` (and before the extraction), when the
    user named it (``--glossary``) or ``--into`` will read it anyway, but not for the
    default ``glossary/`` alone: plain English extraction does not pay for reading it.
    """
    if not glossaries or (lang == "en" and not named):
        return (), ()
    from termkit import langtags
    from termkit.glossary_file import load_glossary
    from termkit.model import ReviewStatus

    glossary, _ = load_glossary(glossaries, allow_empty=allow_empty)
    if lang == "en":
        return (), ()
    # a term a tool proposed and no reviewer accepted yet (what --into writes) does not
    # steer the segmentation: else the same extraction run again would cut the text
    # elsewhere and propose more; nor does a rejected one (``review: rejected``, or a
    # rejected concept's: a fragment rejected as no term would be a word, and longer
    # fragments around it new candidates)
    simplified: list[str] = []
    traditional: list[str] = []
    for concept in glossary:
        if concept.status is ReviewStatus.REJECTED:
            continue
        for tag, terms in concept.terms.items():
            for t in terms:
                if t.review in (ReviewStatus.PROPOSED, ReviewStatus.REJECTED):
                    continue
                found = langtags.chinese_script(tag, t.text)
                if found is not None:
                    (simplified if found == langtags.SIMPLIFIED else traditional).append(t.text)
    return tuple(simplified), tuple(traditional)


def _row(rank: int, cand: Candidate, explain: bool) -> dict[str, Any]:
    row: dict[str, Any] = {"rank": rank}
    row.update(cand.to_dict(explain))
    return row


def _text_line(row: dict[str, Any], explain: bool) -> str:
    line = f"{row['rank']:>5}  {row['score']:7.2f}  {row['frequency']:>6}  {row['term']}"
    others = [v for v in row["variants"] if v != row["term"]]
    if others:
        line += "  (" + "; ".join(others) + ")"
    if row.get("expansion"):
        line += f"  = {row['expansion']}"
    if explain:
        parts = "  ".join(f"{k}={v:+.2f}" for k, v in row["parts"].items())
        signals = ",".join(row.get("signals", {}))
        line += f"\n{'':22}{parts}" + (f"  [{signals}]" if signals else "")
    return line


@contextlib.contextmanager
def _progress(files: tuple[str, ...], quiet: bool) -> Iterator[Any]:
    size = total_size(files)
    if not show_progress(quiet) or size < PROGRESS_MIN_BYTES:
        yield None
        return
    with click.progressbar(length=size, label="extracting", file=sys.stderr) as bar:
        yield bar.update
