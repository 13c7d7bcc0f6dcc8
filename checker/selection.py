"""Which rules run, at which severity: the configuration's selectors resolved to rule codes.

The configuration reader keeps ``select``, ``ignore``, ``per-file-ignores`` and
``severity`` as written, so that it never imports the rules; this module resolves them
(as ruff does: ``ALL``, a family, a prefix, a code or a name) and names the file and key
of any selector that matches no rule.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from checker.config import Config, ConfigError
from checker.model import Finding, Severity
from checker.paths import shown
from checker.rules import resolve_selectors


@dataclass(frozen=True, slots=True)
class Selection:
    """Which rules run: ``select`` minus ``ignore``, resolved to codes."""

    codes: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def build(cls, select: Iterable[str], ignore: Iterable[str]) -> Selection:
        """Raises ``ValueError`` naming a selector that matches no rule."""
        chosen = set(resolve_selectors(select))
        chosen -= set(resolve_selectors(ignore))
        return cls(frozenset(chosen))

    def for_file(self, config: Config, rel_path: str) -> frozenset[str]:
        """The codes that run on one file, after the configuration's per-file ignores."""
        ignored = config.ignored_for(rel_path)
        return self.codes - set(resolve_selectors(ignored)) if ignored else self.codes


def check_selectors(config: Config) -> Config:
    """``config``, once every selector in it names a rule; else a ConfigError with the key."""

    def check(key: str, selectors: Iterable[str], *, single: bool = False) -> None:
        try:
            resolve_selectors(selectors, single=single)
        except ValueError as exc:
            where = f"{config.prefix}.{key}" if config.prefix else key
            source = shown(config.source) if config.source else "configuration"
            raise ConfigError(f"{source}: {where}: {exc}") from None

    check("select", config.select)
    check("ignore", config.ignore)
    for glob, selectors in config.per_file_ignores.items():
        check(f"per-file-ignores.{glob}", selectors)
    for selector in config.severity:
        check(f"severity.{selector}", (selector,), single=True)
    return config


def severities(config: Config) -> Mapping[str, Severity]:
    """The configuration's severity overrides, by rule code."""
    return {
        resolve_selectors((selector,), single=True)[0]: level
        for selector, level in config.severity.items()
    }


def with_severity(finding: Finding, overrides: Mapping[str, Severity]) -> Finding:
    """The finding at the severity the configuration gives its rule."""
    severity = overrides.get(finding.code)
    return dataclasses.replace(finding, severity=severity) if severity else finding
