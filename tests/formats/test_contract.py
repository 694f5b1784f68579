"""One contract every memory format passes (through the registry): TMX, XLIFF, TSV, and PO when present.

Each format declares what it carries; what it cannot carry is either refused
with a FormatError (XLIFF 1.2: one target language) or documented as not kept
(TSV: text only), never written wrongly.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from termkit.errors import FormatError
from termkit.formats.registry import iter_memory, read_memory, write_memory
from termkit.model import EN, ZH, Memory, Segment, TranslationUnit

from .strategies import comparable, memories


@dataclass(frozen=True)
class Spec:
    name: str
    suffix: str
    #: unit fields that survive a round trip
    fields: tuple[str, ...]
    notes: bool
    several_targets: bool


SPECS = [
    Spec(
        "tmx",
        ".tmx",
        ("segments", "id", "props", "notes", "context", "fuzzy", "references", "attrs"),
        True,
        True,
    ),
    Spec("xliff", ".xlf", ("segments", "notes", "context", "fuzzy", "references"), True, False),
    Spec("tsv", ".tsv", (), False, True),
]
if importlib.util.find_spec("termkit.formats.po") is not None:
    SPECS.append(Spec("po", ".po", (), True, False))


@pytest.fixture(params=SPECS, ids=lambda s: s.name)
def spec(request: pytest.FixtureRequest) -> Spec:
    param: Spec = request.param
    return param


def _roundtrip(spec: Spec, memory: Memory, tmp_path: Path) -> Memory:
    path = tmp_path / f"m{spec.suffix}"
    write_memory(path, memory)
    streamed = list(iter_memory(path))
    whole = read_memory(path)
    assert [u.segments for u in streamed] == [u.segments for u in whole.units]
    return whole


def _texts(memory: Memory, langs: tuple[str, ...] = (EN, ZH)) -> list[tuple[str | None, ...]]:
    return [tuple(u.text(lang) for lang in langs) for u in memory.units]


def test_empty(spec: Spec, tmp_path: Path) -> None:
    assert _roundtrip(spec, Memory(), tmp_path).units == []


def test_one_unit(spec: Spec, tmp_path: Path) -> None:
    memory = Memory(units=[TranslationUnit({EN: Segment("Rain Plan"), ZH: Segment("雨露计划")})])
    again = _roundtrip(spec, memory, tmp_path)
    assert _texts(again) == [("Rain Plan", "雨露计划")]
    assert again.units[0].location is not None and again.units[0].location.line >= 1


def test_notes(spec: Spec, tmp_path: Path) -> None:
    if not spec.notes:
        pytest.skip(f"{spec.name} carries text only (docs/formats.md)")
    unit = TranslationUnit(
        {EN: Segment("Rain Plan"), ZH: Segment("雨露计划")},
        notes=["vocational training for poor rural youth", "第二条注释"],
    )
    again = _roundtrip(spec, Memory(units=[unit]), tmp_path)
    assert "vocational training for poor rural youth" in "\n".join(again.units[0].notes)
    assert "第二条注释" in "\n".join(again.units[0].notes)


def test_several_targets(spec: Spec, tmp_path: Path) -> None:
    unit = TranslationUnit(
        {EN: Segment("village"), ZH: Segment("村"), "zh-TW": Segment("村莊"), "fr": Segment("village")}
    )
    memory = Memory(units=[unit])
    if spec.several_targets:
        again = _roundtrip(spec, memory, tmp_path)
        assert again.units[0].segments == unit.segments
    elif spec.name == "xliff":
        with pytest.raises(FormatError, match="several target languages"):
            write_memory(tmp_path / "m.xlf", memory)
        assert not (tmp_path / "m.xlf").exists()
    else:
        pytest.skip(f"{spec.name}: one target language per file")


def test_cjk_and_astral(spec: Spec, tmp_path: Path) -> None:
    texts = [
        ("Poverty alleviation: 𠀀 ext-B, emoji 🌾", "扶贫开发：𠀀、𪚥，「全角」标点。"),
        ("  leading and trailing  ", "\t制表符\t"),
    ]
    memory = Memory(units=[TranslationUnit({EN: Segment(a), ZH: Segment(b)}) for a, b in texts])
    assert _texts(_roundtrip(spec, memory, tmp_path)) == texts


def test_writes_are_deterministic(spec: Spec, tmp_path: Path) -> None:
    memory = Memory(units=[TranslationUnit({EN: Segment("Rain Plan"), ZH: Segment("雨露计划")}, notes=["n"])])
    write_memory(tmp_path / f"a{spec.suffix}", memory)
    write_memory(tmp_path / f"b{spec.suffix}", memory)
    assert (tmp_path / f"a{spec.suffix}").read_bytes() == (tmp_path / f"b{spec.suffix}").read_bytes()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(memory=memories())
def test_roundtrip_hypothesis(spec: Spec, tmp_path: Path, memory: Memory) -> None:
    if spec.name in ("tsv", "po"):  # empty segments are "no segment" there
        for unit in memory.units:
            unit.segments = {k: v for k, v in unit.segments.items() if v.text}
        memory.units = [u for u in memory.units if EN in u.segments]
    if spec.name != "tmx":  # segment notes/props, unit and segment attrs: TMX only
        for unit in memory.units:
            for seg in unit.segments.values():
                seg.notes, seg.props, seg.attrs = [], [], {}
    again = _roundtrip(spec, memory, tmp_path)
    assert _texts(again) == _texts(memory)
    if spec.fields:
        assert comparable(again, spec.fields) == comparable(memory, spec.fields)
