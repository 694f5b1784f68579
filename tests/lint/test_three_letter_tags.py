"""ISO 639-2 language codes, which memoQ and other CAT tools write (``eng-US``,
``zho-CN``, ``chi``): English and Chinese as ``en`` and ``zh``.  Lint skipped such
units ("no en source or zh-CN target, only eng-US, zho-CN")."""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.errors import Diagnostic
from termkit.lint import Linter

SOURCE, TARGET = "We pursue entire village advancement.", "我们推进。"
MISSING = [("key-term-missing", "entire village advancement")]


def _found(diags: list[Diagnostic]) -> list[tuple[str, str | None]]:
    return sorted(
        (d.rule, d.matched) for d in diags if d.rule in ("key-term-missing", "forbidden-target-term")
    )


def _tmx(src: str, tgt: str, source: str = SOURCE, target: str = TARGET) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="memoQ" '
        f'creationtoolversion="9" segtype="sentence" o-tmf="memoQ" adminlang="{src}" srclang="{src}" '
        f'datatype="plaintext"/>\n<body>\n<tu><tuv xml:lang="{src}"><seg>{source}</seg></tuv>'
        f'<tuv xml:lang="{tgt}"><seg>{target}</seg></tuv></tu>\n</body></tmx>\n'
    )


@pytest.mark.parametrize(
    ("src", "tgt"),
    [("eng-US", "zho-CN"), ("eng", "zho"), ("ENG", "chi"), ("eng-GB", "zho-Hans"), ("en", "cmn-Hans")],
)
def test_a_tmx_of_three_letter_codes_is_linted(
    linter: Linter, tmp_path: Path, capsys: pytest.CaptureFixture[str], src: str, tgt: str
) -> None:
    path = tmp_path / "memoq.tmx"
    path.write_text(_tmx(src, tgt), encoding="utf-8")
    assert _found(linter.lint_file(str(path))) == MISSING
    assert "not linted" not in capsys.readouterr().err


def test_a_tmx_from_chinese_in_three_letter_codes_is_linted_into_english(
    linter: Linter, tmp_path: Path
) -> None:
    path = tmp_path / "zh-en.tmx"
    path.write_text(_tmx("zho-CN", "eng-US", "整村推进。", "Whole village."), encoding="utf-8")
    assert _found(linter.lint_file(str(path))) == [("key-term-missing", "整村推进")]


def test_zho_tw_is_traditional(linter: Linter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """zho-TW is Traditional Chinese: never checked against the zh-CN terms."""
    path = tmp_path / "tw.tmx"
    path.write_text(_tmx("eng-US", "zho-TW", target="我們推進。"), encoding="utf-8")
    diags = linter.lint_file(str(path))
    assert _found(diags) == []
    assert "expected 整村推进" not in "".join(d.message for d in diags)


def test_a_po_catalogue_in_zho_cn(linter: Linter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "messages.po"
    path.write_text(
        f'msgid ""\nmsgstr ""\n"Language: zho_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "{SOURCE}"\nmsgstr "{TARGET}"\n',
        encoding="utf-8",
    )
    assert _found(linter.lint_file(str(path))) == MISSING
    assert "not linted" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "head",
    [
        '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="eng-US" trgLang="zho-CN">'
        '<file id="f"><unit id="1"><segment><source>{s}</source><target>{t}</target></segment></unit></file></xliff>',
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="doc" '
        'source-language="eng" target-language="chi" datatype="plaintext"><body><trans-unit id="1">'
        '<source>{s}</source><target state="translated">{t}</target></trans-unit></body></file></xliff>',
    ],
    ids=["2.0", "1.2"],
)
def test_an_xliff_file_in_three_letter_codes(
    linter: Linter, tmp_path: Path, capsys: pytest.CaptureFixture[str], head: str
) -> None:
    path = tmp_path / "doc.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + head.format(s=SOURCE, t=TARGET), encoding="utf-8"
    )
    assert _found(linter.lint_file(str(path))) == MISSING
    assert "not linted" not in capsys.readouterr().err
