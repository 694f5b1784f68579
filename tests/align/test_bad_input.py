from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from termkit.cli.main import cli

from .conftest import numbered_lines


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    r = runner.invoke(cli, ["align", *args])
    return r.exit_code, r.stdout, r.stderr


def test_unequal_line_counts_say_where_they_diverge(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.en").write_text("One.\nTwo.\nThree.\n", encoding="utf-8")
    (tmp_path / "a.zh").write_text("一。\n二。\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("one\n", encoding="utf-8")
    code, _, err = invoke(
        runner,
        "terms",
        "--src",
        str(tmp_path / "a.en"),
        "--tgt",
        str(tmp_path / "a.zh"),
        "--terms",
        str(tmp_path / "t.txt"),
    )
    assert code == 1
    assert err.startswith(
        f"termkit: error: {tmp_path / 'a.en'}:3:1: 3 lines in {tmp_path / 'a.en'} but 2 in "
    )
    assert err.endswith(
        f"{tmp_path / 'a.zh'} ends at line 2, {tmp_path / 'a.en'} goes on; "
        "delete or add lines so that line n of one file translates line n of the other\n"
    )
    assert "Traceback" not in err


def test_unequal_line_counts_point_at_the_deleted_line(runner: CliRunner, tmp_path: Path) -> None:
    en, zh = numbered_lines(30)
    src, tgt = tmp_path / "a.en", tmp_path / "a.zh"
    src.write_text("".join(f"{line}\n" for line in en), encoding="utf-8")
    tgt.write_text("".join(f"{line}\n" for i, line in enumerate(zh) if i != 11), encoding="utf-8")
    (tmp_path / "t.txt").write_text("road\n", encoding="utf-8")
    code, _, err = invoke(
        runner, "terms", "--src", str(src), "--tgt", str(tgt), "--terms", str(tmp_path / "t.txt")
    )
    assert code == 1
    assert err == (
        f"termkit: error: {src}:12:1: 30 lines in {src} but 29 in {tgt}: they seem to diverge here: "
        f"line 12 of {src} matches no line of {tgt} (line lengths and numbers pair up again after it); "
        "delete or add lines so that line n of one file translates line n of the other\n"
    )


def test_tsv_row_without_tab(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("Hello\t你好\nno tab here\n", encoding="utf-8")
    code, _, err = invoke(runner, "pairs", str(bad))
    assert code == 1
    assert err == (f"termkit: error: {bad}:2:1: row has no tab; a bitext TSV row is 'source<TAB>target'\n")


def test_one_line_is_no_lines(runner: CliRunner, tmp_path: Path) -> None:
    """The error said "1 lines in a.en but 2 in a.zh"."""
    (tmp_path / "a.en").write_text("One.\n", encoding="utf-8")
    (tmp_path / "a.zh").write_text("一。\n二。\n", encoding="utf-8")
    code, _, err = invoke(runner, "pairs", "--src", str(tmp_path / "a.en"), "--tgt", str(tmp_path / "a.zh"))
    assert code == 1
    assert f": 1 line in {tmp_path / 'a.en'} but 2 in {tmp_path / 'a.zh'}: " in err


def test_empty_sides_wrong_language_and_huge_lines_are_located_warnings(
    runner: CliRunner, tmp_path: Path, bitext: Path
) -> None:
    text = bitext.read_text(encoding="utf-8")
    text += "Only English here\t\n"
    text += "An English line\tAn English line again\n"
    text += "这是中文\t这也是中文\n"
    text += ("word " * 500) + "\t" + "字" * 10 + "\n"
    path = tmp_path / "mixed.tsv"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "t.txt").write_text("village\n", encoding="utf-8")
    code, out, err = invoke(runner, "terms", str(path), "--terms", str(tmp_path / "t.txt"), "--top", "1")
    assert code == 0
    assert out.startswith("village [4]: 村 ")
    lines = err.splitlines()
    assert lines[0] == f"termkit: warning: {path}:21:1: the Chinese side is empty; pair skipped"
    assert lines[1] == (
        f"termkit: warning: {path}:22:1: the Chinese side has no Chinese character; pair skipped"
    )
    assert lines[2] == f"termkit: warning: {path}:23:1: the English side is not English; pair skipped"
    assert lines[3].startswith(f"termkit: warning: {path}:24:1: line of 2,499 characters")
    # --quiet: the skipped pairs are no error, so nothing on stderr; the same output
    quiet = invoke(runner, "terms", str(path), "--terms", str(tmp_path / "t.txt"), "--top", "1", "-q")
    assert quiet == (0, out, "")


def test_codes_numbers_and_dates_left_untranslated_are_skipped_quietly(
    runner: CliRunner, tmp_path: Path, bitext: Path
) -> None:
    """A document symbol or a date copied into the Chinese side is no translation, and
    no mistake either: the UN corpus has several. Its figures were counted as English
    words, so "S/2015/123" and "6 February 2015" (three words) were warned about."""
    text = bitext.read_text(encoding="utf-8")
    text += "Document S/2015/123\tS/2015/123\n6 February 2015\t6 February 2015\n"
    path = tmp_path / "codes.tsv"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "t.txt").write_text("village\n", encoding="utf-8")
    code, out, err = invoke(runner, "terms", str(path), "--terms", str(tmp_path / "t.txt"), "--top", "1")
    assert code == 0
    assert out.startswith("village [4]: 村 ")
    assert "warning" not in err


def test_warnings_about_one_side_of_src_tgt_files_name_that_side_s_file(
    runner: CliRunner, tmp_path: Path, bitext: Path
) -> None:
    rows = [line.split("\t") for line in bitext.read_text(encoding="utf-8").splitlines()]
    rows += [
        ["Only English here", ""],
        ["An English line", "An English line again"],
        ["这是中文", "这也是中文"],
        ["word " * 500, "字" * 10],
        ["Two words", "字" * 3000],
    ]
    en, zh = tmp_path / "a.en", tmp_path / "a.zh"
    en.write_text("".join(e + "\n" for e, _ in rows), encoding="utf-8")
    zh.write_text("".join(z + "\n" for _, z in rows), encoding="utf-8")
    (tmp_path / "t.txt").write_text("village\n", encoding="utf-8")
    args = ["--terms", str(tmp_path / "t.txt"), "--top", "1"]
    code, out, err = invoke(runner, "terms", "--src", str(en), "--tgt", str(zh), *args)
    assert code == 0
    assert out.startswith("village [4]: 村 ")
    lines = err.splitlines()
    assert lines[0] == f"termkit: warning: {zh}:21:1: the Chinese side is empty; pair skipped"
    assert lines[1] == f"termkit: warning: {zh}:22:1: the Chinese side has no Chinese character; pair skipped"
    assert lines[2] == f"termkit: warning: {en}:23:1: the English side is not English; pair skipped"
    assert lines[3].startswith(f"termkit: warning: {en}:24:1: line of 2,499 characters")
    assert lines[4].startswith(f"termkit: warning: {zh}:25:1: line of 3,000 characters")
    # files given the other way round (Chinese as --src): each warning still names its side's file
    code, _out, err = invoke(runner, "terms", "--src", str(zh), "--tgt", str(en), *args)
    assert code == 0
    lines = err.splitlines()
    assert lines[1] == f"termkit: warning: {zh}:21:1: the Chinese side is empty; pair skipped"
    assert lines[2] == f"termkit: warning: {zh}:22:1: the Chinese side has no Chinese character; pair skipped"
    assert lines[3] == f"termkit: warning: {en}:23:1: the English side is not English; pair skipped"


def test_swapped_columns_are_read_the_other_way_round(
    runner: CliRunner, tmp_path: Path, bitext: Path
) -> None:
    rows = [line.split("\t") for line in bitext.read_text(encoding="utf-8").splitlines()]
    swapped = tmp_path / "zh-en.tsv"
    swapped.write_text("".join(f"{z}\t{e}\n" for e, z in rows), encoding="utf-8")
    (tmp_path / "t.txt").write_text("village\n", encoding="utf-8")
    code, out, err = invoke(runner, "terms", str(swapped), "--terms", str(tmp_path / "t.txt"), "--top", "1")
    assert code == 0
    assert out.startswith("village [4]: 村 ")
    assert f"termkit: warning: {swapped}:1:1: the first column is Chinese and the second English" in err


def _plain_run(
    command: str, runner: CliRunner, tmp_path: Path, bitext: Path
) -> tuple[list[list[str]], list[str], tuple[int, str, str]]:
    """The rows of ``bitext``, the options of ``command`` and its run on the rows as an
    English-first TSV without a header (``en-zh.tsv``)."""
    rows = [line.split("\t") for line in bitext.read_text(encoding="utf-8").splitlines()]
    plain = tmp_path / "en-zh.tsv"
    plain.write_text("".join(f"{e}\t{z}\n" for e, z in rows), encoding="utf-8")
    (tmp_path / "t.txt").write_text("village\n", encoding="utf-8")
    terms = ["--terms", str(tmp_path / "t.txt"), "--top", "1"] if command == "terms" else []
    return rows, terms, invoke(runner, command, str(plain), *terms)


@pytest.mark.parametrize("command", ["terms", "pairs"])
def test_a_header_that_names_chinese_first_reads_the_columns_so_without_a_warning(
    command: str, runner: CliRunner, tmp_path: Path, bitext: Path
) -> None:
    """``zh-CN<TAB>en`` said which column is which, and still gave the warning that the
    first column is Chinese and was read the other way round."""
    rows, terms, expected = _plain_run(command, runner, tmp_path, bitext)
    for header in ("zh-CN\ten", "zh\ten-US", "zh-Hant\ten"):
        named = tmp_path / "zh-en.tsv"
        named.write_text(header + "\n" + "".join(f"{z}\t{e}\n" for e, z in rows), encoding="utf-8")
        code, out, err = invoke(runner, command, str(named), *terms)
        assert code == 0
        assert "warning" not in err and "other way round" not in err
        assert (out, err) == (expected[1], expected[2].replace(str(tmp_path / "en-zh.tsv"), str(named)))
    # a header that says the other languages than the columns hold: the columns win, with the warning
    wrong = tmp_path / "wrong.tsv"
    wrong.write_text("en\tzh-CN\n" + "".join(f"{z}\t{e}\n" for e, z in rows), encoding="utf-8")
    code, out, err = invoke(runner, command, str(wrong), *terms)
    assert code == 0 and out == expected[1]
    assert f"termkit: warning: {wrong}:2:1: the first column is Chinese and the second English" in err


def test_nothing_usable(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "empty.tsv"
    path.write_text("\n\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("village\n", encoding="utf-8")
    code, _, err = invoke(runner, "terms", str(path), "--terms", str(tmp_path / "t.txt"))
    assert code == 1
    # no warning was printed, so none is cited: the error says what is wrong instead
    assert err == (
        f"termkit: error: no non-empty sentence pair in {path}: only blank lines; "
        "give rows of 'English<TAB>Chinese', or line-aligned --src and --tgt files\n"
    )
    # The warnings that explain an error are shown even with --quiet.
    (tmp_path / "english.tsv").write_text("An English line\tAn English line again\n", encoding="utf-8")
    args = ["terms", str(tmp_path / "english.tsv"), "--terms", str(tmp_path / "t.txt")]
    assert invoke(runner, *args)[::2] == invoke(runner, *args, "--quiet")[::2]
    assert invoke(runner, *args, "-q")[2].splitlines() == [
        f"termkit: warning: {tmp_path / 'english.tsv'}:1:1: the Chinese side has no Chinese character; "
        "pair skipped",
        f"termkit: error: no usable sentence pair in {tmp_path / 'english.tsv'}: every pair was skipped "
        "(see the warnings above)",
    ]


def test_nothing_usable_without_a_warning_says_why(runner: CliRunner, tmp_path: Path) -> None:
    """The error cites "the warnings above" only when some were printed."""
    (tmp_path / "t.txt").write_text("village\n", encoding="utf-8")
    terms = ["--terms", str(tmp_path / "t.txt")]
    (tmp_path / "a.en").write_text("\n \n\n", encoding="utf-8")
    (tmp_path / "a.zh").write_text("\n\n\t\n", encoding="utf-8")
    src_tgt = ["--src", str(tmp_path / "a.en"), "--tgt", str(tmp_path / "a.zh")]
    for command in ("terms", "pairs"):
        for quiet in ([], ["-q"]):
            args = [command, *src_tgt, *(terms if command == "terms" else []), *quiet]
            assert invoke(runner, *args)[::2] == (
                1,
                f"termkit: error: no non-empty sentence pair in {tmp_path / 'a.en'} and {tmp_path / 'a.zh'}: "
                "only blank lines; give rows of 'English<TAB>Chinese', or line-aligned --src and --tgt files\n",
            )
    # codes and numbers are skipped without a warning
    codes = tmp_path / "codes.tsv"
    codes.write_text("123\t123\nA/B\tA/B\n", encoding="utf-8")
    code, _, err = invoke(runner, "terms", str(codes), *terms)
    assert code == 1
    assert err == (
        f"termkit: error: no usable sentence pair in {codes}: no Chinese side has a Chinese character "
        "(codes and numbers are skipped); give English sentences with their Chinese translation\n"
    )
    # a memory with no English-Chinese unit
    memory = tmp_path / "fr.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" '
        'datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>Village</seg></tuv>'
        '<tuv xml:lang="fr"><seg>Village</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    code, _, err = invoke(runner, "terms", str(memory), *terms)
    assert code == 1
    assert err == (
        f"termkit: error: no sentence pair in {memory}: no unit has both an English (en) and a Chinese (zh) "
        "segment; give a translation memory between English and Chinese\n"
    )


def test_missing_document(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(
        runner, "docs", str(tmp_path / "nope.txt"), str(tmp_path / "nope.zh"), "-o", str(tmp_path / "o.tmx")
    )
    assert code == 1
    assert err == f"termkit: error: {tmp_path / 'nope.txt'}: no such file\n"
    assert not (tmp_path / "o.tmx").exists()


def test_src_and_tgt_files_given_the_other_way_round_are_named(
    runner: CliRunner, tmp_path: Path, bitext: Path
) -> None:
    # before: "the first column is Chinese and the second English", for two files
    rows = [line.split("\t") for line in bitext.read_text(encoding="utf-8").splitlines()]
    en, zh = tmp_path / "doc.en", tmp_path / "doc.zh"
    en.write_text("".join(f"{e}\n" for e, _ in rows), encoding="utf-8")
    zh.write_text("".join(f"{z}\n" for _, z in rows), encoding="utf-8")
    (tmp_path / "t.txt").write_text("village\n", encoding="utf-8")
    code, out, err = invoke(
        runner, "terms", "--src", str(zh), "--tgt", str(en), "--terms", str(tmp_path / "t.txt"), "--top", "1"
    )
    assert code == 0
    assert out.startswith("village [4]: 村 ")
    assert (
        f"termkit: warning: {zh}:1:1: --src {zh} is Chinese and --tgt {en} English in most lines; "
        "reading them the other way round (--src takes the English file)"
    ) in err
    assert "column" not in err


def test_a_terms_file_without_a_term_is_an_error(runner: CliRunner, tmp_path: Path, bitext: Path) -> None:
    # before: exit 0 and "0 terms, 0 with a candidate", after the whole corpus was read and trained
    terms = tmp_path / "t.txt"
    terms.write_text("# to do\n\n", encoding="utf-8")
    code, out, err = invoke(runner, "terms", str(bitext), "--terms", str(terms))
    assert code == 1 and out == ""
    assert (
        err
        == f"termkit: error: {terms}: no term: only blank or comment lines; give one English term per line\n"
    )


def test_one_more_skipped_pair_is_counted_in_the_singular(
    runner: CliRunner, tmp_path: Path, bitext: Path
) -> None:
    # five warnings are shown, the sixth skipped pair is counted: before, "1 more pairs skipped"
    path = tmp_path / "b.tsv"
    english = "".join(f"English line {i}\tAn English line {i}\n" for i in range(6))
    path.write_text(english + bitext.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "t.txt").write_text("village\n", encoding="utf-8")
    code, _, err = invoke(runner, "terms", str(path), "--terms", str(tmp_path / "t.txt"))
    assert code == 0, err
    assert f"termkit: warning: {path}:6:1: 1 more pair skipped for the same reason, the last here\n" in err


def test_a_nul_byte_deep_in_a_document_is_located_in_it(runner: CliRunner, tmp_path: Path) -> None:
    """A NUL after the first 8 KB got through to the output, whose writer refused it
    without saying where it was: "unit '71' contains a NUL character, which a PO file
    cannot carry" (PO), or the output's name and a unit number (TMX)."""
    en, zh = numbered_lines(400)
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.zh.txt"
    lines = [f"{line}\n" for line in en]
    lines[300] = lines[300][:4] + "\x00" + lines[300][4:]
    src.write_text("".join(lines), encoding="utf-8")
    assert src.read_bytes().index(b"\x00") > 8192
    tgt.write_text("".join(f"{line}\n" for line in zh), encoding="utf-8")
    for out in ("a.po", "a.tmx"):
        output = tmp_path / out
        output.write_text("old\n", encoding="utf-8")
        code, _, err = invoke(runner, "docs", str(src), str(tgt), "-o", str(output))
        assert code == 1
        assert err == (
            f"termkit: error: {src}:301:5: NUL character: a text file holds none (a damaged file?); delete it\n"
        )
        assert output.read_text(encoding="utf-8") == "old\n"


def test_a_character_xml_cannot_hold_is_located_in_its_document(runner: CliRunner, tmp_path: Path) -> None:
    """A vertical tab (a word processor's line break) or an escape sequence inside a
    line: the TMX/XLIFF writer refused it naming only the output and a unit number.
    At either end of a line (a form feed before a page) it is stripped, as before."""
    en, zh = numbered_lines(30)
    lines = [f"{line}\n" for line in en]
    lines[3] = "\f" + lines[3].rstrip("\n") + "\x0b\n"
    lines[11] = lines[11][:6] + "\x0b" + lines[11][6:]
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.zh.txt"
    src.write_text("".join(lines), encoding="utf-8")
    tgt.write_text("".join(f"{line}\n" for line in zh), encoding="utf-8")
    for out in ("a.tmx", "a.xlf"):
        code, _, err = invoke(runner, "docs", str(src), str(tgt), "-o", str(tmp_path / out))
        assert code == 1
        assert err == (
            f"termkit: error: {src}:12:7: control character U+000B, which a TMX or XLIFF file cannot hold; "
            "delete it\n"
        )
        assert not (tmp_path / out).exists()
    # the documents given the other way round: still the English one that is named
    code, _, err = invoke(runner, "docs", str(tgt), str(src), "-o", str(tmp_path / "b.tmx"))
    assert code == 1 and err.startswith(f"termkit: error: {src}:12:7: control character U+000B")
    # PO and TSV carry it
    assert invoke(runner, "docs", str(src), str(tgt), "-o", str(tmp_path / "a.po"))[0] == 0
    lines[11] = lines[11].replace("\x0b", "")
    src.write_text("".join(lines), encoding="utf-8")
    assert invoke(runner, "docs", str(src), str(tgt), "-o", str(tmp_path / "a.tmx"))[0] == 0


@pytest.mark.parametrize("command", ["terms", "pairs"])
def test_a_header_that_names_chinese_first_over_english_first_columns_reads_the_columns(
    command: str, runner: CliRunner, tmp_path: Path, bitext: Path
) -> None:
    """``zh-CN<TAB>en`` over a file of English first (a header written the wrong way
    round): the header was trusted, each Chinese column was read as English, every pair
    was skipped ('the Chinese side has no Chinese character') and the command failed;
    before the header was read at all, the columns were read as they are."""
    rows, terms, expected = _plain_run(command, runner, tmp_path, bitext)
    wrong = tmp_path / "wrong.tsv"
    wrong.write_text("zh-CN\ten\n" + "".join(f"{e}\t{z}\n" for e, z in rows), encoding="utf-8")
    code, out, err = invoke(runner, command, str(wrong), *terms)
    assert code == 0, err
    assert out == expected[1]
    assert f"termkit: warning: {wrong}:2:1: the header line names Chinese first, but the first column" in err
