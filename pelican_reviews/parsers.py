"""Small pure parsers for single front-matter values.

Each parser takes the raw value as YAML or Pelican handed it over and returns
``(value, problem)``: the clean value (or ``None``) and, when the input was
unusable, a short sentence saying what is wrong. Nothing here logs or raises;
the caller knows the file name and decides how to report.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from urllib.parse import parse_qs, urlsplit

TRUE_WORDS = frozenset({"true", "yes", "on", "1", "y"})
FALSE_WORDS = frozenset({"false", "no", "off", "0", "n", ""})

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = frozenset(
    {
        "youtube.com",
        "www.youtube.com",
        "m.youtube.com",
        "music.youtube.com",
        "youtube-nocookie.com",
        "www.youtube-nocookie.com",
    }
)
# Path prefixes after which the next path segment is the video id.
YOUTUBE_ID_PATHS = ("embed", "shorts", "live", "v", "e")
TIME_PART = re.compile(r"(\d+)([hms])")
MAX_PATH = 2000


def shorten(value: object, limit: int = 60) -> str:
    """A value as it may appear in a log line: repr, cut to ``limit`` chars."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def parse_bool(value: object, default: bool) -> tuple[bool, str | None]:
    """YAML booleans, and the words Pelican's ``Key: value`` style gives."""
    if value is None:
        return default, None
    if isinstance(value, bool):
        return value, None
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value), None
    if isinstance(value, str):
        word = value.strip().lower()
        if word in TRUE_WORDS:
            return True, None
        if word in FALSE_WORDS:
            return (default if word == "" else False), None
    return default, "is not true or false"


def parse_rating(value: object, maximum: int) -> tuple[float | None, str | None]:
    """A rating from 0 to ``maximum``: ``4``, ``4.5`` and ``"4.5"`` all work."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool):
        return None, "is not a number"
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", ".")
        # "4/5" and "4.5 / 5" are common in hand-written posts.
        fraction = re.fullmatch(r"([0-9.]+)\s*/\s*([0-9.]+)", text)
        try:
            if fraction:
                scale = float(fraction.group(2))
                number = float(fraction.group(1)) / scale * maximum if scale else math.nan
            else:
                number = float(text)
        except ValueError:
            return None, "is not a number"
    else:
        return None, "is not a number"
    if not math.isfinite(number) or not 0 <= number <= maximum:
        return None, f"is outside 0 to {maximum}"
    return number, None


# Characters XML (feeds) and UTF-8 output cannot carry: C0 controls but tab
# and newlines, DEL, C1 controls, lone surrogates and the two non-characters.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
CONTROL_PROBLEM = "has control characters; removing them"


def strip_unwritable(text: str) -> tuple[str, bool]:
    """``text`` without characters no feed or page can hold, and whether any were there."""
    cleaned = UNWRITABLE.sub("", text)
    return cleaned, cleaned != text


def parse_text(value: object, limit: int = 0) -> tuple[str, str | None]:
    """Plain one-paragraph text: strings, numbers and dates become text.

    With a ``limit``, longer text is cut at a word boundary (with a problem).
    """
    if value is None:
        return "", None
    if isinstance(value, bool):
        return "", "is a true/false value, not text"
    if isinstance(value, list):
        return "", "is a list, not text"
    if not isinstance(value, (str, int, float, dt.date)):
        return "", "is not text"
    text, had_controls = strip_unwritable(" ".join(str(value).split()))
    if limit and len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
        return cut + "…", f"is {len(text)} characters long, more than {limit}"
    return text, CONTROL_PROBLEM if had_controls else None


def parse_string_list(value: object, *, split_spaces: bool) -> tuple[list[str], str | None]:
    """Tags or categories: a YAML list, or a comma- or space-separated string.

    Jekyll splits a ``tags``/``categories`` string on spaces; a string with a
    comma in it is read as a comma-separated list instead, which is what
    people who write ``tags: drama, thriller`` mean.
    """
    if value is None:
        return [], None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text, had_controls = strip_unwritable(str(value))
        if had_controls:
            return _unique([p.strip() for p in re.split(r"[,;]", text) if p.strip()]), CONTROL_PROBLEM
        if "," in text or ";" in text:
            parts = re.split(r"[,;]", text)
        elif split_spaces:
            parts = text.split()
        else:
            parts = [text]
        return _unique([p.strip() for p in parts if p.strip()]), None
    if isinstance(value, list):
        good = [str(v).strip() for v in value if isinstance(v, (str, int, float)) and not isinstance(v, bool)]
        problem = None if len(good) == len(value) else "has entries that are not text"
        cleaned = [strip_unwritable(g) for g in good]
        if any(had for _, had in cleaned):
            problem = problem or CONTROL_PROBLEM
        return _unique([text.strip() for text, _ in cleaned if text.strip()]), problem
    return [], "is not a list or a string"


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


IFRAME_SRC = re.compile(r"""\s*<iframe\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>(?:\s*</iframe>)?\s*\Z""", re.IGNORECASE)


def parse_youtube(value: object) -> tuple[tuple[str, int | None] | None, str | None]:
    """A YouTube reference → ``(video_id, start_seconds)``.

    Accepts a bare id, ``id?si=...`` (what the share button copies), watch,
    embed, shorts and live URLs, youtu.be links and a pasted ``<iframe>``
    embed code. Tracking parameters are
    dropped; a start time (``t=1m30s``, ``start=90``) is kept.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        return None, "is not a YouTube id or URL"
    text = value.strip()
    # The embed code YouTube's Share button offers, pasted whole: its src is the URL.
    embed = IFRAME_SRC.match(text)
    if embed:
        text = html.unescape(embed.group(1)).strip()
    if "://" not in text and not text.startswith(("www.", "youtube.", "youtu.be", "m.youtube.")):
        video_id, _, query = text.partition("?")
        if YOUTUBE_ID.match(video_id):
            return (video_id, _start_seconds(parse_qs(query))), None
        return None, "is not a YouTube id or URL"
    parts = urlsplit(text if "://" in text else "https://" + text)
    if parts.scheme not in ("http", "https"):
        return None, "is not a YouTube id or URL"
    host = (parts.hostname or "").lower()
    query = parse_qs(parts.query)
    segments = [s for s in parts.path.split("/") if s]
    video_id = None
    if host == "youtu.be" and segments:
        video_id = segments[0]
    elif host in YOUTUBE_HOSTS:
        if segments[:1] == ["watch"]:
            video_id = (query.get("v") or [None])[0]
        elif len(segments) >= 2 and segments[0] in YOUTUBE_ID_PATHS:
            video_id = segments[1]
    if video_id and YOUTUBE_ID.match(video_id):
        return (video_id, _start_seconds(query)), None
    return None, "is not a YouTube id or URL"


def _start_seconds(query: dict[str, list[str]]) -> int | None:
    raw = (query.get("t") or query.get("start") or [None])[0]
    if not raw:
        return None
    raw = raw.strip().lower()
    if raw.isdigit():
        return int(raw) or None
    if raw.endswith("s") and raw[:-1].isdigit():
        return int(raw[:-1]) or None
    units = {"h": 3600, "m": 60, "s": 1}
    matched = TIME_PART.findall(raw)
    if matched and "".join(n + u for n, u in matched) == raw:
        return sum(int(n) * units[u] for n, u in matched) or None
    return None


def classify_image(value: object) -> tuple[tuple[str, str] | None, str | None]:
    """An image reference → ``(kind, location)``.

    ``kind`` is ``"url"`` for an absolute http(s) URL (kept as is),
    ``"static"`` for Pelican's ``{static}``/``{attach}`` paths (location is the
    path after the marker) and ``"site"`` for a path served from the site root,
    the way a Jekyll blog serves ``assets/...``. Other schemes
    (``javascript:``, ``data:``, ``file:``) are refused.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        return None, "is not an image path or URL"
    text = value.strip()
    for marker in ("{static}", "{attach}", "|static|", "|attach|"):
        if text.startswith(marker):
            return ("static", text[len(marker):]), None
    if text.startswith("//"):
        text = "https:" + text
    scheme = urlsplit(text).scheme.lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text) else ""
    if scheme in ("http", "https"):
        return ("url", text), None
    if scheme:
        return None, f"uses the {scheme}: scheme, which is not allowed"
    if len(text) > MAX_PATH:
        return None, f"is longer than {MAX_PATH} characters"
    if any(ch in text for ch in "<>\"'`\\") or any(ord(ch) < 32 for ch in text):
        return None, "has characters that do not belong in a path"
    if ".." in text.split("/"):
        return None, "climbs out of the site with '..'"
    return ("site", text.lstrip("/")), None


def format_rating(rating: float) -> str:
    """4.0 → "4", 4.5 → "4.5", 3.75 → "3.75"."""
    return f"{rating:.2f}".rstrip("0").rstrip(".")


def star_kinds(rating: float, maximum: int) -> tuple[str, ...]:
    """Star glyph kinds for a rating, rounded to the nearest half star."""
    halves = int(rating * 2 + 0.5)
    full, half = divmod(halves, 2)
    return ("full",) * full + ("half",) * half + ("empty",) * (maximum - full - half)
