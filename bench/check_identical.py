"""Check that term extraction gives byte-identical output to a reference checkout.

Runs ``termkit.extract.extract`` in a fresh process for each input, once with this
worktree's code and once with the reference's (``--ref``: a folder holding a
``src/termkit``, e.g. /work/main or a ``git archive`` of the branch point), and
compares the sha256 of the full ranked output: every candidate with term, key,
exact score, frequency, dispersion, variants, locations, parts, signals, length,
expansion, acronym and typos, then the diagnostics and the line and token counts.

    python bench/check_identical.py --ref /work/main
    python bench/check_identical.py --ref /tmp/base --only seed un-en

The inputs: the seed text, the UN dev set (English, and Chinese with lang zh) and
a 20 MB generated English corpus (``bench_extract.build_generated``, seed 20;
built once into --cache); and the English two again with small pruning limits and
batches (``STRESS``), so that pruning and batch boundaries are compared too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MB = 1_000_000


#: name -> (runs held before pruning, candidates held before pruning, lines per batch):
#: small limits, so that pruning and the batch boundaries are exercised
STRESS = {"un-en-pruned": (3_000, 20_000, 7), "gen20-pruned": (30_000, 150_000, 2_000)}


def inputs(cache: Path) -> dict[str, tuple[str, str]]:
    gen = cache / "generated-20mb.txt"
    if not gen.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_extract import build_generated, english_lines

        cache.mkdir(parents=True, exist_ok=True)
        tmp = gen.with_suffix(".tmp")
        build_generated(tmp, english_lines(), 20 * MB, seed=20)
        tmp.rename(gen)
    un = SHARED / "corpora" / "un-v1.0-dev"
    return {
        "seed": (str(SHARED / "seeds" / "000_922c992c49411e96.txt"), "en"),
        "un-en": (str(un / "UNv1.0.devset.en"), "en"),
        "un-zh": (str(un / "UNv1.0.devset.zh"), "zh"),
        "gen20": (str(gen), "en"),
        "un-en-pruned": (str(un / "UNv1.0.devset.en"), "en"),
        "gen20-pruned": (str(gen), "en"),
    }


def child(path: str, lang: str, stress: str) -> None:
    """Print the sha256 of the full extraction output of one input."""
    from dataclasses import asdict

    from termkit.extract import ExtractOptions, english, extract

    options = ExtractOptions(lang=lang)
    if stress:
        runs, candidates, batch = STRESS[stress]
        init = english.EnglishExtractor.__init__
        assert init.__defaults__ is not None
        init.__defaults__ = (*init.__defaults__[:-1], runs)  # prune_at, the last parameter
        english.FLUSH_LINES = batch  # type: ignore[misc]
        options.prune_at = candidates
    start = time.perf_counter()
    result = extract([path], options)
    seconds = time.perf_counter() - start
    digest = hashlib.sha256()
    for cand in result.candidates:
        digest.update(json.dumps(asdict(cand), ensure_ascii=False, sort_keys=True).encode())
        digest.update(b"\n")
    for diag in result.diagnostics:
        digest.update(json.dumps(diag.to_dict(), ensure_ascii=False, sort_keys=True).encode())
    digest.update(json.dumps([result.lang, result.failed, result.lines, result.tokens]).encode())
    print(json.dumps({"sha": digest.hexdigest(), "n": len(result.candidates), "seconds": seconds}))


def run(src: Path, path: str, lang: str, stress: str) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run(
        [sys.executable, __file__, "--child", path, "--lang", lang, "--stress", stress],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd="/tmp",
    ).stdout
    data: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return data


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ref", default="/work/main", help="reference checkout (holds src/termkit)")
    parser.add_argument(
        "--cache", default="/tmp/termkit-check-identical", help="folder for the generated corpus"
    )
    parser.add_argument("--only", nargs="*", help="names of the inputs to check (default: all)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--lang", default="en", help=argparse.SUPPRESS)
    parser.add_argument("--stress", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.lang, args.stress)
        return
    failed = 0
    for name, (path, lang) in inputs(Path(args.cache)).items():
        if args.only and name not in args.only:
            continue
        stress = name if name in STRESS else ""
        new = run(ROOT / "src", path, lang, stress)
        old = run(Path(args.ref) / "src", path, lang, stress)
        same = new["sha"] == old["sha"]
        failed += not same
        print(
            f"{name:8} {'identical' if same else 'DIFFERENT'}  {new['n']} candidates"
            f"  new {new['seconds']:.2f}s  ref {old['seconds']:.2f}s  {str(new['sha'])[:16]}"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
