"""CHK: what the checker itself has to tell: repairs, languages, suppressions.

These rules read what loading the article found (its language, the repairs it made) and
what became of its inline checker comments (``needs=[Input.SUPPRESSIONS]``: they run
after the other rules' findings were suppressed), rather than the text itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker import languages
from checker.model import Finding, Scope, Severity
from checker.rules.base import Input, Rule, RuleContext, rule


def _on_language_line(ctx: RuleContext, rule: Rule, message: str) -> Finding:
    """A finding on the line that declares the article's language (the document if none)."""
    document = ctx.document
    details = {"declared": document.declared_lang, "source": document.lang_source}
    return ctx.line_finding(rule, document.lang_line, message, details=details)


@rule(
    "CHK001",
    "unsupported-language",
    Severity.WARNING,
    "The article's language has no readability formulas, so it was not scored.",
)
def unsupported_language(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported when an article declares (or its folder implies) a language the checker
    cannot score.  The article is still loaded and checked by the rules that do not depend
    on language; it is never silently scored as English.

    Before: ``lang: pt`` (Portuguese is not supported yet).
    After: ``lang: es`` for a Spanish article, or ``select``/``ignore`` the rule for
    folders of languages you do not check.
    """
    document = ctx.document
    if document.lang in languages.SUPPORTED or not document.lang:
        return
    names = ", ".join(f"{code} ({name})" for code, name in languages.SUPPORTED.items())
    yield _on_language_line(
        ctx,
        self,
        f"The language '{document.declared_lang}' ({document.lang}) is not supported, "
        f"from the {document.lang_source}; the article was not scored. Supported: {names}",
    )


@rule(
    "CHK002",
    "input-repaired",
    Severity.INFO,
    "The loader repaired the file (mojibake, entities, scraped lines, one word per line).",
)
def input_repaired(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported once per repair the loader made, so that nobody is surprised that the text
    checked differs from the bytes in the file: mis-decoded characters (``bodyâ€™s``), HTML
    entities (``&nbsp;``), literal ``\\n`` escapes in front matter, text extracted one word
    per line, scraped navigation lines and teaser cards ("View Details"), bare dates and
    counters, repeated lines, and files that were not UTF-8.

    Before: ``the bodyâ€™s own tissues`` / ``View Details``
    After: ``the body’s own tissues`` (and fix the source so the repair is no longer needed)
    """
    for repair in ctx.document.repairs:
        details = {"kind": repair.kind, "count": repair.count}
        yield ctx.line_finding(self, repair.line, f"Repaired: {repair.message}", details=details)


@rule(
    "CHK003",
    "unused-suppression",
    Severity.WARNING,
    "An inline checker comment suppresses nothing.",
    needs=(Input.SUPPRESSIONS,),
)
def unused_suppression(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported for ``<!-- checker: ignore CODE -->`` (and ``disable``/``file-ignore``)
    comments that did not suppress any finding, so stale suppressions do not pile up.

    Before: ``<!-- checker: ignore RDG003 -->`` above a sentence that is now short.
    After: remove the comment.
    """
    if ctx.suppressions is None:
        return
    for directive in ctx.suppressions.unused:
        yield ctx.line_finding(
            self,
            directive.line,
            f"Checker comment '{directive.action} {' '.join(directive.codes)}' "
            "suppresses nothing; remove it",
            column=directive.column,
            scope=Scope.PARAGRAPH,
        )


@rule(
    "CHK004",
    "invalid-suppression",
    Severity.ERROR,
    "An inline checker comment is malformed or names an unknown rule.",
    needs=(Input.SUPPRESSIONS,),
)
def invalid_suppression(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported for checker comments with an unknown action, no rule code, or an unknown
    code.  A code is always required: a bare ``<!-- checker: ignore -->`` would hide
    problems nobody chose to hide.

    Before: ``<!-- checker: ignore -->`` or ``<!-- checker: ignroe RDG003 -->``
    After: ``<!-- checker: ignore RDG003 -->`` (or ``long-sentence``)
    """
    if ctx.suppressions is None:
        return
    for directive, reason in ctx.suppressions.invalid:
        yield ctx.line_finding(
            self,
            directive.line,
            f"Invalid checker comment: {reason}",
            column=directive.column,
            scope=Scope.PARAGRAPH,
        )


@rule(
    "CHK005",
    "invalid-language",
    Severity.ERROR,
    "The declared language is not a language code.",
)
def invalid_language(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported, on the line that declares it, when an article's language is not a language
    code at all: a date, a number, a language's name.  The article is not scored (it is
    never silently read as English); the rules that do not depend on language still run.

    Before: ``lang: 2024-05-01`` or ``lang: english``
    After: ``lang: en`` (``date:`` for the date)
    """
    document = ctx.document
    if document.lang in languages.SUPPORTED or document.lang:
        return
    yield _on_language_line(
        ctx,
        self,
        f"'{document.declared_lang}' (from the {document.lang_source}) is not a language "
        "code; the article was not scored. Declare a code such as 'en' or 'es-MX'",
    )


RULES = (
    unsupported_language,
    input_repaired,
    unused_suppression,
    invalid_suppression,
    invalid_language,
)
