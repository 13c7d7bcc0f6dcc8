"""SARIF (validated against the official 2.1.0 schema) and GitHub workflow annotations."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.engine import ArticleResult
from checker.model import Finding, Scope, Severity
from tests.conftest import FIXTURES, write

ARTICLE = (
    "# Methotrexate\n\n"
    "Methotrexate cures arthritis in 100% of cases, but it can harm the liver, so your "
    "rheumatologist will want regular blood tests, usually every few weeks at first.\n\n"
    "[click here](https://example.org/mtx)\n"
)


def run(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    write(tmp_path, "content/mtx.md", ARTICLE)
    write(tmp_path, "content/broken.md", "---\ntitle: [unclosed\n---\n\nText.\n")
    write(tmp_path, "pyproject.toml", '[tool.checker]\npaths = ["content"]\n')
    done = CliRunner().invoke(app, ["check", *args], env=env or {"GITHUB_ACTIONS": ""})
    return done.exit_code, done.output


def test_sarif_is_valid_against_the_official_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run(tmp_path, "--format", "sarif")
    assert code == 2  # a file could not be read
    log = json.loads(output)
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "CLM002" in ids and "TRN004" in ids
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    absolute = next(r for r in sarif_run["results"] if r["ruleId"] == "CLM002")
    assert absolute["level"] == "error"
    assert rules[absolute["ruleIndex"]]["id"] == "CLM002"
    region = absolute["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 3 and region["snippet"]["text"] == "cures"
    assert absolute["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "content/mtx.md"
    )
    unreadable, grammar = sarif_run["invocations"][0]["toolExecutionNotifications"]
    assert "content/broken.md" in json.dumps(unreadable)
    assert grammar["descriptor"]["id"] == "GRM"  # no LanguageTool here: reported as not run
    assert "grammar (GRM) not run" in grammar["message"]["text"]
    assert sarif_run["invocations"][0]["executionSuccessful"] is False


def test_github_annotations_are_escaped_and_chosen_in_actions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run(tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert code == 2  # a file could not be read
    lines = output.splitlines()
    absolute = next(line for line in lines if "CLM002" in line)
    assert absolute.startswith("::error file=content/mtx.md,line=3,col=")
    assert "title=CLM002 absolute-claim::" in absolute
    assert all("\n" not in line for line in lines)
    assert any(line.startswith("::error file=content/broken.md") for line in lines)
    assert any(line.startswith("::notice ") or line.startswith("::warning ") for line in lines)
    _, text = run(tmp_path)
    assert "::" not in text.splitlines()[0]  # text outside GitHub Actions


def test_output_file_holds_the_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run(tmp_path, "--format", "sarif", "--output", "out/report.sarif")
    assert (code, output) == (2, "")
    log = json.loads((tmp_path / "out/report.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"


def test_github_escapes_percent_line_breaks_and_property_separators() -> None:
    from checker.engine import CheckResult
    from checker.output.github_format import render

    finding = Finding(
        "RDG005",
        "passive-voice",
        Severity.WARNING,
        "12.5% of sentences are passive",
        "content/a,b:c.md",
        Scope.DOCUMENT,
        suggestion="Say who acts.\nFor example: the nurse.",
    )
    from checker.mapped_text import SourceLines
    from checker.model import Document

    document = Document(
        "content/a,b:c.md", "a", "markdown", "en", "default", "en", "", SourceLines(""), ()
    )
    article = ArticleResult(document, {}, (finding,))
    first = render(CheckResult((article,))).splitlines()[0]
    assert first == (
        "::warning file=content/a%2Cb%3Ac.md,title=RDG005 passive-voice::"
        "12.5%25 of sentences are passive%0ASay who acts.%0AFor example: the nurse."
    )
