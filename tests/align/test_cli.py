from __future__ import annotations

import doctest
import json
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from termkit.cli.main import cli

from termkit.align import docs as docs_module
from termkit.align.sentences import Link
from termkit.formats.registry import read_memory


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["align", *args])
    return result.exit_code, result.stdout, result.stderr


def test_align_terms_text(runner: CliRunner, bitext: Path, terms_file: Path) -> None:
    code, out, err = run(runner, "terms", str(bitext), "--terms", str(terms_file), "--top", "1")
    assert code == 0, err
    assert out == (
        "rain plan [4]: 雨露计划 (1.00, 4 pairs)\n"
        "Poverty Alleviation [4]: 扶贫 (0.96, 4 pairs)\n"
        "rural roads [4]: 农村公路 (0.96, 4 pairs)\n"
        "unknown thing [0]: no candidate: the term does not occur in the bitext\n"
    )
    assert err == "4 terms, 3 with a candidate, 1 without; 20 pairs\n"


def test_align_terms_jsonl(runner: CliRunner, bitext: Path, terms_file: Path) -> None:
    code, out, _ = run(runner, "terms", str(bitext), "--terms", str(terms_file), "--format", "jsonl", "-q")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["term"] for r in rows] == ["rain plan", "Poverty Alleviation", "rural roads", "unknown thing"]
    first = rows[0]
    assert set(first) == {"term", "frequency", "candidates"}
    assert first["frequency"] == 4
    best = first["candidates"][0]
    assert set(best) == {"zh", "score", "count", "examples"}
    assert best["zh"] == "雨露计划" and best["count"] == 4
    assert all(ex.startswith(f"{bitext}:") for ex in best["examples"])
    assert rows[3]["candidates"] == []


def test_align_terms_line_aligned_files_and_tsv(runner: CliRunner, tmp_path: Path, bitext: Path) -> None:
    rows = [line.split("\t") for line in bitext.read_text(encoding="utf-8").splitlines()]
    (tmp_path / "a.en").write_text("".join(e + "\n" for e, _ in rows), encoding="utf-8")
    (tmp_path / "a.zh").write_text("".join(z + "\n" for _, z in rows), encoding="utf-8")
    (tmp_path / "t.txt").write_text("village\n", encoding="utf-8")
    code, out, _ = run(
        runner,
        "terms",
        "--src",
        str(tmp_path / "a.en"),
        "--tgt",
        str(tmp_path / "a.zh"),
        "--terms",
        str(tmp_path / "t.txt"),
        "--format",
        "tsv",
        "--top",
        "1",
        "-q",
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "term\tfrequency\trank\tzh\tscore\tcount\texamples\tnote"
    assert lines[1].startswith("village\t4\t1\t村\t")


def test_a_glossary_with_every_chinese_term_aligns_nothing(
    runner: CliRunner, bitext: Path, tmp_path: Path
) -> None:
    """The bitext was segmented and an aligner trained, then "0 terms" said."""
    (tmp_path / "g.yaml").write_text(
        "rain-plan:\n  status: approved\n  terms:\n    en:\n      - text: Rain Plan\n"
        "        status: preferred\n    zh-CN:\n      - text: 雨露计划\n        status: preferred\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, "terms", str(bitext), "--glossary", str(tmp_path), "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    assert err.startswith(
        "0 terms: every concept of the glossary has a Chinese term in Simplified characters, as the bitext "
        "is written; nothing to align"
    )
    code, _, err = run(runner, "terms", str(tmp_path / "missing.tsv"), "--glossary", str(tmp_path))
    assert code == 1 and "missing.tsv" in err


def test_align_terms_needs_terms(runner: CliRunner, bitext: Path) -> None:
    code, _, err = run(runner, "terms", str(bitext))
    assert code == 2
    assert err == "termkit: error: give the terms: --terms FILE, or --glossary DIR\n"


def test_align_pairs(runner: CliRunner, bitext: Path) -> None:
    code, out, _ = run(runner, "pairs", str(bitext), "--format", "jsonl", "-q")
    assert code == 0
    found = {json.loads(line)["term"]: json.loads(line)["candidates"][0]["zh"] for line in out.splitlines()}
    assert found["rain plan"] == "雨露计划"
    assert found["drinking water"] == "饮水"
    assert found["Gansu"] == "甘肃"


def test_align_docs_tmx_and_tsv(runner: CliRunner, tmp_path: Path) -> None:
    en, zh = _docs(tmp_path)
    out = tmp_path / "doc.tmx"
    code, _, err = run(runner, "docs", str(en), str(zh), "-o", str(out))
    assert code == 0, err
    assert err == f"{out}: 3 aligned units (1-1: 3); 0 sentences without a translation\n"
    tree = etree.parse(str(out))
    segs = [[s.text for s in tu.iter("seg")] for tu in tree.iter("tu")]
    assert segs == [
        ["Rain Plan", "雨露计划"],
        ["The plan started in 2011.", "该计划于2011年启动。"],
        ["It trained 35,000 farmers.", "它培训了35000名农民。"],
    ]
    code, stdout, _ = run(runner, "docs", str(en), str(zh), "-o", "-", "--format", "tsv", "-q")
    assert code == 0
    assert stdout == (
        "en\tzh-CN\n"
        "Rain Plan\t雨露计划\nThe plan started in 2011.\t该计划于2011年启动。\n"
        "It trained 35,000 farmers.\t它培训了35000名农民。\n"
    )
    again = tmp_path / "again.tmx"
    run(runner, "docs", str(en), str(zh), "-o", str(again))
    assert again.read_bytes() == out.read_bytes()


def test_align_docs_given_the_other_way_round_reads_them_so(runner: CliRunner, tmp_path: Path) -> None:
    # the Chinese document first: every English sentence was tagged zh-CN and the other way round
    en, zh = _docs(tmp_path)
    right, swapped = tmp_path / "right.tmx", tmp_path / "swapped.tmx"
    assert run(runner, "docs", str(en), str(zh), "-o", str(right))[0] == 0
    code, _, err = run(runner, "docs", str(zh), str(en), "-o", str(swapped))
    assert code == 0
    assert err.startswith(
        f"termkit: warning: {en} is in English and {zh} in Chinese: aligned the other way round\n"
    )
    assert swapped.read_bytes() == right.read_bytes()


@pytest.mark.parametrize(
    "direction", [["--src-lang", "zh-CN"], ["--tgt-lang", "en"], ["--src-lang", "ZH-cn"]]
)
def test_align_docs_from_chinese_into_english(
    direction: list[str], runner: CliRunner, tmp_path: Path
) -> None:
    """A zh→en translator got an en→zh-CN memory: srclang was always en."""
    en, zh = _docs(tmp_path)
    out = tmp_path / "doc.tmx"
    for docs in ((zh, en), (en, zh)):  # either order, without a warning
        code, _, err = run(runner, "docs", *direction, str(docs[0]), str(docs[1]), "-o", str(out))
        assert (code, err) == (0, f"{out}: 3 aligned units (1-1: 3); 0 sentences without a translation\n")
        tree = etree.parse(str(out))
        assert tree.find("header").get("srclang") == "zh-CN"
        tuvs = [
            [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tu.iter("tuv")]
            for tu in tree.iter("tu")
        ]
        assert tuvs == [["zh-CN", "en"]] * 3
        memory = read_memory(str(out))
        assert (memory.srclang, memory.units[1].segments["zh-CN"].text) == ("zh-CN", "该计划于2011年启动。")
    code, stdout, _ = run(runner, "docs", *direction, str(zh), str(en), "-o", "-", "--format", "tsv", "-q")
    assert code == 0
    assert stdout.splitlines()[:2] == ["zh-CN\ten", "雨露计划\tRain Plan"]
    code, stdout, _ = run(runner, "docs", *direction, str(zh), str(en), "-o", "-", "--format", "po", "-q")
    assert code == 0
    assert '"X-Source-Language: zh_CN\\n"' in stdout and 'msgid "雨露计划"\nmsgstr "Rain Plan"' in stdout


def test_align_docs_languages_name_the_tags(runner: CliRunner, tmp_path: Path) -> None:
    en, zh = _docs(tmp_path)
    code, stdout, _ = run(
        runner, "docs", "--src-lang", "zh-Hant", str(zh), str(en), "-o", "-", "--format", "tsv"
    )
    assert code == 0 and stdout.startswith("zh-Hant\ten\n")
    code, stdout, _ = run(
        runner, "docs", "--tgt-lang", "zh-CN", str(en), str(zh), "-o", "-", "--format", "tsv"
    )
    assert code == 0 and stdout.startswith("en\tzh-CN\n")
    out = tmp_path / "never.tmx"
    for bad in (["--src-lang", "en", "--tgt-lang", "en"], ["--src-lang", "zh-CN", "--tgt-lang", "zh-Hant"]):
        code, _, err = run(runner, "docs", *bad, str(en), str(zh), "-o", str(out))
        assert code == 2 and "one language must be en and the other zh-CN or zh-Hant" in err
    code, _, err = run(runner, "docs", "--src-lang", "fr", str(en), str(zh), "-o", str(out))
    assert code == 2 and "'fr' is not one of 'en', 'zh-CN', 'zh-Hant'" in err
    assert not out.exists()


def test_align_docs_with_nothing_to_align_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("\n\n", encoding="utf-8")
    en = tmp_path / "doc.en.txt"
    en.write_text("The plan started in 2011.\n", encoding="utf-8")
    out = tmp_path / "old.tmx"
    out.write_bytes(b"an older memory")
    for en_doc, zh_doc, blamed in ((blank, blank, blank), (en, blank, blank)):
        code, _, err = run(runner, "docs", str(en_doc), str(zh_doc), "-o", str(out))
        assert code == 1
        assert err.startswith(f"termkit: error: {blamed}: no sentence")
        assert err.endswith(f"nothing to align; {out} is not written\n")
        assert err.count("\n") == 1
        assert out.read_bytes() == b"an older memory"


def test_help_has_examples(runner: CliRunner) -> None:
    for sub in ("terms", "pairs", "docs"):
        result = runner.invoke(cli, ["align", sub, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.stdout


def test_align_terms_reads_tmx(runner: CliRunner, tmp_path: Path, bitext: Path) -> None:
    from termkit.formats.tmx import write_tmx
    from termkit.model import EN, ZH, Memory, Segment, TranslationUnit

    rows = [line.split("\t") for line in bitext.read_text(encoding="utf-8").splitlines()]
    memory = Memory(
        EN,
        [TranslationUnit({EN: Segment(e), ZH: Segment(z)}, id=f"u{n}") for n, (e, z) in enumerate(rows, 1)],
    )
    tmx = tmp_path / "corpus.tmx"
    with tmx.open("wb") as fp:
        write_tmx(fp, memory)
    (tmp_path / "t.txt").write_text("drinking water\n", encoding="utf-8")
    code, out, _ = run(
        runner, "terms", str(tmx), "--terms", str(tmp_path / "t.txt"), "--format", "jsonl", "-q"
    )
    assert code == 0
    row = json.loads(out)
    assert row["candidates"][0]["zh"] == "饮水"
    assert all(ex.startswith("u") for ex in row["candidates"][0]["examples"])


def test_align_pairs_lists_terms_before_general_words(runner: CliRunner, bitext: Path) -> None:
    # the English candidates come in the term extractor's ranking, not by frequency:
    # the programme names come before "funding" and "officials", seen more often
    code, out, _ = run(runner, "pairs", str(bitext), "--format", "jsonl", "-q")
    assert code == 0
    order = [json.loads(line)["term"].casefold() for line in out.splitlines()]
    terms = [order.index(t) for t in ("rain plan", "poverty alleviation", "rural road", "drinking water")]
    general = [
        i for i, t in enumerate(order) if t in ("funding", "officials", "reported progress", "last year")
    ]
    assert general and max(terms) < min(general)


def test_align_pairs_min_freq_counts_sentence_pairs(runner: CliRunner, tmp_path: Path) -> None:
    # "Sunshine Project" twice in one pair is seen in one pair: below --min-freq 2
    rows = ["The Sunshine Project and the Sunshine Project report.\t阳光工程和阳光工程报告。"]
    rows += [f"The rain plan helps village {i}.\t雨露计划帮助{i}村。" for i in range(6)]
    path = tmp_path / "b.tsv"
    path.write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    code, out, _ = run(runner, "pairs", str(path), "--format", "jsonl", "--min-freq", "2", "-q")
    assert code == 0
    found = {json.loads(line)["term"].casefold(): json.loads(line)["frequency"] for line in out.splitlines()}
    assert "sunshine project" not in found
    assert all(n >= 2 for n in found.values())


def test_align_docs_tsv_is_the_tsv_format_and_reads_back(runner: CliRunner, tmp_path: Path) -> None:
    # the header line termkit always writes, and the format's escapes (a TAB, a backslash)
    from termkit.formats.tsv import read_tsv

    en = tmp_path / "doc.en.txt"
    zh = tmp_path / "doc.zh.txt"
    en.write_text("The Rain Plan\tstarted in 2004.\nSee C:\\plans.\n", encoding="utf-8")
    zh.write_text("雨露计划\t始于2004年。\n见C:\\plans。\n", encoding="utf-8")
    out = tmp_path / "doc.tsv"
    code, _, err = run(runner, "docs", str(en), str(zh), "-o", str(out), "-q")
    assert (code, err) == (0, "")
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "en\tzh-CN"
    memory = read_tsv(out)
    assert memory.srclang == "en"
    assert [(u.segments["en"].text, u.segments["zh-CN"].text) for u in memory.units] == [
        ("The Rain Plan\tstarted in 2004.", "雨露计划\t始于2004年。"),
        ("See C:\\plans.", "见C:\\plans。"),
    ]


def test_align_docs_tags_a_traditional_document_zh_hant(runner: CliRunner, tmp_path: Path) -> None:
    en = tmp_path / "doc.en.txt"
    zh = tmp_path / "doc.zh.txt"
    en.write_text("Rain Plan\n\nThe plan started in 2011. It trained 35,000 farmers.\n", encoding="utf-8")
    zh.write_text("雨露計劃\n\n該計劃於2011年啓動。它培訓了35000名農民。\n", encoding="utf-8")
    out = tmp_path / "doc.tmx"
    code, _, err = run(runner, "docs", str(en), str(zh), "-o", str(out), "-q")
    assert (code, err) == (0, "")
    tree = etree.parse(str(out))
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tree.iter("tuv")}
    assert langs == {"en", "zh-Hant"}
    code, stdout, _ = run(runner, "docs", str(en), str(zh), "-o", "-", "--format", "tsv", "-q")
    assert code == 0
    assert stdout.splitlines()[0] == "en\tzh-Hant"
    po = tmp_path / "doc.po"
    converted = runner.invoke(cli, ["convert", str(out), str(po), "-q"])
    assert converted.exit_code == 0, converted.stderr
    assert '"Language: zh_Hant\\n"' in po.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "fmt", "start"),
    [
        ("doc.po", "po", b'msgid ""'),
        ("doc.pot", "po", b'msgid ""'),
        ("doc.xlf", "xliff", b"<?xml"),
        ("doc.xliff", "xliff", b"<?xml"),
        ("doc.tsv", "tsv", b"en\tzh-CN\n"),
        ("doc.txt", "tsv", b"en\tzh-CN\n"),
        ("doc.tmx", "tmx", b"<?xml"),
    ],
)
def test_align_docs_writes_the_format_the_output_name_says(
    runner: CliRunner, tmp_path: Path, name: str, fmt: str, start: bytes
) -> None:
    """-o doc.po (or .xlf) wrote TMX into it, exit 0."""
    en, zh = _docs(tmp_path)
    out = tmp_path / name
    code, _, err = run(runner, "docs", str(en), str(zh), "-o", str(out), "-q")
    assert (code, err) == (0, "")
    assert out.read_bytes().startswith(start)
    memory = read_memory(out, fmt)
    assert [[s.text for s in u.segments.values()] for u in memory.units] == [
        ["Rain Plan", "雨露计划"],
        ["The plan started in 2011.", "该计划于2011年启动。"],
        ["It trained 35,000 farmers.", "它培训了35000名农民。"],
    ]


def test_align_docs_format_names_the_output_format(runner: CliRunner, tmp_path: Path) -> None:
    en, zh = _docs(tmp_path)
    code, stdout, _ = run(runner, "docs", str(en), str(zh), "-o", "-", "--format", "po", "-q")
    assert code == 0
    assert 'msgid "Rain Plan"\nmsgstr "雨露计划"\n' in stdout
    code, stdout, _ = run(runner, "docs", str(en), str(zh), "-o", "-", "-q")
    assert code == 0
    assert stdout.startswith("<?xml")  # stdout: TMX unless --format says otherwise
    out = tmp_path / "doc.data"
    code, _, _ = run(runner, "docs", str(en), str(zh), "-o", str(out), "--format", "xliff", "-q")
    assert code == 0
    assert len(read_memory(out, "xliff").units) == 3


@pytest.mark.parametrize(("name", "suffix"), [("doc.csv", "'.csv'"), ("doc", "'(none)'")])
def test_align_docs_refuses_an_output_name_of_no_known_format(
    runner: CliRunner, tmp_path: Path, name: str, suffix: str
) -> None:
    en, zh = _docs(tmp_path)
    out = tmp_path / name
    code, stdout, err = run(runner, "docs", str(en), str(zh), "-o", str(out))
    assert (code, stdout) == (2, "")
    assert err == (
        f"termkit: error: {out}: cannot tell the memory format from the extension {suffix}; use one of "
        ".mqxliff .po .pot .sdlxliff .tab .tmx .tsv .txt .xlf .xliff or give --format tmx|po|xliff|tsv\n"
    )
    assert not out.exists()


def test_align_docs_doctests() -> None:
    assert doctest.testmod(docs_module).failed == 0


def _docs(tmp_path: Path) -> tuple[Path, Path]:
    en = tmp_path / "doc.en.txt"
    zh = tmp_path / "doc.zh.txt"
    en.write_text("Rain Plan\n\nThe plan started in 2011. It trained 35,000 farmers.\n", encoding="utf-8")
    zh.write_text("雨露计划\n\n该计划于2011年启动。它培训了35000名农民。\n", encoding="utf-8")
    return en, zh


def test_align_docs_summary_counts_one_in_the_singular(runner: CliRunner, tmp_path: Path) -> None:
    # before: "1 aligned units (1-1: 1)"
    en, zh = tmp_path / "doc.en.txt", tmp_path / "doc.zh.txt"
    en.write_text("Rain Plan\n", encoding="utf-8")
    zh.write_text("雨露计划\n", encoding="utf-8")
    out = tmp_path / "doc.tmx"
    code, _, err = run(runner, "docs", str(en), str(zh), "-o", str(out))
    assert code == 0, err
    assert err == f"{out}: 1 aligned unit (1-1: 1); 0 sentences without a translation\n"
    # before: "1 sentences without a translation"
    links = [Link(["Rain Plan"], ["雨露计划"]), Link(["It rained."], [])]
    assert docs_module.DocAlignment(links, "a", "b").summary() == (
        "1 aligned unit (1-0: 1, 1-1: 1); 1 sentence without a translation"
    )


def test_training_note_counts_one_pair_in_the_singular(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # shown on a terminal only; before: "training word alignment on 1 pairs..."
    from termkit.cli import align as align_cli

    monkeypatch.setattr(align_cli, "show_progress", lambda quiet: not quiet)
    bitext = tmp_path / "one.tsv"
    bitext.write_text("The Rain Plan\t雨露计划\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("rain plan\n", encoding="utf-8")
    code, _, err = run(runner, "terms", str(bitext), "--terms", str(tmp_path / "t.txt"))
    assert code == 0, err
    assert "training word alignment on 1 pair...\n" in err
    assert err.endswith("1 term, 1 with a candidate, 0 without; 1 pair\n")


def test_align_docs_anchors_on_the_simplified_terms_of_every_tag(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only zh-CN terms were anchors: one under zh-Hans, zh-SG or a bare zh was not, and
    a Traditional one (bare zh, zh-TW) never is, in a Simplified document or not."""
    from termkit.align.sentences import AlignerModel

    seen: list[tuple[str, str]] = []
    with_terms = AlignerModel.with_terms

    def record(self: AlignerModel, pairs: Iterable[tuple[str, str]]) -> AlignerModel:
        pairs = list(pairs)
        seen.extend(pairs)
        return with_terms(self, pairs)

    monkeypatch.setattr(AlignerModel, "with_terms", record)
    folder = tmp_path / "g"
    folder.mkdir()
    rows = [
        ("zh-CN", "雨露计划"),
        ("zh-Hans", "整村推进"),
        ("zh-SG", "组屋"),
        ("zh", "精准扶贫"),
        ("zh", "培訓"),
        ("zh-TW", "會員國"),
    ]
    (folder / "g.yaml").write_text(
        "".join(
            f"c{n}:\n  terms:\n    en:\n      - text: term {n}\n    {tag}:\n      - text: {zh}\n"
            for n, (tag, zh) in enumerate(rows)
        ),
        encoding="utf-8",
    )
    en, zh = _docs(tmp_path)
    code, _, err = run(
        runner, "docs", str(en), str(zh), "--glossary", str(folder), "-o", str(tmp_path / "d.tmx")
    )
    assert code == 0, err
    assert seen == [(f"term {n}", zh) for n, (_tag, zh) in enumerate(rows[:4])]


@pytest.mark.parametrize(
    ("zh_text", "terms"),
    [
        ("村办公室开放了。\n\n雨露计划和村办公室培训了穷人。\n", ("村办公室", "雨露计划")),
        ("村辦公室開放了。\n\n雨露計劃和村辦公室培訓了窮人。\n", ("村辦公室", "雨露計劃")),
    ],
    ids=["simplified", "traditional"],
)
def test_align_docs_anchors_a_document_on_the_terms_of_its_script(
    zh_text: str, terms: tuple[str, str], runner: CliRunner, tmp_path: Path
) -> None:
    """A Traditional document was anchored on the Simplified terms alone, which it does
    not hold: the sentence about the member state, which has no translation, took the
    hamlet office's (as with no glossary at all); a Simplified one as before."""
    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "g.yaml").write_text(
        "office:\n  terms:\n    en:\n      - text: hamlet office\n"
        "    zh-CN:\n      - text: 村办公室\n    zh-Hant:\n      - text: 村辦公室\n"
        "rain-plan:\n  terms:\n    en:\n      - text: Rain Plan\n"
        "    zh-CN:\n      - text: 雨露计划\n    zh-TW:\n      - text: 雨露計劃\n",
        encoding="utf-8",
    )
    en, zh = tmp_path / "doc.en.txt", tmp_path / "doc.zh.txt"
    en.write_text(
        "The member state agreed to the new plan for the region.\n\nThen the hamlet office opened.\n\n"
        "The Rain Plan and the hamlet office trained the poor.\n",
        encoding="utf-8",
    )
    zh.write_text(zh_text, encoding="utf-8")
    out = tmp_path / "d.tsv"
    code, _, err = run(runner, "docs", str(en), str(zh), "--glossary", str(folder), "-o", str(out))
    assert code == 0, err
    rows = out.read_text(encoding="utf-8").splitlines()
    assert not any(row.startswith("The member state") for row in rows), rows
    assert terms[0] in rows[-1] and terms[1] in rows[-1]
