from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from termkit.cli.main import cli

from termkit.align.into import add_proposals
from termkit.align.terms import Candidate, TermResult
from termkit.glossary_file import read_glossary_file
from termkit.model import ZH, ReviewStatus, TermStatus

GLOSSARY = """\
# Reviewed by hand.
rain-plan:
  status: approved
  terms:
    en:
      - text: Rain Plan
    zh-CN:
      - text: 雨露计划 # the official name
village:
  status: proposed
  terms:
    en:
      - text: village
rural-road:
  status: proposed
  terms:
    en:
      - text: rural road
"""


def test_into_adds_proposed_terms_and_is_idempotent(runner: CliRunner, tmp_path: Path, bitext: Path) -> None:
    gdir = tmp_path / "glossary"
    gdir.mkdir()
    gpath = gdir / "terms.yaml"
    gpath.write_text(GLOSSARY, encoding="utf-8")
    args = ["align", "terms", str(bitext), "--glossary", str(gdir), "--into", str(gpath), "--top", "1"]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == "village [4]: 村 (0.99, 4 pairs)\nrural road [4]: 农村公路 (0.97, 4 pairs)\n"
    assert first.stderr.splitlines()[-1] == (
        f"{gpath}: 2 proposals added, 0 refreshed, 0 already there, 0 new concepts"
    )
    after_first = gpath.read_text(encoding="utf-8")
    gfile = read_glossary_file(gpath)
    village = gfile.get("village")
    assert village is not None
    [term] = village.terms_in(ZH)
    assert term.text == "村" and term.review is ReviewStatus.PROPOSED
    assert term.score is not None and term.evidence and term.evidence[0].startswith(f"{bitext}:")
    # Approved data and comments survive unchanged.
    before = read_glossary_file(gpath, GLOSSARY)
    assert gfile.get("rain-plan") == before.get("rain-plan")
    assert "雨露计划  # the official name\n" in after_first
    assert after_first.startswith("# Reviewed by hand.\n")
    assert village.status is ReviewStatus.PROPOSED
    second = runner.invoke(cli, args)
    assert second.exit_code == 0
    assert second.stderr.splitlines()[-1] == (
        f"{gpath}: 0 proposals added, 0 refreshed, 2 already there, 0 new concepts; "
        "nothing changed, file not written"
    )
    assert gpath.read_text(encoding="utf-8") == after_first


def test_into_new_file_from_a_term_list(
    runner: CliRunner, tmp_path: Path, bitext: Path, terms_file: Path
) -> None:
    out = tmp_path / "proposed.yaml"
    r = runner.invoke(
        cli,
        ["align", "terms", str(bitext), "--terms", str(terms_file), "--into", str(out), "--top", "1", "-q"],
    )
    assert r.exit_code == 0, r.stderr
    gfile = read_glossary_file(out)
    assert [c.id for c in sorted(gfile.concepts, key=lambda c: c.id)] == [
        "poverty-alleviation",
        "rain-plan",
        "rural-roads",
    ]
    rain = gfile.get("rain-plan")
    assert rain is not None and rain.status is ReviewStatus.PROPOSED
    assert rain.provenance == "aligner"
    for command in (["check"], ["fmt", "--check"]):
        checked = runner.invoke(cli, [*command, str(out)])
        assert checked.exit_code == 0, checked.output
    assert [t.text for t in rain.terms_in(ZH)] == ["雨露计划"]


def test_into_refuses_a_broken_glossary_file(
    runner: CliRunner, tmp_path: Path, bitext: Path, terms_file: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("x: [unclosed\n", encoding="utf-8")
    r = runner.invoke(
        cli, ["align", "terms", str(bitext), "--terms", str(terms_file), "--into", str(bad), "-q"]
    )
    assert r.exit_code == 1
    assert r.stderr.startswith(f"termkit: error: {bad}:")
    assert bad.read_text(encoding="utf-8") == "x: [unclosed\n"


@pytest.mark.parametrize("in_glossary", [False, True])
def test_a_broken_into_file_is_refused_before_the_bitext_is_read(
    runner: CliRunner,
    tmp_path: Path,
    bitext: Path,
    terms_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    in_glossary: bool,
) -> None:
    """Segmenting a corpus and training the aligner take minutes: the file the proposals
    go into is checked first (a Traditional character in a zh-CN term is a check error,
    not one that reading the --glossary folder finds), and nothing is listed on stdout."""
    target = tmp_path / "g" / "proposed.yaml"
    target.parent.mkdir()
    text = "x:\n  terms:\n    zh-CN:\n      - text: 雨露計劃\n"
    target.write_text(text, encoding="utf-8")

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the bitext was read")

    monkeypatch.setattr("termkit.cli.align.read_pairs", no_reading)
    given = ["--glossary", str(target.parent)] if in_glossary else ["--terms", str(terms_file)]
    r = runner.invoke(cli, ["align", "terms", str(bitext), *given, "--into", str(target)])
    assert (r.exit_code, r.stdout) == (1, "")
    assert r.stderr.startswith(f"termkit: error: {target}:4:9: Traditional"), r.stderr
    assert r.stderr.count("\n") == 1
    assert target.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("into", "name"),
    [("proposed", "g/proposed.yaml"), ("new.txt", "g/new.yaml"), ("-", "glossary/FILE.yaml")],
)
def test_into_a_file_no_glossary_folder_loads_is_a_usage_error(
    runner: CliRunner,
    tmp_path: Path,
    bitext: Path,
    terms_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    into: str,
    name: str,
) -> None:
    """check, build and lint read a folder's *.yaml and *.yml: proposals in g/proposed would
    be seen by none of them (and '-' printed the YAML among the results on stdout)."""
    monkeypatch.chdir(tmp_path)
    Path("g").mkdir()
    target = into if into == "-" else f"g/{into}"
    r = runner.invoke(cli, ["align", "terms", str(bitext), "--terms", str(terms_file), "--into", target])
    assert (r.exit_code, r.stdout) == (2, "")
    assert not any(Path("g").iterdir())
    assert r.stderr == (
        f"termkit: error: {target}: --into names no glossary file: a glossary folder loads only "
        f"its *.yaml and *.yml files; name it {name}\n"
    )


REVIEWED = """\
rain-plan:
  status: approved
  terms:
    en:
      - text: rain plan
    zh-CN:
      - text: 雨露计划项目
village:
  status: rejected
  terms:
    en:
      - text: village
rural-road:
  status: proposed
  terms:
    en:
      - text: rural road
"""


def test_into_never_changes_approved_or_rejected_concepts(
    runner: CliRunner, tmp_path: Path, bitext: Path
) -> None:
    gdir = tmp_path / "glossary"
    gdir.mkdir()
    gpath = gdir / "terms.yaml"
    gpath.write_text(REVIEWED, encoding="utf-8")
    before = read_glossary_file(gpath)
    terms = tmp_path / "terms.txt"
    terms.write_text("rain plan\nvillage\nrural road\n", encoding="utf-8")
    args = ["align", "terms", str(bitext), "--terms", str(terms), "--glossary", str(gdir), "--top", "1"]
    r = runner.invoke(cli, [*args, "--into", str(gpath)])
    assert r.exit_code == 0, r.stderr
    assert r.stderr.splitlines()[-3:] == [
        "termkit: warning: not written: rain plan: concept rain-plan is approved and is never changed "
        "(proposed: 雨露计划)",
        "termkit: warning: not written: village: concept village is rejected and is never changed (proposed: 村)",
        f"{gpath}: 1 proposal added, 0 refreshed, 0 already there, 0 new concepts",
    ]
    after = read_glossary_file(gpath)
    for cid in ("rain-plan", "village"):
        assert after.get(cid) == before.get(cid)
    # --quiet: neither the warnings nor the summary; the file is the same
    r = runner.invoke(cli, [*args, "--into", str(gpath), "-q"])
    assert (r.exit_code, r.stderr) == (0, "")
    assert read_glossary_file(gpath).get("rural-road") == after.get("rural-road")
    road = after.get("rural-road")
    assert road is not None
    assert [(t.text, t.review) for t in road.terms_in(ZH)] == [("农村公路", ReviewStatus.PROPOSED)]


def test_proposed_chinese_terms_are_never_admitted() -> None:
    gfile = read_glossary_file("g.yaml", "road:\n  status: proposed\n  terms:\n    en:\n      - text: road\n")
    result = TermResult(
        "road", 3, [Candidate("公路", 0.9, 3, ["c:1"]), Candidate("道路", 0.5, 2, ["c:2"])], concept="road"
    )
    report = add_proposals(gfile, [result])
    assert report.added == 2
    road = gfile.get("road")
    assert road is not None
    assert [(t.text, t.status, t.review) for t in road.terms_in(ZH)] == [
        ("公路", TermStatus.PREFERRED, ReviewStatus.PROPOSED),
        ("道路", TermStatus.PREFERRED, ReviewStatus.PROPOSED),
    ]


def test_provenance_values_the_tools_write_are_documented() -> None:
    from termkit.align import into as align_into
    from termkit.extract import into as extract_into

    doc = (Path(__file__).parents[2] / "docs" / "glossary-format.md").read_text(encoding="utf-8")
    [row] = [line for line in doc.splitlines() if line.startswith("| `provenance` |")]
    assert {align_into.PROVENANCE, extract_into.PROVENANCE} <= set(re.findall(r"`([a-z]+)`", row))


def test_into_with_nothing_to_propose_writes_no_file(runner: CliRunner, tmp_path: Path, bitext: Path) -> None:
    gdir = tmp_path / "glossary"
    gdir.mkdir()
    (gdir / "terms.yaml").write_text(GLOSSARY.split("village:")[0], encoding="utf-8")
    out = gdir / "proposed.yaml"
    r = runner.invoke(cli, ["align", "terms", str(bitext), "--glossary", str(gdir), "--into", str(out)])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert r.stderr.splitlines()[-1] == (
        f"{out}: 0 proposals added, 0 refreshed, 0 already there, 0 new concepts; file not created"
    )
    assert not out.exists()


def test_traditional_proposals_are_zh_hant_and_the_file_stays_writable(
    runner: CliRunner, tmp_path: Path, bitext: Path
) -> None:
    import opencc  # type: ignore[import-untyped]

    trad = tmp_path / "trad.tsv"
    trad.write_text(opencc.OpenCC("s2t").convert(bitext.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "proposed.yaml"
    terms = tmp_path / "terms.txt"
    terms.write_text("rural road\ndrinking water\n", encoding="utf-8")
    args = ["align", "terms", str(trad), "--terms", str(terms), "--into", str(out), "--top", "1", "-q"]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.stderr
    gfile = read_glossary_file(out)
    road = gfile.get("rural-road")
    assert road is not None
    assert road.terms_in(ZH) == []
    assert [t.text for t in road.terms_in("zh-Hant")] == ["農村公路"]
    check = runner.invoke(cli, ["check", str(out)])
    assert check.exit_code == 0, check.stdout + check.stderr
    after_first = out.read_text(encoding="utf-8")
    second = runner.invoke(cli, args)
    assert second.exit_code == 0, second.stderr
    assert out.read_text(encoding="utf-8") == after_first


def test_a_term_of_homographs_is_proposed_to_neither() -> None:
    """A term of a term list that two concepts share (homographs, told apart by
    subject) was proposed to the first of them, whichever it was."""
    gfile = read_glossary_file(
        "g.yaml",
        "comment:\n  status: proposed\n  subject: documents\n  terms:\n    en:\n      - text: comment\n"
        "comment-2:\n  status: proposed\n  subject: source code\n  terms:\n    en:\n      - text: comment\n",
    )
    report = add_proposals(gfile, [TermResult("comment", 3, [Candidate("注释", 0.9, 3, ["c:1"])])])
    assert report.added == 0 and not any(c.terms_in(ZH) for c in gfile.concepts)
    assert report.skipped == [
        "comment: a term of 2 concepts (comment, comment-2), which it does not tell apart; add the Chinese term to the "
        "right one by hand"
    ]
    # by concept id (aligning the glossary's own concepts), each gets its own
    report = add_proposals(
        gfile, [TermResult("comment", 3, [Candidate("注释", 0.9, 3, ["c:1"])], concept="comment-2")]
    )
    assert report.added == 1 and [t.text for t in gfile.concepts[1].terms_in(ZH)] == ["注释"]


@pytest.mark.parametrize("tag", ["zh-Hans", "zh-SG", "zh", "zh-TW"])
def test_a_chinese_term_under_any_tag_is_not_proposed_again(tag: str) -> None:
    """Only the concept's zh-CN and zh-Hant terms were looked at: 公路 under zh-Hans was
    proposed again, as a second zh-CN term beside it."""
    text = "公路" if tag != "zh-TW" else "公路網"
    gfile = read_glossary_file(
        "g.yaml",
        f"road:\n  status: proposed\n  terms:\n    en:\n      - text: road\n    {tag}:\n      - text: {text}\n",
    )
    result = TermResult("road", 3, [Candidate(text, 0.9, 3, ["c:1"])], concept="road")
    report = add_proposals(gfile, [result])
    assert (report.added, report.unchanged) == (0, 1)
    road = gfile.get("road")
    assert road is not None and list(road.terms) == ["en", tag]


def _traditional(bitext: Path, tmp_path: Path) -> Path:
    import opencc  # type: ignore[import-untyped]

    trad = tmp_path / "trad.tsv"
    trad.write_text(opencc.OpenCC("s2t").convert(bitext.read_text(encoding="utf-8")), encoding="utf-8")
    return trad


SCRIPT_GLOSSARY = """\
rural-road:
  status: proposed
  terms:
    en:
      - text: rural road
    zh-TW:
      - text: 農村公路
drinking-water:
  status: proposed
  terms:
    en:
      - text: drinking water
    zh-CN:
      - text: 饮水
village:
  status: proposed
  terms:
    en:
      - text: village
"""


@pytest.mark.parametrize("traditional", [False, True], ids=["Simplified", "Traditional"])
def test_a_concept_lacks_its_chinese_term_in_the_script_of_the_bitext(
    runner: CliRunner, tmp_path: Path, bitext: Path, traditional: bool
) -> None:
    """A concept with a Chinese term of any tag counted as known: rural road, whose only
    term is zh-TW, was never aligned on a Simplified bitext ("0 terms: every concept of
    the glossary has a Chinese term"), yet it has no zh-CN term; the proposal of a term
    whose characters both scripts share (村) went under zh-CN on a Traditional bitext."""
    gdir = tmp_path / "glossary"
    gdir.mkdir()
    gpath = gdir / "terms.yaml"
    gpath.write_text(SCRIPT_GLOSSARY, encoding="utf-8")
    source = _traditional(bitext, tmp_path) if traditional else bitext
    args = ["align", "terms", str(source), "--glossary", str(gdir), "--into", str(gpath), "--top", "1"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    terms = {
        c.id: {tag: [t.text for t in ts] for tag, ts in c.terms.items() if tag != "en"}
        for c in read_glossary_file(gpath).concepts
    }
    if traditional:
        assert result.stdout == "drinking water [4]: 飲水 (0.96, 4 pairs)\nvillage [4]: 村 (0.99, 4 pairs)\n"
        assert terms == {
            "rural-road": {"zh-TW": ["農村公路"]},
            "drinking-water": {"zh-CN": ["饮水"], "zh-Hant": ["飲水"]},
            "village": {"zh-Hant": ["村"]},
        }
    else:
        assert result.stdout == "rural road [4]: 农村公路 (0.96, 4 pairs)\nvillage [4]: 村 (0.99, 4 pairs)\n"
        assert terms == {
            "rural-road": {"zh-TW": ["農村公路"], "zh-CN": ["农村公路"]},
            "drinking-water": {"zh-CN": ["饮水"]},
            "village": {"zh-CN": ["村"]},
        }
    assert runner.invoke(cli, ["check", str(gdir)]).exit_code == 0
    # and a second run proposes nothing new: each concept has its term in that script now
    second = runner.invoke(cli, args)
    assert second.exit_code == 0, second.stderr
    assert second.stderr.splitlines()[-1].startswith(f"{gpath}: 0 proposals added")


def test_a_proposal_of_another_script_than_the_concept_term_is_added() -> None:
    """农村公路 proposed for a concept that has 農村公路 under zh-TW was taken for a term
    it already had (any Chinese tag, any script): the concept kept no zh-CN term."""
    gfile = read_glossary_file(
        "g.yaml",
        "road:\n  status: proposed\n  terms:\n    en:\n      - text: rural road\n    zh-TW:\n      - text: 農村公路\n",
    )
    result = TermResult("rural road", 3, [Candidate("农村公路", 0.9, 3, ["c:1"])], concept="road")
    report = add_proposals(gfile, [result])
    assert (report.added, report.unchanged) == (1, 0)
    road = gfile.get("road")
    assert road is not None and [t.text for t in road.terms_in(ZH)] == ["农村公路"]
    # and a Traditional bitext proposes 村 as zh-Hant, as its script
    result = TermResult("rural road", 3, [Candidate("村", 0.9, 3, ["c:1"])], concept="road")
    assert add_proposals(gfile, [result], script="Hant").added == 1
    assert [t.text for t in road.terms_in("zh-Hant")] == ["村"]
