"""Defects found by the session-10 audit of ``termkit extract`` (each failed before its fix)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from click.testing import CliRunner
from termkit.cli.main import cli

from termkit.extract.variants import typo_pairs


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["extract", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def records(out: str) -> dict[str, dict]:
    return {r["term"]: r for r in map(json.loads, out.splitlines())}


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The Rain Plan helps.\nThe Rain Plan again.\n", encoding="utf-8")
    same = str(tmp_path / "." / "a.txt")
    code, out, err = run(str(path), same, "--format", "jsonl", "--lang", "en")
    assert code == 0
    assert records(out)["Rain Plan"]["frequency"] == 2
    assert "given again: it is read once" in err


def test_a_very_long_word_is_no_quadratic_typo_search(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("a" * 200_000 + "\n", encoding="utf-8")
    start = time.monotonic()
    code, _, _ = run(str(path), "--lang", "en", "-q")
    assert code == 0
    assert (
        time.monotonic() - start < 8
    )  # 15 s before at this length, minutes at 1 MB: the word's deletions, one by one


def test_nested_quotation_is_no_term_with_quote_marks(tmp_path: Path) -> None:
    path = tmp_path / "q.txt"
    path.write_text("Farmers read “nested ‘quoted “Rain Plan” slogan’ here” today.\n", encoding="utf-8")
    code, out, _ = run(str(path), "--format", "jsonl", "--top", "0", "--lang", "en")
    assert code == 0
    terms = records(out)
    assert "Rain Plan" in terms
    assert not [t for t in terms if any(m in t for m in '“”"')]


def test_full_width_latin_is_the_same_word(tmp_path: Path) -> None:
    path = tmp_path / "fw.txt"
    path.write_text(
        "The Rain Plan trains farmers.\nThe ＲＡＩＮ ＰＬＡＮ trains farmers.\n", encoding="utf-8"
    )
    code, out, _ = run(str(path), "--format", "jsonl", "--top", "0", "--lang", "en")
    assert code == 0
    terms = records(out)
    plan = next(r for r in terms.values() if "Rain Plan" in r["variants"])
    assert plan["frequency"] == 2
    assert not [t for t in terms if any("\uff01" <= ch <= "\uff5e" for ch in t)]


def test_underscores_make_one_space(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    path.write_text("This is en__zh example one.\nThis is en__zh example two.\n", encoding="utf-8")
    code, out, _ = run(str(path), "--format", "jsonl", "--top", "0", "--lang", "en")
    assert code == 0
    assert not [t for t in records(out) if "  " in t]


def test_an_english_word_is_no_typo_of_a_commoner_non_word() -> None:
    groups = {
        "hammel": ("hammel",),
        "hammer": ("hammer",),
        "programing": ("programing",),
        "programming": ("programming",),
    }
    weight = {"hammel": 5.0, "hammer": 1.0, "programing": 1.0, "programming": 5.0}
    assert typo_pairs(groups, weight) == [("programing", "programming")]
