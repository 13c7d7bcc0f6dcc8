"""The ``Plural-Forms`` header a new catalog gets: the product's decision, not a library's data.

Translators' tools (``msginit``, Poedit, Weblate) write the rules of GNU gettext's
table, ``gettext-tools/src/plural-table.c``, which takes them from the gettext
manual (node "Plural forms").  CLDR, the data behind Babel, has moved away from
them for several languages: Babel 2.19 gives French
``nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;``
where every tool above expects ``nplurals=2; plural=(n > 1);``.  A catalog's
header must not change with the Babel release that happens to be installed, so
the languages of that table are answered from the copy below; only a language
gettext does not list falls back to Babel's CLDR rule.

A locale is looked up as ``msginit`` does: the full ``ll_CC`` first (``pt_BR``),
then the language (``pt``); an encoding (``.UTF-8``) or modifier (``@latin``) is
ignored.
"""

from __future__ import annotations

#: GNU gettext's table (plural-table.c in gettext's 2025 sources; Catalan joined it after 0.21),
#: plus Arabic, which the manual's "Plural forms" node lists and plural-table.c leaves
#: to CLDR.
GETTEXT_PLURAL_FORMS: dict[str, str] = {
    "ja": "nplurals=1; plural=0;",
    "vi": "nplurals=1; plural=0;",
    "ko": "nplurals=1; plural=0;",
    "en": "nplurals=2; plural=(n != 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "nl": "nplurals=2; plural=(n != 1);",
    "sv": "nplurals=2; plural=(n != 1);",
    "da": "nplurals=2; plural=(n != 1);",
    "no": "nplurals=2; plural=(n != 1);",
    "nb": "nplurals=2; plural=(n != 1);",
    "nn": "nplurals=2; plural=(n != 1);",
    "fo": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "pt": "nplurals=2; plural=(n != 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "bg": "nplurals=2; plural=(n != 1);",
    "el": "nplurals=2; plural=(n != 1);",
    "fi": "nplurals=2; plural=(n != 1);",
    "et": "nplurals=2; plural=(n != 1);",
    "he": "nplurals=2; plural=(n != 1);",
    "eo": "nplurals=2; plural=(n != 1);",
    "hu": "nplurals=2; plural=(n != 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "ca": "nplurals=2; plural=(n != 1);",
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "lt": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) "
        "? 1 : 2);"
    ),
    **dict.fromkeys(
        ("ru", "uk", "be", "sr", "hr"),
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);",
    ),
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
    "ar": (
        "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
        ": n%100>=11 ? 4 : 5;"
    ),
}


class UnknownLocale(ValueError):
    """Neither gettext's table nor CLDR knows the locale."""


def _candidates(locale: str) -> list[str]:
    """``pt_BR.UTF-8@latin`` -> ``["pt_BR", "pt"]``; ``pt-br`` -> ``["pt_BR", "pt"]``."""
    bare = locale.split("@", 1)[0].split(".", 1)[0].replace("-", "_")
    language, _, region = bare.partition("_")
    language = language.lower()
    if region:
        return [f"{language}_{region.upper() if len(region) == 2 else region}", language]
    return [language]


def plural_forms(locale: str) -> str:
    """The ``Plural-Forms`` value for a new catalog of ``locale``.

    Raises :class:`UnknownLocale` when the locale is in neither gettext's table nor CLDR.
    """
    for candidate in _candidates(locale):
        if candidate in GETTEXT_PLURAL_FORMS:
            return GETTEXT_PLURAL_FORMS[candidate]
    from babel.core import UnknownLocaleError
    from babel.messages.plurals import get_plural

    try:
        return str(get_plural(_candidates(locale)[0])).strip()
    except (UnknownLocaleError, ValueError) as exc:
        raise UnknownLocale(str(exc)) from None
