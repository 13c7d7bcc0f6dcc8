"""How hard one sentence is to read, as an estimated reader rating from 1 (easy) to 6 (hard).

Grade formulas are made for whole texts; to point a writer at the sentences that
make an article hard, the checker needs a per-sentence score.  This is a linear
model over features the analysis pass already has: sentence length, syllables
per word, and the shares of polysyllabic, long and rare words.  Its weights were
fitted on the *train* split of MedReadMe (medical sentences rated 1-6 by readers)
by ``bench/fit_difficulty.py``; ``bench/readability_eval.py`` reports it on the
test split.
"""

from __future__ import annotations

import math

from checker.readability.formulas import TextCounts

#: Sentences shorter than this (headings, fragments) are never listed or flagged as hard.
MIN_HARD_SENTENCE_WORDS = 6

#: (intercept, log words, syllables/word, polysyllable share, rare share, long-word share)
WEIGHTS = (1.6139, 0.7096, -0.0588, 0.5014, 4.3264, 0.4084)


def features(counts: TextCounts, rare_words: int) -> tuple[float, ...]:
    words = max(counts.words, 1)
    return (
        1.0,
        math.log(words),
        counts.syllables / words,
        counts.polysyllables / words,
        rare_words / words,
        counts.long_words / words,
    )


def sentence_difficulty(counts: TextCounts, rare_words: int) -> float:
    """Estimated rating, clamped to the 1-6 scale of the data it was fitted on."""
    words = max(counts.words, 1)
    intercept, w_log_words, w_syllables, w_poly, w_rare, w_long = WEIGHTS
    value = (
        intercept
        + w_log_words * math.log(words)
        + (
            w_syllables * counts.syllables
            + w_poly * counts.polysyllables
            + w_rare * rare_words
            + w_long * counts.long_words
        )
        / words
    )
    return round(min(6.0, max(1.0, value)), 2)
