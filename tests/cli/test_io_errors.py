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
