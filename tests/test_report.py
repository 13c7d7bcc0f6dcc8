"""The HTML report: pages, numbers, highlights, escaping and the offline policy.

The browser checks (axe, scripts that must not run, keyboard) are in
``test_report_browser.py``; these tests read the written HTML directly.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_module
import json
import re
import shutil
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config
from checker.engine import CheckResult, Selection
from checker.i18n.layout import Layout
from checker.i18n.workflow import extract, init
from checker.loading import parse_document
from checker.model import Finding, Scope, Severity
from checker.output.json_format import render as render_json
from checker.pipeline import check_paths
from checker.report.highlight import place_findings, render_block
from checker.report.site import write_report
from tests.conftest import FIXTURES, check_text, make_config, write

ARTICLE = """---
title: Taking methotrexate
lang: en
---

# Taking methotrexate

Methotrexate is taken **once a week**, never every day.

Hepatotoxicity is a risk, so you need blood tests. See [the leaflet](https://example.org/mtx).

Rest a while after the dose.
"""


def project(tmp_path: Path) -> Config:
    """One English article with a Spanish catalog: all translated but one stale unit."""
    write(tmp_path, "content/mtx.md", ARTICLE)
    config = make_config(tmp_path)
    extract(config)
    init(config, "es")
    path = Layout.of(config).catalog("es", "mtx")
    catalog = polib.pofile(str(path))
    spanish = {
        "Taking methotrexate": "Tomar metotrexato",
        "Methotrexate is taken **once a week**, never every day.": (
            "El metotrexato se toma **una vez por semana**, nunca todos los días."
        ),
        "Hepatotoxicity is a risk, so you need blood tests. See [the leaflet]"
        "(https://example.org/mtx).": (
            "La hepatotoxicidad es un riesgo, así que necesita análisis de sangre. "
            "Vea [el folleto](https://example.org/mtx)."
        ),
        "Rest a while after the dose.": "Descanse un rato después de la dosis.",
    }
    for entry in catalog:
        entry.msgstr = spanish.get(entry.msgid, "")
        if entry.msgid == "Rest a while after the dose.":
            entry.flags.append("fuzzy")
            entry.previous_msgid = "Rest after the dose."
    catalog.save()
    return config


def full_check(config: Config) -> CheckResult:
    selection = Selection.build(config.select, config.ignore)
    return check_paths([config.root / "content"], config, selection, translations=True)


def pages(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in folder.rglob("*.html")
    }


def test_the_report_has_a_dashboard_an_article_page_and_a_side_by_side_page(
    tmp_path: Path,
) -> None:
    config = project(tmp_path)
    result = full_check(config)
    written = write_report(result, tmp_path / "reports", "en")
    site = pages(tmp_path / "reports")
    assert set(site) == {
        "index.html",
        "articles/content_mtx.md.html",
        "articles/content_es_mtx.md.html",  # the translation, built in memory and checked
        "translations/es_mtx.html",
    }
    assert written.pages == 4
    index = site["index.html"]
    # grade, target and translation coverage per locale
    article = result.articles[0]
    assert article.metrics["grade"] is None  # a few short lines: too short to grade
    assert f'<span title="{article.metrics["grade_note"]}">too short</span>' in index
    assert "80% translated" in index  # 4 of 5 units: the stale one is not a translation
    assert ", 1 stale" in index
    assert 'href="translations/es_mtx.html"' in index
    assert 'href="articles/content_mtx.md.html"' in index

    units = site["translations/es_mtx.html"]
    assert 'lang="es"' in units and 'lang="en"' in units
    assert "✔ Translated" in units and "⚠ Stale (fuzzy)" in units
    assert "Rest after the dose." in units  # the previous source of the fuzzy unit
    assert "TRN002" in units
    assert 'href="../articles/content_mtx.md.html"' in units
    assert 'href="../articles/content_es_mtx.md.html"' in units
    built = site["articles/content_es_mtx.md.html"]
    assert "built in memory from <code>locales/es/LC_MESSAGES/mtx.po</code>" in built
    assert 'href="../translations/es_mtx.html"' in built


def test_report_json_is_the_check_json_contract(tmp_path: Path) -> None:
    config = project(tmp_path)
    result = full_check(config)
    write_report(result, tmp_path / "reports", "en")
    assert (tmp_path / "reports" / "report.json").read_text(encoding="utf-8") == render_json(result)


def test_findings_are_highlighted_in_place_and_listed(tmp_path: Path) -> None:
    config = project(tmp_path)
    result = full_check(config)
    write_report(result, tmp_path / "reports", "en")
    page = (tmp_path / "reports" / "articles" / "content_mtx.md.html").read_text()
    article = result.articles[0]
    jargon = next(f for f in article.findings if f.text == "Hepatotoxicity")
    number = article.findings.index(jargon) + 1
    # the word is marked in the text, followed by a link to its entry in the list
    assert re.search(
        rf'<span class="anchor" id="at-{number}"></span>'
        rf'<mark class="hl sev-{jargon.severity.label} depth-\d" '
        rf'data-findings="[\d ]*{number}[\d ]*">'
        rf"Hepatotoxicity</mark><sup><a [^>]*href=\"#finding-{number}\"",
        page,
    )
    entry = page[page.index(f'id="finding-{number}"') :]
    entry = entry[: entry.index("</li>")]
    assert jargon.code in entry and f'href="#at-{number}"' in entry
    assert "Plain alternatives:" in entry
    claim = next(f for f in article.findings if f.code == "CLM001")
    entry = page[page.index(f'id="finding-{article.findings.index(claim) + 1}"') :]
    assert "Claim: dose (key claim), strength" in entry[: entry.index("</li>")]
    # a whole-article finding is listed, not placed
    assert "whole article" in page


def test_repairs_made_on_load_are_shown(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "mojibake.md", tmp_path / "mojibake.md")
    result = check_paths([tmp_path], make_config(tmp_path))
    write_report(result, tmp_path / "reports", "en")
    page = (tmp_path / "reports" / "articles" / "mojibake.md.html").read_text()
    section = page[page.index('id="repairs"') :]
    assert "mojibake" in section
    assert "None: the file was read as written" not in section


def test_overlapping_findings_are_cut_into_flat_marks(tmp_path: Path) -> None:
    article = check_text(tmp_path, "Take the dose once a day with food.\n", select=[])
    doc = article.document
    sentence = Finding(
        "RDG003", "long-sentence", Severity.WARNING, "long", doc.path, Scope.SENTENCE, 1, 1, 1, 36
    )
    word = Finding(
        "PLN001", "medical-jargon", Severity.ERROR, "word", doc.path, Scope.PARAGRAPH, 1, 10, 1, 14
    )
    placement = place_findings(doc, (sentence, word))
    assert [p.number for p in placement.all] == [1, 2]
    html = str(render_block(doc.blocks[0], placement.by_block[0]))
    assert '<mark class="hl sev-warning depth-1" data-findings="1">Take the </mark>' in html
    assert '<mark class="hl sev-error depth-2" data-findings="1 2">dose</mark>' in html
    assert html.index('href="#finding-2"') < html.index('href="#finding-1"')


def test_text_offset_inverts_source_offset_through_repairs(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    doc = parse_document("A &amp; B **bold** text.\n", "markdown", "a.md", "a.md", config)
    content = doc.blocks[0].content
    assert content.text == "A & B bold text."
    for pos in range(len(content.text)):
        src = content.source_offset(pos)
        back = content.text_offset(src)
        assert back == pos
    # inside "**" markup a start goes to the next text, an end to the end of the previous
    star = doc.source.index("**")
    assert content.text_offset(star + 1) == content.text.index("bold")
    assert content.text_offset(star + 1, end=True) == content.text.index("bold")
    # the end of the entity "&amp;" is the end of "&"
    assert content.text_offset(doc.source.index(";") + 1, end=True) == 3


def test_article_text_is_escaped_and_pages_make_no_requests(tmp_path: Path) -> None:
    for name in ("hostile.md", "hostile.html", "hostile.txt"):
        shutil.copy(FIXTURES / "report_hostile" / name, tmp_path / name)
    result = check_paths([tmp_path], make_config(tmp_path))
    assert not result.errors
    write_report(result, tmp_path / "reports", "en")
    site = pages(tmp_path / "reports")
    text_page = site["articles/hostile.txt.html"]
    assert "&lt;script&gt;window.__pwned = &#34;txt&#34;&lt;/script&gt;" in text_page
    assert "onerror=&#34;window.__pwned" in text_page
    assert "(link to javascript:window.__pwned=&#39;link&#39;)" in site["articles/hostile.md.html"]
    for name, html in site.items():
        # exactly one script, our own (sorting and filters), on the dashboard and the
        # article pages; none anywhere else, and nothing from an article inside it
        ours = name == "index.html" or name.startswith("articles/")
        assert html.count("<script") == (1 if ours else 0), name
        if ours:
            script = html.split("<script>", 1)[1].split("</script>", 1)[0]
            assert "__pwned" not in script, name
        tags = re.findall(r"<[a-zA-Z][^>]*>", html)
        assert not [t for t in tags if re.search(r"\son[a-z]+\s*=", t)], name
        assert not [t for t in tags if re.search(r"(href|src)\s*=\s*\"?\s*javascript:", t, re.I)]
        # nothing is loaded from anywhere: no src at all, and links stay in the report
        assert not [t for t in tags if re.search(r"\ssrc\s*=", t)], name
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert all(not re.match(r"[a-z]+:", h) for h in hrefs), (name, hrefs)


def test_every_page_has_a_csp_that_forbids_everything_but_its_own_style_and_script(
    tmp_path: Path,
) -> None:
    config = project(tmp_path)
    write_report(full_check(config), tmp_path / "reports", "en")
    for name, html in pages(tmp_path / "reports").items():
        csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert csp, name
        parts = html_module.unescape(csp.group(1)).split("; ")
        policy = {part.split()[0]: part.split()[1:] for part in parts}
        assert policy["default-src"] == ["'none'"]
        assert policy["img-src"] == ["'none'"]
        style = re.search(r"<style>(.*?)</style>", html, re.S)
        assert style and policy["style-src"] == [_sha256(style.group(1))]
        script = re.search(r"<script>(.*?)</script>", html, re.S)
        if script:
            assert policy["script-src"] == [_sha256(script.group(1))]
        assert " style=" not in html  # inline style attributes would be blocked


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def test_pages_of_articles_that_are_gone_are_removed(tmp_path: Path) -> None:
    write(tmp_path, "content/a.md", "# A\n\nTake one tablet a day.\n")
    write(tmp_path, "content/b.md", "# B\n\nTake two tablets a day.\n")
    config = make_config(tmp_path)
    out = tmp_path / "reports"
    (out / "notes.txt").parent.mkdir()
    (out / "notes.txt").write_text("kept")
    write_report(check_paths([tmp_path / "content"], config), out, "en")
    assert (out / "articles" / "content_b.md.html").exists()
    (tmp_path / "content" / "b.md").unlink()
    write_report(check_paths([tmp_path / "content"], config), out, "en")
    assert not (out / "articles" / "content_b.md.html").exists()
    assert (out / "articles" / "content_a.md.html").exists()
    assert (out / "notes.txt").read_text() == "kept"  # only its own pages are touched


def test_the_dashboard_lists_files_that_could_not_be_read(tmp_path: Path) -> None:
    write(tmp_path, "good.md", "# Good\n\nTake one tablet a day.\n")
    write(tmp_path, "bad.md", b"\x00\x01\x02binary\x00")
    result = check_paths([tmp_path], make_config(tmp_path))
    assert result.errors
    write_report(result, tmp_path / "reports", "en")
    index = (tmp_path / "reports" / "index.html").read_text()
    assert "Files that could not be checked (1)" in index
    assert "bad.md" in index
    assert "exit code 2" in index


def test_cli_report_prints_where_and_a_summary_and_exits_like_check(tmp_path: Path) -> None:
    config = project(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\npaths = ["content"]\n')
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        reported = runner.invoke(app, ["report", "--out", "site"])
        checked = runner.invoke(app, ["check", "--format", "json"])
    assert reported.exit_code == checked.exit_code == 1, reported.output
    lines = reported.output.strip().splitlines()
    assert re.fullmatch(r"Report written to site/index\.html \(4 pages, \d+ kB\)", lines[-2])
    assert re.fullmatch(
        r"2 articles and 1 catalog checked: \d+ errors?, \d+ warnings?, \d+ info", lines[-1]
    )
    contract = json.loads(checked.output)
    report = json.loads((tmp_path / "site" / "report.json").read_text())
    assert report == contract
    assert config.root == tmp_path.resolve()


def test_an_image_without_alt_text_shows_as_empty_with_its_finding(tmp_path: Path) -> None:
    article = check_text(tmp_path, "# Pills\n\n![](pill-box.jpg)\n\nTake one a day.\n")
    alt = next(f for f in article.findings if f.code == "A11Y002")
    number = article.findings.index(alt) + 1
    write_report(CheckResult((article,)), tmp_path / "reports", "en")
    page = (tmp_path / "reports" / "articles" / "article.md.html").read_text()
    block = page[page.index("image alt text") :]
    block = block[: block.index("</div>\n</div>")]
    assert '<span class="empty">(empty)</span>' in block
    assert f'href="#finding-{number}"' in block


def test_bidirectional_controls_in_an_article_cannot_reorder_the_page(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    write(
        tmp_path,
        "rtl.md",
        "---\ntitle: \u202eReversed title\n---\n"
        "Hypertension \u202ecan \u2066cause hyperlipidaemia.\n",
    )
    write_report(check_paths([tmp_path / "rtl.md"], config), tmp_path / "reports", "en")
    for page in (tmp_path / "reports").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", text), page.name
    article = (tmp_path / "reports" / "articles" / "rtl.md.html").read_text(encoding="utf-8")
    assert "\u27e8U+202E\u27e9can \u27e8U+2066\u27e9" in article  # shown, not applied
