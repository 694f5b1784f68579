"""``termkit export``."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from termkit.cli.main import cli

from termkit.exchange import EXPORT_FORMATS
from termkit.formats.glossary_csv import read_glossary_csv
from termkit.formats.tbx import read_tbx

from .glossary_fixture import run


def test_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    assert "Example:\n    termkit export tbx -o glossary.tbx\n" in result.output


def test_omegat_to_stdout_exactly(runner: CliRunner, project: Path) -> None:
    code, out, err = run(runner, project, "export", "omegat")
    assert code == 0
    assert out == (
        "\ufeff# termkit glossary for OmegaT: source<TAB>target<TAB>comment, UTF-8\n"
        "poverty line\t贫困线\tSubject: poverty alleviation | Income threshold below which a household counts as "
        "poor.\n"
        "poverty threshold\t贫困线\tadmitted term; preferred: poverty line | Subject: poverty alleviation | Income "
        "threshold below which a household counts as poor.\n"
        "Rain Plan\t雨露计划\tSubject: poverty alleviation | Vocational training subsidy programme for the rural poor."
        " | also: 雨露工程 (deprecated)\n"
        "relocation\t易地搬迁\t[proposed]\n"
        "entire village advancement\t整村推进\n"
    )
    assert err == "exported 4 concepts as omegat to stdout\n"


HANT_WARNING = (
    "termkit: warning: 3 zh-Hant terms left out: an OmegaT glossary holds one target language "
    "(zh-CN); tbx, tbx2008, csv and tsv keep them\n"
)


def test_the_omegat_glossary_says_how_many_zh_hant_terms_it_leaves_out(
    runner: CliRunner, hant_project: Path
) -> None:
    code, out, err = run(runner, hant_project, "export", "omegat", "-o", "g.txt")
    assert (code, out) == (0, "")
    assert err == "exported 5 concepts as omegat to g.txt; 1 concept gave no entry\n" + HANT_WARNING
    assert "培訓" not in (hant_project / "g.txt").read_text(encoding="utf-8")
    assert run(runner, hant_project, "export", "omegat", "-o", "g.txt", "-q")[1:] == ("", "")


def test_the_tmx_says_how_many_zh_hant_terms_of_concepts_without_zh_cn_it_leaves_out(
    runner: CliRunner, hant_project: Path
) -> None:
    code, _out, err = run(runner, hant_project, "export", "tmx", "-o", "g.tmx")
    assert code == 0
    assert err.endswith(
        "termkit: warning: 1 zh-Hant term left out: their concepts have no zh-CN term, which a "
        "glossary TMX unit needs; tbx, tbx2008, csv and tsv keep them\n"
    )
    data = (hant_project / "g.tmx").read_bytes()
    assert "雨露培訓".encode() in data and "村辦公室".encode() not in data


TW_CSV = (
    "concept,lang,term\n"
    "network,en,network\nnetwork,zh-CN,网络\nnetwork,zh-TW,網路\n"
    "settings,en,settings\nsettings,zh-Hant,設定\n"
)


@pytest.mark.parametrize(
    ("fmt", "warnings"),
    [
        (
            "tmx",
            "termkit: warning: 1 zh-TW term left out: a glossary TMX holds en, zh-CN and zh-Hant terms "
            "only; tbx, tbx2008, csv and tsv keep them\n"
            "termkit: warning: 1 zh-Hant term left out: their concepts have no zh-CN term, which a "
            "glossary TMX unit needs; tbx, tbx2008, csv and tsv keep them\n",
        ),
        (
            "omegat",
            "termkit: warning: 1 zh-Hant term and 1 zh-TW term left out: an OmegaT glossary holds one "
            "target language (zh-CN); tbx, tbx2008, csv and tsv keep them\n",
        ),
        ("po", ""),
        ("tbx", ""),
    ],
)
def test_every_language_an_export_leaves_out_is_counted_on_stderr(
    fmt: str, warnings: str, runner: CliRunner, tmp_path: Path
) -> None:
    # (the zh-TW term passed check and was left out of the TMX and the OmegaT glossary
    # without a word: only the zh-Hant one was counted)
    (tmp_path / "tw.csv").write_text(TW_CSV, encoding="utf-8")
    assert run(runner, tmp_path, "import", "tw.csv", "--glossary", "g", "--into", "g/t.yaml", "-q")[0] == 0
    assert run(runner, tmp_path, "check", "g", "-q")[0] == 0
    code, out, err = run(runner, tmp_path, "export", fmt, "--glossary", "g", "-o", "out")
    assert (code, out) == (0, "")
    # ("settings" has no zh-CN term: no TMX unit, no OmegaT line; before, "exported 2 concepts")
    summary = "1 concept as {} to out; 1 concept gave no entry" if warnings else "2 concepts as {} to out"
    assert err == "exported " + summary.format(fmt) + "\n" + warnings
    assert ("網路".encode() in (tmp_path / "out").read_bytes()) == (fmt not in ("tmx", "omegat"))


@pytest.mark.parametrize("direction", [[], ["--src-lang", "zh-CN"], ["--tgt-lang", "zh-Hant"]])
def test_the_number_of_concepts_exported_is_the_number_in_the_file(
    direction: list[str], runner: CliRunner, hant_project: Path
) -> None:
    """It counted the concepts handed to the writer: "exported 6 concepts" of a TMX
    that holds 5 (hamlet-office has no zh-CN term, so no unit)."""
    code, _out, err = run(runner, hant_project, "export", "tmx", *direction, "-o", "g.tmx")
    assert code == 0
    held = set(
        re.findall(r'<prop type="x-concept">([^<]+)</prop>', (hant_project / "g.tmx").read_text("utf-8"))
    )
    summary = err.splitlines()[0]
    assert summary.startswith(f"exported {len(held)} concept")
    assert summary.endswith(f"; {6 - len(held)} concept{'s' if 6 - len(held) > 1 else ''} gave no entry")


@pytest.mark.parametrize("fmt", [f for f in EXPORT_FORMATS if f not in ("omegat", "tmx")])
def test_formats_that_keep_zh_hant_terms_say_nothing(fmt: str, runner: CliRunner, hant_project: Path) -> None:
    code, _out, err = run(runner, hant_project, "export", fmt, "-o", f"g.{fmt}")
    assert code == 0
    assert err == f"exported 6 concepts as {fmt} to g.{fmt}\n"
    assert "村辦公室".encode() in (hant_project / f"g.{fmt}").read_bytes()


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_to_a_file(fmt: str, runner: CliRunner, project: Path) -> None:
    code, out, err = run(runner, project, "export", fmt, "-o", f"out/x.{fmt}", "-q")
    assert (code, out, err) == (0, "", "")
    data = (project / "out" / f"x.{fmt}").read_bytes()
    assert data
    assert b"withdrawn" not in data  # rejected concepts stay out


def test_csv_export_reads_back(runner: CliRunner, project: Path) -> None:
    run(runner, project, "export", "csv", "-o", "g.csv")
    glossary = read_glossary_csv(project / "g.csv")
    assert [c.id for c in glossary] == ["poverty-line", "rain-plan", "relocation", "village-advancement"]


def test_tbx_export_reads_back(runner: CliRunner, project: Path) -> None:
    run(runner, project, "export", "tbx2008", "-o", "g.tbx")
    glossary = read_tbx(io.BytesIO((project / "g.tbx").read_bytes()))
    assert glossary.get("rain-plan") is not None


def test_a_glossary_error_stops_the_export(runner: CliRunner, project: Path) -> None:
    bad = project / "glossary" / "bad.yaml"
    bad.write_text("broken:\n  status: approved\n  terms:\n    en:\n      - text: broken\n", encoding="utf-8")
    (project / "old.tbx").write_text("old", encoding="utf-8")
    code, out, err = run(runner, project, "export", "tbx", "-o", "old.tbx")
    assert code == 1
    assert out == ""
    assert err.startswith(
        "termkit: error: glossary/bad.yaml:1:1: approved concept 'broken' has no preferred zh-CN term"
    )
    assert (project / "old.tbx").read_text(encoding="utf-8") == "old"


def test_unknown_format_is_a_usage_error(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(cli, ["export", "xlsx"])
    assert result.exit_code == 2


def test_source_date_epoch_dates_an_export(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")  # 2024-05-01 00:00 UTC
    code, out, _err = run(runner, project, "export", "po")
    assert code == 0
    assert '"PO-Revision-Date: 2024-05-01 00:00+0000\\n"' in out
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    code, out, _err = run(runner, project, "export", "po")
    assert "PO-Revision-Date" not in out


def test_date_with_an_offset_is_written_in_utc(runner: CliRunner, project: Path) -> None:
    """TMX dates are UTC (the Z): 10:00 at +08:00 is 02:00Z; PO keeps the offset as given."""
    code, out, _err = run(runner, project, "export", "tmx", "--date", "2024-05-01T10:00:00+08:00")
    assert code == 0
    assert 'creationdate="20240501T020000Z"' in out
    code, out, _err = run(runner, project, "export", "tmx", "--date", "2024-05-01T01:30:00-05:00")
    assert 'creationdate="20240501T063000Z"' in out
    code, out, _err = run(runner, project, "export", "tmx", "--date", "2024-05-01T10:00:00")
    assert 'creationdate="20240501T100000Z"' in out  # no offset: UTC
    code, out, _err = run(runner, project, "export", "po", "--date", "2024-05-01T10:00:00+08:00")
    assert '"PO-Revision-Date: 2024-05-01 10:00+0800\\n"' in out


def test_bad_date_is_refused(runner: CliRunner, project: Path) -> None:
    code, _out, err = run(runner, project, "export", "po", "--date", "yesterday")
    assert code == 2
    assert "--date 'yesterday' is not an ISO date" in err


@pytest.mark.parametrize(
    "field",
    [
        'subject: "rural\\x01development"',
        'provenance: "\\uFFFE"',
        'sources:\n    - document: "doc\\x02"',
        'definition: "Plan\\uFFFF"',
    ],
)
def test_a_character_xml_cannot_hold_is_a_check_error_at_its_field(
    runner: CliRunner, tmp_path: Path, field: str
) -> None:
    """check passed it, then every XML export failed with an error naming no file
    ("concept 'rain-plan' subject: character U+0001 at offset 5 cannot be written in XML")."""
    folder = tmp_path / "g"
    folder.mkdir()
    path = folder / "a.yaml"
    path.write_text(
        f"rain-plan:\n  status: approved\n  {field}\n  terms:\n    en:\n      - text: Rain Plan\n"
        "    zh-CN:\n      - text: 雨露计划\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.tbx"
    out.write_text("old\n", encoding="utf-8")
    result = runner.invoke(cli, ["export", "tbx", "--glossary", str(folder), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith((f"termkit: error: {path}:3:", f"termkit: error: {path}:4:5:"))
    assert "[control-char]" in result.stderr
    assert out.read_text(encoding="utf-8") == "old\n"


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_carries_both_homographs(fmt: str, runner: CliRunner, homograph_project: Path) -> None:
    """Two concepts named "comment", told apart by subject: each is exported with its
    own translation (and, where the format has them, its id and subject)."""
    code, out, err = run(runner, homograph_project, "export", fmt, "-q")
    assert (code, err) == (0, "")
    assert "注释" in out and "评论" in out
    if fmt == "omegat":  # (one row per English term, no id nor subject)
        assert "comment\t注释\t" in out and "comment\t评论\t" in out and "remark\t评论\t" in out
        return
    assert "source code" in out and "discussion" in out
    if fmt == "po":
        assert 'msgctxt "comment"\nmsgid "comment"\nmsgstr "注释"' in out
        assert 'msgctxt "comment-2"\nmsgid "comment"\nmsgstr "评论"' in out
    else:
        assert "comment-2" in out
