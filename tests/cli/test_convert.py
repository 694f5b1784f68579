"""``termkit convert``: exit codes, error lines, atomic output, Chinese output."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from termkit.cli.main import cli

import termkit.formats.convert
from conftest import SHARED
from termkit.formats.tmx import write_tmx
from termkit.model import Memory, Segment, TranslationUnit

OMEGAT_11 = SHARED / "formats" / "tmx" / "omegat520__omegat-l10n-zh-cn__project_save.tmx"
MULTI = SHARED / "formats" / "tmx" / "lisa-kit__ImportTest1C.tmx"


def _tsv(tmp_path: Path) -> Path:
    path = tmp_path / "in.tsv"
    path.write_text(
        "en\tzh-CN\nRain Plan\t雨露计划\nEntire village advancement\t整村推进\n", encoding="utf-8"
    )
    return path


def test_tsv_to_tmx_to_xliff_to_tsv(runner: CliRunner, tmp_path: Path) -> None:
    src = _tsv(tmp_path)
    result = runner.invoke(cli, ["convert", str(src), str(tmp_path / "m.tmx")])
    assert result.exit_code == 0, result.output
    assert result.stderr == "2 units tsv -> tmx (en)\n"
    assert '<tuv xml:lang="zh-CN"><seg>雨露计划</seg></tuv>' in (tmp_path / "m.tmx").read_text("utf-8")
    result = runner.invoke(cli, ["convert", str(tmp_path / "m.tmx"), str(tmp_path / "m.xlf"), "-q"])
    assert result.exit_code == 0
    result = runner.invoke(cli, ["convert", str(tmp_path / "m.xlf"), "-", "--to", "tsv", "--quiet"])
    assert result.exit_code == 0
    assert result.stdout == src.read_text("utf-8")
    assert result.stderr == ""


def test_real_tmx_to_tsv_with_language_choice(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "pairs.tsv"
    result = runner.invoke(cli, ["convert", str(OMEGAT_11), str(out), "--src-lang", "en", "--tgt-lang", "zh"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "3295 units tmx -> tsv (en -> zh)\n"
    lines = out.read_text("utf-8").splitlines()
    assert lines[0] == "en\tzh" and len(lines) == 3296


def test_several_targets_need_tgt_lang(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "m.xlf"
    out.write_text("old", encoding="utf-8")
    result = runner.invoke(cli, ["convert", str(MULTI), str(out)])
    assert result.exit_code == 2
    assert result.stderr == (
        "termkit: error: the units have several target languages (en-GB, ja-JP, fr-CA, es-ES); "
        "choose one with --tgt-lang\n"
    )
    assert out.read_text("utf-8") == "old"
    result = runner.invoke(cli, ["convert", str(MULTI), str(out), "--tgt-lang", "ja", "-q"])
    assert result.exit_code == 0 and 'target-language="ja"' in out.read_text("utf-8")


@pytest.mark.parametrize(
    ("shared", "fmt"),
    [
        (SHARED / "formats" / "po" / "vim__zh_CN.po", "po"),
        (OMEGAT_11, "tmx"),
        (SHARED / "formats" / "xliff" / "symfony-validator__validators.zh_CN.xlf", "xliff"),
    ],
)
def test_stdin_converts_as_the_file_does(runner: CliRunner, tmp_path: Path, shared: Path, fmt: str) -> None:
    # the header and the units are read apart: stdin must not be used up by the first
    by_name = runner.invoke(cli, ["convert", str(shared), "-", "--to", "tsv", "-q"])
    assert by_name.exit_code == 0, by_name.output
    piped = runner.invoke(
        cli, ["convert", "-", "-", "--from", fmt, "--to", "tsv", "-q"], input=shared.read_bytes()
    )
    assert piped.exit_code == 0, piped.output
    assert piped.stdout == by_name.stdout
    assert len(piped.stdout.splitlines()) > 10


def test_stdin_tsv_to_po(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["convert", "-", str(tmp_path / "o.po"), "--from", "tsv"], input=_tsv(tmp_path).read_bytes()
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == "2 units tsv -> po (en -> zh-CN)\n"
    assert 'msgid "Rain Plan"\nmsgstr "雨露计划"' in (tmp_path / "o.po").read_text("utf-8")


def test_stdin_damage_is_located_in_stdin(runner: CliRunner) -> None:
    data = '<tmx version="1.4"><header srclang="en"/><body><tu>\n<tuv xml:lang="en"><seg>a'
    result = runner.invoke(cli, ["convert", "-", "-", "--from", "tmx", "--to", "tsv"], input=data.encode())
    assert result.exit_code == 1
    assert result.stderr.startswith("termkit: error: <stdin>:2:")


def test_bad_input_is_one_located_line_and_keeps_output(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text('<tmx version="1.4"><body>\n<tu><tuv xml:lang="en"><seg>x</seg></tu>\n', encoding="utf-8")
    out = tmp_path / "out.tsv"
    out.write_text("previous\n", encoding="utf-8")
    result = runner.invoke(cli, ["convert", str(bad), str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"termkit: error: {bad}:2:41: malformed XML: Opening and ending tag mismatch: tuv line 2 and tu\n"
    )
    assert out.read_text("utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.tmx", "out.tsv"]


def test_an_undefined_entity_without_a_doctype_is_located(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "e.tmx"
    bad.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en"><seg>a &copy; b</seg></tuv></tu>\n</body></tmx>\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["convert", str(bad), str(tmp_path / "e.po")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"termkit: error: {bad}:3:31: undefined entity &copy; (termkit reads no DTD, so its text "
        "would be lost); write the character itself or a numeric reference such as &#169;\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.tmx"]


def test_unsafe_character_names_the_unit(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in.tsv"
    src.write_text("en\tzh-CN\nok\t好\nbell\x07\t铃\n", encoding="utf-8")
    result = runner.invoke(cli, ["convert", str(src), str(tmp_path / "o.tmx")])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"termkit: error: {tmp_path / 'o.tmx'}: unit 2 (read from {src}:3), en segment: character U+0007"
    )
    assert not (tmp_path / "o.tmx").exists()


def test_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["convert", str(_tsv(tmp_path)), str(tmp_path / "out.docx")])
    assert result.exit_code == 2
    assert "cannot tell the memory format from the extension '.docx'" in result.stderr
    result = runner.invoke(cli, ["convert", "a.tmx", "b.tmx", "--to", "csv"])
    assert result.exit_code == 2
    result = runner.invoke(cli, ["convert", str(tmp_path / "missing.tmx"), str(tmp_path / "o.tsv")])
    assert result.exit_code == 1
    assert result.stderr == f"termkit: error: {tmp_path / 'missing.tmx'}: no such file\n"


def test_help_has_example(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["convert", "--help"])
    assert result.exit_code == 0
    assert "  Example:\n    termkit convert project_save.tmx memory.po\n" in result.output


def test_target_language_from_the_first_translated_unit(runner: CliRunner, tmp_path: Path) -> None:
    # the first four units have no target: the fifth tells the language
    xcode = SHARED / "formats" / "xliff" / "xcode__bluray-player__zh-Hans.xliff"
    out = tmp_path / "x.po"
    result = runner.invoke(cli, ["convert", str(xcode), str(out)])
    assert result.exit_code == 0, result.output
    assert "(en -> zh-Hans)" in result.stderr
    assert '"Language: zh_Hans\\n"' in out.read_text("utf-8")


def test_empty_sources_are_skipped_for_po(runner: CliRunner, tmp_path: Path) -> None:
    sdl = SHARED / "formats" / "xliff" / "sdl-studio__rws-api-samples__SamplePhotoPrinter.doc.sdlxliff"
    out = tmp_path / "s.po"
    result = runner.invoke(cli, ["convert", str(sdl), str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "19 units xliff -> po (en-US -> de-DE); skipped 4 units without en-US text; not written: "
        "5 inline codes and 20 props (x-file, x-state), which PO has no place for\n"
    )
    assert 'msgid ""' in out.read_text("utf-8")


UTIL_LINUX = SHARED / "formats" / "po" / "util-linux__zh_CN.po"
OMEGAT_610 = SHARED / "formats" / "tmx" / "omegat610__OmegaT-L10N-zh_CN__project_save.tmx"


def test_obsolete_po_entries_are_kept_po_to_po_and_counted_otherwise(
    runner: CliRunner, tmp_path: Path
) -> None:
    obsolete = UTIL_LINUX.read_text("utf-8").count("\n#~ msgid ")
    assert obsolete == 988
    result = runner.invoke(cli, ["convert", str(UTIL_LINUX), str(tmp_path / "out.po")])
    assert result.exit_code == 0, result.output
    assert result.stderr == "6695 units po -> po (en -> zh-CN)\n"
    assert (tmp_path / "out.po").read_text("utf-8").count("\n#~ msgid ") == obsolete
    result = runner.invoke(cli, ["convert", str(UTIL_LINUX), str(tmp_path / "out.tmx"), "--include-fuzzy"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "5707 units po -> tmx (en); not written: 988 obsolete (#~) PO entries, which only a PO output keeps\n"
    )


def test_po_writer_changes_are_one_warning_line_each(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "memory.po"
    result = runner.invoke(cli, ["convert", str(OMEGAT_610), str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1:] == [
        f"termkit: warning: {out}: 17 units marked fuzzy: msgid and msgstr disagree on a leading or "
        "trailing newline, which msgfmt --check refuses in a translated entry "
        f"(first: unit 463 ({OMEGAT_610}:4002))"
    ]
    # --quiet: the warning goes with the summary; the file and the exit status are the same.
    written = out.read_bytes()
    result = runner.invoke(cli, ["convert", str(OMEGAT_610), str(out), "--quiet"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert out.read_bytes() == written


def test_a_less_specific_segment_tag_serves_the_header_language(runner: CliRunner, tmp_path: Path) -> None:
    # header srclang="en-US", segments tagged "en": the source is found, not skipped
    tmx = tmp_path / "m.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" '
        'o-tmf="t" adminlang="en" srclang="en-US" datatype="plaintext"/><body><tu>'
        '<tuv xml:lang="en"><seg>Rain Plan</seg></tuv><tuv xml:lang="zh-CN"><seg>雨露计划</seg></tuv>'
        "</tu></body></tmx>",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["convert", str(tmx), "-", "--to", "tsv"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "en-US\tzh-CN\nRain Plan\t雨露计划\n"
    assert result.stderr == "1 unit tmx -> tsv (en-US -> zh-CN)\n"


def test_simplified_and_traditional_targets_are_never_mixed(runner: CliRunner, tmp_path: Path) -> None:
    # targets zh, zh, zh-CN, zh-TW: without --tgt-lang the script is ambiguous
    mixed = SHARED / "formats" / "tmx" / "modernmt__Memory.en__zh.tmx"
    out = tmp_path / "m.po"
    result = runner.invoke(cli, ["convert", str(mixed), str(out)])
    assert result.exit_code == 2
    assert "is in zh-TW, earlier units in zh-CN: Simplified and Traditional Chinese" in result.stderr
    assert not out.exists()
    result = runner.invoke(cli, ["convert", str(mixed), str(out), "--tgt-lang", "zh-TW", "-q"])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert '"Language: zh_TW\\n"' in text


def test_traditional_text_under_a_plain_zh_tag_is_never_labelled_zh_cn(
    runner: CliRunner, tmp_path: Path
) -> None:
    # ModernMT's units: zh (neutral), zh-CN, zh-TW, zh in Traditional characters (這是)
    mixed = SHARED / "formats" / "tmx" / "modernmt__Memory.en__zh.tmx"
    rows = [
        "The en__zh example one\ten__zh例子之一",
        "This is en__zh example two\t这是en__zh例子二",
        "This is en__zh example three",
        "This is en__zh example four",
    ]
    result = runner.invoke(cli, ["convert", str(mixed), "-", "--to", "tsv", "--tgt-lang", "zh-CN", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "\n".join(["en\tzh-CN", *rows]) + "\n"  # as the zh-TW unit: no zh-CN target
    result = runner.invoke(cli, ["convert", str(mixed), "-", "--to", "tsv", "--tgt-lang", "zh-TW", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("\nThis is en__zh example four\t這是en__zh例子四\n")
    # without --tgt-lang, a plain zh in Traditional text after zh-CN units is refused, as zh-TW is
    tmx = tmp_path / "m.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>\n'
        '<tu><tuv xml:lang="en"><seg>one</seg></tuv><tuv xml:lang="zh-CN"><seg>这是一</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en"><seg>two</seg></tuv><tuv xml:lang="zh"><seg>這是二</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.po"
    result = runner.invoke(cli, ["convert", str(tmx), str(out)])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"unit 2 ({tmx}:3) is in zh (Traditional text), earlier units in zh-CN: Simplified and "
        "Traditional Chinese are never mixed in one output; choose one with --tgt-lang (zh-CN or zh-TW)\n"
    )
    assert not out.exists()


@pytest.mark.parametrize("to", ["po", "tmx", "tsv"])
def test_a_tgt_lang_without_a_script_never_mixes_simplified_and_traditional(
    to: str, runner: CliRunner, tmp_path: Path
) -> None:
    # --tgt-lang zh picks zh, zh-CN or zh-TW segments alike: ModernMT's memory has all three
    mixed = SHARED / "formats" / "tmx" / "modernmt__Memory.en__zh.tmx"
    out = tmp_path / f"m.{to}"
    result = runner.invoke(cli, ["convert", str(mixed), str(out), "--tgt-lang", "zh"])
    assert result.exit_code == 2
    assert "Simplified and Traditional Chinese are never mixed in one output" in result.stderr
    assert not out.exists()


def test_tgt_lang_names_the_po_language(runner: CliRunner, tmp_path: Path) -> None:
    # a TMX made from a zh_CN PO carries its header; --tgt-lang zh-TW must win, and the
    # zh-CN plural forms are no zh-TW translation
    git = SHARED / "formats" / "po" / "git__zh_CN.po"
    tmx, out = tmp_path / "g.tmx", tmp_path / "g.po"
    assert runner.invoke(cli, ["convert", str(git), str(tmx), "-q"]).exit_code == 0
    # one unit in zh-TW (a memory without any is refused: test_a_language_the_memory_lacks...)
    data = tmx.read_text("utf-8")
    tmx.write_text(data.replace('<tuv xml:lang="zh-CN">', '<tuv xml:lang="zh-TW">', 1), encoding="utf-8")
    result = runner.invoke(cli, ["convert", str(tmx), str(out), "--tgt-lang", "zh-TW", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    text = out.read_text("utf-8")
    assert '"Language: zh_TW\\n"' in text and '"Plural-Forms: nplurals=1; plural=0;\\n"' in text
    msgstrs = [line for line in text.split("\n\n", 1)[1].splitlines() if line.startswith("msgstr")]
    assert len(msgstrs) > 6000 and sum(not line.endswith('""') for line in msgstrs) == 1


def test_the_look_ahead_for_a_target_language_is_bounded(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no target within the first LOOK_AHEAD units: the default target, and every unit kept
    monkeypatch.setattr(termkit.formats.convert, "LOOK_AHEAD", 2)
    xcode = SHARED / "formats" / "xliff" / "xcode__bluray-player__zh-Hans.xliff"
    bounded = runner.invoke(cli, ["convert", str(xcode), "-", "--to", "tsv"])
    assert bounded.exit_code == 0, bounded.output
    assert "(en -> zh-CN)" in bounded.stderr
    monkeypatch.setattr(termkit.formats.convert, "LOOK_AHEAD", 10_000)
    found = runner.invoke(cli, ["convert", str(xcode), "-", "--to", "tsv"])
    assert "(en -> zh-Hans)" in found.stderr
    assert bounded.stdout.splitlines()[1:] == found.stdout.splitlines()[1:]


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("2024-05-01", "20240501T000000Z"),
        ("2024-05-01T10:00:00+08:00", "20240501T020000Z"),
        ("20240501T100000Z", "20240501T100000Z"),
    ],
)
def test_date_is_iso_or_tmx_and_written_in_utc(
    runner: CliRunner, tmp_path: Path, given: str, written: str
) -> None:
    out = tmp_path / "m.tmx"
    result = runner.invoke(cli, ["convert", str(_tsv(tmp_path)), str(out), "--date", given, "-q"])
    assert result.exit_code == 0, result.output
    assert f'creationdate="{written}"' in out.read_text("utf-8")


def test_a_date_that_is_no_date_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["convert", str(_tsv(tmp_path)), str(tmp_path / "m.tmx"), "--date", "yesterday"]
    )
    assert result.exit_code == 2
    assert "is not an ISO date" in result.stderr


@pytest.mark.parametrize("suffix", [".xlf", ".po", ".tsv"])
def test_a_date_for_an_output_other_than_tmx_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, suffix: str
) -> None:
    """--date to an XLIFF output died of a TypeError traceback; to PO or TSV it was
    dropped without a word."""
    out = tmp_path / f"m{suffix}"
    result = runner.invoke(cli, ["convert", str(_tsv(tmp_path)), str(out), "--date", "2024-05-01"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("termkit: error: --date dates a TMX output")
    assert result.stderr.count("\n") == 1
    assert not out.exists()


def test_plural_forms_go_only_to_their_own_language(runner: CliRunner, tmp_path: Path) -> None:
    # a TMX made from a German PO, with a French segment too: msgstr[1] is German
    memory = Memory(
        srclang="en",
        props=[("x-po-header:Language", "de")],
        units=[
            TranslationUnit(
                {"en": Segment("%d file"), "de": Segment("%d Datei"), "fr": Segment("%d fichier")},
                props=[("x-po-msgid-plural", "%d files"), ("x-po-msgstr[1]", "%d Dateien")],
            )
        ],
    )
    tmx = tmp_path / "m.tmx"
    with tmx.open("wb") as fp:
        write_tmx(fp, memory)
    for lang, second in (("de", "%d Dateien"), ("fr", "")):
        out = tmp_path / f"{lang}.po"
        result = runner.invoke(cli, ["convert", str(tmx), str(out), "--tgt-lang", lang, "-q"])
        assert result.exit_code == 0, result.output
        assert f'msgstr[1] "{second}"' in out.read_text("utf-8")


def test_a_plain_zh_tag_in_simplified_text_is_never_mixed_with_zh_tw(
    runner: CliRunner, tmp_path: Path
) -> None:
    # (a review) zh in Simplified text, then zh-TW: two scripts in one output
    tmx = tmp_path / "m.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>\n'
        '<tu><tuv xml:lang="en"><seg>one</seg></tuv><tuv xml:lang="zh"><seg>雨露计划</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en"><seg>two</seg></tuv><tuv xml:lang="zh-TW"><seg>雨露計劃二</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    for args in ([], ["--tgt-lang", "zh"]):
        out = tmp_path / "m.po"
        result = runner.invoke(cli, ["convert", str(tmx), str(out), *args])
        assert result.exit_code == 2, result.output
        assert "is in zh-TW, earlier units in zh (Simplified text)" in result.stderr
        assert not out.exists()


def test_guesses_from_the_text_alone_never_stop_convert(runner: CliRunner, tmp_path: Path) -> None:
    # (a review) Taiwan's usage (吃, 床, 群: old forms only in OpenCC's s2t) is no Simplified
    # text, and two guesses that disagree are no proof: a PO labelled zh whose one entry
    # has a stray Traditional variant (sphinx's 主題 among Simplified text) converts whole
    tmx = tmp_path / "tw.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>\n'
        + "".join(
            f'<tu><tuv xml:lang="en"><seg>{k}</seg></tuv><tuv xml:lang="zh"><seg>{zh}</seg></tuv></tu>\n'
            for k, zh in enumerate(["這是雨露計劃。", "吃吧，喝吧。", "起床!", "他太不合群。"])
        )
        + "</body></tmx>\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["convert", str(tmx), "-", "--to", "tsv", "--tgt-lang", "zh-TW", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "0\t這是雨露計劃。",
        "1\t吃吧，喝吧。",
        "2\t起床!",
        "3\t他太不合群。",
    ]
    po = tmp_path / "sphinx.po"
    text = (SHARED / "formats" / "po" / "sphinx__zh_CN__sphinx.po").read_text(encoding="utf-8")
    po.write_text(text.replace('"Language: zh_CN\\n"', '"Language: zh\\n"'), encoding="utf-8")
    for args in ([], ["--tgt-lang", "zh"]):
        result = runner.invoke(cli, ["convert", str(po), str(tmp_path / "s.tmx"), *args])
        assert result.exit_code == 0, result.output
        assert result.stderr.startswith("869 units po -> tmx")


@pytest.mark.parametrize(
    "order",
    [
        ["zh:这是雨露计划。", "zh:這是雨露計劃。", "zh-CN:易地扶贫搬迁。"],
        ["zh:这是雨露计划。", "zh-CN:易地扶贫搬迁。", "zh:這是雨露計劃。"],
        ["zh:這是雨露計劃。", "zh:这是雨露计划。", "zh-CN:易地扶贫搬迁。"],
    ],
)
def test_a_tag_and_a_text_of_the_other_script_stop_convert_in_any_order(
    order: list[str], runner: CliRunner, tmp_path: Path
) -> None:
    # (a review) a zh-CN tag let Traditional text through when a Simplified guess came first
    tmx = tmp_path / "m.tmx"
    units = "".join(
        f'<tu><tuv xml:lang="en"><seg>u{k}</seg></tuv><tuv xml:lang="{u.split(":")[0]}"><seg>{u.split(":")[1]}</seg></tuv></tu>\n'
        for k, u in enumerate(order)
    )
    tmx.write_text(
        f'<tmx version="1.4"><header srclang="en"/><body>\n{units}</body></tmx>\n', encoding="utf-8"
    )
    result = runner.invoke(cli, ["convert", str(tmx), "-", "--to", "tsv"])
    assert result.exit_code == 2
    assert "Simplified and Traditional Chinese are never mixed" in result.stderr


GIT = SHARED / "formats" / "po" / "git__zh_CN.po"
CATALYST = SHARED / "formats" / "tmx" / "catalyst2019__Bundle_en_zh-CN.tmx"
DEJAVU = SHARED / "formats" / "tmx" / "dejavu4__heartsome__utf-8.tmx"


@pytest.mark.parametrize(
    ("source", "out", "args", "named", "languages"),
    [
        (GIT, "git.tmx", ["--tgt-lang", "zh-CH"], "zh-CH (--tgt-lang)", "en, zh-CN"),
        (CATALYST, "c.po", ["--tgt-lang", "zh-TW"], "zh-TW (--tgt-lang)", "en-US, zh-CN"),
        (CATALYST, "c.xlf", ["--tgt-lang", "zh-TW"], "zh-TW (--tgt-lang)", "en-US, zh-CN"),
        (CATALYST, "c.po", ["--src-lang", "fr"], "fr (--src-lang)", "en-US, zh-CN"),
        (CATALYST, "c.po", ["--src-lang", "fr", "--tgt-lang", "zh-CN"], "fr (--src-lang)", "en-US, zh-CN"),
        (CATALYST, "c.tmx", ["--src-lang", "klingon"], "klingon (--src-lang)", "en-US, zh-CN"),
        (CATALYST, "c.tsv", ["--src-lang", "klingon"], "klingon (--src-lang)", "en-US, zh-CN"),
    ],
)
def test_a_language_the_memory_lacks_is_an_error_naming_those_it_has(
    source: Path, out: str, args: list[str], named: str, languages: str, runner: CliRunner, tmp_path: Path
) -> None:
    # (an audit) every translation was dropped, exit 0: "6322 units po -> tmx (en -> zh-CH)"
    # and a TMX of English alone; --src-lang klingon said "several target languages"
    path = tmp_path / out
    path.write_text("old", encoding="utf-8")
    result = runner.invoke(cli, ["convert", str(source), str(path), *args])
    assert result.exit_code == 1, result.output
    side = "source" if "--src-lang" in named else "target"
    option = "--src-lang" if side == "source" else "--tgt-lang"
    assert result.stderr == (
        f"termkit: error: {source}: no unit has a segment in {named}; the memory's languages are "
        f"{languages}: choose the {side} among them with {option}\n"
    )
    assert path.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out]


@pytest.mark.parametrize("tag", ["zh CN", "zh--CN", "zh-", "zh-CN!", "e", "*all*"])
@pytest.mark.parametrize("option", ["--src-lang", "--tgt-lang"])
def test_a_tag_that_is_not_bcp47_is_a_usage_error(
    tag: str, option: str, runner: CliRunner, tmp_path: Path
) -> None:
    # (an audit) --tgt-lang 'zh CN' wrote target-language="zh cn", which the XLIFF XSD refuses
    result = runner.invoke(cli, ["convert", str(CATALYST), str(tmp_path / "c.xlf"), option, tag])
    assert result.exit_code == 2
    assert result.stderr == (
        f"termkit: error: {option} {tag!r} is not a language tag; give a BCP 47 tag such as en, "
        "zh-CN or zh-Hant-TW\n"
    )
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("tag", ["zh_CN", "zh-Hans-CN", "zh_CN.UTF-8", "ZH-cn"])
def test_gettext_locales_and_any_casing_are_tags(tag: str, runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["convert", str(CATALYST), str(tmp_path / "c.tsv"), "--tgt-lang", tag])
    assert result.exit_code == 0, result.output


def test_the_target_cannot_be_the_source(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["convert", str(CATALYST), str(tmp_path / "c.po"), "--tgt-lang", "en-US"])
    assert result.exit_code == 2
    assert result.stderr == (
        "termkit: error: --tgt-lang en-US is the source language (the input's source language); "
        "choose another target, or the source with --src-lang\n"
    )


@pytest.mark.parametrize("out", ["m.po", "m.xlf", "m.tsv", "m.tmx"])
def test_a_source_only_memory_legitimately_gets_empty_targets(
    out: str, runner: CliRunner, tmp_path: Path
) -> None:
    # a POT, a TMX of English alone: a target named is no error, there is none to drop
    pot = tmp_path / "m.pot"
    pot.write_text('msgid ""\nmsgstr ""\n\nmsgid "Open"\nmsgstr ""\n\nmsgid "Save"\nmsgstr ""\n', "utf-8")
    tmx = tmp_path / "en.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Open</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    for source, units in ((pot, 2), (tmx, 1)):
        for args in ([], ["--tgt-lang", "zh-TW"]):
            result = runner.invoke(cli, ["convert", str(source), str(tmp_path / out), *args])
            assert result.exit_code == 0, result.output
            assert result.stderr.startswith(f"{units} unit{'s' if units != 1 else ''} ")


def test_a_tu_srclang_overrides_the_header(runner: CliRunner, tmp_path: Path) -> None:
    # (an audit) Déjà Vu's header says srclang="zh-cn", every <tu srclang="en-us">: convert
    # wrote msgid "适配卡" / msgstr "Adapter cards"
    out = tmp_path / "dv.po"
    result = runner.invoke(cli, ["convert", str(DEJAVU), str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("2 units tmx -> po (en-US -> zh-CN)")
    assert out.read_text("utf-8").endswith('msgid "Adapter cards"\nmsgstr "适配卡"\n')
    # a TMX output keeps the direction: the header says the source the units have
    result = runner.invoke(cli, ["convert", str(DEJAVU), "-", "--to", "tmx", "--tgt-lang", "zh-CN", "-q"])
    assert result.exit_code == 0, result.output
    assert 'srclang="en-US" datatype="PlainText"/>' in result.stdout  # the memory's own datatype
    assert result.stdout.count('<tu tuid="') == result.stdout.count('srclang="en-US"') - 1 == 2
    # --src-lang still chooses (the units' own srclang says the source written)
    result = runner.invoke(cli, ["convert", str(DEJAVU), "-", "--to", "tmx", "--src-lang", "zh-CN", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count('srclang="zh-CN"') == 3
    assert result.stdout.index('xml:lang="zh-CN"') < result.stdout.index('xml:lang="en-US"')


def _tmx(tmp_path: Path, header: str, units: list[str]) -> Path:
    path = tmp_path / "m.tmx"
    body = "".join(
        f'<tu{f" srclang={u!r}" if u else ""}><tuv xml:lang="en"><seg>one {k}</seg></tuv>'
        f'<tuv xml:lang="zh-CN"><seg>一{k}</seg></tuv></tu>\n'
        for k, u in enumerate(units)
    )
    path.write_text(f'<tmx version="1.4"><header srclang="{header}"/><body>\n{body}</body></tmx>\n', "utf-8")
    return path


@pytest.mark.parametrize(
    ("header", "units", "line", "message"),
    [
        ("en", ["", "zh-CN"], 3, "unit 2's source language is zh-CN (its <tu srclang>), the first unit's en"),
        (
            "zh-CN",
            ["en", ""],
            3,
            "unit 2's source language is zh-CN (the header's srclang), the first unit's en",
        ),
        ("en", ["en-US", "en", "zh-cn"], 4, "unit 3's source language is zh-CN (its <tu srclang>), "),
    ],
)
def test_units_that_disagree_on_their_source_need_src_lang(
    header: str, units: list[str], line: int, message: str, runner: CliRunner, tmp_path: Path
) -> None:
    tmx = _tmx(tmp_path, header, units)
    out = tmp_path / "m.po"
    result = runner.invoke(cli, ["convert", str(tmx), str(out)])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"termkit: error: {tmx}:{line}: {message}")
    assert result.stderr.endswith(
        "the units do not agree on one source language; choose it with --src-lang\n"
    )
    assert not out.exists()
    result = runner.invoke(cli, ["convert", str(tmx), str(out), "--src-lang", "en"])
    assert result.exit_code == 0, result.output
    assert f"{len(units)} units tmx -> po (en -> zh-CN)" in result.stderr
    # a TMX output keeps each unit's own srclang: nothing to choose
    result = runner.invoke(cli, ["convert", str(tmx), str(tmp_path / "o.tmx")])
    assert result.exit_code == 0, result.output


def test_units_that_agree_with_the_header_need_nothing(runner: CliRunner, tmp_path: Path) -> None:
    tmx = _tmx(tmp_path, "en-US", ["", "en", "en-US"])
    result = runner.invoke(cli, ["convert", str(tmx), "-", "--to", "tsv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "en-US\tzh-CN" and len(result.stdout.splitlines()) == 4


HEADERLESS_TW = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Open file"\nmsgstr "開啟檔案"\n'


@pytest.mark.parametrize(("name", "tag"), [("zh_TW.po", "zh-TW"), ("messages.po", "zh-Hant")])
def test_a_po_without_language_header_never_labels_traditional_text_zh_cn(
    name: str, tag: str, runner: CliRunner, tmp_path: Path
) -> None:
    # (an audit) <tuv xml:lang="zh-CN"><seg>開啟檔案</seg></tuv>, exit 0
    po = tmp_path / name
    po.write_text(HEADERLESS_TW, encoding="utf-8")
    result = runner.invoke(cli, ["convert", str(po), "-", "--to", "tmx", "-q"])
    assert result.exit_code == 0, result.output
    assert f'<tuv xml:lang="{tag}"><seg>開啟檔案</seg></tuv>' in result.stdout
    assert "zh-CN" not in result.stdout
    # asked for zh-CN, there is none: a plain zh in Traditional text is no zh-CN
    result = runner.invoke(cli, ["convert", str(po), str(tmp_path / "o.tsv"), "--tgt-lang", "zh-CN"])
    assert result.exit_code == 1
    assert (
        f"no unit has a segment in zh-CN (--tgt-lang); the memory's languages are en, {tag}" in result.stderr
    )
    result = runner.invoke(cli, ["convert", str(po), "-", "--to", "tsv", "--tgt-lang", "zh-TW", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "en\tzh-TW\nOpen file\t開啟檔案\n"


def test_the_eot_character_is_refused_for_po(runner: CliRunner, tmp_path: Path) -> None:
    # (an audit) written raw: msgfmt: "context separator <EOT> within string"; (a review)
    # the error names the file being written, as the TMX and XLIFF writers' do
    tsv = tmp_path / "eot.tsv"
    tsv.write_text("en\tzh-CN\nok\t好\nA\x04B\t甲\x04乙\n", encoding="utf-8")
    result = runner.invoke(cli, ["convert", str(tsv), str(tmp_path / "eot.po")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"termkit: error: {tmp_path / 'eot.po'}: unit 2 ({tsv}:3), msgid: character U+0004 at offset 1 cannot be written in a PO "
        "string (it is gettext's context separator, which msgfmt refuses there); remove or replace it in "
        "the input\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eot.tsv"]


def test_what_po_has_no_place_for_is_counted(runner: CliRunner, tmp_path: Path) -> None:
    # Heartsome's test memory: 773 <bpt>/<ept> pairs and 127 <prop>s; obsolete entries aside,
    # PO has no place for them
    heartsome = SHARED / "formats" / "tmx" / "heartsome-tmserver__ImportTMXTest.tmx"
    result = runner.invoke(cli, ["convert", str(heartsome), str(tmp_path / "h.po")])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("314 units tmx -> po (en-US -> zh-CN)")
    assert result.stderr.endswith(
        "; not written: 1546 inline codes and 127 props (Txt::Text Field), which PO has no place for\n"
    )
    result = runner.invoke(cli, ["convert", str(GIT), str(tmp_path / "g.po")])
    assert result.stderr == "6322 units po -> po (en -> zh-CN)\n"  # its own props are PO's


def test_src_lang_alone_keeps_every_language_of_a_tmx(runner: CliRunner, tmp_path: Path) -> None:
    # --src-lang chooses the source; a TMX output has a place for every other language
    # (it kept the source alone: every translation dropped, exit 0)
    result = runner.invoke(cli, ["convert", str(MULTI), "-", "--to", "tmx", "--src-lang", "en", "-q"])
    assert result.exit_code == 0, result.output
    whole = runner.invoke(cli, ["convert", str(MULTI), "-", "--to", "tmx", "-q"])
    for lang in ("en-US", "en-GB", "ja-JP", "fr-CA", "es-ES"):
        assert whole.stdout.count(f'xml:lang="{lang}"') > 0
        if lang != "en-US":
            assert result.stdout.count(f'xml:lang="{lang}"') == whole.stdout.count(f'xml:lang="{lang}"')
    assert result.stdout.count('xml:lang="en"') == whole.stdout.count('xml:lang="en-US"')


def test_a_pipe_named_by_a_path_is_read_once(tmp_path: Path) -> None:
    # (a review) `convert <(cat x.po) -` read the pipe twice (header, then units): the
    # second reading was empty ("0 units"), and a FIFO hung
    import os
    import subprocess
    import sys
    import threading

    fifo = tmp_path / "in.po"
    os.mkfifo(fifo)
    data = (SHARED / "formats" / "po" / "git__zh_CN.po").read_bytes()

    def feed() -> None:
        with open(fifo, "wb") as fp:
            fp.write(data)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "termkit", "convert", "--from", "po", "--to", "tsv", str(fifo), "-"],
            capture_output=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:  # (run() has killed it)
        pytest.fail("convert opened the pipe twice and waited for a second writer")
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().startswith("6322 units po -> tsv")
    assert len(done.stdout.decode().splitlines()) == 6323


def _regional_tmx(tmp_path: Path, header: str, tu_srclang: str = "") -> Path:
    path = tmp_path / "regional.tmx"
    attr = f' srclang="{tu_srclang}"' if tu_srclang else ""
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">'
        f'<header srclang="{header}" datatype="plaintext" segtype="sentence" adminlang="en"'
        ' creationtool="x" creationtoolversion="1" o-tmf="x"/>\n'
        f'<body><tu{attr}><tuv xml:lang="en-GB"><seg>colour</seg></tuv>'
        '<tuv xml:lang="en-US"><seg>color</seg></tuv>'
        '<tuv xml:lang="zh-CN"><seg>颜色</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("header", "tu_srclang", "source"), [("en-US", "", "color"), ("en-US", "en-GB", "colour")]
)
def test_src_lang_en_takes_the_regional_source_the_memory_declares(
    header: str, tu_srclang: str, source: str, runner: CliRunner, tmp_path: Path
) -> None:
    # en-GB comes first in the unit, but the unit (or its header) declares the source
    tmx = _regional_tmx(tmp_path, header, tu_srclang)
    result = runner.invoke(
        cli, ["convert", str(tmx), "-", "--to", "tsv", "--src-lang", "en", "--tgt-lang", "zh-CN"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == f"{source}\t颜色"


def test_src_lang_en_names_the_regional_source_it_took(runner: CliRunner, tmp_path: Path) -> None:
    tmx = _regional_tmx(tmp_path, "en-US")
    result = runner.invoke(cli, ["convert", str(tmx), "-", "--to", "po", "--src-lang", "en"])
    assert result.exit_code == 2, result.output
    assert "has a segment in en-GB besides en-US (en) and zh-CN;" in result.stderr


FUZZY_PO = """\
msgid ""
msgstr ""
"Language: zh_CN\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Rain Plan"
msgstr "雨露计划"

#, fuzzy
msgid "Open file"
msgstr "打开文件"

#, fuzzy
msgid "Close file"
msgstr "关闭文件"
"""


@pytest.mark.parametrize("ext", ["tmx", "tsv"])
def test_fuzzy_po_entries_are_left_out_of_tmx_and_tsv_unless_asked(
    runner: CliRunner, tmp_path: Path, ext: str
) -> None:
    """OmegaT's tm/auto, Trados and memoQ take every TMX unit for a confirmed translation
    (translate-toolkit's po2tmx leaves fuzzy entries out): a fuzzy entry is not written to
    TMX or TSV unless --include-fuzzy, and one warning line says how many, naming the first."""
    src = tmp_path / "in.po"
    src.write_text(FUZZY_PO, encoding="utf-8")
    out = tmp_path / f"out.{ext}"
    result = runner.invoke(cli, ["convert", str(src), str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"1 unit po -> {ext} (en" + (")" if ext == "tmx" else " -> zh-CN)"),
        f"termkit: warning: {out}: 2 unfinished units not written (fuzzy, or an XLIFF state new, "
        f"initial or needs-*), which {ext.upper()} would give as finished translations; "
        f"--include-fuzzy writes them (first: unit 2 ({src}:9))",
    ]
    text = out.read_text("utf-8")
    assert "雨露计划" in text and "打开文件" not in text and "关闭文件" not in text
    result = runner.invoke(cli, ["convert", str(src), str(out), "--quiet"])
    assert (result.exit_code, result.stderr) == (0, "")
    result = runner.invoke(cli, ["convert", str(src), str(out), "--include-fuzzy"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("3 units po -> ") and "warning" not in result.stderr
    text = out.read_text("utf-8")
    assert "打开文件" in text and "关闭文件" in text
    if ext == "tmx":
        assert text.count('<prop type="x-fuzzy">true</prop>') == 2
        # and back to PO: still fuzzy
        back = tmp_path / "back.po"
        assert runner.invoke(cli, ["convert", str(out), str(back), "-q"]).exit_code == 0
        assert back.read_text("utf-8").count("#, fuzzy") == 2


UNFINISHED_XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="f" source-language="en" target-language="zh-CN" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>Rain Plan</source><target state="translated">雨露计划</target></trans-unit>
      <trans-unit id="2"><source>Open</source><target state="new">Open</target></trans-unit>
      <trans-unit id="3"><source>Close</source><target state="needs-translation">Close</target></trans-unit>
      <trans-unit id="4"><source>Save</source><target state="needs-review-translation">保存</target></trans-unit>
      <trans-unit id="5"><source>Print</source><target state="needs-l10n">打印</target></trans-unit>
      <trans-unit id="6"><source>Quit</source><target state="final">退出</target></trans-unit>
      <trans-unit id="7"><source>Help</source><target>帮助</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_unfinished_xliff_targets_are_left_out_of_tmx_and_tsv(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in.xlf"
    src.write_text(UNFINISHED_XLIFF, encoding="utf-8")
    out = tmp_path / "out.tsv"
    result = runner.invoke(cli, ["convert", str(src), str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == "en\tzh-CN\nRain Plan\t雨露计划\nQuit\t退出\nHelp\t帮助\n"
    assert "4 unfinished units not written" in result.stderr
    assert f"(first: unit '2' ({src}:6))" in result.stderr
    tmx = tmp_path / "out.tmx"
    result = runner.invoke(cli, ["convert", str(src), str(tmx), "--include-fuzzy"])
    assert result.exit_code == 0, result.output
    text = tmx.read_text("utf-8")
    assert text.count("<tu ") == 7
    for state in ("new", "needs-translation", "needs-review-translation", "needs-l10n"):
        assert f'<prop type="x-state">{state}</prop>' in text
    # PO and XLIFF outputs mark them, and keep them as before
    for ext in ("po", "xlf"):
        result = runner.invoke(cli, ["convert", str(src), str(tmp_path / f"out.{ext}")])
        assert result.exit_code == 0, result.output
        assert "unfinished unit" not in result.stderr
    po = (tmp_path / "out.po").read_text("utf-8")
    # (needs-l10n too, as the TMX and TSV leave it out: it was written unmarked)
    assert po.count("#, fuzzy") == 4 and '#, fuzzy\nmsgid "Print"' in po
    assert (tmp_path / "out.xlf").read_text("utf-8").count("<trans-unit ") == 7


def test_an_untranslated_file_from_chinese_is_converted_into_english(
    runner: CliRunner, tmp_path: Path
) -> None:
    """With no unit translated to tell the target, it was zh-CN whatever the source:
    an untranslated zh->en XLIFF became a PO with Language: zh_CN whose every msgstr
    was its msgid (the sources taken for their own translations)."""
    xlf = tmp_path / "doc.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="doc" source-language="zh-CN" '
        'target-language="en" datatype="plaintext"><body><trans-unit id="1"><source>整村推进</source>'
        "</trans-unit></body></file></xliff>",
        encoding="utf-8",
    )
    out = tmp_path / "doc.po"
    result = runner.invoke(cli, ["convert", str(xlf), str(out), "--include-fuzzy", "-q"])
    assert result.exit_code == 0, result.output
    po = out.read_text("utf-8")
    assert '"Language: en\\n"' in po and '"X-Source-Language: zh_CN\\n"' in po
    assert po.endswith('msgid "整村推进"\nmsgstr ""\n')


_UTF32_MEMORIES = {
    "tmx": '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en" datatype="plaintext" '
    'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>\n'
    '<tu><tuv xml:lang="en"><seg>Rain Plan</seg></tuv><tuv xml:lang="zh-CN"><seg>雨露计划</seg></tuv></tu>\n'
    "</body></tmx>\n",
    "po": 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh_CN\\n"\n\n'
    'msgid "Rain Plan"\nmsgstr "雨露计划"\n',
    "tsv": "Rain Plan\t雨露计划\n",
}


@pytest.mark.parametrize("fmt", sorted(_UTF32_MEMORIES))
@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be", "bom+utf-8"])
def test_a_utf32_memory_is_refused_with_what_to_do(
    runner: CliRunner, tmp_path: Path, fmt: str, codec: str
) -> None:
    """UTF-32 was read as UTF-16: "malformed XML: Start tag expected", "NUL byte: this
    is not a PO file", "binary file": nothing said it was UTF-32."""
    text = _UTF32_MEMORIES[fmt]
    if codec == "bom+utf-8":
        data, problem = b"\xff\xfe\x00\x00" + text.encode(), "a UTF-32 byte-order mark (bytes FF FE 00 00)"
    elif codec == "utf-32-be":
        data, problem = b"\x00\x00\xfe\xff" + text.encode(codec), "UTF-32 text (byte-order mark 00 00 FE FF)"
    else:
        data, problem = text.encode(codec), "UTF-32 text (byte-order mark FF FE 00 00)"
    src = tmp_path / f"in.{fmt}"
    src.write_bytes(data)
    result = runner.invoke(cli, ["convert", str(src), str(tmp_path / "out.tmx"), "--to", "tmx"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"termkit: error: {src}:1:1: {problem}")
    assert not (tmp_path / "out.tmx").exists()


def _memoq_tmx(tmp_path: Path) -> Path:
    src = tmp_path / "memoq.tmx"
    src.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="memoQ" '
        'creationtoolversion="9" segtype="sentence" o-tmf="memoQ" adminlang="eng-US" srclang="eng-US" '
        'datatype="plaintext"/>\n<body>\n<tu><tuv xml:lang="eng-US"><seg>Rain Plan</seg></tuv>'
        '<tuv xml:lang="zho-CN"><seg>雨露计划</seg></tuv></tu>\n</body></tmx>\n',
        encoding="utf-8",
    )
    return src


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("m.tmx", '<tuv xml:lang="zho-CN">'),
        ("m.xlf", 'target-language="zho-CN"'),
        ("m.po", '"Language: zho_CN\\n"'),
        ("m.tsv", "eng-US\tzho-CN\n"),
    ],
)
def test_three_letter_codes_are_kept_as_written(
    runner: CliRunner, tmp_path: Path, name: str, written: str
) -> None:
    """memoQ's ISO 639-2 codes (eng-US, zho-CN) are English and Chinese to termkit, and
    written back as the input wrote them."""
    result = runner.invoke(cli, ["convert", str(_memoq_tmx(tmp_path)), str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert written in (tmp_path / name).read_text("utf-8")


def test_en_and_zh_cn_pick_three_letter_codes(runner: CliRunner, tmp_path: Path) -> None:
    """--src-lang en --tgt-lang zh-CN on a memory in eng-US and zho-CN: "no unit has a
    segment in en" (exit 1)."""
    out = tmp_path / "m.tsv"
    result = runner.invoke(
        cli, ["convert", str(_memoq_tmx(tmp_path)), str(out), "--src-lang", "en", "--tgt-lang", "zh-CN"]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == "en\tzh-CN\nRain Plan\t雨露计划\n"
