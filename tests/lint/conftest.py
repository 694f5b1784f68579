"""Fixtures of the lint tests: the small test glossary in data/, and a linter over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.glossary_file import load_glossary
from termkit.lint import GlossaryIndex, Linter, LintOptions

DATA = Path(__file__).resolve().parent / "data"
TEST_GLOSSARY = DATA / "poverty.yaml"


@pytest.fixture(scope="session")
def index() -> GlossaryIndex:
    glossary, _ = load_glossary([TEST_GLOSSARY])
    return GlossaryIndex.build(glossary)


@pytest.fixture
def linter(index: GlossaryIndex) -> Linter:
    return Linter(index, LintOptions(select={"ALL"}))
