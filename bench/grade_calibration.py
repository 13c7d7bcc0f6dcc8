"""Calibrate reading grades across languages on parallel texts.

Usage: python bench/grade_calibration.py PARALLEL_DIR

``PARALLEL_DIR`` holds one folder per page that a publisher put out in several
languages (``<page>/en.md``, ``<page>/es.md``, ...).  Every text is scored with the
checker's grade for its own language; the offset of a language is the median, over the
pages it shares with English, of its grade minus the English grade.  A translation as
plain as its source reads at ``source grade + offset(target) - offset(source)``; the
offsets are what ``checker/readability/calibration.py`` ships (TRN012 uses them).

Prints the offset per language with the number of pages and the spread (quartiles), and
the offsets fitted on all pairs (not only those with English) by least squares as a check.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from itertools import combinations
from pathlib import Path

from checker.config import Config
from checker.loading import parse_document
from checker.model import LoadError
from checker.readability.formulas import primary_grade
from checker.text.analysis import analyse


def grade_of(path: Path, config: Config) -> float | None:
    text = path.read_text(encoding="utf-8")
    document = parse_document(text, "markdown", str(path), str(path), config)
    scored = primary_grade(analyse(document).counts, document.lang)
    return scored[0] if scored else None


def least_squares(pairs: list[tuple[str, str, float]], langs: list[str]) -> dict[str, float]:
    """Offsets (English 0) that best explain every pairwise difference, by coordinate
    descent: each language's offset is in turn the mean its pairs imply."""
    offsets = dict.fromkeys(langs, 0.0)
    for _ in range(200):
        for lang in langs:
            if lang == "en":
                continue
            implied = [offsets[b] + d for a, b, d in pairs if a == lang]
            implied += [offsets[a] - d for a, b, d in pairs if b == lang]
            if implied:
                offsets[lang] = statistics.fmean(implied)
    return offsets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    config = Config(root=args.folder)
    grades: dict[str, dict[str, float]] = {}
    for page in sorted(p for p in args.folder.iterdir() if p.is_dir()):
        for text in sorted(page.glob("*.md")):
            try:
                grade = grade_of(text, config)
            except LoadError as exc:
                print(f"skipped {text}: {exc}", file=sys.stderr)
                continue
            if grade is not None:
                grades.setdefault(page.name, {})[text.stem] = grade
    langs = sorted({lang for by_lang in grades.values() for lang in by_lang})
    print(f"pages {len(grades)}; texts {sum(len(g) for g in grades.values())}")
    print("offset from English (median of the language's grade minus the English grade):")
    for lang in langs:
        if lang == "en":
            continue
        differences = [g[lang] - g["en"] for g in grades.values() if lang in g and "en" in g]
        if len(differences) < 2:
            continue
        q1, median, q3 = statistics.quantiles(differences, n=4, method="inclusive")
        english = statistics.median(g["en"] for g in grades.values() if lang in g and "en" in g)
        own = statistics.median(g[lang] for g in grades.values() if lang in g and "en" in g)
        print(
            f"  {lang}: {median:+.1f} over {len(differences)} pages "
            f"(quartiles {q1:+.1f} to {q3:+.1f}; medians en {english:.1f}, {lang} {own:.1f})"
        )
    pairs = [(a, b, g[a] - g[b]) for g in grades.values() for a, b in combinations(sorted(g), 2)]
    fitted = least_squares(pairs, langs)
    print("least squares over all pairs: " + ", ".join(f"{k} {v:+.1f}" for k, v in fitted.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
