"""Word and OpenDocument articles: structure, positions (paragraph, character), tracked
changes, comments, links and alt text, and what the command line reports on them.

The documents are built here with python-docx and odfpy, the libraries that read them,
plus the raw XML Word writes for what python-docx cannot make (tracked changes,
hyperlinks, HYPERLINK fields)."""

from __future__ import annotations

import json
import re
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config
from checker.loading import load_document
from checker.loading import office as office_module
from checker.model import BlockKind, LoadError

JARGON = "Methotrexate is contraindicated in pregnancy and can cause hepatotoxicity."


def _png() -> bytes:
    """A 1x1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _hyperlink(paragraph, url: str, text: str) -> None:  # type: ignore[no-untyped-def]
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel}"><w:r><w:t>{text}</w:t></w:r>'
            "</w:hyperlink>"
        )
    )


def build_docx(path: Path, tmp_path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Methotrexate"
    document.core_properties.language = "en-GB"
    document.add_heading("Taking methotrexate", 1)  # paragraph 1
    document.add_paragraph(JARGON)  # 2
    document.add_paragraph("")  # empty: not counted
    document.add_paragraph("Take it once a week.", style="List Bullet")  # 3
    tracked = document.add_paragraph("Take it ")  # 4: an insertion and a deletion
    tracked._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="Ana" w:date="2026-01-01T00:00:00Z">'
            '<w:r><w:t xml:space="preserve">with food </w:t></w:r></w:ins>'
        )
    )
    tracked._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="Ana" w:date="2026-01-01T00:00:00Z">'
            '<w:r><w:delText xml:space="preserve">on an empty stomach </w:delText></w:r></w:del>'
        )
    )
    tracked.add_run("every Monday.")
    linked = document.add_paragraph("Read the ")  # 5
    _hyperlink(linked, "https://www.nhs.uk/medicines/methotrexate/", "NHS guide")
    linked.add_run(" before you start.")
    commented = document.add_paragraph("Ask your pharmacist.")  # 6
    document.add_comment(commented.runs, text="Is this right?", author="Editor")
    image = tmp_path / "pixel.png"
    image.write_bytes(_png())
    document.add_picture(str(image))  # 7: an image with no alt text
    described = document.add_paragraph()  # 8: an image with alt text, and words
    described.add_run("Chart: ").add_picture(str(image))
    described._p.xpath(".//wp:docPr")[0].set("descr", "A chart of liver tests over a year")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Dose"  # 9
    table.cell(0, 1).text = "7.5 mg once a week"  # 10
    document.add_paragraph("Contact your doctor prior to stopping it.", style="Quote")  # 11
    document.save(str(path))
    return path


def build_odt(path: Path) -> Path:
    from odf import dc, draw, office, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text="Metotrexato"))
    document.meta.addElement(dc.Language(text="es"))
    body = document.text
    body.addElement(text.H(outlinelevel=1, text="Tomar metotrexato"))  # 1
    body.addElement(text.P(text="El metotrexato puede causar hepatotoxicidad."))  # 2
    listing = text.List()
    item = text.ListItem()
    item.addElement(text.P(text="Tómelo una vez por semana."))  # 3
    listing.addElement(item)
    body.addElement(listing)
    linked = text.P(text="Lea la ")  # 4
    link = text.A(href="https://medlineplus.gov/spanish/", text="guía de MedlinePlus")
    linked.addElement(link)
    linked.addText(" antes de empezar.")
    body.addElement(linked)
    commented = text.P(text="Pregunte a su farmacéutico.")  # 5
    note = office.Annotation()
    note.addElement(text.P(text="¿Es correcto?"))
    commented.addElement(note)
    body.addElement(commented)
    pictured = text.P()  # 6: an image without alt text
    frame = draw.Frame(name="Imagen1", width="1cm", height="1cm")
    frame.addElement(draw.Image(href="Pictures/x.png"))
    pictured.addElement(frame)
    body.addElement(pictured)
    document.save(str(path))
    return path


@pytest.fixture
def word(tmp_path: Path) -> Path:
    return build_docx(tmp_path / "draft.docx", tmp_path)


def _lines(document) -> dict[int, list[tuple[BlockKind, str]]]:  # type: ignore[no-untyped-def]
    found: dict[int, list[tuple[BlockKind, str]]] = {}
    for block in document.blocks:
        line = document.position(block.content.source_offset(0))[0]
        found.setdefault(line, []).append((block.kind, block.text))
    return found


def test_word_paragraphs_are_lines_in_reading_order(word: Path, tmp_path: Path) -> None:
    document = load_document(word, Config(root=tmp_path))
    assert document.format == "docx"
    assert (document.lang, document.lang_source) == ("en", "document properties")
    assert document.metadata["title"] == "Methotrexate"
    lines = _lines(document)
    assert lines[1] == [(BlockKind.HEADING, "Taking methotrexate")]
    assert lines[2] == [(BlockKind.PARAGRAPH, JARGON)]
    assert lines[3] == [(BlockKind.LIST_ITEM, "Take it once a week.")]
    assert lines[4] == [(BlockKind.PARAGRAPH, "Take it with food every Monday.")]
    assert lines[6] == [(BlockKind.PARAGRAPH, "Ask your pharmacist.")]
    assert lines[7] == [(BlockKind.IMAGE_ALT, "")]
    assert lines[8] == [
        (BlockKind.PARAGRAPH, "Chart:"),
        (BlockKind.IMAGE_ALT, "A chart of liver tests over a year"),
    ]
    assert lines[9] == [(BlockKind.TABLE_CELL, "Dose")]
    assert lines[10] == [(BlockKind.TABLE_CELL, "7.5 mg once a week")]
    assert lines[11] == [(BlockKind.QUOTE, "Contact your doctor prior to stopping it.")]
    assert len(lines) == 11  # the empty paragraph is not counted


def test_word_links_alt_text_changes_and_comments(word: Path, tmp_path: Path) -> None:
    document = load_document(word, Config(root=tmp_path))
    (link,) = [link for block in document.blocks for link in block.links]
    assert (link.text, link.href) == ("NHS guide", "https://www.nhs.uk/medicines/methotrexate/")
    assert document.source[link.start : link.end] == "NHS guide"
    states = [b.attrs["alt"] for b in document.blocks if b.kind is BlockKind.IMAGE_ALT]
    assert states == ["missing", "present"]
    notes = {r.kind: r for r in document.repairs}
    assert notes["tracked-changes"].count == 2
    assert "as if accepted" in notes["tracked-changes"].message
    assert notes["comments"].count == 1
    assert "Is this right" not in document.source
    assert "empty stomach" not in document.source


def test_a_hyperlink_field_is_a_link(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("See ")
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/a" </w:instrText>'
        "</w:r>",
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>the leaflet</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))
    path = tmp_path / "field.docx"
    document.save(str(path))
    loaded = load_document(path, Config(root=tmp_path))
    (block,) = loaded.blocks
    assert block.text == "See the leaflet"
    assert [(x.text, x.href) for x in block.links] == [("the leaflet", "https://example.org/a")]


def test_opendocument_text(tmp_path: Path) -> None:
    path = build_odt(tmp_path / "borrador.odt")
    document = load_document(path, Config(root=tmp_path))
    assert (document.format, document.lang, document.metadata["title"]) == (
        "odt",
        "es",
        "Metotrexato",
    )
    lines = _lines(document)
    assert lines[1] == [(BlockKind.HEADING, "Tomar metotrexato")]
    assert lines[2] == [(BlockKind.PARAGRAPH, "El metotrexato puede causar hepatotoxicidad.")]
    assert lines[3] == [(BlockKind.LIST_ITEM, "Tómelo una vez por semana.")]
    assert lines[4] == [(BlockKind.PARAGRAPH, "Lea la guía de MedlinePlus antes de empezar.")]
    assert lines[5] == [(BlockKind.PARAGRAPH, "Pregunte a su farmacéutico.")]
    assert lines[6] == [(BlockKind.IMAGE_ALT, "")]
    (link,) = [link for block in document.blocks for link in block.links]
    assert (link.text, link.href) == ("guía de MedlinePlus", "https://medlineplus.gov/spanish/")
    assert {r.kind: r.count for r in document.repairs}["comments"] == 1
    assert "correcto" not in document.source


def test_the_command_line_reports_paragraph_and_character(word: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(word),
            "--no-cache",
            "--format",
            "json",
            "--select",
            "PLN001",
            "--select",
            "A11Y002",
        ],
    )
    (article,) = json.loads(result.stdout)["articles"]
    assert article["format"] == "docx"
    found = {(f["code"], f["line"], f["column"], f["text"]) for f in article["findings"]}
    start = JARGON.index("contraindicated") + 1
    assert ("PLN001", 2, start, "contraindicated") in found
    assert ("PLN001", 2, JARGON.index("hepatotoxicity") + 1, "hepatotoxicity") in found
    assert any(code == "A11Y002" and line == 7 for code, line, _, _ in found)


def test_a_damaged_document_is_named_and_the_others_are_checked(tmp_path: Path) -> None:
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "fake.docx").write_bytes(_zip({"word/document.xml": b"<not-xml"}))
    (tmp_path / "good.md").write_text("---\nlang: en\n---\nA short, plain page.\n")
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--no-cache"])
    assert result.exit_code == 2, result.output
    assert "broken.docx" in result.output and "not a zip archive" in result.output
    assert "fake.docx" in result.output and "not a readable Word document" in result.output
    assert "good.md" in result.output


def test_the_owner_file_word_keeps_beside_an_open_document_is_not_read(
    word: Path, tmp_path: Path
) -> None:
    (tmp_path / "~$draft.docx").write_bytes(b"\x05Editor" + b"\x00" * 100)
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--no-cache", "--select", "PLN001"])
    assert "~$draft.docx" not in result.output
    assert "draft.docx" in result.output and result.exit_code == 1


def _zip(files: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip({"word/document.xml": b" " * 5_000_000}))
    config = Config(root=tmp_path, max_file_size=100_000)
    with pytest.raises(LoadError, match="unpacks to 5,000,000 bytes"):
        load_document(path, config)
    assert office_module.MAX_EXPANSION * 100_000 < 5_000_000


def test_a_word_article_has_a_catalog_and_its_translation_is_checked(
    word: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "site"
    (project / "content").mkdir(parents=True)
    word.rename(project / "content" / "metho.docx")
    (project / "pyproject.toml").write_text(
        '[tool.checker]\npaths = ["content"]\n[tool.checker.i18n]\nlocales = ["es"]\n'
    )
    monkeypatch.chdir(project)
    runner = CliRunner()
    assert runner.invoke(app, ["i18n", "extract"]).exit_code == 0
    assert runner.invoke(app, ["i18n", "init", "-l", "es"]).exit_code == 0
    catalog = project / "locales" / "es" / "LC_MESSAGES" / "metho.po"
    import polib

    po = polib.pofile(str(catalog))
    ids = [e.msgid for e in po]
    assert "Taking methotrexate" in ids and JARGON in ids
    assert "A chart of liver tests over a year" in ids
    for entry in po:
        entry.msgstr = {"Taking methotrexate": "Tomar metotrexato"}.get(
            entry.msgid, f"Texto en español número {len(entry.msgid)}."
        )
    po.save(str(catalog))
    built = runner.invoke(app, ["i18n", "build", "-l", "es"])
    assert "not built yet" in built.output
    assert not list((project / "content").glob("es*"))
    report = runner.invoke(app, ["check", "--format", "json", "--no-cache"])
    articles = json.loads(report.stdout)["articles"]
    translated = [a for a in articles if a.get("built_from")]
    assert translated and translated[0]["lang"] == "es"
    assert translated[0]["metrics"]["words"] > 20


def test_moved_text_is_read_once_and_a_missing_core_part_gives_no_title(tmp_path: Path) -> None:
    document = docx.Document()
    moved = document.add_paragraph("Stay. ")
    moved._p.append(
        parse_xml(
            f'<w:moveTo {nsdecls("w")} w:id="3" w:author="A" w:date="2026-01-01T00:00:00Z">'
            "<w:r><w:t>Moved sentence.</w:t></w:r></w:moveTo>"
        )
    )
    away = document.add_paragraph("Other. ")
    away._p.append(
        parse_xml(
            f'<w:moveFrom {nsdecls("w")} w:id="4" w:author="A" w:date="2026-01-01T00:00:00Z">'
            "<w:r><w:t>Moved sentence.</w:t></w:r></w:moveFrom>"
        )
    )
    path = tmp_path / "moved.docx"
    document.save(str(path))
    # drop docProps/core.xml and its relationship, as some generators do
    with zipfile.ZipFile(path) as source:
        files = {i.filename: source.read(i) for i in source.infolist()}
    files.pop("docProps/core.xml", None)
    files["_rels/.rels"] = re.sub(
        rb"<Relationship [^>]*core-properties[^>]*/>", b"", files["_rels/.rels"]
    )
    path.write_bytes(_zip(files))
    loaded = load_document(path, Config(root=tmp_path))
    assert loaded.source.count("Moved sentence.") == 1
    assert {r.kind: r.count for r in loaded.repairs}["tracked-changes"] == 2
    assert "title" not in loaded.metadata


def test_a_small_document_that_unpacks_far_larger_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dense.docx"
    path.write_bytes(_zip({"word/document.xml": b"<w:p/>" * 600_000}))
    assert len(path.read_bytes()) * office_module.MAX_RATIO < 3_600_000 < 5_000_000 * 40
    with pytest.raises(LoadError, match="unpacks to 3,600,000 bytes"):
        load_document(path, Config(root=tmp_path))


def test_a_space_count_in_opendocument_is_bounded(tmp_path: Path) -> None:
    from odf import text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    paragraph = text.P(text="Rest")
    paragraph.addElement(text.S(c=2_000_000_000))
    paragraph.addText("now.")
    document.text.addElement(paragraph)
    path = tmp_path / "spaces.odt"
    document.save(str(path))
    loaded = load_document(path, Config(root=tmp_path))
    assert len(loaded.source) < 200
