"""Deciding an article's language, and never scoring an unsupported one as English."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from checker import languages
from checker.config import Config
from checker.loading import _known_language_codes
from tests.conftest import check_files, check_text, codes, make_config, only, write

#: Four times two short sentences: long enough to be graded (30 words in 3 sentences).
EN_BODY = " ".join(["The body has many bones. Drink water every day."] * 4) + "\n"
ES_BODY = " ".join(["El cuerpo tiene muchos huesos. Beba agua todos los días."] * 4) + "\n"
DE_BODY = " ".join(["Der Körper hat viele Knochen. Trinken Sie jeden Tag Wasser."] * 4) + "\n"


@pytest.mark.parametrize(
    ("name", "text", "lang", "source", "formula"),
    [
        ("a.md", f"---\nlang: es\n---\n{ES_BODY}", "es", "front-matter", "fernandez_huerta"),
        (
            "b.md",
            f"---\nlanguage: de-AT\n---\n{DE_BODY}",
            "de",
            "front-matter",
            "wiener_sachtextformel",
        ),
        (
            "c.txt",
            f"---\nlang: es_ES.UTF-8\n---\n{ES_BODY}",
            "es",
            "front-matter",
            "fernandez_huerta",
        ),
        (
            "d.html",
            f'<html lang="es"><body><p>{ES_BODY}</p></body></html>',
            "es",
            "html",
            "fernandez_huerta",
        ),
        ("content/es/x.md", ES_BODY, "es", "path", "fernandez_huerta"),
        ("content/de-AT/y.md", DE_BODY, "de", "path", "wiener_sachtextformel"),
        ("content/docs/z.md", EN_BODY, "en", "default", "smog"),
        ("e.md", EN_BODY, "en", "default", "smog"),
    ],
)
def test_language_is_chosen_and_scored_with_its_formula(
    tmp_path: Path, name: str, text: str, lang: str, source: str, formula: str
) -> None:
    article = check_text(tmp_path, text, name=name)
    assert article.document.lang == lang
    assert article.document.lang_source == source
    assert article.metrics["grade_formula"] == formula
    assert isinstance(article.metrics["grade"], float)
    assert "CHK001" not in codes(article)


def test_front_matter_wins_over_folder(tmp_path: Path) -> None:
    article = check_text(tmp_path, f"---\nlang: en\n---\n{EN_BODY}", name="content/es/x.md")
    assert (article.document.lang, article.document.lang_source) == ("en", "front-matter")


def test_default_language_from_config(tmp_path: Path) -> None:
    config = make_config(tmp_path, default_language="es")
    article = check_text(tmp_path, ES_BODY, name="x.md", config=config)
    assert (article.document.lang, article.document.lang_source) == ("es", "default")
    assert article.metrics["grade_formula"] == "fernandez_huerta"


@pytest.mark.parametrize(
    ("declared", "lang", "message_part"),
    [
        ("pt", "pt", "language 'pt' (pt) is not supported"),
        ("pt-BR", "pt", "language 'pt-BR' (pt) is not supported"),
    ],
)
def test_unsupported_language_is_reported_not_scored(
    tmp_path: Path, declared: str, lang: str, message_part: str
) -> None:
    article = check_text(tmp_path, f"---\nlang: {declared}\n---\n{EN_BODY}")
    assert article.document.lang == lang
    assert article.metrics["grade"] is None
    assert article.metrics["grade_formula"] is None
    assert article.metrics["scores"] == {}
    assert article.metrics["words"] == 0
    (finding,) = only(article, "CHK001")
    assert message_part in finding.message
    assert finding.details == {"declared": declared, "source": "front-matter"}
    assert finding.severity.label == "warning"
    assert not [c for c in codes(article) if c.startswith("RDG")]


@pytest.mark.parametrize(
    "declared", ["klingon-ish", "english", "2024-05-01", "12", "1.5", "xq", "[en, fr]", "{a: b}"]
)
def test_a_value_that_is_no_language_code_is_an_error_on_its_line(
    tmp_path: Path, declared: str
) -> None:
    article = check_text(tmp_path, f"---\ntitle: Flu\nlang: {declared}\n---\n{EN_BODY}")
    assert article.document.lang == ""
    assert article.metrics["grade"] is None
    (finding,) = only(article, "CHK005")
    assert finding.severity.label == "error"
    assert (finding.line, finding.column) == (3, 1)
    assert f"'{declared}' (from the front-matter) is not a language code" in finding.message
    assert "CHK001" not in codes(article)
    assert not [c for c in codes(article) if c.startswith("RDG")]


def test_yaml_reads_no_as_false_but_the_declaration_is_norwegian(tmp_path: Path) -> None:
    article = check_text(tmp_path, f"---\nlang: no\n---\n{EN_BODY}")
    assert (article.document.lang, article.document.declared_lang) == ("no", "no")
    (finding,) = only(article, "CHK001")
    assert finding.line == 2


def test_html_lang_that_is_no_code_is_reported_on_the_html_line(tmp_path: Path) -> None:
    html = '<!doctype html>\n<html lang="12">\n<p>Drink water.</p>\n</html>'
    article = check_text(tmp_path, html, name="x.html")
    (finding,) = only(article, "CHK005")
    assert finding.line == 2
    assert finding.details == {"declared": "12", "source": "html"}


def test_unsupported_language_with_long_sentences_gets_no_rdg(tmp_path: Path) -> None:
    long_text = " ".join(["palavra"] * 40) + "."
    article = check_text(tmp_path, f"---\nlang: pt\n---\n{long_text}\n")
    assert codes(article) == ["CHK001"]


def test_html_unsupported_lang(tmp_path: Path) -> None:
    article = check_text(tmp_path, '<html lang="pt-BR"><p>Beba água.</p></html>', name="x.html")
    assert article.metrics["grade"] is None
    (finding,) = only(article, "CHK001")
    assert finding.details["source"] == "html"


def test_unsupported_locale_folder(tmp_path: Path) -> None:
    article = check_text(tmp_path, "Beba água todos os dias.\n", name="content/pt/x.md")
    assert (article.document.lang, article.document.lang_source) == ("pt", "path")
    assert article.metrics["grade"] is None
    assert only(article, "CHK001")[0].details == {"declared": "pt", "source": "path"}


def test_other_files_in_run_still_scored(tmp_path: Path) -> None:
    write(tmp_path, "a.md", f"---\nlang: pt\n---\n{EN_BODY}")
    write(tmp_path, "b.md", EN_BODY)
    result = check_files(tmp_path)
    grades = {a.document.path: a.metrics["grade"] for a in result.articles}
    assert grades["a.md"] is None
    assert isinstance(grades["b.md"], float)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("EN_us", "en"),
        ("es_ES.UTF-8", "es"),
        ("de-AT", "de"),
        ("zh-Hant", "zh"),
        ("english", ""),
        ("klingon-ish", ""),
        ("", ""),
    ],
)
def test_normalise(tag: str, expected: str) -> None:
    assert languages.normalise(tag) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("content/es/x.md", "es"),
        ("content/pt-BR/x.md", "pt-BR"),
        ("content/docs/x.md", ""),
        ("content/de/sub/x.md", "de"),
        ("x.md", ""),
    ],
)
def test_from_path(path: str, expected: str) -> None:
    assert languages.from_path(PurePath(path), _known_language_codes()) == expected


def test_choose_order() -> None:
    known = frozenset({"es", "en", "fr"})
    assert languages.choose("fr", "front-matter", PurePath("es/x.md"), "en", known) == (
        languages.LanguageChoice("fr", "fr", "front-matter")
    )
    assert languages.choose("", "front-matter", PurePath("es/x.md"), "en", known) == (
        languages.LanguageChoice("es", "es", "path")
    )
    assert languages.choose(" ", "html", PurePath("x.md"), "en", known) == (
        languages.LanguageChoice("en", "en", "default")
    )
    assert languages.choose("xq", "front-matter", PurePath("es/x.md"), "en", known) == (
        languages.LanguageChoice("", "xq", "front-matter")
    )


def test_config_is_not_needed_for_language(tmp_path: Path) -> None:
    # A Config whose root does not contain the file: the language still comes from the folder.
    config = Config(root=tmp_path / "elsewhere")
    path = write(tmp_path, "es/x.md", ES_BODY)
    result = check_files(tmp_path, [path], config)
    assert result.articles[0].document.lang == "es"


FRENCH = (
    "Le paracétamol est un médicament contre la douleur et la fièvre. Il ne faut pas dépasser "
    "la dose maximale de quatre grammes par jour chez l'adulte, car le foie peut être "
    "gravement atteint. Demandez conseil à votre pharmacien.\n"
)
LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt "
    "ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation "
    "ullamco laboris nisi ut aliquip ex ea commodo consequat.\n"
)


def test_an_undeclared_language_is_read_as_detected_and_flagged(tmp_path: Path) -> None:
    article = check_text(tmp_path, FRENCH, name="x.md", select=["A11Y005"])
    assert (article.document.lang, article.document.lang_source) == ("fr", "detected")
    (finding,) = only(article, "A11Y005")
    assert finding.details == {"declared": None, "detected": "fr", "wcag": "3.1.1"}


def test_detection_can_be_turned_off(tmp_path: Path) -> None:
    config = make_config(tmp_path, detect_language=False)
    article = check_text(tmp_path, FRENCH, name="x.md", config=config)
    assert (article.document.lang, article.document.lang_source) == ("en", "default")


def test_lorem_ipsum_is_no_language(tmp_path: Path) -> None:
    article = check_text(tmp_path, LOREM, name="x.md", select=["A11Y005"])
    assert (article.document.lang, article.document.lang_source) == ("en", "default")
    assert only(article, "A11Y005") == []


def test_detect_language_must_be_true_or_false(tmp_path: Path) -> None:
    from checker.config import ConfigError, load_config

    write(tmp_path, "checker.toml", 'detect-language = "yes"\n')
    with pytest.raises(ConfigError, match=r"detect-language.*expected true or false"):
        load_config(tmp_path / "checker.toml")
