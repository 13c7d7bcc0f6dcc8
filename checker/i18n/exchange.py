"""``i18n export`` and ``i18n import``: catalogs out to a translation agency and back.

One XLIFF file per article and locale (``<out>/<article-id>.<locale>.xlf``), read back
into the catalog it names; see :mod:`checker.i18n.xliff` for ids, states and what is
never imported.  Each catalog is changed under its lock and written atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checker.config import Config
from checker.files import ChangedMeanwhile, write_text_atomically
from checker.i18n.catalog import CatalogError, catalog_lock, read_catalog, write_catalog
from checker.i18n.layout import Layout
from checker.i18n.workflow import MERGE_ATTEMPTS, StepResult, cannot_write
from checker.i18n.xliff import (
    XliffError,
    XliffFile,
    export_catalog,
    import_units,
    read_xliff,
    xliff_name,
)
from checker.languages import same_locale
from checker.loading.read import read_bounded
from checker.model import LoadError
from checker.paths import is_within


def export(
    config: Config,
    locale: str,
    out: Path,
    version: str = "1.2",
    articles: Iterable[str] | None = None,
    *,
    force: bool = False,
) -> list[StepResult]:
    """Write the XLIFF of every catalog of ``locale`` (or of ``articles``) under ``out``;
    a file already there (perhaps the agency's translations, not imported yet) is only
    replaced with ``force``."""
    layout = Layout.of(config)
    wanted = set(articles) if articles else None
    outcomes: list[StepResult] = []
    for article_id, path in layout.catalogs(locale):
        if wanted is not None and article_id not in wanted:
            continue
        try:
            with catalog_lock(path):
                catalog = read_catalog(path)
        except CatalogError as exc:
            outcomes.append(StepResult(exc.path, "error", exc.message, True))
            continue
        source = catalog.metadata.get("X-Source-Language") or config.source_language
        data = export_catalog(catalog, config.relative(path), locale, source, version)
        target = out / xliff_name(article_id, locale)
        if target.exists() and not force:
            outcomes.append(
                StepResult(
                    config.relative(target),
                    "error",
                    "already there (translations to import?): import it, or export with --force",
                    True,
                )
            )
            continue
        try:
            write_text_atomically(target, data, durable=False)
        except OSError as exc:
            outcomes.append(cannot_write(config.relative(target), exc))
            continue
        live = [e for e in catalog if not e.obsolete and not e.msgid_plural]
        todo = sum(1 for e in live if not e.msgstr or "fuzzy" in e.flags)
        outcomes.append(
            StepResult(
                config.relative(target),
                "exported",
                f"XLIFF {version}: {len(live)} units, {todo} to translate or review",
            )
        )
    if not outcomes:
        outcomes.append(
            StepResult(config.relative(layout.locales_dir), "nothing", f"no {locale} catalogs")
        )
    return outcomes


def import_files(config: Config, files: Iterable[Path]) -> list[StepResult]:
    """Bring the targets of each XLIFF file back into the catalog it names."""
    outcomes: list[StepResult] = []
    layout = Layout.of(config)
    for file in files:
        shown = config.relative(file)
        try:
            exchanged = read_xliff(read_bounded(file, config.max_file_size), shown)
        except LoadError as exc:
            outcomes.append(StepResult(shown, "error", exc.message, True))
            continue
        except (XliffError, ValueError) as exc:  # XliffError says "<file>: why"
            message = str(exc).removeprefix(f"{shown}: ")
            outcomes.append(StepResult(shown, "error", message, True))
            continue
        catalog_path = config.root / exchanged.original
        if (
            not is_within(catalog_path, layout.locales_dir)
            or catalog_path.suffix != ".po"
            or not catalog_path.is_file()
        ):
            outcomes.append(
                StepResult(
                    shown,
                    "error",
                    f"names the catalog {exchanged.original}, which is not a catalog of "
                    "this project: nothing imported",
                    True,
                )
            )
            continue
        outcomes.append(_import_one(config, catalog_path, exchanged, shown))
    return outcomes


def _import_one(config: Config, path: Path, exchanged: XliffFile, shown: str) -> StepResult:
    rel = config.relative(path)
    try:
        with catalog_lock(path):
            for _ in range(MERGE_ATTEMPTS):
                raw = path.read_bytes()
                catalog = read_catalog(path)
                language = catalog.metadata.get("Language", "")
                if language and not same_locale(language, exchanged.locale):
                    return StepResult(
                        shown,
                        "error",
                        f"is {exchanged.locale}, but {rel} is {language}: nothing imported",
                        True,
                    )
                done = import_units(catalog, exchanged.units, shown)
                if done.translated or done.fuzzy:
                    try:
                        write_catalog(catalog, path, expected=raw)
                    except ChangedMeanwhile:
                        continue  # saved meanwhile: import into the newer version
                break
            else:
                return StepResult(rel, "error", "the catalog kept changing; run import again", True)
    except CatalogError as exc:
        return StepResult(exc.path, "error", exc.message, True)
    except OSError as exc:
        return cannot_write(rel, exc)
    parts = [
        f"{done.translated} translated",
        f"{done.fuzzy} to review",
        f"{done.unchanged} unchanged",
    ]
    problem = False
    if done.changed_source:
        parts.append(
            f"{len(done.changed_source)} not imported: their source changed since the export "
            "(export again)"
        )
        problem = True
    if done.replaced:
        parts.append(
            f"{done.replaced} replaced a reviewed translation: marked fuzzy for review, the "
            "old one kept in a translator comment"
        )
    if done.inline_codes:
        parts.append(
            f"{len(done.inline_codes)} not imported: inline codes (placeholders) in the target"
        )
        problem = True
    if done.refused:
        parts.append(
            f"{len(done.refused)} not imported: a line break at one end of the translation "
            "and not the source (msgfmt -c would refuse the catalog)"
        )
        problem = True
    return StepResult(rel, "imported", f"from {shown}: " + ", ".join(parts), problem)
