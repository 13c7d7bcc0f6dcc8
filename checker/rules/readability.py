"""RDG: reading grade, hard and long sentences, long paragraphs, passive voice."""

from __future__ import annotations

from collections.abc import Iterator

from checker.compiled_patterns import kept
from checker.model import BlockKind, Finding, Severity
from checker.readability.formulas import BY_KEY
from checker.rules.base import Input, Rule, RuleContext, rule
from checker.text.analysis import Sentence
from checker.text.segment import words
from checker.wording import count_label


@rule(
    "RDG001",
    "grade-above-target",
    Severity.WARNING,
    "The article's reading grade is above the target grade.",
    needs=(Input.ANALYSIS,),
)
def grade_above_target(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an article whose reading grade (the primary formula for its language) is above
    the target, and lists the sentences that raise it most.

    Why: health information is read by people who are ill, anxious or reading in a second
    language; guidance (NIH, AMA, NHS) asks for grade 6-8.  The grade comes from SMOG for
    English, Fernández-Huerta for Spanish, Kandel-Moles for French, the Wiener
    Sachtextformel for German, Gulpease for Italian and Flesch-Douma for Dutch; reading-ease
    scores are converted to school grades with the formulas' published bands.

    It warns when the grade is more than ``grade-margin`` (default 2) above the target: the
    formulas disagree by about two grades on the same text, and judged blind on public
    health pages, every article 0.8-1.7 grades over target was "only just over", every one
    4 or more over was worth rewriting.  The grade and target are in every article's
    metrics whatever the margin; ``grade-margin = 0`` warns at any grade above target.

    Options: ``target-grade`` (default 8) and ``grade-margin`` in
    ``[tool.checker.readability]``, per language in ``[tool.checker.readability.languages.xx]``
    and per folder in ``[[tool.checker.overrides]]``.

    Before: Methotrexate is an antimetabolite administered weekly; concomitant folic acid
    supplementation attenuates gastrointestinal and hepatic adverse effects.
    After: You take methotrexate once a week. Folic acid helps prevent sickness and liver
    problems.
    """
    grade = ctx.metrics.grade
    if grade is None or ctx.metrics.grade_formula is None:
        return
    target = ctx.readability.target_grade
    if grade <= target + ctx.readability.grade_margin:
        return
    formula = BY_KEY[ctx.metrics.grade_formula]
    raw = ctx.metrics.scores.get(formula.key)
    source = formula.title
    if formula.kind == "ease" and raw is not None:
        source = f"from {formula.title} {raw:g}"  # an ease score, read as a school grade
    hardest = ctx.metrics.hardest_sentences
    hint = ""
    if hardest:
        hint = f"; start with the hardest sentence, line {hardest[0].line}"
    yield ctx.document_finding(
        self,
        f"Reading grade {grade:g} ({source}) is above the target of {target:g}{hint}",
        suggestion="Use shorter sentences and everyday words; split the hardest sentences first.",
        details={
            "grade": grade,
            "target": target,
            "formula": ctx.metrics.grade_formula,
            "hardest_sentences": [s.to_json() for s in hardest],
        },
    )


#: RDG002 leaves shorter sentences alone: there is nothing to split, and their hard words
#: are the plain-language rules' business (judged blind, most short "very hard" sentences
#: were lists of drug or brand names, or an institute's name).
MIN_VERY_HARD_WORDS = 15


def _very_hard(sentence: Sentence, threshold: float) -> bool:
    """What RDG002 flags (RDG003 does not flag it again)."""
    return sentence.difficulty >= threshold and sentence.words >= MIN_VERY_HARD_WORDS


@rule(
    "RDG002",
    "very-hard-sentence",
    Severity.WARNING,
    "A sentence is very hard to read (long, with many rare or long words).",
    needs=(Input.ANALYSIS,),
)
def very_hard_sentence(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags sentences of 15 words or more whose estimated difficulty is at or above
    ``hard-sentence-score`` (default 5.0 on a 1-6 scale, where 6 is what readers rate
    hardest).  Shorter sentences cannot be split; their hard words are PLN findings.

    Why: one dense sentence can lose a reader for the rest of the page.  The score combines
    sentence length with the share of rare, long and many-syllable words; it was fitted to
    readers' ratings of medical sentences (MedReadMe).

    Before: Concomitant administration of live attenuated vaccines is contraindicated in
    immunosuppressed patients owing to the risk of disseminated infection.
    After: Do not have live vaccines while your immune system is weakened by treatment. They
    can cause a serious infection.
    """
    threshold = ctx.readability.hard_sentence_score
    for sentence in ctx.analysis.sentences:
        if _very_hard(sentence, threshold):
            yield ctx.sentence_finding(
                self,
                sentence,
                f"Very hard sentence (difficulty {sentence.difficulty:.1f} of 6, "
                f"{sentence.words} words, {sentence.rare_words} rare)",
                suggestion="Split it, and replace rare words with everyday ones.",
                details={
                    "difficulty": sentence.difficulty,
                    "words": sentence.words,
                    "rare_words": sentence.rare_words,
                },
            )


@rule(
    "RDG003",
    "long-sentence",
    Severity.WARNING,
    "A sentence has more words than the limit for its language.",
    needs=(Input.ANALYSIS,),
)
def long_sentence(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags sentences longer than ``long-sentence-words`` (30 for English, German and
    Dutch; 35 for Spanish, French and Italian, whose sentences run longer), counting prose
    words only: figures in brackets ("(5 trials; 449 people; MD 0.22 days)") are statistics,
    not words a reader has to carry.  A sentence RDG002 already flags as very hard is not
    flagged again.

    Why: readers hold a sentence in working memory until its end; plain-language guides
    advise an average of 15-20 words (CDC Clear Communication Index, NHS).  The limit is
    where a single sentence becomes worth an editor's time: judged blind on public health
    pages, sentences up to about six words over GOV.UK's 25 were "clear, only slightly
    over", while those of 37 words and more were worth splitting.  Projects that want
    GOV.UK's limit set ``long-sentence-words = 25``.

    Before: If you notice a fever, a cough that does not go away, or any other sign of
    infection while you are taking this medicine, you should contact your care team straight
    away.
    After: Call your care team if you get a fever or a cough that will not go away. These can
    be signs of an infection.
    """
    limit = ctx.readability.long_sentence_words
    hard = ctx.readability.hard_sentence_score
    for sentence in ctx.analysis.sentences:
        if sentence.words <= limit:
            continue
        if _very_hard(sentence, hard):
            continue  # RDG002 already flags it, and says it is long
        prose = prose_words(sentence.text)
        if prose > limit:
            yield ctx.sentence_finding(
                self,
                sentence,
                f"Sentence has {prose} words (limit {limit})",
                suggestion="Split it into two or more sentences.",
                details={"words": prose, "limit": limit, "all_words": sentence.words},
            )


#: A bracketed aside that holds figures: statistics, not words a reader has to carry.
_FIGURES_ASIDE = kept(r"\([^()]*\d[^()]*\)|\[[^\[\]]*\d[^\[\]]*\]")


def prose_words(text: str) -> int:
    """Words of a sentence outside bracketed figures ("(5 trials; 449 people; MD 0.22)")."""
    return len(words(_FIGURES_ASIDE.sub(" ", text)))


@rule(
    "RDG004",
    "long-paragraph",
    Severity.WARNING,
    "A paragraph has more words than the limit.",
    needs=(Input.ANALYSIS,),
)
def long_paragraph(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags paragraphs longer than ``long-paragraph-words`` (default 150).

    Why: long blocks of text are skipped, especially on phones; short paragraphs with one
    idea each are easier to scan.

    Before: a 200-word paragraph about when to take the tablets, what to eat, and which
    blood tests are needed.
    After: three short paragraphs, or a list, one topic each.
    """
    limit = ctx.readability.long_paragraph_words
    for stats in ctx.analysis.blocks:
        block = ctx.document.blocks[stats.block]
        if block.kind is BlockKind.PARAGRAPH and stats.words > limit:
            yield ctx.block_finding(
                self,
                stats.block,
                0,
                len(block.text),
                f"Paragraph has {stats.words} words (limit {limit})",
                suggestion="Break it into shorter paragraphs or a list.",
                details={"words": stats.words, "limit": limit, "sentences": stats.sentences},
            )


@rule(
    "RDG005",
    "passive-voice",
    Severity.INFO,
    "Too many sentences are in the passive voice.",
    needs=(Input.ANALYSIS,),
)
def passive_voice(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reports, once, an article in which more than ``passive-voice-percent`` (default 10, as
    Yoast advises) of prose sentences use the passive voice, and lists those sentences in
    ``details``; each one is also shown in place as information (RDG006).  Available for
    English, Spanish, French, German, Italian and Dutch.

    Information, not a warning: judged blind on public health pages, 1 in 9 of these was
    worth an editor's time (passives in study methods and news copy, where the actor is
    obvious, are natural).  ``passive-voice = "warning"`` in ``[tool.checker.severity]``
    makes it a warning again.

    Why: passive sentences hide who does what ("the dose is adjusted" - by whom?), which
    matters when readers must act.

    Before: The injection is given every two weeks and the dose is adjusted after blood tests.
    After: A nurse gives you the injection every two weeks. Your doctor changes the dose
    after your blood tests.
    """
    percent = ctx.metrics.passive_percent
    if percent is None or percent <= ctx.readability.passive_voice_percent:
        return
    passive = [s for s in ctx.analysis.prose_sentences if s.passive]
    yield ctx.document_finding(
        self,
        f"{percent:g}% of sentences are passive ({count_label(len(passive), 'sentence')}; "
        f"limit {ctx.readability.passive_voice_percent:g}%)",
        suggestion="Say who does the action: 'your nurse gives the injection'.",
        details={
            "percent": percent,
            "limit": ctx.readability.passive_voice_percent,
            "sentences": [ctx.sentence_position(s) | {"participle": s.passive} for s in passive],
        },
    )


@rule(
    "RDG006",
    "passive-sentence",
    Severity.INFO,
    "A sentence in the passive voice.",
    needs=(Input.ANALYSIS,),
)
def passive_sentence(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Shows, as information, each prose sentence in the passive voice, so that the report
    can mark them in place.  English, Spanish, French and German.

    Why: a routine passive ("of whom 42 were analysed") is often the clearest way to say
    it, so one sentence is no problem; an article with many is, and RDG005 flags that once.

    Before: The dose is adjusted after blood tests.
    After: Your doctor adjusts the dose after your blood tests.
    """
    for sentence in ctx.analysis.prose_sentences:
        if sentence.passive:
            yield ctx.sentence_finding(
                self,
                sentence,
                f"Passive voice ('{sentence.passive}')",
                suggestion="Say who does the action, if it matters to the reader.",
                details={"participle": sentence.passive},
            )


RULES = (
    grade_above_target,
    very_hard_sentence,
    long_sentence,
    long_paragraph,
    passive_voice,
    passive_sentence,
)
