"""Chinese text helpers: script detection, Simplified/Traditional, jieba with glossary terms."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from typing import Any

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
#: Half-width punctuation that Chinese text writes full-width.
HALFWIDTH_IN_ZH = {
    ",": "，",
    ".": "。",
    ";": "；",
    ":": "：",
    "?": "？",
    "!": "！",
    "(": "（",
    ")": "）",
    '"': "“”",
}


def has_han(text: str) -> bool:
    """Whether ``text`` contains at least one Han character."""
    return bool(HAN.search(text))


def han_ratio(text: str) -> float:
    """Share of Han characters among the letters of ``text`` (0.0 for no letters)."""
    han = len(HAN.findall(text))
    letters = sum(1 for ch in text if ch.isalpha())
    return han / letters if letters else 0.0


@functools.lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc  # type: ignore[import-untyped]

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert Traditional characters to Simplified (OpenCC ``t2s``)."""
    return str(_t2s().convert(text))


def traditional_chars(text: str) -> list[str]:
    """The characters of ``text`` that OpenCC writes differently in Simplified Chinese."""
    simplified = to_simplified(text)
    if len(simplified) != len(text):
        return [ch for ch in text if to_simplified(ch) != ch]
    return [a for a, b in zip(text, simplified, strict=True) if a != b]


def is_fullwidth_ascii(ch: str) -> bool:
    """Full-width Latin letters and digits (U+FF10-FF19, FF21-FF3A, FF41-FF5A)."""
    code = ord(ch)
    return 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A


_loaded_words: set[str] = set()


def jieba_tokenizer(words: Iterable[str] = ()) -> Any:
    """A jieba Tokenizer with ``words`` (glossary terms) loaded as a user dictionary.

    Terms are added with a high frequency so that jieba keeps them whole
    (整村推进, 易地扶贫搬迁).  jieba's own logging is silenced.
    """
    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    for word in words:
        word = word.strip()
        if word and word not in _loaded_words and has_han(word):
            tokenizer.add_word(word, freq=max(tokenizer.suggest_freq(word, tune=False), 50000))
            _loaded_words.add(word)
    return tokenizer
