"""Built tables are kept in the user's cache folder, and a damaged or unwritable one is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.table_cache import cache_folder, cached_table
from checker.text.frequency import ZipfTable


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHECKER_TABLE_CACHE", str(tmp_path / "tables"))
    return tmp_path / "tables"


def _table(builds: list[int]) -> list[int]:
    def build() -> list[int]:
        builds.append(1)
        return [1, 2, 3]

    return cached_table("numbers", "data1", build, list, lambda stored: [int(x) for x in stored])


def test_a_table_is_built_once_then_read(folder: Path) -> None:
    builds: list[int] = []
    assert _table(builds) == [1, 2, 3]
    assert _table(builds) == [1, 2, 3]
    assert builds == [1]
    (written,) = folder.iterdir()
    assert "numbers" in written.name and "data1" in written.name


def test_a_damaged_table_is_rebuilt(folder: Path) -> None:
    builds: list[int] = []
    _table(builds)
    (written,) = folder.iterdir()
    written.write_bytes(b"\x00not marshal")
    assert _table(builds) == [1, 2, 3]
    assert builds == [1, 1]
    assert _table(builds) == [1, 2, 3]
    assert builds == [1, 1]


def test_an_unwritable_cache_folder_still_gives_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("CHECKER_TABLE_CACHE", str(blocker / "tables"))
    builds: list[int] = []
    assert _table(builds) == [1, 2, 3]
    assert _table(builds) == [1, 2, 3]
    assert builds == [1, 1]


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CHECKER_TABLE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if cache_folder().parent != tmp_path:  # Windows uses LOCALAPPDATA
        pytest.skip("not a POSIX system")
    assert cache_folder() == tmp_path / "checker"


def test_a_cached_frequency_table_answers_as_the_built_one(folder: Path) -> None:
    built = ZipfTable.build("es")
    stored = ZipfTable.decode("es", built.encode())
    for word in ("el", "médico", "ibuprofeno", "zzzqx", "Niño"):
        assert stored(word) == built(word)


def test_a_frequency_table_that_does_not_fit_together_is_refused() -> None:
    words, starts, buckets, values = ZipfTable.build("en").encode()
    with pytest.raises(ValueError):
        ZipfTable.decode("en", (words[:-5], starts, buckets, values))
    with pytest.raises(ValueError):
        ZipfTable.decode("en", (words, starts, buckets, values[:3]))
