"""A file the writer opens in the editor, turned into text the editor holds.

Markdown, HTML and text are decoded as ``checker check`` decodes them.  A Word or
OpenDocument file becomes Markdown: its title and language in front matter, headings,
list items, quotes and paragraphs as Markdown blocks, images as their alt text, so that
what the writer edits is checked exactly as the document was.
"""

from __future__ import annotations

import html
import re
from pathlib import PurePath
from typing import Any

import yaml

from checker.config import Config
from checker.loading import FORMATS, OFFICE_FORMATS
from checker.loading.decode import decode
from checker.model import Block, BlockKind, LoadError


class OpenError(ValueError):
    """A file the editor cannot open, with the reason."""


def text_of_file(name: str, data: bytes, config: Config) -> dict[str, Any]:
    """``{"name", "text", "format", "lang"}`` for the editor."""
    fmt = FORMATS.get(PurePath(name).suffix.lower())
    if fmt is None:
        raise OpenError(f"{name or 'the file'}: open a .md, .html, .txt, .docx or .odt file")
    try:
        if fmt in OFFICE_FORMATS:
            from checker.loading.office import read_office

            document = read_office(data, fmt, config.max_file_size)
            text = as_markdown(document.blocks, document.title, document.language)
            return {"name": name, "text": text, "format": "markdown", "lang": document.language}
        decoded = decode(data, config.max_file_size)
    except LoadError as exc:
        raise OpenError(f"{name}: {exc.message}") from None
    return {"name": name, "text": decoded.text, "format": fmt, "lang": ""}


#: What would make a paragraph's first characters Markdown syntax.
_BLOCK_SYNTAX = re.compile(r"^(?:#{1,6}(?:\s|$)|[-*+](?:\s|$)|>|\d{1,9}[.)](?:\s|$)|---|===|```)")


def _escaped(text: str) -> str:
    return "\\" + text if _BLOCK_SYNTAX.match(text) else text


def _with_links(block: Block) -> str:
    """The block's text with its hyperlinks written as Markdown links."""
    text = block.text
    if not block.links:
        return " ".join(text.split())
    base = block.content.source_offset(0)
    pieces: list[str] = []
    position = 0
    for link in sorted(block.links, key=lambda found: found.start):
        start, end = link.start - base, link.end - base
        if not (position <= start < end <= len(text)):
            continue  # a link the text does not hold as written: kept as plain text
        label = text[start:end].replace("[", "\\[").replace("]", "\\]")
        pieces += [text[position:start], f"[{label}](<{link.href}>)"]
        position = end
    pieces.append(text[position:])
    return " ".join("".join(pieces).split())


def as_markdown(blocks: list[Block], title: str = "", language: str = "") -> str:
    """Blocks written as Markdown, one blank line apart, under front matter if any.

    Table cells become paragraphs (the document's table layout is not kept); an image
    without alt text is written as an ``<img>`` with no ``alt``, so that it is still
    reported as missing one."""
    front = {k: v for k, v in (("title", title), ("lang", language)) if v}
    parts = []
    if front:
        dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
        parts.append(f"---\n{dumped}---")
    for block in blocks:
        if block.kind is BlockKind.IMAGE_ALT:
            source = block.attrs.get("src") or "image"
            if block.attrs.get("alt") == "missing":
                parts.append(f'<img src="{html.escape(source)}">')
            else:
                alt = " ".join(block.text.split()).replace("]", "\\]")
                parts.append(f"![{alt}](<{source}>)")
            continue
        text = _with_links(block)
        if not text:
            continue
        if block.kind is BlockKind.HEADING:
            parts.append("#" * max(1, min(block.level, 6)) + " " + text)
        elif block.kind is BlockKind.LIST_ITEM:
            parts.append("  " * max(0, block.level - 1) + "- " + text)
        elif block.kind is BlockKind.QUOTE:
            parts.append("> " + text)
        else:
            parts.append(_escaped(text))
    return "\n\n".join(parts) + "\n"
