"""Where templates, catalogs, compiled catalogs and built translations live.

``locales/templates/<article-id>.pot``, ``locales/<locale>/LC_MESSAGES/<article-id>.po``
and ``.mo`` beside it, as gettext tools expect; built articles go to the configured
build folder (``content/<locale>/`` by default) with the source's file name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from checker.config import Config

TEMPLATES = "templates"


@dataclass(frozen=True, slots=True)
class Layout:
    root: Path  # the project root (the configuration's folder)
    locales_dir: Path
    build_dir: str  # with "{locale}"

    @classmethod
    def of(cls, config: Config) -> Layout:
        return cls(config.root, config.root / config.i18n.locales_dir, config.i18n.build_dir)

    def template(self, article_id: str) -> Path:
        return self.locales_dir / TEMPLATES / f"{article_id}.pot"

    def catalog(self, locale: str, article_id: str) -> Path:
        return self.locales_dir / locale / "LC_MESSAGES" / f"{article_id}.po"

    def compiled(self, locale: str, article_id: str) -> Path:
        return self.catalog(locale, article_id).with_suffix(".mo")

    def built(self, locale: str, article_id: str, suffix: str) -> Path:
        name = article_id.rsplit("/", 1)[-1] + suffix
        subfolder = article_id.rsplit("/", 1)[0] if "/" in article_id else ""
        folder = self.root / self.build_dir.format(locale=locale)
        return (folder / subfolder / name) if subfolder else folder / name

    def templates(self) -> list[tuple[str, Path]]:
        """``(article id, path)`` of every template, sorted."""
        folder = self.locales_dir / TEMPLATES
        if not folder.is_dir():
            return []
        return [
            (p.relative_to(folder).with_suffix("").as_posix(), p)
            for p in sorted(folder.rglob("*.pot"))
        ]

    def locales(self, configured: tuple[str, ...] = ()) -> list[str]:
        """The configured locales, or every folder with ``LC_MESSAGES`` under the locales dir."""
        if configured:
            return list(configured)
        if not self.locales_dir.is_dir():
            return []
        return sorted(
            p.name
            for p in self.locales_dir.iterdir()
            if p.is_dir() and p.name != TEMPLATES and (p / "LC_MESSAGES").is_dir()
        )

    def catalog_of(self, path: Path) -> tuple[str, str] | None:
        """``(locale, article id)`` of a catalog at ``path``, or None when it is not one here.

        A catalog is ``<locales>/<locale>/LC_MESSAGES/<article-id>.po``; a path given on
        the command line is matched however it was written (relative, absolute, ``..``).
        """
        if path.suffix != ".po":
            return None
        try:
            parts = path.resolve().relative_to(self.locales_dir.resolve()).parts
        except (OSError, ValueError):
            return None
        if len(parts) < 3 or parts[0] == TEMPLATES or parts[1] != "LC_MESSAGES":
            return None
        return parts[0], Path(*parts[2:]).with_suffix("").as_posix()

    def catalogs_under(self, folder: Path) -> list[tuple[str, str, Path]]:
        """``(locale, article id, path)`` of every catalog in ``folder``, a locales folder."""
        found = []
        for path in sorted(folder.rglob("*.po")):
            located = self.catalog_of(path)
            if located is not None:
                found.append((*located, path))
        return found

    def catalogs(self, locale: str) -> list[tuple[str, Path]]:
        """``(article id, path)`` of every catalog of ``locale``, sorted."""
        folder = self.locales_dir / locale / "LC_MESSAGES"
        if not folder.is_dir():
            return []
        if os.name == "nt":  # pathlib orders without case there
            return [
                (p.relative_to(folder).with_suffix("").as_posix(), p)
                for p in sorted(folder.rglob("*.po"))
            ]
        # the order of sorted Paths (part by part), from strings: a site has tens of thousands
        prefix = os.path.join(os.fspath(folder), "")
        found = []
        for path in folder.rglob("*.po"):
            relative = os.fspath(path)[len(prefix) :]
            found.append((relative.split("/"), relative[: -len(".po")], path))
        found.sort(key=lambda entry: entry[0])
        return [(article_id, path) for _, article_id, path in found]
