"""One article checked: load it, run the analyses the selected rules read, run the rules.

A whole run (many files, catalogs, processes, the cache) is :mod:`checker.pipeline`'s
:func:`~checker.pipeline.check_paths`.  A file that cannot be read becomes an
:class:`~checker.model.InputError` and every other file is still checked.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker import __version__, languages
from checker.config import Config
from checker.loading import FORMATS, load_document, parse_document
from checker.metrics import compute_metrics
from checker.model import CatalogUnit, Document, Finding, InputError, LoadError, Severity
from checker.paths import shown
from checker.readability.formulas import TextCounts
from checker.rules import all_rules
from checker.rules.base import Input, RuleContext, inputs_of
from checker.selection import Selection, severities, with_severity
from checker.summary import RunSummary
from checker.suppression import apply_suppressions
from checker.text.analysis import DocumentAnalysis, analyse

if TYPE_CHECKING:
    from checker.grammar.checker import GrammarChecker, GrammarRun
    from checker.plain.jargon import JargonResult

_SKIP_DIRS = frozenset({"node_modules", "__pycache__", "reports", "locales"})


@dataclass(frozen=True, slots=True)
class ArticleResult:
    document: Document
    metrics: dict[str, Any]
    findings: tuple[Finding, ...]
    #: a catalog's live entries, for the HTML report's side-by-side pages (not in the JSON)
    units: tuple[CatalogUnit, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    articles: tuple[ArticleResult, ...] = ()
    errors: tuple[InputError, ...] = ()
    fail_on: Severity = Severity.WARNING
    #: how the LanguageTool stage went; None when no GRM rule was selected
    grammar: GrammarRun | None = None

    @property
    def findings(self) -> Iterator[Finding]:
        for article in self.articles:
            yield from article.findings

    def summary(self) -> RunSummary:
        """Articles, findings by severity, unreadable files and the exit code."""
        summary = RunSummary(self.fail_on, errors=list(self.errors), grammar=self.grammar)
        for article in self.articles:
            summary.articles += 1
            for finding in article.findings:
                summary.counts[finding.severity.label] += 1
        return summary


def discover(
    paths: Iterable[Path], *, follow_links: bool = False
) -> tuple[list[Path], list[InputError]]:
    """Article files under ``paths`` (sorted, hidden folders skipped), and what could not
    be looked at: missing paths, and files or folders the operating system refuses (each
    named, so that a run never skips part of a project silently)."""
    files: list[Path] = []
    errors: list[InputError] = []
    for path in paths:
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as exc:  # a file inside a folder that cannot be read
            errors.append(InputError(shown(path), f"cannot read: {exc.strerror or exc}"))
            continue
        if is_dir:
            files.extend(_walk(path, errors, follow_links))
        elif exists:
            files.append(path)
        else:
            errors.append(InputError(shown(path), "no such file or folder"))
    return list(dict.fromkeys(files)), errors


def _walk(folder: Path, errors: list[InputError], follow_links: bool) -> list[Path]:
    """Article files under ``folder``, sorted; unreadable sub-folders are named in ``errors``."""

    def refused(exc: OSError) -> None:
        where = shown(exc.filename) if exc.filename else shown(folder)
        errors.append(InputError(where, f"cannot read folder: {exc.strerror or exc}"))

    found: list[Path] = []
    inside = folder.resolve()
    for root, dirs, names in os.walk(folder, onerror=refused):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS]
        base = Path(root)
        for name in names:
            candidate = base / name
            if candidate.suffix.lower() not in FORMATS or name.startswith("~$"):
                continue  # "~$draft.docx": the owner file Word keeps beside an open document
            if not candidate.is_file():
                continue
            if (
                not follow_links
                and candidate.is_symlink()
                and not candidate.resolve().is_relative_to(inside)
            ):
                # "content/notes.md -> /etc/passwd": a walk never leaves the folder
                errors.append(
                    InputError(
                        shown(candidate),
                        "a link to a file outside the folder being checked: not read "
                        "(name it on the command line, or set follow-links = true)",
                    )
                )
                continue
            found.append(candidate)
    return sorted(found)


def find_jargon(document: Document, config: Config) -> JargonResult:
    """Jargon, rare words and word parts of one article, with the project's vocabulary."""
    from checker.plain.abbreviations import known_abbreviations
    from checker.plain.jargon import DEFAULT_RARE_ZIPF, finder_for
    from checker.plain.lexicon import lexicon_for

    plain = config.plain_language
    lang = document.lang
    lexicon = lexicon_for(lang, plain.terms.get(lang, {}), plain.accept)
    rare = plain.rare_zipf.get(lang, DEFAULT_RARE_ZIPF.get(lang, 2.5))
    known = known_abbreviations() | frozenset(plain.known_abbreviations)
    return finder_for(lexicon, rare, frozenset(plain.accept)).find(document, known)


def grammar_checker(config: Config, selection: Selection) -> GrammarChecker | None:
    """The run's LanguageTool stage, when a GRM rule is selected (it finds its server lazily)."""
    if not any(code.startswith("GRM") for code in selection.codes):
        return None
    from checker.grammar.checker import GrammarChecker

    return GrammarChecker(config.languagetool, config.cache_folder / "languagetool")


def check_document(
    document: Document,
    config: Config,
    selection: Selection,
    grammar: GrammarChecker | None = None,
) -> ArticleResult:
    """Run every selected rule on one loaded document (``grammar`` asks LanguageTool)."""
    supported = document.lang in languages.SUPPORTED
    codes = selection.for_file(config, document.path)
    active = [r for r in all_rules() if r.code in codes and not r.catalog]
    runnable = [r for r in active if supported or not r.language_bound]
    context = _context(document, config, inputs_of(runnable), grammar)
    findings: list[Finding] = []
    for rule in runnable:
        if Input.SUPPRESSIONS not in rule.needs:
            findings.extend(rule.run(context))
    ran = frozenset(r.code for r in runnable)
    findings, suppressions = apply_suppressions(document, findings, ran)
    after = dataclasses.replace(context, suppressions=suppressions)
    for rule in runnable:
        if Input.SUPPRESSIONS in rule.needs:
            findings.extend(rule.run(after))
    overrides = severities(config)
    findings = [with_severity(f, overrides) for f in findings if f.code in codes]
    findings.sort(key=Finding.sort_key)
    return ArticleResult(document, context.metrics.to_json(), tuple(findings))


def _context(
    document: Document, config: Config, needs: frozenset[Input], grammar: GrammarChecker | None
) -> RuleContext:
    """What the rules read: each analysis only when a rule that runs needs it."""
    options = config.readability_for(document.lang, document.path)
    if document.lang in languages.SUPPORTED:
        analysis = analyse(document)
    else:
        analysis = DocumentAnalysis(document.lang, (), (), TextCounts())
    jargon = find_jargon(document, config) if Input.JARGON in needs else None
    claims = None
    if Input.CLAIMS in needs:
        from checker.claims.finder import find_claims

        claims = find_claims(document, analysis, config.claims)
    answers = None
    if grammar is not None and Input.GRAMMAR in needs:
        answers = grammar.check(document)
    metrics = compute_metrics(
        document, analysis, options.hardest_sentences, options.target_grade, jargon
    )
    return RuleContext(
        document,
        analysis,
        options,
        metrics,
        config.plain_language,
        jargon,
        config.languages,
        claims,
        answers,
        config.languagetool,
        config.claims,
    )


def check_file(
    path: Path, config: Config, selection: Selection, grammar: GrammarChecker | None
) -> ArticleResult | InputError:
    """One file's result, or the error that stopped it: never an exception."""
    display = config.relative(path)
    return _guarded(
        display,
        "file",
        lambda: check_document(
            load_document(path, config, display, display), config, selection, grammar
        ),
    )


def check_text(
    text: str, fmt: str, display: str, config: Config, selection: Selection
) -> ArticleResult | InputError:
    """An article held in memory (an editor's buffer): its result, or why it cannot be read.

    ``display`` is its path relative to the project, for per-file settings and messages."""
    # as decode() does for a file: "\r" alone ends a line too (LSP counts it so)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _guarded(
        display,
        "text",
        lambda: check_document(
            parse_document(text, fmt, display, display, config), config, selection, None
        ),
    )


def _guarded(
    display: str, what: str, check: Callable[[], ArticleResult]
) -> ArticleResult | InputError:
    """``check()``, or the error that stopped it, named for the writer: never an exception."""
    try:
        return check()
    except LoadError as exc:
        return InputError(display, exc.message, exc.line)
    except RecursionError:
        return InputError(display, "too deeply nested to parse")
    except Exception as exc:
        return InputError(
            display,
            f"internal error while checking this {what} ({type(exc).__name__}: {exc}); "
            f"please report it with the {what}",
        )


def rules_table() -> list[dict[str, str]]:
    return [
        {"code": r.code, "name": r.name, "severity": r.severity.label, "summary": r.summary}
        for r in all_rules()
    ]


__all__ = [
    "ArticleResult",
    "CheckResult",
    "Selection",
    "__version__",
    "check_document",
    "discover",
    "rules_table",
]
