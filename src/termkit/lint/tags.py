"""OmegaT's tag shortcuts in a source and its translation: missing, added, renumbered or broken.

OmegaT shows the inline codes of a segment (bold, a link, a line break) as tag
shortcuts, ``<e0>``, ``</e0>``, ``<i1/>``, ``<br2/>``, and keeps them in the text
of its ``project_save.tmx`` (:mod:`termkit.placeholders`).  A translation must
hold the same tags, in any order, or the translated document loses its
formatting or cannot be built.  Machine translation and hurried edits break
them: ``</ a0>`` and ``<br0 />`` (a space inside) are text to OmegaT, not a tag.

A tag problem is no number problem: the digits of a tag, even a broken one,
are never read as numbers (:func:`termkit.lint.numbers.mask_placeholders`).

>>> [p.message for p in tag_problems("Click <a0>here</a0>.", "点击<a0>这里</ a0>。")]
["broken tag '</ a0>' in the translation: OmegaT reads it as text; write </a0> as in the source"]
>>> [p.message for p in tag_problems("<e0>Note:</e0> see", "<e0>注意：见")]
['tag </e0> is missing in the translation']
>>> for p in tag_problems("<e0>Note</e0>", "<e1>注意</e1>"):
...     print(p.side, p.start, p.message)
target 0 tag <e0> is missing in the translation, which has <e1> instead (renumbered?)
target 6 tag </e0> is missing in the translation, which has </e1> instead (renumbered?)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..placeholders import OMEGAT_TAG

TAG = re.compile(OMEGAT_TAG)
#: A tag shortcut with spaces inside or letters in upper case: ``</ a0>``, ``<br0 />``, ``< E0>``.
LOOSE_TAG = re.compile(r"<\s*/?\s*[A-Za-z]{1,2}\s*\d{1,3}\s*/?\s*>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class TagProblem:
    """One tag problem of a segment pair: on which side, where, and what."""

    #: ``source`` (a tag the translation lacks) or ``target``.
    side: str
    start: int
    #: The tag as written there.
    text: str
    message: str


def broken_tags(text: str) -> list[tuple[re.Match[str], str]]:
    """Tags written wrongly in ``text``, each with the tag it stands for.

    >>> [(m.group(), tag) for m, tag in broken_tags("<a0> 这里 </ a0>, <br1 />, <b>, x < 5")]
    [('</ a0>', '</a0>'), ('<br1 />', '<br1/>')]
    """
    if "<" not in text:
        return []
    out = []
    for m in LOOSE_TAG.finditer(text):
        written = m.group()
        if TAG.fullmatch(written):
            continue
        tag = _SPACE.sub("", written).lower()
        if TAG.fullmatch(tag):
            out.append((m, tag))
    return out


def _shape(tag: str) -> tuple[bool, str, bool]:
    """A tag without its number: closing?, letters, self-closing? (``</e0>`` -> (True, "e", False))."""
    letters = tag.strip("</>").rstrip("0123456789")
    return tag.startswith("</"), letters, tag.endswith("/>")


def tag_problems(src: str, tgt: str) -> list[TagProblem]:
    """What differs between the tags of ``src`` and those of its translation ``tgt``.

    Order aside, every tag of the source must be in the translation as many times,
    and no other: a tag written wrongly in the translation is reported broken (with
    the tag to write), one of the source missing from it is reported at the source,
    and one the source does not have at the translation (with the tag it seems to
    replace, when one of the same kind is missing: a renumbered tag).
    """
    if "<" not in src and "<" not in tgt:
        return []
    s_tags = [(m.group(), m.start()) for m in TAG.finditer(src)]
    t_tags = [(m.group(), m.start()) for m in TAG.finditer(tgt)]
    if not s_tags and not t_tags:
        return []
    wanted: dict[str, int] = {}
    for tag, _ in s_tags:
        wanted[tag] = wanted.get(tag, 0) + 1
    extra = []
    for tag, pos in t_tags:
        if wanted.get(tag):
            wanted[tag] -= 1
        else:
            extra.append((tag, pos))
    # the source's tags the translation lacks, at their place in the source
    missing: list[tuple[str, int]] = []
    for tag, pos in reversed(s_tags):
        if wanted.get(tag):
            wanted[tag] -= 1
            missing.append((tag, pos))
    missing.reverse()
    problems: list[TagProblem] = []
    for m, tag in broken_tags(tgt):
        found = next((i for i, (t, _) in enumerate(missing) if t == tag), None)
        if found is not None:
            del missing[found]
            advice = f"write {tag} as in the source"
        elif any(t == tag for t, _ in s_tags):
            advice = f"the translation already has {tag} as often as the source: remove this copy"
        else:
            advice = f"write {tag} (the source has no such tag)"
        problems.append(
            TagProblem(
                "target",
                m.start(),
                m.group(),
                f"broken tag '{m.group()}' in the translation: OmegaT reads it as text; {advice}",
            )
        )
    for tag, pos in extra:
        found = next((i for i, (t, _) in enumerate(missing) if _shape(t) == _shape(tag)), None)
        if found is None:
            problems.append(
                TagProblem("target", pos, tag, f"tag {tag} in the translation is not in the source")
            )
            continue
        lost = missing.pop(found)[0]
        problems.append(
            TagProblem(
                "target",
                pos,
                tag,
                f"tag {lost} is missing in the translation, which has {tag} instead (renumbered?)",
            )
        )
    for tag, pos in missing:
        problems.append(TagProblem("source", pos, tag, f"tag {tag} is missing in the translation"))
    return problems
