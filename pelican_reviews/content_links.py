"""What the rendered body of a post links to, read with BeautifulSoup."""

from __future__ import annotations

import html as html_lib
import re

from bs4 import BeautifulSoup

from .model import imdb_title_url

# Opening <a> tags that point at an IMDb title page. BeautifulSoup then reads
# only these: a review links a dozen other pages (IMDb's cast and crew pages
# among them), and parsing them all costs more than the rest of the plugin's
# work on the post. A superset of what ``imdb_title_url`` accepts.
IMDB_TITLE_ANCHOR = re.compile(r"<a\s[^>]*imdb\.com/(?:[a-z]{2}/)?title/tt[^>]*>", re.IGNORECASE)


def imdb_title_urls(html: str) -> list[str]:
    """Every distinct IMDb title a body links to, as canonical URLs, in order."""
    if not html or "imdb.com" not in html:
        return []
    found: list[str] = []
    anchors = "".join(IMDB_TITLE_ANCHOR.findall(html))
    if not anchors:
        return found
    for anchor in BeautifulSoup(anchors, "html.parser").find_all("a", href=True):
        url = imdb_title_url(anchor["href"].strip())
        if url and url not in found:
            found.append(url)
    return found


def single_imdb_title_url(html: str) -> str | None:
    """The film a body is about: its one IMDb title link.

    None when the body links no IMDb title, or several distinct ones (a list
    post, or a review comparing films): guessing would name the wrong film.
    Links to the same title written differently (``/reference``, ``?ref_=``,
    ``m.imdb.com``) count as one.
    """
    urls = imdb_title_urls(html)
    return urls[0] if len(urls) == 1 else None


# A URL attribute's value, quoted or not. Rendered Markdown quotes them; raw
# HTML in a post may not.
URL_ATTRIBUTE = re.compile(
    r"""(?P<name>\b(?:href|src|action|formaction|poster|xlink:href)\s*=\s*)"""
    r"""(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'>]+))""",
    re.IGNORECASE,
)
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def inert_script_urls(html: str) -> tuple[str, list[str]]:
    """``html`` with every script URL (``javascript:``...) in a link or source
    replaced by ``#``, and the URLs it replaced.

    Browsers ignore case, entities, spaces and control characters inside the
    scheme (``JaVa&#115;cript:``, ``java\tscript:``), so those are looked through.
    """
    lowered = html.lower()
    if "script:" not in lowered and "data:" not in lowered and "&#" not in html:
        return html, []
    dropped: list[str] = []

    def replace(match: re.Match) -> str:
        value = next(v for v in (match.group("double"), match.group("single"), match.group("bare")) if v is not None)
        scheme = re.sub(r"[\x00-\x20]", "", html_lib.unescape(value)).lower()
        if not scheme.startswith(SCRIPT_SCHEMES):
            return match.group(0)
        dropped.append(value)
        return f'{match.group("name")}"#"'

    return URL_ATTRIBUTE.sub(replace, html), dropped
