"""Sentence and word segmentation that survives health writing.

Statistics (``RR 0.73, 95% CI 0.65 to 0.81``), doses (``2 g/kg``), abbreviations
(``e.g.``, ``Dr.``, ``et al.``) and initials must not end a sentence: a splitter
that counts every full stop rates dense technical abstracts as *easier* than
their plain-language summaries.  Blocks (headings, list items) are split by the
loader, so a sentence never crosses a block.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from checker.compiled_patterns import kept

# A candidate end: terminal punctuation, optional closing quotes or brackets,
# whitespace, then something that can start a sentence (not an ASCII lower-case
# letter; other lower-case letters are checked in split_sentences).  A candidate
# starts where a run of terminal punctuation starts and its runs are possessive:
# giving back part of a run cannot make a match, and trying every start and every
# length in a long run ("!!!!...", "......") took quadratic time.  A reference number
# written as plain digits right after a word's full stop ("in adults.1 Normally", a
# superscript lost in copying) ends the sentence with it.
_CANDIDATE = kept(
    r"(?<![.!?\u2026])(?P<term>[.!?\u2026]++)"
    r"(?:(?<=(?:[^\W\d_]{2}|\w%|\w\))[.!?])\d{1,3}(?:[,\u2013-]\d{1,3})*+)?"
    r"[\"'\u201d\u2019\u00bb)\]]*+(?P<space>\s++)"
    r"(?=[\"'\u201c\u2018\u00ab(\[\u00bf\u00a1]*(?:[^\W\d_a-z]|\d))"
)
_LAST_TOKEN = kept(r"(\S+)$")
_OPENERS = "\"'\u201c\u2018\u00ab([\u00bf\u00a1"

#: Words: numbers (with decimals, thousands separators and a per cent sign), or
#: letters joined by hyphens, apostrophes or internal full stops (``e.g``, ``COVID-19``).
WORD = kept(r"\d+(?:[.,]\d+)*%?|[^\W_]+(?:[-'\u2019.][^\W_]+)*")

#: Elided articles and pronouns that are written joined to the next word.
_ELISIONS = {
    "fr": r"[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu",
    "it": r"[cdlmnstv]|un|dell|all|dall|nell|sull|coll|quell|quest|nessun|tutt|sant|bell",
}


@cache
def lexical_words(lang: str) -> re.Pattern[str]:
    """Like :data:`WORD`, but an elided article is not part of the word after it.

    In French and Italian "d'hypertension" and "l'adalimumab" are "hypertension" and
    "adalimumab" to anyone judging the word; "aujourd'hui" stays one word.
    """
    elisions = _ELISIONS.get(lang)
    if elisions is None:
        return WORD
    return kept(
        r"\d+(?:[.,]\d+)*%?|(?<![^\W_])"
        rf"(?!(?i:{elisions})['\u2019][^\W_])"
        r"[^\W_]+(?:[-'\u2019.][^\W_]+)*"
    )


@cache
def abbreviations(lang: str) -> dict[str, str]:
    """Abbreviations for ``lang`` (lower case, without the final full stop) and their kind.

    Kinds: ``""`` never ends a sentence (``Dr.``, ``e.g.``); ``"+"`` only before a number
    (``No. 5``); ``"?"`` ends a sentence when a capital letter follows (``8 a.m. Take``).
    """
    words: dict[str, str] = {}
    folder = resources.files("checker") / "data" / "abbreviations"
    for name in ("common.txt", f"{lang}.txt"):
        item = folder / name
        if not item.is_file():
            continue
        for line in item.read_text(encoding="utf-8").splitlines():
            line = line.strip().lower()
            if not line or line.startswith("#"):
                continue
            kind = line[0] if line[0] in "+?" else ""
            words[line.lstrip("+?")] = kind
    return words


def _joins_next(before: str, next_char: str, abbrevs: dict[str, str]) -> bool:
    """Whether the full stop ending ``before`` belongs to an abbreviation, not a sentence end."""
    match = _LAST_TOKEN.search(before)
    if not match:
        return False
    token = match.group(1).lstrip("\"'([\u201c\u2018\u00ab").lower()
    kind = abbrevs.get(token)
    if kind is not None:
        if kind == "+":
            return next_char.isdigit()
        if kind == "?":
            return not next_char.isupper()
        return True
    # Initials (J. Smith) and dotted abbreviations not in the list (U.S.A.)
    if len(token) == 1 and token.isalpha():
        return True
    return bool(re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", token))


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, with surrounding space trimmed."""
    abbrevs = abbreviations(lang)
    spans: list[tuple[int, int]] = []
    size = len(text)
    start = size - len(text.lstrip())
    for match in _CANDIDATE.finditer(text, start):
        nxt = match.end()
        while nxt < size and text[nxt] in _OPENERS:
            nxt += 1
        next_char = text[nxt] if nxt < size else ""
        if next_char.islower():
            continue  # "e.g. methotrexate", "p. 5": a lower-case word does not start a sentence
        if match.group("term") == "." and _joins_next(
            text[max(start, match.start() - 24) : match.start()], next_char, abbrevs
        ):
            continue
        # A candidate ends at its whitespace and the next sentence starts after it,
        # so only the text's own ends need trimming.
        spans.append((start, match.start("space")))
        start = match.end()
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    if any(bullet in text for bullet in _BULLETS):
        spans = [part for span in spans for part in _split_at_bullets(text, *span)]
    return spans


#: Bullet characters: list items run together in one paragraph by a scraper or a CMS
#: ("... in the blood. • Rhabdomyolysis: ...") are separate sentences.
_BULLETS = "\u2022\u25aa\u25e6\u2023\u25cf\u25a0"
_INLINE_BULLET = kept(rf"\s+[{_BULLETS}]\s+")


def _split_at_bullets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts = []
    for match in _INLINE_BULLET.finditer(text, start, end):
        if match.start() > start:
            parts.append((start, match.start()))
        start = match.end()
    if end > start:
        parts.append((start, end))
    return parts


def words(text: str) -> list[str]:
    """The words of ``text``, numbers included."""
    return WORD.findall(text)
