"""Score ``termkit extract`` against a reference list of terms.

    python bench/score_extract.py                      # the seed text and its reference list
    python bench/score_extract.py --show 100           # also print the top 100, marking hits
    python bench/score_extract.py --missing 300        # reference terms not in the top 300
    python bench/score_extract.py --unbis              # UN dev set vs UNBIS thesaurus labels
    python bench/score_extract.py --unbis --zh         # the same on the Chinese side

A reference term is found at rank k when a candidate in the first k, or one of
its variants, matches it after normalisation (case, number, hyphen/space,
British/American spelling, apostrophes).  "/min(k,R)" divides by the best
possible count when the reference holds more than k terms.

``--unbis`` is a check on text the extractor was not tuned on: the English side
of ../shared/corpora/un-v1.0-dev against the UNBIS labels in
../shared/terminology/unbis-dev.tsv that occur in it (a thesaurus, so many of
its labels are general words; the numbers are only comparable between runs).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from termkit.extract import ExtractOptions, extract
from termkit.extract.evaluate import Evaluation, evaluate, read_reference
from termkit.extract.variants import fold, variant_key

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_922c992c49411e96.txt"
REFERENCE = ROOT / "tests" / "extract" / "data" / "seed_reference_terms.txt"
CUTS = (50, 100, 200, 300, 500, 1000)


def unbis_reference(text: str) -> list[str]:
    """UNBIS English labels that occur (as words) in ``text``."""
    padded = " " + " ".join(fold(text).replace(",", " ").replace(".", " ").split()) + " "
    terms = []
    for row in (SHARED / "terminology" / "unbis-dev.tsv").read_text(encoding="utf-8").splitlines():
        label = row.split("\t", 1)[0].strip()
        if label and f" {fold(label)} " in padded:
            terms.append(label.lower())
    return sorted(set(terms))


def unbis_reference_zh(text: str) -> list[str]:
    """UNBIS Chinese labels that occur in ``text``."""
    terms = set()
    for row in (SHARED / "terminology" / "unbis-dev.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        label = row.split("\t")[1].strip() if "\t" in row else ""
        if label and label in text:
            terms.add(label)
    return sorted(terms)


def table(ev: Evaluation, total: int) -> None:
    print(f"{len(ev.reference)} reference terms, {total} candidates")
    print(f"{'k':>6}{'found':>7}{'recall':>9}{'/min(k,R)':>11}")
    for k in (*CUTS, total):
        print(f"{k:>6}{ev.found(k):>7}{ev.recall(k):>9.1%}{ev.capped_recall(k):>11.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("text", nargs="?", default=str(SEED))
    parser.add_argument("--reference", default=str(REFERENCE))
    parser.add_argument("--unbis", action="store_true", help="UN dev set against UNBIS labels")
    parser.add_argument("--zh", action="store_true", help="with --unbis: the Chinese side")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print the top N, '+' marking hits")
    parser.add_argument(
        "--missing", type=int, default=0, metavar="K", help="list reference terms not in top K"
    )
    args = parser.parse_args()
    path = Path(args.text)
    lang = "en"
    if args.unbis and args.zh:
        lang = "zh"
        path = SHARED / "corpora" / "un-v1.0-dev" / "UNv1.0.devset.zh"
        reference = unbis_reference_zh(path.read_text(encoding="utf-8"))
    elif args.unbis:
        path = SHARED / "corpora" / "un-v1.0-dev" / "UNv1.0.devset.en"
        reference = unbis_reference(path.read_text(encoding="utf-8"))
    else:
        reference = read_reference(args.reference)
    start = time.perf_counter()
    result = extract([str(path)], ExtractOptions(lang=lang))
    seconds = time.perf_counter() - start
    ranked = [[c.term, *c.variants] for c in result.candidates]
    ev = evaluate(ranked, reference)
    print(f"{path} ({seconds:.1f} s)")
    table(ev, len(ranked))
    if args.show:
        keys = {variant_key(t) for t in reference}
        for i, c in enumerate(result.candidates[: args.show], 1):
            hit = "+" if any(variant_key(f) in keys for f in (c.term, *c.variants)) else " "
            print(f"{i:5} {hit} {c.score:6.2f} {c.frequency:4}  {c.term}")
    if args.missing:
        print(f"not in the top {args.missing}:")
        for term in ev.missing(args.missing):
            rank = ev.found_at[term]
            print(f"  {rank if rank else '-':>6}  {term}")


if __name__ == "__main__":
    main()
