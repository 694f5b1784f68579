"""``-o`` never replaces what the command reads: an input file, or a glossary file of a
folder it reads, is refused before anything is read or written (exit 2, one line)."""

from __future__ import annotations

import os
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from termkit.cli.main import COMMANDS, cli

from .glossary_fixture import make_glossary, run

EN = "The Rain Plan trains rural labors.\nThe Rain Plan supports key counties.\n"
ZH = "雨露计划培训农村劳动力。\n雨露计划支持重点县。\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    make_glossary(tmp_path)
    (tmp_path / "doc.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "doc.zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "terms.txt").write_text("Rain Plan\n", encoding="utf-8")
    (tmp_path / "termkit.toml").write_text('glossary = "glossary"\n', encoding="utf-8")
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def refusal(output: str, what: str) -> str:
    return (
        f"termkit: error: {output}: -o names {what}; the output would replace it, so nothing was "
        "written: give another output path\n"
    )


INPUT = "an input of this command"
GLOSSARY = "a glossary file that this command reads (in glossary)"


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["check", "glossary/poverty.yaml", "-o", "glossary/poverty.yaml"], INPUT),
        (["check", "-o", "glossary/rural.yaml"], GLOSSARY),  # the default glossary/
        (["check", "glossary", "--format", "json", "-o", "glossary/rural.yaml"], GLOSSARY),
        (["check", "--list-rules", "glossary/rural.yaml", "-o", "glossary/rural.yaml"], INPUT),
        (["export", "tmx", "-o", "glossary/poverty.yaml"], GLOSSARY),
        (["export", "csv", "--glossary", "glossary/rural.yaml", "-o", "glossary/rural.yaml"], INPUT),
        (["extract", "doc.txt", "-q", "-o", "doc.txt"], INPUT),
        (["extract", "doc.txt", "--lang", "en", "-o", "glossary/rural.yaml"], GLOSSARY),
        (["extract", "doc.txt", "--into", "new.yaml", "-o", "new.yaml"], INPUT),  # not there yet
        (["lint", "doc.txt", "-o", "doc.txt"], INPUT),
        # the glossary termkit.toml names, and termkit.toml itself (paths made absolute there)
        (
            ["lint", "doc.txt", "-o", "glossary/poverty.yaml"],
            GLOSSARY.replace("in glossary", "in {root}/glossary"),
        ),
        (["lint", "doc.txt", "-o", "termkit.toml"], "the same file as the input {root}/termkit.toml"),
        (["lint", "--src", "doc.txt", "--tgt", "doc.zh.txt", "-o", "doc.zh.txt"], INPUT),
        (["align", "docs", "doc.txt", "doc.zh.txt", "-o", "doc.txt"], INPUT),
        (["align", "docs", "doc.txt", "doc.zh.txt", "-o", "doc.zh.txt"], INPUT),
        (
            [
                "align",
                "terms",
                "--src",
                "doc.txt",
                "--tgt",
                "doc.zh.txt",
                "--terms",
                "terms.txt",
                "-o",
                "terms.txt",
            ],
            INPUT,
        ),
        (["align", "pairs", "--src", "doc.txt", "--tgt", "doc.zh.txt", "-o", "doc.zh.txt"], INPUT),
        (
            [
                "align",
                "pairs",
                "--src",
                "doc.txt",
                "--tgt",
                "doc.zh.txt",
                "--glossary",
                "glossary",
                "-o",
                "glossary/rural.yaml",
            ],
            GLOSSARY,
        ),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_an_output_that_is_an_input_is_refused(
    runner: CliRunner, project: Path, args: list[str], what: str
) -> None:
    before = snapshot(project)
    code, out, err = run(runner, project, *args)
    assert (code, out, err) == (2, "", refusal(args[-1], what.format(root=project.resolve())))
    assert snapshot(project) == before


def test_another_spelling_or_a_link_of_an_input_is_refused(runner: CliRunner, project: Path) -> None:
    before = snapshot(project)
    code, _, err = run(runner, project, "extract", "doc.txt", "-o", "./glossary/../doc.txt")
    assert (code, err) == (2, refusal("./glossary/../doc.txt", "the same file as the input doc.txt"))
    os.symlink("doc.txt", project / "link.txt")
    os.link(project / "doc.zh.txt", project / "hard.txt")
    before = snapshot(project)
    code, _, err = run(runner, project, "extract", "doc.txt", "-o", "link.txt")
    assert (code, err) == (2, refusal("link.txt", "the same file as the input doc.txt"))
    code, _, err = run(runner, project, "align", "docs", "doc.txt", "doc.zh.txt", "-o", "hard.txt")
    assert (code, err) == (2, refusal("hard.txt", "the same file as the input doc.zh.txt"))
    code, _, err = run(runner, project, "check", str(project / "glossary"), "-o", "glossary//rural.yaml")
    assert (code, err) == (
        2,
        refusal("glossary//rural.yaml", GLOSSARY.replace("glossary)", f"{project / 'glossary'})")),
    )
    assert snapshot(project) == before


@pytest.mark.parametrize(
    "args",
    [
        ["check", "-o", "glossary/report.txt"],  # a file of the folder that is no glossary file
        ["export", "tmx", "-o", "/dev/null"],
        ["export", "tmx", "--glossary", "glossary", "-o", "-"],
        ["extract", "doc.txt", "--lang", "en", "-q", "-o", "doc.txt.terms"],
    ],
)
def test_an_output_that_is_no_input_is_written(runner: CliRunner, project: Path, args: list[str]) -> None:
    (project / "glossary" / "report.txt").write_text("an old report\n", encoding="utf-8")
    code, _, err = run(runner, project, *args)
    assert code == 0, err


def test_convert_still_rewrites_a_memory_in_place(runner: CliRunner, tmp_path: Path) -> None:
    """convert's OUT is no -o: a memory converted onto itself is rewritten atomically
    from units already streamed out of the old file."""
    memory = tmp_path / "m.tsv"
    memory.write_text("en\tzh-CN\nRain Plan\t雨露计划\n", encoding="utf-8")
    code, _, err = run(runner, tmp_path, "convert", "m.tsv", "m.tsv", "-q")
    assert (code, err) == (0, "")
    assert memory.read_text(encoding="utf-8") == "en\tzh-CN\nRain Plan\t雨露计划\n"


@pytest.mark.parametrize("out", ["glossary/m.yaml", "glossary/poverty.yaml"])
def test_convert_writes_no_yaml_file_into_the_glossary_folder(
    runner: CliRunner, project: Path, out: str
) -> None:
    """``convert m.tsv glossary/m.yaml --to tsv`` wrote a TSV memory where every later
    command loads glossary files (and then failed to read it), or over one."""
    (project / "m.tsv").write_text("en\tzh-CN\nRain Plan\t雨露计划\n", encoding="utf-8")
    before = snapshot(project)
    code, _, err = run(runner, project, "convert", "m.tsv", out, "--to", "tsv")
    assert code == 2
    assert err.startswith(
        f"termkit: error: {out}: OUT names a *.yaml/*.yml file in the glossary folder glossary:"
    )
    assert snapshot(project) == before
    # a YAML name elsewhere is the user's choice
    assert run(runner, project, "convert", "m.tsv", "m.yaml", "--to", "tsv", "-q")[0] == 0


def _commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(cli)
    found: list[tuple[str, click.Command]] = []
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            found.extend((f"{name} {sub}", cmd) for sub, cmd in command.commands.items())
        else:
            found.append((name, command))
    return found


def test_every_path_a_command_with_an_output_reads_is_an_input_path() -> None:
    """The refusal knows a command's inputs by their type: a new path parameter of a
    command with -o that is a plain click.Path would escape it."""
    from termkit.cli.output import InputPath

    for name, command in _commands():
        names = {p.name for p in command.params}
        if "output" not in names:
            continue
        for param in command.params:
            if param.name != "output" and isinstance(param.type, click.Path):
                assert isinstance(param.type, InputPath), f"{name} {param.name}"


@pytest.mark.parametrize("output", ["glossary/export.yaml", "glossary/sub/export.yml"])
def test_a_new_glossary_file_in_the_glossary_folder_is_refused(
    runner: CliRunner, project: Path, output: str
) -> None:
    """``export tbx -o glossary/x.yaml`` wrote a TBX file that every later command then
    read as a broken glossary file."""
    before = snapshot(project)
    code, out, err = run(runner, project, "export", "tbx", "-o", output)
    assert (code, out) == (2, "")
    assert err.startswith(
        f"termkit: error: {output}: -o names a new *.yaml/*.yml file in the glossary folder"
    )
    assert snapshot(project) == before
    assert run(runner, project, "export", "tbx", "-o", "glossary/export.tbx", "-q")[0] == 0


def test_a_new_glossary_file_reached_through_a_link_is_refused(runner: CliRunner, project: Path) -> None:
    """``link/../x.yaml``, ``link`` a link to a subfolder of the glossary, is the
    glossary's x.yaml (the link is followed before ``..``): it was written, and every
    later command failed on it.  A file written through a link into the glossary is
    refused too; ``glossary/.yaml`` is no file the folder loads (no suffix)."""
    (project / "glossary" / "sub").mkdir()
    os.symlink("glossary/sub", project / "link")
    os.symlink("glossary/real.yaml", project / "out.txt")  # (dangling: written through)
    before = snapshot(project)
    for output in ("link/../x.yaml", "out.txt"):
        code, out, err = run(runner, project, "export", "tbx", "-o", output)
        assert (code, out) == (2, ""), output
        assert err.startswith(f"termkit: error: {output}: -o names a new *.yaml/*.yml file in the glossary")
    assert snapshot(project) == before
    assert run(runner, project, "export", "tbx", "-q", "-o", "glossary/.yaml")[0] == 0
    assert run(runner, project, "check", "glossary")[0] == 0


def in_folder_of(output: str, what: str, folder: str, member: str) -> str:
    return (
        f"termkit: error: {output}: -o names {what} in the glossary folder {folder} of the glossary "
        f"file {member}: every later command that loads the folder would read it as a glossary file, "
        "so nothing was written; give another output path (outside the folder, or with its "
        "format's extension)\n"
    )


NEW = "a new *.yaml/*.yml file"


@pytest.mark.parametrize(
    ("args", "what"),
    [
        # it was written: a CSV that every later command read as a broken glossary file
        (["export", "csv", "--glossary", "glossary/rural.yaml", "-o", "glossary/review.yaml"], NEW),
        # ... or, worse, a glossary file of the folder replaced by the CSV
        (["check", "glossary/poverty.yaml", "-o", "glossary/rural.yaml"], "a glossary file"),
        (["check", "glossary/poverty.yaml", "-o", "glossary/report.yaml"], NEW),
        (
            ["export", "csv", "--glossary", "glossary/rural.yaml", "-o", "glossary/poverty.yaml"],
            "a glossary file",
        ),
        (["lint", "doc.txt", "-g", "glossary/rural.yaml", "-o", "glossary/sub/x.yml"], NEW),
        (["extract", "doc.txt", "--glossary", "glossary/rural.yaml", "-o", "glossary/x.yaml"], NEW),
        (
            [
                "align",
                "pairs",
                "--src",
                "doc.txt",
                "--tgt",
                "doc.zh.txt",
                "--glossary",
                "glossary/rural.yaml",
                "-o",
                "glossary/x.yaml",
            ],
            NEW,
        ),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_an_output_in_the_glossary_folder_of_a_glossary_file_is_refused(
    runner: CliRunner, project: Path, args: list[str], what: str
) -> None:
    before = snapshot(project)
    code, out, err = run(runner, project, *args)
    flag = next((f for f in ("-g", "--glossary") if f in args), None)
    member = args[args.index(flag) + 1] if flag else args[1]  # (check's PATHS)
    assert (code, out, err) == (2, "", in_folder_of(args[-1], what, "glossary", member))
    assert snapshot(project) == before


def test_a_glossary_folder_is_one_named_glossary_or_holding_other_glossary_files(
    runner: CliRunner, project: Path
) -> None:
    terms = project / "terms"
    terms.mkdir()
    (terms / "a.yaml").write_text((project / "glossary" / "rural.yaml").read_text(encoding="utf-8"))
    # terms/ holds one glossary file, the one read: no glossary folder, the output is written
    args = ["export", "csv", "--glossary", "terms/a.yaml", "-q", "-o"]
    assert run(runner, project, *args, "terms/out.yaml") == (0, "", "")
    # (and now it holds two: the folder is a glossary folder)
    code, _, err = run(runner, project, *args, "terms/out2.yaml")
    assert (code, err) == (2, in_folder_of("terms/out2.yaml", NEW, "terms", "terms/a.yaml"))
    # a glossary file in a folder of its own, as in a project root: anything beside it
    (project / "mine.yaml").write_text((project / "glossary" / "rural.yaml").read_text(encoding="utf-8"))
    assert run(runner, project, "export", "csv", "--glossary", "mine.yaml", "-q", "-o", "out.yaml")[0] == 0


@pytest.mark.parametrize("output", ["glossary/review.csv", "review.yaml", "-", "/dev/null", "glossary/.yaml"])
def test_other_outputs_beside_a_glossary_file_are_written(
    runner: CliRunner, project: Path, output: str
) -> None:
    code, _, err = run(
        runner, project, "export", "csv", "--glossary", "glossary/rural.yaml", "-q", "-o", output
    )
    assert code == 0, err
    assert run(runner, project, "check", "glossary", "-q")[0] == 0
