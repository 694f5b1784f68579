"""Docs that cannot go stale: every command's help is in docs/cli.md, verbatim."""

from __future__ import annotations

from termkit.cli.docgen import generate
from termkit.cli.main import COMMANDS, cli

from .conftest import ROOT


def test_cli_reference_is_up_to_date() -> None:
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == generate(), "docs/cli.md is stale: run 'make docs'"


def test_every_command_is_documented_with_an_example(runner) -> None:  # type: ignore[no-untyped-def]
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"## `termkit {name}`" in text
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output, f"termkit {name} --help has no example"


def test_changelog_and_format_doc_exist() -> None:
    assert (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").startswith("# Changelog")
    assert "rain-plan" in (ROOT / "docs" / "glossary-format.md").read_text(encoding="utf-8")


def test_glossary_format_example_is_canonical_and_clean(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from termkit.check import check_paths
    from termkit.glossary_file import format_glossary_file, read_glossary_file

    doc = (ROOT / "docs" / "glossary-format.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    _files, diags = check_paths([path])
    assert [d.format() for d in diags] == []
    assert format_glossary_file(read_glossary_file(path)) == example
