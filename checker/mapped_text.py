"""Text that remembers where each character came from in the source file.

Every repair and every markup-stripping step changes the text a rule sees, yet
findings must point at the line and column a writer sees in their editor.  A
:class:`MappedText` carries the cleaned text together with a list of segments
that map ranges of it back to source offsets; each transformation returns a
new ``MappedText`` whose segments still point into the original file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import NamedTuple

#: What ``sub`` puts in place of a match: a template, or a function of the match giving
#: text (mapped to the whole match) or a MappedText (a piece of the match, such as a
#: link's text, that keeps its exact place in the source).
Replacement = str | Callable[[re.Match[str]], "str | MappedText"]


class Segment(NamedTuple):
    """A run of cleaned text starting at ``start`` that came from ``src_start:src_end``.

    ``exact`` segments are character-for-character copies of the source, so any
    position inside them maps exactly.  Other segments (an entity turned into a
    character, a joined line) map their whole range to the source span.  A named
    tuple: immutable, and cheap to create by the hundred thousand.
    """

    start: int
    src_start: int
    src_end: int
    exact: bool


class MappedText:
    """Immutable text plus a map from its offsets to offsets in a source file."""

    __slots__ = ("_seg_starts", "segments", "text")

    def __init__(self, text: str, segments: list[Segment]) -> None:
        self.text = text
        self.segments = segments
        self._seg_starts = [s.start for s in segments]

    # -- construction -----------------------------------------------------------------
    @classmethod
    def identity(cls, text: str, offset: int = 0) -> MappedText:
        """Text that is an exact copy of the source starting at ``offset``."""
        return cls(text, [Segment(0, offset, offset + len(text), True)] if text else [])

    @classmethod
    def inserted(cls, text: str, at: int) -> MappedText:
        """Text with no source of its own (a joining space), anchored at source ``at``."""
        return cls(text, [Segment(0, at, at, False)] if text else [])

    @classmethod
    def replacing(cls, text: str, src_start: int, src_end: int) -> MappedText:
        """Text that stands for the source span ``src_start:src_end`` as a whole.

        Empty text keeps the span, so an empty block (an image without alt text)
        still has a position.
        """
        if not text:
            return cls("", [Segment(0, src_start, src_end, False)])
        exact = len(text) == src_end - src_start
        return cls(text, [Segment(0, src_start, src_end, exact)])

    @classmethod
    def concat(cls, parts: Iterable[MappedText]) -> MappedText:
        texts: list[str] = []
        segments: list[Segment] = []
        pos = 0
        for part in parts:
            if not part.text:
                continue
            texts.append(part.text)
            for seg in part.segments:
                segments.append(Segment(seg.start + pos, seg.src_start, seg.src_end, seg.exact))
            pos += len(part.text)
        return cls("".join(texts), segments)

    # -- queries ----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"MappedText({self.text!r})"

    def source_offset(self, pos: int, *, end: bool = False) -> int:
        """Source offset of cleaned position ``pos``.

        With ``end=True`` the position is read as the end of a span, so a span
        ending inside a replaced run covers the whole run.
        """
        if not self.segments:
            return 0
        pos = max(0, min(pos, len(self.text)))
        if end and pos > 0:
            i = bisect_right(self._seg_starts, pos - 1) - 1
        else:
            i = bisect_right(self._seg_starts, pos) - 1
        i = max(i, 0)
        seg = self.segments[i]
        if seg.exact:
            return min(seg.src_start + (pos - seg.start), seg.src_end)
        if end and pos > seg.start:
            return seg.src_end
        return seg.src_start

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.source_offset(start), self.source_offset(end, end=True)

    def text_offset(self, src: int, *, end: bool = False) -> int | None:
        """The cleaned position of source offset ``src``: the inverse of :meth:`source_offset`.

        A source offset inside a replaced run maps to the run's start (its end with
        ``end=True``); one in markup the text skipped maps to the next text (the
        previous with ``end=True``).  ``None`` when the text has no source there at all.
        """
        n = len(self.segments)
        before: int | None = None
        for i, seg in enumerate(self.segments):
            seg_end = self.segments[i + 1].start if i + 1 < n else len(self.text)
            inside = (
                seg.src_start < src <= seg.src_end if end else seg.src_start <= src < seg.src_end
            )
            if inside:
                if seg.exact:
                    return seg.start + (src - seg.src_start)
                return seg_end if end else seg.start
            if seg.src_end <= src:
                before = seg_end
            elif not end:
                return seg.start  # the first text after skipped markup
        return before if end else None

    # -- transformations ----------------------------------------------------------------
    def slice(self, start: int, end: int) -> MappedText:
        start = max(0, start)
        end = min(len(self.text), end)
        if end <= start:
            return MappedText("", [])
        out: list[Segment] = []
        i = max(bisect_right(self._seg_starts, start) - 1, 0)
        n = len(self.segments)
        while i < n:
            seg = self.segments[i]
            seg_end = self.segments[i + 1].start if i + 1 < n else len(self.text)
            if seg.start >= end:
                break
            lo = max(seg.start, start)
            hi = min(seg_end, end)
            if hi > lo:
                if seg.exact:
                    src = seg.src_start + (lo - seg.start)
                    out.append(Segment(lo - start, src, src + (hi - lo), True))
                else:
                    out.append(Segment(lo - start, seg.src_start, seg.src_end, False))
            i += 1
        return MappedText(self.text[start:end], out)

    def sub(
        self, pattern: re.Pattern[str], repl: Replacement, endpos: int | None = None
    ) -> tuple[MappedText, int]:
        """Like ``pattern.subn`` but keeping the source map; returns (text, count).

        ``endpos`` limits where matches may end, as in ``pattern.finditer``.
        """
        pieces: list[MappedText] = []
        last = 0
        count = 0
        end = len(self.text) if endpos is None else endpos
        for match in pattern.finditer(self.text, 0, end):
            new = repl(match) if callable(repl) else match.expand(repl)
            if (new.text if isinstance(new, MappedText) else new) == match.group(0):
                continue
            count += 1
            if match.start() > last:
                pieces.append(self.slice(last, match.start()))
            src_start, src_end = self.source_span(match.start(), match.end())
            if isinstance(new, MappedText):
                pieces.append(new)
            elif match.start() == match.end():
                pieces.append(MappedText.inserted(new, src_start))
            else:
                pieces.append(MappedText.replacing(new, src_start, src_end))
            last = match.end()
        if not count:
            return self, 0
        if last < len(self.text):
            pieces.append(self.slice(last, len(self.text)))
        return MappedText.concat(pieces), count

    def strip(self) -> MappedText:
        stripped = self.text.strip()
        if len(stripped) == len(self.text):
            return self
        start = len(self.text) - len(self.text.lstrip())
        return self.slice(start, start + len(stripped))


class SourceLines:
    """Turns offsets in a source text into 1-based line and column numbers."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", text))
        self._starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1]

    @property
    def count(self) -> int:
        return len(self._starts)
