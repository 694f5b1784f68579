"""Streaming TMX reading: iter_tmx's fast path and xmlsafe.stream_children underneath it."""

from __future__ import annotations

import codecs
import contextlib
import copy
import dataclasses
import io
from pathlib import Path

import pytest
from lxml import etree

from conftest import SHARED, require_shared
from termkit.errors import FormatError
from termkit.formats import tmx, xmlsafe
from termkit.formats.tmx import TmxWriter, iter_tmx, read_tmx
from termkit.model import EN, ZH, InlineCode, Location, Segment, TranslationUnit

DECL = '<?xml version="1.0" encoding="UTF-8"?>'
HEADER = '<header srclang="en" segtype="sentence"><prop type="x-project">p</prop><note>h</note></header>'


def _tu(en: str, zh: str, tuid: str | None = None) -> str:
    ident = f' tuid="{tuid}"' if tuid else ""
    return (
        f'<tu{ident}><tuv xml:lang="en"><seg>{en}</seg></tuv><tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv></tu>'
    )


def _texts(units: list[TranslationUnit]) -> list[dict[str, str]]:
    return [{lang: seg.text for lang, seg in u.segments.items()} for u in units]


def _big(tmp_path: Path, count: int) -> Path:
    """A TMX written by TmxWriter: several 64 KiB feeds, lines beyond 65535 when count is large."""
    path = tmp_path / "big.tmx"
    with path.open("wb") as fp, TmxWriter(fp, srclang="en") as writer:
        for n in range(count):
            writer.write(
                TranslationUnit(
                    {EN: Segment(f"unit {n} " + "x" * (n % 97)), ZH: Segment(f"单元 {n}")}, id=f"u{n}"
                )
            )
    return path


def test_units_are_whole_dataclasses(tmp_path: Path) -> None:
    """Units of the fast path (built without __init__) equal constructor-built ones, every field set."""
    path = tmp_path / "mix.tmx"
    path.write_text(
        f'{DECL}\n<tmx version="1.4">{HEADER}<body>\n{_tu("Rain Plan", "雨露计划", "a")}\n'
        f"{_tu('Rain Plan', '雨露计划')}\n"
        '<tu><prop type="x-context">ctx</prop><tuv xml:lang="en"><note>n</note><seg>a<ph x="1">&lt;b/&gt;</ph>'
        "</seg></tuv></tu>\n"
        '<tu tuid="b" creationid="ann"><tuv xml:lang="en"><seg>a</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en" changeid="bo"><seg>a</seg></tuv></tu>\n</body></tmx>\n',
        encoding="utf-8",
    )
    units = list(iter_tmx(path))
    assert units == [
        TranslationUnit({EN: Segment("Rain Plan"), ZH: Segment("雨露计划")}, id="a"),
        TranslationUnit({EN: Segment("Rain Plan"), ZH: Segment("雨露计划")}),
        TranslationUnit(
            {EN: Segment("a", [InlineCode("ph", 1, "<b/>", {"x": "1"})], notes=["n"])}, context="ctx"
        ),
        TranslationUnit({EN: Segment("a")}, id="b", attrs={"creationid": "ann"}),
        TranslationUnit({EN: Segment("a", attrs={"changeid": "bo"})}),
    ]
    assert [u.location for u in units] == [Location(str(path), line) for line in (3, 4, 5, 6, 7)]
    for unit in units:  # asdict, replace and deepcopy read every field: an unset slot would raise
        assert dataclasses.asdict(unit) == dataclasses.asdict(copy.deepcopy(unit))
        assert dataclasses.replace(unit) == unit
        assert unit.location is not None and dataclasses.replace(unit.location) == unit.location
    units[0].notes.append("mine")
    units[0].segments[EN].codes.append(InlineCode("ph", 0))
    units[0].attrs["creationid"] = "me"
    units[0].segments[EN].attrs["changeid"] = "me"
    assert units[1].notes == [] and units[1].segments[EN].codes == []  # no list is shared
    assert units[1].attrs == {} and units[1].segments[EN].attrs == {}  # nor dict


#: <tu> of the general reader's edge cases, for the fast reader to read alike or leave to it.
_EDGE_UNITS = [
    '<tu tuid="x" creationdate="20200101T000000Z" srclang="ZH_cn" segtype="bogus">{tuvs}</tu>',
    '<tu srclang="*all*" segtype="phrase" foo="bar">{tuvs}</tu>',
    '<tu srclang=" " changeid="c">{tuvs}</tu>',
    '<tu tuid="">{tuvs}</tu>',
    '<tu tuid="" creationid="a">{tuvs}</tu>',
    '<tu xmlns:f="urn:f" f:x="1" tuid="q">{tuvs}</tu>',
    '<tu creationid="z"/>',
    '<tu><tuv xml:lang="en" changeid="c" bogus="q" usagecount="3"><seg>a</seg></tuv></tu>',
    '<tu><tuv xml:lang="en" xmlns:f="urn:f" f:y="2"><seg>a</seg></tuv></tu>',
    '<tu><tuv lang="en"><seg>a</seg></tuv><tuv lang="zh-CN" creationid="x"><seg>b</seg></tuv></tu>',
    '<tu><tuv xml:lang="" lang="en"><seg>a</seg></tuv></tu>',
    '<tu><tuv xml:lang="en" lang="fr" changeid="c"><seg>a</seg></tuv></tu>',
    '<tu><tuv xml:lang="zh_CN" changeid="c"><seg/></tuv></tu>',
    '<tu><!-- c --><tuv xml:lang="en" changeid="c"><seg>a</seg></tuv></tu>',
    '<tu><tuv xml:lang="en" changeid="c"><!-- c --><seg>a</seg></tuv></tu>',
    '<tu><tuv xml:lang="en" changeid="c"><seg>a<ph x="1">&lt;b/&gt;</ph></seg></tuv></tu>',
    '<tu><tuv xml:lang="en" changeid="c"><seg>a</seg><note>late</note></tuv></tu>',
    '<tu><tuv xml:lang="en" changeid="c"><foo>a</foo></tuv></tu>',
    '<tu creationid="k"><prop type="x-context">c</prop>{tuvs}</tu>',
]


def test_the_fast_reader_reads_as_the_general_one(tmp_path: Path) -> None:
    """Every <tu> the fast reader takes (attributes and all) is the unit the general reader makes of it."""
    tuvs = '<tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="zh-CN" creationid="ann"><seg>甲</seg></tuv>'
    edge = tmp_path / "edge.tmx"
    edge.write_text(
        f'{DECL}\n<tmx version="1.4">{HEADER}<body>\n'
        + "\n".join(tu.format(tuvs=tuvs) for tu in [_tu("a", "甲"), *_EDGE_UNITS] * 2)
        + "\n</body></tmx>\n",
        encoding="utf-8",
    )
    shared = sorted(require_shared(SHARED / "formats" / "tmx").glob("*.[tT][mM][xX]"))
    fast = 0
    for path in [edge, *shared]:
        for batch in xmlsafe.stream_children(path, "body", root=("tmx",), kind="TMX"):
            for element in batch:
                if not isinstance(element.tag, str) or xmlsafe.local_name(element) != "tu":
                    continue
                unit = tmx._plain_unit(element, str(path))
                if unit is None:  # (the general reader also meets the language codes the fast one knows)
                    with contextlib.suppress(FormatError):
                        tmx._unit(element, str(path))
                    continue
                fast += 1
                general = tmx._unit(element, str(path))
                assert unit == general and unit.location == general.location, (path, unit.location)
    assert fast > 1000


def test_many_units_in_order_with_their_lines(tmp_path: Path) -> None:
    # 16,000 units: about 1 MB in 16 feeds, 64,000 lines.  (Beyond line 65535 libxml2
    # only knows an element's line from its first child: there a <tu> gets the line of
    # the end of its leading whitespace, one too many here; so did the iterparse reader.)
    path = _big(tmp_path, 16_000)
    lines = [
        n
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if line.lstrip().startswith("<tu ")
    ]
    units = list(iter_tmx(path))
    assert [u.id for u in units] == [f"u{n}" for n in range(16_000)]
    assert [u.location.line for u in units if u.location] == lines
    assert units[-1].segments == {EN: Segment("unit 15999 " + "x" * (15_999 % 97)), ZH: Segment("单元 15999")}


def test_memory_stays_flat(tmp_path: Path) -> None:
    """The tree never holds more than a feed's worth of <tu>: processed ones are deleted."""
    path = _big(tmp_path, 20_000)
    seen: list[etree._Element] = []
    most = 0
    for batch in xmlsafe.stream_children(path, "body", root=("tmx",), kind="TMX", on_container=seen.append):
        most = max(most, len(seen[0]))
        assert len(batch) < 1_000
    assert 100 < most < 1_000


@pytest.mark.parametrize(
    ("prefix", "bad", "column"),
    [
        (b"", "<tu>&amp</tu>", 9),
        (codecs.BOM_UTF8, "<tu>&amp</tu>", 9),
        (b"", "<tu></tux>", 11),
        (b"", "<tu a=1/>", 7),
        (b"", "<tu>\x01</tu>", 5),
    ],
)
def test_syntax_error_after_units(tmp_path: Path, prefix: bytes, bad: str, column: int) -> None:
    """The units before a syntax error come first; the error is where a whole-file parse puts it."""
    good = "".join(_tu(f"e{n}", f"z{n}", f"u{n}") + "\n" for n in range(3000))
    more = good.replace('tuid="u', 'tuid="v')  # the error is in the middle of a feed
    path = tmp_path / "bad.tmx"
    data = prefix + f'{DECL}\n<tmx version="1.4">{HEADER}<body>\n{good}{bad}{more}</body></tmx>'.encode()
    path.write_bytes(data)
    ids = []
    with pytest.raises(FormatError) as info:
        for unit in iter_tmx(path):
            ids.append(unit.id)
    assert ids == [f"u{n}" for n in range(3000)]
    with pytest.raises(FormatError) as whole:
        xmlsafe.parse_bytes(data, str(path))
    assert info.value.location == whole.value.location == f"{path}:3003:{column}"
    assert "malformed XML" in str(info.value)


@pytest.mark.parametrize(
    ("data", "column"),
    [
        (f"{DECL}<tmx><body><tu>&x</tu></body></tmx>".encode(), 56),
        (codecs.BOM_UTF8 + f"{DECL}<tmx><body><tu>&x</tu></body></tmx>".encode(), 56),
        (f"{DECL}x<tmx/>".encode(), 39),
        ('<?xml version="1.0" encoding="UTF-16"?><tmx><body><tu>&x</tu></body></tmx>'.encode("utf-16"), 57),
        (b"<tmx><body><tu>&x</tu></body></tmx>", 18),
    ],
)
def test_error_columns_on_the_first_line(data: bytes, column: int) -> None:
    """The comment put after the XML declaration never shows in error columns."""
    with pytest.raises(FormatError) as info:
        list(iter_tmx(io.BytesIO(data)))
    with pytest.raises(FormatError) as whole:
        xmlsafe.parse_bytes(data)
    assert (info.value.line, info.value.column) == (whole.value.line, whole.value.column) == (1, column)


def test_stray_units_are_read(tmp_path: Path) -> None:
    """<tu> where TMX does not put them (invalid files) are still units, in the order their ends come."""
    other = '<o:tu xmlns:o="urn:other"><tuv xml:lang="en"><seg>other ns</seg></tuv></o:tu>'
    nested = (
        '<tu><tuv xml:lang="en"><seg>outer</seg></tuv><tu><tuv xml:lang="en"><seg>inner</seg></tuv></tu></tu>'
    )
    path = tmp_path / "stray.tmx"
    path.write_text(
        f'{DECL}<tmx version="1.4">{HEADER}<body><!-- c --><?pi x?>{_tu("a", "甲")}'
        f"<group>{_tu('b', '乙')}</group>{other}{nested}</body>{_tu('c', '丙')}</tmx>",
        encoding="utf-8",
    )
    assert _texts(list(iter_tmx(path))) == [
        {EN: "a", ZH: "甲"},
        {EN: "b", ZH: "乙"},
        {EN: "other ns"},
        {EN: "inner"},
        {EN: "outer"},
        {EN: "c", ZH: "丙"},
    ]


@pytest.mark.parametrize("body", [True, False])
def test_header_with_or_without_body(tmp_path: Path, body: bool) -> None:
    units = _tu("a", "甲") + _tu("b", "乙")
    path = tmp_path / "h.tmx"
    path.write_text(
        f'{DECL}<tmx version="1.4">{HEADER}{f"<body>{units}</body>" if body else units}</tmx>',
        encoding="utf-8",
    )
    memory = read_tmx(path)
    assert (memory.props, memory.notes) == ([("x-project", "p")], ["h"])
    assert _texts(memory.units) == [{EN: "a", ZH: "甲"}, {EN: "b", ZH: "乙"}]


def test_language_codes_normalised_on_every_path(tmp_path: Path) -> None:
    tus = "".join(
        f'<tu><tuv xml:lang="{lang}"><seg>{n}</seg></tuv></tu>'
        for n, lang in enumerate(["ZH_cn", "zh-CN", "zh_CN", "ZH_cn", "En-gb", "en-GB"])
    )
    path = tmp_path / "langs.tmx"
    path.write_text(f'{DECL}<tmx version="1.4"><body>{tus}</body></tmx>', encoding="utf-8")
    assert [list(u.segments) for u in iter_tmx(path)] == [[ZH]] * 4 + [["en-GB"]] * 2


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
        lambda text: text.replace(DECL, "").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8 BOM", "utf-16 (no comment)", "no declaration (no comment)"],
)
def test_stream_children_batches(encode: object) -> None:
    """Every child of <body> once, in order, comments too; then the root with what is left."""
    text = (
        f'{DECL}\n<!-- before --><tmx version="1.4">{HEADER}<body>'
        + "".join(f"<tu>{n}</tu><!--{n}-->" for n in range(5000))
        + "</body><after/></tmx>"
    )
    data = encode(text)  # type: ignore[operator]
    containers: list[str] = []
    batches: list[list[str]] = []  # a batch is only good until the next one is asked for
    for batch in xmlsafe.stream_children(
        io.BytesIO(data),
        "body",
        root=("tmx",),
        kind="TMX",
        on_container=lambda box: containers.append(str(box.tag)),
    ):
        batches.append([str(child.text) for child in batch])
        last = batch
    assert containers == ["body"]
    assert [text for batch in batches[:-1] for text in batch] == [f"{n}" for n in range(5000) for _ in (0, 1)]
    assert len(batches) > 3
    (top,) = last
    assert top.tag == "tmx" and [child.tag for child in top] == ["header", "body", "after"]


def test_stream_children_closes_an_abandoned_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = []
    real_open = xmlsafe._open_file

    def spy(path: str):  # type: ignore[no-untyped-def]
        fp = real_open(path)
        opened.append(fp)
        return fp

    monkeypatch.setattr(xmlsafe, "_open_file", spy)
    units = iter_tmx(_big(tmp_path, 3000))
    next(units)
    assert not opened[0].closed
    units.close()  # type: ignore[attr-defined]
    assert opened[0].closed


def test_stream_children_refuses_wrong_root_and_entities() -> None:
    with pytest.raises(FormatError, match="not a TMX file: the root element is <xliff>"):
        list(
            xmlsafe.stream_children(
                io.BytesIO(f"{DECL}<xliff><body/></xliff>".encode()), "body", root=("tmx",), kind="TMX"
            )
        )
    doc = f'{DECL}<!DOCTYPE tmx [<!ENTITY x "y">]><tmx><body><tu>&x;</tu></body></tmx>'.encode()
    with pytest.raises(FormatError, match="entity declarations"):
        list(xmlsafe.stream_children(io.BytesIO(doc), "body", root=("tmx",), kind="TMX"))
