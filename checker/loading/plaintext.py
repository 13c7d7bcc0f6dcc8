"""Plain text to blocks: paragraphs, soft-wrapped lines, bare headings, list items.

Plain-text articles come from copy-and-paste, PDF extraction and scrapers.  The
loader rebuilds their structure: lines wrapped at a fixed width are joined,
text extracted one word per line is re-flowed, short lines without end
punctuation become headings, and ``-``/``*``/``•``/``1.`` lines become list items.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.compiled_patterns import kept
from checker.mapped_text import MappedText
from checker.model import Block, BlockKind, Repair

_LIST_MARKER = kept(r"^\s*(?:[-*+\u2022\u00b7\u25aa\u25cf\u2013]|\d{1,3}[.)])\s+")
_TERMINAL = kept(r"[.!?:;,\u2026)\"'\u201d\u2019]$")
_SINGLE_TOKEN = kept(r"^\s*\S{1,40}\s*$")
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


#: One line of text, a run of one-word lines re-flowed into one, or a blank line (None).
_Item = _Line | list[_Line]


def parse_text(source: str, offset: int = 0) -> tuple[list[Block], list[Repair]]:
    """Blocks of plain text starting at ``offset`` in ``source``."""
    repairs: list[Repair] = []
    chunks = _chunks(_reflowed(_lines(source, offset), source, repairs))
    builder = _BlockBuilder()
    for number, chunk in enumerate(chunks):
        if chunk:
            # the text's very last line (a text ending in a newline ends with an empty chunk)
            builder.add_chunk(chunk, last_chunk=number == len(chunks) - 1)
    blocks = builder.blocks
    if blocks and blocks[0].kind is BlockKind.HEADING:
        blocks[0] = Block(BlockKind.HEADING, blocks[0].content, level=1)
    return blocks, repairs


def _lines(source: str, offset: int) -> list[_Line | None]:
    """Every line from ``offset``, stripped; None for a blank line."""
    lines: list[_Line | None] = []
    position = offset
    for raw in source[offset:].split("\n"):
        stripped = raw.strip()
        if stripped:
            lines.append(_Line(position + len(raw) - len(raw.lstrip()), stripped))
        else:
            lines.append(None)
        position += len(raw) + 1
    return lines


def _one_word(line: _Line | None) -> bool:
    return line is not None and _SINGLE_TOKEN.match(line.text) is not None


def _reflowed(lines: list[_Line | None], source: str, repairs: list[Repair]) -> list[_Item | None]:
    """The lines, with each run of one word per line gathered into one item (a repair)."""
    merged: list[_Item | None] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _one_word(lines[j]):
            j += 1
        if j - i < MIN_WORD_PER_LINE_RUN:
            merged.append(lines[i])
            i += 1
            continue
        run = [line for line in lines[i:j] if line is not None]
        merged.append(run)
        message = f"re-flowed {len(run)} lines holding one word each into a paragraph"
        repairs.append(Repair("reflow", message, source.count("\n", 0, run[0].start) + 1, len(run)))
        i = j
    return merged


def _chunks(items: list[_Item | None]) -> list[list[_Item]]:
    """The items in groups separated by blank lines; the last is empty when blank lines end
    the text."""
    chunks: list[list[_Item]] = [[]]
    for item in items:
        if item is None:
            if chunks[-1]:
                chunks.append([])
        else:
            chunks[-1].append(item)
    return chunks


class _BlockBuilder:
    """Joins the lines of each chunk into paragraphs, list items and headings."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.current: list[MappedText] = []
        self.kind = BlockKind.PARAGRAPH

    def flush(self) -> None:
        if self.current:
            self.blocks.append(Block(self.kind, MappedText.concat(self.current)))
        self.current = []

    def start(self, pieces: list[MappedText], kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        self.flush()
        self.current, self.kind = pieces, kind

    def add_chunk(self, chunk: list[_Item], *, last_chunk: bool) -> None:
        lengths = [len(x.text) for x in chunk if isinstance(x, _Line)]
        # a chunk of several lines none longer than a wrap width: lines wrapped at a width
        wrap_width = max(lengths) if len(lengths) > 1 and max(lengths) <= _WRAP_WIDTH else None
        self.current, self.kind = [], BlockKind.PARAGRAPH
        for index, item in enumerate(chunk):
            if isinstance(item, list):
                self.start(_joined_words(item))
                continue
            marker = _LIST_MARKER.match(item.text)
            if marker:
                rest = MappedText.identity(item.text[marker.end() :], item.start + marker.end())
                self.start([rest], BlockKind.LIST_ITEM)
                continue
            following = chunk[index + 1] if index + 1 < len(chunk) else None
            if self._is_heading(item, following, wrap_width, last_chunk):
                self.flush()
                heading = MappedText.identity(item.text, item.start)
                self.blocks.append(Block(BlockKind.HEADING, heading, level=2))
                continue
            if self.current and self._continues(item, wrap_width):
                self.current.append(MappedText.inserted(" ", item.start))
                self.current.append(MappedText.identity(item.text, item.start))
                continue
            self.start([MappedText.identity(item.text, item.start)])
        self.flush()

    def _is_heading(
        self, item: _Line, following: _Item | None, wrap_width: int | None, last_chunk: bool
    ) -> bool:
        """A short line without end punctuation, after a sentence, that the next line does
        not continue (a lower-case start), and not a line of wrapped text."""
        is_last = following is None
        if not _heading_like(item.text) or (is_last and last_chunk):
            return False
        if self.current and not _TERMINAL.search(self.current[-1].text):
            return False
        if wrap_width is not None and not is_last and len(item.text) >= 0.6 * wrap_width:
            return False
        return not (
            isinstance(following, _Line)
            and following.text[:1].islower()
            and not _LIST_MARKER.match(following.text)
        )

    def _continues(self, item: _Line, wrap_width: int | None) -> bool:
        """Whether a line goes on the block being built (a soft-wrapped line)."""
        previous = self.current[-1].text
        ends_sentence = _TERMINAL.search(previous) is not None
        if self.kind is BlockKind.LIST_ITEM and item.text[:1].isupper() and ends_sentence:
            return False
        return not ends_sentence or (
            wrap_width is not None and len(previous) >= 0.5 * _WRAP_WIDTH * 0.6
        )


def _joined_words(run: list[_Line]) -> list[MappedText]:
    """A run of one-word lines as one line of text, each word at its place in the source."""
    pieces: list[MappedText] = []
    for k, word in enumerate(run):
        if k:
            pieces.append(MappedText.inserted(" ", word.start))
        pieces.append(MappedText.identity(word.text, word.start))
    return pieces
