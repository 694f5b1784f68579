"""CliRunner tests for `termkit check` and `termkit fmt`: exit codes and exact output."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from termkit.cli.main import cli

from .glossary_fixture import run

GOOD = """\
rain-plan:
  status: approved
  terms:
    en:
      - text: Rain Plan
        status: preferred
    zh-CN:
      - text: 雨露计划
        status: preferred
"""

BAD = """\
rain-plan:
  status: approved
  terms:
    en:
      - text: Rain Plan
        status: preferred
    zh-CN:
      - text: 雨露計劃
        status: preferred
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_check_clean(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "g.yaml", GOOD)
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == "1 file, 1 concept: 0 errors, 0 warnings\n"


def test_check_reports_traditional_chinese_located(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "g.yaml", BAD)
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:8:9: error: Traditional '計劃' in zh-CN term '雨露計劃'; write '雨露计划' [zh-traditional]\n"
    )


def test_check_json_keeps_chinese_readable(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "g.yaml", BAD)
    result = runner.invoke(cli, ["check", "--format", "json", str(path)])
    assert result.exit_code == 1
    assert "雨露計劃" in result.stdout
    rows = json.loads(result.stdout)
    assert rows[0]["rule"] == "zh-traditional"
    assert (rows[0]["line"], rows[0]["column"], rows[0]["concept"]) == (8, 9, "rain-plan")


def test_check_jsonl_and_tsv(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "g.yaml", BAD)
    jsonl = runner.invoke(cli, ["check", "--format", "jsonl", str(path)])
    assert [json.loads(line)["rule"] for line in jsonl.stdout.splitlines()] == ["zh-traditional"]
    tsv = runner.invoke(cli, ["check", "--format", "tsv", str(path)])
    header, row = tsv.stdout.splitlines()
    assert header == "path\tline\tcolumn\tseverity\trule\tmessage\tconcept"
    assert row.split("\t")[1:5] == ["8", "9", "error", "zh-traditional"]


def test_check_sarif(runner: CliRunner, tmp_path: Path) -> None:
    """check writes SARIF as lint does: its rules in the driver, each finding located."""
    from termkit.check import RULES

    path = _write(tmp_path, "g.yaml", BAD)
    result = runner.invoke(cli, ["check", "--format", "sarif", str(path)])
    assert result.exit_code == 1 and result.stderr == ""
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(RULES)
    (res,) = run["results"]
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == "zh-traditional"
    assert res["level"] == "error" and "雨露計劃" in res["message"]["text"]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (8, 9)
    assert res["properties"] == {"concept": "rain-plan", "matched": "雨露計劃"}
    clean = runner.invoke(cli, ["check", "--format", "sarif", str(_write(tmp_path, "ok.yaml", GOOD))])
    assert clean.exit_code == 0 and json.loads(clean.stdout)["runs"][0]["results"] == []


def test_check_syntax_error_is_one_located_line(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "g.yaml", "a:\n  terms: [\n")
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:3:1: error: YAML syntax error")
    assert lines[0].endswith("[syntax]")
    assert "Traceback" not in result.output
    assert result.stderr == "1 file (1 could not be read), 0 concepts: 1 error, 0 warnings\n"
    _write(tmp_path, "ok.yaml", GOOD)
    result = runner.invoke(cli, ["check", str(tmp_path)])
    assert result.stderr == "2 files (1 could not be read), 1 concept: 1 error, 0 warnings\n"


def test_check_missing_path_is_an_error_not_a_traceback(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.stderr == f"termkit: error: {tmp_path / 'nope'}: no such file or folder\n"


def test_check_list_rules(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "--list-rules"])
    assert result.exit_code == 0
    assert "zh-traditional" in result.stdout
    # each line describes what the rule flags, not what a good glossary has
    lines = {line.split()[0]: line.split(maxsplit=2)[1:] for line in result.stdout.splitlines()}
    assert lines["missing-zh"] == [
        "error",
        "An approved concept has no preferred zh-CN term (every approved concept needs one).",
    ]
    assert lines["preferred-count"] == [
        "error",
        "An approved concept has no preferred term in a language, or more than one (it needs exactly one).",
    ]


def test_usage_error_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "--format", "yaml"])
    assert result.exit_code == 2
    result = runner.invoke(cli, ["no-such-command"])
    assert result.exit_code == 2


def test_fmt_rewrites_and_check_mode(runner: CliRunner, tmp_path: Path) -> None:
    messy = "rain-plan:\n  terms:\n    zh-CN: [{text: 雨露计划}]\n    en: [{text: Rain Plan}]\n  status: approved\n"
    path = _write(tmp_path, "g.yaml", messy)
    result = runner.invoke(cli, ["fmt", "--check", str(path)])
    assert result.exit_code == 1
    assert result.stdout == f"{path}\n"
    assert result.stderr == f"would reformat 1 file; to reformat it, run: termkit fmt {path}\n"
    assert path.read_text(encoding="utf-8") == messy
    result = runner.invoke(cli, ["fmt", str(path)])
    assert result.exit_code == 0
    assert result.stderr == "reformatted 1 file\n"
    assert path.read_text(encoding="utf-8") == GOOD
    result = runner.invoke(cli, ["fmt", "--check", str(path)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "would reformat 0 files\n"


@pytest.mark.parametrize(
    ("args", "command"),
    [
        ([], "termkit fmt"),
        (["my glossary"], "termkit fmt 'my glossary'"),
        (["--", "my glossary", "-x.yaml"], "termkit fmt -- 'my glossary' -x.yaml"),
    ],
)
def test_a_failed_fmt_check_says_the_command_that_reformats(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], command: str
) -> None:
    """The paths as given (none: glossary/), quoted for a shell, "--" before a name like an
    option: the command given reformats what --check listed."""

    def messy(name: str) -> str:
        return f"{name}:\n  terms:\n    en: [{{text: {name}}}]\n  status: proposed\n"

    monkeypatch.chdir(tmp_path)
    for folder in ("glossary", "my glossary"):
        (tmp_path / folder).mkdir()
        _write(tmp_path / folder, "g.yaml", messy("rain-plan"))
        _write(tmp_path / folder, "h.yaml", messy("other"))
    _write(tmp_path, "-x.yaml", messy("third"))
    result = runner.invoke(cli, ["fmt", "--check", *args])
    assert result.exit_code == 1
    listed = result.stdout.splitlines()
    assert len(listed) >= 2
    assert result.stderr == f"would reformat {len(listed)} files; to reformat them, run: {command}\n"
    termkit, *given = shlex.split(command)
    assert termkit == "termkit" and runner.invoke(cli, given).exit_code == 0
    assert runner.invoke(cli, ["fmt", "--check", *args]).exit_code == 0


def test_fmt_refuses_broken_file_and_leaves_it(runner: CliRunner, tmp_path: Path) -> None:
    text = "rain-plan:\n  colour: red\n"
    path = _write(tmp_path, "g.yaml", text)
    result = runner.invoke(cli, ["fmt", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"termkit: error: {path}:2:3: unknown field 'colour'")
    assert path.read_text(encoding="utf-8") == text


#: Files that check reports errors in (not reader errors), written out of canonical order.
CHECK_ERRORS = {
    "zh-traditional": ("x:\n  terms:\n    zh-CN:\n      - text: 雨露計劃\n    en:\n      - text: x\n", "4:9"),
    "control-char": (
        'x:\n  terms:\n    zh-CN:\n      - text: "雨露\\u0007计划"\n    en:\n      - text: x\n',
        "4:9",
    ),
    "whitespace": ('x:\n  terms:\n    zh-CN:\n      - text: 雨露计划\n    en:\n      - text: "x "\n', "6:9"),
}


@pytest.mark.parametrize("rule", sorted(CHECK_ERRORS))
@pytest.mark.parametrize("check_only", [False, True])
def test_fmt_refuses_a_file_check_reports_errors_in(
    runner: CliRunner, tmp_path: Path, rule: str, check_only: bool
) -> None:
    """As the docs promise, a file with errors is never rewritten: check's errors too."""
    text, where = CHECK_ERRORS[rule]
    path = _write(tmp_path, "g.yaml", text)
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1 and f"{path}:{where}: error:" in result.stdout
    result = runner.invoke(cli, ["fmt", *(["--check"] if check_only else []), str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"termkit: error: {path}:{where}: ")
    assert f"[{rule}]; not reformatting" in result.stderr and len(result.stderr.splitlines()) == 1
    assert path.read_text(encoding="utf-8") == text


def test_fmt_writes_nothing_when_one_file_has_errors(runner: CliRunner, tmp_path: Path) -> None:
    messy = "rain-plan:\n  terms:\n    zh-CN: [{text: 雨露计划}]\n    en: [{text: Rain Plan}]\n  status: approved\n"
    good = _write(tmp_path, "a.yaml", messy)
    bad = _write(tmp_path, "b.yaml", CHECK_ERRORS["zh-traditional"][0])
    result = runner.invoke(cli, ["fmt", str(tmp_path)])
    assert result.exit_code == 1 and result.stderr.startswith(f"termkit: error: {bad}:4:9: ")
    assert good.read_text(encoding="utf-8") == messy


def test_fmt_rewrites_a_file_with_warnings_only(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "g.yaml", "b:\n  status: proposed\na:\n  status: proposed\n")
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 0 and "[no-terms]" in result.stdout
    result = runner.invoke(cli, ["fmt", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == "a:\n  status: proposed\n\nb:\n  status: proposed\n"


def test_check_a_folder_without_glossary_files_fails(runner: CliRunner, tmp_path: Path) -> None:
    # a mistyped or emptied folder must not pass a CI job
    (tmp_path / "notes.txt").write_text("not a glossary", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"termkit: error: {tmp_path}: no glossary files (*.yaml, *.yml) found; "
        "name a glossary file or a folder that holds them\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["check", "empty"],
        ["fmt", "empty"],
        ["fmt", "--check", "empty"],
        ["lint", "--glossary", "empty", "doc.txt"],
        ["export", "po", "--glossary", "empty", "-o", "out"],
        ["export", "tmx", "--glossary", "empty", "-o", "out"],
        ["export", "tbx", "--glossary", "empty", "-o", "out"],
        ["build", "--glossary", "empty", "--out", "out"],
        ["align", "terms", "bitext.tsv", "--glossary", "empty", "-o", "out"],
        ["align", "pairs", "bitext.tsv", "--glossary", "empty", "-o", "out"],
        ["align", "docs", "doc.txt", "doc.zh.txt", "--glossary", "empty", "-o", "out.tmx"],
        ["extract", "doc.txt", "--lang", "zh", "--glossary", "empty", "-o", "out"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_every_command_refuses_a_glossary_folder_without_glossary_files(
    runner: CliRunner, tmp_path: Path, args: list[str]
) -> None:
    # one message, exit 1 and nothing written, wherever a glossary is read
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not a glossary", encoding="utf-8")
    (tmp_path / "doc.txt").write_text("The Rain Plan started in 2004.\n", encoding="utf-8")
    (tmp_path / "doc.zh.txt").write_text("雨露计划始于2004年。\n", encoding="utf-8")
    (tmp_path / "bitext.tsv").write_text("en\tzh-CN\nThe Rain Plan\t雨露计划\n", encoding="utf-8")
    code, out, err = run(runner, tmp_path, *args)
    assert (code, out) == (1, "")
    assert err == (
        "termkit: error: empty: no glossary files (*.yaml, *.yml) found; "
        "name a glossary file or a folder that holds them\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bitext.tsv", "doc.txt", "doc.zh.txt", "empty"]


def test_an_empty_glossary_folder_may_be_started_by_into_or_import(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "doc.txt").write_text("The Rain Plan helps. The Rain Plan trains.\n", encoding="utf-8")
    # extract uses the default glossary/ even when it is empty, and --into starts it
    code, _out, err = run(runner, tmp_path, "extract", "doc.txt", "--top", "1", "-q")
    assert (code, err) == (0, "")
    into = ["--into", "glossary/proposed.yaml"]
    code, _out, err = run(runner, tmp_path, "extract", "doc.txt", "--glossary", "glossary", *into, "-q")
    assert (code, err) == (0, "")
    assert (tmp_path / "glossary" / "proposed.yaml").is_file()
    (tmp_path / "g2").mkdir()
    (tmp_path / "in.txt").write_text("Rain Plan\t雨露计划\n", encoding="utf-8")
    args = ["import", "in.txt", "--format", "omegat", "--glossary", "g2", "--into", "g2/a.yaml", "-q"]
    code, _out, err = run(runner, tmp_path, *args)
    assert (code, err) == (0, "")
    assert (tmp_path / "g2" / "a.yaml").is_file()


def test_a_file_named_twice_is_checked_and_formatted_once(runner: CliRunner, tmp_path: Path) -> None:
    """`termkit check glossary glossary/a.yaml` reported each concept of a.yaml as a
    duplicate id of itself (exit 1), and fmt refused the glossary for it."""
    folder = tmp_path / "glossary"
    folder.mkdir()
    _write(folder, "a.yaml", GOOD)
    for args in (["check"], ["fmt", "--check"]):
        result = runner.invoke(cli, [*args, str(folder), str(folder / "a.yaml")])
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
    result = runner.invoke(cli, ["check", str(folder / "a.yaml"), str(folder)])
    assert (result.exit_code, result.stderr) == (0, "1 file, 1 concept: 0 errors, 0 warnings\n")
