"""Medical jargon and the plain words to use instead, per language.

The lists ship as data files (``checker/data/jargon/<lang>.txt``), one entry per
line: ``term[, variant ...] = alternative[; alternative ...]``.  Projects add
terms and accept words from configuration, like Vale's vocabularies, without
editing the package.  Matching is case-insensitive, over whole words, and
tolerant of regular inflections (``adverse events`` matches ``adverse event``),
so a list names each term once.

Medical words most readers know ("nausea", "chronic") ship apart, in
``checker/data/familiar/<lang>.txt`` (same format): they are matched like jargon
but reported only as information.

The words of the plain alternatives, and a shipped list of everyday words
(``checker/data/everyday/<lang>.txt``), are never judged rare: they are what
health writers are told to use.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from checker.table_cache import cached_table
from checker.text.segment import WORD

#: Regular plural and inflection endings a listed word may carry, per language.
#: Irregular and derived forms are listed as variants in the data files.
_INFLECTIONS: dict[str, tuple[str, ...]] = {
    "en": ("s", "es"),
    "es": ("s", "es"),
    "fr": ("s", "x"),
    "de": ("e", "en", "n", "s", "es", "er", "ern", "em"),
    "it": (),  # Italian changes the final vowel instead: see _ITALIAN_PLURALS
    "nl": ("s", "en", "'s"),
}
#: Italian plurals replace an ending: ``farmaco`` -> ``farmaci``, ``malattia`` ->
#: ``malattie``, ``cronico`` -> ``cronici``/``cronica``/``croniche``.  Longest ending first.
_ITALIAN_PLURALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cia", ("ce", "cie")),
    ("gia", ("ge", "gie")),
    ("ico", ("ici", "ica", "iche", "ichi")),
    ("co", ("ci", "chi")),
    ("go", ("gi", "ghi")),
    ("ca", ("che",)),
    ("ga", ("ghe",)),
    ("io", ("i",)),
    ("o", ("i", "a", "e")),
    ("a", ("e", "i")),
    ("e", ("i",)),
)


def _inflections(word: str, lang: str) -> list[str]:
    """Regular inflected forms of a listed word (plural, and for Italian the gender forms)."""
    if lang == "it":
        for ending, replacements in _ITALIAN_PLURALS:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                return [word[: -len(ending)] + r for r in replacements]
        return []
    forms = [word + suffix for suffix in _INFLECTIONS.get(lang, ("s",))]
    if lang == "en":
        if len(word) > 3 and word.endswith("y") and word[-2] not in "aeiou":
            forms.append(word[:-1] + "ies")  # "antibody" -> "antibodies"
        elif word.endswith("sis"):
            forms.append(word[:-3] + "ses")  # "diagnosis" -> "diagnoses"
    return forms


#: Endings of English word forms and what the base word ends with instead, used to judge
#: how familiar a word is ("slowest" is as familiar as "slow", "steadier" as "steady").
#: Not "-er" alone: "transporter" and "promoter" are not as plain as their verbs.
_EN_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("iest", ("y",)),
    ("ier", ("y",)),
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("ing", ("", "e")),
    ("ed", ("", "e")),
    ("est", ("", "e")),
)

#: Everyday English prefixes: "unexplained" is as familiar as "explained".
_EN_PREFIXES = ("un", "re", "over", "under", "mis", "non", "out", "self")


def stems(word: str, lang: str) -> list[str]:
    """Base forms ``word`` may be an inflection of (``rashes`` -> ``rashe``, ``rash``).

    Some candidates are not words; callers look them up and keep what they find.
    """
    found = [
        word[: -len(suffix)]
        for suffix in _INFLECTIONS.get(lang, ("s",))
        if word.endswith(suffix) and len(word) - len(suffix) >= 3
    ]
    if lang == "it":
        found.extend(
            word[: -len(inflected)] + ending
            for ending, replacements in _ITALIAN_PLURALS
            for inflected in replacements
            if word.endswith(inflected) and len(word) - len(inflected) >= 3
        )
    if lang == "en":
        if word.endswith(("'s", "\u2019s")):
            found.append(word[:-2])  # "system's"
        # "unexplained", "retrained"; "re" only on verb forms: "resection" and
        # "remission" are not re-anything
        found.extend(
            word[len(prefix) :].lstrip("-")
            for prefix in _EN_PREFIXES
            if word.startswith(prefix)
            and len(word) - len(prefix) >= 4
            and (prefix != "re" or word.endswith(("ed", "ing")))
        )
        for ending, replacements in _EN_FORMS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                base = word[: -len(ending)]
                found.extend(base + r for r in replacements)
                if len(base) > 3 and base[-1] == base[-2]:  # "biggest", "stopped"
                    found.append(base[:-1])
                break
    return found


@dataclass(frozen=True, slots=True)
class Term:
    """A listed term: its canonical words and the plain alternatives."""

    words: tuple[str, ...]  # lower case, as listed
    alternatives: tuple[str, ...]
    origin: str  # "package", "familiar" (a word most readers know) or "config"
    entry: str = ""  # the entry's first form: every variant of an entry is one term

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def key(self) -> str:
        """What identifies the term across uses: "immunomodulatory" and "immunomodulator"
        (one entry) are one problem, reported once."""
        return self.entry or self.text


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int  # offsets in the text searched
    end: int
    term: Term


class LexiconError(ValueError):
    """A malformed line in a term list, with where it is."""


def parse_entries(lines: Iterable[str], where: str) -> Iterator[tuple[list[str], list[str]]]:
    """``(forms, alternatives)`` per entry line; raises :class:`LexiconError` with the line."""
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        left, sep, right = line.partition("=")
        forms = [f.strip().lower() for f in left.split(",") if f.strip()]
        alternatives = [a.strip() for a in right.split(";") if a.strip()]
        if not sep or not forms or not alternatives:
            raise LexiconError(
                f"{where}:{number}: expected 'term[, variant] = alternative[; alternative]'"
            )
        yield forms, alternatives


class Lexicon:
    """The terms of one language, indexed for matching word by word."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        # surface form of a word (lower case) -> the listed words it can stand for
        self._forms: dict[str, set[str]] = {}
        # first listed word -> terms starting with it (longest first)
        self._by_first: dict[str, list[tuple[tuple[str, ...], Term]]] = {}
        # words of the plain alternatives: what the lists recommend is never jargon
        self._plain: set[str] = set()
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, forms: list[str], alternatives: list[str], origin: str) -> None:
        """Add one entry; each form is matched as its own term with the same alternatives."""
        for form in forms:
            words = tuple(WORD.findall(form))
            if not words:
                continue
            term = Term(words, tuple(alternatives), origin, " ".join(WORD.findall(forms[0])))
            for word in words:
                self._forms.setdefault(word, set()).add(word)
                for inflected in _inflections(word, self.lang):
                    self._forms.setdefault(inflected, set()).add(word)
            bucket = self._by_first.setdefault(words[0], [])
            bucket[:] = [b for b in bucket if b[0] != words]  # a later entry overrides
            bucket.append((words, term))
            bucket.sort(key=lambda b: -len(b[0]))
        for alternative in alternatives:
            self._plain.update(w.lower() for w in WORD.findall(alternative))
        self._size += 1

    def encode(self) -> tuple[Any, ...]:
        """The lexicon as values ``marshal`` writes (see :func:`shipped_lexicon`)."""
        by_first = {
            first: [(words, (t.words, t.alternatives, t.origin, t.entry)) for words, t in bucket]
            for first, bucket in self._by_first.items()
        }
        return (self.lang, self._forms, by_first, self._plain, self._size)

    @classmethod
    def decode(cls, stored: Any) -> Lexicon:
        lang, forms, by_first, plain, size = stored
        lexicon = cls(lang)
        if not isinstance(forms, dict) or not isinstance(by_first, dict):
            raise ValueError("a damaged lexicon")
        lexicon._forms = forms
        lexicon._by_first = {
            first: [(tuple(words), Term(*term)) for words, term in bucket]
            for first, bucket in by_first.items()
        }
        lexicon._plain = set(plain)
        lexicon._size = int(size)
        return lexicon

    def copy(self) -> Lexicon:
        """A lexicon to add a project's terms to, leaving this one as it is."""
        other = Lexicon(self.lang)
        other._forms = {word: set(bases) for word, bases in self._forms.items()}
        other._by_first = {first: list(bucket) for first, bucket in self._by_first.items()}
        other._plain = set(self._plain)
        other._size = self._size
        return other

    def remove(self, phrase: str) -> None:
        """Accepted by the project: never report this term."""
        words = tuple(w.lower() for w in WORD.findall(phrase))
        if words and words[0] in self._by_first:
            self._by_first[words[0]] = [b for b in self._by_first[words[0]] if b[0] != words]

    def might_start(self, word: str) -> bool:
        """Whether ``word`` (any case) can begin a listed term: a cheap pre-filter."""
        bases = self._forms.get(word.lower())
        return bases is not None and any(b in self._by_first for b in bases)

    def is_form(self, word: str) -> bool:
        return word.lower() in self._forms

    def add_plain(self, words: Iterable[str]) -> None:
        """Words that are never jargon, though they may be rare in the language."""
        self._plain.update(words)

    def is_plain(self, lower: str) -> bool:
        """Whether a lower-case word, or its stem, is one the lists offer as a plain alternative.

        "tummy", "itchy" and "germs" are rare in general text but are exactly the words
        health writers are told to use.
        """
        plain = self._plain
        return lower in plain or any(stem in plain for stem in stems(lower, self.lang))

    def find(self, text: str) -> list[TermMatch]:
        """Listed terms in ``text``, longest match first, not overlapping."""
        matches = list(WORD.finditer(text))
        lowered = [m.group(0).lower() for m in matches]
        found: list[TermMatch] = []
        i = 0
        while i < len(lowered):
            matched = self.match_at(lowered, i)
            if matched is None:
                i += 1
                continue
            length, term = matched
            found.append(TermMatch(matches[i].start(), matches[i + length - 1].end(), term))
            i += length
        return found

    def match_at(self, lowered: list[str], i: int) -> tuple[int, Term] | None:
        """The longest listed term starting at word ``i`` of lower-cased words, if any.

        The word as written is tried before the listed words it may be an inflection of
        ("klinischen" before "klinische"), so the answer never depends on set order.
        """
        word = lowered[i]
        for base in sorted(self._forms.get(word, ()), key=lambda b: (b != word, b)):
            for words, term in self._by_first.get(base, ()):
                if i + len(words) > len(lowered):
                    continue
                if all(
                    words[k] in self._forms.get(lowered[i + k], ()) for k in range(1, len(words))
                ):
                    return len(words), term
        return None


@cache
def package_entries(
    lang: str, folder: str = "jargon"
) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The shipped list for ``lang`` from ``checker/data/<folder>/`` (empty when none).

    ``jargon`` holds the terms many readers do not know; ``familiar`` the medical words
    most readers know, which have a plainer word all the same ("nausea", "chronic");
    ``wordy`` the wordy phrases and their swaps (:mod:`checker.plain.wordy`).
    """
    item = resources.files("checker") / "data" / folder / f"{lang}.txt"
    if not item.is_file():
        return ()
    lines = item.read_text(encoding="utf-8").splitlines()
    return tuple(
        (tuple(forms), tuple(alts)) for forms, alts in parse_entries(lines, f"{folder}/{lang}.txt")
    )


@cache
def everyday_words(lang: str) -> frozenset[str]:
    """Words every adult knows though general text rarely uses them ("tummy", "carer").

    Shipped per language in ``checker/data/everyday/<lang>.txt``; they are never rare.
    """
    item = resources.files("checker") / "data" / "everyday" / f"{lang}.txt"
    if not item.is_file():
        return frozenset()
    lines = item.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in (line.strip().lower() for line in lines) if w and w[0] != "#")


def _package_lexicon(lang: str) -> Lexicon:
    lexicon = Lexicon(lang)
    lexicon.add_plain(everyday_words(lang))
    for forms, alternatives in package_entries(lang, "familiar"):
        lexicon.add(list(forms), list(alternatives), "familiar")
    for forms, alternatives in package_entries(lang):
        lexicon.add(list(forms), list(alternatives), "package")
    return lexicon


@cache
def shipped_lexicon(lang: str) -> Lexicon:
    """The shipped lists of ``lang``, indexed: kept on disk with the tables (indexing them
    takes a start 13 ms), keyed by the lists' bytes."""
    digest = hashlib.blake2b(digest_size=10)
    for folder in ("everyday", "familiar", "jargon"):
        item = resources.files("checker") / "data" / folder / f"{lang}.txt"
        digest.update(item.read_bytes() if item.is_file() else b"-")
        digest.update(b"\0")
    return cached_table(
        f"lexicon-{lang}",
        digest.hexdigest(),
        lambda: _package_lexicon(lang),
        Lexicon.encode,
        Lexicon.decode,
    )


def build_lexicon(
    lang: str,
    extra_terms: Mapping[str, Iterable[str]] = {},
    accept: Iterable[str] = (),
) -> Lexicon:
    """The package list for ``lang``, plus the project's terms, minus what it accepts."""
    accept = tuple(accept)
    shipped = shipped_lexicon(lang)
    if not extra_terms and not accept:
        return shipped
    lexicon = shipped.copy()
    for term, plain_words in extra_terms.items():
        lexicon.add([term.lower()], list(plain_words), "config")
    for phrase in accept:
        lexicon.remove(phrase)
    return lexicon


_cached: dict[tuple[str, tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]], Lexicon] = {}


def lexicon_for(
    lang: str, extra_terms: Mapping[str, Iterable[str]] = {}, accept: Iterable[str] = ()
) -> Lexicon:
    """A shared lexicon per (language, project terms, accept list)."""
    accepted = tuple(sorted(accept))
    key = (lang, tuple(sorted((k, tuple(v)) for k, v in extra_terms.items())), accepted)
    found = _cached.get(key)
    if found is None:
        found = _cached[key] = build_lexicon(lang, extra_terms, accepted)
    return found
