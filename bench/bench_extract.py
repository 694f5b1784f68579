"""Benchmark term extraction: English MB/s and peak RSS at several corpus sizes; Chinese vs jieba.

Builds English corpora of 5, 20 and 50 MB (default) in a temporary folder from
the English sides of ../shared/corpora (UN dev set, NTREX-128, Tatoeba): repeated
as they are, and as new sentences generated from them (``--modes``; see
``build_generated``),
runs ``termkit.extract.extract`` on each in a fresh process (so that peak RSS is
that run's own), and prints a table.  Then times jieba's own segmentation of the
Chinese sides against the Chinese extractor over the same text.

    python bench/bench_extract.py            # 5, 20, 50 MB
    python bench/bench_extract.py --sizes 5 --zh-mb 1 --modes generated
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
MB = 1_000_000


def english_lines() -> list[str]:
    lines = (CORPORA / "un-v1.0-dev" / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    ntrex = CORPORA / "ntrex128-en-zh"
    lines += (ntrex / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    for row in (CORPORA / "tatoeba-cmn" / "cmn.txt").read_text(encoding="utf-8").splitlines():
        lines.append(row.split("\t", 1)[0])
    return [x for x in lines if x.strip()]


def chinese_lines() -> list[str]:
    lines = (CORPORA / "un-v1.0-dev" / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    ntrex = CORPORA / "ntrex128-en-zh"
    lines += (ntrex / "newstest2019-ref.zho-CN.txt").read_text(encoding="utf-8").splitlines()
    for row in (CORPORA / "tatoeba-cmn" / "cmn.txt").read_text(encoding="utf-8").splitlines():
        parts = row.split("\t")
        if len(parts) > 1:
            lines.append(parts[1])
    return [x for x in lines if x.strip()]


def build(path: Path, lines: list[str], size: int, distinct: bool = False) -> None:
    """Write ``lines`` over and over until the file holds ``size`` bytes.

    ``distinct``: every repetition numbers its lines differently ("(2)"), so that
    no line repeats exactly (the same words, but no parse can be reused).
    """
    with path.open("wb") as fp:
        written = 0
        round_ = 0
        while written < size:
            round_ += 1
            suffix = f" ({round_})" if distinct and round_ > 1 else ""
            block = "".join(x + suffix + "\n" for x in lines).encode("utf-8")
            piece = block[: size - written]
            if len(piece) < len(block):  # the last piece ends at a line end (no cut character)
                piece = piece[: piece.rfind(b"\n") + 1]
                if not piece:
                    break
            fp.write(piece)
            written += len(piece)


def build_generated(path: Path, lines: list[str], size: int, seed: int = 1) -> float:
    """Write ``size`` bytes of new English sentences: a word-trigram chain over ``lines``.

    Real text of 50 MB does not repeat itself line by line, and the corpora hold
    only about 2 MB of English: repeating them flatters the extractor (a parsed
    line is cached, a run is counted once).  The chain writes sentences that
    mostly never occur in the corpora, with their words and phrases; no line is
    written twice.  Returns the share of generated lines dropped as repeats.
    """
    import random
    from collections import defaultdict

    follow: dict[tuple[str, str], list[str]] = defaultdict(list)
    for line in lines:
        words = ["", "", *line.split(), "\n"]
        for i in range(2, len(words)):
            follow[(words[i - 2], words[i - 1])].append(words[i])
    rng = random.Random(seed)
    written = 0
    seen: set[int] = set()
    repeats = total = 0
    with path.open("w", encoding="utf-8") as fp:
        while written < size:
            a, b, out = "", "", []
            while len(out) < 80:
                c = rng.choice(follow[(a, b)])
                if c == "\n":
                    break
                out.append(c)
                a, b = b, c
            text = " ".join(out) + "\n"
            h = hash(text)
            total += 1
            if h in seen:  # a short sentence the chain can only write one way
                repeats += 1
                continue
            seen.add(h)
            fp.write(text)
            written += len(text.encode("utf-8"))
    return repeats / total if total else 0.0


def machine_index() -> float:
    """CPU seconds of a fixed pure-Python loop (dictionary counting and string
    splitting, the extractor's kind of work), best of three: lower is faster.

    This VM's speed drifts by a factor of two from one hour to the next; printed
    before and after the English runs, the index says which state the numbers
    were measured in, and lets runs on other machines be compared.
    """
    words = [f"w{i % 5000}" for i in range(200_000)]
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        counts: dict[str, int] = {}
        for _ in range(5):
            for w in words:
                counts[w] = counts.get(w, 0) + 1
            " ".join(words).split()
        best = min(best, time.process_time() - start)
    return best


def run_one(path: str, lang: str) -> None:
    """Child process: extract one file and print JSON with time and peak RSS."""
    from termkit.extract import ExtractOptions, extract

    start = time.perf_counter()
    cpu = time.process_time()
    result = extract([path], ExtractOptions(lang=lang))
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": cpu,
                "rss": rss,
                "candidates": len(result.candidates),
                "lines": result.lines,
            }
        )
    )


def measure(path: Path, lang: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path), "--lang", lang],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return data


def bench_chinese(folder: Path, size: int, repeat: int = 3, block: int = 500) -> None:
    """Time jieba's segmentation alone and the Chinese extractor on the same text.

    This VM's speed drifts by a factor of two within a minute, so the two are
    interleaved finely (the extractor fed as ``termkit.extract`` feeds it: blocks of
    lines, the garbage collector off; jieba as a user runs it): one block of ``block``
    lines is segmented by jieba alone,
    then another fed to the extractor (jieba goes through the blocks from the end,
    the extractor from the start), and the times are summed apart; the ratio of
    each of ``repeat`` passes (a fresh extractor each) is printed, and the median kept.
    """
    from termkit.extract.candidates import Counts
    from termkit.extract.chinese import ChineseExtractor
    from termkit.extract.scoring import rank

    path = folder / "zh.txt"
    build(path, chinese_lines(), size)
    size = path.stat().st_size
    lines = path.read_text(encoding="utf-8").splitlines()
    rows: list[tuple[float, float, float]] = []
    ranked: list[object] = []
    clock = time.perf_counter
    for _ in range(repeat):
        extractor = ChineseExtractor(Counts())
        extractor.counts.add_source(str(path))
        tokenizer = extractor.tokenizer
        # jieba's dictionary and tag table load outside the timings (a throwaway
        # extractor's first line loads both; the tokenizer is shared)
        ChineseExtractor(Counts()).add_line("预热", 0, 1)
        jieba_s = count_s = 0.0
        starts = list(range(0, len(lines), block))
        # step k: jieba alone on the k-th block from the end, the extractor on the k-th
        # block (never the text jieba has just segmented: no warm caches for it)
        for at, back in zip(starts, reversed(starts), strict=True):
            start = clock()
            for line in lines[back : back + block]:
                for _ in tokenizer.cut(line, HMM=True):
                    pass
            middle = clock()
            gc.disable()  # as termkit.extract runs (its counters make no cycles)
            part = lines[at : at + block]
            extractor.add_lines(part, 0, range(at + 1, at + 1 + len(part)))
            gc.enable()
            jieba_s += middle - start
            count_s += clock() - middle
        gc.disable()
        start = clock()
        ranked = list(rank(extractor.counts, lang="zh"))
        rows.append((jieba_s, count_s, clock() - start))
        gc.enable()
    mb = size / MB
    print()
    print(
        f"Chinese, {mb:.1f} MB ({len(lines)} lines, {len(ranked)} candidates); jieba and extractor interleaved"
    )
    print(f"{'pass':>4}{'jieba s':>9}{'MB/s':>7}{'extract s':>11}{'+rank s':>9}{'MB/s':>7}{'ratio':>7}")
    ratios = []
    for i, (jieba_s, count_s, rank_s) in enumerate(rows, 1):
        total = count_s + rank_s
        ratios.append(total / jieba_s)
        print(
            f"{i:4}{jieba_s:9.2f}{mb / jieba_s:7.2f}{count_s:11.2f}{rank_s:9.2f}{mb / total:7.2f}{ratios[-1]:7.2f}"
        )
    ratios.sort()
    print(
        f"ratio extractor (segment + count + rank) / jieba: median {ratios[len(ratios) // 2]:.2f} (target <= 2)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="5,20,50", help="English corpus sizes in MB")
    parser.add_argument(
        "--modes",
        default="repeated,generated",
        help="English corpora: repeated, numbered, generated (comma-separated)",
    )
    parser.add_argument("--zh-mb", type=float, default=2.0, help="Chinese corpus size in MB (0: skip)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--lang", default="en", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(args.child, args.lang)
        return
    with tempfile.TemporaryDirectory(prefix="termkit-bench-") as tmp:
        folder = Path(tmp)
        lines = english_lines()
        print(f"machine index: {machine_index():.3f} s (a fixed pure-Python loop; lower is faster)")
        print("English extraction (one core; a fresh process per size; MB/s by wall clock and by CPU time)")
        print(
            f"{'MB':>6}{'wall s':>9}{'MB/s':>8}{'CPU s':>9}{'MB/s':>8}{'peak RSS MB':>13}{'candidates':>12}"
        )
        sizes = [float(s) for s in args.sizes.split(",") if s]
        modes = [m for m in args.modes.split(",") if m]
        titles = {
            "repeated": "the corpora repeated (a parsed line is cached: flatters the extractor)",
            "numbered": "the corpora repeated, each repetition numbering its lines (no line repeats"
            " exactly, but the same runs do)",
            "generated": "new sentences from a word-trigram chain over the corpora (honest: no"
            " cache or repeated run helps much)",
        }
        for mode in modes:
            print(titles[mode])
            cpu_by_size: dict[float, float] = {}
            for size_mb in sizes:
                path = folder / f"en-{size_mb:g}.txt"
                note = ""
                if mode == "generated":
                    share = build_generated(path, lines, int(size_mb * MB), seed=int(size_mb))
                    note = f"  (no line repeats; {share:.0%} of generated lines dropped)"
                else:
                    build(path, lines, int(size_mb * MB), mode == "numbered")
                r = measure(path, "en")
                print(
                    f"{size_mb:6g}{r['seconds']:9.2f}{size_mb / r['seconds']:8.2f}{r['cpu']:9.2f}"
                    f"{size_mb / r['cpu']:8.2f}{r['rss'] / MB:13.0f}{int(r['candidates']):12d}{note}"
                )
                cpu_by_size[size_mb] = r["cpu"]
                os.unlink(path)
            if len(cpu_by_size) >= 2:
                # the per-MB rate without the fixed costs (wordfreq load, ranking), from
                # the smallest and largest runs: an explanation of the table, not the target
                small, large = min(cpu_by_size), max(cpu_by_size)
                extra = cpu_by_size[large] - cpu_by_size[small]
                if extra > 0:
                    rate = (large - small) / extra
                    fixed = cpu_by_size[small] - small / rate
                    print(
                        f"{'':6}marginal {rate:.2f} MB/s CPU between {small:g} and {large:g} MB;"
                        f" fixed cost about {fixed:.1f} s CPU"
                    )
        if args.zh_mb:
            bench_chinese(folder, int(args.zh_mb * MB))
        print(f"machine index: {machine_index():.3f} s (again, at the end)")


if __name__ == "__main__":
    main()
