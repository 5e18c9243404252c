"""Write one page by streaming its template into the file.

Pelican's writer renders a page to one string before writing it. The
reviews index lists every review, so on a large site that string (and the
pieces Jinja joins into it) would set the build's peak memory; streaming
keeps memory flat however many reviews there are.
"""

from __future__ import annotations

import logging
import os

from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join

logger = logging.getLogger(__name__)


def stream_page(writer, name: str, template, context: dict, *, relative_urls: bool, **extra) -> str:
    """Render ``template`` into ``name`` under the writer's output folder, as Writer.write_file does."""
    local = dict(context, output_file=name, **extra)
    local.setdefault("localsiteurl", None)
    if relative_urls:
        relative = path_to_url(get_relative_path(name))
        local["SITEURL"] = local["localsiteurl"] = relative
    path = sanitised_join(writer.output_path, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # The writer's own opener: it refuses to overwrite a page written earlier in the build.
    with writer._open_w(path, "utf-8") as handle:
        for chunk in template.generate(local):
            handle.write(chunk)
    logger.info('Writing "%s"', path)
    signals.content_written.send(path, context=local)
    return path
