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
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError

FAIL_ON = ("error", "warning", "never")
_KEYS = {"glossary", "select", "ignore", "fail-on", "include-proposed", "include-fuzzy"}


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
    try:
        with path.open("rb") as fp:
            return tomllib.load(fp)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"invalid TOML: {exc}", str(path)) from None
    except OSError as exc:
        raise UsageError(f"cannot read: {exc.strerror}", str(path)) from None


def load_config(path: Path | None = None, start: Path | None = None) -> LintConfig:
    """Read the lint settings of ``path`` (or of the nearest configuration file)."""
    path = path or find_config(start)
    if path is None:
        return LintConfig()
    data = _read(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("termkit", {})
    if not isinstance(data, dict):
        raise UsageError("[tool.termkit] must be a table", str(path))
    table = dict(data)
    lint = table.pop("lint", {})
    if not isinstance(lint, dict):
        raise UsageError("the lint settings must be a table", str(path))
    merged = {k: v for k, v in table.items() if k in _KEYS}
    merged.update(lint)
    unknown = sorted(set(lint) - _KEYS)
    if unknown:
        raise UsageError(
            f"unknown lint setting {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})", str(path)
        )
    config = LintConfig(source=str(path))
    base = path.parent
    if "glossary" in merged:
        config.glossary = [str(base / g) for g in _strings(merged["glossary"], "glossary", path)]
    if "select" in merged:
        config.select = _strings(merged["select"], "select", path)
    if "ignore" in merged:
        config.ignore = _strings(merged["ignore"], "ignore", path)
    if "fail-on" in merged:
        value = merged["fail-on"]
        if value not in FAIL_ON:
            raise UsageError(f"fail-on must be one of {', '.join(FAIL_ON)}, not {value!r}", str(path))
        config.fail_on = value
    for key in ("include-proposed", "include-fuzzy"):
        if key in merged:
            if not isinstance(merged[key], bool):
                raise UsageError(f"{key} must be true or false", str(path))
            setattr(config, key.replace("-", "_"), merged[key])
    return config


def _strings(value: Any, key: str, path: Path) -> list[str]:
    """A string (comma-separated) or a list of strings."""
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise UsageError(f"{key} must be a string or a list of strings", str(path))
