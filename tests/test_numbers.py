"""NUM rules: relative risks need an absolute figure; one number format per article."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import check_text, only


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Taking a statin cuts the risk of a heart attack by 30%.",
            "cuts the risk of a heart attack by 30%",
        ),
        ("Aspirin halves the risk of a second stroke.", "halves the risk"),
        ("Smokers are three times more likely to get gum disease.", "three times more likely"),
        ("Exercise gives a 20% lower risk of depression.", "20% lower risk"),
        ("The rate of heart attacks reduced by 66%.", "rate of heart attacks reduced by 66%"),
        ("In the trial, strokes fell by 51%.", "strokes fell by 51%"),
    ],
)
def test_a_relative_risk_alone_is_flagged(tmp_path: Path, text: str, cue: str) -> None:
    (finding,) = only(check_text(tmp_path, text + "\n", select=["NUM"]), "NUM001")
    assert finding.text == cue
    assert "absolute figure" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        # the absolute figure in the same sentence or paragraph
        "Taking a statin cuts the risk of a heart attack by 30%: over 10 years, from about "
        "10 in 100 people to 7 in 100.",
        "Aspirin halves the risk of a second stroke. That is 2 fewer strokes per 1,000 people.",
        # prevalence, absolute figures, doses and durations are not relative risks
        "About 30% of people with psoriasis also get joint pain.",
        "The usual dose is 15 mg once a week for 12 weeks.",
        "About 1 in 5 adults has high blood pressure.",
    ],
)
def test_absolute_figures_and_plain_numbers_are_left_alone(tmp_path: Path, text: str) -> None:
    assert only(check_text(tmp_path, text + "\n", select=["NUM"]), "NUM001") == []


def test_relative_risks_in_spanish_french_and_german(tmp_path: Path) -> None:
    for name, text in (
        ("es.md", "---\nlang: es\n---\nLas estatinas reducen el riesgo de infarto a la mitad.\n"),
        ("fr.md", "---\nlang: fr\n---\nLes statines réduisent le risque d'infarctus de moitié.\n"),
        ("de.md", "---\nlang: de\n---\nStatine halbieren das Risiko eines Herzinfarkts.\n"),
        ("es2.md", "---\nlang: es\n---\nLa carne roja aumenta de 1,2 a 1,5 veces el riesgo.\n"),
    ):
        article = check_text(tmp_path / name[:2], text, name=name, select=["NUM"])
        assert [f.code for f in article.findings] == ["NUM001"], name


def test_mixed_formats_are_reported_once_as_info(tmp_path: Path) -> None:
    text = (
        "About 1 in 5 adults has high blood pressure.\n\n"
        "About 12% of people with it have kidney disease. Of those, 30% of patients need "
        "dialysis.\n"
    )
    (finding,) = only(check_text(tmp_path, text, select=["NUM"]), "NUM002")
    assert finding.severity.label == "info"
    assert finding.text == "1 in 5"  # the first use of the less common format
    assert finding.details["formats"] == {
        "frequency": ["1 in 5"],
        "percentage": ["12%", "30%"],
    }
    one_format = (
        "About 1 in 5 adults has high blood pressure. About 1 in 8 of them has kidney disease.\n"
    )
    assert only(check_text(tmp_path, one_format, select=["NUM"]), "NUM002") == []


def test_several_relative_risks_in_a_sentence_are_one_finding(tmp_path: Path) -> None:
    text = "Heart attacks fell by 66%, heart failure by 58% and strokes by 51%.\n"
    (finding,) = only(check_text(tmp_path, text, select=["NUM"]), "NUM001")
    assert finding.text == "Heart attacks fell by 66%"
    assert "nor have 'heart failure by 58%', 'strokes by 51%' in the same sentence" in (
        finding.message
    )


@pytest.mark.parametrize(
    "text",
    [
        "Jeder fünfte Erwachsene erkrankt einmal. Frauen sind doppelt so häufig betroffen.",
        "Frauen sind doppelt so häufig betroffen. Das Risiko, im Laufe des Lebens einmal zu "
        "erkranken, liegt bei 16 bis 20 Prozent.",
    ],
)
def test_german_absolute_figures_in_words_answer_a_relative_risk(tmp_path: Path, text: str) -> None:
    article = check_text(tmp_path, f"---\nlang: de\n---\n{text}\n", select=["NUM"])
    assert only(article, "NUM001") == []
    alone = check_text(
        tmp_path, "---\nlang: de\n---\nRaucher erkranken doppelt so häufig.\n", select=["NUM"]
    )
    assert len(only(alone, "NUM001")) == 1
