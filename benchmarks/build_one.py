#!/usr/bin/env python3
"""Build one benchmark site in this process; write its time and peak memory as JSON.

    python benchmarks/build_one.py --mode a|b --content DIR --output DIR --result FILE
        [--cache-dir DIR --cache-layer reader|generator] [--feeds]
        [--profile cprofile|pyinstrument --profile-out FILE]

Mode ``a``: plain Pelican, its default ``notmyidea`` theme, no plugin (the
``native`` corpus, ``Key: value`` metadata). Mode ``b``: ``pelican_reviews``
and its bundled theme (the ``yaml`` corpus). Every other setting is the same
(:func:`settings_for`). ``benchmarks/run.py`` starts one process per build so
that the peak resident memory reported here belongs to that build alone.
"""

from __future__ import annotations

import time

PROCESS_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

MODES = {
    "a": "plain Pelican + notmyidea, Key: value metadata",
    "b": "pelican_reviews + bundled theme, YAML front matter",
}


def settings_for(mode: str, content, output, cache_dir=None, cache_layer: str | None = None,
                 feeds: bool = False) -> dict:
    """Pelican settings for one benchmark build; ``a`` and ``b`` differ only in theme and plugins.

    ``cache_dir`` switches Pelican's content cache on (CACHE_CONTENT and
    LOAD_CONTENT_CACHE) at ``cache_layer``; without it caching is off.
    ``feeds`` turns on Pelican's default feeds (all, per category, per author).
    """
    settings = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "SITENAME": "Benchmark Reviews",
        "SITEURL": "",
        "RELATIVE_URLS": True,
        "TIMEZONE": "UTC",
        "DEFAULT_LANG": "en",
        "AUTHOR": "robbie",
        "ARTICLE_PATHS": ["reviews"],
        "PAGE_PATHS": ["pages"],
        "STATIC_PATHS": ["assets"],
        # The plugin's `permalink: /review/:title` gives these URLs; plain
        # Pelican gets the same ones from settings.
        "ARTICLE_URL": "review/{slug}",
        "ARTICLE_SAVE_AS": "review/{slug}.html",
        "DEFAULT_PAGINATION": 10,
        "PAGINATED_TEMPLATES": {"index": None, "tag": None, "category": None, "author": None},
        # No feeds in either build (feeds need an absolute SITEURL).
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "CACHE_PATH": str(Path(output).parent / (Path(output).name + ".cache")),
        "DELETE_OUTPUT_DIRECTORY": False,
    }
    if feeds:
        settings.update(
            FEED_DOMAIN="https://reviews.example",
            FEED_ALL_ATOM="feeds/all.atom.xml",
            CATEGORY_FEED_ATOM="feeds/{slug}.atom.xml",
            AUTHOR_FEED_ATOM="feeds/{slug}.atom.xml",
            AUTHOR_FEED_RSS="feeds/{slug}.rss.xml",
        )
    if cache_dir is not None:
        settings.update(
            CACHE_CONTENT=True,
            LOAD_CONTENT_CACHE=True,
            CONTENT_CACHING_LAYER=cache_layer or "reader",
            CACHE_PATH=str(cache_dir),
        )
    if mode == "a":
        # An explicit empty list: PLUGINS = None would load every namespace
        # plugin installed (pelican-seo, pelican-sitemap ...).
        settings["PLUGINS"] = []
    elif mode == "b":
        import pelican_reviews

        settings["PLUGINS"] = ["pelican_reviews"]
        settings["THEME"] = pelican_reviews.THEME_PATH
    else:
        raise ValueError(f"mode must be 'a' or 'b', not {mode!r}")
    return settings


class _Counter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def _timed_phases() -> dict[str, float]:
    """Wrap each generator's read and write step to time it (cheap; no profiler)."""
    from pelican import generators

    phases: dict[str, float] = {}

    def wrap(cls, method, label):
        original = getattr(cls, method)

        def timed(self, *args, **kwargs):
            start = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                phases[label] = phases.get(label, 0.0) + time.perf_counter() - start

        setattr(cls, method, timed)

    for cls in (generators.ArticlesGenerator, generators.PagesGenerator, generators.StaticGenerator):
        short = cls.__name__.replace("Generator", "").lower()
        wrap(cls, "generate_context", f"read {short}")
        wrap(cls, "generate_output", f"write {short}")
    return phases


def _gc_timer() -> dict[str, float]:
    """Time spent in the cyclic garbage collector, and how many full collections ran."""
    import gc

    totals = {"gc_s": 0.0, "gc_full_collections": 0}
    started = [0.0]

    def callback(phase, info):
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            totals["gc_s"] += time.perf_counter() - started[0]
            totals["gc_full_collections"] += info.get("generation") == 2

    gc.callbacks.append(callback)
    return totals


def build(args) -> dict:
    import_start = time.perf_counter()
    from pelican import Pelican
    from pelican.settings import read_settings

    if args.mode == "b":
        import pelican_reviews  # noqa: F401  (import cost belongs to the build)
    imported = time.perf_counter()

    counter = _Counter()
    for name in ("pelican", "pelican_reviews"):
        logging.getLogger(name).addHandler(counter)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    phases = _timed_phases()
    gc_totals = _gc_timer()
    counts: dict[str, int] = {}

    def count_articles(generator):
        counts["articles"] = len(generator.articles) + len(generator.hidden_articles) + len(generator.drafts)

    from pelican import signals

    signals.article_generator_finalized.connect(count_articles)
    profiler = None
    if args.profile == "cprofile":
        import cProfile

        profiler = cProfile.Profile()
    elif args.profile == "pyinstrument":
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)

    start = time.perf_counter()
    if profiler is not None:
        profiler.enable() if args.profile == "cprofile" else profiler.start()
    settings = read_settings(
        path=None,
        override=settings_for(args.mode, args.content, args.output, args.cache_dir, args.cache_layer, args.feeds),
    )
    Pelican(settings).run()
    if profiler is not None:
        profiler.disable() if args.profile == "cprofile" else profiler.stop()
    end = time.perf_counter()

    if args.profile == "cprofile":
        profiler.dump_stats(args.profile_out)
    elif args.profile == "pyinstrument":
        Path(args.profile_out).write_text(profiler.output_text(unicode=True, color=False, show_all=True))

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "mode": args.mode,
        "import_s": imported - import_start,
        "build_s": end - start,
        "process_s": end - PROCESS_START,
        "articles": counts.get("articles", 0),
        "phases_s": phases,
        **gc_totals,
        # CPU seconds of the whole process (user + system): less disturbed by
        # other work on the machine than wall time.
        "cpu_s": usage.ru_utime + usage.ru_stime,
        # Linux reports kilobytes.
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "warnings": counter.messages,
        "profile": args.profile,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=sorted(MODES), required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--result", required=True, help="JSON file to write the measurements to")
    parser.add_argument("--cache-dir")
    parser.add_argument("--cache-layer", choices=("reader", "generator"))
    parser.add_argument("--feeds", action="store_true", help="Pelican's default feeds, in both builds")
    parser.add_argument("--profile", choices=("cprofile", "pyinstrument"))
    parser.add_argument("--profile-out")
    args = parser.parse_args(argv)
    result = build(args)
    Path(args.result).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
