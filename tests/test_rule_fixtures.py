"""Every rule is tested from its own fixture file, ``tests/rules/<CODE>.yaml``.

Each file lists cases, as sqlfluff's per-rule YAML does: the files of a small project
(one article, or an article with its catalogs), an optional ``checker.toml``, and the
findings of that rule the command line reports, with their positions and messages.  The
run is ``checker check --select CODE --format json`` in the project folder, so a case
tests what a user sees, whatever the engine does inside.

A case is written as::

    - name: a sentence of 31 words
      example: before          # optional: the docstring's Before (or After) example
      describes: true          # optional: the docstring describes the example in words
      file: article.md         # default; or ``files: {path: text}`` for several files
      text: |
        ...
      config: |                # optional checker.toml
        [readability]
        long-sentence-words = 20
      translations: true       # optional: check the catalogs too (TRN rules)
      grammar: true            # optional: answer with the LanguageTool stand-in (GRM rules)
      select: [CHK003, RDG003] # optional: the rules to run (default: the case's rule);
                               # only the case's rule's findings are compared
      findings:                # [] for a passing case
        - {line: 1, column: 1, message: "..."}
      # optional per finding: path, end_line, end_column, severity, text, suggestion

The docstring's Before example must be a failing case and its After example a passing
one; unless a case says ``describes: true``, its text contains the docstring's words.  An
information rule that points at good practice for an editor to check (PLN003 reports a
term explained where it first appears, CLM004 a claim with its citation) reports its
After example rather than its Before: its example cases say ``inverted: true``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from checker.cli import app
from checker.model import Severity
from checker.rules import all_rules, by_code
from tests.languagetool_server import serve

FIXTURES = Path(__file__).parent / "rules"
RULES = all_rules()
OPTIONAL_KEYS = ("path", "end_line", "end_column", "severity", "text", "suggestion")


def _load(code: str) -> list[dict[str, Any]]:
    path = FIXTURES / f"{code}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("cases"), list), path
    return data["cases"]


def _cases() -> list[Any]:
    params = []
    for rule in RULES:
        if not (FIXTURES / f"{rule.code}.yaml").exists():
            continue
        for index, case in enumerate(_load(rule.code)):
            params.append(pytest.param(rule.code, case, id=f"{rule.code}-{index}-{case['name']}"))
    return params


def _files(case: dict[str, Any]) -> dict[str, str]:
    if "files" in case:
        return dict(case["files"])
    return {case.get("file", "article.md"): case["text"]}


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, case: dict[str, Any]) -> Any:
    project = tmp_path / "project"
    for name, text in _files(case).items():
        target = project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    (project / "checker.toml").write_text(case.get("config", ""), encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("CHECKER_LANGUAGETOOL_URL", raising=False)
    args = ["check", "--format", "json", "--no-cache", "--jobs", "1"]
    for selected in case.get("select", [code]):
        args += ["--select", selected]
    paths = [] if case.get("translations") else sorted(_files(case))
    args += ["--translations" if case.get("translations") else "--no-translations", *paths]
    if case.get("grammar"):
        with serve() as server:
            monkeypatch.setenv("CHECKER_LANGUAGETOOL_URL", server.url)
            result = CliRunner().invoke(app, args)
    else:
        result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _reported(report: Any, code: str) -> list[dict[str, Any]]:
    found = []
    for article in report["articles"]:
        for finding in article["findings"]:
            if finding["code"] == code:
                found.append({**finding, "path": article["path"]})
    return found


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, case: dict[str, Any]
) -> None:
    reported = _reported(_run(tmp_path, monkeypatch, code, case), code)
    expected = case["findings"]
    keys = ["line", "column", "message"]
    keys += [k for k in OPTIONAL_KEYS if any(k in e for e in expected)]
    got = [{k: f.get(k) for k in keys} for f in reported]
    want = [{k: e.get(k) for k in keys} for e in expected]
    assert got == want


def _example(doc: str, label: str) -> str:
    """The docstring's ``Before:`` or ``After:`` text, quoting marks and ``/`` removed."""
    match = re.search(rf"{label}:(.*?)(?:\n\s*After:|\Z)", doc, re.S)
    assert match, label
    return _normalised(match.group(1).replace("``", "").replace(" / ", " "))


def _normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_has_a_fixture_file_with_its_docstring_examples(rule: Any) -> None:
    path = FIXTURES / f"{rule.code}.yaml"
    assert path.exists(), f"{rule.code} has no fixture file {path.name}"
    cases = _load(rule.code)
    assert any(c["findings"] for c in cases), "no failing case"
    assert any(not c["findings"] for c in cases), "no passing case"
    for label, fails in (("Before", True), ("After", False)):
        examples = [c for c in cases if c.get("example") == label.lower()]
        assert examples, f"no case is the docstring's {label} example"
        for case in examples:
            if case.get("inverted"):
                assert rule.severity is Severity.INFO, "only information rules report good practice"
                assert bool(case["findings"]) is not fails, case["name"]
            else:
                assert bool(case["findings"]) is fails, case["name"]
            if not case.get("describes"):
                text = _normalised(" ".join(_files(case).values()))
                assert _example(rule.doc, label) in text, case["name"]


def test_fixture_files_name_real_rules() -> None:
    names = {p.stem for p in FIXTURES.glob("*.yaml")}
    assert names <= set(by_code()), names - set(by_code())
