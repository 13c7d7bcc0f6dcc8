"""A LanguageTool stand-in on loopback, speaking the ``/v2/languages`` and ``/v2/check`` API.

It answers in LanguageTool's documented JSON (``matches`` with ``offset``, ``length``,
``message``, ``replacements``, ``rule`` and ``rule.category``), reads annotated
``data`` the way LanguageTool does (markup parts are skipped but counted in the
offsets, which are in UTF-16 code units), and finds a few fixed mistakes so that
tests know exactly what to expect.  ``mode`` makes it fail on purpose: ``http-500``,
``malformed``, ``slow`` (answers after ``delay`` seconds) or ``not-json``.  Every
request is recorded.  ``python tests/languagetool_server.py PORT`` serves until killed.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "Spanish", "code": "es", "longCode": "es"},
    {"name": "French", "code": "fr", "longCode": "fr"},
    {"name": "German", "code": "de", "longCode": "de"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]

#: (pattern, rule id, category id, category name, issue type, message, replacements)
RULES: list[tuple[str, str, str, str, str, str, list[str]]] = [
    (
        r"\bwatter\b",
        "MORFOLOGIK_RULE_EN_US",
        "TYPOS",
        "Possible Typo",
        "misspelling",
        "Possible spelling mistake found.",
        ["water", "waiter"],
    ),
    (
        r"\bhepatotoxicity\b",
        "MORFOLOGIK_RULE_EN_US",
        "TYPOS",
        "Possible Typo",
        "misspelling",
        "Possible spelling mistake found.",
        ["hepatotoxic"],
    ),
    (
        r"\bHumira\b",
        "MORFOLOGIK_RULE_EN_US",
        "TYPOS",
        "Possible Typo",
        "misspelling",
        "Possible spelling mistake found.",
        ["Humor"],
    ),
    (
        r"\byou misses\b",
        "PERSONAL_PRONOUN_AGREEMENT",
        "GRAMMAR",
        "Grammar",
        "grammar",
        "The pronoun 'you' must be used with a non-third-person form of a verb.",
        ["you miss"],
    ),
    (
        r"\b[Ii]n order to\b",
        "IN_ORDER_TO",
        "STYLE",
        "Style",
        "style",
        "Consider using 'to' instead of 'in order to'.",
        ["to"],
    ),
    (
        r" ,",
        "COMMA_PARENTHESIS_WHITESPACE",
        "TYPOGRAPHY",
        "Typography",
        "whitespace",
        "Put a space after the comma, but not before the comma.",
        [","],
    ),
    (
        r"\bmedicamento que\b",
        "ES_TEST_RULE",
        "GRAMMAR",
        "Gramática",
        "grammar",
        "Regla de prueba.",
        [],
    ),
    (
        r"\bpwned\b",
        "MORFOLOGIK_RULE_EN_US",
        "TYPOS",
        "Possible Typo",
        "misspelling",
        "Possible spelling mistake found.",
        ["owned"],
    ),
]


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class FakeLanguageTool:
    """The server's state: how it behaves and what it was asked."""

    mode: str = "ok"
    delay: float = 0.0
    checks: list[dict[str, Any]] = field(default_factory=list)
    language_calls: int = 0
    url: str = ""

    def matches(self, parts: list[dict[str, str]]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        position = 0  # UTF-16 units, over text and markup alike
        for part in parts:
            if "text" in part:
                text = part["text"]
                for pattern, rule_id, cat_id, cat_name, issue, message, repl in RULES:
                    for found in re.finditer(pattern, text):
                        out.append(
                            {
                                "message": message,
                                "shortMessage": "",
                                "replacements": [{"value": r} for r in repl],
                                "offset": position + utf16_length(text[: found.start()]),
                                "length": utf16_length(found.group(0)),
                                "context": {"text": text[:80], "offset": 0, "length": 0},
                                "sentence": text,
                                "type": {"typeName": "Other"},
                                "rule": {
                                    "id": rule_id,
                                    "description": message,
                                    "issueType": issue,
                                    "category": {"id": cat_id, "name": cat_name},
                                },
                                "ignoreForIncompleteSentence": False,
                                "contextForSureMatch": 0,
                            }
                        )
                position += utf16_length(text)
            else:
                position += utf16_length(part.get("markup", ""))
        out.sort(key=lambda m: int(m["offset"]))
        return out


def _handler(state: FakeLanguageTool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def _send(self, status: int, body: str, kind: str = "application/json") -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path.rstrip("/") == "/v2/languages":
                state.language_calls += 1
                self._send(200, json.dumps(LANGUAGES))
            else:
                self._send(404, "Not found", "text/plain")

        def do_POST(self) -> None:
            if self.path.rstrip("/") != "/v2/check":
                self._send(404, "Not found", "text/plain")
                return
            length = int(self.headers.get("Content-Length", "0"))
            form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
            fields = {k: v[0] for k, v in form.items()}
            state.checks.append(fields)
            if state.mode == "slow":
                time.sleep(state.delay)
            if state.mode == "http-500":
                self._send(500, "Error: internal error in the test server", "text/plain")
                return
            if state.mode == "not-json":
                self._send(200, "<html>proxy error</html>", "text/html")
                return
            if state.mode == "malformed":
                self._send(200, json.dumps({"matches": [{"offset": "x"}]}))
                return
            language = fields.get("language", "")
            if language not in {item["longCode"] for item in LANGUAGES}:
                self._send(
                    400,
                    f"Error: '{language}' is not a language code known to LanguageTool.",
                    "text/plain",
                )
                return
            if "data" in fields:
                parts = json.loads(fields["data"])["annotation"]
            else:
                parts = [{"text": fields.get("text", "")}]
            disabled = set(filter(None, fields.get("disabledRules", "").split(",")))
            matches = [m for m in state.matches(parts) if m["rule"]["id"] not in disabled]
            body = {
                "software": {"name": "LanguageTool", "version": "6.6-test", "apiVersion": 1},
                "language": {"name": language, "code": language},
                "matches": matches,
            }
            self._send(200, json.dumps(body))

    return Handler


@contextmanager
def serve(state: FakeLanguageTool | None = None) -> Iterator[FakeLanguageTool]:
    """Run the stand-in on a free loopback port for the duration of a ``with`` block."""
    state = state or FakeLanguageTool()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8081
    http = ThreadingHTTPServer(("127.0.0.1", port), _handler(FakeLanguageTool()))
    http.serve_forever()
