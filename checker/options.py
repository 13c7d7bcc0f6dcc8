"""Every configuration option, declared once: its key, type, default, range, help and rules.

The option dataclasses the rules read (:class:`ReadabilityOptions`, :class:`ClaimsOptions`
...) live here, beside the declarations of their keys, so that a rule module imports its
options without importing the configuration reader (:mod:`checker.config`), and the
reader validates every table with one generic function, :func:`read_table`.  A number
outside its range, ``nan`` or ``inf`` is refused with the range in the message;
``checker explain`` lists the options a rule reads from the ``rules`` of each declaration.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from checker.model import Severity


class OptionError(ValueError):
    """A value that does not fit its option: ``where`` is the key path, below the table."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class Kind(Enum):
    BOOL = "true or false"
    NUMBER = "a number"
    WHOLE = "a whole number"
    STRING = "a non-empty string"
    STRINGS = "a list of strings"
    PATTERNS = "a list of regular expressions"


#: How a structured value is read: (value, where) -> the option's value; raises OptionError.
Reader = Callable[[Any, str], Any]


@dataclass(frozen=True, slots=True)
class Option:
    """One key of a configuration table."""

    key: str
    kind: Kind | Reader
    help: str
    low: float = -math.inf
    high: float = math.inf
    #: the lowest value is excluded (a timeout of 0 is no timeout)
    above_low: bool = False
    #: the rules whose findings the option changes, for ``checker explain``
    rules: tuple[str, ...] = ()

    @property
    def attr(self) -> str:
        """The field of the options dataclass that holds the value."""
        return self.key.replace("-", "_")

    def read(self, value: Any, where: str) -> Any:
        """The value, checked against the declaration."""
        if not isinstance(self.kind, Kind):
            return self.kind(value, where)
        if self.kind is Kind.BOOL:
            if not isinstance(value, bool):
                raise OptionError(where, "expected true or false")
            return value
        if self.kind in (Kind.NUMBER, Kind.WHOLE):
            return self._number(value, where)
        if self.kind is Kind.STRING:
            if not isinstance(value, str) or not value.strip():
                raise OptionError(where, "expected a non-empty string")
            return value
        found = strings(value, where)
        if self.kind is Kind.PATTERNS:
            for pattern in found:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise OptionError(where, f"invalid pattern {pattern!r}: {exc}") from None
        return found

    def _number(self, value: Any, where: str) -> float | int:
        whole = self.kind is Kind.WHOLE
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if not is_number or not math.isfinite(value):
            raise OptionError(where, f"expected {self.expects()}")
        if whole and not float(value).is_integer():
            raise OptionError(where, f"expected {self.expects()}")
        too_low = value <= self.low if self.above_low else value < self.low
        if too_low or value > self.high:
            raise OptionError(where, f"expected {self.expects()}")
        return int(value) if whole else float(value)

    def expects(self) -> str:
        """What the option takes, in words: "a number from 0 to 22", "a positive number"."""
        if not isinstance(self.kind, Kind):
            return self.help
        noun = self.kind.value
        if self.kind not in (Kind.NUMBER, Kind.WHOLE):
            return noun
        if self.low == 0 and self.above_low and self.high == math.inf:
            return f"a positive {noun[2:]}"
        if self.high == math.inf:
            return f"{noun} of {self.low:g} or more"
        return f"{noun} from {self.low:g} to {self.high:g}"


def strings(value: Any, where: str) -> tuple[str, ...]:
    """A string or a list of strings, as a tuple."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OptionError(where, "expected a list of strings")
    return tuple(value)


def table(value: Any, where: str, shape: str = "a table") -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise OptionError(where, f"expected {shape}")
    return value


def read_table(
    value: Any, options: Iterable[Option], where: str, *, skip: Iterable[str] = ()
) -> dict[str, Any]:
    """``{attr: value}`` for a TOML table, every key checked against its declaration.

    An unknown key is an error that lists the known ones; ``skip`` names sub-tables the
    caller reads itself (``languages`` under ``readability``).
    """
    declared = {o.key: o for o in options}
    out: dict[str, Any] = {}
    skipped = set(skip)
    for key, item in table(value, where).items():
        if key in skipped:
            continue
        option = declared.get(key)
        if option is None:
            known = ", ".join(sorted({*declared, *skipped}))
            raise OptionError(f"{where}.{key}", f"unknown key (known keys: {known})")
        out[option.attr] = option.read(item, f"{where}.{key}")
    return out


def language_tables(
    value: Any, where: str, shape: str
) -> Iterator[tuple[str, str, tuple[str, ...], str]]:
    """``[key.xx] name = ["..."]`` tables: (language, name, strings, where) per entry."""
    table(value, where, f"a table per language: [..{where.rsplit('.', 1)[-1]}.en]")
    for lang, entries in value.items():
        for name, found in table(entries, f"{where}.{lang}", shape).items():
            entry = f"{where}.{lang}.{name}"
            yield lang, name, strings(found, entry), entry


def documented(options: Iterable[Option], code: str) -> list[Option]:
    """The options that change a rule's findings."""
    return [o for o in options if code in o.rules]


# -- readability: the RDG rules' thresholds ------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReadabilityOptions:
    """Thresholds of the RDG rules; each can be set per language and per folder."""

    target_grade: float = 8.0
    #: RDG001 warns above target + margin: formulas disagree by about two grades on one text
    grade_margin: float = 2.0
    long_sentence_words: int = 30
    long_paragraph_words: int = 150
    passive_voice_percent: float = 10.0
    hard_sentence_score: float = 5.0
    hardest_sentences: int = 3


#: Sentence-length defaults that suit each language's usual sentence length.
LANGUAGE_DEFAULTS: dict[str, dict[str, Any]] = {
    "es": {"long_sentence_words": 35},
    "fr": {"long_sentence_words": 35},
    "it": {"long_sentence_words": 35},
}

READABILITY = (
    Option(
        "target-grade",
        Kind.NUMBER,
        "the school grade articles should be readable at",
        0,
        22,
        rules=("RDG001", "TRN012"),
    ),
    Option(
        "grade-margin",
        Kind.NUMBER,
        "grades above the target before RDG001 warns",
        0,
        22,
        rules=("RDG001",),
    ),
    Option(
        "long-sentence-words",
        Kind.WHOLE,
        "words above which a sentence is long (35 for Spanish, French and Italian)",
        1,
        1000,
        rules=("RDG003",),
    ),
    Option(
        "long-paragraph-words",
        Kind.WHOLE,
        "words above which a paragraph is long",
        1,
        100_000,
        rules=("RDG004",),
    ),
    Option(
        "passive-voice-percent",
        Kind.NUMBER,
        "share of passive sentences above which RDG005 reports",
        0,
        100,
        rules=("RDG005",),
    ),
    Option(
        "hard-sentence-score",
        Kind.NUMBER,
        "difficulty (1-6) from which a sentence is very hard; above 6 turns RDG002 off",
        1,
        7,
        rules=("RDG002",),
    ),
    Option(
        "hardest-sentences",
        Kind.WHOLE,
        "how many of the hardest sentences each article lists",
        0,
        1000,
        rules=("RDG001",),
    ),
)


# -- plain language -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlainLanguageOptions:
    """``[tool.checker.plain-language]``: the project's vocabulary and targets."""

    accept: tuple[str, ...] = ()  # words and phrases never reported as jargon
    terms: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # lang -> term
    #: lang -> wordy phrase -> plain swaps, added to the shipped lists (PLN007)
    wordy: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    known_abbreviations: tuple[str, ...] = ()  # added to the shipped list
    complex_language_percent: float = 15.0  # target for the complex-language share
    rare_zipf: dict[str, float] = field(default_factory=dict)  # lang -> threshold


def _accepted(value: Any, where: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in strings(value, where))


def _terms(value: Any, where: str) -> dict[str, dict[str, tuple[str, ...]]]:
    terms: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang, term, found, entry in language_tables(value, where, 'term = "alternative"'):
        if not found:
            raise OptionError(entry, "give an alternative")
        terms.setdefault(lang, {})[term.lower()] = found
    return terms


_ZIPF = Option("zipf", Kind.NUMBER, "a Zipf frequency", 0, 8)


def _rare_zipf(value: Any, where: str) -> dict[str, float]:
    items = table(value, where, "a table of language = Zipf frequency").items()
    return {lang: _ZIPF.read(v, f"{where}.{lang}") for lang, v in items}


PLAIN_LANGUAGE = (
    Option(
        "accept",
        _accepted,
        "words and phrases never reported",
        rules=("PLN001", "PLN002", "PLN007"),
    ),
    Option(
        "terms",
        _terms,
        "the project's jargon and plain alternatives, per language",
        rules=("PLN001",),
    ),
    Option(
        "wordy",
        _terms,
        "the project's wordy phrases and plain swaps, per language",
        rules=("PLN007",),
    ),
    Option(
        "known-abbreviations",
        Kind.STRINGS,
        "abbreviations readers know, added to the shipped list",
        rules=("PLN005",),
    ),
    Option(
        "complex-language-percent",
        Kind.NUMBER,
        "share of complex words above which PLN004 warns",
        0,
        100,
        rules=("PLN004",),
    ),
    Option(
        "rare-zipf",
        _rare_zipf,
        "Zipf frequency below which a word is unfamiliar, per language",
        rules=("PLN002",),
    ),
)


# -- claims ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimsOptions:
    """``[tool.checker.claims]``: what counts as cited, where claims are looked for."""

    paragraph_citations: bool = True  # a citation in a paragraph covers its sentences
    reference_section: bool = True  # a Sources/References section covers the article's claims
    self_reports: bool = True  # a study or review summary is the source of its own results
    unsourced_min_claims: int = 3  # CLM005: claims an article without sources must make
    check_headings: bool = False
    check_quotes: bool = False
    cues: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # lang -> section


def _cues(value: Any, where: str) -> dict[str, dict[str, tuple[str, ...]]]:
    from checker.claims.cues import SECTIONS as CUE_SECTIONS  # compiled cues are not needed

    cues: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang, section, found, entry in language_tables(value, where, 'section = ["pattern"]'):
        if section not in CUE_SECTIONS:
            raise OptionError(entry, f"unknown section (known: {', '.join(CUE_SECTIONS)})")
        for pattern in found:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise OptionError(entry, f"bad pattern {pattern!r}: {exc}") from None
        cues.setdefault(lang, {})[section] = found
    return cues


_CLAIM_RULES = ("CLM001", "CLM002", "CLM004", "CLM005", "CLM006", "NUM001")

CLAIMS = (
    Option(
        "paragraph-citations",
        Kind.BOOL,
        "a citation in a paragraph covers its sentences",
        rules=_CLAIM_RULES,
    ),
    Option(
        "reference-section",
        Kind.BOOL,
        "a Sources or References section covers the article's claims",
        rules=_CLAIM_RULES,
    ),
    Option(
        "self-reports",
        Kind.BOOL,
        "a study or review summary is the source of its own results",
        rules=_CLAIM_RULES,
    ),
    Option(
        "unsourced-min-claims",
        Kind.WHOLE,
        "claims an article without sources must make before CLM005 warns",
        1,
        rules=("CLM005",),
    ),
    Option("check-headings", Kind.BOOL, "look for claims in headings", rules=_CLAIM_RULES),
    Option("check-quotes", Kind.BOOL, "look for claims in quotations", rules=_CLAIM_RULES),
    Option("cues", _cues, "the project's own claim cues, per language", rules=_CLAIM_RULES),
)


# -- translations ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class I18nOptions:
    """``[tool.checker.i18n]``: where catalogs live, which locales, and translation limits."""

    locales_dir: str = "locales"
    locales: tuple[str, ...] = ()  # empty: every locale folder under locales_dir
    source_language: str = ""  # empty: the default language
    build_dir: str = "content/{locale}"
    min_translated: float = 80.0  # percent of units below which build refuses
    obsolete_percent: float = 20.0  # TRN003: obsolete entries as a share of the live ones
    length_ratio: tuple[float, float] = (0.5, 2.0)  # TRN009: translation/source lengths
    #: compendiums (.po) and TMX files that fill untranslated units, besides the locale's
    #: other catalogs (paths relative to the configuration file's folder)
    memory: tuple[str, ...] = ()
    memory_review: bool = True  # units filled from the memory are marked fuzzy for review
    memory_fuzzy: bool = False  # also fill from close (not exact) matches, always fuzzy
    glossary_dir: str = "locales/glossary"  # <locale>.csv (or .tbx): approved term translations


def _build_dir(value: Any, where: str) -> str:
    folder = Option("build-dir", Kind.STRING, "").read(value, where)
    if "{locale}" not in folder:
        raise OptionError(where, "the folder must contain '{locale}'")
    return str(folder)


def _length_ratio(value: Any, where: str) -> tuple[float, float]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(
            isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x) and x > 0
            for x in value
        )
        or value[0] >= value[1]
    ):
        raise OptionError(where, "expected [lowest, highest], such as [0.5, 2.0]")
    return (float(value[0]), float(value[1]))


I18N = (
    Option("locales-dir", Kind.STRING, "the folder of the catalogs"),
    Option("locales", Kind.STRINGS, "the locales to keep (default: every folder)"),
    Option("source-language", Kind.STRING, "the language articles are written in"),
    Option("build-dir", _build_dir, "where translated articles are built, with {locale}"),
    Option(
        "min-translated",
        Kind.NUMBER,
        "percent of units translated below which build refuses",
        0,
        100,
    ),
    Option(
        "obsolete-percent",
        Kind.NUMBER,
        "obsolete entries, as a share of the live ones, above which TRN003 reports",
        0,
        100,
        rules=("TRN003",),
    ),
    Option(
        "length-ratio",
        _length_ratio,
        "[lowest, highest] translation/source length outside which TRN009 reports",
        rules=("TRN009",),
    ),
    Option("memory", Kind.STRINGS, "compendium .po and .tmx files that fill untranslated units"),
    Option("memory-review", Kind.BOOL, "mark units filled from the translation memory fuzzy"),
    Option("memory-fuzzy", Kind.BOOL, "also fill untranslated units from close matches"),
    Option(
        "glossary-dir",
        Kind.STRING,
        "the folder of the glossaries (<locale>.csv or .tbx)",
        rules=("TRN013",),
    ),
)


# -- LanguageTool ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LanguageToolOptions:
    """``[tool.checker.languagetool]``: where LanguageTool runs and which of its rules apply."""

    url: str = ""  # a server; empty: $CHECKER_LANGUAGETOOL_URL, then a local install
    local: bool = True  # start a local LanguageTool when Java and an install are present
    timeout: float = 20.0  # seconds per request
    batch_characters: int = 8000  # blocks are sent together up to this many characters
    variants: dict[str, str] = field(
        default_factory=lambda: {"en": "en-US", "de": "de-DE", "pt": "pt-PT", "nl": "nl"}
    )
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    picky: bool = False  # LanguageTool's "picky" level: more style rules
    category_severity: dict[str, str] = field(default_factory=dict)  # TYPOS = "error"
    cache: bool = True  # keep results in .checker-cache/languagetool/


def _url(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise OptionError(where, "expected an http:// or https:// URL")
    return value


def _string_table(value: Any, where: str) -> Mapping[str, str]:
    if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
        raise OptionError(where, "expected a table of strings")
    return value


def _variants(value: Any, where: str) -> dict[str, str]:
    return {**LanguageToolOptions().variants, **dict(_string_table(value, where))}


def _category_severity(value: Any, where: str) -> dict[str, str]:
    for category, level in _string_table(value, where).items():
        try:
            Severity.parse(level)
        except ValueError as exc:
            raise OptionError(f"{where}.{category}", str(exc)) from None
    return {str(k).upper(): v.lower() for k, v in value.items()}


_GRAMMAR_RULES = ("GRM001", "GRM002", "GRM003", "GRM004")

LANGUAGETOOL = (
    Option("url", _url, "a LanguageTool server", rules=_GRAMMAR_RULES),
    Option("local", Kind.BOOL, "start a local LanguageTool when one is installed"),
    Option("timeout", Kind.NUMBER, "seconds per request", 0, above_low=True),
    Option(
        "batch-characters",
        Kind.WHOLE,
        "blocks are sent together up to this many characters",
        0,
        above_low=True,
    ),
    Option("variants", _variants, "the LanguageTool variant per language", rules=_GRAMMAR_RULES),
    Option("enabled-rules", Kind.STRINGS, "LanguageTool rules to add", rules=_GRAMMAR_RULES),
    Option("disabled-rules", Kind.STRINGS, "LanguageTool rules to leave out", rules=_GRAMMAR_RULES),
    Option(
        "enabled-categories", Kind.STRINGS, "LanguageTool categories to add", rules=_GRAMMAR_RULES
    ),
    Option(
        "disabled-categories",
        Kind.STRINGS,
        "LanguageTool categories to leave out",
        rules=_GRAMMAR_RULES,
    ),
    Option("picky", Kind.BOOL, "LanguageTool's picky level: more style rules", rules=("GRM003",)),
    Option(
        "category-severity",
        _category_severity,
        "the severity of a LanguageTool category (TYPOS = 'error')",
        rules=_GRAMMAR_RULES,
    ),
    Option("cache", Kind.BOOL, "keep LanguageTool's answers in the cache folder"),
)

#: Where each section's options are declared, by the key of its table.
SECTIONS: dict[str, tuple[Option, ...]] = {
    "readability": READABILITY,
    "plain-language": PLAIN_LANGUAGE,
    "claims": CLAIMS,
    "i18n": I18N,
    "languagetool": LANGUAGETOOL,
}

_DEFAULTS: dict[str, Any] = {
    "readability": ReadabilityOptions(),
    "plain-language": PlainLanguageOptions(),
    "claims": ClaimsOptions(),
    "i18n": I18nOptions(),
    "languagetool": LanguageToolOptions(),
}


def options_of(code: str) -> list[str]:
    """One line per option that changes a rule's findings: table, key, default and range."""
    lines = []
    for section, options in SECTIONS.items():
        for option in documented(options, code):
            default = getattr(_DEFAULTS[section], option.attr)
            shown = f" = {_toml(default)}" if isinstance(default, int | float | str) else ""
            kind = f" ({option.expects()})" if isinstance(option.kind, Kind) else ""
            lines.append(f"[tool.checker.{section}] {option.key}{shown}: {option.help}{kind}")
    return lines


def _toml(value: int | float | str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else f"{value:g}"
