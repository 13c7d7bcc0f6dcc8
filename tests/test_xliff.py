"""XLIFF export and import: 1.2 and 2.0 round trips, a file edited as a CAT tool would,
units whose source changed since the export, and nothing lost; every catalog written
passes msgfmt -c."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from lxml import etree
from typer.testing import CliRunner

from checker.cli import app
from checker.i18n.xliff import unit_id
from tests.test_i18n import msgfmt_check

ARTICLE = """---
lang: en
---
# Flares

A flare can last weeks.

Rest when you can.

![A chart of flares over a year](chart.png)
"""
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "flare.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\npaths = ["content"]\n')
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["i18n", "extract"]).exit_code == 0
    assert runner.invoke(app, ["i18n", "init", "-l", "es"]).exit_code == 0
    catalog = _catalog(tmp_path)
    po = polib.pofile(str(catalog))
    for entry in po:
        if entry.msgid == "Flares":
            entry.msgstr = "Brotes"
        elif entry.msgid == "A flare can last weeks.":
            entry.msgstr = "Una crisis puede durar semanas."
            entry.flags.append("fuzzy")
            entry.tcomment = "check the term"
    po.save(str(catalog))
    return tmp_path


def _catalog(project: Path) -> Path:
    return project / "locales" / "es" / "LC_MESSAGES" / "flare.po"


def _export(project: Path, version: str) -> etree._Element:
    result = CliRunner().invoke(
        app, ["i18n", "export", "-l", "es", "--out", "agency", "--xliff-version", version]
    )
    assert result.exit_code == 0, result.output
    assert "agency/flare.es.xlf: exported: XLIFF" in result.output
    return etree.parse(str(project / "agency" / "flare.es.xlf")).getroot()


def _entries(project: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(_catalog(project)))}


def test_xliff_12_round_trip(project: Path) -> None:
    root = _export(project, "1.2")
    assert root.tag == f"{{{NS12}}}xliff" and root.get("version") == "1.2"
    (file,) = root
    assert file.get("original") == "locales/es/LC_MESSAGES/flare.po"
    assert (file.get("source-language"), file.get("target-language")) == ("en", "es")
    units = {u.findtext(f"{{{NS12}}}source"): u for u in root.iter(f"{{{NS12}}}trans-unit")}
    entries = _entries(project)
    for source, unit in units.items():
        assert unit.get("id") == unit_id(entries[source])
    fuzzy = units["A flare can last weeks."]
    assert fuzzy.find(f"{{{NS12}}}target").get("state") == "needs-review-translation"
    notes = [(n.get("from"), n.text) for n in fuzzy.iter(f"{{{NS12}}}note")]
    assert ("translator", "check the term") in notes and ("developer", "paragraph") in notes
    assert units["Flares"].find(f"{{{NS12}}}target").get("state") == "translated"
    alt = units["A chart of flares over a year"]
    assert ("developer", "context: alt text") in [(n.get("from"), n.text) for n in alt]
    assert alt.find(f"{{{NS12}}}target") is None  # untranslated: nothing to translate over

    # the agency's tool: the fuzzy unit revised and signed off, the rest translated
    fuzzy.find(f"{{{NS12}}}target").text = "Un brote puede durar semanas."
    fuzzy.find(f"{{{NS12}}}target").set("state", "signed-off")
    for source, text in (
        ("Rest when you can.", "Descanse cuando pueda."),
        ("A chart of flares over a year", "Un gráfico de brotes en un año"),
    ):
        target = etree.SubElement(units[source], f"{{{NS12}}}target", state="translated")
        target.text = text
    etree.ElementTree(root).write(str(project / "agency" / "flare.es.xlf"), encoding="UTF-8")

    result = CliRunner().invoke(app, ["i18n", "import", "agency/flare.es.xlf"])
    assert result.exit_code == 0, result.output
    assert "3 translated, 0 to review, 1 unchanged" in result.output
    entries = _entries(project)
    assert entries["A flare can last weeks."].msgstr == "Un brote puede durar semanas."
    assert "fuzzy" not in entries["A flare can last weeks."].flags
    assert entries["A flare can last weeks."].tcomment == "check the term"
    assert entries["A chart of flares over a year"].msgctxt == "alt text"
    assert entries["A chart of flares over a year"].msgstr == "Un gráfico de brotes en un año"
    assert entries["Flares"].msgstr == "Brotes"
    msgfmt_check(_catalog(project))


def test_xliff_20_round_trip_with_review_states(project: Path) -> None:
    root = _export(project, "2.0")
    assert root.tag == f"{{{NS20}}}xliff" and root.get("trgLang") == "es"
    units = {
        u.find(f"{{{NS20}}}segment").findtext(f"{{{NS20}}}source"): u
        for u in root.iter(f"{{{NS20}}}unit")
    }
    for unit in units.values():  # notes belong to the unit, before its segment
        assert [etree.QName(c).localname for c in unit][-1] == "segment"
    fuzzy = units["A flare can last weeks."]
    assert fuzzy.find(f"{{{NS20}}}segment").get("state") == "initial"
    assert fuzzy.find(f"{{{NS20}}}notes") is not None
    assert units["Flares"].find(f"{{{NS20}}}segment").get("state") == "translated"
    # a draft for review: a target in the initial state comes back fuzzy
    segment = units["Rest when you can."].find(f"{{{NS20}}}segment")
    etree.SubElement(segment, f"{{{NS20}}}target").text = "Descanse si puede."
    etree.ElementTree(root).write(str(project / "agency" / "flare.es.xlf"), encoding="UTF-8")
    result = CliRunner().invoke(app, ["i18n", "import", "agency/flare.es.xlf"])
    assert result.exit_code == 0, result.output
    entries = _entries(project)
    assert entries["Rest when you can."].msgstr == "Descanse si puede."
    assert "fuzzy" in entries["Rest when you can."].flags
    assert entries["A flare can last weeks."].msgstr == "Una crisis puede durar semanas."
    assert "fuzzy" in entries["A flare can last weeks."].flags
    msgfmt_check(_catalog(project))


def test_units_whose_source_changed_are_not_imported(project: Path) -> None:
    root = _export(project, "1.2")
    for unit in root.iter(f"{{{NS12}}}trans-unit"):
        target = unit.find(f"{{{NS12}}}target")
        if target is None:
            target = etree.SubElement(unit, f"{{{NS12}}}target")
        target.text = "Traducido: " + unit.findtext(f"{{{NS12}}}source")
        target.set("state", "translated")
    etree.ElementTree(root).write(str(project / "agency" / "flare.es.xlf"), encoding="UTF-8")
    # meanwhile the writer edits the article, and the catalog follows
    article = project / "content" / "flare.md"
    article.write_text(ARTICLE.replace("Rest when you can.", "Rest when you need to."), "utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["i18n", "extract"]).exit_code == 0
    assert runner.invoke(app, ["i18n", "update"]).exit_code == 0
    result = runner.invoke(app, ["i18n", "import", "agency/flare.es.xlf"])
    assert result.exit_code == 1
    assert "1 not imported: their source changed since the export" in result.output
    entries = _entries(project)
    assert entries["Flares"].msgstr == "Traducido: Flares"
    assert not entries["Rest when you need to."].msgstr.startswith("Traducido")
    msgfmt_check(_catalog(project))


def test_nothing_is_lost_or_broken(project: Path) -> None:
    root = _export(project, "1.2")
    units = {u.findtext(f"{{{NS12}}}source"): u for u in root.iter(f"{{{NS12}}}trans-unit")}
    units["Flares"].find(f"{{{NS12}}}target").text = ""  # an emptied target
    bad = etree.SubElement(units["Rest when you can."], f"{{{NS12}}}target", state="translated")
    bad.text = "Descanse cuando pueda.\n"  # msgfmt -c refuses a line break the source lacks
    etree.ElementTree(root).write(str(project / "agency" / "flare.es.xlf"), encoding="UTF-8")
    result = CliRunner().invoke(app, ["i18n", "import", "agency/flare.es.xlf"])
    assert result.exit_code == 1
    assert "1 not imported: a line break at one end" in result.output
    entries = _entries(project)
    assert entries["Flares"].msgstr == "Brotes"
    assert entries["Rest when you can."].msgstr == ""
    msgfmt_check(_catalog(project))


def test_a_file_edited_by_a_cat_tool_with_prefixes_and_alternatives(project: Path) -> None:
    _export(project, "1.2")
    flare = unit_id(_entries(project)["Rest when you can."])
    (project / "agency" / "edited.xlf").write_text(
        f"""<?xml version="1.0" encoding="utf-8"?>
<x:xliff xmlns:x="{NS12}" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2">
 <x:file target-language="es-ES" source-language="en-GB" datatype="x-po"
   original="locales/es/LC_MESSAGES/flare.po" sdl:tool="x">
  <x:header><x:tool tool-id="cat" tool-name="A CAT tool"/></x:header>
  <x:body><x:group>
   <x:trans-unit id="{flare}" approved="yes" translate="yes">
    <x:source>Rest when you can.</x:source>
    <x:target state="final" xml:lang="es-ES">Descanse cuando pueda.</x:target>
    <x:alt-trans><x:target>Repose</x:target></x:alt-trans>
   </x:trans-unit>
  </x:group></x:body>
 </x:file>
</x:xliff>
""",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["i18n", "import", "agency/edited.xlf"])
    assert result.exit_code == 0, result.output
    assert _entries(project)["Rest when you can."].msgstr == "Descanse cuando pueda."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<not xml", "not XML"),
        (
            b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
            b'original="../../etc/passwd.po" target-language="es"><body/></file></xliff>',
            "which is not a catalog of this project",
        ),
        (b"<html/>", "not an XLIFF file"),
    ],
)
def test_files_that_cannot_be_imported_are_named(
    project: Path, content: bytes, message: str
) -> None:
    path = project / "bad.xlf"
    path.write_bytes(content)
    result = CliRunner().invoke(app, ["i18n", "import", "bad.xlf"])
    assert result.exit_code == 2
    assert "bad.xlf" in result.output and message in result.output


def test_bad_export_options_are_usage_errors(project: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["i18n", "export", "-l", "es", "-o", "x", "-f", "tmx"]).exit_code == 2
    result = runner.invoke(app, ["i18n", "export", "-l", "es", "-o", "x", "--xliff-version", "3"])
    assert result.exit_code == 2 and "1.2 or 2.0" in result.output


def test_a_reviewed_translation_replaced_by_an_import_is_kept(project: Path) -> None:
    root = _export(project, "1.2")
    units = {u.findtext(f"{{{NS12}}}source"): u for u in root.iter(f"{{{NS12}}}trans-unit")}
    units["Flares"].find(f"{{{NS12}}}target").text = "Rebrotes"
    body = next(root.iter(f"{{{NS12}}}body"))
    body.insert(0, etree.Comment(" exported by a CAT tool "))
    placeholder = etree.SubElement(units["Rest when you can."], f"{{{NS12}}}target")
    placeholder.set("state", "translated")
    placeholder.text = "Descanse "
    etree.SubElement(placeholder, f"{{{NS12}}}x", id="1")
    etree.ElementTree(root).write(str(project / "agency" / "flare.es.xlf"), encoding="UTF-8")
    result = CliRunner().invoke(app, ["i18n", "import", "agency/flare.es.xlf"])
    assert result.exit_code == 1, result.output
    assert "1 replaced a reviewed translation" in result.output
    assert "1 not imported: inline codes" in result.output
    entries = _entries(project)
    assert entries["Flares"].msgstr == "Rebrotes" and "fuzzy" in entries["Flares"].flags
    assert "before import: Brotes" in entries["Flares"].tcomment
    assert entries["Rest when you can."].msgstr == ""
    msgfmt_check(_catalog(project))


def test_export_never_replaces_a_file_waiting_to_be_imported(project: Path) -> None:
    _export(project, "1.2")
    runner = CliRunner()
    again = runner.invoke(app, ["i18n", "export", "-l", "es", "--out", "agency"])
    assert again.exit_code == 2 and "export with --force" in again.output
    forced = runner.invoke(app, ["i18n", "export", "-l", "es", "--out", "agency", "--force"])
    assert forced.exit_code == 0
