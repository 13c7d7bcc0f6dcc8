"""A whole check run: every article, then every catalog, over processes and through the cache.

``checker check`` and ``checker report`` run here.  Each file is one task; its
outcome is the same whether it runs in this process (``jobs=1``), in a pool of
worker processes, on a Dask cluster (:mod:`checker.dask_executor`), or comes from
the result cache, and outcomes are handed back in
task order, so the output never depends on the number of jobs.  Articles go first:
a catalog needs the grades of the articles checked from disk (its source's grade,
and whether its built translation was one of them).

Outcomes carry records of the JSON contract (see :mod:`checker.output.records`)
so that workers and the cache pass plain data; ``full=True`` (the HTML report)
carries the whole :class:`~checker.engine.ArticleResult` objects instead, and does
not use the result cache, which keeps no article text.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from checker.config import Config
from checker.engine import ArticleResult, CheckResult, check_file, discover
from checker.i18n.layout import Layout
from checker.model import InputError, Severity
from checker.output.records import Record, Renderer, article_record, pieces_of, severity_counts
from checker.paths import is_within
from checker.result_cache import ResultCache, entry_key, file_hash, run_key
from checker.selection import Selection

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from checker.grammar.checker import GrammarChecker, GrammarRun
    from checker.grammar.server import Located

#: Printed pieces read from the cache per query: enough to make the reads cheap, few
#: enough that a run never holds much output.
PIECES_PER_READ = 256
#: Overrides the start method of worker processes (fork, forkserver or spawn).
START_METHOD_VARIABLE = "CHECKER_START_METHOD"


def start_method() -> str:
    """How worker processes start: ``fork`` on Linux, the platform's default elsewhere.

    A forked worker shares the dictionaries this process loaded (see :func:`_preload`),
    which makes it the fast path; Linux is where it is also safe (macOS's system
    libraries are not fork-safe, Windows has no fork, and Python 3.14 makes
    ``forkserver`` Linux's default).  Under ``spawn`` or ``forkserver`` each worker
    imports the checker and loads what it needs once.  The output is the same with
    every method; ``CHECKER_START_METHOD`` chooses one.
    """
    chosen = os.environ.get(START_METHOD_VARIABLE, "").strip().lower()
    if not chosen and sys.platform.startswith("linux"):
        return "fork"  # always available there; importing multiprocessing costs a start 6 ms
    import multiprocessing

    available = multiprocessing.get_all_start_methods()
    if chosen:
        if chosen not in available:
            raise ValueError(
                f"{START_METHOD_VARIABLE}={chosen!r}: this platform starts processes with "
                + ", ".join(available)
            )
        return chosen
    return multiprocessing.get_context().get_start_method()


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Outcome:
    """What one task gave: records (or whole results), unreadable files, grammar work."""

    records: list[Record] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    results: list[ArticleResult] = field(default_factory=list)  # only with full=True
    path: str = ""  # an article's path, as shown
    grade: float | None = None  # an article's reading grade, for the catalogs
    deps: dict[str, Any] | None = None  # a catalog's other inputs (see result_cache)
    grammar: GrammarRun | None = None
    #: SHA-256 of the bytes the worker read (articles): a result is cached under the hash
    #: it was computed from, never under the hash of another version of the file
    content_hash: str | None = None
    #: with a renderer: the output printed for the records, and their findings by severity
    piece: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    articles: int = 0

    def meta(self) -> dict[str, Any]:
        """What the cache keeps besides the records."""
        return {
            "errors": [[e.path, e.message, e.line] for e in self.errors],
            "path": self.path,
            "grade": self.grade,
            "deps": self.deps,
            "counts": self.counts,
            "articles": self.articles,
        }

    @classmethod
    def from_meta(cls, value: Mapping[str, Any]) -> Outcome:
        return cls(
            errors=[InputError(*error) for error in value["errors"]],
            path=value["path"],
            grade=value["grade"],
            deps=value["deps"],
            counts=value["counts"],
            articles=value["articles"],
        )


class Cluster(Protocol):
    """Machines that check files for a run: :class:`checker.dask_executor.DaskCluster`."""

    def run(
        self,
        work: Callable[[Any], Outcome],
        arguments: Sequence[Any],
        setup: tuple[Any, ...],
        start: Callable[..., None],
    ) -> Iterator[Outcome]:
        """Each argument's ``work`` outcome, in order, on workers set up by ``start(*setup)``."""
        ...


# -- the work of one task, in whichever process runs it ---------------------------------------


@dataclass
class _Worker:
    config: Config
    selection: Selection
    grammar: GrammarChecker | None
    grades: Mapping[str, float | None]
    full: bool
    layout: Layout


_WORKER: _Worker | None = None


def _start_worker(
    config: Config,
    selection: Selection,
    located: Located | None,
    grades: Mapping[str, float | None],
    full: bool,
) -> None:
    global _WORKER
    grammar = None
    if located is not None:
        from checker.grammar.checker import GrammarChecker

        grammar = GrammarChecker(
            config.languagetool, config.cache_folder / "languagetool", located=located
        )
    _WORKER = _Worker(config, selection, grammar, grades, full, Layout.of(config))


#: How often a worker checks that the process that started it is still there.
PARENT_CHECK_SECONDS = 0.5


def _start_pool_worker(parent: int, *setup: Any) -> None:
    """A pool worker's start: it ends itself when the main process dies (killed with
    SIGKILL, nothing can tell the workers), instead of living on under PID 1."""
    import threading

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(PARENT_CHECK_SECONDS)

    threading.Thread(target=watch, name="checker-parent-watch", daemon=True).start()
    _start_worker(*setup)


def _grammar_part(worker: _Worker) -> GrammarRun | None:
    return worker.grammar.take_run() if worker.grammar is not None else None


def _check_article(path: Path) -> Outcome:
    worker = _WORKER
    assert worker is not None, "the worker was not started"
    result = check_file(path, worker.config, worker.selection, worker.grammar)
    outcome = Outcome(path=worker.config.relative(path), grammar=_grammar_part(worker))
    if isinstance(result, InputError):
        outcome.errors.append(result)
        return outcome
    outcome.grade = result.metrics.get("grade")
    outcome.content_hash = result.document.content_hash or None
    if worker.full:
        outcome.results.append(result)
    else:
        outcome.records.append(article_record(result))
    return outcome


def _check_catalog(task: tuple[str, str, Path]) -> Outcome:
    worker = _WORKER
    assert worker is not None, "the worker was not started"
    from checker.i18n.check import check_catalog_file

    locale, article_id, path = task
    config = worker.config
    rel = config.relative(path)
    try:
        checked = check_catalog_file(
            config,
            worker.selection,
            worker.layout,
            locale,
            article_id,
            path,
            worker.grades,
            worker.grammar,
        )
    except RecursionError:
        return Outcome(errors=[InputError(rel, "too deeply nested to parse")])
    except Exception as exc:
        message = (
            f"internal error while checking this catalog ({type(exc).__name__}: {exc}); "
            "please report it with the file"
        )
        return Outcome(errors=[InputError(rel, message)], grammar=_grammar_part(worker))
    source, target = checked.source, checked.target
    deps = {
        "source": source,
        "source_hash": file_hash(config.root / source, config.max_file_size) if source else None,
        "source_grade": [source in worker.grades, worker.grades.get(source)] if source else None,
        "target": target,
        "target_checked": target in worker.grades if target else None,
    }
    outcome = Outcome(deps=deps, grammar=_grammar_part(worker))
    if worker.full:
        outcome.results.extend(checked.results)
    else:
        outcome.records.extend(article_record(r) for r in checked.results)
    return outcome


#: A text long enough for the detector of long texts (see checker.plain.language_detect).
_LONG_SAMPLE = (
    "A short sample sentence, long enough to detect its language. Take one tablet a day "
    "with water, and ask your pharmacist if you have any questions."
)


def _preload(config: Config, catalogs: bool) -> None:
    """Load every language's dictionaries here, before the workers start, so they share them.

    Only for ``fork`` (see :func:`start_method`): forked workers see this process's
    memory, so the word lists loaded once here are shared instead of copied into
    each worker, and no worker spends its first seconds loading them.  ``gc.freeze``
    keeps the collector from touching (and so copying) the shared objects.  The language
    detector for short texts (180 MB) is loaded only for ``catalogs``, whose translations
    are checked sentence by sentence; articles are detected on long samples (15 MB).
    """
    from checker.engine import check_document
    from checker.loading import parse_document
    from checker.plain.language_detect import detect_language

    layout = Layout.of(config)
    languages = dict.fromkeys([config.source_language, *layout.locales(config.i18n.locales)])
    selection = Selection.build(("ALL",), ("GRM",))
    for lang in languages:
        sample = f"---\nlang: {lang}\n---\n\n# Sample\n\nA short sample sentence [1].\n"
        try:
            document = parse_document(sample, "markdown", "sample.md", "sample.md", config)
            check_document(document, config, selection)
            detect_language(_LONG_SAMPLE, config.languages)
            if catalogs:
                detect_language("A short sample sentence, long enough to detect.", config.languages)
        except Exception:  # only a head start: the workers load what they need anyway
            continue
    gc.freeze()


# -- what to check ----------------------------------------------------------------------------


def catalogs_named(
    targets: Sequence[Path], files: list[Path], layout: Layout, config: Config
) -> tuple[list[Path], list[tuple[str, str, Path]], list[InputError]]:
    """Split the command line's files into articles and catalogs, refusing other gettext files.

    A ``.po`` file under ``locales/<locale>/LC_MESSAGES/``, or a folder inside the
    locales folder, is checked as a catalog (with the translation it builds); a
    template, a compiled catalog or a catalog elsewhere gets an error that says what
    to check instead.
    """
    locales = config.relative(layout.locales_dir)
    refusals = {
        ".po": f"a gettext catalog outside {locales}/<locale>/LC_MESSAGES/, where the checker "
        "finds its template and source article: move it there, or set locales-dir in "
        "[tool.checker.i18n]",
        ".pot": "a translation template has no translation to check: check its article, or "
        f"the catalogs made from it (checker check {locales})",
        ".mo": "a compiled catalog: check the .po file it was compiled from",
    }
    articles: list[Path] = []
    catalogs: list[tuple[str, str, Path]] = []
    refused: list[InputError] = []
    for path in files:
        located = layout.catalog_of(path)
        refusal = refusals.get(path.suffix.lower())
        if located is not None:
            catalogs.append((*located, path))
        elif refusal is not None:
            refused.append(InputError(config.relative(path), refusal))
        else:
            articles.append(path)
    for target in targets:
        try:
            is_dir = target.is_dir()
        except OSError:
            continue  # discovery has named it as unreadable
        if is_dir and is_within(target, layout.locales_dir):
            catalogs.extend(layout.catalogs_under(target))
    return articles, catalogs, refused


# -- the run ----------------------------------------------------------------------------------


@dataclass
class Plan:
    """The work of one run, found once: what cannot be read, articles, catalogs."""

    errors: list[InputError]
    articles: list[Path]
    catalogs: list[tuple[str, str, Path]]  # (locale, article id, catalog file)

    @property
    def tasks(self) -> int:
        return len(self.articles) + len(self.catalogs)


def _path_of(argument: Path | tuple[str, str, Path]) -> Path:
    """The file of a task's argument: an article's path, or a catalog's (locale, id, path)."""
    return argument[2] if isinstance(argument, tuple) else argument


@dataclass
class _Task:
    argument: Any
    key: str | None = None
    cached: Outcome | None = None
    content: str | None = None  # the hash the key was made from


class CheckRun:
    """One run's settings; :meth:`outcomes` does the work and yields in task order."""

    def __init__(
        self,
        config: Config,
        selection: Selection,
        *,
        jobs: int = 1,
        cache: ResultCache | None = None,
        grammar: GrammarChecker | None = None,
        full: bool = False,
        renderer: Renderer | None = None,
        progress: Callable[[], None] | None = None,
        warn: Callable[[str], None] | None = None,
        cluster: Cluster | None = None,
    ) -> None:
        self.config = config
        self.cluster = cluster
        self.warn = warn
        self.renderer = renderer
        self.selection = selection
        self.jobs = max(1, jobs)
        self.cache = None if full else cache
        self.grammar = grammar
        self.full = full
        self.progress = progress
        self.located = grammar.locate() if grammar is not None else None
        server = self.located.client.url if self.located and self.located.client else None
        # only a run with a cache needs it (it hashes the name and time of every code file)
        self._run_key = (
            run_key(config, sorted(selection.codes), server, _glossaries_digest(config))
            if self.cache is not None
            else ""
        )
        self._hashes: dict[str, str | None] = {}  # by path
        self._root = os.fspath(config.root)
        self._pieces: dict[str, str] = {}  # read ahead for the next cached tasks
        self._fetched: set[str] = set()  # the keys of the last read, found or not

    @property
    def grammar_run(self) -> GrammarRun | None:
        return self.grammar.run if self.grammar is not None else None

    def plan(
        self,
        targets: Sequence[Path],
        translations: bool,
        locales: Sequence[str] | None = None,
    ) -> Plan:
        """What a run over ``targets`` checks: found once, counted by the progress bar, then
        handed to :meth:`outcomes`.  ``translations`` adds every catalog of ``locales``
        (default: the configured ones)."""
        layout = Layout.of(self.config)
        found, missing = discover(targets, follow_links=self.config.follow_links)
        files, named, refused = catalogs_named(targets, found, layout, self.config)
        wanted = locales or layout.locales(self.config.i18n.locales)
        catalogs = [
            (locale, article_id, path)
            for locale in (wanted if translations else ())
            for article_id, path in layout.catalogs(locale)
        ]
        if named:  # a catalog named on the command line and found again is checked once
            unique: dict[str, tuple[str, str, Path]] = {}
            for task in [*catalogs, *named]:
                unique.setdefault(os.path.realpath(task[2]), task)
            catalogs = list(unique.values())
        glossaries: list[InputError] = []
        if catalogs and "TRN013" in self.selection.codes:
            from checker.i18n.check import glossary_errors

            glossaries = glossary_errors(self.config, sorted({c[0] for c in catalogs}))
        return Plan([*missing, *refused, *glossaries], files, catalogs)

    def outcomes(self, plan: Plan) -> Iterator[Outcome]:
        """Each planned task's outcome, in order: errors, articles, then catalogs."""
        for error in plan.errors:
            yield Outcome(errors=[error])
        grades: dict[str, float | None] = {}
        # the task lists are handed over, not kept: _run lets each task go once printed
        for outcome in self._run(self._article_tasks(plan.articles), _check_article, grades={}):
            if not outcome.errors:
                grades[outcome.path] = outcome.grade
            yield outcome
        if not plan.catalogs:
            return
        yield from self._run(self._catalog_tasks(plan.catalogs, grades), _check_catalog, grades)

    def _content_hash(self, path: Path | str) -> str | None:
        name = os.fspath(path)
        if name not in self._hashes:
            limit = self.config.max_file_size
            cache = self.cache
            self._hashes[name] = (
                cache.file_hash(name, limit) if cache is not None else file_hash(Path(name), limit)
            )
        return self._hashes[name]

    def _tasks(self, kind: str, arguments: Sequence[Any]) -> list[_Task]:
        """A task per argument, with its cached outcome when the cache has one (read in bulk)."""
        if self.cache is None:
            return [_Task(argument) for argument in arguments]
        keyed: list[tuple[Any, str | None, str | None]] = []
        for argument in arguments:
            path = _path_of(argument)
            content = self._content_hash(path)
            if content is None:  # unreadable: the task reports why
                keyed.append((argument, None, None))
                continue
            key = entry_key(self._run_key, kind, self.config.relative(path), content)
            keyed.append((argument, key, content))
        found = self.cache.get_many(key for _, key, _ in keyed if key is not None)
        return [
            _Task(argument, key, Outcome.from_meta(found[key]) if key in found else None, content)
            for argument, key, content in keyed
        ]

    def _article_tasks(self, paths: Sequence[Path]) -> list[_Task]:
        return self._tasks("article", paths)

    def _catalog_tasks(
        self, catalogs: Sequence[tuple[str, str, Path]], grades: Mapping[str, float | None]
    ) -> list[_Task]:
        tasks = self._tasks("catalog", catalogs)
        for task in tasks:
            if task.cached is not None and not self._deps_hold(task.cached.deps, grades):
                task.cached = None
        return tasks

    def _deps_hold(
        self, deps: Mapping[str, Any] | None, grades: Mapping[str, float | None]
    ) -> bool:
        """Whether a cached catalog outcome still describes what its task would give now."""
        if deps is None:
            return True
        source, target = deps["source"], deps["target"]
        if source is not None:
            if self._content_hash(os.path.join(self._root, source)) != deps["source_hash"]:
                return False
            if [source in grades, grades.get(source)] != deps["source_grade"]:
                return False
        return target is None or (target in grades) == deps["target_checked"]

    def _run(
        self,
        tasks: list[_Task],
        work: Callable[[Any], Outcome],
        grades: Mapping[str, float | None],
    ) -> Iterator[Outcome]:
        todo = [task.argument for task in tasks if task.cached is None]
        computed = self._compute(todo, work, grades)
        pending = deque(tasks)
        del tasks  # each task is let go once printed: a run never holds all its output
        while pending:
            task = pending.popleft()
            if task.cached is not None:
                outcome = task.cached
                if self.cache is not None:
                    self.cache.count(hit=True)
                self._render_cached(outcome, task, work, grades, pending)
            else:
                outcome = next(computed)
                self._render(outcome)
                # a file edited between hashing and reading: its result belongs to other bytes
                read_other = self._read_other(task, outcome)
                if self.cache is not None and task.key is not None:
                    self.cache.count(hit=False)
                if self.cache is not None and task.key is not None and not read_other:
                    self.cache.put(task.key, outcome.meta(), outcome.records)
                    if self.renderer is not None:
                        self.cache.put_piece(task.key, self.renderer.signature, outcome.piece)
            if outcome.grammar is not None and self.grammar is not None:
                self.grammar.run.merge(outcome.grammar)
                outcome.grammar = None
            if self.progress is not None:
                self.progress()
            yield outcome
            del task, outcome
        if self.cache is not None:
            self.cache.flush()

    def _read_other(self, task: _Task, outcome: Outcome) -> bool:
        """Whether the outcome may come from other bytes than the key was made from: an
        article says which bytes it read; a catalog is hashed again once checked."""
        if task.content is None:
            return False
        if outcome.content_hash is not None:
            return outcome.content_hash != task.content
        path = _path_of(task.argument)
        return file_hash(path, self.config.max_file_size) != task.content

    def _render(self, outcome: Outcome) -> None:
        """The outcome's counts and, with a renderer, its piece of output, from its records."""
        outcome.articles = len(outcome.records)
        outcome.counts = {s.label: 0 for s in reversed(Severity)}
        for record in outcome.records:
            for label, count in severity_counts(record).items():
                outcome.counts[label] += count
        if self.renderer is not None:
            outcome.piece = pieces_of(self.renderer, outcome.records)

    def _render_cached(
        self,
        outcome: Outcome,
        task: _Task,
        work: Callable[[Any], Outcome],
        grades: Mapping[str, float | None],
        coming: deque[_Task],
    ) -> None:
        """A cached outcome's piece: printed in an earlier run, or printed now from its records.

        Pieces are read a batch at a time: this task's and those of the next cached tasks.
        """
        if self.renderer is None or self.cache is None or task.key is None:
            return
        signature = self.renderer.signature
        piece = self._pieces.pop(task.key, None)
        if piece is None and task.key not in self._fetched:
            keys = [task.key]
            for later in coming:
                if len(keys) >= PIECES_PER_READ:
                    break
                if later.cached is not None and later.key is not None:
                    keys.append(later.key)
            self._fetched = set(keys)
            self._pieces = self.cache.pieces(keys, signature)
            piece = self._pieces.pop(task.key, None)
        if piece is None:
            records = self.cache.records(task.key)
            if records is None:  # the entry went away under us: check the file again
                _start_worker(self.config, self.selection, self.located, grades, self.full)
                records = work(task.argument).records
            piece = pieces_of(self.renderer, records)
            self.cache.put_piece(task.key, signature, piece)
        outcome.piece = piece

    def _compute(
        self, todo: list[Any], work: Callable[[Any], Outcome], grades: Mapping[str, float | None]
    ) -> Iterator[Outcome]:
        setup = (self.config, self.selection, self.located, grades, self.full)
        if self.cluster is not None:
            yield from self.cluster.run(work, todo, setup, _start_worker)
            return
        if self.jobs == 1 or len(todo) < 2:
            _start_worker(*setup)
            for argument in todo:
                yield work(argument)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        method = start_method()
        if method == "fork":
            _preload(self.config, catalogs=work is _check_catalog)
        workers = min(self.jobs, len(todo))
        executor: Executor = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_start_pool_worker,
            initargs=(os.getpid(), *setup),
        )
        done = 0
        with executor:
            # a few tasks per message: less traffic, and still even work between workers
            chunk = max(1, min(16, len(todo) // (workers * 8)))
            try:
                for outcome in executor.map(work, todo, chunksize=chunk):
                    done += 1
                    yield outcome
            except BrokenProcessPool as exc:
                if self.warn is not None:
                    self.warn(f"a worker process stopped ({exc}); checking the rest in this one")
        if done < len(todo):
            _start_worker(*setup)
            for argument in todo[done:]:
                yield work(argument)


def _glossaries_digest(config: Config) -> str:
    """What the glossaries say: a catalog's findings depend on them (TRN013) as much as on
    the catalog, so a changed glossary is a changed run."""
    import hashlib

    folder = config.root / config.i18n.glossary_dir
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in (".csv", ".tbx") and path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect garbage less often while checking, then restore the thresholds.

    A check allocates millions of small objects that live until the report is
    written; with the default thresholds the cyclic collector rescans them over and
    over (about a tenth of a large check's time).  Reference counting still frees
    everything that is not in a cycle.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def check_paths(
    targets: Sequence[Path],
    config: Config,
    selection: Selection | None = None,
    *,
    translations: bool = False,
    locales: Sequence[str] | None = None,
    jobs: int = 1,
    grammar: GrammarChecker | None = None,
    progress: Callable[[int], Callable[[], None] | None] | None = None,
    cluster: Cluster | None = None,
) -> CheckResult:
    """Check every article under ``targets`` (and with ``translations``, every catalog and
    the translation it builds): every result with its document, over ``jobs`` processes
    or on a Dask ``cluster`` (a connected :class:`~checker.dask_executor.DaskCluster`).

    The library API, and ``checker report`` and ``checker i18n check``; unreadable files
    become errors, never exceptions.  ``grammar`` is the run's LanguageTool stage (by
    default one is made when a GRM rule is selected).  ``progress`` is given the number of
    tasks once they are found and may return a function called after each.
    """
    from checker.engine import grammar_checker

    if selection is None:
        selection = Selection.build(config.select, config.ignore)
    if grammar is None:
        grammar = grammar_checker(config, selection)
    run = CheckRun(config, selection, jobs=jobs, grammar=grammar, full=True, cluster=cluster)
    plan = run.plan(targets, translations, locales)
    run.progress = progress(plan.tasks) if progress is not None else None
    articles: list[ArticleResult] = []
    errors: list[InputError] = []
    with _fewer_collections():
        for outcome in run.outcomes(plan):
            articles.extend(outcome.results)
            errors.extend(outcome.errors)
    return CheckResult(tuple(articles), tuple(errors), config.fail_on, run.grammar_run)
