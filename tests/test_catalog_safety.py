"""Nothing lost.

Random edit, extract, update, translate and build cycles keep every translation
(with its translator comment and flags) and every catalog valid; an ``i18n update``
killed while it writes leaves each catalog either old or new, never broken, and the
next update finishes the job.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import polib
import pytest
import typer
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    rule,
    run_state_machine_as_test,
)

from checker.cli import app
from checker.config import Config, load_config
from checker.i18n.build import build
from checker.i18n.catalog import read_catalog, render, write_catalog
from checker.i18n.layout import Layout
from checker.i18n.workflow import StepResult, extract, init, update
from tests.conftest import make_config, write

REPO = Path(__file__).resolve().parents[1]
LOCALES = ("es", "fr")
MSGFMT = shutil.which("msgfmt")
PYPROJECT = '[tool.checker]\npaths = ["content"]\n\n[tool.checker.i18n]\nlocales = ["es", "fr"]\n'
VOCABULARY = (
    "take tablet water morning night nurse doctor dose meal rest fever cough sleep walk drink "
    "milk food pain rash week day hands skin blood test clinic call stop start slowly daily "
    "twice gently warm cold soft small large early late"
)
WORDS = tuple(VOCABULARY.split())

#: A folder in memory, where there is one: each catalog write waits for an fsync, which
#: takes milliseconds on a disk and adds up over the hundreds of cycles below.
FAST_TMP = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None

Key = tuple[str | None, str]


def key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt, entry.msgid)


def previous_key(entry: polib.POEntry) -> Key | None:
    if entry.previous_msgid is None:
        return None
    return (entry.previous_msgctxt, entry.previous_msgid)


def fake_translation(locale: str, msgid: str) -> str:
    return f"[{locale}] {msgid}"


def msgfmt_check(path: Path) -> None:
    """GNU msgfmt -c accepts ``path`` (not checked without gettext, unless it is required)."""
    if MSGFMT is None:
        return
    done = subprocess.run(
        [MSGFMT, "-c", "-o", os.devnull, str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, f"{path}:\n{done.stderr}"


def require_msgfmt_if_asked() -> None:
    """As in test_i18n: without gettext the msgfmt checks are left out, unless required."""
    if MSGFMT is None and os.environ.get("CHECKER_REQUIRE_MSGFMT"):
        pytest.fail("msgfmt is required here (CHECKER_REQUIRE_MSGFMT is set)")


def assert_no_errors(outcomes: list[StepResult]) -> None:
    errors = [o for o in outcomes if o.error]
    assert not errors, errors


@cache
def cli_command() -> Any:
    """The ``checker`` command users run, built once (typer's CliRunner builds it again
    on every call, which would be most of this test's time)."""
    return typer.main.get_command(app)


def run_cli(*args: str) -> None:
    code = cli_command().main(args=list(args), prog_name="checker", standalone_mode=False)
    assert code in (0, None), (args, code)


# -- random cycles ---------------------------------------------------------------------


def sentence(kind: str, words: list[str]) -> str:
    text = " ".join(words)
    text = text[0].upper() + text[1:]
    return text if kind == "h2" else text + "."


@dataclass
class Article:
    """A source article as units of words (so that an edit changes one word)."""

    heading: str
    title: list[str]
    units: list[tuple[str, list[str]]]  # (p, li or h2; its words)
    removed: list[tuple[str, list[str]]] = field(default_factory=list)

    @classmethod
    def of(cls, heading: str, title: str, *units: str) -> Article:
        """``units`` written as "p: the words", "li: ..." or "h2: ..."."""
        parsed = [(u.split(": ", 1)[0], u.split(": ", 1)[1].split(" ")) for u in units]
        return cls(heading, title.split(" "), parsed)

    def markdown(self) -> str:
        blocks: list[str] = []
        previous = ""
        for kind, words in self.units:
            text = sentence(kind, words)
            if kind == "li" and previous == "li":
                blocks[-1] += f"\n- {text}"  # one list
            else:
                blocks.append({"p": text, "li": f"- {text}", "h2": f"## {text}"}[kind])
            previous = kind
        title = " ".join(w.capitalize() for w in self.title)
        front = f"---\ntitle: {title}\nlang: en\n---\n\n# {self.heading}\n\n"
        return front + "\n\n".join(blocks) + "\n"


def first_articles() -> dict[str, Article]:
    return {
        "a": Article.of(
            "Taking your tablets",
            "taking your tablets",
            "p: drink a glass of water with each meal you eat",
            "h2: when to take them",
            "li: take one tablet in the morning after food",
            "li: take another tablet at night before sleep",
            "p: call the nurse if you feel sick or have a rash",
            "p: take the tablets with a full glass of water every morning",
        ),
        "b": Article.of(
            "Caring for your skin",
            "caring for skin",
            "p: wash your hands with warm water before each dose",
            "li: keep the cream in a cool dry place",
            "li: stop and call the clinic if the rash spreads",
            "h2: after the first week",
            "p: most people feel better within two weeks of starting",
        ),
    }


ARTICLES = tuple(first_articles())
EDITS = (
    "change a word",
    "add a unit",
    "remove a unit",
    "reorder units",
    "restore a removed unit",
    "edit the title",
    "duplicate a paragraph",
)


@dataclass(frozen=True)
class Edit:
    op: str
    index: int
    at: int
    word: str
    kind: str
    words: tuple[str, ...]


edits = st.builds(
    Edit,
    # removing, restoring and changing words weigh more: they make obsolete, revived and
    # fuzzy entries, and fuzzy entries going obsolete and coming back
    op=st.sampled_from(EDITS + ("change a word", "remove a unit", "restore a removed unit") * 2),
    index=st.integers(0, 20),
    at=st.integers(0, 20),
    word=st.sampled_from(WORDS),
    kind=st.sampled_from(("p", "li", "h2")),
    words=st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(tuple),
)
masks = st.lists(st.booleans(), min_size=1, max_size=6)


class Cycles(RuleBasedStateMachine):
    """A small project (two articles, two locales) edited, extracted, updated, translated
    and built at random; every update is checked against the catalogs before it and
    against a model of what the translator wrote."""

    #: what the checks saw, over all examples: the test is not vacuous
    seen: ClassVar[Counter[str]] = Counter()

    def __init__(self) -> None:
        super().__init__()
        self.tmp = tempfile.TemporaryDirectory(prefix="catalog-safety-", dir=FAST_TMP)
        self.root = Path(self.tmp.name)
        self.pyproject = write(self.root, "pyproject.toml", PYPROJECT)
        self.config: Config = load_config(self.pyproject)
        self.layout = Layout.of(self.config)
        self.articles = first_articles()
        #: the model: what the translator last wrote or accepted, per catalog and unit
        self.confirmed: dict[tuple[str, str], dict[Key, str]] = {
            (a, loc): {} for a in ARTICLES for loc in LOCALES
        }

    def teardown(self) -> None:
        self.tmp.cleanup()

    def cli(self, *args: str) -> None:
        run_cli("i18n", *args, "--config", str(self.pyproject))

    def write_articles(self) -> None:
        for article_id, article in self.articles.items():
            write(self.root, f"content/{article_id}.md", article.markdown())

    def catalogs(self) -> dict[tuple[str, str], polib.POFile]:
        return {
            (a, loc): read_catalog(self.layout.catalog(loc, a)) for a in ARTICLES for loc in LOCALES
        }

    @initialize()
    def start(self) -> None:
        """The articles extracted (through the CLI) and translated, with a few notes; then
        a unit edited (fuzzy) and removed: an obsolete fuzzy entry that may come back."""
        self.write_articles()
        self.cli("extract")
        for locale in LOCALES:
            self.cli("init", "--locale", locale)
            for a in ARTICLES:
                path = self.layout.catalog(locale, a)
                catalog = read_catalog(path)
                for n, entry in enumerate(catalog):
                    entry.msgstr = fake_translation(locale, entry.msgid)
                    self.confirmed[(a, locale)][key(entry)] = entry.msgstr
                    if n % 3 == 0:
                        entry.tcomment = f"checked by the nurse ({locale} {n})"
                write_catalog(catalog, path)
        article = self.articles["a"]
        article.units[-1][1][5] = "large"
        self.cycle(through_cli=False)
        article.removed.append(article.units.pop())
        self.cycle(through_cli=False)

    # -- the writer: an edit, then a cycle through the CLI, the library, or not yet ---

    @rule(a=st.sampled_from(ARTICLES), edit=edits, via=st.sampled_from(("cli", "lib", "later")))
    def edit(self, a: str, edit: Edit, via: str) -> None:
        article = self.articles[a]
        units = article.units
        where = edit.at % (len(units) + 1)
        index = edit.index % len(units)
        if edit.op == "change a word":
            words = units[index][1]
            words[edit.at % len(words)] = edit.word
        elif edit.op == "add a unit":
            units.insert(where, (edit.kind, list(edit.words)))
        elif edit.op == "remove a unit" and len(units) > 1:
            article.removed.append(units.pop(index))
        elif edit.op == "reorder units":
            other = edit.at % len(units)
            units[index], units[other] = units[other], units[index]
        elif edit.op == "restore a removed unit" and article.removed:
            units.insert(where, article.removed.pop(edit.index % len(article.removed)))
        elif edit.op == "edit the title":
            article.title[edit.at % len(article.title)] = edit.word
        elif edit.op == "duplicate a paragraph":
            paragraphs = [words for kind, words in units if kind == "p"]
            if paragraphs:
                units.insert(where, ("p", list(paragraphs[edit.index % len(paragraphs)])))
        if via != "later":
            self.cycle(via == "cli")

    # -- the translator -----------------------------------------------------------------

    @rule(
        a=st.sampled_from(ARTICLES),
        locale=st.sampled_from(LOCALES),
        translate=masks,
        review=masks,
        rewrite=st.booleans(),
        note=masks,
        tool=st.sampled_from(("checker", "polib")),
    )
    def translator(
        self,
        a: str,
        locale: str,
        translate: list[bool],
        review: list[bool],
        rewrite: bool,
        note: list[bool],
        tool: str,
    ) -> None:
        """Translate some new units, accept (or rewrite) some fuzzy ones, add notes."""
        path = self.layout.catalog(locale, a)
        catalog = read_catalog(path)
        confirmed = self.confirmed[(a, locale)]
        active = [e for e in catalog if not e.obsolete]
        for n, entry in enumerate(active):
            if not entry.msgstr and translate[n % len(translate)]:
                entry.msgstr = fake_translation(locale, entry.msgid)
                confirmed[key(entry)] = entry.msgstr
            elif "fuzzy" in entry.flags and review[n % len(review)]:
                earlier = previous_key(entry)
                if earlier is not None and confirmed.get(earlier) == entry.msgstr:
                    del confirmed[earlier]  # the translation now belongs to this unit
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgctxt = None
                if rewrite:
                    entry.msgstr = fake_translation(locale, entry.msgid)
                confirmed[key(entry)] = entry.msgstr
            if note[n % len(note)] and not entry.tcomment:
                entry.tcomment = f"note {n} for {locale}"
                entry.flags.append("no-wrap")
        if tool == "checker":
            write_catalog(catalog, path)
        else:
            catalog.save(str(path))  # another tool, which wraps its own way

    # -- extract, update and build, and the checks -------------------------------------

    def cycle(self, through_cli: bool) -> None:
        self.write_articles()
        before = self.catalogs()
        if through_cli:
            self.cli("extract")
            self.cli("update")
        else:
            assert_no_errors(extract(self.config))
            assert_no_errors(update(self.config))
        after = self.catalogs()
        for (a, locale), catalog in after.items():
            template = read_catalog(self.layout.template(a))
            self.check_update(f"{a}/{locale}", before[(a, locale)], catalog, template)
            self.check_model(
                f"{a}/{locale}", self.confirmed[(a, locale)], before[(a, locale)], catalog
            )
            msgfmt_check(self.layout.catalog(locale, a))
        # the update was complete: a second one has nothing to do
        assert {o.status for o in update(self.config, check=True)} == {"up-to-date"}
        for locale in LOCALES:
            if through_cli:
                self.cli("build", "--locale", locale, "--min-translated", "0")
            else:
                assert_no_errors(build(self.config, locale, min_translated=0))
            for a in ARTICLES:
                self.check_built(a, locale, after[(a, locale)])

    def check_update(
        self, where: str, before: polib.POFile, after: polib.POFile, template: polib.POFile
    ) -> None:
        """What an update may do to each entry, catalog before against catalog after."""
        assert [key(e) for e in after if not e.obsolete] == [key(e) for e in template], where
        old = {key(e): e for e in before}
        translated_before = [e for e in before if e.msgstr]
        for entry in after:
            earlier = old.get(key(entry))
            if entry.obsolete:
                assert entry.msgstr, (where, "an untranslated obsolete entry", entry.msgid)
                self.seen["obsolete"] += 1
            elif earlier is not None and (not earlier.obsolete or earlier.msgstr):
                # the same unit, or a removed one come back: all of it is kept
                assert same_entry(entry, earlier), (where, entry.msgid)
                self.seen["revived" if earlier.obsolete else "kept"] += 1
                if earlier.obsolete and "fuzzy" in entry.flags:
                    self.seen["revived fuzzy"] += 1
            elif entry.msgstr:
                # a changed unit: an old translation to review, its old text as #| msgid
                assert "fuzzy" in entry.flags, (where, entry.msgid)
                assert any(
                    e.msgstr == entry.msgstr
                    and (previous_key(e) if "fuzzy" in e.flags else key(e)) == previous_key(entry)
                    for e in translated_before
                ), (where, "a fuzzy match from nowhere", entry.msgid)
                self.seen["fuzzy"] += 1
            else:
                assert not entry.flags and not entry.tcomment, (where, entry.msgid)
                self.seen["new"] += 1
            if "fuzzy" in entry.flags:
                # the translator never marks a unit fuzzy here: a merge did, with the text
                # it was translated from (also on an obsolete entry, read back as #~|)
                assert entry.previous_msgid is not None, (where, "fuzzy without #|", entry.msgid)
                self.seen["obsolete fuzzy" if entry.obsolete else "still fuzzy"] += 1
        # nothing lost, nothing made up: every translation, with its comment and flags,
        # is there exactly as often as before (same unit, a fuzzy one or an obsolete one)
        assert translations(before) == translations(after), where

    def check_model(
        self, where: str, confirmed: dict[Key, str], before: polib.POFile, after: polib.POFile
    ) -> None:
        """Each translation the translator wrote or accepted is still with its unit, or
        with a fuzzy unit whose #| msgid is that unit; it stays with a unit still in the
        source, and comes back with a unit whose text returns."""
        old = {key(e): e for e in before}
        now = {key(e): e for e in after}
        for unit, msgstr in confirmed.items():
            had = old.get(unit)
            if unit in now and not now[unit].obsolete and had is not None and had.msgstr == msgstr:
                assert now[unit].msgstr == msgstr, (where, "lost", unit)
                assert now[unit].flags == had.flags, (where, "changed flags", unit)
            assert any(
                e.msgstr == msgstr
                and (key(e) == unit or ("fuzzy" in e.flags and previous_key(e) == unit))
                for e in after
            ), (where, "lost", unit, msgstr)

    def check_built(self, a: str, locale: str, catalog: polib.POFile) -> None:
        """The built article has every translation; the other units keep the source text."""
        built = self.layout.built(locale, a, ".md").read_text(encoding="utf-8")
        assert f"lang: {locale}\n" in built
        for entry in catalog:
            if entry.obsolete:
                continue
            if entry.msgstr and "fuzzy" not in entry.flags:
                assert entry.msgstr in built, (a, locale, entry.msgstr, built)
            else:
                assert entry.msgid in built, (a, locale, entry.msgid, built)


def same_entry(new: polib.POEntry, old: polib.POEntry) -> bool:
    return (
        new.msgstr == old.msgstr
        and new.tcomment == old.tcomment
        and new.flags == old.flags
        and new.previous_msgid == old.previous_msgid
        and new.previous_msgctxt == old.previous_msgctxt
    )


def translations(catalog: polib.POFile) -> Counter[tuple[str, str, frozenset[str]]]:
    """Every translation with its translator comment and flags (fuzzy aside), counted."""
    return Counter(
        (e.msgstr, e.tcomment, frozenset(e.flags) - {"fuzzy"}) for e in catalog if e.msgstr
    )


def test_random_cycles_lose_no_translation() -> None:
    require_msgfmt_if_asked()
    Cycles.seen.clear()
    run_state_machine_as_test(
        Cycles,
        settings=settings(
            max_examples=25,
            stateful_step_count=14,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
    # the runs went through every kind of merge
    for what in ("kept", "fuzzy", "new", "obsolete", "revived", "obsolete fuzzy"):
        assert Cycles.seen[what] > 0, (what, Cycles.seen)


OBSOLETE_FUZZY = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: es\\n"

# checked by the nurse
#, fuzzy
#~| msgctxt "title"
#~| msgid ""
#~| "Take one tablet every morning with food and a full glass of water, then "
#~| "rest."
#~ msgctxt "title"
#~ msgid "Take two tablets every morning with food and a full glass of water."
#~ msgstr "Tome un comprimido cada mañana con comida y un vaso lleno de agua."
"""


def test_an_obsolete_entry_keeps_its_previous_msgid(tmp_path: Path) -> None:
    """polib skips "#~|" lines; the checker reads them, so a fuzzy entry that went
    obsolete still says what it was translated from, and comes back with it."""
    path = write(tmp_path, "a.po", OBSOLETE_FUZZY)
    (entry,) = read_catalog(path)
    assert entry.obsolete and entry.previous_msgctxt == "title"
    assert entry.previous_msgid.startswith("Take one tablet") and entry.previous_msgid.endswith(
        "then rest."
    )
    assert render(read_catalog(path)).endswith(OBSOLETE_FUZZY.split('\\n"\n\n', 1)[1])
    msgfmt_check(path)

    article = "---\ntitle: Take two tablets every morning with food and a full glass of water.\n"
    article += "lang: en\n---\n\nDrink water.\n"
    write(tmp_path, "content/a.md", article)
    write(tmp_path, "pyproject.toml", PYPROJECT)
    config = load_config(tmp_path / "pyproject.toml")
    extract(config)
    catalog = Layout.of(config).catalog("es", "a")
    write(tmp_path, catalog.relative_to(tmp_path).as_posix(), OBSOLETE_FUZZY)
    (outcome,) = update(config, ["es"])
    assert outcome.status == "updated" and "1 revived" in outcome.detail, outcome
    revived = next(e for e in read_catalog(catalog) if e.msgctxt == "title")
    assert not revived.obsolete and "fuzzy" in revived.flags
    assert revived.previous_msgid == entry.previous_msgid
    assert revived.tcomment == "checked by the nurse"
    msgfmt_check(catalog)


# -- killed updates -------------------------------------------------------------------

KILL_ARTICLES = 30
KILL_PARAGRAPHS = 15
#: A file a killed atomic write leaves behind: ".<catalog name>.<random>.tmp".
#: a killed atomic write's temporary file, or a killed update's lock file (it holds no lock)
LEFTOVER = re.compile(r"^\.(?P<name>.+\.po)\.(?:[^.]+\.tmp|lock)$")


@dataclass
class Killed:
    """One killed update: which catalogs were old, new, or left a temporary file."""

    old: int = 0
    new: int = 0
    leftovers: int = 0

    @property
    def midway(self) -> bool:
        return self.old > 0 and self.new > 0


def make_big_project(root: Path) -> None:
    """Many translated articles, then edited and extracted again: every catalog is
    out of date, so an update rewrites every one of them."""
    rng = random.Random(20261121)

    def paragraph() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(25)).capitalize() + "."

    def markdown(number: int, paragraphs: list[str]) -> str:
        head = f"---\ntitle: Article number {number}\nlang: en\n---\n\n# Article {number}\n\n"
        return head + "\n\n".join(paragraphs) + "\n"

    write(root, "pyproject.toml", PYPROJECT)
    articles = {n: [paragraph() for _ in range(KILL_PARAGRAPHS)] for n in range(KILL_ARTICLES)}
    for n, paragraphs in articles.items():
        write(root, f"content/art{n:02d}.md", markdown(n, paragraphs))
    config = load_config(root / "pyproject.toml")
    assert_no_errors(extract(config))
    for locale in LOCALES:
        assert_no_errors(init(config, locale))
        for _, path in Layout.of(config).catalogs(locale):
            catalog = read_catalog(path)
            for n, entry in enumerate(catalog):
                entry.msgstr = fake_translation(locale, entry.msgid)
                if n % 4 == 0:
                    entry.tcomment = "checked by the nurse"
            write_catalog(catalog, path)
    for n, paragraphs in articles.items():
        paragraphs[0] = "Changed: " + paragraphs[0]  # fuzzy
        del paragraphs[3]  # obsolete
        paragraphs.append(paragraph())  # new
        write(root, f"content/art{n:02d}.md", markdown(n, paragraphs))
    assert_no_errors(extract(config))


def catalog_files(root: Path) -> list[Path]:
    return sorted((root / "locales").glob("*/LC_MESSAGES/*.po"))


def update_process(root: Path) -> subprocess.Popen[bytes]:
    """``python -m checker i18n update`` (this interpreter: the project's .venv)."""
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "checker", "i18n", "update", "--config", "pyproject.toml"],
        cwd=root,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def replaced(paths: list[Path], inodes: dict[Path, int]) -> int:
    """How many of ``paths`` an atomic write has replaced (a new file: a new inode)."""
    count = 0
    for path in paths:
        try:
            if os.stat(path).st_ino != inodes[path]:
                count += 1
        except FileNotFoundError:
            pass
    return count


def timed_update(root: Path) -> tuple[float, float, float]:
    """Run an update to the end: seconds to its first and last catalog write, and in all."""
    paths = catalog_files(root)
    inodes = {p: os.stat(p).st_ino for p in paths}
    started = time.perf_counter()
    process = update_process(root)
    first = last = 0.0
    done = 0
    while process.poll() is None:
        count = replaced(paths, inodes)
        if count and not first:
            first = time.perf_counter() - started
        if count > done:
            done, last = count, time.perf_counter() - started
        time.sleep(0.001)
    out, err = process.communicate()
    assert process.returncode == 0, err.decode()
    assert replaced(paths, inodes) == len(paths), out.decode()  # every catalog was rewritten
    return first, last or time.perf_counter() - started, time.perf_counter() - started


def kill_update(root: Path, *, after_writes: int = 0, delay: float = 0.0) -> None:
    """Start an update and SIGKILL it once ``after_writes`` catalogs are written, or
    after ``delay`` seconds (whichever is asked)."""
    paths = catalog_files(root)
    inodes = {p: os.stat(p).st_ino for p in paths}
    process = update_process(root)
    started = time.perf_counter()
    try:
        while process.poll() is None:
            if after_writes and replaced(paths, inodes) >= after_writes:
                break
            if delay and time.perf_counter() - started >= delay:
                break
            time.sleep(0.0005)
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate()


def check_killed(
    root: Path, old: dict[str, bytes], new: dict[str, bytes], others: set[str]
) -> Killed:
    """Every catalog is its old or its new self; next to them only the files that were
    there before (the templates) and the temporary files of killed atomic writes."""
    found = Killed()
    catalogs = {p.relative_to(root).as_posix(): p.read_bytes() for p in catalog_files(root)}
    assert set(catalogs) == set(old), "a catalog went missing or appeared"
    for name, data in catalogs.items():
        if data == new[name]:
            found.new += 1
        else:
            assert data == old[name], f"{name} is neither the old nor the new catalog"
            found.old += 1
    for path in (root / "locales").rglob("*"):
        if path.is_dir():
            continue
        rel = path.relative_to(root).as_posix()
        if rel in catalogs or rel in others:
            continue
        leftover = LEFTOVER.match(path.name)
        assert leftover, f"an unexpected file {rel}"
        assert (path.parent / leftover.group("name")).is_file(), rel
        found.leftovers += 1
    return found


def finish_and_compare(root: Path, new: dict[str, bytes], *, through_cli: bool) -> None:
    """The next update is not blocked, skips any leftover and ends with the new catalogs."""
    if through_cli:
        process = update_process(root)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
        assert b"another checker" not in err
        listed = {line.split(": ", 1)[0] for line in out.decode().splitlines()}
    else:
        config = load_config(root / "pyproject.toml")
        outcomes = update(config)
        assert_no_errors(outcomes)
        listed = {o.path for o in outcomes}
    assert listed == set(new), "the update went through something else than the catalogs"
    assert not list((root / "locales").rglob("*.lock")), "a lock file was left behind"
    for name, data in new.items():
        assert (root / name).read_bytes() == data, f"{name} did not end as the update makes it"


def test_a_killed_update_leaves_old_or_new_catalogs_never_broken(tmp_path: Path) -> None:
    require_msgfmt_if_asked()
    base = tmp_path / "base"
    make_big_project(base)
    old = {p.relative_to(base).as_posix(): p.read_bytes() for p in catalog_files(base)}
    assert len(old) == 2 * KILL_ARTICLES
    others = {
        p.relative_to(base).as_posix() for p in (base / "locales").rglob("*") if p.is_file()
    } - set(old)

    # the same update run to the end gives the catalogs a killed one should end with
    whole = tmp_path / "whole"
    shutil.copytree(base, whole)
    first, last, total = timed_update(whole)
    new = {p.relative_to(whole).as_posix(): p.read_bytes() for p in catalog_files(whole)}
    assert all(new[name] != old[name] for name in old)
    assert {o.status for o in update(load_config(whole / "pyproject.toml"), check=True)} == {
        "up-to-date"
    }
    for path in catalog_files(whole)[:: KILL_ARTICLES // 2]:
        msgfmt_check(path)

    # kills once so many catalogs are written (certain to land mid-way), kills after
    # delays spread over the measured writing phase, and one before anything is written
    count = len(old)
    by_count = [(1 + i * (count * 3 // 4) // 5, 0.0) for i in range(6)]
    by_time = [(0, first + (last - first) * i / 2) for i in range(3)]
    runs: list[Killed] = []
    for number, (after_writes, delay) in enumerate([*by_count, *by_time, (0, 0.05)]):
        root = tmp_path / f"run{number}"
        shutil.copytree(base, root)
        kill_update(root, after_writes=after_writes, delay=delay)
        runs.append(check_killed(root, old, new, others))
        # the next update (a new process now and then) is not blocked by the lock, skips
        # the leftovers and ends with the same catalogs as an update never killed
        finish_and_compare(root, new, through_cli=number % 5 == 0)

    midway = [run for run in runs if run.midway]
    print(
        f"\nupdate of {count} catalogs: first write {first:.2f}s, last {last:.2f}s, "
        f"all {total:.2f}s; {len(midway)}/{len(runs)} runs killed mid-way, "
        f"{sum(r.leftovers for r in runs)} temporary files left"
    )
    # the kills on a count of written catalogs all land mid-way: not a vacuous pass
    assert all(run.midway for run in runs[: len(by_count)]), runs


@pytest.mark.parametrize(
    "command",
    [
        ["i18n", "extract"],
        ["i18n", "init", "--locale", "de"],
        ["i18n", "update"],
        ["i18n", "compile"],
        ["i18n", "build", "--locale", "es", "--min-translated", "0"],
    ],
)
def test_a_full_disk_is_one_line_naming_the_file_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    import errno

    from typer.testing import CliRunner

    import checker.files
    from checker.cli import app
    from checker.i18n.workflow import extract, init

    config = make_config(tmp_path)
    article = "---\ntitle: A\nlang: en\n---\n# A\n\nDrink water.\n"
    write(tmp_path, "content/a.md", article)
    write(tmp_path, "pyproject.toml", '[tool.checker]\npaths = ["content"]\n')
    extract(config)
    init(config, "es")
    write(tmp_path, "content/a.md", article.replace("water", "more water"))
    extract(config)  # the catalog now lags its template: update has work to do
    write(tmp_path, "content/a.md", article.replace("water", "even more water"))
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    real_fdopen = os.fdopen

    class FullDisk:
        """A file whose writes fail as on a full disk."""

        def __init__(self, fd: int, mode: str) -> None:
            self.handle = real_fdopen(fd, mode)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(checker.files.os, "fdopen", FullDisk)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, command)
    monkeypatch.undo()
    assert result.exit_code == 2, result.output
    assert not isinstance(result.exception, OSError)  # no traceback
    assert ": cannot write: No space left on device" in result.stderr
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before  # nothing half-written, no temporary file left behind


def test_a_translators_save_during_update_is_merged_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.i18n.workflow as workflow
    from checker.i18n.workflow import extract, init, update

    config = make_config(tmp_path)
    article = "---\ntitle: A\nlang: en\n---\n# A\n\nDrink water.\n\nRest well.\n"
    write(tmp_path, "content/a.md", article)
    extract(config)
    init(config, "es")
    write(tmp_path, "content/a.md", article + "\nCall us.\n")
    extract(config)  # a new unit: the catalog needs an update
    path = tmp_path / "locales" / "es" / "LC_MESSAGES" / "a.po"
    real_merge = workflow.merge
    saves = []

    def merge_while_a_translator_saves(*args: Any, **kwargs: Any) -> Any:
        result = real_merge(*args, **kwargs)
        if not saves:  # the translator's editor saves once, mid-update
            catalog = polib.pofile(str(path))
            catalog.find("Drink water.").msgstr = "Beba agua."
            catalog.save(str(path))
            saves.append(True)
        return result

    monkeypatch.setattr(workflow, "merge", merge_while_a_translator_saves)
    (outcome,) = update(config, ["es"])
    assert outcome.status == "updated"
    catalog = polib.pofile(str(path))
    assert catalog.find("Drink water.").msgstr == "Beba agua."  # the translator's work kept
    assert catalog.find("Call us.") is not None  # and the update done on top of it


def test_compile_and_build_wait_for_no_update_they_take_the_catalog_lock(
    tmp_path: Path,
) -> None:
    from checker.i18n.build import build
    from checker.i18n.catalog import catalog_lock
    from checker.i18n.workflow import compile_catalogs, extract, init

    config = make_config(tmp_path)
    write(tmp_path, "content/a.md", "---\ntitle: A\nlang: en\n---\n# A\n\nDrink water.\n")
    extract(config)
    init(config, "es")
    path = tmp_path / "locales" / "es" / "LC_MESSAGES" / "a.po"
    with catalog_lock(path):  # an update is running
        (compiled,) = compile_catalogs(config, ["es"])
        (built,) = build(config, "es", min_translated=0)
    assert (compiled.status, built.status) == ("error", "error")
    assert "is updating this catalog" in compiled.detail
    assert "is updating this catalog" in built.detail
    assert not (tmp_path / "locales" / "es" / "LC_MESSAGES" / "a.mo").exists()
    (compiled,) = compile_catalogs(config, ["es"])  # once it is done, they run
    assert compiled.status == "compiled"
