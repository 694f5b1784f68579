"""Speed and memory of term alignment (and of document alignment).

    python bench/bench_align.py [--sizes 25000,50000,100000] [--terms 1000]

Builds a bitext from ../shared/corpora (UN dev, NTREX and Tatoeba shuffled
together with a fixed seed, repeated until it is large enough) in a temporary
folder, takes the 1,000 most frequent English term candidates of the corpus
(the extractor's, termkit.align.pairs.english_candidates: every one occurs, the
frequent ones are the expensive ones), and times each stage of ``align terms`` for each corpus
size, each in a fresh process (so that peak RSS is per size).  Then times the
alignment of a 5,000-sentence document pair.

Note: the corpus repeats its 35,152 distinct pairs, and the segmenter caches
each distinct Chinese sentence, so jieba runs 35k times, not 100k; every other
stage works on all pairs.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT / "src"))


def source_pairs() -> list[tuple[str, str]]:
    def lines(p: Path) -> list[str]:
        return p.read_text(encoding="utf-8-sig").splitlines()

    un = list(
        zip(
            lines(SHARED / "un-v1.0-dev" / "UNv1.0.devset.en"),
            lines(SHARED / "un-v1.0-dev" / "UNv1.0.devset.zh"),
            strict=True,
        )
    )
    nt = list(
        zip(
            lines(SHARED / "ntrex128-en-zh" / "newstest2019-src.eng.txt"),
            lines(SHARED / "ntrex128-en-zh" / "newstest2019-ref.zho-CN.txt"),
            strict=True,
        )
    )
    tat = [tuple(line.split("\t")[:2]) for line in lines(SHARED / "tatoeba-cmn" / "cmn.txt") if "\t" in line]
    pairs = [(e.replace("\t", " "), z.replace("\t", " ")) for e, z in un + nt + tat]  # type: ignore[misc]
    random.Random(4).shuffle(pairs)
    return pairs


def make_bitext(folder: Path, size: int) -> Path:
    pairs = source_pairs()
    out = folder / f"bitext-{size}.tsv"
    rows = [pairs[k % len(pairs)] for k in range(size)]
    out.write_text("".join(f"{e}\t{z}\n" for e, z in rows), encoding="utf-8")
    return out


def run_one(path: str, n_terms: int) -> dict[str, float]:
    from termkit.align.corpus import AlignCorpus
    from termkit.align.ibm import WordAligner
    from termkit.align.pairs import english_candidates
    from termkit.align.terms import align_terms
    from termkit.align.tokens import Segmenter
    from termkit.bitext import iter_bitext

    t0 = time.perf_counter()
    pairs = list(iter_bitext(path))
    t1 = time.perf_counter()
    corpus = AlignCorpus.build(pairs, Segmenter())
    t2 = time.perf_counter()
    # the most frequent of the extractor's candidates: the frequent ones are the expensive ones
    ranked = english_candidates((p.src for p in pairs), limit=len(pairs))
    ranked.sort(key=lambda c: (-c.frequency, c.term))
    terms = [c.term for c in ranked[:n_terms]]
    t3 = time.perf_counter()
    aligner = WordAligner(corpus)
    t4 = time.perf_counter()
    results = align_terms(corpus, [(t, None) for t in terms], aligner=aligner)
    t5 = time.perf_counter()
    return {
        "pairs": len(corpus),
        "terms": len(terms),
        "found": sum(1 for r in results if r.candidates),
        "read": t1 - t0,
        "segment+index": t2 - t1,
        "term list": t3 - t2,
        "train": t4 - t3,
        "align terms": t5 - t4,
        "total": (t2 - t0) + (t5 - t3),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def docs_bench() -> tuple[int, float, float]:
    from termkit.align.sentences import align_documents

    un_en = (SHARED / "un-v1.0-dev" / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    un_zh = (SHARED / "un-v1.0-dev" / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    nt_en = (SHARED / "ntrex128-en-zh" / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    nt_zh = (
        (SHARED / "ntrex128-en-zh" / "newstest2019-ref.zho-CN.txt").read_text(encoding="utf-8").splitlines()
    )
    en, zh = (un_en + nt_en)[:5000], (un_zh + nt_zh)[:5000]
    t = time.perf_counter()
    links = align_documents("\n".join(en), "\n".join(zh))
    lines_s = time.perf_counter() - t
    t = time.perf_counter()
    align_documents(" ".join(en), "".join(zh))
    flat_s = time.perf_counter() - t
    return len(links), lines_s, flat_s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="25000,50000,100000")
    ap.add_argument("--terms", type=int, default=1000)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.terms)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="termkit-bench-") as tmp:
        rows = []
        for size in sizes:
            path = make_bitext(Path(tmp), size)
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(path), "--terms", str(args.terms)],
                check=True,
                capture_output=True,
                text=True,
            )
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    cols = ["pairs", "terms", "found", "read", "segment+index", "train", "align terms", "total", "rss_mb"]
    print("term alignment (seconds; peak RSS in MB; 'total' leaves out building the term list)")
    print(" ".join(f"{c:>13}" for c in cols))
    for r in rows:
        print(
            " ".join(
                f"{r[c]:13.0f}" if c in ("pairs", "terms", "found", "rss_mb") else f"{r[c]:13.1f}"
                for c in cols
            )
        )
    n, lines_s, flat_s = docs_bench()
    print(
        f"\ndocument alignment, 5,000 lines: {lines_s:.1f} s with one paragraph per line ({n} links), "
        f"{flat_s:.1f} s with no paragraph marks"
    )
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
