"""Results of earlier runs, so that an unchanged article or catalog is not analysed again.

One SQLite file, ``results.sqlite3`` in the cache folder (``.checker-cache/`` by
default; safe to delete).  Each entry keeps a small summary of the outcome (counts,
unreadable files, dependencies), its records, and the pieces of output already
printed from them in each format, so that a warm run copies text instead of
rendering it again.  A key is the SHA-256 of everything that decides a
result: the checker's version and code, the configuration, the selected rules, the
LanguageTool server, the kind of task, the file's path and its bytes.  A catalog's
entry also lists the files it read besides itself (its source article, by hash) and
what it took from the run (the source's grade, whether the built translation was
checked from disk); the entry counts only while those are the same.

A warm run of a large site is mostly bookkeeping, so it is done in bulk: the
summaries of a run's entries are read a few hundred per query, printed pieces a
batch at a time as they are needed, and a file's hash is taken again only when
its size, times or inode changed since it was last hashed (as git and ruff do;
a file changed within :data:`RACY_SECONDS` of being hashed is hashed every time).

The cache never fails a run: a damaged or locked database is set aside with a
warning and the run goes on without it.  Entries not used for
:data:`KEEP_UNUSED_DAYS` days are dropped.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import orjson

import checker
from checker import __version__
from checker.files import LockBusy, exclusive_lock
from checker.paths import shown

#: Bump when the shape of a stored outcome changes.
FORMAT = 3
#: Bump when the tables change: a cache with another schema is emptied when opened.
SCHEMA = 2
FILE_NAME = "results.sqlite3"
LOCK_NAME = "results.lock"
KEEP_UNUSED_DAYS = 30
_COMMIT_EVERY = 500
#: Keys per query when reading entries in bulk (SQLite allows 32,766 parameters).
_BATCH = 500
#: A file modified this close to the moment it was hashed may change again within the
#: same timestamp: its stat is not trusted to stand for its bytes.
RACY_SECONDS = 2.0


@cache
def code_fingerprint() -> str:
    """The version plus the name, size and time of every file of the installed package.

    Results depend on the code and its data files as much as on the input, and a
    development install keeps the same version number across edits.
    """
    root = Path(checker.__file__).resolve().parent
    digest = hashlib.sha256(f"{__version__}\0{FORMAT}".encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(
                f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode()
            )
    return digest.hexdigest()


def run_key(*parts: object) -> str:
    """The part of every key that a whole run shares (configuration, rules, server)."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(repr(part).encode("utf-8"))
    return digest.hexdigest()


def entry_key(run: str, kind: str, path: str, content: str) -> str:
    """The key of one file's outcome: the run's key, the kind of task, the path and the hash."""
    return hashlib.sha256(f"{run}\0{kind}\0{path}\0{content}".encode()).hexdigest()


def _stat_signature(path: Path | str) -> tuple[str, float] | None:
    """What changes when a file's bytes change (size, times, inode), and its mtime."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    signature = f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}"
    return signature, max(stat.st_mtime, stat.st_ctime)


def file_hash(path: Path, limit: int = 1 << 31) -> str | None:
    """SHA-256 of a regular file's bytes, or None when it cannot be read within ``limit``
    (a device, a FIFO, a file over the limit: the task itself reports why)."""
    from checker.loading.read import read_bounded
    from checker.model import LoadError

    try:
        return hashlib.sha256(read_bounded(path, limit)).hexdigest()
    except LoadError:
        return None


class ResultCache:
    """Outcomes by key in one SQLite file; every failure turns it off instead of failing."""

    def __init__(self, folder: Path, warn: Any = None) -> None:
        self.path = folder / FILE_NAME
        self._warn = warn
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, bytes, bytes, int]] = []
        self._pieces: list[tuple[str, str, str]] = []
        self._used: list[tuple[int, str]] = []
        self._hashes: dict[str, tuple[str, str]] | None = None  # path: (stat signature, hash)
        self._new_hashes: list[tuple[str, str, str]] = []
        self.hits = 0
        self.misses = 0
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except (OSError, sqlite3.Error, LockBusy) as exc:
            self._off(f"cannot open {shown(self.path)} ({exc}); checking without it")

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except sqlite3.DatabaseError:
            pass
        # not a database any more (a crash, a stray file): it is only a cache.  Under the
        # lock, one process replaces it; the others wait, then open the new one.
        with exclusive_lock(self.path.with_name(LOCK_NAME), wait=30):
            try:
                return self._connect()
            except sqlite3.DatabaseError as exc:
                if self._warn is not None:
                    self._warn(
                        f"result cache: {shown(self.path)} was damaged ({exc}); "
                        "replaced with an empty one, so this run checks everything"
                    )
                for stray in (self.path, *self.path.parent.glob(self.path.name + "-*")):
                    with contextlib.suppress(OSError):
                        stray.unlink()
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
            # a cache written by another version of the checker: start again
            with db:
                db.execute("BEGIN IMMEDIATE")
                if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:  # not meanwhile
                    for table in ("outcomes", "records", "pieces", "hashes"):
                        db.execute(f"DROP TABLE IF EXISTS {table}")
                    db.execute(f"PRAGMA user_version = {SCHEMA}")
        # an outcome's summary and its records in two tables: a warm run reads thousands
        # of summaries, and a row holding the records too would be read through them
        db.execute(
            "CREATE TABLE IF NOT EXISTS outcomes (key TEXT PRIMARY KEY, "
            "meta BLOB NOT NULL, used INTEGER NOT NULL)"
        )
        db.execute(
            "CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, records BLOB NOT NULL)"
        )
        db.execute(
            "CREATE TABLE IF NOT EXISTS pieces (key TEXT NOT NULL, signature TEXT NOT NULL, "
            "piece TEXT NOT NULL, PRIMARY KEY (key, signature))"
        )
        db.execute(
            "CREATE TABLE IF NOT EXISTS hashes (path TEXT PRIMARY KEY, stat TEXT NOT NULL, "
            "hash TEXT NOT NULL)"
        )
        # every run drops the entries unused for 30 days: found by index, not a table scan
        db.execute("CREATE INDEX IF NOT EXISTS outcomes_used ON outcomes (used)")
        return db

    def _off(self, message: str) -> None:
        if self._warn is not None:
            self._warn(f"result cache: {message}")
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def _rows(self, query: str, arguments: tuple[str, ...] = ()) -> list[Any]:
        """The rows ``query`` gives; none, and the cache turned off, when it cannot be read."""
        if self._db is None:
            return []
        try:
            return self._db.execute(query, arguments).fetchall()
        except sqlite3.Error as exc:
            self._off(f"cannot read {shown(self.path)} ({exc}); checking without it")
            return []

    def _one(self, query: str, *arguments: str) -> Any:
        rows = self._rows(query, arguments)
        return rows[0] if rows else None

    def _many(self, query: str, keys: list[str], *first: str) -> list[Any]:
        """Rows of ``query`` (whose last condition is ``key IN ({})``) for every key."""
        rows: list[Any] = []
        for start in range(0, len(keys), _BATCH):
            chunk = keys[start : start + _BATCH]
            rows.extend(self._rows(query.format(",".join("?" * len(chunk))), (*first, *chunk)))
            if self._db is None:  # a read failed: nothing from this cache counts
                return []
        return rows

    def file_hash(self, path: Path | str, limit: int) -> str | None:
        """:func:`file_hash`, taken again only when the file's stat changed since."""
        if self._db is None:
            return file_hash(Path(path), limit)
        if self._hashes is None:
            rows = self._rows("SELECT path, stat, hash FROM hashes")
            self._hashes = {row[0]: (row[1], row[2]) for row in rows}
        name = os.fspath(path)
        stat = _stat_signature(path)
        known = self._hashes.get(name)
        if stat is not None and known is not None and known[0] == stat[0]:
            return known[1]
        digest = file_hash(Path(path), limit)
        if stat is not None and digest is not None and time.time() - stat[1] > RACY_SECONDS:
            self._hashes[name] = (stat[0], digest)
            self._new_hashes.append((name, stat[0], digest))
        return digest

    def get_many(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The summaries of the outcomes kept under any of ``keys``, a batch per query (see
        :meth:`records` and :meth:`pieces` for the rest)."""
        found: dict[str, dict[str, Any]] = {}
        now = int(time.time())
        query = "SELECT key, meta, used FROM outcomes WHERE key IN ({})"
        for key, meta, used in self._many(query, list(keys)):
            try:
                found[key] = orjson.loads(meta)
            except orjson.JSONDecodeError:
                continue
            if used < now - 86_400:  # marked as used at most once a day
                self._used.append((now, key))
        return found

    def pieces(self, keys: Iterable[str], signature: str) -> dict[str, str]:
        """The output already printed from these outcomes in the format ``signature``."""
        query = "SELECT key, piece FROM pieces WHERE signature = ? AND key IN ({})"
        return dict(self._many(query, list(keys), signature))

    def records(self, key: str) -> list[dict[str, Any]] | None:
        row = self._one("SELECT records FROM records WHERE key = ?", key)
        try:
            return orjson.loads(row[0]) if row is not None else None
        except orjson.JSONDecodeError:
            return None

    def count(self, hit: bool) -> None:
        if hit:
            self.hits += 1
        else:
            self.misses += 1

    def put(self, key: str, meta: Mapping[str, Any], records: list[dict[str, Any]]) -> None:
        """Keep an outcome; the pieces printed from an earlier one with this key are dropped."""
        if self._db is None:
            return
        self._pending.append((key, orjson.dumps(meta), orjson.dumps(records), int(time.time())))
        if len(self._pending) >= _COMMIT_EVERY:
            self.flush()

    def put_piece(self, key: str, signature: str, piece: str) -> None:
        if self._db is None:
            return
        self._pieces.append((key, signature, piece))
        if len(self._pieces) >= _COMMIT_EVERY:
            self.flush()

    def flush(self) -> None:
        """Write what is pending in one transaction, so that a killed run keeps its work."""
        if self._db is None or not (
            self._pending or self._used or self._pieces or self._new_hashes
        ):
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany(
                    "DELETE FROM pieces WHERE key = ?", [(row[0],) for row in self._pending]
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO outcomes (key, meta, used) VALUES (?, ?, ?)",
                    [(key, meta, used) for key, meta, _, used in self._pending],
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO records (key, records) VALUES (?, ?)",
                    [(key, records) for key, _, records, _ in self._pending],
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO pieces (key, signature, piece) VALUES (?, ?, ?)",
                    self._pieces,
                )
                self._db.executemany("UPDATE outcomes SET used = ? WHERE key = ?", self._used)
                self._db.executemany(
                    "INSERT OR REPLACE INTO hashes (path, stat, hash) VALUES (?, ?, ?)",
                    self._new_hashes,
                )
        except sqlite3.Error as exc:
            self._off(f"cannot write {shown(self.path)} ({exc}); results were not kept")
        self._pending.clear()
        self._pieces.clear()
        self._used.clear()
        self._new_hashes.clear()

    def close(self) -> None:
        self.flush()
        if self._db is None:
            return
        try:
            limit = int(time.time()) - KEEP_UNUSED_DAYS * 86_400
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute(
                    "DELETE FROM pieces WHERE key IN (SELECT key FROM outcomes WHERE used < ?)",
                    (limit,),
                )
                self._db.execute(
                    "DELETE FROM records WHERE key IN (SELECT key FROM outcomes WHERE used < ?)",
                    (limit,),
                )
                self._db.execute("DELETE FROM outcomes WHERE used < ?", (limit,))
            self._db.close()
        except sqlite3.Error:
            pass
        self._db = None
