"""Helpers for the browser tests: a local static server, axe-core, the Nu checker.

Everything here talks only to 127.0.0.1 and to local files.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import subprocess
import threading
import urllib.parse
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

CHROMIUM = Path("/usr/bin/chromium")
NODE_MODULES = REPO_ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO_ROOT / "tests" / "artifacts" / "screenshots"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]
LOCAL_HOSTS = {"127.0.0.1"}
#: URL schemes that never touch the network.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}

SETUP_HINT = "run `python3 dev.py test`, which installs it"


def require(ok: bool, what: str) -> None:
    """Skip (locally) or fail (under CI=true) when a tool is missing."""
    if ok:
        return
    msg = f"{what} is missing; {SETUP_HINT}"
    if os.environ.get("CI"):
        pytest.fail(msg, pytrace=False)
    pytest.skip(msg)


# ---------------------------------------------------------------- server


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with Pelican-style extensionless URLs.

    ``/review/red-rooms`` serves ``review/red-rooms.html``; ``/x/`` serves
    ``x/index.html`` (and ``/x`` redirects to ``/x/`` when x is a folder).
    """

    server: "SiteServer"

    def translate_path(self, path: str) -> str:
        fs_path = super().translate_path(path)
        url_path = urllib.parse.urlsplit(path).path
        if not os.path.exists(fs_path) and not url_path.endswith("/"):
            html = fs_path + ".html"
            if os.path.isfile(html):
                return html
        return fs_path

    def send_response(self, code, message=None):
        self.server.log.append((self.command, self.path, code))
        super().send_response(code, message)

    def log_message(self, format, *args):  # noqa: A002 - silence stderr noise
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    """A static server over ``root`` on 127.0.0.1 and a free port, in a thread."""

    daemon_threads = True

    def __init__(self, root: Path):
        self.root = Path(root)
        #: (method, path, status) of every response sent.
        self.log: list[tuple[str, str, int]] = []
        handler = lambda *a, **kw: _SiteHandler(*a, directory=str(self.root), **kw)  # noqa: E731
        super().__init__(("127.0.0.1", 0), handler)
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def url(self, path: str = "/") -> str:
        return self.base_url + "/" + path.lstrip("/")

    def errors(self) -> list[tuple[str, str, int]]:
        """Responses with status 400 or more (e.g. a stylesheet that 404s)."""
        return [entry for entry in self.log if entry[2] >= 400]

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)


# ---------------------------------------------------------------- requests


def is_external(url: str) -> bool:
    """True for a URL that would leave this machine's 127.0.0.1."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return False
    return parts.hostname not in LOCAL_HOSTS


def _route_local_only(route) -> None:
    if is_external(route.request.url):
        route.abort("blockedbyclient")
    else:
        route.continue_()


def open_page(browser, base_url: str | None = None, **context_options):
    """A page in a new context that never reaches past 127.0.0.1.

    Requests elsewhere are aborted, yet recorded like every other request:
    ``page.requests`` (all URLs, iframes included), ``page.external_requests()``,
    ``page.console_errors`` (console errors and uncaught exceptions),
    ``page.bad_responses`` ("404 http://..." for every 4xx/5xx response).
    Close it with ``page.context.close()``.
    """
    options = {
        "viewport": {"width": 1280, "height": 800},
        "service_workers": "block",
    }
    if base_url:
        options["base_url"] = base_url
    options.update(context_options)
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route("**/*", _route_local_only)
    page = context.new_page()
    page.requests = requests
    page.external_requests = lambda: [u for u in requests if is_external(u)]
    page.console_errors = []
    page.on(
        "console",
        lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.bad_responses = []
    context.on(
        "response",
        lambda r: page.bad_responses.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    return page


# ---------------------------------------------------------------- axe-core


def run_axe(page, color_scheme: str = "light", url: str | None = None) -> list[dict]:
    """Run axe-core in ``page`` and return its violations.

    The colour scheme (and reduced motion, so no transition is caught half
    way) is emulated first; when ``url`` is given the page is loaded after
    that, otherwise the current document is checked as it is.
    """
    require(AXE_JS.is_file(), f"axe-core ({AXE_JS.relative_to(REPO_ROOT)})")
    assert color_scheme in ("light", "dark"), color_scheme
    page.emulate_media(color_scheme=color_scheme, reduced_motion="reduce")
    if url is not None:
        page.goto(url, wait_until="load")
    # Evaluated through the DevTools protocol, so a page's Content-Security-
    # Policy (script-src 'self') does not block the injection.
    page.evaluate(
        "source => { if (!window.axe) { (0, eval)(source); } }",
        AXE_JS.read_text(encoding="utf-8"),
    )
    result = page.evaluate(
        """async tags => {
            const r = await axe.run(document, {
                runOnly: {type: 'tag', values: tags},
                resultTypes: ['violations'],
            });
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html,
                                          summary: n.failureSummary})),
            }));
        }""",
        AXE_TAGS,
    )
    return result


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            if node.get("summary"):
                lines.append("      " + node["summary"].replace("\n", "\n      "))
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


# ---------------------------------------------------------------- Nu checker


def run_vnu(files: list[Path], *, timeout: float = 600) -> list[dict]:
    """Check HTML files with the Nu HTML checker in ONE java run; return errors.

    Each error is vnu's JSON message plus a ``file`` key (a Path).  Warnings
    and info messages are dropped.
    """
    require(shutil.which("java") is not None, "java")
    require(VNU_JAR.is_file(), f"vnu-jar ({VNU_JAR.relative_to(REPO_ROOT)})")
    files = [Path(f).resolve() for f in files]
    if not files:
        return []
    proc = subprocess.run(
        ["java", "-Xss2m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always",
         *map(str, files)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    # vnu writes its JSON report to stderr.
    try:
        report = json.loads(proc.stderr or proc.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(
            f"vnu produced no JSON (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        ) from exc
    errors = []
    for msg in report.get("messages", []):
        if msg.get("type") not in ("error", "non-document-error"):
            continue
        url = msg.get("url", "")
        msg["file"] = Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)) if url else None
        errors.append(msg)
    return errors


def format_vnu(errors: list[dict], root: Path | None = None) -> str:
    lines = []
    for e in errors:
        where = e.get("file")
        if where is not None and root is not None:
            try:
                where = where.relative_to(root)
            except ValueError:
                pass
        line = e.get("lastLine", "?")
        lines.append(f"- {where}:{line}: {e.get('message')}")
        if e.get("extract"):
            lines.append("    " + e["extract"].replace("\n", " ")[:160])
    return "\n".join(lines)


# ---------------------------------------------------------------- PNG


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) read from a PNG's IHDR chunk; raises if not a PNG."""
    head = Path(path).read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise AssertionError(f"{path} is not a PNG")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
