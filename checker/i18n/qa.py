"""Translation checks (TRN) on one catalog: pure functions of the catalog and options.

Numbers are read in each side's own locale through Babel, so the French "1,5 mg"
matches the English "1.5 mg"; markup, citation markers and link targets are
compared as multisets, so a marker moved within the sentence is fine and a lost
one is not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

import polib

from checker.i18n.units import REFERENCE_NOTE
from checker.model import Finding, Scope
from checker.options import I18nOptions
from checker.rules import by_code

_URL = re.compile(r"https?://[^\s)<>\"'\]]+")
_MD_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HREF = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_CITATION = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_ENTITY = re.compile(r"&#?\w+;")
#: A code span as CommonMark reads it: a run of backticks, then the text up to a run of
#: the same length (```` ``a`` ````, ```` ``x `y` z`` ````); the text is code, not prose.
_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d])|(?<![\w])\d+(?:[.,]\d+)*(?![\d])"
)
_UNIT = re.compile(r"[\s-]?(mg|mcg|µg|μg|g|ml|mL|l|kg|mmol|IU|UI|%|°C|°F)(?![\w])")
_UNIT_NAMES = {"μg": "mcg", "µg": "mcg", "UI": "IU", "mL": "ml"}
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


def catalog_finding(
    code: str,
    path: str,
    entry: polib.POEntry | None,
    message: str,
    line: int | None = None,
    **details: object,
) -> Finding:
    """A TRN finding on a catalog entry (at its line), or on the whole catalog."""
    rule = by_code()[code]
    if entry is not None:
        line = entry.linenum
    return Finding(
        rule.code,
        rule.name,
        rule.severity,
        message,
        path,
        Scope.PARAGRAPH if entry is not None else Scope.DOCUMENT,
        line,
        1 if line else None,
        line,
        1 if line else None,
        text=entry.msgstr[:200] if entry is not None else "",
        details=dict(details),
    )


def links(text: str) -> Counter[str]:
    found = Counter(_MD_TARGET.findall(text)) + Counter(_HREF.findall(text))
    inside = set(found)
    for url in _URL.findall(text):
        if not any(url in target for target in inside):
            found[url] += 1
    return found


def markup(text: str) -> Counter[str]:
    """Inline markup and citation markers of ``text``, as countable tokens."""
    tokens: Counter[str] = Counter()
    tokens.update(f"citation {m}" for m in _CITATION.findall(text))
    tokens.update(f"footnote {m}" for m in _FOOTNOTE.findall(text))
    tokens.update(f"<{m.lower()}>" for m in _TAG.findall(text))
    tokens.update(f"code `{_code_text(m.group(2))}`" for m in _CODE.finditer(text))
    without_code = _CODE.sub("", text)
    strong = without_code.count("**")
    if strong:
        tokens["**bold**"] = strong // 2
    rest = without_code.replace("**", "")
    single = len(re.findall(r"(?<![\w*\\])\*(?=\S)|(?<=\S)\*(?![\w*])", rest))
    if single:
        tokens["*italic*"] = single // 2
    tokens["link"] = len(_MD_TARGET.findall(text)) + len(re.findall(r"<a\b", text, re.I))
    return +tokens


def _code_text(inside: str) -> str:
    """A code span's content as CommonMark gives it: one space each side is padding."""
    if len(inside) > 2 and inside.startswith(" ") and inside.endswith(" ") and inside.strip():
        return inside[1:-1]
    return inside


def _strip_for_numbers(text: str) -> str:
    """Text without links, markers, tags and code: numbers there are not the prose's
    (``a/{1,3}b`` in code is checked as code by TRN006, never read as 1.3)."""
    for pattern in (_CODE, _MD_TARGET, _HREF, _URL, _FOOTNOTE, _CITATION, _TAG, _ENTITY):
        text = pattern.sub(" ", text)
    return text


def _value(token: str, locale: str) -> Decimal:
    from babel.numbers import NumberFormatError, parse_decimal

    compact = token.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    try:
        return Decimal(parse_decimal(compact, locale=locale, strict=True))
    except (NumberFormatError, ValueError, InvalidOperation):
        pass
    try:
        return Decimal(compact)  # "2.5" in a French text: still 2.5
    except InvalidOperation:
        return Decimal(re.sub(r"\D", "", compact) or "0")


def numbers(text: str, locale: str) -> Counter[tuple[str, str]]:
    """Numbers of ``text`` read in ``locale``, each with the unit after it (or "")."""
    from babel.core import Locale, UnknownLocaleError

    try:
        Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        locale = "en"
    clean = _strip_for_numbers(text)
    found: Counter[tuple[str, str]] = Counter()
    for match in _NUMBER.finditer(clean):
        value = _value(match.group(0), locale)
        unit = _UNIT.match(clean, match.end())
        name = unit.group(1) if unit else ""
        found[(format(value.normalize(), "f"), _UNIT_NAMES.get(name, name))] += 1
    return found


def _show(pairs: Counter[tuple[str, str]]) -> str:
    return ", ".join(f"{v} {u}".strip() for (v, u), n in sorted(pairs.items()) for _ in range(n))


def _differences(
    missing: str, added: str, added_word: str = "added", missing_word: str = "missing"
) -> str:
    """``missing X; added Y``, leaving out an empty side."""
    parts = [
        f"{missing_word} {missing}" if missing else "",
        f"{added_word} {added}" if added else "",
    ]
    return "; ".join(p for p in parts if p)


def check_catalog(
    catalog: polib.POFile,
    path: str,
    locale: str,
    source_locale: str,
    options: I18nOptions,
    languages: tuple[str, ...] = (),
) -> Iterator[Finding]:
    """Every TRN finding of one readable catalog (TRN010 and TRN011 are the caller's)."""
    live = [e for e in catalog if not e.obsolete]
    obsolete = len(catalog) - len(live)
    if live and obsolete and 100.0 * obsolete / len(live) > options.obsolete_percent:
        yield catalog_finding(
            "TRN003",
            path,
            None,
            f"{obsolete} obsolete entries beside {len(live)} live ones "
            f"(over {options.obsolete_percent:g}%): remove the ones that will not come back",
            obsolete=obsolete,
            live=len(live),
        )
    language = locale.replace("-", "_").split("_")[0].lower()
    for entry in live:
        if "fuzzy" in entry.flags:
            previous = entry.previous_msgid
            yield catalog_finding(
                "TRN002",
                path,
                entry,
                "The source text changed since this was translated: review the translation "
                "and remove the fuzzy flag",
                previous_source=previous,
                source=entry.msgid,
            )
            continue
        if not entry.msgstr:
            yield catalog_finding(
                "TRN001",
                path,
                entry,
                f"Not translated yet: {entry.msgid[:80]}",
                source=entry.msgid,
            )
            continue
        yield from _compare(entry, path, locale, source_locale, options, language, languages)


def _compare(
    entry: polib.POEntry,
    path: str,
    locale: str,
    source_locale: str,
    options: I18nOptions,
    language: str,
    languages: tuple[str, ...],
) -> Iterator[Finding]:
    source, target = entry.msgid, entry.msgstr
    want, got = numbers(source, source_locale), numbers(target, locale)
    if want != got:
        missing, extra = _show(want - got), _show(got - want)
        yield catalog_finding(
            "TRN004",
            path,
            entry,
            f"Numbers differ from the source ({_differences(missing, extra, 'not in the source')})"
            ": a wrong number can be a wrong dose",
            source=source,
            missing=missing,
            added=extra,
        )
    want_links, got_links = links(source), links(target)
    if want_links != got_links:
        yield catalog_finding(
            "TRN005",
            path,
            entry,
            "Link targets differ from the source ("
            + _differences(
                ", ".join(sorted(want_links - got_links)), ", ".join(sorted(got_links - want_links))
            )
            + ")",
            source=source,
        )
    want_markup, got_markup = markup(source), markup(target)
    if want_markup != got_markup:
        lost = sorted((want_markup - got_markup).elements())
        added = sorted((got_markup - want_markup).elements())
        yield catalog_finding(
            "TRN006",
            path,
            entry,
            "Inline markup differs from the source ("
            + _differences(", ".join(lost), ", ".join(added), "added", "lost")
            + ")",
            source=source,
            lost=lost,
            added=added,
        )
    words = _LETTER_WORD.findall(_strip_for_numbers(source))
    if entry.comment == REFERENCE_NOTE:
        return  # cited works are usually kept in their own language
    if target.strip() == source.strip() and len(words) >= 3:
        yield catalog_finding(
            "TRN007",
            path,
            entry,
            "The translation is a copy of the source text",
            source=source,
        )
        return
    target_words = _LETTER_WORD.findall(_strip_for_numbers(target))
    if len(target_words) >= 8 and len(set(languages)) >= 2:
        from checker.plain.language_detect import clearly_in, detect_language

        plain = _TAG.sub(" ", target)
        if not clearly_in(plain, language, languages):
            found = detect_language(plain, languages)
            if found is not None and found[0] != language:
                yield catalog_finding(
                    "TRN008",
                    path,
                    entry,
                    f"The translation reads as {found[0]}, not {language} "
                    f"(confidence {found[1]:.2f})",
                    detected=found[0],
                    confidence=round(found[1], 2),
                )
    if len(source) >= 40:
        ratio = len(target) / len(source)
        low, high = options.length_ratio
        if not low <= ratio <= high:
            yield catalog_finding(
                "TRN009",
                path,
                entry,
                f"The translation is {ratio:.2f} times the length of its source "
                f"(usual: {low:g} to {high:g}); check that nothing is missing or doubled",
                ratio=round(ratio, 2),
            )
