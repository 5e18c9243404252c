"""The parts of ``_config.yml`` the import uses, with Jekyll's defaults."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .. import parsers
from .report import Item, key_line

# Jekyll's default markdown_ext, and what Pelican's Markdown reader reads.
JEKYLL_MARKDOWN_EXTS = ("markdown", "mkdown", "mkdn", "mkd", "md")
PELICAN_MARKDOWN_EXTS = frozenset({"md", "markdown", "mkd", "mdown"})


@dataclass(frozen=True)
class JekyllConfig:
    """The parts of ``_config.yml`` the import uses, with Jekyll's defaults."""

    title: str = ""
    description: str = ""
    url: str = ""
    baseurl: str = ""
    author: str = ""
    lang: str = ""
    timezone: str = "UTC"
    permalink: str = "date"
    paginate: int | None = None
    paginate_path: str = "/page:num/"
    plugins: tuple[str, ...] = ()
    future: bool = False
    feed_path: str = "feed.xml"
    collections_dir: str = ""
    exclude: tuple[str, ...] = ()
    markdown_exts: tuple[str, ...] = JEKYLL_MARKDOWN_EXTS
    posts_defaults_permalink: str | None = None

    @property
    def siteurl(self) -> str:
        return (self.url.rstrip("/") + self.baseurl).rstrip("/")

    @property
    def site_permalink(self) -> str:
        """The pattern posts without their own ``permalink`` used."""
        return self.posts_defaults_permalink or self.permalink

    @property
    def paginates(self) -> bool:
        """Jekyll writes /page2/... only with paginate set and jekyll-paginate on."""
        return bool(self.paginate) and "jekyll-paginate" in self.plugins


def parse_config(text: str | None, label: str) -> tuple[JekyllConfig, list[Item]]:
    """``_config.yml`` text (None when missing) → config and report items."""
    items: list[Item] = []
    if text is None:
        items.append(Item(label, 1, "error", "missing; using Jekyll's defaults (permalink: date, UTC, no title)"))
        return JekyllConfig(), items
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        items.append(Item(label, line, "error", f"not valid YAML ({problem}); using Jekyll's defaults"))
        return JekyllConfig(), items
    if not isinstance(data, dict):
        items.append(Item(label, 1, "error", "is not a set of 'key: value' lines; using Jekyll's defaults"))
        return JekyllConfig(), items

    def text_of(key: str, default: str = "") -> str:
        value = data.get(key)
        if value is None:
            return default
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value).strip()
        items.append(Item(label, key_line(text, key), "warning", f"{key} is not text; ignored"))
        return default

    author = data.get("author")
    if isinstance(author, dict):
        author = author.get("name")
    author_name, _ = parsers.parse_text(author)

    timezone = text_of("timezone", "UTC") or "UTC"
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        items.append(Item(label, key_line(text, "timezone"), "warning", f"timezone {timezone!r} is unknown; using UTC"))
        timezone = "UTC"

    permalink = text_of("permalink", "date") or "date"
    paginate = data.get("paginate")
    if paginate is not None and (isinstance(paginate, bool) or not isinstance(paginate, int) or paginate < 1):
        items.append(Item(label, key_line(text, "paginate"), "warning",
                          f"paginate {paginate!r} is not a whole number; no pagination"))
        paginate = None

    plugins: list[str] = []
    for key in ("plugins", "gems"):
        value = data.get(key)
        if isinstance(value, list):
            plugins.extend(str(v) for v in value)

    feed_path = "feed.xml"
    feed = data.get("feed")
    if isinstance(feed, dict) and isinstance(feed.get("path"), str):
        feed_path = feed["path"].lstrip("/")

    exclude = data.get("exclude")
    exts = text_of("markdown_ext", ",".join(JEKYLL_MARKDOWN_EXTS))
    future, _ = parsers.parse_bool(data.get("future"), False)

    defaults_permalink = None
    for entry in data.get("defaults") or []:
        if not isinstance(entry, dict):
            continue
        scope = entry.get("scope") or {}
        values = entry.get("values") or {}
        if not isinstance(scope, dict) or not isinstance(values, dict):
            continue
        applies_to_posts = scope.get("type") in ("posts", None) and scope.get("path", "") in ("", "_posts")
        if applies_to_posts and isinstance(values.get("permalink"), str):
            defaults_permalink = values["permalink"]
        carried = {"permalink", "layout"}
        others = sorted(set(values) - carried)
        if others and applies_to_posts:
            items.append(Item(
                label, key_line(text, "defaults"), "todo",
                f"front matter defaults ({', '.join(others)}) are not carried over; "
                "add them to the posts' front matter by hand",
            ))

    config = JekyllConfig(
        title=text_of("title"),
        description=text_of("description"),
        url=text_of("url").rstrip("/"),
        baseurl=("/" + text_of("baseurl").strip("/")) if text_of("baseurl").strip("/") else "",
        author=author_name,
        lang=text_of("lang"),
        timezone=timezone,
        permalink=permalink,
        paginate=paginate,
        paginate_path=text_of("paginate_path", "/page:num/") or "/page:num/",
        plugins=tuple(plugins),
        future=future,
        feed_path=feed_path or "feed.xml",
        collections_dir=text_of("collections_dir").strip("/"),
        exclude=tuple(str(e).strip("/") for e in exclude if e) if isinstance(exclude, list) else (),
        markdown_exts=tuple(e.strip().lstrip(".").lower() for e in exts.split(",") if e.strip()),
        posts_defaults_permalink=defaults_permalink,
    )
    return config, items
