"""How common a word is, on the Zipf scale, from wordfreq's bundled word lists.

Zipf 7 is "the", 3 is a word seen about once per million words.  The lists ship
inside the ``wordfreq`` package, so nothing is downloaded.
"""

from __future__ import annotations

import math
from array import array
from functools import cache

#: Zipf value given to words the list does not know at all.
UNKNOWN_ZIPF = 1.0


class ZipfTable:
    """Zipf frequencies for one language, cached per word form.

    The word list is kept compact: every word's UTF-8 bytes in one sorted buffer,
    with the offsets and frequency bucket of each word in arrays, searched by
    bisection.  About 5 MB a language instead of the 50 MB of wordfreq's dict, which
    matters when every worker process of a parallel check holds four languages.
    """

    def __init__(self, lang: str) -> None:
        from wordfreq import available_languages, cB_to_freq, read_cBpack

        self.lang = lang
        self._cache: dict[str, float] = {}
        self._words = b""
        self._starts = array("I", [0])  # word i is _words[_starts[i]:_starts[i + 1]]
        self._buckets = array("H")
        self._values: list[float] = []
        lists = available_languages()
        if lang not in lists:
            return
        pack = read_cBpack(lists[lang])
        # wordfreq's own dict keeps a word's last (least frequent) bucket when listed twice
        bucket_of: dict[bytes, int] = {}
        for index, bucket in enumerate(pack):
            for text in bucket:
                bucket_of[text.encode("utf-8")] = index
        del pack
        ordered = sorted(bucket_of)
        self._words = b"".join(ordered)
        offset = 0
        for encoded in ordered:
            offset += len(encoded)
            self._starts.append(offset)
        self._buckets = array("H", (bucket_of[encoded] for encoded in ordered))
        self._values = [
            math.log10(cB_to_freq(-index)) + 9.0 for index in range(max(bucket_of.values()) + 1)
        ]

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
    return ZipfTable(lang)
