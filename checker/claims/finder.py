"""Every claim of an article with the citations that back it, found once for all CLM and NUM
rules.

A claim with no citation in its sentence is covered by a citation elsewhere in its
paragraph (the last one), then by the article itself when it reports its own study or
review ("we found", "this review"), then by the article's Sources or References section:
editors source an article at those levels, not sentence by sentence.  Headings are read
for promises only (a headline that promises a cure misleads as much as a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from checker.claims.citations import Citation, References, find_citations, find_references
from checker.claims.cues import CueSet, cues_for, package_cues
from checker.claims.detect import (
    Claim,
    Cue,
    detect,
    first_cue,
    is_answer,
    is_question,
    treatment_in,
)
from checker.compiled_patterns import kept
from checker.model import BlockKind, Document
from checker.options import ClaimsOptions
from checker.text.analysis import DocumentAnalysis, Sentence


@dataclass(frozen=True, slots=True)
class FoundClaim:
    sentence: Sentence
    claim: Claim
    citations: tuple[Citation, ...]  # in the sentence itself
    covered_by: Citation | None = None  # the paragraph's, the article's or its sources list
    heading: bool = False  # in a heading that is not checked: only its promise counts

    @property
    def cited(self) -> bool:
        return bool(self.citations) or self.covered_by is not None


@dataclass(frozen=True, slots=True)
class NumberUse:
    """A relative risk, natural frequency or percentage in a sentence.

    ``absolute`` is the absolute figure in the same paragraph (offsets in the paragraph), for
    a relative risk (None when the paragraph has none).
    """

    kind: str  # relative-risk, frequency or percentage
    sentence: Sentence
    cue: Cue
    absolute: Cue | None = None


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
    self_report: Citation | None = None  # where the article says it reports its own study
    citation_count: int = 0  # citations anywhere in the checked text, claim or not
    numbers: list[NumberUse] = field(default_factory=list)
    #: the claims of an article that cites nothing, key ones first, when there are enough
    #: of them (``unsourced-min-claims``, one key) for CLM005 to sum the article up
    unsourced: list[FoundClaim] | None = None

    @property
    def cites_nothing(self) -> bool:
        """No citation, reference list, footnote or self-report anywhere in the article."""
        references = self.references
        return (
            self.citation_count == 0
            and self.self_report is None
            and (references is None or not references.has_list)
        )


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


#: A sentence opening with one of these is about what the sentence before named.
_PRONOUN = kept(
    r"\W*(?:(?:however|but|also|yet|still|so|pero|sin embargo|además|mais|cependant|aussi|"
    r"aber|jedoch|auch|ma|però|tuttavia|inoltre|anche|maar|echter|ook),?\s+)?"
    r"(?:they|it|these|this|those|both|either|ellos|ellas|estos|estas|ils|elles|ceux-ci|"
    r"sie|diese|dieses|es|essi|esse|questi|queste|loro|ze|zij|deze|dit)\b",
    re.IGNORECASE,
)


_NUMBER_SECTIONS = ("relative-risk", "frequency", "percentage")


def _numbers(cues: CueSet, sentences: list[Sentence]) -> list[NumberUse]:
    """Relative risks (with the absolute figure of their paragraph), frequencies and
    percentages in the sentences of one paragraph."""
    found: list[NumberUse] = []
    for sentence in sentences:
        lower = sentence.text.lower()
        for kind in _NUMBER_SECTIONS:
            for match in cues.finditer(kind, sentence.text, lower):
                found.append(NumberUse(kind, sentence, Cue(kind, *match.span(), match.group(0))))
    if any(use.kind == "relative-risk" for use in found):  # only they need the absolute figure
        absolute = next(
            (
                cue.moved(sentence.start)
                for sentence in sentences
                if (cue := first_cue(cues, "absolute-risk", sentence.text)) is not None
            ),
            None,
        )
        found = [replace(use, absolute=absolute) for use in found]
    found.sort(key=lambda use: (use.sentence.start, use.cue.start))
    return found


def _self_report(document: Document, analysis: DocumentAnalysis, cues: CueSet) -> Citation | None:
    """The first place the article says it reports its own study or review, if any."""
    for sentence in analysis.sentences:
        block = document.blocks[sentence.block]
        if block.kind in (BlockKind.QUOTE, BlockKind.IMAGE_ALT):
            continue
        match = cues.search("self-report", sentence.text)
        if match is not None:
            start, end = block.content.source_span(
                sentence.start + match.start(), sentence.start + match.end()
            )
            return Citation("self", match.group(0), start, end)
    return None


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
    promises_only: set[BlockKind] = set()
    if not options.check_headings:
        promises_only.add(BlockKind.HEADING)
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
        result.citation_count += len(citations)
        by_block.setdefault(sentence.block, []).append((sentence, citations))
        for citation in citations:
            missing = references.resolves(citation)
            if missing and (citation.start, citation.end) not in seen_markers:
                seen_markers.add((citation.start, citation.end))
                result.dangling.append(Dangling(citation, tuple(missing)))
    if options.self_reports:
        result.self_report = _self_report(document, analysis, cues)
    sources_list = None
    if options.reference_section and references.heading:
        sources_list = Citation("reference-section", references.heading, 0, 0)
    for index, sentences in by_block.items():
        heading = document.blocks[index].kind in promises_only
        cited = next((c[0] for _, c in reversed(sentences) if c), None)
        paragraph_citation = cited if options.paragraph_citations else None
        covering = paragraph_citation or result.self_report or sources_list
        previous: Sentence | None = None
        for sentence, citations in sentences:
            claim = detect(cues, sentence.text, answered=id(sentence) in answered)
            before, previous = previous, sentence
            if claim is None or (heading and claim.category != "absolute"):
                continue
            named = claim.treatment
            if (
                (named is None or named.start > claim.cue.start)  # no subject of its own
                and before is not None
                and _PRONOUN.match(sentence.text)
                and (earlier := treatment_in(cues, before.text)) is not None
            ):
                claim = replace(claim, treatment=earlier)
            covered = None if citations else covering
            result.claims.append(FoundClaim(sentence, claim, tuple(citations), covered, heading))
        if not heading:
            result.numbers.extend(_numbers(cues, [s for s, _ in sentences]))
    result.unsourced = _unsourced(result, options.unsourced_min_claims)
    return result


def _unsourced(result: ClaimsResult, min_claims: int) -> list[FoundClaim] | None:
    """What CLM005 sums up (see :attr:`ClaimsResult.unsourced`), worked out once."""
    if not result.cites_nothing:
        return None
    claims = [f for f in result.claims if not f.heading]
    if len(claims) < min_claims or not any(f.claim.key for f in claims):
        return None  # background alone: CLM006 shows it, and there is nothing to send back
    return sorted(claims, key=lambda f: not f.claim.key)
