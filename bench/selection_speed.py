"""How long a check takes with a few rules selected, against every rule, on the same articles.

Usage: python bench/selection_speed.py PATH... [--select RDG --select PLN] [--repeat 5]

Runs ``checker check PATHS --no-cache --jobs 1 --format json`` with ``--select ALL`` and
with each ``--select`` given, alternating them ``--repeat`` times so that a busy machine
slows both alike, and prints each one's median wall time and its share of the time of all
rules.  The engine computes only the analyses the selected rules read (jargon for PLN and
GRM, claims for CLM and NUM): the issue's target is ``--select RDG`` at most 40% of all.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(paths: list[str], select: str) -> float:
    command = [sys.executable, "-m", "checker", "check", *paths, "--no-cache", "--jobs", "1"]
    command += ["--format", "json", "--select", select, "--no-translations"]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--select", action="append", default=[])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    selections = ["ALL", *(args.select or ["RDG"])]
    times: dict[str, list[float]] = {s: [] for s in selections}
    for _ in range(args.repeat):
        for select in selections:
            times[select].append(timed(args.paths, select))
    everything = statistics.median(times["ALL"])
    for select in selections:
        median = statistics.median(times[select])
        print(
            f"--select {select:<8} median {median:6.2f} s  "
            f"({100 * median / everything:5.1f}% of all rules; runs: "
            + ", ".join(f"{t:.2f}" for t in times[select])
            + ")"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
