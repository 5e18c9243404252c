"""Mistakes bloggers really make, in whole builds: each post still builds,
and the warning names the file, the field and what was done instead."""

import logging
import re

import pytest
from PIL import Image

from conftest import build_site
import pelican_reviews
from pelican_reviews import lint

SETTINGS = {"THEME": pelican_reviews.THEME_PATH, "TIMEZONE": "UTC", "SITEURL": "https://films.example", "FEED_ALL_ATOM": "feeds/all.atom.xml",
                   "FEED_DOMAIN": "https://films.example"}

# file name -> (file bytes, a phrase its page must show, where the page is written)
POSTS = {
    "reviews/2025-03-01-impossible-date.md": (
        b"---\ntitle: Impossible Date\ndate: 2025-02-30\nrating: 3\n---\nmarker-impossible\n",
        "impossible-date.html",
    ),
    "reviews/no-date-in-name.md": (
        b"---\ntitle: Sometime\ndate: sometime in March\nrating: 3\n---\nmarker-sometime\n",
        "sometime.html",  # Pelican reads this block: the slug comes from the title
    ),
    "reviews/2025-03-02-pelican-keys.md": (
        b"---\ntitle: Pelican Keys\nsummary: [a, b]\nmodified: 2025-03-05\nstatus: yes\nlang: [en]\n---\nmarker-keys\n",
        "pelican-keys.html",
    ),
    "reviews/2025-03-03-summary-number.md": (b"---\ntitle: Summary Number\nsummary: 42\n---\nmarker-number\n",
                                             "summary-number.html"),
    "reviews/2025-03-04-native-bad-date.md": (b"Title: Native Bad Date\nDate: next tuesday\nRating: 3\n\nmarker-native\n",
                                              "native-bad-date.html"),
    "reviews/2025-03-05-cafe.md": ("---\ntitle: \"Café Society\"\nrating: 3\n---\nmarker-cafe naïve\n".encode("cp1252"),
                                   "cafe.html"),
    "reviews/2025-03-06-index.md": (b"---\nlayout: review\ntitle: Index Card\nrating: 3\n---\nmarker-index\n", "2025-03-06-index.html"),
    "reviews/2025-03-07-unclosed.md": (b"---\nTitle: Unclosed\nRating: 4\n\nmarker-unclosed\n", "unclosed.html"),
    "reviews/2025-03-08-script-links.md": (
        b"---\ntitle: Script Links\nsummary: \"[x](javascript:alert(2))\"\n---\n[click](javascript:alert(1)) marker-script\n",
        "script-links.html",
    ),
    "reviews/2025-03-09-multi-line.md": (
        b"Title: Multi Line\nRating: 4\nSynopsis: A long synopsis that\n    continues on a second line.\n\nmarker-multi\n",
        "multi-line.html",
    ),
    "reviews/2025-03-10-phd.md": (b"---\ntitle: Doctor\nauthor: \"Strangelove, PhD\"\n---\nmarker-phd\n", "phd.html"),
    "reviews/_drafts/unfinished.md": (b"---\ntitle: Unfinished\nrating: 2\n---\nmarker-draft\n", "drafts/unfinished.html"),
    "reviews/2025-03-11-spaced.md": (
        b"---\ntitle: Spaced\ncategories: [\"film review\"]\npermalink: /:categories/:title/\nrating: 4\n"
        b"square-image: \"assets/img/my poster.png?v=2\"\n---\nmarker-spaced\n",
        "film review/spaced/index.html",
    ),
}


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory):
    root = tmp_path_factory.mktemp("mistakes")
    content = root / "content"
    for name, (data, _page) in POSTS.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (content / "assets/img").mkdir(parents=True)
    Image.new("RGB", (60, 60), "darkred").save(content / "assets/img/my poster.png")
    return content, build_site(content, root / "output", **SETTINGS)


def warnings_about(site, name):
    return [m for m in site.warning_messages if name in m]


def test_the_build_loses_no_post(mistakes):
    _content, site = mistakes
    pages = {p.relative_to(site.output).as_posix(): p.read_text(encoding="utf-8") for p in site.html_files()}
    for name, (data, page) in POSTS.items():
        marker = next(word for word in data.decode("cp1252").split() if word.startswith("marker-"))
        assert page in pages, f"{name}: no {page} in {sorted(pages)}"
        assert marker in pages[page], f"{name}: {page} lacks its body"
    assert not [r for r in site.records if r.levelno >= logging.CRITICAL]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("impossible-date.md", ["date", "'2025-02-30'", "using the date in the file name"]),
        ("no-date-in-name.md", ["date", "'sometime in March'", "using the file's date"]),
        ("pelican-keys.md", ["summary", "status", "lang"]),
        ("native-bad-date.md", ["date", "'next tuesday'", "using the date in the file name"]),
        ("cafe.md", ["is not UTF-8", "Windows-1252"]),
        ("index.md", ["the site's index page", "index.html"]),
        ("unclosed.md", ["never closed", "Pelican 'Key: value' metadata"]),
        ("script-links.md", ["javascript:alert(1)", "javascript:alert(2)", "made inert"]),
    ],
)
def test_each_mistake_is_named(mistakes, name, words):
    _content, site = mistakes
    said = " | ".join(warnings_about(site, name))
    for word in words:
        assert word in said, f"{name}: {word!r} not in {said!r}"


def test_what_was_done_instead(mistakes):
    _content, site = mistakes
    assert "2025-03-01" in site.read("impossible-date.html")  # the file name's date
    assert "Café Society" in site.read("cafe.html") and "naïve" in site.read("cafe.html")
    assert "A long synopsis that continues on a second line." in site.read("multi-line.html")
    assert (site.output / "author" / "strangelove-phd.html").exists()
    # The home page is still the home page; the post moved beside it, under its file name.
    assert 'id="latest-title"' in site.read("index.html")
    assert "marker-index" in site.read("2025-03-06-index.html")
    # A _drafts/ post is a draft: built under drafts/, listed nowhere.
    assert "Unfinished" not in site.read("index.html")
    assert "Unfinished" not in site.read("feeds/all.atom.xml")


def test_no_script_url_reaches_any_output(mistakes):
    _content, site = mistakes
    for path in [*site.html_files(), *site.output.rglob("*.xml")]:
        assert "javascript:" not in path.read_text(encoding="utf-8").lower(), path


def test_check_agrees_with_the_build(mistakes):
    content, _site = mistakes
    findings = lint.check_folder(content, {})
    said = {(f.path.rsplit("/", 1)[-1], f.field) for f in findings}
    for expected in [("2025-03-01-impossible-date.md", "date"), ("no-date-in-name.md", "date"),
                     ("2025-03-04-native-bad-date.md", "date"), ("2025-03-05-cafe.md", "file"),
                     ("2025-03-07-unclosed.md", "front matter"), ("2025-03-02-pelican-keys.md", "lang")]:
        assert expected in said, f"{expected} not in {sorted(said)}"
    assert not any(f.field == "synopsis" for f in findings if f.path.endswith("multi-line.md"))


def test_spaces_in_permalinks_and_image_names_are_encoded_in_links(mistakes):
    _content, site = mistakes
    assert not warnings_about(site, "spaced.md")  # the image with a query and a space is found
    assert (site.output / "assets/img/my poster.png").is_file()
    home = site.read("index.html")
    assert 'href="https://films.example/film%20review/spaced/"' in home
    assert 'src="https://films.example/assets/img/my%20poster.png?v=2"' in home
    assert 'width="60" height="60"' in home
    for path in site.html_files():
        for value in re.findall(r'(?:href|src)="([^"]*)"', path.read_text(encoding="utf-8")):
            assert " " not in value, (path, value)
