"""Every claim of an article with the citations that back it, found once for all CLM rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from checker.claims.citations import Citation, References, find_citations, find_references
from checker.claims.cues import CueSet, cues_for, package_cues
from checker.claims.detect import Claim, detect, is_answer, is_question
from checker.config import ClaimsOptions
from checker.model import BlockKind, Document
from checker.text.analysis import DocumentAnalysis, Sentence


@dataclass(frozen=True, slots=True)
class FoundClaim:
    sentence: Sentence
    claim: Claim
    citations: tuple[Citation, ...]  # in the sentence itself
    covered_by: Citation | None = None  # a citation ending the paragraph, when none is here

    @property
    def cited(self) -> bool:
        return bool(self.citations) or self.covered_by is not None


@dataclass(frozen=True, slots=True)
class Dangling:
    """A citation marker whose targets are in no reference list or footnote."""

    citation: Citation
    missing: tuple[str, ...]


@dataclass(slots=True)
class ClaimsResult:
    claims: list[FoundClaim] = field(default_factory=list)
    dangling: list[Dangling] = field(default_factory=list)
    references: References | None = None


def supports(lang: str) -> bool:
    """Whether the package has claim cues for ``lang``."""
    return bool(package_cues(lang))


def _answered_questions(sentences: Sequence[Sentence], cues: CueSet) -> set[int]:
    """Questions (by ``id``) that the next sentence, in their block or the next, answers."""
    return {
        id(question)
        for question, answer in pairwise(sentences)
        if answer.block - question.block <= 1
        and is_question(question.text)
        and is_answer(cues, answer.text)
    }


def find_claims(
    document: Document, analysis: DocumentAnalysis, options: ClaimsOptions
) -> ClaimsResult:
    """Claims sentence by sentence, whether each is cited, and markers that point nowhere."""
    result = ClaimsResult()
    cues = cues_for(document.lang, options.cues.get(document.lang))
    if not cues.patterns:
        return result
    references = result.references = find_references(document)
    skipped = {BlockKind.IMAGE_ALT}
    if not options.check_headings:
        skipped.add(BlockKind.HEADING)
    if not options.check_quotes:
        skipped.add(BlockKind.QUOTE)
    source = document.source
    by_block: dict[int, list[tuple[Sentence, list[Citation]]]] = {}
    seen_markers: set[tuple[int, int]] = set()
    answered = _answered_questions(analysis.sentences, cues)
    for sentence in analysis.sentences:
        block = document.blocks[sentence.block]
        if block.kind in skipped or sentence.block in references.section_blocks:
            continue
        start, end = block.content.source_span(sentence.start, sentence.end)
        citations = find_citations(source, start, end, cues, block.links)
        by_block.setdefault(sentence.block, []).append((sentence, citations))
        for citation in citations:
            missing = references.resolves(citation)
            if missing and (citation.start, citation.end) not in seen_markers:
                seen_markers.add((citation.start, citation.end))
                result.dangling.append(Dangling(citation, tuple(missing)))
    for sentences in by_block.values():
        closing = sentences[-1][1]
        paragraph_citation = closing[0] if closing and options.paragraph_citations else None
        for sentence, citations in sentences:
            claim = detect(cues, sentence.text, answered=id(sentence) in answered)
            if claim is None:
                continue
            covered = None if citations else paragraph_citation
            result.claims.append(FoundClaim(sentence, claim, tuple(citations), covered))
    return result
