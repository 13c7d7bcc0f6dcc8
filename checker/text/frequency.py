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

#: Zipf value given to words the list does not know at all.
UNKNOWN_ZIPF = 1.0


class ZipfTable:
    """Zipf frequencies for one language, cached per word form.

    The word list is kept compact: every word's UTF-8 bytes in one sorted buffer,
    with the offsets and frequency bucket of each word in arrays, searched by
    bisection.  About 5 MB a language instead of the 50 MB of wordfreq's dict, which
    matters when every worker process of a parallel check holds four languages.
    """

    def __init__(
        self,
        lang: str,
        words: bytes = b"",
        starts: array[int] | None = None,
        buckets: array[int] | None = None,
        values: list[float] | None = None,
    ) -> None:
        self.lang = lang
        self._cache: dict[str, float] = {}
        self._words = words
        self._starts = starts if starts is not None else array("I", [0])
        self._buckets = buckets if buckets is not None else array("H")
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
        bucket_of: dict[bytes, int] = {}
        for index, bucket in enumerate(pack):
            for text in bucket:
                bucket_of[text.encode("utf-8")] = index
        del pack
        ordered = sorted(bucket_of)
        starts = array("I", [0])
        offset = 0
        for encoded in ordered:
            offset += len(encoded)
            starts.append(offset)
        values = [
            math.log10(cB_to_freq(-index)) + 9.0 for index in range(max(bucket_of.values()) + 1)
        ]
        buckets = array("H", (bucket_of[encoded] for encoded in ordered))
        return cls(lang, b"".join(ordered), starts, buckets, values)

    def encode(self) -> tuple[bytes, bytes, bytes, list[float]]:
        return (self._words, self._starts.tobytes(), self._buckets.tobytes(), self._values)

    @classmethod
    def decode(cls, lang: str, stored: Any) -> ZipfTable:
        """A table from :meth:`encode`'s values; ``ValueError`` when they do not fit together."""
        words, starts_bytes, buckets_bytes, values = stored
        starts, buckets = array("I"), array("H")
        starts.frombytes(starts_bytes)
        buckets.frombytes(buckets_bytes)
        if (
            not isinstance(words, bytes)
            or len(starts) != len(buckets) + 1
            or starts[-1] != len(words)
            or (buckets and max(buckets) >= len(values))
        ):
            raise ValueError("a damaged frequency table")
        return cls(lang, words, starts, buckets, list(values))

    @property
    def available(self) -> bool:
        return bool(self._buckets)

    def _frequency_of(self, key: bytes) -> float:
        words, starts = self._words, self._starts
        low, high = 0, len(self._buckets)
        while low < high:
            middle = (low + high) // 2
            word = words[starts[middle] : starts[middle + 1]]
            if word < key:
                low = middle + 1
            elif word > key:
                high = middle
            else:
                return self._values[self._buckets[middle]]
        return UNKNOWN_ZIPF

    def __call__(self, word: str) -> float:
        value = self._cache.get(word)
        if value is None:
            # wordfreq's keys are case-folded: "heißt" is listed as "heisst".
            key = word.casefold().replace("\u2019", "'").encode("utf-8")
            value = self._frequency_of(key)
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
