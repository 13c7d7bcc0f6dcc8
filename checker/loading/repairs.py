"""Repairs for the mess real articles arrive with, each keeping the source map.

Every function takes a :class:`MappedText` and returns the repaired text with the
number of changes, so callers can record a :class:`~checker.model.Repair` that
tells the writer what was cleaned.  Block-level repairs (teaser cards, duplicated
lines, navigation lines) work on lists of blocks and live in :mod:`.boilerplate`.
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher

from checker.mapped_text import MappedText

# A UTF-8 lead byte read as Windows-1252/Latin-1, followed by a continuation byte
# read the same way: the fingerprint of mojibake such as ``bodyâ€™s`` or ``Ã©``.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Typographic characters that are not mess but that tokenisation should not see.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u200a]")
_HYPHENS = re.compile("[\u2010\u2011]")


def apply_fixed(mt: MappedText, fixed: str) -> MappedText:
    """Re-map ``mt`` onto ``fixed``, a locally edited copy of its text.

    Used for fixers that return a whole new string (ftfy): the edits are found
    with a diff so that untouched characters keep their exact source positions.
    """
    matcher = SequenceMatcher(None, mt.text, fixed, autojunk=False)
    pieces: list[MappedText] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(mt.slice(a1, a2))
        elif op == "insert":
            pieces.append(MappedText.inserted(fixed[b1:b2], mt.source_offset(a1)))
        elif op == "replace":
            start, end = mt.source_span(a1, a2)
            pieces.append(MappedText.replacing(fixed[b1:b2], start, end))
        # "delete" adds nothing
    return MappedText.concat(pieces)


def fix_mojibake(mt: MappedText) -> tuple[MappedText, int]:
    """Undo UTF-8 text that was decoded as Windows-1252 (``bodyâ€™s`` -> ``body’s``)."""
    if not _MOJIBAKE_HINT.search(mt.text):
        return mt, 0
    import ftfy
    from ftfy.badness import is_bad

    if not is_bad(mt.text):
        return mt, 0
    count = len(_MOJIBAKE_HINT.findall(mt.text))
    lines = mt.text.split("\n")
    fixed = "\n".join(ftfy.fix_encoding(line) if is_bad(line) else line for line in lines)
    if fixed == mt.text:
        return mt, 0
    return apply_fixed(mt, fixed), count


def _unescape(match: re.Match[str]) -> str:
    text = match.group(0)
    value = html.unescape(text)
    return value if value != text else text


def fix_entities(mt: MappedText) -> tuple[MappedText, int]:
    """Turn HTML entities left in text (``&nbsp;``, ``&amp;``, ``&#8217;``) into characters.

    Double-encoded entities (``&amp;nbsp;``) are undone too, up to two levels.
    """
    total = 0
    for _ in range(3):
        if "&" not in mt.text:
            break
        mt, count = mt.sub(_ENTITY, _unescape)
        total += count
        if not count:
            break
    return mt, total


def normalise_characters(mt: MappedText) -> MappedText:
    """Soft hyphens, zero-width characters, no-break spaces and hyphens made plain.

    These are typography, not mess, so they are not reported as repairs.
    """
    text = mt.text
    if _INVISIBLE.search(text):
        mt, _ = mt.sub(_INVISIBLE, "")
    if _SPACES.search(mt.text):
        mt, _ = mt.sub(_SPACES, " ")
    if _HYPHENS.search(mt.text):
        mt, _ = mt.sub(_HYPHENS, "-")
    return mt
