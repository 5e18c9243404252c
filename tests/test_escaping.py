"""An XSS payload in every front-matter field and in a file name runs nowhere.

tests/fixtures/xss_site holds a YAML and a Key: value review whose every
field (and one file name) carries markup; the real build with the bundled
theme, structured data and both feeds must show it only as text.
"""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import pelican_reviews

FIXTURE = Path(__file__).parent / "fixtures" / "xss_site" / "content"
RAW_MARKUP = ("<script>alert", "<img src=x", "<svg onload")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "content", "srcset")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import build_site

    return build_site(
        FIXTURE, tmp_path_factory.mktemp("xss") / "out",
        THEME=pelican_reviews.THEME_PATH, SITEURL="https://films.example", TIMEZONE="UTC",
        FEED_DOMAIN="https://films.example", FEED_ALL_ATOM="feeds/all.atom.xml", FEED_ALL_RSS="feeds/all.rss.xml",
        AUTHOR_FEED_ATOM=None, AUTHOR_FEED_RSS=None, CATEGORY_FEED_ATOM=None, TRANSLATION_FEED_ATOM=None,
    )


def text_files(site):
    return [p for p in site.output.rglob("*") if p.suffix in (".html", ".xml", ".json", ".js") and p.is_file()]


def assert_inert(html: str, where: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: <{tag.name} {name}>"
            values = value if isinstance(value, list) else [value]
            if name.lower() in URL_ATTRIBUTES:
                for item in values:
                    assert not str(item).strip().lower().startswith(("javascript:", "data:text")), f"{where}: {name}={item}"
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            json.loads(script.string)  # a closed-early block would not parse
        else:
            assert script.get("src", "").startswith(("https://films.example/theme/js/", "../theme/js/", "theme/js/")), where
            assert not script.string or not script.string.strip(), f"{where}: inline script"
    assert not soup.find_all(["svg", "iframe", "object", "embed"]) or all(
        t.name == "svg" and t.get("aria-hidden") == "true" for t in soup.find_all(["svg", "iframe", "object", "embed"])
    ), where


def test_the_payload_posts_are_built(site):
    pages = [p.read_text(encoding="utf-8") for p in site.output.rglob("*.html")]
    assert sum("Body text with a" in page for page in pages) >= 1
    assert sum("Native body." in page for page in pages) >= 1


def test_no_raw_markup_from_content_in_any_output_file(site):
    for path in text_files(site):
        text = path.read_text(encoding="utf-8")
        for markup in RAW_MARKUP:
            assert markup not in text, f"{path.relative_to(site.output)} holds {markup!r} unescaped"


def test_every_page_is_inert(site):
    for path in site.output.rglob("*.html"):
        assert_inert(path.read_text(encoding="utf-8"), str(path.relative_to(site.output)))


def test_payload_survives_as_text_where_it_is_shown(site):
    # the slug comes from the file name, markup and all, made safe
    soup = BeautifulSoup(site.read("x-svg-onload-alert-3.html"), "html.parser")
    assert '"><script>alert(1)</script>' in soup.find("h1").get_text()
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    assert any('<script>alert(1)</script>' in json.dumps(block, ensure_ascii=False) for block in blocks)


@pytest.mark.parametrize("feed", ["feeds/all.atom.xml", "feeds/all.rss.xml"])
def test_feeds_parse_and_their_html_is_inert(site, feed):
    root = ET.parse(site.output / feed).getroot()
    html_parts = [el.text or "" for el in root.iter() if el.tag.split("}")[-1] in ("content", "summary", "description")]
    assert html_parts
    for part in html_parts:
        assert_inert(part, feed)
        for markup in RAW_MARKUP:
            assert markup not in part, f"{feed} entry HTML holds {markup!r}"
