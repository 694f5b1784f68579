"""termkit.chinese: script detection."""

from __future__ import annotations

from conftest import SHARED
from termkit.chinese import is_traditional


def test_is_traditional() -> None:
    assert is_traditional("山西省繼續實施整村推進，完成易地扶貧搬遷任務。")
    assert not is_traditional("山西省继续实施整村推进，完成易地扶贫搬迁任务。")
    assert not is_traditional("Rain Plan")
    # characters OpenCC changes only inside a phrase (瞭 in 瞭解, 藉 in 藉口) count too
    assert is_traditional("瞭解")
    # a real Simplified corpus with a stray Traditional variant (丟) stays Simplified
    un = (SHARED / "corpora" / "un-v1.0-dev" / "UNv1.0.devset.zh").read_text("utf-8")
    assert "丟" in un and not is_traditional(un[:200_000])


def test_simplified_and_traditional_text_are_told_apart() -> None:
    from termkit.chinese import is_simplified, is_traditional

    assert is_simplified("这是雨露计划") and not is_traditional("这是雨露计划")
    assert is_traditional("這是雨露計劃") and not is_simplified("這是雨露計劃")
    assert not is_simplified("人民") and not is_traditional("人民")  # both scripts write it so
    # (a review) short Simplified text: one such character is enough, Taiwan's usage none
    assert is_simplified("开始！") and is_simplified("没有修改")
    assert not is_simplified("吃吧，起床") and not is_simplified("台北")
