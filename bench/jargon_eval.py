"""Measure the jargon rules against labelled data.

Usage: python bench/jargon_eval.py [EVAL_DIR] [--dev]

Prints, with the targets of the plain-language issue:
  a. cochrane-pls: share of pairs where the technical abstract has the higher
     complex-language share than its plain-language summary (target >= 95%);
  b. complex-lcp-biomed single words: share flagged among words rated >= 0.5 (target
     >= 80%) and among words rated < 0.25 (target <= 5%);
  c. bench/data/jargon_labelled.jsonl (written for this project, four languages):
     word-level precision and recall of what the plain-language rules flag (jargon,
     rare words, word parts, and abbreviations not expanded at first use).
a and b use the test splits; ``--dev`` uses the splits to tune on instead (cochrane-pls
val, complex-lcp-biomed train).  Exits 1 when a target fails.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evaldata import DEFAULT_EVAL, pct, read_jsonl

from checker.config import Config
from checker.engine import find_jargon
from checker.loading import parse_document
from checker.text.segment import WORD, lexical_words
from checker.text.syllables import counter_for

LABELLED = Path(__file__).resolve().parent / "data" / "jargon_labelled.jsonl"


def document(text: str, lang: str, name: str, config: Config) -> Any:
    return parse_document(f"---\nlang: {lang}\n---\n{text}\n", "text", name, name, config)


def flagged_words(text: str, lang: str, config: Config) -> set[tuple[int, int]]:
    """Word spans (offsets in ``text``) that the finder reports, every use counted."""
    doc = document(text, lang, "x.txt", config)
    found: set[tuple[int, int]] = set()
    words = lexical_words(lang)
    body_start = doc.source.index(text)
    result = find_jargon(doc, config)
    places = [(h.block, h.start, h.end) for h in result.hits]
    # an abbreviation is reported (PLN005) when its first use is not expanded
    places += [
        (u.block, u.start, u.end)
        for uses in result.abbreviations.values()
        if not uses[0].expanded
        for u in uses
    ]
    for index, hit_start, hit_end in places:
        block = doc.blocks[index]
        start = block.content.source_offset(hit_start) - body_start
        end = block.content.source_offset(hit_end, end=True) - body_start
        found.update(m.span() for m in words.finditer(text) if start <= m.start() < end)
    return found


def all_uses(text: str, lang: str, config: Config) -> set[tuple[int, int]]:
    """Like :func:`flagged_words` but with later uses of a term included."""
    spans = flagged_words(text, lang, config)
    flagged_forms = {text[a:b].lower() for a, b in spans}
    words = lexical_words(lang).finditer(text)
    spans.update(m.span() for m in words if m.group(0).lower() in flagged_forms)
    return spans


def eval_cochrane(root: Path, config: Config, split: str) -> tuple[int, int]:
    rows = [
        r
        for r in read_jsonl(root / "cochrane-pls" / "cochrane_pls_test_val.jsonl")
        if r["split"] == split
    ]
    ok = 0
    for r in rows:
        tech = find_jargon(document(r["technical_abstract"], "en", "a.txt", config), config)
        pls = find_jargon(document(r["plain_language_summary"], "en", "p.txt", config), config)
        ok += (tech.complex_percent or 0.0) > (pls.complex_percent or 0.0)
    return ok, len(rows)


def polysyllable_share(text: str) -> float:
    """Share of words with three or more syllables: a word-level reference measure."""
    count = counter_for("en")
    words = [w for w in WORD.findall(text) if not w[0].isdigit()]
    return sum(count(w) >= 3 for w in words) / len(words) if words else 0.0


def eval_cochrane_reference(root: Path, split: str) -> tuple[int, int]:
    """Pairs ordered by the polysyllable share, to compare the jargon measure against."""
    rows = [
        r
        for r in read_jsonl(root / "cochrane-pls" / "cochrane_pls_test_val.jsonl")
        if r["split"] == split
    ]
    share = polysyllable_share
    ok = sum(share(r["technical_abstract"]) > share(r["plain_language_summary"]) for r in rows)
    return ok, len(rows)


def eval_lcp(root: Path, config: Config, split: str) -> tuple[int, int, int, int]:
    rows = [
        r
        for r in read_jsonl(root / "complex-lcp-biomed" / "complex_biomed.jsonl")
        if r["split"] == split and r["kind"] == "single"
    ]
    hard = hard_flagged = easy = easy_flagged = 0
    for r in rows:
        sentence, token = r["sentence"], r["token"]
        spans = all_uses(sentence, "en", config)
        words = {sentence[a:b].lower() for a, b in spans}
        is_flagged = token.lower() in words
        if r["complexity"] >= 0.5:
            hard += 1
            hard_flagged += is_flagged
        elif r["complexity"] < 0.25:
            easy += 1
            easy_flagged += is_flagged
    return hard_flagged, hard, easy_flagged, easy


def eval_labelled(path: Path, config: Config) -> dict[str, tuple[int, int, int]]:
    """Per language: true positives, false positives, false negatives, over words."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in read_jsonl(path):
        text, lang = r["text"], r["lang"]
        gold: set[tuple[int, int]] = set()
        for term in r["jargon"]:
            at = text.find(term)
            words = lexical_words(lang).finditer(text)
            gold.update(m.span() for m in words if at <= m.start() < at + len(term))
        predicted = all_uses(text, lang, config)
        c = counts[lang]
        c[0] += len(gold & predicted)
        c[1] += len(predicted - gold)
        c[2] += len(gold - predicted)
    return {lang: (c[0], c[1], c[2]) for lang, c in sorted(counts.items())}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--dev", action="store_true", help="use the tuning splits")
    args = parser.parse_args(argv)
    config = Config()
    failures = 0
    pairs_split, words_split = ("val", "train") if args.dev else ("test", "test")

    ok, n = eval_cochrane(args.eval_dir, config, pairs_split)
    passed = n > 0 and ok / n >= 0.95
    failures += not passed
    print(
        f"a. cochrane-pls {pairs_split}: abstract has the higher complex-language share: "
        f"{pct(ok, n)}"
        f"   target >= 95%: {'PASS' if passed else 'FAIL'}"
    )

    ok, n = eval_cochrane_reference(args.eval_dir, pairs_split)
    print(f"   reference: the share of words of 3+ syllables orders {pct(ok, n)}")

    hf, h, ef, e = eval_lcp(args.eval_dir, config, words_split)
    hard_ok = h > 0 and hf / h >= 0.80
    easy_ok = e > 0 and ef / e <= 0.05
    failures += (not hard_ok) + (not easy_ok)
    print(f"b. complex-lcp-biomed {words_split} (single words):")
    print(
        f"   flagged among words rated >= 0.5: {pct(hf, h)}   target >= 80%: "
        f"{'PASS' if hard_ok else 'FAIL'}"
    )
    print(
        f"   flagged among words rated < 0.25: {pct(ef, e)}   target <= 5%: "
        f"{'PASS' if easy_ok else 'FAIL'}"
    )

    print(f"c. {LABELLED.name} (word level):")
    total = [0, 0, 0]
    for lang, (tp, fp, fn) in eval_labelled(LABELLED, config).items():
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        print(f"   {lang}: precision {precision:.3f} recall {recall:.3f} (tp {tp} fp {fp} fn {fn})")
    tp, fp, fn = total
    print(f"   all: precision {tp / max(tp + fp, 1):.3f}  recall {tp / max(tp + fn, 1):.3f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
