"""Writing term proposals into a glossary file as proposed Chinese terms.

Rules (``termkit align terms --into``):

* a proposal becomes a zh-CN :class:`~termkit.model.Term` (zh-Hant when written in
  Traditional characters, or on a Traditional bitext in characters both scripts
  share: :func:`proposal_tag`) with ``review: proposed``,
  ``status: preferred`` (it is a candidate for the concept's preferred term, never
  an ``admitted`` variant: nobody has accepted it yet), its ``score`` and its
  ``evidence`` (pair ids);
* it is added to the concept it was made for (by id), else to the concept of the
  file whose English term matches, else to a new concept (``status: proposed``,
  ``provenance: aligner``, id made from the English term);
* only ``proposed`` concepts receive proposals: an ``approved`` or ``rejected``
  concept is never changed, its proposals are reported in
  :attr:`IntoReport.skipped` instead;
* a Chinese term that the concept already has in the proposal's script (under any
  tag of it) is never changed, unless it is itself a tool proposal (``review:
  proposed``), whose score and evidence are refreshed; one it has only in the other
  script (农村公路 under zh-TW, proposed from a Simplified bitext) is proposed;
* running the same command twice gives the same file (idempotent); the caller
  writes the file only when :attr:`IntoReport.changed` (nothing to add: no file).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .. import langtags
from ..chinese import script_of
from ..glossary_file import GlossaryFile
from ..model import EN, ZH, ZH_HANT, Concept, ReviewStatus, Term, TermStatus
from .terms import TermResult

#: A documented ``provenance`` value (docs/glossary-format.md).
PROVENANCE = "aligner"


@dataclass
class IntoReport:
    added: int = 0
    refreshed: int = 0
    unchanged: int = 0
    new_concepts: int = 0
    #: Proposals not written, with the reason.
    skipped: list[str] | None = None

    @property
    def changed(self) -> bool:
        """Whether the glossary file was changed (and needs writing)."""
        return bool(self.added or self.refreshed or self.new_concepts)


def concept_id(term: str, taken: set[str]) -> str:
    """A concept id from an English term: lower case, hyphens, unique among ``taken``."""
    ascii_term = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_term.lower()).strip("-") or "term"
    cid, n = base, 2
    while cid in taken:
        cid, n = f"{base}-{n}", n + 1
    return cid


def _find(gfile: GlossaryFile, result: TermResult) -> list[Concept]:
    """The concept of ``result``: by its concept id, else every concept with its
    English term (several: homographs, which the term alone does not tell apart)."""
    if result.concept is not None:
        found = gfile.get(result.concept)
        return [found] if found is not None else []
    wanted = result.term.strip().casefold()
    return [c for c in gfile.concepts if any(t.text.strip().casefold() == wanted for t in c.terms_in(EN))]


def proposal_tag(zh: str, script: str = langtags.SIMPLIFIED) -> str:
    """The tag a proposed Chinese term is written under: zh-CN for Simplified
    characters, zh-Hant for Traditional ones (:func:`termkit.chinese.script_of`); a
    term whose characters both scripts write alike (村, 公路) in ``script``, that of
    the bitext.

    >>> proposal_tag("农村公路"), proposal_tag("農村公路"), proposal_tag("村"), proposal_tag("村", "Hant")
    ('zh-CN', 'zh-Hant', 'zh-CN', 'zh-Hant')
    """
    written = script_of(zh) or script
    return ZH_HANT if written == langtags.TRADITIONAL else ZH


def _chinese_terms(concept: Concept) -> dict[tuple[str, str], Term]:
    """The Chinese terms of ``concept`` under any tag (zh-Hans, zh-TW, a bare zh too), by
    (script, text): 农村公路 under zh-TW is no Simplified term."""
    out: dict[tuple[str, str], Term] = {}
    for tag, terms in concept.terms.items():
        for t in terms:
            written = langtags.chinese_script(tag, t.text)
            if written is not None:
                out[(written, t.text)] = t
    return out


def add_proposals(
    gfile: GlossaryFile,
    results: Sequence[TermResult],
    *,
    foreign: set[str] | None = None,
    script: str = langtags.SIMPLIFIED,
) -> IntoReport:
    """Add the candidates of ``results`` to ``gfile`` (in memory; the caller writes it).

    ``foreign`` holds the ids of concepts that live in other glossary files: their
    proposals are skipped (a concept is only ever written in its own file).
    ``script`` is that of the bitext's Chinese side (:func:`proposal_tag`).
    """
    report = IntoReport(skipped=[])
    assert report.skipped is not None
    taken = {c.id for c in gfile.concepts} | (foreign or set())
    for res in results:
        if not res.candidates:
            continue
        found = _find(gfile, res)
        if len(found) > 1:
            ids = ", ".join(c.id for c in found)
            report.skipped.append(
                f"{res.term}: a term of {len(found)} concepts ({ids}), which it does not tell apart; add the Chinese "
                "term to the right one by hand"
            )
            continue
        concept = found[0] if found else None
        if concept is None:
            if res.concept is not None and foreign and res.concept in foreign:
                report.skipped.append(f"{res.term}: concept {res.concept} is in another glossary file")
                continue
            cid = res.concept if res.concept is not None else concept_id(res.term, taken)
            taken.add(cid)
            concept = Concept(cid, ReviewStatus.PROPOSED, provenance=PROVENANCE)
            concept.terms[EN] = [Term(res.term)]
            gfile.concepts.append(concept)
            report.new_concepts += 1
        elif concept.status is not ReviewStatus.PROPOSED:
            zh = ", ".join(c.zh for c in res.candidates)
            report.skipped.append(
                f"{res.term}: concept {concept.id} is {concept.status.value} and is never changed "
                f"(proposed: {zh})"
            )
            continue
        existing = _chinese_terms(concept)
        for cand in res.candidates:
            score = round(cand.score, 4)
            evidence = list(cand.examples)
            tag = proposal_tag(cand.zh, script)
            key = (langtags.chinese_script(tag) or script, cand.zh)
            old = existing.get(key)
            if old is not None:
                if old.review is ReviewStatus.PROPOSED and (old.score != score or old.evidence != evidence):
                    old.score, old.evidence = score, evidence
                    report.refreshed += 1
                else:
                    report.unchanged += 1
                continue
            term = Term(
                cand.zh, TermStatus.PREFERRED, review=ReviewStatus.PROPOSED, score=score, evidence=evidence
            )
            concept.terms.setdefault(tag, []).append(term)
            existing[key] = term
            report.added += 1
    return report
