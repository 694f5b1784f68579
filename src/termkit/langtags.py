"""Language tags: normalise what other tools write (``zh_CN``, ``ZH-cn``, ``en_US.UTF-8``).

termkit writes BCP 47 tags (``zh-CN``) in XML formats and gettext locales (``zh_CN``)
in PO headers.
"""

from __future__ import annotations

import functools
import re

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


def is_canonical(tag: str) -> bool:
    """Whether ``tag`` is already written as :func:`normalize` writes it."""
    return is_valid(tag) and normalize(tag) == tag


def to_gettext(tag: str) -> str:
    """BCP 47 to a gettext locale: ``zh-CN`` -> ``zh_CN``.

    >>> to_gettext("zh-CN")
    'zh_CN'
    """
    return normalize(tag).replace("-", "_")


def primary(tag: str) -> str:
    """The primary language subtag: ``zh-CN`` -> ``zh``."""
    return normalize(tag).split("-", 1)[0]


def matches(tag: str, wanted: str) -> bool:
    """Whether ``tag`` is ``wanted`` or a more specific form of it (``en-US`` for ``en``).

    >>> matches("en-US", "en"), matches("zh-TW", "zh-CN")
    (True, False)
    """
    a, b = normalize(tag).lower(), normalize(wanted).lower()
    return a == b or a.startswith(b + "-")
