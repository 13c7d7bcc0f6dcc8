"""Every platform: nothing Unix-only on the check path, Windows' rename rules, ``/`` in output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from checker import files
from checker.files import write_text_atomically
from checker.i18n.catalog import CatalogError, catalog_lock, lock_file_of
from checker.paths import shown
from tests.conftest import SAMPLE_ARTICLES as ARTICLES

#: Modules Windows does not have; a process started with BLOCKER on its path has none.
UNIX_ONLY = ("fcntl", "termios", "pwd", "grp", "resource")
BLOCKER = "import sys\nfor name in {names!r}:\n    sys.modules[name] = None\n"

_DATES = re.compile(r'^"(?:PO-Revision-Date|POT-Creation-Date): .*$', re.MULTILINE)


def _project(root: Path) -> Path:
    for name, text in ARTICLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.checker]\npaths = ["content"]\n\n[tool.checker.i18n]\nlocales = ["es"]\n',
        encoding="utf-8",
    )
    return root


def _run(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def _workflow(root: Path, env: dict[str, str]) -> tuple[str, dict[str, str]]:
    """Extract, init, translate, update and check with two workers: output and catalogs."""
    for args in (("i18n", "extract"), ("i18n", "init", "--locale", "es")):
        done = _run(root, env, *args)
        assert done.returncode == 0, done.stderr
    catalog = root / "locales/es/LC_MESSAGES/asthma.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(
        text.replace('msgid "Asthma"\nmsgstr ""', 'msgid "Asthma"\nmsgstr "Asma"', 1),
        encoding="utf-8",
    )
    (root / "content/asthma.md").write_text(
        ARTICLES["content/asthma.md"] + "\nSee your nurse once a year.\n", encoding="utf-8"
    )
    for args in (("i18n", "extract"), ("i18n", "update")):
        done = _run(root, env, *args)
        assert done.returncode == 0, done.stderr
    checked = _run(root, env, "check", "--jobs", "2", "--no-cache", "--format", "json")
    assert checked.returncode in (0, 1), checked.stderr
    assert "Traceback" not in checked.stderr
    catalogs = {
        p.relative_to(root).as_posix(): _DATES.sub("", p.read_text(encoding="utf-8"))
        for p in sorted((root / "locales").rglob("*.po*"))
    }
    return checked.stdout, catalogs


def test_check_and_catalog_updates_need_nothing_unix_only(tmp_path: Path) -> None:
    """As on Windows: no fcntl (or other Unix-only module) and workers started by spawn."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCKER.format(names=UNIX_ONLY), encoding="utf-8")
    windows_like = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")]),
        "CHECKER_START_METHOD": "spawn",
    }
    probe = subprocess.run(
        [sys.executable, "-c", "import fcntl"], env=windows_like, capture_output=True
    )
    assert probe.returncode != 0, "the blocker did not take effect"

    usual = {k: v for k, v in os.environ.items() if k != "CHECKER_START_METHOD"}
    expected = _workflow(_project(tmp_path / "usual"), usual)
    got = _workflow(_project(tmp_path / "windows-like"), windows_like)
    assert got == expected
    assert 'msgstr "Asma"' in got[1]["locales/es/LC_MESSAGES/asthma.po"]  # kept by update
    assert '"path": "content/es/asthma.md"' not in got[0]  # too little translated to build
    assert '"path": "locales/es/LC_MESSAGES/asthma.po"' in got[0]


def test_the_catalog_lock_leaves_nothing_behind(tmp_path: Path) -> None:
    catalog = tmp_path / "locales/es/LC_MESSAGES/a.po"
    with catalog_lock(catalog):
        assert lock_file_of(catalog).exists()
    assert not lock_file_of(catalog).exists()


def test_a_rename_refused_for_a_moment_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file another process has open, for a moment."""
    target = tmp_path / "a.po"
    target.write_text("old", encoding="utf-8")
    real_replace = os.replace
    refusals = [PermissionError(13, "in use"), PermissionError(13, "in use")]

    def busy_then_free(source: str, destination: str) -> None:
        if refusals:
            raise refusals.pop()
        real_replace(source, destination)

    monkeypatch.setattr(files, "REPLACE_RETRY_PAUSES", (0.0, 0.0, 0.0))
    monkeypatch.setattr(files.os, "replace", busy_then_free)
    write_text_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "new"

    refusals.extend(PermissionError(13, "in use") for _ in range(5))
    with pytest.raises(PermissionError):
        write_text_atomically(target, "newer")
    assert target.read_text(encoding="utf-8") == "new"  # the old file, whole
    assert [p.name for p in tmp_path.iterdir()] == ["a.po"]  # no temporary file left


def test_paths_are_shown_with_forward_slashes() -> None:
    assert shown(PureWindowsPath(r"locales\es\LC_MESSAGES\a.po")) == "locales/es/LC_MESSAGES/a.po"
    assert shown(Path("content") / "es" / "a.md") == "content/es/a.md"
    error = CatalogError(PureWindowsPath(r"locales\es\LC_MESSAGES\a.po"), 3, "syntax error")
    assert str(error) == "locales/es/LC_MESSAGES/a.po:3: syntax error"


def test_no_module_of_the_package_imports_a_unix_only_module() -> None:
    """What the subprocess test cannot reach (a rarely taken branch) is caught here."""
    package = Path(__file__).parent.parent / "checker"
    pattern = re.compile(rf"^\s*(?:import|from)\s+({'|'.join(UNIX_ONLY)})\b", re.MULTILINE)
    offenders = [
        path.relative_to(package).as_posix()
        for path in sorted(package.rglob("*.py"))
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
