"""Check every catalog and the translation it builds, for ``checker check`` and ``i18n check``.

Each catalog gives one result, with the TRN findings on its entries (lines in the
PO file).  The article it translates is then rebuilt in memory and checked with
every readability, jargon and claim rule in the target language, when it is
translated enough to build (``min-translated``) and the built file is not on
disk, where ``checker check`` finds it like any other article.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from checker.config import Config
from checker.engine import ArticleResult, check_document
from checker.grammar.checker import GrammarChecker
from checker.i18n.build import build_article, load_source
from checker.i18n.catalog import CatalogError, read_catalog
from checker.i18n.glossary import Glossary, GlossaryError, glossary_file, read_glossary
from checker.i18n.layout import Layout
from checker.i18n.stats import catalog_stats, state
from checker.i18n.units import extract_units
from checker.languages import SUPPORTED
from checker.loading import OFFICE_FORMATS, parse_document
from checker.loading.office import relaid
from checker.mapped_text import SourceLines
from checker.model import CatalogUnit, Document, Finding, InputError, LoadError
from checker.readability.formulas import primary_grade
from checker.rules import all_rules
from checker.rules.base import CatalogContext, TranslationGrades
from checker.selection import Selection, severities, with_severity
from checker.text.analysis import analyse


def _catalog_document(rel: str, article_id: str, locale: str) -> Document:
    """A stand-in document for a catalog, so its findings group like an article's."""
    return Document(
        path=rel,
        id=f"{locale}/{article_id}",
        format="gettext",
        lang=locale,
        lang_source="catalog",
        declared_lang=locale,
        source="",
        lines=SourceLines(""),
        blocks=(),
    )


@dataclass(frozen=True, slots=True)
class CatalogCheck:
    """A catalog's results and the files besides the catalog they depend on."""

    results: list[ArticleResult]
    source: str | None = None  # the source article the header names, as written there
    target: str | None = None  # where its translation is built


def _keep(findings: Iterable[Finding], config: Config, selection: Selection) -> tuple[Finding, ...]:
    overrides = severities(config)
    kept = [with_severity(f, overrides) for f in findings if f.code in selection.codes]
    kept.sort(key=Finding.sort_key)
    return tuple(kept)


def _grade_of(source: Document, grades: Mapping[str, float | None]) -> float | None:
    """The source's reading grade: from its check when it has had one, else scored here."""
    if source.path in grades:
        return grades[source.path]
    scored = primary_grade(analyse(source).counts, source.lang)
    return scored[0] if scored else None


def _catalog_findings(
    context: CatalogContext, config: Config, selection: Selection
) -> tuple[Finding, ...]:
    """The selected TRN rules' findings on one catalog, at the configured severities."""
    rules = [r for r in all_rules() if r.catalog and r.code in selection.codes]
    return _keep([f for r in rules for f in r.run(context)], config, selection)


def check_catalog_file(
    config: Config,
    selection: Selection,
    layout: Layout,
    locale: str,
    article_id: str,
    path: Path,
    grades: Mapping[str, float | None],
    grammar: GrammarChecker | None = None,
) -> CatalogCheck:
    """Check one catalog and the translation it builds.

    ``grades`` are the reading grades of the articles already checked from disk, by
    path: a built translation among them is not checked again (only scored), and a source
    among them is not scored again.
    """
    rel = config.relative(path)
    context = CatalogContext(rel, locale, config.source_language, config.i18n, config.languages)
    try:
        catalog = read_catalog(path)
    except CatalogError as exc:
        context = dataclasses.replace(context, read_error=(exc.message, exc.line))
        stand_in = _catalog_document(rel, article_id, locale)
        findings = _catalog_findings(context, config, selection)
        return CatalogCheck([ArticleResult(stand_in, {"catalog": None}, findings)])
    source_lang = catalog.metadata.get("X-Source-Language") or config.source_language
    context = dataclasses.replace(context, catalog=catalog, source_language=source_lang)
    if "TRN013" in selection.codes:
        context = _with_glossary(context, config, locale, source_lang)
    declared = catalog.metadata.get("X-Source-File") or None
    results = _check_read_catalog(
        config, selection, layout, article_id, path, context, grades, grammar
    )
    target = results[0].metrics.get("translation_path")
    return CatalogCheck(results, declared, target)


def _with_glossary(
    context: CatalogContext, config: Config, locale: str, source_language: str
) -> CatalogContext:
    """The context with the locale's glossary, or with why it cannot be read."""
    path = glossary_file(config.root / config.i18n.glossary_dir, locale)
    if path is None:
        return context
    shown = config.relative(path)
    stat = path.stat()
    try:
        glossary = _read_glossary(path, shown, source_language, locale, stat.st_mtime_ns)
    except GlossaryError:
        return context  # the run reports it once, as an error on its line (glossary_errors)
    return dataclasses.replace(context, glossary=glossary)


def glossary_errors(config: Config, locales: Iterable[str]) -> list[InputError]:
    """The glossaries of ``locales`` that cannot be read, each named with its line."""
    errors = []
    for locale in locales:
        path = glossary_file(config.root / config.i18n.glossary_dir, locale)
        if path is None:
            continue
        shown = config.relative(path)
        try:
            _read_glossary(path, shown, config.source_language, locale, path.stat().st_mtime_ns)
        except GlossaryError as exc:
            errors.append(InputError(exc.path, exc.message, exc.line))
    return errors


@functools.lru_cache(maxsize=32)
def _read_glossary(
    path: Path, shown: str, source_language: str, locale: str, _mtime: int
) -> Glossary:
    """A glossary read once per process and version of the file (every catalog of a locale
    reads the same one)."""
    return read_glossary(path, shown, source_language, locale)


def _check_read_catalog(
    config: Config,
    selection: Selection,
    layout: Layout,
    article_id: str,
    path: Path,
    context: CatalogContext,
    grades: Mapping[str, float | None],
    grammar: GrammarChecker | None,
) -> list[ArticleResult]:
    catalog, locale, rel = context.catalog, context.locale, context.path
    assert catalog is not None
    stand_in = _catalog_document(rel, article_id, locale)
    stats = catalog_stats(catalog, article_id, locale, rel)
    metrics: dict[str, Any] = {"catalog": stats.to_json()}
    units = catalog_units(catalog, context.glossary)
    try:
        source = load_source(config, catalog, path)
    except CatalogError as exc:
        context = dataclasses.replace(context, source_problem=exc.message)
        findings = _catalog_findings(context, config, selection)
        return [ArticleResult(stand_in, metrics, findings, units)]
    metrics["source_path"] = source.path
    live = {(e.msgctxt, e.msgid) for e in catalog if not e.obsolete}
    missing = [u for u in extract_units(source) if u.key not in live]
    if missing:
        context = dataclasses.replace(context, missing=(len(missing), missing[0].lines[0]))
    context = dataclasses.replace(context, source_path=source.path)
    target = layout.built(locale, article_id, Path(source.path).suffix)
    built = build_article(source, catalog, locale, target)
    target_rel = config.relative(target)
    metrics["translation_path"] = target_rel
    translated = None
    if built.translated_percent >= config.i18n.min_translated:
        # below the build threshold the "translation" is mostly source text: nothing to score
        try:
            office = relaid(built.text, source) if source.format in OFFICE_FORMATS else None
            translated = parse_document(
                built.text, source.format, target_rel, target_rel, config, office=office
            )
        except LoadError:
            translated = None
    results: list[ArticleResult] = []
    target_grade: float | None
    if translated is not None:
        built_from = {"built_from": rel}  # not on disk: say where it comes from
        translated = dataclasses.replace(translated, metadata={**translated.metadata, **built_from})
        if target_rel in grades:
            # checked from disk already: scored here, never checked a second time
            grade, target_grade = _score(translated, config)
        else:
            translated_result = check_document(translated, config, selection, grammar)
            grade = translated_result.metrics.get("grade")
            target_grade = translated_result.metrics.get("target_grade")
            results.append(translated_result)
        source_grade = _grade_of(source, grades)
        metrics["grade"] = grade
        metrics["source_grade"] = source_grade
        scores = TranslationGrades(grade, target_grade, source_grade, source.lang, translated.lang)
        context = dataclasses.replace(context, grades=scores)
    findings = _catalog_findings(context, config, selection)
    results.insert(0, ArticleResult(stand_in, metrics, findings, units))
    return results


def _score(document: Document, config: Config) -> tuple[float | None, float]:
    """An article's grade and target as :func:`check_document` gives them, without its rules."""
    target = config.readability_for(document.lang, document.path).target_grade
    if document.lang not in SUPPORTED:
        return None, target
    grade = primary_grade(analyse(document).counts, document.lang)
    return (grade[0] if grade else None), target


def catalog_units(
    catalog: polib.POFile, glossary: Glossary | None = None
) -> tuple[CatalogUnit, ...]:
    """The live entries in file order, as the report's side-by-side pages show them, with
    the glossary terms each uses."""

    def terms(source: str) -> tuple[tuple[str, str], ...]:
        if glossary is None:
            return ()
        return tuple((t.source, " / ".join(t.approved)) for t in glossary.terms_in(source))

    return tuple(
        CatalogUnit(
            line=entry.linenum,
            context=entry.msgctxt,
            source=entry.msgid,
            translation=entry.msgstr,
            state=state(entry),
            previous_source=entry.previous_msgid if "fuzzy" in entry.flags else None,
            references=tuple(f"{ref}:{line}" if line else ref for ref, line in entry.occurrences),
            glossary=terms(entry.msgid),
        )
        for entry in catalog
        if not entry.obsolete
    )
