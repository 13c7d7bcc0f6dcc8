"""Reference lists: the entries under a "References" or "Sources" heading are
citations, not prose.

Their titles ("Influenza vaccine effectiveness in adults: a systematic review and
meta-analysis of randomised controlled trials") would otherwise raise the reading grade,
top the hardest sentences and fill the jargon findings.  Their blocks keep their text and
positions under the kind ``reference``: claims still read them for citations, the
translation workflow still extracts them, and the loader records the change as a repair.
"""

from __future__ import annotations

import dataclasses
import re

from checker.compiled_patterns import kept
from checker.model import Block, BlockKind, Repair
from checker.wording import count_label

REFERENCE_HEADINGS = kept(
    r"^\s*(?:references?(?: list)?|sources?|bibliography|citations|notes|footnotes|"
    r"referencias|bibliograf\u00eda|fuentes|r\u00e9f\u00e9rences|bibliographie|notes et "
    r"r\u00e9f\u00e9rences|quellen|quellenangaben|literatur|literaturverzeichnis|"
    r"einzelnachweise|nachweise|bibliografia|fonti|riferimenti(?: bibliografici)?|"
    r"bronnen|bronvermelding|referenties|literatuurlijst)\s*:?\s*$",
    re.IGNORECASE,
)

_ENTRY_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE)


def mark_references(
    blocks: list[Block], line_for: dict[int, int]
) -> tuple[list[Block], list[Repair]]:
    """Blocks under a reference heading (up to the next heading of its level or higher)
    become ``reference`` blocks; ``line_for`` maps ``id(block)`` to its source line."""
    marked: list[Block] = []
    repairs: list[Repair] = []
    level = 0
    heading: Block | None = None
    count = 0

    def close() -> None:
        if heading is not None and count:
            repairs.append(
                Repair(
                    "references",
                    f"read {count_label(count, 'entry', 'entries')} under "
                    f"'{heading.text.strip()}' as a reference list, "
                    "not as prose",
                    line_for.get(id(heading)),
                    count,
                )
            )

    for block in blocks:
        if block.kind is BlockKind.HEADING:
            if heading is not None and block.level <= level:
                close()
                heading, count = None, 0
            if heading is None and REFERENCE_HEADINGS.match(block.text):
                heading, level = block, block.level
            marked.append(block)
            continue
        if heading is not None and block.kind in _ENTRY_KINDS:
            marked.append(dataclasses.replace(block, kind=BlockKind.REFERENCE))
            count += 1
            continue
        marked.append(block)
    close()
    return marked, repairs
