"""Jekyll's meaning of file names, dates and permalinks, as pure functions.

The URL rules follow Jekyll 4's own code: ``Jekyll::Drops::UrlDrop`` (the
placeholders), ``Jekyll::URL`` (substitution and ``sanitize_url``),
``Document#destination`` (which file a URL is written to) and
``Utils.slugify`` (the ``default`` and ``pretty`` modes). URLs here are
unescaped (``horror classics/...``), as the files are named on disk.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote
from zoneinfo import ZoneInfo

# Jekyll posts are named YYYY-MM-DD-slug.ext.
POST_NAME = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})-(?P<slug>.+)$")
# Jekyll's own test for a post file name (Document::DATE_FILENAME_MATCHER).
POST_FILE_NAME = re.compile(r"^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$")

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
    # Jekyll's named permalink styles; they apply to the site-wide setting only.
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
PLACEHOLDER = re.compile(r":([a-z_]+)")
DATE_PLACEHOLDERS = frozenset(
    {"year", "short_year", "month", "i_month", "short_month", "long_month", "day", "i_day", "y_day",
     "w_year", "week", "w_day", "short_day", "long_day", "hour", "minute", "second"}
)
# Ruby's strftime names, whatever the locale (Python's %a and %b follow it).
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Utils.slugify: what "pretty" mode keeps besides letters, marks and digits.
PRETTY_KEEP = frozenset("._~!$&'()+,;=@")
# Characters a permalink may not put in a URL path (Jekyll would escape them;
# Pelican writes URLs into pages as they are).
UNSAFE_IN_URL = frozenset('<>"`\\?#')


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


def slugify(text: str, *, pretty: bool = False, cased: bool = False) -> str:
    """Jekyll's ``Utils.slugify`` in its ``default`` (or ``pretty``) mode.

    Every run of characters other than letters, marks and decimal digits
    (and, when ``pretty``, ``._~!$&'()+,;=@``) becomes one hyphen; one
    hyphen is then taken off each end; the result is lower-cased unless
    ``cased``. Letters outside ASCII are kept, so old URLs match.
    """
    out: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LM" or category == "Nd" or (pretty and char in PRETTY_KEEP):
            out.append(char)
        elif not out or out[-1] != "-":  # "-" is never kept as itself: it stands for a run
            out.append("-")
    slug = "".join(out)
    slug = slug[1:] if slug.startswith("-") else slug
    slug = slug[:-1] if slug.endswith("-") else slug
    return slug if cased else slug.lower()


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


def site_time(date: dt.datetime, timezone: str | None) -> dt.datetime:
    """The date as Jekyll reads it: a date with an offset moves to the site's
    time zone (``Time#localtime``); a date without one already is site time."""
    if date.tzinfo is None or not timezone:
        return date
    try:
        return date.astimezone(ZoneInfo(timezone))
    except (KeyError, ValueError, TypeError, OSError, OverflowError):
        return date  # an unknown zone: Pelican refuses it before any URL matters


# --------------------------------------------------------------------------
# What a post's URL is made of


@dataclass(frozen=True)
class Post:
    """What Jekyll builds a post's URL from.

    ``path`` is the file's path inside the posts folder (``_posts``; for
    Pelican, the article folder it is in), ``slug`` the front matter's
    ``slug`` as text (None: the file name's), ``categories`` Jekyll's list
    (see ``post_categories``).
    """

    path: str
    date: dt.datetime | None = None
    slug: str | None = None
    categories: tuple[str, ...] = ()


def post_from_front_matter(path: str, data: Mapping[str, object]) -> Post:
    """A post in ``_posts`` as Jekyll reads it: the front matter's date, else the file name's."""
    date, _ = parse_date(data.get("date"))
    if date is None:
        named = parse_file_name(path).date
        date = dt.datetime(named.year, named.month, named.day) if named else None
    return Post(path=path, date=date, slug=slug_text(data.get("slug")), categories=post_categories(data))


def slug_text(value: object) -> str | None:
    """A front-matter ``slug`` as the text Jekyll slugifies; None when there is none."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, dt.date)) or value == "":
        return None
    return str(value)


def post_categories(data: Mapping[str, object]) -> tuple[str, ...]:
    """Jekyll's categories: ``categories`` (a string splits on white space),
    then ``category`` (one category, however many words); case kept, no repeats."""
    found: list[str] = []
    for key in ("categories", "category"):
        value = data.get(key)
        if isinstance(value, str) and key == "categories":
            items: list[object] = list(value.split())
        else:
            items = value if isinstance(value, list) else [value]
        found.extend(text for text in map(_category_text, items) if text is not None)
    return tuple(dict.fromkeys(found))


def _category_text(value: object) -> str | None:
    if isinstance(value, bool):
        return str(value).lower()  # Ruby's true.to_s
    if isinstance(value, (str, int, float, dt.date)):
        return str(value)
    return None


def post_path(folder: str, file_name: str, posts_folders: Sequence[str]) -> str:
    """A Pelican post's path inside its posts folder: ``folder`` (relative to
    the content folder) without the longest of ``posts_folders`` it is in."""
    folder = folder.strip("/")
    bases = sorted((b.strip("/") for b in posts_folders if isinstance(b, str) and b.strip("/")), key=len, reverse=True)
    for base in bases:
        if folder == base or folder.startswith(base + "/"):
            folder = folder[len(base):].strip("/")
            break
    return posixpath.join(folder, file_name)


def file_slug(path: str) -> str:
    """The slug Jekyll takes from a file name: no date, no extension, no trailing dots."""
    name = posixpath.basename(path)
    match = POST_FILE_NAME.match(name) or re.match(r"^()(.*)(\.[^.]+)$", name)
    return (match.group(2) if match else name).rstrip(".")


def placeholders(post: Post, *, timezone: str | None = None, wanted: Iterable[str] | None = None) -> dict[str, str]:
    """The value of every ``:placeholder`` for ``post`` (Jekyll's ``UrlDrop``).

    Date placeholders are there only when the post has a date. ``wanted``
    limits the work to those names (a permalink uses two or three of them).
    """
    slug = post.slug if post.slug is not None else file_slug(post.path)
    stem = posixpath.splitext(post.path)[0]
    makers = {
        "title": lambda: slugify(slug, pretty=True, cased=True),
        "slug": lambda: slugify(slug),
        "name": lambda: slugify(posixpath.basename(stem)),
        "path": lambda: "/" + stem.rstrip("."),
        "collection": lambda: "posts",
        "categories": lambda: "/".join(dict.fromkeys(c.lower() for c in post.categories)),
        "slugified_categories": lambda: "/".join(dict.fromkeys(slugify(c) for c in post.categories)),
        "output_ext": lambda: ".html",
    }
    names = makers.keys() if wanted is None else makers.keys() & set(wanted)
    values = {name: makers[name]() for name in names}
    if post.date is not None and (wanted is None or not DATE_PLACEHOLDERS.isdisjoint(wanted)):
        values.update(_date_values(site_time(post.date, timezone)))
    return values


def _date_values(date: dt.datetime) -> dict[str, str]:
    year, week, weekday = date.isocalendar()
    return {
        "year": f"{date.year:04d}",
        "short_year": f"{date.year % 100:02d}",
        "month": f"{date.month:02d}",
        "i_month": str(date.month),
        "short_month": MONTHS[date.month - 1][:3].upper(),  # strftime("%^b")
        "long_month": MONTHS[date.month - 1],
        "day": f"{date.day:02d}",
        "i_day": str(date.day),
        "y_day": f"{date.timetuple().tm_yday:03d}",
        "w_year": f"{year:04d}",
        "week": f"{week:02d}",
        "w_day": str(weekday),
        "short_day": WEEKDAYS[date.weekday()][:3].upper(),  # strftime("%^a")
        "long_day": WEEKDAYS[date.weekday()],
        "hour": f"{date.hour:02d}",
        "minute": f"{date.minute:02d}",
        "second": f"{date.second:02d}",
    }


# --------------------------------------------------------------------------
# From a permalink to a URL and a file


@dataclass(frozen=True)
class OutputPath:
    """Where a permalink puts a post: Pelican's ``url`` and ``save_as``."""

    url: str
    save_as: str


def sanitize_url(url: str) -> str:
    """Jekyll's ``URL#sanitize_url``: a leading slash, every ``..`` made a
    slash, every ``./`` dropped, runs of slashes made one."""
    return re.sub(r"/+", "/", ("/" + url).replace("..", "/").replace("./", ""))


# What may stand unescaped in a URL path segment (RFC 3986 pchar, "%" aside).
URL_PATH_SAFE = "/:@!$&'()*+,;=-._~"


def output_path(url: str) -> OutputPath:
    """Where Jekyll writes the page at ``url`` (``Document#destination``):
    ``x/`` → ``x/index.html``; otherwise ``.html`` is added unless the URL
    already ends with it (``b.v2`` → ``b.v2.html``, served at ``b.v2``)."""
    path = url.lstrip("/")
    if url.endswith("/"):
        return OutputPath(path, path + "index.html")
    return OutputPath(path, path if path.endswith(".html") else path + ".html")


def link(url: str) -> str:
    """A URL path as it goes into a page: percent-encoded ("film%20review/"),
    as Jekyll escapes each placeholder's value; the file keeps the plain name."""
    return quote(url, safe=URL_PATH_SAFE)


def jekyll_url(
    pattern: str, post: Post, *, site_wide: bool = False, timezone: str | None = None
) -> tuple[str | None, str | None]:
    """The URL Jekyll gives ``post`` (leading slash, unescaped), or why it has none.

    ``site_wide``: ``pattern`` is the ``_config.yml`` setting, where style
    names (``pretty``...) stand for their patterns; in front matter
    ``pretty`` is the path ``/pretty``.
    """
    expanded, problem = _fill(PERMALINK_STYLES.get(pattern, pattern) if site_wide else pattern, post, timezone)
    if expanded is None:
        return None, problem
    return sanitize_url(expanded), None


def expand_permalink(
    pattern: object, post: Post, *, site_wide: bool = False, timezone: str | None = None
) -> tuple[OutputPath | None, str | None]:
    """A Jekyll permalink → ``url`` and ``save_as`` relative to the site root.

    As ``jekyll_url`` and ``output_path``, except that a pattern with a
    ``..`` segment, one naming no page (``/``) and one putting characters
    in the URL that Pelican would write into pages unescaped
    (``<>"`\\?#``, control characters) are refused.
    """
    if not isinstance(pattern, str) or not pattern.strip():
        return None, "is not a permalink pattern"
    template = PERMALINK_STYLES.get(pattern, pattern) if site_wide else pattern
    expanded, problem = _fill(template, post, timezone)
    if expanded is None:
        return None, problem
    url = sanitize_url(expanded)
    if ".." in expanded.split("/") or url == "/" or url.endswith("/."):
        return None, "does not name a page inside the site"
    if any(char in UNSAFE_IN_URL or unicodedata.category(char) == "Cc" for char in url):
        return None, "has characters that do not belong in a URL path"
    return output_path(url), None


def _fill(template: str, post: Post, timezone: str | None) -> tuple[str | None, str | None]:
    """Placeholders replaced (``:year_`` is ``:year`` then ``_``, as in
    ``URL#generate_url_from_drop``); %-escapes in the pattern's own text
    decoded, as Jekyll does when it names the file."""
    parts = PLACEHOLDER.split(template)
    names = parts[1::2]
    # ":year_" may mean ":year" then "_": ask for both readings.
    values = placeholders(post, timezone=timezone, wanted={*names, *(n[:-1] for n in names)})
    out = [unquote(parts[0])]
    for name, literal in zip(parts[1::2], parts[2::2]):
        key = name if name in values or not name.endswith("_") else name[:-1]
        if key not in values:
            if key in DATE_PLACEHOLDERS:
                return None, f"uses :{key}, but the page has no date"
            return None, f"uses :{name}, which is not a Jekyll placeholder"
        out.append(values[key] + name[len(key):] + unquote(literal))
    return "".join(out), None
