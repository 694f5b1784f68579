"""Lint configuration from ``termkit.toml`` or ``pyproject.toml`` (``[tool.termkit]``).

The nearest file up from the working folder wins; in one folder ``termkit.toml``
comes before ``pyproject.toml``, and a ``pyproject.toml`` without a
``[tool.termkit]`` table is skipped.  Keys (all optional)::

    # pyproject.toml                      # termkit.toml
    [tool.termkit]                        glossary = "glossary"
    glossary = "glossary"                 [lint]
    [tool.termkit.lint]                   select = ["deprecated-term", "mixed-variants"]
    ignore = ["term-case"]                ignore = ["term-case"]
    fail-on = "error"                     fail-on = "error"

``include-proposed`` (default true) and ``include-fuzzy`` (default false) are booleans.
``select``, ``ignore`` and ``fail-on`` may also stand directly in ``[tool.termkit]``
(or at the top of ``termkit.toml``).  A relative glossary path is relative to the
configuration file.  Options on the command line win over the file.

A key or table termkit does not know (``[lnt]``, ``[tool.termkit.lnit]``,
``fail_on``) is refused, located at ``FILE:LINE:COL`` where the text shows it,
rather than silently ignored; in ``pyproject.toml`` only ``[tool.termkit]`` and
its sub-tables are termkit's (other tools' tables are theirs).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ..textio import decode, reading
from .engine import unknown_rules

FAIL_ON = ("error", "warning", "never")
_KEYS = {"glossary", "select", "ignore", "fail-on", "include-proposed", "include-fuzzy"}
#: The tables termkit's settings may hold beside the keys.
_TABLES = {"lint"}


@dataclass
class LintConfig:
    """Settings read from a configuration file (empty when there is none)."""

    glossary: list[str] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    include_proposed: bool = True
    #: Lint fuzzy and untranslated units of TMX/PO/XLIFF files too.
    include_fuzzy: bool = False
    #: The file the settings came from.
    source: str | None = None


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``termkit.toml``, or ``pyproject.toml`` with ``[tool.termkit]``, up from ``start``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "termkit.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "tool" in _read(candidate) and "termkit" in _read(candidate)["tool"]:
            return candidate
    return None


def _read(path: Path) -> dict[str, Any]:
    """The TOML of ``path``: UTF-8 (a BOM is skipped) or BOM-marked UTF-16, as every text
    termkit reads; bytes in another encoding are a located usage error, not a traceback."""
    try:
        with reading(str(path)):  # a folder or a missing file is said as every command says it
            data = path.read_bytes()
        return tomllib.loads(decode(data, str(path)))
    except tomllib.TOMLDecodeError as exc:
        message, line, column = _toml_error(str(exc))
        raise UsageError(f"invalid TOML: {message}", str(path), line, column) from None
    except InputError as exc:
        raise UsageError(exc.message, exc.path, exc.line, exc.column) from None
    except OSError as exc:
        raise UsageError(f"cannot read: {exc.strerror}", str(path)) from None


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _toml_error(message: str) -> tuple[str, int | None, int | None]:
    """tomllib's message without its ``(at line L, column C)``, and L and C."""
    found = _AT.search(message)
    if found is None:
        return message, None, None
    return message[: found.start()], int(found.group(1)), int(found.group(2))


def load_config(path: Path | None = None, start: Path | None = None) -> LintConfig:
    """Read the lint settings of ``path`` (or of the nearest configuration file)."""
    path = path or find_config(start)
    if path is None:
        return LintConfig()
    data = _read(path)
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        prefix = ("tool", "termkit")
        data = data.get("tool", {}).get("termkit", {})
    if not isinstance(data, dict):
        raise UsageError("[tool.termkit] must be a table", str(path), *_locate(path, prefix))
    table = dict(data)
    lint = table.pop("lint", {})
    if not isinstance(lint, dict):
        raise UsageError("the lint settings must be a table", str(path), *_locate(path, (*prefix, "lint")))
    _refuse_unknown(path, prefix, table, _KEYS | _TABLES)
    _refuse_unknown(path, (*prefix, "lint"), lint, _KEYS)
    merged = {k: v for k, v in table.items() if k in _KEYS}
    merged.update(lint)
    config = LintConfig(source=str(path))
    base = path.parent

    def where(key: str) -> tuple[int | None, int | None]:
        return _locate(path, (*prefix, "lint", key) if key in lint else (*prefix, key))

    if "glossary" in merged:
        config.glossary = [
            str(base / g) for g in _strings(merged["glossary"], "glossary", path, where("glossary"))
        ]
    if "select" in merged:
        config.select = _rules(merged["select"], "select", path, prefix, lint)
    if "ignore" in merged:
        config.ignore = _rules(merged["ignore"], "ignore", path, prefix, lint)
    if "fail-on" in merged:
        value = merged["fail-on"]
        if value not in FAIL_ON:
            raise UsageError(
                f"fail-on must be one of {', '.join(FAIL_ON)}, not {value!r}", str(path), *where("fail-on")
            )
        config.fail_on = value
    for key in ("include-proposed", "include-fuzzy"):
        if key in merged:
            if not isinstance(merged[key], bool):
                raise UsageError(f"{key} must be true or false", str(path), *where(key))
            setattr(config, key.replace("-", "_"), merged[key])
    return config


def _strings(value: Any, key: str, path: Path, where: tuple[int | None, int | None]) -> list[str]:
    """A string (comma-separated) or a list of strings (else an error at ``where``)."""
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise UsageError(f"{key} must be a string or a list of strings", str(path), *where)


def _rules(value: Any, key: str, path: Path, prefix: tuple[str, ...], lint: dict[str, Any]) -> list[str]:
    """The rule ids of ``select`` or ``ignore``; an unknown one is a usage error located
    at the key, as a misspelt rule in ``--select`` is."""
    where = _locate(path, (*prefix, "lint", key) if key in lint else (*prefix, key))
    ids = _strings(value, key, path, where)
    unknown = unknown_rules(ids)
    if unknown:
        raise UsageError(
            f"unknown rule {', '.join(unknown)} in {key}; see 'termkit lint --list-rules'", str(path), *where
        )
    return ids


def _refuse_unknown(path: Path, table: tuple[str, ...], data: dict[str, Any], known: set[str]) -> None:
    """A usage error at the first key of ``data`` (the table at key path ``table``) not in ``known``.

    A misspelt table or key would otherwise be ignored without a word, and the
    settings it holds with it (``[lnt]`` with ``fail-on = "never"``).
    """
    unknown = [k for k in data if k not in known]
    if not unknown:
        return
    where = {k: _locate(path, (*table, k)) for k in unknown}
    first = min(unknown, key=lambda k: (where[k][0] or 0, unknown.index(k)))
    is_table = isinstance(data[first], dict)
    keys = sorted(known - _TABLES)
    tables = [_header((*table, t)) for t in sorted(known & _TABLES)]
    if table and table[-1] == "lint":
        what = f"table {_header((*table, first))}" if is_table else f"lint setting {_toml_key(first)}"
    else:
        what = f"table {_header((*table, first))}" if is_table else f"setting {_dotted((*table, first))}"
    close = difflib.get_close_matches(first, sorted(known), n=1)
    hint = ""
    if close:
        hint = f"; did you mean {_header((*table, close[0])) if close[0] in _TABLES else close[0]}?"
    known_text = ", ".join(keys) + (f" and the table {', '.join(tables)}" if tables else "")
    raise UsageError(f"unknown {what}{hint} (known: {known_text})", str(path), *where[first])


def _dotted(keys: tuple[str, ...]) -> str:
    return ".".join(_toml_key(k) for k in keys)


def _header(keys: tuple[str, ...]) -> str:
    return f"[{_dotted(keys)}]"


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
#: One part of a dotted TOML key: bare, "basic" or 'literal'.
_KEY_PART = re.compile(r"""\s*([A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')\s*""")
_HEADER = re.compile(r"^\s*\[\[?(.*?)\]\]?\s*(?:#.*)?$")


def _toml_key(key: str) -> str:
    """``key`` as TOML writes it: bare when it can be, else quoted."""
    return key if _BARE_KEY.fullmatch(key) else '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _key_parts(text: str, offset: int) -> list[tuple[str, int]] | None:
    """The parts of the dotted key ``text`` (starting at column ``offset``) and where each starts."""
    parts: list[tuple[str, int]] = []
    pos = 0
    while True:
        found = _KEY_PART.match(text, pos)
        if found is None:
            return None
        raw = found.group(1)
        name = raw[1:-1] if raw[0] in "\"'" else raw
        if raw[0] == '"':
            name = re.sub(r"\\(.)", r"\1", name)
        parts.append((name, offset + found.start(1)))
        pos = found.end()
        if pos == len(text) or text[pos] != ".":
            return parts if pos == len(text) else None
        pos += 1


def _locate(path: Path, keys: tuple[str, ...]) -> tuple[int | None, int | None]:
    """The 1-based line and column where the key path ``keys`` is first written in
    ``path``: its table header (``[lnt]``), or a key line under the table it
    belongs to (``lnit.fail-on = ...`` under ``[tool.termkit]``); (None, None)
    when the text does not show it.  tomllib gives no positions: this reads the
    lines, header by header (good enough for messages; multi-line strings are
    not skipped)."""
    if not keys:
        return None, None
    try:
        text = decode(path.read_bytes(), str(path))
    except (OSError, InputError):
        return None, None
    current: list[str] = []
    found: list[tuple[str, int | None]]
    for lineno, line in enumerate(text.split("\n"), 1):
        header = _HEADER.match(line)
        if header is not None:
            parts = _key_parts(header.group(1), header.start(1))
            if parts is None:
                continue
            current = [name for name, _ in parts]
            found = list(parts)
        else:
            key = line.split("=", 1)[0] if "=" in line else ""
            parts = _key_parts(key, 0) if key.strip() and not key.lstrip().startswith("#") else None
            if parts is None:
                continue
            found = [(name, None) for name in current] + list(parts)
        if len(found) >= len(keys) and tuple(name for name, _ in found[: len(keys)]) == keys:
            column = found[len(keys) - 1][1]
            if column is None:  # (under a header of the key path itself: the header said it)
                continue
            return lineno, column + 1
    return None, None
