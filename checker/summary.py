"""What the end of every output says: how many articles, findings by severity, the exit code.

One type for the streamed run (``checker check`` adds each outcome's counts as it prints)
and for a run held whole (:meth:`checker.engine.CheckResult.summary`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.model import InputError, Severity

if TYPE_CHECKING:
    from checker.grammar.checker import GrammarRun


@dataclass
class RunSummary:
    """What the end of every output needs: counts, unreadable files, the grammar stage."""

    fail_on: Severity = Severity.WARNING
    articles: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {s.label: 0 for s in reversed(Severity)})
    errors: list[InputError] = field(default_factory=list)
    grammar: GrammarRun | None = None

    def add_counts(self, articles: int, counts: Mapping[str, int]) -> None:
        self.articles += articles
        for label, count in counts.items():
            self.counts[label] += count

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    @property
    def exit_code(self) -> int:
        """2 for input errors, 1 for findings at or above ``fail_on``, else 0."""
        if self.errors:
            return 2
        if any(self.counts[s.label] for s in Severity if s >= self.fail_on):
            return 1
        return 0
