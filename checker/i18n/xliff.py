"""XLIFF for translation agencies' tools (Trados, memoQ, Phrase): export and import.

``checker i18n export --locale es --format xliff`` writes one XLIFF file per article
(1.2 by default, 2.0 with ``--xliff-version 2.0``), with translate-toolkit: every live
unit of the catalog, its id, its notes (what the unit is, the translator's comments)
and its context.  ``checker i18n import FILE...`` brings the targets back into the
catalog each file names.

- **Ids.** A unit's id is a digest of its context and source text, so it names the same
  unit for as long as the source is unchanged.
- **States.** An untranslated unit is ``needs-translation`` (2.0: ``initial``, no target),
  a fuzzy one ``needs-review-translation`` (2.0: ``initial`` with a target), a
  translated one ``translated``.  On import, ``translated``, ``final`` and
  ``signed-off`` (2.0: ``translated``, ``reviewed``, ``final``) are translations; any
  other state with a target comes back fuzzy, for review.
- **Nothing is lost.** A unit whose source changed since the export (its id is no
  longer in the catalog, or its source text differs) is not imported and is reported;
  an empty target never clears a translation; a target with inline codes, or one that
  ``msgfmt -c`` would refuse (a line break at one end of the source and not the other),
  is reported and skipped; a reviewed translation the import replaces is kept in a
  translator comment and the imported one is marked fuzzy (the file may be older than
  the catalog).
  The catalog is written under its lock, atomically, like every catalog the checker
  writes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import polib

from checker.i18n.catalog import msgfmt_accepts

#: The versions written; 1.2 is what every CAT tool reads.
VERSIONS = ("1.2", "2.0")
_NS12 = "urn:oasis:names:tc:xliff:document:1.2"
_NS20 = "urn:oasis:names:tc:xliff:document:2.0"
_TRANSLATED_12 = frozenset({"translated", "final", "signed-off"})
_TRANSLATED_20 = frozenset({"translated", "reviewed", "final"})
CONTEXT_NOTE = "context: "
#: The translator comment that keeps a reviewed translation an import replaced.
REPLACED_NOTE = "before import: "


class XliffError(ValueError):
    """An XLIFF file that cannot be read or imported, with the reason."""


def unit_id(entry: polib.POEntry) -> str:
    """A stable id: the same context and source text always give the same id."""
    key = f"{entry.msgctxt or ''}\x04{entry.msgid}".encode()
    return "u" + hashlib.sha256(key).hexdigest()[:16]


def _store(version: str, source_language: str, locale: str):  # type: ignore[no-untyped-def]
    from translate.storage import xliff, xliff2

    if version == "2.0":
        return xliff2.Xliff2File(sourcelanguage=source_language, targetlanguage=locale)
    return xliff.xlifffile(sourcelanguage=source_language, targetlanguage=locale)


def _as_12(data: bytes) -> bytes:
    """translate-toolkit writes XLIFF 1.1; 1.2 has the same elements in its own namespace."""
    data = data.replace(b"urn:oasis:names:tc:xliff:document:1.1", _NS12.encode(), 1)
    return data.replace(b'version="1.1"', b'version="1.2"', 1)


def _as_20(data: bytes) -> bytes:
    """XLIFF 2.0 keeps a unit's notes and ``xml:space`` on the unit, not on its segment."""
    from lxml import etree

    root = etree.fromstring(data)
    space = "{http://www.w3.org/XML/1998/namespace}space"
    for unit in root.iter(f"{{{_NS20}}}unit"):
        segment = unit.find(f"{{{_NS20}}}segment")
        if segment is None:
            continue
        if segment.get(space) is not None:
            unit.set(space, segment.attrib.pop(space))
        notes = segment.find(f"{{{_NS20}}}notes")
        if notes is not None:
            unit.insert(0, notes)  # moved: notes come first in a unit
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_catalog(
    catalog: polib.POFile, original: str, locale: str, source_language: str, version: str
) -> bytes:
    """The XLIFF of one catalog; ``original`` names the catalog (relative to the project)."""
    store = _store(version, source_language, locale)
    for entry in catalog:
        if entry.obsolete or entry.msgid_plural:
            continue
        unit = store.addsourceunit(entry.msgid)
        unit.setid(unit_id(entry))
        if entry.comment:
            unit.addnote(entry.comment, origin="developer")
        if entry.msgctxt:
            unit.addnote(f"{CONTEXT_NOTE}{entry.msgctxt}", origin="developer")
        if entry.tcomment:
            unit.addnote(entry.tcomment, origin="translator")
        if entry.msgstr:
            unit.target = entry.msgstr
        _set_state(unit, version, "fuzzy" in entry.flags, bool(entry.msgstr))
    _set_original(store, original, version)  # after the units: the library finds "NoName"
    return _as_20(bytes(store)) if version == "2.0" else _as_12(bytes(store))


def _set_original(store, original: str, version: str) -> None:  # type: ignore[no-untyped-def]
    node = store.getfilenode("NoName") if version == "1.2" else None
    if version == "1.2" and node is not None:
        node.set("original", original)
        return
    for node in store.document.getroot():
        if node.tag.endswith("file"):
            node.set("original", original)


def _set_state(unit, version: str, fuzzy: bool, translated: bool) -> None:  # type: ignore[no-untyped-def]
    if version == "2.0":
        segment = next((n for n in unit.xmlelement.iter() if n.tag.endswith("segment")), None)
        if segment is not None:
            segment.set("state", "translated" if translated and not fuzzy else "initial")
        return
    target = next((n for n in unit.xmlelement.iter() if n.tag.endswith("target")), None)
    if target is None:
        return
    target.set("state", "needs-review-translation" if fuzzy else "translated")
    unit.xmlelement.set("approved", "no" if fuzzy else "yes")


@dataclass
class Imported:
    """What one XLIFF file did to its catalog."""

    catalog: str
    translated: int = 0
    fuzzy: int = 0
    unchanged: int = 0
    changed_source: list[str] = field(default_factory=list)  # ids not imported
    refused: list[str] = field(default_factory=list)  # ids msgfmt -c would refuse
    inline_codes: list[str] = field(default_factory=list)  # ids with placeholders
    replaced: int = 0  # reviewed translations replaced (kept in a translator comment)


@dataclass(frozen=True, slots=True)
class XliffUnit:
    id: str
    source: str
    target: str
    translated: bool  # a final state, not one that needs review
    inline_codes: bool = False  # placeholders in the target: not imported


@dataclass(frozen=True, slots=True)
class XliffFile:
    original: str  # the catalog, relative to the project
    locale: str
    units: tuple[XliffUnit, ...]


def read_xliff(data: bytes, shown: str) -> XliffFile:
    """The catalog a file belongs to and its units; raises :class:`XliffError`."""
    from lxml import etree

    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise XliffError(f"{shown}: not XML: {exc}") from None
    if etree.QName(root).localname != "xliff":
        raise XliffError(f"{shown}: not an XLIFF file")
    version = root.get("version", "")
    files = [n for n in root if etree.QName(n).localname == "file"]
    if len(files) != 1:
        raise XliffError(f"{shown}: expected one <file>, found {len(files)}")
    node = files[0]
    original = node.get("original") or ""
    locale = root.get("trgLang") if version.startswith("2") else node.get("target-language")
    if not original or not locale:
        raise XliffError(f"{shown}: no catalog or target language named (exported elsewhere?)")
    units = []
    for element in node.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions a tool left
        name = etree.QName(element).localname
        if version.startswith("2") and name == "unit":
            units.append(_unit20(element))
        elif not version.startswith("2") and name == "trans-unit":
            units.append(_unit12(element))
    return XliffFile(original, locale, tuple(units))


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return "".join(element.itertext()) if element is not None else ""


def _child(element, name: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    return next(
        (c for c in element if isinstance(c.tag, str) and etree.QName(c).localname == name),
        None,
    )


def _has_inline_codes(element) -> bool:  # type: ignore[no-untyped-def]
    """A target with inline codes (``<x/>``, ``<ph/>``, ``<g>``): the export writes none,
    and their text is not the translation."""
    return element is not None and any(isinstance(c.tag, str) for c in element)


#: 1.2 states whose target is not a translation yet (tools often copy the source into it).
_NOT_YET_12 = frozenset({"new", "needs-translation"})


def _unit12(element) -> XliffUnit:  # type: ignore[no-untyped-def]
    target = _child(element, "target")
    state = (target.get("state") if target is not None else "") or ""
    approved = element.get("approved") == "yes"
    translated = state in _TRANSLATED_12 or (not state and approved)
    text = "" if state in _NOT_YET_12 else _text(target)
    return XliffUnit(
        element.get("id", ""),
        _text(_child(element, "source")),
        text,
        translated,
        _has_inline_codes(target),
    )


def _unit20(element) -> XliffUnit:  # type: ignore[no-untyped-def]
    from lxml import etree

    segments = [
        c
        for c in element
        if isinstance(c.tag, str) and etree.QName(c).localname in ("segment", "ignorable")
    ]
    if not segments:
        return XliffUnit(element.get("id", ""), "", "", False)
    states = [
        s.get("state") or "initial" for s in segments if etree.QName(s).localname == "segment"
    ]
    targets = [_child(s, "target") for s in segments]
    return XliffUnit(
        element.get("id", ""),
        "".join(_text(_child(s, "source")) for s in segments),  # a tool may split a unit
        "".join(_text(t) for t in targets),
        all(state in _TRANSLATED_20 for state in states),
        any(_has_inline_codes(t) for t in targets),
    )


def import_units(catalog: polib.POFile, units: tuple[XliffUnit, ...], shown: str) -> Imported:
    """Put the targets of ``units`` into ``catalog`` (in place); what was done."""
    by_id = {unit_id(e): e for e in catalog if not e.obsolete and not e.msgid_plural}
    done = Imported(shown)
    for unit in units:
        entry = by_id.get(unit.id)
        if entry is None or entry.msgid != unit.source:
            done.changed_source.append(unit.id)
            continue
        if not unit.target.strip():
            done.unchanged += 1
            continue  # an empty target never clears a translation
        if unit.inline_codes:
            done.inline_codes.append(unit.id)
            continue
        if not msgfmt_accepts(entry.msgid, unit.target):
            done.refused.append(unit.id)
            continue
        fuzzy = not unit.translated
        if entry.msgstr == unit.target and ("fuzzy" in entry.flags) == fuzzy:
            done.unchanged += 1
            continue
        reviewed = entry.msgstr.strip() and "fuzzy" not in entry.flags
        if reviewed and entry.msgstr != unit.target:
            # a reviewed translation is never lost: it stays in a translator comment, and
            # the one from the file waits for review (it may be older than the catalog's)
            kept = f"{REPLACED_NOTE}{entry.msgstr}"
            entry.tcomment = f"{entry.tcomment}\n{kept}" if entry.tcomment else kept
            fuzzy = True
            done.replaced += 1
        entry.msgstr = unit.target
        if fuzzy and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        if not fuzzy and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgctxt = None
        if fuzzy:
            done.fuzzy += 1
        else:
            done.translated += 1
    return done


def xliff_name(article_id: str, locale: str) -> Path:
    return Path(f"{article_id}.{locale}.xlf")
