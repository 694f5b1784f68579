"""Language tags: normalise what other tools write (``zh_CN``, ``ZH-cn``, ``en_US.UTF-8``).

termkit writes BCP 47 tags (``zh-CN``) in XML formats and gettext locales (``zh_CN``)
in PO headers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_TAG = re.compile(r"^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$")


@functools.lru_cache(maxsize=1024)
def normalize(tag: str) -> str:
    """Canonical BCP 47 casing with ``-``: ``zh_cn`` -> ``zh-CN``, ``zh_hans`` -> ``zh-Hans``.

    >>> normalize("ZH_cn")
    'zh-CN'
    >>> normalize("en-us")
    'en-US'
    >>> normalize("zh-hans-cn")
    'zh-Hans-CN'
    """
    tag = tag.strip().split(".", 1)[0].split("@", 1)[0].replace("_", "-")
    parts = [p for p in tag.split("-") if p]
    if not parts:
        return tag
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def is_valid(tag: str) -> bool:
    """Whether ``tag`` is shaped like a language tag at all."""
    return bool(_TAG.match(tag))


#: RFC 5646's ``langtag`` (and ``privateuse`` and the irregular grandfathered tags), as
#: syntax only: whether the subtags are registered is not checked.
_ALNUM = "[A-Za-z0-9]"
_LANGTAG = re.compile(
    rf"""
    (?:[A-Za-z]{{2,3}}(?:-[A-Za-z]{{3}}){{0,3}}|[A-Za-z]{{4,8}})  # language, extlang
    (?:-[A-Za-z]{{4}})?                                          # script
    (?:-(?:[A-Za-z]{{2}}|[0-9]{{3}}))?                           # region
    (?:-(?:{_ALNUM}{{5,8}}|[0-9]{_ALNUM}{{3}}))*                  # variants
    (?:-[0-9A-WYZa-wyz](?:-{_ALNUM}{{2,8}})+)*                    # extensions
    (?:-[Xx](?:-{_ALNUM}{{1,8}})+)?                               # private use
    |[Xx](?:-{_ALNUM}{{1,8}})+
    |(?i:en-GB-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)
    |sgn-(?:BE-FR|BE-NL|CH-DE))
    """,
    re.VERBOSE,
)


def is_well_formed(tag: str) -> bool:
    """Whether ``tag`` is a well-formed BCP 47 tag (RFC 5646's syntax), written as BCP 47
    or as a gettext locale (``zh_CN``, ``zh_CN.UTF-8``, ``sr@latin``: what :func:`normalize`
    reads).  Stricter than :func:`is_valid`: ``zh cn``, ``zh--CN`` and ``zh-CN-`` are not.

    >>> [is_well_formed(t) for t in ("zh-CN", "zh_TW", "zh-Hant-HK", "en-US", "zh_CN.UTF-8", "x-klingon")]
    [True, True, True, True, True, True]
    >>> [is_well_formed(t) for t in ("zh CN", "zh--CN", "zh-CN-", "e", "zh-Hanss-CN-1", "", "*all*")]
    [False, False, False, False, False, False, False]
    """
    core = tag.strip().split(".", 1)[0].split("@", 1)[0].replace("_", "-")
    return _LANGTAG.fullmatch(core) is not None


def require_well_formed(option: str, tag: str | None) -> None:
    """A UsageError naming ``option`` when ``tag`` (given) is not :func:`is_well_formed`:
    ``--tgt-lang 'zh CN'`` would match no segment and check nothing, silently."""
    if tag is not None and not is_well_formed(tag):
        from .errors import UsageError

        raise UsageError(
            f"{option} {tag!r} is not a language tag; give a BCP 47 tag such as en, zh-CN or zh-Hant-TW"
        )


def canonical(tag: str) -> str:
    """``tag`` as a glossary should write it: :func:`normalize`, with the ISO 639-2 code
    of English or Chinese (which memoQ writes) as its ISO 639-1 one.

    The legacy .NET tags ``zh-CHS`` and ``zh-CHT`` (Trados and memoQ still read them)
    are ``zh-Hans`` and ``zh-Hant``.

    >>> canonical("zho_CN"), canonical("eng-us"), canonical("chi"), canonical("zh-Hant"), canonical("cmn-Hans")
    ('zh-CN', 'en-US', 'zh', 'zh-Hant', 'cmn-Hans')
    >>> canonical("zh-CHS"), canonical("zh-cht")
    ('zh-Hans', 'zh-Hant')
    """
    first, sep, rest = normalize(tag).partition("-")
    first = _ISO_639_2.get(first, first)
    if first == "zh" and rest.lower() in _LEGACY_SCRIPTS:
        return f"zh-{_LEGACY_SCRIPTS[rest.lower()]}"
    return first + sep + rest


def is_canonical(tag: str) -> bool:
    """Whether ``tag`` is already written as :func:`canonical` writes it (``zh-CN``, not
    ``zh_CN``, ``zh-cn`` or ``zho-CN``)."""
    return is_valid(tag) and canonical(tag) == tag


def to_gettext(tag: str) -> str:
    """BCP 47 to a gettext locale: ``zh-CN`` -> ``zh_CN``.

    >>> to_gettext("zh-CN")
    'zh_CN'
    """
    return normalize(tag).replace("-", "_")


#: The ISO 639-2 codes (terminological and bibliographic) of English and Chinese, which
#: memoQ and other CAT tools write (``eng-US``, ``zho-CN``, ``chi``): the same languages
#: as ``en`` and ``zh`` wherever tags are matched; a tag is still written as given.
_ISO_639_2 = {"eng": "en", "zho": "zh", "chi": "zh"}
#: The language subtags matched as others: those of :data:`_ISO_639_2`, and ISO 639-3's
#: Mandarin (``cmn-Hans``), the Chinese that ``zh`` tags are written in (a glossary may
#: write it: it is no non-canonical tag).
_MATCHED_AS = {**_ISO_639_2, "cmn": "zh"}


def _language(subtag: str) -> str:
    """A primary language subtag as matched: lower case, ``eng`` -> ``en``, ``zho``,
    ``chi`` and ``cmn`` -> ``zh``."""
    low = subtag.lower()
    return _MATCHED_AS.get(low, low)


def primary(tag: str) -> str:
    """The primary language subtag, as matched: ``zh-CN`` -> ``zh``; the ISO 639-2 codes
    of English and Chinese are ``en`` and ``zh``.

    >>> [primary(t) for t in ("zh-CN", "zho-CN", "chi", "cmn-Hans", "eng-US", "en_GB", "ja", "yue-HK")]
    ['zh', 'zh', 'zh', 'zh', 'en', 'en', 'ja', 'yue']
    """
    return _language(normalize(tag).split("-", 1)[0])


def _matched(tag: str) -> str:
    """``tag`` normalised, in lower case, with its primary subtag as matched (``zho-CN`` -> ``zh-cn``)."""
    first, sep, rest = normalize(tag).lower().partition("-")
    return _language(first) + sep + rest


#: The script a Chinese tag without a script subtag is written in, by region (CLDR's
#: likely subtags): Simplified in mainland China, Singapore, Malaysia; Traditional in
#: Taiwan, Hong Kong, Macao.
_ZH_REGION_SCRIPT = {"CN": "Hans", "SG": "Hans", "MY": "Hans", "TW": "Hant", "HK": "Hant", "MO": "Hant"}


#: The legacy .NET culture names of Chinese, which memoQ and older Trados and Microsoft
#: tools still write: ``zh-CHS`` is Simplified (``zh-Hans``), ``zh-CHT`` Traditional.
_LEGACY_SCRIPTS = {"chs": "Hans", "cht": "Hant"}


def _subtags(tag: str) -> tuple[str, str | None, str | None]:
    """(language, script, region) of ``tag``; script and region as written, or None."""
    parts = normalize(tag).split("-")
    lang = _language(parts[0])
    script = region = None
    for part in parts[1:]:
        if script is None and region is None and len(part) == 4 and part.isalpha():
            script = part
        elif script is None and region is None and lang == "zh" and part in _LEGACY_SCRIPTS:
            script = _LEGACY_SCRIPTS[part]
        elif region is None and ((len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit())):
            region = part
    return lang, script, region


def script(tag: str) -> str | None:
    """The script of ``tag``, written or implied by its region for Chinese; None when unknown.

    >>> [script(t) for t in ("zh-TW", "zh_CN", "zh-Hant-CN", "zh-HK", "zh-Hans", "zh", "en-US")]
    ['Hant', 'Hans', 'Hant', 'Hant', 'Hans', None, None]
    >>> [script(t) for t in ("zh-CHS", "zh-CHT", "zh-cht", "zho-TW", "chi-CN")]
    ['Hans', 'Hant', 'Hant', 'Hant', 'Hans']
    """
    lang, written, region = _subtags(tag)
    if written is not None:
        return written
    if lang == "zh" and region is not None:
        return _ZH_REGION_SCRIPT.get(region)
    return None


#: The scripts of Chinese (:func:`chinese_script`): Simplified and Traditional characters.
SIMPLIFIED, TRADITIONAL = "Hans", "Hant"
#: The primary subtags of Chinese: zh, and Mandarin as such (cmn-Hans).  Not Cantonese
#: (yue-Hant, yue-HK): written Cantonese is a language of its own (係, 嘅, 唔), whose
#: terms are no zh-Hant terms (:func:`han_script` still tells its script).
_CHINESE = frozenset(("zh", "cmn"))


def chinese_script(tag: str, text: str | None = None) -> str | None:
    """Whether ``tag`` names Chinese in Simplified characters (``Hans``: zh-CN, zh-Hans,
    zh-Hans-CN, zh-SG, zh-MY), in Traditional ones (``Hant``: zh-Hant, zh-TW, zh-HK,
    zh-MO, zh-Hant-CN), or neither (None): another language, another script (zh-Latn),
    and a Chinese tag that does not say (a bare ``zh``, zh-US), unless the ``text``
    written under it is given: then its characters tell (Traditional when any is
    written otherwise in Simplified Chinese, else Simplified).  Every command that
    picks Chinese terms by their tag asks this.

    >>> [chinese_script(t) for t in ("zh-CN", "zh-Hans", "zh-SG", "zh-Hans-CN", "zh_TW", "zh-HK", "zh-Hant")]
    ['Hans', 'Hans', 'Hans', 'Hans', 'Hant', 'Hant', 'Hant']
    >>> [chinese_script(t) for t in ("zh", "en", "ja-Hant", "zh-Latn", "yue-Hant", "cmn-Hans", "zh-CHT")]
    [None, None, None, None, None, 'Hans', 'Hant']
    >>> [chinese_script(t) for t in ("zho-CN", "zho-TW", "chi-Hant", "zho", "cmn-Hant", "eng")]
    ['Hans', 'Hant', 'Hant', None, 'Hant', None]
    >>> chinese_script("zho", "雨露計劃"), chinese_script("chi", "雨露计划")
    ('Hant', 'Hans')
    >>> chinese_script("yue", "雨露計劃"), chinese_script("zh-CHS", "雨露計劃")
    (None, 'Hans')
    >>> chinese_script("zh", "雨露计划"), chinese_script("zh", "雨露計劃"), chinese_script("zh-Latn", "yulu")
    ('Hans', 'Hant', None)
    """
    lang, written, _ = _subtags(tag)
    if lang not in _CHINESE:
        return None
    found = script(tag)
    if found in (SIMPLIFIED, TRADITIONAL) or written is not None or text is None:
        return found if found in (SIMPLIFIED, TRADITIONAL) else None
    from .chinese import traditional_chars

    return TRADITIONAL if traditional_chars(text) else SIMPLIFIED


def han_script(tag: str) -> str | None:
    """The script of Han characters ``tag`` names (``Hans`` or ``Hant``): that of
    :func:`chinese_script`, and of Cantonese written with a script or region that says
    it (yue-Hant, yue-Hans, yue-HK); None otherwise.  What ``check`` holds the
    characters of a term to.

    >>> [han_script(t) for t in ("zh-TW", "yue-Hant", "yue-HK", "yue", "ja-Hant")]
    ['Hant', 'Hant', 'Hant', None, None]
    """
    found = chinese_script(tag)
    if found is None and primary(tag) == "yue":
        _, written, where = _subtags(tag)
        found = written or _ZH_REGION_SCRIPT.get(where or "")
    return found if found in (SIMPLIFIED, TRADITIONAL) else None


def region(tag: str) -> str | None:
    """The region subtag of ``tag`` (``zh-Hant-TW`` -> ``TW``), or None."""
    return _subtags(tag)[2]


def compatible(tag: str, other: str) -> bool:
    """Whether two tags may name the same written language: the same primary language
    and no two different scripts (Simplified and Traditional Chinese never are).

    >>> compatible("zh", "zh-TW"), compatible("zh-Hans", "zh-CN"), compatible("zh-HK", "zh-TW")
    (True, True, True)
    >>> compatible("zh-TW", "zh-CN"), compatible("zh-Hant", "zh-SG"), compatible("en", "zh")
    (False, False, False)
    >>> compatible("zho-CN", "zh-Hans"), compatible("eng-US", "en"), compatible("zho-TW", "zh-CN")
    (True, True, False)
    """
    if primary(tag) != primary(other):
        return False
    a, b = script(tag), script(other)
    return a is None or b is None or a == b


def matches(tag: str, wanted: str) -> bool:
    """Whether ``tag`` is ``wanted`` or a more specific form of it (``en-US`` for ``en``).

    A Chinese region implies its script, so ``zh-CN`` is a form of ``zh-Hans`` and
    ``zh-Hans-CN`` is ``zh-CN``; Simplified and Traditional never match each other.

    >>> matches("en-US", "en"), matches("zh-TW", "zh-CN"), matches("zh-Hant", "zh-Hans")
    (True, False, False)
    >>> matches("zh-CN", "zh-Hans"), matches("zh-Hans-CN", "zh-CN"), matches("zh-HK", "zh-Hant")
    (True, True, True)
    >>> matches("zh-Hans-TW", "zh-TW"), matches("zh-HK", "zh-TW"), matches("zh", "zh-CN")
    (False, False, False)
    >>> matches("zho-CN", "zh-CN"), matches("eng-US", "en"), matches("zho-TW", "zh-Hant"), matches("chi", "zh-CN")
    (True, True, True, False)
    >>> matches("cmn-Hans", "zh-Hans"), matches("cmn-Hant-TW", "zh-TW"), matches("cmn-Hans", "zh-Hant")
    (True, True, False)
    """
    a, b = _matched(tag), _matched(wanted)
    if a == b or a.startswith(b + "-"):
        return True
    lang, want_script, want_region = _subtags(wanted)
    if primary(tag) != lang or (want_script is None and want_region is None):
        return False
    if want_region is not None and region(tag) != want_region:
        return False
    want = script(wanted)
    return want is None or script(tag) == want


def pick(tags: Iterable[str], wanted: str) -> str | None:
    """The tag of ``tags`` that serves ``wanted``: itself, else its first more specific
    form (``en-US`` for ``en``, ``zh-Hans-CN`` for ``zh-CN``), else a less specific one
    (``en`` when a TMX header says ``en-US``; ``zh`` or ``zh-Hans`` for ``zh-CN``);
    never one of another script (``zh-TW`` for ``zh-CN``).

    >>> pick(["zh-TW", "zh"], "zh-CN"), pick(["en-US", "zh_CN"], "zh-CN"), pick(["zh-TW"], "zh-CN")
    ('zh', 'zh_CN', None)
    >>> pick(["eng-US", "zho-CN"], "zh-CN"), pick(["eng-US", "zho-CN"], "en"), pick(["zho-TW"], "zh-CN")
    ('zho-CN', 'eng-US', None)
    """
    want = normalize(wanted)
    tags = list(tags)
    return (
        next((t for t in tags if normalize(t) == want), None)
        or next((t for t in tags if matches(t, want)), None)
        or next((t for t in tags if matches(want, t)), None)
    )


#: The ISO 639-1 (two-letter) language codes.
ISO_639_1 = frozenset(
    [
        "aa",
        "ab",
        "ae",
        "af",
        "ak",
        "am",
        "an",
        "ar",
        "as",
        "av",
        "ay",
        "az",
        "ba",
        "be",
        "bg",
        "bi",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "ce",
        "ch",
        "co",
        "cr",
        "cs",
        "cu",
        "cv",
        "cy",
        "da",
        "de",
        "dv",
        "dz",
        "ee",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "ff",
        "fi",
        "fj",
        "fo",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gn",
        "gu",
        "gv",
        "ha",
        "he",
        "hi",
        "ho",
        "hr",
        "ht",
        "hu",
        "hy",
        "hz",
        "ia",
        "id",
        "ie",
        "ig",
        "ii",
        "ik",
        "io",
        "is",
        "it",
        "iu",
        "ja",
        "jv",
        "ka",
        "kg",
        "ki",
        "kj",
        "kk",
        "kl",
        "km",
        "kn",
        "ko",
        "kr",
        "ks",
        "ku",
        "kv",
        "kw",
        "ky",
        "la",
        "lb",
        "lg",
        "li",
        "ln",
        "lo",
        "lt",
        "lu",
        "lv",
        "mg",
        "mh",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "na",
        "nb",
        "nd",
        "ne",
        "ng",
        "nl",
        "nn",
        "no",
        "nr",
        "nv",
        "ny",
        "oc",
        "oj",
        "om",
        "or",
        "os",
        "pa",
        "pi",
        "pl",
        "ps",
        "pt",
        "qu",
        "rm",
        "rn",
        "ro",
        "ru",
        "rw",
        "sa",
        "sc",
        "sd",
        "se",
        "sg",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sq",
        "sr",
        "ss",
        "st",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "ti",
        "tk",
        "tl",
        "tn",
        "to",
        "tr",
        "ts",
        "tt",
        "tw",
        "ty",
        "ug",
        "uk",
        "ur",
        "uz",
        "ve",
        "vi",
        "vo",
        "wa",
        "wo",
        "xh",
        "yi",
        "yo",
        "za",
        "zh",
        "zu",
    ]
)
