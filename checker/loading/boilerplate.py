"""Block-level clean-up of scraped pages: navigation lines, teaser cards, stray metadata.

Scrapers keep "View Details" links, listing cards (date, title, summary, link),
bare dates and counters, and repeat titles.  None of it is the article, and
all of it distorts the grade; every removal is recorded as a repair.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import cache
from typing import Any

from checker.compiled_patterns import compile_kept, kept
from checker.model import Block, BlockKind, Repair
from checker.table_cache import cached_table, package_stamp
from checker.wording import count_label

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"ene(?:ro)?|abr(?:il)?|ago(?:sto)?|dic(?:iembre)?|janv(?:ier)?|févr(?:ier)?|avr(?:il)?|"
    r"mai|juin|juil(?:let)?|août|déc(?:embre)?|märz|mai|okt(?:ober)?|dez(?:ember)?)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH},?\s+\d{{1,2}},?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})"
)
_DATE_ONLY = kept(rf"^\W*{_DATE}\W*$", re.IGNORECASE)
_HAS_DATE = kept(_DATE, re.IGNORECASE)
_NUMBER_ONLY = kept(r"^\W*\d{1,6}\W*$")
_TRAILING = r"[\s.:;!?\u2026>\u00bb\u2192\u203a\u25b8|-]*"
#: How many blocks before a navigation line can belong to its teaser card.
_CARD_LOOKBACK = 4


def compile_patterns(patterns: Sequence[str]) -> re.Pattern[str]:
    joined = "|".join(f"(?:{p})" for p in patterns) or r"(?!)"
    return kept(rf"^\W*(?:{joined}){_TRAILING}$", re.IGNORECASE)


def remove_boilerplate(
    blocks: list[Block], navigation: re.Pattern[str], line_for: dict[int, int]
) -> tuple[list[Block], list[Repair]]:
    """Drop navigation lines, teaser cards, bare dates and counters, repeated lines.

    ``line_for`` maps ``id(block)`` to its source line, for the repair messages.
    """
    repairs: list[Repair] = []
    keep = [True] * len(blocks)
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if block.kind is BlockKind.IMAGE_ALT or not navigation.match(text):
            continue
        start = i
        for j in range(i - 1, max(-1, i - 1 - _CARD_LOOKBACK), -1):
            if not keep[j]:
                break
            candidate = blocks[j].text
            if _DATE_ONLY.match(candidate) or _HAS_DATE.search(candidate[:80]):
                start = j
                if j > 0 and blocks[j - 1].kind is BlockKind.HEADING and keep[j - 1]:
                    start = j - 1
                break
        for k in range(start, i + 1):
            keep[k] = False
        if start < i:
            repairs.append(
                Repair(
                    "teaser",
                    f"removed a scraped teaser card ({count_label(i - start + 1, 'block')}) "
                    f"ending in '{text}'",
                    line_for.get(id(blocks[start])),
                    i - start + 1,
                )
            )
        else:
            repairs.append(
                Repair(
                    "navigation", f"removed the navigation line '{text}'", line_for.get(id(block))
                )
            )
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if not keep[i] or block.kind in (BlockKind.IMAGE_ALT, BlockKind.TABLE_CELL):
            continue
        if _DATE_ONLY.match(text):
            what = "a date"
        elif _NUMBER_ONLY.match(text):
            what = "a number"
        elif is_language_menu(text):
            what = "language names (a language menu)"
        else:
            continue
        keep[i] = False
        repairs.append(
            Repair(
                "metadata",
                f"removed a line holding only {what} ('{text}')",
                line_for.get(id(block)),
            )
        )
    kept: list[Block] = []
    for i, block in enumerate(blocks):
        if not keep[i]:
            continue
        if (
            kept
            and block.kind is not BlockKind.IMAGE_ALT
            and block.text.strip()
            and kept[-1].text.strip() == block.text.strip()
        ):
            repairs.append(
                Repair(
                    "duplicate",
                    f"removed a repeated line ('{_short(block.text)}')",
                    line_for.get(id(block)),
                )
            )
            continue
        kept.append(block)
    return kept, repairs


#: Languages health sites offer translations in; their names in their own language make
#: up a site's language menu ("English | Español | 한국어 | Tiếng Việt").
_MENU_LANGUAGES = (
    "en es fr de it nl pt ru uk pl ro cs sk hu el tr ar fa ur hi bn pa gu ta te ml zh ja ko "
    "vi th tl fil ht so sw am ti yo ha ig ne my km lo hmn ps ku sq sr hr bs bg lt lv et fi "
    "sv da no nb is ga cy he yi ms id"
)
_MIN_MENU_LANGUAGES = 3
_MAX_MENU_CHARACTERS = 400


def _babel_language_names() -> list[str]:
    """Each menu language's name in itself and in English, from Babel's locale data."""
    from babel import Locale, UnknownLocaleError

    names = set()
    for code in _MENU_LANGUAGES.split():
        try:
            locale = Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
        for name in (locale.get_display_name(code), locale.get_language_name("en")):
            if name:
                names.add(name)
    return sorted(names)


def _strings_of(stored: Any) -> list[str]:
    if not isinstance(stored, list) or not all(isinstance(n, str) for n in stored):
        raise ValueError("a damaged list of language names")
    return stored


@cache
def _language_names() -> re.Pattern[str]:
    names = set(
        cached_table(
            "menu-language-names",
            package_stamp("babel") + f"-{zlib.crc32(_MENU_LANGUAGES.encode())}",
            _babel_language_names,
            list,
            _strings_of,
        )
    )
    names.update({"中文", "简体中文", "繁體中文", "Chinese", "Tagalog", "Kreyòl", "Hmoob"})
    ordered = sorted(names, key=len, reverse=True)  # "Tiếng Việt" before a shorter name
    source = (
        r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?:\s*\([^)]{1,30}\))?(?!\w)"
    )
    # a long alternation: its compiled form is kept with the built tables
    return compile_kept("menu-language-names", {"names": (source, int(re.IGNORECASE))})["names"]


def is_language_menu(text: str) -> bool:
    """A line of three or more language names and nothing else but separators."""
    if len(text) > _MAX_MENU_CHARACTERS:
        return False
    found = _language_names().findall(text)
    if len(found) < _MIN_MENU_LANGUAGES:
        return False
    rest = _language_names().sub(" ", text)
    return not any(ch.isalnum() for ch in rest)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
