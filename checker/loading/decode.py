"""Bytes to text without crashing: size limit, binary detection, BOMs, legacy encodings."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from checker.compiled_patterns import kept
from checker.model import LoadError, Repair

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = kept(r"[\x00-\x08\x0e-\x1f\x7f]")
_NEWLINES = kept(r"\r\n?")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    repairs: tuple[Repair, ...]


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    return "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM shows NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.6 and even_nuls < half * 0.1:
        encoding = "utf-16-le"
    elif even_nuls > half * 0.6 and odd_nuls < half * 0.1:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode(data: bytes, max_size: int) -> Decoded:
    """Decode a file's bytes, normalising line ends to ``\\n``.

    Raises :class:`LoadError` for files over ``max_size`` bytes, binary files and
    bytes that are neither UTF-8/16/32 nor plausible Windows-1252 text.
    """
    if len(data) > max_size:
        raise LoadError(
            f"file is {len(data):,} bytes, over the {max_size:,}-byte limit "
            "(set max-file-size in [tool.checker] to raise it)"
        )
    repairs: list[Repair] = []
    text: str | None = None
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(name)
            except UnicodeDecodeError as exc:
                raise LoadError(
                    f"invalid {name} after a {name} byte-order mark: {exc.reason}"
                ) from None
            encoding = name
            if name != "utf-8":
                repairs.append(Repair("encoding", f"decoded as {name.upper()} (byte-order mark)"))
            break
    if text is None and b"\x00" in data[:4096]:
        # ASCII text saved as UTF-16 is also valid UTF-8 (with NULs): test UTF-16 first.
        text = _utf16_without_bom(data)
        if text is not None:
            encoding = "utf-16"
            repairs.append(Repair("encoding", "decoded as UTF-16 without a byte-order mark"))
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _utf16_without_bom(data)
            if text is not None:
                encoding = "utf-16"
                repairs.append(Repair("encoding", "decoded as UTF-16 without a byte-order mark"))
            else:
                line = data.count(b"\n", 0, exc.start) + 1
                if b"\x00" in data[:65536]:
                    raise LoadError("binary file, not text", None) from None
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError:
                    raise LoadError(
                        f"cannot decode: byte 0x{data[exc.start]:02x} is not valid UTF-8", line
                    ) from None
                if _looks_binary(text):
                    raise LoadError("binary file, not text", None) from None
                encoding = "cp1252"
                repairs.append(
                    Repair(
                        "encoding",
                        "not valid UTF-8; decoded as Windows-1252 (save the file as UTF-8)",
                        line,
                    )
                )
    if _looks_binary(text):
        raise LoadError("binary file, not text")
    if "\r" in text:
        # Positions are reported as line and column, which CRLF -> LF does not change.
        text = _NEWLINES.sub("\n", text)
    return Decoded(text, encoding, tuple(repairs))
