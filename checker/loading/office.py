"""Word (``.docx``) and OpenDocument (``.odt``) documents, read as articles.

A document has no lines a writer can go to, so positions count paragraphs: the text is
laid out as one line per paragraph (headings, paragraphs, list items and table cells, in
reading order; empty paragraphs left out), and every block maps into that text.  A
finding's ``line`` is the paragraph's number from 1, its ``column`` the character in the
paragraph from 1.

What the writer sees in the document is what is read: tracked changes as if accepted
(inserted text in, deleted text out) and comments not at all, each counted in a repair
note so that nothing is dropped silently.  Footnotes, headers and footers are not read.
Headings come from the built-in heading styles (or outline levels), lists from list
numbering, links from hyperlinks (and HYPERLINK fields), alt text from the images'
descriptions.  The title and language come from the document's properties.

python-docx and odfpy read the files (both refuse XML entities); the uncompressed size of
a file is bounded before either opens it.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from checker.compiled_patterns import kept
from checker.mapped_text import MappedText
from checker.model import Block, BlockKind, Document, Link, LoadError, Repair
from checker.wording import count_label

#: How much larger than ``max-file-size`` a document's unzipped parts may be.
MAX_EXPANSION = 40
#: How much larger than the file itself its unzipped parts may be: a Word document's XML
#: packs about ten to one; a zip bomb, hundreds or thousands to one.
MAX_RATIO = 100
#: Below this, any ratio is fine (a tiny document with a big style sheet).
SMALL_UNPACKED = 2_000_000
#: Spaces one ``<text:s text:c="N"/>`` may stand for.
MAX_SPACES = 100


@dataclass
class Paragraph:
    """One paragraph of the document: its text, kind, links and images."""

    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    pieces: list[str] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)  # offsets in the text
    images: list[tuple[str | None, str]] = field(default_factory=list)  # (alt, name)

    @property
    def length(self) -> int:
        return sum(map(len, self.pieces))

    @property
    def text(self) -> str:
        # a paragraph is one line: breaks and tabs inside it are spaces
        return "".join(self.pieces).replace("\n", " ").replace("\t", " ")


@dataclass
class OfficeDocument:
    """What a document's loader hands on: the text positions refer to, and its blocks."""

    source: str
    blocks: list[Block]
    title: str
    language: str
    repairs: list[Repair]


@dataclass
class _Changes:
    insertions: int = 0
    deletions: int = 0
    comments: int = 0

    def repairs(self) -> list[Repair]:
        found = []
        if self.insertions or self.deletions:
            found.append(
                Repair(
                    "tracked-changes",
                    f"read {count_label(self.insertions + self.deletions, 'tracked change')} "
                    "as if accepted (inserted text read, deleted text not)",
                    None,
                    self.insertions + self.deletions,
                )
            )
        if self.comments:
            found.append(
                Repair(
                    "comments",
                    f"did not read {count_label(self.comments, 'comment')} on the document",
                    None,
                    self.comments,
                )
            )
        return found


def read_office(data: bytes, fmt: str, max_size: int) -> OfficeDocument:
    """Read a ``docx`` or ``odt`` document; raises :class:`LoadError` for a broken one."""
    _check_archive(data, min(max_size * MAX_EXPANSION, max(len(data) * MAX_RATIO, SMALL_UNPACKED)))
    changes = _Changes()
    try:
        if fmt == "docx":
            paragraphs, title, language = _read_docx(data, changes)
        else:
            paragraphs, title, language = _read_odt(data, changes)
    except LoadError:
        raise
    except Exception as exc:  # the libraries raise many kinds for a damaged file
        kind = "Word" if fmt == "docx" else "OpenDocument"
        raise LoadError(f"not a readable {kind} document: {exc}") from None
    source, blocks = _layout(paragraphs)
    return OfficeDocument(source, blocks, title.strip(), language.strip(), changes.repairs())


def _check_archive(data: bytes, limit: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except zipfile.BadZipFile:
        raise LoadError("not a readable document: the file is not a zip archive") from None
    except (NotImplementedError, ValueError, EOFError, OSError, struct.error) as exc:
        raise LoadError(f"not a readable document: a damaged zip archive ({exc})") from None
    if unpacked > limit:
        raise LoadError(
            f"the document unpacks to {unpacked:,} bytes, more than {limit:,}: not read"
        )


def _layout(paragraphs: Iterable[Paragraph]) -> tuple[str, list[Block]]:
    """One line per paragraph, and the blocks mapped into those lines."""
    lines: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for paragraph in paragraphs:
        text = paragraph.text
        if not text.strip() and not paragraph.images:
            continue
        links = tuple(
            Link(text[start:end].strip(), href, offset + start, offset + end)
            for start, end, href in paragraph.links
            if end > start
        )
        if text.strip():
            content = MappedText.identity(text, offset).strip()
            blocks.append(Block(paragraph.kind, content, level=paragraph.level, links=links))
        for alt, name in paragraph.images:
            state = "missing" if alt is None else ("empty" if not alt.strip() else "present")
            alt_text = MappedText.replacing((alt or "").strip(), offset, offset)
            blocks.append(Block(BlockKind.IMAGE_ALT, alt_text, attrs={"src": name, "alt": state}))
        lines.append(text)
        offset += len(text) + 1
    return "".join(line + "\n" for line in lines), blocks


# -- Word ---------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
_HEADING_STYLE = kept(r"heading (\d)", re.IGNORECASE)
_FIELD_LINK = kept(r'HYPERLINK\s+(?:\\l\s+)?"([^"]+)"')
_QUOTE_STYLES = frozenset({"quote", "intense quote", "block text"})


def _read_docx(data: bytes, changes: _Changes) -> tuple[list[Paragraph], str, str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    part = document.part
    styles = {s.style_id: s for s in document.styles}
    reader = _WordReader(part, styles, changes)
    paragraphs = list(reader.container(document.element.body))
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:  # without docProps/core.xml python-docx makes up a title ("Word Document")
        part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    except KeyError:
        return paragraphs, "", ""
    properties = document.core_properties
    return paragraphs, properties.title or "", properties.language or ""


class _WordReader:
    def __init__(self, part: Any, styles: dict[str, Any], changes: _Changes) -> None:
        self.part = part
        self.styles = styles
        self.changes = changes

    def container(self, element: Any, kind: BlockKind | None = None) -> Iterator[Paragraph]:
        """The paragraphs of a body, table cell or content control, in reading order."""
        for child in element:
            tag = child.tag
            if tag == f"{_W}p":
                yield from self.paragraph(child, kind)
            elif tag == f"{_W}tbl":
                for cell in child.iter(f"{_W}tc"):
                    if _nearest(cell, f"{_W}tbl") is child:
                        yield from self.container(cell, BlockKind.TABLE_CELL)
            elif tag in (f"{_W}ins", f"{_W}moveTo"):
                self.changes.insertions += 1
                yield from self.container(child, kind)
            elif tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
                yield from self.container(child, kind)
            elif tag in (f"{_W}del", f"{_W}moveFrom"):
                self.changes.deletions += 1

    def paragraph(self, element: Any, kind: BlockKind | None) -> Iterator[Paragraph]:
        found_kind, level = (kind, 0) if kind is not None else self._kind_of(element)
        paragraph = Paragraph(found_kind, level)
        boxes: list[Any] = []
        self._inline(element, paragraph, boxes, {"field": None, "link": None})
        yield paragraph
        for box in boxes:  # text boxes: after the paragraph that anchors them
            yield from self.container(box, kind)

    def _kind_of(self, element: Any) -> tuple[BlockKind, int]:
        properties = element.find(f"{_W}pPr")
        style = None
        if properties is not None:
            style_ref = properties.find(f"{_W}pStyle")
            if style_ref is not None:
                style = self.styles.get(style_ref.get(f"{_W}val"))
        name = (style.name or "").lower() if style is not None else ""
        heading = _HEADING_STYLE.fullmatch(name)
        if heading:
            return BlockKind.HEADING, int(heading.group(1))
        if name in ("title", "subtitle"):
            return BlockKind.HEADING, 1 if name == "title" else 2
        if properties is not None:
            outline = properties.find(f"{_W}outlineLvl")
            if outline is not None and (outline.get(f"{_W}val") or "9").isdigit():
                level = int(outline.get(f"{_W}val")) + 1
                if level <= 6:
                    return BlockKind.HEADING, level
        numbering = properties.find(f"{_W}numPr") if properties is not None else None
        if numbering is not None or name.startswith("list"):
            depth = numbering.find(f"{_W}ilvl") if numbering is not None else None
            level = int(depth.get(f"{_W}val") or 0) if depth is not None else 0
            return BlockKind.LIST_ITEM, level + 1
        if name in _QUOTE_STYLES:
            return BlockKind.QUOTE, 0
        return BlockKind.PARAGRAPH, 0

    def _inline(
        self, element: Any, paragraph: Paragraph, boxes: list[Any], state: dict[str, Any]
    ) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue  # XML comments and processing instructions
            if tag == f"{_W}t":
                paragraph.pieces.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                paragraph.pieces.append(" ")
            elif tag == f"{_W}noBreakHyphen":
                paragraph.pieces.append("-")
            elif tag in (f"{_W}del", f"{_W}moveFrom"):
                self.changes.deletions += 1  # deleted or moved-away text is not read
            elif tag in (f"{_W}ins", f"{_W}moveTo"):
                self.changes.insertions += 1
                self._inline(child, paragraph, boxes, state)
            elif tag == f"{_W}commentReference":
                self.changes.comments += 1
            elif tag == f"{_W}hyperlink":
                start = paragraph.length
                self._inline(child, paragraph, boxes, state)
                href = self._target(child)
                if href:
                    paragraph.links.append((start, paragraph.length, href))
            elif tag == f"{_W}instrText":
                found = _FIELD_LINK.search(child.text or "")
                if found:
                    state["field"] = found.group(1)
            elif tag == f"{_W}fldChar":
                self._field_char(child, paragraph, state)
            elif tag == f"{_W}txbxContent":
                boxes.append(child)
            elif tag == f"{_MC}Fallback" or tag == f"{_W}pPr" or tag == f"{_W}rPr":
                continue  # the same content again for older readers; properties
            elif tag == f"{_WP}docPr":
                paragraph.images.append(self._image(child))
            else:
                self._inline(child, paragraph, boxes, state)

    def _field_char(self, element: Any, paragraph: Paragraph, state: dict[str, Any]) -> None:
        kind = element.get(f"{_W}fldCharType")
        if kind == "separate" and state["field"]:
            state["link"] = (paragraph.length, state["field"])
            state["field"] = None
        elif kind == "end" and state["link"] is not None:
            start, href = state["link"]
            paragraph.links.append((start, paragraph.length, href))
            state["link"] = None

    def _target(self, element: Any) -> str:
        relationship = element.get(f"{_R}id")
        anchor = element.get(f"{_W}anchor")
        if relationship and relationship in self.part.rels:
            rel = self.part.rels[relationship]
            href = str(rel.target_ref) if rel.is_external else ""
            return href + (f"#{anchor}" if anchor else "")
        return f"#{anchor}" if anchor else ""

    @staticmethod
    def _image(element: Any) -> tuple[str | None, str]:
        name = element.get("name") or ""
        if any(e.tag == _DECORATIVE and e.get("val") in ("1", "true") for e in element.iter()):
            return "", name  # marked decorative: alt text is not wanted
        alt = element.get("descr")
        if alt is None or not alt.strip():
            alt = element.get("title")
        return alt, name


def _nearest(element: Any, tag: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


# -- OpenDocument ---------------------------------------------------------------------------

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
_XLINK = "http://www.w3.org/1999/xlink"
_DC = "http://purl.org/dc/elements/1.1/"
_ODF_QUOTE_STYLES = frozenset({"quotations", "quote"})


def _read_odt(data: bytes, changes: _Changes) -> tuple[list[Paragraph], str, str]:
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    parents = {}
    for styles in (document.automaticstyles, document.styles):
        for style in styles.childNodes:
            if style.qname == (_STYLE, "style"):
                parents[style.getAttrNS(_STYLE, "name")] = (
                    style.getAttrNS(_STYLE, "parent-style-name") or ""
                )
    reader = _OdfReader(parents, changes)
    paragraphs = list(reader.container(document.text, None, 0))
    title = language = ""
    for node in document.meta.childNodes:
        if node.qname == (_DC, "title"):
            title = _plain_text(node)
        elif node.qname == (_DC, "language"):
            language = _plain_text(node)
    return paragraphs, title, language


def _plain_text(node: Any) -> str:
    return "".join(
        child.data if child.nodeType == child.TEXT_NODE else _plain_text(child)
        for child in node.childNodes
    )


class _OdfReader:
    def __init__(self, parents: dict[str, str], changes: _Changes) -> None:
        self.parents = parents
        self.changes = changes

    def _style(self, name: str) -> str:
        """A paragraph's named style, through the automatic style LibreOffice made of it."""
        seen = 0
        while name in self.parents and seen < 8:
            parent = self.parents[name]
            if not parent:
                break
            name, seen = parent, seen + 1
        return name.replace("_20_", " ").lower()

    def container(self, element: Any, kind: BlockKind | None, depth: int) -> Iterator[Paragraph]:
        for child in element.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            name = child.qname
            if name == (_TEXT, "h"):
                level = int(child.getAttrNS(_TEXT, "outline-level") or 1)
                yield from self.paragraph(child, BlockKind.HEADING, min(level, 6))
            elif name == (_TEXT, "p"):
                yield from self.paragraph(child, kind, depth)
            elif name == (_TEXT, "list"):
                yield from self.container(child, BlockKind.LIST_ITEM, depth + 1)
            elif name == (_TEXT, "tracked-changes"):
                for region in child.childNodes:
                    for change in getattr(region, "childNodes", ()):
                        if change.qname == (_TEXT, "deletion"):
                            self.changes.deletions += 1
                        elif change.qname == (_TEXT, "insertion"):
                            self.changes.insertions += 1
            elif name == (_TABLE, "table-cell"):
                yield from self.container(child, BlockKind.TABLE_CELL, 0)
            elif name[0] in (_TEXT, _TABLE, _OFFICE):  # sections, list items, rows
                yield from self.container(child, kind, depth)

    def paragraph(self, element: Any, kind: BlockKind | None, depth: int) -> Iterator[Paragraph]:
        paragraph = Paragraph()
        style = self._style(element.getAttrNS(_TEXT, "style-name") or "")
        if kind is not None:
            paragraph.kind, paragraph.level = kind, depth
        elif style in ("title", "subtitle"):
            paragraph.kind, paragraph.level = BlockKind.HEADING, 1 if style == "title" else 2
        elif style in _ODF_QUOTE_STYLES:
            paragraph.kind = BlockKind.QUOTE
        boxes: list[Any] = []
        self._inline(element, paragraph, boxes)
        yield paragraph
        for box in boxes:
            yield from self.container(box, kind, depth)

    def _inline(self, element: Any, paragraph: Paragraph, boxes: list[Any]) -> None:
        for child in element.childNodes:
            if child.nodeType == child.TEXT_NODE:
                paragraph.pieces.append(child.data)
                continue
            if child.nodeType != child.ELEMENT_NODE:
                continue
            name = child.qname
            if name == (_TEXT, "s"):
                count = child.getAttrNS(_TEXT, "c") or "1"
                spaces = min(int(count), MAX_SPACES) if count.isdigit() else 1
                paragraph.pieces.append(" " * spaces)
            elif name in ((_TEXT, "tab"), (_TEXT, "line-break")):
                paragraph.pieces.append(" ")
            elif name == (_OFFICE, "annotation"):
                self.changes.comments += 1
            elif name in ((_TEXT, "note"), (_OFFICE, "annotation-end")):
                continue  # footnote bodies are not the paragraph's text
            elif name == (_TEXT, "a"):
                start = paragraph.length
                self._inline(child, paragraph, boxes)
                href = child.getAttrNS(_XLINK, "href") or ""
                if href:
                    paragraph.links.append((start, paragraph.length, href))
            elif name == (_DRAW, "frame"):
                self._frame(child, paragraph, boxes)
            else:
                self._inline(child, paragraph, boxes)

    def _frame(self, frame: Any, paragraph: Paragraph, boxes: list[Any]) -> None:
        title = desc = None
        image = False
        for child in frame.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            if child.qname == (_SVG, "title"):
                title = _plain_text(child)
            elif child.qname == (_SVG, "desc"):
                desc = _plain_text(child)
            elif child.qname == (_DRAW, "image"):
                image = True
            elif child.qname == (_DRAW, "text-box"):
                boxes.append(child)
        if image:
            alt = title if title and title.strip() else desc
            paragraph.images.append((alt, frame.getAttrNS(_DRAW, "name") or ""))


def relaid(text: str, template: Document | None = None) -> OfficeDocument:
    """A document's text laid out one paragraph per line (a translation rebuilt from a
    catalog), read back into blocks: each line keeps the kind of the ``template``'s
    paragraph on the same line, else it is a paragraph."""
    kinds: dict[int, tuple[BlockKind, int]] = {}
    if template is not None:
        for block in template.blocks:
            if block.kind is not BlockKind.IMAGE_ALT:
                number = template.position(block.content.source_offset(0))[0]
                kinds.setdefault(number, (block.kind, block.level))
    paragraphs = []
    for number, written in enumerate(text.split("\n"), 1):
        kind, level = kinds.get(number, (BlockKind.PARAGRAPH, 0))
        paragraphs.append(Paragraph(kind, level, [written]))
    source, blocks = _layout(paragraphs)
    return OfficeDocument(source, blocks, "", "", [])
