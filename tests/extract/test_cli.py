"""``termkit extract`` through CliRunner: every option, every output format, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from termkit.cli.main import cli

from conftest import SEED, SHARED, require_shared
from termkit.extract.scoring import Candidate

TEXT = (
    "【Rain Plan】 The Rain Plan trains rural labors.\n"
    "The Rain Plan and the Western Development Project support key counties.\n"
    "Key counties get ex-situ anti-poverty relocation; key counties grow.\n"
)
ZH = "实施整村推进，开展易地扶贫搬迁。\n整村推进和易地扶贫搬迁是重点工作。\n【雨露计划】培训劳动力。\n"


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["extract", *args], input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_text_table(text_file: Path) -> None:
    code, out, err = run(str(text_file), "--top", "3", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].split()[0] == "1"
    assert lines[0].endswith("Rain Plan")
    assert "key counties" in out
    assert re.fullmatch(r"\d+ candidates \(en\) from 3 lines; showing 3\n", err)


def test_quiet_and_language_detection(text_file: Path) -> None:
    code, out, err = run(str(text_file), "--top", "2", "--quiet")
    assert code == 0 and err == ""
    assert len(out.splitlines()) == 2


def test_jsonl_fields_best_first(text_file: Path) -> None:
    code, out, _ = run(str(text_file), "--format", "jsonl", "--top", "0")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert all(rows[i]["score"] >= rows[i + 1]["score"] for i in range(len(rows) - 1))
    first = rows[0]
    assert set(first) >= {"term", "score", "frequency", "variants", "locations"}
    assert first["term"] == "Rain Plan"
    assert first["locations"] == [f"{text_file}:1", f"{text_file}:2"]
    assert first["frequency"] == 3
    assert "parts" not in first


def test_json_and_explain(text_file: Path) -> None:
    code, out, _ = run(str(text_file), "--format", "json", "--explain", "--top", "1")
    assert code == 0
    [row] = json.loads(out)
    assert set(row["parts"]) == {"cvalue", "specificity", "dispersion", "layout", "shape", "independence"}
    assert abs(sum(row["parts"].values()) - row["score"]) < 0.01
    # Title Case twice in running text; the capital that opens the 【heading】 is no evidence
    assert row["signals"] == {"heading": 1, "title": 2}


def test_text_explain_shows_parts(text_file: Path) -> None:
    code, out, _ = run(str(text_file), "--explain", "--top", "1", "-q")
    assert code == 0
    first, second = out.splitlines()
    assert first.endswith("Rain Plan")
    assert "cvalue=" in second and "layout=+" in second and "[heading,title]" in second


def test_tsv(text_file: Path) -> None:
    code, out, _ = run(str(text_file), "--format", "tsv", "--top", "2", "--explain")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split("\t") == [
        "rank",
        "term",
        "score",
        "frequency",
        "dispersion",
        "variants",
        "locations",
        "score_cvalue",
        "score_specificity",
        "score_dispersion",
        "score_layout",
        "score_shape",
        "score_independence",
    ]
    assert len(rows) == 2 and rows[0].split("\t")[1] == "Rain Plan"
    # "dispersion" means the same with and without --explain: the count of sections
    _, plain, _ = run(str(text_file), "--format", "tsv", "--top", "2")
    assert [r.split("\t")[:7] for r in rows] == [r.split("\t") for r in plain.splitlines()[1:]]
    assert not any(cell == "-0.0000" for r in rows for cell in r.split("\t"))


def test_min_freq(text_file: Path) -> None:
    _, out, _ = run(str(text_file), "--min-freq", "3", "--top", "0", "-q", "--format", "jsonl", "--explain")
    rows = [json.loads(line) for line in out.splitlines()]
    # what layout marks (a Title Case name seen once) stays
    assert rows and all(r["frequency"] >= 3 or r["signals"] for r in rows)
    assert "rural labors" not in {r["term"] for r in rows}


def test_output_file(text_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    code, out, _ = run(str(text_file), "--format", "jsonl", "-o", str(target), "-q")
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8").splitlines()[0])["term"] == "Rain Plan"


def test_stdin() -> None:
    code, out, _ = run("-", "--top", "1", "-q", input=TEXT.encode("utf-8"))
    assert code == 0
    assert out.rstrip().endswith("Rain Plan")


def test_chinese_with_glossary(tmp_path: Path) -> None:
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "p.yaml").write_text(
        "zheng-cun-tui-jin:\n  status: approved\n  terms:\n    en:\n"
        "      - text: entire village advancement\n"
        "    zh-CN:\n      - text: 整村推进\n"
        "yi-di:\n  status: approved\n  terms:\n    en:\n      - text: ex-situ relocation\n"
        "    zh-CN:\n      - text: 易地扶贫搬迁\n",
        encoding="utf-8",
    )
    path = tmp_path / "zh.txt"
    path.write_text(ZH, encoding="utf-8")
    code, out, _ = run(str(path), "--glossary", str(tmp_path / "g"), "--format", "jsonl", "-q")
    assert code == 0
    terms = [json.loads(line)["term"] for line in out.splitlines()]
    assert "整村推进" in terms[:4] and "易地扶贫搬迁" in terms[:4]
    assert "雨露计划" in terms


def test_a_traditional_glossary_term_is_loaded_for_traditional_text_only(tmp_path: Path) -> None:
    # a zh-Hant term was never loaded into jieba: 雨露計劃 fell apart (雨露, 計劃成效顯著);
    # the Simplified text of the same file is not segmented with it (scripts apart)
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "p.yaml").write_text(
        "rain-plan:\n  terms:\n    en:\n      - text: Rain Plan\n    zh-Hant:\n      - text: 雨露計劃\n",
        encoding="utf-8",
    )
    path = tmp_path / "zh.txt"
    path.write_text("推行雨露計劃培訓。\n雨露計劃成效顯著。\n推进雨露计划培训。\n", encoding="utf-8")
    code, out, _ = run(
        str(path), "--lang", "zh", "--glossary", str(tmp_path / "g"), "--format", "jsonl", "-q"
    )
    assert code == 0
    rows = {r["term"]: r for r in map(json.loads, out.splitlines())}
    assert "計劃成效顯著" not in rows and "計劃培訓" not in rows
    assert rows["雨露計劃"]["frequency"] == 2
    # 雨露 is a word of the Simplified line alone, never of the Traditional ones
    assert rows["雨露"]["frequency"] == 1 and "计划培训" in rows


def test_into(text_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "glossary" / "proposed.yaml"
    code, out, err = run(str(text_file), "--into", str(target), "--top", "3", "--glossary", str(tmp_path))
    assert code == 0
    assert len(out.splitlines()) == 3
    assert err == f"{target}: added 3 proposed concepts; 0 candidates already in the glossary\n"
    assert "rain-plan:\n  status: proposed\n  provenance: extractor\n" in target.read_text(encoding="utf-8")
    code, out, err = run(str(text_file), "--into", str(target), "--top", "3", "--glossary", str(tmp_path))
    assert code == 0
    assert out == ""
    assert err == f"{target}: added 0 proposed concepts; 3 candidates already in the glossary\n"


def test_into_summary_counts_in_the_singular(text_file: Path, tmp_path: Path) -> None:
    """As the other summaries: "1 proposed concept", not "1 proposed concept(s)"."""
    target = tmp_path / "glossary" / "proposed.yaml"
    args = (str(text_file), "--into", str(target), "--top", "1", "--glossary", str(tmp_path))
    assert run(*args)[2] == f"{target}: added 1 proposed concept; 0 candidates already in the glossary\n"
    assert run(*args)[2] == f"{target}: added 0 proposed concepts; 1 candidate already in the glossary\n"


def test_chinese_into_the_glossary_folder_twice_adds_nothing(tmp_path: Path) -> None:
    """The terms --into proposes are in the glossary the next run loads into jieba: were
    they words of its dictionary, the text would be cut elsewhere (形式暴力侵害土著妇女
    around the proposed 暴力侵害土著妇女) and more proposed."""
    path = tmp_path / "zh.txt"
    path.write_text(
        "开展调查以解决一切形式暴力侵害土著妇女行为。\n将注重权利的办法与性别平等和跨文化观念结合起来。\n",
        encoding="utf-8",
    )
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    target = glossary / "proposed.yaml"
    args = (str(path), "--lang", "zh", "--glossary", str(glossary), "--into", str(target), "--top", "0")
    code, out, _ = run(*args)
    assert code == 0
    assert "暴力侵害土著妇女" in out
    first = target.read_bytes()
    code, out, err = run(*args)
    assert code == 0
    assert out == ""
    assert "added 0 proposed concepts; " in err
    assert target.read_bytes() == first


@pytest.mark.parametrize("rejected", ["concept", "term"])
def test_chinese_terms_a_reviewer_rejected_do_not_steer_the_next_run(tmp_path: Path, rejected: str) -> None:
    """A reviewer rejects the proposals (the concepts, or their terms with 'review:
    rejected') and clears the other marks, as after any review: the rejected terms were
    loaded into jieba, so a rejected fragment became a word and the next run proposed
    longer fragments around it (形式暴力侵害土著妇女)."""
    path = tmp_path / "zh.txt"
    path.write_text(
        "开展调查以解决一切形式暴力侵害土著妇女行为。\n将注重权利的办法与性别平等和跨文化观念结合起来。\n",
        encoding="utf-8",
    )
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    target = glossary / "proposed.yaml"
    args = (str(path), "--lang", "zh", "--glossary", str(glossary), "--into", str(target), "--top", "0")
    assert run(*args)[0] == 0
    reviewed = re.sub(
        r"\n        (score|evidence):.*|\n          - .*", "", target.read_text(encoding="utf-8")
    )
    if rejected == "concept":
        reviewed = reviewed.replace("  status: proposed\n", "  status: rejected\n")
        reviewed = reviewed.replace("\n        review: proposed", "")
    else:
        reviewed = reviewed.replace("review: proposed", "review: rejected")
    assert "review: proposed" not in reviewed and "暴力侵害土著妇女\n" in reviewed
    target.write_text(reviewed, encoding="utf-8")
    code, out, err = run(*args)
    assert code == 0
    assert out == ""
    assert "added 0 proposed concepts; " in err
    assert target.read_text(encoding="utf-8") == reviewed


def test_into_refuses_a_glossary_with_a_concept_id_in_two_files(text_file: Path, tmp_path: Path) -> None:
    # it wrote its proposals and exited 0 beside a glossary check and build refuse
    (tmp_path / "g").mkdir()
    for name in ("a", "b"):
        (tmp_path / "g" / f"{name}.yaml").write_text(
            f"rain-plan:\n  terms:\n    en:\n      - text: {name} plan\n", encoding="utf-8"
        )
    into = tmp_path / "g" / "new.yaml"
    code, out, err = run(str(text_file), "--glossary", str(tmp_path / "g"), "--into", str(into))
    assert (code, out) == (1, "") and not into.exists()
    assert err == (
        f"termkit: error: {tmp_path / 'g' / 'b.yaml'}:1:1: duplicate concept id 'rain-plan' (first at "
        f"{tmp_path / 'g' / 'a.yaml'}:1); rename one, or merge the two [duplicate-id]; run 'termkit check' "
        "for every problem\n"
    )


def test_into_says_how_many_weak_candidates_it_left_out(text_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "glossary" / "proposed.yaml"
    code, out, err = run(str(text_file), "--into", str(target), "--top", "0", "--glossary", str(tmp_path))
    assert code == 0
    assert re.search(r"; \d+ candidates? with a score of 0 or less not added\n$", err), err
    listed = [line.split() for line in out.splitlines()]
    assert listed and all(float(row[1]) > 0 for row in listed)


def test_into_refuses_a_file_check_reports_errors_in(text_file: Path, tmp_path: Path) -> None:
    """A control character in a definition is a check error: the file is not written."""
    target = tmp_path / "proposed.yaml"
    original = 'x:\n  definition: "a\\u0007b"\n  terms:\n    en:\n      - text: x\n'
    target.write_text(original, encoding="utf-8")
    code, out, err = run(str(text_file), "--into", str(target), "--top", "3", "--glossary", str(tmp_path))
    assert (code, out) == (1, "")
    assert err.startswith(f"termkit: error: {target}:") and "[control-char]" in err
    assert target.read_text(encoding="utf-8") == original


@pytest.mark.parametrize("glossary", [False, True])
def test_a_broken_into_file_is_refused_before_the_text_is_read(
    text_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, glossary: bool
) -> None:
    """Reading a large text takes minutes: the file it would go into is checked first
    (whether or not it is in the glossary folder that is read first anyway)."""
    target = tmp_path / "g" / "proposed.yaml"
    target.parent.mkdir()
    target.write_text("x:\n  terms:\n    zh-CN:\n      - text: 雨露計劃\n", encoding="utf-8")

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the text was read")

    monkeypatch.setattr("termkit.cli.extract.extract", no_reading)
    args = ["--glossary", str(target.parent)] if glossary else ["--lang", "en"]
    code, out, err = run(str(text_file), "--into", str(target), *args)
    assert (code, out) == (1, "")
    assert err.startswith(f"termkit: error: {target}:4:9: Traditional") and err.count("\n") == 1, err


@pytest.mark.parametrize(("into", "name"), [("proposed", "proposed.yaml"), ("new.txt", "new.yaml")])
def test_into_a_file_no_glossary_folder_loads_is_a_usage_error(
    text_file: Path, tmp_path: Path, into: str, name: str
) -> None:
    """check, build and lint read a folder's *.yaml and *.yml: proposals in glossary/proposed
    would be seen by none of them, and the next --into would propose them again."""
    target = tmp_path / "glossary" / into
    target.parent.mkdir()
    code, out, err = run(str(text_file), "--into", str(target), "--glossary", str(target.parent))
    assert (code, out) == (2, "")
    assert err == (
        f"termkit: error: {target}: --into names no glossary file: a glossary folder loads only "
        f"its *.yaml and *.yml files; name it {target.parent / name}\n"
    )
    assert not target.exists()


@pytest.mark.parametrize(
    ("into", "shown", "name"),
    [
        ("", "", "FILE.yaml"),
        (".", ".: ", "FILE.yaml"),
        ("glossary", "glossary: ", "glossary/FILE.yaml"),
        ("glossary/", "glossary/: ", "glossary/FILE.yaml"),
    ],
)
def test_into_a_folder_is_a_usage_error_naming_a_file_in_it(
    text_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, into: str, shown: str, name: str
) -> None:
    """--into '' and --into . were a traceback (ValueError: PosixPath('.') has an empty
    name); --into glossary said to name it glossary.yaml, beside the folder."""
    monkeypatch.chdir(tmp_path)
    Path("glossary").mkdir()
    code, out, err = run(str(text_file), "--into", into)
    assert (code, out) == (2, "")
    assert err == (
        f"termkit: error: {shown}--into names no glossary file: a glossary folder loads only "
        f"its *.yaml and *.yml files; name it {name}\n"
    )
    assert not any(Path("glossary").iterdir())


BROKEN_GLOSSARY = "rain-plan:\n  status: approved\n  terms: [\n"


@pytest.mark.parametrize("lang", ["en", "zh", None])
def test_a_broken_glossary_named_is_an_error_whatever_the_language(
    tmp_path: Path, text_file: Path, lang: str | None
) -> None:
    """With --lang en the glossary was never read, so one the user named was never
    reported broken; with --lang zh (and detection) it was: now always, before extracting."""
    broken = tmp_path / "g" / "broken.yaml"
    broken.parent.mkdir()
    broken.write_text(BROKEN_GLOSSARY, encoding="utf-8")
    args = ["--glossary", str(broken.parent), str(text_file)] + (["--lang", lang] if lang else [])
    code, out, err = run(*args)
    assert (code, out) == (1, "")
    assert err.startswith(f"termkit: error: {broken}:4:1: YAML syntax error")
    assert len(err.splitlines()) == 1


def test_into_checks_the_default_glossary_in_english_too(
    tmp_path: Path, text_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--into reads the default glossary/ anyway: a content error there (which --lang zh
    reported) is reported with --lang en too, before anything is extracted or written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "a.yaml").write_text(
        "rain-plan:\n  status: approved\n  bogus: 1\n", encoding="utf-8"
    )
    target = tmp_path / "new.yaml"
    code, out, err = run("--lang", "en", "--into", str(target), str(text_file))
    assert (code, out) == (1, "")
    assert err.startswith("termkit: error: glossary/a.yaml:3:3: unknown field 'bogus'")
    assert not target.exists()


def test_english_does_not_read_the_default_glossary_unasked(
    tmp_path: Path, text_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plain English extraction does not pay for reading the default glossary/ (its
    Chinese terms are for jieba): a broken one there is not its business."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "broken.yaml").write_text(BROKEN_GLOSSARY, encoding="utf-8")
    code, out, _ = run("--lang", "en", "-q", str(text_file))
    assert code == 0 and "Rain Plan" in out


def test_bad_inputs_warn_and_go_on(tmp_path: Path, text_file: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"The Rain \xff Plan helps key counties.\n")
    code, out, err = run(str(empty), str(bad), str(text_file), "--top", "1")
    assert code == 0
    assert out.rstrip().endswith("Rain Plan")
    assert err.splitlines()[:-1] == [
        f"termkit: warning: {empty}:1:1: empty file: nothing to extract",
        f"termkit: warning: {bad}:1:10: invalid UTF-8 at byte offset 9 (byte 0xff); "
        "the bad bytes are skipped, the rest of the file is read",
    ]
    # --quiet drops the warnings with the summary; the output and exit status stay.
    assert run(str(empty), str(bad), str(text_file), "--top", "1", "-q") == (0, out, "")


def test_cr_only_files_are_located_line_by_line(tmp_path: Path) -> None:
    """Classic Mac OS line ends (CR and no LF; Excel for Mac's "Text (Macintosh)"), in
    UTF-8 and in UTF-16: locations and warnings name the line, as in a file with LF
    line ends; in one, a CR inside a line is text (line numbers as grep -n gives them)."""
    mac = tmp_path / "mac.txt"
    mac.write_bytes(b"The Rain Plan helps.\rKey counties \xff grow.\rThe Rain Plan again.\r")
    u16 = tmp_path / "u16.txt"
    u16.write_bytes("The Rain Plan helps.\rKey counties grow.\rThe Rain Plan again.\r".encode("utf-16"))
    lf = tmp_path / "lf.txt"
    lf.write_bytes(b"The Rain Plan\rhelps.\nKey counties grow.\nThe Rain Plan again.\n")
    for path in (mac, u16, lf):
        code, out, err = run(str(path), "--format", "jsonl", "--top", "0", "--lang", "en")
        assert code == 0
        assert records(out)["Rain Plan"]["locations"] == [f"{path}:1", f"{path}:3"]
        if path is mac:
            assert err.splitlines()[0] == (
                f"termkit: warning: {mac}:2:14: invalid UTF-8 at byte offset 34 (byte 0xff); "
                "the bad bytes are skipped, the rest of the file is read"
            )


def test_binary_file_is_an_error_but_the_rest_is_read(tmp_path: Path, text_file: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02\x03")
    code, out, err = run(str(binary), str(text_file), "--top", "1", "-q")
    assert code == 1
    assert out.rstrip().endswith("Rain Plan")
    assert err == f"termkit: error: {binary}:1:1: binary file (NUL bytes), not text; give a UTF-8 text file\n"


@pytest.mark.parametrize("bad", [b"\x00\x01", b"<?xml version='1.0'?><xliff><file><body><trans-unit"])
def test_into_writes_nothing_when_an_input_cannot_be_read(
    tmp_path: Path, text_file: Path, bad: bytes
) -> None:
    """The run fails (exit 1): the glossary file is left as it was, not given the
    proposals of the other files (nor of the units read before a malformed XML's error)."""
    broken = tmp_path / ("x.bin" if bad.startswith(b"\x00") else "x.xlf")
    broken.write_bytes(bad)
    target = tmp_path / "glossary" / "proposed.yaml"
    target.parent.mkdir()
    target.write_text(EXISTING_INTO, encoding="utf-8")
    code, out, err = run(
        str(broken), str(text_file), "--into", str(target), "--top", "3", "--glossary", str(target.parent)
    )
    assert code == 1
    assert target.read_text(encoding="utf-8") == EXISTING_INTO
    assert err.startswith(f"termkit: error: {broken}:")
    assert err.splitlines()[-1] == (
        f"{target}: nothing written (3 proposed concepts to add once every input can be read: "
        "fix the errors above and run again); 0 candidates already in the glossary"
    )
    code, out, err = run(
        str(text_file), "--into", str(target), "--top", "3", "--glossary", str(target.parent)
    )
    assert (code, len(out.splitlines())) == (0, 3)
    assert target.read_text(encoding="utf-8") != EXISTING_INTO


EXISTING_INTO = "# proposals\nrural-area:\n  status: proposed\n  terms:\n    en:\n      - text: rural area\n"


def test_a_file_that_fails_is_reported_like_every_error(tmp_path: Path, text_file: Path) -> None:
    # The same line as when the file is the only input and the run stops (the shared
    # stderr format): only the exit status and the rest of the output differ.
    missing = str(tmp_path / "missing.txt")
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01")
    alone = [run(missing)[2], run(str(binary))[2]]
    assert alone == [
        f"termkit: error: {missing}:1:1: no such file\n",
        f"termkit: error: {binary}:1:1: binary file (NUL bytes), not text; give a UTF-8 text file\n",
    ]
    code, out, err = run(missing, str(binary), str(text_file), "--top", "1")
    assert code == 1
    assert out.rstrip().endswith("Rain Plan")
    assert err.splitlines()[:2] == [line.rstrip("\n") for line in alone]
    assert err.splitlines()[2].endswith("showing 1")


ORDER_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" \
creationtool="x" creationtoolversion="1"/>
<body>
<tu><tuv xml:lang="zh-CN"><seg>农村信用合作社开业了。</seg></tuv><tuv xml:lang="en"><seg>The rural credit \
cooperative opened.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The rural credit cooperative closed.</seg></tuv><tuv xml:lang="zh-CN"><seg>农村信\
用合作社关门了。</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Another rural credit cooperative failed.</seg></tuv><tuv xml:lang="zh-CN"><seg>另\
一个农村信用合作社倒闭了。</seg></tuv></tu>
</body></tmx>
"""


@pytest.mark.parametrize("side", ["source", "target"])
def test_side_is_the_tmx_srclang_not_the_first_tuv(tmp_path: Path, side: str) -> None:
    """An OmegaT/Trados user's "source" is the memory's source language (header
    srclang="en"), even in a <tu> that lists zh-CN first (the audit's order.tmx)."""
    tmx = tmp_path / "order.tmx"
    tmx.write_text(ORDER_TMX, encoding="utf-8")
    code, out, err = run(str(tmx), "--format", "jsonl", "--side", side)
    assert code == 0
    rows = {r["term"]: r for r in map(json.loads, out.splitlines())}
    term = "rural credit cooperative" if side == "source" else "农村信用合作社"
    assert rows[term]["frequency"] == 3
    assert rows[term]["locations"] == [f"{tmx}:4", f"{tmx}:5", f"{tmx}:6"]
    assert "warning" not in err


def test_only_unreadable_input(tmp_path: Path) -> None:
    code, out, err = run(str(tmp_path / "missing.txt"))
    assert code == 1
    assert out == ""
    assert err.endswith(f"termkit: error: {tmp_path / 'missing.txt'}:1:1: no such file\n")


def test_usage_errors() -> None:
    assert run()[0] == 2
    assert run("x.txt", "--lang", "fr")[0] == 2
    assert run("x.txt", "--top", "-1")[0] == 2


def test_help_has_an_example() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "Example:" in out and "termkit extract report.txt --into glossary/proposed.yaml" in out


def test_explained_parts_are_never_negative_zero() -> None:
    cand = Candidate("x", "x", 1.0, 1, 1, ["x"], [], parts={"independence": -0.0, "cvalue": -0.00001})
    parts = cand.to_dict(explain=True)["parts"]
    assert [f"{v:.4f}" for v in parts.values()] == ["0.0000", "0.0000"]
    assert json.dumps(parts) == '{"independence": 0.0, "cvalue": 0.0}'


def test_standard_input_twice_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["extract", "-", "-", "--lang", "en"], input="Rain Plan\n")
    assert result.exit_code == 2
    assert "termkit: error: '-' (standard input) is given more than once" in result.stderr


def test_a_file_in_the_other_language_is_reported_once(tmp_path: Path, text_file: Path) -> None:
    """English detected: the Chinese file's lines are skipped, said once for the file
    (not per line), with what to do; and the reverse with --lang zh."""
    en = tmp_path / "en.txt"
    en.write_text(TEXT * 10, encoding="utf-8")
    zh = tmp_path / "zh.txt"
    zh.write_text(ZH * 5, encoding="utf-8")
    code, out, err = run(str(en), str(zh), "--top", "1")
    assert code == 0
    assert out.rstrip().endswith("Rain Plan")
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert warnings == [
        f"termkit: warning: {zh}:1:1: 15 of 15 lines in Chinese skipped (extracting English); "
        "run again with --lang zh for them"
    ]
    code, out, err = run(str(zh), str(text_file), "--lang", "zh", "--top", "1")
    assert code == 0
    assert err.splitlines()[0] == (
        f"termkit: warning: {text_file}:1:1: 3 of 3 lines in English skipped (extracting Chinese); "
        "run again with --lang en for them"
    )
    assert len(err.splitlines()) == 2  # and the summary
    code, _, err = run(str(zh), "--lang", "en", "-q")
    assert code == 0 and err == ""


def test_a_few_lines_in_the_other_language_are_no_warning(tmp_path: Path) -> None:
    """A Chinese web-page footer under an English text (under 20% of its lines) is
    skipped silently; from 20% on it is reported, at its first line."""
    path = tmp_path / "page.txt"
    english = TEXT * 3  # 9 lines
    path.write_text(
        english + "\n扫描下载手机客户端\n版权所有©中国国际扶贫中心 未经许可不得复制\n", encoding="utf-8"
    )
    code, _, err = run(str(path), "--top", "1")
    assert code == 0 and "warning" not in err
    path.write_text(english + "\n扫描下载手机客户端\n版权所有©中国国际扶贫中心\n技术支持\n", encoding="utf-8")
    code, _, err = run(str(path), "--top", "1")
    assert code == 0
    assert f"termkit: warning: {path}:11:1: 3 of 12 lines in Chinese skipped" in err


def test_the_seeds_footer_is_no_warning() -> None:
    seed = require_shared(SEED)
    code, _, err = run(str(seed), "--top", "1")
    assert code == 0
    assert "lines in Chinese skipped" not in err


def test_every_failed_input_is_reported(tmp_path: Path) -> None:
    """When every input fails, each one's error is reported (not only the first), exit 1."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = [str(tmp_path / "missing.txt"), str(tmp_path / "missing2.txt")]
    code, out, err = run(*missing)
    assert (code, out) == (1, "")
    assert err == "".join(f"termkit: error: {m}:1:1: no such file\n" for m in missing)
    code, out, err = run(str(empty), *missing, "-q")
    assert (code, out) == (1, "")
    assert err == "".join(f"termkit: error: {m}:1:1: no such file\n" for m in missing)


def test_a_gbk_file_is_one_error_not_a_flood(tmp_path: Path, text_file: Path) -> None:
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(("整村推进和易地扶贫搬迁是重点工作。\n" * 10_500).encode("gb18030"))
    code, out, err = run(str(gbk))
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(f"termkit: error: {gbk}:1:1: not UTF-8: ")
    assert "iconv -f GB18030 -t UTF-8" in err
    code, out, err = run(str(gbk), str(text_file), "--top", "1")
    assert code == 1
    assert out.rstrip().endswith("Rain Plan")
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"termkit: error: {gbk}:1:1: not UTF-8: ")
    assert lines[1].endswith("from 3 lines; showing 1")


def test_an_empty_file_alone_is_still_a_warning(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(str(empty))
    assert (code, out) == (0, "")
    assert err.splitlines()[0] == f"termkit: warning: {empty}:1:1: empty file: nothing to extract"


def records(out: str) -> dict[str, dict]:  # type: ignore[type-arg]
    return {r["term"]: r for r in map(json.loads, out.splitlines())}


def all_terms(tmp_path: Path, text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    """Every English candidate of ``text`` (as a file), by term, as ``--format jsonl`` gives it."""
    path = tmp_path / "in.txt"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(str(path), "--format", "jsonl", "--top", "0", "--lang", "en")
    assert code == 0
    return records(out)


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The Rain Plan helps.\nThe Rain Plan again.\n", encoding="utf-8")
    same = str(tmp_path / "." / "a.txt")
    code, out, err = run(str(path), same, "--format", "jsonl", "--lang", "en")
    assert code == 0
    assert records(out)["Rain Plan"]["frequency"] == 2
    assert "given again: it is read once" in err


def test_nested_quotation_is_no_term_with_quote_marks(tmp_path: Path) -> None:
    terms = all_terms(tmp_path, "Farmers read “nested ‘quoted “Rain Plan” slogan’ here” today.\n")
    assert "Rain Plan" in terms
    assert not [t for t in terms if any(m in t for m in '“”"')]


def test_full_width_latin_is_the_same_word(tmp_path: Path) -> None:
    terms = all_terms(tmp_path, "The Rain Plan trains farmers.\nThe ＲＡＩＮ ＰＬＡＮ trains farmers.\n")
    plan = next(r for r in terms.values() if "Rain Plan" in r["variants"])
    assert plan["frequency"] == 2
    assert not [t for t in terms if any("\uff01" <= ch <= "\uff5e" for ch in t)]


def test_underscores_make_one_space(tmp_path: Path) -> None:
    terms = all_terms(tmp_path, "This is en__zh example one.\nThis is en__zh example two.\n")
    assert not [t for t in terms if "  " in t]


def test_web_and_mail_addresses_are_no_words(tmp_path: Path) -> None:
    terms = all_terms(
        tmp_path,
        "See http://www.cpad.gov.cn/rural_roads/index.html for the Rain Plan.\n"
        "The Rain Plan is at www.example.org; mail info@cpad.gov.cn today.\nThe Rain Plan works.\n",
    )
    assert terms["Rain Plan"]["frequency"] == 3
    assert not {"cpad", "www", "gov", "org", "rural roads", "http", "html", "cn"} & set(terms)


def test_the_summary_says_one_line(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("The Rain Plan works.\n", encoding="utf-8")
    code, _out, err = run(str(path), "--lang", "en")
    assert code == 0
    assert re.fullmatch(r"\d+ candidates? \(en\) from 1 line; showing \d+\n", err)


def test_a_term_base_is_no_text_to_extract_from(text_file: Path, tmp_path: Path) -> None:
    # its XML read as text ranked "langSet", "tig" and "subjectField" as terms
    tbx = tmp_path / "terms.tbx"
    tbx.write_text(
        '<?xml version="1.0"?>\n<tbx type="TBX-Basic"><text><body><conceptEntry id="c">'
        '<langSec xml:lang="en"><termSec><term>Rain Plan</term></termSec></langSec>'
        "</conceptEntry></body></text></tbx>\n",
        encoding="utf-8",
    )
    code, out, err = run(str(tbx), str(text_file), "--lang", "en")
    assert code == 1
    assert f"termkit: error: {tbx}:1:1: a TBX term base, not a text" in err
    assert f"termkit import {tbx}" in err
    assert "Rain Plan" in out and "langSec" not in out and "termSec" not in out


@pytest.mark.parametrize(
    "name",
    [
        "tmx/omegat520__omegat-l10n-zh-cn__project_save.tmx",
        "xliff/symfony-validator__validators.zh_CN.xlf",
        # its first msgid comes after 8 KB of comments
        "po/git__zh_CN.po",
        # UTF-16 without a byte-order mark: refused as "UTF-16 text without a BOM"
        "xliff/heartsome-hsstudio__Test_UTF16LE.txt.xlf",
    ],
)
def test_a_memory_on_standard_input_is_read_as_one(name: str) -> None:
    """A TMX, XLIFF or PO file piped in was read as plain text: "msgid" and "msgstr"
    were git's first and third candidates, and a TMX's markup ranked as terms."""
    path = require_shared(SHARED / "formats" / name)
    _, piped, _ = run("-", "--top", "20", "--format", "tsv", "-q", input=path.read_bytes())
    _, named, _ = run(str(path), "--top", "20", "--format", "tsv", "-q")
    assert piped.replace("<stdin>", str(path)) == named
    assert "msgid" not in piped and "seg" not in piped.split()


def test_a_malformed_memory_on_standard_input_is_one_located_line() -> None:
    broken = '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body><tu>\n'
    code, out, err = run("-", input=broken.encode("utf-8"))
    assert code == 1 and out == ""
    assert re.fullmatch(r"termkit: error: <stdin>:3:1: malformed XML: [^\n]+\n", err)


def test_utf8_text_behind_a_utf16_bom_is_an_error_not_chinese(tmp_path: Path) -> None:
    """It was read as UTF-16: English became CJK-looking nonsense, ranked as Chinese."""
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xff\xfe" + TEXT.encode())
    code, out, err = run(str(path))
    assert (code, out) == (1, "")
    assert err == (
        f"termkit: error: {path}:1:1: a UTF-16 byte-order mark (bytes FF FE) before UTF-8 text; "
        "delete those two bytes (save the file as UTF-8)\n"
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (
            TEXT.encode("utf-32"),
            "UTF-32 text (byte-order mark FF FE 00 00), which termkit does not read; re-save the file as UTF-8",
        ),
        (
            b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"),
            "UTF-32 text (byte-order mark 00 00 FE FF), which termkit does not read; re-save the file as UTF-8",
        ),
        (
            b"\xff\xfe\x00\x00" + TEXT.encode(),
            "a UTF-32 byte-order mark (bytes FF FE 00 00) before UTF-8 text; "
            "delete those four bytes (save the file as UTF-8)",
        ),
    ],
)
def test_utf32_is_an_error_not_nothing_or_chinese(tmp_path: Path, data: bytes, problem: str) -> None:
    """UTF-32 with its BOM was read as UTF-16: no candidate from 0 lines and exit 0
    (each character a NUL beside it), or UTF-8 behind the mark ranked as CJK nonsense."""
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    code, out, err = run(str(path))
    assert (code, out) == (1, "")
    assert err == f"termkit: error: {path}:1:1: {problem}\n"


@pytest.mark.parametrize(
    ("tag", "term", "same_as"),
    [
        ("zh-Hans", "雨露计划", "zh-CN"),
        ("zh-SG", "雨露计划", "zh-CN"),
        ("zh-Hans-CN", "雨露计划", "zh-CN"),
        ("zh", "雨露计划", "zh-CN"),
        ("zh", "雨露計劃", "zh-Hant"),
        ("zh-TW", "雨露計劃", "zh-Hant"),
    ],
)
def test_a_chinese_term_counts_under_every_tag_of_its_script(
    tag: str, term: str, same_as: str, tmp_path: Path
) -> None:
    """Only terms under exactly zh-CN were loaded into jieba as Simplified terms: one under
    zh-Hans, zh-SG, zh-Hans-CN or a bare zh was ignored (雨露计划 ranked as without a
    glossary), and a bare zh term in Traditional characters too."""
    path = tmp_path / "zh.txt"
    path.write_text(
        "推行雨露计划培训。\n雨露计划成效显著。\n推行雨露計劃培訓。\n雨露計劃成效顯著。\n", encoding="utf-8"
    )

    def ranking(lang: str) -> list[tuple[str, float]]:
        folder = tmp_path / lang
        folder.mkdir(exist_ok=True)
        (folder / "p.yaml").write_text(
            f"rain-plan:\n  terms:\n    en:\n      - text: Rain Plan\n    {lang}:\n      - text: {term}\n",
            encoding="utf-8",
        )
        code, out, _ = run(str(path), "--lang", "zh", "--glossary", str(folder), "--format", "jsonl", "-q")
        assert code == 0
        return [(r["term"], r["score"]) for r in map(json.loads, out.splitlines())]

    assert ranking(tag) == ranking(same_as)
    assert ranking(same_as) != ranking("fr")  # (the term steers the ranking)
