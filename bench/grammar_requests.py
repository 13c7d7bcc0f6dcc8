"""Requests and time the GRM rules cost on the sample content, against a loopback LanguageTool.

Usage: python bench/grammar_requests.py [--runs 3]

Checks the bundled sample content and catalogs (what ``checker check`` checks with
no arguments) three ways: without the GRM rules; with them and an empty cache
(cold); and again with the cache the cold run filled (warm).  The server is the
LanguageTool stand-in of the tests (``tests/languagetool_server.py``) on loopback,
so the time is the checker's own cost (batching, requests, cache, rules), not
LanguageTool's.  Prints requests, cache hits and the best of ``--runs`` times.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.config import Config, load_config  # noqa: E402
from checker.engine import CheckResult, Selection  # noqa: E402
from checker.grammar.checker import GrammarChecker  # noqa: E402
from checker.pipeline import check_paths  # noqa: E402
from tests.languagetool_server import serve  # noqa: E402


def full_check(config: Config, selection: Selection, cache: Path | None) -> CheckResult:
    grammar = None
    if cache is not None:
        grammar = GrammarChecker(config.languagetool, cache)
    targets = [config.root / p for p in config.paths]
    return check_paths(targets, config, selection, translations=True, grammar=grammar)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    base = load_config(REPO / "pyproject.toml")
    with serve() as lt, tempfile.TemporaryDirectory(prefix="checker-grm-") as tmp:
        options = dataclasses.replace(base.languagetool, url=lt.url)
        config = dataclasses.replace(base, languagetool=options)
        without = Selection.build(config.select, (*config.ignore, "GRM"))
        with_grm = Selection.build(config.select, config.ignore)
        full_check(config, without, None)  # load the dictionaries once, outside the timings

        times: dict[str, list[float]] = {"without": [], "cold": [], "warm": []}
        counts: dict[str, tuple[int, int, int, int]] = {}
        for run in range(args.runs):
            cache = Path(tmp) / f"cache-{run}"
            for label, selection, folder in (
                ("without", without, None),
                ("cold", with_grm, cache),
                ("warm", with_grm, cache),
            ):
                checks, languages = len(lt.checks), lt.language_calls
                start = time.perf_counter()
                result = full_check(config, selection, folder)
                times[label].append(time.perf_counter() - start)
                if result.grammar is not None:
                    grm = sum(1 for f in result.findings if f.code.startswith("GRM"))
                    counts[label] = (
                        len(lt.checks) - checks,
                        lt.language_calls - languages,
                        result.grammar.cached,
                        grm,
                    )
        articles = sum(1 for a in result.articles if a.document.format != "gettext")
        print(f"sample content: {articles} articles (translations built in memory included)")
        for label in ("cold", "warm"):
            checks, languages, cached, grm = counts[label]
            print(
                f"  {label:<5} requests: {checks} /v2/check + {languages} /v2/languages, "
                f"{cached} answers from the cache, {grm} GRM findings"
            )
        best = {label: min(values) for label, values in times.items()}
        print(f"  check without GRM     {best['without']:.3f} s (best of {args.runs})")
        for label in ("cold", "warm"):
            added = best[label] - best["without"]
            print(f"  check with GRM, {label:<5} {best[label]:.3f} s  (+{added:.3f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
