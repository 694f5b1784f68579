"""What a new user meets first: the README's commands, the examples of every --help,
and the errors of a mistyped command line (one line, no traceback)."""

from __future__ import annotations

import glob
import itertools
import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from termkit.cli.main import COMMANDS, cli
from termkit.cli.output import FORMATS

from conftest import GLOSSARY, ROOT, SEED, SHARED, require_shared

EN_DOC = "Rain Plan\n\nThe plan started in 2011. It trained 35,000 farmers.\n"
ZH_DOC = "雨露计划\n\n该计划于2011年启动。它培训了35000名农民。\n"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    # never a Python exception on its way out: click's own exit, or none
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def all_commands() -> list[tuple[str, click.Command]]:
    """Every command and subcommand, by its name on the command line."""
    ctx = click.Context(cli)
    found = []
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None
        found.append((name, command))
        if isinstance(command, click.Group):
            found += [(f"{name} {sub}", cmd) for sub, cmd in command.commands.items()]
    return found


def example_lines(name: str) -> list[str]:
    code, out, _ = invoke(*name.split(), "--help")
    assert code == 0
    body = out.split("Example:\n", 1)[1].split("\n\n", 1)[0]
    return [line.strip() for line in body.splitlines()]


@pytest.mark.parametrize("name", [name for name, _ in all_commands()])
def test_help_examples_name_glossary_files_the_repository_has(name: str) -> None:
    """`termkit check --format json glossary/poverty.yaml` said "no such file or folder"
    in the repository, whose glossary has no poverty.yaml (--into may name a new file)."""
    for line in example_lines(name):
        words = shlex.split(line)
        for before, word in zip(["", *words], words, strict=False):
            if re.fullmatch(r"glossary/[\w.-]+\.ya?ml", word) and before != "--into":
                assert (ROOT / word).is_file(), f"termkit {name} --help: {line}"


def test_readme_commands_name_files_that_exist_or_are_made_before() -> None:
    """The README ran `align terms ... --terms terms.txt` with no terms.txt anywhere."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n.venv/bin/termkit check", 1)[1].split("```", 1)[0]
    made: set[str] = set()
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if ">" in words:
            made.add(words[words.index(">") + 1])
        for before, word in zip(["", *words], words, strict=False):
            if before == "-o":
                made.add(word)
            elif before == "--terms" or (word.endswith((".txt", ".en", ".zh")) and before != ">"):
                assert word in made or (ROOT / word).is_file(), f"README: {line}"


def test_align_docs_without_output_is_a_usage_error(tmp_path: Path) -> None:
    """click 8.3 took the explicit default=None of the required -o as given: the
    command ran and died of a TypeError traceback."""
    en, zh = tmp_path / "doc.en.txt", tmp_path / "doc.zh.txt"
    en.write_text(EN_DOC, encoding="utf-8")
    zh.write_text(ZH_DOC, encoding="utf-8")
    code, _, err = invoke("align", "docs", str(en), str(zh))
    assert code == 2
    assert "Error: Missing option '-o' / '--output'." in err
    assert "Traceback" not in err


@pytest.mark.parametrize("name", [name for name, _ in all_commands()])
def test_listing_formats_are_named_in_one_order(name: str) -> None:
    """`align terms` and `align pairs` offered [text|jsonl|json|tsv], the others
    [text|json|jsonl|tsv]."""
    command = dict(all_commands())[name]
    for param in command.params:
        if param.name == "fmt" and isinstance(param.type, click.Choice) and "jsonl" in param.type.choices:
            assert tuple(param.type.choices)[: len(FORMATS)] == FORMATS, name


def test_a_text_imported_as_an_omegat_glossary_is_an_error(tmp_path: Path) -> None:
    """A .txt file is read as an OmegaT glossary; a plain text imported "0 added, 0
    updated, 0 unchanged" with exit status 0, as if it had worked."""
    text = tmp_path / "report.txt"
    text.write_text("# notes\n\nThe Rain Plan trains rural labour.\n", encoding="utf-8")
    code, _, err = invoke("import", str(text), "--glossary", str(ROOT / "glossary"), "--dry-run")
    assert code == 1
    assert err.startswith(f"termkit: error: {text}:3:1: not an OmegaT glossary: no line holds a source")
    assert len(err.splitlines()) == 1


def test_an_empty_omegat_glossary_is_still_read(tmp_path: Path) -> None:
    from termkit.formats.glossary_csv import read_omegat

    empty = tmp_path / "empty.txt"
    empty.write_text(
        "# termkit glossary for OmegaT: source<TAB>target<TAB>comment, UTF-8\n\n", encoding="utf-8"
    )
    assert len(read_omegat(empty)) == 0


def test_a_folder_or_a_missing_file_without_extension_is_said_so(tmp_path: Path) -> None:
    """A folder given for a file was "cannot tell the format from the extension"
    (exit 2); it is a folder (exit 1), as in every other command."""
    folder = tmp_path / "memories"
    folder.mkdir()
    memory = tmp_path / "m.tsv"
    memory.write_text("en\tzh-CN\nRain Plan\t雨露计划\n", encoding="utf-8")
    en, zh = tmp_path / "doc.en.txt", tmp_path / "doc.zh.txt"
    en.write_text(EN_DOC, encoding="utf-8")
    zh.write_text(ZH_DOC, encoding="utf-8")
    missing = tmp_path / "nosuch"
    cases = [
        (["import", str(folder), "--dry-run"], f"{folder}: is a directory, not a file"),
        (["convert", str(folder), str(tmp_path / "out.po")], f"{folder}: is a directory, not a file"),
        (["convert", str(memory), str(folder)], f"{folder}: is a directory, not a file"),
        (["align", "docs", str(en), str(zh), "-o", str(folder)], f"{folder}: is a directory, not a file"),
        (["import", str(missing), "--dry-run"], f"{missing}: no such file"),
        (["convert", str(missing), str(tmp_path / "out.po")], f"{missing}: no such file"),
    ]
    for args, message in cases:
        code, _, err = invoke(*args)
        assert (code, err) == (1, f"termkit: error: {message}\n"), args


def test_align_docs_refuses_two_documents_in_one_language(tmp_path: Path) -> None:
    """Both documents in English made a memory whose "zh-CN" side was English."""
    en, zh, out = tmp_path / "doc.en.txt", tmp_path / "doc.zh.txt", tmp_path / "doc.tmx"
    en.write_text(EN_DOC, encoding="utf-8")
    zh.write_text(ZH_DOC, encoding="utf-8")
    other_en, other_zh = tmp_path / "b.en.txt", tmp_path / "b.zh.txt"
    other_en.write_text(EN_DOC, encoding="utf-8")
    other_zh.write_text(ZH_DOC, encoding="utf-8")
    code, _, err = invoke("align", "docs", str(en), str(other_en), "-o", str(out))
    assert (code, err) == (
        1,
        f"termkit: error: {other_en}: no Chinese character, as in {en}: "
        "the second document is the Chinese translation\n",
    )
    code, _, err = invoke("align", "docs", str(zh), str(other_zh), "-o", str(out))
    assert (code, err) == (
        1,
        f"termkit: error: {zh}: in Chinese, as {other_zh} is: the first document is the English one\n",
    )
    assert not out.exists()
    assert invoke("align", "docs", str(en), str(zh), "-o", str(out), "-q")[0] == 0


@pytest.mark.parametrize("option", ["--src-lang", "--tgt-lang"])
def test_lint_refuses_a_malformed_language_tag(tmp_path: Path, option: str) -> None:
    """`lint --src-lang 'zh CN'` checked nothing ("the glossary has no zh cn terms") and
    exited 0; convert refused the same tag (exit 2)."""
    text = tmp_path / "a.txt"
    text.write_text("The Rain Plan trains rural labour.\n", encoding="utf-8")
    code, _, err = invoke("lint", str(text), "--glossary", str(ROOT / "glossary"), option, "zh CN")
    assert (code, err) == (
        2,
        f"termkit: error: {option} 'zh CN' is not a language tag; give a BCP 47 tag such as en, "
        "zh-CN or zh-Hant-TW\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ["check", "-"],
        ["fmt", "--check", "-"],
        ["lint", "TEXT", "-g", "-"],
        ["extract", "TEXT", "--glossary", "-"],
        ["export", "tbx", "--glossary", "-"],
        ["import", "SHEET", "--glossary", "-", "--dry-run"],
    ],
)
def test_standard_input_as_a_glossary_is_said_to_be_none(tmp_path: Path, args: list[str]) -> None:
    """`check -` said "-: no such file or folder", as if a file named '-' were missing;
    `import --glossary -` that too, exit 1."""
    text = tmp_path / "a.txt"
    text.write_text("The Rain Plan trains rural labour.\n", encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("en,zh-CN\nRain Plan,雨露计划\n", encoding="utf-8")
    args = [{"TEXT": str(text), "SHEET": str(sheet)}.get(a, a) for a in args]
    code, _, err = invoke(*args)
    assert (code, err) == (
        2,
        "termkit: error: '-' (standard input) is no glossary: glossaries are read from their files; "
        "name glossary files or folders\n",
    )


def test_a_folder_without_glossary_files_names_both_suffixes(tmp_path: Path) -> None:
    """The error said "(*.yaml)", though a folder's *.yml files are glossary files too."""
    code, _, err = invoke("check", str(tmp_path))
    assert code == 1
    assert err.startswith(f"termkit: error: {tmp_path}: no glossary files (*.yaml, *.yml) found;")


def test_the_code_scanning_example_of_the_lint_guide_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/lint.md's workflow ran `termkit lint ... --fail-on never docs/`: a folder is
    no input of lint ("is a directory, not a file", exit 1), so the job failed."""
    guide = (ROOT / "docs" / "lint.md").read_text(encoding="utf-8")
    line = next(x for x in guide.splitlines() if x.startswith("- run: termkit lint"))
    words = shlex.split(line.removeprefix("- run: termkit "))
    monkeypatch.chdir(ROOT)
    args = []
    for word in words:
        args += sorted(str(p) for p in ROOT.glob(word)) if "*" in word else [word]
    args[args.index("-o") + 1] = str(tmp_path / "termkit.sarif")
    code, _, err = invoke(*args)
    assert code == 0, err
    assert (tmp_path / "termkit.sarif").is_file()


@pytest.mark.parametrize("group", [[], ["align"]])
def test_command_lists_show_whole_sentences(group: list[str]) -> None:
    """`termkit --help`, the first screen, cut five of nine descriptions short
    ("Flag inconsistent use of glossary terms in texts and...")."""
    code, out, _ = invoke(*group, "--help")
    assert code == 0
    listed = out.split("Commands:\n", 1)[1].splitlines()
    assert listed and all(line.endswith(".") and not line.endswith("...") for line in listed), listed


# Every example of every --help, and the README's commands, run as written: in a
# scratch folder holding a copy of the bundled glossary and small files of the names
# the examples give (cut from ../shared), each must exit 0 (`lint` 1 when it reports a
# finding), with no traceback or error line, and write the files it names.

UN_EN = SHARED / "corpora" / "un-v1.0-dev" / "UNv1.0.devset.en"
UN_ZH = SHARED / "corpora" / "un-v1.0-dev" / "UNv1.0.devset.zh"
NEWS_EN = SHARED / "corpora" / "ntrex128-en-zh" / "newstest2019-src.eng.txt"
NEWS_ZH = SHARED / "corpora" / "ntrex128-en-zh" / "newstest2019-ref.zho-CN.txt"

MARKDOWN = """# Rain Plan

The poor villages of the county joined the Rain Plan in 2011.

Impoverished villages got interest subsidy funds.
"""


def _lines(path: Path, n: int) -> str:
    with require_shared(path).open(encoding="utf-8") as f:
        return "".join(next(f) for _ in range(n))


def _scratch(root: Path) -> None:
    """The files the examples name, small, in ``root`` (the current folder)."""
    shutil.copytree(GLOSSARY, root / "glossary")
    en, zh = _lines(UN_EN, 300), _lines(UN_ZH, 300)
    for stem in ("un", "report", "doc"):
        (root / f"{stem}.en").write_text(en, encoding="utf-8")
        (root / f"{stem}.zh").write_text(zh, encoding="utf-8")
    tsv = "".join(f"{e}\t{z}\n" for e, z in zip(en.splitlines(), zh.splitlines(), strict=True))
    (root / "corpus.tsv").write_text(tsv, encoding="utf-8")
    (root / "doc.en.txt").write_text(_lines(UN_EN, 40), encoding="utf-8")
    (root / "doc.zh.txt").write_text(_lines(UN_ZH, 40), encoding="utf-8")
    (root / "report.en.txt").write_text(_lines(NEWS_EN, 12), "utf-8")
    (root / "report.zh.txt").write_text(_lines(NEWS_ZH, 12), "utf-8")
    (root / "outline-zh.txt").write_text(zh, encoding="utf-8")
    (root / "terms.txt").write_text("sustainable development\nhuman rights\n", encoding="utf-8")
    (root / "report.md").write_text(MARKDOWN, encoding="utf-8")
    shutil.copyfile(require_shared(SEED), root / "report.txt")
    (root / "translations").mkdir()
    made = [
        ("convert", "corpus.tsv", "corpus.tmx", "-q"),
        ("convert", "corpus.tsv", "project_save.tmx", "-q"),
        ("convert", "corpus.tsv", "big.tmx", "-q"),
        ("convert", "project_save.tmx", "memory.po", "-q"),
        ("export", "csv", "-o", "review.csv", "-q"),
        ("export", "csv", "-o", "terms.csv", "-q"),
        ("export", "tbx", "-o", "weblate.tbx", "-q"),
        ("export", "po", "-o", "translations.po", "-q"),
        ("export", "po", "-o", "translations/glossary.po", "-q"),
        ("export", "omegat", "--src-lang", "zh-CN", "-o", "glossary.zh-en.txt", "-q"),
    ]
    for args in made:
        code, _out, err = invoke(*args)
        assert code == 0, (args, err)


def _check_example(line: str, where: str) -> None:
    words = shlex.split(line, comments=True)
    assert words[0].endswith("termkit"), f"{where}: {line}"
    args, redirect = words[1:], None
    if ">" in args:
        args, redirect = args[: args.index(">")], args[args.index(">") + 1]
    args = [hit for word in args for hit in (sorted(glob.glob(word)) if "*" in word else [word])]
    code, out, err = invoke(*args)
    allowed = {0, 1} if args[0] == "lint" else {0}
    assert code in allowed, f"{where}: {line}: exit {code}\n{err}"
    assert "termkit: error" not in err and "Traceback" not in err, f"{where}: {line}\n{err}"
    if redirect is not None:
        Path(redirect).write_text(out, encoding="utf-8")
    for before, word in itertools.pairwise(args):
        if before in ("-o", "--output") and word != "-":
            assert Path(word).is_file(), f"{where}: {line}: wrote no {word}"


@pytest.mark.parametrize("name", ["", *(name for name, _ in all_commands())])
def test_every_help_example_runs_as_written(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _scratch(tmp_path)
    for line in example_lines(name):
        _check_example(line, f"termkit {name} --help".replace("  ", " "))


def test_the_readme_commands_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's first commands, from a project folder beside ../shared."""
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "shared").symlink_to(require_shared(SHARED), target_is_directory=True)
    shutil.copytree(GLOSSARY, project / "glossary")
    monkeypatch.chdir(project)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n.venv/bin/termkit check", 1)[1].split("```", 1)[0]
    for line in (".venv/bin/termkit check" + block).splitlines():
        if line.startswith("printf "):
            words = shlex.split(line, comments=True)
            text = words[1].encode().decode("unicode_escape")
            Path(words[words.index(">") + 1]).write_text(text, encoding="utf-8")
        elif line.strip():
            _check_example(line, "README")
