"""Fixtures of the command tests: a project folder with a small glossary of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from .glossary_fixture import HANT_YAML, HOMOGRAPHS_YAML, make_glossary


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with ``glossary/poverty.yaml`` and ``glossary/rural.yaml``."""
    make_glossary(tmp_path)
    return tmp_path


@pytest.fixture
def hant_project(project: Path) -> Path:
    """The project, with ``glossary/hant.yaml``: zh-Hant terms beside zh-CN, and without."""
    (project / "glossary" / "hant.yaml").write_text(HANT_YAML, encoding="utf-8")
    return project


@pytest.fixture
def homograph_project(project: Path) -> Path:
    """The project, with ``glossary/homographs.yaml``: two concepts named "comment"."""
    (project / "glossary" / "homographs.yaml").write_text(HOMOGRAPHS_YAML, encoding="utf-8")
    return project
