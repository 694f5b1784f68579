"""Benchmark a cold glossary load (no parse cache): libyaml's fast path against the pure one.

Usage::

    python bench/bench_glossary_load.py                # 10,000 concepts and the bundled glossary, 3 runs
    python bench/bench_glossary_load.py --concepts 2000 --runs 1   # quicker

The large glossary is generated as ``bench/bench_lint.py`` makes its own (about 16,500
concepts, 2 MB, 130,000 lines for ``--concepts 10000``) and written canonically to
bench/out/ (not committed).  Each measurement reads the files in a fresh process with
``TERMKIT_NO_CACHE=1``: "fast" as termkit runs, "pure" with the C extension of
ruamel.yaml patched away (as where ruamel.yaml.clib is not installed).  Shown: wall
and CPU seconds of the read (best of the runs) and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

CHILD = """
import json, resource, sys, time
from termkit import glossary_file
if sys.argv[1] == "pure":
    glossary_file._CParser = None
paths = glossary_file.glossary_paths(sys.argv[2:])
t0, c0 = time.perf_counter(), time.process_time()
concepts = sum(len(glossary_file.read_glossary_file(p).concepts) for p in paths)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
# (VmHWM: ru_maxrss would count the parent's peak, which Linux keeps across exec)
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")]
rss = int(hwm[0].split()[1]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": wall, "cpu": cpu, "rss": rss, "concepts": concepts}))
"""


def make_large(concepts: int) -> Path:
    path = OUT / f"glossary-{concepts}.yaml"
    if not path.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        import bench_lint

        from termkit.glossary_file import GlossaryFile, format_glossary_file

        glossary = bench_lint.make_glossary(concepts)  # type: ignore[attr-defined]
        OUT.mkdir(parents=True, exist_ok=True)
        gfile = GlossaryFile(path=str(path), concepts=glossary.concepts)
        path.write_text(format_glossary_file(gfile), encoding="utf-8")
    return path


def measure(path_kind: str, paths: list[str], runs: int) -> dict[str, float]:
    env = dict(os.environ, TERMKIT_NO_CACHE="1")
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, path_kind, *paths],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout))
    best = min(results, key=lambda r: r["wall"])
    return {
        "wall": best["wall"],
        "cpu": min(r["cpu"] for r in results),
        "rss": max(r["rss"] for r in results),
        "concepts": best["concepts"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concepts", type=int, default=10000, help="size of the generated glossary")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (the best is shown)")
    args = parser.parse_args()
    cases = {
        f"generated ({args.concepts} asked)": [str(make_large(args.concepts))],
        "bundled glossary/": [str(ROOT / "glossary")],
    }
    print(f"{'glossary':32} {'path':5} {'concepts':>8} {'wall s':>8} {'cpu s':>8} {'peak RSS MB':>12}")
    for name, paths in cases.items():
        timings = {}
        for kind in ("fast", "pure"):
            r = timings[kind] = measure(kind, paths, args.runs)
            print(
                f"{name:32} {kind:5} {r['concepts']:>8} {r['wall']:>8.2f} {r['cpu']:>8.2f} {r['rss']:>12.0f}"
            )
        print(f"{'':32} speedup (cpu) {timings['pure']['cpu'] / timings['fast']['cpu']:.1f}x")


if __name__ == "__main__":
    main()
