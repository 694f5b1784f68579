"""Shared fixtures: paths to ../shared, a CliRunner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# CI gates a submission, so there Hypothesis replays the same examples every run
# (derandomize); on a developer's machine it explores new ones each time.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_922c992c49411e96.txt"
GLOSSARY = ROOT / "glossary"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports are dated by SOURCE_DATE_EPOCH when it is set (Nix, distribution builds):
    the tests expect undated files unless they set it themselves."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(autouse=True)
def _own_parse_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test starts with an empty parse cache of its own (termkit.parse_cache),
    never the user's."""
    monkeypatch.delenv("TERMKIT_NO_CACHE", raising=False)
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def require_shared(path: Path) -> Path:
    """The path, or skip the test loudly when ../shared is not there."""
    if not path.exists():
        pytest.fail(f"missing test data {path}; ../shared must be beside the project")
    return path


def finishes_in_a_child(code: str, timeout: int = 120) -> None:
    """Run ``code`` (which prints "done" at its end) in a child Python with a generous
    time limit: a test of linear-time input handling then fails instead of hanging the
    suite when a regression makes it super-linear (no timing is asserted)."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    assert out.stdout.strip() == "done", out.stderr
