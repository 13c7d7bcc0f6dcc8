"""Claim cue lists: per-language data files of patterns, compiled once per language.

``checker/data/claims/<lang>.txt`` has sections (``[efficacy]``, ``[risk]``,
``[hedge]``...), one regular expression per line, matched case-insensitively at
word boundaries (``[source]`` is matched case-sensitively, so that "according to
the WHO" counts and "according to your mum" does not; ``[instruction]``,
``[definition]`` and ``[answer]`` only at the start of a sentence).  The same files
hold the number cues of the NUM rules (``[relative-risk]``, ``[absolute-risk]``...).
Projects add patterns per language and section from configuration.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from checker.claims.prefilter import EVERYWHERE, StartIndex, split_alternatives
from checker.compiled_patterns import compile_kept, kept
from checker.table_cache import cached_table

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
    "definition": "a sentence that defines a term (matched at the sentence start)",
    "instruction": "a sentence that tells the reader what to do",
    "answer": "a short answer to the question before it (matched at the sentence start)",
    "treatment": "a named treatment, medicine or behaviour (its benefit or harm is a key claim)",
    "negation": "a negation: absolute wording after it is careful, not a promise",
    "limiter": "a modal or quantifier that turns a promise into an ordinary claim ('can cure')",
    "self-report": "the article reports its own study or review ('we found', 'this review')",
    "relative-risk": "a relative risk ('halves the risk', '30% lower', 'twice as likely')",
    "absolute-risk": "an absolute figure or natural frequency ('4 in 1,000', 'from 2% to 1%')",
    "frequency": "a natural frequency ('1 in 5', '2 out of 10')",
    "percentage": "a share given as a percentage ('20% of people')",
}
_HEADER = kept(r"\[([a-z-]+)\]")
_CASE_SENSITIVE = frozenset({"source"})
_AT_START = frozenset({"instruction", "definition", "answer"})


class CueError(ValueError):
    """A malformed cue file or configured pattern, with where it is."""


def parse_cues(
    lines: Iterable[str], where: str, *, check_patterns: bool = True
) -> dict[str, list[str]]:
    """Patterns per section; raises :class:`CueError` naming the line of a bad one.

    The shipped files are checked by the test suite, not on every run
    (``check_patterns=False``): compiling each line alone costs a tenth of a second.
    """
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
        if check_patterns:
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
    parsed = parse_cues(lines, f"claims/{lang}.txt", check_patterns=False)
    return {k: tuple(v) for k, v in parsed.items()}


@dataclass(frozen=True, slots=True)
class CueSet:
    """One compiled pattern per section of a language.

    A :class:`StartIndex` tells every section matched anywhere in a sentence the few
    offsets where it can match at all, so the pattern is only tried there.  Case-insensitive
    matching is slow in Python's ``re``, so each such section also has a *gate*: the same
    pattern in lower case, tried case-sensitively on the lower-cased sentence before the
    real pattern.  Sections matched only at the sentence start use the gate alone.  Either
    way the matches are exactly those of the real pattern.
    """

    lang: str
    patterns: Mapping[str, re.Pattern[str]]
    gates: Mapping[str, re.Pattern[str]]
    starts: StartIndex

    def finditer(
        self, section: str, text: str, lower: str | None = None
    ) -> Iterator[re.Match[str]]:
        """Matches of ``section`` in ``text``; pass ``text.lower()`` when you have it."""
        pattern = self.patterns.get(section)
        if pattern is None:
            return
        if lower is None:
            lower = text.lower()
        if len(lower) != len(text):  # lower-casing moved offsets ('İ'): no shortcut
            yield from pattern.finditer(text)
            return
        if section not in _AT_START:
            offsets = self.starts.plan(lower).get(section)
            if offsets is None:
                return
            if offsets is not EVERYWHERE:
                yield from _matches_at(pattern, self.gates.get(section), text, lower, offsets)
                return
        gate = self.gates.get(section)
        if gate is None:
            yield from pattern.finditer(text)
            return
        position = 0
        while (candidate := gate.search(lower, position)) is not None:
            match = pattern.match(text, candidate.start())
            if match is None:
                position = candidate.start() + 1  # the real pattern may start inside
                continue
            yield match
            position = match.end() if match.end() > match.start() else match.end() + 1

    def search(self, section: str, text: str, lower: str | None = None) -> re.Match[str] | None:
        return next(self.finditer(section, text, lower), None)


def _matches_at(
    pattern: re.Pattern[str],
    gate: re.Pattern[str] | None,
    text: str,
    lower: str,
    offsets: Iterable[int],
) -> Iterator[re.Match[str]]:
    """The matches ``finditer`` would give, trying only at ``offsets`` (the gate, when the
    section has one, first: it is cheaper than the case-insensitive pattern)."""
    position = 0
    for offset in offsets:
        if offset < position or (gate is not None and gate.match(lower, offset) is None):
            continue
        match = pattern.match(text, offset)
        if match is not None:
            yield match
            position = match.end()


def _lower_pattern(pattern: str) -> str:
    """``pattern`` with its letters in lower case, escapes (``\\W``, ``\\S``) left alone."""
    out: list[str] = []
    escaped = False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = not escaped and char == "\\"
    return "".join(out)


def _wrap(section: str, body: str) -> str:
    if section in _AT_START:
        return rf"^[\W_]*(?:{body})(?![\w-])"
    return rf"(?<![\w-])(?:{body})(?![\w-])"


def _source(section: str, patterns: Iterable[str]) -> tuple[str, int]:
    """A section's pattern and flags."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return _wrap(section, body), 0 if section in _CASE_SENSITIVE else int(re.IGNORECASE)


def _gate_source(section: str, patterns: Iterable[str]) -> tuple[str, int] | None:
    """A section's gate: its patterns in lower case, matched against the lowered text."""
    if section in _CASE_SENSITIVE:
        return None
    body = "|".join(f"(?:{_lower_pattern(p)})" for p in patterns)
    return _wrap(section, body), 0


def _start_index(merged: Mapping[str, list[str]]) -> StartIndex:
    return StartIndex(
        {
            section: [_lower_pattern(part) for p in patterns for part in split_alternatives(p)]
            for section, patterns in merged.items()
            if section not in _AT_START
        }
    )


@cache
def _cue_set(lang: str, extra: tuple[tuple[str, tuple[str, ...]], ...]) -> CueSet:
    merged: dict[str, list[str]] = {k: list(v) for k, v in package_cues(lang).items()}
    for section, patterns in extra:
        merged.setdefault(section, []).extend(patterns)
    merged = {k: v for k, v in merged.items() if v}
    # compiling the sections takes a tenth of a second: the compiled forms are kept too
    sources = {f"pattern:{k}": _source(k, v) for k, v in merged.items()}
    sources |= {f"gate:{k}": g for k, v in merged.items() if (g := _gate_source(k, v)) is not None}
    compiled = compile_kept(f"cues-{lang}", sources)
    sections = {k: compiled[f"pattern:{k}"] for k in merged}
    gates = {k: compiled[f"gate:{k}"] for k in merged if f"gate:{k}" in compiled}
    # the index takes a tenth of a second to build: it is kept with the built tables
    digest = hashlib.blake2b(repr(sorted(merged.items())).encode(), digest_size=12).hexdigest()
    starts = cached_table(
        f"cue-starts-{lang}",
        digest,
        lambda: _start_index(merged),
        StartIndex.state,
        StartIndex.from_state,
    )
    return CueSet(lang, sections, gates, starts)


def cues_for(lang: str, extra: Mapping[str, Iterable[str]] | None = None) -> CueSet:
    """The shipped cues of ``lang`` plus a project's own, compiled and shared."""
    key = tuple(sorted((k, tuple(v)) for k, v in (extra or {}).items()))
    return _cue_set(lang, key)
