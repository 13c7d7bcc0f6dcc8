"""Check every catalog and the translation it builds, for ``checker check`` and ``i18n check``.

Each catalog gives one result, with the TRN findings on its entries (lines in the
PO file).  The article it translates is then rebuilt in memory and checked with
every readability, jargon and claim rule in the target language, when it is
translated enough to build (``min-translated``) and the built file is not on
disk, where ``checker check`` finds it like any other article.
"""

from __future__ import annotations

import dataclasses
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
from checker.i18n.layout import Layout
from checker.i18n.qa import catalog_finding, check_catalog
from checker.i18n.stats import catalog_stats, state
from checker.i18n.units import extract_units
from checker.loading import parse_document
from checker.mapped_text import SourceLines
from checker.model import CatalogUnit, Document, Finding, LoadError
from checker.readability.calibration import comparable_grade
from checker.readability.formulas import primary_grade
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


def check_translations(
    config: Config,
    selection: Selection,
    locales: Iterable[str] | None = None,
    *,
    checked: Iterable[ArticleResult] = (),
    grammar: GrammarChecker | None = None,
) -> list[ArticleResult]:
    """A result per catalog, plus one per translation built in memory.

    ``checked`` are the results of articles already checked from disk: a built
    translation among them is not checked a second time, and a source article among
    them is not scored again.
    """
    layout = Layout.of(config)
    grades = {a.document.path: a.metrics.get("grade") for a in checked}
    results: list[ArticleResult] = []
    for locale in list(locales) if locales else layout.locales(config.i18n.locales):
        for article_id, path in layout.catalogs(locale):
            outcome = check_catalog_file(
                config, selection, layout, locale, article_id, path, grades, grammar
            )
            results.extend(outcome.results)
    return results


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


#: How many grades harder than its source, on its own language's scale, a translation may
#: read before TRN012 flags it.
HARDER_BY = 2.0


def _harder_than_source(
    grade: float | None,
    target: float | None,
    source_grade: float | None,
    source_lang: str,
    lang: str,
) -> tuple[float, float] | None:
    """``(expected grade, target)`` when a translation is both above its own language's
    target and more than ``HARDER_BY`` grades above what its source's grade corresponds to
    in its language (``checker.readability.calibration``); ``None`` otherwise.

    A translation within its own target is fine however its source reads, and one no
    harder than its source leaves the problem to the source (RDG001 there).
    """
    if grade is None or target is None or source_grade is None:
        return None
    expected = comparable_grade(source_grade, source_lang, lang)
    if expected is None or grade <= target or grade <= expected + HARDER_BY:
        return None
    return expected, target


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
    path: a built translation among them is not checked again, and a source among
    them is not scored again.
    """
    rel = config.relative(path)
    stand_in = _catalog_document(rel, article_id, locale)
    try:
        catalog = read_catalog(path)
    except CatalogError as exc:
        finding = catalog_finding("TRN010", rel, None, exc.message, exc.line)
        stand_in_result = ArticleResult(
            stand_in, {"catalog": None}, _keep([finding], config, selection)
        )
        return CatalogCheck([stand_in_result])
    declared = catalog.metadata.get("X-Source-File") or None
    results = _check_read_catalog(
        config, selection, layout, locale, article_id, path, catalog, grades, grammar
    )
    target = results[0].metrics.get("translation_path")
    return CatalogCheck(results, declared, target)


def _check_read_catalog(
    config: Config,
    selection: Selection,
    layout: Layout,
    locale: str,
    article_id: str,
    path: Path,
    catalog: polib.POFile,
    grades: Mapping[str, float | None],
    grammar: GrammarChecker | None,
) -> list[ArticleResult]:
    rel = config.relative(path)
    stand_in = _catalog_document(rel, article_id, locale)
    stats = catalog_stats(catalog, article_id, locale, rel)
    source_lang = catalog.metadata.get("X-Source-Language") or config.source_language
    findings = list(check_catalog(catalog, rel, locale, source_lang, config.i18n, config.languages))
    results: list[ArticleResult] = []
    metrics: dict[str, Any] = {"catalog": stats.to_json()}
    units = catalog_units(catalog)
    try:
        source = load_source(config, catalog, path)
    except CatalogError as exc:
        findings.append(catalog_finding("TRN011", rel, None, exc.message))
        kept = _keep(findings, config, selection)
        results.append(ArticleResult(stand_in, metrics, kept, units))
        return results
    metrics["source_path"] = source.path
    live = {(e.msgctxt, e.msgid) for e in catalog if not e.obsolete}
    missing = [u for u in extract_units(source) if u.key not in live]
    if missing:
        findings.append(
            catalog_finding(
                "TRN011",
                rel,
                None,
                f"{len(missing)} unit(s) of {source.path} are not in this catalog (first at "
                f"line {missing[0].lines[0]}): run `checker i18n extract` and "
                "`checker i18n update`",
                missing=len(missing),
            )
        )
    target = layout.built(locale, article_id, Path(source.path).suffix)
    built = build_article(source, catalog, locale, target)
    target_rel = config.relative(target)
    metrics["translation_path"] = target_rel
    translated = None
    if built.translated_percent >= config.i18n.min_translated:
        # below the build threshold the "translation" is mostly source text: nothing to score
        try:
            translated = parse_document(built.text, source.format, target_rel, target_rel, config)
        except LoadError:
            translated = None
    if translated is not None:
        built_from = {"built_from": rel}  # not on disk: say where it comes from
        translated = dataclasses.replace(translated, metadata={**translated.metadata, **built_from})
        translated_result = check_document(translated, config, selection, grammar)
        grade = translated_result.metrics.get("grade")
        source_grade = _grade_of(source, grades)
        metrics["grade"] = grade
        metrics["source_grade"] = source_grade
        harder = _harder_than_source(
            grade,
            translated_result.metrics.get("target_grade"),
            source_grade,
            source.lang,
            translated.lang,
        )
        if harder is not None:
            expected, target_grade = harder
            findings.append(
                catalog_finding(
                    "TRN012",
                    rel,
                    None,
                    f"The {locale} translation reads at grade {grade:g} (target "
                    f"{target_grade:g}); its source's grade {source_grade:g} ({source.lang}) "
                    f"corresponds to {expected:g} in {translated.lang}: simplify the translation",
                    grade=grade,
                    source_grade=source_grade,
                    expected_grade=expected,
                    target_grade=target_grade,
                )
            )
        if target_rel not in grades:
            results.append(translated_result)
    results.insert(0, ArticleResult(stand_in, metrics, _keep(findings, config, selection), units))
    return results


def catalog_units(catalog: polib.POFile) -> tuple[CatalogUnit, ...]:
    """The live entries in file order, as the report's side-by-side pages show them."""
    return tuple(
        CatalogUnit(
            line=entry.linenum,
            context=entry.msgctxt,
            source=entry.msgid,
            translation=entry.msgstr,
            state=state(entry),
            previous_source=entry.previous_msgid if "fuzzy" in entry.flags else None,
            references=tuple(f"{ref}:{line}" if line else ref for ref, line in entry.occurrences),
        )
        for entry in catalog
        if not entry.obsolete
    )
