"""Edits to a copied post's front matter: pinning its old URL."""

from __future__ import annotations

import json
import re

from .. import frontmatter

PERMALINK_LINE = re.compile(r"^permalink[ \t]*:[^\n]*$", re.M)


def pin_permalink(text: str, url: str) -> str | None:
    """The post's text with ``permalink:`` set to the literal ``/url``, or None."""
    block = frontmatter.find_block(text)
    if block is None:
        return None
    newline = "\r\n" if "\r\n" in text[:block.end] else "\n"
    line = f"permalink: {json.dumps('/' + url, ensure_ascii=False)}  # the Jekyll URL, kept by import-jekyll"
    start, end = block.yaml_start, block.yaml_end
    yaml_text = text[start:end]
    if PERMALINK_LINE.search(yaml_text):
        new_yaml = PERMALINK_LINE.sub(lambda m: line + ("\r" if m.group(0).endswith("\r") else ""), yaml_text, count=1)
    elif yaml_text.strip():
        new_yaml = yaml_text + newline + line
    else:
        new_yaml = line + newline
    pinned = text[:start] + new_yaml + text[end:]
    try:
        split = frontmatter.split(pinned)
    except frontmatter.FrontMatterError:
        return None
    if split is None or split.data.get("permalink") != "/" + url:
        return None
    return pinned
