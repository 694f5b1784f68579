"""Hypothesis strategies shared by the exchange-format round trips: CJK, astral plane, controls."""

from __future__ import annotations

from hypothesis import strategies as st

from termkit.model import Concept, Glossary, ReviewStatus, Source, Term, TermStatus

#: Han, CJK punctuation, full-width forms, astral-plane Han (U+20000...) and emoji.
CJK = st.sampled_from(
    "扶贫开发整村推进雨露计划贫困线农村低保易地搬迁　，。、；：？！（）《》“”‘’—…"
    "\U00020000\U0002a6a5\U0002b740\U0001f600\U0001d11e"
)
ANY_CHAR = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
#: Characters XML 1.0 can carry: no C0 controls except TAB/LF/CR, no U+FFFE/U+FFFF, no surrogates.
XML_CHAR = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"
) | st.sampled_from("\t\n")
ASCII_WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=8)


def text(
    chars: st.SearchStrategy[str] = ANY_CHAR, min_size: int = 1, max_size: int = 20
) -> st.SearchStrategy[str]:
    """Text mixing CJK with the given characters."""
    return st.text(CJK | chars, min_size=min_size, max_size=max_size)


def line(chars: st.SearchStrategy[str] = ANY_CHAR) -> st.SearchStrategy[str]:
    """One line: no line breaks, no surrounding whitespace, not empty."""
    return text(chars).map(lambda s: " ".join(s.split())).filter(bool)


def word(chars: st.SearchStrategy[str] = ANY_CHAR) -> st.SearchStrategy[str]:
    """A term-like string: stripped, single spaces, not empty."""
    return line(chars)


@st.composite
def glossaries(
    draw: st.DrawFn,
    chars: st.SearchStrategy[str] = XML_CHAR,
    langs: tuple[str, ...] = ("en", "zh-CN"),
    max_concepts: int = 4,
) -> Glossary:
    """Glossaries with unique slug ids and at least one term per concept."""
    ids = draw(
        st.lists(
            st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True),
            min_size=1,
            max_size=max_concepts,
            unique=True,
        )
    )
    concepts = []
    for cid in ids:
        terms: dict[str, list[Term]] = {}
        for lang in langs:
            texts = draw(st.lists(word(chars), min_size=0, max_size=3, unique=True))
            terms[lang] = [
                Term(
                    t,
                    status=draw(st.sampled_from(list(TermStatus))),
                    pos=draw(st.none() | st.sampled_from(["noun", "verb", "adjective", "adverb", "other"])),
                    note=draw(st.none() | line(chars)),
                    case_sensitive=draw(st.booleans()),
                    review=draw(st.none() | st.sampled_from(list(ReviewStatus))),
                )
                for t in texts
            ]
        terms = {k: v for k, v in terms.items() if v}
        if not terms:
            terms = {langs[0]: [Term(draw(word(chars)))]}
        sources = draw(
            st.lists(
                st.builds(
                    Source,
                    line(chars).filter(lambda s: "§" not in s),
                    st.none() | line(chars).filter(lambda s: "§" not in s),
                ),
                max_size=2,
            )
        )
        concepts.append(
            Concept(
                cid,
                status=draw(st.sampled_from(list(ReviewStatus))),
                subject=draw(st.none() | line(chars)),
                definition=draw(st.none() | line(chars)),
                note=draw(st.none() | line(chars)),
                provenance=draw(st.none() | line(chars)),
                sources=sources,
                terms=terms,
            )
        )
    return Glossary(concepts)


#: Lines that look like what the exports write around a field: a PO entry's labelled
#: ``#.`` lines, an OmegaT comment's parts, TBX's ``termkit:`` marks, TBX's language notes.
LABEL_LIKE = st.sampled_from(
    [
        "Definition: see the 2011 Outline, section 3.",
        "Also zh-CN (forbidden): 坏词",
        "Also zh-Hant (preferred): 壞詞",
        "Note: reviewed 2024",
        "Concept: another-concept",
        "Subject: finance",
        "Provenance: reviewer",
        "  indented",
        "",
        '"quoted"',
        "trailing  ",
        "\ttab",
        "[proposed]",
        "also: 坏词 (forbidden)",
        "x | Note: y",
        "z | also: 坏词 (forbidden), 恶词 (deprecated)",
        "|",
        "back\\slash\\",
        "termkit:status=proposed",
        "termkit:review=proposed",
        "termkit:case-sensitive=yes",
        "termkit:note=x",
        "zh-CN note: n",
    ]
)


def field_text(chars: st.SearchStrategy[str] = XML_CHAR) -> st.SearchStrategy[str]:
    """A free-text field (definition, note...): lines, many of them label-like, joined by
    line breaks; no spaces around the whole (XML readers strip those)."""
    return (
        st.lists(LABEL_LIKE | line(chars), min_size=1, max_size=4)
        .map(lambda lines: "\n".join(lines).strip())
        .filter(bool)
    )
