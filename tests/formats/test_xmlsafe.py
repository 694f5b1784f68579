"""The XML security rule and encoding handling (termkit.formats.xmlsafe)."""

from __future__ import annotations

import codecs
import io
import os
import socket
import threading
from pathlib import Path

import pytest
from lxml import etree

from termkit.errors import FormatError
from termkit.formats import xmlsafe
from termkit.formats.tbx import read_tbx
from termkit.formats.tmx import iter_tmx, read_tmx
from termkit.formats.xliff import read_xliff

TMX_BODY = (
    '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
    'adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>{}</seg></tuv>'
    '<tuv xml:lang="zh-CN"><seg>雨露计划</seg></tuv></tu></body></tmx>'
)


class FifoWatch:
    """A FIFO that records whether anybody opened it for reading.

    A parser that tried to load it would open it; a writer opened with
    O_NONBLOCK succeeds only while a reader has it open.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        os.mkfifo(path)
        self.opened = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                self._stop.wait(0.001)
                continue
            self.opened = True
            os.write(fd, b"SECRET")
            os.close(fd)

    def stop(self) -> bool:
        self._stop.set()
        self._thread.join()
        return self.opened


def _doc_with_doctype(doctype: str, body: str = "&x;") -> bytes:
    return f'<?xml version="1.0"?>\n{doctype}\n{TMX_BODY.format(body)}'.encode()


def test_xxe_refused_and_nothing_read(tmp_path: Path) -> None:
    watch = FifoWatch(tmp_path / "secret")
    doc = _doc_with_doctype(f'<!DOCTYPE tmx [\n  <!ENTITY x SYSTEM "file://{watch.path}">\n]>')
    (tmp_path / "xxe.tmx").write_bytes(doc)
    with pytest.raises(FormatError) as info:
        read_tmx(tmp_path / "xxe.tmx")
    with pytest.raises(FormatError):
        xmlsafe.parse_bytes(doc, "xxe.tmx")
    assert not watch.stop(), "the parser opened the external entity's file"
    assert info.value.rule == "xml-entities"
    assert (info.value.line, info.value.column) == (3, 3)
    assert "XXE" in info.value.message and "SECRET" not in str(info.value)


def test_parameter_entity_refused_and_nothing_read(tmp_path: Path) -> None:
    watch = FifoWatch(tmp_path / "dtd")
    doc = _doc_with_doctype(f'<!DOCTYPE tmx [ <!ENTITY % p SYSTEM "{watch.path}"> %p; ]>', "x")
    with pytest.raises(FormatError, match="entity declarations"):
        read_tmx(io.BytesIO(doc))
    assert not watch.stop()


def test_external_dtd_not_loaded(tmp_path: Path) -> None:
    """A DOCTYPE naming a DTD file is fine, but the DTD is never read."""
    watch = FifoWatch(tmp_path / "tmx14.dtd")
    path = tmp_path / "doc.tmx"
    path.write_bytes(_doc_with_doctype(f'<!DOCTYPE tmx SYSTEM "{watch.path}">', "Rain Plan"))
    assert read_tmx(path).units[0].text("en") == "Rain Plan"
    assert not watch.stop()


def test_no_network() -> None:
    """A DTD or entity on the network is never fetched (a loopback server sees no connection)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.3)
    port = server.getsockname()[1]
    doc = _doc_with_doctype(f'<!DOCTYPE tmx SYSTEM "http://127.0.0.1:{port}/tmx14.dtd">', "x")
    read_tmx(io.BytesIO(doc))
    with pytest.raises(FormatError):
        read_tmx(
            io.BytesIO(_doc_with_doctype(f'<!DOCTYPE tmx [<!ENTITY x SYSTEM "http://127.0.0.1:{port}/e">]>'))
        )
    with pytest.raises(TimeoutError):
        server.accept()
    server.close()


def test_billion_laughs_refused() -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    doc = _doc_with_doctype(f'<!DOCTYPE tmx [<!ENTITY l0 "lol">{lol}]>', "&l9;")
    for read in (read_tmx, read_xliff):
        with pytest.raises(FormatError, match="billion-laughs"):
            read(io.BytesIO(doc))
    with pytest.raises(FormatError, match="billion-laughs"):
        xmlsafe.parse_bytes(doc)


def test_entity_text_in_body_is_not_a_declaration() -> None:
    memory = read_tmx(io.BytesIO(TMX_BODY.format("write &lt;!ENTITY x&gt; here").encode()))
    assert memory.units[0].text("en") == "write <!ENTITY x> here"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_encodings(encoding: str, bom: bytes) -> None:
    declared = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
    text = f'<?xml version="1.0" encoding="{declared}"?>\n' + TMX_BODY.format("Rain Plan 𠀀")
    memory = read_tmx(io.BytesIO(bom + text.encode(encoding)))
    assert memory.units[0].segments["zh-CN"].text == "雨露计划"
    assert memory.units[0].segments["en"].text == "Rain Plan 𠀀"
    assert xmlsafe.sniff_encoding(bom + text.encode(encoding)).startswith(encoding)


def test_us_ascii_with_character_references() -> None:
    body = TMX_BODY.replace("雨露计划", "&#x96E8;").format("&#x96E8;&#38706;")
    doc = '<?xml version="1.0" encoding="us-ascii"?>' + body
    assert read_tmx(io.BytesIO(doc.encode("ascii"))).units[0].text("en") == "雨露"


@pytest.mark.parametrize(
    ("data", "line", "column", "words"),
    [
        (b"", 1, 1, "malformed XML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", 1, 1, "malformed XML"),
        (TMX_BODY.format("x").encode()[:150], 1, 151, "malformed XML"),  # truncated
        (
            b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx><body>\n<tu><tuv xml:lang="en"><seg>\xb2\xbb</seg>',
            3,
            29,
            "encoding",
        ),  # GBK bytes in a file declared UTF-8
        (b"<tmx>\n<body>\n  <tu></body></tmx>", 3, 14, "mismatch"),
    ],
)
def test_bad_input_located(tmp_path: Path, data: bytes, line: int, column: int, words: str) -> None:
    path = tmp_path / "bad.tmx"
    path.write_bytes(data)
    for read in (read_tmx, lambda p: xmlsafe.parse(p)):
        with pytest.raises(FormatError) as info:
            read(path)
        assert (info.value.path, info.value.line) == (str(path), line)
        assert info.value.column == column
        assert words in str(info.value)


def test_wrong_root_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.tmx"
    path.write_bytes(b'<?xml version="1.0"?>\n<xliff version="1.2"/>')
    with pytest.raises(FormatError, match=r"not a TMX file: the root element is <xliff>") as info:
        read_tmx(path)
    assert info.value.location == f"{path}:2:1"


def test_invalid_char_rule() -> None:
    assert xmlsafe.first_invalid_char("雨露\t计划\n𠀀") == -1
    assert xmlsafe.first_invalid_char("ab\x01") == 2
    assert xmlsafe.first_invalid_char("\ufffe") == 0
    assert xmlsafe.first_invalid_char("\ud800") == 0
    with pytest.raises(FormatError, match=r"unit 3: character U\+000B at offset 1"):
        xmlsafe.require_xml_chars("a\x0bb", "unit 3")


XLIFF_DOC = (
    '<?xml version="1.0"?>\n<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "xliff.dtd">\n'
    '<xliff version="1.2"><file source-language="en" target-language="zh-CN" datatype="plaintext" '
    'original="a"><body><trans-unit id="1"><source>Caf&eacute; &amp; bar</source>'
    "<target>咖啡馆</target></trans-unit></body></file></xliff>"
)


@pytest.mark.parametrize("chunk", [1 << 16, 7])
def test_undefined_entity_refused_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    # with a DOCTYPE naming a DTD that is never read, libxml2 would keep &copy; as
    # a reference node and the text would silently lose it (also when a read
    # chunk ends inside the reference)
    monkeypatch.setattr(xmlsafe, "STREAM_CHUNK", chunk)
    tmx = tmp_path / "doc.tmx"
    tmx.write_bytes(_doc_with_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">', "Copyright &copy; 2024"))
    with pytest.raises(FormatError, match=r"undefined entity &copy;.*numeric reference") as err:
        list(iter_tmx(tmx))
    assert (err.value.path, err.value.line) == (str(tmx), 3)
    xlf = tmp_path / "doc.xlf"
    xlf.write_text(XLIFF_DOC, encoding="utf-8")
    with pytest.raises(FormatError, match="undefined entity &eacute;") as err:
        read_xliff(xlf)
    assert err.value.line == 3
    tbx = tmp_path / "doc.tbx"
    tbx.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif type="TBX" '
        'xml:lang="en"><text><body><termEntry id="a"><langSet xml:lang="en"><tig><term>Caf&eacute;</term>'
        "</tig></langSet></termEntry></body></text></martif>",
        encoding="utf-8",
    )
    with pytest.raises(FormatError, match="undefined entity &eacute;") as err:
        read_tbx(tbx)
    assert err.value.line == 3


UNDEFINED_TMX = (
    '<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>\n'
    '<tu><tuv xml:lang="en"><seg>中文 &copy; b</seg></tuv></tu>\n</body></tmx>\n'
)


@pytest.mark.parametrize("chunk", [1 << 16, 7])
@pytest.mark.parametrize("prolog", ["", '<?xml version="1.0"?>\n', "<!DOCTYPE tmx>\n"])
def test_undefined_entity_without_a_dtd_is_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, prolog: str
) -> None:
    # without a DOCTYPE naming a DTD, libxml2 stops at &copy;, which lxml lets
    # pass: the error it raised at the end was "1:1: no element found"
    monkeypatch.setattr(xmlsafe, "STREAM_CHUNK", chunk)
    line = 3 + prolog.count("\n")
    tmx = tmp_path / "doc.tmx"
    tmx.write_text(prolog + UNDEFINED_TMX, encoding="utf-8")
    xlf = tmp_path / "doc.xlf"
    xlf.write_text(
        prolog.replace("tmx", "xliff") + '<xliff version="1.2"><file source-language="en" '
        'datatype="plaintext" original="a"><body>\n<trans-unit id="1"><source>a</source></trans-unit>\n'
        '<trans-unit id="2"><source>中文 &copy; b</source></trans-unit>\n</body></file></xliff>\n',
        encoding="utf-8",
    )
    tbx = tmp_path / "doc.tbx"
    tbx.write_text(
        prolog.replace("tmx", "martif") + '<martif type="TBX"><text><body>\n<termEntry id="a">\n'
        '<langSet xml:lang="en"><tig><term>中文 &copy; b</term></tig></langSet></termEntry>\n'
        "</body></text></martif>\n",
        encoding="utf-8",
    )
    for path, read in ((tmx, iter_tmx), (xlf, read_xliff), (tbx, read_tbx)):
        column = path.read_text(encoding="utf-8").splitlines()[line - 1].index("&copy;") + 1
        with pytest.raises(FormatError) as err:
            list(read(path))
        assert str(err.value) == (
            f"{path}:{line}:{column}: undefined entity &copy; (termkit reads no DTD, so its text "
            "would be lost); write the character itself or a numeric reference such as &#169;"
        )
    # the error of an earlier parse is not taken for an empty document's
    empty = tmp_path / "empty.tmx"
    empty.write_bytes(b"")
    with pytest.raises(FormatError, match="malformed XML"):
        read_tmx(empty)


def test_undefined_entity_in_a_tmx_header_refused(tmp_path: Path) -> None:
    doc = _doc_with_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">', "Rain Plan").replace(
        b'datatype="plaintext"/>', b'datatype="plaintext"><note>Copyright &copy; ACME</note></header>'
    )
    path = tmp_path / "doc.tmx"
    path.write_bytes(doc)
    with pytest.raises(FormatError, match="undefined entity &copy;"):
        read_tmx(path)


def test_predefined_entities_and_references_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "doc.tmx"
    path.write_bytes(
        _doc_with_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">', "A &amp; B &lt;c&gt; &#169; &#xA9;")
    )
    assert [u.text("en") for u in iter_tmx(path)] == ["A & B <c> © ©"]


@pytest.mark.parametrize(
    "xml",
    [
        "<p>plain</p>",
        "<p/>",
        "<p></p>",
        "<p>a<![CDATA[<b>]]>c</p>",
        "<p>a<!-- c -->b</p>",
        "<p>a<?pi x?>b</p>",
        "<p>a<b>b<c>c</c>d</b>e</p>",
        "<p><b/>tail</p>",
        '<!DOCTYPE p SYSTEM "p.dtd"><p>a&x;b</p>',
    ],
)
def test_text_of_is_the_text_of_every_node_inside(xml: str) -> None:
    """text_of reads an element without children from its text alone: the same as itertext."""
    element = etree.fromstring(xml, xmlsafe.make_parser())
    assert xmlsafe.text_of(element) == "".join(element.itertext())


@pytest.mark.parametrize(
    ("seg", "says"),
    [
        (
            "<g>" * 300 + "x" + "</g>" * 300,
            "elements nested more than 256 deep; a file of translations needs a few levels: it is damaged, or not one",
        ),
        ("x" * 10_500_000, "a text longer than termkit reads (10 MB); split or shorten it"),
    ],
)
def test_a_libxml2_limit_says_what_to_do_not_to_use_xml_parse_huge(
    tmp_path: Path, seg: str, says: str
) -> None:
    """libxml2 said "use XML_PARSE_HUGE option", a parser option no user can set."""
    path = tmp_path / "big.tmx"
    path.write_text(TMX_BODY.format(seg), encoding="utf-8")
    for read in (read_tmx, lambda p: list(iter_tmx(p))):
        with pytest.raises(FormatError) as info:
            read(path)
        assert info.value.message == f"malformed XML: {says}"
        assert info.value.path == str(path)


def test_utf8_xml_behind_a_utf16_bom_says_so(tmp_path: Path) -> None:
    """It was "malformed XML: Start tag expected, '<' not found"."""
    path = tmp_path / "x.tmx"
    path.write_bytes(
        codecs.BOM_UTF16_LE + b'<?xml version="1.0" encoding="UTF-8"?>\n' + TMX_BODY.format("x").encode()
    )
    with pytest.raises(FormatError) as info:
        read_tmx(path)
    assert str(info.value) == (
        f"{path}:1:1: a UTF-16 byte-order mark (bytes FF FE) before UTF-8 text; delete those two bytes "
        "(save the file as UTF-8)"
    )


_CR_TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="t" '
    'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>\n'
    "<body>\n"
    '<tu>\n<tuv xml:lang="en"><seg>Rain Plan</seg></tuv>\n<tuv xml:lang="zh-CN"><seg>雨露计划</seg></tuv>\n</tu>\n'
    '<tu>\n<tuv xml:lang="en"><seg>poverty line</seg></tuv>\n<tuv xml:lang="zh-CN"><seg>贫困线</seg></tuv>\n</tu>\n'
    "</body>\n</tmx>\n"
)
_CR_XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '<file original="a" source-language="en" target-language="zh-CN" datatype="plaintext"><body>\n'
    '<trans-unit id="1">\n<source>Rain Plan</source>\n<target>雨露计划</target>\n</trans-unit>\n'
    '<trans-unit id="2">\n<source>poverty line</source>\n<target>贫困线</target>\n</trans-unit>\n'
    "</body></file>\n</xliff>\n"
)


@pytest.mark.parametrize("stdin", [False, True])
@pytest.mark.parametrize(("text", "read"), [(_CR_TMX, read_tmx), (_CR_XLIFF, read_xliff)])
def test_cr_only_line_ends_give_the_lines_of_the_same_file_with_lf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, read: object, stdin: bool
) -> None:
    """libxml2 counts lines at LF only: in a document whose lines end in CR alone
    (classic Mac OS), every unit and every error was at line 1."""
    lf, cr = tmp_path / "lf.x", tmp_path / "cr.x"
    lf.write_bytes(text.encode())
    cr.write_bytes(text.replace("\n", "\r").encode())

    def units(path: Path) -> list[tuple[str | None, int | None]]:
        if stdin:
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
        memory = read("-" if stdin else path)  # type: ignore[operator]
        return [(u.text("zh-CN"), u.location.line if u.location else None) for u in memory.units]

    got = units(cr)
    assert got == units(lf)
    assert [text for text, _ in got] == ["雨露计划", "贫困线"]
    assert len({line for _, line in got}) == 2 and all(line is not None and line > 1 for _, line in got)
    # an error is located as in the same file with LF
    damaged = text.replace("<seg>贫困线", "<seg><贫困线").replace("<target>贫困线", "<target><贫困线")
    where = []
    for data in (damaged.encode(), damaged.replace("\n", "\r").encode()):
        cr.write_bytes(data)
        with pytest.raises(FormatError) as info:
            list(iter_tmx(cr)) if read is read_tmx else read(cr)  # type: ignore[operator]
        where.append((info.value.line, info.value.column))
    assert where[0] == where[1] and where[0][0] > 1


def test_a_cr_only_tbx_is_located_by_its_lines(tmp_path: Path) -> None:
    tbx = (
        '<?xml version="1.0"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>\n<text><body>\n"
        '<conceptEntry id="c1">\n<langSec xml:lang="en"><termSec><term>Rain Plan</term></termSec></langSec>\n'
        '<langSec xml:lang="zh-CN"><termSec><term>雨露计划</term></termSec></langSec>\n</conceptEntry>\n'
        "</body></text>\n</tbx>\n"
    )
    lf, cr = tmp_path / "lf.tbx", tmp_path / "cr.tbx"
    lf.write_bytes(tbx.encode())
    cr.write_bytes(tbx.replace("\n", "\r").encode())
    (a,), (b,) = read_tbx(lf), read_tbx(cr)
    assert a.location is not None and b.location is not None
    assert b.location.line == a.location.line > 1


@pytest.mark.parametrize("how", ["path", "stdin", "file object"])
@pytest.mark.parametrize(("text", "read"), [(_CR_TMX, read_tmx), (_CR_XLIFF, read_xliff)])
def test_a_crlf_after_cr_line_ends_is_one_line_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, read: object, how: str
) -> None:
    """A document whose first 64 KiB end their lines in CR alone and whose later text
    holds a CRLF (a segment pasted from Windows, files joined): XML reads the CRLF as
    one line end, but each CR was made LF, and the segment got an empty line more
    ('第一行\n\n第二行'), also where the CRLF falls between two parts read."""
    tag = "<tu>" if read is read_tmx else "<trans-unit"
    head, rest = text.split(tag, 1)
    units, end = (tag + rest).split("</body>")
    unit = units.split("\n" + tag)[0] + "\n"
    prefix = (head + unit * (70_000 // len(unit.encode()) + 1)).replace("\n", "\r").encode()
    pasted = unit.replace("\n", "\r").replace("雨露计划", "第一行\r\n第二行")
    pasted_bytes = (pasted + ("</body>" + end).replace("\n", "\r")).encode()
    at = pasted_bytes.index(b"\r\n")
    for shift in (-1, 0, 1):  # (the CR last of a part read, the CRLF whole in one part)
        gap = 2 * xmlsafe.STREAM_CHUNK - 1 + shift - len(prefix) - at - len(b"<!---->")
        document = prefix + b"<!--" + b"x" * gap + b"-->" + pasted_bytes
        assert document.index(b"\r\n") == 2 * xmlsafe.STREAM_CHUNK - 1 + shift
        path = tmp_path / "mixed.x"
        path.write_bytes(document)
        if how == "stdin":
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(document)))
        source: object = {"path": path, "stdin": "-", "file object": io.BytesIO(document)}[how]
        texts = [u.text("zh-CN") for u in read(source).units]  # type: ignore[operator]
        assert "第一行\n第二行" in texts, shift
        assert not any("\n\n" in (t or "") for t in texts), shift


def test_a_crlf_after_cr_line_ends_of_a_tbx_is_one_line_end() -> None:
    """The same in a TBX, read whole (its definition got an empty line more)."""
    tbx = (
        '<?xml version="1.0"?>\r<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\r'
        + "<!-- padding -->\r" * 5000
        + '<text><body>\r<conceptEntry id="c1">\r'
        '<descrip type="definition" xml:space="preserve">First line.\r\nSecond line.</descrip>\r'
        '<langSec xml:lang="en"><termSec><term>Rain Plan</term></termSec></langSec>\r'
        "</conceptEntry>\r</body></text>\r</tbx>\r"
    )
    (concept,) = read_tbx(io.BytesIO(tbx.encode()))
    assert concept.definition == "First line.\nSecond line."
    assert concept.location is not None and concept.location.line == 5004
