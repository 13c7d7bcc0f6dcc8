"""The JSON contract (documented in the README and kept stable).

``{"version", "articles": [{"path", "id", "lang", "lang_source", "format",
"built_from", "repairs", "metrics", "findings"}], "errors": [{"path", "line",
"message"}], "grammar", "summary"}``; ``grammar`` is how the LanguageTool stage went
(``null`` when no GRM rule ran).  Written article by article (orjson, two-space
indentation), so a large run never holds the whole report.
"""

from __future__ import annotations

from typing import Any

import orjson

from checker import __version__
from checker.engine import CheckResult
from checker.output.records import (
    STREAM,
    JsonStream,
    Pieces,
    Record,
    RunSummary,
    late,
    records_of,
    render_all,
)


class JsonRenderer(Pieces):
    signature = "json"
    separator = ","

    def __init__(self) -> None:
        super().__init__()
        self._stream = JsonStream(
            {
                "version": __version__,
                "articles": STREAM,
                "errors": late("errors"),
                "grammar": late("grammar"),
                "summary": late("summary"),
            }
        )

    def start(self) -> str:
        return self._stream.start()

    def article(self, record: Record) -> str:
        return self._stream.item(record)

    def finish(self, summary: RunSummary) -> str:
        return self._stream.finish(
            {
                "errors": [e.to_json() for e in summary.errors],
                "grammar": summary.grammar.to_json() if summary.grammar is not None else None,
                "summary": {
                    "articles": summary.articles,
                    "errors": len(summary.errors),
                    "findings": summary.findings,
                    "by_severity": summary.counts,
                    "fail_on": summary.fail_on.label,
                    "exit_code": summary.exit_code,
                },
            },
            items=self.emitted,
        )


def render(result: CheckResult) -> str:
    """The contract as indented UTF-8 JSON."""
    return render_all(JsonRenderer(), records_of(result), result.summary())


def to_dict(result: CheckResult) -> dict[str, Any]:
    """The contract as Python data."""
    data: dict[str, Any] = orjson.loads(render(result))
    return data
