"""pelican-reviews beside pelican-seo and pelican-sitemap: no tag twice, nothing lost.

pelican-seo's HTML enhancer writes a canonical link, BreadcrumbList and Article
JSON-LD, and (when switched on) Open Graph and ``twitter:card`` tags into
article and page files after they are written. Our partials see it with
Pelican's ``plugin_enabled`` test and leave those tags to it.
"""

from __future__ import annotations

import json
import weakref
import xml.etree.ElementTree as ET
from collections import Counter

import blinker
import pytest
from test_social_and_feeds import duplicated_tags
from test_structured_data import FIXTURE, FIXTURE_SETTINGS, SITEURL, build_published_example, needs_theme, read_head

# pelican-seo 1.4 calls locale.getdefaultlocale(), deprecated in Python 3.11.
pytestmark = pytest.mark.filterwarnings("ignore:'locale.getdefaultlocale' is deprecated:DeprecationWarning")

SEO_FULL = {
    "SEO_REPORT": False,
    "SEO_ENHANCER": True,
    "SEO_ENHANCER_OPEN_GRAPH": True,
    "SEO_ENHANCER_TWITTER_CARDS": True,
    # pelican-seo's Article schema needs every page to have an author
    "AUTHOR": "robbie",
}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def disconnect_other_plugins():
    """Pelican never disconnects a plugin's signal handlers: without this,
    pelican-seo and pelican-sitemap would stay on for every later build in
    the test session (pelican-seo even stops builds that have no SITEURL)."""
    from pelican.plugins import signals as pelican_signals

    signals = [s for s in vars(pelican_signals).values() if isinstance(s, blinker.Signal)]
    before = {id(s): set(s.receivers) for s in signals}
    yield
    for signal in signals:
        for key in set(signal.receivers) - before[id(signal)]:
            ref = signal.receivers.get(key)
            receiver = ref() if isinstance(ref, weakref.ref) else ref
            if receiver is not None and not getattr(receiver, "__module__", "").startswith("pelican_reviews"):
                signal.disconnect(receiver)


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """pelican-seo writes seo_report.html into the working directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def heads(result, skip=()):
    """``(path, Head)`` for every HTML page the site wrote (theme files aside)."""
    found = []
    for page in result.html_files():
        relative = page.relative_to(result.output)
        if "theme" not in relative.parts and relative.as_posix() not in skip:
            found.append((relative, read_head(page.read_text(encoding="utf-8"))))
    return found


@pytest.mark.parametrize("name", ["seo", "pelican.plugins.seo"])
def test_with_seo_enhancer_every_tag_appears_once(build_site, in_tmp, name):
    result = build_site(FIXTURE / "content", PLUGINS=["pelican_reviews", name], **FIXTURE_SETTINGS, **SEO_FULL)
    assert result.warning_messages == []
    # pelican-seo 1.4 writes its JSON-LD unescaped: the "</script>" title breaks
    # out of *its* Article block there, so that page is checked on its own below.
    pages = heads(result, skip={"review/script.html"})
    assert len(pages) > 10
    for where, head in pages:
        assert duplicated_tags(head) == [], where
        assert len(head.canonicals) == 1, where
        assert len([n for n, _ in head.names if n == "description"]) == 1, where
        posts = [b for b in head.jsonld if b.get("@type") in ("Article", "BlogPosting")]
        assert len(posts) <= 1, where
        assert len(head.of_type("Review")) <= 1, where
    review = read_head(result.read("review/alien.html"))
    # Ours stay where pelican-seo has nothing to say ...
    assert [b["@type"] for b in review.jsonld].count("Review") == 1
    assert review.prop("article:published_time") and review.name("twitter:image:alt")
    assert review.name("twitter:card") == "summary"  # ... and its card wins where it has.
    script_page = result.read("review/script.html")
    ours = script_page.split('<script type="application/ld+json">', 1)[1].split("</script", 1)[0]
    assert json.loads(ours)["@type"] == "Review"  # our block stays whole beside pelican-seo's
    # Pages it does not touch keep our full set.
    home = read_head(result.read("index.html"))
    assert home.canonicals == [f"{SITEURL}/"] and home.prop("og:title") == "Films & Friends"


def test_with_seo_report_only_our_tags_are_the_only_tags(build_site, in_tmp):
    result = build_site(
        FIXTURE / "content", PLUGINS=["pelican_reviews", "pelican.plugins.seo"], **FIXTURE_SETTINGS, AUTHOR="robbie"
    )
    assert (in_tmp / "seo_report.html").is_file()  # pelican-seo ran
    head = read_head(result.read("review/alien.html"))
    assert head.canonicals == [f"{SITEURL}/review/alien"]
    assert head.prop("og:image") == f"{SITEURL}/assets/alien-og.png"
    assert head.name("twitter:card") == "summary_large_image"
    assert [b["@type"] for b in head.jsonld] == ["Review"]


def test_sitemap_lists_reviews_and_the_reviews_index(build_site, in_tmp):
    result = build_site(FIXTURE / "content", PLUGINS=["pelican_reviews", "sitemap"], **FIXTURE_SETTINGS)
    assert result.warning_messages == []
    root = ET.fromstring(result.read("sitemap.xml"))
    locs = {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")}
    assert {f"{SITEURL}/review/alien", f"{SITEURL}/review/body-link", f"{SITEURL}/reviews/"} <= locs
    head = read_head(result.read("review/alien.html"))
    assert [b["@type"] for b in head.jsonld] == ["Review"] and head.prop("og:title") == "Alien"


@needs_theme
def test_example_site_with_seo_and_sitemap(in_tmp):
    result = build_published_example(in_tmp / "out", PLUGINS=["pelican_reviews", "seo", "sitemap"], **SEO_FULL)
    assert (result.output / "sitemap.xml").is_file()
    reviews = 0
    for page, head in heads(result):
        assert duplicated_tags(head) == [], page
        assert len(head.canonicals) == 1, page
        counts = Counter(b.get("@type") for b in head.jsonld)
        assert counts["Review"] <= 1 and counts["Article"] + counts["BlogPosting"] <= 1, page
        reviews += counts["Review"]
    assert reviews == 11
