"""The ``termkit`` command group, error handling and lazy command loading."""

from __future__ import annotations

import contextlib
import errno
import importlib
import sys
from typing import Any

import click

from termkit import __version__
from termkit.errors import TermkitError, UsageError

#: command name -> "module:function" inside this package.  Modules are imported
#: only when their command runs, so ``termkit check`` does not load lxml or jieba.
COMMANDS: dict[str, str] = {
    "align": "align:align",
    "build": "build:build",
    "check": "check:check",
    "convert": "convert:convert",
    "export": "export:export",
    "extract": "extract:extract_cmd",
    "fmt": "fmt:fmt",
    "import": "importing:import_cmd",
    "lint": "lint:lint",
}


class TermkitFailure(click.ClickException):
    """A TermkitError on its way to stderr: one line, exit status 1 (2 for a usage error)."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"termkit: error: {self.message}", err=True)


class TermkitUsageFailure(TermkitFailure):
    """A usage error (a bad option value or combination): exit status 2, as click's own."""

    exit_code = 2


class TermkitGroup(click.Group):
    """Loads commands lazily and turns TermkitError into one located line, exit 1 (usage: 2)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        package = __package__ or "termkit.cli"
        module = importlib.import_module(f".{module_name}", package=package)
        command: click.Command = getattr(module, attr)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TermkitError as exc:
            if isinstance(exc, UsageError):
                raise TermkitUsageFailure(str(exc)) from None
            raise TermkitFailure(str(exc)) from None
        except BrokenPipeError:
            raise  # (see main: output piped into head)
        except OSError as exc:
            # the last guard against a traceback: an I/O error no command turned into
            # a TermkitError (standard output on a full disk: "> /dev/full")
            if exc.filename is None and exc.errno in OUTPUT_ERRORS:
                raise TermkitFailure(output_failure(exc)) from None
            where = f"{exc.filename}: " if exc.filename is not None else ""
            raise TermkitFailure(f"{where}{exc.strerror or exc}") from None

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """click's own writes too (help, version, a usage error's message) fail in one line."""
        try:
            return super().main(*args, **kwargs)
        except BrokenPipeError:
            raise  # (see main: output piped into head)
        except OSError as exc:
            # outside invoke only click writes: the help or version on stdout, a usage
            # error on stderr; when stderr is what failed, nothing can be said
            with contextlib.suppress(OSError, ValueError):
                click.echo(f"termkit: error: {output_failure(exc)}", err=True)
            # a usage error whose message could not be shown is still one (exit 2)
            shown = _click_exception_shown(exc)
            sys.exit(shown.exit_code if shown is not None else 1)


def _click_exception_shown(exc: OSError) -> click.ClickException | None:
    """The click exception (a usage error) whose message ``exc`` interrupted, if any:
    click shows it from its ``show`` method, outside the handler that caught it."""
    tb = exc.__traceback__
    while tb is not None:
        owner = tb.tb_frame.f_locals.get("self")
        if isinstance(owner, click.ClickException):
            return owner
        tb = tb.tb_next
    context = exc.__context__
    return context if isinstance(context, click.ClickException) else None


#: The errors of a write that found no room (a full disk, a quota, a file size limit).
FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
#: The errors of writing standard output (no file named): no room, or no standard
#: output that can be written (closed, ">&-", or opened for reading only).
OUTPUT_ERRORS = FULL | {errno.EBADF}


def output_failure(exc: OSError) -> str:
    """What failed when writing the output, and what to do."""
    advice = (
        "free some space or send the output elsewhere" if exc.errno in FULL else "send the output elsewhere"
    )
    return f"cannot write the output: {exc.strerror or exc}; {advice}"


@click.group(cls=TermkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termkit")
def cli() -> None:
    """termkit: bilingual English-Chinese glossaries and translation memories.

    \b
    Example:
      termkit check glossary/
    """


def main() -> None:
    """Console-script entry point."""
    if sys.stdout is None:  # (started with standard output closed: ">&-")
        from termkit.textio import ClosedStdout

        # click's writes would vanish (exit 0): they fail instead, "cannot write the output"
        sys.stdout = ClosedStdout()
    try:
        cli.main(prog_name="termkit")
    except BrokenPipeError:  # output piped into head & co.
        sys.stderr.close()
        sys.exit(1)
