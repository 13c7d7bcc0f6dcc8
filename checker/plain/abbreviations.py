"""Abbreviations and acronyms, and whether each is expanded before readers meet it (WCAG 3.1.4).

An abbreviation counts as expanded at a use written "intravenous immunoglobulin
(IVIG)", "IVIG (intravenous immunoglobulin)", "IVIG, short for ...", "IVIG
stands for ...", "dextromethorphan, abbreviated DM", "hormone therapy, or HRT" or
"ATP, the body's energy source".  Ones every reader knows (HIV, DNA, COVID-19) come from a shipped
list that projects extend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from checker.compiled_patterns import kept
from checker.model import BlockKind, Document
from checker.text.frequency import zipf_table
from checker.text.segment import WORD

_EXPANDED_AFTER = kept(
    r"\s*(?:\((?P<paren>[^()]{3,80})\)|,?\s*(?:short for|stands for|which stands for|means|"
    r"abreviatura de|siglas de|pour|abréviation de|steht für|kurz für)\b"
    # an apposition explains it: "ATP, the body's energy source" (not ", the CDC and ...")
    r"|,\s*(?:a|an|the|un|una|el|la|une|le|ein|eine|der|die|das|een|het|il|lo)"
    r"\s+(?!(?-i:[A-Z]{2}))[^\W\d_]{3,})",
    re.IGNORECASE,
)
#: What introduces an abbreviation right after its long form: "dextromethorphan,
#: abbreviated DM", "known as PrEP", "hormone therapy, or HRT".
_EXPANDED_BEFORE = kept(
    r"[^\W\d_]{3,}(?:\W{0,3}\s*(?:abbreviated(?: as| to)?|known as|called|"
    r"abreviad[oa](?: como)?|conocid[oa] como|llamad[oa]|abrégée?(?: en)?|appelée?|"
    r"abgekürzt(?: als)?|genannt|afgekort(?: als)?|abbreviat[oa](?: in)?|dett[oa])"
    r"|,\s*(?:or|o|ou|oder|of|also))\s+$",
    re.IGNORECASE,
)
#: Release and formulation suffixes of product names ("Invokamet XR", "Adderall XR").
_PRODUCT_SUFFIXES = frozenset({"XR", "XL", "SR", "ER", "CR", "LA", "ODT", "DR", "IR", "HCT"})
_AFTER_NAME = kept(r"(?<![.!?:]\s)\b[A-Z][a-z]{3,}(?:\s+[A-Z][a-z]+)?\s+$")
#: Capitals then a lower-case word: a name ("HNOnet", "BIOsmart"), not an abbreviation.
_CAPITALISED_NAME = kept(r"[A-ZÀ-Þ]{2,}[a-zà-ÿ]{3,}")
#: Words with at least two capital letters (a regex pass, so plain words cost nothing).
_CANDIDATE = kept(r"(?<![^\W_])[^\W_]*[A-ZÀ-ÖØ-Þ][^\W_]*[A-ZÀ-ÖØ-Þ](?:[^\W_]|[-'.][^\W_])*")
_PAREN_BEFORE = kept(r"\(\s*$")
_PAREN_AFTER = kept(r"\s*s?\)")


@dataclass(frozen=True, slots=True)
class AbbreviationUse:
    block: int
    start: int
    end: int
    text: str
    expanded: bool


def is_abbreviation(word: str) -> bool:
    """Two or more capitals making up at least half the letters: IVIG, DMARDs, CAR-T, mRNA."""
    letters = [ch for ch in word if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 2 and upper * 2 >= len(letters)


def key_of(word: str) -> str:
    """The abbreviation without a plural ``s``: DMARDs and DMARD are one."""
    return word[:-1] if len(word) > 2 and word.endswith("s") and word[-2].isupper() else word


@cache
def known_abbreviations() -> frozenset[str]:
    item = resources.files("checker") / "data" / "known_abbreviations.txt"
    words = set()
    for line in item.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line)
    return frozenset(words)


_ROMAN_NUMERAL = kept(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
#: A word in capitals that is this common in lower case is emphasis, not an abbreviation.
_EMPHASIS_ZIPF = 4.5


#: What a Roman numeral follows: a name ("Hospital XXIII", "Louis XIV") or a sequence word.
_NUMBERED = kept(
    r"(?:\b(?!(?:The|A|An|This|That|Your|Our|Any|No|El|La|Los|Las|Un|Una|Le|Les|Une|Der|Die|"
    r"Das|Ein|Eine|Kein|Keine)\b)[A-ZÀ-Þ][a-zà-ÿ]+"
    r"|\b(?i:type|phase|grade|stage|class|tipo|fase|grado|estadio|"
    r"stade|classe|Typ|Stadium|Klasse))\s+$"
)


def _not_an_abbreviation(word: str, before: str, lang: str) -> bool:
    """A Roman numeral after a name or a sequence word ("Hospital XXIII", "type II"; "IV"
    and "CI" on their own stay abbreviations), a name written with capitals ("HNOnet"), a
    product's release suffix ("Invokamet XR") or an everyday word in capitals for emphasis
    ("do NOT", "DON'T", "AHORA", "TODO")."""
    if _ROMAN_NUMERAL.fullmatch(word) and _NUMBERED.search(before[-40:]):
        return True
    if _CAPITALISED_NAME.fullmatch(word):
        return True
    if word in _PRODUCT_SUFFIXES and _AFTER_NAME.search(before[-40:]):
        return True  # "Invokamet XR": part of the product's name
    plain = word.lower().replace("\u2019", "'")
    return zipf_table(lang)(plain) >= _EMPHASIS_ZIPF


def _expanded_here(text: str, start: int, end: int) -> bool:
    if _EXPANDED_BEFORE.search(text[max(0, start - 60) : start]):
        return True
    after = _EXPANDED_AFTER.match(text, end)
    if after is not None:
        paren = after.group("paren")
        if paren is None:
            return True
        words = WORD.findall(paren)
        # "(intravenous immunoglobulin)", or one compound: "FSME (Frühsommer-Meningoenzephalitis)"
        return len(words) >= 2 or (len(words) == 1 and len(words[0]) >= 3 * len(text[start:end]))
    # "intravenous immunoglobulin (IVIG)": the long form precedes the brackets.
    if _PAREN_BEFORE.search(text, max(0, start - 3), start) and _PAREN_AFTER.match(text, end):
        before = text[:start].rstrip(" (")
        return len(WORD.findall(before[-120:])) >= 2
    return False


def abbreviation_uses(
    document: Document, known: frozenset[str]
) -> dict[str, list[AbbreviationUse]]:
    """Every use of each unknown abbreviation, in document order, keyed without plural ``s``."""
    uses: dict[str, list[AbbreviationUse]] = {}
    for index, block in enumerate(document.blocks):
        if block.kind in (BlockKind.IMAGE_ALT, BlockKind.REFERENCE):
            continue
        text = block.text
        if text.islower():
            continue  # no capitals, no abbreviations
        for match in _CANDIDATE.finditer(text):
            word = match.group(0)
            if not is_abbreviation(word) or _not_an_abbreviation(
                word, text[: match.start()], document.lang
            ):
                continue
            key = key_of(word)
            if key in known or word in known:
                continue
            start, end = match.start(), match.end()
            uses.setdefault(key, []).append(
                AbbreviationUse(index, start, end, word, _expanded_here(text, start, end))
            )
    return uses
