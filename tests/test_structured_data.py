"""JSON-LD: the pure builders, the body's IMDb link, and real builds.

Builds use tests/fixtures/social_site (a bare theme whose <head> holds only
the plugin's two partials) and the example site with its publishconf.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from pelican_reviews import content_links
from pelican_reviews import structured_data as sd
from pelican_reviews.model import Review, ReviewImage

FIXTURE = Path(__file__).parent / "fixtures" / "social_site"
SITEURL = "https://films.example"
FIXTURE_SETTINGS = {
    "THEME_TEMPLATES_OVERRIDES": [str(FIXTURE / "templates")],
    "SITEURL": SITEURL,
    "SITENAME": "Films & Friends",
    "SITESUBTITLE": "Reviews after midnight",
    "TIMEZONE": "UTC",
    "STATIC_PATHS": [],
    "FEED_DOMAIN": SITEURL,
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
    "FEED_ALL_RSS": "feeds/all.rss.xml",
    "CATEGORY_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
}
SCRIPT_TITLE = "</script><script>alert(1)</script><!-- Breakout"


# --- reading a page's <head> (shared with the other structured-data tests) ---


@dataclass
class Head:
    jsonld: list[dict] = field(default_factory=list)
    properties: list[tuple[str, str]] = field(default_factory=list)  # <meta property>
    names: list[tuple[str, str]] = field(default_factory=list)  # <meta name>
    canonicals: list[str] = field(default_factory=list)
    scripts: int = 0

    def prop(self, key: str) -> str | None:
        values = [v for k, v in self.properties if k == key]
        return values[0] if values else None

    def name(self, key: str) -> str | None:
        values = [v for k, v in self.names if k == key]
        return values[0] if values else None

    def of_type(self, kind: str) -> list[dict]:
        return [block for block in self.jsonld if block.get("@type") == kind]


def read_head(html: str) -> Head:
    """Every JSON-LD block (parsed: invalid JSON fails here), meta tag and canonical link."""
    soup = BeautifulSoup(html, "html.parser")
    return Head(
        jsonld=[json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")],
        properties=[(m["property"], m.get("content")) for m in soup.find_all("meta", property=True)],
        names=[(m["name"], m.get("content")) for m in soup.find_all("meta", attrs={"name": True})],
        canonicals=[link["href"] for link in soup.find_all("link", rel="canonical")],
        scripts=len(soup.find_all("script")),
    )


def front_matter(path: Path) -> dict:
    """A content file's metadata, YAML or ``Key: value``, keys lower-cased."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        return {k.lower(): v for k, v in yaml.safe_load(text.split("---", 2)[1]).items()}
    header = text.split("\n\n", 1)[0]
    return {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in header.splitlines())}


def build_fixture_site(output, **overrides):
    """tests/fixtures/social_site with an absolute SITEURL and both feeds."""
    from conftest import build_site

    return build_site(FIXTURE / "content", output, **{**FIXTURE_SETTINGS, **overrides})


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("social") / "out")


def build_published_example(output, **overrides):
    """The example site built with its publishconf.py (absolute SITEURL, feeds).

    publishconf.py does ``from pelicanconf import *``: a ``pelicanconf``
    module left in ``sys.modules`` by another site's build would be used
    instead of the example's own, so it is dropped first.
    """
    from conftest import EXAMPLE_CONTENT, EXAMPLE_SITE, build_site

    sys.modules.pop("pelicanconf", None)
    try:
        return build_site(EXAMPLE_CONTENT, output, EXAMPLE_SITE / "publishconf.py", **overrides)
    finally:
        sys.modules.pop("pelicanconf", None)


@pytest.fixture(scope="module")
def published_example(tmp_path_factory):
    return build_published_example(tmp_path_factory.mktemp("publish") / "out")


def theme_includes_partials() -> bool:
    from conftest import REPO_ROOT

    base = REPO_ROOT / "theme" / "templates" / "base.html"
    return base.is_file() and "reviews/jsonld.html" in base.read_text(encoding="utf-8")


needs_theme = pytest.mark.skipif(
    not theme_includes_partials(), reason="theme/templates/base.html does not include reviews/jsonld.html yet"
)


# --- pure functions ----------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!-- comment",
        "Tom & Jerry > Itchy",
        "</SCRIPT >",
        "line\u2028separator",
        {"nested": ["</script>", "ok"]},
    ],
)
def test_script_json_never_closes_the_block_and_reads_back(value):
    text = sd.script_json(value)
    assert not re.search(r"[<>&]", text)
    assert json.loads(text) == value


@pytest.mark.parametrize(
    ("siteurl", "path", "expected"),
    [
        ("https://films.example", "review/alien", "https://films.example/review/alien"),
        ("https://films.example/blog/", "/review/alien", "https://films.example/blog/review/alien"),
        ("", "review/alien", "/review/alien"),
        ("https://films.example", "https://cdn.example/x.jpg", "https://cdn.example/x.jpg"),
        ("https://films.example", "", "https://films.example/"),
    ],
)
def test_absolute_url(siteurl, path, expected):
    site = sd.site_from_settings({"SITEURL": siteurl})
    assert sd.absolute_url(site, path) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Short and sweet.", "Short and sweet."),
        ("  spaced \n  out  ", "spaced out"),
        ("word " * 60, ("word " * 31).strip() + "…"),  # 160 characters at most
    ],
)
def test_meta_description_is_one_line_cut_at_a_word(text, expected):
    result = sd.meta_description(text)
    assert result == expected
    assert len(result) <= sd.DESCRIPTION_LIMIT


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="https://www.imdb.com/title/tt22207786/">Red Rooms</a>', "https://www.imdb.com/title/tt22207786/"),
        # the same title written three ways is one film
        (
            '<a href="https://www.imdb.com/title/tt0116282/?ref_=x">a</a>'
            '<a href="https://m.imdb.com/title/tt0116282/reference">b</a>'
            '<a href="https://www.imdb.com/fr/title/tt0116282">c</a>',
            "https://www.imdb.com/title/tt0116282/",
        ),
        # people and other sites are not films
        (
            '<a href="https://www.imdb.com/name/nm0000531/">n</a><a href="https://letterboxd.com/film/fargo/">l</a>'
            '<a href="https://www.imdb.com/title/tt0116282/">t</a>',
            "https://www.imdb.com/title/tt0116282/",
        ),
        # two films: no guess
        (
            '<a href="https://www.imdb.com/title/tt0113277/">a</a><a href="https://www.imdb.com/title/tt0083190/">b</a>',
            None,
        ),
        ('<p>No links at all, though imdb.com/title/tt0113277 is in the text.</p>', None),
        ("", None),
    ],
)
def test_body_names_the_film_only_with_one_distinct_imdb_title(html, expected):
    assert content_links.single_imdb_title_url(html) == expected


SITE = sd.Site(url=SITEURL, name="Films & Friends", lang="en")


def _entry(**changes) -> sd.Entry:
    review = Review(rating=4.5, rating_max=5, directors=("Ridley Scott",), year=1979, imdb_url=None)
    values = dict(
        kind="article",
        title="Alien",
        url=f"{SITEURL}/review/alien",
        description="In space.",
        published=dt.datetime(2025, 1, 10, tzinfo=dt.UTC),
        authors=(sd.Person("robbie", f"{SITEURL}/author/robbie.html"),),
        image=sd.Image(f"{SITEURL}/assets/alien-og.png", "The crew", 120, 63),
        review=review,
        imdb_url="https://www.imdb.com/title/tt0078748/",
    )
    values.update(changes)
    return sd.Entry(**values)


def test_review_has_every_field_google_asks_for():
    data = sd.entry_jsonld(_entry(), SITE)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Review"
    assert data["itemReviewed"] == {
        "@type": "Movie",
        "name": "Alien",
        "sameAs": "https://www.imdb.com/title/tt0078748/",
        "image": f"{SITEURL}/assets/alien-og.png",
        "director": [{"@type": "Person", "name": "Ridley Scott"}],
        "dateCreated": "1979",
    }
    assert data["reviewRating"] == {"@type": "Rating", "ratingValue": 4.5, "bestRating": 5, "worstRating": 0}
    assert data["author"] == {"@type": "Person", "name": "robbie", "url": f"{SITEURL}/author/robbie.html"}
    assert data["publisher"] == {"@type": "Organization", "name": "Films & Friends", "url": f"{SITEURL}/"}
    assert data["datePublished"] == data["dateModified"] == "2025-01-10T00:00:00+00:00"
    assert (data["headline"], data["url"], data["description"]) == ("Alien", f"{SITEURL}/review/alien", "In space.")


@pytest.mark.parametrize(("rating", "rating_max", "value"), [(0.0, 5, 0), (0.5, 5, 0.5), (5.0, 5, 5), (7.5, 10, 7.5)])
def test_rating_values_and_scale(rating, rating_max, value):
    data = sd.entry_jsonld(_entry(review=Review(rating=rating, rating_max=rating_max)), SITE)
    assert data["reviewRating"] == {"@type": "Rating", "ratingValue": value, "bestRating": rating_max, "worstRating": 0}
    assert isinstance(data["reviewRating"]["ratingValue"], type(value))


def test_unrated_review_is_a_blog_posting_and_a_page_has_none():
    unrated = sd.entry_jsonld(_entry(review=Review(rating=None, layout="review")), SITE)
    assert unrated["@type"] == "BlogPosting"
    assert "reviewRating" not in unrated and "itemReviewed" not in unrated
    assert sd.entry_jsonld(_entry(kind="page"), SITE) is None


def test_without_authors_the_site_is_the_author_never_a_plain_string():
    data = sd.entry_jsonld(_entry(authors=()), SITE)
    assert data["author"] == {"@type": "Organization", "name": "Films & Friends", "url": f"{SITEURL}/"}


def test_item_list():
    data = sd.item_list_jsonld(["https://a.example/1", "https://a.example/2"])
    assert data["@type"] == "ItemList"
    assert data["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "url": "https://a.example/1"},
        {"@type": "ListItem", "position": 2, "url": "https://a.example/2"},
    ]


class _Content:
    """A stand-in for a Pelican article, read by attribute as templates do."""

    def __init__(self, **kw):
        self.__dict__.update(kw)


def test_entry_from_content_takes_the_reviews_imdb_url_and_image():
    # The reader fills review.imdb_url from the `imdb` key, else from the body's one IMDb link.
    review = Review(rating=4.0, imdb_url="https://www.imdb.com/title/tt2/", social_image=ReviewImage("assets/x.png", "X", 10, 5))
    article = _Content(title="X", url="review/x", review=review, authors=[], tags=[], metadata={})
    entry = sd.entry_from_content(article, SITE, kind="article")
    assert entry.imdb_url == "https://www.imdb.com/title/tt2/"
    assert entry.image == sd.Image(f"{SITEURL}/assets/x.png", "X", 10, 5)


# --- the fixture site --------------------------------------------------------


def test_fixture_builds_cleanly(site):
    assert site.warning_messages == []


def test_review_page_has_one_complete_review_block(site):
    head = read_head(site.read("review/alien.html"))
    assert len(head.jsonld) == 1
    (review,) = head.of_type("Review")
    assert review["@context"] == "https://schema.org"
    assert review["itemReviewed"]["sameAs"] == "https://www.imdb.com/title/tt0078748/"  # imdb key wins over the body
    assert review["itemReviewed"]["dateCreated"] == "1979"
    assert review["reviewRating"]["ratingValue"] == 4.5
    assert [a["name"] for a in review["author"]] == ["robbie", "Maggie Lee"]
    assert all(a["@type"] == "Person" and a["url"].startswith(SITEURL + "/author/") for a in review["author"])
    assert review["description"] == "Still the best haunted house in space & the scariest cat."
    assert review["image"] == review["itemReviewed"]["image"] == f"{SITEURL}/assets/alien-og.png"


def test_script_in_a_title_cannot_break_out_of_the_json_ld_block(site):
    html = site.read("review/script.html")
    head = read_head(html)
    assert head.scripts == 1  # the JSON-LD block and nothing smuggled in after it
    # A browser ends the block at the first "</script": what lies before it is the whole JSON.
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script', html, re.S | re.I).group(1)
    assert json.loads(raw)["headline"] == SCRIPT_TITLE
    assert "<!--" not in raw
    (review,) = head.of_type("Review")
    assert review["headline"] == review["itemReviewed"]["name"] == SCRIPT_TITLE
    assert review["reviewRating"] == {"@type": "Rating", "ratingValue": 0, "bestRating": 5, "worstRating": 0}
    assert "sameAs" not in review["itemReviewed"]  # the body links two different films
    assert "<script>alert(1)" not in html


def test_imdb_link_found_in_the_body(site):
    (review,) = read_head(site.read("review/body-link.html")).of_type("Review")
    assert review["itemReviewed"]["sameAs"] == "https://www.imdb.com/title/tt0116282/"
    assert review["itemReviewed"]["director"] == [
        {"@type": "Person", "name": "Joel Coen"},
        {"@type": "Person", "name": "Ethan Coen"},
    ]


def test_posts_without_a_rating_are_blog_postings_pages_have_no_block(site):
    for path in ("unrated-thoughts.html", "news.html"):
        head = read_head(site.read(path))
        assert [b["@type"] for b in head.jsonld] == ["BlogPosting"], path
    assert read_head(site.read("pages/about.html")).jsonld == []


def test_reviews_index_lists_every_review_newest_first(site):
    (item_list,) = read_head(site.read("reviews/index.html")).of_type("ItemList")
    assert [i["url"] for i in item_list["itemListElement"]] == [
        f"{SITEURL}/unrated-thoughts.html",
        f"{SITEURL}/review/body-link",
        f"{SITEURL}/review/script",
        f"{SITEURL}/review/alien",
    ]
    assert [i["position"] for i in item_list["itemListElement"]] == [1, 2, 3, 4]


def test_home_page_names_the_site(site):
    (website,) = read_head(site.read("index.html")).of_type("WebSite")
    assert website == {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": "Films & Friends",
        "url": f"{SITEURL}/",
        "description": "Reviews after midnight",
    }


# --- the example site, as published -------------------------------------------


@needs_theme
def test_example_site_json_ld(published_example):
    from conftest import EXAMPLE_CONTENT

    expected = {}
    for path in sorted((EXAMPLE_CONTENT / "reviews").glob("*.md")):
        meta = front_matter(path)
        expected[str(meta["title"])] = float(meta["rating"])
    found: dict[str, list[dict]] = {}
    for page in published_example.html_files():
        head = read_head(page.read_text(encoding="utf-8"))  # every block must be valid JSON
        for block in head.jsonld:
            assert block["@context"] == "https://schema.org", page
            assert block["@type"] in {"Review", "BlogPosting", "ItemList", "WebSite"}, page
        for review in head.of_type("Review"):
            found.setdefault(review["headline"], []).append(review)
            assert len(head.of_type("Review")) == 1, page
            assert review["itemReviewed"]["@type"] == "Movie", page
            assert review["author"]["@type"] == "Person", page
            assert review["url"].startswith("https://reviews.example.com/"), page
            assert review["reviewRating"]["bestRating"] == 5 and review["reviewRating"]["worstRating"] == 0
    assert sorted(found) == sorted(expected)
    assert {title: blocks[0]["reviewRating"]["ratingValue"] for title, blocks in found.items()} == expected
    assert all(len(blocks) == 1 for blocks in found.values())


@needs_theme
def test_example_seed_review_links_its_film(published_example):
    (review,) = read_head(published_example.read("review/red-rooms.html")).of_type("Review")
    assert review["itemReviewed"]["sameAs"] == "https://www.imdb.com/title/tt22207786/"
    assert review["itemReviewed"]["name"] == "Red Rooms"
    assert review["reviewRating"]["ratingValue"] == 4.5


@needs_theme
def test_example_reviews_index_item_list(published_example):
    (item_list,) = read_head(published_example.read("reviews/index.html")).of_type("ItemList")
    urls = [i["url"] for i in item_list["itemListElement"]]
    assert len(urls) == 11 and len(set(urls)) == 11
    assert "https://reviews.example.com/review/red-rooms" in urls
    assert Counter(u.startswith("https://reviews.example.com/") for u in urls) == Counter({True: 11})


@pytest.mark.parametrize(("username", "expected"), [("latershow", "@latershow"), ("@latershow", "@latershow"), (None, None)])
def test_twitter_site_from_the_settings(username, expected):
    site = sd.site_from_settings({"SITEURL": "https://films.example", "TWITTER_USERNAME": username})
    tags = dict(sd.twitter_card(title="T", description="", image=None, site=site))
    assert tags.get("twitter:site") == expected


def test_modified_time_only_for_a_modified_post():
    site = sd.site_from_settings({"SITEURL": "https://films.example"})
    published = dt.datetime(2025, 1, 10, tzinfo=dt.timezone.utc)
    for modified, expected in [(None, None), (published + dt.timedelta(days=3), "2025-01-13T00:00:00+00:00")]:
        entry = sd.Entry(kind="article", title="T", url="https://films.example/t", published=published, modified=modified)
        tags = dict(sd.open_graph(kind="article", title="T", url=entry.url, description="", image=None, site=site, entry=entry))
        assert tags.get("article:modified_time") == expected
