"""The bundled theme, judged on real builds by what a reader notices.

Most tests read the example site (``example_build`` from conftest, built once
per session with example_site/pelicanconf.py); the rest read
tests/fixtures/theme_site, built here with comments, period archives, an
accent colour and a title that tries to inject a <script>.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

import pelican_reviews

ROOT = Path(__file__).resolve().parent.parent
THEME = Path(pelican_reviews.THEME_PATH)
FIXTURE = Path(__file__).parent / "fixtures" / "theme_site"

SEED = "review/red-rooms.html"
SEED_URL = "review/red-rooms"
SYNOPSIS_START = "The high-profile case of serial killer Ludovic Chevalier has just gone to trial"
WATCH_URL = "https://www.youtube.com/watch?v=r1sj0OFXbkE"
ESCAPE_TITLE = '<script>alert("owned")</script> & Co'
GISCUS = {"repo": "me/site", "repo_id": "R_1", "category": "Comments", "category_id": "DIC_1"}
FIXTURE_SETTINGS = {
    "THEME": pelican_reviews.THEME_PATH,
    "TIMEZONE": "UTC",
    "SITEURL": "https://films.example",
    "RELATIVE_URLS": False,
    "DEFAULT_PAGINATION": 2,
    "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
    "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
    "MENUITEMS": [("Reviews", "/reviews/")],
    "SOCIAL": [("Letterboxd", "https://letterboxd.com/example")],
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
}

# Pelican's DIRECT_TEMPLATES and content templates, plus the plugin's two.
PELICAN_TEMPLATES = [
    "index", "article", "page", "tags", "tag", "categories", "category",
    "authors", "author", "archives", "period_archives",
]


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup(site.read(path), "html.parser")


def pages(site):
    """(relative path, soup) for every HTML file of a build."""
    for path in site.html_files():
        yield path.relative_to(site.output).as_posix(), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def is_local(url: str) -> bool:
    return not re.match(r"^([a-z][a-z0-9+.-]*:)?//", url, re.I) and not url.lower().startswith(("http:", "https:"))


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    from conftest import build_site

    out = tmp_path_factory.mktemp("theme_site") / "out"
    return build_site(FIXTURE / "content", out, REVIEWS_GISCUS=GISCUS, THEME_ACCENT="#0b5fff", **FIXTURE_SETTINGS)


@pytest.fixture(scope="module")
def disqus_site(tmp_path_factory):
    from conftest import build_site

    out = tmp_path_factory.mktemp("theme_disqus") / "out"
    return build_site(FIXTURE / "content", out, DISQUS_SITENAME="latefilms", **FIXTURE_SETTINGS)


@pytest.fixture(scope="module")
def seed(example_build):
    return soup(example_build, SEED)


# ---------------------------------------------------------------- the theme's files


@pytest.mark.parametrize("name", PELICAN_TEMPLATES + ["review", "reviews", "base"])
def test_theme_has_a_template_for_every_page_pelican_writes(name):
    assert (THEME / "templates" / f"{name}.html").is_file()


@pytest.mark.parametrize("name", ["extend_head.html", "extend_footer.html"])
def test_hook_partials_render_nothing(name):
    from jinja2 import Environment

    source = (THEME / "templates" / name).read_text(encoding="utf-8")
    assert Environment().from_string(source).render().strip() == ""


def test_one_stylesheet_with_design_tokens_and_one_dark_block():
    css_files = list((THEME / "static").rglob("*.css"))
    assert [p.name for p in css_files] == ["style.css"]
    css = css_files[0].read_text(encoding="utf-8")
    root = re.search(r":root\s*\{(.*?)\}", css, re.S).group(1)
    for token in ("--bg", "--text", "--accent", "--star", "--sans", "--serif"):
        assert f"{token}:" in root
    assert len(re.findall(r"prefers-color-scheme\s*:\s*dark", css)) == 1
    assert "@media print" in css
    assert "@font-face" not in css and "@import" not in css and "url(" not in css


def test_example_site_builds_without_warnings(example_build):
    assert example_build.warning_messages == []


# ---------------------------------------------------------------- review page


def test_hero_image_reserves_its_space(seed):
    hero = seed.select_one("img.review-image")
    assert hero is not None
    assert int(hero["width"]) > 0 and int(hero["height"]) > 0
    assert hero["alt"].strip()
    assert hero.get("loading") != "lazy"


def test_rating_shows_as_stars_and_reads_as_text(seed):
    rating = seed.select_one(".post-rating .review-stars")
    assert rating.select_one(".review-stars__text").get_text() == "4.5 out of 5"
    glyphs = rating.select_one(".review-stars__glyphs")
    assert glyphs["aria-hidden"] == "true"
    assert glyphs.get_text() == "★★★★½"  # what reads without styles
    assert rating["style"] == "--p:90.0%"  # how far the drawn stars are filled


def test_synopsis_is_set_apart_from_the_body(seed):
    synopsis = seed.select_one("section.synopsis")
    assert synopsis.get_text(" ", strip=True).startswith("Synopsis " + SYNOPSIS_START)
    assert SYNOPSIS_START not in seed.select_one(".prose").get_text()


def test_trailer_is_a_link_to_youtube_and_no_player_loads(seed):
    trailer = seed.select_one("figure.trailer[data-trailer]")
    link = trailer.select_one("a.trailer__link")
    assert link["href"] == WATCH_URL
    assert "trailer" in link.get_text().lower()
    assert trailer["data-embed"].startswith("https://www.youtube-nocookie.com/embed/r1sj0OFXbkE")
    assert trailer["data-title"] == "Trailer: Red Rooms"
    assert seed.find("iframe") is None
    poster = trailer.find("img")
    assert poster is not None and is_local(poster["src"]) and "ytimg" not in poster["src"]


def test_trailer_script_is_deferred_and_only_where_a_trailer_is(example_build, seed):
    scripts = [s["src"] for s in seed.find_all("script", src=True)]
    assert any(s.endswith("/theme/js/trailer.js") for s in scripts)
    assert all(s.has_attr("defer") for s in seed.find_all("script", src=True))
    post = soup(example_build, "my-2024-top-ten.html")
    assert not any("trailer.js" in s["src"] for s in post.find_all("script", src=True))


def test_author_date_tags_and_category(seed):
    byline = seed.select_one(".byline")
    assert "robbie" in byline.get_text()
    assert dt.datetime.fromisoformat(byline.time["datetime"]).date() == dt.date(2025, 3, 3)
    tags = [a.get_text() for a in seed.select('.post-footer a[rel="tag"]')]
    assert tags == ["2024", "blu-ray", "vinegar syndrome"]
    assert "film review" in seed.select_one(".post-footer").get_text()


def test_older_and_newer_reviews_and_related_cards(example_build, seed):
    nav = seed.select_one("nav.pager--reviews")
    prev, nxt = nav.select_one('a[rel="prev"]'), nav.select_one('a[rel="next"]')
    assert prev and nxt
    for link in (prev, nxt):
        target = urljoin(SEED, link["href"])
        assert (example_build.output / target).with_suffix(".html").is_file() or (example_build.output / target).is_file()
    related = seed.select("section.related article.review-card")
    assert related and all(card.select_one(".review-stars__text") for card in related)


def test_comments_are_absent_without_a_provider(example_build):
    for path, page in pages(example_build):
        assert page.select("#comments, .comments") == [], path
        assert not any("comments.js" in s["src"] for s in page.find_all("script", src=True)), path


# ---------------------------------------------------------------- home page


def _latest_links(page):
    return [a["href"] for a in page.select("section.latest article.review-card h3 a")]


def test_hidden_posts_are_left_out_of_the_home_list_but_kept_on_tag_pages(example_build, seed):
    home_pages = sorted(p for p in example_build.output.glob("index*.html"))
    listed = [href for p in home_pages for href in _latest_links(soup(example_build, p.name))]
    assert listed, "the home page lists no posts"
    assert not any(href.endswith(SEED_URL) for href in listed), "a hidden review is in the home page list"
    for tag_link in seed.select('.post-footer a[rel="tag"]'):
        tag_page = soup(example_build, urljoin(SEED, tag_link["href"]))
        assert any(a["href"].endswith(SEED_URL) for a in tag_page.select("article.review-card h2 a")), tag_link["href"]


def test_featured_area_is_on_the_first_home_page_only(example_build):
    first = soup(example_build, "index.html")
    featured = first.select("section.featured article.review-card")
    assert featured, "no featured reviews on the home page"
    assert any(card.select_one("a")["href"].endswith(SEED_URL) for card in featured)
    assert featured[0].img.get("loading") != "lazy"
    for later in sorted(example_build.output.glob("index?*.html")):
        assert soup(example_build, later.name).select("section.featured") == [], later.name


def test_cards_have_square_sized_images_stars_and_short_synopses(example_build):
    page = soup(example_build, "index.html")
    cards = page.select("article.review-card--review")
    assert cards
    for card in cards:
        img = card.select_one("img.review-card__image")
        assert int(img["width"]) == int(img["height"]) > 0
        assert card.select_one(".review-stars__text").get_text().endswith("out of 5")
        assert len(card.select_one(".review-card__synopsis").get_text()) <= 161
        assert card.select_one("time[datetime]")
    lazy = [card.img.get("loading") for card in page.select("section.latest article.review-card") if card.img]
    assert lazy and all(value == "lazy" for value in lazy)


def test_a_post_without_rating_gets_a_card_without_stars(example_build):
    cards = [c for p in example_build.output.glob("index*.html") for c in soup(example_build, p.name).select("article.review-card--post")]
    assert cards
    assert all(card.select(".review-stars") == [] for card in cards)


# ---------------------------------------------------------------- reviews index


def _review_pages(site):
    return [path for path, page in pages(site) if page.select_one("article.post--review")]


def test_reviews_index_lists_every_review_with_sort_keys(example_build):
    page = soup(example_build, "reviews/index.html")
    rows = page.select("ol.review-list > li.review-row")
    assert len(rows) == len(_review_pages(example_build))
    dates = [dt.datetime.fromisoformat(row["data-date"]) for row in rows]
    assert dates == sorted(dates, reverse=True), "without JavaScript the list is newest first"
    for row in rows:
        assert row["data-title"].strip()
        assert row["data-rating"] == "" or 0 <= float(row["data-rating"]) <= 5
    assert {row.a["href"] for row in rows} >= {"../" + SEED_URL}
    controls = page.select_one("[data-sort-controls]")
    assert controls.has_attr("hidden"), "sort buttons appear only once sort.js runs"
    assert sorted(b["data-sort"] for b in controls.select("button[data-sort]")) == ["date", "rating", "title"]
    assert any(s["src"].endswith("/theme/js/sort.js") and s.has_attr("defer") for s in page.find_all("script", src=True))


def test_rating_chart_reads_as_text(example_build):
    page = soup(example_build, "reviews/index.html")
    chart = page.select_one("section.chart")
    svg = chart.find("svg")
    assert svg["aria-hidden"] == "true"
    rows = page.select("li.review-row")
    expected = sum(1 for row in rows if row["data-rating"] == "4.5")
    text = [li.get_text() for li in chart.select("ul.visually-hidden li")]
    plural = "review" if expected == 1 else "reviews"
    assert f"4.5 stars: {expected} {plural}" in text
    assert len(svg.select("rect.chart__bar")) == len({row["data-rating"] for row in rows if row["data-rating"]})


# ---------------------------------------------------------------- every page


def test_nothing_is_loaded_from_another_host(example_build, fixture_site):
    loaded = {
        "script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src", "embed": "src",
    }
    for site in (example_build, fixture_site):
        for path, page in pages(site):
            for tag, attr in loaded.items():
                for el in page.find_all(tag):
                    if el.has_attr(attr):
                        url = el[attr]
                        assert is_local(url) or url.startswith(site.settings["SITEURL"] or "/"), f"{path}: {el}"
            for link in page.find_all("link", href=True):
                rel = set(link.get("rel", []))
                if rel & {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}:
                    url = link["href"]
                    assert url.startswith("data:") or is_local(url) or url.startswith(site.settings["SITEURL"] or "/"), f"{path}: {link}"
            for el in page.find_all(True):
                handlers = [a for a in el.attrs if a.lower().startswith("on")]
                assert handlers == [], f"{path}: inline event handler on <{el.name}>"


def test_every_image_has_alt_text(example_build, fixture_site):
    for site in (example_build, fixture_site):
        for path, page in pages(site):
            for img in page.find_all("img"):
                assert img.has_attr("alt"), f"{path}: {img}"
                if "trailer__poster" not in img.get("class", []):
                    assert img["alt"].strip(), f"{path}: {img}"


def test_landmarks_skip_link_language_and_one_h1(example_build):
    for path, page in pages(example_build):
        assert page.html.get("lang"), path
        skip = page.select_one("a.skip-link")
        assert skip and skip["href"] == "#main", path
        main = page.find("main")
        assert main and main.get("id") == "main", path
        assert page.find("header", class_="site-header") and page.find("footer", class_="site-footer"), path
        assert page.select_one('nav[aria-label="Main"]'), path
        assert len(page.find_all("h1")) == 1, path
        ids = [el["id"] for el in page.find_all(id=True)]
        assert len(ids) == len(set(ids)), f"{path}: duplicate ids"


def test_every_time_element_has_a_valid_datetime(example_build):
    for path, page in pages(example_build):
        for time in page.find_all("time"):
            dt.datetime.fromisoformat(time["datetime"])


def test_meta_description_is_the_review_description_or_the_subtitle(example_build):
    seed_meta = soup(example_build, SEED).find_all("meta", attrs={"name": "description"})
    assert len(seed_meta) == 1 and seed_meta[0]["content"].startswith(SYNOPSIS_START[:40])
    about = soup(example_build, "pages/about.html").find_all("meta", attrs={"name": "description"})
    assert len(about) == 1 and about[0]["content"]


def test_site_relative_menu_links_follow_the_page(example_build, seed):
    assert seed.select_one('nav[aria-label="Main"] a')["href"] == "../reviews/"
    reviews = soup(example_build, "reviews/index.html")
    current = reviews.select_one('nav[aria-label="Main"] a[aria-current="page"]')
    assert current is not None and current.get_text() == "Reviews"


def test_accent_style_only_when_set(example_build, fixture_site):
    assert soup(example_build, "index.html").head.find("style") is None
    style = soup(fixture_site, "index.html").head.find("style")
    assert style is not None and style.get_text() == ":root{--accent:#0b5fff}"


def test_period_archive_pages_render(fixture_site):
    page = soup(fixture_site, "2025/index.html")
    assert page.h1.get_text(strip=True) == "2025"
    assert page.select("ol.archive-list li")


# ---------------------------------------------------------------- escaping


def test_a_script_title_is_shown_as_text_everywhere(fixture_site):
    for path, page in pages(fixture_site):
        for script in page.find_all("script"):
            assert "alert(" not in script.get_text() or script.get("type") == "application/ld+json", path
            if script.get("type") == "application/ld+json":
                assert "</script" not in script.get_text().lower()
    review = soup(fixture_site, "review/escape.html")
    assert review.h1.get_text() == ESCAPE_TITLE
    assert review.title.get_text().startswith(ESCAPE_TITLE)
    assert review.select_one("img.review-image")["alt"] == ESCAPE_TITLE
    assert review.select_one("section.synopsis p").get_text() == 'A title that tries <b>markup</b> & a "quote" must come out as text.'
    assert review.select_one("figure.trailer")["data-title"] == "Trailer: " + ESCAPE_TITLE
    tag = soup(fixture_site, "tag/escaping.html")
    assert ESCAPE_TITLE in [a.get_text() for a in tag.select("article.review-card h2 a")]
    index = soup(fixture_site, "reviews/index.html")
    assert ESCAPE_TITLE in [a.get_text() for a in index.select("li.review-row a")]


# ---------------------------------------------------------------- comments


def test_giscus_comments_wait_for_a_click(fixture_site):
    page = soup(fixture_site, "review/escape.html")
    section = page.select_one("section#comments")
    assert section["data-comments"] == "giscus"
    assert json.loads(section["data-giscus"]) == GISCUS
    button = section.select_one("button[data-comments-load]")
    assert button.get_text() == "Show comments" and button.has_attr("hidden")
    assert not any("giscus" in s.get("src", "") for s in page.find_all("script"))
    assert any(s["src"].endswith("/theme/js/comments.js") and s.has_attr("defer") for s in page.find_all("script", src=True))


def test_comments_false_means_no_comments(fixture_site, disqus_site):
    for site in (fixture_site, disqus_site):
        page = soup(site, "review/quiet.html")
        assert page.select("#comments, .comments") == []
        assert not any("comments.js" in s["src"] for s in page.find_all("script", src=True))


def test_disqus_comments_wait_for_a_click(disqus_site):
    page = soup(disqus_site, "review/loud.html")
    section = page.select_one("section#comments")
    assert section["data-comments"] == "disqus"
    assert section["data-shortname"] == "latefilms"
    assert section["data-url"] == "https://films.example/review/loud"
    assert section.select_one("#disqus_thread") is not None
    assert not any("disqus" in s.get("src", "") for s in page.find_all("script"))


# ---------------------------------------------------------------- small things a reader sees


def test_film_details_unrated_reviews_and_imdb_link(fixture_site):
    loud = soup(fixture_site, "review/loud.html")
    assert loud.select_one(".film-line").get_text() == "Dir. Ann Example, Bo Sample · 2021"
    assert loud.select_one(".post-footer__imdb a")["href"] == "https://www.imdb.com/title/tt0000001/"
    unrated = soup(fixture_site, "review/unrated.html")
    assert unrated.select("article.post .review-stars") == []  # related cards below keep their own stars
    index = soup(fixture_site, "reviews/index.html")
    row = next(r for r in index.select("li.review-row") if "Not Yet Rated" in r.get_text())
    assert row["data-rating"] == ""
    assert "Not rated" in row.get_text()


def test_hidden_featured_review_is_featured_but_not_listed(fixture_site):
    home = soup(fixture_site, "index.html")
    assert "Quiet Night" in [a.get_text() for a in home.select("section.featured h3 a")]
    listed = [a.get_text() for p in fixture_site.output.glob("index*.html") for a in soup(fixture_site, p.name).select("section.latest h3 a")]
    assert "Quiet Night" not in listed and "Site news" in listed
