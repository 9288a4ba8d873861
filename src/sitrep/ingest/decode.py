"""Bytes to text: encoding detection and checks for binary, empty and oversized input."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_CHARS", "DecodedText", "decode_bytes"]

# Articles longer than this are cut (with a diagnostic): no news report is this long,
# and an unbounded input would stall a worker.
MAX_CHARS = 1_000_000


@dataclass(slots=True)
class DecodedText:
    """The decoded text, or why there is none, plus any warning worth a diagnostic."""

    text: str | None
    error: str | None = None
    warning: str | None = None


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control / len(head) > 0.05


def decode_bytes(data: bytes) -> DecodedText:
    """Decode article bytes: UTF-8 (with or without BOM), else Windows-1252 with a warning."""
    if not data.strip():
        return DecodedText(None, error="empty input: no text to read")
    if _looks_binary(data):
        return DecodedText(None, error="binary input: this does not look like text")
    warning = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        warning = "input is not valid UTF-8; decoded as Windows-1252"
    return check_text(text, warning)


def check_text(text: str, warning: str | None = None) -> DecodedText:
    """Apply the empty and size checks to text that is already decoded."""
    if not text.strip():
        return DecodedText(None, error="empty input: no text to read")
    if "\x00" in text:
        return DecodedText(None, error="binary input: text contains NUL characters")
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        cut = f"input cut to its first {MAX_CHARS} characters"
        warning = f"{warning}; {cut}" if warning else cut
    return DecodedText(text, warning=warning)
