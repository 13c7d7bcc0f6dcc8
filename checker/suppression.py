"""Inline suppressions: ``<!-- checker: ignore|disable|enable|file-ignore CODE... -->``.

``ignore`` covers the next block after the comment, ``disable``/``enable`` a range
of lines, ``file-ignore`` the whole file.  Every comment must name at least one
rule; comments that suppress nothing are reported so they do not go stale.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.loading import DIRECTIVE_ACTIONS
from checker.model import Directive, Document, Finding, Scope
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
    document: Document, findings: list[Finding]
) -> tuple[list[Finding], list[tuple[Directive, str]], list[Directive]]:
    """Findings left after suppression, invalid directives (with the reason), unused ones."""
    invalid: list[tuple[Directive, str]] = []
    spans: list[_Span] = []
    open_disables: dict[str, Directive] = {}
    blocks = _block_lines(document)
    for directive in document.directives:
        if directive.action not in DIRECTIVE_ACTIONS:
            invalid.append(
                (
                    directive,
                    f"unknown action '{directive.action}' "
                    "(use ignore, disable, enable or file-ignore)",
                )
            )
            continue
        if not directive.codes:
            invalid.append(
                (directive, "names no rule: write the code, e.g. <!-- checker: ignore RDG003 -->")
            )
            continue
        codes = []
        for code in directive.codes:
            found = lookup(code)
            if found is None:
                invalid.append((directive, f"unknown rule '{code}'"))
            else:
                codes.append(found.code)
        if not codes:
            continue
        if directive.action == "file-ignore":
            spans.append(_Span(directive, frozenset(codes), 1, None, True))
        elif directive.action == "ignore":
            target = next(((a, b) for a, b in blocks if a > directive.line), None)
            if target is None:
                target = (directive.line + 1, directive.line + 1)
            spans.append(_Span(directive, frozenset(codes), target[0], target[1], False))
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

    used: set[int] = set()
    kept: list[Finding] = []
    for finding in findings:
        suppressed = False
        for i, span in enumerate(spans):
            if finding.code not in span.codes:
                continue
            if span.whole_file:
                hit = True
            elif finding.line is None or finding.scope is Scope.DOCUMENT:
                hit = False
            else:
                hit = finding.line >= span.first_line and (
                    span.last_line is None or finding.line <= span.last_line
                )
            if hit:
                suppressed = True
                used.add(i)
        if not suppressed:
            kept.append(finding)
    seen: set[tuple[int, int]] = set()
    unused = []
    used_directives = {(spans[i].directive.line, spans[i].directive.column) for i in used}
    for i, span in enumerate(spans):
        key = (span.directive.line, span.directive.column)
        if i in used or key in used_directives or key in seen:
            continue
        seen.add(key)
        unused.append(span.directive)
    return kept, invalid, unused
