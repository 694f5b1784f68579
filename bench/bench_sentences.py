"""Sentence alignment accuracy on NTREX-128 documents, and speed on a long document.

    python bench/bench_sentences.py

Each NTREX document (DOCUMENT_IDS.tsv) is rebuilt from its line-aligned sentences,
joined into paragraphs (sizes 3,1,4,2,5 lines, cycled; and once as a single
paragraph per document), then split and re-aligned by termkit; see
termkit.align.sentence_eval for the metric.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
NTREX = ROOT.parent / "shared" / "corpora" / "ntrex128-en-zh"
UN = ROOT.parent / "shared" / "corpora" / "un-v1.0-dev"

from termkit.align.sentence_eval import AlignmentScore, score_alignment  # noqa: E402
from termkit.align.sentences import align_documents  # noqa: E402


def ntrex_documents() -> list[tuple[str, list[str], list[str]]]:
    en = (NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    zh = (NTREX / "newstest2019-ref.zho-CN.txt").read_text(encoding="utf-8").splitlines()
    ids = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, tuple[list[str], list[str]]] = {}
    order: list[str] = []
    for doc, e, z in zip(ids, en, zh, strict=True):
        doc = doc.split("\t")[0].strip()
        if doc not in docs:
            docs[doc] = ([], [])
            order.append(doc)
        docs[doc][0].append(e.strip())
        docs[doc][1].append(z.strip())
    return [(d, docs[d][0], docs[d][1]) for d in order]


def main() -> None:
    docs = ntrex_documents()
    print(f"{'layout':28} {'docs':>5} {'lines':>6} {'links':>6} {'link precision':>15} {'line recall':>12}")
    for name, sizes in (
        ("paragraphs of 3,1,4,2,5", [3, 1, 4, 2, 5]),
        ("headings + one body paragraph", [10**6]),
    ):
        total = AlignmentScore(0, 0, 0, 0)
        for _, en, zh in docs:
            sc, _ = score_alignment(en, zh, sizes)
            total = total + sc
        print(
            f"{name:28} {len(docs):5} {total.lines:6} {total.links:6} "
            f"{total.precision:15.1%} {total.recall:12.1%}"
        )
    # Speed: a 5,000-sentence document pair from UN dev (one paragraph per 5 lines).
    en = (UN / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh = (UN / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    nt_en = (NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    nt_zh = (NTREX / "newstest2019-ref.zho-CN.txt").read_text(encoding="utf-8").splitlines()
    big_en = (en + nt_en)[:5000]
    big_zh = (zh + nt_zh)[:5000]
    for label, joiner_en, joiner_zh in (
        ("5,000 lines, one paragraph per line", "\n", "\n"),
        ("5,000 lines, no paragraph marks", " ", ""),
    ):
        t = time.perf_counter()
        links = align_documents(joiner_en.join(big_en), joiner_zh.join(big_zh))
        dt = time.perf_counter() - t
        print(f"{label:40} {len(links):6} links {dt:6.1f} s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
