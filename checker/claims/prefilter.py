"""A cheap test of whether a cue section can match a sentence at all.

A cue section is one large alternation of a hundred or more patterns, and the
regular-expression engine tries every alternative at every word start: claim finding was
the slowest stage of a check although most sections match nothing in most sentences.
Reading each alternative's parse tree once tells what any match of it must begin with (up
to three lower-case characters) or, when its start is open (``\\w*risiko``), a literal it
must contain.  A sentence whose word starts and text offer none of those is skipped
without running the section; every other sentence is scanned as before, so results never
change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from checker.compiled_patterns import kept

#: How many leading characters of a match are looked at.
_WIDTH = 3
#: Above this many distinct beginnings an alternative counts as beginning anywhere.
_MAX_PREFIXES = 2000
#: A character class up to this wide is expanded into its characters.
_MAX_RANGE = 40
#: A literal a match must contain is only worth testing from this length.
_MIN_LITERAL = 3
#: Prefix sets: (characters, whether they are the whole match of the part so far).
_Prefixes = set[tuple[str, bool]]


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` ("a|b(c|d)" gives "a", "b(c|d)")."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]" or pattern[index - 1] == "["
        elif char == "[":
            in_class = True
            if pattern.startswith("[^]", index) or pattern.startswith("[]", index):
                index += 1  # a leading ']' is a literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts


def _class_chars(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL:
            chars.add(chr(value))
        elif op is sre.RANGE and value[1] - value[0] <= _MAX_RANGE:
            chars.update(chr(code) for code in range(value[0], value[1] + 1))
        elif op is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            return None  # negated, wide or a category such as \w
    return chars


def _item(op: Any, value: Any) -> _Prefixes | None:
    """The prefixes of one parsed item; ``None`` when it can start with anything."""
    if op is sre.LITERAL:
        return {(chr(value), True)}
    if op is sre.IN:
        chars = _class_chars(value)
        return None if chars is None else {(char, True) for char in chars}
    if op is sre.BRANCH:
        union: _Prefixes = set()
        for branch in value[1]:
            prefixes = _sequence(branch)
            if prefixes is None:
                return None
            union |= prefixes
        return union
    if op is sre.SUBPATTERN:  # (?i:...) too: lower-cased pattern against lower-cased text
        return _sequence(value[3])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = value
        once = _sequence(body)
        if once is None:
            return None if low else {("", False)}
        if low == high == 1:
            return once
        first = once if high == 1 else {(chars, False) for chars, _ in once}
        return first | {("", True)} if low == 0 else first
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {("", True)}  # zero width
    return None


def _sequence(items: Sequence[tuple[Any, Any]]) -> _Prefixes | None:
    prefixes: _Prefixes = {("", True)}
    for op, value in items:
        if all(not whole or len(chars) >= _WIDTH for chars, whole in prefixes):
            break
        following = _item(op, value) or {("", False)}
        joined: _Prefixes = set()
        for chars, whole in prefixes:
            if not whole or len(chars) >= _WIDTH:
                joined.add((chars[:_WIDTH], False))
                continue
            for more, more_whole in following:
                both = chars + more
                joined.add((both[:_WIDTH], False) if len(both) >= _WIDTH else (both, more_whole))
        prefixes = joined
        if len(prefixes) > _MAX_PREFIXES:
            return None
    return prefixes


def prefixes(pattern: str) -> frozenset[str] | None:
    """The one or two characters every match of ``pattern`` begins with, or ``None`` when
    a match could begin with anything (or nothing, or a space)."""
    try:
        found = _sequence(sre_parse.parse(pattern))
    except (re.error, RecursionError, TypeError, AttributeError):
        return None
    if found is None:
        return None
    starts = frozenset(chars for chars, _ in found)
    if any(not chars or chars[0].isspace() for chars in starts):
        return None
    return starts


#: A character class up to this wide splits a literal it is part of into alternatives.
_MAX_SPLIT = 4


def _required(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Literals one of which every match of ``items`` contains, if such can be told."""
    best: frozenset[str] | None = None
    run: set[str] = {""}
    runs: list[frozenset[str]] = []
    for op, value in items:
        if op is sre.LITERAL:
            run = {text + chr(value) for text in run}
            continue
        chars = _class_chars(value) if op is sre.IN else None
        if chars is not None and len(chars) * len(run) <= _MAX_SPLIT:  # n['’]t
            run = {text + char for text in run for char in chars}
            continue
        runs.append(frozenset(run))
        run = {""}
        inner: frozenset[str] | None = None
        if op is sre.SUBPATTERN:
            inner = _required(value[3])
        elif op is sre.BRANCH:
            parts = [_required(branch) for branch in value[1]]
            if all(part is not None for part in parts):
                inner = frozenset().union(*parts)  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            inner = _required(value[2])
        if inner is not None and (best is None or len(inner) < len(best)):
            best = inner
    runs.append(frozenset(run))
    longest = max(runs, key=lambda texts: min(map(len, texts)))
    if all(_selective(text) for text in longest):
        return longest
    return best


def _selective(literal: str) -> bool:
    """Whether a literal is rare enough to test for: three letters, or two with a sign."""
    return len(literal) >= _MIN_LITERAL or (len(literal) == 2 and not literal.isalnum())


def required_literals(pattern: str) -> frozenset[str] | None:
    """Literals one of which every match of ``pattern`` contains, or ``None``."""
    try:
        return _required(sre_parse.parse(pattern))
    except (re.error, RecursionError, TypeError, AttributeError):
        return None


#: Where a cue may begin: not inside a word, and not on a space.
_CUE_START = kept(r"(?<![\w-])\S")

#: A section to scan whole: some alternative may match anywhere in this sentence.
EVERYWHERE: tuple[int, ...] = (-1,)


#: More distinct beginnings than this let most words through.
_MANY_STARTS = 300


def _weak(starts: frozenset[str]) -> bool:
    """Whether beginnings let through most words (any word starting with 'a')."""
    return len(starts) > _MANY_STARTS or any(
        len(chars) == 1 and not chars.isdigit() for chars in starts
    )


class StartIndex:
    """Where each section of a language can match in a sentence, found in one pass.

    For every place a cue may begin, the first one to three lower-case characters there
    are looked up once; the result lists, per section, the offsets its pattern has to be
    tried at.  A section with an alternative that can begin anywhere is scanned whole
    (:data:`EVERYWHERE`), when the literal that alternative needs is in the sentence.
    """

    __slots__ = ("_always", "_by_key", "_literals")

    def __init__(self, sections: Mapping[str, Iterable[str]]) -> None:
        by_key: dict[str, set[str]] = {}
        literals: dict[str, set[str]] = {}
        always: set[str] = set()
        for section, lowered in sections.items():
            for pattern in lowered:
                starts = prefixes(pattern)
                required = required_literals(pattern)
                if starts is not None and (required is None or not _weak(starts)):
                    for chars in starts:
                        by_key.setdefault(chars, set()).add(section)
                elif required is None:
                    always.add(section)
                else:
                    for literal in required:
                        literals.setdefault(literal, set()).add(section)
        # each key also stands for the shorter keys it begins with, so one lookup will do
        combined: dict[str, tuple[str, ...]] = {}
        for chars in sorted(by_key, key=len):
            found = set(by_key[chars])
            for width in range(1, len(chars)):
                found |= by_key.get(chars[:width], set())
            combined[chars] = tuple(sorted(found))
        self._by_key = combined
        self._always = frozenset(always)
        self._literals = tuple((literal, frozenset(names)) for literal, names in literals.items())

    def state(self) -> tuple[Any, ...]:
        """What :meth:`from_state` rebuilds the index from (kept with the built tables)."""
        return (self._by_key, self._always, self._literals)

    @classmethod
    def from_state(cls, state: Any) -> StartIndex:
        """The index :meth:`state` describes; ``ValueError`` when it is damaged."""
        by_key, always, literals = state
        if not isinstance(by_key, dict) or not isinstance(always, frozenset):
            raise ValueError("a damaged start index")
        index = cls.__new__(cls)
        index._by_key = {str(k): tuple(v) for k, v in by_key.items()}
        index._always = always
        index._literals = tuple((str(lit), frozenset(names)) for lit, names in literals)
        return index

    def plan(self, lower: str) -> dict[str, tuple[int, ...]]:
        """Per section, the offsets of ``lower`` where it may match (absent: nowhere)."""
        return _plan(self, lower)


@lru_cache(maxsize=1024)
def _plan(index: StartIndex, lower: str) -> dict[str, tuple[int, ...]]:
    by_key = index._by_key
    found: dict[str, list[int]] = {}
    for match in _CUE_START.finditer(lower):
        start = match.start()
        key = lower[start : start + _WIDTH]
        here = by_key.get(key) or by_key.get(key[:2]) or by_key.get(key[:1]) or ()
        for section in here:
            found.setdefault(section, []).append(start)
    plan = {section: tuple(offsets) for section, offsets in found.items()}
    for section in index._always:
        plan[section] = EVERYWHERE
    for literal, needing in index._literals:
        if literal in lower:
            for section in needing:
                plan[section] = EVERYWHERE
    return plan
