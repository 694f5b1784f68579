"""Glossary files read through libyaml (ruamel.yaml.clib) give exactly what ruamel.yaml's
pure-Python parser gives: the same concepts, diagnostics, comments and errors.

Every test compares the two paths on the same text: the fast one as termkit runs it, and
the pure one as it runs without the C extension (``_CParser`` patched away).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from conftest import GLOSSARY, ROOT, finishes_in_a_child
from termkit import glossary_file
from termkit.errors import GlossaryError
from termkit.glossary_file import read_glossary_file

needs_libyaml = pytest.mark.skipif(glossary_file._CParser is None, reason="ruamel.yaml.clib is not installed")


def _shape(node: Any) -> Any:
    """Everything of a ruamel document that glossary_file reads: types, values, and the
    line and column of every mapping, list, key, value and item.  (An empty value has no
    place of its own, and termkit never reads one: the two parsers put it apart.)"""
    if isinstance(node, CommentedMap):
        lc = node.lc
        data = lc.data or {}
        items = []
        for key, value in node.items():
            where = tuple(data[key]) if key in data else None
            if where is not None and value is None:
                where = where[:2]
            items.append((_shape(key), where, _shape(value)))
        merged = [_shape(m[1] if isinstance(m, tuple) else m) for m in node.merge]
        own = [_shape(k) for k, _ in node.non_merged_items()]
        return (type(node).__name__, lc.line, lc.col, items, merged, own, node.fa._flow_style)
    if isinstance(node, (CommentedSeq, list)):
        lc = getattr(node, "lc", None)
        where = (
            (lc.line, lc.col, [tuple(lc.data[i]) for i in range(len(node)) if i in lc.data]) if lc else None
        )
        flow = node.fa._flow_style if isinstance(node, CommentedSeq) else None
        return (type(node).__name__, where, flow, [_shape(item) for item in node])
    if isinstance(node, (tuple, set, frozenset)):
        return (type(node).__name__, sorted(map(repr, node)))
    return (type(node).__name__, repr(node), str(node))


def _parse(text: str) -> Any:
    try:
        return ("document", _shape(glossary_file._parse_yaml(text, "g.yaml")))
    except GlossaryError as exc:
        return ("error", str(exc), exc.line, exc.column, exc.rule)
    except Exception as exc:  # (a mapping as a key holding a list: ruamel fails on it)
        return ("crash", type(exc).__name__, str(exc))


def _read(text: str) -> Any:
    try:
        gfile = read_glossary_file("g.yaml", text)
    except GlossaryError as exc:
        return ("error", str(exc), exc.line, exc.column, exc.rule)
    except Exception as exc:
        return ("crash", type(exc).__name__, str(exc))
    ids = [type(c.id) for c in gfile.concepts]
    return ("file", gfile.concepts, gfile.diagnostics, gfile.comments, ids)


def _outcome(text: str, *, pure: bool) -> Any:
    """The document (or error) of ``text`` and the whole GlossaryFile (or error)."""
    with mock.patch.dict(os.environ, {"TERMKIT_NO_CACHE": "1"}):
        if pure:
            with mock.patch.object(glossary_file, "_CParser", None):
                return _parse(text), _read(text)
        return _parse(text), _read(text)


def _comment_crash(outcome: Any) -> bool:
    """Whether ruamel's pure parser failed on the comments of the text (its own bug,
    "overlap in comment": a comment between a key and its value on the next line)."""
    return outcome[1][0] == "error" and "(NotImplementedError: overlap in comment" in outcome[1][1]


def assert_same(text: str) -> None:
    """Both paths read ``text`` alike (where the pure one fails on comments, the fast
    one, which leaves comments to termkit, reads the text)."""
    fast, pure = _outcome(text, pure=False), _outcome(text, pure=True)
    if _comment_crash(pure) and fast[1][0] != "error":
        return
    assert fast == pure


def fast_path_takes(text: str) -> bool:
    return glossary_file._load_fast(text) is not glossary_file._MISS


def _yaml_files() -> list[Path]:
    files = sorted(GLOSSARY.glob("*.yaml"))
    files += sorted(p for p in (ROOT / "tests").rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    return files


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_bundled_and_test_yaml_file_reads_the_same_on_both_paths(path: Path) -> None:
    text = glossary_file.decode(path.read_bytes(), str(path))
    assert_same(text)


@needs_libyaml
def test_the_bundled_glossary_takes_the_fast_path() -> None:
    for path in sorted(GLOSSARY.glob("*.yaml")):
        assert fast_path_takes(path.read_text(encoding="utf-8")), path


#: Texts of the shapes a glossary holds, which libyaml reads (and must read as ruamel does).
READ_BY_LIBYAML = [
    "a:\n  status: approved\n  terms:\n    en:\n      - text: Rain Plan\n        status: preferred\n",
    "a:\r\n  definition: x\r\n  terms:\r\n    en:\r\n    - text: y\r\n",
    "a:\r  definition: x\r  note: y\r",
    "a:\n  note: 'it''s # not a comment'  # a comment\n  subject: \"\\x41\\u4e2d\\U0001F600\\N\\_\\L\\P\\e\\0\"\n",
    "术语:\n  definition: 扶贫（开发）：“精准”，。\n  note: \u3000全角\u00a0\n",
    "a:\n  definition: |\n    line one\n\n      more indented\n    last\n  note: >-\n    folded\n    text\n\n    kept\n",
    "a:\n  definition: |+2\n    x\n\n  note: >1-\n    y\n",
    "a:\n  terms: {en: [{text: x, status: preferred}, {text: 'y', score: .5}]}\n",
    "a:\n  note: plain text\n    that goes on\n\n    after a blank line\n",
    'a:\n  note: "quoted text\n    that goes on \\\n    and on"\n',
    "x: yes\ny: no\nz: on\nw: 0o17\nv: 1_000\nu: .5\nt: 2001-12-14\ns: 2001-12-14 21:59:43.10 -5\nr: 1:20\nq: 017\np: .inf\no: ~\nn: 0x1F\n",
    "a:\n  terms:\n    en:\n      - text: x\n        score: 1e3\n        case-sensitive: True\n        evidence:\n          - 1\n          -\n          - ''\n",
    "a:\n  status:\n  note:\n  terms:\n    en:\n",
    "--- # a document\na:\n  status: approved\n",
    "<<: {status: approved}\na: {}\n",
    "1: x\n2.5: y\nnull: z\nfalse: w\n[a, b]: v\nWhy? Because: x\n",
    'a:\n  note: "\\/ a YAML 1.2 escape"\n',
]


@needs_libyaml
@pytest.mark.parametrize("text", READ_BY_LIBYAML)
def test_texts_that_libyaml_reads_read_the_same(text: str) -> None:
    assert fast_path_takes(text)
    assert_same(text)


#: Texts that libyaml reads otherwise than ruamel.yaml does.
READ_OTHERWISE_BY_LIBYAML = [
    "# header\x85\na:\n  status: approved\n",  # NEL, LINE and PARAGRAPH SEPARATOR: line breaks in YAML 1.1
    "# header\n\u2028a:\n  note: x\n",
    "a:\n  subject: x\n\u2029  note: y\n",
    "a:\n  note: x\n\ufeff",  # a BOM inside the text
    "%YAML 1.1\n---\na:\n  case: yes\n",  # a directive: YAML 1.1 rules
    "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
    "&x a:\n  status: approved\n",  # an anchor: ruamel keeps it on the value, of another type
    "a:\n  note: &n text\n",
    "a:\n  note: !!str 1\n",  # a tag
    "a:\n  note: x\t# c\n",  # a tab
    "a:\n  note: x\n  subject: y\t\n",
    'a:\n  terms: ["x":y]\n',  # a value right after a quoted key in a flow list
    "a:\n  terms: [[x]:y, {z: 1}:w]\n",
    "a:\n  note: |\n  \n    text\n",  # a block scalar's first line holds only spaces
    "a:\n  note: >\n   \n      - a\n",
    "a:\n  note: |-# c\n    text\n",  # a comment right after a block scalar's header
    "a:\n  terms: [? ,, x]\n",  # an explicit key
    "a: {? }\n",
    "a:\n  terms: [x, ?:]\n",
    "a:\n  note: <<\n",  # a value that ruamel makes a TaggedScalar of (with its node's style)
    "a:\n  note: [=]\n",
    "a:\n  note: x\n...\n...\n",  # document end markers: a second document to ruamel
]

#: Texts that libyaml refuses, or that are no mapping: the pure path reports them.
REFUSED_BY_LIBYAML = [
    "a:\n  note: x\na:\n  note: y\n",  # a duplicate key
    "a:\n  note: 'x\n",  # a syntax error
    "a:\n\tnote: x\n",
    'a:\n  note: "\\ud800"\n',  # a surrogate
    "> \n\n\n# end\n",  # no mapping
    "- a\n- b\n",
    "",
    "# only a comment\n",
]


@pytest.mark.parametrize("text", READ_OTHERWISE_BY_LIBYAML + REFUSED_BY_LIBYAML)
def test_texts_that_libyaml_could_read_otherwise_take_the_pure_path(text: str) -> None:
    assert not fast_path_takes(text)
    assert_same(text)


@needs_libyaml
@pytest.mark.parametrize("text", READ_OTHERWISE_BY_LIBYAML)
def test_libyaml_would_read_those_texts_otherwise(text: str) -> None:
    """(Why they take the pure path: let through, libyaml reads them otherwise.)"""
    with (
        mock.patch.object(glossary_file, "_libyaml_agrees", lambda text: True),
        mock.patch.object(glossary_file, "_shallow", lambda text: True),
    ):
        assert fast_path_takes(text)
        fast = _outcome(text, pure=False)
    assert fast != _outcome(text, pure=True)


@needs_libyaml
def test_a_comment_before_a_value_on_the_next_line_is_read_where_ruamel_fails_on_it() -> None:
    text = "c1:\n  status: # to do\n    approved\n\n"
    pure = _outcome(text, pure=True)
    assert _comment_crash(pure)  # (ruamel.yaml 0.19.1: "overlap in comment", reported as a located error)
    fast = _outcome(text, pure=False)
    assert fast[1][0] == "file"
    assert fast[1][1][0].status.value == "approved"


# Nesting: libyaml's composer recurses in C, where no recursion limit stops it.


def _nested(kind: str, depth: int) -> str:
    if kind == "flow":
        return "a:\n  note: " + "[" * depth + "x" + "]" * depth + "\n"
    if kind == "block":
        return "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v\n"
    return "a:\n" + "".join("  " * i + "- \n" for i in range(depth)) + "  " * depth + "- x\n"


@pytest.mark.parametrize("kind", ["flow", "block", "list"])
def test_a_file_nested_5000_deep_gives_the_same_error_on_both_paths(kind: str) -> None:
    text = _nested(kind, 5000)
    assert not fast_path_takes(text)
    with mock.patch.dict(os.environ, {"TERMKIT_NO_CACHE": "1"}):
        fast = _read(text)
        with mock.patch.object(glossary_file, "_CParser", None):
            assert fast == _read(text)
    assert fast[0] == "error" and "nested more than 50 deep" in fast[1]


@pytest.mark.parametrize("kind", ["flow", "block", "list"])
def test_nesting_up_to_the_limit_takes_the_fast_path_and_reads_the_same(kind: str) -> None:
    for depth in (20, 45, 48):
        text = _nested(kind, depth)
        if glossary_file._CParser is not None:
            assert fast_path_takes(text), depth
        assert_same(text)
    assert not fast_path_takes(_nested(kind, 60))


def test_compact_lists_nested_deep_on_one_line_take_the_pure_path() -> None:
    text = "a:\n" + "- " * 60 + "x\n"
    assert not fast_path_takes(text)
    assert_same(text)


def test_a_file_nested_a_million_deep_does_not_crash_the_process() -> None:
    finishes_in_a_child(
        "from termkit.glossary_file import _parse_yaml\n"
        "from termkit.errors import GlossaryError\n"
        "try:\n"
        "    _parse_yaml('a: ' + '[' * 1_000_000 + 'x' + ']' * 1_000_000 + '\\n', 'g.yaml')\n"
        "except GlossaryError as exc:\n"
        "    assert 'nested more than 50 deep' in str(exc), exc\n"
        "    print('done')\n"
    )


def test_reading_leaves_the_garbage_collector_as_it_was() -> None:
    import gc

    text = (GLOSSARY / "programmes.yaml").read_text(encoding="utf-8")
    with mock.patch.dict(os.environ, {"TERMKIT_NO_CACHE": "1"}):
        assert gc.isenabled()
        read_glossary_file("g.yaml", text)
        assert gc.isenabled()
        gc.disable()
        try:
            read_glossary_file("g.yaml", text)
            assert not gc.isenabled()
        finally:
            gc.enable()


# Hypothesis: glossary-shaped texts full of what YAML makes tricky.  One text in four is
# "wild" (tabs, anchors, tags, stray lines, keys twice...: mostly the pure path's); the
# others are texts that libyaml reads, with tricky values quoted where they must be.

_WORDS = [
    "Rain Plan", "雨露计划", "poverty alleviation", "yes", "No", "on", "OFF", "y", "~", "null", "true",
    "0o17", "017", "0x1F", "1_000", ".5", "1e3", "-.inf", ".NaN", "+1", "1:20", "2001-12-14",
    "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "1.", "0", "-x", "x:y", "x# y",
    "it's", 'say "hi"', "a, b", "a [b] {c}", "扶贫（开发）", "精准：扶贫", "“引号”", "全角，标点。",
    "x\u00a0y", "x\u3000y", "😀", "é", "x\\y", "a\u200bb", "a - b", "a ? b", "50%", "C#",
]  # fmt: skip
_WILD_WORDS = [
    "- x", "? x", ": x", "[x]", "{x}", "*x", "&x", "!x", "|", ">", "%x", "@x", "`x", "#x", "x #y",
    "---", "...", "<<", "=", "", "\t", "a\tb", "a: b",
]  # fmt: skip
_CHARS = [
    *"ab xy-_.,:;#'\"\\[]{}()?*|>%@`~+/0123456789", "中", "文", "：", "，", "（", "）", "“", "”", "。",
    "é", "\u00a0", "\u3000", "😀", "\u200b",
]  # fmt: skip
_WILD_CHARS = ["\t", "&", "!", "=", "<", "\x85", "\u2028", "\ufeff"]
_ESCAPES = [
    "\\n", "\\t", '\\"', "\\\\", "\\x41", "\\xe9", "\\u4e2d", "\\U0001F600", "\\0", "\\/", "\\N", "\\_",
    "\\L", "\\P", "\\e", "\\ ", "\\a", "\\b", "\\v", "\\f", "\\r",
]  # fmt: skip


def _words(wild: bool) -> st.SearchStrategy[str]:
    return st.sampled_from(_WORDS + _WILD_WORDS if wild else _WORDS)


def _text(wild: bool) -> st.SearchStrategy[str]:
    chars = st.sampled_from(_CHARS + _WILD_CHARS if wild else _CHARS)
    return st.one_of(
        _words(wild), st.text(chars, max_size=10), st.builds("{} {}".format, _words(wild), _words(wild))
    )


@st.composite
def _scalar(draw: st.DrawFn, indent: int, wild: bool) -> str:
    """A value after ``key:`` (with its leading space), possibly over several lines."""
    pad = " " * (indent + draw(st.sampled_from([1, 2, 2, 4])))
    text = draw(_text(wild))
    style = draw(
        st.sampled_from(
            ["plain", "plain", "single", "double", "block", "flow", "lines", "quoted lines", "empty"]
        )
    )
    if style == "plain":
        return " " + (text if wild else draw(_words(wild)))
    if style == "single":
        return " '" + text.replace("'", "''") + "'"
    if style == "double":
        escaped = text.replace("\\", "\\\\").replace('"', '\\"')
        parts = draw(st.lists(st.sampled_from([*_ESCAPES, escaped, "\\\n" + pad, "\n" + pad]), max_size=3))
        return ' "' + escaped + "".join(parts) + '"'
    if style == "block":
        header = draw(st.sampled_from("|>")) + draw(st.sampled_from(["", "-", "+", "2", "1-", "+2"]))
        header += draw(st.sampled_from(["", " ", "  # c"]))
        blank = st.sampled_from(["", " ", "  "] if wild else [""])
        lines = draw(st.lists(st.one_of(_text(wild), blank), min_size=1, max_size=4))
        extra = draw(st.sampled_from(["", "", " ", "  "]))
        return " " + header + "".join("\n" + (pad + extra + line if line.strip() else line) for line in lines)
    if style == "flow":
        quoted = st.builds(lambda t: "'" + t.replace("'", "''") + "'", _text(wild))
        inner = st.sampled_from(["'q'", '"d"', "[x, y]", "{k: v}", "k: v", "[]", "{}", "1", "yes"])
        items = draw(st.lists(st.one_of(quoted, inner, _words(wild) if wild else inner), max_size=4))
        if draw(st.booleans()):
            return " [" + ", ".join(items) + draw(st.sampled_from(["]", ",]", "]]"] if wild else ["]", ",]"]))
        keys = draw(st.lists(st.sampled_from(["k", "'q'", "1", "[a]", "x y"]), max_size=4, unique=not wild))
        return " {" + ", ".join(f"{key}: {item}" for key, item in zip(keys, items, strict=False)) + "}"
    if style == "lines":
        more = draw(st.sampled_from(["", "\n", "\n\n" + pad + "z"]))
        return " " + draw(_words(wild)) + "\n" + pad + draw(_words(wild)) + more
    if style == "quoted lines":
        if draw(st.booleans()):
            second = draw(_text(wild)).replace("'", "''")
            return " '" + text.replace("'", "''") + "\n" + pad + second + "\n\n" + pad + "z'"
        return ' "' + text.replace("\\", "/").replace('"', "'") + "\n" + pad + "\\\n" + pad + 'z"  '
    return ""


@st.composite
def _glossary_text(draw: st.DrawFn) -> str:
    wild = draw(st.integers(0, 3)) == 0
    unit = draw(st.sampled_from([2, 2, 4, 3, 1]))
    indented_lists = draw(st.booleans())
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append("# " + draw(_text(wild)))
    if draw(st.integers(0, 5)) == 0:
        lines.append(
            draw(st.sampled_from(["---", "--- # doc", "%YAML 1.2\n---"] if wild else ["---", "--- # doc"]))
        )
    ids = st.one_of(
        st.sampled_from(["rain-plan", "c1", "'quoted id'", '"x y"', "中文", "1", "yes"]), _words(wild)
    )
    for cid in draw(st.lists(ids, min_size=1, max_size=4, unique=not wild)):
        eol = draw(st.sampled_from(["", "", "  # about it"]))
        lines.append(f"{'? ' if wild and draw(st.integers(0, 9)) == 0 else ''}{cid}:{eol}")
        fields = draw(
            st.lists(
                st.sampled_from(["status", "definition", "note", "subject", "terms", "sources", "colour"]),
                max_size=5,
                unique=not wild,
            )
        )
        for name in fields:
            if draw(st.integers(0, 6)) == 0:
                lines.append(" " * unit + "# " + draw(_text(wild)))
            if name == "terms":
                lines.append(" " * unit + "terms:")
                for lang in draw(
                    st.lists(st.sampled_from(["en", "zh-CN", "fr"]), max_size=2, unique=not wild)
                ):
                    lines.append(" " * 2 * unit + f"{lang}:")
                    dash = " " * (3 * unit if indented_lists else 2 * unit)
                    for _ in range(draw(st.integers(0, 2))):
                        lines.append(dash + "- text:" + draw(_scalar(len(dash) + 2, wild)))
                        keys = st.sampled_from(["status", "score", "evidence", "pos"])
                        for key in draw(st.lists(keys, max_size=2, unique=not wild)):
                            if key == "evidence":
                                lines.append(dash + f"  {key}:")
                                lines.extend(
                                    dash + "    -" + draw(_scalar(len(dash) + 4, wild)) for _ in range(2)
                                )
                            else:
                                lines.append(dash + f"  {key}:" + draw(_scalar(len(dash) + 2, wild)))
            elif name == "sources":
                lines.append(" " * unit + "sources:")
                lines.append(" " * 2 * unit + "- document:" + draw(_scalar(2 * unit + 2, wild)))
                lines.append(" " * 2 * unit + "  section:" + draw(_scalar(2 * unit + 2, wild)))
            else:
                lines.append(" " * unit + f"{name}:" + draw(_scalar(unit, wild)))
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "# between", "  # indented"])))
    slips = [
        "",
        "  ",
        "# c",
        "\t",
        "...",
        "---",
        "  - stray",
        "&a x: 1",
        "y: *a",
        "  <<: {note: m}",
        "x: !!str 1",
    ]
    for _ in range(draw(st.integers(0, 2)) if wild else 0):  # the slips of hand editing
        at = draw(st.integers(0, len(lines)))
        slip = draw(st.sampled_from(slips))
        if slip == "\t" and lines:
            lines[min(at, len(lines) - 1)] = "\t" + lines[min(at, len(lines) - 1)].lstrip(" ")
        else:
            lines.insert(at, slip)
    if wild and draw(st.booleans()):  # a key twice
        lines.append(lines[draw(st.integers(0, len(lines) - 1))])
    end = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    text = end.join(lines) + draw(st.sampled_from([end, "", end + end]))
    if draw(st.integers(0, 5)) == 0:  # mixed line ends
        text = text.replace("\n", "\r\n", 1)
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_glossary_text())
def test_glossary_texts_read_the_same_on_both_paths(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize(
    ("text", "where", "crash"),
    [
        ("? k:\n  sources:\n    - document: x\n? k:\n", (1, 1), "TypeError"),
        ("a:\n  note: !!omap x\n", (2, 9), "AttributeError"),
        ("c1:\n  status: # to do\n    approved\n\n", (1, 1), "NotImplementedError"),
    ],
)
def test_yaml_ruamel_cannot_build_is_a_located_error_not_a_traceback(
    text: str, where: tuple[int, int], crash: str
) -> None:
    """ruamel.yaml's own failures on YAML no glossary needs (a mapping key holding a
    list, a tag on a scalar, its "overlap in comment") escaped as tracebacks."""
    with (
        mock.patch.dict(os.environ, {"TERMKIT_NO_CACHE": "1"}),
        mock.patch.object(glossary_file, "_CParser", None),
        pytest.raises(GlossaryError) as caught,
    ):
        read_glossary_file("g.yaml", text)
    assert (caught.value.line, caught.value.column, caught.value.rule) == (*where, "syntax")
    assert f"YAML that ruamel.yaml cannot build ({crash}: " in str(caught.value)
    assert "rewrite it without tags (!!), explicit keys (?), anchors (&) or aliases (*)" in str(caught.value)


def test_an_anchor_defined_again_prints_no_ruamel_warning() -> None:
    """ruamel's multi-line ReusedAnchorWarning reached the terminal (YAML 1.2 allows it)."""
    import warnings

    with (
        warnings.catch_warnings(record=True) as caught,
        mock.patch.dict(os.environ, {"TERMKIT_NO_CACHE": "1"}),
    ):
        warnings.simplefilter("always")
        gfile = read_glossary_file("g.yaml", "a: &x 1\nb: &x 2\n")
    assert [str(w.message) for w in caught] == []
    assert [d.rule for d in gfile.diagnostics] == ["syntax", "syntax"]
