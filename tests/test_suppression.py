"""Inline ``<!-- checker: ... -->`` comments: ignore, disable/enable, file-ignore, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.model import Severity
from tests.conftest import LONG_31, check_text, codes, only

LONG_B = LONG_31.replace("nurse", "doctor")
LONG_C = LONG_31.replace("nurse", "clinic")


def rdg003_lines(tmp_path: Path, text: str) -> list[int | None]:
    article = check_text(tmp_path, text, select=["RDG003", "CHK"])
    return [f.line for f in only(article, "RDG003")]


@pytest.mark.parametrize(
    "directive",
    [
        "<!-- checker: ignore RDG003 -->",
        "<!-- checker: ignore long-sentence -->",
        "<!--checker:ignore rdg003-->",
        "<!-- checker: ignore RDG003, RDG004 -->",
        "<!-- checker: ignore RDG001 RDG003 -->",
    ],
)
def test_ignore_covers_the_next_block_only(tmp_path: Path, directive: str) -> None:
    text = f"{directive}\n{LONG_31}\n\n{LONG_B}\n"
    article = check_text(tmp_path, text, select=["RDG003", "CHK"])
    assert [f.line for f in only(article, "RDG003")] == [4]
    assert only(article, "CHK003") == []


def test_ignore_with_blank_line_before_block(tmp_path: Path) -> None:
    text = f"<!-- checker: ignore RDG003 -->\n\n{LONG_31}\n\n{LONG_B}\n"
    assert rdg003_lines(tmp_path, text) == [5]


def test_ignore_other_code_does_not_suppress(tmp_path: Path) -> None:
    text = f"<!-- checker: ignore RDG004 -->\n{LONG_31}\n"
    article = check_text(tmp_path, text, select=["RDG003", "RDG004", "CHK"])
    assert [f.line for f in only(article, "RDG003")] == [2]
    (unused,) = only(article, "CHK003")
    assert unused.line == 1
    assert "ignore RDG004" in unused.message


def test_disable_enable_range(tmp_path: Path) -> None:
    text = (
        f"{LONG_31}\n\n"  # line 1
        "<!-- checker: disable RDG003 -->\n\n"  # line 3
        f"{LONG_B}\n\n"  # line 5
        f"{LONG_C}\n\n"  # line 7
        "<!-- checker: enable RDG003 -->\n\n"  # line 9
        f"{LONG_31} Again.\n"  # line 11
    )
    article = check_text(tmp_path, text, select=["RDG003", "CHK"])
    assert [f.line for f in only(article, "RDG003")] == [1, 11]
    assert only(article, "CHK003") == []


def test_disable_without_enable_runs_to_end(tmp_path: Path) -> None:
    text = f"{LONG_31}\n\n<!-- checker: disable long-sentence -->\n\n{LONG_B}\n\n{LONG_C}\n"
    assert rdg003_lines(tmp_path, text) == [1]


def test_file_ignore(tmp_path: Path) -> None:
    text = f"{LONG_31}\n\n{LONG_B}\n\n<!-- checker: file-ignore RDG003 -->\n"
    article = check_text(tmp_path, text, select=["RDG003", "CHK"])
    assert only(article, "RDG003") == []
    assert only(article, "CHK003") == []


def test_file_ignore_suppresses_document_findings(tmp_path: Path) -> None:
    text = "<!-- checker: file-ignore input-repaired -->\n\nHome\n\nDrink water.\n"
    article = check_text(tmp_path, text, name="a.md")
    assert only(article, "CHK002") == []
    assert only(article, "CHK003") == []


def test_ignore_does_not_hide_document_findings(tmp_path: Path) -> None:
    hard = (
        "Concomitant administration of immunosuppressive pharmacotherapeutic agents "
        "necessitates comprehensive haematological surveillance. Hepatotoxicity necessitates "
        "discontinuation irrespective of symptomatology. Pharmacokinetic variability "
        "complicates individualised therapeutic optimisation in elderly populations. "
        "Concomitant nephrotoxic medications exacerbate cumulative hepatotoxicity."
    )
    text = f"<!-- checker: ignore RDG001 -->\n{hard}\n"
    article = check_text(tmp_path, text, select=["RDG001", "CHK"])
    assert len(only(article, "RDG001")) == 1
    assert [f.line for f in only(article, "CHK003")] == [1]


@pytest.mark.parametrize(
    ("directive", "reason"),
    [
        ("<!-- checker: ignore -->", "names no rule"),
        ("<!-- checker: ignore XYZ123 -->", "unknown rule 'XYZ123'"),
        ("<!-- checker: ignore not-a-rule -->", "unknown rule 'not-a-rule'"),
        ("<!-- checker: ignroe RDG003 -->", "unknown action 'ignroe'"),
        ("<!-- checker: disable -->", "names no rule"),
    ],
)
def test_invalid_directive_is_chk004(tmp_path: Path, directive: str, reason: str) -> None:
    text = f"# Title\n\n{directive}\n{LONG_31}\n"
    article = check_text(tmp_path, text, select=["RDG003", "CHK"])
    (invalid,) = only(article, "CHK004")
    assert (invalid.line, invalid.column) == (3, 1)
    assert reason in invalid.message
    assert invalid.severity is Severity.ERROR
    # an invalid comment suppresses nothing
    assert [f.line for f in only(article, "RDG003")] == [4]


def test_directive_column(tmp_path: Path) -> None:
    text = f"Drink water.   <!-- checker: ignore NOPE999 -->\n\n{LONG_31}\n"
    article = check_text(tmp_path, text, select=["CHK"])
    (invalid,) = only(article, "CHK004")
    assert (invalid.line, invalid.column) == (1, 16)


def test_one_unknown_code_among_valid_ones(tmp_path: Path) -> None:
    text = f"<!-- checker: ignore RDG003 BOGUS1 -->\n{LONG_31}\n"
    article = check_text(tmp_path, text, select=["RDG003", "CHK"])
    assert only(article, "RDG003") == []
    assert ["unknown rule 'BOGUS1'" in f.message for f in only(article, "CHK004")] == [True]


def test_unused_suppression_is_chk003(tmp_path: Path) -> None:
    text = "<!-- checker: ignore long-sentence -->\nDrink water.\n"
    article = check_text(tmp_path, text, select=["RDG003", "CHK"])
    (unused,) = only(article, "CHK003")
    assert (unused.line, unused.column) == (1, 1)
    assert unused.severity is Severity.WARNING
    assert "ignore long-sentence" in unused.message


def test_directive_inside_code_fence_is_ignored(tmp_path: Path) -> None:
    text = f"```\n<!-- checker: ignore RDG003 -->\n```\n\n{LONG_31}\n"
    article = check_text(tmp_path, text, select=["RDG003", "CHK"])
    assert [f.line for f in only(article, "RDG003")] == [5]
    assert only(article, "CHK003") == []
    assert only(article, "CHK004") == []


def test_directive_in_html_file(tmp_path: Path) -> None:
    text = f"<html><body>\n<!-- checker: ignore RDG003 -->\n<p>{LONG_31}</p>\n</body></html>\n"
    article = check_text(tmp_path, text, name="a.html", select=["RDG003", "CHK"])
    assert only(article, "RDG003") == []
    assert only(article, "CHK003") == []


def test_chk_findings_can_be_ignored_by_selection(tmp_path: Path) -> None:
    text = "<!-- checker: ignore -->\nDrink water.\n"
    article = check_text(tmp_path, text, ignore=["invalid-suppression"])
    assert "CHK004" not in codes(article)
