"""Check that ``termkit lint`` says the same as another version of it, byte for byte.

Usage::

    python bench/compare_lint.py --old main          # a git ref of this repository
    python bench/compare_lint.py --old main --quick  # without the 10 MB text and the TMX

Runs the command line of this tree and of ``--old`` (extracted with ``git archive``
to a temporary folder) on the same inputs, in every output format, and compares
their standard output, standard error (``-q``) and exit status; this tree's twice,
as it cuts a text in blocks and with blocks as small as they can be (a cut at every
place it may cut).  The inputs: the
bench's generated 10 MB text and a TMX of 20,000 units with a generated glossary of
10,000 concepts (``bench/bench_lint.py``; written to ``bench/out/``), the seed text
and the memories of ``../shared/formats`` with the repository's ``glossary/``, and
small texts with terms on both sides of the places a text is cut in blocks.
Prints one line per difference and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
FORMATS = ("text", "json", "jsonl", "tsv", "sarif")

#: Runs ``termkit`` of the tree given first (its src/ and cli/), texts cut in blocks of the
#: size given second ('-': as the tree does), with the rest as arguments.
RUNNER = """
import importlib.util, sys
tree = sys.argv[1]
sys.path.insert(0, tree + "/src")
import termkit
spec = importlib.util.spec_from_file_location(
    "termkit.cli", tree + "/cli/__init__.py", submodule_search_locations=[tree + "/cli"]
)
module = importlib.util.module_from_spec(spec)
sys.modules["termkit.cli"] = module
spec.loader.exec_module(module)
import termkit.lint.engine as engine
if sys.argv[2] != "-" and hasattr(engine, "BLOCK"):
    engine.BLOCK = int(sys.argv[2])  # (a text cut in blocks of about this many characters)
from termkit.cli.main import main
sys.argv = ["termkit", *sys.argv[3:]]
main()
"""


def bench_inputs(quick: bool) -> list[list[str]]:
    """The bench's 10 MB text and a TMX, with its 10,000-concept glossary written to a file."""
    if quick:
        return []
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT / "src"))
    import bench_lint

    from termkit.glossary_file import GlossaryFile, write_glossary_file

    glossary = OUT / "glossary-10000.yaml"
    if not glossary.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        made = bench_lint.make_glossary(10_000)
        write_glossary_file(GlossaryFile(str(glossary), list(made.concepts)))  # type: ignore[attr-defined]
    text = bench_lint.make_text(10)
    tmx = bench_lint.make_tmx(20_000)
    return [["-g", str(glossary), str(text)], ["-g", str(glossary), str(tmx)]]


def edge_texts(folder: Path) -> list[str]:
    """Small texts with glossary terms where a text is cut in blocks (see tests/lint)."""
    cases = {
        "wrapped.txt": "The rain\nplan helps.\n" * 50 + "Rain\n\nPlan and “rain plan”\n\n" * 30,
        "blank.txt": "poverty alleviation\n\n\n\nPoverty-\nalleviation.\r\n\r\nX termkit:\n\nignore\n" * 40,
        "zh.txt": "扶贫\n开发。\n\n扶贫开发\n\n\n救济贫困\n" * 60,
        "spaces.txt": "rain   \n   plan\n \n rain plan\n" * 80,
    }
    paths = []
    for name, text in cases.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def inputs(quick: bool, folder: Path) -> list[list[str]]:
    runs = bench_inputs(quick)
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    runs.append(["-g", str(ROOT / "glossary"), *seeds])
    runs.append(["-g", str(ROOT / "glossary"), "--select", "ALL", *seeds, *edge_texts(folder)])
    memories = sorted(
        str(p) for sub in ("tmx", "po", "xliff") for p in (SHARED / "formats" / sub).glob("*") if p.is_file()
    )
    runs.append(["-g", str(ROOT / "glossary"), "--select", "ALL", *memories])
    return runs


def run(tree: Path, args: list[str], block: str = "-") -> tuple[bytes, bytes, int]:
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, str(tree), block, "lint", "-q", "--fail-on", "never", *args],
        capture_output=True,
        cwd=ROOT,
    )
    return done.stdout, done.stderr, done.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", default="main", help="git ref to compare with [main]")
    ap.add_argument("--quick", action="store_true", help="without the bench's 10 MB text and TMX")
    args = ap.parse_args()
    differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "old"
        old.mkdir()
        archive = subprocess.run(["git", "archive", args.old], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        texts = Path(tmp) / "texts"
        texts.mkdir()
        for case in inputs(args.quick, texts):
            for fmt in FORMATS:
                argv = ["--format", fmt, *case]
                old_out = run(old, argv)
                for block in ("-", "1"):
                    new_out = run(ROOT, argv, block)
                    label = f"{fmt} block={block} {' '.join(Path(a).name for a in case)[:100]}"
                    if new_out != old_out:
                        differ += 1
                        print(f"DIFFER {label}", flush=True)
                    else:
                        print(f"same   {label} ({len(new_out[0]):,} bytes)", flush=True)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
