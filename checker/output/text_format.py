"""Human-readable output: one line per finding, like compilers and ruff, plus a summary.

``path:line:col: CODE [severity] message`` (document-wide findings have no line),
with the suggestion on the next line and a metrics line per article.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.engine import ArticleResult, CheckResult
from checker.model import Finding, Severity
from checker.readability.formulas import BY_KEY

Style = Callable[..., str]

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _plain(text: str, **_: object) -> str:
    return text


def _finding_line(finding: Finding, style: Style) -> list[str]:
    where = (
        finding.path if finding.line is None else f"{finding.path}:{finding.line}:{finding.column}"
    )
    severity = style(finding.severity.label, fg=_COLOURS[finding.severity])
    code = style(finding.code, bold=True)
    lines = [f"{style(where, bold=True)}: {code} [{severity}] {finding.message}"]
    if finding.text and finding.scope.value == "sentence":
        excerpt = " ".join(finding.text.split())
        if len(excerpt) > 100:
            excerpt = excerpt[:97] + "..."
        lines.append(f"    | {excerpt}")
    if finding.suggestion:
        lines.append(f"    = {finding.suggestion}")
    for item in finding.details.get("hardest_sentences", [])[:3]:
        excerpt = " ".join(item["text"].split())
        excerpt = excerpt if len(excerpt) <= 90 else excerpt[:87] + "..."
        lines.append(f"    - line {item['line']} (difficulty {item['difficulty']:.1f}): {excerpt}")
    return lines


def _metrics_line(article: ArticleResult, style: Style) -> str:
    m = article.metrics
    doc = article.document
    if doc.format == "gettext":
        return _catalog_line(article, style)
    if m.get("grade") is None:
        grade = "not scored"
    else:
        over = m["grade"] > m["target_grade"]
        value = style(f"{m['grade']:g}", fg="red" if over else "green", bold=True)
        formula = BY_KEY[m["grade_formula"]]
        source = formula.title
        if formula.kind == "ease":
            source += f" {m['scores'][formula.key]:g}"
        grade = f"grade {value} ({source}, target {m['target_grade']:g})"
    built = doc.metadata.get("built_from")
    origin = f" (built in memory from {built}; not written)" if built else ""
    return (
        f"{style(doc.path, bold=True)}{origin} [{doc.lang or '?'}, {doc.format}] {grade}, "
        f"{m['words']} words, {m['sentences']} sentences"
    )


def _catalog_line(article: ArticleResult, style: Style) -> str:
    doc = article.document
    stats = article.metrics.get("catalog")
    if not stats:
        return f"{style(doc.path, bold=True)} [{doc.lang}, catalog] unreadable"
    units = stats["units"]
    line = (
        f"{style(doc.path, bold=True)} [{doc.lang}, catalog] "
        f"{units['translated']}/{units['total']} translated ({units['translated_percent']:g}%), "
        f"{units['fuzzy']} fuzzy, {units['untranslated']} untranslated, "
        f"{units['obsolete']} obsolete"
    )
    grade, source = article.metrics.get("grade"), article.metrics.get("source_grade")
    if grade is not None and source is not None:
        line += f"; translation grade {grade:g} (source {source:g})"
    return line


def render(result: CheckResult, *, colour: bool = False, show_info: bool = True) -> str:
    import typer

    style: Style = typer.style if colour else _plain
    out: list[str] = []
    for article in result.articles:
        out.append(_metrics_line(article, style))
        for finding in article.findings:
            if finding.severity is Severity.INFO and not show_info:
                continue
            out.extend(_finding_line(finding, style))
        out.append("")
    for error in result.errors:
        where = error.path if error.line is None else f"{error.path}:{error.line}"
        out.append(
            f"{style(where, bold=True)}: {style('error', fg='red', bold=True)}: {error.message}"
        )
    counts = result.counts()
    summary = (
        f"Checked {len(result.articles)} article(s): {counts['error']} error(s), "
        f"{counts['warning']} warning(s), {counts['info']} info"
    )
    if result.errors:
        summary += f"; {len(result.errors)} file(s) could not be checked"
    if result.grammar is not None:
        out.append(result.grammar.summary())
    out.append(summary)
    return "\n".join(out) + "\n"
