"""Block-level clean-up of scraped pages: navigation lines, teaser cards, stray metadata.

Scrapers keep "View Details" links, listing cards (date, title, summary, link),
bare dates and counters, and repeat titles.  None of it is the article, and
all of it distorts the grade; every removal is recorded as a repair.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.model import Block, BlockKind, Repair

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
_DATE_ONLY = re.compile(rf"^\W*{_DATE}\W*$", re.IGNORECASE)
_HAS_DATE = re.compile(_DATE, re.IGNORECASE)
_NUMBER_ONLY = re.compile(r"^\W*\d{1,6}\W*$")
_TRAILING = r"[\s.:;!?\u2026>\u00bb\u2192\u203a\u25b8|-]*"
#: How many blocks before a navigation line can belong to its teaser card.
_CARD_LOOKBACK = 4


def compile_patterns(patterns: Sequence[str]) -> re.Pattern[str]:
    joined = "|".join(f"(?:{p})" for p in patterns) or r"(?!)"
    return re.compile(rf"^\W*(?:{joined}){_TRAILING}$", re.IGNORECASE)


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
                    f"removed a scraped teaser card ({i - start + 1} blocks) ending in '{text}'",
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


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
