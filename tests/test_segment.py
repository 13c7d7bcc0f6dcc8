"""Sentence splitting that survives statistics, doses, abbreviations and other languages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.text.segment import abbreviations, split_sentences, words


def sentences(text: str, lang: str = "en") -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # statistics stay in one sentence
        (
            "en",
            "The risk fell (RR 0.73, 95% CI 0.65 to 0.81). It worked.",
            ["The risk fell (RR 0.73, 95% CI 0.65 to 0.81).", "It worked."],
        ),
        ("en", "RR 0.73, 95% CI 0.65 to 0.81", ["RR 0.73, 95% CI 0.65 to 0.81"]),
        (
            "en",
            "Take a drug, e.g. Methotrexate, each week. Then rest.",
            ["Take a drug, e.g. Methotrexate, each week.", "Then rest."],
        ),
        (
            "en",
            "Use a steroid, e.g. prednisolone, for a week. Then stop.",
            ["Use a steroid, e.g. prednisolone, for a week.", "Then stop."],
        ),
        ("en", "See Dr. Smith today. He is kind.", ["See Dr. Smith today.", "He is kind."]),
        (
            "en",
            "Smith et al. Reported this in 2020. Others agreed.",
            ["Smith et al. Reported this in 2020.", "Others agreed."],
        ),
        (
            "en",
            "J. K. Rowling wrote it. Many read it.",
            ["J. K. Rowling wrote it.", "Many read it."],
        ),
        ("en", "Give 2 g/kg once. Then wait.", ["Give 2 g/kg once.", "Then wait."]),
        (
            "en",
            "Take 15 mg. Then wait an hour.",
            ["Take 15 mg.", "Then wait an hour."],
        ),
        (
            "en",
            "Is it safe? Yes! Ask your nurse.",
            ["Is it safe?", "Yes!", "Ask your nurse."],
        ),
        (
            "en",
            'He said "Stop." Then he left.',
            ['He said "Stop."', "Then he left."],
        ),
        ("en", "Made in the U.S.A. by them.", ["Made in the U.S.A. by them."]),
        (
            "es",
            "Hola. ¿Cómo está usted? Bien, gracias.",
            ["Hola.", "¿Cómo está usted?", "Bien, gracias."],
        ),
        ("es", "¡Cuidado! No lo toque.", ["¡Cuidado!", "No lo toque."]),
        ("es", "El Sr. García vino hoy. Está bien.", ["El Sr. García vino hoy.", "Está bien."]),
        (
            "es",
            "La Dra. López lo vio. Todo bien.",
            ["La Dra. López lo vio.", "Todo bien."],
        ),
        (
            "de",
            "Das ist z.B. Aspirin. Es hilft.",
            ["Das ist z.B. Aspirin.", "Es hilft."],
        ),
        ("de", "Siehe Nr. 5 im Text. Gut.", ["Siehe Nr. 5 im Text.", "Gut."]),
        (
            "fr",
            "Voir M. Dupont demain. Merci.",
            ["Voir M. Dupont demain.", "Merci."],
        ),
        (
            "fr",
            "Voir Mme. Dupont demain. Merci.",
            ["Voir Mme. Dupont demain.", "Merci."],
        ),
        # a reference number that lost its superscript ends the sentence with it
        (
            "en",
            "It causes rickets in adults.1 Normally, it is made in the skin. Red meat "
            "raises the risk.1,2 The review found it. Take 2.5 mg. Then rest.",
            [
                "It causes rickets in adults.1",
                "Normally, it is made in the skin.",
                "Red meat raises the risk.1,2",
                "The review found it.",
                "Take 2.5 mg.",
                "Then rest.",
            ],
        ),
        ("en", "", []),
        ("en", "   ", []),
        ("en", "No end punctuation", ["No end punctuation"]),
        # list items a scraper ran together are sentences of their own
        (
            "en",
            "CK shows muscle damage. \u2022 Rhabdomyolysis: rare but severe \u2022 Myopathy: pain",
            ["CK shows muscle damage.", "Rhabdomyolysis: rare but severe", "Myopathy: pain"],
        ),
        ("en", "Use a 2\u2022x dilution.", ["Use a 2\u2022x dilution."]),
    ],
)
def test_split_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # An abbreviation only in another language's list ends an English sentence
        ("Siehe Nr. Fünf.", "de", 1),
        ("Ask Sra. Diaz.", "en", 2),
        ("Ask Sra. Diaz.", "es", 1),
        ("Voir Mme. Dupont.", "en", 2),
        ("Voir Mme. Dupont.", "fr", 1),
    ],
)
def test_abbreviations_are_per_language(text: str, lang: str, expected: int) -> None:
    assert len(sentences(text, lang)) == expected


def test_abbreviation_lists() -> None:
    assert {"e.g", "et al", "i.e"} <= abbreviations("en").keys()
    assert {"z.b", "bzw", "usw"} <= abbreviations("de").keys()
    assert {"sr", "sra", "dra"} <= abbreviations("es").keys()
    assert {"m", "mme"} <= abbreviations("fr").keys()
    assert "sra" not in abbreviations("en")
    assert "e.g" in abbreviations("xx")  # common list for every language
    # "no" is a word too: an abbreviation only before a number; "a.m" may end a sentence.
    assert abbreviations("en")["no"] == "+"
    assert abbreviations("en")["a.m"] == "?"
    assert abbreviations("en")["dr"] == ""


def test_spans_are_trimmed_offsets_into_the_text() -> None:
    text = "  First one.   Second one.  "
    assert split_sentences(text, "en") == [(2, 12), (15, 26)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RR 0.73, 95% CI 0.65 to 0.81", ["RR", "0.73", "95%", "CI", "0.65", "to", "0.81"]),
        (
            "COVID-19 e.g. the patient’s 1,000 doses",
            ["COVID-19", "e.g", "the", "patient’s", "1,000", "doses"],
        ),
        ("2 g/kg", ["2", "g", "kg"]),
        ("¿Cómo está?", ["Cómo", "está"]),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab .?!\n¿AB", max_size=60), st.sampled_from(["en", "es", "de"]))
def test_spans_are_ordered_non_empty_and_trimmed(text: str, lang: str) -> None:
    spans = split_sentences(text, lang)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    # no non-space character is lost
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Is it contagious? No. You cannot catch it from others.",
            ["Is it contagious?", "No.", "You cannot catch it from others."],
        ),
        ("The answer is no. Ask your doctor.", ["The answer is no.", "Ask your doctor."]),
        (
            "Take one at 8 a.m. Take another at 8 p.m. Then sleep.",
            ["Take one at 8 a.m.", "Take another at 8 p.m.", "Then sleep."],
        ),
    ],
)
def test_abbreviation_like_word_at_a_real_sentence_end(text: str, expected: list[str]) -> None:
    # "no", "a.m" and "p.m" are in the abbreviation lists (for "No. 5" and "8 a.m. today"),
    # but followed by a capitalised word that is not a name they end the sentence.
    assert sentences(text) == expected


def test_number_abbreviation_before_a_number_is_kept() -> None:
    assert sentences("Take tablet No. 5 daily. Rest.") == ["Take tablet No. 5 daily.", "Rest."]
    assert sentences("It is in Vol. 3 of the guide. Read it.") == [
        "It is in Vol. 3 of the guide.",
        "Read it.",
    ]
