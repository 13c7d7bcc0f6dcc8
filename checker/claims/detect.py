"""Decide whether a sentence makes a medical claim, of what kind, and how strongly worded.

Every decision names the cue that triggered it, so a writer can see why a
sentence was flagged.  Questions, instructions to the reader, and statements
about future research or unknowns are not claims.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.claims.cues import CueSet

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


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in a sentence: which section, where (offsets in the sentence), what text."""

    section: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Claim:
    category: str  # the first of CATEGORIES found
    categories: tuple[str, ...]
    strength: str  # one of STRENGTHS
    cue: Cue  # the cue that names the category
    hedge: Cue | None = None
    link: Cue | None = None  # the correlational cue, if any


def _cue(cues: CueSet, section: str, text: str) -> Cue | None:
    """The first cue of ``section`` in ``text``.

    A participle opening the sentence is an adjective ("Reduced appetite is common"), not
    a verb, so it is passed over.
    """
    for match in cues.finditer(section, text):
        word = match.group(0)
        if match.start() == _opening(text) and word.endswith(("ed", "ing")) and " " not in word:
            continue
        return Cue(section, match.start(), match.end(), word)
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


def strength_of(cues: CueSet, text: str) -> tuple[str, Cue | None, Cue | None]:
    """How a sentence words a relation: (strength, hedge cue, correlational cue)."""
    link = _cue(cues, "correlational", text)
    if link is not None:
        return "correlational", None, link
    if not any(cues.search(section, text) for section in _RELATIONS):
        return "none", None, None
    hedge = _cue(cues, "hedge", text)
    return ("conditional" if hedge is not None else "direct"), hedge, None


def detect(cues: CueSet, text: str) -> Claim | None:
    """The claim ``text`` makes, or None.  Absolute wording is a claim wherever it appears."""
    if is_question(text):
        return None
    absolute = _cue(cues, "absolute", text)
    if absolute is None and (
        cues.search("instruction", text) is not None or cues.search("not-claim", text) is not None
    ):
        return None
    found: dict[str, Cue] = {}
    if absolute is not None:
        found["absolute"] = absolute
    for section in CATEGORIES[1:]:
        cue = _cue(cues, section, text)
        if cue is not None:
            found[section] = cue
    strength, hedge, link = strength_of(cues, text)
    if link is not None and not found.keys() & {"efficacy", "risk", "comparison", "absolute"}:
        found.setdefault("risk", link)  # "linked to", "associated with": a risk claim
    if not found:
        return None
    categories = tuple(c for c in CATEGORIES if c in found)
    first = categories[0]
    return Claim(first, categories, strength, found[first], hedge, link)
