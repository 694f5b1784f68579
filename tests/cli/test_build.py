"""``termkit build``: check, then regenerate tmx/ byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import termkit.cli.build
from click.testing import CliRunner
from lxml import etree
from termkit.cli.main import cli

from termkit import textio
from termkit.errors import FormatError
from termkit.exchange import BUILD_FILES
from termkit.model import Glossary

from .glossary_fixture import HANT_YAML, HOMOGRAPHS_YAML, run

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "formats" / "schema"


def build(runner: CliRunner, project: Path, *args: str) -> tuple[int, str, str]:
    return run(runner, project, "build", *args)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["build", "--help"])
    assert result.exit_code == 0
    assert "Example:\n    termkit build\n" in result.output


def test_build_writes_every_file_then_nothing_changes(runner: CliRunner, project: Path) -> None:
    code, out, err = build(runner, project)
    assert code == 0
    assert out == "".join(f"written   tmx/{name}\n" for name, _ in BUILD_FILES)
    assert err == "4 concepts; 7 files written, 0 unchanged\n"
    first = snapshot(project / "tmx")
    assert sorted(first) == sorted(name for name, _ in BUILD_FILES)
    mtimes = {p.name: p.stat().st_mtime_ns for p in (project / "tmx").iterdir()}
    code, out, err = build(runner, project)
    assert code == 0
    assert out == "".join(f"unchanged tmx/{name}\n" for name, _ in BUILD_FILES)
    assert snapshot(project / "tmx") == first
    assert {p.name: p.stat().st_mtime_ns for p in (project / "tmx").iterdir()} == mtimes


def test_build_says_which_file_leaves_zh_hant_terms_out(runner: CliRunner, hant_project: Path) -> None:
    code, out, err = build(runner, hant_project)
    assert code == 0
    assert out == "".join(f"written   tmx/{name}\n" for name, _ in BUILD_FILES)
    assert err == (
        "termkit: warning: tmx/glossary.tmx: 1 zh-Hant term left out: their concepts have no zh-CN "
        "term, which a glossary TMX unit needs; glossary.tbx, glossary.2008.tbx and glossary.csv keep them\n"
        "termkit: warning: tmx/glossary.omegat.txt: 3 zh-Hant terms left out: an OmegaT glossary "
        "holds one target language (zh-CN); glossary.tbx, glossary.2008.tbx and glossary.csv keep them\n"
        "termkit: warning: tmx/glossary.zh-en.omegat.txt: 3 zh-Hant terms left out: an OmegaT glossary "
        "holds one source language (zh-CN); glossary.tbx, glossary.2008.tbx and glossary.csv keep them\n"
        "termkit: warning: tmx/glossary.zh-en.omegat.txt: 1 en term left out: their concepts have no zh-CN "
        "term, which an OmegaT glossary line needs; glossary.tbx, glossary.2008.tbx and glossary.csv keep them\n"
        "6 concepts; 7 files written, 0 unchanged\n"
    )
    assert build(runner, hant_project, "-q")[2] == ""


def test_rebuild_from_scratch_is_byte_identical(
    runner: CliRunner, project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    build(runner, project)
    first = snapshot(project / "tmx")
    shutil.rmtree(project / "tmx")
    other = tmp_path_factory.mktemp("copy")
    shutil.copytree(project / "glossary", other / "glossary")
    build(runner, other)
    assert snapshot(other / "tmx") == first
    assert b"2024" not in b"".join(first.values())


def test_date_only_when_asked(runner: CliRunner, project: Path) -> None:
    build(runner, project, "--date", "2024-05-01", "-q")
    tmx = (project / "tmx" / "glossary.tmx").read_text(encoding="utf-8")
    po = (project / "tmx" / "glossary.zh_CN.po").read_text(encoding="utf-8")
    assert 'creationdate="20240501T000000Z"' in tmx
    assert '"PO-Revision-Date: 2024-05-01 00:00+0000\\n"' in po


def test_source_date_epoch_dates_the_headers(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")  # 2024-05-01 00:00 UTC
    code, _out, _err = build(runner, project, "-q")
    assert code == 0
    tmx = (project / "tmx" / "glossary.tmx").read_text(encoding="utf-8")
    po = (project / "tmx" / "glossary.zh_CN.po").read_text(encoding="utf-8")
    assert 'creationdate="20240501T000000Z"' in tmx
    assert '"PO-Revision-Date: 2024-05-01 00:00+0000\\n"' in po
    # --date wins over the environment
    build(runner, project, "-q", "--date", "2023-01-02")
    assert "2023-01-02 00:00+0000" in (project / "tmx" / "glossary.zh_CN.po").read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code, _out, err = build(runner, project, "-q")
    assert code == 2
    assert (
        err
        == "termkit: error: SOURCE_DATE_EPOCH='yesterday' is not a number of seconds since 1970-01-01 UTC\n"
    )


def test_check_errors_stop_the_build_and_leave_old_files(runner: CliRunner, project: Path) -> None:
    build(runner, project)
    before = snapshot(project / "tmx")
    poverty = project / "glossary" / "poverty.yaml"
    poverty.write_text(poverty.read_text(encoding="utf-8").replace("贫困线", "貧困線"), encoding="utf-8")
    code, out, err = build(runner, project)
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "glossary/poverty.yaml:13:9: error: Traditional '貧線' in zh-CN term '貧困線'; "
        "write '贫困线' [zh-traditional]",
        "termkit build: 1 error in the glossary; nothing was written",
    ]
    assert snapshot(project / "tmx") == before


def test_quiet_drops_check_warnings_but_not_errors(runner: CliRunner, project: Path) -> None:
    rural = project / "glossary" / "rural.yaml"
    zh = "      - text: 整村推进\n        status: preferred\n"
    also = zh + "      - text: 易地搬迁\n        status: admitted\n"  # a term of 'relocation' too
    rural.write_text(rural.read_text(encoding="utf-8").replace(zh, also), encoding="utf-8")
    code, out, err = build(runner, project)
    assert code == 0 and out.count("written") == len(BUILD_FILES)
    assert err.splitlines()[0].startswith(
        "glossary/rural.yaml:10:9: warning: '易地搬迁' (zh-CN) is also a term"
    )
    code, out, err = build(runner, project, "--quiet")
    assert (code, err) == (0, "") and out.count("unchanged") == len(BUILD_FILES)
    # An error is still printed, with the line that says nothing was written.
    rural.write_text(rural.read_text(encoding="utf-8").replace("整村推进", "整村推進"), encoding="utf-8")
    code, out, err = build(runner, project, "--quiet")
    assert (code, out) == (1, "")
    assert [line.split(": ")[1] for line in err.splitlines()] == [
        "error",
        "1 error in the glossary; nothing was written",
    ]


def test_a_format_failure_writes_nothing(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(runner, project)
    before = snapshot(project / "tmx")
    rural = project / "glossary" / "rural.yaml"
    real = termkit.cli.build.export_bytes

    def fail_on_po(glossary: Glossary, fmt: str, when: object, *langs: str) -> bytes:
        if fmt == "po":  # the fourth file: three were generated before it
            raise FormatError("unit 1 (id 'bell'): this format cannot hold it", "glossary.zh_CN.po")
        return real(glossary, fmt, when, *langs)  # type: ignore[arg-type]

    monkeypatch.setattr(termkit.cli.build, "export_bytes", fail_on_po)
    rural.write_text(rural.read_text(encoding="utf-8").replace("rural", "Rural", 1), encoding="utf-8")
    code, out, err = build(runner, project)
    assert code == 1
    assert err == "termkit: error: glossary.zh_CN.po: unit 1 (id 'bell'): this format cannot hold it\n"
    assert out == ""
    assert snapshot(project / "tmx") == before


def test_a_file_that_cannot_be_written_leaves_every_file_as_it_was(runner: CliRunner, project: Path) -> None:
    """The files are replaced together: a fifth output that is a folder used to stop
    the build after the first four were replaced, leaving tmx/ half old, half new."""
    build(runner, project)
    fifth = project / "tmx" / BUILD_FILES[4][0]
    fifth.unlink()
    fifth.mkdir()
    files = {p.name: p.read_bytes() for p in sorted((project / "tmx").iterdir()) if p.is_file()}
    rural = project / "glossary" / "rural.yaml"
    rural.write_text(rural.read_text(encoding="utf-8").replace("rural", "Rural", 1), encoding="utf-8")
    code, out, err = build(runner, project)
    assert code == 1
    assert err == f"termkit: error: tmx/{fifth.name}: cannot write: it is a folder; remove or rename it\n"
    assert out == ""
    assert {p.name: p.read_bytes() for p in (project / "tmx").iterdir() if p.is_file()} == files
    assert len(list((project / "tmx").iterdir())) == len(BUILD_FILES)  # (no temporary file left)


def test_a_control_character_is_refused_before_writing(runner: CliRunner, project: Path) -> None:
    build(runner, project)
    before = snapshot(project / "tmx")
    rural = project / "glossary" / "rural.yaml"
    rural.write_text(
        rural.read_text(encoding="utf-8") + 'bell:\n  note: "ring \\x07"\n  terms:\n    en:\n'
        "      - text: bell\n",
        encoding="utf-8",
    )
    code, out, err = build(runner, project)
    assert code == 1
    assert "control character U+0007" in err and "[control-char]" in err
    assert out == ""
    assert snapshot(project / "tmx") == before


def test_missing_glossary_folder(runner: CliRunner, tmp_path: Path) -> None:
    code, _out, err = build(runner, tmp_path)
    assert code == 1
    assert err == "termkit: error: glossary: no such file or folder\n"


def test_an_empty_glossary_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    code, out, err = build(runner, tmp_path)
    assert code == 1
    assert out == ""
    assert err.startswith("termkit: error: glossary: no glossary files (*.yaml, *.yml) found")
    assert not (tmp_path / "tmx").exists()
    (tmp_path / "glossary" / "g.yaml").write_text("", encoding="utf-8")
    code, out, err = build(runner, tmp_path)
    assert (code, out) == (1, "")
    assert err.startswith("termkit: error: glossary: no concepts to export")
    assert not (tmp_path / "tmx").exists()


@pytest.mark.external
@pytest.mark.parametrize(("with_hant", "homographs"), [(False, False), (True, False), (False, True)])
def test_built_files_pass_their_validators(
    runner: CliRunner, project: Path, with_hant: bool, homographs: bool
) -> None:
    if with_hant:  # zh-Hant terms: a further <tuv> in the TMX, a further language section in the TBX
        (project / "glossary" / "hant.yaml").write_text(HANT_YAML, encoding="utf-8")
    if homographs:  # two concepts with one preferred English term: a msgctxt in the PO
        (project / "glossary" / "homographs.yaml").write_text(HOMOGRAPHS_YAML, encoding="utf-8")
    build(runner, project, "--date", "2024-05-01")
    out = project / "tmx"
    assert (b'xml:lang="zh-Hant"' in (out / "glossary.tmx").read_bytes()) is with_hant
    tmx_dtd = etree.DTD(str(SHARED / "tmx" / "tmx14.dtd"))
    assert tmx_dtd.validate(etree.parse(str(out / "glossary.tmx")))
    for schema in ("core/TBXcoreStructV03.rng", "basic/TBXcoreStructV03_TBX-Basic_integrated.rng"):
        rng = etree.RelaxNG(etree.parse(str(SHARED / "tbx-v3" / schema)))
        assert rng.validate(etree.parse(str(out / "glossary.tbx"))), (schema, rng.error_log)
    tbx_dtd = etree.DTD(str(SHARED / "tbx-v2" / "basic" / "TBXBasiccoreStructV02.dtd"))
    assert tbx_dtd.validate(etree.parse(str(out / "glossary.2008.tbx")))
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt not found: install gettext"
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(out / "glossary.zh_CN.po")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    po = (out / "glossary.zh_CN.po").read_text(encoding="utf-8")
    assert (po.count('msgctxt "comment') == 2) is homographs


#: ``termkit build`` in a process that is killed (SIGKILL) as it replaces its second file.
KILLED_BUILD = """
import os, signal, sys
import termkit.textio
replace, done = os.replace, []
def replace_then_die(src, dst):
    done.append(dst)
    if len(done) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    replace(src, dst)
termkit.textio.os.replace = replace_then_die
from termkit.cli.main import main
sys.argv = ["termkit", "build", "-q"]
main()
"""


def test_a_build_cleans_up_after_a_build_that_was_killed(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build killed while it replaced the files (textio.write_files_atomic) left its
    temporary files and links to the old ones in tmx/ (``.glossary.csv.4506.old.tmp``,
    ``.glossary.csv.0jkga2qc.tmp``) for good; the next build removes them, and nothing else."""
    monkeypatch.setattr(textio, "STALE_AFTER", 0.0)  # (not minutes later: now)
    assert build(runner, project, "-q")[0] == 0
    out = project / "tmx"
    (out / ".notes.txt").write_text("mine", encoding="utf-8")
    poverty = project / "glossary" / "poverty.yaml"
    poverty.write_text(poverty.read_text(encoding="utf-8").replace("Vocational", "A vocational"), "utf-8")
    killed = subprocess.run([sys.executable, "-c", KILLED_BUILD], cwd=project, check=False)
    assert killed.returncode == -9
    assert any(p.name.endswith(".old.tmp") for p in out.iterdir())
    assert build(runner, project, "-q")[0] == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([".notes.txt", *(name for name, _ in BUILD_FILES)])
    # (and when the killed build's files were all unchanged by the next one, too)
    poverty.write_text(poverty.read_text(encoding="utf-8").replace("A vocational", "Vocational"), "utf-8")
    assert subprocess.run([sys.executable, "-c", KILLED_BUILD], cwd=project, check=False).returncode == -9
    poverty.write_text(poverty.read_text(encoding="utf-8").replace("Vocational", "A vocational"), "utf-8")
    assert build(runner, project, "-q")[0] == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([".notes.txt", *(name for name, _ in BUILD_FILES)])
