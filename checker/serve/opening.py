"""A file the writer opens in the editor, turned into text the editor holds.

Markdown, HTML and text are decoded as ``checker check`` decodes them.  A Word or
OpenDocument file becomes Markdown: its title and language in front matter, headings,
list items, quotes and paragraphs as Markdown blocks, images as their alt text, so that
what the writer edits is checked exactly as the document was.
"""

from __future__ import annotations

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


def as_markdown(blocks: list[Block], title: str = "", language: str = "") -> str:
    """Blocks written as Markdown, one blank line apart, under front matter if any."""
    front = {k: v for k, v in (("title", title), ("lang", language)) if v}
    parts = []
    if front:
        dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
        parts.append(f"---\n{dumped}---")
    for block in blocks:
        text = " ".join(block.text.split())
        if block.kind is BlockKind.HEADING:
            parts.append("#" * max(1, min(block.level, 6)) + " " + text)
        elif block.kind is BlockKind.LIST_ITEM:
            parts.append("  " * max(0, block.level - 1) + "- " + text)
        elif block.kind is BlockKind.QUOTE:
            parts.append("> " + text)
        elif block.kind is BlockKind.IMAGE_ALT:
            alt = text.replace("]", "\\]")
            parts.append(f"![{alt}](<{block.attrs.get('src') or 'image'}>)")
        elif text:
            parts.append(text)
    return "\n\n".join(parts) + "\n"
