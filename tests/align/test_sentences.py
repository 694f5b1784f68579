from __future__ import annotations

import pytest

from conftest import SHARED, require_shared
from termkit.align.sentence_eval import AlignmentScore, paragraph_sizes, score_alignment
from termkit.align.sentences import (
    align_documents,
    extra_lines_at,
    numbers,
    paragraphs,
    split_chinese,
    split_english,
)

from .conftest import numbered_lines

NTREX = SHARED / "corpora" / "ntrex128-en-zh"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith arrived. He left at 3.5 p.m. yesterday.",
            ["Mr. Smith arrived.", "He left at 3.5 p.m. yesterday."],
        ),
        (
            "The U.S. economy grew. Prices rose by 2.5 per cent.",
            ["The U.S. economy grew.", "Prices rose by 2.5 per cent."],
        ),
        ("1. Introduction of the report", ["1. Introduction of the report"]),
        ("2.3. Scope. This section covers roads.", ["2.3. Scope.", "This section covers roads."]),
        ('He said "Stop." Then he went, e.g. home.', ['He said "Stop."', "Then he went, e.g. home."]),
        ("J. K. Rowling wrote it! Did she? Yes.", ["J. K. Rowling wrote it!", "Did she?", "Yes."]),
        ("See para. 4 of the text.", ["See para. 4 of the text."]),
    ],
)
def test_split_english(text: str, expected: list[str]) -> None:
    assert split_english(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他说：“我们走吧。”然后离开了。", ["他说：“我们走吧。”", "然后离开了。"]),
        ("增长了3.5%。真的吗？是的！", ["增长了3.5%。", "真的吗？", "是的！"]),
        ("第一；第二……第三", ["第一；", "第二……", "第三"]),
        ("收视率.其他", ["收视率.", "其他"]),
    ],
)
def test_split_chinese(text: str, expected: list[str]) -> None:
    assert split_chinese(text) == expected


def test_paragraphs_are_lines_or_blank_line_blocks() -> None:
    assert paragraphs("a\nb\n") == ["a", "b"]
    assert paragraphs("a\nb\n\nc\n") == ["a b", "c"]
    assert paragraphs("甲\n乙\n\n丙\n", "") == ["甲乙", "丙"]


def test_numbers_are_normalised_anchors() -> None:
    assert numbers("In May 2,019 people, 25%") == ["2019", "25", "m5"]
    assert numbers("５月有２０１９人，25%", chinese=True) == ["2019", "25", "m5"]


def test_align_documents_handles_one_to_two_and_paragraphs() -> None:
    en = (
        "The programme started in 2011. It covers 35 villages and 1,200 households.\n"
        "Roads were built. Water was supplied.\n"
    )
    zh = "该方案于2011年启动。它覆盖35个村，1200户。\n修建了道路，并且供应了饮水。\n"
    links = align_documents(en, zh)
    assert [lk.kind for lk in links] == ["1-1", "1-1", "2-1"]
    assert links[1].zh == ["它覆盖35个村，1200户。"]
    assert links[2].paragraph == 1


def test_sentence_without_translation_does_not_shift_the_rest() -> None:
    en = (
        "In 2011, 35 villages joined. Nobody translated this sentence. "
        "In 2012, 48 villages joined. In 2013, 60 villages joined.\n"
    )
    zh = "2011年，35个村加入。2012年，48个村加入。2013年，60个村加入。\n"
    links = align_documents(en, zh)
    by_zh = {lk.zh[0]: lk.en for lk in links if len(lk.zh) == 1}
    assert by_zh["2013年，60个村加入。"] == ["In 2013, 60 villages joined."]
    assert "In 2012, 48 villages joined." in by_zh["2012年，48个村加入。"]


def test_paragraph_sizes_keep_headings_apart() -> None:
    assert paragraph_sizes(["Title", "A.", "B.", "C."], [3]) == [1, 3]
    assert paragraph_sizes(["A.", "B."], []) == [2]


def _ntrex_docs() -> list[tuple[list[str], list[str]]]:
    en = require_shared(NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    zh = (NTREX / "newstest2019-ref.zho-CN.txt").read_text(encoding="utf-8").splitlines()
    ids = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, tuple[list[str], list[str]]] = {}
    for doc, e, z in zip(ids, en, zh, strict=True):
        d = docs.setdefault(doc.split("\t")[0], ([], []))
        d[0].append(e.strip())
        d[1].append(z.strip())
    return list(docs.values())


@pytest.mark.slow
@pytest.mark.parametrize("sizes", [[3, 1, 4, 2, 5], [10**6]], ids=["short-paragraphs", "long-paragraphs"])
def test_ntrex_sentence_alignment_accuracy(sizes: list[int]) -> None:
    total = AlignmentScore(0, 0, 0, 0)
    for en, zh in _ntrex_docs():
        score, _ = score_alignment(en, zh, sizes)
        total = total + score
    assert total.lines == 1997
    assert total.precision >= 0.95, total
    if sizes != [10**6]:
        assert total.recall >= 0.95, total


@pytest.mark.parametrize(("deleted", "expected"), [([0], 0), ([11], 11), ([11, 12, 13], 11), ([29], None)])
def test_extra_lines_at_finds_a_deleted_block(deleted: list[int], expected: int | None) -> None:
    en, zh = numbered_lines(30)
    short = [z for i, z in enumerate(zh) if i not in deleted]
    assert extra_lines_at(en, short) == expected
    # The other way round: the Chinese side has the extra lines.
    assert extra_lines_at([e for i, e in enumerate(en) if i not in deleted], zh) == expected


def test_extra_lines_at_needs_unequal_counts() -> None:
    en, zh = numbered_lines(5)
    assert extra_lines_at(en, zh) is None
