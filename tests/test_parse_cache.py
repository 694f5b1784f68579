"""The per-user cache of parsed glossary files: same results, never stale, never in the way."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from termkit import glossary_file, parse_cache
from termkit.glossary_file import read_glossary_file

TEXT = """\
# Programme names.
rain-plan:
  status: approved
  definition: Vocational training subsidy programme for the rural poor.  # short
  terms:
    en:
      - text: Rain Plan
        status: preferred
    zh-CN:
      - text: 雨露计划
        status: preferred
bad:
  colour: blue
  terms:
    en:
      - text: bad
"""


def _counting_parser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = glossary_file._parse_yaml

    def parse(text: str, path: str) -> Any:
        calls.append(path)
        return real(text, path)

    monkeypatch.setattr(glossary_file, "_parse_yaml", parse)
    return calls


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A glossary file holding TEXT."""
    gfile = tmp_path / "g.yaml"
    gfile.write_text(TEXT, encoding="utf-8")
    return gfile


def _entries() -> list[Path]:
    folder = Path(os.environ["TERMKIT_CACHE_DIR"], "glossary")
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


def test_a_second_read_comes_from_the_cache_and_is_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting_parser(monkeypatch)
    first = read_glossary_file(path)
    second = read_glossary_file(path)
    assert calls == [str(path)]
    assert second == first and second is not first
    assert [c.id for c in second.concepts] == ["rain-plan", "bad"]
    assert second.comments == first.comments and second.comments  # comments kept
    assert second.diagnostics == first.diagnostics and second.has_errors  # so are problems
    assert len(_entries()) == 1


def test_a_changed_file_or_name_is_parsed_again(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting_parser(monkeypatch)
    read_glossary_file(path)
    path.write_text(TEXT.replace("Rain Plan", "Rain Programme"), encoding="utf-8")
    again = read_glossary_file(path)
    assert again.concepts[0].terms["en"][0].text == "Rain Programme"
    other = tmp_path / "h.yaml"
    other.write_text(TEXT, encoding="utf-8")
    assert read_glossary_file(other).diagnostics[0].path == str(other)  # locations name it
    assert len(calls) == 3


def test_the_key_changes_with_the_code() -> None:
    assert parse_cache.code_stamp("termkit.model") != parse_cache.code_stamp("termkit.errors")
    assert parse_cache.key("a", "bc") != parse_cache.key("ab", "c")


def test_off_broken_or_unwritable_caches_change_nothing(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = read_glossary_file(path)
    (entry,) = _entries()
    entry.write_bytes(b"not a pickle")  # a damaged entry is a miss, and is rewritten
    assert read_glossary_file(path) == expected
    assert entry.read_bytes() != b"not a pickle"
    monkeypatch.setenv("TERMKIT_NO_CACHE", "1")
    entry.unlink()
    assert read_glossary_file(path) == expected
    assert _entries() == []
    monkeypatch.delenv("TERMKIT_NO_CACHE")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(blocker))  # cannot be created
    assert read_glossary_file(path) == expected


def test_the_cache_keeps_a_bounded_number_of_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_cache, "MAX_ENTRIES", 4)
    for n in range(9):
        path = tmp_path / f"g{n}.yaml"
        path.write_text(TEXT, encoding="utf-8")
        read_glossary_file(path)
    assert 2 <= len(_entries()) <= 4
    assert not [p for p in os.listdir(_entries()[0].parent) if p.startswith(".tmp-")]  # none left over
