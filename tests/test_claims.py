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
        ("Cherries cut the risk of gout attacks by 35% [Xia 2020].", "author-year"),
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
        "Statins lower the risk of a heart attack [1].\n\nStatins may cause muscle pain.\n\n"
        "Ask your doctor if statins are right for you.\n\n"
        "## References\n\n1. Collins R. Statins. Lancet 2016.\n"
    )
    article = check_text(tmp_path, text, select=["CLM"])
    assert only(article, "CLM001") == []  # the References section covers "may cause"
    cited, covered = only(article, "CLM004")
    assert cited.details["citations"] == [{"kind": "number", "text": "[1]"}]
    assert (covered.line, covered.text) == (5, "cause")
    assert covered.message.startswith("Claim covered by the article's 'References' section")
    assert only(article, "CLM003") == []  # [1] is in the reference list
    write(tmp_path, "checker.toml", "[claims]\nreference-section = false\n")
    config = load_config(tmp_path / "checker.toml")
    article = check_text(tmp_path, text, config=config, select=["CLM"])
    (uncited,) = only(article, "CLM006")  # an effect with no figure: information
    assert (uncited.line, uncited.text) == (5, "cause")
    assert uncited.details["strength"] == "conditional"
    assert uncited.details["category"] == "risk"
    assert uncited.details["treatment"] == "Statins"


def test_a_pronoun_takes_the_treatment_of_the_sentence_before(tmp_path: Path) -> None:
    text = "Statins are cheap. They may cause muscle pain.\n"
    (finding,) = only(check_text(tmp_path, text, select=["CLM006"]), "CLM006")
    assert (finding.text, finding.details["treatment"]) == ("cause", "Statins")


def test_citation_at_paragraph_end_covers_the_paragraph(tmp_path: Path) -> None:
    text = "Exercise lowers blood pressure. It also lifts mood [1].\n\n## Sources\n\n1. NHS.\n"
    article = check_text(tmp_path, text, select=["CLM"])
    assert only(article, "CLM001") == []
    covered = [f for f in only(article, "CLM004") if f.details["covered_by_paragraph"]]
    assert [f.text for f in covered] == ["lowers"]
    write(
        tmp_path,
        "checker.toml",
        "[claims]\nparagraph-citations = false\nreference-section = false\n",
    )
    config = load_config(tmp_path / "checker.toml")
    article = check_text(tmp_path, text, config=config, select=["CLM"])
    assert [f.text for f in only(article, "CLM006")] == ["lowers"]


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
    assert [f.text for f in only(article, "CLM006")] == ["reduces"]
    assert [f.text for f in only(article, "CLM002")] == ["cured"]


def test_project_cues_from_config(tmp_path: Path) -> None:
    write(tmp_path, "checker.toml", '[claims.cues.en]\nefficacy = ["detoxes"]\n')
    config = load_config(tmp_path / "checker.toml")
    article = check_text(tmp_path, "Green juice detoxes the liver.\n", config=config)
    assert [f.text for f in only(article, "CLM006")] == ["detoxes"]  # no treatment named
    write(
        tmp_path,
        "checker.toml",
        '[claims.cues.en]\nefficacy = ["detoxes"]\ntreatment = ["green juice"]\n',
    )
    config = load_config(tmp_path / "checker.toml")
    article = check_text(tmp_path, "Green juice detoxes the liver.\n", config=config)
    (finding,) = only(article, "CLM006")
    assert (finding.text, finding.details["key"]) == ("detoxes", True)
    assert finding.details["treatment"] == "Green juice"


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


def test_every_shipped_cue_is_a_valid_pattern() -> None:
    """Loading skips this check for the shipped files, so it is made here."""
    folder = Path(__file__).resolve().parents[1] / "checker" / "data" / "claims"
    files = sorted(folder.glob("*.txt"))
    assert len(files) >= 6
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert parse_cues(lines, path.name), path.name


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
    lines = sorted((f.line, f.text) for f in only(article, "CLM001") + only(article, "CLM006"))
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


@pytest.mark.parametrize(
    "text",
    [
        "No medication is risk-free.",
        "The flu vaccine is not 100% effective.",
        "Steroid injections aren't always a cure.",
        "You can't take antibiotics to cure a cold.",
        "There is no cure for the common cold.",
        "A cure is not available yet.",
        "Processed meat has been preserved by smoking, curing or salting.",
        "An ounce of prevention is worth a pound of cure.",
    ],
)
def test_careful_wording_is_never_a_promise(tmp_path: Path, text: str) -> None:
    article = check_text(tmp_path, text + "\n", select=["CLM"])
    assert only(article, "CLM002") == []


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        ("This herbal tea cures arthritis.", "cures"),
        ("Our supplement is 100% safe.", "100% safe"),
        ("Results are guaranteed.", "guaranteed"),
        ("Live vaccines aren't safe, but this miracle pill is.", "miracle"),
    ],
)
def test_promises_are_errors(tmp_path: Path, text: str, promise: str) -> None:
    (finding,) = only(check_text(tmp_path, text + "\n", select=["CLM"]), "CLM002")
    assert finding.text == promise


def test_a_limited_promise_is_an_ordinary_benefit() -> None:
    claim = detect(EN, "Antiviral treatment can cure hepatitis C.")
    assert claim is not None
    assert (claim.category, claim.key) == ("efficacy", True)


def test_a_promise_in_a_heading_is_flagged(tmp_path: Path) -> None:
    text = "# Boosting Your Immune System\n\nEat well and sleep.\n"
    (finding,) = only(check_text(tmp_path, text, select=["CLM"]), "CLM002")
    assert (finding.line, finding.text) == (1, "Boosting Your Immune System")


@pytest.mark.parametrize(
    ("text", "key", "checkable"),
    [
        ("About 1 in 10 adults has diabetes.", True, True),  # a number
        ("Statins cut heart attacks by 30%.", True, True),  # an effect with a figure
        ("The usual dose is 500 mg twice a day.", True, True),  # a dose
        ("Studies show that zinc shortens colds.", True, True),  # an appeal to studies
        ("Biosimilars work as well as the original medicine.", True, True),  # a comparison
        ("Methotrexate slows joint damage.", True, False),  # an effect, nothing to look up
        ("Some biologics have been linked to rare cancers.", True, False),
        ("The flu is more severe than a cold.", False, False),  # no treatment compared
        ("The body's defence cells go rogue and damage healthy tissue.", False, False),
        ("Cytokines are messengers that drive inflammation.", False, False),  # a mechanism
    ],
)
def test_checkable_claims_are_clm001_the_others_clm006(
    tmp_path: Path, text: str, key: bool, checkable: bool
) -> None:
    article = check_text(tmp_path, text + "\n", select=["CLM001", "CLM006"])
    (finding,) = article.findings
    assert finding.code == ("CLM001" if checkable else "CLM006")
    assert finding.severity is Severity.INFO  # CLM001 and CLM006 are both information
    assert finding.details["key"] is key


@pytest.mark.parametrize(
    "text",
    [
        "In plain terms, it's any treatment that tweaks how your immune system behaves.",
        "All five trials reported on safety, and two on efficacy.",
        "Symptoms include a runny or blocked nose and nightmares or double vision.",
        "Here is a link to a list of providers near you.",
        "It's tied to how your liver processes drugs.",
    ],
)
def test_definitions_methods_symptoms_and_other_senses_are_not_claims(text: str) -> None:
    assert detect(EN, text) is None


def test_a_clause_after_an_instruction_can_be_a_claim() -> None:
    text = "Take MAOIs and antidepressants apart: mixing them can trigger serotonin syndrome."
    claim = detect(EN, text)
    assert claim is not None
    assert claim.cue.text == "trigger"
    assert text[claim.cue.start : claim.cue.end] == "trigger"
    assert claim.treatment is not None and claim.treatment.text == "MAOIs"


def test_a_study_summary_sources_its_own_results(tmp_path: Path) -> None:
    text = (
        "We found 12 trials with 1,200 people.\n\n"
        "Exercise probably reduces back pain compared with usual care.\n"
    )
    article = check_text(tmp_path, text, select=["CLM"])
    assert list(article.findings) == []
    write(tmp_path, "checker.toml", "[claims]\nself-reports = false\n")
    config = load_config(tmp_path / "checker.toml")
    article = check_text(tmp_path, text, config=config, select=["CLM001"])
    assert {f.text for f in article.findings} >= {"compared with"}


def test_an_article_citing_nothing_is_summed_up_once(tmp_path: Path) -> None:
    text = (
        "# Statins\n\n"
        "Statins lower cholesterol. About 1 in 5 people get muscle aches.\n\n"
        "Statins work better than diet alone. High cholesterol damages the arteries.\n"
    )
    article = check_text(tmp_path, text, select=["CLM"])
    (summary,) = only(article, "CLM005")
    assert summary.scope.value == "document"
    assert summary.details["count"] == 4
    assert summary.details["key"] == 3
    assert [c["key"] for c in summary.details["claims"]] == [True, True, True, False]
    assert "4 health claims (3 key)" in summary.message
    linked = text.replace("alone.", "alone ([NHS](https://www.nhs.uk/statins)).")
    assert only(check_text(tmp_path, linked, select=["CLM"]), "CLM005") == []


def test_unsourced_min_claims_is_configurable(tmp_path: Path) -> None:
    text = "Statins lower cholesterol.\n"
    assert only(check_text(tmp_path, text, select=["CLM"]), "CLM005") == []
    write(tmp_path, "checker.toml", "[claims]\nunsourced-min-claims = 1\n")
    config = load_config(tmp_path / "checker.toml")
    assert len(only(check_text(tmp_path, text, config=config, select=["CLM"]), "CLM005")) == 1
    write(tmp_path, "checker.toml", "[claims]\nunsourced-min-claims = 0\n")
    with pytest.raises(ConfigError, match="unsourced-min-claims"):
        load_config(tmp_path / "checker.toml")


def test_an_expert_named_in_a_news_story_is_a_source() -> None:
    text = '"Fasting improves blood sugar," Peterson says.'
    assert [c.kind for c in find_citations(text, 0, len(text), EN)] == ["source"]
    text = "Doctors say fasting improves blood sugar."
    assert find_citations(text, 0, len(text), EN) == []


def test_can_help_is_hedged_and_a_gerund_can_name_the_treatment() -> None:
    claim = detect(EN, "Statins can help prevent coronary artery disease.")
    assert claim is not None and claim.strength == "conditional"
    claim = detect(EN, "Breastfeeding protects babies from infections.")
    assert claim is not None and claim.treatment is not None
    assert (claim.treatment.text, claim.key) == ("Breastfeeding", True)


def test_the_treatment_is_the_subject_not_a_later_object(tmp_path: Path) -> None:
    text = (
        "Statins are cheap. However, they carry a risk of muscle pain, so screening helps.\n\n"
        "Combining opioids with benzodiazepines can dangerously slow breathing.\n"
    )
    findings = only(check_text(tmp_path, text, select=["CLM006"]), "CLM006")
    assert [(f.text, f.details["category"], f.details["treatment"]) for f in findings] == [
        ("carry a risk", "risk", "Statins"),
        ("dangerously slow", "risk", "benzodiazepines"),
    ]


def test_plain_reference_digits_after_a_full_stop_are_citations(tmp_path: Path) -> None:
    text = (
        "Low vitamin D causes rickets in 1 in 100 children.1 Normally, vitamin D is made "
        "in the skin.\n\nRed meat raises the risk of bowel cancer by 17%.1,2\n"
    )
    article = check_text(tmp_path, text, select=["CLM", "NUM"])
    assert only(article, "CLM001") == only(article, "CLM005") == []
    cited = only(article, "CLM004")
    assert [f.details["citations"][0] for f in cited][:1] == [{"kind": "digits", "text": "1"}]
    assert only(article, "CLM003") == []  # plain digits are not checked against a list
    plain = check_text(tmp_path, "In 2.5 hours, about 40% of doses are absorbed.\n")
    assert [f.code for f in plain.findings if f.code.startswith("CLM")] == ["CLM001"]


@pytest.mark.parametrize(
    "text",
    [
        '"About 30% of women benefit," he told CBC News.',
        '"About 30% of women benefit from it," she said.',
        '"About 30% of women benefit from it," said Dr Jones.',
    ],
)
def test_a_quote_attributed_to_its_speaker_is_sourced(tmp_path: Path, text: str) -> None:
    write(tmp_path, "checker.toml", "[claims]\ncheck-quotes = true\n")
    article = check_text(tmp_path, text + "\n", select=["CLM001", "CLM004"])
    assert [f.code for f in article.findings] == ["CLM004"]


@pytest.mark.parametrize(
    ("lang", "text", "comparison"),
    [
        ("en", "Wash the towels, as well as the sheets, in hot water.", False),
        ("en", "Generic ibuprofen works as well as the branded one.", True),
        ("es", "La gripe y el resfriado son dos de las más frecuentes que padecemos.", False),
        ("es", "El ibuprofeno es más seguro que la aspirina.", True),
    ],
)
def test_comparisons_not_conjunctions_or_superlatives(
    lang: str, text: str, comparison: bool
) -> None:
    claim = detect(cues_for(lang), text)
    assert (claim is not None and "comparison" in claim.categories) is comparison


def test_one_finding_per_paragraph_lists_the_other_claims(tmp_path: Path) -> None:
    text = (
        "About 18 in 100 people on statins report muscle pain. On a placebo, 17 in 100 do. "
        "So statins cause it in about 1 in 100.\n\nAbout 1 in 10 adults has diabetes.\n\n"
        "Statins lower cholesterol by a third ([NICE](https://www.nice.org.uk/cg181)).\n"
    )
    article = check_text(tmp_path, text, select=["CLM001"])
    first, second = only(article, "CLM001")
    assert (first.line, first.text, second.line) == (1, "18 in 100", 3)
    assert "and 2 more claims in this paragraph" in first.message
    assert [c["cue"] for c in first.details["paragraph_claims"]] == ["17 in 100", "cause"]
    assert [c["column"] for c in first.details["paragraph_claims"]] == [69, 94]
    write(tmp_path, "checker.toml", "[claims]\nparagraph-citations = false\n")
    config = load_config(tmp_path / "checker.toml")
    article = check_text(tmp_path, text, config=config, select=["CLM001"])
    assert len(only(article, "CLM001")) == 4


def test_an_article_that_cites_nothing_is_summed_up_once(tmp_path: Path) -> None:
    text = (
        "About 18 in 100 people on statins report muscle pain.\n\n"
        "Studies show statins cut heart attacks by 30%.\n\n"
        "The usual dose is 20 mg once a day.\n"
    )
    article = check_text(tmp_path, text, select=["CLM"])
    assert only(article, "CLM001") == []
    (summary,) = only(article, "CLM005")
    assert [c["line"] for c in summary.details["claims"]] == [1, 3, 5]
    in_place = only(article, "CLM006")
    assert [(f.line, f.severity) for f in in_place] == [(n, Severity.INFO) for n in (1, 3, 5)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The majority of patients improve."),
        ("fr", "Dans la majorité des cas, ces infections disparaissent en deux semaines."),
        ("es", "La mayoría de los adultos pasan años sin sufrir una gripe."),
    ],
)
def test_a_statistic_without_a_figure_is_not_checkable(lang: str, text: str) -> None:
    claim = detect(cues_for(lang), text)
    assert claim is not None and "statistic" in claim.categories
    assert not claim.checkable


@pytest.mark.parametrize(
    "text",
    [
        "If the answer is yes, Reid suggested taking only 500 milligrams a day.",
        "In 2006, GAIT researchers reported that the pills were no better than placebo.",
    ],
)
def test_a_named_expert_or_trial_sources_the_sentence(tmp_path: Path, text: str) -> None:
    article = check_text(tmp_path, text + "\n", select=["CLM001", "CLM004"])
    assert [f.code for f in article.findings] == ["CLM004"]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Previous research has independently linked olive oil with less heart disease.", True),
        ("Various studies have pointed to its benefit in reducing stroke.", True),
        ("Next, statins lower cholesterol by 30%.", False),  # 'Next' is no navigation here
    ],
)
def test_appeals_to_research_and_navigation_words(text: str, evidence: bool) -> None:
    claim = detect(cues_for("en"), text)
    assert claim is not None
    assert ("evidence" in claim.categories) is evidence


def test_a_heterogeneity_statistic_is_no_citation_marker(tmp_path: Path) -> None:
    text = "Fewer women had a caesarean (RR 1.2, 4 trials, I² = 38%; R² 0.4; χ² 3.1).\n"
    assert only(check_text(tmp_path, text, select=["CLM003"]), "CLM003") == []
    cited = "Statins lower cholesterol.² They are cheap.\n"
    assert [f.text for f in only(check_text(tmp_path, cited, select=["CLM003"]), "CLM003")] == ["²"]


@pytest.mark.parametrize(
    "text",
    [
        "The review of trials found that immunotherapy can reduce asthma attacks by 30%.",
        "We did not find sufficient evidence to support a change in 25% of cases.",
    ],
)
def test_a_review_reporting_its_own_results_is_its_own_source(tmp_path: Path, text: str) -> None:
    article = check_text(tmp_path, text + "\n", select=["CLM"])
    assert [f.code for f in article.findings if f.severity is not Severity.INFO] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Antibiotics are used to cure bacterial infections."),
        ("en", "Resistant infections are harder to treat and cure."),
        ("es", "Son más difíciles de tratar y curar."),
        ("fr", "Ces infections sont plus difficiles à soigner et à guérir."),
    ],
)
def test_what_a_treatment_is_for_is_no_promise(lang: str, text: str) -> None:
    claim = detect(cues_for(lang), text)
    assert claim is None or claim.category != "absolute"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Das Bundesinstitut für Risikobewertung (BfR) warnt vor 100 µg am Tag."),
        ("es", "El Instituto Federal de Evaluación de Riesgos (BfR) desaconseja 100 µg al día."),
        ("en", "A 2021 sleep survey by SingleCare found that 20% of adults take melatonin."),
        ("en", "Ibuprofen may raise blood pressure by 5% (PNAS: Kristensen et al, 2018)."),
    ],
)
def test_organisations_surveys_and_journal_references_are_sources(
    tmp_path: Path, lang: str, text: str
) -> None:
    article = check_text(tmp_path, f"---\nlang: {lang}\n---\n{text}\n", select=["CLM001", "CLM004"])
    assert [f.code for f in article.findings] == ["CLM004"]


def test_an_abbreviation_expanded_is_no_source() -> None:
    assert cues_for("en").search("source", "Chronic obstructive pulmonary disease (COPD).") is None


@pytest.mark.parametrize(
    ("lang", "text", "dose"),
    [
        ("en", "People in the trial lost 100 grams a week.", False),
        ("fr", "Une canette de 250 ml contient du sucre.", False),
        ("es", "Las altas dosis de cafeína son peligrosas.", False),
        ("en", "The usual dose is 500 mg twice a day.", True),
        ("en", "The maximum for adults is 4 g a day.", True),
        ("de", "Erwachsene nehmen bis zu 2.400 mg am Tag.", True),
    ],
)
def test_doses_are_medicine_amounts_not_cans_or_weight(lang: str, text: str, dose: bool) -> None:
    claim = detect(cues_for(lang), text)
    assert (claim is not None and "dose" in claim.categories) is dose


def test_the_items_of_one_list_are_one_finding(tmp_path: Path) -> None:
    text = (
        "Metformin and vitamin B12:\n\n"
        "- About 1 in 10 people on metformin lack B12.\n"
        "- After 4 years, 20% of users are low.\n"
        "- The usual dose is 500 mg twice a day.\n\n"
        "Statins lower cholesterol ([NICE](https://www.nice.org.uk/cg181)).\n"
    )
    (finding,) = only(check_text(tmp_path, text, select=["CLM001"]), "CLM001")
    assert finding.line == 3
    assert [c["line"] for c in finding.details["paragraph_claims"]] == [4, 5]
