"""``checker serve``: a live editor in the browser, for writers who never open a terminal.

A small Starlette app served by uvicorn on the writer's own machine (127.0.0.1 by
default).  ``GET /`` is the editor (``static/``: one page, one script, one style sheet, no
other request); ``POST /api/check`` answers the article object of the JSON contract for
``{"text", "lang", "format"}``; ``POST /api/open`` turns a file (Markdown, HTML, text,
Word, OpenDocument) into text for the editor; ``POST /api/report`` gives the HTML report
page of the text; ``GET /rules/{code}`` explains a rule.

The engine, configuration and rule selection are the CLI's: the project's
``pyproject.toml`` when started in a project.  LanguageTool (GRM) is not asked while the
writer types, as in the language server.  Nothing leaves the machine; pages carry a
Content-Security-Policy that allows only this server's own script, style and API, and
requests whose Host or Origin is not this server are refused (DNS rebinding, other
sites' forms).
"""

from __future__ import annotations

import dataclasses
import html
from importlib import resources
from typing import Any
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from checker import __version__
from checker.config import Config
from checker.engine import ArticleResult, check_text
from checker.languages import SUPPORTED
from checker.model import InputError
from checker.output.records import article_record
from checker.rules import lookup
from checker.selection import Selection

#: What the editor's pages may load: this server's script, style and API, nothing else.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
)
_SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_FORMATS = ("markdown", "html", "text")
_STATIC = {"editor.js": "text/javascript", "editor.css": "text/css"}
#: The name a text has in messages and per-file settings: it is not a file.
DISPLAY = "editor.md"


def _static(name: str) -> str:
    return (resources.files("checker.serve") / "static" / name).read_text(encoding="utf-8")


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=_SECURITY_HEADERS)


def create_app(config: Config, allowed_hosts: tuple[str, ...] = ()) -> Starlette:
    """The editor's web app for a project's configuration."""
    selection = Selection.build(config.select, (*config.ignore, "GRM"))
    hosts = ["127.0.0.1", "localhost", "[::1]", *allowed_hosts]

    def reads_as(request_lang: str) -> Config:
        """The configuration a text is checked with: the picked language unless the text
        declares its own (front matter, ``<html lang>``), as an article would be read."""
        if request_lang in SUPPORTED:
            return dataclasses.replace(config, default_language=request_lang, detect_language=False)
        return config

    async def editor(request: Request) -> Response:
        page = _static("editor.html").replace("{{version}}", html.escape(__version__))
        languages = "".join(
            f'<option value="{code}">{html.escape(name)}</option>'
            for code, name in _language_names()
        )
        page = page.replace("{{languages}}", languages)
        return HTMLResponse(page, headers=_SECURITY_HEADERS)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _STATIC:
            return _error(404, "not found")
        return Response(_static(name), media_type=_STATIC[name], headers=_SECURITY_HEADERS)

    async def checked(request: Request) -> ArticleResult | Response:
        """The request's text checked, or the response that says why it was not."""
        refused = _refused(request)
        if refused is not None:
            return refused
        body = await _json_body(request, config.max_file_size)
        if isinstance(body, Response):
            return body
        text, fmt, lang = body
        result = check_text(text, fmt, DISPLAY, reads_as(lang), selection)
        if isinstance(result, InputError):
            return _error(422, result.message)
        return result

    async def check(request: Request) -> Response:
        result = await checked(request)
        if isinstance(result, Response):
            return result
        return JSONResponse(article_record(result), headers=_SECURITY_HEADERS)

    async def report(request: Request) -> Response:
        result = await checked(request)
        if isinstance(result, Response):
            return result
        from checker.report.site import article_page_html

        headers = {"Content-Disposition": 'attachment; filename="checker-report.html"'}
        return HTMLResponse(article_page_html(result), headers=headers)

    async def open_file(request: Request) -> Response:
        refused = _refused(request)
        if refused is not None:
            return refused
        name = unquote(request.headers.get("x-file-name", ""))
        data = await _bounded_body(request, config.max_file_size)
        if data is None:
            return _error(413, f"the file is larger than {config.max_file_size:,} bytes")
        from checker.serve.opening import OpenError, text_of_file

        try:
            opened = text_of_file(name, data, config)
        except OpenError as exc:
            return _error(422, str(exc))
        except Exception as exc:  # a file no reader expected: say so, as JSON
            return _error(422, f"{name}: cannot be opened ({type(exc).__name__}: {exc})")
        return JSONResponse(opened, headers=_SECURITY_HEADERS)

    async def rule_page(request: Request) -> Response:
        found = lookup(request.path_params["code"])
        if found is None:
            return _error(404, "no such rule")
        page = _static("rule.html")
        for key, value in (
            ("code", found.code),
            ("name", found.name),
            ("severity", found.severity.label),
            ("summary", found.summary),
            ("doc", found.doc),
        ):
            page = page.replace("{{" + key + "}}", html.escape(value))
        return HTMLResponse(page, headers=_SECURITY_HEADERS)

    return Starlette(
        routes=[
            Route("/", editor),
            Route("/static/{name}", static),
            Route("/api/check", check, methods=["POST"]),
            Route("/api/report", report, methods=["POST"]),
            Route("/api/open", open_file, methods=["POST"]),
            Route("/rules/{code}", rule_page),
        ],
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts)],
    )


def _language_names() -> list[tuple[str, str]]:
    from babel import Locale

    return [
        (code, (Locale.parse(code).get_display_name(code) or code).capitalize())
        for code in SUPPORTED
    ]


def _refused(request: Request) -> Response | None:
    """A request another site's page made: its Origin is not this server."""
    origin = request.headers.get("origin")
    if origin is None:
        return None
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin != own:
        return _error(403, "requests from other sites are refused")
    return None


async def _bounded_body(request: Request, limit: int) -> bytes | None:
    """The request's body, or None as soon as it is larger than ``limit``."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _json_body(request: Request, limit: int) -> tuple[str, str, str] | Response:
    """``(text, format, lang)`` of a check request, or the error response."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return _error(415, 'send JSON: {"text": ..., "lang": ..., "format": ...}')
    data = await _bounded_body(request, limit * 2)
    if data is None:
        return _error(413, f"the text is larger than {limit:,} bytes")
    import json

    try:
        body: Any = json.loads(data)
    except (ValueError, RecursionError) as exc:
        return _error(400, f"not JSON: {exc}")
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        return _error(400, "'text' must be a string")
    try:
        body["text"].encode("utf-8")
    except UnicodeEncodeError:
        return _error(400, "'text' is not valid Unicode (a lone surrogate)")
    fmt = body.get("format") or "markdown"
    lang = body.get("lang") or "auto"
    if fmt not in _FORMATS:
        return _error(400, f"'format' must be one of {', '.join(_FORMATS)}")
    if not isinstance(lang, str) or (lang != "auto" and lang not in SUPPORTED):
        return _error(400, f"'lang' must be auto or one of {', '.join(SUPPORTED)}")
    if len(body["text"].encode("utf-8")) > limit:
        return _error(413, f"the text is larger than {limit:,} bytes")
    return body["text"], fmt, lang
