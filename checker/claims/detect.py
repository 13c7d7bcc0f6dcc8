"""Decide whether a sentence makes a medical claim, of what kind, and how strongly worded.

Every decision names the cue that triggered it, so a writer can see why a
sentence was flagged.  Questions, instructions to the reader, definitions, and
statements about future research or unknowns are not claims; a question that the
next sentence answers ("Can pets spread it? Yes.") is.
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


def _cue(cues: CueSet, section: str, text: str, lower: str) -> Cue | None:
    """The first cue of ``section`` in ``text`` (``lower`` is ``text.lower()``).

    A participle opening the sentence is an adjective ("Reduced appetite is common"), not
    a verb, so it is passed over.
    """
    for match in cues.finditer(section, text, lower):
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


def is_answer(cues: CueSet, text: str) -> bool:
    """Whether ``text`` opens with a short answer ("Yes.", "No, it can't", "The answer is no")."""
    return cues.search("answer", text) is not None


def detect(cues: CueSet, text: str, *, answered: bool = False) -> Claim | None:
    """The claim ``text`` makes, or None.  Absolute wording is a claim wherever it appears.

    A question is no claim unless it is ``answered`` by the sentence after it: then the
    answer asserts what the question asks.
    """
    if not answered and is_question(text):
        return None
    lower = text.lower()
    absolute = _cue(cues, "absolute", text, lower)
    if absolute is None and any(
        cues.search(section, text, lower) is not None
        for section in ("instruction", "definition", "not-claim")
    ):
        return None
    found: dict[str, Cue] = {}
    if absolute is not None:
        found["absolute"] = absolute
    for section in CATEGORIES[1:]:
        cue = _cue(cues, section, text, lower)
        if cue is not None:
            found[section] = cue
    hedge = None
    link = _cue(cues, "correlational", text, lower)
    if link is not None:
        strength = "correlational"
        if not found.keys() & {"efficacy", "risk", "comparison", "absolute"}:
            found.setdefault("risk", link)  # "linked to", "associated with": a risk claim
    elif found.keys() & _RELATIONS:
        hedge = _cue(cues, "hedge", text, lower)
        strength = "conditional" if hedge is not None else "direct"
    else:
        strength = "none"
    if not found:
        return None
    categories = tuple(c for c in CATEGORIES if c in found)
    first = categories[0]
    return Claim(first, categories, strength, found[first], hedge, link)
