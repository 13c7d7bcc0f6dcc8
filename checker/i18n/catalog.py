"""Reading, validating and writing gettext catalogs, safely.

polib keeps what translators and their tools put in a catalog (translator
comments, flags, previous msgids, obsolete entries) through a read and a write,
and never marks prose containing ``%`` as a format string.  This module adds what
a checker needs on top: errors that name the file and line as ``msgfmt`` does,
atomic writes (a temporary file renamed over the old one, so a crash leaves the old
or the new catalog, never half of one), and a lock on every platform so two updates
of one catalog cannot interleave.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import polib

from checker.compiled_patterns import kept
from checker.files import LockBusy, exclusive_lock, write_text_atomically
from checker.paths import shown

#: Line width of written catalogs, as GNU gettext wraps them.
WRAP_WIDTH = 78
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_POLIB_LINE = kept(r"\(line (\d+)\)")
#: The previous msgid of an obsolete entry, which polib skips.
_OBSOLETE_PREVIOUS = kept(r"^#~\|[ \t]*", re.MULTILINE)


class _PoText(str):
    """Catalog text whose lines end at ``\\n`` only, as msgfmt reads them.

    polib splits text with ``str.splitlines()``, which also breaks at U+2028, U+0085,
    \\x1c and other separators: a translation holding one lost everything before it.
    """

    def splitlines(self, keepends: bool = False) -> list[str]:
        parts = self.split("\n")
        tail = parts.pop()  # after the last line end: "" when the text ends with one
        lines = [part + "\n" for part in parts] if keepends else parts
        return [*lines, tail] if tail else lines


class CatalogError(Exception):
    """A catalog that cannot be used as it is; ``str()`` reads ``path:line: message``."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = shown(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class CatalogLocked(CatalogError):
    """Another process is updating the same catalog."""


def now_stamp() -> str:
    """A PO header date: ``2026-11-21 10:30+0000``."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")


def read_catalog(path: Path) -> polib.POFile:
    """The catalog at ``path``; raises :class:`CatalogError` naming the line of a problem."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError(path, None, f"cannot read catalog: {exc.strerror or exc}") from None
    if data.startswith(codecs.BOM_UTF8):
        raise CatalogError(
            path,
            1,
            "the file starts with a byte-order mark, which msgfmt rejects: save it as "
            "UTF-8 without one",
        )
    if b"\x00" in data[:64]:
        raise CatalogError(
            path, 1, "NUL bytes: a binary or UTF-16 file, not a catalog (save it as UTF-8)"
        )
    charset = _declared_charset(data)
    if charset is None:
        _check_syntax(data.decode("utf-8", "replace"), path)  # a file cut short says so
        raise CatalogError(
            path, 1, "no header entry with 'Content-Type: text/plain; charset=...' at the top"
        )
    try:
        codecs.lookup(charset)
    except LookupError:
        raise CatalogError(
            path, _line_of(data, b"charset="), f"unknown charset {charset!r}"
        ) from None
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as exc:
        raise CatalogError(
            path,
            data.count(b"\n", 0, exc.start) + 1,
            f"the bytes are not valid {charset} (the header's charset)",
        ) from None
    _check_syntax(text, path)
    _check_structure(text, path)
    try:
        # polib drops an obsolete entry's "#~| msgid" lines: read them as "#| msgid" (the
        # "#~ msgid" line after them makes the entry obsolete), so that they are kept
        catalog = polib.pofile(_PoText(_OBSOLETE_PREVIOUS.sub("#| ", text)), wrapwidth=WRAP_WIDTH)
    except (OSError, ValueError) as exc:
        message = str(exc)
        line = _POLIB_LINE.search(message)
        raise CatalogError(
            path, int(line.group(1)) if line else None, _syntax_message(message)
        ) from None
    _check_duplicates(catalog, path)
    return catalog


_STRING = r'"(?:[^"\\\n]|\\.)*"'
_KEYWORD = r"(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)"
_PO_LINE = rf"(?:{_KEYWORD}[ \t]+)?{_STRING}[ \t\r]*"
#: The first line that is neither blank, a comment, nor a keyword or string line.
_BAD_LINE = kept(
    rf"^(?![ \t\r]*(?:$|#(?![~|])|#~?\|?[ \t]*{_PO_LINE}$|{_PO_LINE}$)).*$", re.MULTILINE
)
_WORD = kept(r"[A-Za-z_\[\]0-9]+")
_ESCAPED = kept(r"\\.")
#: A comment line ending in a backslash: msgfmt reads backslash-newline as no line break.
_SPLICED_COMMENT = kept(r"^[ \t]*#(?![~|])[^\n]*\\\r?$", re.MULTILINE)
#: A string (on a keyword or continuation line, of an obsolete entry or a previous msgid
#: too) with an escape that polib does not read as msgfmt does.
_BAD_ESCAPE = kept(
    rf'^[ \t]*(?:#~\|?[ \t]*|#\|[ \t]*)?(?:{_KEYWORD}[ \t]+)?"(?:[^"\\\n]|\\[ntrbfv"\\])*'
    r'\\(?P<char>[^ntrbfv"\\])',
    re.MULTILINE,
)


def _check_syntax(text: str, path: Path) -> None:
    """Reject what GNU msgfmt rejects line by line; polib would silently drop the text
    of an unclosed string (``msgstr "Tome 15 mg`` reads as an empty translation)."""
    bad = _BAD_LINE.search(text)
    if bad is not None:
        number = text.count("\n", 0, bad.start()) + 1
        line = bad.group(0).strip().lstrip("#~| \t")
        word = _WORD.match(line)
        quotes = _ESCAPED.sub("", line).count('"')  # an escaped quote does not close a string
        if line.startswith('"') or (word and quotes % 2):
            raise CatalogError(path, number, "syntax error: end-of-line within string")
        keyword = word.group(0) if word else line[:20]
        raise CatalogError(path, number, f"syntax error: keyword {keyword!r} unknown")
    spliced = _SPLICED_COMMENT.search(text) if "\\" in text else None
    if spliced is not None:
        raise CatalogError(
            path,
            text.count("\n", 0, spliced.start()) + 1,
            "syntax error: a comment line ends with a backslash, which msgfmt joins to the "
            "next line",
        )
    escape = _BAD_ESCAPE.search(text) if "\\" in text else None
    if escape is not None:
        number = text.count("\n", 0, escape.start()) + 1
        raise CatalogError(
            path,
            number,
            f"syntax error: invalid control sequence '\\{escape.group('char')}' (a string "
            'may use \\n, \\t, \\r, \\", \\\\ and \\b, \\f, \\v)',
        )


#: A keyword at the start of a line (of an obsolete entry too, not of a previous msgid).
_KEYWORD_LINE = kept(
    r"^[ \t]*(?:#~[ \t]*)?(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]", re.MULTILINE
)


def _check_structure(text: str, path: Path) -> None:
    """Entries that polib reads without complaint but msgfmt rejects.

    A file cut off after ``msgid`` or ``msgctxt`` read as an empty translation, and
    ``msgstr[0]`` without ``msgid_plural`` lost its translation.
    """
    entries: list[list[tuple[str, int]]] = []
    line = 1
    offset = 0
    for match in _KEYWORD_LINE.finditer(text):
        line += text.count("\n", offset, match.start())
        offset = match.start()
        keyword = match.group(1)
        current = [k for k, _ in entries[-1]] if entries else []
        if keyword == "msgid":
            starts = current[-1:] != ["msgctxt"]
        elif keyword == "msgctxt":
            starts = True
        else:  # a msgstr or msgid_plural after the entry's msgstr starts another one
            has_msgstr = any(k.startswith("msgstr") for k in current)
            starts = keyword in ("msgstr", "msgid_plural") and has_msgstr
        if starts or not entries:
            entries.append([])
        entries[-1].append((keyword, line))
    for entry in entries:
        _check_entry(entry, path)


def _check_entry(entry: list[tuple[str, int]], path: Path) -> None:
    keywords = [keyword for keyword, _ in entry]
    lines = dict(reversed(entry))  # each keyword's first line
    if "msgid" not in lines:
        first, number = entry[0]
        what = "'msgctxt' without 'msgid'" if first == "msgctxt" else f"{first!r} without 'msgid'"
        raise CatalogError(path, number, f"syntax error: {what}")
    translations = [(k, n) for k, n in entry if k.startswith("msgstr")]
    if not translations:
        raise CatalogError(path, lines["msgid"], "missing 'msgstr' section")
    plural = "msgid_plural" in lines
    for keyword, number in translations:
        if plural and keyword == "msgstr":
            raise CatalogError(
                path, number, "syntax error: 'msgstr' after 'msgid_plural' (use 'msgstr[0]')"
            )
        if not plural and keyword != "msgstr":
            raise CatalogError(path, lines["msgid"], "missing 'msgid_plural' section")
    seen: set[str] = set()
    for keyword, number in entry:
        if keyword in seen:
            raise CatalogError(path, number, f"syntax error: a second {keyword!r} in one entry")
        seen.add(keyword)
    order = ["msgctxt", "msgid", "msgid_plural", "msgstr"]
    ranks = [order.index(k.split("[")[0]) for k in keywords]
    for (keyword, number), before, after in zip(entry[1:], ranks, ranks[1:], strict=False):
        if after < before:
            raise CatalogError(path, number, f"syntax error: {keyword!r} out of place")


def _declared_charset(data: bytes) -> str | None:
    """The charset the header declares, or None when the catalog has no header."""
    head = data[:4000]
    if b'msgid ""' not in head or b"Content-Type" not in head:
        return None
    found = _CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def _line_of(data: bytes, needle: bytes) -> int:
    return data.count(b"\n", 0, max(data.find(needle), 0)) + 1


def _syntax_message(message: str) -> str:
    message = _POLIB_LINE.sub("", message).strip().rstrip(".")
    return f"syntax error: {message[0].lower() + message[1:] if message else 'unreadable'}"


def _check_duplicates(catalog: polib.POFile, path: Path) -> None:
    seen: dict[tuple[str | None, str], int] = {}
    for entry in catalog:
        key = (entry.msgctxt, entry.msgid)
        if key == (None, ""):  # polib reads the first header as metadata, not an entry
            raise CatalogError(
                path, entry.linenum, "duplicate message definition (a second header entry)"
            )
        if key in seen:
            raise CatalogError(
                path,
                entry.linenum,
                f"duplicate message definition (first defined at line {seen[key]})",
            )
        seen[key] = entry.linenum


def render(catalog: polib.POFile) -> str:
    """The catalog as PO text, wrapped at 78 columns as GNU gettext does, with a final newline.

    Written here rather than by polib because polib wraps with :mod:`textwrap`, which
    takes seconds on a catalog of 20,000 paragraphs; this writer takes a fraction of that
    and wraps only at spaces (never inside a word or after a hyphen).
    """
    content_type = catalog.metadata.get("Content-Type", "")
    if "charset=" in content_type and not re.search(r"charset=utf-?8\b", content_type, re.I):
        # every catalog is written in UTF-8, so the header must say so
        catalog.metadata["Content-Type"] = re.sub(r"charset=[^;\s]+", "charset=UTF-8", content_type)
    out: list[str] = []
    if catalog.header:
        out.extend(f"# {line}".rstrip() for line in catalog.header.split("\n"))
    header = catalog.metadata_as_entry()
    out.extend(_field("msgid", "", ""))
    out.extend(_field("msgstr", header.msgstr, ""))
    for entry in catalog:
        if not entry.obsolete:
            out.append("")
            out.extend(_entry(entry))
    for entry in catalog:
        if entry.obsolete:
            out.append("")
            out.extend(_entry(entry))
    return "\n".join(out) + "\n"


def _entry(entry: polib.POEntry) -> list[str]:
    lines: list[str] = []
    prefix = "#~ " if entry.obsolete else ""
    comments = [("# ", entry.tcomment)]
    if not entry.obsolete:
        comments.append(("#. ", entry.comment))
    for marker, text in comments:
        if text:
            for line in text.split("\n"):
                lines.extend(_wrap_words(line, marker))
    if entry.occurrences and not entry.obsolete:
        places = " ".join(f"{path}:{line}" if line else path for path, line in entry.occurrences)
        lines.extend(_wrap_words(places, "#: "))
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    previous = "#~| " if entry.obsolete else "#| "
    for name, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", entry.previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None:
            lines.extend(_field(name, value, previous))
    if entry.msgctxt is not None:
        lines.extend(_field("msgctxt", entry.msgctxt, prefix))
    lines.extend(_field("msgid", entry.msgid, prefix))
    if entry.msgid_plural:
        lines.extend(_field("msgid_plural", entry.msgid_plural, prefix))
        for index in sorted(entry.msgstr_plural, key=int):
            lines.extend(_field(f"msgstr[{index}]", entry.msgstr_plural[index], prefix))
    else:
        lines.extend(_field("msgstr", entry.msgstr, prefix))
    return lines


def _wrap_words(text: str, marker: str, width: int = WRAP_WIDTH) -> list[str]:
    """A comment line, wrapped at spaces with ``marker`` at the start of each line."""
    if len(marker) + len(text) <= width:
        return [marker + text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(marker) + len(current) + 1 + len(word) > width:
            lines.append(marker + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(marker + current)
    return lines


def _field(keyword: str, value: str, prefix: str, width: int = WRAP_WIDTH) -> list[str]:
    """``keyword "value"``, or ``keyword ""`` and wrapped string lines when it is long."""
    pieces = value.splitlines(keepends=True)
    escaped = polib.escape(value)
    if len(pieces) <= 1 and len(prefix) + len(keyword) + 3 + len(escaped) <= width:
        return [f'{prefix}{keyword} "{escaped}"']
    lines = [f'{prefix}{keyword} ""']
    limit = width - 2 - len(prefix)
    for piece in pieces:
        current = ""
        for word in re.split(r"(?<= )", polib.escape(piece)):
            if current and len(current) + len(word) > limit:
                lines.append(f'{prefix}"{current}"')
                current = word
            else:
                current += word
        if current:
            lines.append(f'{prefix}"{current}"')
    return lines


def write_catalog(catalog: polib.POFile, path: Path, expected: bytes | None = None) -> None:
    """Write ``catalog`` over ``path``; with ``expected``, only if the file still holds
    those bytes (:class:`~checker.files.ChangedMeanwhile` otherwise)."""
    write_text_atomically(path, render(catalog), expected=expected)


def lock_file_of(path: Path) -> Path:
    """The hidden lock file beside a catalog: ``.mtx.po.lock`` for ``mtx.po``."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def catalog_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the catalog at ``path`` or fail at once.

    Two updates of one catalog cannot interleave on any platform (see
    :func:`~checker.files.exclusive_lock`).  The lock file sits beside the catalog,
    so every process that writes it (whatever its configuration or cache folder)
    sees the same one.  It is removed on release; one left by a killed process
    holds no lock and is reused.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_file = lock_file_of(path)
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(exclusive_lock(lock_file))
        except LockBusy:
            raise CatalogLocked(
                path, None, "another checker is updating this catalog; try again when it is done"
            ) from None
        except OSError as exc:
            raise CatalogError(
                path, None, f"cannot lock the catalog ({shown(lock_file)}: {exc.strerror or exc})"
            ) from None
        yield


def msgfmt_accepts(msgid: str, msgstr: str) -> bool:
    """What ``msgfmt -c`` asks of a translation: it starts and ends with a line break
    exactly when its source does."""
    return msgid.startswith("\n") == msgstr.startswith("\n") and msgid.endswith(
        "\n"
    ) == msgstr.endswith("\n")
