"""Generate docs/cli.md from the commands' own --help (``python -m termkit.cli.docgen``)."""

from __future__ import annotations

import sys

import click

from .main import cli

HEADER = """\
# termkit command reference

Generated from each command's `--help` by `python -m termkit.cli.docgen > docs/cli.md`
(`make docs`); a test fails when this file and the commands disagree.
"""


def _walk(command: click.Command, name: str, parent: click.Context | None) -> list[tuple[str, str]]:
    ctx = click.Context(
        command,
        info_name=name,
        parent=parent,
        terminal_width=100,
        max_content_width=100,
        help_option_names=["-h", "--help"],
    )
    out = [(ctx.command_path, command.get_help(ctx))]
    if isinstance(command, click.Group):
        for sub in command.list_commands(ctx):
            subcommand = command.get_command(ctx, sub)
            if subcommand is not None and not subcommand.hidden:
                out.extend(_walk(subcommand, sub, ctx))
    return out


def generate() -> str:
    """The whole reference as Markdown."""
    parts = [HEADER]
    for path, text in _walk(cli, "termkit", None):
        parts.append(f"\n## `{path}`\n\n```text\n{text}\n```\n")
    return "".join(parts)


def main() -> None:
    sys.stdout.write(generate())


if __name__ == "__main__":
    main()
