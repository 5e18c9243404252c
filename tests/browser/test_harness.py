"""The test tooling itself: server URL mapping, chromium, axe, vnu, log capture.

These do not depend on the theme, so a failure here means the harness is
broken, not the site.
"""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from conftest import build_site

from .tools import SiteServer, format_violations, open_page, run_axe, run_vnu

pytestmark = pytest.mark.browser

VALID_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ok</title></head>
<body><main><h1>Fine</h1><p>Valid.</p></main></body></html>
"""


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, ""


@pytest.fixture
def tiny_site(tmp_path):
    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "red-rooms.html").write_text("<p>review page</p>")
    (tmp_path / "reviews").mkdir()
    (tmp_path / "reviews" / "index.html").write_text("<p>reviews index</p>")
    (tmp_path / "index.html").write_text("<p>home</p>")
    with SiteServer(tmp_path) as server:
        yield server


def test_server_maps_pelican_urls(tiny_site):
    assert _fetch(tiny_site.url("/")) == (200, "<p>home</p>")
    assert _fetch(tiny_site.url("/review/red-rooms")) == (200, "<p>review page</p>")
    assert _fetch(tiny_site.url("/review/red-rooms.html")) == (200, "<p>review page</p>")
    assert _fetch(tiny_site.url("/reviews/")) == (200, "<p>reviews index</p>")
    assert _fetch(tiny_site.url("/reviews")) == (200, "<p>reviews index</p>")  # via 301
    assert _fetch(tiny_site.url("/nope"))[0] == 404
    assert tiny_site.errors() == [("GET", "/nope", 404)]
    assert tiny_site.base_url.startswith("http://127.0.0.1:")


def test_chromium_loads_page_and_blocks_external_requests(browser, tiny_site, tmp_path):
    (tmp_path / "ext.html").write_text(
        '<!DOCTYPE html><title>x</title><img alt="" src="https://example.com/x.png">'
        '<p id="t">local</p>'
    )
    page = open_page(browser, tiny_site.base_url)
    try:
        page.goto("/ext", wait_until="load")
        assert page.locator("#t").inner_text() == "local"
        assert page.external_requests() == ["https://example.com/x.png"]
        assert page.requests[0] == tiny_site.url("/ext")
    finally:
        page.context.close()


def test_axe_finds_violations_even_under_csp(browser, tiny_site, tmp_path):
    (tmp_path / "bad.html").write_text(
        "<!DOCTYPE html><html><head><meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'self'; script-src 'self'\"><title>bad</title></head>"
        "<body><main><img src='/missing.png'></main></body></html>"
    )
    (tmp_path / "good.html").write_text(VALID_HTML)
    page = open_page(browser, tiny_site.base_url)
    try:
        ids = {v["id"] for v in run_axe(page, "dark", url="/bad")}
        assert {"image-alt", "html-has-lang"} <= ids
        good = run_axe(page, "light", url="/good")
        assert good == [], format_violations(good)
    finally:
        page.context.close()


def test_vnu_reports_errors_per_file(tmp_path):
    good = tmp_path / "good.html"
    good.write_text(VALID_HTML)
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div>x</div><bogus>")
    errors = run_vnu([good, bad])
    assert errors, "vnu found nothing in an invalid file"
    assert {e["file"] for e in errors} == {bad}


def _broken_content(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    # No title: Pelican warns and skips the file.
    (content / "untitled.md").write_text("Date: 2024-01-01\n\nBody.\n")
    return content


def test_build_site_captures_the_same_warning_in_every_build(tmp_path):
    content = _broken_content(tmp_path)
    first = build_site(content, tmp_path / "out1", PLUGINS=[])
    second = build_site(content, tmp_path / "out2", PLUGINS=[])
    assert first.warnings, first.messages()
    assert [r.getMessage() for r in second.warnings] == first.warning_messages
    assert (second.output / "index.html").exists()
