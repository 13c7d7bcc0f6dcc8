"""Run axe-core over every page of the sample report and take the screenshots in docs/.

Usage: python bench/report_browser.py [--no-screenshots]

Writes the report of the bundled sample content and catalogs to a temporary folder,
opens every page in headless Chromium (Debian's ``/usr/bin/chromium`` through
Playwright; nothing is downloaded), runs axe-core from ``tests/browser`` (``npm ci
--prefix tests/browser``) and prints the violations, passes and incomplete checks
per rule.  Then saves ``docs/report-dashboard.png`` and ``docs/report-article.png``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AXE = Path(
    os.environ.get("CHECKER_AXE_JS", REPO / "tests/browser/node_modules/axe-core/axe.min.js")
)
CHROMIUM = os.environ.get("CHECKER_CHROMIUM", "/usr/bin/chromium")
ARTICLE_PAGE = "articles/content_methotrexate-weekly-dosing.md.html"


def write_sample_report(out: Path) -> None:
    from checker.config import load_config
    from checker.engine import Selection
    from checker.pipeline import check_paths
    from checker.report.site import write_report

    config = load_config(REPO / "pyproject.toml")
    selection = Selection.build(config.select, config.ignore)
    targets = [config.root / p for p in config.paths]
    result = check_paths(targets, config, selection, translations=True)
    write_report(result, out, config.source_language)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-screenshots", action="store_true")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    axe = AXE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="checker-report-") as tmp:
        out = Path(tmp)
        write_sample_report(out)
        pages = sorted(out.rglob("*.html"))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            context = browser.new_context(bypass_csp=True)  # so that axe can be added
            page = context.new_page()
            version = ""
            violations: Counter[str] = Counter()
            passes = incomplete = 0
            for path in pages:
                page.goto(path.as_uri())
                page.evaluate(axe)
                results = page.evaluate(
                    """async () => {
                        const r = await axe.run(document);
                        return {version: r.testEngine.version,
                                violations: r.violations.map(v => v.id + " " + v.impact),
                                passes: r.passes.length, incomplete: r.incomplete.length};
                    }"""
                )
                version = results["version"]
                violations.update(results["violations"])
                passes += results["passes"]
                incomplete += results["incomplete"]
            print(f"axe-core {version} on {len(pages)} pages of the sample report:")
            print(f"  violations: {sum(violations.values())} {dict(violations) or ''}")
            print(f"  rules passed (summed over pages): {passes}; needing review: {incomplete}")
            context.close()
            if not args.no_screenshots:
                shots = browser.new_context(viewport={"width": 1280, "height": 900})
                shot = shots.new_page()
                docs = REPO / "docs"
                docs.mkdir(exist_ok=True)
                shot.goto((out / "index.html").as_uri())
                shot.screenshot(path=str(docs / "report-dashboard.png"))
                shot.goto((out / ARTICLE_PAGE).as_uri() + "#text")
                shot.screenshot(path=str(docs / "report-article.png"))
                print("  screenshots: docs/report-dashboard.png, docs/report-article.png")
            browser.close()
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
