"""Time `checker i18n update`'s merge against GNU `msgmerge --previous` on a large catalog.

Makes an article of N paragraph-length units (default 20,000) and a complete
translation, then a new version with 10% of units edited by a few words, 2%
removed and 2% added.  Reports the time of each merge, whether every edited unit
got its old translation (fuzzy), whether any added unit got a false fuzzy match,
and whether `msgfmt -c` accepts the result.

With ``--cli`` it times the commands end to end instead, as a translator runs them:
``checker i18n update --locale es`` in a project whose template and catalog are
these files (process start, configuration, read, merge, write, median of
``--repeat`` runs, each from the same files) against ``msgmerge --previous -U``.

    .venv/bin/python bench/catalog_update.py [--units 20000] [--skip-msgmerge]
    .venv/bin/python bench/catalog_update.py --cli --units 5000 [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

from checker.i18n.catalog import read_catalog, render, write_catalog
from checker.i18n.merge import merge

WORDS = [
    "take",
    "tablet",
    "dose",
    "weekly",
    "blood",
    "test",
    "liver",
    "kidney",
    "doctor",
    "nurse",
    "pharmacist",
    "infection",
    "fever",
    "rash",
    "injection",
    "pen",
    "fridge",
    "travel",
    "vaccine",
    "pregnancy",
    "alcohol",
    "folic",
    "acid",
    "side",
    "effect",
    "nausea",
    "mouth",
    "ulcer",
    "tired",
    "cough",
    "breath",
    "chest",
    "pain",
    "swelling",
    "joint",
    "stiffness",
    "morning",
    "evening",
    "food",
    "water",
    "day",
    "week",
    "month",
    "year",
    "start",
    "stop",
    "reduce",
    "increase",
    "check",
    "clinic",
    "team",
    "letter",
    "record",
]


def paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(25, 60))]
    return " ".join(words).capitalize() + "."


def edit(text: str, rng: random.Random) -> str:
    words = text[:-1].split()
    for _ in range(rng.randint(1, 3)):
        words[rng.randrange(len(words))] = rng.choice(WORDS) + "s"
    return " ".join(words) + "."


def make_files(folder: Path, units: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    texts = list(dict.fromkeys(paragraph(rng) for _ in range(units)))
    old_template = polib.POFile()
    old_template.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalog = polib.POFile()
    catalog.metadata = {
        "Project-Id-Version": "bench",
        "PO-Revision-Date": "2026-01-01 00:00+0000",
        "Last-Translator": "bench",
        "Language-Team": "es",
        "Language": "es",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for i, text in enumerate(texts):
        old_template.append(polib.POEntry(msgid=text, occurrences=[("a.md", str(i + 1))]))
        catalog.append(
            polib.POEntry(msgid=text, msgstr="ES " + text, occurrences=[("a.md", str(i + 1))])
        )
    order = list(range(len(texts)))
    rng.shuffle(order)
    n_edit, n_remove, n_add = len(texts) // 10, len(texts) // 50, len(texts) // 50
    edited = {i: edit(texts[i], rng) for i in order[:n_edit]}
    removed = set(order[n_edit : n_edit + n_remove])
    new_template = polib.POFile()
    new_template.metadata = dict(old_template.metadata)
    added: list[str] = []
    for i, text in enumerate(texts):
        if i in removed:
            continue
        new_template.append(polib.POEntry(msgid=edited.get(i, text)))
        if i % (len(texts) // n_add or 1) == 0 and len(added) < n_add:
            fresh = " ".join(rng.choice(WORDS) + "x" for _ in range(30)) + "."
            added.append(fresh)
            new_template.append(polib.POEntry(msgid=fresh))
    write_catalog(catalog, folder / "es.po")
    write_catalog(new_template, folder / "new.pot")
    return {"edited": {edited[i]: "ES " + texts[i] for i in edited}, "added": set(added)}


def score(path: Path, truth: dict[str, object]) -> tuple[int, int, int, int]:
    merged = polib.pofile(str(path))
    edited: dict[str, str] = truth["edited"]  # type: ignore[assignment]
    added: set[str] = truth["added"]  # type: ignore[assignment]
    entries = {e.msgid: e for e in merged if not e.obsolete}
    right = sum(
        1
        for text, old in edited.items()
        if text in entries and entries[text].msgstr == old and "fuzzy" in entries[text].flags
    )
    false_fuzzy = sum(1 for text in added if text in entries and entries[text].msgstr)
    return right, len(edited), false_fuzzy, len(added)


def msgfmt_ok(path: Path) -> str:
    if shutil.which("msgfmt") is None:
        return "msgfmt not installed"
    done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True)
    return "accepted" if done.returncode == 0 else done.stderr.decode()[:200]


def end_to_end(folder: Path, repeat: int, skip_msgmerge: bool) -> None:
    """``checker i18n update`` and ``msgmerge -U`` as commands, each from the same files."""
    from speed import CHECKER_SCRIPT  # bench/speed.py

    project = folder / "project"
    (project / "locales/templates").mkdir(parents=True)
    (project / "locales/es/LC_MESSAGES").mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        '[tool.checker]\npaths = ["content"]\n\n[tool.checker.i18n]\nlocales = ["es"]\n',
        encoding="utf-8",
    )
    template = project / "locales/templates/article.pot"
    catalog = project / "locales/es/LC_MESSAGES/article.po"
    shutil.copyfile(folder / "new.pot", template)

    def timed(command: list[str]) -> float:
        times = []
        for _ in range(repeat):
            shutil.copyfile(folder / "es.po", catalog)
            start = time.perf_counter()
            subprocess.run(command, cwd=project, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    ours = timed([str(CHECKER_SCRIPT), "i18n", "update", "--locale", "es"])
    print(f"checker i18n update (end to end)  median {ours:6.2f} s")
    print(f"  msgfmt -c: {msgfmt_ok(catalog)}")
    if skip_msgmerge or not shutil.which("msgmerge"):
        return
    command = ["msgmerge", "--quiet", "--previous", "-U", "--backup=none", str(catalog)]
    gnu = timed([*command, str(template)])
    print(f"msgmerge --previous -U            median {gnu:6.2f} s   {gnu / ours:.1f}x slower")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-msgmerge", action="store_true")
    parser.add_argument("--cli", action="store_true", help="time the commands end to end")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        truth = make_files(folder, args.units, args.seed)
        if args.cli:
            print(f"units {args.units}")
            end_to_end(folder, args.repeat, args.skip_msgmerge)
            return 0
        start = time.perf_counter()
        merged, report = merge(read_catalog(folder / "es.po"), read_catalog(folder / "new.pot"))
        (folder / "ours.po").write_text(render(merged), encoding="utf-8")
        ours = time.perf_counter() - start
        right, edited, false_fuzzy, added = score(folder / "ours.po", truth)
        print(f"units {args.units}: {edited} edited, {added} added")
        print(f"checker update    {ours:8.2f} s   target <= 5 s: {'PASS' if ours <= 5 else 'FAIL'}")
        print(f"  edited units matched to their old translation: {right}/{edited}")
        print(f"  added units given a false fuzzy match: {false_fuzzy}/{added}")
        print(f"  msgfmt -c: {msgfmt_ok(folder / 'ours.po')}")
        print(
            f"  ({report.kept} kept, {report.fuzzy} fuzzy, {report.new} new, "
            f"{report.obsolete} obsolete)"
        )
        if not args.skip_msgmerge and shutil.which("msgmerge"):
            start = time.perf_counter()
            subprocess.run(
                [
                    "msgmerge",
                    "--quiet",
                    "--previous",
                    "-o",
                    str(folder / "gnu.po"),
                    str(folder / "es.po"),
                    str(folder / "new.pot"),
                ],
                check=True,
            )
            gnu = time.perf_counter() - start
            right, edited, false_fuzzy, added = score(folder / "gnu.po", truth)
            print(f"msgmerge --previous {gnu:8.2f} s   ratio {gnu / ours:.1f}x slower")
            print(f"  edited matched {right}/{edited}, false fuzzy {false_fuzzy}/{added}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
