"""PLN and A11Y rules: jargon, rare words, definitions, abbreviations, accessibility checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.config import PlainLanguageOptions, load_config
from checker.plain.lexicon import Lexicon, LexiconError, package_entries, parse_entries
from tests.conftest import TEN_WORDS, check_text, make_config, only, write


def test_shipped_lists_are_large_enough_and_well_formed() -> None:
    sizes = {lang: len(package_entries(lang)) for lang in ("en", "es", "fr", "de")}
    assert sizes["en"] >= 300
    assert all(sizes[lang] >= 100 for lang in ("es", "fr", "de"))


def test_malformed_entry_names_the_line() -> None:
    with pytest.raises(LexiconError, match=r"terms\.txt:2"):
        list(parse_entries(["renal = kidney", "no equals sign"], "terms.txt"))


def test_lexicon_matches_inflections_and_multi_word_terms() -> None:
    lexicon = Lexicon("en")
    lexicon.add(["adverse event"], ["side effect"], "test")
    lexicon.add(["neutropenia", "neutropenic"], ["low white cell count"], "test")
    text = "Adverse events are rare. She was neutropenic, and neutropenias recur."
    found = [(text[m.start : m.end], m.term.text) for m in lexicon.find(text)]
    assert found == [
        ("Adverse events", "adverse event"),
        ("neutropenic", "neutropenic"),
        ("neutropenias", "neutropenia"),
    ]
    lexicon.add(["monoclonal antibody"], ["lab-made antibody medicine"], "test")
    lexicon.add(["diagnosis"], ["finding out what is wrong"], "test")
    text = "Monoclonal antibodies help. Diagnoses differ."
    assert [text[m.start : m.end] for m in lexicon.find(text)] == [
        "Monoclonal antibodies",
        "Diagnoses",
    ]


def test_a_disease_name_readers_know_is_not_a_word_part_finding(tmp_path: Path) -> None:
    article = check_text(tmp_path, "Multiple sclerosis affects the nerves.\n", select=["PLN"])
    assert [f.text for f in article.findings if f.code == "PLN002"] == []


def test_listed_jargon_with_alternative_at_first_use(tmp_path: Path) -> None:
    text = "---\nlang: en\n---\nHypertension is common.\n\nTreat hypertension early.\n"
    article = check_text(tmp_path, text, select=["PLN001"])
    (finding,) = only(article, "PLN001")
    assert (finding.line, finding.column, finding.text) == (4, 1, "Hypertension")
    assert finding.details["kind"] == "listed"
    assert finding.details["uses"] == 2
    assert "high blood pressure" in finding.details["alternatives"]
    assert finding.suggestion == finding.details["alternatives"][0]


def test_every_form_of_one_entry_is_one_term_reported_once(tmp_path: Path) -> None:
    text = (
        "Ask about an immunomodulator for your joints.\n\nImmunomodulatory drugs act slowly.\n\n"
        "Immunomodulation takes weeks.\n"
    )
    article = check_text(tmp_path, text, select=["PLN001"])
    (finding,) = only(article, "PLN001")
    assert (finding.text, finding.details["term"], finding.details["uses"]) == (
        "immunomodulator",
        "immunomodulator",
        3,
    )


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("en", "Chronic pain and nausea are common.", "Chronic"),
        ("es", "El dolor crónico es frecuente en adultos mayores.", "crónico"),
        ("fr", "La douleur chronique touche beaucoup d'adultes.", "chronique"),
        ("de", "Chronische Schmerzen sind häufig.", "Chronische"),
    ],
)
def test_a_medical_word_most_readers_know_is_information_not_a_warning(
    tmp_path: Path, lang: str, text: str, word: str
) -> None:
    article = check_text(tmp_path, f"---\nlang: {lang}\n---\n{text}\n", select=["PLN"])
    assert only(article, "PLN001") == []
    familiar = only(article, "PLN006")
    assert familiar[0].text == word
    assert familiar[0].severity.label == "info"
    assert familiar[0].details["kind"] == "familiar"
    assert familiar[0].suggestion == familiar[0].details["alternatives"][0]
    assert article.metrics["complex_language_percent"] > 0  # still complex language


def test_defined_term_is_reported_once_as_explained(tmp_path: Path) -> None:
    text = (
        "You may be offered a biosimilar, a medicine that works like the original one.\n\n"
        "The biosimilar is given the same way.\n"
    )
    article = check_text(tmp_path, text, select=["PLN"])
    assert only(article, "PLN001") == []
    (info,) = only(article, "PLN003")
    assert info.text == "biosimilar"


def test_unknown_jargon_by_word_part_and_rarity(tmp_path: Path) -> None:
    text = "Tofacitinib can cause xerostomia in some people.\n"
    article = check_text(tmp_path, text, select=["PLN001", "PLN002"])
    kinds = {f.text: f.details["kind"] for f in article.findings}
    assert kinds["Tofacitinib"] == "word-part"
    assert kinds["xerostomia"] in ("listed", "rare", "word-part")


@pytest.mark.parametrize(
    "text",
    [
        "Rub cream on the itchy patch on your tummy.",  # everyday words list
        "The slowest, coldest and steadier days are fine.",  # comparatives of plain words
        "Her unexplained tiredness was retrained away by the system's rhythm.",
        "Your carer can collect the leaflet from the pharmacist.",
    ],
)
def test_everyday_words_and_their_forms_are_not_rare(tmp_path: Path, text: str) -> None:
    article = check_text(tmp_path, text + "\n", select=["PLN002"])
    assert [f.text for f in only(article, "PLN002")] == []


def test_plain_alternatives_are_never_rare() -> None:
    from checker.plain.lexicon import lexicon_for

    lexicon = lexicon_for("en")
    # "renal" is listed with "kidney"; the words the lists recommend are plain
    assert lexicon.is_plain("kidney") and lexicon.is_plain("kidneys")
    assert not lexicon.is_plain("nephropathy")


def test_lower_case_prescription_abbreviations_are_listed(tmp_path: Path) -> None:
    text = "Take one tablet b.i.d. for 6 wks, then p.r.n.\n"
    article = check_text(tmp_path, text, select=["PLN001"])
    assert {f.text: f.suggestion for f in only(article, "PLN001")} == {
        "b.i.d": "twice a day",
        "wks": "week",
        "p.r.n": "when needed",
    }


def test_names_numbers_urls_and_accepted_words_are_not_jargon(tmp_path: Path) -> None:
    text = "Ask Dr Okonkwo at https://example.org/methotrexate about Humira and 15 mg doses.\n"
    article = check_text(tmp_path, text, select=["PLN001", "PLN002"])
    assert only(article, "PLN001") == only(article, "PLN002") == []
    config = make_config(tmp_path, plain_language=PlainLanguageOptions(accept=("tofacitinib",)))
    article = check_text(tmp_path, "Take tofacitinib daily.\n", config=config, select=["PLN"])
    assert article.findings == ()


def test_project_terms_from_config(tmp_path: Path) -> None:
    write(
        tmp_path,
        "checker.toml",
        '[plain-language]\naccept = ["hypertension"]\n'
        '[plain-language.terms.en]\nbolus = ["a single large dose"]\n',
    )
    config = load_config(tmp_path / "checker.toml")
    article = check_text(
        tmp_path, "Hypertension needs a bolus.\n", config=config, select=["PLN001"]
    )
    assert [(f.text, f.suggestion) for f in only(article, "PLN001")] == [
        ("bolus", "a single large dose")
    ]


def test_complex_language_share_and_target(tmp_path: Path) -> None:
    text = "Hypertension and hyperlipidaemia cause nephropathy.\n"
    article = check_text(tmp_path, text, select=["PLN004"])
    assert article.metrics["complex_language_percent"] == 60.0
    assert only(article, "PLN004") == []  # five words: too short for a share to mean much
    longer = (text + TEN_WORDS + "\n") * 2 + "Hypertension needs care and hyperlipidaemia too.\n"
    article = check_text(tmp_path, longer, select=["PLN004"])
    assert article.metrics["complex_language_percent"] == 22.2  # 8 of 36 words
    (finding,) = only(article, "PLN004")
    assert finding.details == {"percent": 22.2, "target": 15.0}
    plain = check_text(tmp_path, "Take the tablet with water every day.\n", select=["PLN004"])
    assert plain.metrics["complex_language_percent"] == 0.0
    assert only(plain, "PLN004") == []


def test_complex_share_counts_unknown_abbreviations_and_skips_numbers(tmp_path: Path) -> None:
    # SHeLL's complex language counts acronyms; numbers are not words.
    text = "The RR was 0.85 (95% CI 0.70 to 1.02) and HIV tests helped.\n"
    article = check_text(tmp_path, text, select=["PLN004"])
    # words: The RR was CI to and HIV tests helped (9); complex: RR, CI
    assert article.metrics["complex_language_percent"] == round(100 * 2 / 9, 1)


def test_french_elided_article_is_not_part_of_the_term(tmp_path: Path) -> None:
    text = "---\nlang: fr\n---\nEn cas d'hypertension, prenez l'adalimumab d'Enbrel aujourd'hui.\n"
    article = check_text(tmp_path, text, select=["PLN001", "PLN002", "PLN006"])
    found = {f.text: f.details["kind"] for f in article.findings}
    assert found["hypertension"] == "familiar"
    assert found["adalimumab"] == "word-part"
    assert "Enbrel" not in found  # a brand, even after "d'"
    assert not any("'" in word for word in found)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("IVIG is given as a drip.", ["IVIG"]),
        ("Intravenous immunoglobulin (IVIG) is given as a drip. IVIG helps.", []),
        ("IVIG (intravenous immunoglobulin) is given as a drip.", []),
        ("DMARDs help. Disease-modifying drugs (DMARDs) slow damage.", ["DMARDs"]),
        ("HIV and COVID-19 tests are free.", []),
        # expanded in the same sentence, before or after
        ("Syrups with dextromethorphan, abbreviated DM, ease coughs.", []),
        ("Hormone replacement therapy, or HRT, eases hot flushes.", []),
        ("ATP, the body's energy source, drops.", []),
        ("Ask the FSA, the MHRA and your GP.", ["FSA", "MHRA"]),
        ("Ask your doctor or HRT nurse.", ["HRT"]),
        # names: a company, a product's release suffix, capitals then a word
        ("The vaccine comes from GSK.", []),
        ("Take Invokamet XR with food. The XR form lasts longer.", ["XR"]),
        ("The HNOnet network answers.", []),
        # one long compound in brackets is an expansion
        ("Die FSME (Frühsommer-Meningoenzephalitis) kommt von Zecken.", []),
        ("Die FSME (Zecke) kommt von Zecken.", ["FSME"]),
    ],
)
def test_unexpanded_abbreviations(tmp_path: Path, text: str, flagged: list[str]) -> None:
    article = check_text(tmp_path, text + "\n", select=["PLN005"])
    assert [f.text for f in only(article, "PLN005")] == flagged


def test_abbreviation_expanded_later_says_where(tmp_path: Path) -> None:
    text = "JAK inhibitors are tablets.\n\nJanus kinase (JAK) inhibitors calm the immune system.\n"
    (finding,) = only(check_text(tmp_path, text, select=["PLN005"]), "PLN005")
    assert "expanded later (line 3)" in finding.message


def test_vague_and_bare_url_link_text(tmp_path: Path) -> None:
    text = (
        "To learn more, [click here](https://example.org/a). "
        "See <https://example.org/b> or [the vaccine guide](https://example.org/c).\n"
    )
    findings = only(check_text(tmp_path, text, select=["A11Y001"]), "A11Y001")
    assert [(f.text, f.details["kind"], f.column) for f in findings] == [
        ("click here", "vague", 17),
        ("https://example.org/b", "url", 58),
    ]


def test_html_links_and_missing_language(tmp_path: Path) -> None:
    html = '<html><body><p>Details: <a href="/x">Read more</a></p></body></html>'
    article = check_text(tmp_path, html, "page.html", select=["A11Y"])
    assert [f.code for f in article.findings] == ["A11Y004", "A11Y001"]


def test_image_alt_missing_and_file_name(tmp_path: Path) -> None:
    text = "![](sites.png)\n\n![IMG_2041.jpg](photo.jpg)\n\n![A pen injector](pen.png)\n"
    findings = only(check_text(tmp_path, text, select=["A11Y002"]), "A11Y002")
    assert [(f.line, f.details["alt"]) for f in findings] == [(1, "missing"), (3, "present")]


def test_heading_structure(tmp_path: Path) -> None:
    text = "# One\n\n## Two\n\n#### Four\n\n# Again\n"
    findings = only(check_text(tmp_path, text, select=["A11Y003"]), "A11Y003")
    assert [(f.line, f.details["level"]) for f in findings] == [(5, 4), (7, 1)]


def test_declared_language_differs_from_text(tmp_path: Path) -> None:
    spanish = (
        "El metotrexato es un medicamento que se toma una vez por semana. Su médico le dirá "
        "qué día debe tomarlo. Es importante hacerse análisis de sangre con regularidad para "
        "vigilar el hígado y los riñones mientras dure el tratamiento."
    )
    article = check_text(tmp_path, f"---\nlang: en\n---\n{spanish}\n", select=["A11Y005"])
    (finding,) = only(article, "A11Y005")
    assert finding.details["detected"] == "es"
    same = check_text(tmp_path, f"---\nlang: es\n---\n{spanish}\n", select=["A11Y005"])
    assert only(same, "A11Y005") == []


def test_capital_letters_run(tmp_path: Path) -> None:
    text = "DO NOT TAKE METHOTREXATE EVERY DAY. Take it weekly with NHS advice.\n"
    (finding,) = only(check_text(tmp_path, text, select=["A11Y006"]), "A11Y006")
    assert finding.text == "DO NOT TAKE METHOTREXATE EVERY DAY"


def test_a_listed_term_is_matched_the_same_whatever_the_hash_seed() -> None:
    """A word can be a listed form and an inflection of another ("klinischen" of
    "klinische"): the answer must not depend on the order of a set."""
    code = (
        "from checker.plain.lexicon import Lexicon\n"
        "lexicon = Lexicon('de')\n"
        "lexicon.add(['klinische studie', 'klinischen studie'], ['Studie'], 'package')\n"
        "print(lexicon.match_at(['klinischen', 'studie'], 0)[1].text)\n"
    )
    answers = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout.strip()
        for seed in range(6)
    }
    assert answers == {"klinischen studie"}


@pytest.mark.parametrize(
    ("word", "rare"),
    [
        ("Windelbereich", False),  # Windel + Bereich
        ("Bundesapothekerkammer", False),  # Bundes + Apotheker + Kammer
        ("Scheinbehandlung", False),
        ("kontraindiziert", True),  # not a compound of everyday words
        ("Hypertonie", True),
    ],
)
def test_a_german_compound_of_everyday_words_is_plain(
    tmp_path: Path, word: str, rare: bool
) -> None:
    text = f"---\nlang: de\n---\nDas Wort {word} steht hier.\n"
    article = check_text(tmp_path, text, select=["PLN001", "PLN002"])
    assert bool(article.findings) is rare


def test_everyday_english_words_are_not_rare(tmp_path: Path) -> None:
    text = "Milligrams of iodine can enlarge the gland; peppermint helps some youngsters.\n"
    assert only(check_text(tmp_path, text, select=["PLN002"]), "PLN002") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Do NOT take more than two tablets. DON'T drive.", []),
        ("---\nlang: es\n---\nTome la pastilla AHORA y TODO irá bien.", []),
        ("She works at Hospital XXIII and has a PhD from the CHU.", []),
        ("The IV drip, the MD and the ACE score in type II diabetes.", ["IV", "MD", "ACE"]),
    ],
)
def test_emphasis_numerals_and_known_titles_are_no_abbreviations(
    tmp_path: Path, text: str, flagged: list[str]
) -> None:
    article = check_text(tmp_path, text + "\n", select=["PLN005"])
    assert [f.text for f in only(article, "PLN005")] == flagged


@pytest.mark.parametrize(
    ("text", "explained"),
    [
        (
            "Autoimmune diseases, conditions where the immune system attacks the body, are common.",
            True,
        ),
        ("The hypertension (risk ratio 1.96; 95% CI 1.2 to 3.1) was worse.", False),
        ("Hypertension (high blood pressure) is common.", True),
    ],
)
def test_apposition_explains_a_term_and_figures_in_brackets_do_not(
    tmp_path: Path, text: str, explained: bool
) -> None:
    article = check_text(tmp_path, text + "\n", select=["PLN001", "PLN003"])
    codes = {f.code for f in article.findings}
    assert codes == ({"PLN003"} if explained else {"PLN001"})


@pytest.mark.parametrize(
    ("lang", "text", "jargon", "plain"),
    [
        (
            "it",
            "La cefalea può durare giorni.\n\nLe statine riducono del 30% il rischio di infarto.",
            "cefalea",
            "mal di testa",
        ),
        (
            "nl",
            "Cefalgie kan dagen duren.\n\nStatines verlagen het risico op een hartaanval met 30%.",
            "Cefalgie",
            "hoofdpijn",
        ),
    ],
)
def test_italian_and_dutch_get_jargon_claims_and_numbers(
    tmp_path: Path, lang: str, text: str, jargon: str, plain: str
) -> None:
    article = check_text(tmp_path, f"---\nlang: {lang}\n---\n{text}\n")
    (listed,) = only(article, "PLN001")
    assert (listed.text, listed.suggestion) == (jargon, plain)
    assert len(only(article, "CLM001")) == 1
    assert "30%" in only(article, "NUM001")[0].text
    assert only(article, "PLN004") == []  # 14 words: too short for a share


def test_italian_plurals_match_a_listed_singular(tmp_path: Path) -> None:
    text = "---\nlang: it\n---\nLe cefalee tornano spesso.\n"
    article = check_text(tmp_path, text, select=["PLN001"])
    assert [f.details["term"] for f in only(article, "PLN001")] == ["cefalea"]
