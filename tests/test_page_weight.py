"""Page weight of the example site: bytes a reader downloads, images aside.

A page's weight is its HTML plus every local stylesheet (``<link
rel=stylesheet>``, and CSS ``@import``) and script (``<script src>``) it
loads, each file counted once, uncompressed. Images, fonts and the video
behind the click-to-play trailer are left out. Budgets (KB = 1024 bytes):

- every review page: 25 KB
- the home page (up to 10 cards): 40 KB
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import EXAMPLE_CONTENT

KB = 1024
REVIEW_PAGE_BUDGET = 25 * KB
HOME_PAGE_BUDGET = 40 * KB
HOME_MAX_CARDS = 10

CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""")
LAYOUT_REVIEW = re.compile(r"^layout:\s*[\"']?review[\"']?\s*$", re.I | re.M)


class _PageParser(HTMLParser):
    """Stylesheets, scripts, body classes and card count of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stylesheets: list[str] = []
        self.scripts: list[str] = []
        self.body_classes: set[str] = set()
        self.cards = 0

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        classes = set(attributes.get("class", "").split())
        if tag == "link" and "stylesheet" in attributes.get("rel", "").lower().split():
            self.stylesheets.append(attributes.get("href", ""))
        elif tag == "script" and attributes.get("src"):
            self.scripts.append(attributes["src"])
        elif tag == "body":
            self.body_classes = classes
        if "review-card" in classes:
            self.cards += 1


def parse(page: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def local_file(output: Path, referrer: Path, url: str) -> Path:
    """The output file a page's ``href``/``src`` points at; fails for anything not local."""
    parts = urlsplit(url)
    assert not parts.scheme and not parts.netloc, (
        f"{referrer.relative_to(output)} loads {url} from another host: it cannot be weighed "
        "(and the theme promises no CDN)"
    )
    path = unquote(parts.path)
    target = (output / path.lstrip("/")) if path.startswith("/") else (referrer.parent / path)
    target = target.resolve()
    assert target.is_file(), f"{referrer.relative_to(output)} loads {url}, which is not in the output"
    return target


def page_weight(output: Path, page: Path) -> dict[str, int]:
    """Bytes of the page and each stylesheet and script it loads, by output path."""
    found = parse(page)
    weights = {page.relative_to(output).as_posix(): page.stat().st_size}
    stylesheets = [local_file(output, page, href) for href in found.stylesheets]
    while stylesheets:
        sheet = stylesheets.pop()
        key = sheet.relative_to(output.resolve()).as_posix()
        if key in weights:
            continue
        weights[key] = sheet.stat().st_size
        for url in CSS_IMPORT.findall(sheet.read_text(encoding="utf-8")):
            stylesheets.append(local_file(output, sheet, url))
    for src in found.scripts:
        script = local_file(output, page, src)
        weights.setdefault(script.relative_to(output.resolve()).as_posix(), script.stat().st_size)
    return weights


def describe(weights: dict[str, int]) -> str:
    return ", ".join(f"{name} {size / KB:.1f} KB" for name, size in weights.items())


def review_sources() -> list[Path]:
    """Example posts that ask for the review layout (YAML or ``Key: value``)."""
    return [p for p in sorted(EXAMPLE_CONTENT.rglob("*.md")) if LAYOUT_REVIEW.search(p.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def review_pages(example_build) -> list[Path]:
    return [p for p in example_build.html_files() if "review" in parse(p).body_classes]


def test_every_review_is_weighed(review_pages):
    # The review template marks its <body> with the "review" class; if that
    # changed, the budget test below would quietly weigh nothing.
    assert len(review_pages) >= len(review_sources()) > 0


def test_review_pages_fit_the_budget(example_build, review_pages):
    over = {}
    for page in review_pages:
        weights = page_weight(example_build.output, page)
        if sum(weights.values()) > REVIEW_PAGE_BUDGET:
            over[page.relative_to(example_build.output).as_posix()] = (sum(weights.values()), describe(weights))
    assert not over, "review pages over 25 KB (HTML + CSS + JS): " + "; ".join(
        f"{name}: {total / KB:.1f} KB ({parts})" for name, (total, parts) in over.items()
    )


def test_home_page_fits_the_budget(example_build):
    home = example_build.output / "index.html"
    cards = parse(home).cards
    assert 0 < cards <= HOME_MAX_CARDS, f"the home page shows {cards} cards; the budget is for up to {HOME_MAX_CARDS}"
    weights = page_weight(example_build.output, home)
    total = sum(weights.values())
    assert total <= HOME_PAGE_BUDGET, (
        f"home page with {cards} cards is {total / KB:.1f} KB (HTML + CSS + JS), over 40 KB: {describe(weights)}"
    )


def test_weights_count_linked_files(tmp_path):
    """The weigher follows relative and root-relative links and CSS @import, once each."""
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "a.css").write_text('@import url("b.css");\nbody{color:red}', encoding="utf-8")
    (tmp_path / "css" / "b.css").write_text("p{margin:0}", encoding="utf-8")
    (tmp_path / "app.js").write_text("void 0;", encoding="utf-8")
    (tmp_path / "post").mkdir()
    page = tmp_path / "post" / "index.html"
    page.write_text(
        '<link rel="stylesheet" href="../css/a.css"><link rel="stylesheet" href="/css/a.css?v=2">'
        '<script src="/app.js" defer></script><script>inline()</script>',
        encoding="utf-8",
    )
    weights = page_weight(tmp_path, page)
    assert weights == {
        "post/index.html": page.stat().st_size,
        "css/a.css": (tmp_path / "css" / "a.css").stat().st_size,
        "css/b.css": (tmp_path / "css" / "b.css").stat().st_size,
        "app.js": (tmp_path / "app.js").stat().st_size,
    }
