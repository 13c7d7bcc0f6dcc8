"""The data every stage shares: documents, blocks, repairs and findings.

Loaders produce :class:`Document` objects, analysis reads them, rules turn them
into :class:`Finding` objects, and outputs print those.  Everything here is a
plain frozen dataclass so that stages cannot change each other's data.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from checker.mapped_text import MappedText, SourceLines


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected error, warning or info)"
            ) from None


class BlockKind(enum.StrEnum):
    """The structure a piece of text came from; rules are scoped by it."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE_CELL = "table-cell"
    QUOTE = "quote"
    IMAGE_ALT = "image-alt"
    REFERENCE = "reference"  # an entry of a reference list: a citation, not prose

    @property
    def is_prose(self) -> bool:
        """Running text that reading-grade formulas are meant for."""
        return self in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE)


@dataclass(frozen=True, slots=True)
class Link:
    """A link in a block: its visible text, its target and the text's source span."""

    text: str
    href: str
    start: int  # source offsets of the link text (of the whole link when it has none)
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of an article, with its cleaned text mapped to the source."""

    kind: BlockKind
    content: MappedText
    level: int = 0  # heading level, or list depth
    source_field: str = ""  # the front-matter field the block came from, if any
    attrs: dict[str, str] = field(default_factory=dict)  # image source, alt state ...
    links: tuple[Link, ...] = ()

    @property
    def text(self) -> str:
        return self.content.text


@dataclass(frozen=True, slots=True)
class Repair:
    """Something the loader cleaned up, so the writer can see what was changed."""

    kind: str  # mojibake, entities, teaser, reflow, ...
    message: str
    line: int | None = None
    count: int = 1

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "line": self.line, "count": self.count}


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline ``<!-- checker: ... -->`` comment."""

    action: str  # ignore, disable, enable, file-ignore
    codes: tuple[str, ...]
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded article: where it came from, its language, and its blocks."""

    path: str  # as given on the command line, relative when possible
    id: str
    format: str  # markdown, html, text
    lang: str  # normalised language code, "" when unknown
    lang_source: str  # front-matter, html, path, default
    declared_lang: str  # the raw value found, for messages
    source: str  # the decoded file text that positions refer to
    lines: SourceLines
    blocks: tuple[Block, ...]
    repairs: tuple[Repair, ...] = ()
    directives: tuple[Directive, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    lang_line: int | None = None  # where the language is declared, when in the file
    content_hash: str = ""  # SHA-256 of the bytes read, so results are cached by what was read

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.line_col(offset)


class Scope(enum.StrEnum):
    """Where a finding applies."""

    DOCUMENT = "document"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE_CELL = "table-cell"
    QUOTE = "quote"
    IMAGE_ALT = "alt-text"
    SENTENCE = "sentence"

    @classmethod
    def of(cls, kind: BlockKind) -> Scope:
        return _SCOPE_OF_KIND[kind]


_SCOPE_OF_KIND = {
    BlockKind.HEADING: Scope.HEADING,
    BlockKind.PARAGRAPH: Scope.PARAGRAPH,
    BlockKind.LIST_ITEM: Scope.LIST_ITEM,
    BlockKind.TABLE_CELL: Scope.TABLE_CELL,
    BlockKind.QUOTE: Scope.QUOTE,
    BlockKind.IMAGE_ALT: Scope.IMAGE_ALT,
    BlockKind.REFERENCE: Scope.PARAGRAPH,
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one place, in the shape every output format prints."""

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    scope: Scope
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    text: str = ""
    suggestion: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple[int, int, int, str]:
        return (
            0 if self.line is None else 1,
            self.line or 0,
            self.column or 0,
            self.code,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "suggestion": self.suggestion,
            "scope": self.scope.value,
            "details": self.details,
        }


@dataclass(frozen=True, slots=True)
class CatalogUnit:
    """One live catalog entry, for views that show source and translation side by side."""

    line: int  # the entry's line in the PO file, where its TRN findings point
    context: str | None  # msgctxt
    source: str
    translation: str
    state: str  # translated, fuzzy or untranslated
    previous_source: str | None = None  # the source a fuzzy entry was translated from
    references: tuple[str, ...] = ()  # "content/x.md:12"
    glossary: tuple[tuple[str, str], ...] = ()  # (term, its approved translations) it uses


@dataclass(frozen=True, slots=True)
class InputError:
    """A file that could not be checked, with the reason and the line where known."""

    path: str
    message: str
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "message": self.message}


@dataclass(frozen=True, slots=True)
class Suppressions:
    """The comments that are malformed (with the reason) and those that suppressed nothing."""

    invalid: tuple[tuple[Directive, str], ...] = ()
    unused: tuple[Directive, ...] = ()


class LoadError(Exception):
    """Raised by loaders for input that cannot be read; becomes an :class:`InputError`."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
