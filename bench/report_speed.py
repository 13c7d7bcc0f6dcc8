"""Time `checker report` against `checker check` on the speed corpus with three locales.

Usage: python bench/report_speed.py [--articles 2000] [--words 500] [--seed 7] [--runs 1]

Builds, in a temporary folder, the corpus of ``bench/speed.py`` (``--articles``
Markdown articles of about ``--words`` words) and a catalog per article in es, fr
and de (``checker i18n extract`` and ``init``).  The catalogs are filled with
pseudo-translations, the source text behind a locale marker, with 5% of the units
left untranslated and 5% marked fuzzy, so that every translation is built and
checked.  Then, as a user runs them, it times ``checker check --format json`` and
``checker report`` (both include the catalogs) and prints the ratio (target: the
report costs at most twice the check), the report's size and its number of pages.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from speed import CHECKER_SCRIPT, build_corpus  # bench/speed.py: the same corpus

from checker.config import Config, load_config
from checker.i18n.catalog import read_catalog, write_catalog
from checker.i18n.layout import Layout
from checker.i18n.workflow import extract, init

LOCALES = ("es", "fr", "de")
RATIO_TARGET = 2.0


def pseudo_translation(msgid: str, locale: str) -> str:
    return f"[{locale}] {msgid}"


def extracted_project(folder: Path, articles: int, words: int, seed: int) -> Config:
    """The speed corpus with es, fr and de configured and its templates extracted."""
    build_corpus(folder, articles, words, seed)
    (folder / "pyproject.toml").write_text(
        '[tool.checker]\npaths = ["content"]\n\n'
        f"[tool.checker.i18n]\nlocales = {list(LOCALES)!r}\n".replace("'", '"'),
        encoding="utf-8",
    )
    config = load_config(folder / "pyproject.toml")
    extract(config)
    return config


def build_project(
    folder: Path,
    articles: int,
    words: int,
    seed: int,
    translation: Callable[[str, str], str] = pseudo_translation,
) -> None:
    """The extracted project with a catalog per locale, 5% untranslated and 5% fuzzy."""
    config = extracted_project(folder, articles, words, seed)
    rng = random.Random(seed)
    layout = Layout.of(config)
    for locale in LOCALES:
        init(config, locale)
        for _, path in layout.catalogs(locale):
            catalog = read_catalog(path)
            for entry in catalog:
                roll = rng.random()
                if roll < 0.05:
                    continue  # untranslated
                entry.msgstr = translation(entry.msgid, locale)
                if roll < 0.10:
                    entry.flags.append("fuzzy")
            write_catalog(catalog, path)


def run(arguments: list[str], folder: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [str(CHECKER_SCRIPT), *arguments], cwd=folder, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"checker {' '.join(arguments)} failed ({done.returncode}):\n{done.stderr}")
    if arguments[0] == "report":
        print("  " + done.stdout.strip().replace("\n", "\n  "))
    return seconds


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), sum(1 for p in files if p.suffix == ".html")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=1, help="runs of each command (best kept)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="checker-report-bench-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        build_project(folder, args.articles, args.words, args.seed)
        catalogs = len(LOCALES) * args.articles
        print(
            f"corpus: {args.articles} articles of about {args.words} words, {catalogs} catalogs "
            f"({', '.join(LOCALES)}), built in {time.perf_counter() - start:.1f} s"
        )
        check = min(
            run(["check", "--format", "json", "-o", str(folder / "check.json")], folder)
            for _ in range(args.runs)
        )
        print(f"checker check --format json   {check:8.2f} s")
        report = min(
            run(["report", "--out", str(folder / "reports")], folder) for _ in range(args.runs)
        )
        print(f"checker report                {report:8.2f} s")
        ratio = report / check
        verdict = "PASS" if ratio <= RATIO_TARGET else "FAIL"
        print(f"report / check                {ratio:8.2f}   target <= {RATIO_TARGET:g}: {verdict}")
        size, pages = folder_size(folder / "reports")
        json_size = (folder / "reports" / "report.json").stat().st_size
        print(
            f"report size                   {size / 1e6:8.1f} MB in {pages} pages "
            f"(report.json {json_size / 1e6:.1f} MB, index.html "
            f"{(folder / 'reports' / 'index.html').stat().st_size / 1e6:.1f} MB)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
