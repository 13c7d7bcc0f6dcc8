"""CLM rules: claim detection, strength, citations, markers that point nowhere, options."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.claims.citations import find_citations
from checker.claims.cues import CueError, cues_for, parse_cues
from checker.claims.detect import detect, is_answer
from checker.config import ConfigError, load_config
from checker.model import Severity
from tests.conftest import check_text, only, write

EN = cues_for("en")


@pytest.mark.parametrize(
    ("text", "category", "strength"),
    [
        ("Regular exercise lowers blood pressure.", "efficacy", "direct"),
        ("Methotrexate may cause liver damage.", "risk", "conditional"),
        ("Smoking is linked to lung cancer.", "risk", "correlational"),
        ("About 1 in 10 adults has diabetes.", "statistic", "none"),
        ("The usual dose is 15 mg once a week.", "dose", "none"),
        ("Biosimilars work as well as the original medicine.", "comparison", "direct"),
        ("Studies show that omega-3 oils protect the heart.", "evidence", "direct"),
        ("This herbal tea cures arthritis.", "absolute", "direct"),
    ],
)
def test_claim_category_and_strength(text: str, category: str, strength: str) -> None:
    claim = detect(EN, text)
    assert claim is not None
    assert (claim.category, claim.strength) == (category, strength)
    assert claim.cue.text.lower() in text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Can I drink alcohol while taking methotrexate?",
        "Ask your pharmacist before taking ibuprofen.",
        "Do not stop taking steroids suddenly.",
        "Further studies are needed to find out whether it helps.",
        "The nurse will put a small needle into a vein in your arm.",
        "Reduced appetite is common after surgery, so eat little and often.",
    ],
)
def test_questions_instructions_and_unknowns_are_not_claims(text: str) -> None:
    assert detect(EN, text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Statins lower cholesterol [1].", "number"),
        ("Statins lower cholesterol [1, 3-4].", "number"),
        ("Statins lower cholesterol.[^2]", "footnote"),
        ("Statins lower cholesterol<sup>3</sup>.", "superscript"),
        ("Statins lower cholesterol\u00b2.", "superscript"),
        ("Statins lower cholesterol (Collins et al., 2016).", "author-year"),
        ("Collins and Reith (2016) found that statins lower cholesterol.", "author-year"),
        ("Statins lower cholesterol (doi:10.1016/S0140-6736(16)31357-5).", "doi"),
        ("Statins lower cholesterol (PMID: 27616593).", "pmid"),
        ("Statins lower cholesterol, see https://www.nhs.uk/statins.", "url"),
        ("According to the WHO, statins lower cholesterol.", "source"),
        ("A 2021 Cochrane review found that statins lower cholesterol.", "source"),
    ],
)
def test_citation_kinds(text: str, kind: str) -> None:
    assert kind in [c.kind for c in find_citations(text, 0, len(text), EN)]


def test_not_citations() -> None:
    for text in (
        "According to your mum, statins lower cholesterol.",
        "Take 1.5 mg/m\u00b2 once a week.",
        "In 2019 statins were cheap.",
    ):
        assert find_citations(text, 0, len(text), EN) == [], text


def test_uncited_and_cited_claims_in_an_article(tmp_path: Path) -> None:
    text = (
        "# Statins\n\n"
        "Statins lower the risk of a heart attack [1]. They may cause muscle pain.\n\n"
        "Ask your doctor if statins are right for you.\n\n"
        "## References\n\n1. Collins R. Statins. Lancet 2016.\n"
    )
    article = check_text(tmp_path, text, select=["CLM"])
    (uncited,) = only(article, "CLM001")
    assert (uncited.line, uncited.text) == (3, "cause")
    assert uncited.details["strength"] == "conditional"
    assert uncited.details["category"] == "risk"
    (cited,) = only(article, "CLM004")
    assert cited.details["citations"] == [{"kind": "number", "text": "[1]"}]
    assert only(article, "CLM003") == []  # [1] is in the reference list


def test_citation_at_paragraph_end_covers_the_paragraph(tmp_path: Path) -> None:
    text = "Exercise lowers blood pressure. It also lifts mood [1].\n\n## Sources\n\n1. NHS.\n"
    article = check_text(tmp_path, text, select=["CLM"])
    assert only(article, "CLM001") == []
    covered = [f for f in only(article, "CLM004") if f.details["covered_by_paragraph"]]
    assert [f.text for f in covered] == ["lowers"]
    write(tmp_path, "checker.toml", "[claims]\nparagraph-citations = false\n")
    config = load_config(tmp_path / "checker.toml")
    article = check_text(tmp_path, text, config=config, select=["CLM"])
    assert [f.text for f in only(article, "CLM001")] == ["lowers"]


def test_markers_that_point_nowhere(tmp_path: Path) -> None:
    text = (
        "Statins lower cholesterol [3]. Aspirin prevents clots.[^note] Fish oil helps.[^x]\n\n"
        "[^note]: NICE guideline CG181.\n\n## References\n\n1. One.\n2. Two.\n"
    )
    findings = only(check_text(tmp_path, text, select=["CLM003"]), "CLM003")
    assert [(f.text, f.details["missing"]) for f in findings] == [("[3]", ["3"]), ("[^x]", ["x"])]
    assert "no reference or footnote" in findings[0].message


def test_absolute_wording_is_an_error_even_when_cited(tmp_path: Path) -> None:
    text = "This supplement is 100% safe and cures arthritis [1].\n\n## References\n\n1. A.\n"
    article = check_text(tmp_path, text, select=["CLM"])
    (finding,) = only(article, "CLM002")
    assert finding.severity is Severity.ERROR
    assert finding.details["category"] == "absolute"
    assert only(article, "CLM001") == only(article, "CLM004") == []


def test_headings_and_quotes_are_configurable(tmp_path: Path) -> None:
    text = "# Turmeric reduces pain\n\n> It cured my back pain.\n"
    assert only(check_text(tmp_path, text, select=["CLM"]), "CLM002") == []
    write(tmp_path, "checker.toml", "[claims]\ncheck-headings = true\ncheck-quotes = true\n")
    config = load_config(tmp_path / "checker.toml")
    article = check_text(tmp_path, text, config=config, select=["CLM"])
    assert [f.text for f in only(article, "CLM001")] == ["reduces"]
    assert [f.text for f in only(article, "CLM002")] == ["cured"]


def test_project_cues_from_config(tmp_path: Path) -> None:
    write(tmp_path, "checker.toml", '[claims.cues.en]\nefficacy = ["detoxes"]\n')
    config = load_config(tmp_path / "checker.toml")
    article = check_text(tmp_path, "Green juice detoxes the liver.\n", config=config)
    assert [f.text for f in only(article, "CLM001")] == ["detoxes"]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[claims.cues.en]\nmiracles = ["x"]\n', "unknown section"),
        ('[claims.cues.en]\nefficacy = ["(unclosed"]\n', "bad pattern"),
        ("[claims]\ncheck-headings = 1\n", "expected true or false"),
        ("[claims]\nunknown = true\n", "unknown key"),
    ],
)
def test_bad_claims_config_names_the_key(tmp_path: Path, toml: str, message: str) -> None:
    write(tmp_path, "checker.toml", toml)
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path / "checker.toml")


def test_bad_cue_file_names_the_line() -> None:
    with pytest.raises(CueError, match=r"x\.txt:3: bad pattern"):
        parse_cues(["# cues", "[efficacy]", "(unclosed"], "x.txt")
    with pytest.raises(CueError, match=r"x\.txt:1: unknown section"):
        parse_cues(["[miracles]"], "x.txt")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Rheumatoid arthritis is a long-term condition that affects the joints."),
        ("en", "If you have side effects, tell your nurse."),
        ("en", "Read more about side effects"),
        ("es", "La artritis reumatoide es una enfermedad crónica que afecta a las articulaciones."),
        (
            "fr",
            "La polyarthrite rhumatoïde est une maladie chronique qui touche les articulations.",
        ),
        ("de", "Mehr zum Thema Nebenwirkungen"),
    ],
)
def test_definitions_conditional_instructions_and_navigation(lang: str, text: str) -> None:
    assert detect(cues_for(lang), text) is None


@pytest.mark.parametrize(
    ("lang", "text", "category"),
    [
        ("es", "El ejercicio reduce la presión arterial.", "efficacy"),
        ("fr", "Le tabac augmente le risque de cancer du poumon.", "risk"),
        ("de", "Dieses Mittel heilt Arthrose garantiert.", "absolute"),
    ],
)
def test_claims_in_other_languages(lang: str, text: str, category: str) -> None:
    claim = detect(cues_for(lang), text)
    assert claim is not None and claim.category == category


def test_lower_case_gate_finds_exactly_what_the_pattern_finds() -> None:
    sentences = [
        "Statins LOWER cholesterol and Reduce strokes.",
        "Der Nutzen ist groß, wir nutzen es täglich.",  # (?-i:Nutzen) is case-sensitive
        "İbuprofen EASES pain.",  # lower() changes the length: falls back to the pattern
    ]
    for lang in ("en", "de"):
        cues = cues_for(lang)
        for section, pattern in cues.patterns.items():
            for text in sentences:
                expected = [m.span() for m in pattern.finditer(text)]
                assert [m.span() for m in cues.finditer(section, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Methotrexate does not cure arthritis, but it can control it.",
        "There is no cure for lupus yet.",
        "Steroids are not a cure.",
    ],
)
def test_a_denied_cure_is_not_absolute_wording(text: str) -> None:
    claim = detect(EN, text)
    assert claim is None or "absolute" not in claim.categories


def test_a_question_answered_by_the_next_sentence_is_a_claim(tmp_path: Path) -> None:
    text = (
        "# Pets\n\n"
        "Can my dog spread the flu to me? Yes, it can.\n\n"
        "Can I walk my dog while I have the flu? Ask your vet.\n\n"
        "## Does garlic cure a cold?\n\n"
        "No. There is no good evidence for it.\n"
    )
    article = check_text(tmp_path, text, select=["CLM"])
    lines = sorted((f.line, f.text) for f in only(article, "CLM001"))
    # the answered question carries the claim; the one answered by advice does not,
    # and an answer to a heading question counts only when headings are checked
    assert (3, "spread the flu to") in lines
    assert [line for line, _ in lines if line in (5, 7)] == []


@pytest.mark.parametrize(
    ("question", "answer", "claim"),
    [
        ("Can pets spread the virus?", "Yes.", True),
        ("Can pets spread the virus?", "The short answer is no.", True),
        ("Can pets spread the virus?", "No one knows yet.", False),
        ("¿Puede el ajo curar el resfriado?", "No.", True),
        ("¿Puede el ajo prevenir el resfriado?", "Si tiene fiebre, llame al médico.", False),
        ("Est-ce que l'ail prévient le rhume ?", "Non, pas du tout.", True),
        ("Kann Knoblauch Erkältungen verhindern?", "Nein.", True),
    ],
)
def test_short_answers(question: str, answer: str, claim: bool) -> None:
    lang = "en"
    if question.startswith("¿"):
        lang = "es"
    elif "ail" in question:
        lang = "fr"
    elif "Knoblauch" in question:
        lang = "de"
    cues = cues_for(lang)
    found = detect(cues, question, answered=is_answer(cues, answer))
    assert (found is not None) is claim
