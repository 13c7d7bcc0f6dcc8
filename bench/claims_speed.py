"""Time the claim stage alone (cues, citations, numbers) on real articles.

Usage: python bench/claims_speed.py PATH... [--passes 15]

Loads and analyses every article once, then times ``find_claims`` over all of them
``--passes`` times and prints the fastest pass in microseconds per word (the fastest pass is
the least disturbed by other work on a shared machine).  To compare with another version
of the checker, run the same command with ``PYTHONPATH`` pointing at a checkout of it
(``git worktree add /tmp/before <commit>``), alternating the two a few times.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from checker.claims.finder import find_claims
from checker.config import Config
from checker.loading import load_document
from checker.text.analysis import analyse

SUFFIXES = (".md", ".txt", ".html", ".htm")


def articles(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES)
        else:
            found.append(path)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--passes", type=int, default=15)
    args = parser.parse_args(argv)
    config = Config()
    documents = [load_document(path, config) for path in articles(args.paths)]
    analyses = [analyse(document) for document in documents]
    words = sum(len(s.text.split()) for analysis in analyses for s in analysis.sentences)
    for document, analysis in zip(documents, analyses, strict=True):  # compile the cues first
        find_claims(document, analysis, config.claims)
    fastest = float("inf")
    for _ in range(args.passes):
        start = time.perf_counter()
        for document, analysis in zip(documents, analyses, strict=True):
            find_claims(document, analysis, config.claims)
        fastest = min(fastest, time.perf_counter() - start)
    print(
        f"{len(documents)} articles, {words} words: fastest of {args.passes} passes "
        f"{fastest * 1000:.1f} ms, {fastest * 1e6 / words:.2f} us/word"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
