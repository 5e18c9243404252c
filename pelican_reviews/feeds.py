"""Feed entries of reviews: the rating as text and the image, on top of the entry.

Pelican builds each feed item from the article's HTML; ``item_changes``
works out what to add to one item (a dict of feedgenerator's item keys), so
the signal handler only looks the article up and applies the result.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from html import escape
from pathlib import Path
from urllib.parse import unquote

from feedgenerator import Enclosure

from . import images
from .model import Review, ReviewImage

FEED_REF = "?ref=feed"


def image_url(image: ReviewImage, siteurl: str) -> str:
    return images.src_url(image.src, siteurl)


def entry_prefix(review: Review, siteurl: str) -> str:
    """HTML for the top of a feed entry: the image, then "Rating: 4.5 out of 5"."""
    parts = []
    image = review.social_image
    if image is not None:
        size = f' width="{image.width}" height="{image.height}"' if image.width and image.height else ""
        parts.append(f'<p><img src="{escape(image_url(image, siteurl))}" alt="{escape(image.alt)}"{size}></p>')
    if review.rating is not None:
        parts.append(f"<p>Rating: {escape(review.rating_text)}</p>")
    return "".join(parts)


def enclosure(image: ReviewImage, siteurl: str, content_root: Path | None) -> Enclosure | None:
    """The image as an enclosure; RSS wants its length in bytes ("0" when unknown)."""
    mime_type = mimetypes.guess_type(image.src.split("?")[0])[0]
    if not mime_type or not mime_type.startswith("image/"):
        return None
    length = 0
    if content_root is not None and not image.is_absolute:
        path = content_root / images.file_of(image.src)
        if path.is_file():
            length = path.stat().st_size
    return Enclosure(image_url(image, siteurl), str(length), mime_type)


def item_changes(item: dict, review: Review, siteurl: str, content_root: Path | None = None) -> dict:
    """New values for a feed item's ``content``, ``description`` and ``enclosures``."""
    prefix = entry_prefix(review, siteurl)
    changes: dict = {}
    if prefix:
        for key in ("content", "description"):
            if item.get(key) is not None:
                changes[key] = prefix + item[key]
    if review.social_image is not None and not item.get("enclosures"):
        found = enclosure(review.social_image, siteurl, content_root)
        if found is not None:
            changes["enclosures"] = (found,)
    return changes


def link_key(link: str) -> str:
    """A feed item's link, comparable with an article's absolute URL."""
    if link.endswith(FEED_REF):
        link = link[: -len(FEED_REF)]
    return unquote(link).lstrip("/")


def articles_by_link(articles: Iterable, siteurl: str) -> dict[str, object]:
    """Articles keyed as their feed items' links read (see ``link_key``)."""
    base = siteurl.rstrip("/")
    return {link_key(f"{base}/{str(a.url).lstrip('/')}" if base else str(a.url)): a for a in articles}
