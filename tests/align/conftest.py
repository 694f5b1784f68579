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
