"""Tables built from shipped data (word frequencies), kept on disk between runs.

Building a language's frequency table from wordfreq's packed lists takes most of a second;
loading the built table takes a few milliseconds.  The tables live in the user's cache
folder (``$CHECKER_TABLE_CACHE``, else ``$XDG_CACHE_HOME/checker`` or
``~/.cache/checker``; ``%LOCALAPPDATA%\\checker\\Cache`` on Windows), under a name that
carries the versions of the checker and of the data, so an upgrade builds them again.  A
missing, damaged or unwritable file is never an error: the table is built in memory.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from checker import __version__
from checker.files import replace_file

T = TypeVar("T")

#: Bumped when the layout of a cached table changes.
FORMAT = 2


def package_stamp(name: str) -> str:
    """What changes when the package ``name`` is upgraded or reinstalled: the size and time
    of its ``__init__.py``.  ``importlib.metadata.version`` says it too, but importing
    ``importlib.metadata`` alone costs a start of the checker 40 ms."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return f"{name}-missing"
    stat = os.stat(spec.origin)
    return f"{name}-{stat.st_size}-{stat.st_mtime_ns}"


def cache_folder() -> Path:
    explicit = os.environ.get("CHECKER_TABLE_CACHE")
    if explicit:
        return Path(explicit)
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "checker" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "checker"


def cached_table(
    name: str,
    data_version: str,
    build: Callable[[], T],
    encode: Callable[[T], Any],
    decode: Callable[[Any], T],
) -> T:
    """The table called ``name``: read from the cache folder, else built (and kept there).

    ``encode`` turns the table into values ``marshal`` can write (bytes, numbers, strings,
    tuples, lists, dicts); ``decode`` turns them back, raising on anything unexpected so
    that a damaged file is rebuilt.
    """
    path = cache_folder() / f"{name}-{__version__}-{data_version}-{FORMAT}.marshal"
    try:
        return decode(marshal.loads(path.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
        pass
    table = build()
    # a read-only home or a full disk: the next run builds it again
    with contextlib.suppress(OSError, ValueError):
        _write(path, marshal.dumps(encode(table)))
        for older in path.parent.glob(f"{name}-*.marshal"):  # built for other versions
            if older != path:
                older.unlink(missing_ok=True)
    return table


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        replace_file(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
