"""How far each translation has got: units and source words by state, per article and locale."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from checker.i18n.memory import from_memory
from checker.paths import shown
from checker.text.segment import WORD


@dataclass(frozen=True, slots=True)
class CatalogStats:
    article: str
    locale: str
    path: str
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    translated_words: int
    fuzzy_words: int
    untranslated_words: int
    #: live units filled from the translation memory (reviewed since, or still fuzzy)
    from_memory: int = 0

    @property
    def units(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def words(self) -> int:
        return self.translated_words + self.fuzzy_words + self.untranslated_words

    def percent(self, count: int, of_words: bool = False) -> float:
        total = self.words if of_words else self.units
        return round(100.0 * count / total, 1) if total else 100.0

    @property
    def translated_percent(self) -> float:
        return self.percent(self.translated)

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "locale": self.locale,
            "path": self.path,
            "units": {
                "total": self.units,
                "translated": self.translated,
                "fuzzy": self.fuzzy,
                "untranslated": self.untranslated,
                "obsolete": self.obsolete,
                "from_memory": self.from_memory,
                "translated_percent": self.percent(self.translated),
                "fuzzy_percent": self.percent(self.fuzzy),
                "untranslated_percent": self.percent(self.untranslated),
            },
            "words": {
                "total": self.words,
                "translated": self.translated_words,
                "fuzzy": self.fuzzy_words,
                "untranslated": self.untranslated_words,
                "translated_percent": self.percent(self.translated_words, True),
                "fuzzy_percent": self.percent(self.fuzzy_words, True),
                "untranslated_percent": self.percent(self.untranslated_words, True),
            },
        }


def state(entry: polib.POEntry) -> str:
    """translated, fuzzy or untranslated (a fuzzy entry is not a translation yet)."""
    if "fuzzy" in entry.flags:
        return "fuzzy"
    return "translated" if entry.translated() else "untranslated"


def catalog_stats(
    catalog: polib.POFile, article: str, locale: str, path: Path | str
) -> CatalogStats:
    units = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    words = dict.fromkeys(units, 0)
    obsolete = remembered = 0
    for entry in catalog:
        if entry.obsolete:
            obsolete += 1
            continue
        remembered += from_memory(entry)
        kind = state(entry)
        units[kind] += 1
        words[kind] += len(WORD.findall(entry.msgid))
    return CatalogStats(
        article,
        locale,
        shown(path),
        units["translated"],
        units["fuzzy"],
        units["untranslated"],
        obsolete,
        words["translated"],
        words["fuzzy"],
        words["untranslated"],
        remembered,
    )
