"""``termkit import``: merge exchange files into the glossary, never overwriting approved data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from termkit.cli.main import cli

from termkit.exchange import EXPORT_FORMATS as KNOWN_FORMATS
from termkit.glossary_file import read_glossary_file
from termkit.model import Concept, ReviewStatus, TermStatus

from .glossary_fixture import POVERTY_YAML, run

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "glossary"
FORMATS = ROOT.parent / "shared" / "formats"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["import", "--help"])
    assert result.exit_code == 0
    assert (
        "Example:\n    termkit import review.csv --into glossary/poverty-alleviation.yaml\n" in result.output
    )


EXPORT_FORMATS = ["csv", "tsv", "omegat", "tbx", "tbx2008", "po", "tmx"]
SUFFIX = {"tbx2008": "tbx", "omegat": "txt"}


@pytest.mark.parametrize("status", ["proposed", "approved"])
@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_importing_an_unedited_export_changes_nothing(
    fmt: str, status: str, runner: CliRunner, project: Path
) -> None:
    before = snapshot(project / "glossary")
    name = f"export.{SUFFIX.get(fmt, fmt)}"
    assert run(runner, project, "export", fmt, "-o", name, "-q")[0] == 0
    code, out, err = run(runner, project, "import", name, "--status", status)
    assert code == 0, err
    assert "added" not in out and "updated" not in out and "skipped   rain-plan" not in out
    assert err.endswith("0 new terms; wrote nothing\n")
    assert snapshot(project / "glossary") == before


@pytest.mark.parametrize("status", ["proposed", "approved"])
@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_importing_an_unedited_export_with_zh_hant_terms_changes_nothing(
    fmt: str, status: str, runner: CliRunner, hant_project: Path
) -> None:
    before = snapshot(hant_project / "glossary")
    name = f"export.{SUFFIX.get(fmt, fmt)}"
    assert run(runner, hant_project, "export", fmt, "-o", name, "-q")[0] == 0
    code, out, err = run(runner, hant_project, "import", name, "--status", status)
    assert code == 0, err
    assert "added" not in out and "updated" not in out
    assert err.endswith("0 new terms; wrote nothing\n")
    assert snapshot(hant_project / "glossary") == before


@pytest.mark.parametrize("status", ["proposed", "approved"])
@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_importing_an_unedited_export_with_homographs_changes_nothing(
    fmt: str, status: str, runner: CliRunner, homograph_project: Path
) -> None:
    # (an OmegaT glossary carries no concept id nor subject: its two "comment" lines came
    # back as one concept, "comment", matched by that made-up id, with both translations)
    before = snapshot(homograph_project / "glossary")
    name = f"export.{SUFFIX.get(fmt, fmt)}"
    assert run(runner, homograph_project, "export", fmt, "-o", name, "-q")[0] == 0
    code, out, err = run(runner, homograph_project, "import", name, "--status", status)
    assert code == 0, err
    assert "added" not in out and "updated" not in out, out
    assert err.endswith("0 new terms; wrote nothing\n")
    assert snapshot(homograph_project / "glossary") == before


#: A concept whose note has lines that read like the labelled lines of a PO entry's
#: comments and like the parts of an OmegaT comment.
LABELLED_NOTE_YAML = """\
foo:
  status: proposed
  definition: "a | Note: b | also: 恶词 (forbidden)"
  note: "Reviewed 2024.\\nDefinition: see the 2011 Outline, section 3.\\nAlso zh-CN (forbidden): 坏词"
  terms:
    en:
      - text: foo
    zh-CN:
      - text: 富
"""


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_lines_of_a_note_are_never_imported_as_fields_or_terms(
    fmt: str, runner: CliRunner, tmp_path: Path
) -> None:
    # (the PO export gave back a definition and a forbidden term 坏词 taken from the note)
    (tmp_path / "gn").mkdir()
    (tmp_path / "gn" / "a.yaml").write_text(LABELLED_NOTE_YAML, encoding="utf-8")
    assert run(runner, tmp_path, "fmt", "gn", "-q")[0] == 0
    before = snapshot(tmp_path / "gn")
    name = f"export.{SUFFIX.get(fmt, fmt)}"
    assert run(runner, tmp_path, "export", fmt, "--glossary", "gn", "-o", name, "-q")[0] == 0
    code, out, err = run(runner, tmp_path, "import", name, "--glossary", "gn", "--into", "gn/new.yaml")
    assert code == 0, err
    if fmt == "omegat":  # (a comment is one line: the note comes back with spaces for line breaks)
        assert out == "skipped   foo (set differently in the glossary; not imported: note)\n"
    else:
        assert out == "unchanged foo\n"
    assert err.endswith("0 new terms; wrote nothing\n")
    assert snapshot(tmp_path / "gn") == before


#: What each export keeps of glossary/hant.yaml's zh-Hant terms: a TMX its preferred
#: terms (as of zh-CN), the OmegaT glossary none (it warns), the others every one.
HANT_KEPT = {
    "tmx": {"dew-scheme": ["雨露培訓"]},  # (hamlet-office has no zh-CN term: no unit)
    "omegat": {},
    "po": {"dew-scheme": ["雨露培訓", "雨露計劃培訓"], "hamlet-office": ["村辦公室"]},
}


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_zh_hant_terms_of_an_export_import_as_zh_hant(
    fmt: str, runner: CliRunner, hant_project: Path
) -> None:
    name = f"export.{SUFFIX.get(fmt, fmt)}"
    assert run(runner, hant_project, "export", fmt, "-o", name, "-q")[0] == 0
    (hant_project / "glossary" / "hant.yaml").unlink()
    code, _out, err = run(runner, hant_project, "import", name, "--into", "glossary/back.yaml")
    assert code == 0, err
    back = read_glossary_file(hant_project / "glossary" / "back.yaml").concepts
    found = {c.id: [t.text for t in c.terms_in("zh-Hant")] for c in back if c.terms_in("zh-Hant")}
    assert found == HANT_KEPT.get(fmt, HANT_KEPT["po"])
    for concept in back:  # Traditional terms never land under zh-CN
        assert [t.text for t in concept.terms_in("zh-CN")] in ([], ["雨露培训"])


@pytest.mark.parametrize("fmt", ["tmx", "po"])
def test_zh_tw_and_zh_hk_sides_of_a_tmx_or_po_keep_their_region(
    fmt: str, runner: CliRunner, tmp_path: Path
) -> None:
    # (TMX and PO imports turned them into zh-Hant, CSV and TBX imports kept zh-TW)
    if fmt == "tmx":
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
            'creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" srclang="en" '
            'datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>network</seg></tuv>'
            '<tuv xml:lang="zh-HK"><seg>網絡</seg></tuv><tuv xml:lang="zh-TW"><seg>網路</seg></tuv>'
            "</tu></body></tmx>\n"
        )
        expected = {"en": ["network"], "zh-HK": ["網絡"], "zh-TW": ["網路"]}
    else:
        text = (
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh_TW\\n"\n\n'
            'msgid "network"\nmsgstr "網路"\n'
        )
        expected = {"en": ["network"], "zh-TW": ["網路"]}
    (tmp_path / f"in.{fmt}").write_text(text, encoding="utf-8")
    code, out, err = run(runner, tmp_path, "import", f"in.{fmt}", "--into", "glossary/t.yaml")
    assert (code, out) == (0, "added     network\n"), err
    [concept] = read_glossary_file(tmp_path / "glossary" / "t.yaml").concepts
    assert {lang: [t.text for t in terms] for lang, terms in concept.terms.items()} == expected


@pytest.mark.parametrize("fmt", ["csv", "tbx", "po"])
def test_zh_tw_terms_of_an_export_import_back_as_zh_tw(fmt: str, runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "tw.csv").write_text(
        "concept,lang,term\nnetwork,en,network\nnetwork,zh-CN,网络\nnetwork,zh-TW,網路\n", encoding="utf-8"
    )
    assert run(runner, tmp_path, "import", "tw.csv", "-q")[0] == 0
    before = snapshot(tmp_path / "glossary")
    assert "zh-TW:" in before["imported.yaml"]
    assert run(runner, tmp_path, "export", fmt, "-o", f"out.{fmt}", "-q")[0] == 0
    code, out, err = run(runner, tmp_path, "import", f"out.{fmt}")
    assert (code, out) == (0, "unchanged network\n"), err
    assert snapshot(tmp_path / "glossary") == before


def test_every_export_format_is_covered(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["export", "--help"])
    assert all(fmt in result.output for fmt in EXPORT_FORMATS)
    assert sorted(KNOWN_FORMATS) == sorted(EXPORT_FORMATS)


@pytest.mark.parametrize("status", ["proposed", "approved"])
@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_bundled_glossary_export_imports_back_byte_for_byte(
    fmt: str, status: str, runner: CliRunner, tmp_path: Path
) -> None:
    shutil.copytree(BUNDLED, tmp_path / "glossary")
    before = {p.name: p.read_bytes() for p in sorted((tmp_path / "glossary").iterdir())}
    name = f"export.{SUFFIX.get(fmt, fmt)}"
    assert run(runner, tmp_path, "export", fmt, "-o", name, "-q")[0] == 0
    code, out, err = run(runner, tmp_path, "import", name, "--status", status)
    assert code == 0, err
    assert {line.split()[0] for line in out.splitlines()} == {"unchanged"}
    assert err.startswith("0 added, 0 updated, ") and err.endswith("0 new terms; wrote nothing\n")
    assert {p.name: p.read_bytes() for p in sorted((tmp_path / "glossary").iterdir())} == before


@pytest.mark.parametrize("direction", [[], ["--src-lang", "zh-CN"]])
def test_an_omegat_export_imported_into_an_empty_glossary_keeps_each_concept_and_term_status(
    direction: list[str], runner: CliRunner, tmp_path: Path
) -> None:
    """Each line of a deprecated English variant (``methane`` of biogas) became the
    preferred term of a concept of its own: the comment did not say its status."""
    shutil.copytree(BUNDLED, tmp_path / "glossary")
    assert run(runner, tmp_path, "export", "omegat", *direction, "-o", "export.txt", "-q")[0] == 0
    (tmp_path / "new").mkdir()
    code, _out, err = run(
        runner, tmp_path, "import", "export.txt", "--glossary", "new", "--into", "new/imported.yaml"
    )
    assert code == 0, err
    src, tgt = ("zh-CN", "en") if direction else ("en", "zh-CN")

    def source_sides(concepts: list[Concept]) -> list[tuple[tuple[str, TermStatus], ...]]:
        return sorted(
            tuple((t.text, t.status) for t in c.terms_in(src) if t.status.value in wanted) for c in concepts
        )

    wanted = {"preferred", "admitted"} | ({"deprecated", "forbidden"} if src == "en" else set())
    bundled = [c for f in sorted(BUNDLED.glob("*.yaml")) for c in read_glossary_file(f).concepts]
    exported = [c for c in bundled if c.status is not ReviewStatus.REJECTED and c.preferred(tgt)]
    imported = read_glossary_file(tmp_path / "new" / "imported.yaml").concepts
    assert len(imported) == len(exported)
    assert source_sides(imported) == source_sides(exported)
    if not direction:
        biogas = next(c for c in imported if c.terms_in("en")[0].text == "biogas")
        assert [(t.text, t.status) for t in biogas.terms["en"]] == [
            ("biogas", TermStatus.PREFERRED),
            ("methane", TermStatus.DEPRECATED),
        ]
    assert run(runner, tmp_path, "check", "new")[0] == 0


def test_an_omegat_export_of_an_older_version_still_imports_unchanged(
    runner: CliRunner, project: Path
) -> None:
    """Lines without the status of their source term (termkit before session 17)."""
    before = snapshot(project / "glossary")
    (project / "old.txt").write_text(
        "\ufeff# termkit glossary for OmegaT: source<TAB>target<TAB>comment, UTF-8\n"
        "poverty line\t贫困线\tSubject: poverty alleviation | Income threshold below which a household "
        "counts as poor.\n"
        "poverty threshold\t贫困线\tSubject: poverty alleviation | Income threshold below which a household "
        "counts as poor.\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, project, "import", "old.txt")
    assert code == 0, err
    assert out == "unchanged poverty-line\n"
    assert snapshot(project / "glossary") == before


@pytest.mark.parametrize("status", ["proposed", "approved"])
def test_approved_concepts_are_never_modified_and_the_skipped_data_is_reported(
    status: str, runner: CliRunner, project: Path
) -> None:
    before = snapshot(project / "glossary")
    (project / "in.csv").write_text(
        "concept,lang,term,term_note,concept_status,concept_note,provenance\n"
        "poverty-line,en,poverty line,a term note,approved,A NOTE THAT MUST NOT LAND,from a spreadsheet\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, project, "import", "in.csv", "--status", status)
    assert code == 0, err
    assert out == (
        "skipped   poverty-line (approved in the glossary; not imported: note, provenance, "
        "note of en term 'poverty line')\n"
    )
    assert err == "0 added, 0 updated, 0 unchanged, 1 skipped; 0 new terms; wrote nothing\n"
    assert snapshot(project / "glossary") == before


def test_new_terms_of_an_approved_concept_stay_for_review_with_status_approved(
    runner: CliRunner, project: Path
) -> None:
    (project / "in.txt").write_text("poverty line\t贫困标准\tsome comment\n", encoding="utf-8")
    code, out, _err = run(runner, project, "import", "in.txt", "--status", "approved")
    assert code == 0
    assert out == "updated   poverty-line (approved in the glossary; not imported: note)\n"
    concept = read_glossary_file(project / "glossary" / "poverty.yaml").get("poverty-line")
    assert concept is not None and concept.note is None
    added = next(t for t in concept.terms["zh-CN"] if t.text == "贫困标准")
    assert (added.status, added.review) == (TermStatus.ADMITTED, ReviewStatus.PROPOSED)


def test_a_glossary_written_by_omegat_imports_its_comments_as_notes(runner: CliRunner, project: Path) -> None:
    # OmegaT's "Create Glossary Entry" starts a new glossary file with this line
    (project / "glossary.txt").write_text(
        "# Glossary in tab-separated format -*- coding: utf-8 -*-\n"
        "relocation\t易地搬迁\tMoving households | out of uninhabitable areas\n"
        "poverty-stricken county\t贫困县\t[proposed] | a county below the line\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, project, "import", "glossary.txt", "--into", "glossary/new.yaml")
    assert code == 0, err
    assert out == "added     poverty-stricken-county\nupdated   relocation\n"
    relocation = read_glossary_file(project / "glossary" / "poverty.yaml").get("relocation")
    assert relocation is not None and relocation.note == "Moving households | out of uninhabitable areas"
    assert relocation.definition is None
    county = read_glossary_file(project / "glossary" / "new.yaml").get("poverty-stricken-county")
    assert county is not None and county.note == "[proposed] | a county below the line"
    assert county.status is ReviewStatus.PROPOSED


def test_an_edited_omegat_export_fills_the_fields_the_comment_came_from(
    runner: CliRunner, project: Path
) -> None:
    assert run(runner, project, "export", "omegat", "-o", "export.txt", "-q")[0] == 0
    text = (project / "export.txt").read_text(encoding="utf-8")
    text = text.replace(
        "易地搬迁\t[proposed]", "易地搬迁\t[proposed] | Moving households. | Note: Also 搬迁."
    )
    (project / "export.txt").write_text(text, encoding="utf-8")
    code, out, err = run(runner, project, "import", "export.txt")
    assert code == 0, err
    assert "updated   relocation\n" in out
    relocation = read_glossary_file(project / "glossary" / "poverty.yaml").get("relocation")
    assert relocation is not None and relocation.status is ReviewStatus.PROPOSED
    assert (relocation.definition, relocation.note) == ("Moving households.", "Also 搬迁.")


def test_edited_spreadsheet_merges_for_review(runner: CliRunner, project: Path) -> None:
    sheet = project / "review.csv"
    sheet.write_text(
        "concept,lang,term,term_status,definition\n"
        "rain-plan,zh-CN,雨露培训计划,preferred,\n"  # a second preferred term for an approved concept
        "rain-plan,en,Rain Plan,,A NEW DEFINITION THAT MUST NOT WIN\n"
        "relocation,en,relocation,,Moving households out of uninhabitable areas.\n"
        "new-concept,en,poverty-stricken county,,\n"
        "new-concept,zh-CN,贫困县,,\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, project, "import", "review.csv", "--into", "glossary/new.yaml")
    assert code == 0, err
    assert out == (
        "added     new-concept\n"
        "updated   rain-plan (approved in the glossary; not imported: definition)\n"
        "updated   relocation\n"
    )
    assert err == (
        "1 added, 2 updated, 0 unchanged; 3 new terms; wrote glossary/poverty.yaml, glossary/new.yaml\n"
    )
    poverty = read_glossary_file(project / "glossary" / "poverty.yaml")
    rain = poverty.get("rain-plan")
    assert rain is not None and rain.status is ReviewStatus.APPROVED
    assert rain.definition == "Vocational training subsidy programme for the rural poor."
    added = next(t for t in rain.terms["zh-CN"] if t.text == "雨露培训计划")
    assert (added.status, added.review) == (TermStatus.ADMITTED, ReviewStatus.PROPOSED)
    relocation = poverty.get("relocation")
    assert relocation is not None and relocation.definition == "Moving households out of uninhabitable areas."
    text = (project / "glossary" / "poverty.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Poverty alleviation terms (reviewer comments must survive imports).\n")
    assert "rain-plan:  # checked against the 2011 report\n" in text
    new = read_glossary_file(project / "glossary" / "new.yaml")
    assert [(c.id, c.status) for c in new.concepts] == [("new-concept", ReviewStatus.PROPOSED)]
    assert run(runner, project, "check", "glossary", "-q")[0] == 0


def test_status_approved_promotes_proposed_concepts(runner: CliRunner, project: Path) -> None:
    (project / "in.txt").write_text("relocation\t易地搬迁\n", encoding="utf-8")
    code, out, _err = run(runner, project, "import", "in.txt", "--status", "approved")
    assert (code, out) == (0, "updated   relocation\n")
    relocation = read_glossary_file(project / "glossary" / "poverty.yaml").get("relocation")
    assert relocation is not None and relocation.status is ReviewStatus.APPROVED


@pytest.mark.parametrize("status", ["proposed", "approved"])
def test_what_the_file_says_differently_about_a_proposed_concept_is_reported(
    status: str, runner: CliRunner, project: Path
) -> None:
    sheet = project / "in.csv"
    sheet.write_text("concept,lang,term,subject\nrelocation,en,relocation,tools\n", encoding="utf-8")
    assert run(runner, project, "import", "in.csv")[:2] == (0, "updated   relocation\n")
    before = snapshot(project / "glossary")
    sheet.write_text(
        "concept,lang,term,subject,term_note\nrelocation,en,relocation,software,a note\n", encoding="utf-8"
    )
    code, out, err = run(runner, project, "import", "in.csv", "--status", status)
    assert code == 0, err
    # the subject is kept and the file's is reported; the empty term note is filled
    assert out == "updated   relocation (set differently in the glossary; not imported: subject)\n"
    relocation = read_glossary_file(project / "glossary" / "poverty.yaml").get("relocation")
    assert relocation is not None and relocation.subject == "tools"
    assert relocation.terms["en"][0].note == "a note"
    (project / "glossary" / "poverty.yaml").write_text(before["poverty.yaml"], encoding="utf-8")
    sheet.write_text("concept,lang,term,subject\nrelocation,en,relocation,software\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "in.csv")
    assert (code, out) == (
        0,
        "skipped   relocation (set differently in the glossary; not imported: subject)\n",
    )
    assert err == "0 added, 0 updated, 0 unchanged, 1 skipped; 0 new terms; wrote nothing\n"
    assert snapshot(project / "glossary") == before


def test_a_bare_zh_tag_keeps_traditional_terms_apart(runner: CliRunner, project: Path) -> None:
    """``zh`` names no script: a Traditional term is imported as zh-Hant (it was put
    under zh-CN, and the import then failed on a check error telling the user to
    write it in Simplified); a Simplified one is zh-CN as before."""
    (project / "in.csv").write_text(
        "concept,lang,term\ndew-scheme,en,Dew Scheme\ndew-scheme,zh,雨露計劃\n"
        "hamlet-board,en,hamlet board\nhamlet-board,zh,村委会\n",
        encoding="utf-8",
    )
    code, _out, err = run(runner, project, "import", "in.csv", "--into", "glossary/new.yaml")
    assert code == 0, err
    new = read_glossary_file(project / "glossary" / "new.yaml")
    rain, committee = new.get("dew-scheme"), new.get("hamlet-board")
    assert rain is not None and committee is not None
    assert {lang: [t.text for t in terms] for lang, terms in rain.terms.items() if lang != "en"} == {
        "zh-Hant": ["雨露計劃"]
    }
    assert [t.text for t in committee.terms["zh-CN"]] == ["村委会"]


@pytest.mark.parametrize("fmt", ["tmx", "po"])
def test_a_bare_zh_side_of_a_memory_keeps_traditional_terms_apart(
    fmt: str, runner: CliRunner, project: Path
) -> None:
    # (a review) so for a TMX or PO: ModernMT's memory has a zh unit in Traditional text
    if fmt == "tmx":
        memory = FORMATS / "tmx" / "modernmt__Memory.en__zh.tmx"
    else:
        memory = project / "in.po"
        memory.write_text(
            'msgid ""\nmsgstr ""\n"Language: zh\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            'msgid "This is en__zh example four"\nmsgstr "這是en__zh例子四"\n',
            encoding="utf-8",
        )
    code, _out, err = run(runner, project, "import", str(memory), "--into", "glossary/new.yaml")
    assert code == 0, err
    new = read_glossary_file(project / "glossary" / "new.yaml")
    four = next(c for c in new.concepts if c.terms_in("en")[0].text == "This is en__zh example four")
    assert [t.text for t in four.terms_in("zh-Hant")] == ["這是en__zh例子四"]
    assert four.terms_in("zh-CN") == []


def _subject_entry(cid: str, subject: str, zh: str, en: str = "widget", definition: str = "") -> str:
    described = f'<descrip type="definition">{definition}</descrip>' if definition else ""
    return (
        f'<termEntry id="{cid}"><descrip type="subjectField">{subject}</descrip>{described}'
        f'<langSet xml:lang="en"><tig><term>{en}</term></tig></langSet>'
        f'<langSet xml:lang="zh-CN"><tig><term>{zh}</term></tig></langSet></termEntry>'
    )


def test_two_entries_of_one_file_that_disagree_are_reported_as_such(runner: CliRunner, project: Path) -> None:
    # two entries with one English term and one subject are one concept
    (project / "in.tbx").write_text(
        _tbx(
            _subject_entry("w1", "software", "部件", definition="a part"),
            _subject_entry("w2", "software", "小部件", definition="a control"),
        ),
        encoding="utf-8",
    )
    code, out, err = run(runner, project, "import", "in.tbx", "--into", "glossary/new.yaml")
    assert code == 0, err
    # (one concept, added: it was "added w1" and "updated w1 (...)", counted twice)
    assert out == "added     w1 (set differently by an earlier entry of the file; not imported: definition)\n"
    assert err.startswith("1 added, 0 updated, 0 unchanged; 3 new terms;")


def test_homographs_told_apart_by_subject_are_imported_as_concepts_of_their_own(
    runner: CliRunner, project: Path
) -> None:
    """KDE's term base has three entries for "comment": 备注 (subjectField 文档属性), 注释
    (源代码), 评论 (评价，讨论).  They were merged into one concept, 注释 and 评论 admitted
    synonyms of 备注, and the subjects of two of them reported as not imported."""
    (project / "in.tbx").write_text(
        _tbx(
            _subject_entry("guo_yunhe-79", "文档属性", "备注", "comment"),
            _subject_entry("guo_yunhe-80", "源代码", "注释", "comment"),
            _subject_entry("guo_yunhe-81", "评价，讨论", "评论", "comment"),
        ),
        encoding="utf-8",
    )
    code, out, err = run(runner, project, "import", "in.tbx", "--into", "glossary/new.yaml")
    assert code == 0, err
    assert out == "added     comment\nadded     comment-2\nadded     comment-3\n"
    assert err.startswith("3 added, 0 updated, 0 unchanged; 6 new terms; wrote glossary/new.yaml")
    new = read_glossary_file(project / "glossary" / "new.yaml")
    assert [(c.id, c.subject, [t.text for t in c.terms_in("zh-CN")]) for c in new.concepts] == [
        ("comment", "文档属性", ["备注"]),
        ("comment-2", "源代码", ["注释"]),
        ("comment-3", "评价，讨论", ["评论"]),
    ]
    assert run(runner, project, "check")[0] == 0
    # imported again: each entry is the concept of its subject, unchanged
    before = snapshot(project / "glossary")
    code, out, err = run(runner, project, "import", "in.tbx", "--into", "glossary/new.yaml")
    assert (code, out) == (0, "unchanged comment\nunchanged comment-2\nunchanged comment-3\n"), err
    assert err.startswith("0 added, 0 updated, 3 unchanged; 0 new terms; wrote nothing")
    assert snapshot(project / "glossary") == before
    # an entry brings a term to the concept of its subject (case and spaces aside)
    (project / "in2.tbx").write_text(
        _tbx(_subject_entry("x", " 源代码 ", "代码注释", "Comment")), encoding="utf-8"
    )
    code, out, err = run(runner, project, "import", "in2.tbx", "--into", "glossary/new.yaml")
    assert (code, out) == (0, "updated   comment-2\n"), err
    comment = read_glossary_file(project / "glossary" / "new.yaml").get("comment-2")
    assert comment is not None and [t.text for t in comment.terms_in("zh-CN")] == ["注释", "代码注释"]


def test_a_concept_without_a_subject_matches_an_entry_with_one(runner: CliRunner, project: Path) -> None:
    """A subject set on one side only does not conflict: the entry is the glossary's
    concept, whose empty subject it fills (a proposed concept); a second entry whose
    subject differs is then a homograph, a concept of its own."""
    (project / "in.tbx").write_text(
        _tbx(
            _subject_entry("r_1", "software", "重新安置", "relocation"),
            _subject_entry("r_2", "logistics", "迁移", "relocation"),
        ),
        encoding="utf-8",
    )
    code, out, err = run(runner, project, "import", "in.tbx", "--into", "glossary/new.yaml")
    assert (code, out) == (0, "added     relocation-2\nupdated   relocation\n"), err
    relocation = read_glossary_file(project / "glossary" / "poverty.yaml").get("relocation")
    assert relocation is not None and relocation.subject == "software"
    added = read_glossary_file(project / "glossary" / "new.yaml").get("relocation-2")
    assert added is not None and added.subject == "logistics"
    assert [t.text for t in added.terms_in("zh-CN")] == ["迁移"]


def test_an_entry_without_a_subject_among_homographs_is_refused(runner: CliRunner, project: Path) -> None:
    """Which of two homographs an entry without a subject means, nothing tells: it is
    no match, and a new concept with their term and no subject fails check."""
    (project / "in.tbx").write_text(
        _tbx(
            _subject_entry("a", "documents", "备注", "comment"),
            _subject_entry("b", "code", "注释", "comment"),
        ),
        encoding="utf-8",
    )
    assert run(runner, project, "import", "in.tbx", "--into", "glossary/new.yaml")[0] == 0
    before = snapshot(project / "glossary")
    (project / "in2.tbx").write_text(_tbx(_entry("c", "comment", "评论")), encoding="utf-8")
    code, out, err = run(runner, project, "import", "in2.tbx", "--into", "glossary/new.yaml")
    assert (code, out) == (1, "")
    assert "in2.tbx:3:1: imported concept 'c'" in err and "[duplicate-preferred]" in err
    assert "give each a subject that tells them apart" in err
    assert snapshot(project / "glossary") == before
    # an entry without a subject that has the Chinese term of one of them is that one
    (project / "in3.tbx").write_text(_tbx(_entry("c", "comment", "注释")), encoding="utf-8")
    code, out, err = run(runner, project, "import", "in3.tbx", "--into", "glossary/new.yaml")
    assert (code, out) == (0, "unchanged b\n"), err


#: Each format's way of saying "comment" is 评论, without a concept id: the reader makes
#: one up, "comment", from the English term.
NO_ID = {
    "omegat": ("in.txt", "comment\t评论\n"),
    "csv": ("in.csv", "en,zh-CN\ncomment,评论\n"),
    "tsv": ("in.tsv", "English\tChinese\ncomment\t评论\n"),
    "po": ("in.po", 'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\nmsgid "comment"\nmsgstr "评论"\n'),
    "tmx": (
        "in.tmx",
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" srclang="en" '
        'datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>comment</seg></tuv>'
        '<tuv xml:lang="zh-CN"><seg>评论</seg></tuv></tu></body></tmx>\n',
    ),
    "tbx": (
        "in.tbx",
        '<?xml version="1.0"?>\n<martif type="TBX"><text><body>\n<termEntry><langSet xml:lang="en">'
        '<tig><term>comment</term></tig></langSet><langSet xml:lang="zh-CN"><tig><term>评论</term></tig>'
        "</langSet></termEntry>\n</body></text></martif>\n",
    ),
}


def _homographs(runner: CliRunner, project: Path) -> None:
    """comment (备注, 文档属性), comment-2 (注释, 源代码), comment-3 (评论, 评价，讨论), as KDE has them."""
    (project / "kde.tbx").write_text(
        _tbx(
            _subject_entry("guo_yunhe-79", "文档属性", "备注", "comment"),
            _subject_entry("guo_yunhe-80", "源代码", "注释", "comment"),
            _subject_entry("guo_yunhe-81", "评价，讨论", "评论", "comment"),
        ),
        encoding="utf-8",
    )
    assert run(runner, project, "import", "kde.tbx", "--into", "glossary/kde.yaml")[0] == 0


@pytest.mark.parametrize("fmt", sorted(NO_ID))
def test_an_id_the_reader_made_up_is_never_matched_as_a_concept_id(
    fmt: str, runner: CliRunner, project: Path
) -> None:
    """A file without concept ids gets ids made up from its English terms: "comment" was
    matched to the glossary concept "comment" (备注, 文档属性), whatever the entry's
    subject or Chinese term, and 评论 was added to it.  The entry is matched by its
    terms: among homographs, an entry without a subject is the one with its Chinese term."""
    _homographs(runner, project)
    before = snapshot(project / "glossary")
    name, text = NO_ID[fmt]
    (project / name).write_text(text, encoding="utf-8")
    code, out, err = run(runner, project, "import", name, "--into", "glossary/kde.yaml")
    assert (code, out) == (0, "unchanged comment-3\n"), err
    assert snapshot(project / "glossary") == before


def test_a_sheet_entry_is_matched_to_the_homograph_of_its_subject(runner: CliRunner, project: Path) -> None:
    # (it was matched to "comment" by the id made up from its term, its subject reported
    # as not imported and 评论 added to 备注's concept)
    _homographs(runner, project)
    before = snapshot(project / "glossary")
    (project / "s.csv").write_text("en,zh-CN,subject\ncomment,评论,评价，讨论\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "s.csv", "--into", "glossary/kde.yaml")
    assert (code, out) == (0, "unchanged comment-3\n"), err
    assert snapshot(project / "glossary") == before
    # a new translation goes to the concept of the entry's subject
    (project / "s.csv").write_text("en,zh-CN,subject\ncomment,留言,评价，讨论\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "s.csv", "--into", "glossary/kde.yaml")
    assert (code, out) == (0, "updated   comment-3\n"), err
    comment = read_glossary_file(project / "glossary" / "kde.yaml").get("comment-3")
    assert comment is not None and [t.text for t in comment.terms_in("zh-CN")] == ["评论", "留言"]


def test_an_omegat_line_that_no_homograph_has_the_translation_of_is_refused(
    runner: CliRunner, project: Path
) -> None:
    """Neither a subject nor a Chinese term tells which "comment" the line means: a new
    concept "comment" without a subject, which check refuses, at the line."""
    _homographs(runner, project)
    before = snapshot(project / "glossary")
    (project / "o.txt").write_text("# mine\ncomment\t留言\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "o.txt", "--into", "glossary/kde.yaml")
    assert (code, out) == (1, ""), err
    assert err.startswith("termkit: error: o.txt:2:1: imported concept 'comment' (glossary concept ")
    assert "[duplicate-preferred]" in err and len(err.splitlines()) == 1
    assert snapshot(project / "glossary") == before


def test_a_made_up_id_that_is_another_concept_s_id_is_not_matched(runner: CliRunner, project: Path) -> None:
    # the second line's made-up id, rain-plan-2, is the id of the glossary's Dew Plan:
    # 雨露工程 was added to Dew Plan
    (project / "glossary" / "dew.yaml").write_text(
        "rain-plan-2:\n  status: approved\n  terms:\n    en:\n      - text: Dew Plan\n"
        "    zh-CN:\n      - text: 雨露培训\n",
        encoding="utf-8",
    )
    (project / "in.txt").write_text("Rain Plan\t雨露计划\nrain plan\t雨露工程\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "in.txt")
    assert (code, out) == (0, "updated   rain-plan\n"), err  # (with the English term "rain plan")
    dew = read_glossary_file(project / "glossary" / "dew.yaml").get("rain-plan-2")
    assert dew is not None and [t.text for t in dew.terms_in("zh-CN")] == ["雨露培训"]
    assert [t.text for t in dew.terms_in("en")] == ["Dew Plan"]


def test_a_tbx_entry_without_an_id_is_matched_by_its_terms_not_its_position(
    runner: CliRunner, project: Path
) -> None:
    # the reader names it "entry-1": it was matched to a glossary concept of that id
    (project / "glossary" / "old.yaml").write_text(
        "entry-1:\n  status: approved\n  terms:\n    en:\n      - text: widget\n"
        "    zh-CN:\n      - text: 部件\n",
        encoding="utf-8",
    )
    (project / "in.tbx").write_text(_tbx(_no_id_entry("gadget", "小工具")), encoding="utf-8")
    code, out, err = run(runner, project, "import", "in.tbx", "--into", "glossary/new.yaml")
    assert (code, out) == (0, "added     gadget\n"), err
    old = read_glossary_file(project / "glossary" / "old.yaml").get("entry-1")
    assert old is not None and [t.text for t in old.terms_in("en")] == ["widget"]


def test_tbx_entries_without_an_id_are_named_by_their_terms_not_their_position(
    runner: CliRunner, project: Path
) -> None:
    """An entry without an id was named ``entry-N`` by its position: a Chinese-only
    entry, matched by that id, met whatever concept the position of an entry of
    another file had named, and a new concept kept ``entry-N`` as its id."""
    chinese_only = (
        '<termEntry><langSet xml:lang="zh-CN"><tig><term>易地搬迁</term></tig></langSet></termEntry>'
    )
    (project / "a.tbx").write_text(_tbx(_no_id_entry("gadget", "小工具"), chinese_only), encoding="utf-8")
    (project / "b.tbx").write_text(_tbx(chinese_only), encoding="utf-8")
    code, out, err = run(runner, project, "import", "a.tbx", "--into", "glossary/new.yaml")
    assert (code, out) == (0, "added     gadget\nadded     term-90fa7b40\n"), err
    for name in ("a.tbx", "b.tbx"):  # (the Chinese-only entry is first in b.tbx)
        code, out, err = run(runner, project, "import", name, "--into", "glossary/new.yaml")
        assert code == 0 and "added" not in out, (out, err)


def test_the_msgctxt_of_another_tool_s_po_is_no_concept_id(runner: CliRunner, project: Path) -> None:
    """A PO's msgctxt is a message's context: its entries "File" and "Edit" of context
    "menu" were one concept "menu", Edit an admitted synonym of File (and "menu" was
    matched to a glossary concept of that id)."""
    (project / "ui.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "menu"\nmsgid "File"\nmsgstr "文件"\n\nmsgctxt "menu"\nmsgid "Edit"\nmsgstr "编辑"\n',
        encoding="utf-8",
    )
    code, out, err = run(runner, project, "import", "ui.po", "--into", "glossary/ui.yaml")
    assert (code, out) == (0, "added     file\nadded     edit\n"), err


def test_a_glossary_po_without_its_concept_comments_still_tells_homographs_apart_by_msgctxt(
    runner: CliRunner, homograph_project: Path
) -> None:
    assert run(runner, homograph_project, "export", "po", "-o", "g.po", "-q")[0] == 0
    text = (homograph_project / "g.po").read_text(encoding="utf-8")
    assert 'msgctxt "comment-2"' in text
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("#. Concept: ")]
    (homograph_project / "g.po").write_text("".join(lines), encoding="utf-8")
    before = snapshot(homograph_project / "glossary")
    code, out, err = run(runner, homograph_project, "import", "g.po")
    assert code == 0 and "added" not in out and "updated" not in out, err
    assert snapshot(homograph_project / "glossary") == before


def test_a_row_without_english_is_matched_by_the_id_made_up_from_its_term(
    runner: CliRunner, project: Path
) -> None:
    """A row with Chinese only has nothing but its id, term- and a hash of its first term,
    to be matched by: importing it again finds the concept the first import added."""
    (project / "zh.csv").write_text("en,zh-CN\n,扶贫开发\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "zh.csv", "--into", "glossary/new.yaml")
    assert code == 0, err
    assert out.startswith("added     term-")
    before = snapshot(project / "glossary")
    code, again, err = run(runner, project, "import", "zh.csv", "--into", "glossary/new.yaml")
    assert (code, again) == (0, out.replace("added    ", "unchanged")), err
    assert snapshot(project / "glossary") == before


def _preferred(concept: Concept, lang: str) -> str | None:
    term = concept.preferred(lang)
    return term.text if term else None


def test_the_kde_term_base_keeps_its_homographs(runner: CliRunner, tmp_path: Path) -> None:
    tbx = FORMATS / "tbx" / "lokalize__kde-cn__terms.tbx"
    if not tbx.exists():
        pytest.skip("shared formats not available")
    code, out, err = run(
        runner, tmp_path, "import", str(tbx), "--into", "glossary/kde.yaml", "--glossary", "glossary"
    )
    assert code == 0, err
    assert "not imported" not in out
    kde = read_glossary_file(tmp_path / "glossary" / "kde.yaml")
    homographs = {
        "comment": {"备注", "注释", "评论"},
        "ok": {"确定", "成功"},
        "view": {"视图", "查看"},
        "message": {"消息", "信件"},
        "soundtrack": {"音轨", "电影配乐"},
    }
    for en, zh in homographs.items():
        found = [c for c in kde.concepts if _preferred(c, "en") == en]
        assert len(found) == len(zh), en
        assert {_preferred(c, "zh-CN") for c in found} == zh
        assert all(len(c.terms_in("zh-CN")) == 1 for c in found)
        assert len({c.subject for c in found}) == len(zh)
        assert {f"added     {c.id}" for c in found} <= set(out.splitlines())
    assert run(runner, tmp_path, "check", "glossary")[0] == 0
    before = snapshot(tmp_path / "glossary")
    code, out, err = run(
        runner, tmp_path, "import", str(tbx), "--into", "glossary/kde.yaml", "--glossary", "glossary"
    )
    assert code == 0, err
    assert "added" not in out and "updated" not in out
    assert err.endswith("0 new terms; wrote nothing\n")
    assert snapshot(tmp_path / "glossary") == before


def _tbx(*entries: str) -> str:
    return (
        '<?xml version="1.0"?>\n<martif type="TBX"><text><body>\n'
        + "\n".join(entries)
        + "\n</body></text></martif>\n"
    )


def _entry(cid: str, en: str, zh: str) -> str:
    return (
        f'<termEntry id="{cid}"><langSet xml:lang="en"><tig><term>{en}</term></tig></langSet>'
        f'<langSet xml:lang="zh-CN"><tig><term>{zh}</term></tig></langSet></termEntry>'
    )


def test_a_concept_twice_in_one_file_is_counted_once(runner: CliRunner, project: Path) -> None:
    """The same entry twice (a term base merged from two exports) is one concept: it was
    "added" and then "unchanged" (or "updated"), "1 added, ..., 1 unchanged"."""
    (project / "in.tbx").write_text(_tbx(*[_entry("widget", "widget", "部件")] * 2), encoding="utf-8")
    code, out, err = run(runner, project, "import", "in.tbx", "--into", "glossary/new.yaml")
    assert (code, out) == (0, "added     widget\n"), err
    assert err.startswith("1 added, 0 updated, 0 unchanged; 2 new terms; wrote glossary/new.yaml")
    assert [c.id for c in read_glossary_file(project / "glossary" / "new.yaml").concepts] == ["widget"]
    # imported again: in the glossary, unchanged, once
    code, out, err = run(runner, project, "import", "in.tbx", "--into", "glossary/new.yaml")
    assert (code, out) == (0, "unchanged widget\n"), err
    assert err.startswith("0 added, 0 updated, 1 unchanged; 0 new terms; wrote nothing")
    # the second entry brings a term: still one concept added, with both terms
    (project / "in2.tbx").write_text(
        _tbx(_entry("gadget", "gadget", "小工具"), _entry("gadget", "gadget", "装置")), encoding="utf-8"
    )
    code, out, err = run(runner, project, "import", "in2.tbx", "--into", "glossary/new.yaml")
    assert (code, out) == (0, "added     gadget\n"), err
    assert err.startswith("1 added, 0 updated, 0 unchanged; 3 new terms;")
    # a concept of the glossary, twice and as it is: unchanged, once
    (project / "in3.tbx").write_text(
        _tbx(*[_entry("rain-plan", "Rain Plan", "雨露计划")] * 2), encoding="utf-8"
    )
    code, out, err = run(runner, project, "import", "in3.tbx", "--status", "approved")
    assert (code, out) == (0, "unchanged rain-plan\n"), err
    assert err.startswith("0 added, 0 updated, 1 unchanged; 0 new terms; wrote nothing")


def test_rejected_concepts_are_left_alone(runner: CliRunner, project: Path) -> None:
    (project / "in.csv").write_text("concept,lang,term\nwithdrawn,zh-CN,撤回\n", encoding="utf-8")
    code, out, _err = run(runner, project, "import", "in.csv")
    assert (code, out) == (0, "skipped   withdrawn (rejected in the glossary)\n")


def test_an_import_that_breaks_check_writes_nothing(runner: CliRunner, project: Path) -> None:
    before = snapshot(project / "glossary")
    (project / "in.csv").write_text(
        "concept,lang,term,concept_status\nfresh,en,fresh term,approved\n", encoding="utf-8"
    )
    code, out, err = run(
        runner, project, "import", "in.csv", "--status", "approved", "--into", "glossary/new.yaml"
    )
    assert code == 1
    assert out == ""
    # located in the file imported (row 2, column 'concept'), not in glossary/new.yaml, never written
    assert err.startswith(
        "termkit: error: in.csv:2:1: imported concept 'fresh' would make the glossary fail "
        "'termkit check': approved concept 'fresh' has no preferred zh-CN term"
    )
    assert "nothing was written" in err
    assert snapshot(project / "glossary") == before


def test_a_failed_import_names_the_tbx_entry_that_causes_it(runner: CliRunner, project: Path) -> None:
    tbx = FORMATS / "tbx" / "heartsome-tmx2tbx__ImportTBXTest.tbx"
    if not tbx.exists():
        pytest.skip(f"{tbx} is not there")
    before = snapshot(project / "glossary")
    code, _out, err = run(runner, project, "import", str(tbx), "--into", "glossary/i.yaml")
    assert code == 1
    # line 141 holds the Chinese term of <termEntry id="_1219131555796">
    assert err.startswith(
        f"termkit: error: {tbx}:141:1: imported concept '1219131555796' would make the glossary fail "
        "'termkit check': half-width '(' in Chinese term"
    )
    assert "Correct or remove this entry in the file you import" in err
    assert snapshot(project / "glossary") == before


def test_malformed_input_is_located_and_writes_nothing(runner: CliRunner, project: Path) -> None:
    before = snapshot(project / "glossary")
    (project / "bad.po").write_text('msgid ""\nmsgstr ""\n\nmsgid "a\nmsgstr "b"\n', encoding="utf-8")
    code, _out, err = run(runner, project, "import", "bad.po")
    assert code == 1
    assert err.startswith("termkit: error: bad.po:4:7: PO syntax error")
    assert snapshot(project / "glossary") == before


def test_dry_run_writes_nothing(runner: CliRunner, project: Path) -> None:
    (project / "in.csv").write_text("concept,lang,term\nbrand-new,en,brand new\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "in.csv", "--dry-run")
    assert (code, out) == (0, "added     brand-new\n")
    assert err.endswith("would write glossary/imported.yaml\n")
    assert not (project / "glossary" / "imported.yaml").exists()
    assert (project / "glossary" / "poverty.yaml").read_text(encoding="utf-8") == POVERTY_YAML


@pytest.mark.parametrize("into", ["glossary/rural.yaml", "glossary/new.yaml"])
def test_nothing_is_written_into_a_file_check_reports_errors_in(
    runner: CliRunner, project: Path, into: str
) -> None:
    """rural.yaml gets a Traditional zh-CN term (a check error): importing into it, or
    updating a concept of it, is refused; the glossary is left as it was."""
    rural = project / "glossary" / "rural.yaml"
    rural.write_text(
        rural.read_text(encoding="utf-8") + "\nzz-broken:\n  terms:\n    zh-CN:\n      - text: 雨露計劃\n",
        encoding="utf-8",
    )
    before = snapshot(project / "glossary")
    (project / "in.csv").write_text(
        "concept,lang,term\nzz-broken,en,broken term\nbrand-new,en,brand new\n", encoding="utf-8"
    )
    code, out, err = run(runner, project, "import", "in.csv", "--into", into)
    assert (code, out) == (1, "")
    line = before["rural.yaml"].splitlines().index("      - text: 雨露計劃") + 1
    assert err.startswith(f"termkit: error: glossary/rural.yaml:{line}:9: Traditional")
    assert "[zh-traditional]" in err and len(err.splitlines()) == 1
    assert snapshot(project / "glossary") == before


@pytest.mark.parametrize("into", ["glossary/imported.yaml", "elsewhere/imported.yaml"])
def test_a_broken_into_file_is_refused_before_the_file_is_read(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch, into: str
) -> None:
    """Reading a large TMX or TBX takes a while: the file new concepts go into is checked
    first (a Traditional character in a zh-CN term is an error only check finds), in the
    glossary folder or not."""
    target = project / into
    target.parent.mkdir(exist_ok=True)
    target.write_text("x:\n  terms:\n    zh-CN:\n      - text: 雨露計劃\n", encoding="utf-8")
    before = snapshot(project / "glossary")

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file to import was read")

    monkeypatch.setattr("termkit.cli.importing.read_concepts", no_reading)
    (project / "in.csv").write_text("concept,lang,term\nbrand-new,en,brand new\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "in.csv", "--into", into)
    assert (code, out) == (1, "")
    assert err.startswith(f"termkit: error: {into}:4:9: Traditional") and err.count("\n") == 1, err
    assert snapshot(project / "glossary") == before


@pytest.mark.parametrize(
    ("into", "name"),
    [
        ("glossary/imported", "glossary/imported.yaml"),
        ("glossary/new.txt", "glossary/new.yaml"),
        ("-", "glossary/FILE.yaml"),
    ],
)
def test_into_a_file_no_glossary_folder_loads_is_a_usage_error(
    runner: CliRunner, project: Path, into: str, name: str
) -> None:
    """check, build and lint read a folder's *.yaml and *.yml: concepts imported into
    glossary/imported were seen by none of them, nor matched by the next import (which
    added them again); '-' printed the YAML on stdout among the report lines."""
    before = snapshot(project / "glossary")
    (project / "in.csv").write_text("concept,lang,term\nbrand-new,en,brand new\n", encoding="utf-8")
    for dry_run in ([], ["--dry-run"]):
        code, out, err = run(runner, project, "import", "in.csv", "--into", into, *dry_run)
        assert (code, out) == (2, "")
        assert err == (
            f"termkit: error: {into}: --into names no glossary file: a glossary folder loads only "
            f"its *.yaml and *.yml files; name it {name}\n"
        )
    assert snapshot(project / "glossary") == before


def test_the_summary_counts_one_new_term_in_the_singular(runner: CliRunner, project: Path) -> None:
    (project / "in.csv").write_text("concept,lang,term\nbrand-new,en,brand new\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "in.csv", "--into", "glossary/new.yaml")
    assert (code, out) == (0, "added     brand-new\n")
    assert err == "1 added, 0 updated, 0 unchanged; 1 new term; wrote glossary/new.yaml\n"


def test_a_mistyped_glossary_folder_is_an_error_and_nothing_is_written(
    runner: CliRunner, project: Path
) -> None:
    # (it was read as an empty glossary: every concept was added again to
    # glossary/imported.yaml, each a duplicate id of the real glossary)
    before = snapshot(project / "glossary")
    assert run(runner, project, "export", "csv", "-o", "all.csv", "-q")[0] == 0
    code, out, err = run(runner, project, "import", "all.csv", "--glossary", "glosary")
    assert (code, out) == (1, "")
    assert err.startswith("termkit: error: glosary: no such file or folder; name the glossary folder")
    assert len(err.splitlines()) == 1
    assert snapshot(project / "glossary") == before
    assert not (project / "glosary").exists()


def test_an_import_may_start_the_glossary_folder_that_into_is_in(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text("concept,lang,term\nrain-plan,en,Rain Plan\n", encoding="utf-8")
    code, out, err = run(runner, tmp_path, "import", "in.csv", "-q")
    assert (code, out, err) == (0, "added     rain-plan\n", "")
    assert (tmp_path / "glossary" / "imported.yaml").is_file()
    args = ("--glossary", "g2", "--into", "g2/sub/a.yaml", "-q")
    assert run(runner, tmp_path, "import", "in.csv", *args)[:2] == (0, "added     rain-plan\n")


@pytest.mark.parametrize("into", [[], ["--into", "glossary/new.yaml"]])
def test_the_folder_of_into_is_checked_with_the_merge_whatever_glossary_says(
    runner: CliRunner, project: Path, into: list[str]
) -> None:
    """--glossary names another folder: the concepts of glossary/ are not matched, and
    adding them again to a file of glossary/ would give it duplicate ids: refused."""
    before = snapshot(project / "glossary")
    assert run(runner, project, "export", "csv", "-o", "all.csv", "-q")[0] == 0
    (project / "other").mkdir()
    (project / "other" / "a.yaml").write_text(
        "foo:\n  terms:\n    en:\n      - text: foo\n", encoding="utf-8"
    )
    code, out, err = run(runner, project, "import", "all.csv", "--glossary", "other", *into)
    assert (code, out) == (1, "")
    assert "would make the glossary fail 'termkit check': duplicate concept id" in err
    assert "(first at glossary/poverty.yaml:" in err and "nothing was written" in err
    assert snapshot(project / "glossary") == before
    assert snapshot(project / "other") == {"a.yaml": "foo:\n  terms:\n    en:\n      - text: foo\n"}
    # what does not clash goes in, and the files of glossary/ are never written
    (project / "new.csv").write_text("concept,lang,term\nbrand-new,en,brand new\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "new.csv", "--glossary", "other", *into)
    assert (code, out) == (0, "added     brand-new\n"), err
    assert {k: v for k, v in snapshot(project / "glossary").items() if k in before} == before


def test_unknown_extension_needs_format(runner: CliRunner, project: Path) -> None:
    (project / "in.dat").write_text("x", encoding="utf-8")
    code, _out, err = run(runner, project, "import", "in.dat")
    assert code == 2
    assert "cannot tell the format from the extension; give --format" in err


def test_a_bilingual_spreadsheet_imports_one_concept_per_row(runner: CliRunner, project: Path) -> None:
    """The sheet most translators have: a column per language, no ids, no statuses."""
    (project / "terms.csv").write_text(
        "\ufeffEnglish,Chinese,Notes\r\n"
        "Rain Plan,雨露计划；雨露培训计划,\r\n"
        "whole village advancement; entire village advancement,整村推進,a slogan\r\n"
        "poverty-stricken county,贫困县,\r\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, project, "import", "terms.csv", "--into", "glossary/new.yaml")
    assert code == 0, err
    assert out == (
        "added     whole-village-advancement\nadded     poverty-stricken-county\nupdated   rain-plan\n"
    )
    assert err == (
        "2 added, 1 updated, 0 unchanged; 6 new terms; wrote glossary/poverty.yaml, glossary/new.yaml\n"
    )
    rain = read_glossary_file(project / "glossary" / "poverty.yaml").get("rain-plan")
    assert rain is not None and rain.status is ReviewStatus.APPROVED
    added = next(t for t in rain.terms["zh-CN"] if t.text == "雨露培训计划")
    assert (added.status, added.review) == (TermStatus.ADMITTED, ReviewStatus.PROPOSED)
    new = read_glossary_file(project / "glossary" / "new.yaml")
    slogan = new.get("whole-village-advancement")
    assert slogan is not None and slogan.status is ReviewStatus.PROPOSED and slogan.note == "a slogan"
    assert {lang: [t.text for t in terms] for lang, terms in slogan.terms.items()} == {
        "en": ["whole village advancement", "entire village advancement"],
        "zh-Hant": ["整村推進"],  # a Chinese column names no script: Traditional text is zh-Hant
    }
    assert run(runner, project, "check", "glossary", "-q")[0] == 0
    # importing the sheet again changes nothing
    before = snapshot(project / "glossary")
    code, out, err = run(runner, project, "import", "terms.csv", "--into", "glossary/new.yaml")
    assert (code, err) == (0, "0 added, 0 updated, 3 unchanged; 0 new terms; wrote nothing\n")
    assert snapshot(project / "glossary") == before


def test_a_bilingual_spreadsheet_becomes_approved_with_status_approved(
    runner: CliRunner, project: Path
) -> None:
    # the sheet says nothing of review, as an OmegaT glossary: --status decides
    (project / "terms.tsv").write_text("en\tzh-CN\npoverty-stricken county\t贫困县\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "terms.tsv", "--status", "approved")
    assert (code, out) == (0, "added     poverty-stricken-county\n"), err
    county = read_glossary_file(project / "glossary" / "imported.yaml").get("poverty-stricken-county")
    assert county is not None and county.status is ReviewStatus.APPROVED


def test_a_sheet_of_neither_shape_fails_on_one_located_line(runner: CliRunner, project: Path) -> None:
    before = snapshot(project / "glossary")
    (project / "terms.csv").write_text("en,zh-CN,ID\nRain Plan,雨露计划,17\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "terms.csv")
    assert (code, out) == (1, "")
    assert err == (
        "termkit: error: terms.csv:1:10: unknown column 'ID': a bilingual sheet has a column per language, "
        "two or more (en, zh-CN, English, 中文...), and optionally note, definition, subject and pos "
        "columns; rename or delete it\n"
    )
    (project / "terms.csv").write_text("English,remarks\nRain Plan,x\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "terms.csv")
    assert code == 1 and len(err.splitlines()) == 1
    assert err.startswith(
        "termkit: error: terms.csv:1:1: one language only ('English'): termkit reads its own"
    )
    assert snapshot(project / "glossary") == before


def test_a_file_no_glossary_folder_loads_is_not_checked_against(runner: CliRunner, project: Path) -> None:
    """An OLD.YAML beside the target is no glossary file to check, build or lint (they
    read *.yaml and *.yml only): import did check against it, and refused."""
    (project / "glossary" / "OLD.YAML").write_text(
        "brand-new:\n  terms:\n    en:\n      - text: brand new\n", encoding="utf-8"
    )
    (project / "new.csv").write_text("concept,lang,term\nbrand-new,en,brand new\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "new.csv", "--into", "glossary/new.yaml")
    assert (code, out) == (0, "added     brand-new\n"), err
    assert run(runner, project, "check", "glossary")[0] == 0


def _no_id_entry(en: str, zh: str) -> str:
    return (
        f'<termEntry><langSet xml:lang="en"><tig><term>{en}</term></tig></langSet>'
        f'<langSet xml:lang="zh-CN"><tig><term>{zh}</term></tig></langSet></termEntry>'
    )


def test_a_subject_that_differs_only_in_case_or_spacing_is_no_difference(
    runner: CliRunner, project: Path
) -> None:
    # (a review) the entry matched its concept by subject, case and spacing aside, and was
    # then reported "not imported: subject"; an OmegaT export trims a subject's trailing
    # space, so an unedited export of such a concept came back "skipped"
    (project / "glossary" / "talk.yaml").write_text(
        'comment-talk:\n  status: approved\n  subject: "Discussion "\n  terms:\n    en:\n'
        "      - text: comment\n    zh-CN:\n      - text: 评论\n",
        encoding="utf-8",
    )
    before = snapshot(project / "glossary")
    (project / "s.csv").write_text("en,zh-CN,subject\ncomment,评论,DISCUSSION\n", encoding="utf-8")
    code, out, err = run(runner, project, "import", "s.csv", "--into", "glossary/talk.yaml")
    assert (code, out) == (0, "unchanged comment-talk\n"), err
    assert run(runner, project, "export", "omegat", "-o", "o.txt")[0] == 0
    assert "\tSubject: Discussion\n" in (project / "o.txt").read_text(encoding="utf-8")
    code, out, err = run(runner, project, "import", "o.txt", "--into", "glossary/talk.yaml")
    assert "unchanged comment-talk\n" in out and "skipped" not in out, err
    assert snapshot(project / "glossary") == before


@pytest.mark.parametrize("fmt", ["tmx", "tbx"])
def test_a_line_end_written_as_a_character_reference_imports_as_a_line_break(
    fmt: str, runner: CliRunner, tmp_path: Path
) -> None:
    """Windows tools write the CR of a note's CRLF as &#13; (.NET's XmlWriter): the CR
    reached the note, 'termkit check' refuses a CR in any field (control-char), and
    the whole import failed ('would make the glossary fail termkit check')."""
    note = "First line.&#13;&#10;Second line."
    if fmt == "tmx":
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
            'creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" srclang="en" '
            f'datatype="plaintext"/><body><tu><note>{note}</note><tuv xml:lang="en"><seg>Rain Plan</seg>'
            '</tuv><tuv xml:lang="zh-CN"><seg>雨露计划</seg></tuv></tu></body></tmx>\n'
        )
    else:
        text = (
            '<martif type="TBX-Basic"><text><body><termEntry id="rain-plan">'
            f'<descrip type="definition">{note}</descrip><note>{note}</note>'
            '<langSet xml:lang="en"><tig><term>Rain Plan</term></tig></langSet>'
            '<langSet xml:lang="zh-CN"><tig><term>雨露计划</term></tig></langSet>'
            "</termEntry></body></text></martif>"
        )
    (tmp_path / f"in.{fmt}").write_text(text, encoding="utf-8")
    code, out, err = run(runner, tmp_path, "import", f"in.{fmt}", "--into", "glossary/t.yaml")
    assert (code, out) == (0, "added     rain-plan\n"), err
    [concept] = read_glossary_file(tmp_path / "glossary" / "t.yaml").concepts
    assert concept.note == "First line.\nSecond line."
    assert fmt == "tmx" or concept.definition == "First line.\nSecond line."


#: One zh-CN 整村推进 of "entire village advancement" in each format, without a concept id.
_ZH_CN_FILES = {
    "in.csv": "concept,lang,term\nx,en,entire village advancement\nx,zh-CN,整村推进\n",
    "in.tbx": _tbx(_entry("x", "entire village advancement", "整村推进")),
    "in.tmx": (
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en" datatype="plaintext" '
        'segtype="phrase" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>'
        '<body><tu><tuv xml:lang="en"><seg>entire village advancement</seg></tuv>'
        '<tuv xml:lang="zh-CN"><seg>整村推进</seg></tuv></tu></body></tmx>\n'
    ),
    "in.po": (
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "entire village advancement"\nmsgstr "整村推进"\n'
    ),
}


def _village_glossary(folder: Path, tag: str, status: str = "approved") -> Path:
    (folder / "glossary").mkdir()
    path = folder / "glossary" / "g.yaml"
    path.write_text(
        f"village-advancement:\n  status: {status}\n  terms:\n    en:\n"
        "      - text: entire village advancement\n        status: preferred\n"
        f"    {tag}:\n      - text: 整村推进\n        status: preferred\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("name", sorted(_ZH_CN_FILES))
@pytest.mark.parametrize("tag", ["zh-Hans", "zh", "zh-Hans-CN"])
def test_a_zh_cn_term_is_the_term_a_concept_holds_under_another_simplified_tag(
    tag: str, name: str, runner: CliRunner, tmp_path: Path
) -> None:
    """zh-CN, zh-Hans, zh-Hans-CN and a Simplified bare zh are one written language: a
    zh-CN 整村推进 is the concept's zh-Hans 整村推进 (it was added again under zh-CN, a
    second preferred term)."""
    path = _village_glossary(tmp_path, tag)
    before = path.read_text(encoding="utf-8")
    (tmp_path / name).write_text(_ZH_CN_FILES[name], encoding="utf-8")
    code, out, err = run(runner, tmp_path, "import", name, "--into", "glossary/g.yaml")
    assert (code, out) == (0, "unchanged village-advancement\n"), err
    assert err.endswith("0 new terms; wrote nothing\n")
    assert path.read_text(encoding="utf-8") == before


def test_a_new_simplified_term_goes_beside_the_concept_s_own_and_regional_tags_stay_apart(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = _village_glossary(tmp_path, "zh-Hans", status="proposed")
    (tmp_path / "in.csv").write_text(
        "concept,lang,term\nx,en,entire village advancement\nx,zh-CN,整村推进\nx,zh-CN,整村扶贫\n"
        "x,zh-SG,整村推进\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, tmp_path, "import", "in.csv", "--into", "glossary/g.yaml")
    assert (code, out) == (0, "updated   village-advancement\n"), err
    concept = read_glossary_file(path).get("village-advancement")
    assert concept is not None
    found = {lang: [(t.text, t.status.value) for t in terms] for lang, terms in concept.terms.items()}
    # (the new term is admitted beside the preferred zh-Hans one; zh-SG usage is its own)
    assert found == {
        "en": [("entire village advancement", "preferred")],
        "zh-Hans": [("整村推进", "preferred"), ("整村扶贫", "admitted")],
        "zh-SG": [("整村推进", "preferred")],
    }


def test_an_entry_is_the_homograph_whose_zh_hans_term_it_has(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "g.yaml").write_text(
        "comment:\n  subject: source code\n  terms:\n    en:\n      - text: comment\n"
        "    zh-Hans:\n      - text: 注释\n\n"
        "comment-2:\n  subject: discussion\n  terms:\n    en:\n      - text: comment\n"
        "    zh-Hans:\n      - text: 评论\n",
        encoding="utf-8",
    )
    (tmp_path / "in.tbx").write_text(_tbx(_entry("c", "comment", "评论")), encoding="utf-8")
    code, out, err = run(runner, tmp_path, "import", "in.tbx", "--into", "glossary/g.yaml")
    assert (code, out) == (0, "unchanged comment-2\n"), err


def test_a_memoq_tmx_of_three_letter_codes_is_english_and_chinese(runner: CliRunner, tmp_path: Path) -> None:
    """memoQ writes ISO 639-2 codes: eng-US is en, zho-CN zh-CN, zho-TW zh-TW and a bare
    chi holding Traditional characters zh-Hant (the unit was imported as nothing)."""
    (tmp_path / "memoq.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="memoQ" '
        'creationtoolversion="9" segtype="phrase" o-tmf="memoQ" adminlang="eng-US" srclang="eng-US" '
        'datatype="plaintext"/>\n<body>\n<tu><tuv xml:lang="eng-US"><seg>Rain Plan</seg></tuv>'
        '<tuv xml:lang="zho-CN"><seg>雨露计划</seg></tuv><tuv xml:lang="zho-TW"><seg>雨露計劃</seg></tuv>'
        '<tuv xml:lang="chi"><seg>雨露計畫</seg></tuv></tu>\n</body></tmx>\n',
        encoding="utf-8",
    )
    code, _out, err = run(runner, tmp_path, "import", "memoq.tmx", "--into", "glossary/new.yaml")
    assert code == 0, err
    concepts = read_glossary_file(tmp_path / "glossary" / "new.yaml").concepts
    assert [{lang: [t.text for t in terms] for lang, terms in c.terms.items()} for c in concepts] == [
        {"en": ["Rain Plan"], "zh-CN": ["雨露计划"], "zh-Hant": ["雨露計畫"], "zh-TW": ["雨露計劃"]}
    ]


def test_a_bare_cmn_side_in_traditional_characters_is_zh_hant(runner: CliRunner, tmp_path: Path) -> None:
    """Mandarin's bare cmn names no script, as a bare zh: a term it holds in Traditional
    characters is zh-Hant (it was taken as zh-CN, and the import failed with
    zh-traditional)."""
    (tmp_path / "cmn.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" srclang="en" '
        'datatype="plaintext"/>\n<body>\n<tu><tuv xml:lang="en"><seg>Rain Plan</seg></tuv>'
        '<tuv xml:lang="cmn"><seg>雨露計劃</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en"><seg>rural road</seg></tuv>'
        '<tuv xml:lang="cmn"><seg>农村公路</seg></tuv></tu>\n</body></tmx>\n',
        encoding="utf-8",
    )
    code, _out, err = run(runner, tmp_path, "import", "cmn.tmx", "--into", "glossary/new.yaml")
    assert code == 0, err
    concepts = read_glossary_file(tmp_path / "glossary" / "new.yaml").concepts
    assert [{lang: [t.text for t in terms] for lang, terms in c.terms.items()} for c in concepts] == [
        {"en": ["Rain Plan"], "zh-Hant": ["雨露計劃"]},
        {"en": ["rural road"], "zh-CN": ["农村公路"]},
    ]
