"""Which language a text is written in, detected offline with lingua.

Detection is restricted to the configured languages (a text cannot be reported as
Catalan in a project that publishes English and Spanish), and lingua's models ship
in its wheel, so nothing is downloaded.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from checker.text.segment import WORD

#: Enough text for a confident verdict; longer texts only cost time.
SAMPLE_CHARACTERS = 600
MIN_CONFIDENCE = 0.8
#: Prose in a language has at least this share of its commonest function words.
MIN_FUNCTION_WORD_SHARE = 0.08

#: Very common function words: when the declared language's are clearly the most
#: frequent in the sample, the text is in that language and lingua is not needed.
_FUNCTION_WORDS = {
    "en": "the and of to is are you your it in for with that this be not can on have or if",
    "es": "el la los las de que y en es un una por con para se no su sus lo al del",
    "fr": "le la les de des et est un une du en que qui pour pas vous avec dans sur au",
    "de": "der die das und ist ein eine nicht sie mit zu den von für auf dem sich auch es",
    "it": "il lo la gli le di che e è un una per con non del della sono si al",
    "nl": "de het een en van is dat niet je met voor op te zijn in aan er ook",
}
_FUNCTION_SETS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}


def clearly_in(text: str, lang: str, languages: tuple[str, ...]) -> bool:
    """Whether the declared language's function words clearly dominate ``text``."""
    own = _FUNCTION_SETS.get(lang)
    if own is None:
        return False
    words = [w.lower() for w in WORD.findall(text[:SAMPLE_CHARACTERS])]
    hits = sum(1 for w in words if w in own)
    others = max(
        (
            sum(1 for w in words if w in _FUNCTION_SETS[o])
            for o in languages
            if o != lang and o in _FUNCTION_SETS
        ),
        default=0,
    )
    return hits >= 8 and hits >= 2 * others


def function_word_share(text: str, lang: str) -> float:
    """The share of ``text``'s first words that are the language's commonest function words:
    real prose in any language has plenty (often a fifth); lorem ipsum and lists of names
    have next to none."""
    own = _FUNCTION_SETS.get(lang)
    words = [w.lower() for w in WORD.findall(text[:SAMPLE_CHARACTERS])]
    if own is None or not words:
        return 0.0
    return sum(1 for w in words if w in own) / len(words)


#: Shorter texts are detected in lingua's high accuracy mode (n-grams of every length),
#: longer ones in its low accuracy mode (trigrams only).  On longer texts the two name the
#: same language: on 385 sentences of 120 characters or more and the opening 600
#: characters of 109 pages, from parallel health pages in six languages, not one verdict
#: differed (bench/language_modes.py; the confidence figures can differ a little).
SHORT_TEXT = 120


@cache
def _detector(languages: tuple[str, ...], short: bool) -> tuple[Any, dict[Any, str]] | None:
    """lingua's detector among ``languages``: in its high accuracy mode for ``short`` texts,
    else in its low accuracy mode, which takes 15 MB instead of 180 MB in every process
    that detects (an article's language, A11Y005: 25 words or more)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen: dict[Any, str] = {}
    for code in languages:
        try:
            chosen[Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))] = code
        except (AttributeError, ValueError):
            continue
    if len(chosen) < 2:
        return None
    builder = LanguageDetectorBuilder.from_languages(*chosen)
    return (builder if short else builder.with_low_accuracy_mode()).build(), chosen


def detect_language(text: str, languages: tuple[str, ...]) -> tuple[str, float] | None:
    """``(language code, confidence)`` of ``text`` among ``languages``, or None when unsure."""
    return _detect_sample(text[:SAMPLE_CHARACTERS], tuple(sorted(set(languages))))


@lru_cache(maxsize=256)
def _detect_sample(sample: str, languages: tuple[str, ...]) -> tuple[str, float] | None:
    """Detection of one sample, remembered: loading an undeclared article and A11Y005 ask
    about the same text."""
    found = _detector(languages, len(sample) < SHORT_TEXT)
    if found is None:
        return None
    detector, codes = found
    values = detector.compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0]
    if best.value < MIN_CONFIDENCE:
        return None
    return codes[best.language], float(best.value)
