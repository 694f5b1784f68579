"""An OmegaT 3.6 project run in console mode: what OmegaT writes for a source text
with a memory in tm/auto/ (and a glossary), in either direction."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT = """<?xml version="1.0" encoding="UTF-8"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{source_lang}</source_lang>
    <target_lang>{target_lang}</target_lang>
    <source_tok>org.omegat.tokenizer.{source_tok}</source_tok>
    <target_tok>org.omegat.tokenizer.{target_tok}</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def _tokenizer(lang: str) -> str:
    return "LuceneSmartChineseTokenizer" if lang.startswith("zh") else "LuceneEnglishTokenizer"


def omegat_translate(
    tmp_path: Path,
    tmx: bytes,
    source: str,
    source_lang: str = "en",
    target_lang: str = "zh-CN",
    glossary: bytes | None = None,
) -> str:
    """What OmegaT 3.6 console mode writes for ``source`` with ``tmx`` in tm/auto/ (and
    ``glossary`` in glossary/); skips the test when OmegaT is not installed."""
    omegat = shutil.which("omegat")
    if omegat is None:
        pytest.skip("the omegat binary is absent (Debian package omegat + default-jre-headless)")
    project = tmp_path / "project"
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / sub).mkdir(parents=True)
    settings = PROJECT.format(
        source_lang=source_lang,
        target_lang=target_lang,
        source_tok=_tokenizer(source_lang),
        target_tok=_tokenizer(target_lang),
    )
    (project / "omegat.project").write_text(settings, encoding="utf-8")
    (project / "source" / "doc.txt").write_text(source, encoding="utf-8")
    (project / "tm" / "auto" / "termkit.tmx").write_bytes(tmx)
    if glossary is not None:
        (project / "glossary" / "termkit.txt").write_bytes(glossary)
    run = subprocess.run(
        [
            omegat,
            str(project),
            "--mode=console-translate",
            f"--config-dir={tmp_path / 'config'}",
            "--disable-project-locking",
            "--no-team",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return (project / "target" / "doc.txt").read_text(encoding="utf-8")
