"""The one analysis pass over a document: sentences, words, syllables and frequencies.

Every rule reads the :class:`DocumentAnalysis`; nothing re-tokenises the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from checker.model import Document
from checker.readability.difficulty import sentence_difficulty
from checker.readability.formulas import TextCounts
from checker.text import passive
from checker.text.frequency import zipf_table
from checker.text.segment import WORD, split_sentences
from checker.text.syllables import counter_for

#: Words at or below this Zipf frequency count as rare.
RARE_ZIPF = 3.0
_GUNNING_SUFFIXES = ("ed", "es", "ing")


class Sentence(NamedTuple):
    """A sentence of one block, with the counts every rule needs.

    A named tuple: immutable, and several times cheaper to create than a frozen
    dataclass (a large check makes one per sentence).
    """

    block: int  # index into Document.blocks
    start: int  # offsets in the block's cleaned text
    end: int
    text: str
    counts: TextCounts
    rare_words: int
    difficulty: float  # estimated reader rating, 1 (easy) to 6 (hard)
    passive: str | None  # the participle of a passive construction
    prose: bool  # from a paragraph, list item or quote (not a heading or caption)

    @property
    def words(self) -> int:
        return self.counts.words


class BlockStats(NamedTuple):
    block: int
    words: int
    sentences: int


@dataclass(frozen=True, slots=True)
class DocumentAnalysis:
    lang: str
    sentences: tuple[Sentence, ...]
    blocks: tuple[BlockStats, ...]
    counts: TextCounts  # prose sentences only: the input of the formulas

    @property
    def prose_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.prose]


def analyse(document: Document) -> DocumentAnalysis:
    """Split every block into sentences and count what the formulas and rules need."""
    lang = document.lang
    sentences: list[Sentence] = []
    block_stats: list[BlockStats] = []
    prose_counts: list[TextCounts] = []
    for index, block in enumerate(document.blocks):
        if not block.text.strip():
            continue
        prose = block.kind.is_prose
        found = analyse_text(block.text, lang, index, prose)
        sentences.extend(found)
        block_stats.append(BlockStats(index, sum(s.words for s in found), len(found)))
        if prose:
            prose_counts.extend(s.counts for s in found)
    return DocumentAnalysis(
        lang, tuple(sentences), tuple(block_stats), TextCounts.total(prose_counts)
    )


# Each distinct word's facts are packed into one integer, a 32-bit field per count,
# so that a sentence's counts are one C-level ``sum(map(...))`` over its words
# instead of a Python loop: the analysis pass is the checker's hot path.
_FIELD_BITS = 32
_FIELD_MASK = (1 << _FIELD_BITS) - 1
(
    _SYLLABLES,
    _POLYSYLLABLES,
    _MONOSYLLABLES,
    _LETTERS,
    _CHARACTERS,
    _LONG,
    _COMPLEX,
    _RARE,
    _AUXILIARY,
) = (1 << (_FIELD_BITS * i) for i in range(9))  # the shifts in analyse_text follow this order


class _WordTable(dict[str, int]):
    """Per-language cache: word -> packed facts, computed on first sight."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.syllables = counter_for(lang)
        self.zipf = zipf_table(lang)
        self.passive = passive.supports(lang)

    def __missing__(self, token: str) -> int:
        syllables = self.syllables(token)
        packed = syllables * _SYLLABLES
        if syllables >= 3:
            packed += _POLYSYLLABLES
            if not (token[0].isupper() or "-" in token or token.endswith(_GUNNING_SUFFIXES)):
                packed += _COMPLEX
        elif syllables == 1:
            packed += _MONOSYLLABLES
        if token[0].isdigit():
            packed += len(token) * _CHARACTERS
        else:
            letters = sum(ch.isalpha() for ch in token)
            packed += letters * (_LETTERS + _CHARACTERS)
            if letters > 6:
                packed += _LONG
            if self.zipf(token) <= RARE_ZIPF:
                packed += _RARE
        if self.passive and passive.is_auxiliary(token, self.lang):
            packed += _AUXILIARY
        self[token] = packed
        return packed


@cache
def _word_table(lang: str) -> _WordTable:
    return _WordTable(lang)


def analyse_text(text: str, lang: str, block: int = 0, prose: bool = True) -> list[Sentence]:
    """The sentences of one block of cleaned text, with their counts."""
    facts = _word_table(lang).__getitem__
    find_words = WORD.findall
    sentences: list[Sentence] = []
    for start, end in split_sentences(text, lang):
        sentence_text = text[start:end]
        tokens = find_words(sentence_text)
        if not tokens:
            continue
        total = sum(map(facts, tokens))
        rare = (total >> 224) & _FIELD_MASK
        counts = TextCounts(
            1,
            len(tokens),
            total & _FIELD_MASK,
            (total >> 32) & _FIELD_MASK,
            (total >> 64) & _FIELD_MASK,
            (total >> 96) & _FIELD_MASK,
            (total >> 128) & _FIELD_MASK,
            (total >> 160) & _FIELD_MASK,
            (total >> 192) & _FIELD_MASK,
        )
        sentences.append(
            Sentence(
                block=block,
                start=start,
                end=end,
                text=sentence_text,
                counts=counts,
                rare_words=rare,
                difficulty=sentence_difficulty(counts, rare),
                passive=passive.passive_participle(sentence_text, lang) if total >> 256 else None,
                prose=prose,
            )
        )
    return sentences


def text_counts(text: str, lang: str) -> TextCounts:
    """Counts over plain text whose paragraphs are separated by blank lines."""
    total = TextCounts()
    for paragraph in text.split("\n\n"):
        for sentence in analyse_text(paragraph.replace("\n", " "), lang):
            total = total + sentence.counts
    return total
