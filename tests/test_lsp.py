"""``checker lsp``: a whole session over stdio, as an editor drives it.

initialize, didOpen -> publishDiagnostics (code, severity, ranges in UTF-16 units),
hover -> the rule's documentation, codeAction -> a quick fix that puts the plain words in
place, didChange -> fresh diagnostics, the project's configuration and inline
suppressions respected, shutdown and exit."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from queue import Empty, Queue
from typing import Any

import pytest

TIMEOUT = 60


class Client:
    """A minimal LSP client: Content-Length framed JSON-RPC over a child's pipes."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "checker", "lsp"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.messages: Queue[dict[str, Any]] = Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        number = self.next_id
        self.send({"id": number, "method": method, "params": params})
        message = self.wait(lambda m: m.get("id") == number)
        assert "error" not in message, message
        return message["result"]

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def wait(self, matches: Any) -> dict[str, Any]:
        while True:
            try:
                message = self.messages.get(timeout=TIMEOUT)
            except Empty:
                raise AssertionError("the server did not answer in time") from None
            if matches(message):
                return message

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        message = self.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            )
        )
        return list(message["params"]["diagnostics"])

    def close(self) -> int:
        self.request("shutdown", {})
        self.notify("exit", {})
        return self.process.wait(timeout=TIMEOUT)


ARTICLE = """---
lang: en
---
# Methotrexate 💊

💊 Methotrexate is contraindicated in pregnancy.

<!-- checker: ignore PLN001 -->
It can cause hepatotoxicity.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.checker]\npaths = ["."]\n[tool.checker.severity]\nmedical-jargon = "error"\n'
    )
    return tmp_path


@pytest.fixture
def client(project: Path) -> Any:
    started = Client(project)
    started.request(
        "initialize",
        {
            "processId": None,
            "rootUri": project.as_uri(),
            "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
        },
    )
    started.notify("initialized", {})
    yield started
    if started.process.poll() is None:
        started.process.kill()


def _open(client: Client, uri: str, text: str) -> list[dict[str, Any]]:
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )
    return client.diagnostics(uri)


def test_a_session_publishes_diagnostics_with_hover_and_quick_fixes(
    client: Client, project: Path
) -> None:
    uri = (project / "draft.md").as_uri()
    diagnostics = _open(client, uri, ARTICLE)
    jargon = [d for d in diagnostics if d["code"] == "PLN001"]
    assert len(jargon) == 1, diagnostics  # the suppressed one is not published
    (term,) = jargon
    assert term["severity"] == 1  # error: the project's configuration raised it
    assert "contraindicated" in term["message"]
    # "💊 " is two UTF-16 units and one space before "Methotrexate is "
    start = len("💊 Methotrexate is ") + 1
    assert term["range"] == {
        "start": {"line": 5, "character": start},
        "end": {"line": 5, "character": start + len("contraindicated")},
    }
    assert term["source"] == "checker (medical-jargon)"

    hover = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 5, "character": start + 3}},
    )
    assert hover["contents"]["kind"] == "markdown"
    assert "PLN001 medical-jargon" in hover["contents"]["value"]
    assert "Before:" in hover["contents"]["value"]

    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": term["range"],
            "context": {"diagnostics": [term]},
        },
    )
    titles = [a["title"] for a in actions]
    assert titles and titles[0] == "Replace with 'should not be used'"
    (edit,) = actions[0]["edit"]["changes"][uri]
    assert edit == {"range": term["range"], "newText": "should not be used"}

    changed = ARTICLE.replace("contraindicated", "not safe")
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": changed}],
        },
    )
    after = client.diagnostics(uri)
    assert not [d for d in after if d["code"] == "PLN001"]
    stale = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": term["range"], "context": {"diagnostics": [term]}},
    )
    assert stale == []  # the words are gone: nothing is replaced blindly
    assert client.close() == 0


def test_files_the_checker_does_not_read_get_no_diagnostics(client: Client, project: Path) -> None:
    uri = (project / "script.py").as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": "x = 1\n"}},
    )
    assert client.diagnostics(uri) == []
    assert client.close() == 0


def test_unreadable_text_is_one_diagnostic_naming_the_problem(
    client: Client, project: Path
) -> None:
    uri = (project / "empty.md").as_uri()
    (diagnostic,) = _open(client, uri, "   \n")
    assert diagnostic["severity"] == 1 and "empty" in diagnostic["message"]
    assert client.close() == 0


def test_lines_end_where_the_client_ends_them() -> None:
    from checker.lsp import split_lines

    assert split_lines("a\u2028b\x0cc\r\nd\re\nf") == ["a\u2028b\x0cc\r\n", "d\r", "e\n", "f"]


def test_a_windows_uri_is_a_path_with_its_drive() -> None:
    from checker.lsp import path_of

    assert str(path_of("file:///c%3A/Users/ana/draft.md")).lower().startswith("c:")
    assert path_of("file:///tmp/a%20b.md") == Path("/tmp/a b.md")


def test_ranges_after_a_line_separator_and_with_old_mac_line_ends(project: Path) -> None:
    from checker.lsp import CheckerServer, diagnostics_for, split_lines

    server = CheckerServer()
    uri = (project / "draft.md").as_uri()
    text = "---\nlang: en\n---\n# T\n\nSee\u2028this: it is contraindicated.\n"
    lines = [line.rstrip("\r\n") for line in split_lines(text)]
    (span,) = [s for s, f in diagnostics_for(server, uri, text, lines) if f.code == "PLN001"]
    start = lines[5].index("contraindicated")
    assert (span.start.line, span.start.character) == (5, start)
    old_mac = text.replace("\n", "\r")
    lines = [line.rstrip("\r\n") for line in split_lines(old_mac)]
    codes = [f.code for _, f in diagnostics_for(server, uri, old_mac, lines)]
    assert "PLN001" in codes


def test_article_text_in_a_hover_is_not_markup() -> None:
    from checker.lsp import hover_text
    from checker.model import Finding, Scope, Severity

    finding = Finding(
        "A11Y001",
        "link-text",
        Severity.WARNING,
        "'[click](javascript:x)' says nothing",
        "a.md",
        Scope.PARAGRAPH,
        1,
        1,
    )
    assert "\\[click\\]\\(javascript:x\\)" in hover_text(finding)
