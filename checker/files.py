"""Writing files so that a reader never sees half of one, and two writers never interleave."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

#: Pauses before trying a rename again.  Windows refuses to replace a file that another
#: process has open (an editor, a virus scanner, a sync client) for a moment; on POSIX a
#: refused rename is final.
REPLACE_RETRY_PAUSES: tuple[float, ...] = (
    (0.01, 0.05, 0.1, 0.25, 0.5, 1.0) if os.name == "nt" else ()
)


def replace_file(source: str | Path, target: str | Path) -> None:
    """``os.replace``, tried again for about two seconds where the platform refuses for a while."""
    for pause in REPLACE_RETRY_PAUSES:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            time.sleep(pause)
    os.replace(source, target)


class LockBusy(Exception):
    """Another process holds the lock."""


@contextlib.contextmanager
def exclusive_lock(lock_file: Path, *, wait: float = 0) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` on any platform, waiting at most ``wait`` seconds.

    filelock locks with ``fcntl`` on Unix and ``msvcrt`` on Windows, and falls back to
    an exclusively created file where neither exists; no lock file is left behind.
    Raises :class:`LockBusy` when the lock is still held after ``wait``, ``OSError``
    when the file cannot be made.
    """
    with warnings.catch_warnings():
        # "only soft file lock is available" where there is no fcntl: expected, not news
        warnings.simplefilter("ignore", UserWarning)
        import filelock

    lock = filelock.FileLock(lock_file, timeout=wait)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise LockBusy(f"{lock_file} is locked by another process") from None
    try:
        yield
    finally:
        if filelock.unix_has_fcntl and sys.platform != "win32":
            # filelock keeps Unix lock files; removed while still held, none is left
            # behind, and a process that opened it meanwhile sees it was removed and
            # starts again (filelock checks the link count once it holds the lock).
            # Windows and the fallback lock remove their own.
            with contextlib.suppress(OSError):
                os.unlink(lock_file)
        lock.release()


def _current_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


class ChangedMeanwhile(OSError):
    """The file changed on disk since it was read: writing would lose someone's work."""


def write_text_atomically(
    path: Path, text: str | bytes, *, durable: bool = True, expected: bytes | None = None
) -> None:
    """Write through a temporary file in the same folder, then rename it over ``path``.

    ``durable`` also flushes the data to disk before the rename, so that a crash
    cannot leave an empty file (catalogs); a report page that can be written again
    skips it, which makes writing thousands of pages much faster.  With ``expected`` (the
    bytes the new text was made from), the file is compared right before the rename and
    :class:`ChangedMeanwhile` is raised, writing nothing, when someone saved it meanwhile.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        if expected is not None and _current_bytes(path) != expected:
            raise ChangedMeanwhile(f"{path} changed on disk while it was being written")
        replace_file(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
