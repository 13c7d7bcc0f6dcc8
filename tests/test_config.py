"""Configuration: files, strict validation, rule selection, per-file ignores, severities."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from checker.config import DEFAULT_BOILERPLATE, Config, ConfigError, find_config_file, load_config
from checker.engine import Selection
from checker.model import Severity
from checker.options import SECTIONS, Kind, Option
from checker.rules import all_rules, resolve_selectors
from checker.selection import check_selectors, severities
from tests.conftest import LONG_31, check_files, check_text, codes, only, write

ALL_CODES = {r.code for r in all_rules()}


def test_pyproject_tool_checker(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        """
[project]
name = "x"

[tool.checker]
paths = ["articles"]
default-language = "es"
select = ["RDG"]
ignore = ["passive-voice"]
fail-on = "error"
max-file-size = 1000
front-matter-fields = ["title", "body"]

[tool.checker.readability]
target-grade = 6
long-sentence-words = 18

[tool.checker.readability.languages.es]
target-grade = 9

[tool.checker.per-file-ignores]
"drafts/*" = ["RDG003"]

[tool.checker.severity]
RDG003 = "error"
long-paragraph = "info"

[[tool.checker.overrides]]
paths = ["pro/*"]
readability = { target-grade = 12 }
""",
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config_file(sub) == (tmp_path / "pyproject.toml").resolve()
    config = load_config(start=sub)
    assert config.root == tmp_path.resolve()
    assert config.source == (tmp_path / "pyproject.toml").resolve()
    assert config.paths == ("articles",)
    assert config.default_language == "es"
    assert config.select == ("RDG",)
    assert config.ignore == ("passive-voice",)
    assert config.fail_on is Severity.ERROR
    assert config.max_file_size == 1000
    assert config.front_matter_fields == ("title", "body")
    assert config.per_file_ignores == {"drafts/*": ("RDG003",)}
    assert severities(config) == {"RDG003": Severity.ERROR, "RDG004": Severity.INFO}
    assert config.readability == {"target_grade": 6.0, "long_sentence_words": 18}
    assert config.readability_by_language == {"es": {"target_grade": 9.0}}
    assert config.readability_for("en", "x.md").target_grade == 6.0
    assert config.readability_for("es", "x.md").target_grade == 9.0
    assert config.readability_for("es", "x.md").long_sentence_words == 18
    assert config.readability_for("es", "pro/x.md").target_grade == 12.0
    assert isinstance(config.readability_for("en", "x.md").long_sentence_words, int)


def test_checker_toml_top_level_and_tool_table(tmp_path: Path) -> None:
    write(tmp_path, "checker.toml", 'default-language = "de"\n')
    config = load_config(start=tmp_path)
    assert config.default_language == "de"
    assert config.source == (tmp_path / "checker.toml").resolve()
    write(tmp_path, "checker.toml", '[tool.checker]\ndefault-language = "fr"\n')
    assert load_config(start=tmp_path).default_language == "fr"


def test_checker_toml_wins_over_pyproject_in_same_folder(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.checker]\ndefault-language = "es"\n')
    write(tmp_path, "checker.toml", 'default-language = "it"\n')
    assert load_config(start=tmp_path).default_language == "it"


def test_pyproject_without_tool_checker_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.checker]\ndefault-language = "nl"\n')
    write(tmp_path, "sub/pyproject.toml", '[project]\nname = "x"\n')
    config = load_config(start=tmp_path / "sub")
    assert config.default_language == "nl"
    assert config.root == tmp_path.resolve()


def test_explicit_config_file(tmp_path: Path) -> None:
    path = write(tmp_path, "conf/my.toml", 'paths = ["docs"]\n')
    config = load_config(path)
    assert config.paths == ("docs",)
    assert config.root == (tmp_path / "conf").resolve()


def test_defaults() -> None:
    config = Config()
    assert config.select == ("ALL",)
    assert config.ignore == ()
    assert config.fail_on is Severity.WARNING
    assert config.default_language == "en"
    assert config.boilerplate == DEFAULT_BOILERPLATE


@pytest.mark.parametrize(
    ("body", "key", "message"),
    [
        ("colour = true", "tool.checker.colour", "unknown key"),
        ("[readability]\ntarget = 8", "tool.checker.readability.target", "unknown key"),
        (
            "[readability.languages.es]\nlong = 3",
            "tool.checker.readability.languages.es.long",
            "unknown key",
        ),
        ("paths = 3", "tool.checker.paths", "expected a list of strings"),
        ('paths = ["a", 1]', "tool.checker.paths", "expected a list of strings"),
        ("default-language = 5", "tool.checker.default-language", "expected a language code"),
        ('max-file-size = "big"', "tool.checker.max-file-size", "expected a positive whole number"),
        ("max-file-size = -1", "tool.checker.max-file-size", "expected a positive whole number"),
        ("max-file-size = true", "tool.checker.max-file-size", "expected a positive whole number"),
        ('fail-on = "fatal"', "tool.checker.fail-on", "unknown severity"),
        ('select = ["XYZ"]', "tool.checker.select", "unknown rule or prefix 'XYZ'"),
        ('ignore = ["nonsense-rule"]', "tool.checker.ignore", "unknown rule or prefix"),
        (
            '[readability]\ntarget-grade = "8"',
            "tool.checker.readability.target-grade",
            "expected a number",
        ),
        (
            "[readability]\ntarget-grade = true",
            "tool.checker.readability.target-grade",
            "expected a number",
        ),
        (
            "[readability]\nlong-sentence-words = -3",
            "tool.checker.readability.long-sentence-words",
            "expected a whole number from 1 to 1000",
        ),
        # TOML's nan and inf are numbers, not grades
        (
            "[readability]\ntarget-grade = nan",
            "tool.checker.readability.target-grade",
            "expected a number",
        ),
        (
            "[readability]\ntarget-grade = inf",
            "tool.checker.readability.target-grade",
            "expected a number",
        ),
        (
            "[readability]\ntarget-grade = -2",
            "tool.checker.readability.target-grade",
            "expected a number from 0 to 22",
        ),
        (
            "[readability]\nlong-sentence-words = 25.5",
            "tool.checker.readability.long-sentence-words",
            "expected a whole number",
        ),
        (
            "[readability]\npassive-voice-percent = 150",
            "tool.checker.readability.passive-voice-percent",
            "expected a number from 0 to 100",
        ),
        ("readability = 3", "tool.checker.readability", "expected a table"),
        ('severity = "error"', "tool.checker.severity", "expected a table"),
        ('[severity]\nRDG003 = "fatal"', "tool.checker.severity.RDG003", "unknown severity"),
        ('[severity]\nRDG = "error"', "tool.checker.severity.RDG", "unknown rule"),
        (
            '[per-file-ignores]\n"a/*" = ["NOPE1"]',
            "tool.checker.per-file-ignores.a/*",
            "unknown rule",
        ),
        ('per-file-ignores = ["a"]', "tool.checker.per-file-ignores", "expected a table"),
        ('boilerplate = ["(unclosed"]', "tool.checker.boilerplate", "invalid pattern"),
        ("overrides = 3", "tool.checker.overrides", "expected an array of tables"),
        ("[[overrides]]\nreadability = {}", "tool.checker.overrides[0]", "needs 'paths'"),
        (
            '[[overrides]]\npaths = ["a"]\nlang = "es"',
            "tool.checker.overrides[0].lang",
            "unknown key",
        ),
    ],
)
def test_invalid_config_names_file_and_key(
    tmp_path: Path, body: str, key: str, message: str
) -> None:
    # Tables in the body are relative to [tool.checker].
    text = "[tool.checker]\n" + body.replace("[readability", "[tool.checker.readability")
    text = text.replace("[severity]", "[tool.checker.severity]")
    text = text.replace("[per-file-ignores]", "[tool.checker.per-file-ignores]")
    text = text.replace("[[overrides]]", "[[tool.checker.overrides]]")
    path = write(tmp_path, "pyproject.toml", text)
    with pytest.raises(ConfigError) as info:
        check_selectors(load_config(path))
    text = str(info.value)
    assert text.startswith(f"{path}: {key}: "), text
    assert message in text


def test_unknown_key_in_checker_toml_has_no_prefix(tmp_path: Path) -> None:
    path = write(tmp_path, "checker.toml", "colour = true\n")
    with pytest.raises(ConfigError, match=r"checker\.toml: colour: unknown key"):
        load_config(path)


def test_invalid_toml(tmp_path: Path) -> None:
    path = write(tmp_path, "checker.toml", "paths = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path)


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "nope.toml")


# -- selection ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selectors", "expected"),
    [
        (["RDG003"], {"RDG003"}),
        (["rdg003"], {"RDG003"}),
        (["long-sentence"], {"RDG003"}),
        (["RDG"], {"RDG001", "RDG002", "RDG003", "RDG004", "RDG005", "RDG006"}),
        (["RDG00"], {"RDG001", "RDG002", "RDG003", "RDG004", "RDG005", "RDG006"}),
        (["CHK"], {"CHK001", "CHK002", "CHK003", "CHK004", "CHK005"}),
        (["ALL"], ALL_CODES),
        (["passive-voice", "CHK001"], {"RDG005", "CHK001"}),
    ],
)
def test_resolve_selectors(selectors: list[str], expected: set[str]) -> None:
    assert set(resolve_selectors(selectors)) == expected


def test_resolve_unknown_selector() -> None:
    with pytest.raises(ValueError, match="unknown rule or prefix 'XYZ'"):
        resolve_selectors(["XYZ"])


def test_selection_select_minus_ignore() -> None:
    selection = Selection.build(["RDG"], ["long-sentence", "RDG005"])
    assert selection.codes == frozenset({"RDG001", "RDG002", "RDG004", "RDG006"})
    assert Selection.build(
        ["ALL"], ["CHK", "PLN", "CLM", "NUM", "A11Y", "TRN", "GRM"]
    ).codes == frozenset({"RDG001", "RDG002", "RDG003", "RDG004", "RDG005", "RDG006"})


@pytest.mark.parametrize(
    ("select", "ignore", "present"),
    [
        (["ALL"], [], True),
        (["RDG003"], [], True),
        (["long-sentence"], [], True),
        (["RDG"], [], True),
        (["RDG"], ["RDG003"], False),
        (["ALL"], ["long-sentence"], False),
        (["ALL"], ["RDG"], False),
        (["CHK"], [], False),
    ],
)
def test_select_and_ignore_change_findings(
    tmp_path: Path, select: list[str], ignore: list[str], present: bool
) -> None:
    article = check_text(tmp_path, f"{LONG_31}\n", select=select, ignore=ignore)
    assert ("RDG003" in codes(article)) is present


def test_config_select_and_ignore_are_used(tmp_path: Path) -> None:
    write(tmp_path, "checker.toml", 'select = ["RDG003", "RDG004"]\nignore = ["long-paragraph"]\n')
    write(tmp_path, "a.md", f"{LONG_31}\n")
    config = load_config(start=tmp_path)
    result = check_files(tmp_path, [tmp_path / "a.md"], config=config)
    assert codes(result.articles[0]) == ["RDG003"]


def test_per_file_ignores(tmp_path: Path) -> None:
    write(
        tmp_path,
        "checker.toml",
        '[per-file-ignores]\n"drafts/*" = ["long-sentence"]\n"*/old.md" = ["RDG"]\n',
    )
    for name in ("drafts/a.md", "final/a.md", "final/old.md"):
        write(tmp_path, name, f"{LONG_31}\n")
    config = load_config(start=tmp_path)
    result = check_files(tmp_path, config=config)
    by_path = {a.document.path: codes(a) for a in result.articles}
    assert "RDG003" not in by_path["drafts/a.md"]
    assert "RDG003" in by_path["final/a.md"]
    assert not [c for c in by_path["final/old.md"] if c.startswith("RDG")]


def test_severity_overrides(tmp_path: Path) -> None:
    write(tmp_path, "checker.toml", '[severity]\nlong-sentence = "error"\nCHK002 = "warning"\n')
    config = load_config(start=tmp_path)
    article = check_text(tmp_path, f"Home\n\n{LONG_31}\n", name="a.txt", config=config)
    (finding,) = only(article, "RDG003")
    assert finding.severity is Severity.ERROR
    assert [f.severity for f in only(article, "CHK002")] == [Severity.WARNING]


@pytest.mark.parametrize(
    ("fail_on", "severity", "exit_code"),
    [
        ("warning", None, 1),
        ("error", None, 0),
        ("error", "error", 1),
        ("info", "info", 1),
        ("warning", "info", 0),
    ],
)
def test_fail_on(tmp_path: Path, fail_on: str, severity: str | None, exit_code: int) -> None:
    table = f'fail-on = "{fail_on}"\nselect = ["RDG003"]\n'
    if severity:
        table += f'[severity]\nRDG003 = "{severity}"\n'
    write(tmp_path, "checker.toml", table)
    write(tmp_path, "a.md", f"{LONG_31}\n")
    config = load_config(start=tmp_path)
    result = check_files(tmp_path, [tmp_path / "a.md"], config=config)
    assert len(list(result.findings)) == 1
    assert result.summary().exit_code == exit_code


def test_extend_boilerplate(tmp_path: Path) -> None:
    write(tmp_path, "checker.toml", 'extend-boilerplate = ["subscribe now"]\n')
    config = load_config(start=tmp_path)
    assert config.boilerplate == (*DEFAULT_BOILERPLATE, "subscribe now")
    article = check_text(
        tmp_path, "Drink water daily.\n\nSubscribe now!\n", name="a.txt", config=config
    )
    assert [b.text for b in article.document.blocks] == ["Drink water daily."]


def test_front_matter_fields_config(tmp_path: Path) -> None:
    write(tmp_path, "checker.toml", 'front-matter-fields = ["seo.page_description"]\n')
    config = load_config(start=tmp_path)
    text = "---\ntitle: Not read\nseo:\n  page_description: Drink water daily.\n---\n"
    article = check_text(tmp_path, text, config=config)
    assert [(b.text, b.source_field) for b in article.document.blocks] == [
        ("Drink water daily.", "seo.page_description")
    ]
    line, col = article.document.position(article.document.blocks[0].content.source_offset(0))
    assert (line, col) == (4, 21)


def test_a_broken_pyproject_found_by_discovery_is_an_error_not_the_defaults(
    tmp_path: Path,
) -> None:
    write(tmp_path, "pyproject.toml", '[tool.checker]\ntarget = 1\npaths = ["a"\n')
    sub = tmp_path / "content"
    sub.mkdir()
    with pytest.raises(ConfigError, match=r"pyproject\.toml: invalid TOML: .*(line|end of)"):
        load_config(start=sub)
    # a broken pyproject.toml that is not about the checker is another tool's business
    write(tmp_path, "pyproject.toml", "[tool.other]\nx = [1\n")
    assert load_config(start=sub).source is None


def test_the_cli_stops_with_exit_2_on_a_broken_discovered_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from checker.cli import app

    write(tmp_path, "pyproject.toml", "[tool.checker]\nselect = [\n")
    write(tmp_path, "a.md", "Drink water.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "a.md"])
    assert result.exit_code == 2
    assert "pyproject.toml: invalid TOML" in result.output


# -- every declared option goes through the one validator -----------------------------------

NUMERIC_OPTIONS = [
    (section, option)
    for section, options in SECTIONS.items()
    for option in options
    if option.kind in (Kind.NUMBER, Kind.WHOLE)
]


@pytest.mark.parametrize(
    ("section", "option"), NUMERIC_OPTIONS, ids=[f"{s}.{o.key}" for s, o in NUMERIC_OPTIONS]
)
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "true", '"8"', "1e9"])
def test_every_number_option_refuses_what_is_not_a_number_in_its_range(
    tmp_path: Path, section: str, option: Option, value: str
) -> None:
    path = write(tmp_path, "checker.toml", f"[{section}]\n{option.key} = {value}\n")
    if value == "1e9" and option.high == math.inf:
        load_config(path)  # no upper bound
        return
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == f"{path}: {section}.{option.key}: expected {option.expects()}"


def test_ranges_are_said_in_words() -> None:
    assert Option("a", Kind.NUMBER, "", 0, 22).expects() == "a number from 0 to 22"
    assert Option("a", Kind.WHOLE, "", 1).expects() == "a whole number of 1 or more"
    assert Option("a", Kind.NUMBER, "", 0, above_low=True).expects() == "a positive number"


def test_every_option_a_rule_reads_names_real_rules() -> None:
    codes = {r.code for r in all_rules()}
    for options in SECTIONS.values():
        for option in options:
            assert set(option.rules) <= codes, option.key
