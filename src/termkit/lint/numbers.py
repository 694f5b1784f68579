"""Numbers in English and Chinese text, as values, so that a source and its translation compare.

``5,000`` and ``5000`` are the same number; ``2.07 billion``, ``20.7亿`` and
``2,070,000,000`` are the same number; ``24%`` and ``百分之二十四`` too.  Values
are :class:`~decimal.Decimal` (exact: ``20.7 × 10⁸ == 2.07 × 10⁹``).

Numbers written in figures are the ones checked.  Numbers written in words
(``ten thousand``, 三千八百, 第二十六) are read too, but only as evidence that a
number in figures on the other side is there: "one product for one village" is
not a mismatch with 一村一品.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..placeholders import blank
from .tags import LOOSE_TAG

_EN_SCALES = {
    "hundred": 2,
    "thousand": 3,
    "million": 6,
    "billion": 9,
    "trillion": 12,
    "bn": 9,
    "mn": 6,
}
_ZH_SCALES = {"百": 2, "千": 3, "万": 4, "百万": 6, "千万": 7, "亿": 8, "万亿": 12}

#: Scales written glued to the figures: "£2.8bn", "£11million", "3.5m", "10k".
_EN_GLUED = {k: v for k, v in _EN_SCALES.items() if k != "hundred"} | {"tn": 12, "m": 6, "k": 3}
#: Glued scales that may be a unit instead ("5m" metres, "5k" kilometres): a number
#: written so is read both ways unless a currency precedes it ("£125m" is a sum).
_EN_GLUED_AMBIGUOUS = frozenset(("m", "k"))
_CURRENCIES = r"(?:USD|EUR|(?i:euro)|GBP|RMB|CNY|JPY|HKD|CHF|AUD|CAD|INR|Rs)"
#: A currency code before a number ("USD 5m"); symbols (£, $, €, ¥...) are told by their category.
_CURRENCY_CODE = re.compile(rf"\b{_CURRENCIES}\.?\Z")
#: A currency glued to the number after it ("Euro1.5 million", "USD5m": where "€" and
#: "$" were lost on the way to plain text).
_GLUED_CURRENCY = re.compile(rf"\b{_CURRENCIES}\Z")


def _after_currency(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a currency ("£125m", "US$ 3m", "USD 5m").

    >>> _after_currency("for £125m", 5), _after_currency("US$ 3m", 4), _after_currency("a 5m wall", 2)
    (True, True, False)
    """
    before = text[max(0, start - 8) : start].rstrip()
    if not before:
        return False
    return unicodedata.category(before[-1]) == "Sc" or _CURRENCY_CODE.search(before) is not None


#: A number in figures: 5000, 5,000, 3874.5, .5 (not a part of a word like "A4" or "COVID-19"'s "19"),
#: with a scale word after it, spaced or glued ("2.07 billion", "£2.8bn"), or a percent sign;
#: a unit glued to it in lower case is no part of its value ("20cm", "45s", "5kg" are
#: 20, 45 and 5), but an ordinal ("1st"), a decade ("1990s") and a code ("2359Z",
#: "5G") are no such number.
_EN_NUMBER = re.compile(
    r"(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,])(?!\.\d+\.\d)|\d+)(\.\d+)?"
    r"(?:(thousand|million|billion|trillion|bn|mn|tn|m|k)(?!\w)|(?=(?-i:[a-z]))(?!(?:st|nd|rd|th)\b)(?<!0(?=s\b))|(?!\w)"
    r"(?:\s*(%|per\s?cent\b|percent\b)|\s+(hundred|thousand|million|billion|trillion|bn|mn)\b)?)",
    re.IGNORECASE,
)
#: Whether a segment may hold a glued scale (cheap test before the full comparison).
_GLUED_SCALE = re.compile(r"\d(?:thousand|million|billion|trillion|bn|mn|tn|m|k)(?!\w)", re.IGNORECASE)
#: A time of day: "10.23 a.m.", "11 p.m.", "10.30 hours", "3:30", "7:00" (an hour and its
#: minutes, 00 being none), and a military time in UTC, "2359Z" (23时59分).
_TIME = re.compile(
    r"\b(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)"
    r"|\b(?P<h2>\d{1,2})[.:](?P<m2>\d{2})\s*(?:hours\b|hrs\b|h\b)"
    r"|(?<![\d:.,])(?P<h3>\d{1,2}):(?P<m3>\d{2})\b(?!:\d)"
    r"|\b(?P<z>(?:[01]\d|2[0-3])[0-5]\d)(?=Z\b)",
    re.IGNORECASE,
)
#: What every time of day holds (a cheap test before ``_TIME``, whose alternatives,
#: each opening with an assertion, are tried at every position of a text).
_TIME_HINT = re.compile(r"\d(?:[.:]\d\d|\s*[ap]\.?m|Z)", re.IGNORECASE)
#: A decade: "the 1930s", "the 1930's", "the 80s" (evidence of 20世纪30年代, 80年代).
_DECADE = re.compile(r"(?<![\w.,'])(\d{0,2}\d0)'?s\b")
#: "21. " or "(a) 3) " at the start of a segment: numbering, which segmenters keep on one side only.
_ENUMERATOR = re.compile(r"^\s*\(?\d{1,3}[.)]\s")
_ORDINAL = re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
_ZH_NUMBER = re.compile(
    r"(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,])(?!\.\d+\.\d)|\d+)(\.\d+)?"
    r"\s*(?:[多余](?=\s*(?:万亿|百万|千万|亿|万|千|百)))?\s*(万亿|百万|千万|亿|万|千(?!克(?![朗隆罗拉])|米|瓦|卡(?![车片通塔])|焦|伏|帕|赫)|百)?\s*(%)?"
)
#: After 千, words that may be a unit's too: 千克拉面 (kilograms of ramen) or 千克拉
#: (thousand carats), 千克罗地亚 (kilograms of Croatian...) or a thousand Croatians,
#: 千卡塔 (kilocalories...) or Qatar: both readings count.
_KILO_OR_THOUSAND = frozenset(("克拉", "克罗", "卡塔"))
#: A Latin scale glued to a number in Chinese text (an English sum kept as written).
_LATIN_SCALE = re.compile(r"(thousand|million|billion|trillion|bn|mn|tn|m|k)(?![A-Za-z])", re.IGNORECASE)
_ZH_NUMERAL = re.compile(r"(百分之)?([零〇一二两三四五六七八九十百千万亿]+)")
#: A time of day, 13时10分 or 3点: its figures are also the 24-hour time ("at 1310", "0300 hours").
_ZH_TIME = re.compile(r"(?<![\d.])(\d{1,2})\s*[时点](?:\s*(\d{1,2})\s*分)?")
#: Half and quarter hours: 3点半 is 3:30, 7点一刻 7:15, 三刻 45 minutes.
_ZH_PART_HOUR = re.compile(r"[\d零〇一二两三四五六七八九十]\s*[时点](半|一刻|三刻)")
_ZH_PART_MINUTES = {"半": 30, "一刻": 15, "三刻": 45}
#: The year of a numbered document or resolution, 第2118(2013)号.
_ZH_SYMBOL_YEAR = re.compile(r"(?<!\d)(\d+)\s*[(（]((?:19|20)\d\d)[)）]\s*号")
#: A decade, 20世纪30年代 or 80年代: its figures are also the year ("the 1930s").
_ZH_DECADE = re.compile(r"(?<![\d.])(?:(\d{1,2})\s*世纪\s*)?(\d)0\s*年代")

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WORDS: dict[str, int | Decimal] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
    "half": Decimal("0.5"),
    "dozen": 12,
    "double": 2,
    "twice": 2,
    "once": 1,
    # Months: "31 December 2014" is 2014年12月31日; "Nov. 6" is 11月6日.
    **{m: i for i, m in enumerate(MONTHS, 1)},
    **{m[:3]: i for i, m in enumerate(MONTHS, 1)},
    "sept": 9,
}
#: What a placeholder is blanked out with: neither a digit, a letter nor a space.
MASK = "\x00"
_ALPHA = re.compile(r"[A-Za-z]+")
_LOWER_WORD = re.compile(r"[a-z]+")
_JOINERS = {"a", "and"}
_DIGITS = re.compile(r"[0-9０-９]+(?:[.,][0-9０-９]+)*")
_MONTH_NAMES = tuple((name, str(i)) for i, name in enumerate(MONTHS, 1))
_SCALE_MARKS = (
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "bn",
    "mn",
    "cent",
    "%",
    "％",
    "万",
    "亿",
    "千",
    "百",
)


def _scaled(text: str) -> bool:
    """Whether ``text`` may hold a scale word or a percent sign (cheap, may say yes wrongly)."""
    low = text.lower()
    for mark in _SCALE_MARKS:  # noqa: SIM110 (a plain loop: any() over a generator costs more)
        if mark in low:
            return True
    return False


_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10**4, "亿": 10**8}


@dataclass(slots=True)
class Number:
    """A number in a text: its value, where it is, and how it was written."""

    value: Decimal
    start: int
    end: int
    text: str
    #: Written in figures (checked); words and Chinese numerals are evidence only.
    figures: bool = True
    #: Another value the text may mean: "5m" is 5 million, or 5 metres (``alt`` 5).
    alt: Decimal | None = None
    #: Further values it stands for as a part of a whole: the hour of 13时10分 is also
    #: 1310 ("at 1310").
    also: tuple[Decimal, ...] = ()
    #: A value that only words on the other side may match: the 30 of 20世纪30年代 is
    #: 1930 for "the 1930s" (a decade), never for the year "1930".
    decade: Decimal | None = None
    #: The code a number is a part of in Chinese text ("W3C", "IPv6", "E1035"): such a
    #: number is present when the other side has the same code.
    code: str | None = None
    #: The year a UN translation adds to a symbol's number (第2118(2013)号决议 for
    #: "resolution 2118"): the number (2118), as the year is checked only when the
    #: other side gives one after it too.
    symbol: str | None = None
    #: The value without trailing zeros, for comparison (1.50 = 1.5).
    key: Decimal = field(init=False)
    #: ``key``, and the key of ``alt`` if any: the number is found when one of them is.
    keys: tuple[Decimal, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.key = self.value.normalize()
        self.keys = (self.key,) if self.alt is None else (self.key, self.alt.normalize())
        if self.also:
            self.keys += tuple(v.normalize() for v in self.also)


_NUMBER_WORDS = frozenset(_WORDS) | frozenset(_EN_SCALES)


def _glued(before: str, word: bool) -> bool:
    """Whether a number that follows ``before`` is only the tail of something else."""
    return before in ".," or before.isdigit() or (word and (before.isalpha() or before == "_"))


def _decimal(int_part: str, frac: str | None) -> Decimal:
    return Decimal(re.sub(r"[,\s]", "", int_part) + (frac or ""))


#: Full-width digits, letters (５Ｇ is the code 5G), full stop and percent sign, read as ASCII.
_FULLWIDTH_RE = re.compile("[０-９Ａ-Ｚａ-ｚ．％]")
#: Full-width digits grouped in thousands by full-width commas (１，０００, １２，３４５，６７８),
#: as ASCII figures are (``\d{1,3}(?:,\d{3})+``): the commas of a list (２０１０，２０１１；
#: １，２，３；５，６倍) are no thousands separators.
_FULLWIDTH_GROUPED = re.compile("(?<![０-９])[０-９]{1,3}(?:，[０-９]{3})+(?![０-９])")
#: The Traditional forms of the characters numbers are read with (3萬 is 3万, 550多萬
#: 550多万, 13時10分 13时10分, 第2118(2013)號 第2118(2013)号), read as their Simplified ones.
_TRADITIONAL = str.maketrans("萬億兩點時號紀餘個歲週", "万亿两点时号纪余个岁周")
_NORMALIZE_RE = re.compile("[０-９Ａ-Ｚａ-ｚ．％萬億兩點時號紀餘個歲週]")


def _normalize(text: str) -> str:
    """Full-width digits, letters, full stop and percent sign to ASCII, the full-width
    commas that group full-width digits in thousands (１，０００) to ASCII, and the
    Traditional forms of the characters of numbers (萬, 億, 兩 ...) to Simplified; same
    length."""
    if text.isascii() or not _NORMALIZE_RE.search(text):
        return text
    text = text.translate(_TRADITIONAL)
    if not _FULLWIDTH_RE.search(text):
        return text
    if "，" in text:
        text = _FULLWIDTH_GROUPED.sub(lambda m: m.group().replace("，", ","), text)
    return _FULLWIDTH_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


#: The vulgar fractions of Unicode, alone or after a whole number: "14½" is 14.5 on
#: either side (the figures of 14½ are no number of their own).
_VULGAR = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_FRACTION = re.compile(rf"(?<![\d.,])(\d+)?([{_VULGAR}])")
_VULGAR_RE = re.compile(f"[{_VULGAR}]")
#: What Chinese writes for a fraction: 四分之三 (3/4), 一半 or 半杯 (a half), and a half
#: after a whole number and its measure word, 两年半 (2½ years), 一个半小时 (1½ hours).
_ZH_FRACTION = re.compile(r"([零〇一二两三四五六七八九十\d]+)分之([零〇一二两三四五六七八九十\d]+)")
_ZH_A_HALF = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千万亿\d])一半|(?<![零〇一二两三四五六七八九十百千万亿\d个点时年周天岁倍])半"
)
_ZH_HALF_AFTER = re.compile(r"\s*(?:个|[年周天岁倍])半")
#: A decimal in words, 十二点五 (12.5), 三点五亿 (350 million), not a time of day:
#: 七点四十五分 (7:45), 七点五分 (7:05) and 三点钟 (3 o'clock) are none.
_ZH_DECIMAL = re.compile(
    r"([零〇一二两三四五六七八九十百千万]+)点([零〇一二三四五六七八九]+)(?![零〇一二三四五六七八九十百千分刻钟])(万亿|亿|万)?"
)
#: Per mille and per ten thousand in words: 千分之五 is 0.5 per cent (and 0.005).
_ZH_PER_MILLE = re.compile(r"([千万])分之([零〇一二两三四五六七八九十百\d]+)")


def _fraction_value(numerator: Decimal, denominator: Decimal) -> Decimal:
    """A fraction as :func:`_fractions` reads ``¾`` or ``⅓`` (to 4 places: 0.75, 0.3333)."""
    return Decimal(str(round(float(numerator / denominator), 4)))


def _zh_fractions(text: str, norm: str, out: list[Number]) -> None:
    """Chinese fractions and decimals in words, as evidence for a vulgar fraction or a
    decimal on the other side (``¾`` = 四分之三, ``½`` = 一半, 半杯, ``12.5%`` =
    百分之十二点五, ``0.5%`` = 千分之五)."""
    if "点" in norm:
        for m in _ZH_DECIMAL.finditer(norm):
            whole = parse_zh_numeral(m.group(1))
            if whole is None:
                continue
            value = whole + Decimal("0." + "".join(str(_ZH_DIGITS[c]) for c in m.group(2)))
            if m.group(3):
                value = value.scaleb(_ZH_SCALES[m.group(3)])
            out.append(Number(value, m.start(), m.end(), text[m.start() : m.end()], figures=False))
    if "分之" in norm:
        for m in _ZH_PER_MILLE.finditer(norm):
            part = m.group(2)
            count = Decimal(part) if part.isdigit() else parse_zh_numeral(part)
            if count is None:
                continue
            per = Decimal(1000 if m.group(1) == "千" else 10000)
            for value in (count * 100 / per, count / per):  # per cent, and the fraction itself
                out.append(Number(value, m.start(), m.end(), text[m.start() : m.end()], figures=False))
        for m in _ZH_FRACTION.finditer(norm):
            parts = [Decimal(p) if p.isdigit() else parse_zh_numeral(p) for p in (m.group(1), m.group(2))]
            if parts[0] and parts[1] is not None:
                value = _fraction_value(parts[1], parts[0])
                out.append(Number(value, m.start(), m.end(), text[m.start() : m.end()], figures=False))
    if "半" in norm:
        for m in _ZH_A_HALF.finditer(norm):
            out.append(Number(Decimal("0.5"), m.start(), m.end(), m.group(), figures=False))


def _fractions(text: str, norm: str, out: list[Number]) -> None:
    """``1½``, ``¾``: a whole number and a fraction, as one value (1.5, 0.75)."""
    if not _VULGAR_RE.search(norm):
        return
    for m in _FRACTION.finditer(norm):
        fraction = Decimal(str(round(unicodedata.numeric(m.group(2)), 4)))
        out.append(Number(Decimal(m.group(1) or 0) + fraction, m.start(), m.end(), text[m.start() : m.end()]))


def numbers_en(text: str, words: bool = True, figures: bool = True) -> list[Number]:
    """Numbers of an English text: figures (with scale words), and number words if ``words``."""
    norm = _normalize(text)
    out: list[Number] = []
    if figures:
        _figures_en(text, norm, out)
        _fractions(text, norm, out)
    if not words:
        return out
    _words_en(text, norm, out)
    return out


def _times_en(norm: str, out: list[Number]) -> list[tuple[int, int]]:
    """Times of day (10.23 a.m. = 10时23分, 11 p.m. = 23时, 2359Z = 23时59分); their spans."""
    spans: list[tuple[int, int]] = []
    if not _TIME_HINT.search(norm):
        return spans
    for m in _TIME.finditer(norm):
        if m.group("z"):
            spans.append(m.span())
            out.append(Number(Decimal(int(m.group("z"))), m.start(), m.end(), m.group()))
            continue
        hour = int(m.group("h") or m.group("h2") or m.group("h3"))
        minute = int(m.group("m") or m.group("m2") or m.group("m3") or 0)
        ap = (m.group("ap") or "").lower()
        if minute > 59 or hour > (12 if ap else 24):
            continue
        spans.append(m.span())
        alt = None
        if ap.startswith("p") and hour < 12:
            alt = Decimal(hour + 12)  # 11 p.m. = 23时
        elif ap.startswith("a") and hour == 12:
            alt = Decimal(0)
        out.append(Number(Decimal(hour), m.start(), m.end(), m.group(), alt=alt))
        if minute:  # "7:00" has no minutes to find
            out.append(Number(Decimal(minute), m.start(), m.end(), m.group()))
    return spans


def _figures_en(text: str, norm: str, out: list[Number]) -> None:
    spans = _times_en(norm, out)
    for m in _EN_NUMBER.finditer(norm):
        if (
            m.start()
            and _glued(norm[m.start() - 1], word=True)
            and not _GLUED_CURRENCY.search(norm, 0, m.start())
        ):
            continue  # a part of "A4", "1.2.3", "1,2" (but "Euro1.5 million" is a sum)
        if spans and any(a <= m.start() < b for a, b in spans):
            continue
        try:
            value = _decimal(m.group(1), m.group(2))
        except InvalidOperation:
            continue
        glued, scale = m.group(3), m.group(5)
        alt = None
        if glued:
            glued = glued.lower()
            if glued in _EN_GLUED_AMBIGUOUS and not _after_currency(norm, m.start()):
                alt = value  # "5m": 5 million, or 5 metres
            value = value.scaleb(_EN_GLUED[glued])
        elif scale:
            value = value.scaleb(_EN_SCALES[scale.lower()])
        out.append(Number(value, m.start(), m.end(), text[m.start() : m.end()], alt=alt))


def _words_en(text: str, norm: str, out: list[Number]) -> None:
    for m in _ORDINAL.finditer(norm):
        out.append(Number(Decimal(m.group(1)), m.start(), m.end(), m.group(), figures=False))
    for m in _DECADE.finditer(norm):  # "the 1930s": evidence of 20世纪30年代
        out.append(Number(Decimal(m.group(1)), m.start(), m.end(), m.group(), figures=False))
    if _NUMBER_WORDS.isdisjoint(_LOWER_WORD.findall(norm.lower())):
        return
    run: list[str] = []
    run_start = run_end = 0
    for m in _ALPHA.finditer(norm):
        word = m.group().lower()
        if run and norm[run_end : m.start()].strip(" -"):
            out.extend(_run_numbers(run, run_start, run_end, text))
            run = []
        if word in _WORDS or word in _EN_SCALES or (run and word in _JOINERS):
            if not run:
                run_start = m.start()
            run.append(word)
            run_end = m.end()
            continue
        if run:
            out.extend(_run_numbers(run, run_start, run_end, text))
            run = []
    if run:
        out.extend(_run_numbers(run, run_start, run_end, text))


def _run_numbers(run: list[str], start: int, end: int, text: str) -> list[Number]:
    return [Number(v, start, end, text[start:end], figures=False) for v in _word_values(" ".join(run))]


def _word_values(run: str) -> list[Decimal]:
    """Values of a run of number words: "two thousand and eleven" -> 2011 (and each word on its own)."""
    tokens = [t.lower() for t in re.split(r"[\s-]+", run) if t and t.lower() not in ("a", "and")]
    if not tokens:
        return []
    values: list[Decimal] = []
    total = Decimal(0)
    current = Decimal(0)
    for tok in tokens:
        if tok in _WORDS:
            current += Decimal(_WORDS[tok])
            values.append(Decimal(_WORDS[tok]))
        elif tok in _EN_SCALES:
            exp = _EN_SCALES[tok]
            current = (current or Decimal(1)).scaleb(exp)
            if exp > 2:
                total += current
                current = Decimal(0)
    total += current
    values.append(total)
    return values


def numbers_zh(text: str, words: bool = True, figures: bool = True) -> list[Number]:
    """Numbers of a Chinese text: figures with 万/亿 scales and percentages; Chinese numerals if ``words``."""
    norm = _normalize(text)
    out: list[Number] = []
    wholes, decades = _zh_wholes(norm) if figures else ({}, {})
    symbol_years = (
        {m.start(2): m.group(1) for m in _ZH_SYMBOL_YEAR.finditer(norm)} if figures and "号" in norm else {}
    )
    for m in _ZH_NUMBER.finditer(norm) if figures else ():
        if m.start() and _glued(norm[m.start() - 1], word=False):
            continue
        digits_end = m.start() + len(m.group(1)) + len(m.group(2) or "")
        if norm[digits_end : digits_end + 1] in _VULGAR and not m.group(2) and digits_end < len(norm):
            continue  # the whole number of 14½ (read with its fraction below)
        if m.group(1) == "00" and not m.group(2) and norm[m.start() - 1 : m.start()] == ":":
            continue  # the minutes of 19:00
        try:
            value = _decimal(m.group(1), m.group(2))
        except InvalidOperation:
            continue
        alt = None
        end = m.end() if m.group(3) or m.group(4) else digits_end
        if m.group(3):
            if m.group(3) == "千" and norm[m.end(3) : m.end(3) + 2] in _KILO_OR_THOUSAND:
                alt = value  # 5千克拉面: 5 kg of ramen, or 5,000 carats
            value = value.scaleb(_ZH_SCALES[m.group(3)])
        elif not m.group(4) and (latin := _LATIN_SCALE.match(norm, end)):
            # an English sum kept as written ("筹集了$5m"): read as in English
            glued = latin.group(1).lower()
            if glued in _EN_GLUED_AMBIGUOUS and not _after_currency(norm, m.start()):
                alt = value
            value = value.scaleb(_EN_GLUED[glued])
            end = latin.end()
        while norm[end - 1].isspace():
            end -= 1  # ("28亿 英镑": the space is no part of the number)
        whole = wholes.get(m.start())
        also: tuple[Decimal, ...] = (whole,) if whole is not None else ()
        if not m.group(3) and _ZH_HALF_AFTER.match(norm, end):
            also += (value + Decimal("0.5"),)  # 2年半: 2½ years
        code = _code_at(norm, m.start(), digits_end)
        out.append(
            Number(
                value,
                m.start(),
                end,
                text[m.start() : end],
                alt=alt,
                also=also,
                decade=decades.get(m.start()),
                code=code,
                symbol=symbol_years.get(m.start()),
            )
        )
    if figures:
        _fractions(text, norm, out)
    if not words:
        return out
    for m in _ZH_NUMERAL.finditer(norm):
        values = _zh_numeral_values(m.group(2))
        for value in values:
            out.append(Number(value, m.start(), m.end(), m.group(), figures=False))
        if not m.group(1) and len(values) == 1 and _ZH_HALF_AFTER.match(norm, m.end()):
            out.append(Number(values[0] + Decimal("0.5"), m.start(), m.end(), m.group(), figures=False))
    _zh_fractions(text, norm, out)
    if "点" in norm or "时" in norm:
        for m in _ZH_PART_HOUR.finditer(norm):
            minutes = Decimal(_ZH_PART_MINUTES[m.group(1)])
            out.append(Number(minutes, m.start(), m.end(), m.group(), figures=False))
    return out


def _zh_wholes(norm: str) -> tuple[dict[int, Decimal], dict[int, Decimal]]:
    """Figures that are parts of a whole, by offset: of a time (13时10分: 1310), which the
    other side may write as one number, and of a decade (20世纪30年代: 1930), which it may
    write as a decade ("the 1930s")."""
    wholes: dict[int, Decimal] = {}
    decades: dict[int, Decimal] = {}
    if "时" in norm or "点" in norm:
        for m in _ZH_TIME.finditer(norm):
            hour, minute = int(m.group(1)), int(m.group(2) or 0)
            if hour > 24 or minute > 59:
                continue
            wholes[m.start(1)] = Decimal(hour * 100 + minute)
            if m.group(2):
                wholes[m.start(2)] = Decimal(hour * 100 + minute)
    if "年代" in norm:
        for m in _ZH_DECADE.finditer(norm):
            decade = int(m.group(2)) * 10
            if m.group(1):
                year = (int(m.group(1)) - 1) * 100 + decade
                decades[m.start(1)] = Decimal(year)
            else:
                year = 1900 + decade if decade else 2000
            decades[m.start(2)] = Decimal(year)
    return wholes, decades


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _code_at(norm: str, start: int, end: int) -> str | None:
    """The code that the figures ``norm[start:end]`` are a part of: "W3C", "IPv6", "E1035",
    "100BASE" (a Latin letter glued before them, or a capital after); None if none.

    >>> _code_at("支持IPv6地址", 5, 6), _code_at("5G网络", 0, 1), _code_at("共5个", 1, 2)
    ('IPv6', '5G', None)
    """
    before = norm[start - 1] if start else ""
    after = norm[end] if end < len(norm) else ""
    if not (before.isascii() and before.isalpha()) and not ("A" <= after <= "Z"):
        return None
    i, j = start, end
    while i and _latin(norm[i - 1]):
        i -= 1
    while j < len(norm) and _latin(norm[j]):
        j += 1
    return norm[i:j]


def _code_in(n: Number, own: str, other: str) -> bool:
    """Whether ``n`` is a part of a code ("IPv6") that ``other`` holds too, as a whole
    token (case aside); but not when ``own`` holds it more often and ``other`` has a
    code of the same letters that ``own`` lacks: "from IPv4 to IPv6" is not
    "从IPv6到IPv6" (a Chinese "IPv6" where English says "it" is no such case)."""
    if not n.code:
        return False
    edge = "(?<![A-Za-z0-9_])", "(?![A-Za-z0-9_])"
    token = re.compile(edge[0] + re.escape(n.code) + edge[1], re.IGNORECASE)
    found = len(token.findall(other))
    if not found:
        return False
    if found >= len(token.findall(own)):
        return True
    shape = re.compile(edge[0] + re.sub(r"\d+", r"\\d+", re.escape(n.code)) + edge[1], re.IGNORECASE)
    siblings = {m.group().lower() for m in shape.finditer(other)} - {
        m.group().lower() for m in shape.finditer(own)
    }
    return not siblings


def parse_zh_numeral(s: str) -> Decimal | None:
    """三千八百 -> 3800, 二十六 -> 26, 一九九八 -> 1998, 两万 -> 20000; None when not a number.

    >>> [parse_zh_numeral(s) for s in ("三千八百", "二十六", "十", "一九九八", "两万", "一亿二千万")]
    [Decimal('3800'), Decimal('26'), Decimal('10'), Decimal('1998'), Decimal('20000'), Decimal('120000000')]
    """
    if not s:
        return None
    if all(c in _ZH_DIGITS for c in s):  # digit by digit (years: 一九九八)
        return Decimal("".join(str(_ZH_DIGITS[c]) for c in s))
    total = 0
    section = 0
    digit: int | None = None
    for ch in s:
        if ch in "零〇":
            continue
        if ch in _ZH_DIGITS:
            if digit is not None:
                return None
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            section += (1 if digit is None else digit) * _ZH_UNITS[ch]
            digit = None
        elif ch in _ZH_BIG:
            section += digit or 0
            digit = None
            total = (
                (total + section) * _ZH_BIG[ch] if ch == "亿" or total == 0 else total + section * _ZH_BIG[ch]
            )
            section = 0
        else:
            return None
    return Decimal(total + section + (digit or 0))


def _zh_numeral_values(s: str) -> list[Decimal]:
    value = parse_zh_numeral(s)
    if value is not None:
        return [value]
    # Not one number (十二五, 一村一品...): every digit and unit on its own is evidence.
    return [Decimal(_ZH_DIGITS.get(c, _ZH_UNITS.get(c, _ZH_BIG.get(c, 0)))) for c in s]


def numbers(text: str, lang: str, words: bool = True, figures: bool = True) -> list[Number]:
    """Numbers of ``text`` in language ``lang`` (Chinese rules for zh, English for the rest)."""
    from .matcher import is_char_language

    if is_char_language(lang):
        return numbers_zh(text, words, figures)
    return numbers_en(text, words, figures)


def number_mismatches(src: str, tgt: str, src_lang: str, tgt_lang: str) -> tuple[list[Number], list[Number]]:
    """Numbers in figures on one side with no equal value on the other (source-only, target-only).

    Numbers in words on the other side count as present: "ten thousand" is 10000.
    Format placeholders (``%<PRIu64>``, ``%1$s``, ``{0}``) are not numbers.

    >>> a, b = number_mismatches("2.07 billion, 5,000 and 24%", "20.7亿、5000和24%", "en", "zh-CN")
    >>> a, b
    ([], [])
    >>> a, b = number_mismatches("In 2011, 57 poor counties", "2012年，五十七个贫困县", "en", "zh-CN")
    >>> [n.text for n in a], [n.text for n in b]
    (['2011'], ['2012'])
    """
    src, tgt = mask_placeholders(src), mask_placeholders(tgt)
    d_src, d_tgt = set(_DIGITS.findall(src)), set(_DIGITS.findall(tgt))
    if not d_src and not d_tgt and not (_VULGAR_RE.search(src) or _VULGAR_RE.search(tgt)):
        return [], []  # no figures on either side (a vulgar fraction alone is one: ¾)
    if d_src <= d_tgt and not (
        _scaled(src) or _scaled(tgt) or _GLUED_SCALE.search(src) or _VULGAR_RE.search(src + tgt)
    ):
        # The same digits on both sides, nothing scales them; at most the target writes in
        # figures the months the source names ("31 December" = 12月31日).  Substring tests
        # only: this path must be cheap, and when unsure it falls through to the full one.
        extra = d_tgt - d_src
        if not extra:
            return [], []
        low = src.lower()
        if extra <= {num for name, num in _MONTH_NAMES if name in low}:
            return [], []
    s_fig = [n for n in _unnumbered(src, numbers(src, src_lang, words=False)) if not _added_year(n, tgt)]
    t_fig = [n for n in _unnumbered(tgt, numbers(tgt, tgt_lang, words=False)) if not _added_year(n, src)]
    s_keys = {k for n in s_fig for k in n.keys}
    t_keys = {k for n in t_fig for k in n.keys}
    only_src = [n for n in s_fig if t_keys.isdisjoint(n.keys) and not _code_in(n, src, tgt)]
    only_tgt = [n for n in t_fig if s_keys.isdisjoint(n.keys) and not _code_in(n, tgt, src)]
    if only_src:
        t_words = {n.key for n in numbers(tgt, tgt_lang, figures=False)}
        only_src = [n for n in only_src if t_words.isdisjoint(n.keys) and n.decade not in t_words]
    if only_tgt:
        s_words = {n.key for n in numbers(src, src_lang, figures=False)}
        only_tgt = [n for n in only_tgt if s_words.isdisjoint(n.keys) and n.decade not in s_words]
    return _dedupe(only_src), _dedupe(only_tgt)


def _added_year(n: Number, other: str) -> bool:
    """Whether ``n`` is the year a translation adds to a symbol's number (第2118(2013)号
    for "resolution 2118"): unless ``other`` gives a year after that number too, it is
    left out of the comparison (and matches none of the other side's numbers)."""
    if n.symbol is None:
        return False
    return re.search(rf"(?<!\d){n.symbol}\s*[(（](?:19|20)\d\d[)）]", other) is None


def mask_placeholders(text: str) -> str:
    """``text`` with its format placeholders (:mod:`termkit.placeholders`) blanked out (offsets kept).

    OmegaT's tag shortcuts written wrongly (``</ a0>``, ``<br1 />``) are blanked out too:
    a broken tag is a tag problem (``tag-mismatch``), not a number.

    >>> mask_placeholders("Size: %<PRIu64> bytes, %1$s of {0:.2f}").replace(MASK, "_")
    'Size: _________ bytes, ____ of _______'
    >>> mask_placeholders("50%% done, %L2 left") == "50" + MASK * 2 + " done, " + MASK * 3 + " left"
    True
    >>> mask_placeholders("<a0>这里</ a0>，<br1 />").replace(MASK, "_")
    '____这里______，_______'
    """
    text = blank(text, MASK)
    if "<" not in text:
        return text
    return LOOSE_TAG.sub(lambda m: MASK * len(m.group()), text)


def _unnumbered(text: str, nums: list[Number]) -> list[Number]:
    """The numbers without a leading enumerator ("21. The Council..."): structure, not content."""
    m = _ENUMERATOR.match(text)
    if not m:
        return nums
    return [n for n in nums if n.start >= m.end()]


def _dedupe(nums: list[Number]) -> list[Number]:
    seen: set[Decimal] = set()
    out = []
    for n in nums:
        if n.key not in seen:
            seen.add(n.key)
            out.append(n)
    return out
