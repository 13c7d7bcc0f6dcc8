"""Which languages the checker supports, and how an article's language is decided."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from checker.compiled_patterns import kept

#: Languages with readability formulas, syllable counting and sentence rules.
SUPPORTED: dict[str, str] = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "nl": "Dutch",
}

_TAG = kept(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}|[A-Za-z]{4}))?$")


def normalise(tag: str) -> str:
    """The primary language subtag of a BCP 47 or POSIX locale tag, lower-cased.

    ``en-GB`` and ``en_US.UTF-8`` give ``en``; anything that is not a language tag
    gives ``""``.
    """
    tag = tag.strip().split(".")[0].split("@")[0]
    match = _TAG.match(tag)
    return match.group(1).lower() if match else ""


def is_locale_tag(name: str) -> bool:
    """Whether a folder name looks like a locale (``es``, ``pt-BR``, ``fr_CA``)."""
    match = _TAG.match(name)
    return bool(match) and (len(name) == 2 or (match is not None and match.group(2) is not None))


@dataclass(frozen=True, slots=True)
class LanguageChoice:
    lang: str  # normalised code, possibly unsupported
    declared: str  # the raw value as written
    source: str  # front-matter, html, path, default, detected


def from_path(path: PurePath, known: frozenset[str]) -> str:
    """The locale folder nearest to the file (``content/es/x.md`` gives ``es``).

    Only folder names that are known language codes count, so a folder called
    ``de`` is German while a folder called ``docs`` is not a language.
    """
    for part in reversed(path.parts[:-1]):
        code = normalise(part)
        if code and code in known and is_locale_tag(part):
            return part
    return ""


def choose(
    declared_in_file: str,
    file_source: str,
    path: PurePath,
    default: str,
    known: frozenset[str],
) -> LanguageChoice:
    """Pick the language: what the file declares, then a locale folder, then the default.

    A declared value that is not a known language code (``xyz``, ``english``, ``12``)
    gives the language ``""``: it is reported, never guessed.
    """
    if declared_in_file.strip():
        code = normalise(declared_in_file)
        return LanguageChoice(code if code in known else "", declared_in_file.strip(), file_source)
    folder = from_path(path, known)
    if folder:
        return LanguageChoice(normalise(folder), folder, "path")
    return LanguageChoice(normalise(default), default, "default")


def same_locale(tag: str, locale: str) -> bool:
    """Whether a language tag names ``locale``: ``es-ES`` is ``es``; ``pt-PT`` is not
    ``pt-BR``."""
    left, right = tag.replace("_", "-").lower(), locale.replace("_", "-").lower()
    if normalise(left) != normalise(right):
        return False
    return "-" not in left or "-" not in right or left.split("-")[1] == right.split("-")[1]
