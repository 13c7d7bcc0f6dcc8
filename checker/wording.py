"""Counted nouns in messages: "1 sentence", "3 sentences", "1 HTML entity", "2 info"."""

from __future__ import annotations


def count_label(count: int, word: str, plural: str | None = None) -> str:
    """``count`` and ``word``, in the plural unless it is one (``info`` stays as it is)."""
    if count == 1 or word == "info":
        return f"{count} {word}"
    return f"{count} {plural or word + 's'}"
