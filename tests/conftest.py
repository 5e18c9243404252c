"""Shared fixtures: real, in-process Pelican builds with captured log records.

Use from any test module:

    from conftest import REPO_ROOT, EXAMPLE_SITE, BuildResult, build_site

    def test_something(build_site, tmp_path):
        result = build_site(FIXTURES / "bad-rating")          # output -> tmp dir
        assert result.warnings == []                           # WARNING+ records
        html = result.read("review/red-rooms.html")

    def test_example(example_build):                           # built once per session
        assert (example_build.output / "index.html").exists()
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SITE = REPO_ROOT / "example_site"
EXAMPLE_CONF = EXAMPLE_SITE / "pelicanconf.py"
EXAMPLE_CONTENT = EXAMPLE_SITE / "content"

#: Loggers whose records a build captures (children propagate to these).
CAPTURED_LOGGERS = ("pelican", "pelican_reviews")


@dataclass
class BuildResult:
    """What a build produced: the output folder and every log record it emitted."""

    output: Path
    records: list[logging.LogRecord] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def warnings(self) -> list[logging.LogRecord]:
        """Records at WARNING level or above."""
        return [r for r in self.records if r.levelno >= logging.WARNING]

    @property
    def warning_messages(self) -> list[str]:
        """The formatted text of :attr:`warnings` (handy in assert messages)."""
        return [r.getMessage() for r in self.warnings]

    def messages(self, level: int = logging.DEBUG) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level]

    def read(self, relpath: str | os.PathLike[str]) -> str:
        """Text of a file in the output folder."""
        return (self.output / relpath).read_text(encoding="utf-8")

    def html_files(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))


class _ListHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _reset_pelican_log_state() -> None:
    """Forget what Pelican's logging remembers between builds in one process.

    ``pelican.log.LimitFilter`` keeps class-level sets: messages already
    emitted (a repeat is dropped, so a second build in the same process would
    log nothing for the same problem), per-group counters, and the LOG_FILTER
    ignore list (``read_settings`` adds to it and never removes).
    ``FatalLogger.fatal_lvl`` is class state set by ``pelican --fatal``; an
    in-process build must never raise on a warning, so put it back.
    """
    from pelican import log

    log.LimitFilter._raised_messages.clear()
    log.LimitFilter._group_count.clear()
    log.LimitFilter._ignore.clear()
    log.FatalLogger.fatal_lvl = logging.CRITICAL + 1


def build_site(
    content_dir: str | os.PathLike[str],
    output_dir: str | os.PathLike[str],
    settings_file: str | os.PathLike[str] | None = None,
    **setting_overrides: Any,
) -> BuildResult:
    """Run the real Pelican build in-process and capture its log records.

    ``settings_file`` is a pelicanconf.py (or None for Pelican's defaults);
    ``setting_overrides`` are Pelican settings (``THEME=...``,
    ``REVIEWS_FOO=...``) that win over it.  ``PLUGINS`` defaults to
    ``["pelican_reviews"]`` when neither the overrides nor the settings file
    set it.  ``CACHE_PATH`` defaults to a folder next to ``output_dir`` so
    builds never write into the repository.  Exceptions from Pelican propagate.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    content_dir = Path(content_dir).resolve()
    output_dir = Path(output_dir).resolve()
    overrides: dict[str, Any] = {
        "PATH": str(content_dir),
        "OUTPUT_PATH": str(output_dir),
        "CACHE_PATH": str(output_dir.parent / f"{output_dir.name}.cache"),
    }
    overrides.update(setting_overrides)

    handler = _ListHandler()
    loggers = [logging.getLogger(name) for name in CAPTURED_LOGGERS]
    saved_levels = [lg.level for lg in loggers]
    _reset_pelican_log_state()
    for lg in loggers:
        lg.addHandler(handler)
        # INFO and up are created as records even when the root level is WARNING.
        if lg.level == logging.NOTSET or lg.level > logging.INFO:
            lg.setLevel(logging.INFO)
    # A publishconf.py does `from pelicanconf import *`: a pelicanconf module
    # cached by an earlier build of another site must not answer for this one.
    sys.modules.pop("pelicanconf", None)
    try:
        settings = read_settings(
            path=str(settings_file) if settings_file is not None else None,
            override=dict(overrides),
        )
        if "PLUGINS" not in setting_overrides and not settings.get("PLUGINS"):
            settings["PLUGINS"] = ["pelican_reviews"]
        Pelican(settings).run()
    finally:
        for lg, level in zip(loggers, saved_levels):
            lg.removeHandler(handler)
            lg.setLevel(level)
        _reset_pelican_log_state()
    return BuildResult(output=output_dir, records=handler.records, settings=settings)


@pytest.fixture(name="build_site")
def build_site_fixture(tmp_path_factory):
    """``build_site(content_dir, output_dir=None, settings_file=None, **overrides)``.

    Same as the module-level :func:`build_site`, but ``output_dir`` defaults to
    a fresh temporary folder.
    """

    def _build(content_dir, output_dir=None, settings_file=None, **overrides):
        if output_dir is None:
            output_dir = tmp_path_factory.mktemp("site") / "output"
        return build_site(content_dir, output_dir, settings_file, **overrides)

    return _build


@pytest.fixture(scope="session")
def example_build(tmp_path_factory) -> BuildResult:
    """The example site (example_site/pelicanconf.py), built once per session."""
    if not EXAMPLE_CONF.exists():
        pytest.fail(f"{EXAMPLE_CONF.relative_to(REPO_ROOT)} is missing")
    output = tmp_path_factory.mktemp("example_site") / "output"
    return build_site(EXAMPLE_CONTENT, output, EXAMPLE_CONF)
