"""The locks in requirements/ hold what pyproject.toml asks for, with hashes, in step."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
_ENTRY = re.compile(r"^(?P<requirement>[A-Za-z0-9][^\s\\]*(?: ; [^\\]+?)?)\s*\\?$")


def read_lock(name: str) -> dict[str, list[tuple[Requirement, int]]]:
    """Each package of a lock: its pins (one per environment marker) and how many hashes."""
    pins: dict[str, list[tuple[Requirement, int]]] = defaultdict(list)
    current: Requirement | None = None
    hashes = 0
    for line in [*(ROOT / "requirements" / name).read_text(encoding="utf-8").splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("--hash=sha256:"):
            hashes += 1
            continue
        if current is not None:
            pins[canonicalize_name(current.name)].append((current, hashes))
            current, hashes = None, 0
        match = _ENTRY.match(line)
        if match:
            current = Requirement(match["requirement"])
    return pins


RUN = read_lock("run.txt")
TEST = read_lock("test.txt")


@pytest.mark.parametrize("lock", ["run.txt", "test.txt"])
def test_every_pin_is_exact_and_hashed(lock: str) -> None:
    pins = read_lock(lock)
    assert len(pins) > 20
    for name, entries in pins.items():
        for requirement, hashes in entries:
            (specifier,) = requirement.specifier
            assert specifier.operator == "==", f"{lock}: {requirement} is not pinned"
            assert hashes >= 1, f"{lock}: {name} has no hash"


def test_both_locks_pin_the_same_versions() -> None:
    for name, entries in RUN.items():
        assert {str(r) for r, _ in entries} == {str(r) for r, _ in TEST[name]}, name


def _satisfied(requirement: Requirement, lock: dict[str, list[tuple[Requirement, int]]]) -> bool:
    entries = lock.get(canonicalize_name(requirement.name), [])
    versions = [next(iter(pin.specifier)).version for pin, _ in entries]
    return bool(versions) and all(requirement.specifier.contains(v) for v in versions)


def test_the_locks_hold_what_pyproject_asks_for() -> None:
    """Fails when pyproject.toml changes and requirements/refresh.py was not run."""
    run = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]
    test = [Requirement(r) for r in PYPROJECT["project"]["optional-dependencies"]["test"]]
    build = [Requirement(r) for r in PYPROJECT["build-system"]["requires"]]
    missing = [str(r) for r in [*run, *build] if not _satisfied(r, RUN)]
    missing += [str(r) for r in [*run, *test, *build] if not _satisfied(r, TEST)]
    assert missing == [], "run: python requirements/refresh.py"


def test_the_locks_cover_windows() -> None:
    """uv's universal lock keeps the packages only Windows needs (click's colorama)."""
    (colorama, _), *_ = TEST["colorama"]
    assert colorama.marker is not None and "win32" in str(colorama.marker)
