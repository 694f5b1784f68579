"""termkit.chinese: script detection."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SHARED
from termkit.chinese import (
    block_cutter,
    cut_blocks,
    cut_simplified,
    is_traditional,
    jieba_tokenizer,
    to_simplified,
)


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


#: Simplified and Traditional Han, a Han character jieba puts in no block (U+3400..),
#: one beyond the BMP, digits, Latin, jieba's block punctuation (%-.), full-width and
#: ASCII punctuation, spaces and line ends.
MIXED = st.text(
    alphabet=st.sampled_from(list("整村推进實施搬遷扶贫的了在是于㐀𠮷2011abcAB%-.，。！（）“” \t\r\n,;"))
)


def _collapsed(tokens: list[str]) -> list[str]:
    """``cut``'s tokens with each stretch between jieba's blocks (what it yields a
    character at a time) made one empty token, as cut_blocks gives them, unless the
    stretch holds a Han character jieba puts in no block (then it stays as it is)."""
    block = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._%-]")
    han_outside = re.compile("[\u3400-\u4dbf\U00020000-\U0003134f]")
    out: list[str] = []
    stretch: list[str] = []
    for tok in [*tokens, "x"]:  # (a block token to end the last stretch)
        if block.search(tok):
            if stretch:
                out.extend(stretch if han_outside.search("".join(stretch)) else [""])
                stretch = []
            out.append(tok)
        else:
            stretch.append(tok)
    return out[:-1]


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_cut_blocks_segments_as_jieba_cut_does(text: str) -> None:
    """extract's faster cut gives jieba's tokens, a stretch of punctuation as one
    empty token, in the text's own script (Traditional cut in its Simplified form)."""
    tokenizer = jieba_tokenizer(("整村推进",))
    simple = to_simplified(text)
    tokens, simple_tokens = cut_blocks(block_cutter(tokenizer), text, simple)
    old_tokens, old_simple = cut_simplified(tokenizer, text, simple)
    assert simple_tokens == _collapsed(old_simple)
    assert tokens == _collapsed(old_tokens)


def test_cut_blocks_without_jiebas_block_method() -> None:
    class Plain:
        def __init__(self) -> None:
            self.inner = jieba_tokenizer()

        def cut(self, text: str, HMM: bool = True) -> list[str]:
            return list(self.inner.cut(text, HMM=HMM))

    text = "实施整村推进，开展易地扶贫搬迁。"
    assert cut_blocks(block_cutter(Plain()), text, text) == cut_blocks(
        block_cutter(jieba_tokenizer()), text, text
    )


def test_doctests() -> None:
    import doctest

    import termkit.chinese

    assert doctest.testmod(termkit.chinese).failed == 0


def _old_wrap_width(lines: list[str]) -> int | None:
    """wrap_width as it was before its one-scan rewrite (session 13): line by line."""
    import itertools
    from collections import Counter

    from termkit import chinese

    widths = [
        chinese.display_width(a.rstrip(" \t\u3000"))
        for a, b in itertools.pairwise(lines)
        if chinese.HAN_LINE_BREAK.search(chinese._tail(a) + "\n" + chinese._head(b))
    ]
    if len(widths) < chinese.MIN_WRAPPED_LINES:
        return None
    common, _ = Counter(widths).most_common(1)[0]
    near = sum(1 for w in widths if common - 2 <= w <= common)
    if common < chinese.MIN_WRAP_WIDTH or near < chinese.MIN_WRAPPED_LINES or 2 * near < len(widths):
        return None
    return common


#: Lines of Han, kana, full-width and ASCII text, spaces of three kinds (ideographic
#: too), and a CR that a line keeps (a file in CR CR LF): empty and blank lines too.
WRAP_LINE = st.text(alphabet=st.sampled_from(list("扶贫开发ひカa1 \t\u3000，。\r𠮷")), max_size=6)


@settings(max_examples=400, deadline=None)
@given(st.lists(WRAP_LINE, max_size=10), st.integers(1, 3), st.integers(1, 6))
def test_wrap_width_gives_what_the_line_by_line_version_gave(
    lines: list[str], min_lines: int, min_width: int
) -> None:
    """The one-scan wrap_width agrees with the pairwise one it replaced (with small
    limits, so that short lines decide); a line ending in CR made a break it did not."""
    from unittest import mock

    from termkit import chinese

    with (
        mock.patch.object(chinese, "MIN_WRAPPED_LINES", min_lines),
        mock.patch.object(chinese, "MIN_WRAP_WIDTH", min_width),
    ):
        assert chinese.wrap_width(lines) == _old_wrap_width(lines)
        assert chinese.wrap_width(lines, "\n".join(lines)) == _old_wrap_width(lines)


def test_a_line_ending_in_cr_makes_no_han_line_break() -> None:
    """wrap_width counted the break after 扶贫开发\\r, which join_wrapped_lines does not join."""
    from unittest import mock

    from termkit import chinese

    lines = ["扶贫开发\r", "扶贫开发\r", "扶贫开发\r", "扶贫开发"]
    with mock.patch.object(chinese, "MIN_WRAP_WIDTH", 1):
        assert chinese.wrap_width(lines) is None
        assert chinese.join_wrapped_lines(lines) == list(enumerate(lines))


def _old_cut_blocks(cutter: Any, text: str, simple: str) -> tuple[list[str], list[str]]:
    """cut_blocks as it was before its one-split rewrite (session 14), for comparison."""
    from termkit.chinese import HAN, block_pattern

    skip = re.compile("(\r\n|\\s)")

    def gap_tokens(source: str, start: int, end: int, tokens: list[str], starts: list[int] | None) -> None:
        gap = source[start:end]
        if HAN.search(gap):
            for piece in skip.split(gap):
                if not piece:
                    continue
                parts = [piece] if skip.match(piece) else list(piece)
                tokens.extend(parts)
                if starts is not None:
                    for part in parts:
                        starts.append(start)
                        start += len(part)
        else:
            tokens.append("")
            if starts is not None:
                starts.append(start)

    mapped = simple != text and len(simple) == len(text)
    source = simple if mapped else text
    tokens: list[str] = []
    starts: list[int] = []
    at = 0
    for m in block_pattern().finditer(source):
        start = m.start()
        if start > at:
            gap_tokens(source, at, start, tokens, starts if mapped else None)
        pos = start
        for tok in cutter(m.group()):
            tokens.append(tok)
            if mapped:
                starts.append(pos)
                pos += len(tok)
        at = m.end()
    if at < len(source):
        gap_tokens(source, at, len(source), tokens, starts if mapped else None)
    if not mapped:
        return tokens, tokens
    return [text[p : p + len(t)] for p, t in zip(starts, tokens, strict=True)], tokens


#: MIXED and more: Traditional characters that map to other ones (後 裡 乾 髮), a
#: compatibility ideograph (豈), characters next to jieba's block class (full-width
#: Latin and digits, accented Latin, Arabic-Indic digits, # & _ +), other line and
#: space characters (ideographic space, NEL, U+2028, VT, FF).
WIDER = st.lists(
    st.sampled_from(
        [
            *"整村推进實施搬遷扶贫的了在是于㐀𠮷後裡乾髮臺灣豈2011abcABＡ１é٣#&_+%-.，。！（）“” \t\r\n,;",
            *["\u3000", "\x85", "\u2028", "\x0b", "\x0c", "\r\n", "髮型", "台灣"],
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(WIDER, st.booleans())
def test_cut_blocks_gives_the_tokens_of_its_old_version(text: str, hmm: bool) -> None:
    """The one-split cut_blocks (zh-speed) gives exactly the tokens the finditer
    version gave, in both scripts (a Traditional text cut in its Simplified form)."""
    cutter = block_cutter(jieba_tokenizer(("整村推进",)), hmm=hmm)
    simple = to_simplified(text)
    assert cut_blocks(cutter, text, simple) == _old_cut_blocks(cutter, text, simple)
    assert cut_blocks(cutter, text, text) == _old_cut_blocks(cutter, text, text)
