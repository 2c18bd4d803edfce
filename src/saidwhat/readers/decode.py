"""Bytes → str with clear errors for binary data, invalid encodings and oversized inputs."""
from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from .. import settings

# Magic numbers of formats that come up as misnamed inputs: PDF, PNG, GIF, JPEG, ZIP (docx,
# xlsx, epub), gzip, ELF.
BINARY_SIGNATURES = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (docx, xlsx, epub ...)",
    b"\x1f\x8b": "gzip-compressed data (name it .jsonl.gz or .warc.gz to have it decompressed)",
    b"\x7fELF": "an executable",
}
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
SNIFF_BYTES = 4096
# Control characters other than tab, newlines and form feed: text has almost none.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.1


class DecodeError(Exception):
    """Why bytes could not become text: `kind` is a DocumentError kind."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def too_large(size: int, limit: int, unit: str = "bytes") -> DecodeError:
    """The error for an input of `size` (int) over `limit` (int)."""
    return DecodeError("too-large", f"{size:,} {unit}, over the limit of {limit:,}")


def read_limited(stream: BinaryIO, limit: int | None = None) -> bytes:
    """Read a whole stream (binary file object), refusing more than `limit` bytes.

    Reads at most limit + 1 bytes, so an oversized input never sits in memory whole.
    """
    limit = settings.MAX_FILE_BYTES if limit is None else limit
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise DecodeError("too-large", f"more than {limit:,} bytes, over the limit")
    return data


def binary_kind(head: bytes) -> str | None:
    """What binary format the first bytes (bytes) look like, or None if they may be text."""
    if head.startswith(UTF16_BOMS):
        return None  # UTF-16 text is full of NUL bytes
    for signature, name in BINARY_SIGNATURES.items():
        if head.startswith(signature):
            return name
    if b"\x00" in head[:SNIFF_BYTES]:
        return "binary data (NUL bytes)"
    return None


def decode_text(data: bytes) -> str:
    """Decode an article's bytes: UTF-8 (BOM allowed) or UTF-16 with a BOM.

    Raises DecodeError with kind 'too-large', 'binary' or 'encoding'.
    """
    if len(data) > settings.MAX_FILE_BYTES:
        raise too_large(len(data), settings.MAX_FILE_BYTES)
    if data.startswith(UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError("encoding", f"invalid UTF-16: {exc.reason} at byte {exc.start}") from exc
    else:
        kind = binary_kind(data)
        if kind:
            raise DecodeError("binary", f"not text: {kind}")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DecodeError(
                "encoding", f"invalid UTF-8 at byte {exc.start} ({exc.reason}); save the file as UTF-8"
            ) from exc
    check_control_characters(text)
    return text


def check_control_characters(text: str) -> None:
    """Refuse text whose start is mostly control characters: binary data that decoded by chance."""
    head = text[:SNIFF_BYTES]
    if head and len(CONTROL.findall(head)) > MAX_CONTROL_SHARE * len(head):
        raise DecodeError("binary", "not text: mostly control characters")


def fix_surrogates(text: str) -> str:
    """Replace lone surrogates (str), which JSON escapes can produce, by U+FFFD.

    They cannot be written as UTF-8; one code point for one keeps every offset valid.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
