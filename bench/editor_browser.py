"""Open the live editor (``checker serve``) in Chromium, type a sample article, time the
first highlights, and save ``docs/editor.png``.

Usage: python bench/editor_browser.py [--article content/methotrexate-weekly-dosing.md]

Starts the editor's app with the repository's configuration on a free loopback port
(uvicorn, as ``checker serve`` does), opens it in Debian's Chromium through Playwright
(nothing is downloaded), pastes the article into the editor, waits for the side panel
to list the findings, prints how long that took and how many findings were placed, and
saves the screenshot.
"""

from __future__ import annotations

import argparse
import os
import socket
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHECKER_CHROMIUM", "/usr/bin/chromium")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--article", type=Path, default=REPO / "content" / "methotrexate-weekly-dosing.md"
    )
    args = parser.parse_args()
    import uvicorn
    from playwright.sync_api import sync_playwright

    from checker.config import load_config
    from checker.serve import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(load_config(REPO / "pyproject.toml")),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    text = args.article.read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"http://127.0.0.1:{port}/")
        start = time.perf_counter()
        page.fill("#text", text)
        page.dispatch_event("#text", "input")
        page.wait_for_selector("#findings li", timeout=60_000)
        page.wait_for_function(
            "() => !document.getElementById('status').textContent.startsWith('Checking')"
        )
        elapsed = time.perf_counter() - start
        marks = page.locator("#backdrop mark").count()
        entries = page.locator("#findings li").count()
        print(
            f"{args.article.name}: {len(text.split())} words; {entries} findings listed, "
            f"{marks} highlighted spans, {elapsed:.2f} s from paste to panel "
            "(350 ms of it the typing pause)"
        )
        shot = REPO / "docs" / "editor.png"
        page.screenshot(path=str(shot))
        print(f"screenshot: {shot.relative_to(REPO)}")
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
