"""--executor dask: the per-file work on a Dask cluster prints what --jobs 1 prints.

A ``LocalCluster`` of two worker processes on the loopback interface stands in for
a cluster; the project fixture (three articles, an unreadable file, es and fr
catalogs) is the one the --jobs tests use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask.config
import pytest
from distributed import LocalCluster

from checker.config import load_config
from checker.dask_executor import SCHEDULER_VARIABLE, DaskCluster, DaskError
from checker.pipeline import CheckRun
from checker.result_cache import ResultCache
from checker.selection import Selection
from tests.test_parallel_cache import check, invoke, project  # noqa: F401 (a fixture)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a two-worker cluster, one thread each, loopback only."""
    no_languagetool = tmp_path_factory.mktemp("no-languagetool")
    with pytest.MonkeyPatch.context() as patch:  # the workers inherit this environment
        patch.setenv("LTP_PATH", str(no_languagetool))
        with LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster:
            yield cluster.scheduler_address


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_dask_prints_what_one_job_prints(
    project: Path,  # noqa: F811
    scheduler: str,
    output_format: str,
) -> None:
    one = check("--format", output_format, "--jobs", "1", "--no-cache")
    on_dask = check(
        "--format", output_format, "--no-cache", "--executor", "dask", "--scheduler", scheduler
    )
    assert on_dask == one
    assert one[0] == 2  # the unreadable file
    assert "broken.md" in one[1] and "locales/es/LC_MESSAGES/asthma.po" in one[1]


def test_the_address_may_come_from_the_environment(
    project: Path,  # noqa: F811
    scheduler: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(SCHEDULER_VARIABLE, scheduler)
    on_dask = check("--format", "json", "--no-cache", "--executor", "dask")
    assert on_dask == check("--format", "json", "--no-cache", "--jobs", "1")


def test_the_report_is_the_same(project: Path, scheduler: str) -> None:  # noqa: F811
    local, cluster = project / "local", project / "cluster"
    assert invoke(project, "report", "--out", str(local), "--jobs", "1")[0] == 2
    code, _ = invoke(
        project, "report", "--out", str(cluster), "--executor", "dask", "--scheduler", scheduler
    )
    assert code == 2
    pages = sorted(p.relative_to(local) for p in local.rglob("*") if p.is_file())
    assert pages == sorted(p.relative_to(cluster) for p in cluster.rglob("*") if p.is_file())
    assert len(pages) > 5
    for page in pages:
        assert (local / page).read_bytes() == (cluster / page).read_bytes(), page


def run_on(address: str, root: Path) -> tuple[list[Any], ResultCache, int]:
    """What each outcome says (path, errors, articles, counts by severity), the cache's hits
    and misses, and the number of tasks."""
    config = load_config(root / "pyproject.toml")
    cache = ResultCache(config.cache_folder)
    with DaskCluster(address, config.root) as cluster:
        run = CheckRun(
            config, Selection.build(config.select, config.ignore), cache=cache, cluster=cluster
        )
        plan = run.plan([root / "content"], translations=True)
        outcomes = list(run.outcomes(plan))
    cache.close()
    shown = [(o.path, [e.path for e in o.errors], o.articles, o.counts) for o in outcomes]
    return shown, cache, plan.tasks


def test_the_client_reads_and_writes_the_cache(project: Path, scheduler: str) -> None:  # noqa: F811
    cold, cache, tasks = run_on(scheduler, project)
    assert (cache.hits, cache.misses) == (0, tasks)
    warm, cache, _ = run_on(scheduler, project)
    assert warm == cold and (cache.hits, cache.misses) == (tasks, 0)
    article = project / "content/gout.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more sentence.\n", "utf-8")
    edited, cache, _ = run_on(scheduler, project)
    assert [o[:3] for o in edited] == [o[:3] for o in cold]
    assert cache.misses == 1 + 2  # the article, and its es and fr catalogs
    # and a local run reads what the cluster's run wrote
    assert check("--format", "json") == check("--format", "json", "--no-cache", "--jobs", "1")


def test_workers_that_cannot_see_the_project_are_named(scheduler: str, tmp_path: Path) -> None:
    elsewhere = tmp_path / "not-on-the-workers"
    expected = r"cannot see the project folder .*not-on-the-workers"
    with pytest.raises(DaskError, match=expected), DaskCluster(scheduler, elsewhere):
        pass


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--executor", "dask"], "needs the scheduler's address: --scheduler"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler is for --executor dask"),
        (
            ["--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2"],
            "--jobs is for --executor local",
        ),
    ],
)
def test_usage_errors(
    project: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.delenv(SCHEDULER_VARIABLE, raising=False)
    for command in ("check", "report"):
        stderr: list[str] = []
        code, _ = invoke(project, command, *args, stderr=stderr)
        assert code == 2 and message in stderr[0], (command, stderr)


def test_an_unreachable_scheduler_is_an_error_not_a_hang(project: Path) -> None:  # noqa: F811
    stderr: list[str] = []
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code, out = invoke(
            project,
            "check",
            "--executor",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:9",
            stderr=stderr,
        )
    assert code == 2 and out == ""
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in stderr[0]


def test_without_distributed_the_error_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    expected = r"pip install 'health-content-checker\[dask\]'"
    with pytest.raises(DaskError, match=expected), DaskCluster("tcp://127.0.0.1:8786", tmp_path):
        pass


def test_a_task_that_fails_on_the_cluster_names_its_files(scheduler: str, tmp_path: Path) -> None:
    missing = [str(tmp_path / f"gone-{number}.md") for number in range(5)]
    with DaskCluster(scheduler, tmp_path) as cluster:
        outcomes = cluster.run(os.path.getsize, missing, (), dict)
        with pytest.raises(DaskError, match=r"could not check \S*gone-0\.md: FileNotFoundError"):
            list(outcomes)
