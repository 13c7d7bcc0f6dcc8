"""``checker lsp``: a Language Server over stdio, so findings show in any LSP editor.

As Vale's vale-ls does for prose, it publishes diagnostics for Markdown, HTML and text
files as they are opened and edited (the text in the editor, not the file on disk), with
the rule's code, its documentation as a hover, and quick fixes that put a plain
alternative in place ("administer" -> "give", "in order to" -> "to").  Each file is
checked with the configuration of its project (the nearest ``pyproject.toml`` or
``checker.toml``) and its inline suppressions, as ``checker check`` would, except that
LanguageTool (GRM rules) is not asked: a round trip on every keystroke is too slow.

Positions: the checker counts characters from 1; LSP counts from 0 in the encoding the
client chose (UTF-16 unless it offers another), converted by pygls' position codec.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from checker import __version__
from checker.config import Config, ConfigError, find_config_file, load_config
from checker.engine import check_text
from checker.model import Finding, InputError, Scope, Severity
from checker.output.records import title_line
from checker.plain.wordy import matching_case
from checker.rules import by_code
from checker.selection import Selection, check_selectors

#: The formats an editor holds as text, by file suffix and by the editor's language id.
_FORMAT_OF_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_FORMAT_OF_LANGUAGE = {"markdown": "markdown", "html": "html", "plaintext": "text"}
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
#: Quick fixes offered per finding: the first few alternatives are enough to choose from.
MAX_FIXES = 3
SOURCE = "checker"


@dataclass
class _Project:
    """A configuration and its rule selection, read once per configuration file."""

    config: Config
    selection: Selection
    stamp: tuple[str, int] | None


@dataclass
class CheckerServer:
    """What the language server keeps: projects by configuration file, findings by URI."""

    projects: dict[str, _Project] = field(default_factory=dict)
    findings: dict[str, list[tuple[types.Range, Finding]]] = field(default_factory=dict)
    shown_error: str = ""  # the configuration error last shown to the writer

    def project_for(self, path: Path) -> _Project:
        """The project whose configuration governs ``path`` (re-read when the file changes)."""
        found = find_config_file(path.parent)
        key = str(found) if found is not None else str(path.parent)
        stamp = None
        if found is not None:
            stat = found.stat()
            stamp = (str(found), stat.st_mtime_ns)
        known = self.projects.get(key)
        if known is not None and known.stamp == stamp:
            return known
        config = check_selectors(load_config(found, path.parent))
        selection = Selection.build(config.select, (*config.ignore, "GRM"))
        project = _Project(config, selection, stamp)
        self.projects[key] = project
        return project


def file_format(path: Path, language_id: str | None) -> str | None:
    """How to read an editor's document, or None for one the checker does not read."""
    return _FORMAT_OF_SUFFIX.get(path.suffix.lower()) or (
        "text" if path.suffix.lower() == ".txt" else _FORMAT_OF_LANGUAGE.get(language_id or "")
    )


def path_of(uri: str) -> Path:
    from pygls.uris import to_fs_path

    found = to_fs_path(uri)  # drive letters, percent-encoding, UNC paths
    if found:
        return Path(found)
    return Path.cwd() / Path(unquote(urlparse(uri).path)).name  # an unsaved buffer


#: Where a line ends for LSP and for the checker: not at U+2028, form feed or NEL, where
#: ``str.splitlines`` (and so pygls's ``document.lines``) would also end it.
_LINE_END = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The document's lines with their ends, as the client counts them."""
    lines: list[str] = []
    start = 0
    for end in _LINE_END.finditer(text):
        lines.append(text[start : end.end()])
        start = end.end()
    lines.append(text[start:])
    return lines


def to_client(codec: Any, lines: list[str], span: types.Range) -> types.Range:
    """``span`` (code points) in the client's units.  A line with nothing beyond the Basic
    Multilingual Plane has the same columns in UTF-16: pygls's conversion walks the line
    character by character for each position, which a long minified line makes slow."""
    kind = getattr(codec, "encoding", None)
    encoding = str(getattr(kind, "value", kind or "utf-16"))
    simple = encoding == "utf-32" or (
        encoding == "utf-16"
        and all(
            line < len(lines) and (not lines[line] or max(lines[line]) < "\U00010000")
            for line in (span.start.line, span.end.line)
        )
    )
    if simple:
        return span
    found = codec.range_to_client_units(lines, span)
    return _range(found.start.line, found.start.character, found.end.line, found.end.character)


def diagnostics_for(
    server: CheckerServer, uri: str, text: str, lines: list[str], language_id: str | None = None
) -> list[tuple[types.Range, Finding]]:
    """The findings of one open document, each with its range in the editor's units
    (code-point columns; :func:`publish` converts them to the client's encoding)."""
    path = path_of(uri)
    fmt = file_format(path, language_id)
    if fmt is None:
        return []
    project = server.project_for(path)
    config = project.config
    rel = config.relative(path) if path.is_absolute() else path.name
    result = check_text(text, fmt, rel, config, project.selection)
    if isinstance(result, InputError):
        line = max(0, (result.line or 1) - 1)
        problem = Finding(
            "CHK000", "unreadable", Severity.ERROR, result.message, rel, Scope.DOCUMENT, result.line
        )
        return [(_range(line, 0, line, 0), problem)]
    found = []
    title = title_line(result.document)
    for finding in result.findings:
        if finding.line is None:  # about the whole article: on its title, else line 1
            line = max(0, (title or 1) - 1)
            span = _range(line, 0, line, len(lines[line]) if line < len(lines) else 0)
        else:
            end_line = finding.end_line or finding.line
            end_column = finding.end_column or finding.column or 1
            span = _range(finding.line - 1, (finding.column or 1) - 1, end_line - 1, end_column - 1)
        found.append((span, finding))
    return found


def _range(line: int, column: int, end_line: int, end_column: int) -> types.Range:
    return types.Range(types.Position(line, column), types.Position(end_line, end_column))


def to_diagnostic(span: types.Range, finding: Finding) -> types.Diagnostic:
    rule = by_code().get(finding.code)
    message = finding.message
    if finding.suggestion and finding.suggestion not in message:
        message += f"\n{finding.suggestion}"
    return types.Diagnostic(
        range=span,
        message=message,
        severity=_SEVERITY[finding.severity],
        code=finding.code,
        source=SOURCE if rule is None else f"{SOURCE} ({rule.name})",
        data={"text": finding.text, "fixes": fixes_of(finding)},
    )


def fixes_of(finding: Finding) -> list[str]:
    """The words that can replace a finding's text, in its case: a wordy phrase's swaps,
    a jargon term's plain alternatives, LanguageTool's replacements."""
    if not finding.text:
        return []
    details = finding.details
    offered = details.get("replacements") or details.get("alternatives") or []
    return [matching_case(finding.text, str(o)) for o in offered[:MAX_FIXES] if str(o).strip()]


def code_actions(
    text_lines: list[str],
    uri: str,
    diagnostics: Sequence[types.Diagnostic],
    in_points: Callable[[types.Range], types.Range] = lambda span: span,
) -> list[types.CodeAction]:
    """Quick fixes for the diagnostics in a request, when the words are still there
    (``in_points`` turns a range in the client's units into code points)."""
    actions = []
    for diagnostic in diagnostics:
        data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        fixes = data.get("fixes") or []
        if not fixes or _text_at(text_lines, in_points(diagnostic.range)) != data.get("text"):
            continue  # edited since, or the span holds markup: never replace blindly
        for number, fix in enumerate(fixes):
            edit = types.TextEdit(range=diagnostic.range, new_text=fix)
            actions.append(
                types.CodeAction(
                    title=f"Replace with '{fix}'",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                    is_preferred=number == 0 and diagnostic.code == "PLN007",
                )
            )
    return actions


def _text_at(lines: list[str], span: types.Range) -> str:
    start, end = span.start, span.end
    if start.line >= len(lines) or end.line >= len(lines):
        return ""
    if start.line == end.line:
        return lines[start.line][start.character : end.character]
    middle = lines[start.line + 1 : end.line]
    return "\n".join(
        [lines[start.line][start.character :], *middle, lines[end.line][: end.character]]
    )


def hover_text(finding: Finding) -> str:
    """A finding's rule, explained: what the editor shows over the words."""
    rule = by_code().get(finding.code)
    message = _MARKDOWN_SPECIAL.sub(r"\\\g<0>", finding.message)  # article text is not markup
    if rule is None:
        return message
    return (
        f"**{rule.code} {rule.name}** ({finding.severity.label})\n\n{message}\n\n---\n\n{rule.doc}"
    )


_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>()#+!|~]")


def make_server() -> LanguageServer:
    """The language server, with its handlers (started by :func:`main`)."""
    server = LanguageServer(
        "checker", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
    )
    state = CheckerServer()

    def publish(uri: str) -> None:
        document = server.workspace.get_text_document(uri)
        lines = split_lines(document.source)
        plain_lines = [line.rstrip("\r\n") for line in lines]
        codec = server.workspace.position_codec
        try:
            found = diagnostics_for(state, uri, document.source, plain_lines, document.language_id)
        except ConfigError as exc:
            message = f"checker: {exc}"
            if state.shown_error != message:  # once, not on every keystroke
                state.shown_error = message
                server.window_show_message(
                    types.ShowMessageParams(types.MessageType.Error, message)
                )
            found = []
        else:
            state.shown_error = ""
        client_ranges = [(to_client(codec, lines, span), f) for span, f in found]
        state.findings[uri] = client_ranges
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=document.version,
                diagnostics=[to_diagnostic(span, f) for span, f in client_ranges],
            )
        )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        publish(params.text_document.uri)  # a saved pyproject.toml change is picked up here

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        state.findings.pop(params.text_document.uri, None)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        found = [
            (span, finding)
            for span, finding in state.findings.get(params.text_document.uri, [])
            if _covers(span, params.position)
        ]
        if not found:
            return None
        found.sort(key=lambda item: _width(item[0]))  # the words before the sentence
        text = "\n\n---\n\n".join(hover_text(finding) for _, finding in found)
        return types.Hover(
            contents=types.MarkupContent(types.MarkupKind.Markdown, text), range=found[0][0]
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        lines = split_lines(server.workspace.get_text_document(uri).source)
        codec = server.workspace.position_codec

        def in_points(span: types.Range) -> types.Range:  # the client's units -> code points
            found = codec.range_from_client_units(lines, span)
            return _range(
                found.start.line, found.start.character, found.end.line, found.end.character
            )

        plain = [line.rstrip("\r\n") for line in lines]
        return code_actions(plain, uri, params.context.diagnostics, in_points)

    return server


def _width(span: types.Range) -> tuple[int, int]:
    return (span.end.line - span.start.line, span.end.character - span.start.character)


def _covers(span: types.Range, position: types.Position) -> bool:
    start, end = span.start, span.end
    after_start = (position.line, position.character) >= (start.line, start.character)
    before_end = (position.line, position.character) <= (end.line, end.character)
    return after_start and before_end


def main() -> None:
    """Serve over stdin and stdout until the editor says exit."""
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    make_server().start_io()
