"""Fixtures of the command tests: a project folder with a small glossary of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from .glossary_fixture import make_glossary


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with ``glossary/poverty.yaml`` and ``glossary/rural.yaml``."""
    make_glossary(tmp_path)
    return tmp_path
