"""How common a word is, on the Zipf scale, from wordfreq's bundled word lists.

Zipf 7 is "the", 3 is a word seen about once per million words.  The lists ship
inside the ``wordfreq`` package, so nothing is downloaded.
"""

from __future__ import annotations

import math
from functools import cache

#: Zipf value given to words the list does not know at all.
UNKNOWN_ZIPF = 1.0


class ZipfTable:
    """Zipf frequencies for one language, cached per word form."""

    def __init__(self, lang: str) -> None:
        from wordfreq import available_languages, get_frequency_dict

        self.lang = lang
        self._freqs: dict[str, float] = (
            get_frequency_dict(lang) if lang in available_languages() else {}
        )
        self._cache: dict[str, float] = {}

    @property
    def available(self) -> bool:
        return bool(self._freqs)

    def __call__(self, word: str) -> float:
        value = self._cache.get(word)
        if value is None:
            # wordfreq's keys are case-folded: "heißt" is listed as "heisst".
            freq = self._freqs.get(word.casefold().replace("\u2019", "'"), 0.0)
            value = math.log10(freq) + 9.0 if freq > 0 else UNKNOWN_ZIPF
            self._cache[word] = value
        return value


@cache
def zipf_table(lang: str) -> ZipfTable:
    return ZipfTable(lang)
