"""The examples in the library's docstrings run, in every module of termkit."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import termkit

MODULES = sorted(m.name for m in pkgutil.walk_packages(termkit.__path__, "termkit."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples of {name} failed"
