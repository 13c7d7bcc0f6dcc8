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
translator wrote is overwritten; a text translated nowhere stays empty.  A catalog is
not its own memory (``update``'s merge has carried its history), but a text it
translates in one context fills the same text in another.  Each catalog is read only
when a lookup needs it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib

from checker.i18n.catalog import CatalogError, msgfmt_accepts, read_catalog
from checker.i18n.merge import cutoff
from checker.languages import same_locale

#: How a filled unit's translator comment starts; ``i18n stats`` counts them.
NOTE = "translation memory: "


@dataclass(frozen=True, slots=True)
class Match:
    text: str
    origin: str  # the catalog or file it comes from, as paths are printed
    score: float  # 100 for an exact match
    source: str  # the source text it translates
    disputed: tuple[str, ...] = ()  # other translations the memory holds for it

    @property
    def exact(self) -> bool:
        return self.score >= 100.0


Targets = dict[str, list[str]]  # translation -> origins, in the order first seen


@dataclass
class _Part:
    """The reviewed translations of one catalog or memory file, read when first needed."""

    origin: str
    load: Callable[[], Iterable[tuple[str, str | None, str]]]  # (source, context, target)
    entries: dict[str, dict[str | None, str]] | None = None

    def get(self) -> dict[str, dict[str | None, str]]:
        if self.entries is None:
            self.entries = {}
            for source, context, target in self.load():
                if source.strip() and target.strip():
                    self.entries.setdefault(source, {}).setdefault(context, target)
        return self.entries


def reviewed(catalog: polib.POFile) -> Iterator[tuple[str, str | None, str]]:
    """``(source, context, translation)`` of a catalog's reviewed, singular entries."""
    for entry in catalog:
        if not entry.obsolete and not entry.msgid_plural and "fuzzy" not in entry.flags:
            yield entry.msgid, entry.msgctxt, entry.msgstr


@dataclass
class TranslationMemory:
    """Reviewed translations of one locale, by source text (and context), from parts read
    only when a lookup needs them."""

    parts: list[_Part] = field(default_factory=list)
    _keys: dict[str, list[str]] = field(default_factory=dict)  # for close matches, by exclude

    def add_part(
        self, origin: str, load: Callable[[], Iterable[tuple[str, str | None, str]]]
    ) -> None:
        self.parts.append(_Part(origin, load))

    def add_catalog(self, catalog: polib.POFile, origin: str) -> None:
        entries = list(reviewed(catalog))
        self.add_part(origin, lambda: entries)

    def _candidates(self, source: str, context: str | None, exclude: str) -> Targets:
        same: Targets = {}
        other: Targets = {}
        for part in self.parts:
            if part.origin == exclude:
                continue
            contexts = part.get().get(source)
            if not contexts:
                continue
            for found_context, target in contexts.items():
                chosen = same if found_context == context else other
                chosen.setdefault(target, []).append(part.origin)
        return same or other

    def exact(self, source: str, context: str | None, exclude: str = "") -> Match | None:
        """The translation of ``source``: in the same context if there is one, the most
        frequent, then the first seen (parts are read in a fixed order)."""
        found = self._candidates(source, context, exclude)
        if not found:
            return None
        counts = Counter({target: len(origins) for target, origins in found.items()})
        target = max(found, key=lambda t: counts[t])  # max keeps the first of equals
        others = tuple(t for t in found if t != target)
        return Match(target, found[target][0], 100.0, source, others)

    def closest(self, source: str, exclude: str = "") -> Match | None:
        """The translation of the most similar source text, when it is similar enough."""
        from rapidfuzz import fuzz, process, utils

        keys = self._keys.get(exclude)
        if keys is None:
            keys = sorted({k for p in self.parts if p.origin != exclude for k in p.get()})
            self._keys[exclude] = keys
        if not keys:
            return None
        found = process.extractOne(
            source,
            keys,
            scorer=fuzz.ratio,
            processor=utils.default_process,
            score_cutoff=cutoff(len(source)),
        )
        if found is None:
            return None
        match = self.exact(found[0], None, exclude)
        assert match is not None
        # the scorer ignores case and punctuation: only the very text is an exact match
        score = min(round(float(found[1]), 1), 99.9) if found[0] != source else 100.0
        return Match(match.text, match.origin, score, found[0], match.disputed)


def fill(
    catalog: polib.POFile,
    memory: TranslationMemory,
    *,
    review: bool,
    close: bool,
    origin: str = "",
) -> int:
    """Fill ``catalog``'s untranslated units from ``memory``; the number filled.

    ``origin`` is the catalog's own name in the memory: it is not its own memory (``i18n
    update``'s merge has already carried its history), except that a text it translates
    in one context fills the same text in another ("Methotrexate" the heading and the
    alt text)."""
    own = TranslationMemory()
    own.add_catalog(catalog, origin or "this catalog")
    filled = 0
    for entry in catalog:
        if entry.obsolete or entry.msgid_plural or entry.msgstr.strip():
            continue
        match = memory.exact(entry.msgid, entry.msgctxt, origin) or own.exact(
            entry.msgid, entry.msgctxt
        )
        if match is None and close:
            match = memory.closest(entry.msgid, origin)
        if match is None or not msgfmt_accepts(entry.msgid, match.text):
            continue  # a line break msgfmt -c would refuse: left for the translator
        entry.msgstr = match.text
        kind = "exact match" if match.exact else f"{match.score:g}% match"
        note = f"{NOTE}{kind} from {match.origin}"
        if match.disputed:
            others = "; ".join(match.disputed[:3])
            note += f" (other catalogs say: {others})"
        lines = [line for line in (entry.tcomment or "").splitlines() if not line.startswith(NOTE)]
        entry.tcomment = "\n".join([*lines, note])  # one note: a refilled unit is not noted twice
        if not match.exact:
            entry.previous_msgid = match.source
        # a close match, or translations that disagree, always need a reviewer
        if (review or not match.exact or match.disputed) and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        filled += 1
    return filled


def from_memory(entry: polib.POEntry) -> bool:
    """Whether a unit was filled from the translation memory."""
    return any(line.startswith(NOTE) for line in (entry.tcomment or "").splitlines())


class MemoryFileError(ValueError):
    """A memory file that cannot be read, with its path (as printed) and why."""

    def __init__(self, shown: str, message: str) -> None:
        super().__init__(f"{shown}: {message}")
        self.shown, self.message = shown, message


def build_memory(
    catalogs: Iterable[tuple[Path, str]],
    locale: str,
    source_language: str,
    files: Iterable[tuple[Path, str]] = (),
) -> TranslationMemory:
    """The memory of ``locale``: its catalogs ``(path, shown)`` in order, then the project's
    memory files (compendiums ``.po`` of that locale, ``.tmx`` with both languages)."""
    memory = TranslationMemory()
    for path, shown in catalogs:
        memory.add_part(shown, _catalog_loader(path))
    for path, shown in files:
        if path.suffix.lower() == ".tmx":
            memory.add_part(shown, _tmx_loader(path, shown, locale, source_language))
            continue
        try:
            compendium = read_catalog(path)
        except CatalogError as exc:
            raise MemoryFileError(shown, exc.message) from None
        language = compendium.metadata.get("Language", "")
        if language and not same_locale(language, locale):
            continue  # a compendium of another language
        memory.add_catalog(compendium, shown)
    return memory


def _catalog_loader(path: Path) -> Callable[[], Iterable[tuple[str, str | None, str]]]:
    def load() -> Iterable[tuple[str, str | None, str]]:
        try:
            return list(reviewed(read_catalog(path)))
        except CatalogError:
            return []  # an unreadable catalog is reported by check; it offers nothing

    return load


def language_pair(unit: Any, source_language: str, locale: str) -> tuple[str, str]:
    """A TMX or TBX unit's texts (translate-toolkit's LISA unit) in the source language and
    the locale, each empty when the unit has none in that language."""
    texts = [
        (node.get(_XML_LANG) or node.get("lang") or "", unit.getNodeText(node) or "")
        for node in unit.getlanguageNodes()
    ]
    source = next((t for tag, t in texts if same_locale(tag, source_language)), "")
    target = next((t for tag, t in texts if same_locale(tag, locale)), "")
    return source, target


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tmx_loader(
    path: Path, shown: str, locale: str, source_language: str
) -> Callable[[], Iterable[tuple[str, str | None, str]]]:
    """The TMX file's segments in the source language and the locale; read now, so that
    a broken file is reported before any catalog is written."""
    from translate.storage.tmx import tmxfile

    try:
        store = tmxfile.parsefile(str(path))
    except Exception as exc:  # lxml and translate-toolkit raise many kinds
        raise MemoryFileError(shown, f"not a readable TMX file: {exc}") from None
    pairs: list[tuple[str, str | None, str]] = []
    for unit in store.units:
        source, target = language_pair(unit, source_language, locale)
        pairs.append((source, None, target))
    return lambda: pairs
