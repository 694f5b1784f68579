"""Adding extracted candidates to a glossary file as proposed concepts.

* A candidate is added only when it scores above :data:`MIN_SCORE` and none of its forms matches a term of any concept
  already in the glossary (every file given, and the target file), whatever that
  concept's status: an approved concept is never changed and a rejected one never
  proposed again.  Matching folds case, number, hyphenation, spelling and
  apostrophes (:func:`~termkit.extract.variants.variant_key`); Chinese folds
  Traditional to Simplified.  A concept whose id is the one the candidate would get
  is the candidate too: a reviewer who rewords a proposed term ("rural labors" to
  "rural labor force") and keeps its id is not offered the old wording again.
* New concepts are ``status: proposed`` with ``provenance: extractor``, the
  candidate's first locations as sources, the canonical form as the preferred
  term (``review: proposed``, with its score and evidence) and other spellings seen
  in the text as admitted terms.
* Only concepts are added, so the file changes by them alone: a file already
  canonical (``make build`` checks that of ``glossary/``) takes them in by id, one
  in a reviewer's own order keeps its text and gets them after it, best first
  (:func:`~termkit.glossary_file.updated_text`).  Running the same extraction
  twice adds nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..chinese import has_han, to_simplified, traditional_chars
from ..glossary_file import glossary_paths, open_or_new, read_glossary_file, write_glossary_file
from ..model import EN, ZH, ZH_HANT, Concept, ReviewStatus, Source, Term, TermStatus
from .scoring import Candidate
from .variants import light_key, unique, variant_key

PROVENANCE = "extractor"

#: Only candidates scoring above this are proposed: on a short text every
#: candidate is among the first ``--top``, and would otherwise all go into the
#: glossary.  What scores no more is mostly a fragment of a longer candidate or a
#: common word alone ("helps poor", "families"; on the seed the score reaches 0
#: near rank 708); no term test, though (see docs/extract.md).
MIN_SCORE = 0.0


@dataclass
class Proposal:
    """What :func:`propose` did."""

    path: str
    #: Ids of the concepts added, and the candidates they came from.
    added: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    #: Candidates skipped because the glossary already has them.
    known: int = 0
    #: New candidates skipped because their score is not above :data:`MIN_SCORE`.
    weak: int = 0


def match_key(text: str) -> str:
    """The key under which a term is compared with the glossary."""
    if has_han(text):
        return to_simplified("".join(text.split()))
    return variant_key(text)


def slug(text: str) -> str:
    """A concept id from a term: "Rain Plan" -> ``rain-plan``; Chinese -> ``zh-`` + a hash."""
    ascii_part = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "").replace("’", "")).strip("-")
    if ascii_part and not has_han(text):
        return ascii_part[:80].rstrip("-")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return f"zh-{digest}"


def known_keys(concepts: Iterable[Concept]) -> set[str]:
    """Match keys of every term of every concept, whatever its status."""
    keys: set[str] = set()
    for concept in concepts:
        for terms in concept.terms.values():
            for term in terms:
                keys.add(match_key(term.text))
    return keys


def propose(
    candidates: Sequence[Candidate],
    into: str | os.PathLike[str],
    glossary: Iterable[str | os.PathLike[str]] = (),
    lang: str = "en",
    limit: int | None = None,
    write: bool = True,
) -> Proposal:
    """Add the new ones among the first ``limit`` candidates to the glossary file ``into``
    (unless ``write`` is false: then only say what would be added).

    The limit applies to the ranked list, not to what is added, so that running the
    same extraction again adds nothing.
    """
    target = os.fspath(into)
    gfile = open_or_new(target)
    # (the glossary that new concepts go into may start empty)
    others = [
        p for p in glossary_paths(glossary, allow_empty=True) if os.path.abspath(p) != os.path.abspath(target)
    ]
    concepts = list(gfile.concepts)
    for path in others:
        concepts.extend(read_glossary_file(path).concepts)
    known = known_keys(concepts)
    ids = {c.id for c in concepts}
    term_lang = ZH if lang == "zh" else EN
    result = Proposal(target)
    for cand in candidates[:limit] if limit is not None else candidates:
        forms = unique([cand.term, *cand.variants])
        keys = {match_key(f) for f in forms}
        if keys & known or slug(cand.term) in ids:
            result.known += 1
            continue
        if cand.score <= MIN_SCORE:
            result.weak += 1
            continue
        concept = _concept(cand, forms, zh_tag(cand.term) if term_lang == ZH else term_lang, ids)
        gfile.concepts.append(concept)
        ids.add(concept.id)
        known |= keys
        result.added.append(concept.id)
        result.candidates.append(cand)
    if result.added and write:
        write_glossary_file(gfile)
    return result


def zh_tag(term: str) -> str:
    """``zh-CN`` for a Simplified term, ``zh-Hant`` for one in Traditional characters
    (the language a proposed Chinese term is written under)."""
    return ZH_HANT if traditional_chars(term) else ZH


def _concept(cand: Candidate, forms: list[str], lang: str, ids: set[str]) -> Concept:
    base = slug(cand.term)
    cid, n = base, 2
    while cid in ids:
        cid = f"{base}-{n}"
        n += 1
    sources = []
    for loc in cand.locations:
        path, _, line = loc.rpartition(":")
        sources.append(Source(document=path, section=f"line {line}"))
    preferred = Term(
        cand.term,
        TermStatus.PREFERRED,
        review=ReviewStatus.PROPOSED,
        score=round(cand.score, 3),
        evidence=list(cand.locations),
    )
    terms = [preferred]
    seen = {light_key(cand.term)}
    for form in forms[1:]:
        key = light_key(form)
        if key in seen:
            continue  # differs only in case or number
        seen.add(key)
        terms.append(Term(form, TermStatus.ADMITTED, review=ReviewStatus.PROPOSED))
    return Concept(cid, ReviewStatus.PROPOSED, provenance=PROVENANCE, sources=sources, terms={lang: terms})
