"""SARIF 2.1.0, the format code-scanning dashboards read (GitHub, Azure DevOps, VS Code).

One run, with every rule's metadata and documentation (``checker explain``'s text
as help), one result per finding located in the source file, and files that could
not be read as tool execution notifications.

What GitHub code scanning requires (its documentation and the SARIF SDK's GH rules)
holds for every result: a relative URI (a file outside the project gets a ``file:``
URI, and the invocation names the project folder as ``workingDirectory``, which GitHub
takes as the checkout path), a ``region`` with ``startLine`` (a whole-article finding points at the
article's title line, or line 1, and keeps ``properties.scope = "document"``),
``message.text``, and a stable ``partialFingerprints`` entry so an alert survives
edits around it.  A run over GitHub's limit of results is told so in a notification.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

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
from checker.rules import all_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/health-content-checker/"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: GitHub code scanning rejects a run with more results than this.
GITHUB_MAX_RESULTS = 25_000
#: The partialFingerprints key: bump the version when what it hashes changes.
FINGERPRINT = "checkerFinding/v1"


def artifact_location(path: str, root: Path | None = None) -> dict[str, str]:
    """A path as shown (see :meth:`Config.relative`) as SARIF's artifactLocation.

    A path inside the project is a URI reference relative to its root (``%SRCROOT%``);
    one outside it (absolute, or ``../`` from the project ``root``) is an absolute
    ``file:`` URI.  Spaces and accents are percent-encoded (``vacunaci%C3%B3n.md``).
    """
    for flavour in (PurePosixPath, PureWindowsPath):
        pure = flavour(path)
        if pure.is_absolute():
            return {"uri": pure.as_uri()}
    if root is not None and PurePosixPath(path).parts[:1] == ("..",):
        return {"uri": (root / path).resolve().as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}


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


def _region(finding: dict[str, Any], anchor: int) -> dict[str, Any]:
    if finding["line"] is None:  # the whole article: GitHub needs a line all the same
        return {"startLine": anchor}
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


def _fingerprint(finding: dict[str, Any], occurrence: int) -> str:
    """What identifies a finding across runs: rule, file, scope, matched text, occurrence.

    Lines and messages are left out (they change when text above moves or a figure
    changes), so an alert stays one alert while the article is edited around it.
    """
    key = "\0".join(
        (finding["code"], finding["path"], finding["scope"], finding["text"], str(occurrence))
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _result(
    finding: dict[str, Any],
    index: dict[str, int],
    anchor: int,
    occurrence: int,
    artifact: dict[str, str],
) -> dict[str, Any]:
    location = {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": _region(finding, anchor),
        }
    }
    message = finding["message"]
    if finding["suggestion"]:
        message += f" Suggestion: {finding['suggestion']}"
    return {
        "ruleId": finding["code"],
        "ruleIndex": index[finding["code"]],
        "level": _LEVELS[finding["severity"]],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT: _fingerprint(finding, occurrence)},
        "properties": {"scope": finding["scope"], **finding["details"]},
    }


def _results(record: Record, index: dict[str, int], root: Path | None) -> Iterator[dict[str, Any]]:
    anchor = record.get("title_line") or 1
    seen: dict[tuple[str, str, str], int] = {}
    artifacts: dict[str, dict[str, str]] = {}  # worked out once per path, not per finding
    for finding in record["findings"]:
        same = (finding["code"], finding["scope"], finding["text"])
        seen[same] = seen.get(same, 0) + 1
        path = finding["path"]
        if path not in artifacts:
            artifacts[path] = artifact_location(path, root)
        yield _result(finding, index, anchor, seen[same], artifacts[path])


def _invocation(summary: RunSummary, results: int, root: Path | None = None) -> dict[str, Any]:
    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": artifact_location(error.path, root),
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
    if results > GITHUB_MAX_RESULTS:
        notifications.append(
            {
                "level": "warning",
                "message": {
                    "text": f"{results} results: GitHub code scanning refuses a run of more "
                    f"than {GITHUB_MAX_RESULTS:,}; check fewer files per upload or fewer "
                    "rules (--select, --ignore)."
                },
            }
        )
    invocation = {
        "executionSuccessful": not summary.errors,
        "toolExecutionNotifications": notifications,
    }
    if root is not None:
        invocation["workingDirectory"] = {"uri": root.as_uri().rstrip("/") + "/"}
    return invocation


class SarifRenderer(Pieces):
    """One run; its results are written as they come and its invocation at the end."""

    signature = "sarif"
    separator = ","

    def __init__(self, root: Path | None = None) -> None:
        """``root``: the project folder, given as the invocation's working directory."""
        super().__init__()
        self._root = root
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
        results = _results(record, self._index, self._root)
        return ",".join(self._stream.item(result) for result in results)

    def finish(self, summary: RunSummary) -> str:
        invocation = _invocation(summary, summary.findings, self._root)
        return self._stream.finish({"invocations": [invocation]}, items=self.emitted)


def render(result: CheckResult) -> str:
    return render_all(SarifRenderer(), records_of(result), result.summary())
