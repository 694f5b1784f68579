"""Hypothesis strategies for memories: CJK, astral-plane and XML-safe text."""

from __future__ import annotations

from hypothesis import strategies as st

from termkit.formats.tmx import SEGTYPES, TU_ATTRS, TUV_ATTRS
from termkit.formats.xmlsafe import first_invalid_char
from termkit.model import EN, ZH, InlineCode, Memory, Segment, TranslationUnit

#: Characters XML 1.0 can carry, weighted towards what termkit meets: ASCII,
#: CJK (BMP and astral Extension B), full-width punctuation, whitespace.
CHARS = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1F64F),
    st.sampled_from("\t\n\r　，。、“”《》&<>\"'\\"),
    st.characters(blacklist_categories=("Cs",)).filter(lambda c: first_invalid_char(c) < 0),
)
TEXT = st.text(CHARS, max_size=30)
NONEMPTY = st.text(CHARS, min_size=1, max_size=30)
#: Characters XML 1.0 cannot carry at all.
UNSAFE = st.one_of(
    st.characters(min_codepoint=0x00, max_codepoint=0x08),
    st.sampled_from(["\x0b", "\x0c", "\x1f", "\ufffe", "\uffff", "\ud800"]),
)


@st.composite
def codes_for(draw: st.DrawFn, text: str) -> list[InlineCode]:
    """Inline placeholders (``ph``) and paired codes (``bpt``/``ept``) at valid positions."""
    codes: list[InlineCode] = []
    positions = sorted(draw(st.lists(st.integers(0, len(text)), max_size=3)))
    for n, pos in enumerate(positions, 1):
        if draw(st.booleans()):
            codes.append(InlineCode("ph", pos, draw(TEXT), {"x": str(n), "type": "x-ph"}))
        else:
            end = draw(st.integers(pos, len(text)))
            codes.append(InlineCode("bpt", pos, "<b>", {"i": str(n), "type": "bold"}))
            codes.append(InlineCode("ept", end, "</b>", {"i": str(n)}))
    return sorted(codes, key=lambda c: c.position)


@st.composite
def xliff_codes_for(draw: st.DrawFn, text: str) -> list[InlineCode]:
    """XLIFF 1.2 codes as the XLIFF reader gives them: bpt/ept paired by id or rid (or
    alone: the partner in another segment), g, bx/ex, mrk, x, it, ph, at valid positions."""
    codes: list[InlineCode] = []
    positions = sorted(draw(st.lists(st.integers(0, len(text)), max_size=4)))
    ctype = st.sampled_from(["bold", "italic", "underlined", "x-link", "link"])
    for n, pos in enumerate(positions, 1):
        end = draw(st.integers(pos, len(text)))
        pair = {"id": str(n)} if draw(st.booleans()) else {"id": f"b{n}", "rid": f"r{n}"}
        kind = draw(st.sampled_from(["bpt", "lone-bpt", "lone-ept", "g", "bx", "mrk", "x", "it", "ph"]))
        if kind == "bpt":
            codes.append(InlineCode("bpt", pos, "<b>", {**pair, "ctype": draw(ctype), "xid": "t"}))
            codes.append(InlineCode("ept", end, "</b>", {**pair, "id": pair["id"] + "e" * ("rid" in pair)}))
        elif kind in ("lone-bpt", "lone-ept"):
            codes.append(InlineCode(kind[5:], pos, "{}", {"id": f"z{n}", "equiv-text": "q"}))
        elif kind in ("g", "bx"):
            close = "/g" if kind == "g" else "ex"
            codes.append(InlineCode(kind, pos, attrs={"id": str(n), "ctype": draw(ctype)}))
            codes.append(InlineCode(close, end, attrs={"id": f"{n}0"} if kind == "bx" else {}))
        elif kind == "mrk":
            mtype = draw(st.sampled_from([None, "term", "x-test", "protected", "not listed", "x-"]))
            codes.append(InlineCode("mrk", pos, attrs={} if mtype is None else {"mtype": mtype}))
            codes.append(InlineCode("/mrk", end))
        elif kind == "it":
            codes.append(
                InlineCode("it", pos, "<i>", {"id": str(n), "pos": draw(st.sampled_from(["open", "close"]))})
            )
        else:
            attrs = {"id": str(n), "assoc": draw(st.sampled_from(["preceding", "following", "both"]))}
            codes.append(InlineCode(kind, pos, "" if kind == "x" else "<br/>", attrs))
    return sorted(codes, key=lambda c: c.position)


@st.composite
def tu_attrs(draw: st.DrawFn) -> dict[str, str]:
    """``<tu>`` attributes as the TMX reader keeps them (segtype one of four, srclang normalised)."""
    attrs = draw(st.dictionaries(st.sampled_from(TU_ATTRS), TEXT, max_size=4))
    if "segtype" in attrs:
        attrs["segtype"] = draw(st.sampled_from(SEGTYPES))
    if "srclang" in attrs:
        attrs["srclang"] = draw(st.sampled_from([EN, ZH, "*all*"]))
    return attrs


#: ``<tuv>`` attributes: dates, ids, counts, any XML-safe text.
TUV_ATTR_DICTS = st.dictionaries(st.sampled_from(TUV_ATTRS), TEXT, max_size=4)


@st.composite
def segments(
    draw: st.DrawFn, with_codes: bool = False, with_notes: bool = True, xliff_codes: bool = False
) -> Segment:
    text = draw(TEXT)
    seg = Segment(text)
    if with_codes:
        seg.codes = draw(xliff_codes_for(text) if xliff_codes else codes_for(text))
    if with_notes:
        seg.notes = draw(st.lists(NONEMPTY, max_size=2))
    seg.attrs = draw(TUV_ATTR_DICTS)
    return seg


@st.composite
def units(
    draw: st.DrawFn, langs: tuple[str, ...] = (EN, ZH), with_codes: bool = False, xliff_codes: bool = False
) -> TranslationUnit:
    unit = TranslationUnit()
    for lang in langs:
        unit.segments[lang] = draw(segments(with_codes=with_codes, xliff_codes=xliff_codes))
    unit.id = draw(st.one_of(st.none(), NONEMPTY))
    unit.notes = draw(st.lists(NONEMPTY, max_size=2))
    unit.props = draw(st.lists(st.tuples(st.from_regex(r"\Ax-[a-z]{1,8}\Z"), TEXT), max_size=2))
    unit.context = draw(st.one_of(st.none(), TEXT))
    unit.fuzzy = draw(st.booleans())
    unit.references = draw(st.lists(st.from_regex(r"\A[a-z]{1,8}\.c:[1-9][0-9]{0,3}\Z"), max_size=2))
    unit.attrs = draw(tu_attrs())
    return unit


@st.composite
def memories(
    draw: st.DrawFn, langs: tuple[str, ...] = (EN, ZH), with_codes: bool = False, xliff_codes: bool = False
) -> Memory:
    return Memory(srclang=langs[0], units=draw(st.lists(units(langs, with_codes, xliff_codes), max_size=5)))


def comparable(memory: Memory, fields: tuple[str, ...]) -> list[tuple[object, ...]]:
    """The unit fields a format keeps, for equality checks (location is never compared)."""
    return [tuple(getattr(u, f) for f in fields) for u in memory.units]
