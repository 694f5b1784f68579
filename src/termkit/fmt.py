"""Canonical formatting of glossary files (``termkit fmt``)."""

from __future__ import annotations

import os
from collections.abc import Iterable

from .errors import GlossaryError, Severity
from .glossary_file import format_glossary_file, glossary_paths, read_glossary_file
from .textio import decode, read_bytes, write_text_atomic


def format_paths(paths: Iterable[str | os.PathLike[str]], write: bool = True) -> list[str]:
    """Reformat glossary files; return the paths that changed (or would change).

    Raises GlossaryError (located) for the first file that cannot be read or has
    errors; files before it may already have been rewritten, each atomically.
    """
    changed = []
    for path in glossary_paths(paths):
        raw = read_bytes(path)
        text = decode(raw, path)
        gfile = read_glossary_file(path, text)
        errors = [d for d in gfile.diagnostics if d.severity is Severity.ERROR]
        if errors:
            d = errors[0]
            raise GlossaryError(
                f"{d.message} [{d.rule}]; not reformatting this file", d.path, d.line, d.column
            )
        canonical = format_glossary_file(gfile)
        if canonical.encode("utf-8") != raw:
            changed.append(path)
            if write:
                write_text_atomic(path, canonical)
    return changed
