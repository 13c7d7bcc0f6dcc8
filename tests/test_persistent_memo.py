"""What the checker learns once per machine: compiled patterns and spoken numbers.

Kept in the table cache folder (a temporary one for the tests, see conftest), read on
first use, written once at exit when something was learned; a damaged file or a
forged compiled form is never trusted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker import compiled_patterns
from checker.persistent_memo import PersistentMemo
from checker.table_cache import cache_folder
from checker.text import syllables


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHECKER_TABLE_CACHE", str(tmp_path))
    compiled_patterns._pattern_memo.cache_clear()
    syllables._spoken_numbers.cache_clear()
    syllables.number_syllables.cache_clear()
    yield tmp_path
    compiled_patterns._pattern_memo.cache_clear()
    syllables._spoken_numbers.cache_clear()
    syllables.number_syllables.cache_clear()


def test_what_is_learned_is_read_back_by_the_next_process(folder: Path) -> None:
    memo = PersistentMemo("things", "v1")
    assert memo.get("a") is None
    memo.put("a", (1, "x"))
    memo.save()
    assert [p.name for p in folder.iterdir()] == [memo.file_name]
    assert PersistentMemo("things", "v1").get("a") == (1, "x")
    assert PersistentMemo("things", "v2").get("a") is None  # another version starts afresh


def test_a_damaged_file_is_ignored_and_the_limit_holds(folder: Path) -> None:
    memo = PersistentMemo("things", "v1", limit=2)
    (cache_folder() / memo.file_name).write_bytes(b"\x00 not marshal")
    for key in "abc":
        memo.put(key, 1)
    assert (memo.get("a"), memo.get("b"), memo.get("c")) == (1, 1, None)
    memo.save()
    assert PersistentMemo("things", "v1").get("b") == 1


def test_a_kept_pattern_is_the_pattern_re_compiles(folder: Path) -> None:
    source = r"(?<![\w-])(?P<dose>\d+(?:\.\d+)?)\s*(?:mg|ml)\b"
    first = compiled_patterns.kept(source, re.IGNORECASE)
    found = compiled_patterns._pattern_memo()
    assert found is not None
    found[0].save()
    compiled_patterns._pattern_memo.cache_clear()
    again = compiled_patterns.kept(source, re.IGNORECASE)
    expected = re.compile(source, re.IGNORECASE)
    for text in ("Take 7.5 MG weekly", "x-5 mg", "10ml"):
        assert (
            [m.groupdict() for m in again.finditer(text)]
            == [m.groupdict() for m in expected.finditer(text)]
            == [m.groupdict() for m in first.finditer(text)]
        )
    assert again.flags == expected.flags and again.groupindex == expected.groupindex


def test_a_forged_compiled_form_is_refused(folder: Path) -> None:
    found = compiled_patterns._pattern_memo()
    assert found is not None
    memo = found[0]
    pattern = r"\bflare\b"
    memo.put((pattern, 0), (pattern, 32, [9999, 1, 2], 0, {}, (None,)))
    compiled = compiled_patterns.kept(pattern)
    assert compiled.search("a flare") is not None


def test_spoken_numbers_are_counted_once_per_machine(folder: Path) -> None:
    counted = syllables.number_syllables("1,250", "en")
    assert counted == syllables._number_syllables("1,250", "en")
    syllables._spoken_numbers().save()
    syllables._spoken_numbers.cache_clear()
    syllables.number_syllables.cache_clear()
    assert syllables._spoken_numbers().get(("1,250", "en")) == counted
    assert syllables.number_syllables("1,250", "en") == counted
