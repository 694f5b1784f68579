"""Glossary files: canonical form, comments kept, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.errors import GlossaryError, Severity
from termkit.glossary_file import (
    GlossaryFile,
    format_glossary_file,
    load_glossary,
    open_or_new,
    read_glossary_file,
    write_glossary_file,
)
from termkit.model import Concept, ReviewStatus, Source, Term, TermStatus

CANONICAL = """\
# Programme names of the Shanxi report.
# Reviewed by hand.

entire-village-advancement:
  status: approved
  subject: poverty alleviation
  definition: "Village-wide development programme: roads, water, housing and income in one plan."
  provenance: reviewer
  sources:
    - document: shanxi-2011
      section: Entire village advancement
  terms:
    en:
      # the form the Outline uses
      - text: entire village advancement
        status: preferred
      - text: whole-village advancement
        status: admitted  # seen once
    zh-CN:
      - text: 整村推进
        status: preferred

rain-plan:  # checked against the Chinese original
  status: proposed
  terms:
    en:
      - text: Rain Plan
        status: preferred
        case-sensitive: true
    zh-CN:
      - text: 雨露计划
        status: preferred
        review: proposed
        score: 0.87
        evidence:
          - un-dev:12
          - un-dev:40

# trailing remark
"""


def test_canonical_file_is_byte_identical_after_load_and_save(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(CANONICAL, encoding="utf-8")
    gfile = read_glossary_file(path)
    assert gfile.diagnostics == []
    write_glossary_file(gfile)
    assert path.read_text(encoding="utf-8") == CANONICAL


def test_model_is_read_completely(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(CANONICAL, encoding="utf-8")
    glossary, _files = load_glossary([tmp_path])
    eva = glossary.get("entire-village-advancement")
    assert eva is not None
    assert eva.status is ReviewStatus.APPROVED
    assert eva.sources == [Source("shanxi-2011", "Entire village advancement")]
    assert [t.text for t in eva.terms_in("en")] == ["entire village advancement", "whole-village advancement"]
    assert eva.preferred("zh-CN") == Term("整村推进")
    rain = glossary.get("rain-plan")
    assert rain is not None
    zh = rain.terms_in("zh-CN")[0]
    assert (zh.review, zh.score, zh.evidence) == (ReviewStatus.PROPOSED, 0.87, ["un-dev:12", "un-dev:40"])
    assert rain.terms_in("en")[0].case_sensitive


def test_messy_file_is_canonicalised_and_keeps_comments(tmp_path: Path) -> None:
    messy = """\
# header comment

rain-plan:   # eol on concept
  terms:
    zh-CN:
    - {text: 雨露计划, status: preferred}
    en:
      # before Dew Plan
      - status: deprecated
        text: 'Dew Plan'   # eol on text
      - text: "Rain Plan"
  status: approved
# before village
entire-village-advancement:
  terms: {en: [{text: entire village advancement}], zh-CN: [{text: 整村推进}]}
"""
    path = tmp_path / "g.yaml"
    path.write_text(messy, encoding="utf-8")
    out = format_glossary_file(read_glossary_file(path))
    assert (
        out
        == """\
# header comment

# before village
entire-village-advancement:
  status: proposed
  terms:
    en:
      - text: entire village advancement
        status: preferred
    zh-CN:
      - text: 整村推进
        status: preferred

rain-plan:  # eol on concept
  status: approved
  terms:
    en:
      - text: Rain Plan
        status: preferred
      # before Dew Plan
      - text: Dew Plan  # eol on text
        status: deprecated
    zh-CN:
      - text: 雨露计划
        status: preferred
"""
    )
    # and the canonical output is a fixed point
    path.write_text(out, encoding="utf-8")
    assert format_glossary_file(read_glossary_file(path)) == out


def test_hash_inside_quotes_and_block_scalars_is_not_a_comment(tmp_path: Path) -> None:
    text = 'a:\n  note: "see #12 # not a comment"\n  definition: |\n    # not a comment either\n    body\n'
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    gfile = read_glossary_file(path)
    concept = gfile.concepts[0]
    assert concept.note == "see #12 # not a comment"
    assert concept.definition == "# not a comment either\nbody\n"
    out = format_glossary_file(gfile)
    assert "\n#" not in out.replace("\n# ", "\n#x")  # no stray comment lines were invented
    path.write_text(out, encoding="utf-8")
    assert read_glossary_file(path).concepts == gfile.concepts


def test_chinese_is_written_as_itself(tmp_path: Path) -> None:
    gfile = GlossaryFile(str(tmp_path / "g.yaml"), [Concept("x", terms={"zh-CN": [Term("整村推进")]})])
    write_glossary_file(gfile)
    raw = (tmp_path / "g.yaml").read_bytes()
    assert "整村推进".encode() in raw
    assert b"\\u" not in raw


def test_ambiguous_scalars_are_quoted(tmp_path: Path) -> None:
    concept = Concept(
        "x",
        note="yes",
        subject="2011",
        definition="- starts with a dash",
        terms={"en": [Term("null"), Term("a: b"), Term(" padded "), Term("a # b")]},
    )
    gfile = GlossaryFile(str(tmp_path / "g.yaml"), [concept])
    write_glossary_file(gfile)
    again = read_glossary_file(tmp_path / "g.yaml")
    assert again.concepts == [concept]


def test_file_with_errors_is_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    original = "a:\n  colour: blue\n"
    path.write_text(original, encoding="utf-8")
    gfile = read_glossary_file(path)
    with pytest.raises(GlossaryError) as info:
        write_glossary_file(gfile)
    assert (info.value.line, info.value.column) == (2, 3)
    assert path.read_text(encoding="utf-8") == original
    with pytest.raises(GlossaryError):
        open_or_new(path)


def test_open_or_new_refuses_a_file_check_reports_errors_in(tmp_path: Path) -> None:
    """extract/align terms --into open their file so: check's errors refuse it too, warnings do not."""
    path = tmp_path / "g.yaml"
    original = "x:\n  terms:\n    zh-CN:\n      - text: 雨露計劃\n    en:\n      - text: x\n"
    path.write_text(original, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        open_or_new(path)
    assert (info.value.line, info.value.column) == (4, 9) and "[zh-traditional]" in info.value.message
    path.write_text("x:\n  status: proposed\n", encoding="utf-8")  # no-terms: a warning
    assert [c.id for c in open_or_new(path).concepts] == ["x"]


def test_load_glossary_raises_first_error_located(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a:\n  status: maybe\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        load_glossary([tmp_path])
    assert info.value.location == f"{tmp_path / 'a.yaml'}:2:11"


@pytest.mark.parametrize("marker", ["<<<<<<< HEAD", "=======", ">>>>>>> reviewer-b", "||||||| base"])
@pytest.mark.parametrize("nl", ["\n", "\r\n"])
def test_a_merge_conflict_marker_is_named_at_its_line(tmp_path: Path, marker: str, nl: str) -> None:
    text = (
        f"rain-plan:{nl}  status: approved{nl}{marker}{nl}  terms:{nl}    en:{nl}      - text: Rain Plan{nl}"
    )
    path = tmp_path / "a.yaml"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(GlossaryError) as info:
        read_glossary_file(path)
    assert info.value.location == f"{path}:3:1"
    assert f"unresolved git merge conflict (a '{marker[:7]}' line)" in info.value.message


_HAND_SLIPS = {
    "tab": ("x:\n\tstatus: approved\n", "2:1", "a tab; YAML indents with spaces only"),
    # a tab in a value or before a comment is no indentation
    "tab in a value": ("x:\n  note: a\tb\n", "2:10", "a tab after text (read only inside quotes); replace"),
    "tab before a comment": ("x:\n  note: a\t# c\n", "2:10", "a tab after text"),
    "no colon": ("x:\n  status approved\n  note: n\n", "2:3", "neither 'key: value'"),
    "no space": ("x:\n  status:approved\n  note: n\n", "2:3", "neither 'key: value'"),
    "full-width colon": ("x:\n  status：approved\n  note: n\n", "2:3", "full-width colon '：'"),
    # a key without its ':' (or with a full-width one) that opens a block: YAML found the
    # ': ' on the line below, which was named as a value with ': ' in it
    "concept id without its colon": ("rain-plan\n  status: approved\n", "1:1", "neither 'key: value'"),
    "full-width colon after an id": ("rain-plan：\n  status: approved\n", "1:1", "full-width colon '：'"),
    "full-width colon after a language": (
        "x:\n  terms:\n    en：\n      - text: a\n",
        "3:5",
        "full-width colon '：'",
    ),
    "full-width colon in a list item": (
        "x:\n  terms:\n    en:\n      - text：a\n        status: preferred\n",
        "4:9",
        "full-width colon '：'",
    ),
    "list item without its colon": (
        "x:\n  terms:\n    en:\n      - text a\n        status: preferred\n",
        "4:9",
        "neither 'key: value'",
    ),
    "dash without a space": (
        "x:\n  terms:\n    en:\n      -text: a\n        status: preferred\n",
        "4:7",
        "a list item without a space after its '-'",
    ),
    "full-width space after a colon": (
        "x:\n  status:\u3000approved\n  terms:\n    en:\n      - text: a\n",
        "2:3",
        "a full-width space (U+3000) after a key's ':'; write ': '",
    ),
    "full-width space after a term's colon": (
        "x:\n  terms:\n    en:\n      - text:\u3000a\n        status: admitted\n",
        "4:9",
        "a full-width space (U+3000) after a key's ':'",
    ),
    "colon in a value on two lines": (
        "x:\n  definition:\n    a long text\n      more: b\n",
        "4:11",
        "double quotes",
    ),
    "unclosed quote": ('x:\n  note: "open\n  terms:\n    en:\n      - text: x\n', "2:9", "never closed"),
    "colon in a term": ("x:\n  terms:\n    en:\n      - text: Rain Plan: phase 2\n", "4:24", "double quotes"),
    "text after a quote": ('x:\n  note: "a" b\n', "2:13", "more text after a quoted"),
    "indentation": (
        "x:\n  terms:\n    en:\n      - text: a\n      status: preferred\n",
        "5:7",
        "not indented as the lines above it",
    ),
    "second document": ("x:\n  note: a\n---\ny:\n  note: b\n", "3:1", "a second YAML document ('---')"),
    "star": ("x:\n  note: * see below\n", "2:9", "cannot start with this character"),
    "at sign": ("x:\n  note: @LZ to check\n", "2:9", "cannot start with this character"),
    # characters YAML allows nowhere: the line and column, not "position 12 of <unicode string>"
    "control character": ("x:\n  note: a\x01b\n", "2:10", "control character U+0001, which a YAML file"),
    "DEL after CR LF": ("x:\r\n  note: ab\x7f\r\n", "2:11", "control character U+007F, which a YAML file"),
    # a lone surrogate made every command fail with a traceback (UnicodeEncodeError)
    "surrogate escape": (
        'x:\n  note: "a \\ud800 b"\n',
        "2:12",
        "'\\ud800' is half of a UTF-16 surrogate pair",
    ),
    "surrogate in a key": ('"x\\uDC00":\n  note: a\n', "1:3", "'\\uDC00' is half of a UTF-16 surrogate pair"),
    "noncharacter": ("x:\n  note: b\n  definition: \ufffe\n", "3:15", "character U+FFFE, which a YAML file"),
}


@pytest.mark.parametrize("slip", sorted(_HAND_SLIPS))
def test_a_yaml_slip_says_what_to_do_where_it_is(tmp_path: Path, slip: str) -> None:
    text, where, says = _HAND_SLIPS[slip]
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        read_glossary_file(path)
    assert info.value.location == f"{path}:{where}"
    assert says in info.value.message
    assert "fix the file by hand" not in info.value.message


@pytest.mark.parametrize(
    ("text", "where", "name"),
    [
        ("x:\n  terms:\n    en:\n      - text: a\n\u3000status: approved\n", "5:1", "status"),
        ("x:\n  status: approved\n\u3000\u3000note: n\n", "3:1", "note"),
    ],
)
def test_a_full_width_space_as_indentation_is_named(tmp_path: Path, text: str, where: str, name: str) -> None:
    """A Chinese input method's space (U+3000) at the start of a line made YAML read a
    new concept '\u3000status', reported as "concept '　status' must be a mapping"."""
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    first = read_glossary_file(path).diagnostics[0]
    assert f"{first.line}:{first.column}" == where
    assert first.message == (
        f"a full-width space (U+3000) indents '{name}'; YAML indents with spaces only: replace it with spaces"
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("x:\n  note: " + "[" * 2000 + "]" * 2000 + "\n", "2:57"),
        ("x:\n  note: " + "{a: " * 600 + "1" + "}" * 600 + "\n", "2:201"),
        ("x:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 600)) + "  " * 600 + "v\n", "51:101"),
    ],
)
def test_lists_nested_hundreds_deep_are_an_error_not_a_traceback(
    tmp_path: Path, text: str, where: str
) -> None:
    """ruamel's composer recurses: a RecursionError came out of check, fmt and every
    command reading the glossary.  It is located at the first list or mapping too deep."""
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        read_glossary_file(path)
    assert info.value.location == f"{path}:{where}"
    assert info.value.message.startswith("lists and mappings nested more than 50 deep")


def test_flow_lists_nested_thousands_deep_are_refused_before_they_are_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ruamel's scanner takes time quadratic in the depth of flow brackets (about 5 s
    for 5,000) before the composer's recursion fails: the depth is found first, by the
    parser's events, which stop at the first list too deep."""
    path = tmp_path / "a.yaml"
    path.write_text("a: " + "[" * 5000 + "\n", encoding="utf-8")
    from ruamel.yaml import YAML

    def no_load(*_args: object) -> None:
        raise AssertionError("loaded")

    monkeypatch.setattr(YAML, "load", no_load)
    with pytest.raises(GlossaryError) as info:
        read_glossary_file(path)
    assert info.value.location == f"{path}:1:53"
    assert info.value.message.startswith("lists and mappings nested more than 50 deep")


def test_brackets_in_quotes_are_no_nesting(tmp_path: Path) -> None:
    """Brackets in a quoted note count towards the quick bound, not the depth."""
    path = tmp_path / "a.yaml"
    note = "[" * 80 + "{" * 20
    path.write_text(
        f"x:\n  status: proposed\n  note: '{note}'\n  terms: {{en: [{{text: x}}]}}\n", encoding="utf-8"
    )
    (concept,) = read_glossary_file(path).concepts
    assert concept.note == note and concept.terms["en"][0].text == "x"


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("  status:", "2:3: empty concept status; write one of proposed | approved | rejected"),
        ("  status: aproved", "2:11: unknown concept status 'aproved'; write 'approved' (allowed: "),
        ("  status: Approved", "2:11: unknown concept status 'Approved'; write 'approved' (allowed: "),
        ("  status: done", "2:11: unknown concept status 'done' (allowed: proposed | approved | rejected)"),
        # a status of the other kind says where it belongs
        (
            "  status: preferred",
            "2:11: unknown concept status 'preferred'; 'preferred' is a term status: write it",
        ),
        (
            "  status: [approved]",
            "2:11: concept status must be one word, not a list; write one of proposed |",
        ),
    ],
)
def test_a_status_slip_is_located_and_says_what_to_write(tmp_path: Path, line: str, says: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(f"x:\n{line}\n  terms:\n    en:\n      - text: a\n", encoding="utf-8")
    errors = read_glossary_file(path).diagnostics
    first = errors[0]
    assert f"{first.line}:{first.column}: {first.message}".startswith(says)


@pytest.mark.parametrize(
    ("line", "says"),
    [
        (
            "        status: approved",
            "5:17: unknown term status 'approved'; 'approved' is a review status: write it as the concept's",
        ),
        (
            "        review: admitted",
            "5:17: unknown review status 'admitted'; 'admitted' is a term status: write it as this term's 'status:'",
        ),
    ],
)
def test_a_status_of_the_other_kind_says_where_it_belongs(tmp_path: Path, line: str, says: str) -> None:
    """A reviewer who approves a term writes 'status: approved' under it: the message
    listed the term statuses only, not where 'approved' goes."""
    path = tmp_path / "a.yaml"
    path.write_text(f"x:\n  terms:\n    en:\n      - text: a\n{line}\n", encoding="utf-8")
    first = read_glossary_file(path).diagnostics[0]
    assert f"{first.line}:{first.column}: {first.message}".startswith(says)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("[a, b]", "a list"),
        ("{a: 1}", "a mapping"),
        ("!!float 1e9", "a number"),
        ("2024-05-01", "a date"),
        ("!!omap [a: 1]", "a mapping"),
        ("!!binary aGk=", "binary data"),
    ],
)
def test_a_value_that_is_not_text_is_named_in_words(tmp_path: Path, value: str, kind: str) -> None:
    """It was named by ruamel's class: "not CommentedSeq", "not ScalarFloat", "not TimeStamp"."""
    path = tmp_path / "a.yaml"
    path.write_text(f"x:\n  definition: {value}\n  terms:\n    en:\n      - text: a\n", "utf-8")
    first = read_glossary_file(path).diagnostics[0]
    assert first.message == f"definition must be text, not {kind}; quote it"


def test_an_empty_term_status_is_located_at_its_key(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("x:\n  terms:\n    en:\n      - text: a\n        status:\n        review:\n", "utf-8")
    errors = read_glossary_file(path).diagnostics
    assert [(d.line, d.column, d.message.split(";")[0]) for d in errors] == [
        (5, 9, "empty term status"),
        (6, 9, "empty review status"),
    ]


def test_a_surrogate_escape_that_is_no_escape_is_text(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("x:\n  note: 'C:\\ud800'\n  definition: C:\\udfff\n", "utf-8")
    concept = read_glossary_file(path).concepts[0]
    assert (concept.note, concept.definition) == ("C:\\ud800", "C:\\udfff")


def test_marker_like_text_is_no_merge_conflict(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        'x:\n  note: "<<<<<<< and ======= inside a note"\n  definition: |\n    =======\n', "utf-8"
    )
    assert read_glossary_file(path).concepts[0].definition == "=======\n"


def test_open_or_new_starts_empty(tmp_path: Path) -> None:
    gfile = open_or_new(tmp_path / "new.yaml")
    assert gfile.concepts == []
    gfile.concepts.append(Concept("rain-plan", terms={"en": [Term("Rain Plan")]}))
    write_glossary_file(gfile)
    assert read_glossary_file(tmp_path / "new.yaml").concepts == gfile.concepts


def test_several_files_load_as_one_glossary(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a:\n  terms:\n    en:\n      - text: alpha\n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.yml").write_text("b:\n  terms:\n    en:\n      - text: beta\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a glossary", encoding="utf-8")
    glossary, files = load_glossary([tmp_path])
    assert [c.id for c in glossary] == ["a", "b"]
    assert len(files) == 2


# --------------------------------------------------------------------------
# Hypothesis: random concepts with CJK and astral-plane text survive write -> read.

_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),  # lone surrogates cannot be encoded at all
        min_codepoint=1,
    ),
    min_size=1,
    max_size=30,
)
_cjk = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=8)
_astral = st.text(
    alphabet=st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF), min_size=1, max_size=4
)
_slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)


@st.composite
def concepts(draw: st.DrawFn) -> Concept:
    def terms(texts: st.SearchStrategy[str]) -> list[Term]:
        items = draw(st.lists(texts, min_size=0, max_size=3, unique=True))
        return [
            Term(
                t,
                status=draw(st.sampled_from(list(TermStatus))),
                pos=draw(st.none() | st.sampled_from(["noun", "verb"])),
                note=draw(st.none() | _text),
                case_sensitive=draw(st.booleans()),
                review=draw(st.none() | st.sampled_from(list(ReviewStatus))),
                score=draw(st.none() | st.floats(allow_nan=False, allow_infinity=False)),
                evidence=draw(st.lists(_text, max_size=2)),
            )
            for t in items
        ]

    zh = terms(_cjk | _astral | _text)
    en = terms(_text)
    return Concept(
        draw(_slug),
        status=draw(st.sampled_from(list(ReviewStatus))),
        subject=draw(st.none() | _text),
        definition=draw(st.none() | _text),
        note=draw(st.none() | _text),
        provenance=draw(st.none() | st.sampled_from(["extractor", "aligner", "reviewer"])),
        sources=[Source(d, s) for d, s in draw(st.lists(st.tuples(_text, st.none() | _text), max_size=2))],
        terms={k: v for k, v in {"en": en, "zh-CN": zh}.items() if v},
    )


def _canonical_order(c: Concept) -> Concept:
    from termkit.glossary_file import sort_terms

    c.terms = {lang: sort_terms(ts) for lang, ts in c.terms.items()}
    return c


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(concepts(), max_size=4, unique_by=lambda c: c.id))
def test_roundtrip_random_concepts(tmp_path: Path, items: list[Concept]) -> None:
    path = tmp_path / "rt.yaml"
    gfile = GlossaryFile(str(path), items)
    write_glossary_file(gfile)
    again = read_glossary_file(path)
    assert again.diagnostics == []
    expected = sorted((_canonical_order(c) for c in items), key=lambda c: c.id)
    assert again.concepts == expected
    # writing again changes nothing
    before = path.read_bytes()
    write_glossary_file(again)
    assert path.read_bytes() == before


def test_a_folder_that_cannot_be_listed_is_an_error_not_an_empty_glossary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from termkit.errors import InputError
    from termkit.glossary_file import glossary_paths

    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "a.yaml").write_text("concepts: []\n", encoding="utf-8")
    assert glossary_paths([folder]) == [str(folder / "a.yaml")]

    def unreadable(top: object, onerror: object = None, **kwargs: object) -> object:
        assert callable(onerror)
        onerror(PermissionError(13, "Permission denied", str(top)))
        return iter(())

    monkeypatch.setattr(os, "walk", unreadable)
    with pytest.raises(InputError) as caught:
        glossary_paths([folder])
    assert caught.value.path == str(folder) and "cannot read folder" in caught.value.message


def test_a_folder_without_glossary_files_is_an_error_unless_allowed(tmp_path: Path) -> None:
    from termkit.errors import InputError
    from termkit.glossary_file import glossary_paths

    (tmp_path / "notes.txt").write_text("not a glossary", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        glossary_paths([tmp_path])
    assert caught.value.path == str(tmp_path) and "no glossary files" in caught.value.message
    with pytest.raises(InputError):
        load_glossary([tmp_path])
    # a glossary that --into or import is about to start may be empty
    assert glossary_paths([tmp_path], allow_empty=True) == []
    glossary, files = load_glossary([tmp_path], allow_empty=True)
    assert (len(glossary), files) == (0, [])


# A file in a reviewer's own order: not by id, and terms with no status written.
OWN_ORDER = """\
# Programmes first, then the rest.
zeta-plan:
  status: approved  # checked
  terms:
    en:
      - text: zeta plan
    zh-CN:
      - text: 泽塔计划

alpha-fund:
  status: rejected
  terms:
    en:
      - text: alpha fund
"""


def _proposed(cid: str, text: str) -> Concept:
    return Concept(cid, ReviewStatus.PROPOSED, terms={"en": [Term(text)]})


def _with_concept_added(
    tmp_path: Path, original: str, cid: str = "rain-plan", text: str = "Rain Plan"
) -> str:
    """The text (bytes as UTF-8, line ends kept) of a file holding ``original`` after an
    update that adds one proposed concept."""
    path = tmp_path / "g.yaml"
    path.write_bytes(original.encode("utf-8"))
    gfile = open_or_new(path)
    gfile.concepts.append(_proposed(cid, text))
    write_glossary_file(gfile)
    return path.read_bytes().decode("utf-8")


def test_an_update_appends_to_a_file_in_its_own_order_and_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(OWN_ORDER, encoding="utf-8")
    gfile = open_or_new(path)
    gfile.concepts += [_proposed("rain-plan", "Rain Plan"), _proposed("beta-fund", "beta fund")]
    write_glossary_file(gfile)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(OWN_ORDER + "\nrain-plan:\n")  # the new ones after, in the order given
    assert text.index("rain-plan:") < text.index("beta-fund:")
    assert [c.id for c in read_glossary_file(path).concepts] == [
        "zeta-plan",
        "alpha-fund",
        "rain-plan",
        "beta-fund",
    ]


def test_an_update_that_changes_a_concept_keeps_the_file_order(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(OWN_ORDER, encoding="utf-8")
    gfile = open_or_new(path)
    zeta = gfile.concepts[0]
    zeta.terms["en"].append(Term("Zeta Programme", TermStatus.ADMITTED))
    gfile.concepts.append(_proposed("beta-fund", "beta fund"))
    write_glossary_file(gfile)
    text = path.read_text(encoding="utf-8")
    again = read_glossary_file(path)
    assert [c.id for c in again.concepts] == ["zeta-plan", "alpha-fund", "beta-fund"]
    assert "status: approved  # checked" in text and text.startswith("# Programmes first")
    assert [t.text for t in again.concepts[0].terms["en"]] == ["zeta plan", "Zeta Programme"]


def test_an_update_of_a_canonical_file_stays_canonical(tmp_path: Path) -> None:
    text = _with_concept_added(tmp_path, CANONICAL, "aaa-first", "aaa first")
    path = tmp_path / "g.yaml"
    assert text == format_glossary_file(read_glossary_file(path))
    assert read_glossary_file(path).concepts[0].id == "aaa-first"


@pytest.mark.parametrize(
    "original",
    [
        OWN_ORDER.replace("\n", "\r\n"),  # Windows line ends: the added lines get them too
        OWN_ORDER.rstrip("\n"),  # no line end at the end
        OWN_ORDER + "\n# the end\n",  # a closing comment
        OWN_ORDER + "...\n",  # a document end marker: appending would start a new document
    ],
    ids=["crlf", "no-final-newline", "closing-comment", "document-end"],
)
def test_an_appended_update_reads_back_as_written(original: str, tmp_path: Path) -> None:
    raw = _with_concept_added(tmp_path, original)
    path = tmp_path / "g.yaml"
    again = read_glossary_file(path)
    assert not again.diagnostics
    assert [c.id for c in again.concepts] == ["zeta-plan", "alpha-fund", "rain-plan"]
    assert "status: approved  # checked" in raw
    if "\r\n" in original:
        assert raw.startswith(original) and "\n" not in raw.replace("\r\n", "")
    if "# the end" in original:
        assert "# the end" in raw


def test_a_canonical_file_with_crlf_line_ends_stays_canonical(tmp_path: Path) -> None:
    # a Windows checkout of glossary/ (core.autocrlf): canonical but for its line ends
    raw = _with_concept_added(tmp_path, CANONICAL.replace("\n", "\r\n"), "aaa-first", "aaa first")
    path = tmp_path / "g.yaml"
    assert "\n" not in raw.replace("\r\n", "")
    assert raw.replace("\r\n", "\n") == format_glossary_file(read_glossary_file(path))


def test_a_changed_concept_keeps_the_crlf_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_bytes(OWN_ORDER.replace("\n", "\r\n").encode("utf-8"))
    gfile = open_or_new(path)
    gfile.concepts[1].terms["en"].append(Term("alpha funds", TermStatus.ADMITTED))
    write_glossary_file(gfile)
    raw = path.read_bytes().decode("utf-8")
    assert "alpha funds" in raw and "\n" not in raw.replace("\r\n", "")


def test_an_indented_closing_comment_stays_where_it_is(tmp_path: Path) -> None:
    original = OWN_ORDER + "    # zh-CN: pending (Wang)\n"
    assert _with_concept_added(tmp_path, original).startswith(original + "\nrain-plan:\n")


def test_a_file_of_comments_only_keeps_them_as_its_header(tmp_path: Path) -> None:
    text = _with_concept_added(tmp_path, "# Glossary of programme names.\n# Owner: Li Wei\n")
    path = tmp_path / "g.yaml"
    assert text.startswith("# Glossary of programme names.\n# Owner: Li Wei\n\nrain-plan:\n")
    assert text == format_glossary_file(read_glossary_file(path))


def test_comments_on_empty_fields_are_kept_with_their_concept(tmp_path: Path) -> None:
    # an empty sources: and a language with no term yet have no line in canonical form
    text = (
        "zeta-plan:\n  status: approved\n  # sources: ask Li for the section\n  sources:\n"
        "  terms:\n    en:\n      - text: zeta plan\n    zh-CN:  # translator: please fill in\n"
    )
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    out = format_glossary_file(read_glossary_file(path))
    assert out.startswith(
        "zeta-plan:\n  # sources: ask Li for the section\n  # translator: please fill in\n  status: approved\n"
    )
    path.write_text(out, encoding="utf-8")
    assert format_glossary_file(read_glossary_file(path)) == out


@pytest.mark.parametrize(
    "value",
    [
        '"first line\n    # second line"',
        "'first line\n    # it''s the second'",
        '"a \\"quoted\\"\n    # word"',
    ],
    ids=["double", "single", "escaped"],
)
def test_a_hash_in_a_quoted_scalar_over_several_lines_is_no_comment(value: str, tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(f"a:\n  note: {value}\n  # a real comment\n  terms:\n    en:\n      - text: x\n", "utf-8")
    gfile = read_glossary_file(path)
    lines = [line for c in gfile.comments.values() for line in c.before]
    assert lines == ["# a real comment"]
    out = format_glossary_file(gfile)
    assert out.count("#") == gfile.concepts[0].note.count("#") + 1  # the note's own, and the comment


def test_an_appended_update_changes_no_line_end_of_the_text(tmp_path: Path) -> None:
    # (a review) one CRLF line in an LF file: the file's lines stay as they were
    original = OWN_ORDER.replace("alpha-fund:\n", "alpha-fund:\r\n")
    raw = _with_concept_added(tmp_path, original)
    assert raw.startswith(original + "\nrain-plan:\n")
    assert raw.count("\r\n") == 1


def test_a_canonical_file_with_a_stray_crlf_line_keeps_its_lf(tmp_path: Path) -> None:
    # (a review) the line end most lines have is kept, not CRLF for all
    raw = _with_concept_added(tmp_path, CANONICAL.replace("\n", "\r\n", 1), "aaa-first", "aaa first")
    assert "\r\n" not in raw


def test_a_value_cut_short_by_a_hash_is_a_warning(tmp_path: Path) -> None:
    """YAML ends a plain value at ' #': 'note: see issue #3' read as the note 'see
    issue', and '- text: item #1 priority' as the term 'item', without a word (the
    comment kept, the value cut).  A comment meant as one ('# ...', '##') is left alone,
    and so is a quoted value or a '#' inside a word ('C# programming')."""
    path = tmp_path / "a.yaml"
    path.write_text(
        'x:\n  note: see issue #3 of the Outline\n  definition: "quoted #3"\n  subject: a  # meant\n'
        "  terms:\n    en:\n      - text: C# programming\n      - text: item #1 priority\n"
        "        status: admitted  #ok\n    zh-CN:\n      - text: 甲 ##\n",
        encoding="utf-8",
    )
    gfile = read_glossary_file(path)
    assert [(d.line, d.column, d.severity, d.rule) for d in gfile.diagnostics] == [
        (2, 19, Severity.WARNING, "comment-in-value"),
        (8, 20, Severity.WARNING, "comment-in-value"),
    ]
    assert gfile.diagnostics[1].message == (
        "'#1 priority' after the term 'item' is read as a comment (YAML starts one at ' #'), not as part "
        'of the term; if it is, put the whole value in double quotes ("...")'
    )
    assert not gfile.has_errors  # (a warning: --into still writes the file)
