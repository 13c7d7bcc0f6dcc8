"""Glossaries (TRN013): inflection-aware matching in Spanish and German, CSV and TBX files,
a broken glossary named once with its line, the report's translation pages, and the
result cache re-checking catalogs when the glossary changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.i18n.glossary import GlossaryError, read_glossary, stems_of

ARTICLE = """---
lang: en
---
# Flares

A flare can last weeks.

Flares come back after stress.

Side effects are rare.
"""
CATALOG = """msgid ""
msgstr ""
"Language: {locale}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"X-Source-File: content/flare.md\\n"

#: content/flare.md:4
msgid "Flares"
msgstr "{heading}"

#: content/flare.md:6
msgid "A flare can last weeks."
msgstr "{first}"

#: content/flare.md:8
msgid "Flares come back after stress."
msgstr "{second}"

#: content/flare.md:10
msgid "Side effects are rare."
msgstr "{third}"
"""


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("es", ("brote", "brotes", "Brotes")),
        ("de", ("Schub", "Schübe", "Schüben")),
        ("en", ("flare", "flares", "Flares")),
        ("fr", ("poussée", "poussées")),
    ],
)
def test_inflected_forms_share_a_stem(lang: str, forms: tuple[str, ...]) -> None:
    assert len({stems_of(form, lang) for form in forms}) == 1


def _project(tmp_path: Path, locale: str, glossary: str, suffix: str = "csv", **units: str) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "flare.md").write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "locales" / locale / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "flare.po").write_text(CATALOG.format(locale=locale, **units), encoding="utf-8")
    (tmp_path / "locales" / "glossary").mkdir()
    (tmp_path / "locales" / "glossary" / f"{locale}.{suffix}").write_text(glossary, "utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\npaths = ["content"]\n')
    return tmp_path


def _trn013(project: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> list[dict]:  # type: ignore[type-arg]
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["check", "--select", "TRN013", "--format", "json", *extra])
    articles = json.loads(result.stdout)["articles"]
    return [f for a in articles for f in a["findings"]]


SPANISH = {
    "heading": "Brotes",
    "first": "Un brote puede durar semanas.",
    "second": "Las crisis vuelven tras el estrés.",
    "third": "Los efectos adversos son raros.",
}


def test_spanish_units_with_and_without_the_approved_term(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    glossary = "source,target,note\nflare,brote,\nside effect,efecto secundario,not 'adverso'\n"
    found = _trn013(_project(tmp_path, "es", glossary, **SPANISH), monkeypatch, "--no-cache")
    assert [(f["line"], f["message"]) for f in found] == [
        (15, "'flare' is not translated as the glossary says: use 'brote'"),
        (
            19,
            "'side effect' is not translated as the glossary says: use 'efecto secundario' "
            "(not 'adverso')",
        ),
    ]
    assert found[0]["details"]["glossary"] == "locales/glossary/es.csv"


def test_german_plurals_with_an_umlaut_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    units = {
        "heading": "Schübe",
        "first": "Ein Schub kann Wochen dauern.",
        "second": "Schübe kommen nach Stress zurück.",
        "third": "Nebenwirkungen sind selten.",
    }
    glossary = "source,target\nflare,Schub\nside effect,Nebenwirkung\n"
    assert _trn013(_project(tmp_path, "de", glossary, **units), monkeypatch, "--no-cache") == []


def test_a_tbx_termbase_in_many_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tbx = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><martifHeader>'
        "<fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></martifHeader><text><body>"
        '<termEntry id="1"><langSet xml:lang="en"><tig><term>side effect</term></tig></langSet>'
        '<langSet xml:lang="fr"><tig><term>effet indésirable</term></tig></langSet>'
        '<langSet xml:lang="es"><tig><term>efecto secundario</term></tig></langSet></termEntry>'
        "</body></text></martif>\n"
    )
    found = _trn013(_project(tmp_path, "es", tbx, "tbx", **SPANISH), monkeypatch, "--no-cache")
    assert [f["message"] for f in found] == [
        "'side effect' is not translated as the glossary says: use 'efecto secundario'"
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("term,translation\nflare,brote\n", 1, "the header must name the columns"),
        ("source,target\nflare,\n", 2, "a row needs both a source and a target"),
        ("source,target,status\nflare,brote,maybe\n", 2, "status must be approved or forbidden"),
    ],
)
def test_a_broken_glossary_names_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "es.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        read_glossary(path, "locales/glossary/es.csv", "en", "es")
    assert raised.value.line == line and message in raised.value.message


def test_a_broken_glossary_is_one_error_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path, "es", "source,target\nflare,\n", **SPANISH)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["check", "--no-cache"])
    assert result.exit_code == 2
    assert result.output.count("locales/glossary/es.csv:2") == 1
    assert "a row needs both a source and a target" in result.output
    assert "content/flare.md" in result.output  # the article was still checked


def test_a_changed_glossary_rechecks_the_cached_catalogs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path, "es", "source,target\nflare,brote\n", **SPANISH)
    assert len(_trn013(project, monkeypatch)) == 1
    assert len(_trn013(project, monkeypatch)) == 1  # from the cache
    (project / "locales" / "glossary" / "es.csv").write_text(
        "source,target\nflare,brote\nflare,crisis\n", encoding="utf-8"
    )
    assert _trn013(project, monkeypatch) == []


def test_the_report_shows_each_units_glossary_terms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path, "es", "source,target\nflare,brote\n", **SPANISH)
    monkeypatch.chdir(project)
    CliRunner().invoke(app, ["report", "--out", "site"])
    (page,) = (project / "site" / "translations").glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert 'Glossary:</span> <span class="term">flare <span lang="en">&rarr;</span>' in html
    assert '<span lang="es">brote</span>' in html


def test_elided_articles_and_german_compounds(tmp_path: Path) -> None:
    french = tmp_path / "fr.csv"
    french.write_text("source,target\nantibody,anticorps\n", encoding="utf-8")
    glossary = read_glossary(french, "fr.csv", "en", "fr")
    assert glossary.uses("Le taux d’anticorps baisse.", ("anticorps",)) == "anticorps"
    german = tmp_path / "de.csv"
    german.write_text("source,target\ninfection,Infektion\nfever,Fieber\n", encoding="utf-8")
    glossary = read_glossary(german, "de.csv", "en", "de")
    assert glossary.uses("Das Infektionsrisiko steigt.", ("Infektion",)) == "Infektion"
    assert glossary.uses("Impfung gegen Gelbfieber.", ("Fieber",)) == "Fieber"
    assert glossary.uses("Eine Entzündung.", ("Infektion",)) is None


def test_a_forbidden_word_inside_an_approved_term_is_not_reported(tmp_path: Path) -> None:
    from checker.i18n.glossary import forbidden_in

    path = tmp_path / "es.csv"
    path.write_text(
        "source,target,status\nseizure,crisis epiléptica,\nseizure,crisis,forbidden\n", "utf-8"
    )
    glossary = read_glossary(path, "es.csv", "en", "es")
    (term,) = glossary.terms
    assert forbidden_in(glossary, "Puede tener una crisis epiléptica.", term) is None
    assert forbidden_in(glossary, "Puede tener una crisis.", term) == "crisis"


def test_a_termbase_without_the_locale_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "es.tbx"
    path.write_text(
        '<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body><termEntry>'
        '<langSet xml:lang="en"><tig><term>flare</term></tig></langSet></termEntry>'
        "</body></text></martif>",
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError, match="no term pairs in en and es"):
        read_glossary(path, "es.tbx", "en", "es")


def test_a_regional_locale_falls_back_to_its_language_glossary(tmp_path: Path) -> None:
    from checker.i18n.glossary import glossary_file

    (tmp_path / "es.csv").write_text("source,target\nflare,brote\n", encoding="utf-8")
    assert glossary_file(tmp_path, "es_ES") == tmp_path / "es.csv"
    (tmp_path / "es-ES.csv").write_text("source,target\nflare,brote\n", encoding="utf-8")
    assert glossary_file(tmp_path, "es_ES") == tmp_path / "es-ES.csv"
    assert glossary_file(tmp_path, "fr") is None
