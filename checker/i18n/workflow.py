"""The catalog round trip: extract, init, update, compile and stats.

Each step works article by article and catalog by catalog: a bad catalog is
reported with its file and line and left untouched, and the others carry on.
Every step returns what it did as :class:`StepResult` records; the CLI prints them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polib

from checker.compiled_patterns import kept
from checker.config import Config
from checker.files import ChangedMeanwhile, write_text_atomically
from checker.i18n import plurals
from checker.i18n.catalog import (
    WRAP_WIDTH,
    CatalogError,
    catalog_lock,
    now_stamp,
    read_catalog,
    render,
    write_catalog,
)
from checker.i18n.layout import Layout
from checker.i18n.memory import MemoryFileError, TranslationMemory, build_memory, fill
from checker.i18n.merge import MergeReport, merge
from checker.i18n.units import extract_units
from checker.model import Document, LoadError

_CREATION_DATE = kept(r'^"POT-Creation-Date: [^"\\]*\\n"$', re.MULTILINE)


@dataclass(frozen=True, slots=True)
class StepResult:
    """What one step did to one file: ``status`` is a short word, ``detail`` a sentence."""

    path: str
    status: str  # written, unchanged, created, exists, updated, out-of-date, error, ...
    detail: str = ""
    error: bool = False


def cannot_write(rel: str, exc: OSError) -> StepResult:
    """A write the operating system refused (a full disk, no permission): one line naming
    the file; the file as it was is left untouched (writes go through a temporary file)."""
    return StepResult(rel, "error", f"cannot write: {exc.strerror or exc}", True)


@dataclass(slots=True)
class SourceArticles:
    documents: list[Document] = field(default_factory=list)
    errors: list[StepResult] = field(default_factory=list)


def source_articles(config: Config, paths: Iterable[Path] | None = None) -> SourceArticles:
    """The articles written in the source language under ``paths`` (default: configured)."""
    from checker.engine import discover
    from checker.loading import load_document

    chosen = list(paths) if paths else [config.root / p for p in config.paths]
    files, missing = discover(chosen, follow_links=config.follow_links)
    found = SourceArticles(errors=[StepResult(e.path, "error", e.message, True) for e in missing])
    for path in files:
        rel = config.relative(path)
        try:
            document = load_document(path, config, display=rel, rel_path=rel, keep_boilerplate=True)
        except LoadError as exc:
            found.errors.append(StepResult(rel, "error", str(exc), True))
            continue
        if document.lang == config.source_language:
            found.documents.append(document)
    return found


# -- extract ---------------------------------------------------------------------------


def make_template(document: Document) -> polib.POFile:
    """The translation template of one article, dated now."""
    template = polib.POFile(wrapwidth=WRAP_WIDTH)
    template.header = (
        f"Translation template for {document.path}.\n"
        "Written by `checker i18n extract`: edit the article, not this file."
    )
    template.metadata = {
        "Project-Id-Version": document.id,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": now_stamp(),
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-File": document.path,
        "X-Source-Language": document.lang,
    }
    for unit in extract_units(document):
        template.append(
            polib.POEntry(
                msgid=unit.msgid,
                msgctxt=unit.msgctxt,
                occurrences=[(document.path, str(line)) for line in unit.lines],
                comment=unit.note,
            )
        )
    return template


def _same_but_date(new_text: str, old_text: str) -> bool:
    return _CREATION_DATE.sub("", new_text) == _CREATION_DATE.sub("", old_text)


def extract(config: Config, paths: Iterable[Path] | None = None) -> list[StepResult]:
    """Write a template per source article; an unchanged article leaves its template as is."""
    layout = Layout.of(config)
    articles = source_articles(config, paths)
    outcomes = list(articles.errors)
    for document in articles.documents:
        target = layout.template(document.id)
        template = make_template(document)
        text = render(template)
        rel = config.relative(target)
        if target.exists():
            old = target.read_text(encoding="utf-8", errors="replace")
            if _same_but_date(text, old):
                outcomes.append(StepResult(rel, "unchanged"))
                continue
        try:
            write_text_atomically(target, text)
        except OSError as exc:
            outcomes.append(cannot_write(rel, exc))
            continue
        outcomes.append(StepResult(rel, "written", f"{len(template)} units from {document.path}"))
    return outcomes


# -- init ------------------------------------------------------------------------------


def plural_forms(locale: str) -> str:
    """The ``Plural-Forms`` header of a new ``locale`` catalog (see :mod:`checker.i18n.plurals`)."""
    try:
        return plurals.plural_forms(locale)
    except plurals.UnknownLocale as exc:
        raise CatalogError(locale, None, f"unknown locale {locale!r}: {exc}") from None


def new_catalog(template: polib.POFile, locale: str) -> polib.POFile:
    """An empty translation of ``template`` into ``locale``, with a complete header."""
    catalog = polib.POFile(wrapwidth=WRAP_WIDTH)
    source = template.metadata.get("X-Source-File", "")
    catalog.header = f"Translation of {source} into {locale}." if source else ""
    stamp = now_stamp()
    catalog.metadata = {
        "Project-Id-Version": template.metadata.get("Project-Id-Version", ""),
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": template.metadata.get("POT-Creation-Date", stamp),
        "PO-Revision-Date": stamp,
        "Last-Translator": "",
        "Language-Team": locale,
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(locale),
        "X-Source-File": source,
        "X-Source-Language": template.metadata.get("X-Source-Language", ""),
    }
    for entry in template:
        catalog.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgctxt=entry.msgctxt,
                occurrences=list(entry.occurrences),
                comment=entry.comment,
            )
        )
    return catalog


def _templates(layout: Layout, articles: Iterable[str] | None) -> Iterator[tuple[str, Path]]:
    wanted = set(articles) if articles else None
    for article_id, path in layout.templates():
        if wanted is None or article_id in wanted:
            yield article_id, path


def memory_of(
    config: Config, layout: Layout, locale: str, outcomes: list[StepResult]
) -> TranslationMemory | None:
    """The translation memory of ``locale`` (see :mod:`checker.i18n.memory`); a memory file
    that cannot be read is reported in ``outcomes`` and the rest of the memory is used."""
    catalogs = [(path, config.relative(path)) for _, path in layout.catalogs(locale)]
    files: list[tuple[Path, str]] = []
    for name in config.i18n.memory:
        path = config.root / name.replace("{locale}", locale)
        if not path.is_file():
            outcomes.append(
                StepResult(config.relative(path), "error", "memory file not found", True)
            )
            continue
        files.append((path, config.relative(path)))
    source = config.source_language
    while True:
        try:
            return build_memory(catalogs, locale, source, files)
        except MemoryFileError as exc:
            outcomes.append(StepResult(exc.shown, "error", exc.message, True))
            files = [f for f in files if f[1] != exc.shown]


def _fill(
    catalog: polib.POFile, memory: TranslationMemory | None, config: Config, origin: str
) -> int:
    """Fill ``catalog`` (called ``origin``) from the memory, as the project configures it."""
    if memory is None:
        return 0
    options = config.i18n
    return fill(
        catalog, memory, review=options.memory_review, close=options.memory_fuzzy, origin=origin
    )


def _filled(count: int, config: Config) -> str:
    if not count:
        return ""
    review = " (fuzzy, to review)" if config.i18n.memory_review else ""
    return f", {count} filled from the translation memory{review}"


def init(
    config: Config, locale: str, articles: Iterable[str] | None = None, *, memory: bool = True
) -> list[StepResult]:
    """Create the catalog of ``locale`` for every template that has none yet, filled from
    the translation memory (``memory=False``: empty)."""
    layout = Layout.of(config)
    plural_forms(locale)  # an unknown locale fails before anything is written
    outcomes: list[StepResult] = []
    remembered = memory_of(config, layout, locale, outcomes) if memory else None
    for article_id, template_path in _templates(layout, articles):
        target = layout.catalog(locale, article_id)
        rel = config.relative(target)
        if target.exists():
            outcomes.append(StepResult(rel, "exists", "already there: use `checker i18n update`"))
            continue
        filled = 0
        try:
            template = read_catalog(template_path)
            catalog = new_catalog(template, locale)
            filled = _fill(catalog, remembered, config, rel)
            with catalog_lock(target):
                if target.exists():  # created meanwhile: never overwritten
                    outcomes.append(
                        StepResult(rel, "exists", "already there: use `checker i18n update`")
                    )
                    continue
                write_catalog(catalog, target)
        except CatalogError as exc:
            outcomes.append(StepResult(exc.path, "error", exc.message, True))
            continue
        except OSError as exc:
            outcomes.append(cannot_write(rel, exc))
            continue
        detail = f"{len(template)} units to translate{_filled(filled, config)}"
        outcomes.append(StepResult(rel, "created", detail))
    if not outcomes:
        outcomes.append(
            StepResult(config.relative(layout.locales_dir), "nothing", "no templates: run extract")
        )
    return outcomes


# -- update ----------------------------------------------------------------------------


def _describe(report: MergeReport) -> str:
    parts = [f"{report.kept} kept", f"{report.fuzzy} fuzzy", f"{report.new} new"]
    parts.append(f"{report.obsolete} obsolete")
    if report.revived:
        parts.append(f"{report.revived} revived")
    return ", ".join(parts)


def update(
    config: Config,
    locales: Iterable[str] | None = None,
    articles: Iterable[str] | None = None,
    *,
    check: bool = False,
    memory: bool = True,
) -> list[StepResult]:
    """Merge each template into its catalogs and fill what is untranslated from the
    translation memory; with ``check``, only say which are out of date."""
    layout = Layout.of(config)
    outcomes: list[StepResult] = []
    chosen = list(locales) if locales else layout.locales(config.i18n.locales)
    memories: dict[str, TranslationMemory | None] = {}
    for article_id, template_path in _templates(layout, articles):
        try:
            template = read_catalog(template_path)
        except CatalogError as exc:
            outcomes.append(StepResult(exc.path, "error", exc.message, True))
            continue
        for locale in chosen:
            target = layout.catalog(locale, article_id)
            if not target.exists():
                continue
            # --check says whether the template moved on; what the memory could fill is
            # not "out of date" (it changes whenever another catalog is translated)
            if memory and not check and locale not in memories:
                memories[locale] = memory_of(config, layout, locale, outcomes)
            outcomes.append(_update_one(config, template, target, check, memories.get(locale)))
    return outcomes


#: How many times update merges again when a translator saves the catalog meanwhile.
MERGE_ATTEMPTS = 3


def _update_one(
    config: Config,
    template: polib.POFile,
    target: Path,
    check: bool,
    memory: TranslationMemory | None = None,
) -> StepResult:
    """Merge ``template`` into one catalog, under its lock.  A translator's editor does not
    take the lock: when the file changes between reading and writing, the merge is done
    again from what is on disk now, and the newer work is never overwritten."""
    rel = config.relative(target)
    try:
        with catalog_lock(target):
            for _ in range(MERGE_ATTEMPTS):
                raw = target.read_bytes()
                # as text with universal newlines, as it always was compared
                current = raw.decode("utf-8", errors="replace").replace("\r\n", "\n")
                merged, report = merge(read_catalog(target), template)
                filled = _fill(merged, memory, config, rel)
                text = render(merged)
                if text == current:
                    return StepResult(rel, "up-to-date")
                if check:
                    detail = _describe(report) + _filled(filled, config)
                    return StepResult(rel, "out-of-date", detail, True)
                try:
                    write_catalog(merged, target, expected=raw)
                except ChangedMeanwhile:
                    continue  # saved by someone meanwhile: merge their version
                return StepResult(rel, "updated", _describe(report) + _filled(filled, config))
            return StepResult(
                rel,
                "error",
                "the file kept changing while it was being updated (is it open in an "
                "editor that saves often?); nothing was written: run update again",
                True,
            )
    except CatalogError as exc:
        return StepResult(exc.path, "error", exc.message, True)
    except OSError as exc:
        return cannot_write(rel, exc)


# -- compile ---------------------------------------------------------------------------


def compile_catalogs(
    config: Config, locales: Iterable[str] | None = None, *, use_fuzzy: bool = False
) -> list[StepResult]:
    """Write a ``.mo`` beside each catalog; fuzzy entries are left out unless ``use_fuzzy``."""
    layout = Layout.of(config)
    outcomes: list[StepResult] = []
    for locale in list(locales) if locales else layout.locales(config.i18n.locales):
        for article_id, path in layout.catalogs(locale):
            try:
                with catalog_lock(path):  # never between an update's read and write
                    catalog = read_catalog(path)
            except CatalogError as exc:
                outcomes.append(StepResult(exc.path, "error", exc.message, True))
                continue
            fuzzy = [e for e in catalog.fuzzy_entries() if not e.obsolete]
            if use_fuzzy:
                for entry in fuzzy:
                    entry.flags.remove("fuzzy")
            target = layout.compiled(locale, article_id)
            try:
                write_text_atomically(target, catalog.to_binary())
            except OSError as exc:
                outcomes.append(cannot_write(config.relative(target), exc))
                continue
            included = len(catalog.translated_entries())
            left = "" if use_fuzzy or not fuzzy else f", {len(fuzzy)} fuzzy left out"
            outcomes.append(
                StepResult(config.relative(target), "compiled", f"{included} messages{left}")
            )
    return outcomes
