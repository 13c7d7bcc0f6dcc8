"""The analysis pass: per-sentence counts, difficulty and passive voice."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.readability.difficulty import WEIGHTS, features, sentence_difficulty
from checker.readability.formulas import TextCounts
from checker.text import passive
from checker.text.analysis import RARE_ZIPF, analyse_text
from checker.text.frequency import zipf_table
from checker.text.segment import WORD
from checker.text.syllables import counter_for


def _expected_counts(sentence: str, lang: str) -> tuple[TextCounts, int]:
    """The counts the analysis must give, computed word by word in the plainest way."""
    syllables = counter_for(lang)
    zipf = zipf_table(lang)
    tokens = WORD.findall(sentence)
    counts = [syllables(t) for t in tokens]
    letters = [0 if t[0].isdigit() else sum(ch.isalpha() for ch in t) for t in tokens]
    chars = [len(t) if t[0].isdigit() else n for t, n in zip(tokens, letters, strict=True)]
    complex_words = sum(
        1
        for t, s in zip(tokens, counts, strict=True)
        if s >= 3 and not (t[0].isupper() or "-" in t or t.endswith(("ed", "es", "ing")))
    )
    rare = sum(1 for t in tokens if not t[0].isdigit() and zipf(t) <= RARE_ZIPF)
    return (
        TextCounts(
            sentences=1,
            words=len(tokens),
            syllables=sum(counts),
            polysyllables=sum(1 for s in counts if s >= 3),
            monosyllables=sum(1 for s in counts if s == 1),
            letters=sum(letters),
            characters=sum(chars),
            long_words=sum(1 for n in letters if n > 6),
            complex_words=complex_words,
        ),
        rare,
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Methotrexate is an immunosuppressant taken once a week, usually 15 mg.", "en"),
        ("Intravenous immunoglobulin (IVIG) is given at 2 g/kg over 2-5 days.", "en"),
        ("El metotrexato se toma una vez por semana con ácido fólico.", "es"),
        ("Die Biologika werden regelmäßig unter die Haut gespritzt.", "de"),
    ],
)
def test_sentence_counts_match_a_word_by_word_count(text: str, lang: str) -> None:
    (sentence,) = analyse_text(text, lang)
    expected, rare = _expected_counts(text, lang)
    assert sentence.counts == expected
    assert sentence.rare_words == rare


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["the", "immunoglobulin", "Humira", "is", "given", "2.5", "30%", "well-being", "dose"]
        ),
        min_size=1,
        max_size=40,
    )
)
def test_counts_of_any_word_sequence(words: list[str]) -> None:
    text = " ".join(words)
    (sentence,) = analyse_text(text, "en")
    assert sentence.counts == _expected_counts(text, "en")[0]


def test_long_sentence_counts_do_not_overflow_into_each_other() -> None:
    text = " ".join(["immunoglobulin"] * 5000)
    (sentence,) = analyse_text(text, "en")
    assert sentence.counts.words == 5000
    assert sentence.counts.syllables == 5000 * counter_for("en")("immunoglobulin")
    assert sentence.counts.letters == 5000 * 14


@pytest.mark.parametrize(
    ("counts", "rare"),
    [
        (TextCounts(1, 12, 18, 2, 8, 60, 60, 3, 1), 1),
        (TextCounts(1, 1, 1, 0, 1, 3, 3, 0, 0), 0),
        (TextCounts(1, 40, 90, 15, 10, 250, 250, 20, 10), 12),
    ],
)
def test_difficulty_is_the_fitted_linear_model(counts: TextCounts, rare: int) -> None:
    value = sum(w * x for w, x in zip(WEIGHTS, features(counts, rare), strict=True))
    assert sentence_difficulty(counts, rare) == round(min(6.0, max(1.0, value)), 2)
    assert math.isclose(features(counts, rare)[1], math.log(counts.words))


@pytest.mark.parametrize(
    ("text", "lang", "participle"),
    [
        ("The dose is given once a week.", "en", "given"),
        ("It's injected under the skin.", "en", "injected"),
        ("Your blood gets checked every month.", "en", "checked"),
        ("Take the dose once a week.", "en", None),
        ("Their well-being improved.", "en", None),
        ("El medicamento fue aprobado en 2020.", "es", "aprobado"),
        ("Le traitement est prescrit par le médecin.", "fr", "prescrit"),
        ("Les patients sont suivis par un médecin.", "fr", "suivis"),
        # passé composé with "être" and pronominal verbs are active
        ("Mes symptômes sont apparus hier.", "fr", None),
        ("Elle est décédée en 2010.", "fr", None),
        ("Une complication est survenue après l'opération.", "fr", None),
        ("Ses douleurs se sont améliorées.", "fr", None),
        ("Les enfants sont rentrés à la maison.", "fr", None),
        ("Das Medikament wird einmal pro Woche gespritzt.", "de", "gespritzt"),
        ("Il farmaco viene somministrato una volta a settimana.", "it", "somministrato"),
        ("Sono stati analizzati 40 pazienti.", "it", "analizzati"),
        ("Prendi il farmaco ogni giorno.", "it", None),
        ("Het medicijn wordt elke week gegeven.", "nl", "gegeven"),
        ("Het vaccin werd in 2020 goedgekeurd.", "nl", "goedgekeurd"),
        ("Je wordt snel ziek.", "nl", None),
    ],
)
def test_passive_voice_per_sentence(text: str, lang: str, participle: str | None) -> None:
    (sentence,) = analyse_text(text, lang)
    assert sentence.passive == participle


def test_auxiliaries_gate_the_pattern_search() -> None:
    assert passive.is_auxiliary("Is", "en")
    assert passive.is_auxiliary("it's", "en")
    assert passive.is_auxiliary("Wurde", "de")
    assert not passive.is_auxiliary("dose", "en")
    assert not passive.is_auxiliary("is", "it")
    assert passive.is_auxiliary("viene", "it")


def test_word_frequency_matches_case_folded_list_entries() -> None:
    german = zipf_table("de")
    assert german("heißt") == german("heisst") > 5.0
    assert german("Außerdem") > 5.0
