"""The gettext round trip: extract, init, update, compile, stats and build."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config, I18nOptions
from checker.i18n.build import build
from checker.i18n.catalog import CatalogError, CatalogLocked, catalog_lock, read_catalog
from checker.i18n.layout import Layout
from checker.i18n.merge import merge
from checker.i18n.workflow import compile_catalogs, extract, init, update
from tests.conftest import make_config, write

HEADER = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'

ARTICLE = """---
title: Taking methotrexate
lang: en
---

# Taking methotrexate

Methotrexate is taken **once a week**, never every day [^1].

See the [NHS page](https://www.nhs.uk/methotrexate/) for more.

- Take 7.5 mg to start.
- About 50% of patients feel better within 12 weeks.

![A pill box with days of the week](box.png)

[^1]: British National Formulary, 2024.
"""


def msgfmt_check(path: Path) -> None:
    """Fail unless GNU msgfmt accepts ``path`` with -c (skipped without gettext locally)."""
    if shutil.which("msgfmt") is None:
        if os.environ.get("CHECKER_REQUIRE_MSGFMT"):
            pytest.fail("msgfmt is required here (CHECKER_REQUIRE_MSGFMT is set)")
        pytest.skip("GNU gettext's msgfmt is not installed")
    done = subprocess.run(
        ["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def project(tmp_path: Path, text: str = ARTICLE, name: str = "content/mtx.md"):  # type: ignore[no-untyped-def]
    write(tmp_path, name, text)
    return make_config(tmp_path)


def started(tmp_path: Path, locale: str) -> tuple[Config, Path]:
    """A project with the sample article extracted and a new catalog of ``locale``."""
    config = project(tmp_path)
    extract(config)
    init(config, locale)
    return config, Layout.of(config).catalog(locale, "mtx")


def translate_all(path: Path, prefix: str = "ES ") -> None:
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = prefix + entry.msgid
    catalog.save()


def test_extract_keeps_inline_markup_references_and_contexts(tmp_path: Path) -> None:
    config = project(tmp_path)
    (outcome,) = extract(config)
    assert outcome.status == "written"
    template = read_catalog(Layout.of(config).template("mtx"))
    by_id = {(e.msgctxt, e.msgid): e for e in template}
    assert (None, "Methotrexate is taken **once a week**, never every day [^1].") in by_id
    assert (None, "See the [NHS page](https://www.nhs.uk/methotrexate/) for more.") in by_id
    assert ("title", "Taking methotrexate") in by_id  # the title field is its own context
    heading = by_id[(None, "Taking methotrexate")]
    assert heading.occurrences == [("content/mtx.md", "6")]
    assert heading.comment == "heading level 1"
    assert ("alt text", "A pill box with days of the week") in by_id
    # prose with a percent sign is not a format string
    percent = by_id[(None, "About 50% of patients feel better within 12 weeks.")]
    assert "python-format" not in percent.flags


def test_extract_twice_gives_a_byte_identical_template(tmp_path: Path) -> None:
    config = project(tmp_path)
    extract(config)
    path = Layout.of(config).template("mtx")
    first = path.read_bytes()
    (outcome,) = extract(config)
    assert outcome.status == "unchanged"
    assert path.read_bytes() == first


def test_init_writes_a_valid_header_with_gettexts_plural_forms(tmp_path: Path) -> None:
    config = project(tmp_path)
    extract(config)
    (outcome,) = init(config, "fr")
    assert outcome.status == "created"
    path = Layout.of(config).catalog("fr", "mtx")
    catalog = read_catalog(path)
    assert catalog.metadata["Language"] == "fr"
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert catalog.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert catalog.metadata["X-Source-File"] == "content/mtx.md"
    msgfmt_check(path)
    (again,) = init(config, "fr")
    assert again.status == "exists"
    with pytest.raises(CatalogError, match="unknown locale"):
        init(config, "xx_NOPE")


def test_update_keeps_fuzzy_matches_new_and_obsolete_units(tmp_path: Path) -> None:
    config, path = started(tmp_path, "es")
    translate_all(path)
    catalog = polib.pofile(str(path))
    catalog[2].tcomment = "checked by the pharmacist"
    catalog.save()

    edited = (
        ARTICLE.replace("never every day", "never every single day")
        .replace("- Take 7.5 mg to start.\n", "")
        .replace("# Taking methotrexate\n", "# Taking methotrexate\n\nA brand new line.\n")
    )
    write(tmp_path, "content/mtx.md", edited)
    extract(config)
    (outcome,) = update(config, check=True)
    assert outcome.status == "out-of-date"
    (outcome,) = update(config)
    assert outcome.status == "updated", outcome
    assert "1 fuzzy" in outcome.detail and "1 new" in outcome.detail

    merged = read_catalog(path)
    entries = {e.msgid: e for e in merged if not e.obsolete}
    fuzzy = entries["Methotrexate is taken **once a week**, never every single day [^1]."]
    assert "fuzzy" in fuzzy.flags
    assert fuzzy.previous_msgid == "Methotrexate is taken **once a week**, never every day [^1]."
    assert fuzzy.msgstr == "ES Methotrexate is taken **once a week**, never every day [^1]."
    assert entries["A brand new line."].msgstr == ""
    (gone,) = merged.obsolete_entries()
    assert gone.msgid == "Take 7.5 mg to start." and gone.msgstr == "ES Take 7.5 mg to start."
    assert "checked by the pharmacist" in path.read_text(encoding="utf-8")
    msgfmt_check(path)
    (outcome,) = update(config, check=True)
    assert outcome.status == "up-to-date"

    # the removed item comes back: its obsolete translation is revived, not duplicated
    write(tmp_path, "content/mtx.md", ARTICLE)
    extract(config)
    update(config)
    revived = read_catalog(path)
    assert not revived.obsolete_entries()
    item = next(e for e in revived if e.msgid == "Take 7.5 mg to start.")
    assert item.msgstr == "ES Take 7.5 mg to start." and "fuzzy" not in item.flags
    msgfmt_check(path)


def test_merge_never_drops_a_translation_and_rejects_unrelated_short_texts() -> None:
    old = polib.POFile()
    for text in ("Take it with food.", "Wash your hands before each injection, every time."):
        old.append(polib.POEntry(msgid=text, msgstr="T " + text))
    template = polib.POFile()
    template.append(polib.POEntry(msgid="Take a rest."))
    template.append(polib.POEntry(msgid="Wash your hands before every injection, every time."))
    merged, report = merge(old, template)
    kept = {e.msgid: e for e in merged}
    # a long unit edited by a word is matched; a short unrelated one is not
    edited = kept["Wash your hands before every injection, every time."]
    assert "fuzzy" in edited.flags
    assert edited.msgstr == "T Wash your hands before each injection, every time."
    assert kept["Take a rest."].msgstr == ""
    assert kept["Take it with food."].obsolete
    assert kept["Take it with food."].msgstr == "T Take it with food."
    assert (report.fuzzy, report.new, report.obsolete) == (1, 1, 1)


def test_compile_leaves_out_fuzzy_entries(tmp_path: Path) -> None:
    config, path = started(tmp_path, "de")
    translate_all(path, "DE ")
    catalog = polib.pofile(str(path))
    catalog[0].flags.append("fuzzy")
    catalog.save()
    (outcome,) = compile_catalogs(config)
    assert "1 fuzzy left out" in outcome.detail
    compiled = polib.mofile(str(Layout.of(config).compiled("de", "mtx")))
    assert catalog[0].msgid_with_context not in {e.msgid_with_context for e in compiled}
    assert len(compiled) == len(catalog) - 1
    compile_catalogs(config, use_fuzzy=True)
    assert len(polib.mofile(str(Layout.of(config).compiled("de", "mtx")))) == len(catalog)


def test_build_rebuilds_the_article_with_fallbacks_marked(tmp_path: Path) -> None:
    config, path = started(tmp_path, "es")
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid.startswith("See the"):
            continue  # left untranslated
        entry.msgstr = {"Taking methotrexate": "Cómo tomar metotrexato: guía"}.get(
            entry.msgid, "ES " + entry.msgid
        )
    catalog.save()
    (refused,) = build(config, "es", min_translated=95)
    assert refused.status == "refused" and "87.5%" in refused.detail
    (outcome,) = build(config, "es")
    assert outcome.status == "built", outcome
    built = (tmp_path / "content/es/mtx.md").read_text(encoding="utf-8")
    assert "lang: es" in built and "lang: en" not in built
    # a title with ': ' is quoted so that the front matter stays valid YAML
    assert 'title: "Cómo tomar metotrexato: guía"' in built
    assert "# Cómo tomar metotrexato: guía" in built
    assert "See the [NHS page](https://www.nhs.uk/methotrexate/) for more. <!-- i18n:" in built
    assert "![ES A pill box with days of the week](box.png)" in built


def test_build_refuses_a_translation_that_breaks_the_structure(tmp_path: Path) -> None:
    config, path = started(tmp_path, "es")
    translate_all(path)
    catalog = polib.pofile(str(path))
    next(e for e in catalog if e.msgid.startswith("Methotrexate is")).msgstr = "Uno\n\n# Dos"
    catalog.save()
    (outcome,) = build(config, "es")
    assert outcome.status == "error"
    assert not (tmp_path / "content/es/mtx.md").exists()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            HEADER + b'msgid "a"\nmsgstr "b\n',
            6,
            "syntax error",
        ),
        (b'msgid "a"\nmsgstr "b"\n', 1, "no header entry"),
        (
            HEADER.replace(b"UTF-8", b"KLINGON"),
            3,
            "unknown charset",
        ),
        (
            HEADER + b'msgid "a"\nmsgstr "\xe9"\n',
            6,
            "not valid UTF-8",
        ),
        (
            HEADER + b'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n',
            8,
            "duplicate message definition",
        ),
    ],
)
def test_bad_catalogs_name_the_file_and_line(
    tmp_path: Path, text: bytes, line: int, message: str
) -> None:
    path = write(tmp_path, "bad.po", text)
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert caught.value.line == line
    assert message in caught.value.message
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_a_bad_catalog_is_left_untouched_and_the_others_carry_on(tmp_path: Path) -> None:
    config = project(tmp_path)
    write(tmp_path, "content/other.md", "# Other\n\nDrink water every day.\n")
    extract(config)
    init(config, "es")
    layout = Layout.of(config)
    broken = layout.catalog("es", "mtx")
    broken_text = broken.read_text(encoding="utf-8") + 'msgid "x"\nmsgstr "unclosed\n'
    broken.write_text(broken_text, encoding="utf-8")
    write(tmp_path, "content/other.md", "# Other\n\nDrink water every day.\n\nAnd rest.\n")
    extract(config)
    outcomes = {o.path.rsplit("/", 1)[-1]: o for o in update(config)}
    assert outcomes["mtx.po"].error and "syntax error" in outcomes["mtx.po"].detail
    assert outcomes["other.po"].status == "updated"
    assert broken.read_text(encoding="utf-8") == broken_text


def test_a_second_update_of_the_same_catalog_is_refused(tmp_path: Path) -> None:
    config, path = started(tmp_path, "es")
    with catalog_lock(path):
        (outcome,) = update(config)
        assert outcome.error and "another checker is updating" in outcome.detail
        with pytest.raises(CatalogLocked), catalog_lock(path):
            pass


def test_cli_round_trip_and_stats_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project(tmp_path)
    write(tmp_path, "pyproject.toml", '[tool.checker]\npaths = ["content"]\n')
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["i18n", "extract"]).exit_code == 0
    assert runner.invoke(app, ["i18n", "init", "--locale", "es"]).exit_code == 0
    path = tmp_path / "locales/es/LC_MESSAGES/mtx.po"
    catalog = polib.pofile(str(path))
    catalog[0].msgstr = "Tomar metotrexato"
    catalog.save()
    done = runner.invoke(app, ["i18n", "stats", "--format", "json"])
    assert done.exit_code == 0, done.output
    import json

    (row,) = json.loads(done.output)["catalogs"]
    assert row["units"]["translated"] == 1 and row["units"]["total"] == 8
    assert row["units"]["translated_percent"] == 12.5
    assert runner.invoke(app, ["i18n", "update", "--check"]).exit_code == 0
    refused = runner.invoke(app, ["i18n", "build", "--locale", "es"])
    assert refused.exit_code == 1 and "at least 80% needed" in refused.output


def test_i18n_options_from_config(tmp_path: Path) -> None:
    from checker.config import ConfigError, load_config

    good = write(
        tmp_path,
        "pyproject.toml",
        '[tool.checker.i18n]\nlocales = ["es"]\nmin-translated = 90\nlength-ratio = [0.4, 2.5]\n',
    )
    options = load_config(good).i18n
    assert options == I18nOptions(locales=("es",), min_translated=90.0, length_ratio=(0.4, 2.5))
    write(tmp_path, "pyproject.toml", '[tool.checker.i18n]\nbuild-dir = "out"\n')
    with pytest.raises(ConfigError, match=r"tool\.checker\.i18n\.build-dir"):
        load_config(good)
    for bad in ("min-translated = nan", "length-ratio = [0.5, inf]", "obsolete-percent = -inf"):
        write(tmp_path, "pyproject.toml", f"[tool.checker.i18n]\n{bad}\n")
        with pytest.raises(ConfigError, match=r"tool\.checker\.i18n\."):
            load_config(good)


ROUND_TRIP = """# Translation of content/a.md into es.
msgid ""
msgstr ""
"Project-Id-Version: a\\n"
"Language: es\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

# checked by the pharmacist, 2026
#. paragraph
#: content/a.md:3
msgid "About 50% of patients feel better."
msgstr "Alrededor del 50 % de los pacientes se sienten mejor."

#. paragraph
#: content/a.md:5
#, fuzzy
#| msgid ""
#| "Take the tablets with a full glass of water after breakfast, every "
#| "morning."
msgid ""
"Take the tablets with a full glass of water after breakfast, every single "
"morning."
msgstr ""
"Tome los comprimidos con un vaso lleno de agua después del desayuno, cada "
"mañana."

#. front matter: title
#: content/a.md:1
msgctxt "title"
msgid "Methotrexate"
msgstr "Metotrexato"

#~ msgid "Stop if you feel sick."
#~ msgstr "Deje de tomarlo si se siente mal."
"""


def test_a_catalog_survives_a_read_and_write_byte_for_byte(tmp_path: Path) -> None:
    from checker.i18n.catalog import render

    path = write(tmp_path, "a.po", ROUND_TRIP)
    catalog = read_catalog(path)
    assert render(catalog) == ROUND_TRIP
    fuzzy = next(e for e in catalog if "fuzzy" in e.flags)
    assert fuzzy.previous_msgid.startswith("Take the tablets")
    assert [e.msgid for e in catalog.obsolete_entries()] == ["Stop if you feel sick."]
    msgfmt_check(path)


def test_checker_check_reports_catalogs_and_checks_the_built_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    config = project(tmp_path)
    write(tmp_path, "pyproject.toml", '[tool.checker]\npaths = ["content"]\n')
    extract(config)
    init(config, "es")
    init(config, "fr")
    path = Layout.of(config).catalog("es", "mtx")
    spanish = {
        "Taking methotrexate": "Tomar metotrexato",
        "Methotrexate is taken **once a week**, never every day [^1].": (
            "El metotrexato se toma **una vez por semana**, nunca todos los días [^1]."
        ),
        "See the [NHS page](https://www.nhs.uk/methotrexate/) for more.": (
            "Consulte la [página del NHS](https://www.nhs.uk/methotrexate/) para saber más."
        ),
        "Take 7.5 mg to start.": "Tome 75 mg para empezar.",
        "About 50% of patients feel better within 12 weeks.": (
            "Alrededor del 50 % de los pacientes se sienten mejor en 12 semanas."
        ),
        "A pill box with days of the week": "Un pastillero con los días de la semana",
        "British National Formulary, 2024.": "British National Formulary, 2024.",
    }
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = spanish[entry.msgid]
    catalog.save()
    broken = Layout.of(config).catalog("fr", "mtx")
    broken.write_text(broken.read_text(encoding="utf-8") + 'msgid "x"\nmsgstr "y\n', "utf-8")
    write(tmp_path, "content/mtx.md", ARTICLE + "\nA new closing paragraph.\n")

    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(app, ["check", "--format", "json"])
    report = json.loads(done.output)
    by_path = {a["path"]: a for a in report["articles"]}
    es = by_path["locales/es/LC_MESSAGES/mtx.po"]
    assert es["format"] == "gettext" and es["metrics"]["catalog"]["units"]["translated"] == 8
    found = {(f["code"], f["line"]) for f in es["findings"]}
    dose_line = next(e.linenum for e in read_catalog(path) if e.msgid.startswith("Take 7.5"))
    assert ("TRN004", dose_line) in found
    assert any(code == "TRN011" for code, _ in found)  # the new paragraph is not in it
    assert "TRN007" not in {code for code, _ in found}  # a reference is kept as written
    fr = by_path["locales/fr/LC_MESSAGES/mtx.po"]
    (error,) = fr["findings"]
    assert error["code"] == "TRN010" and "syntax error" in error["message"]
    built = by_path["content/es/mtx.md"]
    assert built["lang"] == "es" and built["metrics"]["grade"] is not None
    assert done.exit_code == 1
    text = CliRunner().invoke(app, ["check", "--format", "text"]).output
    assert "content/es/mtx.md (built in memory from locales/es/LC_MESSAGES/mtx.po" in text


def test_a_latin_1_catalog_is_written_back_in_utf_8_with_a_matching_header(
    tmp_path: Path,
) -> None:
    from checker.i18n.catalog import render

    text = HEADER.replace(b"UTF-8", b"ISO-8859-1") + 'msgid "a"\nmsgstr "Poivré"\n'.encode(
        "latin-1"
    )
    catalog = read_catalog(write(tmp_path, "a.po", text))
    assert catalog[0].msgstr == "Poivré"
    again = write(tmp_path, "b.po", render(catalog))
    assert "charset=UTF-8" in again.read_text(encoding="utf-8")
    assert read_catalog(again)[0].msgstr == "Poivré"
    msgfmt_check(again)


PLAIN_SOURCE = """---
title: Colds
lang: en
---

Most colds get better in a week. Drink plenty of water and rest.

Wash your hands often. Stay at home if you feel unwell.

See a doctor if you find it hard to breathe or if you still feel ill after ten days.
"""

HARD_SPANISH = {
    "Colds": "Resfriados",
    "Most colds get better in a week. Drink plenty of water and rest.": (
        "La mayoría de los procesos catarrales experimentan una resolución espontánea "
        "aproximadamente en el transcurso de una semana, siendo recomendable mantener una "
        "hidratación abundante y un reposo adecuado durante la convalecencia."
    ),
    "Wash your hands often. Stay at home if you feel unwell.": (
        "Es aconsejable realizar una higiene de manos frecuente y permanecer en el domicilio "
        "ante la presencia de sintomatología compatible con malestar generalizado."
    ),
    "See a doctor if you find it hard to breathe or if you still feel ill after ten days.": (
        "Consulte con un profesional sanitario ante cualquier dificultad respiratoria o "
        "persistencia de la sintomatología transcurridos diez días desde su aparición."
    ),
}
PLAIN_SPANISH = {
    "Colds": "Resfriados",
    "Most colds get better in a week. Drink plenty of water and rest.": (
        "Casi todos los resfriados se curan en una semana. Beba mucha agua y descanse."
    ),
    "Wash your hands often. Stay at home if you feel unwell.": (
        "Lávese las manos a menudo. Quédese en casa si se siente mal."
    ),
    "See a doctor if you find it hard to breathe or if you still feel ill after ten days.": (
        "Vaya al médico si le cuesta respirar o si sigue mal a los diez días."
    ),
}


@pytest.mark.parametrize(("spanish", "flagged"), [(HARD_SPANISH, True), (PLAIN_SPANISH, False)])
def test_a_translation_harder_than_its_source_on_its_own_scale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spanish: dict[str, str], flagged: bool
) -> None:
    import json

    config = project(tmp_path, PLAIN_SOURCE, "content/colds.md")
    write(tmp_path, "pyproject.toml", '[tool.checker]\npaths = ["content"]\n')
    extract(config)
    init(config, "es")
    path = Layout.of(config).catalog("es", "colds")
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = spanish[entry.msgid]
    catalog.save()
    monkeypatch.chdir(tmp_path)
    report = json.loads(CliRunner().invoke(app, ["check", "--format", "json"]).output)
    es = next(a for a in report["articles"] if a["path"] == "locales/es/LC_MESSAGES/colds.po")
    harder = [f for f in es["findings"] if f["code"] == "TRN012"]
    if not flagged:
        assert harder == []
        return
    (finding,) = harder
    details = finding["details"]
    assert details["grade"] == es["metrics"]["grade"] > details["target_grade"]
    # the English grade moved to the Spanish scale (3 grades lower), then 2 grades of slack
    assert details["expected_grade"] == round(details["source_grade"] - 3.0, 1)
    assert details["grade"] > details["expected_grade"] + 2


def test_grades_are_compared_on_the_translations_scale() -> None:
    from checker.rules.translation import harder_than as _harder_than_source

    # French reads 5.8 grades below English: English 9 is French 3.2
    assert _harder_than_source(9.0, 8.0, 9.0, "en", "fr") == (3.2, 8.0)
    # within its own target, a translation is fine however its source reads
    assert _harder_than_source(7.5, 8.0, 3.0, "en", "fr") is None
    # above target, but no harder than a hard source: the source's problem (RDG001)
    assert _harder_than_source(10.0, 8.0, 14.0, "en", "es") is None
    # a Spanish source translated to English: Spanish 6 is English 9
    assert _harder_than_source(11.5, 8.0, 6.0, "es", "en") == (9.0, 8.0)
    assert _harder_than_source(10.9, 8.0, 6.0, "es", "en") is None
    assert _harder_than_source(None, 8.0, 6.0, "es", "en") is None


def test_a_translation_already_checked_from_disk_is_scored_not_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catalog check needs the built translation's grade only; checking its rules (and
    LanguageTool) again would double the work and could disagree with the file's check."""
    import checker.i18n.check
    from checker.pipeline import check_paths
    from checker.selection import Selection

    config, path = started(tmp_path, "es")
    translate_all(path, "Tome ")
    build(config, "es")
    built = tmp_path / "content/es/mtx.md"
    assert built.is_file()
    checked_here: list[str] = []
    real = checker.i18n.check.check_document

    def counting(document, *args):  # type: ignore[no-untyped-def]
        checked_here.append(document.path)
        return real(document, *args)

    monkeypatch.setattr(checker.i18n.check, "check_document", counting)
    selection = Selection.build(["ALL"], ["GRM"])
    result = check_paths([tmp_path / "content"], config, selection, translations=True)
    assert checked_here == []
    catalog = next(a for a in result.articles if a.document.path.endswith(".po"))
    on_disk = next(a for a in result.articles if a.document.path == "content/es/mtx.md")
    assert catalog.metrics["grade"] == on_disk.metrics["grade"]
    # without the file on disk, the translation is built in memory and checked once
    built.unlink()
    check_paths([tmp_path / "content"], config, selection, translations=True)
    assert checked_here == ["content/es/mtx.md"]


def test_every_locale_s_catalog_reads_its_source_article_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.i18n.build
    from checker.pipeline import check_paths
    from checker.selection import Selection

    config = project(tmp_path)
    extract(config)
    for locale in ("es", "fr", "de"):
        init(config, locale)
    loads: list[str] = []
    real = checker.i18n.build.load_document

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        loads.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(checker.i18n.build, "load_document", counting)
    selection = Selection.build(["TRN"], [])
    result = check_paths([], config, selection, translations=True)
    assert len([a for a in result.articles if a.document.format == "gettext"]) == 3
    assert loads == ["mtx.md"]
    # an edited source is read again
    write(tmp_path, "content/mtx.md", ARTICLE + "\nA new paragraph.\n")
    check_paths([], config, selection, translations=True)
    assert loads == ["mtx.md", "mtx.md"]
