"""Answers from LanguageTool kept on disk, so an unchanged article is not sent again.

The key is a hash of everything that decides the answer: the request text with its
markup, the language and the rule settings.  Entries are small JSON files under
``.checker-cache/languagetool/``, written atomically; a damaged entry is ignored
and asked for again.  The folder is safe to delete.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

from checker.files import write_text_atomically
from checker.grammar.client import RawMatch, parse_matches

FORMAT = 1


def cache_key(annotated: dict[str, Any], language: str, settings: dict[str, str]) -> str:
    blob = json.dumps([FORMAT, annotated, language, sorted(settings.items())], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class GrammarCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder  # None: no cache
        self.hits = 0

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[RawMatch] | None:
        if self.folder is None:
            return None
        try:
            payload = json.loads(self._path(key).read_text(encoding="utf-8"))
            matches = parse_matches(payload)
        except (OSError, ValueError):
            return None
        self.hits += 1
        return matches

    def _languages_path(self, url: str) -> Path:
        assert self.folder is not None
        name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
        return self.folder / f"languages-{name}.json"

    def get_languages(self, url: str) -> set[str] | None:
        """The language codes a server said it supports, when asked in an earlier run."""
        if self.folder is None:
            return None
        try:
            codes = json.loads(self._languages_path(url).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            return None
        return set(codes)

    def put_languages(self, url: str, codes: set[str]) -> None:
        if self.folder is None:
            return
        with contextlib.suppress(OSError):
            write_text_atomically(self._languages_path(url), json.dumps(sorted(codes)))

    def put(self, key: str, matches: list[RawMatch]) -> None:
        if self.folder is None:
            return
        payload = {"matches": [m.to_json() for m in matches]}
        # a cache that cannot be written only costs a request next time
        with contextlib.suppress(OSError):
            write_text_atomically(self._path(key), json.dumps(payload), durable=False)
