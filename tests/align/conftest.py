"""A small synthetic bitext whose term translations are unambiguous."""

from __future__ import annotations

from pathlib import Path

import pytest

TERMS = [
    ("rain plan", "雨露计划"),
    ("poverty alleviation", "扶贫"),
    ("rural road", "农村公路"),
    ("drinking water", "饮水"),
    ("village", "村"),
]
PLACES = [("Shanxi", "山西"), ("Yunnan", "云南"), ("Gansu", "甘肃"), ("Guizhou", "贵州"), ("Hunan", "湖南")]
FRAMES = [
    ("The {t} was discussed in {p}.", "在{p}讨论了{t}。"),
    ("Officials in {p} reported progress on the {t}.", "{p}官员报告了{t}的进展。"),
    ("{P} expanded the {t} last year.", "{p}去年扩大了{t}。"),
    ("Funding for the {t} in {p} increased.", "{p}{t}的资金增加了。"),
]


def bitext_rows() -> list[tuple[str, str]]:
    rows = []
    for i, (t_en, t_zh) in enumerate(TERMS):
        for k, (f_en, f_zh) in enumerate(FRAMES):
            p_en, p_zh = PLACES[(i + k) % len(PLACES)]
            rows.append((f_en.format(t=t_en, p=p_en, P=p_en), f_zh.format(t=t_zh, p=p_zh)))
    return rows


def numbered_lines(n: int) -> tuple[list[str], list[str]]:
    """Line-aligned English and Chinese lines of varied lengths, each with its own numbers."""
    en, zh = [], []
    for i in range(n):
        pad = i % 4
        en.append(
            f"In {1990 + i}, {10 + i} villages built {3 * i + 7} kilometres of road" + " again" * pad + "."
        )
        zh.append(f"{1990 + i}年，{10 + i}个村修建了{3 * i + 7}公里公路" + "再次" * pad + "。")
    return en, zh


@pytest.fixture
def bitext(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.tsv"
    path.write_text("".join(f"{e}\t{z}\n" for e, z in bitext_rows()), encoding="utf-8")
    return path


@pytest.fixture
def terms_file(tmp_path: Path) -> Path:
    path = tmp_path / "terms.txt"
    path.write_text("# terms\nrain plan\nPoverty Alleviation\nrural roads\nunknown thing\n", encoding="utf-8")
    return path
