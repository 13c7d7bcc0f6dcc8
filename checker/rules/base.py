"""What a rule is, and the context it runs in.

A rule is a pure function of (document, analysis, options) that yields findings:
no I/O, no global state.  Its docstring is its documentation, printed by
``checker explain CODE``: what it flags, why it matters to readers, and a
before/after example.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from checker.claims.finder import ClaimsResult
from checker.grammar.checker import GrammarResult
from checker.model import Block, Document, Finding, Scope, Severity
from checker.options import (
    ClaimsOptions,
    LanguageToolOptions,
    PlainLanguageOptions,
    ReadabilityOptions,
)
from checker.plain.jargon import JargonResult
from checker.text.analysis import DocumentAnalysis, Sentence


@dataclass(frozen=True, slots=True)
class RuleContext:
    document: Document
    analysis: DocumentAnalysis
    readability: ReadabilityOptions
    metrics: dict[str, Any]
    plain: PlainLanguageOptions = field(default_factory=PlainLanguageOptions)
    jargon: JargonResult | None = None  # None for unsupported languages
    languages: tuple[str, ...] = ()  # the project's languages, for language detection
    claims: ClaimsResult | None = None  # None for unsupported languages
    grammar: GrammarResult | None = None  # None when LanguageTool did not check the article
    languagetool: LanguageToolOptions = field(default_factory=LanguageToolOptions)
    claims_options: ClaimsOptions = field(default_factory=ClaimsOptions)

    def block_finding(
        self,
        rule: Rule,
        block_index: int,
        start: int,
        end: int,
        message: str,
        *,
        scope: Scope | None = None,
        suggestion: str = "",
        details: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding on ``start:end`` of a block's cleaned text, placed in the source file."""
        block: Block = self.document.blocks[block_index]
        src_start, src_end = block.content.source_span(start, end)
        line, column = self.document.position(src_start)
        end_line, end_column = self.document.position(max(src_end, src_start))
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=rule.severity,
            message=message,
            path=self.document.path,
            scope=scope or Scope.of(block.kind),
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=block.text[start:end],
            suggestion=suggestion,
            details=details or {},
        )

    def sentence_finding(self, rule: Rule, sentence: Sentence, message: str, **kw: Any) -> Finding:
        return self.block_finding(
            rule, sentence.block, sentence.start, sentence.end, message, scope=Scope.SENTENCE, **kw
        )

    def document_finding(self, rule: Rule, message: str, **kw: Any) -> Finding:
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=rule.severity,
            message=message,
            path=self.document.path,
            scope=Scope.DOCUMENT,
            **kw,
        )

    def sentence_position(self, sentence: Sentence) -> dict[str, Any]:
        """Where a sentence is, for ``details`` lists (hardest sentences, passive ones)."""
        block = self.document.blocks[sentence.block]
        line, column = self.document.position(block.content.source_offset(sentence.start))
        return {"line": line, "column": column, "text": sentence.text}


CheckFunction = Callable[["Rule", RuleContext], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: CheckFunction

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or self.summary)

    def run(self, context: RuleContext) -> Iterator[Finding]:
        return self.check(self, context)


def rule(code: str, name: str, severity: Severity, summary: str) -> Callable[[CheckFunction], Rule]:
    """Declare a rule: ``@rule("RDG003", "long-sentence", Severity.WARNING, "...")``."""

    def wrap(function: CheckFunction) -> Rule:
        return Rule(code, name, severity, summary, function)

    return wrap
