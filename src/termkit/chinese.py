"""Chinese text helpers: script detection, Simplified/Traditional, jieba with glossary terms."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

#: The Han characters, as a regular-expression class body: CJK Unified Ideographs,
#: Extension A, compatibility ideographs, and the supplementary planes' extensions.
HAN_RANGES = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN = re.compile(f"[{HAN_RANGES}]")
#: Han characters and kana (a Chinese or Japanese word may be wrapped between any two).
_HAN_OR_KANA = rf"[\u3040-\u30ff{HAN_RANGES}]"
#: A line break (LF: a CR that ends a line, as in a file in CR CR LF, is text), with the
#: spaces around it, between two Han (or kana) characters: in a hard-wrapped text or a
#: pretty-printed XLIFF target it is no gap in a word (永续\n发展).
HAN_LINE_BREAK = re.compile(rf"(?<={_HAN_OR_KANA})[ \t\u3000]*\n[ \t\u3000]*(?={_HAN_OR_KANA})")
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


#: Characters that show nothing: zero-width space, non-joiner and joiner, word joiner,
#: zero-width no-break space (a BOM inside a text) and soft hyphen.  Text copied from
#: web pages and CAT tools has them inside Chinese words (安全\u200b理事会).
ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_NO_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH))
#: What a Chinese word runs across: a line break between two Han (or kana) characters
#: (:data:`HAN_LINE_BREAK`), zero-width characters beside it read as absent too
#: (永续\n\u200b发展), or a run of zero-width characters (安全\u200b理事会).
CHAR_GAPS = re.compile(
    rf"(?<={_HAN_OR_KANA})[ \t\u3000{ZERO_WIDTH}]*\r?\n[ \t\u3000{ZERO_WIDTH}]*(?={_HAN_OR_KANA})"
    f"|[{ZERO_WIDTH}]+"
)


def has_zero_width(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`ZERO_WIDTH` (a substring search for
    each: much faster than a regular expression on text that has none)."""
    return any(ch in text for ch in ZERO_WIDTH)


def drop_zero_width(text: str) -> str:
    """``text`` without its zero-width characters (:data:`ZERO_WIDTH`).

    >>> drop_zero_width("易地扶\u200b贫搬迁")
    '易地扶贫搬迁'
    """
    return text.translate(_NO_ZERO_WIDTH) if has_zero_width(text) else text


def join_wrapped_lines(
    lines: Sequence[str],
    width: int = 0,
    spaced: bool = True,
    inside_word: Callable[[str, str], bool] | None = None,
) -> list[tuple[int, str]]:
    """The lines of one segment with each line break between two Han characters
    (:data:`HAN_LINE_BREAK`) taken out, and the index of the line each joined one
    starts at: a pretty-printed XLIFF or TMX target wraps a Chinese word anywhere.
    With ``width``, only the breaks after a line that wide at least (in columns,
    :func:`display_width`): a hard-wrapped text, whose short lines end paragraphs.
    Without ``spaced``, only the breaks with no space before or after them: in a
    segment of a memory an indented line is a line of its own (a PO message's
    ``无效签名\n  据称``), a bare break a label wrapped to fit (``序列\n号``).
    With ``inside_word`` (the text before a break and the text after it: whether a
    word runs across it, :func:`word_across`), only the bare breaks inside a word: a
    message and its hint on the next line (切换分支\n考虑使用) stay two lines, while
    (``spaced``) a break with spaces around it is layout, joined wherever it falls.

    >>> join_wrapped_lines(["推进易地扶贫  ", "\u3000搬迁工作。", "成效明显", "", "扶贫"])
    [(0, '推进易地扶贫搬迁工作。'), (2, '成效明显'), (3, ''), (4, '扶贫')]
    >>> join_wrapped_lines(["推进易地扶贫", "搬迁工作", "成效明显"], width=12)
    [(0, '推进易地扶贫搬迁工作'), (2, '成效明显')]
    >>> join_wrapped_lines(["无效签名", "  据称"], spaced=False), join_wrapped_lines(["序列", "号"], spaced=False)
    ([(0, '无效签名'), (1, '  据称')], [(0, '序列号')])
    """
    out: list[tuple[int, str]] = []
    wide = False  # whether the last line was ``width`` wide
    for k, line in enumerate(lines):
        if (
            out
            and wide
            and HAN_LINE_BREAK.search(_tail(out[-1][1]) + "\n" + _head(line))
            and _joins(out[-1][1], line, spaced, inside_word)
        ):
            out[-1] = (out[-1][0], out[-1][1].rstrip(" \t\u3000") + line.lstrip(" \t\u3000"))
        else:
            out.append((k, line))
        wide = not width or display_width(line.rstrip(" \t\u3000")) >= width
    return out


def _joins(before: str, after: str, spaced: bool, inside_word: Callable[[str, str], bool] | None) -> bool:
    """Whether the line break (between two Han characters) after ``before`` and before
    ``after`` is no gap, as :func:`join_wrapped_lines` tells it."""
    if before[-1:].isspace() or after[:1].isspace():
        return spaced  # (layout in XLIFF; elsewhere an indented line is a line of its own)
    return inside_word is None or inside_word(before, after)


#: Characters on each side of a line break that :func:`word_across` segments.
WORD_WINDOW = 8


def word_across(tokenizer: Any, before: str, after: str) -> bool:
    """Whether jieba (``tokenizer``, the glossary's terms loaded) finds a word across the
    line break between ``before`` and ``after`` (the lines around it): 序列 | 号 is
    序列号, 易地扶贫 | 搬迁 is 易地扶贫搬迁 with the glossary, but 切换分支 | 考虑 is two
    words.  The :data:`WORD_WINDOW` characters on each side are segmented, in
    their Simplified form (jieba's dictionary is Simplified)."""
    left = before.rstrip(" \t\u3000")[-WORD_WINDOW:]
    right = after.lstrip(" \t\u3000")[:WORD_WINDOW]
    if not left or not right:
        return False
    text = left + right
    at = 0
    for token in cut_simplified(tokenizer, text, to_simplified(text))[1]:
        at += len(token)
        if at == len(left):
            return False
        if at > len(left):
            return True
    return False


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal or a fixed-width editor: two for a wide or
    full-width character (Han, kana, full-width punctuation), one for the others."""
    return len(text) + sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")


#: The fewest lines that tell a hard-wrapped text, and the narrowest wrap.
MIN_WRAPPED_LINES = 3
MIN_WRAP_WIDTH = 20


def wrap_width(lines: Sequence[str], whole: str | None = None) -> int | None:
    """The width a Chinese text was hard-wrapped at, or None when it was not.

    A hard-wrapped text (a plain-text file filled to 70 or 80 columns) breaks lines
    between two Han characters wherever the width runs out, so most such breaks
    come after a line of the same width (give or take two columns, where a wide
    character or a full-width comma did not fit).  A text of one sentence or
    paragraph a line has a few such breaks, after headings and titles of every
    width: there are none to join (on the UN development set one in seven is near
    the commonest width; on a wrapped copy of it, nearly all).  ``whole``: the lines
    joined by line breaks, when the caller has them.

    >>> wrap_width(["推进易地扶贫搬迁工作", "成效明显成效明显成效", "明显", "扶贫"])
    >>> wrap_width(["推进易地扶贫搬迁工作", "成效明显成效明显成效", "明显显著显著显著显著", "扶贫"])
    20
    """
    text = "\n".join(lines) if whole is None else whole
    # (one scan of the block: the breaks between two Han characters, each after the
    # line whose width is wanted, which ends where the break's spaces begin)
    widths = [
        display_width(text[text.rfind("\n", 0, m.start()) + 1 : m.start()])
        for m in HAN_LINE_BREAK.finditer(text)
    ]
    if len(widths) < MIN_WRAPPED_LINES:
        return None
    common, _ = Counter(widths).most_common(1)[0]
    near = sum(1 for w in widths if common - 2 <= w <= common)
    if common < MIN_WRAP_WIDTH or near < MIN_WRAPPED_LINES or 2 * near < len(widths):
        return None
    return common


def _tail(line: str) -> str:
    """The last character of ``line`` that is not a space, and the spaces after it."""
    stripped = line.rstrip(" \t\u3000")
    return stripped[-1:] + line[len(stripped) :] if stripped else "x"


def _head(line: str) -> str:
    """The spaces that start ``line`` and its first other character."""
    stripped = line.lstrip(" \t\u3000")
    return line[: len(line) - len(stripped)] + stripped[:1] if stripped else "x"


def has_han(text: str) -> bool:
    """Whether ``text`` contains at least one Han character."""
    return bool(HAN.search(text))


def han_ratio(text: str) -> float:
    """Share of Han characters among the letters of ``text`` (0.0 for no letters)."""
    han = len(HAN.findall(text))
    letters = sum(1 for ch in text if ch.isalpha())
    return han / letters if letters else 0.0


def mostly_han(text: str) -> bool:
    """Whether ``text`` is Chinese: Han characters make up more than 30% of its
    letters (what term extraction takes a line or a text in Chinese to be)."""
    return HAN.search(text) is not None and han_ratio(text) > 0.3


@functools.lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc  # type: ignore[import-untyped]

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert Traditional characters to Simplified (OpenCC ``t2s``)."""
    return str(_t2s().convert(text))


@functools.lru_cache(maxsize=2)
def _from_simplified(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def is_simplified(text: str, share: float = 0.1) -> bool:
    """Whether ``text`` is written in Simplified characters: at least ``share`` of its Han
    characters are written differently both in Taiwan and in Hong Kong (OpenCC ``s2tw``
    and ``s2hk``), as about a fifth of a Simplified text's are (这, 说, 计划).  Text both
    scripts write alike is neither, and the characters only one standard, or old forms,
    write differently (吃, 床, 台北) do not count.

    >>> is_simplified("这是雨露计划"), is_simplified("這是雨露計劃"), is_simplified("人民"), is_simplified("吃吧，起床")
    (True, False, False, False)
    >>> is_simplified("开始！"), is_simplified("没有修改")
    (True, True)
    """
    han = "".join(HAN.findall(text))
    return _is_share(_simplified_count(han), han, share)


def _is_share(count: int, han: str, share: float) -> bool:
    """Whether ``count`` characters of script-specific form make ``han`` that script's."""
    return count > 0 and count >= share * len(han)


def _simplified_count(han: str) -> int:
    """How many of the Han characters ``han`` both Taiwan and Hong Kong write differently."""
    if not han:
        return 0
    taiwan = str(_from_simplified("s2tw").convert(han))
    hong_kong = str(_from_simplified("s2hk").convert(han))
    if len(taiwan) != len(han) or len(hong_kong) != len(han):
        return len(han)  # (a phrase rewritten: Simplified)
    return sum(1 for a, b, c in zip(han, taiwan, hong_kong, strict=True) if a != b and a != c)


def script_of(text: str) -> str | None:
    """``Hant`` for Traditional text (:func:`is_traditional`), ``Hans`` for Simplified
    (:func:`is_simplified`); when both hold (a Simplified text with a stray variant, 主題有循环继承),
    the one with more of its own characters; None when neither does, or as many.

    >>> script_of("這是雨露計劃"), script_of("这是雨露计划"), script_of("主題有循环继承"), script_of("人民")
    ('Hant', 'Hans', 'Hans', None)
    """
    han = "".join(HAN.findall(text))
    traditional, simplified = len(traditional_chars(han)), _simplified_count(han)
    hant, hans = _is_share(traditional, han, 0.1), _is_share(simplified, han, 0.1)
    if hant and hans:
        hant, hans = traditional > simplified, simplified > traditional
    return "Hant" if hant else "Hans" if hans else None


def traditional_chars(text: str) -> list[str]:
    """The characters of ``text`` that OpenCC writes differently in Simplified Chinese."""
    simplified = to_simplified(text)
    if len(simplified) != len(text):
        return [ch for ch in text if to_simplified(ch) != ch]
    return [a for a, b in zip(text, simplified, strict=True) if a != b]


def simplified_chars(text: str, hong_kong: bool = False) -> list[tuple[str, str]]:
    """The characters of ``text``, meant as Traditional Chinese, that are written in
    their Simplified form, each with the Traditional one (Taiwan's, else Hong Kong's
    with ``hong_kong``): a character that OpenCC leaves as it is in Simplified Chinese
    (``t2s``) and that both Taiwan and Hong Kong write differently there (``s2tw`` and
    ``s2hk`` of the Simplified text, in context, so 里 in 亞得里亞海 stays) and alone (布,
    which 發布 keeps and 發佈 replaces, is Traditional too).  Characters one standard
    writes either way (着, 税) do not count.

    >>> simplified_chars("雨露计劃"), simplified_chars("亞得里亞海"), simplified_chars("皇后")
    ([('计', '計')], [], [])
    """
    simple = to_simplified(text)
    taiwan = str(_from_simplified("s2tw").convert(simple))
    hk = str(_from_simplified("s2hk").convert(simple))
    if not len(text) == len(simple) == len(taiwan) == len(hk):
        return []  # (a phrase rewritten: no character to point at)
    return [
        (ch, h if hong_kong else t)
        for ch, s, t, h in zip(text, simple, taiwan, hk, strict=True)
        if ch == s and t != ch and h != ch and _simplified_count(ch)
    ]


def is_traditional(text: str, share: float = 0.1) -> bool:
    """Whether ``text`` is written in Traditional characters.

    True when at least ``share`` of its Han characters are written differently in
    Simplified Chinese: a Traditional text has a quarter or more, while a Simplified
    one has next to none (a stray variant such as 丟).
    """
    han = "".join(HAN.findall(text))
    return _is_share(len(traditional_chars(han)), han, share)


def traditional_line(text: str, simple: str) -> bool:
    """Whether ``text``, whose Simplified form (:func:`to_simplified`) is ``simple``, is
    in Traditional characters (:func:`script_of`): the segmenters pick the Traditional
    terms of a glossary for it.  Free for a line that OpenCC leaves as it is; a
    Simplified line with a stray variant (主題有循环继承) is still Simplified.

    >>> traditional_line("推行雨露計劃", "推行雨露计划"), traditional_line("主題有循环继承", "主题有循环继承")
    (True, False)
    """
    return simple != text and script_of(text) == "Hant"


def traditional_words(simplified: Sequence[str], traditional: Iterable[str]) -> tuple[str, ...]:
    """The words to load into jieba for text in Traditional characters, which is
    segmented in its Simplified form: the ``simplified`` terms (zh-CN), then the
    Simplified form of each ``traditional`` term (zh-Hant, zh-TW ...), which text in
    Simplified characters never gets (the scripts are kept apart).

    >>> traditional_words(["整村推进"], ["雨露計劃"])
    ('整村推进', '雨露计划')
    """
    return tuple(dict.fromkeys([*simplified, *(to_simplified(w) for w in traditional)]))


def is_fullwidth_ascii(ch: str) -> bool:
    """Full-width Latin letters and digits (U+FF10-FF19, FF21-FF3A, FF41-FF5A)."""
    code = ord(ch)
    return 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A


@functools.lru_cache(maxsize=1)
def _base_tokenizer() -> Any:
    """jieba's dictionary, loaded once and never changed (each word list gets a copy)."""
    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def jieba_tokenizer(words: Iterable[str] = ()) -> Any:
    """A jieba Tokenizer with ``words`` (glossary terms) loaded as a user dictionary.

    Terms are added with a high frequency so that jieba keeps them whole
    (整村推进, 易地扶贫搬迁).  jieba's own logging is silenced.  The tokenizer
    knows jieba's dictionary and exactly these words, whatever was loaded before
    in the same process (jieba's global tokenizer is never changed), so the same
    words always segment the same way.
    """
    wanted = tuple(dict.fromkeys(w for w in (word.strip() for word in words) if w and has_han(w)))
    return _tokenizer_for(wanted)


@functools.lru_cache(maxsize=3)
def _tokenizer_for(words: tuple[str, ...]) -> Any:
    import jieba

    base = _base_tokenizer()
    if not words:
        return base
    tokenizer = jieba.Tokenizer(base.dictionary)
    # a copy of the loaded dictionary (a few tens of ms) instead of loading it again
    tokenizer.FREQ = dict(base.FREQ)
    tokenizer.total = base.total
    tokenizer.initialized = True
    for word in words:
        tokenizer.add_word(word, freq=max(tokenizer.suggest_freq(word, tune=False), 50000))
    return tokenizer


@functools.lru_cache(maxsize=1)
def block_pattern() -> re.Pattern[str]:
    """jieba's own pattern of the blocks its ``cut`` segments (Han, letters, digits)."""
    import jieba

    pattern = getattr(jieba, "re_han_default", None)
    return pattern if isinstance(pattern, re.Pattern) else re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+")


def block_cutter(tokenizer: Any, hmm: bool = True) -> Any:
    """A function that segments one of jieba's blocks (a run of Han, letters and
    digits) as ``tokenizer.cut`` does: its per-block method where the tokenizer has
    it (jieba 0.42), which skips the split and the generator around it; else ``cut``."""
    name = "_Tokenizer__cut_DAG" if hmm else "_Tokenizer__cut_DAG_NO_HMM"
    method = getattr(tokenizer, name, None)
    if callable(method):
        return method
    return lambda block: tokenizer.cut(block, HMM=hmm)


@functools.lru_cache(maxsize=1)
def _block_splitter() -> re.Pattern[str]:
    """:func:`block_pattern` as one capturing group: its ``split`` gives the stretches
    between the blocks and the blocks in turn (gap, block, gap ... gap), as jieba's own
    ``cut`` splits a text (jieba 0.42's pattern is one group around the whole match)."""
    pattern = block_pattern()
    return pattern if pattern.groups == 1 else re.compile(f"({pattern.pattern})", pattern.flags)


def cut_blocks(cutter: Any, text: str, simple: str) -> tuple[list[str], list[str]]:
    """:func:`cut_simplified` with what lies between jieba's blocks shortened: the
    tokens of ``text`` and of its Simplified form ``simple`` (``cutter``:
    :func:`block_cutter`), where a stretch of punctuation and spaces between two
    blocks, which ``cut`` yields a character at a time, is one empty token.  A
    stretch holding Han characters that jieba does not put in blocks (U+3400..,
    U+9FD6.., compatibility ideographs) is yielded a character at a time, as ``cut``
    does.  The blocks are segmented exactly as ``cut`` segments them."""
    mapped = simple != text and len(simple) == len(text)
    source = simple if mapped else text
    parts = _block_splitter().split(source)  # gap, block, gap, block ... gap
    tokens: list[str] = []
    if not mapped:
        # (the usual line: no position to keep; one C-level extend a block)
        extend = tokens.extend
        for k in range(1, len(parts), 2):
            gap = parts[k - 1]
            if gap:
                if HAN.search(gap):
                    _gap(gap, 0, tokens, None)
                else:
                    tokens.append("")
            extend(cutter(parts[k]))
        if parts[-1]:
            _gap(parts[-1], 0, tokens, None)
        return tokens, tokens
    starts: list[int] = []  # where each token starts
    at = 0
    for k, part in enumerate(parts):
        if k % 2:
            for tok in cutter(part):
                tokens.append(tok)
                starts.append(at)
                at += len(tok)
        elif part:
            _gap(part, at, tokens, starts)
            at += len(part)
    return [text[p : p + len(t)] for p, t in zip(starts, tokens, strict=True)], tokens


def _gap(gap: str, start: int, tokens: list[str], starts: list[int] | None) -> None:
    """The tokens of a stretch between jieba's blocks, which starts at ``start``: one
    empty token, or its characters where it holds Han (:func:`cut_blocks`)."""
    if HAN.search(gap):
        # as jieba's cut yields it: a line end or a space whole, the rest a character at a time
        for piece in _SKIP.split(gap):
            if not piece:
                continue
            parts = [piece] if _SKIP.match(piece) else list(piece)
            tokens.extend(parts)
            if starts is not None:
                for part in parts:
                    starts.append(start)
                    start += len(part)
    else:
        tokens.append("")
        if starts is not None:
            starts.append(start)


#: What jieba's cut yields whole between its blocks: a CRLF, or one space character.
_SKIP = re.compile("(\r\n|\\s)")


def cut_simplified(
    tokenizer: Any, text: str, simple: str, *, hmm: bool = True
) -> tuple[list[str], list[str]]:
    """The jieba tokens of ``text`` and of its Simplified form ``simple`` (:func:`to_simplified`).

    jieba's dictionary and the glossary's words are Simplified, so a text in
    Traditional characters is segmented in its Simplified form, and the tokens are
    cut from the original text at the same places: they stay in the script of the
    text, never converted (Simplified and Traditional are kept apart).  A
    conversion that changes the length is not mapped back (the text is cut as it is).
    """
    simple_tokens = list(tokenizer.cut(simple, HMM=hmm))
    if simple == text:
        return simple_tokens, simple_tokens
    if len(simple) != len(text):
        tokens = list(tokenizer.cut(text, HMM=hmm))
        return tokens, tokens
    tokens, start = [], 0
    for tok in simple_tokens:
        tokens.append(text[start : start + len(tok)])
        start += len(tok)
    return tokens, simple_tokens


def read_tag_table(tokenizer: Any) -> dict[str, str]:
    """jieba's dictionary tags (word -> tag) of ``tokenizer``'s dictionary, as
    ``jieba.posseg`` reads them.

    Read straight from the dictionary ("word frequency tag" a line) in one split:
    twice as fast as importing ``jieba.posseg`` (which also loads its tagging model)
    and reading it line by line; posseg's own table if the file is not in that form.
    """
    with tokenizer.get_dict_file() as fp:
        fields = fp.read().decode("utf-8").split()
    if len(fields) % 3 == 0 and all(map(str.isdigit, fields[1::3])):
        return dict(zip(fields[0::3], fields[2::3], strict=True))
    import jieba.posseg  # type: ignore[import-untyped]

    table: dict[str, str] = jieba.posseg.dt.word_tag_tab
    return table


@functools.lru_cache(maxsize=1)
def dictionary_tags() -> dict[str, str]:
    """jieba's dictionary tags (word -> tag: ``ns`` a place name, ``nr`` a person's,
    ``n`` a common noun ...), read once."""
    return read_tag_table(jieba_tokenizer())


#: jieba's tags of proper names of places and people (not ``nt``, organisations, nor
#: ``nz``, other proper nouns: 美国队, 意大利语 are named after a place, not places).
NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg"})


def splits_into(tokenizer: Any, word: str, head: str) -> bool:
    """Whether jieba (``tokenizer``) would cut ``word`` into ``head`` and one more word of
    its dictionary, of two characters or more, were ``word`` itself not in the
    dictionary: the word is then a compound of two words, a phrase jieba happens to
    list (日本政府 is 日本/政府, 妇女地位 is 妇女/地位), not a word of its own that
    ``head`` only starts (秘书长, 成员国: 长 and 国 are no words there; 民主党人 is
    民主党/人; 刚果民主共和国 is 刚果/民主/共和国, a name).  ``word`` and ``head``
    are Simplified, as jieba's dictionary is.

    >>> tokenizer = jieba_tokenizer()
    >>> splits_into(tokenizer, "日本政府", "日本"), splits_into(tokenizer, "秘书长", "秘书")
    (True, False)
    """
    rest = word[len(head) :]
    if not head or not word.startswith(head) or len(rest) < 2 or not tokenizer.FREQ.get(rest):
        return False
    dag = tokenizer.get_DAG(word)
    dag[0] = [x for x in dag[0] if x != len(word) - 1] or [0]
    route: dict[int, tuple[float, int]] = {}
    tokenizer.calc(word, dag, route)
    return bool(route[0][1] == len(head) - 1 and route[len(head)][1] == len(word) - 1)
