"""The result cache's bulk reads and its file hashes kept by stat."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from checker import result_cache
from checker.result_cache import ResultCache

RACY_SECONDS = 0.3


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files whose bytes were read to hash them."""
    read: list[Path] = []
    real = result_cache.file_hash

    def counting(path: Path, limit: int = 1 << 31) -> str | None:
        read.append(path)
        return real(path, limit)

    monkeypatch.setattr(result_cache, "file_hash", counting)
    monkeypatch.setattr(result_cache, "RACY_SECONDS", RACY_SECONDS)
    return read


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_an_unchanged_file_is_not_read_again(tmp_path: Path, hashed: list[Path]) -> None:
    article = tmp_path / "a.md"
    article.write_bytes(b"Take one tablet.\n")
    age(article, 3600)
    time.sleep(RACY_SECONDS + 0.1)  # the inode's change time is now, too
    cache = ResultCache(tmp_path / "cache")
    assert cache.file_hash(article, 1 << 20) == sha(b"Take one tablet.\n")
    cache.close()
    again = ResultCache(tmp_path / "cache")
    assert again.file_hash(article, 1 << 20) == sha(b"Take one tablet.\n")
    assert hashed == [article]  # the second run trusted the stat


def test_a_file_changed_since_is_hashed_again_even_at_the_same_size_and_time(
    tmp_path: Path, hashed: list[Path]
) -> None:
    article = tmp_path / "a.md"
    article.write_bytes(b"Take one tablet.\n")
    age(article, 3600)
    time.sleep(RACY_SECONDS + 0.1)
    cache = ResultCache(tmp_path / "cache")
    cache.file_hash(article, 1 << 20)
    cache.close()
    before = os.stat(article)
    article.write_bytes(b"Take two tablet.\n")  # same size
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))  # same modification time
    again = ResultCache(tmp_path / "cache")
    assert again.file_hash(article, 1 << 20) == sha(b"Take two tablet.\n")
    assert hashed == [article, article]


def test_a_file_hashed_just_after_a_change_is_not_trusted(
    tmp_path: Path, hashed: list[Path]
) -> None:
    """Racy: it could change again within the same timestamp, so its stat is not kept."""
    article = tmp_path / "a.md"
    article.write_bytes(b"Take one tablet.\n")
    for _ in range(2):
        cache = ResultCache(tmp_path / "cache")
        assert cache.file_hash(article, 1 << 20) == sha(b"Take one tablet.\n")
        cache.close()
    assert hashed == [article, article]


def test_entries_and_pieces_are_read_in_bulk(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    keys = [f"key{number}" for number in range(1_200)]  # more than one batch
    for number, key in enumerate(keys):
        cache.put(key, {"path": f"a{number}.md"}, [])
        if number % 2:
            cache.put_piece(key, "json", f"piece {number}")
    cache.close()
    cache = ResultCache(tmp_path / "cache")
    found = cache.get_many([*keys, "missing"])
    assert len(found) == 1_200 and found["key7"] == {"path": "a7.md"}
    pieces = cache.pieces(keys, "json")
    assert len(pieces) == 600 and pieces["key7"] == "piece 7" and "key8" not in pieces
    assert cache.pieces(keys, "text") == {}


def test_catalogs_are_listed_in_the_order_of_sorted_paths(tmp_path: Path) -> None:
    """Part by part, as pathlib sorts: 'a/x' before 'a-b/x' although '-' sorts before '/'."""
    from checker.i18n.layout import Layout

    folder = tmp_path / "locales/es/LC_MESSAGES"
    names = ["a-b/x.po", "a/x.po", "a.po", "a/b/c.po", "B.po", "b.po", "ñ.po", "a b.po", "z.pot"]
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("", encoding="utf-8")
    layout = Layout(tmp_path, tmp_path / "locales", "content/{locale}")
    expected = [
        (p.relative_to(folder).with_suffix("").as_posix(), p) for p in sorted(folder.rglob("*.po"))
    ]
    assert layout.catalogs("es") == expected
    assert expected.index(("a/x", folder / "a/x.po")) < expected.index(
        ("a-b/x", folder / "a-b/x.po")
    )


def test_a_cache_with_the_tables_of_another_version_is_emptied_and_used(tmp_path: Path) -> None:
    import sqlite3

    folder = tmp_path / "cache"
    folder.mkdir()
    old = sqlite3.connect(folder / result_cache.FILE_NAME)
    old.execute(
        "CREATE TABLE outcomes (key TEXT PRIMARY KEY, meta BLOB NOT NULL, "
        "records BLOB NOT NULL, used INTEGER NOT NULL)"
    )
    old.execute("INSERT INTO outcomes VALUES ('k', '{}', '[]', 0)")
    old.commit()
    old.close()
    cache = ResultCache(folder)
    assert cache.get_many(["k"]) == {}
    cache.put("k", {"path": "a.md"}, [{"path": "a.md"}])
    cache.close()
    cache = ResultCache(folder)
    assert cache.get_many(["k"]) == {"k": {"path": "a.md"}}
    assert cache.records("k") == [{"path": "a.md"}]
