"""Human-readable output: one line per finding, like compilers and ruff, plus a summary.

``path:line:col: CODE [severity] message`` (document-wide findings have no line),
with the suggestion on the next line and a metrics line per article.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from checker.engine import CheckResult
from checker.output.records import (
    Pieces,
    Record,
    RunSummary,
    lines_text,
    records_of,
    render_all,
)
from checker.paths import printable
from checker.readability.formulas import BY_KEY
from checker.wording import count_label

Style = Callable[..., str]

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _plain(text: str, **_: object) -> str:
    return text


def _finding_line(finding: dict[str, Any], style: Style) -> list[str]:
    path, line = printable(finding["path"]), finding["line"]
    where = path if line is None else f"{path}:{line}:{finding['column']}"
    label = finding["severity"]
    severity = style(label, fg=_COLOURS[label])
    code = style(finding["code"], bold=True)
    lines = [f"{style(where, bold=True)}: {code} [{severity}] {printable(finding['message'])}"]
    if finding["text"] and finding["scope"] == "sentence":
        excerpt = " ".join(finding["text"].split())
        if len(excerpt) > 100:
            excerpt = excerpt[:97] + "..."
        lines.append(f"    | {excerpt}")
    if finding["suggestion"]:
        lines.append(f"    = {finding['suggestion']}")
    for item in finding["details"].get("hardest_sentences", [])[:3]:
        excerpt = " ".join(item["text"].split())
        excerpt = excerpt if len(excerpt) <= 90 else excerpt[:87] + "..."
        lines.append(f"    - line {item['line']} (difficulty {item['difficulty']:.1f}): {excerpt}")
    return lines


def _metrics_line(record: Record, style: Style) -> str:
    m = record["metrics"]
    if record["format"] == "gettext":
        return _catalog_line(record, style)
    if m.get("grade") is None:
        grade = "too short to grade" if m.get("grade_note") else "not scored"
    else:
        over = m["grade"] > m["target_grade"]
        value = style(f"{m['grade']:g}", fg="red" if over else "green", bold=True)
        formula = BY_KEY[m["grade_formula"]]
        source = formula.title
        if formula.kind == "ease":
            source += f" {m['scores'][formula.key]:g}"
        grade = f"grade {value} ({source}, target {m['target_grade']:g})"
    built = record["built_from"]
    origin = f" (built in memory from {printable(built)}; not written)" if built else ""
    return (
        f"{style(printable(record['path']), bold=True)}{origin} [{record['lang'] or '?'}, "
        f"{record['format']}] {grade}, {count_label(m['words'], 'word')}, "
        f"{count_label(m['sentences'], 'sentence')}"
    )


def _catalog_line(record: Record, style: Style) -> str:
    path, lang = printable(record["path"]), record["lang"]
    stats = record["metrics"].get("catalog")
    if not stats:
        return f"{style(path, bold=True)} [{lang}, catalog] unreadable"
    units = stats["units"]
    line = (
        f"{style(path, bold=True)} [{lang}, catalog] "
        f"{units['translated']}/{units['total']} translated ({units['translated_percent']:g}%), "
        f"{units['fuzzy']} fuzzy, {units['untranslated']} untranslated, "
        f"{units['obsolete']} obsolete"
    )
    grade, source = record["metrics"].get("grade"), record["metrics"].get("source_grade")
    if grade is not None and source is not None:
        line += f"; translation grade {grade:g} (source {source:g})"
    return line


class TextRenderer(Pieces):
    def __init__(self, *, colour: bool = False, show_info: bool = True) -> None:
        import typer

        super().__init__()
        self.style: Style = typer.style if colour else _plain
        self.show_info = show_info
        self.signature = f"text colour={colour:d} info={show_info:d}"

    def start(self) -> str:
        return ""

    def article(self, record: Record) -> str:
        out = [_metrics_line(record, self.style)]
        for finding in record["findings"]:
            if finding["severity"] == "info" and not self.show_info:
                continue
            out.extend(_finding_line(finding, self.style))
        out.append("")
        return lines_text(out)

    def finish(self, summary: RunSummary) -> str:
        style = self.style
        out = []
        for error in summary.errors:
            path = printable(error.path)
            where = path if error.line is None else f"{path}:{error.line}"
            out.append(
                f"{style(where, bold=True)}: {style('error', fg='red', bold=True)}: "
                f"{printable(error.message)}"
            )
        counts = summary.counts
        line = (
            f"Checked {summary.articles} article(s): {counts['error']} error(s), "
            f"{counts['warning']} warning(s), {counts['info']} info"
        )
        if summary.errors:
            line += f"; {len(summary.errors)} file(s) could not be checked"
        if summary.grammar is not None:
            out.append(summary.grammar.summary())
        out.append(line)
        return lines_text(out)


def render(result: CheckResult, *, colour: bool = False, show_info: bool = True) -> str:
    renderer = TextRenderer(colour=colour, show_info=show_info)
    return render_all(renderer, records_of(result), result.summary())
