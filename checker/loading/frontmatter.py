"""YAML front matter: metadata, the declared language, and fields that are content.

CMS exports often carry the whole article inside a front-matter field, with
literal ``\\n`` escapes for paragraph breaks.  Configured fields (``title``,
``description``, ``question``, ``answer``, ``summary`` by default; dotted names
such as ``seo.page_description`` reach nested fields) are read as Markdown and
mapped back to their lines in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from checker.compiled_patterns import kept
from checker.mapped_text import MappedText
from checker.model import LoadError

_OPEN = kept(r"\A(?:\ufeff)?---[ \t]*\n")
_CLOSE = kept(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_ESCAPED_BREAK = kept(r"\\r\\n|\\n")
LANGUAGE_KEYS = ("lang", "language", "locale")
#: libyaml's loader when PyYAML was built with it (about 30 times faster), else pure Python.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: libyaml composes nested collections recursively in C and crashes the process (a
#: segmentation fault) somewhere past 20,000 levels; front matter that might nest deeper
#: than this is read by the pure-Python loader, whose recursion limit is an error.
_C_LOADER_MAX_DEPTH = 1000
_BLOCK_INDENT = kept(r"^[ \t?:-]*", re.MULTILINE)


def _may_nest_deeply(yaml_text: str) -> bool:
    """Whether ``yaml_text`` might nest collections more than ``_C_LOADER_MAX_DEPTH`` deep.

    Each level of flow nesting needs a ``[`` or ``{``, and each block level needs a
    wider indent or another ``-``, ``?`` or ``:`` indicator before a line's content.
    """
    flow = yaml_text.count("[") + yaml_text.count("{")
    if flow > _C_LOADER_MAX_DEPTH:
        return True
    deepest = max((len(m.group(0)) for m in _BLOCK_INDENT.finditer(yaml_text)), default=0)
    return flow + deepest > _C_LOADER_MAX_DEPTH


@dataclass(frozen=True, slots=True)
class FrontMatter:
    data: dict[str, Any]
    fields: list[tuple[str, MappedText]]  # (name, text) for content fields, in file order
    body_offset: int  # where the body starts in the source
    escaped_breaks: int  # literal "\n" sequences turned into line breaks
    escaped_line: int | None

    language: str = ""  # the declared language exactly as written ("12", "no", "2024-05-01")
    language_line: int | None = None  # the line of the key that declares it


def split_front_matter(source: str) -> tuple[str, int, int] | None:
    """``(yaml_text, yaml_offset, body_offset)`` when the file starts with front matter."""
    opening = _OPEN.match(source)
    if not opening:
        return None
    closing = _CLOSE.search(source, opening.end())
    if not closing:
        raise LoadError("front matter starts with '---' but is never closed", 1)
    body = closing.end() + 1 if closing.end() < len(source) else closing.end()
    return source[opening.end() : closing.start()], opening.end(), body


def _line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def _lines_before(text: str, index: int) -> int:
    return text.count("\n", 0, index)


def parse_front_matter(source: str, wanted: tuple[str, ...]) -> FrontMatter | None:
    """Parse front matter at the top of ``source``; ``None`` when there is none."""
    split = split_front_matter(source)
    if split is None:
        return None
    yaml_text, yaml_offset, body_offset = split
    first_line = _line_of(source, yaml_offset)
    loader = yaml.SafeLoader if _may_nest_deeply(yaml_text) else _LOADER
    try:
        node = yaml.compose(yaml_text, Loader=loader)
        data = loader(yaml_text).construct_document(node) if node is not None else {}
    except RecursionError:
        raise LoadError("front matter is nested too deeply to read", first_line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        # YAML also counts U+2028, U+0085 ... as line breaks; the file's lines end at "\n"
        line = first_line + (_lines_before(yaml_text, mark.index) if mark is not None else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LoadError(f"malformed front matter: {problem}", line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise LoadError("front matter is not a mapping of keys to values", first_line)
    fields: list[tuple[str, MappedText]] = []
    escaped = 0
    escaped_line: int | None = None
    for name in wanted:
        value_node = _find(node, name.split("."))
        if not isinstance(value_node, yaml.ScalarNode) or not isinstance(value_node.value, str):
            continue
        if not value_node.value.strip():
            continue
        text = _mapped_scalar(yaml_text, value_node, yaml_offset)
        text, count = text.sub(_ESCAPED_BREAK, "\n")
        if count:
            escaped += count
            if escaped_line is None:
                escaped_line = first_line + _lines_before(yaml_text, value_node.start_mark.index)
        fields.append((name, text))
    fields.sort(key=lambda item: item[1].source_offset(0))
    language, language_line = "", None
    for key in LANGUAGE_KEYS:
        # the text as written, not YAML's reading of it: "no" is Norwegian, not False
        key_node = _find(node, [key])
        if key_node is None:
            continue
        if not isinstance(key_node, yaml.ScalarNode):  # a list or a table: reported as written
            written = yaml_text[key_node.start_mark.index : key_node.end_mark.index]
            language = " ".join(written.split())[:60] or "(empty)"
            language_line = first_line + _lines_before(yaml_text, key_node.start_mark.index)
            break
        if key_node.value.strip():
            language = key_node.value.strip()
            language_line = first_line + _lines_before(yaml_text, key_node.start_mark.index)
            break
    return FrontMatter(data, fields, body_offset, escaped, escaped_line, language, language_line)


def _find(node: yaml.Node, path: list[str]) -> yaml.Node | None:
    for key in path:
        if not isinstance(node, yaml.MappingNode):
            return None
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                node = value_node
                break
        else:
            return None
    return node


def _mapped_scalar(yaml_text: str, node: yaml.ScalarNode, offset: int) -> MappedText:
    """The scalar's value, mapped line by line to the file when it can be reconstructed.

    Plain, folded (``>``) and literal (``|``) scalars are rebuilt from their source
    lines; if the rebuilt text differs from what YAML parsed (escapes in quoted
    strings, unusual indentation) the value maps to the field as a whole.
    """
    value: str = node.value
    start, end = node.start_mark.index, node.end_mark.index
    raw = yaml_text[start:end]
    style = node.style
    if style in ('"', "'"):
        inner = raw[1:-1] if len(raw) >= 2 else raw
        if inner == value:
            return MappedText.identity(value, offset + start + 1)
        return MappedText.replacing(value, offset + start, offset + end)
    pieces: list[MappedText] = []
    line_start = start
    lines: list[tuple[int, str]] = []
    if style in (">", "|"):
        header_end = yaml_text.find("\n", start)
        if header_end < 0:
            return MappedText.replacing(value, offset + start, offset + end)
        line_start = header_end + 1
    for line in yaml_text[line_start:end].split("\n"):
        lines.append((line_start, line))
        line_start += len(line) + 1
    if style in (">", "|"):
        indents = [len(t) - len(t.lstrip(" ")) for _, t in lines if t.strip()]
        indent = min(indents) if indents else 0
        body = [(pos + indent, t[indent:]) if t.strip() else (pos, "") for pos, t in lines]
    else:
        body = [(pos + len(t) - len(t.lstrip()), t.strip()) for pos, t in lines]
    while body and not body[-1][1]:
        body.pop()
    previous_blank = True
    for pos, text in body:
        if pieces:
            if style == "|" or not text or previous_blank:
                pieces.append(MappedText.inserted("\n", offset + pos))
            else:
                pieces.append(MappedText.inserted(" ", offset + pos))
        if text:
            pieces.append(MappedText.identity(text, offset + pos))
        previous_blank = not text
    rebuilt = MappedText.concat(pieces)
    if rebuilt.text.strip() == value.strip():
        return rebuilt.strip()
    return MappedText.replacing(value, offset + start, offset + end)
