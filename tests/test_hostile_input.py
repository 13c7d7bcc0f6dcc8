"""Bad input, everywhere: a hostile corpus through the library and the command line,
input that used to take quadratic time, bad catalogs, and properties of the loader, the
sentence splitter and the catalog reader and writer.

Every bad file gives a result or an input error that names it (and its line where one
is known); the good files beside it are still checked; nothing raises, hangs or prints a
traceback.  Big files are made at test time, never committed.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config, load_config
from checker.engine import CheckResult
from checker.i18n.catalog import CatalogError, read_catalog, write_catalog
from checker.i18n.layout import Layout
from checker.i18n.workflow import extract, init
from checker.loading import load_document, parse_document
from checker.loading.repairs import fix_mojibake
from checker.mapped_text import MappedText
from checker.model import BlockKind, Document, LoadError
from checker.text.analysis import analyse, analyse_text
from checker.text.segment import WORD, lexical_words, split_sentences, words
from tests.conftest import LONG_31, check_files, make_config, only, write

MB10 = 10_000_000
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
GOOD = "# Good article\n\nDrink a glass of water with each meal you eat.\n"
#: An article whose long sentence (RDG003) is on line 5, column 14, whatever the line ends.
LINES = ["# Title", "", "Short one here.", "", f"Take it now. {LONG_31}", ""]
LONG_AT = (5, len("Take it now. ") + 1)
#: quotes or lists past markdown-it's nesting limit: it used to drop their text silently
TOO_DEEP = "quotes or lists nested too deeply to read"


# -- the hostile corpus -----------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """What one corpus file must give: an input error, or an article."""

    error: str = ""  # part of the InputError's message; "" for an article
    line: int | None = None  # the error's line
    blocks: tuple[str, ...] | None = None  # the article's block texts, when checked
    long_at: tuple[int, int] | None = None  # where the article's RDG003 finding starts


def _joined(ends: list[str]) -> str:
    """``LINES`` joined by line ends taken in turn from ``ends``."""
    out = LINES[0]
    for index, line in enumerate(LINES[1:]):
        out += ends[index % len(ends)] + line
    return out


def _nested_list(depth: int) -> str:
    return "".join("  " * level + f"- item {level}\n" for level in range(depth))


def hostile_corpus() -> dict[str, tuple[bytes, Expect]]:
    """Every kind of bad file, keyed by file name (all in one folder)."""
    article = "\n".join(LINES)
    return {
        # bytes that are not text
        "binary.md": (PNG, Expect("binary file, not text")),
        "nul-heavy.md": (b"\x00" * 64 + b"Drink water.\n" + b"\x00" * 64, Expect("binary")),
        "escape-codes.txt": (b"\x1b[31mred\x1b[0m\x01\x02\x03\x04" * 40, Expect("binary")),
        # encodings
        "invalid-utf8.md": (
            b"Fine line.\n\nCaf\xe9 au lait is warm.\n",
            Expect(blocks=("Fine line.", "Caf\u00e9 au lait is warm.")),
        ),
        "undecodable.txt": (
            b"Hello there.\n\nBad \x81\x8d\x8f bytes.\n",
            Expect("cannot decode: byte 0x81 is not valid UTF-8", 3),
        ),
        "utf16le-bom-crlf.md": (
            codecs.BOM_UTF16_LE + _joined(["\r\n"]).encode("utf-16-le"),
            Expect(long_at=LONG_AT),
        ),
        "utf16be-bom.md": (
            codecs.BOM_UTF16_BE + article.encode("utf-16-be"),
            Expect(long_at=LONG_AT),
        ),
        "utf16le-no-bom.txt": (article.encode("utf-16-le"), Expect(long_at=LONG_AT)),
        "utf16be-no-bom.md": (article.encode("utf-16-be"), Expect(long_at=LONG_AT)),
        "utf8-bom.md": (codecs.BOM_UTF8 + article.encode(), Expect(long_at=LONG_AT)),
        # line ends
        "crlf.md": (_joined(["\r\n"]).encode(), Expect(long_at=LONG_AT)),
        "lone-cr.txt": (_joined(["\r"]).encode(), Expect(long_at=LONG_AT)),
        "mixed-ends.md": (_joined(["\r\n", "\r", "\n"]).encode(), Expect(long_at=LONG_AT)),
        # nothing to check
        "empty.md": (b"", Expect("empty file: nothing to check")),
        "whitespace.txt": (b" \t\r\n\n\xc2\xa0\xe2\x80\x83\n\r", Expect("empty file")),
        "bom-only.md": (codecs.BOM_UTF8, Expect("empty file")),
        # ten megabytes on one line: over the default limit, refused before parsing
        "big.txt": (b"word " * (MB10 // 5), Expect("over the 5,000,000-byte limit")),
        "big.md": (b"word " * (MB10 // 5), Expect("over the 5,000,000-byte limit")),
        # deep nesting
        "nested.html": (
            b'<html lang="en"><body>'
            + b"<div>" * 100_000
            + b"<p>Deep text is still read.</p>"
            + b"</div>" * 100_000,
            Expect(blocks=("Deep text is still read.",)),
        ),
        "nested-unclosed.html": (
            b"<div>" * 100_000 + b"Deep and never closed.",
            Expect(blocks=("Deep and never closed.",)),
        ),
        "stray-end-tags.html": (
            b"<span>" * 30_000 + b"Stray end tags." + b"</div>" * 30_000,
            Expect(blocks=("Stray end tags.",)),
        ),
        "quotes.md": (b"Intro line.\n\n" + b">" * 100_000 + b" Deep quote.\n", Expect(TOO_DEEP, 3)),
        "spaced-quotes.md": (b"Intro.\n\n" + b"> " * 30 + b"Deep.\n", Expect(TOO_DEEP, 3)),
        "lists.md": (b"Intro line.\n\n" + _nested_list(30).encode(), Expect(TOO_DEEP, 12)),
        "dashes.md": (b"- " * 50 + b"item\n", Expect(TOO_DEEP, 1)),
        "deep-enough.md": (
            _nested_list(9).encode(),
            Expect(blocks=tuple(f"item {level}" for level in range(9))),
        ),
        # front matter
        "fm-unclosed.md": (
            b"---\ntitle: Never closed\nlang: en\n\nBody text.\n",
            Expect("front matter starts with '---' but is never closed", 1),
        ),
        "fm-invalid.md": (
            b"---\ntitle: ok\nsummary: [unclosed\nlang: en\n---\nBody text.\n",
            Expect("malformed front matter", 4),
        ),
        "fm-list.md": (b"---\n- a\n- b\n---\nBody text.\n", Expect("not a mapping", 2)),
        "fm-scalar.md": (b"---\njust some words\n---\nBody text.\n", Expect("not a mapping", 2)),
        "fm-tabs.md": (
            b"---\ntitle: Tabs\n\tlang: en\n---\nBody text.\n",
            Expect("malformed front matter", 3),
        ),
        "fm-deep-flow.md": (
            b"---\ntitle: " + b"[" * 100_000 + b"\n---\nBody text.\n",
            Expect("front matter is nested too deeply to read", 2),
        ),
        "fm-deep-block.txt": (
            b"---\n" + b"- " * 50_000 + b"x\n---\nBody text.\n",
            Expect("front matter is nested too deeply to read", 2),
        ),
        "fm-line-separator.md": (
            # YAML counts U+2028 as a line break; the file's lines end at "\n" only
            '---\ntitle: "A\u2028B\u2028C"\nsummary: [x\nlang: en\n---\nBody.\n'.encode(),
            Expect("malformed front matter", 4),
        ),
        "fm-bom-crlf.md": (
            codecs.BOM_UTF8 + b"---\r\ntitle: Hola\r\nlang: es\r\n---\r\nBeba agua.\r\n",
            Expect(blocks=("Hola", "Beba agua.")),
        ),
        # unclosed Markdown and HTML
        "unclosed-fence.md": (
            b"Before the fence.\n\n```python\nprint('x')\n<!-- checker: ignore RDG003 -->\n"
            b"Still code: the fence is never closed.\n",
            Expect(blocks=("Before the fence.",)),
        ),
        "unclosed-tags.html": (
            b'<html lang="en"><body><p>First paragraph is fine.<p>Second has <b>bold '
            b"<i>and italic</p> text<div>Tail text",
            Expect(
                blocks=(
                    "First paragraph is fine.",
                    "Second has bold and italic",
                    "text",
                    "Tail text",
                )
            ),
        ),
        "unclosed-comment.html": (
            b"<p>Visible text here.</p>\n<!-- never closed\n<p>Hidden text.</p>\n",
            Expect(blocks=("Visible text here.",)),
        ),
        "unclosed-script.html": (
            b"<p>Visible text here.</p><script>var x = '<p>not text</p>';\n",
            Expect(blocks=("Visible text here.",)),
        ),
        "tag-at-eof.html": (
            b'<p>Visible text here.</p>\n<p>Cut off <a href="https://example.org',
            Expect(blocks=("Visible text here.", "Cut off")),
        ),
        "bogus-section.html": (
            # the standard library's parser raised AssertionError on "<![" + not a name
            b"<p>Before.</p><![--- x ]> <p>After the bogus section.</p>",
            Expect(blocks=("Before.", "After the bogus section.")),
        ),
        # one good article among them
        "good.md": (
            GOOD.encode(),
            Expect(blocks=("Good article", "Drink a glass of water with each meal you eat.")),
        ),
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project root with the whole corpus in ``corpus/`` (made once: it holds 20 MB)."""
    root = tmp_path_factory.mktemp("hostile")
    write(root, "checker.toml", "")
    for name, (data, _) in hostile_corpus().items():
        write(root, f"corpus/{name}", data)
    return root


@pytest.fixture(scope="module")
def library(corpus: Path) -> CheckResult:
    """The corpus checked through the library API (shared: it takes a few seconds)."""
    return check_files(corpus, [corpus / "corpus"], config=make_config(corpus))


def _assert_within(document: Document, line: int | None, column: int | None) -> None:
    if line is None:
        assert column is None
        return
    assert 1 <= line <= document.lines.count
    assert column is not None and column >= 1


def test_every_hostile_file_gives_a_result_or_an_error_naming_it(library: CheckResult) -> None:
    expected = hostile_corpus()
    result = library
    errors = {e.path.removeprefix("corpus/"): e for e in result.errors}
    articles = {a.document.path.removeprefix("corpus/"): a for a in result.articles}
    assert not errors.keys() & articles.keys()
    assert errors.keys() | articles.keys() == expected.keys()
    for name, (_, expect) in expected.items():
        if expect.error:
            assert name in errors, (name, articles.get(name))
            error = errors[name]
            assert expect.error in error.message, (name, error)
            assert error.line == expect.line, (name, error)
            assert "internal error" not in error.message
            continue
        assert name in articles, (name, errors.get(name))
        article = articles[name]
        document = article.document
        if expect.blocks is not None:
            assert tuple(b.text for b in document.blocks) == expect.blocks, name
        if expect.long_at is not None:
            (finding,) = only(article, "RDG003")
            assert (finding.line, finding.column) == expect.long_at, name
            assert "\r" not in document.source
        for finding in article.findings:
            _assert_within(document, finding.line, finding.column)
            _assert_within(document, finding.end_line, finding.end_column)
    assert result.summary().exit_code == 2


def test_the_cli_reports_the_corpus_as_the_library_does(
    corpus: Path, library: CheckResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus)
    done = CliRunner().invoke(app, ["check", "corpus", "--format", "json"])
    assert done.exit_code == 2, done.output[-2000:]
    assert done.exception is None or isinstance(done.exception, SystemExit)
    assert "Traceback" not in done.output
    assert "internal error" not in done.output
    report = json.loads(done.stdout)
    assert report["errors"] == [e.to_json() for e in library.errors]
    assert [a["path"] for a in report["articles"]] == [a.document.path for a in library.articles]
    by_path = {a["path"]: a for a in report["articles"]}
    for article in library.articles:
        printed = by_path[article.document.path]["findings"]
        assert [(f["code"], f["line"], f["column"]) for f in printed] == [
            (f.code, f.line, f.column) for f in article.findings
        ]
    assert "corpus/good.md" in by_path
    assert report["summary"]["exit_code"] == 2


# -- ten megabytes on one line, and input that used to take quadratic time ---------------

_PROSE = "Handwashing with antibacterial soap prevents hospital-acquired infections effectively. "


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_ten_megabyte_line_is_loaded_and_split_in_seconds(tmp_path: Path, suffix: str) -> None:
    line = (_PROSE * (MB10 // len(_PROSE) + 1))[:MB10]
    path = write(tmp_path, f"big{suffix}", line)
    config = make_config(tmp_path, max_file_size=2 * MB10)
    started = time.perf_counter()
    document = load_document(path, config)
    analysis = analyse(document)
    elapsed = time.perf_counter() - started
    assert elapsed < 15, f"{elapsed:.1f} s"  # about 3 s here; quadratic steps took hours
    (block,) = document.blocks
    assert block.text == line.strip()
    assert len(analysis.sentences) == MB10 // len(_PROSE) + 1
    last = analysis.sentences[-1]
    assert document.position(block.content.source_offset(last.start)) == (1, last.start + 1)


#: (format, text): each took from ten seconds to hours before; now well under one.
SLOW_BEFORE: dict[str, tuple[str, str]] = {
    "md-open-brackets": ("markdown", "[" * 100_000),
    "md-open-links": ("markdown", "[a](" * 25_000),
    "md-open-images": ("markdown", "![" * 50_000),
    "md-open-footnotes": ("markdown", "[^" * 50_000),
    "md-open-autolinks": ("markdown", "a <http:" * 10_000),
    "md-backtick-run": ("markdown", "a " + "`" * 10_000 + " b"),
    "md-spaces-then-soft-break": ("markdown", "a" + " " * 200_000 + "b\nc"),
    "md-spaces-then-hard-break": ("markdown", "a" + " " * 200_000 + "b\\\nc"),
    "md-spaces-on-an-emptied-line": ("markdown", "First line\n[^1]" + " " * 200_000 + "\nthird"),
    "md-open-directives": ("markdown", "a <!-- checker: ignore" * 5_000),
    "md-open-comments": ("markdown", "a <!--" * 30_000),
    "text-exclamation-run": ("text", "Stop" + "!" * 100_000),
    "text-full-stop-run": ("text", "Wait" + "." * 50_000 + ")" * 50_000 + " Then."),
    "text-long-mojibake-line": ("text", "Wash hands, voil\u00c3\u00a0 caf\u00c3\u00a9 " * 6_000),
    "html-open-tags": ("html", "a <b " * 30_000),
    "html-stray-end-tags": ("html", "<span>" * 60_000 + "x</div>" * 60_000),
    "html-open-comments": ("html", "<p>x</p> <!--" * 40_000),
}


@pytest.mark.parametrize(("fmt", "text"), SLOW_BEFORE.values(), ids=SLOW_BEFORE.keys())
def test_input_that_took_quadratic_time_is_now_fast(config: Config, fmt: str, text: str) -> None:
    started = time.perf_counter()
    with contextlib.suppress(LoadError):
        document = parse_document(text, fmt, "x", "x", config)
        analyse(document)
        assert all("\n" not in block.text for block in document.blocks)
    assert time.perf_counter() - started < 5


def test_a_long_mojibake_line_keeps_exact_positions(config: Config) -> None:
    words_ = ["Wash", "voil\u00c3\u00a0", "caf\u00c3\u00a9", "don\u00e2\u20ac\u2122t", "2 mg"]
    text = " ".join(words_[i % len(words_)] for i in range(3_000)) + "\n"
    document = parse_document(text, "text", "x.txt", "x.txt", config)
    (block,) = document.blocks
    assert block.text.startswith("Wash voil\u00e0 caf\u00e9 don\u2019t 2 mg Wash")
    assert [r.kind for r in document.repairs] == ["mojibake"]
    # every ASCII letter or digit of the repaired text maps to the same one in the file
    for match in re.finditer(r"[A-Za-z0-9]+", block.text):
        start = block.content.source_offset(match.start())
        assert text[start : start + len(match.group())] == match.group()


# -- catalogs -----------------------------------------------------------------------------

HEADER = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
ENTRY = b'msgid "a"\nmsgstr "b"\n'

#: name: (file, line, message) for catalogs that must be refused, naming the line
BAD_CATALOGS: dict[str, tuple[bytes, int, str]] = {
    "bad-quote": (HEADER + b'msgid "a"\nmsgstr "b"c"\n', 6, "end-of-line within string"),
    "escaped-last-quote": (
        HEADER + b'msgid "a"\nmsgstr "b\\"\n',
        6,
        "end-of-line within string",
    ),
    "bad-escape": (HEADER + b'msgid "a"\nmsgstr "b\\q"\n', 6, "invalid control sequence '\\q'"),
    "msgstr-without-msgid": (HEADER + b'msgstr "b"\n', 5, "'msgstr' without 'msgid'"),
    "second-msgstr": (
        HEADER + ENTRY + b'\nmsgstr "c"\n',
        8,
        "'msgstr' without 'msgid'",
    ),
    "duplicate-msgid": (
        HEADER + ENTRY + b'\nmsgid "a"\nmsgstr "c"\n',
        8,
        "duplicate message definition (first defined at line 5)",
    ),
    "duplicate-header": (HEADER + HEADER + ENTRY, 5, "a second header entry"),
    "unknown-charset": (HEADER.replace(b"UTF-8", b"KLINGON") + ENTRY, 3, "unknown charset"),
    "charset-lies": (
        HEADER.replace(b"UTF-8", b"ASCII") + 'msgid "a"\nmsgstr "é"\n'.encode(),
        6,
        "not valid ASCII",
    ),
    "invalid-utf8": (HEADER + b'msgid "a"\nmsgstr "\xff\xfe"\n', 6, "not valid UTF-8"),
    "cut-in-a-string": (HEADER + b'msgid "a"\nmsgstr "Tome 15', 6, "end-of-line within string"),
    "cut-after-msgid": (HEADER + b'msgid "a"\n', 5, "missing 'msgstr' section"),
    "cut-after-msgctxt": (HEADER + ENTRY + b'\nmsgctxt "t"\n', 8, "'msgctxt' without 'msgid'"),
    "cut-in-a-keyword": (HEADER + b'msgid "a"\nmsgs', 6, "keyword 'msgs' unknown"),
    "cut-in-the-header": (HEADER[:30], 3, "end-of-line within string"),
    "plural-without-msgid-plural": (
        HEADER + b'msgid "a"\nmsgstr[0] "b"\n',
        5,
        "missing 'msgid_plural' section",
    ),
    "comment-ends-in-backslash": (
        HEADER + b"# C:\\notes\\\n" + ENTRY,
        5,
        "ends with a backslash",
    ),
    "utf-16": ((HEADER + ENTRY).decode().encode("utf-16"), 1, "NUL bytes"),
    "byte-order-mark": (codecs.BOM_UTF8 + HEADER + ENTRY, 1, "byte-order mark"),
    "empty": (b"", 1, "no header entry"),
}


@pytest.mark.parametrize(
    ("data", "line", "message"), BAD_CATALOGS.values(), ids=BAD_CATALOGS.keys()
)
def test_a_bad_catalog_is_refused_at_its_line(
    tmp_path: Path, data: bytes, line: int, message: str
) -> None:
    path = write(tmp_path, "bad.po", data)
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert (caught.value.line, caught.value.path) == (line, str(path))
    assert message in caught.value.message


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x1c", "\x0b", "\r"])
def test_line_separators_inside_a_catalog_string_are_kept(tmp_path: Path, separator: str) -> None:
    # polib split lines at every separator str.splitlines() knows: "Tome\u2028dos" read as "dos"
    text = f'msgid "Take{separator}two"\nmsgstr "Tome{separator}dos"\n# note{separator}kept\n'
    path = write(tmp_path, "a.po", HEADER + text.encode() + ENTRY)
    first, second = read_catalog(path)
    assert (first.msgid, first.msgstr) == (f"Take{separator}two", f"Tome{separator}dos")
    assert (second.tcomment, second.msgid, second.linenum) == (f"note{separator}kept", "a", 7)


SOURCE = "# Taking methotrexate\n\nMethotrexate is taken once a week.\n\n- Take 7.5 mg to start.\n"
SPANISH = {
    "Taking methotrexate": "Tomar metotrexato",
    "Methotrexate is taken once a week.": "El metotrexato se toma una vez por semana.",
    "Take 7.5 mg to start.": "Tome 7,5 mg para empezar.",
}


def test_checker_check_names_each_bad_catalog_and_still_checks_the_good_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        '[tool.checker]\npaths = ["content"]\n\n[tool.checker.i18n]\nlocales = ["es", "fr"]\n',
    )
    write(tmp_path, "content/mtx.md", SOURCE)
    config = load_config(tmp_path / "pyproject.toml")
    extract(config)
    init(config, "es")
    layout = Layout.of(config)
    good = layout.catalog("es", "mtx")
    catalog = read_catalog(good)
    for entry in catalog:
        entry.msgstr = SPANISH[entry.msgid]
    write_catalog(catalog, good)
    for name, (data, _, _) in BAD_CATALOGS.items():
        write(tmp_path, f"locales/fr/LC_MESSAGES/{name}.po", data)
    write(tmp_path, "locales/es/LC_MESSAGES/zz-broken.po", BAD_CATALOGS["bad-quote"][0])

    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(app, ["check", "--format", "json"])
    assert done.exit_code in (0, 1, 2), done.output[-2000:]
    assert done.exception is None or isinstance(done.exception, SystemExit)
    assert "Traceback" not in done.output and "internal error" not in done.output
    report = json.loads(done.stdout)
    by_path = {a["path"]: a for a in report["articles"]}
    for name, (_, line, message) in BAD_CATALOGS.items():
        result = by_path[f"locales/fr/LC_MESSAGES/{name}.po"]
        (finding,) = result["findings"]
        assert (finding["code"], finding["line"]) == ("TRN010", line), (name, finding)
        assert message in finding["message"], (name, finding)
        assert finding["path"] == f"locales/fr/LC_MESSAGES/{name}.po"
    (broken,) = by_path["locales/es/LC_MESSAGES/zz-broken.po"]["findings"]
    assert (broken["code"], broken["line"]) == ("TRN010", 6)
    spanish = by_path["locales/es/LC_MESSAGES/mtx.po"]
    assert spanish["metrics"]["catalog"]["units"]["translated"] == len(SPANISH)
    assert "TRN010" not in {f["code"] for f in spanish["findings"]}
    built = by_path["content/es/mtx.md"]
    assert built["lang"] == "es" and built["metrics"]["grade_formula"] == "fernandez_huerta"
    assert built["metrics"]["words"] > 0  # checked, though too short to grade
    assert report["errors"] == []
    assert done.exit_code == 1  # TRN010 is an error finding, not an input error


# -- properties of the loader ---------------------------------------------------------------

# fmt: off
_MARKUP = [
    "---\n", "\n", "\n\n", "# ", "> ", "- ", "1. ", "```", "`", "*", "_", "[", "]", "(", ")",
    "![", "<!--", "-->", "<p>", "</p>", "<div>", "<script>", "<![", "&amp;", "&#x41;", "&",
    "<", ">", "|", "\t", "  ", "  \n", "\\\n", ":", '"', "'", "\\", "title: ", "lang: es\n",
    "\u00e2\u20ac\u2122", "\u00c3\u00a9", "\u00a0", "\u00ad", "\u2028", "\x85", "\u2010",
    "\U0001f600", ".", "!", "?", "e.g.", "Dr.", "<!-- checker: ignore RDG003 -->", "Take 2 mg",
    "<a href='x'>", "</a>", "<img alt='pic' src=x>", "| a | b |\n|---|---|\n", "[^1]",
    "[^1]: note\n", "<br>", "&nbsp;", "    code\n", "word ",
]
# fmt: on
# fmt: off
_YAML = [
    "title: ", "lang: ", "summary: |\n  ", "answer: >\n  ", "  ", "\n", "- ", "[", "]", "{",
    "}", ": ", '"', "'", "\\n", "\\", "\t", "#", "&a ", "*a", "? ", "...\n", "\u00e9",
    "\u2028", "\x85", "word", "Take 2 mg.",
]
# fmt: on
#: decoded text (the loader never sees "\r": decoding turns every line end into "\n")
_CHARS = st.characters(blacklist_categories=["Cs"], blacklist_characters="\r")
_TEXT = st.lists(st.sampled_from(_MARKUP) | st.text(_CHARS, max_size=8), max_size=40).map("".join)
_FRONT = st.builds(
    lambda head, body: f"---\n{head}\n---\n{body}",
    st.lists(st.sampled_from(_YAML), max_size=30).map("".join) | _TEXT,
    _TEXT,
)
#: characters the loader may legitimately change without moving them
_SAME = {("\u2010", "-"), ("\u2011", "-"), ("\x00", "\ufffd")}


def _same(source: str, text: str) -> bool:
    return (
        source == text
        or (text == " " and (source.isspace() or source in "\u00a0\u2007\u202f\u2009\u200a"))
        or (source, text) in _SAME
    )


def _assert_document_maps_into_its_source(document: Document) -> None:
    size = len(document.source)
    lines = document.lines.count
    # repairs change characters in place; without them, mapped characters are the file's
    repaired = any(r.kind in ("mojibake", "entities") for r in document.repairs)
    for block in document.blocks:
        content = block.content
        if block.kind is not BlockKind.IMAGE_ALT:
            assert "\n" not in block.text, block  # soft and hard breaks are spaces
        segments = content.segments
        for index, segment in enumerate(segments):
            end = segments[index + 1].start if index + 1 < len(segments) else len(content.text)
            assert 0 <= segment.src_start <= segment.src_end <= size, segment
            assert index == 0 or segment.start >= segments[index - 1].start
            if not segment.exact:
                continue
            assert segment.src_end - segment.src_start == end - segment.start, (block, segment)
            if not repaired:
                for k in range(end - segment.start):
                    source_char = document.source[segment.src_start + k]
                    assert _same(source_char, content.text[segment.start + k]), (block, k)
        for position, at_end in ((0, False), (len(content.text), True)):
            line, column = document.position(content.source_offset(position, end=at_end))
            assert 1 <= line <= lines
            line_end = document.lines.line_start(line + 1) - 1 if line < lines else size
            assert 1 <= column <= line_end - document.lines.line_start(line) + 1
        for link in block.links:
            assert 0 <= link.start <= link.end <= size
    for repair in document.repairs:
        assert repair.line is None or 1 <= repair.line <= lines
    for directive in document.directives:
        assert 1 <= directive.line <= lines and directive.column >= 1


@settings(max_examples=150, deadline=None)
@given(_TEXT | _FRONT, st.sampled_from(["markdown", "html", "text"]))
def test_parse_document_maps_every_block_inside_its_source(text: str, fmt: str) -> None:
    config = Config(root=Path.cwd())
    try:
        document = parse_document(text, fmt, "x", "x", config)
    except LoadError as exc:
        assert exc.message
        assert exc.line is None or 1 <= exc.line <= text.count("\n") + 1, exc.message
        return
    _assert_document_maps_into_its_source(document)


# fmt: off
_BYTES = st.binary(max_size=200) | st.lists(
    st.sampled_from([
        b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x00", b"a\x00", b"\r\n", b"\r", b"\n",
        b"\x81", b"\xe9", b"\xc3\xa9", b"\xc3", b"---\n", b"<p>", b"word ", b"\x1b", b"# h\n",
        b"> ", b"[", b"`",
    ]),
    max_size=40,
).map(b"".join)
# fmt: on


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BYTES, st.sampled_from([".md", ".html", ".txt"]))
def test_load_document_on_arbitrary_bytes_raises_only_load_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    path = folder / f"x{suffix}"
    path.write_bytes(data)
    try:
        document = load_document(path, Config(root=folder))
    except LoadError as exc:
        assert exc.message
        return
    assert "\r" not in document.source
    _assert_document_maps_into_its_source(document)


# fmt: off
_MOJIBAKE_WORDS = [
    "Wash", "voil\u00c3\u00a0", "caf\u00c3\u00a9", "don\u00e2\u20ac\u2122t",
    "\u00c3\u00a9t\u00c3\u00a9", "\u00e2\u20ac\u0153Hi\u00e2\u20ac\x9d",
    "\u00d0\u00bf\u00d1\u20ac", "x1", "", "  ", "2,5", "é",
]
# fmt: on


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_MOJIBAKE_WORDS), min_size=700, max_size=1200).map(" ".join))
def test_mojibake_repairs_of_long_text_keep_letters_and_digits_in_place(text: str) -> None:
    fixed, _ = fix_mojibake(MappedText.identity(text, 5))
    for match in re.finditer(r"[A-Za-z0-9]+", fixed.text):
        start = fixed.source_offset(match.start()) - 5
        assert text[start : start + len(match.group())] == match.group()
    for segment in fixed.segments:
        assert 5 <= segment.src_start <= segment.src_end <= len(text) + 5


# -- properties of the sentence splitter ----------------------------------------------------

# fmt: off
_SENTENCE_PIECES = st.sampled_from([
    "Dr.", "e.g.", "et al.", "No.", "a.m.", "U.S.A.", "J.", "0.73", "95%", "2 g/kg", "(", ")",
    '"', "'", "\u201c", "\u201d", "\u00ab", "\u00bb", "\u00bf", "\u00a1", "\u2026", "...", "!",
    "?", ".", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "Take", "it", "\u00e9", "\u00d1",
    "\u00df", "\u0130", "\ufb01", "\u01c5", "\U0001f600", "\u0661\u0662", "z.B.", "Sr.", "M.",
    "d'", "l\u2019", "!!!!", "....", "?!",
])
# fmt: on
_SENTENCES = st.lists(_SENTENCE_PIECES | st.text(max_size=5), max_size=40).map("".join)
_LANGS = st.sampled_from(["en", "es", "de", "fr", "it", "nl", "xx"])


@settings(max_examples=150, deadline=None)
@given(_SENTENCES, _LANGS)
def test_sentence_spans_partition_the_text(text: str, lang: str) -> None:
    spans = split_sentences(text, lang)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())  # nothing but spaces left out
    # a sentence on its own is one sentence, and surrounding space only shifts the spans
    for start, end in spans:
        assert split_sentences(text[start:end], lang) == [(0, end - start)]
    assert split_sentences(f" \n\t{text}\u00a0 ", lang) == [(a + 3, b + 3) for a, b in spans]


@settings(max_examples=150, deadline=None)
@given(_SENTENCES, st.sampled_from(["en", "fr"]))  # French: elided articles are not words
def test_words_and_sentence_counts_come_from_the_text(text: str, lang: str) -> None:
    position = 0
    for word in words(text):
        found = text.index(word, position)  # in order, each one in the text
        position = found + len(word)
        assert word and not any(char.isspace() for char in word)
    for word in lexical_words(lang).findall(text):
        assert word and not any(char.isspace() for char in word)
    for sentence in analyse_text(text, lang):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.counts.words == len(WORD.findall(sentence.text)) > 0
        assert sentence.counts.sentences == 1


# -- the catalog round trip -------------------------------------------------------------------

MSGFMT = shutil.which("msgfmt")
# fmt: off
_PO_CHARS = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from([
    "\t", "\n", "\r", '"', "\\", "%", "%s", "%(name)s", "\U0001f600", "\U0001d518", "\u2028",
    "\x85", "\u00a0",
])
# fmt: on
_PO_SHORT = st.lists(_PO_CHARS, max_size=40).map("".join)
#: strings of any length, some far past the 78-column wrap
_PO_TEXT = _PO_SHORT | st.builds(
    lambda text, n: text * n, _PO_SHORT.filter(bool), st.integers(2, 60)
)
#: comment lines as tools write them: no line ends, no space at either end (polib drops it),
#: short enough not to be wrapped (render wraps long translator comments at spaces, which
#: read back as line ends), and not ending in a backslash (render writes it as it is, and
#: msgfmt joins such a line to the next one; read_catalog now refuses it)
_COMMENT_LINE = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=60)
    .map(str.strip)
    .filter(lambda line: bool(line) and not line.endswith("\\"))
)
_COMMENT = st.lists(_COMMENT_LINE, max_size=3).map("\n".join)
_REFERENCE = st.tuples(
    st.from_regex(r"[a-z0-9_./-]{1,20}\.md", fullmatch=True), st.integers(1, 9999)
)


@st.composite
def _entries(draw: st.DrawFn) -> polib.POEntry:
    msgid = draw(_PO_TEXT.filter(bool))
    msgstr = draw(_PO_TEXT).strip("\n")
    if msgstr:  # msgfmt -c wants a translation to begin and end with "\n" as its msgid does
        msgstr = "\n" * msgid.startswith("\n") + msgstr + "\n" * msgid.endswith("\n")
    obsolete = draw(st.booleans())
    previous = draw(st.none() | _PO_TEXT)
    return polib.POEntry(
        msgid=msgid,
        msgstr=msgstr,
        msgctxt=draw(st.none() | _PO_TEXT),
        flags=draw(
            st.lists(st.sampled_from(["fuzzy", "no-python-format", "no-c-format"]), unique=True)
        ),
        tcomment=draw(_COMMENT),
        comment="" if obsolete else draw(_COMMENT),
        occurrences=[] if obsolete else draw(st.lists(_REFERENCE, max_size=4)),
        previous_msgid=previous,
        previous_msgctxt=draw(st.none() | _PO_TEXT) if previous is not None else None,
        obsolete=obsolete,
    )


def _fields(entry: polib.POEntry) -> tuple[Any, ...]:
    return (
        entry.msgctxt,
        entry.msgid,
        entry.msgstr,
        entry.flags,
        entry.tcomment,
        entry.comment,
        [(path, int(line)) for path, line in entry.occurrences],
        entry.previous_msgid,
        entry.previous_msgctxt,
        bool(entry.obsolete),
    )


def _msgfmt_accepts(path: Path) -> None:
    if MSGFMT is None:
        if os.environ.get("CHECKER_REQUIRE_MSGFMT"):
            pytest.fail("msgfmt is required here (CHECKER_REQUIRE_MSGFMT is set)")
        return  # the round trip is still checked without gettext
    done = subprocess.run(
        [MSGFMT, "-c", "-o", os.devnull, str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, f"{done.stderr}\n{path.read_text(encoding='utf-8')}"


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_entries(), max_size=6, unique_by=lambda e: (e.msgctxt, e.msgid)))
def test_a_written_catalog_reads_back_equal_and_msgfmt_accepts_it(
    tmp_path_factory: pytest.TempPathFactory, entries: list[polib.POEntry]
) -> None:
    catalog = polib.POFile(wrapwidth=78)
    catalog.metadata = {
        "Project-Id-Version": "hostile",
        "Language": "es",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    catalog.extend(entries)
    path = tmp_path_factory.mktemp("po") / "a.po"
    write_catalog(catalog, path)
    again = read_catalog(path)
    written = sorted(entries, key=lambda e: bool(e.obsolete))  # obsolete entries go last
    assert [_fields(e) for e in again] == [_fields(e) for e in written]
    assert again.metadata == catalog.metadata
    _msgfmt_accepts(path)


@pytest.mark.parametrize(
    ("name", "escaped"),
    [
        ("bad\nforged.md:1:1: CLM002 [error] x.md", "bad\\nforged.md:1:1: CLM002 [error] x.md"),
        ("esc\x1b[31mred.md", "esc\\x1b[31mred.md"),
        ("rtl\u202edm.txt.md", "rtl\\u202edm.txt.md"),
    ],
)
def test_a_file_name_cannot_forge_or_hide_text_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, escaped: str
) -> None:
    (tmp_path / name).write_text("Statins cure all heart disease.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    output = CliRunner().invoke(app, ["check", ".", "--no-color"]).output
    lines = output.splitlines()
    # the name is escaped wherever it is printed, so no line is forged
    assert not [line for line in lines if line.startswith("forged")]
    assert [line for line in lines if "'cure'" in line] == [
        f"{escaped}:1:9: CLM002 [error] 'cure' promises more than any treatment can: say "
        "what the evidence shows and for whom"
    ]
    assert f"{escaped} [en, text]" in output or f"{escaped} [en, markdown]" in output
    assert "\x1b" not in output and "\u202e" not in output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_devices_fifos_and_huge_files_are_refused_without_reading_them(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("Drink water every day.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.md")  # reading it would wait for a writer forever
    (tmp_path / "zero.md").symlink_to("/dev/zero")  # reading it would fill memory
    with open(tmp_path / "huge.md", "wb") as sparse:
        sparse.truncate(2 * 1024**3)  # 2 GB on paper, no disk used
    names = ["fifo.md", "zero.md", "huge.md", "ok.md"]
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", *names, "--no-color", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "fifo.md: error: not a regular file (a FIFO): not read" in done.stderr + done.stdout
    assert "zero.md: error: not a regular file (a device): not read" in done.stderr + done.stdout
    assert "huge.md: error: file is 2,147,483,648 bytes, over the 5,000,000-byte limit" in (
        done.stderr + done.stdout
    )
    assert "ok.md [en, markdown]" in done.stdout  # the others are still checked


def test_a_read_stops_at_the_size_limit(tmp_path: Path) -> None:
    from checker.loading.read import read_bounded
    from checker.model import LoadError

    path = tmp_path / "a.md"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100) == b"x" * 100
    with pytest.raises(LoadError, match="over the 99-byte limit"):
        read_bounded(path, 99)


def test_an_unreadable_folder_is_named_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated, since the tests may run as root (who can read every folder)."""
    (tmp_path / "content" / "locked").mkdir(parents=True)
    (tmp_path / "content" / "locked" / "a.md").write_text("Hidden.\n", encoding="utf-8")
    (tmp_path / "content" / "ok.md").write_text("Drink water.\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    real_scandir, real_is_dir = os.scandir, Path.is_dir

    def scandir(path: Any = ".") -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def is_dir(self: Path) -> bool:
        if self.parent.name == "elsewhere":
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "is_dir", is_dir)
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(app, ["check", "content", "elsewhere/b.md", "--format", "json"])
    assert done.exit_code == 2
    report = json.loads(done.stdout)  # a whole document, not one cut off
    assert [a["path"] for a in report["articles"]] == ["content/ok.md"]
    errors = {e["path"]: e["message"] for e in report["errors"]}
    assert errors["content/locked"] == "cannot read folder: Permission denied"
    assert errors["elsewhere/b.md"] == "cannot read: Permission denied"


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    for number in range(300):
        (tmp_path / f"a{number}.md").write_text("Statins cure heart disease.\n", "utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", ".", "--no-cache", "--no-color"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert run.stdout is not None and run.stderr is not None
    run.stdout.readline()
    run.stdout.close()  # the reader goes away, as `| head -1` does
    errors = run.stderr.read().decode()
    assert run.wait(timeout=120) == 141
    assert "Traceback" not in errors and "Broken pipe" not in errors
    assert "cannot write" not in errors


def _alias_bomb() -> str:
    """About 330 bytes of YAML that expand to 9**8 (43 million) items as text."""
    lines = ["---", "lang: en", 'a: &a ["x","x","x","x","x","x","x","x","x"]']
    previous = "a"
    for name in "bcdefg":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines += ["title: [" + ",".join(["*g"] * 9) + "]", "---", "Drink water every day."]
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
def test_a_yaml_alias_bomb_in_front_matter_cannot_exhaust_the_report(tmp_path: Path) -> None:
    (tmp_path / "bomb.md").write_text(_alias_bomb(), encoding="utf-8")
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024**2, 1536 * 1024**2))\n"
        "from checker.cli import main\n"
        "sys.argv = ['checker', 'report', 'bomb.md', '--out', 'rep']\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    page = next((tmp_path / "rep" / "articles").glob("*.html")).read_text(encoding="utf-8")
    assert "<h1>bomb</h1>" in page  # the list is no title: the article's id is


def test_a_folder_walk_does_not_follow_a_link_out_of_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("Private notes about passwords.\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "notes.md").symlink_to(secret)
    (tmp_path / "content" / "real.txt").write_text("Drink water.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(app, ["check", "content", "--format", "json"])
    report = json.loads(done.stdout)
    assert [a["path"] for a in report["articles"]] == ["content/real.txt"]
    (error,) = report["errors"]
    assert error["path"] == "content/notes.md" and "outside the folder" in error["message"]
    assert "Private notes" not in done.output
    named = CliRunner().invoke(app, ["check", "content/notes.md", "--format", "json"])
    assert len(json.loads(named.stdout)["articles"]) == 1  # named: the user asked for it
    (tmp_path / "pyproject.toml").write_text("[tool.checker]\nfollow-links = true\n", "utf-8")
    followed = CliRunner().invoke(app, ["check", "content", "--format", "json"])
    assert len(json.loads(followed.stdout)["articles"]) == 2
    assert json.loads(followed.stdout)["errors"] == []
