"""JSON-LD, Open Graph and Twitter card values, as plain dicts and tuples.

Everything here is pure: the template glue (``head_entry``, ``social_tags``,
``jsonld_blocks``) reads what a Pelican template context holds by attribute
and key only, so tests feed it simple stand-ins.

Decisions, with Google's review-snippet rules in mind:

* A post with a rating is a ``Review`` of a ``Movie`` (``reviewRating``,
  ``author`` as a ``Person`` and ``itemReviewed.name`` are required there).
  A post without a rating, even with ``layout: review``, is a
  ``BlogPosting``: a ``Review`` without ``reviewRating`` is not eligible
  and the Rich Results Test flags it.
* ``worstRating`` is always 0 (ratings of 0 and 0.5 exist; Google assumes 1
  when it is missing, which would make them invalid); ``bestRating`` is
  ``REVIEWS_RATING_MAX``.
* Absolute URLs come from the settings' ``SITEURL``, never from the
  template's (which is relative under ``RELATIVE_URLS``). Without an
  absolute ``SITEURL``, JSON-LD uses root-relative URLs (resolved against the
  page) and the tags that must be absolute (canonical, ``og:url``,
  ``og:image``, ``twitter:image``) are left out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from . import images
from .model import Review

CONTEXT = "https://schema.org"
WORST_RATING = 0
# Search results show about 155 characters of a description; a longer one is
# cut mid-sentence by the search engine instead of at a word by us.
DESCRIPTION_LIMIT = 160
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class Person:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Image:
    url: str
    alt: str
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Site:
    url: str = ""  # SITEURL without its trailing slash
    name: str = ""
    subtitle: str = ""
    lang: str = ""
    author_pages: bool = True
    image: Image | None = None  # the social card of pages without their own
    twitter: str = ""  # "@name" of the site's account, for twitter:site

    @property
    def is_absolute(self) -> bool:
        return self.url.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Entry:
    """One article or page, reduced to what structured data says about it."""

    kind: str  # "article" or "page"
    title: str
    url: str
    description: str = ""
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    authors: tuple[Person, ...] = ()
    tags: tuple[str, ...] = ()
    section: str = ""
    image: Image | None = None
    review: Review | None = None
    imdb_url: str | None = None
    lang: str = ""

    @property
    def is_rated_review(self) -> bool:
        return self.review is not None and self.review.rating is not None


def site_from_settings(
    settings: Mapping[str, object], image_src: str | None = None, image_size: tuple[int, int] | None = None
) -> Site:
    """The site's own values; ``image_src`` (a site path or URL) is its default social card."""
    url = str(settings.get("SITEURL") or "").rstrip("/")
    name = _text(settings.get("SITENAME"))
    twitter = _text(settings.get("TWITTER_USERNAME")).lstrip("@")
    image = None
    if image_src:
        width, height = image_size or (None, None)
        image = Image(images.src_url(image_src, url), name, width, height)
    return Site(
        url=url,
        name=name,
        subtitle=_text(settings.get("SITESUBTITLE")),
        lang=str(settings.get("DEFAULT_LANG") or ""),
        author_pages=bool(settings.get("AUTHOR_SAVE_AS")),
        image=image,
        twitter=f"@{twitter}" if twitter else "",
    )


def absolute_url(site: Site, path: str) -> str:
    """A URL for ``path`` (from the site root, or already absolute)."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{site.url}/{path.lstrip('/')}" if site.url else f"/{path.lstrip('/')}"


def plain_text(html: object) -> str:
    """Text of an HTML fragment (tags dropped, entities decoded, spaces collapsed)."""
    return Markup(str(html or "")).striptags()


def meta_description(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:")
    return f"{cut}…"


def script_json(data: object) -> str:
    """JSON for a ``<script>`` block: ``<``, ``>`` and ``&`` can never end it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _ESCAPES[m.group()], text)


# --- JSON-LD ---------------------------------------------------------------


def _person(person: Person) -> dict:
    data = {"@type": "Person", "name": person.name}
    if person.url:
        data["url"] = person.url
    return data


def _publisher(site: Site) -> dict:
    return {"@type": "Organization", "name": site.name, "url": absolute_url(site, "")}


def _one_or_many(items: list):
    return items[0] if len(items) == 1 else items


def _creative_work(entry: Entry, site: Site, kind: str) -> dict:
    data: dict = {"@context": CONTEXT, "@type": kind, "headline": entry.title, "url": entry.url}
    data["mainEntityOfPage"] = {"@type": "WebPage", "@id": entry.url}
    if entry.description:
        data["description"] = entry.description
    if entry.published:
        data["datePublished"] = entry.published.isoformat()
        data["dateModified"] = (entry.modified or entry.published).isoformat()
    data["author"] = _one_or_many([_person(p) for p in entry.authors]) if entry.authors else _publisher(site)
    if site.name:
        data["publisher"] = _publisher(site)
    if entry.lang or site.lang:
        data["inLanguage"] = entry.lang or site.lang
    return data


def movie_jsonld(entry: Entry) -> dict:
    review = entry.review
    movie: dict = {"@type": "Movie", "name": entry.title}
    if entry.imdb_url:
        movie["sameAs"] = entry.imdb_url
    if entry.image:
        movie["image"] = entry.image.url
    if review is not None and review.directors:
        movie["director"] = [{"@type": "Person", "name": name} for name in review.directors]
    if review is not None and review.year:
        movie["dateCreated"] = str(review.year)
    return movie


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def review_jsonld(entry: Entry, site: Site) -> dict:
    """A ``Review`` of a ``Movie``; ``entry`` must be a rated review."""
    review = entry.review
    data = _creative_work(entry, site, "Review")
    data["itemReviewed"] = movie_jsonld(entry)
    data["reviewRating"] = {
        "@type": "Rating",
        "ratingValue": _number(review.rating),
        "bestRating": review.rating_max,
        "worstRating": WORST_RATING,
    }
    if entry.image:
        data["image"] = entry.image.url
    return data


def posting_jsonld(entry: Entry, site: Site) -> dict:
    data = _creative_work(entry, site, "BlogPosting")
    if entry.image:
        data["image"] = entry.image.url
    if entry.tags:
        data["keywords"] = list(entry.tags)
    if entry.section:
        data["articleSection"] = entry.section
    return data


def entry_jsonld(entry: Entry, site: Site) -> dict | None:
    """``Review`` for a rated review, ``BlogPosting`` for other posts, None for pages."""
    if entry.kind != "article":
        return None
    return review_jsonld(entry, site) if entry.is_rated_review else posting_jsonld(entry, site)


def item_list_jsonld(urls: list[str], name: str = "") -> dict:
    data: dict = {"@context": CONTEXT, "@type": "ItemList"}
    if name:
        data["name"] = name
    data["itemListElement"] = [
        {"@type": "ListItem", "position": position, "url": url} for position, url in enumerate(urls, 1)
    ]
    return data


def website_jsonld(site: Site) -> dict:
    data = {"@context": CONTEXT, "@type": "WebSite", "name": site.name, "url": absolute_url(site, "")}
    if site.subtitle:
        data["description"] = site.subtitle
    return data


# --- Open Graph and Twitter -------------------------------------------------


def open_graph(
    *,
    kind: str,
    title: str,
    url: str,
    description: str,
    image: Image | None,
    site: Site,
    entry: Entry | None = None,
) -> list[tuple[str, str]]:
    """``(property, content)`` pairs; absolute-only values need an absolute SITEURL."""
    tags = [("og:type", kind), ("og:title", title)]
    if site.is_absolute:
        tags.append(("og:url", url))
    if description:
        tags.append(("og:description", description))
    if site.name:
        tags.append(("og:site_name", site.name))
    if image is not None and image.url.startswith(("http://", "https://")):
        tags.append(("og:image", image.url))
        if image.width and image.height:
            tags += [("og:image:width", str(image.width)), ("og:image:height", str(image.height))]
        if image.alt:
            tags.append(("og:image:alt", image.alt))
    if entry is not None and kind == "article":
        if entry.published:
            tags.append(("article:published_time", entry.published.isoformat()))
        if entry.modified:
            tags.append(("article:modified_time", entry.modified.isoformat()))
        tags += [("article:author", p.url or p.name) for p in entry.authors]
        if entry.section:
            tags.append(("article:section", entry.section))
        tags += [("article:tag", tag) for tag in entry.tags]
    return tags


def twitter_card(*, title: str, description: str, image: Image | None, site: Site | None = None) -> list[tuple[str, str]]:
    has_image = image is not None and image.url.startswith(("http://", "https://"))
    tags = [("twitter:card", "summary_large_image" if has_image else "summary"), ("twitter:title", title)]
    if site is not None and site.twitter:
        tags.append(("twitter:site", site.twitter))
    if description:
        tags.append(("twitter:description", description))
    if has_image:
        tags.append(("twitter:image", image.url))
        if image.alt:
            tags.append(("twitter:image:alt", image.alt))
    return tags


# --- From a Pelican template context -----------------------------------------


def _get(obj, name, default=None):
    return getattr(obj, name, default) if obj is not None else default


def entry_from_content(content, site: Site, *, kind: str) -> Entry:
    """An ``Entry`` from a Pelican Article or Page (read by attribute only)."""
    review = _get(content, "review")
    if not isinstance(review, Review):
        review = None
    metadata = _get(content, "metadata", {}) or {}
    description = (review.description if review else "") or _text(metadata.get("description"))
    if not description:
        description = plain_text(_get(content, "summary", ""))
    image = None
    if review is not None and review.social_image is not None:
        found = review.social_image
        image = Image(images.src_url(found.src, site.url), found.alt, found.width, found.height)
    authors = tuple(
        Person(str(a), absolute_url(site, a.url) if site.author_pages and _get(a, "url") else None)
        for a in (_get(content, "authors") or [])
    )
    category = _get(content, "category")
    date = _get(content, "date")
    return Entry(
        kind=kind,
        title=_text(_get(content, "title", "")),
        url=absolute_url(site, str(_get(content, "url", ""))),
        description=" ".join(description.split()),
        published=date if isinstance(date, dt.datetime) else None,
        modified=_get(content, "modified") if isinstance(_get(content, "modified"), dt.datetime) else None,
        authors=authors,
        tags=tuple(str(t) for t in (_get(content, "tags") or [])),
        section=str(category) if category is not None and kind == "article" else "",
        image=image,
        review=review,
        imdb_url=review.imdb_url if review else None,
        lang=str(_get(content, "lang", "") or ""),
    )


def page_entry(ctx: Mapping, site: Site) -> Entry | None:
    """The ``Entry`` of a content page's article or page; None on listings."""
    found = page_content(ctx)
    return entry_from_content(found[1], site, kind=found[0]) if found else None


def page_content(ctx: Mapping) -> tuple[str, object] | None:
    """``("article", article)`` or ``("page", page)`` for a content page's context."""
    for kind in ("article", "page"):
        content = ctx.get(kind)
        if content is not None and _get(content, "url") is not None and not _is_paginator_page(content):
            return kind, content
    return None


def _is_paginator_page(obj) -> bool:
    return hasattr(obj, "object_list") and hasattr(obj, "paginator")


@dataclass(frozen=True)
class Social:
    canonical: str | None
    description: str
    open_graph: tuple[tuple[str, str], ...]
    twitter: tuple[tuple[str, str], ...]


def listing_path(ctx: Mapping) -> str:
    """The URL path of an index, tag, category, author or other listing page."""
    page = ctx.get("articles_page")
    if page is not None and _get(page, "number", 1) > 1 and _get(page, "url") is not None:
        return str(page.url)
    for name in ("tag", "category", "author"):
        if ctx.get(name) is not None and _get(ctx.get(name), "url") is not None:
            return str(ctx.get(name).url)
    if ctx.get("reviews_index_url"):
        return str(ctx.get("reviews_index_url"))
    output = str(ctx.get("output_file") or "")
    return output[: -len("index.html")] if output.endswith("index.html") else output


def listing_title(ctx: Mapping, site: Site) -> str:
    for name, label in (("tag", "Tag: {}"), ("category", "Category: {}"), ("author", "Posts by {}")):
        if ctx.get(name) is not None:
            return label.format(ctx.get(name))
    if ctx.get("reviews_index_url"):
        return "All reviews"
    page_name = str(ctx.get("page_name") or "")
    if page_name in ("", "index"):
        return site.name
    return page_name.rsplit("/", 1)[-1].replace("_", " ").replace("-", " ").capitalize()


def listing_page_title(ctx: Mapping, site: Site) -> str:
    """``listing_title``, with "· Page 2" on the pages after the first (as their ``<title>``)."""
    number = _get(ctx.get("articles_page"), "number", 1)
    title = listing_title(ctx, site)
    return f"{title} · Page {number}" if isinstance(number, int) and number > 1 else title


def social_tags(ctx: Mapping, site: Site, entry_of: Callable = page_entry) -> Social:
    """Canonical link, meta description, Open Graph and Twitter tags for any page.

    A theme can set ``page_title``, ``page_description`` and ``canonical_path``
    (the page's URL below SITEURL) at the top of a template to override what
    is worked out here. ``entry_of(ctx, site)`` gives the page's ``Entry``.
    """
    entry = entry_of(ctx, site)
    if entry is not None:
        title, path, description, image = entry.title, entry.url, entry.description, entry.image
        kind = "article" if entry.kind == "article" else "website"
    else:
        title, path, description, image = listing_page_title(ctx, site), listing_path(ctx), site.subtitle, None
        kind = "website"
    image = image or site.image
    title = _text(ctx.get("page_title")) or title
    if ctx.get("canonical_path") is not None:
        path = str(ctx.get("canonical_path"))
    # page_description is text (templates strip a summary's tags): "5 > 4" stays.
    description = meta_description(_text(ctx.get("page_description"))) or meta_description(description)
    url = absolute_url(site, path)
    return Social(
        canonical=url if site.is_absolute else None,
        description=description,
        open_graph=tuple(
            open_graph(kind=kind, title=title, url=url, description=description, image=image, site=site, entry=entry)
        ),
        twitter=tuple(twitter_card(title=title, description=description, image=image, site=site)),
    )


def jsonld_blocks(ctx: Mapping, site: Site, entry_of: Callable = page_entry) -> tuple[tuple[str, str], ...]:
    """``(type, escaped JSON)`` for each JSON-LD block the page should carry."""
    blocks: list[dict] = []
    entry = entry_of(ctx, site)
    if entry is not None:
        data = entry_jsonld(entry, site)
        if data is not None:
            blocks.append(data)
    elif ctx.get("reviews_index_url") and ctx.get("reviews") is not None:
        urls = [absolute_url(site, str(a.url)) for a in ctx.get("reviews")]
        blocks.append(item_list_jsonld(urls, name=f"Reviews on {site.name}" if site.name else ""))
    elif str(ctx.get("page_name") or "") == "index" and _get(ctx.get("articles_page"), "number", 1) == 1:
        blocks.append(website_jsonld(site))
    return tuple((data["@type"], script_json(data)) for data in blocks)


def _text(value: object) -> str:
    return str(value).strip() if value is not None else ""
