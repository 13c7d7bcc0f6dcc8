"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::warning file=content/a.md,line=3,col=5,endLine=3,endColumn=9,title=RDG003 long-sentence::...``
Info findings become notices; files that could not be read become errors.  Values
are escaped as the runner expects (``%``, line breaks, and ``:``/``,`` in properties).
"""

from __future__ import annotations

from checker.engine import CheckResult
from checker.output.records import (
    Pieces,
    Record,
    RunSummary,
    lines_text,
    records_of,
    render_all,
)

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, **properties: object) -> str:
    fields = ",".join(
        f"{key}={_property(str(value))}" for key, value in properties.items() if value is not None
    )
    return f"::{kind} {fields}::{_data(message)}" if fields else f"::{kind}::{_data(message)}"


class GithubRenderer(Pieces):
    signature = "github"

    def start(self) -> str:
        return ""

    def article(self, record: Record) -> str:
        lines = []
        for finding in record["findings"]:
            message = finding["message"]
            if finding["suggestion"]:
                message += f"\n{finding['suggestion']}"
            lines.append(
                _command(
                    _COMMANDS[finding["severity"]],
                    message,
                    file=finding["path"],
                    line=finding["line"],
                    col=finding["column"],
                    endLine=finding["end_line"],
                    endColumn=finding["end_column"],
                    title=f"{finding['code']} {finding['name']}",
                )
            )
        return lines_text(lines)

    def finish(self, summary: RunSummary) -> str:
        lines = [_command("error", e.message, file=e.path, line=e.line) for e in summary.errors]
        grammar = summary.grammar
        if grammar is not None and grammar.status != "ran":
            lines.append(_command("notice", grammar.summary(), title="grammar (GRM)"))
        counts = summary.counts
        lines.append(
            f"checker: {counts['error']} error(s), {counts['warning']} warning(s), "
            f"{counts['info']} info in {summary.articles} article(s)"
        )
        return lines_text(lines)


def render(result: CheckResult) -> str:
    return render_all(GithubRenderer(), records_of(result), result.summary())
