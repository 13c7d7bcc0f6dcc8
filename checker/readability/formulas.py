"""Readability formulas, each for the language it was made for, from one set of counts.

Every formula is computed from :class:`TextCounts`, which the analysis pass
fills once with its own sentence splitting and syllable counts (textstat's
splitter counts every full stop and mis-rates statistics-heavy text).  Each
language has a *primary* formula whose result is expressed as a school grade, so
that one configurable target (default grade 8) works in every language.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter


@dataclass(slots=True)
class TextCounts:
    """Counts over a text's prose sentences.

    Treated as a value and never changed after creation; not ``frozen`` because a
    frozen dataclass is five times slower to create, and a check makes one per sentence.
    """

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0  # words of three or more syllables
    monosyllables: int = 0
    letters: int = 0  # letters in words
    characters: int = 0  # letters and digits in words
    long_words: int = 0  # words of more than six letters
    complex_words: int = 0  # Gunning's "complex": polysyllabic, not names or -ed/-es/-ing forms

    def __add__(self, other: TextCounts) -> TextCounts:
        return TextCounts(
            *(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__)
        )

    @classmethod
    def total(cls, items: list[TextCounts]) -> TextCounts:
        """The sum of many counts (faster than repeated ``+``)."""
        if not items:
            return cls()
        fields = attrgetter(*cls.__dataclass_fields__)
        return cls(*map(sum, zip(*map(fields, items), strict=True)))

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0


@dataclass(frozen=True, slots=True)
class Formula:
    key: str  # the name used in JSON ``scores``
    title: str
    languages: frozenset[str]
    kind: str  # "grade" (higher is harder) or "ease" (higher is easier)
    compute: Callable[[TextCounts], float]
    reference: str


def _wps(c: TextCounts) -> float:
    return c.words_per_sentence


def _spw(c: TextCounts) -> float:
    return c.syllables_per_word


def _pct(part: int, c: TextCounts) -> float:
    return 100.0 * part / c.words if c.words else 0.0


FORMULAS: tuple[Formula, ...] = (
    Formula(
        "smog",
        "SMOG grade",
        frozenset({"en"}),
        "grade",
        lambda c: 1.0430 * math.sqrt(c.polysyllables * 30.0 / c.sentences) + 3.1291,
        "McLaughlin 1969; recommended for health material",
    ),
    Formula(
        "flesch_kincaid_grade",
        "Flesch-Kincaid grade",
        frozenset({"en"}),
        "grade",
        lambda c: 0.39 * _wps(c) + 11.8 * _spw(c) - 15.59,
        "Kincaid et al. 1975",
    ),
    Formula(
        "flesch_reading_ease",
        "Flesch reading ease",
        frozenset({"en"}),
        "ease",
        lambda c: 206.835 - 1.015 * _wps(c) - 84.6 * _spw(c),
        "Flesch 1948",
    ),
    Formula(
        "gunning_fog",
        "Gunning fog index",
        frozenset({"en"}),
        "grade",
        lambda c: 0.4 * (_wps(c) + _pct(c.complex_words, c)),
        "Gunning 1952",
    ),
    Formula(
        "coleman_liau",
        "Coleman-Liau index",
        frozenset({"en"}),
        "grade",
        lambda c: 0.0588 * _pct(c.letters, c) - 0.296 * _pct(c.sentences, c) - 15.8,
        "Coleman & Liau 1975",
    ),
    Formula(
        "ari",
        "Automated readability index",
        frozenset({"en"}),
        "grade",
        lambda c: 4.71 * (c.characters / c.words) + 0.5 * _wps(c) - 21.43,
        "Senter & Smith 1967",
    ),
    Formula(
        "fernandez_huerta",
        "Fernández-Huerta reading ease",
        frozenset({"es"}),
        "ease",
        lambda c: 206.84 - 60.0 * _spw(c) - 1.02 * _wps(c),
        "Fernández Huerta 1959, as corrected by Law 2011",
    ),
    Formula(
        "szigriszt_pazos",
        "Szigriszt-Pazos perspicuity (INFLESZ scale)",
        frozenset({"es"}),
        "ease",
        lambda c: 206.835 - 62.3 * _spw(c) - _wps(c),
        "Szigriszt Pazos 1993; INFLESZ scale, Barrio-Cantalejo et al. 2008",
    ),
    Formula(
        "kandel_moles",
        "Kandel-Moles reading ease",
        frozenset({"fr"}),
        "ease",
        lambda c: 207.0 - 1.015 * _wps(c) - 73.6 * _spw(c),
        "Kandel & Moles 1958",
    ),
    Formula(
        "wiener_sachtextformel",
        "Wiener Sachtextformel (1st)",
        frozenset({"de"}),
        "grade",
        lambda c: (
            0.1935 * _pct(c.polysyllables, c)
            + 0.1672 * _wps(c)
            + 0.1297 * _pct(c.long_words, c)
            - 0.0327 * _pct(c.monosyllables, c)
            - 0.875
        ),
        "Bamberger & Vanecek 1984",
    ),
    Formula(
        "amstad",
        "Amstad reading ease",
        frozenset({"de"}),
        "ease",
        lambda c: 180.0 - _wps(c) - 58.5 * _spw(c),
        "Amstad 1978",
    ),
    Formula(
        "gulpease",
        "Gulpease index",
        frozenset({"it"}),
        "ease",
        lambda c: 89.0 + (300.0 * c.sentences - 10.0 * c.letters) / c.words,
        "Lucisano & Piemontese 1988",
    ),
    Formula(
        "flesch_douma",
        "Flesch-Douma reading ease",
        frozenset({"nl"}),
        "ease",
        lambda c: 206.835 - 0.93 * _wps(c) - 77.0 * _spw(c),
        "Douma 1960",
    ),
)

BY_KEY = {f.key: f for f in FORMULAS}

#: The formula that gives each language's grade.
PRIMARY = {
    "en": "smog",
    "es": "fernandez_huerta",
    "fr": "kandel_moles",
    "de": "wiener_sachtextformel",
    "it": "gulpease",
    "nl": "flesch_douma",
}

# Flesch's table (1948) read as grade anchors: 90 is 5th grade, 80 6th, 70 7th,
# 60-70 8th-9th, 50-60 10th-12th, 30-50 college, below 30 college graduate.
# Fernández Huerta, Kandel-Moles and Douma publish the same bands.
_EASE_TO_GRADE = (
    (100.0, 4.0),
    (90.0, 5.0),
    (80.0, 6.0),
    (70.0, 7.0),
    (60.0, 9.0),
    (50.0, 12.0),
    (30.0, 16.0),
    (0.0, 18.0),
)
# Gulpease: under 80 is hard with elementary schooling (5 years), under 60 with
# middle school (8), under 40 with secondary school (13).
_GULPEASE_TO_GRADE = (
    (100.0, 2.0),
    (80.0, 5.0),
    (60.0, 8.0),
    (40.0, 13.0),
    (20.0, 17.0),
    (0.0, 18.0),
)


def _interpolate(value: float, anchors: tuple[tuple[float, float], ...]) -> float:
    if value >= anchors[0][0]:
        return anchors[0][1]
    for (hi, g_hi), (lo, g_lo) in pairwise(anchors):
        if value >= lo:
            return g_lo + (g_hi - g_lo) * (value - lo) / (hi - lo)
    return anchors[-1][1]


def as_grade(key: str, value: float) -> float:
    """A formula's result expressed as a school grade (years of schooling)."""
    if key == "gulpease":
        return _interpolate(value, _GULPEASE_TO_GRADE)
    if BY_KEY[key].kind == "ease":
        return _interpolate(value, _EASE_TO_GRADE)
    return value


def formulas_for(lang: str) -> list[Formula]:
    return [f for f in FORMULAS if lang in f.languages]


#: Below this many words or sentences a text is too short to grade: the formulas were
#: fitted on passages of 100 words or more, and on "No." or a page of links they give
#: nonsense (Flesch-Kincaid -3.4, Coleman-Liau -33.6).
MIN_GRADED_WORDS = 30
MIN_GRADED_SENTENCES = 3
#: The range each kind of score means something in: school grades up to postgraduate
#: level, ease scores on their 0-100 scale.
GRADE_RANGE = (0.0, 22.0)
EASE_RANGE = (0.0, 100.0)


def too_short(counts: TextCounts) -> str | None:
    """Why ``counts`` are too few to grade, or ``None`` when a grade means something."""
    if counts.words >= MIN_GRADED_WORDS and counts.sentences >= MIN_GRADED_SENTENCES:
        return None
    sentences = "sentence" if counts.sentences == 1 else "sentences"
    return (
        f"too short to grade: {counts.words} words in {counts.sentences} {sentences} "
        f"(a grade needs at least {MIN_GRADED_WORDS} words in {MIN_GRADED_SENTENCES} sentences)"
    )


def _bounded(formula: Formula, value: float) -> float:
    low, high = GRADE_RANGE if formula.kind == "grade" else EASE_RANGE
    return min(high, max(low, value))


def scores(counts: TextCounts, lang: str) -> dict[str, float]:
    """Every formula valid for ``lang``, within its meaningful range, to one decimal place;
    none for a text too short to grade."""
    if too_short(counts):
        return {}
    return {f.key: round(_bounded(f, f.compute(counts)), 1) for f in formulas_for(lang)}


def primary_grade(counts: TextCounts, lang: str) -> tuple[float, str] | None:
    """The language's grade and the formula that gave it, or ``None`` if it has none or the
    text is too short to grade."""
    key = PRIMARY.get(lang)
    if key is None or too_short(counts):
        return None
    formula = BY_KEY[key]
    grade = as_grade(key, _bounded(formula, formula.compute(counts)))
    return round(min(GRADE_RANGE[1], max(GRADE_RANGE[0], grade)), 1), key
