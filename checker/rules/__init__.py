"""The table of every rule, and selection by code, prefix or name (as ruff does)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from checker.rules.base import Rule


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order."""
    from checker.rules import (
        accessibility,
        claims,
        grammar,
        meta,
        numbers,
        plain_language,
        readability,
        translation,
    )

    rules = (
        *readability.RULES,
        *plain_language.RULES,
        *claims.RULES,
        *numbers.RULES,
        *grammar.RULES,
        *accessibility.RULES,
        *meta.RULES,
        *translation.RULES,
    )
    return tuple(sorted(rules, key=lambda r: r.code))


@cache
def by_code() -> dict[str, Rule]:
    return {r.code: r for r in all_rules()}


def lookup(selector: str) -> Rule | None:
    """A rule by exact code or kebab-case name (case-insensitive for codes)."""
    selector = selector.strip()
    for r in all_rules():
        if r.code == selector.upper() or r.name == selector.lower():
            return r
    return None


def resolve_selectors(selectors: Iterable[str], *, single: bool = False) -> tuple[str, ...]:
    """Codes matched by selectors: ``ALL``, a family (``RDG``), a prefix (``RDG00``), a code
    or a rule name.  Raises ``ValueError`` naming an unknown selector."""
    codes: list[str] = []
    for raw in selectors:
        selector = raw.strip()
        if not selector:
            continue
        if selector.upper() == "ALL" and not single:
            codes.extend(r.code for r in all_rules())
            continue
        found = lookup(selector)
        if found is not None:
            codes.append(found.code)
            continue
        matches = (
            [] if single else [r.code for r in all_rules() if r.code.startswith(selector.upper())]
        )
        if not matches:
            raise ValueError(f"unknown rule or prefix {selector!r} (see 'checker rules')")
        codes.extend(matches)
    return tuple(dict.fromkeys(codes))
