"""A11Y: content checks from WCAG 2.2: link text, alt text, headings, language, capitals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from checker.compiled_patterns import kept
from checker.model import BlockKind, Finding, Scope, Severity
from checker.plain.language_detect import (
    MIN_FUNCTION_WORD_SHARE,
    clearly_in,
    detect_language,
    function_word_share,
)
from checker.rules.base import Rule, RuleContext, rule

#: Link text that says nothing about where the link goes, in the supported languages.
_VAGUE_LINK = kept(
    r"^\W*(?:click here|click|here|this|this link|link|read more|more|more details?|"
    r"view details?|see more|learn more|details|go|continue|find out more|"
    r"aquí|haga clic aquí|haz clic aquí|leer más|más|ver más|más información|ver detalles|"
    r"ici|cliquez ici|lire la suite|en savoir plus|plus|voir plus|"
    r"hier|hier klicken|mehr|weiterlesen|mehr erfahren|details|"
    r"qui|clicca qui|leggi di più|klik hier|lees meer|meer)\W*$",
    re.IGNORECASE,
)
_URL_TEXT = kept(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_FILE_NAME = kept(
    r"^\s*(?:[\w-]+[/\\])*[\w ()-]+\.(?:png|jpe?g|gif|webp|svg|bmp|tiff?|avif)\s*$"
    r"|^\s*(?:img|image|dsc|photo|screenshot|pic)[_ -]?\d+\s*$",
    re.IGNORECASE,
)
#: A run of capitals is reported from this many words of two letters or more.
MIN_CAPS_WORDS = 4
_CAPS_WORD = kept(r"[A-ZÄÖÜÀ-Ý]{2,}")
_CAPS_RUN = kept(r"\b(?:[A-ZÄÖÜÀ-Ý]+[\s,.!?:;'-]+){3,}[A-ZÄÖÜÀ-Ý]{2,}\b")
MIN_WORDS_FOR_DETECTION = 25


@rule("A11Y001", "link-text", Severity.WARNING, "Link text that does not say where it goes.")
def link_text(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags links whose text says nothing about their target ("click here", "read more",
    "View Details", "More Detail") and links shown as a bare URL.

    Why: WCAG 2.2 success criterion 2.4.4 (Link Purpose): screen-reader users often move from
    link to link, hearing only the link text; a bare URL is read out letter by letter.

    Before: To learn about vaccines, [click here](https://example.org/vaccines).
    After: Read [which vaccines are safe while you take methotrexate](https://example.org/vaccines).
    """
    for block in ctx.document.blocks:
        for link in block.links:
            if _URL_TEXT.match(link.text):
                message = "The link text is a bare URL; describe where the link goes"
                kind = "url"
            elif not link.text.strip():
                message = "The link has no text; screen readers announce only 'link'"
                kind = "empty"
            elif _VAGUE_LINK.match(link.text):
                message = f"The link text '{link.text}' does not say where the link goes"
                kind = "vague"
            else:
                continue
            line, column = ctx.document.position(link.start)
            end_line, end_column = ctx.document.position(max(link.end, link.start))
            yield Finding(
                self.code,
                self.name,
                self.severity,
                message,
                ctx.document.path,
                Scope.of(block.kind),
                line,
                column,
                end_line,
                end_column,
                text=link.text,
                suggestion="Use the title or topic of the linked page as the link text.",
                details={"href": link.href, "kind": kind, "wcag": "2.4.4"},
            )


@rule("A11Y002", "image-alt", Severity.WARNING, "An image without alt text, or with a file name.")
def image_alt(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags images with no alt text at all and images whose alt text is a file name
    ("IMG_2041.jpg", "chart.png").  An explicitly empty ``alt=""`` in HTML marks a
    decorative image and is accepted.

    Why: WCAG 2.2 success criterion 1.1.1 (Non-text Content): people who cannot see the image
    get only its alt text.

    Before: ![](injection-sites.png)
    After: ![The thigh and the belly, where you can inject the medicine](injection-sites.png)
    """
    for index, block in enumerate(ctx.document.blocks):
        if block.kind is not BlockKind.IMAGE_ALT:
            continue
        src = block.attrs.get("src", "")
        state = block.attrs.get("alt", "")
        if state == "missing":
            message = f"The image '{PurePosixPath(src).name or src}' has no alt text"
        elif state == "present" and _FILE_NAME.match(block.text):
            message = f"The alt text '{block.text}' is a file name, not a description"
        else:
            continue
        yield ctx.block_finding(
            self,
            index,
            0,
            len(block.text),
            message,
            suggestion="Describe what the image shows and why it is there.",
            details={"src": src, "alt": state, "wcag": "1.1.1"},
        )


@rule(
    "A11Y003",
    "heading-structure",
    Severity.WARNING,
    "Heading levels that skip, or two top headings.",
)
def heading_structure(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a heading that skips a level on the way down (an H2 followed by an H4) and a
    second top-level heading in the body.  The front-matter title does not count as a body
    heading.

    Why: WCAG 2.2 success criterion 1.3.1 (Info and Relationships): screen-reader users move
    through an article by its headings; skipped levels and several top headings hide its
    structure.

    Before: ## Side effects / #### Serious side effects
    After: ## Side effects / ### Serious side effects
    """
    previous = 0
    top_seen = False
    for index, block in enumerate(ctx.document.blocks):
        if block.kind is not BlockKind.HEADING or block.source_field:
            continue
        level = block.level
        if level == 1:
            if top_seen:
                yield ctx.block_finding(
                    self,
                    index,
                    0,
                    len(block.text),
                    f"A second top-level heading ('{block.text}'); an article has one",
                    suggestion="Make it a level-2 heading.",
                    details={"level": level, "previous": previous, "wcag": "1.3.1"},
                )
            top_seen = True
        elif previous and level > previous + 1:
            yield ctx.block_finding(
                self,
                index,
                0,
                len(block.text),
                f"The heading '{block.text}' skips from level {previous} to level {level}",
                suggestion=f"Make it a level-{previous + 1} heading.",
                details={"level": level, "previous": previous, "wcag": "1.3.1"},
            )
        previous = level


@rule(
    "A11Y004",
    "missing-language",
    Severity.WARNING,
    "An HTML page that does not declare its language.",
)
def missing_language(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an HTML page that declares no language: no ``lang`` on the ``<html>`` element and
    no locale folder in its path (the configured default was assumed).  Markdown and text
    files are sources that a site renders, usually with a site-wide language; for them the
    project's ``default-language`` is the declaration.

    Why: WCAG 2.2 success criterion 3.1.1 (Language of Page): screen readers choose their
    voice and pronunciation from it, and the checker chooses its formulas from it.

    Before: <html>
    After: <html lang="en">
    """
    if ctx.document.lang_source != "default" or ctx.document.format != "html":
        return
    yield ctx.document_finding(
        self,
        f"No language is declared; '{ctx.document.lang}' was assumed. Declare it on the "
        "<html> element",
        suggestion=f'<html lang="{ctx.document.lang}">',
        details={"assumed": ctx.document.lang, "wcag": "3.1.1"},
    )


@rule(
    "A11Y005",
    "language-mismatch",
    Severity.WARNING,
    "The text is in another language than the one declared, or no language is declared.",
)
def language_mismatch(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an article whose text is written in a different language from the one it
    declares, detected offline with lingua among the configured languages (at least 25 words
    of prose are needed for a verdict).

    Why: WCAG 2.2 success criteria 3.1.1 and 3.1.2: a wrong language makes screen readers
    mispronounce every word, and the checker would score the text with the wrong formulas.

    An article that declares no language (no front matter, ``<html lang>`` or locale
    folder) is read in the language detection finds, when it is sure, rather than in
    ``default-language`` (``detect-language = false`` keeps the default), and flagged here
    so that the language gets declared.

    Before: lang: en, and the text "El metotrexato se toma una vez por semana..."
    After: lang: es
    """
    document = ctx.document
    prose = ctx.analysis.prose_sentences
    if document.lang_source == "detected":
        yield ctx.document_finding(
            self,
            f"The article declares no language; it reads as '{document.lang}' and was checked "
            f"as '{document.lang}'",
            suggestion=f"Declare lang '{document.lang}' (front matter 'lang:' or <html lang>).",
            details={"declared": None, "detected": document.lang, "wcag": "3.1.1"},
        )
        return
    if not document.lang or sum(s.words for s in prose) < MIN_WORDS_FOR_DETECTION:
        return
    text = " ".join(s.text for s in prose)
    if clearly_in(text, document.lang, ctx.languages):
        return
    found = detect_language(text, ctx.languages)
    if found is None or found[0] == document.lang:
        return
    if function_word_share(text, found[0]) < MIN_FUNCTION_WORD_SHARE:
        return  # not prose in that language either: lorem ipsum, a list of names
    detected, confidence = found
    yield ctx.document_finding(
        self,
        f"The text reads as '{detected}' ({confidence:.0%} confidence) but the article "
        f"declares '{document.lang}' (from the {document.lang_source})",
        suggestion=f"Declare lang '{detected}', or check that the right text is in this file.",
        details={
            "declared": document.lang,
            "detected": detected,
            "confidence": round(confidence, 3),
            "wcag": "3.1.1",
        },
    )


@rule("A11Y006", "all-capitals", Severity.INFO, "A run of words in capital letters.")
def all_capitals(self: Rule, ctx: RuleContext) -> Iterator[Finding]:
    """Flags four or more words in a row written in capital letters.

    Why: text in capitals is harder to read (word shapes are lost), some screen readers spell
    it out letter by letter, and it reads as shouting.  Use bold for emphasis.

    Before: DO NOT TAKE METHOTREXATE EVERY DAY.
    After: **Do not take methotrexate every day.**
    """
    for index, block in enumerate(ctx.document.blocks):
        text = block.text
        if text.islower() or block.kind is BlockKind.IMAGE_ALT:
            continue
        for match in _CAPS_RUN.finditer(text):
            # "A" and "DON'T" join a run; a name of letters ("M-M-R II") is not one
            if len(_CAPS_WORD.findall(match.group(0))) < MIN_CAPS_WORDS:
                continue
            yield ctx.block_finding(
                self,
                index,
                match.start(),
                match.end(),
                "Words in capital letters are hard to read; use sentence case, and bold for "
                "emphasis",
                suggestion=match.group(0).capitalize(),
                details={"words": len(match.group(0).split())},
            )


RULES = (link_text, image_alt, heading_structure, missing_language, language_mismatch, all_capitals)
