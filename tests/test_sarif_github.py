"""SARIF that GitHub code scanning accepts: its documented requirements, checked two ways.

``github_problems`` checks what GitHub's documentation ("SARIF support for code
scanning") and the SARIF SDK's GH rules require; where Microsoft's SARIF Multitool
is installed (``npm ci --prefix tests/sarif``, as ``.ci/run`` does), its own GH rules
check the same log too.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.output.records import RunSummary
from checker.output.sarif_format import (
    FINGERPRINT,
    GITHUB_MAX_RESULTS,
    _invocation,
    artifact_location,
)
from tests.conftest import FIXTURES, write

HARD = (
    "Corticosteroid-induced hypothalamic-pituitary-adrenal axis suppression necessitates "
    "individualised glucocorticoid tapering regimens, particularly following prolonged "
    "supraphysiological administration, to mitigate adrenal insufficiency.\n\n"
)
ARTICLES = {
    # a title in the front matter (line 2): whole-article findings point there
    "content/steroids.md": "---\ntitle: Steroid tapering\nlang: en\n---\n\n"
    + HARD
    + HARD.replace("adrenal insufficiency", "iatrogenic hypoadrenalism")
    + HARD.replace("supraphysiological", "pharmacological"),
    # no front matter: the first heading (line 3)
    "content/es/vacunación del niño.md": (
        "<!-- draft -->\n\n# Vacunas\n\n"
        "La supresión del eje hipotálamo-hipofisario-suprarrenal inducida por "
        "corticosteroides requiere pautas de reducción individualizadas de glucocorticoides, "
        "particularmente tras una administración suprafisiológica prolongada.\n\n"
        "La insuficiencia suprarrenal secundaria constituye una complicación potencialmente "
        "letal que exige una monitorización endocrinológica exhaustiva y sistemática.\n\n"
        "La vacuna cura la gripe en el 100% de los casos.\n"
    ),
    "content/mtx.md": (
        "# Methotrexate\n\nMethotrexate cures arthritis in 100% of cases.\n\n"
        "[click here](https://example.org/mtx)\n"
    ),
    "content/broken.md": "---\ntitle: [unclosed\n---\n\nText.\n",
}

#: GitHub's limits (docs: "SARIF results exceed limits"); above them an upload is refused.
LIMITS = {"runs": 20, "results": 25_000, "rules": 25_000, "locations": 1_000, "tags": 20}


def github_problems(log: dict[str, Any]) -> list[str]:
    """Every way ``log`` breaks GitHub code scanning's documented requirements."""
    problems: list[str] = []
    if log.get("version") != "2.1.0":
        problems.append("version is not 2.1.0")
    runs = log.get("runs")
    if not isinstance(runs, list):
        return [*problems, "no runs array"]
    if len(runs) > LIMITS["runs"]:
        problems.append(f"{len(runs)} runs")
    for r, run in enumerate(runs):
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            problems.append(f"runs[{r}]: the driver has no name")
        rules = driver.get("rules")
        if not isinstance(rules, list):
            problems.append(f"runs[{r}]: the driver has no rules array")
            rules = []
        if len(rules) > LIMITS["rules"]:
            problems.append(f"runs[{r}]: {len(rules)} rules")
        for rule in rules:
            where = f"runs[{r}] rule {rule.get('id')}"
            for key in ("id",):
                if not rule.get(key):
                    problems.append(f"{where}: no {key}")
            for key in ("shortDescription", "fullDescription", "help"):
                if not rule.get(key, {}).get("text"):
                    problems.append(f"{where}: no {key}.text")
            if len(rule.get("properties", {}).get("tags", [])) > LIMITS["tags"]:
                problems.append(f"{where}: too many tags")
        results = run.get("results")
        if not isinstance(results, list):
            problems.append(f"runs[{r}]: no results array")
            continue
        if len(results) > LIMITS["results"]:
            problems.append(f"runs[{r}]: {len(results)} results")
        for i, result in enumerate(results):
            where = f"runs[{r}].results[{i}] ({result.get('ruleId')})"
            if not result.get("ruleId"):
                problems.append(f"{where}: no ruleId")
            if not result.get("message", {}).get("text"):
                problems.append(f"{where}: no message.text")
            locations = result.get("locations") or []
            if not locations:
                problems.append(f"{where}: no locations")
            if len(locations) > LIMITS["locations"]:
                problems.append(f"{where}: too many locations")
            for location in locations:
                physical = location.get("physicalLocation")
                if not physical:
                    problems.append(f"{where}: no physicalLocation")
                    continue
                uri = physical.get("artifactLocation", {}).get("uri")
                if not uri:
                    problems.append(f"{where}: no artifactLocation.uri")
                else:
                    problems.extend(f"{where}: {p}" for p in _uri_problems(uri))
                if not isinstance(physical.get("region", {}).get("startLine"), int):
                    problems.append(f"{where}: no region.startLine")
    return problems


def _uri_problems(uri: str) -> list[str]:
    """GH1005/GH1006 and SARIF1002: a valid relative reference, or a file: URI."""
    problems = []
    if re.search(r"[\s\\\x00-\x1f\x7f-\uffff]", uri):
        problems.append(f"{uri!r} is not percent-encoded")
    scheme = urlsplit(uri).scheme
    if scheme and scheme != "file":
        problems.append(f"{uri!r} is not a file path")
    return problems


#: An article outside the project (``tmp_path/project``), named on the command line.
OUTSIDE = "../elsewhere/notes on a walk.md"


def sarif_log(tmp_path: Path, *args: str, stderr: list[str] | None = None) -> dict[str, Any]:
    """The SARIF of ``content/`` (and ``args``), run in ``tmp_path/project``."""
    project = tmp_path / "project"
    for name, text in ARTICLES.items():
        write(project, name, text)
    write(project, "pyproject.toml", '[tool.checker]\npaths = ["content"]\n')
    write(tmp_path, "elsewhere/notes on a walk.md", "# Walking\n\nWalking cures back pain.\n")
    command = ["check", "content", "--format", "sarif", "--no-cache", *args]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        done = CliRunner().invoke(app, command, env={"GITHUB_ACTIONS": ""})
    assert done.exit_code == 2, done.output  # content/broken.md cannot be read
    if stderr is not None:
        stderr.append(done.stderr)
    log: dict[str, Any] = json.loads(done.stdout)
    return log


@pytest.fixture
def log(tmp_path: Path) -> dict[str, Any]:
    return sarif_log(tmp_path)


def test_every_result_meets_githubs_requirements(log: dict[str, Any]) -> None:
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    assert github_problems(log) == []
    results = log["runs"][0]["results"]
    assert any(r["properties"]["scope"] == "document" for r in results)
    assert all(FINGERPRINT in r["partialFingerprints"] for r in results)


def test_a_whole_article_finding_points_at_the_title_and_stays_document_scoped(
    log: dict[str, Any],
) -> None:
    def region_of(rule: str, uri: str) -> dict[str, Any]:
        for result in log["runs"][0]["results"]:
            physical = result["locations"][0]["physicalLocation"]
            if result["ruleId"] == rule and physical["artifactLocation"]["uri"] == uri:
                assert result["properties"]["scope"] == "document"
                region: dict[str, Any] = physical["region"]
                return region
        raise AssertionError(f"no {rule} on {uri}")

    assert region_of("RDG001", "content/steroids.md") == {"startLine": 2}  # title field
    spanish = "content/es/vacunaci%C3%B3n%20del%20ni%C3%B1o.md"  # encoded, first heading
    assert region_of("RDG001", spanish) == {"startLine": 3}


def test_an_unreadable_file_is_a_notification_with_a_valid_uri(log: dict[str, Any]) -> None:
    notifications = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    (unreadable,) = [n for n in notifications if "locations" in n]
    location = unreadable["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "content/broken.md", "uriBaseId": "%SRCROOT%"}
    assert isinstance(location["region"]["startLine"], int)  # the line YAML stopped at


def test_a_file_outside_the_project_has_a_file_uri_and_a_warning(tmp_path: Path) -> None:
    """GitHub refuses it (SARIF SDK rule GH1006): the run says so, and the SARIF stays whole."""
    stderr: list[str] = []
    log = sarif_log(tmp_path, OUTSIDE, stderr=stderr)
    assert "notes on a walk.md is outside the project folder" in stderr[0]
    (invocation,) = log["runs"][0]["invocations"]
    root = (tmp_path / "project").resolve().as_uri() + "/"
    assert invocation["workingDirectory"] == {"uri": root}
    outside = (tmp_path / "elsewhere/notes on a walk.md").resolve().as_uri()
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert outside in uris and "%20" in outside


def test_fingerprints_survive_an_edit_above_the_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    def claims(log: dict[str, Any]) -> dict[str, int]:
        return {
            r["partialFingerprints"][FINGERPRINT]: r["locations"][0]["physicalLocation"]["region"][
                "startLine"
            ]
            for r in log["runs"][0]["results"]
            if r["ruleId"] == "CLM002"
        }

    before = claims(sarif_log(tmp_path))
    edited = {
        **ARTICLES,
        "content/mtx.md": ARTICLES["content/mtx.md"].replace(
            "# Methotrexate\n\n", "# Methotrexate\n\nTake it once a week.\n\n"
        ),
    }
    monkeypatch.setattr(f"{__name__}.ARTICLES", edited)
    after = claims(sarif_log(tmp_path))
    assert before.keys() == after.keys() and len(before) >= 2
    moved = [key for key in before if after[key] == before[key] + 2]
    assert moved, (before, after)  # the same alert, two lines further down


def test_the_validator_finds_what_github_refuses() -> None:
    """``github_problems`` is not vacuous: each requirement it checks can fail."""
    bad = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x", "rules": [{"id": "X1"}]}},
                "results": [
                    {
                        "ruleId": "X1",
                        "message": {"text": "m"},
                        "locations": [
                            {"physicalLocation": {"artifactLocation": {"uri": "a b.md"}}}
                        ],
                    },
                    {"ruleId": "X1", "message": {}, "locations": []},
                    {
                        "ruleId": "X1",
                        "message": {"text": "m"},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": "https://example.org/a.md"},
                                    "region": {"startLine": 1},
                                }
                            }
                        ],
                    },
                ],
            }
        ],
    }
    problems = "\n".join(github_problems(bad))
    for expected in (
        "no shortDescription.text",
        "no help.text",
        "not percent-encoded",
        "no region.startLine",
        "no message.text",
        "no locations",
        "is not a file path",
    ):
        assert expected in problems


def test_a_run_over_githubs_limit_says_so() -> None:
    summary = RunSummary()
    notes = _invocation(summary, GITHUB_MAX_RESULTS + 1)["toolExecutionNotifications"]
    assert len(notes) == 1 and "25,000" in notes[0]["message"]["text"]
    assert _invocation(summary, GITHUB_MAX_RESULTS)["toolExecutionNotifications"] == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("content/a.md", {"uri": "content/a.md", "uriBaseId": "%SRCROOT%"}),
        ("content/es/vacunación 1.md", {"uri": "content/es/vacunaci%C3%B3n%201.md"}),
        ("/srv/site/a b.md", {"uri": "file:///srv/site/a%20b.md"}),
        ("C:/Users/ana/a.md", {"uri": "file:///C:/Users/ana/a.md"}),
    ],
)
def test_artifact_locations_are_uris(path: str, expected: dict[str, str]) -> None:
    assert artifact_location(path).items() >= expected.items()


# -- Microsoft's SARIF Multitool --------------------------------------------------------------

MULTITOOL = Path(__file__).parent / "sarif/node_modules/@microsoft/sarif-multitool-linux"
#: The SDK's GitHub rules, all switched on (they are off unless a configuration says so).
GH_RULES = (
    "GH1001.ProvideRequiredLocationProperties",
    "GH1002.InlineThreadFlowLocations",
    "GH1003.ProvideRequiredRegionProperties",
    "GH1004.ReviewArraysThatExceedConfigurableDefaults",
    "GH1005.LocationsMustBeRelativeUrisOrFilePaths",
    "GH1006.ProvideCheckoutPath",
    "GH1007.ProvideFullyFormattedMessageStrings",
    "GH1011.GhasReferenceFinalSchema",
    "GH1013.GhProvideRequiredSarifLogProperties",
    "GH1014.GhasProvideRequiredRunProperties",
    "GH1015.GhasProvideRequiredResultProperties",
    "GH1016.GhasProvideRequiredLocationProperties",
    "GH1017.GhasProvideRequiredPhysicalLocationProperties",
    "GH1018.GhasProvideToolDriver",
    "GH2012.GhasProvideRequiredReportingDescriptorProperties",
)


def _multitool() -> Path:
    tool = MULTITOOL / "Sarif.Multitool"
    if not tool.is_file():
        if os.environ.get("CHECKER_REQUIRE_SARIF_MULTITOOL"):
            pytest.fail("the SARIF Multitool is required here: npm ci --prefix tests/sarif")
        pytest.skip("Microsoft's SARIF Multitool is not installed (npm ci --prefix tests/sarif)")
    if not tool.stat().st_mode & stat.S_IXUSR:  # npm may skip the package's chmod script
        tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    return tool


def multitool_rule_ids(tool: Path, log_path: Path, folder: Path) -> list[str]:
    config = folder / "github-rules.xml"
    config.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<Properties>\n'
        + "".join(
            f'  <Properties Key="{rule}.Options">\n'
            '    <Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" />\n'
            "  </Properties>\n"
            for rule in GH_RULES
        )
        + "</Properties>\n",
        encoding="utf-8",
    )
    report = folder / f"validation-{log_path.stem}.sarif"
    arguments = ["validate", "-c", str(config), "--rule-kind", "Ghas", "-o", str(report)]
    done = subprocess.run(
        [str(tool), *arguments, str(log_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"},
    )
    assert report.is_file(), done.stdout + done.stderr
    validation = json.loads(report.read_text(encoding="utf-8-sig"))
    return [result["ruleId"] for result in validation["runs"][0]["results"]]


def test_microsofts_sarif_multitool_finds_nothing_github_refuses(
    log: dict[str, Any], tmp_path: Path
) -> None:
    tool = _multitool()
    ours = tmp_path / "checker.sarif"
    ours.write_text(json.dumps(log), encoding="utf-8")
    assert multitool_rule_ids(tool, ours, tmp_path) == []
    # and it does find a result with no region, as ours had before
    for result in log["runs"][0]["results"]:
        result["locations"][0]["physicalLocation"].pop("region")
    broken = tmp_path / "broken.sarif"
    broken.write_text(json.dumps(log), encoding="utf-8")
    assert "GH1003" in multitool_rule_ids(tool, broken, tmp_path)
