"""Grammar and style matches for each article, from LanguageTool, with a record of the run.

:class:`GrammarChecker` is made once per run.  It finds LanguageTool on first use,
sends each article's blocks in batches (one request at a time, so a large content
folder never floods a server), keeps answers in the cache, and records what
happened: how many requests, cache hits, and every failure with the server and the
article named.  A failure costs that article its grammar results, never the run;
after three failed requests in a row the server is given up on for the rest of it.
The GRM rules (:mod:`checker.rules.grammar`) turn the matches into findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.grammar.server import HOW_TO_ENABLE, Located, locate
from checker.model import Document
from checker.options import LanguageToolOptions

if TYPE_CHECKING:  # the client, its cache and the batches load when a server is asked
    from checker.grammar.cache import GrammarCache
    from checker.grammar.client import LanguageToolClient, RawMatch

GIVE_UP_AFTER = 3


@dataclass(frozen=True, slots=True)
class GrammarMatch:
    """A LanguageTool match placed in one block of the article."""

    block: int
    start: int
    end: int
    raw: RawMatch


@dataclass(frozen=True, slots=True)
class GrammarResult:
    language: str  # the LanguageTool code used, such as en-US
    matches: tuple[GrammarMatch, ...]


@dataclass
class GrammarRun:
    """What the grammar stage did in this run; printed by every output format."""

    status: str = "not-run"  # ran, incomplete, not-run
    server: str | None = None
    origin: str = ""
    reason: str = ""
    requests: int = 0
    cached: int = 0
    articles: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    unsupported: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "server": self.server,
            "origin": self.origin or None,
            "reason": self.reason or None,
            "how_to_enable": HOW_TO_ENABLE if self.status == "not-run" else None,
            "requests": self.requests,
            "cached": self.cached,
            "articles": self.articles,
            "errors": self.errors,
            "unsupported_languages": self.unsupported,
        }

    def merge(self, part: GrammarRun) -> None:
        """Add what a worker process did (its counts, failures and unsupported languages)."""
        self.requests += part.requests
        self.cached += part.cached
        self.articles += part.articles
        self.errors.extend(part.errors)
        for lang, paths in part.unsupported.items():
            self.unsupported.setdefault(lang, []).extend(paths)
        if part.errors and self.status == "ran":
            self.status = "incomplete"

    def summary(self) -> str:
        """One line for text output."""
        if self.status == "not-run":
            return f"grammar (GRM) not run: {self.reason}; to enable it, {HOW_TO_ENABLE}"
        done = (
            f"{self.articles} articles checked with LanguageTool at {self.server} "
            f"({self.requests} requests, {self.cached} answers from the cache)"
        )
        if self.status == "incomplete":
            return (
                f"grammar (GRM) incomplete: {done}; {len(self.errors)} failed: "
                f"{self.errors[0]['path']}: {self.errors[0]['message']}"
            )
        return f"grammar (GRM): {done}"


def settings_of(options: LanguageToolOptions) -> dict[str, str]:
    """The request parameters that decide which LanguageTool rules apply."""
    settings = {}
    for name, values in (
        ("enabledRules", options.enabled_rules),
        ("disabledRules", options.disabled_rules),
        ("enabledCategories", options.enabled_categories),
        ("disabledCategories", options.disabled_categories),
    ):
        if values:
            settings[name] = ",".join(values)
    if options.picky:
        settings["level"] = "picky"
    return settings


class GrammarChecker:
    def __init__(
        self,
        options: LanguageToolOptions,
        cache_folder: Path | None,
        located: Located | None = None,
    ) -> None:
        self.options = options
        self._cache_folder = cache_folder if options.cache else None
        self._cache: GrammarCache | None = None
        self.settings = settings_of(options)
        self.run = GrammarRun()
        self._located = located
        self._client: LanguageToolClient | None = None
        self._languages: set[str] | None = None
        self._failures = 0  # in a row; at GIVE_UP_AFTER the server is not asked again
        self._started = False

    @property
    def cache(self) -> GrammarCache:
        if self._cache is None:
            from checker.grammar.cache import GrammarCache

            self._cache = GrammarCache(self._cache_folder)
        return self._cache

    @property
    def _cache_hits(self) -> int:
        return self._cache.hits if self._cache is not None else 0

    # -- the server -----------------------------------------------------------------------------

    def locate(self) -> Located:
        """Find (or start) the server now, so that worker processes can share it."""
        if not self._started:
            self._start()
        assert self._located is not None
        return self._located

    def take_run(self) -> GrammarRun:
        """What this checker did since the last call (a worker reports it per task)."""
        part = self.run
        self.run = GrammarRun(part.status, part.server, part.origin, part.reason)
        if self._client is not None:
            part.requests, self._client.requests = self._client.requests, 0
        part.cached = self._cache_hits
        if self._cache is not None:
            self._cache.hits = 0
        return part

    def _start(self) -> None:
        self._started = True
        located = self._located or locate(self.options)
        self._located = located
        if located.client is None:
            self.run.status, self.run.reason = "not-run", located.reason
            return
        self._client = located.client
        self.run.status, self.run.server, self.run.origin = (
            "ran",
            located.client.url,
            located.origin,
        )

    @property
    def _usable(self) -> bool:
        return self._client is not None and self._failures < GIVE_UP_AFTER

    def _server_languages(self, path: str) -> set[str] | None:
        from checker.grammar.client import LanguageToolError

        if self._languages is None and self._client is not None:
            self._languages = self.cache.get_languages(self._client.url)
            if self._languages is None:
                try:
                    self._languages = self._client.languages()
                except LanguageToolError as exc:
                    self._fail(path, f"{exc} (while checking {path})")
                    return None
                self.cache.put_languages(self._client.url, self._languages)
        return self._languages

    def _fail(self, path: str, message: str) -> None:
        self.run.status = "incomplete"
        self.run.errors.append({"path": path, "message": message})
        self._failures += 1
        if self._failures == GIVE_UP_AFTER and self._client is not None:
            self.run.errors.append(
                {
                    "path": path,
                    "message": f"gave up on {self._client.url} after {GIVE_UP_AFTER} failed "
                    "requests in a row; the articles after this one were not checked for grammar",
                }
            )

    def language_for(self, document: Document, available: set[str]) -> str | None:
        """The LanguageTool code: the declared variant, the configured one, or the language."""
        declared = document.declared_lang.replace("_", "-")
        regional = declared if "-" in declared else ""  # en-GB, not a bare "en"
        lang = document.lang
        for code in (regional, self.options.variants.get(lang, ""), lang):
            if code and code in available:
                return code
        return None

    # -- one article ----------------------------------------------------------------------------

    def check(self, document: Document) -> GrammarResult | None:
        """The article's matches, or ``None`` when grammar could not be checked for it."""
        if not self._started:
            self._start()
        if not self._usable or not document.lang or not document.blocks:
            return None
        try:
            return self._check(document)
        finally:
            assert self._client is not None
            self.run.requests = self._client.requests
            self.run.cached = self._cache_hits

    def _check(self, document: Document) -> GrammarResult | None:
        from checker.grammar.batches import batches
        from checker.grammar.cache import cache_key
        from checker.grammar.client import LanguageToolError

        assert self._client is not None
        available = self._server_languages(document.path)
        if available is None:
            return None
        language = self.language_for(document, available)
        if language is None:
            self.run.unsupported.setdefault(document.lang, []).append(document.path)
            return None
        matches: list[GrammarMatch] = []
        for batch in batches(document, self.options.batch_characters):
            annotated = batch.annotated()
            key = cache_key(annotated, language, self.settings)
            raw = self.cache.get(key)
            if raw is None:
                if not self._usable:
                    return None
                try:
                    raw = self._client.check(annotated, language, self.settings)
                except LanguageToolError as exc:
                    self._fail(document.path, f"{exc} (while checking {document.path})")
                    return None
                self._failures = 0
                self.cache.put(key, raw)
            for match in raw:
                placed = batch.locate(match.offset, match.length)
                if placed is not None:
                    matches.append(GrammarMatch(placed[0], placed[1], placed[2], match))
        self.run.articles += 1
        return GrammarResult(language, tuple(matches))
