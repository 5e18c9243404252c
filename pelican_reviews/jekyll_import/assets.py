"""Files a post references (images, links) and where they are in the Jekyll site."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from .config import JekyllConfig

# Front-matter keys holding an image path (the plugin also reads "_" spellings).
IMAGE_KEYS = ("image", "review-image", "square-image")

MD_LINK = re.compile(r"(!?)\[(?:[^\]\\\n]|\\.)*\]\(\s*<?([^)\s>]+)>?")
REF_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?", re.M)
HTML_TAG = re.compile(r"<(img|a|source|video|audio|link|script|iframe|embed|object)\b([^>]*)>", re.I)
HTML_ATTR = re.compile(r"""\b(src|href|poster|srcset|data)\s*=\s*(["'])(.*?)\2""", re.I | re.S)


@dataclass(frozen=True)
class Reference:
    value: str
    offset: int  # in the text it was found in
    is_image: bool


def find_references(text: str) -> list[Reference]:
    """Link and image targets in Markdown and HTML, in order of appearance."""
    found: list[Reference] = []
    for match in MD_LINK.finditer(text):
        found.append(Reference(match.group(2), match.start(), match.group(1) == "!"))
    for match in REF_DEFINITION.finditer(text):
        value = match.group(1)
        found.append(Reference(value, match.start(), _looks_like_image(value)))
    for tag in HTML_TAG.finditer(text):
        for attr in HTML_ATTR.finditer(tag.group(2)):
            name = attr.group(1).lower()
            values = [v.strip().split()[0] for v in attr.group(3).split(",") if v.strip()] if name == "srcset" else [attr.group(3)]
            image = tag.group(1).lower() in ("img", "source") or name in ("poster", "srcset")
            for value in values:
                found.append(Reference(value, tag.start(), image))
    return sorted(found, key=lambda r: r.offset)


def _looks_like_image(value: str) -> bool:
    return bool(re.search(r"\.(png|jpe?g|gif|webp|avif|svg)(?:[?#]|$)", value, re.I))


def site_path_of(value: str, *, page_url: str | None, config: JekyllConfig) -> str | None:
    """A reference → the path it names inside the site (no leading slash).

    None for links elsewhere (other hosts, mailto:, #anchors, Pelican
    ``{filename}`` links). Relative references resolve against the post's
    old URL, the way a browser resolved them on the Jekyll site.
    """
    value = value.strip()
    if not value or value.startswith(("#", "{", "|")) or "{{" in value or "{%" in value:
        return None
    own = [p for p in (config.siteurl, config.url) if p]
    for prefix in own:
        if value.startswith(prefix + "/"):
            value = value[len(prefix):]
            break
    if value.startswith("//") or re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I):
        return None
    path = unquote(urlsplit(value).path)
    if not path:
        return None
    if path.startswith("/"):
        if config.baseurl and (path + "/").startswith(config.baseurl + "/"):
            path = path[len(config.baseurl):]
    else:
        base = posixpath.dirname("/" + page_url) if page_url is not None else "/"
        path = posixpath.join(base, path)
    path = posixpath.normpath(path).lstrip("/")
    if path in ("", ".") or path.startswith(".."):
        return None
    return path


def is_site_file(path: str, files: frozenset[str]) -> bool:
    """A file Jekyll copied to the built site as it was (not _-folders or dotfiles)."""
    if path not in files:
        return False
    return not any(part.startswith(("_", ".")) for part in path.split("/"))
