"""--into: proposed concepts, never touching approved or rejected ones, idempotent."""

from __future__ import annotations

from pathlib import Path

from termkit.chinese import to_simplified
from termkit.extract.into import match_key, propose, slug
from termkit.glossary_file import read_glossary_file
from termkit.model import ReviewStatus, TermStatus

from .conftest import ranked

TEXT = [
    "【Rain Plan】 The Rain Plan trains rural labors. The Rain Plan helps.",
    "The Western Development Project and the East-Help-West Program support key counties.",
    "The East-Helps-West program and the entire village advancement help key counties.",
]

EXISTING = """\
# Reviewed by the terminology team.
rain-plan:
  status: approved  # checked against 雨露计划
  terms:
    en:
      - text: Rain Plan
    zh-CN:
      - text: 雨露计划

key-county:
  status: rejected
  note: too general
  terms:
    en:
      - text: key county
"""


def test_slug() -> None:
    assert slug("Rain Plan") == "rain-plan"
    assert slug("cadres' village living") == "cadres-village-living"
    assert slug("East-Help-West Program") == "east-help-west-program"
    assert slug("整村推进").startswith("zh-")


def test_match_key_folds_variants_and_scripts() -> None:
    assert match_key("Key Counties") == match_key("key county")
    assert match_key("扶貧開發") == match_key("扶贫开发")


def test_proposes_new_candidates_only(tmp_path: Path) -> None:
    target = tmp_path / "proposed.yaml"
    target.write_text(EXISTING, encoding="utf-8")
    cands = ranked(TEXT)
    result = propose(cands, target, [tmp_path], "en", limit=5)
    assert result.added and len(result.added) + result.known == 5
    assert result.known >= 1  # Rain Plan is approved already
    gfile = read_glossary_file(target)
    by_id = {c.id: c for c in gfile.concepts}
    # approved and rejected concepts untouched, the rejected one not proposed again
    assert by_id["rain-plan"].status is ReviewStatus.APPROVED
    assert by_id["key-county"].status is ReviewStatus.REJECTED
    assert not any(i.startswith("key-count") and i != "key-county" for i in by_id)
    for cid in result.added:
        concept = by_id[cid]
        assert concept.status is ReviewStatus.PROPOSED
        assert concept.provenance == "extractor"
        assert concept.sources and concept.sources[0].section.startswith("line ")
        preferred = concept.terms["en"][0]
        assert preferred.status is TermStatus.PREFERRED
        assert preferred.review is ReviewStatus.PROPOSED
        assert preferred.evidence and preferred.score is not None
    # comments kept, with the concept they stand before or behind
    text = target.read_text(encoding="utf-8")
    kept = "# Reviewed by the terminology team.\nrain-plan:\n  status: approved  # checked against 雨露计划\n"
    assert kept in text


def test_variants_become_admitted_terms(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    result = propose(ranked(TEXT), target, [], "en")
    gfile = read_glossary_file(target)
    east = next(c for c in gfile.concepts if c.id == "east-help-west-program")
    texts = {t.text: t.status for t in east.terms["en"]}
    assert texts == {
        "East-Help-West Program": TermStatus.PREFERRED,
        "East-Helps-West program": TermStatus.ADMITTED,
    }
    assert east.id in result.added


def test_running_twice_adds_nothing(tmp_path: Path) -> None:
    target = tmp_path / "proposed.yaml"
    target.write_text(EXISTING, encoding="utf-8")
    cands = ranked(TEXT)
    first = propose(cands, target, [tmp_path], "en")
    before = target.read_bytes()
    second = propose(cands, target, [tmp_path], "en")
    assert first.added and not second.added
    assert second.known == len(first.added) + 2  # plus the approved and the rejected concept
    assert target.read_bytes() == before


def test_terms_in_other_glossary_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "programmes.yaml").write_text(EXISTING, encoding="utf-8")
    target = tmp_path / "proposed.yaml"
    result = propose(ranked(TEXT), target, [tmp_path], "en")
    gfile = read_glossary_file(target)
    terms = {t.text.lower() for c in gfile.concepts for t in c.terms["en"]}
    assert "rain plan" not in terms
    assert "key counties" not in terms
    assert result.known >= 2


def test_chinese_terms_are_tagged_with_their_script(tmp_path: Path) -> None:
    # a Traditional term is never written as zh-CN (Simplified)
    target = tmp_path / "proposed.yaml"
    propose(ranked(["整村推進覆蓋貧困村。整村推進。", "扶贫开发工作。扶贫开发。"], "zh"), target, [], "zh")
    langs = {
        t.text: lang for c in read_glossary_file(target).concepts for lang, ts in c.terms.items() for t in ts
    }
    assert langs["整村推進"] == "zh-Hant"
    assert langs["扶贫开发"] == "zh-CN"
    assert all(lang == "zh-Hant" for text, lang in langs.items() if to_simplified(text) != text)


def test_a_file_in_the_reviewers_order_keeps_it_and_its_text(tmp_path: Path) -> None:
    # EXISTING is not in canonical order (rain-plan before key-county) and leaves
    # the default term status out: none of it is rewritten; the new concepts follow
    # it, best first
    target = tmp_path / "proposed.yaml"
    target.write_text(EXISTING, encoding="utf-8")
    cands = ranked(TEXT)
    result = propose(cands, target, [], "en", limit=6)
    text = target.read_text(encoding="utf-8")
    assert text.startswith(EXISTING + "\n")
    ids = [c.id for c in read_glossary_file(target).concepts]
    assert ids == ["rain-plan", "key-county", *result.added]
    ranks = {slug(c.term): i for i, c in enumerate(cands)}
    assert [ranks[i] for i in result.added] == sorted(ranks[i] for i in result.added)
    propose(cands, target, [], "en", limit=6)
    assert target.read_text(encoding="utf-8") == text


def test_candidates_scoring_zero_or_less_are_not_proposed(tmp_path: Path) -> None:
    # on a short text every candidate is among the first --top: fragments ("Plan
    # helps"), lone common words ("families") and verb phrases must stay out
    lines = [
        "The Rain Plan helps poor families.",
        "The government supports the Rain Plan and the whole village advancement in counties.",
    ]
    cands = ranked(lines)
    weak = [c for c in cands if c.score <= 0]
    assert weak and any(c.score > 0 for c in cands)
    target = tmp_path / "new.yaml"
    result = propose(cands, target, [], "en", limit=100)
    assert result.weak == len(weak)
    assert len(result.added) == len(cands) - len(weak)
    assert all(c.score > 0 for c in result.candidates)
    proposed = {t.text for c in read_glossary_file(target).concepts for t in c.terms["en"]}
    assert "Rain Plan" in proposed and "families" not in proposed


def test_a_reworded_proposal_that_keeps_its_id_is_not_offered_again(tmp_path: Path) -> None:
    """A reviewer rewrites a proposed term's wording and keeps the concept's id: the
    next run knows the candidate by that id, and proposes no ``...-2`` beside it."""
    target = tmp_path / "proposed.yaml"
    cands = ranked(TEXT)
    first = propose(cands, target, [], "en")
    assert "entire-village-advancement" in first.added
    text = target.read_text(encoding="utf-8")
    reworded = text.replace("text: entire village advancement", "text: whole-village development")
    assert reworded != text
    target.write_text(reworded, encoding="utf-8")
    before = target.read_bytes()
    second = propose(cands, target, [], "en")
    assert second.added == [] and target.read_bytes() == before
