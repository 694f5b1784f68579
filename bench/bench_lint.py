"""Benchmark ``termkit lint``: text size x glossary size, and a TMX of 1,000,000 units.

Usage::

    python bench/bench_lint.py                 # 10/50/100 MB x 1k, 1k+9k absent, 10k concepts; TMX 1M units
    python bench/bench_lint.py --sizes 10 --concepts 1000 --tmx-units 100000   # quicker

The glossary is generated from the corpora in ../shared: English terms are word
n-grams of the English side (so that they occur in the text, as real terms do),
each with an admitted and a deprecated variant now and then and a Chinese
equivalent taken from the Chinese side.  The text is the English side of the
corpora, shuffled into paragraphs, up to the size asked.  Each measurement runs in
a fresh process (peak RSS is that process's); the time is for linting the file
(read, match, rules; wall clock and CPU time of the process, MB/s from CPU
time), the glossary index build is shown apart.  Generated files go
to bench/out/ (not committed).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
CORPORA = SHARED / "corpora"


def english_lines() -> list[str]:
    lines = (CORPORA / "un-v1.0-dev" / "UNv1.0.devset.en").read_text("utf-8").splitlines()
    lines += (CORPORA / "ntrex128-en-zh" / "newstest2019-src.eng.txt").read_text("utf-8").splitlines()
    for row in (CORPORA / "tatoeba-cmn" / "cmn.txt").read_text("utf-8").splitlines():
        lines.append(row.split("\t")[0])
    return [ln.strip() for ln in lines if ln.strip()]


def chinese_lines() -> list[str]:
    lines = (CORPORA / "un-v1.0-dev" / "UNv1.0.devset.zh").read_text("utf-8").splitlines()
    lines += (CORPORA / "ntrex128-en-zh" / "newstest2019-ref.zho-CN.txt").read_text("utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip()]


def unbis_concepts() -> list[tuple[str, str]]:
    """The real en-zh pairs of the UNBIS thesaurus excerpt (English lower-cased, as running text has it)."""
    rows = (SHARED / "terminology" / "unbis-dev.tsv").read_text("utf-8").splitlines()[1:]
    out = []
    for row in rows:
        en, _, zh = row.partition("\t")
        if en.strip() and zh.strip():
            out.append((en.strip().lower(), zh.strip()))
    return out


def _aligned(en_terms: list[str], zh_terms: list[str]) -> dict[str, str]:
    """For each English term, the Chinese term that co-occurs with it best in un-v1.0-dev (Dice)."""
    from termkit.lint.matcher import TermMatcher, TermRef
    from termkit.model import TermStatus

    en_m = TermMatcher(
        "en", [TermRef(i, str(i), "en", t, TermStatus.PREFERRED) for i, t in enumerate(en_terms)]
    )
    zh_m = TermMatcher(
        "zh-CN", [TermRef(i, str(i), "zh-CN", t, TermStatus.PREFERRED) for i, t in enumerate(zh_terms)]
    )
    en = (CORPORA / "un-v1.0-dev" / "UNv1.0.devset.en").read_text("utf-8").splitlines()
    zh = (CORPORA / "un-v1.0-dev" / "UNv1.0.devset.zh").read_text("utf-8").splitlines()
    en_count: collections.Counter[int] = collections.Counter()
    zh_count: collections.Counter[int] = collections.Counter()
    both: collections.Counter[tuple[int, int]] = collections.Counter()
    for e_hits, z_hits in zip(en_m.find_many(en), zh_m.find_all_many(zh), strict=True):
        e_ids = {h.term.id for h in e_hits}
        z_ids = {h.term.id for h in z_hits}
        en_count.update(e_ids)
        zh_count.update(z_ids)
        both.update((e, z) for e in e_ids for z in z_ids)
    best: dict[int, tuple[float, int]] = {}
    for (e, z), k in both.items():
        if k >= 2 and 2 * k >= en_count[e]:  # together in at least half of the English term's pairs
            dice = 2 * k / (en_count[e] + zh_count[z])
            if dice > best.get(e, (0.0, -1))[0]:
                best[e] = (dice, z)
    return {en_terms[e]: zh_terms[z] for e, (_, z) in best.items()}


def make_glossary(n: int, seed: int = 1) -> object:
    """``n`` concepts: the real UNBIS pairs first, then English n-grams of the corpus (deterministic).

    A generated concept's Chinese term is the compound of two adjacent jieba words
    of the Chinese side that co-occurs best with its English term in un-v1.0-dev
    (a crude alignment, so that the translation check has real work and realistic
    findings); an English term without such a partner stays English-only, and a
    Chinese-only concept takes an unaligned compound instead (so each language
    has about ``n`` terms; the glossary about ``n`` English concepts).
    Now and then a concept also has a deprecated hyphenated English variant and an
    admitted longer one.
    """
    from termkit.model import Concept, Glossary, ReviewStatus, Term, TermStatus

    rng = random.Random(seed)
    counts: collections.Counter[str] = collections.Counter()
    forms: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in english_lines():
        toks = re.findall(r"[A-Za-z]+", line)
        for k in (1, 2, 3, 4):
            for i in range(len(toks) - k + 1):
                gram = toks[i : i + k]
                if len(gram[0]) > 3 and len(gram[-1]) > 3:
                    surface = " ".join(gram)
                    counts[surface.lower()] += 1
                    forms[surface.lower()][surface] += 1
    # Each term written the way the text writes it most often ("United Nations", "human rights").
    grams = [forms[g].most_common(1)[0][0] for g, _ in counts.most_common(20 * n)]
    rng.shuffle(grams)
    import jieba

    jieba.setLogLevel(60)
    # Chinese terms: two adjacent jieba words of the Chinese side (compounds like real terms).
    zh_words = [w for w in jieba.cut("".join(chinese_lines())) if re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    zh_terms = sorted({a + b for a, b in itertools.pairwise(zh_words) if 3 <= len(a + b) <= 8})
    rng.shuffle(zh_terms)
    concepts = []
    used: set[str] = set()
    for j, (en, zh) in enumerate(unbis_concepts()[: n // 3]):
        if en not in used:
            used.add(en)
            terms = {"en": [Term(en, TermStatus.PREFERRED)], "zh-CN": [Term(zh, TermStatus.PREFERRED)]}
            concepts.append(Concept(f"unbis{j:05d}", ReviewStatus.APPROVED, terms=terms))
    chosen = []
    unbis = len(concepts)
    for gram in grams:
        if unbis + len(chosen) >= n:
            break
        if gram.lower() not in used:
            used.add(gram.lower())
            chosen.append(gram)
    partner = _aligned(chosen, zh_terms)
    spare = iter(z for z in zh_terms if z not in set(partner.values()))
    taken: set[str] = set()
    for i, gram in enumerate(chosen):
        zh = partner.get(gram)
        terms = {"en": [Term(gram, TermStatus.PREFERRED)]}
        if zh is None or zh in taken:
            # No aligned partner: a Chinese-only concept of its own takes a compound that
            # no one wrote beside an English term, so the Chinese automaton keeps its size.
            concepts.append(
                Concept(
                    f"z{i:05d}",
                    ReviewStatus.APPROVED,
                    terms={"zh-CN": [Term(next(spare), TermStatus.PREFERRED)]},
                )
            )
        else:
            taken.add(zh)
            terms["zh-CN"] = [Term(zh, TermStatus.PREFERRED)]
        if i % 5 == 0 and " " in gram:
            terms["en"].append(Term(gram.replace(" ", "-", 1), TermStatus.DEPRECATED))
        if i % 7 == 0:
            terms["en"].append(Term(gram + " scheme", TermStatus.ADMITTED))
        concepts.append(Concept(f"c{i:05d}", ReviewStatus.APPROVED, terms=terms))
    return Glossary(concepts)


def make_text(mb: int) -> Path:
    path = OUT / f"text-{mb}mb.txt"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    lines = english_lines()
    rng = random.Random(mb)
    target = mb * 1_000_000
    size = 0
    with path.open("w", encoding="utf-8") as fp:
        while size < target:
            rng.shuffle(lines)
            for i in range(0, len(lines), 5):
                para = " ".join(lines[i : i + 5]) + "\n\n"
                fp.write(para)
                size += len(para.encode("utf-8"))
                if size >= target:
                    break
    return path


def make_tmx(units: int) -> Path:
    from termkit.formats.tmx import TmxWriter
    from termkit.model import Segment, TranslationUnit

    path = OUT / f"memory-{units}.tmx"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    en = (CORPORA / "un-v1.0-dev" / "UNv1.0.devset.en").read_text("utf-8").splitlines()
    zh = (CORPORA / "un-v1.0-dev" / "UNv1.0.devset.zh").read_text("utf-8").splitlines()
    pairs = [(a, b) for a, b in zip(en, zh, strict=True) if a.strip() and b.strip()]
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fp, TmxWriter(fp, srclang="en") as writer:
        for i in range(units):
            a, b = pairs[i % len(pairs)]
            if i >= len(pairs):  # vary the repeats a little: a unit number in both languages
                a, b = f"{a} ({i})", f"{b}（{i}）"
            writer.write(TranslationUnit({"en": Segment(a), "zh-CN": Segment(b)}))
    tmp.replace(path)
    return path


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def absent_concepts(n: int) -> list[object]:
    """``n`` concepts whose terms occur in no text (the automaton grows, the hits do not)."""
    from termkit.model import Concept, ReviewStatus, Term

    rng = random.Random(n)
    out = []
    for i in range(n):
        words = " ".join("".join(rng.choice("qxzjvk") for _ in range(6)) for _ in range(rng.randint(1, 3)))
        zh = "".join(chr(0x9FA0 - rng.randrange(40)) for _ in range(4))  # rare characters
        out.append(
            Concept(f"absent{i:05d}", ReviewStatus.APPROVED, terms={"en": [Term(words)], "zh-CN": [Term(zh)]})
        )
    return out


def run_one(path: Path, spec: str) -> dict[str, float]:
    """Lint one file with a generated glossary, in this process; return the measurements.

    ``spec`` is a concept count, or ``N+M``: N concepts from the corpora and M that occur nowhere.
    """
    from termkit.lint import GlossaryIndex, Linter

    occurring, _, absent = spec.partition("+")
    glossary = make_glossary(int(occurring))
    glossary.concepts.extend(absent_concepts(int(absent or 0)))  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    index = GlossaryIndex.build(glossary)  # type: ignore[arg-type]
    index.matcher("en")
    index.matcher("zh-CN")
    t1 = time.perf_counter()
    c1 = time.process_time()
    diags = Linter(index).lint_file(str(path))
    t2 = time.perf_counter()
    c2 = time.process_time()
    return {
        "index_s": t1 - t0,
        "lint_s": t2 - t1,
        "cpu_s": c2 - c1,
        "findings": len(diags),
        "mb": path.stat().st_size / 1e6,
        "rss_mb": peak_rss_mb(),
    }


def measure(path: Path, concepts: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(path), str(concepts)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,50,100", help="text sizes in MB ('' for none)")
    ap.add_argument(
        "--concepts",
        default="1000,1000+9000,10000",
        help="glossary sizes; N+M: N concepts from the corpora, M occurring nowhere",
    )
    ap.add_argument("--tmx-units", type=int, default=1_000_000, help="0 to skip the TMX run")
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if args.one:
        print(json.dumps(run_one(Path(args.one[0]), args.one[1])))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]  # ("": the TMX run alone)
    concepts = args.concepts.split(",")
    print(
        f"{'text':>8} {'concepts':>9} {'index s':>8} {'lint s':>8} {'CPU s':>8} {'MB/s':>7} {'findings':>9} "
        f"{'peak RSS MB':>12}"
    )
    for mb in sizes:
        path = make_text(mb)
        for n in concepts:
            r = measure(path, n)
            print(
                f"{r['mb']:7.0f}M {n:>9} {r['index_s']:8.2f} {r['lint_s']:8.2f} {r['cpu_s']:8.2f} "
                f"{r['mb'] / r['cpu_s']:7.2f} {int(r['findings']):>9} {r['rss_mb']:12.0f}",
                flush=True,
            )
    if args.tmx_units:
        t0 = time.perf_counter()
        path = make_tmx(args.tmx_units)
        gen = time.perf_counter() - t0
        r = measure(path, concepts[-1])
        print(
            f"\nTMX {args.tmx_units:,} units ({r['mb']:.0f} MB, generated in {gen:.0f} s), "
            f"{concepts[-1]} concepts: lint {r['lint_s']:.1f} s wall, {r['cpu_s']:.1f} s CPU "
            f"({args.tmx_units / r['cpu_s']:,.0f} units/s), {int(r['findings'])} findings, "
            f"peak RSS {r['rss_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
