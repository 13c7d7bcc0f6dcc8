"""Fit the sentence-difficulty weights on MedReadMe's train split (dev for checking).

Usage: python bench/fit_difficulty.py [path/to/shared/eval]
Prints the weights to paste into checker/readability/difficulty.py and the
Pearson correlation on train and dev.  The test split is never used here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from checker.readability.difficulty import features
from checker.readability.formulas import TextCounts
from checker.text.analysis import RARE_ZIPF
from checker.text.frequency import zipf_table
from checker.text.segment import WORD
from checker.text.syllables import counter_for


def sentence_features(sentence: str) -> tuple[float, ...]:
    syllables = counter_for("en")
    zipf = zipf_table("en")
    tokens = WORD.findall(sentence)
    counts = [syllables(t) for t in tokens]
    tc = TextCounts(
        sentences=1,
        words=len(tokens),
        syllables=sum(counts),
        polysyllables=sum(c >= 3 for c in counts),
        long_words=sum(sum(ch.isalpha() for ch in t) > 6 for t in tokens),
    )
    rare = sum(1 for t in tokens if not t[0].isdigit() and zipf(t) <= RARE_ZIPF)
    return features(tc, rare)


def main() -> None:
    root = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[2] / "shared" / "eval"
    )
    rows = [
        json.loads(line) for line in (root / "medreadme" / "medreadme_readability.jsonl").open()
    ]
    data = {split: [r for r in rows if r["split"] == split] for split in ("train", "dev")}
    x = {s: np.array([sentence_features(r["sentence"]) for r in rs]) for s, rs in data.items()}
    y = {s: np.array([r["readability"] for r in rs]) for s, rs in data.items()}
    weights, *_ = np.linalg.lstsq(x["train"], y["train"], rcond=None)
    print("WEIGHTS = (" + ", ".join(f"{w:.4f}" for w in weights) + ")")
    for split in ("train", "dev"):
        pred = x[split] @ weights
        print(f"{split}: pearson {np.corrcoef(pred, y[split])[0, 1]:.3f} (n={len(y[split])})")


if __name__ == "__main__":
    main()
