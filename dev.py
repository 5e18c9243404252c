#!/usr/bin/env python3
"""Developer entry point for pelican-reviews (standard library only).

    python3 dev.py serve [--port N] [--bind ADDR]   build the example site, serve it
    python3 dev.py build                            build the example site, then exit
    python3 dev.py test [pytest args...]            set up everything, run pytest

Every command first makes sure ``.venv`` exists and holds an editable install
of the project with its ``test`` extras.  The install is redone only when
``pyproject.toml`` changes (a stamp file in ``.venv`` remembers its hash).

``test`` also makes sure the system tools the browser tests use are present
(Debian's chromium + chromedriver, node/npm, a Java runtime), installing the
missing ones with apt-get, and that ``node_modules`` matches
``package-lock.json`` (``npm ci``).  It then runs ``.venv/bin/python -m pytest``
with the given arguments and exits with pytest's exit code.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
VENV_STAMP = VENV / ".dev-py-stamp"
NODE_MODULES = ROOT / "node_modules"
NPM_STAMP = NODE_MODULES / ".dev-py-stamp"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

SITE = ROOT / "example_site"
SITE_CONTENT = SITE / "content"
SITE_CONF = SITE / "pelicanconf.py"
SITE_OUTPUT = SITE / "output"

IS_WINDOWS = os.name == "nt"
VENV_BIN = VENV / ("Scripts" if IS_WINDOWS else "bin")
VENV_PY = VENV_BIN / ("python.exe" if IS_WINDOWS else "python")

# Browser/driver downloads are never wanted: the tests use Debian's chromium.
NO_DOWNLOAD_ENV = {
    "PUPPETEER_SKIP_DOWNLOAD": "true",
    "CHROMEDRIVER_SKIP_DOWNLOAD": "true",
    "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1",
}


class StepError(Exception):
    """A set-up step failed; the message has already been made complete."""


# ---------------------------------------------------------------- output


def say(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def step(name: str, func, *args):
    """Run one set-up step, printing a single status line for it."""
    start = time.monotonic()
    result = func(*args)
    detail = result if isinstance(result, str) else "ok"
    say(f"{name}: {detail} ({time.monotonic() - start:.1f}s)")
    return result


def run(cmd, *, env=None, quiet=True, cwd=ROOT) -> None:
    """Run ``cmd``; when ``quiet`` hide its output unless it fails."""
    full_env = dict(os.environ, **(env or {}))
    shown = " ".join(str(c) for c in cmd)
    if not quiet:
        proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=full_env)
        if proc.returncode != 0:
            raise StepError(f"command failed (exit {proc.returncode}): {shown}")
        return
    proc = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )
    if proc.returncode != 0:
        raise StepError(
            f"command failed (exit {proc.returncode}): {shown}\n"
            f"{proc.stdout.rstrip()}"
        )


def digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode() + b"\0")
        h.update(p.read_bytes() if p.exists() else b"<missing>")
        h.update(b"\0")
    return h.hexdigest()


# ---------------------------------------------------------------- venv


def _venv_works() -> bool:
    if not VENV_PY.exists():
        return False
    try:
        proc = subprocess.run(
            [str(VENV_PY), "-c", "import sys; print(sys.version_info >= (3, 11))"],
            capture_output=True,
            text=True,
        )
    except OSError:
        return False
    return proc.returncode == 0 and proc.stdout.strip() == "True"


def _ensure_ensurepip() -> None:
    """Debian's python3 needs the python3-venv package for ``-m venv``."""
    probe = subprocess.run(
        [sys.executable, "-c", "import ensurepip, venv"], capture_output=True
    )
    if probe.returncode == 0:
        return
    ver = f"{sys.version_info.major}.{sys.version_info.minor}"
    apt_install([f"python{ver}-venv"])


def ensure_venv() -> str:
    stamp_value = digest(ROOT / "pyproject.toml") + f" py{sys.version_info[:2]}"
    created = False
    if not _venv_works():
        if VENV.exists():
            shutil.rmtree(VENV)
        _ensure_ensurepip()
        run([sys.executable, "-m", "venv", VENV])
        created = True
    elif VENV_STAMP.exists() and VENV_STAMP.read_text().strip() == stamp_value:
        return "up to date"
    run([VENV_PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run(
        [VENV_PY, "-m", "pip", "install", "--quiet", "-e", ".[test]"],
        env=NO_DOWNLOAD_ENV,
    )
    VENV_STAMP.write_text(stamp_value + "\n")
    return "created and installed" if created else "reinstalled (pyproject.toml changed)"


# ---------------------------------------------------------------- system tools


def _sudo() -> list[str]:
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        if shutil.which("sudo"):
            return ["sudo", "-n"] if not sys.stdin.isatty() else ["sudo"]
        raise StepError("not root and sudo is missing: cannot apt-get install")
    return []


_apt_updated = False


def _apt(args: list[str]) -> None:
    """apt-get with a wait for the dpkg/apt locks (another apt may be running)."""
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    cmd = _sudo() + [
        "apt-get",
        "-o",
        "DPkg::Lock::Timeout=600",
        "-o",
        "Acquire::Retries=3",
        *args,
    ]
    deadline = time.monotonic() + 900
    while True:
        try:
            run(cmd, env=env)
            return
        except StepError as exc:
            # `apt-get update` does not honour DPkg::Lock::Timeout for the
            # lists lock in every apt version: retry while a lock is held.
            if "lock" in str(exc).lower() and time.monotonic() < deadline:
                time.sleep(5)
                continue
            raise


def apt_install(packages: list[str]) -> None:
    global _apt_updated
    if not shutil.which("apt-get"):
        raise StepError(
            "apt-get not found; install these yourself: " + " ".join(packages)
        )
    if not _apt_updated:
        _apt(["update", "-q"])
        _apt_updated = True
    _apt(["install", "-y", "-q", "--no-install-recommends", *packages])


def missing_system_packages() -> list[str]:
    wanted: list[str] = []
    if not CHROMIUM.exists():
        wanted.append("chromium")
    if not CHROMEDRIVER.exists():
        wanted.append("chromium-driver")
    if not (shutil.which("npm") and shutil.which("node")):
        wanted += ["nodejs", "npm"]
    if not shutil.which("java"):
        wanted.append("default-jre-headless")
    return wanted


def ensure_system_tools() -> str:
    wanted = missing_system_packages()
    if not wanted:
        return "present"
    if not shutil.which("apt-get"):
        # Not a Debian-like machine: the browser tests will skip locally
        # (and fail under CI=true), which tells the developer what is missing.
        return "MISSING (no apt-get): " + " ".join(wanted)
    apt_install(wanted)
    still = missing_system_packages()
    if still:
        raise StepError("still missing after apt-get install: " + " ".join(still))
    return "installed " + " ".join(wanted)


# ---------------------------------------------------------------- npm


def ensure_node_modules() -> str:
    npm = shutil.which("npm")
    if not npm:
        return "skipped (npm missing)"
    lock = ROOT / "package-lock.json"
    stamp_value = digest(ROOT / "package.json", lock)
    if NPM_STAMP.exists() and NPM_STAMP.read_text().strip() == stamp_value:
        return "up to date"
    # --ignore-scripts: the only install script (vnu-jar's) downloads a Java
    # runtime when none is found; we use the system `java` instead.
    args = ["ci"] if lock.exists() else ["install"]
    run(
        [npm, *args, "--no-audit", "--no-fund", "--ignore-scripts"],
        env=NO_DOWNLOAD_ENV,
    )
    NPM_STAMP.write_text(digest(ROOT / "package.json", lock) + "\n")
    return "installed (" + " ".join(args) + ")"


# ---------------------------------------------------------------- commands


def build_site() -> None:
    cmd = [
        VENV_BIN / "pelican",
        SITE_CONTENT.relative_to(ROOT),
        "-s",
        SITE_CONF.relative_to(ROOT),
        "-o",
        SITE_OUTPUT.relative_to(ROOT),
        "--delete-output-directory",
        "--fatal",
        "warnings",
    ]
    if not sys.stdout.isatty():
        # Rich's column layout wraps tracebacks at 80 chars in CI logs.
        cmd += ["--log-handler", "plain"]
    say("build: pelican " + " ".join(str(c) for c in cmd[1:]))
    start = time.monotonic()
    run(cmd, quiet=False)
    say(f"build: ok ({time.monotonic() - start:.1f}s) -> {SITE_OUTPUT.relative_to(ROOT)}/")


def cmd_build(_args: list[str]) -> int:
    step("venv", ensure_venv)
    build_site()
    return 0


def cmd_serve(args: list[str]) -> int:
    port, bind = "8000", "127.0.0.1"
    it = iter(args)
    for a in it:
        if a in ("-p", "--port"):
            port = next(it, port)
        elif a in ("-b", "--bind"):
            bind = next(it, bind)
        else:
            raise StepError(f"serve: unknown argument {a!r} (use --port N / --bind ADDR)")
    step("venv", ensure_venv)
    build_site()
    say(f"serve: http://{bind}:{port}/ (Ctrl-C to stop)")
    cmd = [
        VENV_BIN / "pelican",
        "--listen",
        "-s",
        SITE_CONF.relative_to(ROOT),
        "-o",
        SITE_OUTPUT.relative_to(ROOT),
        "-b",
        bind,
        "-p",
        port,
    ]
    proc = subprocess.Popen([str(c) for c in cmd], cwd=ROOT)

    def _on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _on_term)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
        say("serve: stopped")
        return 0


def cmd_test(args: list[str]) -> int:
    setup_start = time.monotonic()
    step("venv", ensure_venv)
    step("system tools", ensure_system_tools)
    step("node_modules", ensure_node_modules)
    say(f"setup done in {time.monotonic() - setup_start:.1f}s; running pytest")
    env = dict(os.environ, **NO_DOWNLOAD_ENV)
    proc = subprocess.run([str(VENV_PY), "-m", "pytest", *args], cwd=ROOT, env=env)
    return proc.returncode


COMMANDS = {"serve": cmd_serve, "build": cmd_build, "test": cmd_test}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    os.chdir(ROOT)
    try:
        return COMMANDS[argv[0]](argv[1:])
    except StepError as exc:
        print(f"[dev] ERROR: {exc}", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("[dev] interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
