"""Calibrate the sentence aligner's length model on line-aligned corpora.

    python bench/calibrate_sentences.py

Prints the ratio of Chinese to English characters (white space excluded) and the
variance of ``zh - ratio * en`` per English character (Gale & Church's c and s²)
for UN dev, NTREX, and both pooled; termkit.align.sentences uses the pooled values.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "corpora"

from termkit.align.sentences import length  # noqa: E402

CORPORA = {
    "un-v1.0-dev": (SHARED / "un-v1.0-dev" / "UNv1.0.devset.en", SHARED / "un-v1.0-dev" / "UNv1.0.devset.zh"),
    "ntrex128": (
        SHARED / "ntrex128-en-zh" / "newstest2019-src.eng.txt",
        SHARED / "ntrex128-en-zh" / "newstest2019-ref.zho-CN.txt",
    ),
}


def fit(pairs: list[tuple[int, int]]) -> tuple[float, float]:
    total_e = sum(e for e, _ in pairs)
    c = sum(z for _, z in pairs) / total_e
    s2 = sum((z - c * e) ** 2 for e, z in pairs) / total_e
    return c, s2


def main() -> None:
    pooled: list[tuple[int, int]] = []
    print(f"{'corpus':14} {'pairs':>6} {'c':>7} {'s2':>7}")
    for name, (en_path, zh_path) in CORPORA.items():
        en = en_path.read_text(encoding="utf-8").splitlines()
        zh = zh_path.read_text(encoding="utf-8").splitlines()
        pairs = [(length(e), length(z)) for e, z in zip(en, zh, strict=True) if e.strip() and z.strip()]
        pooled += pairs
        c, s2 = fit(pairs)
        print(f"{name:14} {len(pairs):6} {c:7.3f} {s2:7.3f}")
    c, s2 = fit(pooled)
    print(f"{'pooled':14} {len(pooled):6} {c:7.3f} {s2:7.3f}")


if __name__ == "__main__":
    main()
