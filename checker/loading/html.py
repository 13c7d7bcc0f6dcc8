"""HTML to blocks with the standard library's HTML parser, keeping source positions.

``html.parser`` reports where every piece of text starts, and with
``convert_charrefs=False`` it hands entities over one by one, so each character
of the cleaned text maps back to the file.  Script, style, navigation and code
are not content.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

from checker.compiled_patterns import kept
from checker.mapped_text import MappedText, SourceLines
from checker.model import Block, BlockKind, Link

_SKIP = frozenset(
    {
        "script",
        "style",
        "nav",
        "code",
        "pre",
        "noscript",
        "template",
        "svg",
        "head",
        "math",
        "kbd",
        "samp",
        "select",
        "button",
        "iframe",
        "object",
    }
)
_BLOCK_KIND = {
    "p": BlockKind.PARAGRAPH,
    "div": BlockKind.PARAGRAPH,
    "section": BlockKind.PARAGRAPH,
    "article": BlockKind.PARAGRAPH,
    "main": BlockKind.PARAGRAPH,
    "header": BlockKind.PARAGRAPH,
    "footer": BlockKind.PARAGRAPH,
    "aside": BlockKind.PARAGRAPH,
    "body": BlockKind.PARAGRAPH,
    "html": BlockKind.PARAGRAPH,
    "figure": BlockKind.PARAGRAPH,
    "form": BlockKind.PARAGRAPH,
    "address": BlockKind.PARAGRAPH,
    "dl": BlockKind.PARAGRAPH,
    "dt": BlockKind.LIST_ITEM,
    "dd": BlockKind.LIST_ITEM,
    "li": BlockKind.LIST_ITEM,
    "ul": BlockKind.PARAGRAPH,
    "ol": BlockKind.PARAGRAPH,
    "table": BlockKind.PARAGRAPH,
    "tr": BlockKind.PARAGRAPH,
    "td": BlockKind.TABLE_CELL,
    "th": BlockKind.TABLE_CELL,
    "caption": BlockKind.PARAGRAPH,
    "figcaption": BlockKind.PARAGRAPH,
    "blockquote": BlockKind.QUOTE,
    "h1": BlockKind.HEADING,
    "h2": BlockKind.HEADING,
    "h3": BlockKind.HEADING,
    "h4": BlockKind.HEADING,
    "h5": BlockKind.HEADING,
    "h6": BlockKind.HEADING,
}
_WHITESPACE = kept(r"\s{2,}|[\t\n\r\f]")
_UNTERMINATED = kept(r"<[A-Za-z/!?]")
_RAW_TEXT = kept(r"<(?:script|style)", re.IGNORECASE)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


def _attribute_value_at(tag_text: str, name: str, value: str) -> int:
    """Where ``name``'s value ``value`` starts in the tag's source, or -1."""
    for match in re.finditer(rf"\b{name}\s*=\s*([\"']?)", tag_text, re.IGNORECASE):
        if tag_text.startswith(value, match.end()):
            return match.end()
    return -1


class _BlockParser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.lines = SourceLines(source)
        self.blocks: list[Block] = []
        self.lang = ""
        self.title = ""
        self._stack: list[str] = []
        self._open: Counter[str] = Counter()  # tags on the stack (a stray end tag is O(1))
        self._skip = 0
        self._pieces: list[MappedText] = []
        self._in_title = False
        self._list_depth = 0
        self._tables = self._rows = self._columns = 0  # where a table cell sits
        self._open_links: list[tuple[str, int, int]] = []  # href, piece index, tag offset
        self._links: list[Link] = []

    # -- positions ----------------------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines.line_start(line) + col

    # -- block handling -----------------------------------------------------------------
    def _kind(self) -> tuple[BlockKind, int]:
        for tag in reversed(self._stack):
            kind = _BLOCK_KIND.get(tag)
            if kind is not None:
                level = (
                    int(tag[1])
                    if kind is BlockKind.HEADING
                    else (self._list_depth if kind is BlockKind.LIST_ITEM else 0)
                )
                return kind, level
        return BlockKind.PARAGRAPH, 0

    def _flush(self) -> None:
        if not self._pieces:
            return
        text = MappedText.concat(self._pieces)
        self._pieces = []
        collapsed, _ = text.sub(_WHITESPACE, " ")
        collapsed = collapsed.strip()
        links, self._links = tuple(self._links), []
        if collapsed.text:
            kind, level = self._kind()
            attrs = {}
            if kind is BlockKind.TABLE_CELL:
                attrs = {
                    "table": str(self._tables),
                    "row": str(self._rows),
                    "column": str(self._columns),
                    "header": "yes" if self._open["th"] else "",
                }
            self.blocks.append(Block(kind, collapsed, level=level, links=links, attrs=attrs))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html" and not self.lang:
            self.lang = values.get("lang") or values.get("xml:lang") or ""
        if tag == "title":
            self._in_title = True
        if tag in _BLOCK_KIND:
            self._flush()
        if tag in ("ul", "ol"):
            self._list_depth += 1
        if tag == "table":
            self._tables, self._rows = self._tables + 1, 0
        elif tag == "tr":
            self._rows, self._columns = self._rows + 1, 0
        elif tag in ("td", "th"):
            self._columns += 1
        if tag == "img" and not self._skip:
            self._image(values)
        if tag == "br" and not self._skip:
            self._pieces.append(MappedText.inserted(" ", self._offset()))
        if tag == "a" and not self._skip and "href" in values:
            self._open_links.append((values["href"], len(self._pieces), self._offset()))
        if tag in _SKIP:
            self._skip += 1
        if tag not in _VOID:
            self._stack.append(tag)
            self._open[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "img" and not self._skip:
            self._image(values)
        if tag == "br" and not self._skip:
            self._pieces.append(MappedText.inserted(" ", self._offset()))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if not self._open[tag]:
            return
        if tag == "a" and self._open_links:
            self._close_link()
        if tag in _BLOCK_KIND:
            self._flush()
        while self._stack:
            top = self._stack.pop()
            self._open[top] -= 1
            if top in _SKIP:
                self._skip -= 1
            if top in ("ul", "ol"):
                self._list_depth -= 1
            if top == tag:
                break

    def _close_link(self) -> None:
        href, first, tag_start = self._open_links.pop()
        pieces = self._pieces[first:]
        text = " ".join("".join(p.text for p in pieces).split())
        if pieces:
            start = pieces[0].source_offset(0)
            end = pieces[-1].source_offset(len(pieces[-1].text), end=True)
        else:
            start, end = tag_start, self._offset()
        self._links.append(Link(text, href, start, end))

    def _image(self, values: dict[str, str]) -> None:
        start = self._offset()
        tag_text = self.get_starttag_text() or ""
        alt = values.get("alt")
        if alt is not None and alt.strip():
            # Find the attribute value in the tag so the alt text maps exactly (after
            # "alt=": the same words may be in src, as in src="pen.jpg" alt="pen.jpg").
            where = _attribute_value_at(tag_text, "alt", alt)
            if where >= 0 and "&" not in alt:
                content = MappedText.identity(alt, start + where).strip()
            else:
                content = MappedText.replacing(html.unescape(alt), start, start + len(tag_text))
            state = "present"
        else:
            content = MappedText.replacing("", start, start + len(tag_text))
            state = "empty" if alt is not None else "missing"
        self.blocks.append(
            Block(BlockKind.IMAGE_ALT, content, attrs={"src": values.get("src", ""), "alt": state})
        )

    # -- text -------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self._skip:
            return
        self._pieces.append(MappedText.identity(data, self._offset()))

    def _reference(self, raw: str) -> None:
        start = self._offset()
        full = raw + ";" if self.source.startswith(raw + ";", start) else raw
        value = html.unescape(full)
        if self._in_title:
            self.title += value
            return
        if self._skip:
            return
        self._pieces.append(MappedText.replacing(value, start, start + len(full)))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # The standard library raises AssertionError on a "<![" it cannot name ("<![--",
        # "<![foo["); HTML5 reads it as a bogus comment up to the next ">".
        position = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position  # it moved them before raising
            return self.parse_bogus_comment(i, report)

    def close(self) -> None:
        # A tag, comment or declaration that the file ends inside is dropped, as HTML5
        # does.  The parser leaves them unparsed until close(), which then rescans the
        # rest of the file from every "<" after the last ">" (or every "<!--" after the
        # last "-->"): quadratic on text such as "a <b <c <d ..." (CPython gh-135462,
        # fixed in later releases).
        rest = self.rawdata
        if rest and not self.cdata_elem:
            cuts = []
            tag = _UNTERMINATED.search(rest, rest.rfind(">") + 1)
            if tag is not None:
                cuts.append(tag.start())
            comment = rest.find("<!--", rest.rfind("-->") + 1)
            if comment >= 0 and not _RAW_TEXT.search(rest, 0, comment):
                cuts.append(comment)  # not inside a script or style: a comment to the end
            if cuts:
                self.rawdata = rest[: min(cuts)]
        super().close()
        self._flush()


def parse_html(source: str) -> tuple[list[Block], str, str]:
    """Blocks of an HTML document, its declared ``lang`` and its ``<title>``."""
    parser = _BlockParser(source)
    parser.feed(source)
    parser.close()
    return parser.blocks, parser.lang.strip(), " ".join(parser.title.split())
