"""I/O errors at the command line: one located line on stderr, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from termkit.cli.main import COMMANDS, cli

from termkit.exchange import BUILD_FILES

TEXT = "The Rain Plan trains rural labors.\nThe Rain Plan supports key counties.\n"


def test_no_command_checks_readability_itself() -> None:
    """click's own check made an unreadable file a usage error (exit 2) that stopped
    the run; termkit's readers report it as an input error (exit 1) naming the file."""
    ctx = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None
        commands = list(command.commands.values()) if isinstance(command, click.Group) else [command]
        for cmd in commands:
            for param in cmd.params:
                if isinstance(param.type, click.Path):
                    assert not param.type.readable, f"{name} {param.name}"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_output_file_is_one_line(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(src), "--lang", "en", "-o", "/dev/full"])
    assert result.exit_code == 1
    assert "termkit: error: /dev/full: cannot write: No space left on device" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def termkit_into_full(args: list[str], stream: str) -> subprocess.CompletedProcess[str]:
    """Run termkit in a child process with its ``stream`` ("stdout" or "stderr") on /dev/full."""
    with open("/dev/full", "w") as full:
        streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, stream: full}
        return subprocess.run(
            [sys.executable, "-m", "termkit", *args], **streams, text=True, timeout=120, check=False
        )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_is_one_line(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = termkit_into_full(["extract", str(src), "--lang", "en", "--quiet"], "stdout")
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [FULL_OUTPUT]


FULL_OUTPUT = (
    "termkit: error: cannot write the output: No space left on device; "
    "free some space or send the output elsewhere"
)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["--help"], ["-h"], ["--version"], ["extract", "--help"], ["align", "terms", "--help"]]
)
def test_help_and_version_on_a_full_standard_output_are_one_line(args: list[str]) -> None:
    """click writes the help and the version before any command runs, outside the
    commands' guard: a traceback, until the group's main had a guard of its own."""
    out = termkit_into_full(args, "stdout")
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [FULL_OUTPUT]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["no-such-command"], ["extract", "--no-such-option"], ["extract"]])
def test_a_usage_error_on_a_full_standard_error_exits_quietly(args: list[str]) -> None:
    """A usage error's message goes to stderr; when stderr cannot take it either,
    nothing can be said: exit 2 as for any usage error, and nothing on stdout (no
    traceback anywhere)."""
    out = termkit_into_full(args, "stderr")
    assert (out.returncode, out.stdout) == (2, "")


def test_an_output_whose_parent_is_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "fp").write_text("x", encoding="utf-8")
    out = tmp_path / "fp" / "x.tmx"
    glossary = Path(__file__).resolve().parents[2] / "glossary"
    result = CliRunner().invoke(cli, ["export", "tmx", "--glossary", str(glossary), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"termkit: error: {out}: cannot write: {tmp_path / 'fp'} is not a folder\n"


def termkit_closed(
    args: list[str], stream: int, stdin: str | None = None, redirect: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run termkit in a child process started with file descriptor ``stream`` closed
    (0: ``<&-``, 1: ``>&-``), as a shell does it, or with the shell's ``redirect``."""
    closed = redirect or ("<&-" if stream == 0 else ">&-")
    script = f'exec "$0" -m termkit "$@" {closed}'
    return subprocess.run(
        ["sh", "-c", script, sys.executable, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


CLOSED_OUTPUT = (
    "termkit: error: cannot write the output: standard output is closed; send the output elsewhere"
)
GLOSSARY_DIR = str(Path(__file__).resolve().parents[2] / "glossary")
TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
    'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" '
    'datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>Rain Plan</seg></tuv>'
    '<tuv xml:lang="zh-CN"><seg>雨露计划</seg></tuv></tu></body></tmx>\n'
)


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["align", "--help"],
        ["convert", "--from", "tmx", "--to", "po", "-", "-"],
        ["export", "tmx", "--glossary", GLOSSARY_DIR],
        ["check", "--format", "json", GLOSSARY_DIR],
        ["extract", "-", "--lang", "en", "-q"],
    ],
)
def test_a_closed_standard_output_is_one_line(args: list[str]) -> None:
    """Python starts with sys.stdout None when file descriptor 1 is closed: click's
    writes then vanished (exit 0) and termkit's own raised AttributeError."""
    out = termkit_closed(args, 1, stdin=TMX if "convert" in args else TEXT)
    assert (out.returncode, out.stderr.strip().splitlines()) == (1, [CLOSED_OUTPUT])


def test_a_closed_standard_output_does_not_matter_to_an_output_file(tmp_path: Path) -> None:
    out = termkit_closed(
        ["export", "tmx", "--glossary", GLOSSARY_DIR, "-q", "-o", str(tmp_path / "g.tmx")], 1
    )
    assert (out.returncode, out.stderr) == (0, "")
    assert (tmp_path / "g.tmx").read_bytes().startswith(b"<?xml")


def test_build_writes_every_file_before_it_fails_on_a_closed_standard_output(tmp_path: Path) -> None:
    """It printed a line after each file: the first line failed, and tmx/ was left
    with one new file and five old ones."""
    out = termkit_closed(["build", "--glossary", GLOSSARY_DIR, "--out", str(tmp_path / "tmx")], 1)
    assert (out.returncode, out.stderr.strip().splitlines()[-1]) == (1, CLOSED_OUTPUT)
    assert len(list((tmp_path / "tmx").iterdir())) == len(BUILD_FILES)


def test_a_closed_standard_input_is_one_line() -> None:
    out = termkit_closed(["extract", "-", "--lang", "en"], 0)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        "termkit: error: <stdin>:1:1: cannot read: standard input is closed"
    ]


def test_no_command_refuses_a_folder_itself() -> None:
    """click's dir_okay=False made a folder given for a file a usage error (exit 2,
    three lines) in convert and align, an input error (exit 1, one line) elsewhere."""
    ctx = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None
        commands = list(command.commands.values()) if isinstance(command, click.Group) else [command]
        for cmd in commands:
            for param in cmd.params:
                if isinstance(param.type, click.Path):
                    assert param.type.dir_okay, f"{name} {param.name}"


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "{missing}", "x.po"],
        ["convert", "--from", "tmx", "{missing}", "x.po"],
        ["align", "docs", "{missing}", "zh.txt", "-o", "x.tmx"],
        ["align", "docs", "en.txt", "{missing}", "-o", "x.tmx"],
        ["align", "terms", "{missing}", "--terms", "terms.txt"],
        ["align", "terms", "--src", "{missing}", "--tgt", "zh.txt", "--terms", "terms.txt"],
        ["align", "terms", "--src", "en.txt", "--tgt", "{missing}", "--terms", "terms.txt"],
        ["align", "terms", "--src", "en.txt", "--tgt", "zh.txt", "--terms", "{missing}"],
        ["align", "pairs", "{missing}"],
        ["extract", "{missing}"],
    ],
)
@pytest.mark.parametrize(
    ("missing", "problem"), [("d.tmx", "is a directory, not a file"), ("nope.tmx", "no such file")]
)
def test_a_folder_or_a_missing_file_for_an_input_is_one_line(
    tmp_path: Path, args: list[str], missing: str, problem: str
) -> None:
    (tmp_path / "d.tmx").mkdir()
    (tmp_path / "en.txt").write_text("The Rain Plan started in 2004.\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_text("雨露计划始于2004年。\n", encoding="utf-8")
    (tmp_path / "terms.txt").write_text("Rain Plan\n", encoding="utf-8")
    args = [a.format(missing=missing) for a in args]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(cli, args)
    finally:
        os.chdir(cwd)
    where = ":1:1" if args[0] == "extract" else ""
    assert (result.exit_code, result.stderr) == (1, f"termkit: error: {missing}{where}: {problem}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.tmx", "en.txt", "terms.txt", "zh.txt"]


def test_a_folder_for_an_output_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "m.tsv").write_text("en\tzh-CN\nRain Plan\t雨露计划\n", encoding="utf-8")
    (tmp_path / "d.po").mkdir()
    result = CliRunner().invoke(cli, ["convert", str(tmp_path / "m.tsv"), str(tmp_path / "d.po")])
    assert (result.exit_code, result.stderr) == (
        1,
        f"termkit: error: {tmp_path / 'd.po'}: cannot write: Is a directory; the file was left as it was\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "--from", "tsv", "--to", "po", "-", "x.po"],
        ["align", "docs", "-", "zh.txt", "-o", "x.tmx"],
    ],
)
def test_a_standard_input_open_for_writing_is_a_read_error(tmp_path: Path, args: list[str]) -> None:
    """Reading it fails with EBADF, which was reported as a failure to write the output."""
    out = termkit_closed(args, 0, redirect=f"0>{tmp_path / 'w.txt'}")
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == ["termkit: error: <stdin>: cannot read: Bad file descriptor"]
