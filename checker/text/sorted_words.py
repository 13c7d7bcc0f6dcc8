"""A large word list as one sorted byte buffer: loaded in a millisecond, searched by bisection.

A dict of a hundred thousand words takes tens of milliseconds to load from disk
(every key is a new string object) and several MB per process; the word-frequency
and syllable tables are read on every start of the checker and held by every worker
process.  Here the words' UTF-8 bytes sit end to end in sorted order, with their
offsets and values in arrays: three objects to load, whatever the number of words.
Callers keep a dict of the words they have already looked up.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import Any


class SortedWords:
    """Words (UTF-8 bytes) in sorted order, each with a small number."""

    def __init__(self, words: bytes, starts: array[int], values: array[int]) -> None:
        if len(starts) != len(values) + 1 or starts[-1] != len(words):
            raise ValueError("a damaged word table")
        self._words = words
        self._starts = starts
        self.values = values

    @classmethod
    def build(cls, pairs: Iterable[tuple[bytes, int]], typecode: str) -> SortedWords:
        """From (word, value) pairs; a word listed twice keeps its last value."""
        value_of = dict(pairs)
        ordered = sorted(value_of)
        starts = array("I", [0])
        offset = 0
        for word in ordered:
            offset += len(word)
            starts.append(offset)
        return cls(b"".join(ordered), starts, array(typecode, (value_of[w] for w in ordered)))

    def __len__(self) -> int:
        return len(self.values)

    def encode(self) -> tuple[bytes, bytes, str, bytes]:
        """Values ``marshal`` can write (see :func:`checker.table_cache.cached_table`)."""
        return (
            self._words,
            self._starts.tobytes(),
            self.values.typecode,
            self.values.tobytes(),
        )

    @classmethod
    def decode(cls, stored: Any) -> SortedWords:
        """The table :meth:`encode` wrote; ``ValueError`` when it does not fit together."""
        words, starts_bytes, typecode, values_bytes = stored
        if not isinstance(words, bytes):
            raise ValueError("a damaged word table")
        starts, values = array("I"), array(typecode)
        starts.frombytes(starts_bytes)
        values.frombytes(values_bytes)
        return cls(words, starts, values)

    def index(self, key: bytes) -> int | None:
        """The position of ``key`` in the table, or None."""
        words, starts = self._words, self._starts
        low, high = 0, len(self.values)
        while low < high:
            middle = (low + high) // 2
            word = words[starts[middle] : starts[middle + 1]]
            if word < key:
                low = middle + 1
            elif word > key:
                high = middle
            else:
                return middle
        return None

    def get(self, word: str) -> int | None:
        """The value of ``word``, or None."""
        position = self.index(word.encode("utf-8"))
        return self.values[position] if position is not None else None
