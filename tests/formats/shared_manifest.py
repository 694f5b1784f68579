"""Facts about the files in ../shared/formats, parsed from its MANIFEST.md (not hard-coded)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from conftest import SHARED

FORMATS = SHARED / "formats"
_SECTION = re.compile(r"^### `([^`]+)`\s*$")


@dataclass(frozen=True)
class ManifestEntry:
    path: Path
    lines: tuple[str, ...]

    def field(self, name: str) -> str:
        """The text after ``- **name:**`` in this entry."""
        prefix = f"- **{name}:**"
        for line in self.lines:
            if line.startswith(prefix):
                return line[len(prefix) :].strip()
        raise KeyError(f"{self.path.name}: no '{name}' in MANIFEST.md")

    def number(self, pattern: str, field: str) -> int:
        match = re.search(pattern, self.field(field))
        if not match:
            raise KeyError(f"{self.path.name}: {pattern!r} not found in '{field}'")
        return int(match.group(1))

    @property
    def well_formed(self) -> bool:
        """False for the files MANIFEST.md says are not well-formed XML (negative tests)."""
        for line in self.lines:
            if "**well-formed:**" in line:
                return line.split("**well-formed:**", 1)[1].strip().startswith(("yes", "n/a"))
        return True


@cache
def manifest(kind: str) -> dict[str, ManifestEntry]:
    """Every MANIFEST.md entry under ``kind/`` (``po``, ``tbx``...), by file name."""
    text = (FORMATS / "MANIFEST.md").read_text(encoding="utf-8")
    out: dict[str, ManifestEntry] = {}
    current: str | None = None
    lines: list[str] = []
    for line in [*text.splitlines(), "## end"]:
        if line.startswith("## ") or line.startswith("### "):
            if current and current.startswith(kind + "/"):
                out[current.split("/", 1)[1]] = ManifestEntry(FORMATS / current, tuple(lines))
            match = _SECTION.match(line)
            current = match.group(1) if match else None
            lines = []
        else:
            lines.append(line.strip())
    return out
