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

from checker.compiled_patterns import kept
from checker.mapped_text import MappedText

# A UTF-8 lead byte read as Windows-1252/Latin-1, followed by a continuation byte
# read the same way: the fingerprint of mojibake such as ``bodyâ€™s`` or ``Ã©``.
_MOJIBAKE_HINT = kept(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_ENTITY = kept(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Typographic characters that are not mess but that tokenisation should not see.
_INVISIBLE = kept("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = kept("[\u00a0\u2007\u202f\u2009\u200a]")
_HYPHENS = kept("[\u2010\u2011]")


#: Texts up to this many characters (both sides) are aligned with one exact diff, which
#: takes quadratic time: a paragraph of 40,000 characters took 40 seconds.
_DIFF_LIMIT = 4000
_ALNUM = kept(r"[A-Za-z0-9]+")
Opcode = tuple[str, int, int, int, int]


def _diff(a: str, b: str, a0: int = 0, b0: int = 0, limit: int = _DIFF_LIMIT) -> list[Opcode]:
    """Opcodes turning ``a`` into ``b`` (offset by ``a0``, ``b0``), in bounded time.

    A pair of at most ``limit`` characters is diffed exactly; a longer one keeps its
    common start and end, and what lies between is diffed exactly when it is short,
    else replaced as a whole.
    """
    if len(a) + len(b) <= limit:
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        return [
            (op, a1 + a0, a2 + a0, b1 + b0, b2 + b0) for op, a1, a2, b1, b2 in matcher.get_opcodes()
        ]
    shortest = min(len(a), len(b))
    head = 0
    while head < shortest and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shortest - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    ops: list[Opcode] = []
    if head:
        ops.append(("equal", a0, a0 + head, b0, b0 + head))
    a_mid, b_mid = a[head : len(a) - tail], b[head : len(b) - tail]
    if len(a_mid) + len(b_mid) <= limit:
        ops.extend(_diff(a_mid, b_mid, a0 + head, b0 + head, limit))
    elif a_mid or b_mid:
        op = "replace" if a_mid and b_mid else ("delete" if a_mid else "insert")
        ops.append((op, a0 + head, a0 + len(a) - tail, b0 + head, b0 + len(b) - tail))
    if tail:
        ops.append(("equal", a0 + len(a) - tail, a0 + len(a), b0 + len(b) - tail, b0 + len(b)))
    return ops


def _local_edits(a: str, b: str) -> list[Opcode]:
    """Opcodes turning ``a`` into ``b`` when the edits are local (ftfy's mojibake fixes).

    ASCII letters and digits are never part of mojibake, so in a long text their runs
    are the same on both sides: only the stretches between them are diffed.
    """
    if len(a) + len(b) <= _DIFF_LIMIT:
        return _diff(a, b)
    runs = _ALNUM.findall(a)
    if runs != _ALNUM.findall(b):
        return _diff(a, b)
    ops: list[Opcode] = []
    pa = pb = 0  # where the current gap starts
    equal_a = equal_b = 0  # where the current run of equal text starts
    for index, (gap_a, gap_b) in enumerate(zip(_ALNUM.split(a), _ALNUM.split(b), strict=True)):
        if gap_a != gap_b:
            if pa > equal_a:
                ops.append(("equal", equal_a, pa, equal_b, pb))
            ops.extend(_diff(gap_a, gap_b, pa, pb, limit=0))  # short: replaced as a whole
            equal_a, equal_b = pa + len(gap_a), pb + len(gap_b)
        pa += len(gap_a)
        pb += len(gap_b)
        if index < len(runs):
            pa += len(runs[index])
            pb += len(runs[index])
    if pa > equal_a:
        ops.append(("equal", equal_a, pa, equal_b, pb))
    return ops


def apply_fixed(mt: MappedText, fixed: str) -> MappedText:
    """Re-map ``mt`` onto ``fixed``, a locally edited copy of its text.

    Used for fixers that return a whole new string (ftfy): the edits are found
    with a diff so that untouched characters keep their exact source positions.
    """
    pieces: list[MappedText] = []
    for op, a1, a2, b1, b2 in _local_edits(mt.text, fixed):
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
