"""Inline suppressions: ``<!-- checker: ignore|disable|enable|file-ignore CODE... -->``.

``ignore`` covers the next block after the comment, ``disable``/``enable`` a range
of lines, ``file-ignore`` the whole file.  Every comment must name at least one
rule; comments that suppress nothing are reported so they do not go stale.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.loading import DIRECTIVE_ACTIONS
from checker.model import Directive, Document, Finding, Scope, Suppressions
from checker.rules import lookup


@dataclass(frozen=True, slots=True)
class _Span:
    directive: Directive
    codes: frozenset[str]
    first_line: int
    last_line: int | None  # None: to the end of the file
    whole_file: bool


def _block_lines(document: Document) -> list[tuple[int, int]]:
    spans = []
    for block in document.blocks:
        start = document.position(block.content.source_offset(0))[0]
        end = document.position(block.content.source_offset(len(block.text), end=True))[0]
        spans.append((start, end))
    return sorted(spans)


def apply_suppressions(
    document: Document, findings: list[Finding], ran: frozenset[str] | None = None
) -> tuple[list[Finding], Suppressions]:
    """Findings left after suppression, and what the comments did.

    A comment is judged unused only if some rule it names ran (``ran``, the codes that ran
    on the document; None: every rule): ``ignore RDG003`` above a long sentence is not
    stale because ``--select CHK`` did not run RDG003.
    """
    spans, invalid = _spans(document)
    used: set[int] = set()
    kept: list[Finding] = []
    for finding in findings:
        covering = {i for i, span in enumerate(spans) if _covers(span, finding)}
        used |= covering
        if not covering:
            kept.append(finding)
    judged = [i for i, span in enumerate(spans) if ran is None or span.codes & ran]
    return kept, Suppressions(tuple(invalid), tuple(_unused(spans, used, judged)))


def _spans(document: Document) -> tuple[list[_Span], list[tuple[Directive, str]]]:
    """What each valid directive covers, in order, and the invalid ones with the reason."""
    invalid: list[tuple[Directive, str]] = []
    spans: list[_Span] = []
    open_disables: dict[str, Directive] = {}
    blocks = _block_lines(document)
    for directive in document.directives:
        codes = _codes(directive, invalid)
        if not codes:
            continue
        if directive.action == "file-ignore":
            spans.append(_Span(directive, frozenset(codes), 1, None, True))
        elif directive.action == "ignore":
            first, last = next(
                ((a, b) for a, b in blocks if a > directive.line),
                (directive.line + 1, directive.line + 1),
            )
            spans.append(_Span(directive, frozenset(codes), first, last, False))
        elif directive.action == "disable":
            for code in codes:
                open_disables.setdefault(code, directive)
        else:  # enable
            for code in codes:
                start = open_disables.pop(code, None)
                if start is not None:
                    spans.append(_Span(start, frozenset({code}), start.line, directive.line, False))
    for code, start in open_disables.items():
        spans.append(_Span(start, frozenset({code}), start.line, None, False))
    return spans, invalid


def _codes(directive: Directive, invalid: list[tuple[Directive, str]]) -> list[str]:
    """The rule codes a directive names; what is wrong with it goes to ``invalid``."""
    if directive.action not in DIRECTIVE_ACTIONS:
        reason = f"unknown action '{directive.action}' (use ignore, disable, enable or file-ignore)"
        invalid.append((directive, reason))
        return []
    if not directive.codes:
        reason = "names no rule: write the code, e.g. <!-- checker: ignore RDG003 -->"
        invalid.append((directive, reason))
        return []
    codes = []
    for code in directive.codes:
        found = lookup(code)
        if found is None:
            invalid.append((directive, f"unknown rule '{code}'"))
        else:
            codes.append(found.code)
    return codes


def _covers(span: _Span, finding: Finding) -> bool:
    if finding.code not in span.codes:
        return False
    if span.whole_file:
        return True
    if finding.line is None or finding.scope is Scope.DOCUMENT:
        return False
    return finding.line >= span.first_line and (
        span.last_line is None or finding.line <= span.last_line
    )


def _unused(spans: list[_Span], used: set[int], judged: list[int]) -> list[Directive]:
    """Directives none of whose spans suppressed anything, each once."""
    used_directives = {(spans[i].directive.line, spans[i].directive.column) for i in used}
    seen: set[tuple[int, int]] = set()
    unused = []
    for span in (spans[i] for i in judged):
        key = (span.directive.line, span.directive.column)
        if key in used_directives or key in seen:
            continue
        seen.add(key)
        unused.append(span.directive)
    return unused
