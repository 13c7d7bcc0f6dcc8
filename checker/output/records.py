"""Results as records of the JSON contract, and the run summary every format ends with.

A record is one article's object in the JSON contract: plain dicts, lists and
strings.  Workers send records, the result cache keeps them as orjson bytes, and
every output format prints them one at a time as they arrive, so a run over tens of
thousands of articles never holds all its findings at once and a cached article
costs no Python object per finding.  :func:`records_of` turns a
:class:`~checker.engine.CheckResult` into the same records, so the library API and
the streaming CLI print byte for byte the same output.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import orjson

from checker.compiled_patterns import kept
from checker.loading import HEADING_FIELDS
from checker.model import BlockKind, Document, Severity
from checker.summary import RunSummary

if TYPE_CHECKING:
    from checker.engine import ArticleResult, CheckResult

Record = dict[str, Any]

_JSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS


def title_line(document: Document) -> int | None:
    """The line of the article's title (a title field, else its first heading), if any.

    Formats that need a line for a whole-article finding (SARIF for GitHub) point there.
    """
    headings = [block for block in document.blocks if block.kind is BlockKind.HEADING]
    titled = [block for block in headings if block.source_field in HEADING_FIELDS]
    chosen = titled or headings
    return document.position(chosen[0].content.source_offset(0))[0] if chosen else None


def article_record(article: ArticleResult) -> Record:
    """The article's object in the JSON contract."""
    doc = article.document
    return {
        "path": doc.path,
        "id": doc.id,
        "lang": doc.lang or None,
        "lang_source": doc.lang_source,
        "format": doc.format,
        "built_from": doc.metadata.get("built_from"),
        "title_line": title_line(doc),
        "repairs": [r.to_json() for r in doc.repairs],
        "metrics": article.metrics,
        "findings": [f.to_json() for f in article.findings],
    }


def severity_counts(record: Mapping[str, Any]) -> dict[str, int]:
    """Findings of one record by severity label (error, warning, info)."""
    out = {s.label: 0 for s in reversed(Severity)}
    for finding in record["findings"]:
        out[finding["severity"]] += 1
    return out


class Renderer(Protocol):
    """An output format printed piece by piece: a start, one piece per record, an end.

    :meth:`article` depends on the record alone, so the result cache can keep it
    (under :attr:`signature`); :meth:`emit` places a piece after what came before.
    """

    signature: str  # the format and every option that changes a piece
    separator: str  # between two non-empty pieces

    def start(self) -> str: ...

    def article(self, record: Record) -> str: ...

    def emit(self, piece: str) -> str: ...

    def finish(self, summary: RunSummary) -> str: ...


class Pieces:
    """:meth:`Renderer.emit` for formats whose pieces need a separator (JSON arrays)."""

    separator = ""

    def __init__(self) -> None:
        self.emitted = False

    def emit(self, piece: str) -> str:
        if not piece:
            return ""
        out = self.separator + piece if self.emitted else piece
        self.emitted = True
        return out


def pieces_of(renderer: Renderer, records: Iterable[Record]) -> str:
    """One piece for several records (a catalog and the translation it builds)."""
    return renderer.separator.join(p for p in map(renderer.article, records) if p)


def records_of(result: CheckResult) -> Iterator[Record]:
    for article in result.articles:
        yield article_record(article)


def render_all(renderer: Renderer, records: Iterable[Record], summary: RunSummary) -> str:
    """The whole output at once (the library API and ``report.json``)."""
    pieces = [renderer.start()]
    pieces.extend(renderer.emit(renderer.article(record)) for record in records)
    pieces.append(renderer.finish(summary))
    return "".join(pieces)


def lines_text(lines: Iterable[str]) -> str:
    """Lines, each ended by a newline."""
    return "".join(f"{line}\n" for line in lines)


# -- indented JSON written piece by piece --------------------------------------------------

#: Where the streamed array goes in a :class:`JsonStream` skeleton.
STREAM = "\x00stream"
_LATE = "\x00late:"
#: A placeholder is a value (after a key's ": "), never a key that happens to spell one.
_SENTINEL = kept(r'(?<=": )"\\u0000(stream|late:[a-z_]+)"')


def dumps(value: Any, indent: int = 0) -> str:
    """``value`` as indented JSON, every line after the first shifted by ``indent``."""
    text = orjson.dumps(value, option=_JSON_OPTIONS).decode("utf-8")
    return text.replace("\n", "\n" + " " * indent) if indent else text


def late(name: str) -> str:
    """A placeholder in a :class:`JsonStream` skeleton for a value known only at the end."""
    return _LATE + name


class JsonStream:
    """An indented JSON document with one array streamed item by item.

    The skeleton is the whole document with :data:`STREAM` where the streamed array
    goes and :func:`late` placeholders, after it, for values filled in at the end.
    The pieces put together are byte for byte what orjson prints for the complete
    document with two-space indentation.
    """

    def __init__(self, skeleton: Mapping[str, Any]) -> None:
        text = dumps(skeleton)
        self._parts: list[tuple[str, str, int]] = []  # (text before, placeholder, indent)
        position = 0
        for match in _SENTINEL.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            indent = len(text[line_start:]) - len(text[line_start:].lstrip(" "))
            self._parts.append((text[position : match.start()], match.group(1), indent))
            position = match.end()
        self._tail = text[position:]
        if not self._parts or self._parts[0][1] != "stream":
            raise ValueError("the skeleton needs the streamed array before any late value")

    def start(self) -> str:
        return self._parts[0][0] + "["

    def item(self, value: Any) -> str:
        """One item of the array; items are separated by ``,``."""
        indent = self._parts[0][2] + 2
        return f"\n{' ' * indent}{dumps(value, indent)}"

    def finish(self, values: Mapping[str, Any], *, items: bool) -> str:
        """The end of the document; ``items`` says whether the array has any."""
        indent = self._parts[0][2]
        pieces = [f"\n{' ' * indent}]" if items else "]"]
        for before, placeholder, at in self._parts[1:]:
            pieces.append(before)
            pieces.append(dumps(values[placeholder.removeprefix("late:")], at))
        pieces.append(self._tail)
        pieces.append("\n")
        return "".join(pieces)
