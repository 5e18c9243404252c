"""What the rendered body of a post links to, read with BeautifulSoup."""

from __future__ import annotations

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
