"""The HTML report in a real browser: Debian's Chromium, driven by Playwright.

axe-core (``tests/browser``, installed with ``npm ci``) must find no accessibility
violation on any page of the sample report; nothing from an article may run; the
pages make no request but for their own file; the tables sort from the keyboard and
filter; without JavaScript everything is still there; printing hides the controls.

The browser is never downloaded: Playwright starts ``/usr/bin/chromium`` (or
``$CHECKER_CHROMIUM``).  When the browser, axe-core or Playwright is missing the
tests are skipped, unless ``CHECKER_REQUIRE_BROWSER=1`` (set by ``.ci/run``) turns
the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.config import load_config
from checker.engine import Selection
from checker.pipeline import check_paths
from checker.report.site import write_report
from tests.conftest import FIXTURES, make_config

REPO = Path(__file__).resolve().parents[1]
AXE = Path(
    os.environ.get("CHECKER_AXE_JS", REPO / "tests/browser/node_modules/axe-core/axe.min.js")
)
CHROMIUM = Path(os.environ.get("CHECKER_CHROMIUM", "/usr/bin/chromium"))


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if not AXE.exists():
        return f"no axe-core at {AXE} (npm ci --prefix tests/browser)"
    return None


def _require_browser() -> None:
    reason = _missing()
    if reason is None:
        return
    if os.environ.get("CHECKER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required but cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the bundled sample content and catalogs, as `checker report` writes it."""
    _require_browser()
    config = load_config(REPO / "pyproject.toml")
    selection = Selection.build(config.select, config.ignore)
    targets = [config.root / p for p in config.paths]
    result = check_paths(targets, config, selection, translations=True)
    out = tmp_path_factory.mktemp("sample-report")
    write_report(result, out, config.source_language)
    return out


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _require_browser()
    folder = tmp_path_factory.mktemp("hostile")
    for name in ("hostile.md", "hostile.html", "hostile.txt"):
        shutil.copy(FIXTURES / "report_hostile" / name, folder / name)
    config = make_config(folder)
    write_report(check_paths([folder], config), folder / "reports", "en")
    return folder / "reports"


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def test_axe_finds_no_violation_on_any_page_of_the_sample_report(
    browser: Any, sample_report: Path
) -> None:
    pages = _pages(sample_report)
    assert len(pages) > 20  # the dashboard, every article, every catalog
    context = browser.new_context(bypass_csp=True)  # only so that axe itself can be added
    page = context.new_page()
    axe = AXE.read_text(encoding="utf-8")
    problems = {}
    for path in pages:
        page.goto(path.as_uri())
        page.evaluate(axe)
        violations = page.evaluate(
            """async () => {
                const results = await axe.run(document, {resultTypes: ["violations"]});
                return results.violations.map(v => v.id + ": " + v.help + " at " +
                    v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "));
            }"""
        )
        if violations:
            problems[path.relative_to(sample_report).as_posix()] = violations
    context.close()
    assert problems == {}


def test_nothing_from_an_article_runs_and_nothing_is_requested(
    browser: Any, hostile_report: Path
) -> None:
    context = browser.new_context()  # the pages' own policy applies
    page = context.new_page()
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    for path in _pages(hostile_report):
        requests.clear()
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path.name
        assert requests == [path.as_uri()], (path.name, requests)
    assert dialogs == []
    # and the markup is there to read, as text
    page.goto((hostile_report / "articles" / "hostile.txt.html").as_uri())
    text = _article_text(page)
    assert '<script>window.__pwned = "txt"</script>' in text
    assert "onerror=\"window.__pwned = 'onerror'\"" in text
    assert "javascript:window.__pwned='bare'" in text
    page.goto((hostile_report / "articles" / "hostile.md.html").as_uri())
    assert "(link to javascript:window.__pwned='link')" in _article_text(page)
    assert page.locator("a[href^='javascript']").count() == 0
    context.close()


def _article_text(page: Any) -> str:
    """The article text as a reader sees it, without the finding numbers."""
    return str(
        page.evaluate(
            """() => {
                const copy = document.querySelector("div.article-text").cloneNode(true);
                copy.querySelectorAll("sup, .where").forEach(node => node.remove());
                return copy.textContent;
            }"""
        )
    )


def _watched_page(browser: Any) -> tuple[Any, Any, list[str]]:
    """A new page whose script errors and console messages are collected."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text))
    return context, page, errors


def test_the_dashboard_sorts_from_the_keyboard_and_filters(
    browser: Any, sample_report: Path
) -> None:
    context, page, errors = _watched_page(browser)
    page.goto((sample_report / "index.html").as_uri())
    table = "#articles-table"
    grade_header = page.locator(f"{table} thead th", has_text="Grade").first
    button = grade_header.locator("button.sort")
    button.focus()
    page.keyboard.press("Enter")
    assert grade_header.get_attribute("aria-sort") == "ascending"
    grades = _numbers(page, table, 3)
    assert grades == sorted(grades) and len(grades) > 5
    page.keyboard.press("Enter")
    assert grade_header.get_attribute("aria-sort") == "descending"
    assert _numbers(page, table, 3) == sorted(grades, reverse=True)

    rows = page.locator(f"{table} tbody tr")
    total = rows.count()
    page.fill("#articles-text", "methotrexate")
    visible = page.locator(f"{table} tbody tr:visible")
    assert 0 < visible.count() < total
    assert page.inner_text("#articles-status") == f"Showing {visible.count()} of {total} rows."
    page.fill("#articles-text", "")
    page.select_option("#articles-lang", "es")
    assert all(r.get_attribute("data-lang") == "es" for r in visible.all()) and visible.count() > 0
    assert errors == []  # the script runs under the CSP without a single complaint
    context.close()


def _numbers(page: Any, table: str, column: int) -> list[float]:
    values = page.eval_on_selector_all(
        f"{table} tbody tr td:nth-child({column})",
        "cells => cells.map(c => c.getAttribute('data-value'))",
    )
    return [float(v) for v in values if v]


def test_without_javascript_every_row_is_there_and_the_filters_are_hidden(
    browser: Any, sample_report: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((sample_report / "index.html").as_uri())
    rows = page.locator("#articles-table tbody tr")
    assert (
        rows.count() > 10
        and rows.count() == page.locator("#articles-table tbody tr:visible").count()
    )
    assert not page.locator("form.filters").first.is_visible()
    assert page.locator("#translations-table tbody tr:visible").count() > 0
    context.close()


def test_print_hides_the_controls_and_keeps_the_content(browser: Any, sample_report: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    article = next((sample_report / "articles").glob("content_methotrexate-weekly-dosing*.html"))
    page.goto(article.as_uri())
    page.emulate_media(media="print")
    assert not page.locator("header.site nav").is_visible()
    assert page.locator("ol.findings > li").first.is_visible()
    assert page.locator("mark.hl").first.is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.goto((sample_report / "index.html").as_uri())
    page.emulate_media(media="print")
    assert not page.locator("form.filters").first.is_visible()
    context.close()


def test_an_article_page_shows_errors_and_warnings_only_or_one_family(
    browser: Any, sample_report: Path
) -> None:
    context, page, errors = _watched_page(browser)
    page.goto((sample_report / "articles" / "content_biologics-and-infections.md.html").as_uri())
    items = page.locator("#findings-list > li")
    total = items.count()
    info = page.locator("#findings-list > li.sev-info").count()
    assert 0 < info < total
    page.select_option("#show-severity", "warning")
    shown = page.locator("#findings-list > li:visible")
    assert shown.count() == total - info
    assert all(i.get_attribute("data-severity") != "info" for i in shown.all())
    assert page.inner_text("#findings-status") == f"Showing {total - info} of {total} findings."
    # the highlights of hidden findings are plain text again
    for mark in page.locator("mark.hl.filtered").all():
        numbers = (mark.get_attribute("data-findings") or "").split()
        visible = [n for n in numbers if page.locator(f"#finding-{n}").is_visible()]
        assert visible == []
    page.select_option("#show-severity", "")
    page.select_option("#show-family", "PLN")
    assert all(i.get_attribute("data-family") == "PLN" for i in shown.all()) and shown.count()
    assert errors == []
    # tables are drawn as tables, one cell per cell
    table = page.locator(".block.table table.content-table").first
    assert table.locator("tr").count() >= 4 and table.locator("th").count() == 4
    context.close()


def test_without_javascript_every_finding_is_listed(browser: Any, sample_report: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((sample_report / "articles" / "content_biologics-and-infections.md.html").as_uri())
    items = page.locator("#findings-list > li")
    assert items.count() == page.locator("#findings-list > li:visible").count() > 0
    assert not page.locator("form.finding-filters").is_visible()
    context.close()
