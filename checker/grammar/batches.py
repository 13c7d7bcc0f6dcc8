"""What is sent to LanguageTool for an article, and where its answers land.

An article's blocks go out together, in requests of at most ``batch_characters``,
as LanguageTool's annotated text: prose as ``text`` parts, and URLs, e-mail
addresses and citation markers as ``markup`` parts, which LanguageTool skips but
counts in its offsets.  So an offset in the answer is a position in the request,
which :meth:`Batch.locate` turns back into a block and a position in its text.
LanguageTool counts in UTF-16 code units (it is Java); text with characters beyond
the Basic Multilingual Plane (emoji) is converted.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from checker.claims.citations import NOT_PROSE
from checker.compiled_patterns import kept
from checker.model import Document

_EMAIL = kept(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_SKIP = kept(f"{NOT_PROSE.pattern}|{_EMAIL.pattern}")
SEPARATOR = "\n\n"


@dataclass
class Batch:
    """Some of an article's blocks, as one request."""

    parts: list[dict[str, str]] = field(default_factory=list)
    block_starts: list[int] = field(default_factory=list)  # positions in the request text
    blocks: list[int] = field(default_factory=list)  # block indices, in the same order
    length: int = 0
    _wide: list[int] | None = None  # UTF-16 offset -> position, when they differ

    def annotated(self) -> dict[str, Any]:
        return {"annotation": self.parts}

    def add(self, index: int, text: str) -> None:
        if self.blocks:
            self.parts.append({"text": SEPARATOR})
            self.length += len(SEPARATOR)
        self.blocks.append(index)
        self.block_starts.append(self.length)
        last = 0
        for match in _SKIP.finditer(text):
            if match.start() > last:
                self.parts.append({"text": text[last : match.start()]})
            self.parts.append({"markup": match.group(0), "interpretAs": "X"})
            last = match.end()
        if last < len(text):
            self.parts.append({"text": text[last:]})
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(p.get("text", p.get("markup", "")) for p in self.parts)

    def _position(self, utf16: int) -> int:
        if self._wide is None:
            full = self.text
            if all(ord(c) <= 0xFFFF for c in full):
                self._wide = []
            else:
                self._wide = []
                for i, char in enumerate(full):
                    self._wide.append(i)
                    if ord(char) > 0xFFFF:
                        self._wide.append(i)
                self._wide.append(len(full))
        if not self._wide:
            return utf16
        return self._wide[min(utf16, len(self._wide) - 1)]

    def locate(self, offset: int, length: int) -> tuple[int, int, int] | None:
        """``(block index, start, end)`` in the block's text, or ``None`` across blocks."""
        start = self._position(offset)
        end = self._position(offset + length)
        i = bisect_right(self.block_starts, start) - 1
        if i < 0:
            return None
        block_start = self.block_starts[i]
        block_end = (
            self.block_starts[i + 1] - len(SEPARATOR) if i + 1 < len(self.blocks) else self.length
        )
        if end > block_end or (start >= block_end and length):
            return None
        return self.blocks[i], start - block_start, end - block_start


def batches(document: Document, limit: int) -> Iterator[Batch]:
    """The article's non-empty blocks, grouped into requests of at most ``limit`` characters.

    A block longer than the limit goes alone; blocks are never split, so a sentence
    is always checked whole.
    """
    current = Batch()
    for index, block in enumerate(document.blocks):
        text = block.text
        if not text.strip():
            continue
        if current.blocks and current.length + len(SEPARATOR) + len(text) > limit:
            yield current
            current = Batch()
        current.add(index, text)
    if current.blocks:
        yield current
