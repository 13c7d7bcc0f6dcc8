"""Bring a translated catalog in step with a new template, losing no translation.

What ``msgmerge --previous`` does, fast enough for tens of thousands of units:
exact matches keep their translation; a changed unit gets the translation of the
old unit it most resembles, marked fuzzy with the old text as its previous msgid
(``#|``); new units start untranslated; units no longer in the template are kept
as obsolete (``#~``) when they carry a translation, and come back to life if their
text returns.  Resemblance is rapidfuzz's ``ratio`` over the units left unmatched,
with a cut-off that is stricter for short texts, where a word or two of difference
changes the meaning ("Take with food" is not "Take without food").
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import polib
from rapidfuzz import fuzz, process

Key = tuple[str | None, str]


@dataclass(frozen=True, slots=True)
class MergeReport:
    kept: int  # exact matches (and revived obsolete units)
    fuzzy: int  # changed units given an old translation to review
    new: int  # untranslated new units
    obsolete: int  # entries kept as obsolete, old and new
    revived: int  # obsolete units whose text came back


def cutoff(length: int) -> float:
    """The least ``ratio`` (0-100) for a fuzzy match of a text of ``length`` characters."""
    return max(60.0, 92.0 - length * 0.55)


def _key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt, entry.msgid)


def _translated(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def _from_template(template_entry: polib.POEntry, old: polib.POEntry | None) -> polib.POEntry:
    """A catalog entry for ``template_entry``, carrying over what ``old`` had."""
    entry = polib.POEntry(
        msgid=template_entry.msgid,
        msgctxt=template_entry.msgctxt,
        occurrences=list(template_entry.occurrences),
        comment=template_entry.comment,
    )
    if old is not None:
        entry.msgstr = old.msgstr
        entry.msgstr_plural = dict(old.msgstr_plural)
        entry.tcomment = old.tcomment
        entry.flags = list(old.flags)
        entry.previous_msgid = old.previous_msgid
        entry.previous_msgctxt = old.previous_msgctxt
    return entry


#: Texts of at least this many words are compared only with old texts that share a
#: word pair with them (an edit of a few words leaves most pairs in place); shorter
#: ones are compared with every old text.
_INDEXED_WORDS = 6
#: How many of the old texts sharing the most word pairs are scored for each new text.
_SHORTLIST = 8


def _word_pairs(text: str) -> set[tuple[str, str]]:
    words = text.lower().split()
    return set(pairwise(words))


def _scored_pairs(wanted: list[str], old: list[str]) -> list[tuple[float, int, int]]:
    """``(score, wanted index, old index)`` above the cut-off, best first.

    Scoring every new text against every old one is quadratic (20,000-unit catalogs
    take minutes in msgmerge); a word-pair index keeps the scoring to a shortlist.
    """
    index: dict[tuple[str, str], list[int]] = {}
    for column, text in enumerate(old):
        for pair in _word_pairs(text):
            index.setdefault(pair, []).append(column)
    short_columns = [c for c, text in enumerate(old) if len(text.split()) < _INDEXED_WORDS + 2]
    pairs: list[tuple[float, int, int]] = []
    for row, text in enumerate(wanted):
        if len(text.split()) >= _INDEXED_WORDS:
            shared: dict[int, int] = {}
            for pair in _word_pairs(text):
                for column in index.get(pair, ()):
                    shared[column] = shared.get(column, 0) + 1
            columns = sorted(shared, key=lambda c: (-shared[c], c))[:_SHORTLIST]
        else:
            columns = short_columns
        if not columns:
            continue
        least = cutoff(len(text))
        for _choice, score, position in process.extract(
            text, [old[c] for c in columns], scorer=fuzz.ratio, score_cutoff=least, limit=None
        ):
            pairs.append((float(score), row, columns[position]))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def merge(catalog: polib.POFile, template: polib.POFile) -> tuple[polib.POFile, MergeReport]:
    """A new catalog: ``catalog``'s header and translations laid over ``template``'s units."""
    active = {_key(e): e for e in catalog if not e.obsolete}
    obsolete = {_key(e): e for e in catalog.obsolete_entries()}
    template_entries = list(template)
    merged: list[polib.POEntry | None] = []
    used: set[Key] = set()
    revived = 0
    for template_entry in template_entries:
        entry, revives = _exact(template_entry, active, obsolete)
        merged.append(entry)
        if entry is not None:
            used.add(_key(template_entry))
            revived += revives
    kept = len(used)
    candidates = [
        e for e in (*active.values(), *obsolete.values()) if _key(e) not in used and _translated(e)
    ]
    fuzzy = _match_fuzzily(merged, template_entries, candidates, used)
    result = polib.POFile(wrapwidth=catalog.wrapwidth)
    result.header = catalog.header
    result.metadata = dict(catalog.metadata)
    if "POT-Creation-Date" in template.metadata:
        result.metadata["POT-Creation-Date"] = template.metadata["POT-Creation-Date"]
    new = 0
    for position, maybe in enumerate(merged):
        if maybe is None:
            maybe = _from_template(template_entries[position], None)
            new += 1
        result.append(maybe)
    kept_obsolete = _keep_obsolete(result, (*active.values(), *obsolete.values()), used)
    return result, MergeReport(kept, fuzzy, new, kept_obsolete, revived)


def _exact(
    template_entry: polib.POEntry,
    active: dict[Key, polib.POEntry],
    obsolete: dict[Key, polib.POEntry],
) -> tuple[polib.POEntry | None, int]:
    """The unit with the translation of the same source text (live, or a translated
    obsolete one brought back: then 1), or None."""
    key = _key(template_entry)
    if key in active:
        return _from_template(template_entry, active[key]), 0
    if key in obsolete and _translated(obsolete[key]):
        entry = _from_template(template_entry, obsolete[key])
        entry.obsolete = False
        return entry, 1
    return None, 0


def _match_fuzzily(
    merged: list[polib.POEntry | None],
    template_entries: list[polib.POEntry],
    candidates: list[polib.POEntry],
    used: set[Key],
) -> int:
    """Fill units still without an entry from the closest unused translations (each used
    once, best score first), marked fuzzy with the old source kept; how many were filled."""
    pending = [i for i, entry in enumerate(merged) if entry is None]
    if not pending or not candidates:
        return 0
    wanted = [template_entries[i].msgid for i in pending]
    taken_rows: set[int] = set()
    taken_columns: set[int] = set()
    for _score, row, column in _scored_pairs(wanted, [e.msgid for e in candidates]):
        if row in taken_rows or column in taken_columns:
            continue
        taken_rows.add(row)
        taken_columns.add(column)
        old = candidates[column]
        merged[pending[row]] = _fuzzy_from(template_entries[pending[row]], old)
        used.add(_key(old))
    return len(taken_rows)


def _fuzzy_from(template_entry: polib.POEntry, old: polib.POEntry) -> polib.POEntry:
    entry = _from_template(template_entry, old)
    was_fuzzy = "fuzzy" in old.flags and old.previous_msgid is not None
    entry.previous_msgid = old.previous_msgid if was_fuzzy else old.msgid
    entry.previous_msgctxt = old.previous_msgctxt if was_fuzzy else old.msgctxt
    if "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    return entry


def _keep_obsolete(
    result: polib.POFile, old_entries: tuple[polib.POEntry, ...], used: set[Key]
) -> int:
    """Append the translations no unit uses any more as obsolete entries (never dropped)."""
    live = {_key(e) for e in result}
    kept = 0
    for old in old_entries:
        key = _key(old)
        if key in used or key in live or not _translated(old):
            continue
        old.obsolete = True
        old.occurrences = []
        result.append(old)
        live.add(key)
        kept += 1
    return kept
