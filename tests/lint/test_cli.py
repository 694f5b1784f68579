"""``termkit lint`` end to end: inputs, options, formats, exit codes, configuration, bad input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from click.testing import CliRunner
from termkit.cli.main import cli

from termkit.lint import all_rules

from .conftest import TEST_GLOSSARY

DOC = "The Rain Plan works.\nWhole village advancement is banned.\nThe rain plan again.\n"
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t"
 adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>The Rain Plan trained 50,700 people.</seg></tuv>
<tuv xml:lang="zh-CN"><seg>雨露计划培训了5.07万人。</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Poverty alleviation funds.</seg></tuv>
<tuv xml:lang="zh-CN"><seg>济贫资金。</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The Rain Plan.</seg></tuv><tuv xml:lang="zh-CN"><seg>培训计划。</seg></tuv>
<note>termkit: ignore[key-term-missing]</note></tu>
</body></tmx>
"""
PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: zh_CN\\n"

msgid "The Rain Plan"
msgstr "培训计划"

msgid "660 villages"
msgstr "600个村"

# termkit: ignore[number-mismatch]
msgid "550 villages"
msgstr "500个村"
"""
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="en" target-language="zh-CN" datatype="plaintext"><body>
<trans-unit id="1"><source>Whole village advancement</source><target>济贫</target></trans-unit>
</body></file></xliff>
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    return tmp_path


def lint(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["lint", "--glossary", str(TEST_GLOSSARY), *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_output_and_summary(runner: CliRunner, work: Path) -> None:
    code, out, err = lint(runner, "doc.txt")
    assert code == 1
    assert out == (
        'doc.txt:2:1: error: forbidden term "Whole village advancement" for concept entire-village-advancement; '
        'use "entire village advancement" [deprecated-term]\n'
        'doc.txt:3:5: warning: "rain plan" is written "Rain Plan" in the glossary (concept rain-plan) [term-case]\n'
    )
    assert err == "1 file: 1 error, 1 warning, 0 infos\n"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "tsv", "sarif"])
def test_machine_formats_leave_stderr_to_errors_and_warnings(runner: CliRunner, work: Path, fmt: str) -> None:
    """The summary is for a person reading the text format: as check, extract and
    align, a machine format prints none (it printed "1 file: 1 error, ..." on stderr)."""
    code, out, err = lint(runner, "--format", fmt, "doc.txt")
    assert (code, err) == (1, "") and out
    code, _out, err = lint(runner, "--format", fmt, "doc.txt", "-o", str(work / f"out.{fmt}"))
    assert (code, err) == (1, "")
    # a warning is no summary: it still shows (a line-aligned pair of unequal lengths)
    (work / "two.en.txt").write_text("a\nb\n", encoding="utf-8")
    (work / "two.zh.txt").write_text("甲\n", encoding="utf-8")
    _code, _out, err = lint(runner, "--format", fmt, "two.en.txt", "two.zh.txt")
    assert err.startswith("termkit: warning: two.en.txt (2 lines) and two.zh.txt (1 line) are linted as two")


def test_json_and_jsonl_fields(runner: CliRunner, work: Path) -> None:
    code, out, _ = lint(runner, "--format", "json", "doc.txt")
    rows = json.loads(out)
    assert code == 1 and len(rows) == 2
    assert rows[0] == {
        "path": "doc.txt",
        "line": 2,
        "column": 1,
        "severity": "error",
        "rule": "deprecated-term",
        "message": 'forbidden term "Whole village advancement" for concept entire-village-advancement; '
        'use "entire village advancement"',
        "concept": "entire-village-advancement",
        "matched": "Whole village advancement",
        "expected": "entire village advancement",
    }
    _, out_l, _ = lint(runner, "--format", "jsonl", "doc.txt")
    assert [json.loads(line) for line in out_l.splitlines()] == rows


def test_tsv_output_has_check_s_columns(runner: CliRunner, work: Path) -> None:
    """--format tsv, shared by every listing command: path, line, column, severity, rule, message, concept."""
    code, out, err = lint(runner, "--format", "tsv", "doc.txt")
    assert (code, err) == (1, "")
    header, *rows = out.splitlines()
    assert header == "path\tline\tcolumn\tseverity\trule\tmessage\tconcept"
    assert [r.split("\t")[:5] for r in rows] == [
        ["doc.txt", "2", "1", "error", "deprecated-term"],
        ["doc.txt", "3", "5", "warning", "term-case"],
    ]
    code, out, _ = lint(runner, "--list-rules", "--format", "tsv")
    assert code == 0 and out.splitlines()[0] == "rule\tseverity\tscope\tdescription"


def test_chinese_output_is_readable(runner: CliRunner, work: Path) -> None:
    (work / "zh.txt").write_text("实施济贫工作。\n", encoding="utf-8")
    code, out, _ = lint(runner, "--format", "jsonl", "zh.txt")
    assert code == 1
    assert '"matched": "济贫"' in out and '"expected": "扶贫"' in out


def test_sarif_uri_of_an_absolute_path_is_a_file_uri(runner: CliRunner, work: Path) -> None:
    """SARIF 2.1.0 (3.4.3, 3.10): artifactLocation.uri is a URI, or a relative reference:
    an absolute path is a file:// URI, percent-encoded (spaces, Chinese file names); a
    relative path stays relative, encoded."""
    folder = work / "用户 文档"
    folder.mkdir()
    (folder / "说明 1.txt").write_text(DOC, encoding="utf-8")
    absolute = str(folder / "说明 1.txt")
    code, out, _ = lint(runner, "--format", "sarif", absolute, "用户 文档/说明 1.txt")
    assert code == 1
    uris = {
        res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for res in json.loads(out)["runs"][0]["results"]
    }
    encoded = "%E7%94%A8%E6%88%B7%20%E6%96%87%E6%A1%A3/%E8%AF%B4%E6%98%8E%201.txt"
    assert uris == {(work / "x").as_uri()[: -len("x")] + encoded, encoded}


def test_sarif_relative_paths_are_relative_to_srcroot(runner: CliRunner, work: Path) -> None:
    """SARIF 2.1.0 (3.4.4, 3.14.14): a relative reference names its base, %SRCROOT% (what
    GitHub code scanning and CodeQL use), and run.originalUriBaseIds gives the base as an
    absolute URI ending in "/": the directory termkit ran in, so that each relative uri
    resolves to the file read.  An absolute path's file:// URI takes no base."""
    from urllib.parse import urljoin

    folder = work / "用户 文档"
    folder.mkdir()
    (folder / "说明 1.txt").write_text(DOC, encoding="utf-8")
    absolute = str(folder / "说明 1.txt")
    code, out, _ = lint(runner, "--format", "sarif", absolute, "用户 文档/说明 1.txt")
    assert code == 1
    (run,) = json.loads(out)["runs"]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == work.as_uri() + "/"
    locations = [res["locations"][0]["physicalLocation"]["artifactLocation"] for res in run["results"]]
    assert {loc.get("uriBaseId") for loc in locations} == {None, "%SRCROOT%"}
    resolved = {urljoin(base, loc["uri"]) if "uriBaseId" in loc else loc["uri"] for loc in locations}
    assert resolved == {Path(absolute).as_uri()}


def test_sarif_structure(runner: CliRunner, work: Path) -> None:
    (work / "bad.txt").write_bytes(b"ok\n\xff\xfe bad")
    code, out, _ = lint(runner, "--format", "sarif", "doc.txt", "bad.txt")
    assert code == 1
    log = json.loads(out)
    # SARIF 2.1.0 required properties (sarif-schema-2.1.0.json): sarifLog.version and runs;
    # run.tool.driver.name; result.message.text; reportingDescriptor.id; region lines >= 1.
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "termkit" and isinstance(driver["version"], str)
    ids = [r["id"] for r in driver["rules"]]
    assert ids == [r.id for r in all_rules()]
    for r in driver["rules"]:
        assert r["shortDescription"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["columnKind"] == "unicodeCodePoints"
    levels = {"error", "warning", "note", "none"}
    for res in run["results"]:
        assert res["level"] in levels and res["message"]["text"]
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        (loc,) = res["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uri"] in ("doc.txt", "bad.txt")
        assert phys["region"]["startLine"] >= 1 and phys["region"]["startColumn"] >= 1
        assert len(res["partialFingerprints"]["termkitFinding/v1"]) == 32
    assert [r["ruleId"] for r in run["results"]] == ["deprecated-term", "term-case", "input-error"]
    (inv,) = run["invocations"]
    assert inv["executionSuccessful"] is False
    assert (
        inv["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    )
    # Deterministic: the same input gives the same bytes.
    assert lint(runner, "--format", "sarif", "doc.txt", "bad.txt")[1] == out


def test_select_ignore_and_fail_on(runner: CliRunner, work: Path) -> None:
    assert lint(runner, "--select", "term-case", "doc.txt")[1].count("[term-case]") == 1
    code, out, _ = lint(runner, "--ignore", "deprecated-term,term-case", "doc.txt")
    assert (code, out) == (0, "")
    assert lint(runner, "--select", "term-case", "--fail-on", "error", "doc.txt")[0] == 0
    assert lint(runner, "--fail-on", "error", "doc.txt")[0] == 1
    assert lint(runner, "--fail-on", "never", "doc.txt")[0] == 0
    code, out, _ = lint(runner, "--select", "ALL", "--ignore", "term-case,deprecated-term", "doc.txt")
    assert code == 0 and out == ""


def test_usage_errors_exit_2(runner: CliRunner, work: Path) -> None:
    code, _, err = lint(runner, "--select", "no-such-rule", "doc.txt")
    assert code == 2 and "unknown rule no-such-rule" in err
    assert lint(runner)[0] == 2
    assert lint(runner, "--src", "doc.txt")[0] == 2
    assert lint(runner, "--format", "xml", "doc.txt")[0] == 2
    result = runner.invoke(cli, ["lint", "doc.txt"])  # no glossary anywhere
    assert result.exit_code == 2 and "no glossary" in result.stderr


def test_list_rules(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lint", "--list-rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [r.id for r in all_rules()]
    assert any(line.startswith("same-source-different-target") and " warning " in line for line in lines)
    rows = json.loads(runner.invoke(cli, ["lint", "--list-rules", "--format", "json"]).stdout)
    assert {r["rule"] for r in rows} >= {
        "key-term-missing",
        "number-mismatch",
        "same-target-different-source",
    }


def test_quiet_and_output_file(runner: CliRunner, work: Path) -> None:
    code, out, err = lint(runner, "--quiet", "-o", "out.txt", "doc.txt")
    assert (code, out, err) == (1, "", "")
    assert (work / "out.txt").read_text(encoding="utf-8").count("\n") == 2


def test_memory_files(runner: CliRunner, work: Path) -> None:
    (work / "a.tmx").write_text(TMX, encoding="utf-8")
    (work / "b.po").write_text(PO, encoding="utf-8")
    (work / "c.xlf").write_text(XLIFF, encoding="utf-8")
    code, out, err = lint(runner, "a.tmx", "b.po", "c.xlf")
    assert code == 1
    rules = [(line.split(":")[0], line.rsplit("[", 1)[1].rstrip("]")) for line in out.splitlines()]
    assert rules == [
        ("a.tmx", "forbidden-target-term"),
        ("b.po", "key-term-missing"),
        ("b.po", "number-mismatch"),
        ("b.po", "number-mismatch"),
        ("c.xlf", "forbidden-target-term"),
        ("c.xlf", "key-term-missing"),
    ]
    assert err.startswith("3 files:")


def test_line_aligned_pairs_given_and_detected(runner: CliRunner, work: Path) -> None:
    (work / "doc.en.txt").write_text("The Rain Plan.\n660 villages\n", encoding="utf-8")
    (work / "doc.zh.txt").write_text("雨露计划。\n600个村\n", encoding="utf-8")
    given = lint(runner, "--src", "doc.en.txt", "--tgt", "doc.zh.txt")
    detected = lint(runner, "doc.en.txt", "doc.zh.txt")
    assert given == detected
    assert given[1].splitlines() == [
        "doc.en.txt:2:1: warning: number 660 in the source is not in the target [number-mismatch]",
        "doc.zh.txt:2:1: warning: number 600 in the target is not in the source [number-mismatch]",
    ]


def test_a_line_aligned_target_on_stdin_is_read_once(runner: CliRunner, work: Path) -> None:
    """``--tgt -`` (or a pipe, ``<(...)``): the target was read once to tell its script,
    and again, empty, for its lines ("2 lines in doc.en.txt but 0 in -")."""
    (work / "doc.en.txt").write_text("The Rain Plan.\n660 villages\n", encoding="utf-8")
    result = runner.invoke(
        cli,
        ["lint", "--glossary", str(TEST_GLOSSARY), "--src", "doc.en.txt", "--tgt", "-"],
        input="雨露计划。\n600个村\n".encode(),
    )
    assert sorted(result.stdout.splitlines()) == [
        "<stdin>:2:1: warning: number 600 in the target is not in the source [number-mismatch]",
        "doc.en.txt:2:1: warning: number 660 in the source is not in the target [number-mismatch]",
    ]
    result = runner.invoke(
        cli,
        ["lint", "--glossary", str(TEST_GLOSSARY), "--src", "doc.en.txt", "--tgt", "-"],
        input=b"\xb7\xf6\xc6\xb6\n",
    )
    assert result.exit_code == 1
    assert "<stdin>:1:1: error: invalid UTF-8 at byte offset 0" in result.stdout


def test_cr_only_files_are_linted_line_by_line(runner: CliRunner, work: Path) -> None:
    """Classic Mac OS line ends (CR and no LF, as Excel for Mac still writes): findings
    and read errors at the lines of the file, as with LF line ends."""
    (work / "mac.txt").write_bytes(DOC.replace("\n", "\r").encode())
    code, out, _ = lint(runner, "mac.txt")
    assert code == 1
    assert out == lint(runner, "doc.txt")[1].replace("doc.txt:", "mac.txt:")
    assert [line.split(": ")[0] for line in out.splitlines()] == ["mac.txt:2:1", "mac.txt:3:5"]
    (work / "bad.txt").write_bytes(b"The Rain Plan works.\rRain Plan caf\xe9\r")
    out = lint(runner, "bad.txt")[1]
    assert out.startswith("bad.txt:2:14: error: invalid UTF-8 at byte offset 34 ")


def test_cr_only_line_aligned_files(runner: CliRunner, work: Path) -> None:
    """Two line-aligned files with CR line ends pair line by line, given or detected;
    two with as many CRs but not as many lines do not pair."""
    (work / "doc.en.txt").write_bytes(b"The Rain Plan.\r660 villages\r")
    (work / "doc.zh.txt").write_bytes("雨露计划。\r600个村\r".encode())
    given = lint(runner, "--src", "doc.en.txt", "--tgt", "doc.zh.txt")
    assert given == lint(runner, "doc.en.txt", "doc.zh.txt")
    assert given[1].splitlines() == [
        "doc.en.txt:2:1: warning: number 660 in the source is not in the target [number-mismatch]",
        "doc.zh.txt:2:1: warning: number 600 in the target is not in the source [number-mismatch]",
    ]
    (work / "doc.zh.txt").write_bytes("雨露计划。\r600个村\n".encode())  # an LF: one line, a CR in it
    assert lint(runner, "doc.en.txt", "doc.zh.txt")[2].splitlines()[-1].startswith("2 files:")


def test_line_aligned_files_of_unequal_length_are_two_texts_with_a_warning(
    runner: CliRunner, work: Path
) -> None:
    """Paired by name but not by their lines: each is linted as a text of its own, and
    stderr says so (no bilingual rule ran: a CI job passed on a translation it had not
    checked)."""
    (work / "doc.en.txt").write_text("The Rain Plan.\n660 villages\nDone.\n", encoding="utf-8")
    (work / "doc.zh.txt").write_text("雨露计划。\n600个村\n", encoding="utf-8")
    code, out, err = lint(runner, "doc.en.txt", "doc.zh.txt")
    assert (code, out) == (0, "")
    assert err.splitlines() == [
        "termkit: warning: doc.en.txt (3 lines) and doc.zh.txt (2 lines) are linted as two texts, "
        "not as a translation, as their numbers of lines differ; --src doc.en.txt --tgt doc.zh.txt "
        "shows where they part",
        "2 files: 0 errors, 0 warnings, 0 infos",
    ]
    assert lint(runner, "-q", "doc.en.txt", "doc.zh.txt") == (0, "", "")
    # one line is one line, not "1 lines"
    (work / "doc.en.txt").write_text("The Rain Plan.\n", encoding="utf-8")
    assert lint(runner, "doc.en.txt", "doc.zh.txt")[2].startswith(
        "termkit: warning: doc.en.txt (1 line) and doc.zh.txt (2 lines) are linted as two texts"
    )


def test_line_aligned_columns_count_the_lines_of_the_file(runner: CliRunner, work: Path) -> None:
    """U+2028, FF and a CR inside a line are text, not line ends: a finding on the next
    line is at that line and at the column of its text (after its indent)."""
    (work / "doc.en.txt").write_text("The Rain Plan.\u2028Done\x0c.\r\n  660 villages\n", encoding="utf-8")
    (work / "doc.zh.txt").write_text("雨露计划。\r完成。\n\u3000600个村\n", encoding="utf-8")
    assert lint(runner, "--src", "doc.en.txt", "--tgt", "doc.zh.txt")[1].splitlines() == [
        "doc.en.txt:2:3: warning: number 660 in the source is not in the target [number-mismatch]",
        "doc.zh.txt:2:2: warning: number 600 in the target is not in the source [number-mismatch]",
    ]


def test_bad_files_are_located_and_the_others_still_linted(runner: CliRunner, work: Path) -> None:
    (work / "latin1.txt").write_bytes("Rain Plan caf\xe9\n".encode("latin-1"))
    (work / "broken.tmx").write_text("<tmx><body><tu>", encoding="utf-8")
    code, out, err = lint(runner, "latin1.txt", "missing.txt", "broken.tmx", "doc.txt")
    assert code == 1
    lines = out.splitlines()
    assert (
        lines[0].startswith("latin1.txt:1:14: error: invalid UTF-8 at byte offset 13")
        and "[input-error]" in lines[0]
    )
    assert lines[1] == "missing.txt:1:1: error: no such file [input-error]"
    assert lines[2].startswith("broken.tmx:") and lines[2].endswith("[input-error]")
    assert [line.split(":")[0] for line in lines[3:]] == ["doc.txt", "doc.txt"]
    assert err == "4 files (3 could not be read): 4 errors, 1 warning, 0 infos\n"
    # A file that cannot be read fails the run even with --fail-on never.
    assert lint(runner, "--fail-on", "never", "missing.txt")[0] == 1


def test_config_files(runner: CliRunner, work: Path) -> None:
    (work / "glossary").mkdir()
    (work / "glossary" / "g.yaml").write_text(TEST_GLOSSARY.read_text(encoding="utf-8"), encoding="utf-8")
    (work / "termkit.toml").write_text(
        'glossary = "glossary"\n[lint]\nignore = ["term-case"]\n', encoding="utf-8"
    )
    result = runner.invoke(cli, ["lint", "doc.txt"])
    assert (
        result.exit_code == 1 and "[term-case]" not in result.stdout and "[deprecated-term]" in result.stdout
    )
    (work / "termkit.toml").unlink()
    (work / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.termkit]\nglossary = "glossary"\nfail-on = "never"\n'
        '[tool.termkit.lint]\nselect = "term-case"\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["lint", "doc.txt"])
    assert result.exit_code == 0 and result.stdout.count("\n") == 1 and "[term-case]" in result.stdout
    # The command line wins over the file.
    assert runner.invoke(cli, ["lint", "--fail-on", "warning", "doc.txt"]).exit_code == 1
    (work / "pyproject.toml").write_text('[tool.termkit.lint]\nfail-on = "sometimes"\n', encoding="utf-8")
    result = runner.invoke(cli, ["lint", "doc.txt"])
    assert result.exit_code == 2 and "fail-on must be one of" in result.stderr


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("termkit.toml", '[lnt]\nfail-on = "never"\n'),
        ("termkit.toml", 'bogus_key = 1\n[lint]\nfail-on = "never"\n'),
        ("pyproject.toml", '[tool.termkit.lnit]\nfail-on = "never"\n'),
    ],
)
def test_a_misspelt_table_or_key_of_the_configuration_is_a_usage_error(
    runner: CliRunner, work: Path, name: str, text: str
) -> None:
    # (it was ignored, and with it the fail-on = "never" it held: exit 1 on the findings)
    (work / name).write_text(text, encoding="utf-8")
    code, out, err = lint(runner, "doc.txt")
    assert (code, out) == (2, "")
    assert err.startswith(f"termkit: error: {work / name}:1:") and "unknown " in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("data", "what"),
    [
        ('[lint]\nfail-on = "caf\xe9"\n'.encode("latin-1"), ":2:15: invalid UTF-8 at byte offset 21"),
        (b'[lint]\nselect = ["deprecated-trem"]\n', ":2:1: unknown rule deprecated-trem in select"),
    ],
)
def test_a_configuration_in_another_encoding_or_with_an_unknown_rule_is_one_located_line(
    runner: CliRunner, work: Path, data: bytes, what: str
) -> None:
    # (a Latin-1 file was a UnicodeDecodeError traceback; an unknown rule said
    # "Invalid value for select" without naming the file)
    (work / "termkit.toml").write_bytes(data)
    code, out, err = lint(runner, "doc.txt")
    assert (code, out) == (2, "")
    assert err.startswith(f"termkit: error: {work / 'termkit.toml'}{what}") and err.count("\n") == 1


def test_po_findings_are_at_the_msgid_and_msgstr_lines(runner: CliRunner, work: Path) -> None:
    """A finding about a PO entry's source is shown at its msgid line, one about its
    translation at its msgstr line (both were at the entry's first line, a comment an
    editor then jumped to); from stdin too."""
    po = (
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n'
        "#: src/a.c:10\n#, c-format\n"
        'msgid "660 villages"\nmsgstr ""\n"600个村"\n\n'
        "# termkit: ignore[number-mismatch]\n#: src/a.c:12\n"
        'msgid "5 days"\nmsgstr "6天"\n\n'
        "#: src/a.c:14\n"
        'msgid "one file"\nmsgid_plural "%d files"\nmsgstr[0] "%d 个文件，共 3 个"\n'
    )
    (work / "a.po").write_text(po, encoding="utf-8")
    code, out, _ = lint(runner, "a.po")
    assert code == 1
    assert [line.split(": warning")[0] for line in out.splitlines()] == ["a.po:7:1", "a.po:8:1", "a.po:19:1"]
    assert "number 3 in the target" in out.splitlines()[2]
    result = runner.invoke(cli, ["lint", "--glossary", str(TEST_GLOSSARY), "-"], input=po)
    assert result.stdout == out.replace("a.po:", "<stdin>:")


def test_a_po_file_is_read_once(runner: CliRunner, work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its keyword lines (where findings are shown) and its units come from one reading:
    it was read twice, once for each."""
    import contextlib

    from termkit import textio

    (work / "a.po").write_text(PO, encoding="utf-8")
    code, before, _ = lint(runner, "a.po")
    opened: list[str] = []
    open_bytes = textio.open_bytes

    @contextlib.contextmanager
    def counted(path: str) -> Iterator[IO[bytes]]:
        opened.append(str(path))
        with open_bytes(path) as fp:
            yield fp

    monkeypatch.setattr(textio, "open_bytes", counted)
    # (the same findings, at the keyword lines)
    assert lint(runner, "a.po")[:2] == (code, before) and before
    assert [p for p in opened if p.endswith("a.po")] == ["a.po"]


def test_inline_suppression_in_markdown(runner: CliRunner, work: Path) -> None:
    (work / "doc.md").write_text(
        "Whole village advancement. <!-- termkit: ignore[deprecated-term] -->\n"
        "<!-- termkit: ignore -->\nThe rain plan.\n",
        encoding="utf-8",
    )
    code, out, _ = lint(runner, "doc.md")
    assert (code, out) == (0, "")


def test_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lint", "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout and "--fail-on" in result.stdout


def test_stdin_and_tsv_detected_in_a_txt_file(runner: CliRunner, work: Path) -> None:
    result = runner.invoke(cli, ["lint", "--glossary", str(TEST_GLOSSARY), "-"], input="The rain plan.\n")
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:1:5: warning:") and "[term-case]" in result.stdout
    (work / "pairs.txt").write_text("The Rain Plan.\t培训。\nWhole villages.\t整村。\n", encoding="utf-8")
    code, out, _ = lint(runner, "pairs.txt")
    assert code == 1 and out.startswith('pairs.txt:1:5: warning: source term "Rain Plan"')


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("one.tsv", "The Rain Plan.\t培训。\n"),
        ("pairs.txt", "The Rain Plan.\t培训。\nWhole villages.\t整村。\n"),
        ("memo.po", PO),
        ("memo.tmx", TMX),
        ("memo.xlf", XLIFF),
    ],
)
def test_stdin_is_told_by_its_content_like_a_file(
    runner: CliRunner, work: Path, name: str, content: str
) -> None:
    """TSV, PO, TMX and XLIFF on stdin get the bilingual rules, as the same file does."""
    (work / name).write_text(content, encoding="utf-8")
    code, out, _ = lint(runner, name)
    assert code == 1 and out
    result = runner.invoke(cli, ["lint", "--glossary", str(TEST_GLOSSARY), "-"], input=content.encode())
    assert (result.exit_code, result.stdout) == (code, out.replace(name, "<stdin>"))


@pytest.mark.parametrize("codec", ["UTF-16LE", "UTF-16BE"])
def test_stdin_memory_in_utf16_without_a_bom(runner: CliRunner, work: Path, codec: str) -> None:
    """A TMX in UTF-16 without a byte-order mark (XML allows it: heartsome's
    Test_UTF16LE.txt.xlf) is linted as one: it was refused as "UTF-16 text without a BOM"."""
    data = TMX.replace('encoding="UTF-8"', f'encoding="{codec}"').encode(codec.lower())
    (work / "memo.tmx").write_bytes(data)
    code, out, _ = lint(runner, "memo.tmx")
    assert code == 1 and out
    result = runner.invoke(cli, ["lint", "--glossary", str(TEST_GLOSSARY), "-"], input=data)
    assert (result.exit_code, result.stdout) == (code, out.replace("memo.tmx", "<stdin>"))


@pytest.mark.parametrize(
    "content",
    [
        "<!-- termkit: ignore -->\nA TMX file has a <tmx> root.\nThe Rain Plan trains farmers.\n",
        '# Howto\n\n```\nmsgid "a"\nmsgstr "b"\n```\nThe Rain Plan trains farmers.\n',
        "\t我们反对济贫。\n",
    ],
)
def test_stdin_that_only_mentions_a_format_is_text(runner: CliRunner, work: Path, content: str) -> None:
    """A text that names <tmx> after a comment, shows a PO example, or indents Chinese
    with a tab is linted as the same text in a .txt file is (it was refused as a
    broken memory, or read as a bitext with an empty side)."""
    (work / "t.txt").write_text(content, encoding="utf-8")
    code, out, _ = lint(runner, "t.txt")
    result = runner.invoke(cli, ["lint", "--glossary", str(TEST_GLOSSARY), "-"], input=content.encode())
    assert (result.exit_code, result.stdout) == (code, out.replace("t.txt", "<stdin>"))


def test_include_proposed_setting(runner: CliRunner, work: Path) -> None:
    # "form" is a proposed concept of the test glossary: linted unless include-proposed is false.
    (work / "p.tsv").write_text("A new form.\t新办法。\n", encoding="utf-8")
    code, out, _ = lint(runner, "p.tsv")
    assert code == 1 and '"form"' in out
    (work / "termkit.toml").write_text("[lint]\ninclude-proposed = false\n", encoding="utf-8")
    assert lint(runner, "p.tsv")[:2] == (0, "")


def test_fuzzy_entries_are_left_out_unless_asked(runner: CliRunner, work: Path) -> None:
    fuzzy = PO.replace('msgid "660 villages"', '#, fuzzy\nmsgid "660 villages"')
    (work / "b.po").write_text(fuzzy, encoding="utf-8")
    code, out, err = lint(runner, "b.po")
    assert code == 1 and "660" not in out and "[key-term-missing]" in out
    assert err == (
        "1 file: 0 errors, 1 warning, 0 infos; 1 unfinished unit not linted "
        "(fuzzy or untranslated; see --include-fuzzy)\n"
    )
    code, out, err = lint(runner, "--include-fuzzy", "b.po")
    assert "number 660 in the source" in out and err == "1 file: 0 errors, 3 warnings, 0 infos\n"
    (work / "termkit.toml").write_text("[lint]\ninclude-fuzzy = true\n", encoding="utf-8")
    assert lint(runner, "b.po")[1] == out
    (work / "termkit.toml").write_text("[lint]\ninclude-fuzzy = 1\n", encoding="utf-8")
    code, _, err = lint(runner, "b.po")
    assert code == 2 and "include-fuzzy must be true or false" in err


def test_a_traditional_target_is_not_held_to_simplified_terms(runner: CliRunner, work: Path) -> None:
    (work / "tw.tsv").write_text("The Rain Plan trains people.\t雨露計劃培訓農民。\n", encoding="utf-8")
    code, out, err = lint(runner, "--tgt-lang", "zh-TW", "tw.tsv")
    assert (code, out) == (0, "")
    assert err == (
        "termkit: warning: the glossary has no zh-TW terms, only en, zh-CN (Simplified and Traditional "
        "Chinese are kept apart): the term rules are skipped for zh-TW text\n"
        "1 file: 0 errors, 0 warnings, 0 infos\n"
    )
    # Said once, however many files; and still required of a Simplified target.
    (work / "tw2.tsv").write_text("The Rain Plan.\t計劃。\n", encoding="utf-8")
    code, out, err = lint(runner, "--tgt-lang", "zh-Hant", "tw.tsv", "tw2.tsv")
    assert code == 0 and err.count("warning: the glossary has no zh-Hant terms") == 1
    code, out, _ = lint(runner, "--tgt-lang", "zh-Hans", "tw.tsv")
    assert code == 1 and "expected 雨露计划 [key-term-missing]" in out


def test_memory_languages_are_matched_by_script(runner: CliRunner, work: Path) -> None:
    for tag in ("zh", "zh-Hans", "zh-Hans-CN", "zh-TW"):
        (work / "a.tmx").write_text(TMX.replace('"zh-CN"', f'"{tag}"'), encoding="utf-8")
        code, out, err = lint(runner, "a.tmx")
        if tag == "zh-TW":  # a zh-TW target (its tags say so): no zh-CN term is checked in it, said
            assert (code, out) == (0, "")
            assert err.startswith("termkit: warning: the glossary has no zh-TW terms, only en, zh-CN")
        else:
            assert code == 1 and out.startswith("a.tmx:6:1: error: forbidden target term"), tag


def test_quiet_leaves_findings_and_errors_but_no_warnings(runner: CliRunner, work: Path) -> None:
    # Warnings about what was not linted are chatter: gone with --quiet, exit status unchanged.
    (work / "tw.tsv").write_text("The Rain Plan trains people.\t雨露計劃培訓農民。\n", encoding="utf-8")
    assert lint(runner, "--quiet", "--tgt-lang", "zh-TW", "tw.tsv") == (0, "", "")
    (work / "a.tmx").write_text(TMX.replace('"zh-CN"', '"zh-TW"'), encoding="utf-8")
    assert lint(runner, "-q", "a.tmx") == (0, "", "")
    # Findings are the output, and a file that cannot be read is one of them.
    code, out, err = lint(runner, "-q", "--tgt-lang", "zh-TW", "tw.tsv", "missing.txt", "doc.txt")
    assert code == 1 and err == ""
    assert out.splitlines()[0] == "missing.txt:1:1: error: no such file [input-error]"
    assert [line.split(":")[0] for line in out.splitlines()[1:]] == ["doc.txt", "doc.txt"]
    # A fatal error is still its one located line.
    (work / "bad.yaml").write_text("rain-plan:\n  status: [approved\n", encoding="utf-8")
    result = runner.invoke(cli, ["lint", "-q", "--glossary", "bad.yaml", "doc.txt"])
    assert result.exit_code == 1 and result.stdout == ""
    assert (
        result.stderr.startswith("termkit: error: bad.yaml:3:1: YAML syntax error")
        and result.stderr.count("\n") == 1
    )


def test_a_glossary_with_errors_is_used_with_a_warning(runner: CliRunner, work: Path) -> None:
    """lint used a glossary that termkit check rejects (here a control character in a
    definition) and said nothing: a CI run passed on a broken glossary."""
    glossary = work / "g.yaml"
    text = TEST_GLOSSARY.read_text(encoding="utf-8")
    glossary.write_text(text.replace("status: approved", 'status: approved\n  note: "a\\x01b"', 1), "utf-8")
    line = glossary.read_text(encoding="utf-8").splitlines().index('  note: "a\\x01b"') + 1
    result = runner.invoke(cli, ["lint", "--glossary", "g.yaml", "doc.txt"])
    assert result.exit_code == 1  # (the findings' status, as before)
    assert result.stderr.splitlines()[0] == (
        f"termkit: warning: g.yaml:{line}:9: the glossary has 1 error that termkit check reports, the "
        "first: control character U+0001 in 'a\\x01b'; delete it [control-char]; lint used the glossary "
        "as it is: fix it (see termkit check)"
    )
    quiet = runner.invoke(cli, ["lint", "-q", "--glossary", "g.yaml", "doc.txt"])
    assert quiet.stderr == "" and quiet.stdout == result.stdout
    # a glossary check has nothing against gives no such warning
    assert "termkit check" not in lint(runner, "doc.txt")[2]


def test_a_glossary_with_homographs_is_linted_without_a_warning(runner: CliRunner, work: Path) -> None:
    """Two concepts with one preferred English term told apart by subject are homographs,
    which termkit check allows: lint warned of a glossary with errors."""
    from .test_rules import HOMOGRAPHS_YAML

    (work / "g.yaml").write_text(HOMOGRAPHS_YAML, encoding="utf-8")
    (work / "pairs.tsv").write_text("Post a comment.\t发表评论。\nRead the comment.\t阅读注释。\n", "utf-8")
    result = runner.invoke(cli, ["lint", "--glossary", "g.yaml", "pairs.tsv"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "1 file: 0 errors, 0 warnings, 0 infos\n"


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "tsv", "sarif"])
def test_findings_are_written_a_part_at_a_time_as_a_whole_document_would_be(
    runner: CliRunner, work: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    import csv
    import io

    from termkit.cli import output

    from termkit import __version__
    from termkit.lint.sarif import to_sarif

    (work / "memo.tmx").write_text(TMX, encoding="utf-8")
    (work / "bad.txt").write_bytes(b"caf\xe9\n")
    monkeypatch.setattr(output, "_PART", 1)  # (each part written on its own)
    args = ["--select", "ALL", "doc.txt", "memo.tmx", "bad.txt", "missing.txt"]
    code, out, _ = lint(runner, "--format", fmt, *args)
    lint(runner, "--format", fmt, "-o", "out", *args)
    assert code == 1 and out == (work / "out").read_text(encoding="utf-8")
    # (the documents as they were made whole, before they were written in parts)
    rows = json.loads(lint(runner, "--format", "json", *args)[1])
    assert len(rows) >= 5
    if fmt == "json":
        assert out == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        assert out == "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    elif fmt == "tsv":
        cols = ["path", "line", "column", "severity", "rule", "message", "concept"]
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
        writer.writerows([cols, *(["" if r.get(c) is None else str(r[c]) for c in cols] for r in rows)])
        assert out == buf.getvalue()
    elif fmt == "sarif":
        from termkit.errors import Diagnostic, Severity

        diags = [
            Diagnostic(**{**r, "severity": Severity(r["severity"])})  # type: ignore[arg-type]
            for r in rows
        ]
        whole = to_sarif(diags, all_rules(), __version__)
        assert out == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
        assert whole["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    else:
        assert out.count("\n") == len(rows)


def test_a_utf16_po_file_that_does_not_decode_is_named_in_its_input_error(
    runner: CliRunner, work: Path
) -> None:
    """A UTF-16 catalogue with a NUL character was reported as ``<input>:N:1``: its
    keyword lines were decoded without the file's name."""
    (work / "memo.po").write_bytes(("\ufeff" + PO.replace("msgstr", "\x00msgstr", 1)).encode("utf-16-le"))
    code, out, _ = lint(runner, "memo.po")
    assert code == 1
    assert "<input>" not in out
    line = next(line for line in out.splitlines() if "[input-error]" in line)
    assert line.startswith("memo.po:") and "NUL character" in line
    result = runner.invoke(
        cli, ["lint", "--glossary", str(TEST_GLOSSARY), "-"], input=(work / "memo.po").read_bytes()
    )
    assert "<input>" not in result.stdout and "<stdin>:" in result.stdout


def test_a_po_file_with_cr_only_line_ends_is_linted_as_with_lf(runner: CliRunner, work: Path) -> None:
    """Its lines ending in CR alone, it was one comment line: no unit, no finding."""
    (work / "lf.po").write_text(PO, encoding="utf-8")
    (work / "cr.po").write_bytes(PO.encode().replace(b"\n", b"\r"))
    code, out, _ = lint(runner, "lf.po")
    assert code == 1 and "lf.po:" in out
    assert lint(runner, "cr.po")[:2] == (code, out.replace("lf.po", "cr.po"))


def test_a_concept_id_in_two_glossary_files_is_refused(runner: CliRunner, work: Path) -> None:
    """Two concepts with one id in two files were linted as one (a text that used both
    concepts' terms got a false mixed-variants finding), exit 0 on a clean text; the
    same id twice in one file is refused, and so it is across files now."""
    (work / "g").mkdir()
    for name, en, zh in (("a", "Rain Plan", "雨露计划"), ("b", "Dew Plan", "雨露项目")):
        (work / "g" / f"{name}.yaml").write_text(
            f"rain-plan:\n  terms:\n    en:\n      - text: {en}\n    zh-CN:\n      - text: {zh}\n", "utf-8"
        )
    (work / "clean.txt").write_text("The Rain Plan trains rural labourers.\n", encoding="utf-8")
    for doc in ("clean.txt", "doc.txt"):
        result = runner.invoke(cli, ["lint", "--glossary", "g", doc])
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr == (
            "termkit: error: g/b.yaml:1:1: duplicate concept id 'rain-plan' (first at g/a.yaml:1); rename "
            "one, or merge the two [duplicate-id]; run 'termkit check' for every problem\n"
        )
    # one file named twice, on its own and in its folder, is read once: no duplicate
    (work / "g" / "b.yaml").unlink()
    result = runner.invoke(cli, ["lint", "--glossary", "g", "--glossary", "g/a.yaml", "clean.txt"])
    assert result.exit_code == 0 and "termkit: " not in result.stderr
