"""Image dimensions from file headers, so pages can reserve space (no layout shift).

Reads only the first bytes of PNG, GIF, WebP and JPEG files: no image
library needed, and fast enough to run for every review on every build.
"""

from __future__ import annotations

import struct
from pathlib import Path
from urllib.parse import quote, unquote

from .jekyll import URL_PATH_SAFE

# JPEG start-of-frame markers carry the size; others (DHT, DAC, ...) do not.
SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


def file_of(src: str) -> str:
    """The file a site-path ``src`` names: no ``?query`` or ``#fragment``,
    %-escapes decoded (``my%20poster.jpg?v=2`` → ``my poster.jpg``)."""
    return unquote(src.split("#", 1)[0].split("?", 1)[0])


def url_path(src: str) -> str:
    """A site-path ``src`` as it may stand in a URL: spaces and other
    characters %-encoded, escapes and a query already there kept."""
    return quote(src, safe=URL_PATH_SAFE + "%?#")


def src_url(src: str, siteurl: str) -> str:
    """The URL of an image ``src``: an http(s) URL as it is, a site path under ``siteurl``."""
    if src.startswith(("http://", "https://")):
        return src
    path = url_path(src.lstrip("/"))
    return f"{siteurl.rstrip('/')}/{path}" if siteurl else f"/{path}"


def image_size(path: Path) -> tuple[int, int] | None:
    """``(width, height)`` of an image file, or None when unknown or unreadable."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(32)
            if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
                return struct.unpack(">II", head[16:24])
            if head[:6] in (b"GIF87a", b"GIF89a"):
                return struct.unpack("<HH", head[6:10])
            if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
                return _webp_size(head)
            if head[:2] == b"\xff\xd8":
                handle.seek(2)
                return _jpeg_size(handle)
    except (OSError, struct.error):
        return None
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8X":
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return width, height
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def _jpeg_size(handle) -> tuple[int, int] | None:
    while True:
        byte = handle.read(1)
        while byte and byte != b"\xff":
            byte = handle.read(1)
        while byte == b"\xff":
            byte = handle.read(1)
        if not byte:
            return None
        marker = byte[0]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            continue  # markers without a length
        if marker == 0xD9:
            return None
        length = struct.unpack(">H", handle.read(2))[0]
        if marker in SOF_MARKERS:
            height, width = struct.unpack(">xHH", handle.read(5))
            return width, height
        handle.seek(length - 2, 1)
