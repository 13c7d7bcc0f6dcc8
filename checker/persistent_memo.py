"""Small results worth keeping between runs, learned as the checker meets them.

Some work is the same on every start and costs more than reading its result back:
compiling the checker's own regular expressions (about 30 ms of every start), spelling
numbers out to count their syllables (importing num2words alone takes 20 ms).  A
:class:`PersistentMemo` keeps such results in one marshal file per name in the table
cache folder (:func:`checker.table_cache.cache_folder`), under a name that carries the
version its results depend on.  The file is read on first use and written back once, at
exit, when something new was learned; a missing, damaged or unwritable file is never an
error (the work is done again), and a memo stops learning at ``limit`` entries.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import tempfile
from typing import Any

from checker.table_cache import FORMAT, cache_folder


class PersistentMemo:
    """A dictionary of marshal-able keys and values, kept on disk between runs."""

    def __init__(self, name: str, version: str, limit: int = 20_000) -> None:
        digest = hashlib.blake2b(version.encode(), digest_size=8).hexdigest()
        self.name = name
        self.file_name = f"memo-{name}-{FORMAT}-{digest}.marshal"
        self.limit = limit
        self._entries: dict[Any, Any] | None = None
        self._learned = False
        self._pid = os.getpid()

    def _loaded(self) -> dict[Any, Any]:
        if self._entries is None:
            self._entries = {}
            with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
                data = (cache_folder() / self.file_name).read_bytes()
                found = marshal.loads(data)
                if isinstance(found, dict):
                    self._entries = found
        return self._entries

    def get(self, key: Any) -> Any:
        return self._loaded().get(key)

    def put(self, key: Any, value: Any) -> None:
        entries = self._loaded()
        if key in entries or len(entries) >= self.limit:
            return
        entries[key] = value
        if not self._learned:
            self._learned = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write what was learned (atomically: a reader never sees half a file)."""
        if not self._learned or self._entries is None or os.getpid() != self._pid:
            return  # a forked worker leaves it to the process that started it
        self._learned = False
        with contextlib.suppress(OSError, ValueError):
            folder = cache_folder()
            folder.mkdir(parents=True, exist_ok=True)
            data = marshal.dumps(self._entries)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{self.name}-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, folder / self.file_name)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
