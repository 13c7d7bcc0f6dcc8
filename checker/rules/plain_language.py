"""PLN: jargon with plain alternatives, rare words, complex-language share, abbreviations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.model import Finding, Severity
from checker.plain.wordy import wordy_for
from checker.readability.formulas import MIN_GRADED_WORDS
from checker.rules.base import Input, Rule, RuleContext, rule

if TYPE_CHECKING:
    from checker.plain.jargon import JargonHit


def _first_uses(
    ctx: RuleContext, kinds: tuple[str, ...]
) -> Iterator[tuple[JargonHit, int, JargonHit | None]]:
    """Per term: its first use, how often it is used, and a later use that explains it."""
    if ctx.jargon is None:
        return
    groups: dict[str, list[JargonHit]] = {}
    for hit in ctx.jargon.hits:
        if hit.kind in kinds:
            groups.setdefault(hit.key, []).append(hit)
    for hits in groups.values():
        first = hits[0]
        if first.defined:
            continue
        explained_later = next((h for h in hits[1:] if h.defined), None)
        yield first, len(hits), explained_later


def _term_finding(rule: Rule, ctx: RuleContext, hit: JargonHit, uses: int, message: str) -> Finding:
    """A listed term at its first use, with its plain alternatives (PLN001, PLN006)."""
    return ctx.block_finding(
        rule,
        hit.block,
        hit.start,
        hit.end,
        message,
        suggestion=hit.alternatives[0],
        details={
            "term": hit.key,
            "kind": hit.kind,
            "alternatives": list(hit.alternatives),
            "uses": uses,
        },
    )


def _used(uses: int) -> str:
    return f" (used {uses} times)" if uses > 1 else ""


def _later(ctx: RuleContext, hit: JargonHit | None) -> str:
    if hit is None:
        return ""
    block = ctx.document.blocks[hit.block]
    line, _ = ctx.document.position(block.content.source_offset(hit.start))
    return f"; it is explained later (line {line}): move the explanation to the first use"


@rule(
    "PLN001",
    "medical-jargon",
    Severity.WARNING,
    "A medical term from the jargon list, with plainer words to use.",
    needs=(Input.JARGON,),
)
def medical_jargon(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags the first use of a term from the language's jargon list (shipped in
    ``checker/data/jargon/``), unless the article explains it right there, and suggests
    plainer words.  Plurals and listed word forms match ("adverse events", "neutropenic").

    Why: patients stop reading, or misread, when words are unfamiliar; plain-language
    guidance (CDC Clear Communication Index, NHS content style, SHeLL) asks for everyday
    words, or a short explanation at first use.

    Options in ``[tool.checker.plain-language]``: ``accept`` (words never flagged) and
    ``terms.xx`` (a project's own terms and alternatives, per language).

    Before: Methotrexate is contraindicated in pregnancy and can cause hepatotoxicity.
    After: Do not take methotrexate if you are pregnant. It can harm the liver.
    """
    for hit, uses, later in _first_uses(ctx, ("listed",)):
        alternatives = " or ".join(f"'{a}'" for a in hit.alternatives[:3])
        message = (
            f"'{hit.text}' is medical jargon{_used(uses)}: use {alternatives}, or explain it "
            f"at first use{_later(ctx, later)}"
        )
        yield _term_finding(self, ctx, hit, uses, message)


@rule(
    "PLN002",
    "unfamiliar-word",
    Severity.INFO,
    "A word that is rare in the article's language or built from medical word parts.",
    needs=(Input.JARGON,),
)
def unfamiliar_word(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags the first use of a word no list knows when it is rare in the article's language
    (its wordfreq Zipf frequency is at or below the language's threshold) or is built from
    medical word parts (hepat-, nephr-, -itis, -penia, -ectomy, drug stems such as -mab and
    -nib).  A word is judged by its most familiar form ("slowest" as "slow", "unexplained" as
    "explained").  Names and brands (capitalised inside a sentence), numbers, URLs,
    abbreviations, everyday words (``checker/data/everyday/``: "tummy", "carer") and the
    plain alternatives of the jargon lists are not flagged; nor are terms the article
    explains at first use.

    Reported as information: on public health pages judged blind, 1 in 20 of these was
    worth an editor's time (the rest were drug names that must stay, surnames and brands,
    and words most readers know), so the report marks them for the writer to glance at and
    PLN004 warns when the article's share of complex words is above target.  A project that
    wants them as warnings sets ``unfamiliar-word = "warning"`` in
    ``[tool.checker.severity]``.

    Why: jargon lists never cover every drug name and condition; word frequency and word
    parts catch the rest, so that writers explain them or choose a common word.

    Options in ``[tool.checker.plain-language]``: ``accept`` and ``rare-zipf.xx`` (the
    threshold per language; defaults en 3.0, es/fr/it/nl 2.3, de 2.0).

    Before: Tofacitinib can cause lymphopenia.
    After: Tofacitinib (a JAK inhibitor tablet) can lower the number of white blood cells
    that fight infection.
    """
    for hit, uses, later in _first_uses(ctx, ("rare", "word-part")):
        why = (
            f"built from the medical word part '{hit.word_part}'"
            if hit.kind == "word-part"
            else "rare in everyday language"
        )
        yield ctx.block_finding(
            self,
            hit.block,
            hit.start,
            hit.end,
            f"'{hit.text}' is {why}{_used(uses)}: explain it at first use or use a common word"
            f"{_later(ctx, later)}",
            suggestion=f"Explain '{hit.text}' in a few everyday words where it first appears.",
            details={
                "term": hit.key,
                "kind": hit.kind,
                "word_part": hit.word_part,
                "zipf": hit.zipf,
                "alternatives": [],
                "uses": uses,
            },
        )


@rule(
    "PLN003",
    "term-explained",
    Severity.INFO,
    "A hard term the article explains where it first appears.",
    needs=(Input.JARGON,),
)
def term_explained(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reports (as information) a hard term that the article explains at its first use, so an
    editor can check the explanation: "X, a medicine that ...", "X (a type of ...)", "X -
    which means ...", "a medicine called X".  Later uses of the term are not flagged.

    Why: explaining a necessary medical word once, where readers first meet it, is what
    plain-language guidance asks for when the word cannot be avoided.

    Before: Your doctor may suggest a biologic.
    After: Your doctor may suggest a biologic, a medicine made from living cells.
    """
    if ctx.jargon is None:
        return
    seen: set[str] = set()
    for hit in ctx.jargon.hits:
        if hit.key in seen:
            continue
        seen.add(hit.key)
        if hit.defined:
            yield ctx.block_finding(
                self,
                hit.block,
                hit.start,
                hit.end,
                f"'{hit.text}' is explained at its first use; check that the explanation is plain",
                details={"term": hit.key, "kind": hit.kind, "alternatives": list(hit.alternatives)},
            )


@rule(
    "PLN004",
    "complex-language",
    Severity.WARNING,
    "The share of jargon, rare words and abbreviations is above the target.",
    needs=(Input.JARGON,),
)
def complex_language(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an article whose complex-language share (the percentage of prose words that are
    listed jargon, rare, built from medical word parts, or abbreviations readers may not
    know, every use counted; numbers are not words) is above the target.  The share is
    reported for every article as ``complex_language_percent``; an article too short to
    grade (under 30 words) gets no warning, as it gets no grade.

    Why: SHeLL (the Sydney Health Literacy Lab editor) measures "complex language" beside the
    grade, because a text of short sentences full of medical words is still hard.

    Options: ``complex-language-percent`` (default 15) in ``[tool.checker.plain-language]``.

    Before: Immunosuppression increases susceptibility to opportunistic infections.
    After: The medicine weakens your immune system, so you catch infections more easily.
    """
    share = ctx.metrics.complex_language_percent
    target = ctx.plain.complex_language_percent
    if share is None or share <= target:
        return
    if ctx.jargon is not None and ctx.jargon.prose_words < MIN_GRADED_WORDS:
        return  # two hard words in a ten-word page are not a share worth a warning
    yield ctx.document_finding(
        self,
        f"{share:g}% of the words are jargon, rare or abbreviations (target: at most "
        f"{target:g}%); replace or explain the flagged terms",
        suggestion="Use the plain alternatives suggested by PLN001 and PLN002, "
        "and spell out abbreviations.",
        details={"percent": share, "target": target},
    )


@rule(
    "PLN005",
    "unexpanded-abbreviation",
    Severity.WARNING,
    "An abbreviation used before it is expanded (WCAG 3.1.4).",
    needs=(Input.JARGON,),
)
def unexpanded_abbreviation(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags the first use of an abbreviation or acronym (IVIG, DMARDs, JAK, CAR-T) when it
    is not expanded there: "intravenous immunoglobulin (IVIG)" and "IVIG (intravenous
    immunoglobulin)" count as expansions.  Abbreviations most readers know (HIV, DNA,
    COVID-19, NHS...) are allowed.

    Why: WCAG 2.2 success criterion 3.1.4 (Abbreviations) asks that the expanded form be
    available; readers cannot look up "LDN" or "DMARD" in an everyday dictionary.

    Options: ``known-abbreviations`` in ``[tool.checker.plain-language]`` adds to the shipped
    list (``checker/data/known_abbreviations.txt``).

    Before: IVIG is given as a drip.
    After: Intravenous immunoglobulin (IVIG) is given as a drip into a vein.
    """
    if ctx.jargon is None:
        return
    for key, uses in ctx.jargon.abbreviations.items():
        first = uses[0]
        if first.expanded:
            continue
        later = next((u for u in uses[1:] if u.expanded), None)
        where = ""
        if later is not None:
            block = ctx.document.blocks[later.block]
            line, _ = ctx.document.position(block.content.source_offset(later.start))
            where = f"; it is expanded later (line {line}): move the expansion to the first use"
        yield ctx.block_finding(
            self,
            first.block,
            first.start,
            first.end,
            f"'{first.text}' is used before it is expanded{where}",
            suggestion=f"Write the words in full at first use, then '{first.text}' in brackets.",
            details={
                "term": key,
                "kind": "abbreviation",
                "alternatives": [],
                "uses": len(uses),
                "expanded_later": later is not None,
            },
        )


@rule(
    "PLN006",
    "familiar-medical-word",
    Severity.INFO,
    "A medical word most readers know, with a plainer word to consider.",
    needs=(Input.JARGON,),
)
def familiar_medical_word(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reports, as information, the first use of a word from the language's list of medical
    words most readers know (``checker/data/familiar/``: "nausea", "chronic", "placebo",
    "náuseas", "chronique"), with the plainer word for writers who want the plainest text.
    These words count in the complex-language share (PLN004) like jargon.

    Reported as information: judged blind on public health pages, almost none of these was
    worth an editor's time as a warning ("'nausea' is an everyday word").  A project whose
    readers need the plainest words sets ``familiar-medical-word = "warning"`` in
    ``[tool.checker.severity]``, and ``accept`` silences a word.

    Before: Chronic pain can cause insomnia.
    After: Long-lasting pain can make it hard to sleep.
    """
    for hit, uses, later in _first_uses(ctx, ("familiar",)):
        alternatives = " or ".join(f"'{a}'" for a in hit.alternatives[:2])
        message = (
            f"'{hit.text}' is a medical word most readers know{_used(uses)}; plainer: "
            f"{alternatives}{_later(ctx, later)}"
        )
        yield _term_finding(self, ctx, hit, uses, message)


@rule(
    "PLN007",
    "wordy-phrase",
    Severity.INFO,
    "A wordy phrase with a plain swap ('in order to' -> 'to').",
)
def wordy_phrase(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reports every use of a phrase from the language's list of wordy phrases
    (``checker/data/wordy/``: "in order to", "prior to", "utilise", "con el fin de",
    "afin de", "zum gegenwärtigen Zeitpunkt") with the plain swap that can replace it
    word for word; editors that apply fixes (the language server) put the first swap in
    its place.  Works without a LanguageTool server, as Hemingway and write-good do.

    Reported as information, like LanguageTool's style findings (GRM003): each is a
    small edit, right nearly every time, but no reader is misled by the wordy form.
    A project promotes it with ``wordy-phrase = "warning"`` in ``[tool.checker.severity]``.

    Options in ``[tool.checker.plain-language]``: ``wordy.xx`` (a project's own phrases
    and swaps, per language) and ``accept`` (phrases never reported).

    Before: Contact your doctor prior to stopping the medicine in order to avoid side effects.
    After: Contact your doctor before stopping the medicine to avoid side effects.
    """
    lang = ctx.document.lang
    phrases = wordy_for(lang, ctx.plain.wordy.get(lang, {}), ctx.plain.accept)
    for hit in phrases.find(ctx.document):
        plain = " or ".join(f"'{s}'" for s in hit.swaps[:3])
        yield ctx.block_finding(
            self,
            hit.block,
            hit.start,
            hit.end,
            f"'{hit.text}' is wordy: use {plain}",
            suggestion=hit.swaps[0],
            details={"phrase": hit.phrase, "replacements": list(hit.swaps)},
        )


RULES = (
    medical_jargon,
    unfamiliar_word,
    term_explained,
    complex_language,
    unexpanded_abbreviation,
    familiar_medical_word,
    wordy_phrase,
)
