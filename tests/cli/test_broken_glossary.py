"""What a terminologist's slip in a glossary file does to the commands that read it:
one located error line, exit status 1, no traceback, and nothing written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from .glossary_fixture import run

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken_glossary"
EXPECT = re.compile(r"^# expect: (\d+):(\d+) ([a-z-]+)$")
TEXT = "The Rain Plan trains young people.\nThe Rain Plan and entire village advancement help.\n"


def _expected(path: Path) -> str:
    match = EXPECT.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, path
    return f"{match.group(1)}:{match.group(2)}"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("broken", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.name)
def test_a_broken_file_leaves_tmx_as_it_was(runner: CliRunner, project: Path, broken: Path) -> None:
    assert run(runner, project, "build")[0] == 0
    before = _snapshot(project / "tmx")
    shutil.copy(broken, project / "glossary" / "zz.yaml")
    code, out, err = run(runner, project, "build")
    assert code == 1, err
    assert out == ""
    assert "Traceback" not in err
    assert f"glossary/zz.yaml:{_expected(broken)}: error: " in err
    assert _snapshot(project / "tmx") == before


@pytest.mark.parametrize("broken", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.name)
def test_extract_into_a_broken_file_is_one_located_error(
    runner: CliRunner, project: Path, broken: Path
) -> None:
    (project / "report.txt").write_text(TEXT, encoding="utf-8")
    target = project / "glossary" / "zz.yaml"
    shutil.copy(broken, target)
    code, out, err = run(runner, project, "extract", "report.txt", "--into", "glossary/zz.yaml", "--top", "0")
    assert code == 1
    assert out == ""
    assert err.startswith(f"termkit: error: glossary/zz.yaml:{_expected(broken)}: "), err
    assert err.count("\n") == 1, err
    assert target.read_bytes() == broken.read_bytes()
