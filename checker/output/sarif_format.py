"""SARIF 2.1.0, the format code-scanning dashboards read (GitHub, Azure DevOps, VS Code).

One run, with every rule's metadata and documentation (``checker explain``'s text
as help), one result per finding located in the source file, and files that could
not be read as tool execution notifications.  Whole-article findings have a
location without a region.
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
    summary_of,
)
from checker.rules import all_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/health-content-checker/"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptors() -> tuple[list[dict[str, Any]], dict[str, int]]:
    descriptors = []
    index = {}
    for position, rule in enumerate(all_rules()):
        index[rule.code] = position
        doc = rule.doc
        descriptors.append(
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": doc.split("\n\n", 1)[0].replace("\n", " ")},
                "help": {"text": doc, "markdown": doc},
                "defaultConfiguration": {"level": _LEVELS[rule.severity.label]},
                "properties": {"tags": [rule.family]},
            }
        )
    return descriptors, index


def _region(finding: dict[str, Any]) -> dict[str, Any] | None:
    if finding["line"] is None:
        return None
    region: dict[str, Any] = {"startLine": finding["line"]}
    if finding["column"] is not None:
        region["startColumn"] = finding["column"]
    if finding["end_line"] is not None:
        region["endLine"] = finding["end_line"]
    if finding["end_column"] is not None and finding["end_line"] is not None:
        # SARIF columns are exclusive at the end; ours point at the last character + 1
        region["endColumn"] = max(finding["end_column"], region.get("startColumn", 1))
    if finding["text"]:
        region["snippet"] = {"text": finding["text"]}
    return region


def _result(finding: dict[str, Any], index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": finding["path"], "uriBaseId": "SRCROOT"}}
    }
    region = _region(finding)
    if region is not None:
        location["physicalLocation"]["region"] = region
    message = finding["message"]
    if finding["suggestion"]:
        message += f" Suggestion: {finding['suggestion']}"
    return {
        "ruleId": finding["code"],
        "ruleIndex": index[finding["code"]],
        "level": _LEVELS[finding["severity"]],
        "message": {"text": message},
        "locations": [location],
        "properties": {"scope": finding["scope"], **finding["details"]},
    }


def _invocation(summary: RunSummary) -> dict[str, Any]:
    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": error.path, "uriBaseId": "SRCROOT"},
                        **({"region": {"startLine": error.line}} if error.line else {}),
                    }
                }
            ],
        }
        for error in summary.errors
    ]
    grammar = summary.grammar
    if grammar is not None and grammar.status != "ran":
        notifications.append(
            {
                "level": "warning" if grammar.status == "incomplete" else "note",
                "message": {"text": grammar.summary()},
                "descriptor": {"id": "GRM"},
            }
        )
    return {"executionSuccessful": not summary.errors, "toolExecutionNotifications": notifications}


class SarifRenderer(Pieces):
    """One run; its results are written as they come and its invocation at the end."""

    signature = "sarif"
    separator = ","

    def __init__(self) -> None:
        super().__init__()
        descriptors, self._index = _rule_descriptors()
        self._stream = JsonStream(
            {
                "$schema": SCHEMA,
                "version": "2.1.0",
                "runs": [
                    {
                        "tool": {
                            "driver": {
                                "name": "checker",
                                "fullName": "health-content-checker",
                                "version": __version__,
                                "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI,
                                "rules": descriptors,
                            }
                        },
                        "results": STREAM,
                        "invocations": late("invocations"),
                    }
                ],
            }
        )

    def start(self) -> str:
        return self._stream.start()

    def article(self, record: Record) -> str:
        return ",".join(self._stream.item(_result(f, self._index)) for f in record["findings"])

    def finish(self, summary: RunSummary) -> str:
        return self._stream.finish({"invocations": [_invocation(summary)]}, items=self.emitted)


def render(result: CheckResult) -> str:
    return render_all(SarifRenderer(), records_of(result), summary_of(result))


def to_dict(result: CheckResult) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(render(result))
    return data
