"""Summarise a blind judgement of claim and number findings drawn by ``claims_real.py``.

Usage: python bench/claims_judged.py SAMPLE.jsonl JUDGED.jsonl [--run RUN.json]

SAMPLE is the ``--out`` file of ``claims_real.py`` (with each finding's rule code), JUDGED
the judge's answers (``{"id", "verdict", "reason"}`` per line, verdict ``useful``, ``minor``
or ``wrong``).  Prints, per rule and overall, how many findings were useful, minor and
wrong, and the share judged useful (the issue's precision: at least 85% of warnings and
errors worth an editor's time).  The sample is stratified by rule, so with ``--run`` (the
``--json-out`` report of the same run) the overall share is also weighted by how often
each rule fires.  Missing or unknown answers are an error, not a silent gap.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from evaldata import read_jsonl

VERDICTS = ("useful", "minor", "wrong")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sample", type=Path)
    parser.add_argument("judged", type=Path)
    parser.add_argument("--run", type=Path, help="the checker's JSON report of the same run")
    args = parser.parse_args(argv)
    codes = {item["id"]: item["code"] for item in read_jsonl(args.sample)}
    answers = {item["id"]: item["verdict"] for item in read_jsonl(args.judged)}
    missing = sorted(set(codes) - set(answers))
    unknown = sorted(i for i, v in answers.items() if v not in VERDICTS or i not in codes)
    if missing or unknown:
        sys.exit(f"answers missing for ids {missing}, unknown answers for ids {unknown}")
    table: Counter[tuple[str, str]] = Counter((codes[i], v) for i, v in answers.items())
    print(f"{'rule':8} {'useful':>6} {'minor':>6} {'wrong':>6}  useful share")
    shares: dict[str, float] = {}
    for code in sorted({code for code, _ in table}):
        row = [table[(code, verdict)] for verdict in VERDICTS]
        shares[code] = row[0] / sum(row)
        print(f"{code:8} {row[0]:6} {row[1]:6} {row[2]:6}  {shares[code]:.0%}")
    totals = Counter(answers.values())
    whole = sum(totals.values())
    print(
        f"{'all':8} {totals['useful']:6} {totals['minor']:6} {totals['wrong']:6}  "
        f"{totals['useful'] / whole:.0%} useful, {(totals['useful'] + totals['minor']) / whole:.0%}"
        " right"
    )
    if args.run:
        report = json.loads(args.run.read_text(encoding="utf-8"))
        fired: Counter[str] = Counter(
            finding["code"]
            for article in report["articles"]
            for finding in article["findings"]
            if finding["code"] in shares and finding["severity"] in ("warning", "error")
        )
        weighted = sum(shares[code] * count for code, count in fired.items())
        print(f"weighted by how often each rule fires: {weighted / sum(fired.values()):.0%} useful")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
