"""The Dask executor on a local cluster: same output as --jobs 1, its speed, its cost.

Usage: python bench/dask_speed.py [--articles 600] [--words 500] [--seed 7] [--workers 2]
                                  [--vcpu-hour 0.04]

Builds ``--articles`` Markdown articles (``bench/speed.py``'s generator) in a
temporary project, starts a ``LocalCluster`` of ``--workers`` worker processes with
one thread each on the loopback interface, then runs, as a user would,
``checker check --format json -o FILE --no-cache``:

1. ``--jobs 1`` (the reference output);
2. ``--jobs WORKERS`` (local processes, for comparison);
3. ``--executor dask`` twice: the first run's workers load their word lists, the
   second's have them (a long-lived cluster).

It checks that every report is byte for byte the report of ``--jobs 1``, and prints
each run's wall time, words per second and CPU time (the client process plus the
workers' CPU time during the run, and the client's alone: it renders and prints every
result, so on a large cluster it is the part that does not scale out).  The cost per
million words is the CPU time per million words of the warm Dask run times
``--vcpu-hour`` (the price of one vCPU-hour, an assumption: 0.04 USD is about an
on-demand general-purpose cloud vCPU in 2026; spot capacity costs a third of that).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil
from distributed import Client, LocalCluster
from speed import CHECKER_SCRIPT, build_corpus  # bench/speed.py: the same articles


@dataclass
class Run:
    label: str
    seconds: float
    cpu_seconds: float
    client_cpu_seconds: float  # the checker process itself
    report: bytes


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def workers_cpu(pids: Sequence[int]) -> float:
    total = 0.0
    for pid in pids:
        times = psutil.Process(pid).cpu_times()
        total += times.user + times.system
    return total


def run_check(
    project: Path, label: str, args: Sequence[str], worker_pids: Sequence[int] = ()
) -> Run:
    out = project / "report.json"
    command = [str(CHECKER_SCRIPT), "check", "--format", "json", "-o", str(out), "--no-cache"]
    before_client, before_workers = children_cpu(), workers_cpu(worker_pids)
    start = time.perf_counter()
    done = subprocess.run([*command, *args], cwd=project, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{label}: exit {done.returncode}\n{done.stderr}")
    client = children_cpu() - before_client
    cpu = client + workers_cpu(worker_pids) - before_workers
    return Run(label, seconds, cpu, client, out.read_bytes())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--vcpu-hour", type=float, default=0.04, help="USD per vCPU-hour")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="checker-dask-") as scratch:
        project = Path(scratch)
        files = build_corpus(project, args.articles, args.words, args.seed)
        (project / "pyproject.toml").write_text(
            '[tool.checker]\npaths = ["content"]\n', encoding="utf-8"
        )
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
        print(f"corpus: {len(files)} articles, {words:,} words")
        runs = [
            run_check(project, "--jobs 1", ["--jobs", "1"]),
            run_check(project, f"--jobs {args.workers}", ["--jobs", str(args.workers)]),
        ]
        with (
            LocalCluster(
                n_workers=args.workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                worker_dashboard_address=None,
            ) as cluster,
            Client(cluster) as client,
        ):
            pids = list(client.run(os.getpid).values())
            dask = ["--executor", "dask", "--scheduler", cluster.scheduler_address]
            runs.append(run_check(project, "dask, workers' first run", dask, pids))
            runs.append(run_check(project, "dask, workers warm", dask, pids))
    reference = runs[0].report
    print(
        f"{'run':<26} {'wall s':>7} {'words/s':>9} {'CPU s':>7} {'client':>7} "
        f"{'same as --jobs 1':>17}"
    )
    for run in runs:
        print(
            f"{run.label:<26} {run.seconds:7.2f} {words / run.seconds:9,.0f} "
            f"{run.cpu_seconds:7.1f} {run.client_cpu_seconds:7.1f} "
            f"{run.report == reference!s:>17}"
        )
    warm = runs[-1]
    cpu_per_million = warm.cpu_seconds / words * 1_000_000
    print(
        f"warm Dask run: {cpu_per_million:.0f} CPU s per million words "
        f"({cpu_per_million / 3600:.3f} vCPU-hours), "
        f"{cpu_per_million / 3600 * args.vcpu_hour:.4f} USD per million words "
        f"at {args.vcpu_hour} USD per vCPU-hour"
    )
    per_file = warm.client_cpu_seconds / len(files) * 1000
    print(
        f"the client (the checker process: plan, cache, render, print): {per_file:.1f} ms CPU "
        f"per article, start-up included"
    )
    return 0 if all(run.report == reference for run in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
