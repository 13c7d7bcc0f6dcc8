"""An article's translation units: the text of each block, as a translator sees it.

Markdown and HTML units keep their inline markup (emphasis, links, code, footnote
markers, entities) exactly as written, so a translator can keep it intact and the
translated article can be rebuilt by putting each translation where its source
text was.  Line breaks inside a block become spaces.  Plain-text articles and
front-matter fields have no inline markup, so their units are the cleaned text.
The same text in the same context is one unit with several source references.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.compiled_patterns import kept
from checker.loading import OFFICE_FORMATS
from checker.loading.repairs import fix_mojibake
from checker.mapped_text import MappedText
from checker.model import Block, BlockKind, Document

#: A line break with the indentation and quote markers that continue a block.
_MARKDOWN_BREAK = kept(r"[ \t]*\r?\n[ \t]*(?:>[ \t]?)*")
_HTML_BREAK = kept(r"\s*\n\s*")

_KIND_NOTES = {
    BlockKind.HEADING: "heading",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.LIST_ITEM: "list item",
    BlockKind.TABLE_CELL: "table cell",
    BlockKind.QUOTE: "quotation",
    BlockKind.IMAGE_ALT: "image description (alt text)",
    BlockKind.REFERENCE: "reference list entry: usually kept as written",
}


#: The translator note of an entry of a reference list (usually kept as written).
REFERENCE_NOTE = "reference list entry: usually kept as written"


@dataclass(frozen=True, slots=True)
class Unit:
    """One translatable text of an article and every place it appears."""

    msgid: str
    msgctxt: str | None
    note: str  # what the text is, for the translator ("heading", "list item"...)
    lines: tuple[int, ...]  # 1-based source lines, one per place
    spans: tuple[tuple[int, int], ...]  # source offsets, one per place (for rebuilding)
    field: str = ""  # the front-matter field, when the text comes from one

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)


#: Formats whose units are the text as read: no markup to keep (plain text), or a
#: document laid out one paragraph per line with its alt text apart (Word, OpenDocument).
_AS_READ = frozenset({"text", *OFFICE_FORMATS})


def unit_text(document: Document, block: Block) -> tuple[str, tuple[int, int]]:
    """The unit text of ``block`` and the source span it replaces when rebuilt."""
    start, end = block.content.source_span(0, len(block.text))
    if document.format in _AS_READ or block.source_field:
        return " ".join(block.text.split()), (start, end)
    raw = document.source[start:end]
    if any(repair.kind == "mojibake" for repair in document.repairs):
        raw = fix_mojibake(MappedText.identity(raw))[0].text
    breaks = _HTML_BREAK if document.format == "html" else _MARKDOWN_BREAK
    return breaks.sub(" ", raw).strip(), (start, end)


def context_of(block: Block) -> str | None:
    """A context where the same words may need another translation: a front-matter field
    (a page title is often shorter than the heading) or an image description."""
    if block.source_field:
        return block.source_field
    if block.kind is BlockKind.IMAGE_ALT:
        return "alt text"
    return None


def extract_units(document: Document) -> list[Unit]:
    """The article's units in the order they first appear."""
    from checker.claims.citations import find_references

    references = find_references(document).section_blocks
    found: dict[tuple[str | None, str], Unit] = {}
    for index, block in enumerate(document.blocks):
        text, span = unit_text(document, block)
        if not text.strip():
            continue
        line = document.position(span[0])[0]
        ctxt = context_of(block)
        note = _KIND_NOTES[block.kind]
        if block.kind is BlockKind.HEADING and block.level:
            note = f"heading level {block.level}"
        if block.source_field:
            note = f"front matter: {block.source_field}"
        elif index in references and block.kind is not BlockKind.HEADING:
            note = REFERENCE_NOTE
        previous = found.get((ctxt, text))
        if previous is None:
            found[(ctxt, text)] = Unit(text, ctxt, note, (line,), (span,), block.source_field)
        else:
            found[(ctxt, text)] = Unit(
                text,
                ctxt,
                previous.note,
                (*previous.lines, line),
                (*previous.spans, span),
                previous.field,
            )
    return list(found.values())
