"""Wordy phrases and the plain swaps that can replace them ("in order to" -> "to").

Hemingway and write-good offer these with no server; LanguageTool's style rules
(GRM003) only when one runs.  The lists ship as data (``checker/data/wordy/<lang>.txt``,
``phrase[, variant ...] = swap[; swap ...]``).  Unlike the jargon lists, each form is
matched exactly as listed (case-insensitive, whole words, any run of spaces between
words) and never inflected: the first swap is what an editor's "apply fix" puts in
place of the words found, so "utilised" needs its own line with "used".  Projects add
phrases per language (``wordy.xx``) and silence one with ``accept``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from checker.compiled_patterns import compile_kept
from checker.model import BlockKind, Document
from checker.plain.lexicon import package_entries
from checker.text.segment import WORD

#: What may not touch a phrase on either side: "to" in "in order to" is not "tomorrow".
_EDGE = r"\w'\u2019-"


@dataclass(frozen=True, slots=True)
class WordyHit:
    """One wordy phrase in one block: its span in the block's text and its swaps."""

    block: int
    start: int
    end: int
    text: str  # as written
    phrase: str  # as listed (lower case)
    swaps: tuple[str, ...]  # in the case of the text: "In order to" -> "To"


def _key(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def matching_case(written: str, swap: str) -> str:
    """``swap`` in the case of the words it replaces: a capital at a sentence's start stays,
    a phrase in capitals is replaced in capitals."""
    if len(written) > 1 and written.isupper():
        return swap.upper()
    if written[:1].isupper():
        return swap[:1].upper() + swap[1:]
    return swap


class WordyPhrases:
    """The phrases of one language, as one pattern that prefers the longest phrase."""

    def __init__(self, entries: Mapping[str, tuple[str, ...]], kept_as: str = "") -> None:
        """``kept_as`` names the compiled pattern on disk (the shipped lists: compiling
        a language's list takes 10 ms of every start)."""
        self.swaps = {_key(phrase): swaps for phrase, swaps in entries.items() if _key(phrase)}
        self._firsts = frozenset(phrase.split()[0] for phrase in self.swaps)
        self._pattern: re.Pattern[str] | None = None
        if self.swaps:
            alternatives = sorted(self.swaps, key=lambda p: (-len(p), p))
            body = "|".join(
                r"\s+".join(re.escape(w).replace("'", "['\u2019]") for w in phrase.split())
                for phrase in alternatives
            )
            source = rf"(?<![{_EDGE}])(?:{body})(?![{_EDGE}])"
            if kept_as:
                found = compile_kept(kept_as, {"phrases": (source, int(re.IGNORECASE))})
                self._pattern = found["phrases"]
            else:
                self._pattern = re.compile(source, re.IGNORECASE)

    def __len__(self) -> int:
        return len(self.swaps)

    def find_in(self, text: str) -> Iterator[tuple[int, int, str, tuple[str, ...]]]:
        """``(start, end, phrase, swaps)`` of every listed phrase in ``text``.

        The pattern is tried only where a word that starts some phrase starts: scanning
        every position with an alternation of a hundred phrases cost the whole check 15%."""
        pattern = self._pattern
        if pattern is None:
            return
        firsts = self._firsts
        lowered = text.lower().replace("\u2019", "'")
        if len(lowered) != len(text):  # lower-casing moved offsets ('İ'): no shortcut
            yield from self._scan(text)
            return
        end = 0
        for word in WORD.finditer(lowered):
            start = word.start()
            if start < end or word.group(0) not in firsts:
                continue
            match = pattern.match(text, start)
            if match is None:
                continue
            end = match.end()
            yield self._hit(match)

    def _scan(self, text: str) -> Iterator[tuple[int, int, str, tuple[str, ...]]]:
        assert self._pattern is not None
        for match in self._pattern.finditer(text):
            yield self._hit(match)

    def _hit(self, match: re.Match[str]) -> tuple[int, int, str, tuple[str, ...]]:
        written = match.group(0)
        phrase = _key(written)
        swaps = tuple(matching_case(written, s) for s in self.swaps[phrase])
        return match.start(), match.end(), phrase, swaps

    def find(self, document: Document) -> list[WordyHit]:
        """Every listed phrase of ``document``, outside reference lists (titles of cited
        papers are not the writer's to rephrase)."""
        hits: list[WordyHit] = []
        for index, block in enumerate(document.blocks):
            if block.kind is BlockKind.REFERENCE or not block.text:
                continue
            for start, end, phrase, swaps in self.find_in(block.text):
                hits.append(WordyHit(index, start, end, block.text[start:end], phrase, swaps))
        return hits


@cache
def package_phrases(lang: str) -> dict[str, tuple[str, ...]]:
    """The shipped phrases of ``lang`` (empty when the package has none)."""
    return {form: swaps for forms, swaps in package_entries(lang, "wordy") for form in forms}


def wordy_for(
    lang: str, extra: Mapping[str, tuple[str, ...]], accept: Iterable[str]
) -> WordyPhrases:
    """The shipped phrases of ``lang`` with the project's own, less the accepted ones."""
    return _wordy_for(lang, tuple(sorted(extra.items())), frozenset(map(_key, accept)))


@cache
def _wordy_for(
    lang: str, extra: tuple[tuple[str, tuple[str, ...]], ...], accepted: frozenset[str]
) -> WordyPhrases:
    entries = {**package_phrases(lang), **dict(extra)}
    kept_as = "" if extra or accepted else f"wordy-{lang}"  # the shipped list, unchanged
    return WordyPhrases({p: s for p, s in entries.items() if _key(p) not in accepted}, kept_as)
