"""The translation memory: a paragraph translated in one article's catalog fills the same
paragraph in another's (init and update), marked for review with where it came from;
compendiums and TMX files; close matches only when asked; nothing a translator wrote is
ever overwritten; stats count what the memory filled; every catalog passes msgfmt -c."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config
from checker.i18n.layout import Layout
from checker.i18n.memory import NOTE, from_memory
from checker.i18n.workflow import extract, init, update
from tests.conftest import make_config, write
from tests.test_i18n import msgfmt_check

SHARED = "Take methotrexate once a week, on the same day each week."
SPANISH = "Tome metotrexato una vez por semana, el mismo día cada semana."
FIRST = f"""---
lang: en
---
# Methotrexate

{SHARED}

Methotrexate can cause mouth ulcers.
"""
SECOND = f"""---
lang: en
---
# Leflunomide

{SHARED}

Leflunomide can cause diarrhoea.
"""


def _project(tmp_path: Path, **i18n: object) -> Config:
    write(tmp_path, "content/first.md", FIRST)
    write(tmp_path, "content/second.md", SECOND)
    config = make_config(tmp_path)
    if i18n:
        config = dataclasses.replace(config, i18n=dataclasses.replace(config.i18n, **i18n))
    extract(config)
    return config


def _translate(path: Path, translations: dict[str, str], fuzzy: bool = False) -> None:
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
            if fuzzy:
                entry.flags.append("fuzzy")
    catalog.save()


def _entry(path: Path, msgid: str) -> polib.POEntry:
    found = polib.pofile(str(path)).find(msgid)
    assert found is not None, msgid
    return found


def _first_translated(config: Config) -> Layout:
    layout = Layout.of(config)
    init(config, "es", ["first"])
    _translate(layout.catalog("es", "first"), {SHARED: SPANISH, "Methotrexate": "Metotrexato"})
    return layout


def test_init_fills_a_paragraph_translated_in_another_article(tmp_path: Path) -> None:
    config = _project(tmp_path)
    layout = _first_translated(config)
    (outcome,) = init(config, "es", ["second"])
    assert outcome.status == "created"
    assert "1 filled from the translation memory (fuzzy, to review)" in outcome.detail
    second = layout.catalog("es", "second")
    entry = _entry(second, SHARED)
    assert entry.msgstr == SPANISH and "fuzzy" in entry.flags
    assert entry.tcomment == f"{NOTE}exact match from locales/es/LC_MESSAGES/first.po"
    assert from_memory(entry)
    # never translated anywhere: stays empty
    assert _entry(second, "Leflunomide can cause diarrhoea.").msgstr == ""
    assert _entry(second, "Leflunomide").msgstr == ""
    msgfmt_check(second)


def test_update_fills_and_never_overwrites_what_a_translator_wrote(tmp_path: Path) -> None:
    config = _project(tmp_path)
    layout = Layout.of(config)
    init(config, "es", memory=False)
    second = layout.catalog("es", "second")
    assert _entry(second, SHARED).msgstr == ""
    _translate(layout.catalog("es", "first"), {SHARED: SPANISH})
    _translate(second, {"Leflunomide": "Leflunomida (borrador)"}, fuzzy=True)
    outcomes = {o.path: o for o in update(config, ["es"])}
    assert "1 filled" in outcomes["locales/es/LC_MESSAGES/second.po"].detail
    assert _entry(second, SHARED).msgstr == SPANISH
    assert _entry(second, "Leflunomide").msgstr == "Leflunomida (borrador)"  # kept, fuzzy
    # a translator's own translation is never replaced by the memory's
    _translate(second, {SHARED: "Tome el metotrexato los lunes."})
    (again,) = [o for o in update(config, ["es"]) if o.path.endswith("second.po")]
    assert again.status == "up-to-date"
    assert _entry(second, SHARED).msgstr == "Tome el metotrexato los lunes."
    msgfmt_check(second)


def test_update_check_does_not_count_what_the_memory_could_fill(tmp_path: Path) -> None:
    config = _project(tmp_path)
    layout = Layout.of(config)
    init(config, "es", memory=False)
    _translate(layout.catalog("es", "first"), {SHARED: SPANISH})
    assert {o.status for o in update(config, ["es"], check=True)} == {"up-to-date"}


def test_reviewed_fills_when_the_project_says_so(tmp_path: Path) -> None:
    config = _project(tmp_path, memory_review=False)
    layout = _first_translated(config)
    (outcome,) = init(config, "es", ["second"])
    assert outcome.detail.endswith("1 filled from the translation memory")
    assert "fuzzy" not in _entry(layout.catalog("es", "second"), SHARED).flags


def test_close_matches_only_when_asked_and_always_for_review(tmp_path: Path) -> None:
    close = SHARED.replace("each week", "every week")
    write(tmp_path, "content/third.md", f"---\nlang: en\n---\n{close}\n")
    config = _project(tmp_path)
    layout = _first_translated(config)
    init(config, "es", ["third"])
    assert _entry(layout.catalog("es", "third"), close).msgstr == ""
    layout.catalog("es", "third").unlink()
    asked = dataclasses.replace(config, i18n=dataclasses.replace(config.i18n, memory_fuzzy=True))
    init(asked, "es", ["third"])
    entry = _entry(layout.catalog("es", "third"), close)
    assert entry.msgstr == SPANISH and "fuzzy" in entry.flags
    assert entry.previous_msgid == SHARED
    assert "% match from locales/es/LC_MESSAGES/first.po" in entry.tcomment
    msgfmt_check(layout.catalog("es", "third"))


def test_compendiums_and_tmx_files_of_the_locale(tmp_path: Path) -> None:
    compendium = polib.POFile()
    compendium.metadata = {"Language": "es", "Content-Type": "text/plain; charset=UTF-8"}
    compendium.append(polib.POEntry(msgid="Leflunomide", msgstr="Leflunomida"))
    (tmp_path / "tm").mkdir()
    compendium.save(str(tmp_path / "tm" / "es.po"))
    french = polib.POFile()
    french.metadata = {"Language": "fr", "Content-Type": "text/plain; charset=UTF-8"}
    french.append(polib.POEntry(msgid="Leflunomide", msgstr="Léflunomide"))
    french.save(str(tmp_path / "tm" / "french.po"))
    (tmp_path / "tm" / "agency.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" '
        'datatype="plaintext"/><body><tu><tuv xml:lang="en-GB"><seg>Leflunomide can cause '
        'diarrhoea.</seg></tuv><tuv xml:lang="es-ES"><seg>La leflunomida puede causar '
        "diarrea.</seg></tuv></tu></body></tmx>\n",
        encoding="utf-8",
    )
    config = _project(
        tmp_path, memory=("tm/french.po", "tm/{locale}.po", "tm/agency.tmx", "tm/missing.po")
    )
    outcomes = init(config, "es", ["second"])
    errors = [o for o in outcomes if o.error]
    assert [(o.path, o.detail) for o in errors] == [("tm/missing.po", "memory file not found")]
    second = Layout.of(config).catalog("es", "second")
    assert _entry(second, "Leflunomide").msgstr == "Leflunomida"  # not French's, read first
    assert _entry(second, "Leflunomide").tcomment.endswith("from tm/es.po")
    diarrhoea = _entry(second, "Leflunomide can cause diarrhoea.")
    assert diarrhoea.msgstr == "La leflunomida puede causar diarrea."
    assert diarrhoea.tcomment.endswith("from tm/agency.tmx")
    msgfmt_check(second)


def test_the_command_line_and_stats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _project(tmp_path)
    _first_translated(config)
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\npaths = ["content"]\n')
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    skipped = runner.invoke(app, ["i18n", "init", "-l", "es", "-a", "second", "--no-memory"])
    assert skipped.exit_code == 0 and "filled" not in skipped.output
    Layout.of(config).catalog("es", "second").unlink()
    created = runner.invoke(app, ["i18n", "init", "-l", "es", "-a", "second"])
    assert "1 filled from the translation memory" in created.output
    stats = runner.invoke(app, ["i18n", "stats", "--format", "json"])
    rows = {r["article"]: r["units"] for r in json.loads(stats.stdout)["catalogs"]}
    assert rows["second"]["from_memory"] == 1 and rows["second"]["fuzzy"] == 1
    assert rows["first"]["from_memory"] == 0
    text = runner.invoke(app, ["i18n", "stats"]).output
    assert "memory" in text.splitlines()[0]


def test_a_close_match_is_never_called_exact_and_disputes_need_review(tmp_path: Path) -> None:
    from checker.i18n.memory import TranslationMemory, fill

    memory = TranslationMemory()
    for origin, target in (("a.po", "No tome aspirina."), ("b.po", "No tome la aspirina.")):
        catalog = polib.POFile()
        catalog.append(polib.POEntry(msgid="Do NOT take aspirin.", msgstr=target))
        catalog.append(polib.POEntry(msgid="Warning", msgstr="Advertencia"))
        memory.add_catalog(catalog, origin)
    target = polib.POFile()
    target.append(polib.POEntry(msgid="do not take aspirin!"))  # only case and punctuation
    target.append(polib.POEntry(msgid="Do NOT take aspirin."))
    target.append(polib.POEntry(msgid="Warning\n"))  # msgfmt -c: the line break must match
    assert fill(target, memory, review=False, close=True) == 2
    close, disputed, newline = list(target)
    assert "fuzzy" in close.flags and "exact" not in close.tcomment
    assert close.previous_msgid == "Do NOT take aspirin."
    assert disputed.msgstr == "No tome aspirina." and "fuzzy" in disputed.flags
    assert "other catalogs say: No tome la aspirina." in disputed.tcomment
    assert newline.msgstr == ""


def test_a_broken_memory_file_with_a_colon_in_its_name_is_named(tmp_path: Path) -> None:
    (tmp_path / "tm").mkdir()
    (tmp_path / "tm" / "agency: q3.tmx").write_text("<tmx><broken", encoding="utf-8")
    config = _project(tmp_path, memory=("tm/agency: q3.tmx",))
    outcomes = init(config, "es")
    errors = [(o.path, o.detail) for o in outcomes if o.error]
    assert errors and errors[0][0] == "tm/agency: q3.tmx"
    assert "not a readable TMX file" in errors[0][1]
    assert sum(o.status == "created" for o in outcomes) == 2
