"""The committed exports in tmx/ are exactly what `termkit build` makes of glossary/."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from termkit.cli.main import cli

from conftest import GLOSSARY, ROOT


def test_tmx_folder_is_up_to_date(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", "--glossary", str(GLOSSARY), "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 0, result.output
    built = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in (ROOT / "tmx").iterdir())
    assert built == committed
    for name in built:
        assert (tmp_path / name).read_bytes() == (ROOT / "tmx" / name).read_bytes(), (
            f"tmx/{name} is stale: run 'make build' and commit tmx/"
        )
