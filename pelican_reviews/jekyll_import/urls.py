"""Each post's URL on the Jekyll site and where the plugin will write it.

Both come from ``pelican_reviews.jekyll``: Jekyll's URL with
``jekyll.jekyll_url``, the plugin's by running the plugin's own metadata
code with the settings the import writes.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .. import jekyll, metadata
from ..settings import ReviewsSettings
from .config import JekyllConfig
from .generated import ARTICLE_PATHS

# What Pelican itself writes with the generated settings: a post there would
# make the build fail ("Failed to overwrite").
PELICAN_OWN_FILES = frozenset(
    {"index.html", "archives.html", "tags.html", "categories.html", "authors.html", "reviews/index.html"}
)
PELICAN_OWN_FOLDERS = ("tag/", "category/", "author/", "feeds/", "theme/", "drafts/", "pages/")


@dataclass(frozen=True)
class PostFacts:
    """What decides a post's URLs: its front matter and what Jekyll reads from it."""

    data: Mapping[str, object]
    post: jekyll.Post  # path relative to _posts, date, slug, categories


def post_facts(path: str, data: Mapping[str, object]) -> PostFacts:
    return PostFacts(data, jekyll.post_from_front_matter(path, data))


def jekyll_post_url(facts: PostFacts, config: JekyllConfig) -> tuple[jekyll.OutputPath | None, str | None]:
    """The URL Jekyll gave the post, or why there was none we can know.

    A ``permalink`` from front matter defaults is a front-matter permalink
    to Jekyll: style names such as ``pretty`` are not expanded there.
    """
    if facts.post.date is None:
        return None, "has no date in its file name or front matter"
    template = facts.data.get("permalink")
    site_wide = False
    if template is None or template == "":
        template = config.posts_defaults_permalink or config.permalink
        site_wide = not config.posts_defaults_permalink
    elif not isinstance(template, str):
        return None, "has a permalink that is not text"
    url, problem = jekyll.jekyll_url(template, facts.post, site_wide=site_wide, timezone=config.timezone)
    if url is None:
        return None, f"permalink {template!r} {problem}"
    return jekyll.output_path(url), None


def plugin_post_output(
    data: Mapping[str, object], *, source_name: str, static_dir: str, config: JekyllConfig
) -> jekyll.OutputPath:
    """Where the plugin's reader will write the post: the same code path it runs."""
    settings = ReviewsSettings.from_pelican({"REVIEWS_PERMALINK": config.site_permalink})
    found = metadata.interpret(
        data,
        source_name=source_name,
        static_dir=static_dir,
        settings=settings,
        fallback_date=None,
        default_permalink=config.site_permalink,
        timezone=config.timezone,
        article_paths=ARTICLE_PATHS,
    )
    meta = found.pelican
    if isinstance(meta.get("save_as"), str) and isinstance(meta.get("url"), str):
        return jekyll.OutputPath(meta["url"], meta["save_as"])
    slug = meta.get("slug", "post")
    return jekyll.OutputPath(f"{slug}.html", f"{slug}.html")  # Pelican's ARTICLE_URL / ARTICLE_SAVE_AS


def pinnable(url: str, want: jekyll.OutputPath) -> bool:
    """Would a literal ``permalink: /url`` make the plugin write ``want``?"""
    literal = "/" + url
    if jekyll.PLACEHOLDER.search(literal):
        return False
    path, _ = jekyll.expand_permalink(literal, jekyll.Post("pinned.md"))
    return path is not None and path.save_as == want.save_as


def alternative_url(url: str, number: int) -> str:
    """``a/b/`` → ``a/b-2/``; ``a/b.html`` → ``a/b-2.html``; ``a/b`` → ``a/b-2``."""
    if url.endswith("/"):
        return url[:-1] + f"-{number}/"
    stem, ext = posixpath.splitext(url)
    if ext and "/" not in ext:
        return f"{stem}-{number}{ext}"
    return f"{url}-{number}"


def is_pelican_own(save_as: str) -> bool:
    return save_as in PELICAN_OWN_FILES or save_as.startswith(PELICAN_OWN_FOLDERS) or bool(
        re.fullmatch(r"index\d+\.html", save_as)
    )
