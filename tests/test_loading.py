"""Loading real-world mess: each repair is recorded with its kind and line, positions stay right."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Config
from checker.loading import load_document, parse_document
from checker.model import BlockKind, Document, Repair
from checker.text.segment import split_sentences
from tests.conftest import FIXTURES, LONG_31, check_text, make_config, only, write


def load_fixture(name: str) -> Document:
    return load_document(FIXTURES / name, Config(root=FIXTURES))


def blocks(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in doc.blocks]


def position(doc: Document, block_index: int, offset: int = 0) -> tuple[int, int]:
    return doc.position(doc.blocks[block_index].content.source_offset(offset))


def repair_kinds(doc: Document) -> list[tuple[str, int | None]]:
    return [(r.kind, r.line) for r in doc.repairs]


def parse(text: str, fmt: str = "markdown", path: str = "a.md") -> Document:
    return parse_document(text, fmt, path, path, Config(root=Path("/nonexistent")))


# -- mojibake -------------------------------------------------------------------------


def test_mojibake_is_fixed_and_recorded() -> None:
    doc = load_fixture("mojibake.md")
    assert blocks(doc) == [
        ("heading", "Lupus"),
        (
            "paragraph",
            "Lupus is when your body’s immune system attacks healthy parts of your body.",
        ),
    ]
    assert repair_kinds(doc) == [("mojibake", 3)]
    assert doc.repairs[0].count == 1


def test_mojibake_keeps_source_columns_after_the_repair() -> None:
    doc = load_fixture("mojibake.md")
    para = doc.blocks[1]
    source_line = doc.source.splitlines()[2]
    cleaned_at = para.text.index("immune")
    line, col = position(doc, 1, cleaned_at)
    assert line == 3
    assert col == source_line.index("immune") + 1
    # the repaired apostrophe covers all three mis-decoded characters
    apostrophe = para.text.index("’")
    start, end = para.content.source_span(apostrophe, apostrophe + 1)
    assert doc.source[start:end] == "â€™"


def test_finding_after_mojibake_points_at_source_column(tmp_path: Path) -> None:
    line = f"Your bodyâ€™s cells are fine. {LONG_31}"
    article = check_text(tmp_path, f"# Title\n\n{line}\n", select=["RDG003"])
    (finding,) = only(article, "RDG003")
    assert finding.line == 3
    assert finding.column == line.index("If you get") + 1
    assert finding.end_line == 3
    assert finding.end_column == len(line) + 1
    assert finding.text == LONG_31


# -- CMS export: an article inside a front-matter field with literal \n -------------------


def test_answer_field_with_escaped_newlines_becomes_blocks() -> None:
    doc = load_fixture("cms_answer.txt")
    assert blocks(doc) == [
        ("heading", "Caring for your joints"),
        ("paragraph", "Arthritis is common."),
        ("list-item", "Rest: Rest your joints often."),
        ("list-item", "Move: Walk a little each day."),
        ("paragraph", "Ask your doctor for help."),
    ]
    assert [b.source_field for b in doc.blocks] == ["title", "answer", "answer", "answer", "answer"]
    assert repair_kinds(doc) == [("escaped-newlines", 3)]
    assert doc.repairs[0].count == 5


def test_answer_field_blocks_map_into_the_front_matter_line() -> None:
    doc = load_fixture("cms_answer.txt")
    source_lines = doc.source.split("\n")
    assert position(doc, 0) == (2, source_lines[1].index("Caring") + 1)
    for index, word in ((1, "Arthritis"), (2, "Rest:"), (3, "Move"), (4, "Ask")):
        line, col = position(doc, index)
        assert line == 4
        assert source_lines[3][col - 1 :].startswith(word.rstrip(":"))


# -- one word per line ------------------------------------------------------------------


def test_one_word_per_line_is_reflowed() -> None:
    doc = load_fixture("one_word_per_line.txt")
    assert blocks(doc) == [
        ("heading", "Heart health"),
        ("paragraph", "Your heart pumps blood all around your body every day."),
        ("paragraph", "Eat well and move more."),
    ]
    assert repair_kinds(doc) == [("reflow", 3)]
    assert doc.repairs[0].count == 10
    # "pumps" was on line 5 of the file
    para = doc.blocks[1]
    assert position(doc, 1, para.text.index("pumps")) == (5, 1)


def test_short_runs_of_one_word_lines_are_not_reflowed() -> None:
    doc = parse("Eat\nwell\ntoday.\n", fmt="text", path="a.txt")
    assert [r.kind for r in doc.repairs] == []
    assert blocks(doc) == [("paragraph", "Eat well today.")]


# -- entities ---------------------------------------------------------------------------


def test_entities_and_double_encoded_entities_are_decoded() -> None:
    doc = load_fixture("entities.txt")
    texts = [" ".join(b.text.split()) for b in doc.blocks]
    assert texts == ["Sleep well and rest.", "Tea and toast are fine."]
    assert all("&" not in b.text and "nbsp" not in b.text for b in doc.blocks)
    assert repair_kinds(doc) == [("entities", 1)]
    assert doc.repairs[0].count == 3  # &nbsp; once, &amp;nbsp; twice (two levels)


def test_entity_position_covers_the_entity() -> None:
    doc = load_fixture("entities.txt")
    para = doc.blocks[0]
    space = para.text.index(" ")
    start, end = para.content.source_span(space, space + 1)
    assert doc.source[start:end] == "&nbsp;"
    assert position(doc, 0, para.text.index("well")) == (1, 12)


# -- scraped pages ----------------------------------------------------------------------


def test_scraped_boilerplate_is_removed_with_repairs() -> None:
    doc = load_fixture("scraped.txt")
    assert blocks(doc) == [
        ("heading", "Understanding asthma"),
        ("paragraph", "Asthma makes it hard to breathe. Inhalers help you breathe easier."),
    ]
    assert repair_kinds(doc) == [
        ("navigation", 1),
        ("duplicate", 5),
        ("metadata", 9),
        ("metadata", 11),
        ("teaser", 13),
        ("navigation", 18),
    ]
    by_line = {r.line: r for r in doc.repairs}
    assert "Nov, 1 2025" in by_line[9].message
    assert "'9'" in by_line[11].message
    assert by_line[13].count == 4
    assert "View Details" in by_line[13].message
    assert "More Detail" in by_line[18].message


@pytest.mark.parametrize(
    "line",
    ["View Details", "view details >", "Read more", "Home", "Share this article", "Leer más"],
)
def test_navigation_lines_are_dropped(line: str) -> None:
    doc = parse(f"Rest well and drink water.\n\n{line}\n", fmt="text", path="a.txt")
    assert blocks(doc) == [("paragraph", "Rest well and drink water.")]
    assert [r.kind for r in doc.repairs] == ["navigation"]
    assert doc.repairs[0].line == 3


def test_real_sentence_mentioning_home_is_kept() -> None:
    doc = parse("Rest at home for two days.\n", fmt="text", path="a.txt")
    assert blocks(doc) == [("paragraph", "Rest at home for two days.")]
    assert doc.repairs == ()


# -- plain text structure ---------------------------------------------------------------


def test_plain_text_headings_paragraphs_and_lists() -> None:
    doc = load_fixture("plain.txt")
    assert blocks(doc) == [
        ("heading", "Living with diabetes"),
        (
            "paragraph",
            "Diabetes is a condition that affects how your body uses sugar. It is common and it "
            "can be managed well with care.",
        ),
        ("heading", "What to eat"),
        ("list-item", "Eat vegetables every day."),
        ("list-item", "Drink water instead of soda."),
        ("paragraph", "Talk to your doctor if you feel unwell."),
    ]
    assert [b.level for b in doc.blocks if b.kind is BlockKind.HEADING] == [1, 2]
    assert doc.repairs == ()


def test_plain_text_soft_wrap_keeps_positions() -> None:
    doc = load_fixture("plain.txt")
    para = doc.blocks[1]
    assert position(doc, 1, para.text.index("common")) == (4, 1)
    assert position(doc, 3) == (8, 3)  # list item text after "- "


# -- HTML -------------------------------------------------------------------------------


def test_html_blocks_lang_and_ignored_elements() -> None:
    doc = load_fixture("page.html")
    assert doc.lang == "es"
    assert doc.lang_source == "html"
    assert doc.declared_lang == "es-MX"
    assert blocks(doc) == [
        ("heading", "Cuidar el corazón"),
        ("paragraph", "Camine todos los días. Coma frutas & verduras."),
        ("paragraph", "Use con cuidado."),
        ("image-alt", "Un corazón sano"),
        ("image-alt", ""),
        ("image-alt", ""),
        ("list-item", "Duerma bien."),
        ("list-item", "Beba agua."),
    ]
    assert [b.attrs.get("alt") for b in doc.blocks if b.kind is BlockKind.IMAGE_ALT] == [
        "present",
        "missing",
        "empty",
    ]
    text = " ".join(b.text for b in doc.blocks)
    for hidden in ("No leer", "color", "Inicio", "Temas", "print"):
        assert hidden not in text


def test_html_positions() -> None:
    doc = load_fixture("page.html")
    assert position(doc, 0) == (9, 5)
    para = doc.blocks[1]
    # "todos" comes after the six-character &nbsp; entity: source column 16
    assert position(doc, 1, para.text.index("todos")) == (10, 16)
    space = para.text.index(" ")
    start, end = para.content.source_span(space, space + 1)
    assert doc.source[start:end] == "&nbsp;"
    assert position(doc, 3) == (12, 23)  # the alt text inside the tag
    assert position(doc, 4) == (13, 1)  # an image without alt still has a position
    assert position(doc, 7) == (15, 30)


def test_html_line_break_separates_sentences() -> None:
    doc = parse("<p>Take one tablet.<br>Drink some water.</p>\n", fmt="html", path="a.html")
    (block,) = doc.blocks
    assert "tablet.Drink" not in block.text
    assert [block.text[a:b] for a, b in split_sentences(block.text, "en")] == [
        "Take one tablet.",
        "Drink some water.",
    ]


def test_html_title_keeps_entities() -> None:
    doc = load_fixture("page.html")
    assert doc.metadata["title"] == "Salud & vida"


# -- Markdown ---------------------------------------------------------------------------


def test_markdown_blocks() -> None:
    doc = load_fixture("article.md")
    assert doc.format == "markdown"
    assert blocks(doc) == [
        ("heading", "Managing asthma"),
        ("heading", "What asthma is"),
        ("paragraph", "Asthma is common and treatable. See the guide for more."),
        ("image-alt", "Inhaler in use"),
        ("image-alt", ""),
        ("list-item", "Use your inhaler every day."),
        ("list-item", "Keep a diary of symptoms."),
        ("table-cell", "Drug"),
        ("table-cell", "Dose"),
        ("table-cell", "Salbutamol"),
        ("table-cell", "Two puffs"),
        ("heading", "When to get help"),
        ("paragraph", "Call your doctor if it gets worse."),
    ]
    assert doc.blocks[0].source_field == "title"
    assert [b.level for b in doc.blocks if b.kind is BlockKind.HEADING] == [1, 2, 2]
    assert doc.blocks[3].attrs == {"src": "inhaler.png", "alt": "present"}
    assert doc.blocks[4].attrs == {"src": "spacer.png", "alt": "missing"}
    assert all("ignored entirely" not in b.text for b in doc.blocks)


def test_markdown_positions_after_stripped_markup() -> None:
    doc = load_fixture("article.md")
    para = doc.blocks[2]
    source_line = doc.source.split("\n")[6]
    for word in ("common", "treatable", "See", "for", "more"):
        line, col = position(doc, 2, para.text.index(word))
        assert (line, col) == (7, source_line.index(word) + 1)
    # the link text keeps its own place: a finding inside it points at its words
    link = para.text.index("the guide")
    start, end = para.content.source_span(link, link + len("the guide"))
    assert doc.source[start:end] == "the guide"
    assert doc.source[end : end + 2] == "]("
    assert position(doc, 3) == (9, 3)
    assert position(doc, 9) == (18, 3)
    assert position(doc, 11) == (24, 4)


def test_markdown_image_without_alt_points_at_the_image() -> None:
    doc = load_fixture("article.md")
    image = doc.blocks[4]
    assert image.kind is BlockKind.IMAGE_ALT and image.text == ""
    assert position(doc, 4) == (11, 1)


def test_markdown_code_span_and_html_comment_are_dropped() -> None:
    doc = parse("Run `rm -rf /` now <!-- note --> and *rest*.\n")
    assert blocks(doc) == [("paragraph", "Run  now  and rest.")]


def test_markdown_footnote_definition_leaves_no_marker_residue() -> None:
    doc = parse("Rest well.[^1]\n\n[^1]: Smith and Jones, 2020.\n")
    assert doc.blocks[0].text == "Rest well."
    assert all(not b.text.startswith(":") for b in doc.blocks), blocks(doc)


def test_markdown_soft_breaks_keep_positions() -> None:
    doc = parse("A paragraph that\nwraps over *three*\nlines of text.\n")
    (para,) = doc.blocks
    assert para.text == "A paragraph that wraps over three lines of text."
    assert position(doc, 0, para.text.index("wraps")) == (2, 1)
    assert position(doc, 0, para.text.index("three")) == (2, 13)
    assert position(doc, 0, para.text.index("lines")) == (3, 1)


def test_front_matter_plain_and_quoted_scalars_keep_positions() -> None:
    source = (
        "---\nsummary: This is a long\n  summary that wraps.\n"
        'description: "Quoted text here."\n---\n'
    )
    doc = parse(source)
    assert blocks(doc) == [
        ("paragraph", "This is a long summary that wraps."),
        ("paragraph", "Quoted text here."),
    ]
    assert position(doc, 0, doc.blocks[0].text.index("that")) == (3, 11)
    assert position(doc, 1, doc.blocks[1].text.index("here")) == (4, 27)


def test_markdown_blockquote_and_nested_list() -> None:
    doc = parse("> Quote here.\n\n- One\n  - Two\n")
    assert [(b.kind.value, b.text, b.level) for b in doc.blocks] == [
        ("quote", "Quote here.", 0),
        ("list-item", "One", 1),
        ("list-item", "Two", 2),
    ]


def test_repair_json_shape() -> None:
    repair = Repair("reflow", "re-flowed", 3, 10)
    assert repair.to_json() == {"kind": "reflow", "message": "re-flowed", "line": 3, "count": 10}


def test_repairs_become_chk002_findings(tmp_path: Path) -> None:
    article = check_text(
        tmp_path,
        (FIXTURES / "scraped.txt").read_text(encoding="utf-8"),
        name="s.txt",
        config=make_config(tmp_path),
    )
    chk = only(article, "CHK002")
    assert [(f.line, f.details["kind"]) for f in chk] == [
        (1, "navigation"),
        (5, "duplicate"),
        (9, "metadata"),
        (11, "metadata"),
        (13, "teaser"),
        (18, "navigation"),
    ]
    assert all(f.severity.label == "info" and f.column == 1 for f in chk)


@pytest.mark.parametrize(
    ("markup", "prose"),
    [
        ("{% render_section COVID-19 %}\n\nWash your hands.", "Wash your hands."),
        ("The link is {{ findersBaseUrl }} here.", "The link is  here."),
        ('{{< figure src="/images/steps.png" >}}\n\nWash your hands.', "Wash your hands."),
        ("{{% notice warning %}}\nWash your hands.\n{{% /notice %}}", "Wash your hands."),
        ("{# a note for editors #}Wash your hands.", "Wash your hands."),
        (
            "Read the [NICE guidance](https://www.nice.org.uk/ng1){rel=external} first.",
            "Read the NICE guidance first.",
        ),
        ("Wash your hands.{: .lead}", "Wash your hands."),
    ],
)
def test_template_tags_and_attribute_lists_are_not_prose(
    tmp_path: Path, markup: str, prose: str
) -> None:
    path = write(tmp_path, "a.md", f"---\nlang: en\n---\n{markup}\n")
    document = load_document(path, Config())
    assert [b.text for b in document.blocks] == [prose]
    assert [r.kind for r in document.repairs] == ["markup"]


def test_a_link_with_spaces_around_its_destination_is_a_link(tmp_path: Path) -> None:
    text = "Get the [mumps vaccine]( http://www.vaccines.gov/mumps ) today.\n"
    document = load_document(write(tmp_path, "a.md", text), Config())
    (block,) = document.blocks
    assert block.text == "Get the mumps vaccine today."
    assert [link.href for link in block.links] == ["http://www.vaccines.gov/mumps"]
    start, end = block.links[0].start, block.links[0].end
    assert text[start:end] == "mumps vaccine"


REFERENCED = """---
lang: en
---
# Flu

Flu vaccines cut the chance of going to hospital by about 40% [1]. Most people get
better in a week. Rest and drink water. Ask your pharmacist about pain relief.

English | Español | Français | 한국어 | Tiếng Việt | 中文

## References

1. Smith J. Influenza vaccine effectiveness: a systematic review and meta-analysis of
   randomised controlled trials. Lancet Infect Dis. 2020;20(3):345-356.
2. World Health Organization. Influenza (seasonal) fact sheet. Geneva: WHO; 2023.

## Next steps

Talk to your nurse.
"""


def test_a_reference_list_is_read_as_citations_not_prose(tmp_path: Path) -> None:
    article = check_text(tmp_path, REFERENCED)
    doc = article.document
    kinds = [(b.kind.value, b.text[:12]) for b in doc.blocks]
    assert [k for k, _ in kinds].count("reference") == 2
    assert ("paragraph", "Talk to your") in kinds  # the next section is prose again
    (repair,) = [r for r in doc.repairs if r.kind == "references"]
    assert (repair.line, repair.count) == (11, 2)
    # not prose: no grade from the titles, no jargon or abbreviations from them
    hardest = " ".join(s["text"] for s in article.metrics["hardest_sentences"])
    assert "Lancet" not in hardest and "Smith" not in hardest
    assert not [f for f in article.findings if f.code.startswith("PLN") and f.line in (13, 14, 15)]
    # still read for citations: the [1] in the text is a cited claim
    assert any(f.code == "CLM004" for f in article.findings)


def test_a_language_menu_is_page_chrome(tmp_path: Path) -> None:
    article = check_text(tmp_path, REFERENCED)
    assert not any("Español" in b.text for b in article.document.blocks)
    (repair,) = [r for r in article.document.repairs if "language menu" in r.message]
    assert repair.line == 9
    assert not [f for f in article.findings if f.code == "PLN002" and f.line == 9]


RUN_TOGETHER = """---
lang: en
---
Symptoms of flu
Flu starts suddenly. You may feel very tired.
When to see a GP
See a GP if you are over 65.

This paragraph is wrapped at a width, as editors often do, so that it goes on
for a while and ends on the second line.

Rest well.
Drink water.
Call us if you feel worse.
"""


def test_lines_markdown_runs_together_are_read_as_written(tmp_path: Path) -> None:
    doc = check_text(tmp_path, RUN_TOGETHER).document
    shown = [(b.kind.value, b.level, b.text) for b in doc.blocks]
    assert shown == [
        ("heading", 0, "Symptoms of flu"),
        ("paragraph", 0, "Flu starts suddenly. You may feel very tired."),
        ("heading", 0, "When to see a GP"),
        ("paragraph", 0, "See a GP if you are over 65."),
        (
            "paragraph",
            0,
            "This paragraph is wrapped at a width, as editors often do, so that it goes on "
            "for a while and ends on the second line.",
        ),
        ("paragraph", 0, "Rest well."),
        ("paragraph", 0, "Drink water."),
        ("paragraph", 0, "Call us if you feel worse."),
    ]
    assert [doc.position(b.content.source_offset(0))[0] for b in doc.blocks][:4] == [4, 5, 6, 7]
    repairs = [(r.line, r.count) for r in doc.repairs if r.kind == "run-together"]
    assert repairs == [(4, 4), (12, 3)]


@pytest.mark.parametrize(
    ("content", "separate"),
    [
        ("Symptoms of flu\nFlu starts suddenly.", True),
        ("One sentence.\nTwo sentences.\nThree sentences.", True),
        ("One sentence.\nTwo sentences.", False),  # may be wrapped prose
        ("A sentence that is wrapped\nin the middle.", False),
        ("Symptoms of flu\nand colds are alike.", False),  # the next line continues it
        ("Take these with food,\nAnd water.", False),
    ],
)
def test_runs_together(content: str, separate: bool) -> None:
    from checker.loading.markdown import runs_together

    assert runs_together(content) is separate
