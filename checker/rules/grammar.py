"""GRM: grammar, spelling, style and punctuation from LanguageTool, in the article's language.

The matches come from :mod:`checker.grammar` (the only part that talks to a
server); these rules sort them by LanguageTool category, give each its severity and
drop misspellings of words the project knows: the accept list, the jargon lists
and abbreviations.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from checker.model import Finding, Severity
from checker.rules.base import Input, Rule, RuleContext, rule

if TYPE_CHECKING:
    from checker.grammar.checker import GrammarMatch

SPELLING = frozenset({"TYPOS"})
STYLE = frozenset(
    {
        "STYLE",
        "REDUNDANCY",
        "PLAIN_ENGLISH",
        "WIKIPEDIA",
        "GENDER_NEUTRALITY",
        "REPETITIONS_STYLE",
        "REGIONALISMS",
        "TEXT_ANALYSIS",
    }
)
PUNCTUATION = frozenset({"PUNCTUATION", "TYPOGRAPHY", "CASING"})
#: LanguageTool categories whose matches are worth more (or less) than their rule's default.
DEFAULT_CATEGORY_SEVERITY = {"CASING": "warning"}


def family_of(match: GrammarMatch) -> str:
    category = match.raw.category_id.upper()
    if category in SPELLING or match.raw.issue_type == "misspelling":
        return "GRM002"
    if category in STYLE or match.raw.issue_type == "style":
        return "GRM003"
    if category in PUNCTUATION or match.raw.issue_type in ("typographical", "whitespace"):
        return "GRM004"
    return "GRM001"


def _known_word(ctx: RuleContext, match: GrammarMatch, accepted: frozenset[str]) -> bool:
    """A "misspelling" of a word the project or the jargon lists know."""
    text = ctx.document.blocks[match.block].text[match.start : match.end]
    lower = text.lower()
    if lower in accepted:
        return True
    if ctx.jargon is not None:
        if any(  # a term from the jargon lists (a rare word may well be a typo)
            h.kind in ("listed", "familiar")
            and h.block == match.block
            and h.start <= match.start
            and match.end <= h.end
            for h in ctx.jargon.hits
        ):
            return True
        if text.rstrip("s") in ctx.jargon.abbreviations or text in ctx.jargon.abbreviations:
            return True
    # the lexicon the jargon finder built for this article (lexicon_for shares it)
    lang = ctx.document.lang
    from checker.plain.lexicon import lexicon_for

    lexicon = lexicon_for(lang, ctx.plain.terms.get(lang, {}), ctx.plain.accept)
    return lexicon.is_form(lower) or (text.isupper() and lower in _known_abbreviations())


@cache
def _known_abbreviations() -> frozenset[str]:
    from checker.plain.abbreviations import known_abbreviations

    return frozenset(a.lower() for a in known_abbreviations())


def _findings(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    if ctx.grammar is None:
        return
    overrides = {**DEFAULT_CATEGORY_SEVERITY, **ctx.languagetool.category_severity}
    accepted = frozenset(a.lower() for a in ctx.plain.accept)
    for match in ctx.grammar.matches:
        if family_of(match) != self.code:
            continue
        if self.code == "GRM002" and _known_word(ctx, match, accepted):
            continue
        raw = match.raw
        replacements = list(raw.replacements)
        suggestion = ""
        if replacements:
            suggestion = "Use " + " or ".join(f"'{r}'" for r in replacements[:3])
        finding = ctx.block_finding(
            self,
            match.block,
            match.start,
            match.end,
            f"{raw.message} ({raw.rule_id})",
            suggestion=suggestion,
            details={
                "rule": raw.rule_id,
                "rule_description": raw.rule_description,
                "category": raw.category_id,
                "category_name": raw.category_name,
                "issue_type": raw.issue_type,
                "replacements": replacements,
                "language": ctx.grammar.language,
            },
        )
        level = overrides.get(raw.category_id.upper())
        if level:
            finding = dataclasses.replace(finding, severity=Severity.parse(level))
        yield finding


@rule(
    "GRM001",
    "grammar",
    Severity.WARNING,
    "A grammar mistake LanguageTool found.",
    needs=(Input.GRAMMAR, Input.JARGON),
)
def grammar(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags grammar mistakes (LanguageTool categories GRAMMAR, CONFUSED_WORDS, COMPOUNDING,
    and any category not sorted into spelling, style or punctuation), checked in the
    article's own language and variant.

    Why: a grammar slip makes a reader stop and reread, and undermines trust in the advice.

    Before: If you misses a dose, take it as soon as you remember.
    After: If you miss a dose, take it as soon as you remember.
    """
    return _findings(self, ctx)


@rule(
    "GRM002",
    "spelling",
    Severity.WARNING,
    "A misspelled word (words the project knows pass).",
    needs=(Input.GRAMMAR, Input.JARGON),
)
def spelling(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags misspellings (LanguageTool category TYPOS). Words in the accept list
    (``[tool.checker.plain-language] accept``), in the jargon lists (the PLN rules report
    those) and abbreviations are not flagged.

    Why: a misspelled medicine name or dose unit can send a reader to the wrong product.

    Before: Take paracetamol with a glass of watter.
    After: Take paracetamol with a glass of water.
    """
    return _findings(self, ctx)


@rule(
    "GRM003",
    "style",
    Severity.INFO,
    "Wordy, redundant or unclear style LanguageTool found.",
    needs=(Input.GRAMMAR, Input.JARGON),
)
def style(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags style problems (LanguageTool categories STYLE, REDUNDANCY, PLAIN_ENGLISH and
    similar). Turn on LanguageTool's "picky" level with ``picky = true`` in
    ``[tool.checker.languagetool]`` for more.

    Why: redundant and roundabout phrases make health advice longer and harder to act on.

    Before: In order to reduce the risk, take it at the same time each day.
    After: To reduce the risk, take it at the same time each day.
    """
    return _findings(self, ctx)


@rule(
    "GRM004",
    "punctuation",
    Severity.INFO,
    "Punctuation, capitals or typography to fix.",
    needs=(Input.GRAMMAR, Input.JARGON),
)
def punctuation(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags punctuation, typography and capitalisation (LanguageTool categories
    PUNCTUATION, TYPOGRAPHY, CASING; capitalisation is a warning by default).

    Why: a missing comma or a sentence that starts in lower case slows a reader down;
    a missing capital can make a medicine name look like an ordinary word.

    Before: take the tablet with food , then rest.
    After: Take the tablet with food, then rest.
    """
    return _findings(self, ctx)


RULES = (grammar, spelling, style, punctuation)
