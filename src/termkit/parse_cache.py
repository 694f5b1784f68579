"""A per-user cache of parsed files (glossary files: reading YAML is slow).

Reading a glossary of 10,000 concepts takes 2.3 s of CPU with libyaml
(ruamel.yaml.clib), 10–15 s where termkit falls back to ruamel.yaml's pure-Python
parser (see :mod:`termkit.glossary_file`), paid by every command that needs the
glossary (``lint`` in a pre-commit hook, ``extract --lang zh``, ``build``).  The
parsed result is a pure function of the file's name and text and of the code that
parses it, so it is kept in ``$TERMKIT_CACHE_DIR`` (default
``$XDG_CACHE_HOME/termkit`` or ``~/.cache/termkit``) under a key that hashes all
of them: the name, the text, the source of the modules that read and model it,
and the ruamel.yaml version.  A stale entry cannot be found, only a missing one.

The cache never changes a result and never fails a command: an entry that cannot
be read or written is ignored.  ``TERMKIT_NO_CACHE=1`` turns it off.  At most
:data:`MAX_ENTRIES` entries are kept (the oldest go first).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

#: Entries kept per kind; beyond it, the least recently written are removed.
MAX_ENTRIES = 256


def cache_dir(kind: str) -> Path | None:
    """The folder for ``kind`` entries, or None when caching is off."""
    if os.environ.get("TERMKIT_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("TERMKIT_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "termkit")
    return Path(base, kind)


@functools.lru_cache(maxsize=8)
def code_stamp(*modules: str) -> str:
    """A hash of the source files of ``modules`` (``termkit.model``...): the cache
    key changes whenever the code that produces or shapes an entry does."""
    import importlib.util

    digest = hashlib.sha256()
    for name in modules:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        digest.update(name.encode())
        digest.update(Path(origin).read_bytes() if origin and os.path.isfile(origin) else b"?")
    return digest.hexdigest()


def key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def load(kind: str, entry: str) -> Any:
    """The cached object, or None (no entry, caching off, or an unreadable entry)."""
    folder = cache_dir(kind)
    if folder is None:
        return None
    try:
        with open(folder / f"{entry}.pickle", "rb") as fp:
            return pickle.load(fp)
    except Exception:  # a missing, truncated or foreign entry is a miss
        return None


def store(kind: str, entry: str, obj: Any) -> None:
    """Keep ``obj`` under ``entry`` (atomically; errors are ignored)."""
    folder = cache_dir(kind)
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # (entries are pickles: yours only)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fp:
                pickle.dump(obj, fp, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{entry}.pickle")
        except BaseException:
            os.unlink(tmp)
            raise
        _trim(folder)
    except Exception:  # a read-only or full disk: no cache, same result
        return


def _trim(folder: Path) -> None:
    entries = list(folder.glob("*.pickle"))
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime)
    for old in entries[: len(entries) - MAX_ENTRIES // 2]:
        old.unlink(missing_ok=True)
