"""Plain text to blocks: paragraphs, soft-wrapped lines, bare headings, list items.

Plain-text articles come from copy-and-paste, PDF extraction and scrapers.  The
loader rebuilds their structure: lines wrapped at a fixed width are joined,
text extracted one word per line is re-flowed, short lines without end
punctuation become headings, and ``-``/``*``/``•``/``1.`` lines become list items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.mapped_text import MappedText
from checker.model import Block, BlockKind, Repair

_LIST_MARKER = re.compile(r"^\s*(?:[-*+\u2022\u00b7\u25aa\u25cf\u2013]|\d{1,3}[.)])\s+")
_TERMINAL = re.compile(r"[.!?:;,\u2026)\"'\u201d\u2019]$")
_SINGLE_TOKEN = re.compile(r"^\s*\S{1,40}\s*$")
#: Consecutive one-word lines that mean the text was extracted one word per line.
MIN_WORD_PER_LINE_RUN = 8
_WRAP_WIDTH = 100


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the first non-space character
    text: str  # stripped


def _heading_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 16
        and len(text) <= 120
        and not _TERMINAL.search(text)
        and not _LIST_MARKER.match(text)
    )


def parse_text(source: str, offset: int = 0) -> tuple[list[Block], list[Repair]]:
    """Blocks of plain text starting at ``offset`` in ``source``."""
    repairs: list[Repair] = []
    lines: list[_Line | None] = []  # None is a blank line
    position = offset
    for raw in source[offset:].split("\n"):
        stripped = raw.strip()
        if stripped:
            lines.append(_Line(position + len(raw) - len(raw.lstrip()), stripped))
        else:
            lines.append(None)
        position += len(raw) + 1

    def line_no(line: _Line) -> int:
        return source.count("\n", 0, line.start) + 1

    # 1. Re-flow runs of one word per line into a single line of text.
    merged: list[_Line | list[_Line] | None] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j] is not None and _SINGLE_TOKEN.match(lines[j].text):  # type: ignore[union-attr]
            j += 1
        if j - i >= MIN_WORD_PER_LINE_RUN:
            run = [line for line in lines[i:j] if line is not None]
            merged.append(run)
            repairs.append(
                Repair(
                    "reflow",
                    f"re-flowed {len(run)} lines holding one word each into a paragraph",
                    line_no(run[0]),
                    len(run),
                )
            )
            i = j
        else:
            merged.append(lines[i])
            i += 1

    # 2. Group into chunks separated by blank lines.
    chunks: list[list[_Line | list[_Line]]] = [[]]
    for item in merged:
        if item is None:
            if chunks[-1]:
                chunks.append([])
        else:
            chunks[-1].append(item)

    blocks: list[Block] = []
    current: list[MappedText] = []
    current_kind = BlockKind.PARAGRAPH

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append(Block(current_kind, MappedText.concat(current)))
        current = []

    for chunk in chunks:
        if not chunk:
            continue
        plain_lengths = [len(x.text) for x in chunk if isinstance(x, _Line)]
        wrapped = (
            bool(plain_lengths) and max(plain_lengths) <= _WRAP_WIDTH and len(plain_lengths) > 1
        )
        current = []
        current_kind = BlockKind.PARAGRAPH
        for index, item in enumerate(chunk):
            if isinstance(item, list):
                flush()
                pieces: list[MappedText] = []
                for k, word in enumerate(item):
                    if k:
                        pieces.append(MappedText.inserted(" ", word.start))
                    pieces.append(MappedText.identity(word.text, word.start))
                current = pieces
                current_kind = BlockKind.PARAGRAPH
                continue
            marker = _LIST_MARKER.match(item.text)
            if marker:
                flush()
                current = [
                    MappedText.identity(item.text[marker.end() :], item.start + marker.end())
                ]
                current_kind = BlockKind.LIST_ITEM
                continue
            is_last = index == len(chunk) - 1
            nothing_follows = is_last and chunk is chunks[-1]
            after_sentence = not current or bool(_TERMINAL.search(current[-1].text))
            wrap_line = wrapped and not is_last and len(item.text) >= 0.6 * max(plain_lengths)
            if (
                _heading_like(item.text)
                and after_sentence
                and not wrap_line
                and not nothing_follows
            ):
                next_item = chunk[index + 1] if not is_last else None
                continues = (
                    isinstance(next_item, _Line)
                    and next_item.text[:1].islower()
                    and not _LIST_MARKER.match(next_item.text)
                )
                if not continues:
                    flush()
                    blocks.append(
                        Block(
                            BlockKind.HEADING, MappedText.identity(item.text, item.start), level=2
                        )
                    )
                    continue
            if current:
                previous_text = current[-1].text
                soft_wrap = (not _TERMINAL.search(previous_text)) or (
                    wrapped and len(previous_text) >= 0.5 * _WRAP_WIDTH * 0.6
                )
                if (
                    current_kind is BlockKind.LIST_ITEM
                    and item.text[:1].isupper()
                    and _TERMINAL.search(previous_text)
                ):
                    soft_wrap = False
                if soft_wrap:
                    current.append(MappedText.inserted(" ", item.start))
                    current.append(MappedText.identity(item.text, item.start))
                    continue
                flush()
            current = [MappedText.identity(item.text, item.start)]
            current_kind = BlockKind.PARAGRAPH
        flush()
    if blocks and blocks[0].kind is BlockKind.HEADING:
        blocks[0] = Block(BlockKind.HEADING, blocks[0].content, level=1)
    return blocks, repairs
