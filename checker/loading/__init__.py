"""Load an article file into a :class:`~checker.model.Document`, repairing what is broken.

The flow is: read bytes -> decode -> split front matter -> parse the format into
blocks -> repair text in every block -> drop scraped boilerplate -> read inline
``<!-- checker: ... -->`` directives -> decide the language.  Every repair is
recorded on the document so the writer can see what was cleaned.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from checker import languages
from checker.compiled_patterns import kept
from checker.config import Config
from checker.loading.boilerplate import compile_patterns, remove_boilerplate
from checker.loading.decode import decode
from checker.loading.frontmatter import parse_front_matter
from checker.loading.read import read_bounded
from checker.loading.references import mark_references
from checker.loading.repairs import fix_entities, fix_mojibake, normalise_characters
from checker.mapped_text import MappedText, SourceLines
from checker.model import Block, BlockKind, Directive, Document, LoadError, Repair
from checker.wording import count_label

if TYPE_CHECKING:
    from checker.loading.office import OfficeDocument

#: Formats read from a zip archive of XML rather than decoded as text.
OFFICE_FORMATS = ("docx", "odt")

FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".docx": "docx",
    ".odt": "odt",
}
HEADING_FIELDS = frozenset({"title", "question", "headline"})
# The codes run to the next "<" or ">" (callers strip them): a lazy match up to "\s*-->"
# rescanned from every opening, quadratic on many unclosed comments or long blank runs.
_DIRECTIVE = kept(r"<!--\s*checker\s*:\s*(?P<action>[A-Za-z-]+)(?P<codes>[^<>]*)-->", re.IGNORECASE)
DIRECTIVE_ACTIONS = ("ignore", "disable", "enable", "file-ignore")

_ESCAPED_BREAK = "literal '\\n' sequence"
_TEMPLATE_TAG = (
    "template tag, shortcode or attribute list",
    "template tags, shortcodes or attribute lists",
)


def format_of(path: Path) -> str | None:
    return FORMATS.get(path.suffix.lower())


@cache
def _navigation(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return compile_patterns(patterns)


@cache
def _known_language_codes() -> frozenset[str]:
    """The language codes Babel has data for: kept with the tables (listing Babel's locale
    folder takes a start 4 ms)."""
    from checker.table_cache import cached_table, package_stamp

    def build() -> frozenset[str]:
        from babel.localedata import locale_identifiers

        return frozenset(languages.normalise(code) for code in locale_identifiers()) - {""}

    def decode(stored: object) -> frozenset[str]:
        if not isinstance(stored, list) or not all(isinstance(c, str) for c in stored):
            raise ValueError("not a list of language codes")
        return frozenset(stored)

    return cached_table("language-codes", package_stamp("babel"), build, sorted, decode)


def document_id(rel_path: str, config: Config) -> str:
    """The article's id: its path under the content folder, without the extension."""
    stem = rel_path.rsplit(".", 1)[0] if "." in rel_path.rsplit("/", 1)[-1] else rel_path
    for folder in config.paths:
        prefix = folder.strip("/") + "/"
        if stem.startswith(prefix):
            return stem[len(prefix) :]
    return stem


def load_document(
    path: Path,
    config: Config,
    display: str | None = None,
    rel_path: str | None = None,
    *,
    keep_boilerplate: bool = False,
) -> Document:
    """Read and repair one article. Raises :class:`LoadError` for unusable input.

    ``rel_path`` is ``config.relative(path)`` when the caller already has it.
    """
    fmt = format_of(path)
    if fmt is None:
        raise LoadError(
            f"unsupported file type '{path.suffix or path.name}' "
            "(expected .md, .markdown, .html, .htm, .txt, .docx or .odt)"
        )
    data = read_bounded(path, config.max_file_size)
    rel = config.relative(path) if rel_path is None else rel_path
    if fmt in OFFICE_FORMATS:
        from checker.loading.office import read_office

        office = read_office(data, fmt, config.max_file_size)
        source, repairs = office.source, list(office.repairs)
    else:
        office = None
        decoded = decode(data, config.max_file_size)
        source, repairs = decoded.text, list(decoded.repairs)
    return parse_document(
        source,
        fmt,
        rel if display is None else display,
        rel,
        config,
        repairs,
        keep_boilerplate=keep_boilerplate,
        content_hash=hashlib.sha256(data).hexdigest(),
        office=office,
    )


def parse_document(
    source: str,
    fmt: str,
    display: str,
    rel_path: str,
    config: Config,
    repairs: list[Repair] | None = None,
    *,
    keep_boilerplate: bool = False,
    content_hash: str = "",
    office: OfficeDocument | None = None,
) -> Document:
    """Parse decoded text into a document (the part of loading that needs no file).

    ``keep_boilerplate`` keeps navigation lines, teasers and repeated lines, which are
    not the article for scoring but are in the file: a translation must cover them.
    ``office`` is a Word or OpenDocument file already read (``source`` is its text).
    """
    repairs = list(repairs or [])
    if not source.strip():
        raise LoadError("empty file: nothing to check")
    lines = SourceLines(source)
    declared = ""
    declared_source = ""
    declared_line: int | None = None
    metadata: dict[str, object] = {}
    code_lines: list[tuple[int, int]] = []
    blocks: list[Block] = []
    if office is None and fmt in OFFICE_FORMATS:  # the text of one, as a translation is built
        from checker.loading.office import relaid

        office = relaid(source)
    if office is not None:
        blocks = list(office.blocks)
        declared, declared_source = office.language, "document properties"
        if office.title:
            metadata["title"] = office.title
    elif fmt == "html":
        from checker.loading.html import parse_html

        blocks, declared, title = parse_html(source)
        declared_source = "html"
        declared_line = _html_lang_line(source, lines)
        if title:
            metadata["title"] = title
    else:
        front = parse_front_matter(source, config.front_matter_fields)
        body_offset = 0
        if front is not None:
            metadata = dict(front.data)
            declared, declared_source = front.language, "front-matter"
            declared_line = front.language_line
            body_offset = front.body_offset
            if front.escaped_breaks:
                repairs.append(
                    Repair(
                        "escaped-newlines",
                        f"turned {count_label(front.escaped_breaks, _ESCAPED_BREAK)} in front "
                        "matter into line breaks",
                        front.escaped_line,
                        front.escaped_breaks,
                    )
                )
            for name, text in front.fields:
                if name.rsplit(".", 1)[-1] in HEADING_FIELDS and "\n" not in text.text.strip():
                    blocks.append(
                        Block(BlockKind.HEADING, text.strip(), level=1, source_field=name)
                    )
                else:
                    from checker.loading.markdown import parse_markdown

                    field_blocks, _ = parse_markdown(text, source_field=name, lines=lines)
                    blocks.extend(field_blocks)
        if fmt == "markdown":
            from checker.loading.markdown import parse_markdown

            body = MappedText.identity(source[body_offset:], body_offset)
            body_blocks, ranges = parse_markdown(body, lines=lines)
            repairs.extend(_markup_repairs(body.text, body_offset, lines))
            first_line = lines.line_col(body_offset)[0]
            code_lines = [(first_line + a, first_line + b) for a, b in ranges]
            blocks.extend(body_blocks)
        else:
            from checker.loading.plaintext import parse_text

            body_blocks, text_repairs = parse_text(source, body_offset)
            blocks.extend(body_blocks)
            repairs.extend(text_repairs)

    blocks, text_repairs = _repair_blocks(blocks, lines)
    repairs.extend(text_repairs)
    line_for = {id(b): lines.line_col(b.content.source_offset(0))[0] for b in blocks}
    repairs.extend(_run_together_repairs(blocks, line_for))
    if not keep_boilerplate:
        blocks, removed = remove_boilerplate(blocks, _navigation(config.boilerplate), line_for)
        repairs.extend(removed)
    blocks, marked = mark_references(blocks, line_for)
    repairs.extend(marked)

    choice = languages.choose(
        declared,
        declared_source,
        Path(rel_path),
        config.default_language,
        _known_language_codes(),
    )
    if choice.source == "default" and config.detect_language:
        choice = _detected(blocks, choice, config.languages)
    return Document(
        path=display,
        id=document_id(rel_path, config),
        format=fmt,
        lang=choice.lang,
        lang_source=choice.source,
        declared_lang=choice.declared,
        source=source,
        lines=lines,
        blocks=tuple(blocks),
        repairs=tuple(sorted(repairs, key=lambda r: (r.line or 0, r.kind))),
        directives=tuple(find_directives(source, lines, code_lines)),
        metadata=metadata,
        lang_line=declared_line if choice.source in ("front-matter", "html") else None,
        content_hash=content_hash,
    )


def _run_together_repairs(blocks: list[Block], line_for: dict[int, int]) -> list[Repair]:
    """One repair per Markdown paragraph read as the separate lines it was written as."""
    groups: dict[tuple[str, str], list[Block]] = {}
    for block in blocks:
        group = block.attrs.get("run_together")
        if group:
            groups.setdefault((block.source_field, group), []).append(block)
    return [
        Repair(
            "run-together",
            f"read {len(group)} lines that Markdown runs into one paragraph as separate "
            "headings and paragraphs; put a blank line between them",
            line_for.get(id(group[0])),
            len(group),
        )
        for group in groups.values()
    ]


_HTML_LANG = kept(r"<html\b[^>]*?\blang\s*=", re.IGNORECASE)


def _html_lang_line(source: str, lines: SourceLines) -> int | None:
    """The line of ``<html lang=...>``, for messages about the declared language."""
    found = _HTML_LANG.search(source)
    return lines.line_col(found.start())[0] if found else None


#: Words of prose needed before detection decides an undeclared article's language.
MIN_WORDS_TO_DETECT = 25


def _detected(
    blocks: list[Block], choice: languages.LanguageChoice, candidates: tuple[str, ...]
) -> languages.LanguageChoice:
    """The language an article that declares none is written in, when detection is sure
    ("Le paracétamol est..." is French whatever the default); else the default."""
    from checker.plain.language_detect import (
        MIN_FUNCTION_WORD_SHARE,
        clearly_in,
        detect_language,
        function_word_share,
    )

    text = " ".join(b.text for b in blocks if b.kind.is_prose)
    if len(text.split()) < MIN_WORDS_TO_DETECT or clearly_in(text, choice.lang, candidates):
        return choice
    found = detect_language(text, candidates)
    if found is None or found[0] == choice.lang:
        return choice
    if function_word_share(text, found[0]) < MIN_FUNCTION_WORD_SHARE:
        return choice  # not prose in that language: lorem ipsum, a list of names
    return languages.LanguageChoice(found[0], "", "detected")


def _markup_repairs(text: str, offset: int, lines: SourceLines) -> list[Repair]:
    """A note of the template tags, shortcodes and attribute lists taken out of the prose."""
    from checker.loading.markdown import ATTRIBUTE_LIST, TEMPLATE_TAG

    if "{" not in text:
        return []
    found = sorted(
        [m.start() for m in TEMPLATE_TAG.finditer(text)]
        + [m.start() for m in ATTRIBUTE_LIST.finditer(text)]
    )
    if not found:
        return []
    return [
        Repair(
            "markup",
            f"took {count_label(len(found), *_TEMPLATE_TAG)} "
            "('{% ... %}', '{{ ... }}', '{{< ... >}}', '{rel=external}') out of the prose",
            lines.line_col(offset + found[0])[0],
            len(found),
        )
    ]


def _repair_blocks(blocks: list[Block], lines: SourceLines) -> tuple[list[Block], list[Repair]]:
    counts: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    repaired: list[Block] = []
    for block in blocks:
        content = block.content
        content, mojibake = fix_mojibake(content)
        content, entities = fix_entities(content)
        content = normalise_characters(content)
        for kind, count in (("mojibake", mojibake), ("entities", entities)):
            if count:
                counts[kind] += count
                first_line.setdefault(kind, lines.line_col(block.content.source_offset(0))[0])
        if content is not block.content:
            content = content.strip()
            if not content.text and block.kind is not BlockKind.IMAGE_ALT:
                continue
            block = dataclasses.replace(block, content=content)
        repaired.append(block)
    repairs = []
    if counts["mojibake"]:
        repairs.append(
            Repair(
                "mojibake",
                f"fixed {count_label(counts['mojibake'], 'mis-decoded character')} (UTF-8 read as "
                "Windows-1252, "
                "such as 'â€™' for '’')",
                first_line["mojibake"],
                counts["mojibake"],
            )
        )
    if counts["entities"]:
        repairs.append(
            Repair(
                "entities",
                f"decoded {count_label(counts['entities'], 'HTML entity', 'HTML entities')} "
                "left in the text (such as '&nbsp;')",
                first_line["entities"],
                counts["entities"],
            )
        )
    return repaired, repairs


def find_directives(
    source: str, lines: SourceLines, code_lines: list[tuple[int, int]]
) -> list[Directive]:
    """``<!-- checker: ACTION CODES -->`` comments outside code blocks."""
    found = []
    for match in _DIRECTIVE.finditer(source):
        line, column = lines.line_col(match.start())
        if any(a <= line < b for a, b in code_lines):
            continue
        codes = tuple(c for c in re.split(r"[\s,]+", match.group("codes").strip()) if c)
        found.append(Directive(match.group("action").lower(), codes, line, column))
    return found
