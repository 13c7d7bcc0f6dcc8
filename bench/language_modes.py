"""Language detection on real sentences: lingua's high accuracy mode against its low one.

Usage: python bench/language_modes.py PARALLEL [--sample 4000] [--seed 7]

PARALLEL holds one folder per page with the page in each language (``<page>/<lang>.md``,
as ``bench/grade_calibration.py`` reads).  Every sentence of 8 to 40 words (the lengths
the checker detects: TRN's translations of eight words or more, A11Y005's and the
loader's 25 words or more) is given to both modes among the six configured languages;
a mode that answers with confidence 0.8 or more names a language.  Printed per length
band and per whether the checker's function-word test already decides the language:
how often each mode names a wrong language (a false finding) and the right one; then,
on sentences of 120 characters or more and each page's first 600 characters (what the
checker detects in the low accuracy mode), how often the two modes' verdicts differ.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path
from typing import Any

from lingua import Language, LanguageDetectorBuilder

from checker.plain.language_detect import MIN_CONFIDENCE, SHORT_TEXT, clearly_in

LANGUAGES = {
    Language.ENGLISH: "en",
    Language.SPANISH: "es",
    Language.FRENCH: "fr",
    Language.GERMAN: "de",
    Language.ITALIAN: "it",
    Language.DUTCH: "nl",
}
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[^\W\d_]+")


def sentences(folder: Path) -> list[tuple[str, str, int]]:
    found = []
    for page in sorted(p for p in folder.iterdir() if p.is_dir()):
        for path in sorted(page.glob("*.md")):
            if path.stem not in LANGUAGES.values():
                continue
            text = LINK.sub(r"\1", path.read_text(encoding="utf-8"))
            for sentence in SENTENCE_END.split(text):
                sentence = sentence.strip().replace("\n", " ")
                words = len(WORD.findall(sentence))
                if 8 <= words <= 40 and not sentence.startswith(("#", "|", "-", "*")):
                    found.append((path.stem, sentence, words))
    return found


def verdict(detector: Any, text: str) -> str | None:
    values = detector.compute_language_confidence_values(text)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return LANGUAGES[values[0].language]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parallel", type=Path)
    parser.add_argument("--sample", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    high = LanguageDetectorBuilder.from_languages(*LANGUAGES).build()
    low = LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode().build()
    found = sentences(args.parallel)
    random.Random(args.seed).shuffle(found)
    found = found[: args.sample]
    table: dict[tuple[str, bool], list[int]] = {}
    for lang, text, words in found:
        band = "8-14" if words < 15 else ("15-24" if words < 25 else "25-40")
        decided = clearly_in(text, lang, tuple(LANGUAGES.values()))
        row = table.setdefault((band, decided), [0, 0, 0, 0, 0])
        named_high, named_low = verdict(high, text), verdict(low, text)
        row[0] += 1
        row[1] += named_high is not None and named_high != lang
        row[2] += named_low is not None and named_low != lang
        row[3] += named_high == lang
        row[4] += named_low == lang
    print(f"{len(found)} sentences")
    print(
        f"{'words':<6} {'decided':<8} {'n':>5} {'wrong: high':>12} {'low':>5} "
        f"{'right: high':>12} {'low':>5}"
    )
    for (band, decided), row in sorted(table.items()):
        n, wrong_high, wrong_low, right_high, right_low = row
        print(
            f"{band:<6} {decided!s:<8} {n:>5} {wrong_high:>12} {wrong_low:>5} "
            f"{right_high:>12} {right_low:>5}"
        )
    longer = [text for _, text, _ in found if len(text) >= SHORT_TEXT]
    longer += [p.read_text(encoding="utf-8")[:600] for p in sorted(args.parallel.glob("*/*.md"))]
    differ = sum(1 for text in longer if verdict(high, text) != verdict(low, text))
    print(f"texts of {SHORT_TEXT} characters or more: {len(longer)}, verdicts differ: {differ}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
