"""What a rule is, and the context it runs in.

A rule is a pure function of (document, analysis, options) that yields findings:
no I/O, no global state.  Its docstring is its documentation, printed by
``checker explain CODE``: what it flags, why it matters to readers, and a
before/after example.  It declares the analyses it reads beyond the sentences and
metrics every article gets (``needs``): the engine runs an analysis only when a
selected rule needs it.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.metrics import ArticleMetrics
from checker.model import Block, Document, Finding, Scope, Severity, Suppressions
from checker.options import (
    ClaimsOptions,
    I18nOptions,
    LanguageToolOptions,
    PlainLanguageOptions,
    ReadabilityOptions,
)
from checker.text.analysis import DocumentAnalysis, Sentence

if TYPE_CHECKING:
    import polib

    from checker.claims.finder import ClaimsResult
    from checker.grammar.checker import GrammarResult
    from checker.i18n.glossary import Glossary
    from checker.plain.jargon import JargonResult


class Input(enum.Enum):
    """What a rule reads beyond the loaded document; each is computed only when a selected
    rule needs it.  A rule that needs a language analysis does not run on an article whose
    language the checker does not support."""

    ANALYSIS = "analysis"  # sentences, words, syllables and metrics (checker.text.analysis)
    JARGON = "jargon"  # listed terms, rare words, abbreviations (checker.plain.jargon)
    CLAIMS = "claims"  # claims, citations and numbers (checker.claims.finder)
    GRAMMAR = "grammar"  # LanguageTool's matches (checker.grammar)
    #: what became of the inline checker comments: such rules run after the others'
    #: findings were suppressed
    SUPPRESSIONS = "suppressions"

    @property
    def language_bound(self) -> bool:
        return self is not Input.SUPPRESSIONS


@dataclass(frozen=True, slots=True)
class RuleContext:
    document: Document
    analysis: DocumentAnalysis
    readability: ReadabilityOptions
    metrics: ArticleMetrics
    plain: PlainLanguageOptions = field(default_factory=PlainLanguageOptions)
    #: None when no selected rule needs it (Input.JARGON), and for unsupported languages
    jargon: JargonResult | None = None
    languages: tuple[str, ...] = ()  # the project's languages, for language detection
    #: None when no selected rule needs it (Input.CLAIMS), and for unsupported languages
    claims: ClaimsResult | None = None
    grammar: GrammarResult | None = None  # None when LanguageTool did not check the article
    languagetool: LanguageToolOptions = field(default_factory=LanguageToolOptions)
    claims_options: ClaimsOptions = field(default_factory=ClaimsOptions)
    #: the inline comments that were invalid or suppressed nothing (Input.SUPPRESSIONS)
    suppressions: Suppressions | None = None

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

    def line_finding(
        self,
        rule: Rule,
        line: int | None,
        message: str,
        *,
        column: int = 1,
        scope: Scope = Scope.DOCUMENT,
        **kw: Any,
    ) -> Finding:
        """A finding at a line of the source file (a declaration, a repair, a comment);
        with no line, on the whole document."""
        at = column if line else None
        return Finding(
            rule.code,
            rule.name,
            rule.severity,
            message,
            self.document.path,
            scope,
            line,
            at,
            line,
            at,
            **kw,
        )

    def sentence_position(self, sentence: Sentence) -> dict[str, Any]:
        """Where a sentence is, for ``details`` lists (hardest sentences, passive ones)."""
        block = self.document.blocks[sentence.block]
        line, column = self.document.position(block.content.source_offset(sentence.start))
        return {"line": line, "column": column, "text": sentence.text}


@dataclass(frozen=True, slots=True)
class TranslationGrades:
    """The grade of the translation a catalog builds, beside its source's (TRN012)."""

    grade: float | None
    target: float | None  # the translation's target grade in its language
    source_grade: float | None
    source_lang: str
    lang: str


@dataclass(frozen=True, slots=True)
class CatalogContext:
    """What the TRN rules read about one catalog."""

    path: str  # the catalog, as findings show it
    locale: str
    source_language: str
    options: I18nOptions
    languages: tuple[str, ...] = ()  # the project's languages, for language detection
    catalog: polib.POFile | None = None  # None when it could not be read
    read_error: tuple[str, int | None] | None = None  # why not, and the line
    source_path: str | None = None  # the source article, when it could be loaded
    source_problem: str | None = None  # why the source article could not be loaded
    missing: tuple[int, int] | None = None  # source units not in the catalog: count, first line
    grades: TranslationGrades | None = None  # when the translation was built and scored
    glossary: Glossary | None = None  # the locale's glossary, when the project has one


#: ``(rule, context) -> findings``; the context is a :class:`RuleContext` for article rules
#: and a :class:`CatalogContext` for catalog rules (``Rule.catalog``).
CheckFunction = Callable[["Rule", Any], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: CheckFunction
    needs: frozenset[Input] = frozenset()
    #: runs on each catalog (a CatalogContext) rather than on each article
    catalog: bool = False

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or self.summary)

    def run(self, context: RuleContext | CatalogContext) -> Iterator[Finding]:
        return self.check(self, context)

    @property
    def language_bound(self) -> bool:
        """Whether the rule reads an analysis of a supported language."""
        return any(need.language_bound for need in self.needs)


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    *,
    needs: Iterable[Input] = (),
    catalog: bool = False,
) -> Callable[[CheckFunction], Rule]:
    """Declare a rule: ``@rule("PLN001", "medical-jargon", Severity.WARNING, "...",
    needs=[Input.JARGON])``; ``catalog=True`` for a rule that reads a catalog."""

    def wrap(function: CheckFunction) -> Rule:
        return Rule(code, name, severity, summary, function, frozenset(needs), catalog)

    return wrap


def inputs_of(rules: Iterable[Rule]) -> frozenset[Input]:
    """Every analysis some of ``rules`` read."""
    return frozenset(need for r in rules for need in r.needs)
