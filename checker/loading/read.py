"""Reading an article's bytes without trusting the file: bounded, and only regular files.

A symlink to ``/dev/zero`` would fill memory, a FIFO would block the run forever and a
2 GB file would be read whole before its size was checked.  The size is checked with
``fstat`` before reading, at most one byte over the limit is ever read (a file that grows
while it is read is caught), and devices, FIFOs and sockets are refused by name.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from checker.model import LoadError

_CHUNK = 1 << 20


def _too_big(size: int, limit: int) -> LoadError:
    return LoadError(
        f"file is {size:,} bytes, over the {limit:,}-byte limit "
        "(set max-file-size in [tool.checker] to raise it)"
    )


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit``; :class:`LoadError` else."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not wait for one
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = (
                "a FIFO"
                if stat.S_ISFIFO(info.st_mode)
                else "a socket"
                if stat.S_ISSOCK(info.st_mode)
                else "a folder"
                if stat.S_ISDIR(info.st_mode)
                else "a device"
            )
            raise LoadError(f"not a regular file ({kind}): not read")
        if info.st_size > limit:
            raise _too_big(info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise _too_big(total, limit)  # it grew while it was read
        return b"".join(chunks)
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
