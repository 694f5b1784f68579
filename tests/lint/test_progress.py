"""lint's progress bar: on a terminal only (stderr), never with --quiet or when piped,
moved once per batch of pairs by the lines reached in each input."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from termkit.cli import lint as lint_cli
from termkit.cli.main import cli

from termkit.lint import GlossaryIndex, LintOptions, engine, lint_paths

from .conftest import TEST_GLOSSARY

#: 300 pairs: several batches when a batch is 64 pairs.
EN = "".join(f"The Rain Plan trained {n} people.\n" for n in range(300))
ZH = "".join(f"雨露计划培训了{n}人。\n" for n in range(300))
TSV = "".join(f"The Rain Plan trained {n} people.\t雨露计划培训了{n}人。\n" for n in range(300))


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(engine, "BATCH", 64)
    monkeypatch.setattr(lint_cli, "PROGRESS_MIN_BYTES", 0)
    (tmp_path / "doc.en").write_text(EN, encoding="utf-8")
    (tmp_path / "doc.zh").write_text(ZH, encoding="utf-8")
    (tmp_path / "memory.tsv").write_text(TSV, encoding="utf-8")
    (tmp_path / "text.txt").write_text("The Rain Plan works.\n" * 50, encoding="utf-8")
    return tmp_path


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(
        cli, ["lint", "--glossary", str(TEST_GLOSSARY), "doc.en", "doc.zh", "memory.tsv", "text.txt", *args]
    )
    return result.exit_code, result.stdout, result.stderr


def test_no_progress_bar_when_not_a_terminal(runner: CliRunner, work: Path) -> None:
    # CliRunner's stderr is no terminal: the summary only, as before
    code, out, err = run(runner)
    assert "linting" not in err
    assert err.splitlines() == ["3 files: 0 errors, 0 warnings, 0 infos"]  # (the pair is one)
    assert code == 0 and out == ""


def test_a_progress_bar_on_a_terminal_and_none_with_quiet(
    runner: CliRunner, work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = run(runner, "--format", "json")
    monkeypatch.setattr(lint_cli, "show_progress", lambda quiet: not quiet)
    shown = run(runner, "--format", "json")
    assert "linting" in shown[2]
    assert shown[:2] == plain[:2]  # stdout and the exit status are the same
    assert run(runner, "--format", "json", "--quiet") == (plain[0], plain[1], "")


def test_no_progress_bar_for_a_small_input(
    runner: CliRunner, work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lint_cli, "show_progress", lambda quiet: not quiet)
    monkeypatch.setattr(lint_cli, "PROGRESS_MIN_BYTES", 1 << 20)
    assert "linting" not in run(runner)[2]


def test_progress_is_told_per_batch_and_at_the_end_of_each_file(work: Path, index: GlossaryIndex) -> None:
    calls: list[tuple[str, int | None]] = []
    lint_paths(
        ["doc.en", "doc.zh", "memory.tsv", "text.txt"],
        index,
        LintOptions(),
        progress=lambda p, n: calls.append((p, n)),
    )
    by_path: dict[str, list[int | None]] = {}
    for path, line in calls:
        by_path.setdefault(path, []).append(line)
    # the pair of files: the last line of each batch of 64 pairs, in both files
    assert by_path["doc.en"] == [64, 128, 192, 256, 300, None]
    assert by_path["doc.zh"] == [64, 128, 192, 256, 300, None]
    assert by_path["memory.tsv"] == [64, 128, 192, 256, 300, None]
    assert by_path["text.txt"] == [None]  # a text is linted at once


def test_line_progress_steps_add_up_to_the_lines_of_the_inputs() -> None:
    steps: list[int] = []
    bar = lint_cli.LineProgress({"a.tmx": 100, "b.po": 10}, steps.append)
    for path, line in [("a.tmx", 40), ("a.tmx", 30), ("a.tmx", 90), ("<stdin>", 5), ("a.tmx", None)]:
        bar(path, line)
    bar("b.po", 500)  # a line past the count (CR line ends, say) is the end of that file
    bar("b.po", None)
    assert steps == [40, 50, 10, 10]
