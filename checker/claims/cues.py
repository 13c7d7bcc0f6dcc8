"""Claim cue lists: per-language data files of patterns, compiled once per language.

``checker/data/claims/<lang>.txt`` has sections (``[efficacy]``, ``[risk]``,
``[hedge]``...), one regular expression per line, matched case-insensitively at
word boundaries (``[source]`` is matched case-sensitively, so that "according to
the WHO" counts and "according to your mum" does not).  Projects add patterns per
language and section from configuration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

#: Every section a cue file may have, and what it signals.
SECTIONS: dict[str, str] = {
    "efficacy": "a treatment or behaviour does good",
    "risk": "something does harm or raises a risk",
    "causal": "a cause and effect",
    "correlational": "a link without a claim of cause",
    "hedge": "the claim is hedged",
    "comparison": "a comparison",
    "evidence": "an appeal to evidence or authority",
    "absolute": "absolute or miracle wording",
    "statistic": "a statistic",
    "dose": "a dose or schedule",
    "source": "a named source (a citation)",
    "not-claim": "future work, a recommendation to researchers, an unknown",
    "instruction": "a sentence that tells the reader what to do",
}
_HEADER = re.compile(r"\[([a-z-]+)\]")
_CASE_SENSITIVE = frozenset({"source"})


class CueError(ValueError):
    """A malformed cue file or configured pattern, with where it is."""


def parse_cues(lines: Iterable[str], where: str) -> dict[str, list[str]]:
    """Patterns per section; raises :class:`CueError` naming the line of a bad one."""
    sections: dict[str, list[str]] = {}
    current = ""
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = _HEADER.fullmatch(line)
        if header is not None:
            current = header.group(1)
            if current not in SECTIONS:
                raise CueError(f"{where}:{number}: unknown section [{current}]")
            continue
        if not current:
            raise CueError(f"{where}:{number}: a pattern before any [section]")
        try:
            re.compile(line)
        except re.error as exc:
            raise CueError(f"{where}:{number}: bad pattern: {exc}") from None
        sections.setdefault(current, []).append(line)
    return sections


@cache
def package_cues(lang: str) -> dict[str, tuple[str, ...]]:
    """The shipped cues of ``lang`` (empty when the package has none)."""
    item = resources.files("checker") / "data" / "claims" / f"{lang}.txt"
    if not item.is_file():
        return {}
    lines = item.read_text(encoding="utf-8").splitlines()
    return {k: tuple(v) for k, v in parse_cues(lines, f"claims/{lang}.txt").items()}


@dataclass(frozen=True, slots=True)
class CueSet:
    """One compiled pattern per section of a language."""

    lang: str
    patterns: Mapping[str, re.Pattern[str]]

    def search(self, section: str, text: str) -> re.Match[str] | None:
        pattern = self.patterns.get(section)
        return pattern.search(text) if pattern is not None else None

    def finditer(self, section: str, text: str) -> Iterator[re.Match[str]]:
        pattern = self.patterns.get(section)
        return pattern.finditer(text) if pattern is not None else iter(())


def _compile(section: str, patterns: Iterable[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    if section == "instruction":
        body = rf"^[\W_]*(?:{body})(?![\w-])"
    else:
        body = rf"(?<![\w-])(?:{body})(?![\w-])"
    return re.compile(body, 0 if section in _CASE_SENSITIVE else re.IGNORECASE)


@cache
def _cue_set(lang: str, extra: tuple[tuple[str, tuple[str, ...]], ...]) -> CueSet:
    merged: dict[str, list[str]] = {k: list(v) for k, v in package_cues(lang).items()}
    for section, patterns in extra:
        merged.setdefault(section, []).extend(patterns)
    return CueSet(lang, {k: _compile(k, v) for k, v in merged.items() if v})


def cues_for(lang: str, extra: Mapping[str, Iterable[str]] | None = None) -> CueSet:
    """The shipped cues of ``lang`` plus a project's own, compiled and shared."""
    key = tuple(sorted((k, tuple(v)) for k, v in (extra or {}).items()))
    return _cue_set(lang, key)
