"""CHK: what the checker itself has to tell: repairs, languages, suppressions.

These findings are made by the engine rather than by analysing text, but they
are rules like any other: they have codes, can be selected and ignored, and are
documented by ``checker explain``.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.model import Finding, Severity
from checker.rules.base import Rule, RuleContext, rule


def _engine_made(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    return iter(())


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
    return _engine_made(self, ctx)


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
    return _engine_made(self, ctx)


@rule(
    "CHK003",
    "unused-suppression",
    Severity.WARNING,
    "An inline checker comment suppresses nothing.",
)
def unused_suppression(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported for ``<!-- checker: ignore CODE -->`` (and ``disable``/``file-ignore``)
    comments that did not suppress any finding, so stale suppressions do not pile up.

    Before: ``<!-- checker: ignore RDG003 -->`` above a sentence that is now short.
    After: remove the comment.
    """
    return _engine_made(self, ctx)


@rule(
    "CHK004",
    "invalid-suppression",
    Severity.ERROR,
    "An inline checker comment is malformed or names an unknown rule.",
)
def invalid_suppression(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported for checker comments with an unknown action, no rule code, or an unknown
    code.  A code is always required: a bare ``<!-- checker: ignore -->`` would hide
    problems nobody chose to hide.

    Before: ``<!-- checker: ignore -->`` or ``<!-- checker: ignroe RDG003 -->``
    After: ``<!-- checker: ignore RDG003 -->`` (or ``long-sentence``)
    """
    return _engine_made(self, ctx)


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
    return _engine_made(self, ctx)


RULES = (
    unsupported_language,
    input_repaired,
    unused_suppression,
    invalid_suppression,
    invalid_language,
)
