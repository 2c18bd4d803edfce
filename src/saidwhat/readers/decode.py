"""Bytes → str with clear errors for binary data and invalid encodings."""
from __future__ import annotations

from .. import settings

BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")


class DecodeError(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def decode_text(data: bytes) -> str:
    """Decode an article's bytes: UTF-8 (BOM allowed) or UTF-16 with a BOM."""
    if len(data) > settings.MAX_FILE_BYTES:
        raise DecodeError("too-large", f"{len(data):,} bytes, over the limit of {settings.MAX_FILE_BYTES:,}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError("encoding", f"invalid UTF-16: {exc.reason} at byte {exc.start}") from exc
    if data.startswith(BINARY_SIGNATURES) or b"\x00" in data[:4096]:
        raise DecodeError("binary", "binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError("encoding", f"invalid UTF-8 at byte {exc.start}: {exc.reason}") from exc
