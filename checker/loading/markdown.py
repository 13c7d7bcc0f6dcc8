"""Markdown to blocks with markdown-it-py, keeping every character's source position.

markdown-it-py gives the block structure and line ranges; inline markup
(emphasis, links, images, code, footnote markers) is stripped with position-keeping
substitutions so that findings point into the original file.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from markdown_it import MarkdownIt
from markdown_it.token import Token

from checker.compiled_patterns import kept
from checker.mapped_text import MappedText, SourceLines
from checker.model import Block, BlockKind, Link, LoadError

# Bracketed text stops at the next bracket and a destination at the next parenthesis (one
# balanced pair allowed, as in CommonMark), so that no match is tried across a run of
# "[[[[" or "](((": every start scanning to the end of the text took quadratic time.
_DESTINATION = r"(?:[^()\s]|\([^()\s]*\))*"
# CommonMark allows spaces around the destination: "[mumps vaccine]( http://...)".
_IMAGE = kept(rf"!\[(?P<alt>[^\[\]]*)\]\([ \t]*(?P<src>{_DESTINATION})(?:\s+\"[^\"]*\")?[ \t]*\)")
_LINK = kept(rf"\[(?P<text>[^\[\]]*)\]\([ \t]*(?P<href>{_DESTINATION})(?:\s+\"[^\"]*\")?[ \t]*\)")
#: Template tags and variables of site generators, which are not prose: Liquid, Jinja and
#: Nunjucks ("{% render_section %}", "{{ findersBaseUrl }}", "{# note #}") and Hugo
#: shortcodes ("{{< figure src=... >}}", "{{% notice %}}").  Bounded, so that an unclosed
#: "{{" never scans the rest of the text.
TEMPLATE_TAG = kept(
    r"\{\{[<%].{0,500}?[%>]\}\}|\{%.{0,500}?%\}|\{\{.{0,500}?\}\}|\{#.{0,500}?#\}", re.DOTALL
)
#: kramdown and Pandoc attribute lists after a link, an image or a word: "{rel=external}",
#: "{: .note}", "{#intro .lead}".
_ATTRIBUTE = r"(?:[#.][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s{}]*))"
ATTRIBUTE_LIST = kept(
    rf"(?<=[)\]\w*_`.!?:;\"'])\{{:?[ \t]*{_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*[ \t]*\}}"
)
_REF_LINK = kept(r"\[(?P<text>[^\[\]^][^\[\]]*)\]\[[^\[\]]*\]")
_AUTOLINK = kept(r"<(?P<url>(?:https?|mailto|ftp):[^<>\s]+)>")
_FOOTNOTE_DEF = kept(r"^\s*\[\^[^\[\]\s]+\]:\s*")
_FOOTNOTE_REF = kept(r"\[\^[^\[\]\s]+\]")
# A code span opens with a whole run of backticks and closes with a run of the same
# length (CommonMark); matching part of a run made "````...." cubic.
_CODE_SPAN = kept(r"(?<!`)(`++)(?P<code>.+?)(?<!`)\1(?!`)")
_HTML_COMMENT = kept(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = kept(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPHASIS = kept(
    r"(?<![\w*_~\\])(?:\*{1,3}|_{1,3}|~~)(?=[^\s*_~])|(?<=[^\s*_~\\])(?:\*{1,3}|_{1,3}|~~)(?![\w*_~])"
)
_ESCAPE = kept(r"\\(?P<char>[!-/:-@\[-`{-~])")
# Both start at the first space of a run: from every space of a long run each scanned
# the rest of the run, quadratic in its length.  A soft break leaves the spaces of a
# line that ends in another break to that break, which starts at them.
_HARD_BREAK = kept(r"(?<! ) {2,}+\n|\\\n")
_SOFT_BREAK = kept(r"(?<![ \t])[ \t]*+\n(?:[ \t]++(?!\n))?")


@cache
def _parser() -> MarkdownIt:
    # Only block structure and each inline token's raw content are used: skip inline parsing.
    return (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .enable("strikethrough")
        .disable("inline")
    )


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _locate(content: str, mt: MappedText, starts: list[int], first_line: int) -> MappedText:
    """Map an inline token's content back onto the lines it came from."""
    pieces: list[MappedText] = []
    line_no = first_line
    text = mt.text
    for i, line in enumerate(content.split("\n")):
        if i:
            pieces.append(
                MappedText.inserted("\n", mt.source_offset(starts[min(line_no, len(starts) - 1)]))
            )
        while line_no < len(starts):
            line_start = starts[line_no]
            line_end = starts[line_no + 1] - 1 if line_no + 1 < len(starts) else len(text)
            found = text.find(line, line_start, line_end + 1) if line else line_start
            line_no += 1
            if found >= 0:
                pieces.append(mt.slice(found, found + len(line)))
                break
            # A line markdown-it changed (tabs expanded): map it to the whole line.
            src_start, src_end = mt.source_span(line_start, line_end)
            pieces.append(MappedText.replacing(line, src_start, src_end))
            break
    return MappedText.concat(pieces)


def _cell_locate(
    content: str, mt: MappedText, starts: list[int], line: int, cursor: int
) -> tuple[MappedText, int]:
    line_start = max(starts[line] if line < len(starts) else len(mt.text), cursor)
    found = mt.text.find(content, line_start) if content else -1
    if found < 0:
        return MappedText.replacing(content, *mt.source_span(line_start, line_start)), cursor
    return mt.slice(found, found + len(content)), found + len(content)


def strip_inline(
    mt: MappedText, links: list[Link] | None = None
) -> tuple[MappedText, list[tuple[str, str, MappedText]]]:
    """Remove inline Markdown, returning plain text and the images found ``(src, alt)``.

    Links found are appended to ``links`` with their text's source span.
    """
    images: list[tuple[str, str, MappedText]] = []
    found_links = links if links is not None else []

    def take_link(match: re.Match[str]) -> MappedText:
        """The link's text, where it is in the source (findings inside it point there)."""
        group = "url" if "url" in match.groupdict() else "text"
        text = match.group(group)
        start, end = current.source_span(match.start(group), match.end(group))
        if not text:  # "[](https://...)": the finding goes on the whole link
            start, end = current.source_span(match.start(), match.end())
        href = match.group(group) if group == "url" else match.groupdict().get("href") or ""
        found_links.append(Link(text, href, start, end))
        return current.slice(match.start(group), match.end(group))

    def take_image(match: re.Match[str]) -> str:
        if match.group("alt").strip():
            alt = current.slice(match.start("alt"), match.end("alt"))
        else:  # keep the image's position even without alt text
            alt = MappedText.replacing("", *current.source_span(match.start(), match.end()))
        images.append((match.group("src"), match.group("alt"), alt))
        return ""

    current = mt
    if "{" in current.text:
        current, _ = current.sub(TEMPLATE_TAG, "")
        current, _ = current.sub(ATTRIBUTE_LIST, "")
    if "`" in current.text:
        current, _ = current.sub(_CODE_SPAN, "")
    if "<!--" in current.text:
        # no comment can end after the last "-->": an opening without one scanned to the end
        current, _ = current.sub(_HTML_COMMENT, "", endpos=current.text.rfind("-->") + 3)
    if "![" in current.text:
        current, _ = current.sub(_IMAGE, take_image)
    if "[" in current.text:
        current, _ = current.sub(_FOOTNOTE_DEF, "")
        current, _ = current.sub(_FOOTNOTE_REF, "")
        current, _ = current.sub(_LINK, take_link)
        current, _ = current.sub(_REF_LINK, take_link)
    if "<" in current.text:
        current, _ = current.sub(_AUTOLINK, take_link)
        current, _ = current.sub(_HTML_TAG, "")
    current, _ = current.sub(_EMPHASIS, "")
    if "\\" in current.text:
        current, _ = current.sub(_HARD_BREAK, " ")
        current, _ = current.sub(_ESCAPE, lambda m: m.group("char"))
    if "\n" in current.text:
        current, _ = current.sub(_SOFT_BREAK, " ")
    return current.strip(), images


def parse_markdown(
    mt: MappedText, source_field: str = "", lines: SourceLines | None = None
) -> tuple[list[Block], list[tuple[int, int]]]:
    """Blocks of a Markdown text, and the (start, end) line ranges of code to skip.

    ``mt`` may be a whole file body or a front-matter field; line ranges are in
    ``mt``'s own lines (0-based, end exclusive).  Raises :class:`LoadError` (at its
    line in the file, given ``lines``) for quotes or lists nested too deeply to read.
    """
    parser = _parser()
    tokens = parser.parse(mt.text)
    starts = _line_starts(mt.text)
    _check_nesting(tokens, parser.options.maxNesting, mt, starts, lines)
    blocks: list[Block] = []
    code_ranges: list[tuple[int, int]] = []
    stack: list[Token] = []
    list_depth = 0
    cell_cursor = 0
    # where a cell sits, so that the report can draw the table: table, row, column
    tables = rows = columns = 0
    for token in tokens:
        if token.nesting == 1:
            stack.append(token)
            if token.type in ("bullet_list_open", "ordered_list_open"):
                list_depth += 1
            if token.type == "table_open":
                tables += 1
                rows = 0
            if token.type == "tr_open":
                cell_cursor = 0
                rows += 1
                columns = 0
            if token.type in ("th_open", "td_open"):
                columns += 1
            continue
        if token.nesting == -1:
            if stack:
                stack.pop()
            if token.type in ("bullet_list_close", "ordered_list_close"):
                list_depth -= 1
            continue
        if token.type in ("fence", "code_block", "html_block"):
            if token.map and token.type != "html_block":
                code_ranges.append((token.map[0], token.map[1]))
            if token.type == "html_block" and token.map:
                blocks.extend(_html_block_images(token, mt, starts))
            continue
        if token.type != "inline" or not token.map:
            continue
        kinds = [t.type for t in stack]
        if "th_open" in kinds or "td_open" in kinds:
            kind = BlockKind.TABLE_CELL
            located, cell_cursor = _cell_locate(
                token.content, mt, starts, token.map[0], cell_cursor
            )
        else:
            located = _locate(token.content, mt, starts, token.map[0])
            if "heading_open" in kinds:
                kind = BlockKind.HEADING
            elif "list_item_open" in kinds:
                kind = BlockKind.LIST_ITEM
            elif "blockquote_open" in kinds:
                kind = BlockKind.QUOTE
            else:
                kind = BlockKind.PARAGRAPH
        level = 0
        if kind is BlockKind.HEADING:
            heading = next(t for t in reversed(stack) if t.type == "heading_open")
            level = int(heading.tag[1:])
        elif kind is BlockKind.LIST_ITEM:
            level = list_depth
        pieces: list[tuple[MappedText, BlockKind, int, dict[str, str]]]
        pieces = [(located, kind, level, {})]
        if kind is BlockKind.PARAGRAPH and "\n" in token.content and runs_together(token.content):
            pieces = _separate_lines(located, token.map[0])
        for piece, piece_kind, piece_level, piece_attrs in pieces:
            links: list[Link] = []
            text, images = strip_inline(piece, links)
            for src, alt, alt_text in images:
                blocks.append(
                    Block(
                        BlockKind.IMAGE_ALT,
                        alt_text.strip(),
                        source_field=source_field,
                        attrs={"src": src, "alt": "present" if alt.strip() else "missing"},
                    )
                )
            if text.text:
                attrs = dict(piece_attrs)
                if piece_kind is BlockKind.TABLE_CELL:
                    attrs = _cell_attrs(tables, rows, columns, "th_open" in kinds)
                blocks.append(
                    Block(
                        piece_kind,
                        text,
                        level=piece_level,
                        source_field=source_field,
                        attrs=attrs,
                        links=tuple(links),
                    )
                )
    return blocks, code_ranges


#: A line that ends a sentence (or a label) before the next line starts a new one.
_ENDS_UNIT = kept(r"[.!?:;\u2026][\"'\u201d\u2019)\]*_]*$")
#: At most this many words on a line without end punctuation: a heading or a label.
_SHORT_LINE_WORDS = 8


def runs_together(content: str) -> bool:
    """Whether a Markdown paragraph is separate lines run together (a heading, sentences or
    list items written one per line without blank lines), not prose wrapped at a width.

    Every line must end a unit (a sentence, or a short line without end punctuation such as
    a heading) and every next line must start one (a capital, a digit, a bullet); a
    wrapped paragraph breaks mid-sentence somewhere.  Two lines need a short heading-like
    line among them; three or more lines of whole sentences are enough on their own.
    """
    lines = [line.strip() for line in content.split("\n")]
    if len(lines) < 2 or not all(lines):
        return False
    heading_like = False
    for line, following in pairwise(lines):
        if not (following[0].isupper() or following[0].isdigit() or following[0] in "-•*"):
            return False
        if _ENDS_UNIT.search(line):
            continue
        if len(line.split()) <= _SHORT_LINE_WORDS and not line.endswith((",", "-", "(")):
            heading_like = True
            continue
        return False
    return heading_like or len(lines) >= 3


def _separate_lines(
    located: MappedText, group: int
) -> list[tuple[MappedText, BlockKind, int, dict[str, str]]]:
    """One block per line: a short line without end punctuation reads as a heading (level
    0: not part of the heading outline), the others as paragraphs.  ``group`` tells the
    paragraph's lines apart from another's (the loader records one repair per paragraph)."""
    pieces: list[tuple[MappedText, BlockKind, int, dict[str, str]]] = []
    attrs = {"run_together": str(group)}
    start = 0
    text = located.text
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if line:
            heading = not _ENDS_UNIT.search(line) and len(line.split()) <= _SHORT_LINE_WORDS
            kind = BlockKind.HEADING if heading else BlockKind.PARAGRAPH
            pieces.append((located.slice(start, end), kind, 0, attrs))
        start = end + 1
    return pieces


def _cell_attrs(table: int, row: int, column: int, header: bool) -> dict[str, str]:
    """Where a table cell sits (numbers from 1), for drawing the table in the report."""
    return {
        "table": str(table),
        "row": str(row),
        "column": str(column),
        "header": "yes" if header else "",
    }


_CONTAINERS = frozenset({"blockquote_open", "list_item_open"})


def _check_nesting(
    tokens: list[Token],
    limit: int,
    mt: MappedText,
    starts: list[int],
    lines: SourceLines | None,
) -> None:
    """Refuse text that markdown-it silently left out for being nested too deeply.

    Past ``limit`` levels markdown-it skips the rest of the quote or list (the limit
    keeps its recursion safe), which would check an article with its text missing.
    """
    for token in tokens:
        if token.type in _CONTAINERS and token.level >= limit - 1:
            line = None
            if lines is not None and token.map:
                line = lines.line_col(mt.source_offset(starts[token.map[0]]))[0]
            raise LoadError(
                f"quotes or lists nested too deeply to read (past {limit} levels, each list "
                "counting two); flatten them",
                line,
            )


_IMG_TAG = kept(r"<img\b[^>]*>", re.IGNORECASE)
_ALT_ATTR = kept(
    r"\balt\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))", re.IGNORECASE
)
_SRC_ATTR = kept(r"\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.IGNORECASE)


def _html_block_images(token: Token, mt: MappedText, starts: list[int]) -> list[Block]:
    """Images written as raw HTML inside Markdown still need alt text."""
    assert token.map is not None
    start = starts[token.map[0]]
    end = starts[token.map[1]] if token.map[1] < len(starts) else len(mt.text)
    blocks = []
    for tag in _IMG_TAG.finditer(mt.text, start, end):
        alt = _ALT_ATTR.search(tag.group(0))
        src = _SRC_ATTR.search(tag.group(0))
        src_value = next((g for g in src.groups() if g is not None), "") if src else ""
        if alt:
            group = next(g for g in ("dq", "sq", "bare") if alt.group(g) is not None)
            a, b = tag.start() + alt.start(group), tag.start() + alt.end(group)
            text = mt.slice(a, b).strip()
        else:
            text = MappedText.replacing("", *mt.source_span(tag.start(), tag.end()))
        blocks.append(
            Block(
                BlockKind.IMAGE_ALT,
                text,
                attrs={"src": src_value, "alt": "present" if alt and text.text else "missing"},
            )
        )
    return blocks
