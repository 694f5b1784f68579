"""The examples in the lint modules' docstrings run."""

from __future__ import annotations

import doctest

import pytest

from termkit.lint import documents, matcher, numbers, rules, tags


@pytest.mark.parametrize("module", [matcher, numbers, rules, documents, tags])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.failed == 0
