"""Scale: a cold check on one and two processes, a warm re-check, a re-check after edits, memory.

Usage: python bench/scale.py [--articles 10000] [--words 500] [--seed 7] [--folder DIR]
                             [--skip-one-job]

Builds (or reuses, with ``--folder``) a project of ``--articles`` Markdown health
articles of about ``--words`` words from ``bench/speed.py``, with es, fr and de
catalogs for every article (``checker i18n extract`` and ``init``) translated by
``bench/scale_translations.py``, 5% of the units left untranslated and 5% fuzzy, so
that every translation is built and checked in memory.  Then it runs, as a user
would, ``checker check --format json -o FILE``:

1. cold, ``--jobs 1 --no-cache``;
2. cold, ``--jobs 2``, with an empty cache (it fills it);
3. warm, ``--jobs 2``, nothing changed (and the same in the text format: once to
   print the text pieces from the kept records, then warm);
4. after editing 1% of the articles (one sentence added to each), ``--jobs 2``.

It checks that the reports of 1, 2 and 3 are byte for byte the same, and prints
each run's time and peak memory: the proportional set size (PSS) of the checker
and all its worker processes added up, sampled every 50 ms (the RSS sum, which
counts the word lists the workers share once per process, is printed beside it).
Targets: two jobs at least 1.6 times as fast as one; the warm re-check under 2 s;
the re-check after edits under 5% of the cold time (two jobs); peak memory under
500 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson
import psutil
import report_speed  # bench/report_speed.py: the project with catalogs
from scale_translations import translate  # bench/scale_translations.py
from speed import CHECKER_SCRIPT  # bench/speed.py: the same articles

LOCALES = report_speed.LOCALES
SPEEDUP_TARGET = 1.6
WARM_TARGET = 2.0
EDITED_SHARE_TARGET = 0.05
MEMORY_TARGET_MB = 500
READY = ".scale-corpus-ready"


def build_project(folder: Path, articles: int, words: int, seed: int) -> None:
    report_speed.build_project(folder, articles, words, seed, translation=translate)
    (folder / READY).write_text(f"{articles} {words} {seed}\n", encoding="utf-8")


@dataclass
class Run:
    seconds: float
    peak_mb: float  # the checker and its workers together (PSS)
    peak_rss_mb: float  # the same, counting shared pages in every process
    summary: dict[str, object]


def tree_memory(process: psutil.Process) -> tuple[int, int]:
    """(PSS, RSS) of a process and its children added up.

    PSS counts a page shared by n processes as 1/n in each, so the sum is the memory
    the run really takes; the RSS sum counts shared pages once per process.
    """
    pss = rss = 0
    for each in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            info = each.memory_full_info()
            pss += info.pss
            rss += info.rss
    return pss, rss


def run_check(folder: Path, report: Path, *arguments: str, output_format: str = "json") -> Run:
    command = [
        str(CHECKER_SCRIPT),
        *("check", "--format", output_format, "-o", str(report), *arguments),
    ]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=folder, stderr=subprocess.PIPE)
    watched = psutil.Process(child.pid)
    peak = peak_rss = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_rss
        while not stop.is_set():
            try:
                pss, rss = tree_memory(watched)
            except psutil.Error:
                return
            peak, peak_rss = max(peak, pss), max(peak_rss, rss)
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = child.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    if child.returncode not in (0, 1):
        sys.exit(f"checker check {' '.join(arguments)} failed ({child.returncode}):\n{stderr!r}")
    summary = summary_of(report) if output_format == "json" else last_line(report)
    return Run(seconds, peak / 1e6, peak_rss / 1e6, summary)


def last_line(report: Path) -> dict[str, object]:
    """A text report's last line (its summary), as the summary of a JSON one would be shown."""
    with report.open("rb") as handle:
        handle.seek(max(0, report.stat().st_size - 4096))
        tail = handle.read().decode("utf-8", errors="replace").strip()
    return {"line": tail.rsplit("\n", 1)[-1]}


def summary_of(report: Path) -> dict[str, object]:
    """The report's summary object (at its end; the report itself can be hundreds of MB)."""
    with report.open("rb") as handle:
        handle.seek(max(0, report.stat().st_size - 4096))
        tail = handle.read()
    start = tail.rindex(b'"summary": ') + len(b'"summary": ')
    summary: dict[str, object] = orjson.loads(tail[start:].rstrip().removesuffix(b"}"))
    return summary


def edit_articles(folder: Path, share: float, seed: int) -> int:
    files = sorted((folder / "content").rglob("*.md"))
    chosen = random.Random(seed).sample(files, max(1, round(len(files) * share)))
    for path in chosen:
        text = path.read_text(encoding="utf-8")
        path.write_text(text + "\nAsk your pharmacist if you have any questions.\n", "utf-8")
    return len(chosen)


def line(label: str, run: Run) -> None:
    s = run.summary
    what = s["line"] if "line" in s else f"{s['articles']} results, {s['findings']} findings"
    print(
        f"{label:<34} {run.seconds:8.2f} s  peak {run.peak_mb:5.0f} MB PSS "
        f"({run.peak_rss_mb:5.0f} MB RSS)  ({what})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--folder", type=Path, help="build the project here, or reuse it")
    parser.add_argument("--skip-one-job", action="store_true", help="no --jobs 1 run")
    args = parser.parse_args(argv)
    temporary = None
    if args.folder is None:
        temporary = tempfile.mkdtemp(prefix="checker-scale-")
        args.folder = Path(temporary)
    folder: Path = args.folder
    try:
        ready = folder / READY
        wanted = f"{args.articles} {args.words} {args.seed}\n"
        if not ready.is_file() or ready.read_text(encoding="utf-8") != wanted:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            start = time.perf_counter()
            build_project(folder, args.articles, args.words, args.seed)
            print(f"corpus built in {time.perf_counter() - start:.0f} s")
        sources = sorted((folder / "content").rglob("*.md"))
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in sources)
        catalogs = sum(1 for _ in (folder / "locales").rglob("*.po"))
        print(
            f"corpus: {len(sources)} articles, {words:,} words, {catalogs} catalogs "
            f"({', '.join(LOCALES)}) in {folder}"
        )
        shutil.rmtree(folder / ".checker-cache", ignore_errors=True)
        reports = folder / "reports-scale"
        reports.mkdir(exist_ok=True)
        one = None
        if not args.skip_one_job:
            one = run_check(folder, reports / "one.json", "--jobs", "1", "--no-cache")
            line("cold, --jobs 1 --no-cache", one)
        two = run_check(folder, reports / "two.json", "--jobs", "2")
        line("cold, --jobs 2 (fills the cache)", two)
        warm = run_check(folder, reports / "warm.json", "--jobs", "2")
        line("warm, --jobs 2, nothing changed", warm)
        text = run_check(folder, reports / "text.txt", "--jobs", "2", output_format="text")
        line("text, first time (renders text)", text)
        warm_text = run_check(folder, reports / "text.txt", "--jobs", "2", output_format="text")
        line("warm text, nothing changed", warm_text)
        edited = edit_articles(folder, 0.01, args.seed)
        after = run_check(folder, reports / "edited.json", "--jobs", "2")
        line(f"--jobs 2 after editing {edited} articles", after)

        same = (reports / "two.json").read_bytes() == (reports / "warm.json").read_bytes()
        if one is not None:
            same = (
                same and (reports / "one.json").read_bytes() == (reports / "two.json").read_bytes()
            )
        print(f"reports of the cold and warm runs byte for byte the same: {same}")
        verdicts = []
        if one is not None:
            speedup = one.seconds / two.seconds
            verdicts.append(("speed-up of --jobs 2 over --jobs 1", speedup, SPEEDUP_TARGET, "x"))
        verdicts.append(("warm re-check (JSON)", warm.seconds, WARM_TARGET, "s"))
        verdicts.append(("warm re-check (text)", warm_text.seconds, WARM_TARGET, "s"))
        share = after.seconds / two.seconds
        verdicts.append(("re-check after 1% edited / cold", share, EDITED_SHARE_TARGET, ""))
        runs = (one, two, warm, text, warm_text, after)
        peak = max(r.peak_mb for r in runs if r is not None)
        verdicts.append(("peak memory", peak, MEMORY_TARGET_MB, "MB"))
        for label, value, target, unit in verdicts:
            ok = value >= target if unit == "x" else value < target
            sign = ">=" if unit == "x" else "<"
            print(
                f"{label:<38} {value:8.3f} {unit:<2} target {sign} {target:g}: "
                f"{'PASS' if ok else 'FAIL'}"
            )
        return 0 if same else 1
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
