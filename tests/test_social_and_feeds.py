"""Social tags (canonical, description, Open Graph, Twitter) and review feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from test_structured_data import (
    FIXTURE,
    FIXTURE_SETTINGS,
    SCRIPT_TITLE,
    SITEURL,
    build_fixture_site,
    build_published_example,
    front_matter,
    needs_theme,
    read_head,
)

ATOM = "{http://www.w3.org/2005/Atom}"
EXAMPLE_URL = "https://reviews.example.com"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("social") / "out")


@pytest.fixture(scope="module")
def published_example(tmp_path_factory):
    return build_published_example(tmp_path_factory.mktemp("publish") / "out")


def duplicated_tags(head) -> list[str]:
    """Names given twice; Open Graph's arrays (one tag per tag, per author) may repeat."""
    counts = Counter(key for key, _ in head.properties + head.names)
    return [key for key, count in counts.items() if count > 1 and key not in ("article:tag", "article:author")]


def test_no_page_repeats_a_tag(site):
    for page in site.html_files():
        head = read_head(page.read_text(encoding="utf-8"))
        assert duplicated_tags(head) == [], page
        assert len(head.canonicals) == 1, page
        assert len([n for n, _ in head.names if n == "description"]) == 1, page


def test_review_open_graph_and_twitter(site):
    head = read_head(site.read("review/alien.html"))
    url = f"{SITEURL}/review/alien"
    assert head.canonicals == [url]
    assert head.prop("og:type") == "article"
    assert head.prop("og:title") == "Alien"
    assert head.prop("og:url") == url
    assert head.prop("og:site_name") == "Films & Friends"
    description = "Still the best haunted house in space & the scariest cat."
    assert head.prop("og:description") == head.name("description") == description
    assert head.prop("og:image") == f"{SITEURL}/assets/alien-og.png"
    assert (head.prop("og:image:width"), head.prop("og:image:height")) == ("120", "63")
    assert head.prop("og:image:alt") == "The Nostromo crew at the dinner table"
    assert head.prop("article:published_time") == "2025-01-10T00:00:00+00:00"
    assert head.prop("article:modified_time") is None  # only for a post with a `modified` date
    assert [v for k, v in head.properties if k == "article:author"] == [
        f"{SITEURL}/author/robbie.html",
        f"{SITEURL}/author/maggie-lee.html",
    ]
    assert [v for k, v in head.properties if k == "article:tag"] == ["horror", "1979", "criterion"]
    assert head.name("twitter:card") == "summary_large_image"
    assert head.name("twitter:image") == head.prop("og:image")
    assert head.name("twitter:image:alt") == "The Nostromo crew at the dinner table"


@pytest.mark.parametrize(
    ("path", "description"),
    [
        ("review/body-link.html", "The only IMDb title is in the body, written two ways."),  # synopsis
        ("news.html", "We moved to a new host. Nothing else changed, and every old link still works."),  # summary
        ("pages/about.html", "Who writes here."),
        ("index.html", "Reviews after midnight"),  # SITESUBTITLE
    ],
)
def test_description_falls_back_to_synopsis_then_summary(site, path, description):
    head = read_head(site.read(path))
    assert head.name("description") == head.prop("og:description") == description


def test_posts_without_an_image_get_a_small_card(site):
    head = read_head(site.read("news.html"))
    assert head.name("twitter:card") == "summary"
    assert head.prop("og:image") is None


@pytest.mark.parametrize(
    ("path", "title", "url"),
    [
        ("index.html", "Films & Friends", f"{SITEURL}/"),
        ("reviews/index.html", "All reviews", f"{SITEURL}/reviews/"),
        ("tag/horror.html", "Tag: horror", f"{SITEURL}/tag/horror.html"),
        ("pages/about.html", "About", f"{SITEURL}/pages/about.html"),
    ],
)
def test_index_pages_and_pages_are_websites(site, path, title, url):
    head = read_head(site.read(path))
    assert head.prop("og:type") == "website"
    assert head.prop("og:title") == title
    assert head.prop("og:url") == url and head.canonicals == [url]
    assert head.prop("article:published_time") is None


def test_markup_in_values_stays_text(site):
    html = site.read("review/script.html")
    head = read_head(html)
    assert head.prop("og:title") == head.name("twitter:title") == SCRIPT_TITLE
    assert head.prop("og:image:alt") == "</script><b>alt</b>"
    assert "<script>alert(1)" not in html and "<b>alt</b>" not in html


def test_without_siteurl_only_relative_safe_tags_are_written(build_site):
    result = build_site(
        FIXTURE / "content",
        THEME_TEMPLATES_OVERRIDES=FIXTURE_SETTINGS["THEME_TEMPLATES_OVERRIDES"],
        SITEURL="",
        RELATIVE_URLS=True,
        TIMEZONE="UTC",
        STATIC_PATHS=[],
    )
    head = read_head(result.read("review/alien.html"))
    assert head.canonicals == []
    assert head.prop("og:url") is None and head.prop("og:image") is None and head.name("twitter:image") is None
    assert head.prop("og:title") == "Alien" and head.name("twitter:card") == "summary"
    (review,) = head.of_type("Review")
    assert review["url"] == "/review/alien"  # resolved against the page by crawlers
    assert review["itemReviewed"]["image"] == "/assets/alien-og.png"


# --- feeds -------------------------------------------------------------------


def atom_entries(site, path="feeds/all.atom.xml") -> dict[str, ET.Element]:
    """Entries by link (feed titles lose anything that looks like a tag)."""
    root = ET.fromstring(site.read(path))
    return {e.find(f"{ATOM}link[@rel='alternate']").get("href"): e for e in root.iter(f"{ATOM}entry")}


def rss_items(site, path="feeds/all.rss.xml") -> dict[str, ET.Element]:
    root = ET.fromstring(site.read(path))
    return {i.findtext("link"): i for i in root.iter("item")}


def test_atom_entries_carry_image_and_rating(site):
    entry = atom_entries(site)[f"{SITEURL}/review/alien"]
    content = entry.findtext(f"{ATOM}content")
    summary = entry.findtext(f"{ATOM}summary")
    image = (
        f'<img src="{SITEURL}/assets/alien-og.png" alt="The Nostromo crew at the dinner table" width="120" height="63">'
    )
    assert summary is None  # a body shorter than a summary is given once, as content
    for text in (content,):
        assert text.startswith(f"<p>{image}</p><p>Rating: 4.5 out of 5</p>")
    (enclosure,) = [link for link in entry.iter(f"{ATOM}link") if link.get("rel") == "enclosure"]
    size = (FIXTURE / "content" / "assets" / "alien-og.png").stat().st_size
    assert enclosure.attrib == {
        "rel": "enclosure",
        "href": f"{SITEURL}/assets/alien-og.png",
        "length": str(size),
        "type": "image/png",
    }


def test_rss_items_carry_image_and_rating(site):
    items = rss_items(site)
    alien = items[f"{SITEURL}/review/alien"]
    script = items[f"{SITEURL}/review/script"]
    assert "<p>Rating: 4.5 out of 5</p>" in alien.findtext("description")
    assert f'<img src="{SITEURL}/assets/alien-og.png"' in alien.findtext("description")
    assert alien.find("enclosure").get("url") == f"{SITEURL}/assets/alien-og.png"
    assert alien.find("enclosure").get("type") == "image/png"
    assert "<p>Rating: 0 out of 5</p>" in script.findtext("description")
    assert 'alt="&lt;/script&gt;&lt;b&gt;alt&lt;/b&gt;"' in script.findtext("description")  # alt escaped


def test_feed_entries_without_rating_or_image_are_untouched(site):
    items = rss_items(site)
    for path in ("unrated-thoughts.html", "news.html"):
        item = items[f"{SITEURL}/{path}"]
        assert "Rating:" not in item.findtext("description")
        assert item.find("enclosure") is None
        assert not item.findtext("description").startswith("<p><img")


# --- the example site, as published -------------------------------------------


@needs_theme
def test_example_site_social_tags(published_example):
    from conftest import EXAMPLE_CONTENT

    for page in published_example.html_files():
        if "theme" in page.relative_to(published_example.output).parts:
            continue
        head = read_head(page.read_text(encoding="utf-8"))
        where = page.relative_to(published_example.output)
        assert duplicated_tags(head) == [], where
        assert len(head.canonicals) == 1 and head.canonicals[0].startswith(EXAMPLE_URL + "/"), where
        assert head.prop("og:url") == head.canonicals[0], where
        assert head.prop("og:title") and head.prop("og:type") in {"article", "website"}, where
        assert head.name("description"), where
        # Every page has a card image: its own, or the site's (REVIEWS_SOCIAL_IMAGE).
        assert (head.prop("og:image") or "").startswith(EXAMPLE_URL + "/assets/"), where
        assert head.name("twitter:card") == "summary_large_image", where
    by_title = {}
    for page in published_example.html_files():
        head = read_head(page.read_text(encoding="utf-8"))
        if head.prop("og:type") == "article":
            by_title[head.prop("og:title")] = head
    for path in sorted((EXAMPLE_CONTENT / "reviews").glob("*.md")):
        head = by_title[str(front_matter(path)["title"])]
        assert head.prop("og:image").startswith(EXAMPLE_URL + "/assets/"), path
        assert int(head.prop("og:image:width")) > 0 and int(head.prop("og:image:height")) > 0, path
        assert head.prop("og:image:alt"), path
        assert head.name("twitter:card") == "summary_large_image", path
        assert head.name("twitter:image:alt"), path
        tags = [v for k, v in head.properties if k == "article:tag"]
        assert len(tags) == len(set(tags)) >= 1, path


def test_example_feeds_show_every_rating(published_example):
    from conftest import EXAMPLE_CONTENT

    expected = {}
    for path in sorted((EXAMPLE_CONTENT / "reviews").glob("*.md")):
        meta = front_matter(path)
        expected[str(meta["title"])] = f"{float(meta['rating']):g}"
    atom = {e.findtext(f"{ATOM}title"): e for e in atom_entries(published_example).values()}
    rss = {i.findtext("title"): i for i in rss_items(published_example).values()}
    assert set(expected) <= set(atom) and set(expected) <= set(rss)
    for title, rating in expected.items():
        for part in ("content", "summary"):  # the example's reviews are long enough for a summary
            assert f"<p>Rating: {rating} out of 5</p>" in atom[title].findtext(f"{ATOM}{part}"), (title, part)
        assert f"<p>Rating: {rating} out of 5</p>" in rss[title].findtext("description"), title
        assert rss[title].find("enclosure").get("url").startswith(EXAMPLE_URL + "/assets/"), title
        assert int(rss[title].find("enclosure").get("length")) > 0, title


def test_example_without_siteurl_builds_social_tags_it_can(example_build):
    head = read_head(example_build.read("review/red-rooms.html"))
    assert head.prop("og:title") == "Red Rooms"
    assert head.prop("og:image") is None  # needs an absolute SITEURL (publishconf.py)
    assert [b["@type"] for b in head.jsonld] == ["Review"]


@pytest.mark.parametrize(
    ("siteurl", "link"),
    [
        ("https://films.example", "https://films.example/review/alien"),
        ("https://films.example/", "https://films.example/review/alien?ref=feed"),  # FEED_APPEND_REF
        ("https://films.example", "https://films.example/review/caf%C3%A9"),  # iri_to_uri
        ("", "review/alien"),
        ("", "/review/alien"),
    ],
)
def test_feed_items_find_their_article(siteurl, link):
    from types import SimpleNamespace

    from pelican_reviews import feeds

    articles = [SimpleNamespace(url="review/alien"), SimpleNamespace(url="review/café")]
    found = feeds.articles_by_link(articles, siteurl).get(feeds.link_key(link))
    assert found is not None and found.url.startswith("review/")
    assert found.url.endswith(link.rsplit("/", 1)[-1].split("?")[0].replace("caf%C3%A9", "café"))


@pytest.mark.parametrize(
    ("rating", "image", "prefix"),
    [
        (4.5, None, "<p>Rating: 4.5 out of 5</p>"),
        (None, "assets/a.jpg", '<p><img src="https://f.example/assets/a.jpg" alt="A &amp; B"></p>'),
        (
            0.0,
            "https://cdn.example/a.jpg",
            '<p><img src="https://cdn.example/a.jpg" alt="A &amp; B"></p><p>Rating: 0 out of 5</p>',
        ),
        (None, None, ""),
    ],
)
def test_feed_item_changes(rating, image, prefix):
    from pelican_reviews import feeds
    from pelican_reviews.model import Review, ReviewImage

    review = Review(rating=rating, social_image=ReviewImage(image, "A & B") if image else None)
    item = {"content": "<p>Body</p>", "description": None, "enclosures": ()}
    changes = feeds.item_changes(item, review, "https://f.example")
    assert changes.get("content", "<p>Body</p>") == prefix + "<p>Body</p>"
    assert "description" not in changes  # an Atom entry without a separate summary stays so
    if image:
        (enclosure,) = changes["enclosures"]
        assert (enclosure.url.endswith("/a.jpg"), enclosure.mime_type, enclosure.length) == (True, "image/jpeg", "0")
    else:
        assert "enclosures" not in changes


def test_pages_without_an_image_show_the_site_card(published_example):
    card = EXAMPLE_URL + "/assets/images/site/late-show-reviews-og.jpg"
    for page in ("index.html", "index2.html", "reviews/index.html", "pages/about.html", "tags.html"):
        head = read_head(published_example.read(page))
        assert head.prop("og:image") == card, page
        assert (head.prop("og:image:width"), head.prop("og:image:height")) == ("1200", "630"), page
        assert head.prop("og:image:alt") == "Late Show Reviews", page
    assert (published_example.output / "assets/images/site/late-show-reviews-og.jpg").is_file()
    review = read_head(published_example.read("review/red-rooms.html"))
    assert review.prop("og:image") == EXAMPLE_URL + "/assets/images/review/red-rooms/red-rooms-gof-og.jpg"
    # A later page of a list is named so, as its <title> is.
    assert read_head(published_example.read("index2.html")).prop("og:title") == "Late Show Reviews · Page 2"
