"""Exports for translating Chinese into English (``--src-lang zh-CN``), and reading them back."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from termkit.errors import UsageError
from termkit.exchange import direction, export_bytes, export_direction, left_out, read_concepts
from termkit.formats.glossary_csv import read_omegat_glossary
from termkit.formats.po import read_po
from termkit.formats.tmx import read_tmx
from termkit.model import EN, ZH, ZH_HANT, Concept, Glossary, ReviewStatus, Term, TermStatus

from .omegat_project import omegat_translate
from .tmx_checks import assert_valid

COMMENT = "Subject: poverty alleviation | Vocational training subsidy. | also: Dew Plan (deprecated)"


def sample() -> Glossary:
    return Glossary(
        [
            Concept(
                "rain-plan",
                status=ReviewStatus.APPROVED,
                subject="poverty alleviation",
                definition="Vocational training subsidy.",
                terms={
                    EN: [Term("Rain Plan"), Term("Dew Plan", status=TermStatus.DEPRECATED)],
                    ZH: [
                        Term("雨露计划"),
                        Term("雨露工程", status=TermStatus.ADMITTED),
                        Term("露水计划", status=TermStatus.FORBIDDEN),
                    ],
                    ZH_HANT: [Term("雨露計劃")],
                },
            ),
            Concept(
                "relocation",
                status=ReviewStatus.PROPOSED,
                terms={EN: [Term("relocation")], ZH: [Term("易地搬迁")]},
            ),
            Concept("en-only", status=ReviewStatus.PROPOSED, terms={EN: [Term("untranslated term")]}),
            Concept("zh-only", status=ReviewStatus.PROPOSED, terms={ZH: [Term("扶贫")]}),
        ]
    )


def terms(concept: Concept) -> dict[str, list[tuple[str, str]]]:
    return {lang: [(t.text, t.status.value) for t in concept.terms_in(lang)] for lang in concept.languages()}


def test_direction_defaults_to_the_other_of_english_and_zh_cn() -> None:
    assert direction() == (EN, ZH)
    assert direction("zh-CN") == direction(tgtlang="en") == (ZH, EN)
    assert direction("zh-Hant") == (ZH_HANT, EN)
    assert direction(tgtlang="zh-Hant") == (EN, ZH_HANT)
    for src, tgt in (("en", "en"), ("zh-CN", "zh-Hant")):
        with pytest.raises(UsageError, match="one language must be en"):
            direction(src, tgt)
    with pytest.raises(UsageError, match="tbx has no direction"):
        export_direction("tbx", "zh-CN")
    with pytest.raises(UsageError, match="csv has no direction"):
        export_direction("csv", None, "en")


def test_omegat_zh_en_has_a_line_per_preferred_or_admitted_chinese_term() -> None:
    data = export_bytes(sample(), "omegat", None, ZH, EN).decode("utf-8")
    assert data == (
        "\ufeff# termkit glossary for OmegaT (zh-CN to en): source<TAB>target<TAB>comment, UTF-8\n"
        f"雨露计划\tRain Plan\t{COMMENT}\n"
        f"雨露工程\tRain Plan\tadmitted term; preferred: 雨露计划 | {COMMENT}\n"
        "易地搬迁\trelocation\t[proposed]\n"
    )
    # English to zh-CN is as it was: every English term, deprecated ones too
    assert export_bytes(sample(), "omegat").decode("utf-8").splitlines()[:3] == [
        "\ufeff# termkit glossary for OmegaT: source<TAB>target<TAB>comment, UTF-8",
        "Rain Plan\t雨露计划\tSubject: poverty alleviation | Vocational training subsidy. | "
        "also: 雨露工程 (admitted), 露水计划 (forbidden)",
        "Dew Plan\t雨露计划\tdeprecated term; use: Rain Plan | Subject: poverty alleviation | "
        "Vocational training subsidy. | also: 雨露工程 (admitted), 露水计划 (forbidden)",
    ]


def test_omegat_zh_en_counts_what_it_leaves_out() -> None:
    assert left_out(sample(), "omegat", ZH, EN) == [
        ("an OmegaT glossary holds one source language (zh-CN)", {ZH_HANT: 1}),
        ("their concepts have no zh-CN term, which an OmegaT glossary line needs", {EN: 1}),
    ]
    assert left_out(sample(), "omegat") == [
        ("an OmegaT glossary holds one target language (zh-CN)", {ZH_HANT: 1}),
        ("their concepts have no English term, which an OmegaT glossary line needs", {ZH: 1}),
    ]


def test_a_zh_en_omegat_glossary_reads_back_in_its_direction(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_bytes(export_bytes(sample(), "omegat", None, ZH, EN))
    glossary, ours = read_omegat_glossary(str(path))
    assert ours
    assert [(c.status, c.subject, c.definition, terms(c)) for c in glossary] == [
        (
            ReviewStatus.APPROVED,
            "poverty alleviation",
            "Vocational training subsidy.",
            {
                EN: [("Rain Plan", "preferred"), ("Dew Plan", "deprecated")],
                ZH: [("雨露计划", "preferred"), ("雨露工程", "admitted")],
            },
        ),
        (
            ReviewStatus.PROPOSED,
            None,
            None,
            {EN: [("relocation", "preferred")], ZH: [("易地搬迁", "preferred")]},
        ),
    ]


def test_an_omegat_glossary_of_a_chinese_source_project_is_read_as_zh_en(tmp_path: Path) -> None:
    """What OmegaT's "Create Glossary Entry" writes in a zh-CN→en project: no header."""
    path = tmp_path / "glossary.txt"
    path.write_text(
        "雨露计划\tRain Plan\tfrom the 2011 report\n整村推进\tentire village advancement\n", "utf-8"
    )
    glossary = read_concepts(path).glossary
    assert [(terms(c), c.note) for c in glossary] == [
        ({EN: [("Rain Plan", "preferred")], ZH: [("雨露计划", "preferred")]}, "from the 2011 report"),
        ({EN: [("entire village advancement", "preferred")], ZH: [("整村推进", "preferred")]}, None),
    ]
    path.write_text("雨露計劃\tRain Plan\n", "utf-8")
    assert terms(read_concepts(path).glossary.concepts[0]) == {
        EN: [("Rain Plan", "preferred")],
        ZH_HANT: [("雨露計劃", "preferred")],
    }
    # an English source with Chinese targets stays English to zh-CN
    path.write_text("Rain Plan\t雨露计划\n", "utf-8")
    assert terms(read_concepts(path).glossary.concepts[0]) == {
        EN: [("Rain Plan", "preferred")],
        ZH: [("雨露计划", "preferred")],
    }


def test_po_zh_en_has_chinese_msgids_and_an_english_language(tmp_path: Path) -> None:
    data = export_bytes(sample(), "po", datetime(2024, 5, 1), ZH, EN).decode("utf-8")
    assert '"Language: en\\n"' in data and '"X-Source-Language: zh_CN\\n"' in data
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in data
    assert 'msgid "雨露计划"\nmsgstr "Rain Plan"\n' in data
    assert "#. Also en (deprecated): Dew Plan\n" in data and "#. Also zh-CN (forbidden): 露水计划\n" in data
    assert '#, fuzzy\nmsgid "易地搬迁"\nmsgstr "relocation"\n' in data
    assert 'msgid "扶贫"\nmsgstr ""\n' in data and "untranslated term" not in data
    path = tmp_path / "g.po"
    path.write_text(data, "utf-8")
    memory = read_po(path)
    assert memory.srclang == ZH
    back = read_concepts(path).glossary
    assert [(c.id, terms(c)) for c in back] == [(c.id, terms(c)) for c in sample() if c.terms_in(ZH)]


def test_po_zh_en_has_no_msgid_of_a_forbidden_chinese_term() -> None:
    """A concept whose only Chinese term is forbidden (a wrong translation, recorded
    as one) gave a zh->en PO entry of it (msgid "露水计划", msgstr "Rain Plan"): the
    OmegaT glossary and the TMX give no Chinese source of a deprecated or forbidden
    term, as a PO entry does not now; an admitted one is a msgid when there is no
    preferred one."""
    wrong = Concept(
        "dew",
        status=ReviewStatus.PROPOSED,
        terms={EN: [Term("Rain Plan")], ZH: [Term("露水计划", status=TermStatus.FORBIDDEN)]},
    )
    admitted = Concept(
        "works",
        status=ReviewStatus.PROPOSED,
        terms={EN: [Term("Rain Works")], ZH: [Term("雨露工程", status=TermStatus.ADMITTED)]},
    )
    data = export_bytes(Glossary([wrong, admitted]), "po", datetime(2024, 5, 1), ZH, EN).decode("utf-8")
    assert "露水计划" not in data
    assert 'msgid "雨露工程"\nmsgstr "Rain Works"\n' in data
    for fmt in ("omegat", "tmx"):
        assert "露水计划" not in export_bytes(Glossary([wrong]), fmt, None, ZH, EN).decode("utf-8")


@pytest.mark.external
def test_po_zh_en_passes_msgfmt_check(tmp_path: Path) -> None:
    exe = shutil.which("msgfmt")
    if exe is None:
        pytest.fail("msgfmt not found: install gettext")
    path = tmp_path / "glossary.en.po"
    path.write_bytes(export_bytes(sample(), "po", datetime(2024, 5, 1), ZH, EN))
    result = subprocess.run(
        [exe, "--check", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    assert result.stderr.strip().endswith(
        "1 translated message, 1 fuzzy translation, 1 untranslated message."
    )


def test_tmx_zh_en_has_the_chinese_source_first(tmp_path: Path) -> None:
    data = export_bytes(sample(), "tmx", None, ZH, EN)
    assert_valid(data)
    assert b'srclang="zh-CN"' in data
    path = tmp_path / "g.tmx"
    path.write_bytes(data)
    memory = read_tmx(path)
    assert [(u.id, list(u.segments), [s.text for s in u.segments.values()]) for u in memory.units] == [
        ("rain-plan", [ZH, EN], ["雨露计划", "Rain Plan"]),
        ("rain-plan#2", [ZH, EN], ["雨露工程", "Rain Plan"]),
        ("relocation", [ZH, EN], ["易地搬迁", "relocation"]),
    ]
    back = read_concepts(path).glossary
    assert [(c.id, terms(c)) for c in back] == [
        (
            "rain-plan",
            {EN: [("Rain Plan", "preferred")], ZH: [("雨露计划", "preferred"), ("雨露工程", "admitted")]},
        ),
        ("relocation", {EN: [("relocation", "preferred")], ZH: [("易地搬迁", "preferred")]}),
    ]


def test_a_tmx_from_taiwan_chinese_is_read_in_its_direction(tmp_path: Path) -> None:
    """A TMX of ``srclang="zh-TW"`` was read from English to zh-CN (only zh-CN and
    zh-Hant sources counted as Chinese): its untranslated Chinese entry was dropped,
    and its concepts keyed by the English, unlike the same file tagged zh-Hant."""
    units = (
        '<tu><tuv xml:lang="{0}"><seg>扶貧</seg></tuv><tuv xml:lang="en"><seg>poverty alleviation</seg></tuv></tu>'
        '<tu><tuv xml:lang="{0}"><seg>新詞彙</seg></tuv></tu>'
    )
    found = {}
    for tag in ("zh-TW", "zh-Hant"):
        path = tmp_path / f"{tag}.tmx"
        path.write_text(
            '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="x" '
            'creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" '
            f'srclang="{tag}" datatype="plaintext"/><body>{units.format(tag)}</body></tmx>',
            encoding="utf-8",
        )
        found[tag] = [terms(c) for c in read_concepts(path).glossary]
    assert found["zh-TW"] == [
        {EN: [("poverty alleviation", "preferred")], "zh-TW": [("扶貧", "preferred")]},
        {"zh-TW": [("新詞彙", "preferred")]},
    ]
    assert [{k.replace("zh-Hant", "zh-TW"): v for k, v in t.items()} for t in found["zh-Hant"]] == found[
        "zh-TW"
    ]


def test_a_tmx_of_all_languages_starting_with_chinese_is_read_from_chinese(tmp_path: Path) -> None:
    """``srclang="*all*"`` was read from English to zh-CN whatever its units, so its
    untranslated Chinese entry was dropped, while convert and lint take such a TMX
    from the language its first unit of two starts with."""
    path = tmp_path / "all.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" srclang="*all*" '
        'datatype="plaintext"/><body><tu><tuv xml:lang="zh-CN"><seg>扶贫</seg></tuv>'
        '<tuv xml:lang="en"><seg>poverty alleviation</seg></tuv></tu>'
        '<tu><tuv xml:lang="zh-CN"><seg>新词汇</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    assert [terms(c) for c in read_concepts(path).glossary] == [
        {EN: [("poverty alleviation", "preferred")], ZH: [("扶贫", "preferred")]},
        {ZH: [("新词汇", "preferred")]},
    ]


@pytest.mark.external
@pytest.mark.slow
def test_an_omegat_zh_en_project_translates_from_the_zh_en_exports(tmp_path: Path) -> None:
    """OmegaT 3.6 console mode, a zh-CN→en project: the zh→en TMX in tm/auto/ fills
    target/ with the English terms (console mode shows no glossary matches: the zh→en
    glossary in glossary/ only loads with the project)."""
    target = omegat_translate(
        tmp_path,
        export_bytes(sample(), "tmx", None, ZH, EN),
        "雨露计划\n\n雨露工程\n\n易地搬迁\n\n扶贫开发\n",
        source_lang="zh-CN",
        target_lang="en",
        glossary=export_bytes(sample(), "omegat", None, ZH, EN),
    )
    assert target.split("\n\n") == ["Rain Plan", "Rain Plan", "relocation", "扶贫开发\n"]


READ_GLOSSARY_JAVA = """\
import java.io.File;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTSV;

public class ReadGlossary {
    public static void main(String[] args) throws Exception {
        for (GlossaryEntry e : GlossaryReaderTSV.read(new File(args[0]), false)) {
            System.out.println(e.getSrcText() + "\\t" + e.getLocText() + "\\t" + e.getCommentText());
        }
    }
}
"""


@pytest.mark.external
@pytest.mark.slow
def test_omegat_reads_the_zh_en_glossary_with_chinese_sources(tmp_path: Path) -> None:
    """OmegaT 3.6's own glossary reader (GlossaryReaderTSV, run through Java's
    single-file launcher) gives each Chinese term as the source, the English as the target."""
    jar = Path("/usr/share/omegat/OmegaT.jar")
    java = shutil.which("java")
    if java is None or not jar.is_file():
        pytest.skip("OmegaT.jar or java is absent (Debian package omegat + default-jre-headless)")
    (tmp_path / "ReadGlossary.java").write_text(READ_GLOSSARY_JAVA, encoding="utf-8")
    glossary = tmp_path / "glossary.txt"
    glossary.write_bytes(export_bytes(sample(), "omegat", None, ZH, EN))
    run = subprocess.run(
        [java, "-cp", str(jar), str(tmp_path / "ReadGlossary.java"), str(glossary)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "JAVA_TOOL_OPTIONS": "-Dfile.encoding=UTF-8"},
    )
    if run.returncode != 0 and "jdk.compiler" in run.stderr:
        pytest.skip("this Java has no compiler module for its single-file launcher")
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.splitlines() == [
        f"雨露计划\tRain Plan\t{COMMENT}",
        f"雨露工程\tRain Plan\tadmitted term; preferred: 雨露计划 | {COMMENT}",
        "易地搬迁\trelocation\t[proposed]",
    ]


def test_one_language_given_to_the_omegat_reader_completes_the_direction(tmp_path: Path) -> None:
    """read_omegat_glossary(path, "en") of a file it finds to be zh→en read it as en→en."""
    path = tmp_path / "g.txt"
    path.write_bytes(export_bytes(sample(), "omegat", None, ZH, EN))
    glossary, _ = read_omegat_glossary(path, EN)
    assert {lang for concept in glossary for lang in concept.terms} == {EN, ZH}
