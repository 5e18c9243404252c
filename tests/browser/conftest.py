"""Browser-test fixtures: the built example site over http, Debian's chromium.

Fixtures (all tests under tests/browser/ are marked ``browser`` automatically):

``site_server``  (session) a :class:`tools.SiteServer` serving
                 ``example_build.output`` on 127.0.0.1:<free port>;
                 ``site_server.url("/review/red-rooms")`` gives a full URL,
                 ``site_server.errors()`` lists 4xx/5xx responses sent.
``browser``      (session) Playwright chromium = /usr/bin/chromium, headless.
``new_page``     factory ``new_page(**context_options) -> Page`` opening a page
                 in a fresh context (``base_url`` = the site server, 1280x800,
                 service workers blocked).  Requests to any host but 127.0.0.1
                 are aborted and never reach the network, but are recorded:
                 ``page.requests`` lists every request URL the context made
                 (iframes included), ``page.external_requests()`` those that
                 left 127.0.0.1, ``page.console_errors`` console errors and
                 uncaught exceptions, ``page.bad_responses`` 4xx/5xx
                 responses ("404 http://...").  Contexts are closed at teardown.
``page``         ``new_page()`` with the defaults.
``site_pages``   (session) {"home": "/", "review": "/review/red-rooms",
                 "reviews": "/reviews/", "tag": <first page under tag/>}.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .tools import CHROMIUM, CHROMIUM_ARGS, SiteServer, open_page, require

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_server(example_build):
    with SiteServer(example_build.output) as server:
        yield server


@pytest.fixture(scope="session")
def _playwright():
    require(CHROMIUM.exists(), str(CHROMIUM))
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        yield pw
    finally:
        pw.stop()


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=CHROMIUM_ARGS,
    )
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def new_page(browser, site_server):
    contexts = []

    def _new_page(**context_options):
        page = open_page(browser, site_server.base_url, **context_options)
        contexts.append(page.context)
        return page

    yield _new_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def url_for(output: Path, html_file: Path) -> str:
    """The extensionless URL path the site server gives an output file."""
    rel = html_file.relative_to(output).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel.removesuffix(".html")


@pytest.fixture(scope="session")
def site_pages(example_build) -> dict[str, str]:
    """URL paths of the example site's key pages: home, review, reviews, tag."""
    tags = sorted(example_build.output.glob("tag/**/*.html"))
    if not tags:
        pytest.fail("the example build wrote no page under tag/")
    return {
        "home": "/",
        "review": "/review/red-rooms",
        "reviews": "/reviews/",
        "tag": url_for(example_build.output, tags[0]),
    }
