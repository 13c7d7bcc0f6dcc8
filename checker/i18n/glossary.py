"""A project's glossary: the approved translation of each medical term, per locale.

``locales/glossary/<locale>.csv`` (``glossary-dir`` in ``[tool.checker.i18n]``) has a
header row ``source,target`` and optional ``note`` and ``status`` columns; one row per
approved translation (a term may have several rows), and ``status = forbidden`` for a
translation that must not be used.  ``<locale>.tbx`` (TermBase eXchange, read with
translate-toolkit) is accepted instead: every term pair it holds is approved.

Terms match whatever their inflection: words are compared by their Snowball stems
(``brote``/``brotes``, ``Schub``/``Schübe``, ``flare``/``flares``), in the source's
language on the source side and the locale's on the translation side, so a glossary
lists each term once; an elided article is a word apart (``d'anticorps``), and in
German and Dutch a translation may use the term inside a compound
(``Infektionsrisiko``).  TRN013 reports a unit whose source uses a term while its
translation uses none of the approved translations, or uses a forbidden one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from checker import languages
from checker.compiled_patterns import kept
from checker.text.segment import WORD

#: Snowball's name of each language the checker knows.
_SNOWBALL = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "nl": "dutch",
}


_ELISION = kept("['\u2019]")


class GlossaryError(ValueError):
    """A glossary that cannot be read, with its file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass(frozen=True, slots=True)
class Term:
    """A source term and its approved and forbidden translations."""

    source: str
    approved: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Glossary:
    path: str  # as printed
    source_language: str
    locale: str
    terms: tuple[Term, ...]
    _source_stems: tuple[tuple[str, ...], ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        stems = tuple(stems_of(t.source, self.source_language) for t in self.terms)
        object.__setattr__(self, "_source_stems", stems)

    def terms_in(self, source: str) -> list[Term]:
        """The terms ``source`` uses, in glossary order."""
        words = stems_of(source, self.source_language)
        return [t for t, s in zip(self.terms, self._source_stems, strict=True) if _has(words, s)]

    def uses(self, translation: str, forms: tuple[str, ...]) -> str | None:
        """The first of ``forms`` that ``translation`` uses (any inflection; in German and
        Dutch also inside a compound: "Infektionsrisiko" uses "Infektion"), else None."""
        words = stems_of(translation, self.locale)
        compounds = languages.normalise(self.locale) in _COMPOUNDING
        return next((f for f in forms if _has(words, stems_of(f, self.locale), compounds)), None)


#: Languages that write compounds as one word.
_COMPOUNDING = frozenset({"de", "nl"})
#: A term found inside a compound must be at least this long ("Ei" is in too many words).
_MIN_COMPOUND_PART = 4


def forbidden_in(glossary: Glossary, translation: str, term: Term) -> str | None:
    """The forbidden translation of ``term`` that ``translation`` uses, unless it is only a
    part of an approved one it uses ("crisis" in "crisis epiléptica")."""
    banned = glossary.uses(translation, term.forbidden)
    if banned is None:
        return None
    inside = stems_of(banned, glossary.locale)
    for approved in term.approved:
        whole = stems_of(approved, glossary.locale)
        if (
            len(whole) > len(inside)
            and _has(whole, inside)
            and glossary.uses(translation, (approved,))
        ):
            return None
    return banned


def _has(words: tuple[str, ...], term: tuple[str, ...], compounds: bool = False) -> bool:
    if not term or len(term) > len(words):
        return False
    if compounds and len(term) == 1 and len(term[0]) >= _MIN_COMPOUND_PART:
        part = term[0]
        return any(w.startswith(part) or w.endswith(part) for w in words)
    first = term[0]
    return any(
        words[i] == first and words[i : i + len(term)] == term
        for i in range(len(words) - len(term) + 1)
    )


@cache
def _stemmer(lang: str):  # type: ignore[no-untyped-def]
    import snowballstemmer

    name = _SNOWBALL.get(languages.normalise(lang))
    return snowballstemmer.stemmer(name) if name else None


def stems_of(text: str, lang: str) -> tuple[str, ...]:
    """The text's words, lower-cased and stemmed in ``lang`` (lower-cased only in a language
    Snowball does not know)."""
    # "d'anticorps", "l’infezione": the elided article is a word of its own
    words = [part.lower() for w in WORD.findall(text) for part in _ELISION.split(w) if part]
    stemmer = _stemmer(lang)
    return tuple(stemmer.stemWords(words) if stemmer is not None else words)


def glossary_file(folder: Path, locale: str) -> Path | None:
    """The locale's glossary: ``es_ES.csv`` or ``es-ES.csv`` for ``es_ES``, else the
    language's own (``es.csv``)."""
    names = dict.fromkeys(
        (locale, locale.replace("_", "-"), locale.replace("-", "_"), languages.normalise(locale))
    )
    for name in names:
        for suffix in (".csv", ".tbx"):
            path = folder / f"{name}{suffix}"
            if name and path.is_file():
                return path
    return None


def read_glossary(path: Path, shown: str, source_language: str, locale: str) -> Glossary:
    """Read a glossary file; raises :class:`GlossaryError` naming the file and line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GlossaryError(shown, None, f"cannot read: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".tbx":
        rows = list(_tbx_rows(raw, shown, source_language, locale))
    else:
        rows = list(_csv_rows(raw, shown))
    by_source: dict[str, dict[str, list[str]]] = {}
    notes: dict[str, str] = {}
    for source, target, note, status in rows:
        kinds = by_source.setdefault(source, {"approved": [], "forbidden": []})
        kinds[status].append(target)
        if note and source not in notes:
            notes[source] = note
    if not by_source:
        raise GlossaryError(
            shown, None, f"no term pairs in {source_language} and {locale}: nothing to check"
        )
    terms = tuple(
        Term(source, tuple(k["approved"]), tuple(k["forbidden"]), notes.get(source, ""))
        for source, k in by_source.items()
    )
    return Glossary(shown, source_language, locale, terms)


def _csv_rows(raw: bytes, shown: str) -> Iterator[tuple[str, str, str, str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GlossaryError(shown, None, f"not UTF-8: {exc.reason}") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in next(reader, [])]
    if "source" not in header or "target" not in header:
        raise GlossaryError(shown, 1, "the header must name the columns source and target")
    columns = {
        name: header.index(name)
        for name in ("source", "target", "note", "status")
        if name in header
    }
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: row[i].strip() if i < len(row) else "" for name, i in columns.items()}
        if not cells["source"] or not cells["target"]:
            raise GlossaryError(shown, line, "a row needs both a source and a target")
        status = (cells.get("status") or "approved").lower()
        if status not in ("approved", "forbidden"):
            raise GlossaryError(
                shown, line, f"status must be approved or forbidden, not {status!r}"
            )
        yield cells["source"], cells["target"], cells.get("note", ""), status


def _tbx_rows(
    raw: bytes, shown: str, source_language: str, locale: str
) -> Iterator[tuple[str, str, str, str]]:
    """The term pairs of a TermBase eXchange file in the source language and the locale
    (a termbase may hold many languages)."""
    from translate.storage.tbx import tbxfile

    from checker.i18n.memory import language_pair

    try:
        store = tbxfile.parsestring(raw)
    except Exception as exc:  # lxml and translate-toolkit raise many kinds
        raise GlossaryError(shown, None, f"not a readable TBX file: {exc}") from None
    for unit in store.units:
        source, target = language_pair(unit, source_language, locale)
        if source.strip() and target.strip():
            yield source.strip(), target.strip(), "", "approved"
