"""Shared helpers: write article files in ``tmp_path`` and check them with the engine."""

from __future__ import annotations

import atexit
import dataclasses
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from checker.config import Config
from checker.engine import ArticleResult, CheckResult, Selection
from checker.model import Finding
from checker.pipeline import check_paths

FIXTURES = Path(__file__).parent / "fixtures"

# Built tables go to a folder of this test run, not to the user's cache folder.
os.environ["CHECKER_TABLE_CACHE"] = tempfile.mkdtemp(prefix="checker-tables-")
atexit.register(shutil.rmtree, os.environ["CHECKER_TABLE_CACHE"], ignore_errors=True)

#: A plain English sentence of exactly ten one- or two-syllable words.
TEN_WORDS = "Drink a glass of water with each meal you eat."
#: A plain English sentence of exactly 31 words (over the English limit of 30).
LONG_31 = (
    "If you get a fever or a cough that will not go away after two or three days you should "
    "call the nurse on the line or see your own doctor."
)
#: 32 words, under the Spanish limit of 35 and over the English limit of 30.
SPANISH_32 = (
    "Si usted tiene fiebre o una tos que no se va en dos o tres días debe llamar a su médico "
    "hoy o mañana por la mañana o ir a su centro."
)

#: Two short English articles and a plain-text note, for whole-project runs with catalogs.
SAMPLE_ARTICLES = {
    "content/asthma.md": (
        "---\ntitle: Asthma\nlang: en\n---\n\n# Asthma\n\n"
        "Asthma is a common lung condition that causes occasional breathing difficulties. "
        "Salbutamol reduces the risk of hospital admission by 40%.\n\n"
        "- Use your inhaler every morning.\n- Keep a diary of your symptoms.\n"
    ),
    "content/gout.md": (
        "---\ntitle: Gout\nlang: en\n---\n\n# Gout\n\n"
        "Gout is a type of arthritis where crystals form inside and around the joints. "
        "Allopurinol is the most effective treatment.\n\n"
        "Drink plenty of water and limit alcohol to 14 units a week.\n"
    ),
    "content/notes.txt": "Rest.\n\nDrink water and rest for a few days until you feel better.\n",
}


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    """Write ``text`` (UTF-8, or raw bytes) to ``tmp_path/name``, creating folders."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


def make_config(tmp_path: Path, **changes: Any) -> Config:
    """A default configuration rooted at ``tmp_path`` (no file is read)."""
    return dataclasses.replace(Config(root=tmp_path.resolve()), **changes)


def check_files(
    tmp_path: Path,
    paths: Iterable[Path] | None = None,
    config: Config | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> CheckResult:
    """Run :func:`check_paths` on ``paths`` (default: all of ``tmp_path``)."""
    config = config or make_config(tmp_path)
    selection = Selection.build(
        tuple(select) if select is not None else config.select, (*config.ignore, *ignore)
    )
    return check_paths(list(paths) if paths is not None else [tmp_path], config, selection)


def check_text(
    tmp_path: Path,
    text: str | bytes,
    name: str = "article.md",
    config: Config | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> ArticleResult:
    """Write one article and check it; fails the test if it could not be loaded."""
    path = write(tmp_path, name, text)
    result = check_files(tmp_path, [path], config, select, ignore)
    assert not result.errors, result.errors
    assert len(result.articles) == 1
    return result.articles[0]


def codes(article: ArticleResult) -> list[str]:
    return [f.code for f in article.findings]


def only(article: ArticleResult, code: str) -> list[Finding]:
    return [f for f in article.findings if f.code == code]


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return make_config(tmp_path)


@pytest.fixture(autouse=True)
def no_languagetool(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never reach a LanguageTool server or install they did not start themselves:
    no server in the environment, and an empty download folder for language-tool-python."""
    from checker.grammar import server

    monkeypatch.delenv(server.ENV_URL, raising=False)
    monkeypatch.setenv(server.LTP_PATH, str(tmp_path / "no-languagetool-here"))
