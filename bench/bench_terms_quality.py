"""Term alignment quality on the UN dev set against UNBIS labels: termkit vs a Dice baseline.

    python bench/bench_terms_quality.py [--errors] [--single]

Prints precision of the top candidate, coverage and recall, overall and for
multiword terms, for termkit's aligner and for the plain Dice baseline
(``bench/baseline_dice.py``).  See termkit.align.evaluation for the gold set.
With ``--single``, the gold set is the UNBIS concepts whose English label occurs
in exactly one pair, with the Chinese label in that pair (the terms that the
single-pair threshold is for).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"
UN_EN = SHARED / "corpora" / "un-v1.0-dev" / "UNv1.0.devset.en"
UN_ZH = SHARED / "corpora" / "un-v1.0-dev" / "UNv1.0.devset.zh"
UNBIS = SHARED / "terminology" / "unbis-dev.tsv"

from baseline_dice import dice_baseline  # noqa: E402

from termkit.align.corpus import AlignCorpus  # noqa: E402
from termkit.align.evaluation import format_table, gold_set, read_term_pairs, score  # noqa: E402
from termkit.align.terms import TermAlignConfig, align_terms  # noqa: E402
from termkit.bitext import iter_bitext  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", action="store_true", help="list the terms termkit gets wrong")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--single", action="store_true", help="score the terms seen in one pair only")
    args = ap.parse_args()
    t0 = time.perf_counter()
    pairs = list(iter_bitext(src_path=UN_EN, tgt_path=UN_ZH))
    corpus = AlignCorpus.build(pairs)
    if args.single:
        golds = [g for g in gold_set(corpus, read_term_pairs(UNBIS), min_both=1) if g.pairs == 1]
    else:
        golds = gold_set(corpus, read_term_pairs(UNBIS))
    terms = sorted({g.en for g in golds})
    t1 = time.perf_counter()
    base = dice_baseline(corpus, terms)
    print(format_table("plain Dice over jieba n-grams (baseline)", score(golds, base)))
    cfg = TermAlignConfig()
    if args.threshold is not None:
        cfg.threshold = args.threshold
    t2 = time.perf_counter()
    results = align_terms(corpus, [(t, None) for t in terms], cfg)
    t3 = time.perf_counter()
    top = {r.term: (r.best.zh if r.best else None) for r in results}
    print(format_table("termkit align terms", score(golds, top)))
    print(f"\ncorpus {t1 - t0:.1f}s, baseline {t2 - t1:.1f}s, termkit {t3 - t2:.1f}s")
    if args.errors:
        gold = {}
        for g in golds:
            gold.setdefault(g.en, []).append(g)
        for r in results:
            gz = {g.zh for g in gold[r.term]}
            best = r.best
            if best is None or best.zh not in gz:
                got = (
                    ", ".join(
                        f"{c.zh}({c.score:.2f} d{c.dice:.2f} a{c.alignment:.2f} n{c.count})"
                        for c in r.candidates
                    )
                    or r.reason
                )
                g0 = gold[r.term][0]
                print(f"{r.term:40} gold {'/'.join(sorted(gz))} [{g0.both}/{g0.pairs}]  got {got}")


if __name__ == "__main__":
    main()
