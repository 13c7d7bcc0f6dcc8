"""Claim and number findings on real health text: how many, and a sample to judge blind.

Usage:
  python bench/claims_real.py PATH... [--cochrane val|test] [--cochrane-count N]
         [--families CLM,NUM]
         [--sample N --seed S --out SAMPLE.jsonl [--blind-out BLIND.jsonl]
          [--exclude JUDGED_SAMPLE.jsonl ...]] [--json-out RUN.json]

PATHs are articles or folders nobody on the project wrote (``../shared/seeds``, public
health pages).  ``--cochrane`` adds Cochrane plain-language summaries from
``../shared/eval/cochrane-pls`` (``val`` to tune on, ``test`` to report), written as
articles to a scratch folder.  The whole checker runs once (every rule, no cache) and the
script prints words, CLM and NUM findings per 1,000 words by code and severity, and the
warnings and errors of every rule per 1,000 words.

``--sample N`` draws N warnings and errors of the CLM and NUM rules, stratified by code (each
code gets a share proportional to its count, at least 3 when it has them), with a fixed
seed, and writes them as JSON lines (``--out``, with the rule code and file, for the
summary).  ``--blind-out`` writes what a judge who has not read the code sees: the flagged
text, the message and suggestion, the sentence and the paragraph around it (the article
text for a whole-article finding), without the rule code or file.  ``--exclude`` leaves
out findings already in earlier samples, so that a sample to report on is fresh.  The
judge answers ``useful``, ``minor`` or ``wrong`` with a reason, one JSON line per id;
``bench/claims_judged.py`` summarises the answers.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from evaldata import DEFAULT_EVAL, read_jsonl

FAMILIES = ("CLM", "NUM")


def cochrane_articles(split: str, count: int, folder: Path) -> list[Path]:
    """The first ``count`` plain-language summaries of ``split`` as Markdown articles."""
    rows = read_jsonl(DEFAULT_EVAL / "cochrane-pls" / "cochrane_pls_test_val.jsonl")
    rows = [r for r in rows if r["split"] == split][:count]
    paths = []
    for row in rows:
        path = folder / f"cochrane-{split}-{row['idx']:03d}.md"
        path.write_text(f"---\nlang: en\n---\n{row['plain_language_summary']}\n", encoding="utf-8")
        paths.append(path)
    return paths


def run_checker(paths: list[Path]) -> dict[str, Any]:
    command = [sys.executable, "-m", "checker", "check", "--format", "json", "--no-cache"]
    done = subprocess.run(
        [*command, *map(str, paths)], capture_output=True, text=True, encoding="utf-8"
    )
    if done.returncode not in (0, 1):
        sys.exit(f"checker failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(done.stdout)


def paragraph_around(path: Path, line: int) -> str:
    """The lines of the paragraph holding ``line`` (blank lines bound it), at most 12."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    index = max(0, min(line - 1, len(lines) - 1))
    start = index
    while start > 0 and lines[start - 1].strip() and index - start < 6:
        start -= 1
    end = index
    while end + 1 < len(lines) and lines[end + 1].strip() and end - index < 6:
        end += 1
    return "\n".join(lines[start : end + 1])[:1500]


def summarise(report: dict[str, Any]) -> tuple[int, Counter[tuple[str, str]]]:
    words = sum(a["metrics"].get("words", 0) for a in report["articles"])
    counts: Counter[tuple[str, str]] = Counter()
    for article in report["articles"]:
        for finding in article["findings"]:
            counts[(finding["code"], finding["severity"])] += 1
    return words, counts


def print_rates(words: int, counts: Counter[tuple[str, str]], articles: int) -> None:
    per = 1000.0 / words if words else 0.0
    print(f"articles {articles}, words {words}")
    loud = sum(v for (_, s), v in counts.items() if s in ("warning", "error"))
    print(f"all rules, warnings and errors: {loud} = {loud * per:.1f} per 1,000 words")
    claim = {k: v for k, v in counts.items() if k[0].startswith(FAMILIES)}
    claim_loud = sum(v for (_, s), v in claim.items() if s in ("warning", "error"))
    print(f"CLM and NUM warnings and errors: {claim_loud} = {claim_loud * per:.1f} per 1,000 words")
    for (code, severity), value in sorted(claim.items()):
        print(f"  {code} {severity:8} {value:5}  {value * per:6.1f} per 1,000 words")


def _identity(item: dict[str, Any]) -> tuple[str, Any, str, str]:
    """What makes a finding the same one in two samples: file, line, flagged text, code."""
    return (item["path"], item.get("line"), item.get("flagged", item.get("text", "")), item["code"])


def draw_sample(
    report: dict[str, Any],
    size: int,
    seed: int,
    exclude: frozenset[tuple[str, Any, str, str]],
    families: tuple[str, ...] = FAMILIES,
) -> list[dict[str, Any]]:
    """``size`` warnings and errors of ``families`` not in ``exclude``, stratified by code,
    in a random order."""
    by_code: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article in report["articles"]:
        for finding in article["findings"]:
            if not finding["code"].startswith(families):
                continue
            if finding["severity"] not in ("warning", "error") or _identity(finding) in exclude:
                continue
            by_code[finding["code"]].append({**finding, "lang": article.get("lang", "")})
    total = sum(len(v) for v in by_code.values())
    rng = random.Random(seed)
    chosen: list[dict[str, Any]] = []
    for code in sorted(by_code):
        items = by_code[code]
        share = max(min(3, len(items)), round(size * len(items) / total)) if total else 0
        chosen.extend(rng.sample(items, min(share, len(items))))
    rng.shuffle(chosen)
    sample = []
    for number, finding in enumerate(chosen, 1):
        path = Path(finding["path"])
        details = finding.get("details") or {}
        sample.append(
            {
                "id": number,
                "code": finding["code"],
                "scope": finding.get("scope"),
                "severity": finding["severity"],
                "lang": finding["lang"],
                "path": finding["path"],
                "line": finding.get("line"),
                "flagged": finding.get("text", ""),
                "message": finding["message"],
                "suggestion": finding.get("suggestion", ""),
                "sentence": details.get("sentence", ""),
                "paragraph": paragraph_around(path, finding.get("line") or 1),
            }
        )
    return sample


def blind(item: dict[str, Any]) -> dict[str, Any]:
    """What the judge sees of a sampled finding: no rule code, no file name."""
    shown = {k: item[k] for k in ("id", "lang", "flagged", "message", "suggestion", "sentence")}
    if item.get("scope") == "document":  # about the whole article: show the article
        text = Path(item["path"]).read_text(encoding="utf-8", errors="replace")
        shown["whole_article"] = text[:6000]
    else:
        shown["paragraph"] = item["paragraph"]
    return shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--cochrane", choices=("val", "test"))
    parser.add_argument("--cochrane-count", type=int, default=15)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--blind-out", type=Path, help="the sample as the judge sees it")
    parser.add_argument(
        "--families",
        default=",".join(FAMILIES),
        help="rule families to sample, comma-separated (RDG,PLN,A11Y... for the other rules)",
    )
    parser.add_argument(
        "--exclude", type=Path, nargs="*", default=[], help="samples judged before: skip them"
    )
    parser.add_argument("--json-out", type=Path, help="keep the checker's JSON report here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        paths = list(args.paths)
        if args.cochrane:
            paths += cochrane_articles(args.cochrane, args.cochrane_count, Path(scratch))
        if not paths:
            parser.error("give articles or folders, or --cochrane")
        report = run_checker(paths)
        if args.json_out:
            args.json_out.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
        words, counts = summarise(report)
        print_rates(words, counts, len(report["articles"]))
        if args.sample:
            if args.out is None:
                parser.error("--sample needs --out")
            seen = frozenset(_identity(item) for path in args.exclude for item in read_jsonl(path))
            families = tuple(f.strip() for f in args.families.split(",") if f.strip())
            sample = draw_sample(report, args.sample, args.seed, seen, families)
            with args.out.open("w", encoding="utf-8") as handle:
                for item in sample:
                    handle.write(json.dumps(item, ensure_ascii=False) + "\n")
            print(f"wrote {len(sample)} findings to {args.out}")
            if args.blind_out:
                with args.blind_out.open("w", encoding="utf-8") as handle:
                    for item in sample:
                        handle.write(json.dumps(blind(item), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
