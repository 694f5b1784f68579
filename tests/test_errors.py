"""termkit.errors: every message is one line."""

from __future__ import annotations

import doctest
from pathlib import Path

from termkit import errors
from termkit.check import check_paths
from termkit.errors import Diagnostic, FormatError, Severity


def test_doctests() -> None:
    assert doctest.testmod(errors).failed == 0


def test_errors_and_diagnostics_are_one_line() -> None:
    err = FormatError("malformed XML: Char 0x0 out of allowed range\n", "a.tbx", 3, 4)
    assert err.message == "malformed XML: Char 0x0 out of allowed range"
    diag = Diagnostic("g.yaml", 1, 1, Severity.ERROR, "not allowed\n  in '<unicode string>'", "syntax")
    assert diag.format() == "g.yaml:1:1: error: not allowed in '<unicode string>' [syntax]"
    # spaces that are part of the message stay
    assert (
        Diagnostic("g.yaml", 1, 1, Severity.ERROR, "doubled space in 'a  b'", "whitespace").message.count(
            "  "
        )
        == 1
    )


def test_yaml_parser_error_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_bytes(b"\xff\xfe\x00\x00x\x00\x00\x00")  # UTF-32: NUL characters for YAML
    _files, diags = check_paths([path])
    assert diags and all("\n" not in d.format() for d in diags)


def test_a_message_of_megabytes_keeps_its_start_and_what_to_do() -> None:
    """A whole file read as one header cell (a UTF-8 file behind a UTF-16 mark, a text
    given as a sheet) made one error line of hundreds of kilobytes."""
    value = "x" * 200_000
    err = FormatError(f"unknown column '{value}'; rename or delete it", "a.csv", 1, 1)
    assert len(str(err)) < 1100
    assert err.message.startswith("unknown column 'xxx")
    assert err.message.endswith("xxx'; rename or delete it")
    assert "[... 199138 characters ...]" in err.message
    diag = Diagnostic(
        "a.yaml", 1, 1, Severity.ERROR, f"control character in {value!r}; delete it", "control-char"
    )
    assert len(diag.message) < 1000 and diag.message.endswith("; delete it")
