"""NUM: numbers readers can use: relative risks with their absolute figure, one format per article.

Risk-communication research (and the CDC Clear Communication Index) finds that a relative
risk on its own ("halves the risk", "30% lower", "twice as likely") misleads: readers
cannot tell a change from 2 in 1,000 to 1 in 1,000 from one of 40% to 20%.  Natural
frequencies ("4 in 1,000") are understood best, and one format throughout an article
lets readers compare.  Cues are per-language data in ``checker/data/claims/<lang>.txt``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.model import Finding, Severity
from checker.rules.base import Input, Rule, RuleContext, rule

if TYPE_CHECKING:
    from checker.claims.finder import NumberUse


def _finding(
    ctx: RuleContext,
    self: Rule,
    use: NumberUse,
    message: str,
    suggestion: str = "",
    **details: object,
) -> Finding:
    sentence = use.sentence
    return ctx.block_finding(
        self,
        sentence.block,
        sentence.start + use.cue.start,
        sentence.start + use.cue.end,
        message,
        suggestion=suggestion,
        details={"kind": use.kind, "cue": use.cue.text, "sentence": sentence.text, **details},
    )


@rule(
    "NUM001",
    "relative-risk-alone",
    Severity.WARNING,
    "A relative risk ('halves the risk', '30% lower') with no absolute figure beside it.",
    needs=(Input.CLAIMS,),
)
def relative_risk_alone(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a relative risk ("halves the risk", "cuts the risk by 30%", "30% lower risk",
    "three times more likely", "doubles your chance") when neither its sentence nor its
    paragraph gives an absolute figure: a natural frequency ("4 in 1,000"), a rate per
    population ("per 100,000"), a change from one level to another ("from 2% to 1%"), a
    number of people ("3 fewer heart attacks per 1,000"), or a number needed to treat.
    Absolute figures, prevalence ("about 30% of people with psoriasis"), doses and durations
    are left alone.  A sentence with several relative risks ("heart attacks fell by 66%,
    strokes by 51%") gets one finding that names them all.  English, Spanish, French and
    German.

    Why: a relative risk alone makes small effects look large; readers decide better with
    the absolute risk, as the CDC Clear Communication Index and risk-communication research
    ask.

    Before: Taking a statin cuts the risk of a heart attack by 30%.
    After: Taking a statin cuts the risk of a heart attack by 30%: over 10 years, from about
    10 in 100 people to 7 in 100.
    """
    if ctx.claims is None:
        return
    by_sentence: dict[tuple[int, int], list[NumberUse]] = {}
    for use in ctx.claims.numbers:
        if use.kind == "relative-risk" and use.absolute is None:
            by_sentence.setdefault((use.sentence.block, use.sentence.start), []).append(use)
    for first, *others in by_sentence.values():
        more = ""
        if others:
            listed = ", ".join(f"'{use.cue.text}'" for use in others)
            more = f" (nor have {listed} in the same sentence)"
        yield _finding(
            ctx,
            self,
            first,
            f"'{first.cue.text}' is a relative risk with no absolute figure{more}: say how many "
            "people out of how many it changes, e.g. 'from 4 in 1,000 to 2 in 1,000'",
            suggestion="Add the absolute risk as a natural frequency (from X in 1,000 to Y in "
            "1,000).",
        )


@rule(
    "NUM002",
    "mixed-number-formats",
    Severity.INFO,
    "Risks or frequencies given both as '1 in 5' and as percentages in one article.",
    needs=(Input.CLAIMS,),
)
def mixed_number_formats(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reports, once per article, that it gives how often something happens in two formats:
    natural frequencies ("1 in 5", "2 out of 10") in some places and percentages of people
    or chances ("20% of people", "a 5% risk") in others.  The finding marks the first use of
    the less common format and ``details`` list both.

    Why: readers compare figures more easily in one format, and natural frequencies are the
    easiest to understand.

    Before: About 1 in 5 adults has high blood pressure ... 12% of people with it have
    kidney disease.
    After: About 1 in 5 adults has high blood pressure ... about 1 in 8 people with it have
    kidney disease.
    """
    if ctx.claims is None:
        return
    uses = {
        kind: [u for u in ctx.claims.numbers if u.kind == kind]
        for kind in ("frequency", "percentage")
    }
    if not uses["frequency"] or not uses["percentage"]:
        return
    fewer = min(uses, key=lambda kind: (len(uses[kind]), kind))
    first = uses[fewer][0]
    listed = {kind: [u.cue.text for u in found] for kind, found in uses.items()}
    yield _finding(
        ctx,
        self,
        first,
        f"The article gives how often things happen both as natural frequencies "
        f"({len(uses['frequency'])}, such as '{uses['frequency'][0].cue.text}') and as "
        f"percentages ({len(uses['percentage'])}, such as '{uses['percentage'][0].cue.text}'): "
        "use one format, natural frequencies if you can",
        formats=listed,
    )


RULES = (relative_risk_alone, mixed_number_formats)
