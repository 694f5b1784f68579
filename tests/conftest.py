"""Shared fixtures: paths to ../shared, a CliRunner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_922c992c49411e96.txt"
GLOSSARY = ROOT / "glossary"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def require_shared(path: Path) -> Path:
    """The path, or skip the test loudly when ../shared is not there."""
    if not path.exists():
        pytest.fail(f"missing test data {path}; ../shared must be beside the project")
    return path
