"""Refresh the locked versions in requirements/: test the newest releases, then lock them.

    python requirements/refresh.py            # newest versions: lint, type-check, test; then lock
    python requirements/refresh.py --lock-only

The first step installs the newest release of every dependency (what ``pyproject.toml``
allows) in a scratch virtual environment and runs ``ruff``, ``mypy`` and the whole test
suite there, with gettext, Chromium and the SARIF Multitool if this machine has them.
Only when that passes are the locks written, with uv (``uv pip compile --universal``:
one file for every platform and Python from 3.11, every file's SHA-256 hash):

- ``requirements/run.txt``: what ``checker`` needs, plus the build backend;
- ``requirements/test.txt``: the same versions, plus the test tools.

The README's set-up commands and ``.ci/run`` install from these files with
``pip install --require-hashes``; ``pyproject.toml`` keeps open ranges for people who
install the package as a library.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ROOT / "requirements"
#: Where the newest versions are tried; what the locks support.
PYTHON = "3.11"
UV = "uv>=0.9"


def run(*command: str | Path, cwd: Path = ROOT) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], cwd=cwd, check=True)


def scratch_environment(folder: Path) -> Path:
    venv.EnvBuilder(with_pip=True).create(folder)
    python = folder / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip", UV)
    return python


def test_newest(python: Path) -> None:
    """The newest releases pyproject.toml allows: installed, listed, linted and tested."""
    run(python, "-m", "pip", "install", "--quiet", "-e", ".[test]")
    run(python, "-m", "pip", "list", "--format", "freeze")
    run(python, "-m", "ruff", "check", "checker", "tests", "bench", "requirements")
    run(python, "-m", "ruff", "format", "--check", "checker", "tests", "bench", "requirements")
    run(python, "-m", "mypy")
    run(python, "-m", "pytest")


def lock(python: Path, folder: Path) -> None:
    """Write run.txt and test.txt: the same version of every package in both."""
    build = folder / "build.in"  # the build backend, from [build-system]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    build.write_text("\n".join(project["build-system"]["requires"]) + "\n", encoding="utf-8")
    common = (
        "--universal",
        "--generate-hashes",
        "--python-version",
        PYTHON,
        "--custom-compile-command",
        "python requirements/refresh.py",
        "--quiet",
    )
    uv = (python, "-m", "uv", "pip", "compile", "pyproject.toml", build)
    run(*uv, "--extra", "test", *common, "--upgrade", "-o", LOCKS / "test.txt")
    run(*uv, *common, "--constraint", LOCKS / "test.txt", "-o", LOCKS / "run.txt")
    for name in ("test.txt", "run.txt"):  # name the build backend's origin, not a scratch file
        path = LOCKS / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"-r {build}", "[build-system] of pyproject.toml"), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "--lock-only", action="store_true", help="Lock without testing the newest versions."
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checker-refresh-") as scratch:
        folder = Path(scratch)
        python = scratch_environment(folder / "venv")
        if not options.lock_only:
            test_newest(python)
        lock(python, folder)
    print("Locked: requirements/run.txt and requirements/test.txt; review the diff and commit.")


if __name__ == "__main__":
    main()
