"""The command line: output formats, exit codes, selection flags, rules and explain."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from checker import __version__
from checker.cli import app
from checker.rules import all_rules
from tests.conftest import LONG_31, TEN_WORDS, write

FINDING_LINE = re.compile(
    r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d{3}) "
    r"\[(?P<severity>error|warning|info)\] (?P<message>.+)$"
)
ARTICLE_KEYS = {"path", "id", "lang", "format", "repairs", "metrics", "findings"}
METRIC_KEYS = {"grade", "grade_formula", "grade_note", "words", "sentences", "scores"}
FINDING_KEYS = {
    "code",
    "name",
    "severity",
    "message",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "text",
    "suggestion",
    "scope",
    "details",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder with its own configuration, as the working directory."""
    write(tmp_path, "checker.toml", 'paths = ["content"]\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def run_json(*args: str) -> dict[str, Any]:
    result = run("check", "--format", "json", *args)
    assert result.exit_code in (0, 1, 2), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# -- text output ----------------------------------------------------------------------------


def test_text_output_format(project: Path) -> None:
    write(project, "content/a.md", f"# Title\n\nTake it now. {LONG_31} Rest well.\n")
    result = run("check", "content/a.md", "--no-color")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("content/a.md [en, markdown] grade ")
    matches = [m for m in map(FINDING_LINE.match, lines) if m]
    assert [m.groupdict() for m in matches] == [
        {
            "path": "content/a.md",
            "line": "3",
            "col": str(len("Take it now. ") + 1),
            "code": "RDG003",
            "severity": "warning",
            "message": "Sentence has 31 words (limit 30)",
        }
    ]
    assert f"    | {LONG_31[:97]}..." in lines  # long excerpts are cut at 100 characters
    assert "    = Split it into two or more sentences." in lines
    assert lines[-1] == "Checked 1 article(s): 0 error(s), 1 warning(s), 0 info"
    assert "\x1b[" not in result.output


def test_document_findings_have_no_position(project: Path) -> None:
    write(project, "pt/a.md", "Beba água.\n")  # the language comes from the folder
    result = run("check", "pt/a.md", "--no-color")
    assert result.exit_code == 1
    assert any(
        line.startswith("pt/a.md: CHK001 [warning] The language 'pt' (pt) is not supported")
        for line in result.output.splitlines()
    )
    assert "pt/a.md [pt, markdown] not scored, 0 words, 0 sentences" in result.output


def test_a_declared_language_is_reported_on_its_line(project: Path) -> None:
    write(project, "a.md", "---\nlang: pt\n---\nBeba água.\n")
    result = run("check", "a.md", "--no-color")
    assert "a.md:2:1: CHK001 [warning] The language 'pt' (pt) is not supported" in result.output


def test_quiet_hides_info(project: Path) -> None:
    write(project, "a.txt", f"Home\n\n{TEN_WORDS}\n")
    loud = run("check", "a.txt", "--no-color")
    quiet = run("check", "a.txt", "--no-color", "--quiet")
    assert "a.txt:1:1: CHK002 [info] Repaired: removed the navigation line 'Home'" in loud.output
    assert "CHK002" not in quiet.output
    assert loud.exit_code == quiet.exit_code == 0


def test_colour_flag(project: Path) -> None:
    write(project, "a.md", f"{LONG_31}\n")
    assert "\x1b[" in run("check", "a.md", "--color").output


def test_output_file(project: Path) -> None:
    write(project, "a.md", f"{LONG_31}\n")
    result = run("check", "a.md", "--format", "json", "--output", "reports/out.json")
    assert result.exit_code == 1
    assert result.stdout == ""
    data = json.loads((project / "reports" / "out.json").read_text(encoding="utf-8"))
    assert data["summary"]["findings"] == 1


def test_default_paths_from_config(project: Path) -> None:
    write(project, "content/en/a.md", f"{TEN_WORDS}\n")
    write(project, "other/b.md", f"{LONG_31}\n")
    data = run_json()
    assert [a["path"] for a in data["articles"]] == ["content/en/a.md"]
    assert data["articles"][0]["id"] == "en/a"


# -- JSON -----------------------------------------------------------------------------------


def test_json_contract(project: Path) -> None:
    write(project, "content/a.md", f"# Title\n\n{LONG_31}\n")
    write(project, "content/bad.md", b"")
    result = run("check", "content", "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert set(data) == {"version", "articles", "errors", "grammar", "summary"}
    assert data["version"] == __version__
    (article,) = data["articles"]
    assert set(article) >= ARTICLE_KEYS
    assert (article["path"], article["id"], article["lang"], article["format"]) == (
        "content/a.md",
        "a",
        "en",
        "markdown",
    )
    assert article["repairs"] == []
    assert set(article["metrics"]) >= METRIC_KEYS
    metrics = article["metrics"]
    assert metrics["grade_formula"] == "smog"
    assert metrics["grade"] is None and metrics["scores"] == {}  # one sentence: too short
    assert metrics["grade_note"].startswith("too short to grade: 31 words in 1 sentence ")
    assert (metrics["words"], metrics["sentences"]) == (31, 1)
    (finding,) = article["findings"]
    assert set(finding) == FINDING_KEYS
    assert finding == {
        "code": "RDG003",
        "name": "long-sentence",
        "severity": "warning",
        "message": "Sentence has 31 words (limit 30)",
        "path": "content/a.md",
        "line": 3,
        "column": 1,
        "end_line": 3,
        "end_column": len(LONG_31) + 1,
        "text": LONG_31,
        "suggestion": "Split it into two or more sentences.",
        "scope": "sentence",
        "details": {"words": 31, "limit": 30, "all_words": 31},
    }
    assert data["errors"] == [
        {"path": "content/bad.md", "line": None, "message": "empty file: nothing to check"}
    ]
    summary = data["summary"]
    assert summary["articles"] == 1
    assert summary["errors"] == 1
    assert summary["findings"] == 1
    assert summary["by_severity"] == {"error": 0, "warning": 1, "info": 0}
    assert summary["fail_on"] == "warning"
    assert summary["exit_code"] == 2


def test_json_finding_in_front_matter_field_points_into_the_field(project: Path) -> None:
    text = f"---\ntitle: Fevers\nsummary: {LONG_31}\n---\n\nDrink water.\n"
    write(project, "a.md", text)
    data = run_json("a.md", "--select", "RDG003")
    (finding,) = data["articles"][0]["findings"]
    assert (finding["line"], finding["column"]) == (3, len("summary: ") + 1)
    assert (finding["end_line"], finding["end_column"]) == (3, len("summary: " + LONG_31) + 1)
    assert finding["text"] == LONG_31


def test_json_finding_in_multiline_answer_field(project: Path) -> None:
    text = f"---\ntitle: Fevers\nanswer: |\n  Rest well.\n\n  Take it now. {LONG_31}\n---\n"
    write(project, "a.md", text)
    data = run_json("a.md", "--select", "RDG003")
    (finding,) = data["articles"][0]["findings"]
    assert (finding["line"], finding["column"]) == (6, len("  Take it now. ") + 1)


def test_json_finding_after_mojibake_points_at_source(project: Path) -> None:
    line = f"Your bodyâ€™s cells are fine. {LONG_31}"
    write(project, "a.md", f"# Title\n\n{line}\n")
    data = run_json("a.md")
    article = data["articles"][0]
    assert article["repairs"] == [
        {
            "kind": "mojibake",
            "message": "fixed 1 mis-decoded character (UTF-8 read as Windows-1252, such as 'â€™' "
            "for '’')",
            "line": 3,
            "count": 1,
        }
    ]
    by_code = {f["code"]: f for f in article["findings"]}
    assert (by_code["RDG003"]["line"], by_code["RDG003"]["column"]) == (3, line.index("If you") + 1)
    assert (by_code["CHK002"]["line"], by_code["CHK002"]["severity"]) == (3, "info")


def test_json_unsupported_language(project: Path) -> None:
    write(project, "a.md", "---\nlang: klingon-ish\n---\nThe body has bones.\n")
    data = run_json("a.md")
    article = data["articles"][0]
    assert article["lang"] is None
    assert article["metrics"]["grade"] is None
    assert article["metrics"]["scores"] == {}
    assert [f["code"] for f in article["findings"]] == ["CHK005"]
    assert article["findings"][0]["line"] == 2
    assert data["summary"]["by_severity"]["error"] == 1


# -- exit codes and flags ---------------------------------------------------------------------


def test_exit_0_when_clean(project: Path) -> None:
    write(project, "a.md", f"{TEN_WORDS}\n")
    result = run("check", "a.md")
    assert result.exit_code == 0
    assert "Checked 1 article(s): 0 error(s), 0 warning(s), 0 info" in result.output


def test_exit_1_on_warning(project: Path) -> None:
    write(project, "a.md", f"{LONG_31}\n")
    assert run("check", "a.md").exit_code == 1


def test_exit_2_on_input_error_even_with_findings(project: Path) -> None:
    write(project, "a.md", f"{LONG_31}\n")
    write(project, "b.md", b"")
    result = run("check", "a.md", "b.md")
    assert result.exit_code == 2
    assert "b.md: error: empty file: nothing to check" in result.output
    assert "a.md:1:1: RDG003 [warning]" in result.output


@pytest.mark.parametrize(
    ("args", "exit_code", "codes"),
    [
        ([], 1, ["RDG003", "CHK002"]),
        (["--select", "RDG003"], 1, ["RDG003"]),
        (["--select", "long-sentence"], 1, ["RDG003"]),
        (["--select", "CHK"], 0, ["CHK002"]),
        (["--ignore", "RDG003"], 0, ["CHK002"]),
        (["--ignore", "RDG", "--ignore", "input-repaired"], 0, []),
        (["--fail-on", "error"], 0, ["RDG003", "CHK002"]),
        (["--fail-on", "info", "--select", "CHK002"], 1, ["CHK002"]),
        (["--fail-on", "ERROR", "--select", "RDG003"], 0, ["RDG003"]),
    ],
)
def test_select_ignore_fail_on(
    project: Path, args: list[str], exit_code: int, codes: list[str]
) -> None:
    write(project, "a.txt", f"Home\n\n{LONG_31}\n")
    result = run("check", "a.txt", "--format", "json", *args)
    assert result.exit_code == exit_code
    findings = json.loads(result.stdout)["articles"][0]["findings"]
    assert sorted(f["code"] for f in findings) == sorted(codes)


def test_cli_ignore_adds_to_config_ignore(project: Path) -> None:
    write(project, "checker.toml", 'ignore = ["CHK002"]\n')
    write(project, "a.txt", f"Home\n\n{LONG_31}\n")
    data = run_json("a.txt", "--ignore", "RDG003")
    assert data["articles"][0]["findings"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "NOPE"], "unknown rule or prefix 'NOPE'"),
        (["--ignore", "NOPE"], "unknown rule or prefix 'NOPE'"),
        (["--fail-on", "fatal"], "--fail-on: unknown severity 'fatal'"),
        (["--format", "xml"], "xml"),
    ],
)
def test_usage_errors_exit_2(project: Path, args: list[str], message: str) -> None:
    write(project, "a.md", f"{TEN_WORDS}\n")
    result = run("check", "a.md", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_bad_config_exits_2(project: Path) -> None:
    write(project, "checker.toml", "colour = true\n")
    write(project, "a.md", f"{TEN_WORDS}\n")
    result = run("check", "a.md")
    assert result.exit_code == 2
    assert "checker: error: " in result.output
    assert "checker.toml: colour: unknown key" in result.output
    assert "Traceback" not in result.output


def test_explicit_config_option(project: Path) -> None:
    write(project, "strict.toml", "[readability]\nlong-sentence-words = 5\n")
    write(project, "a.md", f"{TEN_WORDS}\n")
    assert run("check", "a.md").exit_code == 0
    assert run("check", "a.md", "--config", "strict.toml").exit_code == 1


# -- rules and explain --------------------------------------------------------------------------


def test_rules_lists_every_rule(project: Path) -> None:
    result = run("rules")
    assert result.exit_code == 0
    rows = result.output.splitlines()
    assert len(rows) == len(all_rules())
    for rule, row in zip(all_rules(), rows, strict=True):
        assert row.split()[:3] == [rule.code, rule.name, rule.severity.label]
        assert row.endswith(rule.summary)


def test_rules_json(project: Path) -> None:
    result = run("rules", "--format", "json")
    assert result.exit_code == 0
    table = json.loads(result.stdout)
    assert [(r["code"], r["name"], r["severity"]) for r in table] == [
        (r.code, r.name, r.severity.label) for r in all_rules()
    ]
    assert {
        "RDG001",
        "RDG002",
        "RDG003",
        "RDG004",
        "RDG005",
        "CHK001",
        "CHK002",
        "CHK003",
        "CHK004",
        "CHK005",
    } <= {r["code"] for r in table}


@pytest.mark.parametrize("selector", ["RDG003", "rdg003", "long-sentence"])
def test_explain(project: Path, selector: str) -> None:
    result = run("explain", selector)
    assert result.exit_code == 0
    assert result.output.startswith("RDG003 long-sentence (default severity: warning)\n")
    assert "Before:" in result.output
    assert "After:" in result.output
    assert "30 for English" in result.output


@pytest.mark.parametrize("selector", ["XYZ999", "not-a-rule", "RDG"])
def test_explain_unknown_exits_2(project: Path, selector: str) -> None:
    result = run("explain", selector)
    assert result.exit_code == 2
    assert f"checker: error: unknown rule '{selector}'" in result.output


def test_python_m_checker_help(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checker", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for command in ("check", "rules", "explain"):
        assert command in done.stdout
    assert "Traceback" not in done.stderr


def test_python_m_checker_explain(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checker", "explain", "RDG005"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("RDG005 passive-voice")


def test_the_article_line_counts_in_words_a_writer_reads(project: Path) -> None:
    write(project, "a.md", "Drink water.\n")
    result = run("check", "a.md", "--no-color")
    assert "a.md [en, markdown] too short to grade, 2 words, 1 sentence\n" in result.output


def test_explain_lists_the_options_a_rule_reads_from_their_declarations() -> None:
    result = run("explain", "long-sentence")
    assert result.exit_code == 0
    assert (
        "[tool.checker.readability] long-sentence-words = 30: words above which a sentence is "
        "long (35 for Spanish, French and Italian) (a whole number from 1 to 1000)"
    ) in result.output
    claims = run("explain", "CLM005").output
    assert "[tool.checker.claims] unsourced-min-claims = 3" in claims
    assert "[tool.checker.claims] check-headings = false" in claims
    assert "Options:" not in run("explain", "A11Y002").output
