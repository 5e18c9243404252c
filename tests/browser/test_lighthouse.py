"""Lighthouse (npm `lighthouse`, Debian chromium): 100 in every category on every page type."""

import json
import os
import subprocess
import tempfile

import pytest

from .tools import CHROMIUM, NODE_MODULES, require

LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(
    ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
     "--disable-background-networking", "--disable-component-update", "--disable-sync"]
)
# One of each kind of page the theme writes.
PAGE_TYPES = {
    "home": "/",
    "review": "/review/red-rooms",
    "reviews index": "/reviews/",
    "post": "/my-2024-top-ten.html",
    "page": "/pages/about.html",
    "tag": "/tag/criterion.html",
    "archives": "/archives.html",
}


def lighthouse_scores(url: str, preset: str) -> tuple[dict[str, float], list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        report = os.path.join(folder, "report.json")
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                   f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
        if preset == "desktop":
            command.append("--preset=desktop")
        env = dict(os.environ, CHROME_PATH=str(CHROMIUM))
        subprocess.run(command, check=True, env=env, timeout=240, capture_output=True)
        with open(report, encoding="utf-8") as handle:
            data = json.load(handle)
    scores = {name: data["categories"][name]["score"] for name in CATEGORIES}
    failing = [
        f"{audit['id']}: {audit['title']}"
        for audit in data["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") in ("binary", "numeric")
    ]
    return scores, failing


@pytest.mark.parametrize("preset", ["mobile", "desktop"])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_lighthouse_scores_100(site_server, name, preset):
    require(LIGHTHOUSE.exists(), "node_modules/.bin/lighthouse")
    require(CHROMIUM.exists(), str(CHROMIUM))
    scores, failing = lighthouse_scores(site_server.url(PAGE_TYPES[name]), preset)
    assert scores == {name: 1 for name in CATEGORIES}, failing
