"""The README's notmyidea recipe, built for real: cards and stars in Pelican's own theme.

tests/fixtures/notmyidea_site/templates holds exactly the two templates that
the README shows; the first test keeps them in step.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "notmyidea_site"
DOCS = ROOT / "README.md"
SETTINGS = {
    "THEME": "notmyidea",
    "THEME_TEMPLATES_OVERRIDES": [str(FIXTURE / "templates")],
    "SITEURL": "https://films.example",
    "RELATIVE_URLS": False,
    "TIMEZONE": "UTC",
}


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup(site.read(path), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import build_site

    return build_site(FIXTURE / "content", tmp_path_factory.mktemp("notmyidea") / "out", **SETTINGS)


def _docs_snippet(name: str) -> str:
    """The ```jinja block that follows the line naming ``templates/<name>`` in the docs."""
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(rf"`templates/{re.escape(name)}`[^\n]*\n+```jinja\n(.*?)```", text, re.S)
    assert match, f"README.md shows no templates/{name}"
    return match.group(1)


@pytest.mark.parametrize("name", ["index.html", "article.html"])
def test_fixture_templates_are_exactly_the_documented_snippets(name):
    assert (FIXTURE / "templates" / name).read_text(encoding="utf-8") == _docs_snippet(name)


def test_builds_without_warnings(site):
    assert site.warning_messages == []


def test_home_page_shows_a_card_per_post(site):
    page = soup(site, "index.html")
    cards = page.select(".review-cards > article.review-card")
    titles = [card.select_one(".review-card__title a").get_text() for card in cards]
    assert titles == ["Site news", "Alien", "Heat"]


def test_review_cards_carry_stars_rating_text_and_image(site):
    page = soup(site, "index.html")
    heat = next(c for c in page.select("article.review-card") if "Heat" in c.get_text())
    assert heat.select_one(".review-stars__text").get_text() == "4.5 out of 5"
    glyphs = heat.select_one(".review-stars__glyphs")
    assert glyphs["aria-hidden"] == "true"
    assert glyphs.get_text() == "★★★★½"
    img = heat.select_one("img.review-card__image")
    assert img["alt"] == "Two men facing each other across a diner table"
    assert (img["width"], img["height"]) == ("64", "64")
    assert img["src"] == "https://films.example/images/heat-sq.png"
    assert heat.select_one(".review-card__title a")["href"] == "https://films.example/review/heat"
    alien = next(c for c in page.select("article.review-card") if "Alien" in c.get_text())
    assert alien.select_one(".review-stars").get_text() == "★★★☆☆ 3 out of 5"


def test_post_without_rating_gets_a_card_without_stars(site):
    page = soup(site, "index.html")
    news = next(c for c in page.select("article.review-card") if "Site news" in c.get_text())
    assert "review-card--post" in news["class"]
    assert news.select(".review-stars") == []
    assert news.select_one(".review-card__synopsis").get_text().startswith("A plain post")


def test_styles_partial_is_in_the_head(site):
    head = soup(site, "index.html").head
    assert any(".review-card" in style.get_text() for style in head.find_all("style"))


def test_rated_post_page_shows_stars_and_a_trailer_link(site):
    page = soup(site, "review/heat.html")
    assert page.select_one(".review-stars__text").get_text() == "4.5 out of 5"
    link = page.select_one("figure.trailer a.trailer__link")
    assert link["href"] == "https://www.youtube.com/watch?v=aBcDeFgHiJk"
    assert page.find("iframe") is None
    # notmyidea's own article still follows.
    assert page.select_one("h1.entry-title").get_text(strip=True) == "Heat"


def test_post_without_rating_page_has_no_stars(site):
    page = soup(site, "site-news.html")
    assert page.select(".review-stars") == []
    assert page.select_one("h1.entry-title").get_text(strip=True) == "Site news"
