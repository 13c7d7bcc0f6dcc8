"""CLM: medical claims that need a source, promises, and citations that point nowhere.

What needs a source (the product's definition, also in the README): a specific, checkable
health statement a reader could act on or be harmed by.  The checkable ones (a number or
rate, a dose, an appeal to evidence, a comparison of a named treatment) are warnings when
nothing sources them; the effect of a treatment stated without any of those, and
background claims, are information, and an article that cites nothing is flagged once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.model import BlockKind, Finding, Scope, Severity
from checker.rules.base import Input, Rule, RuleContext, rule

if TYPE_CHECKING:
    from checker.claims.finder import FoundClaim

#: How a claim is worded, for the message.
_WORDING = {
    "direct": " as certain",
    "conditional": ", hedged",
    "correlational": " as a link",
    "none": "",
}
#: What to do about an uncited claim without a cause and effect, by category.
_SOURCE_ADVICE = {
    "statistic": "say where the figure comes from",
    "dose": "give the source of the dose (a guideline or the product information)",
    "evidence": "name the study, review or guideline",
}


def _advice(category: str, strength: str) -> str:
    """What the writer should do about an uncited claim."""
    if category == "evidence":
        return _SOURCE_ADVICE[category]
    if strength == "direct":
        return "cite a source, or hedge it ('may ...') if the evidence is weaker"
    if strength == "correlational":
        return "cite a source, and keep it a link: do not say one causes the other"
    return _SOURCE_ADVICE.get(category, "cite a source for it")


_CATEGORY_NAMES = {
    "efficacy": "a benefit",
    "risk": "a risk or harm",
    "causal": "a cause and effect",
    "dose": "a dose or schedule",
    "statistic": "a statistic",
    "comparison": "a comparison",
    "evidence": "an appeal to evidence",
    "absolute": "an absolute promise",
}


def _details(found: FoundClaim) -> dict[str, object]:
    claim = found.claim
    citations = list(found.citations) or ([found.covered_by] if found.covered_by else [])
    return {
        "category": claim.category,
        "categories": list(claim.categories),
        "strength": claim.strength,
        "cue": claim.cue.text,
        "cue_kind": claim.cue.section,
        "key": claim.key,
        "treatment": claim.treatment.text if claim.treatment else None,
        "hedge": claim.hedge.text if claim.hedge else None,
        "cited": found.cited,
        "citations": [{"kind": c.kind, "text": c.text} for c in citations],
        "covered_by_paragraph": found.covered_by is not None and not found.citations,
    }


def _claim_finding(ctx: RuleContext, self: Rule, found: FoundClaim, message: str) -> Finding:
    sentence = found.sentence
    cue = found.claim.cue
    return ctx.block_finding(
        self,
        sentence.block,
        sentence.start + cue.start,
        sentence.start + cue.end,
        message,
        details={**_details(found), "sentence": sentence.text},
    )


def _uncited(ctx: RuleContext, *, checkable: bool) -> Iterator[FoundClaim]:
    """Claims outside unchecked headings that nothing sources, checkable ones or the others."""
    if ctx.claims is None:
        return
    for found in ctx.claims.claims:
        claim = found.claim
        if found.heading or found.cited or claim.category == "absolute":
            continue
        if claim.checkable == checkable:
            yield found


def _units(ctx: RuleContext) -> list[int]:
    """For each block, the unit an editor would source at once: its paragraph, or the whole
    list for the items of one list (a bulleted list is one point, made item by item)."""
    units: list[int] = []
    blocks = ctx.document.blocks
    for index, block in enumerate(blocks):
        same_list = (
            index > 0
            and block.kind is BlockKind.LIST_ITEM
            and blocks[index - 1].kind is BlockKind.LIST_ITEM
        )
        units.append(units[-1] if same_list else index)
    return units


def _unsourced_article_claims(ctx: RuleContext) -> list[FoundClaim] | None:
    """The claims CLM005 sums up, or ``None`` (worked out once, by the claim finder)."""
    return ctx.claims.unsourced if ctx.claims is not None else None


def _position(ctx: RuleContext, found: FoundClaim) -> dict[str, object]:
    """Line and column of a claim's cue in the source file."""
    block = ctx.document.blocks[found.sentence.block]
    offset = block.content.source_offset(found.sentence.start + found.claim.cue.start)
    line, column = ctx.document.position(offset)
    return {"line": line, "column": column}


def _uncited_message(found: FoundClaim) -> str:
    claim = found.claim
    what = _CATEGORY_NAMES[claim.category]
    wording = _WORDING[claim.strength]
    because = claim.link or claim.hedge
    if because is not None and because.text != claim.cue.text:
        wording += f" ('{because.text}')"
    about = ""
    if claim.treatment is not None and claim.category in ("efficacy", "risk"):
        about = f" of '{claim.treatment.text}'"
    return (
        f"'{claim.cue.text}' states {what}{about}{wording}, with no source: "
        f"{_advice(claim.category, claim.strength)}"
    )


@rule(
    "CLM001",
    "uncited-claim",
    Severity.INFO,
    "A checkable health claim (a number or rate, a dose, an appeal to studies, a comparison "
    "of treatments) with no source.",
    needs=(Input.CLAIMS,),
)
def uncited_claim(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """What needs a source: a specific, checkable health statement a reader could act on or
    be harmed by: the benefit or harm of a treatment or behaviour, how often something
    happens (numbers, rates, chances), a comparison ("safer than", "works better than"),
    dose facts and schedules, recommendations attributed to experts or guidelines, causal
    statements about health.  Not claims: definitions and explanations of terms, general
    background on how a condition works (unless it gives numbers or causes a reader would
    act on), instructions to the reader (a clause after one can carry a claim), questions,
    headings, navigation, symptom lists, logistics, statements of uncertainty ("we don't
    know yet"), careful wording ("no medicine is risk-free") and non-medical senses of
    medical-looking words.

    Reported as information by default: judged blind on public health pages, about one in
    eight of these warnings was worth an editor's time (the rest were study doses read as
    advice, claims sourced a sentence away, or textbook statements), while CLM005 (an article
    that cites nothing), CLM003 (absolute wording) and NUM001 (a relative risk alone) were
    right nearly every time.  The report shows each one in place; a project that wants them
    as warnings sets ``uncited-claim = "warning"`` in ``[tool.checker.severity]``.

    Flags a checkable health claim that nothing sources, one that gives an editor something
    specific to look up: a number or rate ("30%", "1 in 1,000", "70-80% effective"), a dose
    or schedule ("15 mg once a week"), an appeal to evidence ("studies show"), or a
    comparison of a named treatment ("ibuprofen is safer than aspirin").  The benefit or
    harm of a treatment stated without any of those ("methotrexate slows joint damage") is
    reported as information by CLM006.  An article that cites nothing at all is flagged
    once by CLM005, with all its claims listed, instead of claim by claim: in such an
    article CLM001 is silent and CLM006 shows the claims in place.  The finding marks the
    cue that triggered it, and ``details`` give the category, how strongly the claim is
    worded (direct, conditional, correlational, none), the treatment it is about and the
    cue.  Since one source for a paragraph covers all its claims, a paragraph (or a whole
    bulleted list) gets one finding, on its first uncited claim; ``details.paragraph_claims``
    list the others (line, column, category, cue).  With ``paragraph-citations = false``
    every claim is flagged.

    A claim is sourced by a citation in its sentence (a link, a URL, a marker such as [1],
    [^2] or a superscript, an author-year reference, a DOI or PMID, a named source such as
    "according to the WHO"), by a citation elsewhere in its paragraph (``paragraph-citations``),
    by the article itself when it reports its own study or review ("we found", "this
    review": ``self-reports``), or by the article's Sources or References section
    (``reference-section``), all in ``[tool.checker.claims]``.

    Not claims: definitions and explanations of terms, instructions to the reader (a clause
    after one can be), questions, navigation, statements of what is not yet known, and
    careful wording ("no medicine is risk-free").  Headings and quotes are not checked
    (``check-headings``, ``check-quotes``).

    Why: readers act on numbers, doses and comparisons; without a source they cannot be
    checked, and regulators and publishers expect one.  Tried on real health pages, these
    were the uncited claims editors acted on; a warning on every stated benefit or harm
    buried them.

    Before: Turmeric cuts joint pain by 40% in people with arthritis.
    After: In two small trials, turmeric cut joint pain by about 40% (Daily et al., 2016).
    """
    if _unsourced_article_claims(ctx) is not None:
        return  # CLM005 sums the article up once, with every claim and its line
    uncited = list(_uncited(ctx, checkable=True))
    if not ctx.claims_options.paragraph_citations:
        for found in uncited:
            yield _claim_finding(ctx, self, found, _uncited_message(found))
        return
    units = _units(ctx)
    by_paragraph: dict[int, list[FoundClaim]] = {}
    for found in uncited:
        by_paragraph.setdefault(units[found.sentence.block], []).append(found)
    for first, *others in by_paragraph.values():
        message = _uncited_message(first)
        if others:
            more = "claim" if len(others) == 1 else "claims"
            message += (
                f" (and {len(others)} more {more} in this paragraph: one source for the "
                "paragraph covers them)"
            )
        finding = _claim_finding(ctx, self, first, message)
        listed = [
            {**_position(ctx, found), "category": found.claim.category, "cue": found.claim.cue.text}
            for found in others
        ]
        yield replace(finding, details={**finding.details, "paragraph_claims": listed})


@rule(
    "CLM002",
    "absolute-claim",
    Severity.ERROR,
    "A promise: cures, guaranteed, 100% safe, no side effects, miracle.",
    needs=(Input.CLAIMS,),
)
def absolute_claim(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a promise about health ("cures", "guaranteed", "100% safe", "no side effects",
    "miracle", "boosts your immune system", "sin efectos secundarios"), cited or not, in
    the text and in headings: no treatment works for everyone or is free of risk, so the
    wording itself misleads.

    Careful wording is never flagged: a promise negated in its clause ("No medication is
    risk-free", "it is not 100% effective", "Steroid injections aren't always a cure",
    "n'est pas sans risque", "no es un milagro", "heilt nicht") or limited by a modal or
    quantifier ("can cure", "often cures": then it is an ordinary claim of a benefit, for
    CLM001).

    Why: absolute promises are what advertising rules forbid in health claims, and readers
    who believe them may stop a treatment that works or ignore side effects.

    Before: This supplement is 100% safe and cures arthritis.
    After: Most people take this supplement without problems; there is no good evidence
    that it helps arthritis.
    """
    if ctx.claims is None:
        return
    for found in ctx.claims.claims:
        if "absolute" not in found.claim.categories:
            continue
        yield _claim_finding(
            ctx,
            self,
            found,
            f"'{found.claim.cue.text}' promises more than any treatment can: say what the "
            "evidence shows and for whom",
        )


@rule(
    "CLM003",
    "dangling-citation",
    Severity.WARNING,
    "A citation marker ([1], [^2], superscript) that points to no reference or footnote.",
    needs=(Input.CLAIMS,),
)
def dangling_citation(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a numeric marker ([1], [2-4], a superscript) or a footnote marker ([^3]) that
    points to nothing in the article: no footnote with that label, no entry with that number
    in the reference list (a list under a heading such as "References" or "Sources", or
    ``[1]: https://...`` definitions).

    Why: a marker that leads nowhere looks like evidence but gives the reader no source.

    Before: Statins lower cholesterol [3]. (with two references listed)
    After: Statins lower cholesterol [2]. (pointing to the reference that says so)
    """
    if ctx.claims is None or ctx.claims.references is None:
        return
    has_list = ctx.claims.references.has_list
    for item in ctx.claims.dangling:
        citation = item.citation
        line, column = ctx.document.position(citation.start)
        end_line, end_column = ctx.document.position(citation.end)
        where = (
            "no reference or footnote has that label"
            if has_list
            else "the article has no reference list or footnotes"
        )
        yield Finding(
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=f"'{citation.text}' points to {', '.join(item.missing)}, but {where}",
            path=ctx.document.path,
            scope=Scope.SENTENCE,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=citation.text,
            suggestion="Add the reference, or correct the marker.",
            details={"kind": citation.kind, "missing": list(item.missing)},
        )


@rule(
    "CLM004",
    "cited-claim",
    Severity.INFO,
    "A medical claim and the citation that backs it, for an editor to check.",
    needs=(Input.CLAIMS,),
)
def cited_claim(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reports (as information) each claim that carries a citation, with the citation, so
    an editor can check that the source says what the sentence says.

    Why: a citation only helps if it supports the claim; listing cited claims beside uncited
    ones makes the review complete.

    Before: Statins lower cholesterol.
    After: Statins lower cholesterol by about a third [1].
    """
    if ctx.claims is None:
        return
    for found in ctx.claims.claims:
        if not found.cited or found.heading or found.claim.category == "absolute":
            continue
        citation = found.citations[0] if found.citations else found.covered_by
        assert citation is not None
        if citation.kind == "self":
            continue  # the article's own results: no other source to compare with
        if citation.kind == "reference-section":
            message = (
                f"Claim covered by the article's '{citation.text}' section: check that one of "
                "its sources supports it"
            )
        else:
            how = " at the end of its paragraph" if not found.citations else ""
            message = f"Claim cited by '{citation.text}'{how}: check that the source supports it"
        yield _claim_finding(ctx, self, found, message)


@rule(
    "CLM005",
    "unsourced-article",
    Severity.WARNING,
    "An article that makes health claims and cites no source at all.",
    needs=(Input.CLAIMS,),
)
def unsourced_article(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags, once, an article that makes claims (at least ``unsourced-min-claims``, 3 by
    default, in ``[tool.checker.claims]``, one of them key) and cites nothing anywhere: no
    citation in any sentence, no Sources or References section, no footnotes, and no study
    of its own.
    ``details`` list its claims, key ones first, each with its line, category and whether it
    is key.  In place they are information (CLM006): this one warning replaces the CLM001
    warnings such an article would otherwise get.

    Why: an article without sources is one problem, for the editor to send back once ("add
    the sources you used"), not a wall of warnings; readers and search engines trust health
    pages that show where their facts come from.

    Before: an article on statins with eight claims and no links or reference list.
    After: the same article with a "Sources" section listing the NICE guideline and the
    Cochrane review it draws on.
    """
    claims = _unsourced_article_claims(ctx)
    if claims is None:
        return
    key = sum(1 for f in claims if f.claim.key)
    listed = []
    for found in claims:
        position = ctx.sentence_position(found.sentence)
        listed.append(
            {
                **position,
                "category": found.claim.category,
                "cue": found.claim.cue.text,
                "key": found.claim.key,
            }
        )
    yield ctx.document_finding(
        self,
        f"The article makes {len(claims)} health claims ({key} key) and cites no source: add "
        "the sources you used (links, or a Sources section), starting with the key claims",
        suggestion="Add a 'Sources' section listing the guidelines and studies the article "
        "draws on.",
        details={"claims": listed, "count": len(claims), "key": key},
    )


@rule(
    "CLM006",
    "uncited-general-claim",
    Severity.INFO,
    "A claim with no source shown as information: nothing specific to check (the effect of a "
    "treatment, a cause), or in an article CLM005 sums up.",
    needs=(Input.CLAIMS,),
)
def uncited_general_claim(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reports, as information, a claim that nothing sources and that gives no number,
    dose, study or comparison: the benefit or harm of a treatment or behaviour
    ("methotrexate slows joint damage", "smoking raises the risk"; ``details.key`` is true
    for these), how a condition develops, what a mechanism does ("TNF inhibitors block a
    messenger that causes inflammation").  The report shows them so an editor can decide;
    they do not count as warnings.  In an article that cites nothing at all, which CLM005
    flags once, its checkable claims are shown here too rather than as CLM001 warnings.
    ``details`` are those of CLM001.

    Why: many such statements are textbook knowledge ("statins lower cholesterol"), and
    telling who does what to whom from wording alone is often wrong; asking for a source on
    every one buried the claims that matter (CLM001) on real health pages.  An article
    that cites nothing is flagged once by CLM005.

    Before: Turmeric reduces joint pain in arthritis.
    After: In small trials, turmeric may reduce joint pain in arthritis (Daily et al., 2016).
    """
    summed_up = _unsourced_article_claims(ctx) is not None
    for found in _uncited(ctx, checkable=False):
        yield _claim_finding(ctx, self, found, _uncited_message(found))
    if not summed_up:
        return
    for found in _uncited(ctx, checkable=True):
        yield _claim_finding(ctx, self, found, _uncited_message(found))


RULES = (
    uncited_claim,
    absolute_claim,
    dangling_citation,
    cited_claim,
    unsourced_article,
    uncited_general_claim,
)
