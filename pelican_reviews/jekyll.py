"""Jekyll's meaning of file names, dates and permalinks, as pure functions."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass

# Jekyll posts are named YYYY-MM-DD-slug.ext.
POST_NAME = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})-(?P<slug>.+)$")

DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %B %Y",
    "%B %d, %Y",
)

PERMALINK_STYLES = {
    # Jekyll's named permalink styles.
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
PLACEHOLDER = re.compile(r":([a-z_]+)")


@dataclass(frozen=True)
class FileName:
    """What a post's file name says: its slug and, Jekyll style, its date."""

    slug: str
    date: dt.date | None


def parse_file_name(path: str) -> FileName:
    stem = os.path.splitext(os.path.basename(path))[0]
    match = POST_NAME.match(stem)
    if match:
        try:
            date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
            return FileName(slugify(match["slug"]), date)
        except ValueError:
            pass
    return FileName(slugify(stem), None)


def title_from_slug(slug: str) -> str:
    """``red-rooms`` → ``Red Rooms``, for posts that give no title."""
    return " ".join(word.capitalize() for word in re.split(r"[-_\s]+", slug) if word) or slug


def slugify(text: str) -> str:
    """Lower-case letters and digits joined by hyphens (Jekyll's ``default`` mode).

    Letters outside ASCII are kept, as Jekyll keeps them, so old URLs match.
    """
    normal = unicodedata.normalize("NFC", text).lower()
    return "-".join(re.findall(r"[^\W_]+", normal))


def parse_date(value: object) -> tuple[dt.datetime | None, str | None]:
    """A front-matter date: YAML dates and datetimes, or Jekyll's date strings."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, dt.datetime):
        return value, None
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day), None
    if isinstance(value, str):
        text = " ".join(value.split())
        # Python wants "+0500" or "+05:00"; Jekyll also writes "Z".
        text = re.sub(r"Z$", "+0000", text)
        for fmt in DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, fmt), None
            except ValueError:
                continue
        try:
            return dt.datetime.fromisoformat(text), None
        except ValueError:
            pass
    return None, "is not a date such as 2025-03-03 or 2025-03-03 10:00:00 -0500"


@dataclass(frozen=True)
class OutputPath:
    """Where a permalink puts a post: Pelican's ``url`` and ``save_as``."""

    url: str
    save_as: str


def expand_permalink(
    pattern: str, *, title_slug: str, slug: str, date: dt.datetime | None, categories: list[str]
) -> tuple[OutputPath | None, str | None]:
    """Jekyll permalink → ``url`` and ``save_as`` relative to the site root.

    A trailing slash writes ``folder/index.html``; a last segment without an
    extension writes ``name.html`` served at the extensionless URL, as Jekyll
    and GitHub Pages do; with an extension the file is written as named.
    """
    if not isinstance(pattern, str) or not pattern.strip():
        return None, "is not a permalink pattern"
    text = PERMALINK_STYLES.get(pattern.strip(), pattern.strip())
    values = {
        "title": title_slug,
        "slug": slug,
        "name": slug,
        "categories": "/".join(slugify(c) for c in categories if slugify(c)),
        "output_ext": ".html",
    }
    if date is not None:
        values.update(_date_values(date))
    unknown = [name for name in PLACEHOLDER.findall(text) if name not in values]
    if unknown and date is None and unknown[0] in _date_values(dt.datetime(2000, 1, 1)):
        return None, f"uses :{unknown[0]}, but the page has no date"
    if unknown:
        return None, f"uses :{unknown[0]}, which is not a Jekyll placeholder"
    expanded = PLACEHOLDER.sub(lambda m: values[m.group(1)], text)
    segments = [s for s in expanded.split("/") if s]
    if any(s in (".", "..") for s in segments) or not segments:
        return None, "does not name a page inside the site"
    if any(ch in expanded for ch in "<>\"'`\\?#") or any(ord(ch) < 32 for ch in expanded):
        return None, "has characters that do not belong in a URL path"
    path = "/".join(segments)
    if expanded.endswith("/"):
        return OutputPath(url=path + "/", save_as=path + "/index.html"), None
    if "." in segments[-1]:
        return OutputPath(url=path, save_as=path), None
    return OutputPath(url=path, save_as=path + ".html"), None


def _date_values(date: dt.datetime) -> dict[str, str]:
    return {
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "i_month": str(date.month),
        "i_day": str(date.day),
        "short_year": f"{date.year % 100:02d}",
        "y_day": f"{date.timetuple().tm_yday:03d}",
        "week": f"{date.isocalendar()[1]:02d}",
        "short_day": date.strftime("%a"),
        "long_day": date.strftime("%A"),
        "hour": f"{date.hour:02d}",
        "minute": f"{date.minute:02d}",
        "second": f"{date.second:02d}",
    }
