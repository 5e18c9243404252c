"""Two posts written to one output file: find them before Pelican writes.

Pelican stops with "Failed to overwrite" and no word of which posts
collided; Jekyll permalinks make such collisions easy to write by hand.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Mapping


def find_collisions(items: list[tuple[str, str]]) -> dict[str, list[str]]:
    """``(save_as, source_path)`` pairs → each shared ``save_as`` and its sources, sorted."""
    by_output: dict[str, list[str]] = defaultdict(list)
    for save_as, source in items:
        if save_as:
            by_output[os.path.normpath(save_as)].append(source)
    return {out: sorted(sources) for out, sources in by_output.items() if len(sources) > 1}


def free_path(save_as: str, source_path: str, taken: set[str]) -> str:
    """A path next to ``save_as`` named after the source file, not yet taken."""
    folder = os.path.dirname(os.path.normpath(save_as))
    stem = os.path.splitext(os.path.basename(source_path))[0]
    candidate, number = os.path.join(folder, f"{stem}.html"), 2
    while os.path.normpath(candidate) in taken:
        candidate, number = os.path.join(folder, f"{stem}-{number}.html"), number + 1
    return candidate


def site_pages(settings: Mapping[str, object]) -> dict[str, str]:
    """The files the site itself writes that a post could also claim, by path.

    Pelican's direct templates (``index.html``, ``tags.html``...) and the
    reviews index: a post named ``index.md`` or with ``permalink: /tags.html``
    would stop the build or replace the page.
    """
    pages = {}
    for name in settings.get("DIRECT_TEMPLATES", ()) or ():
        save_as = settings.get(f"{str(name).upper()}_SAVE_AS", f"{name}.html")
        if isinstance(save_as, str) and save_as:
            pages[os.path.normpath(save_as)] = f"the site's {name} page"
    reviews_index = settings.get("REVIEWS_INDEX_SAVE_AS", "reviews/index.html")
    if isinstance(reviews_index, str) and reviews_index:
        pages[os.path.normpath(reviews_index)] = "the reviews index"
    return pages
