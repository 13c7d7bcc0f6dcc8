"""Configuration: ``[tool.checker]`` in the nearest ``pyproject.toml``, or ``checker.toml``.

The file is validated strictly: an unknown key or a value of the wrong type is an
error naming the file and the key, because a silently ignored typo in a linter
configuration is worse than none.  Command-line flags override the file.
"""

from __future__ import annotations

import fnmatch
import math
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.model import Severity
from checker.paths import shown

DEFAULT_FRONT_MATTER_FIELDS = ("title", "description", "question", "answer", "summary")

#: Lines that scraping leaves behind: navigation, teaser links, share buttons.
DEFAULT_BOILERPLATE = (
    r"view details?",
    r"more details?",
    r"read more(?: about this)?",
    r"learn more",
    r"see more",
    r"show more",
    r"continue reading",
    r"click here",
    r"home",
    r"back to top",
    r"skip to (?:main )?content",
    r"share(?: this(?: article| page)?)?",
    r"print(?: this page)?",
    r"previous(?: article| post)?",
    r"next(?: article| post)?",
    r"related (?:articles|posts)",
    r"advertisement",
    r"leer m[aá]s",
    r"ver detalles",
    r"lire la suite",
    r"en savoir plus",
    r"weiterlesen",
    r"mehr erfahren",
    r"mehr lesen",
)


class ConfigError(Exception):
    """A configuration problem, with the file and key it is about."""


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


@dataclass(frozen=True, slots=True)
class PlainLanguageOptions:
    """``[tool.checker.plain-language]``: the project's vocabulary and targets."""

    accept: tuple[str, ...] = ()  # words and phrases never reported as jargon
    terms: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # lang -> term
    known_abbreviations: tuple[str, ...] = ()  # added to the shipped list
    complex_language_percent: float = 15.0  # target for the complex-language share
    rare_zipf: dict[str, float] = field(default_factory=dict)  # lang -> threshold


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


_LANGUAGETOOL_KEYS = tuple(f.name.replace("_", "-") for f in fields(LanguageToolOptions))

_I18N_KEYS = (
    "locales-dir",
    "locales",
    "source-language",
    "build-dir",
    "min-translated",
    "obsolete-percent",
    "length-ratio",
)

_CLAIMS_KEYS = (
    "paragraph-citations",
    "reference-section",
    "self-reports",
    "unsourced-min-claims",
    "check-headings",
    "check-quotes",
    "cues",
)

_PLAIN_KEYS = ("accept", "terms", "known-abbreviations", "complex-language-percent", "rare-zipf")

_READABILITY_KEYS = {f.name.replace("_", "-"): f.name for f in fields(ReadabilityOptions)}


@dataclass(frozen=True, slots=True)
class Override:
    """Options for the files matching ``patterns`` (paths relative to the config file)."""

    patterns: tuple[str, ...]
    readability: dict[str, Any]


@dataclass(frozen=True)
class Config:
    """The whole configuration after defaults, file and command line are combined."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None  # the file it was read from
    paths: tuple[str, ...] = ("content",)
    default_language: str = "en"
    detect_language: bool = True  # an article that declares no language: read it as detected
    follow_links: bool = False  # read files a folder walk reaches by a link out of the folder
    languages: tuple[str, ...] = ("en", "es", "fr", "de", "it", "nl")
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    max_file_size: int = 5_000_000
    cache_dir: str = ".checker-cache"  # relative to the root; safe to delete
    front_matter_fields: tuple[str, ...] = DEFAULT_FRONT_MATTER_FIELDS
    boilerplate: tuple[str, ...] = DEFAULT_BOILERPLATE
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    readability: dict[str, Any] = field(default_factory=dict)
    readability_by_language: dict[str, dict[str, Any]] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    plain_language: PlainLanguageOptions = field(default_factory=PlainLanguageOptions)
    claims: ClaimsOptions = field(default_factory=ClaimsOptions)
    i18n: I18nOptions = field(default_factory=I18nOptions)
    languagetool: LanguageToolOptions = field(default_factory=LanguageToolOptions)

    @property
    def cache_folder(self) -> Path:
        """Where results and LanguageTool answers are kept between runs (safe to delete)."""
        return self.root / self.cache_dir

    @property
    def source_language(self) -> str:
        """The language articles are written in and translated from."""
        return self.i18n.source_language or self.default_language

    def relative(self, path: Path) -> str:
        """``path`` relative to the configuration root, with forward slashes."""
        try:
            return _resolved(path).relative_to(_resolved_folder(self.root)).as_posix()
        except ValueError:
            return path.as_posix()

    def readability_for(self, lang: str, rel_path: str) -> ReadabilityOptions:
        """Thresholds for one article: defaults, language, file, language in file, folders."""
        values: dict[str, Any] = dict(LANGUAGE_DEFAULTS.get(lang, {}))
        values.update(self.readability)
        values.update(self.readability_by_language.get(lang, {}))
        for override in self.overrides:
            if any(fnmatch.fnmatch(rel_path, p) for p in override.patterns):
                values.update(override.readability)
        return replace(ReadabilityOptions(), **values)

    def ignored_for(self, rel_path: str) -> tuple[str, ...]:
        codes: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel_path, pattern):
                codes.extend(selectors)
        return tuple(codes)


# -- loading --------------------------------------------------------------------------


def find_config_file(start: Path) -> Path | None:
    """The nearest ``checker.toml``, or ``pyproject.toml`` with ``[tool.checker]``.

    A ``pyproject.toml`` that is not valid TOML but mentions ``tool.checker`` is returned,
    so that the run stops on its error rather than silently using the defaults.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "checker.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError:
                if "tool.checker" in text:
                    return candidate  # ours but broken: load_config names the line
                continue
            if isinstance(data.get("tool"), dict) and "checker" in data["tool"]:
                return candidate
    return None


@lru_cache(maxsize=4096)
def _resolved_folder(folder: Path) -> Path:
    return folder.resolve()


def _resolved(path: Path) -> Path:
    """``path.resolve()``, with its folders resolved once per run: a large check asks often."""
    if path.is_symlink() or path.name in ("", ".", ".."):
        return path.resolve()
    return _resolved_folder(path.absolute().parent) / path.name


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    """Read the configuration file (explicit, or the nearest one) into a :class:`Config`."""
    path = explicit if explicit is not None else find_config_file(start or Path.cwd())
    if path is None:
        return Config(root=(start or Path.cwd()).resolve())
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{shown(path)}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown(path)}: cannot read configuration: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown(path)}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("checker", {})
        prefix = "tool.checker"
    else:
        table = data.get("tool", {}).get("checker", data)
        prefix = "tool.checker" if "tool" in data else ""
    return parse_config(table, path, prefix)


def _fail(path: Path, key: str, message: str) -> ConfigError:
    return ConfigError(f"{shown(path)}: {key}: {message}")


def _strings(value: Any, path: Path, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, key, "expected a list of strings")
    return tuple(value)


def _readability_table(value: Any, path: Path, key: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise _fail(path, key, "expected a table")
    out: dict[str, Any] = {}
    defaults = ReadabilityOptions()
    for name, item in value.items():
        attr = _READABILITY_KEYS.get(name)
        if attr is None:
            known = ", ".join(sorted(_READABILITY_KEYS))
            raise _fail(path, f"{key}.{name}", f"unknown key (known keys: {known})")
        expected = type(getattr(defaults, attr))
        where = f"{key}.{name}"
        if isinstance(item, bool) or not isinstance(item, int | float) or not math.isfinite(item):
            raise _fail(path, where, "expected a number")
        if expected is int and not float(item).is_integer():
            raise _fail(path, where, "expected a whole number")
        low, high = _READABILITY_RANGES[attr]
        if not low <= item <= high:
            raise _fail(path, where, f"expected a number from {low:g} to {high:g}")
        out[attr] = expected(item)
    return out


#: What each readability option can meaningfully be (a grade outside 0-22 is no grade).
_READABILITY_RANGES: dict[str, tuple[float, float]] = {
    "target_grade": (0, 22),
    "grade_margin": (0, 22),
    "long_sentence_words": (1, 1000),
    "long_paragraph_words": (1, 100_000),
    "passive_voice_percent": (0, 100),
    "hard_sentence_score": (1, 7),  # the score is 1-6; above 6 turns RDG002 off
    "hardest_sentences": (0, 1000),
}


def parse_config(table: Mapping[str, Any], path: Path, prefix: str = "tool.checker") -> Config:
    """Validate a ``[tool.checker]`` table; errors name the file and the key."""

    def key_name(name: str) -> str:
        return f"{prefix}.{name}" if prefix else name

    from checker.rules import resolve_selectors  # late: rules import config

    values: dict[str, Any] = {"root": path.parent.resolve(), "source": path}
    for name, value in table.items():
        key = key_name(name)
        if name == "paths":
            values["paths"] = _strings(value, path, key)
        elif name == "default-language":
            if not isinstance(value, str):
                raise _fail(path, key, "expected a language code such as 'en'")
            values["default_language"] = value
        elif name == "detect-language":
            if not isinstance(value, bool):
                raise _fail(path, key, "expected true or false")
            values["detect_language"] = value
        elif name == "follow-links":
            if not isinstance(value, bool):
                raise _fail(path, key, "expected true or false")
            values["follow_links"] = value
        elif name == "languages":
            values["languages"] = _strings(value, path, key)
        elif name in ("select", "ignore"):
            codes = _strings(value, path, key)
            try:
                resolve_selectors(codes)
            except ValueError as exc:
                raise _fail(path, key, str(exc)) from None
            values[name] = codes
        elif name == "fail-on":
            try:
                values["fail_on"] = Severity.parse(str(value))
            except ValueError as exc:
                raise _fail(path, key, str(exc)) from None
        elif name == "max-file-size":
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise _fail(path, key, "expected a positive number of bytes")
            values["max_file_size"] = value
        elif name == "cache-dir":
            if not isinstance(value, str) or not value.strip():
                raise _fail(path, key, "expected a folder name such as '.checker-cache'")
            values["cache_dir"] = value
        elif name == "front-matter-fields":
            values["front_matter_fields"] = _strings(value, path, key)
        elif name == "boilerplate":
            values["boilerplate"] = _patterns(value, path, key)
        elif name == "extend-boilerplate":
            values["boilerplate"] = values.get("boilerplate", DEFAULT_BOILERPLATE) + _patterns(
                value, path, key
            )
        elif name == "per-file-ignores":
            if not isinstance(value, Mapping):
                raise _fail(path, key, "expected a table of glob = [codes]")
            parsed: dict[str, tuple[str, ...]] = {}
            for glob, codes in value.items():
                parsed[glob] = _strings(codes, path, f"{key}.{glob}")
                try:
                    resolve_selectors(parsed[glob])
                except ValueError as exc:
                    raise _fail(path, f"{key}.{glob}", str(exc)) from None
            values["per_file_ignores"] = parsed
        elif name == "severity":
            if not isinstance(value, Mapping):
                raise _fail(path, key, "expected a table of code = severity")
            severities: dict[str, Severity] = {}
            for code, level in value.items():
                try:
                    (resolved,) = resolve_selectors((code,), single=True)
                    severities[resolved] = Severity.parse(str(level))
                except ValueError as exc:
                    raise _fail(path, f"{key}.{code}", str(exc)) from None
            values["severity"] = severities
        elif name == "readability":
            if not isinstance(value, Mapping):
                raise _fail(path, key, "expected a table")
            general = {k: v for k, v in value.items() if k != "languages"}
            values["readability"] = _readability_table(general, path, key)
            by_lang = value.get("languages", {})
            if not isinstance(by_lang, Mapping):
                raise _fail(path, f"{key}.languages", "expected a table per language")
            values["readability_by_language"] = {
                lang: _readability_table(opts, path, f"{key}.languages.{lang}")
                for lang, opts in by_lang.items()
            }
        elif name == "plain-language":
            values["plain_language"] = _plain_language(value, path, key)
        elif name == "claims":
            values["claims"] = _claims(value, path, key)
        elif name == "i18n":
            values["i18n"] = _i18n(value, path, key)
        elif name == "languagetool":
            values["languagetool"] = _languagetool(value, path, key)
        elif name == "overrides":
            if not isinstance(value, list):
                raise _fail(path, key, "expected an array of tables ([[tool.checker.overrides]])")
            overrides = []
            for i, item in enumerate(value):
                item_key = f"{key}[{i}]"
                if not isinstance(item, Mapping) or "paths" not in item:
                    raise _fail(path, item_key, "each override needs 'paths'")
                unknown = set(item) - {"paths", "readability"}
                if unknown:
                    raise _fail(path, f"{item_key}.{sorted(unknown)[0]}", "unknown key")
                overrides.append(
                    Override(
                        _strings(item["paths"], path, f"{item_key}.paths"),
                        _readability_table(
                            item.get("readability", {}), path, f"{item_key}.readability"
                        ),
                    )
                )
            values["overrides"] = tuple(overrides)
        else:
            raise _fail(path, key, "unknown key")
    return Config(**values)


def _number(value: Any, path: Path, key: str) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise _fail(path, key, "expected a non-negative number")
    return float(value)


def _language_tables(
    value: Any, path: Path, key: str, shape: str
) -> Iterator[tuple[str, str, tuple[str, ...], str]]:
    """``[key.xx] name = ["..."]`` tables: (language, name, strings, where) per entry."""
    if not isinstance(value, Mapping):
        raise _fail(path, key, f"expected a table per language: [..{key.rsplit('.', 1)[-1]}.en]")
    for lang, table in value.items():
        if not isinstance(table, Mapping):
            raise _fail(path, f"{key}.{lang}", f"expected {shape}")
        for name, strings in table.items():
            where = f"{key}.{lang}.{name}"
            yield lang, name, _strings(strings, path, where), where


def _plain_language(value: Any, path: Path, key: str) -> PlainLanguageOptions:
    if not isinstance(value, Mapping):
        raise _fail(path, key, "expected a table")
    out: dict[str, Any] = {}
    for name, item in value.items():
        item_key = f"{key}.{name}"
        if name == "accept":
            out["accept"] = tuple(w.lower() for w in _strings(item, path, item_key))
        elif name == "known-abbreviations":
            out["known_abbreviations"] = _strings(item, path, item_key)
        elif name == "complex-language-percent":
            out["complex_language_percent"] = _number(item, path, item_key)
        elif name == "rare-zipf":
            if not isinstance(item, Mapping):
                raise _fail(path, item_key, "expected a table of language = Zipf frequency")
            out["rare_zipf"] = {
                lang: _number(v, path, f"{item_key}.{lang}") for lang, v in item.items()
            }
        elif name == "terms":
            terms: dict[str, dict[str, tuple[str, ...]]] = {}
            for lang, term, found, where in _language_tables(
                item, path, item_key, 'term = "alternative"'
            ):
                if not found:
                    raise _fail(path, where, "give an alternative")
                terms.setdefault(lang, {})[term.lower()] = found
            out["terms"] = terms
        else:
            raise _fail(path, item_key, f"unknown key (known keys: {', '.join(_PLAIN_KEYS)})")
    return PlainLanguageOptions(**out)


def _claims(value: Any, path: Path, key: str) -> ClaimsOptions:
    import re

    from checker.claims.cues import SECTIONS

    if not isinstance(value, Mapping):
        raise _fail(path, key, "expected a table")
    out: dict[str, Any] = {}
    for name, item in value.items():
        item_key = f"{key}.{name}"
        if name in (
            "paragraph-citations",
            "reference-section",
            "self-reports",
            "check-headings",
            "check-quotes",
        ):
            if not isinstance(item, bool):
                raise _fail(path, item_key, "expected true or false")
            out[name.replace("-", "_")] = item
        elif name == "unsourced-min-claims":
            if not isinstance(item, int) or isinstance(item, bool) or item < 1:
                raise _fail(path, item_key, "expected a whole number of 1 or more")
            out["unsourced_min_claims"] = item
        elif name == "cues":
            cues: dict[str, dict[str, tuple[str, ...]]] = {}
            for lang, section, found, where in _language_tables(
                item, path, item_key, 'section = ["pattern"]'
            ):
                if section not in SECTIONS:
                    raise _fail(path, where, f"unknown section (known: {', '.join(SECTIONS)})")
                for pattern in found:
                    try:
                        re.compile(pattern)
                    except re.error as exc:
                        raise _fail(path, where, f"bad pattern {pattern!r}: {exc}") from None
                cues.setdefault(lang, {})[section] = found
            out["cues"] = cues
        else:
            raise _fail(path, item_key, f"unknown key (known keys: {', '.join(_CLAIMS_KEYS)})")
    return ClaimsOptions(**out)


def _i18n(value: Any, path: Path, key: str) -> I18nOptions:
    if not isinstance(value, Mapping):
        raise _fail(path, key, "expected a table")
    out: dict[str, Any] = {}
    for name, item in value.items():
        item_key = f"{key}.{name}"
        if name in ("locales-dir", "source-language", "build-dir"):
            if not isinstance(item, str) or not item:
                raise _fail(path, item_key, "expected a non-empty string")
            if name == "build-dir" and "{locale}" not in item:
                raise _fail(path, item_key, "the folder must contain '{locale}'")
            out[name.replace("-", "_")] = item
        elif name == "locales":
            out["locales"] = _strings(item, path, item_key)
        elif name in ("min-translated", "obsolete-percent"):
            number = _number(item, path, item_key)
            if number > 100:
                raise _fail(path, item_key, "expected a percentage from 0 to 100")
            out[name.replace("-", "_")] = float(number)
        elif name == "length-ratio":
            if (
                not isinstance(item, list)
                or len(item) != 2
                or not all(isinstance(x, int | float) and math.isfinite(x) and x > 0 for x in item)
                or item[0] >= item[1]
            ):
                raise _fail(path, item_key, "expected [lowest, highest], such as [0.5, 2.0]")
            out["length_ratio"] = (float(item[0]), float(item[1]))
        else:
            raise _fail(path, item_key, f"unknown key (known keys: {', '.join(_I18N_KEYS)})")
    return I18nOptions(**out)


def _languagetool(value: Any, path: Path, key: str) -> LanguageToolOptions:
    if not isinstance(value, Mapping):
        raise _fail(path, key, "expected a table")
    out: dict[str, Any] = {}
    for name, item in value.items():
        item_key = f"{key}.{name}"
        attr = name.replace("-", "_")
        if name == "url":
            if not isinstance(item, str) or not item.startswith(("http://", "https://")):
                raise _fail(path, item_key, "expected an http:// or https:// URL")
            out[attr] = item
        elif name in ("local", "picky", "cache"):
            if not isinstance(item, bool):
                raise _fail(path, item_key, "expected true or false")
            out[attr] = item
        elif name in ("timeout", "batch-characters"):
            number = _number(item, path, item_key)
            if number <= 0:
                raise _fail(path, item_key, "expected a positive number")
            out[attr] = float(number) if name == "timeout" else int(number)
        elif name in (
            "enabled-rules",
            "disabled-rules",
            "enabled-categories",
            "disabled-categories",
        ):
            out[attr] = _strings(item, path, item_key)
        elif name in ("variants", "category-severity"):
            if not isinstance(item, Mapping) or not all(isinstance(v, str) for v in item.values()):
                raise _fail(path, item_key, "expected a table of strings")
            if name == "category-severity":
                for category, level in item.items():
                    try:
                        Severity.parse(level)
                    except ValueError as exc:
                        raise _fail(path, f"{item_key}.{category}", str(exc)) from None
                out[attr] = {str(k).upper(): v.lower() for k, v in item.items()}
            else:
                out[attr] = {**LanguageToolOptions().variants, **dict(item)}
        else:
            known = ", ".join(_LANGUAGETOOL_KEYS)
            raise _fail(path, item_key, f"unknown key (known keys: {known})")
    return LanguageToolOptions(**out)


def _patterns(value: Any, path: Path, key: str) -> tuple[str, ...]:
    import re

    patterns = _strings(value, path, key)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise _fail(path, key, f"invalid pattern {pattern!r}: {exc}") from None
    return patterns
