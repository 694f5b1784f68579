"""A small glossary of our own for the export/import/build command tests."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner
from termkit.cli.main import cli

POVERTY_YAML = """\
# Poverty alleviation terms (reviewer comments must survive imports).
poverty-line:
  status: approved
  subject: poverty alleviation
  definition: Income threshold below which a household counts as poor.
  terms:
    en:
      - text: poverty line
        status: preferred
      - text: poverty threshold
        status: admitted
    zh-CN:
      - text: 贫困线
        status: preferred

rain-plan:  # checked against the 2011 report
  status: approved
  subject: poverty alleviation
  definition: Vocational training subsidy programme for the rural poor.
  sources:
    - document: seeds/000_922c992c49411e96.txt
      section: Rain Plan
  terms:
    en:
      - text: Rain Plan
        status: preferred
    zh-CN:
      - text: 雨露计划
        status: preferred
      - text: 雨露工程
        status: deprecated

relocation:
  status: proposed
  terms:
    en:
      - text: relocation
        status: preferred
    zh-CN:
      - text: 易地搬迁
        status: preferred
"""

RURAL_YAML = """\
village-advancement:
  status: approved
  terms:
    en:
      - text: entire village advancement
        status: preferred
    zh-CN:
      - text: 整村推进
        status: preferred

withdrawn:
  status: rejected
  terms:
    en:
      - text: withdrawn idea
        status: preferred
"""

#: Traditional Chinese (zh-Hant) beside Simplified, and a concept with Traditional terms only.
HANT_YAML = """\
dew-scheme:
  status: approved
  definition: Training subsidies for rural youth.
  terms:
    en:
      - text: Dew Scheme
        status: preferred
    zh-CN:
      - text: 雨露培训
        status: preferred
    zh-Hant:
      - text: 雨露培訓
        status: preferred
        note: as written in Taiwan
      - text: 雨露計劃培訓
        status: admitted

hamlet-office:
  status: proposed
  terms:
    en:
      - text: hamlet office
        status: preferred
    zh-Hant:
      - text: 村辦公室
        status: preferred
"""


#: Homographs: one preferred English term, two concepts told apart by their subjects.
HOMOGRAPHS_YAML = """\
comment:
  status: approved
  subject: source code
  definition: Text in source code that the program ignores.
  terms:
    en:
      - text: comment
        status: preferred
    zh-CN:
      - text: 注释
        status: preferred

comment-2:
  status: proposed
  subject: discussion
  terms:
    en:
      - text: comment
        status: preferred
      - text: remark
        status: admitted
    zh-CN:
      - text: 评论
        status: preferred
"""


def make_glossary(root: Path) -> Path:
    folder = root / "glossary"
    folder.mkdir()
    (folder / "poverty.yaml").write_text(POVERTY_YAML, encoding="utf-8")
    (folder / "rural.yaml").write_text(RURAL_YAML, encoding="utf-8")
    return folder


def run(runner: CliRunner, project: Path, *args: str) -> tuple[int, str, str]:
    """``termkit ARGS`` inside ``project``: exit code, stdout, stderr."""
    cwd = os.getcwd()
    os.chdir(project)
    try:
        result = runner.invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(cwd)
    return result.exit_code, result.stdout, result.stderr
