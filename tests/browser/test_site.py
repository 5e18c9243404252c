"""What a reader sees of the example site, in Debian's chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .tools import (
    SCREENSHOTS,
    format_violations,
    format_vnu,
    png_size,
    run_axe,
    run_vnu,
)

pytestmark = pytest.mark.browser

KEY_PAGES = ["home", "review", "reviews", "tag"]
REVIEW = "/review/red-rooms"
TRAILER_ID = "r1sj0OFXbkE"
EMBED_PREFIX = f"https://www.youtube-nocookie.com/embed/{TRAILER_ID}"
WATCH_URL = f"https://www.youtube.com/watch?v={TRAILER_ID}"
SYNOPSIS_START = "The high-profile case of serial killer Ludovic Chevalier has just gone to trial"
TRACKER_HOSTS = re.compile(r"youtube|youtu\.be|ytimg|google|gstatic|doubleclick", re.I)


def _load(page, path):
    response = page.goto(path, wait_until="networkidle")
    assert response is not None and response.status == 200, f"{path}: {response and response.status}"
    return response


# ---------------------------------------------------------------- privacy


@pytest.mark.parametrize("name", KEY_PAGES)
def test_loading_a_page_makes_no_request_off_this_machine(page, site_pages, name):
    _load(page, site_pages[name])
    assert page.external_requests() == [], f"{site_pages[name]} reached out to other hosts"


@pytest.mark.parametrize("name", KEY_PAGES)
def test_page_loads_every_local_resource_without_errors(page, site_pages, name):
    _load(page, site_pages[name])
    assert page.bad_responses == []
    assert page.console_errors == []


# ---------------------------------------------------------------- trailer


def test_trailer_iframe_appears_only_after_click(page):
    _load(page, REVIEW)
    assert page.locator("iframe").count() == 0, "an iframe is present before any click"
    assert [u for u in page.requests if TRACKER_HOSTS.search(u)] == []

    page.get_by_role("button", name=re.compile("trailer", re.I)).first.click()

    iframe = page.locator("iframe")
    expect(iframe).to_have_count(1)
    src = iframe.get_attribute("src") or ""
    assert src.startswith(EMBED_PREFIX), src
    assert (iframe.get_attribute("title") or "").strip(), "the trailer iframe has no title"
    # Only the privacy-enhanced player may be contacted, and only now.
    page.wait_for_timeout(300)
    others = [u for u in page.external_requests() if not u.startswith("https://www.youtube-nocookie.com/")]
    assert others == []


def test_trailer_is_a_plain_link_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    _load(page, REVIEW)
    link = page.locator(f'a[href^="{WATCH_URL}"]')
    expect(link.first).to_be_visible()
    assert page.locator("iframe").count() == 0
    assert page.external_requests() == []


# ---------------------------------------------------------------- accessibility


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", KEY_PAGES)
def test_axe_finds_no_violations(page, site_pages, name, scheme):
    violations = run_axe(page, scheme, url=site_pages[name])
    assert violations == [], f"{site_pages[name]} ({scheme}):\n{format_violations(violations)}"


def test_review_page_reads_its_rating_and_synopsis(page):
    _load(page, REVIEW)
    tree = page.locator("body").aria_snapshot()
    assert "4.5 out of 5" in tree, "the rating is not in the accessibility tree as text"
    assert SYNOPSIS_START in tree
    expect(page.get_by_text(SYNOPSIS_START).first).to_be_visible()


# ---------------------------------------------------------------- HTML validity


def test_every_html_file_is_valid_html(example_build):
    files = example_build.html_files()
    assert files, "the example build wrote no HTML"
    errors = run_vnu(files)
    assert errors == [], f"{len(errors)} vnu errors:\n{format_vnu(errors, example_build.output)}"


# ---------------------------------------------------------------- layout


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", ["home", "review"])
def test_full_page_screenshot(new_page, site_pages, name, width):
    from PIL import Image

    page = new_page(viewport={"width": width, "height": 844}, reduced_motion="reduce")
    _load(page, site_pages[name])
    # Scroll as a reader would, so that lazy images (cards, related reviews)
    # load and show in the shot; then every image must have loaded.
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height, 600):
        page.evaluate("top => window.scrollTo(0, top)", top)
    page.wait_for_function("[...document.images].every(img => img.complete)", timeout=10_000)
    page.evaluate("window.scrollTo(0, 0)")
    broken = page.evaluate("[...document.images].filter(img => !img.naturalWidth).map(img => img.src)")
    assert broken == [], f"images that did not load on the {name} page: {broken}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{width}.png"
    path.unlink(missing_ok=True)
    page.screenshot(path=str(path), full_page=True, animations="disabled")

    assert path.is_file()
    shot_width, shot_height = png_size(path)
    assert shot_height >= 400, f"{path.name} is only {shot_height}px tall"
    with Image.open(path) as img:
        colours = img.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is None or len(colours) > 8, f"{path.name} is nearly blank"
    assert shot_width == width, f"{site_pages[name]} scrolls sideways at {width}px"


@pytest.mark.parametrize("name", KEY_PAGES)
def test_no_sideways_scrolling_on_a_phone(new_page, site_pages, name):
    page = new_page(viewport={"width": 390, "height": 844})
    _load(page, site_pages[name])
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 390, f"{site_pages[name]} is {scroll_width}px wide on a 390px screen"
