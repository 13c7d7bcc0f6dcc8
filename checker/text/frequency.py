"""How common a word is, on the Zipf scale, from wordfreq's bundled word lists.

Zipf 7 is "the", 3 is a word seen about once per million words.  The lists ship
inside the ``wordfreq`` package, so nothing is downloaded.
"""

from __future__ import annotations

import math
from array import array
from functools import cache
from typing import Any

from checker.table_cache import cached_table, package_stamp
from checker.text.sorted_words import SortedWords

#: Zipf value given to words the list does not know at all.
UNKNOWN_ZIPF = 1.0


class ZipfTable:
    """Zipf frequencies for one language, cached per word form.

    The word list is a :class:`~checker.text.sorted_words.SortedWords` of each word's
    frequency bucket: about 5 MB a language instead of the 50 MB of wordfreq's dict,
    which matters when every worker process of a parallel check holds four languages.
    """

    def __init__(
        self, lang: str, words: SortedWords | None = None, values: list[float] | None = None
    ) -> None:
        self.lang = lang
        self._cache: dict[str, float] = {}
        self._words = words if words is not None else SortedWords(b"", array("I", [0]), array("H"))
        self._values = values or []

    @classmethod
    def build(cls, lang: str) -> ZipfTable:
        """The table of ``lang`` from wordfreq's packed list (empty when it has none)."""
        from wordfreq import available_languages, cB_to_freq, read_cBpack

        lists = available_languages()
        if lang not in lists:
            return cls(lang)
        pack = read_cBpack(lists[lang])
        # wordfreq's own dict keeps a word's last (least frequent) bucket when listed twice
        pairs = [
            (text.encode("utf-8"), index) for index, bucket in enumerate(pack) for text in bucket
        ]
        del pack
        words = SortedWords.build(pairs, "H")
        values = [math.log10(cB_to_freq(-index)) + 9.0 for index in range(max(words.values) + 1)]
        return cls(lang, words, values)

    def encode(self) -> tuple[Any, list[float]]:
        return (self._words.encode(), self._values)

    @classmethod
    def decode(cls, lang: str, stored: Any) -> ZipfTable:
        """A table from :meth:`encode`'s values; ``ValueError`` when they do not fit together."""
        encoded, values = stored
        words = SortedWords.decode(encoded)
        if not isinstance(values, list) or (len(words) > 0 and not values):
            raise ValueError("a damaged frequency table")
        # a bucket past the values (a damaged table) reads as unknown: see __call__;
        # checking every bucket here would cost each start 8 ms
        return cls(lang, words, list(values))

    @property
    def available(self) -> bool:
        return len(self._words) > 0

    def __call__(self, word: str) -> float:
        value = self._cache.get(word)
        if value is None:
            # wordfreq's keys are case-folded: "heißt" is listed as "heisst".
            bucket = self._words.get(word.casefold().replace("\u2019", "'"))
            values = self._values
            value = values[bucket] if bucket is not None and bucket < len(values) else UNKNOWN_ZIPF
            self._cache[word] = value
        return value


@cache
def zipf_table(lang: str) -> ZipfTable:
    """The table of ``lang``, built once and then read from the user's cache folder."""
    return cached_table(
        f"zipf-{lang}",
        package_stamp("wordfreq"),
        lambda: ZipfTable.build(lang),
        ZipfTable.encode,
        lambda stored: ZipfTable.decode(lang, stored),
    )
