"""Standard input is ``<stdin>`` in every message and location, as gcc, Python and
translate-toolkit call it: a ``-`` there reads as a file named ``-``."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from termkit.cli.main import cli

from termkit.textio import STDIN_NAME, shown_path

from ..lint.conftest import TEST_GLOSSARY

BITEXT = "The Rain Plan helps.\t雨露计划有帮助。\nThe Rain Plan works.\t雨露计划有效。\n"


def test_shown_path() -> None:
    assert (shown_path("-"), shown_path("doc.en.txt"), shown_path(Path("a/b.po"))) == (
        STDIN_NAME,
        "doc.en.txt",
        "a/b.po",
    )


def test_lint_names_a_line_aligned_side_on_stdin(runner: CliRunner, tmp_path: Path) -> None:
    # it was "-:2:1: ..." for --src/--tgt -, and "<stdin>:2:1" for 'lint -'
    (tmp_path / "doc.zh.txt").write_text("雨露计划。\n600个村\n", encoding="utf-8")
    args = ["lint", "--glossary", str(TEST_GLOSSARY), "--src", "-", "--tgt", str(tmp_path / "doc.zh.txt")]
    result = runner.invoke(cli, args, input="The Rain Plan.\n660 villages\n")
    assert "<stdin>:2:1: warning: number 660 in the source is not in the target [number-mismatch]" in (
        result.stdout.splitlines()
    )
    assert "-:" not in result.stdout
    result = runner.invoke(cli, args, input="The Rain Plan.\n660 villages\nmore\n")
    assert result.stdout.startswith("<stdin>:3:1: error: 3 lines in <stdin> but 2 in "), result.stdout


def test_align_evidence_and_errors_name_stdin(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "terms.txt").write_text("Rain Plan\n", encoding="utf-8")
    args = ["align", "terms", "-", "--terms", str(tmp_path / "terms.txt"), "--format", "jsonl"]
    result = runner.invoke(cli, args, input=BITEXT)
    assert result.exit_code == 0, result.output
    assert '"examples": ["<stdin>:2", "<stdin>:1"]' in result.stdout
    result = runner.invoke(cli, args, input=BITEXT + "no tab\n")
    assert result.stderr.startswith("termkit: error: <stdin>:3:1: row has no tab"), result.stderr
    (tmp_path / "one.en").write_text("Rain Plan\n", encoding="utf-8")
    result = runner.invoke(
        cli, ["align", "pairs", "--src", "-", "--tgt", str(tmp_path / "one.en")], input="a\nb\n"
    )
    assert result.stderr.startswith("termkit: error: <stdin>:2:1: 2 lines in <stdin> but 1 in "), (
        result.stderr
    )


def test_import_from_stdin_without_format(runner: CliRunner, tmp_path: Path) -> None:
    # it was "-: cannot tell the format from the extension"
    result = runner.invoke(cli, ["import", "-", "--dry-run", "--glossary", str(tmp_path)], input="x\n")
    assert result.exit_code == 2
    assert result.stderr == (
        "termkit: error: <stdin>: standard input has no name to tell the format by; "
        "give --format (tmx, po, tbx, csv, tsv, omegat)\n"
    )
