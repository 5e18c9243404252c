"""pelican-reviews: film-review blogging for Pelican.

Enable with ``PLUGINS = ["pelican_reviews"]``; use the bundled theme with
``THEME = pelican_reviews.THEME_PATH``.
"""

from pathlib import Path

from pelican import signals


def _theme_path() -> str:
    # Installed wheels carry the theme inside the package; a checkout (or an
    # editable install) keeps it at the repository's top level.
    inside = Path(__file__).parent / "theme"
    return str(inside if (inside / "templates").is_dir() else Path(__file__).parent.parent / "theme")


THEME_PATH = _theme_path()


def register():
    from . import handlers

    signals.initialized.connect(handlers.check_settings)
    signals.readers_init.connect(handlers.use_review_reader)
    signals.generator_init.connect(handlers.add_partials_and_filters)
    signals.generator_init.connect(handlers.add_structured_data)
    signals.feed_generated.connect(handlers.add_reviews_to_feed)
    signals.article_generator_finalized.connect(handlers.attach_collections)
    signals.article_writer_finalized.connect(handlers.write_reviews_index)
    signals.all_generators_finalized.connect(handlers.resolve_collisions)
