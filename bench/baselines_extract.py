"""Baselines for term extraction, scored like termkit: translate-toolkit poterminology and YAKE.

Neither tool is a termkit dependency; install them in the virtualenv to measure:

    .venv/bin/pip install translate-toolkit yake
    python bench/baselines_extract.py [TEXT] [--reference FILE]

poterminology reads PO files: the text is cut into sentences, each a msgid with
its line as the location, in a temporary catalogue.  YAKE ranks n-grams of one
to three words (its default) over the whole text.  Both ranked lists are scored
with termkit.extract.evaluate, the scoring of ``bench/score_extract.py``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from termkit.extract.evaluate import Evaluation, evaluate, read_reference

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_922c992c49411e96.txt"
REFERENCE = ROOT / "tests" / "extract" / "data" / "seed_reference_terms.txt"
SENTENCE = re.compile(r"(?<=[.;!?])\s+")


def sentences(text: str) -> list[tuple[int, str]]:
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        for piece in SENTENCE.split(line.strip()):
            if piece.strip():
                out.append((number, piece.strip()))
    return out


def poterminology(text: str, path: Path, locs_needed: int) -> list[str]:
    """Terms poterminology outputs, in its order (frequency, then dictionary, then length)."""
    import polib

    tool = shutil.which("poterminology") or str(Path(sys.executable).parent / "poterminology")
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = polib.POFile()
        catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        seen: set[str] = set()
        for number, sentence in sentences(text):
            if sentence in seen:
                continue
            seen.add(sentence)
            catalogue.append(polib.POEntry(msgid=sentence, msgstr="", occurrences=[(path.name, str(number))]))
        source = Path(tmp) / "seed.po"
        catalogue.save(str(source))
        target = Path(tmp) / "terms.pot"
        subprocess.run(
            [tool, "--progress=none", "-i", str(source), "-o", str(target), f"--locs-needed={locs_needed}"],
            check=True,
            capture_output=True,
        )
        return [e.msgid for e in polib.pofile(str(target)) if e.msgid]


def yake_terms(text: str, top: int = 1000) -> list[str]:
    import yake

    extractor = yake.KeywordExtractor(lan="en", n=3, top=top)
    return [kw for kw, _ in extractor.extract_keywords(text)]


def report(name: str, ev: Evaluation, total: int) -> None:
    print(
        f"{name:34}{total:>8}{ev.found(100):>7}{ev.capped_recall(100):>9.1%}{ev.recall(100):>9.1%}"
        f"{ev.found(300):>7}{ev.recall(300):>9.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("text", nargs="?", default=str(SEED))
    parser.add_argument("--reference", default=str(REFERENCE))
    args = parser.parse_args()
    path = Path(args.text)
    text = path.read_text(encoding="utf-8")
    reference = read_reference(args.reference)
    print(f"{len(reference)} reference terms; found@k: a ranked term or variant matches after normalisation")
    print(f"{'':34}{'ranked':>8}{'@100':>7}{'/min(k,R)':>9}{'recall':>9}{'@300':>7}{'recall':>9}")
    for locs in (2, 1):
        try:
            terms = poterminology(text, path, locs)
        except (OSError, subprocess.CalledProcessError, ImportError) as exc:
            print(f"poterminology unavailable: {exc}")
            break
        report(f"poterminology (--locs-needed={locs})", evaluate([[t] for t in terms], reference), len(terms))
    try:
        terms = yake_terms(text)
    except ImportError as exc:
        print(f"yake unavailable: {exc}")
    else:
        report("YAKE (n<=3)", evaluate([[t] for t in terms], reference), len(terms))
    from termkit.extract import ExtractOptions, extract

    result = extract([str(path)], ExtractOptions(lang="en"))
    ranked = [[c.term, *c.variants] for c in result.candidates]
    report("termkit extract", evaluate(ranked, reference), len(ranked))


if __name__ == "__main__":
    main()
