"""Large regular expressions compiled once per machine, kept with the built tables.

Python compiles a pattern in pure Python (``re._parser`` and ``re._compiler``): the
claim cues of one language, a few dozen alternations of hundreds of phrases, take
about a tenth of a second, on every start of the checker.  What the compiler
produces is a list of integers handed to ``_sre.compile``; that list is kept
(marshal, through :mod:`checker.table_cache`) and handed to ``_sre.compile`` again on
the next start, which gives the very pattern ``re.compile`` would.  The file is keyed
by the patterns and by the interpreter's regular-expression engine (its version and
``MAGIC``).  Where this internal interface is missing or differs (another Python
implementation or version), the patterns are compiled the usual way.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import re
import sys
from collections.abc import Mapping
from typing import Any

from checker.persistent_memo import PersistentMemo
from checker.table_cache import cached_table

#: (pattern, flags) by name
Patterns = Mapping[str, tuple[str, int]]


def _engine() -> tuple[Any, Any, Any] | None:
    """``_sre``, ``re._parser`` and ``re._compiler`` where compiled code can be reused."""
    if sys.implementation.name != "cpython":
        return None
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:
        return None
    if not all(hasattr(_compiler, name) for name in ("_code", "_sre")):
        return None
    return _sre, _parser, _compiler


def _compiled_form(pattern: str, flags: int, parser: Any, compiler: Any) -> tuple[Any, ...]:
    """The arguments ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern``."""
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for group_name, number in groupindex.items():
        indexgroup[number] = group_name
    return (
        pattern,
        int(flags | parsed.state.flags),  # a plain int: marshal refuses re.RegexFlag
        [int(word) for word in code],  # opcodes are int subclasses marshal refuses
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def compile_kept(name: str, patterns: Patterns) -> dict[str, re.Pattern[str]]:
    """Every pattern compiled, from the compiled forms kept under ``name`` when they hold."""
    engine = _engine()
    if engine is None:
        return {key: re.compile(pattern, flags) for key, (pattern, flags) in patterns.items()}
    sre, parser, compiler = engine
    digest = hashlib.blake2b(digest_size=12)
    digest.update(repr(sorted(patterns.items())).encode())
    digest.update(f"{sys.version}\0{sre.MAGIC}\0{sre.CODESIZE}".encode())

    def build() -> dict[str, tuple[Any, ...]]:
        return {
            key: _compiled_form(pattern, flags, parser, compiler)
            for key, (pattern, flags) in patterns.items()
        }

    def decode(forms: Any) -> dict[str, tuple[Any, ...]]:
        if not isinstance(forms, dict) or forms.keys() != patterns.keys():
            raise ValueError("not these patterns")
        for key, form in forms.items():
            if not isinstance(form, tuple) or form[0] != patterns[key][0]:
                raise ValueError("not these patterns")
        return forms

    forms = cached_table(f"patterns-{name}", digest.hexdigest(), build, dict, decode)
    try:
        return {key: sre.compile(*form) for key, form in forms.items()}
    except (TypeError, ValueError, RuntimeError):  # a form this engine does not take
        return {key: re.compile(pattern, flags) for key, (pattern, flags) in patterns.items()}


@functools.cache
def _pattern_memo() -> tuple[PersistentMemo, Any, Any, Any] | None:
    engine = _engine()
    if engine is None:
        return None
    sre = engine[0]
    memo = PersistentMemo("patterns", f"{sys.version}\0{sre.MAGIC}\0{sre.CODESIZE}", 5_000)
    return (memo, *engine)


def kept(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the compiled form kept on disk once it has been
    compiled on this machine (see :mod:`checker.persistent_memo`): for the checker's own
    patterns, compiled on every start.  ``_sre`` validates the form it is handed."""
    found = _pattern_memo()
    if found is None:
        return re.compile(pattern, flags)
    memo, sre, parser, compiler = found
    key = (pattern, int(flags))
    form = memo.get(key)
    if form is not None:
        with contextlib.suppress(TypeError, ValueError, RuntimeError):
            compiled: re.Pattern[str] = sre.compile(*form)
            return compiled
    compiled = re.compile(pattern, flags)
    memo.put(key, _compiled_form(pattern, int(flags), parser, compiler))
    return compiled
