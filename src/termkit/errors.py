"""The one root exception of termkit, and the located diagnostics it reports.

Every error that bad input can cause is a :class:`TermkitError` (or a subclass)
carrying the path, 1-based line and 1-based column it concerns.  The command line
turns it into one line on stderr, ``termkit: error: PATH:LINE:COL: message``, and
exit status 1.  Parsers never print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class TermkitError(Exception):
    """Root of every error termkit raises on purpose."""

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        rule: str | None = None,
    ) -> None:
        message = one_line(message)
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        #: A stable rule id (``syntax``, ``duplicate-id``...) where one applies.
        self.rule = rule

    @property
    def location(self) -> str:
        """``PATH:LINE:COL`` (as much of it as is known), or ``""``."""
        return format_location(self.path, self.line, self.column)

    def __str__(self) -> str:
        loc = self.location
        return f"{loc}: {self.message}" if loc else self.message


class InputError(TermkitError):
    """A file cannot be read or decoded (missing, binary, wrong encoding)."""


class GlossaryError(TermkitError):
    """A glossary file is malformed or violates the glossary model."""


class FormatError(TermkitError):
    """A TMX/PO/TBX/XLIFF/CSV file is malformed, unsafe, or cannot carry the data."""


class UsageError(TermkitError):
    """The caller asked for something impossible (bad option combination, unknown format)."""


def one_line(message: str) -> str:
    """``message`` on one line: the line breaks a parser put in it become spaces; and
    one a reader can read: past :data:`MAX_MESSAGE` characters (a quoted value of
    megabytes, a whole file read as one header cell), the middle is left out, and
    the start (what) and the end (what to do) are kept.

    >>> one_line("not allowed\\n  in '<unicode string>', position 0\\n")
    "not allowed in '<unicode string>', position 0"
    >>> short = one_line("unknown column '" + "x" * 5000 + "'; rename or delete it")
    >>> len(short) < 1000, short.endswith("'; rename or delete it"), "[... 4138 characters ...]" in short
    (True, True, True)
    """
    if "\n" in message or "\r" in message:
        message = _BREAKS.sub(" ", message).strip()
    if len(message) > MAX_MESSAGE:
        left_out = len(message) - _HEAD - _TAIL
        message = f"{message[:_HEAD]} [... {left_out} characters ...] {message[-_TAIL:]}"
    return message


_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")
#: The longest message shown whole; of a longer one, the first _HEAD and the last
#: _TAIL characters.
MAX_MESSAGE = 1000
_HEAD, _TAIL = 600, 300


def plural(n: int, noun: str) -> str:
    """``noun`` as it is said of ``n`` things: ``pair`` of 1, ``pairs`` of 0 or 2."""
    return noun if n == 1 else f"{noun}s"


def count(n: int, noun: str, *, thousands: bool = False) -> str:
    """``1 file``, ``2 files``, ``0 errors`` (``12,345 pairs`` with ``thousands``)."""
    return f"{n:,} {plural(n, noun)}" if thousands else f"{n} {plural(n, noun)}"


def format_location(path: str | None, line: int | None = None, column: int | None = None) -> str:
    """Join path, line and column the way editors make clickable."""
    if path is None:
        return ""
    parts = [path]
    if line is not None:
        parts.append(str(line))
        if column is not None:
            parts.append(str(column))
    return ":".join(parts)


class Severity(StrEnum):
    """How serious a diagnostic is; ordered from least to most serious."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(slots=True)
class Diagnostic:
    """One located finding: a problem in a glossary file, or a lint finding in a text.

    ``line`` and ``column`` are 1-based.  ``concept``, ``matched`` and ``expected``
    are filled by checks that concern a glossary concept; ``extra``, fields a finding
    adds to its JSON.  (Slots and no empty ``extra`` of its own: a run may hold
    hundreds of thousands of findings.)
    """

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    rule: str
    concept: str | None = None
    matched: str | None = None
    expected: str | None = None
    extra: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        self.message = one_line(self.message)

    def format(self) -> str:
        """``PATH:LINE:COL: severity: message [rule-id]``."""
        loc = format_location(self.path, self.line, self.column)
        return f"{loc}: {self.severity.value}: {self.message} [{self.rule}]"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "rule": self.rule,
            "message": self.message,
            "concept": self.concept,
            "matched": self.matched,
            "expected": self.expected,
        }
        if self.extra:
            d.update(self.extra)
        return d

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.rule, self.message)
