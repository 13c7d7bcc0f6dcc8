"""The cue prefilter: it may skip work, never change a match."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from checker.claims.cues import cues_for
from checker.claims.prefilter import (
    EVERYWHERE,
    StartIndex,
    prefixes,
    required_literals,
    split_alternatives,
)

FIXTURES = Path(__file__).parent / "fixtures"


def test_split_alternatives_only_at_the_top_level() -> None:
    assert split_alternatives(r"a|b(c|d)|[|x]|e\|f") == ["a", "b(c|d)", "[|x]", r"e\|f"]
    assert split_alternatives("single") == ["single"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("cures?", {"cur"}),
        ("no", {"no"}),
        ("(?:raise|lower)s? (?:the )?risk", {"rai", "low"}),
        ("hal(?:f|ves)", {"hal"}),
        (r"\d+ ?%", {str(d) for d in range(10)}),
        ("(?:a |an )?cure", {"a c", "an ", "cur"}),
    ],
)
def test_prefixes_are_what_every_match_begins_with(pattern: str, expected: set[str]) -> None:
    found = prefixes(pattern)
    assert found is not None
    assert set(found) == expected
    for text in ("cure", "no", "raises the risk", "halves", "5 %", "a cure", "an hour"):
        match = re.match(pattern, text)
        if match is not None and match.group(0):
            assert any(text.startswith(chars) for chars in found), (pattern, text)


@pytest.mark.parametrize("pattern", [r"\w*risiko", r".?cure", r"\s+cure", "(?:x)?"])
def test_prefixes_of_an_open_start_are_unknown(pattern: str) -> None:
    assert prefixes(pattern) is None


def test_required_literals() -> None:
    assert required_literals(r"\w*risiko") == {"risiko"}
    assert required_literals(r"\w+n['’]t") == {"n't", "n’t"}
    assert required_literals(r"[a-z]{3,}(?:mab|pril)") == {"mab", "pril"}
    assert required_literals(r"\w+") is None


def test_the_plan_names_only_offsets_a_section_can_match_at() -> None:
    index = StartIndex({"risk": ["raises? the risk"], "stem": [r"\w*risiko"], "open": [r".x"]})
    plan = index.plan("smoking raises the risk")
    assert plan["risk"] == (8,)
    assert "stem" not in plan  # the literal it needs is not there
    assert plan["open"] is EVERYWHERE
    assert index.plan("das krebsrisiko steigt")["stem"] is EVERYWHERE


def _sentences() -> list[str]:
    texts = []
    for name in ("article.md", "scraped.txt", "plain.txt", "cms_answer.txt"):
        texts.append((FIXTURES / name).read_text(encoding="utf-8"))
    texts += [
        "Statins lower LDL cholesterol and cut the risk of a heart attack by 30%.",
        "No medication is risk-free; it isn't 100% effective and can't cure a cold.",
        "Adalimumab (humira) halves the risk, 1 in 1,000 to 1 in 2,000 people.",
        "La vacuna reduce el riesgo de hospitalización un 50 % según un estudio.",
        "Ce médicament n'est pas sans risque : il double le risque d'infection.",
        "Das Medikament senkt das Krebsrisiko um die Hälfte, laut einer Studie.",
        "Ibuprofen-induced ulcers; over-the-counter painkillers (NSAIDs) raise risks.",
        "Le statine riducono del 30% il rischio di infarto, secondo uno studio dell'ISS.",
        "Il farmaco dimezza il rischio: 1 persona su 100 invece di 2 su 100.",
        "Statines verlagen het risico op een hartaanval met 30%, volgens een studie.",
        "Het vaccin halveert de kans op ziekenhuisopname bij 1 op de 100 mensen.",
    ]
    return [line for text in texts for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["en", "es", "fr", "de", "it", "nl"])
def test_indexed_scans_find_exactly_what_the_whole_pattern_finds(lang: str) -> None:
    cues = cues_for(lang)
    for text in _sentences():
        for section, pattern in cues.patterns.items():
            expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
            found = [(m.start(), m.end()) for m in cues.finditer(section, text)]
            assert found == expected, (lang, section, text)


def test_a_start_index_kept_on_disk_plans_as_the_built_one() -> None:
    from checker.claims.cues import _start_index, package_cues

    built = _start_index({k: list(v) for k, v in package_cues("en").items()})
    stored = StartIndex.from_state(marshal.loads(marshal.dumps(built.state())))
    for sentence in (
        "studies show that statins cut the risk of a heart attack by 30%.",
        "take 10 mg twice a day, and call your doctor if you feel sick.",
        "this supplement is 100% safe and cures arthritis.",
    ):
        assert stored.plan(sentence) == built.plan(sentence)
    with pytest.raises(ValueError):
        StartIndex.from_state(([], frozenset(), ()))
