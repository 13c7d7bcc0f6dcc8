"""Configuration: ``[tool.checker]`` in the nearest ``pyproject.toml``, or ``checker.toml``.

The file is validated strictly: an unknown key or a value of the wrong type is an
error naming the file and the key, because a silently ignored typo in a linter
configuration is worse than none.  Command-line flags override the file.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.model import Severity
from checker.options import (
    CLAIMS,
    I18N,
    LANGUAGE_DEFAULTS,
    LANGUAGETOOL,
    PLAIN_LANGUAGE,
    READABILITY,
    ClaimsOptions,
    I18nOptions,
    Kind,
    LanguageToolOptions,
    Option,
    OptionError,
    PlainLanguageOptions,
    ReadabilityOptions,
    read_table,
    strings,
    table,
)
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
class Override:
    """Options for the files matching ``patterns`` (paths relative to the config file)."""

    patterns: tuple[str, ...]
    readability: dict[str, Any]


@dataclass(frozen=True)
class Config:
    """The whole configuration after defaults, file and command line are combined."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None  # the file it was read from
    prefix: str = "tool.checker"  # the table the options were read from, for messages
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
        if os.name != "nt":  # a string prefix, not pathlib: a large run asks for every file
            root = _real_folder(os.fspath(self.root))
            resolved = _real_file(os.fspath(path))
            if resolved == root:
                return "."
            prefix = root if root.endswith(os.sep) else root + os.sep
            if resolved.startswith(prefix):
                return resolved[len(prefix) :]
            return path.as_posix()
        try:  # Windows: pathlib compares without case
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


@lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _real_file(path: str) -> str:
    """``os.path.realpath(path)``, with its folder resolved once per run (see :func:`_resolved`)."""
    folder, name = os.path.split(path)
    if not name or name in (".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    if not os.path.isabs(folder):
        folder = os.path.join(os.getcwd(), folder)
    return os.path.join(_real_folder(folder), name)


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


def parse_config(table: Mapping[str, Any], path: Path, prefix: str = "tool.checker") -> Config:
    """Validate a ``[tool.checker]`` table; errors name the file and the key.

    Rule selectors (``select``, ``ignore``, ``per-file-ignores``, ``severity``) are checked
    against the rules by :func:`checker.selection.check_selectors`, so that reading the
    configuration never imports the rules.
    """
    values: dict[str, Any] = {"root": path.parent.resolve(), "source": path, "prefix": prefix}
    try:
        for name, value in table.items():
            key = f"{prefix}.{name}" if prefix else name
            reader = _READERS.get(name)
            if reader is None:
                raise OptionError(key, "unknown key")
            values.update(reader(value, key, values))
    except OptionError as exc:
        raise _fail(path, exc.where, exc.message) from None
    return Config(**values)


#: Reads one top-level key: (value, key, values read so far) -> fields of the Config.
_Read = Callable[[Any, str, Mapping[str, Any]], Mapping[str, Any]]


def _option(option: Option) -> _Read:
    return lambda value, key, _: {option.attr: option.read(value, key)}


def _section(options: tuple[Option, ...], make: Callable[..., Any], attr: str) -> _Read:
    return lambda value, key, _: {attr: make(**read_table(value, options, key))}


def _default_language(value: Any, key: str, _: Mapping[str, Any]) -> Mapping[str, Any]:
    if not isinstance(value, str):
        raise OptionError(key, "expected a language code such as 'en'")
    return {"default_language": value}


def _fail_on(value: Any, key: str, _: Mapping[str, Any]) -> Mapping[str, Any]:
    try:
        return {"fail_on": Severity.parse(str(value))}
    except ValueError as exc:
        raise OptionError(key, str(exc)) from None


def _extend_boilerplate(value: Any, key: str, values: Mapping[str, Any]) -> Mapping[str, Any]:
    extra = Option("extend-boilerplate", Kind.PATTERNS, "").read(value, key)
    return {"boilerplate": tuple(values.get("boilerplate", DEFAULT_BOILERPLATE)) + extra}


def _per_file_ignores(value: Any, key: str, _: Mapping[str, Any]) -> Mapping[str, Any]:
    globs = table(value, key, "a table of glob = [codes]")
    return {"per_file_ignores": {g: strings(v, f"{key}.{g}") for g, v in globs.items()}}


def _severity(value: Any, key: str, _: Mapping[str, Any]) -> Mapping[str, Any]:
    severities: dict[str, Severity] = {}
    for selector, level in table(value, key, "a table of code = severity").items():
        try:
            severities[selector] = Severity.parse(str(level))
        except ValueError as exc:
            raise OptionError(f"{key}.{selector}", str(exc)) from None
    return {"severity": severities}


def _readability(value: Any, key: str, _: Mapping[str, Any]) -> Mapping[str, Any]:
    by_lang = table(value, key).get("languages", {})
    table(by_lang, f"{key}.languages", "a table per language")
    return {
        "readability": read_table(value, READABILITY, key, skip=("languages",)),
        "readability_by_language": {
            lang: read_table(opts, READABILITY, f"{key}.languages.{lang}")
            for lang, opts in by_lang.items()
        },
    }


def _overrides(value: Any, key: str, _: Mapping[str, Any]) -> Mapping[str, Any]:
    if not isinstance(value, list):
        raise OptionError(key, "expected an array of tables ([[tool.checker.overrides]])")
    overrides = []
    for i, item in enumerate(value):
        where = f"{key}[{i}]"
        if not isinstance(item, Mapping) or "paths" not in item:
            raise OptionError(where, "each override needs 'paths'")
        unknown = set(item) - {"paths", "readability"}
        if unknown:
            raise OptionError(f"{where}.{sorted(unknown)[0]}", "unknown key")
        patterns = strings(item["paths"], f"{where}.paths")
        thresholds = read_table(item.get("readability", {}), READABILITY, f"{where}.readability")
        overrides.append(Override(patterns, thresholds))
    return {"overrides": tuple(overrides)}


_READERS: dict[str, _Read] = {
    "paths": _option(Option("paths", Kind.STRINGS, "folders of articles")),
    "default-language": _default_language,
    "detect-language": _option(Option("detect-language", Kind.BOOL, "")),
    "follow-links": _option(Option("follow-links", Kind.BOOL, "")),
    "languages": _option(Option("languages", Kind.STRINGS, "")),
    "select": _option(Option("select", Kind.STRINGS, "")),
    "ignore": _option(Option("ignore", Kind.STRINGS, "")),
    "fail-on": _fail_on,
    "max-file-size": _option(Option("max-file-size", Kind.WHOLE, "", 0, above_low=True)),
    "cache-dir": _option(Option("cache-dir", Kind.STRING, "")),
    "front-matter-fields": _option(Option("front-matter-fields", Kind.STRINGS, "")),
    "boilerplate": _option(Option("boilerplate", Kind.PATTERNS, "")),
    "extend-boilerplate": _extend_boilerplate,
    "per-file-ignores": _per_file_ignores,
    "severity": _severity,
    "readability": _readability,
    "plain-language": _section(PLAIN_LANGUAGE, PlainLanguageOptions, "plain_language"),
    "claims": _section(CLAIMS, ClaimsOptions, "claims"),
    "i18n": _section(I18N, I18nOptions, "i18n"),
    "languagetool": _section(LANGUAGETOOL, LanguageToolOptions, "languagetool"),
    "overrides": _overrides,
}


__all__ = [
    "ClaimsOptions",
    "Config",
    "ConfigError",
    "I18nOptions",
    "LanguageToolOptions",
    "PlainLanguageOptions",
    "ReadabilityOptions",
    "find_config_file",
    "load_config",
    "parse_config",
]
