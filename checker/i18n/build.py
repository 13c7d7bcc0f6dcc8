"""Rebuild an article in another language from its catalog, in the source's own format.

Each unit's translation goes where its source text was, so everything that is not
translatable (front matter keys, Markdown structure, HTML tags and attributes,
link targets) stays exactly as the writer left it, and the article's language
declaration is set to the locale.  Untranslated and fuzzy units fall back to the
source text and are marked with an HTML comment where the format allows one.
The result is parsed again before it is written: a translation that would change
the article's structure (a stray ``#`` at the start of a line, a broken YAML
string) is refused with the unit named, rather than written.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import polib
import yaml

from checker.compiled_patterns import kept
from checker.config import Config
from checker.files import write_text_atomically
from checker.i18n.catalog import CatalogError, catalog_lock, read_catalog
from checker.i18n.layout import Layout
from checker.i18n.stats import state
from checker.i18n.units import context_of, unit_text
from checker.i18n.workflow import StepResult, cannot_write
from checker.loading import OFFICE_FORMATS, format_of, load_document, parse_document
from checker.loading.frontmatter import LANGUAGE_KEYS, split_front_matter
from checker.loading.read import read_bounded
from checker.model import BlockKind, Document, LoadError

FALLBACK_NOTES = {
    "untranslated": "<!-- i18n: untranslated, source text -->",
    "fuzzy": "<!-- i18n: translation needs review, source text -->",
}
_HTML_OPEN = kept(r"<html\b[^>]*>", re.IGNORECASE)
_HTML_LANG = kept(r"""(\blang\s*=\s*)(["']?)[^"'\s>]*\2""", re.IGNORECASE)


class BuildError(Exception):
    """The translation cannot be rebuilt as it is."""


@dataclass(slots=True)
class BuiltArticle:
    """A translated article, ready to write or check."""

    source: Document
    locale: str
    text: str
    path: Path
    translated: int = 0
    fallbacks: list[tuple[int, str]] = field(default_factory=list)  # (source line, state)

    @property
    def units(self) -> int:
        return self.translated + len(self.fallbacks)

    @property
    def translated_percent(self) -> float:
        return round(100.0 * self.translated / self.units, 1) if self.units else 100.0


def _yaml_value(source: str, start: int, translation: str) -> str:
    """``translation`` written so that it stays the same YAML string as the text it replaces."""
    line_start = source.rfind("\n", 0, start) + 1
    before = source[line_start:start].rstrip(" \t")
    if before.endswith('"'):
        return json.dumps(translation, ensure_ascii=False)[1:-1]
    if before.endswith("'"):
        return translation.replace("'", "''")
    try:
        if yaml.safe_load(f"key: {translation}") == {"key": translation}:
            return translation
    except yaml.YAMLError:
        pass
    return json.dumps(translation, ensure_ascii=False)


def _declare_language(text: str, fmt: str, locale: str) -> str:
    """``text`` with its language declaration set to ``locale`` (the path says it for .txt)."""
    if fmt == "html":
        opening = _HTML_OPEN.search(text)
        if opening is None:
            return text
        tag = opening.group(0)
        if _HTML_LANG.search(tag):
            new_tag = _HTML_LANG.sub(lambda m: f'{m.group(1)}"{locale}"', tag, count=1)
        else:
            new_tag = tag[:5] + f' lang="{locale}"' + tag[5:]
        return text[: opening.start()] + new_tag + text[opening.end() :]
    if fmt != "markdown":
        return text
    front = split_front_matter(text)
    if front is None:
        return f"---\nlang: {locale}\n---\n\n{text}"
    yaml_text, yaml_offset, _ = front
    key = re.search(rf"^(?:{'|'.join(LANGUAGE_KEYS)})[ \t]*:[ \t]*(.*)$", yaml_text, re.MULTILINE)
    if key is None:
        return text[:yaml_offset] + f"lang: {locale}\n" + text[yaml_offset:]
    start, end = yaml_offset + key.start(1), yaml_offset + key.end(1)
    return text[:start] + locale + text[end:]


def build_article(
    document: Document, catalog: polib.POFile, locale: str, target: Path
) -> BuiltArticle:
    """The article rebuilt from ``catalog`` (nothing is written)."""
    entries = {(e.msgctxt, e.msgid): e for e in catalog if not e.obsolete}
    built = BuiltArticle(document, locale, "", target)
    replacements: list[tuple[int, int, str]] = []
    in_front_matter = 0
    front = split_front_matter(document.source) if document.format == "markdown" else None
    if front is not None:
        in_front_matter = front[2]
    office = document.format in OFFICE_FORMATS
    for block in document.blocks:
        if office and block.kind is BlockKind.IMAGE_ALT:
            continue  # alt text lives in the document's drawing, not in its paragraphs
        text, (start, end) = unit_text(document, block)
        if not text.strip():
            continue
        entry = entries.get((context_of(block), text))
        status = "untranslated" if entry is None else state(entry)
        line = document.position(start)[0]
        if entry is not None and status == "translated":
            value = entry.msgstr
            built.translated += 1
        else:
            built.fallbacks.append((line, status))
            if block.source_field or document.format == "text":
                continue  # no room for a note: the source text stays as it is
            value = text
            if block.kind is not BlockKind.IMAGE_ALT:
                value = f"{text} {FALLBACK_NOTES[status]}"
        if block.source_field and start < in_front_matter:
            value = _yaml_value(document.source, start, value)
        replacements.append((start, end, value))
    pieces: list[str] = []
    position = 0
    for start, end, value in sorted(replacements):
        if start < position:
            continue  # a span inside one already replaced
        pieces.append(document.source[position:start])
        pieces.append(value)
        position = end
    pieces.append(document.source[position:])
    built.text = _declare_language("".join(pieces), document.format, locale)
    return built


def verify(built: BuiltArticle, config: Config) -> None:
    """Parse the rebuilt text and make sure it has the source's blocks, in the locale."""
    rel = config.relative(built.path)
    try:
        again = parse_document(
            built.text, built.source.format, rel, rel, config, keep_boilerplate=True
        )
    except LoadError as exc:
        raise BuildError(f"the rebuilt article cannot be read: {exc}") from None
    want = [b.kind for b in built.source.blocks if b.text.strip()]
    got = [b.kind for b in again.blocks if b.text.strip()]
    if want != got:
        for index, (a, b) in enumerate(zip(want, got, strict=False)):
            if a != b:
                block = [b for b in built.source.blocks if b.text.strip()][index]
                line = built.source.position(block.content.source_offset(0))[0]
                raise BuildError(
                    f"the translation of the {a.value} at line {line} changes the article's "
                    f"structure (it reads as a {b.value}); check its markup"
                )
        raise BuildError(
            f"the rebuilt article has {len(got)} blocks where the source has {len(want)}; "
            "a translation adds or removes structure (a line break, a list marker)"
        )


def build(
    config: Config,
    locale: str,
    articles: list[str] | None = None,
    min_translated: float | None = None,
) -> list[StepResult]:
    """Write the translated article of every catalog of ``locale`` that is translated enough."""
    layout = Layout.of(config)
    least = config.i18n.min_translated if min_translated is None else min_translated
    outcomes: list[StepResult] = []
    for article_id, catalog_path in layout.catalogs(locale):
        if articles and article_id not in articles:
            continue
        rel_catalog = config.relative(catalog_path)
        try:
            with catalog_lock(catalog_path):  # never between an update's read and write
                catalog = read_catalog(catalog_path)
            document = load_source(config, catalog, catalog_path)
            if document.format in OFFICE_FORMATS:
                outcomes.append(
                    StepResult(
                        rel_catalog,
                        "not-built",
                        f"translated {document.format} documents are not built yet: the "
                        "catalog is checked and reported, and the translation is in it",
                    )
                )
                continue
            target = layout.built(locale, article_id, Path(document.path).suffix)
            built = build_article(document, catalog, locale, target)
            if built.translated_percent < least:
                outcomes.append(
                    StepResult(
                        rel_catalog,
                        "refused",
                        f"only {built.translated_percent:.1f}% of {built.units} units are "
                        f"translated (at least {least:g}% needed; see --min-translated)",
                        True,
                    )
                )
                continue
            verify(built, config)
        except (CatalogError, BuildError) as exc:
            message = exc.message if isinstance(exc, CatalogError) else str(exc)
            outcomes.append(StepResult(rel_catalog, "error", message, True))
            continue
        try:
            write_text_atomically(target, built.text)
        except OSError as exc:
            outcomes.append(cannot_write(config.relative(target), exc))
            continue
        detail = f"{built.translated}/{built.units} units translated"
        if built.fallbacks:
            lines = ", ".join(f"{line} ({status})" for line, status in built.fallbacks[:8])
            more = "..." if len(built.fallbacks) > 8 else ""
            detail += f"; source text kept at lines {lines}{more}"
        outcomes.append(StepResult(config.relative(target), "built", detail))
    if not outcomes:
        outcomes.append(
            StepResult(config.relative(layout.locales_dir), "nothing", f"no {locale} catalogs")
        )
    return outcomes


def load_source(config: Config, catalog: polib.POFile, catalog_path: Path) -> Document:
    """The source article a catalog translates (named in its ``X-Source-File`` header)."""
    source = catalog.metadata.get("X-Source-File", "")
    if not source:
        raise CatalogError(catalog_path, 1, "the header names no source article (X-Source-File)")
    path = config.root / source
    if format_of(path) is None or not path.is_file():
        raise CatalogError(catalog_path, 1, f"the source article {source} is missing")
    try:
        return _loaded_source(path, source, config)
    except LoadError as exc:
        raise CatalogError(
            catalog_path, 1, f"the source article {source} cannot be read: {exc}"
        ) from None


#: Source articles already loaded in this process, by file and version: every locale's
#: catalog of an article reads the same source (a worker checks many of them).
_SOURCES: OrderedDict[tuple[int, str, bytes], Document] = OrderedDict()
_SOURCES_KEPT = 512


def _loaded_source(path: Path, source: str, config: Config) -> Document:
    """The source article, loaded once per content of the file."""
    # bounded as loading is: a huge file is refused before it is read whole
    content = hashlib.blake2b(read_bounded(path, config.max_file_size), digest_size=16).digest()
    key = (id(config), str(path.resolve()), content)
    document = _SOURCES.get(key)
    if document is None:
        document = load_document(
            path, config, display=source, rel_path=source, keep_boilerplate=True
        )
        _SOURCES[key] = document
        if len(_SOURCES) > _SOURCES_KEPT:
            _SOURCES.popitem(last=False)
    else:
        _SOURCES.move_to_end(key)
    return document
