"""Reading grades of one text in different languages, made comparable.

Each language's formula reads the same content at a different grade: over parallel
public health pages (the same page published by the same health service in several
languages; 46 pages, 108 texts), French Kandel-Moles gave grades 5.8 lower than English
SMOG, Spanish Fernández-Huerta and Italian Gulpease 3.0 lower, Dutch Flesch-Douma 2.2
and German Wiener Sachtextformel 1.3 lower.  ``bench/grade_calibration.py`` measures
these offsets (least squares over every pair of languages of a page, English fixed at 0;
the medians of the pages shared with English agree within 0.5 grade except Dutch, whose
nine pages split in two groups).

A translation "as plain as its source" reads at the source's grade moved by the
difference of the two offsets; TRN012 compares a translation with that, never with the
raw grade of another language's formula.
"""

from __future__ import annotations

#: Grade offset of each language's primary formula from English SMOG on the same content.
GRADE_OFFSET: dict[str, float] = {
    "en": 0.0,
    "de": -1.3,
    "es": -3.0,
    "fr": -5.8,
    "it": -3.0,
    "nl": -2.2,
}


def comparable_grade(grade: float, from_lang: str, to_lang: str) -> float | None:
    """The grade that ``grade`` in ``from_lang`` corresponds to on ``to_lang``'s scale
    (``None`` when either language has no calibration)."""
    if from_lang not in GRADE_OFFSET or to_lang not in GRADE_OFFSET:
        return None
    return round(grade + GRADE_OFFSET[to_lang] - GRADE_OFFSET[from_lang], 1)
