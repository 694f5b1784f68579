"""Measure ``termkit lint`` on Chinese: every UNBIS Chinese label a forbidden term.

Usage::

    python bench/lint_zh_forbidden.py                       # count, time, by corpus
    python bench/lint_zh_forbidden.py --sample 40 --seed 1  # and 40 findings at random, in context
    python bench/lint_zh_forbidden.py --tree /path/to/other/checkout -o old.jsonl
    python bench/lint_zh_forbidden.py --diff old.jsonl new.jsonl   # findings only one of them has

Each row of ``../shared/terminology/unbis-dev.tsv`` is one concept: its English
label (lower case) preferred, its Chinese label forbidden, so that every occurrence
of a Chinese label in a translation is a ``forbidden-target-term`` finding, and a
finding that is not the term (几内亚 inside 几内亚比绍) is a false positive.  The
translations are the Chinese sides of ``un-v1.0-dev`` and ``ntrex128``, linted as
line-aligned files.  ``--tree`` lints with another checkout's ``src/`` (the
version before a change); ``-o`` writes the findings as JSON lines (corpus, line,
column, matched, and the line with the match in 【】) for ``--diff``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = {
    "un": (SHARED / "corpora/un-v1.0-dev/UNv1.0.devset.en", SHARED / "corpora/un-v1.0-dev/UNv1.0.devset.zh"),
    "ntrex": (
        SHARED / "corpora/ntrex128-en-zh/newstest2019-src.eng.txt",
        SHARED / "corpora/ntrex128-en-zh/newstest2019-ref.zho-CN.txt",
    ),
}


def glossary() -> object:
    """One concept per UNBIS row: the English label preferred, the Chinese label forbidden."""
    from termkit.model import Concept, Glossary, ReviewStatus, Term, TermStatus

    rows = (SHARED / "terminology" / "unbis-dev.tsv").read_text("utf-8").splitlines()[1:]
    concepts = []
    for i, row in enumerate(rows):
        en, _, zh = row.partition("\t")
        if en.strip() and zh.strip():
            terms = {"en": [Term(en.strip().lower())], "zh-CN": [Term(zh.strip(), TermStatus.FORBIDDEN)]}
            concepts.append(Concept(f"u{i:04d}", ReviewStatus.APPROVED, terms=terms))
    return Glossary(concepts)


def run() -> tuple[list[dict[str, object]], float]:
    """The findings over both corpora, and the seconds linting took (the index built apart)."""
    from termkit.lint import GlossaryIndex, Linter, LintOptions

    index = GlossaryIndex.build(glossary())  # type: ignore[arg-type]
    index.matcher("en")
    zh = index.matcher("zh-CN")
    for hit in zh.find("日本政府"):  # (jieba loaded before the clock starts)
        zh.in_longer_word("日本政府", hit)
    linter = Linter(index, LintOptions(select={"forbidden-target-term"}))
    rows: list[dict[str, object]] = []
    elapsed = 0.0
    for name, (src, tgt) in CORPORA.items():
        lines = tgt.read_text("utf-8").split("\n")
        t0 = time.process_time()
        diags = linter.lint_line_aligned(str(src), str(tgt))
        elapsed += time.process_time() - t0
        for d in diags:
            line = lines[d.line - 1]
            col = d.column - 1
            matched = d.matched or ""
            shown = line[:col] + "【" + matched + "】" + line[col + len(matched) :]
            rows.append(
                {"corpus": name, "line": d.line, "column": d.column, "matched": matched, "context": shown}
            )
    return rows, elapsed


def around(row: dict[str, object], width: int = 18) -> str:
    """The match with ``width`` characters of context on each side."""
    text = str(row["context"])
    at = text.index("【")
    end = text.index("】", at)
    return text[max(0, at - width) : end + 1 + width]


def diff(old_path: str, new_path: str) -> None:
    def key(r: dict[str, object]) -> tuple[object, ...]:
        return (r["corpus"], r["line"], r["column"], r["matched"])

    old = {key(r): r for r in map(json.loads, Path(old_path).read_text("utf-8").splitlines())}
    new = {key(r): r for r in map(json.loads, Path(new_path).read_text("utf-8").splitlines())}
    gone = [old[k] for k in old if k not in new]
    came = [new[k] for k in new if k not in old]
    print(f"{len(old)} -> {len(new)} findings: {len(gone)} gone, {len(came)} new")
    for label, rows in (("gone", gone), ("new", came)):
        for r in rows:
            print(f"{label}\t{r['corpus']}:{r['line']}:{r['column']}\t{r['matched']}\t{around(r)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tree", help="lint with this checkout's src/ (default: this one's)")
    ap.add_argument("-o", "--output", help="write the findings here as JSON lines")
    ap.add_argument("--sample", type=int, default=0, help="print this many findings drawn at random")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"), help="compare two -o outputs")
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff)
        return
    sys.path.insert(0, str(Path(args.tree or ROOT) / "src"))
    rows, elapsed = run()
    by = {name: sum(1 for r in rows if r["corpus"] == name) for name in CORPORA}
    print(f"{len(rows)} forbidden-target-term findings ({by}); lint {elapsed:.2f} s CPU")
    if args.output:
        Path(args.output).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    if args.sample:
        for r in random.Random(args.seed).sample(rows, min(args.sample, len(rows))):
            print(f"{r['corpus']}:{r['line']}:{r['column']}\t{r['matched']}\t{around(r)}")


if __name__ == "__main__":
    main()
