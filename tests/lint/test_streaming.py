"""lint reads a text in blocks and a memory in batches, and keeps of them only what the
whole-file rules need: the findings are the same however small the parts are."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.errors import Diagnostic
from termkit.lint import GlossaryIndex, Linter, LintOptions, engine, rules
from termkit.lint.documents import TextDocument

#: Terms where a text may be cut, and where it may not: wrapped over a line break
#: (English and Chinese), after a blank line, a suppression on the line before, the
#: variants of one concept far apart (mixed-variants), capitals after a quote.
TEXT = (
    "The East-Helps-West program began.\n\n"
    "Whole village advancement\n"
    "was renamed; the entire village\n"
    "advancement goes on.\n\n\n"
    "<!-- termkit: ignore -->\n"
    "East-West cooperation program\n\n"
    "“\n\nRain Plan” and the rain plan\r\n\r\n"
    "Then the East-Help-West\nProgram, poverty-\nalleviation.\n\n"
    "termkit:\n\nignore\n"
    "The whole-village advancement of 2011.\n"
)
TEXT_ZH = "东西扶贫\n协作，整村\n\n推进，济贫。\n\n\n东西协作与易地\n扶贫搬迁\n"


def lint(index: GlossaryIndex, path: Path) -> list[Diagnostic]:
    return Linter(index, LintOptions(select={"ALL"})).lint_file(str(path))


@pytest.mark.parametrize("text", [TEXT, TEXT_ZH])
def test_a_text_in_blocks_has_the_findings_of_the_whole(
    index: GlossaryIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(text * 3, encoding="utf-8")
    whole = lint(index, path)
    built: list[int] = []
    build = TextDocument.build

    def counted(*args: object, **kwargs: object) -> TextDocument:
        doc = build(*args, **kwargs)  # type: ignore[arg-type]
        built.append(doc.first_line)
        return doc

    monkeypatch.setattr(TextDocument, "build", counted)
    monkeypatch.setattr(engine, "BLOCK", 1)  # a cut wherever no term runs across
    parts = lint(index, path)
    assert len(built) > 6  # (read in blocks indeed)
    assert parts == whole
    assert {d.rule for d in whole} >= {"deprecated-term", "mixed-variants"}
    # A term at the start of a block, and one wrapped where the text is not cut.
    lines = text.count("\n")
    found = {(d.line, d.column, d.matched) for d in parts}
    if text == TEXT:
        assert (lines + 3, 1, "Whole village advancement") in found
        assert (2 * lines + 15, 10, "East-Help-West\nProgram") in found
        assert (lines + 8, 1, "East-West cooperation program") not in found  # (silenced)
    else:
        assert (lines + 4, 4, "济贫") in found
        assert (2 * lines + 7, 1, "东西协作") in found


def test_a_memory_in_batches_has_the_findings_of_the_whole(
    index: GlossaryIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        "poverty alleviation\t扶贫",
        "poverty alleviation work\t脱贫工作",
        "The Rain Plan.\t雨露计划。",
        "The Rain Plan.\t雨露计划培训。",
        "Poverty alleviation\t脱贫",
        "Training in the Rain Plan\t雨露计划培训。",
    ]
    path = tmp_path / "memory.tsv"
    path.write_text("\n".join(rows * 4) + "\n", encoding="utf-8")
    whole = lint(index, path)
    adds: list[int] = []
    add = rules.InconsistentTranslation.add

    def counted(self: rules.InconsistentTranslation, doc: rules.BitextDocument) -> object:
        adds.append(len(doc.pairs))
        return add(self, doc)

    monkeypatch.setattr(rules.InconsistentTranslation, "add", counted)
    monkeypatch.setattr(engine, "BATCH", 1)
    assert lint(index, path) == whole
    assert adds == [1] * len(rows) * 4  # (the whole-file rule never holds more than a batch)
    assert {d.rule for d in whole} >= {
        "inconsistent-translation",
        "same-source-different-target",
        "same-target-different-source",
    }


def test_a_byte_that_is_not_utf8_past_the_first_part(
    index: GlossaryIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(TEXT.encode("utf-8") * 2000 + b"caf\xe9\n")
    monkeypatch.setattr(engine, "BLOCK", 1000)
    monkeypatch.setattr(engine._TextReader, "CHUNK", 4096)
    (diag,) = [d for d in engine.lint_paths([str(path)], index).diagnostics]
    assert (diag.rule, diag.line, diag.column) == ("input-error", TEXT.count("\n") * 2000 + 1, 4)
    assert "invalid UTF-8" in diag.message


def test_a_nul_past_the_first_part_is_an_input_error_where_it_is(
    index: GlossaryIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It was linted as text, 0 findings: the reader in blocks checked only the first
    8 KB for NUL bytes, where reading the file whole refuses one anywhere."""
    path = tmp_path / "long.txt"
    path.write_bytes(TEXT.encode("utf-8") * 2000 + b"ab\x00c\n")
    monkeypatch.setattr(engine, "BLOCK", 1000)
    monkeypatch.setattr(engine._TextReader, "CHUNK", 4096)
    (diag,) = [d for d in engine.lint_paths([str(path)], index).diagnostics if d.rule == "input-error"]
    assert (diag.line, diag.column) == (TEXT.count("\n") * 2000 + 1, 3)
    assert "NUL character" in diag.message


def test_a_cr_after_a_line_end_is_text_of_the_next_line(
    index: GlossaryIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (LF CR line ends: in a text with LF, a lone CR is text, and counts in the columns)
    path = tmp_path / "lfcr.txt"
    path.write_bytes(b"Intro.\n\rSee the Rain plan.\n\r\n\rwhole village advancement\n" * 3)
    whole = lint(index, path)
    monkeypatch.setattr(engine, "BLOCK", 1)
    parts = lint(index, path)
    assert parts == whole
    assert {(d.line, d.column) for d in parts if d.rule == "term-case"} == {(2, 10), (6, 10), (10, 10)}
    assert {(d.line, d.column) for d in parts if d.rule == "deprecated-term"} == {(4, 2), (8, 2), (12, 2)}


@pytest.mark.parametrize("end", ["\r\n", "\n", "\r", "\u2028"])
def test_the_head_of_a_text_counts_its_lines_as_splitlines_does(
    end: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The head (what the TSV and language checks see) is read until it holds 200,000
    characters and more than 500 lines; its lines are counted a part at a time (they
    were counted over the whole head again after each part).  500 lines of 500
    characters: all of them, whatever the parts cut (a CR LF cut in two is one break)."""
    import io

    class CutAfterCR(io.BytesIO):
        """A file read in parts that each end after a CR (every CR LF cut in two)."""

        def read(self, size: int | None = -1) -> bytes:
            data = self.getvalue()[self.tell() :]
            cut = data.find(b"\r")
            part = data[: cut + 1] if cut >= 0 else data
            self.seek(self.tell() + len(part))
            return part

    text = "".join(f"line {k:03} " + "x" * 486 + end for k in range(500))
    monkeypatch.setattr(engine._TextReader, "CHUNK", 4099)
    head = engine._TextReader(CutAfterCR(text.encode("utf-8"))).head()
    if "\n" not in end:
        assert head is None  # (no LF: read whole)
        return
    assert head == text
    longer = text + "last line\n" + "y" * 300_000
    head = engine._TextReader(io.BytesIO(longer.encode("utf-8"))).head()
    assert head is not None and head.startswith(longer[: len(text) + 10]) and len(head) < len(longer)


class _OldHead(engine._TextReader):
    """The head as it was read before it counted its lines a part at a time."""

    def head(self) -> str | None:
        import codecs

        data = self.fp.read(self.CHUNK)
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None
        data = data.removeprefix(codecs.BOM_UTF8)
        if b"\x00" in data[:8192]:
            return None
        head = self._decode(data)
        while not self.done and (len(head) < 200_000 or len(head.splitlines()) <= 500):
            head += self._decode(self.fp.read(self.CHUNK))
        if "\n" not in head:
            return None
        self.pending = head
        return head


class _Parts(io.BytesIO):
    """A file whose reads end at the given byte offsets (whatever size is asked)."""

    def __init__(self, data: bytes, cuts: list[int]) -> None:
        super().__init__(data)
        self.cuts = sorted({c for c in cuts if 0 < c < len(data)})

    def read(self, size: int | None = -1) -> bytes:
        at = self.tell()
        end = next((c for c in self.cuts if c > at), len(self.getvalue()))
        self.seek(end)
        return self.getvalue()[at:end]


#: Line breaks of every kind str.splitlines knows (CR LF one of them), text between.
_PIECES = st.sampled_from(["a", "中", "é", "\n", "\r", "\r\n", "\u2028", "\x85", "\x1c", "\x0b", "\x0c"])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([0, 10, 199_990, 200_000]),
    st.integers(480, 510),
    st.lists(st.lists(_PIECES, max_size=6).map("".join), max_size=10),
    st.lists(st.integers(0, 3), max_size=10),
)
def test_the_head_is_read_as_far_as_it_was_however_the_parts_cut(
    prefix: int, lines: int, parts: list[str], shifts: list[int]
) -> None:
    """Counting the head's lines a part at a time reads exactly as far as counting
    them over the whole head again did: CR LF cut between two parts, parts that
    decode to nothing (a character cut in two), a head of 500 lines or fewer, one
    with no LF, every line break of str.splitlines."""
    first = "x" * prefix + "y\n" * lines if lines < 505 else "x" * prefix + "y\r" * lines
    data, cuts = first.encode("utf-8"), []
    for k, part in enumerate(parts):
        cuts.append(len(data) + (shifts[k] if k < len(shifts) else 0))  # (may cut a character)
        data += part.encode("utf-8")
    new, old = engine._TextReader(_Parts(data, cuts)), _OldHead(_Parts(data, cuts))
    assert new.head() == old.head()
    assert (new.fp.tell(), new.done) == (old.fp.tell(), old.done)


@given(st.lists(st.text(), max_size=40), st.sampled_from([1, 3, 7, 1 << 14]))
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_texts_the_repetition_rules_keep_read_back_as_they_were(texts: list[str], block: int) -> None:
    # (kept packed and compressed in blocks: a text across blocks, a character across
    # them, lone surrogates, empty texts all come back unchanged)
    store = rules.TextStore()
    store.BLOCK = block
    numbers = [store.add(t) for t in [*texts, "\ud800x", "说\U0001f600"]]
    assert [store.get(n) for n in reversed(numbers)] == [*texts, "\ud800x", "说\U0001f600"][::-1]


def test_a_repetition_quotes_the_first_text_however_it_was_packed(
    index: GlossaryIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [f"Item {i} of the Rain Plan.\t雨露计划第{i}项。" for i in range(300)]
    rows += [f"Item {i} of the Rain Plan.\t雨露计划的第{i}项。" for i in range(0, 300, 7)]
    path = tmp_path / "memory.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    whole = lint(index, path)
    monkeypatch.setattr(rules.TextStore, "BLOCK", 5)
    assert lint(index, path) == whole
    found = [d for d in whole if d.rule == "same-source-different-target"]
    assert len(found) == 43
    assert found[1].expected == "雨露计划第7项。" and "at line 8" in found[1].message


#: A TSV bitext with findings of every kind of bitext rule, a header line, blank lines,
#: CRLF, indented cells and a target in the first column.
TSV_ROWS = [
    "The Rain Plan trained 50,700 people.\t  雨露计划培训了5.07万人。",
    "  Poverty alleviation funds.\t济贫资金。",
    "",
    "The Rain Plan.\t培训计划。\r",
    "The Rain Plan.\t雨露计划。",
    "Entire village advancement covered 660 villages.\t整村推进覆盖了600个村。",
    "poverty alleviation work\t扶贫工作",
    "Poverty alleviation\t脱贫",
    "Poverty reduction\t脱贫",
]


@pytest.mark.parametrize("name", ["memo.tsv", "memo.txt"])
@pytest.mark.parametrize("header", ["", "en\tzh-CN\n", "\nzh-CN\ten\n"])
def test_a_tsv_bitext_is_linted_as_it_is_read_with_the_findings_of_the_whole(
    index: GlossaryIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, header: str
) -> None:
    rows = [
        r.strip("\r").split("\t")[::-1] if "zh-CN\ten" in header else r.split("\t") for r in TSV_ROWS if r
    ]
    body = "\n".join("\t".join(r) for r in rows) + "\n\n"
    path = tmp_path / name
    path.write_bytes((header + body * 700).encode("utf-8"))
    monkeypatch.setattr(engine.Linter, "_lint_tsv_file", lambda *args: None)  # (read whole, as it was)
    whole = lint(index, path)
    monkeypatch.undo()

    def not_whole(*args: object) -> str:
        raise AssertionError("a TSV bitext read whole")

    monkeypatch.setattr(engine, "read_text", not_whole)
    monkeypatch.setattr(engine, "BLOCK", 100)
    monkeypatch.setattr(engine._TextReader, "CHUNK", 333)
    monkeypatch.setattr(engine, "_TSV_HEAD_LINES", 5)
    assert lint(index, path) == whole
    # (a zh-CN<TAB>en header: a translation from Chinese into English, other findings)
    assert {d.rule for d in whole} >= (
        {"number-mismatch", "same-source-different-target", "same-target-different-source"}
        if "zh-CN\ten" in header
        else {
            "key-term-missing",
            "forbidden-target-term",
            "inconsistent-translation",
            "number-mismatch",
            "same-source-different-target",
            "same-target-different-source",
        }
    )


def test_a_tsv_bitext_with_a_byte_that_is_not_utf8_past_the_first_part_is_one_input_error(
    index: GlossaryIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "memo.tsv"
    rows = "\n".join(r for r in TSV_ROWS if r) + "\n"
    path.write_bytes(rows.encode("utf-8") * 500 + "Zürich\t苏黎世\n".encode("latin-1", "replace"))
    monkeypatch.setattr(engine._TextReader, "CHUNK", 4096)
    result = engine.lint_paths([str(path)], index, LintOptions(tgt_lang="zh-TW"))
    (diag,) = result.diagnostics  # (no finding of the rows before it: the file is not read)
    assert (diag.rule, diag.line, diag.column) == ("input-error", 8 * 500 + 1, 2)
    assert result.warnings == []  # (no warning about the zh-TW terms of a file not linted)


@given(st.text(alphabet="ab\r\n\u2028\t说"), st.lists(st.integers(0, 40), max_size=6))
def test_lines_read_in_parts_are_the_lines_of_the_whole(text: str, cuts: list[int]) -> None:
    from termkit.textio import split_lines

    text += "\n"  # (a text with an LF: one without is read whole)
    at = sorted({min(c, len(text)) for c in cuts})
    parts = [text[a:b] for a, b in zip([0, *at], [*at, len(text)], strict=True)]
    assert list(engine._lines(parts)) == split_lines(text)


@pytest.mark.parametrize("given", [False, True])
def test_line_aligned_files_are_linted_as_they_are_read_with_the_findings_of_the_whole(
    index: GlossaryIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: bool
) -> None:
    rows = [r.split("\t") for r in TSV_ROWS]
    src, tgt = tmp_path / "doc.en.txt", tmp_path / "doc.zh.txt"
    src.write_text("\n".join(r[0] if r[0] else "" for r in rows * 600) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(r[-1] for r in rows * 600) + "\n", encoding="utf-8")
    args: dict[str, object] = {"src": str(src), "tgt": str(tgt)} if given else {}
    paths = [] if given else [str(src), str(tgt)]

    def run() -> list[Diagnostic]:
        return engine.lint_paths(paths, index, LintOptions(select={"ALL"}), **args).diagnostics  # type: ignore[arg-type]

    monkeypatch.setattr(engine.Linter, "_lint_aligned_files", lambda *args: None)  # (read whole, as it was)
    monkeypatch.setattr(engine, "_count_lines", lambda path: None)
    whole = run()
    monkeypatch.undo()

    def not_whole(*args: object) -> str:
        raise AssertionError("a line-aligned file read whole")

    monkeypatch.setattr(engine, "read_text", not_whole)
    monkeypatch.setattr(engine, "read_lines", not_whole)
    monkeypatch.setattr(engine, "BLOCK", 100)
    monkeypatch.setattr(engine._TextReader, "CHUNK", 333)
    assert run() == whole
    assert {d.path for d in whole} == {str(src), str(tgt)}
    assert {d.rule for d in whole} >= {"key-term-missing", "forbidden-target-term", "number-mismatch"}


def test_line_aligned_files_of_unequal_length_are_still_an_error_where_they_part(
    index: GlossaryIndex, tmp_path: Path
) -> None:
    src, tgt = tmp_path / "a.en", tmp_path / "a.zh"
    src.write_text("The Rain Plan.\nPoverty alleviation.\nOne more.\n", encoding="utf-8")
    tgt.write_text("雨露计划。\n扶贫。\n", encoding="utf-8")
    (diag,) = engine.lint_paths([], index, src=str(src), tgt=str(tgt)).diagnostics
    assert diag.rule == "input-error" and diag.message.startswith("3 lines in")


class _Piped(io.BytesIO):
    """Standard input that may not be read whole at once (as a memory on it streams)."""

    def read(self, size: int | None = -1) -> bytes:
        assert size is not None and size >= 0, "standard input read whole"
        return super().read(size)


@pytest.mark.parametrize("srclang", ["en", "zh-CN"])
def test_a_tmx_on_standard_input_is_linted_as_it_comes_with_the_findings_of_the_file(
    index: GlossaryIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, srclang: str
) -> None:
    """Standard input was read whole (a 1M-unit TMX: 1.7 GB); a TMX or XLIFF on it
    streams now, its header read from its first bytes (which tell what it is)."""
    from termkit.formats.tmx import TmxWriter
    from termkit.model import Segment, TranslationUnit

    path = tmp_path / "memo.tmx"
    with path.open("wb") as fp, TmxWriter(fp, srclang=srclang) as writer:
        for i in range(400):
            for row in TSV_ROWS:
                if row:
                    a, b = row.split("\t")
                    writer.write(TranslationUnit({"en": Segment(f"{a} {i % 7}"), "zh-CN": Segment(b)}))
    assert path.stat().st_size > 2 * 65536
    from_file = engine.lint_paths([str(path)], index, LintOptions(select={"ALL"})).diagnostics
    monkeypatch.setattr("sys.stdin", type("Stdin", (), {"buffer": _Piped(path.read_bytes())})())
    from_stdin = engine.lint_paths(["-"], index, LintOptions(select={"ALL"})).diagnostics
    assert [(d.line, d.rule, d.message) for d in from_stdin] == [
        (d.line, d.rule, d.message) for d in from_file
    ]
    assert {d.path for d in from_stdin} == {"<stdin>"} and len(from_file) > 100
