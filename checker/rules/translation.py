"""TRN: translation checks, run on each catalog (``checker check`` and ``checker i18n check``).

These rules read a catalog rather than an article, so the checks live in
:mod:`checker.i18n.qa`; here they are declared, documented and selectable like
every other rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.model import Finding, Severity
from checker.rules.base import Rule, RuleContext, rule


def _catalog_made(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    return iter(())


@rule("TRN001", "untranslated-unit", Severity.INFO, "A unit of the article has no translation yet.")
def untranslated_unit(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported on each catalog entry with an empty ``msgstr``.  The built article shows
    the source text there, so readers get a page in two languages.

    Before: ``msgid "Take it with food."`` / ``msgstr ""``.
    After: ``msgstr "Tómelo con comida."``
    """
    return _catalog_made(self, ctx)


@rule(
    "TRN002",
    "stale-unit",
    Severity.WARNING,
    "The source text changed; the old translation needs review (fuzzy).",
)
def stale_unit(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported on each fuzzy entry: ``checker i18n update`` matched a changed source unit
    to its old translation and kept the old source text as ``#| msgid``.  The translation
    may say what the article no longer says (an old dose, a withdrawn warning), so it is
    left out of compiled and built translations until a translator reviews it and removes
    the ``fuzzy`` flag.

    Before: ``#, fuzzy`` / ``#| msgid "Take 10 mg."`` / ``msgid "Take 15 mg."`` /
    ``msgstr "Tome 10 mg."``
    After: ``msgid "Take 15 mg."`` / ``msgstr "Tome 15 mg."`` (flag removed).
    """
    return _catalog_made(self, ctx)


@rule(
    "TRN003",
    "obsolete-entries",
    Severity.INFO,
    "Obsolete entries pile up in the catalog.",
)
def obsolete_entries(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported once per catalog when its obsolete (``#~``) entries exceed
    ``[tool.checker.i18n] obsolete-percent`` of its live ones (default 20).  Obsolete
    entries keep translations of removed text in case it comes back; too many make the
    catalog hard to work in.

    Before: 40 live entries and 15 ``#~`` entries from old versions.
    After: the translator removes the ``#~`` entries that will not come back.
    """
    return _catalog_made(self, ctx)


@rule(
    "TRN004",
    "number-mismatch",
    Severity.ERROR,
    "A number, dose or unit in the translation differs from the source.",
)
def number_mismatch(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Compares the numbers of a unit and its translation, each read in its own locale's
    number format (Babel): 1.5 mg in English and 1,5 mg in French are the same dose,
    1.5 and 15 are not.  Units of measure after a number (mg, g, mcg, ml, kg, IU, %, °C)
    must match too.  A wrong number in a health article can be a wrong dose.

    Before: ``msgid "given as 2 doses"`` / ``msgstr "se administra en 3 dosis"``.
    After: ``msgstr "se administra en 2 dosis"``.
    """
    return _catalog_made(self, ctx)


@rule(
    "TRN005",
    "link-mismatch",
    Severity.WARNING,
    "A URL or link target in the translation differs from the source.",
)
def link_mismatch(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Link targets (Markdown ``(url)``, HTML ``href``, bare URLs) must survive translation:
    a changed target sends readers somewhere else, and a lost one removes a source.

    Before: ``[NHS advice](https://www.nhs.uk/a)`` translated as ``[consejo del NHS](https://www.nhs.uk/b)``.
    After: ``[consejo del NHS](https://www.nhs.uk/a)``.
    """
    return _catalog_made(self, ctx)


@rule(
    "TRN006",
    "markup-mismatch",
    Severity.WARNING,
    "Inline markup or a citation marker was lost or added in translation.",
)
def markup_mismatch(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Compares emphasis (``**bold**``, ``*italic*``), code, links, HTML tags and citation
    markers (``[1]``, ``[^2]``) between a unit and its translation.  A lost marker leaves a
    claim uncited in the translation; a ``**bold**`` warning turned into ``*italic*`` loses
    its weight.

    Before: ``msgid "Do **not** take it daily [1]."`` / ``msgstr "No lo tome a diario."``
    After: ``msgstr "**No** lo tome a diario [1]."``
    """
    return _catalog_made(self, ctx)


@rule(
    "TRN007",
    "untranslated-copy",
    Severity.WARNING,
    "The translation is identical to its source.",
)
def untranslated_copy(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """A ``msgstr`` that repeats its ``msgid`` word for word (three words or more) is usually
    a copy pasted to silence a tool, not a translation.  Names, numbers and code alone are
    not reported.

    Before: ``msgid "Ask your pharmacist."`` / ``msgstr "Ask your pharmacist."``
    After: ``msgstr "Pregunte a su farmacéutico."``
    """
    return _catalog_made(self, ctx)


@rule(
    "TRN008",
    "wrong-language",
    Severity.WARNING,
    "The translation is not in the catalog's language.",
)
def wrong_language(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Detected offline with lingua among the project's configured languages, on
    translations of eight words or more: a French sentence in the Spanish catalog, or
    text left in English.

    Before: in ``es/...po``: ``msgstr "Prenez-le avec de la nourriture et de l'eau."``
    After: ``msgstr "Tómelo con comida y agua."``
    """
    return _catalog_made(self, ctx)


@rule(
    "TRN009",
    "length-ratio",
    Severity.INFO,
    "The translation is far shorter or longer than its source.",
)
def length_ratio(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported when a translation of a unit of 40 characters or more is outside
    ``[tool.checker.i18n] length-ratio`` times its source's length (default 0.5 to 2.0):
    a sentence may be missing, or two units pasted into one.

    Before: a 300-character paragraph translated in 90 characters.
    After: every sentence of the paragraph translated.
    """
    return _catalog_made(self, ctx)


@rule(
    "TRN010",
    "catalog-error",
    Severity.ERROR,
    "A catalog cannot be read: syntax, charset, header or duplicate entries.",
)
def catalog_error(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported with the file and line, as ``msgfmt`` reports it.  The catalog is left
    untouched by every command and the other catalogs are still checked.

    Before: ``msgstr "Tómelo con comida`` (the closing quote is missing).
    After: ``msgstr "Tómelo con comida"``.
    """
    return _catalog_made(self, ctx)


@rule(
    "TRN011",
    "catalog-out-of-date",
    Severity.WARNING,
    "The catalog is not in step with its article: run `checker i18n extract` and `update`.",
)
def catalog_out_of_date(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Reported once per catalog when the article has units the catalog lacks (or the
    article is gone).  Translators would otherwise work on text the article no longer has.

    Before: the article gained a paragraph after the last ``extract``.
    After: ``checker i18n extract && checker i18n update``.
    """
    return _catalog_made(self, ctx)


@rule(
    "TRN012",
    "harder-than-source",
    Severity.WARNING,
    "The translation reads above its language's target and harder than its source.",
)
def harder_than_source(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """The translated article is rebuilt from its catalog and scored in its own language.
    It is flagged when it reads above its own language's target grade and more than two
    grades above what its source's grade corresponds to in its language.

    Grades of different languages are not compared raw: each formula reads the same content
    at a different grade (French Kandel-Moles about 6 grades lower than English SMOG, Spanish
    Fernández-Huerta 3 lower), so the source's grade is first moved to the translation's
    scale with offsets measured on parallel public health pages
    (``checker/readability/calibration.py``, ``bench/grade_calibration.py``).

    Before: English source at SMOG grade 9; the Spanish translation at grade 11 (what grade 9
    in English corresponds to in Spanish is 6).
    After: shorter sentences and everyday words in the translation.
    """
    return _catalog_made(self, ctx)


RULES = (
    untranslated_unit,
    stale_unit,
    obsolete_entries,
    number_mismatch,
    link_mismatch,
    markup_mismatch,
    untranslated_copy,
    wrong_language,
    length_ratio,
    catalog_error,
    catalog_out_of_date,
    harder_than_source,
)
