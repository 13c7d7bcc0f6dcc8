"""Recognise citations in the source text of a sentence, and check that markers resolve.

Recognised: links to the web (Markdown or HTML), bare URLs, numeric markers
(``[1]``, ``[1, 2]``, ``[1-3]``, superscripts), Markdown footnotes (``[^3]``),
author-year citations ("(Smith et al., 2019)", "Smith and Lee (2020)"), DOIs,
PMIDs and PMCIDs, and named sources from the language's cue list ("according to
the WHO", "a 2021 Cochrane review found").  The raw source is searched, so
markup the loader removes from the text (footnote markers, ``<sup>``) still counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from checker.claims.cues import CueSet
from checker.compiled_patterns import kept
from checker.loading.references import REFERENCE_HEADINGS
from checker.model import BlockKind, Document, Link

_SUPERSCRIPT_DIGITS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
_NUMBERS = r"\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*"
#: Citation forms, by kind.  Numeric and footnote markers name what they point to.
_PATTERNS: dict[str, str] = {
    "url": r"(?<![\w/(\"'=])(?:https?://|www\.)[^\s<>\"')\]]+",
    "doi": r"\b(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/[^\s<>\"]+",
    "pmid": r"\bPMID:?\s*\d{5,9}\b|\bPMC\d{5,9}\b",
    "footnote": r"\[\^(?P<note>[^\]\s]+)\]",
    "number": rf"\[\s*(?P<nums>{_NUMBERS})\s*\]",
    # a superscript after a digit or a unit is a power ("10\u2079", "m\u00b2"), and after
    # I, R or chi a statistic ("I\u00b2 = 38%", "R\u00b2", "\u03c7\u00b2"), not a marker
    "superscript": rf"<sup>\s*\[?(?P<sup>{_NUMBERS})\]?\s*</sup>"
    rf"|(?<![\dmIRr\u03c7])[{_SUPERSCRIPT_DIGITS}]+",
    # a reference number that lost its superscript: "in adults.1 Normally", "cancer.1,2"
    "digits": r"(?<=(?:[^\W\d_]{2}|\w%|\w\))[.!?])\d{1,3}(?:[,\u2013-]\d{1,3})*"
    r"(?=\s+[\"'\u201c\u2018\u00ab(\[]*[^\W\d_a-z]|\s*$)",
    # "(Smith et al., 2019)", "(PNAS: Kristensen et al, 2018)", "[Xia 2020]"
    "author-year": r"[(\[]\s*(?:see\s+)?(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4}:\s*)?"
    r"[A-Z][\w'\u2019-]+(?:\s+et\s+al\.?|\s+(?:and|&|y|et|und)\s+"
    r"[A-Z][\w'\u2019-]+)?,?\s+(?:19|20)\d{2}[a-z]?(?:\s*[;,]\s*[^()\[\]]{0,80})?[)\]]"
    r"|\b[A-Z][\w'\u2019-]+(?:\s+et\s+al\.?|\s+(?:and|&|y|et|und)\s+[A-Z][\w'\u2019-]+)?"
    r"\s+\((?:19|20)\d{2}[a-z]?\)",
}
_ANY = kept("|".join(f"(?P<{k.replace('-', '_')}>{v})" for k, v in _PATTERNS.items()))
#: Markers and addresses that are not prose: grammar checkers must not see them.
NOT_PROSE = kept(
    "|".join(_PATTERNS[k] for k in ("url", "doi", "pmid", "footnote", "number", "superscript"))
)
#: Markers written right after a sentence's full stop still belong to it.
_TRAILING = kept(
    rf"(?:\s*(?:\[\^[^\]\s]+\]|\[\s*{_NUMBERS}\s*\]|<sup>.*?</sup>|[{_SUPERSCRIPT_DIGITS}]+))+"
)
#: Something every form in ``_PATTERNS`` contains (an author-year citation has a year,
#: plain reference digits follow a full stop): a sentence without any is not searched.
_TRIGGER = kept(
    rf"[\[<{_SUPERSCRIPT_DIGITS}]|https?:|www\.|doi|10\.\d|PMC\d|PMID|(?:19|20)\d\d"
    r"|(?:[^\W\d_]|[%)])[.!?]\d",
    re.IGNORECASE,
)
_WEB = kept(r"(?:https?://|www\.|doi:)", re.IGNORECASE)
_FOOTNOTE_DEFINITION = kept(r"(?m)^[ \t]{0,3}\[\^([^\]\s]+)\]:")
_NUMBER_DEFINITION = kept(r"(?m)^[ \t]{0,3}\[(\d{1,3})\]:\s*\S")


@dataclass(frozen=True, slots=True)
class Citation:
    kind: str  # link, url, doi, pmid, footnote, number, superscript, digits, author-year, source
    text: str
    start: int  # source offsets
    end: int
    targets: tuple[str, ...] = ()  # footnote labels or reference numbers it points to


def _numbers(spec: str) -> tuple[str, ...]:
    """``"1, 3-5"`` -> ``("1", "3", "4", "5")``."""
    out: list[str] = []
    for part in re.split(r"\s*,\s*", spec.strip()):
        bounds = re.split(r"\s*[-\u2013]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            if 0 < high - low < 50:
                out.extend(str(n) for n in range(low, high + 1))
                continue
        out.extend(b for b in bounds if b.isdigit())
    return tuple(out)


_SUPERSCRIPT_VALUES = str.maketrans(_SUPERSCRIPT_DIGITS, "1230456789")


def find_citations(
    source: str, start: int, end: int, cues: CueSet, links: Iterable[Link] = ()
) -> list[Citation]:
    """Citations in ``source[start:end]``, with the markers written right after it.

    Markers opening the span belong to the sentence before, so they are skipped.
    """
    leading = _TRAILING.match(source, start)
    if leading is not None and leading.end() < end:
        start = leading.end()
    trailing = _TRAILING.match(source, end)
    if trailing is not None:
        end = trailing.end()
    found = [
        Citation("link", link.text, link.start, link.end)
        for link in links
        if start <= link.start < end and _WEB.match(link.href)
    ]
    matches = _ANY.finditer(source, start, end) if _TRIGGER.search(source, start, end) else ()
    for match in matches:
        kind = (match.lastgroup or "").replace("_", "-")
        if kind == "url" and any(c.start <= match.start() < c.end for c in found):
            continue  # the visible text of a link
        targets: tuple[str, ...] = ()
        if kind == "footnote":
            targets = (match.group("note"),)
        elif kind == "number":
            targets = _numbers(match.group("nums"))
        elif kind == "superscript":
            spec = match.group("sup") or match.group(0).translate(_SUPERSCRIPT_VALUES)
            targets = _numbers(spec) if match.group("sup") else tuple(spec)
        found.append(Citation(kind, match.group(0), match.start(), match.end(), targets))
    text = source[start:end]
    named = cues.search("source", text)
    if named is not None:
        found.append(Citation("source", named.group(0), start + named.start(), start + named.end()))
    return found


@dataclass(frozen=True, slots=True)
class References:
    """What markers can point to: footnote labels, and numbered references."""

    footnotes: frozenset[str]
    numbers: int  # entries in the reference list (numbered 1..n)
    explicit_numbers: frozenset[str]  # [n]: definitions
    section_blocks: frozenset[int]  # blocks inside a reference section (not checked for claims)
    heading: str = ""  # the heading of the article's reference section, if it has one

    def resolves(self, citation: Citation) -> list[str]:
        """The targets of a marker that point nowhere."""
        if citation.kind == "footnote":
            return [t for t in citation.targets if t not in self.footnotes]
        if citation.kind in ("number", "superscript"):
            return [
                t
                for t in citation.targets
                if t not in self.explicit_numbers and not (0 < int(t) <= self.numbers)
            ]
        return []

    @property
    def has_list(self) -> bool:
        return bool(self.footnotes or self.numbers or self.explicit_numbers)


def find_references(document: Document) -> References:
    """The article's footnote definitions and reference list, if it has them."""
    footnotes = frozenset(_FOOTNOTE_DEFINITION.findall(document.source))
    explicit = frozenset(_NUMBER_DEFINITION.findall(document.source))
    section: set[int] = set()
    entries = 0
    level = 0
    inside = False
    heading = ""
    for index, block in enumerate(document.blocks):
        if block.kind is BlockKind.HEADING:
            if inside and block.level <= level:
                inside = False
            if not inside and REFERENCE_HEADINGS.match(block.text):
                inside, level = True, block.level
                heading = heading or block.text.strip()
            continue
        if inside:
            section.add(index)
            if block.kind in (BlockKind.REFERENCE, BlockKind.LIST_ITEM, BlockKind.PARAGRAPH):
                entries += 1
    # footnote definitions are paragraphs too: never claims
    for index, block in enumerate(document.blocks if footnotes else ()):
        span = block.content.source_span(0, len(block.text))
        line_start = document.source.rfind("\n", 0, span[0]) + 1
        if _FOOTNOTE_DEFINITION.match(document.source, line_start):
            section.add(index)
    return References(footnotes, entries, explicit, frozenset(section), heading if entries else "")
