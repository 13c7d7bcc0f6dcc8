"""Every rule is documented with a before/after example and has a unique code and name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.model import Severity
from checker.rules import all_rules, by_code, lookup
from checker.rules.base import Rule

RULES = all_rules()
CODE = re.compile(r"^[A-Z0-9]+\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def test_there_are_rules() -> None:
    codes = {r.code for r in RULES}
    assert {"RDG001", "RDG002", "RDG003", "RDG004", "RDG005"} <= codes
    assert {"CHK001", "CHK002", "CHK003", "CHK004", "CHK005"} <= codes


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_documented(rule: Rule) -> None:
    doc = rule.check.__doc__
    assert doc, f"{rule.code} has no docstring"
    assert "Before:" in doc
    assert "After:" in doc
    assert doc.index("Before:") < doc.index("After:")
    assert "Before:" in rule.doc and "After:" in rule.doc
    assert rule.summary.strip()
    assert isinstance(rule.severity, Severity)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_code_and_name_format(rule: Rule) -> None:
    assert CODE.match(rule.code), rule.code
    assert NAME.match(rule.name), rule.name
    assert rule.family == rule.code[:-3]
    assert lookup(rule.code) is rule
    assert lookup(rule.code.lower()) is rule
    assert lookup(rule.name) is rule
    assert by_code()[rule.code] is rule


def test_codes_and_names_are_unique() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    assert not set(codes) & {n.upper() for n in names}


def test_rules_are_sorted_by_code() -> None:
    codes = [r.code for r in RULES]
    assert codes == sorted(codes)


def test_lookup_unknown() -> None:
    assert lookup("XYZ999") is None
    assert lookup("") is None


README = Path(__file__).resolve().parents[1] / "README.md"
TABLE_ROW = re.compile(
    r"^\| ([A-Z][A-Z0-9]*\d{3}) \| ([a-z0-9-]+) \| (error|warning|info) \|", re.M
)


def test_the_readme_rule_table_matches_the_registry() -> None:
    """Every rule appears once in the README's table, with its name and default severity."""
    rows = TABLE_ROW.findall(README.read_text(encoding="utf-8"))
    assert sorted(rows) == sorted((r.code, r.name, r.severity.label) for r in RULES)
