"""The lint configuration (``termkit.toml``, ``[tool.termkit]``): unknown tables and keys are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.errors import UsageError
from termkit.lint.config import load_config


def refused(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return refused_bytes(path)


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        # a misspelt table took its settings with it, without a word
        ('glossary = "g"\n[lnt]\nfail-on = "never"\n', "2:2", "unknown table [lnt]; did you mean [lint]?"),
        ('lnt.fail-on = "never"\n', "1:1", "unknown table [lnt]; did you mean [lint]?"),
        ('bogus_key = 1\n[lint]\nfail-on = "never"\n', "1:1", "unknown setting bogus_key (known: "),
        (
            '[lint]\nfail-on = "never"\n  fail_on = "x"\n',
            "3:3",
            "unknown lint setting fail_on; did you mean fail-on?",
        ),
        ('fail-on = "never"\n"odd key" = 1\n', "2:1", 'unknown setting "odd key" (known: '),
    ],
)
def test_unknown_tables_and_keys_of_termkit_toml_are_refused_where_they_are(
    tmp_path: Path, text: str, where: str, what: str
) -> None:
    path = tmp_path / "termkit.toml"
    message = refused(path, text)
    assert message.startswith(f"{path}:{where}: {what}")
    assert "fail-on, glossary, ignore, include-fuzzy, include-proposed, select" in message


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        (
            '[tool.termkit]\nglossary = "g"\n[tool.termkit.lnit]\nfail-on = "never"\n',
            "3:15",
            "unknown table [tool.termkit.lnit]; did you mean [tool.termkit.lint]?",
        ),
        ('[tool.termkit]\nlnit.fail-on = "never"\n', "2:1", "unknown table [tool.termkit.lnit]"),
        ("[tool.termkit]\nbogus_key = 1\n", "2:1", "unknown setting tool.termkit.bogus_key"),
        ("[tool]\ntermkit.bogus_key = 1\n", "2:9", "unknown setting tool.termkit.bogus_key"),
        ('[tool.termkit.lint]\nfail-on = "never"\nfail_on = 1\n', "3:1", "unknown lint setting fail_on"),
    ],
)
def test_unknown_tables_and_keys_of_tool_termkit_are_refused(
    tmp_path: Path, text: str, where: str, what: str
) -> None:
    path = tmp_path / "pyproject.toml"
    assert refused(path, '[project]\nname = "x"\n' + text).startswith(
        f"{path}:{int(where.split(':')[0]) + 2}:{where.split(':')[1]}: {what}"
    )


def test_other_tools_tables_of_pyproject_are_theirs(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[project]\nname = "x"\n[tool.ruff]\nline-length = 100\n[tool.ruff.lint]\nselect = ["E"]\n'
        '[tool.termkit]\nglossary = "g"\n[tool.termkit.lint]\nfail-on = "never"\n[tool.mypy]\nstrict = true\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert (config.fail_on, config.glossary) == ("never", [str(tmp_path / "g")])


def test_a_toml_syntax_error_is_located(tmp_path: Path) -> None:
    path = tmp_path / "termkit.toml"
    assert refused(path, "[lint]\nfail-on = never\n") == f"{path}:2:11: invalid TOML: Invalid value"


def test_a_configuration_that_is_not_utf8_is_a_located_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "termkit.toml"
    path.write_bytes('glossary = "g"\nfail-on = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(UsageError) as info:
        load_config(path)
    assert (
        str(info.value)
        == f"{path}:2:15: invalid UTF-8 at byte offset 29 (byte 0xe9); re-save the file as UTF-8"
    )


@pytest.mark.parametrize(
    ("name", "what"), [("folder", "is a directory, not a file"), ("missing.toml", "no such file")]
)
def test_a_configuration_that_is_a_folder_or_missing_is_said_as_every_command_says_it(
    tmp_path: Path, name: str, what: str
) -> None:
    """`lint --config DIR` said "cannot read: Is a directory", where every other command
    (and the README) says "is a directory, not a file"."""
    (tmp_path / "folder").mkdir()
    with pytest.raises(UsageError) as info:
        load_config(tmp_path / name)
    assert str(info.value) == f"{tmp_path / name}: {what}"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_configuration_with_a_bom_is_read(tmp_path: Path, encoding: str) -> None:
    # Windows editors and PowerShell's ">" write a BOM (PowerShell 5: UTF-16)
    path = tmp_path / "termkit.toml"
    path.write_bytes('glossary = "g"\n[lint]\nfail-on = "error"\n'.encode(encoding))
    config = load_config(path)
    assert (config.fail_on, config.glossary) == ("error", [str(tmp_path / "g")])
    path.write_bytes('glosary = "g"\n'.encode(encoding))
    assert refused_bytes(path).startswith(f"{path}:1:1: unknown setting glosary; did you mean glossary?")


def refused_bytes(path: Path) -> str:
    with pytest.raises(UsageError) as info:
        load_config(path)
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ('[lint]\nselect = ["deprecated-trem"]\n', "2:1", "unknown rule deprecated-trem in select"),
        ('glossary = "g"\nignore = "term-case, bogus"\n', "2:1", "unknown rule bogus in ignore"),
        ('[tool.termkit.lint]\nignore = ["nope"]\n', "2:1", "unknown rule nope in ignore"),
    ],
)
def test_an_unknown_rule_in_the_configuration_names_the_file(
    tmp_path: Path, text: str, where: str, what: str
) -> None:
    name = "pyproject.toml" if text.startswith("[tool") else "termkit.toml"
    path = tmp_path / name
    assert refused(path, text) == f"{path}:{where}: {what}; see 'termkit lint --list-rules'"


@pytest.mark.parametrize(
    ("name", "text", "where", "what"),
    [
        ("termkit.toml", "glossary = 12\n", "1:1", "glossary must be a string or a list of strings"),
        ("termkit.toml", 'glossary = "g"\n[lint]\nselect = [1]\n', "3:1", "select must be a string"),
        (
            "termkit.toml",
            "[lint]\nfail-on = 3\n",
            "2:1",
            "fail-on must be one of error, warning, never, not 3",
        ),
        (
            "termkit.toml",
            'fail-on = "never"\ninclude-fuzzy = "yes"\n',
            "2:1",
            "include-fuzzy must be true or false",
        ),
        (
            "pyproject.toml",
            '[tool.termkit]\nglossary = "g"\n[tool.termkit.lint]\ninclude-proposed = 1\n',
            "4:1",
            "include-proposed must be true or false",
        ),
    ],
)
def test_a_value_of_the_wrong_type_is_located_at_its_key(
    tmp_path: Path, name: str, text: str, where: str, what: str
) -> None:
    """These errors named the file alone, without the line of the key."""
    path = tmp_path / name
    assert refused(path, text).startswith(f"{path}:{where}: {what}")
