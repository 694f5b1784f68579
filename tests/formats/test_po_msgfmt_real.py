"""Every real PO and TMX in ../shared/formats, converted to PO by termkit, passes
``msgfmt --check``; whatever the PO writer changed or left out is reported."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from termkit.formats.convert import convert
from termkit.formats.po import read_po
from termkit.formats.registry import read_memory

from .shared_manifest import FORMATS, manifest

PO_FILES = sorted(manifest("po"))
TMX_FILES = sorted(name for name, entry in manifest("tmx").items() if entry.well_formed)
ROUTES = {"po": [], "xliff": ["xlf"], "tmx": ["tmx"]}

pytestmark = pytest.mark.external


def msgfmt_check(path: Path) -> None:
    exe = shutil.which("msgfmt")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt not found: install gettext (apt-get install gettext)")
        pytest.skip("msgfmt not found (gettext is not installed here; CI has it)")
    result = subprocess.run(
        [exe, "--check", "-o", os.devnull, str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("route", sorted(ROUTES))
@pytest.mark.parametrize("name", PO_FILES)
def test_po_converted_by_termkit_passes_msgfmt(name: str, route: str, tmp_path: Path) -> None:
    source = FORMATS / "po" / name
    live = read_po(source).units
    obsolete = len(read_po(source, obsolete=True).units) - len(live)
    path = source
    for ext in ROUTES[route]:
        # obsolete entries have no place outside PO: left out, and counted (fuzzy ones
        # are kept in a TMX or TSV only when asked for, marked x-fuzzy in a TMX)
        assert convert(path, tmp_path / f"via.{ext}", keep_unfinished=True).obsolete == obsolete
        path = tmp_path / f"via.{ext}"
    out = tmp_path / "out.po"
    convert(path, out)
    msgfmt_check(out)
    # nothing else left out: every live entry is back, obsolete ones too from PO to PO
    back = read_po(out, obsolete=True).units
    assert len(back) == len(live) + (obsolete if route == "po" else 0)
    assert [u.segments for u in back[: len(live)]] == [u.segments for u in live]


@pytest.mark.parametrize("name", TMX_FILES)
def test_tmx_converted_to_po_passes_msgfmt_or_says_what_it_left_out(name: str, tmp_path: Path) -> None:
    source = FORMATS / "tmx" / name
    memory = read_memory(source)
    # (a <tu srclang> overrides the header's: Déjà Vu's header says zh-CN, its units en-US)
    src = memory.units[0].attrs.get("srclang") or memory.srclang if memory.units else memory.srclang
    src = src if src != "*all*" else None
    others = [lang for lang in memory.languages() if lang != (src or memory.languages()[0])]
    tgt = next((lang for lang in others if lang.startswith("zh")), others[-1] if others else None)
    out = tmp_path / "out.po"
    result = convert(source, out, tgt_lang=tgt)
    msgfmt_check(out)
    written = len(read_po(out).units)
    empty = next((int(w.split()[0]) for w in result.warnings if "source text is empty" in w), 0)
    assert written + empty + result.skipped == len(memory.units), result.warnings
