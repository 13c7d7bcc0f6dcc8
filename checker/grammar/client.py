"""A small client for LanguageTool's HTTP API (``/v2/languages`` and ``/v2/check``).

Every failure (refused connection, timeout, HTTP error, a response that is not
LanguageTool's JSON) becomes a :class:`LanguageToolError` whose message names the
server, so that the caller can report it against the article and carry on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


class LanguageToolError(Exception):
    """A request to a LanguageTool server failed; the message says how and names the server."""


@dataclass(frozen=True, slots=True)
class RawMatch:
    """One match as LanguageTool reports it, offsets in UTF-16 code units of the request."""

    offset: int
    length: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    rule_description: str
    issue_type: str
    category_id: str
    category_name: str

    def to_json(self) -> dict[str, Any]:
        return {
            "offset": self.offset,
            "length": self.length,
            "message": self.message,
            "shortMessage": self.short_message,
            "replacements": [{"value": r} for r in self.replacements],
            "rule": {
                "id": self.rule_id,
                "description": self.rule_description,
                "issueType": self.issue_type,
                "category": {"id": self.category_id, "name": self.category_name},
            },
        }


def parse_matches(payload: Any) -> list[RawMatch]:
    """The matches of a ``/v2/check`` response; ``ValueError`` when it is not that format."""
    if not isinstance(payload, dict) or not isinstance(payload.get("matches"), list):
        raise ValueError("no 'matches' list in the response")
    matches = []
    for item in payload["matches"]:
        try:
            rule = item["rule"]
            category = rule.get("category") or {}
            offset, length = item["offset"], item["length"]
            if not isinstance(offset, int) or not isinstance(length, int) or offset < 0:
                raise ValueError(f"bad offset {offset!r} or length {length!r}")
            matches.append(
                RawMatch(
                    offset,
                    max(length, 0),
                    str(item.get("message", "")),
                    str(item.get("shortMessage", "")),
                    tuple(
                        str(r["value"])
                        for r in item.get("replacements", [])[:5]
                        if isinstance(r, dict) and "value" in r
                    ),
                    str(rule["id"]),
                    str(rule.get("description", "")),
                    str(rule.get("issueType", "")),
                    str(category.get("id", "")),
                    str(category.get("name", "")),
                )
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"a match without {exc}") from None
    return matches


class LanguageToolClient:
    """Talks to one server; counts the requests it sends (the benchmark reports them)."""

    def __init__(self, url: str, timeout: float = 20.0) -> None:
        self.url = url.rstrip("/")
        if not self.url.endswith("/v2"):
            self.url += "/v2"
        self.timeout = timeout
        self.requests = 0

    def __repr__(self) -> str:
        return f"LanguageToolClient({self.url!r})"

    def _call(self, endpoint: str, form: dict[str, str] | None = None) -> Any:
        # imported here: urllib.request brings http and email, 20 ms of every start
        import urllib.error
        import urllib.parse
        import urllib.request

        url = f"{self.url}/{endpoint}"
        data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
        request = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read(300).decode("utf-8", "replace").strip()
            raise LanguageToolError(
                f"LanguageTool server {self.url} answered HTTP {exc.code} {exc.reason}"
                + (f": {detail}" if detail else "")
            ) from None
        except TimeoutError:
            raise LanguageToolError(
                f"LanguageTool server {self.url} did not answer within {self.timeout:g} s"
            ) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):  # socket.timeout is TimeoutError
                raise LanguageToolError(
                    f"LanguageTool server {self.url} did not answer within {self.timeout:g} s"
                ) from None
            why = getattr(reason, "strerror", None) or reason
            raise LanguageToolError(f"cannot reach LanguageTool server {self.url}: {why}") from None
        except OSError as exc:
            raise LanguageToolError(f"LanguageTool server {self.url}: {exc}") from None
        try:
            return json.loads(body)
        except ValueError:
            raise LanguageToolError(
                f"LanguageTool server {self.url} sent a response that is not JSON: {body[:80]!r}"
            ) from None

    def languages(self) -> set[str]:
        """The language codes the server supports (``en``, ``en-US``, ``de-DE`` ...)."""
        payload = self._call("languages")
        if not isinstance(payload, list):
            raise LanguageToolError(
                f"LanguageTool server {self.url} sent an unexpected /v2/languages response"
            )
        codes = set()
        for item in payload:
            if isinstance(item, dict):
                for key in ("longCode", "code"):
                    if isinstance(item.get(key), str):
                        codes.add(item[key])
        return codes

    def check(
        self, annotated: dict[str, Any], language: str, settings: dict[str, str]
    ) -> list[RawMatch]:
        """Check annotated text (LanguageTool's ``data`` form: text and markup parts)."""
        form = {"data": json.dumps(annotated, ensure_ascii=False), "language": language, **settings}
        payload = self._call("check", form)
        try:
            return parse_matches(payload)
        except ValueError as exc:
            raise LanguageToolError(
                f"LanguageTool server {self.url} sent a malformed /v2/check response ({exc})"
            ) from None
