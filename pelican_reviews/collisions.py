"""Two posts written to one output file: find them before Pelican writes.

Pelican stops with "Failed to overwrite" and no word of which posts
collided; Jekyll permalinks make such collisions easy to write by hand.
"""

from __future__ import annotations

import os
from collections import defaultdict


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
