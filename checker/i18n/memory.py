"""A project-wide translation memory: what is translated in one catalog fills the others.

As ``msgmerge --compendium`` does, every reviewed translation (translated, not fuzzy) in
a locale's catalogs, and in the compendiums and TMX files the project names
(``[tool.checker.i18n] memory``), is offered to the units of that locale's catalogs that
have no translation yet.  ``i18n init`` and ``i18n update`` fill them:

- exact matches (the same source text; the same context first) always; with
  ``memory-fuzzy`` also close matches (the cut-off ``i18n update`` uses for its own fuzzy
  matches), which keep the source they were translated from as ``#| msgid``;
- a filled unit says where it came from in a translator comment
  (``# translation memory: exact match from locales/es/LC_MESSAGES/flare.po``);
- and is marked fuzzy for review unless ``memory-review = false`` (a close match always
  is).  For health content the default is review: the same sentence can need another
  translation in another article (a dose for children, not adults; a drug's local name),
  and ``i18n compile`` and ``i18n build`` leave fuzzy units out, so nothing filled
  reaches readers unread.

A unit is never filled when it has a translation or a plural form, so nothing a
translator wrote is overwritten; a text translated nowhere stays empty.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polib

from checker import languages
from checker.i18n.merge import cutoff

#: How a filled unit's translator comment starts; ``i18n stats`` counts them.
NOTE = "translation memory: "


@dataclass(frozen=True, slots=True)
class Match:
    text: str
    origin: str  # the catalog or file it comes from, as paths are printed
    score: float  # 100 for an exact match
    source: str  # the source text it translates

    @property
    def exact(self) -> bool:
        return self.score >= 100.0


@dataclass
class TranslationMemory:
    """Reviewed translations of one locale, by source text (and context)."""

    # source -> context -> translation -> origins, in the order first seen
    entries: dict[str, dict[str | None, dict[str, list[str]]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, source: str, context: str | None, target: str, origin: str) -> None:
        if not source.strip() or not target.strip():
            return
        found = self.entries.setdefault(source, {}).setdefault(context, {})
        found.setdefault(target, []).append(origin)

    def add_catalog(self, catalog: polib.POFile, origin: str) -> None:
        for entry in catalog:
            if entry.obsolete or entry.msgid_plural or "fuzzy" in entry.flags:
                continue
            self.add(entry.msgid, entry.msgctxt, entry.msgstr, origin)

    def exact(self, source: str, context: str | None) -> Match | None:
        """The translation of ``source``: in the same context if there is one, the most
        frequent, then the first seen (the catalogs are read in a fixed order)."""
        contexts = self.entries.get(source)
        if not contexts:
            return None
        chosen = contexts.get(context)
        if chosen is None:
            merged: dict[str, list[str]] = {}
            for found in contexts.values():
                for target, origins in found.items():
                    merged.setdefault(target, []).extend(origins)
            chosen = merged
        counts = Counter({target: len(origins) for target, origins in chosen.items()})
        target = max(chosen, key=lambda t: counts[t])  # max keeps the first of equals
        return Match(target, chosen[target][0], 100.0, source)

    def closest(self, source: str) -> Match | None:
        """The translation of the most similar source text, when it is similar enough."""
        from rapidfuzz import fuzz, process, utils

        if not self.entries:
            return None
        found = process.extractOne(
            source,
            list(self.entries),
            scorer=fuzz.ratio,
            processor=utils.default_process,
            score_cutoff=cutoff(len(source)),
        )
        if found is None:
            return None
        match = self.exact(found[0], None)
        assert match is not None
        return Match(match.text, match.origin, round(float(found[1]), 1), found[0])


def fill(catalog: polib.POFile, memory: TranslationMemory, *, review: bool, close: bool) -> int:
    """Fill ``catalog``'s untranslated units from ``memory``; the number filled."""
    filled = 0
    for entry in catalog:
        if entry.obsolete or entry.msgid_plural or entry.msgstr.strip():
            continue
        match = memory.exact(entry.msgid, entry.msgctxt)
        if match is None and close:
            match = memory.closest(entry.msgid)
        if match is None:
            continue
        entry.msgstr = match.text
        kind = "exact match" if match.exact else f"{match.score:g}% match"
        note = f"{NOTE}{kind} from {match.origin}"
        entry.tcomment = f"{entry.tcomment}\n{note}" if entry.tcomment else note
        if not match.exact:
            entry.previous_msgid = match.source
        if (review or not match.exact) and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        filled += 1
    return filled


def from_memory(entry: polib.POEntry) -> bool:
    """Whether a unit was filled from the translation memory."""
    return any(line.startswith(NOTE) for line in (entry.tcomment or "").splitlines())


class MemoryFileError(ValueError):
    """A memory file that cannot be read, with its path."""


def build_memory(
    catalogs: Iterable[tuple[Path, str]],
    locale: str,
    source_language: str,
    files: Iterable[tuple[Path, str]] = (),
) -> TranslationMemory:
    """The memory of ``locale``: its catalogs ``(path, shown)`` in order, then the project's
    memory files (compendiums ``.po`` of that locale, ``.tmx`` with both languages)."""
    from checker.i18n.catalog import CatalogError, read_catalog

    memory = TranslationMemory()
    for path, shown in catalogs:
        try:
            memory.add_catalog(read_catalog(path), shown)
        except CatalogError:
            continue  # an unreadable catalog is reported by check; it offers nothing
    for path, shown in files:
        if path.suffix.lower() == ".tmx":
            _add_tmx(memory, path, shown, locale, source_language)
            continue
        try:
            compendium = read_catalog(path)
        except CatalogError as exc:
            raise MemoryFileError(f"{shown}: {exc.message}") from None
        language = compendium.metadata.get("Language", "")
        if language and not same_locale(language, locale):
            continue  # a compendium of another language
        memory.add_catalog(compendium, shown)
    return memory


def same_locale(tag: str, locale: str) -> bool:
    """``es-ES`` is ``es``; ``pt-PT`` is not ``pt-BR``."""
    left, right = tag.replace("_", "-").lower(), locale.replace("_", "-").lower()
    if languages.normalise(left) != languages.normalise(right):
        return False
    return "-" not in left or "-" not in right or left.split("-")[1] == right.split("-")[1]


def _add_tmx(
    memory: TranslationMemory, path: Path, shown: str, locale: str, source_language: str
) -> None:
    from translate.storage.tmx import tmxfile

    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    try:
        store = tmxfile.parsefile(str(path))
    except Exception as exc:  # lxml and translate-toolkit raise many kinds
        raise MemoryFileError(f"{shown}: not a readable TMX file: {exc}") from None
    for unit in store.units:
        texts: dict[str, str] = {}
        for node in unit.getlanguageNodes():
            tag = node.get(xml_lang) or node.get("lang") or ""
            texts[tag] = unit.getNodeText(node) or ""
        source = next((t for tag, t in texts.items() if same_locale(tag, source_language)), "")
        target = next((t for tag, t in texts.items() if same_locale(tag, locale)), "")
        memory.add(source, None, target, shown)
