"""termkit.placeholders: format placeholders of software strings."""

from __future__ import annotations

import doctest

import pytest

from termkit import placeholders
from termkit.placeholders import PLACEHOLDER, mask


def test_doctests() -> None:
    assert doctest.testmod(placeholders).failed == 0


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Size: %<PRIu64> bytes", ["%<PRIu64>"]),
        (
            "%-25s %5.2f %lu %1$s %2$d %*d %zu %%",
            ["%-25s", "%5.2f", "%lu", "%1$s", "%2$d", "%*d", "%zu", "%%"],
        ),
        ("%(count)d files in %(dir)s", ["%(count)d", "%(dir)s"]),
        ("{0} of {1:>8}, {name} and {name:.2f}", ["{0}", "{1:>8}", "{name}", "{name:.2f}"]),
        ("Qt: %1 of %L2", ["%1", "%L2"]),
        # OmegaT's tag shortcuts, not HTML without a number nor a metasyntactic variable
        (
            "<e0><i1/>Adding files:</e0> <br2/><a3>OmegaT</a3>",
            ["<e0>", "<i1/>", "</e0>", "<br2/>", "<a3>", "</a3>"],
        ),
        ("<b>bold</b> and git merge-file <name1> <file1>", []),
        # ordinary text keeps its percentages and braces of prose
        ("up 20% in 2010, 5% of all, 100 %", []),
        ("a set {of many words in braces, here}", []),
    ],
)
def test_placeholders_found(text: str, found: list[str]) -> None:
    assert PLACEHOLDER.findall(text) == found


def test_mask() -> None:
    assert mask("could not open '%s' file", " | ") == "could not open ' | ' file"
    assert mask("no placeholder") == "no placeholder"
