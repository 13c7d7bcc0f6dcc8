"""--jobs and the result cache: the same output, in the same order, whatever the run reuses."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import orjson
import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker.cli import app
from checker.config import load_config
from checker.engine import Selection
from checker.output.records import STREAM, JsonStream, late
from checker.pipeline import CheckRun, Outcome, start_method
from checker.result_cache import FILE_NAME, ResultCache
from tests.conftest import SAMPLE_ARTICLES as ARTICLES

BROKEN = b"\x00\x01\x02\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
PYPROJECT = '[tool.checker]\npaths = ["content"]\n\n[tool.checker.i18n]\nlocales = ["es", "fr"]\n'


def invoke(project: Path, *args: str, stderr: list[str] | None = None) -> tuple[int, str]:
    """Exit code and standard output (standard error goes to ``stderr`` when given)."""
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    if stderr is not None:
        stderr.append(result.stderr)
    return result.exit_code, result.stdout


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three articles, one unreadable file, and es and fr catalogs, mostly translated."""
    for name, text in ARTICLES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert invoke(tmp_path, "i18n", "extract")[0] == 0
    for locale in ("es", "fr"):
        assert invoke(tmp_path, "i18n", "init", "--locale", locale)[0] == 0
    translate(tmp_path, "es")
    (tmp_path / "content/broken.md").write_bytes(BROKEN)
    return tmp_path


def translate(root: Path, locale: str) -> None:
    for path in sorted((root / "locales" / locale / "LC_MESSAGES").glob("*.po")):
        catalog = polib.pofile(str(path))
        for number, entry in enumerate(catalog):
            if number % 5 != 4:  # one in five left untranslated
                entry.msgstr = f"{entry.msgid} ({locale})"
        catalog.save(str(path))


def use_start_method(monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    """Start workers with ``method``, or skip where the platform has no such method."""
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    monkeypatch.setenv("CHECKER_START_METHOD", method)


def check(*args: str, stderr: list[str] | None = None) -> tuple[int, str]:
    return invoke(Path.cwd(), "check", *args, stderr=stderr)


@pytest.mark.parametrize("output_format", ["json", "text", "sarif", "github"])
def test_two_jobs_print_what_one_prints(project: Path, output_format: str) -> None:
    one = check("--format", output_format, "--jobs", "1", "--no-cache")
    two = check("--format", output_format, "--jobs", "2", "--no-cache")
    assert one == two
    assert one[0] == 2  # the unreadable file
    assert "broken.md" in one[1] and "asthma.md" in one[1]


def test_output_order_is_articles_then_catalogs(project: Path) -> None:
    data = orjson.loads(check("--format", "json", "--jobs", "2", "--no-cache")[1])
    paths = [a["path"] for a in data["articles"]]
    assert paths[:3] == ["content/asthma.md", "content/gout.md", "content/notes.txt"]
    assert paths[3] == "locales/es/LC_MESSAGES/asthma.po"
    assert paths[4] == "content/es/asthma.md"  # the translation built from it
    assert [e["path"] for e in data["errors"]] == ["content/broken.md"]


def run_outcomes(root: Path, jobs: int = 1) -> tuple[list[Outcome], ResultCache]:
    config = load_config(root / "pyproject.toml")
    selection = Selection.build(config.select, config.ignore)
    cache = ResultCache(config.cache_folder)
    run = CheckRun(config, selection, jobs=jobs, cache=cache)
    outcomes = list(run.outcomes(run.plan([root / "content"], translations=True)))
    cache.close()
    return outcomes, cache


def test_a_warm_run_analyses_nothing_and_prints_the_same(project: Path) -> None:
    cold = check("--format", "json")
    outcomes, cache = run_outcomes(project)
    assert (cache.hits, cache.misses) == (len(outcomes), 0)
    assert check("--format", "json") == cold
    assert check("--format", "json", "--no-cache") == cold


def test_an_edit_reanalyses_the_article_and_its_catalogs_only(project: Path) -> None:
    run_outcomes(project)
    article = project / "content/gout.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nRest the joint.\n", "utf-8")
    _, cache = run_outcomes(project)
    # gout.md, and its es and fr catalogs (they build from it); the 7 other tasks reused
    assert (cache.misses, cache.hits) == (3, 7)
    assert check("--format", "json") == check("--format", "json", "--no-cache")


def test_a_catalog_edit_and_a_built_translation_on_disk_are_seen(project: Path) -> None:
    check("--format", "json")
    translate(project, "fr")
    assert check("--format", "json") == check("--format", "json", "--no-cache")
    # once the translation is built on disk, the catalog no longer checks it in memory
    assert invoke(project, "i18n", "build", "--locale", "es")[0] == 0
    warm = check("--format", "json")
    assert warm == check("--format", "json", "--no-cache")
    built = [a for a in orjson.loads(warm[1])["articles"] if a["path"] == "content/es/asthma.md"]
    assert len(built) == 1 and built[0]["built_from"] is None


def test_configuration_and_rule_selection_are_part_of_the_key(project: Path) -> None:
    check("--format", "json")
    assert check("--format", "json", "--ignore", "RDG") == check(
        "--format", "json", "--ignore", "RDG", "--no-cache"
    )
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        PYPROJECT + "\n[tool.checker.readability]\ntarget-grade = 3\n", encoding="utf-8"
    )
    _, cache = run_outcomes(project)
    assert cache.hits == 0


def test_no_cache_writes_nothing_and_cache_dir_moves_it(project: Path, tmp_path: Path) -> None:
    check("--format", "json", "--no-cache")
    assert not (project / ".checker-cache" / FILE_NAME).exists()
    elsewhere = tmp_path / "elsewhere"
    check("--format", "json", "--cache-dir", str(elsewhere))
    assert (elsewhere / FILE_NAME).is_file()
    assert not (project / ".checker-cache" / FILE_NAME).exists()


def test_cache_dir_from_the_configuration(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        PYPROJECT.replace('paths = ["content"]', 'paths = ["content"]\ncache-dir = "build/cache"'),
        encoding="utf-8",
    )
    check("--format", "json")
    assert (project / "build" / "cache" / FILE_NAME).is_file()


@pytest.mark.parametrize("damage", ["garbage", "zeroed", "folder-is-a-file", "deleted"])
def test_a_damaged_or_missing_cache_never_fails_the_run(project: Path, damage: str) -> None:
    cold = check("--format", "json")
    folder = project / ".checker-cache"
    if damage == "garbage":
        for path in folder.glob(FILE_NAME + "*"):
            path.write_bytes(b"not a database" * 100)
    elif damage == "zeroed":
        for path in folder.glob(FILE_NAME + "*"):
            path.write_bytes(bytes(path.stat().st_size or 4096))
    elif damage == "folder-is-a-file":
        shutil.rmtree(folder)
        folder.write_text("x", encoding="utf-8")
    else:
        shutil.rmtree(folder)
    errors: list[str] = []
    assert check("--format", "json", stderr=errors) == cold
    assert "Traceback" not in errors[0]
    if damage in ("garbage", "zeroed"):
        assert "result cache: " in errors[0] and "was damaged" in errors[0]
        assert "replaced with an empty one" in errors[0]
    if damage == "folder-is-a-file":
        assert "result cache: cannot open" in errors[0]
    else:  # a damaged database is replaced, a deleted one made again
        assert check("--format", "json") == cold
        assert (folder / FILE_NAME).is_file()


def crash_in_a_worker(argument: str) -> Outcome:
    """A task that kills the worker process running it (not the main process)."""
    if argument == "boom" and os.getpid() != MAIN_PID:
        os._exit(1)
    return Outcome(path=argument)


#: the test process's id, inherited by workers however they start
MAIN_PID = int(os.environ.setdefault("CHECKER_TEST_MAIN_PID", str(os.getpid())))


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_crashed_worker_costs_nothing(
    project: Path, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_start_method(monkeypatch, method)
    config = load_config(project / "pyproject.toml")
    warnings: list[str] = []
    run = CheckRun(config, Selection.build(("ALL",), ()), jobs=2, warn=warnings.append)
    todo = ["a", "b", "boom", "c", "d", "e"]
    outcomes = list(run._compute(todo, crash_in_a_worker, {}))
    assert [o.path for o in outcomes] == todo
    assert warnings and "worker process stopped" in warnings[0]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(
    head=st.dictionaries(st.text(), json_values, max_size=3),
    items=st.lists(json_values, max_size=5),
    tail=st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), json_values, max_size=3),
)
def test_json_stream_is_byte_for_byte_the_whole_document(
    head: dict[str, Any], items: list[Any], tail: dict[str, Any]
) -> None:
    head = {k: v for k, v in head.items() if k not in tail and k != "items"}
    skeleton = {**head, "nested": {"items": STREAM, **{k: late(k) for k in tail}}}
    stream = JsonStream(skeleton)
    body = ",".join(stream.item(i) for i in items)
    text = stream.start() + body + stream.finish(tail, items=bool(items))
    whole = {**head, "nested": {"items": items, **tail}}
    option = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS
    assert text == orjson.dumps(whole, option=option).decode("utf-8") + "\n"


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_every_start_method_prints_what_one_job_prints(
    project: Path, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers that do not inherit this process's memory load what they need themselves."""
    one = check("--format", "json", "--jobs", "1", "--no-cache")
    use_start_method(monkeypatch, method)
    two = check("--format", "json", "--jobs", "2", "--no-cache")
    assert one == two
    paths = [article["path"] for article in orjson.loads(two[1])["articles"]]
    assert "locales/fr/LC_MESSAGES/gout.po" in paths and "content/es/gout.md" in paths


def test_fork_is_the_fast_path_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHECKER_START_METHOD", raising=False)
    expected = "fork" if sys.platform.startswith("linux") else None
    if expected is None:
        pytest.skip("fork is chosen on Linux only")
    assert start_method() == expected


def test_an_unknown_start_method_is_a_usage_error(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHECKER_START_METHOD", "teleport")
    stderr: list[str] = []
    code, _ = check("--jobs", "2", stderr=stderr)
    assert code == 2
    assert "CHECKER_START_METHOD='teleport'" in stderr[0] and "spawn" in stderr[0]


def test_a_catalog_named_on_the_command_line_is_checked_as_one(project: Path) -> None:
    code, output = check("locales/es/LC_MESSAGES/gout.po", "--format", "json", "--no-cache")
    data = orjson.loads(output)
    assert data["errors"] == [] and code in (0, 1)
    paths = [a["path"] for a in data["articles"]]
    assert paths == ["locales/es/LC_MESSAGES/gout.po", "content/es/gout.md"]  # and its build
    assert data["articles"][0]["format"] == "gettext"
    everything = orjson.loads(check("--format", "json", "--no-cache")[1])
    whole = {a["path"]: a for a in everything["articles"]}
    assert data["articles"][0]["findings"] == whole[paths[0]]["findings"]
    # a folder of the locales is its catalogs; named twice, a catalog is checked once
    folder = orjson.loads(check("locales/fr", "--format", "json", "--no-cache")[1])
    assert [a["path"] for a in folder["articles"]] == [
        "locales/fr/LC_MESSAGES/asthma.po",
        "locales/fr/LC_MESSAGES/gout.po",
        "locales/fr/LC_MESSAGES/notes.po",
    ]
    twice = check("locales/es/LC_MESSAGES/gout.po", "--translations", "--format", "json")
    assert [a["path"] for a in orjson.loads(twice[1])["articles"]].count(paths[0]) == 1


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("locales/templates/gout.pot", "a translation template has no translation to check"),
        ("locales/es/LC_MESSAGES/gout.mo", "a compiled catalog: check the .po file"),
        ("drafts/gout.po", "a gettext catalog outside locales/<locale>/LC_MESSAGES/"),
    ],
)
def test_other_gettext_files_are_refused_with_what_to_check(
    project: Path, name: str, says: str
) -> None:
    target = project / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(project / "locales/es/LC_MESSAGES/gout.po", target)
    stderr: list[str] = []
    code, output = check(name, "content/gout.md", "--format", "json", stderr=stderr)
    assert code == 2
    data = orjson.loads(output)
    (error,) = data["errors"]
    assert error["path"] == name and says in error["message"]
    assert [a["path"] for a in data["articles"]] == ["content/gout.md"]  # the rest is checked


def test_an_article_edited_during_a_run_is_not_cached_under_the_old_bytes(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edit an article between its hashing and its reading, then revert it: the next run
    must report the reverted text, not what was read in between (a false pass)."""
    import checker.pipeline

    article = project / "content/gout.md"
    original = article.read_text(encoding="utf-8")
    claim = original + "\nCherry juice cures gout for good.\n"  # a CLM002 error
    article.write_text(claim, encoding="utf-8")
    real_check_file = checker.pipeline.check_file

    def edited_first(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path.name == "gout.md":
            path.write_text(original, encoding="utf-8")  # the writer saves meanwhile
        return real_check_file(path, *args, **kwargs)

    monkeypatch.setattr(checker.pipeline, "check_file", edited_first)
    run_outcomes(project)  # hashed the claim version, analysed the original
    monkeypatch.setattr(checker.pipeline, "check_file", real_check_file)
    article.write_text(claim, encoding="utf-8")  # back to the hashed bytes
    cached = check("--format", "json")
    assert cached == check("--format", "json", "--no-cache")
    gout = next(a for a in json.loads(cached[1])["articles"] if a["path"].endswith("gout.md"))
    assert "CLM002" in [f["code"] for f in gout["findings"]]  # not a cached pass


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.update(int(child) for child in task.read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_workers_end_when_the_main_process_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import time

    for number in range(400):
        (tmp_path / f"a{number}.md").write_text(
            "Statins lower the risk of a heart attack by 30%. " * 40 + "\n", encoding="utf-8"
        )
    main = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", ".", "--jobs", "2", "--no-cache"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and main.poll() is None:
        workers = {c for c in _children(main.pid) if _alive(c)}
        time.sleep(0.05)
    assert len(workers) >= 2, "the run ended before its workers could be seen"
    main.send_signal(signal.SIGKILL)
    main.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


def test_a_catalog_edited_during_a_run_is_not_cached_under_the_old_bytes(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hashed as A, read as B (saved meanwhile), then back to A: the next run must not
    show B's findings for A."""
    import checker.i18n.check

    catalog = project / "locales/es/LC_MESSAGES/gout.po"
    original = catalog.read_text(encoding="utf-8")
    real = checker.i18n.check.check_catalog_file

    def saved_meanwhile(config: Any, selection: Any, layout: Any, locale: str, *rest: Any) -> Any:
        if rest[1] == catalog:  # the translator empties it just before the checker reads it
            emptied = polib.pofile(str(catalog))
            for unit in emptied:
                unit.msgstr = ""
            emptied.save(str(catalog))
        return real(config, selection, layout, locale, *rest)

    monkeypatch.setattr(checker.i18n.check, "check_catalog_file", saved_meanwhile)
    run_outcomes(project)
    monkeypatch.setattr(checker.i18n.check, "check_catalog_file", real)
    catalog.write_text(original, encoding="utf-8")  # back to the hashed bytes
    assert check("--format", "json") == check("--format", "json", "--no-cache")


def test_files_are_found_once_and_the_progress_knows_how_many(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.pipeline

    walks: list[int] = []
    real = checker.pipeline.discover

    def counting(*args: Any, **kwargs: Any) -> Any:
        walks.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(checker.pipeline, "discover", counting)
    ticks: list[int] = []
    planned: list[int] = []

    def progress(tasks: int) -> Any:
        planned.append(tasks)
        return lambda: ticks.append(1)

    config = load_config(project / "pyproject.toml")
    result = checker.pipeline.check_paths(
        [project / "content"], config, translations=True, progress=progress
    )
    assert walks == [1]
    files = [p for p in (project / "content").rglob("*") if p.suffix in (".md", ".txt", ".html")]
    catalogs = list((project / "locales").rglob("*.po"))
    assert planned == [len(files) + len(catalogs)] and len(ticks) == planned[0]
    assert len(result.articles) >= planned[0]
