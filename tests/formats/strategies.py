"""Hypothesis strategies for memories: CJK, astral-plane and XML-safe text."""

from __future__ import annotations

from hypothesis import strategies as st

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
def segments(draw: st.DrawFn, with_codes: bool = False, with_notes: bool = True) -> Segment:
    text = draw(TEXT)
    seg = Segment(text)
    if with_codes:
        seg.codes = draw(codes_for(text))
    if with_notes:
        seg.notes = draw(st.lists(NONEMPTY, max_size=2))
    return seg


@st.composite
def units(draw: st.DrawFn, langs: tuple[str, ...] = (EN, ZH), with_codes: bool = False) -> TranslationUnit:
    unit = TranslationUnit()
    for lang in langs:
        unit.segments[lang] = draw(segments(with_codes=with_codes))
    unit.id = draw(st.one_of(st.none(), NONEMPTY))
    unit.notes = draw(st.lists(NONEMPTY, max_size=2))
    unit.props = draw(st.lists(st.tuples(st.from_regex(r"\Ax-[a-z]{1,8}\Z"), TEXT), max_size=2))
    unit.context = draw(st.one_of(st.none(), TEXT))
    unit.fuzzy = draw(st.booleans())
    unit.references = draw(st.lists(st.from_regex(r"\A[a-z]{1,8}\.c:[1-9][0-9]{0,3}\Z"), max_size=2))
    return unit


@st.composite
def memories(draw: st.DrawFn, langs: tuple[str, ...] = (EN, ZH), with_codes: bool = False) -> Memory:
    return Memory(srclang=langs[0], units=draw(st.lists(units(langs, with_codes), max_size=5)))


def comparable(memory: Memory, fields: tuple[str, ...]) -> list[tuple[object, ...]]:
    """The unit fields a format keeps, for equality checks (location is never compared)."""
    return [tuple(getattr(u, f) for f in fields) for u in memory.units]
