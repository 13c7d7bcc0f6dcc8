"""TRN: translation checks, run on each catalog (``checker check`` and ``checker i18n check``).

These rules read a catalog rather than an article (``catalog=True``): a
:class:`~checker.rules.base.CatalogContext` with the catalog, its source article's state and
the grades of the translation it builds.  How numbers, links and markup are compared lives
in :mod:`checker.i18n.qa`.
"""

from __future__ import annotations

from collections.abc import Iterator

import polib

from checker.i18n.glossary import forbidden_in
from checker.i18n.qa import (
    LETTER_WORD,
    TAG,
    differences,
    links,
    markup,
    numbers,
    show,
    strip_for_numbers,
)
from checker.i18n.units import REFERENCE_NOTE
from checker.model import Finding, Scope, Severity
from checker.options import I18nOptions
from checker.readability.calibration import comparable_grade
from checker.rules.base import CatalogContext, Rule, rule


def catalog_finding(
    rule: Rule,
    ctx: CatalogContext,
    entry: polib.POEntry | None,
    message: str,
    line: int | None = None,
    **details: object,
) -> Finding:
    """A TRN finding on a catalog entry (at its line), or on the whole catalog."""
    if entry is not None:
        line = entry.linenum
    return Finding(
        rule.code,
        rule.name,
        rule.severity,
        message,
        ctx.path,
        Scope.PARAGRAPH if entry is not None else Scope.DOCUMENT,
        line,
        1 if line else None,
        line,
        1 if line else None,
        text=entry.msgstr[:200] if entry is not None else "",
        details=dict(details),
    )


def _live(ctx: CatalogContext) -> list[polib.POEntry]:
    return [e for e in ctx.catalog if not e.obsolete] if ctx.catalog is not None else []


def _translated(ctx: CatalogContext) -> Iterator[polib.POEntry]:
    """Live entries with a translation that is not marked for review."""
    for entry in _live(ctx):
        if "fuzzy" not in entry.flags and entry.msgstr:
            yield entry


def _is_copy(entry: polib.POEntry) -> bool:
    """The source text kept as its translation (three words or more: names are fine)."""
    words = LETTER_WORD.findall(strip_for_numbers(entry.msgid))
    return entry.msgstr.strip() == entry.msgid.strip() and len(words) >= 3


def _prose(ctx: CatalogContext) -> Iterator[polib.POEntry]:
    """Translated entries that are neither cited works (kept in their own language) nor
    copies of the source (TRN007's)."""
    for entry in _translated(ctx):
        if entry.comment != REFERENCE_NOTE and not _is_copy(entry):
            yield entry


@rule(
    "TRN001",
    "untranslated-unit",
    Severity.INFO,
    "A unit of the article has no translation yet.",
    catalog=True,
)
def untranslated_unit(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """Reported on each catalog entry with an empty ``msgstr``.  The built article shows
    the source text there, so readers get a page in two languages.

    Before: ``msgid "Take it with food."`` / ``msgstr ""``.
    After: ``msgstr "Tómelo con comida."``
    """
    for entry in _live(ctx):
        if "fuzzy" not in entry.flags and not entry.msgstr:
            message = f"Not translated yet: {entry.msgid[:80]}"
            yield catalog_finding(self, ctx, entry, message, source=entry.msgid)


@rule(
    "TRN002",
    "stale-unit",
    Severity.WARNING,
    "The source text changed; the old translation needs review (fuzzy).",
    catalog=True,
)
def stale_unit(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """Reported on each fuzzy entry: ``checker i18n update`` matched a changed source unit
    to its old translation and kept the old source text as ``#| msgid``.  The translation
    may say what the article no longer says (an old dose, a withdrawn warning), so it is
    left out of compiled and built translations until a translator reviews it and removes
    the ``fuzzy`` flag.

    Before: ``#, fuzzy`` / ``#| msgid "Take 10 mg."`` / ``msgid "Take 15 mg."`` /
    ``msgstr "Tome 10 mg."``
    After: ``msgid "Take 15 mg."`` / ``msgstr "Tome 15 mg."`` (flag removed).
    """
    for entry in _live(ctx):
        if "fuzzy" in entry.flags:
            yield catalog_finding(
                self,
                ctx,
                entry,
                "The source text changed since this was translated: review the translation "
                "and remove the fuzzy flag",
                previous_source=entry.previous_msgid,
                source=entry.msgid,
            )


@rule(
    "TRN003",
    "obsolete-entries",
    Severity.INFO,
    "Obsolete entries pile up in the catalog.",
    catalog=True,
)
def obsolete_entries(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """Reported once per catalog when its obsolete (``#~``) entries exceed
    ``[tool.checker.i18n] obsolete-percent`` of its live ones (default 20).  Obsolete
    entries keep translations of removed text in case it comes back; too many make the
    catalog hard to work in.

    Before: 40 live entries and 15 ``#~`` entries from old versions.
    After: the translator removes the ``#~`` entries that will not come back.
    """
    if ctx.catalog is None:
        return
    live = _live(ctx)
    obsolete = len(ctx.catalog) - len(live)
    limit = ctx.options.obsolete_percent
    if live and obsolete and 100.0 * obsolete / len(live) > limit:
        yield catalog_finding(
            self,
            ctx,
            None,
            f"{obsolete} obsolete entries beside {len(live)} live ones "
            f"(over {limit:g}%): remove the ones that will not come back",
            obsolete=obsolete,
            live=len(live),
        )


@rule(
    "TRN004",
    "number-mismatch",
    Severity.ERROR,
    "A number, dose or unit in the translation differs from the source.",
    catalog=True,
)
def number_mismatch(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """Compares the numbers of a unit and its translation, each read in its own locale's
    number format (Babel): 1.5 mg in English and 1,5 mg in French are the same dose,
    1.5 and 15 are not.  Units of measure after a number (mg, g, mcg, ml, kg, IU, %, °C)
    must match too.  A wrong number in a health article can be a wrong dose.

    Before: ``msgid "given as 2 doses"`` / ``msgstr "se administra en 3 dosis"``.
    After: ``msgstr "se administra en 2 dosis"``.
    """
    for entry in _translated(ctx):
        want = numbers(entry.msgid, ctx.source_language)
        got = numbers(entry.msgstr, ctx.locale)
        if want == got:
            continue
        missing, extra = show(want - got), show(got - want)
        yield catalog_finding(
            self,
            ctx,
            entry,
            f"Numbers differ from the source ({differences(missing, extra, 'not in the source')})"
            ": a wrong number can be a wrong dose",
            source=entry.msgid,
            missing=missing,
            added=extra,
        )


@rule(
    "TRN005",
    "link-mismatch",
    Severity.WARNING,
    "A URL or link target in the translation differs from the source.",
    catalog=True,
)
def link_mismatch(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """Link targets (Markdown ``(url)``, HTML ``href``, bare URLs) must survive translation:
    a changed target sends readers somewhere else, and a lost one removes a source.

    Before: ``[NHS advice](https://www.nhs.uk/a)`` translated as ``[consejo del NHS](https://www.nhs.uk/b)``.
    After: ``[consejo del NHS](https://www.nhs.uk/a)``.
    """
    for entry in _translated(ctx):
        want, got = links(entry.msgid), links(entry.msgstr)
        if want == got:
            continue
        lost, added = ", ".join(sorted(want - got)), ", ".join(sorted(got - want))
        message = f"Link targets differ from the source ({differences(lost, added)})"
        yield catalog_finding(self, ctx, entry, message, source=entry.msgid)


@rule(
    "TRN006",
    "markup-mismatch",
    Severity.WARNING,
    "Inline markup or a citation marker was lost or added in translation.",
    catalog=True,
)
def markup_mismatch(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """Compares emphasis (``**bold**``, ``*italic*``), code, links, HTML tags and citation
    markers (``[1]``, ``[^2]``) between a unit and its translation.  A lost marker leaves a
    claim uncited in the translation; a ``**bold**`` warning turned into ``*italic*`` loses
    its weight.

    Before: ``msgid "Do **not** take it daily [1]."`` / ``msgstr "No lo tome a diario."``
    After: ``msgstr "**No** lo tome a diario [1]."``
    """
    for entry in _translated(ctx):
        want, got = markup(entry.msgid), markup(entry.msgstr)
        if want == got:
            continue
        lost = sorted((want - got).elements())
        added = sorted((got - want).elements())
        yield catalog_finding(
            self,
            ctx,
            entry,
            "Inline markup differs from the source ("
            + differences(", ".join(lost), ", ".join(added), "added", "lost")
            + ")",
            source=entry.msgid,
            lost=lost,
            added=added,
        )


@rule(
    "TRN007",
    "untranslated-copy",
    Severity.WARNING,
    "The translation is identical to its source.",
    catalog=True,
)
def untranslated_copy(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """A ``msgstr`` that repeats its ``msgid`` word for word (three words or more) is usually
    a copy pasted to silence a tool, not a translation.  Names, numbers and code alone are
    not reported.

    Before: ``msgid "Ask your pharmacist."`` / ``msgstr "Ask your pharmacist."``
    After: ``msgstr "Pregunte a su farmacéutico."``
    """
    for entry in _translated(ctx):
        if entry.comment != REFERENCE_NOTE and _is_copy(entry):
            message = "The translation is a copy of the source text"
            yield catalog_finding(self, ctx, entry, message, source=entry.msgid)


@rule(
    "TRN008",
    "wrong-language",
    Severity.WARNING,
    "The translation is not in the catalog's language.",
    catalog=True,
)
def wrong_language(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """Detected offline with lingua among the project's configured languages, on
    translations of eight words or more: a French sentence in the Spanish catalog, or
    text left in English.

    Before: in ``es/...po``: ``msgstr "Prenez-le avec de la nourriture et de l'eau."``
    After: ``msgstr "Tómelo con comida y agua."``
    """
    if len(set(ctx.languages)) < 2:
        return
    from checker.plain.language_detect import clearly_in, detect_language

    language = ctx.locale.replace("-", "_").split("_")[0].lower()
    for entry in _prose(ctx):
        if len(LETTER_WORD.findall(strip_for_numbers(entry.msgstr))) < 8:
            continue
        plain = TAG.sub(" ", entry.msgstr)
        if clearly_in(plain, language, ctx.languages):
            continue
        found = detect_language(plain, ctx.languages)
        if found is not None and found[0] != language:
            yield catalog_finding(
                self,
                ctx,
                entry,
                f"The translation reads as {found[0]}, not {language} (confidence {found[1]:.2f})",
                detected=found[0],
                confidence=round(found[1], 2),
            )


@rule(
    "TRN009",
    "length-ratio",
    Severity.INFO,
    "The translation is far shorter or longer than its source.",
    catalog=True,
)
def length_ratio(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """Reported when a translation of a unit of 40 characters or more is outside
    ``[tool.checker.i18n] length-ratio`` times its source's length (default 0.5 to 2.0):
    a sentence may be missing, or two units pasted into one.

    Before: a 300-character paragraph translated in 90 characters.
    After: every sentence of the paragraph translated.
    """
    low, high = ctx.options.length_ratio
    for entry in _prose(ctx):
        if len(entry.msgid) < 40:
            continue
        ratio = len(entry.msgstr) / len(entry.msgid)
        if not low <= ratio <= high:
            yield catalog_finding(
                self,
                ctx,
                entry,
                f"The translation is {ratio:.2f} times the length of its source "
                f"(usual: {low:g} to {high:g}); check that nothing is missing or doubled",
                ratio=round(ratio, 2),
            )


@rule(
    "TRN010",
    "catalog-error",
    Severity.ERROR,
    "A catalog cannot be read: syntax, charset, header or duplicate entries.",
    catalog=True,
)
def catalog_error(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """Reported with the file and line, as ``msgfmt`` reports it.  The catalog is left
    untouched by every command and the other catalogs are still checked.

    Before: ``msgstr "Tómelo con comida`` (the closing quote is missing).
    After: ``msgstr "Tómelo con comida"``.
    """
    if ctx.read_error is not None:
        message, line = ctx.read_error
        yield catalog_finding(self, ctx, None, message, line)


@rule(
    "TRN011",
    "catalog-out-of-date",
    Severity.WARNING,
    "The catalog is not in step with its article: run `checker i18n extract` and `update`.",
    catalog=True,
)
def catalog_out_of_date(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """Reported once per catalog when the article has units the catalog lacks (or the
    article is gone).  Translators would otherwise work on text the article no longer has.

    Before: the article gained a paragraph after the last ``extract``.
    After: ``checker i18n extract && checker i18n update``.
    """
    if ctx.source_problem is not None:
        yield catalog_finding(self, ctx, None, ctx.source_problem)
    elif ctx.missing:
        count, first_line = ctx.missing
        yield catalog_finding(
            self,
            ctx,
            None,
            f"{count} unit(s) of {ctx.source_path} are not in this catalog (first at "
            f"line {first_line}): run `checker i18n extract` and `checker i18n update`",
            missing=count,
        )


@rule(
    "TRN012",
    "harder-than-source",
    Severity.WARNING,
    "The translation reads above its language's target and harder than its source.",
    catalog=True,
)
def harder_than_source(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
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
    grades = ctx.grades
    if grades is None:
        return
    harder = harder_than(
        grades.grade, grades.target, grades.source_grade, grades.source_lang, grades.lang
    )
    if harder is None:
        return
    expected, target = harder
    yield catalog_finding(
        self,
        ctx,
        None,
        f"The {ctx.locale} translation reads at grade {grades.grade:g} (target "
        f"{target:g}); its source's grade {grades.source_grade:g} ({grades.source_lang}) "
        f"corresponds to {expected:g} in {grades.lang}: simplify the translation",
        grade=grades.grade,
        source_grade=grades.source_grade,
        expected_grade=expected,
        target_grade=target,
    )


#: How many grades harder than its source, on its own language's scale, a translation may
#: read before TRN012 flags it.
HARDER_BY = 2.0


def harder_than(
    grade: float | None,
    target: float | None,
    source_grade: float | None,
    source_lang: str,
    lang: str,
) -> tuple[float, float] | None:
    """``(expected grade, target)`` when a translation is both above its own language's
    target and more than ``HARDER_BY`` grades above what its source's grade corresponds to
    in its language (``checker.readability.calibration``); ``None`` otherwise.

    A translation within its own target is fine however its source reads, and one no
    harder than its source leaves the problem to the source (RDG001 there).
    """
    if grade is None or target is None or source_grade is None:
        return None
    expected = comparable_grade(source_grade, source_lang, lang)
    if expected is None or grade <= target or grade <= expected + HARDER_BY:
        return None
    return expected, target


def check_catalog(
    catalog: polib.POFile,
    path: str,
    locale: str,
    source_language: str,
    options: I18nOptions,
    languages: tuple[str, ...] = (),
) -> list[Finding]:
    """Every finding of the rules that read a catalog's entries alone (TRN001-TRN009),
    in rule order, for tools that have a catalog but no project (benchmarks, tests)."""
    ctx = CatalogContext(path, locale, source_language, options, languages, catalog)
    return [finding for r in ENTRY_RULES for finding in r.run(ctx)]


@rule(
    "TRN013",
    "glossary-term",
    Severity.WARNING,
    "A glossary term translated without its approved translation, or with a forbidden one.",
    catalog=True,
)
def glossary_term(self: Rule, ctx: CatalogContext) -> Iterator[Finding]:
    """A unit whose source uses a term of the locale's glossary
    (``locales/glossary/<locale>.csv``) must use one of the term's approved translations,
    and none it forbids, so that one condition keeps one name across every article ("flare"
    is always "brote", never "crisis").  Terms match in any inflection (brote/brotes,
    Schub/Schübe).  A glossary that cannot be read is an error of the run, on its line.

    Options in ``[tool.checker.i18n]``: ``glossary-dir``.

    Before: ``msgid "A flare can last weeks."`` / ``msgstr "Una crisis puede durar semanas."``
    (glossary: flare,brote)
    After: ``msgstr "Un brote puede durar semanas."``
    """
    glossary = ctx.glossary
    if glossary is None:
        return
    for entry in _prose(ctx):
        for term in glossary.terms_in(entry.msgid):
            approved = " or ".join(f"'{t}'" for t in term.approved[:3])
            banned = forbidden_in(glossary, entry.msgstr, term)
            if banned is not None:
                instead = f": use {approved}" if term.approved else ""
                message = f"'{banned}' for '{term.source}' is forbidden by the glossary{instead}"
            elif term.approved and glossary.uses(entry.msgstr, term.approved) is None:
                message = f"'{term.source}' is not translated as the glossary says: use {approved}"
            else:
                continue
            if term.note:
                message += f" ({term.note})"
            yield catalog_finding(
                self,
                ctx,
                entry,
                message,
                term=term.source,
                approved=list(term.approved),
                forbidden=list(term.forbidden),
                glossary=glossary.path,
            )


#: The rules that read the catalog's entries alone (no source article, no build).
ENTRY_RULES = (
    untranslated_unit,
    stale_unit,
    obsolete_entries,
    number_mismatch,
    link_mismatch,
    markup_mismatch,
    untranslated_copy,
    wrong_language,
    length_ratio,
    glossary_term,
)

RULES = (
    *ENTRY_RULES,
    catalog_error,
    catalog_out_of_date,
    harder_than_source,
)
