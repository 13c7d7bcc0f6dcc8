"""Plural-Forms of new catalogs: GNU gettext's table, whatever Babel's CLDR data says."""

from __future__ import annotations

import gettext
import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from checker.i18n import plurals
from checker.i18n.plurals import GETTEXT_PLURAL_FORMS, plural_forms

#: What msginit, Poedit and Weblate write (the gettext manual, node "Plural forms").
EXPECTED = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "nl": "nplurals=2; plural=(n != 1);",
    "pt": "nplurals=2; plural=(n != 1);",
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ru": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "ar": (
        "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
        ": n%100>=11 ? 4 : 5;"
    ),
    "ja": "nplurals=1; plural=0;",
}
MSGINIT = shutil.which("msginit")


@pytest.mark.parametrize("locale", sorted(EXPECTED))
def test_the_product_writes_gettexts_rule(locale: str) -> None:
    assert plural_forms(locale) == EXPECTED[locale]


def test_babel_data_does_not_decide_a_listed_language(monkeypatch: pytest.MonkeyPatch) -> None:
    import babel.messages.plurals

    def newer_cldr(locale: str) -> str:
        return "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n % 1000000 == 0 ? 1 : 2;"

    monkeypatch.setattr(babel.messages.plurals, "get_plural", newer_cldr)
    for locale, expected in EXPECTED.items():
        assert plural_forms(locale) == expected
    assert plural_forms("zh") == newer_cldr("zh")  # not in gettext's table: CLDR decides


@pytest.mark.parametrize(
    ("locale", "same_as"),
    [
        ("fr_CA", "fr"),
        ("fr-ca", "fr"),
        ("pt-br", "pt_BR"),
        ("pt_PT", "pt"),
        ("de_DE.UTF-8", "de"),
        ("sr@latin", "sr"),
        ("ar_EG", "ar"),
    ],
)
def test_a_region_encoding_or_modifier_is_looked_up_as_msginit_does(
    locale: str, same_as: str
) -> None:
    assert plural_forms(locale) == GETTEXT_PLURAL_FORMS[same_as]


def test_an_unknown_locale_is_refused() -> None:
    with pytest.raises(plurals.UnknownLocale):
        plural_forms("xx_NOPE")
    assert plural_forms("zh") == "nplurals=1; plural=0;"  # known to CLDR only


@pytest.mark.parametrize("language", sorted(GETTEXT_PLURAL_FORMS))
def test_every_rule_is_well_formed_and_within_nplurals(language: str) -> None:
    header = GETTEXT_PLURAL_FORMS[language]
    nplurals, plural = (part.strip() for part in header.rstrip(";").split(";"))
    count = int(nplurals.removeprefix("nplurals="))
    choose = gettext.c2py(plural.removeprefix("plural="))
    forms = {choose(n) for n in range(0, 1200)}
    assert forms == set(range(count)), forms


def _msginit_rule(locale: str, folder: Path) -> str:
    pot = folder / "t.pot"
    pot.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8"
    )
    out = folder / f"{locale}.po"
    subprocess.run(
        [MSGINIT, "--no-translator", "-i", str(pot), "-l", locale, "-o", str(out)],
        check=True,
        capture_output=True,
        env={**os.environ, "LC_ALL": "C"},
    )
    rule: str = polib.pofile(str(out)).metadata.get("Plural-Forms", "")
    return rule


@pytest.mark.parametrize("language", sorted(set(GETTEXT_PLURAL_FORMS) - {"ar"}))
def test_the_table_matches_the_installed_msginit(language: str, tmp_path: Path) -> None:
    """Every language of gettext's table gets exactly what ``msginit`` writes.

    (Arabic comes from the manual: plural-table.c leaves it to CLDR data.)
    """
    if MSGINIT is None:
        if os.environ.get("CHECKER_REQUIRE_MSGFMT"):
            pytest.fail("msginit is required here (CHECKER_REQUIRE_MSGFMT is set)")
        pytest.skip("GNU gettext's msginit is not installed")
    written = _msginit_rule(language, tmp_path)
    if not written:  # Catalan joined the table after gettext 0.21
        pytest.skip(f"this msginit's table has no {language!r}")
    assert plural_forms(language) == written
