"""The one analysis pass over a document: sentences, words, syllables and frequencies.

Every rule reads the :class:`DocumentAnalysis`; nothing re-tokenises the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

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


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of one block, with the counts every rule needs."""

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


@dataclass(frozen=True, slots=True)
class BlockStats:
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


@cache
def _word_table(lang: str) -> dict[str, tuple[int, int, int, int]]:
    """Per-language cache: word -> (syllables, letters, characters, rare)."""
    return {}


def _word_facts(token: str, lang: str) -> tuple[int, int, int, int]:
    syllables = counter_for(lang)(token)
    if token[0].isdigit():
        return syllables, 0, len(token), 0
    letters = sum(ch.isalpha() for ch in token)
    rare = 1 if zipf_table(lang)(token) <= RARE_ZIPF else 0
    return syllables, letters, letters, rare


def analyse_text(text: str, lang: str, block: int = 0, prose: bool = True) -> list[Sentence]:
    """The sentences of one block of cleaned text, with their counts."""
    table = _word_table(lang)
    has_passive = passive.supports(lang)
    sentences: list[Sentence] = []
    for start, end in split_sentences(text, lang):
        sentence_text = text[start:end]
        tokens = WORD.findall(sentence_text)
        if not tokens:
            continue
        n_syll = poly = mono = letters = chars = long_words = complex_words = rare = 0
        for token in tokens:
            facts = table.get(token)
            if facts is None:
                facts = table[token] = _word_facts(token, lang)
            s, n_letters, n_chars, is_rare = facts
            n_syll += s
            if s >= 3:
                poly += 1
                if not (token[0].isupper() or "-" in token or token.endswith(_GUNNING_SUFFIXES)):
                    complex_words += 1
            elif s == 1:
                mono += 1
            letters += n_letters
            chars += n_chars
            if n_letters > 6:
                long_words += 1
            rare += is_rare
        counts = TextCounts(
            sentences=1,
            words=len(tokens),
            syllables=n_syll,
            polysyllables=poly,
            monosyllables=mono,
            letters=letters,
            characters=chars,
            long_words=long_words,
            complex_words=complex_words,
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
                passive=passive.passive_participle(sentence_text, lang) if has_passive else None,
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
