"""Readability formulas against hand computations, per language, and against textstat."""

from __future__ import annotations

import math

import pytest
from textstat.textstat import textstatistics

from checker.languages import SUPPORTED
from checker.readability.formulas import (
    BY_KEY,
    FORMULAS,
    PRIMARY,
    TextCounts,
    as_grade,
    formulas_for,
    primary_grade,
    scores,
)
from checker.text.analysis import text_counts

# words per sentence 20, syllables per word 1.5
COUNTS = TextCounts(
    sentences=5,
    words=100,
    syllables=150,
    polysyllables=10,
    monosyllables=60,
    letters=480,
    characters=500,
    long_words=20,
    complex_words=8,
)

HAND = {
    # 1.0430 * sqrt(10 * 30 / 5) + 3.1291
    "smog": 1.0430 * 7.745966692414834 + 3.1291,
    # 0.39 * 20 + 11.8 * 1.5 - 15.59
    "flesch_kincaid_grade": 9.91,
    # 206.835 - 1.015 * 20 - 84.6 * 1.5
    "flesch_reading_ease": 59.635,
    # 0.4 * (20 + 100 * 8 / 100)
    "gunning_fog": 11.2,
    # 0.0588 * 480 - 0.296 * 5 - 15.8
    "coleman_liau": 10.944,
    # 4.71 * 500 / 100 + 0.5 * 20 - 21.43
    "ari": 12.12,
    # 206.84 - 60 * 1.5 - 1.02 * 20
    "fernandez_huerta": 96.44,
    # 206.835 - 62.3 * 1.5 - 20
    "szigriszt_pazos": 93.385,
    # 207 - 1.015 * 20 - 73.6 * 1.5
    "kandel_moles": 76.3,
    # 0.1935 * 10 + 0.1672 * 20 + 0.1297 * 20 - 0.0327 * 60 - 0.875
    "wiener_sachtextformel": 5.036,
    # 180 - 20 - 58.5 * 1.5
    "amstad": 72.25,
    # 89 + (300 * 5 - 10 * 480) / 100
    "gulpease": 56.0,
    # 206.835 - 0.93 * 20 - 77 * 1.5
    "flesch_douma": 72.735,
}


@pytest.mark.parametrize("key", sorted(HAND))
def test_formula_matches_hand_computation(key: str) -> None:
    assert BY_KEY[key].compute(COUNTS) == pytest.approx(HAND[key], abs=1e-9)


def test_every_formula_has_a_hand_computation() -> None:
    assert set(HAND) == {f.key for f in FORMULAS}


@pytest.mark.parametrize(
    ("lang", "keys"),
    [
        (
            "en",
            {
                "smog",
                "flesch_kincaid_grade",
                "flesch_reading_ease",
                "gunning_fog",
                "coleman_liau",
                "ari",
            },
        ),
        ("es", {"fernandez_huerta", "szigriszt_pazos"}),
        ("fr", {"kandel_moles"}),
        ("de", {"wiener_sachtextformel", "amstad"}),
        ("it", {"gulpease"}),
        ("nl", {"flesch_douma"}),
        ("pt", set()),
        ("", set()),
        ("xx", set()),
    ],
)
def test_formulas_for_language(lang: str, keys: set[str]) -> None:
    found = formulas_for(lang)
    assert {f.key for f in found} == keys
    assert all(f.languages == frozenset({lang}) for f in found)


@pytest.mark.parametrize("lang", sorted(SUPPORTED))
def test_no_formula_of_another_language(lang: str) -> None:
    for formula in formulas_for(lang):
        assert lang in formula.languages
    others = [f for f in FORMULAS if lang not in f.languages]
    assert not set(others) & set(formulas_for(lang))
    assert PRIMARY[lang] in {f.key for f in formulas_for(lang)}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", (11.2, "smog")),
        # ease 96.44 between 100 (grade 4) and 90 (grade 5): 5 - 6.44 / 10
        ("es", (4.4, "fernandez_huerta")),
        # ease 76.3 between 80 (6) and 70 (7): 7 - 6.3 / 10
        ("fr", (6.4, "kandel_moles")),
        ("de", (5.0, "wiener_sachtextformel")),
        # Gulpease 56 between 60 (8) and 40 (13): 13 - 5 * 16 / 20
        ("it", (9.0, "gulpease")),
        # ease 72.735 between 80 (6) and 70 (7): 7 - 2.735 / 10
        ("nl", (6.7, "flesch_douma")),
        ("pt", None),
        ("", None),
    ],
)
def test_primary_grade(lang: str, expected: tuple[float, str] | None) -> None:
    assert primary_grade(COUNTS, lang) == expected


def test_primary_grade_is_never_negative() -> None:
    easy = TextCounts(
        sentences=10, words=30, syllables=30, monosyllables=30, letters=90, characters=90
    )
    assert BY_KEY["wiener_sachtextformel"].compute(easy) < 0
    assert primary_grade(easy, "de") == (0.0, "wiener_sachtextformel")


def test_no_grade_without_words_or_sentences() -> None:
    assert primary_grade(TextCounts(), "en") is None
    assert primary_grade(TextCounts(sentences=1), "en") is None
    assert scores(TextCounts(), "en") == {}
    assert scores(TextCounts(words=5), "es") == {}


def test_scores_are_rounded_and_only_for_the_language() -> None:
    assert scores(COUNTS, "es") == {"fernandez_huerta": 96.4, "szigriszt_pazos": 93.4}
    assert scores(COUNTS, "de") == {"wiener_sachtextformel": 5.0, "amstad": 72.2}
    assert scores(COUNTS, "pt") == {}


@pytest.mark.parametrize(
    ("key", "value", "grade"),
    [
        ("fernandez_huerta", 120.0, 4.0),
        ("fernandez_huerta", 90.0, 5.0),
        ("fernandez_huerta", 85.0, 5.5),
        ("fernandez_huerta", 65.0, 8.0),
        ("fernandez_huerta", 40.0, 14.0),
        ("fernandez_huerta", -10.0, 18.0),
        ("gulpease", 100.0, 2.0),
        ("gulpease", 70.0, 6.5),
        ("gulpease", 10.0, 17.5),
        ("smog", 9.3, 9.3),  # grade formulas are already grades
        ("wiener_sachtextformel", 6.1, 6.1),
    ],
)
def test_as_grade(key: str, value: float, grade: float) -> None:
    assert as_grade(key, value) == pytest.approx(grade)


def test_text_counts_add() -> None:
    a = TextCounts(1, 2, 3, 4, 5, 6, 7, 8, 9)
    assert a + a == TextCounts(2, 4, 6, 8, 10, 12, 14, 16, 18)
    assert a.words_per_sentence == 2.0
    assert a.syllables_per_word == 1.5
    assert TextCounts().words_per_sentence == 0.0


# -- cross-check against textstat -------------------------------------------------------
# textstat's own syllable counts need NLTK data (and set_lang), so the comparison uses
# textstat's word, sentence, letter and long-word counts on simple texts where both tools
# count the same, and textstat's own Gulpease (which needs no syllables).

SIMPLE = {
    "es": "El gato come pescado. La casa es grande y bonita. Mi madre trabaja en el hospital.",
    "de": "Die Katze frisst Fisch. Das Haus ist groß und schön. "
    "Meine Mutter arbeitet im Krankenhaus.",
    "it": "Il gatto mangia il pesce. La casa è grande e bella. Mia madre lavora in ospedale.",
}
#: Three times over, so that each text is long enough to be graded (30 words).
SIMPLE = {lang: " ".join([text] * 3) for lang, text in SIMPLE.items()}


@pytest.mark.parametrize("lang", sorted(SIMPLE))
def test_counts_agree_with_textstat(lang: str) -> None:
    text = SIMPLE[lang]
    ts = textstatistics()
    ours = text_counts(text, lang)
    assert ours.words == ts.lexicon_count(text)
    assert ours.sentences == ts.sentence_count(text)
    assert ours.letters == ts.letter_count(text)
    assert ours.long_words == ts.long_word_count(text)


def _textstat_based(text: str, lang: str) -> TextCounts:
    """textstat's counts, with our syllable-derived counts (textstat's need NLTK data)."""
    ts = textstatistics()
    ours = text_counts(text, lang)
    return TextCounts(
        sentences=ts.sentence_count(text),
        words=ts.lexicon_count(text),
        syllables=ours.syllables,
        polysyllables=ours.polysyllables,
        monosyllables=ours.monosyllables,
        letters=ts.letter_count(text),
        characters=ts.letter_count(text),
        long_words=ts.long_word_count(text),
    )


def test_fernandez_huerta_and_szigriszt_pazos_as_textstat_defines_them() -> None:
    text = SIMPLE["es"]
    c = _textstat_based(text, "es")
    wps = c.words / c.sentences
    spw = c.syllables / c.words
    # textstat: 206.84 - 60 * syllables_per_word - 1.02 * words_per_sentence
    textstat_fh = 206.84 - (60 * spw) - (1.02 * wps)
    # textstat: fre_base (206.835) - 62.3 * (syllables / words) - words / sentences
    textstat_sp = 206.835 - 62.3 * (c.syllables / c.words) - (c.words / c.sentences)
    assert BY_KEY["fernandez_huerta"].compute(c) == pytest.approx(textstat_fh, abs=1e-9)
    assert BY_KEY["szigriszt_pazos"].compute(c) == pytest.approx(textstat_sp, abs=1e-9)
    got = scores(text_counts(text, "es"), "es")
    assert got["fernandez_huerta"] == round(textstat_fh, 1)
    assert got["szigriszt_pazos"] == round(textstat_sp, 1)


def test_wiener_sachtextformel_as_textstat_defines_it() -> None:
    text = SIMPLE["de"]
    c = _textstat_based(text, "de")
    ms = 100 * c.polysyllables / c.words
    sl = c.words / c.sentences
    iw = 100 * c.long_words / c.words
    es = 100 * c.monosyllables / c.words
    textstat_value = (0.1935 * ms) + (0.1672 * sl) + (0.1297 * iw) - (0.0327 * es) - 0.875
    assert BY_KEY["wiener_sachtextformel"].compute(c) == pytest.approx(textstat_value, abs=1e-9)
    assert scores(text_counts(text, "de"), "de")["wiener_sachtextformel"] == round(
        textstat_value, 1
    )


def test_gulpease_against_textstat() -> None:
    text = SIMPLE["it"]
    ts = textstatistics()
    words = ts.lexicon_count(text)
    sentences = ts.sentence_count(text)
    ours = BY_KEY["gulpease"].compute(text_counts(text, "it"))
    theirs = ts.gulpease_index(text)
    # textstat counts punctuation as characters; Gulpease counts letters.  With textstat's
    # character count in place of letters the two agree exactly.
    punctuation = ts.char_count(text) - ts.letter_count(text)
    assert punctuation == 9  # three full stops, three times
    assert ours == pytest.approx(theirs + 10 * punctuation / words, abs=1e-9)
    same_input = TextCounts(sentences=sentences, words=words, letters=ts.char_count(text))
    assert BY_KEY["gulpease"].compute(same_input) == pytest.approx(theirs, abs=1e-9)
    assert math.isclose(ours, theirs, abs_tol=2.0)
