"""Bad input never crashes a run: each bad file is an InputError, the others are checked."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker.cli import app
from checker.loading.decode import decode
from checker.model import InputError, LoadError
from tests.conftest import LONG_31, check_files, make_config, only, write

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
GOOD = "Drink water every day.\n"

BAD_FILES: list[tuple[str, bytes, str, int | None]] = [
    ("binary.md", PNG, "binary file, not text", None),
    ("nul.txt", b"Hello\x00world\x00 this is not text\x00\n", "binary file, not text", None),
    (
        "undecodable.md",
        b"Hello there.\n\nBad \x81\x8d\x8f\x90\x9d bytes.\n",
        "cannot decode: byte 0x81 is not valid UTF-8",
        3,
    ),
    ("empty.md", b"", "empty file: nothing to check", None),
    ("blank.txt", b"  \n\n\t\n", "empty file: nothing to check", None),
    (
        "malformed.md",
        b"---\ntitle: ok\nsummary: a: b\n---\nBody text.\n",
        "malformed front matter: mapping values are not allowed",
        3,
    ),
    (
        "unclosed.md",
        b"---\ntitle: ok\nlang: es\n\nBody text.\n",
        "front matter starts with '---' but is never closed",
        1,
    ),
    (
        "listfm.txt",
        b"---\n- a\n- b\n---\nBody text.\n",
        "front matter is not a mapping",
        2,
    ),
    ("big.md", b"word " * 100, "over the 300-byte limit", None),
]


@pytest.mark.parametrize(("name", "data", "message", "line"), BAD_FILES)
def test_bad_file_is_an_input_error_and_others_are_checked(
    tmp_path: Path, name: str, data: bytes, message: str, line: int | None
) -> None:
    write(tmp_path, name, data)
    write(tmp_path, "good.md", GOOD)
    write(tmp_path, "zz_good.md", GOOD)
    result = check_files(tmp_path, config=make_config(tmp_path, max_file_size=300))
    (error,) = result.errors
    assert error.path == name
    assert message in error.message, error.message
    assert error.line == line
    assert [a.document.path for a in result.articles] == ["good.md", "zz_good.md"]
    assert result.summary().exit_code == 2


def test_max_file_size_message_is_exact(tmp_path: Path) -> None:
    write(tmp_path, "big.md", b"word " * 100)
    result = check_files(tmp_path, config=make_config(tmp_path, max_file_size=300))
    assert result.errors == (
        InputError(
            "big.md",
            "file is 500 bytes, over the 300-byte limit "
            "(set max-file-size in [tool.checker] to raise it)",
        ),
    )


def test_unsupported_extension_and_missing_path(tmp_path: Path) -> None:
    pdf = write(tmp_path, "paper.pdf", b"%PDF-1.4")
    good = write(tmp_path, "good.md", GOOD)
    result = check_files(tmp_path, [pdf, tmp_path / "missing.md", good])
    messages = {e.path: e.message for e in result.errors}
    assert messages[str(tmp_path / "missing.md")] == "no such file or folder"
    assert messages["paper.pdf"].startswith("unsupported file type '.pdf'")
    assert [a.document.path for a in result.articles] == ["good.md"]
    assert result.summary().exit_code == 2


def test_folder_scan_skips_other_extensions(tmp_path: Path) -> None:
    write(tmp_path, "paper.pdf", b"%PDF-1.4")
    write(tmp_path, ".hidden/a.md", GOOD)
    write(tmp_path, "node_modules/b.md", GOOD)
    write(tmp_path, "good.md", GOOD)
    result = check_files(tmp_path)
    assert result.errors == ()
    assert [a.document.path for a in result.articles] == ["good.md"]


# -- encodings ------------------------------------------------------------------------------


def test_cp1252_is_decoded_with_a_repair(tmp_path: Path) -> None:
    text = "Line one is fine.\n\nThe patient\u2019s caf\u00e9 visit was short.\n"
    write(tmp_path, "cp.md", text.encode("cp1252"))
    result = check_files(tmp_path)
    assert result.errors == ()
    (article,) = result.articles
    assert [b.text for b in article.document.blocks] == [
        "Line one is fine.",
        "The patient\u2019s caf\u00e9 visit was short.",
    ]
    assert [(r.kind, r.line) for r in article.document.repairs] == [("encoding", 3)]
    assert "Windows-1252" in article.document.repairs[0].message
    assert [f.line for f in only(article, "CHK002")] == [3]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            codecs.BOM_UTF16_LE + "Drink water.\n\nRest well today.\n".encode("utf-16-le"),
            "decoded as UTF-16-LE (byte-order mark)",
        ),
        (
            codecs.BOM_UTF16_BE + "Drink water.\n\nRest well today.\n".encode("utf-16-be"),
            "decoded as UTF-16-BE (byte-order mark)",
        ),
        (
            "Drink water.\n\nRest well today.\n".encode("utf-16-le"),
            "decoded as UTF-16 without a byte-order mark",
        ),
        (
            "Drink water.\n\nRest well today.\n".encode("utf-16-be"),
            "decoded as UTF-16 without a byte-order mark",
        ),
        (
            "Drink caf\u00e9.\n\nRest well today.\n".encode("utf-16-le"),
            "decoded as UTF-16 without a byte-order mark",
        ),
    ],
    ids=[
        "utf16le-bom",
        "utf16be-bom",
        "utf16le-no-bom-ascii",
        "utf16be-no-bom-ascii",
        "utf16le-no-bom-accent",
    ],
)
def test_utf16_is_decoded(tmp_path: Path, data: bytes, message: str) -> None:
    write(tmp_path, "u16.md", data)
    result = check_files(tmp_path)
    assert result.errors == ()
    (article,) = result.articles
    assert len(article.document.blocks) == 2
    assert article.document.blocks[1].text == "Rest well today."
    assert article.document.position(article.document.blocks[1].content.source_offset(0)) == (
        3,
        1,
    )
    assert [(r.kind, r.message) for r in article.document.repairs] == [("encoding", message)]


def test_utf8_bom_is_dropped_without_repair() -> None:
    decoded = decode(codecs.BOM_UTF8 + b"Drink water.\n", 1000)
    assert decoded.text == "Drink water.\n"
    assert decoded.repairs == ()


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_cr_positions(tmp_path: Path, newline: str) -> None:
    lines = ["# Title", "", "Short one here.", "", f"Take it now. {LONG_31}", ""]
    write(tmp_path, "a.md", newline.join(lines).encode())
    result = check_files(tmp_path, select=["RDG003"])
    (article,) = result.articles
    (finding,) = only(article, "RDG003")
    assert (finding.line, finding.column) == (5, len("Take it now. ") + 1)
    assert (finding.end_line, finding.end_column) == (5, len(lines[4]) + 1)
    assert "\r" not in article.document.source


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
    | st.sampled_from(["\n", "\r", "\t"]),
    max_size=80,
)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_decode_round_trips_utf8_with_newlines_normalised(text: str) -> None:
    decoded = decode(text.encode("utf-8"), 10_000)
    assert decoded.text == text.replace("\r\n", "\n").replace("\r", "\n")
    assert decoded.encoding == "utf-8"
    assert decoded.repairs == ()


def test_decode_rejects_binary_directly() -> None:
    with pytest.raises(LoadError) as info:
        decode(PNG, 10_000)
    assert info.value.message == "binary file, not text"


def test_many_control_characters_are_binary() -> None:
    data = ("abc\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 3).encode()
    with pytest.raises(LoadError, match="binary"):
        decode(data, 10_000)


# -- through the command line ---------------------------------------------------------------


def test_cli_reports_every_bad_file_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "checker.toml", "max-file-size = 300\n")
    for name, data, _, _ in BAD_FILES:
        write(tmp_path, f"articles/{name}", data)
    write(tmp_path, "articles/good.md", GOOD)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "articles", "--no-color"])
    assert result.exit_code == 2
    output = result.output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for name, _, message, line in BAD_FILES:
        where = f"articles/{name}" if line is None else f"articles/{name}:{line}"
        assert any(
            row.startswith(f"{where}: error: ") and message in row for row in output.splitlines()
        ), (name, output)
    assert "articles/good.md [en, markdown]" in output
    assert f"{len(BAD_FILES)} file(s) could not be checked" in output


def test_cli_json_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    write(tmp_path, "checker.toml", "")
    write(tmp_path, "unclosed.md", b"---\ntitle: ok\n\nBody.\n")
    write(tmp_path, "good.md", GOOD)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", ".", "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["errors"] == [
        {
            "path": "unclosed.md",
            "line": 1,
            "message": "front matter starts with '---' but is never closed",
        }
    ]
    assert [a["path"] for a in data["articles"]] == ["good.md"]
    assert data["summary"]["errors"] == 1
    assert data["summary"]["exit_code"] == 2
