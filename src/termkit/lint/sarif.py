"""SARIF 2.1.0 output, for code-scanning tools (GitHub code scanning, VS Code SARIF viewer).

One run; the tool's rules are listed in ``tool.driver.rules`` with their default
level, every finding is a ``result`` pointing at ``PATH:LINE:COL`` (columns count
Unicode code points: ``columnKind`` says so), and files that could not be read
are also reported as ``toolExecutionNotifications`` with
``executionSuccessful: false``.  A relative path is relative to the ``%SRCROOT%``
base (``uriBaseId``), which ``run.originalUriBaseIds`` gives as the directory
termkit ran in; an absolute one is a ``file://`` URI.  The output is deterministic
(for the same input in the same directory): no timestamps.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any, Protocol
from urllib.parse import quote

from ..errors import Diagnostic, Severity
from ..textio import STDIN_NAME, json_array_parts
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
    """A path as SARIF's ``artifactLocation.uri``: a relative path as a relative URI
    reference (``/`` separators; spaces, ``%``, ``#``, ``:`` and non-ASCII
    percent-encoded, as UTF-8), an absolute one (``/tmp/x.po``, ``C:\\x.po``) as a
    ``file://`` URI, which SARIF requires of a location that is no relative reference.

    >>> artifact_uri("docs/用户 指南.md"), artifact_uri("/tmp/a b/中.po")
    ('docs/%E7%94%A8%E6%88%B7%20%E6%8C%87%E5%8D%97.md', 'file:///tmp/a%20b/%E4%B8%AD.po')
    >>> artifact_uri("C:/Users/me/x.po"), artifact_uri("a:b.po")
    ('file:///C:/Users/me/x.po', 'a%3Ab.po')
    """
    if _WINDOWS_ABSOLUTE.match(path):
        return "file:///" + quote(PureWindowsPath(path).as_posix(), safe="/:")
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return "file://" + quote(posix.as_posix(), safe="/")
    return quote(PurePath(path).as_posix(), safe="/")


#: ``C:\x``, ``C:/x``: an absolute Windows path (a drive and a separator).
_WINDOWS_ABSOLUTE = re.compile(r"^[A-Za-z]:[\\/]")


#: The base of relative paths (SARIF 2.1.0 3.4.4, 3.14.14), the name GitHub code scanning
#: and CodeQL use for the root of the checkout.
SRCROOT = "%SRCROOT%"


def artifact_location(path: str) -> dict[str, str]:
    """SARIF's ``artifactLocation`` of a path: a relative path is relative to
    :data:`SRCROOT` (``uriBaseId``); an absolute one is a ``file://`` URI, which takes no
    base, and so is standard input's name, which is no path under it.

    >>> artifact_location("docs/a.md"), artifact_location("/tmp/a.md")
    ({'uri': 'docs/a.md', 'uriBaseId': '%SRCROOT%'}, {'uri': 'file:///tmp/a.md'})
    """
    uri = artifact_uri(path)
    if uri.startswith("file://") or path == STDIN_NAME:
        return {"uri": uri}
    return {"uri": uri, "uriBaseId": SRCROOT}


def root_uri(directory: str) -> str:
    """The ``file://`` URI of a directory, ending in ``/`` as a base URI must (SARIF 3.14.14).

    >>> root_uri("/work/用户 文档")
    'file:///work/%E7%94%A8%E6%88%B7%20%E6%96%87%E6%A1%A3/'
    """
    uri = artifact_uri(directory)
    return uri if uri.endswith("/") else uri + "/"


def _location(d: Diagnostic) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": artifact_location(d.path),
            "region": {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)},
        }
    }


def _fingerprint(d: Diagnostic) -> str:
    """Stable across runs and line moves: rule, file, concept and matched text, and the message."""
    key = "\x1f".join([d.rule, d.path, d.concept or "", d.matched or "", d.message])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def to_sarif(
    diagnostics: Sequence[Diagnostic], rules: Sequence[Rule], version: str, root: str | None = None
) -> dict[str, Any]:
    """The SARIF log (a dict ready for :func:`json.dumps`); relative paths are relative
    to ``root`` (an absolute directory, the current one by default)."""
    log = _log(diagnostics, rules, version, root)
    log["runs"][0]["results"] = list(_results(diagnostics, rules))
    return log


def _results(diagnostics: Iterable[Diagnostic], rules: Sequence[Rule]) -> Iterator[dict[str, Any]]:
    """The ``result`` of each finding, in order."""
    rule_index = {r.id: i for i, r in enumerate(rules)}
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
        yield result


def _log(
    diagnostics: Iterable[Diagnostic], rules: Sequence[Rule], version: str, root: str | None
) -> dict[str, Any]:
    """The SARIF log without its results (an empty list, the last item of the run)."""
    notifications = [
        {"level": "error", "message": {"text": d.message}, "locations": [_location(d)]}
        for d in diagnostics
        if d.rule == INPUT_ERROR.id
    ]
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
                "originalUriBaseIds": {SRCROOT: {"uri": root_uri(root or os.getcwd())}},
                "columnKind": "unicodeCodePoints",
                "invocations": [invocation],
                "results": [],
            }
        ],
    }


def render_sarif(diagnostics: Sequence[Diagnostic], rules: Sequence[Rule], version: str) -> str:
    return "".join(sarif_parts(diagnostics, rules, version))


#: How the (empty) results of :func:`_log` are written; no string of the log can hold it
#: unescaped, and they are its last item.
_RESULTS = '"results": []'


def sarif_parts(
    diagnostics: Sequence[Diagnostic], rules: Sequence[Rule], version: str, root: str | None = None
) -> Iterator[str]:
    """:func:`to_sarif` as :func:`json.dumps` writes it (indented by 2), a result at a
    time: a long run of results is never held whole, neither as dicts nor as text."""
    text = json.dumps(_log(diagnostics, rules, version, root), ensure_ascii=False, indent=2)
    at = text.rindex(_RESULTS) + len(_RESULTS) - 2
    yield text[:at]
    yield from json_array_parts(_results(diagnostics, rules), " " * 6)
    yield text[at + 2 :] + "\n"
