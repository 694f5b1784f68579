"""SARIF 2.1.0 output, for code-scanning tools (GitHub code scanning, VS Code SARIF viewer).

One run; the tool's rules are listed in ``tool.driver.rules`` with their default
level, every finding is a ``result`` pointing at ``PATH:LINE:COL`` (columns count
Unicode code points: ``columnKind`` says so), and files that could not be read
are also reported as ``toolExecutionNotifications`` with
``executionSuccessful: false``.  The output is deterministic: no timestamps.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any, Protocol
from urllib.parse import quote

from ..errors import Diagnostic, Severity
from .rules import INPUT_ERROR


class Rule(Protocol):
    """What the driver lists of a rule: lint's rules, and ``termkit check``'s too."""

    @property
    def id(self) -> str: ...

    @property
    def severity(self) -> Severity: ...

    @property
    def description(self) -> str: ...


SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference (``/`` separators, spaces and non-ASCII percent-encoded)."""
    return quote(PurePath(path).as_posix(), safe="/:")


def _location(d: Diagnostic) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(d.path)},
            "region": {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)},
        }
    }


def _fingerprint(d: Diagnostic) -> str:
    """Stable across runs and line moves: rule, file, concept and matched text, and the message."""
    key = "\x1f".join([d.rule, d.path, d.concept or "", d.matched or "", d.message])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def to_sarif(diagnostics: Sequence[Diagnostic], rules: Sequence[Rule], version: str) -> dict[str, Any]:
    """The SARIF log (a dict ready for :func:`json.dumps`)."""
    rule_index = {r.id: i for i, r in enumerate(rules)}
    results = []
    notifications = []
    for d in diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.rule,
            "level": LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [_location(d)],
            "partialFingerprints": {"termkitFinding/v1": _fingerprint(d)},
        }
        if d.rule in rule_index:
            result["ruleIndex"] = rule_index[d.rule]
        props = {
            k: v for k, v in (("concept", d.concept), ("matched", d.matched), ("expected", d.expected)) if v
        }
        if props:
            result["properties"] = props
        results.append(result)
        if d.rule == INPUT_ERROR.id:
            notifications.append(
                {"level": "error", "message": {"text": d.message}, "locations": [_location(d)]}
            )
    driver = {
        "name": "termkit",
        "version": version,
        "rules": [
            {
                "id": r.id,
                "name": "".join(part.title() for part in r.id.split("-")),
                "shortDescription": {"text": r.description},
                "defaultConfiguration": {"level": LEVELS[r.severity]},
                **({"properties": {"scope": scope}} if (scope := getattr(r, "scope", None)) else {}),
            }
            for r in rules
        ],
    }
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "invocations": [invocation],
                "results": results,
            }
        ],
    }


def render_sarif(diagnostics: Sequence[Diagnostic], rules: Sequence[Rule], version: str) -> str:
    return json.dumps(to_sarif(diagnostics, rules, version), ensure_ascii=False, indent=2) + "\n"
