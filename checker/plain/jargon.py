"""Find the words that shut readers out: listed jargon, rare words and medical word parts.

One pass per block gives every hit with its span, so the rules, the
complex-language share and the report all read the same result.  A term explained
where it first appears ("X, a medicine that ...", "X (a type of ...)") is reported
as defined, and its later uses are not flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import compress

from checker.compiled_patterns import kept
from checker.model import BlockKind, Document
from checker.plain.abbreviations import AbbreviationUse, abbreviation_uses, is_abbreviation
from checker.plain.lexicon import Lexicon, stems
from checker.plain.wordparts import word_part
from checker.text.frequency import zipf_table
from checker.text.segment import WORD, lexical_words

#: Words at or below this Zipf frequency are rare in the language (tuned on the
#: complex-lcp-biomed train split by bench/jargon_eval.py).
DEFAULT_RARE_ZIPF: dict[str, float] = {
    "en": 3.0,
    "es": 2.3,
    "fr": 2.3,
    "de": 2.0,
    "it": 2.3,
    "nl": 2.3,
}
#: Languages that write compounds as one word: a compound of well-known words is plain.
_COMPOUNDING = frozenset({"de", "nl"})
#: A compound part is well known at or above this Zipf frequency.
_KNOWN_PART_ZIPF = 3.3
_MIN_LEFT = 4
_MIN_RIGHT = 4
_MAX_COMPOUND_PARTS = 3
_LINKS = ("es", "en", "s", "n", "e")
#: A word built from medical parts counts only when it is below this frequency
#: (so that "arthritis" and "diabetes" are not flagged).
WORD_PART_MAX_ZIPF = 3.5

_URL = kept(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
#: What comes before a word that starts a sentence (an elided "l'" is not a quote).
_SENTENCE_START = kept(r"(?:^|[.!?:;]\s+|(?<![^\W_])[\"'\u201c\u2018(\[\u00bf\u00a1]\s*)$")

#: Cues right after a term that explain it, per language.
_DEFINITION_AFTER = {
    # after a comma, dash or colon: an article or relative pronoun opens an explanation
    # ("X, a medicine that", "X - which means"); without one, only a defining verb does.
    "en": r"\s*[,\u2013\u2014:-]\s*(?:a|an|which|that|also called|also known as|meaning|"
    r"in other words)\b|\s+(?:means|is a|is an|refers to|is when)\b|\s*\("
    # apposition: "autoimmune diseases, conditions where the immune system attacks..."
    r"|(?:\s+[a-z]+){0,2}\s*,\s*(?:[a-z]+\s+){1,3}(?:where|in which|that|which|when)\b",
    "es": r"\s*[,\u2013\u2014:-]\s*(?:un|una|que|es decir|o sea|llamad[oa])\b"
    r"|\s+(?:significa|es un|es una|quiere decir)\b|\s*\(",
    "fr": r"\s*[,\u2013\u2014:-]\s*(?:un|une|qui|c'est-à-dire|c\u2019est-à-dire|appelée?)\b"
    r"|\s+(?:signifie|est un|est une|veut dire)\b|\s*\(",
    "de": r"\s*[,\u2013\u2014:-]\s*(?:ein|eine|einer|das heißt|also|d\. h\.|der|die|das)\b"
    r"|\s+(?:bedeutet|ist ein|ist eine|heißt)\b|\s*\(",
    "it": r"\s*[,\u2013\u2014:-]\s*(?:un|una|uno|che|cioè|ossia|ovvero|chiamat[oaie])\b"
    r"|\s+(?:significa|è un|è una|vuol dire)\b|\s*\(",
    "nl": r"\s*[,\u2013\u2014:-]\s*(?:een|dat is|dat wil zeggen|oftewel|ofwel|die|dat)\b"
    r"|\s+(?:betekent|is een|wil zeggen)\b|\s*\(",
}
#: Cues right before a term that introduce it as a name for something explained.
_DEFINITION_BEFORE = {
    "en": r"\b(?:called|known as|named|termed)\s+(?:an?\s+|the\s+)?$",
    "es": r"\b(?:llamad[oa]s?|denominad[oa]s?|conocid[oa]s? como)\s+(?:el\s+|la\s+|un\s+|una\s+)?$",
    "fr": r"\b(?:appelée?s?|nommée?s?|dite?s?)\s+(?:le\s+|la\s+|l'|un\s+|une\s+)?$",
    "de": r"\b(?:genannt|namens|bezeichnet als|heißt)\s+$",
    "it": r"\b(?:chiamat[oaie]|dett[oaie]|conosciut[oaie] come)\s+"
    r"(?:il\s+|la\s+|lo\s+|l'|un\s+|una\s+)?$",
    "nl": r"\b(?:genaamd|heet|noemen we|ook wel)\s+(?:de\s+|het\s+|een\s+)?$",
}


@dataclass(frozen=True, slots=True)
class JargonHit:
    """One use of a hard word in a block."""

    block: int
    start: int
    end: int
    text: str
    kind: str  # listed, familiar (a listed word most readers know), rare, word-part
    key: str  # what identifies the term across uses (lower case)
    alternatives: tuple[str, ...] = ()
    word_part: str | None = None
    zipf: float | None = None
    defined: bool = False  # explained where it is used


@dataclass(slots=True)
class JargonResult:
    """Every hit of an article, its abbreviations, and the complex-word count.

    Complex words are SHeLL's "complex language": listed jargon, rare words and
    acronyms readers may not know, every use counted.
    """

    hits: list[JargonHit] = field(default_factory=list)
    #: every use of each abbreviation not on the known list, keyed without plural "s"
    abbreviations: dict[str, list[AbbreviationUse]] = field(default_factory=dict)
    complex_words: int = 0  # prose words that are jargon, rare or unknown abbreviations
    prose_words: int = 0

    @property
    def complex_percent(self) -> float | None:
        if not self.prose_words:
            return None
        return round(100.0 * self.complex_words / self.prose_words, 1)


@cache
def _definition_after(lang: str) -> re.Pattern[str]:
    return kept(_DEFINITION_AFTER.get(lang, _DEFINITION_AFTER["en"]), re.IGNORECASE)


@cache
def _definition_before(lang: str) -> re.Pattern[str]:
    return kept(_DEFINITION_BEFORE.get(lang, _DEFINITION_BEFORE["en"]), re.IGNORECASE)


def is_defined(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the term at ``start:end`` is explained right where it is used."""
    if _definition_after(lang).match(text, end):
        after = text[end : end + 3].lstrip()
        # "X (IVIG)" names an abbreviation; it does not explain X.
        if after.startswith("("):
            inside = text[end:].split(")", 1)[0]
            # "(risk ratio 1.96; 95% CI ...)", "(39 to 45 ug)": figures, not an explanation
            return len(WORD.findall(inside)) >= 2 and not any(ch.isdigit() for ch in inside)
        return True
    return bool(_definition_before(lang).search(text, max(0, start - 40), start))


#: A token's verdict: (kind, word part, zipf, can start a listed term), or None when plain.
Verdict = tuple[str | None, str | None, float, bool] | None


class JargonFinder:
    """Classifies the words of one language, remembering each word's verdict.

    A block is handled with C-level passes (``findall``, ``map`` over the verdict table,
    ``compress``), so Python code runs only for the few words that may be jargon.
    """

    def __init__(self, lexicon: Lexicon, rare_zipf: float, accept: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.lang = lexicon.lang
        self.rare_zipf = rare_zipf
        self.accept = accept
        self.zipf = zipf_table(self.lang)
        self._verdicts = _VerdictTable(self)
        self._words = lexical_words(self.lang)

    def classify(self, word: str) -> Verdict:
        """What ``word`` is: listed (may start a listed term), rare, word-part, or plain."""
        lower = word.lower()
        if lower in self.accept or (word.isupper() and len(word) > 1) or is_abbreviation(word):
            return None  # abbreviations are judged by the abbreviation finder
        starts_term = self.lexicon.might_start(lower)
        listed_only: Verdict = (None, None, 0.0, True) if starts_term else None
        if (
            len(lower) <= 2
            or self.lexicon.is_form(lower)
            or any(ch.isdigit() for ch in lower)
            or self.lexicon.is_plain(lower)
        ):
            return listed_only
        zipf = self.familiarity(lower)
        part = word_part(lower, self.lang)
        if part is not None and zipf < WORD_PART_MAX_ZIPF:
            return ("word-part", part, zipf, starts_term)
        if zipf <= self.rare_zipf:
            return ("rare", None, zipf, starts_term)
        return listed_only

    def familiarity(self, lower: str) -> float:
        """The Zipf frequency of a word, judged by its most familiar form.

        An inflected form is as familiar as its stem ("colds", "rashes"), and a
        hyphenated compound as its least familiar part ("side-effect", "lab-made").
        """
        zipf = max([self.zipf(lower), *map(self.zipf, stems(lower, self.lang))])
        if "-" in lower and zipf <= self.rare_zipf:
            parts = [p for p in lower.split("-") if len(p) > 1]
            if parts:
                zipf = max(zipf, min(self.familiarity(p) for p in parts))
        elif self.lang in _COMPOUNDING and zipf <= self.rare_zipf:
            zipf = max(zipf, self._compound_familiarity(lower, _MAX_COMPOUND_PARTS))
        return zipf

    def _compound_familiarity(self, lower: str, parts: int) -> float:
        """How familiar a closed compound is by its least familiar part, for languages that
        write compounds as one word ("Windelbereich" is "Windel" + "Bereich",
        "Bundesapothekerkammer" is "Bundes" + "Apotheker" + "Kammer"); 0 when no split into
        well-known parts (linking "s", "es", "n", "en" or "e" allowed) is found."""
        best = 0.0
        for cut in range(_MIN_LEFT, len(lower) - _MIN_RIGHT + 1):
            head, tail = lower[:cut], lower[cut:]
            head_zipf = max(
                [self.zipf(head)]
                + [self.zipf(head[: -len(link)]) for link in _LINKS if head.endswith(link)]
            )
            if head_zipf < _KNOWN_PART_ZIPF:
                continue
            tail_zipf = max([self.zipf(tail), *map(self.zipf, stems(tail, self.lang))])
            if tail_zipf < _KNOWN_PART_ZIPF and parts > 2:
                tail_zipf = self._compound_familiarity(tail, parts - 1)
            best = max(best, min(head_zipf, tail_zipf))
        return best if best >= _KNOWN_PART_ZIPF else 0.0

    def is_name(self, word: str, text: str, start: int) -> bool:
        """Capitalised words inside a sentence are names or brands (not in German)."""
        if self.lang == "de" or not word[:1].isupper():
            return False
        return not _SENTENCE_START.search(text, max(0, start - 3), start)

    def find(self, document: Document, known: frozenset[str] = frozenset()) -> JargonResult:
        """Every hard word of ``document``; abbreviations in ``known`` are not hard."""
        result = JargonResult()
        first_use: dict[str, bool] = {}  # key -> defined at first use
        verdicts = self._verdicts.__getitem__
        for index, block in enumerate(document.blocks):
            if block.kind is BlockKind.REFERENCE:
                continue  # titles of cited papers: the writer cannot plain them
            text = block.text
            if not text:
                continue
            tokens = self._words.findall(text)
            prose = block.kind.is_prose
            if prose:
                # numbers are not words: "95% CI 0.78 to 1.02" has two words
                result.prose_words += len(tokens) - sum(map(str.isdigit, map(_first, tokens)))
            flags = list(map(verdicts, tokens))
            candidates = list(compress(range(len(tokens)), flags))
            if not candidates:
                continue
            spans = list(map(re.Match.span, self._words.finditer(text)))
            skip = _url_spans(text)
            lowered: list[str] | None = None
            covered_until = -1
            for i in candidates:
                start, end = spans[i]
                if i < covered_until or (skip and any(a <= start < b for a, b in skip)):
                    continue
                kind, part, zipf, starts_term = flags[i]  # type: ignore[misc]
                hit: JargonHit | None = None
                if starts_term:
                    if lowered is None:
                        lowered = [t.lower() for t in tokens]
                    matched = self.lexicon.match_at(lowered, i)
                    if matched is not None:
                        length, term = matched
                        covered_until = i + length
                        term_end = spans[i + length - 1][1]
                        if prose:
                            result.complex_words += length
                        hit = JargonHit(
                            index,
                            start,
                            term_end,
                            text[start:term_end],
                            "familiar" if term.origin == "familiar" else "listed",
                            term.key,
                            term.alternatives,
                            defined=is_defined(text, start, term_end, self.lang),
                        )
                if hit is None:
                    word = tokens[i]
                    if kind is None or self.is_name(word, text, start):
                        continue
                    if prose:
                        result.complex_words += 1
                    hit = JargonHit(
                        index,
                        start,
                        end,
                        word,
                        kind,
                        word.lower(),
                        (),
                        part,
                        round(zipf, 2),
                        is_defined(text, start, end, self.lang),
                    )
                if hit.key in first_use:
                    if first_use[hit.key]:
                        continue  # explained at first use: later uses are fine
                else:
                    first_use[hit.key] = hit.defined
                result.hits.append(hit)
        result.abbreviations = abbreviation_uses(document, known)
        prose_blocks = {i for i, b in enumerate(document.blocks) if b.kind.is_prose}
        result.complex_words += sum(
            u.block in prose_blocks for uses in result.abbreviations.values() for u in uses
        )
        return result


class _VerdictTable(dict[str, Verdict]):
    """word -> verdict, computed on first sight."""

    def __init__(self, finder: JargonFinder) -> None:
        super().__init__()
        self.finder = finder

    def __missing__(self, word: str) -> Verdict:
        verdict = self[word] = self.finder.classify(word)
        return verdict


def _first(token: str) -> str:
    return token[0]


def _url_spans(text: str) -> list[tuple[int, int]]:
    if "/" not in text and "@" not in text and "www." not in text:
        return []
    return [m.span() for m in _URL.finditer(text)]


_finders: dict[tuple[int, float, frozenset[str]], JargonFinder] = {}


def finder_for(lexicon: Lexicon, rare_zipf: float, accept: frozenset[str]) -> JargonFinder:
    """A shared finder per lexicon and settings, so word verdicts are cached across articles."""
    key = (id(lexicon), rare_zipf, accept)
    found = _finders.get(key)
    if found is None:
        found = _finders[key] = JargonFinder(lexicon, rare_zipf, accept)
    return found
