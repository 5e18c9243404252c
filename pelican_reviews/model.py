"""The review model: plain, picklable data built from a raw metadata mapping.

``build_review`` never raises on content: every unusable value becomes a
``Problem`` (field, value, what is wrong, what was done instead) and the
review is built without it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import parsers

IMDB_TITLE = re.compile(r"(?:^|imdb\.com/(?:[a-z]{2}/)?title/)(tt\d{7,10})(?:[/?#]|$)")

# Longer synopses and alt texts are cut: they are shown whole on cards and read aloud.
TEXT_LIMIT = 2000
ALT_LIMIT = 300

# Front-matter keys this module reads; each may also be spelt with "_".
REVIEW_KEYS = (
    "rating",
    "synopsis",
    "description",
    "youtube",
    "image",
    "review-image",
    "square-image",
    "image-alt",
    "featured",
    "hidden",
    "comments",
    "layout",
    "imdb",
    "director",
    "year",
)

# Which image key each use prefers, then what it falls back to.
IMAGE_PREFERENCES = {
    "social": ("image", "review-image", "square-image"),
    "hero": ("review-image", "image", "square-image"),
    "card": ("square-image", "review-image", "image"),
}


@dataclass(frozen=True)
class Problem:
    """One unusable front-matter value, ready to be logged with its file name."""

    field: str
    value: object
    message: str
    fallback: str


@dataclass(frozen=True)
class ReviewImage:
    """An image as templates use it.

    ``src`` is either an absolute http(s) URL or a path from the site root
    (no leading slash), to be joined to ``SITEURL``.
    """

    src: str
    alt: str
    width: int | None = None
    height: int | None = None

    @property
    def is_absolute(self) -> bool:
        return self.src.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Trailer:
    """A YouTube trailer, loaded only when the reader asks for it."""

    video_id: str
    start: int | None = None

    @property
    def watch_url(self) -> str:
        start = f"&t={self.start}s" if self.start else ""
        return f"https://www.youtube.com/watch?v={self.video_id}{start}"

    @property
    def embed_url(self) -> str:
        start = f"&start={self.start}" if self.start else ""
        return f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1{start}"


@dataclass(frozen=True)
class Review:
    """Everything a template needs to show one review (or any post's flags)."""

    rating: float | None = None
    rating_max: int = 5
    synopsis: str = ""
    description: str = ""
    trailer: Trailer | None = None
    social_image: ReviewImage | None = None
    hero_image: ReviewImage | None = None
    card_image: ReviewImage | None = None
    featured: bool = False
    hidden: bool = False
    comments: bool = True
    layout: str = ""
    categories: tuple[str, ...] = ()
    imdb_url: str | None = None
    directors: tuple[str, ...] = ()
    year: int | None = None
    problems: tuple[Problem, ...] = field(default=(), compare=False, repr=False)

    @property
    def is_review(self) -> bool:
        """A review is a post laid out as one, or any post with a rating."""
        return self.layout == "review" or self.rating is not None

    @property
    def rating_label(self) -> str:
        """``"4.5"``: the rating as people write it."""
        return parsers.format_rating(self.rating) if self.rating is not None else ""

    @property
    def rating_text(self) -> str:
        """``"4.5 out of 5"``: the rating as a sentence reads it."""
        if self.rating is None:
            return ""
        return f"{self.rating_label} out of {self.rating_max}"

    @property
    def rating_percent(self) -> float:
        """How full the stars are, 0 to 100: 90 for 4.5 out of 5."""
        return round(self.rating / self.rating_max * 100, 1) if self.rating is not None else 0.0

    @property
    def star_glyphs(self) -> str:
        """``"★★★★½"``: the stars as text, readable without any styles."""
        glyph = {"full": "★", "half": "½", "empty": "☆"}
        return "".join(glyph[kind] for kind in self.stars)

    @property
    def stars(self) -> tuple[str, ...]:
        """``("full", "full", "half", "empty", ...)`` for drawing stars."""
        if self.rating is None:
            return ()
        return parsers.star_kinds(self.rating, self.rating_max)


def raw_value(raw: Mapping[str, object], key: str) -> object:
    """A key as written with hyphens (Jekyll) or underscores (Python habit)."""
    if key in raw:
        return raw[key]
    return raw.get(key.replace("-", "_"))


def build_review(
    raw: Mapping[str, object],
    *,
    title: str,
    categories: list[str],
    rating_max: int = 5,
    static_dir: str = "",
) -> Review:
    """Turn one post's raw metadata into a ``Review``.

    ``title`` gives images their default alt text; ``categories`` are the
    post's Jekyll categories, already parsed by the caller; ``static_dir`` is
    the post's folder inside the content folder, for relative ``{static}``
    image paths.
    """
    problems: list[Problem] = []

    def note(key: str, message: str | None, fallback: str) -> None:
        if message:
            problems.append(Problem(key, raw_value(raw, key), message, fallback))

    rating, msg = parsers.parse_rating(raw_value(raw, "rating"), rating_max)
    note("rating", msg, "showing no stars")
    synopsis, msg = parsers.parse_text(raw_value(raw, "synopsis"), TEXT_LIMIT)
    note("synopsis", msg, "showing the start of it" if synopsis else "showing no synopsis")
    description, msg = parsers.parse_text(raw_value(raw, "description"), TEXT_LIMIT)
    note("description", msg, "using the start of it" if description else "using the synopsis instead")
    youtube, msg = parsers.parse_youtube(raw_value(raw, "youtube"))
    note("youtube", msg, "showing no trailer")
    featured, msg = parsers.parse_bool(raw_value(raw, "featured"), False)
    note("featured", msg, "not featuring the post")
    hidden, msg = parsers.parse_bool(raw_value(raw, "hidden"), False)
    note("hidden", msg, "keeping the post on the home page")
    comments, msg = parsers.parse_bool(raw_value(raw, "comments"), True)
    note("comments", msg, "leaving comments on")
    layout, msg = parsers.parse_text(raw_value(raw, "layout"))
    note("layout", msg, "using the article layout")
    image_alt, msg = parsers.parse_text(raw_value(raw, "image-alt"), ALT_LIMIT)
    note("image-alt", msg, "using the start of it" if image_alt else "using the title as alt text")
    imdb_url = _parse_imdb(raw_value(raw, "imdb"), note)
    directors, msg = parsers.parse_string_list(raw_value(raw, "director"), split_spaces=False)
    note("director", msg, "leaving out what is not text")
    year = _parse_year(raw_value(raw, "year"), note)

    sources = {}
    for key in ("image", "review-image", "square-image"):
        found, msg = parsers.classify_image(raw_value(raw, key))
        note(key, msg, "using another image of the post, if any")
        if found:
            sources[key] = found
    alt = image_alt or title
    images = {
        use: resolve_image(next((sources[k] for k in keys if k in sources), None), alt, static_dir)
        for use, keys in IMAGE_PREFERENCES.items()
    }

    return Review(
        rating=rating,
        rating_max=rating_max,
        synopsis=synopsis,
        description=description or synopsis,
        trailer=Trailer(*youtube) if youtube else None,
        social_image=images["social"],
        hero_image=images["hero"],
        card_image=images["card"],
        featured=featured,
        hidden=hidden,
        comments=comments,
        layout=layout.lower(),
        categories=tuple(categories),
        imdb_url=imdb_url,
        directors=tuple(directors),
        year=year,
        problems=tuple(problems),
    )


def resolve_image(found: tuple[str, str] | None, alt: str, static_dir: str) -> ReviewImage | None:
    if found is None:
        return None
    kind, location = found
    if kind == "static":
        # {static}/x is from the content root; {static}x from the post's folder.
        if location.startswith("/"):
            location = location.lstrip("/")
        elif static_dir:
            location = f"{static_dir.strip('/')}/{location}"
    return ReviewImage(src=location, alt=alt)


def _parse_imdb(value: object, note) -> str | None:
    if value is None or value == "":
        return None
    match = IMDB_TITLE.search(value.strip()) if isinstance(value, str) else None
    if match:
        return f"https://www.imdb.com/title/{match.group(1)}/"
    note("imdb", "is not an IMDb title id (tt1234567) or title URL", "linking no IMDb page")
    return None


def imdb_title_url(href: str) -> str | None:
    """The canonical IMDb title URL for a link, or None if it is not one."""
    if "imdb.com/" not in href:
        return None
    match = IMDB_TITLE.search(href)
    return f"https://www.imdb.com/title/{match.group(1)}/" if match else None


def _parse_year(value: object, note) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1870 <= value <= 2200:
        return value
    if isinstance(value, str) and value.strip().isdigit() and 1870 <= int(value) <= 2200:
        return int(value)
    note("year", "is not a release year such as 2024", "leaving the year out")
    return None
