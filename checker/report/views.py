"""What each report page shows, worked out from a check's results.

The templates only lay out what these functions return, so every number on a page
is computed (and testable) here.  Values stay plain text: the templates escape
them, and the only ready-made HTML is the highlighted article text from
:mod:`checker.report.highlight`, which escapes the article itself.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from checker import languages
from checker.engine import ArticleResult, CheckResult
from checker.model import Block, BlockKind, CatalogUnit, Finding, Severity
from checker.readability.formulas import FORMULAS
from checker.report.highlight import PlacedFinding, place_findings, render_block
from checker.rules import all_rules

FAMILY_LABELS = {
    "RDG": "Readability",
    "PLN": "Plain language",
    "CLM": "Claims",
    "NUM": "Numbers",
    "A11Y": "Accessibility",
    "GRM": "Grammar",
    "TRN": "Translation",
    "CHK": "Input and comments",
}
_ICON = {"error": "✖", "warning": "▲", "info": "ℹ"}
_STATE_LABEL = {
    "translated": "✔ Translated",
    "fuzzy": "⚠ Stale (fuzzy)",
    "untranslated": "✖ Untranslated",
}
_KIND_LABEL = {
    BlockKind.HEADING: "heading",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.LIST_ITEM: "list item",
    BlockKind.TABLE_CELL: "table cell",
    BlockKind.QUOTE: "quote",
    BlockKind.IMAGE_ALT: "image alt text",
    BlockKind.REFERENCE: "reference",
}


def families() -> list[tuple[str, str]]:
    """Every rule family, in the order of the rules table, with a readable label."""
    seen = dict.fromkeys(rule.family for rule in all_rules())
    ordered = [f for f in FAMILY_LABELS if f in seen] + [f for f in seen if f not in FAMILY_LABELS]
    return [(f, FAMILY_LABELS.get(f, f)) for f in ordered]


def severity_counts(findings: tuple[Finding, ...] | list[Finding]) -> dict[str, int]:
    counts = {s.label: 0 for s in reversed(Severity)}
    for finding in findings:
        counts[finding.severity.label] += 1
    return counts


def family_counts(findings: tuple[Finding, ...]) -> dict[str, int]:
    return dict(Counter(f.code.rstrip("0123456789") for f in findings))


#: A title longer than this is cut: a page heading, not a document.
MAX_TITLE_CHARACTERS = 300


def title_of(result: ArticleResult) -> str:
    """The article's title from its front matter or ``<title>``, else its id.

    Only text, a number or a date is a title: a list or a table (a YAML alias bomb
    expands to billions of items when turned into text) is ignored, never rendered.
    """
    title = result.document.metadata.get("title")
    if isinstance(title, (list, tuple, dict, set)) or title is None:
        return result.document.id
    text = " ".join(str(title).split())
    if len(text) > MAX_TITLE_CHARACTERS:
        text = text[: MAX_TITLE_CHARACTERS - 1] + "\u2026"
    return text or result.document.id


def _over(grade: float | None, target: float | None) -> float | None:
    if grade is None or target is None:
        return None
    return round(grade - target, 1)


def is_catalog(result: ArticleResult) -> bool:
    return result.document.format == "gettext"


@dataclass
class PageNames:
    """Where every page of the site lives, relative to the report folder."""

    articles: dict[str, str] = field(default_factory=dict)  # article path -> page
    catalogs: dict[str, str] = field(default_factory=dict)  # catalog path -> page


@dataclass(frozen=True, slots=True)
class TranslationLink:
    locale: str
    href: str
    percent: float
    fuzzy: int


def translation_links(
    results: tuple[ArticleResult, ...], names: PageNames, home: str
) -> dict[str, list[TranslationLink]]:
    """For each source article's path, its catalogs: locale, page and coverage."""
    links: dict[str, list[TranslationLink]] = {}
    for result in results:
        stats = result.metrics.get("catalog")
        source = result.metrics.get("source_path")
        if not is_catalog(result) or not stats or not source:
            continue
        links.setdefault(source, []).append(
            TranslationLink(
                stats["locale"],
                home + names.catalogs[result.document.path],
                stats["units"]["translated_percent"],
                stats["units"]["fuzzy"],
            )
        )
    for entries in links.values():
        entries.sort(key=lambda t: t.locale)
    return links


# -- dashboard ------------------------------------------------------------------------------


def dashboard(result: CheckResult, names: PageNames) -> dict[str, Any]:
    articles = [a for a in result.articles if not is_catalog(a)]
    catalogs = [a for a in result.articles if is_catalog(a)]
    links = translation_links(result.articles, names, "")
    article_titles = titles(result)
    built = {a.metrics.get("translation_path") for a in catalogs}
    locales = sorted({t.locale for entries in links.values() for t in entries})
    article_rows = []
    for article in articles:
        doc = article.document
        metrics = article.metrics
        article_rows.append(
            {
                "href": names.articles[doc.path],
                "title": title_of(article),
                "path": doc.path,
                "built_from": doc.metadata.get("built_from"),
                "lang": doc.lang,
                "grade": metrics.get("grade"),
                "grade_note": metrics.get("grade_note"),
                "target": metrics.get("target_grade"),
                "over": _over(metrics.get("grade"), metrics.get("target_grade")),
                "complex": metrics.get("complex_language_percent"),
                "by_family": family_counts(article.findings),
                "by_severity": severity_counts(article.findings),
                "translations": {t.locale: t for t in links.get(doc.path, [])},
            }
        )
    translation_rows = []
    for catalog in catalogs:
        stats = catalog.metrics.get("catalog") or {}
        units = stats.get("units", {})
        percent = units.get("translated_percent", 0.0)
        built_path = catalog.metrics.get("translation_path")
        translation_rows.append(
            {
                "href": names.catalogs[catalog.document.path],
                "title": _catalog_title(catalog, article_titles),
                "path": catalog.document.path,
                "locale": catalog.document.lang,
                "units": units.get("total", 0),
                "percent": percent,
                "percent_bucket": round(percent / 10),
                "fuzzy": units.get("fuzzy", 0),
                "untranslated": units.get("untranslated", 0),
                "obsolete": units.get("obsolete", 0),
                "by_severity": severity_counts(catalog.findings),
                "grade": catalog.metrics.get("grade"),
                "source_grade": catalog.metrics.get("source_grade"),
                "article_href": names.articles.get(built_path or ""),
            }
        )
    langs = sorted({a.document.lang for a in articles if a.document.lang})
    counts = result.summary().counts
    summary = {
        "articles": len(articles),
        "translations": sum(
            1 for a in articles if a.document.path in built or "built_from" in a.document.metadata
        ),
        "catalogs": len(catalogs),
        "languages": langs,
        "by_severity": counts,
        "sentence": summary_line(result),
        "verdict": _verdict(result),
    }
    grammar = result.grammar
    return {
        "summary": summary,
        "grammar": {
            "line": grammar.summary(),
            "errors": grammar.errors,
        }
        if grammar is not None
        else None,
        "errors": [e.to_json() for e in result.errors],
        # a Grammar column of zeros would read as "no mistakes" when nothing was checked
        "families": [
            (code, label)
            for code, label in families()
            if code != "GRM" or (grammar is not None and grammar.status != "not-run")
        ],
        "articles": article_rows,
        "translations": translation_rows,
        "locales": locales,
        "language_options": [(code, languages.SUPPORTED.get(code, code)) for code in langs],
    }


def titles(result: CheckResult) -> dict[str, str]:
    """Every article's title by path, so a catalog can name the article it translates."""
    return {a.document.path: title_of(a) for a in result.articles if not is_catalog(a)}


def _catalog_title(catalog: ArticleResult, titles: dict[str, str]) -> str:
    source = catalog.metrics.get("source_path")
    if source and source in titles:
        return titles[source]
    stats = catalog.metrics.get("catalog") or {}
    return str(stats.get("article") or catalog.document.id)


def summary_line(result: CheckResult) -> str:
    """One line for the end of ``checker report``: what was checked and what was found."""
    catalogs = sum(1 for a in result.articles if is_catalog(a))
    articles = len(result.articles) - catalogs
    counts = result.summary().counts
    parts = [f"{articles} article{'s' * (articles != 1)}"]
    if catalogs:
        parts.append(f"{catalogs} catalog{'s' * (catalogs != 1)}")
    found = ", ".join(
        f"{n} {label if n == 1 else label + 's'}" if label != "info" else f"{n} info"
        for label, n in counts.items()
    )
    line = f"{' and '.join(parts)} checked: {found}"
    if result.errors:
        n = len(result.errors)
        line += f"; {n} file{'s' * (n != 1)} could not be checked"
    return line


def _verdict(result: CheckResult) -> str:
    code = result.summary().exit_code
    if code == 2:
        return "Incomplete: some files could not be checked (exit code 2)."
    if code == 1:
        return f"Fails: there are findings at or above {result.fail_on.label} (exit code 1)."
    return f"Passes: no findings at or above {result.fail_on.label} (exit code 0)."


# -- one article ----------------------------------------------------------------------------


def _where(finding: Finding) -> str:
    if finding.line is None:
        return "whole article"
    if finding.end_line and finding.end_line != finding.line:
        return f"lines {finding.line}–{finding.end_line}"
    return f"line {finding.line}, column {finding.column}"


def _facts(finding: Finding) -> list[tuple[str, str]]:
    """The details an editor needs beyond the message: claim category, plain words ..."""
    d = finding.details
    facts: list[tuple[str, str]] = []
    if finding.code.startswith("CLM") and "category" in d:
        key = "key claim" if d.get("key") else "background"
        facts.append(("Claim", f"{d.get('category')} ({key}), strength {d.get('strength')}"))
        if d.get("treatment"):
            facts.append(("About", str(d["treatment"])))
        if d.get("cue"):
            facts.append(("Cue", str(d["cue"])))
        cited = d.get("citations") or []
        if cited:
            facts.append(("Cited by", ", ".join(str(c.get("text", "")) for c in cited)))
    alternatives = d.get("alternatives")
    if alternatives:
        facts.append(("Plain alternatives", "; ".join(str(a) for a in alternatives)))
    sentences = d.get("sentences") or d.get("claims")  # CLM005 lists its claims
    if isinstance(sentences, list) and sentences and finding.line is None:
        shown = ", ".join(str(s.get("line")) for s in sentences[:20] if isinstance(s, dict))
        facts.append(("On lines", shown + (" …" if len(sentences) > 20 else "")))
    if d.get("wcag"):
        facts.append(("WCAG success criterion", str(d["wcag"])))
    return facts


def _finding_row(item: PlacedFinding) -> dict[str, Any]:
    f = item.finding
    return {
        "number": item.number,
        "severity": f.severity.label,
        "icon": _ICON[f.severity.label],
        "code": f.code,
        "family": f.code.rstrip("0123456789"),
        "name": f.name,
        "where": _where(f),
        "placed": item.block is not None,
        "message": f.message,
        "text": f.text,
        # a jargon finding's suggestion is its first plain alternative, listed below anyway
        "suggestion": "" if f.suggestion in (f.details.get("alternatives") or ()) else f.suggestion,
        "facts": _facts(f),
    }


def _add_cell(blocks: list[dict[str, Any]], block: Block, cell: dict[str, Any]) -> None:
    """Put a table cell in its table (started by its first cell), row and column, so the
    report draws the table as a table rather than a box per cell."""
    key = (block.source_field, block.attrs["table"])
    if not blocks or blocks[-1].get("table_key") != key:
        blocks.append(
            {
                "kind": "table",
                "table_key": key,
                "line": cell["line"],
                "anchor": cell["anchor"],
                "label": "table",
                "rows": {},
                "columns": 0,
            }
        )
    table = blocks[-1]
    row, column = int(block.attrs["row"]), int(block.attrs["column"])
    table["rows"].setdefault(row, {})[column] = {**cell, "header": bool(block.attrs["header"])}
    table["columns"] = max(table["columns"], column)


def _finish_tables(blocks: list[dict[str, Any]]) -> None:
    """Rows as lists with an empty cell where the source has none."""
    for table in blocks:
        if table["kind"] == "table":
            table["rows"] = [
                [cells.get(c) for c in range(1, table["columns"] + 1)]
                for _, cells in sorted(table["rows"].items())
            ]


def _block_row(block: Block, placed: list[PlacedFinding], line: int, first: bool) -> dict[str, Any]:
    label = _KIND_LABEL.get(block.kind, str(block.kind))
    if block.kind is BlockKind.HEADING:
        label = f"heading {block.level}" if block.level else "line read as a heading"
    if block.source_field:
        label = f"{block.source_field} (front matter)"
    return {
        "kind": block.kind.value,
        "level": block.level,
        "line": line,
        "anchor": first,
        "label": label,
        "html": render_block(block, placed),
    }


def article_page(
    article: ArticleResult,
    translations: list[TranslationLink],
    source_href: str | None = None,
    units_href: str | None = None,
) -> dict[str, Any]:
    """An article's page; a built translation links to its source and its catalog's page."""
    doc = article.document
    metrics = article.metrics
    placement = place_findings(doc, article.findings)
    blocks: list[dict[str, Any]] = []
    seen_lines: set[int] = set()
    for index, block in enumerate(doc.blocks):
        segments = block.content.segments
        line = doc.position(segments[0].src_start)[0] if segments else 0
        placed = placement.by_block.get(index, [])
        row = _block_row(block, placed, line, line not in seen_lines)
        seen_lines.add(line)
        if block.kind is BlockKind.TABLE_CELL and block.attrs.get("table"):
            _add_cell(blocks, block, row)
        else:
            blocks.append(row)
    _finish_tables(blocks)
    scores = metrics.get("scores") or {}
    return {
        "title": title_of(article),
        "path": doc.path,
        "lang": doc.lang,
        "language": _language_name(doc.lang),
        "format": doc.format,
        "built_from": doc.metadata.get("built_from"),
        "grade": metrics.get("grade"),
        "grade_note": metrics.get("grade_note"),
        "formula": _formula_title(metrics.get("grade_formula")),
        "target": metrics.get("target_grade"),
        "over": _over(metrics.get("grade"), metrics.get("target_grade")),
        "words": metrics.get("words", 0),
        "sentences": metrics.get("sentences", 0),
        "complex": metrics.get("complex_language_percent"),
        "passive": metrics.get("passive_percent"),
        "scores": [_score_row(name, value) for name, value in scores.items()],
        "hardest": metrics.get("hardest_sentences") or [],
        "blocks": blocks,
        "findings": [_finding_row(item) for item in placement.all],
        "families": sorted({f.code.rstrip("0123456789") for f in article.findings}),
        "by_severity": severity_counts(article.findings),
        "repairs": [r.to_json() for r in doc.repairs],
        "translations": translations,
        "source_href": source_href,
        "units_href": units_href,
    }


_FORMULAS = {f.key: f for f in FORMULAS}


def _formula_title(key: object) -> str:
    formula = _FORMULAS.get(str(key))
    return formula.title if formula else str(key or "")


def _score_row(key: str, value: object) -> dict[str, Any]:
    formula = _FORMULAS.get(key)
    if formula is None:
        return {"title": key, "value": value, "reading": "", "reference": ""}
    reading = "higher is easier" if formula.kind == "ease" else "school grade: higher is harder"
    return {
        "title": formula.title,
        "value": value,
        "reading": reading,
        "reference": formula.reference,
    }


def _language_name(code: str) -> str:
    if not code:
        return "language unknown"
    name = languages.SUPPORTED.get(code)
    return f"{name} ({code})" if name else code


# -- one catalog, side by side --------------------------------------------------------------


def _short_finding(finding: Finding) -> dict[str, Any]:
    return {
        "severity": finding.severity.label,
        "icon": _ICON[finding.severity.label],
        "code": finding.code,
        "name": finding.name,
        "line": finding.line,
        "message": finding.message,
    }


def _unit_row(unit: CatalogUnit, findings: list[Finding]) -> dict[str, Any]:
    return {
        "line": unit.line,
        "context": unit.context,
        "source": unit.source,
        "translation": unit.translation,
        "previous": unit.previous_source,
        "state": unit.state,
        "state_label": _STATE_LABEL.get(unit.state, unit.state),
        "reference": ", ".join(unit.references[:3]),
        "glossary": [{"term": term, "approved": approved} for term, approved in unit.glossary],
        "findings": [_short_finding(f) for f in findings],
    }


def translation_page(
    catalog: ArticleResult, names: PageNames, article_titles: dict[str, str], source_lang: str
) -> dict[str, Any]:
    doc = catalog.document
    by_line: dict[int, list[Finding]] = {}
    lines = {u.line for u in catalog.units}
    whole: list[Finding] = []
    for finding in catalog.findings:
        if finding.line is not None and finding.line in lines:
            by_line.setdefault(finding.line, []).append(finding)
        else:
            whole.append(finding)
    source = catalog.metrics.get("source_path")
    built = catalog.metrics.get("translation_path")
    source_title = _catalog_title(catalog, article_titles)
    return {
        "title": f"{source_title}: {doc.lang} translation",
        "path": doc.path,
        "locale": doc.lang,
        "source_lang": source_lang,
        "source_path": source,
        "stats": catalog.metrics.get("catalog"),
        "grade": catalog.metrics.get("grade"),
        "source_grade": catalog.metrics.get("source_grade"),
        "by_severity": severity_counts(catalog.findings),
        "catalog_findings": [_short_finding(f) for f in whole],
        "units": [_unit_row(u, by_line.get(u.line, [])) for u in catalog.units],
        "source_href": "../" + names.articles[source] if source in names.articles else None,
        "article_href": "../" + names.articles[built] if built in names.articles else None,
    }
