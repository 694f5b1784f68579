"""``termkit export --src-lang zh-CN``: the glossary for translating Chinese into English."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from .glossary_fixture import run


def test_omegat_zh_en_to_stdout_exactly(runner: CliRunner, project: Path) -> None:
    code, out, err = run(runner, project, "export", "omegat", "--src-lang", "zh-CN")
    assert code == 0
    assert out == (
        "\ufeff# termkit glossary for OmegaT (zh-CN to en): source<TAB>target<TAB>comment, UTF-8\n"
        "贫困线\tpoverty line\tSubject: poverty alleviation | Income threshold below which a household counts as "
        "poor. | also: poverty threshold (admitted)\n"
        # (雨露工程 is deprecated: no line of its own)
        "雨露计划\tRain Plan\tSubject: poverty alleviation | Vocational training subsidy programme for the rural poor.\n"
        "易地搬迁\trelocation\t[proposed]\n"
        "整村推进\tentire village advancement\n"
    )
    assert err == "exported 4 concepts as omegat to stdout\n"
    assert run(runner, project, "export", "omegat", "--tgt-lang", "en")[1] == out


@pytest.mark.parametrize("fmt", ["omegat", "po", "tmx"])
def test_importing_a_zh_en_export_changes_nothing(runner: CliRunner, project: Path, fmt: str) -> None:
    name = {"omegat": "g.txt", "po": "g.po", "tmx": "g.tmx"}[fmt]
    assert run(runner, project, "export", fmt, "--src-lang", "zh-CN", "-o", name)[0] == 0
    code, out, err = run(runner, project, "import", name, "--dry-run")
    assert code == 0
    assert out == (
        "unchanged poverty-line\nunchanged rain-plan\nunchanged relocation\nunchanged village-advancement\n"
    )
    assert err == "0 added, 0 updated, 4 unchanged; 0 new terms; would write nothing\n"


def test_zh_en_exports_say_what_they_leave_out(runner: CliRunner, hant_project: Path) -> None:
    code, out, err = run(runner, hant_project, "export", "omegat", "--src-lang", "zh-CN", "-o", "g.txt")
    assert (code, out) == (0, "")
    assert err == (
        "exported 5 concepts as omegat to g.txt; 1 concept gave no entry\n"
        "termkit: warning: 3 zh-Hant terms left out: an OmegaT glossary holds one source language (zh-CN); "
        "tbx, tbx2008, csv and tsv keep them\n"
        "termkit: warning: 1 en term left out: their concepts have no zh-CN term, which an OmegaT glossary "
        "line needs; tbx, tbx2008, csv and tsv keep them\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["tbx", "--src-lang", "zh-CN"],
            "--src-lang: tbx has no direction (it holds every language of a concept); "
            "--src-lang and --tgt-lang apply to tmx, po, omegat",
        ),
        (
            ["csv", "--tgt-lang", "en"],
            "--tgt-lang: csv has no direction (it holds every language of a concept); "
            "--src-lang and --tgt-lang apply to tmx, po, omegat",
        ),
        (
            ["omegat", "--src-lang", "zh-CN", "--tgt-lang", "zh-Hant"],
            "--src-lang zh-CN --tgt-lang zh-Hant: one language must be en and the other zh-CN or zh-Hant",
        ),
        (
            ["po", "--src-lang", "en", "--tgt-lang", "en"],
            "--src-lang en --tgt-lang en: one language must be en",
        ),
    ],
)
def test_a_direction_that_cannot_be_is_a_usage_error(
    runner: CliRunner, project: Path, args: list[str], message: str
) -> None:
    code, out, err = run(runner, project, "export", *args, "-o", "out")
    assert (code, out) == (2, "")
    assert err.startswith(f"termkit: error: {message}") and err.count("\n") == 1
    assert not (project / "out").exists()


def test_a_zh_en_omegat_glossary_imported_anew_names_its_concepts_in_english(
    runner: CliRunner, project: Path, tmp_path: Path
) -> None:
    """Concepts read from a zh→en OmegaT glossary were named by a hash of their Chinese
    source term (``term-54800907``); an English term names them now, as it does the
    concepts of an en→zh one."""
    assert (
        run(runner, project, "export", "omegat", "--src-lang", "zh-CN", "-o", str(tmp_path / "g.txt"))[0] == 0
    )
    fresh = tmp_path / "fresh"
    (fresh / "glossary").mkdir(parents=True)
    (fresh / "glossary" / "new.yaml").write_text("# imported\n", encoding="utf-8")
    code, out, _err = run(runner, fresh, "import", str(tmp_path / "g.txt"), "--into", "glossary/new.yaml")
    assert code == 0
    assert sorted(out.splitlines()) == [
        "added     entire-village-advancement",
        "added     poverty-line",
        "added     rain-plan",
        "added     relocation",
    ]


def test_import_takes_the_direction_it_is_given(runner: CliRunner, project: Path) -> None:
    """import --src-lang/--tgt-lang name the sides of a TMX, PO or OmegaT file (another
    tool's file whose direction termkit guesses wrong); one given, the other follows."""
    assert run(runner, project, "export", "omegat", "--src-lang", "zh-CN", "-o", "g.txt")[0] == 0
    for given in (["--src-lang", "zh-CN"], ["--tgt-lang", "en"], ["--src-lang", "zh-CN", "--tgt-lang", "en"]):
        code, out, err = run(runner, project, "import", "g.txt", *given, "--dry-run")
        assert (code, err) == (0, "0 added, 0 updated, 4 unchanged; 0 new terms; would write nothing\n"), (
            given
        )
    # read the other way round, its Chinese terms are English ones: nothing matches
    code, out, _ = run(runner, project, "import", "g.txt", "--src-lang", "en", "--dry-run")
    assert code == 0 and out.count("added") == 4


def test_a_direction_for_a_file_that_names_its_languages_is_a_usage_error(
    runner: CliRunner, project: Path
) -> None:
    assert run(runner, project, "export", "tbx", "-o", "g.tbx")[0] == 0
    code, _, err = run(runner, project, "import", "g.tbx", "--src-lang", "zh-CN", "--dry-run")
    assert code == 2
    assert "--src-lang/--tgt-lang apply to a TMX, PO or OmegaT file" in err


@pytest.mark.parametrize(
    ("args", "needs"),
    [
        (
            ["tmx", "--src-lang", "zh-Hant"],
            "both a term in zh-Hant and a preferred term in en, which a glossary TMX unit",
        ),
        (
            ["tmx", "--tgt-lang", "zh-Hant"],
            "both a term in en and a preferred term in zh-Hant, which a glossary TMX unit",
        ),
        (["po", "--src-lang", "zh-Hant"], "the term in zh-Hant that a PO entry needs as its msgid"),
        (
            ["omegat", "--src-lang", "zh-Hant"],
            "both a term in zh-Hant and a preferred term in en, which an OmegaT",
        ),
        (
            ["omegat", "--tgt-lang", "zh-Hant"],
            "both a term in en and a preferred term in zh-Hant, which an OmegaT",
        ),
    ],
)
def test_an_export_without_any_entry_says_so(
    runner: CliRunner, project: Path, args: list[str], needs: str
) -> None:
    # (a glossary without Traditional terms exported to or from zh-Hant gave a file of
    # its header only and "exported 4 concepts", the English terms counted nowhere)
    code, out, err = run(runner, project, "export", *args, "-o", "out")
    assert (code, out) == (0, "")
    assert err.startswith(f"exported 0 concepts as {args[0]} to out; 4 concepts gave no entry\n")
    assert f"termkit: warning: out: no entry written: no concept has {needs}" in err
    assert err.endswith("; tbx, tbx2008, csv and tsv keep every term\n")
    assert run(runner, project, "export", *args, "-o", "out", "-q")[2] == ""


@pytest.mark.parametrize("fmt", ["tmx", "po", "omegat"])
def test_an_export_with_entries_says_nothing_of_them(runner: CliRunner, project: Path, fmt: str) -> None:
    for args in (["--src-lang", "zh-CN"], [], ["--tgt-lang", "zh-Hant"] if fmt == "po" else []):
        code, _out, err = run(runner, project, "export", fmt, *args, "-o", "out")
        assert code == 0
        assert "no entry written" not in err


def test_the_direction_languages_are_shown_as_written(runner: CliRunner, project: Path) -> None:
    # (click lower-cased them, in the help and in the error: [en|zh-cn|zh-hant])
    code, out, _err = run(runner, project, "export", "--help")
    assert code == 0
    assert "--src-lang [en|zh-CN|zh-Hant]" in out and "--tgt-lang [en|zh-CN|zh-Hant]" in out
    code, _out, err = run(runner, project, "export", "tmx", "--src-lang", "zh-TW")
    assert code == 2
    assert "'zh-TW' is not one of 'en', 'zh-CN', 'zh-Hant'." in err
    # (any case is still accepted, and gives the tag as written)
    assert 'srclang="zh-CN"' in run(runner, project, "export", "tmx", "--src-lang", "ZH-cn")[1]
