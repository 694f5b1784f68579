"""Chinese candidate generation: jieba tokens, token n-grams, C-value and frequency.

The glossary's Chinese terms are loaded into jieba first
(:func:`termkit.chinese.jieba_tokenizer`), so that 整村推进 and 易地扶贫搬迁 stay
one token.  A candidate is a run of one to ``max_tokens`` tokens between
punctuation, Latin text, digits, function words (的, 和, 在 ...) and generic
policy verbs (加强, 推动); a candidate never starts with a one-character token
(so a lone character is never one).  jieba's dictionary part-of-speech tags
(:func:`pos`) keep adverbs, pronouns, prepositions, conjunctions, particles,
numerals, measure words and localisers off both edges of a candidate
(安全理事会第, 及其), and off single-word candidates.  及 may stand inside a name,
with two words or more after it (经济及社会理事会), and 不 opens one before a verb
(不扩散核武器条约; the verb then starts none: 扩散核武器条约).  Verb evidence (a modal
before a word jieba tags a verb, 了 after it) and noun evidence (的 or a determiner
before it) go into ``Counts.verbish`` and ``Counts.nounish``, and the candidates of
``max_tokens`` words that the run goes on past into ``Counts.goes_on``: the scorer
tells from them a phrase that ends in a verb (方面取得) or inside a longer phrase
(进入尼科西亚飞行情报 + 区).  Keys keep the token boundaries
(tokens joined by a space), so lengths are counted in words, never in
characters; the space is removed for display.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from ..chinese import (
    HAN,
    block_cutter,
    cut_blocks,
    cut_simplified,
    drop_zero_width,
    has_zero_width,
    jieba_tokenizer,
    join_wrapped_lines,
    read_tag_table,
    to_simplified,
    traditional_line,
    traditional_words,
    wrap_width,
)
from .candidates import Counts
from .lexicon import words

#: Chinese function words and generic policy and reporting verbs (加强, 推动; 包括,
#: 提供, 确保, 重申): never inside a candidate.
STOP_WORDS = words(
    """的 地 得 之 了 着 过 和 与 及 及其 以及 或 或者 并 并且 而 而且 且 在 于 对 对于
    为 为了 将 把 被 由 从 向 到 以 按 按照 根据 通过 依照 依据 关于 等 等等 其
    此 该 这 那 这些 那些 这个 那个 这一 上述 所述 有关 各 每 是 有 没有 也 都 就 还 又 再 更 最 很
    非常 已 已经 要 会 能 可 可以 应 应当 应该 必须 不 没 未 我 我们 你 你们 他
    她 它 他们 她们 它们 自己 所 所有 一个 一些 个 中 上 下 内 外 里 前 后 时 如
    如果 因为 所以 但 但是 即 乃 则 如何 什么 哪 谁 其中 以上 以下 之间 之后 之前
    进一步 切实 积极 大力 认真 加强 加快 推动 促进 实施 开展 做好 提高 支持 鼓励 完善
    建立 健全 坚持 实行 实现 包括 提供 确保 继续 举行 敦促 吁请 促请 重申 强调 着重指出
    强调指出 认为 表示 呼吁 欢迎 采取 进行 指出 注意到 希望 宣布 邀请 感谢 赞赏 定于"""
)
#: jieba tags that never stand at the edge of a term: adverbs, pronouns, prepositions,
#: conjunctions, particles, numerals, measure words, localisers, time words, modal
#: particles, interjections, onomatopoeia ("d", "r", "p", "c", "u", "m", "q", "f", "t",
#: "y", "e", "o", and their variants "ad", "dg", "rr", "ul", "mq" ...).
EDGE_TAGS = frozenset("drpcumqftyeo")


@functools.lru_cache(maxsize=1)
def _tag_table() -> dict[str, str]:
    """jieba's dictionary tags (word -> tag), as ``jieba.posseg`` reads them
    (:func:`termkit.chinese.read_tag_table`)."""
    return read_tag_table(jieba_tokenizer())


def pos(word: str) -> str:
    """jieba's dictionary tag of ``word``; "n" for a word it does not list (new words, glossary terms)."""
    return _tag_table().get(word, "n")


def pos_either_script(word: str) -> str:
    """:func:`pos` of ``word``, or of its Simplified form when jieba does not list it."""
    table = _tag_table()
    tag = table.get(word)
    return tag if tag is not None else table.get(to_simplified(word), "n")


def edge_ok(word: str) -> bool:
    """Whether ``word`` may begin or end a candidate (not an adverb, pronoun, numeral ...)."""
    return pos(word)[0] not in EDGE_TAGS


def user_word_parts(words: Iterable[str], hmm: bool = True) -> dict[str, tuple[str, ...]]:
    """Each of ``words`` (Simplified) that jieba's own dictionary does not list, with the
    words jieba cuts it into without a user dictionary (as :class:`ChineseExtractor`
    segments, ``hmm`` or not); a word it would cut into none or one is left out.

    >>> user_word_parts(["安全理事会", "扶贫", "易地扶贫搬迁"])
    {'安全理事会': ('安全', '理事会'), '易地扶贫搬迁': ('易地', '扶贫', '搬迁')}
    """
    base = jieba_tokenizer()
    known = base.FREQ
    out: dict[str, tuple[str, ...]] = {}
    for word in words:
        word = word.strip()
        if not word or known.get(word) or not HAN.search(word):
            continue
        parts = tuple(t for t in base.cut(word, HMM=hmm) if t.strip())
        if len(parts) > 1:
            out[word] = parts
    return out


class _Script:
    """jieba with the glossary terms of one script loaded, for the lines of that script."""

    def __init__(self, words: tuple[str, ...], hmm: bool) -> None:
        #: the glossary's words: nouns whatever jieba's tag (扶贫, 整村推进)
        self.glossary = frozenset(w.strip() for w in words)
        self.tokenizer: Any = jieba_tokenizer(words)
        self.cutter = block_cutter(self.tokenizer, hmm)
        #: each distinct token's :func:`_kind`, computed once
        self.kinds: dict[str, int] = {}


HEADING = re.compile(r"【([^【】]{1,40})】")
QUOTE = re.compile(r"“([^“”]{1,30})”|「([^「」]{1,30})」|《([^《》]{1,40})》")


class ChineseExtractor:
    """Feeds the token n-grams of each line into a :class:`Counts`."""

    def __init__(
        self,
        counts: Counts | None = None,
        words: Iterable[str] = (),
        max_tokens: int = 4,
        hmm: bool = True,
        traditional: Iterable[str] = (),
    ) -> None:
        """``words``: the glossary's Simplified (zh-CN) terms; ``traditional``: its
        Traditional ones (zh-Hant, zh-TW ...), loaded (in their Simplified form) for
        lines in Traditional characters only."""
        self.counts = counts if counts is not None else Counts()
        self.max_tokens = max_tokens
        self.hmm = hmm
        words = tuple(words)
        self._simplified = _Script(words, hmm)
        hant = traditional_words(words, traditional)
        #: the segmenter of lines in Traditional characters: the same one unless the
        #: glossary has Traditional terms
        self._traditional = self._simplified if hant == words else _Script(hant, hmm)
        #: the glossary's words: nouns whatever jieba's tag (扶贫, 整村推进)
        self.glossary = self._simplified.glossary
        self.tokenizer: Any = self._simplified.tokenizer
        self.counts.parts.update(user_word_parts(hant, hmm))

    def tokens(self, text: str) -> list[str]:
        simple = to_simplified(text)
        return cut_simplified(self._script(text, simple).tokenizer, text, simple, hmm=self.hmm)[0]

    def _script(self, text: str, simple: str) -> _Script:
        """The segmenter of a line (``simple``: its Simplified form): with the glossary's
        Traditional terms for a line in Traditional characters."""
        if self._traditional is self._simplified or not traditional_line(text, simple):
            return self._simplified
        return self._traditional

    def add_lines(self, texts: Sequence[str], source: int, numbers: Sequence[int]) -> None:
        """Count the candidates of lines of text (``numbers``: their line numbers)."""
        add = self.add_line
        whole = "\n".join(texts)
        if has_zero_width(whole):  # (安全\u200b理事会 is 安全理事会: they show nothing)
            texts = [drop_zero_width(t) for t in texts]
            whole = "\n".join(texts)
        width = wrap_width(texts, whole) if len(texts) > 1 else None
        if width is not None:
            # a hard-wrapped text: a line as wide as the wrap goes on in the next (易地扶贫搬\n迁)
            joined = join_wrapped_lines(texts, width - 2)
            texts = [text for _, text in joined]
            numbers = [numbers[k] for k, _ in joined]
            whole = "\n".join(texts)
        # one OpenCC call for the block: the Simplified form of each line
        simple = to_simplified(whole).split("\n")
        if len(simple) != len(texts):  # never expected: no line is converted
            simple = list(texts)
        if not self.counts.traditional and simple != list(texts):
            self.counts.traditional = True
        for text, line, plain in zip(texts, numbers, simple, strict=True):
            add(text, source, line, plain)

    def add_line(self, text: str, source: int, line: int, simple: str | None = None) -> None:
        """Count the candidates of one line of text (``simple``: its Simplified form)."""
        if not HAN.search(text):
            return
        if simple is None:
            text = drop_zero_width(text)
            simple = to_simplified(text)
            if simple != text:
                self.counts.traditional = True
        keys: list[str] = []
        cut: list[str] = []  # candidates of max_tokens words that the run goes on past
        run: list[str] = []
        flags: list[int] = []
        n_words = 0
        script = self._script(text, simple)
        kinds = script.kinds
        if len(kinds) > MAX_KINDS:
            kinds.clear()
        counts = self.counts
        verbish = counts.verbish
        nounish = counts.nounish
        known = script.tokenizer.FREQ
        glossary = script.glossary
        # (what lies between jieba's blocks, punctuation and spaces, is one empty token)
        tokens, simple_tokens = cut_blocks(script.cutter, text, simple)
        det = False
        modal = False  # whether the last function word was a modal (应, 已, 未 ...)
        # (an empty token at the end of the line ends its last run, as punctuation does)
        for tok, plain in itertools.chain(zip(tokens, simple_tokens, strict=True), _LINE_END):
            # (a token's kind is its Simplified form's: jieba's tags are Simplified)
            kind = kinds.get(plain)
            if kind is None:
                kind = kinds[plain] = _kind(plain, known, glossary)
            if not kind:
                if run:
                    # verb evidence, counted once per run: a modal before its first
                    # word (已取得), an aspect particle after its last (取得了); noun
                    # evidence: 的 or a determiner before its first (的做法)
                    if modal and flags[0] & PREDICATE:
                        verbish[run[0]] += 1
                    if plain in ASPECT and flags[-1] & PREDICATE:
                        verbish[run[-1]] += 1
                    if det and flags[0] & PREDICATE:
                        nounish[run[0]] += 1
                    self._emit(run, flags, keys, cut)
                    n_words += len(run)
                    run = []
                    flags = []
                modal = plain in MODALS
                det = plain in DETERMINERS
                continue
            run.append(tok)
            flags.append(kind)
        if cut:
            counts.goes_on.update(cut)
        counts.tokens += n_words  # (no word counts: only English scoring reads them)
        specials: list[tuple[str, str]] = []
        if "【" in text:
            specials += [("heading", m.group(1)) for m in HEADING.finditer(text)]
        if "“" in text or "「" in text or "《" in text:
            specials += [("quoted", next(g for g in m.groups() if g)) for m in QUOTE.finditer(text)]
        if specials:
            present = set(keys)
            for name, phrase in specials:
                toks = [t for t in self.tokens(phrase.strip()) if t.strip()]
                if not toks or len(toks) > 8 or not all(_all_han(t) for t in toks):
                    continue
                key = " ".join(toks)
                counts.signal(name, key)
                if key not in present:
                    keys.append(key)
                    present.add(key)
        counts.add(keys, source, line)

    def finish(self) -> None:
        """Nothing to do: Chinese candidates are counted as they come."""

    def _emit(self, run: list[str], flags: list[int], keys: list[str], cut: list[str]) -> None:
        """The candidates of one run of words (``flags``: each word's :func:`_kind`), and in
        ``cut`` those of ``max_tokens`` words that the run goes on past with a word that may
        end a term (进入尼科西亚飞行情报 + 区: a phrase longer than the longest candidate)."""
        n = len(run)
        max_tokens = self.max_tokens
        if LINK_WORDS.isdisjoint(run):  # the usual run: no 及 or 不 inside (one C-level test)
            for i in range(n):
                if not flags[i] & STARTS:
                    continue  # a one-character word starts no term (号决议, 所受), nor does 其他
                keys.append(run[i])
                for j in range(i + 1, min(n, i + max_tokens)):
                    if flags[j] & EDGE:
                        keys.append(" ".join(run[i : j + 1]))
                end = i + max_tokens
                if end < n and flags[end] & EDGE and flags[end - 1] & EDGE:
                    cut.append(keys[-1])
            return
        opened = -1  # the verb that an opening 不 just took: it starts no candidate of its own
        for i in range(n):
            flag = flags[i]
            if flag & NEGATION:
                # 不 + verb opens a name when a head follows (不扩散核武器条约)
                if i + 2 < n and flags[i + 1] & VERB:
                    opened = i + 1
                    for j in range(i + 2, min(n, i + max_tokens)):
                        if flags[j] & (NEGATION | CONNECTOR):
                            break
                        if flags[j] & EDGE:
                            keys.append(" ".join(run[i : j + 1]))
                            if j == i + max_tokens - 1 and j + 1 < n and flags[j + 1] & EDGE:
                                cut.append(keys[-1])
                continue
            if not flag & STARTS or i == opened:
                # a one-character word starts no term (号决议, 所受), nor does 其他, nor
                # the verb of 不扩散 (扩散核武器条约不结盟 is a name cut after its 不)
                continue
            keys.append(run[i])
            linked = False
            for j in range(i + 1, min(n, i + max_tokens)):
                flag = flags[j]
                if flag & NEGATION or (flag & CONNECTOR and linked):
                    break  # 不 only opens a candidate; one 及 in a candidate
                linked = linked or bool(flag & CONNECTOR)
                if flag & EDGE and not flags[j - 1] & CONNECTOR:
                    keys.append(" ".join(run[i : j + 1]))
                    if j == i + max_tokens - 1 and j + 1 < n and flags[j + 1] & EDGE:
                        cut.append(keys[-1])


#: First characters (我, 本) and last characters (至, 谨) that make a two-character word
#: that neither jieba nor the glossary lists no word at all, but a pronoun and the next
#: character (我谨 "I have the honour", 本函 "this letter", 日至 in "5日至7日").  Other
#: pronouns begin names too (他信, Thaksin).
DEICTIC_FIRST = frozenset("我本")
LINK_LAST = frozenset("至谨")
#: A word that ends in the preposition 于 is a verb or a link (致力于, 属于, 有助于,
#: 由于): never part of a term.  Set phrases that jieba lists ending in 是, 在 or 的
#: (特别是在, 值得一提的是) are sentence links, not names (不可抗力, 硬着陆 stay).
LINK_FINAL = "于"
PHRASE_FINAL = frozenset("是在的于")
#: 所 before a verb makes a relative clause, not a word (所作的贡献 "the contribution
#: made"): jieba lists 所作, 所附, 所列 as nouns, but they are none (所长 is one).
NOMINALISER = "所"

#: The token that ends a line for :meth:`ChineseExtractor.add_line` (as punctuation does).
_LINE_END = (("", ""),)

#: What a token may do in a candidate (:func:`_kind`): 0 = none (it ends the run),
#: else IN_RUN, with EDGE when it may end one and STARTS when it may begin one.
IN_RUN, EDGE, STARTS = 1, 2, 4
#: 及 inside a name (经济及社会理事会): once in a candidate, never at an edge or right
#: before its last word; 不 before a verb opening one (不扩散核武器条约).
CONNECTOR, NEGATION = 8, 16
#: A verb by jieba's tags (of the Simplified form): what 不 may open a name with
#: (不扩散, 不侵犯, 不使用武力).
VERB = 32
#: A verb that is no verbal noun ("vn": 建设, 合作) nor a glossary word: the text
#: tells whether it is used as a verb (:data:`MODALS`, :data:`ASPECT`).
PREDICATE = 64
#: Modals and adverbs of time before a verb (应采取, 已取得, 未开列), and the aspect
#: particle after one (取得了): a word seen with them is used as a verb.
MODALS = frozenset(("应", "应当", "应该", "必须", "已", "已经", "未", "没有", "可以", "能"))
ASPECT = frozenset(("了", "着"))
#: 的 and determiners before a word (的做法, 该组织): a verb seen after them is used as
#: a noun (组织, 做法, 协定: jieba tags them verbs; they head 非政府组织, 最佳做法).
DETERMINERS = words("的 该 这 那 这些 那些 这个 那个 这一 上述 所述 各 每 此 其")
CONNECTORS = frozenset(("及",))
#: 不 and 可 ("-able", which jieba cuts from its verb: 可/持续/发展, 可/再生能源):
#: before a verb they open a name (可持续发展目标), as 不 does.
NEGATIONS = frozenset(("不", "可"))
#: Both: function words that may stand inside a name (and count in no term's rarity).
LINK_WORDS = CONNECTORS | NEGATIONS
#: Distinct tokens whose kind is kept (the cache is emptied beyond this).
MAX_KINDS = 500_000


def _kind(tok: str, known: Mapping[str, int], glossary: AbstractSet[str] = frozenset()) -> int:
    """Whether a token may stand inside, at the end of, or at the start of a candidate
    (``known``: the tokenizer's dictionary, glossary words included; ``glossary``: the
    glossary's words, nouns whatever jieba's tag)."""
    if tok in CONNECTORS:
        return IN_RUN | CONNECTOR
    if tok in NEGATIONS:
        return IN_RUN | NEGATION
    if not HAN.search(tok) or tok in STOP_WORDS or not _all_han(tok):
        return 0
    if len(tok) == 2 and (tok[0] in DEICTIC_FIRST or tok[1] in LINK_LAST) and not known.get(tok):
        return 0  # a new word jieba's HMM made of a pronoun and the next character: 我谨, 本函, 日至
    tag = pos(tok)
    if len(tok) == 2 and tok[0] == NOMINALISER and pos(tok[1])[0] == "v":
        return 0  # 所作, 所附, 所列: "what is done, attached, listed", a relative clause (所长 stays)
    if len(tok) >= 2 and (tok[-1] == LINK_FINAL or (tag == "l" and tok[-1] in PHRASE_FINAL)):
        return 0  # 致力于, 特别是在: a verb or a link ending in a preposition ends the run
    verb = VERB if tag[0] == "v" else 0
    if verb and tag != "vn" and tok not in glossary:
        verb |= PREDICATE  # (a verbal noun, 建设, 发展, or a glossary word, 扶贫, is none)
    if tag[0] in EDGE_TAGS:
        return IN_RUN | verb
    return IN_RUN | EDGE | verb | (STARTS if len(tok) >= 2 else 0)


def _all_han(token: str) -> bool:
    return all(HAN.match(ch) for ch in token)
