"""GRM rules through LanguageTool, against a real HTTP server on loopback.

``tests/languagetool_server.py`` speaks LanguageTool's API and finds a fixed set of
mistakes.  ``test_a_real_languagetool_server`` runs against a real server whenever
``CHECKER_TEST_LANGUAGETOOL_URL`` names one.
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import (
    Config,
    ConfigError,
    LanguageToolOptions,
    PlainLanguageOptions,
    load_config,
)
from checker.engine import CheckResult, Selection
from checker.grammar import server as grammar_server
from checker.grammar.checker import GrammarChecker
from checker.output.json_format import to_dict
from checker.output.text_format import render as render_text
from checker.pipeline import check_paths
from checker.report.site import write_report
from tests.conftest import make_config, write
from tests.languagetool_server import FakeLanguageTool, serve

ARTICLE = """---
title: Missed doses
lang: en
---

# Missed doses

If you misses a dose, take it with a glass of watter as soon as you remember.

In order to avoid mistakes , use a pill box. See https://example.org/watter for more [1].

Hepatotoxicity means liver damage. Ask about Humira 🙂 watter.
"""


def lt_config(tmp_path: Path, url: str, **options: Any) -> Config:
    return make_config(tmp_path, languagetool=LanguageToolOptions(url=url, **options))


def grm(result: CheckResult) -> list[Any]:
    return [f for a in result.articles for f in a.findings if f.code.startswith("GRM")]


def test_matches_become_findings_at_the_right_place(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", ARTICLE)
    with serve() as lt:
        result = check_paths([path], lt_config(tmp_path, lt.url))
    found = {(f.code, f.text, f.line, f.column) for f in grm(result)}
    lines = path.read_text().splitlines()

    def at(line: int, text: str) -> tuple[str, int, int]:
        return text, line, lines[line - 1].index(text) + 1

    assert ("GRM001", *at(8, "you misses")) in found
    assert ("GRM002", *at(8, "watter")) in found
    assert ("GRM003", *at(10, "In order to")) in found
    assert ("GRM004", *at(10, " ,")) in found
    # after an emoji (two UTF-16 units in LanguageTool's offsets) the column is still right
    assert ("GRM002", *at(12, "watter")) in found
    watter = next(f for f in grm(result) if f.text == "watter")
    assert watter.suggestion == "Use 'water' or 'waiter'"
    assert watter.details["rule"] == "MORFOLOGIK_RULE_EN_US"
    assert watter.details["language"] == "en-US"
    assert result.grammar is not None and result.grammar.status == "ran"


def test_urls_and_citation_markers_are_not_sent_as_text(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", ARTICLE)
    with serve() as lt:
        result = check_paths([path], lt_config(tmp_path, lt.url))
        parts = [p for c in lt.checks for p in json.loads(c["data"])["annotation"]]
    markup = [p["markup"] for p in parts if "markup" in p]
    assert "https://example.org/watter" in markup and "[1]" in markup
    assert not any("example.org" in p.get("text", "") for p in parts)
    # so the "watter" inside the URL is not reported
    assert all(f.line != 10 or f.text != "watter" for f in grm(result))


def test_the_accept_list_and_jargon_are_not_misspellings(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", ARTICLE)
    with serve() as lt:
        config = dataclasses.replace(
            lt_config(tmp_path, lt.url), plain_language=PlainLanguageOptions(accept=("Humira",))
        )
        result = check_paths([path], config)
    spelled = {f.text for f in grm(result) if f.code == "GRM002"}
    assert "watter" in spelled
    assert "Humira" not in spelled  # accepted by the project
    assert "Hepatotoxicity" not in spelled  # a jargon term: PLN reports it instead
    codes = {f.code for a in result.articles for f in a.findings if f.text == "Hepatotoxicity"}
    assert codes and all(c.startswith("PLN") for c in codes)


def test_each_article_is_checked_in_its_own_language_and_variant(tmp_path: Path) -> None:
    write(tmp_path, "gb.md", "---\nlang: en-GB\n---\n\nDrink watter every day.\n")
    write(tmp_path, "us.md", "Drink watter every day.\n")
    write(tmp_path, "es.md", "---\nlang: es\n---\n\nTome el medicamento que le dieron.\n")
    write(tmp_path, "de.md", "---\nlang: de\n---\n\nNehmen Sie die Tablette mit Wasser.\n")
    write(tmp_path, "it.md", "---\nlang: it\n---\n\nPrenda la compressa con acqua.\n")
    with serve() as lt:
        result = check_paths([tmp_path], lt_config(tmp_path, lt.url))
        languages = sorted(c["language"] for c in lt.checks)
    assert languages == ["de-DE", "en-GB", "en-US", "es"]
    assert result.grammar is not None
    assert result.grammar.unsupported == {"it": ["it.md"]}
    spanish = next(a for a in result.articles if a.document.path == "es.md")
    assert [f.details["rule"] for f in spanish.findings if f.code == "GRM001"] == ["ES_TEST_RULE"]


def test_a_warm_cache_sends_nothing_and_gives_the_same_findings(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", ARTICLE)
    with serve() as lt:
        config = lt_config(tmp_path, lt.url)
        cold = check_paths([path], config)
        sent = len(lt.checks)
        warm = check_paths([path], config)
        assert len(lt.checks) == sent > 0
        assert warm.grammar is not None and warm.grammar.requests == 0
        assert warm.grammar.cached == sent
        assert grm(warm) == grm(cold)
        # other rule settings are another question for the server
        changed = dataclasses.replace(
            config,
            languagetool=dataclasses.replace(config.languagetool, disabled_rules=("IN_ORDER_TO",)),
        )
        third = check_paths([path], changed)
        assert len(lt.checks) == 2 * sent
        assert lt.checks[-1]["disabledRules"] == "IN_ORDER_TO"
        assert "GRM003" not in {f.code for f in grm(third)}
        # an edited article is sent again
        path.write_text(ARTICLE.replace("pill box", "pill organiser"), encoding="utf-8")
        check_paths([path], config)
        assert len(lt.checks) > 2 * sent


def test_requests_are_batched_and_bounded(tmp_path: Path) -> None:
    paragraphs = "\n\n".join(f"Paragraph {i} has some watter in it." for i in range(30))
    path = write(tmp_path, "a.md", paragraphs + "\n")
    with serve() as lt:
        result = check_paths([path], lt_config(tmp_path, lt.url, batch_characters=300))
        sizes = []
        for check in lt.checks:
            parts = json.loads(check["data"])["annotation"]
            sizes.append(sum(len(p.get("text", p.get("markup", ""))) for p in parts))
    assert 1 < len(sizes) < 30  # several blocks per request, several requests
    assert max(sizes) <= 300
    assert len([f for f in grm(result) if f.text == "watter"]) == 30
    lines = sorted(f.line for f in grm(result) if f.text == "watter")
    assert lines == [1 + 2 * i for i in range(30)]


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("http-500", "answered HTTP 500"),
        ("malformed", "malformed /v2/check response"),
        ("not-json", "not JSON"),
        ("slow", "did not answer within 0.3 s"),
    ],
)
def test_server_failures_are_reported_and_the_check_carries_on(
    tmp_path: Path, mode: str, expected: str
) -> None:
    path = write(tmp_path, "a.md", ARTICLE)
    with serve(FakeLanguageTool(mode=mode, delay=1.0)) as lt:
        result = check_paths([path], lt_config(tmp_path, lt.url, timeout=0.3))
    assert result.grammar is not None and result.grammar.status == "incomplete"
    error = result.grammar.errors[0]
    assert error["path"] == "a.md"
    assert expected in error["message"] and lt.url in error["message"]
    assert "a.md" in error["message"]
    assert not grm(result)
    assert any(
        f.code.startswith("RDG") or f.code.startswith("PLN") for f in result.articles[0].findings
    )
    assert not result.errors  # a grammar failure is not an input error
    text = render_text(result)
    assert "grammar (GRM) incomplete" in text and expected in text


def test_a_refused_connection_gives_up_after_three_articles(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    for i in range(5):
        write(tmp_path, f"a{i}.md", "Drink watter every day.\n")
    result = check_paths([tmp_path], lt_config(tmp_path, f"http://127.0.0.1:{port}"))
    assert result.grammar is not None and result.grammar.status == "incomplete"
    messages = [e["message"] for e in result.grammar.errors]
    assert len(messages) == 4  # three failures, then the note that it gave up
    assert f"cannot reach LanguageTool server http://127.0.0.1:{port}/v2" in messages[0]
    assert "gave up" in messages[-1]
    assert len(result.articles) == 5 and not result.errors


def test_without_a_server_grammar_is_reported_once_as_not_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(grammar_server.ENV_URL, raising=False)
    monkeypatch.setattr(grammar_server, "_local_install", lambda: None)
    write(tmp_path, "a.md", ARTICLE)
    write(tmp_path, "b.md", "Drink watter every day.\n")
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\npaths = ["."]\n')
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    with_grm = runner.invoke(app, ["check", "--no-color"])
    without = runner.invoke(app, ["check", "--ignore", "GRM", "--no-color"])
    assert with_grm.exit_code == without.exit_code
    assert with_grm.output.count("grammar (GRM) not run") == 1
    assert "CHECKER_LANGUAGETOOL_URL" in with_grm.output
    assert "grammar (GRM)" not in without.output
    data = json.loads(runner.invoke(app, ["check", "-f", "json"]).output)
    assert data["grammar"]["status"] == "not-run"
    assert "no local LanguageTool is installed" in data["grammar"]["reason"]
    assert "CHECKER_LANGUAGETOOL_URL" in data["grammar"]["how_to_enable"]
    result = check_paths([tmp_path], load_config(tmp_path / "pyproject.toml"))
    write_report(result, tmp_path / "reports", "en")
    index = (tmp_path / "reports" / "index.html").read_text()
    assert "Grammar (LanguageTool)" in index and "not run" in index


def test_the_server_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "a.md", ARTICLE)
    with serve() as lt:
        monkeypatch.setenv(grammar_server.ENV_URL, lt.url)
        result = check_paths([path], make_config(tmp_path))
    assert result.grammar is not None and result.grammar.origin == "environment"
    assert grm(result)
    assert to_dict(result)["grammar"]["server"] == lt.url + "/v2"


def test_a_local_languagetool_is_started_when_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Installed:
        """What language-tool-python reports for an installed LanguageTool."""

        def get_server_cmd(self, port: int) -> list[str]:
            server = Path(__file__).with_name("languagetool_server.py")
            return [sys.executable, str(server), str(port)]

    monkeypatch.delenv(grammar_server.ENV_URL, raising=False)
    monkeypatch.setattr(grammar_server, "_local_install", lambda: Installed())
    monkeypatch.setattr(grammar_server.shutil, "which", lambda name: "/usr/bin/" + name)
    path = write(tmp_path, "a.md", ARTICLE)
    result = check_paths([path], make_config(tmp_path))
    assert result.grammar is not None
    assert result.grammar.origin == "local" and result.grammar.status == "ran"
    assert "watter" in {f.text for f in grm(result)}


def test_a_rebuilt_translation_is_checked_in_its_language(tmp_path: Path) -> None:
    import polib

    from checker.i18n.layout import Layout
    from checker.i18n.workflow import extract, init

    write(tmp_path, "content/a.md", "# Doses\n\nTake the medicine they gave you.\n")
    config = make_config(tmp_path)
    extract(config)
    init(config, "es")
    catalog_path = Layout.of(config).catalog("es", "a")
    catalog = polib.pofile(str(catalog_path))
    for entry in catalog:
        entry.msgstr = {"Doses": "Dosis"}.get(entry.msgid, "Tome el medicamento que le dieron.")
    catalog.save()
    with serve() as lt:
        config = lt_config(tmp_path, lt.url)
        selection = Selection.build(config.select, config.ignore)
        grammar = GrammarChecker(config.languagetool, tmp_path / ".cache")
        result = check_paths(
            [tmp_path / "content"], config, selection, translations=True, grammar=grammar
        )
        assert "es" in [c["language"] for c in lt.checks]
    built = next(r for r in result.articles if "built_from" in r.document.metadata)
    assert [f.details["rule"] for f in built.findings if f.code == "GRM001"] == ["ES_TEST_RULE"]


def test_languagetool_options_are_validated(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.checker.languagetool]\nurl = "localhost:8081"\n')
    with pytest.raises(ConfigError, match=r"tool\.checker\.languagetool\.url"):
        load_config(path)
    path.write_text('[tool.checker.languagetool]\nserver = "http://x"\n')
    with pytest.raises(ConfigError, match="unknown key"):
        load_config(path)
    path.write_text(
        '[tool.checker.languagetool]\nurl = "http://lt:8010"\ndisabled-rules = ["X"]\n'
        'category-severity = {typos = "error"}\nvariants = {en = "en-GB"}\n'
    )
    options = load_config(path).languagetool
    assert options.url == "http://lt:8010" and options.disabled_rules == ("X",)
    assert options.category_severity == {"TYPOS": "error"}
    assert options.variants["en"] == "en-GB" and options.variants["de"] == "de-DE"


def test_category_severity_from_config(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", ARTICLE)
    with serve() as lt:
        result = check_paths(
            [path], lt_config(tmp_path, lt.url, category_severity={"TYPOS": "error"})
        )
    assert {f.severity.label for f in grm(result) if f.code == "GRM002"} == {"error"}
    assert {f.severity.label for f in grm(result) if f.code == "GRM003"} == {"info"}


@pytest.mark.skipif(
    not os.environ.get("CHECKER_TEST_LANGUAGETOOL_URL"),
    reason="set CHECKER_TEST_LANGUAGETOOL_URL to a LanguageTool server to run",
)
def test_a_real_languagetool_server(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "# Doses\n\nIf you misses a dose, take it with watter.\n")
    url = os.environ["CHECKER_TEST_LANGUAGETOOL_URL"]
    result = check_paths([path], lt_config(tmp_path, url))
    assert result.grammar is not None and result.grammar.status == "ran", result.grammar
    found = grm(result)
    assert found
    source = path.read_text().splitlines()
    for finding in found:
        assert finding.line is not None and finding.column is not None
        line = source[finding.line - 1]
        assert line[finding.column - 1 :].startswith(finding.text.split("\n")[0])


def test_an_empty_download_folder_means_no_local_languagetool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from language_tool_python.download_lt import LocalLanguageTool

    asked: list[int] = []

    def latest(cls: Any) -> str:
        asked.append(1)
        return "LanguageTool-6.6"

    monkeypatch.setattr(LocalLanguageTool, "get_latest_installed_version", classmethod(latest))
    monkeypatch.setenv(grammar_server.LTP_PATH, str(tmp_path / "missing"))
    assert grammar_server._local_install() is None
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv(grammar_server.LTP_PATH, str(tmp_path / "empty"))
    assert grammar_server._local_install() is None
    assert asked == []
    (tmp_path / "empty" / "LanguageTool-6.6").mkdir()
    assert grammar_server._local_install() == "LanguageTool-6.6"
    assert asked == [1]
