"""An article's figures: reading grade, scores, counts and the sentences that make it hard.

Rules read them as a typed :class:`ArticleMetrics`; the JSON contract, the cache and the
HTML report read :meth:`ArticleMetrics.to_json`, whose keys and order are part of the
contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.model import Document
from checker.readability.difficulty import MIN_HARD_SENTENCE_WORDS
from checker.readability.formulas import PRIMARY, primary_grade, scores, too_short
from checker.text import passive
from checker.text.analysis import DocumentAnalysis

if TYPE_CHECKING:
    from checker.plain.jargon import JargonResult


@dataclass(frozen=True, slots=True)
class HardSentence:
    """One of an article's hardest sentences, where it is and how hard."""

    line: int
    column: int
    difficulty: float
    words: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "difficulty": self.difficulty,
            "words": self.words,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class ArticleMetrics:
    grade: float | None
    grade_formula: str | None
    #: why the grade is unreliable (too few words or sentences), else None
    grade_note: str | None
    target_grade: float
    words: int
    sentences: int
    scores: dict[str, float] = field(default_factory=dict)
    #: None where passive voice is not detected (the language) or there is no prose
    passive_percent: float | None = None
    #: None when the jargon finder did not run (no PLN or GRM rule selected, or the language)
    complex_language_percent: float | None = None
    hardest_sentences: tuple[HardSentence, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "grade": self.grade,
            "grade_formula": self.grade_formula,
            "grade_note": self.grade_note,
            "target_grade": self.target_grade,
            "words": self.words,
            "sentences": self.sentences,
            "scores": self.scores,
            "passive_percent": self.passive_percent,
            "complex_language_percent": self.complex_language_percent,
            "hardest_sentences": [s.to_json() for s in self.hardest_sentences],
        }


def compute_metrics(
    document: Document,
    analysis: DocumentAnalysis,
    hardest: int,
    target: float,
    jargon: JargonResult | None = None,
) -> ArticleMetrics:
    counts = analysis.counts
    grade = primary_grade(counts, document.lang)
    prose = analysis.prose_sentences
    passive_percent = None
    if passive.supports(document.lang) and prose:
        passive_percent = round(100.0 * sum(1 for s in prose if s.passive) / len(prose), 1)
    # Headings and fragments are not what makes an article hard to read.
    candidates = [s for s in prose if s.words >= MIN_HARD_SENTENCE_WORDS]
    ranked = sorted(candidates, key=lambda s: (-s.difficulty, s.block, s.start))[:hardest]
    hardest_sentences = []
    for s in ranked:
        block = document.blocks[s.block]
        line, column = document.position(block.content.source_offset(s.start))
        hardest_sentences.append(HardSentence(line, column, s.difficulty, s.words, s.text))
    formula = PRIMARY.get(document.lang)
    return ArticleMetrics(
        grade=grade[0] if grade else None,
        grade_formula=formula,
        grade_note=too_short(counts) if formula else None,
        target_grade=target,
        words=counts.words,
        sentences=counts.sentences,
        scores=scores(counts, document.lang),
        passive_percent=passive_percent,
        complex_language_percent=jargon.complex_percent if jargon else None,
        hardest_sentences=tuple(hardest_sentences),
    )
