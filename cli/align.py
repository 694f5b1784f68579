"""``termkit align``: Chinese equivalents of English terms, bilingual term pairs, aligned documents."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import click

from termkit import langtags
from termkit.align.corpus import AlignCorpus
from termkit.align.docs import DocAlignment, align_files, format_for, write_alignment
from termkit.align.ibm import WordAligner
from termkit.align.into import add_proposals
from termkit.align.pairs import PAIRS_THRESHOLD, extract_pairs
from termkit.align.sentences import AlignerModel
from termkit.align.terms import (
    TermAlignConfig,
    TermResult,
    align_terms,
    bitext_script,
    glossary_inputs,
    read_term_list,
    simplified_terms,
    traditional_terms,
)
from termkit.align.tokens import Segmenter
from termkit.bitext import Pair, detect_kind, iter_bitext
from termkit.errors import InputError, UsageError, count
from termkit.exchange import direction
from termkit.formats.registry import FORMATS as MEMORY_FORMATS
from termkit.glossary_file import load_glossary, open_or_new, write_glossary_file
from termkit.model import EN, Glossary
from termkit.textio import STDIO, shown_path

from .output import (
    InputPath,
    check_into,
    direction_options,
    note,
    output_option,
    output_options,
    quiet_option,
    read_once,
    render,
    report,
    show_progress,
    warn,
    write_output,
)


@click.group(short_help="Align bitext: term equivalents, term pairs, documents.")
def align() -> None:
    """Bilingual alignment: term equivalents, term pairs, aligned documents.

    BITEXT is a TSV file (en<TAB>zh), a TMX/PO/XLIFF file, or two line-aligned
    files given with --src and --tgt instead.

    \b
    Example:
      termkit align terms corpus.tsv --terms terms.txt
      termkit align pairs --src doc.en --tgt doc.zh --format jsonl
      termkit align docs report.en.txt report.zh.txt -o report.tmx
    """


# --------------------------------------------------------------------------
# Shared


def bitext_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--tgt",
        "tgt_path",
        type=InputPath(),
        metavar="FILE",
        help="Chinese side, line-aligned with --src.",
    )(func)
    func = click.option(
        "--src",
        "src_path",
        type=InputPath(),
        metavar="FILE",
        help="English side, line-aligned with --tgt (instead of BITEXT).",
    )(func)
    return func


def read_pairs(bitext: str | None, src_path: str | None, tgt_path: str | None) -> list[Pair]:
    if bitext and (src_path or tgt_path):
        raise UsageError("give either BITEXT or --src and --tgt, not both")
    if not bitext and not (src_path and tgt_path):
        raise UsageError("give a BITEXT file, or both --src FILE and --tgt FILE")
    return list(iter_bitext(bitext, src_path=src_path, tgt_path=tgt_path))


@contextmanager
def bar(length: int, label: str, quiet: bool) -> Iterator[Callable[[int], None]]:
    """A progress callback: a bar on stderr on a terminal, nothing otherwise."""
    if not show_progress(quiet) or length < 200:
        yield lambda n: None
        return
    with click.progressbar(length=length, label=label, file=sys.stderr) as pb:
        yield pb.update


def build_corpus(
    pairs: list[Pair],
    words: Sequence[str],
    quiet: bool,
    inputs: tuple[str | None, str | None, str | None],
    traditional: Sequence[str] = (),
) -> AlignCorpus:
    """The corpus of ``pairs`` (read from ``inputs``: BITEXT, --src, --tgt); no usable pair
    is an error.  ``words``: the glossary's zh-CN terms for jieba; ``traditional``: its
    Traditional terms, for sentences in Traditional characters."""
    with bar(len(pairs), "segmenting", quiet) as update:
        corpus = AlignCorpus.build(pairs, Segmenter(words, traditional), progress=update)
    warnings = corpus.warnings.summary()
    # With nothing left to align the warnings explain the error: shown even with --quiet.
    report(warnings, quiet and len(corpus) > 0)
    if len(corpus) == 0:
        raise InputError(nothing_usable(bool(pairs), bool(warnings), *inputs))
    return corpus


def nothing_usable(any_pair: bool, warned: bool, bitext: str | None, src: str | None, tgt: str | None) -> str:
    """Why no sentence pair is left, and what to do; the warnings are cited only when some were shown."""
    name = _shown(bitext) if bitext else f"{_shown(src)} and {_shown(tgt)}"
    if warned:
        return f"no usable sentence pair in {name}: every pair was skipped (see the warnings above)"
    if any_pair:
        # the only pairs AlignCorpus skips without a warning: no Chinese on the Chinese side
        return (
            f"no usable sentence pair in {name}: no Chinese side has a Chinese character (codes and "
            "numbers are skipped); give English sentences with their Chinese translation"
        )
    if bitext and detect_kind(bitext) == "memory":
        return (
            f"no sentence pair in {name}: no unit has both an English (en) and a Chinese (zh) "
            "segment; give a translation memory between English and Chinese"
        )
    return (
        f"no non-empty sentence pair in {name}: only blank lines; give rows of "
        "'English<TAB>Chinese', or line-aligned --src and --tgt files"
    )


def _shown(path: str | None) -> str:
    return shown_path(STDIO if path is None else path)


def train(corpus: AlignCorpus, quiet: bool) -> WordAligner:
    if show_progress(quiet):
        n = len(corpus)
        click.echo(f"training word alignment on {count(n, 'pair', thousands=True)}...", err=True)
    return WordAligner(corpus)


def result_text(r: dict[str, Any]) -> str:
    head = f"{r['term']} [{r['frequency']}]"
    if not r["candidates"]:
        return f"{head}: {r.get('reason') or 'no candidate'}"
    cands = ", ".join(f"{c['zh']} ({c['score']:.2f}, {count(c['count'], 'pair')})" for c in r["candidates"])
    return f"{head}: {cands}"


def result_rows(results: Sequence[TermResult], fmt: str) -> list[dict[str, Any]]:
    if fmt != "tsv":
        return [r.to_dict() for r in results]
    rows: list[dict[str, Any]] = []
    for r in results:
        if not r.candidates:
            rows.append(
                {
                    "term": r.term,
                    "frequency": r.frequency,
                    "rank": "",
                    "zh": "",
                    "score": "",
                    "count": "",
                    "examples": "",
                    "note": r.reason or "no candidate",
                }
            )
        for rank, c in enumerate(r.candidates, 1):
            rows.append(
                {
                    "term": r.term,
                    "frequency": r.frequency,
                    "rank": rank,
                    "zh": c.zh,
                    "score": round(c.score, 4),
                    "count": c.count,
                    "examples": c.examples,
                    "note": "",
                }
            )
    return rows


TSV_COLUMNS = ["term", "frequency", "rank", "zh", "score", "count", "examples", "note"]


def emit(results: Sequence[TermResult], fmt: str, output: str) -> None:
    rows = result_rows(results, fmt)
    write_output(output, render(rows, fmt, result_text, TSV_COLUMNS if fmt == "tsv" else None))


def load_optional_glossary(paths: Sequence[str], allow_empty: bool = False) -> Glossary | None:
    """The glossary under ``paths``, if any are given; a folder of them with no glossary
    file is an error unless ``allow_empty`` (for --into, which may start one)."""
    if not paths:
        return None
    glossary, _ = load_glossary(paths, allow_empty=allow_empty)
    return glossary


# --------------------------------------------------------------------------
# align terms


@align.command("terms")
@click.argument("bitext", required=False, type=InputPath())
@bitext_options
@click.option(
    "--terms",
    "terms_file",
    type=InputPath(),
    metavar="FILE",
    help="English terms, one per line ('-' for stdin).",
)
@click.option(
    "--glossary",
    "glossary_paths",
    multiple=True,
    type=InputPath(glossary=True),
    metavar="DIR",
    help="Glossary files or folders: align every concept without a Chinese term; "
    "the other concepts' Chinese terms are prior knowledge.",
)
@click.option("--top", default=3, show_default=True, type=click.IntRange(1, 50), help="Candidates per term.")
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help=f"Minimum score of a proposal [default: {TermAlignConfig().threshold}; a term seen in one "
    f"pair needs {TermAlignConfig().single_pair_threshold} at least].",
)
@click.option(
    "--into",
    "into",
    type=InputPath(),
    metavar="GLOSSARY_FILE",
    help="Write the proposals into this glossary file as proposed zh-CN terms (zh-Hant if Traditional).",
)
@output_options()
@quiet_option
def terms(
    bitext: str | None,
    src_path: str | None,
    tgt_path: str | None,
    terms_file: str | None,
    glossary_paths: tuple[str, ...],
    top: int,
    threshold: float | None,
    into: str | None,
    fmt: str,
    output: str,
    quiet: bool,
) -> None:
    """Propose Chinese equivalents for English terms, with evidence.

    For every term (from --terms, or every glossary concept lacking a Chinese
    term in the script of the bitext with --glossary), up to --top Chinese candidates, best first, with a
    score in [0, 1], the number of pairs where term and candidate occur
    together, and example pair ids.  A term without a good candidate says
    "no candidate" and why.  See docs/align.md for the method.

    \b
    Example:
      termkit align terms corpus.tsv --terms terms.txt
      termkit align terms --src un.en --tgt un.zh --terms terms.txt --format jsonl
      termkit align terms corpus.tmx --glossary glossary/ --into glossary/proposed.yaml
    """
    read_once(bitext, src_path, tgt_path, terms_file)
    if into is not None:
        check_into(into)
    glossary = load_optional_glossary(glossary_paths, allow_empty=into is not None)
    known: list[tuple[str, str, str]] = []
    targets: list[tuple[str, str | None]] = []
    if terms_file:
        by_en: dict[str, str] = {}
        if glossary is not None:
            for concept in glossary:
                for t in concept.terms_in(EN):
                    by_en.setdefault(t.text.casefold(), concept.id)
        targets = [(t, by_en.get(t.casefold())) for t in read_term_list(terms_file)]
        if not targets:
            raise InputError(
                "no term: only blank or comment lines; give one English term per line", _shown(terms_file)
            )
    elif glossary is None:
        raise UsageError("give the terms: --terms FILE, or --glossary DIR")
    pairs = read_pairs(bitext, src_path, tgt_path)
    # (a concept lacks its Chinese term in the script of the bitext: one with only a
    # zh-Hant term is aligned on a Simplified bitext, and its proposal is zh-CN)
    script = bitext_script(p.src + p.tgt for p in pairs)
    if glossary is not None:
        from_glossary, known = glossary_inputs(glossary, script)
        targets = targets if terms_file else from_glossary
    if not targets:
        # (the bitext is read, so that a bad one is still an error, but no aligner is
        # trained for nothing)
        emit([], fmt, output)
        written = "Traditional" if script == langtags.TRADITIONAL else "Simplified"
        note(
            f"0 terms: every concept of the glossary has a Chinese term in {written} characters, "
            "as the bitext is written; nothing to align (give --terms FILE for other terms)",
            quiet,
        )
        if into:
            write_into(into, [], glossary_paths, quiet, script)
        return
    hans, hant = (
        (simplified_terms(glossary), traditional_terms(glossary)) if glossary is not None else ([], [])
    )
    corpus = build_corpus(pairs, hans, quiet, (bitext, src_path, tgt_path), hant)
    cfg = TermAlignConfig(top=top)
    if threshold is not None:
        cfg = replace(cfg, threshold=threshold)
    aligner = train(corpus, quiet)
    with bar(len(targets), "aligning terms", quiet) as update:
        results = align_terms(corpus, targets, cfg, known, aligner, update)
    emit(results, fmt, output)
    found = sum(1 for r in results if r.candidates)
    note(
        f"{count(len(results), 'term')}, {found} with a candidate, {len(results) - found} without; "
        f"{count(len(corpus), 'pair', thousands=True)}",
        quiet or fmt != "text",
    )
    if into:
        write_into(into, results, glossary_paths, quiet, script)


def write_into(
    into: str, results: Sequence[TermResult], glossary_paths: Sequence[str], quiet: bool, script: str
) -> None:
    gfile = open_or_new(into)
    foreign: set[str] = set()
    if glossary_paths:
        _, files = load_glossary(glossary_paths, allow_empty=True)
        same = os.path.realpath(into)
        foreign = {c.id for f in files if os.path.realpath(f.path) != same for c in f.concepts}
    added = add_proposals(gfile, results, foreign=foreign, script=script)
    if added.changed:
        write_glossary_file(gfile)
    for reason in added.skipped or []:
        warn(f"not written: {reason}", quiet)
    summary = (
        f"{into}: {count(added.added, 'proposal')} added, {added.refreshed} refreshed, "
        f"{added.unchanged} already there, {count(added.new_concepts, 'new concept')}"
    )
    if not added.changed:
        summary += "; nothing changed, file not written" if os.path.exists(into) else "; file not created"
    note(summary, quiet)


# --------------------------------------------------------------------------
# align pairs


@align.command("pairs")
@click.argument("bitext", required=False, type=InputPath())
@bitext_options
@click.option(
    "--glossary",
    "glossary_paths",
    multiple=True,
    type=InputPath(glossary=True),
    metavar="DIR",
    help="Leave out terms the glossary already has; use its Chinese terms as prior knowledge.",
)
@click.option(
    "--min-freq",
    default=2,
    show_default=True,
    type=click.IntRange(1),
    help="Minimum number of pairs an English candidate occurs in.",
)
@click.option(
    "--limit",
    default=1000,
    show_default=True,
    type=click.IntRange(1),
    help="English candidates tried (the extractor's best first).",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=PAIRS_THRESHOLD,
    show_default=True,
    help="Minimum score of a pair.",
)
@click.option("--top", default=1, show_default=True, type=click.IntRange(1, 50), help="Candidates per term.")
@output_options()
@quiet_option
def pairs(
    bitext: str | None,
    src_path: str | None,
    tgt_path: str | None,
    glossary_paths: tuple[str, ...],
    min_freq: int,
    limit: int,
    threshold: float,
    top: int,
    fmt: str,
    output: str,
    quiet: bool,
) -> None:
    """Find term pairs nobody listed (bilingual term extraction).

    Takes the English term candidates of `termkit extract` (its ranking: variants
    grouped, fragments and general words down the list), aligns each like
    `align terms`, and keeps only confident pairs, best terms first.

    \b
    Example:
      termkit align pairs corpus.tsv
      termkit align pairs --src report.en --tgt report.zh --glossary glossary/ --format tsv
    """
    read_once(bitext, src_path, tgt_path)
    glossary = load_optional_glossary(glossary_paths)
    known: list[tuple[str, str, str]] = []
    known_en: list[str] = []
    if glossary is not None:
        _, known = glossary_inputs(glossary)
        known_en = [t.text for c in glossary for t in c.terms_in(EN)]
    plist = read_pairs(bitext, src_path, tgt_path)
    hans, hant = (
        (simplified_terms(glossary), traditional_terms(glossary)) if glossary is not None else ([], [])
    )
    corpus = build_corpus(plist, hans, quiet, (bitext, src_path, tgt_path), hant)
    aligner = train(corpus, quiet)
    texts = [p.tgt if corpus.swapped else p.src for p in plist]
    cfg = replace(TermAlignConfig(), threshold=threshold, top=top)
    with bar(limit, "aligning candidates", quiet) as update:
        results = extract_pairs(
            corpus,
            texts,
            known_en=known_en,
            known=known,
            config=cfg,
            min_freq=min_freq,
            limit=limit,
            aligner=aligner,
            progress=update,
        )
    emit(results, fmt, output)
    note(
        f"{count(len(results), 'term pair')} from {count(len(corpus), 'sentence pair', thousands=True)}",
        quiet or fmt != "text",
    )


# --------------------------------------------------------------------------
# align docs


@align.command("docs")
@click.argument("en_doc", type=InputPath())
@click.argument("zh_doc", type=InputPath())
@output_option("The aligned translation memory ('-' for stdout); written atomically.", required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(MEMORY_FORMATS),
    default=None,
    help="Output format [default: from the suffix of --output (.tmx, .po, .xlf, .tsv...); tmx for '-'].",
)
@click.option(
    "--glossary",
    "glossary_paths",
    multiple=True,
    type=InputPath(glossary=True),
    metavar="DIR",
    help="Glossary terms found on both sides anchor the alignment.",
)
@direction_options(
    "Source language of the memory (default: en; Chinese for --tgt-lang en).",
    "Target language (default: the Chinese document's; en for a Chinese --src-lang).",
)
@quiet_option
def docs(
    en_doc: str,
    zh_doc: str,
    output: str,
    fmt: str | None,
    glossary_paths: tuple[str, ...],
    src_lang: str | None,
    tgt_lang: str | None,
    quiet: bool,
) -> None:
    """Align a document and its translation into a translation memory.

    Splits both documents into sentences (paragraphs are lines, or blocks
    between blank lines) and aligns them 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0 or
    0-1 by length and anchors (numbers, dates, glossary terms).  Writes the format
    the name of --output says (TMX, PO, XLIFF, or TSV: en<TAB>zh), or --format.
    The Chinese side is tagged zh-CN, or zh-Hant when the Chinese document is
    in Traditional characters.

    The memory goes from English to Chinese unless --src-lang or --tgt-lang
    says otherwise: for translating Chinese into English, --src-lang zh-CN
    makes the Chinese side the source (the TMX's srclang, the PO's msgids,
    the TSV's first column); the documents may then come in either order.

    \b
    Example:
      termkit align docs report.en.txt report.zh.txt -o report.tmx
      termkit align docs report.en.txt report.zh.txt -o report.tsv
      termkit align docs report.en.txt report.zh.txt -o report.po
      termkit align docs --src-lang zh-CN report.zh.txt report.en.txt -o report.zh-en.tmx
    """
    read_once(en_doc, zh_doc)
    out_fmt = format_for(output, fmt)  # (an unknown extension is a usage error, before any work)
    if src_lang or tgt_lang:
        direction(src_lang, tgt_lang)  # (two languages that are no pair: a usage error, before any work)
    chinese_source = (src_lang is not None and src_lang != EN) or tgt_lang == EN
    model = AlignerModel()
    glossary = load_optional_glossary(glossary_paths)
    if glossary is not None:
        # (the Simplified terms, under any tag that says so: zh-CN, zh-Hans, zh-SG, a bare
        # zh; and the Traditional ones, zh-Hant, zh-TW, a bare zh, for a Traditional document)
        model.with_terms(_term_pairs(glossary, langtags.SIMPLIFIED))
        model.with_traditional_terms(_term_pairs(glossary, langtags.TRADITIONAL))
    doc = align_files(en_doc, zh_doc, model, xml=out_fmt in ("tmx", "xliff"))
    if doc.swapped and not chinese_source:
        warn(f"{zh_doc} is in English and {en_doc} in Chinese: aligned the other way round", quiet)
    if not doc.pairs:
        path, why = _no_pair(doc)
        raise InputError(f"{why}: nothing to align; {output} is not written", path)
    write_alignment(doc, output, out_fmt, src_lang, tgt_lang)
    note(f"{output}: {doc.summary()}", quiet)


def _term_pairs(glossary: Glossary, script: str) -> list[tuple[str, str]]:
    """The (English, Chinese) term pairs of the glossary's concepts, of the Chinese terms
    in ``script`` (:func:`termkit.langtags.chinese_script`, under any tag)."""
    return [
        (e.text, z.text)
        for c in glossary
        for e in c.terms_in(EN)
        for tag, zs in c.terms.items()
        for z in zs
        if langtags.chinese_script(tag, z.text) == script
    ]


def _no_pair(doc: DocAlignment) -> tuple[str, str]:
    """The document to blame and why two documents gave no aligned pair."""
    en = sum(len(lk.en) for lk in doc.links)
    zh = sum(len(lk.zh) for lk in doc.links)
    if not en:
        return doc.en_path, "no sentence" if zh else f"no sentence, nor in {doc.zh_path}"
    if not zh:
        return doc.zh_path, "no sentence"
    return doc.en_path, f"no sentence pairs with one of {doc.zh_path}"
