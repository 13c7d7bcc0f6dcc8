"""How a translation is compared with its source: numbers, links, inline markup.

The TRN rules (:mod:`checker.rules.translation`) call these on each catalog entry.

Numbers are read in each side's own locale through Babel, so the French "1,5 mg"
matches the English "1.5 mg"; markup, citation markers and link targets are
compared as multisets, so a marker moved within the sentence is fine and a lost
one is not.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

from checker.compiled_patterns import kept

_URL = kept(r"https?://[^\s)<>\"'\]]+")
_MD_TARGET = kept(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HREF = kept(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_FOOTNOTE = kept(r"\[\^[^\]\s]+\]")
_CITATION = kept(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")
TAG = kept(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_ENTITY = kept(r"&#?\w+;")
#: A code span as CommonMark reads it: a run of backticks, then the text up to a run of
#: the same length (```` ``a`` ````, ```` ``x `y` z`` ````); the text is code, not prose.
_CODE = kept(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_NUMBER = kept(
    r"(?<![\w.,])\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d])|(?<![\w])\d+(?:[.,]\d+)*(?![\d])"
)
_UNIT = kept(r"[\s-]?(mg|mcg|µg|μg|g|ml|mL|l|kg|mmol|IU|UI|%|°C|°F)(?![\w])")
_UNIT_NAMES = {"μg": "mcg", "µg": "mcg", "UI": "IU", "mL": "ml"}
LETTER_WORD = kept(r"[^\W\d_]{2,}")


def links(text: str) -> Counter[str]:
    found = Counter(_MD_TARGET.findall(text)) + Counter(_HREF.findall(text))
    inside = set(found)
    for found_url in _URL.findall(text):
        # "see https://www.nhs.uk/b." ends a sentence: the full stop is not the address's
        url = found_url.rstrip(".,;:!?")
        if not any(url in target for target in inside):
            found[url] += 1
    return found


def markup(text: str) -> Counter[str]:
    """Inline markup and citation markers of ``text``, as countable tokens."""
    tokens: Counter[str] = Counter()
    tokens.update(f"citation {m}" for m in _CITATION.findall(text))
    tokens.update(f"footnote {m}" for m in _FOOTNOTE.findall(text))
    # an opening and a closing tag are told apart: "lost </em>" is what went missing
    tokens.update(_tag_token(m) for m in TAG.finditer(text))
    tokens.update(f"code `{_code_text(m.group(2))}`" for m in _CODE.finditer(text))
    without_code = _CODE.sub("", text)
    strong = without_code.count("**")
    if strong:
        tokens["**bold**"] = strong // 2
    rest = without_code.replace("**", "")
    single = len(re.findall(r"(?<![\w*\\])\*(?=\S)|(?<=\S)\*(?![\w*])", rest))
    if single:
        tokens["*italic*"] = single // 2
    tokens["link"] = len(_MD_TARGET.findall(text)) + len(re.findall(r"<a\b", text, re.I))
    return +tokens


def _tag_token(match: re.Match[str]) -> str:
    """``<em>`` or ``</em>``."""
    slash = "/" if match.group(0).startswith("</") else ""
    return f"<{slash}{match.group(1).lower()}>"


def _code_text(inside: str) -> str:
    """A code span's content as CommonMark gives it: one space each side is padding."""
    if len(inside) > 2 and inside.startswith(" ") and inside.endswith(" ") and inside.strip():
        return inside[1:-1]
    return inside


def strip_for_numbers(text: str) -> str:
    """Text without links, markers, tags and code: numbers there are not the prose's
    (``a/{1,3}b`` in code is checked as code by TRN006, never read as 1.3)."""
    for pattern in (_CODE, _MD_TARGET, _HREF, _URL, _FOOTNOTE, _CITATION, TAG, _ENTITY):
        text = pattern.sub(" ", text)
    return text


def _value(token: str, locale: str) -> Decimal:
    from babel.numbers import NumberFormatError, parse_decimal

    compact = token.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    try:
        return Decimal(parse_decimal(compact, locale=locale, strict=True))
    except (NumberFormatError, ValueError, InvalidOperation):
        pass
    try:
        return Decimal(compact)  # "2.5" in a French text: still 2.5
    except InvalidOperation:
        return Decimal(re.sub(r"\D", "", compact) or "0")


def numbers(text: str, locale: str) -> Counter[tuple[str, str]]:
    """Numbers of ``text`` read in ``locale``, each with the unit after it (or "")."""
    from babel.core import Locale, UnknownLocaleError

    try:
        Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        locale = "en"
    clean = strip_for_numbers(text)
    found: Counter[tuple[str, str]] = Counter()
    for match in _NUMBER.finditer(clean):
        value = _value(match.group(0), locale)
        unit = _UNIT.match(clean, match.end())
        name = unit.group(1) if unit else ""
        found[(format(value.normalize(), "f"), _UNIT_NAMES.get(name, name))] += 1
    return found


def show(pairs: Counter[tuple[str, str]]) -> str:
    return ", ".join(f"{v} {u}".strip() for (v, u), n in sorted(pairs.items()) for _ in range(n))


def differences(
    missing: str, added: str, added_word: str = "added", missing_word: str = "missing"
) -> str:
    """``missing X; added Y``, leaving out an empty side."""
    parts = [
        f"{missing_word} {missing}" if missing else "",
        f"{added_word} {added}" if added else "",
    ]
    return "; ".join(p for p in parts if p)
