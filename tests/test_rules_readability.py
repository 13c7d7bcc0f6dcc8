"""RDG001-RDG005: a passing and a failing text for each rule, and thresholds from config."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Config, parse_config
from checker.engine import ArticleResult
from checker.model import Scope, Severity
from tests.conftest import (
    LONG_31,
    SPANISH_32,
    TEN_WORDS,
    check_files,
    check_text,
    make_config,
    only,
    write,
)

HARD_SENTENCES = [
    "Concomitant administration of immunosuppressive pharmacotherapeutic agents necessitates "
    "comprehensive haematological surveillance, particularly regarding hepatotoxicity and "
    "nephrotoxicity, throughout prolonged therapeutic interventions.",
    "Methotrexate is an antimetabolite administered weekly; concomitant folic acid "
    "supplementation attenuates gastrointestinal and hepatic adverse effects.",
    "Hepatotoxicity necessitates discontinuation irrespective of symptomatology.",
    "Pharmacokinetic variability complicates individualised therapeutic optimisation.",
]
HARD = "# Methotrexate\n\n" + " ".join(HARD_SENTENCES) + "\n"
EASY = (
    "# Your tablets\n\nTake one tablet each day. Drink a glass of water with it. "
    "Eat some food first. Call us if you feel sick. Keep them in a cool, dry place. "
    "Do not give them to anyone else.\n"
)
VERY_HARD = HARD_SENTENCES[0]


def config_from(tmp_path: Path, table: dict[str, object]) -> Config:
    return parse_config(table, tmp_path / "checker.toml", "")


def rdg(article: ArticleResult) -> list[str]:
    return [f.code for f in article.findings if f.code.startswith("RDG")]


# -- a passing and a failing text per rule ------------------------------------------------

CASES = [
    # (rule, text, expected number of findings of that rule)
    ("RDG001", HARD, 1),
    ("RDG001", EASY, 0),
    ("RDG002", f"{VERY_HARD}\n", 1),
    ("RDG002", f"{TEN_WORDS}\n", 0),
    ("RDG002", "Pharmacokinetics.\n", 0),  # too short to be called a hard sentence
    ("RDG003", f"{LONG_31}\n", 1),
    ("RDG003", f"{TEN_WORDS} {TEN_WORDS}\n", 0),
    (
        "RDG003",
        "One two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty.\n",
        0,
    ),
    ("RDG004", " ".join([TEN_WORDS] * 15) + " Rest.\n", 1),  # 151 words
    ("RDG004", " ".join([TEN_WORDS] * 15) + "\n", 0),  # 150 words
    (
        "RDG005",
        "The dose is adjusted after blood tests. The injection was given by a nurse. "
        "Your doctor checks you. You eat well. You sleep well.\n",
        1,
    ),
    ("RDG005", "Your doctor changes the dose. A nurse gives the injection.\n", 0),
]


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_rule_pass_and_fail(tmp_path: Path, code: str, text: str, expected: int) -> None:
    article = check_text(tmp_path, text, select=[code])
    found = only(article, code)
    assert len(found) == expected, [f.message for f in article.findings]
    default = Severity.INFO if code == "RDG005" else Severity.WARNING
    assert all(f.severity is default for f in found)
    assert rdg(article) == [code] * expected


# -- RDG001 ---------------------------------------------------------------------------------


def test_grade_above_target_lists_hardest_sentences(tmp_path: Path) -> None:
    article = check_text(tmp_path, HARD, select=["RDG001"])
    (finding,) = only(article, "RDG001")
    grade = article.metrics["grade"]
    assert grade > 8
    assert finding.scope is Scope.DOCUMENT
    assert finding.line is None
    assert finding.details["grade"] == grade
    assert finding.details["target"] == 8.0
    assert finding.details["formula"] == "smog"
    assert f"Reading grade {grade:g} (SMOG grade) is above the target of 8" in finding.message
    hardest = finding.details["hardest_sentences"]
    assert len(hardest) == 3
    assert [h["difficulty"] for h in hardest] == sorted(
        (h["difficulty"] for h in hardest), reverse=True
    )
    assert {h["text"] for h in hardest} <= set(HARD_SENTENCES)
    assert all(h["line"] == 3 for h in hardest)
    line = HARD.split("\n")[2]
    for h in hardest:
        assert h["column"] == line.index(h["text"]) + 1
    assert f"line {hardest[0]['line']}" in finding.message


def test_hardest_sentences_count_is_configurable(tmp_path: Path) -> None:
    config = config_from(tmp_path, {"readability": {"hardest-sentences": 1}})
    article = check_text(tmp_path, HARD, select=["RDG001"], config=config)
    assert len(only(article, "RDG001")[0].details["hardest_sentences"]) == 1


def test_headings_are_not_hardest_sentences(tmp_path: Path) -> None:
    text = "# Immunosuppressive pharmacotherapeutic considerations\n\n" + " ".join(HARD_SENTENCES)
    article = check_text(tmp_path, text + "\n", select=["RDG001"])
    texts = [h["text"] for h in article.metrics["hardest_sentences"]]
    assert "Immunosuppressive pharmacotherapeutic considerations" not in texts


def test_target_grade_from_config(tmp_path: Path) -> None:
    config = config_from(tmp_path, {"readability": {"target-grade": 22}})
    article = check_text(tmp_path, HARD, select=["RDG001"], config=config)
    assert only(article, "RDG001") == []
    assert article.metrics["target_grade"] == 22.0


def test_target_grade_per_language(tmp_path: Path) -> None:
    spanish = (
        "---\nlang: es\n---\nLa administración concomitante de inmunosupresores requiere "
        "vigilancia hematológica exhaustiva y periódica. La hepatotoxicidad obliga a "
        "interrumpir el tratamiento independientemente de la sintomatología. La variabilidad "
        "farmacocinética complica la optimización terapéutica individualizada.\n"
    )
    write(tmp_path, "en.md", HARD)
    write(tmp_path, "es.md", spanish)
    config = config_from(tmp_path, {"readability": {"languages": {"en": {"target-grade": 22}}}})
    result = check_files(tmp_path, config=config, select=["RDG001"])
    by_path = {a.document.path: a for a in result.articles}
    assert only(by_path["en.md"], "RDG001") == []
    assert by_path["en.md"].metrics["target_grade"] == 22.0
    assert by_path["es.md"].metrics["target_grade"] == 8.0
    assert by_path["es.md"].metrics["grade"] > 8
    assert len(only(by_path["es.md"], "RDG001")) == 1


def test_target_grade_per_folder_override(tmp_path: Path) -> None:
    write(tmp_path, "pro/a.md", HARD)
    write(tmp_path, "public/a.md", HARD)
    config = config_from(
        tmp_path,
        {"overrides": [{"paths": ["pro/*"], "readability": {"target-grade": 22}}]},
    )
    result = check_files(tmp_path, config=config, select=["RDG001"])
    by_path = {a.document.path: a for a in result.articles}
    assert only(by_path["pro/a.md"], "RDG001") == []
    assert len(only(by_path["public/a.md"], "RDG001")) == 1


# -- RDG002 ---------------------------------------------------------------------------------


def test_very_hard_sentence_position_and_details(tmp_path: Path) -> None:
    text = f"# Care\n\nTake it daily. {VERY_HARD}\n"
    article = check_text(tmp_path, text, select=["RDG002"])
    (finding,) = only(article, "RDG002")
    assert (finding.line, finding.column) == (3, len("Take it daily. ") + 1)
    assert (finding.end_line, finding.end_column) == (3, len("Take it daily. " + VERY_HARD) + 1)
    assert finding.text == VERY_HARD
    assert finding.scope is Scope.SENTENCE
    assert finding.details["words"] == 19
    assert finding.details["difficulty"] >= 5.0
    assert finding.details["rare_words"] >= 3


def test_hard_sentence_score_from_config(tmp_path: Path) -> None:
    # difficulty is at most 6, so a threshold above it turns the rule off
    config = config_from(tmp_path, {"readability": {"hard-sentence-score": 6.1}})
    article = check_text(tmp_path, f"{VERY_HARD}\n", select=["RDG002"], config=config)
    assert only(article, "RDG002") == []
    config = config_from(tmp_path, {"readability": {"hard-sentence-score": 1}})
    article = check_text(tmp_path, f"{LONG_31}\n", select=["RDG002"], config=config)
    assert len(only(article, "RDG002")) == 1
    # under 15 words a sentence is never "very hard": there is nothing to split
    article = check_text(tmp_path, f"{TEN_WORDS}\n", select=["RDG002"], config=config)
    assert only(article, "RDG002") == []


# -- RDG003 ---------------------------------------------------------------------------------


def test_long_sentence_limit_english(tmp_path: Path) -> None:
    article = check_text(tmp_path, f"{LONG_31}\n", select=["RDG003"])
    (finding,) = only(article, "RDG003")
    assert finding.message == "Sentence has 31 words (limit 30)"
    assert finding.details == {"words": 31, "limit": 30, "all_words": 31}
    assert (finding.line, finding.column) == (1, 1)
    assert finding.text == LONG_31


def test_long_sentence_limit_spanish_is_35(tmp_path: Path) -> None:
    article = check_text(tmp_path, f"---\nlang: es\n---\n{SPANISH_32}\n", select=["RDG003"])
    assert only(article, "RDG003") == []
    over = SPANISH_32[:-1] + " o por la noche."  # 36 words
    article = check_text(tmp_path, f"---\nlang: es\n---\n{over}\n", select=["RDG003"])
    (finding,) = only(article, "RDG003")
    assert finding.details == {"words": 36, "limit": 35, "all_words": 36}
    assert finding.line == 4


def test_same_spanish_sentence_is_long_in_english_limits(tmp_path: Path) -> None:
    config = config_from(
        tmp_path, {"readability": {"languages": {"es": {"long-sentence-words": 20}}}}
    )
    article = check_text(
        tmp_path, f"---\nlang: es\n---\n{SPANISH_32}\n", select=["RDG003"], config=config
    )
    assert only(article, "RDG003")[0].details == {"words": 32, "limit": 20, "all_words": 32}


def test_long_sentence_limit_from_config(tmp_path: Path) -> None:
    config = config_from(tmp_path, {"readability": {"long-sentence-words": 9}})
    article = check_text(tmp_path, f"{TEN_WORDS}\n", select=["RDG003"], config=config)
    assert only(article, "RDG003")[0].details == {"words": 10, "limit": 9, "all_words": 10}


def test_long_sentence_in_list_item(tmp_path: Path) -> None:
    article = check_text(tmp_path, f"- {LONG_31}\n", select=["RDG003"])
    (finding,) = only(article, "RDG003")
    assert (finding.line, finding.column) == (1, 3)


# -- RDG004 ---------------------------------------------------------------------------------


def test_long_paragraph_details(tmp_path: Path) -> None:
    text = "# Title\n\n" + " ".join([TEN_WORDS] * 15) + " Rest.\n"
    article = check_text(tmp_path, text, select=["RDG004"])
    (finding,) = only(article, "RDG004")
    assert finding.message == "Paragraph has 151 words (limit 150)"
    assert finding.details == {"words": 151, "limit": 150, "sentences": 16}
    assert (finding.line, finding.column) == (3, 1)
    assert finding.scope is Scope.PARAGRAPH


def test_long_list_item_is_not_a_long_paragraph(tmp_path: Path) -> None:
    text = "- " + " ".join([TEN_WORDS] * 16) + "\n"
    article = check_text(tmp_path, text, select=["RDG004"])
    assert only(article, "RDG004") == []


def test_long_paragraph_limit_from_config(tmp_path: Path) -> None:
    config = config_from(tmp_path, {"readability": {"long-paragraph-words": 15}})
    article = check_text(tmp_path, f"{TEN_WORDS} {TEN_WORDS}\n", select=["RDG004"], config=config)
    assert only(article, "RDG004")[0].details["words"] == 20


# -- RDG005 ---------------------------------------------------------------------------------

PASSIVE_TEXT = (
    "The dose is adjusted after blood tests. The injection was given by a nurse. "
    "Your doctor checks you. You eat well. You sleep well.\n"
)


def test_passive_voice_names_sentences(tmp_path: Path) -> None:
    article = check_text(tmp_path, PASSIVE_TEXT, select=["RDG005", "RDG006"])
    document = only(article, "RDG005")
    sentences = only(article, "RDG006")
    assert [f.scope for f in document] == [Scope.DOCUMENT]
    assert {f.severity for f in sentences} == {Severity.INFO} and len(sentences) == 2
    summary = document[0]
    assert article.metrics["passive_percent"] == 40.0
    assert summary.details["percent"] == 40.0
    assert summary.details["limit"] == 10.0
    assert [
        (s["text"], s["participle"], s["line"], s["column"]) for s in summary.details["sentences"]
    ] == [
        ("The dose is adjusted after blood tests.", "adjusted", 1, 1),
        ("The injection was given by a nurse.", "given", 1, 41),
    ]
    assert [(f.message, f.column) for f in sentences] == [
        ("Passive voice ('adjusted')", 1),
        ("Passive voice ('given')", 41),
    ]


def test_passive_voice_at_limit_is_not_flagged(tmp_path: Path) -> None:
    text = "The dose is adjusted after blood tests. " + " ".join(["You eat well."] * 9) + "\n"
    article = check_text(tmp_path, text, select=["RDG005"])
    assert article.metrics["passive_percent"] == 10.0
    assert only(article, "RDG005") == []


def test_passive_voice_percent_from_config(tmp_path: Path) -> None:
    config = config_from(tmp_path, {"readability": {"passive-voice-percent": 50}})
    article = check_text(tmp_path, PASSIVE_TEXT, select=["RDG005"], config=config)
    assert only(article, "RDG005") == []


def test_passive_voice_spanish(tmp_path: Path) -> None:
    text = "---\nlang: es\n---\nEl medicamento fue recetado por el médico. Usted come bien.\n"
    article = check_text(tmp_path, text, select=["RDG005", "RDG006"])
    assert article.metrics["passive_percent"] == 50.0
    assert "Passive voice ('recetado')" in [f.message for f in only(article, "RDG006")]


@pytest.mark.parametrize(
    ("lang", "passive", "active"),
    [
        ("it", "Il farmaco è stato prescritto dal medico.", "Il medico ha prescritto il farmaco."),
        ("nl", "Het medicijn wordt door de arts gegeven.", "De arts geeft het medicijn."),
    ],
)
def test_passive_voice_measured_for_italian_and_dutch(
    tmp_path: Path, lang: str, passive: str, active: str
) -> None:
    text = f"---\nlang: {lang}\n---\n{passive} {active}\n"
    article = check_text(tmp_path, text, select=["RDG006"])
    assert article.metrics["passive_percent"] == 50.0
    assert [f.text for f in only(article, "RDG006")] == [passive]


def test_metrics_for_easy_text(tmp_path: Path) -> None:
    article = check_text(tmp_path, EASY)
    assert article.metrics["words"] == 36
    assert article.metrics["sentences"] == 6  # the heading is not prose
    assert article.metrics["grade_formula"] == "smog"
    assert article.metrics["grade"] <= 8
    assert set(article.metrics["scores"]) == {
        "smog",
        "flesch_kincaid_grade",
        "flesch_reading_ease",
        "gunning_fog",
        "coleman_liau",
        "ari",
    }


def test_default_config_has_expected_thresholds(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    en = config.readability_for("en", "a.md")
    es = config.readability_for("es", "a.md")
    assert (en.target_grade, en.long_sentence_words, en.long_paragraph_words) == (8.0, 30, 150)
    assert (en.passive_voice_percent, en.hard_sentence_score) == (10.0, 5.0)
    assert es.long_sentence_words == 35
    assert config.readability_for("fr", "a.md").long_sentence_words == 35
    assert config.readability_for("de", "a.md").long_sentence_words == 30


def test_figures_in_brackets_are_not_counted_as_words(tmp_path: Path) -> None:
    text = (
        "Zinc shortened colds in adults (five trials; 449 participants; MD -0.22 days; 95% CI "
        "-0.40 to -0.04; low-certainty evidence) but not in children.\n"
    )
    assert only(check_text(tmp_path, text, select=["RDG003"]), "RDG003") == []


def test_a_very_hard_sentence_is_not_also_a_long_one(tmp_path: Path) -> None:
    text = (
        "Concomitant administration of live attenuated vaccines is contraindicated in "
        "immunosuppressed patients owing to the risk of disseminated infection, particularly "
        "in those receiving high-dose corticosteroids or biological immunomodulatory therapies.\n"
    )
    article = check_text(tmp_path, text, select=["RDG002", "RDG003"])
    assert [f.code for f in article.findings] == ["RDG002"]


@pytest.mark.parametrize(
    "text",
    [
        "No.\n",
        "https://www.nhs.uk/conditions/asthma/\n",
        "Call us. We can help. Ask today.\n",  # 7 words in 3 sentences
        "a" * 13_500 + ".\n",  # one enormous word
    ],
)
def test_a_text_too_short_to_grade_gets_no_grade(tmp_path: Path, text: str) -> None:
    article = check_text(tmp_path, text, select=["RDG001"])
    assert article.metrics["grade"] is None
    assert article.metrics["scores"] == {}
    assert article.metrics["grade_formula"] == "smog"
    assert article.metrics["grade_note"].startswith("too short to grade")
    assert only(article, "RDG001") == []


def test_no_score_is_outside_its_range(tmp_path: Path) -> None:
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis"
    text = " ".join([f"{word} {word} {word} {word} {word} {word} {word} {word} {word} {word}."] * 4)
    article = check_text(tmp_path, text + "\n")
    assert 0.0 <= article.metrics["grade"] <= 22.0
    assert article.metrics["scores"]["flesch_kincaid_grade"] == 22.0  # about 60 unbounded
    assert article.metrics["scores"]["flesch_reading_ease"] == 0.0  # about -500 unbounded
    for key, value in article.metrics["scores"].items():
        assert 0.0 <= value <= (22.0 if key != "flesch_reading_ease" else 100.0), key


def test_grade_warning_waits_for_the_margin_above_target(tmp_path: Path) -> None:
    grade = check_text(tmp_path, HARD, select=["RDG001"]).metrics["grade"]
    near = config_from(tmp_path, {"readability": {"target-grade": grade - 1.5}})
    article = check_text(tmp_path, HARD, select=["RDG001"], config=near)
    assert only(article, "RDG001") == []  # within the default margin of 2 grades
    assert article.metrics["grade"] == grade  # still reported
    strict = config_from(
        tmp_path, {"readability": {"target-grade": grade - 1.5, "grade-margin": 0}}
    )
    (finding,) = only(check_text(tmp_path, HARD, select=["RDG001"], config=strict), "RDG001")
    assert finding.details["target"] == grade - 1.5
    far = config_from(tmp_path, {"readability": {"target-grade": grade - 2.5}})
    assert len(only(check_text(tmp_path, HARD, select=["RDG001"], config=far), "RDG001")) == 1


def test_a_grade_read_from_an_ease_score_says_so(tmp_path: Path) -> None:
    config = config_from(tmp_path, {"readability": {"target-grade": 1, "grade-margin": 0}})
    text = f"---\nlang: es\n---\n{SPANISH_32} {SPANISH_32} {SPANISH_32}\n"
    article = check_text(tmp_path, text, select=["RDG001"], config=config)
    (finding,) = only(article, "RDG001")
    ease = article.metrics["scores"]["fernandez_huerta"]
    grade = article.metrics["grade"]
    assert finding.message.startswith(
        f"Reading grade {grade:g} (from Fernández-Huerta reading ease {ease:g}) is above"
    )
