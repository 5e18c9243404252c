"""One post's raw metadata → Pelican's metadata plus a ``Review``.

Both writing styles arrive here as a plain mapping: YAML front matter as
PyYAML parsed it, or Pelican's ``Key: value`` metadata with its objects
turned back into text. The result holds plain values (strings, lists,
datetimes); the reader turns them into Pelican's own objects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from . import jekyll, parsers
from .model import Problem, Review, build_review, raw_value
from .settings import ReviewsSettings

# Keys this module turns into Pelican metadata; they are not passed on raw.
TRANSLATED_KEYS = frozenset(
    {"title", "date", "slug", "categories", "category", "tags", "author", "authors",
     "published", "layout", "permalink", "template", "url", "save_as",
     "modified", "summary", "status", "lang", "translation"}
)
# Keys Pelican itself reads as text: anything else there stops the post, or the build.
PELICAN_TEXT_KEYS = ("summary", "lang", "translation")
# Pelican skips a post with any other status.
STATUSES = ("published", "hidden", "draft", "skip")


def in_folders(relative_dir: str, folders) -> bool:
    """Whether a folder (relative to the content root) is one of ``folders`` or inside one."""
    relative = relative_dir.strip("/") + "/"
    return any(relative.startswith(folder.strip("/") + "/") for folder in folders)


@dataclass
class Interpretation:
    pelican: dict[str, object]
    review: Review
    problems: list[Problem] = field(default_factory=list)


def interpret(
    raw: Mapping[str, object],
    *,
    source_name: str,
    static_dir: str,
    settings: ReviewsSettings,
    fallback_date: dt.datetime | None,
    default_permalink: str | None = None,
    timezone: str | None = None,
    article_paths: Sequence[str] = (),
) -> Interpretation:
    """Apply Jekyll's meaning to every key; never raises on content.

    ``source_name`` is the file name (for slug and date), ``static_dir`` the
    post's folder inside the content folder, ``fallback_date`` the date to
    use when neither the front matter nor the file name gives one,
    ``default_permalink`` the site-wide pattern for posts without their own,
    ``timezone`` the site's (Jekyll reads dates with an offset in it),
    ``article_paths`` Pelican's article folders (Jekyll's ``_posts``, for ``:path``).
    """
    problems: list[Problem] = []

    def note(key: str, message: str | None, fallback: str) -> None:
        if message:
            problems.append(Problem(key, raw_value(raw, key), message, fallback))

    name = jekyll.parse_file_name(source_name)
    out: dict[str, object] = {
        key: value for key, value in raw.items() if key not in TRANSLATED_KEYS
    }

    slug_value, msg = parsers.parse_text(raw.get("slug"))
    note("slug", msg, "using the file name")
    slug = jekyll.slugify(slug_value) if slug_value else name.slug
    # A file name with no letters or digits still needs a slug of its own.
    slug = slug or "post-" + hashlib.sha1(source_name.encode()).hexdigest()[:8]
    out["slug"] = slug

    title, msg = parsers.parse_text(raw.get("title"))
    note("title", msg, "using the file name")
    out["title"] = title or jekyll.title_from_slug(name.slug) or "Untitled"

    date, msg = jekyll.parse_date(raw.get("date"))
    note("date", msg, "using the date in the file name" if name.date else "using the file's date")
    if date is None and name.date is not None:
        date = dt.datetime(name.date.year, name.date.month, name.date.day)
    date = date or fallback_date
    if date is not None:
        out["date"] = date

    modified, msg = jekyll.parse_date(raw.get("modified"))
    note("modified", msg, "leaving the modification date out")
    if modified is not None:
        out["modified"] = modified
    for key in PELICAN_TEXT_KEYS:
        value = raw.get(key)
        if isinstance(value, bool) and key == "translation":
            value = str(value).lower()  # Pelican's own spelling of the flag
        text, msg = parsers.parse_text(value)
        note(key, msg, f"leaving {key} out")
        if text:
            # A summary is Markdown: its line breaks are kept.
            out[key] = value if key == "summary" and isinstance(value, str) else text

    status, msg = parsers.parse_text(raw.get("status"))
    if status and status.lower() not in STATUSES:
        msg = f"is not one of {', '.join(STATUSES[:3])}"
    note("status", msg, "publishing the post")
    if status and not msg:
        out["status"] = status.lower()

    categories, msg = parsers.parse_string_list(
        raw.get("categories", raw.get("category")), split_spaces="categories" in raw
    )
    note("categories", msg, "leaving out what is not text")
    if categories:
        out["category"] = categories[0]

    tags, msg = parsers.parse_string_list(raw.get("tags"), split_spaces=True)
    note("tags", msg, "leaving out what is not text")
    if tags:
        out["tags"] = tags

    for key in ("author", "authors"):
        value = raw.get(key)
        if key == "author" and isinstance(value, str):
            # Jekyll's author is one name, commas and all ("Strangelove, PhD").
            name, msg = parsers.parse_text(value)
            people = [name] if name else []
        else:
            people, msg = parsers.parse_string_list(value, split_spaces=False)
        note(key, msg, "leaving out what is not text")
        if people:
            out["authors"] = people

    published, msg = parsers.parse_bool(raw.get("published"), True)
    note("published", msg, "publishing the post")
    if not published:
        out["status"] = "skip"

    review = build_review(
        raw,
        title=out["title"],
        categories=categories,
        rating_max=settings.rating_max,
        static_dir=static_dir,
    )
    problems.extend(review.problems)
    out["review"] = review

    template, msg = parsers.parse_text(raw.get("template"))
    if template:
        out["template"] = template
    elif review.layout == "review":
        out["template"] = settings.template

    for key in ("url", "save_as"):
        if isinstance(raw.get(key), str):
            out[key] = raw[key]

    permalink = raw.get("permalink") or default_permalink
    if permalink:
        post = jekyll.Post(
            path=jekyll.post_path(static_dir, source_name, article_paths),
            date=date,
            slug=jekyll.slug_text(raw.get("slug")),
            categories=jekyll.post_categories(raw),
        )
        path, msg = jekyll.expand_permalink(
            permalink, post, site_wide=not raw.get("permalink"), timezone=timezone
        )
        note("permalink", msg, "using Pelican's URL for the post")
        if path is not None:
            out["url"], out["save_as"] = jekyll.link(path.url), path.save_as
            # Remembered so that drafts can be moved back under drafts/.
            out["permalink_url"] = out["url"]

    return Interpretation(pelican=out, review=review, problems=problems)
