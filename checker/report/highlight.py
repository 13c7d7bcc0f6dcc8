"""Findings placed in an article's text, for the report's in-place highlights.

Findings point at lines and columns of the source file, while the report shows the
cleaned text of each block (entities decoded, markup stripped).  This module maps
every finding back into the block it covers and renders a block as escaped HTML:
``<mark>`` around the text a finding is about, an anchor where it starts and a
numbered link to the findings list where it ends.  Nothing from the article is
ever emitted unescaped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup, escape

from checker.model import Block, Document, Finding, Severity


@dataclass(frozen=True, slots=True)
class PlacedFinding:
    """A finding, its number on the page, and where it sits in a block's text."""

    number: int
    finding: Finding
    block: int | None  # None: about the whole article, or a line no block shows
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Placement:
    by_block: dict[int, list[PlacedFinding]]
    all: list[PlacedFinding]  # in page order: numbered 1..n


def _source_range(document: Document, finding: Finding) -> tuple[int, int] | None:
    if finding.line is None:
        return None
    lines = document.lines
    start = lines.line_start(finding.line) + (finding.column or 1) - 1
    if finding.end_line is None:
        return start, start
    end = lines.line_start(finding.end_line) + (finding.end_column or 1) - 1
    return start, max(start, end)


def _block_spans(document: Document) -> tuple[list[int], list[tuple[int, int, int]]]:
    """Blocks sorted by where they start in the source: ``(start, end, index)``."""
    spans = []
    for index, block in enumerate(document.blocks):
        segments = block.content.segments
        if segments:
            lo = min(s.src_start for s in segments)
            hi = max(s.src_end for s in segments)
            spans.append((lo, hi, index))
    spans.sort()
    return [s[0] for s in spans], spans


def place_findings(document: Document, findings: tuple[Finding, ...]) -> Placement:
    """Number the findings in page order and find the block text each one covers."""
    starts, spans = _block_spans(document)
    by_block: dict[int, list[PlacedFinding]] = defaultdict(list)
    placed: list[PlacedFinding] = []
    for number, finding in enumerate(findings, start=1):
        source = _source_range(document, finding)
        hit = _place(document, spans, starts, source) if source is not None else None
        if hit is None:
            placed.append(PlacedFinding(number, finding, None))
            continue
        block_index, start, end = hit
        item = PlacedFinding(number, finding, block_index, start, end)
        placed.append(item)
        by_block[block_index].append(item)
    return Placement(dict(by_block), placed)


def _place(
    document: Document,
    spans: list[tuple[int, int, int]],
    starts: list[int],
    source: tuple[int, int],
) -> tuple[int, int, int] | None:
    src_start, src_end = source
    i = bisect_right(starts, src_start) - 1
    # the innermost block that contains the start (an alt text inside a paragraph's span)
    for j in range(i, max(i - 4, -1), -1):
        lo, hi, index = spans[j]
        if lo <= src_start < hi or lo == src_start == hi:
            content = document.blocks[index].content
            start = content.text_offset(src_start)
            if start is None:
                return None
            end = content.text_offset(min(src_end, hi), end=True)
            return index, start, max(start, end if end is not None else start)
    return None


_SEVERITY_WORD = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def _reference(item: PlacedFinding) -> str:
    f = item.finding
    label = f"finding {item.number}: {f.code} {f.name}, {_SEVERITY_WORD[f.severity]}"
    return (
        f'<sup><a class="ref sev-{f.severity.label}" href="#finding-{item.number}" '
        f'id="ref-{item.number}">{item.number}'
        f'<span class="visually-hidden"> ({escape(label)})</span></a></sup>'
    )


def render_block(block: Block, placed: list[PlacedFinding]) -> Markup:
    """A block's text as HTML, with its findings marked where they apply.

    The text is cut at every place a finding or a link starts or ends; each piece is
    escaped and wrapped in one ``<mark>`` whose class names the most severe finding
    covering it (and how many overlap), so overlapping findings need no nesting.
    """
    text = block.text
    links = []
    for link in block.links:
        start = block.content.text_offset(link.start)
        end = block.content.text_offset(link.end, end=True)
        if start is not None and end is not None and end > start:
            links.append((start, end, link.href))
    cuts = {0, len(text)}
    for item in placed:
        cuts.update((item.start, item.end))
    for start, end, _ in links:
        cuts.update((start, end))
    starting: dict[int, list[PlacedFinding]] = defaultdict(list)
    ending: dict[int, list[PlacedFinding]] = defaultdict(list)
    for item in placed:
        starting[item.start].append(item)
        ending[item.end].append(item)
    link_ends: dict[int, list[str]] = defaultdict(list)
    for _, end, href in links:
        link_ends[end].append(href)

    out: list[str] = [] if text else ['<span class="empty">(empty)</span>']
    points = sorted(cuts)
    for k, pos in enumerate(points):
        for item in ending.get(pos, ()):
            if item.end > item.start:
                out.append(_reference(item))
        for href in link_ends.get(pos, ()):
            out.append(f'<span class="link-target">(link to {escape(href)})</span>')
        for item in starting.get(pos, ()):
            out.append(f'<span class="anchor" id="at-{item.number}"></span>')
            if item.end == item.start:
                out.append(_reference(item))
        if k + 1 == len(points):
            break
        nxt = points[k + 1]
        piece = str(escape(text[pos:nxt]))
        if any(start <= pos < end for start, end, _ in links):
            piece = f'<span class="content-link">{piece}</span>'
        covering = [i for i in placed if i.start <= pos < i.end]
        if covering:
            depth = min(len(covering), 3)
            severity = max(i.finding.severity for i in covering).label
            numbers = " ".join(str(i.number) for i in covering)  # for the report's filters
            piece = (
                f'<mark class="hl sev-{severity} depth-{depth}" data-findings="{numbers}">'
                f"{piece}</mark>"
            )
        out.append(piece)
    return Markup("".join(out))
