"""Write the HTML report: a static site that opens from the file system.

``index.html`` (the dashboard), ``articles/<page>.html`` per article,
``translations/<page>.html`` per catalog and ``report.json`` (the ``checker check
--format json`` contract).  Every page carries one style sheet and one script,
inlined and allowed by their SHA-256 hashes in a Content-Security-Policy that
forbids everything else: no network request, no other script, no plugin.  Jinja2
escapes every value; the article text is escaped by :mod:`checker.report.highlight`.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from checker import __version__
from checker.compiled_patterns import kept
from checker.engine import ArticleResult, CheckResult
from checker.files import write_text_atomically
from checker.output.json_format import render as render_json
from checker.report import views
from checker.wording import count_label

ARTICLES = "articles"
TRANSLATIONS = "translations"


@dataclass(frozen=True, slots=True)
class WrittenReport:
    """What ``checker report`` prints at the end."""

    index: Path
    pages: int  # HTML pages, the dashboard included
    bytes: int  # of every file written, report.json included
    summary: str


@dataclass(frozen=True, slots=True)
class _Assets:
    css: Markup
    js: Markup
    csp: str


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def _assets() -> _Assets:
    static = resources.files("checker.report") / "static"
    css = (static / "report.css").read_text(encoding="utf-8")
    js = (static / "report.js").read_text(encoding="utf-8")
    csp = (
        "default-src 'none'; "
        f"style-src {_hash(css)}; "
        f"script-src {_hash(js)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    # our own files, inserted verbatim so that their hashes match
    return _Assets(Markup(css), Markup(js), csp)


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("checker.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.globals["count_label"] = count_label
    return environment


#: Bidirectional embeddings, overrides and isolates.  An unclosed one in an article would
#: reverse the rest of the page; the report shows each as a visible mark instead
#: (``⟨U+202E⟩``), so an editor sees it and no article string can reorder the page.
_BIDI_CONTROLS = kept("[\u202a-\u202e\u2066-\u2069]")


def _visible_bidi(html: str) -> str:
    return _BIDI_CONTROLS.sub(lambda m: f"\u27e8U+{ord(m.group(0)):04X}\u27e9", html)


def _render(template: str, home: str, crumbs: list[tuple[str, str | None]], **data: Any) -> str:
    assets = _assets()
    return _visible_bidi(
        _environment()
        .get_template(template)
        .render(
            css=assets.css,
            js=assets.js,
            csp=assets.csp,
            version=__version__,
            home=home,
            crumbs=crumbs,
            with_script=template in ("index.html.j2", "article.html.j2"),
            **data,
        )
    )


_UNSAFE = kept(r"[^A-Za-z0-9._-]+")


def _page_name(path: str, folder: str, taken: set[str]) -> str:
    """A readable, unique file name for a page: ``content/es/x.md`` -> ``content_es_x.md.html``."""
    stem = _UNSAFE.sub("_", path).strip("._") or "page"
    name = f"{folder}/{stem[:150]}.html"
    n = 2
    while name in taken:
        name = f"{folder}/{stem[:150]}-{n}.html"
        n += 1
    taken.add(name)
    return name


def page_names(result: CheckResult) -> views.PageNames:
    names = views.PageNames()
    taken: set[str] = set()
    for article in result.articles:
        path = article.document.path
        if views.is_catalog(article):  # "es/article-id": the locale, then the article
            names.catalogs[path] = _page_name(article.document.id, TRANSLATIONS, taken)
        else:
            names.articles[path] = _page_name(path, ARTICLES, taken)
    return names


def write_report(result: CheckResult, out_dir: Path, source_language: str) -> WrittenReport:
    """Write every page of the report under ``out_dir`` and remove pages no longer needed.

    Each file is written atomically, so a reader never sees half a page; pages left
    in ``articles/`` and ``translations/`` by an earlier report whose article is
    gone are deleted, so the report never shows results that no longer exist.
    """
    names = page_names(result)
    written: dict[str, str] = {}
    crumbs_home = ("Report", "../index.html")

    written["index.html"] = _render(
        "index.html.j2",
        "",
        [("Report", None)],
        **views.dashboard(result, names),
    )
    links = views.translation_links(result.articles, names, "../")
    article_titles = views.titles(result)
    catalog_of_translation = {
        a.metrics["translation_path"]: a
        for a in result.articles
        if views.is_catalog(a) and a.metrics.get("translation_path")
    }
    for article in result.articles:
        doc = article.document
        if views.is_catalog(article):
            page = views.translation_page(article, names, article_titles, source_language)
            crumbs = [crumbs_home, (page["title"], None)]
            written[names.catalogs[doc.path]] = _render(
                "translation.html.j2", "../", crumbs, page=page
            )
            continue
        catalog = catalog_of_translation.get(doc.path)
        source_href = units_href = None
        if catalog is not None:
            units_href = "../" + names.catalogs[catalog.document.path]
            source = catalog.metrics.get("source_path")
            if source in names.articles:
                source_href = "../" + names.articles[source]
        page = views.article_page(article, links.get(doc.path, []), source_href, units_href)
        crumbs = [crumbs_home, (page["title"], None)]
        written[names.articles[doc.path]] = _render("article.html.j2", "../", crumbs, page=page)
    written["report.json"] = render_json(result)

    total = 0
    for name, text in written.items():
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        write_text_atomically(target, data, durable=False)
        total += len(data)
    _remove_stale_pages(out_dir, set(written))
    return WrittenReport(
        out_dir / "index.html",
        sum(1 for name in written if name.endswith(".html")),
        total,
        views.summary_line(result),
    )


def article_page_html(article: ArticleResult) -> str:
    """One article's page on its own, as the live editor's "download report" gives it."""
    page = views.article_page(article, [])
    return _render("article.html.j2", "", [(page["title"], None)], page=page)


def _remove_stale_pages(out_dir: Path, keep: set[str]) -> None:
    for folder in (ARTICLES, TRANSLATIONS):
        for page in (out_dir / folder).glob("*.html"):
            if f"{folder}/{page.name}" not in keep:
                with contextlib.suppress(OSError):
                    os.unlink(page)
