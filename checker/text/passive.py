"""Passive-voice detection: a form of "to be" (or its equivalent) plus a past participle.

Plain-language guidance asks for active sentences ("Your doctor will give you
the dose", not "The dose will be given").  The patterns are per language; a
language without one reports no passive-voice figure rather than a wrong one.
"""

from __future__ import annotations

import re
from functools import cache

from checker.compiled_patterns import kept

_EN_IRREGULAR = (
    "arisen awoken beaten become begun bent bitten bled blown born borne bought bound broken "
    "brought built burnt burst caught chosen come cut dealt done drawn dreamt driven drunk eaten "
    "fallen fed felt fought found fled flown forbidden forgotten forgiven frozen given gone ground "
    "grown hung heard hidden hit held hurt kept knelt known laid led lent let lain lit lost made "
    "meant met mistaken overcome paid proven put quit read rid ridden rung risen run said seen "
    "sought sold sent set sewn shaken shed shone shot shown shrunk shut sung sunk slept slid "
    "spoken spent spilt split spread stood stolen stuck stung struck sworn swept swum taken "
    "taught torn told "
    "thought thrown understood undergone undertaken woken worn woven wed wept won wound withdrawn "
    "withheld written"
)
_EN_NOT_PARTICIPLES = (
    "bed red need seed speed indeed bleed breed feed greed hundred naked sacred wicked shed "
    "interested tired concerned worried pleased bored excited married aged supposed used able"
)
#: French verbs whose compound past takes "être": their participles after "est" and
#: "sont" are active past tenses, not passives (masculine singular stems).
_FR_ETRE_VERBS = (
    r"all[ée]|(?:re|de|sur|inter|pro|ad|con|par)?venu|(?:re)?parti|(?:re)?arriv[ée]"
    r"|(?:re)?n[ée]|mort|d[ée]c[ée]d[ée]|rest[ée]|(?:re)?tomb[ée]|(?:r)?entr[ée]|(?:res)?sorti"
    r"|(?:re)?mont[ée]|(?:re)?descendu|(?:re)?devenu|retourn[ée]|pass[ée]|(?:ré)?apparu"
    r"|disparu|[ée]clos"
)
#: Forms of "to be" (and "get") that can open a passive, per language, lower case.
_AUXILIARIES: dict[str, str] = {
    "en": "am is are was were be been being isn't aren't wasn't weren't 's 're "
    "get gets got getting",
    # "ha sido", "había sido": "sido" opens the same match.
    "es": "es son fue fueron será serán sería serían sido ser siendo era eran sea sean",
    "fr": "est sont était étaient sera seront serait seraient fut furent être été soit soient",
    "de": "wird werden wurde wurden worden werde wirst würde würden",
    # "viene somministrato", "è stato approvato": "stato" opens the same match
    "it": "viene vengono venne vennero verrà verranno verrebbe verrebbero venga vengano "
    "stato stata stati state",
    "nl": "wordt worden werd werden geworden",
}


def _alternatives(lang: str) -> str:
    return "|".join(_AUXILIARIES[lang].split())


_EN_BE = rf"(?:{_alternatives('en')})"
_EN_ADVERB_WORDS = (
    "not also often usually still then now never always only rarely sometimes already just even"
)
_EN_ADVERB = rf"(?:(?:\w+ly|{'|'.join(_EN_ADVERB_WORDS.split())})\s+)*"

#: Each language's pattern, compiled when an article in that language first needs it.
_SOURCES: dict[str, tuple[str, int]] = {
    "en": (
        rf"\b{_EN_BE}\s+{_EN_ADVERB}(?P<participle>\w{{2,}}ed|{'|'.join(_EN_IRREGULAR.split())})\b",
        int(re.IGNORECASE),
    ),
    "es": (
        rf"\b(?:{_alternatives('es')})\s+(?:\w+mente\s+)?(?P<participle>\w+(?:ado|ada"
        r"|ados|adas|ido|ida|idos|idas)|escrit[oa]s?|hech[oa]s?|dich[oa]s?|puest[oa]s?"
        r"|vist[oa]s?|abiert[oa]s?|cubiert[oa]s?"
        r"|descrit[oa]s?|prescrit[oa]s?|resuelt[oa]s?|devuelt[oa]s?|impres[oa]s?|provist[oa]s?)\b",
        int(re.IGNORECASE),
    ),
    # "se sont améliorés" is a pronominal verb, and the verbs that form their past with
    # "être" ("sont apparus", "est décédée") are active: neither is passive
    "fr": (
        r"(?<!\bse )(?<!\bs')(?<!\bs\u2019)"
        rf"\b(?:{_alternatives('fr')})\s+(?:\w+ment\s+|pas\s+|souvent\s+|toujours\s+|aussi\s+)*"
        rf"(?P<participle>(?!(?:{_FR_ETRE_VERBS})e?s?\b)"
        r"\w+(?:ée?s?|ie?s?|ue?s?|ite?s?|erte?s?))\b",
        int(re.IGNORECASE),
    ),
    "it": (
        rf"\b(?:{_alternatives('it')})\s+(?:\w+mente\s+|già\s+|spesso\s+|sempre\s+|anche\s+)*"
        r"(?P<participle>\w+(?:at[oaie]|ut[oaie]|it[oaie])|fatt[oaie]|pres[oaie]|mess[oaie]"
        r"|scritt[oaie]|pres?critt[oaie]|chies[oaie]|vist[oaie]|rimoss[oaie]|sospes[oaie]"
        r"|discuss[oaie]|espost[oaie]|propost[oaie]|trasmess[oaie]|dimess[oaie])\b",
        int(re.IGNORECASE),
    ),
    # Dutch puts the participle at the end of the clause: "wordt elke week gegeven"
    "nl": (
        rf"\b(?:{_alternatives('nl')})\b"
        r"(?:\s+\S+){0,10}?\s+(?P<participle>(?:op|aan|af|in|uit|toe|voor|na|mee|goed|weg|door|terug|over|vast)?"
        r"ge\w{3,}(?:d|t|en)|\w+(?:eerd))\b",
        int(re.IGNORECASE),
    ),
    "de": (
        rf"\b(?:{_alternatives('de')})\b"
        r"(?:\s+\S+){0,12}?\s+(?P<participle>ge\w{3,}(?:t|en)|\w+(?:iert))\b",
        int(re.IGNORECASE),
    ),
}


@cache
def _pattern(lang: str) -> re.Pattern[str] | None:
    source = _SOURCES.get(lang)
    return kept(*source) if source is not None else None


def supports(lang: str) -> bool:
    return lang in _SOURCES


def is_auxiliary(token: str, lang: str) -> bool:
    """Whether a word can open a passive: sentences without one skip the pattern search."""
    lower = token.lower()
    if lang == "en" and lower.endswith(("'s", "'re")):
        return True
    return lower in _AUXILIARY_SETS.get(lang, ())


def passive_participle(sentence: str, lang: str) -> str | None:
    """The participle of the first passive construction in ``sentence``, if any."""
    pattern = _pattern(lang)
    if pattern is None:
        return None
    for match in pattern.finditer(sentence):
        participle = match.group("participle")
        if lang == "en" and participle.lower() in _EN_NOT_PARTICIPLES_SET:
            continue
        return participle
    return None


_EN_NOT_PARTICIPLES_SET = frozenset(_EN_NOT_PARTICIPLES.split())
_AUXILIARY_SETS = {lang: frozenset(words.split()) for lang, words in _AUXILIARIES.items()}
