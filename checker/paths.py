"""How the checker prints a path (with ``/`` on every platform), and where a path lies.

Output is compared across machines (CI logs, SARIF uploads, cached results, JSON
diffs), so ``content\\es\\a.md`` on Windows and ``content/es/a.md`` elsewhere must
be one string.  :meth:`checker.config.Config.relative` shows a path relative to the
project; this is for paths shown as they were given.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath


def shown(path: str | os.PathLike[str]) -> str:
    """``path`` with the platform's separator written as ``/``."""
    if isinstance(path, PurePath):
        return path.as_posix()
    text = os.fspath(path)
    return text.replace(os.sep, "/") if os.sep != "/" else text


def is_within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or inside it, however either was written."""
    resolved, container = path.resolve(), folder.resolve()
    return resolved == container or container in resolved.parents
