"""TRN checks on catalog entries: numbers per locale, markup, links, copies, language."""

from __future__ import annotations

import polib
import pytest

from checker.config import I18nOptions
from checker.i18n.qa import numbers
from checker.rules.translation import check_catalog


def codes_for(source: str, translation: str, locale: str = "fr", **flags: object) -> list[str]:
    catalog = polib.POFile()
    entry = polib.POEntry(msgid=source, msgstr=translation)
    if flags.get("fuzzy"):
        entry.flags.append("fuzzy")
    catalog.append(entry)
    found = check_catalog(catalog, "x.po", locale, "en", I18nOptions(), ("en", "es", "fr", "de"))
    return [f.code for f in found]


@pytest.mark.parametrize(
    ("source", "translation", "locale", "flagged"),
    [
        ("Take 1.5 mg twice a day.", "Prenez 1,5 mg deux fois par jour.", "fr", False),
        ("Take 1.5 mg twice a day.", "Prenez 15 mg deux fois par jour.", "fr", True),
        ("Take 1.5 mg twice a day.", "Prenez 1,5 g deux fois par jour.", "fr", True),
        ("About 1,000 people took part.", "Unas 1.000 personas participaron.", "es", False),
        ("About 1,000 people took part.", "Etwa 1\u202f000 Personen nahmen teil.", "de", False),
        ("Given as 2 doses.", "Se administra en 3 dosis.", "es", True),
        ("Up to 30% of people.", "Bis zu 30 % der Menschen.", "de", False),
    ],
)
def test_numbers_are_read_in_each_locale(
    source: str, translation: str, locale: str, flagged: bool
) -> None:
    assert ("TRN004" in codes_for(source, translation, locale)) is flagged


def test_numbers_ignore_urls_and_citation_markers() -> None:
    assert numbers("See [NHS](https://nhs.uk/a1) [2].", "en") == numbers("Voir NHS.", "fr")


@pytest.mark.parametrize(
    ("source", "translation", "code"),
    [
        ("Do **not** take it daily [1].", "Ne le prenez *pas* chaque jour [1].", "TRN006"),
        ("Do **not** take it daily [1].", "Ne le prenez **pas** chaque jour.", "TRN006"),
        (
            "Read the [leaflet](https://a.example/x).",
            "Lisez la [notice](https://a.example/y).",
            "TRN005",
        ),
        ("Ask your pharmacist about this.", "Ask your pharmacist about this.", "TRN007"),
        (
            "Take the tablets with a full glass of water after breakfast every morning.",
            "Take the tablets with a full glass of water after breakfast every morning, please.",
            "TRN008",
        ),
        (
            "Take the tablets with a full glass of water after breakfast every morning.",
            "Prenez-les.",
            "TRN009",
        ),
    ],
)
def test_markup_links_copies_language_and_length(source: str, translation: str, code: str) -> None:
    assert code in codes_for(source, translation)


@pytest.mark.parametrize(
    ("source", "translation", "flagged"),
    [
        # code spans in any backtick count are code, compared as code
        ("Run ``a`` then ``b``.", "Lancez ``a`` puis ``b``.", []),
        ("Type `` `x` `` in the box.", "Tapez `` `x` `` dans la case.", []),
        ("Run ``a`` then ``b``.", "Lancez ``a`` puis ``c``.", ["TRN006"]),
        ("Run ``a`` now.", "Lancez `a` maintenant.", []),  # the same code, shorter fence
        # numbers inside code are not prose numbers: `a/{1,3}b` is not 1.3 or 13
        ("Match `a/{1,3}b` in 2 files.", "Cherchez `a/{1,3}b` dans 2 fichiers.", []),
        ("Match `a/{1,3}b` in 2 files.", "Cherchez `a/{1,4}b` dans 2 fichiers.", ["TRN006"]),
        ("Match `a/{1,3}b` in 2 files.", "Cherchez `a/{1,3}b` dans 3 fichiers.", ["TRN004"]),
    ],
)
def test_code_spans_in_any_backtick_count(
    source: str, translation: str, flagged: list[str]
) -> None:
    assert codes_for(source, translation) == flagged


def test_a_good_translation_has_no_findings() -> None:
    source = "Do **not** take it daily [1]. See the [leaflet](https://a.example/x)."
    translation = "Ne le prenez **pas** chaque jour [1]. Voir la [notice](https://a.example/x)."
    assert codes_for(source, translation) == []


def test_untranslated_and_fuzzy_units() -> None:
    assert codes_for("Take it with food.", "") == ["TRN001"]
    assert codes_for("Take it with food.", "Prenez-le.", fuzzy=True) == ["TRN002"]
