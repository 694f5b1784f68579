"""Standard input named twice is a usage error in every command that reads files."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from termkit.cli.main import cli


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "-", "-"],
        ["lint", "-", "-"],
        ["lint", "--src", "-", "--tgt", "-"],
        ["align", "pairs", "--src", "-", "--tgt", "-"],
        ["align", "terms", "-", "--terms", "-"],
        ["align", "docs", "-", "-", "-o", "out.tmx"],
        ["align", "pairs", "--src", "-", "--tgt", "/dev/stdin"],
    ],
)
def test_standard_input_given_twice_is_a_usage_error(args: list[str]) -> None:
    # (a review) the second reading was empty: "1 lines in - but 0 in -", "-: no sentence",
    # or "2 files" linted with nothing in the second, exit 0
    result = CliRunner().invoke(cli, args, input="Rain Plan\n")
    assert result.exit_code == 2, result.output
    assert (
        result.stderr == "termkit: error: '-' (standard input) is given more than once; it can be read once\n"
    )
