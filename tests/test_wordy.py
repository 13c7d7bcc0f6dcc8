"""Wordy phrases (PLN007): the shipped lists, matching, the swap's case, quick fixes."""

from __future__ import annotations

from importlib import resources

import pytest
from lsprotocol import types

from checker.languages import SUPPORTED
from checker.lsp import code_actions, to_diagnostic
from checker.model import Finding, Scope, Severity
from checker.plain.lexicon import parse_entries
from checker.plain.wordy import WordyPhrases, matching_case, package_phrases


@pytest.mark.parametrize("lang", sorted(SUPPORTED))
def test_every_language_ships_a_list_that_parses_without_duplicates(lang: str) -> None:
    item = resources.files("checker") / "data" / "wordy" / f"{lang}.txt"
    seen: set[str] = set()
    for forms, swaps in parse_entries(item.read_text(encoding="utf-8").splitlines(), lang):
        assert all(s.strip() for s in swaps)
        for form in forms:
            assert form == " ".join(form.split()), form
            assert form not in seen, f"{lang}: {form!r} listed twice"
            seen.add(form)
    assert len(package_phrases(lang)) >= 40


@pytest.mark.parametrize(
    ("written", "swap", "expected"),
    [("in order to", "to", "to"), ("In order to", "to", "To"), ("IN ORDER TO", "to", "TO")],
)
def test_the_swap_takes_the_case_of_the_words_it_replaces(
    written: str, swap: str, expected: str
) -> None:
    assert matching_case(written, swap) == expected


def test_the_longest_phrase_wins_and_curly_apostrophes_match() -> None:
    phrases = WordyPhrases(
        {
            "the majority of": ("most",),
            "the majority of them": ("most of them",),
            "don't hesitate to": ("please",),
        }
    )
    found = list(phrases.find_in("The majority of them agree. Don\u2019t hesitate to ask."))
    assert [(text, swaps) for _, _, text, swaps in found] == [
        ("the majority of them", ("Most of them",)),
        ("don't hesitate to", ("Please",)),
    ]


def test_the_quick_fix_of_a_wordy_phrase_is_preferred() -> None:
    finding = Finding(
        "PLN007",
        "wordy-phrase",
        Severity.INFO,
        "'prior to' is wordy: use 'before'",
        "a.md",
        Scope.PARAGRAPH,
        1,
        7,
        1,
        15,
        "prior to",
        "before",
        {"phrase": "prior to", "replacements": ["before"]},
    )
    span = types.Range(types.Position(0, 6), types.Position(0, 14))
    (action,) = code_actions(
        ["Stop, prior to bed."], "file:///a.md", [to_diagnostic(span, finding)]
    )
    assert action.is_preferred and action.title == "Replace with 'before'"


def test_text_whose_lower_case_is_longer_is_still_searched() -> None:
    phrases = WordyPhrases({"in order to": ("to",)})
    text = "\u0130stanbul clinics: In order to rest, sleep."  # 'İ' lower-cases to two characters
    ((start, end, phrase, swaps),) = phrases.find_in(text)
    assert (text[start:end], phrase, swaps) == ("In order to", "in order to", ("To",))
