"""``checker serve``: the live editor's API and its pages, over a real socket, and the
editor in Debian's Chromium (type text, see a highlight and a side-panel entry appear,
axe-core clean).

The server is uvicorn in a thread on a free loopback port, as ``checker serve`` runs it.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from checker.serve import CSP, create_app
from tests.test_office import build_docx
from tests.test_report_browser import AXE, _require_browser

ARTICLE = "---\nlang: en\n---\nMethotrexate is contraindicated in pregnancy. It cures cancer.\n"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("project")
    (root / "pyproject.toml").write_text(
        '[tool.checker]\n[tool.checker.severity]\nmedical-jargon = "error"\n'
    )
    from checker.config import load_config

    config = load_config(root / "pyproject.toml")
    port = _free_port()
    running = uvicorn.Server(
        uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


def _call(
    url: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _check(server: str, payload: dict[str, Any], **headers: str) -> tuple[int, Any]:
    status, _, body = _call(
        f"{server}/api/check",
        json.dumps(payload).encode(),
        {"Content-Type": "application/json", **headers},
    )
    return status, json.loads(body)


def test_the_api_answers_the_article_object_of_the_json_contract(server: str) -> None:
    status, article = _check(server, {"text": ARTICLE, "lang": "auto", "format": "markdown"})
    assert status == 200
    assert {"path", "lang", "format", "metrics", "findings", "repairs", "title_line"} <= set(
        article
    )
    found = {(f["code"], f["line"], f["column"], f["severity"]) for f in article["findings"]}
    assert ("PLN001", 4, 17, "error") in found  # the project's configuration applies
    assert ("CLM002", 4, 50, "error") in found
    assert not [f for f in article["findings"] if f["code"].startswith("GRM")]


def test_the_picked_language_reads_an_undeclared_text(server: str) -> None:
    text = "Le paracétamol peut provoquer des nausées chez certaines personnes."
    status, article = _check(server, {"text": text, "lang": "fr", "format": "text"})
    assert status == 200 and article["lang"] == "fr"
    assert any(f["code"] == "PLN006" and f["text"] == "nausées" for f in article["findings"])


@pytest.mark.parametrize(
    ("payload", "status", "message"),
    [
        ({"text": 3}, 400, "'text' must be a string"),
        ({"text": "x", "format": "docx"}, 400, "'format' must be one of"),
        ({"text": "x", "lang": "xx"}, 400, "'lang' must be auto or one of"),
        ({"text": "   "}, 422, "empty"),
    ],
)
def test_bad_requests_are_answered_with_a_reason(
    server: str, payload: dict[str, Any], status: int, message: str
) -> None:
    got, answer = _check(server, payload)
    assert got == status and message in answer["error"]


def test_other_sites_and_other_host_names_are_refused(server: str) -> None:
    status, answer = _check(server, {"text": ARTICLE}, Origin="http://evil.example")
    assert status == 403 and "other sites" in answer["error"]
    status, _, _ = _call(f"{server}/", headers={"Host": "evil.example"})
    assert status == 400  # DNS rebinding: a page served under another name
    status, _, _ = _call(f"{server}/api/check", b"text=x", {"Content-Type": "text/plain"})
    assert status == 415


def test_pages_carry_the_content_security_policy(server: str) -> None:
    status, headers, body = _call(f"{server}/")
    assert status == 200 and headers["content-security-policy"] == CSP
    page = body.decode()
    assert '<script src="/static/editor.js" defer></script>' in page
    assert 'value="es">Español<' in page
    status, headers, body = _call(f"{server}/rules/PLN001")
    assert status == 200 and headers["content-security-policy"] == CSP
    assert "medical-jargon" in body.decode()
    status, _, _ = _call(f"{server}/rules/XYZ999")
    assert status == 404
    status, _, _ = _call(f"{server}/static/../../pyproject.toml")
    assert status == 404


def test_a_word_document_opens_as_markdown(server: str, tmp_path: Path) -> None:
    path = build_docx(tmp_path / "draft.docx", tmp_path)
    status, _, body = _call(
        f"{server}/api/open",
        path.read_bytes(),
        {"X-File-Name": "draft.docx", "Content-Type": "application/octet-stream"},
    )
    opened = json.loads(body)
    assert status == 200 and opened["format"] == "markdown" and opened["lang"] == "en-GB"
    assert opened["text"].startswith("---\ntitle: Methotrexate\nlang: en-GB\n---\n")
    assert "\n# Taking methotrexate\n" in opened["text"]
    assert "\n- Take it once a week.\n" in opened["text"]
    status, article = _check(server, {"text": opened["text"], "format": "markdown"})
    assert any(f["code"] == "PLN001" for f in article["findings"])
    status, _, body = _call(f"{server}/api/open", b"\x00\x01", {"X-File-Name": "photo.png"})
    assert status == 422 and "open a .md" in json.loads(body)["error"]


def test_the_report_download_is_the_article_page(server: str) -> None:
    status, headers, body = _call(
        f"{server}/api/report",
        json.dumps({"text": ARTICLE}).encode(),
        {"Content-Type": "application/json"},
    )
    assert status == 200
    assert headers["content-disposition"] == 'attachment; filename="checker-report.html"'
    page = body.decode()
    assert "contraindicated" in page and "Content-Security-Policy" in page


# -- in the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    from tests.test_report_browser import CHROMIUM

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        context = browser.new_context(bypass_csp=True)  # only so that axe can be added
        requests: list[str] = []
        opened = context.new_page()
        opened.on("request", lambda r: requests.append(r.url))
        opened.goto(server + "/")
        opened.requests = requests  # type: ignore[attr-defined]
        yield opened
        browser.close()


def test_typing_shows_highlights_and_side_panel_entries(page: Any, server: str) -> None:
    page.focus("#text")
    page.keyboard.type("It is contraindicated in pregnancy.\n\nIt cures cancer.")
    page.wait_for_selector("#findings li[data-code='PLN001']", timeout=20_000)
    marks = page.locator("#backdrop mark")
    assert "contraindicated" in marks.all_text_contents()
    entry = page.locator("#findings li[data-code='PLN001']")
    assert "should not be used" in entry.inner_text()
    assert entry.locator("a").get_attribute("href") == "/rules/PLN001"
    assert page.inner_text("#claims") != "-"
    assert page.inner_text("#grade") != ""
    # the side panel's entry selects the words in the editor, from the keyboard
    entry.locator("button").focus()
    page.keyboard.press("Enter")
    selected = page.evaluate(
        "() => { const t = document.getElementById('text');"
        " return t.value.slice(t.selectionStart, t.selectionEnd); }"
    )
    assert selected == "contraindicated"
    assert all(url.startswith(server) for url in page.requests)  # type: ignore[attr-defined]


def test_a_wordy_phrase_is_replaced_from_the_side_panel(page: Any) -> None:
    page.fill("#text", "Rest prior to the test.")
    page.dispatch_event("#text", "input")
    page.wait_for_selector("#findings li[data-code='PLN007'] button.apply", timeout=20_000)
    page.click("#findings li[data-code='PLN007'] button.apply")
    assert page.input_value("#text") == "Rest before the test."
    page.wait_for_function(
        "() => !document.querySelector(\"#findings li[data-code='PLN007']\")", timeout=20_000
    )


def test_article_text_is_never_markup(page: Any) -> None:
    page.fill("#text", "<img src=x onerror=\"document.title='owned'\"> It is contraindicated.")
    page.dispatch_event("#text", "input")
    page.wait_for_function(
        "() => document.getElementById('backdrop').textContent.includes('onerror')",
        timeout=20_000,
    )
    assert page.locator("#backdrop img").count() == 0
    assert page.title() != "owned"


def test_axe_finds_no_violation_in_the_editor(page: Any) -> None:
    page.fill("#text", "It is contraindicated in pregnancy. It cures cancer.")
    page.dispatch_event("#text", "input")
    page.wait_for_selector("#findings li", timeout=20_000)
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => v.id + ": " + v.nodes.map(n => n.target).join(" "));
        }"""
    )
    assert violations == []


def test_a_port_already_taken_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from checker.cli import app

    monkeypatch.chdir(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port), "--no-browser"])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output


def test_hostile_json_is_a_clear_400(server: str) -> None:
    deep = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    status, _, body = _call(f"{server}/api/check", deep, {"Content-Type": "application/json"})
    assert status == 400 and "not JSON" in json.loads(body)["error"]
    lone = b'{"text": "It is contraindicated \\ud800 here."}'
    status, _, body = _call(f"{server}/api/check", lone, {"Content-Type": "application/json"})
    assert status == 400 and "lone surrogate" in json.loads(body)["error"]
    status, _, _ = _call(f"{server}/", headers={"Host": "testserver"})
    assert status == 400
