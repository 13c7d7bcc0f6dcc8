"""The per-file work of a check on a Dask distributed cluster (``--executor dask``).

The run itself stays in this process, the client: it plans the files, reads and
writes the result cache, renders and prints.  Only the files the cache cannot answer
become Dask tasks, a few files per task, and their outcomes come back in task order,
so the output is exactly what ``--jobs 1`` prints.  A worker checks a file with the
same code as a local worker process, set up once per run phase from a copy of the
run's settings scattered to every worker.  This module implements
:class:`checker.pipeline.Cluster` without importing the pipeline: the work and the
worker set-up are handed in.

The workers read the files themselves: they must see the project folder at the same
path as the client (a shared file system on an HPC cluster, a volume or the image on
Kubernetes) and have the same version of the checker installed.  Both are checked
when the client connects, with an error that says what to fix.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker import __version__

if TYPE_CHECKING:
    from distributed import Client, Future

#: Where the scheduler's address comes from when ``--scheduler`` is not given (the variable
#: Dask's own tools read).
SCHEDULER_VARIABLE = "DASK_SCHEDULER_ADDRESS"
#: Batches kept in flight per worker thread: enough to keep every worker busy while the
#: client prints, few enough that results do not pile up on the cluster.
BATCHES_PER_THREAD = 4
#: Files per task at most: a Dask task costs about a millisecond of scheduling, an
#: article about ten of checking.
MAX_BATCH = 16

INSTALL_HINT = "pip install 'health-content-checker[dask]'"


class DaskError(Exception):
    """The cluster cannot run this check; the message says why and what to do."""


def scheduler_address(given: str | None) -> str:
    """``--scheduler``, else ``DASK_SCHEDULER_ADDRESS``; a usage error when neither is set."""
    address = (given or os.environ.get(SCHEDULER_VARIABLE, "")).strip()
    if not address:
        raise DaskError(
            f"--executor dask needs the scheduler's address: --scheduler tcp://HOST:8786 or "
            f"{SCHEDULER_VARIABLE}"
        )
    return address


def _probe(root: str) -> tuple[str, bool]:
    """On each worker: the checker's version, and whether the project folder is there."""
    return __version__, os.path.isdir(root)


class DaskCluster:
    """A connection to a Dask scheduler, checked once, used for every phase of a run."""

    def __init__(self, address: str, root: Path) -> None:
        self.address = address
        self.root = root
        self._client: Client | None = None

    def __enter__(self) -> DaskCluster:
        try:
            import dask.config
            from dask.utils import parse_timedelta
            from distributed import Client
        except ImportError:
            raise DaskError(
                f"--executor dask needs Dask's distributed package: {INSTALL_HINT}"
            ) from None
        # Dask's own setting (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT, 30 s by default)
        # bounds both the connection and the wait for a first worker
        timeout = parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"))
        try:
            self._client = Client(self.address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from None
        try:
            self._check_workers(self._client, timeout)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _check_workers(self, client: Client, timeout: float) -> None:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise DaskError(
                f"the Dask scheduler at {self.address} has no workers: start some "
                f"(dask worker {self.address} --nthreads 1)"
            ) from None
        try:
            answers: dict[str, tuple[str, bool]] = client.run(_probe, str(self.root))
        except Exception as exc:
            raise DaskError(
                f"the Dask workers at {self.address} cannot run the checker ({exc}): install "
                f"health-content-checker {__version__} on them"
            ) from None
        for worker, (version, sees_root) in sorted(answers.items()):
            if version != __version__:
                raise DaskError(
                    f"Dask worker {worker} runs checker {version}, this is {__version__}: "
                    "install the same version on every worker"
                )
            if not sees_root:
                raise DaskError(
                    f"Dask worker {worker} cannot see the project folder {self.root}: the "
                    "workers read the files, so mount the project at the same path on them"
                )

    def run(
        self,
        work: Callable[[Any], Any],
        arguments: Sequence[Any],
        setup: tuple[Any, ...],
        start: Callable[..., None],
    ) -> Iterator[Any]:
        """Each argument's ``work`` outcome, in order, computed on the cluster's workers
        (each set up once by ``start(*setup)``)."""
        client = self._client
        assert client is not None, "use DaskCluster as a context manager"
        if not arguments:
            return
        threads = max(1, sum(client.nthreads().values()))
        size = max(1, min(MAX_BATCH, len(arguments) // (threads * 8)))
        batches = [arguments[start : start + size] for start in range(0, len(arguments), size)]
        token = uuid.uuid4().hex
        [settings] = client.scatter([setup], broadcast=True, hash=False)
        waiting = iter(enumerate(batches))
        in_flight: deque[tuple[Future, Sequence[Any]]] = deque()

        def submit_next() -> None:
            number, batch = next(waiting, (-1, ()))
            if batch:
                key = f"checker-{number}-{token}"
                future = client.submit(
                    _run_batch, token, start, settings, work, batch, pure=False, key=key
                )
                in_flight.append((future, batch))

        for _ in range(threads * BATCHES_PER_THREAD):
            submit_next()
        try:
            while in_flight:
                future, batch = in_flight.popleft()
                try:
                    outcomes: list[Any] = future.result()
                except Exception as exc:
                    raise DaskError(
                        f"the Dask cluster at {self.address} could not check "
                        f"{_named(batch)}: {type(exc).__name__}: {exc}"
                    ) from None
                future.release()
                submit_next()
                yield from outcomes
        finally:
            for future, _ in in_flight:
                future.cancel()
            settings.release()


def _named(batch: Sequence[Any]) -> str:
    """The files of a failed task, for the error message."""
    names = [str(a[2] if isinstance(a, tuple) else a) for a in batch]
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


# -- on the workers ---------------------------------------------------------------------------

#: One run phase's settings are installed once per worker process; the lock keeps a
#: worker with several threads from mixing two phases' settings (and the LanguageTool
#: bookkeeping of one worker).  Checking is pure Python: a thread per worker process
#: (``--nthreads 1``) is what uses the cores.
_LOCK = threading.Lock()
_STARTED: str | None = None


def _run_batch(
    token: str,
    start: Callable[..., None],
    setup: tuple[Any, ...],
    work: Callable[[Any], Any],
    batch: Sequence[Any],
) -> list[Any]:
    global _STARTED
    with _LOCK:
        if token != _STARTED:
            start(*setup)
            _STARTED = token
        return [work(argument) for argument in batch]
