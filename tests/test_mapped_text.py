"""MappedText keeps every character's source offset through slicing, joining and substitution."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.mapped_text import MappedText, SourceLines


def test_identity_maps_each_character_with_offset() -> None:
    source = "xx" + "hello world"
    mt = MappedText.identity("hello world", offset=2)
    assert mt.text == "hello world"
    for i, ch in enumerate(mt.text):
        assert mt.source_offset(i) == i + 2
        assert source[mt.source_offset(i)] == ch
    assert mt.source_span(6, 11) == (8, 13)


def test_identity_of_empty_text_has_no_segments() -> None:
    mt = MappedText.identity("", offset=5)
    assert mt.text == ""
    assert mt.segments == []
    assert len(mt) == 0


def test_slice_keeps_exact_offsets() -> None:
    source = "The quick brown fox"
    mt = MappedText.identity(source)
    part = mt.slice(4, 9)
    assert part.text == "quick"
    assert [part.source_offset(i) for i in range(5)] == [4, 5, 6, 7, 8]
    assert part.source_span(0, 5) == (4, 9)


def test_slice_out_of_range_is_clamped_and_empty_when_reversed() -> None:
    mt = MappedText.identity("abcdef", offset=10)
    assert mt.slice(-5, 3).text == "abc"
    assert mt.slice(-5, 3).source_offset(0) == 10
    assert mt.slice(4, 100).text == "ef"
    assert mt.slice(4, 100).source_offset(1) == 15
    assert mt.slice(4, 2).text == ""


def test_concat_keeps_offsets_of_each_part() -> None:
    source = "alpha\nbeta\ngamma"
    a = MappedText.identity("alpha", 0)
    space = MappedText.inserted(" ", 6)
    c = MappedText.identity("gamma", 11)
    joined = MappedText.concat([a, space, c])
    assert joined.text == "alpha gamma"
    assert joined.source_offset(0) == 0
    assert joined.source_offset(4) == 4
    assert joined.source_offset(5) == 6  # the inserted space is anchored at 6
    assert joined.source_offset(6) == 11
    assert joined.source_offset(10) == 15
    assert source[joined.source_offset(8)] == joined.text[8] == "m"


def test_concat_skips_empty_parts() -> None:
    joined = MappedText.concat([MappedText("", []), MappedText.identity("ab", 3)])
    assert joined.text == "ab"
    assert joined.source_offset(0) == 3


def test_sub_keeps_unreplaced_text_exact() -> None:
    source = "Tea&nbsp;and toast"
    mt = MappedText.identity(source)
    out, count = mt.sub(re.compile(r"&nbsp;"), " ")
    assert count == 1
    assert out.text == "Tea and toast"
    # "and" is at 4..7 in the output and 9..12 in the source
    assert out.source_span(4, 7) == (9, 12)
    assert out.source_offset(0) == 0


def test_replaced_span_maps_to_whole_source_span() -> None:
    source = "Tea&nbsp;and"
    mt = MappedText.identity(source)
    out, _ = mt.sub(re.compile(r"&nbsp;"), " ")
    # The one replacement character covers the whole entity in the source.
    assert out.source_span(3, 4) == (3, 9)
    assert out.source_offset(3) == 3


def test_sub_with_same_text_is_not_counted() -> None:
    mt = MappedText.identity("aaa")
    out, count = mt.sub(re.compile("a"), "a")
    assert count == 0
    assert out is mt


def test_sub_with_empty_replacement_deletes() -> None:
    mt = MappedText.identity("**bold** text", offset=100)
    out, count = mt.sub(re.compile(r"\*\*"), "")
    assert count == 2
    assert out.text == "bold text"
    assert out.source_offset(0) == 102
    assert out.source_offset(5) == 109  # "text"


def test_replacing_with_empty_text_keeps_its_span() -> None:
    mt = MappedText.replacing("", 40, 60)
    assert mt.text == ""
    assert mt.source_offset(0) == 40


def test_strip_keeps_offsets() -> None:
    mt = MappedText.identity("   padded  ", offset=7)
    stripped = mt.strip()
    assert stripped.text == "padded"
    assert stripped.source_offset(0) == 10
    assert stripped.source_span(0, 6) == (10, 16)


def test_chained_transformations_point_into_original() -> None:
    source = "x &amp; **y** z"
    mt = MappedText.identity(source)
    mt, _ = mt.sub(re.compile(r"&amp;"), "&")
    mt, _ = mt.sub(re.compile(r"\*\*"), "")
    assert mt.text == "x & y z"
    assert source[mt.source_offset(4)] == "y"
    assert source[mt.source_offset(6)] == "z"
    assert mt.source_span(2, 3) == (2, 7)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, (1, 1)),
        (2, (1, 3)),
        (3, (1, 4)),  # the newline itself belongs to line 1
        (4, (2, 1)),
        (5, (2, 2)),
        (6, (3, 1)),
        (8, (3, 3)),
    ],
)
def test_source_lines_are_one_based(offset: int, expected: tuple[int, int]) -> None:
    lines = SourceLines("abc\nd\nef")
    assert lines.line_col(offset) == expected


def test_source_lines_line_start_and_count() -> None:
    lines = SourceLines("abc\nd\nef")
    assert lines.count == 3
    assert lines.line_start(1) == 0
    assert lines.line_start(2) == 4
    assert lines.line_start(3) == 6
    assert lines.line_start(99) == 6  # clamped to the last line


_PATTERN = re.compile(r"ab+|&[a-z]{1,4};")

_text = st.text(alphabet="ab&;xyz \n", max_size=60)


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.text(alphabet="pq\n", max_size=5), text=_text, repl=st.sampled_from(["Z", "", "QQQ"])
)
def test_unreplaced_characters_map_to_same_source_character(
    prefix: str, text: str, repl: str
) -> None:
    source = prefix + text
    mt = MappedText.identity(text, offset=len(prefix))
    out, count = mt.sub(_PATTERN, repl)
    matches = list(_PATTERN.finditer(text))
    assert count == len(matches)
    assert out.text == _PATTERN.sub(repl, text)
    # Walk the output independently: kept characters and replaced runs.
    pos = 0
    last = 0
    for match in matches:
        for i in range(last, match.start()):
            assert source[out.source_offset(pos)] == text[i]
            assert out.source_offset(pos) == len(prefix) + i
            pos += 1
        if repl:
            span = out.source_span(pos, pos + len(repl))
            assert span == (len(prefix) + match.start(), len(prefix) + match.end())
        pos += len(repl)
        last = match.end()
    for i in range(last, len(text)):
        assert source[out.source_offset(pos)] == text[i]
        pos += 1
    assert pos == len(out.text)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=40), data=st.data())
def test_slices_of_identity_stay_exact(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    part = MappedText.identity(text, offset=3).slice(start, end)
    assert part.text == text[start:end]
    for i in range(len(part.text)):
        assert part.source_offset(i) == 3 + start + i


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab\n", max_size=40))
def test_source_lines_round_trip(text: str) -> None:
    lines = SourceLines(text)
    assert lines.count == text.count("\n") + 1
    for offset in range(len(text) + 1):
        line, col = lines.line_col(offset)
        assert line == text.count("\n", 0, offset) + 1
        assert lines.line_start(line) + col - 1 == offset
