"""The engine runs an analysis only when a selected rule reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import checker.claims.finder
import checker.engine
from checker.rules import all_rules
from checker.rules.base import Input
from tests.conftest import check_text, codes

ARTICLE = (
    "---\nlang: en\n---\n\n# Statins\n\nStatins cut the risk of a heart attack by 30%. "
    "Methotrexate can cause hepatotoxicity in some people who take it every day.\n"
)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    counted = {"jargon": 0, "claims": 0}
    real_jargon, real_claims = checker.engine.find_jargon, checker.claims.finder.find_claims

    def jargon(*args: Any) -> Any:
        counted["jargon"] += 1
        return real_jargon(*args)

    def claims(*args: Any) -> Any:
        counted["claims"] += 1
        return real_claims(*args)

    monkeypatch.setattr(checker.engine, "find_jargon", jargon)
    monkeypatch.setattr(checker.claims.finder, "find_claims", claims)
    return counted


@pytest.mark.parametrize(
    ("select", "jargon", "claims"),
    [(["RDG"], 0, 0), (["PLN001"], 1, 0), (["NUM"], 0, 1), (["CLM", "PLN"], 1, 1), (["ALL"], 1, 1)],
)
def test_only_what_the_selected_rules_read_is_computed(
    tmp_path: Path, calls: dict[str, int], select: list[str], jargon: int, claims: int
) -> None:
    check_text(tmp_path, ARTICLE, select=select)
    assert calls == {"jargon": jargon, "claims": claims}


def test_a_skipped_analysis_changes_no_finding_of_the_selected_rules(tmp_path: Path) -> None:
    everything = check_text(tmp_path, ARTICLE, select=["ALL"])
    for family in ("RDG", "PLN", "CLM", "NUM", "A11Y"):
        alone = check_text(tmp_path, ARTICLE, select=[family])
        expected = [f for f in everything.findings if f.code.startswith(family)]
        assert list(alone.findings) == expected, family
    assert "PLN001" in codes(everything) and "NUM001" in codes(everything)


def test_without_the_jargon_finder_the_complex_share_is_not_reported(tmp_path: Path) -> None:
    assert check_text(tmp_path, ARTICLE, select=["RDG"]).metrics["complex_language_percent"] is None
    assert check_text(tmp_path, ARTICLE, select=["PLN"]).metrics["complex_language_percent"] >= 0


def test_rules_that_read_an_analysis_declare_it() -> None:
    needs = {r.code: r.needs for r in all_rules()}
    wordy = {"PLN007"}  # matches its phrase list in the document's text: no analysis
    assert all(Input.JARGON in needs[c] for c in needs if c.startswith("PLN") and c not in wordy)
    assert all(not needs[c] for c in wordy)
    assert all(Input.CLAIMS in needs[c] for c in needs if c.startswith(("CLM", "NUM")))
    assert all({Input.GRAMMAR, Input.JARGON} <= needs[c] for c in needs if c.startswith("GRM"))
    assert all(needs[c] == {Input.ANALYSIS} for c in needs if c.startswith("RDG"))
    assert needs["CHK003"] == needs["CHK004"] == {Input.SUPPRESSIONS}
    assert not any(needs[c] for c in needs if c.startswith(("A11Y", "TRN")))
