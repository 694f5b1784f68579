"""termkit.check: every rule, located; the folder of broken files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from termkit.check import RULES, check_paths
from termkit.errors import Severity

BROKEN = Path(__file__).parent / "data" / "broken_glossary"
EXPECT = re.compile(r"^# expect: (\d+):(\d+) ([a-z-]+)$")


def _expectation(path: Path) -> tuple[int, int, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = EXPECT.match(first)
    assert match, f"{path.name} lacks an '# expect: LINE:COL rule' first line"
    return int(match.group(1)), int(match.group(2)), match.group(3)


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.name)
def test_broken_file_fails_with_located_error(path: Path) -> None:
    line, column, rule = _expectation(path)
    _files, diags = check_paths([path])
    errors = [d for d in diags if d.severity is Severity.ERROR]
    assert errors, f"{path.name}: no error reported"
    assert (errors[0].line, errors[0].column, errors[0].rule) == (line, column, rule), errors[0].format()
    assert errors[0].path == str(path)


def test_every_broken_rule_is_registered() -> None:
    rules = {_expectation(p)[2] for p in BROKEN.glob("*.yaml")}
    assert rules <= set(RULES), rules - set(RULES)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    body = "rain-plan:\n  terms:\n    en:\n      - text: Rain Plan\n"
    _write(tmp_path, "a.yaml", body)
    _write(tmp_path, "b.yaml", body)
    _files, diags = check_paths([tmp_path])
    dup = [d for d in diags if d.rule == "duplicate-id"]
    assert [(Path(d.path).name, d.line, d.column) for d in dup] == [("b.yaml", 1, 1)]
    assert "a.yaml:1" in dup[0].message
    # what to do, as for a duplicate id inside one file
    assert dup[0].message.endswith("; rename one, or merge the two")


def test_same_preferred_english_term_in_two_concepts(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "a.yaml",
        "relocation:\n  terms:\n    en:\n      - text: relocation\n"
        "\nrelocation-2:\n  terms:\n    en:\n      - text: Relocation\n",
    )
    _files, diags = check_paths([tmp_path])
    dup = [d for d in diags if d.rule == "duplicate-preferred"]
    assert len(dup) == 1
    assert (dup[0].line, dup[0].column, dup[0].concept) == (9, 9, "relocation-2")
    # (the advice was a qualifier in the term, "relocation (field)", which lint then
    # never finds in a text)
    assert "neither has a subject" in dup[0].message
    assert "give each a subject that tells them apart" in dup[0].message


HOMOGRAPHS = (
    "comment:\n  subject: {0}\n  terms:\n    en:\n      - text: comment\n    zh-CN:\n      - text: 备注\n"
    "\ncomment-2:\n  subject: {1}\n  terms:\n    en:\n      - text: Comment\n    zh-CN:\n      - text: 注释\n"
)


def test_homographs_told_apart_by_subject_are_a_warning(tmp_path: Path) -> None:
    """Two concepts with one preferred English term and different subjects are homographs
    (as in KDE's term base: comment is 备注 for a document, 注释 in source code)."""
    _write(tmp_path, "a.yaml", HOMOGRAPHS.format("document properties", "source code"))
    _files, diags = check_paths([tmp_path])
    assert [(d.rule, d.severity, d.line, d.column, d.concept) for d in diags] == [
        ("ambiguous-term", Severity.WARNING, 13, 9, "comment-2")
    ]
    assert "homograph told apart by subject ('source code', 'document properties')" in diags[0].message


@pytest.mark.parametrize(
    ("subjects", "why"),
    [
        (("source code", "Source  Code"), "with the same subject 'Source  Code'"),
        (("source code", '""'), "only one of them has a subject"),
    ],
)
def test_concepts_whose_subjects_do_not_tell_them_apart_are_an_error(
    tmp_path: Path, subjects: tuple[str, str], why: str
) -> None:
    _write(tmp_path, "a.yaml", HOMOGRAPHS.format(*subjects).replace('  subject: ""\n', ""))
    _files, diags = check_paths([tmp_path])
    diags = [d for d in diags if d.rule != "subject-whitespace"]  # ('Source  Code')
    assert [(d.rule, d.severity, d.concept) for d in diags] == [
        ("duplicate-preferred", Severity.ERROR, "comment-2")
    ]
    assert why in diags[0].message


def test_a_third_concept_is_an_error_only_against_the_one_it_is_not_told_apart_from(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "a.yaml",
        HOMOGRAPHS.format("documents", "source code")
        + "\ncomment-3:\n  subject: Documents\n  terms:\n    en:\n      - text: comment\n",
    )
    _files, diags = check_paths([tmp_path])
    assert [(d.rule, d.concept) for d in diags] == [
        ("ambiguous-term", "comment-2"),
        ("duplicate-preferred", "comment-3"),
    ]
    assert "also preferred in 'comment' (" in diags[1].message


def test_rejected_concepts_do_not_clash(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "a.yaml",
        "a:\n  terms:\n    en:\n      - text: relocation\n"
        "\nb:\n  status: rejected\n  terms:\n    en:\n      - text: relocation\n",
    )
    _files, diags = check_paths([tmp_path])
    assert not [d for d in diags if d.rule == "duplicate-preferred"]


def test_clean_file_has_no_diagnostics(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "ok.yaml",
        "rain-plan:\n  status: approved\n  terms:\n    en:\n      - text: Rain Plan\n        status: preferred\n"
        "      - text: Dew Plan\n        status: deprecated\n    zh-CN:\n      - text: 雨露计划\n"
        "        status: preferred\n      - text: 雨露计划（培训）\n        status: admitted\n",
    )
    files, diags = check_paths([tmp_path])
    assert diags == []
    assert len(files[0].concepts) == 1


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("rain-plan:\n  note: caf\xe9\n".encode("latin-1"))
    _files, diags = check_paths([path])
    assert len(diags) == 1
    assert (diags[0].line, diags[0].column) == (2, 12)
    assert "byte offset 22" in diags[0].message


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfrain-plan:\n  terms:\n    en:\n      - text: Rain Plan\n")
    files, diags = check_paths([path])
    assert diags == []
    assert files[0].concepts[0].id == "rain-plan"


def test_no_terms_is_a_warning(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", "rain-plan:\n  status: proposed\n")
    _files, diags = check_paths([tmp_path])
    assert [(d.rule, d.severity) for d in diags] == [("no-terms", Severity.WARNING)]


def test_same_variant_in_two_concepts_is_ambiguous(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "a.yaml",
        "a:\n  terms:\n    en:\n      - text: alpha\n      - text: poor area\n        status: admitted\n"
        "\nb:\n  terms:\n    en:\n      - text: beta\n      - text: Poor area\n        status: deprecated\n",
    )
    _files, diags = check_paths([tmp_path])
    assert [(d.rule, d.line, d.column, d.severity) for d in diags] == [
        ("ambiguous-term", 12, 9, Severity.WARNING)
    ]


@pytest.mark.parametrize(
    ("tag", "flagged"),
    [
        ("zh-SG", True),
        ("zh-MY", True),
        ("zh-Hans", True),
        ("zh-Hans-CN", True),
        ("zh-TW", False),
        ("zh", False),  # (a bare zh names no script: its terms may be in either)
    ],
)
def test_traditional_characters_in_any_simplified_term(tmp_path: Path, tag: str, flagged: bool) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        f"rain-plan:\n  terms:\n    en:\n      - text: Rain Plan\n    zh-CN:\n      - text: 雨露计划\n"
        f"    {tag}:\n      - text: 雨露計劃\n",
        encoding="utf-8",
    )
    _files, diags = check_paths([path])
    assert any(d.rule == "zh-traditional" for d in diags) == flagged


@pytest.mark.parametrize(
    ("tag", "text", "message"),
    [
        ("zh-Hant", "雨露计划", "Simplified '计划' in zh-Hant term '雨露计划'; write '雨露計劃'"),
        ("zh-TW", "连片地區", "Simplified '连' in zh-TW term '连片地區'; write '連片地區'"),
        ("zh-HK", "亚得里亚海", "Simplified '亚' in zh-HK term '亚得里亚海'; write '亞得里亞海'"),
        ("zh-Hant", "亞得里亞海", None),  # (里 is Traditional here, 后 in 皇后, 着 in Hong Kong)
        ("zh-Hant", "皇后", None),
        ("zh-HK", "着數", None),
        ("zh-TW", "發布航行通告", None),  # (布: Taiwan writes 發布, OpenCC 發佈)
        ("zh-SG", "雨露计划", None),  # (a Simplified tag)
    ],
)
def test_simplified_characters_in_a_traditional_term(
    tmp_path: Path, tag: str, text: str, message: str | None
) -> None:
    """A reviewer who adds a zh-Hant term and types it in Simplified (the IME left so)
    was told nothing, and every export wrote it as Traditional Chinese."""
    path = tmp_path / "g.yaml"
    path.write_text(
        f"rain-plan:\n  terms:\n    en:\n      - text: Rain Plan\n    zh-CN:\n      - text: 雨露计划\n"
        f"    {tag}:\n      - text: {text}\n",
        encoding="utf-8",
    )
    _files, diags = check_paths([path])
    found = [d for d in diags if d.rule == "zh-simplified"]
    assert [(d.line, d.column, d.severity, d.message) for d in found] == (
        [(8, 9, Severity.WARNING, message)] if message else []
    )


@pytest.mark.parametrize(
    ("subject", "message"),
    [
        ('""', "blank subject ''"),
        ('"  "', "blank subject '  '"),
        ('" source  code "', "write 'source code'"),
        ('"energy\u3000"', "write 'energy'"),
    ],
)
def test_a_blank_or_badly_spaced_subject_is_a_warning(tmp_path: Path, subject: str, message: str) -> None:
    _write(
        tmp_path,
        "a.yaml",
        f"biogas:\n  status: approved\n  subject: {subject}\n  terms:\n    en:\n"
        "      - text: biogas\n        status: preferred\n    zh-CN:\n      - text: 沼气\n        status: preferred\n",
    )
    _files, diags = check_paths([tmp_path])
    assert [(d.rule, d.severity, d.line, d.column) for d in diags] == [
        ("subject-whitespace", Severity.WARNING, 3, 12)
    ]
    assert message in diags[0].message


def test_a_tidy_subject_gives_no_warning(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "a.yaml",
        "biogas:\n  status: approved\n  subject: energy\n  terms:\n    en:\n"
        "      - text: biogas\n        status: preferred\n    zh-CN:\n      - text: 沼气\n        status: preferred\n",
    )
    assert check_paths([tmp_path])[1] == []


@pytest.mark.parametrize(
    ("field", "value", "flagged"),
    [
        ("sources", '[{document: outline, section: "34\\r"}]', True),
        ("subject", '"poverty\\nalleviation"', True),
        ("definition", '"one line\\r\\nanother"', True),
        ("definition", '"one line\\nanother"', False),
        ("note", '"a\\tb"', False),
    ],
)
def test_a_line_break_in_a_one_line_field_or_a_cr_anywhere_is_an_error(
    tmp_path: Path, field: str, value: str, flagged: bool
) -> None:
    """A section of "34\\r" (from a CRLF-converted import) is no section: one-line
    fields hold no line break, and a CR is in no field (a file's CR is read as LF)."""
    _write(tmp_path, "g.yaml", f"x:\n  terms:\n    en:\n      - text: x\n  {field}: {value}\n")
    _files, diags = check_paths([tmp_path])
    errors = [d for d in diags if d.rule == "control-char"]
    assert bool(errors) is flagged, [d.format() for d in diags]
    if flagged:
        assert errors[0].line == 5 and "; delete it" in errors[0].message


@pytest.mark.parametrize(
    ("tag", "text", "missing"),
    [
        ("zh-Hans", "雨露计划", False),
        ("zh-Hans-CN", "雨露计划", False),
        ("zh", "雨露计划", False),
        ("zh", "雨露計劃", True),
        ("zh-SG", "雨露计划", True),  # (Singapore usage: no zh-CN term, as zh-TW is no zh-Hant one)
        ("zh-Hant", "雨露計劃", True),
        ("yue-Hans", "雨露计划", True),  # (Cantonese: a language of its own)
        (
            "zh",
            "雨露计划\n        status: preferred\n      - text: 雨露計劃\n        status: admitted",
            False,
        ),
    ],
)
def test_a_simplified_term_of_the_same_written_language_is_the_zh_cn_term(
    tmp_path: Path, tag: str, text: str, missing: bool
) -> None:
    """An approved concept whose preferred Chinese term was under zh-Hans (or zh-Hans-CN,
    the same as zh-CN) was refused as having no zh-CN term: and so the export, which
    gives it as the zh-CN term."""
    path = _write(
        tmp_path,
        "g.yaml",
        f"rain-plan:\n  status: approved\n  terms:\n    en:\n      - text: Rain Plan\n"
        f"    {tag}:\n      - text: {text}\n",
    )
    _files, diags = check_paths([path])
    assert [d.rule for d in diags if d.rule == "missing-zh"] == (["missing-zh"] if missing else [])


def test_a_file_named_on_its_own_and_in_its_folder_is_checked_once(tmp_path: Path) -> None:
    """`termkit check glossary glossary/programmes.yaml` reported every concept of the file
    as a duplicate id of itself, as lint no longer did."""
    path = _write(tmp_path, "a.yaml", "rain-plan:\n  terms:\n    en:\n      - text: Rain Plan\n")
    for paths in ([tmp_path, path], [path, tmp_path], [path, tmp_path / "." / "a.yaml"]):
        files, diags = check_paths(paths)
        assert (len(files), diags) == (1, [])


@pytest.mark.parametrize(
    ("tag", "flagged"), [("yue-Hant", True), ("yue-HK", True), ("yue", False), ("ja-Hant", False)]
)
def test_simplified_characters_in_a_traditional_cantonese_term(
    tmp_path: Path, tag: str, flagged: bool
) -> None:
    """Cantonese is no Chinese term of an export, but its script subtag still says which
    characters it is written in."""
    path = _write(
        tmp_path,
        "g.yaml",
        f"thanks:\n  terms:\n    en:\n      - text: thanks\n    {tag}:\n      - text: 多谢\n",
    )
    _files, diags = check_paths([path])
    assert bool([d for d in diags if d.rule == "zh-simplified"]) is flagged


@pytest.mark.parametrize(
    ("terms", "rule", "message"),
    [
        (
            "    zh-CN:\n      - text: 整村推进\n    zh-Hans:\n      - text: 整村推进\n",
            "duplicate-term",
            "'整村推进' is listed under 'zh-CN' and 'zh-Hans'; keep one",
        ),
        (
            "    zh-CN:\n      - text: 整村推进\n    zh-Hans:\n      - text: 整村推动\n",
            "preferred-count",
            "preferred 'zh-CN' and 'zh-Hans' terms in 'x' are both its zh-CN term; keep one, mark the other admitted",
        ),
        (
            "    zh-Hant:\n      - text: 雨露計劃\n    zh:\n      - text: 雨露計畫\n",
            "preferred-count",
            "preferred 'zh-Hant' and 'zh' terms in 'x' are both its zh-Hant term; keep one, mark the other admitted",
        ),
    ],
)
def test_one_written_chinese_under_two_tags_is_one_language(
    tmp_path: Path, terms: str, rule: str, message: str
) -> None:
    """zh-CN and zh-Hans (zh-Hant and a Traditional bare zh) are one written language, as
    an export takes them: a term listed under both, or a preferred term under each, is
    the error it is under one tag (import added such a duplicate beside a zh-Hans term)."""
    _write(tmp_path, "g.yaml", f"x:\n  status: approved\n  terms:\n    en:\n      - text: x\n{terms}")
    _files, diags = check_paths([tmp_path])
    found = [d for d in diags if d.rule == rule]
    assert [d.message for d in found] == [message], [d.format() for d in diags]
    assert found[0].line == 9


@pytest.mark.parametrize(("tag", "canonical"), [("zho-CN", "zh-CN"), ("chi", "zh"), ("eng-US", "en-US")])
def test_an_iso_639_2_tag_is_non_canonical_and_names_its_two_letter_form(
    tmp_path: Path, tag: str, canonical: str
) -> None:
    """memoQ's three-letter codes: a glossary writes en and zh (a zho-CN term is still
    the zh-CN term, and no missing-zh is reported beside)."""
    path = tmp_path / "g.yaml"
    path.write_text(
        "rain-plan:\n  status: approved\n  terms:\n    en:\n      - text: Rain Plan\n        status: preferred\n"
        f"    zh-CN:\n      - text: 雨露计划\n        status: preferred\n    {tag}:\n      - text: 雨露\n"
        "        status: admitted\n",
        encoding="utf-8",
    )
    _files, diags = check_paths([path])
    assert [(d.rule, d.message) for d in diags if d.rule == "invalid-language"] == [
        ("invalid-language", f"non-canonical language tag '{tag}'; write '{canonical}'")
    ]


def test_a_zho_cn_term_is_the_zh_cn_term(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        "rain-plan:\n  status: approved\n  terms:\n    en:\n      - text: Rain Plan\n        status: preferred\n"
        "    zho-CN:\n      - text: 雨露计划\n        status: preferred\n",
        encoding="utf-8",
    )
    _files, diags = check_paths([path])
    assert [d.rule for d in diags] == ["invalid-language"]


@pytest.mark.parametrize(
    ("terms", "errors"),
    [
        (["雨露计划", "雨露計劃"], []),
        (
            ["雨露计划", "雨露計劃", "雨露工程"],
            ["2 preferred 'zh' terms in 'rain-plan'; keep one, mark the others admitted"],
        ),
    ],
)
def test_a_bare_zh_has_a_preferred_term_in_each_script(
    tmp_path: Path, terms: list[str], errors: list[str]
) -> None:
    """A bare zh holds each script's terms apart (its Simplified preferred term is the
    zh-CN term, its Traditional one the zh-Hant term): a preferred term of each was
    reported as '2 preferred 'zh' terms', and marking one admitted left the zh-Hant
    export without a preferred term."""
    listed = "".join(f"      - text: {t}\n        status: preferred\n" for t in terms)
    _write(
        tmp_path,
        "g.yaml",
        "rain-plan:\n  status: approved\n  terms:\n    en:\n      - text: Rain Plan\n"
        f"        status: preferred\n    zh:\n{listed}",
    )
    _files, diags = check_paths([tmp_path])
    assert [d.message for d in diags] == errors, [d.format() for d in diags]


@pytest.mark.parametrize(
    ("tag", "write"), [("zh-CHS", "zh-Hans"), ("zh-CHT", "zh-Hant"), ("zho-CN", "zh-CN")]
)
def test_a_legacy_chinese_tag_is_told_its_canonical_form(tmp_path: Path, tag: str, write: str) -> None:
    """The legacy .NET zh-CHS was told to be written 'zh-chs'."""
    _write(tmp_path, "g.yaml", f"x:\n  terms:\n    en:\n      - text: x\n    {tag}:\n      - text: 词\n")
    _files, diags = check_paths([tmp_path])
    assert [d.message for d in diags if d.rule == "invalid-language"] == [
        f"non-canonical language tag '{tag}'; write '{write}'"
    ]
