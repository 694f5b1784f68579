"""English noun inflection shared by extraction and lint: compounds of "man".

"serviceman" / "servicemen", "herdsman" / "herdsmen": a compound of "man" makes
its plural in -men, except the words in -man that are no such compound
("human", "superhuman", "German", "shaman"); and a word in -men is the plural of one in -man,
except the words in -men that are singulars ("specimen", "regimen", "abdomen", the
Pinyin place names "Xiamen", "Jiangmen").
"""

from __future__ import annotations

#: Words in -man whose plural is regular (-mans), lower case.
MAN_REGULAR = frozenset(
    (
        "human",
        "german",
        "roman",
        "shaman",
        "talisman",
        "caiman",
        "cayman",
        "ottoman",
        "norman",
        "walkman",
        "doberman",
        "oman",
        "brahman",
        "pullman",
        "truman",
        "lehman",
        "batman",
    )
)
#: Words in -men that are no plural of a word in -man, lower case.
MEN_SINGULAR = frozenset(
    (
        "specimen",
        "regimen",
        "abdomen",
        "omen",
        "acumen",
        "stamen",
        "hymen",
        "semen",
        "foramen",
        "lumen",
        "albumen",
        "bitumen",
        "rumen",
        "dolmen",
        "gravamen",
        "yemen",
        "amen",
        "ramen",
        "cyclamen",
        "turkmen",
        "bremen",
        # Chinese place names in Pinyin
        "xiamen",
        "jiangmen",
        "jingmen",
        "tumen",
        "aomen",
        "tianmen",
        "longmen",
        "ximen",
        "dongmen",
        "kinmen",
        "tiananmen",
        "cognomen",
    )
)


def man_plural(word: str) -> str | None:
    """The plural of a compound of "man" ("herdsman" -> "herdsmen"), else None (lower case)."""
    if word.endswith("man") and word not in MAN_REGULAR and not word.endswith("human"):
        return word[:-3] + "men"
    return None


def men_singular(word: str) -> str | None:
    """The singular of a plural in -men ("servicemen" -> "serviceman"), else None (lower case)."""
    if word.endswith("men") and word not in MEN_SINGULAR:
        return word[:-3] + "man"
    return None
