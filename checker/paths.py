"""How the checker prints a path (with ``/`` on every platform), and where a path lies.

Output is compared across machines (CI logs, SARIF uploads, cached results, JSON
diffs), so ``content\\es\\a.md`` on Windows and ``content/es/a.md`` elsewhere must
be one string.  :meth:`checker.config.Config.relative` shows a path relative to the
project; this is for paths shown as they were given.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from checker.compiled_patterns import kept


def shown(path: str | os.PathLike[str]) -> str:
    """``path`` with the platform's separator written as ``/``."""
    if isinstance(path, PurePath):
        return path.as_posix()
    text = os.fspath(path)
    return text.replace(os.sep, "/") if os.sep != "/" else text


#: Characters a file name may hold that would forge or hide output on a terminal: control
#: characters (a newline starts a fake finding line, ESC drives the terminal), line and
#: paragraph separators, and bidirectional controls.
_UNSAFE = kept(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every character that could forge or reorder terminal output escaped
    (``\\n``, ``\\x1b``, ``\\u202e``), for paths in text output and messages."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def is_within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or inside it, however either was written."""
    resolved, container = path.resolve(), folder.resolve()
    return resolved == container or container in resolved.parents
