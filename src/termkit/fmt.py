"""Canonical formatting of glossary files (``termkit fmt``)."""

from __future__ import annotations

import os
from collections.abc import Iterable

from .check import refuse_errors
from .glossary_file import format_glossary_file, glossary_paths, read_glossary_file
from .textio import decode, read_bytes, write_text_atomic


def format_paths(paths: Iterable[str | os.PathLike[str]], write: bool = True) -> list[str]:
    """Reformat glossary files; return the paths that changed (or would change).

    Every file is read and checked first: if ``termkit check`` reports an error
    (not a mere warning) in any of them, nothing is written and a GlossaryError
    locates the first error.  Each file is then written atomically.
    """
    read = []
    for path in glossary_paths(paths):
        raw = read_bytes(path)
        read.append((path, raw, read_glossary_file(path, decode(raw, path))))
    refuse_errors([g for _, _, g in read], "not reformatting a glossary with errors")
    changed = []
    for path, raw, gfile in read:
        canonical = format_glossary_file(gfile)
        if canonical.encode("utf-8") != raw:
            changed.append(path)
            if write:
                write_text_atomic(path, canonical)
    return changed
