"""Syllable counts: CMU dictionary, acronyms read as letters, numbers read aloud."""

from __future__ import annotations

import pytest

from checker.text.syllables import SyllableCounter, counter_for, number_syllables


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("the", 1),
        ("cat", 1),
        ("methotrexate", 4),
        ("hospital", 3),
        ("tablet", 2),
        ("medicine", 3),
        ("IVIG", 4),  # I-V-I-G
        ("DMARDs", 5),  # D-M-A-R-D, plural s silent
        ("WHO", 5),  # double-u (3) + aitch (1) + oh (1)
        ("NASA", 2),  # a word in the dictionary, spoken as a word
        ("0.73", 6),  # zero point seven three
        ("95%", 5),  # ninety-five per cent
        ("2", 1),
        ("7", 2),  # seven
        ("1,000", 3),  # one thousand
        ("Australia’s", 3),
        ("Australia's", 3),
        ("patient's", 2),
        ("COVID-19", 4),  # co-vid + nine-teen
    ],
)
def test_english(word: str, expected: int) -> None:
    assert counter_for("en")(word) == expected


@pytest.mark.parametrize(
    ("lang", "word", "expected"),
    [
        ("es", "salud", 2),
        ("es", "medicamento", 5),
        ("es", "enfermedad", 4),
        ("es", "corazón", 3),
        ("es", "hospital", 3),
        ("es", "día", 2),
        ("es", "95%", 9),  # noventa y cinco por ciento
        ("de", "Arzt", 1),
        ("de", "Krankenhaus", 3),
        ("de", "Gesundheit", 3),
        ("de", "Behandlung", 3),
        ("de", "Medikament", 4),
        ("fr", "santé", 2),
        ("fr", "médicament", 4),
        ("fr", "hôpital", 3),
        ("fr", "l'hôpital", 3),
        ("it", "salute", 3),
        ("it", "ospedale", 4),
        ("it", "medicina", 4),
    ],
)
def test_other_languages(lang: str, word: str, expected: int) -> None:
    assert counter_for(lang)(word) == expected


@pytest.mark.parametrize(
    ("token", "lang", "expected"),
    [
        ("0.73", "en", 6),
        ("0,73", "en", 6),  # decimal comma read the same way
        ("95%", "en", 5),
        ("12", "en", 1),
        ("1.000", "de", 3),  # tausend: thousands separator -> ein-tau-send
        ("3", "es", 1),  # tres
        ("20", "es", 2),  # veinte
    ],
)
def test_number_syllables(token: str, lang: str, expected: int) -> None:
    assert number_syllables(token, lang) == expected


def test_counter_is_cached_per_language() -> None:
    assert counter_for("en") is counter_for("en")
    assert counter_for("en") is not counter_for("es")


def test_every_word_has_at_least_one_syllable() -> None:
    counter = SyllableCounter("en")
    for word in ("x", "hmm", "Brr", "zzz", "psst", "qwrtzp"):
        assert counter(word) >= 1
