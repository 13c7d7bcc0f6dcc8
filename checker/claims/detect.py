"""Decide whether a sentence makes a medical claim, of what kind, and how strongly worded.

Every decision names the cue that triggered it, so a writer can see why a
sentence was flagged.  Questions, instructions to the reader, definitions, and
statements about future research or unknowns are not claims; a question that the
next sentence answers ("Can pets spread it? Yes.") is, and so is a clause after an
instruction ("Do not mix them: mixing them can trigger serotonin syndrome").

Absolute wording is a promise only when nothing in its clause negates or limits it:
"No medication is risk-free" and "it is not 100% effective" are careful wording, and
"can cure" is an ordinary claim of a benefit.

A claim is *key* when a reader could act on it or be harmed by it: a number or rate, a
dose, an appeal to evidence, a promise, or the benefit, harm or comparison of a named
treatment or behaviour.  Other claims (how a condition works, what a mechanism does)
are background.  A key claim is *checkable* when it gives an editor something specific
to look up in a source: a number, a dose, the studies it appeals to, or a comparison of
a named treatment ("safer than ibuprofen").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from checker.claims.cues import CueSet
from checker.compiled_patterns import kept

#: Categories in the order that names a claim (the first one found is the claim's category).
CATEGORIES = (
    "absolute",
    "evidence",
    "comparison",
    "efficacy",
    "risk",
    "causal",
    "statistic",
    "dose",
)
#: Sections whose cues state a relation between a cause and an effect.
_RELATIONS = ("absolute", "comparison", "efficacy", "risk", "causal")
STRENGTHS = ("direct", "conditional", "correlational", "none")
#: Categories that make a claim key whatever it is about.
_KEY_ALWAYS = frozenset({"absolute", "evidence", "statistic", "dose"})
#: Categories that make a claim key when it names a treatment or behaviour.
_KEY_WITH_TREATMENT = frozenset({"efficacy", "risk", "comparison"})
#: Categories that give an editor something to check against a source (and a statistic
#: with a figure in it).
_CHECKABLE = frozenset({"evidence", "dose"})
#: A figure a source can confirm: digits or a number word ("half", "three times").
_NUMBER = kept(
    r"\d|\b(?:half|halves|third|quarter|two|three|four|five|six|seven|eight|nine|ten|twice|"
    r"hundred|thousand|million|mitad|tercio|dos|tres|cuatro|cinco|diez|cien|mil|millones|"
    r"moitié|tiers|deux|trois|quatre|cinq|dix|cent|mille|millions?|Hälfte|Drittel|Viertel|"
    r"zwei|drei|vier|fünf|zehn|hundert|tausend|Millionen?|metà|terzo|quarto|due|tre|"
    r"quattro|cinque|dieci|cento|mille|milion[ei]|helft|derde|kwart|twee|drie|vier|vijf|"
    r"tien|honderd|duizend|miljoen)\b",
    re.IGNORECASE,
)
#: Where a clause ends: what comes before it does not negate what comes after.
_CLAUSE_END = kept(
    r"[,;:.!?()\[\]—–]|\s-\s|\b(?:but|however|although|though|yet|while|whereas|"
    r"pero|aunque|sino|mais|cependant|pourtant|alors que|aber|jedoch|doch|sondern|"
    r"ma|però|tuttavia|mentre|maar|echter|hoewel|terwijl)\b",
    re.IGNORECASE,
)
#: After a promise, a negation only counts right after a verb ("a cure is not available").
_NEGATED_AFTER = kept(
    r"^\W*(?:[\w-]+\W+){0,2}?(?:is|are|was|were|do|does|did|has|have|will|would|can)"
    r"(?:\s+not\b|n['’]t\b|\s+never\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in a sentence: which section, where (offsets in the sentence), what text."""

    section: str
    start: int
    end: int
    text: str

    def moved(self, offset: int) -> Cue:
        """The same cue ``offset`` characters further on."""
        return replace(self, start=self.start + offset, end=self.end + offset)


@dataclass(frozen=True, slots=True)
class Claim:
    category: str  # the first of CATEGORIES found
    categories: tuple[str, ...]
    strength: str  # one of STRENGTHS
    cue: Cue  # the cue that names the category
    hedge: Cue | None = None
    link: Cue | None = None  # the correlational cue, if any
    treatment: Cue | None = None  # the treatment or behaviour it is about, if named
    figure: Cue | None = None  # the statistic cue, if any ("30%", "most people")

    @property
    def key(self) -> bool:
        """Whether a reader could act on the claim or be harmed by it (see the module doc)."""
        found = set(self.categories)
        return bool(
            found & _KEY_ALWAYS or (found & _KEY_WITH_TREATMENT and self.treatment is not None)
        )

    @property
    def checkable(self) -> bool:
        """Whether the claim gives something specific to check against a source: a number or
        rate, a dose, an appeal to studies, or a comparison of a named treatment."""
        found = set(self.categories)
        if self.figure is not None and _NUMBER.search(self.figure.text) is not None:
            return True  # "most people" or "often" alone gives nothing to look up
        return bool(found & _CHECKABLE or ("comparison" in found and self.treatment is not None))

    def shifted(self, offset: int) -> Claim:
        """The claim with its cues moved ``offset`` characters on (found in a tail clause)."""

        def move(cue: Cue | None) -> Cue | None:
            return None if cue is None else cue.moved(offset)

        return replace(
            self,
            cue=self.cue.moved(offset),
            hedge=move(self.hedge),
            link=move(self.link),
            treatment=move(self.treatment),
            figure=move(self.figure),
        )


def first_cue(cues: CueSet, section: str, text: str, lower: str | None = None) -> Cue | None:
    """The first cue of ``section`` in ``text`` (``lower`` is ``text.lower()``, if known).

    A participle opening the sentence is an adjective ("Reduced appetite is common"), not
    a verb, so it is passed over.
    """
    for match in cues.finditer(section, text, lower):
        word = match.group(0)
        if match.start() == _opening(text) and word.endswith(("ed", "ing")) and " " not in word:
            continue
        return Cue(section, match.start(), match.end(), word)
    return None


def treatment_in(
    cues: CueSet, text: str, lower: str | None = None, near: int | None = None
) -> Cue | None:
    """The treatment or behaviour ``text`` names, if any: the last one before offset ``near``
    (the subject of the cue there), else the first one."""
    chosen = None
    for match in cues.finditer("treatment", text, lower):
        if chosen is not None and (near is None or match.start() >= near):
            break
        chosen = Cue("treatment", match.start(), match.end(), match.group(0))
    return chosen


def _outside(cues: CueSet, section: str, text: str, lower: str, found: Iterable[Cue]) -> Cue | None:
    """The first cue of ``section`` not inside one already found ("likely" in "more likely")."""
    spans = [(c.start, c.end) for c in found]
    for match in cues.finditer(section, text, lower):
        if not any(start <= match.start() < end for start, end in spans):
            return Cue(section, match.start(), match.end(), match.group(0))
    return None


def _opening(text: str) -> int:
    """Offset of the first letter of ``text``."""
    for index, char in enumerate(text):
        if char.isalnum():
            return index
    return 0


def is_question(text: str) -> bool:
    stripped = text.rstrip(" \"'\u201d\u2019)")
    return stripped.endswith("?") or text.lstrip().startswith("\u00bf")


def is_answer(cues: CueSet, text: str) -> bool:
    """Whether ``text`` opens with a short answer ("Yes.", "No, it can't", "The answer is no")."""
    return cues.search("answer", text) is not None


def _clause_before(text: str, start: int) -> str:
    """The part of ``text``'s clause that comes before offset ``start``."""
    head = text[:start]
    cut = 0
    for match in _CLAUSE_END.finditer(head):
        cut = match.end()
    return head[cut:]


def _clause_after(text: str, end: int) -> str:
    match = _CLAUSE_END.search(text, end)
    return text[end : match.start() if match else len(text)]


def _promise(
    cues: CueSet, text: str, lower: str, negated: list[Cue]
) -> tuple[Cue | None, Cue | None]:
    """The first absolute cue that is a promise, and the first one that a modal or
    quantifier limits ("can cure", "often cures"), which is then an ordinary benefit.
    Negated ones ("not 100% effective") are added to ``negated``."""
    limited = None
    for match in cues.finditer("absolute", text, lower):
        cue = Cue("absolute", match.start(), match.end(), match.group(0))
        before = _clause_before(text, cue.start)
        if (
            cues.search("negation", before) is not None
            or _NEGATED_AFTER.match(_clause_after(text, cue.end)) is not None
        ):
            negated.append(cue)
            continue
        if cues.search("limiter", before) is not None or cues.search("hedge", before) is not None:
            limited = limited or Cue("efficacy", cue.start, cue.end, cue.text)
            continue
        return cue, limited
    return None, limited


def _instruction_tail(text: str) -> int:
    """Where the clause after an opening instruction starts, or 0 when there is none.

    "Take them with food: mixing them can upset your stomach" tells the reader what to do,
    then states a harm; the harm is a claim.
    """
    match = re.search(r"[:;\u2014]|\s\u2013\s|,\s(?=(?:as|because|since|so|or|which)\b)", text)
    if match is None or len(text) - match.end() < 12:
        return 0
    return match.end()


def detect(cues: CueSet, text: str, *, answered: bool = False) -> Claim | None:
    """The claim ``text`` makes, or None.  A promise is a claim wherever it appears.

    A question is no claim unless it is ``answered`` by the sentence after it: then the
    answer asserts what the question asks.
    """
    if not answered and is_question(text):
        return None
    lower = text.lower()
    negated: list[Cue] = []
    absolute, limited = _promise(cues, text, lower, negated)
    if absolute is None and cues.search("instruction", text, lower) is not None:
        tail = _instruction_tail(text)
        claim = detect(cues, text[tail:], answered=answered) if tail else None
        if claim is None:
            return None
        if claim.treatment is None:
            claim = replace(claim, treatment=treatment_in(cues, text, lower))
        return claim.shifted(tail)
    for cue in negated:  # careful wording is no claim of any other kind either
        blank = " " * (cue.end - cue.start)
        text = text[: cue.start] + blank + text[cue.end :]
        lower = lower[: cue.start] + blank + lower[cue.end :]
    if absolute is None and any(
        cues.search(s, text, lower) is not None for s in ("definition", "not-claim")
    ):
        return None
    found: dict[str, Cue] = {}
    if absolute is not None:
        found["absolute"] = absolute
    for section in CATEGORIES[1:]:
        if (named := first_cue(cues, section, text, lower)) is not None:
            found[section] = named
    if limited is not None and "efficacy" not in found:
        found["efficacy"] = limited
    hedge = None
    link = first_cue(cues, "correlational", text, lower)
    if link is not None:
        strength = "correlational"
        if not found.keys() & {"efficacy", "risk", "comparison", "absolute"}:
            found.setdefault("risk", link)  # "linked to", "associated with": a risk claim
    elif found.keys() & _RELATIONS:
        hedge = _outside(cues, "hedge", text, lower, found.values())
        strength = "conditional" if hedge is not None else "direct"
    else:
        strength = "none"
    if not found:
        return None
    categories = tuple(c for c in CATEGORIES if c in found)
    first = categories[0]
    treatment = None
    if found.keys() & _KEY_WITH_TREATMENT and not found.keys() & _KEY_ALWAYS:
        treatment = treatment_in(cues, text, lower, found[first].start)  # only where it decides
    figure = found.get("statistic")
    return Claim(first, categories, strength, found[first], hedge, link, treatment, figure)
