"""CLM: medical claims that need a citation, absolute wording, and citations that point nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from checker.claims.finder import FoundClaim
from checker.model import Finding, Scope, Severity
from checker.rules.base import Rule, RuleContext, rule

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


@rule(
    "CLM001",
    "uncited-claim",
    Severity.WARNING,
    "A medical claim (benefit, risk, dose, statistic, comparison, evidence) with no citation.",
)
def uncited_claim(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a sentence that makes a medical claim and carries no citation: a benefit
    ("reduces", "prevents", "relieves"), a risk ("linked to", "raises the risk of", "can
    cause"), a dose or schedule ("15 mg once a week"), a statistic ("30%", "1 in 1,000"), a
    comparison ("better than"), or an appeal to evidence ("studies show").  The finding marks
    the cue that triggered it, and ``details`` give the category and how strongly the claim is
    worded (direct, conditional, correlational, none).

    A citation is a link, a URL, a marker ([1], [^2], superscript), an author-year reference,
    a DOI or PMID, or a named source ("according to the WHO").  A citation ending a paragraph
    covers the sentences before it (``paragraph-citations`` in ``[tool.checker.claims]``).
    Questions, instructions to the reader, headings and quotes are not checked (headings and
    quotes can be: ``check-headings``, ``check-quotes``).

    Why: readers act on health claims; a claim without a source cannot be checked, and
    regulators and publishers expect one.

    Before: Turmeric reduces joint pain in arthritis.
    After: In small trials, turmeric may reduce joint pain in arthritis (Daily et al., 2016).
    """
    if ctx.claims is None:
        return
    for found in ctx.claims.claims:
        claim = found.claim
        if found.cited or claim.category == "absolute":
            continue
        what = _CATEGORY_NAMES[claim.category]
        wording = _WORDING[claim.strength]
        because = claim.link or claim.hedge
        if because is not None and because.text != claim.cue.text:
            wording += f" ('{because.text}')"
        yield _claim_finding(
            ctx,
            self,
            found,
            f"'{claim.cue.text}' states {what}{wording}, with no citation: "
            f"{_advice(claim.category, claim.strength)}",
        )


@rule(
    "CLM002",
    "absolute-claim",
    Severity.ERROR,
    "Absolute or miracle wording: cures, guaranteed, 100% safe, no side effects.",
)
def absolute_claim(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags absolute or miracle wording about health ("cures", "guaranteed", "100% safe",
    "no side effects", "miracle", "boosts your immune system"), whether or not it is cited:
    no treatment works for everyone or is free of risk, so the wording itself misleads.

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
            f"'{found.claim.cue.text}' is absolute wording: remove it, and say what the "
            "evidence shows and for whom",
        )


@rule(
    "CLM003",
    "dangling-citation",
    Severity.WARNING,
    "A citation marker ([1], [^2], superscript) that points to no reference or footnote.",
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
)
def cited_claim(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reports (as information) each claim that carries a citation, with the citation, so
    an editor can check that the source says what the sentence says.

    Why: a citation only helps if it supports the claim; listing cited claims beside uncited
    ones makes the review complete.

    Before: Statins lower LDL cholesterol.
    After: Statins lower LDL cholesterol by about a third [1].
    """
    if ctx.claims is None:
        return
    for found in ctx.claims.claims:
        if not found.cited or found.claim.category == "absolute":
            continue
        citation = found.citations[0] if found.citations else found.covered_by
        assert citation is not None
        how = "at the end of its paragraph" if not found.citations else ""
        yield _claim_finding(
            ctx,
            self,
            found,
            f"Claim cited by '{citation.text}'{' ' + how if how else ''}: check that the source "
            "supports it",
        )


RULES = (uncited_claim, absolute_claim, dangling_citation, cited_claim)
